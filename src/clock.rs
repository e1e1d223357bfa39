//! The widget's clock. The `now` attribute freezes it; otherwise it is the
//! device clock, corrected by the server's `Date` header when the two disagree
//! by more than a minute (`campaign_core::time::clock_correction`), for as long
//! as the device clock keeps to the monotonic clock (`performance.now()`) as it
//! did when the header was read (`campaign_core::time::corrected`): a clock set
//! right while the page is open, or a device that slept, ends the correction
//! until the server's `Date` has been read again (embed.js `checkServerTime`).
//! The ticking that re-reads it each second is `hooks::use_now`.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

use campaign_core::time::{clock_correction, corrected, parse_http_date, Millis};

#[wasm_bindgen]
extern "C" {
    /// embed.js's `checkServerTime()`: reads the server's `Date` again (embed.js,
    /// not from the cache), which comes back through
    /// [`observe_server_date`] (static/embed.js, `glue`).
    #[wasm_bindgen(js_name = checkServerTime)]
    fn check_server_time();
}

thread_local! {
    /// Server time minus device time, when it is worth correcting.
    static SKEW: Cell<Millis> = const { Cell::new(0) };
    /// Device time minus monotonic time when SKEW was measured, ms.
    static ANCHOR: Cell<f64> = const { Cell::new(0.0) };
    /// Every `Date` header read: (server time, device time when received), ms.
    static READINGS: RefCell<Vec<(Millis, Millis)>> = const { RefCell::new(Vec::new()) };
    /// Ticks performed, all widgets together (read by tests and benchmarks).
    static TICKS: Cell<u64> = const { Cell::new(0) };
}

/// Records a response's `Date` header (RFC 9110 §5.6.7), received at
/// `received_at` (device ms since the epoch); the correction follows the
/// freshest header read so far ([`clock_correction`]).
pub fn observe_server_date(header: &str, received_at: f64) {
    if let Some(server) = parse_http_date(header) {
        // One reading per response the loader could read (the wasm, each
        // `config` URL): a handful a page.
        let skew = READINGS.with(|r| {
            let mut readings = r.borrow_mut();
            readings.push((server, received_at as Millis));
            clock_correction(&readings)
        });
        SKEW.with(|s| s.set(skew));
        ANCHOR.with(|a| a.set(device_minus_monotonic()));
    }
}

/// The device clock minus the monotonic clock, in ms (the device clock alone
/// where the browser has no `performance`).
fn device_minus_monotonic() -> f64 {
    let monotonic = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    js_sys::Date::now() - monotonic
}

/// What to add to the device clock now, in ms: 0 unless the server's `Date`
/// said it is off by over a minute and it is still that same clock.
pub fn correction() -> Millis {
    let skew = SKEW.with(Cell::get);
    if skew == 0 {
        return 0;
    }
    let correction = corrected(skew, ANCHOR.with(Cell::get), device_minus_monotonic());
    if correction == 0 {
        // The device clock was set or the device slept: what was measured
        // against the old clock says nothing now. The device clock until the
        // server answers again.
        SKEW.with(|s| s.set(0));
        READINGS.with(|r| r.borrow_mut().clear());
        check_server_time();
    }
    correction
}

/// Ticks performed so far on this page.
pub fn tick_count() -> u64 {
    TICKS.with(Cell::get)
}

/// Counts one tick (every widget's ticker calls it).
pub(crate) fn count_tick() {
    TICKS.with(|t| t.set(t.get() + 1));
}

/// Where a widget's time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The `now` attribute: time stands still (previews, tests), at this
    /// instant in ms since the epoch.
    Frozen(Millis),
    /// The device clock plus its [`correction`] at each reading.
    Device,
}

impl Clock {
    /// The current instant, in ms since the epoch.
    pub fn now(self) -> Millis {
        match self {
            Clock::Frozen(at) => at,
            Clock::Device => js_sys::Date::now() as Millis + correction(),
        }
    }
}
