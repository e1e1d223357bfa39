//! How the map section's loading goes, as a pure state machine: what the
//! widget shows (nothing yet, "loading", the map, or the text fallback) and
//! whether the two-finger hint is up, moved on by the events the browser
//! reports. The widget drives it with a Yew reducer (`components::MapView`);
//! here it is tested natively.

/// Where the map is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapPhase {
    /// Not near the viewport yet: nothing loaded.
    #[default]
    Waiting,
    /// Leaflet and its stylesheet are loading (the widget says so).
    Loading,
    /// The map is up.
    Ready,
    /// Leaflet or the tiles could not load: the address and a link show instead.
    Failed,
}

/// Something that happened to the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapEvent {
    /// The section came within reach of the viewport (or the browser cannot
    /// tell: no `IntersectionObserver`).
    Near,
    /// Leaflet loaded and built the map.
    Built,
    /// Leaflet's script or stylesheet could not load, or the map could not be built.
    LoadFailed,
    /// A round of tiles settled: `drawn` tiles loaded and `failed` did not.
    TilesSettled {
        /// Tiles drawn since the map was built.
        drawn: u32,
        /// Tiles that failed since the map was built.
        failed: u32,
    },
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
}

impl MapState {
    /// The state after `event`. Only [`MapEvent::Near`] starts loading, once;
    /// a failure is final (a map built after its tiles failed stays the
    /// fallback); a round of tiles with none drawn and some failed means the
    /// tile server is unreachable or refuses the widget (offline, blocked, 403).
    pub fn next(self, event: MapEvent) -> MapState {
        use MapPhase::{Failed, Loading, Ready, Waiting};
        let phase = match (self.phase, event) {
            (Waiting, MapEvent::Near) => Loading,
            (Loading, MapEvent::Built) => Ready,
            (Loading, MapEvent::LoadFailed) => Failed,
            (Loading | Ready, MapEvent::TilesSettled { drawn: 0, failed }) if failed > 0 => Failed,
            (phase, _) => phase,
        };
        let hint = match event {
            MapEvent::TouchMove { fingers } => fingers == 1,
            MapEvent::TouchEnd => false,
            _ => self.hint,
        };
        MapState { phase, hint }
    }

    /// Whether Leaflet should be loading or loaded in this state: the map is
    /// built from [`MapPhase::Loading`] on and kept until it fails.
    pub fn wants_leaflet(self) -> bool {
        matches!(self.phase, MapPhase::Loading | MapPhase::Ready)
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

    #[test]
    fn loads_once_when_near_and_shows_the_map() {
        assert_eq!(run(&[]).phase, Waiting);
        assert_eq!(run(&[Near]).phase, Loading);
        assert_eq!(run(&[Near, Near]).phase, Loading);
        assert_eq!(run(&[Near, Built]).phase, Ready);
        assert_eq!(run(&[Near, Built, Near]).phase, Ready);
        assert!(!run(&[]).wants_leaflet());
        assert!(run(&[Near]).wants_leaflet() && run(&[Near, Built]).wants_leaflet());
    }

    #[test]
    fn a_failed_load_or_no_tile_at_all_shows_the_fallback_for_good() {
        assert_eq!(run(&[Near, LoadFailed]).phase, Failed);
        let no_tiles = TilesSettled {
            drawn: 0,
            failed: 4,
        };
        assert_eq!(run(&[Near, Built, no_tiles]).phase, Failed);
        // Tiles can settle before Leaflet's build has returned.
        assert_eq!(run(&[Near, no_tiles, Built]).phase, Failed);
        assert!(!run(&[Near, Built, no_tiles]).wants_leaflet());
        assert_eq!(run(&[Near, LoadFailed, Built]).phase, Failed);
    }

    #[test]
    fn some_tiles_drawn_or_none_failed_is_not_a_failure() {
        let some = TilesSettled {
            drawn: 1,
            failed: 3,
        };
        let none_yet = TilesSettled {
            drawn: 0,
            failed: 0,
        };
        assert_eq!(run(&[Near, Built, some]).phase, Ready);
        assert_eq!(run(&[Near, Built, none_yet]).phase, Ready);
        // Before anything loads, tiles cannot have settled.
        assert_eq!(
            run(&[TilesSettled {
                drawn: 0,
                failed: 1
            }])
            .phase,
            Waiting
        );
    }

    #[test]
    fn the_hint_shows_for_one_finger_only_and_goes_when_it_lifts() {
        assert!(run(&[TouchMove { fingers: 1 }]).hint);
        assert!(!run(&[TouchMove { fingers: 2 }]).hint);
        assert!(!run(&[TouchMove { fingers: 1 }, TouchEnd]).hint);
        assert!(!run(&[TouchMove { fingers: 1 }, TouchMove { fingers: 2 }]).hint);
        assert!(run(&[TouchMove { fingers: 1 }, Near, Built]).hint);
    }
}
