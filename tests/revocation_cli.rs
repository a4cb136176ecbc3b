//! Revocation and replay through the real binary: `obo revoke`,
//! `obo revocations list|export|import`, and `obo verify` with the home's
//! revocations, `--revocations` lists and `--replay-cache`.

mod common;

use assert_cmd::Command;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use predicates::prelude::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A home with an identity system, agents, Alice and Bob, and tokens:
/// `t0` Alice to agent-1; `t1` agent-1 to db-agent; `t2` db-agent to
/// sub-agent; `sibling` agent-1 to other-agent; `bob` Bob to agent-1.
struct World {
    dir: TempDir,
}

impl World {
    fn new() -> World {
        let world = World {
            dir: tempfile::tempdir().unwrap(),
        };
        for key in ["idp", "agent-1", "db-agent", "sub-agent", "other-agent"] {
            world.ok(&["keygen", key]);
        }
        world.ok(&[
            "principal",
            "add",
            "alice",
            "--display-name",
            "Alice",
            "--allow",
            "budget:*",
            "reports:read",
        ]);
        world.ok(&["principal", "add", "bob", "--allow", "reports:read"]);
        world.ok(&["trust", "add", "idp"]);
        world.delegate("alice", "t0");
        world.delegate("bob", "bob");
        world.attenuate("t0", "agent-1", "db-agent", "t1");
        world.attenuate("t1", "db-agent", "sub-agent", "t2");
        world.attenuate("t0", "agent-1", "other-agent", "sibling");
        world
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn obo(&self) -> Command {
        let mut cmd = Command::cargo_bin("obo").unwrap();
        cmd.arg("--home").arg(self.home()).env("NO_COLOR", "1");
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.obo().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    fn delegate(&self, principal: &str, out: &str) {
        self.ok(&[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            principal,
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
            "--audience",
            "budget-api",
            "-o",
            &self.file(out),
        ]);
    }

    fn attenuate(&self, token: &str, holder: &str, agent: &str, out: &str) {
        self.ok(&[
            "attenuate",
            &self.file(token),
            "--as",
            holder,
            "--agent",
            agent,
            "--scope",
            "reports:read",
            "-o",
            &self.file(out),
        ]);
    }

    fn verify(&self, token: &str) -> assert_cmd::assert::Assert {
        self.obo()
            .args(["verify", &self.file(token), "--audience", "budget-api"])
            .assert()
    }

    fn kid(&self, key: &str) -> String {
        let list: Value = serde_json::from_str(&self.ok(&["key", "list", "--json"])).unwrap();
        let entry = list
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["name"] == key)
            .unwrap();
        entry["kid"].as_str().unwrap().to_owned()
    }

    fn jti(&self, token: &str, hop: usize) -> String {
        let text = std::fs::read_to_string(self.file(token)).unwrap();
        let compact = text.trim().split('~').nth(hop).unwrap();
        let payload = URL_SAFE_NO_PAD
            .decode(compact.split('.').nth(1).unwrap())
            .unwrap();
        let claims: Value = serde_json::from_slice(&payload).unwrap();
        claims["jti"].as_str().unwrap().to_owned()
    }
}

fn revoked_at(hop: usize) -> impl Predicate<str> {
    predicate::str::contains(format!("token rejected: hop {hop} failed rule revoked: "))
}

#[test]
fn revoking_a_middle_hop_refuses_every_descendant_and_spares_siblings() {
    let w = World::new();
    let jti = w.jti("t2", 1);
    w.obo()
        .args([
            "revoke",
            &w.file("t2"),
            "--hop",
            "1",
            "--by",
            "secops",
            "--reason",
            "db-agent misbehaved",
        ])
        .assert()
        .success()
        .stdout(format!("{jti}\n"));
    // A descendant made after the revocation is refused too.
    w.attenuate("t1", "db-agent", "other-agent", "later");

    for token in ["t1", "t2", "later"] {
        w.verify(token)
            .code(1)
            .stderr(revoked_at(1))
            .stderr(predicate::str::contains(format!(
                "this hop (jti {jti}) was revoked by secops at "
            )))
            .stderr(predicate::str::ends_with(": db-agent misbehaved\n"));
    }
    for token in ["t0", "sibling", "bob"] {
        w.verify(token).success();
    }
}

#[test]
fn revoke_defaults_to_the_last_hop_and_reports_json() {
    let w = World::new();
    let out = w.ok(&["--json", "revoke", &w.file("t1"), "--by", "secops"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["added"], true);
    assert_eq!(report["revoked"]["kind"], "hop");
    assert_eq!(report["revoked"]["jti"], w.jti("t1", 1).as_str());
    assert_eq!(
        report["revoked"]["label"],
        "hop 1: db-agent (OBO: Alice, via agent-1)"
    );
    w.verify("t0").success();
    w.verify("t1")
        .code(1)
        .stderr(revoked_at(1))
        .stderr(predicate::str::ends_with(": no reason given\n"));

    w.obo()
        .args(["revoke", &w.file("t1")])
        .assert()
        .success()
        .stderr("obo: already revoked; nothing changed\n");
}

#[test]
fn verify_json_names_the_revoked_hop_and_rule() {
    let w = World::new();
    w.ok(&["revoke", &w.file("t2"), "--hop", "0", "--by", "secops"]);
    let out = w
        .obo()
        .args([
            "--json",
            "verify",
            &w.file("t2"),
            "--audience",
            "budget-api",
        ])
        .assert()
        .code(1);
    let report: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["error"]["hop"], 0);
    assert_eq!(report["error"]["rule"], "revoked");
}

#[test]
fn revoking_a_key_refuses_hops_bound_to_it_and_signed_by_it() {
    let w = World::new();
    w.ok(&[
        "revoke",
        "--key",
        "db-agent",
        "--by",
        "secops",
        "--reason",
        "laptop lost",
    ]);
    let db = w.kid("db-agent");
    for token in ["t1", "t2"] {
        w.verify(token)
            .code(1)
            .stderr(revoked_at(1))
            .stderr(predicate::str::contains(format!(
                "the key it binds, {db}, was revoked by secops"
            )));
    }
    w.verify("sibling").success();

    let idp = w.kid("idp");
    w.obo()
        .args(["revoke", "--key", &idp, "--reason", "issuer key leaked"])
        .assert()
        .success()
        .stdout(format!("{idp}\n"));
    w.verify("bob")
        .code(1)
        .stderr(revoked_at(0))
        .stderr(predicate::str::contains(format!(
            "its signing key {idp} was revoked"
        )));
}

#[test]
fn revoking_a_principal_refuses_their_delegations_issued_before_the_cut_off() {
    let w = World::new();
    w.ok(&[
        "revoke",
        "--principal",
        "alice",
        "--before",
        "2020-01-01T00:00:00Z",
    ]);
    w.verify("t2").success();

    w.ok(&[
        "revoke",
        "--principal",
        "alice",
        "--by",
        "hr",
        "--reason",
        "Alice left the company",
    ]);
    for token in ["t0", "t1", "t2", "sibling"] {
        w.verify(token)
            .code(1)
            .stderr(revoked_at(0))
            .stderr(predicate::str::contains(
                "every delegation for principal \"alice\" issued at or before ",
            ))
            .stderr(predicate::str::contains(" was revoked by hr at "))
            .stderr(predicate::str::ends_with(": Alice left the company\n"));
    }
    w.verify("bob").success();

    let list: Value = serde_json::from_str(&w.ok(&["--json", "revocations", "list"])).unwrap();
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries
        .iter()
        .all(|e| e["kind"] == "principal" && e["principal"] == "alice"));
    assert_eq!(entries[1]["label"], "Alice");
}

