//! The WordPress plugin's zip, `target/bundle/campaign-widget-wordpress-<version>.zip`,
//! which a webmaster uploads in Plugins → Add New → Upload. Its one top folder
//! `campaign-widget/` holds the plugin's source
//! (`integrations/wordpress/campaign-widget/`), its translations compiled to
//! `.mo` (gettext's `msgfmt`), the generator's fallback markup for the built-in
//! campaign (`fallback/default-<lang>.html`, from crates/core/src/snippet.rs),
//! and this release's `dist/` without the builder and demo pages (the block
//! editor keeps the builder's generator: `builder-api.js` and its wasm).
//!
//! WordPress unpacks an upload with `unzip_file` (wp-admin/includes/file.php:
//! ZipArchive, else PclZip) and takes the folder inside as the plugin's
//! directory, so the zip holds plain deflated files under one folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use campaign_core::config::{parse_config, DEFAULT_CAMPAIGN_JSON};
use campaign_core::i18n::Lang;
use campaign_core::snippet::fallback_markup;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The plugin's folder inside the zip, and so in `wp-content/plugins/`.
pub const PLUGIN_FOLDER: &str = "campaign-widget";

/// The plugin's source in the repository.
pub fn plugin_source(root: &Path) -> PathBuf {
    root.join("integrations")
        .join("wordpress")
        .join(PLUGIN_FOLDER)
}

/// Whether a file of dist/ goes into the plugin: everything the widget and the
/// block editor's generator load, not the snippet builder's page (builder.html,
/// builder.js, builder.css) nor the demo page (index.html, its CSS, favicon).
fn ships(name: &str) -> bool {
    let base = name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .unwrap_or(name);
    !matches!(
        base,
        "builder.html" | "builder.js" | "builder.css" | "index.html" | "favicon.svg"
    ) && !base.starts_with("demo-")
}

/// Writes `out/campaign-widget-wordpress-<version>.zip` from the plugin's
/// source and `dist` (already built, with its `.br`/`.gz`), after checking
/// that the plugin's header, its version constant and readme.txt's stable tag
/// all say `version`. Returns the zip's path.
pub fn plugin_zip(root: &Path, dist: &Path, out: &Path, version: &str) -> Result<PathBuf, String> {
    let source = plugin_source(root);
    check_versions(&source, version)?;
    fs::create_dir_all(out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    let path = out.join(format!("campaign-widget-wordpress-{version}.zip"));
    let file = fs::File::create(&path).map_err(|e| format!("creating {}: {e}", path.display()))?;
    let mut zip = ZipWriter::new(file);
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        // Already compressed files are stored, the rest deflated.
        let method = if name.ends_with(".br") || name.ends_with(".gz") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .unix_permissions(0o644);
        zip.start_file(format!("{PLUGIN_FOLDER}/{name}"), options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("zip {name}: {e}"))
    };

    for relative in files_under(&source)? {
        let bytes = fs::read(source.join(&relative))
            .map_err(|e| format!("reading {}: {e}", relative.display()))?;
        add(&relative.to_string_lossy(), &bytes)?;
        if relative.extension().is_some_and(|e| e == "po") {
            let mo = compile_po(&source.join(&relative))?;
            add(&relative.with_extension("mo").to_string_lossy(), &mo)?;
        }
    }
    for (lang, code) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        add(
            &format!("fallback/default-{code}.html"),
            default_fallback(lang)?.as_bytes(),
        )?;
    }
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("reading {}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| ships(name))
        .collect();
    names.sort();
    if !names.iter().any(|n| n == "embed.js") {
        return Err(format!(
            "{} has no embed.js: build it first",
            dist.display()
        ));
    }
    for name in names {
        let bytes = fs::read(dist.join(&name)).map_err(|e| format!("reading {name}: {e}"))?;
        add(&format!("dist/{name}"), &bytes)?;
    }
    zip.finish()
        .map_err(|e| format!("finishing {}: {e}", path.display()))?;
    Ok(path)
}

/// The generator's fallback markup for the built-in campaign in `lang`: what
/// the shortcode and the block write when no config is given.
pub fn default_fallback(lang: Lang) -> Result<String, String> {
    let parsed =
        parse_config(DEFAULT_CAMPAIGN_JSON).map_err(|e| format!("default campaign: {e:?}"))?;
    Ok(fallback_markup(&parsed.campaign, lang))
}

