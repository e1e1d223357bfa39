//! Bounds that keep a huge or hostile config from freezing a phone. The
//! loader (static/embed.js) applies the same byte limit before the wasm sees
//! a config; the build stamps this value into it.

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
