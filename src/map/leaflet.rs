//! The bindings: building the Leaflet map (through the `leaflet` crate) inside
//! the widget's shadow root, its tiles, markers and popups, the scroll-wheel
//! and touch policies, and removing it all again.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Reflect;
use leaflet::{
    DivIconOptions, Evented, EventedHandle, LatLng, Layer, Map, MapOptions, Marker, MarkerOptions,
    Point, TileLayer, TileLayerOptions,
};
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

use campaign_core::config::MapConfig;
use campaign_core::html;
use campaign_core::i18n::Lang;

use super::picture::Gesture;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)`. The crate's `DivIcon::new` constructs an `L.Icon`
    /// (its binding names the class `Icon`), which wants an image URL.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &DivIconOptions) -> leaflet::Icon;

    /// embed.js's `useLeaflet(leaflet)`: offers `leaflet` as the `L` that the
    /// glue's `L.…` calls (the crate's bindings and ours) reach, a variable of
    /// embed.js rather than the page's global (static/embed.js, `glue`). The
    /// first Leaflet 1.x offered is kept; returns whether one is.
    #[wasm_bindgen(js_name = useLeaflet)]
    pub fn use_leaflet(leaflet: &JsValue) -> bool;

    /// embed.js's `panWithoutAnimation(map)`: the map's `panBy` (arrow keys, a
    /// popup brought into view) jumps rather than glides, `animate: false`
    /// (static/embed.js, `glue`).
    #[wasm_bindgen(js_name = panWithoutAnimation)]
    fn pan_without_animation(map: &Map);

    /// Leaflet's attribution control (not bound by the crate).
    type AttributionControl;
    #[wasm_bindgen(method, js_name = setPrefix)]
    fn set_prefix(this: &AttributionControl, prefix: &str);
}

/// The marker: an SVG pin drawn by CSS classes, so it needs no image URL that
/// would resolve against the host page. The picture of the map draws the same.
pub(super) const PIN: &str = r#"<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true" focusable="false"><path class="cw-pin" d="M14 1C7 1 1.5 6.6 1.5 13.6 1.5 23 14 39 14 39s12.5-16 12.5-25.4C26.5 6.6 21 1 14 1z"/><circle class="cw-pin-dot" cx="14" cy="13.5" r="5"/></svg>"#;

/// The point of [`PIN`] that sits on the marker's place (its tip), in CSS
/// pixels from the pin's top-left corner: Leaflet's `iconAnchor`.
pub(super) const PIN_ANCHOR: (i32, i32) = (14, 39);

/// The attribution's prefix, a link to Leaflet (Leaflet's own has a flag).
pub(super) const LEAFLET_PREFIX: &str =
    r#"<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a>"#;

/// How tiles are going: the map falls back to text when none arrives.
#[derive(Default)]
pub struct TileHealth {
    /// Tiles drawn.
    pub loaded: Cell<u32>,
    /// Tiles that failed.
    pub failed: Cell<u32>,
}

/// A live Leaflet map; dropping it removes the map and its listeners.
pub struct LeafletMap {
    map: Map,
    /// The config's markers, in its order (for [`Gesture::Popup`]).
    markers: Vec<Marker>,
    _listeners: Vec<EventedHandle<leaflet::Event>>,
}

impl LeafletMap {
    /// Builds the map in `container`. Dragging starts off where the primary
    /// pointer is a finger (`touch`); each gesture then decides by its own
    /// pointer type ([`LeafletMap::set_dragging`]): one finger scrolls the page,
    /// two pan and zoom (Leaflet's touch zoom), a mouse or pen drags. With
    /// `reduced_motion` (`prefers-reduced-motion: reduce`) nothing moves that
    /// the visitor did not move: no inertia after a drag, no zoom, fade or
    /// marker animation, and pans (keys, a popup brought into view) jump.
    /// `on_tiles_done` is called when a round of tiles has settled, `on_moved`
    /// when the map starts to leave its first view (Leaflet's `movestart`:
    /// a zoom, a pan, a drag).
    pub fn create(
        container: &HtmlElement,
        config: &MapConfig,
        lang: Lang,
        (touch, reduced_motion): (bool, bool),
        health: Rc<TileHealth>,
        (on_tiles_done, on_moved): (impl Fn() + 'static, impl Fn() + 'static),
    ) -> Result<LeafletMap, JsValue> {
        let options = MapOptions::new();
        options.set_center(LatLng::new(config.center.lat, config.center.lng));
        options.set_zoom(f64::from(config.zoom));
        options.set_max_zoom(f64::from(config.tiles.max_zoom));
        // Wheel zoom only once the visitor has clicked or focused the map.
        options.set_scroll_wheel_zoom(false);
        options.set_dragging(!touch);
        options.set_touch_zoom(true);
        options.set_keyboard(true);
        options.set_attribution_control(true);
        if reduced_motion {
            // Leaflet animates in JavaScript, which the stylesheet's reduced-motion
            // rule cannot stop. (Set through `Reflect`, already in the glue: the
            // crate's setters would each add an import.)
            for name in [
                "inertia",
                "zoomAnimation",
                "fadeAnimation",
                "markerZoomAnimation",
            ] {
                Reflect::set(&options, &name.into(), &false.into())?;
            }
        }
        let map = Map::new_with_element(container, &options)?;
        if reduced_motion {
            pan_without_animation(&map);
        }

        if let Ok(control) = Reflect::get(&map, &"attributionControl".into()) {
            control
                .unchecked_into::<AttributionControl>()
                .set_prefix(LEAFLET_PREFIX);
        }

        let tile_options = TileLayerOptions::new();
        // Leaflet reads attributions as HTML: the config's text is escaped first.
        tile_options.set_attribution(html::escape(config.tiles.attribution.get(lang)));
        tile_options.set_max_zoom(f64::from(config.tiles.max_zoom));
        if let Some(policy) = &config.tiles.referrer_policy {
            Reflect::set(
                &tile_options,
                &"referrerPolicy".into(),
                &policy.as_str().into(),
            )?;
        }
        let tiles = TileLayer::new_options(&config.tiles.url, &tile_options);
        let layer: &Layer = tiles.unchecked_ref();
        let loaded = {
            let health = health.clone();
            Evented::on_leaflet_event(layer, "tileload", move |_: leaflet::Event| {
                if health.loaded.get() == 0 {
                    // For benchmarks: the first tile drawn (performance marks cost nothing otherwise).
                    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = performance.mark("campaign-widget:first-tile");
                    }
                }
                health.loaded.set(health.loaded.get() + 1)
            })
        };
        let failed = Evented::on_leaflet_event(layer, "tileerror", move |_: leaflet::Event| {
            health.failed.set(health.failed.get() + 1)
        });
        let done =
            Evented::on_leaflet_event(layer, "load", move |_: leaflet::Event| on_tiles_done());
        layer.add_to(&map);
        let moved = Evented::on_leaflet_event(
            map.unchecked_ref::<Layer>(),
            "movestart",
            move |_: leaflet::Event| on_moved(),
        );

        let document = container.owner_document().ok_or("no document")?;
        // A popup brought into view keeps clear of the zoom control (top left,
        // 10 px in, 74 px down with touch-sized buttons) and of the
        // attribution (bottom right, 17 px); its width is capped by the
        // stylesheet, from the map's own width.
        let popup_options = js_sys::Object::new();
        let top_left = Point::new(10.0, 82.0);
        let bottom_right = Point::new(10.0, 22.0);
        Reflect::set(&popup_options, &"autoPanPaddingTopLeft".into(), &top_left)?;
        Reflect::set(
            &popup_options,
            &"autoPanPaddingBottomRight".into(),
            &bottom_right,
        )?;
        let mut markers = Vec::with_capacity(config.markers.len());
        for marker_config in &config.markers {
            let icon_options = DivIconOptions::new();
            icon_options.set_html(PIN.to_owned());
            icon_options.set_class_name("cw-marker".to_owned());
            icon_options.set_icon_size(Point::new(28.0, 40.0));
            icon_options
                .set_icon_anchor(Point::new(f64::from(PIN_ANCHOR.0), f64::from(PIN_ANCHOR.1)));
            icon_options.set_popup_anchor(Point::new(0.0, -34.0));
            let marker_options = MarkerOptions::new();
            marker_options.set_icon(div_icon(&icon_options));
            // Leaflet sets these as attributes (title, alt): text, not HTML.
            marker_options.set_title(marker_config.title.get(lang).to_owned());
            marker_options.set_alt(marker_config.title.get(lang).to_owned());
            marker_options.set_keyboard(true);
            let position = LatLng::new(marker_config.position.lat, marker_config.position.lng);
            let marker = Marker::new_with_options(&position, &marker_options);
            let popup = popup_content(
                &document,
                marker_config.title.get(lang),
                marker_config.address.get(lang),
            )?;
            let marker_layer: &Layer = marker.unchecked_ref();
            marker_layer.bind_popup_with_options(&popup, &popup_options);
            marker_layer.add_to(&map);
            markers.push(marker);
        }
        Ok(LeafletMap {
            map,
            markers,
            _listeners: vec![loaded, failed, done, moved],
        })
    }

    /// Does on the map what the visitor did on its picture: zooms in or out
    /// one level, or opens a marker's popup.
    pub fn replay(&self, gesture: Gesture) {
        let (target, method): (&JsValue, &str) = match gesture {
            Gesture::ZoomIn => (&self.map, "zoomIn"),
            Gesture::ZoomOut => (&self.map, "zoomOut"),
            Gesture::Popup(index) => match self.markers.get(index) {
                Some(marker) => (marker, "openPopup"),
                None => return,
            },
        };
        if let Ok(function) = Reflect::get(target, &method.into()) {
            let _ = function.unchecked_into::<js_sys::Function>().call0(target);
        }
    }

    /// Tells Leaflet (and the widget's own listeners: wheel zoom) that its
    /// container already has the focus (the visitor tabbed to the picture,
    /// which loaded Leaflet): Leaflet listens for the keys only from a `focus`
    /// event on, so one is sent (Map.Keyboard.js, `_onFocus`).
    pub fn take_focus(container: &HtmlElement) {
        if let Ok(focus) = web_sys::Event::new("focus") {
            let _ = container.dispatch_event(&focus);
        }
    }

    /// Re-reads the container's size (after it was resized or shown).
    pub fn invalidate_size(&self) {
        self.map.invalidate_size(false);
    }

    /// Turns scroll-wheel zoom on (the map has the visitor's attention) or off.
    pub fn set_wheel_zoom(&self, on: bool) {
        self.set_handler("scrollWheelZoom", on);
    }

    /// Turns one-pointer dragging on (a mouse or pen) or off (a finger, which
    /// scrolls the page), for the gesture that is starting.
    pub fn set_dragging(&self, on: bool) {
        self.set_handler("dragging", on);
    }

    /// Enables or disables one of the map's handlers (`map[name]`, an `L.Handler`).
    fn set_handler(&self, name: &str, on: bool) {
        if let Ok(handler) = Reflect::get(&self.map, &name.into()) {
            let handler: leaflet::Handler = handler.unchecked_into();
            if on {
                handler.enable();
            } else {
                handler.disable();
            }
        }
    }
}

impl Drop for LeafletMap {
    fn drop(&mut self) {
        self.map.remove();
    }
}

/// A popup built from text nodes: a config's `<img onerror>` stays text.
fn popup_content(document: &Document, title: &str, address: &str) -> Result<HtmlElement, JsValue> {
    let root: HtmlElement = document.create_element("div")?.unchecked_into();
    root.set_class_name("cw-popup");
    let heading = document.create_element("strong")?;
    heading.set_text_content(Some(title));
    root.append_child(&heading)?;
    if !address.is_empty() {
        let line = document.create_element("span")?;
        line.set_text_content(Some(address));
        root.append_child(&line)?;
    }
    Ok(root)
}
