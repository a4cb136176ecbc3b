//! Public test vectors run against obo's own Ed25519 check and JOSE forms:
//! Wycheproof, CCTV, RFC 8032 section 7.1 and RFC 8037 appendix A. The
//! vector files live in tests/vectors/, whose README names their sources.
//!
//! obo's verdict on a signature is `PublicKey::from_bytes` followed by
//! `PublicKey::verify`; a key that `from_bytes` refuses counts as the
//! signature rejected, because obo never gets as far as checking it.

use assert_cmd::Command;
use obo::encoding::b64_encode;
use obo::keys::{PublicKey, SecretKey};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn vector_file(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("vector file is readable");
    serde_json::from_str(&text).expect("vector file is JSON")
}

fn hex_member(value: &Value, name: &str) -> Vec<u8> {
    hex::decode(value[name].as_str().expect("hex member is a string")).expect("hex member")
}

fn obo_accepts(key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    PublicKey::from_bytes(key)
        .and_then(|key| key.verify(message, signature))
        .is_ok()
}

/// Wycheproof (C2SP/wycheproof, testvectors_v1/ed25519_test.json): every
/// one of the 151 tests gets the listed result.
#[test]
fn wycheproof_ed25519_every_result_matches() {
    let suite = vector_file("wycheproof-ed25519_test.json");
    assert_eq!(suite["algorithm"], "EDDSA");
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for group in suite["testGroups"].as_array().unwrap() {
        let key = hex_member(&group["publicKey"], "pk");
        for test in group["tests"].as_array().unwrap() {
            let want = match test["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                other => panic!("tcId {} has result {other:?}", test["tcId"]),
            };
            let got = obo_accepts(&key, &hex_member(test, "msg"), &hex_member(test, "sig"));
            if got != want {
                disagreements.push(format!("tcId {} ({})", test["tcId"], test["comment"]));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 151, "Wycheproof lists 151 Ed25519 tests");
    assert_eq!(suite["numberOfTests"], 151);
    assert!(
        disagreements.is_empty(),
        "obo disagrees with Wycheproof on {disagreements:?}"
    );
}

/// The CCTV vectors (C2SP/CCTV, ed25519/ed25519vectors.json) that obo
/// accepts: only the one with no flag at all. obo also refuses public keys
/// with a small-order component (flag `low_order_component_A`), which RFC
/// 8032 allows but cofactored and cofactorless verifiers judge differently.
const CCTV_ACCEPTED: [u64; 1] = [305];

const CCTV_MUST_REJECT: [&str; 4] = [
    "low_order_A",
    "low_order_R",
    "non_canonical_A",
    "non_canonical_R",
];

fn cctv_flags(vector: &Value) -> Vec<&str> {
    match &vector["flags"] {
        Value::Array(flags) => flags.iter().map(|f| f.as_str().unwrap()).collect(),
        _ => Vec::new(),
    }
}

fn cctv_verdicts() -> Vec<(u64, Vec<String>, bool)> {
    let vectors = vector_file("cctv-ed25519vectors.json");
    vectors
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let accepted = obo_accepts(
                &hex_member(v, "key"),
                v["msg"].as_str().unwrap().as_bytes(),
                &hex_member(v, "sig"),
            );
            let flags = cctv_flags(v).into_iter().map(str::to_owned).collect();
            (v["number"].as_u64().unwrap(), flags, accepted)
        })
        .collect()
}

/// CCTV: every vector flagged low-order or non-canonical in A or R is rejected.
#[test]
fn cctv_low_order_and_non_canonical_vectors_are_rejected() {
    let verdicts = cctv_verdicts();
    assert_eq!(verdicts.len(), 914, "CCTV lists 914 Ed25519 vectors");
    let flagged: Vec<_> = verdicts
        .iter()
        .filter(|(_, flags, _)| flags.iter().any(|f| CCTV_MUST_REJECT.contains(&f.as_str())))
        .collect();
    assert_eq!(flagged.len(), 808, "vectors carrying one of the four flags");
    let accepted: Vec<u64> = flagged
        .iter()
        .filter(|(_, _, accepted)| *accepted)
        .map(|(n, _, _)| *n)
        .collect();
    assert!(
        accepted.is_empty(),
        "obo accepted flagged vectors {accepted:?}"
    );
}

/// CCTV: the exact set obo accepts is pinned, so a change of verifier
/// behaviour on any edge case shows up here.
#[test]
fn cctv_accepted_set_is_pinned() {
    let accepted: BTreeSet<u64> = cctv_verdicts()
        .into_iter()
        .filter(|(_, _, accepted)| *accepted)
        .map(|(n, _, _)| n)
        .collect();
    assert_eq!(accepted, BTreeSet::from(CCTV_ACCEPTED));
}

