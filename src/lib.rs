//! An embeddable campaign widget: a public campaign's summary, a countdown to its
//! key dates and its map, mounted from one `<script>` tag into an open shadow
//! root of any page.
//!
//! Pure logic (config, time, i18n, errors, the snippet generator) is the
//! `campaign_core` crate, which has no browser in its dependency tree and is
//! tested natively. Here: `components` are the Yew views, `hooks` their side
//! effects, `map` everything Leaflet, and `embed` the only module that touches
//! the host page. The `#[wasm_bindgen]` exports below are what
//! `static/embed.js` calls.

pub mod assets;
pub mod clock;
pub mod components;
pub mod embed;
pub mod hooks;
pub mod map;
pub mod page;

use campaign_core::{config, error, i18n};
#[cfg(feature = "builder")]
use campaign_core::{snippet, time};

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// Talc instead of Rust's default dlmalloc: the same job in a fraction of the
/// code (the allocator is in every visitor's download). Single-threaded wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The widget's version, as `CampaignWidget.version` reports it.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Mounts the widget into `element` (a `<campaign-widget>` or a
/// `<div data-campaign-widget>`), reading its attributes; mounting again
/// re-reads them. `fetched` is the text of the `config` URL, which the loader
/// fetches in parallel with the wasm, or `fetch_failure` says why it could not
/// (`url`, `failed`, `timeout <s>`, `status <code>`, `large <bytes>`).
/// Returns the detail of the event to fire once Yew has rendered (on the
/// microtask queue): `{lang}` (ready) or `{message, path}` (error).
#[wasm_bindgen]
pub fn mount(
    element: HtmlElement,
    fetched: Option<String>,
    fetch_failure: Option<String>,
) -> Result<JsValue, JsValue> {
    embed::mount(element, fetched, fetch_failure)
}

/// Unmounts the widget from `element`; returns whether it was mounted.
#[wasm_bindgen]
pub fn unmount(element: HtmlElement) -> bool {
    embed::unmount(&element)
}

/// How many widgets are mounted on the page (for leak checks in tests).
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> usize {
    embed::mounted_count()
}

/// Tells the widget the `Date` header of a response it made (its own wasm),
/// received at `received_at` (device milliseconds), to correct a wrong device clock.
#[wasm_bindgen(js_name = observeServerDate)]
pub fn observe_server_date(date_header: &str, received_at: f64) {
    clock::observe_server_date(date_header, received_at);
}

/// Countdown ticks performed on this page (for tests and benchmarks).
#[wasm_bindgen(js_name = tickCount)]
pub fn tick_count() -> f64 {
    clock::tick_count() as f64
}

/// Tells the widget where dist/ is (embed.js's directory) and this release's
/// content-hashed file names, space-separated (`leaflet-<hash>.js …`), for
/// files it loads later (Leaflet, and the widget's CSS where it is linked).
#[wasm_bindgen(js_name = setAssetBase)]
pub fn set_asset_base(base: &str, names: &str) {
    assets::set_base(base, names);
}

/// `{ message, path }`: a refused config or attribute, in `lang`, as the builder
/// shows it beside the field `path` names.
fn error_detail(lang: i18n::Lang, error: &error::Error) -> JsValue {
    embed::object(&[
        ("message", &i18n::error_message(lang, error)),
        ("path", &error.path),
    ])
}

/// Validates a config with the widget's own rules, for the snippet builder:
/// `undefined` when it is valid, else `{ message, path }` in `lang` (`vi`/`en`).
#[wasm_bindgen(js_name = validateConfig)]
pub fn validate_config(json: &str, lang: &str) -> JsValue {
    let lang = i18n::Lang::from_tag(lang).unwrap_or_default();
    match config::parse_config(json) {
        Ok(_) => JsValue::UNDEFINED,
        Err(error) => error_detail(lang, &error),
    }
}

/// The Vietnamese lunar date of a `YYYY-MM-DD` day, as the widget writes it in
/// `lang` (`10/3 âm lịch`), for the snippet builder's date fields; `undefined`
/// for anything else or outside the lunar table (1899–2200). Builder only.
#[cfg(feature = "builder")]
#[wasm_bindgen(js_name = lunarDate)]
pub fn lunar_date(day: &str, lang: &str) -> Option<String> {
    let lang = i18n::Lang::from_tag(lang).unwrap_or_default();
    match time::parse_date_spec(day) {
        Ok(time::DateSpec::Day(date)) => {
            time::lunar::lunar_from_civil(date).map(|lunar| i18n::lunar_date(lang, lunar))
        }
        _ => None,
    }
}

/// The snippet for a CMS (`target`: `nukeviet`, `wordpress` or `html`), for the
/// snippet builder: `{ placeholder, site }` (what to paste where the widget goes,
/// and the line to add once per site), or `{ message, path }` in `lang` when the
/// config (JSON text, normalised to NFC by the caller) or an attribute is refused.
/// `sections` and `theme` are the attributes to set ("" for the defaults).
/// Builder only.
#[cfg(feature = "builder")]
#[wasm_bindgen]
pub fn snippet(
    json: &str,
    target: &str,
    dist_url: &str,
    lang: &str,
    sections: &str,
    theme: &str,
) -> JsValue {
    let lang = i18n::Lang::from_tag(lang).unwrap_or_default();
    let target = snippet::Target::from_name(target).unwrap_or(snippet::Target::Html);
    let options = snippet::SnippetOptions {
        target,
        dist_url,
        lang,
        sections: Some(sections),
        theme: Some(theme),
    };
    match snippet::snippet(json, &options) {
        Ok(made) => embed::object(&[("placeholder", &made.placeholder), ("site", &made.site)]),
        Err(error) => error_detail(lang, &error),
    }
}
