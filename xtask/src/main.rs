//! Project automation, run as `cargo xtask <command>`:
//!
//! - `setup`: install what is missing (wasm target, trunk, wasm-bindgen-cli, npm
//!   packages, Chromium and nginx), skipping quickly what is present;
//! - `serve`: setup, then `trunk serve` of the demo page on http://127.0.0.1:8080;
//! - `build`: setup, then the release `dist/`;
//! - `test`: setup, then every test tier (lint, native, browser, end-to-end);
//! - `lint`: the lint tier alone (fmt, clippy host and wasm32, rustdoc, eslint);
//! - `bench`: setup, then the release dist/ measured in Chromium (figures, not pass/fail);
//! - `dist`: the release bundle (versioned directory and tarball, file list,
//!   SHA-256 sums, the SRI hash of embed.js) and the WordPress plugin's zip;
//! - `snippet`: the snippet for a CMS from a config file (see `snippet.rs`);
//! - `stamp-loader`: Trunk's post-build hook that writes file names into embed.js,
//!   shortens the wasm's import names and minifies the scripts, builds the
//!   snippet builder's own generator wasm, and in release builds writes the
//!   `.br` and `.gz` copies of the text and wasm files.

mod bundle;
mod compress;
mod generator;
mod imports;
mod setup;
mod snippet;
mod stamp;
mod tasks;
mod wordpress;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(setup::Needs::Everything),
        Some("serve") => tasks::serve(),
        Some("build") => tasks::build_release(),
        Some("test") => tasks::test(&args[1..]),
        Some("lint") => setup::run(setup::Needs::Build).and_then(|()| tasks::lint()),
        Some("bench") => tasks::bench(),
        Some("dist") => bundle::run(),
        Some("snippet") => snippet::run(&args[1..]),
        Some("stamp-loader") => stamp::run(),
        _ => Err(format!(
            "usage: cargo xtask <setup|serve|build|test|lint|bench|dist|snippet|stamp-loader>\n  got: {}",
            args.join(" ")
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
