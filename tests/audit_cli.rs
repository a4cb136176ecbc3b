//! `obo audit record|show|trace|verify|repair` through the real binary:
//! what is logged for allowed and denied requests, how the log reads, each
//! kind of tampering `audit verify` must catch, the torn tail and its
//! repair, escaping of hostile names, and many writers at once.

use assert_cmd::Command;
use obo::audit::{self, ActorRecord, Entry, Outcome, PartyRecord};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A home with an identity provider, Agent 1, a database agent and the
/// logging service's key; Alice on record; a hop-0 token for Agent 1 and
/// an attenuated one for the database agent, each with a proof for the
/// Budget API.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with_names("Alice", "Agent 1")
    }

    fn with_names(principal: &str, agent: &str) -> Fixture {
        let f = Fixture {
            dir: TempDir::new().unwrap(),
        };
        f.ok(&["keygen", "idp"]);
        f.ok(&["keygen", "agent-1", "--display-name", agent]);
        f.ok(&["keygen", "db-agent", "--display-name", "DB Agent"]);
        f.ok(&["keygen", "logsvc"]);
        f.ok(&["keygen", "other"]);
        f.ok(&[
            "principal",
            "add",
            "alice",
            "--display-name",
            principal,
            "--allow",
            "budget:*",
            "reports:read",
        ]);
        f.ok(&["principal", "add", "bob", "--allow", "reports:read"]);
        f.ok(&["trust", "add", "idp"]);
        let (t0, t1, tb) = (f.path("t0"), f.path("t1"), f.path("tb"));
        f.ok(&[
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
            "budget-api",
            "--task",
            "Update the Q3 budget",
            "-o",
            s(&t0),
        ]);
        f.ok(&[
            "attenuate",
            s(&t0),
            "--as",
            "agent-1",
            "--agent",
            "db-agent",
            "--scope",
            "reports:read",
            "-o",
            s(&t1),
        ]);
        f.ok(&[
            "delegate",
            "--issuer",
            "idp",
            "--principal",
            "bob",
            "--agent",
            "agent-1",
            "--scope",
            "reports:read",
            "--audience",
            "budget-api",
            "-o",
            s(&tb),
        ]);
        f.ok(&[
            "present",
            s(&t0),
            "--as",
            "agent-1",
            "--audience",
            "budget-api",
            "-o",
            s(&f.path("p0")),
        ]);
        f.ok(&[
            "present",
            s(&t1),
            "--as",
            "db-agent",
            "--audience",
            "budget-api",
            "-o",
            s(&f.path("p1")),
        ]);
        f.ok(&[
            "present",
            s(&tb),
            "--as",
            "agent-1",
            "--audience",
            "budget-api",
            "-o",
            s(&f.path("pb")),
        ]);
        f
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn obo(&self) -> Command {
        let mut cmd = Command::cargo_bin("obo").unwrap();
        cmd.env("OBO_HOME", self.path("home"))
            .env_remove("NO_COLOR")
            .arg("--color")
            .arg("never");
        cmd
    }

    fn ok(&self, args: &[&str]) {
        self.obo().args(args).assert().success();
    }

    /// A fresh copy of proof `name` (`p0`, `p1` or `pb`): same token,
    /// holder and audience, new id. `audit record` accepts each proof once,
    /// so every recorded request needs its own, as real requests do.
    fn fresh(&self, name: &str) -> PathBuf {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let (token, holder) = match name {
            "p0" => ("t0", "agent-1"),
            "p1" => ("t1", "db-agent"),
            "pb" => ("tb", "agent-1"),
            other => panic!("no fresh copy of proof {other}"),
        };
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let path = self.path(&format!("{name}-fresh-{n}"));
        let token = self.path(token);
        self.ok(&[
            "present",
            s(&token),
            "--as",
            holder,
            "--audience",
            "budget-api",
            "-o",
            s(&path),
        ]);
        path
    }

    fn record(
        &self,
        log: &Path,
        token: &str,
        proof: &str,
        audience: &str,
        action: &str,
    ) -> assert_cmd::assert::Assert {
        let proof = self.fresh(proof);
        self.obo()
            .args(["audit", "record", "--log", s(log), s(&self.path(token))])
            .args([
                "--proof",
                s(&proof),
                "--audience",
                audience,
                "--action",
                action,
            ])
            .assert()
    }

    /// Agent 1's request, the database agent's, and a denied one.
    fn three_entry_log(&self, signed: bool) -> PathBuf {
        let log = self.path("audit.jsonl");
        let sign: &[&str] = if signed {
            &["--signing-key", "logsvc"]
        } else {
            &[]
        };
        let record = |token: &str, proof: &str, audience: &str, action: &str| {
            let proof = self.fresh(proof);
            self.obo()
                .args(["audit", "record", "--log", s(&log), s(&self.path(token))])
                .args(["--proof", s(&proof), "--audience", audience])
                .args(["--action", action, "--resource", "budgets/q3"])
                .args(sign)
                .assert()
        };
        record("t0", "p0", "budget-api", "update Q3 budget").success();
        record("t1", "p1", "budget-api", "read Q3 actuals").success();
        record("t1", "p1", "payroll-api", "read salaries").code(1);
        log
    }
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn lines(log: &Path) -> Vec<String> {
    fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn json_lines(log: &Path) -> Vec<Value> {
    lines(log)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write_lines(log: &Path, lines: &[&str]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(log, text).unwrap();
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn record_allowed_appends_a_linked_entry_and_prints_the_attribution() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    f.record(&log, "t0", "p0", "budget-api", "update Q3 budget")
        .success()
        .stdout(predicate::str::starts_with(
            "entry 1 allowed: Agent 1 (OBO: Alice) may budget:q3:write reports:read at budget-api until ",
        ));
    f.record(&log, "t1", "p1", "budget-api", "read Q3 actuals")
        .success()
        .stdout(predicate::str::starts_with(
            "entry 2 allowed: DB Agent (OBO: Alice, via Agent 1) may reports:read",
        ));
    let entries = json_lines(&log);
    assert_eq!(entries.len(), 2);
    let first = &entries[0];
    assert_eq!(first["seq"], 1);
    assert_eq!(first["prev"], audit::GENESIS_PREV);
    assert_eq!(first["outcome"], "allowed");
    assert_eq!(first["principal"]["id"], "alice");
    assert_eq!(first["principal"]["name"], "Alice");
    assert_eq!(first["actors"][0]["id"], "agent-1");
    assert_eq!(first["actors"][0]["kid"].as_str().unwrap().len(), 43);
    assert_eq!(first["task"], "Update the Q3 budget");
    assert_eq!(first["audience"], "budget-api");
    assert_eq!(first["action"], "update Q3 budget");
    assert_eq!(first["issuer"]["name"], "idp");
    assert_eq!(
        first["scopes"],
        serde_json::json!(["budget:q3:write", "reports:read"])
    );
    let second = &entries[1];
    assert_eq!(second["seq"], 2);
    assert_eq!(second["prev"], audit::line_hash(lines(&log)[0].as_bytes()));
    assert_eq!(second["actors"].as_array().unwrap().len(), 2);
    assert_eq!(second["hops"].as_array().unwrap().len(), 2);
    assert_eq!(second["hops"][0], first["hops"][0]);
    let mode = fs::metadata(&log).unwrap().permissions();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777,
        0o600
    );
}

#[test]
fn record_denied_is_logged_with_rule_and_reason_and_exits_1() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    f.record(&log, "t1", "p1", "payroll-api", "read salaries")
        .code(1)
        .stdout("")
        .stderr(format!(
            "obo: token rejected: hop 1 failed rule audience: the token is for \"budget-api\", not \"payroll-api\"; recorded as denied, entry 1 of {}\n",
            log.display()
        ));
    let entry = &json_lines(&log)[0];
    assert_eq!(entry["outcome"], "denied");
    assert_eq!(entry["rule"], "audience");
    assert!(entry["reason"]
        .as_str()
        .unwrap()
        .contains("not \"payroll-api\""));
    assert_eq!(entry["principal"]["id"], "alice");
    assert_eq!(entry["issuer"], Value::Null);
    assert_eq!(entry["proof"], Value::Null);
}

#[test]
fn record_of_a_proof_for_another_chain_is_denied() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    f.record(&log, "t0", "p1", "budget-api", "update")
        .code(1)
        .stderr(predicate::str::contains("rule proof failed"));
    assert_eq!(json_lines(&log)[0]["rule"], "proof");
}

