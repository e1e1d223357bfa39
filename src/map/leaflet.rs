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

    /// Leaflet's attribution control (not bound by the crate).
    type AttributionControl;
    #[wasm_bindgen(method, js_name = setPrefix)]
    fn set_prefix(this: &AttributionControl, prefix: &str);
}

/// The marker: an SVG pin drawn by CSS classes, so it needs no image URL that
/// would resolve against the host page.
const PIN: &str = r#"<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true" focusable="false"><path class="cw-pin" d="M14 1C7 1 1.5 6.6 1.5 13.6 1.5 23 14 39 14 39s12.5-16 12.5-25.4C26.5 6.6 21 1 14 1z"/><circle class="cw-pin-dot" cx="14" cy="13.5" r="5"/></svg>"#;

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
    _listeners: Vec<EventedHandle<leaflet::Event>>,
}

impl LeafletMap {
    /// Builds the map in `container`. `touch` devices get one-finger page scroll
    /// (dragging off) and two-finger pan and zoom (Leaflet's touch zoom).
    /// `on_tiles_done` is called when a round of tiles has settled.
    pub fn create(
        container: &HtmlElement,
        config: &MapConfig,
        lang: Lang,
        touch: bool,
        health: Rc<TileHealth>,
        on_tiles_done: impl Fn() + 'static,
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
        let map = Map::new_with_element(container, &options)?;

        if let Ok(control) = Reflect::get(&map, &"attributionControl".into()) {
            control.unchecked_into::<AttributionControl>().set_prefix(
                r#"<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a>"#,
            );
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

        let document = container.owner_document().ok_or("no document")?;
        for marker_config in &config.markers {
            let icon_options = DivIconOptions::new();
            icon_options.set_html(PIN.to_owned());
            icon_options.set_class_name("cw-marker".to_owned());
            icon_options.set_icon_size(Point::new(28.0, 40.0));
            icon_options.set_icon_anchor(Point::new(14.0, 39.0));
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
            marker_layer.bind_popup_with_options(&popup, &js_sys::Object::new());
            marker_layer.add_to(&map);
        }
        Ok(LeafletMap {
            map,
            _listeners: vec![loaded, failed, done],
        })
    }

    /// Re-reads the container's size (after it was resized or shown).
    pub fn invalidate_size(&self) {
        self.map.invalidate_size(false);
    }

    /// Turns scroll-wheel zoom on (the map has the visitor's attention) or off.
    pub fn set_wheel_zoom(&self, on: bool) {
        if let Ok(handler) = Reflect::get(&self.map, &"scrollWheelZoom".into()) {
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
