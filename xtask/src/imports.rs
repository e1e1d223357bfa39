//! Short names for the wasm's imports from its glue.
//!
//! wasm-bindgen names every function the wasm imports from the glue
//! `__wbg_<name>_<16 hex digits>`, and the names appear twice: in the wasm's
//! import section and as keys of the glue's import object. The hashes do not
//! compress, so 160 of them cost 5 KB of gzip on every first visit. This step
//! renames them `a`, `b`, … `ba`, … in both files, consistently. It refuses to
//! touch a glue in which a name does not occur exactly once (a glue format it
//! does not know), so it cannot produce a mismatched pair.

use std::fs;
use std::path::Path;

/// The module name wasm-bindgen gives the glue in the wasm's import section.
fn glue_module(wasm_file: &str) -> String {
    // `campaign-widget-<hash>_bg.wasm` imports from `./campaign-widget_bg.js`.
    let stem = wasm_file.trim_end_matches("_bg.wasm");
    let crate_name = stem
        .rsplit_once('-')
        .filter(|(_, hash)| hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .map_or(stem, |(name, _)| name);
    format!("./{crate_name}_bg.js")
}

/// Renames the glue imports of `dir/wasm_file` and `dir/glue_file` in place.
/// Returns how many were renamed.
pub fn shorten(dir: &Path, wasm_file: &str, glue_file: &str) -> Result<usize, String> {
    let wasm_path = dir.join(wasm_file);
    let glue_path = dir.join(glue_file);
    let wasm = fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let glue =
        fs::read_to_string(&glue_path).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    let (wasm, glue, count) = rename(&wasm, &glue, &glue_module(wasm_file))?;
    fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    fs::write(&glue_path, glue).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    Ok(count)
}

/// The renamed wasm and glue, and how many names changed.
fn rename(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String, usize), String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module (version 1)".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_owned();
    let mut count = 0;
    let mut reader = Reader { bytes: wasm, at: 8 };
    while reader.at < wasm.len() {
        let start = reader.at;
        let id = reader.byte()?;
        let len = reader.leb()? as usize;
        let body_start = reader.at;
        let end = body_start + len;
        if end > wasm.len() {
            return Err("truncated section".into());
        }
        if id != 2 {
            out.extend_from_slice(&wasm[start..end]);
            reader.at = end;
            continue;
        }
        // The import section: vec(module name, field name, description).
        let entries = reader.leb()?;
        let mut body = Vec::new();
        write_leb(&mut body, entries);
        for _ in 0..entries {
            let import_module = reader.name()?;
            let field = reader.name()?;
            let description = reader.import_description()?;
            let name = if import_module == module {
                let short = short_name(count);
                count += 1;
                glue = replace_identifier_once(&glue, field, &short)?;
                short
            } else {
                field.to_owned()
            };
            write_name(&mut body, import_module);
            write_name(&mut body, &name);
            body.extend_from_slice(description);
        }
        if reader.at != end {
            return Err("import section length mismatch".into());
        }
        out.push(2);
        write_leb(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
    }
    Ok((out, glue, count))
}

/// `a`..`z`, `A`..`Z`, then `aa`, `ab`, …: valid property names, none a keyword.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.insert(0, LETTERS[index % LETTERS.len()]);
        if index < LETTERS.len() {
            break;
        }
        index = index / LETTERS.len() - 1;
    }
    String::from_utf8(name).unwrap_or_default()
}

fn is_identifier_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Replaces the one whole-identifier occurrence of `name` in `text`.
fn replace_identifier_once(text: &str, name: &str, with: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let found: Vec<usize> = text
        .match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(at + name.len()).copied();
            !before.is_some_and(is_identifier_byte) && !after.is_some_and(is_identifier_byte)
        })
        .collect();
    match found.as_slice() {
        [at] => Ok(format!(
            "{}{with}{}",
            &text[..*at],
            &text[at + name.len()..]
        )),
        _ => Err(format!(
            "the glue names the import {name} {} times, not once: unknown glue format",
            found.len()
        )),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("unexpected end of wasm")?;
        self.at += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u32, String> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("LEB128 too long".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.leb()? as usize;
        let bytes = self
            .bytes
            .get(self.at..self.at + len)
            .ok_or("unexpected end of wasm")?;
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| "import name is not UTF-8".to_owned())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips one import description and returns its bytes.
    fn import_description(&mut self) -> Result<&'a [u8], String> {
        let start = self.at;
        match self.byte()? {
            0 => drop(self.leb()?), // function: type index
            1 => {
                self.byte()?; // table: reference type
                self.limits()?;
            }
            2 => self.limits()?, // memory
            3 => self.at += 2,   // global: value type, mutability
            4 => {
                self.byte()?; // tag: attribute, type index
                self.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
        Ok(&self.bytes[start..self.at])
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue and one from elsewhere.
    fn module(names: &[(&str, &str)]) -> Vec<u8> {
        let mut body = Vec::new();
        write_leb(&mut body, names.len() as u32);
        for (module, field) in names {
            write_name(&mut body, module);
            write_name(&mut body, field);
            body.extend_from_slice(&[0, 0]); // function of type 0
        }
        // A type section (one `() -> ()`), the import section, then a custom section.
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(2);
        write_leb(&mut wasm, body.len() as u32);
        wasm.extend_from_slice(&body);
        wasm.extend_from_slice(&[0, 3, 2, b'h', b'i']);
        wasm
    }

    #[test]
    fn renames_glue_imports_in_both_files() -> Result<(), String> {
        let wasm = module(&[
            ("./w_bg.js", "__wbg_now_0123456789abcdef"),
            ("./w_bg.js", "__wbg_now_fedcba9876543210"),
            ("other", "keep_me"),
        ]);
        let glue = "x={__wbg_now_0123456789abcdef:function(){},__wbg_now_fedcba9876543210:f};";
        let (out, glue, count) = rename(&wasm, glue, "./w_bg.js")?;
        assert_eq!(count, 2);
        assert_eq!(glue, "x={a:function(){},b:f};");
        assert_eq!(
            out,
            module(&[("./w_bg.js", "a"), ("./w_bg.js", "b"), ("other", "keep_me")])
        );
        Ok(())
    }

    #[test]
    fn refuses_a_glue_it_does_not_understand() {
        let wasm = module(&[("./w_bg.js", "__wbg_x_1")]);
        assert!(rename(&wasm, "no such name", "./w_bg.js").is_err());
        assert!(rename(&wasm, "__wbg_x_1 and __wbg_x_1", "./w_bg.js").is_err());
        // A longer identifier containing the name is not an occurrence.
        assert!(rename(&wasm, "__wbg_x_10", "./w_bg.js").is_err());
        assert!(rename(b"not wasm", "", "./w_bg.js").is_err());
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        // Object keys may be any identifier, keywords included.
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn the_glue_module_name_drops_trunks_hash() {
        assert_eq!(
            glue_module("campaign-widget-33571f4b30e55b71_bg.wasm"),
            "./campaign-widget_bg.js"
        );
        assert_eq!(
            glue_module("campaign-widget_bg.wasm"),
            "./campaign-widget_bg.js"
        );
    }
}
