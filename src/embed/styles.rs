//! The widget's own stylesheet in each shadow root, without a `<style>` element or
//! a `style` attribute (a strict CSP forbids both).
//!
//! Where the browser has constructable stylesheets (Chrome 73, Firefox 101,
//! Safari 16.4), the CSS compiled into the wasm is adopted as one
//! `CSSStyleSheet` shared by all instances: no extra request. Elsewhere (Safari
//! and iOS 15.x–16.3, the floor in the README) the shadow root links the same
//! CSS as a content-hashed file in dist/ (`widget-<hash>.css`, written by
//! `cargo xtask stamp-loader`): while it loads, and for good if it cannot, the
//! placeholder's fallback content shows through a `<slot>` and the widget stays
//! `hidden`; the linked CSS itself hides the one and shows the other, so no
//! script has to wait for it and the visitor never sees a blank or unstyled box.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Element, ShadowRoot};

use campaign_core::shared;

use crate::assets;

/// The widget's CSS (src/embed/widget.css, minified by build.rs).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The class of the `<slot>` that shows the fallback until the linked CSS applies.
const PENDING_CLASS: &str = "cw-pending";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The shared constructed sheet, or `None` where the browser cannot construct
/// or adopt one (`new CSSStyleSheet()` throws, or shadow roots have no
/// `adoptedStyleSheets`).
fn sheet(shadow: &ShadowRoot) -> Option<CssStyleSheet> {
    if !Reflect::has(shadow, &JsValue::from_str("adoptedStyleSheets")).unwrap_or(false) {
        return None;
    }
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(WIDGET_CSS).ok()?;
        *cell.borrow_mut() = Some(sheet.clone());
        Some(sheet)
    })
}

fn set_adopted(shadow: &ShadowRoot, sheets: Array) -> Result<(), JsValue> {
    Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}

/// Styles `shadow`, whose widget will render into `root` (already appended).
/// Where the CSS is linked, `root` starts `hidden` behind a fallback slot.
pub fn apply(shadow: &ShadowRoot, root: &Element) -> Result<(), JsValue> {
    if let Some(sheet) = sheet(shadow) {
        return set_adopted(shadow, Array::of1(&sheet.into()));
    }
    let document = root.owner_document().ok_or("no document")?;
    let slot = document.create_element("slot")?;
    slot.set_class_name(PENDING_CLASS);
    shadow.insert_before(&slot, Some(root))?;
    let sheet_link = assets::stylesheet_link(&document, shared::WIDGET_CSS)?;
    shadow.insert_before(&sheet_link, Some(&slot))?;
    root.set_attribute("hidden", "")?;
    Ok(())
}
