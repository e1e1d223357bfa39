//! The picture of the map: its first view drawn without Leaflet, as plain
//! images at the very pixels Leaflet would put its tiles
//! (`campaign_core::tiles::FirstView`), with the marker's pin, the zoom
//! buttons and the attribution in their places (src/embed/widget.css copies
//! Leaflet's look for them). Most visitors never touch the map, and never
//! download or run Leaflet; when one reaches for it, Leaflet builds the map
//! in the same container, over the picture, and nothing moves.
//!
//! Positions are set through the CSSOM (`style.cssText`), never as `style`
//! attributes, which a strict Content-Security-Policy (`style-src 'self'`)
//! refuses; Leaflet positions its tiles the same way.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use campaign_core::config::MapConfig;
use campaign_core::html;
use campaign_core::i18n::Lang;
use campaign_core::tiles::{self, FirstView};

use super::leaflet::{LEAFLET_PREFIX, PIN, PIN_ANCHOR};

/// The gesture that made the visitor's intent plain, replayed on Leaflet's
/// map once it is built: a click on a zoom button zooms, on a pin opens its
/// popup. Other gestures (a drag, two fingers, focus) start afresh on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// The "+" button.
    ZoomIn,
    /// The "−" button.
    ZoomOut,
    /// The pin of the config's marker at this index.
    Popup(usize),
}

/// Where the picture's gestures are kept for Leaflet to replay.
pub type GestureSlot = Rc<RefCell<Option<Gesture>>>;

/// The browser's `Math.sin` and `Math.log`: the functions Leaflet's
/// projection calls, so the picture lands on Leaflet's pixels.
const BROWSER_MATH: tiles::Math = tiles::Math {
    sin: js_sys::Math::sin,
    ln: js_sys::Math::log,
};

/// A picture of the map in its container; dropping it removes it.
pub struct Picture {
    root: Element,
    _listeners: Vec<EventListener>,
}

impl Picture {
    /// Draws the first view of `config`'s map in `container` at the
    /// container's size (`clientWidth` × `clientHeight`, CSS pixels), below
    /// anything Leaflet adds there later. Tiles that fail are hidden, as
    /// Leaflet hides its own; once every tile has loaded or failed,
    /// `on_settled(drawn, failed)` is called. A click on a zoom button or a
    /// pin is kept in `gestures`.
    ///
    /// `None` when there is nothing to draw: a container without a size (not
    /// laid out yet), or a tile URL that names an option the widget does not
    /// know (`tiles::tile_url`), where Leaflet alone knows the URL.
    pub fn draw(
        container: &HtmlElement,
        config: &MapConfig,
        lang: Lang,
        gestures: &GestureSlot,
        on_settled: impl Fn(u32, u32) + 'static,
    ) -> Option<Picture> {
        let size = (container.client_width(), container.client_height());
        if size.0 <= 0 || size.1 <= 0 {
            return None;
        }
        let window = web_sys::window()?;
        // Leaflet's Browser.retina: its `{r}` is "@2x" on such screens.
        let retina = window.device_pixel_ratio() > 1.0;
        // Map.setView limits the zoom to the map's maxZoom, the layer's.
        let zoom = config.zoom.min(config.tiles.max_zoom);
        let view = FirstView::new(
            config.center,
            zoom,
            (size.0 as u32, size.1 as u32),
            &BROWSER_MATH,
        );
        // Every URL first: one Leaflet alone can fill in means no picture.
        let mut urls = Vec::with_capacity(view.tiles.len());
        for tile in &view.tiles {
            urls.push(tiles::tile_url(&config.tiles.url, tile.coords, retina)?);
        }
        let document = container.owner_document()?;
        let element = |tag: &str, class: &str| -> Result<Element, JsValue> {
            let element = document.create_element(tag)?;
            if !class.is_empty() {
                element.set_class_name(class);
            }
            Ok(element)
        };
        let built = (|| -> Result<Picture, JsValue> {
            let root = element("div", "cw-map-picture")?;
            // The map's region is named by the container; the picture is
            // only what it looks like (the links in it are not focusable).
            root.set_attribute("aria-hidden", "true")?;
            for (tile, url) in view.tiles.iter().zip(&urls) {
                let image = element("img", "")?;
                // As Leaflet's tile <img>: same URL, no crossorigin, the same
                // referrer policy, so that its tiles come from the HTTP cache.
                image.set_attribute("alt", "")?;
                if let Some(policy) = &config.tiles.referrer_policy {
                    image.set_attribute("referrerpolicy", policy.as_str())?;
                }
                image.set_attribute("src", url)?;
                place(&image, tile.left, tile.top)?;
                root.append_child(&image)?;
            }
            let mut listeners = Vec::new();
            for (index, marker) in config.markers.iter().enumerate() {
                let pin = element("div", "cw-marker")?;
                pin.set_inner_html(PIN);
                let (x, y) = view.position(marker.position, &BROWSER_MATH);
                place(&pin, x - PIN_ANCHOR.0, y - PIN_ANCHOR.1)?;
                listeners.extend(keep_gesture(&pin, gestures, Gesture::Popup(index)));
                root.append_child(&pin)?;
            }
            // Leaflet's zoom control: "+" disabled at the layer's maxZoom,
            // "−" at zoom 0 (Control.Zoom._updateDisabled).
            let zoom_control = element("div", "cw-picture-zoom")?;
            for (symbol, gesture, disabled) in [
                ("+", Gesture::ZoomIn, zoom >= config.tiles.max_zoom),
                ("\u{2212}", Gesture::ZoomOut, zoom == 0),
            ] {
                let button = element("div", if disabled { "cw-off" } else { "" })?;
                let label = element("span", "")?;
                label.set_text_content(Some(symbol));
                button.append_child(&label)?;
                listeners.extend(keep_gesture(&button, gestures, gesture));
                zoom_control.append_child(&button)?;
            }
            root.append_child(&zoom_control)?;
            // Leaflet's attribution, as Control.Attribution._update writes it:
            // the prefix, a bar, then the layer's text (escaped, as for Leaflet).
            let attribution = element("div", "cw-picture-attribution")?;
            let text = config.tiles.attribution.get(lang);
            attribution.set_inner_html(&if text.is_empty() {
                LEAFLET_PREFIX.to_owned()
            } else {
                format!(
                    "{LEAFLET_PREFIX} <span aria-hidden=\"true\">|</span> {}",
                    html::escape(text)
                )
            });
            if let Some(link) = attribution.first_element_child() {
                link.set_attribute("tabindex", "-1")?;
            }
            root.append_child(&attribution)?;
            listeners.extend(count_tiles(&root, urls.len() as u32, on_settled));
            // First, so that Leaflet's panes, added after it, paint over it.
            container.insert_before(&root, container.first_child().as_ref())?;
            Ok(Picture {
                root,
                _listeners: listeners,
            })
        })();
        built.ok()
    }
}

