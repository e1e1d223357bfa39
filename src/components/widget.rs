//! The whole widget: the sections the embed asked for, in its order, and the
//! share button (unless the config's `share` is `false`).

use std::rc::Rc;

use yew::prelude::*;

use super::{Countdown, Place, ShareButton, Summary};
use crate::clock::Clock;
use campaign_core::config::{Campaign, Section, Theme};
use campaign_core::i18n::Lang;

/// What one mounted widget shows.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The campaign, validated.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
    /// The sections to show, in order.
    pub sections: Rc<[Section]>,
    /// The colour theme.
    #[prop_or_default]
    pub theme: Theme,
    /// Where the time comes from (frozen by the `now` attribute, or the device's).
    pub clock: Clock,
}

/// The root component of one widget instance.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let WidgetProps {
        campaign,
        lang,
        sections,
        theme,
        clock,
    } = props;
    let label = format!(
        "{}: {}",
        lang.strings().widget_label,
        campaign.title.get(*lang)
    );
    let section = |section: &Section| match section {
        Section::Summary => html! { <Summary campaign={campaign.clone()} lang={*lang} /> },
        Section::Countdown => {
            html! { <Countdown campaign={campaign.clone()} lang={*lang} clock={*clock} /> }
        }
        Section::Map => match &campaign.map {
            Some(map) => html! { <Place map={Rc::new(map.clone())} lang={*lang} /> },
            None => html! {},
        },
    };
    html! {
        // Dynamic state goes in data- attributes, never in `class`: a class that is
        // not a literal makes Yew build a `Classes` set (an IndexSet), whose code
        // costs 4 KB of download.
        <article class="cw" data-theme={theme.code()} lang={lang.code()} aria-label={label}>
            { for sections.iter().map(section) }
            if campaign.share {
                <ShareButton lang={*lang} title={AttrValue::from(campaign.title.get(*lang).to_owned())}
                    summary={AttrValue::from(campaign.summary.get(*lang).to_owned())} />
            }
        </article>
    }
}
