//! Attacks on chains and proofs: hops removed, duplicated, reordered, taken
//! from another chain or appended by anyone but the last actor; scope,
//! audience, window or depth widened; `act` disagreeing with the signers;
//! proofs for another chain or audience, stale, from the future, too
//! long-lived, or signed by an earlier actor.

mod hostile;

use hostile::*;
use serde_json::json;

/// idp -> a1 -> a2 -> a3: hop 0 binds a1, hop 1 (by a1) binds a2, hop 2
/// (by a2) binds a3.
fn three_hops(home: &Home) -> Built {
    chain(home, &["a1", "a2", "a3"])
}

fn join(hops: &[&String]) -> String {
    hops.iter()
        .map(|h| h.as_str())
        .collect::<Vec<_>>()
        .join("~")
}

/// A public JWK file for a keystore key, to pass to `--trust`.
fn public_jwk(home: &Home, name: &str) -> String {
    let out = home.run(&["key", "export", name]);
    out.ok();
    home.write(&format!("{name}.pub.jwk"), out.stdout)
}

/// A chain where a1 delegates to itself twice, so hops can be shuffled
/// without the key-id rule catching it first.
fn self_delegated(home: &Home) -> Built {
    let a1 = home.key("a1");
    let mut built = chain(home, &["a1"]);
    built.extend(&a1, &a1, |_| {});
    built.extend(&a1, &a1, |_| {});
    built
}

#[test]
fn the_untouched_chains_verify() {
    let home = Home::new();
    home.verify(&three_hops(&home).text(), &[]).ok();
    home.verify(&self_delegated(&home).text(), &[]).ok();
}

#[test]
fn a_removed_hop_is_refused() {
    let home = Home::new();
    let b = three_hops(&home);
    let (a1, a2) = (home.key("a1").kid(), home.key("a2").kid());
    home.verify(&join(&[&b.hops[0], &b.hops[2]]), &[]).rejected(&format!(
        "hop 1 failed rule key-id: signed by key {a2}, but hop 0 binds key {a1}; only the last actor may add a hop"
    ));
    home.verify(&join(&[&b.hops[1], &b.hops[2]]), &[]).rejected(&format!(
        "hop 0 failed rule trusted-issuer: signed by key {a1}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE"
    ));
    // Even if the first remaining signer is a trusted issuer elsewhere.
    let trusted_a1 = public_jwk(&home, "a1");
    home.verify(&join(&[&b.hops[1], &b.hops[2]]), &["--trust", &trusted_a1])
        .rejected("hop 0 failed rule chain-link: hop 0 carries \"obo_prev\", so a hop before it was removed");
    let s = self_delegated(&home);
    home.verify(&join(&[&s.hops[0], &s.hops[2]]), &[])
        .rejected("hop 1 failed rule chain-link: \"obo_prev\" is not the hash of hop 0");
}

#[test]
fn a_cut_off_last_hop_loses_the_holders_proof() {
    let home = Home::new();
    let b = three_hops(&home);
    let proof = sign_proof(&proof_claims(&b.text(), AUD), &home.key("a3"));
    home.verify(&b.text(), &["--proof", &proof]).ok();
    let cut = join(&[&b.hops[0], &b.hops[1]]);
    home.verify(&cut, &["--proof", &proof]).rejected(&format!(
        "rule proof failed: proof: signed by key {}, not the last hop's key {}",
        home.key("a3").kid(),
        home.key("a2").kid()
    ));
}

#[test]
fn a_duplicated_hop_is_refused() {
    let home = Home::new();
    let b = three_hops(&home);
    let (idp, a1, a2) = (
        home.key("idp").kid(),
        home.key("a1").kid(),
        home.key("a2").kid(),
    );
    home.verify(&join(&[&b.hops[0], &b.hops[0]]), &[]).rejected(&format!(
        "hop 1 failed rule key-id: signed by key {idp}, but hop 0 binds key {a1}; only the last actor may add a hop"
    ));
    home.verify(&join(&[&b.hops[0], &b.hops[1], &b.hops[1]]), &[])
        .rejected(&format!(
            "hop 2 failed rule key-id: signed by key {a1}, but hop 1 binds key {a2}; only the last actor may add a hop"
        ));
    let s = self_delegated(&home);
    home.verify(&join(&[&s.hops[0], &s.hops[1], &s.hops[1]]), &[])
        .rejected("hop 2 failed rule chain-link: \"obo_prev\" is not the hash of hop 1");
}

