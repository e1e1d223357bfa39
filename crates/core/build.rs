//! Computes what the core crate carries as data, into OUT_DIR: the Vietnamese
//! lunar calendar's table (three bytes a year, from the astronomy in the
//! build-support crate, which never ships) and the default campaign's JSON
//! compact and without its `$comment`s.

use std::path::PathBuf;
use std::{env, fs};

fn main() -> Result<(), String> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    println!("cargo:rerun-if-changed=src/config/default_campaign.json");

    fs::write(out.join("lunar_years.bin"), build_support::lunar_table())
        .map_err(|e| format!("writing lunar_years.bin: {e}"))?;

    let source = "src/config/default_campaign.json";
    let json = fs::read_to_string(source).map_err(|e| format!("reading {source}: {e}"))?;
    let compact = build_support::compact_json(&json).map_err(|e| format!("{source}: {e}"))?;
    fs::write(out.join("default_campaign.min.json"), compact)
        .map_err(|e| format!("writing default_campaign.min.json: {e}"))
}
