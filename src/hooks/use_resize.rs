//! `use_resize`: a callback whenever an element's size changes.

use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// Calls `on_resize` each time the element behind `target` changes size
/// (rotation, a sidebar, a tab or accordion that was hidden), and once when
/// observation starts. Nothing happens where the browser has no
/// `ResizeObserver`. The `on_resize` of the render that started observing is
/// the one called: give one that reads shared state (a `use_mut_ref`).
#[hook]
pub fn use_resize(target: NodeRef, on_resize: Rc<dyn Fn()>) {
    use_effect_with(target, move |target| {
        let observed = target.cast::<Element>().and_then(|element| {
            let callback = Closure::<dyn FnMut(Array)>::new(move |_: Array| on_resize());
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(&element);
            Some((observer, callback))
        });
        move || {
            if let Some((observer, _)) = observed {
                observer.disconnect();
            }
        }
    });
}