#[test]
fn record_of_an_unparseable_token_is_logged_denied_without_identity() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    f.obo()
        .args([
            "audit",
            "record",
            "--log",
            s(&log),
            "not-a-token",
            "--proof",
            s(&f.path("p0")),
        ])
        .args(["--audience", "budget-api", "--action", "update"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("rule format"));
    let entry = &json_lines(&log)[0];
    assert_eq!(entry["outcome"], "denied");
    assert_eq!(entry["rule"], "format");
    assert_eq!(entry["principal"], Value::Null);
    assert_eq!(entry["actors"], serde_json::json!([]));
    assert!(entry["token_hash"].is_string());
    f.obo()
        .args(["audit", "show", s(&log)])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(unknown: the token did not parse)",
        ));
}

#[test]
fn record_json_reports_the_entry() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    let assert = f
        .obo()
        .args([
            "--json",
            "audit",
            "record",
            "--log",
            s(&log),
            s(&f.path("t0")),
        ])
        .args([
            "--proof",
            s(&f.path("p0")),
            "--audience",
            "budget-api",
            "--action",
            "update",
        ])
        .assert()
        .success();
    let report: Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(report["seq"], 1);
    assert_eq!(report["outcome"], "allowed");
    assert_eq!(report["attribution"], "Agent 1 (OBO: Alice)");
    assert_eq!(report["entry"]["action"], "update");
}