#[test]
fn reordered_hops_are_refused() {
    let home = Home::new();
    let b = three_hops(&home);
    let (a1, a2) = (home.key("a1").kid(), home.key("a2").kid());
    home.verify(&join(&[&b.hops[0], &b.hops[2], &b.hops[1]]), &[])
        .rejected(&format!(
            "hop 1 failed rule key-id: signed by key {a2}, but hop 0 binds key {a1}; only the last actor may add a hop"
        ));
    let s = self_delegated(&home);
    home.verify(&join(&[&s.hops[0], &s.hops[2], &s.hops[1]]), &[])
        .rejected("hop 1 failed rule chain-link: \"obo_prev\" is not the hash of hop 0");
}

#[test]
fn a_hop_taken_from_another_chain_is_refused() {
    let home = Home::new();
    let mine = three_hops(&home);
    let mut other = chain(&home, &["a1"]);
    other.claims[0]["jti"] = json!("other-root");
    other.hops[0] = sign(
        &hop_header(&home.key("idp").kid()),
        &other.claims[0],
        &home.key("idp"),
    );
    other.extend(&home.key("a1"), &home.key("a2"), |c| {
        c["scope"] = json!("budget:q3:write reports:read")
    });
    home.verify(&other.text(), &[]).ok();
    home.verify(&join(&[&mine.hops[0], &other.hops[1]]), &[])
        .rejected("hop 1 failed rule chain-link: \"obo_prev\" is not the hash of hop 0");
    home.verify(&join(&[&mine.hops[0], &other.hops[1], &mine.hops[2]]), &[])
        .rejected("hop 1 failed rule chain-link: \"obo_prev\" is not the hash of hop 0");
}

#[test]
fn a_hop_appended_by_anyone_but_the_last_actor_is_refused() {
    let home = Home::new();
    let (idp, a1, a2, a3, eve) = (
        home.key("idp"),
        home.key("a1"),
        home.key("a2"),
        home.key("a3"),
        home.key("eve"),
    );
    let base = chain(&home, &["a1", "a2"]);
    // An earlier actor, the issuer and an outsider each sign a next hop
    // that is otherwise perfect.
    for signer in [&a1, &idp, &eve] {
        let mut forged = base.clone();
        forged.extend(signer, &a3, |_| {});
        home.verify(&forged.text(), &[]).rejected(&format!(
            "hop 2 failed rule key-id: signed by key {}, but hop 1 binds key {}; only the last actor may add a hop",
            signer.kid(),
            a2.kid()
        ));
    }
    // An outsider claiming the holder's kid.
    let mut forged = base.clone();
    let claims = next_claims(&base.hops[1], &base.claims[1], &eve);
    forged
        .hops
        .push(sign(&hop_header(&a2.kid()), &claims, &eve));
    home.verify(&forged.text(), &[]).rejected(
        "hop 2 failed rule signature: the signature does not verify with the key hop 1 binds",
    );
    // The holder refuses to attenuate for anyone else through the binary.
    let token = base.text();
    home.run(&[
        "attenuate", &token, "--as", "a1", "--agent", "a3", "--scope", "reports:read",
    ])
    .fails(
        2,
        &format!(
            "key {} is not the key the last hop binds ({}); only the current holder can attenuate this token",
            a1.kid(),
            a2.kid()
        ),
    );
}

