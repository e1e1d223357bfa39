//! Where each key date stands at an instant: its current or next occurrence
//! (yearly dates roll over, with their anniversary number), its state, the
//! featured date, and what remains until it. Everything is computed from an
//! absolute instant; the zone only decides where days begin.

use super::lunar::{lunar_from_civil, yearly_lunar_day, LunarDate};
use super::{
    days_in_month, is_leap_year, to_civil, CivilDate, DateSpec, Millis, Offset, Recurrence,
    RecurringDate, DAY_MS,
};

/// Where a date stands at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// It starts later.
    Upcoming,
    /// It has started and not ended ("Đang diễn ra").
    Ongoing,
    /// It is over ("Đã diễn ra").
    Held,
}

/// One occurrence of a key date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The first instant it covers.
    pub start: Millis,
    /// The instant just after it ends (equal to `start` for a moment without an end).
    pub end: Millis,
    /// How many (solar or lunar) years after the first occurrence this one is
    /// (recurring dates only).
    pub anniversary: Option<u32>,
    /// Its start, as the config wrote it, moved to this occurrence's year.
    pub start_spec: DateSpec,
    /// Its end, likewise.
    pub end_spec: Option<DateSpec>,
    /// The lunar date of its start, for dates that recur by the lunar calendar.
    pub lunar: Option<LunarDate>,
}

impl Occurrence {
    /// Its state at `now`.
    pub fn state(&self, now: Millis) -> State {
        if now < self.start {
            State::Upcoming
        } else if now < self.end {
            State::Ongoing
        } else {
            State::Held
        }
    }
}

/// The civil date a spec falls on in `zone`, and its time of day (ms) for an instant.
fn civil_in(spec: DateSpec, zone: Offset) -> (CivilDate, Option<u32>) {
    match spec {
        DateSpec::Day(date) => (date, None),
        DateSpec::Instant { at, .. } => {
            let (date, ms) = to_civil(at, zone);
            (date, Some(ms))
        }
    }
}

/// `spec` moved to another civil date, keeping its time of day in `zone`.
fn with_date(spec: DateSpec, date: CivilDate, ms_of_day: Option<u32>, zone: Offset) -> DateSpec {
    match (spec, ms_of_day) {
        (DateSpec::Instant { offset, .. }, Some(ms)) => DateSpec::Instant {
            at: date.days_since_epoch() * DAY_MS + Millis::from(ms) - zone.millis(),
            offset,
        },
        _ => DateSpec::Day(date),
    }
}

/// Moves a date `years` years on; 29 February falls on 28 February in common years.
fn shift_years(spec: DateSpec, years: i32) -> DateSpec {
    // Same wall-clock time, in the zone it was written in, `years` later.
    let zone = match spec {
        DateSpec::Day(_) => Offset::UTC,
        DateSpec::Instant { offset, .. } => offset,
    };
    let (date, ms_of_day) = civil_in(spec, zone);
    let year = date.year + years;
    let day = if date.month == 2 && date.day == 29 && !is_leap_year(year) {
        28
    } else {
        date.day
    };
    let moved = CivilDate {
        year,
        month: date.month,
        day: day.min(days_in_month(year, date.month)),
    };
    with_date(spec, moved, ms_of_day, zone)
}

/// Moves a date `years` lunar years on, on the same lunar day and month of the
/// campaign's `zone` (the time of day kept there); `None` outside the lunar table.
fn shift_lunar_years(spec: DateSpec, years: i32, zone: Offset) -> Option<(DateSpec, LunarDate)> {
    let (date, ms_of_day) = civil_in(spec, zone);
    let first = lunar_from_civil(date)?;
    if years == 0 {
        return Some((spec, first));
    }
    let (moved, lunar) = yearly_lunar_day(first.year + years, first.month, first.day)?;
    Some((with_date(spec, moved, ms_of_day, zone), lunar))
}

/// The occurrence `years` years after the first, `None` when the lunar table ends
/// before it.
fn occurrence_in(date: &RecurringDate, years: i32, zone: Offset) -> Option<Occurrence> {
    if date.recurrence != Recurrence::YearlyLunar {
        return Some(solar_occurrence(date, years, zone));
    }
    let (start, lunar) = shift_lunar_years(date.start, years, zone)?;
    let end = match date.end {
        Some(end) => Some(shift_lunar_years(end, years, zone)?.0),
        None => None,
    };
    Some(occurrence_of(date, years, (start, end), Some(lunar), zone))
}

