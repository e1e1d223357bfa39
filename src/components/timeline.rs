//! The timeline: every key date in order of its current or next occurrence, with
//! its state, its date (range), how far it is, and links that add it (or all of
//! them) to a calendar as an .ics file made in the browser.

use std::rc::Rc;

use yew::prelude::*;

use campaign_core::config::{Campaign, KeyDate};
use campaign_core::i18n::{anniversary, date_range, time_until, Lang};
use campaign_core::time::{ics, statuses, Millis, Recurrence, Remaining, State};

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

    html! {
        <div class="cw-timeline-block">
            <h4 class="cw-subheading" id="cw-dates-heading">{ t.key_dates }</h4>
            <ol class="cw-timeline" aria-labelledby="cw-dates-heading">
                { for list.iter().map(|status| {
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
                                if status.state != State::Held || recurrence != Recurrence::Once {
                                    { " · " }
                                    <a class="cw-ics" href={ics_href(&[date], campaign, lang, now)}
                                        download={format!("{}.ics", date.id)}>
                                        { t.add_to_calendar }
                                        <span class="cw-visually-hidden">{ ": " }{ date.title.get(lang) }</span>
                                    </a>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ol>
            if !all.is_empty() {
                <a class="cw-ics cw-ics-all" href={ics_href(&all, campaign, lang, now)} download="campaign.ics">
                    { t.add_all_to_calendar }
                </a>
            }
        </div>
    }
}
