//! Config schema v1 (the README's "The config"): the model, its parser and validator, the
//! built-in default campaign, and the embed attributes that are not the config
//! (`sections`, `theme`). Pure: no browser APIs.

pub mod json;
mod model;
mod options;
mod parse;

pub use model::{Campaign, KeyDate, LatLng, MapConfig, Marker, Source, Text, Tiles};
pub use options::{parse_now, parse_sections, parse_theme, Section, Theme};
pub use parse::{fields, parse_config, Parsed, OSM_ATTRIBUTION, OSM_TILE_URL};

pub use crate::limits;

/// The JSON of the built-in default campaign (the README's first section), as
/// written in crates/core/src/config/default_campaign.json (with its `$comment`s on sources and typos).
pub const DEFAULT_CAMPAIGN_SOURCE: &str = include_str!("default_campaign.json");

/// The same JSON as the widget carries it: compact, without `$comment`s (build.rs).
pub const DEFAULT_CAMPAIGN_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default_campaign.min.json"));

/// The built-in default campaign: the one shown without any config.
pub fn default_campaign() -> Result<Campaign, crate::error::Error> {
    parse_config(DEFAULT_CAMPAIGN_JSON).map(|parsed| parsed.campaign)
}
