//! What a Leaflet map draws first, computed before Leaflet has loaded: the
//! tiles that cover the map's first view and where each goes, and where a
//! marker's pin goes. The widget draws this as a picture of the map
//! (src/components/map_picture.rs) and loads Leaflet only when the visitor
//! reaches for the map; Leaflet then draws the same tiles at the same pixels.
//!
//! Pure arithmetic, following Leaflet 1.9.4 operation for operation (it is the
//! test oracle: tests/e2e/map-picture.test.mjs compares every tile and the pin
//! with the ones Leaflet draws): `src/geo/projection/Projection.SphericalMercator.js`
//! (`project`), `src/geo/crs/CRS.EPSG3857.js` (its transformation),
//! `src/map/Map.js` (`_getNewPixelOrigin`, `latLngToLayerPoint`),
//! `src/layer/tile/GridLayer.js` (`_getTiledPixelBounds`,
//! `_pxBoundsToTileRange`, `_isValidTile`, `_wrapCoords`, `_getTilePos`, the
//! queue's order in `_update`), `src/layer/tile/TileLayer.js` (`getTileUrl`,
//! `_getSubdomain`) and `src/core/Util.js` (`template`, `wrapNum`).

use crate::config::LatLng;

/// Leaflet's `SphericalMercator.MAX_LATITUDE`, in degrees: the projection's edge.
const MAX_LATITUDE: f64 = 85.051_128_779_8;

/// Leaflet's `SphericalMercator.R`: the sphere's radius, in metres.
const EARTH_RADIUS: f64 = 6_378_137.0;

/// A tile's side, in CSS pixels (Leaflet's default `tileSize`; the widget
/// sets no other and never asks for `detectRetina`).
pub const TILE_SIZE: u32 = 256;

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
/// caller: in the widget the browser's `Math.sin` and `Math.log`, the very
/// functions Leaflet calls, so that both land on the same pixel (Rust's own,
/// from libm, also made the wasm 3.7 KB brotli bigger); in native tests Rust's.
pub struct Math {
    /// Sine of an angle in radians.
    pub sin: fn(f64) -> f64,
    /// Natural logarithm.
    pub ln: fn(f64) -> f64,
}

/// A point in Leaflet's pixel space at one zoom level: CSS pixels from the
/// world's north-west corner, 256 × 2^zoom across.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pixel {
    /// Pixels east of 180° W.
    pub x: f64,
    /// Pixels south of the projection's north edge (85.0511° N).
    pub y: f64,
}

/// Leaflet's `map.project(point, zoom)` in EPSG:3857, in the same operations
/// and order (so the same floating-point result): the spherical Mercator
/// projection in metres, then the CRS's transformation scaled to 256 × 2^zoom
/// pixels. Latitudes beyond ±85.0511° are clamped, as Leaflet's projection does.
pub fn project(point: LatLng, zoom: u8, math: &Math) -> Pixel {
    let degree = std::f64::consts::PI / 180.0;
    let lat = MAX_LATITUDE.min(point.lat).max(-MAX_LATITUDE);
    let sin = (math.sin)(lat * degree);
    let metres_x = EARTH_RADIUS * point.lng * degree;
    let metres_y = EARTH_RADIUS * (math.ln)((1.0 + sin) / (1.0 - sin)) / 2.0;
    // CRS.EPSG3857's transformation: (s, 0.5, −s, 0.5) with s = 0.5 / (π R).
    let unit = 0.5 / (std::f64::consts::PI * EARTH_RADIUS);
    let scale = f64::from(TILE_SIZE) * f64::from(1u32 << zoom.min(30));
    Pixel {
        x: scale * (unit * metres_x + 0.5),
        y: scale * (-unit * metres_y + 0.5),
    }
}

/// JavaScript's `Math.round`: halves go up (towards +∞), as Leaflet's
/// `Point.round` does; Rust's `f64::round` takes −2.5 to −3, not −2.
fn js_round(value: f64) -> i64 {
    (value + 0.5).floor() as i64
}

