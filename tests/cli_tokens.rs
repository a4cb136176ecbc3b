//! `obo delegate`, `attenuate`, `present`, `inspect`, `verify` and `demo`,
//! through the binary: what they make, what they refuse, what they print.

mod common;

use common::{bare, claims, hash, int, line, mode, rfc3339, split, Env, AUD};
use serde_json::{json, Value};

const WIDEN: &str = "attenuation may only narrow";

fn delegate_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "delegate",
        "--issuer",
        "idp",
        "--principal",
        "alice",
        "--agent",
        "agent-1",
        "--audience",
        AUD,
    ];
    args.extend_from_slice(extra);
    args
}

// ---- delegate ----

#[test]
fn delegate_prints_the_token_alone_on_one_line() {
    let env = Env::flow();
    let out = env.ok(&delegate_args(&["--scope", "reports:read"]));
    let token = line(&out);
    assert_eq!(token.split('.').count(), 3, "one compact JWS: {token}");
    assert!(!token.contains('~') && !token.contains(' '));
}

#[test]
fn delegate_makes_hop_0_binding_the_agent_key_to_the_principal() {
    let env = Env::flow();
    let token = env.delegate(&["--task", "Update the Q3 budget"]);
    let hop = &split(&token)[0];
    assert_eq!(
        hop.header,
        json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": env.kid("idp") })
    );
    let c = &hop.claims;
    assert_eq!(c["iss"], "idp");
    assert_eq!(c["sub"], "alice");
    assert_eq!(c["obo_principal_name"], "Alice");
    assert_eq!(
        c["act"],
        json!({ "sub": "agent-1", "name": "Agent 1", "obo_kid": env.kid("agent-1") })
    );
    assert_eq!(c["cnf"]["jwk"]["x"], env.key_jwk("agent-1")["x"]);
    assert_eq!(c["scope"], "budget:q3:write reports:read");
    assert_eq!(c["aud"], json!([AUD]));
    assert_eq!(int(c, "exp") - int(c, "iat"), 3600, "default lifetime 1h");
    assert_eq!(int(c, "nbf"), int(c, "iat"));
    assert_eq!(c["obo_depth"], 3);
    assert_eq!(c["obo_task"], "Update the Q3 budget");
    assert!(c.get("obo_prev").is_none());
}

#[test]
fn delegate_honours_ttl_depth_and_agent_id() {
    let env = Env::flow();
    let token = env.delegate(&[
        "--ttl",
        "15m",
        "--max-depth",
        "1",
        "--agent-id",
        "agent-1@corp",
    ]);
    let c = claims(&token, 0);
    assert_eq!(int(&c, "exp") - int(&c, "iat"), 900);
    assert_eq!(c["obo_depth"], 1);
    assert_eq!(c["act"]["sub"], "agent-1@corp");
}

#[test]
fn delegate_accepts_the_agent_as_a_public_jwk_file() {
    let env = Env::flow();
    let agent = Env::new();
    agent.ok(&["keygen", "remote-agent"]);
    let file = env.write(
        "remote-agent.jwk",
        &agent.ok(&["key", "export", "remote-agent"]),
    );
    let token = line(&env.ok(&[
        "delegate",
        "--issuer",
        "idp",
        "--principal",
        "alice",
        "--agent",
        &file,
        "--scope",
        "reports:read",
        "--audience",
        AUD,
    ]));
    let c = claims(&token, 0);
    assert_eq!(c["act"]["sub"], "remote-agent");
    assert_eq!(c["act"]["obo_kid"], agent.kid("remote-agent").as_str());
}

#[test]
fn delegate_refuses_an_unknown_principal() {
    let env = Env::flow();
    let mut args = delegate_args(&["--scope", "reports:read"]);
    args[4] = "bob";
    let msg = env.fails(&args, 2);
    assert_eq!(
        msg,
        "no principal \"bob\" on record; add them with 'obo principal add bob --allow SCOPE...'"
    );
}

