//! Shrinks what the wasm embeds, at build time: the widget's CSS without comments
//! or layout whitespace, and the default campaign's JSON compact and without its
//! `$comment`s (notes for people, kept in the source file), and the Vietnamese
//! lunar calendar's table (three bytes a year, computed with the astronomical
//! algorithms of src/time/lunar/astronomy.rs, which never ship). All are written
//! to OUT_DIR and included from there.

#[path = "src/time/lunar/astronomy.rs"]
#[allow(dead_code)]
mod astronomy;
#[path = "src/embed/minify_css.rs"]
mod minify_css;

use minify_css::minify_css;

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/embed/widget.css");
    println!("cargo:rerun-if-changed=src/embed/minify_css.rs");
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
