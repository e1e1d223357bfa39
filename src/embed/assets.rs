//! Files the widget loads from next to embed.js, on demand: Leaflet's script
//! (only when the page has no Leaflet 1.x of its own), Leaflet's stylesheet (for
//! the shadow root) and, where stylesheets cannot be constructed, the widget's
//! own CSS. Each loads once per page, whatever the number of widgets. Every one
//! has a content-hashed name in dist/ (`leaflet-<hash>.js`), which embed.js
//! hands over: a cache can never pair this release's wasm with another's file.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CssStyleSheet, HtmlScriptElement, Response};

use crate::map::leaflet_ready;

thread_local! {
    /// The URL of the directory embed.js was loaded from (set by embed.js).
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
    /// This release's file names, space-separated (set by embed.js).
    static NAMES: RefCell<String> = const { RefCell::new(String::new()) };
    static SCRIPT: RefCell<Option<Promise>> = const { RefCell::new(None) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Records where dist/ is (embed.js's own directory) and what this release
/// calls its files (`leaflet-<hash>.js leaflet-<hash>.css widget-<hash>.css`).
pub fn set_base(base: &str, names: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_owned());
    NAMES.with(|n| *n.borrow_mut() = names.to_owned());
}

/// The URL of `file` (its plain name, `leaflet.js`) in this release's dist/:
/// its hashed name (`leaflet-<hash>.js`) when embed.js gave one.
pub fn url(file: &str) -> String {
    let name = NAMES.with(|n| {
        let (stem, extension) = file.rsplit_once('.')?;
        n.borrow()
            .split(' ')
            .find(|name| {
                name.starts_with(&format!("{stem}-")) && name.ends_with(&format!(".{extension}"))
            })
            .map(str::to_owned)
    });
    BASE.with(|b| format!("{}{}", b.borrow(), name.as_deref().unwrap_or(file)))
}

/// Loads Leaflet's script unless the page already has Leaflet 1.x.
pub async fn load_leaflet() -> Result<(), JsValue> {
    if leaflet_ready() {
        return Ok(());
    }
    let promise = SCRIPT.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                Promise::new(&mut |resolve, reject| {
                    let result = (|| -> Result<(), JsValue> {
                        let document = web_sys::window()
                            .and_then(|w| w.document())
                            .ok_or("no document")?;
                        let script: HtmlScriptElement =
                            document.create_element("script")?.unchecked_into();
                        script.set_src(&url("leaflet.js"));
                        script.set_async(true);
                        // Each callback frees itself when it is called.
                        let on_load = Closure::once_into_js(move || resolve.call0(&JsValue::NULL));
                        let on_error = Closure::once_into_js(move || {
                            reject.call1(&JsValue::NULL, &"leaflet.js".into())
                        });
                        script.set_onload(Some(on_load.unchecked_ref()));
                        script.set_onerror(Some(on_error.unchecked_ref()));
                        document.head().ok_or("no head")?.append_child(&script)?;
                        Ok(())
                    })();
                    if let Err(error) = result {
                        web_sys::console::error_1(&error);
                    }
                })
            })
            .clone()
    });
    let loaded = JsFuture::from(promise).await;
    if loaded.is_err() {
        // Let a later widget try again (a blocked request may be unblocked).
        SCRIPT.with(|cell| cell.borrow_mut().take());
    }
    loaded.map(|_| ()).and_then(|()| {
        if leaflet_ready() {
            Ok(())
        } else {
            Err("Leaflet did not start".into())
        }
    })
}

/// Leaflet's stylesheet, as a constructed sheet whose relative URLs resolve
/// against dist/ (not the host page). Fetched once; two widgets asking at the
/// same moment share the HTTP cache.
pub async fn leaflet_sheet() -> Result<CssStyleSheet, JsValue> {
    if let Some(sheet) = SHEET.with(|cell| cell.borrow().clone()) {
        return Ok(sheet);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response: Response =
        JsFuture::from(window.fetch_with_str(&url(super::styles::LEAFLET_CSS_FILE)))
            .await?
            .unchecked_into();
    if !response.ok() {
        return Err("leaflet.css".into());
    }
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    // new CSSStyleSheet({ baseURL }): Leaflet's url(images/…) resolve against dist/.
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"baseURL".into(), &url("").into())?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&window, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet: CssStyleSheet =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&init))?.dyn_into()?;
    sheet.replace_sync(&text)?;
    SHEET.with(|cell| *cell.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
