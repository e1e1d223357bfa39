//! Config schema v1 (DESIGN.md §4): the model, its parser and validator, the
//! built-in default campaign, and the embed attributes that are not the config
//! (`sections`, `theme`). Pure: no browser APIs.

pub mod json;
mod model;
mod options;
mod parse;

pub use model::{Campaign, KeyDate, LatLng, MapConfig, Marker, Source, Text, Tiles};
pub use options::{parse_sections, parse_theme, Section, Theme};
pub use parse::{fields, parse_config, Parsed, OSM_TILE_URL};

/// Bounds that keep a huge or hostile config from freezing a phone.
pub mod limits {
    /// The largest config read, in bytes of JSON.
    pub const CONFIG_BYTES: usize = 256 * 1024;
    /// Titles, names, addresses, dates: characters.
    pub const SHORT_TEXT: usize = 500;
    /// Summary, basis, goals: characters.
    pub const LONG_TEXT: usize = 10_000;
    /// Key-date ids: characters.
    pub const ID: usize = 64;
    /// URLs: characters.
    pub const URL: usize = 2048;
    /// Goals in the list.
    pub const GOALS: usize = 50;
    /// Key dates in the list.
    pub const KEY_DATES: usize = 100;
    /// Markers on the map.
    pub const MARKERS: usize = 100;
    /// Unknown-field warnings kept for the console.
    pub const WARNINGS: usize = 20;
}

/// The JSON of the built-in default campaign (DESIGN.md §2), as written in
/// src/config/default_campaign.json (with its `$comment`s on sources and typos).
pub const DEFAULT_CAMPAIGN_SOURCE: &str = include_str!("default_campaign.json");

/// The same JSON as the widget carries it: compact, without `$comment`s (build.rs).
pub const DEFAULT_CAMPAIGN_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default_campaign.min.json"));

/// The built-in default campaign: the one shown without any config.
pub fn default_campaign() -> Result<Campaign, crate::error::Error> {
    parse_config(DEFAULT_CAMPAIGN_JSON).map(|parsed| parsed.campaign)
}
