//! `obo keygen` and `obo key list|export|import`, through the binary.

mod common;

use common::{line, mode, thumbprint_of_x, Env};
use serde_json::Value;

#[test]
fn keygen_prints_the_rfc7638_thumbprint_of_the_key_file() {
    let env = Env::new();
    let kid = line(&env.ok(&["keygen", "idp"]));
    let jwk = env.key_jwk("idp");
    let x = jwk["x"].as_str().unwrap();
    assert_eq!(kid, thumbprint_of_x(x));
    assert_eq!(jwk["kid"], kid.as_str());
    assert_eq!(jwk["kty"], "OKP");
    assert_eq!(jwk["crv"], "Ed25519");
}

#[test]
fn keygen_writes_the_key_file_with_mode_0600() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    assert_eq!(mode(&env.key_file("idp")), 0o600);
}

#[test]
fn keygen_keeps_the_private_key_off_stdout_and_stderr() {
    let env = Env::new();
    let out = env.run(&["keygen", "idp"]);
    let d = env.key_jwk("idp")["d"].as_str().unwrap().to_owned();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&d));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&d));
}

#[test]
fn keygen_refuses_to_overwrite_without_force() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let before = std::fs::read(env.key_file("idp")).unwrap();
    let msg = env.fails(&["keygen", "idp"], 2);
    assert!(msg.contains("already exists"), "{msg}");
    assert!(msg.contains("--force"), "{msg}");
    assert_eq!(std::fs::read(env.key_file("idp")).unwrap(), before);
}

#[test]
fn keygen_force_replaces_the_key() {
    let env = Env::new();
    let first = line(&env.ok(&["keygen", "idp"]));
    let second = line(&env.ok(&["keygen", "idp", "--force"]));
    assert_ne!(first, second);
    assert_eq!(env.key_jwk("idp")["kid"], second.as_str());
    assert_eq!(mode(&env.key_file("idp")), 0o600);
}

#[test]
fn keygen_json_reports_name_kid_and_path() {
    let env = Env::new();
    let out = env.ok(&["--json", "keygen", "idp", "--display-name", "Identity"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["name"], "idp");
    assert_eq!(v["display_name"], "Identity");
    assert_eq!(v["kid"], env.key_jwk("idp")["kid"]);
    assert_eq!(v["path"], env.key_file("idp").display().to_string());
}

#[test]
fn keygen_refuses_names_that_leave_the_keystore() {
    let env = Env::new();
    for name in ["../evil", "a/b", ".hidden", "a..b", ""] {
        let msg = env.fails(&["keygen", name], 2);
        assert!(msg.contains("is not allowed"), "{name}: {msg}");
    }
    assert!(!env.dir.path().join("evil.jwk").exists());
}

#[test]
fn key_list_shows_every_key_and_which_are_private() {
    let env = Env::new();
    env.ok(&["keygen", "idp", "--display-name", "Identity Provider"]);
    env.ok(&["keygen", "agent-1"]);
    let export = env.ok(&["key", "export", "agent-1"]);
    let file = env.write("agent.jwk", &export);
    env.ok(&["key", "import", &file, "--name", "remote"]);

    let table = env.ok(&["key", "list"]);
    assert!(table.contains("Identity Provider"), "{table}");
    assert!(table.contains(env.key_jwk("idp")["kid"].as_str().unwrap()));

    let v: Value = serde_json::from_str(&env.ok(&["--json", "key", "list"])).unwrap();
    let names: Vec<(&str, bool)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["name"].as_str().unwrap(), k["private"].as_bool().unwrap()))
        .collect();
    assert_eq!(names, [("agent-1", true), ("idp", true), ("remote", false)]);
}

#[test]
fn key_list_on_an_empty_home_is_empty_json() {
    let env = Env::new();
    assert_eq!(env.ok(&["--json", "key", "list"]).trim(), "[]");
}

#[test]
fn key_export_jwk_is_the_public_part_only() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let out = env.ok(&["key", "export", "idp"]);
    let d = env.key_jwk("idp")["d"].as_str().unwrap().to_owned();
    assert!(!out.contains(&d));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("d").is_none(), "{out}");
    assert_eq!(v["x"], env.key_jwk("idp")["x"]);
    assert_eq!(v["kid"], env.key_jwk("idp")["kid"]);
}

#[test]
fn key_export_jwks_holds_every_named_key_and_no_private_part() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    env.ok(&["keygen", "agent-1"]);
    let out = env.ok(&["key", "export", "idp", "agent-1", "--format", "jwks"]);
    assert!(!out.contains("\"d\""), "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let kids: Vec<&Value> = v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["kid"])
        .collect();
    assert_eq!(
        kids,
        [&env.key_jwk("idp")["kid"], &env.key_jwk("agent-1")["kid"]]
    );
}