#[test]
fn delegate_refuses_a_scope_outside_the_approved_scope() {
    let env = Env::flow();
    let msg = env.fails(&delegate_args(&["--scope", "reports:read", "hr:read"]), 2);
    assert!(
        msg.starts_with(
            "scope hr:read is outside \"alice\"'s approved scope (budget:* reports:read)"
        ),
        "{msg}"
    );
    // A wildcard never reaches up to its base.
    let msg = env.fails(&delegate_args(&["--scope", "budget"]), 2);
    assert!(msg.starts_with("scope budget is outside"), "{msg}");
}

#[test]
fn delegate_output_file_is_0600_and_stdout_stays_empty() {
    let env = Env::flow();
    let path = env.path("t0.token");
    let p = path.display().to_string();
    let out = env
        .cmd()
        .args(delegate_args(&["--scope", "reports:read", "-o", &p]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("obo: wrote token to {p}\n")
    );
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    let token = line(&text);
    // TOKEN arguments take a file, too.
    env.accepts(&p, &["--audience", AUD]);
    env.accepts(&token, &["--audience", AUD]);
}

#[test]
fn delegate_with_an_unknown_issuer_key_is_an_input_error() {
    let env = Env::flow();
    let mut args = delegate_args(&["--scope", "reports:read"]);
    args[2] = "nokey";
    let msg = env.fails(&args, 2);
    assert!(msg.starts_with("no key named \"nokey\""), "{msg}");
}

// ---- attenuate ----

#[test]
fn attenuate_adds_a_hop_signed_by_the_holder_and_linked_to_its_parent() {
    let env = Env::flow();
    let t0 = env.delegate(&["--task", "Q3"]);
    let t1 = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    assert!(t1.starts_with(&format!("{t0}~")));
    let hops = split(&t1);
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[1].header["kid"], env.kid("agent-1").as_str());
    let (p, c) = (&hops[0].claims, &hops[1].claims);
    assert_eq!(c["iss"], "agent-1");
    assert_eq!(c["sub"], "alice");
    assert_eq!(c["obo_prev"], hash(&t0).as_str());
    assert_eq!(c["act"]["sub"], "db-agent");
    assert_eq!(c["act"]["act"], p["act"], "the earlier actor nests inside");
    assert_eq!(c["scope"], "reports:read");
}

#[test]
fn attenuate_defaults_inherit_audience_expiry_and_task_and_lower_depth() {
    let env = Env::flow();
    let t0 = env.delegate(&["--audience", "reports-api", "--task", "Q3"]);
    let t1 = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    let (p, c) = (claims(&t1, 0), claims(&t1, 1));
    assert_eq!(c["aud"], json!([AUD, "reports-api"]));
    assert_eq!(c["aud"], p["aud"]);
    assert_eq!(c["exp"], p["exp"]);
    assert_eq!(c["obo_task"], "Q3");
    assert_eq!(int(&c, "obo_depth"), int(&p, "obo_depth") - 1);
}

#[test]
fn attenuate_narrows_when_asked() {
    let env = Env::flow();
    let t0 = env.delegate(&["--audience", "reports-api"]);
    let t1 = env.attenuate(
        &t0,
        "agent-1",
        "db-agent",
        &[
            "--scope",
            "reports:read",
            "--audience",
            "reports-api",
            "--ttl",
            "10m",
            "--max-depth",
            "0",
        ],
    );
    let c = claims(&t1, 1);
    assert_eq!(c["aud"], json!(["reports-api"]));
    assert_eq!(int(&c, "exp") - int(&c, "iat"), 600);
    assert_eq!(c["obo_depth"], 0);
}

#[test]
fn attenuate_refuses_a_key_that_is_not_the_last_hops() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let msg = env.fails(
        &[
            "attenuate",
            &t0,
            "--as",
            "db-agent",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
        ],
        2,
    );
    assert_eq!(
        msg,
        format!(
            "key {} is not the key the last hop binds ({}); only the current holder can attenuate this token",
            env.kid("db-agent"),
            env.kid("agent-1")
        )
    );
}

