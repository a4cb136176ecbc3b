//! Attacks on the algorithm and on where the verifying key comes from: every
//! `alg` that is not EdDSA, and every header member that would let a token
//! pick its own key (`jwk`, `jku`, `x5u`, `x5c`, ...), a critical extension,
//! or a `kid` that is a path or names a key that is not trusted.

mod hostile;

use hostile::*;
use serde_json::{json, Value};

/// Hop 0 of a valid chain, re-signed by idp with this header.
fn with_header(home: &Home, header: Value) -> String {
    sign(&header, &root_claims(&home.key("a1")), &home.key("idp"))
}

#[test]
fn crafted_chains_verify_so_each_refusal_below_is_the_attack() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2", "a3"]);
    let out = home.verify(&built.text(), &[]);
    out.ok();
    assert!(out
        .stdout
        .starts_with("a3 (OBO: Alice, via a1, a2) may budget:q3:write reports:read at api"));
    let idp = home.key("idp");
    let mut header = hop_header(&idp.kid());
    header["alg"] = json!("Ed25519");
    home.verify(&with_header(&home, header), &[]).ok();
}

#[test]
fn alg_none_in_any_spelling_is_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    for alg in ["none", "None", "NONE", "nOnE", ""] {
        let mut header = hop_header(&kid);
        header["alg"] = json!(alg);
        let signed = with_header(&home, header.clone());
        home.verify(&signed, &[]).rejected(&format!(
            "hop 0 failed rule algorithm: algorithm \"{alg}\" is refused; only \"EdDSA\" (Ed25519) is accepted"
        ));
        // The classic form: no signature at all after the last dot.
        let p = parts(&signed);
        let unsigned = format!("{}.{}.", p[0], p[1]);
        home.verify(&unsigned, &[]).rejected(&format!(
            "hop 0 failed rule algorithm: algorithm \"{alg}\" is refused; only \"EdDSA\" (Ed25519) is accepted"
        ));
    }
}

#[test]
fn hmac_rsa_ecdsa_and_other_algorithms_are_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    let algs = [
        "HS256",
        "HS384",
        "HS512",
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "ES256K",
        "Ed448",
        "EdDSA25519",
        "ML-DSA-44",
        "dir",
        "A128KW",
    ];
    for alg in algs {
        let mut header = hop_header(&kid);
        header["alg"] = json!(alg);
        home.verify(&with_header(&home, header), &[]).rejected(&format!(
            "hop 0 failed rule algorithm: algorithm \"{alg}\" is refused; only \"EdDSA\" (Ed25519) is accepted"
        ));
    }
}

#[test]
fn hmac_signed_with_the_public_key_as_secret_is_refused() {
    // The key-confusion attack: HS256 keyed with the issuer's public JWK
    // text. obo never reaches a MAC: the algorithm itself is refused.
    let home = Home::new();
    let idp = home.key("idp");
    let mut header = hop_header(&idp.kid());
    header["alg"] = json!("HS256");
    let input = format!(
        "{}.{}",
        b64(header.to_string()),
        b64(root_claims(&home.key("a1")).to_string())
    );
    let fake_mac = hash(&format!("{}{input}", idp.x()));
    home.verify(&format!("{input}.{fake_mac}"), &[]).rejected(
        "hop 0 failed rule algorithm: algorithm \"HS256\" is refused; only \"EdDSA\" (Ed25519) is accepted",
    );
}

#[test]
fn eddsa_spelled_differently_is_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    for alg in [
        "eddsa",
        "EDDSA",
        "EdDSA ",
        " EdDSA",
        "Eddsa",
        "ed25519",
        "ED25519",
        "EdDSA\u{0}",
    ] {
        let mut header = hop_header(&kid);
        header["alg"] = json!(alg);
        let shown = serde_json::to_string(alg).unwrap();
        home.verify(&with_header(&home, header), &[]).rejected(&format!(
            "hop 0 failed rule algorithm: algorithm {} is refused; only \"EdDSA\" (Ed25519) is accepted",
            shown
        ));
    }
}

