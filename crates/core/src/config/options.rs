//! The embed attributes other than the config: which sections to show, the
//! colour theme, and the `now` that freezes the clock.

use crate::error::{quote, Error, Reason};
use crate::time::{parse_date_spec, DateError, DateSpec, Millis};

/// One of the widget's three sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Title, body, basis, summary, goals, source.
    Summary,
    /// The featured countdown and the timeline of key dates.
    Countdown,
    /// "Bản đồ".
    Map,
}

impl Section {
    /// All three, in the default order.
    pub const ALL: [Section; 3] = [Section::Summary, Section::Countdown, Section::Map];

    /// The section's name in the `sections` attribute (`summary`, `countdown`,
    /// `map`); static/embed.js and static/builder.js get these from the build.
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Countdown => "countdown",
            Section::Map => "map",
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the visitor's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of the `data-theme` attribute the stylesheet keys on.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Parses the `sections` attribute: a comma list of `summary`, `countdown`, `map`,
/// shown in the order given. Absent or blank means all three.
pub fn parse_sections(attribute: Option<&str>) -> Result<Vec<Section>, Error> {
    let Some(list) = attribute.filter(|a| !a.trim().is_empty()) else {
        return Ok(Section::ALL.to_vec());
    };
    let mut sections = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let Some(section) = Section::ALL
            .into_iter()
            .find(|section| section.name().eq_ignore_ascii_case(name))
        else {
            return Err(Error::at(
                "sections",
                Reason::UnknownSection { value: quote(name) },
            ));
        };
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    Ok(sections)
}

/// Parses the `theme` attribute; absent means `auto`.
pub fn parse_theme(attribute: Option<&str>) -> Result<Theme, Error> {
    match attribute.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("auto") => Ok(Theme::Auto),
        Some("light") => Ok(Theme::Light),
        Some("dark") => Ok(Theme::Dark),
        Some(other) => Err(Error::at(
            "theme",
            Reason::UnknownTheme {
                value: quote(other),
            },
        )),
    }
}

/// Parses the `now` attribute, an RFC 3339 instant with an offset
/// (`2026-11-25T10:00:00+07:00`), into ms since the Unix epoch (UTC).
///
/// # Errors
/// `Reason::Date` at path `now` for anything else: a bare day (`2026-11-25`) is
/// [`DateError::Format`], since a frozen clock needs an instant.
pub fn parse_now(attribute: &str) -> Result<Millis, Error> {
    let error = |error| {
        Error::at(
            "now",
            Reason::Date {
                value: quote(attribute),
                error,
            },
        )
    };
    match parse_date_spec(attribute.trim()) {
        Ok(DateSpec::Instant { at, .. }) => Ok(at),
        Ok(DateSpec::Day(_)) => Err(error(DateError::Format)),
        Err(date_error) => Err(error(date_error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now() {
        // 2026-11-25T03:00:00Z
        assert_eq!(
            parse_now(" 2026-11-25T10:00:00+07:00 "),
            Ok(1_795_575_600_000)
        );
        assert_eq!(parse_now("2026-11-25T03:00:00Z"), Ok(1_795_575_600_000));
        for bad in ["2026-11-25", "2026-11-25T10:00:00", "tomorrow", ""] {
            let error = parse_now(bad).err();
            assert_eq!(
                error.as_ref().map(|e| e.path.as_str()),
                Some("now"),
                "{bad}"
            );
        }
        assert_eq!(
            parse_now("2026-11-25"),
            Err(Error::at(
                "now",
                Reason::Date {
                    value: quote("2026-11-25"),
                    error: DateError::Format
                }
            ))
        );
    }

    #[test]
    fn every_section_reads_back_from_its_name() {
        for section in Section::ALL {
            assert_eq!(parse_sections(Some(section.name())), Ok(vec![section]));
        }
    }

    #[test]
    fn sections() {
        assert_eq!(parse_sections(None), Ok(Section::ALL.to_vec()));
        assert_eq!(
            parse_sections(Some(" map, Summary ,map")),
            Ok(vec![Section::Map, Section::Summary])
        );
        assert_eq!(
            parse_sections(Some("summary,chart")),
            Err(Error::at(
                "sections",
                Reason::UnknownSection {
                    value: "chart".into()
                }
            ))
        );
    }

    #[test]
    fn themes() {
        assert_eq!(parse_theme(Some("DARK")), Ok(Theme::Dark));
        assert_eq!(parse_theme(None), Ok(Theme::Auto));
        assert!(parse_theme(Some("neon")).is_err());
    }
}
