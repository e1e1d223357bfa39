//! The wasm entry point Trunk builds. Everything lives in the library; the page's
//! `embed.js` calls its exports (`mount`, `unmount`, …) once the module is loaded.

// Links the library, whose #[wasm_bindgen] exports are the widget.
use campaign_widget as _;

fn main() {
    // Nothing to start: widgets mount when embed.js finds their placeholders.
}
