//! Trunk's post-build hook. It gives the wasm's imports from the glue short
//! names (see `imports`), then writes into the staged embed.js the crate version,
//! the hashed wasm file name and its SRI hash, and the wasm-bindgen glue itself
//! (`--target no-modules`; the glue file is then removed): one script fewer to
//! fetch before the wasm, and an SRI-pinned embed.js pins the glue and the wasm
//! too. Last, terser (npm) minifies embed.js, which is on every page's critical
//! path (Trunk's own minifier cannot parse wasm-bindgen's glue). The loader's own
//! name stays fixed (it is what pages reference); the wasm's is content-hashed.
//! In release builds it ends by writing the `.br` and `.gz` copies of every text
//! and wasm file (`compress`), so every release ships them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::tasks::project_root;

/// The CSS minifier build.rs uses for the CSS compiled into the wasm.
fn minify_css(css: &str) -> Result<String, String> {
    build_support::minify_css(css).map_err(|e| format!("src/embed/widget.css: {e}"))
}

/// Stamps `$TRUNK_STAGING_DIR/embed.js`.
pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("stamp-loader runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?;
    stamp(&staging, &crate_version()?)?;
    crate::generator::build(&staging)?;
    // Quality-11 brotli and Zopfli take seconds: release builds only (the
    // development server sends files as they are).
    if std::env::var("TRUNK_PROFILE").as_deref() == Ok("release") {
        let names = crate::compress::precompress(&staging)?;
        println!(
            "stamp-loader: wrote .br and .gz beside {}",
            names.join(", ")
        );
    }
    Ok(())
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
    // Short import names first: they change both the wasm and the glue.
    let renamed = crate::imports::shorten(dir, wasm, glue)?;
    let glue_path = dir.join(glue);
    let glue_source = fs::read_to_string(&glue_path)
        .map_err(|e| format!("reading {}: {e}", glue_path.display()))?;
    if !glue_source.starts_with("let wasm_bindgen = ") {
        return Err(format!(
            "{glue} is not wasm-bindgen's `--target no-modules` glue (index.html sets data-bindgen-target)"
        ));
    }
    let glue_source = without_init_sync(&glue_source)?;
    let wasm_bytes = fs::read(dir.join(wasm)).map_err(|e| format!("reading {wasm}: {e}"))?;
    let loader_path = dir.join("embed.js");
    let loader = fs::read_to_string(&loader_path)
        .map_err(|e| format!("reading {}: {e}", loader_path.display()))?;
    let placeholders = [
        "__CW_VERSION__",
        "/*__CW_GLUE__*/",
        "__CW_WASM__",
        "__CW_WASM_INTEGRITY__",
        SHARED_PLACEHOLDER,
    ];
    if let Some(missing) = placeholders.iter().find(|p| !loader.contains(*p)) {
        return Err(format!("embed.js has no {missing} to fill in"));
    }
    let shared = shared_values(&version_assets(dir)?, &write_default_campaign(dir)?);
    let stamped = loader
        .replace(SHARED_PLACEHOLDER, &shared)
        .replace("__CW_VERSION__", version)
        .replace("__CW_WASM_INTEGRITY__", &crate::bundle::sri(&wasm_bytes))
        .replace("__CW_WASM__", wasm)
        .replace("/*__CW_GLUE__*/", &glue_source);
    fs::write(&loader_path, stamped)
        .map_err(|e| format!("writing {}: {e}", loader_path.display()))?;
    // The glue now lives in embed.js only.
    fs::remove_file(&glue_path).map_err(|e| format!("removing {glue}: {e}"))?;
    minify(&loader_path)?;
    stamp_builder(dir, &shared)?;
    println!("stamp-loader: embed.js {version} carries the glue, loads {wasm} ({renamed} imports renamed)");
    Ok(())
}

/// The glue's `initSync` (synchronous instantiation, which the loader never
/// uses) is exported on `wasm_bindgen`, so terser cannot drop it; unexported, it
/// goes, with its deprecation message: 0.4 KB of embed.js before minifying.
/// Strict, so that a wasm-bindgen whose glue changes shape is noticed.
fn without_init_sync(glue: &str) -> Result<String, String> {
    const EXPORTS: &str = "Object.assign(__wbg_init, { initSync }, exports)";
    if glue.matches(EXPORTS).count() != 1 {
        return Err(format!(
            "the glue does not end with `{EXPORTS}` (a new wasm-bindgen?): stamp.rs needs a look"
        ));
    }
    Ok(glue.replace(EXPORTS, "Object.assign(__wbg_init, exports)"))
}

