//! Audit log benchmark. Builds a log through the library (bulk append, no
//! process per entry), then reports in one run:
//!
//! - entries per second for recording (the library's locked, fsynced
//!   append, and the whole `obo audit record` process with chain checks),
//!   for `obo audit show` and for `obo audit verify`;
//! - `audit verify` throughput next to `sha256sum` of the same file, as a
//!   ratio, measured back to back with the file in the page cache;
//! - the peak memory (VmHWM) of show and verify at a tenth of the size and
//!   at the full size, which should be about equal: both stream.
//!
//! Show and verify run in a child process (this program run with
//! `--child`), which calls the same command code as the `obo` binary and
//! then reads its own VmHWM from /proc, so the figure is theirs alone.
//!
//! Settings (environment):
//! - `OBO_BENCH_ENTRIES`: full log size, default 1000000
//! - `OBO_BENCH_RECORDS`: library appends to time, default 1000
//! - `OBO_BENCH_SPAWNS`: `obo audit record` processes to time, default 50
//! - `OBO_BENCH_SIGN=1`: sign every entry and verify with `--key`
//! - `OBO_BENCH_DIR`: where to put the log, default the temporary folder
//!
//! Run: `cargo bench --bench audit`; a quick look:
//! `OBO_BENCH_ENTRIES=20000 OBO_BENCH_RECORDS=100 OBO_BENCH_SPAWNS=5 cargo bench --bench audit`.
//! Under `cargo test --all-targets` (no `--bench` argument) it makes only a
//! small signed smoke run, so the test suite stays quick.

use obo::audit::{self, ActorRecord, Entry, Outcome, PartyRecord};
use obo::keys::SecretKey;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--child") {
        child(&args[at + 1..]);
        return;
    }
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this
    // too, without it, and then only a small smoke run belongs here.
    let settings = if args.iter().any(|a| a == "--bench") {
        Settings::from_env()
    } else {
        Settings::smoke()
    };
    let dir = match std::env::var_os("OBO_BENCH_DIR") {
        Some(d) => tempfile::tempdir_in(d),
        None => tempfile::tempdir(),
    }
    .expect("a temporary folder for the benchmark");
    run(&settings, dir.path());
}

struct Settings {
    entries: u64,
    records: u64,
    spawns: u64,
    sign: bool,
}

impl Settings {
    fn smoke() -> Settings {
        Settings {
            entries: 1000,
            records: 10,
            spawns: 2,
            sign: true,
        }
    }

    fn from_env() -> Settings {
        let number = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .map(|v| {
                    v.parse()
                        .unwrap_or_else(|_| panic!("{name} must be a whole number"))
                })
                .unwrap_or(default)
        };
        Settings {
            entries: number("OBO_BENCH_ENTRIES", 1_000_000).max(10),
            records: number("OBO_BENCH_RECORDS", 1000),
            spawns: number("OBO_BENCH_SPAWNS", 50),
            sign: std::env::var("OBO_BENCH_SIGN").is_ok_and(|v| v == "1"),
        }
    }
}

fn run(settings: &Settings, dir: &Path) {
    let log = dir.join("audit.jsonl");
    let key = SecretKey::generate();
    let key_file = dir.join("logsvc.jwk");
    std::fs::write(&key_file, key.public().to_jwk().to_string()).unwrap();
    let signing = settings.sign.then_some(&key);
    let small = settings.entries / 10;
    println!(
        "obo audit benchmark: {} entries (and {} for the memory comparison), {}",
        settings.entries,
        small,
        if settings.sign { "signed" } else { "unsigned" }
    );

    let built = build(&log, 0, small, signing);
    let small_row = measure(&log, small, settings.sign.then_some(&key_file));
    let built = built + build(&log, small, settings.entries, signing);
    let full_row = measure(&log, settings.entries, settings.sign.then_some(&key_file));
    println!(
        "build (library bulk append):            {:>12.0} entries/s",
        settings.entries as f64 / built.as_secs_f64()
    );

    let appended = time_appends(&log, settings.entries, settings.records, signing);
    if let Some(rate) = appended {
        println!(
            "record (library append: lock, tail, write, fsync) on the full log: {rate:>8.0} entries/s ({} appends)",
            settings.records
        );
    }
    if let Some(rate) = time_record_processes(dir, settings.spawns) {
        println!(
            "record (whole 'obo audit record' process, chain and proof checked): {rate:>8.0} entries/s ({} processes)",
            settings.spawns
        );
    }
    println!();
    print_table(&[small_row, full_row]);
}