#[test]
fn record_bad_action_text_is_refused_before_anything_is_logged() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    f.record(&log, "t0", "p0", "budget-api", "ring\x07bell")
        .code(2)
        .stderr("obo: --action contains control characters; remove them\n");
    f.record(&log, "t0", "p0", "budget-api", "  ")
        .code(2)
        .stderr("obo: --action is empty; say what the request does or acts on\n");
    assert!(!log.exists());
}

#[test]
fn record_refuses_to_extend_a_torn_log() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let text = fs::read(&log).unwrap();
    fs::write(&log, &text[..text.len() - 25]).unwrap();
    f.record(&log, "t0", "p0", "budget-api", "update")
        .code(2)
        .stderr(format!(
            "obo: audit log {0} ends in a torn line (an append was cut short); run 'obo audit verify {0}' and then 'obo audit repair {0}'\n",
            log.display()
        ));
    assert_eq!(fs::read(&log).unwrap(), &text[..text.len() - 25]);
}

#[test]
fn record_refuses_to_append_to_a_file_that_is_not_an_audit_log() {
    let f = Fixture::new();
    let log = f.path("notes.txt");
    fs::write(&log, "shopping list\n").unwrap();
    f.record(&log, "t0", "p0", "budget-api", "update")
        .code(2)
        .stderr(predicate::str::contains(
            "is not an obo audit entry; check that --log names an audit log",
        ));
    assert_eq!(fs::read_to_string(&log).unwrap(), "shopping list\n");
}

#[test]
fn show_table_reads_agent_1_obo_alice_and_longer_chains() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let assert = f.obo().args(["audit", "show", s(&log)]).assert().success();
    let out = stdout(&assert);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].starts_with("TIME"));
    for header in ["WHO", "ACTION", "RESOURCE", "OUTCOME"] {
        assert!(rows[0].contains(header), "{}", rows[0]);
    }
    assert!(rows[1].contains("  Agent 1 (OBO: Alice)  "));
    assert!(rows[1].contains("update Q3 budget"));
    assert!(rows[1].ends_with("allowed"));
    assert!(rows[2].contains("DB Agent (OBO: Alice, via Agent 1)"));
    assert!(rows[3].ends_with("denied (audience)"));
    assert!(
        !out.contains("I6ft"),
        "key ids belong in --wide and --json only"
    );
    let who_column = rows[0].find("WHO").unwrap();
    assert_eq!(rows[1].find("Agent 1"), Some(who_column), "columns line up");
}

#[test]
fn show_filters_by_principal_actor_outcome_and_time() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    f.record(&log, "tb", "pb", "budget-api", "read bob's reports")
        .success();
    let rows = |args: &[&str]| -> Vec<String> {
        let assert = f
            .obo()
            .args(["audit", "show", s(&log)])
            .args(args)
            .assert()
            .success();
        stdout(&assert).lines().skip(1).map(str::to_owned).collect()
    };
    assert_eq!(rows(&[]).len(), 4);
    let bob = rows(&["--principal", "bob"]);
    assert_eq!(bob.len(), 1);
    assert!(bob[0].contains("Agent 1 (OBO: bob)"));
    assert_eq!(rows(&["--principal", "alice"]).len(), 3);
    assert_eq!(rows(&["--actor", "db-agent"]).len(), 2);
    assert_eq!(rows(&["--actor", "agent-1"]).len(), 4);
    let denied = rows(&["--outcome", "denied"]);
    assert_eq!(denied.len(), 1);
    assert!(denied[0].contains("read salaries"));
    assert_eq!(
        rows(&["--outcome", "allowed", "--actor", "db-agent"]).len(),
        1
    );
    assert_eq!(
        rows(&[
            "--since",
            "2000-01-01T00:00:00Z",
            "--until",
            "9999-01-01T00:00:00Z"
        ])
        .len(),
        4
    );
    f.obo()
        .args(["audit", "show", s(&log), "--until", "2000-01-01T00:00:00Z"])
        .assert()
        .success()
        .stdout("")
        .stderr("obo: no entries match\n");
}

#[test]
fn show_time_filters_are_inclusive_bounds() {
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("audit.jsonl");
    let times = [
        "2026-01-01T09:00:00Z",
        "2026-01-02T09:00:00Z",
        "2026-01-03T09:00:00Z",
    ];
    let entries = times.iter().map(|t| crafted(t, "Alice", "Agent 1", "task"));
    audit::append_many(&log, entries, None).unwrap();
    let assert = Command::cargo_bin("obo")
        .unwrap()
        .args([
            "audit",
            "show",
            s(&log),
            "--since",
            "2026-01-02T09:00:00Z",
            "--until",
            "2026-01-03T08:59:59Z",
        ])
        .assert()
        .success();
    let out = stdout(&assert);
    assert_eq!(out.lines().count(), 2);
    assert!(out.contains("2026-01-02T09:00:00Z"));
}