/// The occurrence `years` solar years after the first.
fn solar_occurrence(date: &RecurringDate, years: i32, zone: Offset) -> Occurrence {
    let specs = (
        shift_years(date.start, years),
        date.end.map(|end| shift_years(end, years)),
    );
    occurrence_of(date, years, specs, None, zone)
}

fn occurrence_of(
    date: &RecurringDate,
    years: i32,
    (start_spec, end_spec): (DateSpec, Option<DateSpec>),
    lunar: Option<LunarDate>,
    zone: Offset,
) -> Occurrence {
    let start = start_spec.start_in(zone);
    let end = end_spec
        .map_or(start_spec.end_in(zone), |end| end.end_in(zone))
        .max(start);
    let anniversary = (date.recurrence != Recurrence::Once).then_some(years.unsigned_abs());
    Occurrence {
        start,
        end,
        anniversary,
        start_spec,
        end_spec,
        lunar,
    }
}

/// The occurrence that matters at `now`: for a one-off date, the date itself;
/// for a recurring one, the ongoing occurrence, else the next one (the last one
/// the lunar table holds, if `now` is past it).
pub fn occurrence_at(date: &RecurringDate, zone: Offset, now: Millis) -> Occurrence {
    // A lunar date outside the table (validation refuses it) stays as written.
    let first = occurrence_in(date, 0, zone).unwrap_or_else(|| solar_occurrence(date, 0, zone));
    if date.recurrence == Recurrence::Once || now < first.end {
        return first;
    }
    let (today, _) = to_civil(now, zone);
    let start_year = match first.lunar {
        Some(lunar) => lunar.year,
        None => civil_in(date.start, zone).0.year,
    };
    // Last year's occurrence may still be running (a span across New Year).
    let mut years = today.year - start_year - 1;
    if first.lunar.is_some() {
        // Past the lunar table's end, its last occurrence stays.
        years = years.min(super::lunar::LAST_YEAR - start_year);
    }
    years = years.max(1);
    let mut last = first;
    loop {
        let Some(occurrence) = occurrence_in(date, years, zone) else {
            return last;
        };
        if now < occurrence.end || years > 10_000 {
            return occurrence;
        }
        last = occurrence;
        years += 1;
    }
}

/// The occurrence that matters at `now` and up to `count - 1` after it (recurring
/// dates only; fewer where the lunar table ends), for calendar files that must list
/// the days of a date calendar apps cannot repeat by themselves.
pub fn occurrences_from(
    date: &RecurringDate,
    zone: Offset,
    now: Millis,
    count: usize,
) -> Vec<Occurrence> {
    let current = occurrence_at(date, zone, now);
    let mut list = vec![current];
    if date.recurrence != Recurrence::Once {
        let years = current.anniversary.unwrap_or(0) as i32;
        list.extend((1..count as i32).map_while(|n| occurrence_in(date, years + n, zone)));
    }
    list
}

/// A dated item with its occurrence and state at one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct DateStatus<'a, T> {
    /// The item (a key date).
    pub item: &'a T,
    /// Its current or next occurrence.
    pub occurrence: Occurrence,
    /// Its state.
    pub state: State,
}

/// Every item at `now`, in the order of the occurrences' starts (then of ends,
/// then of the slice).
pub fn statuses<T: AsRef<RecurringDate>>(
    items: &[T],
    zone: Offset,
    now: Millis,
) -> Vec<DateStatus<'_, T>> {
    let mut list: Vec<DateStatus<T>> = Vec::with_capacity(items.len());
    for item in items {
        let occurrence = occurrence_at(item.as_ref(), zone, now);
        let key = (occurrence.start, occurrence.end);
        // Insertion keeps the list sorted and stable; a config has at most 100
        // dates, and this is far less code than the standard library's sorts.
        let at = list.partition_point(|s| (s.occurrence.start, s.occurrence.end) <= key);
        list.insert(
            at,
            DateStatus {
                item,
                occurrence,
                state: occurrence.state(now),
            },
        );
    }
    list
}

