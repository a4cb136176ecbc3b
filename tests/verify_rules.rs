//! Every verification rule `obo verify` enforces, each shown firing on a
//! token crafted to break that rule and nothing else, so each test fails
//! if its check is removed. obo refuses to make such tokens, so they are
//! signed here with the home's own keys (ed25519-dalek, RFC 8032).
//!
//! Each rejection pins exit 1 and the hop and rule named on stderr.

mod common;

use common::{
    append, b64, b64d, claims, hash, hop_header, int, next_claims, proof, rfc3339, sign, sign_raw,
    split, thumbprint, Env, Parts, AUD,
};
use serde_json::{json, Value};

const V: &[&str] = &["--audience", AUD];

fn hop_text(chain: &str, n: usize) -> &str {
    chain.split('~').nth(n).expect("hop exists")
}

/// The chain with hop `n` replaced by `hop`.
fn replace_hop(chain: &str, n: usize, hop: &str) -> String {
    let mut hops: Vec<&str> = chain.split('~').collect();
    hops[n] = hop;
    hops.join("~")
}

/// Alice -> Agent 1 -> Agent 1 -> DB agent: Agent 1 holds two hops in a
/// row, so removing or swapping hops keeps every signer right and only
/// the links can catch it.
fn three_hops(env: &Env) -> String {
    let t0 = env.delegate(&[]);
    let t1 = env.attenuate(&t0, "agent-1", "agent-1", &["--scope", "reports:read"]);
    env.attenuate(&t1, "agent-1", "db-agent", &["--scope", "reports:read"])
}

// ---- rule trusted-issuer ----

#[test]
fn trusted_issuer_refuses_hop_0_signed_by_an_unknown_key() {
    let env = Env::flow();
    env.ok(&["keygen", "rogue"]);
    let mut hops = split(&env.delegate(&[]));
    hops[0].header["kid"] = json!(env.kid("rogue"));
    let forged = env.seal(&hops);
    let msg = env.rejects(&forged, V, Some(0), "trusted-issuer");
    assert!(msg.contains(&format!(
        "signed by key {}, which is not a trusted issuer key",
        env.kid("rogue")
    )));
}

// ---- rule issuer-limits ----

#[test]
fn issuer_limits_refuse_a_principal_outside_the_trust_pattern() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    env.ok(&[
        "trust",
        "add",
        "idp",
        "--force",
        "--principals",
        "bob",
        "*@corp.example",
    ]);
    let msg = env.rejects(&t0, V, Some(0), "issuer-limits");
    assert!(msg.ends_with("issuer \"idp\" is not trusted to speak for principal \"alice\""));
    env.ok(&["trust", "add", "idp", "--force", "--principals", "al*"]);
    env.accepts(&t0, V);
}

#[test]
fn issuer_limits_refuse_a_scope_beyond_the_trust_max_scope() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    env.ok(&[
        "trust",
        "add",
        "idp",
        "--force",
        "--max-scope",
        "reports:read",
    ]);
    let msg = env.rejects(&t0, V, Some(0), "issuer-limits");
    assert!(msg.ends_with("scope budget:q3:write is beyond what issuer \"idp\" may grant"));
    env.ok(&[
        "trust",
        "add",
        "idp",
        "--force",
        "--max-scope",
        "budget:*",
        "reports:read",
    ]);
    env.accepts(&t0, V);
}

// ---- rule signature ----

#[test]
fn signature_refuses_hop_0_signed_by_another_key_under_the_issuers_kid() {
    let env = Env::flow();
    let hops = split(&env.delegate(&[]));
    let forged = sign(&hops[0].header, &hops[0].claims, &env.secret("agent-1"));
    let msg = env.rejects(&forged, V, Some(0), "signature");
    assert!(msg.contains("the signature does not verify with trusted issuer key"));
}

#[test]
fn signature_refuses_hop_0_with_altered_claims() {
    let env = Env::flow();
    let t0 = env.delegate(&["--scope", "budget:q3:read"]);
    let parts: Vec<&str> = t0.split('.').collect();
    let mut c = claims(&t0, 0);
    c["scope"] = json!("budget:*");
    let tampered = format!("{}.{}.{}", parts[0], b64(c.to_string()), parts[2]);
    env.rejects(&tampered, V, Some(0), "signature");
}

#[test]
fn signature_refuses_hop_n_signed_by_another_key_under_the_holders_kid() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let hop1 = &split(&t1)[1];
    let forged = sign(&hop1.header, &hop1.claims, &env.secret("db-agent"));
    let msg = env.rejects(&replace_hop(&t1, 1, &forged), V, Some(1), "signature");
    assert!(msg.contains("with the key hop 0 binds"), "{msg}");
}

