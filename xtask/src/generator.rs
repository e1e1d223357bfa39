//! The snippet builder's own wasm: the widget crate with its `builder` feature
//! (the `snippet` and `lunarDate` exports, src/lib.rs), so that the builder page
//! runs the very generator `cargo xtask snippet` runs, while no visitor's
//! download carries it. Built by the post-build hook into the staging dir as
//! `builder-generator.js` (wasm-bindgen's `--target no-modules` glue) and
//! `builder-generator_bg.wasm`, which `static/builder-api.js` loads. Its own
//! target dir keeps the two feature sets from rebuilding each other.

use std::path::Path;
use std::process::Command;

use crate::tasks::{project_root, run_command, tool_path};

/// The WebAssembly features the widget's build enables (index.html's
/// `data-wasm-opt-params`).
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the generator wasm for Trunk's profile (`TRUNK_PROFILE`, release
/// when unset) and writes its glue and wasm into `staging`.
pub fn build(staging: &Path) -> Result<(), String> {
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let target_dir = project_root().join("target").join("builder");
    let mut cargo = Command::new("cargo");
    cargo
        .args(["build", "--lib", "--target", "wasm32-unknown-unknown"])
        .args(["--features", "builder", "--target-dir"])
        .arg(&target_dir)
        .current_dir(project_root());
    if release {
        cargo.arg("--release");
    }
    run_command(&mut cargo)?;
    let wasm = target_dir
        .join("wasm32-unknown-unknown")
        .join(if release { "release" } else { "debug" })
        .join("campaign_widget.wasm");
    run_command(
        Command::new(tool_path("wasm-bindgen"))
            .args(["--target", "no-modules", "--no-typescript"])
            .args(["--out-name", "builder-generator", "--out-dir"])
            .arg(staging)
            .arg(&wasm),
    )?;
    // Smaller for the builder page's visitors too: wasm-opt (npm's binaryen, on
    // PATH through node_modules/.bin), with the features index.html enables.
    if release {
        let out = staging.join("builder-generator_bg.wasm");
        run_command(
            Command::new(project_root().join("node_modules/.bin/wasm-opt"))
                .args(["-Oz", "--strip-debug", "--strip-producers"])
                .args(WASM_FEATURES)
                .arg(&out)
                .arg("-o")
                .arg(&out),
        )?;
    }
    println!("stamp-loader: the snippet builder's generator is builder-generator_bg.wasm");
    Ok(())
}
