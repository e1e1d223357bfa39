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
///
/// wasmparser reads the module; every section but the import section is
/// copied as it is (wasm-encoder writes back its id and length), so code, data
/// and custom sections keep their bytes. The import section is written anew by
/// wasm-encoder with the same imports in the same order, only the glue's names
/// changed.
fn rename(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String, usize), String> {
    let mut out = wasm_encoder::Module::new();
    let mut glue = glue.to_owned();
    let mut count = 0;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("reading the wasm: {e}"))?;
        match payload {
            wasmparser::Payload::Version {
                num: 1,
                encoding: wasmparser::Encoding::Module,
                ..
            } => {}
            wasmparser::Payload::Version { .. } => {
                return Err("not a wasm module (version 1)".into());
            }
            wasmparser::Payload::ImportSection(reader) => {
                let mut imports = wasm_encoder::ImportSection::new();
                // Compact groups (the compact-imports proposal) come out one by
                // one: wasm-bindgen writes none.
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("reading the wasm's imports: {e}"))?;
                    let ty = wasm_encoder::EntityType::try_from(import.ty)
                        .map_err(|e| format!("the import {}: {e}", import.name))?;
                    if import.module == module {
                        let short = short_name(count);
                        count += 1;
                        glue = replace_identifier_once(&glue, import.name, &short)?;
                        imports.import(import.module, &short, ty);
                    } else {
                        imports.import(import.module, import.name, ty);
                    }
                }
                out.section(&imports);
            }
            other => {
                // Code section entries have no section of their own (None):
                // the code section's range already holds them.
                if let Some((id, range)) = other.as_section() {
                    let data = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| wasm.get(start..end))
                        .ok_or("a section outside the wasm")?;
                    out.section(&wasm_encoder::RawSection { id, data });
                }
            }
        }
    }
    Ok((out.finish(), glue, count))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use wasm_encoder::{
        CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function,
        FunctionSection, GlobalType, ImportSection, MemoryType, Module, RefType, TableType,
        TagKind, TagType, TypeSection, ValType,
    };

    /// A type section: `() -> ()` (type 0) and `(i32) -> ()` (type 1).
    fn types() -> TypeSection {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        types.ty().function([ValType::I32], []);
        types
    }

    /// A module importing functions of type 0, then a custom section.
    fn module(names: &[(&str, &str)]) -> Vec<u8> {
        let mut imports = ImportSection::new();
        for (module, field) in names {
            imports.import(module, field, EntityType::Function(0));
        }
        let mut wasm = Module::new();
        wasm.section(&types())
            .section(&imports)
            .section(&CustomSection {
                name: Cow::Borrowed("hi"),
                data: Cow::Borrowed(&[]),
            });
        wasm.finish()
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

    /// A module importing a memory, a table, a global and a tag from `env`,
    /// and functions from the glue (named `glue_names`) and from elsewhere.
    fn module_of_every_kind(glue_names: [&str; 2]) -> Vec<u8> {
        let memory = MemoryType {
            minimum: 17,
            maximum: Some(16384),
            memory64: false,
            shared: false,
            page_size_log2: None,
        };
        let table = TableType {
            element_type: RefType::EXTERNREF,
            table64: false,
            minimum: 128,
            maximum: None,
            shared: false,
        };
        let global = GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        };
        let tag = TagType {
            kind: TagKind::Exception,
            func_type_idx: 1,
        };
        let mut imports = ImportSection::new();
        imports
            .import("env", "memory", memory)
            .import("env", "table", table)
            .import("env", "sp", global)
            .import("env", "oops", tag)
            .import("./w_bg.js", glue_names[0], EntityType::Function(1))
            .import(
                "wbg",
                "__wbg_other_0123456789abcdef",
                EntityType::Function(0),
            )
            .import("./w_bg.js", glue_names[1], EntityType::Function(0));
        // `run` calls all three imported functions and uses the memory, the
        // table and the global, so validation checks their types and indices.
        let mut functions = FunctionSection::new();
        functions.function(0);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, 3);
        let mut body = Function::new([]);
        body.instructions()
            .memory_size(0)
            .call(0)
            .call(1)
            .call(2)
            .i32_const(0)
            .table_get(0)
            .drop()
            .global_get(0)
            .drop()
            .end();
        let mut code = CodeSection::new();
        code.function(&body);
        let mut wasm = Module::new();
        wasm.section(&types())
            .section(&imports)
            .section(&functions)
            .section(&exports)
            .section(&code)
            .section(&CustomSection {
                name: Cow::Borrowed("producers"),
                data: Cow::Borrowed(b"\0"),
            });
        wasm.finish()
    }

    #[test]
    fn leaves_other_imports_and_kinds_untouched() -> Result<(), String> {
        let before =
            module_of_every_kind(["__wbg_log_0123456789abcdef", "__wbg_now_fedcba9876543210"]);
        wasmparser::validate(&before).map_err(|e| format!("the test module: {e}"))?;
        let glue = "i={__wbg_log_0123456789abcdef(x){},__wbg_now_fedcba9876543210(){}};";
        let (after, glue, count) = rename(&before, glue, "./w_bg.js")?;
        assert_eq!(count, 2);
        assert_eq!(glue, "i={a(x){},b(){}};");
        // Byte for byte the module with the short names: every other import,
        // its kind and type, and every other section as they were.
        assert_eq!(after, module_of_every_kind(["a", "b"]));
        Ok(())
    }

    #[test]
    fn the_renamed_module_is_still_valid() -> Result<(), String> {
        let before = module_of_every_kind(["__wbg_log_1", "__wbg_now_2"]);
        let (after, _, _) = rename(&before, "{__wbg_log_1,__wbg_now_2}", "./w_bg.js")?;
        wasmparser::validate(&after).map_err(|e| format!("the renamed module: {e}"))?;
        let imports: Vec<(String, String)> = wasmparser::Parser::new(0)
            .parse_all(&after)
            .filter_map(|payload| match payload {
                Ok(wasmparser::Payload::ImportSection(reader)) => Some(reader),
                _ => None,
            })
            .flat_map(|reader| reader.into_imports())
            .map(|import| import.map(|i| (i.module.to_owned(), i.name.to_owned())))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        let names: Vec<&str> = imports.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "memory",
                "table",
                "sp",
                "oops",
                "a",
                "__wbg_other_0123456789abcdef",
                "b"
            ]
        );
        Ok(())
    }
}
