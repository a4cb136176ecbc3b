//! Attacks by size: tokens of megabytes, thousands of hops, long claims
//! and long arguments are refused against the documented limits
//! (`MAX_TOKEN_BYTES`, `MAX_HOPS`, `MAX_FILE_BYTES`, the claim limits)
//! before any costly work.

mod hostile;

use hostile::*;
use obo::encoding::{MAX_HOPS, MAX_TOKEN_BYTES};
use obo::error::Rule;
use obo::store::MAX_FILE_BYTES;
use obo::token::{Chain, Proof};
use serde_json::json;

#[test]
fn the_documented_limits_are_the_ones_enforced() {
    assert_eq!(MAX_TOKEN_BYTES, 65_536);
    assert_eq!(MAX_HOPS, 32);
    assert_eq!(MAX_FILE_BYTES, 16 * 1024 * 1024);
}

#[test]
fn a_megabyte_token_is_refused_from_a_file_stdin_and_the_library() {
    let home = Home::new();
    let megabyte = "A".repeat(1 << 20);
    let file = home.write("big.txt", &megabyte);
    let expected = "rule format failed: the token is 1048576 bytes; the limit is 65536";
    home.verify(&file, &[])
        .fails(1, &format!("token rejected: {expected}"));
    home.inspect(&file).fails(1, expected);
    let out = Outcome::from(
        home.obo()
            .args(["inspect", "-"])
            .write_stdin(megabyte.clone())
            .output()
            .unwrap(),
    );
    out.fails(1, expected);
    // Just over the limit, as an argument.
    let over = format!(
        "{}~{}",
        chain(&home, &["a1"]).text(),
        "A".repeat(MAX_TOKEN_BYTES)
    );
    home.verify(&over, &[]).fails(
        1,
        &format!(
            "token rejected: rule format failed: the token is {} bytes; the limit is 65536",
            over.len()
        ),
    );
    // The library refuses it too, before decoding anything.
    let rejection = Chain::parse(&megabyte).unwrap_err();
    assert_eq!(rejection.rule, Rule::Format);
    assert_eq!(
        rejection.detail,
        "the token is 1048576 bytes; the limit is 65536"
    );
}

#[test]
fn a_file_above_the_input_limit_is_refused_unread() {
    let home = Home::new();
    let path = home.file("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let shown = path.display().to_string();
    home.verify(&shown, &[]).fails(
        2,
        &format!("{shown} is larger than 16777216 bytes; obo refuses it"),
    );
    home.run(&["key", "import", &shown, "--name", "x"]).fails(
        2,
        &format!("{shown} is larger than 16777216 bytes; obo refuses it"),
    );
    home.run(&["trust", "add", &shown]).fails(
        2,
        &format!("{shown} is larger than 16777216 bytes; obo refuses it"),
    );
}

#[test]
fn thousands_of_hops_are_refused_by_count() {
    let home = Home::new();
    for count in [33, 1000, 10_000] {
        let many = vec!["a.b.c"; count].join("~");
        let file = home.write("many.txt", &many);
        home.verify(&file, &[]).rejected(&format!(
            "rule format failed: the token has {count} hops; the limit is 32"
        ));
    }
    let tildes = "~".repeat(20_000);
    home.verify(&home.write("tildes.txt", &tildes), &[])
        .rejected("rule format failed: the token has 20001 hops; the limit is 32");
    // 32 hops is within the limit: the failure moves to hop 0's content.
    let many = vec!["a.b.c"; 32].join("~");
    home.verify(&many, &[]).rejected(
        "hop 0 failed rule format: header is not canonical unpadded base64url (Invalid input length: 1)",
    );
}

#[test]
fn a_huge_proof_is_refused() {
    let home = Home::new();
    let b = chain(&home, &["a1"]);
    let mut claims = proof_claims(&b.text(), AUD);
    claims["pad"] = json!("p".repeat(4000));
    claims["pad2"] = json!("p".repeat(4000));
    claims["pad3"] = json!("p".repeat(4000));
    let proof = sign_proof(&claims, &home.key("a1"));
    assert!(proof.len() > MAX_TOKEN_BYTES / 4);
    home.verify(&b.text(), &["--proof", &proof])
        .rejected("rule proof failed: proof: longer than any proof obo makes");
    assert!(Proof::parse(&"A".repeat(1 << 20)).is_err());
}

#[test]
fn long_arguments_are_refused_with_the_limit() {
    let home = Home::new();
    let long_task = "t".repeat(1001);
    home.run(&[
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
        "--task",
        &long_task,
    ])
    .fails(2, "--task is longer than 1000 characters; shorten it");
    let long_aud = "a".repeat(257);
    home.run(&[
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
        &long_aud,
    ])
    .fails_with(2, "--audience audience ");
    let long_name = "n".repeat(201);
    home.run(&["keygen", "x", "--display-name", &long_name])
        .fails(2, "--display-name: a display name is 1 to 200 characters");
    let long_key = "k".repeat(65);
    home.run(&["keygen", &long_key])
        .fails_with(2, "is not allowed; use 1 to 64 letters");
}

/// A chain where a1 delegates to itself, with a 1000-character task in every
/// hop, grown until one more such hop would pass MAX_TOKEN_BYTES.
fn chain_near_the_size_limit(home: &Home) -> Built {
    let a1 = home.key("a1");
    let idp = home.key("idp");
    let mut built = chain(home, &["a1"]);
    built.claims[0]["obo_task"] = json!("t".repeat(1000));
    built.claims[0]["obo_depth"] = json!(32);
    built.hops[0] = sign(&hop_header(&idp.kid()), &built.claims[0], &idp);
    loop {
        // A 22-character jti, as obo makes, so the next hop obo would add
        // is the size of the one tried here.
        let mut next = built.clone();
        next.extend(&a1, &a1, |c| c["jti"] = json!("j".repeat(22)));
        if next.text().len() > MAX_TOKEN_BYTES {
            return built;
        }
        built = next;
    }
}

#[test]
fn attenuate_refuses_to_make_a_token_above_the_size_limit() {
    // Regression: attenuate used to print a chain over MAX_TOKEN_BYTES,
    // which every obo command then refused to read.
    let home = Home::new();
    let parent = chain_near_the_size_limit(&home);
    let text = parent.text();
    assert!(text.len() <= MAX_TOKEN_BYTES);
    home.verify(&text, &[]).ok();
    let file = home.write("parent.txt", &text);
    let out = home.run(&[
        "attenuate",
        &file,
        "--as",
        "a1",
        "--agent",
        "a2",
        "--scope",
        "reports:read",
    ]);
    out.fails_with(2, "obo: the new token would be ");
    assert!(out.stderr.contains(
        " bytes, over the limit of 65536 that verifiers accept; give a shorter --task or delegate from an earlier hop"
    ));
    assert!(out.stdout.is_empty());
}
