//! A process killed at any moment leaves every file as before or as after,
//! never partial: each command that writes (keygen, delegate -o, trust add,
//! principal add) is killed with SIGKILL at a random moment, again and
//! again, and every file is checked afterwards.

mod hostile;

use hostile::*;
use obo::keys::SecretKey;
use obo::store::Home as Store;
use obo::token::Chain;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const ITERATIONS: usize = 40;
/// Kill moments are spread over this many microseconds after spawning,
/// which covers a whole run of these commands.
const KILL_WINDOW_MICROS: u64 = 12_000;

fn spawn_and_kill(home: &Home, args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_obo"))
        .args(args)
        .env("OBO_HOME", home.path())
        .current_dir(home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("obo starts");
    std::thread::sleep(Duration::from_micros(rand::random_range(
        0..KILL_WINDOW_MICROS,
    )));
    let _ = child.kill();
    child.wait().expect("obo is reaped");
}

fn read_private_key(path: &Path) -> SecretKey {
    let bytes = fs::read(path).unwrap();
    let jwk = obo::encoding::parse_object(&bytes)
        .unwrap_or_else(|e| panic!("{} is partial: {e}", path.display()));
    assert_eq!(
        fs::metadata(path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    SecretKey::from_jwk(&jwk).unwrap_or_else(|e| panic!("{} is broken: {e}", path.display()))
}

/// Every file the home shows is whole: each key parses, the lists parse,
/// and no leftover temporary file passes for a key.
fn check_home_is_whole(home: &Home) {
    let store = Store::new(home.path());
    let keys = store.list_keys().expect("every listed key is whole");
    for entry in fs::read_dir(home.file("keys")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".jwk") {
            assert!(keys.iter().any(|k| k.name == stem), "{name} is not listed");
        } else {
            assert!(name.starts_with(".obo-"), "unexpected file {name}");
        }
    }
    store.principals().expect("principals.json is whole");
    store.trust().expect("trust.json is whole");
    home.run(&["key", "list"]).ok();
    home.run(&["principal", "list"]).ok();
    home.run(&["trust", "list"]).ok();
}

#[test]
fn killed_writers_leave_files_as_before_or_as_after() {
    let home = Home::new();
    home.run(&["keygen", "victim"]).ok();
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
        "-o",
        "token.txt",
    ])
    .ok();
    for i in 0..ITERATIONS {
        let victim_before = fs::read(home.file("keys/victim.jwk")).unwrap();
        let token_before = fs::read(home.file("token.txt")).unwrap();
        let principals_before = Store::new(home.path()).principals().unwrap();
        let trust_before = Store::new(home.path()).trust().unwrap();
        let new_key = format!("k{i}");
        let user = format!("user{i}");
        let pattern = format!("*@p{i}.example");
        match i % 5 {
            0 => spawn_and_kill(&home, &["keygen", &new_key]),
            1 => spawn_and_kill(&home, &["keygen", "victim", "--force"]),
            2 => spawn_and_kill(
                &home,
                &[
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
                    "-o",
                    "token.txt",
                    "--force",
                ],
            ),
            3 => spawn_and_kill(
                &home,
                &["trust", "add", "idp", "--force", "--principals", &pattern],
            ),
            _ => spawn_and_kill(
                &home,
                &["principal", "add", &user, "--allow", "reports:read"],
            ),
        }
        check_home_is_whole(&home);

        let new_path = home.file(&format!("keys/{new_key}.jwk"));
        if new_path.exists() {
            read_private_key(&new_path);
        }
        let victim_after = fs::read(home.file("keys/victim.jwk")).unwrap();
        if victim_after != victim_before {
            read_private_key(&home.file("keys/victim.jwk"));
        }
        let token_after = fs::read(home.file("token.txt")).unwrap();
        if token_after != token_before {
            let text = String::from_utf8(token_after).expect("a whole token is UTF-8");
            Chain::parse(text.trim()).expect("a whole token parses");
            assert!(text.ends_with('\n'));
        }
        let principals = Store::new(home.path()).principals().unwrap();
        let added = principals.len() - principals_before.len();
        assert!(added <= 1);
        assert_eq!(
            &principals[..principals_before.len()],
            &principals_before[..]
        );
        let trust = Store::new(home.path()).trust().unwrap();
        assert_eq!(trust.len(), trust_before.len());
        let patterns = &trust[0].principals;
        assert!(
            patterns == &trust_before[0].principals || patterns == &vec![pattern.clone()],
            "{patterns:?}"
        );
    }
    // The home still works for every writer afterwards.
    home.run(&["keygen", "after"]).ok();
    home.run(&["principal", "add", "after", "--allow", "reports:read"])
        .ok();
    home.run(&["trust", "add", "idp", "--force"]).ok();
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
        "-o",
        "token.txt",
        "--force",
    ])
    .ok();
    check_home_is_whole(&home);
    // A killed key write may leave a temporary file holding a private key;
    // the next key write, holding the lock, removes it.
    let leftovers: Vec<_> = fs::read_dir(home.file("keys"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with(".obo-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_key_write_removes_temporaries_a_killed_one_left() {
    let home = Home::new();
    let stale = home.file("keys/.obo-stale1");
    fs::write(&stale, "{\"d\":\"secret\"}").unwrap();
    home.run(&["keygen", "fresh"]).ok();
    assert!(!stale.exists());
    fs::write(&stale, "partial").unwrap();
    let public = home.write("pub.jwk", home.run(&["key", "export", "a1"]).stdout);
    home.run(&["key", "import", &public, "--name", "imported"])
        .ok();
    assert!(!stale.exists());
}