#[test]
fn attenuate_refuses_a_wider_scope() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let msg = env.fails(
        &[
            "attenuate",
            &t0,
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "budget:*",
        ],
        2,
    );
    assert!(
        msg.starts_with("scope budget:* would widen the token"),
        "{msg}"
    );
    assert!(msg.ends_with(WIDEN), "{msg}");
}

#[test]
fn attenuate_refuses_a_wider_audience() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let msg = env.fails(
        &[
            "attenuate",
            &t0,
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
            "--audience",
            AUD,
            "hr-api",
        ],
        2,
    );
    assert_eq!(
        msg,
        "audience \"hr-api\" would widen the token: the last hop is for budget-api"
    );
}

#[test]
fn attenuate_refuses_a_longer_lifetime() {
    let env = Env::flow();
    let t0 = env.delegate(&["--ttl", "1h"]);
    let msg = env.fails(
        &[
            "attenuate",
            &t0,
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
            "--ttl",
            "2h",
        ],
        2,
    );
    let exp = rfc3339(int(&claims(&t0, 0), "exp"));
    assert_eq!(
        msg,
        format!("--ttl would outlive the token, which expires at {exp}; give a shorter --ttl")
    );
}

#[test]
fn attenuate_refuses_a_depth_that_does_not_decrease() {
    let env = Env::flow();
    let t0 = env.delegate(&["--max-depth", "2"]);
    let msg = env.fails(
        &[
            "attenuate",
            &t0,
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
            "--max-depth",
            "2",
        ],
        2,
    );
    assert_eq!(
        msg,
        "--max-depth 2 would widen the token: it must be below the last hop's 2"
    );
}

#[test]
fn attenuate_refuses_when_the_depth_is_used_up() {
    let env = Env::flow();
    let t0 = env.delegate(&["--max-depth", "1"]);
    let t1 = env.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"]);
    let msg = env.fails(
        &[
            "attenuate",
            &t1,
            "--as",
            "db-agent",
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
        ],
        2,
    );
    assert_eq!(
        msg,
        "the delegation depth is used up: the last hop allows no further hops"
    );
}

#[test]
fn attenuate_refuses_a_chain_that_breaks_the_rules() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let bad = env.mutate(&t1, 1, |c| c["scope"] = json!("budget:*"));
    let msg = env.fails(
        &[
            "attenuate",
            &bad,
            "--as",
            "db-agent",
            "--agent",
            "agent-1",
            "--scope",
            "budget:q4",
        ],
        1,
    );
    assert!(msg.starts_with("hop 1 failed rule scope-narrows"), "{msg}");
}

#[test]
fn attenuate_refuses_an_expired_token() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let old = env.mutate(&t0, 0, |c| {
        c["nbf"] = json!(1_000_000);
        c["exp"] = json!(1_000_600);
    });
    let msg = env.fails(
        &[
            "attenuate",
            &old,
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
        ],
        1,
    );
    assert_eq!(
        msg,
        "hop 0 failed rule time: the token has expired; ask for a new one"
    );
}

// ---- present ----

#[test]
fn present_refuses_an_expired_token() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let old = env.mutate(&t0, 0, |c| {
        c["nbf"] = json!(1_000_000);
        c["exp"] = json!(1_000_600);
    });
    let msg = env.fails(
        &[
            "present",
            &old,
            "--as",
            "agent-1",
            "--audience",
            "budget-api",
        ],
        1,
    );
    assert_eq!(
        msg,
        "hop 0 failed rule time: expired at 1970-01-12T13:56:40Z; ask for a new token"
    );
}

