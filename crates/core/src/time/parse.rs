//! The only two date forms the config accepts: `YYYY-MM-DD`, and RFC 3339 with an
//! offset (`2021-05-23T07:00:00+07:00`). Nothing is guessed: no `Date.parse`.

use super::{CivilDate, DateSpec, Millis, Offset, DAY_MS};

/// Why a date string was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Neither `YYYY-MM-DD` nor RFC 3339.
    Format,
    /// The shape is right but the day is not in the calendar (30 February).
    NoSuchDay,
    /// The time of day is not one (24:00:00, 12:60:00, leap seconds).
    NoSuchTime,
    /// A date and time without `Z` or `±HH:MM`: the instant would be a guess.
    MissingOffset,
    /// The offset is not `Z` or `±HH:MM` under 24 hours.
    BadOffset,
}

/// Parses a key date in one of the two accepted forms.
pub fn parse_date_spec(text: &str) -> Result<DateSpec, DateError> {
    let b = text.as_bytes();
    let date = parse_civil(b)?;
    if b.len() == 10 {
        return Ok(DateSpec::Day(date));
    }
    if !matches!(b[10], b'T' | b't') {
        return Err(DateError::Format);
    }
    let rest = &b[11..];
    if rest.len() < 8 || rest[2] != b':' || rest[5] != b':' {
        return Err(DateError::Format);
    }
    let (hour, minute, second) = (
        digits(&rest[0..2])?,
        digits(&rest[3..5])?,
        digits(&rest[6..8])?,
    );
    if hour > 23 || minute > 59 || second > 59 {
        return Err(DateError::NoSuchTime);
    }
    let mut tail = &rest[8..];
    let mut millis: Millis = 0;
    if let Some((b'.', fraction)) = tail.split_first() {
        let len = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            return Err(DateError::Format);
        }
        // Only milliseconds matter; further digits are truncated.
        for (i, scale) in [100, 10, 1].into_iter().enumerate() {
            if let Some(d) = fraction.get(i).filter(|_| i < len) {
                millis += Millis::from(d - b'0') * scale;
            }
        }
        tail = &fraction[len..];
    }
    if tail.is_empty() {
        return Err(DateError::MissingOffset);
    }
    let offset = parse_offset_bytes(tail)?;
    let local = date.days_since_epoch() * DAY_MS
        + Millis::from(hour) * 3_600_000
        + Millis::from(minute) * 60_000
        + Millis::from(second) * 1000
        + millis;
    Ok(DateSpec::Instant {
        at: local - offset.millis(),
        offset,
    })
}

/// Parses a timezone written as RFC 3339 writes offsets: `Z`, `+07:00`, `-10:00`.
pub fn parse_offset(text: &str) -> Result<Offset, DateError> {
    parse_offset_bytes(text.as_bytes())
}

fn parse_offset_bytes(b: &[u8]) -> Result<Offset, DateError> {
    if matches!(b, [b'Z' | b'z']) {
        return Ok(Offset::UTC);
    }
    let [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] = b else {
        return Err(DateError::BadOffset);
    };
    let hours = digits(&[*h1, *h2]).map_err(|_| DateError::BadOffset)?;
    let minutes = digits(&[*m1, *m2]).map_err(|_| DateError::BadOffset)?;
    if hours > 23 || minutes > 59 {
        return Err(DateError::BadOffset);
    }
    let total = (hours * 60 + minutes) as i32;
    Offset::from_minutes(if *sign == b'-' { -total } else { total }).ok_or(DateError::BadOffset)
}

fn parse_civil(b: &[u8]) -> Result<CivilDate, DateError> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError::Format);
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if year == 0 {
        return Err(DateError::NoSuchDay);
    }
    // year ≤ 9999, month and day ≤ 99: the casts cannot truncate.
    CivilDate::new(year as i32, month as u8, day as u8).ok_or(DateError::NoSuchDay)
}

fn digits(b: &[u8]) -> Result<u32, DateError> {
    b.iter().try_fold(0u32, |n, c| {
        if c.is_ascii_digit() {
            Ok(n * 10 + u32::from(c - b'0'))
        } else {
            Err(DateError::Format)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> Millis {
        match parse_date_spec(text) {
            Ok(DateSpec::Instant { at, .. }) => at,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn accepts_the_two_forms() {
        assert_eq!(
            parse_date_spec("2021-02-03"),
            Ok(DateSpec::Day(CivilDate {
                year: 2021,
                month: 2,
                day: 3
            }))
        );
        // 07:00 in Vietnam is midnight UTC.
        assert_eq!(
            instant("2021-05-23T07:00:00+07:00"),
            instant("2021-05-23T00:00:00Z")
        );
        assert_eq!(instant("1970-01-01T00:00:00.250Z"), 250);
        assert_eq!(instant("1970-01-01T00:00:00.1239Z"), 123);
        assert_eq!(instant("1970-01-01T00:00:00-10:00"), 36_000_000);
    }

    #[test]
    fn refuses_everything_else() {
        let cases = [
            ("2021-02-30", DateError::NoSuchDay),
            ("2021-13-01", DateError::NoSuchDay),
            ("0000-01-01", DateError::NoSuchDay),
            ("2021-05-23T24:00:00+07:00", DateError::NoSuchTime),
            ("2021-05-23T23:59:60Z", DateError::NoSuchTime),
            ("2021-05-23T07:00:00", DateError::MissingOffset),
            ("2021-05-23T07:00:00+7", DateError::BadOffset),
            ("2021-05-23T07:00:00+24:00", DateError::BadOffset),
            ("2021-05-23T07:00+07:00", DateError::Format),
            ("23/05/2021", DateError::Format),
            ("May 23, 2021", DateError::Format),
            ("2021-5-3", DateError::Format),
            ("", DateError::Format),
            ("2021-05-23 07:00:00Z", DateError::Format),
            ("2021-05-23T07:00:00.Z", DateError::Format),
        ];
        for (text, error) in cases {
            assert_eq!(parse_date_spec(text), Err(error), "{text}");
        }
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+07:00"), Ok(Offset::VIETNAM));
        assert_eq!(parse_offset("Z"), Ok(Offset::UTC));
        assert_eq!(parse_offset("-10:30").map(Offset::minutes), Ok(-630));
        assert_eq!(parse_offset("GMT+7"), Err(DateError::BadOffset));
    }
}
