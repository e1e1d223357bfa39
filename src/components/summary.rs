//! The campaign summary: title, issuing body, legal basis, summary, goals, source.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_click;
use campaign_core::config::Campaign;
use campaign_core::i18n::Lang;

/// Goals shown before "Xem thêm", so a long list stays readable on a phone.
const GOALS_SHOWN_COLLAPSED: usize = 4;

/// Props of [`Summary`].
#[derive(Properties, PartialEq, Clone)]
pub struct SummaryProps {
    /// The campaign.
    pub campaign: Rc<Campaign>,
    /// The widget's language.
    pub lang: Lang,
}

/// The summary section.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let SummaryProps { campaign, lang } = props;
    let lang = *lang;
    let t = lang.strings();
    let expanded = use_state(|| false);
    let collapsible = campaign.goals.len() > GOALS_SHOWN_COLLAPSED + 1;
    let shown = if collapsible && !*expanded {
        GOALS_SHOWN_COLLAPSED
    } else {
        campaign.goals.len()
    };
    let more = use_node_ref();
    {
        let expanded = expanded.clone();
        use_click(
            more.clone(),
            Callback::from(move |()| expanded.set(!*expanded)),
        );
    }

    html! {
        <section class="cw-section cw-summary" aria-labelledby="cw-title">
            <p class="cw-kicker">{ t.kicker }</p>
            <h2 class="cw-title" id="cw-title">{ campaign.title.get(lang) }</h2>
            <dl class="cw-facts">
                <div class="cw-fact">
                    <dt>{ t.organization }</dt>
                    <dd>{ campaign.organization.get(lang) }</dd>
                </div>
                if let Some(basis) = &campaign.basis {
                    <div class="cw-fact">
                        <dt>{ t.basis }</dt>
                        <dd>{ basis.get(lang) }</dd>
                    </div>
                }
            </dl>
            <p class="cw-lead">{ campaign.summary.get(lang) }</p>
            if !campaign.goals.is_empty() {
                <h3 class="cw-subheading" id="cw-goals-heading">{ t.goals }</h3>
                <ol class="cw-goals" id="cw-goals" aria-labelledby="cw-goals-heading">
                    { for campaign.goals.iter().take(shown).map(|goal| html! { <li>{ goal.get(lang) }</li> }) }
                </ol>
                if collapsible {
                    // Its label changes with each press: not for a page translator
                    // (see the countdown's translate="no").
                    <button type="button" class="cw-button cw-more" aria-expanded={(*expanded).to_string()}
                        aria-controls="cw-goals" ref={more} translate="no">
                        { if *expanded { t.show_less.to_owned() }
                          else { format!("{} ({})", t.show_more, campaign.goals.len() - shown) } }
                    </button>
                }
            }
            if let Some(source) = &campaign.source {
                <p class="cw-source">
                    <span>{ t.source }{ ": " }</span>
                    if let Some(url) = &source.url {
                        <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                            { source.name.get(lang) }
                            <span class="cw-visually-hidden">{ " " }{ t.new_tab }</span>
                        </a>
                    } else {
                        <span>{ source.name.get(lang) }</span>
                    }
                    if let Some(author) = &source.author {
                        <span class="cw-author">{ " · " }{ t.author }{ ": " }{ author.get(lang) }</span>
                    }
                </p>
            }
        </section>
    }
}
