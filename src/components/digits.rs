//! The countdown's digits: days, hours, minutes, seconds. The only part of the
//! widget that changes every second. `role="timer"` keeps screen readers from
//! announcing each change (its live region is off); milestones are announced
//! separately.

use yew::prelude::*;

use campaign_core::i18n::Lang;
use campaign_core::time::Remaining;

/// Props of [`Digits`].
#[derive(Properties, PartialEq, Clone)]
pub struct DigitsProps {
    /// What remains.
    pub remaining: Remaining,
    /// The widget's language.
    pub lang: Lang,
}

/// The digits.
#[component]
pub fn Digits(props: &DigitsProps) -> Html {
    let Remaining {
        days,
        hours,
        minutes,
        seconds,
    } = props.remaining;
    let units = props.lang.strings().units;
    let values = [
        days.to_string(),
        format!("{hours:02}"),
        format!("{minutes:02}"),
        format!("{seconds:02}"),
    ];
    html! {
        <div class="cw-digits" role="timer">
            { for values.into_iter().zip(units).map(|(value, unit)| html! {
                <div class="cw-unit">
                    <span class="cw-value">{ value }</span>
                    <span class="cw-unit-label">{ unit }</span>
                </div>
            }) }
        </div>
    }
}
