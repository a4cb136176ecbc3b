//! Owns Ed25519 keys: generation, signing, strict verification, the JWK
//! form (RFC 8037), the RFC 7638 thumbprint that serves as every key id,
//! and the `did:key` form.

use crate::encoding::{b64_decode, b64_encode};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroizing;

/// The multicodec prefix of an Ed25519 public key, as an unsigned varint.
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// An Ed25519 public key that is canonical and not of small order, with its
/// thumbprint computed once.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey {
    key: VerifyingKey,
    kid: String,
}

impl PublicKey {
    /// Accepts 32 bytes only when they are the canonical encoding of a point
    /// that is not of small order: a weak key would let anyone forge.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| format!("an Ed25519 public key is 32 bytes, not {}", bytes.len()))?;
        let key = VerifyingKey::from_bytes(&bytes)
            .map_err(|_| "the public key is not a point on Ed25519".to_string())?;
        if VerifyingKey::from(key.to_edwards()).to_bytes() != bytes {
            return Err("the public key is not canonically encoded".into());
        }
        if key.is_weak() {
            return Err("the public key is a weak (small-order) key".into());
        }
        // RFC 8032 allows a key with a small-order component, but verifiers
        // that multiply by the cofactor and those that do not can then
        // disagree on a signature; honest key generation never makes one.
        // The check is a scalar multiplication per key, so it costs about
        // three quarters of a signature check on every hop read: `cargo
        // bench --bench verify` shows it, and obo pays it knowingly.
        if !key.to_edwards().is_torsion_free() {
            return Err("the public key has a small-order component".into());
        }
        Ok(Self::from_verifying(key))
    }

    fn from_verifying(key: VerifyingKey) -> Self {
        let x = b64_encode(key.as_bytes());
        let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
        let kid = b64_encode(Sha256::digest(canonical.as_bytes()));
        PublicKey { key, kid }
    }

    /// Reads an Ed25519 public JWK (RFC 8037). A private part, if present,
    /// is ignored here; an `alg` other than EdDSA or Ed25519 is refused.
    pub fn from_jwk(jwk: &Map<String, Value>) -> Result<Self, String> {
        expect_member(jwk, "kty", "OKP")?;
        expect_member(jwk, "crv", "Ed25519")?;
        if let Some(alg) = jwk.get("alg") {
            if alg != "EdDSA" && alg != "Ed25519" {
                return Err(format!("JWK member \"alg\" is {alg}, not \"EdDSA\""));
            }
        }
        let x = jwk
            .get("x")
            .and_then(Value::as_str)
            .ok_or("JWK has no string member \"x\"")?;
        let bytes = b64_decode(x).map_err(|e| format!("JWK member \"x\" is {e}"))?;
        Self::from_bytes(&bytes)
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url): obo's key id.
    pub fn thumbprint(&self) -> &str {
        &self.kid
    }

    /// The raw 32-byte public key.
    pub fn as_bytes(&self) -> &[u8; 32] {
        self.key.as_bytes()
    }

    /// The public JWK, with the thumbprint as `kid`.
    pub fn to_jwk(&self) -> Value {
        json!({
            "kty": "OKP",
            "crv": "Ed25519",
            "x": b64_encode(self.key.as_bytes()),
            "kid": self.kid,
            "alg": "EdDSA",
            "use": "sig",
        })
    }

    /// The minimal public JWK, as carried in `cnf.jwk` (RFC 7800).
    pub fn to_cnf_jwk(&self) -> Value {
        json!({ "kty": "OKP", "crv": "Ed25519", "x": b64_encode(self.key.as_bytes()) })
    }

    /// The key as a `did:key` identifier (multicodec ed25519-pub, base58btc).
    pub fn to_did_key(&self) -> String {
        let mut bytes = ED25519_PUB_MULTICODEC.to_vec();
        bytes.extend_from_slice(self.key.as_bytes());
        format!("did:key:z{}", bs58::encode(bytes).into_string())
    }

    /// Checks a signature with RFC 8032 rules plus canonical R and S and no
    /// small-order R (ed25519-dalek's `verify_strict`).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), String> {
        let signature = Signature::from_slice(signature)
            .map_err(|_| format!("a signature is 64 bytes, not {}", signature.len()))?;
        self.key
            .verify_strict(message, &signature)
            .map_err(|_| "the signature does not verify".to_string())
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.kid)
    }
}

fn expect_member(jwk: &Map<String, Value>, name: &str, want: &str) -> Result<(), String> {
    match jwk.get(name).and_then(Value::as_str) {
        Some(got) if got == want => Ok(()),
        Some(got) => Err(format!("JWK member {name:?} is {got:?}, not {want:?}")),
        None => Err(format!("JWK has no string member {name:?}")),
    }
}