#[test]
fn signature_refuses_a_signature_of_the_wrong_length() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let parts: Vec<&str> = hop_text(&t1, 1).split('.').collect();
    let short = b64(&b64d(parts[2])[..63]);
    let hop = format!("{}.{}.{short}", parts[0], parts[1]);
    let msg = env.rejects(&replace_hop(&t1, 1, &hop), V, Some(1), "signature");
    assert!(
        msg.ends_with("an Ed25519 signature is 64 bytes, this is 63"),
        "{msg}"
    );
}

/// RFC 8032 section 5.1.7 requires S < L; a signature with S + L in its
/// place passes lax verifiers, so verify_strict must refuse it.
#[test]
fn signature_refuses_a_non_canonical_s() {
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let parts: Vec<&str> = t0.split('.').collect();
    let mut sig = b64d(parts[2]);
    let mut carry = 0u16;
    for (i, l) in L.iter().enumerate() {
        let sum = sig[32 + i] as u16 + *l as u16 + carry;
        sig[32 + i] = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    let malleated = format!("{}.{}.{}", parts[0], parts[1], b64(&sig));
    env.rejects(&malleated, V, Some(0), "signature");
}

/// Scalars mod L (the Ed25519 group order) as five little-endian u64
/// limbs: just enough arithmetic to compute S = k * a mod L below.
mod scalar {
    const L: [u64; 5] = [
        0x5812631a5cf5d3ed,
        0x14def9dea2f79cd6,
        0,
        0x1000000000000000,
        0,
    ];

    fn geq(a: &[u64; 5], b: &[u64; 5]) -> bool {
        for i in (0..5).rev() {
            if a[i] != b[i] {
                return a[i] > b[i];
            }
        }
        true
    }

    fn sub(a: &mut [u64; 5], b: &[u64; 5]) {
        let mut borrow = 0u64;
        for i in 0..5 {
            let (d, b1) = a[i].overflowing_sub(b[i]);
            let (d, b2) = d.overflowing_sub(borrow);
            a[i] = d;
            borrow = u64::from(b1 || b2);
        }
    }

    fn add_mod(a: &mut [u64; 5], b: &[u64; 5]) {
        let mut carry = 0u64;
        for i in 0..5 {
            let (s, c1) = a[i].overflowing_add(b[i]);
            let (s, c2) = s.overflowing_add(carry);
            a[i] = s;
            carry = u64::from(c1 || c2);
        }
        while geq(a, &L) {
            sub(a, &L);
        }
    }

    /// (k * a) mod L for a 64-byte k and a 32-byte a, both little-endian.
    pub fn mul_mod(k: &[u8; 64], a: &[u8; 32]) -> [u8; 32] {
        let mut a_limbs = [0u64; 5];
        for (i, chunk) in a.chunks(8).enumerate() {
            a_limbs[i] = u64::from_le_bytes(chunk.try_into().unwrap());
        }
        while geq(&a_limbs, &L) {
            sub(&mut a_limbs, &L);
        }
        let mut acc = [0u64; 5];
        for byte in k.iter().rev() {
            for bit in (0..8).rev() {
                let doubled = acc;
                add_mod(&mut acc, &doubled);
                if byte >> bit & 1 == 1 {
                    add_mod(&mut acc, &a_limbs);
                }
            }
        }
        let mut out = [0u8; 32];
        for i in 0..4 {
            out[i * 8..i * 8 + 8].copy_from_slice(&acc[i].to_le_bytes());
        }
        out
    }
}

/// A signature whose R is the identity point, made with the private key:
/// S = k * a, so [S]B - [k]A is the identity and a cofactorless verifier
/// accepts it. RFC 8032 allows it; verify_strict refuses small-order R,
/// which keeps signatures non-malleable.
#[test]
fn signature_refuses_a_small_order_r() {
    use sha2::{Digest, Sha512};
    let env = Env::flow();
    let key = env.secret("idp");
    let hops = split(&env.delegate(&[]));
    let input = format!(
        "{}.{}",
        b64(hops[0].header.to_string()),
        b64(hops[0].claims.to_string())
    );
    let mut a: [u8; 32] = Sha512::digest(key.to_bytes())[..32].try_into().unwrap();
    a[0] &= 248;
    a[31] &= 127;
    a[31] |= 64;
    let mut r = [0u8; 32];
    r[0] = 1;
    let k: [u8; 64] = Sha512::new()
        .chain_update(r)
        .chain_update(key.verifying_key().as_bytes())
        .chain_update(input.as_bytes())
        .finalize()
        .into();
    let mut sig = r.to_vec();
    sig.extend_from_slice(&scalar::mul_mod(&k, &a));
    let signature = ed25519_dalek::Signature::from_slice(&sig).unwrap();
    assert!(
        ed25519_dalek::Verifier::verify(&key.verifying_key(), input.as_bytes(), &signature).is_ok(),
        "the crafted signature passes cofactorless verification"
    );
    let token = format!("{input}.{}", b64(&sig));
    env.rejects(&token, V, Some(0), "signature");
}

// ---- rule key-id ----

#[test]
fn key_id_refuses_a_hop_signed_by_a_key_the_previous_hop_does_not_bind() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let mut hops = split(&t1);
    hops[1].header["kid"] = json!(env.kid("db-agent"));
    let msg = env.rejects(&env.seal(&hops), V, Some(1), "key-id");
    assert!(msg.contains(&format!(
        "signed by key {}, but hop 0 binds key {}",
        env.kid("db-agent"),
        env.kid("agent-1")
    )));
}