#[test]
fn present_makes_a_short_lived_proof_bound_to_the_chain() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let proof = line(&env.ok(&[
        "present",
        &t1,
        "--as",
        "db-agent",
        "--audience",
        AUD,
        "--action",
        "read Q3",
    ]));
    let parts = split(&proof);
    assert_eq!(
        parts[0].header,
        json!({ "alg": "EdDSA", "typ": "obo-pop+jwt", "kid": env.kid("db-agent") })
    );
    let c = &parts[0].claims;
    assert_eq!(c["aud"], AUD);
    assert_eq!(c["ath"], hash(&t1).as_str());
    assert_eq!(c["obo_action"], "read Q3");
    assert_eq!(
        int(c, "exp") - int(c, "iat"),
        300,
        "five minutes by default"
    );
    assert!(c["jti"].as_str().is_some_and(|j| !j.is_empty()));
    let again = env.present(&t1, "db-agent", AUD);
    assert_ne!(claims(&again, 0)["jti"], c["jti"], "every proof is unique");
}

#[test]
fn present_refuses_a_key_that_is_not_the_last_hops() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let msg = env.fails(&["present", &t1, "--as", "agent-1", "--audience", AUD], 2);
    assert!(
        msg.ends_with("only the current holder can present this token"),
        "{msg}"
    );
}

#[test]
fn present_refuses_an_audience_the_token_does_not_name() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let msg = env.fails(
        &["present", &t1, "--as", "db-agent", "--audience", "hr-api"],
        2,
    );
    assert_eq!(
        msg,
        "audience \"hr-api\" is not one the token names (budget-api); present it to one of those"
    );
}

#[test]
fn present_refuses_a_lifetime_over_five_minutes() {
    let env = Env::flow();
    let t1 = env.two_hops();
    for ttl in ["6m", "301s", "0s"] {
        let msg = env.fails(
            &[
                "present",
                &t1,
                "--as",
                "db-agent",
                "--audience",
                AUD,
                "--ttl",
                ttl,
            ],
            2,
        );
        assert_eq!(
            msg,
            "a proof lives more than 0s and at most 300s; give a shorter --ttl"
        );
    }
    env.ok(&[
        "present",
        &t1,
        "--as",
        "db-agent",
        "--audience",
        AUD,
        "--ttl",
        "5m",
    ]);
}

#[test]
fn present_output_file_is_0600() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let path = env.path("p.proof");
    let p = path.display().to_string();
    let out = env.ok(&[
        "present",
        &t1,
        "--as",
        "db-agent",
        "--audience",
        AUD,
        "-o",
        &p,
    ]);
    assert!(out.is_empty());
    assert_eq!(mode(&path), 0o600);
    let line = env.accepts(&t1, &["--audience", AUD, "--proof", &p]);
    assert!(line.ends_with("; possession proven"), "{line}");
}

// ---- inspect ----

#[test]
fn inspect_works_with_no_home_at_all() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let empty = Env::new();
    let fake_user_home = empty.path("user");
    let out = bare()
        .env("HOME", &fake_user_home)
        .env_remove("XDG_DATA_HOME")
        .args(["inspect", &t1])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("claims to be: DB Agent (OBO: Alice, via Agent 1)"),
        "{stdout}"
    );
    assert!(stdout.contains(&env.kid("idp")) && stdout.contains(&env.kid("agent-1")));
    assert!(!fake_user_home.exists(), "inspect created a home");
}

#[test]
fn inspect_says_plainly_that_nothing_was_verified() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let out = env.run(&["inspect", &t1]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "obo: nothing was verified: signatures, trust, links and times are unchecked; use 'obo verify' to check them\n"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "HOP",
        "signed by",
        "reports:read",
        "budget:q3:write",
        AUD,
        "Alice [alice]",
    ] {
        assert!(stdout.contains(needle), "{needle} missing from {stdout}");
    }
}

