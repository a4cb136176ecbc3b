//! `obo principal add|list|remove` and `obo trust add|list|remove`, through
//! the binary.

mod common;

use common::{line, Env, AUD};
use serde_json::{json, Value};

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON on stdout")
}

#[test]
fn principal_add_then_list_shows_the_record() {
    let env = Env::new();
    env.ok(&[
        "principal",
        "add",
        "alice",
        "--display-name",
        "Alice",
        "--allow",
        "reports:read",
        "budget:*",
    ]);
    let list = json_of(&env.ok(&["--json", "principal", "list"]));
    assert_eq!(
        list,
        json!([{ "id": "alice", "display_name": "Alice", "allow": ["budget:*", "reports:read"] }])
    );
    let table = env.ok(&["principal", "list"]);
    assert!(
        table.contains("alice") && table.contains("Alice"),
        "{table}"
    );
    assert!(table.contains("budget:* reports:read"), "{table}");
}

#[test]
fn principal_add_json_prints_the_record() {
    let env = Env::new();
    let v = json_of(&env.ok(&["--json", "principal", "add", "bob", "--allow", "x:y"]));
    assert_eq!(v["id"], "bob");
    assert_eq!(v["allow"], json!(["x:y"]));
}

#[test]
fn principal_add_refuses_a_duplicate_without_force() {
    let env = Env::new();
    env.ok(&["principal", "add", "alice", "--allow", "reports:read"]);
    let msg = env.fails(&["principal", "add", "alice", "--allow", "budget:*"], 2);
    assert_eq!(
        msg,
        "principal \"alice\" is already on record; pass --force to replace it"
    );
    env.ok(&[
        "principal",
        "add",
        "alice",
        "--allow",
        "budget:*",
        "--force",
    ]);
    let list = json_of(&env.ok(&["--json", "principal", "list"]));
    assert_eq!(list[0]["allow"], json!(["budget:*"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn principal_add_refuses_a_malformed_scope() {
    let env = Env::new();
    let msg = env.fails(&["principal", "add", "alice", "--allow", "budget:*:x"], 2);
    assert!(msg.contains("--allow"), "{msg}");
    assert!(!env.home.join("principals.json").exists());
}

#[test]
fn principal_remove_removes_and_unknown_is_an_error() {
    let env = Env::new();
    env.ok(&["principal", "add", "alice", "--allow", "a"]);
    env.ok(&["principal", "add", "bob", "--allow", "b"]);
    env.ok(&["principal", "remove", "alice"]);
    let list = json_of(&env.ok(&["--json", "principal", "list"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "bob");
    let msg = env.fails(&["principal", "remove", "alice"], 2);
    assert_eq!(
        msg,
        "no principal \"alice\" on record; see 'obo principal list'"
    );
}

#[test]
fn principal_list_on_a_fresh_home_is_empty() {
    let env = Env::new();
    assert_eq!(env.ok(&["--json", "principal", "list"]).trim(), "[]");
}

#[test]
fn trust_add_by_keystore_name_prints_the_kid() {
    let env = Env::new();
    let kid = line(&env.ok(&["keygen", "idp"]));
    assert_eq!(line(&env.ok(&["trust", "add", "idp"])), kid);
    let list = json_of(&env.ok(&["--json", "trust", "list"]));
    assert_eq!(list[0]["name"], "idp");
    assert_eq!(list[0]["jwk"]["kid"], kid.as_str());
    assert_eq!(list[0]["principals"], json!(["*"]));
    assert_eq!(list[0]["max_scope"], Value::Null);
}

#[test]
fn trust_add_from_a_jwk_file() {
    let issuer = Env::new();
    let kid = line(&issuer.ok(&["keygen", "idp"]));
    let env = Env::new();
    let file = env.write("corp-idp.jwk", &issuer.ok(&["key", "export", "idp"]));
    assert_eq!(line(&env.ok(&["trust", "add", &file])), kid);
    let list = json_of(&env.ok(&["--json", "trust", "list"]));
    assert_eq!(list[0]["name"], "corp-idp");
    assert_eq!(list[0]["jwk"]["kid"], kid.as_str());
}

#[test]
fn trust_add_from_a_jwks_file_trusts_every_key() {
    let issuer = Env::new();
    let a = line(&issuer.ok(&["keygen", "a"]));
    let b = line(&issuer.ok(&["keygen", "b"]));
    let env = Env::new();
    let jwks = issuer.ok(&["key", "export", "a", "b", "--format", "jwks"]);
    let file = env.write("issuers.json", &jwks);
    assert_eq!(env.ok(&["trust", "add", &file]), format!("{a}\n{b}\n"));
    let list = json_of(&env.ok(&["--json", "trust", "list"]));
    let kids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["jwk"]["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids, [a.as_str(), b.as_str()]);
}

#[test]
fn trust_add_refuses_a_private_jwk_as_key_import_does() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let private = std::fs::read_to_string(env.key_file("idp")).unwrap();
    let file = env.write("leaked.jwk", &private);
    let msg = env.fails(&["trust", "add", &file], 2);
    assert_eq!(
        msg,
        format!("{file} is not a usable JWK or JWKS: key 0 holds a private part; trust only the public key ('obo key export NAME')")
    );
    assert!(!env.home.join("trust.json").exists(), "nothing was trusted");
}

#[test]
fn trust_add_records_principals_and_max_scope() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    env.ok(&[
        "trust",
        "add",
        "idp",
        "--principals",
        "*@example.com",
        "alice",
        "--max-scope",
        "reports:*",
    ]);
    let list = json_of(&env.ok(&["--json", "trust", "list"]));
    assert_eq!(list[0]["principals"], json!(["*@example.com", "alice"]));
    assert_eq!(list[0]["max_scope"], json!(["reports:*"]));
    let table = env.ok(&["trust", "list"]);
    assert!(table.contains("*@example.com alice"), "{table}");
    assert!(table.contains("reports:*"), "{table}");
}

#[test]
fn trust_add_refuses_the_same_key_twice_without_force() {
    let env = Env::new();
    let kid = line(&env.ok(&["keygen", "idp"]));
    env.ok(&["trust", "add", "idp"]);
    let msg = env.fails(&["trust", "add", "idp", "--principals", "bob"], 2);
    assert_eq!(
        msg,
        format!("key {kid} is already trusted; pass --force to replace its entry")
    );
    env.ok(&["trust", "add", "idp", "--principals", "bob", "--force"]);
    let list = json_of(&env.ok(&["--json", "trust", "list"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["principals"], json!(["bob"]));
}

#[test]
fn trust_add_of_a_missing_key_or_file_is_an_input_error() {
    let env = Env::new();
    let msg = env.fails(&["trust", "add", "nobody"], 2);
    assert!(msg.starts_with("no key named \"nobody\""), "{msg}");
    let missing = env.path("missing.jwk").display().to_string();
    let msg = env.fails(&["trust", "add", &missing], 2);
    assert!(msg.starts_with(&format!("cannot read {missing}")), "{msg}");
}

#[test]
fn trust_remove_by_name_and_by_kid() {
    let env = Env::new();
    env.ok(&["keygen", "a"]);
    let b = line(&env.ok(&["keygen", "b"]));
    env.ok(&["trust", "add", "a"]);
    env.ok(&["trust", "add", "b"]);
    env.ok(&["trust", "remove", "a"]);
    env.ok(&["trust", "remove", &b]);
    assert_eq!(env.ok(&["--json", "trust", "list"]).trim(), "[]");
    let msg = env.fails(&["trust", "remove", "a"], 2);
    assert!(msg.starts_with("no trusted issuer named \"a\""), "{msg}");
}

/// A key id is base64url, so one in 64 starts with '-' and used to be
/// taken for a flag.
#[test]
fn trust_remove_takes_a_key_id_that_starts_with_a_dash() {
    let env = Env::new();
    let kid = loop {
        let kid = line(&env.ok(&["keygen", "k", "--force"]));
        if kid.starts_with('-') {
            break kid;
        }
    };
    env.ok(&["trust", "add", "k"]);
    env.ok(&["trust", "remove", &kid]);
    assert_eq!(env.ok(&["--json", "trust", "list"]).trim(), "[]");
}

#[test]
fn removing_trust_makes_verify_reject_the_issuer() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    env.accepts(&token, &["--audience", AUD]);
    env.ok(&["trust", "remove", "idp"]);
    env.rejects(&token, &["--audience", AUD], Some(0), "trusted-issuer");
}

#[test]
fn removing_a_principal_stops_new_delegations() {
    let env = Env::flow();
    env.ok(&["principal", "remove", "alice"]);
    let msg = env.fails(
        &[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "alice",
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
            "--audience",
            AUD,
        ],
        2,
    );
    assert!(msg.starts_with("no principal \"alice\" on record"), "{msg}");
}
