//! The map inside the "Bản đồ" section. When the section comes near the
//! viewport a picture of the map is drawn from its tiles; Leaflet loads only
//! when the visitor reaches for the map (a press, a tap, two fingers, the
//! keyboard), with a busy indicator meanwhile; the map follows its
//! container's size; on phones one finger scrolls the page and two move the
//! map; the wheel zooms only after the map is clicked or focused. When Leaflet
//! cannot load, the picture stays with the address and a link beside it; when
//! no tile can load, the address and the link show instead of the map. The loading is `campaign_core::map_loading`'s state machine, which
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
    // The picture is drawn when the section comes within 300 px of the viewport.
    let MapState { phase, hint, .. } = use_leaflet_map(container.clone(), map.clone(), lang);

    let title = match map.title.get(lang) {
        "" => t.map,
        title => title,
    };
    let failed = phase == MapPhase::Failed;
    let places = failed || phase == MapPhase::Unavailable;
    html! {
        <div class="cw-map-frame">
            // Focusable before Leaflet (which keeps tabindex 0): the keyboard
            // reaches the picture, and reaching it loads the map.
            <div class="cw-map-canvas" ref={container} role="region" tabindex="0"
                aria-label={format!("{title}: {}", t.map_keys)} hidden={failed}></div>
            if phase == MapPhase::Loading {
                <p class="cw-map-status" role="status"><span>{ t.map_loading }</span></p>
            }
            if hint {
                <p class="cw-map-hint" aria-hidden="true">{ t.map_two_fingers }</p>
            }
            if places {
                <div class="cw-map-fallback" role="status">
                    <p class="cw-map-fallback-title">
                        { if failed { t.map_unavailable } else { t.map_static } }
                    </p>
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
