//! Shared by the attack tests: a home made with the real binary, its keys as
//! signing keys (seeded from each keys/NAME.jwk "d"), and helpers that craft
//! hops and proofs byte by byte, so a test can change exactly one thing.

#![allow(dead_code)]

use assert_cmd::Command;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The time every crafted hop is made at: 2027-01-15T08:00:00Z.
pub const T0: i64 = 1_800_000_000;
/// The time tests verify at, passed as `--at`: inside every crafted window.
pub const AT: i64 = T0 + 100;
/// The audience crafted tokens are for.
pub const AUD: &str = "api";

pub fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(text)
        .expect("test input is base64url")
}

/// SHA-256 of text, base64url: `obo_prev` and `ath`.
pub fn hash(text: &str) -> String {
    b64(Sha256::digest(text.as_bytes()))
}

/// A key of the home, able to sign like obo does.
#[derive(Clone)]
pub struct Key {
    pub name: String,
    pub signing: SigningKey,
}

impl Key {
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Key {
        Key {
            name: name.into(),
            signing: SigningKey::from_bytes(&seed),
        }
    }

    pub fn public(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub fn x(&self) -> String {
        b64(self.public())
    }

    /// The RFC 7638 thumbprint, computed here independently of obo.
    pub fn kid(&self) -> String {
        thumbprint_of_x(&self.x())
    }

    pub fn cnf(&self) -> Value {
        json!({ "jwk": { "kty": "OKP", "crv": "Ed25519", "x": self.x() } })
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }
}

pub fn thumbprint_of_x(x: &str) -> String {
    hash(&format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#))
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn from(output: std::process::Output) -> Outcome {
        Outcome {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `obo verify` refused the token with exactly this rejection.
    pub fn rejected(&self, expected: &str) {
        self.fails(1, &format!("token rejected: {expected}"));
    }

    /// The command failed with this exit code and exactly this one line.
    pub fn fails(&self, code: i32, line: &str) {
        assert_eq!(
            (self.code, self.stderr.as_str()),
            (code, format!("obo: {line}\n").as_str()),
            "stdout: {}",
            self.stdout
        );
    }

    /// The command failed with this exit code and one line holding `part`.
    pub fn fails_with(&self, code: i32, part: &str) {
        assert_eq!(self.code, code, "stderr: {}", self.stderr);
        assert!(
            self.stderr.contains(part),
            "expected {part:?} in stderr {:?}",
            self.stderr
        );
        assert_eq!(self.stderr.lines().count(), 1, "one line: {}", self.stderr);
        assert!(self.stderr.starts_with("obo: "));
        assert!(!self.stderr.contains("internal error"));
    }

    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        self
    }
}

/// A home folder set up with the real binary: issuer `idp`, agents `a1`
/// ("Agent 1"), `a2`, `a3`, an outsider `eve`; principal `alice` ("Alice")
/// approving `budget:*` and `reports:read`; `idp` trusted.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let home = Home::empty();
        home.run(&["keygen", "idp", "--display-name", "Identity Provider"])
            .ok();
        home.run(&["keygen", "a1", "--display-name", "Agent 1"])
            .ok();
        for name in ["a2", "a3", "eve"] {
            home.run(&["keygen", name]).ok();
        }
        home.run(&[
            "principal",
            "add",
            "alice",
            "--display-name",
            "Alice",
            "--allow",
            "budget:*",
            "reports:read",
        ])
        .ok();
        home.run(&["trust", "add", "idp"]).ok();
        home
    }

    pub fn empty() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn obo(&self) -> Command {
        let mut cmd = Command::cargo_bin("obo").expect("the obo binary");
        cmd.env("OBO_HOME", self.dir.path())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .current_dir(self.dir.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Outcome {
        Outcome::from(self.obo().args(args).output().expect("obo runs"))
    }

    /// The seed in keys/NAME.jwk ("d") as a signing key.
    pub fn key(&self, name: &str) -> Key {
        let path = self.path().join("keys").join(format!("{name}.jwk"));
        let jwk: Value = serde_json::from_slice(&std::fs::read(path).expect("key file"))
            .expect("key file is JSON");
        let seed = unb64(jwk["d"].as_str().expect("a private key"));
        let key = Key::from_seed(name, seed.try_into().expect("32 bytes"));
        assert_eq!(jwk["x"].as_str(), Some(key.x().as_str()));
        key
    }

    /// `obo verify TOKEN --audience api --at AT`, plus `extra`.
    pub fn verify(&self, token: &str, extra: &[&str]) -> Outcome {
        let at = AT.to_string();
        let mut args = vec!["verify", token, "--audience", AUD, "--at", &at];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn inspect(&self, token: &str) -> Outcome {
        self.run(&["inspect", token])
    }

    /// Writes a file in the home's folder and returns its path as text.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.file(name);
        std::fs::write(&path, bytes).expect("write test file");
        path.to_string_lossy().into_owned()
    }
}

pub fn hop_header(kid: &str) -> Value {
    json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": kid })
}

pub fn proof_header(kid: &str) -> Value {
    json!({ "alg": "EdDSA", "typ": "obo-pop+jwt", "kid": kid })
}

/// Compact JWS of exactly these header and payload bytes.
pub fn sign_raw(header: &[u8], payload: &[u8], key: &Key) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", b64(signature))
}

pub fn sign(header: &Value, payload: &Value, key: &Key) -> String {
    sign_raw(
        header.to_string().as_bytes(),
        payload.to_string().as_bytes(),
        key,
    )
}

/// Valid hop 0 claims: `idp` grants `agent` two scopes for `api` and `api2`.
pub fn root_claims(agent: &Key) -> Value {
    json!({
        "iss": "idp",
        "sub": "alice",
        "obo_principal_name": "Alice",
        "act": { "sub": agent.name, "obo_kid": agent.kid() },
        "cnf": agent.cnf(),
        "scope": "budget:q3:write reports:read",
        "aud": ["api", "api2"],
        "iat": T0,
        "nbf": T0,
        "exp": T0 + 3600,
        "jti": "hop-0",
        "obo_depth": 3,
        "obo_task": "Update the Q3 budget",
    })
}

/// Valid claims for the hop after `parent`, for `agent`, changing nothing
/// else (so it is exactly as wide as its parent, which the rules allow).
pub fn next_claims(parent_text: &str, parent: &Value, agent: &Key) -> Value {
    let mut claims = parent.clone();
    claims["iss"] = parent["act"]["sub"].clone();
    claims["act"] = json!({ "sub": agent.name, "obo_kid": agent.kid(), "act": parent["act"] });
    claims["cnf"] = agent.cnf();
    claims["obo_prev"] = json!(hash(parent_text));
    claims["obo_depth"] = json!(parent["obo_depth"]
        .as_u64()
        .expect("depth")
        .saturating_sub(1));
    claims["jti"] = json!(format!("{}+", parent["jti"].as_str().expect("jti")));
    claims
}

/// A crafted chain: each hop's compact text and claims.
#[derive(Clone)]
pub struct Built {
    pub hops: Vec<String>,
    pub claims: Vec<Value>,
}

impl Built {
    pub fn text(&self) -> String {
        self.hops.join("~")
    }

    pub fn last_claims(&self) -> &Value {
        self.claims.last().expect("a hop")
    }

    /// Adds a hop with these claims, signed by `key` under its own kid.
    pub fn push(&mut self, claims: Value, key: &Key) {
        self.hops.push(sign(&hop_header(&key.kid()), &claims, key));
        self.claims.push(claims);
    }

    /// Adds the valid next hop for `agent`, signed by `holder`, after
    /// `edit` changes its claims.
    pub fn extend(&mut self, holder: &Key, agent: &Key, edit: impl FnOnce(&mut Value)) {
        let last = self.hops.last().expect("a hop").clone();
        let mut claims = next_claims(&last, self.last_claims(), agent);
        edit(&mut claims);
        self.push(claims, holder);
    }
}

/// A valid chain from `idp` through `actors` (at least one), each hop as
/// wide as the one before.
pub fn chain(home: &Home, actors: &[&str]) -> Built {
    let keys: Vec<Key> = actors.iter().map(|a| home.key(a)).collect();
    let mut built = Built {
        hops: Vec::new(),
        claims: Vec::new(),
    };
    built.push(root_claims(&keys[0]), &home.key("idp"));
    for pair in keys.windows(2) {
        built.extend(&pair[0], &pair[1], |_| {});
    }
    built
}

/// Valid proof claims for a chain text, for `aud`, made at AT.
pub fn proof_claims(chain_text: &str, aud: &str) -> Value {
    json!({
        "aud": aud,
        "iat": AT,
        "exp": AT + 120,
        "jti": "proof-1",
        "ath": hash(chain_text),
        "obo_action": "PUT /budget/q3",
    })
}

pub fn sign_proof(claims: &Value, key: &Key) -> String {
    sign(&proof_header(&key.kid()), claims, key)
}

/// The compact parts of a hop, to edit one by one.
pub fn parts(compact: &str) -> Vec<String> {
    compact.split('.').map(str::to_owned).collect()
}
