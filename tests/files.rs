//! Safe files: private key files that group or others can read are refused
//! with the fix in the message, and no key name or symbolic link lets obo
//! read or write a key outside its home folder.

mod hostile;

use hostile::*;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &std::path::Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Every command that reads a private key, as the key `name`.
fn private_key_uses(home: &Home, name: &str) -> Vec<Vec<String>> {
    let b = chain(home, &["a1"]);
    let token = home.write("t.txt", b.text());
    let delegate = vec![
        "delegate",
        "--issuer",
        name,
        "--principal",
        "alice",
        "--agent",
        "a1",
        "--scope",
        "budget:q3:write",
        "--audience",
        "api",
    ];
    let attenuate = vec![
        "attenuate",
        &token,
        "--as",
        name,
        "--agent",
        "a2",
        "--scope",
        "reports:read",
    ];
    let present = vec!["present", &token, "--as", name, "--audience", "api"];
    [delegate, attenuate, present]
        .iter()
        .map(|args| args.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// obo's escaping, for the characters these tests use.
fn shown(text: &str) -> String {
    text.replace('\u{202e}', "\\u{202e}")
}

fn run(home: &Home, args: &[String]) -> Outcome {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    home.run(&args)
}

#[test]
fn new_key_and_token_files_are_private() {
    let home = Home::new();
    for name in ["idp", "a1", "a2", "a3", "eve"] {
        assert_eq!(mode(&home.file(&format!("keys/{name}.jwk"))), 0o600);
    }
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
    assert_eq!(mode(&home.file("token.txt")), 0o600);
}

#[test]
fn private_key_files_readable_by_others_are_refused_with_the_fix() {
    let home = Home::new();
    let path = home.file("keys/a1.jwk");
    for bad in [
        0o640, 0o604, 0o644, 0o660, 0o620, 0o602, 0o666, 0o777, 0o610,
    ] {
        set_mode(&path, bad);
        for args in private_key_uses(&home, "a1").iter() {
            let out = run(&home, args);
            out.fails(
                2,
                &format!(
                    "private key file {p} is readable by group or others (mode {bad:o}); run 'chmod 600 {p}' and check who copied it",
                    p = path.display()
                ),
            );
            assert!(out.stdout.is_empty());
        }
    }
    // The fix the message gives works.
    set_mode(&path, 0o600);
    let uses = private_key_uses(&home, "a1");
    run(&home, &uses[1]).ok();
    run(&home, &uses[2]).ok();
}

#[test]
fn key_names_cannot_leave_the_keystore() {
    let home = Home::new();
    let outside = home.path().parent().unwrap().to_string_lossy().into_owned();
    let absolute = format!("{outside}/stolen");
    let names = [
        "../x",
        "..",
        ".",
        "../../etc/passwd",
        "/etc/passwd",
        absolute.as_str(),
        "a/b",
        "keys/../../x",
        ".hidden",
        "x..y",
        "x/",
        "a\\b",
        "name with space",
        "ключ",
        "",
        "x\u{202e}",
    ];
    let pub_file = {
        let out = home.run(&["key", "export", "a1"]);
        home.write("a1.pub.jwk", out.ok().stdout.clone())
    };
    for name in names {
        // The name is escaped and quoted; escaping the whole line again,
        // as every obo error line is, changes nothing.
        let expected = format!(
            "key name \"{}\" is not allowed; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            shown(name)
        );
        home.run(&["keygen", name]).fails(2, &expected);
        home.run(&["keygen", name, "--force"]).fails(2, &expected);
        home.run(&["key", "import", &pub_file, "--name", name])
            .fails(2, &expected);
        if !name.contains('/') {
            home.run(&["key", "export", name]).fails(2, &expected);
            for args in private_key_uses(&home, name) {
                run(&home, &args).fails(2, &expected);
            }
        }
    }
    assert!(!home.path().parent().unwrap().join("x.jwk").exists());
    assert!(!home.path().parent().unwrap().join("stolen.jwk").exists());
    assert!(!home.path().join("x.jwk").exists());
    let keys: Vec<_> = fs::read_dir(home.file("keys"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
}

#[test]
fn a_symlinked_key_file_pointing_outside_is_refused() {
    let home = Home::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("planted.jwk");
    fs::copy(home.file("keys/eve.jwk"), &target).unwrap();
    set_mode(&target, 0o600);
    let link = home.file("keys/idp.jwk");
    fs::remove_file(&link).unwrap();
    symlink(&target, &link).unwrap();
    let expected = format!(
        "{} is a symbolic link, which obo refuses in its home folder; replace it with the real file",
        link.display()
    );
    for args in private_key_uses(&home, "idp") {
        run(&home, &args).fails(2, &expected);
    }
    home.run(&["key", "export", "idp"]).fails(2, &expected);
    home.run(&["trust", "add", "idp", "--force"])
        .fails(2, &expected);
    home.run(&["key", "list"]).fails(2, &expected);
    // Replacing it must not write through the link.
    let before = fs::read(&target).unwrap();
    home.run(&["keygen", "idp"])
        .fails_with(2, "already exists; pass --force to replace it");
    home.run(&["keygen", "idp", "--force"]).fails(2, &expected);
    assert_eq!(fs::read(&target).unwrap(), before);
}

#[test]
fn a_dangling_key_symlink_is_never_written_through() {
    let home = Home::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("created.jwk");
    let link = home.file("keys/new.jwk");
    symlink(&target, &link).unwrap();
    let out = home.run(&["keygen", "new"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!target.exists());
    // With --force the link itself is replaced by a real file in the home.
    home.run(&["keygen", "new", "--force"]).ok();
    assert!(!target.exists());
    assert!(!fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(mode(&link), 0o600);
}

#[test]
fn a_symlinked_keys_folder_is_refused_for_reading_too() {
    // Regression: writes refused a keys folder that is a symbolic link, but
    // reads followed it, so a private key could be used from outside.
    let home = Home::new();
    let elsewhere = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(home.file("keys")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), elsewhere.path().join(entry.file_name())).unwrap();
    }
    fs::remove_dir_all(home.file("keys")).unwrap();
    symlink(elsewhere.path(), home.file("keys")).unwrap();
    let expected = format!(
        "{} is a symbolic link, which obo refuses in its home folder; replace it with the real file",
        home.file("keys").display()
    );
    for args in private_key_uses(&home, "idp") {
        run(&home, &args).fails(2, &expected);
    }
    home.run(&["key", "list"]).fails(2, &expected);
    home.run(&["key", "export", "a1"]).fails(2, &expected);
    home.run(&["keygen", "x"]).fails(2, &expected);
    assert!(!elsewhere.path().join("x.jwk").exists());
}

#[test]
fn symlinked_trust_and_principal_lists_are_refused() {
    let home = Home::new();
    let elsewhere = tempfile::tempdir().unwrap();
    for file in ["trust.json", "principals.json"] {
        let target = elsewhere.path().join(file);
        fs::copy(home.file(file), &target).unwrap();
        fs::remove_file(home.file(file)).unwrap();
        symlink(&target, home.file(file)).unwrap();
    }
    let before = fs::read(elsewhere.path().join("principals.json")).unwrap();
    let b = chain(&home, &["a1"]);
    home.verify(&b.text(), &[]).fails(
        2,
        &format!(
            "{} is a symbolic link, which obo refuses in its home folder; replace it with the real file",
            home.file("trust.json").display()
        ),
    );
    let principals = format!(
        "{} is a symbolic link, which obo refuses in its home folder; replace it with the real file",
        home.file("principals.json").display()
    );
    home.run(&["principal", "list"]).fails(2, &principals);
    home.run(&["principal", "add", "bob", "--allow", "x"])
        .fails(2, &principals);
    assert_eq!(
        fs::read(elsewhere.path().join("principals.json")).unwrap(),
        before,
        "nothing was written through the link"
    );
}
