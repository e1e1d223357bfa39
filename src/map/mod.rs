//! Everything Leaflet, and no other module names it: the picture of the map
//! drawn before Leaflet (`picture`), loading Leaflet's script and stylesheet
//! when the visitor reaches for the map (`load`), and the bindings that build
//! and remove the map (`leaflet`). The tile arithmetic these use is pure and
//! lives in `campaign_core::tiles`; the hook that ties the map to a component
//! is `hooks::use_leaflet_map`.

mod leaflet;
mod load;
mod picture;

pub use leaflet::{LeafletMap, TileHealth};
pub use load::{load_leaflet, prefetch_leaflet};
pub use picture::{is_touch, Gesture, GestureSlot, Picture};
