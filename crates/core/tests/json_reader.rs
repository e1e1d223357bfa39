//! Property tests for the widget's own JSON reader (src/config/json.rs), with
//! serde_json (a dev-dependency only) as the reference: both accept and refuse
//! the same texts, and read the same values.
#![cfg(not(target_arch = "wasm32"))]

use campaign_core::config::json::{self, Value};
use proptest::prelude::*;

/// Our tree and serde_json's hold the same data (numbers compared as f64,
/// integers exactly, objects by their last member per key).
fn same(ours: &Value, reference: &serde_json::Value) -> bool {
    use serde_json::Value as R;
    match (ours, reference) {
        (Value::Null, R::Null) => true,
        (Value::Bool(a), R::Bool(b)) => a == b,
        (Value::Number(a), R::Number(b)) => match (a.as_i64(), b.as_i64()) {
            (Some(a), Some(b)) => a == b,
            _ => b.as_f64().is_some_and(|b| {
                let a = a.as_f64();
                a == b || ((a - b) / b).abs() < 1e-14
            }),
        },
        (Value::String(a), R::String(b)) => a == b,
        (Value::Array(a), R::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(members), R::Object(b)) => {
            b.iter()
                .all(|(key, b)| ours.get(key).is_some_and(|a| same(a, b)))
                && members.iter().all(|(key, _)| b.contains_key(key))
        }
        _ => false,
    }
}

fn reference_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Number, Value as R};
    let scalar = prop_oneof![
        Just(R::Null),
        any::<bool>().prop_map(R::Bool),
        any::<i64>().prop_map(|n| R::Number(n.into())),
        (-180.0..180.0f64).prop_filter_map("finite", |f| Number::from_f64(f).map(R::Number)),
        "\\PC{0,12}".prop_map(R::String),
        "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{e9}\u{1F600}]{0,6}".prop_map(R::String),
    ];
    scalar.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(R::Array),
            prop::collection::btree_map("[a-z$]{0,4}", inner, 0..5)
                .prop_map(|map| R::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn reads_what_serde_json_writes(value in reference_json(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).expect("serializable")
        } else {
            value.to_string()
        };
        let ours = json::parse(&text);
        prop_assert!(ours.as_ref().is_ok_and(|ours| same(ours, &value)), "{text}");
    }

    #[test]
    fn accepts_and_refuses_the_texts_serde_json_does(
        text in "[ \\[\\]{}\",:0-9.eE+\\-tfnrulsa\\\\/u]{0,24}"
    ) {
        let ours = json::parse(&text).is_ok();
        let reference = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        prop_assert_eq!(ours, reference, "{}", text);
    }
}
