//! The timeline: every key date in order of its current or next occurrence, with
//! its state, its date (range), how far it is, and the choices that add it (or
//! all of them) to a calendar: a Google Calendar link, an .ics file made in the
//! browser ([`CalendarChoices`]).

use std::rc::Rc;

use yew::prelude::*;

use super::{calendar_choices, CalendarChoices, GoogleLink};
use crate::page::{in_app_browser, page_url};
use campaign_core::config::{Campaign, KeyDate};
use campaign_core::i18n::{anniversary, date_range, time_until, Lang};
use campaign_core::time::calendar_link::{google_calendar_link, EventText};
use campaign_core::time::{ics, statuses, Millis, Occurrence, Recurrence, Remaining, State};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// The campaign.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
    /// The current instant, rounded down to the minute (so a tick does not
    /// re-render the timeline).
    pub now: Millis,
}

/// A `data:` URL of an .ics file, for a plain link with `download`.
fn ics_href(dates: &[&KeyDate], campaign: &Campaign, lang: Lang, now: Millis) -> String {
    let events: Vec<ics::Event> = dates
        .iter()
        .map(|date| ics::Event {
            uid: &date.id,
            summary: date.title.get(lang),
            date: &date.when,
        })
        .collect();
    let calendar = ics::calendar(&events, campaign.timezone, now);
    format!(
        "data:text/calendar;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&calendar))
    )
}

/// The Google Calendar link of `date`'s `occurrence` (the one the timeline
/// shows): its title, the campaign's title and `page` (the page's URL) as the
/// description, the first place's address as the location.
fn google_link(
    date: &KeyDate,
    occurrence: &Occurrence,
    campaign: &Campaign,
    lang: Lang,
    page: &str,
) -> GoogleLink {
    let title = date.title.get(lang);
    let details = format!("{}\n{page}", campaign.title.get(lang));
    let location = campaign
        .map
        .as_ref()
        .and_then(|map| map.markers.first())
        .map(|marker| marker.address.get(lang))
        .filter(|address| !address.is_empty());
    let text = EventText {
        title,
        details: details.trim_end(),
        location,
    };
    GoogleLink {
        title: AttrValue::from(title.to_owned()),
        href: google_calendar_link(occurrence, campaign.timezone, text).into(),
    }
}

/// The timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let TimelineProps {
        campaign,
        lang,
        now,
    } = props;
    let (lang, now, t) = (*lang, *now, lang.strings());
    let zone = campaign.timezone;
    let list = statuses(&campaign.key_dates, zone, now);
    let all: Vec<&KeyDate> = campaign.key_dates.iter().collect();
    let (page, in_app) = (page_url(), in_app_browser());
    // A date can go to a calendar while it is still to come or recurs.
    let addable = |state: State, recurrence: Recurrence| {
        state != State::Held || recurrence != Recurrence::Once
    };
    // Each date's link, in the timeline's order, `None` for one that is over.
    let links: Vec<Option<GoogleLink>> = list
        .iter()
        .map(|status| {
            addable(status.state, status.item.when.recurrence)
                .then(|| google_link(status.item, &status.occurrence, campaign, lang, &page))
        })
        .collect();

    html! {
        <div class="cw-timeline-block">
            <h4 class="cw-subheading" id="cw-dates-heading">{ t.key_dates }</h4>
            <ol class="cw-timeline" aria-labelledby="cw-dates-heading">
                { for list.iter().zip(links).map(|(status, link)| {
                    let date = status.item;
                    let recurrence = date.when.recurrence;
                    let occurrence = status.occurrence;
                    let (state, state_text) = match status.state {
                        State::Upcoming => ("upcoming", time_until(lang, Remaining::between(now, occurrence.start))),
                        State::Ongoing => ("ongoing", t.ongoing.to_owned()),
                        State::Held => ("held", t.held.to_owned()),
                    };
                    html! {
                        <li class="cw-timeline-item" data-state={state} key={date.id.clone()}>
                            <span class="cw-timeline-when">
                                { date_range(lang, (occurrence.start_spec, occurrence.end_spec), occurrence.lunar, zone) }
                                if recurrence == Recurrence::Yearly {
                                    { " · " }{ t.yearly }
                                }
                                if recurrence == Recurrence::YearlyLunar {
                                    { " · " }{ t.yearly_lunar }
                                }
                            </span>
                            <span class="cw-timeline-title">{ date.title.get(lang) }</span>
                            <span class="cw-timeline-meta">
                                <span class="cw-state">{ state_text }</span>
                                if let Some(years) = occurrence.anniversary.filter(|y| *y > 0) {
                                    { " · " }{ anniversary(lang, years) }
                                }
                            </span>
                            if let Some(link) = link {
                                { calendar_choices(&CalendarChoices {
                                    lang,
                                    date: Some(link),
                                    ics_href: ics_href(&[date], campaign, lang, now).into(),
                                    ics_name: format!("{}.ics", date.id).into(),
                                    in_app,
                                }) }
                            }
                        </li>
                    }
                }) }
            </ol>
            if !all.is_empty() {
                <div class="cw-calendar-all">
                    { calendar_choices(&CalendarChoices {
                        lang,
                        date: None,
                        ics_href: ics_href(&all, campaign, lang, now).into(),
                        ics_name: "campaign.ics".into(),
                        in_app,
                    }) }
                </div>
            }
        </div>
    }
}
