//! The widget's one error type: where the problem is (a config field path such as
//! `keyDates[2].start`, or an attribute name) and why. Messages are written by
//! `i18n`, in the widget's language.

use crate::time::DateError;

/// A JSON type, for "expected a string, found a number".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` / `false`
    Boolean,
    /// any number
    Number,
    /// a whole number
    Integer,
    /// `"…"`
    String,
    /// `"…"` or `{"vi": "…", "en": "…"}`
    Text,
    /// `[…]`
    Array,
    /// `{…}`
    Object,
    /// `[latitude, longitude]`
    LatLng,
}

/// What an HTML editor or a CMS's typography filter does to JSON pasted as
/// text (WordPress's `wptexturize` and `wpautop`, CKEditor's entities).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorEdit {
    /// Straight quotes turned into typographic ones (“ ” ‘ ’ „).
    TypographicQuotes,
    /// Markup added inside it (`<br />`, `<p>`).
    Markup,
    /// A non-breaking space (`&nbsp;`, U+00A0) where JSON allows only plain whitespace.
    NonBreakingSpace,
}

impl EditorEdit {
    /// The edit that the text at `position` (the first character JSON refused)
    /// shows, if it is one an editor makes.
    pub fn at(rest: &str) -> Option<EditorEdit> {
        let lower = rest.get(..6).unwrap_or(rest).to_ascii_lowercase();
        match rest.chars().next()? {
            '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{201e}' | '\u{2033}' => {
                Some(EditorEdit::TypographicQuotes)
            }
            '\u{a0}' => Some(EditorEdit::NonBreakingSpace),
            '&' if lower.starts_with("&nbsp;") || lower.starts_with("&#160;") => {
                Some(EditorEdit::NonBreakingSpace)
            }
            '<' if lower.starts_with("<br")
                || lower.starts_with("<p")
                || lower.starts_with("</p") =>
            {
                Some(EditorEdit::Markup)
            }
            _ => None,
        }
    }
}

/// Why something was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The JSON does not parse.
    Json {
        /// 1-based line of the offending character.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The JSON does not parse where an HTML editor changed it (at `line`,
    /// `column`, counted in characters from 1).
    EditedJson {
        /// 1-based line of the offending character.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What the editor did there.
        edit: EditorEdit,
    },
    /// The config is larger than the widget reads.
    TooLarge {
        /// The config's size, in bytes.
        bytes: usize,
        /// The most the widget reads, in bytes.
        limit: usize,
    },
    /// A required field is absent.
    Missing,
    /// A field has the wrong JSON type.
    WrongType {
        /// What the schema wants there.
        expected: Kind,
        /// What the config has.
        found: Kind,
    },
    /// A required text is empty.
    Empty,
    /// A text is longer than allowed.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// A list has more items than allowed.
    TooMany {
        /// The most items allowed.
        max: usize,
    },
    /// `schema` is not 1.
    UnsupportedSchema {
        /// The `schema` value found, quoted.
        found: String,
    },
    /// A date is not in an accepted form or not in the calendar.
    Date {
        /// The refused value, quoted.
        value: String,
        /// What is wrong with it.
        error: DateError,
    },
    /// An end comes before its start.
    EndBeforeStart,
    /// A yearly date lasts a year or more, so its occurrences would overlap.
    RepeatSpanTooLong,
    /// `repeat` is not one of the known values.
    UnknownRepeat {
        /// The refused value, quoted.
        value: String,
    },
    /// A yearly lunar date starts outside the years the lunar calendar is known for.
    LunarOutOfRange {
        /// The first year a lunar `start` may have.
        first: i32,
        /// The last year a lunar `start` may have.
        last: i32,
    },
    /// A URL is not http(s).
    NotHttpUrl {
        /// The refused value, quoted.
        value: String,
    },
    /// A tile URL lacks `{z}`, `{x}` or `{y}`.
    TileTemplate {
        /// The refused value, quoted.
        value: String,
    },
    /// `referrerPolicy` is not a Referrer-Policy value.
    ReferrerPolicy {
        /// The refused value, quoted.
        value: String,
    },
    /// `timezone` is not `Z` or `±HH:MM`.
    Timezone {
        /// The refused value, quoted.
        value: String,
    },
    /// A number is outside its range.
    OutOfRange {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// An id is not made of lowercase letters, digits and dashes.
    BadId {
        /// The refused value, quoted.
        value: String,
    },
    /// Two key dates share an id.
    DuplicateId {
        /// The refused value, quoted.
        value: String,
    },
    /// A key of a text map is not a language tag.
    LanguageTag {
        /// The refused value, quoted.
        value: String,
    },
    /// The `sections` attribute names an unknown section.
    UnknownSection {
        /// The refused value, quoted.
        value: String,
    },
    /// The `theme` attribute is not light, dark or auto.
    UnknownTheme {
        /// The refused value, quoted.
        value: String,
    },
    /// The config could not be fetched (network error or blocked).
    FetchFailed,
    /// The `campaign` attribute is not base64url of UTF-8 text.
    CampaignDamaged,
    /// A filter removed the inline config's `<script>` and left its JSON as text.
    ConfigShownAsText,
    /// The config's server answered with an HTTP error.
    HttpStatus {
        /// The HTTP status code (RFC 9110 §15).
        status: u16,
    },
    /// The config took too long to arrive.
    Timeout {
        /// How long the loader waited, in seconds.
        seconds: u32,
    },
    /// Something in the page's browser is missing (no shadow DOM, say).
    Browser {
        /// The missing API (`attachShadow`).
        detail: String,
    },
}

/// Where and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// A config field path (`keyDates[2].start`), an attribute (`now`), or empty
    /// for the config as a whole.
    pub path: String,
    /// Why it was refused.
    pub reason: Reason,
}

