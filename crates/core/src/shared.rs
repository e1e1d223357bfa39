//! What the scripts around the wasm share with it, written once here: the
//! post-build hook (`cargo xtask stamp-loader`) stamps these values into
//! static/embed.js and static/builder.js, so the loader and the builder cannot
//! drift from the widget. Besides these: `config::limits::CONFIG_BYTES` (the
//! largest config the loader fetches), `config::Section::name` (the
//! `sections` the loader looks ahead at), and `config::OSM_TILE_URL` with
//! `config::OSM_ATTRIBUTION` (the default tiles).

/// Leaflet's script in dist/ (plain name; the release hashes it).
pub const LEAFLET_JS: &str = "leaflet.js";
/// Leaflet's stylesheet in dist/.
pub const LEAFLET_CSS: &str = "leaflet.css";
/// The widget's own CSS as a file in dist/ (linked where stylesheets cannot be
/// constructed; the same CSS is compiled into the wasm).
pub const WIDGET_CSS: &str = "widget.css";

/// The files the widget loads after the wasm, by their plain names, in the
/// order in which embed.js hands their content-hashed names to the wasm
/// (`setAssetBase`): Leaflet's script and stylesheet, and the widget's own
/// CSS for browsers without constructable stylesheets.
pub const LATER_FILES: [&str; 3] = [LEAFLET_JS, LEAFLET_CSS, WIDGET_CSS];

/// The name, among `names` (this release's hashed names in the order of
/// [`LATER_FILES`], space-separated), of `file` (a plain name from
/// [`LATER_FILES`]); `None` for another file or when `names` is shorter (a
/// development build without hashed names).
pub fn hashed_name<'a>(names: &'a str, file: &str) -> Option<&'a str> {
    let index = LATER_FILES.iter().position(|later| *later == file)?;
    names.split(' ').nth(index).filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_taken_by_position() {
        let names = "leaflet-0a.js leaflet-1b.css widget-2c.css";
        assert_eq!(hashed_name(names, "leaflet.js"), Some("leaflet-0a.js"));
        assert_eq!(hashed_name(names, "widget.css"), Some("widget-2c.css"));
        assert_eq!(hashed_name(names, "other.js"), None);
        assert_eq!(hashed_name("", "leaflet.js"), None);
        assert_eq!(hashed_name("leaflet-0a.js", "leaflet.css"), None);
    }
}
