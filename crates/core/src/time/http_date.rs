//! The HTTP `Date` header (IMF-fixdate, RFC 9110 §5.6.7), used to notice a
//! device clock that is off.

use super::{CivilDate, Millis, DAY_MS};

/// Device clocks off by less than this are trusted (the header has whole
/// seconds, and a response spends some time on the way), in ms.
pub const SKEW_THRESHOLD: Millis = 60_000;

/// The correction to add to the device clock, in ms, given every `Date` header
/// read so far as `(server time, device time when received)` pairs in ms.
///
/// The freshest header wins: a response stored by a cache (the browser's, a
/// proxy's) keeps the `Date` of when it was made, which makes the device look
/// slow by the response's age; so of several readings the one that puts the
/// server furthest ahead of the device is the least stale. A header is
/// truncated to the second (RFC 9110 §5.6.7), so on average the true time is
/// 500 ms later. Zero when nothing was read or the device is within
/// [`SKEW_THRESHOLD`].
pub fn clock_correction(readings: &[(Millis, Millis)]) -> Millis {
    readings
        .iter()
        .map(|&(server, received_at)| server + 500 - received_at)
        .max()
        .filter(|skew| skew.abs() > SKEW_THRESHOLD)
        .unwrap_or(0)
}

/// The correction to add to the device clock now, in ms: `skew` (from
/// [`clock_correction`]) while the device clock is still the clock it was
/// measured against, else 0 (trust the device clock).
///
/// `anchor` is the device clock minus the monotonic clock (`performance.now()`)
/// when `skew` was measured, `current` the same difference now, both in ms.
/// Carrying the server's time forward on the monotonic clock is `device + skew`
/// exactly while the two differences agree; when they part by more than
/// [`SKEW_THRESHOLD`], the device clock was set (NTP, the visitor) or the
/// device slept (the monotonic clock may pause), and after either the device
/// clock is the better guess: a correction kept would be off by the change.
pub fn corrected(skew: Millis, anchor: f64, current: f64) -> Millis {
    if (current - anchor).abs() > SKEW_THRESHOLD as f64 {
        0
    } else {
        skew
    }
}

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
    fn the_freshest_reading_corrects_the_clock() {
        const DAY: Millis = 86_400_000;
        let device = 1_800_000_000_000;
        assert_eq!(clock_correction(&[]), 0);
        // Within a minute: trusted.
        assert_eq!(clock_correction(&[(device + 30_000, device)]), 0);
        // A phone 3 days fast: a fresh config says so; a wasm cached 10 days
        // ago says the phone is 13 days fast and loses.
        let fresh = (device - 3 * DAY, device);
        let cached = (device - 13 * DAY, device + 40);
        assert_eq!(clock_correction(&[cached, fresh]), -3 * DAY + 500);
        assert_eq!(clock_correction(&[fresh, cached]), -3 * DAY + 500);
        // A slow device (server ahead by an hour).
        assert_eq!(clock_correction(&[(device + 3_600_000, device)]), 3_600_500);
    }

    #[test]
    fn a_correction_holds_only_while_the_device_clock_is_the_one_measured() {
        let skew = -3 * DAY_MS;
        let anchor = 1_795_575_600_000.0;
        // Time passes on both clocks alike (a little drift is no change).
        assert_eq!(corrected(skew, anchor, anchor), skew);
        assert_eq!(corrected(skew, anchor, anchor + 59_000.0), skew);
        // The phone's clock set right: 3 days back on the device clock only.
        assert_eq!(corrected(skew, anchor, anchor - 3.0 * DAY_MS as f64), 0);
        // The device slept an hour with the monotonic clock paused.
        assert_eq!(corrected(skew, anchor, anchor + 3_600_000.0), 0);
        // Set wrong again as it was: the correction applies again.
        assert_eq!(corrected(skew, anchor, anchor + 1_000.0), skew);
    }

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
