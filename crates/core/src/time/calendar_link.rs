//! A Google Calendar link that adds one occurrence of a key date: what Android
//! phones and in-app browsers can use, where an `.ics` file only downloads (or
//! does not even do that). It is Google's event template URL,
//! `https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=…&details=…&location=…`,
//! opened by a plain link: nothing reaches Google before the visitor clicks.
//!
//! `dates` is `YYYYMMDDTHHMMSSZ/YYYYMMDDTHHMMSSZ` (UTC) for a timed date (one hour
//! long when it has no end), `YYYYMMDD/YYYYMMDD` for whole days in the
//! campaign's zone, the end exclusive (the day after the last), as in the
//! `.ics` ([`super::ics`], RFC 5545 §3.6.1). Google cannot repeat a date by the
//! lunar calendar, so a recurring date's link adds the occurrence the widget
//! shows (ongoing, else next).

use super::ics::{bounds, day_stamp, utc_stamp};
use super::{to_civil, Millis, Occurrence, Offset};

/// Google's template endpoint, with the one action it has.
const TEMPLATE: &str = "https://calendar.google.com/calendar/render?action=TEMPLATE";

/// The longest link made, in characters: Google's servers and some browsers
/// refuse longer request lines (Google answers 400 past about 2,000 bytes, the
/// add-to-calendar libraries' trackers report). `details` is shortened first,
/// then `location`, then `text`.
pub const MAX_LINK: usize = 2000;

/// A timed date without an end is added as one hour, ms.
const DEFAULT_LENGTH: Millis = 3_600_000;

/// What the event says, each text in the widget's language.
#[derive(Clone, Copy, Debug)]
pub struct EventText<'a> {
    /// The key date's title (`text`).
    pub title: &'a str,
    /// The description (`details`): the campaign's title and the page's URL.
    pub details: &'a str,
    /// Where (`location`): the first place's address, if the campaign has one.
    pub location: Option<&'a str>,
}

/// The link that adds `occurrence` (of a campaign in `zone`) to Google
/// Calendar, at most [`MAX_LINK`] characters long.
pub fn google_calendar_link(occurrence: &Occurrence, zone: Offset, text: EventText) -> String {
    let (start, end, whole_days) = bounds((occurrence.start_spec, occurrence.end_spec), zone);
    let dates = if whole_days {
        let day = |at| day_stamp(to_civil(at, Offset::UTC).0);
        format!("{}/{}", day(start), day(end))
    } else {
        let end = if end > start {
            end
        } else {
            start + DEFAULT_LENGTH
        };
        format!("{}/{}", utc_stamp(start), utc_stamp(end))
    };
    let mut link = format!("{TEMPLATE}&dates={dates}");
    // Each text gets what the ones after it leave: the title (most needed)
    // is reserved for first, then the place, and the description gets the rest.
    let fields = [
        ("&text=", text.title),
        ("&location=", text.location.unwrap_or("")),
        ("&details=", text.details),
    ];
    let mut budget = MAX_LINK.saturating_sub(link.len());
    let mut encoded = [String::new(), String::new(), String::new()];
    for (slot, (name, value)) in encoded.iter_mut().zip(fields) {
        if value.is_empty() {
            continue;
        }
        let value = encode_within(value, budget.saturating_sub(name.len()));
        if !value.is_empty() {
            *slot = format!("{name}{value}");
            budget = budget.saturating_sub(slot.len());
        }
    }
    // Google's order: text, dates, details, location (any order works).
    let [title, location, details] = encoded;
    link.push_str(&title);
    link.push_str(&details);
    link.push_str(&location);
    link
}

/// `text` percent-encoded (RFC 3986 §2.3: only unreserved characters stay), cut
/// at a character boundary with "…" if its encoding would pass `budget`
/// characters; empty when not even the ellipsis fits.
fn encode_within(text: &str, budget: usize) -> String {
    if encoded_len(text) <= budget {
        return encode(text);
    }
    let ellipsis = encoded_len("…");
    let mut used = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let width = encoded_len(c.encode_utf8(&mut [0; 4]));
        if used + width + ellipsis > budget {
            break;
        }
        used += width;
        end = at + c.len_utf8();
    }
    if used == 0 && ellipsis > budget {
        return String::new();
    }
    encode(&format!("{}…", text[..end].trim_end()))
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

fn encoded_len(text: &str) -> usize {
    text.bytes()
        .map(|b| if is_unreserved(b) { 1 } else { 3 })
        .sum()
}

