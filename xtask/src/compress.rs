//! Precompressed copies of the release files: `name.br` (brotli, quality 11)
//! and `name.gz` (gzip by Zopfli, the best deflate there is) beside every text
//! and wasm file of `dist/`, so a server sends the smallest encoding the browser
//! accepts without compressing on each request (nginx's `brotli_static` and
//! `gzip_static`, Apache's rewrite rules: see the README). Compressing once, at
//! build time, is what lets the files use the slowest, smallest settings:
//! on the fly nginx compresses the wasm at level 6 only, and brotli not at all.

use std::fs;
use std::path::Path;

/// File name endings worth compressing (text and wasm). Images (`.png`) are
/// already compressed; `.br` and `.gz` are our own output.
pub const COMPRESSIBLE: [&str; 7] = [".js", ".css", ".html", ".wasm", ".json", ".svg", ".txt"];

/// Brotli's highest quality and its largest standard window (4 MiB, more
/// than any file here), as `brotli -q 11 --large_window=22` would.
const BROTLI_QUALITY: i32 = 11;
const BROTLI_WINDOW_BITS: i32 = 22;

/// Writes `.br` and `.gz` beside each compressible file directly in `dir`;
/// returns the names compressed. Earlier `.br`/`.gz` files are overwritten.
pub fn precompress(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| COMPRESSIBLE.iter().any(|end| name.ends_with(end)))
        .collect();
    names.sort();
    // One thread per file and encoding: Zopfli on the wasm is most of the time.
    std::thread::scope(|scope| {
        let jobs: Vec<_> = names
            .iter()
            .flat_map(|name| [(name, "br"), (name, "gz")])
            .map(|(name, suffix)| scope.spawn(move || compress_file(dir, name, suffix)))
            .collect();
        jobs.into_iter().try_for_each(|job| {
            job.join()
                .map_err(|_| "a compression thread panicked".to_owned())?
        })
    })?;
    Ok(names)
}

fn compress_file(dir: &Path, name: &str, suffix: &str) -> Result<(), String> {
    let bytes = fs::read(dir.join(name)).map_err(|e| format!("reading {name}: {e}"))?;
    let packed = if suffix == "br" {
        brotli(&bytes)?
    } else {
        gzip(&bytes)?
    };
    let out = dir.join(format!("{name}.{suffix}"));
    fs::write(&out, packed).map_err(|e| format!("writing {}: {e}", out.display()))
}

/// Brotli at quality 11.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

/// A gzip member compressed by Zopfli (its default 15 iterations): a few
/// percent smaller than `gzip -9`, and read by every gzip decoder.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut out,
    )
    .map_err(|e| format!("zopfli: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_br_and_gz_that_decode_to_the_file() -> Result<(), String> {
        let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dir = temp.path();
        let text = "Phong trào thi đua năm 2021. ".repeat(200);
        fs::write(dir.join("embed.js"), &text).map_err(|e| e.to_string())?;
        fs::write(dir.join("tile.png"), b"\x89PNG").map_err(|e| e.to_string())?;
        let names = precompress(dir)?;
        let read = |name: &str| fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
        let (br, gz) = (read("embed.js.br")?, read("embed.js.gz")?);
        let png_left_alone = !dir.join("tile.png.br").exists() && !dir.join("tile.png.gz").exists();

        assert_eq!(names, ["embed.js"]);
        assert!(png_left_alone, "images are not compressed again");
        let mut unbrotli = Vec::new();
        ::brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unbrotli)
            .map_err(|e| e.to_string())?;
        assert_eq!(unbrotli, text.as_bytes());
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut ungzip)
            .map_err(|e| e.to_string())?;
        assert_eq!(ungzip, text.as_bytes());
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
        Ok(())
    }
}
