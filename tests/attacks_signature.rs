//! Attacks on signatures and keys: stripped, empty, truncated, overlong or
//! borrowed signatures, malleable ones (S >= L, small-order or
//! non-canonical R), and weak (small-order) keys wherever a key can enter:
//! `cnf` of any hop, `--agent` when delegating or attenuating, imported
//! keys, trust files and a tampered home.

mod hostile;

use curve25519_dalek::edwards::CompressedEdwardsY;
use curve25519_dalek::scalar::Scalar;
use hostile::*;
use serde_json::json;
use sha2::{Digest, Sha512};

/// The group order L of Ed25519, little-endian (RFC 8032 section 5.1).
const ORDER_L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// The canonical encodings of the eight points of small order on
/// edwards25519 (the torsion subgroup; listed, for example, in Chalkias,
/// Garillot and Nikolaenko, "Taming the many EdDSAs", 2020). The test
/// below checks each with curve25519-dalek rather than trusting the list.
const SMALL_ORDER: [&str; 8] = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
];

/// Non-canonical encodings of small-order points: y = p and y = p + 1
/// (that is y = 0 and y = 1 again), and x = 0 with the sign bit set.
const NON_CANONICAL: [&str; 4] = [
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
];

fn bytes32(hex_text: &str) -> [u8; 32] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

fn weak_cnf(hex_text: &str) -> serde_json::Value {
    json!({ "jwk": { "kty": "OKP", "crv": "Ed25519", "x": b64(bytes32(hex_text)) } })
}

fn weak_jwk_file(home: &Home, hex_text: &str) -> String {
    home.write(
        "weak.jwk",
        weak_cnf(hex_text)["jwk"].to_string().into_bytes(),
    )
}

/// Replaces a hop's signature with these bytes.
fn with_signature(compact: &str, signature: &[u8]) -> String {
    let p = parts(compact);
    format!("{}.{}.{}", p[0], p[1], b64(signature))
}

fn signature_of(compact: &str) -> Vec<u8> {
    unb64(&parts(compact)[2])
}

fn add_l(s: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in 0..32 {
        let sum = s[i] as u16 + ORDER_L[i] as u16 + carry;
        out[i] = sum as u8;
        carry = sum >> 8;
    }
    out
}

/// A signature (R, S) with R of small order that the lax RFC 8032 check
/// [S]B = R + [k]A accepts: with R the identity, S = k·a works for any
/// message. Only a verifier that refuses small-order R stops it.
fn small_order_r_signature(key: &Key, message: &[u8], r: [u8; 32]) -> [u8; 64] {
    let expanded = Sha512::digest(key.signing.to_bytes());
    let mut a_bytes: [u8; 32] = expanded[..32].try_into().unwrap();
    a_bytes[0] &= 248;
    a_bytes[31] &= 127;
    a_bytes[31] |= 64;
    let a = Scalar::from_bytes_mod_order(a_bytes);
    let mut h = Sha512::new();
    h.update(r);
    h.update(key.public());
    h.update(message);
    let k = Scalar::from_bytes_mod_order_wide(&h.finalize().into());
    let s = k * a;
    let mut signature = [0u8; 64];
    signature[..32].copy_from_slice(&r);
    signature[32..].copy_from_slice(s.as_bytes());
    signature
}

#[test]
fn the_small_order_list_is_right() {
    for hex_text in SMALL_ORDER {
        let point = CompressedEdwardsY(bytes32(hex_text))
            .decompress()
            .expect("a point");
        assert!(point.is_small_order(), "{hex_text}");
        assert_eq!(point.compress().to_bytes(), bytes32(hex_text));
    }
}

#[test]
fn a_stripped_signature_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2"]);
    let p = parts(&built.hops[0]);
    home.verify(&format!("{}.{}", p[0], p[1]), &[]).rejected(
        "hop 0 failed rule format: a compact JWS has 3 parts separated by '.', this has 2",
    );
    let p1 = parts(&built.hops[1]);
    let stripped = format!("{}~{}.{}", built.hops[0], p1[0], p1[1]);
    home.verify(&stripped, &[]).rejected(
        "hop 1 failed rule format: a compact JWS has 3 parts separated by '.', this has 2",
    );
}

