//! `use_near_viewport`: a callback the first time an element comes within a
//! margin of the viewport.

use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

/// Calls `on_near` once, the first time the element behind `target` comes
/// within `root_margin` of the viewport (a CSS margin, `"300px 0px"`), and at
/// once where the browser has no `IntersectionObserver` (Safari before 12.1):
/// better loaded early than never. The observer is disconnected then, or when
/// the component goes. The `on_near` of the render that started observing is
/// the one called.
#[hook]
pub fn use_near_viewport(target: NodeRef, root_margin: &'static str, on_near: Callback<()>) {
    use_effect_with(target, move |target| {
        let observer = target
            .cast::<Element>()
            .and_then(|element| observe(&element, root_margin, on_near));
        move || {
            if let Some((observer, _)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// An intersection observer and the callback it calls (dropped together).
type Observed = (
    IntersectionObserver,
    Closure<dyn FnMut(Array, IntersectionObserver)>,
);

/// Observes `element`, calling `on_near` when it intersects; `None` (with
/// `on_near` called at once) where the observer cannot be made.
fn observe(element: &Element, root_margin: &str, on_near: Callback<()>) -> Option<Observed> {
    let callback = Closure::<dyn FnMut(Array, IntersectionObserver)>::new({
        let on_near = on_near.clone();
        move |entries: Array, observer: IntersectionObserver| {
            let intersecting = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if intersecting {
                observer.disconnect();
                on_near.emit(());
            }
        }
    });
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"rootMargin".into(), &root_margin.into());
    // Constructed through Reflect so that a browser without the class fails
    // here, softly, rather than at the import.
    let observer = js_sys::Reflect::get(&web_sys::window().into(), &"IntersectionObserver".into())
        .and_then(|c| c.dyn_into::<js_sys::Function>())
        .and_then(|c| js_sys::Reflect::construct(&c, &Array::of2(callback.as_ref(), &init)))
        .and_then(|o| o.dyn_into::<IntersectionObserver>());
    match observer {
        Ok(observer) => {
            observer.observe(element);
            Some((observer, callback))
        }
        Err(_) => {
            on_near.emit(());
            None
        }
    }
}