/// Where embed.js and builder.js take [`shared_values`]: an empty object
/// literal with a comment, so the unstamped scripts still parse and lint.
const SHARED_PLACEHOLDER: &str = "{/*__CW_SHARED__*/}";

/// What the scripts share with the wasm, as a JavaScript object literal (JSON):
/// `assets` (plain name to this release's hashed name, in the order of
/// `campaign_core::shared::LATER_FILES`, which is the order embed.js hands
/// them to the wasm), `configBytes`, `sections` and `osmTiles` (`url`,
/// `attribution`), all from the core crate, and `defaultCampaign`, the
/// content-hashed name of the built-in campaign's JSON (`default_campaign`).
fn shared_values(hashed: &[String], default_campaign: &str) -> String {
    use campaign_core::config::{limits, Section, OSM_ATTRIBUTION, OSM_TILE_URL};
    let assets: serde_json::Map<String, serde_json::Value> = campaign_core::shared::LATER_FILES
        .iter()
        .zip(hashed)
        .map(|(plain, hashed)| ((*plain).to_owned(), hashed.as_str().into()))
        .collect();
    serde_json::json!({
        "assets": assets,
        "defaultCampaign": default_campaign,
        "configBytes": limits::CONFIG_BYTES,
        "sections": Section::ALL.map(Section::name),
        "osmTiles": { "url": OSM_TILE_URL, "attribution": OSM_ATTRIBUTION },
    })
    .to_string()
}

/// Stamps the shared values into the staged builder.js (the builder's page).
fn stamp_builder(dir: &Path, shared: &str) -> Result<(), String> {
    let path = dir.join("builder.js");
    let Ok(builder) = fs::read_to_string(&path) else {
        return Ok(()); // a staging dir without the builder (unit tests)
    };
    if !builder.contains(SHARED_PLACEHOLDER) {
        return Err(format!("builder.js has no {SHARED_PLACEHOLDER} to fill in"));
    }
    fs::write(&path, builder.replace(SHARED_PLACEHOLDER, shared))
        .map_err(|e| format!("writing {}: {e}", path.display()))
}

/// Writes the built-in campaign (the default campaign's minified JSON, from
/// the core crate) as `default-campaign-<16 hex>.json` and returns that name.
/// embed.js fetches it, in parallel with the wasm, for a placeholder without
/// any config (the demo page); it is not in the wasm, so a page with its own
/// config never downloads it (6.7 KB of JSON, 2.4 KB brotli).
fn write_default_campaign(dir: &Path) -> Result<String, String> {
    let json = campaign_core::config::DEFAULT_CAMPAIGN_JSON;
    let name = format!("default-campaign-{}.json", content_hash(json.as_bytes()));
    fs::write(dir.join(&name), json).map_err(|e| format!("writing {name}: {e}"))?;
    Ok(name)
}

/// Gives every file the widget loads later a content-hashed name
/// (`leaflet-<16 hex>.js`, as Trunk names the wasm), so that no cache can mix two
/// releases and servers may cache them for a year; returns the names in the
/// order of `LATER_FILES`.
fn version_assets(dir: &Path) -> Result<Vec<String>, String> {
    let css = fs::read_to_string(project_root().join("src/embed/widget.css"))
        .map_err(|e| format!("reading src/embed/widget.css: {e}"))?;
    fs::write(
        dir.join(campaign_core::shared::WIDGET_CSS),
        minify_css(&css)?,
    )
    .map_err(|e| format!("writing widget.css: {e}"))?;
    let mut names = Vec::new();
    let leaflet = dir.join(campaign_core::shared::LEAFLET_JS);
    guard_for_in(&leaflet)?;
    let source =
        fs::read_to_string(&leaflet).map_err(|e| format!("reading {}: {e}", leaflet.display()))?;
    fs::write(&leaflet, without_module_loaders(&source))
        .map_err(|e| format!("writing {}: {e}", leaflet.display()))?;
    for file in campaign_core::shared::LATER_FILES {
        let path = dir.join(file);
        let bytes = fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
        let hashed = format!("{stem}-{}.{extension}", content_hash(&bytes));
        fs::rename(&path, dir.join(&hashed)).map_err(|e| format!("renaming {file}: {e}"))?;
        names.push(hashed);
    }
    Ok(names)
}