#[test]
fn an_empty_truncated_or_overlong_signature_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2"]);
    let signature = signature_of(&built.hops[1]);
    let mut doubled = signature.clone();
    doubled.extend_from_slice(&signature);
    let cases: [(&[u8], usize); 6] = [
        (&[], 0),
        (&signature[..1], 1),
        (&signature[..32], 32),
        (&signature[..63], 63),
        (&[signature.as_slice(), &[0]].concat(), 65),
        (&doubled, 128),
    ];
    for (bytes, len) in cases {
        let token = format!(
            "{}~{}",
            built.hops[0],
            with_signature(&built.hops[1], bytes)
        );
        home.verify(&token, &[]).rejected(&format!(
            "hop 1 failed rule signature: an Ed25519 signature is 64 bytes, this is {len}"
        ));
    }
}

#[test]
fn a_signature_cut_by_one_character_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1"]);
    let token = &built.hops[0][..built.hops[0].len() - 1];
    home.verify(token, &[]).rejected(
        "hop 0 failed rule format: signature is not canonical unpadded base64url (Invalid input length: 85)",
    );
}

#[test]
fn a_signature_from_another_key_is_refused_at_every_hop() {
    let home = Home::new();
    let eve = home.key("eve");
    let idp = home.key("idp");
    let a1 = home.key("a1");
    let built = chain(&home, &["a1", "a2"]);

    // Hop 0: eve's signature over idp's header and claims.
    let p = parts(&built.hops[0]);
    let forged = eve.sign(format!("{}.{}", p[0], p[1]).as_bytes());
    let token = format!(
        "{}~{}",
        with_signature(&built.hops[0], &forged),
        built.hops[1]
    );
    home.verify(&token, &[]).rejected(&format!(
        "hop 0 failed rule signature: the signature does not verify with trusted issuer key {}",
        idp.kid()
    ));

    // Hop 1: eve signs with a1's kid in the header.
    let mut claims = built.claims[1].clone();
    claims["scope"] = json!("budget:q3:write");
    let forged = sign(&hop_header(&a1.kid()), &claims, &eve);
    home.verify(&format!("{}~{forged}", built.hops[0]), &[])
        .rejected(
            "hop 1 failed rule signature: the signature does not verify with the key hop 0 binds",
        );

    // A genuine signature by the right key, lifted from another hop.
    let other = chain(&home, &["a1", "a3"]);
    let lifted = with_signature(&built.hops[1], &signature_of(&other.hops[1]));
    home.verify(&format!("{}~{lifted}", built.hops[0]), &[])
        .rejected(
            "hop 1 failed rule signature: the signature does not verify with the key hop 0 binds",
        );
}

#[test]
fn a_malleated_s_at_or_above_the_group_order_is_refused() {
    let home = Home::new();
    let idp = home.key("idp");
    let built = chain(&home, &["a1"]);
    let signature = signature_of(&built.hops[0]);
    let high = add_l(&signature[32..]);
    let mut malleated = signature[..32].to_vec();
    malleated.extend_from_slice(&high);
    home.verify(&with_signature(&built.hops[0], &malleated), &[])
        .rejected(&format!(
            "hop 0 failed rule signature: the signature does not verify with trusted issuer key {}",
            idp.kid()
        ));
    // S = L exactly, and S with the top bits set.
    for s in [ORDER_L, [0xff; 32]] {
        let mut bad = signature[..32].to_vec();
        bad.extend_from_slice(&s);
        home.verify(&with_signature(&built.hops[0], &bad), &[])
            .rejected(&format!(
            "hop 0 failed rule signature: the signature does not verify with trusted issuer key {}",
            idp.kid()
        ));
    }
}

#[test]
fn a_small_order_or_non_canonical_r_is_refused() {
    let home = Home::new();
    let idp = home.key("idp");
    let built = chain(&home, &["a1"]);
    let p = parts(&built.hops[0]);
    let input = format!("{}.{}", p[0], p[1]);
    let mut rs: Vec<[u8; 32]> = SMALL_ORDER.iter().map(|h| bytes32(h)).collect();
    rs.extend(NON_CANONICAL.iter().map(|h| bytes32(h)));
    for r in rs {
        let signature = small_order_r_signature(&idp, input.as_bytes(), r);
        home.verify(&with_signature(&built.hops[0], &signature), &[])
            .rejected(&format!(
                "hop 0 failed rule signature: the signature does not verify with trusted issuer key {}",
                idp.kid()
            ));
    }
    // The identity R signature passes ed25519-dalek's lax check: so the
    // refusal above is obo's strict verification, not an accident.
    let identity = bytes32(SMALL_ORDER[0]);
    let signature = small_order_r_signature(&idp, input.as_bytes(), identity);
    let verifying = idp.signing.verifying_key();
    let signature = ed25519_dalek::Signature::from_bytes(&signature);
    assert!(ed25519_dalek::Verifier::verify(&verifying, input.as_bytes(), &signature).is_ok());
    assert!(verifying
        .verify_strict(input.as_bytes(), &signature)
        .is_err());
}

