//! `use_leaflet_map`: the map in a container, from its picture (drawn when the
//! section comes near the viewport) through loading Leaflet (when the visitor
//! reaches for the map) to removing the map, with its size kept right and the
//! page's scrolling kept for one finger and an unfocused wheel.
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

use crate::map::{
    is_touch, load_leaflet, prefetch_leaflet, GestureSlot, LeafletMap, Picture, TileHealth,
};

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
/// reducer.
///
/// While [`MapPhase::Waiting`], it watches for the container to come within
/// 300 px of the viewport and reports [`MapEvent::Near`] (at once where the
/// browser has no `IntersectionObserver`: better drawn early than never).
/// While the picture shows, it draws it at the container's size, again when
/// that changes, and reports [`MapEvent::TilesSettled`] for its tiles. From
/// then on it watches for the visitor's intent: on a first sign (a mouse or
/// pen over the map, a finger on it) Leaflet's files are fetched; a press
/// with a mouse or pen, a tap, two fingers, or keyboard focus report
/// [`MapEvent::Intent`] (at once where no picture can be drawn). One finger
/// moving reports [`MapEvent::TouchMove`] and [`MapEvent::TouchEnd`] for the
/// hint (it scrolls the page; two fingers move the map).
///
/// While loading or ready, it builds Leaflet's map in the same container,
/// reporting [`MapEvent::Built`] or [`MapEvent::LoadFailed`], then
/// [`MapEvent::TilesSettled`] after each round of tiles, and replays the
/// gesture kept by the picture (a zoom button, a pin). The wheel zooms only
/// after the map is clicked or focused; the map follows its container's size.
/// When the map fails, or the component goes, the map is removed
/// (`map.remove()`) with its listeners; a load still running is then dropped
/// when it ends.
///
/// Two effects: the section's own (near, picture, intent), and Leaflet's
/// session. (Each hook of its own, with an effect of its own, cost about
/// 0.5 KB of brotli in every visitor's wasm.)
#[hook]
pub fn use_leaflet_map(container: NodeRef, config: Rc<MapConfig>, lang: Lang) -> MapState {
    let model = use_reducer(MapModel::default);
    let state = model.0;
    let report = model.dispatcher();
    let gestures: GestureSlot = use_mut_ref(|| None);
    let waiting = state.phase == MapPhase::Waiting;
    let picture = state.shows_picture();
    {
        let (container, report, gestures) = (container.clone(), report.clone(), gestures.clone());
        use_effect_with(
            (config.clone(), lang, waiting, picture),
            move |(config, lang, waiting, picture)| {
                let element = container.cast::<HtmlElement>();
                let section = element.map(|element| {
                    Section::watch(
                        element,
                        config.clone(),
                        *lang,
                        (*waiting, *picture),
                        report,
                        gestures,
                    )
                });
                move || drop(section)
            },
        );
    }
    let active = state.wants_leaflet();
    use_effect_with((config, lang, active), move |(config, lang, active)| {
        let session = match container.cast::<HtmlElement>() {
            Some(element) if *active => Some(Session::start(
                element,
                config.clone(),
                *lang,
                report,
                gestures,
            )),
            _ => None,
        };
        move || drop(session)
    });
    state
}

/// Whether `element` has the focus in its shadow root.
fn has_focus(element: &HtmlElement) -> bool {
    element
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .and_then(|shadow| shadow.active_element())
        .is_some_and(|focused| &focused == element.as_ref() as &web_sys::Element)
}

/// The map section before and beside Leaflet: watching for the viewport,
/// the picture, and the visitor's intent. Dropping it removes them all.
struct Section {
    near: Option<Observed<IntersectionObserver>>,
    picture: Rc<RefCell<Option<Picture>>>,
    resize: Option<Observed<ResizeObserver>>,
    _listeners: Vec<EventListener>,
}

impl Section {
    fn watch(
        element: HtmlElement,
        config: Rc<MapConfig>,
        lang: Lang,
        (waiting, picture): (bool, bool),
        report: Report,
        gestures: GestureSlot,
    ) -> Section {
        let mut section = Section {
            near: None,
            picture: Rc::default(),
            resize: None,
            _listeners: Vec::new(),
        };
        if waiting {
            section.near = watch_near(&element, report);
            return section;
        }
        if picture {
            let slot = section.picture.clone();
            let size = |element: &HtmlElement| (element.client_width(), element.client_height());
            let draw = {
                let (element, report, gestures) =
                    (element.clone(), report.clone(), gestures.clone());
                // Whether a picture could be drawn (or must wait for a size).
                move || -> bool {
                    // The old picture goes before the new one is measured and drawn.
                    slot.borrow_mut().take();
                    let (width, height) = size(&element);
                    if width <= 0 || height <= 0 {
                        return true;
                    }
                    let report = report.clone();
                    let drawn =
                        Picture::draw(&element, &config, lang, &gestures, move |drawn, failed| {
                            report.dispatch(MapEvent::TilesSettled { drawn, failed })
                        });
                    let ok = drawn.is_some();
                    *slot.borrow_mut() = drawn;
                    ok
                }
            };
            // A tile URL only Leaflet can fill in: Leaflet now, as before
            // pictures. So too when the map already has the focus: a visitor
            // who tabbed to it before it came near (the focus scrolled it in).
            if !draw() || has_focus(&element) {
                report.dispatch(MapEvent::Intent);
            }
            section.resize = observe_size(&element, Some(size(&element)), move || {
                draw();
            });
        }
        section._listeners = intent_listeners(&element, &report);
        section
    }
}

