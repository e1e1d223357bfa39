//! The timeline of the campaign's key dates, in date order.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Campaign, Repeat};
use crate::i18n::{date_range, Lang};

/// Props of [`KeyDates`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeyDatesProps {
    /// The campaign.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
}

/// The key-dates section.
#[component]
pub fn KeyDates(props: &KeyDatesProps) -> Html {
    let KeyDatesProps { campaign, lang } = props;
    let lang = *lang;
    let zone = campaign.timezone;
    let mut dates: Vec<_> = campaign.key_dates.iter().collect();
    dates.sort_by_key(|d| d.start.start_in(zone));
    html! {
        <section class="cw-section cw-dates" aria-labelledby="cw-dates-heading">
            <h3 class="cw-heading" id="cw-dates-heading">{ lang.strings().key_dates }</h3>
            <ol class="cw-timeline">
                { for dates.into_iter().map(|date| html! {
                    <li class="cw-timeline-item" key={date.id.clone()}>
                        <span class="cw-timeline-when">
                            { date_range(lang, date.start, date.end, zone) }
                            if date.repeat == Repeat::Yearly {
                                { " · " }{ lang.strings().yearly }
                            }
                        </span>
                        <span class="cw-timeline-title">{ date.title.get(lang) }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}