// ---- rule chain-link ----

#[test]
fn chain_link_refuses_a_wrong_previous_hop_hash() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let mut c = claims(&t1, 1);
    c["obo_prev"] = json!(hash("some other hop"));
    let hop = sign(
        &hop_header(&env.secret("agent-1")),
        &c,
        &env.secret("agent-1"),
    );
    let msg = env.rejects(&replace_hop(&t1, 1, &hop), V, Some(1), "chain-link");
    assert!(msg.ends_with("\"obo_prev\" is not the hash of hop 0"));
}

#[test]
fn chain_link_refuses_a_hop_grafted_from_another_chain() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let other_root = env.delegate(&[]);
    let grafted = format!("{other_root}~{}", hop_text(&t1, 1));
    env.rejects(&grafted, V, Some(1), "chain-link");
}

#[test]
fn chain_link_refuses_a_chain_with_a_middle_hop_removed() {
    let env = Env::flow();
    let t2 = three_hops(&env);
    env.accepts(&t2, V);
    let cut = format!("{}~{}", hop_text(&t2, 0), hop_text(&t2, 2));
    env.rejects(&cut, V, Some(1), "chain-link");
}

#[test]
fn chain_link_refuses_a_chain_with_its_root_removed() {
    let env = Env::flow();
    let t1 = env.two_hops();
    // Even when the first remaining signer is itself a trusted issuer.
    env.ok(&["trust", "add", "agent-1"]);
    let msg = env.rejects(hop_text(&t1, 1), V, Some(0), "chain-link");
    assert!(msg.ends_with("hop 0 carries \"obo_prev\", so a hop before it was removed"));
}

#[test]
fn chain_link_refuses_reordered_hops() {
    let env = Env::flow();
    let t2 = three_hops(&env);
    let swapped = [hop_text(&t2, 0), hop_text(&t2, 2), hop_text(&t2, 1)].join("~");
    env.rejects(&swapped, V, Some(1), "chain-link");
}

// ---- rule principal ----

#[test]
fn principal_refuses_a_hop_that_changes_sub() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["sub"] = json!("bob"));
    let msg = env.rejects(&bad, V, Some(1), "principal");
    assert!(msg.ends_with("principal changed from \"alice\" to \"bob\""));
}

#[test]
fn principal_refuses_a_hop_that_changes_the_principal_name() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| {
        c["obo_principal_name"] = json!("The CEO")
    });
    env.rejects(&bad, V, Some(1), "principal");
}

// ---- rule actor ----

#[test]
fn actor_refuses_act_that_does_not_nest_the_previous_actors() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| {
        c["act"]["act"]["sub"] = json!("mallory")
    });
    let msg = env.rejects(&bad, V, Some(1), "actor");
    assert!(msg.ends_with("\"act\" does not nest hop 0's actors exactly"));
}

#[test]
fn actor_refuses_act_that_drops_the_previous_actor() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| {
        c["act"].as_object_mut().unwrap().remove("act");
    });
    env.rejects(&bad, V, Some(1), "actor");
}

#[test]
fn actor_refuses_obo_kid_that_is_not_the_cnf_key_at_hop_n() {
    let env = Env::flow();
    let idp = env.kid("idp");
    let bad = env.mutate(&env.two_hops(), 1, |c| c["act"]["obo_kid"] = json!(idp));
    let msg = env.rejects(&bad, V, Some(1), "actor");
    assert!(msg.ends_with("act.obo_kid is not the thumbprint of the cnf key"));
}

#[test]
fn actor_refuses_obo_kid_that_is_not_the_cnf_key_at_hop_0() {
    let env = Env::flow();
    let other = env.kid("db-agent");
    let bad = env.mutate(&env.delegate(&[]), 0, |c| {
        c["act"]["obo_kid"] = json!(other)
    });
    env.rejects(&bad, V, Some(0), "actor");
}

