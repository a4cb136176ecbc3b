//! Attacks on the encoding and the JSON inside it: padding, whitespace,
//! foreign characters, trailing garbage, non-zero unused bits, bytes that
//! are not UTF-8, NUL bytes; duplicate members at any depth, claims of the
//! wrong type, absurd numbers, unknown content in `act` and `cnf`, deep
//! nesting and huge strings.

mod hostile;

use hostile::*;
use serde_json::{json, Value};

const B64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Hop 0 for a1, signed by idp, made of exactly these header and payload bytes.
fn raw_hop(home: &Home, header: &str, payload: &str) -> String {
    sign_raw(header.as_bytes(), payload.as_bytes(), &home.key("idp"))
}

fn header_text(home: &Home) -> String {
    hop_header(&home.key("idp").kid()).to_string()
}

/// Hop 0 with the claims changed by `edit`, re-signed so only the edit is wrong.
fn edited(home: &Home, edit: impl FnOnce(&mut Value)) -> String {
    let mut claims = root_claims(&home.key("a1"));
    edit(&mut claims);
    sign(
        &hop_header(&home.key("idp").kid()),
        &claims,
        &home.key("idp"),
    )
}

/// Replaces the `part`th dot-separated part of a compact JWS.
fn replace_part(compact: &str, part: usize, text: &str) -> String {
    let mut p = parts(compact);
    p[part] = text.to_owned();
    p.join(".")
}

/// The same bytes under a different last character: one whose unused low
/// bits are not zero. Lax decoders read it as the original.
fn unused_bits_set(segment: &str) -> String {
    let unused = match segment.len() % 4 {
        2 => 4,
        3 => 2,
        _ => panic!("segment {segment} has no unused bits"),
    };
    let last = segment.chars().last().unwrap();
    let value = B64URL.find(last).unwrap();
    assert_eq!(value % (1 << unused), 0, "obo wrote zero unused bits");
    let changed = B64URL.as_bytes()[value | 1] as char;
    format!("{}{changed}", &segment[..segment.len() - 1])
}

#[test]
fn padding_is_refused_in_every_part() {
    let home = Home::new();
    let hop = chain(&home, &["a1"]).hops[0].clone();
    let names = ["header", "payload", "signature"];
    for (i, name) in names.iter().enumerate() {
        for pad in ["=", "==", "==="] {
            let part = format!("{}{pad}", parts(&hop)[i]);
            let out = home.verify(&replace_part(&hop, i, &part), &[]);
            out.fails_with(
                1,
                &format!("hop 0 failed rule format: {name} is not canonical unpadded base64url ("),
            );
        }
    }
    // A payload whose length needs padding, given with it.
    let payload = format!("{} ", root_claims(&home.key("a1")));
    let payload = if payload.len() % 3 == 0 {
        payload + " "
    } else {
        payload
    };
    let signed = raw_hop(&home, &header_text(&home), &payload);
    home.verify(&signed, &[]).ok();
    let padded = format!(
        "{}{}",
        parts(&signed)[1],
        "=".repeat(4 - parts(&signed)[1].len() % 4)
    );
    home.verify(&replace_part(&signed, 1, &padded), &[])
        .rejected(
        "hop 0 failed rule format: payload is not canonical unpadded base64url (Invalid padding)",
    );
}

#[test]
fn whitespace_inside_a_token_is_refused() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2"]);
    let text = built.text();
    let cut = built.hops[0].len() / 2;
    for space in [" ", "\t", "\n", "\r\n", "\u{a0}", "\u{2028}", "\u{feff}"] {
        let inside = format!("{}{space}{}", &text[..cut], &text[cut..]);
        home.verify(&inside, &[]).fails_with(
            1,
            "hop 0 failed rule format: payload is not canonical unpadded base64url (Invalid symbol",
        );
        let around_tilde = text.replacen('~', &format!("{space}~{space}"), 1);
        let out = home.verify(&around_tilde, &[]);
        out.fails_with(1, "is not canonical unpadded base64url (Invalid symbol");
        let around_dot = text.replacen('.', &format!("{space}."), 1);
        home.verify(&around_dot, &[]).fails_with(
            1,
            "hop 0 failed rule format: header is not canonical unpadded base64url (Invalid symbol",
        );
    }
}

