//! Interop with an independent JOSE implementation: Python's joserfc, at
//! the version pinned in tests/interop/requirements.txt, driven through
//! tests/interop/obo_interop.py. joserfc verifies what obo signs, obo
//! verifies and extends what joserfc signs, and both refuse a tampered hop.
//!
//! These tests need `python3` with joserfc installed (tests/run.sh installs
//! it). They fail, never skip, when it is missing: a skipped interop test
//! would let the wire format drift unnoticed.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempfile::TempDir;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The joserfc version tests/interop/requirements.txt pins.
fn pinned_joserfc() -> String {
    let path = Path::new(MANIFEST_DIR).join("tests/interop/requirements.txt");
    let text = std::fs::read_to_string(path).expect("tests/interop/requirements.txt is readable");
    text.lines()
        .find_map(|line| line.trim().strip_prefix("joserfc=="))
        .expect("requirements.txt pins joserfc with ==")
        .to_owned()
}

/// The installed joserfc's version, or what to do to get it.
fn installed_joserfc() -> Result<String, String> {
    let fix =
        "run: python3 -m pip install -r tests/interop/requirements.txt (tests/run.sh does this)";
    let output = std::process::Command::new("python3")
        .args(["-c", "import joserfc; print(joserfc.__version__)"])
        .output()
        .map_err(|e| {
            format!("the interop tests need python3 on PATH ({e}); install Python 3, then {fix}")
        })?;
    if !output.status.success() {
        return Err(format!("python3 cannot import joserfc; {fix}"));
    }
    let found = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let pinned = pinned_joserfc();
    if found != pinned {
        return Err(format!(
            "python3 has joserfc {found}, but tests/interop/requirements.txt pins {pinned}; {fix}"
        ));
    }
    Ok(found)
}

/// Checks once that python3 has the pinned joserfc, failing with a message
/// that says how to fix it.
fn require_joserfc() {
    static INSTALLED: OnceLock<Result<String, String>> = OnceLock::new();
    if let Err(message) = INSTALLED.get_or_init(installed_joserfc) {
        panic!("{message}");
    }
}

/// A temporary folder holding obo homes (one per party) and the files the
/// parties exchange.
struct World {
    dir: TempDir,
}