/// The date to count down to: an ongoing one (the one that ends first), else the
/// next upcoming one; `None` when every date is held.
pub fn featured<'a, 'b, T>(statuses: &'b [DateStatus<'a, T>]) -> Option<&'b DateStatus<'a, T>> {
    let ongoing = statuses
        .iter()
        .filter(|s| s.state == State::Ongoing)
        .min_by_key(|s| s.occurrence.end);
    ongoing.or_else(|| {
        statuses
            .iter()
            .filter(|s| s.state == State::Upcoming)
            .min_by_key(|s| s.occurrence.start)
    })
}

/// The next instant at which any date changes state (for re-rendering the
/// timeline no more often than needed).
pub fn next_change<T>(statuses: &[DateStatus<'_, T>], now: Millis) -> Option<Millis> {
    statuses
        .iter()
        .flat_map(|s| [s.occurrence.start, s.occurrence.end])
        .filter(|t| *t > now)
        .min()
}

/// A duration split for the countdown: never negative, rounded up to the second
/// so that "0 seconds" only shows when the moment has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Remaining {
    /// Whole days.
    pub days: u64,
    /// 0–23.
    pub hours: u8,
    /// 0–59.
    pub minutes: u8,
    /// 0–59.
    pub seconds: u8,
}

impl Remaining {
    /// What remains from `now` until `until` (zero if it has passed).
    pub fn between(now: Millis, until: Millis) -> Remaining {
        let ms = until.saturating_sub(now).max(0);
        let total = (ms as u64).div_ceil(1000);
        Remaining {
            days: total / 86_400,
            hours: (total / 3600 % 24) as u8,
            minutes: (total / 60 % 60) as u8,
            seconds: (total % 60) as u8,
        }
    }

    /// The whole duration in seconds.
    pub fn total_seconds(self) -> u64 {
        self.days * 86_400
            + u64::from(self.hours) * 3600
            + u64::from(self.minutes) * 60
            + u64::from(self.seconds)
    }
}

