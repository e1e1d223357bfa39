//! How the map section's loading goes, as a pure state machine: what the
//! widget shows (nothing yet, the picture of the map, Leaflet's map, or the
//! text fallback) and whether the two-finger hint is up, moved on by the
//! events the browser reports. The widget drives it with a Yew reducer
//! (`hooks::use_leaflet_map`); here it is tested natively.
//!
//! The picture (the "facade" pattern of Lighthouse's third-party-facades
//! audit) is the map's first view drawn from its tiles without Leaflet
//! ([`crate::tiles::FirstView`]); Leaflet loads only when the visitor
//! reaches for the map, and most visitors never do.

/// Where the map is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapPhase {
    /// Not near the viewport yet: nothing loaded.
    #[default]
    Waiting,
    /// Near the viewport: the picture of the map is drawn; Leaflet is not
    /// asked for (it may be fetched ahead, on a first sign of intent).
    Picture,
    /// The visitor reached for the map: Leaflet and its stylesheet are
    /// loading, over the picture, with a busy indicator.
    Loading,
    /// Leaflet's map is up (over the picture until its own tiles are drawn).
    Ready,
    /// Leaflet could not load: the picture stays, with the address and a
    /// link beside it; reaching for the map again tries again.
    Unavailable,
    /// No tile could load (offline, blocked, refused): the address and a
    /// link show instead of the map.
    Failed,
}

/// Something that happened to the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapEvent {
    /// The section came within reach of the viewport (or the browser cannot
    /// tell: no `IntersectionObserver`).
    Near,
    /// The visitor reached for the map: a press (mouse or pen), a tap, two
    /// fingers, the zoom buttons, or keyboard focus. Where no picture can be
    /// drawn, the widget reports it at once after [`MapEvent::Near`].
    Intent,
    /// Leaflet loaded and built the map.
    Built,
    /// Leaflet's script or stylesheet could not load, or the map could not be built.
    LoadFailed,
    /// A round of tiles settled, the picture's or Leaflet's: `drawn` tiles
    /// loaded and `failed` did not.
    TilesSettled {
        /// Tiles drawn in that round.
        drawn: u32,
        /// Tiles that failed in that round.
        failed: u32,
    },
    /// Leaflet's map left its first view (a zoom, a pan, a drag): the
    /// picture, which shows only that view, must go at once.
    Moved,
    /// A finger moved on the map, with this many fingers down.
    TouchMove {
        /// Fingers on the screen.
        fingers: u32,
    },
    /// The fingers left the map.
    TouchEnd,
}

/// The map section's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapState {
    /// Where the loading is.
    pub phase: MapPhase,
    /// Whether the "use two fingers" hint shows: one finger moving on the map
    /// scrolls the page, and the hint says how to move the map instead.
    pub hint: bool,
    /// Whether Leaflet's own tiles have been drawn over the picture, or its
    /// map has left the first view: the picture goes.
    pub covered: bool,
}

impl MapState {
    /// The state after `event`. [`MapEvent::Near`] draws the picture, once;
    /// [`MapEvent::Intent`] loads Leaflet (again after it failed); a round of
    /// tiles with none drawn and some failed means the tile server is
    /// unreachable or refuses the widget (offline, blocked, 403), which is
    /// final.
    pub fn next(self, event: MapEvent) -> MapState {
        use MapPhase::{Failed, Loading, Picture, Ready, Unavailable, Waiting};
        let phase = match (self.phase, event) {
            (Waiting, MapEvent::Near) => Picture,
            (Picture | Unavailable, MapEvent::Intent) => Loading,
            (Loading, MapEvent::Built) => Ready,
            (Loading, MapEvent::LoadFailed) => Unavailable,
            (
                Picture | Loading | Ready | Unavailable,
                MapEvent::TilesSettled { drawn: 0, failed },
            ) if failed > 0 => Failed,
            (phase, _) => phase,
        };
        let hint = match event {
            MapEvent::TouchMove { fingers } => fingers == 1,
            MapEvent::TouchEnd => false,
            _ => self.hint,
        };
        let covered = phase == Ready
            && (self.covered
                || (self.phase == Ready
                    && matches!(
                        event,
                        MapEvent::Moved | MapEvent::TilesSettled { drawn: 1.., .. }
                    )));
        MapState {
            phase,
            hint,
            covered,
        }
    }

    /// Whether Leaflet should be loading or loaded in this state: the map is
    /// built from [`MapPhase::Loading`] on and kept until it fails.
    pub fn wants_leaflet(self) -> bool {
        matches!(self.phase, MapPhase::Loading | MapPhase::Ready)
    }