#[test]
fn characters_outside_base64url_are_refused() {
    let home = Home::new();
    let hop = chain(&home, &["a1"]).hops[0].clone();
    for bad in ['+', '/', '=', '*', '%', '$', 'é', '\u{0}', '\u{1b}', 'Ａ'] {
        for (i, name) in ["header", "payload", "signature"].iter().enumerate() {
            let mut part: Vec<char> = parts(&hop)[i].chars().collect();
            part[2] = bad;
            let part: String = part.into_iter().collect();
            let token_file = home.write("token.txt", replace_part(&hop, i, &part));
            home.verify(&token_file, &[]).fails_with(
                1,
                &format!("hop 0 failed rule format: {name} is not canonical unpadded base64url (Invalid symbol"),
            );
        }
    }
}

#[test]
fn trailing_garbage_is_refused() {
    let home = Home::new();
    let text = chain(&home, &["a1", "a2"]).text();
    let cases = [
        ("~", "hop 2 failed rule format: a compact JWS has 3 parts separated by '.', this has 1"),
        ("~~", "hop 2 failed rule format: a compact JWS has 3 parts separated by '.', this has 1"),
        (".", "hop 1 failed rule format: a compact JWS has 3 parts separated by '.', this has 4"),
        (".AA", "hop 1 failed rule format: a compact JWS has 3 parts separated by '.', this has 4"),
        ("~junk", "hop 2 failed rule format: a compact JWS has 3 parts separated by '.', this has 1"),
        ("~a.b.c", "hop 2 failed rule format: header is not canonical unpadded base64url (Invalid input length: 1)"),
    ];
    for (garbage, expected) in cases {
        home.verify(&format!("{text}{garbage}"), &[])
            .rejected(expected);
    }
    for garbage in ["!", "A", "AA", "x y", "\u{0}"] {
        let file = home.write("token.txt", format!("{text}{garbage}"));
        let out = home.verify(&file, &[]);
        out.fails_with(1, "hop 1 failed rule ");
    }
    // Leading garbage too: an empty hop, a stray dot.
    home.verify(&format!("~{text}"), &[]).rejected(
        "hop 0 failed rule format: a compact JWS has 3 parts separated by '.', this has 1",
    );
    home.verify(&format!(".{text}"), &[]).rejected(
        "hop 0 failed rule format: a compact JWS has 3 parts separated by '.', this has 4",
    );
}

#[test]
fn non_zero_unused_bits_are_refused_in_every_part() {
    let home = Home::new();
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    // Pad with JSON whitespace until each segment has unused bits.
    let header = match header.len() % 3 {
        0 => format!("{header} "),
        _ => header,
    };
    let payload = match payload.len() % 3 {
        0 => format!("{payload} "),
        _ => payload,
    };
    let hop = raw_hop(&home, &header, &payload);
    home.verify(&hop, &[]).ok();
    for (i, name) in ["header", "payload", "signature"].iter().enumerate() {
        let changed = unused_bits_set(&parts(&hop)[i]);
        let out = home.verify(&replace_part(&hop, i, &changed), &[]);
        out.fails_with(
            1,
            &format!("hop 0 failed rule format: {name} is not canonical unpadded base64url (Invalid last symbol"),
        );
    }
}

#[test]
fn no_other_last_character_of_a_signature_still_verifies() {
    let home = Home::new();
    let text = chain(&home, &["a1"]).text();
    let original = text.chars().last().unwrap();
    for c in B64URL.chars().filter(|&c| c != original) {
        let token = format!("{}{c}", &text[..text.len() - 1]);
        let out = home.verify(&token, &[]);
        assert_eq!(out.code, 1, "last character {c}: {}", out.stderr);
        assert!(
            out.stderr.contains("(Invalid last symbol")
                || out.stderr.contains("the signature does not verify"),
            "last character {c}: {}",
            out.stderr
        );
    }
}

