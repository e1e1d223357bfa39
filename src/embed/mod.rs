//! Everything that touches the host page: reading a placeholder's attributes,
//! its open shadow root and styles, the mounted Yew apps, and the events the
//! page can listen to.

pub mod assets;
mod attributes;
pub mod clock;
mod events;
mod fetch;
pub mod styles;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::components::{ErrorPanel, ErrorPanelProps, Widget, WidgetProps};
use crate::config::{default_campaign, parse_config, parse_sections, parse_theme};
use crate::error::{quote, Error, Reason};
use crate::i18n::{error_message, Lang};
use crate::time::{parse_date_spec, DateError, DateSpec};
use attributes::Attributes;
use clock::Clock;

/// A Yew app rendered into one placeholder's shadow root.
enum App {
    /// The config is still loading; the fallback content shows meanwhile.
    Pending,
    Widget(AppHandle<Widget>),
    Error(AppHandle<ErrorPanel>),
}

struct Mounted {
    host: HtmlElement,
    /// Distinguishes this mount from a later one of the same element, so a config
    /// that arrives after a re-mount or an unmount is dropped.
    generation: u64,
    app: App,
}

thread_local! {
    /// Every mounted instance; they share this one wasm instance.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Mounts (or re-mounts) the widget into `host`, reading its attributes and
/// loading its config. A bad config renders the error panel and fires
/// `campaign-widget:error`; only a browser without shadow DOM makes this fail.
pub async fn mount(host: HtmlElement) -> Result<(), JsValue> {
    unmount(&host);
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host: host.clone(),
            generation,
            app: App::Pending,
        })
    });

    let attributes = Attributes::read(&host);
    let lang = attributes.lang();
    let props = widget_props(&host, &attributes, lang).await;
    let still_wanted = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .any(|e| e.host == host && e.generation == generation)
    });
    if !still_wanted {
        return Ok(());
    }

    let shadow = match prepare_shadow_root(&host) {
        Ok(shadow) => shadow,
        Err(error) => {
            forget(&host);
            return Err(error);
        }
    };
    let root = host
        .owner_document()
        .ok_or("no document")?
        .create_element("div")?;
    root.set_class_name("cw-root");
    shadow.append_child(&root)?;
    // What to tell the page once the first render is in the DOM.
    let mut outcome = Ok(());
    let app = match props {
        Ok(props) => {
            App::Widget(yew::Renderer::<Widget>::with_root_and_props(root, props).render())
        }
        Err(error) => {
            let message = error_message(lang, &error);
            web_sys::console::error_1(&format!("campaign-widget: {message}").into());
            let props = ErrorPanelProps {
                message: message.clone().into(),
                lang,
            };
            outcome = Err((message, error.path));
            App::Error(yew::Renderer::<ErrorPanel>::with_root_and_props(root, props).render())
        }
    };
    MOUNTED.with(|m| {
        if let Some(entry) = m
            .borrow_mut()
            .iter_mut()
            .find(|e| e.host == host && e.generation == generation)
        {
            entry.app = app;
        }
    });
    // Yew renders in a task queued on the microtask queue; one more microtask
    // and the widget is in the DOM when the page hears about it.
    let _ =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
    let current = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .any(|e| e.host == host && e.generation == generation)
    });
    if current {
        match outcome {
            Ok(()) => events::ready(&host, lang),
            Err((message, path)) => events::error(&host, &message, &path),
        }
    }
    Ok(())
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
    let Some(Mounted { host, app, .. }) = forget(host) else {
        return false;
    };
    match app {
        App::Pending => return true,
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
    styles::adopt(&shadow)?;
    Ok(shadow)
}

async fn widget_props(
    host: &HtmlElement,
    attributes: &Attributes,
    lang: Lang,
) -> Result<WidgetProps, Error> {
    let sections = parse_sections(attributes.get("sections").as_deref())?;
    let theme = parse_theme(attributes.get("theme").as_deref())?;
    let clock = match attributes.get("now") {
        None => Clock::device(),
        Some(now) => match parse_date_spec(now.trim()) {
            Ok(DateSpec::Instant { at, .. }) => Clock::Frozen(at),
            Ok(DateSpec::Day(_)) => {
                return Err(Error::at(
                    "now",
                    Reason::Date {
                        value: quote(&now),
                        error: DateError::Format,
                    },
                ))
            }
            Err(error) => {
                return Err(Error::at(
                    "now",
                    Reason::Date {
                        value: quote(&now),
                        error,
                    },
                ))
            }
        },
    };
    // Precedence: the inline JSON child, then the `config` URL, then the default.
    let json = match (
        inline_config(host),
        attributes.get("config").filter(|c| !c.trim().is_empty()),
    ) {
        (Some(json), _) => Some(json),
        (None, Some(url)) => Some(fetch::fetch_config(&url, &page_base(host)).await?),
        (None, None) => None,
    };
    let campaign = match json {
        Some(json) => {
            let parsed = parse_config(&json)?;
            for path in &parsed.unknown_fields {
                web_sys::console::warn_1(
                    &format!("campaign-widget: unknown config field {path} ignored").into(),
                );
            }
            parsed.campaign
        }
        None => default_campaign()?,
    };
    Ok(WidgetProps {
        campaign: Rc::new(campaign),
        lang,
        sections: sections.into(),
        theme,
        clock,
    })
}

/// The page's base URL, against which a relative `config` URL resolves.
fn page_base(host: &HtmlElement) -> String {
    host.owner_document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The text of an inline `<script type="application/json">` child, if any.
fn inline_config(host: &HtmlElement) -> Option<String> {
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()??;
    script.dyn_into::<HtmlElement>().ok()?.text_content()
}
