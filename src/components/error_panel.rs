//! Shown instead of the widget when it cannot show the campaign: what went wrong,
//! in the widget's language, with the page's fallback content kept below it.

use yew::prelude::*;

use campaign_core::i18n::Lang;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorPanelProps {
    /// The message, already in the widget's language (`keyDates[2].start: …`).
    pub message: AttrValue,
    /// The widget's language.
    pub lang: Lang,
}

/// The error panel.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let t = props.lang.strings();
    html! {
        <div class="cw" data-theme="auto" lang={props.lang.code()}>
            <div class="cw-error" role="alert">
                <p class="cw-error-title">{ t.error_title }</p>
                <p class="cw-error-hint">{ t.error_hint }</p>
                <p class="cw-error-message"><code>{ props.message.clone() }</code></p>
            </div>
            // The placeholder's own children (the webmaster's fallback) stay visible.
            <div class="cw-fallback"><slot></slot></div>
        </div>
    }
}
