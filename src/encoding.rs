//! Owns the strict decoding of outside input: canonical unpadded base64url,
//! JSON with duplicate member names refused at any depth, and the size
//! limits that keep a hostile token from costing time or memory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;

/// Largest token (whole chain text) obo reads, in bytes.
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;
/// Most hops a chain may have.
pub const MAX_HOPS: usize = 32;
/// Deepest JSON nesting accepted in a header or claims set.
pub const MAX_JSON_DEPTH: usize = MAX_HOPS + 8;
/// Longest string accepted anywhere in JSON: a member's value or its name.
pub const MAX_STRING_CHARS: usize = 4096;

/// Encodes bytes as unpadded base64url (RFC 7515 section 2).
pub fn b64_encode(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url, refusing padding, whitespace, other alphabets
/// and non-zero unused bits, so each byte string has exactly one encoding.
pub fn b64_decode(text: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|e| format!("not canonical unpadded base64url ({e})"))
}

/// Parses JSON strictly: one value, duplicate member names refused at any
/// depth, nesting and string length bounded.
pub fn parse_json(bytes: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8".to_string())?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = StrictValue { depth: 0 }
        .deserialize(&mut de)
        .map_err(|e| format!("not valid JSON: {e}"))?;
    de.end().map_err(|e| format!("not valid JSON: {e}"))?;
    Ok(value)
}

/// Parses a JSON object strictly; see [`parse_json`].
pub fn parse_object(bytes: &[u8]) -> Result<Map<String, Value>, String> {
    match parse_json(bytes)? {
        Value::Object(map) => Ok(map),
        _ => Err("not a JSON object".into()),
    }
}

struct StrictValue {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl StrictValue {
    fn nested<E: de::Error>(&self) -> Result<StrictValue, E> {
        if self.depth >= MAX_JSON_DEPTH {
            return Err(E::custom(format!(
                "nested deeper than {MAX_JSON_DEPTH} levels"
            )));
        }
        Ok(StrictValue {
            depth: self.depth + 1,
        })
    }
}

fn bounded_string<E: de::Error>(s: &str) -> Result<Value, E> {
    if s.chars().count() > MAX_STRING_CHARS {
        return Err(E::custom(format!(
            "a string is longer than {MAX_STRING_CHARS} characters"
        )));
    }
    Ok(Value::String(s.to_owned()))
}

fn bounded_name<E: de::Error>(name: String) -> Result<String, E> {
    if name.chars().count() > MAX_STRING_CHARS {
        return Err(E::custom(format!(
            "a member name is longer than {MAX_STRING_CHARS} characters"
        )));
    }
    Ok(name)
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        bounded_string(v)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.nested()?)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut seen = HashSet::new();
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let key = bounded_name(key)?;
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("duplicate member name {key:?}")));
            }
            let value = map.next_value_seed(self.nested()?)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_members_are_refused_at_any_depth() {
        assert!(parse_json(br#"{"a":1,"a":2}"#).is_err());
        assert!(parse_json(br#"{"a":{"b":1,"b":1}}"#).is_err());
        assert!(parse_json(br#"[{"b":1,"b":1}]"#).is_err());
        assert!(parse_json(br#"{"a":{"b":1},"b":1}"#).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "[".repeat(MAX_JSON_DEPTH + 2) + &"]".repeat(MAX_JSON_DEPTH + 2);
        assert!(parse_json(deep.as_bytes()).is_err());
        let fine = "[".repeat(10) + &"]".repeat(10);
        assert!(parse_json(fine.as_bytes()).is_ok());
    }

    #[test]
    fn trailing_content_and_non_utf8_are_refused() {
        assert!(parse_json(br#"{"a":1} x"#).is_err());
        assert!(parse_json(b"{\"a\":\"\xff\"}").is_err());
    }

    #[test]
    fn base64_is_canonical_only() {
        assert_eq!(b64_decode("AQ").unwrap(), vec![1]);
        assert!(b64_decode("AQ==").is_err(), "padding");
        assert!(b64_decode("AR").is_err(), "non-zero unused bits");
        assert!(b64_decode("A Q").is_err(), "whitespace");
        assert!(b64_decode("A+").is_err(), "standard alphabet");
    }

    #[test]
    fn huge_member_names_are_refused() {
        let long = format!("{{\"{}\":1}}", "x".repeat(MAX_STRING_CHARS + 1));
        let error = parse_json(long.as_bytes()).unwrap_err();
        assert!(error.contains("a member name is longer than 4096 characters"));
        let fine = format!("{{\"{}\":1}}", "x".repeat(MAX_STRING_CHARS));
        assert!(parse_json(fine.as_bytes()).is_ok());
    }

    #[test]
    fn huge_strings_are_refused() {
        let long = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_STRING_CHARS + 1));
        assert!(parse_json(long.as_bytes()).is_err());
    }
}
