//! An iCalendar file (RFC 5545) of key dates, made in the browser so visitors can
//! add them to their calendar: whole days as DATE values, instants in UTC, yearly
//! dates with `RRULE:FREQ=YEARLY`. Calendar apps cannot repeat by the lunar
//! calendar, so a yearly lunar date is listed as one event per occurrence, from
//! the widget's clock on, and no other day.

use super::{
    occurrences_from, to_civil, CivilDate, DateSpec, Millis, Offset, Recurrence, RecurringDate,
};

/// How many occurrences of a yearly lunar date a file lists: the current or next
/// one and the ten after it.
pub const LUNAR_OCCURRENCES: usize = 11;

/// One key date in a calendar file.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    /// Unique within the campaign; `@campaign-widget` is appended (and the year,
    /// for each listed lunar occurrence).
    pub uid: &'a str,
    /// The title, in the widget's language.
    pub summary: &'a str,
    /// When.
    pub date: &'a RecurringDate,
}

/// The calendar for `events` in a campaign whose zone is `zone`, stamped at `now`
/// (ms since the epoch), which is also where lunar dates' listed occurrences begin.
pub fn calendar(events: &[Event], zone: Offset, now: Millis) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//campaign-widget//key dates//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    for event in events {
        let date = event.date;
        if date.recurrence == Recurrence::YearlyLunar {
            for occurrence in occurrences_from(date, zone, now, LUNAR_OCCURRENCES) {
                let year = super::start_date(&occurrence, zone).year;
                let uid = format!("{}-{year}", event.uid);
                let spec = (occurrence.start_spec, occurrence.end_spec);
                vevent(&mut out, &uid, event.summary, spec, None, zone, now);
            }
        } else {
            let rule = (date.recurrence == Recurrence::Yearly).then_some("RRULE:FREQ=YEARLY");
            vevent(
                &mut out,
                event.uid,
                event.summary,
                (date.start, date.end),
                rule,
                zone,
                now,
            );
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(
    out: &mut String,
    uid: &str,
    summary: &str,
    (start, end): (DateSpec, Option<DateSpec>),
    rule: Option<&str>,
    zone: Offset,
    now: Millis,
) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{uid}@campaign-widget"));
    line(out, &format!("DTSTAMP:{}", utc_stamp(now)));
    let (start, end) = match (start, end) {
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
    line(out, &start);
    line(out, &end);
    if let Some(rule) = rule {
        line(out, rule);
    }
    line(out, &format!("SUMMARY:{}", escape(summary)));
    line(out, "END:VEVENT");
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
    use crate::time::parse_date_spec;

    fn date(start: &str, end: Option<&str>, recurrence: Recurrence) -> RecurringDate {
        let spec = |t: &str| parse_date_spec(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        RecurringDate {
            start: spec(start),
            end: end.map(spec),
            recurrence,
        }
    }

    fn event<'a>(uid: &'a str, summary: &'a str, date: &'a RecurringDate) -> Event<'a> {
        Event { uid, summary, date }
    }

    #[test]
    fn events_for_each_kind_of_date() {
        let founding = date("1930-02-03", None, Recurrence::Yearly);
        let congress = date("2021-01-25", Some("2021-02-01"), Recurrence::Once);
        let election = date(
            "2021-05-23T07:00:00+07:00",
            Some("2021-05-23T19:00:00+07:00"),
            Recurrence::Once,
        );
        let events = [
            event("founding", "Kỷ niệm; ngày, thành lập", &founding),
            event("congress", "Đại hội", &congress),
            event("election", "Bầu cử", &election),
        ];
        let ics = calendar(&events, Offset::VIETNAM, 0);
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
    fn a_lunar_date_lists_its_occurrences_from_now_and_no_rule() {
        let gio_to = date("2026-04-26", None, Recurrence::YearlyLunar);
        let now = parse_date_spec("2026-11-30T10:00:00+07:00")
            .map(|s| s.start_in(Offset::UTC))
            .unwrap_or_default();
        let ics = calendar(&[event("gio-to", "Giỗ Tổ", &gio_to)], Offset::VIETNAM, now);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), LUNAR_OCCURRENCES);
        assert!(!ics.contains("RRULE"));
        assert!(ics.contains(
            "UID:gio-to-2027@campaign-widget\r\nDTSTAMP:20261130T030000Z\r\nDTSTART;VALUE=DATE:20270416\r\nDTEND;VALUE=DATE:20270417\r\n"
        ));
        assert!(ics.contains("DTSTART;VALUE=DATE:20280404\r\n"));
        assert!(ics.contains("UID:gio-to-2037@campaign-widget"));
        assert!(!ics.contains("20260426"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let day = date("2021-01-01", None, Recurrence::Once);
        let title = "Đồng Nai ".repeat(20);
        let ics = calendar(&[event("x", &title, &day)], Offset::VIETNAM, 0);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", title.trim_end())));
    }
}
