//! What the campaign widget's crates compute at build time and never ship:
//!
//! - [`astronomy`]: the Vietnamese lunar calendar from astronomy, which
//!   `crates/core/build.rs` turns into the three-bytes-a-year table the core
//!   crate reads ([`lunar_table`]), and which the core's native tests compare
//!   that table with day by day;
//! - [`minify_css`]: the widget's CSS without comments or layout whitespace,
//!   used by the widget's `build.rs` (the CSS compiled into the wasm) and by
//!   `cargo xtask stamp-loader` (the same CSS as a file in dist/), so the two
//!   are byte for byte the same;
//! - [`compact_json`]: the default campaign's JSON compact and without its
//!   `$comment`s (notes for people, kept in the source file).
//!
//! Build scripts run on the developer's machine: an error here stops the build
//! with its message, so the functions return `Result<_, String>`.

pub mod astronomy;
mod minify_css;

pub use minify_css::{minify_css, CssError};

/// The first lunar year of the table (it holds January 1900).
pub const FIRST_LUNAR_YEAR: i32 = 1899;
/// The last lunar year of the table.
pub const LAST_LUNAR_YEAR: i32 = 2200;

/// The lunar calendar's table for [`FIRST_LUNAR_YEAR`] to [`LAST_LUNAR_YEAR`]:
/// three bytes a year, laid out as [`astronomy::YearShape::to_bytes`] says
/// (906 bytes).
pub fn lunar_table() -> Vec<u8> {
    (FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR)
        .flat_map(|year| astronomy::year_shape(year).to_bytes())
        .collect()
}

/// `json` compact (no insignificant whitespace), with every `$comment` member
/// removed at any depth and the members' order kept.
///
/// # Errors
/// The text is not JSON: serde_json's message, with its line and column.
pub fn compact_json(json: &str) -> Result<String, String> {
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    strip_comments(&mut value);
    Ok(value.to_string())
}

fn strip_comments(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.shift_remove("$comment");
            map.values_mut().for_each(strip_comments);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_comments),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_at_every_depth_and_order_stays() {
        let json = r#"{ "$comment": "x", "b": [ { "$comment": "y", "z": 1, "a": 2 } ], "a": "é" }"#;
        assert_eq!(
            compact_json(json).as_deref(),
            Ok(r#"{"b":[{"z":1,"a":2}],"a":"é"}"#)
        );
    }

    #[test]
    fn not_json_is_an_error_with_its_place() {
        let error = compact_json("{\n  \"a\": ,\n}").err().unwrap_or_default();
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn the_table_has_three_bytes_a_year() {
        assert_eq!(
            lunar_table().len(),
            3 * (LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR + 1) as usize
        );
    }
}
