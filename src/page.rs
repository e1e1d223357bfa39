//! What the widget reads of the page and the browser to pass the campaign on:
//! the page's address (`location.href`), whether the browser is an app's
//! embedded one (`navigator.userAgent`), and the share sheet or clipboard,
//! reached through embed.js's `shareLink` (static/embed.js, `glue`).

use wasm_bindgen::prelude::*;

use campaign_core::share::{is_in_app_browser, share_url};

#[wasm_bindgen]
extern "C" {
    /// embed.js's `shareLink(title, text, url)`: the Web Share API's
    /// `navigator.share({title, text, url})`, else (missing, or refused other
    /// than by the visitor) the URL written to the clipboard. Resolves to
    /// `"shared"`, `"cancelled"` (the visitor closed the share sheet),
    /// `"copied"`, or `""` when neither worked.
    #[wasm_bindgen(js_name = shareLink)]
    pub fn share_link(title: &str, text: &str, url: &str) -> js_sys::Promise;
}

/// The page's address as a visitor shares it and a calendar event links back
/// to ([`share_url`]: no fragment, no tracking parameters); empty outside a
/// window.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| share_url(&href))
        .unwrap_or_default()
}

/// Whether the widget runs in an app's embedded browser (Zalo, Facebook, an
/// Android WebView), where a file link does not download ([`is_in_app_browser`]).
pub fn in_app_browser() -> bool {
    web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .is_some_and(|agent| is_in_app_browser(&agent))
}
