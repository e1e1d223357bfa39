//! The widget's Yew components, one per file.

mod calendar_choices;
mod countdown;
mod digits;
mod error_panel;
mod featured;
mod map_view;
mod place;
mod share_button;
mod summary;
mod timeline;
mod widget;

pub use calendar_choices::{calendar_choices, CalendarChoices, GoogleLink};
pub use countdown::{Countdown, CountdownProps};
pub use digits::{Digits, DigitsProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use featured::{Featured, FeaturedProps};
pub use map_view::{MapView, MapViewProps};
pub use place::{Place, PlaceProps};
pub use share_button::{ShareButton, ShareButtonProps};
pub use summary::{Summary, SummaryProps};
pub use timeline::{Timeline, TimelineProps};
pub use widget::{Widget, WidgetProps};
