//! The interactive map inside the "Bản đồ" section. Leaflet and its tiles load
//! only when the section comes near the viewport; the map follows its
//! container's size; on phones one finger scrolls the page and two move the
//! map; the wheel zooms only after the map is clicked or focused; and when
//! Leaflet or the tiles cannot load, the area shows the address and a link
//! instead. The loading is `campaign_core::map_loading`'s state machine, which
//! `use_leaflet_map` drives; this file is the view.

use std::rc::Rc;

use yew::prelude::*;

use campaign_core::config::MapConfig;
use campaign_core::i18n::Lang;
use campaign_core::map_loading::{MapPhase, MapState};

use crate::hooks::use_leaflet_map;

/// Props of [`MapView`].
#[derive(Properties, PartialEq, Clone)]
pub struct MapViewProps {
    /// The map section's config.
    pub map: Rc<MapConfig>,
    /// The widget's language.
    pub lang: Lang,
}

/// The map.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let MapViewProps { map, lang } = props;
    let (lang, t) = (*lang, lang.strings());
    let container = use_node_ref();
    // Leaflet loads when the section comes within 300 px of the viewport.
    let MapState { phase, hint } = use_leaflet_map(container.clone(), map.clone(), lang);

    let title = match map.title.get(lang) {
        "" => t.map,
        title => title,
    };
    let failed = phase == MapPhase::Failed;
    html! {
        <div class="cw-map-frame">
            <div class="cw-map-canvas" ref={container} role="region"
                aria-label={format!("{title}: {}", t.map_keys)} hidden={failed}></div>
            if phase == MapPhase::Loading {
                <p class="cw-map-status">{ t.map_loading }</p>
            }
            if hint {
                <p class="cw-map-hint" aria-hidden="true">{ t.map_two_fingers }</p>
            }
            if failed {
                <div class="cw-map-fallback" role="status">
                    <p class="cw-map-fallback-title">{ t.map_unavailable }</p>
                    { for map.markers.iter().map(|marker| html! {
                        <p>
                            <strong>{ marker.title.get(lang) }</strong>
                            if !marker.address.get(lang).is_empty() { { " – " }{ marker.address.get(lang) } }
                            <br />
                            <a href={marker.position.osm_link(map.zoom)} target="_blank" rel="noopener noreferrer">
                                { t.open_in_osm }<span class="cw-visually-hidden">{ " " }{ t.new_tab }</span>
                            </a>
                        </p>
                    }) }
                </div>
            }
        </div>
    }
}