#[test]
fn inspect_json_marks_itself_unverified() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let out = env.ok(&["--json", "inspect", &t1]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verified"], false);
    assert_eq!(
        v["claimed_attribution"],
        "DB Agent (OBO: Alice, via Agent 1)"
    );
    assert_eq!(v["hops"].as_array().unwrap().len(), 2);
    assert_eq!(v["hops"][1]["signer_kid"], env.kid("agent-1").as_str());
    assert_eq!(v["hops"][1]["scopes"], json!(["reports:read"]));
}

#[test]
fn inspect_decodes_a_token_that_would_not_verify() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let forged = env.mutate(&t1, 1, |c| c["scope"] = json!("budget:*"));
    let v: Value = serde_json::from_str(&env.ok(&["--json", "inspect", &forged])).unwrap();
    assert_eq!(v["verified"], false);
    assert_eq!(v["hops"][1]["scopes"], json!(["budget:*"]));
}

// ---- verify ----

#[test]
fn verify_prints_one_attribution_line() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let exp = rfc3339(int(&claims(&t1, 1), "exp"));
    let line = env.accepts(&t1, &["--audience", AUD]);
    assert_eq!(
        line,
        format!("DB Agent (OBO: Alice, via Agent 1) may reports:read at budget-api until {exp}; possession not checked")
    );
}

#[test]
fn verify_with_a_proof_says_possession_proven() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let proof = env.present(&t1, "db-agent", AUD);
    let exp = rfc3339(int(&claims(&t1, 1), "exp"));
    let line = env.accepts(
        &t1,
        &[
            "--audience",
            AUD,
            "--proof",
            &proof,
            "--require",
            "reports:read",
        ],
    );
    assert_eq!(
        line,
        format!("DB Agent (OBO: Alice, via Agent 1) may reports:read at budget-api until {exp}; possession proven")
    );
}

#[test]
fn verify_line_names_the_required_scopes_when_given() {
    let env = Env::flow();
    let t0 = env.delegate(&[]);
    let line = env.accepts(&t0, &["--audience", AUD, "--require", "reports:read"]);
    assert!(
        line.starts_with("Agent 1 (OBO: Alice) may reports:read at budget-api until "),
        "{line}"
    );
    let line = env.accepts(&t0, &["--audience", AUD]);
    assert!(
        line.starts_with("Agent 1 (OBO: Alice) may budget:q3:write reports:read at"),
        "{line}"
    );
}

#[test]
fn verify_json_reports_the_whole_chain() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let proof = env.present(&t1, "db-agent", AUD);
    let out = env.ok(&[
        "--json",
        "verify",
        &t1,
        "--audience",
        AUD,
        "--proof",
        &proof,
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["error"], Value::Null);
    assert_eq!(v["attribution"], "DB Agent (OBO: Alice, via Agent 1)");
    assert!(v["line"].as_str().unwrap().ends_with("; possession proven"));
    assert_eq!(v["principal"], json!({ "id": "alice", "name": "Alice" }));
    assert_eq!(v["issuer"], json!({ "name": "idp", "kid": env.kid("idp") }));
    assert_eq!(v["actors"][0]["id"], "agent-1");
    assert_eq!(v["actors"][1]["kid"], env.kid("db-agent").as_str());
    assert_eq!(v["possession"]["status"], "proven");
    assert_eq!(v["possession"]["jti"], claims(&proof, 0)["jti"]);
    assert_eq!(v["scopes"], json!(["reports:read"]));
    assert_eq!(v["hops"].as_array().unwrap().len(), 2);
}

#[test]
fn verify_json_on_rejection_names_hop_and_rule() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let out = env.run(&["--json", "verify", &t1, "--audience", "hr-api"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["hop"], 1);
    assert_eq!(v["error"]["rule"], "audience");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("obo: token rejected: hop 1 failed rule audience"));
}

