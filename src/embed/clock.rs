//! The widget's clock and its ticking. The `now` attribute freezes it; otherwise
//! it is the device clock, corrected by the server's `Date` header when the two
//! disagree by more than a minute. Ticking is one timer per widget, aligned to
//! the second, recomputed from the clock each time (never by counting ticks),
//! and stopped while the page is hidden or the widget is off screen.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use campaign_core::time::{clock_correction, parse_http_date, Millis};

thread_local! {
    /// Server time minus device time, when it is worth correcting.
    static SKEW: Cell<Millis> = const { Cell::new(0) };
    /// Every `Date` header read: (server time, device time when received), ms.
    static READINGS: RefCell<Vec<(Millis, Millis)>> = const { RefCell::new(Vec::new()) };
    /// Ticks performed, all widgets together (read by tests and benchmarks).
    static TICKS: Cell<u64> = const { Cell::new(0) };
    /// Live tickers by id. A timer names its ticker by id, so a timer that
    /// outlives its ticker (where `clearTimeout` missed it) finds nothing and
    /// does nothing, instead of calling a dropped closure.
    static TICKERS: RefCell<Vec<(u32, Weak<TickerState>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_TICKER: Cell<u32> = const { Cell::new(0) };
    /// The one timer callback of the page, shared by every widget and kept for
    /// the page's lifetime (so no timer can ever call a dropped closure).
    static TICK: Closure<dyn FnMut(f64, f64)> = Closure::new(on_tick);
}

/// Records a response's `Date` header, received at `received_at` (device ms);
/// the correction follows the freshest header read so far ([`clock_correction`]).
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
    }
}

/// Ticks performed so far on this page.
pub fn tick_count() -> u64 {
    TICKS.with(Cell::get)
}

/// Where a widget's time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The `now` attribute: time stands still (previews, tests).
    Frozen(Millis),
    /// The device clock plus a correction (zero unless it was off by over a minute).
    Device {
        /// Milliseconds to add to the device clock.
        skew: Millis,
    },
}

impl Clock {
    /// The device clock with the correction measured so far.
    pub fn device() -> Clock {
        Clock::Device {
            skew: SKEW.with(Cell::get),
        }
    }

    /// The current instant.
    pub fn now(self) -> Millis {
        match self {
            Clock::Frozen(at) => at,
            Clock::Device { skew } => js_sys::Date::now() as Millis + skew,
        }
    }
}

/// The current instant, re-read at every second boundary while `running` and
/// while `watched` is on screen and the page visible.
#[hook]
pub fn use_now(clock: Clock, running: bool, watched: NodeRef) -> Millis {
    let now = use_state_eq(|| clock.now());
    let setter = now.setter();
    use_effect_with((clock, running), move |&(clock, running)| {
        setter.set(clock.now());
        let ticker = match clock {
            Clock::Device { .. } if running => Ticker::start(clock, setter, &watched),
            _ => None,
        };
        move || drop(ticker)
    });
    *now
}

/// An intersection observer and the callback it calls.
type Observer = (IntersectionObserver, Closure<dyn FnMut(Array)>);

struct TickerState {
    clock: Clock,
    setter: UseStateSetter<Millis>,
    /// This ticker's key in `TICKERS`.
    id: u32,
    /// The pending `setTimeout`, if any.
    timer: Cell<Option<i32>>,
    /// Which arming is current. A timer that fires for an older one is ignored,
    /// so a cancelled timer can never tick, even where `clearTimeout` cannot
    /// find it (fake clocks hand out ids beyond 32 bits).
    armed: Cell<u32>,
    page_visible: Cell<bool>,
    on_screen: Cell<bool>,
}

impl TickerState {
    fn cancel(&self) {
        self.armed.set(self.armed.get().wrapping_add(1));
        if let (Some(timer), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// Owns the timer, the visibility listener and the intersection observer; all
/// three go when it is dropped.
struct Ticker {
    state: Rc<TickerState>,
    _visibility: EventListener,
    observer: Option<Observer>,
}

impl Ticker {
    fn start(clock: Clock, setter: UseStateSetter<Millis>, watched: &NodeRef) -> Option<Ticker> {
        let document = web_sys::window()?.document()?;
        let id = NEXT_TICKER.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        let state = Rc::new(TickerState {
            clock,
            setter,
            id,
            timer: Cell::new(None),
            armed: Cell::new(0),
            page_visible: Cell::new(!document.hidden()),
            on_screen: Cell::new(true),
        });
        TICKERS.with(|t| t.borrow_mut().push((id, Rc::downgrade(&state))));
        let weak = Rc::downgrade(&state);
        let visibility = EventListener::new(&document, "visibilitychange", {
            let document = document.clone();
            move |_| {
                if let Some(state) = weak.upgrade() {
                    state.page_visible.set(!document.hidden());
                    reschedule(&state);
                }
            }
        });
        let observer = watched.cast::<web_sys::Element>().and_then(|element| {
            let weak = Rc::downgrade(&state);
            let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
                let Some(state) = weak.upgrade() else { return };
                if let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                {
                    state.on_screen.set(entry.is_intersecting());
                    reschedule(&state);
                }
            });
            let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(&element);
            Some((observer, callback))
        });
        reschedule(&state);
        Some(Ticker {
            state,
            _visibility: visibility,
            observer,
        })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.state.cancel();
        let id = self.state.id;
        TICKERS.with(|t| t.borrow_mut().retain(|(other, _)| *other != id));
        if let Some((observer, _)) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Brings the display up to date and arms the next tick, or stops ticking while
/// nobody can see the widget.
fn reschedule(state: &TickerState) {
    state.cancel();
    if state.page_visible.get() && state.on_screen.get() {
        state.setter.set(state.clock.now());
        arm(state);
    }
}

/// Called by every timer of every widget, with the ticker's id and arming.
fn on_tick(id: f64, armed: f64) {
    let state = TICKERS.with(|t| {
        t.borrow()
            .iter()
            .find(|(other, _)| f64::from(*other) == id)
            .and_then(|(_, w)| w.upgrade())
    });
    if let Some(state) = state.filter(|s| f64::from(s.armed.get()) == armed) {
        state.timer.set(None);
        TICKS.with(|t| t.set(t.get() + 1));
        state.setter.set(state.clock.now());
        arm(&state);
    }
}

fn arm(state: &TickerState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let armed = state.armed.get().wrapping_add(1);
    state.armed.set(armed);
    // A few milliseconds past the boundary, so the new second has surely begun.
    let delay = 1000 - state.clock.now().rem_euclid(1000) as i32 + 4;
    let timer = TICK.with(|tick| {
        window.set_timeout_with_callback_and_timeout_and_arguments_2(
            tick.as_ref().unchecked_ref(),
            delay,
            &f64::from(state.id).into(),
            &f64::from(armed).into(),
        )
    });
    state.timer.set(timer.ok());
}
