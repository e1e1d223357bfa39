//! Early requests for the map: the tile under the map's centre, asked for
//! while Leaflet's own script downloads.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

use campaign_core::config::MapConfig;
use campaign_core::tiles;

/// Asks for the tile under the map's centre (the first one Leaflet will ask
/// for, see [`tiles`]) with a `<link rel="preload" as="image">` in the page's
/// head, so that it downloads alongside Leaflet's script and is there when
/// Leaflet's `<img>` asks for it. On slow 4G this takes the tile's round trip
/// out of the wait for the first tile. Nothing happens when the template names
/// a value the widget does not know; a failure only costs the early request.
/// Each URL is hinted once per page, as embed.js hints Leaflet's files: a
/// single-page app that mounts the same map again adds no further link.
pub fn ask_for_first_tile(config: &MapConfig) {
    thread_local! {
        static HINTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }
    let zoom = config.zoom.min(config.tiles.max_zoom);
    let math = tiles::Math {
        sin: js_sys::Math::sin,
        ln: js_sys::Math::log,
    };
    let tile = tiles::tile_containing(config.center, zoom, &math);
    let Some(url) = tiles::tile_url(&config.tiles.url, tile) else {
        return;
    };
    if HINTED.with(|hinted| hinted.borrow().contains(&url)) {
        return;
    }
    let _ = (|| -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let link = document.create_element("link")?;
        link.set_attribute("rel", "preload")?;
        link.set_attribute("as", "image")?;
        // The same referrer policy as Leaflet's <img>, or the preload goes unused.
        if let Some(policy) = &config.tiles.referrer_policy {
            link.set_attribute("referrerpolicy", policy.as_str())?;
        }
        link.set_attribute("href", &url)?;
        document.head().ok_or("no head")?.append_child(&link)?;
        HINTED.with(|hinted| hinted.borrow_mut().push(url));
        Ok(())
    })();
}
