//! Shared helpers for the integration tests: a fresh home per test, running
//! the real `obo` binary, and crafting tokens that obo itself refuses to
//! make (so every verification rule can be shown to fire).

// Each test file uses a different part of this module.
#![allow(dead_code)]

use assert_cmd::Command;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tempfile::TempDir;

/// The audience every flow token is made for.
pub const AUD: &str = "budget-api";

/// A temporary folder holding a home (not created until obo writes to it)
/// and any files a test writes beside it.
pub struct Env {
    pub dir: TempDir,
    pub home: PathBuf,
}

impl Env {
    /// A fresh, empty environment.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temporary folder");
        let home = dir.path().join("home");
        Env { dir, home }
    }

    /// `obo --home HOME --color never`, with no OBO_HOME inherited.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare();
        cmd.arg("--home").arg(&self.home);
        cmd
    }

    /// Runs obo with `args` and returns the whole output, whatever it was.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("obo runs")
    }

    /// Runs obo, asserts exit 0, and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "obo {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs obo, asserts the exit code and a one-line `obo: ` error, and
    /// returns that line without its prefix and line break.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        fails_with(self.cmd().args(args), code)
    }

    /// A path beside the home.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file beside the home and returns its path as text.
    pub fn write(&self, name: &str, contents: &str) -> String {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write test file");
        path.display().to_string()
    }

    /// The path of key file NAME.
    pub fn key_file(&self, name: &str) -> PathBuf {
        self.home.join("keys").join(format!("{name}.jwk"))
    }

    /// The key file NAME as JSON.
    pub fn key_jwk(&self, name: &str) -> Value {
        let text = std::fs::read_to_string(self.key_file(name)).expect("key file");
        serde_json::from_str(&text).expect("key file is JSON")
    }

    /// The private key NAME, read from its JWK file's "d" (the RFC 8032 seed).
    pub fn secret(&self, name: &str) -> SigningKey {
        let jwk = self.key_jwk(name);
        let d = jwk["d"].as_str().expect("key file has d");
        let seed: [u8; 32] = b64d(d).try_into().expect("d is 32 bytes");
        SigningKey::from_bytes(&seed)
    }

    /// The key id (thumbprint) of key NAME.
    pub fn kid(&self, name: &str) -> String {
        thumbprint(&self.secret(name))
    }

    /// Every private key in the home, by thumbprint.
    fn secrets(&self) -> Vec<SigningKey> {
        std::fs::read_dir(self.home.join("keys"))
            .expect("keys folder")
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                let name = name.strip_suffix(".jwk")?.to_owned();
                self.key_jwk(&name).get("d")?;
                Some(self.secret(&name))
            })
            .collect()
    }

    /// Signs each hop with the home's key its header `kid` names, setting
    /// every `obo_prev` after hop 0 to the hash of the hop before: a
    /// well-linked chain carrying whatever claims the test chose.
    pub fn seal(&self, hops: &[Parts]) -> String {
        let keys = self.secrets();
        let mut texts: Vec<String> = Vec::new();
        for hop in hops {
            let mut claims = hop.claims.clone();
            if let Some(prev) = texts.last() {
                claims["obo_prev"] = json!(hash(prev));
            }
            let kid = hop.header["kid"].as_str().expect("header kid");
            let key = keys
                .iter()
                .find(|k| thumbprint(k) == kid)
                .expect("the home holds the key the header names");
            texts.push(sign(&hop.header, &claims, key));
        }
        texts.join("~")
    }

    /// The chain with hop `n`'s claims changed by `f`, re-signed by the
    /// same key and re-linked.
    pub fn mutate(&self, chain: &str, n: usize, f: impl FnOnce(&mut Value)) -> String {
        let mut hops = split(chain);
        f(&mut hops[n].claims);
        self.seal(&hops)
    }

    /// The home every flow test starts from: keys for the identity system
    /// (`idp`), Agent 1 and the DB agent; Alice with `budget:*
    /// reports:read`; the identity system trusted.
    pub fn flow() -> Env {
        let env = Env::new();
        env.ok(&["keygen", "idp", "--display-name", "Identity Provider"]);
        env.ok(&["keygen", "agent-1", "--display-name", "Agent 1"]);
        env.ok(&["keygen", "db-agent", "--display-name", "DB Agent"]);
        env.ok(&[
            "principal",
            "add",
            "alice",
            "--display-name",
            "Alice",
            "--allow",
            "budget:*",
            "reports:read",
        ]);
        env.ok(&["trust", "add", "idp"]);
        env
    }

    /// Hop 0: idp delegates Alice's `budget:q3:write reports:read` to Agent 1.
    pub fn delegate(&self, extra: &[&str]) -> String {
        let mut args = vec![
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "alice",
            "--agent",
            "agent-1",
            "--scope",
            "budget:q3:write",
            "reports:read",
            "--audience",
            AUD,
        ];
        args.extend_from_slice(extra);
        line(&self.ok(&args))
    }

    /// One more hop on `token`, made by the binary.
    pub fn attenuate(&self, token: &str, holder: &str, agent: &str, extra: &[&str]) -> String {
        let mut args = vec!["attenuate", token, "--as", holder, "--agent", agent];
        args.extend_from_slice(extra);
        line(&self.ok(&args))
    }

    /// The two-hop chain: Alice -> Agent 1 -> DB agent with `reports:read`.
    pub fn two_hops(&self) -> String {
        let t0 = self.delegate(&[]);
        self.attenuate(&t0, "agent-1", "db-agent", &["--scope", "reports:read"])
    }

    /// A proof from `holder` for `token` at `aud`.
    pub fn present(&self, token: &str, holder: &str, aud: &str) -> String {
        line(&self.ok(&["present", token, "--as", holder, "--audience", aud]))
    }

    /// Asserts `obo verify TOKEN ARGS...` rejects with exit 1 and the
    /// message naming `rule` (and `hop`, when given); returns the message.
    pub fn rejects(&self, token: &str, args: &[&str], hop: Option<usize>, rule: &str) -> String {
        let mut all = vec!["verify", token];
        all.extend_from_slice(args);
        let msg = self.fails(&all, 1);
        let want = match hop {
            Some(n) => format!("token rejected: hop {n} failed rule {rule}: "),
            None => format!("token rejected: rule {rule} failed: "),
        };
        assert!(msg.starts_with(&want), "expected {want:?}, got {msg:?}");
        msg
    }

    /// Asserts `obo verify TOKEN ARGS...` accepts and returns its line.
    pub fn accepts(&self, token: &str, args: &[&str]) -> String {
        let mut all = vec!["verify", token];
        all.extend_from_slice(args);
        line(&self.ok(&all))
    }
}