#[test]
fn key_export_jwk_refuses_several_keys() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    env.ok(&["keygen", "agent-1"]);
    let msg = env.fails(&["key", "export", "idp", "agent-1"], 2);
    assert!(msg.contains("--format jwks"), "{msg}");
}

#[test]
fn key_export_did_is_the_did_key_of_the_public_key() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let did = line(&env.ok(&["key", "export", "idp", "--format", "did"]));
    // did:key for Ed25519: 'z' (base58btc) of 0xed 0x01 then the 32 key bytes.
    let x = common::b64d(env.key_jwk("idp")["x"].as_str().unwrap());
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(&x);
    assert_eq!(
        did,
        format!("did:key:z{}", bs58::encode(bytes).into_string())
    );
    assert!(did.starts_with("did:key:z6Mk"));
    let json: Value =
        serde_json::from_str(&env.ok(&["--json", "key", "export", "idp", "--format", "did"]))
            .unwrap();
    assert_eq!(
        json,
        serde_json::json!([{ "name": "idp", "kid": env.key_jwk("idp")["kid"], "did": did }])
    );
}

#[test]
fn key_export_of_a_missing_key_is_an_input_error() {
    let env = Env::new();
    let msg = env.fails(&["key", "export", "nobody"], 2);
    assert!(msg.starts_with("no key named \"nobody\""), "{msg}");
}

#[test]
fn key_import_refuses_a_private_jwk() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let private = std::fs::read_to_string(env.key_file("idp")).unwrap();
    let file = env.write("private.jwk", &private);
    let msg = env.fails(&["key", "import", &file, "--name", "copy"], 2);
    assert!(msg.contains("holds a private key"), "{msg}");
    let d = env.key_jwk("idp")["d"].as_str().unwrap().to_owned();
    assert!(!msg.contains(&d));
    assert!(!env.key_file("copy").exists());
}

#[test]
fn key_import_accepts_a_public_jwk_and_prints_its_kid() {
    let other = Env::new();
    let kid = line(&other.ok(&["keygen", "agent"]));
    let export = other.ok(&["key", "export", "agent"]);

    let env = Env::new();
    let file = env.write("agent.jwk", &export);
    let printed = line(&env.ok(&["key", "import", &file, "--name", "agent"]));
    assert_eq!(printed, kid);
    assert!(env.key_jwk("agent").get("d").is_none());
    let again: Value = serde_json::from_str(&env.ok(&["key", "export", "agent"])).unwrap();
    assert_eq!(again["kid"], kid.as_str());
}

#[test]
fn key_import_refuses_to_overwrite_without_force() {
    let env = Env::new();
    env.ok(&["keygen", "idp"]);
    let file = env.write("idp.pub.jwk", &env.ok(&["key", "export", "idp"]));
    let msg = env.fails(&["key", "import", &file, "--name", "idp"], 2);
    assert!(msg.contains("already exists"), "{msg}");
    assert!(env.key_jwk("idp").get("d").is_some(), "private key lost");
}

#[test]
fn key_import_refuses_a_file_that_is_not_a_jwk() {
    let env = Env::new();
    let file = env.write("junk.jwk", "{\"kty\":\"RSA\",\"n\":\"AQAB\"}");
    let msg = env.fails(&["key", "import", &file, "--name", "junk"], 2);
    assert!(msg.contains("not a usable Ed25519 JWK"), "{msg}");
}

#[test]
fn an_imported_public_key_cannot_sign() {
    let env = Env::flow();
    let file = env.write("agent.jwk", &env.ok(&["key", "export", "agent-1"]));
    env.ok(&["key", "import", &file, "--name", "pub-only"]);
    let msg = env.fails(
        &[
            "delegate",
            "--issuer",
            "pub-only",
            "--principal",
            "alice",
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
            "--audience",
            "x",
        ],
        2,
    );
    assert!(msg.contains("holds only a public key"), "{msg}");
}

#[test]
fn a_private_key_readable_by_others_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::flow();
    std::fs::set_permissions(env.key_file("idp"), std::fs::Permissions::from_mode(0o644)).unwrap();
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
            "x",
        ],
        2,
    );
    assert!(msg.contains("readable by group or others"), "{msg}");
}

/// Regression: a key file edited to hold a display name over 200
/// characters made `delegate` panic ("internal error") when the new hop
/// failed to parse; it is now refused as a bad key file.
#[test]
fn a_key_file_with_an_overlong_display_name_is_refused_not_a_panic() {
    let env = Env::flow();
    let mut jwk = env.key_jwk("agent-1");
    jwk["obo_display_name"] = Value::String("A".repeat(201));
    std::fs::write(env.key_file("agent-1"), jwk.to_string()).unwrap();
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
            "x",
        ],
        2,
    );
    assert_eq!(
        msg,
        format!(
            "key file {} has a bad \"obo_display_name\": a display name is 1 to 200 characters; fix or remove it",
            env.key_file("agent-1").display()
        )
    );
}
