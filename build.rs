//! Shrinks the CSS the wasm embeds, at build time: src/embed/widget.css without
//! comments or layout whitespace (the build-support crate's minifier, the one
//! `cargo xtask stamp-loader` uses for the linked copy), written to OUT_DIR and
//! included from there.

use std::path::PathBuf;
use std::{env, fs};

fn main() -> Result<(), String> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    let source = "src/embed/widget.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).map_err(|e| format!("reading {source}: {e}"))?;
    let minified = build_support::minify_css(&css).map_err(|e| format!("{source}: {e}"))?;
    fs::write(out.join("widget.min.css"), minified)
        .map_err(|e| format!("writing widget.min.css: {e}"))
}
