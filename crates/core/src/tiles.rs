//! Which tile a Leaflet map shows at its centre, and that tile's URL, computed
//! before Leaflet has loaded: the widget asks for the tile while Leaflet's own
//! script downloads, so the map's first tile needs no round trip of its own
//! once Leaflet builds the map (src/components/map_view.rs).
//!
//! Pure arithmetic, following Leaflet 1.9.4 exactly (it is the test oracle:
//! tests/e2e/map-early.test.mjs compares this URL with the first one Leaflet
//! asks for): `src/geo/projection/Projection.SphericalMercator.js`,
//! `src/geo/crs/CRS.EPSG3857.js`, `src/layer/tile/TileLayer.js` (`getTileUrl`,
//! `_getSubdomain`) and `src/core/Util.js` (`template`).

use crate::config::LatLng;

/// Leaflet's `SphericalMercator.MAX_LATITUDE`, in degrees: the projection's edge.
const MAX_LATITUDE: f64 = 85.051_128_779_8;

/// Leaflet's default `subdomains` for `{s}` (the widget sets none).
const SUBDOMAINS: [&str; 3] = ["a", "b", "c"];

/// A tile as Leaflet numbers it in EPSG:3857: column `x` from 180° W, row `y`
/// from the north edge, both 0 to 2^`z` − 1, at zoom level `z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TileCoords {
    /// Column, from the west.
    pub x: u32,
    /// Row, from the north.
    pub y: u32,
    /// Zoom level (the tile layer's, that is the map's zoom clamped to the
    /// layer's `maxZoom`).
    pub z: u8,
}

/// The two transcendental functions the projection needs, given by the
/// caller: in the widget the browser's `Math.sin` and `Math.log` (Rust's own,
/// from libm, made the wasm 3.7 KB brotli bigger), in native tests Rust's.
pub struct Math {
    /// Sine of an angle in radians.
    pub sin: fn(f64) -> f64,
    /// Natural logarithm.
    pub ln: fn(f64) -> f64,
}

/// The tile holding `point` at zoom level `zoom` (0 to 30): Leaflet projects
/// the point to pixels of 256 × 256 tiles and takes the tile under it.
/// Latitudes beyond ±85.0511° are clamped, as Leaflet's projection does.
pub fn tile_containing(point: LatLng, zoom: u8, math: &Math) -> TileCoords {
    let zoom = zoom.min(30);
    let tiles = f64::from(1u32 << zoom);
    let sin = (math.sin)(point.lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians());
    // Mercator y over the sphere's radius, as Leaflet computes it.
    let mercator = (math.ln)((1.0 + sin) / (1.0 - sin)) / 2.0;
    let column = (point.lng / 360.0 + 0.5) * tiles;
    let row = (0.5 - mercator / (2.0 * std::f64::consts::PI)) * tiles;
    let last = (1u32 << zoom) - 1;
    // `as u32` saturates at 0 for negative values; `min` keeps 180° E on the map.
    TileCoords {
        x: (column.floor() as u32).min(last),
        y: (row.floor() as u32).min(last),
        z: zoom,
    }
}

/// `template` (a tile layer's URL, as the config gives it) filled in for `tile`
/// as Leaflet's `TileLayer.getTileUrl` does: `{z}`, `{x}`, `{y}`, `{-y}` (the
/// row counted from the south, for TMS servers), `{s}` (a, b or c, picked by
/// `|x + y| mod 3`) and `{r}` (empty: the widget never asks for retina tiles).
/// `None` when the template names anything else (Leaflet would take it from
/// the layer's options; the widget then does not guess, and simply does not
/// ask early).
pub fn tile_url(template: &str, tile: TileCoords) -> Option<String> {
    let mut url = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        url.push_str(&rest[..open]);
        let close = open + rest[open..].find('}')?;
        // Leaflet's template allows spaces around the name: `{ z }`.
        match rest[open + 1..close].trim() {
            "z" => url.push_str(&tile.z.to_string()),
            "x" => url.push_str(&tile.x.to_string()),
            "y" => url.push_str(&tile.y.to_string()),
            "-y" => url.push_str(&((1u32 << tile.z) - 1 - tile.y).to_string()),
            "s" => url.push_str(SUBDOMAINS[((tile.x + tile.y) % 3) as usize]),
            "r" => {}
            _ => return None,
        }
        rest = &rest[close + 1..];
    }
    url.push_str(rest);
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lng: f64) -> LatLng {
        LatLng { lat, lng }
    }

    fn tile_containing(point: LatLng, zoom: u8) -> TileCoords {
        super::tile_containing(
            point,
            zoom,
            &Math {
                sin: f64::sin,
                ln: f64::ln,
            },
        )
    }

    #[test]
    fn the_default_campaigns_centre() {
        // The default campaign's place at its zoom, 16: the tile Leaflet asks
        // for first there (tile 16/52213/30762, seen in the bench's requests).
        assert_eq!(
            tile_containing(at(10.9467, 106.8171), 16),
            TileCoords {
                x: 52213,
                y: 30762,
                z: 16
            }
        );
    }

    #[test]
    fn the_four_quarters_of_the_world_and_its_edges() {
        // (lat, lng, zoom) → (x, y): the four tiles of zoom 1, then the corners
        // beyond the projection's ±85.05° and 180°, which stay on the map.
        for (lat, lng, z, x, y) in [
            (45.0, -90.0, 1, 0, 0),
            (45.0, 90.0, 1, 1, 0),
            (-45.0, -90.0, 1, 0, 1),
            (-45.0, 90.0, 1, 1, 1),
            (90.0, 180.0, 3, 7, 0),
            (-90.0, -180.0, 3, 0, 7),
            (0.0, 0.0, 0, 0, 0),
        ] {
            assert_eq!(
                tile_containing(at(lat, lng), z),
                TileCoords { x, y, z },
                "{lat}, {lng} at {z}"
            );
        }
    }

    #[test]
    fn templates_are_filled_as_leaflet_fills_them() {
        let tile = TileCoords {
            x: 52213,
            y: 30762,
            z: 16,
        };
        assert_eq!(
            tile_url("https://tile.openstreetmap.org/{z}/{x}/{y}.png", tile).as_deref(),
            Some("https://tile.openstreetmap.org/16/52213/30762.png")
        );
        // (52213 + 30762) mod 3 = 1 → "b"; TMS row 2^16 − 1 − 30762 = 34773.
        assert_eq!(
            tile_url("https://{s}.tiles.example/{ z }/{x}/{-y}{r}.png?v=2", tile).as_deref(),
            Some("https://b.tiles.example/16/52213/34773.png?v=2")
        );
    }

    #[test]
    fn an_option_leaflet_would_read_is_not_guessed() {
        let tile = TileCoords { x: 1, y: 2, z: 3 };
        assert_eq!(
            tile_url("https://t.example/{z}/{x}/{y}.png?key={apikey}", tile),
            None
        );
        assert_eq!(tile_url("https://t.example/{z}/{x}/{y.png", tile), None);
    }
}
