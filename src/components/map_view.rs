//! The interactive map inside the "Bản đồ" section. Leaflet and its tiles load
//! only when the section comes near the viewport; the map follows its container's
//! size; on phones one finger scrolls the page and two move the map; the wheel
//! zooms only after the map is clicked or focused; and when Leaflet or the tiles
//! cannot load, the area shows the address and a link instead.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, IntersectionObserver, ResizeObserver, ShadowRoot, TouchEvent};
use yew::prelude::*;

use crate::embed::{assets, styles};
use crate::map::{LeafletMap, TileHealth};
use campaign_core::config::MapConfig;
use campaign_core::i18n::Lang;

/// Props of [`MapView`].
#[derive(Properties, PartialEq, Clone)]
pub struct MapViewProps {
    /// The map section's config.
    pub map: Rc<MapConfig>,
    /// The widget's language.
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Not near the viewport yet: nothing loaded.
    Waiting,
    /// Leaflet is loading.
    Loading,
    /// The map is up.
    Ready,
    /// Leaflet or the tiles could not load: the text fallback shows.
    Failed,
}

/// An observer and the callback it calls (dropped together).
type Observed<T> = (T, Closure<dyn FnMut(Array)>);

/// Everything a live map holds; dropping it removes the map, its observers and
/// its listeners.
struct Session {
    alive: Rc<Cell<bool>>,
    map: Rc<RefCell<Option<LeafletMap>>>,
    near: Option<Observed<IntersectionObserver>>,
    resize: Rc<RefCell<Option<Observed<ResizeObserver>>>>,
    listeners: Vec<EventListener>,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.alive.set(false);
        if let Some((observer, _)) = &self.near {
            observer.disconnect();
        }
        if let Some((observer, _)) = self.resize.borrow().as_ref() {
            observer.disconnect();
        }
        // Removes the Leaflet map (map.remove()) and its tile listeners.
        self.map.borrow_mut().take();
    }
}

/// The map.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let MapViewProps { map, lang } = props;
    let (lang, t) = (*lang, lang.strings());
    let container = use_node_ref();
    let phase = use_state_eq(|| Phase::Waiting);
    let hint = use_state_eq(|| false);

    {
        let (container, phase, hint) = (container.clone(), phase.clone(), hint.clone());
        use_effect_with((map.clone(), lang), move |(config, lang)| {
            let session = start(&container, config.clone(), *lang, phase, hint);
            move || drop(session)
        });
    }

    let title = match map.title.get(lang) {
        "" => t.map,
        title => title,
    };
    let failed = *phase == Phase::Failed;
    html! {
        <div class="cw-map-frame">
            <div class="cw-map-canvas" ref={container} role="region"
                aria-label={format!("{title}: {}", t.map_keys)} hidden={failed}></div>
            if *phase == Phase::Loading {
                <p class="cw-map-status">{ t.map_loading }</p>
            }
            if *hint {
                <p class="cw-map-hint" aria-hidden="true">{ t.map_two_fingers }</p>
            }
            if failed {
                <div class="cw-map-fallback" role="status">
                    <p class="cw-map-fallback-title">{ t.map_unavailable }</p>
                    { for map.markers.iter().map(|marker| html! {
                        <p>
                            <strong>{ marker.title.get(lang) }</strong>
                            if !marker.address.get(lang).is_empty() { { " – " }{ marker.address.get(lang) } }
                            <br />
                            <a href={marker.position.osm_link(map.zoom)} target="_blank" rel="noopener noreferrer">
                                { t.open_in_osm }<span class="cw-visually-hidden">{ " " }{ t.new_tab }</span>
                            </a>
                        </p>
                    }) }
                </div>
            }
        </div>
    }
}