/// Percent-encoding of every byte but the unreserved ones (RFC 3986 §2.1).
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(encoded_len(text));
    for byte in text.bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{occurrence_at, parse_date_spec, Recurrence, RecurringDate};

    fn link(start: &str, end: Option<&str>, recurrence: Recurrence, now: &str) -> String {
        let spec = |t: &str| parse_date_spec(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        let date = RecurringDate {
            start: spec(start),
            end: end.map(spec),
            recurrence,
        };
        let now = spec(now).start_in(Offset::VIETNAM);
        let occurrence = occurrence_at(&date, Offset::VIETNAM, now);
        let text = EventText {
            title: "Bầu cử",
            details: "Chiến dịch\nhttps://example.gov.vn/a?b=1",
            location: Some("1 Đường, Biên Hòa"),
        };
        google_calendar_link(&occurrence, Offset::VIETNAM, text)
    }

    /// The `dates` parameter of a link.
    fn dates(link: &str) -> &str {
        let from = link.find("&dates=").map(|i| i + 7).unwrap_or(0);
        let rest = &link[from..];
        &rest[..rest.find('&').unwrap_or(rest.len())]
    }

    const NOW: &str = "2026-12-03T10:00:00+07:00";

    #[test]
    fn timed_dates_in_utc_with_their_end_or_an_hour() {
        let polls = link(
            "2027-05-23T07:00:00+07:00",
            Some("2027-05-23T19:00:00+07:00"),
            Recurrence::Once,
            NOW,
        );
        assert_eq!(dates(&polls), "20270523T000000Z/20270523T120000Z");
        let start_only = link("2027-01-10T09:30:00+07:00", None, Recurrence::Once, NOW);
        assert_eq!(dates(&start_only), "20270110T023000Z/20270110T033000Z");
    }

    #[test]
    fn whole_days_end_the_day_after_the_last() {
        let congress = link("2027-01-25", Some("2027-02-01"), Recurrence::Once, NOW);
        assert_eq!(dates(&congress), "20270125/20270202");
        let one_day = link("2027-12-31", None, Recurrence::Once, NOW);
        assert_eq!(dates(&one_day), "20271231/20280101");
    }

    #[test]
    fn recurring_dates_add_the_occurrence_shown() {
        let founding = link("1930-02-03", None, Recurrence::Yearly, NOW);
        assert_eq!(dates(&founding), "20270203/20270204");
        let leap_day = link("2024-02-29", None, Recurrence::Yearly, NOW);
        assert_eq!(dates(&leap_day), "20270228/20270301");
        // Giỗ Tổ Hùng Vương, 10/3 of the lunar year: 16/04/2027.
        let hung_kings = link("2026-04-26", None, Recurrence::YearlyLunar, NOW);
        assert_eq!(dates(&hung_kings), "20270416/20270417");
        // Ongoing: the running occurrence, not the next.
        let week = link("2025-12-01", Some("2025-12-07"), Recurrence::Yearly, NOW);
        assert_eq!(dates(&week), "20261201/20261208");
    }

    #[test]
    fn texts_are_percent_encoded() {
        let polls = link("2027-05-23T07:00:00+07:00", None, Recurrence::Once, NOW);
        assert!(polls.starts_with(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&dates=20270523T000000Z/"
        ));
        assert!(polls.contains("&text=B%E1%BA%A7u%20c%E1%BB%AD&"));
        assert!(polls.contains(
            "&details=Chi%E1%BA%BFn%20d%E1%BB%8Bch%0Ahttps%3A%2F%2Fexample.gov.vn%2Fa%3Fb%3D1"
        ));
        assert!(polls.ends_with("&location=1%20%C4%90%C6%B0%E1%BB%9Dng%2C%20Bi%C3%AAn%20H%C3%B2a"));
    }

    #[test]
    fn long_texts_are_cut_details_first() {
        let spec = |t: &str| parse_date_spec(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        let date = RecurringDate {
            start: spec("2027-05-23"),
            end: None,
            recurrence: Recurrence::Once,
        };
        let occurrence = occurrence_at(&date, Offset::VIETNAM, 0);
        let title = "Bầu cử đại biểu Quốc hội ".repeat(20);
        let details = "Phong trào thi đua ".repeat(100);
        let address = "Số 2 Nguyễn Văn Trị, Biên Hòa";
        let make = |title: &str, location| {
            let text = EventText {
                title,
                details: &details,
                location,
            };
            google_calendar_link(&occurrence, Offset::VIETNAM, text)
        };
        let long = make(&title, Some(address));
        assert!(long.chars().count() <= MAX_LINK, "{}", long.len());
        assert!(long.contains(&format!("&text={}", encode(&title))));
        assert!(long.contains(&format!("&location={}", encode(address))));
        assert!(long.contains("%E2%80%A6&location"), "details cut with …");
        // A title that alone passes the limit is cut too, and nothing else fits.
        let huge = "Đ".repeat(600);
        let cut = make(&huge, None);
        assert!(
            cut.len() <= MAX_LINK && cut.len() > MAX_LINK - 12,
            "{}",
            cut.len()
        );
        assert!(cut.ends_with("%E2%80%A6"));
        assert!(!cut.contains("&details="));
        assert!(!make("x", None).contains("&location="));
    }

    #[test]
    fn everything_but_unreserved_characters_is_encoded() {
        assert_eq!(
            encode("a-b_c.d~e f/g?h&i=j#k+l"),
            "a-b_c.d~e%20f%2Fg%3Fh%26i%3Dj%23k%2Bl"
        );
        assert_eq!(encode("Đ"), "%C4%90");
        assert_eq!(encode_within("abc", 2), "");
        assert_eq!(encode_within("abcdefghijklm", 12), "abc%E2%80%A6");
    }
}