/// An Ed25519 private key. It never prints itself and is wiped on drop.
pub struct SecretKey {
    key: SigningKey,
    public: PublicKey,
}

impl SecretKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Self {
        let mut seed = Zeroizing::new([0u8; 32]);
        rand::fill(&mut seed[..]);
        Self::from_seed(&seed)
    }

    /// The key whose RFC 8032 private key (seed) is these 32 bytes.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        let key = SigningKey::from_bytes(seed);
        let public = PublicKey::from_verifying(key.verifying_key());
        SecretKey { key, public }
    }

    /// Reads a private JWK: `d` must be 32 bytes and `x` must be its public key.
    pub fn from_jwk(jwk: &Map<String, Value>) -> Result<Self, String> {
        let public = PublicKey::from_jwk(jwk)?;
        let d = jwk
            .get("d")
            .and_then(Value::as_str)
            .ok_or("JWK has no private member \"d\"")?;
        let seed = Zeroizing::new(
            b64_decode(d).map_err(|_| "JWK member \"d\" is not canonical base64url")?,
        );
        let seed: &[u8; 32] = seed
            .as_slice()
            .try_into()
            .map_err(|_| "JWK member \"d\" is not 32 bytes")?;
        let secret = Self::from_seed(seed);
        if secret.public != public {
            return Err("JWK members \"d\" and \"x\" are not one key pair".into());
        }
        Ok(secret)
    }

    /// The private JWK: public members plus `d`. The caller writes it to a
    /// 0600 file and nowhere else.
    pub fn to_private_jwk(&self) -> Zeroizing<String> {
        let mut jwk = self.public.to_jwk();
        let d = Zeroizing::new(b64_encode(self.key.to_bytes()));
        jwk["d"] = Value::String(d.to_string());
        let text = Zeroizing::new(serde_json::to_string_pretty(&jwk).unwrap_or_default());
        if let Some(Value::String(d)) = jwk.get_mut("d") {
            zeroize::Zeroize::zeroize(d);
        }
        text
    }

    /// The public half.
    pub fn public(&self) -> &PublicKey {
        &self.public
    }

    /// Signs a message (RFC 8032 Ed25519, deterministic).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({}, private part hidden)", self.public.kid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 8037 appendix A.1 to A.3: the key, its public form and thumbprint.
    #[test]
    fn rfc8037_appendix_a_key_and_thumbprint() {
        let jwk = json!({
            "kty": "OKP", "crv": "Ed25519",
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
            "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        });
        let secret = SecretKey::from_jwk(jwk.as_object().unwrap()).unwrap();
        assert_eq!(
            secret.public().thumbprint(),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
    }

    /// RFC 8032 section 7.1, test 1: key, empty message, signature.
    #[test]
    fn rfc8032_test_1_signs_and_verifies() {
        let seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        let secret = SecretKey::from_seed(seed.as_slice().try_into().unwrap());
        let public = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assert_eq!(secret.public().as_bytes().as_slice(), public.as_slice());
        let signature = secret.sign(b"");
        let expected = hex(concat!(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155",
            "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ));
        assert_eq!(signature.as_slice(), expected.as_slice());
        assert!(secret.public().verify(b"", &signature).is_ok());
        assert!(secret.public().verify(b"x", &signature).is_err());
    }

    /// The did:key of RFC 8032 test 1's public key, as the did:key method
    /// specification's Ed25519 encoding gives it.
    #[test]
    fn did_key_of_rfc8032_test_1() {
        let public = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        let key = PublicKey::from_bytes(&public).unwrap();
        assert_eq!(
            key.to_did_key(),
            "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw"
        );
    }

    #[test]
    fn weak_and_non_canonical_keys_are_refused() {
        let identity = {
            let mut b = [0u8; 32];
            b[0] = 1;
            b
        };
        assert!(PublicKey::from_bytes(&identity)
            .unwrap_err()
            .contains("weak"));
        // y = p + 1 encodes the identity point non-canonically.
        let mut non_canonical = [0xffu8; 32];
        non_canonical[0] = 0xee;
        non_canonical[31] = 0x7f;
        assert!(PublicKey::from_bytes(&non_canonical).is_err());
    }

    #[test]
    fn private_jwk_with_mismatched_public_half_is_refused() {
        let a = SecretKey::generate();
        let b = SecretKey::generate();
        let mut jwk: Map<String, Value> = serde_json::from_str(&a.to_private_jwk()).unwrap();
        jwk["x"] = json!(b64_encode(b.public().as_bytes()));
        assert!(SecretKey::from_jwk(&jwk).is_err());
    }

    #[test]
    fn debug_never_shows_the_private_key() {
        let secret = SecretKey::generate();
        let jwk: Value = serde_json::from_str(&secret.to_private_jwk()).unwrap();
        let d = jwk["d"].as_str().unwrap();
        assert!(!format!("{secret:?}").contains(d));
    }
}
