//! Config schema v1 refuses bad input with the exact field path and reason.
//! The table lives in tests/bad-configs.json (shared with the JSON Schema test);
//! the huge inputs are generated here.
#![cfg(not(target_arch = "wasm32"))]

use campaign_core::config::{parse_config, Parsed};
use campaign_core::i18n::{error_message, Lang};
use serde_json::{json, Map, Value};

const TABLE: &str = include_str!("../../../tests/bad-configs.json");

fn table() -> Value {
    serde_json::from_str(TABLE).unwrap_or_else(|e| panic!("bad-configs.json: {e}"))
}

/// RFC 7386 JSON merge patch.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(map) = target {
        for (key, value) in patch {
            if value.is_null() {
                map.remove(key);
            } else {
                merge_patch(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

fn refusal(json: &str) -> String {
    match parse_config(json) {
        Ok(Parsed { campaign, .. }) => panic!("accepted: {campaign:?}"),
        Err(error) => error_message(Lang::En, &error),
    }
}

#[test]
fn the_base_config_is_valid() {
    let base = table()["base"].to_string();
    assert!(
        parse_config(&base).is_ok(),
        "{:?}",
        parse_config(&base).err()
    );
}

#[test]
fn every_bad_config_is_refused_with_its_path_and_reason() {
    let table = table();
    let cases = table["cases"].as_array().expect("cases");
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let json = match (&case["raw"], &case["patch"]) {
            (Value::String(raw), _) => raw.clone(),
            (_, patch) => {
                let mut config = table["base"].clone();
                merge_patch(&mut config, patch);
                config.to_string()
            }
        };
        let got = refusal(&json);
        if got != case["message"] {
            failures.push(format!(
                "{}:\n  want {}\n  got  {got}",
                case["name"], case["message"]
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn base_with(field: &str, value: Value) -> String {
    let mut config = table()["base"].clone();
    config[field] = value;
    config.to_string()
}

fn key_dates(count: usize) -> Value {
    Value::Array(
        (0..count)
            .map(|i| json!({"id": format!("d{i}"), "title": "A", "start": "2021-01-01"}))
            .collect(),
    )
}

#[test]
fn huge_inputs_are_refused_before_they_cost_anything() {
    let ten_megabytes = "x".repeat(10 * 1024 * 1024);
    assert_eq!(
        refusal(&base_with("summary", json!(ten_megabytes))),
        "the config is too large (10241 KB, at most 256 KB)"
    );
    assert_eq!(
        refusal(&base_with("keyDates", key_dates(10_000))),
        "the config is too large (468 KB, at most 256 KB)"
    );
    assert_eq!(
        refusal(&base_with("keyDates", key_dates(101))),
        "keyDates: has more than 100 items"
    );
    assert!(parse_config(&base_with("keyDates", key_dates(100))).is_ok());
    assert_eq!(
        refusal(&base_with("goals", json!(vec!["g"; 51]))),
        "goals: has more than 50 items"
    );
    assert_eq!(
        refusal(&base_with("title", json!("đ".repeat(501)))),
        "title: is longer than 500 characters"
    );
    assert!(parse_config(&base_with("title", json!("đ".repeat(500)))).is_ok());
    assert_eq!(
        refusal(&format!("{}{}", "[".repeat(5000), "]".repeat(5000))),
        "malformed JSON at line 1, column 128"
    );
}

#[test]
fn unknown_fields_are_reported_not_refused() {
    let mut config = table()["base"].clone();
    config["colour"] = json!("red");
    config["keyDates"][0]["place"] = json!("Biên Hòa");
    config["$comment"] = json!("notes for editors are allowed");
    let parsed = parse_config(&config.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(parsed.unknown_fields, ["colour", "keyDates[0].place"]);
}

#[test]
fn messages_are_in_the_widgets_language() {
    let json = base_with(
        "keyDates",
        json!([{"id": "a", "title": "A", "start": "2021-02-30"}]),
    );
    let error = parse_config(&json).expect_err("refused");
    assert_eq!(
        error_message(Lang::Vi, &error),
        "keyDates[0].start: \"2021-02-30\" không phải ngày hợp lệ: ngày này không có trong lịch"
    );
}
