//! RFC 8785 (JCS) canonical JSON, written straight from a `serde_json::Value`: keys in UTF-16
//! order, numbers as ECMAScript prints them (`ryu-js`), strings with JSON's minimal escapes.
//!
//! Why not only `serde_json_canonicalizer`: it is the reference (and still writes everything
//! but the digest's body), but it buffers every property through a re-parse and a boxed
//! writer; a submission's digest took 0.4 ms of the 0.7 ms it takes to verify one natively.
//! This writer gives the same bytes (a property test compares both on every example and on
//! arbitrary values) at a fraction of the cost.

use serde_json::{Map, Value};

/// Appends the canonical form of `value`; `None` if it holds a number JSON cannot carry.
pub fn write(value: &Value, out: &mut Vec<u8>) -> Option<()> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => number(n.as_f64()?, out)?,
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => map_object(map, out)?,
    }
    Some(())
}

/// A property's value: a JSON value, or an object held as its map (a submission's stored result).
#[derive(Clone, Copy)]
pub enum Field<'a> {
    Value(&'a Value),
    Object(&'a Map<String, Value>),
}

fn map_object(map: &Map<String, Value>, out: &mut Vec<u8>) -> Option<()> {
    object(map.iter().map(|(k, v)| (k.as_str(), Field::Value(v))), out)
}

/// Appends an object made of `entries` (any order; keys distinct).
pub fn object<'a>(
    entries: impl Iterator<Item = (&'a str, Field<'a>)>,
    out: &mut Vec<u8>,
) -> Option<()> {
    let mut entries: Vec<(&str, Field)> = entries.collect();
    // UTF-16 order; for keys of one plane (all of ours) it is the byte order, cheaper to test.
    if entries.iter().all(|(k, _)| k.is_ascii()) {
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    } else {
        entries.sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    }
    out.push(b'{');
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(key, out);
        out.push(b':');
        match value {
            Field::Value(v) => write(v, out)?,
            Field::Object(m) => map_object(m, out)?,
        }
    }
    out.push(b'}');
    Some(())
}

/// The canonical form of an object's entries, as bytes.
pub fn object_bytes<'a>(entries: impl Iterator<Item = (&'a str, Field<'a>)>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    object(entries, &mut out)?;
    Some(out)
}

fn number(n: f64, out: &mut Vec<u8>) -> Option<()> {
    if !n.is_finite() {
        return None;
    }
    out.extend_from_slice(ryu_js::Buffer::new().format_finite(n).as_bytes());
    Some(())
}

fn string(s: &str, out: &mut Vec<u8>) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // serde_json escapes exactly what RFC 8785 requires: `"`, `\\` and control
        // characters (as \b \t \n \f \r or \u00xx), and nothing else.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        write(v, &mut out).unwrap();
        out
    }

    #[test]
    fn the_rfc_8785_examples_and_our_corners() {
        let v: Value = serde_json::from_str(
            r#"{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001,4.0,-0.0,1e21,123456789012345680000],
                "string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false],
                "\u20ac":1,"\r":2,"\ud83d\ude00":3,"\ufb33":4,"1":5,"10":6,"a\u007f":7}"#,
        )
        .unwrap();
        assert_eq!(ours(&v), serde_json_canonicalizer::to_vec(&v).unwrap());
        assert_eq!(
            String::from_utf8(ours(&serde_json::json!({"b": 4.0, "a": [1e21, 0.1]}))).unwrap(),
            r#"{"a":[1e+21,0.1],"b":4}"#
        );
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e20f64..1e20).prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |n| n.is_finite())
                .prop_map(Value::from),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(".{0,6}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_same_bytes_as_the_reference(v in value()) {
            prop_assert_eq!(ours(&v), serde_json_canonicalizer::to_vec(&v).unwrap());
        }
    }
}

/// A value serde cannot write as canonical JSON (a non-finite number, a map with keys that
/// are not strings).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the value cannot be written as canonical JSON: {0}")]
pub struct NotCanonical(pub String);

/// SHA-256 of the canonical (RFC 8785) JSON of `value`, as lowercase hex; an error where a
/// value cannot be written (never a digest of nothing).
pub fn sha256_of<T: serde::Serialize>(value: &T) -> Result<String, NotCanonical> {
    let bytes = serde_json_canonicalizer::to_vec(value).map_err(|e| NotCanonical(e.to_string()))?;
    Ok(sha256_hex(&bytes))
}

/// SHA-256 of some bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
