//! Shrinks what the wasm embeds, at build time: the widget's CSS without comments
//! or layout whitespace, and the default campaign's JSON compact and without its
//! `$comment`s (notes for people, kept in the source file), and the Vietnamese
//! lunar calendar's table (three bytes a year, computed with the astronomical
//! algorithms of src/time/lunar/astronomy.rs, which never ship). All are written
//! to OUT_DIR and included from there.

#[path = "src/time/lunar/astronomy.rs"]
#[allow(dead_code)]
mod astronomy;

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/embed/widget.css");
    println!("cargo:rerun-if-changed=src/config/default_campaign.json");
    println!("cargo:rerun-if-changed=src/time/lunar/astronomy.rs");

    // Lunar years 1899 (it holds January 1900) to 2200: the range in
    // src/time/lunar/mod.rs.
    let table: Vec<u8> = (1899..=2200)
        .flat_map(|year| astronomy::year_shape(year).to_bytes())
        .collect();
    fs::write(out.join("lunar_years.bin"), table).expect("writing lunar_years.bin");

    let css = fs::read_to_string("src/embed/widget.css").expect("src/embed/widget.css");
    fs::write(out.join("widget.min.css"), minify_css(&css)).expect("writing widget.min.css");

    let json = fs::read_to_string("src/config/default_campaign.json")
        .expect("src/config/default_campaign.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&json).expect("default_campaign.json is JSON");
    strip_comments(&mut value);
    fs::write(out.join("default_campaign.min.json"), value.to_string())
        .expect("writing default_campaign.min.json");
}

/// Drops `/* … */` comments and collapses whitespace; spaces next to `{ } ; , >`
/// and after `:` go too, and so does the `;` before `}`. Spaces elsewhere stay
/// (they can be descendant combinators, or separate values). Safe for the
/// widget's CSS, whose only strings are font names and an empty `content`.
fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';' | ',' | '>') && out.ends_with(' ') {
            out.pop();
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';', ',', '>', ':']) {
            continue;
        }
        out.push(c);
    }
    out
}

fn strip_comments(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("$comment");
            map.values_mut().for_each(strip_comments);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_comments),
        _ => {}
    }
}