#[test]
fn actor_refuses_iss_that_is_not_the_previous_holder() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["iss"] = json!("idp"));
    let msg = env.rejects(&bad, V, Some(1), "actor");
    assert!(msg.ends_with("\"iss\" is \"idp\", but hop 0 was held by \"agent-1\""));
}

#[test]
fn actor_refuses_hop_0_naming_more_than_one_actor() {
    let env = Env::flow();
    let kid = env.kid("db-agent");
    let bad = env.mutate(&env.delegate(&[]), 0, |c| {
        c["act"]["act"] = json!({ "sub": "ghost", "obo_kid": kid });
    });
    let msg = env.rejects(&bad, V, Some(0), "actor");
    assert!(msg.ends_with("hop 0 names more than one actor"));
}

// ---- rule scope-narrows ----

#[test]
fn scope_narrows_refuses_a_wider_scope() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| {
        c["scope"] = json!("budget:* reports:read")
    });
    let msg = env.rejects(&bad, V, Some(1), "scope-narrows");
    assert!(msg.ends_with("scope budget:* is not covered by hop 0's scopes"));
}

#[test]
fn scope_narrows_refuses_a_wildcards_base() {
    let env = Env::flow();
    let t0 = env.delegate(&["--scope", "budget:*"]);
    let t1 = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "budget:q3:*"]);
    env.accepts(&t1, V);
    let bad = env.mutate(&t1, 1, |c| c["scope"] = json!("budget"));
    env.rejects(&bad, V, Some(1), "scope-narrows");
}

// ---- rule audience-narrows ----

#[test]
fn audience_narrows_refuses_an_added_audience() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["aud"] = json!([AUD, "hr-api"]));
    let msg = env.rejects(&bad, V, Some(1), "audience-narrows");
    assert!(msg.ends_with("audience \"hr-api\" is not among hop 0's audiences"));
}

// ---- rule window-narrows ----

#[test]
fn window_narrows_refuses_a_later_expiry() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["exp"] = json!(int(c, "exp") + 60));
    let msg = env.rejects(&bad, V, Some(1), "window-narrows");
    assert!(msg.ends_with("validity window reaches outside hop 0's"));
}

#[test]
fn window_narrows_refuses_an_earlier_start() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["nbf"] = json!(int(c, "nbf") - 60));
    env.rejects(&bad, V, Some(1), "window-narrows");
}

// ---- rule depth ----

#[test]
fn depth_refuses_a_hop_that_keeps_the_depth() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["obo_depth"] = json!(3));
    let msg = env.rejects(&bad, V, Some(1), "depth");
    assert!(msg.contains("depth 3 does not follow hop 0's depth 3"));
}

#[test]
fn depth_refuses_a_hop_that_raises_the_depth() {
    let env = Env::flow();
    let bad = env.mutate(&env.two_hops(), 1, |c| c["obo_depth"] = json!(9));
    env.rejects(&bad, V, Some(1), "depth");
}

#[test]
fn depth_refuses_a_hop_after_depth_0() {
    let env = Env::flow();
    let t0 = env.delegate(&["--max-depth", "0"]);
    let mut c = next_claims(&t0, &env.secret("db-agent"), "db-agent");
    c["obo_depth"] = json!(0);
    let bad = append(&t0, &c, &env.secret("agent-1"));
    let msg = env.rejects(&bad, V, Some(1), "depth");
    assert!(msg.contains("depth 0 does not follow hop 0's depth 0"));
}

#[test]
fn a_negative_depth_is_refused_as_malformed() {
    let env = Env::flow();
    let t0 = env.delegate(&["--max-depth", "0"]);
    let c = next_claims(&t0, &env.secret("db-agent"), "db-agent");
    assert_eq!(c["obo_depth"], -1);
    let bad = append(&t0, &c, &env.secret("agent-1"));
    env.rejects(&bad, V, Some(1), "format");
}

#[test]
fn a_hand_made_hop_that_follows_every_rule_verifies() {
    // The control for the crafted-hop tests above: the crafting alone
    // does not make a token fail.
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let c = next_claims(&t0, &env.secret("db-agent"), "db-agent");
    let good = append(&t0, &c, &env.secret("agent-1"));
    let line = env.accepts(&good, V);
    assert!(
        line.starts_with("db-agent (OBO: Alice, via Agent 1) may"),
        "{line}"
    );
}

// ---- rule time ----

#[test]
fn time_refuses_an_expired_chain() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let exp = int(&claims(&t0, 0), "exp");
    let at = (exp + 60).to_string();
    let msg = env.rejects(&t0, &["--audience", AUD, "--at", &at], Some(0), "time");
    assert!(msg.ends_with(&format!("expired at {}", rfc3339(exp))));
}