/// Appends entries `from..to` with one bulk call; returns the time taken.
fn build(log: &Path, from: u64, to: u64, key: Option<&SecretKey>) -> Duration {
    let start = Instant::now();
    audit::append_many(log, (from..to).map(sample_entry), key).expect("bulk append");
    start.elapsed()
}

/// A plausible entry: a hundred people, one or two actors, varied text.
fn sample_entry(n: u64) -> Entry {
    let person = n % 100;
    let mut actors = vec![ActorRecord {
        id: "agent-1".into(),
        name: Some("Agent 1".into()),
        kid: "I6ftfgzizk6Or723RwGvRqzXL1k2A0t1383NbkrNdRU".into(),
    }];
    if n.is_multiple_of(3) {
        actors.push(ActorRecord {
            id: "db-agent".into(),
            name: Some("DB Agent".into()),
            kid: "Q57WB3eWW_-2HyBavPLG7irvVpxkv7XaeGIgDjzNaEA".into(),
        });
    }
    let hops = (0..actors.len())
        .map(|h| format!("jti-{person}-{h}-{:016x}", n / 50))
        .collect();
    let denied = n.is_multiple_of(17);
    Entry {
        v: audit::FORMAT_VERSION,
        seq: 0,
        time: obo::time::format_time(1_796_400_000 + (n / 10) as i64),
        outcome: if denied {
            Outcome::Denied
        } else {
            Outcome::Allowed
        },
        rule: denied.then(|| "audience".into()),
        reason: denied.then(|| {
            "hop 0 failed rule audience: the token is for \"budget-api\", not \"payroll-api\""
                .into()
        }),
        principal: Some(PartyRecord {
            id: format!("user-{person}"),
            name: Some(format!("Person {person}")),
        }),
        actors,
        hops,
        issuer: None,
        scopes: vec!["budget:q3:write".into(), "reports:read".into()],
        task: Some("Update the Q3 budget".into()),
        audience: "budget-api".into(),
        action: format!("update line {}", n % 1000),
        resource: Some(format!("budgets/q3/lines/{}", n % 1000)),
        proof: None,
        token_hash: Some("q1SMvHCJNPlpR8mLTWIb_WzylSjYrfNk5ujB2HwkjTc".into()),
        prev: String::new(),
        sig: None,
    }
}

struct Row {
    entries: u64,
    bytes: u64,
    verify: Duration,
    verify_kb: u64,
    show: Duration,
    show_kb: u64,
    sha256sum: Option<Duration>,
}

fn measure(log: &Path, entries: u64, key: Option<&Path>) -> Row {
    let bytes = std::fs::metadata(log).unwrap().len();
    warm_cache(log);
    let sha256sum = time_sha256sum(log);
    let mut verify_args = vec!["audit".to_owned(), "verify".into(), path(log)];
    if let Some(key) = key {
        verify_args.extend(["--key".into(), path(key)]);
    }
    let (verify, verify_kb) = run_child(&verify_args);
    let (show, show_kb) = run_child(&["audit".into(), "show".into(), path(log)]);
    Row {
        entries,
        bytes,
        verify,
        verify_kb,
        show,
        show_kb,
        sha256sum,
    }
}

fn path(p: &Path) -> String {
    p.to_str().expect("a UTF-8 path").to_owned()
}

fn warm_cache(log: &Path) {
    let mut file = std::fs::File::open(log).unwrap();
    std::io::copy(&mut file, &mut std::io::sink()).unwrap();
}

