//! Where each key date stands at an instant: its current or next occurrence
//! (yearly dates roll over, with their anniversary number), its state, the
//! featured date, and what remains until it. Everything is computed from an
//! absolute instant; the zone only decides where days begin.

use super::{days_in_month, is_leap_year, to_civil, CivilDate, DateSpec, Millis, Offset, DAY_MS};
use crate::config::{KeyDate, Repeat};

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
    /// How many years after the first occurrence this one is (yearly dates only).
    pub anniversary: Option<u32>,
    /// Its start, as the config wrote it, moved to this occurrence's year.
    pub start_spec: DateSpec,
    /// Its end, likewise.
    pub end_spec: Option<DateSpec>,
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

/// Moves a date `years` years on; 29 February falls on 28 February in common years.
fn shift_years(spec: DateSpec, years: i32) -> DateSpec {
    let move_date = |date: CivilDate| {
        let year = date.year + years;
        let day = if date.month == 2 && date.day == 29 && !is_leap_year(year) {
            28
        } else {
            date.day
        };
        CivilDate {
            year,
            month: date.month,
            day: day.min(days_in_month(year, date.month)),
        }
    };
    match spec {
        DateSpec::Day(date) => DateSpec::Day(move_date(date)),
        DateSpec::Instant { at, offset } => {
            // Same wall-clock time, in the zone it was written in, `years` later.
            let (date, ms_of_day) = to_civil(at, offset);
            let moved = move_date(date);
            DateSpec::Instant {
                at: moved.days_since_epoch() * DAY_MS + Millis::from(ms_of_day) - offset.millis(),
                offset,
            }
        }
    }
}

fn occurrence_in(date: &KeyDate, years: i32, zone: Offset) -> Occurrence {
    let start_spec = shift_years(date.start, years);
    let end_spec = date.end.map(|end| shift_years(end, years));
    let start = start_spec.start_in(zone);
    let end = end_spec
        .map_or(start_spec.end_in(zone), |end| end.end_in(zone))
        .max(start);
    let anniversary = (date.repeat == Repeat::Yearly).then_some(years.unsigned_abs());
    Occurrence {
        start,
        end,
        anniversary,
        start_spec,
        end_spec,
    }
}

/// The occurrence that matters at `now`: for a one-off date, the date itself;
/// for a yearly one, the ongoing occurrence, else the next one.
pub fn occurrence_at(date: &KeyDate, zone: Offset, now: Millis) -> Occurrence {
    let first = occurrence_in(date, 0, zone);
    if date.repeat == Repeat::Never || now < first.end {
        return first;
    }
    let (today, _) = to_civil(now, zone);
    let start_year = match date.start {
        DateSpec::Day(d) => d.year,
        DateSpec::Instant { at, offset } => to_civil(at, offset).0.year,
    };
    // Last year's occurrence may still be running (a span across New Year).
    let mut years = (today.year - start_year - 1).max(1);
    loop {
        let occurrence = occurrence_in(date, years, zone);
        if now < occurrence.end || years > 10_000 {
            return occurrence;
        }
        years += 1;
    }
}

/// A key date with its occurrence and state at one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct DateStatus<'a> {
    /// The date.
    pub date: &'a KeyDate,
    /// Its current or next occurrence.
    pub occurrence: Occurrence,
    /// Its state.
    pub state: State,
}

/// Every key date at `now`, in the order of the occurrences' starts (then of
/// ends, then of the config).
pub fn statuses(dates: &[KeyDate], zone: Offset, now: Millis) -> Vec<DateStatus<'_>> {
    let mut list: Vec<DateStatus> = Vec::with_capacity(dates.len());
    for date in dates {
        let occurrence = occurrence_at(date, zone, now);
        let key = (occurrence.start, occurrence.end);
        // Insertion keeps the list sorted and stable; a config has at most 100
        // dates, and this is far less code than the standard library's sorts.
        let at = list.partition_point(|s| (s.occurrence.start, s.occurrence.end) <= key);
        list.insert(
            at,
            DateStatus {
                date,
                occurrence,
                state: occurrence.state(now),
            },
        );
    }
    list
}

/// The date to count down to: an ongoing one (the one that ends first), else the
/// next upcoming one; `None` when every date is held.
pub fn featured<'a, 'b>(statuses: &'b [DateStatus<'a>]) -> Option<&'b DateStatus<'a>> {
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
pub fn next_change(statuses: &[DateStatus<'_>], now: Millis) -> Option<Millis> {
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
    use crate::config::Text;
    use crate::time::parse_date_spec;

    fn spec(text: &str) -> DateSpec {
        parse_date_spec(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn at(text: &str) -> Millis {
        spec(text).start_in(Offset::UTC)
    }

    fn key_date(start: &str, end: Option<&str>, repeat: Repeat) -> KeyDate {
        KeyDate {
            id: "d".into(),
            title: Text::plain("d"),
            start: spec(start),
            end: end.map(spec),
            repeat,
        }
    }

    const VN: Offset = Offset::VIETNAM;

    #[test]
    fn a_one_off_instant_range_at_its_edges() {
        let election = key_date(
            "2021-05-23T07:00:00+07:00",
            Some("2021-05-23T19:00:00+07:00"),
            Repeat::Never,
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
        let moment = key_date("2021-05-23T07:00:00+07:00", None, Repeat::Never);
        let state = |now: &str| occurrence_at(&moment, VN, at(now)).state(at(now));
        assert_eq!(state("2021-05-23T06:59:59.999+07:00"), State::Upcoming);
        assert_eq!(state("2021-05-23T07:00:00+07:00"), State::Held);
    }

    #[test]
    fn a_whole_day_starts_at_midnight_in_the_campaign_zone_wherever_it_is_seen_from() {
        let day = key_date("2021-12-31", None, Repeat::Never);
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
        let range = key_date("2021-01-25", Some("2021-02-01"), Repeat::Never);
        let occurrence = occurrence_at(&range, VN, 0);
        assert_eq!(occurrence.end - occurrence.start, 8 * DAY_MS);
    }

    #[test]
    fn yearly_dates_roll_over_with_their_anniversary() {
        let founding = key_date("1930-02-03", None, Repeat::Yearly);
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
        let leap = key_date("2024-02-29", None, Repeat::Yearly);
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
        let tet = key_date("2020-12-30", Some("2021-01-02"), Repeat::Yearly);
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
            key_date("2021-01-25", Some("2021-02-01"), Repeat::Never),
            key_date("1930-02-03", None, Repeat::Yearly),
            key_date(
                "2021-05-23T07:00:00+07:00",
                Some("2021-05-23T19:00:00+07:00"),
                Repeat::Never,
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
        let named = |id: &str, start: &str, end: Option<&str>| KeyDate {
            id: id.into(),
            ..key_date(start, end, Repeat::Never)
        };
        let dates = vec![
            named("late", "2021-12-31", None),
            named("long", "2021-05-23", Some("2021-05-30")),
            named("tie-a", "2021-05-23", None),
            named("early", "2021-01-05", None),
            named("tie-b", "2021-05-23", None),
        ];
        let list = statuses(&dates, VN, at("2026-01-01T00:00:00Z"));
        let ids: Vec<&str> = list.iter().map(|s| s.date.id.as_str()).collect();
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
}