#[test]
fn a_proof_with_a_broken_or_borrowed_signature_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2"]);
    let a2 = home.key("a2");
    let proof = sign_proof(&proof_claims(&built.text(), AUD), &a2);
    home.verify(&built.text(), &["--proof", &proof]).ok();
    let p = parts(&proof);
    home.verify(&built.text(), &["--proof", &format!("{}.{}", p[0], p[1])])
        .rejected(
            "rule format failed: proof: a compact JWS has 3 parts separated by '.', this has 2",
        );
    home.verify(&built.text(), &["--proof", &format!("{}.{}.", p[0], p[1])])
        .rejected("rule signature failed: proof: an Ed25519 signature is 64 bytes, this is 0");
    let forged = home
        .key("eve")
        .sign(format!("{}.{}", p[0], p[1]).as_bytes());
    home.verify(
        &built.text(),
        &["--proof", &with_signature(&proof, &forged)],
    )
    .rejected("rule proof failed: proof: the signature does not verify");
    let high = add_l(&unb64(&p[2])[32..]);
    let malleated = [&unb64(&p[2])[..32], &high].concat();
    home.verify(
        &built.text(),
        &["--proof", &with_signature(&proof, &malleated)],
    )
    .rejected("rule proof failed: proof: the signature does not verify");
}

#[test]
fn a_weak_key_in_cnf_is_refused_at_every_hop() {
    let home = Home::new();
    let idp = home.key("idp");
    let a1 = home.key("a1");
    let a2 = home.key("a2");
    for hex_text in SMALL_ORDER {
        let mut claims = root_claims(&a1);
        claims["cnf"] = weak_cnf(hex_text);
        let token = sign(&hop_header(&idp.kid()), &claims, &idp);
        home.verify(&token, &[]).rejected(
            "hop 0 failed rule format: cnf.jwk: the public key is a weak (small-order) key",
        );

        let mut built = chain(&home, &["a1"]);
        built.extend(&a1, &a2, |c| c["cnf"] = weak_cnf(hex_text));
        home.verify(&built.text(), &[]).rejected(
            "hop 1 failed rule format: cnf.jwk: the public key is a weak (small-order) key",
        );
        home.inspect(&built.text()).fails(
            1,
            "hop 1 failed rule format: cnf.jwk: the public key is a weak (small-order) key",
        );
    }
}

#[test]
fn a_chain_forged_past_a_weak_cnf_key_is_refused() {
    // With cnf the identity point, (R = identity, S = 0) "verifies" any
    // message under the lax equation; the chain must die at the weak key.
    let home = Home::new();
    let idp = home.key("idp");
    let mut claims = root_claims(&home.key("a1"));
    claims["cnf"] = weak_cnf(SMALL_ORDER[0]);
    claims["act"]["obo_kid"] = json!(thumbprint_of_x(&b64(bytes32(SMALL_ORDER[0]))));
    let hop0 = sign(&hop_header(&idp.kid()), &claims, &idp);
    let mut next = claims.clone();
    next["obo_prev"] = json!(hash(&hop0));
    next["obo_depth"] = json!(2);
    let header = hop_header(&thumbprint_of_x(&b64(bytes32(SMALL_ORDER[0]))));
    let input = format!("{}.{}", b64(header.to_string()), b64(next.to_string()));
    let mut signature = [0u8; 64];
    signature[0] = 1;
    let token = format!("{hop0}~{input}.{}", b64(signature));
    home.verify(&token, &[])
        .rejected("hop 0 failed rule format: cnf.jwk: the public key is a weak (small-order) key");
}

