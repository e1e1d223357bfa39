//! The countdown section: the featured date with its remaining time, ticking
//! each second, and the timeline of every key date below it.

use std::rc::Rc;

use yew::prelude::*;

use super::{Digits, Featured, Timeline};
use crate::clock::Clock;
use crate::hooks::use_click;
use crate::hooks::use_now;
use campaign_core::config::Campaign;
use campaign_core::i18n::{clock_corrected, milestone, Lang};
use campaign_core::time::{featured, statuses, Remaining, State};

/// Props of [`Countdown`].
#[derive(Properties, PartialEq, Clone)]
pub struct CountdownProps {
    /// The campaign.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
    /// Where the time comes from.
    pub clock: Clock,
}

/// The countdown section.
#[component]
pub fn Countdown(props: &CountdownProps) -> Html {
    let CountdownProps {
        campaign,
        lang,
        clock,
    } = props;
    let (lang, t) = (*lang, lang.strings());
    let section = use_node_ref();
    let running = use_state_eq(|| true);
    let now = use_now(*clock, *running, section.clone());

    let list = statuses(&campaign.key_dates, campaign.timezone, now);
    let feature = featured(&list);
    let target = feature.map(|s| {
        if s.state == State::Ongoing {
            s.occurrence.end
        } else {
            s.occurrence.start
        }
    });
    let remaining = target
        .map(|until| Remaining::between(now, until))
        .unwrap_or_default();
    // The timeline changes by the minute at most: it is not re-rendered each second.
    let minute = now - now.rem_euclid(60_000);
    // Spoken politely at milestones only (a new day count, under a day, under an
    // hour, the start): the sentence is the same between them.
    let announcement = feature.map(|s| milestone(lang, s.item.title.get(lang), s.state, remaining));
    let pause = use_node_ref();
    {
        let running = running.clone();
        use_click(
            pause.clone(),
            Callback::from(move |()| running.set(!*running)),
        );
    }

    // translate="no" (HTML's translate attribute): a page translator replaces
    // each text node it translates with <font> elements, and the text nodes
    // Yew goes on updating each second would be off screen: a frozen timer.
    html! {
        <section class="cw-section cw-countdown" aria-labelledby="cw-countdown-heading" ref={section}
            translate="no">
            <h3 class="cw-heading" id="cw-countdown-heading">{ t.countdown }</h3>
            if let Some(status) = feature {
                <div class="cw-featured">
                    <Featured campaign={campaign.clone()} lang={lang} id={status.item.id.clone()}
                        occurrence={status.occurrence} state={status.state} />
                    <p class="cw-digits-label">{ if status.state == State::Ongoing { t.ends_in } else { t.starts_in } }</p>
                    <Digits remaining={remaining} lang={lang} />
                    if *clock == Clock::Device {
                        <button type="button" class="cw-button cw-pause" aria-pressed={(!*running).to_string()}
                            ref={pause}>
                            { if *running { t.pause } else { t.resume } }
                        </button>
                    }
                    if let Some(skew) = (*clock == Clock::Device).then(crate::clock::correction).filter(|&skew| skew != 0) {
                        <p class="cw-clock-note">{ clock_corrected(lang, skew) }</p>
                    }
                </div>
            } else {
                <p class="cw-all-held">{ t.all_held }</p>
            }
            <p class="cw-visually-hidden" aria-live="polite">{ announcement.unwrap_or_default() }</p>
            <Timeline campaign={campaign.clone()} lang={lang} now={minute} />
        </section>
    }
}