#[test]
fn revoke_usage_errors_are_one_line_with_exit_2() {
    let w = World::new();
    w.obo()
        .args(["revoke", &w.file("t1"), "--hop", "5"])
        .assert()
        .code(2)
        .stderr("obo: --hop 5 is out of range: the token has 2 hops (0 to 1)\n");
    w.obo()
        .args(["revoke", "--before", "2020-01-01T00:00:00Z", "--key", "idp"])
        .assert()
        .code(2)
        .stderr(
            "obo: the argument '--before <TIME>' cannot be used with '--key <KEY-ID>'; run 'obo revoke --help' for usage\n",
        );
    w.obo()
        .args(["revoke"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "obo: the following required arguments were not provided",
        ));
    w.obo()
        .args(["revoke", "--key", "nosuchkey"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "obo: --key nosuchkey is neither a key id",
        ));
    w.obo()
        .args(["revoke", "--principal", "alice", "--reason", "a\u{1b}[31mb"])
        .assert()
        .code(2)
        .stderr("obo: --reason text contains control characters\n");
    assert!(
        !w.home().join("revocations.jsonl").exists(),
        "nothing was written"
    );
}

#[test]
fn revocations_list_shows_a_table_for_people() {
    let w = World::new();
    w.obo()
        .args(["revocations", "list"])
        .assert()
        .success()
        .stdout("")
        .stderr("obo: no revocations yet; revoke with 'obo revoke'\n");
    w.ok(&[
        "revoke",
        "--principal",
        "alice",
        "--by",
        "secops",
        "--reason",
        "left",
    ]);
    let table = w.ok(&["revocations", "list"]);
    assert!(table
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .eq(["KIND", "REVOKED", "WHAT", "BY", "AT", "REASON"]));
    assert!(
        table.contains("principal")
            && table.contains("alice (issued at or before ")
            && table.contains("secops")
            && table.contains("left")
    );
}