#[test]
fn show_wide_and_json_carry_key_ids() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let entries = json_lines(&log);
    let agent_kid = entries[0]["actors"][0]["kid"].as_str().unwrap().to_owned();
    let db_kid = entries[1]["actors"][1]["kid"].as_str().unwrap().to_owned();
    let assert = f
        .obo()
        .args(["audit", "show", s(&log), "--wide"])
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(out.lines().next().unwrap().starts_with("LINE  TIME"));
    assert!(out.contains(&format!("agent-1 ({agent_kid}) > db-agent ({db_kid})")));
    assert!(out.contains("Update the Q3 budget"));
    assert!(out.contains("hop 1 failed rule audience"));

    let assert = f
        .obo()
        .args(["--json", "audit", "show", s(&log), "--actor", &db_kid])
        .assert()
        .success();
    let shown: Vec<Value> = stdout(&assert)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(shown.len(), 2, "--actor matches a key id too");
    assert_eq!(shown[0]["line"], 2);
    assert_eq!(
        shown[0]["attribution"],
        "DB Agent (OBO: Alice, via Agent 1)"
    );
    assert_eq!(shown[0]["actors"][1]["kid"], db_kid.as_str());
    assert_eq!(shown[1]["outcome"], "denied");
}

#[test]
fn trace_groups_a_principals_requests_by_delegation_chain() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    f.record(&log, "tb", "pb", "budget-api", "read bob's reports")
        .success();
    let root = json_lines(&log)[0]["hops"][0].as_str().unwrap().to_owned();
    let assert = f
        .obo()
        .args(["audit", "trace", s(&log), "--principal", "alice"])
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(
        out.starts_with("On behalf of Alice [alice]: 3 requests in 1 delegation chain\n"),
        "{out}"
    );
    assert!(out.contains(&format!("Chain 1: hop 0 jti {root}, issued by idp")));
    let agent = out.find("\n  Agent 1 (OBO: Alice)\n").unwrap();
    let db = out
        .find("\n  DB Agent (OBO: Alice, via Agent 1)\n")
        .unwrap();
    assert!(agent < db);
    assert!(out.contains("    task: Update the Q3 budget\n"));
    assert!(out[agent..db].contains("line 1  "));
    assert!(out[db..].contains("line 2  "));
    assert!(out[db..].contains("line 3  "));
    assert!(out[db..].contains("denied (audience)  read salaries"));
    assert!(!out.contains("bob"));

    let assert = f
        .obo()
        .args(["--json", "audit", "trace", s(&log), "--principal", "alice"])
        .assert()
        .success();
    let trace: Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(trace["requests"], 3);
    assert_eq!(trace["chains"].as_array().unwrap().len(), 1);
    let paths = trace["chains"][0]["paths"].as_array().unwrap();
    assert_eq!(paths.len(), 2);
    assert_eq!(
        paths[1]["attribution"],
        "DB Agent (OBO: Alice, via Agent 1)"
    );
    assert_eq!(paths[1]["entries"].as_array().unwrap().len(), 2);

    f.obo()
        .args(["audit", "trace", s(&log), "--principal", "carol"])
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "obo: no requests on behalf of carol in {}\n",
            log.display()
        ));
}

#[test]
fn verify_passes_an_intact_log_and_prints_its_head() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let head = format!("3:{}", audit::line_hash(lines(&log)[2].as_bytes()));
    f.obo()
        .args(["audit", "verify", s(&log)])
        .assert()
        .success()
        .stdout(format!("log verified: 3 entries; head {head}\n"))
        .stderr(predicate::str::contains("signatures were not checked"));
    f.obo()
        .args(["audit", "verify", s(&log), "--anchor", &head])
        .assert()
        .success();
    let assert = f
        .obo()
        .args(["--json", "audit", "verify", s(&log)])
        .assert()
        .success();
    let report: Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["entries"], 3);
    assert_eq!(report["head"], head.as_str());
}

#[test]
fn verify_of_an_empty_log_passes() {
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("audit.jsonl");
    fs::write(&log, "").unwrap();
    Command::cargo_bin("obo")
        .unwrap()
        .args(["audit", "verify", s(&log)])
        .assert()
        .success()
        .stdout("log verified: 0 entries\n");
}

fn verify_fails(f: &Fixture, log: &Path, args: &[&str], message: &str) {
    f.obo()
        .args(["audit", "verify", s(log)])
        .args(args)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("obo: {message}\n"));
}

