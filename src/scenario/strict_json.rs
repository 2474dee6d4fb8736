//! JSON read strictly: a key that appears twice in one object is an error
//! naming its path, where serde_json would keep the last one silently (so
//! `"format_version": 99, "format_version": 1` would pass as version 1).
//! Written here because serde_json has no option for it; the value is built
//! in the same pass, so the file is parsed once.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses `text` as JSON, refusing duplicate keys: the error of a duplicate
/// is `path: "key" appears twice in this object`.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Strict {
        path: String::new(),
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Whether `e` is a duplicate-key error of [`parse`] (a data error, where the
/// JSON itself is well formed).
pub fn is_duplicate(e: &serde_json::Error) -> bool {
    e.to_string().contains(DUPLICATE)
}

const DUPLICATE: &str = "appears twice in this object";

/// One value at `path` (`a.b[2]`, empty at the top).
struct Strict {
    path: String,
}

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("{v} is not a finite number")))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict {
            path: format!("{}[{}]", self.path, items.len()),
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("{path}: \"{key}\" {DUPLICATE}")));
            }
            let value = map.next_value_seed(Strict { path })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_named_with_its_path() {
        let e = parse(r#"{"a": {"b": [{"c": 1, "c": 2}]}}"#).expect_err("duplicate");
        assert!(is_duplicate(&e));
        assert!(
            e.to_string().starts_with("a.b[0].c: \"c\" appears twice"),
            "{e}"
        );
        let e = parse(r#"{"format_version": 99, "format_version": 1}"#).expect_err("twice");
        assert!(e.to_string().starts_with("format_version: "), "{e}");
    }

    #[test]
    fn values_are_what_serde_json_reads() {
        let text = r#"{"x": [1, -2, 3.5, true, null, "s", {"y": {}}], "z": 1e300}"#;
        let strict = parse(text).expect("valid");
        let plain: Value = serde_json::from_str(text).expect("valid");
        assert_eq!(strict, plain);
        assert!(parse("[1, 2] trailing").is_err());
    }
}
