//! The widget's stylesheet, adopted by every shadow root. It is compiled into the
//! wasm and applied as one constructed `CSSStyleSheet` shared by all instances:
//! no `<style>` element, no `style` attribute (a strict CSP allows both), and no
//! extra request before the first render.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The widget's CSS (src/embed/widget.css, minified by build.rs).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// Gives `shadow` the widget's stylesheet.
pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheets = Array::of1(&sheet()?.into());
    Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}

/// Adds `extra` (Leaflet's sheet) before the widget's own, so the widget's
/// rules win where both style the same thing.
pub fn adopt_before(shadow: &ShadowRoot, extra: &CssStyleSheet) -> Result<(), JsValue> {
    let sheets = Array::of2(&extra.into(), &sheet()?.into());
    Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}
