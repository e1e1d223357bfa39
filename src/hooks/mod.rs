//! The widget's Yew hooks, one per file: each side effect with its cleanup
//! (listeners, observers and timers held and dropped with the component).

mod use_click;

pub use use_click::use_click;