impl Error {
    /// An error at `path`.
    pub fn at(path: impl Into<String>, reason: Reason) -> Error {
        Error {
            path: path.into(),
            reason,
        }
    }

    /// Why the loader could not read the config. `failure` is one of `url`,
    /// `failed`, `timeout <seconds>`, `status <HTTP status>`, `large <bytes>` (the
    /// `config` URL), `campaign` (the `campaign` attribute does not decode) or
    /// `stripped` (the config's JSON is the placeholder's text, its `<script>`
    /// gone), as static/embed.js writes them; `attribute` is the `config` attribute.
    pub fn fetch_failed(failure: &str, attribute: &str) -> Error {
        const PATH: &str = "config";
        let (kind, number) = failure.split_once(' ').unwrap_or((failure, ""));
        let number = number.parse::<usize>().unwrap_or(0);
        match kind {
            "url" => Error::at(
                PATH,
                Reason::NotHttpUrl {
                    value: quote(attribute),
                },
            ),
            "timeout" if number > 0 => Error::at(
                PATH,
                Reason::Timeout {
                    seconds: number as u32,
                },
            ),
            "status" if number > 0 => Error::at(
                PATH,
                Reason::HttpStatus {
                    status: number as u16,
                },
            ),
            "large" => Error::at(
                "",
                Reason::TooLarge {
                    bytes: number,
                    limit: crate::limits::CONFIG_BYTES,
                },
            ),
            "campaign" => Error::at("campaign", Reason::CampaignDamaged),
            "stripped" => Error::at(PATH, Reason::ConfigShownAsText),
            _ => Error::at(PATH, Reason::FetchFailed),
        }
    }
}

/// Shortens a refused value for quoting in a message, so a 10 MB string does not
/// become a 10 MB message.
pub fn quote(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_fetch_failures_become_errors() {
        let at = |path: &str, reason| Error::at(path, reason);
        assert_eq!(
            Error::fetch_failed("url", "javascript:alert(1)"),
            at(
                "config",
                Reason::NotHttpUrl {
                    value: "javascript:alert(1)".into()
                }
            )
        );
        assert_eq!(
            Error::fetch_failed("timeout 10", "c.json"),
            at("config", Reason::Timeout { seconds: 10 })
        );
        assert_eq!(
            Error::fetch_failed("status 404", "c.json"),
            at("config", Reason::HttpStatus { status: 404 })
        );
        assert_eq!(
            Error::fetch_failed("large 300000", "c.json"),
            at(
                "",
                Reason::TooLarge {
                    bytes: 300_000,
                    limit: 256 * 1024
                }
            )
        );
        // Anything else (a network error, a code without its number, or one from
        // a newer loader) reads as a failed load.
        for failure in ["failed", "", "status", "timeout x", "something new"] {
            assert_eq!(
                Error::fetch_failed(failure, "c.json"),
                at("config", Reason::FetchFailed),
                "{failure}"
            );
        }
    }
}