#[test]
fn time_names_the_hop_that_expired_first() {
    let env = Env::flow();
    let t0 = env.delegate(&["--ttl", "1h"]);
    let t1 = env.attenuate(
        &t0,
        "agent-1",
        "db-agent",
        &["--scope", "reports:read", "--ttl", "15m"],
    );
    let at = (int(&claims(&t1, 1), "exp") + 60).to_string();
    env.rejects(&t1, &["--audience", AUD, "--at", &at], Some(1), "time");
}

#[test]
fn time_refuses_a_chain_not_yet_valid() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let nbf = int(&claims(&t0, 0), "nbf");
    let at = (nbf - 61).to_string();
    let msg = env.rejects(&t0, &["--audience", AUD, "--at", &at], Some(0), "time");
    assert!(msg.ends_with(&format!("not valid before {}", rfc3339(nbf))));
}

#[test]
fn time_honours_the_default_leeway_of_60s_on_both_sides() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let c = claims(&t0, 0);
    let (nbf, exp) = (int(&c, "nbf"), int(&c, "exp"));
    let at = |t: i64| {
        vec![
            "--audience".to_string(),
            AUD.into(),
            "--at".into(),
            t.to_string(),
        ]
    };
    let check = |t: i64, ok: bool| {
        let args = at(t);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if ok {
            env.accepts(&t0, &args);
        } else {
            env.rejects(&t0, &args, Some(0), "time");
        }
    };
    check(nbf - 60, true);
    check(nbf - 61, false);
    check(exp + 59, true);
    check(exp + 60, false);
}

#[test]
fn time_honours_a_given_leeway() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let c = claims(&t0, 0);
    let (nbf, exp) = (int(&c, "nbf"), int(&c, "exp"));
    let run = |t: i64, leeway: &str| {
        let t = t.to_string();
        env.run(&[
            "verify",
            &t0,
            "--audience",
            AUD,
            "--at",
            &t,
            "--leeway",
            leeway,
        ])
        .status
        .code()
    };
    assert_eq!(run(nbf, "0s"), Some(0));
    assert_eq!(run(nbf - 1, "0s"), Some(1));
    assert_eq!(run(exp - 1, "0s"), Some(0));
    assert_eq!(run(exp, "0s"), Some(1));
    assert_eq!(run(exp + 299, "5m"), Some(0));
    assert_eq!(run(exp + 300, "5m"), Some(1));
}

#[test]
fn time_at_takes_rfc3339_as_well_as_unix_seconds() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let exp = int(&claims(&t0, 0), "exp");
    env.rejects(
        &t0,
        &["--audience", AUD, "--at", &rfc3339(exp + 60)],
        Some(0),
        "time",
    );
    let line = env.accepts(&t0, &["--audience", AUD, "--at", &rfc3339(exp - 10)]);
    assert!(line.ends_with(&format!("until {}; possession not checked", rfc3339(exp))));
}

// ---- rule audience ----

#[test]
fn audience_refuses_a_service_the_last_hop_does_not_name() {
    let env = Env::flow();
    let t0 = env.delegate(&["--audience", "hr-api"]);
    let t1 = env.attenuate(
        &t0,
        "agent-1",
        "db-agent",
        &["--scope", "reports:read", "--audience", AUD],
    );
    env.accepts(&t0, &["--audience", "hr-api"]);
    let msg = env.rejects(&t1, &["--audience", "hr-api"], Some(1), "audience");
    assert!(msg.ends_with("the token is for \"budget-api\", not \"hr-api\""));
}

// ---- rule required-scope ----

#[test]
fn required_scope_refuses_a_scope_the_last_hop_does_not_cover() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let args = ["--audience", AUD, "--require", "budget:q3:write"];
    let msg = env.rejects(&t1, &args, Some(1), "required-scope");
    assert!(msg.ends_with("required scope budget:q3:write is not granted"));
}

#[test]
fn required_scope_is_covered_by_a_wildcard() {
    let env = Env::flow();
    let t0 = env.delegate(&["--scope", "budget:*"]);
    env.accepts(&t0, &["--audience", AUD, "--require", "budget:q3:write"]);
    env.rejects(
        &t0,
        &["--audience", AUD, "--require", "budget"],
        Some(0),
        "required-scope",
    );
}

// ---- rule proof ----

fn proof_claims(chain: &str, aud: &str, iat: i64, exp: i64) -> Value {
    json!({ "aud": aud, "iat": iat, "exp": exp, "jti": "crafted-proof", "ath": hash(chain) })
}

