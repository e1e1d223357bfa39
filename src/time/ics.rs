//! An iCalendar file (RFC 5545) of key dates, made in the browser so visitors can
//! add them to their calendar: whole days as DATE values, instants in UTC, yearly
//! dates with `RRULE:FREQ=YEARLY`.

use super::{to_civil, CivilDate, DateSpec, Millis, Offset};
use crate::config::{KeyDate, Repeat};
use crate::i18n::Lang;

/// The calendar for `dates`, stamped at `now`.
pub fn calendar(dates: &[&KeyDate], zone: Offset, lang: Lang, now: Millis) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//campaign-widget//key dates//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    for date in dates {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@campaign-widget", date.id));
        line(&mut out, &format!("DTSTAMP:{}", utc_stamp(now)));
        let (start, end) = match (date.start, date.end) {
            (DateSpec::Day(start), end) => {
                // A whole-day end is inclusive in the config, exclusive in iCalendar.
                let last = match end {
                    Some(DateSpec::Day(last)) => last,
                    Some(DateSpec::Instant { at, .. }) => to_civil(at, zone).0,
                    None => start,
                };
                let after = super::civil_from_days(last.days_since_epoch() + 1);
                (
                    format!("DTSTART;VALUE=DATE:{}", day_stamp(start)),
                    format!("DTEND;VALUE=DATE:{}", day_stamp(after)),
                )
            }
            (DateSpec::Instant { at, .. }, end) => {
                let end_at = end.map_or(at, |e| e.end_in(zone));
                (
                    format!("DTSTART:{}", utc_stamp(at)),
                    format!("DTEND:{}", utc_stamp(end_at)),
                )
            }
        };
        line(&mut out, &start);
        line(&mut out, &end);
        if date.repeat == Repeat::Yearly {
            line(&mut out, "RRULE:FREQ=YEARLY");
        }
        line(
            &mut out,
            &format!("SUMMARY:{}", escape(date.title.get(lang))),
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn day_stamp(date: CivilDate) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

fn utc_stamp(at: Millis) -> String {
    let (date, ms) = to_civil(at, Offset::UTC);
    let seconds = ms / 1000;
    format!(
        "{}T{:02}{:02}{:02}Z",
        day_stamp(date),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// TEXT escaping (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a character,
/// ended by CRLF (RFC 5545 §3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Text;
    use crate::time::parse_date_spec;

    fn date(id: &str, start: &str, end: Option<&str>, repeat: Repeat, title: &str) -> KeyDate {
        let spec = |t: &str| parse_date_spec(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        KeyDate {
            id: id.into(),
            title: Text::plain(title),
            start: spec(start),
            end: end.map(spec),
            repeat,
        }
    }

    #[test]
    fn events_for_each_kind_of_date() {
        let dates = [
            date(
                "founding",
                "1930-02-03",
                None,
                Repeat::Yearly,
                "Kỷ niệm; ngày, thành lập",
            ),
            date(
                "congress",
                "2021-01-25",
                Some("2021-02-01"),
                Repeat::Never,
                "Đại hội",
            ),
            date(
                "election",
                "2021-05-23T07:00:00+07:00",
                Some("2021-05-23T19:00:00+07:00"),
                Repeat::Never,
                "Bầu cử",
            ),
        ];
        let refs: Vec<&KeyDate> = dates.iter().collect();
        let ics = calendar(&refs, Offset::VIETNAM, Lang::Vi, 0);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains(
            "DTSTART;VALUE=DATE:19300203\r\nDTEND;VALUE=DATE:19300204\r\nRRULE:FREQ=YEARLY\r\n"
        ));
        assert!(ics.contains("SUMMARY:Kỷ niệm\\; ngày\\, thành lập\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20210125\r\nDTEND;VALUE=DATE:20210202\r\n"));
        assert!(ics.contains("DTSTART:20210523T000000Z\r\nDTEND:20210523T120000Z\r\n"));
        assert!(ics.contains("DTSTAMP:19700101T000000Z"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let long = date(
            "x",
            "2021-01-01",
            None,
            Repeat::Never,
            &"Đồng Nai ".repeat(20),
        );
        let ics = calendar(&[&long], Offset::VIETNAM, Lang::Vi, 0);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "Đồng Nai ".repeat(20).trim_end())));
    }
}