/// Leaflet's script as the widget ships it: run in a function whose `define`,
/// `module` and `exports` are undefined and whose `globalThis` is an object of
/// its own. Leaflet's UMD header (1.9.4, `dist/leaflet.js`) otherwise hands
/// itself to a page's AMD loader when `define.amd` is set (RequireJS, Dojo,
/// the ArcGIS API, Liferay's loader): the loader gets a stray anonymous
/// `define()` ("mismatched anonymous define") and `L` never appears, so the map
/// falls back to text. Wrapped, the header takes its plain-script branch and
/// puts Leaflet on that object (`.leaflet`).
///
/// Leaflet then sets `window.L` itself; the wrapper gives the page back what it
/// had (its own `L`, e.g. a Leaflet 0.7 map with its plugins, or none) and hands
/// Leaflet to the widget on its `<script>` element (`script.leaflet`, read by
/// src/map/load.rs). Where `document.currentScript` is missing, `window.L` stays
/// Leaflet's, as before.
///
/// The wrapper also defines `_cwInherited(object, key)`, the test
/// `guard_for_in` puts in each of Leaflet's for-in loops: true when the
/// property `key` that the loop reached on `object` is one the page put on
/// `Object.prototype` or `Array.prototype` (the first object of the chain that
/// owns it is one of those two), so an object's own `remove` still counts when
/// the page added an enumerable `Array.prototype.remove`. It holds the
/// built-ins as they were when Leaflet ran: a page that replaces
/// `hasOwnProperty` or `call` later changes nothing.
fn without_module_loaders(source: &str) -> String {
    format!(
        "(function (scope, hadL, pageL) {{\n(function (define, module, exports, globalThis, _cwInherited) {{\n{source}\n}})(undefined, undefined, undefined, scope, {INHERITED_TEST});\nvar script = document.currentScript;\nif (script) {{\n  script.leaflet = scope.leaflet;\n  if (hadL) window.L = pageL; else delete window.L;\n}}\n}})({{}}, \"L\" in window, window.L);\n"
    )
}

/// `_cwInherited` for `without_module_loaders`. A for-in loop only reaches
/// enumerable properties, and the built-ins' own are not: on a page that adds
/// nothing it is false for every key.
const INHERITED_TEST: &str = "(function (hasOwn, prototypeOf, objects, arrays) { return function (object, key) { for (var owner = object; owner != null; owner = prototypeOf(owner)) { if (hasOwn(owner, key)) return owner === objects || owner === arrays; } return false; }; })(Function.prototype.call.bind(Object.prototype.hasOwnProperty), Object.getPrototypeOf, Object.prototype, Array.prototype)";

