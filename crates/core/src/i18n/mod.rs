//! Every user-visible string of the widget, in Vietnamese and English, and the
//! wording of errors and dates. Pure: no browser APIs.
//!
//! Each concern has its own file, and each dispatches on [`Lang`] with an
//! exhaustive `match`, so a new language (or a new [`Reason`](crate::error::Reason))
//! without wording fails to compile instead of falling back silently:
//!
//! - `ui`: the fixed strings, one [`Strings`] table per language, looked up
//!   with [`Lang::strings`];
//! - `dates`: dates and times in words ([`short_date`], [`long_date`],
//!   [`date_range`], [`lunar_date`], [`zone_label`], [`clock_time`]) and the
//!   countdown's sentences ([`anniversary`], [`time_until`], [`milestone`],
//!   [`clock_corrected`]);
//! - `errors`: why a config was refused ([`reason_text`], [`error_message`]),
//!   one function per language, each an exhaustive match over the reasons.
//!
//! Everything is re-exported here, so callers name `i18n::…` whatever file it
//! lives in.

mod dates;
mod errors;
mod ui;

pub use dates::{
    anniversary, clock_corrected, clock_time, date_range, long_date, lunar_date, milestone,
    short_date, time_until, zone_label,
};
pub use errors::{error_message, reason_text};
pub use ui::Strings;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language of a BCP 47 tag (`vi`, `vi-VN`, `en-GB`), if the widget speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag used for `lang` attributes and text maps.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The fixed strings of the widget in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &ui::VI,
            Lang::En => &ui::EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
