//! The Vietnamese lunar calendar (âm lịch) from 1899 to 2200, read from a table
//! of three bytes per lunar year that the crate's `build.rs` computes with Hồ Ngọc Đức's
//! astronomical algorithms for UTC+07:00 (`build_support::astronomy`). The table is exact for
//! the Vietnamese calendar by construction, is 906 bytes instead of the
//! trigonometry the algorithms need, and is checked day by day against both the
//! algorithms and an independent implementation in the tests.
//!
//! Lunar days are civil days: the caller decides in which zone a day is taken
//! (the campaign's `timezone`).

use super::{civil_from_days, days_from_civil, CivilDate};

/// The first lunar year in the table (it holds January 1900).
pub const FIRST_YEAR: i32 = 1899;
/// The last lunar year in the table.
pub const LAST_YEAR: i32 = 2200;

/// One byte triple per lunar year from [`FIRST_YEAR`] to [`LAST_YEAR`]; see
/// `build_support::astronomy::YearShape::to_bytes` for the layout.
const TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lunar_years.bin"));

/// A date of the Vietnamese lunar calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LunarDate {
    /// The lunar year (the solar year in which its Tết falls).
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 29 or 30.
    pub day: u8,
    /// Whether the month is the year's leap month (tháng nhuận), which repeats
    /// the number of the month before it.
    pub leap: bool,
}

/// One lunar month within its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Month {
    /// Days since 1970-01-01 of its first day.
    first_day: i64,
    /// 29 or 30.
    length: u8,
    /// Its number, 1 to 12.
    number: u8,
    /// Whether it is the leap month.
    leap: bool,
}

/// The months of lunar `year`, in order (12, or 13 with a leap month), or `None`
/// outside the table.
fn months(year: i32) -> Option<impl Iterator<Item = Month>> {
    let index = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    let bytes = TABLE.get(index * 3..index * 3 + 3)?;
    let bits = u32::from(bytes[0]) | u32::from(bytes[1]) << 8 | u32::from(bytes[2]) << 16;
    let long_months = bits & 0x1fff;
    let leap_after = (bits >> 13 & 0xf) as u8;
    let mut first_day = days_from_civil(year, 1, 1) + i64::from(bits >> 17);
    let count = if leap_after == 0 { 12 } else { 13 };
    Some((0..count).map(move |i| {
        let number = if leap_after == 0 || i < leap_after {
            i + 1
        } else {
            i
        };
        let month = Month {
            first_day,
            length: if long_months >> i & 1 == 1 { 30 } else { 29 },
            number,
            leap: leap_after != 0 && i == leap_after,
        };
        first_day += i64::from(month.length);
        month
    }))
}

/// The lunar date of a civil date, or `None` outside the table.
pub fn lunar_from_civil(date: CivilDate) -> Option<LunarDate> {
    let days = date.days_since_epoch();
    // Tết falls between 21 January and 20 February: the day belongs to the lunar
    // year of its solar year, or to the one before.
    for year in [date.year, date.year - 1] {
        for month in months(year)? {
            let offset = days - month.first_day;
            if (0..i64::from(month.length)).contains(&offset) {
                return Some(LunarDate {
                    year,
                    month: month.number,
                    day: offset as u8 + 1,
                    leap: month.leap,
                });
            }
        }
    }
    None
}

/// The civil date of a lunar date, or `None` when it does not exist (a leap
/// month the year does not have, a 30th in a 29-day month, outside the table).
pub fn civil_from_lunar(date: LunarDate) -> Option<CivilDate> {
    let month = months(date.year)?.find(|m| m.number == date.month && m.leap == date.leap)?;
    (1..=month.length)
        .contains(&date.day)
        .then(|| civil_from_days(month.first_day + i64::from(date.day) - 1))
}