/// The binary with no home flag, no colour and no OBO_HOME from outside.
pub fn bare() -> Command {
    let mut cmd = Command::cargo_bin("obo").expect("the obo binary is built");
    cmd.env_remove("OBO_HOME").arg("--color").arg("never");
    cmd
}

/// Runs `cmd`, asserts its exit code and that stderr is exactly one line
/// starting `obo: `, and returns that line without prefix or line break.
pub fn fails_with(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().expect("obo runs");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert_eq!(
        out.status.code(),
        Some(code),
        "wrong exit code; stderr: {stderr}"
    );
    assert!(
        stderr.starts_with("obo: ") && stderr.ends_with('\n') && stderr.lines().count() == 1,
        "stderr is not one 'obo: ' line: {stderr:?}"
    );
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    stderr["obo: ".len()..stderr.len() - 1].to_owned()
}

/// Stdout that must be exactly one line; returns it without the line break.
pub fn line(stdout: &str) -> String {
    assert!(
        stdout.ends_with('\n') && stdout.lines().count() == 1,
        "expected one line on stdout, got {stdout:?}"
    );
    stdout.trim_end_matches('\n').to_owned()
}

/// Unpadded base64url.
pub fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url.
pub fn b64d(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).expect("base64url")
}

/// SHA-256 of text, base64url: the form of `obo_prev` and `ath`.
pub fn hash(text: &str) -> String {
    b64(Sha256::digest(text.as_bytes()))
}

