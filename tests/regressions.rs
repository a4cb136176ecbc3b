//! Regression tests for what a black-box attack on the binary found, each
//! named after what broke.

mod common;

use common::*;
use std::process::{Command as StdCommand, Stdio};

fn obo_path() -> String {
    env!("CARGO_BIN_EXE_obo").to_owned()
}

#[test]
fn a_dangling_revocations_file_fails_closed_instead_of_reading_as_empty() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let list = env.home.join("revocations.jsonl");
    std::os::unix::fs::symlink(env.path("gone"), &list).unwrap();
    let msg = env.fails(&["verify", &token, "--audience", AUD], 2);
    assert!(msg.contains("revocations.jsonl"), "{msg}");
}

#[test]
fn trust_add_name_uses_the_keystore_even_when_a_file_has_that_name() {
    let env = Env::flow();
    env.ok(&["keygen", "evil"]);
    let evil = env.ok(&["key", "export", "evil"]);
    std::fs::write(env.dir.path().join("idp2"), evil).unwrap();
    env.ok(&["keygen", "idp2"]);
    let out = env
        .cmd()
        .current_dir(env.dir.path())
        .args(["trust", "add", "idp2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        line(&String::from_utf8(out.stdout).unwrap()),
        env.kid("idp2")
    );
}

#[test]
fn a_closed_stdout_does_not_turn_a_rejection_into_success() {
    let script = format!(
        "'{}' --home /nonexistent --json verify garbage --audience x | true; echo ${{PIPESTATUS[0]}}",
        obo_path()
    );
    let out = StdCommand::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "1");
}

#[test]
fn a_closed_stderr_never_aborts() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = StdCommand::new(obo_path())
        .args([
            "--home",
            "/nonexistent",
            "verify",
            "garbage",
            "--audience",
            "x",
        ])
        .stdout(Stdio::null())
        .stderr(writer)
        .env("RUST_BACKTRACE", "1")
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "a rejection, reported as far as possible"
    );
}

#[test]
fn a_fifo_as_a_file_argument_is_refused_instead_of_hanging() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let fifo = env.path("fifo");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let fifo = fifo.display().to_string();
    let msg = env.fails(&["verify", &token, "--audience", AUD, "--trust", &fifo], 2);
    assert_eq!(
        msg,
        format!("{fifo} is not a regular file; give the path of a file")
    );
    let msg = env.fails(&["key", "import", &fifo, "--name", "x"], 2);
    assert_eq!(
        msg,
        format!("{fifo} is not a regular file; give the path of a file")
    );
    let msg = env.fails(&["audit", "verify", &fifo], 2);
    assert!(msg.contains("is not a regular file"), "{msg}");
}

#[test]
fn notices_escape_paths_that_hold_terminal_controls() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let hostile = env.path("o\u{1b}]0;pwned\u{7}\u{1b}[2J");
    let hostile = hostile.to_str().unwrap();
    let out = env.run(&[
        "present",
        &token,
        "--as",
        "agent-1",
        "--audience",
        AUD,
        "-o",
        hostile,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{001b}]0;pwned"), "{stderr}");
}

#[test]
fn output_files_are_not_replaced_without_force() {
    let env = Env::flow();
    let precious = env.write("precious", "data");
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
            "-o",
            &precious,
        ],
        2,
    );
    assert_eq!(
        msg,
        format!("{precious} already exists; pass --force to replace it")
    );
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "data");
    env.ok(&[
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
        "-o",
        &precious,
        "--force",
    ]);
    assert!(std::fs::read_to_string(&precious)
        .unwrap()
        .starts_with("eyJ"));
}

#[test]
fn a_huge_proof_ttl_cannot_wrap_past_the_lifetime_limit() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let msg = env.fails(
        &[
            "present",
            &token,
            "--as",
            "agent-1",
            "--audience",
            AUD,
            "--ttl",
            "18446744073709551615s",
        ],
        2,
    );
    assert!(msg.contains("at most 300s"), "{msg}");
}

#[test]
fn invisible_format_characters_beyond_the_common_ones_are_escaped() {
    for c in [
        '\u{180b}',
        '\u{1bca0}',
        '\u{1d173}',
        '\u{e0100}',
        '\u{e000}',
    ] {
        let shown = obo::render::escape(&format!("agent{c}-1"));
        assert_eq!(shown, format!("agent\\u{{{:04x}}}-1", c as u32));
    }
}

#[test]
fn arabic_format_characters_are_escaped() {
    for c in ['\u{0600}', '\u{0605}', '\u{06dd}', '\u{070f}', '\u{08e2}'] {
        let shown = obo::render::escape(&format!("a{c}b"));
        assert_eq!(shown, format!("a\\u{{{:04x}}}b", c as u32));
    }
}

#[test]
fn a_lifetime_under_a_second_is_refused_up_front() {
    let env = Env::flow();
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
            "--ttl",
            "500ms",
        ],
        2,
    );
    assert!(
        msg.contains("lifetime \"500ms\" must be at least 1s"),
        "{msg}"
    );
}

/// An audit log whose last entry has the largest sequence number used to
/// wrap to entry 0.
#[test]
fn an_audit_log_at_the_last_sequence_number_is_not_extended() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let log = env.path("audit.jsonl");
    let record = |proof: &str| {
        env.run(&[
            "audit",
            "record",
            "--log",
            log.to_str().unwrap(),
            &token,
            "--proof",
            proof,
            "--audience",
            AUD,
            "--action",
            "read",
        ])
    };
    let first = env.present(&token, "agent-1", AUD);
    assert_eq!(record(&first).status.code(), Some(0));
    let text = std::fs::read_to_string(&log).unwrap();
    let at_max = text.replacen("\"seq\":1,", &format!("\"seq\":{},", u64::MAX), 1);
    assert_ne!(text, at_max, "the entry holds a seq member");
    std::fs::write(&log, at_max).unwrap();
    let second = env.present(&token, "agent-1", AUD);
    let out = record(&second);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("the audit log is full"), "{stderr}");
}

#[test]
fn a_home_that_is_a_file_is_an_error_not_an_empty_home() {
    let env = Env::new();
    let file = env.write("not-a-folder", "x");
    let out = bare()
        .args(["--home", &file, "key", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("obo: home {file} is not a folder; pass --home DIR or set OBO_HOME to a folder\n")
    );
}
