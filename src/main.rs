//! The wasm entry point Trunk builds. Everything lives in the library; the page's
//! `embed.js` calls its exports (`mount`, `unmount`) once the module is loaded.

fn main() {
    // Nothing to start: widgets mount when embed.js finds their placeholders.
    let _ = campaign_widget::version;
}