/// A second home that trusts the first home's identity system.
fn other_home(w: &World, name: &str) -> PathBuf {
    let jwk = w.ok(&["key", "export", "idp"]);
    let jwk_path = w.dir.path().join("idp-public.jwk");
    std::fs::write(&jwk_path, jwk).unwrap();
    let home = w.dir.path().join(name);
    let run = |args: &[&str]| {
        Command::cargo_bin("obo")
            .unwrap()
            .arg("--home")
            .arg(&home)
            .args(args)
            .assert()
            .success();
    };
    run(&["trust", "add", jwk_path.to_str().unwrap(), "--name", "idp"]);
    home
}

fn run_in(home: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("obo")
        .unwrap()
        .arg("--home")
        .arg(home)
        .args(args)
        .assert()
}

#[test]
fn a_signed_list_made_on_one_home_is_imported_on_another() {
    let w = World::new();
    w.ok(&[
        "revoke",
        &w.file("t1"),
        "--by",
        "secops",
        "--reason",
        "db-agent misbehaved",
    ]);
    w.ok(&["revoke", "--principal", "bob", "--by", "hr"]);
    let list = w.file("revocations.jws");
    w.obo()
        .args(["revocations", "export", "--signing-key", "idp", "-o", &list])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(format!(
            "obo: wrote 2 revocations signed by key {} (idp) to ",
            w.kid("idp")
        )));

    let service = other_home(&w, "service");
    run_in(
        &service,
        &["verify", &w.file("t2"), "--audience", "budget-api"],
    )
    .success();
    run_in(
        &service,
        &[
            "verify",
            &w.file("t2"),
            "--audience",
            "budget-api",
            "--revocations",
            &list,
        ],
    )
    .code(1)
    .stderr(revoked_at(1))
    .stderr(predicate::str::contains("(list signed by idp at "));

    run_in(&service, &["revocations", "import", &list])
        .success()
        .stderr(predicate::str::starts_with(
            "obo: imported 2 new revocations from ",
        ));
    run_in(
        &service,
        &["verify", &w.file("t2"), "--audience", "budget-api"],
    )
    .code(1)
    .stderr(revoked_at(1))
    .stderr(predicate::str::contains("was revoked by secops at "))
    .stderr(predicate::str::ends_with(": db-agent misbehaved\n"));
    run_in(
        &service,
        &["verify", &w.file("bob"), "--audience", "budget-api"],
    )
    .code(1)
    .stderr(revoked_at(0));
    run_in(
        &service,
        &["verify", &w.file("sibling"), "--audience", "budget-api"],
    )
    .success();
    run_in(&service, &["revocations", "import", &list])
        .success()
        .stderr(
            predicate::str::contains("imported 0 new revocations")
                .and(predicate::str::ends_with("2 were already here\n")),
        );

    let out = run_in(&service, &["--json", "revocations", "list"]).success();
    let entries: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2);
    assert!(entries[0]["source"]
        .as_str()
        .unwrap()
        .starts_with("list signed by idp at "));
}

