//! The widget's lunar calendar against an independent implementation: every day
//! from 1900 to 2100, in both directions, against the `lunar-vn` package (PyPI),
//! which `cargo xtask setup` installs and tests/lunar/reference.py runs.
//!
//! A plain `cargo test` on a machine without the package skips this test with
//! a message; `cargo xtask test` installs it and sets `CW_REQUIRE_TEST_TOOLS`,
//! so there a missing reference fails.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use campaign_core::time::lunar::{civil_from_lunar, lunar_from_civil, LunarDate};
use campaign_core::time::CivilDate;

fn number(field: Option<&str>, line: &str) -> i32 {
    field
        .and_then(|f| f.parse().ok())
        .unwrap_or_else(|| panic!("unreadable reference line {line:?}"))
}

/// Whether the reference package can be imported; when it cannot, whether
/// that is allowed (outside `cargo xtask test`).
fn reference_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import lunar_vn"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var_os("CW_REQUIRE_TEST_TOOLS").is_none(),
            "python3 cannot import lunar_vn: run `cargo xtask setup`"
        );
        eprintln!("skipped: python3 cannot import lunar_vn (`cargo xtask setup` installs it)");
    }
    found
}

#[test]
fn every_day_from_1900_to_2100_matches_lunar_vn_both_ways() {
    if !reference_available() {
        return;
    }
    let output = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/lunar/reference.py"
        ))
        .output()
        .unwrap_or_else(|e| panic!("running python3: {e}"));
    assert!(
        output.status.success(),
        "the reference failed (is lunar-vn installed? `cargo xtask setup`): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let mut days = 0;
    for line in text.lines() {
        let mut fields = line.split([' ', '-']);
        let mut next = || number(fields.next(), line);
        let civil = CivilDate {
            year: next(),
            month: next() as u8,
            day: next() as u8,
        };
        let lunar = LunarDate {
            year: next(),
            month: next() as u8,
            day: next() as u8,
            leap: next() == 1,
        };
        assert_eq!(lunar_from_civil(civil), Some(lunar), "{civil:?}");
        assert_eq!(civil_from_lunar(lunar), Some(civil), "{lunar:?}");
        days += 1;
    }
    // 1900 to 2100: 201 years, 49 of them leap years (not 1900, 2100).
    assert_eq!(days, 201 * 365 + 49);
}