fn time_sha256sum(log: &Path) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new("sha256sum")
        .arg(log)
        .stdout(Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

/// Runs `obo ARGS` in a child of this program; returns its wall time and
/// its peak resident memory in kB.
fn run_child(obo_args: &[String]) -> (Duration, u64) {
    let start = Instant::now();
    let output = Command::new(std::env::current_exe().unwrap())
        .arg("--child")
        .args(obo_args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("the benchmark's child process");
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let kb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("vmhwm_kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("child 'obo {}' failed: {stderr}", obo_args.join(" ")));
    (elapsed, kb)
}

/// In the child: runs one obo command as the binary would, output to the
/// parent's /dev/null, then reports this process's peak memory.
fn child(obo_args: &[String]) {
    use clap::Parser;
    let argv = std::iter::once("obo".to_owned()).chain(obo_args.iter().cloned());
    let cli = obo::cli::Cli::try_parse_from(argv).expect("benchmark command line");
    let ctx = obo::cli::Context {
        home: obo::store::Home::new(std::env::temp_dir().join("obo-bench-no-home")),
        style: obo::render::Style::new(false, obo::render::ColorChoice::Never),
    };
    let code = obo::commands::dispatch(&ctx, cli.command).expect("benchmark command");
    assert_eq!(
        code,
        0,
        "benchmark command 'obo {}' failed",
        obo_args.join(" ")
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    eprintln!("vmhwm_kb={kb}");
}

/// Times `count` single appends, each taking the lock, reading the tail,
/// writing one line and flushing it to disk, as `audit record` does.
fn time_appends(log: &Path, from: u64, count: u64, key: Option<&SecretKey>) -> Option<f64> {
    if count == 0 {
        return None;
    }
    let start = Instant::now();
    for n in from..from + count {
        audit::append(log, sample_entry(n), key).expect("append");
    }
    Some(count as f64 / start.elapsed().as_secs_f64())
}

/// Times whole `obo audit record` processes on a fresh log: parse, check
/// the chain and proof, append, fsync, as a service would call it.
fn time_record_processes(dir: &Path, count: u64) -> Option<f64> {
    if count == 0 {
        return None;
    }
    let home = dir.join("home");
    let obo = |args: &[&str]| {
        let status = Command::new(env!("CARGO_BIN_EXE_obo"))
            .env("OBO_HOME", &home)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("the obo binary");
        assert!(status.success(), "obo {} failed", args.join(" "));
    };
    let token = path(&dir.join("t0"));
    let proof = path(&dir.join("p0"));
    let log = path(&dir.join("records.jsonl"));
    obo(&["keygen", "idp"]);
    obo(&["keygen", "agent-1", "--display-name", "Agent 1"]);
    obo(&[
        "principal",
        "add",
        "alice",
        "--display-name",
        "Alice",
        "--allow",
        "budget:*",
    ]);
    obo(&["trust", "add", "idp"]);
    obo(&[
        "delegate",
        "--issuer",
        "idp",
        "--principal",
        "alice",
        "--agent",
        "agent-1",
        "--scope",
        "budget:q3:write",
        "--audience",
        "budget-api",
        "-o",
        &token,
    ]);
    // Each request carries its own proof, as real ones do: audit record
    // accepts a proof once. They are made before the clock starts.
    let proofs: Vec<String> = (0..count)
        .map(|i| {
            let proof = format!("{proof}-{i}");
            obo(&[
                "present",
                &token,
                "--as",
                "agent-1",
                "--audience",
                "budget-api",
                "-o",
                &proof,
            ]);
            proof
        })
        .collect();
    let start = Instant::now();
    for proof in &proofs {
        obo(&[
            "audit",
            "record",
            "--log",
            &log,
            &token,
            "--proof",
            proof,
            "--audience",
            "budget-api",
            "--action",
            "update",
        ]);
    }
    Some(count as f64 / start.elapsed().as_secs_f64())
}

fn print_table(rows: &[Row]) {
    println!(
        "{:>10} {:>10} {:>12} {:>10} {:>12} {:>10} {:>8} {:>12} {:>12} {:>12}",
        "entries",
        "MB",
        "verify/s",
        "verify MB/s",
        "sha256 MB/s",
        "verify:sha",
        "show s",
        "show/s",
        "verify peak",
        "show peak"
    );
    for row in rows {
        let mb = row.bytes as f64 / 1e6;
        let verify_mbs = mb / row.verify.as_secs_f64();
        let (sha_mbs, ratio) = match row.sha256sum {
            Some(t) => (
                format!("{:.0}", mb / t.as_secs_f64()),
                format!("{:.2}x", row.verify.as_secs_f64() / t.as_secs_f64()),
            ),
            None => ("n/a".into(), "n/a".into()),
        };
        println!(
            "{:>10} {:>10.1} {:>12.0} {:>10.0} {:>12} {:>10} {:>8.2} {:>12.0} {:>9} kB {:>9} kB",
            row.entries,
            mb,
            row.entries as f64 / row.verify.as_secs_f64(),
            verify_mbs,
            sha_mbs,
            ratio,
            row.show.as_secs_f64(),
            row.entries as f64 / row.show.as_secs_f64(),
            row.verify_kb,
            row.show_kb,
        );
    }
    println!("verify:sha is audit verify's time over sha256sum's for the same file (1.00x = as fast); peaks are VmHWM.");
}