/// Changes one revoked jti inside a signed list's payload, keeping the signature.
fn tamper(list: &str) -> String {
    let text = std::fs::read_to_string(list).unwrap();
    let parts: Vec<&str> = text.trim().split('.').collect();
    let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let changed = payload.replacen("\"jti\":\"", "\"jti\":\"X", 1);
    assert_ne!(payload, changed);
    format!(
        "{}.{}.{}\n",
        parts[0],
        URL_SAFE_NO_PAD.encode(changed),
        parts[2]
    )
}

#[test]
fn a_tampered_list_is_refused_and_nothing_is_imported() {
    let w = World::new();
    w.ok(&["revoke", &w.file("t1")]);
    let list = w.file("list.jws");
    w.ok(&["revocations", "export", "--signing-key", "idp", "-o", &list]);
    let bad = w.file("tampered.jws");
    std::fs::write(&bad, tamper(&list)).unwrap();

    let service = other_home(&w, "service");
    let refusal = format!(
        "obo: revocation list {bad} refused: the signature does not verify with trusted key {}: the list was changed after it was signed; get a fresh copy from its signer\n",
        w.kid("idp")
    );
    run_in(&service, &["revocations", "import", &bad])
        .code(2)
        .stderr(refusal.clone());
    run_in(
        &service,
        &[
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--revocations",
            &bad,
        ],
    )
    .code(2)
    .stderr(refusal);
    assert!(!service.join("revocations.jsonl").exists());

    std::fs::write(&bad, "not a list\n").unwrap();
    run_in(&service, &["revocations", "import", &bad]).code(2).stderr(format!(
        "obo: revocation list {bad} refused: not a signed revocation list: expected a compact JWS of 3 parts separated by '.'; make one with 'obo revocations export'\n"
    ));
}

#[test]
fn a_list_from_an_untrusted_signer_is_refused() {
    let w = World::new();
    w.ok(&["revoke", &w.file("t1")]);
    let list = w.file("list.jws");
    w.ok(&[
        "revocations",
        "export",
        "--signing-key",
        "agent-1",
        "-o",
        &list,
    ]);
    let refusal = format!(
        "obo: revocation list {list} refused: signed by key {}, which is not a trusted issuer key; trust the signer with 'obo trust add' first, if you mean to\n",
        w.kid("agent-1")
    );
    w.obo()
        .args(["revocations", "import", &list])
        .assert()
        .code(2)
        .stderr(refusal.clone());
    w.obo()
        .args([
            "verify",
            &w.file("t0"),
            "--audience",
            "budget-api",
            "--revocations",
            &list,
        ])
        .assert()
        .code(2)
        .stderr(refusal);
}