#[test]
fn proof_refuses_one_signed_by_another_key() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let now = common::now();
    let p = proof(
        &env.secret("agent-1"),
        &proof_claims(&t1, AUD, now, now + 60),
    );
    let msg = env.rejects(&t1, &["--audience", AUD, "--proof", &p], None, "proof");
    assert!(msg.ends_with(&format!(
        "proof: signed by key {}, not the last hop's key {}",
        env.kid("agent-1"),
        env.kid("db-agent")
    )));
}

#[test]
fn proof_refuses_one_signed_by_another_key_under_the_holders_kid() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let now = common::now();
    let header = json!({ "alg": "EdDSA", "typ": "obo-pop+jwt", "kid": env.kid("db-agent") });
    let p = sign(
        &header,
        &proof_claims(&t1, AUD, now, now + 60),
        &env.secret("agent-1"),
    );
    let msg = env.rejects(&t1, &["--audience", AUD, "--proof", &p], None, "proof");
    assert!(
        msg.ends_with("proof: the signature does not verify"),
        "{msg}"
    );
}

#[test]
fn proof_refuses_one_made_for_another_chain() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let a = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    let b = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    assert_ne!(a, b);
    let p = env.present(&a, "db-agent", AUD);
    env.accepts(&a, &["--audience", AUD, "--proof", &p]);
    let msg = env.rejects(&b, &["--audience", AUD, "--proof", &p], None, "proof");
    assert!(msg.ends_with("proof: bound to another chain (\"ath\" does not match this token)"));
}

#[test]
fn proof_refuses_one_made_for_another_audience() {
    let env = Env::flow();
    let t0 = env.delegate(&["--audience", "reports-api"]);
    let t1 = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    let p = env.present(&t1, "db-agent", "reports-api");
    env.accepts(&t1, &["--audience", "reports-api", "--proof", &p]);
    let msg = env.rejects(&t1, &["--audience", AUD, "--proof", &p], None, "proof");
    assert!(msg.ends_with("proof: made for audience \"reports-api\", not \"budget-api\""));
}

#[test]
fn proof_refuses_a_stale_proof_within_the_leeway_rule() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let p = env.present(&t1, "db-agent", AUD);
    let exp = int(&claims(&p, 0), "exp");
    let at = |t: i64| t.to_string();
    env.accepts(
        &t1,
        &["--audience", AUD, "--proof", &p, "--at", &at(exp + 59)],
    );
    let msg = env.rejects(
        &t1,
        &["--audience", AUD, "--proof", &p, "--at", &at(exp + 60)],
        None,
        "proof",
    );
    assert!(msg.contains("proof: stale: expired at"), "{msg}");
}

#[test]
fn proof_refuses_one_made_in_the_future() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let now = common::now();
    let key = env.secret("db-agent");
    let soon = proof(&key, &proof_claims(&t1, AUD, now + 30, now + 90));
    env.accepts(&t1, &["--audience", AUD, "--proof", &soon]);
    let later = proof(&key, &proof_claims(&t1, AUD, now + 200, now + 300));
    let msg = env.rejects(&t1, &["--audience", AUD, "--proof", &later], None, "proof");
    assert!(msg.contains("proof: made in the future"), "{msg}");
}

#[test]
fn proof_refuses_a_lifetime_over_300s() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let now = common::now();
    let key = env.secret("db-agent");
    let max = proof(&key, &proof_claims(&t1, AUD, now, now + 300));
    env.accepts(&t1, &["--audience", AUD, "--proof", &max]);
    for exp in [now + 301, now, now - 1] {
        let p = proof(&key, &proof_claims(&t1, AUD, now, exp));
        let msg = env.rejects(&t1, &["--audience", AUD, "--proof", &p], None, "proof");
        assert!(
            msg.ends_with("lifetime must be more than 0s and at most 300s"),
            "{msg}"
        );
    }
}

#[test]
fn proof_is_required_with_require_proof() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let msg = env.rejects(&t1, &["--audience", AUD, "--require-proof"], None, "proof");
    assert_eq!(
        msg,
        "token rejected: rule proof failed: no proof of possession was given and one is required; pass --proof from 'obo present'"
    );
    let p = env.present(&t1, "db-agent", AUD);
    env.accepts(&t1, &["--audience", AUD, "--require-proof", "--proof", &p]);
}

#[test]
fn proof_that_is_a_hop_is_refused() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let args = ["--audience", AUD, "--proof", hop_text(&t1, 1)];
    let msg = env.rejects(&t1, &args, None, "header");
    assert!(msg.ends_with("proof: header \"typ\" is \"obo+jwt\", expected \"obo-pop+jwt\""));
}

// ---- rule format ----

#[test]
fn format_refuses_text_that_is_not_a_jws() {
    let env = Env::flow();
    let msg = env.rejects("not-a-token", V, Some(0), "format");
    assert!(msg.ends_with("a compact JWS has 3 parts separated by '.', this has 1"));
}

