//! "Thêm vào lịch": one control that opens the ways to put a date in a
//! calendar, since no single way works everywhere. Google Calendar's link is
//! what Android phones and in-app browsers can use; the `.ics` file is what
//! iPhones, Outlook and other calendars open. In an app's embedded browser (Zalo,
//! Facebook), where a file does not download, one line says how to open the page
//! in the browser instead.
//!
//! A native `<details>`: keyboard and screen reader support come with it (a
//! disclosure button with its expanded state), and it needs no script.

use yew::prelude::*;

use campaign_core::i18n::Lang;

/// One Google Calendar link: what it adds and where it goes.
#[derive(PartialEq, Clone)]
pub struct GoogleLink {
    /// The key date's title, said after the link's text to screen readers.
    pub title: AttrValue,
    /// The template URL (`campaign_core::time::calendar_link`).
    pub href: AttrValue,
}

/// What [`calendar_choices`] shows.
pub struct CalendarChoices {
    /// The widget's language.
    pub lang: Lang,
    /// The one date these choices add, with its Google Calendar link; `None`
    /// for the choices that add every date (Google's template adds one event,
    /// so each date keeps its own link).
    pub date: Option<GoogleLink>,
    /// The `.ics` file as a `data:` URL.
    pub ics_href: AttrValue,
    /// The file's name.
    pub ics_name: AttrValue,
    /// Whether the browser is an app's embedded one (no file download).
    pub in_app: bool,
}

/// The calendar choices of one date, or of all of them. A view function, not a
/// component: it has no state (`<details>` keeps its own), and each component
/// type costs the wasm its own copy of Yew's lifecycle code.
pub fn calendar_choices(props: &CalendarChoices) -> Html {
    let CalendarChoices {
        lang,
        date,
        ics_href,
        ics_name,
        in_app,
    } = props;
    let t = lang.strings();
    let all = date.is_none();
    let ics = if *in_app {
        html! { <li class="cw-ics-in-app">{ t.ics_in_app }</li> }
    } else {
        // Literal classes: a computed one makes Yew build a `Classes` set, whose
        // code costs 4 KB of download (see the widget's root).
        html! {
            <li>
                if all {
                    <a class="cw-ics cw-ics-all" href={ics_href.clone()} download={ics_name.clone()}>
                        { t.ics_file_all }
                    </a>
                } else {
                    <a class="cw-ics" href={ics_href.clone()} download={ics_name.clone()}>
                        { t.ics_file }
                    </a>
                }
            </li>
        }
    };
    html! {
        <details class="cw-calendar">
            <summary class="cw-calendar-toggle">
                { if all { t.add_all_to_calendar } else { t.add_to_calendar } }
                if let Some(date) = date {
                    <span class="cw-visually-hidden">{ ": " }{ date.title.clone() }</span>
                }
            </summary>
            <ul class="cw-calendar-choices">
                { match date {
                    Some(link) => html! {
                        <li>
                            <a class="cw-gcal" href={link.href.clone()} target="_blank" rel="noopener noreferrer">
                                { t.google_calendar }
                                <span class="cw-visually-hidden">{ ": " }{ link.title.clone() }{ " " }{ t.new_tab }</span>
                            </a>
                        </li>
                    },
                    None => html! { <li class="cw-gcal-each">{ t.google_calendar_each }</li> },
                } }
                { ics }
            </ul>
        </details>
    }
}