/// RFC 8032 section 7.1: TEST 1, 2, 3, 1024 and SHA(abc). Each secret key
/// gives the listed public key and, signing deterministically, the listed
/// signature, which obo's check accepts and refuses once a bit flips.
#[test]
fn rfc8032_section_7_1_all_five_ed25519_tests() {
    let suite = vector_file("rfc8032-ed25519.json");
    let mut names = Vec::new();
    for test in suite["tests"].as_array().unwrap() {
        let name = test["name"].as_str().unwrap();
        let seed: [u8; 32] = hex_member(test, "secret_key").try_into().unwrap();
        let message = hex_member(test, "message");
        let signature = hex_member(test, "signature");
        let secret = SecretKey::from_seed(&seed);
        assert_eq!(
            secret.public().as_bytes().to_vec(),
            hex_member(test, "public_key"),
            "{name}: public key"
        );
        assert_eq!(
            secret.sign(&message).to_vec(),
            signature,
            "{name}: signature"
        );
        let public = PublicKey::from_bytes(&hex_member(test, "public_key")).unwrap();
        assert!(public.verify(&message, &signature).is_ok(), "{name}");
        let mut flipped = signature.clone();
        flipped[10] ^= 1;
        assert!(public.verify(&message, &flipped).is_err(), "{name}");
        names.push(name.to_owned());
    }
    assert_eq!(
        names,
        ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"]
    );
}

/// The RFC 8037 appendix A.1 private key.
fn rfc8037_private_jwk() -> Value {
    json!({
        "kty": "OKP", "crv": "Ed25519",
        "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
        "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    })
}

/// RFC 8037 appendix A.3.
const RFC8037_THUMBPRINT: &str = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

/// RFC 8037 appendix A.1 to A.3: the private key reads, its public form is
/// the A.2 key, and its RFC 7638 thumbprint is the A.3 value.
#[test]
fn rfc8037_a1_to_a3_key_public_form_and_thumbprint() {
    let secret = SecretKey::from_jwk(rfc8037_private_jwk().as_object().unwrap()).unwrap();
    let public = secret.public();
    assert_eq!(
        public.to_cnf_jwk(),
        json!({ "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" })
    );
    assert_eq!(public.thumbprint(), RFC8037_THUMBPRINT);
    assert_eq!(public.to_jwk()["kid"], RFC8037_THUMBPRINT);
}

/// RFC 8037 appendix A.4 and A.5: signing "Example of Ed25519 signing" under
/// the header {"alg":"EdDSA"} gives exactly the RFC's compact JWS, and it
/// verifies.
#[test]
fn rfc8037_a4_a5_example_jws_signs_and_verifies() {
    const JWS: &str = concat!(
        "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.",
        "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
    );
    let secret = SecretKey::from_jwk(rfc8037_private_jwk().as_object().unwrap()).unwrap();
    let signing_input = format!(
        "{}.{}",
        b64_encode(r#"{"alg":"EdDSA"}"#),
        b64_encode("Example of Ed25519 signing")
    );
    let signature = secret.sign(signing_input.as_bytes());
    assert_eq!(format!("{signing_input}.{}", b64_encode(signature)), JWS);

    let (input, sig) = JWS.rsplit_once('.').unwrap();
    let sig = obo::encoding::b64_decode(sig).unwrap();
    assert!(secret.public().verify(input.as_bytes(), &sig).is_ok());
    assert!(secret
        .public()
        .verify(b"eyJhbGciOiJFZERTQSJ9.e30", &sig)
        .is_err());
}

fn obo(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("obo").unwrap();
    cmd.env_remove("OBO_HOME").arg("--home").arg(home);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// RFC 8037 appendix A.2 and A.3 through the binary: importing the public
/// key prints the thumbprint, and exporting it again gives the same key.
#[test]
fn rfc8037_public_key_imports_with_its_thumbprint() {
    let dir = tempfile::tempdir().unwrap();
    let jwk_file = dir.path().join("rfc8037-a2.jwk");
    let public = json!({ "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" });
    std::fs::write(&jwk_file, public.to_string()).unwrap();
    let home = dir.path().join("home");
    let kid = stdout_of(
        obo(&home)
            .args(["key", "import"])
            .arg(&jwk_file)
            .args(["--name", "rfc8037"]),
    );
    assert_eq!(kid.trim(), RFC8037_THUMBPRINT);
    let exported: Value =
        serde_json::from_str(&stdout_of(obo(&home).args(["key", "export", "rfc8037"]))).unwrap();
    assert_eq!(exported["x"], public["x"]);
    assert_eq!(exported["kid"], RFC8037_THUMBPRINT);
}

/// did:key (W3C CCG did:key method, Ed25519: multicodec 0xed01, base58btc)
/// through the binary: the RFC 8032 TEST 1 public key, imported as a JWK,
/// exports as the did:key the method's Ed25519 encoding gives.
#[test]
fn did_key_of_rfc8032_test_1_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let key =
        hex::decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").unwrap();
    let jwk_file = dir.path().join("rfc8032-test1.jwk");
    let jwk = json!({ "kty": "OKP", "crv": "Ed25519", "x": b64_encode(key) });
    std::fs::write(&jwk_file, jwk.to_string()).unwrap();
    let home = dir.path().join("home");
    stdout_of(
        obo(&home)
            .args(["key", "import"])
            .arg(&jwk_file)
            .args(["--name", "test1"]),
    );
    let did = stdout_of(obo(&home).args(["key", "export", "test1", "--format", "did"]));
    assert_eq!(
        did,
        "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw\n"
    );
}