fn verify_with_trust_file_and_no_home(format: &str) {
    let env = Env::flow();
    let t1 = env.two_hops();
    let export = env.ok(&["key", "export", "idp", "--format", format]);
    let file = env.write(&format!("idp.{format}"), &export);
    let nowhere = env.path("no-home");
    let out = bare()
        .arg("--home")
        .arg(&nowhere)
        .args(["verify", &t1, "--audience", AUD, "--trust", &file])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("DB Agent (OBO: Alice, via Agent 1) may reports:read"));
    assert!(!nowhere.exists(), "verify created a home");
}

#[test]
fn verify_with_no_home_trusts_a_jwk_file_from_key_export() {
    verify_with_trust_file_and_no_home("jwk");
}

#[test]
fn verify_with_no_home_trusts_a_jwks_file_from_key_export() {
    verify_with_trust_file_and_no_home("jwks");
}

#[test]
fn verify_with_no_home_and_no_trust_rejects_the_issuer() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let msg = common::fails_with(
        bare()
            .arg("--home")
            .arg(env.path("no-home"))
            .args(["verify", &t1, "--audience", AUD]),
        1,
    );
    assert_eq!(
        msg,
        format!("token rejected: hop 0 failed rule trusted-issuer: signed by key {}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE", env.kid("idp"))
    );
}

#[test]
fn verify_reads_the_token_from_stdin() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let out = env
        .cmd()
        .args(["verify", "-", "--audience", AUD])
        .write_stdin(format!("{t1}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("DB Agent (OBO: Alice"));
}

#[test]
fn obo_home_environment_variable_selects_the_home() {
    let env = Env::flow();
    let t1 = env.two_hops();
    let out = bare()
        .env("OBO_HOME", &env.home)
        .args(["verify", &t1, "--audience", AUD])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- demo ----

#[test]
fn demo_runs_the_whole_flow_and_shows_the_refused_escalation() {
    let env = Env::new();
    let out = env.run(&["demo"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("DB Agent (OBO: Alice, via Agent 1) may reports:read at budget-api until "),
        "{stdout}"
    );
    assert!(stdout.contains("; possession proven"), "{stdout}");
    assert!(
        stdout.contains("obo: scope budget:q3:write would widen the token"),
        "{stdout}"
    );
    assert!(
        stdout.contains("only the current holder can present this token"),
        "{stdout}"
    );
    assert!(!env.home.exists(), "demo touched the user's home");
}

/// Regression: attenuate printed chains over the 64 KiB limit (exit 0)
/// that verify, inspect and attenuate then refused to read.
#[test]
fn attenuate_refuses_to_make_a_token_over_the_size_limit() {
    let env = Env::flow();
    let name = "N".repeat(200);
    let task = "t".repeat(1000);
    let id = |i: usize| format!("agent-{i}-{}", "d".repeat(240));
    env.ok(&["keygen", "a0", "--display-name", &name]);
    let mut token = line(&env.ok(&[
        "delegate",
        "--issuer",
        "idp",
        "--principal",
        "alice",
        "--agent",
        "a0",
        "--scope",
        "reports:read",
        "--audience",
        AUD,
        "--max-depth",
        "31",
        "--task",
        &task,
        "--agent-id",
        &id(0),
    ]));
    for i in 1..31 {
        let agent = format!("a{i}");
        let holder = format!("a{}", i - 1);
        env.ok(&["keygen", &agent, "--display-name", &name]);
        let out = env.run(&[
            "attenuate",
            &token,
            "--as",
            &holder,
            "--agent",
            &agent,
            "--scope",
            "reports:read",
            "--agent-id",
            &id(i),
        ]);
        if out.status.code() == Some(0) {
            token = line(&String::from_utf8(out.stdout).unwrap());
            assert!(
                token.len() <= 64 * 1024,
                "hop {i} made {} bytes",
                token.len()
            );
            continue;
        }
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("over the limit of 65536 that verifiers accept"),
            "{stderr}"
        );
        env.accepts(&token, &["--audience", AUD]);
        return;
    }
    panic!("30 hops of long names never reached the size limit");
}