#[test]
fn no_other_last_character_of_a_header_or_payload_still_verifies() {
    let home = Home::new();
    let text = chain(&home, &["a1"]).text();
    for i in 0..2 {
        let part = &parts(&text)[i];
        let original = part.chars().last().unwrap();
        for c in B64URL.chars().filter(|&c| c != original) {
            let changed = format!("{}{c}", &part[..part.len() - 1]);
            let out = home.verify(&replace_part(&text, i, &changed), &[]);
            assert_eq!(out.code, 1, "part {i}, last character {c}: {}", out.stderr);
        }
    }
}

#[test]
fn a_token_that_is_not_utf8_is_refused() {
    let home = Home::new();
    let text = chain(&home, &["a1"]).text();
    let mut bytes = text.clone().into_bytes();
    bytes.insert(10, 0xff);
    std::fs::write(home.file("token.bin"), &bytes).unwrap();
    let expected =
        "the token is not UTF-8 text; pass the token itself, a file holding it, or - for stdin";
    home.run(&["verify", "token.bin", "--audience", AUD])
        .fails(2, expected);
    home.run(&["inspect", "token.bin"]).fails(2, expected);
    let out = Outcome::from(
        home.obo()
            .args(["verify", "-", "--audience", AUD])
            .write_stdin(bytes)
            .output()
            .unwrap(),
    );
    out.fails(2, expected);
    let bad_proof = home.write("proof.bin", [0x80u8, 0x41]);
    home.verify(&text, &["--proof", &bad_proof]).fails(
        2,
        "the proof is not UTF-8 text; pass the proof itself, a file holding it, or - for stdin",
    );
}

#[cfg(unix)]
#[test]
fn a_token_argument_that_is_not_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let home = Home::new();
    let out = Outcome::from(
        home.obo()
            .arg("inspect")
            .arg(std::ffi::OsStr::from_bytes(b"eyJ\xff"))
            .output()
            .unwrap(),
    );
    out.fails(
        2,
        "invalid UTF-8 was detected in one or more arguments; run 'obo inspect --help' for usage",
    );
}

