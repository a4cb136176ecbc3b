//! Fuzz targets for the files obo reads back: audit log lines and whole
//! logs, signed revocation lists, and the home's revocations.jsonl. Valid
//! material is made once with the real binary, then mutated (bytes flipped,
//! lines dropped, swapped or spliced) or replaced by random bytes.
//!
//! Each target asserts that nothing panics, that every result is Ok or Err,
//! and that a changed signed log or list is never accepted as it was.
//! OBO_FUZZ_CASES sets the number of cases, as in tests/fuzz.rs.

use obo::audit::{parse_entry, verify_log};
use obo::revocation::{load_home, open_list};
use obo::store::Home;
use obo::trust::TrustEntry;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn config() -> ProptestConfig {
    let cases = std::env::var("OBO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// A signed audit log and a signed revocation list, made by the binary.
struct Fixture {
    _dir: tempfile::TempDir,
    home: PathBuf,
    log: Vec<u8>,
    list: String,
}

fn obo(home: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_obo"))
        .arg("--home")
        .arg(home)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "obo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let p = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
        for key in ["idp", "agent", "api"] {
            obo(&home, &["keygen", key]);
        }
        obo(
            &home,
            &[
                "principal",
                "add",
                "alice",
                "--display-name",
                "Alice",
                "--allow",
                "budget:*",
            ],
        );
        obo(&home, &["trust", "add", "idp"]);
        obo(
            &home,
            &[
                "delegate",
                "--issuer",
                "idp",
                "--principal",
                "alice",
                "--agent",
                "agent",
                "--scope",
                "budget:read",
                "--audience",
                "api",
                "-o",
                &p("t"),
            ],
        );
        for i in 0..3 {
            let proof = p(&format!("p{i}"));
            obo(
                &home,
                &[
                    "present",
                    &p("t"),
                    "--as",
                    "agent",
                    "--audience",
                    "api",
                    "-o",
                    &proof,
                ],
            );
            obo(
                &home,
                &[
                    "audit",
                    "record",
                    "--log",
                    &p("log"),
                    &p("t"),
                    "--proof",
                    &proof,
                    "--audience",
                    "api",
                    "--action",
                    &format!("read {i}"),
                    "--signing-key",
                    "api",
                ],
            );
        }
        obo(&home, &["revoke", "--principal", "bob", "--reason", "left"]);
        obo(
            &home,
            &[
                "revocations",
                "export",
                "--signing-key",
                "idp",
                "-o",
                &p("list"),
            ],
        );
        Fixture {
            log: std::fs::read(p("log")).unwrap(),
            list: std::fs::read_to_string(p("list"))
                .unwrap()
                .trim()
                .to_owned(),
            home,
            _dir: dir,
        }
    })
}

fn trust() -> Vec<TrustEntry> {
    Home::new(&fixture().home).trust().unwrap()
}

fn api_key() -> obo::keys::PublicKey {
    Home::new(&fixture().home).load_key("api").unwrap().public
}

/// Writes bytes to a fresh file and checks the whole log, returning
/// whether it verified.
fn log_verifies(bytes: &[u8]) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log");
    std::fs::write(&path, bytes).unwrap();
    matches!(verify_log(&path, Some(&api_key()), None), Ok(v) if v.problem.is_none() && v.torn.is_none())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn audit_entry_parser_survives_random_lines(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_entry(&bytes);
    }

    #[test]
    fn a_flipped_byte_in_a_signed_log_never_verifies(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut log = fixture().log.clone();
        let i = at.index(log.len());
        log[i] ^= 1 << bit;
        prop_assert!(!log_verifies(&log));
    }

    #[test]
    fn dropped_swapped_or_spliced_lines_never_verify(kind in 0usize..3, a in 0usize..3, b in 0usize..3,
                                                     junk in prop::collection::vec(any::<u8>(), 1..200)) {
        let text = String::from_utf8(fixture().log.clone()).unwrap();
        let mut lines: Vec<Vec<u8>> = text.lines().map(|l| format!("{l}\n").into_bytes()).collect();
        match kind {
            0 if a + 1 < lines.len() => { lines.remove(a); }
            1 if a != b => lines.swap(a, b),
            _ => lines.insert(a, [junk, b"\n".to_vec()].concat()),
        }
        let changed = lines.concat();
        if changed != fixture().log {
            prop_assert!(!log_verifies(&changed));
        }
    }

    #[test]
    fn revocation_list_reader_survives_random_text(bytes in prop::collection::vec(any::<u8>(), 0..2048),
                                                   shaped in "[A-Za-z0-9_\\-.~]{0,600}") {
        let trust = trust();
        for text in [String::from_utf8_lossy(&bytes).into_owned(), shaped] {
            prop_assert!(open_list(&text, &trust, 1_800_000_000).is_err());
        }
    }

    #[test]
    fn a_changed_revocation_list_is_refused(at in any::<prop::sample::Index>(), to in "[A-Za-z0-9_\\-.]") {
        let list = &fixture().list;
        let i = at.index(list.len());
        let mut changed = list.clone();
        changed.replace_range(i..i + 1, &to);
        if changed != *list {
            prop_assert!(open_list(&changed, &trust(), obo::time::now()).is_err());
        }
    }

    #[test]
    fn home_revocations_reader_survives_random_files(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("revocations.jsonl"), &bytes).unwrap();
        let _ = load_home(&Home::new(dir.path()));
    }
}

#[test]
fn the_unchanged_fixture_verifies() {
    assert!(
        log_verifies(&fixture().log),
        "the fuzz targets would prove nothing"
    );
    assert!(open_list(&fixture().list, &trust(), obo::time::now()).is_ok());
}
