//! The widget's Yew components, one per file.

mod error_panel;
mod key_dates;
mod place;
mod summary;
mod widget;

pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use key_dates::{KeyDates, KeyDatesProps};
pub use place::{Place, PlaceProps};
pub use summary::{Summary, SummaryProps};
pub use widget::{Widget, WidgetProps};