/// Where a yearly lunar date falls in lunar `year`: the day `day` of the ordinary
/// (not leap) month `month`, or that month's last day when it is shorter (the
/// 30th of a 29-day month falls on the 29th). A date first given in a leap month
/// recurs in the ordinary month of that number, as Vietnamese custom keeps death
/// anniversaries and festivals. `None` outside the table.
pub fn yearly_lunar_day(year: i32, month: u8, day: u8) -> Option<(CivilDate, LunarDate)> {
    let found = months(year)?.find(|m| m.number == month && !m.leap)?;
    let day = day.clamp(1, found.length);
    let civil = civil_from_days(found.first_day + i64::from(day) - 1);
    Some((
        civil,
        LunarDate {
            year,
            month,
            day,
            leap: false,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn civil(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate { year, month, day }
    }

    fn lunar(year: i32, month: u8, day: u8, leap: bool) -> LunarDate {
        LunarDate {
            year,
            month,
            day,
            leap,
        }
    }

    #[test]
    fn the_table_covers_every_year_it_says() {
        assert_eq!(TABLE.len(), 3 * (LAST_YEAR - FIRST_YEAR + 1) as usize);
        assert!(months(FIRST_YEAR - 1).is_none() && months(LAST_YEAR + 1).is_none());
    }

    #[test]
    fn named_days() {
        let tet = |year| civil_from_lunar(lunar(year, 1, 1, false));
        // Vietnam and China differ: 21/01/1985 and 17/02/2007 in Vietnam.
        assert_eq!(tet(1985), Some(civil(1985, 1, 21)));
        assert_eq!(tet(2007), Some(civil(2007, 2, 17)));
        assert_eq!(tet(2027), Some(civil(2027, 2, 6)));
        assert_eq!(tet(2026), Some(civil(2026, 2, 17)));
        // Giỗ Tổ Hùng Vương, 10/3 âm lịch.
        let gio_to = |year| yearly_lunar_day(year, 3, 10).map(|(c, _)| c);
        assert_eq!(gio_to(2026), Some(civil(2026, 4, 26)));
        assert_eq!(gio_to(2027), Some(civil(2027, 4, 16)));
        assert_eq!(gio_to(2028), Some(civil(2028, 4, 4)));
        assert_eq!(
            lunar_from_civil(civil(2027, 4, 16)),
            Some(lunar(2027, 3, 10, false))
        );
    }

    #[test]
    fn leap_months() {
        // 2023 has a leap 2nd month, 2025 a leap 6th month.
        assert_eq!(
            lunar_from_civil(civil(2023, 3, 22)),
            Some(lunar(2023, 2, 1, true))
        );
        assert_eq!(
            civil_from_lunar(lunar(2023, 2, 1, true)),
            Some(civil(2023, 3, 22))
        );
        assert_eq!(
            civil_from_lunar(lunar(2025, 6, 1, true)),
            Some(civil(2025, 7, 25))
        );
        assert_eq!(civil_from_lunar(lunar(2024, 6, 1, true)), None);
        // A date in the leap month recurs in the ordinary month of that number.
        assert_eq!(
            yearly_lunar_day(2023, 2, 1).map(|(c, _)| c),
            civil_from_lunar(lunar(2023, 2, 1, false))
        );
    }

    #[test]
    fn the_30th_falls_on_the_last_day_of_a_short_month() {
        for year in FIRST_YEAR..=LAST_YEAR {
            for month in 1..=12 {
                let Some((date, found)) = yearly_lunar_day(year, month, 30) else {
                    panic!("{year}/{month}");
                };
                let exact = civil_from_lunar(lunar(year, month, 30, false));
                match exact {
                    Some(exact) => assert_eq!((date, found.day), (exact, 30)),
                    None => {
                        assert_eq!(found.day, 29);
                        assert_eq!(Some(date), civil_from_lunar(lunar(year, month, 29, false)));
                    }
                }
            }
        }
    }

    #[test]
    fn the_table_matches_the_astronomy_every_day() {
        use build_support::astronomy;
        let first = days_from_civil(1900, 1, 1);
        let last = days_from_civil(2199, 12, 31);
        for days in first..=last {
            let date = civil_from_days(days);
            let (year, month, day, leap) =
                astronomy::solar_to_lunar(days + astronomy::julian_day(1970, 1, 1));
            let expected = lunar(year, month, day, leap);
            assert_eq!(lunar_from_civil(date), Some(expected), "{date:?}");
            assert_eq!(civil_from_lunar(expected), Some(date), "{expected:?}");
        }
    }
}