#[test]
fn a_list_cannot_revoke_principals_its_signer_may_not_speak_for() {
    let w = World::new();
    w.ok(&["revoke", "--principal", "bob"]);
    let list = w.file("list.jws");
    w.ok(&["revocations", "export", "--signing-key", "idp", "-o", &list]);
    let service = other_home(&w, "service");
    run_in(
        &service,
        &[
            "trust",
            "add",
            &w.dir.path().join("idp-public.jwk").display().to_string(),
            "--force",
            "--name",
            "idp",
            "--principals",
            "alice",
        ],
    )
    .success();
    run_in(&service, &["revocations", "import", &list]).code(2).stderr(format!(
        "obo: revocation list {list} refused: entry 0 revokes principal \"bob\", whom issuer \"idp\" is not trusted to speak for\n"
    ));
}

fn present(w: &World, token: &str, out: &str) -> String {
    let path = w.file(out);
    w.ok(&[
        "present",
        &w.file(token),
        "--as",
        "db-agent",
        "--audience",
        "budget-api",
        "-o",
        &path,
    ]);
    path
}

fn verify_once(w: &World, proof: &str, cache: &str) -> assert_cmd::assert::Assert {
    w.obo()
        .args([
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--proof",
            proof,
            "--replay-cache",
            cache,
        ])
        .assert()
}

#[test]
fn a_replayed_proof_is_refused() {
    let w = World::new();
    let cache = w.file("replay.cache");
    let proof = present(&w, "t1", "p1");
    verify_once(&w, &proof, &cache)
        .success()
        .stdout(predicate::str::ends_with("possession proven\n"));
    verify_once(&w, &proof, &cache).code(1).stderr(
        predicate::str::starts_with("obo: token rejected: rule replay failed: proof ")
            .and(predicate::str::contains(" was already accepted at ")),
    );
    let fresh = present(&w, "t1", "p2");
    verify_once(&w, &fresh, &cache).success();
    // Without the cache nothing is remembered: that is the caller's choice.
    w.obo()
        .args([
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--proof",
            &proof,
        ])
        .assert()
        .success();
}

#[test]
fn a_replay_cache_requires_a_proof() {
    let w = World::new();
    w.obo()
        .args([
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--replay-cache",
            &w.file("c"),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "obo: token rejected: rule proof failed: no proof of possession was given",
        ));
}