#[test]
fn json_that_is_not_utf8_is_refused() {
    let home = Home::new();
    let idp = home.key("idp");
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    let bad_strings: [&[u8]; 4] = [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"];
    for bad in bad_strings {
        let mut p = payload.clone().into_bytes();
        let at = payload.find("Alice").unwrap();
        p.splice(at..at, bad.iter().copied());
        let token = sign_raw(header.as_bytes(), &p, &idp);
        home.verify(&token, &[])
            .rejected("hop 0 failed rule format: payload is not UTF-8");
        let mut h = header.clone().into_bytes();
        h.splice(2..2, bad.iter().copied());
        let token = sign_raw(&h, payload.as_bytes(), &idp);
        home.verify(&token, &[])
            .rejected("hop 0 failed rule format: header is not UTF-8");
    }
    // A lone surrogate written as a JSON escape.
    let token = raw_hop(&home, &header, &payload.replace("Alice", "Al\\ud800ice"));
    home.verify(&token, &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: unexpected end of hex escape",
    );
}

#[test]
fn nul_bytes_are_refused_where_they_could_cut_text() {
    let home = Home::new();
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    // A raw NUL inside a JSON string, and after the JSON object.
    let token = raw_hop(&home, &header, &payload.replace("Alice", "Al\u{0}ice"));
    home.verify(&token, &[])
        .fails_with(1, "hop 0 failed rule format: payload is not valid JSON: control character (\\u0000-\\u001F) found while parsing a string");
    let token = raw_hop(&home, &header, &format!("{payload}\u{0}"));
    home.verify(&token, &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: trailing characters",
    );
    // An escaped NUL in any identifier.
    for claim in ["iss", "sub", "jti"] {
        let token = edited(&home, |c| c[claim] = json!("alice\u{0}admin"));
        home.verify(&token, &[]).rejected(&format!(
            "hop 0 failed rule format: claim \"{claim}\" must not contain control characters"
        ));
    }
    let token = edited(&home, |c| c["aud"] = json!(["api\u{0}evil"]));
    home.verify(&token, &[]).rejected(
        "hop 0 failed rule format: claim \"aud\" audience \"api\\0evil\" must not contain control characters",
    );
    let token = edited(&home, |c| c["act"]["sub"] = json!("a1\u{0}"));
    home.verify(&token, &[]).rejected(
        "hop 0 failed rule format: claim \"act.sub\" must not contain control characters",
    );
    // A NUL in the token text itself.
    let text = chain(&home, &["a1"]).text();
    let file = home.write("token.txt", format!("{}\u{0}{}", &text[..5], &text[5..]));
    home.verify(&file, &[]).rejected(
        "hop 0 failed rule format: header is not canonical unpadded base64url (Invalid symbol 0, offset 5.)",
    );
}

#[test]
fn duplicate_member_names_are_refused_at_every_depth() {
    let home = Home::new();
    let header = header_text(&home);
    let a1 = home.key("a1");
    let payload = root_claims(&a1).to_string();
    let cases = [
        (
            "exp",
            payload.replacen("\"exp\":", "\"exp\":9999999999,\"exp\":", 1),
        ),
        (
            "sub",
            payload.replacen("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"root\"", 1),
        ),
        (
            "scope",
            payload.replacen("\"scope\":", "\"scope\":\"*\",\"scope\":", 1),
        ),
        (
            "aud",
            payload.replacen("\"aud\":", "\"aud\":\"evil\",\"aud\":", 1),
        ),
        (
            "act",
            payload.replacen("\"act\":", "\"act\":{},\"act\":", 1),
        ),
        (
            "obo_kid",
            payload.replacen("\"obo_kid\":", "\"obo_kid\":\"x\",\"obo_kid\":", 1),
        ),
        (
            "jwk",
            payload.replacen("\"cnf\":{", "\"cnf\":{\"jwk\":{},", 1),
        ),
        ("x", payload.replacen("\"x\":", "\"x\":\"AA\",\"x\":", 1)),
        (
            "exp",
            payload.replacen("\"exp\":", "\"\\u0065xp\":1,\"exp\":", 1),
        ),
    ];
    for (name, payload) in cases {
        let token = raw_hop(&home, &header, &payload);
        home.verify(&token, &[]).fails_with(
            1,
            &format!("hop 0 failed rule format: payload is not valid JSON: duplicate member name \"{name}\""),
        );
    }
    for (name, dup) in [
        ("alg", "\"alg\":\"none\""),
        ("kid", "\"kid\":\"x\""),
        ("typ", "\"typ\":\"JWT\""),
    ] {
        let h = header.replacen('{', &format!("{{{dup},"), 1);
        let token = raw_hop(&home, &h, &payload);
        home.verify(&token, &[]).fails_with(
            1,
            &format!("hop 0 failed rule format: header is not valid JSON: duplicate member name \"{name}\""),
        );
    }
    // In an earlier actor nested inside hop 1's act.
    let mut built = chain(&home, &["a1"]);
    let a2 = home.key("a2");
    let next = next_claims(&built.hops[0], &built.claims[0], &a2).to_string();
    let inner = format!(
        "\"act\":{{\"sub\":\"a1\",\"sub\":\"idp\",\"obo_kid\":\"{}\"}}",
        a1.kid()
    );
    let next = next.replacen(
        &format!("\"act\":{}", json!({"obo_kid": a1.kid(), "sub": "a1"})),
        &inner,
        1,
    );
    assert!(next.contains("\"sub\":\"idp\""), "{next}");
    built.hops.push(sign_raw(
        hop_header(&a1.kid()).to_string().as_bytes(),
        next.as_bytes(),
        &a1,
    ));
    home.verify(&built.text(), &[]).fails_with(
        1,
        "hop 1 failed rule format: payload is not valid JSON: duplicate member name \"sub\"",
    );
    // And in a proof.
    let proof = proof_claims(&built.hops[0], AUD).to_string();
    let proof = proof.replacen("\"aud\":", "\"aud\":\"other\",\"aud\":", 1);
    let proof = sign_raw(
        proof_header(&a1.kid()).to_string().as_bytes(),
        proof.as_bytes(),
        &a1,
    );
    home.verify(&built.hops[0], &["--proof", &proof])
        .fails_with(
            1,
            "rule format failed: proof: payload is not valid JSON: duplicate member name \"aud\"",
        );
}

#[test]
fn claims_of_the_wrong_type_are_refused() {
    let home = Home::new();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "exp",
            json!("1800003600"),
            "claim \"exp\" must be a number, not a string",
        ),
        (
            "iat",
            json!(true),
            "claim \"iat\" must be a number, not a boolean",
        ),
        (
            "nbf",
            json!(null),
            "claim \"nbf\" must be a number, not null",
        ),
        (
            "exp",
            json!([1800003600]),
            "claim \"exp\" must be a number, not an array",
        ),
        (
            "iss",
            json!(7),
            "claim \"iss\" must be a string, not a number",
        ),
        (
            "sub",
            json!({"id": "alice"}),
            "claim \"sub\" must be a string, not an object",
        ),
        (
            "jti",
            json!(null),
            "claim \"jti\" must be a string, not null",
        ),
        (
            "scope",
            json!(["budget:q3:write"]),
            "claim \"scope\" is missing or not a string",
        ),
        (
            "aud",
            json!(5),
            "claim \"aud\" must be a string or array, not a number",
        ),
        (
            "aud",
            json!(["api", 5]),
            "claim \"aud\" must hold only strings",
        ),
        (
            "aud",
            json!([]),
            "claim \"aud\" must name 1 to 16 audiences",
        ),
        ("act", json!("a1"), "claim \"act\" is not an object"),
        (
            "cnf",
            json!("key"),
            "claim \"cnf\" is missing or not an object",
        ),
        (
            "cnf",
            json!({"jwk": "key"}),
            "claim \"cnf\" has no object member \"jwk\"",
        ),
        (
            "obo_depth",
            json!("3"),
            "claim \"obo_depth\" must be a number, not a string",
        ),
        (
            "obo_task",
            json!(["x"]),
            "claim \"obo_task\" must be a string, not an array",
        ),
        (
            "obo_principal_name",
            json!(1),
            "claim \"obo_principal_name\" must be a string, not a number",
        ),
        (
            "obo_prev",
            json!(1),
            "claim \"obo_prev\" must be a string, not a number",
        ),
        (
            "obo_prev",
            json!("not-a-hash"),
            "claim \"obo_prev\" is not a base64url SHA-256 value",
        ),
    ];
    for (claim, value, expected) in cases {
        let token = edited(&home, |c| c[claim] = value);
        home.verify(&token, &[])
            .rejected(&format!("hop 0 failed rule format: {expected}"));
    }
    for claim in [
        "iss",
        "sub",
        "act",
        "cnf",
        "scope",
        "aud",
        "iat",
        "nbf",
        "exp",
        "jti",
        "obo_depth",
    ] {
        let token = edited(&home, |c| {
            c.as_object_mut().unwrap().remove(claim);
        });
        let out = home.verify(&token, &[]);
        out.fails_with(1, &format!("hop 0 failed rule format: claim \"{claim}\" "));
        assert!(out.stderr.contains("missing"), "{}", out.stderr);
    }
    let nested: Vec<(&str, Value, &str)> = vec![
        (
            "sub",
            json!(1),
            "claim \"act.sub\" must be a string, not a number",
        ),
        (
            "name",
            json!(1),
            "claim \"name\" must be a string, not a number",
        ),
        (
            "obo_kid",
            json!(null),
            "claim \"obo_kid\" must be a string, not null",
        ),
        ("act", json!([]), "claim \"act\" is not an object"),
    ];
    for (member, value, expected) in nested {
        let token = edited(&home, |c| c["act"][member] = value);
        home.verify(&token, &[])
            .rejected(&format!("hop 0 failed rule format: {expected}"));
    }
}