#[test]
fn alg_missing_or_not_a_string_is_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    let mut header = hop_header(&kid);
    header.as_object_mut().unwrap().remove("alg");
    home.verify(&with_header(&home, header), &[])
        .rejected("hop 0 failed rule algorithm: header has no \"alg\"");
    for (alg, shown) in [
        (json!(null), "null"),
        (json!(["EdDSA"]), "[\"EdDSA\"]"),
        (json!({"name": "EdDSA"}), "{\"name\":\"EdDSA\"}"),
        (json!(1), "1"),
        (json!(true), "true"),
    ] {
        let mut header = hop_header(&kid);
        header["alg"] = alg;
        home.verify(&with_header(&home, header), &[]).rejected(&format!(
            "hop 0 failed rule algorithm: algorithm {shown} is refused; only \"EdDSA\" (Ed25519) is accepted"
        ));
    }
}

#[test]
fn a_proof_with_another_algorithm_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1"]);
    let a1 = home.key("a1");
    for alg in ["none", "HS256", "eddsa"] {
        let mut header = proof_header(&a1.kid());
        header["alg"] = json!(alg);
        let proof = sign(&header, &proof_claims(&built.text(), AUD), &a1);
        home.verify(&built.text(), &["--proof", &proof]).rejected(&format!(
            "rule algorithm failed: proof: algorithm \"{alg}\" is refused; only \"EdDSA\" (Ed25519) is accepted"
        ));
    }
}

#[test]
fn header_members_that_carry_or_locate_a_key_are_refused() {
    let home = Home::new();
    let eve = home.key("eve");
    let kid = home.key("idp").kid();
    let members = [
        ("jwk", eve.cnf()["jwk"].clone()),
        ("jku", json!("https://attacker.example/jwks.json")),
        ("x5u", json!("https://attacker.example/cert.pem")),
        ("x5c", json!(["MIIBszCCAVmgAwIBAgIUY"])),
        ("x5t", json!("dGh1bWJwcmludA")),
        ("x5t#S256", json!("dGh1bWJwcmludA")),
        ("crit", json!(["exp"])),
    ];
    for (name, value) in members {
        let mut header = hop_header(&kid);
        header[name] = value;
        // Signed by eve, as an attacker would, with her key in the header.
        let token = sign(&header, &root_claims(&home.key("a1")), &eve);
        home.verify(&token, &[]).rejected(&format!(
            "hop 0 failed rule header: header member \"{name}\" is refused: obo never takes a key or critical extension from the token"
        ));
    }
}

#[test]
fn unknown_header_members_and_critical_extensions_are_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    for (name, value) in [
        ("b64", json!(false)),
        ("zip", json!("DEF")),
        ("cty", json!("JWT")),
        ("enc", json!("A256GCM")),
        ("url", json!("https://attacker.example")),
        ("nonce", json!("n")),
        ("ALG", json!("none")),
    ] {
        let mut header = hop_header(&kid);
        header[name] = value;
        home.verify(&with_header(&home, header), &[])
            .rejected(&format!(
                "hop 0 failed rule header: header member \"{name}\" is not one obo defines"
            ));
    }
}