#[test]
fn a_rejected_request_does_not_spend_its_proof() {
    let w = World::new();
    let cache = w.file("replay.cache");
    let proof = present(&w, "t1", "p1");
    w.obo()
        .args([
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--proof",
            &proof,
            "--replay-cache",
            &cache,
            "--require",
            "budget:q3:write",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("failed rule required-scope"));
    verify_once(&w, &proof, &cache).success();
}

#[test]
fn concurrent_verifiers_accept_a_proof_exactly_once() {
    let w = World::new();
    let cache = w.file("replay.cache");
    let bin = assert_cmd::cargo::cargo_bin("obo");
    for round in 0..3 {
        let proof = present(&w, "t1", &format!("p{round}"));
        let children: Vec<_> = (0..8)
            .map(|_| {
                std::process::Command::new(&bin)
                    .arg("--home")
                    .arg(w.home())
                    .args([
                        "verify",
                        &w.file("t1"),
                        "--audience",
                        "budget-api",
                        "--proof",
                        &proof,
                        "--replay-cache",
                        &cache,
                    ])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let accepted = outputs
            .iter()
            .filter(|o| o.status.code() == Some(0))
            .count();
        assert_eq!(
            accepted, 1,
            "round {round}: exactly one verifier accepts the proof"
        );
        for o in outputs.iter().filter(|o| o.status.code() != Some(0)) {
            assert_eq!(o.status.code(), Some(1));
            assert!(String::from_utf8_lossy(&o.stderr).contains("rule replay failed"));
        }
    }
    let lines = std::fs::read_to_string(&cache).unwrap().lines().count();
    assert_eq!(lines, 3, "one line per accepted proof");
}

#[test]
fn a_damaged_home_revocation_file_fails_closed() {
    let w = World::new();
    std::fs::write(w.home().join("revocations.jsonl"), "{\"kind\":\"hop\"}\n").unwrap();
    w.verify("t1").code(2).stderr(
        predicate::str::starts_with(format!(
            "obo: {} is damaged (line 1: ",
            w.home().join("revocations.jsonl").display()
        ))
        .and(predicate::str::ends_with("); restore it from a backup\n")),
    );
}

#[test]
fn the_demo_shows_a_replay_and_a_revocation_refused() {
    Command::cargo_bin("obo")
        .unwrap()
        .args(["demo", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("$ obo revoke --principal alice --by secops --reason 'Alice left the company'"))
        .stderr(predicate::str::contains("token rejected: rule replay failed: proof "))
        .stderr(predicate::str::contains(
            "token rejected: hop 0 failed rule revoked: every delegation for principal \"alice\" issued at or before ",
        ))
        .stderr(predicate::str::contains("was revoked by secops at "));
}

/// A two-hop chain (Alice, Agent 1, the DB agent) whose hops were issued
/// 1000 s ago, so it verifies `--at` any time since.
fn issued_long_ago(env: &common::Env) -> String {
    let back = |c: &mut Value| {
        let then = common::now() - 1000;
        c["iat"] = json!(then);
        c["nbf"] = json!(then);
    };
    let chain = env.two_hops();
    let chain = env.mutate(&chain, 0, back);
    env.mutate(&chain, 1, back)
}

/// A proof for `chain` by the DB agent, made `iat` and expiring `exp`
/// seconds from now.
fn proof_at(env: &common::Env, chain: &str, jti: &str, iat: i64, exp: i64) -> String {
    let now = common::now();
    let claims = json!({ "aud": common::AUD, "iat": now + iat, "exp": now + exp, "jti": jti, "ath": common::hash(chain) });
    common::proof(&env.secret("db-agent"), &claims)
}

fn at(offset: i64) -> String {
    common::rfc3339(common::now() + offset)
}

/// Regression: with `--at` before a proof's `exp` and no leeway, the id was
/// stored already expired on the real clock and pruned at once, so the
/// same proof was accepted on every call.
#[test]
fn a_proof_spent_with_at_is_not_accepted_again() {
    let env = common::Env::flow();
    let chain = issued_long_ago(&env);
    let proof = proof_at(&env, &chain, "spent-with-at", -250, -10);
    let cache = env.path("replay.cache").display().to_string();
    let args = [
        "--audience",
        common::AUD,
        "--proof",
        &proof,
        "--replay-cache",
        &cache,
        "--at",
        &at(-100),
        "--leeway",
        "0s",
    ];
    env.accepts(&chain, &args);
    let msg = env.rejects(&chain, &args, None, "replay");
    assert!(
        msg.contains("proof spent-with-at was already accepted at "),
        "{msg}"
    );
}

/// Regression: ids were kept until `exp` plus the accepting verifier's
/// leeway, so a verifier with a larger leeway sharing the cache accepted
/// the proof again once the first one's entry was pruned.
#[test]
fn a_verifier_with_a_larger_leeway_cannot_accept_a_proof_another_spent() {
    let env = common::Env::flow();
    let chain = issued_long_ago(&env);
    let proof = proof_at(&env, &chain, "larger-leeway", -250, -10);
    let cache = env.path("replay.cache").display().to_string();
    let shared = [
        "--audience",
        common::AUD,
        "--proof",
        &proof,
        "--replay-cache",
        &cache,
    ];
    let when = at(-100);
    let strict = [&shared[..], &["--at", &when, "--leeway", "0s"]].concat();
    env.accepts(&chain, &strict);
    let lenient = [&shared[..], &["--leeway", "5m"]].concat();
    env.rejects(&chain, &lenient, None, "replay");
}

/// A verifier with `--at` could accept an old proof at any time, long after
/// its id left the cache; so a cache spends only proofs current on the
/// real clock (within the largest leeway), whatever `--at` says.
#[test]
fn a_proof_dead_on_the_real_clock_cannot_be_spent_through_at() {
    let env = common::Env::flow();
    let chain = issued_long_ago(&env);
    let cache = env.path("replay.cache").display().to_string();
    let stale = proof_at(&env, &chain, "stale", -700, -400);
    let when = at(-500);
    let args = ["--audience", common::AUD, "--proof", &stale, "--at", &when];
    env.accepts(&chain, &args);
    let with_cache = [&args[..], &["--replay-cache", &cache]].concat();
    let msg = env.rejects(&chain, &with_cache, None, "proof");
    assert!(
        msg.contains("proof: stale on the real clock: expired at "),
        "{msg}"
    );
    let ahead = proof_at(&env, &chain, "ahead", 1000, 1200);
    let when = at(1100);
    let args = ["--audience", common::AUD, "--proof", &ahead, "--at", &when];
    env.accepts(&chain, &args);
    let with_cache = [&args[..], &["--replay-cache", &cache]].concat();
    let msg = env.rejects(&chain, &with_cache, None, "proof");
    assert!(
        msg.contains("proof: made in the future on the real clock, at "),
        "{msg}"
    );
    assert!(!env.path("replay.cache").exists(), "nothing was spent");
}

/// `n` cache lines of about 45 bytes, each kept until `until`.
fn cache_lines(n: usize, until: i64) -> String {
    (0..n)
        .map(|i| format!("{{\"jti\":\"filler-{i:08}\",\"seen\":1,\"until\":{until}}}\n"))
        .collect()
}

const OVER_16_MIB: usize = 400_000;

/// Regression: a cache file over the 16 MiB read cap made every verify fail
/// for good, even when every id in it had expired.
#[test]
fn a_replay_cache_over_16_mib_of_expired_ids_is_pruned_not_fatal() {
    let w = World::new();
    let cache = w.file("replay.cache");
    let text = cache_lines(OVER_16_MIB, 1);
    assert!(text.len() > 16 << 20);
    std::fs::write(&cache, text).unwrap();
    let proof = present(&w, "t1", "p1");
    verify_once(&w, &proof, &cache).success();
    let kept = std::fs::read_to_string(&cache).unwrap();
    assert_eq!(kept.lines().count(), 1, "expired ids were pruned on write");
    verify_once(&w, &proof, &cache).code(1);
}

/// Ids still alive are never dropped to make room (their proofs could be
/// replayed); the error says when room frees up and what else to do.
#[test]
fn a_replay_cache_full_of_live_ids_says_what_to_do_and_keeps_them() {
    let w = World::new();
    let cache = w.file("replay.cache");
    let until = common::now() + 3600;
    let text = cache_lines(OVER_16_MIB, until);
    std::fs::write(&cache, &text).unwrap();
    let proof = present(&w, "t1", "p1");
    verify_once(&w, &proof, &cache).code(2).stderr(format!(
        "obo: replay cache {cache} is full: the ids of proofs still alive take more than its 16 MiB; room frees up from {} as they expire, so retry then, or give the verifiers of each audience a cache of their own\n",
        common::rfc3339(until + 1)
    ));
    assert!(
        std::fs::read_to_string(&cache).unwrap() == text,
        "nothing was discarded"
    );
}

/// Removing a damaged cache at once would let the proofs it remembers be
/// replayed; the error says how to set it aside safely.
#[test]
fn a_damaged_replay_cache_says_how_to_set_it_aside_safely() {
    let w = World::new();
    let cache = w.file("replay.cache");
    std::fs::write(&cache, "{\"jti\":\"a\"}\n").unwrap();
    let proof = present(&w, "t1", "p1");
    verify_once(&w, &proof, &cache).code(2).stderr(
        predicate::str::starts_with(format!("obo: replay cache {cache} is damaged (line 1: ")).and(
            predicate::str::ends_with(
                "); stop the verifiers that use it, wait 15 minutes (the longest an id must be kept), then move it aside\n",
            ),
        ),
    );
}

/// Regression: the replay cache and its lock followed symbolic links and
/// created their targets.
#[test]
fn a_symlinked_replay_cache_or_lock_is_refused_and_nothing_is_created() {
    let w = World::new();
    let proof = present(&w, "t1", "p1");
    let target = w.file("elsewhere");
    for (cache, link, what, advice) in [
        ("c1", "c1", "replay cache", "name the real file instead"),
        ("c2", "c2.lock", "replay cache lock", "remove the link"),
    ] {
        std::os::unix::fs::symlink(&target, w.file(link)).unwrap();
        verify_once(&w, &proof, &w.file(cache))
            .code(2)
            .stderr(format!(
                "obo: {what} {} is a symbolic link, which obo will not write through; {advice}\n",
                w.file(link)
            ));
        assert!(!Path::new(&target).exists());
    }
    verify_once(&w, &proof, &w.file("c3")).success();
}

/// A second attack pass found that a signer trusted for some principals
/// could revoke any hop or key, the main issuer's key among them.
#[test]
fn a_signer_limited_to_some_principals_cannot_revoke_hops_or_keys() {
    let w = World::new();
    w.ok(&["revoke", "--key", &w.kid("agent-1")]);
    let list = w.file("keys.jws");
    w.ok(&["revocations", "export", "--signing-key", "idp", "-o", &list]);
    let service = other_home(&w, "service");
    let jwk = w.dir.path().join("idp-public.jwk").display().to_string();
    run_in(
        &service,
        &[
            "trust",
            "add",
            &jwk,
            "--force",
            "--name",
            "idp",
            "--principals",
            "bob",
        ],
    )
    .success();
    run_in(&service, &["revocations", "import", &list]).code(2).stderr(format!(
        "obo: revocation list {list} refused: entry 0 revokes a key, which only an issuer trusted for every principal may do; issuer \"idp\" is limited to bob\n"
    ));
    run_in(
        &service,
        &[
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--revocations",
            &list,
        ],
    )
    .code(2)
    .stderr(predicate::str::contains(
        "only an issuer trusted for every principal",
    ));
}

/// The same pass found that a list signed by a revoked key was still taken.
#[test]
fn a_list_signed_by_a_revoked_key_is_refused() {
    let w = World::new();
    w.ok(&["revoke", "--principal", "bob"]);
    let list = w.file("bob.jws");
    w.ok(&["revocations", "export", "--signing-key", "idp", "-o", &list]);
    let service = other_home(&w, "service");
    let idp = w.kid("idp");
    run_in(
        &service,
        &["revoke", "--key", &idp, "--reason", "issuer key stolen"],
    )
    .success();
    run_in(&service, &["revocations", "import", &list])
        .code(2)
        .stderr(predicate::str::contains(
            "refused: its signer's key is itself revoked here",
        ));
}

/// A FIFO where the replay cache belongs used to hang verify for ever.
#[test]
fn a_fifo_replay_cache_is_refused_instead_of_hanging() {
    let w = World::new();
    let proof = present(&w, "t1", "p-fifo");
    let fifo = w.file("cache.fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    w.obo()
        .args([
            "verify",
            &w.file("t1"),
            "--audience",
            "budget-api",
            "--proof",
            &proof,
        ])
        .args(["--replay-cache", &fifo])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(format!(
            "obo: replay cache {fifo} is not a regular file; give the path of a file\n"
        ));
}

/// revoke printed the revoked identifier raw; a bidi override in a user ID
/// reached the terminal.
#[test]
fn revoke_prints_the_revoked_identifier_escaped() {
    let w = World::new();
    let out = w.ok(&["revoke", "--principal", "al\u{202e}ice"]);
    assert_eq!(out, "al\\u{202e}ice\n");
}