#[test]
fn verify_names_an_edited_line() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    let edited = l[0].replace("update Q3 budget", "update Q4 budget");
    write_lines(&log, &[&edited, &l[1], &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 1 (edited): entry seq 1 was changed after it was written: line 2's prev hash no longer matches it");
}

#[test]
fn verify_names_a_line_whose_seq_was_edited() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    let edited = l[1].replace("\"seq\":2,", "\"seq\":7,");
    write_lines(&log, &[&l[0], &edited, &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 2 (edited): entry's seq is 7 where seq 2 was due, yet it links to the line before: its seq was changed");
}

#[test]
fn verify_names_a_deleted_line() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    write_lines(&log, &[&l[0], &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 2 (deleted): entry seq 2 is missing before this line (it holds seq 3): they were deleted, or lines were moved");
    write_lines(&log, &[&l[1], &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 1 (deleted): entry seq 1 is missing before this line (it holds seq 2): they were deleted, or lines were moved");
}

#[test]
fn verify_names_an_inserted_line() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    write_lines(&log, &[&l[0], &l[1], &l[0], &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 3 (inserted): this line (seq 1) was inserted: line 4 links to the line before it, not to it");

    // A forged line that carries the right seq: only the link gives it away.
    let forged = l[1].replace("read Q3 actuals", "nothing to see");
    let forged = forged.replace("\"seq\":2,", "\"seq\":3,");
    write_lines(&log, &[&l[0], &l[1], &forged, &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 3 (inserted): this line (seq 3) was inserted: line 4 links to the line before it, not to it");
}

#[test]
fn verify_names_reordered_lines() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    write_lines(&log, &[&l[0], &l[2], &l[1]]);
    verify_fails(&f, &log, &[], "log rejected at line 2 (reordered): lines 2 and 3 are in the wrong order: entry seq 3 comes before seq 2");
    write_lines(&log, &[&l[1], &l[0], &l[2]]);
    verify_fails(&f, &log, &[], "log rejected at line 1 (reordered): lines 1 and 2 are in the wrong order: entry seq 2 comes before seq 1");
}

#[test]
fn verify_with_an_anchor_detects_entries_cut_from_the_end() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    let head = format!("3:{}", audit::line_hash(l[2].as_bytes()));
    write_lines(&log, &[&l[0], &l[1]]);
    f.obo()
        .args(["audit", "verify", s(&log)])
        .assert()
        .success();
    verify_fails(&f, &log, &["--anchor", &head], "log rejected at line 3 (truncated): the log ends at entry seq 2, but the anchor names entry seq 3: entries were removed from the end");

    let rewritten = l[2].replace("read salaries", "read nothing");
    write_lines(&log, &[&l[0], &l[1], &rewritten]);
    verify_fails(&f, &log, &["--anchor", &head], "log rejected at line 3 (edited): entry seq 3 is not the entry the anchor names (its hash differs): the log was rewritten at or before this line");

    f.obo()
        .args(["audit", "verify", s(&log), "--anchor", "three"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not SEQ:HASH"));
}

#[test]
fn verify_reports_a_torn_tail_distinctly_from_tampering() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let text = fs::read(&log).unwrap();
    fs::write(&log, &text[..text.len() - 30]).unwrap();
    let torn = lines(&log)[2].len();
    verify_fails(&f, &log, &[], &format!(
        "log has a torn tail at line 3: the last line is incomplete ({torn} bytes without a line end), as a crash during an append leaves it; the 2 entries before it verify; run 'obo audit repair {}' to remove it",
        log.display()
    ));
    let assert = f
        .obo()
        .args(["--json", "audit", "verify", s(&log)])
        .assert()
        .code(1);
    let report: Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(report["problem"]["kind"], "torn-tail");
    assert_eq!(report["entries"], 2);
}

#[test]
fn verify_with_the_logging_key_catches_what_the_chain_cannot() {
    let f = Fixture::new();
    let log = f.three_entry_log(true);
    f.obo()
        .args(["audit", "verify", s(&log), "--key", "logsvc"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "log verified: 3 entries, each signed by key ",
        ));

    // The last line has no successor to hold its hash: only the signature covers it.
    let l = lines(&log);
    let edited = l[2].replace("read salaries", "read nothing!");
    write_lines(&log, &[&l[0], &l[1], &edited]);
    f.obo()
        .args(["audit", "verify", s(&log)])
        .assert()
        .success();
    verify_fails(&f, &log, &["--key", "logsvc"], "log rejected at line 3 (signature): entry seq 3: the signature does not verify: the entry was changed after it was signed");

    write_lines(&log, &l.iter().map(String::as_str).collect::<Vec<_>>());
    let other = stdout(
        &f.obo()
            .args(["--json", "key", "export", "other"])
            .assert()
            .success(),
    );
    let other_kid = serde_json::from_str::<Value>(&other).unwrap()["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    let logsvc = stdout(
        &f.obo()
            .args(["--json", "key", "export", "logsvc"])
            .assert()
            .success(),
    );
    let logsvc_kid = serde_json::from_str::<Value>(&logsvc).unwrap()["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    verify_fails(&f, &log, &["--key", "other"], &format!(
        "log rejected at line 1 (signature): entry seq 1: signed by key {logsvc_kid}, not by the given key {other_kid}"
    ));
}

#[test]
fn verify_with_a_key_refuses_unsigned_entries() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    verify_fails(&f, &log, &["--key", "logsvc"], "log rejected at line 1 (signature): entry seq 1: the entry is not signed, but every entry of a signed log must be");
}

#[test]
fn verify_of_a_missing_log_is_an_input_error() {
    let f = Fixture::new();
    let log = f.path("nowhere.jsonl");
    f.obo()
        .args(["audit", "verify", s(&log)])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "obo: cannot read audit log {}: ",
            log.display()
        )));
}

#[test]
fn repair_cuts_off_only_a_torn_tail_and_appending_resumes() {
    let f = Fixture::new();
    let log = f.three_entry_log(true);
    let text = fs::read(&log).unwrap();
    let intact = lines(&log)[..2]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    fs::write(&log, &text[..text.len() - 10]).unwrap();
    let torn = text.len() - 10 - intact.len();
    f.obo()
        .args(["audit", "repair", s(&log), "--key", "logsvc"])
        .assert()
        .success()
        .stderr(format!(
            "obo: removed the torn last line of {} (line 3, {torn} bytes); the 2 entries before it verify\n",
            log.display()
        ));
    assert_eq!(fs::read_to_string(&log).unwrap(), intact);
    f.obo()
        .args(["audit", "verify", s(&log), "--key", "logsvc"])
        .assert()
        .success();
    f.obo()
        .args([
            "audit",
            "record",
            "--log",
            s(&log),
            s(&f.path("t0")),
            "--proof",
            s(&f.path("p0")),
        ])
        .args([
            "--audience",
            "budget-api",
            "--action",
            "again",
            "--signing-key",
            "logsvc",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("entry 3 allowed"));
    f.obo()
        .args(["audit", "repair", s(&log)])
        .assert()
        .success()
        .stderr(format!(
            "obo: nothing to repair: {} ends with a complete line, and its 3 entries verify\n",
            log.display()
        ));
}

#[test]
fn repair_refuses_a_log_damaged_before_its_torn_tail() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    let edited = l[0].replace("update Q3 budget", "update Q4 budget");
    let damaged = format!("{edited}\n{}\n{}", l[1], &l[2][..40]);
    fs::write(&log, &damaged).unwrap();
    f.obo()
        .args(["audit", "repair", s(&log)])
        .assert()
        .code(1)
        .stderr(format!(
            "obo: refusing to repair {}: it is damaged before its end, not only torn; log rejected at line 1 (edited): entry seq 1 was changed after it was written: line 2's prev hash no longer matches it (or line 2 itself was inserted or changed)\n",
            log.display()
        ));
    assert_eq!(fs::read_to_string(&log).unwrap(), damaged);
}

/// An entry with chosen names and time, written through the library as a
/// hostile or old log would hold it.
fn crafted(time: &str, principal: &str, actor: &str, task: &str) -> Entry {
    Entry {
        v: audit::FORMAT_VERSION,
        seq: 0,
        time: time.into(),
        outcome: Outcome::Allowed,
        rule: None,
        reason: None,
        principal: Some(PartyRecord {
            id: "alice".into(),
            name: Some(principal.into()),
        }),
        actors: vec![ActorRecord {
            id: "agent-1".into(),
            name: Some(actor.into()),
            kid: "I6ftfgzizk6Or723RwGvRqzXL1k2A0t1383NbkrNdRU".into(),
        }],
        hops: vec!["root-jti".into()],
        issuer: None,
        scopes: vec!["budget:q3:write".into()],
        task: Some(task.into()),
        audience: "budget-api".into(),
        action: "update\u{1b}[2J".into(),
        resource: Some("budgets/\u{202e}3q".into()),
        proof: None,
        token_hash: None,
        prev: String::new(),
        sig: None,
    }
}

fn assert_no_terminal_controls(text: &str) {
    assert!(
        !text.contains('\u{1b}'),
        "raw ESC reached the terminal: {text:?}"
    );
    assert!(
        !text.contains('\u{202e}'),
        "raw bidi override reached the terminal: {text:?}"
    );
}

#[test]
fn hostile_names_in_the_log_are_shown_escaped_in_every_human_view() {
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("audit.jsonl");
    let entry = crafted(
        "2026-01-01T00:00:00Z",
        "Al\u{202e}ice",
        "Agent\u{1b}[31m 1",
        "wipe\u{1b}]0;pwned\u{7}",
    );
    audit::append(&log, entry, None).unwrap();
    for args in [
        vec!["show"],
        vec!["show", "--wide"],
        vec!["trace", "--principal", "alice"],
    ] {
        let assert = Command::cargo_bin("obo")
            .unwrap()
            .arg("audit")
            .args(&args)
            .arg(s(&log))
            .assert()
            .success();
        let out = stdout(&assert);
        assert_no_terminal_controls(&out);
        assert!(
            out.contains("Agent\\u{001b}[31m 1 (OBO: Al\\u{202e}ice)"),
            "{out}"
        );
        assert!(out.contains("update\\u{001b}[2J"));
        assert!(out.contains("budgets/\\u{202e}3q"));
    }

    // A log line whose member name is an escape sequence: the error quotes it.
    let hostile = log.with_file_name("hostile.jsonl");
    fs::write(&hostile, "{\"v\":1,\"\\u001b[31mred\\u202e\":1}\n").unwrap();
    let assert = Command::cargo_bin("obo")
        .unwrap()
        .args(["audit", "verify", s(&hostile)])
        .assert()
        .code(1);
    let err = stderr(&assert);
    assert_no_terminal_controls(&err);
    assert!(
        err.contains("unknown field `\\u{001b}[31mred\\u{202e}`"),
        "{err}"
    );
    let assert = Command::cargo_bin("obo")
        .unwrap()
        .args(["audit", "show", s(&hostile)])
        .assert()
        .code(1);
    assert_no_terminal_controls(&stderr(&assert));
}

#[test]
fn bidi_override_in_a_real_principal_name_is_escaped_in_the_table() {
    let f = Fixture::with_names("Al\u{202e}ecila", "Agent \u{200b}1");
    let log = f.path("audit.jsonl");
    let assert = f.record(&log, "t0", "p0", "budget-api", "update").success();
    assert_no_terminal_controls(&stdout(&assert));
    let assert = f.obo().args(["audit", "show", s(&log)]).assert().success();
    let out = stdout(&assert);
    assert_no_terminal_controls(&out);
    assert!(!out.contains('\u{200b}'));
    assert!(
        out.contains("Agent \\u{200b}1 (OBO: Al\\u{202e}ecila)"),
        "{out}"
    );
    assert_eq!(
        json_lines(&log)[0]["principal"]["name"],
        "Al\u{202e}ecila",
        "the log keeps the exact text"
    );
}

#[test]
fn show_skips_damaged_lines_with_a_notice_and_exits_1() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let l = lines(&log);
    write_lines(&log, &[&l[0], "garbage", &l[1]]);
    let assert = f.obo().args(["audit", "show", s(&log)]).assert().code(1);
    assert_eq!(stdout(&assert).lines().count(), 3);
    let err = stderr(&assert);
    assert!(err.contains("obo: line 2 is not an audit entry"), "{err}");
    assert!(err.contains("1 line was skipped as damaged; run 'obo audit verify"));
}

#[test]
fn show_leaves_out_a_torn_tail_with_a_notice() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let text = fs::read(&log).unwrap();
    fs::write(&log, &text[..text.len() - 5]).unwrap();
    let assert = f.obo().args(["audit", "show", s(&log)]).assert().success();
    assert_eq!(stdout(&assert).lines().count(), 3);
    assert!(stderr(&assert).contains("line 3 of"));
    assert!(stderr(&assert).contains("is torn"));
}