#[test]
fn a_wrong_or_missing_typ_is_refused() {
    let home = Home::new();
    let kid = home.key("idp").kid();
    // "OBO+JWT" and "application/obo+jwt" name the same media type as
    // "obo+jwt" (RFC 7515 section 4.1.9) and are accepted; see token.rs.
    for typ in ["obo-pop+jwt", "application/obo-pop+jwt"] {
        let mut header = hop_header(&kid);
        header["typ"] = json!(typ);
        home.verify(&with_header(&home, header), &[]).rejected(
            "hop 0 failed rule header: this is a proof of possession, not a token; give the token here and the proof to --proof",
        );
    }
    for typ in ["JWT", "at+jwt", "obo+jwt+x"] {
        let mut header = hop_header(&kid);
        header["typ"] = json!(typ);
        home.verify(&with_header(&home, header), &[])
            .rejected(&format!(
                "hop 0 failed rule header: header \"typ\" is \"{typ}\", expected \"obo+jwt\""
            ));
    }
    let mut header = hop_header(&kid);
    header.as_object_mut().unwrap().remove("typ");
    home.verify(&with_header(&home, header), &[])
        .rejected("hop 0 failed rule header: header has no \"typ\"; expected \"obo+jwt\"");
}

#[test]
fn a_kid_that_is_a_path_or_name_or_has_control_characters_is_refused() {
    let home = Home::new();
    let idp_file = home.file("keys/idp.jwk").to_string_lossy().into_owned();
    let kids = [
        "idp",
        "idp.jwk",
        "keys/idp.jwk",
        "../keys/idp",
        "..",
        "../../../../etc/passwd",
        "/etc/passwd",
        idp_file.as_str(),
        "C:\\keys\\idp",
        "file:///etc/passwd",
        "https://attacker.example/key",
        "idp\u{0}",
        "\u{1b}[2J",
        "a\nb",
        "",
    ];
    for kid in kids {
        let header = hop_header(kid);
        home.verify(&with_header(&home, header), &[])
            .rejected("hop 0 failed rule header: header \"kid\" is not an RFC 7638 thumbprint");
    }
    let mut header = hop_header("x");
    header["kid"] = json!(42);
    home.verify(&with_header(&home, header), &[])
        .rejected("hop 0 failed rule header: header \"kid\" is not an RFC 7638 thumbprint");
    let mut header = hop_header("x");
    header.as_object_mut().unwrap().remove("kid");
    home.verify(&with_header(&home, header), &[])
        .rejected("hop 0 failed rule header: header has no \"kid\"");
}

#[test]
fn a_kid_with_the_right_length_but_wrong_shape_is_refused() {
    let home = Home::new();
    let real = home.key("idp").kid();
    let padded = format!("{}=", &real[..42]);
    let slashed = format!("{}/", &real[..42]);
    let dotted = format!("{}..", &real[..41]);
    let plus = format!("{}+", &real[..42]);
    for kid in [padded, slashed, dotted, plus, real.to_uppercase()] {
        if kid == real {
            continue;
        }
        let out = home.verify(&with_header(&home, hop_header(&kid)), &[]);
        assert_eq!(out.code, 1, "{kid}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("rule header: header \"kid\" is not an RFC 7638 thumbprint")
                || out.stderr.contains("rule trusted-issuer"),
            "{kid}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_kid_naming_a_key_that_is_not_trusted_is_refused() {
    let home = Home::new();
    let eve = home.key("eve");
    let token = sign(&hop_header(&eve.kid()), &root_claims(&home.key("a1")), &eve);
    home.verify(&token, &[]).rejected(&format!(
        "hop 0 failed rule trusted-issuer: signed by key {}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE",
        eve.kid()
    ));
    // The agent's own key is in the keystore but is not a trusted issuer.
    let a1 = home.key("a1");
    let token = sign(&hop_header(&a1.kid()), &root_claims(&a1), &a1);
    home.verify(&token, &[]).rejected(&format!(
        "hop 0 failed rule trusted-issuer: signed by key {}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE",
        a1.kid()
    ));
}

#[test]
fn a_trusted_kid_over_another_keys_signature_is_refused() {
    let home = Home::new();
    let idp = home.key("idp");
    let token = sign(
        &hop_header(&idp.kid()),
        &root_claims(&home.key("a1")),
        &home.key("eve"),
    );
    home.verify(&token, &[]).rejected(&format!(
        "hop 0 failed rule signature: the signature does not verify with trusted issuer key {}",
        idp.kid()
    ));
}
