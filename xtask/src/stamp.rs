//! Trunk's post-build hook: writes the hashed glue and wasm file names, and the
//! crate version, into the staged embed.js, then minifies it and the
//! wasm-bindgen glue with terser (npm): both are on every page's critical path,
//! and Trunk's own minifier cannot parse the glue (`export default`). The
//! wasm's imports from the glue get short names (see `imports`). The loader's
//! own name stays fixed (it is what pages reference); everything it loads is
//! content-hashed.

use std::fs;
use std::path::{Path, PathBuf};

use crate::tasks::project_root;

/// Stamps `$TRUNK_STAGING_DIR/embed.js`.
pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("stamp-loader runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?;
    stamp(&staging, &crate_version()?)
}

fn stamp(dir: &Path, version: &str) -> Result<(), String> {
    let names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    let wasm = single(
        &names,
        |n| n.starts_with("campaign-widget-") && n.ends_with("_bg.wasm"),
        "wasm",
    )?;
    let glue = single(
        &names,
        |n| n.starts_with("campaign-widget-") && n.ends_with(".js"),
        "glue",
    )?;
    let loader_path = dir.join("embed.js");
    let loader = fs::read_to_string(&loader_path)
        .map_err(|e| format!("reading {}: {e}", loader_path.display()))?;
    let placeholders = ["__CW_VERSION__", "__CW_GLUE__", "__CW_WASM__"];
    if let Some(missing) = placeholders.iter().find(|p| !loader.contains(*p)) {
        return Err(format!("embed.js has no {missing} to fill in"));
    }
    let stamped = loader
        .replace("__CW_VERSION__", version)
        .replace("__CW_GLUE__", glue)
        .replace("__CW_WASM__", wasm);
    fs::write(&loader_path, stamped)
        .map_err(|e| format!("writing {}: {e}", loader_path.display()))?;
    minify(&loader_path, &[])?;
    let renamed = crate::imports::shorten(dir, wasm, glue)?;
    // The glue keeps its exports (`--module` never renames them).
    minify(&dir.join(glue), &["--module"])?;
    println!("stamp-loader: embed.js {version} -> {glue}, {wasm} ({renamed} imports renamed)");
    Ok(())
}

/// Minifies a script in place; keeps `/*!` headers (the loader's says what it is
/// and how to embed it).
fn minify(path: &Path, options: &[&str]) -> Result<(), String> {
    let terser = project_root().join("node_modules/terser/bin/terser");
    if !terser.exists() {
        return Err("node_modules/terser is missing: run `cargo xtask setup`".to_owned());
    }
    crate::tasks::run_command(
        std::process::Command::new("node")
            .arg(&terser)
            .arg(path)
            .args(options)
            .args(["--compress", "--mangle", "--comments", "some", "--output"])
            .arg(path),
    )
}

fn single<'a>(
    names: &'a [String],
    wanted: impl Fn(&str) -> bool,
    what: &str,
) -> Result<&'a str, String> {
    let found: Vec<&String> = names.iter().filter(|n| wanted(n)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        _ => Err(format!(
            "expected one {what} file in the staging dir, found {found:?}"
        )),
    }
}

/// The widget crate's version, from the root Cargo.toml's [package] table.
pub fn crate_version() -> Result<String, String> {
    let manifest =
        fs::read_to_string(project_root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .map(|v| v.trim_end_matches('"').to_owned())
        .ok_or_else(|| "no version in Cargo.toml".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_in_the_names_and_minifies() -> Result<(), String> {
        let dir = std::env::temp_dir().join(format!("stamp-test-{}", std::process::id()));
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        for name in ["campaign-widget-abc.js", "index.html"] {
            fs::write(dir.join(name), "").map_err(|e| e.to_string())?;
        }
        // An empty module: nothing imported, nothing to rename.
        fs::write(dir.join("campaign-widget-abc_bg.wasm"), b"\0asm\x01\0\0\0")
            .map_err(|e| e.to_string())?;
        fs::write(
            dir.join("embed.js"),
            "/*! the loader */\n// how it works\nwindow.files = [ '__CW_VERSION__', '__CW_GLUE__', '__CW_WASM__' ];\n",
        )
        .map_err(|e| e.to_string())?;
        stamp(&dir, "1.2.3")?;
        let out = fs::read_to_string(dir.join("embed.js")).map_err(|e| e.to_string())?;
        fs::remove_dir_all(&dir).map_err(|e| e.to_string())?;
        assert_eq!(
            out,
            "/*! the loader */\nwindow.files=[\"1.2.3\",\"campaign-widget-abc.js\",\"campaign-widget-abc_bg.wasm\"];"
        );
        Ok(())
    }
}
