//! Owns a verifier's trust: which issuer keys it accepts for hop 0, for
//! which principals, up to which scopes; and reading trust from JWK and
//! JWKS files.

use crate::encoding::parse_json;
use crate::keys::PublicKey;
use crate::scope::ScopeSet;
use serde_json::{json, Value};

/// One trusted issuer key and its limits.
#[derive(Debug, Clone)]
pub struct TrustEntry {
    /// A name for people; the key's store name or file name.
    pub name: String,
    /// The issuer's public key.
    pub key: PublicKey,
    /// Principal patterns this issuer may speak for; `*` matches any run of characters.
    pub principals: Vec<String>,
    /// The widest scopes this issuer may grant; `None` means no limit.
    pub max_scope: Option<ScopeSet>,
}

impl TrustEntry {
    /// An entry with no limits, as for a key given with `--trust FILE`.
    pub fn unlimited(name: impl Into<String>, key: PublicKey) -> Self {
        TrustEntry {
            name: name.into(),
            key,
            principals: vec!["*".into()],
            max_scope: None,
        }
    }

    /// Whether this issuer may speak for anyone at all.
    pub fn allows_every_principal(&self) -> bool {
        self.principals.iter().any(|p| p == "*")
    }

    /// Whether this issuer may speak for the principal `id`.
    pub fn allows_principal(&self, id: &str) -> bool {
        self.principals.iter().any(|p| glob_match(p, id))
    }

    /// The stored JSON form.
    pub fn to_value(&self) -> Value {
        json!({
            "name": self.name,
            "jwk": self.key.to_jwk(),
            "principals": self.principals,
            "max_scope": self.max_scope.as_ref().map(|s| s.iter().map(|x| x.as_str()).collect::<Vec<_>>()),
        })
    }

    /// Reads the stored JSON form.
    pub fn from_value(value: &Value) -> Result<TrustEntry, String> {
        let name = value["name"]
            .as_str()
            .ok_or("a trust entry has no \"name\"")?;
        let jwk = value["jwk"]
            .as_object()
            .ok_or("a trust entry has no \"jwk\"")?;
        let principals =
            strings(&value["principals"]).ok_or("a trust entry has no \"principals\" list")?;
        let max_scope = match &value["max_scope"] {
            Value::Null => None,
            list => Some(ScopeSet::parse_all(
                &strings(list).ok_or("\"max_scope\" is not a list")?,
            )?),
        };
        Ok(TrustEntry {
            name: name.to_owned(),
            key: PublicKey::from_jwk(jwk)?,
            principals,
            max_scope,
        })
    }
}

fn strings(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Reads the public keys in a JWK or JWKS file's bytes, each as an
/// unlimited trust entry named after `source`.
///
/// In a JWKS, keys of another type or curve (RSA, EC, X25519, ...) are
/// skipped, as RFC 7517 section 5 asks, so an identity provider's published
/// set can be used as it is; an Ed25519 key that is malformed still fails
/// the whole file, because the caller meant to trust it.
pub fn entries_from_jwk_file(source: &str, bytes: &[u8]) -> Result<Vec<TrustEntry>, String> {
    let value = parse_json(bytes)?;
    let keys: Vec<(usize, &Value)> = match value.get("keys") {
        Some(Value::Array(keys)) => keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !is_other_key_type(k))
            .collect(),
        Some(_) => return Err("member \"keys\" is not an array".into()),
        None => vec![(0, &value)],
    };
    if keys.is_empty() {
        return Err("the JWKS holds no Ed25519 (kty OKP, crv Ed25519) keys".into());
    }
    keys.into_iter()
        .map(|(i, jwk)| {
            let jwk = jwk
                .as_object()
                .ok_or(format!("key {i} is not a JSON object"))?;
            if jwk.contains_key("d") {
                return Err(format!(
                    "key {i} holds a private part; trust only the public key ('obo key export NAME')"
                ));
            }
            let key = PublicKey::from_jwk(jwk).map_err(|e| format!("key {i}: {e}"))?;
            Ok(TrustEntry::unlimited(source, key))
        })
        .collect()
}

/// Whether a JWKS member is a well-formed key of a type or curve obo does
/// not use, rather than a broken Ed25519 key.
fn is_other_key_type(jwk: &Value) -> bool {
    match (jwk.get("kty"), jwk.get("crv")) {
        (Some(Value::String(kty)), _) if kty != "OKP" => true,
        (Some(_), Some(Value::String(crv))) => crv != "Ed25519",
        _ => false,
    }
}

/// Matches `text` against a pattern where `*` stands for any run of
/// characters and everything else for itself.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == '*' {
            backtrack = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some((star, matched)) = backtrack {
            p = star + 1;
            t = matched + 1;
            backtrack = Some((star, matched + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed25519_jwk() -> Value {
        let key = crate::keys::SecretKey::from_seed(&[7; 32]);
        key.public().to_jwk()
    }

    #[test]
    fn jwks_keys_of_other_types_are_skipped() {
        let jwks = json!({ "keys": [
            { "kty": "RSA", "n": "AQAB", "e": "AQAB", "kid": "rsa-1" },
            { "kty": "EC", "crv": "P-256", "x": "AA", "y": "AA" },
            { "kty": "OKP", "crv": "X25519", "x": "AA" },
            { "kty": "AKP", "alg": "ML-DSA-65", "pub": "AA" },
            ed25519_jwk(),
        ]});
        let entries = entries_from_jwk_file("idp", jwks.to_string().as_bytes()).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].key.to_jwk(), ed25519_jwk());
    }

    #[test]
    fn jwks_without_ed25519_keys_or_with_a_broken_one_is_refused() {
        let none = json!({ "keys": [{ "kty": "RSA", "n": "AQAB", "e": "AQAB" }] });
        assert_eq!(
            entries_from_jwk_file("idp", none.to_string().as_bytes()).unwrap_err(),
            "the JWKS holds no Ed25519 (kty OKP, crv Ed25519) keys"
        );
        let broken = json!({ "keys": [
            { "kty": "RSA", "n": "AQAB", "e": "AQAB" },
            { "kty": "OKP", "crv": "Ed25519", "x": "AA" },
        ]});
        assert_eq!(
            entries_from_jwk_file("idp", broken.to_string().as_bytes()).unwrap_err(),
            "key 1: an Ed25519 public key is 32 bytes, not 1"
        );
        let single_rsa = json!({ "kty": "RSA", "n": "AQAB", "e": "AQAB" });
        assert!(entries_from_jwk_file("idp", single_rsa.to_string().as_bytes()).is_err());
    }

    #[test]
    fn a_private_jwk_is_never_taken_as_trust() {
        let secret = crate::keys::SecretKey::generate();
        let err = entries_from_jwk_file("k", secret.to_private_jwk().as_bytes()).unwrap_err();
        assert!(err.contains("holds a private part"), "{err}");
    }

    #[test]
    fn glob_patterns_match_as_documented() {
        assert!(glob_match("*", "alice"));
        assert!(glob_match("*@example.com", "alice@example.com"));
        assert!(!glob_match("*@example.com", "alice@example.com.evil"));
        assert!(glob_match("alice", "alice"));
        assert!(!glob_match("alice", "alicex"));
        assert!(glob_match("a*e*", "alice"));
        assert!(!glob_match("", "a"));
    }
}