#[test]
fn a_non_canonical_key_in_cnf_is_refused() {
    let home = Home::new();
    let idp = home.key("idp");
    for hex_text in NON_CANONICAL {
        let mut claims = root_claims(&home.key("a1"));
        claims["cnf"] = weak_cnf(hex_text);
        let token = sign(&hop_header(&idp.kid()), &claims, &idp);
        let out = home.verify(&token, &[]);
        out.fails_with(
            1,
            "hop 0 failed rule format: cnf.jwk: the public key is not ",
        );
        assert!(
            out.stderr.contains("not canonically encoded")
                || out.stderr.contains("not a point on Ed25519"),
            "{hex_text}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_weak_agent_key_is_refused_when_delegating_and_attenuating() {
    let home = Home::new();
    let token = home
        .run(&[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "alice",
            "--agent",
            "a1",
            "--scope",
            "budget:q3:write",
            "--audience",
            "api",
        ])
        .ok()
        .stdout
        .trim()
        .to_owned();
    for hex_text in SMALL_ORDER {
        let file = weak_jwk_file(&home, hex_text);
        let expected = format!(
            "{file} is not a usable Ed25519 JWK: the public key is a weak (small-order) key"
        );
        home.run(&[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "alice",
            "--agent",
            &file,
            "--scope",
            "budget:q3:write",
            "--audience",
            "api",
        ])
        .fails(2, &expected);
        home.run(&[
            "attenuate",
            &token,
            "--as",
            "a1",
            "--agent",
            &file,
            "--scope",
            "budget:q3:write",
        ])
        .fails(2, &expected);
    }
}

#[test]
fn a_weak_key_is_refused_by_import_trust_and_trust_files() {
    let home = Home::new();
    let built = chain(&home, &["a1"]);
    for hex_text in SMALL_ORDER {
        let file = weak_jwk_file(&home, hex_text);
        home.run(&["key", "import", &file, "--name", "weak"]).fails(
            2,
            &format!(
                "{file} is not a usable Ed25519 JWK: the public key is a weak (small-order) key"
            ),
        );
        home.run(&["trust", "add", &file]).fails(
            2,
            &format!("{file} is not a usable JWK or JWKS: key 0: the public key is a weak (small-order) key"),
        );
        home.verify(&built.text(), &["--trust", &file]).fails(
            2,
            &format!("--trust {file} is not a usable JWK or JWKS: key 0: the public key is a weak (small-order) key"),
        );
        let jwks = home.write(
            "weak.jwks",
            json!({ "keys": [home.key("idp").cnf()["jwk"], weak_cnf(hex_text)["jwk"]] })
                .to_string(),
        );
        home.verify(&built.text(), &["--trust", &jwks]).fails(
            2,
            &format!("--trust {jwks} is not a usable JWK or JWKS: key 1: the public key is a weak (small-order) key"),
        );
    }
    assert!(!home.file("keys/weak.jwk").exists());
}

#[test]
fn a_weak_key_planted_in_the_home_is_refused() {
    let home = Home::new();
    let weak_x = b64(bytes32(SMALL_ORDER[4]));

    // An agent's public key file swapped for a weak one.
    let path = home.file("keys/a2.jwk");
    let mut jwk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    jwk.as_object_mut().unwrap().remove("d");
    jwk["x"] = json!(weak_x);
    std::fs::write(&path, jwk.to_string()).unwrap();
    home.run(&[
        "delegate",
        "--issuer",
        "idp",
        "--principal",
        "alice",
        "--agent",
        "a2",
        "--scope",
        "budget:q3:write",
        "--audience",
        "api",
    ])
    .fails(
        2,
        &format!(
            "key file {} is not a valid Ed25519 JWK: the public key is a weak (small-order) key",
            path.display()
        ),
    );

    // A weak issuer key written into trust.json.
    let trust = home.file("trust.json");
    let mut list: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&trust).unwrap()).unwrap();
    list["issuers"][0]["jwk"]["x"] = json!(weak_x);
    list["issuers"][0]["jwk"]
        .as_object_mut()
        .unwrap()
        .remove("kid");
    std::fs::write(&trust, list.to_string()).unwrap();
    let built = chain(&home, &["a1"]);
    home.verify(&built.text(), &[]).fails(
        2,
        &format!(
            "{} is damaged (the public key is a weak (small-order) key); restore it from a backup or remove it",
            trust.display()
        ),
    );
}
