//! Attacks on the reader: names, task and action text carrying ANSI
//! escapes, other control characters, bidirectional overrides or
//! zero-width characters reach the screen only as visible escapes, in
//! inspect, verify, their `--json` forms and their error messages; and
//! names that mix look-alike scripts are flagged with the key beside them.

mod hostile;

use hostile::*;
use serde_json::{json, Value};

/// Text that would act on a terminal or hide itself, and how obo shows it.
const HOSTILE: [(&str, &str); 14] = [
    ("\u{1b}[31m", "\\u{001b}[31m"),
    ("\u{1b}]0;pwned\u{7}", "\\u{001b}]0;pwned\\u{0007}"),
    ("\r", "\\u{000d}"),
    ("\u{8}", "\\u{0008}"),
    ("\u{7f}", "\\u{007f}"),
    ("\u{9b}31m", "\\u{009b}31m"),
    ("\u{85}", "\\u{0085}"),
    ("\u{202e}", "\\u{202e}"),
    ("\u{2066}", "\\u{2066}"),
    ("\u{200b}", "\\u{200b}"),
    ("\u{200d}", "\\u{200d}"),
    ("\u{feff}", "\\u{feff}"),
    ("\u{2028}", "\\u{2028}"),
    ("\u{e0041}", "\\u{e0041}"),
];

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
}

fn assert_nothing_hidden(what: &str, text: &str) {
    let allowed = |c: char| c == '\n';
    if let Some(c) = text.chars().find(|&c| is_hidden(c) && !allowed(c)) {
        panic!("{what} shows U+{:04X} raw: {text:?}", c as u32);
    }
}

/// idp -> a1 -> a2 with hostile text in the principal's name, a1's name,
/// a2's identifier and the task.
fn hostile_chain(home: &Home, raw: &str) -> Built {
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    let mut built = chain(home, &["a1"]);
    built.claims[0]["obo_principal_name"] = json!(format!("Al{raw}ice"));
    built.claims[0]["act"]["name"] = json!(format!("Agent{raw}1"));
    built.claims[0]["obo_task"] = json!(format!("Update{raw}budget"));
    let idp = home.key("idp");
    built.hops[0] = sign(&hop_header(&idp.kid()), &built.claims[0], &idp);
    built.extend(&a1, &a2, |c| {
        c["act"]["name"] = json!(format!("DB{raw}Agent"))
    });
    built
}

#[test]
fn inspect_shows_hostile_text_escaped() {
    let home = Home::new();
    for (raw, shown) in HOSTILE {
        let built = hostile_chain(&home, raw);
        let out = home.inspect(&built.text());
        out.ok();
        assert_nothing_hidden("inspect", &out.stdout);
        assert_nothing_hidden("inspect stderr", &out.stderr);
        for expected in [
            format!("Al{shown}ice [alice]"),
            format!("Agent{shown}1 [a1]"),
            format!("DB{shown}Agent [a2]"),
            format!("Update{shown}budget"),
            format!("claims to be: DB{shown}Agent (OBO: Al{shown}ice, via Agent{shown}1)"),
        ] {
            assert!(
                out.stdout.contains(&expected),
                "{expected:?} in {}",
                out.stdout
            );
        }
    }
}

