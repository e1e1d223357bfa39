//! An iCalendar file (RFC 5545) of key dates, made in the browser so visitors can
//! add them to their calendar: whole days as DATE values, instants in UTC.
//!
//! A calendar app must show exactly the days the widget shows. A yearly date gets
//! an `RRULE` only when one of the rules below gives, in every year, the same
//! start and end as the widget's schedule (checked over 8 years, which decide
//! for all): `FREQ=YEARLY` for most, `BYMONTH=2;BYMONTHDAY=-1` for 29 February
//! (which the schedule moves to the 28th in common years, where a plain yearly
//! rule on the 29th gives nothing, RFC 5545 §3.3.10), `-2` for an instant whose
//! UTC day is the day before. A date no rule can repeat (a span
//! across the end of February changes length with leap years) is listed as one
//! event per occurrence, as a yearly lunar date is (calendar apps cannot repeat
//! by the lunar calendar): from the widget's clock on, and no other day.

use super::{
    days_in_month, occurrences_from, to_civil, CivilDate, DateSpec, Millis, Offset, Recurrence,
    RecurringDate, DAY_MS,
};

/// How many occurrences a file lists for a date no rule repeats (a yearly lunar
/// date, a span across the end of February): the current or next one and the
/// ten after it.
pub const LISTED_OCCURRENCES: usize = 11;

/// How many years from the first a rule is checked against the schedule. A
/// yearly date lasts less than a year (the config refuses more), so both its
/// occurrence in year `y` and a rule's instance there depend only on whether
/// `y` and `y + 1` are leap years. Any 8 consecutive years hold every pair that
/// occurs (leap then common, common then leap, common then common, even across
/// a common century year such as 2100), so agreeing on 8 is agreeing on all.
const YEARS_CHECKED: usize = 8;

/// One key date in a calendar file.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    /// Unique within the campaign; `@campaign-widget` is appended (and the year,
    /// for each listed occurrence).
    pub uid: &'a str,
    /// The title, in the widget's language.
    pub summary: &'a str,
    /// When.
    pub date: &'a RecurringDate,
}

/// The calendar for `events` in a campaign whose zone is `zone`, stamped at `now`
/// (ms since the epoch), which is also where listed occurrences begin.
pub fn calendar(events: &[Event], zone: Offset, now: Millis) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//campaign-widget//key dates//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    for event in events {
        let date = event.date;
        let rule = match date.recurrence {
            Recurrence::Once => Some(None),
            Recurrence::Yearly => yearly_rule(date, zone, YEARS_CHECKED).map(Some),
            Recurrence::YearlyLunar => None,
        };
        if let Some(rule) = rule {
            let bounds = bounds((date.start, date.end), zone);
            vevent(&mut out, event.uid, event.summary, bounds, rule, now);
            continue;
        }
        for occurrence in occurrences_from(date, zone, now, LISTED_OCCURRENCES) {
            let year = super::start_date(&occurrence, zone).year;
            let uid = format!("{}-{year}", event.uid);
            let bounds = bounds((occurrence.start_spec, occurrence.end_spec), zone);
            vevent(&mut out, &uid, event.summary, bounds, None, now);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A VEVENT's DTSTART and (exclusive) DTEND for a start and end as the config
/// writes them, in ms since the epoch: DATE-TIMEs in UTC, or, for whole days
/// (`true`), DATEs as the UTC midnight that starts them, so that one arithmetic
/// serves both.
pub(super) fn bounds(
    (start, end): (DateSpec, Option<DateSpec>),
    zone: Offset,
) -> (Millis, Millis, bool) {
    match start {
        DateSpec::Day(start) => {
            // A whole-day end is inclusive in the config, exclusive in iCalendar.
            let last = match end {
                Some(DateSpec::Day(last)) => last,
                Some(DateSpec::Instant { at, .. }) => to_civil(at, zone).0,
                None => start,
            };
            let first = start.days_since_epoch() * DAY_MS;
            (first, (last.days_since_epoch() + 1) * DAY_MS, true)
        }
        DateSpec::Instant { at, .. } => (at, end.map_or(at, |e| e.end_in(zone)), false),
    }
}

/// The day a yearly rule gives in a year, for a first instance on a given day.
type DayInYear = fn(CivilDate, i32) -> Option<CivilDate>;

/// The yearly rules a file may give a date (RFC 5545 §3.3.10), by their RRULE
/// line and the day each gives in a year for a first instance on a given day.
const YEARLY_RULES: [(&str, DayInYear); 3] = [
    // DTSTART's month and day, in the years that have it.
    ("RRULE:FREQ=YEARLY", |first, year| {
        CivilDate::new(year, first.month, first.day)
    }),
    ("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", |_, year| {
        CivilDate::new(year, 2, days_in_month(year, 2))
    }),
    ("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-2", |_, year| {
        CivilDate::new(year, 2, days_in_month(year, 2) - 1)
    }),
];

/// The RRULE under which a calendar app repeats a yearly `date` on exactly the
/// days the schedule gives it in the `years` years from the first (every year,
/// for [`YEARS_CHECKED`]); `None` when none does.
// Inlined into `calendar` with its constant, it cost the wasm 80 B of brotli.
#[inline(never)]
fn yearly_rule(date: &RecurringDate, zone: Offset, years: usize) -> Option<&'static str> {
    let schedule = occurrences_from(date, zone, Millis::MIN, years);
    let (start, end, whole_days) = bounds((date.start, date.end), zone);
    let (first, ms_of_day) = to_civil(start, Offset::UTC);
    YEARLY_RULES.iter().find_map(|&(rule, day_in)| {
        // Each instance as a calendar app expands it: DTSTART moved by the rule,
        // the first instance's length kept.
        let same = (0..).zip(&schedule).all(|(years, o)| {
            day_in(first, first.year + years).is_some_and(|day| {
                let at = day.days_since_epoch() * DAY_MS + Millis::from(ms_of_day);
                bounds((o.start_spec, o.end_spec), zone) == (at, at + end - start, whole_days)
            })
        });
        same.then_some(rule)
    })
}

