//! Deserializing option objects from JavaScript the way ClerkJS reads them: a field of the
//! wrong type is ignored (read as its default) instead of rejecting the whole object.
//!
//! Tolerance relies on each value being read on its own, as value-based deserializers do
//! (`serde_wasm_bindgen::from_value`, `serde_json::from_value`); a streaming parser left in
//! the middle of a value by a type error would not recover.

use core::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// `T`, or `T::default()` when the value does not deserialize as a `T`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lenient<T>(pub(crate) T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self(T::deserialize(deserializer).unwrap_or_default()))
    }
}

/// An object of strings, in its own order (`{colorPrimary: "#0a7"}`): entries whose value is
/// not a string are left out; anything but an object is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TextMap(pub(crate) Vec<(String, String)>);

impl<'de> Deserialize<'de> for TextMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TextMapVisitor).map(Self)
    }
}

struct TextMapVisitor;

impl<'de> Visitor<'de> for TextMapVisitor {
    type Value = Vec<(String, String)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of strings")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Lenient<Option<String>>>()? {
            if let Some(value) = value.0 {
                out.push((key, value));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_wrongly_typed_value_reads_as_the_default() {
        let read = |v| {
            serde_json::from_value::<Lenient<Option<String>>>(v)
                .unwrap()
                .0
        };
        assert_eq!(read(json!("x")), Some("x".to_owned()));
        assert_eq!(read(json!(42)), None);
        assert_eq!(read(json!(null)), None);
        assert_eq!(read(json!({"a": 1})), None);
    }

    #[test]
    fn text_maps_keep_only_string_entries() {
        // serde_json's map is sorted by key; a JS object keeps its own order.
        let map = serde_json::from_value::<Lenient<TextMap>>(
            json!({"b": "2", "a": "1", "n": 3, "o": {}, "l": ["x"], "z": null}),
        )
        .unwrap()
        .0;
        assert_eq!(map.0, [("a".into(), "1".into()), ("b".into(), "2".into())]);
        let not_a_map = serde_json::from_value::<Lenient<TextMap>>(json!("x")).unwrap();
        assert!(not_a_map.0 .0.is_empty());
    }
}