#[test]
fn many_processes_appending_at_once_lose_interleave_and_double_nothing() {
    const WRITERS: usize = 8;
    const EACH: usize = 25;
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    std::thread::scope(|scope| {
        for w in 0..WRITERS {
            let (f, log) = (&f, &log);
            scope.spawn(move || {
                for i in 0..EACH {
                    f.record(log, "t0", "p0", "budget-api", &format!("w{w}-{i}"))
                        .success();
                }
            });
        }
    });
    let entries = json_lines(&log);
    assert_eq!(entries.len(), WRITERS * EACH);
    for (n, entry) in entries.iter().enumerate() {
        assert_eq!(entry["seq"], n as u64 + 1);
    }
    let mut actions: Vec<String> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    actions.sort();
    let mut expected: Vec<String> = (0..WRITERS)
        .flat_map(|w| (0..EACH).map(move |i| format!("w{w}-{i}")))
        .collect();
    expected.sort();
    assert_eq!(actions, expected, "every entry present exactly once");
    f.obo()
        .args(["audit", "verify", s(&log)])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "log verified: {} entries;",
            WRITERS * EACH
        )));
}

/// The usage error used to keep only clap's first line, "the following
/// required arguments were not provided:", without naming any of them.
#[test]
fn missing_required_flag_is_named_in_the_usage_error() {
    let obo = || Command::cargo_bin("obo").unwrap();
    obo()
        .args(["audit", "record", "--log", "x", "tok", "--audience", "a", "--action", "b"])
        .assert()
        .code(2)
        .stderr("obo: the following required arguments were not provided: --proof <PROOF>; run 'obo audit record --help' for usage\n");
    obo()
        .args(["audit", "trace", "x"])
        .assert()
        .code(2)
        .stderr("obo: the following required arguments were not provided: --principal <ID>; run 'obo audit trace --help' for usage\n");
    obo()
        .args(["audit", "show", "x", "--outcome", "maybe"])
        .assert()
        .code(2)
        .stderr("obo: invalid value 'maybe' for '--outcome <OUTCOME>' [possible values: allowed, denied]; run 'obo --help' for usage\n");
}

