//! Time without the browser: instants as UTC milliseconds, civil dates, fixed
//! offsets, and the two date forms the config accepts. Nothing here may import
//! `web_sys`, `js_sys` or `yew`: it is tested natively with `cargo test`.

pub mod calendar_link;
mod civil;
mod http_date;
pub mod ics;
pub mod lunar;
mod parse;
mod schedule;

pub use civil::{civil_from_days, days_from_civil, days_in_month, is_leap_year, CivilDate};
pub use http_date::{clock_correction, corrected, parse_http_date, SKEW_THRESHOLD};
pub use lunar::LunarDate;
pub use parse::{parse_date_spec, parse_offset, DateError};
pub use schedule::{
    featured, next_change, occurrence_at, occurrences_from, start_date, statuses, DateStatus,
    Occurrence, Remaining, State,
};

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// Milliseconds in one day.
pub const DAY_MS: Millis = 86_400_000;

/// A fixed offset from UTC, as RFC 3339 writes it (`+07:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offset {
    minutes: i32,
}

impl Offset {
    /// Vietnam time: UTC+07:00 all year, no daylight saving.
    pub const VIETNAM: Offset = Offset { minutes: 7 * 60 };
    /// UTC itself.
    pub const UTC: Offset = Offset { minutes: 0 };

    /// An offset of `minutes` east of UTC, if it is one RFC 3339 can write (under 24 hours).
    pub fn from_minutes(minutes: i32) -> Option<Offset> {
        (minutes.abs() < 24 * 60).then_some(Offset { minutes })
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i32 {
        self.minutes
    }

    /// The offset in milliseconds.
    pub fn millis(self) -> Millis {
        Millis::from(self.minutes) * 60_000
    }
}

/// A key date as the config writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSpec {
    /// `YYYY-MM-DD`: the whole day, midnight to midnight, in the campaign's timezone.
    Day(CivilDate),
    /// RFC 3339 with an offset: one exact instant. The offset is kept so that the
    /// instant can be shown as it was written if needed.
    Instant {
        /// The instant, in ms since the Unix epoch (UTC).
        at: Millis,
        /// The UTC offset it was written with.
        offset: Offset,
    },
}

impl DateSpec {
    /// The first instant this date covers, for a campaign in `zone`.
    pub fn start_in(self, zone: Offset) -> Millis {
        match self {
            DateSpec::Day(date) => date.midnight_in(zone),
            DateSpec::Instant { at, .. } => at,
        }
    }

    /// The instant just after this date ends: the next midnight for a whole day,
    /// the instant itself otherwise.
    pub fn end_in(self, zone: Offset) -> Millis {
        match self {
            DateSpec::Day(date) => date.midnight_in(zone) + DAY_MS,
            DateSpec::Instant { at, .. } => at,
        }
    }

    /// Whether this is a whole-day date.
    pub fn is_whole_day(self) -> bool {
        matches!(self, DateSpec::Day(_))
    }
}

/// How a date recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurrence {
    /// Once.
    Once,
    /// Every year on the same civil day and month (29 February on 28 February in
    /// common years); anniversaries count solar years from the start.
    Yearly,
    /// Every year on the same Vietnamese lunar day and month (see
    /// [`lunar::yearly_lunar_day`] for leap months and 30ths); anniversaries
    /// count lunar years from the start.
    YearlyLunar,
}

/// A date as the schedule sees it: when it first starts and ends, and how it
/// recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecurringDate {
    /// Its first start (a whole day or an instant).
    pub start: DateSpec,
    /// Its first end, if it spans more than its start; never before `start`.
    pub end: Option<DateSpec>,
    /// How it recurs.
    pub recurrence: Recurrence,
}

impl AsRef<RecurringDate> for RecurringDate {
    fn as_ref(&self) -> &RecurringDate {
        self
    }
}

/// The civil date and time of `at` as seen in `zone`.
pub fn to_civil(at: Millis, zone: Offset) -> (CivilDate, u32) {
    let local = at + zone.millis();
    let days = local.div_euclid(DAY_MS);
    let ms_of_day = local.rem_euclid(DAY_MS);
    // ms_of_day < 86_400_000, so it fits in u32.
    (civil_from_days(days), ms_of_day as u32)
}
