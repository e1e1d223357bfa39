//! Everything that touches the host page: reading a placeholder's attributes,
//! its open shadow root and the widget's stylesheet, and the mounted Yew apps.
//! The top of the widget crate: it may use components, the clock and the
//! assets; nothing below imports it.

mod attributes;
pub mod styles;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::clock::Clock;
use crate::components::{ErrorPanel, ErrorPanelProps, Widget, WidgetProps};
use attributes::Attributes;
use campaign_core::config::{parse_config, parse_now, parse_sections, parse_theme};
use campaign_core::error::{Error, Reason};
use campaign_core::i18n::{error_message, Lang};

/// A Yew app rendered into one placeholder's shadow root.
enum App {
    Widget(AppHandle<Widget>),
    Error(AppHandle<ErrorPanel>),
}

struct Mounted {
    host: HtmlElement,
    app: App,
}

thread_local! {
    /// Every mounted instance; they share this one wasm instance.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Mounts (or re-mounts) the widget into `host`, reading its attributes.
///
/// The loader fetches a `config` URL (or, for a placeholder without any
/// config, the built-in campaign from dist/) itself, in parallel with the
/// wasm, and hands over the text (`fetched`) or why it could not
/// (`fetch_failure`, see [`Error::fetch_failed`]); neither is refused as a
/// missing config. A bad config renders the error panel. Returns what the
/// loader tells the page once the render is in the DOM: `{lang}` for
/// `campaign-widget:ready`, `{message, path}` for `campaign-widget:error`.
/// Only a browser without shadow DOM makes this fail.
pub fn mount(
    host: HtmlElement,
    fetched: Option<String>,
    fetch_failure: Option<String>,
) -> Result<JsValue, JsValue> {
    unmount(&host);
    let attributes = Attributes::read(&host);
    let lang = attributes.lang();
    let props = widget_props(&attributes, lang, fetched, fetch_failure);
    let shadow = prepare_shadow_root(&host)?;
    let root = host
        .owner_document()
        .ok_or("no document")?
        .create_element("div")?;
    root.set_class_name("cw-root");
    shadow.append_child(&root)?;
    styles::apply(&shadow, &root)?;
    let (app, outcome) = match props {
        Ok(props) => (
            App::Widget(yew::Renderer::<Widget>::with_root_and_props(root, props).render()),
            object(&[("lang", lang.code())]),
        ),
        Err(error) => {
            let message = error_message(lang, &error);
            web_sys::console::error_1(&format!("campaign-widget: {message}").into());
            let outcome = object(&[("message", &message), ("path", &error.path)]);
            let props = ErrorPanelProps {
                message: message.into(),
                lang,
            };
            let app = yew::Renderer::<ErrorPanel>::with_root_and_props(root, props).render();
            (App::Error(app), outcome)
        }
    };
    MOUNTED.with(|m| m.borrow_mut().push(Mounted { host, app }));
    Ok(outcome)
}

/// A plain JS object with string properties.
pub fn object(properties: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in properties {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}

fn forget(host: &HtmlElement) -> Option<Mounted> {
    MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let index = mounted.iter().position(|entry| &entry.host == host)?;
        Some(mounted.swap_remove(index))
    })
}

/// Unmounts the widget from `host`, if it is mounted there, and shows the
/// placeholder's fallback content again. Returns whether it was mounted.
pub fn unmount(host: &HtmlElement) -> bool {
    let Some(Mounted { host, app }) = forget(host) else {
        return false;
    };
    match app {
        App::Widget(app) => app.destroy(),
        App::Error(app) => app.destroy(),
    }
    if let Some(shadow) = host.shadow_root() {
        shadow.set_inner_html("");
        // A bare slot renders the light-DOM children: the webmaster's fallback.
        if let Some(slot) = host
            .owner_document()
            .and_then(|d| d.create_element("slot").ok())
        {
            let _ = shadow.append_child(&slot);
        }
    }
    true
}

/// How many widgets are mounted on the page.
pub fn mounted_count() -> usize {
    MOUNTED.with(|m| m.borrow().len())
}

fn prepare_shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_inner_html("");
            shadow
        }
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                let error = Error::at(
                    "",
                    Reason::Browser {
                        detail: "attachShadow".into(),
                    },
                );
                JsValue::from_str(&error_message(Lang::En, &error))
            })?,
    };
    Ok(shadow)
}

fn widget_props(
    attributes: &Attributes,
    lang: Lang,
    fetched: Option<String>,
    fetch_failure: Option<String>,
) -> Result<WidgetProps, Error> {
    let sections = parse_sections(attributes.get("sections").as_deref())?;
    let theme = parse_theme(attributes.get("theme").as_deref())?;
    let clock = match attributes.get("now") {
        None => Clock::Device,
        Some(now) => Clock::Frozen(parse_now(&now)?),
    };
    // The loader read the config (inline, `campaign` attribute, `config` URL,
    // or the built-in campaign's file in dist/) or says why it could not. The
    // built-in campaign is not in the wasm: it would cost every visitor 2.4 KB.
    let json = match (fetched, fetch_failure) {
        (Some(json), _) => json,
        (None, Some(failure)) => {
            let attribute = attributes.get("config").unwrap_or_default();
            return Err(Error::fetch_failed(&failure, &attribute));
        }
        (None, None) => return Err(Error::at("config", Reason::Missing)),
    };
    let parsed = parse_config(&json)?;
    for path in &parsed.unknown_fields {
        web_sys::console::warn_1(
            &format!("campaign-widget: unknown config field {path} ignored").into(),
        );
    }
    let campaign = parsed.campaign;
    Ok(WidgetProps {
        campaign: Rc::new(campaign),
        lang,
        sections: sections.into(),
        theme,
        clock,
    })
}