#[test]
fn demo_records_requests_and_shows_the_audit_table() {
    let assert = Command::cargo_bin("obo")
        .unwrap()
        .arg("demo")
        .assert()
        .success();
    let out = stdout(&assert);
    let table = &out[out.find("$ obo audit show").unwrap()..];
    assert!(table.contains("\nTIME "));
    assert!(table.contains("  Agent 1 (OBO: Alice)  "));
    assert!(table.contains("DB Agent (OBO: Alice, via Agent 1)"));
    assert!(table.contains("denied (audience)"));
    assert!(out.contains("log verified: 4 entries, each signed by key "));
    assert!(table.contains("denied (revoked)"));
}

/// `audit record` with this proof file (not a fresh copy).
fn record_with(
    f: &Fixture,
    log: &Path,
    proof: &Path,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    f.obo()
        .args(["audit", "record", "--log", s(log), s(&f.path("t0"))])
        .args(["--proof", s(proof), "--audience", "budget-api"])
        .args(["--action", "update"])
        .args(extra)
        .assert()
}

/// Regression: the proof was spent before the append, so a request that
/// could not be logged (exit 2, nothing recorded) used its proof up, and
/// after the repair the retry was recorded as denied for replay.
#[test]
fn a_record_refused_for_a_torn_log_does_not_spend_its_proof() {
    let f = Fixture::new();
    let log = f.three_entry_log(false);
    let text = fs::read(&log).unwrap();
    fs::write(&log, &text[..text.len() - 25]).unwrap();
    let proof = f.fresh("p0");
    record_with(&f, &log, &proof, &[])
        .code(2)
        .stderr(predicate::str::contains("ends in a torn line"));
    f.ok(&["audit", "repair", s(&log)]);
    record_with(&f, &log, &proof, &[])
        .success()
        .stdout(predicate::str::starts_with("entry 3 allowed: "));
    record_with(&f, &log, &proof, &[])
        .code(1)
        .stderr(predicate::str::contains("rule replay failed"));
}

