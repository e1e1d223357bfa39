//! The campaign as the widget uses it, after validation: every value here has
//! already passed the rules of config schema v1.

use crate::i18n::Lang;
use crate::time::{Offset, RecurringDate};

/// A user-visible text: one string for every language, or one per language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Text {
    /// `(language tag, text)` pairs; a plain string is stored under the tag `""`.
    variants: Vec<(String, String)>,
}

impl Text {
    /// The same text in every language.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            variants: vec![(String::new(), text.into())],
        }
    }

    /// A text per language tag, in the config's order.
    pub fn localized(variants: Vec<(String, String)>) -> Text {
        Text { variants }
    }

    /// The text in `lang`, else in Vietnamese, else in English, else the first given.
    pub fn get(&self, lang: Lang) -> &str {
        let find = |code: &str| self.variants.iter().find(|(tag, _)| tag == code);
        find(lang.code())
            .or_else(|| find(Lang::Vi.code()))
            .or_else(|| find(Lang::En.code()))
            .or_else(|| self.variants.first())
            .map_or("", |(_, text)| text.as_str())
    }
}

/// One of the campaign's key dates.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyDate {
    /// A stable identifier, unique within the campaign.
    pub id: String,
    /// What happens on that date.
    pub title: Text,
    /// When: `start`, `end` and `repeat` (`"yearly"`, `"yearly-lunar"`) as the
    /// schedule reads them.
    pub when: RecurringDate,
}

impl AsRef<RecurringDate> for KeyDate {
    fn as_ref(&self) -> &RecurringDate {
        &self.when
    }
}

/// A point on the map, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLng {
    /// −90 to 90.
    pub lat: f64,
    /// −180 to 180.
    pub lng: f64,
}

impl LatLng {
    /// A link that opens this point on openstreetmap.org with a marker, at `zoom`.
    pub fn osm_link(self, zoom: u8) -> String {
        let (lat, lng) = (degrees(self.lat), degrees(self.lng));
        format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map={zoom}/{lat}/{lng}")
    }
}

/// `10.94670`: degrees with five decimals (about a metre), written with integer
/// arithmetic so the widget does not carry Rust's float formatting code.
fn degrees(value: f64) -> String {
    let scaled = (value * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", abs / 100_000, abs % 100_000)
}

/// The map's tile layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Tiles {
    /// A URL template with `{z}`, `{x}`, `{y}` (and optionally `{s}`), http or https.
    pub url: String,
    /// The attribution the tile provider requires.
    pub attribution: Text,
    /// The highest zoom the provider serves.
    pub max_zoom: u8,
    /// The `Referrer-Policy` for tile requests (some providers refuse requests
    /// without a referrer); the browser's default when absent.
    pub referrer_policy: Option<String>,
}

/// A place marked on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Where it is.
    pub position: LatLng,
    /// Its name.
    pub title: Text,
    /// Its postal address, shown in the popup and as text beside the map.
    pub address: Text,
}

/// The "Bản đồ" section.
#[derive(Clone, Debug, PartialEq)]
pub struct MapConfig {
    /// The section heading.
    pub title: Text,
    /// The initial centre.
    pub center: LatLng,
    /// The initial zoom.
    pub zoom: u8,
    /// The tile layer.
    pub tiles: Tiles,
    /// The places to mark.
    pub markers: Vec<Marker>,
}

/// Where the campaign text comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The publication's name.
    pub name: Text,
    /// An http(s) link to it.
    pub url: Option<String>,
    /// The article's author.
    pub author: Option<Text>,
}

/// A whole campaign: what one widget shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    /// The zone dates are shown in and whole-day dates are counted in.
    pub timezone: Offset,
    /// The campaign's name.
    pub title: Text,
    /// The issuing body.
    pub organization: Text,
    /// The legal basis (directive, plan, decision).
    pub basis: Option<Text>,
    /// A paragraph about the campaign.
    pub summary: Text,
    /// Its goals, in order.
    pub goals: Vec<Text>,
    /// Its key dates, in the config's order.
    pub key_dates: Vec<KeyDate>,
    /// The map, if the campaign has places.
    pub map: Option<MapConfig>,
    /// Where the text comes from.
    pub source: Option<Source>,
    /// Whether the widget offers its "Chia sẻ" (share) button (`share`, default
    /// `true`).
    pub share: bool,
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
            at.osm_link(16),
            "https://www.openstreetmap.org/?mlat=10.94670&mlon=0.00000#map=16/10.94670/0.00000"
        );
        assert_eq!(degrees(-33.868_82), "-33.86882");
        assert_eq!(degrees(106.817_1), "106.81710");
    }
}