#[test]
fn a_widened_scope_is_refused() {
    let home = Home::new();
    let (a1, a2, a3) = (home.key("a1"), home.key("a2"), home.key("a3"));
    for (scope, culprit) in [
        ("budget:*", "budget:*"),
        ("budget:q3:*", "budget:q3:*"),
        ("*", "*"),
        ("budget:q3:write admin", "admin"),
        (
            "budget:q3:write reports:read reports:write",
            "reports:write",
        ),
        ("budget:q3", "budget:q3"),
    ] {
        let mut b = chain(&home, &["a1"]);
        b.extend(&a1, &a2, |c| c["scope"] = json!(scope));
        home.verify(&b.text(), &[]).rejected(&format!(
            "hop 1 failed rule scope-narrows: scope {culprit} is not covered by hop 0's scopes"
        ));
    }
    // A wildcard never reaches up to its own prefix.
    let mut b = chain(&home, &["a1"]);
    b.claims[0]["scope"] = json!("budget:*");
    b.hops[0] = sign(
        &hop_header(&home.key("idp").kid()),
        &b.claims[0],
        &home.key("idp"),
    );
    b.extend(&a1, &a2, |c| c["scope"] = json!("budget"));
    home.verify(&b.text(), &[])
        .rejected("hop 1 failed rule scope-narrows: scope budget is not covered by hop 0's scopes");
    // Narrowed at hop 1, regained at hop 2.
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["scope"] = json!("reports:read"));
    b.extend(&a2, &a3, |c| {
        c["scope"] = json!("budget:q3:write reports:read")
    });
    home.verify(&b.text(), &[]).rejected(
        "hop 2 failed rule scope-narrows: scope budget:q3:write is not covered by hop 1's scopes",
    );
}

#[test]
fn a_widened_audience_is_refused() {
    let home = Home::new();
    let (a1, a2, a3) = (home.key("a1"), home.key("a2"), home.key("a3"));
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["aud"] = json!(["api", "api2", "evil"]));
    home.verify(&b.text(), &[]).rejected(
        "hop 1 failed rule audience-narrows: audience \"evil\" is not among hop 0's audiences",
    );
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["aud"] = json!("API"));
    home.verify(&b.text(), &[]).rejected(
        "hop 1 failed rule audience-narrows: audience \"API\" is not among hop 0's audiences",
    );
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["aud"] = json!(["api"]));
    b.extend(&a2, &a3, |c| c["aud"] = json!(["api", "api2"]));
    home.verify(&b.text(), &[]).rejected(
        "hop 2 failed rule audience-narrows: audience \"api2\" is not among hop 1's audiences",
    );
}

#[test]
fn a_widened_window_is_refused() {
    let home = Home::new();
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    for (claim, value) in [("exp", T0 + 3601), ("nbf", T0 - 1), ("exp", T0 + 86_400)] {
        let mut b = chain(&home, &["a1"]);
        b.extend(&a1, &a2, |c| c[claim] = json!(value));
        home.verify(&b.text(), &[])
            .rejected("hop 1 failed rule window-narrows: validity window reaches outside hop 0's");
    }
}

#[test]
fn a_depth_that_does_not_shrink_is_refused() {
    let home = Home::new();
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    for depth in [3, 4, 32] {
        let mut b = chain(&home, &["a1"]);
        b.extend(&a1, &a2, |c| c["obo_depth"] = json!(depth));
        home.verify(&b.text(), &[]).rejected(&format!(
            "hop 1 failed rule depth: depth {depth} does not follow hop 0's depth 3 (each hop must lower it, and 0 allows no more hops)"
        ));
    }
    let mut b = chain(&home, &["a1"]);
    b.claims[0]["obo_depth"] = json!(0);
    b.hops[0] = sign(
        &hop_header(&home.key("idp").kid()),
        &b.claims[0],
        &home.key("idp"),
    );
    b.extend(&a1, &a2, |c| c["obo_depth"] = json!(0));
    home.verify(&b.text(), &[]).rejected(
        "hop 1 failed rule depth: depth 0 does not follow hop 0's depth 0 (each hop must lower it, and 0 allows no more hops)",
    );
}

