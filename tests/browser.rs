//! Browser tests: components rendered by Yew in headless Chromium
//! (wasm-bindgen-test; run by `cargo xtask test`).
#![cfg(target_arch = "wasm32")]
// Test helpers may panic: a panic here is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::rc::Rc;

use campaign_core::config::{default_campaign, parse_config, Campaign};
use campaign_core::i18n::Lang;
use campaign_widget::components::{Summary, SummaryProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Lets Yew's scheduler and the browser run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Clicks a "show more" button until it says it is expanded. Its listener is
/// attached by an effect after the first render, which on a loaded machine can
/// come after a test's first click; each click gets a few frames, and a click
/// that landed re-renders within a microtask, so none toggles back.
async fn expand(button: &HtmlElement) {
    for _ in 0..20 {
        if button.get_attribute("aria-expanded").as_deref() == Some("true") {
            return;
        }
        button.click();
        for _ in 0..5 {
            settle().await;
        }
    }
}

fn container() -> Element {
    let div = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.get(i)?.text_content())
        .collect()
}

fn campaign() -> Rc<Campaign> {
    Rc::new(default_campaign().expect("the default campaign"))
}

#[wasm_bindgen_test]
async fn summary_renders_the_default_campaign() {
    let root = container();
    let props = SummaryProps {
        campaign: campaign(),
        lang: Lang::Vi,
    };
    let app = yew::Renderer::<Summary>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let title = texts(&root, "h2");
    assert_eq!(title.len(), 1);
    assert!(title[0].starts_with("Phong trào thi đua"), "{title:?}");
    let facts = texts(&root, "dd");
    assert_eq!(facts[0], "Văn phòng HĐND tỉnh Đồng Nai");
    assert!(facts[1].starts_with("Chỉ thị số 01/CT-UBND ngày 05/01/2021"));
    // Eight goals: four shown, the rest behind "Xem thêm".
    assert_eq!(texts(&root, "ol.cw-goals > li").len(), 4);
    let source = root
        .query_selector(".cw-source a")
        .ok()
        .flatten()
        .expect("a source link");
    assert_eq!(
        source.get_attribute("href").as_deref(),
        Some("https://hdnd.dongnai.gov.vn/")
    );
    assert_eq!(
        source.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(texts(&root, ".cw-source").join(" ").contains("Kiếm Long"));

    let more: HtmlElement = root
        .query_selector(".cw-more")
        .ok()
        .flatten()
        .expect("a button")
        .unchecked_into();
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    expand(&more).await;
    assert_eq!(texts(&root, "ol.cw-goals > li").len(), 8);
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn summary_speaks_english() {
    let root = container();
    let props = SummaryProps {
        campaign: campaign(),
        lang: Lang::En,
    };
    let app = yew::Renderer::<Summary>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(texts(&root, "dt")[0], "Issued by");
    assert_eq!(
        texts(&root, "dd")[0],
        "Office of the Đồng Nai Provincial People's Council"
    );
    assert!(texts(&root, ".cw-more")[0].starts_with("Show more"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn markup_in_config_text_is_shown_as_text() {
    let json = r#"{"schema": 1, "title": "<script>alert(1)</script>",
        "organization": "<img src=x onerror=alert(2)>", "summary": "A &amp; B &lt;b&gt;",
        "keyDates": []}"#;
    let campaign = Rc::new(parse_config(json).expect("valid").campaign);
    let root = container();
    let props = SummaryProps {
        campaign,
        lang: Lang::Vi,
    };
    let app = yew::Renderer::<Summary>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(texts(&root, "h2")[0], "<script>alert(1)</script>");
    assert_eq!(texts(&root, "dd")[0], "<img src=x onerror=alert(2)>");
    assert_eq!(texts(&root, ".cw-lead")[0], "A &amp; B &lt;b&gt;");
    assert!(root
        .query_selector("script, img, b")
        .ok()
        .flatten()
        .is_none());
    app.destroy();
}

#[wasm_bindgen_test]
async fn mounts_into_an_open_shadow_root_with_adopted_styles() {
    let (host, shadow) = mounted_with(
        "campaign-widget",
        &[("lang", "en")],
        "<p class='fallback'>fallback</p>",
        None,
    )
    .await;
    let title = shadow
        .query_selector("h2")
        .ok()
        .flatten()
        .and_then(|h| h.text_content());
    assert_eq!(
        title.as_deref(),
        Some("2021 emulation movement for socio-economic development, defence and security")
    );
    let sheets =
        js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).expect("adoptedStyleSheets");
    assert_eq!(js_sys::Array::from(&sheets).length(), 1);
    // No <style> element and no style attribute anywhere in the widget.
    assert!(shadow
        .query_selector("style, [style]")
        .ok()
        .flatten()
        .is_none());
    // Events work inside the shadow root.
    let more: HtmlElement = shadow
        .query_selector(".cw-more")
        .ok()
        .flatten()
        .expect("a button")
        .unchecked_into();
    expand(&more).await;
    assert_eq!(
        shadow
            .query_selector_all("ol.cw-goals > li")
            .map(|l| l.length())
            .ok(),
        Some(8)
    );

    assert!(campaign_widget::unmount(host.clone()));
    assert!(!campaign_widget::unmount(host.clone()));
    // The fallback shows again through a bare slot.
    assert!(shadow.query_selector("slot").ok().flatten().is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_config_shows_the_error_panel_and_keeps_the_fallback() {
    // The config text as the loader passes it (from an inline script, the
    // `campaign` attribute or a `config` URL).
    let config = r#"{"schema": 1, "title": "x", "organization": "y",
        "summary": "z", "keyDates": [{"id": "a", "title": "t", "start": "2021-02-30"}]}"#;
    let (host, shadow) = mounted_with(
        "div",
        &[("data-campaign-widget", "")],
        "<p>fallback</p>",
        Some(config),
    )
    .await;
    let alert = shadow
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .and_then(|a| a.text_content())
        .unwrap_or_default();
    assert!(
        alert.contains("keyDates[0].start: \"2021-02-30\" không phải ngày hợp lệ"),
        "{alert}"
    );
    assert!(shadow.query_selector("slot").ok().flatten().is_some());
    campaign_widget::unmount(host.clone());
    host.remove();
}

async fn mounted(attributes: &[(&str, &str)]) -> (HtmlElement, web_sys::ShadowRoot) {
    mounted_with("campaign-widget", attributes, "", None).await
}

/// A placeholder `<tag>` with `attributes` and `inner` HTML, mounted with the
/// `config` text (as the loader reads it) and rendered.
async fn mounted_with(
    tag: &str,
    attributes: &[(&str, &str)],
    inner: &str,
    config: Option<&str>,
) -> (HtmlElement, web_sys::ShadowRoot) {
    let host: HtmlElement = document()
        .create_element(tag)
        .expect("an element")
        .unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).expect("attribute");
    }
    host.set_inner_html(inner);
    document()
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    // As embed.js does: the built-in campaign's JSON for a placeholder without a config.
    let config = config.unwrap_or(campaign_core::config::DEFAULT_CAMPAIGN_JSON);
    campaign_widget::mount(host.clone(), Some(config.to_owned()), None).expect("mounted");
    settle().await;
    let shadow = host.shadow_root().expect("a shadow root");
    (host, shadow)
}

fn shadow_texts(shadow: &web_sys::ShadowRoot, selector: &str) -> Vec<String> {
    let list = shadow.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.get(i)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn a_frozen_clock_features_the_97th_anniversary() {
    let (host, shadow) = mounted(&[
        ("now", "2026-11-25T10:00:00+07:00"),
        ("sections", "countdown"),
    ])
    .await;
    assert_eq!(
        shadow_texts(&shadow, ".cw-featured-title"),
        ["Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)"]
    );
    assert_eq!(
        shadow_texts(&shadow, ".cw-featured-when"),
        ["Kỷ niệm 97 năm · Thứ Tư, 03/02/2027"]
    );
    assert_eq!(shadow_texts(&shadow, ".cw-value"), ["69", "14", "00", "00"]);
    assert_eq!(
        shadow_texts(&shadow, ".cw-unit-label"),
        ["ngày", "giờ", "phút", "giây"]
    );
    // A frozen clock does not tick, so there is nothing to pause.
    assert!(shadow.query_selector(".cw-pause").ok().flatten().is_none());
    // The timeline: held one-off dates first, then the next anniversary.
    let states = shadow_texts(&shadow, ".cw-timeline-item .cw-state");
    assert_eq!(
        states,
        [
            "Đã diễn ra",
            "Đã diễn ra",
            "Đã diễn ra",
            "Đã diễn ra",
            "còn 69 ngày"
        ]
    );
    assert_eq!(
        shadow_texts(&shadow, "[aria-live=polite]"),
        ["Còn 69 ngày đến Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)."]
    );
    assert_eq!(shadow_texts(&shadow, "[role=timer]").len(), 1);
    // sections="countdown": no summary.
    assert!(shadow
        .query_selector(".cw-summary")
        .ok()
        .flatten()
        .is_none());
    campaign_widget::unmount(host.clone());
    host.remove();
}

#[wasm_bindgen_test]
async fn polling_day_is_ongoing_and_counts_to_the_end() {
    let (host, shadow) = mounted(&[("now", "2021-05-23T08:30:00+07:00"), ("lang", "en")]).await;
    assert_eq!(shadow_texts(&shadow, ".cw-badge"), ["Happening now"]);
    assert_eq!(shadow_texts(&shadow, ".cw-digits-label"), ["Ends in"]);
    assert_eq!(shadow_texts(&shadow, ".cw-value"), ["0", "10", "30", "00"]);
    assert_eq!(
        shadow_texts(&shadow, ".cw-featured-when"),
        ["Sunday, 23/05/2021, 07:00 (Vietnam time)"]
    );
    campaign_widget::unmount(host.clone());
    host.remove();
}

#[wasm_bindgen_test]
async fn when_every_date_is_held_the_section_says_so() {
    let config = r#"{"schema": 1, "title": "T", "organization": "O", "summary": "S",
        "keyDates": [{"id": "a", "title": "A", "start": "2021-01-05"}]}"#;
    let (host, shadow) = mounted_with(
        "campaign-widget",
        &[("now", "2030-01-01T00:00:00Z")],
        "",
        Some(config),
    )
    .await;
    assert_eq!(
        shadow_texts(&shadow, ".cw-all-held"),
        ["Các mốc thời gian của chiến dịch đều đã diễn ra."]
    );
    assert!(shadow.query_selector(".cw-digits").ok().flatten().is_none());
    assert_eq!(shadow_texts(&shadow, ".cw-timeline-when"), ["05/01/2021"]);
    campaign_widget::unmount(host.clone());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_now_attribute_is_named() {
    let (host, shadow) = mounted(&[("now", "2021-05-23 07:00"), ("lang", "en")]).await;
    let alert = shadow_texts(&shadow, "[role=alert] code");
    assert_eq!(
        alert,
        ["now: \"2021-05-23 07:00\" is not a date: write YYYY-MM-DD or RFC 3339 with an offset"]
    );
    campaign_widget::unmount(host.clone());
    host.remove();
}