impl Drop for Section {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.near {
            observer.disconnect();
        }
        if let Some((observer, _)) = &self.resize {
            observer.disconnect();
        }
        self.picture.borrow_mut().take();
    }
}

/// Watches for the visitor reaching for the map. A first sign (a mouse or
/// pen over it, a finger on it) fetches Leaflet's files; a press with a mouse
/// or pen, a tap (`click`), a second finger, or focus (the keyboard) is the
/// intent. One finger moving scrolls the page, and the hint says to use two.
fn intent_listeners(element: &HtmlElement, report: &Report) -> Vec<EventListener> {
    let sign = |pointer_only: bool| {
        move |event: &web_sys::Event| {
            if !(pointer_only && is_touch(event)) {
                prefetch_leaflet();
            }
        }
    };
    let intent = |pointer_only: bool| {
        let report = report.clone();
        move |event: &web_sys::Event| {
            if !(pointer_only && is_touch(event)) {
                report.dispatch(MapEvent::Intent);
            }
        }
    };
    let fingers = |event: &web_sys::Event| {
        event
            .dyn_ref::<TouchEvent>()
            .map_or(0, |e| e.touches().length())
    };
    let touched = {
        let (sign, report) = (sign(false), report.clone());
        move |event: &web_sys::Event| {
            sign(event);
            if fingers(event) > 1 {
                report.dispatch(MapEvent::Intent);
            }
        }
    };
    let moved = report.clone();
    let ended = report.clone();
    vec![
        EventListener::new(element, "pointerover", sign(true)),
        EventListener::new(element, "touchstart", touched),
        EventListener::new(element, "pointerdown", intent(true)),
        EventListener::new(element, "click", intent(false)),
        EventListener::new(element, "focus", intent(false)),
        EventListener::new(element, "touchmove", move |event| {
            moved.dispatch(MapEvent::TouchMove {
                fingers: fingers(event),
            })
        }),
        EventListener::new(element, "touchend", move |_| {
            ended.dispatch(MapEvent::TouchEnd)
        }),
    ]
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
    fn start(
        element: HtmlElement,
        config: Rc<MapConfig>,
        lang: Lang,
        report: Report,
        gestures: GestureSlot,
    ) -> Session {
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
                        // Built first: a replayed zoom then moves a map that is
                        // ready (its `movestart` takes the picture away).
                        report.dispatch(MapEvent::Built);
                        // After the map is in its slot: the focus listeners
                        // (wheel zoom on) reach it.
                        if has_focus(&element) {
                            LeafletMap::take_focus(&element);
                        }
                        if let (Some(gesture), Some(built)) =
                            (gestures.borrow_mut().take(), map.borrow().as_ref())
                        {
                            built.replay(gesture);
                        }
                        *resize.borrow_mut() = observe_size(&element, None, {
                            let map = map.clone();
                            move || {
                                if let Some(map) = map.borrow().as_ref() {
                                    map.invalidate_size();
                                }
                            }
                        });
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
        let listeners = attention_listeners(&element, &map);
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
fn attention_listeners(element: &HtmlElement, map: &MapSlot) -> Vec<EventListener> {
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
    listeners
}

/// Calls `changed` when `element`'s size (`clientWidth` × `clientHeight`)
/// changes from `drawn_at` (rotation, a sidebar, or a tab or accordion that
/// was hidden): the picture is drawn again, Leaflet re-reads the size. The
/// observer's first report comes at once; with `drawn_at` unknown it is
/// passed on, which catches a change while Leaflet loaded.
fn observe_size(
    element: &HtmlElement,
    drawn_at: Option<(i32, i32)>,
    changed: impl Fn() + 'static,
) -> Option<Observed<ResizeObserver>> {
    let seen = Cell::new(drawn_at);
    let observed = element.clone();
    let callback = Closure::<dyn FnMut(Array)>::new(move |_: Array| {
        let now = (observed.client_width(), observed.client_height());
        if seen.get() != Some(now) {
            seen.set(Some(now));
            changed();
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
        let (health, report) = (health.clone(), report.clone());
        move || {
            report.dispatch(MapEvent::TilesSettled {
                drawn: health.loaded.get(),
                failed: health.failed.get(),
            })
        }
    };
    let moved = move || report.dispatch(MapEvent::Moved);
    LeafletMap::create(element, config, lang, motion, health, (tiles_done, moved))
}