    /// Whether the picture of the map shows: from [`MapPhase::Picture`] until
    /// Leaflet's tiles cover it, and for good when Leaflet is unavailable.
    pub fn shows_picture(self) -> bool {
        match self.phase {
            MapPhase::Picture | MapPhase::Loading | MapPhase::Unavailable => true,
            MapPhase::Ready => !self.covered,
            MapPhase::Waiting | MapPhase::Failed => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MapEvent::*;
    use MapPhase::*;

    fn run(events: &[MapEvent]) -> MapState {
        events
            .iter()
            .fold(MapState::default(), |state, &event| state.next(event))
    }

    const DRAWN: MapEvent = TilesSettled {
        drawn: 4,
        failed: 0,
    };
    const NO_TILES: MapEvent = TilesSettled {
        drawn: 0,
        failed: 4,
    };

    #[test]
    fn near_draws_the_picture_and_only_intent_loads_leaflet() {
        assert_eq!(run(&[]).phase, Waiting);
        assert!(!run(&[]).shows_picture());
        assert_eq!(run(&[Near]).phase, Picture);
        assert_eq!(run(&[Near, Near, DRAWN]).phase, Picture);
        assert!(run(&[Near, DRAWN]).shows_picture());
        assert!(!run(&[Near, DRAWN]).wants_leaflet());
        // Intent before the picture is near counts for nothing.
        assert_eq!(run(&[Intent]).phase, Waiting);
        assert_eq!(run(&[Near, Intent]).phase, Loading);
        assert!(run(&[Near, Intent]).wants_leaflet());
        assert_eq!(run(&[Near, Intent, Intent, Built]).phase, Ready);
        assert_eq!(run(&[Near, Intent, Built, Near, Intent]).phase, Ready);
    }

    #[test]
    fn the_picture_stays_until_leaflets_own_tiles_are_drawn() {
        let built = run(&[Near, DRAWN, Intent, Built]);
        assert!(built.shows_picture() && built.wants_leaflet());
        let covered = built.next(DRAWN);
        assert!(covered.covered && !covered.shows_picture());
        // A round of the picture's tiles before the build does not count.
        assert!(run(&[Near, Intent, DRAWN, Built]).shows_picture());
        // A round with nothing drawn yet leaves the picture.
        let none_yet = TilesSettled {
            drawn: 0,
            failed: 0,
        };
        assert!(built.next(none_yet).shows_picture());
        // A zoom or a pan before Leaflet's tiles are in: the picture goes too.
        assert!(!built.next(Moved).shows_picture());
        assert!(run(&[Near, Intent, Moved]).shows_picture());
    }

    #[test]
    fn leaflet_that_cannot_load_leaves_the_picture_and_can_be_tried_again() {
        let unavailable = run(&[Near, DRAWN, Intent, LoadFailed]);
        assert_eq!(unavailable.phase, Unavailable);
        assert!(unavailable.shows_picture() && !unavailable.wants_leaflet());
        assert_eq!(unavailable.next(Built).phase, Unavailable);
        assert_eq!(unavailable.next(Intent).phase, Loading);
    }

    #[test]
    fn no_tile_at_all_shows_the_text_fallback_for_good() {
        for events in [
            &[Near, NO_TILES][..],
            &[Near, Intent, NO_TILES],
            &[Near, Intent, Built, NO_TILES],
            &[Near, Intent, LoadFailed, NO_TILES],
            // Tiles can settle before Leaflet's build has returned.
            &[Near, Intent, NO_TILES, Built],
        ] {
            let state = run(events);
            assert_eq!(state.phase, Failed, "{events:?}");
            assert!(!state.shows_picture() && !state.wants_leaflet());
            assert_eq!(state.next(Intent).phase, Failed);
        }
    }

    #[test]
    fn some_tiles_drawn_is_not_a_failure() {
        let some = TilesSettled {
            drawn: 1,
            failed: 3,
        };
        assert_eq!(run(&[Near, some]).phase, Picture);
        assert_eq!(run(&[Near, Intent, Built, some]).phase, Ready);
        // Before anything is drawn, tiles cannot have settled.
        assert_eq!(run(&[NO_TILES]).phase, Waiting);
    }

    #[test]
    fn the_hint_shows_for_one_finger_only_and_goes_when_it_lifts() {
        assert!(run(&[TouchMove { fingers: 1 }]).hint);
        assert!(!run(&[TouchMove { fingers: 2 }]).hint);
        assert!(!run(&[TouchMove { fingers: 1 }, TouchEnd]).hint);
        assert!(!run(&[TouchMove { fingers: 1 }, TouchMove { fingers: 2 }]).hint);
        assert!(run(&[TouchMove { fingers: 1 }, Near, Intent, Built]).hint);
    }
}
