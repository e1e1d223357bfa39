//! `use_now`: the current instant, re-read at every second boundary.
//!
//! One timer per widget (a gloo `Timeout`, dropped with the ticker), aligned to
//! the next second and recomputed from the clock each time (never by counting
//! ticks), stopped while the page is hidden or the watched element is off
//! screen, so a background tab or a widget scrolled away costs nothing.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use campaign_core::time::Millis;

use crate::clock::{count_tick, Clock};

/// The current instant (ms since the epoch), re-read at every second boundary
/// while `running` and while `watched` is on screen and the page visible. A
/// frozen clock never ticks.
#[hook]
pub fn use_now(clock: Clock, running: bool, watched: NodeRef) -> Millis {
    let now = use_state_eq(|| clock.now());
    let setter = now.setter();
    use_effect_with((clock, running), move |&(clock, running)| {
        setter.set(clock.now());
        let ticker = match clock {
            Clock::Device if running => Ticker::start(clock, setter, &watched),
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
    /// The pending timer; replacing or dropping it clears it.
    timer: RefCell<Option<Timeout>>,
    page_visible: Cell<bool>,
    on_screen: Cell<bool>,
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
        let state = Rc::new(TickerState {
            clock,
            setter,
            timer: RefCell::new(None),
            page_visible: Cell::new(!document.hidden()),
            on_screen: Cell::new(true),
        });
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
        self.state.timer.borrow_mut().take();
        if let Some((observer, _)) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Brings the display up to date and arms the next tick, or stops ticking while
/// nobody can see the widget.
fn reschedule(state: &Rc<TickerState>) {
    state.timer.borrow_mut().take();
    if state.page_visible.get() && state.on_screen.get() {
        state.setter.set(state.clock.now());
        arm(state);
    }
}

/// Arms the timer for just past the next second boundary. The callback holds
/// the ticker weakly: a ticker dropped meanwhile has cleared it anyway.
fn arm(state: &Rc<TickerState>) {
    // A few milliseconds past the boundary, so the new second has surely begun.
    let delay = 1000 - state.clock.now().rem_euclid(1000) as u32 + 4;
    let weak: Weak<TickerState> = Rc::downgrade(state);
    let timer = Timeout::new(delay, move || {
        let Some(state) = weak.upgrade() else { return };
        count_tick();
        state.setter.set(state.clock.now());
        arm(&state);
    });
    // Replaces the timer that just fired (its closure is freed once it returns).
    *state.timer.borrow_mut() = Some(timer);
}