#[test]
fn an_act_that_disagrees_with_the_signers_is_refused() {
    let home = Home::new();
    let (idp, a1, a2, eve) = (
        home.key("idp"),
        home.key("a1"),
        home.key("a2"),
        home.key("eve"),
    );

    // act.obo_kid names another key than cnf, at hop 0 and hop 1.
    let mut claims = root_claims(&a1);
    claims["act"]["obo_kid"] = json!(eve.kid());
    home.verify(&sign(&hop_header(&idp.kid()), &claims, &idp), &[])
        .rejected("hop 0 failed rule actor: act.obo_kid is not the thumbprint of the cnf key");
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["act"]["obo_kid"] = json!(eve.kid()));
    home.verify(&b.text(), &[])
        .rejected("hop 1 failed rule actor: act.obo_kid is not the thumbprint of the cnf key");

    // Hop 0 claiming earlier actors.
    let mut claims = root_claims(&a1);
    claims["act"]["act"] = json!({"sub": "ceo", "obo_kid": eve.kid()});
    home.verify(&sign(&hop_header(&idp.kid()), &claims, &idp), &[])
        .rejected("hop 0 failed rule actor: hop 0 names more than one actor");

    // Hop 1 rewriting who came before.
    let rewrites: [fn(&mut serde_json::Value); 5] = [
        |c| c["act"]["act"]["sub"] = json!("trusted-agent"),
        |c| c["act"]["act"]["name"] = json!("Trusted Agent"),
        |c| {
            c["act"].as_object_mut().unwrap().remove("act");
        },
        |c| c["act"]["act"]["act"] = json!({"sub": "ceo", "obo_kid": thumbprint_of_x("AA")}),
        |c| c["act"]["act"]["obo_kid"] = json!(thumbprint_of_x("AA")),
    ];
    for rewrite in rewrites {
        let mut b = chain(&home, &["a1"]);
        b.extend(&a1, &a2, rewrite);
        home.verify(&b.text(), &[])
            .rejected("hop 1 failed rule actor: \"act\" does not nest hop 0's actors exactly");
    }

    // iss naming someone other than the previous holder.
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["iss"] = json!("idp"));
    home.verify(&b.text(), &[])
        .rejected("hop 1 failed rule actor: \"iss\" is \"idp\", but hop 0 was held by \"a1\"");
}

#[test]
fn a_changed_principal_is_refused() {
    let home = Home::new();
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["sub"] = json!("bob"));
    home.verify(&b.text(), &[])
        .rejected("hop 1 failed rule principal: principal changed from \"alice\" to \"bob\"");
    for (edit, shown) in [
        (
            (|c: &mut serde_json::Value| c["obo_principal_name"] = json!("Bob")) as fn(&mut _),
            "Bob",
        ),
        (
            |c| {
                c.as_object_mut().unwrap().remove("obo_principal_name");
            },
            "",
        ),
    ] {
        let mut b = chain(&home, &["a1"]);
        b.extend(&a1, &a2, edit);
        home.verify(&b.text(), &[]).rejected(&format!(
            "hop 1 failed rule principal: the principal's display name changed from \"Alice\" to \"{shown}\""
        ));
    }
}

#[test]
fn an_issuer_outside_its_trust_limits_is_refused() {
    let home = Home::new();
    home.run(&[
        "trust",
        "add",
        "idp",
        "--principals",
        "*@example.com",
        "--force",
    ])
    .ok();
    let b = chain(&home, &["a1"]);
    home.verify(&b.text(), &[]).rejected(
        "hop 0 failed rule issuer-limits: issuer \"idp\" is not trusted to speak for principal \"alice\"",
    );
    home.run(&["trust", "add", "idp", "--max-scope", "reports:*", "--force"])
        .ok();
    home.verify(&b.text(), &[]).rejected(
        "hop 0 failed rule issuer-limits: scope budget:q3:write is beyond what issuer \"idp\" may grant",
    );
}

#[test]
fn an_expired_or_not_yet_valid_chain_is_refused() {
    let home = Home::new();
    let (a1, a2) = (home.key("a1"), home.key("a2"));
    let mut b = chain(&home, &["a1"]);
    b.extend(&a1, &a2, |c| c["exp"] = json!(T0 + 1000));
    let at = (T0 + 1000 + 60).to_string();
    home.run(&["verify", &b.text(), "--audience", AUD, "--at", &at])
        .rejected("hop 1 failed rule time: expired at 2027-01-15T08:16:40Z");
    let at = (T0 - 61).to_string();
    home.run(&["verify", &b.text(), "--audience", AUD, "--at", &at])
        .rejected("hop 0 failed rule time: not valid before 2027-01-15T08:00:00Z");
}

#[test]
fn a_proof_for_another_chain_is_refused() {
    let home = Home::new();
    let a2 = home.key("a2");
    let mine = chain(&home, &["a1", "a2"]);
    let mut other = chain(&home, &["a1"]);
    other.claims[0]["jti"] = json!("other-root");
    other.hops[0] = sign(
        &hop_header(&home.key("idp").kid()),
        &other.claims[0],
        &home.key("idp"),
    );
    other.extend(&home.key("a1"), &a2, |_| {});
    let proof = sign_proof(&proof_claims(&other.text(), AUD), &a2);
    home.verify(&other.text(), &["--proof", &proof]).ok();
    let expected =
        "rule proof failed: proof: bound to another chain (\"ath\" does not match this token)";
    home.verify(&mine.text(), &["--proof", &proof])
        .rejected(expected);
    // Bound to a prefix of this very chain.
    let prefix = sign_proof(&proof_claims(&mine.hops[0], AUD), &a2);
    home.verify(&mine.text(), &["--proof", &prefix])
        .rejected(expected);
}

