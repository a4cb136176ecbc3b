//! Fuzz targets for every parser of outside input, driven by proptest
//! (there is no nightly toolchain for cargo-fuzz): tokens, proofs, JWKs,
//! JWK Sets, trust and principal records, base64url, JSON, scopes and
//! times. Inputs are random bytes and structure-aware mutations of valid
//! tokens: flipped bytes, spliced hops, and JSON values replaced and then
//! re-signed with the right key, so the verification rules behind the
//! signature check are reached too.
//!
//! Every target asserts that nothing panics and that each result is Ok or
//! Err; a changed token must never verify. OBO_FUZZ_CASES sets the number
//! of cases per target (default 256, so `cargo test` stays quick); .ci/run
//! runs 6 000 per target, and 150 000 per target in release found nothing.
//! A crashing input found here is kept as a named regression test at the
//! end of this file.

use obo::commands::inspect::{chain_attribution, hop_json};
use obo::delegation::{self, AgentRef, Grant, Narrowing};
use obo::encoding::{b64_decode, b64_encode, parse_json, parse_object};
use obo::keys::{PublicKey, SecretKey};
use obo::principal::Principal;
use obo::scope::ScopeSet;
use obo::token::{Chain, Proof};
use obo::trust::{entries_from_jwk_file, TrustEntry};
use obo::verify::{check_proof, verify_chain, Request};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;
use std::time::Duration;

const T0: i64 = 1_800_000_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("OBO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

/// Valid material to mutate: keys, two chains sharing their first actor,
/// proofs for them, and the trust that accepts them.
struct Fixture {
    keys: Vec<SecretKey>,
    chains: Vec<Chain>,
    proofs: Vec<String>,
    trust: Vec<TrustEntry>,
}

fn key(n: u8) -> SecretKey {
    SecretKey::from_seed(&[n; 32])
}

fn agent(id: &str, name: Option<&str>, key: &SecretKey) -> AgentRef {
    AgentRef {
        id: id.into(),
        name: name.map(str::to_owned),
        key: key.public().clone(),
    }
}

fn make_chain(keys: &[SecretKey], task: &str) -> Chain {
    let principal = Principal {
        id: "alice".into(),
        display_name: Some("Alice".into()),
        allow: ScopeSet::parse_all(&["budget:*", "reports:read"]).unwrap(),
    };
    let mut chain = delegation::delegate(Grant {
        issuer_id: "idp".into(),
        issuer_key: &keys[0],
        principal: &principal,
        agent: agent("a1", Some("Agent 1"), &keys[1]),
        scope: ScopeSet::parse_all(&["budget:q3:write", "reports:read"]).unwrap(),
        audience: vec!["api".into(), "api2".into()],
        ttl: Duration::from_secs(3600),
        max_depth: 3,
        task: Some(task.into()),
        now: T0,
    })
    .unwrap();
    for i in 2..keys.len() {
        chain = delegation::attenuate(
            &chain,
            Narrowing {
                holder: &keys[i - 1],
                agent: agent(&format!("a{i}"), None, &keys[i]),
                scope: ScopeSet::parse_all(&["budget:q3:write"]).unwrap(),
                audience: None,
                ttl: None,
                max_depth: None,
                task: None,
                now: T0 + 10,
            },
        )
        .unwrap();
    }
    chain
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let keys: Vec<SecretKey> = (1..=4).map(key).collect();
        let chains = vec![
            make_chain(&keys, "Update the Q3 budget"),
            make_chain(&keys[..3], "Read the reports"),
        ];
        let proofs = chains
            .iter()
            .map(|c| {
                let holder = keys
                    .iter()
                    .find(|k| k.public() == &c.last().claims.cnf)
                    .unwrap();
                delegation::present(
                    c,
                    holder,
                    "api",
                    Some("PUT /q3".into()),
                    Duration::from_secs(120),
                    T0 + 50,
                )
                .unwrap()
            })
            .collect();
        let trust = vec![TrustEntry::unlimited("idp", keys[0].public().clone())];
        Fixture {
            keys,
            chains,
            proofs,
            trust,
        }
    })
}