fn vevent(
    out: &mut String,
    uid: &str,
    summary: &str,
    (start, end, whole_days): (Millis, Millis, bool),
    rule: Option<&str>,
    now: Millis,
) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{uid}@campaign-widget"));
    line(out, &format!("DTSTAMP:{}", utc_stamp(now)));
    for (name, at) in [("DTSTART", start), ("DTEND", end)] {
        line(
            out,
            &if whole_days {
                format!(
                    "{name};VALUE=DATE:{}",
                    day_stamp(to_civil(at, Offset::UTC).0)
                )
            } else {
                format!("{name}:{}", utc_stamp(at))
            },
        );
    }
    if let Some(rule) = rule {
        line(out, rule);
    }
    line(out, &format!("SUMMARY:{}", escape(summary)));
    line(out, "END:VEVENT");
}

/// `YYYYMMDD`.
pub(super) fn day_stamp(date: CivilDate) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// `YYYYMMDDTHHMMSSZ`, the instant in UTC.
pub(super) fn utc_stamp(at: Millis) -> String {
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
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), LISTED_OCCURRENCES);
        assert!(!ics.contains("RRULE"));
        assert!(ics.contains(
            "UID:gio-to-2027@campaign-widget\r\nDTSTAMP:20261130T030000Z\r\nDTSTART;VALUE=DATE:20270416\r\nDTEND;VALUE=DATE:20270417\r\n"
        ));
        assert!(ics.contains("DTSTART;VALUE=DATE:20280404\r\n"));
        assert!(ics.contains("UID:gio-to-2037@campaign-widget"));
        assert!(!ics.contains("20260426"));
    }

    /// The DTSTART, DTEND and RRULE lines of each VEVENT.
    fn timing(ics: &str) -> Vec<String> {
        ics.split("BEGIN:VEVENT\r\n")
            .skip(1)
            .map(|event| {
                let lines = event.split("\r\n");
                let kept = lines.filter(|l| {
                    l.starts_with("DT") && !l.starts_with("DTSTAMP") || l.starts_with("RRULE")
                });
                kept.collect::<Vec<_>>().join(" ")
            })
            .collect()
    }

    fn yearly(start: &str, end: Option<&str>, now: &str) -> Vec<String> {
        let key_date = date(start, end, Recurrence::Yearly);
        let now = parse_date_spec(now)
            .map(|s| s.start_in(Offset::UTC))
            .unwrap_or_default();
        timing(&calendar(
            &[event("x", "X", &key_date)],
            Offset::VIETNAM,
            now,
        ))
    }

    #[test]
    fn the_29th_of_february_repeats_on_the_last_day_of_february() {
        let now = "2025-01-01T00:00:00+07:00";
        assert_eq!(
            yearly("2024-02-29", None, now),
            ["DTSTART;VALUE=DATE:20240229 DTEND;VALUE=DATE:20240301 RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"]
        );
        // From the 29th to 5 March is 6 days in every year (28 February to 5 March).
        assert_eq!(
            yearly("2024-02-29", Some("2024-03-05"), now),
            ["DTSTART;VALUE=DATE:20240229 DTEND;VALUE=DATE:20240306 RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"]
        );
    }

    #[test]
    fn an_instant_repeats_on_its_utc_day() {
        let now = "2025-01-01T00:00:00+07:00";
        // 29/02 05:00 in Vietnam is the 28th, 22:00 UTC: the day before the last.
        assert_eq!(
            yearly("2024-02-29T05:00:00+07:00", None, now),
            ["DTSTART:20240228T220000Z DTEND:20240228T220000Z RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-2"]
        );
        assert_eq!(
            yearly("2024-02-29T10:00:00+07:00", None, now),
            ["DTSTART:20240229T030000Z DTEND:20240229T030000Z RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"]
        );
        // 01/03 03:00 in Vietnam is the last day of February in UTC.
        assert_eq!(
            yearly("2024-03-01T03:00:00+07:00", None, now),
            ["DTSTART:20240229T200000Z DTEND:20240229T200000Z RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"]
        );
        assert_eq!(
            yearly("2023-03-01T03:00:00+07:00", None, now),
            ["DTSTART:20230228T200000Z DTEND:20230228T200000Z RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"]
        );
    }

    #[test]
    fn a_span_that_changes_length_with_leap_years_is_listed() {
        let now = "2026-12-03T00:00:00+07:00";
        let ends_on_the_29th = yearly("2024-02-20", Some("2024-02-29"), now);
        assert_eq!(ends_on_the_29th.len(), LISTED_OCCURRENCES);
        assert_eq!(
            ends_on_the_29th[0],
            "DTSTART;VALUE=DATE:20270220 DTEND;VALUE=DATE:20270301"
        );
        assert_eq!(
            ends_on_the_29th[1],
            "DTSTART;VALUE=DATE:20280220 DTEND;VALUE=DATE:20280301"
        );
        let across = yearly("2023-02-20", Some("2023-03-05"), now);
        assert_eq!(
            across[0],
            "DTSTART;VALUE=DATE:20270220 DTEND;VALUE=DATE:20270306"
        );
        assert_eq!(
            across[1],
            "DTSTART;VALUE=DATE:20280220 DTEND;VALUE=DATE:20280306"
        );
        // 28/02 20:00 at UTC-5 is 1 March in UTC, or the 29th in leap years.
        let west = yearly("2023-02-28T20:00:00-05:00", None, now);
        assert_eq!(west[0], "DTSTART:20270301T010000Z DTEND:20270301T010000Z");
        assert_eq!(west[1], "DTSTART:20280229T010000Z DTEND:20280229T010000Z");
        // A span that stays clear of the end of February keeps its rule.
        assert_eq!(
            yearly("2023-03-01", Some("2023-03-31"), now),
            ["DTSTART;VALUE=DATE:20230301 DTEND;VALUE=DATE:20230401 RRULE:FREQ=YEARLY"]
        );
    }

    proptest::proptest! {
        /// Agreeing over 8 years is agreeing over the 400 of a Gregorian cycle
        /// (after which leap years repeat), for days and instants near the end
        /// of February, across New Year and around century years.
        #[test]
        fn eight_years_decide_as_the_whole_cycle_does(
            year in 1896i32..2404,
            month in proptest::sample::select(vec![1u8, 2, 3, 12]),
            day in 1u8..=31,
            length_days in 0i64..70,
            instant in proptest::option::of((0u32..86_400, -12i32 * 60..=14 * 60)),
        ) {
            proptest::prop_assume!(day <= days_in_month(year, month));
            let first = CivilDate { year, month, day };
            let (start, end) = match instant {
                None => {
                    let last = crate::time::civil_from_days(first.days_since_epoch() + length_days);
                    (DateSpec::Day(first), (length_days > 0).then_some(DateSpec::Day(last)))
                }
                Some((second, minutes)) => {
                    let offset = Offset::from_minutes(minutes).unwrap_or(Offset::UTC);
                    let at = first.midnight_in(offset) + Millis::from(second) * 1000;
                    let end_at = at + length_days * DAY_MS;
                    let instant = |at| DateSpec::Instant { at, offset };
                    (instant(at), (length_days > 0).then_some(instant(end_at)))
                }
            };
            let date = RecurringDate { start, end, recurrence: Recurrence::Yearly };
            proptest::prop_assert_eq!(
                yearly_rule(&date, Offset::VIETNAM, YEARS_CHECKED),
                yearly_rule(&date, Offset::VIETNAM, 400)
            );
        }
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
