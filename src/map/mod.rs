//! Everything Leaflet, and no other module names it: loading its script and
//! stylesheet (`load`), the early request for the first tile (`preload`), and
//! the bindings that build and remove the map (`leaflet`). The tile arithmetic
//! these use is pure and lives in `campaign_core::tiles`; the hook that ties
//! the map to a component is `hooks::use_leaflet_map`.

mod leaflet;
mod load;
mod preload;

pub use leaflet::{LeafletMap, TileHealth};
pub use load::load_leaflet;
pub use preload::ask_for_first_tile;