fn request(proof: Option<&str>) -> Request<'_> {
    Request {
        audience: "api",
        require: ScopeSet::default(),
        at: T0 + 100,
        leeway: 60,
        proof,
        require_proof: false,
    }
}

/// Parses and verifies a chain text, renders it as inspect and verify
/// would, and has its holder (when the fixture has the key) attenuate and
/// present it, so every path a token takes is fuzzed. Returns whether it
/// verified.
fn exercise(text: &str, proof: Option<&str>) -> bool {
    let Ok(chain) = Chain::parse(text) else {
        return false;
    };
    let _ = chain_attribution(&chain);
    for (n, hop) in chain.hops.iter().enumerate() {
        let _ = obo::render::json_text(&hop_json(n, hop)).unwrap();
    }
    if let Some(holder) = signer_for(chain.last().claims.cnf.thumbprint()) {
        let ttl = Duration::from_secs(60);
        let _ = delegation::present(&chain, holder, "api", None, ttl, T0 + 100);
        let _ = delegation::attenuate(
            &chain,
            Narrowing {
                holder,
                agent: agent("next", None, &fixture().keys[0]),
                scope: ScopeSet::parse_all(&["budget:q3:write"]).unwrap(),
                audience: None,
                ttl: Some(ttl),
                max_depth: None,
                task: None,
                now: T0 + 100,
            },
        );
    }
    verify_chain(chain, &fixture().trust, &request(proof)).is_ok()
}

fn signer_for(kid: &str) -> Option<&'static SecretKey> {
    fixture()
        .keys
        .iter()
        .find(|k| k.public().thumbprint() == kid)
}

/// Any JSON value, including the awkward ones: huge and negative numbers,
/// floats, long strings, control and bidi characters, nesting.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(|f| json!(f)),
        prop_oneof![
            Just(json!(T0 + 3600)),
            Just(json!(-1)),
            Just(json!(0)),
            Just(json!(33)),
            Just(json!(253_402_300_800i64)),
        ],
        ".{0,40}".prop_map(Value::from),
        "[\\x00-\\x1f\\u{7f}-\\u{9f}\\u{202a}-\\u{202e}\\u{200b}a-z]{0,12}".prop_map(Value::from),
        prop_oneof![
            Just(json!("*")),
            Just(json!("budget:*")),
            Just(json!("api")),
            Just(json!("alice")),
            Just(json!("x".repeat(5000))),
        ],
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a path chosen by `steps` inside `root`, or adds a
/// member named `add_name` when the path ends at an object and the path
/// length is odd.
fn mutate_json(mut root: Value, steps: &[usize], new: Value, add_name: &str) -> Value {
    replace_at(&mut root, steps, new, add_name, steps.len() % 2 == 1);
    root
}

fn replace_at(at: &mut Value, steps: &[usize], new: Value, add_name: &str, add: bool) {
    if let Some((&step, rest)) = steps.split_first() {
        match at {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(step % map.len()).unwrap().clone();
                return replace_at(map.get_mut(&key).unwrap(), rest, new, add_name, add);
            }
            Value::Array(items) if !items.is_empty() => {
                let len = items.len();
                return replace_at(&mut items[step % len], rest, new, add_name, add);
            }
            _ => {}
        }
    }
    match at {
        Value::Object(map) if add => {
            map.insert(add_name.to_owned(), new);
        }
        other => *other = new,
    }
}

/// A compact JWS of this header and payload, signed by the key the header
/// names when the fixture holds it (else by the issuer's).
fn resign(header: &Value, payload: &Value) -> String {
    let kid = header["kid"].as_str().unwrap_or_default();
    let key = signer_for(kid).unwrap_or(&fixture().keys[0]);
    let input = format!(
        "{}.{}",
        b64_encode(header.to_string()),
        b64_encode(payload.to_string())
    );
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", b64_encode(signature))
}

