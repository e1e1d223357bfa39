//! `cargo xtask dist`: the release bundle webmasters deploy. A versioned
//! directory and tarball of dist/ (with the `.br` and `.gz` copies the build
//! wrote, which servers send as they are), with a file list (sizes raw, gzip and
//! brotli), SHA-256 sums, and the Subresource Integrity hash of embed.js for the
//! README's snippet; and the WordPress plugin's zip with a copy of dist/
//! (wordpress.rs).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::prelude::{Engine as _, BASE64_STANDARD};
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256, Sha384};

use crate::setup::{self, Needs};
use crate::tasks::{build_dist, project_root, run_command};

/// What a webmaster must know when deploying: the README's servers let
/// browsers use a cached embed.js for a week (`stale-while-revalidate`), and
/// that embed.js asks for its own release's hashed files.
const RETENTION: &str = "Deploying: copy this release over the previous one without deleting \
files. Browsers may use the previous embed.js for up to a week (Cache-Control: max-age=300, \
stale-while-revalidate=604800), and it loads the previous release's hashed files: remove \
those only a week after the upgrade (FILES.txt lists this release's own).";

/// Builds dist/ and packs it into `target/bundle/campaign-widget-<version>[.tar.gz]`,
/// and the plugin into `target/bundle/campaign-widget-wordpress-<version>.zip`.
pub fn run() -> Result<(), String> {
    setup::run(Needs::Build)?;
    setup::plugin_tools()?;
    build_dist()?;
    let root = project_root();
    let version = crate::stamp::crate_version()?;
    let out = root.join("target").join("bundle");
    let name = format!("campaign-widget-{version}");
    let dir = pack(&root.join("dist"), &out, &name)?;
    run_command(
        Command::new("tar")
            .args(["-czf", &format!("{name}.tar.gz"), &name])
            .current_dir(&out),
    )?;
    let plugin = crate::wordpress::plugin_zip(&root, &root.join("dist"), &out, &version)?;
    let integrity = fs::read_to_string(dir.join("INTEGRITY.txt")).map_err(|e| e.to_string())?;
    println!(
        "dist: {}\ndist: {}.tar.gz\ndist: {} (the WordPress plugin)\n{integrity}\n{RETENTION}",
        dir.display(),
        out.join(&name).display(),
        plugin.display()
    );
    Ok(())
}

/// Copies `dist` into `out/name` and writes FILES.txt, SHA256SUMS and INTEGRITY.txt.
/// FILES.txt gives each file's size as shipped: raw, and for a file with
/// precompressed copies the sizes of its `.gz` and `.br` (those copies have no
/// line of their own); SHA256SUMS lists every file.
pub fn pack(dist: &Path, out: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = out.join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("clearing {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("reading {}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    let (mut files, mut sums) = (String::new(), String::new());
    for file in &names {
        let bytes = fs::read(dist.join(file)).map_err(|e| format!("reading {file}: {e}"))?;
        fs::write(dir.join(file), &bytes).map_err(|e| format!("writing {file}: {e}"))?;
        let copy = |suffix: &str| names.contains(&format!("{file}.{suffix}"));
        let shipped_len = |suffix: &str| {
            fs::metadata(dist.join(format!("{file}.{suffix}")))
                .map(|m| m.len())
                .map_err(|e| format!("reading {file}.{suffix}: {e}"))
        };
        if file.ends_with(".br") || file.ends_with(".gz") {
            // Described on the line of the file it compresses.
        } else if copy("gz") && copy("br") {
            files.push_str(&format!(
                "{file}\t{} bytes\t{} gzip\t{} brotli\n",
                bytes.len(),
                shipped_len("gz")?,
                shipped_len("br")?
            ));
        } else {
            files.push_str(&format!(
                "{file}\t{} bytes\t{} gzip\n",
                bytes.len(),
                gzip_len(&bytes)?
            ));
        }
        sums.push_str(&format!(
            "{}  {file}\n",
            hex::encode(Sha256::digest(&bytes))
        ));
    }
    let loader = fs::read(dist.join("embed.js")).map_err(|e| format!("reading embed.js: {e}"))?;
    let integrity = sri(&loader);
    let snippet = format!(
        "embed.js integrity: {integrity}\n\n<campaign-widget lang=\"vi\"></campaign-widget>\n<script src=\"https://static.example.gov.vn/campaign-widget/embed.js\" integrity=\"{integrity}\" crossorigin=\"anonymous\" async></script>\n"
    );
    for (file, text) in [
        ("FILES.txt", &files),
        ("SHA256SUMS", &sums),
        ("INTEGRITY.txt", &snippet),
    ] {
        fs::write(dir.join(file), text).map_err(|e| format!("writing {file}: {e}"))?;
    }
    Ok(dir)
}

/// The Subresource Integrity value (`sha384-…`) of `bytes`.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64_STANDARD.encode(Sha384::digest(bytes)))
}

/// The size `gzip -9` would give `bytes` (what servers send), from flate2 at
/// its best compression. Its deflate is not GNU gzip's, so the figure may
/// differ from the command's by a few bytes either way.
fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|gz| gz.len())
        .map_err(|e| format!("gzip: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_of_the_specifications_example() {
        // The SRI of "alert('Hello, world.');" as the SRI specification gives it.
        assert_eq!(
            sri(b"alert('Hello, world.');"),
            "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"
        );
    }

    #[test]
    fn gzip_len_counts_header_and_trailer() -> Result<(), String> {
        // An empty member: a 10-byte header, an empty final block, an 8-byte
        // trailer (the same 20 bytes as `gzip -9 </dev/null`).
        assert_eq!(gzip_len(b"")?, 20);
        let text = "Phong trào thi đua năm 2021. ".repeat(200);
        assert!(gzip_len(text.as_bytes())? < text.len() / 10);
        Ok(())
    }

    #[test]
    fn packs_a_directory() -> Result<(), String> {
        let base = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dist = base.path().join("dist");
        fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
        fs::write(dist.join("embed.js"), "alert('Hello, world.');").map_err(|e| e.to_string())?;
        fs::write(dist.join("a_bg.wasm"), [0u8, 97, 115, 109]).map_err(|e| e.to_string())?;
        crate::compress::precompress(&dist)?;
        let dir = pack(&dist, &base.path().join("out"), "campaign-widget-9.9.9")?;
        let sums = fs::read_to_string(dir.join("SHA256SUMS")).map_err(|e| e.to_string())?;
        let integrity = fs::read_to_string(dir.join("INTEGRITY.txt")).map_err(|e| e.to_string())?;
        let files = fs::read_to_string(dir.join("FILES.txt")).map_err(|e| e.to_string())?;
        assert_eq!(sums.lines().count(), 6, "{sums}");
        assert!(sums.contains("  embed.js\n"));
        assert!(sums.contains("  embed.js.br\n"));
        assert_eq!(files.lines().count(), 2, "{files}");
        assert!(integrity.contains(
            "integrity=\"sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO\""
        ));
        assert!(files.starts_with("a_bg.wasm\t4 bytes\t"));
        assert!(files.contains("embed.js\t23 bytes\t"), "{files}");
        assert!(files.lines().all(|l| l.ends_with(" brotli")), "{files}");
        Ok(())
    }
}
