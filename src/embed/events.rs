//! The events a host page can listen to on the placeholder. Both bubble and are
//! composed, so a listener on `document` hears every instance.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::i18n::Lang;

/// `campaign-widget:ready`: the widget has rendered.
pub fn ready(host: &HtmlElement, lang: Lang) {
    dispatch(host, "campaign-widget:ready", &[("lang", lang.code())]);
}

/// `campaign-widget:error`, with `detail.message` and `detail.path`.
pub fn error(host: &HtmlElement, message: &str, path: &str) {
    dispatch(
        host,
        "campaign-widget:error",
        &[("message", message), ("path", path)],
    );
}

fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, &str)]) {
    let object = Object::new();
    for (key, value) in detail {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws must not stop the widget; the browser reports it.
        let _ = host.dispatch_event(&event);
    }
}