#[test]
fn absurd_and_negative_numbers_are_refused() {
    let home = Home::new();
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    let exp = format!("\"exp\":{}", T0 + 3600);
    for (text, shown) in [
        ("1e50", "1e+50"),
        ("-1", "-1"),
        ("1.5", "1.5"),
        ("1800003600.0", "1800003600.0"),
        ("18e8", "1800000000.0"),
        ("9223372036854775807", "9223372036854775807"),
        ("9223372036854775808", "9223372036854775808"),
        ("18446744073709551616", "1.8446744073709552e+19"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("253402300800", "253402300800"),
    ] {
        let token = raw_hop(
            &home,
            &header,
            &payload.replace(&exp, &format!("\"exp\":{text}")),
        );
        home.verify(&token, &[]).rejected(&format!(
            "hop 0 failed rule format: claim \"exp\" must be whole seconds from 1970 to 9999, not {shown}"
        ));
    }
    let token = raw_hop(&home, &header, &payload.replace(&exp, "\"exp\":1e400"));
    home.verify(&token, &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: number out of range",
    );
    for claim in ["iat", "nbf"] {
        let token = edited(&home, |c| c[claim] = json!(-1));
        home.verify(&token, &[]).rejected(&format!(
            "hop 0 failed rule format: claim \"{claim}\" must be whole seconds from 1970 to 9999, not -1"
        ));
    }
    for (depth, shown) in [
        (json!(-1), "-1"),
        (json!(33), "33"),
        (json!(1e2), "100.0"),
        (json!(2.0), "2.0"),
    ] {
        let token = edited(&home, |c| c["obo_depth"] = depth);
        home.verify(&token, &[]).rejected(&format!(
            "hop 0 failed rule format: claim \"obo_depth\" must be a whole number from 0 to 32, not {shown}"
        ));
    }
    let token = edited(&home, |c| c["nbf"] = json!(T0 + 3600));
    home.verify(&token, &[])
        .rejected("hop 0 failed rule format: claim \"nbf\" is not before \"exp\"");
}

#[test]
fn unknown_members_inside_act_and_cnf_are_refused() {
    let home = Home::new();
    let token = edited(&home, |c| c["act"]["admin"] = json!(true));
    home.verify(&token, &[]).rejected(
        "hop 0 failed rule format: claim \"act\" has member \"admin\", which obo does not define",
    );
    let token = edited(&home, |c| c["act"]["may_act"] = json!({"sub": "eve"}));
    home.verify(&token, &[]).rejected(
        "hop 0 failed rule format: claim \"act\" has member \"may_act\", which obo does not define",
    );
    let token = edited(&home, |c| {
        c["cnf"]["jku"] = json!("https://attacker.example")
    });
    home.verify(&token, &[])
        .rejected("hop 0 failed rule format: claim \"cnf\" must hold exactly one member, \"jwk\"");
    let token = edited(&home, |c| c["cnf"] = json!({"kid": "x"}));
    home.verify(&token, &[])
        .rejected("hop 0 failed rule format: claim \"cnf\" has no object member \"jwk\"");
    for (member, value, expected) in [
        (
            "kty",
            json!("EC"),
            "cnf.jwk: JWK member \"kty\" is \"EC\", not \"OKP\"",
        ),
        (
            "crv",
            json!("X25519"),
            "cnf.jwk: JWK member \"crv\" is \"X25519\", not \"Ed25519\"",
        ),
        (
            "alg",
            json!("ES256"),
            "cnf.jwk: JWK member \"alg\" is \"ES256\", not \"EdDSA\"",
        ),
        (
            "x",
            json!("AAAA"),
            "cnf.jwk: an Ed25519 public key is 32 bytes, not 3",
        ),
    ] {
        let token = edited(&home, |c| c["cnf"]["jwk"][member] = value);
        home.verify(&token, &[])
            .rejected(&format!("hop 0 failed rule format: {expected}"));
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let home = Home::new();
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    for levels in [41, 200, 20_000] {
        let deep = format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        let p = payload.replacen('{', &format!("{{\"x\":{deep},"), 1);
        let file = home.write("token.txt", raw_hop(&home, &header, &p));
        home.verify(&file, &[]).fails_with(
            1,
            "hop 0 failed rule format: payload is not valid JSON: nested deeper than 40 levels",
        );
    }
    let deep_objects = format!("{}1{}", "{\"a\":".repeat(60), "}".repeat(60));
    let h = header.replacen('{', &format!("{{\"x\":{deep_objects},"), 1);
    home.verify(&raw_hop(&home, &h, &payload), &[]).fails_with(
        1,
        "hop 0 failed rule format: header is not valid JSON: nested deeper than 40 levels",
    );
    // act nested past the depth limit.
    let mut act = json!({"sub": "a0", "obo_kid": home.key("a1").kid()});
    for i in 1..45 {
        act = json!({"sub": format!("a{i}"), "obo_kid": home.key("a1").kid(), "act": act});
    }
    let token = edited(&home, |c| c["act"] = act);
    home.verify(&token, &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: nested deeper than 40 levels",
    );
}

#[test]
fn huge_strings_and_member_names_are_refused() {
    let home = Home::new();
    let header = header_text(&home);
    let payload = root_claims(&home.key("a1")).to_string();
    let long = "x".repeat(4097);
    let p = payload.replacen('{', &format!("{{\"note\":\"{long}\","), 1);
    home.verify(&raw_hop(&home, &header, &p), &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: a string is longer than 4096 characters",
    );
    let p = payload.replacen('{', &format!("{{\"{long}\":1,"), 1);
    home.verify(&raw_hop(&home, &header, &p), &[]).fails_with(
        1,
        "hop 0 failed rule format: payload is not valid JSON: a member name is longer than 4096 characters",
    );
    let cases: Vec<(&str, Value, String)> = vec![
        (
            "jti",
            json!("j".repeat(257)),
            "claim \"jti\" must be 1 to 256 characters".into(),
        ),
        (
            "sub",
            json!("s".repeat(257)),
            "claim \"sub\" must be 1 to 256 characters".into(),
        ),
        (
            "iss",
            json!(""),
            "claim \"iss\" must be 1 to 256 characters".into(),
        ),
        (
            "obo_principal_name",
            json!("n".repeat(201)),
            "claim \"obo_principal_name\" is longer than 200 characters".into(),
        ),
        (
            "obo_task",
            json!("t".repeat(1001)),
            "claim \"obo_task\" is longer than 1000 characters".into(),
        ),
        (
            "aud",
            json!((0..17).map(|i| format!("api{i}")).collect::<Vec<_>>()),
            "claim \"aud\" must name 1 to 16 audiences".into(),
        ),
        (
            "aud",
            json!(["api", "api"]),
            "claim \"aud\" names audience \"api\" twice".into(),
        ),
        (
            "scope",
            json!((0..65)
                .map(|i| format!("s{i}"))
                .collect::<Vec<_>>()
                .join(" ")),
            "at most 64 scopes may be given".into(),
        ),
        (
            "scope",
            json!("s".repeat(257)),
            "a scope is at most 256 characters".into(),
        ),
    ];
    for (claim, value, expected) in cases {
        let token = edited(&home, |c| c[claim] = value);
        home.verify(&token, &[])
            .rejected(&format!("hop 0 failed rule format: {expected}"));
    }
    let token = edited(&home, |c| c["act"]["name"] = json!("n".repeat(201)));
    home.verify(&token, &[])
        .rejected("hop 0 failed rule format: claim \"name\" is longer than 200 characters");
}
