//! `use_leaflet_map`: the Leaflet map in a container, from loading Leaflet to
//! removing the map, with its size kept right and the page's scrolling kept
//! for one finger and an unfocused wheel.
//!
//! The resize observer is part of the map's session rather than a hook of its
//! own: as a separate `use_resize` hook (its own effect and callback types) it
//! cost 0.3 KB of brotli in every visitor's wasm (measured build against build).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    HtmlElement, IntersectionObserver, IntersectionObserverEntry, ResizeObserver, ShadowRoot,
    TouchEvent,
};
use yew::prelude::*;

use campaign_core::config::MapConfig;
use campaign_core::i18n::Lang;
use campaign_core::map_loading::{MapEvent, MapPhase, MapState};

use crate::map::{ask_for_first_tile, load_leaflet, LeafletMap, TileHealth};

/// The live map, shared by the loading task, the listeners and the resize
/// observer; empty until Leaflet has built it.
type MapSlot = Rc<RefCell<Option<LeafletMap>>>;

/// [`MapState`] as a Yew reducer (the state machine is pure, in the core). An
/// event that changes nothing returns the same `Rc`: no re-render.
#[derive(Default)]
struct MapModel(MapState);

impl Reducible for MapModel {
    type Action = MapEvent;

    fn reduce(self: Rc<Self>, event: MapEvent) -> Rc<Self> {
        let next = self.0.next(event);
        if next == self.0 {
            self
        } else {
            Rc::new(MapModel(next))
        }
    }
}

/// The map of `config` in the element behind `container` (in the widget's
/// shadow root), and where it is ([`MapState`], for the view to show). The
/// events below drive `campaign_core::map_loading`'s state machine, held in a
/// reducer. While [`MapPhase::Waiting`], it
/// watches for the container to come within 300 px of the viewport and
/// reports [`MapEvent::Near`] (at once where the browser has no
/// `IntersectionObserver`: better loaded early than never); while loading or
/// ready, it loads Leaflet and builds the map, reporting [`MapEvent::Built`]
/// or [`MapEvent::LoadFailed`], then [`MapEvent::TilesSettled`] after each
/// round of tiles, and on touch devices [`MapEvent::TouchMove`] and
/// [`MapEvent::TouchEnd`] (one finger scrolls the page; Leaflet's dragging is
/// off there and two fingers move the map). The wheel zooms only after the
/// map is clicked or focused; the map follows its container's size. When the
/// map fails, or the component goes, the map is removed (`map.remove()`) with
/// its listeners; a load still running is then dropped when it ends.
///
/// One effect does all this (a separate `use_near_viewport` hook, with an
/// effect of its own, cost about 0.5 KB of brotli in every visitor's wasm).
#[hook]
pub fn use_leaflet_map(container: NodeRef, config: Rc<MapConfig>, lang: Lang) -> MapState {
    let model = use_reducer(MapModel::default);
    let state = model.0;
    let report = model.dispatcher();
    let waiting = state.phase == MapPhase::Waiting;
    let active = state.wants_leaflet();
    use_effect_with(
        (config, lang, waiting, active),
        move |(config, lang, waiting, active)| {
            let element = container.cast::<HtmlElement>();
            let near = match &element {
                Some(element) if *waiting => watch_near(element, report.clone()),
                _ => None,
            };
            let session = match element {
                Some(element) if *active => {
                    Some(Session::start(element, config.clone(), *lang, report))
                }
                _ => None,
            };
            move || {
                if let Some((observer, _)) = near {
                    observer.disconnect();
                }
                drop(session)
            }
        },
    );
    state
}

/// Where the map's events go: the reducer.
type Report = UseReducerDispatcher<MapModel>;

/// Reports [`MapEvent::Near`] when `element` comes within 300 px of the
/// viewport; `None` (reported at once) where the observer cannot be made.
fn watch_near(element: &HtmlElement, report: Report) -> Option<Observed<IntersectionObserver>> {
    let callback = Closure::<dyn FnMut(Array)>::new({
        let report = report.clone();
        move |entries: Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if near {
                report.dispatch(MapEvent::Near);
            }
        }
    });
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"rootMargin".into(), &"300px 0px".into());
    // Constructed through Reflect, so that a browser without the class fails
    // here, softly, rather than at the import.
    let observer = Reflect::get(&web_sys::window().into(), &"IntersectionObserver".into())
        .and_then(|c| c.dyn_into::<js_sys::Function>())
        .and_then(|c| js_sys::Reflect::construct(&c, &Array::of2(callback.as_ref(), &init)))
        .and_then(|o| o.dyn_into::<IntersectionObserver>());
    match observer {
        Ok(observer) => {
            observer.observe(element);
            Some((observer, callback))
        }
        Err(_) => {
            report.dispatch(MapEvent::Near);
            None
        }
    }
}

/// A map being loaded or shown; dropping it removes the map and its listeners.
struct Session {
    alive: Rc<Cell<bool>>,
    map: MapSlot,
    resize: Rc<RefCell<Option<Observed<ResizeObserver>>>>,
    _listeners: Vec<EventListener>,
}

/// An observer and the callback it calls (dropped together).
type Observed<T> = (T, Closure<dyn FnMut(Array)>);

