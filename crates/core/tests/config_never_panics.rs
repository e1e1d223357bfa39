//! Property test: whatever JSON (or text) arrives, the parser answers with a
//! campaign or an error, and never panics (a panic in wasm would take every
//! widget on the page down).
#![cfg(not(target_arch = "wasm32"))]

use campaign_core::config::{fields, parse_config};
use campaign_core::i18n::{error_message, Lang};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Field names of the schema (and of text maps, and two it does not know), so
/// generated objects reach deep into the validator.
fn keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = fields::ALL.iter().flat_map(|f| f.iter().copied()).collect();
    keys.extend(["vi", "en", "$comment", "other"]);
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
        Just(Value::Number(1.into())),
        prop_oneof![
            Just("2021-05-23T07:00:00+07:00".to_owned()),
            Just("2021-02-30".to_owned()),
            Just("yearly".to_owned()),
            Just("https://example.org/{z}/{x}/{y}.png".to_owned()),
            Just("+07:00".to_owned()),
            "\\PC{0,20}",
            "[0-9T:+Z.-]{0,30}",
        ]
        .prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys()), inner), 0..8).prop_map(|fields| {
                Value::Object(
                    fields
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        if let Err(error) = parse_config(&value.to_string()) {
            prop_assert!(!error_message(Lang::Vi, &error).is_empty());
            prop_assert!(!error_message(Lang::En, &error).is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = parse_config(&text);
    }

    #[test]
    fn arbitrary_schema_1_configs_never_panic(mut value in json()) {
        if let Value::Object(map) = &mut value {
            map.insert("schema".into(), Value::Number(1.into()));
        }
        let _ = parse_config(&value.to_string());
    }
}
