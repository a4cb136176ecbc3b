//! Exit codes and the form of every error: usage, input and storage errors
//! exit 2 with exactly one `obo: ` line on stderr, and no panic or
//! backtrace appears even with RUST_BACKTRACE set.

mod common;

use common::{bare, fails_with, Env, AUD};

/// Runs obo with RUST_BACKTRACE=1 (so a panic would show its backtrace),
/// asserts exit `code` and one `obo: ` line, and returns the line.
fn error_line(env: &Env, args: &[&str], code: i32) -> String {
    fails_with(env.cmd().env("RUST_BACKTRACE", "1").args(args), code)
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let env = Env::new();
    let msg = error_line(&env, &["verify", "x", "--audience", "a", "--bogus"], 2);
    assert_eq!(
        msg,
        "unexpected argument '--bogus' found; tip: to pass '--bogus' as a value, use '-- --bogus'; run 'obo verify --help' for usage"
    );
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let env = Env::new();
    let msg = error_line(&env, &["frobnicate"], 2);
    assert!(
        msg.starts_with("unrecognized subcommand 'frobnicate'"),
        "{msg}"
    );
}

#[test]
fn missing_required_argument_error_names_the_argument() {
    let env = Env::new();
    let msg = error_line(&env, &["verify", "x"], 2);
    assert_eq!(
        msg,
        "the following required arguments were not provided: --audience <AUD>; run 'obo verify --help' for usage"
    );
}

#[test]
fn a_bad_duration_is_a_usage_error() {
    let env = Env::flow();
    let msg = error_line(
        &env,
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
            "soon",
        ],
        2,
    );
    assert!(
        msg.contains("duration \"soon\" is not like 90s, 15m, 1h or 7d"),
        "{msg}"
    );
    let msg = error_line(
        &env,
        &["verify", "x", "--audience", "a", "--leeway", "1 fortnight"],
        2,
    );
    assert!(msg.contains("--leeway"), "{msg}");
}

#[test]
fn a_lifetime_out_of_range_is_a_usage_error() {
    let env = Env::flow();
    for ttl in ["0s", "400d"] {
        let msg = error_line(
            &env,
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
                ttl,
            ],
            2,
        );
        assert!(
            msg.contains("must be at least 1s and at most 366d"),
            "{msg}"
        );
    }
}

#[test]
fn a_bad_time_is_a_usage_error() {
    let env = Env::new();
    for at in ["yesterday", "-5", "2026-13-01T00:00:00Z"] {
        let flag = format!("--at={at}");
        let msg = error_line(&env, &["verify", "x", "--audience", "a", &flag], 2);
        assert!(msg.contains("--at <TIME>"), "{at}: {msg}");
    }
}

#[test]
fn a_bad_scope_is_a_usage_error() {
    let env = Env::flow();
    for scope in ["a::b", "budget:*:x", "Bad Scope", "*:a"] {
        let msg = error_line(
            &env,
            &[
                "delegate",
                "--issuer",
                "idp",
                "--principal",
                "alice",
                "--agent",
                "agent-1",
                "--scope",
                scope,
                "--audience",
                AUD,
            ],
            2,
        );
        assert!(msg.contains("--scope <SCOPE>"), "{scope}: {msg}");
    }
    let msg = error_line(
        &env,
        &["verify", "x", "--audience", "a", "--require", "a:"],
        2,
    );
    assert!(msg.contains("--require <SCOPE>"), "{msg}");
}

#[test]
fn a_missing_key_name_is_an_input_error() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let cases: [&[&str]; 4] = [
        &[
            "delegate",
            "--issuer",
            "nokey",
            "--principal",
            "alice",
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
            "--audience",
            AUD,
        ],
        &[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "alice",
            "--agent",
            "nokey",
            "--scope",
            "reports:read",
            "--audience",
            AUD,
        ],
        &[
            "attenuate",
            &token,
            "--as",
            "nokey",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
        ],
        &["present", &token, "--as", "nokey", "--audience", AUD],
    ];
    for args in cases {
        let msg = error_line(&env, args, 2);
        assert!(
            msg.starts_with("no key named \"nokey\" in "),
            "{args:?}: {msg}"
        );
    }
}

