//! `use_click`: a click listener on one element, removed with the component.
//!
//! Why not Yew's `onclick`: Yew delegates events to the app's root element and
//! never removes that listener (it forgets the closure, as it expects one app per
//! page). A widget is mounted and unmounted many times on single-page apps, so
//! each mount would leak a listener and a detached root. This listener lives and
//! dies with the component instead.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;
use yew::prelude::*;

/// Calls `on_click` when the element behind `target` is clicked (or activated
/// from the keyboard, as buttons are).
#[hook]
pub fn use_click(target: NodeRef, on_click: Callback<()>) {
    let latest = use_mut_ref(|| on_click.clone());
    *latest.borrow_mut() = on_click;
    let attached: Rc<RefCell<Option<(Element, EventListener)>>> = use_mut_ref(|| None);
    // Runs after every render, but re-attaches only when the element changed
    // (a button that appears, disappears or is replaced).
    use_effect(move || {
        let current = target.cast::<Element>();
        let mut slot = attached.borrow_mut();
        let same = match (slot.as_ref(), current.as_ref()) {
            (Some((old, _)), Some(new)) => old == new,
            (None, None) => true,
            _ => false,
        };
        if !same {
            *slot = current.map(|element| {
                let listener =
                    EventListener::new(&element, "click", move |_| latest.borrow().emit(()));
                (element, listener)
            });
        }
    });
}
