//! Where this release's files are: the URL of dist/ (embed.js's own
//! directory) and the content-hashed names of the files the widget loads
//! later (`leaflet-<hash>.js`, `widget-<hash>.css`), both handed over by
//! embed.js, so a cache can never pair this release's wasm with another's file.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use campaign_core::shared::hashed_name;

thread_local! {
    /// The URL of the directory embed.js was loaded from (set by embed.js).
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
    /// This release's file names, space-separated (set by embed.js).
    static NAMES: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records where dist/ is (embed.js's own directory, a URL ending in `/`) and
/// what this release calls its files, space-separated in the order of
/// `campaign_core::shared::LATER_FILES`
/// (`leaflet-<hash>.js leaflet-<hash>.css widget-<hash>.css`).
pub fn set_base(base: &str, names: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_owned());
    NAMES.with(|n| *n.borrow_mut() = names.to_owned());
}

/// The URL of `file` (its plain name, `leaflet.js`) in this release's dist/:
/// its hashed name (`leaflet-<hash>.js`) when embed.js gave one, else the
/// plain name (`trunk serve`'s development build).
pub fn url(file: &str) -> String {
    let name = NAMES.with(|n| hashed_name(&n.borrow(), file).map(str::to_owned));
    BASE.with(|b| format!("{}{}", b.borrow(), name.as_deref().unwrap_or(file)))
}

/// A `<link rel="stylesheet">` to `file` (its plain name) in this release's
/// dist/, not yet in the document. Fails only where the DOM refuses to create
/// an element.
pub fn stylesheet_link(document: &Document, file: &str) -> Result<Element, JsValue> {
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &url(file))?;
    Ok(link)
}
