//! The widget's Yew hooks, one per file: each side effect with its cleanup
//! (listeners, observers, timers and the Leaflet map held and dropped with the
//! component, never forgotten).

mod use_click;
mod use_leaflet_map;
mod use_now;

pub use use_click::use_click;
pub use use_leaflet_map::use_leaflet_map;
pub use use_now::use_now;