impl Drop for Picture {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Puts `element` at `left`, `top` CSS pixels in the picture, through the
/// CSSOM (see the module's note on CSP).
fn place(element: &Element, left: i32, top: i32) -> Result<(), JsValue> {
    let style = Reflect::get(element, &"style".into())?;
    Reflect::set(
        &style,
        &"cssText".into(),
        &format!("left:{left}px;top:{top}px").into(),
    )?;
    Ok(())
}

/// Keeps `gesture` when `element` is clicked, or pressed with a mouse or pen
/// (the press alone loads Leaflet: it may be built before the click ends).
/// These run before the container's own listeners, which see the intent.
fn keep_gesture(element: &Element, gestures: &GestureSlot, gesture: Gesture) -> [EventListener; 2] {
    let keep = |pressed: bool| {
        let gestures = gestures.clone();
        move |event: &web_sys::Event| {
            if !pressed || !is_touch(event) {
                gestures.replace(Some(gesture));
            }
        }
    };
    [
        EventListener::new(element, "pointerdown", keep(true)),
        EventListener::new(element, "click", keep(false)),
    ]
}

/// Whether a pointer event comes from a finger.
pub fn is_touch(event: &web_sys::Event) -> bool {
    Reflect::get(event, &"pointerType".into())
        .ok()
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "touch")
}

/// Counts the picture's tiles as they load or fail (`load` and `error` do not
/// bubble: caught on the way down). A failed tile is hidden, as Leaflet hides
/// one; the first drawn tile is marked for benchmarks
/// (`campaign-widget:first-tile`, xtask/bench).
fn count_tiles(
    root: &Element,
    total: u32,
    on_settled: impl Fn(u32, u32) + 'static,
) -> [EventListener; 2] {
    let counts = Rc::new((Cell::new(0u32), Cell::new(0u32)));
    let on_settled = Rc::new(on_settled);
    let listener = |failed: bool| {
        let (counts, on_settled) = (counts.clone(), on_settled.clone());
        move |event: &web_sys::Event| {
            let Some(image) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            let (drawn, lost) = (&counts.0, &counts.1);
            if failed {
                image.set_hidden(true);
                lost.set(lost.get() + 1);
            } else {
                if drawn.get() == 0 {
                    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = performance.mark("campaign-widget:first-tile");
                    }
                }
                drawn.set(drawn.get() + 1);
            }
            if drawn.get() + lost.get() == total {
                on_settled(drawn.get(), lost.get());
            }
        }
    };
    let capture = EventListenerOptions::run_in_capture_phase();
    [
        EventListener::new_with_options(root, "load", capture, listener(false)),
        EventListener::new_with_options(root, "error", capture, listener(true)),
    ]
}