/// The RFC 7638 thumbprint of an Ed25519 key: SHA-256 of the required
/// members in lexical order, no whitespace.
pub fn thumbprint(key: &SigningKey) -> String {
    thumbprint_of_x(&b64(key.verifying_key().as_bytes()))
}

/// The RFC 7638 thumbprint of the Ed25519 key whose `x` is given.
pub fn thumbprint_of_x(x: &str) -> String {
    hash(&format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#))
}

/// The `cnf.jwk` members of a key.
pub fn public_jwk(key: &SigningKey) -> Value {
    json!({ "kty": "OKP", "crv": "Ed25519", "x": b64(key.verifying_key().as_bytes()) })
}

/// One hop's decoded header and claims.
#[derive(Debug, Clone)]
pub struct Parts {
    pub header: Value,
    pub claims: Value,
}

/// Decodes every hop of a chain, without checking anything.
pub fn split(chain: &str) -> Vec<Parts> {
    chain
        .split('~')
        .map(|hop| {
            let parts: Vec<&str> = hop.split('.').collect();
            Parts {
                header: serde_json::from_slice(&b64d(parts[0])).expect("header JSON"),
                claims: serde_json::from_slice(&b64d(parts[1])).expect("claims JSON"),
            }
        })
        .collect()
}

/// The claims of hop `n`.
pub fn claims(chain: &str, n: usize) -> Value {
    split(chain).swap_remove(n).claims
}

/// A compact JWS over the given header and payload JSON.
pub fn sign(header: &Value, payload: &Value, key: &SigningKey) -> String {
    sign_raw(&header.to_string(), &payload.to_string(), key)
}

/// A compact JWS over exactly these header and payload texts.
pub fn sign_raw(header: &str, payload: &str, key: &SigningKey) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", b64(signature.to_bytes()))
}

/// The header obo puts on a hop signed by `key`.
pub fn hop_header(key: &SigningKey) -> Value {
    json!({ "alg": "EdDSA", "typ": "obo+jwt", "kid": thumbprint(key) })
}

/// A proof of possession with the given claims, signed by `key`.
pub fn proof(key: &SigningKey, claims: &Value) -> String {
    let header = json!({ "alg": "EdDSA", "typ": "obo-pop+jwt", "kid": thumbprint(key) });
    sign(&header, claims, key)
}

/// The current time in Unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

/// Unix seconds as RFC 3339, to the second.
pub fn rfc3339(seconds: i64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(seconds as u64)).to_string()
}

/// A claim as i64.
pub fn int(claims: &Value, name: &str) -> i64 {
    claims[name].as_i64().expect("integer claim")
}

/// Whether `path`'s permission bits are exactly `mode`.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("file exists")
        .permissions()
        .mode()
        & 0o777
}

/// Claims for one more hop on `chain`, made as obo makes them (same
/// principal, scope, audience and window; depth one lower), binding
/// `agent`; the test then bends them.
pub fn next_claims(chain: &str, agent: &SigningKey, agent_id: &str) -> Value {
    let last_text = chain.rsplit('~').next().expect("a hop");
    let p = split(chain).pop().expect("a hop").claims;
    let mut c = p.clone();
    c["iss"] = p["act"]["sub"].clone();
    c["act"] = json!({ "sub": agent_id, "obo_kid": thumbprint(agent), "act": p["act"] });
    c["cnf"] = json!({ "jwk": public_jwk(agent) });
    c["jti"] = json!("crafted-hop");
    c["obo_prev"] = json!(hash(last_text));
    c["obo_depth"] = json!(int(&p, "obo_depth") - 1);
    c
}

/// `chain` with one more hop carrying `claims`, signed by `signer`.
pub fn append(chain: &str, claims: &Value, signer: &SigningKey) -> String {
    format!("{chain}~{}", sign(&hop_header(signer), claims, signer))
}