/// Regression, as above, for a log that cannot take the entry (a device,
/// here /dev/full, once reached as a disk that fills up): it is refused
/// before the proof is spent, so the same proof still works elsewhere.
#[test]
fn a_record_to_a_log_that_cannot_take_it_does_not_spend_its_proof() {
    let full = Path::new("/dev/full");
    let f = Fixture::new();
    let cache = f.path("replay.cache");
    let proof = f.fresh("p0");
    record_with(&f, full, &proof, &["--replay-cache", s(&cache)])
        .code(2)
        .stderr("obo: audit log /dev/full is not a regular file; give the path of a file\n");
    let cached = fs::read_to_string(&cache).unwrap_or_default();
    assert!(!cached.contains("\"jti\""), "the proof was spent: {cached}");
    let log = f.path("audit.jsonl");
    record_with(&f, &log, &proof, &["--replay-cache", s(&cache)])
        .success()
        .stdout(predicate::str::starts_with("entry 1 allowed: "));
}

#[test]
fn concurrent_recorders_allow_exactly_one_of_several_identical_proofs() {
    let f = Fixture::new();
    let log = f.path("audit.jsonl");
    let proof = f.fresh("p0");
    let codes: Vec<Option<i32>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..6)
            .map(|_| {
                scope.spawn(|| {
                    record_with(&f, &log, &proof, &[])
                        .get_output()
                        .status
                        .code()
                })
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(1)).count(),
        5,
        "{codes:?}"
    );
    let entries = json_lines(&log);
    assert_eq!(entries.len(), 6);
    let allowed = entries.iter().filter(|e| e["outcome"] == "allowed").count();
    assert_eq!(allowed, 1);
    assert!(entries
        .iter()
        .filter(|e| e["outcome"] == "denied")
        .all(|e| e["rule"] == "replay"));
}

/// Regression: `--log` followed a symbolic link and created its target.
#[test]
fn a_symlinked_audit_log_is_refused_and_nothing_is_created() {
    let f = Fixture::new();
    let target = f.path("elsewhere.jsonl");
    let log = f.path("audit.jsonl");
    std::os::unix::fs::symlink(&target, &log).unwrap();
    let proof = f.fresh("p0");
    let cache = f.path("replay.cache");
    record_with(&f, &log, &proof, &["--replay-cache", s(&cache)])
        .code(2)
        .stderr(format!(
            "obo: audit log {} is a symbolic link, which obo will not write through; name the real file instead\n",
            log.display()
        ));
    assert!(!target.exists());
    fs::write(&target, "").unwrap();
    f.obo()
        .args(["audit", "repair", s(&log)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link"));
    let real = f.path("real.jsonl");
    record_with(&f, &real, &proof, &["--replay-cache", s(&cache)]).success();
}
