//! A submission's stored result, kept as the text the file has.

use super::ExportError;
use crate::core::score::Assessment;
use serde::{Deserialize, Serialize};

/// A result as a file stores it: a JSON object, kept as its text. It is never read back into an
/// [`Assessment`]; the digest and the comparison with the recomputed result need only its
/// canonical form ([`StoredResult::canonical`]), written straight from the text. It is most of
/// a file: read into a map of owned values and written from it, it took more time than
/// anything else in verifying one.
#[derive(Clone, Debug)]
pub struct StoredResult(Box<serde_json::value::RawValue>);

impl StoredResult {
    /// A result as the app writes it into a file.
    pub fn of(result: &Assessment) -> Result<StoredResult, ExportError> {
        // Through a value: the app already writes an `Assessment` as one (the comparison on
        // reading), and a second writer of every result type would weigh on its first load.
        serde_json::to_value(result)
            .and_then(|value| serde_json::value::to_raw_value(&value))
            .map(StoredResult)
            .map_err(|e| ExportError::NotSerializable {
                reason: e.to_string(),
            })
    }

    /// The RFC 8785 form; `None` where it has none (a number JSON cannot carry, a key twice).
    pub fn canonical(&self) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(self.0.get().len());
        // As it sits in a file: inside the document's object.
        crate::core::canonical::text_into_at(self.0.get(), &mut out, 1)?;
        Some(out)
    }

    /// Its canonical form is `canonical`, told without writing it
    /// ([`crate::core::canonical::text_is`]): `false` may also mean "not plainly".
    pub fn is(&self, canonical: &[u8]) -> bool {
        crate::core::canonical::text_is(self.0.get(), canonical)
    }

    /// Reads it into `T` (what a comparison with last year needs).
    pub fn read<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }
}

/// Two stored results are equal when their JSON is (numbers as numbers, keys in any order):
/// the same canonical form; the same text where there is none (a key twice).
impl PartialEq for StoredResult {
    fn eq(&self, other: &StoredResult) -> bool {
        match (self.canonical(), other.canonical()) {
            (Some(a), Some(b)) => a == b,
            _ => self.0.get() == other.0.get(),
        }
    }
}

impl<'de> Deserialize<'de> for StoredResult {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<StoredResult, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        if raw.get().starts_with('{') {
            return Ok(StoredResult(raw));
        }
        // Anything but an object: serde's own words for it ("invalid type: string …, expected
        // a map"), as when the result was read as a map.
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(raw.get())
            .map(|_| StoredResult(raw))
            .map_err(serde::de::Error::custom)
    }
}

/// Written as the JSON values it holds, so a file keeps its layout (pretty, keys in order).
impl Serialize for StoredResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::from_str::<serde_json::Value>(self.0.get())
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::StoredResult;

    fn stored(text: &str) -> StoredResult {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn equal_as_json_values_whatever_the_layout() {
        let a = stored(r#"{"a":4,"b":[1,{"c":"是"}]}"#);
        assert_eq!(
            a,
            stored("{ \"b\": [1.0, {\"c\": \"\\u662f\"}],\n  \"a\": 4e0 }")
        );
        assert_ne!(a, stored(r#"{"a":5,"b":[1,{"c":"是"}]}"#));
        let twice = stored(r#"{"b":[1,{"c":"是"}],"a":4,"a":4}"#);
        assert_ne!(a, twice);
        assert_eq!(twice, twice.clone(), "equal to itself all the same");
        // Written as values (pretty files keep their layout), read back as the same.
        let text = serde_json::to_string_pretty(&a).unwrap();
        assert!(text.starts_with("{\n  \"a\": 4,"), "{text}");
        assert_eq!(stored(&text), a);
    }

    #[test]
    fn anything_but_an_object_is_refused_in_serde_words() {
        for text in [r#""很好""#, "[1]", "3", "null"] {
            let e = serde_json::from_str::<StoredResult>(text).unwrap_err();
            assert!(e.to_string().starts_with("invalid type: "), "{text}: {e}");
        }
    }
}