/// Every file under `dir`, relative to it, sorted; `.mo` files are left out
/// (the zip's are compiled from the `.po` sources).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let entries = fs::read_dir(dir.join(&relative))
            .map_err(|e| format!("reading {}: {e}", dir.join(&relative).display()))?;
        for entry in entries.filter_map(|entry| entry.ok()) {
            let path = relative.join(entry.file_name());
            if entry.path().is_dir() {
                pending.push(path);
            } else if path.extension().is_none_or(|e| e != "mo") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// A `.po` file compiled to `.mo` by gettext's `msgfmt --check` (which also
/// checks that the `%s` of each translation match the original's), written to
/// its standard output.
fn compile_po(po: &Path) -> Result<Vec<u8>, String> {
    let out = Command::new("msgfmt")
        .arg("--check")
        .args(["-o", "-"])
        .arg(po)
        .output()
        .map_err(|e| format!("msgfmt (gettext, `cargo xtask setup` installs it): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "msgfmt {}: {}",
            po.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out.stdout)
}

/// Refuses a plugin whose version is not the widget's: the header's
/// `Version:`, the `CAMPAIGN_WIDGET_VERSION` constant and readme.txt's
/// `Stable tag:` (which WordPress's directory reads) must all be `version`.
fn check_versions(source: &Path, version: &str) -> Result<(), String> {
    let read = |name: &str| {
        fs::read_to_string(source.join(name)).map_err(|e| format!("reading {name}: {e}"))
    };
    let php = read("campaign-widget.php")?;
    let readme = read("readme.txt")?;
    let checks = [
        ("campaign-widget.php", header(&php, "Version")),
        (
            "campaign-widget.php (CAMPAIGN_WIDGET_VERSION)",
            php.lines()
                .find_map(|l| l.strip_prefix("const CAMPAIGN_WIDGET_VERSION = '"))
                .and_then(|rest| rest.split('\'').next())
                .map(str::to_owned),
        ),
        ("readme.txt", header(&readme, "Stable tag")),
    ];
    for (file, found) in checks {
        if found.as_deref() != Some(version) {
            return Err(format!(
                "{file} says version {found:?}, the widget crate is {version}: update the plugin's version"
            ));
        }
    }
    Ok(())
}

/// A `Name: value` header line as WordPress reads it (`get_file_data`,
/// wp-includes/functions.php: the name at a line's start after any ` * `).
fn header(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.trim_start_matches([' ', '\t', '*', '#', '@']);
        line.strip_prefix(name)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .map(|value| value.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn reads_headers_as_wordpress_does() {
        let php = "<?php\n/**\n * Plugin Name: X\n * Version:           1.2.3\n */";
        assert_eq!(header(php, "Version").as_deref(), Some("1.2.3"));
        assert_eq!(
            header("=== X ===\nStable tag: 4.5\n", "Stable tag").as_deref(),
            Some("4.5")
        );
        assert_eq!(header(php, "Requires PHP"), None);
    }

    #[test]
    fn ships_the_widget_and_the_generator_not_the_pages() {
        for name in [
            "embed.js",
            "embed.js.br",
            "campaign-widget-0123_bg.wasm.gz",
            "builder-api.js",
            "builder-generator_bg.wasm",
            "leaflet-ab.css",
        ] {
            assert!(ships(name), "{name}");
        }
        for name in [
            "builder.html",
            "builder.js.gz",
            "index.html.br",
            "demo-12.css",
        ] {
            assert!(!ships(name), "{name}");
        }
    }

    #[test]
    fn the_default_fallback_is_the_generators() -> Result<(), String> {
        let vi = default_fallback(Lang::Vi)?;
        assert!(vi.starts_with("<h2>Phong trào thi đua"), "{vi}");
        assert!(vi.contains("<li><strong>03/02 hằng năm</strong>: "));
        let en = default_fallback(Lang::En)?;
        assert_ne!(vi, en);
        Ok(())
    }

    /// The zip of the repository's plugin and a small dist/: one top folder,
    /// the plugin's files, its compiled translations, the fallbacks, and dist/
    /// without the builder page.
    #[test]
    fn packs_the_plugin_under_one_folder() -> Result<(), String> {
        let root = crate::tasks::project_root();
        let base = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dist = base.path().join("dist");
        fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
        for name in ["embed.js", "embed.js.br", "builder.html", "builder-api.js"] {
            fs::write(dist.join(name), name).map_err(|e| e.to_string())?;
        }
        let version = crate::stamp::crate_version()?;
        let path = plugin_zip(&root, &dist, base.path(), &version)?;
        assert!(path.ends_with(format!("campaign-widget-wordpress-{version}.zip")));
        let file = fs::File::open(&path).map_err(|e| e.to_string())?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
        let names = zip
            .file_names()
            .map(|name| name.map(|n| n.into_owned()))
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| e.to_string())?;
        assert!(
            names.iter().all(|n| n.starts_with("campaign-widget/")),
            "{names:?}"
        );
        for want in [
            "campaign-widget/campaign-widget.php",
            "campaign-widget/block.json",
            "campaign-widget/readme.txt",
            "campaign-widget/languages/campaign-widget-vi.mo",
            "campaign-widget/fallback/default-vi.html",
            "campaign-widget/dist/embed.js",
            "campaign-widget/dist/embed.js.br",
            "campaign-widget/dist/builder-api.js",
        ] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.ends_with("builder.html")));
        let mut text = String::new();
        zip.by_name("campaign-widget/dist/embed.js")
            .map_err(|e| e.to_string())?
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        assert_eq!(text, "embed.js");
        Ok(())
    }

    #[test]
    fn refuses_a_plugin_of_another_version() {
        let root = crate::tasks::project_root();
        let error = check_versions(&plugin_source(&root), "0.0.0-not-this").err();
        assert!(error.is_some_and(|e| e.contains("update the plugin's version")));
    }
}