/// The civil date of an occurrence's start, in `zone`.
pub fn start_date(occurrence: &Occurrence, zone: Offset) -> CivilDate {
    match occurrence.start_spec {
        DateSpec::Day(date) => date,
        DateSpec::Instant { at, .. } => to_civil(at, zone).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_date_spec;

    fn spec(text: &str) -> DateSpec {
        parse_date_spec(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn at(text: &str) -> Millis {
        spec(text).start_in(Offset::UTC)
    }

    fn key_date(start: &str, end: Option<&str>, recurrence: Recurrence) -> RecurringDate {
        RecurringDate {
            start: spec(start),
            end: end.map(spec),
            recurrence,
        }
    }

    const VN: Offset = Offset::VIETNAM;

    #[test]
    fn a_one_off_instant_range_at_its_edges() {
        let election = key_date(
            "2021-05-23T07:00:00+07:00",
            Some("2021-05-23T19:00:00+07:00"),
            Recurrence::Once,
        );
        let state = |now: &str| occurrence_at(&election, VN, at(now)).state(at(now));
        assert_eq!(state("2021-05-22T23:59:59.999Z"), State::Upcoming);
        assert_eq!(state("2021-05-23T00:00:00Z"), State::Ongoing);
        assert_eq!(state("2021-05-23T11:59:59.999Z"), State::Ongoing);
        assert_eq!(state("2021-05-23T12:00:00Z"), State::Held);
        assert_eq!(state("2026-11-25T03:00:00Z"), State::Held);
    }

    #[test]
    fn a_moment_without_an_end_is_held_from_that_moment() {
        let moment = key_date("2021-05-23T07:00:00+07:00", None, Recurrence::Once);
        let state = |now: &str| occurrence_at(&moment, VN, at(now)).state(at(now));
        assert_eq!(state("2021-05-23T06:59:59.999+07:00"), State::Upcoming);
        assert_eq!(state("2021-05-23T07:00:00+07:00"), State::Held);
    }

    #[test]
    fn a_whole_day_starts_at_midnight_in_the_campaign_zone_wherever_it_is_seen_from() {
        let day = key_date("2021-12-31", None, Recurrence::Once);
        let state = |now: &str| occurrence_at(&day, VN, at(now)).state(at(now));
        // 00:00 +07:00 is 17:00 the day before in UTC, 07:00 the day before at UTC-10,
        // and 07:00 the same day at UTC+14.
        assert_eq!(state("2021-12-30T06:59:59.999-10:00"), State::Upcoming);
        assert_eq!(state("2021-12-30T07:00:00-10:00"), State::Ongoing);
        assert_eq!(state("2021-12-31T06:59:59.999+14:00"), State::Upcoming);
        assert_eq!(state("2021-12-31T07:00:00+14:00"), State::Ongoing);
        // 31/12 → 01/01: held at the new year's midnight in Vietnam.
        assert_eq!(state("2021-12-31T23:59:59.999+07:00"), State::Ongoing);
        assert_eq!(state("2022-01-01T00:00:00+07:00"), State::Held);
        let range = key_date("2021-01-25", Some("2021-02-01"), Recurrence::Once);
        let occurrence = occurrence_at(&range, VN, 0);
        assert_eq!(occurrence.end - occurrence.start, 8 * DAY_MS);
    }

    #[test]
    fn yearly_dates_roll_over_with_their_anniversary() {
        let founding = key_date("1930-02-03", None, Recurrence::Yearly);
        let next = |now: &str| {
            let o = occurrence_at(&founding, VN, at(now));
            (start_date(&o, VN), o.anniversary, o.state(at(now)))
        };
        let date = |y, m, d| CivilDate {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(
            next("2026-11-25T10:00:00+07:00"),
            (date(2027, 2, 3), Some(97), State::Upcoming)
        );
        assert_eq!(
            next("2021-02-03T00:00:00+07:00"),
            (date(2021, 2, 3), Some(91), State::Ongoing)
        );
        assert_eq!(
            next("2021-02-02T23:59:59.999+07:00"),
            (date(2021, 2, 3), Some(91), State::Upcoming)
        );
        assert_eq!(
            next("2021-02-04T00:00:00+07:00"),
            (date(2022, 2, 3), Some(92), State::Upcoming)
        );
        // Before the first one, the first one itself; the first anniversary a year on.
        assert_eq!(
            next("1929-06-01T00:00:00Z"),
            (date(1930, 2, 3), Some(0), State::Upcoming)
        );
        assert_eq!(
            next("1930-02-04T00:00:00+07:00"),
            (date(1931, 2, 3), Some(1), State::Upcoming)
        );
        // Far future.
        assert_eq!(
            next("9000-03-01T00:00:00Z"),
            (date(9001, 2, 3), Some(7071), State::Upcoming)
        );
    }

    #[test]
    fn the_29th_of_february_recurs_on_the_28th_in_common_years() {
        let leap = key_date("2024-02-29", None, Recurrence::Yearly);
        let next = |now: &str| start_date(&occurrence_at(&leap, VN, at(now)), VN);
        assert_eq!(
            next("2025-01-01T00:00:00Z"),
            CivilDate {
                year: 2025,
                month: 2,
                day: 28
            }
        );
        assert_eq!(
            next("2027-03-01T00:00:00Z"),
            CivilDate {
                year: 2028,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn a_yearly_span_across_new_year_is_ongoing_in_january() {
        let tet = key_date("2020-12-30", Some("2021-01-02"), Recurrence::Yearly);
        let now = at("2026-01-01T12:00:00+07:00");
        let o = occurrence_at(&tet, VN, now);
        assert_eq!(
            (start_date(&o, VN).year, o.anniversary, o.state(now)),
            (2025, Some(5), State::Ongoing)
        );
    }

    #[test]
    fn featured_and_remaining() {
        let dates = vec![
            key_date("2021-01-25", Some("2021-02-01"), Recurrence::Once),
            key_date("1930-02-03", None, Recurrence::Yearly),
            key_date(
                "2021-05-23T07:00:00+07:00",
                Some("2021-05-23T19:00:00+07:00"),
                Recurrence::Once,
            ),
        ];
        let now = at("2026-11-25T10:00:00+07:00");
        let list = statuses(&dates, VN, now);
        let feature = featured(&list).map(|s| s.occurrence);
        assert_eq!(feature.and_then(|o| o.anniversary), Some(97));
        let remaining = feature.map(|o| Remaining::between(now, o.start));
        assert_eq!(
            remaining,
            Some(Remaining {
                days: 69,
                hours: 14,
                minutes: 0,
                seconds: 0
            })
        );
        // In 2021, the election is ongoing on polling day and featured.
        let polling = at("2021-05-23T08:00:00+07:00");
        let list = statuses(&dates, VN, polling);
        assert_eq!(featured(&list).map(|s| s.state), Some(State::Ongoing));
        // Only one-off dates, all held: nothing to feature.
        let list = statuses(&dates[2..], VN, now);
        assert!(featured(&list).is_none());
        assert_eq!(next_change(&list, now), None);
    }

    #[test]
    fn statuses_are_ordered_by_start_then_end_then_config() {
        struct Named(&'static str, RecurringDate);
        impl AsRef<RecurringDate> for Named {
            fn as_ref(&self) -> &RecurringDate {
                &self.1
            }
        }
        let named = |id, start, end| Named(id, key_date(start, end, Recurrence::Once));
        let dates = vec![
            named("late", "2021-12-31", None),
            named("long", "2021-05-23", Some("2021-05-30")),
            named("tie-a", "2021-05-23", None),
            named("early", "2021-01-05", None),
            named("tie-b", "2021-05-23", None),
        ];
        let list = statuses(&dates, VN, at("2026-01-01T00:00:00Z"));
        let ids: Vec<&str> = list.iter().map(|s| s.item.0).collect();
        assert_eq!(ids, ["early", "tie-a", "tie-b", "long", "late"]);
    }

    #[test]
    fn remaining_never_goes_negative_and_rounds_up() {
        assert_eq!(Remaining::between(10_000, 5_000), Remaining::default());
        assert_eq!(
            Remaining::between(0, 1),
            Remaining {
                seconds: 1,
                ..Remaining::default()
            }
        );
        assert_eq!(
            Remaining::between(0, 1000),
            Remaining {
                seconds: 1,
                ..Remaining::default()
            }
        );
        assert_eq!(Remaining::between(0, 1001).seconds, 2);
        assert_eq!(Remaining::between(0, DAY_MS).total_seconds(), 86_400);
        // Saturates instead of overflowing.
        assert_eq!(Remaining::between(i64::MIN, i64::MAX).days, 106_751_991_167);
    }

    fn civil(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate { year, month, day }
    }

    #[test]
    fn a_yearly_lunar_date_recurs_on_its_lunar_day_with_lunar_anniversaries() {
        // Giỗ Tổ Hùng Vương, 10/3 âm lịch, first entered for 2026 (26/04/2026).
        let gio_to = key_date("2026-04-26", None, Recurrence::YearlyLunar);
        let next = |now: &str| {
            let o = occurrence_at(&gio_to, VN, at(now));
            (
                start_date(&o, VN),
                o.anniversary,
                o.state(at(now)),
                o.lunar.map(|l| (l.day, l.month)),
            )
        };
        assert_eq!(
            next("2026-11-30T10:00:00+07:00"),
            (civil(2027, 4, 16), Some(1), State::Upcoming, Some((10, 3)))
        );
        // Just before, during and after its day in Vietnam.
        assert_eq!(next("2027-04-15T23:59:59.999+07:00").2, State::Upcoming);
        assert_eq!(next("2027-04-16T00:00:00+07:00").2, State::Ongoing);
        assert_eq!(next("2027-04-16T23:59:59.999+07:00").2, State::Ongoing);
        assert_eq!(
            next("2027-04-17T00:00:00+07:00"),
            (civil(2028, 4, 4), Some(2), State::Upcoming, Some((10, 3)))
        );
        // Seen from UTC−10 and UTC+14: the day is Vietnam's.
        assert_eq!(next("2027-04-15T06:59:59.999-10:00").2, State::Upcoming);
        assert_eq!(next("2027-04-15T07:00:00-10:00").2, State::Ongoing);
        assert_eq!(next("2027-04-16T06:59:59.999+14:00").2, State::Upcoming);
        assert_eq!(next("2027-04-16T07:00:00+14:00").2, State::Ongoing);
        assert_eq!(next("2027-04-17T06:59:59.999+14:00").2, State::Ongoing);
        assert_eq!(next("2027-04-17T07:00:00+14:00").2, State::Upcoming);
        // Before its first occurrence: the first one, anniversary 0.
        assert_eq!(next("2025-12-31T00:00:00Z").1, Some(0));
    }

    #[test]
    fn tet_across_the_solar_year_boundary() {
        // Tết 2026 (17/02/2026) to 3/1 âm lịch, entered once.
        let tet = key_date("2026-02-17", Some("2026-02-19"), Recurrence::YearlyLunar);
        let next = |now: &str| {
            let o = occurrence_at(&tet, VN, at(now));
            (start_date(&o, VN), o.end_spec, o.anniversary)
        };
        // From 31/12/2026 to 01/01/2027, still Tết 2027 (06/02/2027 to 08/02/2027).
        let tet_2027 = (
            civil(2027, 2, 6),
            Some(DateSpec::Day(civil(2027, 2, 8))),
            Some(1),
        );
        assert_eq!(next("2026-12-31T23:59:59+07:00"), tet_2027);
        assert_eq!(next("2027-01-01T00:00:00+07:00"), tet_2027);
        assert_eq!(next("2027-02-08T23:00:00+07:00"), tet_2027);
        assert_eq!(next("2027-02-09T00:00:00+07:00").0, civil(2028, 1, 26));
        // A 30th in a month that has 29 days in a given year falls on the 29th:
        // 30/12 âm lịch 2025 (16/02/2026, Tất niên) comes on 29/12 in 2026's
        // 29-day twelfth month (05/02/2027).
        let eve = key_date("2026-02-16", None, Recurrence::YearlyLunar);
        let o = occurrence_at(&eve, VN, at("2026-06-01T00:00:00Z"));
        assert_eq!(start_date(&o, VN), civil(2027, 2, 5));
        assert_eq!(
            o.lunar.map(|l| (l.day, l.month, l.year)),
            Some((29, 12, 2026))
        );
    }

    #[test]
    fn a_lunar_instant_keeps_its_time_of_day_and_a_leap_month_recurs_in_the_ordinary_one() {
        let ceremony = key_date(
            "2026-04-26T07:30:00+07:00",
            Some("2026-04-26T11:00:00+07:00"),
            Recurrence::YearlyLunar,
        );
        let o = occurrence_at(&ceremony, VN, at("2026-05-01T00:00:00Z"));
        assert_eq!(o.start, at("2027-04-16T07:30:00+07:00"));
        assert_eq!(o.end, at("2027-04-16T11:00:00+07:00"));
        // 01/02 nhuận âm lịch 2023 (22/03/2023) recurs on 01/02 âm lịch.
        let leap = key_date("2023-03-22", None, Recurrence::YearlyLunar);
        let first = occurrence_at(&leap, VN, at("2023-01-01T00:00:00Z"));
        assert_eq!(first.lunar.map(|l| l.leap), Some(true));
        let o = occurrence_at(&leap, VN, at("2023-06-01T00:00:00Z"));
        assert_eq!(start_date(&o, VN), civil(2024, 3, 10));
        assert_eq!(
            o.lunar.map(|l| (l.day, l.month, l.leap)),
            Some((1, 2, false))
        );
    }

    #[test]
    fn occurrences_listed_for_calendar_files() {
        let gio_to = key_date("2026-04-26", None, Recurrence::YearlyLunar);
        let list = occurrences_from(&gio_to, VN, at("2026-11-30T00:00:00Z"), 11);
        let days: Vec<CivilDate> = list.iter().map(|o| start_date(o, VN)).collect();
        assert_eq!(days.len(), 11);
        assert_eq!(
            &days[..3],
            &[civil(2027, 4, 16), civil(2028, 4, 4), civil(2029, 4, 23)]
        );
        assert_eq!(days[10].year, 2037);
        // Near the table's end the list is shorter, and past it the last one stays.
        let late = occurrences_from(&gio_to, VN, at("2195-01-01T00:00:00Z"), 11);
        assert_eq!(late.len(), 6);
        let past = occurrence_at(&gio_to, VN, at("2300-01-01T00:00:00Z"));
        assert_eq!(
            (
                start_date(&past, VN).year,
                past.state(at("2300-01-01T00:00:00Z"))
            ),
            (2200, State::Held)
        );
        // One-off dates: just the one.
        let once = key_date("2021-05-23", None, Recurrence::Once);
        assert_eq!(occurrences_from(&once, VN, 0, 11).len(), 1);
    }
}
