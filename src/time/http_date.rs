//! The HTTP `Date` header (IMF-fixdate, RFC 9110 §5.6.7), used to notice a
//! device clock that is off.

use super::{CivilDate, Millis, DAY_MS};

/// Parses `Wed, 25 Nov 2026 20:15:11 GMT`.
pub fn parse_http_date(text: &str) -> Option<Millis> {
    let mut parts = text.trim().split(' ');
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day: u8 = parts.next()?.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u8 + 1;
    let year: i32 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|p| p.parse::<u8>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    if parts.next()? != "GMT" || parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let date = CivilDate::new(year, month, day)?;
    Some(
        date.days_since_epoch() * DAY_MS
            + (i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)) * 1000,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_imf_fixdate() {
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:01 GMT"), Some(1000));
        assert_eq!(
            parse_http_date("Wed, 25 Nov 2026 20:15:11 GMT"),
            crate::time::parse_date_spec("2026-11-25T20:15:11Z")
                .ok()
                .map(|s| s.start_in(crate::time::Offset::UTC))
        );
        for bad in [
            "",
            "Wed 25 Nov 2026 20:15:11 GMT",
            "Wed, 31 Feb 2026 20:15:11 GMT",
            "Wed, 25 Nov 2026 20:15 GMT",
            "Wed, 25 Foo 2026 20:15:11 GMT",
            "Wed, 25 Nov 2026 20:15:11 UTC",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }
}
