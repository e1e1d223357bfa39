//! "Chia sẻ": passes the campaign on through the device's share sheet (the
//! Web Share API: Zalo, Messenger, mail…), or, where there is none (desktop
//! Firefox, Android WebViews), copies the page's link and says so. Nothing is
//! sent anywhere before the visitor presses it: no social network's script,
//! frame or pixel.

use yew::prelude::*;

use crate::hooks::use_click;
use crate::page::{page_url, share_link};
use campaign_core::i18n::Lang;
use campaign_core::share::share_text;

/// Props of [`ShareButton`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareButtonProps {
    /// The campaign's title, in the widget's language.
    pub title: AttrValue,
    /// The campaign's summary, of which the first sentence is shared.
    pub summary: AttrValue,
    /// The widget's language.
    pub lang: Lang,
}

/// What the last press did, as the status line says it.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Nothing to say: not pressed yet, shared, or the share sheet closed.
    Quiet,
    /// The link is on the clipboard.
    Copied,
    /// Neither worked: the link is shown for the visitor to copy.
    CopyByHand(AttrValue),
}

/// The share button and its status line.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let ShareButtonProps {
        title,
        summary,
        lang,
    } = props;
    let t = lang.strings();
    let outcome = use_state(|| Outcome::Quiet);
    let button = use_node_ref();
    {
        let (outcome, title, summary) = (outcome.clone(), title.clone(), summary.clone());
        use_click(
            button.clone(),
            Callback::from(move |()| {
                let url = page_url();
                let shared = share_link(&title, &share_text(&summary), &url);
                let outcome = outcome.clone();
                // A second press says "copied" again: the live region must change
                // to be heard, so it is emptied first.
                outcome.set(Outcome::Quiet);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = wasm_bindgen_futures::JsFuture::from(shared).await;
                    outcome.set(match result.ok().and_then(|r| r.as_string()).as_deref() {
                        Some("copied") => Outcome::Copied,
                        Some("shared" | "cancelled") => Outcome::Quiet,
                        _ => Outcome::CopyByHand(url.into()),
                    });
                });
            }),
        );
    }
    html! {
        <div class="cw-share">
            <button type="button" class="cw-button cw-share-button" ref={button}>{ t.share }</button>
            <p class="cw-share-status" role="status">
                { match &*outcome {
                    Outcome::Quiet => html! {},
                    Outcome::Copied => html! { t.link_copied },
                    // Plain text, selectable: one press of a long tap copies it.
                    Outcome::CopyByHand(url) => html! {
                        <>{ t.copy_this_link }{ " " }<span class="cw-share-link">{ url.clone() }</span></>
                    },
                } }
            </p>
        </div>
    }
}