#[test]
fn format_refuses_padded_base64() {
    use base64::engine::general_purpose::URL_SAFE;
    use base64::Engine;
    let env = Env::flow();
    let key = env.secret("idp");
    let c = claims(&env.delegate(&[]), 0);
    // Pad the task until the payload's base64 needs padding, then sign the
    // padded text itself, so only the canonical-encoding check can refuse it.
    let (payload, header) = (1..4)
        .map(|n| {
            let mut c = c.clone();
            c["obo_task"] = json!("x".repeat(n));
            URL_SAFE.encode(c.to_string())
        })
        .find(|p| p.ends_with('='))
        .map(|p| (p, b64(hop_header(&key).to_string())))
        .unwrap();
    let input = format!("{header}.{payload}");
    let signature = ed25519_dalek::Signer::sign(&key, input.as_bytes());
    let padded = format!("{input}.{}", b64(signature.to_bytes()));
    let msg = env.rejects(&padded, V, Some(0), "format");
    assert!(
        msg.contains("payload is not canonical unpadded base64url"),
        "{msg}"
    );
}

#[test]
fn format_refuses_duplicate_member_names() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let c = claims(&t0, 0).to_string();
    let doubled = format!("{{\"sub\":\"mallory\",{}", &c[1..]);
    let key = env.secret("idp");
    let hop = sign_raw(&hop_header(&key).to_string(), &doubled, &key);
    let msg = env.rejects(&hop, V, Some(0), "format");
    assert!(
        msg.contains("payload is not valid JSON: duplicate member name \"sub\""),
        "{msg}"
    );
}

#[test]
fn format_refuses_a_claim_of_the_wrong_type() {
    let env = Env::flow();
    let bad = env.mutate(&env.delegate(&[]), 0, |c| {
        c["exp"] = json!(c["exp"].to_string())
    });
    let msg = env.rejects(&bad, V, Some(0), "format");
    assert!(msg.ends_with("claim \"exp\" must be a number, not a string"));
    let bad = env.mutate(&env.delegate(&[]), 0, |c| c["iat"] = json!(1.5));
    env.rejects(&bad, V, Some(0), "format");
    let bad = env.mutate(&env.delegate(&[]), 0, |c| {
        c["scope"] = json!(["reports:read"])
    });
    env.rejects(&bad, V, Some(0), "format");
}

#[test]
fn format_refuses_a_window_that_ends_before_it_starts() {
    let env = Env::flow();
    let bad = env.mutate(&env.delegate(&[]), 0, |c| c["exp"] = c["nbf"].clone());
    let msg = env.rejects(&bad, V, Some(0), "format");
    assert!(msg.ends_with("claim \"nbf\" is not before \"exp\""));
}

#[test]
fn format_refuses_a_weak_cnf_key() {
    let env = Env::flow();
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let bad = env.mutate(&env.delegate(&[]), 0, |c| {
        c["cnf"]["jwk"]["x"] = json!(b64(identity))
    });
    let msg = env.rejects(&bad, V, Some(0), "format");
    assert!(msg.contains("weak"), "{msg}");
}

#[test]
fn format_names_the_hop_that_is_malformed() {
    let env = Env::flow();
    let t1 = env.two_hops();
    env.rejects(&format!("{t1}~"), V, Some(2), "format");
    let bad = env.mutate(&t1, 1, |c| c["act"]["role"] = json!("admin"));
    let msg = env.rejects(&bad, V, Some(1), "format");
    assert!(msg.ends_with("claim \"act\" has member \"role\", which obo does not define"));
}

#[test]
fn format_refuses_more_than_32_hops() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let many = vec![t0.as_str(); 33].join("~");
    let msg = env.rejects(&many, V, None, "format");
    assert!(msg.ends_with("the token has 33 hops; the limit is 32"));
}

#[test]
fn format_refuses_a_token_over_64_kib() {
    let env = Env::flow();
    let big = "a".repeat(64 * 1024 + 1);
    let file = env.write("big.token", &big);
    let msg = env.fails(&["verify", &file, "--audience", AUD], 1);
    assert!(
        msg.contains("the token is 65537 bytes; the limit is 65536"),
        "{msg}"
    );
}

// ---- rule algorithm ----

fn with_header(env: &Env, header: Value) -> String {
    let t0 = env.delegate(&[]);
    let mut hops = split(&t0);
    hops[0].header = header;
    // Sign directly: the header may lack the kid seal() looks keys up by.
    sign(&hops[0].header, &hops[0].claims, &env.secret("idp"))
}