#[test]
fn verify_shows_hostile_text_escaped() {
    let home = Home::new();
    for (raw, shown) in HOSTILE {
        let built = hostile_chain(&home, raw);
        let out = home.verify(&built.text(), &[]);
        out.ok();
        assert_nothing_hidden("verify", &out.stdout);
        assert!(
            out.stdout.starts_with(&format!(
                "DB{shown}Agent (OBO: Al{shown}ice, via Agent{shown}1) may budget:q3:write reports:read at api until "
            )),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn json_output_shows_hostile_text_as_json_escapes() {
    // Regression: serde_json escapes only C0 controls, so --json printed
    // DEL, C1 controls such as the 8-bit CSI, bidi overrides and
    // zero-width characters raw on stdout.
    let home = Home::new();
    for (raw, _) in HOSTILE {
        let built = hostile_chain(&home, raw);
        let inspect = home.run(&["--json", "inspect", &built.text()]);
        inspect.ok();
        let verify = home.run(&[
            "--json",
            "verify",
            &built.text(),
            "--audience",
            AUD,
            "--at",
            &AT.to_string(),
        ]);
        verify.ok();
        for out in [&inspect, &verify] {
            assert_nothing_hidden("--json", &out.stdout);
            let value: Value = serde_json::from_str(&out.stdout).unwrap();
            let hops = &value["hops"];
            assert_eq!(hops[0]["principal"]["name"], json!(format!("Al{raw}ice")));
            assert_eq!(hops[1]["actor"]["name"], json!(format!("DB{raw}Agent")));
            assert_eq!(hops[1]["task"], json!(format!("Update{raw}budget")));
        }
    }
}

#[test]
fn proof_action_text_is_escaped_in_json() {
    let home = Home::new();
    let built = chain(&home, &["a1", "a2"]);
    for (raw, _) in HOSTILE {
        let mut claims = proof_claims(&built.text(), AUD);
        claims["obo_action"] = json!(format!("PUT{raw}/budget"));
        let proof = sign_proof(&claims, &home.key("a2"));
        let out = home.run(&[
            "--json",
            "verify",
            &built.text(),
            "--audience",
            AUD,
            "--at",
            &AT.to_string(),
            "--proof",
            &proof,
        ]);
        out.ok();
        assert_nothing_hidden("--json action", &out.stdout);
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(
            value["possession"]["action"],
            json!(format!("PUT{raw}/budget"))
        );
        home.verify(&built.text(), &["--proof", &proof]).ok();
    }
}

#[test]
fn identifiers_with_invisible_characters_are_shown_escaped() {
    // Control characters are refused in identifiers; bidi and zero-width
    // characters are allowed there but never shown raw.
    let home = Home::new();
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    let mut built = chain(&home, &["a1"]);
    built.claims[0]["sub"] = json!("al\u{202e}ecila");
    built.claims[0]["aud"] = json!(["api", "ap\u{200b}i"]);
    built.claims[0]["obo_principal_name"] = json!("Alice");
    let idp = home.key("idp");
    built.hops[0] = sign(&hop_header(&idp.kid()), &built.claims[0], &idp);
    built.extend(&a1, &a2, |c| c["act"]["sub"] = json!("a\u{2066}2"));
    let out = home.inspect(&built.text());
    out.ok();
    assert_nothing_hidden("inspect", &out.stdout);
    assert!(out.stdout.contains("Alice [al\\u{202e}ecila]"));
    assert!(out.stdout.contains("a\\u{2066}2 [a\\u{2066}2]"));
    assert!(out.stdout.contains("api ap\\u{200b}i"));
    let at = AT.to_string();
    let out = home.run(&[
        "verify",
        &built.text(),
        "--audience",
        "ap\u{200b}i",
        "--at",
        &at,
    ]);
    out.ok();
    assert_nothing_hidden("verify", &out.stdout);
    assert!(
        out.stdout.contains(" at ap\\u{200b}i until "),
        "{}",
        out.stdout
    );
    // In a rejection, the same text reaches stderr escaped.
    let mut bad = chain(&home, &["a1"]);
    bad.extend(&a1, &a2, |c| c["iss"] = json!("\u{202e}\u{200b}idp"));
    let out = home.verify(&bad.text(), &[]);
    out.rejected(
        "hop 1 failed rule actor: \"iss\" is \"\\u{202e}\\u{200b}idp\", but hop 0 was held by \"a1\"",
    );
    assert_nothing_hidden("stderr", &out.stderr);
}

#[test]
fn rejections_never_echo_hostile_text_raw() {
    let home = Home::new();
    let idp = home.key("idp");
    for (raw, _) in HOSTILE {
        let mut header = hop_header(&idp.kid());
        header["alg"] = json!(format!("none{raw}"));
        let token = sign(&header, &root_claims(&home.key("a1")), &idp);
        for out in [home.verify(&token, &[]), home.inspect(&token)] {
            assert_eq!(out.code, 1);
            assert_nothing_hidden("stderr", &out.stderr);
            assert_eq!(out.stderr.lines().count(), 1, "{:?}", out.stderr);
        }
        let out = home.run(&["--json", "verify", &token, "--audience", AUD]);
        assert_eq!(out.code, 1);
        assert_nothing_hidden("--json error", &out.stdout);
        let mut header = hop_header(&idp.kid());
        header[format!("x{raw}")] = json!(1);
        let out = home.verify(&sign(&header, &root_claims(&home.key("a1")), &idp), &[]);
        assert_eq!(out.code, 1);
        assert_nothing_hidden("stderr", &out.stderr);
    }
}

/// idp -> a1 -> a2 where the principal's name and a1's name use a
/// Cyrillic capital A (U+0410) in place of the Latin one.
fn look_alike_chain(home: &Home) -> Built {
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    let mut built = chain(home, &["a1"]);
    built.claims[0]["obo_principal_name"] = json!("\u{410}lice");
    built.claims[0]["act"]["name"] = json!("\u{410}gent 1");
    let idp = home.key("idp");
    built.hops[0] = sign(&hop_header(&idp.kid()), &built.claims[0], &idp);
    built.extend(&a1, &a2, |_| {});
    built
}

#[test]
fn look_alike_names_are_flagged_with_their_key_by_inspect() {
    let home = Home::new();
    let (idp, a1, a2) = (home.key("idp"), home.key("a1"), home.key("a2"));
    let built = look_alike_chain(&home);
    let out = home.inspect(&built.text());
    out.ok();
    assert!(out.stdout.contains(&format!(
        "claims to be: a2 (OBO: \u{410}lice [mixed scripts] (issuer key {}), via \u{410}gent 1 [mixed scripts] (key {}))",
        idp.kid(),
        a1.kid()
    )), "{}", out.stdout);
    assert!(
        out.stdout.contains("\u{410}lice [alice] [mixed scripts]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(&format!("(issuer key {})", idp.kid())));
    assert!(
        out.stdout.contains("\u{410}gent 1 [a1] [mixed scripts]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("a2 [a2]"));
    assert!(!out.stdout.contains("a2 [a2] [mixed scripts]"));
    assert!(out.stdout.contains(&a2.kid()), "the actor key is shown");
    let json_out = home.run(&["--json", "inspect", &built.text()]);
    let value: Value = serde_json::from_str(&json_out.ok().stdout).unwrap();
    assert_eq!(value["hops"][0]["principal"]["mixed_scripts"], json!(true));
    assert_eq!(value["hops"][0]["actor"]["mixed_scripts"], json!(true));
    assert_eq!(value["hops"][1]["actor"]["mixed_scripts"], json!(false));
}

#[test]
fn look_alike_names_are_flagged_with_their_key_by_verify() {
    let home = Home::new();
    let (idp, a1) = (home.key("idp"), home.key("a1"));
    let built = look_alike_chain(&home);
    let out = home.verify(&built.text(), &[]);
    out.ok();
    assert!(out.stdout.starts_with(&format!(
        "a2 (OBO: \u{410}lice [mixed scripts] (issuer key {}), via \u{410}gent 1 [mixed scripts] (key {})) may ",
        idp.kid(),
        a1.kid()
    )), "{}", out.stdout);
    // The genuine names are not flagged.
    let plain = chain(&home, &["a1", "a2"]);
    let out = home.verify(&plain.text(), &[]);
    assert!(out.ok().stdout.starts_with("a2 (OBO: Alice, via a1) may "));
}

#[test]
fn look_alikes_from_greek_cherokee_and_fullwidth_letters_are_flagged() {
    let home = Home::new();
    let idp = home.key("idp");
    for name in [
        "\u{391}lice",
        "\u{13aa}lice",
        "\u{ff21}lice",
        "Ali\u{441}e",
        "\u{1d400}lice",
    ] {
        let mut claims = root_claims(&home.key("a1"));
        claims["obo_principal_name"] = json!(name);
        let token = sign(&hop_header(&idp.kid()), &claims, &idp);
        let out = home.verify(&token, &[]);
        assert!(
            out.ok().stdout.starts_with(&format!(
                "a1 (OBO: {name} [mixed scripts] (issuer key {})) may ",
                idp.kid()
            )),
            "{}",
            out.stdout
        );
    }
    // One script throughout, or scripts that do not look alike: no flag.
    for name in ["Алиса", "Zoë Ångström", "Zoë 東京"] {
        let mut claims = root_claims(&home.key("a1"));
        claims["obo_principal_name"] = json!(name);
        let token = sign(&hop_header(&idp.kid()), &claims, &idp);
        let out = home.verify(&token, &[]);
        assert!(
            out.ok()
                .stdout
                .starts_with(&format!("a1 (OBO: {name}) may ")),
            "{}",
            out.stdout
        );
    }
}