#[test]
fn a_proof_for_another_audience_is_refused() {
    let home = Home::new();
    let b = chain(&home, &["a1", "a2"]);
    let proof = sign_proof(&proof_claims(&b.text(), "api2"), &home.key("a2"));
    home.verify(&b.text(), &["--proof", &proof])
        .rejected("rule proof failed: proof: made for audience \"api2\", not \"api\"");
}

#[test]
fn a_stale_future_or_long_lived_proof_is_refused() {
    let home = Home::new();
    let b = chain(&home, &["a1", "a2"]);
    let a2 = home.key("a2");
    let proof = sign_proof(&proof_claims(&b.text(), AUD), &a2);
    let late = (AT + 120 + 60).to_string();
    home.run(&["verify", &b.text(), "--audience", AUD, "--at", &late, "--proof", &proof])
        .rejected("rule proof failed: proof: stale: expired at 2027-01-15T08:03:40Z; make a fresh one with 'obo present'");
    let mut claims = proof_claims(&b.text(), AUD);
    claims["iat"] = json!(AT + 1000);
    claims["exp"] = json!(AT + 1100);
    home.verify(&b.text(), &["--proof", &sign_proof(&claims, &a2)])
        .rejected("rule proof failed: proof: made in the future, at 2027-01-15T08:18:20Z");
    for (iat, exp) in [
        (AT, AT + 301),
        (AT, AT),
        (AT, AT - 1),
        (AT - 3000, AT + 3000),
    ] {
        let mut claims = proof_claims(&b.text(), AUD);
        claims["iat"] = json!(iat);
        claims["exp"] = json!(exp);
        home.verify(&b.text(), &["--proof", &sign_proof(&claims, &a2)])
            .rejected("rule proof failed: proof: lifetime must be more than 0s and at most 300s");
    }
}

#[test]
fn a_proof_signed_by_an_earlier_actor_is_refused() {
    let home = Home::new();
    let b = three_hops(&home);
    let a3 = home.key("a3");
    for signer in ["idp", "a1", "a2", "eve"] {
        let key = home.key(signer);
        let proof = sign_proof(&proof_claims(&b.text(), AUD), &key);
        home.verify(&b.text(), &["--proof", &proof])
            .rejected(&format!(
                "rule proof failed: proof: signed by key {}, not the last hop's key {}",
                key.kid(),
                a3.kid()
            ));
        let claiming = sign(
            &proof_header(&a3.kid()),
            &proof_claims(&b.text(), AUD),
            &key,
        );
        home.verify(&b.text(), &["--proof", &claiming])
            .rejected("rule proof failed: proof: the signature does not verify");
    }
    // And the binary will not make one for them.
    let token = b.text();
    home.run(&["present", &token, "--as", "a2", "--audience", AUD])
        .fails(
            2,
            &format!(
                "key {} is not the key the last hop binds ({}); only the current holder can present this token",
                home.key("a2").kid(),
                a3.kid()
            ),
        );
}

#[test]
fn a_hop_and_a_proof_cannot_stand_in_for_each_other() {
    let home = Home::new();
    let b = chain(&home, &["a1", "a2"]);
    let a2 = home.key("a2");
    home.verify(&b.text(), &["--proof", &b.hops[1]]).rejected(
        "rule header failed: proof: header \"typ\" is \"obo+jwt\", expected \"obo-pop+jwt\"",
    );
    let proof = sign_proof(&proof_claims(&b.text(), AUD), &a2);
    home.verify(&format!("{}~{proof}", b.text()), &[]).rejected(
        "hop 2 failed rule header: this is a proof of possession, not a token; give the token here and the proof to --proof",
    );
    home.verify(&b.text(), &["--require-proof"]).rejected(
        "rule proof failed: no proof of possession was given and one is required; pass --proof from 'obo present'",
    );
}
