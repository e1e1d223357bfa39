//! `cargo xtask snippet`: the snippet for a CMS, from a config file, with the
//! widget's own generator (crates/core/src/snippet.rs) and its own validation messages.
//!
//! ```text
//! cargo xtask snippet --config FILE --target nukeviet|wordpress|html --dist-url URL
//!                     --out DIR [--lang vi|en] [--sections LIST] [--theme THEME]
//! ```
//! writes `DIR/placeholder.html` (what to paste where the widget goes; it passes
//! the CMS's filter) and `DIR/site.html` (the line to add once per site, in the
//! theme). The config travels inside the placeholder, so no file goes next to
//! `embed.js`.

use std::path::PathBuf;

use campaign_core::i18n::{error_message, Lang};
use campaign_core::snippet::{snippet, SnippetOptions, Target};
use unicode_normalization::UnicodeNormalization;

const USAGE: &str = "usage: cargo xtask snippet --config FILE --target nukeviet|wordpress|html \
--dist-url URL --out DIR [--lang vi|en] [--sections LIST] [--theme light|dark|auto]";

/// Runs the command with its arguments (after `snippet`).
pub fn run(args: &[String]) -> Result<(), String> {
    let mut config = None;
    let mut target = None;
    let mut dist_url = None;
    let mut out = None;
    let mut lang = Lang::Vi;
    let mut sections = None;
    let mut theme = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--config" => config = Some(PathBuf::from(value)),
            "--target" => {
                target = Some(Target::from_name(value).ok_or_else(|| {
                    format!("unknown target {value:?} (nukeviet, wordpress or html)\n{USAGE}")
                })?)
            }
            "--dist-url" => dist_url = Some(value.clone()),
            "--out" => out = Some(PathBuf::from(value)),
            "--lang" => {
                lang = Lang::from_tag(value)
                    .ok_or_else(|| format!("unknown language {value:?} (vi or en)\n{USAGE}"))?
            }
            "--sections" => sections = Some(value.clone()),
            "--theme" => theme = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let missing = |name: &str| format!("{name} is required\n{USAGE}");
    let config = config.ok_or_else(|| missing("--config"))?;
    let target = target.ok_or_else(|| missing("--target"))?;
    let dist_url = dist_url.ok_or_else(|| missing("--dist-url"))?;
    let out = out.ok_or_else(|| missing("--out"))?;

    let bytes = std::fs::read(&config).map_err(|e| format!("reading {}: {e}", config.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: the config is not UTF-8 text", config.display()))?;
    // As the loader does in the browser: NFC (text pasted from Word or macOS is
    // decomposed), no byte order mark.
    let json: String = text.trim_start_matches('\u{feff}').nfc().collect();
    let options = SnippetOptions {
        target,
        dist_url: &dist_url,
        lang,
        sections: sections.as_deref(),
        theme: theme.as_deref(),
    };
    let made = snippet(&json, &options).map_err(|error| error_message(lang, &error))?;
    std::fs::create_dir_all(&out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    for (name, text) in [
        ("placeholder.html", &made.placeholder),
        ("site.html", &made.site),
    ] {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
        println!("snippet: wrote {} ({} bytes)", path.display(), text.len());
    }
    Ok(())
}