/// A tile of the first view and where it goes: `left` and `top` in CSS pixels
/// from the map container's top-left corner (Leaflet's `_getTilePos`, with
/// the tile level and map pane both at 0 before any pan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedTile {
    /// The tile, its column wrapped around the world as in its URL
    /// (Leaflet's `_wrapCoords`).
    pub coords: TileCoords,
    /// Pixels from the container's left edge (negative: starts beyond it).
    pub left: i32,
    /// Pixels from the container's top edge.
    pub top: i32,
}

/// The first view of a Leaflet map of `width` × `height` CSS pixels (its
/// container's `clientWidth` and `clientHeight`) centred on `center` at a
/// whole zoom level.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstView {
    zoom: u8,
    /// Leaflet's pixel origin: the container's top-left corner in pixel space.
    origin: (i64, i64),
    /// The tiles that cover the container, in the order Leaflet asks for
    /// them: nearest the centre of the covering range first.
    pub tiles: Vec<PlacedTile>,
}

impl FirstView {
    /// The view Leaflet 1.9.4 draws when a map is built with `center` and
    /// `zoom` (already clamped to the layer's `maxZoom`) in a container of
    /// `width` × `height` CSS pixels. Rows beyond the poles are left out (no
    /// tile exists there); columns beyond ±180° wrap, as Leaflet's do.
    pub fn new(center: LatLng, zoom: u8, (width, height): (u32, u32), math: &Math) -> FirstView {
        let zoom = zoom.min(30);
        let centre = project(center, zoom, math);
        let (half_width, half_height) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
        // Map._getNewPixelOrigin: project(center) − size / 2, rounded.
        let origin = (
            js_round(centre.x - half_width),
            js_round(centre.y - half_height),
        );
        // GridLayer._getTiledPixelBounds (the centre floored), then
        // _pxBoundsToTileRange: the tiles from floor(min / 256) to ceil(max / 256) − 1.
        let (floor_x, floor_y) = (centre.x.floor(), centre.y.floor());
        let size = f64::from(TILE_SIZE);
        let first = (
            ((floor_x - half_width) / size).floor() as i64,
            ((floor_y - half_height) / size).floor() as i64,
        );
        let last = (
            ((floor_x + half_width) / size).ceil() as i64 - 1,
            ((floor_y + half_height) / size).ceil() as i64 - 1,
        );
        let world = 1i64 << zoom;
        let middle = (
            (first.0 + last.0) as f64 / 2.0,
            (first.1 + last.1) as f64 / 2.0,
        );
        let mut queue: Vec<(f64, PlacedTile)> = Vec::new();
        for row in first.1..=last.1 {
            // GridLayer._isValidTile: EPSG:3857 wraps longitudes, not latitudes.
            if !(0..world).contains(&row) {
                continue;
            }
            for column in first.0..=last.0 {
                let distance =
                    ((column as f64 - middle.0).powi(2) + (row as f64 - middle.1).powi(2)).sqrt();
                let tile = PlacedTile {
                    coords: TileCoords {
                        x: column.rem_euclid(world) as u32,
                        y: row as u32,
                        z: zoom,
                    },
                    left: (column * i64::from(TILE_SIZE) - origin.0) as i32,
                    top: (row * i64::from(TILE_SIZE) - origin.1) as i32,
                };
                queue.push((distance, tile));
            }
        }
        // Leaflet's queue.sort by distance to the range's centre, a stable
        // sort. An insertion sort: a view has a dozen tiles or so, and the
        // standard library's sort is kilobytes of wasm.
        for sorted in 1..queue.len() {
            let mut at = sorted;
            while at > 0 && queue[at - 1].0 > queue[at].0 {
                queue.swap(at - 1, at);
                at -= 1;
            }
        }
        FirstView {
            zoom,
            origin,
            tiles: queue.into_iter().map(|(_, tile)| tile).collect(),
        }
    }