#[test]
fn an_unreadable_trust_file_is_an_input_error() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let missing = env.path("missing.jwk").display().to_string();
    let msg = error_line(
        &env,
        &["verify", &token, "--audience", AUD, "--trust", &missing],
        2,
    );
    assert!(msg.starts_with(&format!("cannot read {missing}")), "{msg}");
    let dir = env.dir.path().display().to_string();
    let msg = error_line(
        &env,
        &["verify", &token, "--audience", AUD, "--trust", &dir],
        2,
    );
    assert_eq!(
        msg,
        format!("{dir} is not a regular file; give the path of a file")
    );
}

#[test]
fn a_trust_file_that_is_not_a_jwk_is_an_input_error() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    let file = env.write("junk.json", "{\"keys\":[]}");
    let msg = error_line(
        &env,
        &["verify", &token, "--audience", AUD, "--trust", &file],
        2,
    );
    assert_eq!(
        msg,
        format!("--trust {file} is not a usable JWK or JWKS: the JWKS holds no Ed25519 (kty OKP, crv Ed25519) keys")
    );
}

#[test]
fn an_unreadable_import_file_is_an_input_error() {
    let env = Env::new();
    let missing = env.path("nothing.jwk").display().to_string();
    let msg = error_line(&env, &["key", "import", &missing, "--name", "x"], 2);
    assert!(msg.starts_with(&format!("cannot read {missing}")), "{msg}");
}

#[test]
fn an_output_file_in_a_missing_folder_is_a_storage_error() {
    let env = Env::flow();
    let out = env.path("no/such/folder/t.token").display().to_string();
    let msg = error_line(
        &env,
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
            &out,
        ],
        2,
    );
    assert!(msg.starts_with("cannot write in "), "{msg}");
}

#[test]
fn a_damaged_home_file_is_a_storage_error() {
    let env = Env::flow();
    std::fs::write(env.home.join("principals.json"), "{not json").unwrap();
    let msg = error_line(&env, &["principal", "list"], 2);
    assert!(msg.contains("principals.json is damaged"), "{msg}");
    std::fs::write(env.home.join("trust.json"), "{\"issuers\":[{}]}").unwrap();
    let msg = error_line(&env, &["verify", "x", "--audience", AUD], 2);
    assert!(msg.contains("trust.json is damaged"), "{msg}");
}

#[test]
fn an_empty_token_on_stdin_is_an_input_error() {
    let env = Env::new();
    let msg = fails_with(
        env.cmd()
            .env("RUST_BACKTRACE", "1")
            .args(["inspect", "-"])
            .write_stdin(""),
        2,
    );
    assert_eq!(
        msg,
        "the token is empty; pass the token itself, a file holding it, or - for stdin"
    );
}

#[test]
fn a_rejected_token_exits_1_with_one_line() {
    let env = Env::new();
    let msg = error_line(&env, &["inspect", "a.b"], 1);
    assert!(msg.starts_with("hop 0 failed rule format"), "{msg}");
    let msg = error_line(&env, &["verify", "a.b", "--audience", AUD], 1);
    assert!(
        msg.starts_with("token rejected: hop 0 failed rule format"),
        "{msg}"
    );
}

#[test]
fn untrusted_text_never_reaches_the_terminal_raw() {
    let env = Env::flow();
    let token = env.delegate(&[]);
    // A right-to-left override and an escape sequence in the audience.
    let evil = "budget\u{202e}ipa\u{1b}[2J";
    let out = env
        .cmd()
        .args(["verify", &token, "--audience", evil])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\u{202e}') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{202e}"), "{stderr:?}");
}

#[test]
fn help_and_version_exit_0() {
    let out = bare().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Exit status: 0 success or valid; 1 token, proof or log rejected; 2 usage, input or storage error."));
    let out = bare().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("obo "));
}
