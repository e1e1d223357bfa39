//! Dates and times in words: the dates of the timeline and the featured date,
//! the countdown's sentences, the zone and the lunar date. Wording that differs
//! by language is an exhaustive `match` over [`Lang`]; the words shared with
//! the UI (weekdays, units, "giờ Việt Nam") come from the
//! [`Strings`](super::Strings) tables.

use super::{ui::VI, Lang};
use crate::time::{to_civil, CivilDate, DateSpec, LunarDate, Offset, Remaining, State};

/// `03/02/2021`: how both languages write a date on Vietnamese pages.
pub fn short_date(date: CivilDate) -> String {
    format!("{:02}/{:02}/{}", date.day, date.month, date.year)
}

/// `Thứ Tư, 03/02/2021` / `Wednesday, 03/02/2021`.
pub fn long_date(lang: Lang, date: CivilDate) -> String {
    format!(
        "{}, {}",
        lang.strings().weekdays[usize::from(date.weekday())],
        short_date(date)
    )
}

/// `97th anniversary` / `Kỷ niệm 97 năm`.
pub fn anniversary(lang: Lang, years: u32) -> String {
    match lang {
        Lang::Vi => format!("Kỷ niệm {years} năm"),
        Lang::En => {
            let suffix = match (years % 10, years % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{years}{suffix} anniversary")
        }
    }
}

/// How far an upcoming date is, in its largest whole unit: `còn 69 ngày`, `in 5 hours`.
pub fn time_until(lang: Lang, remaining: Remaining) -> String {
    let (n, unit) = if remaining.days > 0 {
        (remaining.days, 0)
    } else if remaining.hours > 0 {
        (u64::from(remaining.hours), 1)
    } else {
        (u64::from(remaining.minutes).max(1), 2)
    };
    // Vietnamese nouns have no plural, so the countdown's unit labels serve;
    // English needs the singular for 1.
    match lang {
        Lang::Vi => format!("còn {n} {}", VI.units[unit]),
        Lang::En => {
            let name = ["day", "hour", "minute"][unit];
            format!("in {n} {name}{}", if n == 1 { "" } else { "s" })
        }
    }
}

/// The polite announcement of the featured date, for the countdown's live region.
///
/// It is true for as long as it stands, and changes only at a milestone: a new
/// number of whole days left (the timer's first field), less than a day, less
/// than an hour, the start. `remaining` is the timer's own (rounded up to the
/// second), so what is heard is what is shown.
pub fn milestone(lang: Lang, title: &str, state: State, remaining: Remaining) -> String {
    // A held date is never featured: it shares the upcoming one's sentence.
    let Remaining { days, hours, .. } = remaining;
    let ongoing = state == State::Ongoing;
    match lang {
        Lang::Vi if ongoing => format!("{title}: đang diễn ra."),
        Lang::Vi => {
            let left = match days {
                0 if hours > 0 => "dưới 1 ngày".into(),
                0 => "dưới 1 giờ".into(),
                n => format!("{n} ngày"),
            };
            format!("Còn {left} đến {title}.")
        }
        Lang::En if ongoing => format!("{title}: happening now."),
        Lang::En => {
            let left = match days {
                0 if hours > 0 => "Less than a day".into(),
                0 => "Less than an hour".into(),
                1 => "1 day".into(),
                n => format!("{n} days"),
            };
            format!("{left} until {title}.")
        }
    }
}

/// The discreet note shown when the device clock is off and the server's time is used.
pub fn clock_corrected(lang: Lang, skew_ms: i64) -> String {
    let minutes = (skew_ms.unsigned_abs() + 30_000) / 60_000;
    match lang {
        Lang::Vi => format!("Đồng hồ thiết bị lệch khoảng {minutes} phút; đếm ngược theo giờ máy chủ."),
        Lang::En => format!("This device's clock is off by about {minutes} minutes; counting from the server's time."),
    }
}

/// How the zone is named next to a time: "giờ Việt Nam" for +07:00, else `UTC+hh:mm`.
pub fn zone_label(lang: Lang, zone: Offset) -> String {
    if zone == Offset::VIETNAM {
        return lang.strings().vietnam_time.to_owned();
    }
    let m = zone.minutes();
    let sign = if m < 0 { '−' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
}

/// `07:00`, the time of day of `ms_of_day` milliseconds after midnight.
pub fn clock_time(ms_of_day: u32) -> String {
    let minutes = ms_of_day / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A lunar date as Vietnamese readers write it, day/month without leading zeros:
/// `10/3 âm lịch`, `1/2 nhuận âm lịch` (a leap month); `day 10 of lunar month 3`,
/// `day 1 of leap lunar month 2`.
pub fn lunar_date(lang: Lang, date: LunarDate) -> String {
    let LunarDate {
        day, month, leap, ..
    } = date;
    match lang {
        Lang::Vi if leap => format!("{day}/{month} nhuận âm lịch"),
        Lang::Vi => format!("{day}/{month} âm lịch"),
        Lang::En if leap => format!("day {day} of leap lunar month {month}"),
        Lang::En => format!("day {day} of lunar month {month}"),
    }
}

/// A key date as text, in the campaign's zone: `03/02/2021`,
/// `25/01/2021 – 01/02/2021`, `23/05/2021, 07:00 – 19:00 (giờ Việt Nam)`, and
/// with the lunar date of its start when it has one: `16/04/2027 (10/3 âm lịch)`.
pub fn date_range(
    lang: Lang,
    (start, end): (DateSpec, Option<DateSpec>),
    lunar: Option<LunarDate>,
    zone: Offset,
) -> String {
    let part = |spec: DateSpec| match spec {
        DateSpec::Day(date) => (date, None),
        DateSpec::Instant { at, .. } => {
            let (date, ms) = to_civil(at, zone);
            (date, Some(clock_time(ms)))
        }
    };
    let (start_date, start_time) = part(start);
    let has_time = start_time.is_some() || end.is_some_and(|e| !e.is_whole_day());
    let mut text = short_date(start_date);
    if let Some(lunar) = lunar {
        text.push_str(&format!(" ({})", lunar_date(lang, lunar)));
    }
    if let Some(time) = &start_time {
        text.push_str(", ");
        text.push_str(time);
    }
    if let Some((end_date, end_time)) = end.map(part) {
        if (end_date, &end_time) != (start_date, &start_time) {
            text.push_str(" – ");
            if end_date != start_date || end_time.is_none() {
                text.push_str(&short_date(end_date));
                if end_time.is_some() {
                    text.push_str(", ");
                }
            }
            if let Some(time) = &end_time {
                text.push_str(time);
            }
        }
    }
    if has_time {
        text.push_str(&format!(" ({})", zone_label(lang, zone)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_dates() {
        let date = CivilDate::new(2021, 2, 3);
        assert_eq!(
            date.map(|d| long_date(Lang::Vi, d)).as_deref(),
            Some("Thứ Tư, 03/02/2021")
        );
        assert_eq!(
            date.map(|d| long_date(Lang::En, d)).as_deref(),
            Some("Wednesday, 03/02/2021")
        );
    }

    #[test]
    fn countdown_words() {
        assert_eq!(anniversary(Lang::Vi, 97), "Kỷ niệm 97 năm");
        let en: Vec<String> = [1, 2, 3, 11, 12, 13, 21, 91, 92, 97, 111]
            .iter()
            .map(|n| anniversary(Lang::En, *n))
            .collect();
        assert_eq!(en.join(","), "1st anniversary,2nd anniversary,3rd anniversary,11th anniversary,12th anniversary,13th anniversary,21st anniversary,91st anniversary,92nd anniversary,97th anniversary,111th anniversary");
        let r = |days, hours, minutes| Remaining {
            days,
            hours,
            minutes,
            seconds: 0,
        };
        assert_eq!(time_until(Lang::Vi, r(69, 14, 0)), "còn 69 ngày");
        assert_eq!(time_until(Lang::En, r(0, 1, 5)), "in 1 hour");
        assert_eq!(time_until(Lang::En, r(0, 0, 0)), "in 1 minute");
        assert_eq!(
            milestone(Lang::Vi, "Bầu cử", State::Upcoming, r(3, 2, 0)),
            "Còn 3 ngày đến Bầu cử."
        );
        assert_eq!(
            clock_corrected(Lang::En, -125_000),
            "This device's clock is off by about 2 minutes; counting from the server's time."
        );
    }

    #[test]
    fn each_announcement_is_true_at_its_milestone_and_a_second_either_side() {
        let start: i64 = 1_621_728_000_000; // 23/05/2021 07:00 in Vietnam
        let said = |lang, seconds_before: i64| {
            let now = start - seconds_before * 1000;
            let state = if now < start {
                State::Upcoming
            } else {
                State::Ongoing
            };
            let until = if now < start {
                start
            } else {
                start + 12 * 3_600_000
            };
            milestone(lang, "Bầu cử", state, Remaining::between(now, until))
        };
        let day = 86_400;
        let cases = [
            (
                2 * day + 1,
                "Còn 2 ngày đến Bầu cử.",
                "2 days until Bầu cử.",
            ),
            (2 * day, "Còn 2 ngày đến Bầu cử.", "2 days until Bầu cử."),
            (2 * day - 1, "Còn 1 ngày đến Bầu cử.", "1 day until Bầu cử."),
            (day + 1, "Còn 1 ngày đến Bầu cử.", "1 day until Bầu cử."),
            (day, "Còn 1 ngày đến Bầu cử.", "1 day until Bầu cử."),
            (
                day - 1,
                "Còn dưới 1 ngày đến Bầu cử.",
                "Less than a day until Bầu cử.",
            ),
            (
                3601,
                "Còn dưới 1 ngày đến Bầu cử.",
                "Less than a day until Bầu cử.",
            ),
            (
                3600,
                "Còn dưới 1 ngày đến Bầu cử.",
                "Less than a day until Bầu cử.",
            ),
            (
                3599,
                "Còn dưới 1 giờ đến Bầu cử.",
                "Less than an hour until Bầu cử.",
            ),
            (
                1,
                "Còn dưới 1 giờ đến Bầu cử.",
                "Less than an hour until Bầu cử.",
            ),
            (0, "Bầu cử: đang diễn ra.", "Bầu cử: happening now."),
            (-1, "Bầu cử: đang diễn ra.", "Bầu cử: happening now."),
        ];
        for (seconds_before, vi, en) in cases {
            assert_eq!(
                said(Lang::Vi, seconds_before),
                vi,
                "{seconds_before} s before"
            );
            assert_eq!(
                said(Lang::En, seconds_before),
                en,
                "{seconds_before} s before"
            );
        }
    }

    #[test]
    fn date_ranges() {
        let spec = |t: &str| crate::time::parse_date_spec(t).ok();
        let zone = Offset::VIETNAM;
        let range = |a: &str, b: Option<&str>| match (spec(a), b.map(spec)) {
            (Some(a), None) => date_range(Lang::Vi, (a, None), None, zone),
            (Some(a), Some(Some(b))) => date_range(Lang::Vi, (a, Some(b)), None, zone),
            _ => String::from("invalid"),
        };
        assert_eq!(range("2021-02-03", None), "03/02/2021");
        assert_eq!(
            range("2021-01-25", Some("2021-02-01")),
            "25/01/2021 – 01/02/2021"
        );
        assert_eq!(
            range(
                "2021-05-23T07:00:00+07:00",
                Some("2021-05-23T19:00:00+07:00")
            ),
            "23/05/2021, 07:00 – 19:00 (giờ Việt Nam)"
        );
        // An instant written in UTC is shown in the campaign's zone.
        assert_eq!(
            range("2021-05-23T00:00:00Z", None),
            "23/05/2021, 07:00 (giờ Việt Nam)"
        );
        assert_eq!(
            zone_label(Lang::En, Offset::from_minutes(-600).unwrap_or(Offset::UTC)),
            "UTC−10:00"
        );
    }

    #[test]
    fn lunar_dates_as_vietnamese_readers_write_them() {
        let gio_to = LunarDate {
            year: 2027,
            month: 3,
            day: 10,
            leap: false,
        };
        let leap = LunarDate {
            year: 2023,
            month: 2,
            day: 1,
            leap: true,
        };
        let day = |t: &str| crate::time::parse_date_spec(t).ok();
        let Some(start) = day("2027-04-16") else {
            panic!("a valid day");
        };
        let zone = Offset::VIETNAM;
        assert_eq!(
            date_range(Lang::Vi, (start, None), Some(gio_to), zone),
            "16/04/2027 (10/3 âm lịch)"
        );
        assert_eq!(
            date_range(Lang::En, (start, None), Some(gio_to), zone),
            "16/04/2027 (day 10 of lunar month 3)"
        );
        assert_eq!(lunar_date(Lang::Vi, leap), "1/2 nhuận âm lịch");
        assert_eq!(lunar_date(Lang::En, leap), "day 1 of leap lunar month 2");
        let ceremony = (
            day("2027-04-16T07:30:00+07:00").unwrap_or(start),
            day("2027-04-16T11:00:00+07:00"),
        );
        assert_eq!(
            date_range(Lang::Vi, ceremony, Some(gio_to), zone),
            "16/04/2027 (10/3 âm lịch), 07:30 – 11:00 (giờ Việt Nam)"
        );
    }
}