impl Session {
    fn start(element: HtmlElement, config: Rc<MapConfig>, lang: Lang, report: Report) -> Session {
        let map: MapSlot = Rc::default();
        let matches = |query: &str| {
            web_sys::window()
                .and_then(|w| w.match_media(query).ok().flatten())
                .is_some_and(|list| list.matches())
        };
        // The first gesture's guess only: each gesture then goes by its pointer.
        let touch = matches("(pointer: coarse)");
        let reduced_motion = matches("(prefers-reduced-motion: reduce)");
        let alive = Rc::new(Cell::new(true));
        let resize: Rc<RefCell<Option<Observed<ResizeObserver>>>> = Rc::default();
        ask_for_first_tile(&config);
        {
            let (element, alive, map, resize, report) = (
                element.clone(),
                alive.clone(),
                map.clone(),
                resize.clone(),
                report.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let motion = (touch, reduced_motion);
                let built = build(&element, &config, lang, motion, report.clone()).await;
                if !alive.get() {
                    return; // unmounted while loading: `built` is dropped, removing the map
                }
                match built {
                    Ok(built) => {
                        *map.borrow_mut() = Some(built);
                        *resize.borrow_mut() = follow_size(&element, map.clone());
                        report.dispatch(MapEvent::Built);
                    }
                    Err(error) => {
                        web_sys::console::warn_2(
                            &"campaign-widget: the map could not load".into(),
                            &error,
                        );
                        report.dispatch(MapEvent::LoadFailed);
                    }
                }
            });
        }
        let listeners = attention_listeners(&element, &map, &report);
        Session {
            alive,
            map,
            resize,
            _listeners: listeners,
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.alive.set(false);
        if let Some((observer, _)) = self.resize.borrow().as_ref() {
            observer.disconnect();
        }
        // Removes the Leaflet map (map.remove()) and its tile listeners.
        self.map.borrow_mut().take();
    }
}

/// The wheel zooms only while the map has the visitor's attention (clicked or
/// focused). Each gesture is decided by its pointer, on every device (a touch
/// laptop's `(pointer: coarse)` is false): a finger does not drag, so one
/// finger scrolls the page and reports the hint's events, two pan and zoom; a
/// mouse or pen drags.
fn attention_listeners(
    element: &HtmlElement,
    map: &MapSlot,
    report: &Report,
) -> Vec<EventListener> {
    let wheel = |on: bool| {
        let map = map.clone();
        move |_: &web_sys::Event| {
            if let Some(map) = map.borrow().as_ref() {
                map.set_wheel_zoom(on);
            }
        }
    };
    let mut listeners = vec![
        EventListener::new(element, "focus", wheel(true)),
        EventListener::new(element, "click", wheel(true)),
        EventListener::new(element, "blur", wheel(false)),
        EventListener::new(element, "mouseleave", wheel(false)),
    ];
    // Before Leaflet's own listener (capture). Where pointer events are missing
    // (iOS 12), `(pointer: coarse)` decided at the start.
    let pointer_type = |event: &web_sys::Event| {
        Reflect::get(event, &"pointerType".into())
            .ok()
            .and_then(|kind| kind.as_string())
            .unwrap_or_default()
    };
    let dragging = map.clone();
    listeners.push(EventListener::new_with_options(
        element,
        "pointerdown",
        EventListenerOptions::run_in_capture_phase(),
        move |event| {
            if let Some(map) = dragging.borrow().as_ref() {
                map.set_dragging(pointer_type(event) != "touch");
            }
        },
    ));
    // The browser decides on page scrolling before any event: the stylesheet
    // lets a finger scroll (`touch-action: pan-x pan-y`), and a pen that
    // hovers first (`data-pointer="pen"`) asks for none, so that it drags.
    let hovered = element.clone();
    listeners.push(EventListener::new(element, "pointerover", move |event| {
        let _ = hovered.set_attribute("data-pointer", &pointer_type(event));
    }));
    let moved = report.clone();
    listeners.push(EventListener::new(element, "touchmove", move |event| {
        let fingers = event
            .dyn_ref::<TouchEvent>()
            .map_or(0, |e| e.touches().length());
        moved.dispatch(MapEvent::TouchMove { fingers });
    }));
    let ended = report.clone();
    listeners.push(EventListener::new(element, "touchend", move |_| {
        ended.dispatch(MapEvent::TouchEnd)
    }));
    listeners
}

/// Keeps Leaflet's idea of the map's size right when its container changes
/// (rotation, a sidebar, or a tab or accordion that was hidden); the
/// observer's first report, at once, catches a change while Leaflet loaded.
fn follow_size(element: &HtmlElement, map: MapSlot) -> Option<Observed<ResizeObserver>> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |_: Array| {
        if let Some(map) = map.borrow().as_ref() {
            map.invalidate_size();
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some((observer, callback))
}

/// Loads Leaflet and its stylesheet, then builds the map.
async fn build(
    element: &HtmlElement,
    config: &MapConfig,
    lang: Lang,
    motion: (bool, bool),
    report: Report,
) -> Result<LeafletMap, JsValue> {
    let shadow: ShadowRoot = element
        .get_root_node()
        .dyn_into()
        .map_err(|_| JsValue::from_str("not in a shadow root"))?;
    load_leaflet(shadow).await?;
    let health = Rc::new(TileHealth::default());
    let tiles_done = {
        let health = health.clone();
        move || {
            report.dispatch(MapEvent::TilesSettled {
                drawn: health.loaded.get(),
                failed: health.failed.get(),
            })
        }
    };
    LeafletMap::create(element, config, lang, motion, health, tiles_done)
}
