//! Loading Leaflet: its script (only when the page has no Leaflet 1.x of its
//! own) and its stylesheet for the widget's shadow root, each once per page
//! whatever the number of widgets, from this release's dist/ (hashed names,
//! `crate::assets`). The widget's Leaflet stays its own: leaflet.js gives the
//! page back its `L` and hands Leaflet over on its `<script>` element
//! (xtask/src/stamp.rs, `without_module_loaders`), and `use_leaflet` makes it
//! the one the bindings call.

use std::cell::RefCell;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CssStyleSheet, HtmlScriptElement, Response, ShadowRoot};

use campaign_core::shared::{LEAFLET_CSS, LEAFLET_JS};

use super::leaflet::use_leaflet;
use crate::assets;

thread_local! {
    static SCRIPT: RefCell<Option<Promise>> = const { RefCell::new(None) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The page's `window.L`, whatever it is (undefined when it has none).
fn page_l() -> JsValue {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &"L".into()).ok())
        .unwrap_or_default()
}

/// Asks for Leaflet's script and stylesheet ahead, on the visitor's first
/// sign of intent (the pointer over the map, a finger on it), with
/// `<link rel="preload">` in the page's head, once per page: the map's own
/// `<script>` and `fetch` then take them from there ([`load_leaflet`]). Not
/// the script where the page has Leaflet 1.x, which the widget then uses.
/// The stylesheet's preload is CORS without cookies, as the widget's fetch of
/// it (`crossorigin="anonymous"`), or it would go unused. A failure only
/// costs the early request.
pub fn prefetch_leaflet() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let _ = (|| -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let head = document.head().ok_or("no head")?;
        let page_has_leaflet = use_leaflet(&page_l());
        for (file, kind) in [(LEAFLET_JS, "script"), (LEAFLET_CSS, "fetch")] {
            if kind == "script" && page_has_leaflet {
                continue;
            }
            let link = document.create_element("link")?;
            link.set_attribute("rel", "preload")?;
            link.set_attribute("as", kind)?;
            if kind == "fetch" {
                link.set_attribute("crossorigin", "anonymous")?;
            }
            link.set_attribute("href", &assets::url(file))?;
            head.append_child(&link)?;
        }
        Ok(())
    })();
}

/// Loads Leaflet's script and applies its stylesheet to `shadow`, both at
/// once. The stylesheet is asked for and applied on its own task: it is the
/// smaller file and arrives first, so the style recalculation it causes falls
/// in the wait for leaflet.js instead of in the building of the map (the first
/// tile came about 100 ms sooner at CPU 4x, `cargo xtask bench`). Both are
/// awaited before either error counts, so a stylesheet that failed too never
/// surfaces in the page as an unhandled rejection.
///
/// # Errors
/// The script or the stylesheet could not load, or Leaflet did not start.
pub async fn load_leaflet(shadow: ShadowRoot) -> Result<(), JsValue> {
    let stylesheet = wasm_bindgen_futures::future_to_promise(async move {
        add_stylesheet(&shadow).await?;
        Ok(JsValue::UNDEFINED)
    });
    let script = load_script().await;
    let sheet = JsFuture::from(stylesheet).await;
    script?;
    sheet.map(|_| ())
}

/// Loads Leaflet's script unless the page already has Leaflet 1.x (or a
/// widget of the page has chosen one), and makes that Leaflet the bindings' `L`.
async fn load_script() -> Result<(), JsValue> {
    if use_leaflet(&page_l()) {
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
                        script.set_src(&assets::url(LEAFLET_JS));
                        script.set_async(true);
                        // Each callback frees itself when it is called. It
                        // resolves to the Leaflet the script left on itself.
                        let loaded = script.clone();
                        let on_load = Closure::once_into_js(move || {
                            let leaflet = Reflect::get(&loaded, &"leaflet".into())
                                .unwrap_or(JsValue::UNDEFINED);
                            resolve.call1(&JsValue::NULL, &leaflet)
                        });
                        let on_error = Closure::once_into_js(move || {
                            reject.call1(&JsValue::NULL, &LEAFLET_JS.into())
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
    // Without document.currentScript (no browser that runs the wasm, but)
    // Leaflet stays on window.L, where it puts itself.
    if use_leaflet(&loaded?) || use_leaflet(&page_l()) {
        Ok(())
    } else {
        Err("Leaflet did not start".into())
    }
}

/// Adds Leaflet's stylesheet to `shadow` before the widget's own, so the
/// widget's rules win where both style the same thing. Where the widget's
/// sheet is adopted, Leaflet's is adopted too (a constructed sheet); where
/// the widget's CSS is linked, so is Leaflet's, and it applies once it has
/// loaded: Leaflet sizes the map from the container, which the widget's CSS
/// sizes, so the map need not wait for it.
async fn add_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let adopted = Reflect::get(shadow, &"adoptedStyleSheets".into())?;
    if let Some(own) = adopted
        .dyn_ref::<Array>()
        .filter(|sheets| sheets.length() > 0)
    {
        let own = own.clone();
        let leaflet = constructed_sheet().await?;
        let sheets = Array::of1(&leaflet.into());
        let sheets = sheets.concat(&own);
        Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
        return Ok(());
    }
    let document = shadow.owner_document().ok_or("no document")?;
    let leaflet = assets::stylesheet_link(&document, LEAFLET_CSS)?;
    shadow.insert_before(&leaflet, shadow.first_child().as_ref())?;
    Ok(())
}

/// Leaflet's stylesheet, as a constructed sheet whose relative URLs resolve
/// against dist/ (not the host page). Fetched once; two widgets asking at the
/// same moment share the HTTP cache.
async fn constructed_sheet() -> Result<CssStyleSheet, JsValue> {
    if let Some(sheet) = SHEET.with(|cell| cell.borrow().clone()) {
        return Ok(sheet);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(&assets::url(LEAFLET_CSS)))
        .await?
        .unchecked_into();
    if !response.ok() {
        return Err(LEAFLET_CSS.into());
    }
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    // new CSSStyleSheet({ baseURL }): Leaflet's url(images/…) resolve against dist/.
    let init = js_sys::Object::new();
    Reflect::set(&init, &"baseURL".into(), &assets::url("").into())?;
    let constructor: js_sys::Function =
        Reflect::get(&window, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet: CssStyleSheet = Reflect::construct(&constructor, &Array::of1(&init))?.dyn_into()?;
    sheet.replace_sync(&text)?;
    SHEET.with(|cell| *cell.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