#[test]
fn algorithm_refuses_anything_but_ed25519() {
    let env = Env::flow();
    let kid = env.kid("idp");
    for alg in [
        json!("HS256"),
        json!("none"),
        json!("ES256"),
        json!("eddsa"),
        json!(null),
    ] {
        let token = with_header(&env, json!({ "alg": alg, "typ": "obo+jwt", "kid": kid }));
        let msg = env.rejects(&token, V, Some(0), "algorithm");
        assert!(msg.contains("is refused; only \"EdDSA\""), "{msg}");
    }
    let token = with_header(&env, json!({ "typ": "obo+jwt", "kid": kid }));
    env.rejects(&token, V, Some(0), "algorithm");
}

#[test]
fn algorithm_accepts_the_fully_specified_name_ed25519() {
    let env = Env::flow();
    let kid = env.kid("idp");
    let token = with_header(
        &env,
        json!({ "alg": "Ed25519", "typ": "obo+jwt", "kid": kid }),
    );
    env.accepts(&token, V);
}

// ---- rule header ----

#[test]
fn header_refuses_members_that_would_choose_the_key() {
    let env = Env::flow();
    let kid = env.kid("idp");
    let jwk = common::public_jwk(&env.secret("idp"));
    for (name, value) in [
        ("jwk", jwk),
        ("jku", json!("https://example.com/keys")),
        ("x5u", json!("https://example.com/cert")),
        ("x5c", json!(["MII"])),
        ("crit", json!(["exp"])),
    ] {
        let mut header = json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": kid });
        header[name] = value;
        let msg = env.rejects(&with_header(&env, header), V, Some(0), "header");
        assert!(
            msg.contains(&format!("header member \"{name}\" is refused")),
            "{msg}"
        );
    }
}

#[test]
fn header_refuses_unknown_members_wrong_typ_and_bad_kid() {
    let env = Env::flow();
    let kid = env.kid("idp");
    for header in [
        json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": kid, "cty": "JWT" }),
        json!({ "alg": "EdDSA", "typ": "JWT", "kid": kid }),
        json!({ "alg": "EdDSA", "typ": "obo-pop+jwt", "kid": kid }),
        json!({ "alg": "EdDSA", "kid": kid }),
        json!({ "alg": "EdDSA", "typ": "obo+jwt" }),
        json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": "idp" }),
    ] {
        env.rejects(&with_header(&env, header), V, Some(0), "header");
    }
}

#[test]
fn header_rejection_names_hop_n() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let mut hops: Vec<Parts> = split(&t1);
    hops[1].header["jwk"] = common::public_jwk(&env.secret("db-agent"));
    let hop = sign(&hops[1].header, &hops[1].claims, &env.secret("agent-1"));
    env.rejects(&replace_hop(&t1, 1, &hop), V, Some(1), "header");
}

#[test]
fn thumbprint_helper_agrees_with_obo() {
    // The crafting above trusts this helper; pin it to obo's own kid.
    let env = Env::flow();
    assert_eq!(thumbprint(&env.secret("idp")), env.key_jwk("idp")["kid"]);
}

/// The binary also bounds input as it reads it, so the parser's own bound
/// is checked on the library: any caller of `Chain::parse` gets it.
#[test]
fn chain_parse_bounds_the_size_before_decoding() {
    let err = obo::token::Chain::parse(&"a".repeat(64 * 1024 + 1)).unwrap_err();
    assert_eq!(err.rule, obo::error::Rule::Format);
    assert_eq!(err.hop, None);
    assert_eq!(err.detail, "the token is 65537 bytes; the limit is 65536");
}

#[test]
fn time_refuses_a_hop_issued_in_the_future() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let nbf = int(&claims(&t0, 0), "nbf");
    let future = env.mutate(&t0, 0, |c| c["iat"] = json!(nbf + 600));
    let at = (nbf + 10).to_string();
    let msg = env.rejects(&future, &["--audience", AUD, "--at", &at], Some(0), "time");
    assert!(
        msg.ends_with(&format!("issued in the future, at {}", rfc3339(nbf + 600))),
        "{msg}"
    );
}

#[test]
fn a_leeway_longer_than_a_proof_lives_is_a_usage_error() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let msg = env.fails(&["verify", &t0, "--audience", AUD, "--leeway", "1h"], 2);
    assert!(
        msg.contains("leeway \"1h\" is longer than the 5m limit"),
        "{msg}"
    );
    env.accepts(&t0, &["--audience", AUD, "--leeway", "5m"]);
}

#[test]
fn format_refuses_a_cnf_that_carries_a_private_key() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let leaked = env.mutate(&t0, 0, |c| c["cnf"]["jwk"]["d"] = json!("AAAA"));
    let msg = env.rejects(&leaked, &["--audience", AUD], Some(0), "format");
    assert!(msg.contains("cnf.jwk carries a private key"), "{msg}");
}