/// Runs `xtask/js/guard-for-in.mjs` (acorn, from node_modules) on the script
/// at `path`, in place: each for-in loop skips the keys `_cwInherited` names.
fn guard_for_in(path: &Path) -> Result<(), String> {
    let acorn = project_root().join("node_modules/acorn");
    if !acorn.exists() {
        return Err("node_modules/acorn is missing: run `cargo xtask setup`".to_owned());
    }
    crate::tasks::run_command(
        std::process::Command::new("node")
            .arg(project_root().join("xtask/js/guard-for-in.mjs"))
            .arg(path),
    )
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// terser's command-line script, installed by `cargo xtask setup` (npm).
fn terser_path() -> PathBuf {
    project_root().join("node_modules/terser/bin/terser")
}

/// Minifies a classic script in place; keeps `/*!` headers (the loader's says
/// what it is and how to embed it).
fn minify(path: &Path) -> Result<(), String> {
    let terser = terser_path();
    if !terser.exists() {
        return Err("node_modules/terser is missing: run `cargo xtask setup`".to_owned());
    }
    crate::tasks::run_command(
        std::process::Command::new("node")
            .arg(&terser)
            .arg(path)
            // ES2020 output (the glue itself already uses `?.`, and browsers that
            // run the wasm's features all parse ES2020): function expressions that
            // use no `this` become arrows, object methods shorthand; 110 B gzip.
            .args([
                "--ecma",
                "2020",
                "--compress",
                "passes=3,unsafe_arrows=true,unsafe_methods=true",
                "--mangle",
                "--comments",
                "some",
                "--output",
            ])
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

/// The version of the widget's package (`campaign-widget`), wherever in the
/// workspace its manifest is, as `cargo metadata` reads it.
pub fn crate_version() -> Result<String, String> {
    // Only the workspace's own packages: nothing to resolve or download.
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(project_root().join("Cargo.toml"))
        .no_deps()
        .exec()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    metadata
        .workspace_packages()
        .into_iter()
        .find(|p| p.name.as_str() == WIDGET_PACKAGE)
        .map(|p| p.version.to_string())
        .ok_or_else(|| format!("no {WIDGET_PACKAGE} package in the workspace"))
}

/// The package whose version embed.js and the release bundle carry.
const WIDGET_PACKAGE: &str = "campaign-widget";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inlines_the_glue_pins_the_wasm_and_minifies() -> Result<(), String> {
        // Stamping ends with terser, from node_modules: a clone without it
        // (`cargo test` before `cargo xtask setup`) skips this test, while
        // `cargo xtask test` installs node_modules first and runs it.
        if !terser_path().exists() {
            // Under `cargo xtask test` (which sets the variable) it must be there.
            assert!(
                std::env::var_os("CW_REQUIRE_TEST_TOOLS").is_none(),
                "node_modules/terser is missing: run `cargo xtask setup`"
            );
            eprintln!("skipped: node_modules/terser is missing (run cargo xtask setup)");
            return Ok(());
        }
        let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dir = temp.path();
        fs::write(dir.join("index.html"), "").map_err(|e| e.to_string())?;
        fs::write(
            dir.join("campaign-widget-abc.js"),
            "let wasm_bindgen = (function (exports) { function initSync() { console.warn('old') } async function __wbg_init() {} return Object.assign(__wbg_init, { initSync }, exports); })({ v: 1 });\n",
        )
        .map_err(|e| e.to_string())?;
        // An empty module: nothing imported, nothing to rename.
        let wasm = b"\0asm\x01\0\0\0";
        fs::write(dir.join("campaign-widget-abc_bg.wasm"), wasm).map_err(|e| e.to_string())?;
        fs::write(
            dir.join("embed.js"),
            "/*! the loader */\n// how it works\nwindow.w = (function () {\n  /*__CW_GLUE__*/\n  return [wasm_bindgen.v, '__CW_VERSION__', '__CW_WASM__', '__CW_WASM_INTEGRITY__', {/*__CW_SHARED__*/}];\n})();\n",
        )
        .map_err(|e| e.to_string())?;
        fs::write(dir.join("leaflet.js"), "window.L = {};").map_err(|e| e.to_string())?;
        fs::write(dir.join("leaflet.css"), ".leaflet{}").map_err(|e| e.to_string())?;
        fs::write(
            dir.join("builder.js"),
            "var shared = {/*__CW_SHARED__*/};\n",
        )
        .map_err(|e| e.to_string())?;
        stamp(dir, "1.2.3")?;
        let out = fs::read_to_string(dir.join("embed.js")).map_err(|e| e.to_string())?;
        let glue_left = dir.join("campaign-widget-abc.js").exists();
        let mut files: Vec<String> = fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        files.sort();
        // guard_for_in prints nothing into a script without for-in loops.
        let leaflet_js = format!(
            "leaflet-{}.js",
            content_hash(without_module_loaders("window.L = {};").as_bytes())
        );
        let css = minify_css(
            &fs::read_to_string(project_root().join("src/embed/widget.css"))
                .map_err(|e| e.to_string())?,
        )?;
        let widget_css = format!("widget-{}.css", content_hash(css.as_bytes()));
        let written_css = fs::read_to_string(dir.join(&widget_css)).unwrap_or_default();
        assert_eq!(
            written_css, css,
            "the linked CSS is the one compiled into the wasm"
        );
        assert!(files.contains(&leaflet_js), "{files:?}");
        assert!(
            !files
                .iter()
                .any(|f| f == "leaflet.js" || f == "leaflet.css" || f == "widget.css"),
            "no file the widget loads keeps a fixed name: {files:?}"
        );
        // The shared values, as terser writes the object literal.
        assert!(
            out.contains(&format!(
                "\"leaflet.js\":\"{leaflet_js}\",\"leaflet.css\":\"leaflet-"
            )),
            "{out}"
        );
        assert!(
            out.contains(&format!("\"widget.css\":\"{widget_css}\"}}")),
            "{out}"
        );
        assert!(out.contains("configBytes:262144"), "{out}");
        assert!(
            out.contains("sections:[\"summary\",\"countdown\",\"map\"]"),
            "{out}"
        );
        let builder = fs::read_to_string(dir.join("builder.js")).map_err(|e| e.to_string())?;
        assert!(
            builder.starts_with("var shared = {\"assets\":{\"leaflet.js\":")
                && builder.contains(
                    "\"osmTiles\":{\"url\":\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\""
                ),
            "{builder}"
        );
        assert!(!glue_left, "the glue lives in embed.js only");
        assert!(out.starts_with("/*! the loader */\n"), "{out}");
        assert!(!out.contains("how it works"), "{out}");
        assert!(!out.contains("initSync") && !out.contains("old"), "{out}");
        let integrity = crate::bundle::sri(wasm);
        assert!(
            out.contains(&format!(
                "{{v:1}}).v,\"1.2.3\",\"campaign-widget-abc_bg.wasm\",\"{integrity}\","
            )),
            "{out}"
        );
        Ok(())
    }

    #[test]
    fn guards_each_for_in_loop_and_keeps_else_where_it_was() -> Result<(), String> {
        if !project_root().join("node_modules/acorn").exists() {
            assert!(
                std::env::var_os("CW_REQUIRE_TEST_TOOLS").is_none(),
                "node_modules/acorn is missing: run `cargo xtask setup`"
            );
            eprintln!("skipped: node_modules/acorn is missing (run cargo xtask setup)");
            return Ok(());
        }
        // A loop over an expression the guard would have to run again.
        let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let call = temp.path().join("call.js");
        fs::write(&call, "for (var k in make()) use(k);").map_err(|e| e.to_string())?;
        assert!(guard_for_in(&call).is_err());
        let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = temp.path().join("loops.js");
        fs::write(
            &path,
            "var seen = [], own = {x: 1, remove: 3}, list = [7];\nif (window.a) for (var k in own) seen.push(k); else seen.push('else');\nfor (j in (seen.length, list)) { seen.push(j); }\nwindow.seen = seen;\n",
        )
        .map_err(|e| e.to_string())?;
        guard_for_in(&path)?;
        let guarded = fs::read_to_string(&path).map_err(|e| e.to_string())?;
        assert_eq!(
            guarded,
            "var seen = [], own = {x: 1, remove: 3}, list = [7];\nif (window.a) for (var k in own) if(_cwInherited(own,k));else seen.push(k); else seen.push('else');\nfor (j in (seen.length, list)) if(_cwInherited(list,j));else { seen.push(j); }\nwindow.seen = seen;\n"
        );
        // Run wrapped: a page's Object.prototype.extra and Array.prototype.remove
        // are not visited, an object's own `remove` is; the `else` still
        // belongs to `if (window.a)`.
        let script = format!(
            "var window = {{ a: true }}, document = {{}}; Object.prototype.extra = 1; Array.prototype.remove = 2;\n{}\nconsole.log(JSON.stringify(window.seen));",
            without_module_loaders(&guarded)
        );
        let output = std::process::Command::new("node")
            .args(["-e", &script])
            .output()
            .map_err(|e| e.to_string())?;
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            r#"["x","remove","0"]"#,
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(())
    }

    #[test]
    fn refuses_a_module_glue() -> Result<(), String> {
        let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dir = temp.path();
        for (file, text) in [
            (
                "campaign-widget-abc.js",
                "export function mount() {}".as_bytes(),
            ),
            ("campaign-widget-abc_bg.wasm", b"\0asm\x01\0\0\0"),
            ("embed.js", b"/*__CW_GLUE__*/"),
        ] {
            fs::write(dir.join(file), text).map_err(|e| e.to_string())?;
        }
        let result = stamp(dir, "1.2.3");
        assert!(result.is_err_and(|e| e.contains("no-modules")));
        Ok(())
    }

    #[test]
    fn reads_the_widgets_version() -> Result<(), String> {
        let version = crate_version()?;
        cargo_metadata::semver::Version::parse(&version).map_err(|e| format!("{version}: {e}"))?;
        Ok(())
    }
}
