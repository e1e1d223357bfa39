//! Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), so the
//! widget needs no date crate and no JavaScript `Date`.

use super::{Millis, Offset, DAY_MS};

/// A calendar date with no time and no zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The year, 1 to 9999 for dates that came from a config.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the length of the month.
    pub day: u8,
}

impl CivilDate {
    /// The date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CivilDate { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The instant this date starts at in `zone`.
    pub fn midnight_in(self, zone: Offset) -> Millis {
        self.days_since_epoch() * DAY_MS - zone.millis()
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        (self.days_since_epoch() + 4).rem_euclid(7) as u8
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` of `year` (0 for a month that does not exist).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to the given civil date.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` days after 1970-01-01.
pub fn civil_from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    CivilDate { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in [-800_000, -1, 0, 1, 18_628, 2_932_896] {
            let d = civil_from_days(days);
            assert_eq!(d.days_since_epoch(), days);
        }
    }

    #[test]
    fn calendar_rules() {
        assert!(is_leap_year(2024) && is_leap_year(2000));
        assert!(!is_leap_year(1900) && !is_leap_year(2021));
        assert_eq!(CivilDate::new(2021, 2, 29), None);
        assert!(CivilDate::new(2024, 2, 29).is_some());
        assert_eq!(CivilDate::new(2021, 4, 31), None);
        assert_eq!(CivilDate::new(2021, 13, 1), None);
        // 03/02/2021 was a Wednesday; 23/05/2021 a Sunday.
        assert_eq!(CivilDate::new(2021, 2, 3).map(CivilDate::weekday), Some(3));
        assert_eq!(CivilDate::new(2021, 5, 23).map(CivilDate::weekday), Some(0));
    }
}