    /// Where `point` is in the container, in CSS pixels from its top-left
    /// corner: Leaflet's `latLngToLayerPoint` (the projected point rounded,
    /// less the pixel origin), where a marker's icon anchor goes.
    pub fn position(&self, point: LatLng, math: &Math) -> (i32, i32) {
        let pixel = project(point, self.zoom, math);
        (
            (js_round(pixel.x) - self.origin.0) as i32,
            (js_round(pixel.y) - self.origin.1) as i32,
        )
    }
}

/// `template` (a tile layer's URL, as the config gives it) filled in for `tile`
/// as Leaflet's `TileLayer.getTileUrl` does: `{z}`, `{x}`, `{y}`, `{-y}` (the
/// row counted from the south, for TMS servers), `{s}` (a, b or c, picked by
/// `|x + y| mod 3`) and `{r}` (`@2x` on a `retina` screen, one whose
/// `devicePixelRatio` is above 1, as Leaflet's `Browser.retina`; empty
/// elsewhere). `None` when the template names anything else (Leaflet would
/// take it from the layer's options; the widget then does not guess, and
/// draws no picture).
pub fn tile_url(template: &str, tile: TileCoords, retina: bool) -> Option<String> {
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
            "r" => {
                if retina {
                    url.push_str("@2x");
                }
            }
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

    const RUST_MATH: Math = Math {
        sin: f64::sin,
        ln: f64::ln,
    };

    fn at(lat: f64, lng: f64) -> LatLng {
        LatLng { lat, lng }
    }

    fn tile_containing(point: LatLng, zoom: u8) -> TileCoords {
        let pixel = project(point, zoom, &RUST_MATH);
        TileCoords {
            x: (pixel.x / 256.0).floor() as u32,
            y: (pixel.y / 256.0).floor() as u32,
            z: zoom,
        }
    }

    fn placed(x: u32, y: u32, z: u8, left: i32, top: i32) -> PlacedTile {
        PlacedTile {
            coords: TileCoords { x, y, z },
            left,
            top,
        }
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
        let view = FirstView::new(at(10.9467, 106.8171), 16, (288, 280), &RUST_MATH);
        assert_eq!(
            view.tiles[0].coords,
            tile_containing(at(10.9467, 106.8171), 16)
        );
        // The centre is where the pin's anchor goes: the container's middle.
        assert_eq!(view.position(at(10.9467, 106.8171), &RUST_MATH), (144, 140));
    }

    #[test]
    fn the_four_quarters_of_the_world_and_its_edges() {
        // (lat, lng, zoom) → (x, y): the four tiles of zoom 1, then points
        // beyond the projection's ±85.05°.
        for (lat, lng, z, x, y) in [
            (45.0, -90.0, 1, 0, 0),
            (45.0, 90.0, 1, 1, 0),
            (-45.0, -90.0, 1, 0, 1),
            (-45.0, 90.0, 1, 1, 1),
            (90.0, 170.0, 3, 7, 0),
            (-90.0, -180.0, 3, 0, 7),
            (0.0, 0.0, 0, 0, 0),
        ] {
            let tile = tile_containing(at(lat, lng), z);
            assert_eq!((tile.x, tile.y), (x, y), "{lat}, {lng} at {z}");
        }
    }

    #[test]
    fn a_view_is_covered_nearest_first_and_placed_from_the_rounded_origin() {
        // Zoom 1, centre (0, 0) = pixel (256, 256); 300 × 200 → origin (106, 156);
        // the range is tiles 0–1 by 0–1, all four as near its centre (0.5, 0.5),
        // so in the order Leaflet's stable sort leaves them: row by row.
        let view = FirstView::new(at(0.0, 0.0), 1, (300, 200), &RUST_MATH);
        assert_eq!(
            view.tiles,
            [
                placed(0, 0, 1, -106, -156),
                placed(1, 0, 1, 150, -156),
                placed(0, 1, 1, -106, 100),
                placed(1, 1, 1, 150, 100),
            ]
        );
        assert_eq!(view.position(at(0.0, 0.0), &RUST_MATH), (150, 100));
        // An odd size: the half pixel rounds up, as JavaScript's Math.round does.
        let odd = FirstView::new(at(0.0, 0.0), 1, (301, 201), &RUST_MATH);
        assert_eq!(odd.tiles[0], placed(0, 0, 1, -106, -156));
        assert_eq!(odd.position(at(0.0, 0.0), &RUST_MATH), (150, 100));
    }

    #[test]
    fn the_nearest_tile_comes_first() {
        // Zoom 4 (4,096 px across), 700 × 700 around pixel (2176, 2048):
        // columns 7–9 and rows 6–9.
        let view = FirstView::new(at(0.0, 11.25), 4, (700, 700), &RUST_MATH);
        assert_eq!(view.tiles.len(), 12, "{:?}", view.tiles);
        // 3 × 3 tiles around the centre: the middle one first.
        let view = FirstView::new(at(-5.0, 5.0), 4, (500, 500), &RUST_MATH);
        let centre = tile_containing(at(-5.0, 5.0), 4);
        assert_eq!(view.tiles.len(), 9);
        assert_eq!(view.tiles[0].coords, centre);
    }

    #[test]
    fn columns_wrap_around_the_world_and_rows_stop_at_the_poles() {
        // Zoom 1 near 180° E (pixel 510.6 of 512), 600 px wide: origin 211,
        // columns 0–3, and columns 2 and 3, east of the world's edge, are
        // tiles 0 and 1 again, drawn to the right.
        let view = FirstView::new(at(0.0, 179.0), 1, (600, 100), &RUST_MATH);
        let columns: Vec<(u32, i32)> = view
            .tiles
            .iter()
            .filter(|tile| tile.coords.y == 0)
            .map(|tile| (tile.coords.x, tile.left))
            .collect();
        assert_eq!(columns, [(1, 45), (0, 301), (0, -211), (1, 557)]);
        // Zoom 0 at 85° N, 400 px high: nothing north of the world.
        let view = FirstView::new(at(85.0, 0.0), 0, (256, 400), &RUST_MATH);
        assert_eq!(view.tiles.len(), 1);
        assert_eq!(view.tiles[0].coords, TileCoords { x: 0, y: 0, z: 0 });
    }

    #[test]
    fn templates_are_filled_as_leaflet_fills_them() {
        let tile = TileCoords {
            x: 52213,
            y: 30762,
            z: 16,
        };
        assert_eq!(
            tile_url(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                tile,
                false
            )
            .as_deref(),
            Some("https://tile.openstreetmap.org/16/52213/30762.png")
        );
        // (52213 + 30762) mod 3 = 1 → "b"; TMS row 2^16 − 1 − 30762 = 34773.
        assert_eq!(
            tile_url(
                "https://{s}.tiles.example/{ z }/{x}/{-y}{r}.png?v=2",
                tile,
                false
            )
            .as_deref(),
            Some("https://b.tiles.example/16/52213/34773.png?v=2")
        );
        assert_eq!(
            tile_url("https://t.example/{z}/{x}/{y}{r}.png", tile, true).as_deref(),
            Some("https://t.example/16/52213/30762@2x.png")
        );
    }

    #[test]
    fn an_option_leaflet_would_read_is_not_guessed() {
        let tile = TileCoords { x: 1, y: 2, z: 3 };
        assert_eq!(
            tile_url(
                "https://t.example/{z}/{x}/{y}.png?key={apikey}",
                tile,
                false
            ),
            None
        );
        assert_eq!(
            tile_url("https://t.example/{z}/{x}/{y.png", tile, false),
            None
        );
    }
}