impl World {
    fn new() -> World {
        require_joserfc();
        World {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Splits a command line on spaces; a word `@NAME` becomes the path of
    /// file NAME in this world.
    fn argv(&self, line: &str) -> Vec<String> {
        line.split_whitespace()
            .map(|word| match word.strip_prefix('@') {
                Some(name) => self.path(name).display().to_string(),
                None => word.to_owned(),
            })
            .collect()
    }

    fn obo(&self, home: &str, line: &str) -> Command {
        let mut cmd = Command::cargo_bin("obo").unwrap();
        cmd.env_remove("OBO_HOME")
            .arg("--home")
            .arg(self.path(home))
            .args(["--color", "never"])
            .args(self.argv(line));
        cmd
    }

    /// Runs `obo LINE` as `home`, expecting success, and returns stdout.
    fn run(&self, home: &str, line: &str) -> String {
        let output = self.obo(home, line).output().unwrap();
        assert!(
            output.status.success(),
            "obo {line} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `obo LINE` and writes what it prints to file `name`, as a
    /// person piping it would.
    fn run_to_file(&self, home: &str, line: &str, name: &str) {
        std::fs::write(self.path(name), self.run(home, line)).unwrap();
    }

    /// Runs `obo_interop.py LINE`, expecting success, and returns its JSON.
    fn python(&self, line: &str) -> Value {
        let script = Path::new(MANIFEST_DIR).join("tests/interop/obo_interop.py");
        let output = std::process::Command::new("python3")
            .arg(script)
            .args(self.argv(line))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "obo_interop.py {line} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("obo_interop.py prints JSON")
    }

    /// The key ids in `home`'s keystore, by name.
    fn kids(&self, home: &str) -> HashMap<String, String> {
        let list: Value = serde_json::from_str(&self.run(home, "--json key list")).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["name"].as_str().unwrap().into(),
                    k["kid"].as_str().unwrap().into(),
                )
            })
            .collect()
    }
}

/// Home "org" holds the identity provider's and three agents' keys, with
/// Alice on record; file "t2" holds a 3-hop chain made by obo
/// (idp -> agent-1 -> agent-2 -> agent-3) and "issuers.jwks" the exported
/// public keys of idp and another issuer.
fn three_hop_chain(world: &World) {
    for key in ["idp", "agent-1", "agent-2", "agent-3", "other-issuer"] {
        world.run("org", &format!("keygen {key}"));
    }
    world.run(
        "org",
        "principal add alice --display-name Alice --allow budget:* reports:read",
    );
    world.run_to_file(
        "org",
        "delegate --issuer idp --principal alice --agent agent-1 --scope budget:* reports:read \
         --audience budget-api reports-api --task Q3-budget",
        "t0",
    );
    world.run_to_file(
        "org",
        "attenuate @t0 --as agent-1 --agent agent-2 --scope budget:q3:write reports:read",
        "t1",
    );
    world.run_to_file(
        "org",
        "attenuate @t1 --as agent-2 --agent agent-3 --scope reports:read --audience budget-api",
        "t2",
    );
    world.run_to_file(
        "org",
        "key export idp other-issuer --format jwks",
        "issuers.jwks",
    );
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// joserfc verifies each hop of an obo chain: hop 0 with the issuer key from
/// `obo key export --format jwks`, hop n with the RFC 7800 `cnf.jwk` of hop
/// n-1, and reads `sub`, nested `act` (RFC 8693 4.1), `scope` (RFC 8693
/// 4.2), `aud` (RFC 7519 4.1.3) and `cnf` (RFC 7800 3.2) as obo meant them.
#[test]
fn joserfc_verifies_every_hop_of_a_three_hop_chain() {
    let world = World::new();
    three_hop_chain(&world);
    let kids = world.kids("org");

    let report = world.python(
        "verify-chain --jwks @issuers.jwks --chain @t2 --audience budget-api --require reports:read",
    );

    let hops = report["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 3);
    let signers = ["idp", "agent-1", "agent-2"];
    let actors: [&[&str]; 3] = [
        &["agent-1"],
        &["agent-2", "agent-1"],
        &["agent-3", "agent-2", "agent-1"],
    ];
    let scopes: [&[&str]; 3] = [
        &["budget:*", "reports:read"],
        &["budget:q3:write", "reports:read"],
        &["reports:read"],
    ];
    let audiences: [&[&str]; 3] = [
        &["budget-api", "reports-api"],
        &["budget-api", "reports-api"],
        &["budget-api"],
    ];
    for (n, hop) in hops.iter().enumerate() {
        assert_eq!(hop["hop"], n);
        assert_eq!(hop["signed_by"], kids[signers[n]], "hop {n} signer");
        assert_eq!(hop["kid"], kids[signers[n]], "hop {n} kid");
        assert_eq!(hop["iss"], signers[n], "hop {n} iss");
        assert_eq!(hop["sub"], "alice", "hop {n} sub");
        assert_eq!(strings(&hop["actors"]), actors[n], "hop {n} act");
        assert_eq!(strings(&hop["scope"]), scopes[n], "hop {n} scope");
        assert_eq!(strings(&hop["aud"]), audiences[n], "hop {n} aud");
        let bound = format!("agent-{}", n + 1);
        assert_eq!(hop["cnf_kid"], kids[&bound], "hop {n} cnf");
        assert_eq!(hop["depth"], 3 - n as u64, "hop {n} obo_depth");
    }
    assert_eq!(report["holder"], kids["agent-3"]);
}

/// `obo key export --format jwks` is a JWK Set joserfc loads, every key named
/// by its RFC 7638 thumbprint, and `obo verify --trust` accepts it where a
/// verifier with no trust refuses the same chain.
#[test]
fn jwks_export_loads_in_joserfc_and_obo_verify_trusts_it() {
    let world = World::new();
    three_hop_chain(&world);
    let kids = world.kids("org");

    let loaded = world.python("load-jwks --jwks @issuers.jwks");
    let keys = loaded["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2);
    for (key, name) in keys.iter().zip(["idp", "other-issuer"]) {
        assert_eq!(key["kid"], kids[name]);
        assert_eq!(key["thumbprint"], kids[name]);
        assert_eq!(key["alg"], "EdDSA");
        assert_eq!(key["use"], "sig");
    }

    let verified = world.run(
        "verifier",
        "verify @t2 --audience budget-api --trust @issuers.jwks",
    );
    assert!(
        verified.starts_with(
            "agent-3 (OBO: Alice, via agent-1, agent-2) may reports:read at budget-api until "
        ),
        "{verified}"
    );
    assert!(
        verified.ends_with("; possession not checked\n"),
        "{verified}"
    );
    world
        .obo("verifier", "verify @t2 --audience budget-api")
        .assert()
        .code(1)
        .stderr(format!(
            "obo: token rejected: hop 0 failed rule trusted-issuer: signed by key {}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE\n",
            kids["idp"]
        ));
}

/// A hop with one claim changed and its signature kept is refused by
/// joserfc (bad signature) and by obo (rule `signature`, at that hop), for
/// each hop of the chain.
#[test]
fn a_tampered_hop_is_rejected_by_joserfc_and_by_obo() {
    let world = World::new();
    three_hop_chain(&world);
    world.run(
        "verifier",
        "verify @t2 --audience budget-api --trust @issuers.jwks",
    );
    let idp = &world.kids("org")["idp"];
    let changes = [
        ("scope", r#""*""#),
        ("sub", r#""mallory""#),
        ("aud", r#"["budget-api","payments-api"]"#),
    ];
    let signer = [
        format!("trusted issuer key {idp}"),
        "the key hop 0 binds".to_owned(),
        "the key hop 1 binds".to_owned(),
    ];
    for (n, (claim, value)) in changes.iter().enumerate() {
        let refused = world.python(&format!(
            "tamper --chain @t2 --jwks @issuers.jwks --hop {n} --claim {claim} --value {value} --out @bad{n}"
        ));
        assert_eq!(refused["rejected_by_joserfc"], "bad_signature");
        world
            .obo("verifier", &format!("verify @bad{n} --audience budget-api --trust @issuers.jwks"))
            .assert()
            .code(1)
            .stderr(format!(
                "obo: token rejected: hop {n} failed rule signature: the signature does not verify with {}\n",
                signer[n]
            ));
    }
}

/// Home "agents" holds agent-1 and agent-2; joserfc makes its own issuer
/// key, writes its public JWK to "python-idp.jwk", and signs hop 0 ("p0")
/// for agent-1 in the format docs/FORMAT.md describes. `extra` adds options
/// to obo_interop.py's `issue`.
fn python_issues_hop_0(world: &World, extra: &str) -> Value {
    for key in ["agent-1", "agent-2"] {
        world.run("agents", &format!("keygen {key}"));
    }
    world.run_to_file("agents", "key export agent-1", "agent-1.jwk");
    let issued = world.python(&format!(
        "issue --agent-jwk @agent-1.jwk --issuer-jwk @python-idp.jwk --out @p0 --principal bob \
         --principal-name Bob --agent-id agent-1 --scope reports:* --audience reports-api \
         --task Q3-reports {extra}"
    ));
    assert_eq!(
        issued["agent_kid"],
        world.kids("agents")["agent-1"],
        "joserfc and obo compute the same thumbprint"
    );
    issued
}

/// The other way round, as an identity provider in another language would
/// issue obo tokens: `obo trust add` of the joserfc key's public JWK makes
/// `obo verify` accept its hop 0, and `obo attenuate` extends it into a
/// chain that both obo and joserfc verify.
#[test]
fn obo_accepts_and_extends_a_hop_0_signed_by_joserfc() {
    let world = World::new();
    let issued = python_issues_hop_0(&world, "");
    let trusted = world.run("verifier", "trust add @python-idp.jwk");
    assert_eq!(
        trusted,
        format!("{}\n", issued["issuer_kid"].as_str().unwrap())
    );
    let verified = world.run("verifier", "verify @p0 --audience reports-api");
    assert!(
        verified.starts_with("agent-1 (OBO: Bob) may reports:* at reports-api until "),
        "{verified}"
    );

    world.run_to_file(
        "agents",
        "attenuate @p0 --as agent-1 --agent agent-2 --scope reports:read",
        "p1",
    );
    let verified = world.run(
        "verifier",
        "verify @p1 --audience reports-api --require reports:read",
    );
    assert!(
        verified
            .starts_with("agent-2 (OBO: Bob, via agent-1) may reports:read at reports-api until "),
        "{verified}"
    );
    let report = world.python(
        "verify-chain --jwks @python-idp.jwk --chain @p1 --audience reports-api --require reports:read",
    );
    assert_eq!(report["hops"][1]["iss"], "agent-1");
    assert_eq!(
        strings(&report["hops"][1]["actors"]),
        ["agent-2", "agent-1"]
    );
    assert_eq!(report["holder"], world.kids("agents")["agent-2"]);
}

/// RFC 9864 names the algorithm "Ed25519" where RFC 8037 said "EdDSA"; a
/// hop 0 using the new name is accepted like one using the old.
#[test]
fn a_hop_0_with_the_rfc_9864_algorithm_name_is_accepted() {
    let world = World::new();
    python_issues_hop_0(&world, "--alg Ed25519");
    let verified = world.run(
        "verifier",
        "verify @p0 --audience reports-api --trust @python-idp.jwk",
    );
    assert!(
        verified.starts_with("agent-1 (OBO: Bob) may reports:* "),
        "{verified}"
    );
}

/// Regression: obo refused `typ` "application/obo+jwt", which RFC 7515
/// section 4.1.9 makes the same media type as "obo+jwt".
#[test]
fn a_hop_typed_application_obo_jwt_is_accepted() {
    let world = World::new();
    python_issues_hop_0(&world, "--typ application/obo+jwt");
    let verified = world.run(
        "verifier",
        "verify @p0 --audience reports-api --trust @python-idp.jwk",
    );
    assert!(
        verified.starts_with("agent-1 (OBO: Bob) may reports:* "),
        "{verified}"
    );
}

/// Regression: a JWKS holding RSA or EC keys beside the Ed25519 issuer key,
/// as identity providers publish them, was refused whole; RFC 7517 section
/// 5 asks that keys of types a reader does not use be skipped.
#[test]
fn a_jwks_with_rsa_and_ec_keys_is_trusted_for_its_ed25519_key() {
    let world = World::new();
    let issued = python_issues_hop_0(&world, "--mixed-jwks @idp-mixed.jwks");
    let verified = world.run(
        "verifier",
        "verify @p0 --audience reports-api --trust @idp-mixed.jwks",
    );
    assert!(
        verified.starts_with("agent-1 (OBO: Bob) may reports:* "),
        "{verified}"
    );
    let trusted = world.run("verifier", "trust add @idp-mixed.jwks");
    assert_eq!(
        trusted,
        format!("{}\n", issued["issuer_kid"].as_str().unwrap())
    );
}

/// `obo key import` takes a public JWK that joserfc made, and names it by
/// the same RFC 7638 thumbprint joserfc computes.
#[test]
fn obo_key_import_takes_a_jwk_made_by_joserfc() {
    let world = World::new();
    let made = world.python("make-key --out @joserfc.jwk");
    let kid = world.run("org", "key import @joserfc.jwk --name partner");
    assert_eq!(kid, format!("{}\n", made["kid"].as_str().unwrap()));
    let exported: Value = serde_json::from_str(&world.run("org", "key export partner")).unwrap();
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(world.path("joserfc.jwk")).unwrap()).unwrap();
    assert_eq!(exported["x"], original["x"]);
    assert_eq!(exported["kid"], made["kid"]);
}
