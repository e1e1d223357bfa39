//! The Vietnamese lunar calendar computed from astronomy, after Hồ Ngọc Đức's
//! published algorithms ("Lịch Việt Nam", amlich.js): new moons from Jean Meeus'
//! series ("Astronomical Algorithms", ch. 49, as simplified there), the Sun's
//! apparent longitude for the solar terms, and the rules that month 11 holds the
//! winter solstice and that a 13-month year's leap month is the first month
//! without a major solar term. Days are counted at UTC+07:00, which is what makes
//! the Vietnamese calendar differ from the Chinese one in some years (Tết 1985 on
//! 21/01/1985, Tết 2007 on 17/02/2007).
//!
//! This is floating-point astronomy and never ships in the wasm: the core crate's `build.rs`
//! uses it to write the compact table that its `time/lunar` module reads, and the
//! native tests compare that table with it day by day.

use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
const ZONE_HOURS: f64 = 7.0;

/// The instant (Julian date, UT) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Sun's apparent longitude at Julian date `jd` (UT), in radians, 0 to 2π.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl = dl + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - PI * 2.0 * (l / (PI * 2.0)).floor()
}

/// The Julian day number (at UTC+07:00) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k as f64) + 0.5 + ZONE_HOURS / 24.0).floor() as i64
}

/// Which twelfth of the ecliptic (0–11, each a major solar term) the Sun is in at
/// the start of day `jdn` at UTC+07:00.
fn sun_sector(jdn: i64) -> i64 {
    (sun_longitude(jdn as f64 - 0.5 - ZONE_HOURS / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of the lunar month 11 that holds the winter solstice of `year`.
fn month_11(year: i32) -> i64 {
    let off = julian_day(year, 12, 31) - 2_415_021;
    let k = (off as f64 / 29.530_588_853).floor() as i64;
    let day = new_moon_day(k);
    if sun_sector(day) >= 9 {
        new_moon_day(k - 1)
    } else {
        day
    }
}

/// In a 13-month year starting at month 11 on day `a11`, how many months after it
/// the leap month comes.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The Julian day number of a Gregorian date (from 15/10/1582; Julian-calendar
/// dates before it), as amlich.js's `jdFromDate`.
pub fn julian_day(year: i32, month: u8, day: u8) -> i64 {
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let a = (14 - month) / 12;
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    let jd = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32_045;
    if jd < 2_299_161 {
        day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32_083
    } else {
        jd
    }
}

/// The Gregorian (from 15/10/1582) date of Julian day number `jdn`, as
/// amlich.js's `jdToDate`: `(year, month, day)`.
pub fn civil_date(jdn: i64) -> (i32, u8, u8) {
    let (b, c) = if jdn > 2_299_160 {
        let a = jdn + 32_044;
        let b = (4 * a + 3) / 146_097;
        (b, a - b * 146_097 / 4)
    } else {
        (0, jdn + 32_082)
    };
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = b * 100 + d - 4800 + m / 10;
    (year as i32, month as u8, day as u8)
}

/// A lunar date: `(year, month 1–12, day 1–30, leap)`.
pub type Lunar = (i32, u8, u8, bool);

/// The lunar date of the day whose Julian day number is `jdn`.
pub fn solar_to_lunar(jdn: i64) -> Lunar {
    let year = civil_date(jdn).0;
    let mut k = ((jdn as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64 + 1;
    // amlich.js steps back once; the mean-month estimate can be one month ahead
    // (7/5/2054 would get day 0), so step back until the new moon is not after
    // the day.
    let mut month_start = new_moon_day(k);
    while month_start > jdn {
        k -= 1;
        month_start = new_moon_day(k);
    }
    while new_moon_day(k + 1) <= jdn {
        k += 1;
        month_start = new_moon_day(k);
    }
    let mut a11 = month_11(year);
    let mut b11 = a11;
    let mut lunar_year;
    if a11 >= month_start {
        lunar_year = year;
        a11 = month_11(year - 1);
    } else {
        lunar_year = year + 1;
        b11 = month_11(year + 1);
    }
    let day = (jdn - month_start + 1) as u8;
    let diff = (month_start - a11) / 29;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    (lunar_year, month as u8, day, leap)
}

/// The Julian day number of a lunar date, if that date exists (a leap month
/// only in the year that has it).
pub fn lunar_to_solar((year, month, day, leap): Lunar) -> Option<i64> {
    let (a11, b11) = if month < 11 {
        (month_11(year - 1), month_11(year))
    } else {
        (month_11(year), month_11(year + 1))
    };
    let k = (0.5 + (a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64;
    let mut off = i64::from(month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11);
        let mut leap_month = leap_off - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if leap && i64::from(month) != leap_month {
            return None;
        } else if leap || off >= leap_off {
            off += 1;
        }
    } else if leap {
        return None;
    }
    Some(new_moon_day(k + off) + i64::from(day) - 1)
}

/// One lunar year as the widget's table stores it: Tết as days after 1 January
/// of the same solar year, the month after which the leap month comes (0 when
/// none), and each month's length (bit `i` set when the `i`-th month of the year,
/// leap month included, has 30 days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearShape {
    /// Days from 1 January of the solar year to Tết (1/1 âm lịch).
    pub tet_offset: u8,
    /// The ordinary month the leap month follows, 0 when the year has none.
    pub leap_after: u8,
    /// Month lengths, bit `i` for the `i`-th month: 1 = 30 days, 0 = 29 days.
    pub long_months: u16,
}

impl YearShape {
    /// Three bytes, little-endian: bits 0–12 the month lengths, 13–16 the leap
    /// month, 17–23 Tết's offset.
    pub fn to_bytes(self) -> [u8; 3] {
        let bits = u32::from(self.long_months)
            | u32::from(self.leap_after) << 13
            | u32::from(self.tet_offset) << 17;
        let [a, b, c, _] = bits.to_le_bytes();
        [a, b, c]
    }
}

/// The shape of lunar year `year`, walked day by day from its Tết.
pub fn year_shape(year: i32) -> YearShape {
    let tet = lunar_to_solar((year, 1, 1, false)).unwrap_or_default();
    let jan_first = julian_day(year, 1, 1);
    let mut shape = YearShape {
        tet_offset: (tet - jan_first) as u8,
        leap_after: 0,
        long_months: 0,
    };
    let mut index = 0;
    let mut day = tet;
    loop {
        let (y, month, _, leap) = solar_to_lunar(day);
        if y != year {
            return shape;
        }
        if leap {
            shape.leap_after = month;
        }
        // The month's length: the day before the next month's first day.
        let mut length = 29;
        if solar_to_lunar(day + 29).2 == 30 {
            length = 30;
            shape.long_months |= 1 << index;
        }
        index += 1;
        day += length;
    }
}