fn decode_part(part: &str) -> Value {
    parse_json(&b64_decode(part).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn chain_parse_survives_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(!exercise(&text, None));
    }

    #[test]
    fn chain_parse_survives_token_shaped_text(text in "[A-Za-z0-9_\\-.~=+/ ]{0,600}") {
        prop_assert!(!exercise(&text, None));
    }

    #[test]
    fn proof_parse_survives_random_input(bytes in prop::collection::vec(any::<u8>(), 0..1024),
                                          shaped in "[A-Za-z0-9_\\-.=]{0,400}") {
        let chain = &fixture().chains[0];
        for text in [String::from_utf8_lossy(&bytes).into_owned(), shaped] {
            let _ = Proof::parse(&text);
            prop_assert!(check_proof(chain, &text, "api", T0 + 100, 60).is_err());
        }
    }

    #[test]
    fn jwk_and_jwks_readers_survive_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        if let Ok(map) = parse_object(&bytes) {
            let _ = PublicKey::from_jwk(&map);
            let _ = SecretKey::from_jwk(&map);
        }
        let _ = entries_from_jwk_file("fuzz", &bytes);
    }

    #[test]
    fn jwk_and_jwks_readers_survive_mutated_keys(value in json_value(), steps in prop::collection::vec(any::<usize>(), 0..4),
                                                 as_set in any::<bool>()) {
        let mut jwk = fixture().keys[1].public().to_jwk();
        jwk["d"] = json!(b64_encode([7u8; 32]));
        let jwk = mutate_json(jwk, &steps, value, "extra");
        let text = if as_set { json!({ "keys": [jwk.clone(), jwk.clone()] }) } else { jwk.clone() }.to_string();
        if let Some(map) = jwk.as_object() {
            let _ = PublicKey::from_jwk(map);
            let _ = SecretKey::from_jwk(map);
        }
        let _ = entries_from_jwk_file("fuzz", text.as_bytes());
    }

    #[test]
    fn home_records_survive_mutation(value in json_value(), steps in prop::collection::vec(any::<usize>(), 0..4)) {
        let entry = TrustEntry {
            principals: vec!["*@example.com".into()],
            max_scope: Some(ScopeSet::parse_all(&["budget:*"]).unwrap()),
            ..fixture().trust[0].clone()
        };
        let _ = TrustEntry::from_value(&mutate_json(entry.to_value(), &steps, value.clone(), "extra"));
        let principal = json!({ "id": "alice", "display_name": "Alice", "allow": ["budget:*"] });
        let _ = Principal::from_value(&mutate_json(principal, &steps, value, "extra"));
    }

    #[test]
    fn base64_and_json_survive_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(decoded) = b64_decode(&text) {
            // Canonical: decoding then encoding gives the text back.
            prop_assert_eq!(b64_encode(&decoded), text.as_ref());
        }
        let _ = parse_json(&bytes);
        let _ = parse_object(&bytes);
    }

    #[test]
    fn json_survives_deep_and_odd_structure(depth in 0usize..200, open in "[\\[{\"a:,1 ]{0,60}") {
        let text = format!("{}{}{}", "[".repeat(depth), open, "]".repeat(depth));
        let _ = parse_json(text.as_bytes());
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        prop_assert_eq!(parse_json(objects.as_bytes()).is_ok(), depth <= obo::encoding::MAX_JSON_DEPTH);
    }

    #[test]
    fn scopes_and_times_survive_random_text(text in ".{0,300}") {
        let _ = ScopeSet::parse_claim(&text);
        let _ = text.parse::<obo::scope::Scope>();
        let _ = obo::time::parse_time(&text);
        let _ = obo::time::parse_duration(&text);
        let _ = obo::time::parse_ttl(&text);
        let _ = obo::trust::glob_match(&text, "alice@example.com");
        let _ = obo::confusables::mixes_scripts(&text);
        let _ = obo::render::escape(&text);
    }

    #[test]
    fn a_changed_byte_never_verifies(which in 0usize..2, index in any::<usize>(), byte in any::<u8>()) {
        let fx = fixture();
        let chain = &fx.chains[which];
        let proof = &fx.proofs[which];
        prop_assert!(exercise(&chain.text, Some(proof)));
        let mut bytes = chain.text.clone().into_bytes();
        let i = index % bytes.len();
        bytes[i] = byte;
        let text = String::from_utf8_lossy(&bytes);
        if text != chain.text {
            prop_assert!(!exercise(&text, Some(proof)), "changed byte {} to {}", i, byte);
        }
        let mut bytes = proof.clone().into_bytes();
        let i = index % bytes.len();
        bytes[i] = byte;
        let changed = String::from_utf8_lossy(&bytes);
        if changed != proof.as_str() {
            prop_assert!(!exercise(&chain.text, Some(&changed)));
        }
    }

    #[test]
    fn inserted_or_deleted_text_never_verifies(which in 0usize..2, at in any::<usize>(), len in 0usize..8,
                                               insert in "[A-Za-z0-9_\\-.~=]{0,8}") {
        let chain = &fixture().chains[which];
        let text = &chain.text;
        let at = at % text.len();
        let end = (at + len).min(text.len());
        let changed = format!("{}{}{}", &text[..at], insert, &text[end..]);
        if changed != *text {
            prop_assert!(!exercise(&changed, None));
        }
    }

    #[test]
    fn spliced_hops_verify_only_as_a_real_prefix(picks in prop::collection::vec((0usize..2, 0usize..3), 1..7)) {
        let fx = fixture();
        let hops: Vec<&str> = picks
            .iter()
            .map(|&(c, h)| {
                let chain = &fx.chains[c];
                chain.hops[h % chain.hops.len()].compact.as_str()
            })
            .collect();
        let text = hops.join("~");
        let is_real_prefix = fx.chains.iter().any(|c| {
            c.hops.len() >= hops.len()
                && c.hops.iter().zip(&hops).all(|(real, got)| real.compact == *got)
        });
        prop_assert_eq!(exercise(&text, None), is_real_prefix, "{:?}", picks);
    }

    #[test]
    fn re_signed_json_mutations_never_panic(which in 0usize..2, hop in 0usize..3, in_header in any::<bool>(),
                                            steps in prop::collection::vec(any::<usize>(), 0..5),
                                            value in json_value(), name in "[a-z_]{1,10}") {
        let fx = fixture();
        let chain = &fx.chains[which];
        let hop = hop % chain.hops.len();
        let compact = &chain.hops[hop].compact;
        let parts: Vec<&str> = compact.split('.').collect();
        let (mut header, mut payload) = (decode_part(parts[0]), decode_part(parts[1]));
        if in_header {
            header = mutate_json(header, &steps, value, &name);
        } else {
            payload = mutate_json(payload, &steps, value, &name);
        }
        let mutated = resign(&header, &payload);
        let mut hops: Vec<String> = chain.hops.iter().map(|h| h.compact.clone()).collect();
        hops[hop] = mutated;
        let text = hops.join("~");
        let _ = exercise(&text, Some(&fx.proofs[which]));
        let _ = exercise(&text, None);
    }

    #[test]
    fn re_signed_proof_mutations_never_panic(which in 0usize..2, steps in prop::collection::vec(any::<usize>(), 0..4),
                                             value in json_value(), name in "[a-z_]{1,10}") {
        let fx = fixture();
        let proof = &fx.proofs[which];
        let parts: Vec<&str> = proof.split('.').collect();
        let payload = mutate_json(decode_part(parts[1]), &steps, value, &name);
        let mutated = resign(&decode_part(parts[0]), &payload);
        let _ = exercise(&fx.chains[which].text, Some(&mutated));
    }
}

/// Regression inputs: the edge cases the generators above reach only by
/// luck. No fuzz run has crashed obo so far; a crashing input found later
/// belongs here, under a name saying what broke.
#[test]
fn edge_inputs_are_refused_cleanly() {
    let inputs = [
        "",
        "~",
        ".",
        "..",
        "...",
        "~~",
        ".~.",
        "a.b.c",
        "a..",
        "..c",
        "\u{0}",
        "\u{feff}",
        "e30.e30.",
        "e30.e30.AA",
        "bnVsbA.bnVsbA.AA",
        "W10.W10.AA",
        "IiI.IiI.AA",
    ];
    for text in inputs {
        assert!(!exercise(text, None), "{text:?}");
        assert!(Proof::parse(text).is_err(), "{text:?}");
        assert!(
            entries_from_jwk_file("x", text.as_bytes()).is_err(),
            "{text:?}"
        );
    }
}
