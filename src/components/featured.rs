//! The featured date's title, date and anniversary. Its props change only when
//! the featured date or its state does, so a tick does not re-render it.

use std::rc::Rc;

use yew::prelude::*;

use campaign_core::config::Campaign;
use campaign_core::i18n::{anniversary, clock_time, long_date, lunar_date, zone_label, Lang};
use campaign_core::time::{start_date, to_civil, DateSpec, Occurrence, State};

/// Props of [`Featured`].
#[derive(Properties, PartialEq, Clone)]
pub struct FeaturedProps {
    /// The campaign.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
    /// The featured key date's id.
    pub id: AttrValue,
    /// Its current or next occurrence.
    pub occurrence: Occurrence,
    /// Its state.
    pub state: State,
}

/// The featured date.
#[component]
pub fn Featured(props: &FeaturedProps) -> Html {
    let FeaturedProps {
        campaign,
        lang,
        id,
        occurrence,
        state,
    } = props;
    let lang = *lang;
    let zone = campaign.timezone;
    let Some(date) = campaign.key_dates.iter().find(|d| d.id == id.as_str()) else {
        return html! {};
    };
    let mut when = long_date(lang, start_date(occurrence, zone));
    if let Some(lunar) = occurrence.lunar {
        when = format!("{when} ({})", lunar_date(lang, lunar));
    }
    if let DateSpec::Instant { at, .. } = occurrence.start_spec {
        when = format!(
            "{when}, {} ({})",
            clock_time(to_civil(at, zone).1),
            zone_label(lang, zone)
        );
    }
    html! {
        <>
            if *state == State::Ongoing {
                <p class="cw-badge cw-badge-ongoing">{ lang.strings().ongoing }</p>
            }
            <p class="cw-featured-title">{ date.title.get(lang) }</p>
            <p class="cw-featured-when">
                if let Some(years) = occurrence.anniversary.filter(|y| *y > 0) {
                    <span class="cw-anniversary">{ anniversary(lang, years) }</span>{ " · " }
                }
                <time>{ when }</time>
            </p>
        </>
    }
}