fn start(
    container: &NodeRef,
    config: Rc<MapConfig>,
    lang: Lang,
    phase: UseStateHandle<Phase>,
    hint: UseStateHandle<bool>,
) -> Option<Session> {
    let element: HtmlElement = container.cast()?;
    let mut session = Session {
        alive: Rc::new(Cell::new(true)),
        map: Rc::default(),
        near: None,
        resize: Rc::default(),
        listeners: Vec::new(),
    };
    let touch = web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|query| query.matches());

    // Load when the section comes within 300 px of the viewport.
    let begin = {
        let (element, alive, map_slot, resize_slot) = (
            element.clone(),
            session.alive.clone(),
            session.map.clone(),
            session.resize.clone(),
        );
        let (phase, started) = (phase.clone(), Rc::new(Cell::new(false)));
        move || {
            if started.replace(true) {
                return;
            }
            phase.set(Phase::Loading);
            crate::map::ask_for_first_tile(&config);
            let (element, alive, map_slot, resize_slot, phase, config) = (
                element.clone(),
                alive.clone(),
                map_slot.clone(),
                resize_slot.clone(),
                phase.clone(),
                config.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let built = build(&element, &config, lang, touch, &phase).await;
                if !alive.get() {
                    return; // unmounted while loading: `built` is dropped, removing the map
                }
                match built {
                    Ok(map) => {
                        *map_slot.borrow_mut() = Some(map);
                        *resize_slot.borrow_mut() = follow_size(&element, map_slot.clone());
                        if *phase != Phase::Failed {
                            phase.set(Phase::Ready);
                        }
                    }
                    Err(error) => {
                        web_sys::console::warn_2(
                            &"campaign-widget: the map could not load".into(),
                            &error,
                        );
                        phase.set(Phase::Failed);
                    }
                }
            });
        }
    };
    let begin = Rc::new(begin);
    let near_callback = Closure::<dyn FnMut(Array)>::new({
        let begin = begin.clone();
        move |entries: Array| {
            let near = entries.iter().any(|e| {
                e.dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                begin();
            }
        }
    });
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"rootMargin".into(), &"300px 0px".into());
    let observer = js_sys::Reflect::get(&web_sys::window().into(), &"IntersectionObserver".into())
        .and_then(|c| c.dyn_into::<js_sys::Function>())
        .and_then(|c| js_sys::Reflect::construct(&c, &Array::of2(near_callback.as_ref(), &init)))
        .and_then(|o| o.dyn_into::<IntersectionObserver>());
    match observer {
        Ok(observer) => {
            observer.observe(&element);
            session.near = Some((observer, near_callback));
        }
        // No IntersectionObserver (Safari before 12.1): load now rather than never.
        Err(_) => begin(),
    }

    // The wheel zooms only while the map has the visitor's attention.
    let wheel = |on: bool| {
        let map = session.map.clone();
        move |_: &web_sys::Event| {
            if let Some(map) = map.borrow().as_ref() {
                map.set_wheel_zoom(on);
            }
        }
    };
    session
        .listeners
        .push(EventListener::new(&element, "focus", wheel(true)));
    session
        .listeners
        .push(EventListener::new(&element, "click", wheel(true)));
    session
        .listeners
        .push(EventListener::new(&element, "blur", wheel(false)));
    session
        .listeners
        .push(EventListener::new(&element, "mouseleave", wheel(false)));
    if touch {
        // One finger on the map scrolls the page (Leaflet's dragging is off), and
        // a hint says how to move the map instead.
        let show = hint.clone();
        session
            .listeners
            .push(EventListener::new(&element, "touchmove", move |event| {
                let fingers = event
                    .dyn_ref::<TouchEvent>()
                    .map_or(0, |e| e.touches().length());
                show.set(fingers == 1);
            }));
        session
            .listeners
            .push(EventListener::new(&element, "touchend", move |_| {
                hint.set(false)
            }));
    }
    Some(session)
}

/// Loads Leaflet and its stylesheet, then builds the map.
async fn build(
    element: &HtmlElement,
    config: &MapConfig,
    lang: Lang,
    touch: bool,
    phase: &UseStateHandle<Phase>,
) -> Result<LeafletMap, JsValue> {
    let shadow: ShadowRoot = element
        .get_root_node()
        .dyn_into()
        .map_err(|_| JsValue::from_str("not in a shadow root"))?;
    // Leaflet's stylesheet is asked for and applied on its own, alongside the
    // script: it is the smaller file and arrives first, so the style
    // recalculation it causes falls in the wait for leaflet.js instead of in
    // the building of the map (the first tile came about 100 ms sooner at
    // CPU 4x, `cargo xtask bench`).
    let stylesheet = wasm_bindgen_futures::future_to_promise(async move {
        styles::add_leaflet(&shadow).await?;
        Ok(JsValue::UNDEFINED)
    });
    // Both awaited before either error counts, so a stylesheet that failed
    // too never surfaces in the page as an unhandled rejection.
    let script = assets::load_leaflet().await;
    let sheet = JsFuture::from(stylesheet).await;
    script?;
    sheet?;
    let health = Rc::new(TileHealth::default());
    let tiles_done = {
        let (health, phase) = (health.clone(), phase.clone());
        // A round of tiles settled with none drawn: the tile server is unreachable
        // or refuses us (offline, blocked, 403).
        move || {
            if health.loaded.get() == 0 && health.failed.get() > 0 {
                phase.set(Phase::Failed);
            }
        }
    };
    LeafletMap::create(element, config, lang, touch, health, tiles_done)
}

/// Keeps Leaflet's idea of the map's size right when its container changes
/// (rotation, a sidebar, or a tab or accordion that was hidden).
fn follow_size(
    element: &HtmlElement,
    map: Rc<RefCell<Option<LeafletMap>>>,
) -> Option<Observed<ResizeObserver>> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |_: Array| {
        if let Some(map) = map.borrow().as_ref() {
            map.invalidate_size();
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some((observer, callback))
}
