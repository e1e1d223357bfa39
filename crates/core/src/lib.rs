//! The campaign widget's pure logic, with no browser in its dependency tree
//! (no `web-sys`, `js-sys`, `wasm-bindgen` or `yew`), tested natively with
//! plain `cargo test`:
//!
//! - [`config`]: config schema v1 (model, JSON reader, parser and validator),
//!   the built-in default campaign, and the embed attributes that are not the
//!   config (`sections`, `theme`, `now`);
//! - [`time`]: instants (ms since the Unix epoch, UTC), civil dates, fixed UTC
//!   offsets, RFC 3339 dates, recurrence and each date's state, the Vietnamese
//!   lunar calendar, HTTP dates and the clock correction, `.ics` (RFC 5545),
//!   Google Calendar links;
//! - [`i18n`]: every user-visible string, date and error wording, per language;
//! - [`error`]: the one error type, a field path and a reason;
//! - [`limits`]: the bounds on a config (bytes, lengths, counts);
//! - [`html`]: HTML escaping for the few places that write markup as text;
//! - [`share`]: the address and line a visitor shares, in-app browsers;
//! - [`shared`]: what static/embed.js and static/builder.js share with the wasm;
//! - [`snippet`]: the CMS snippet generator (`cargo xtask snippet`, the builder);
//! - [`map_loading`]: the map section's loading as a state machine;
//! - [`tiles`]: which tiles Leaflet shows, worked out before Leaflet loads.
//!
//! The widget crate (the repository's root) renders all this in the browser;
//! `xtask` uses it natively.

pub mod config;
pub mod error;
pub mod html;
pub mod i18n;
pub mod limits;
pub mod map_loading;
pub mod share;
pub mod shared;
pub mod snippet;
pub mod tiles;
pub mod time;
