//! "Bản đồ": the interactive map, and the campaign's places as text (address and
//! a link to open them on OpenStreetMap) below it, for screen readers and for
//! when the map cannot load.

use std::rc::Rc;

use yew::prelude::*;

use super::MapView;
use crate::config::{LatLng, MapConfig};
use crate::i18n::Lang;

/// Props of [`Place`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlaceProps {
    /// The map section's config.
    pub map: Rc<MapConfig>,
    /// The widget's language.
    pub lang: Lang,
}

/// A link that opens `at` on openstreetmap.org with a marker.
pub fn osm_link(at: LatLng, zoom: u8) -> String {
    let (lat, lng) = (degrees(at.lat), degrees(at.lng));
    format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map={zoom}/{lat}/{lng}")
}

/// `10.94670`: degrees with five decimals (about a metre), written with integer
/// arithmetic so the widget does not carry Rust's float formatting code.
fn degrees(value: f64) -> String {
    let scaled = (value * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", abs / 100_000, abs % 100_000)
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
                        <a class="cw-place-link" href={osm_link(marker.position, map.zoom)}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_five_decimals() {
        let at = LatLng {
            lat: 10.946_704_9,
            lng: -0.000_004,
        };
        assert_eq!(
            osm_link(at, 16),
            "https://www.openstreetmap.org/?mlat=10.94670&mlon=0.00000#map=16/10.94670/0.00000"
        );
        assert_eq!(degrees(-33.868_82), "-33.86882");
        assert_eq!(degrees(106.817_1), "106.81710");
    }
}
