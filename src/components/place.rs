//! "Bản đồ": the interactive map, and the campaign's places as text (address and
//! a link to open them on OpenStreetMap) below it, for screen readers and for
//! when the map cannot load.

use std::rc::Rc;

use yew::prelude::*;

use super::MapView;
use campaign_core::config::MapConfig;
use campaign_core::i18n::Lang;

/// Props of [`Place`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlaceProps {
    /// The map section's config.
    pub map: Rc<MapConfig>,
    /// The widget's language.
    pub lang: Lang,
}

/// The map section's text.
#[component]
pub fn Place(props: &PlaceProps) -> Html {
    let PlaceProps { map, lang } = props;
    let lang = *lang;
    let t = lang.strings();
    let title = match map.title.get(lang) {
        "" => t.map,
        title => title,
    };
    html! {
        <section class="cw-section cw-map" aria-labelledby="cw-map-heading">
            <h3 class="cw-heading" id="cw-map-heading">{ title }</h3>
            <MapView map={map.clone()} lang={lang} />
            <ul class="cw-places">
                { for map.markers.iter().map(|marker| html! {
                    <li class="cw-place">
                        <span class="cw-place-title">{ marker.title.get(lang) }</span>
                        if !marker.address.get(lang).is_empty() {
                            <span class="cw-place-address">
                                <span class="cw-visually-hidden">{ t.address }{ ": " }</span>
                                { marker.address.get(lang) }
                            </span>
                        }
                        <a class="cw-place-link" href={marker.position.osm_link(map.zoom)}
                            target="_blank" rel="noopener noreferrer">
                            { t.open_in_osm }
                            <span class="cw-visually-hidden">{ " " }{ t.new_tab }</span>
                        </a>
                    </li>
                }) }
            </ul>
        </section>
    }
}
