//! Runs `obo audit record|show|trace|verify|repair`: checks a request with
//! the rules of `obo verify` and logs the outcome, and reads the log back
//! for people (tables streamed line by line, untrusted text escaped) or as
//! `--json`.

use crate::audit::{
    self, ActorRecord, Anchor, Entry, IssuerRecord, LineEnd, LogReader, Outcome, Problem,
    ProblemKind, Repair, RequestInfo,
};
use crate::cli::{
    AuditCommand, AuditFilterArgs, AuditRecordArgs, AuditRepairArgs, AuditShowArgs, AuditTraceArgs,
    AuditVerifyArgs, Context,
};
use crate::commands::verify::{attribution_line, check_rules, load_trust, spendable, Checks};
use crate::error::{Rejection, EXIT_OK, EXIT_REJECTED};
use crate::input::{public_key_arg, read_token_arg};
use crate::keys::{PublicKey, SecretKey};
use crate::render::{escape, notice, out, out_json, ClosedPipe, Style};
use crate::replay::ReplayCache;
use crate::revocation::load_for_verify;
use crate::scope::ScopeSet;
use crate::time::{format_time, now};
use crate::token::{Chain, MAX_TEXT_CHARS};
use crate::verify::{Request, Verified};
use anyhow::{anyhow, bail, Context as _, Result};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

/// How many rows a table holds back to size its columns before it starts
/// printing; later rows reuse those widths, so memory stays flat.
const SIZING_ROWS: usize = 200;

/// `obo audit ...`.
pub fn run(ctx: &Context, command: AuditCommand) -> Result<i32> {
    match command {
        AuditCommand::Record(args) => record(ctx, args),
        AuditCommand::Show(args) => show(ctx, args),
        AuditCommand::Trace(args) => trace(ctx, args),
        AuditCommand::Verify(args) => verify(ctx, args),
        AuditCommand::Repair(args) => repair(ctx, args),
    }
}

fn record(ctx: &Context, args: AuditRecordArgs) -> Result<i32> {
    check_text("--action", &args.action)?;
    if let Some(resource) = &args.resource {
        check_text("--resource", resource)?;
    }
    let signing = match &args.signing_key {
        Some(name) => Some(ctx.home.load_secret(name)?.1),
        None => None,
    };
    let trust = load_trust(&ctx.home, &args.checks.trust)?;
    let revocations = load_for_verify(&ctx.home, &args.checks.revocations, &trust, now())?;
    let replay_cache = args
        .replay_cache
        .clone()
        .unwrap_or_else(|| default_replay_cache(&args.log));
    let checks = Checks {
        trust: &trust,
        revocations: &revocations,
        replay_cache: None,
    };
    let token = readable(read_token_arg(&args.token, "token"))?;
    let proof = readable(read_token_arg(&args.proof, "proof"))?;
    let request = Request {
        audience: &args.audience,
        require: ScopeSet::new(args.checks.require).map_err(|e| anyhow!("--require: {e}"))?,
        at: now(),
        leeway: args.checks.leeway.as_secs().min(i64::MAX as u64) as i64,
        proof: proof.as_deref().ok(),
        require_proof: true,
    };
    let chain = token.clone().and_then(|text| Chain::parse(&text));
    let checked = match (&token, &proof) {
        (Ok(text), Ok(_)) => check_rules(text, &checks, &request),
        (Err(rejection), _) | (_, Err(rejection)) => Err(rejection.clone()),
    };
    let mut spend = Spend::check(&replay_cache, checked, request.at)?;
    let info = RequestInfo {
        time: request.at,
        audience: args.audience.clone(),
        action: args.action,
        resource: args.resource,
    };
    let entry = match &spend.checked {
        Ok(verified) => Entry::allowed(info, verified),
        Err(rejection) => {
            Entry::denied(info, token.as_deref().ok(), chain.as_ref().ok(), rejection)
        }
    };
    let entry = spend.record(&args.log, entry, signing.as_ref())?;
    report_record(ctx, &args.log, &entry, spend.checked.as_ref(), &request)
}

/// A checked request and, when it passed every rule, its proof ready to be
/// spent: the replay cache stays locked from the check until the entry is
/// written, so the proof is used up exactly when an allowed entry is, and
/// of several recorders presenting one proof exactly one is allowed.
struct Spend<'t> {
    checked: Result<Verified<'t>, Rejection>,
    cache: Option<ReplayCache>,
    now: i64,
}

impl<'t> Spend<'t> {
    fn check(path: &Path, checked: Result<Verified<'t>, Rejection>, now: i64) -> Result<Spend<'t>> {
        let Ok(verified) = checked else {
            return Ok(Spend {
                checked,
                cache: None,
                now,
            });
        };
        let cache = ReplayCache::open(path, now)?;
        let checked = spendable(&verified, now)
            .and_then(|(jti, _)| cache.check(jti))
            .map(|()| verified);
        Ok(Spend {
            checked,
            cache: Some(cache),
            now,
        })
    }

    /// Appends `entry` to the log. For an allowed request the proof is
    /// spent once the log is known to take the entry, and taken back if
    /// the write fails after all.
    fn record(&mut self, log: &Path, entry: Entry, key: Option<&SecretKey>) -> Result<Entry> {
        let appender = audit::Appender::open(log)?;
        let (Ok(verified), Some(cache)) = (&self.checked, &mut self.cache) else {
            return appender.append(entry, key);
        };
        let (jti, exp) = spendable(verified, self.now).map_err(anyhow::Error::new)?;
        cache.remember(jti, exp, self.now)?;
        appender
            .append(entry, key)
            .map_err(|error| match cache.forget(jti) {
                Ok(()) => error,
                Err(undo) => anyhow!("{error:#}; the proof stays used up, as {undo:#}"),
            })
    }
}

/// The replay cache `audit record` uses when none is named: beside the log,
/// so every process writing one log shares it.
fn default_replay_cache(log: &Path) -> PathBuf {
    let mut name = log.as_os_str().to_owned();
    name.push(".replay");
    PathBuf::from(name)
}

/// Splits a failure to read a TOKEN argument into a rejection of what was
/// read (logged as denied) and any other error (the command fails).
fn readable(read: Result<String>) -> Result<Result<String, Rejection>> {
    match read {
        Ok(text) => Ok(Ok(text)),
        Err(error) => error.downcast::<Rejection>().map(Err),
    }
}

fn check_text(flag: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        bail!("{flag} is empty; say what the request does or acts on");
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        bail!("{flag} is longer than {MAX_TEXT_CHARS} characters; shorten it");
    }
    if text.chars().any(char::is_control) {
        bail!("{flag} contains control characters; remove them");
    }
    Ok(())
}

fn report_record(
    ctx: &Context,
    log: &Path,
    entry: &Entry,
    checked: Result<&Verified, &Rejection>,
    request: &Request,
) -> Result<i32> {
    if ctx.style.json {
        out_json(&json!({
            "recorded": true,
            "log": log,
            "seq": entry.seq,
            "outcome": entry.outcome.name(),
            "attribution": entry.who(),
            "entry": entry,
            "error": checked.err().map(|r| json!({ "hop": r.hop, "rule": r.rule.name(), "message": escape(&r.detail) })),
        }))?;
    }
    match checked {
        Ok(verified) => {
            if !ctx.style.json {
                let line = format!(
                    "entry {} allowed: {}",
                    entry.seq,
                    attribution_line(verified, request)
                );
                out(ctx.style.paint(&line, "32"))?;
            }
            Ok(EXIT_OK)
        }
        Err(rejection) => {
            let line = format!(
                "token rejected: {}; recorded as denied, entry {} of {}",
                escape(&rejection.to_string()),
                entry.seq,
                shown_path(log)
            );
            crate::render::stderr_line(&format!("obo: {}", ctx.style.paint(&line, "31")));
            Ok(EXIT_REJECTED)
        }
    }
}

fn shown_path(path: &Path) -> String {
    escape(&path.display().to_string())
}

/// Which entries a listing keeps.
struct Filter<'a> {
    principal: Option<&'a str>,
    actor: Option<&'a str>,
    since: Option<String>,
    until: Option<String>,
    outcome: Option<Outcome>,
}

impl<'a> Filter<'a> {
    /// Times are compared as text: entries hold one fixed RFC 3339 form.
    fn new(times: &AuditFilterArgs) -> Filter<'a> {
        Filter {
            principal: None,
            actor: None,
            since: times.since.map(format_time),
            until: times.until.map(format_time),
            outcome: None,
        }
    }

    fn matches(&self, entry: &Entry) -> bool {
        self.principal.is_none_or(|id| entry.is_for(id))
            && self.actor.is_none_or(|id| entry.has_actor(id))
            && self.outcome.is_none_or(|o| entry.outcome == o)
            && self
                .since
                .as_deref()
                .is_none_or(|t| entry.time.as_str() >= t)
            && self
                .until
                .as_deref()
                .is_none_or(|t| entry.time.as_str() <= t)
    }
}

/// Streams the entries of a log to `each`, skipping lines that are not
/// entries with a notice. Returns how many were skipped.
fn each_entry(path: &Path, mut each: impl FnMut(u64, Entry) -> Result<()>) -> Result<u64> {
    let mut reader = LogReader::open(path)?;
    let mut skipped = 0;
    let unreadable = || format!("cannot read audit log {}", path.display());
    while let Some(line) = reader.next_line().with_context(unreadable)? {
        let parsed = match line.end {
            LineEnd::Complete => audit::parse_entry(line.bytes),
            LineEnd::TooLong => Err("the line is too long".into()),
            LineEnd::Torn => {
                notice(format_args!(
                    "line {} of {} is torn (incomplete, as a crash during an append leaves it) and was left out; run 'obo audit repair {}'",
                    line.number,
                    shown_path(path),
                    shown_path(path)
                ));
                break;
            }
        };
        match parsed {
            Ok(entry) => each(line.number, entry)?,
            Err(error) => {
                if skipped == 0 {
                    notice(format_args!(
                        "line {} is not an audit entry ({}); skipped",
                        line.number,
                        escape(&error)
                    ));
                }
                skipped += 1;
            }
        }
    }
    if skipped > 0 {
        notice(format_args!(
            "{skipped} {} skipped as damaged; run 'obo audit verify {}'",
            if skipped == 1 {
                "line was"
            } else {
                "lines were"
            },
            shown_path(path)
        ));
    }
    Ok(skipped)
}

fn show(ctx: &Context, args: AuditShowArgs) -> Result<i32> {
    let mut filter = Filter::new(&args.filter);
    filter.principal = args.principal.as_deref();
    filter.actor = args.actor.as_deref();
    filter.outcome = args.outcome;
    let mut sink = Sink::stdout();
    let mut table = StreamTable::new(ctx.style, show_headers(args.wide));
    let mut matched = 0u64;
    let skipped = each_entry(&args.file, |number, entry| {
        if !filter.matches(&entry) {
            return Ok(());
        }
        matched += 1;
        if ctx.style.json {
            sink.line(&entry_json(number, &entry).to_string())
        } else {
            table.push(&mut sink, show_row(number, &entry, args.wide))
        }
    })?;
    table.finish(&mut sink)?;
    sink.flush()?;
    if matched == 0 {
        notice("no entries match");
    }
    Ok(if skipped > 0 { EXIT_REJECTED } else { EXIT_OK })
}

fn show_headers(wide: bool) -> Vec<&'static str> {
    if wide {
        vec![
            "LINE",
            "TIME",
            "WHO",
            "PRINCIPAL",
            "ACTOR KEY IDS",
            "ACTION",
            "RESOURCE",
            "TASK",
            "OUTCOME",
            "REASON",
        ]
    } else {
        vec!["TIME", "WHO", "ACTION", "RESOURCE", "OUTCOME"]
    }
}

fn show_row(number: u64, entry: &Entry, wide: bool) -> Row {
    let resource = entry.resource.as_deref().map_or("-".into(), escape);
    let mut cells = vec![
        entry.time.clone(),
        entry.who(),
        escape(&entry.action),
        resource,
        outcome_text(entry),
    ];
    if wide {
        let principal = entry
            .principal
            .as_ref()
            .map_or("-".into(), |p| escape(&p.id));
        cells.insert(0, number.to_string());
        cells.insert(3, principal);
        cells.insert(4, actor_keys(&entry.actors));
        cells.insert(7, entry.task.as_deref().map_or("-".into(), escape));
        cells.push(entry.reason.as_deref().map(escape).unwrap_or_default());
    }
    Row {
        cells,
        denied: entry.outcome == Outcome::Denied,
    }
}

fn outcome_text(entry: &Entry) -> String {
    match (&entry.outcome, &entry.rule) {
        (Outcome::Denied, Some(rule)) => format!("denied ({})", escape(rule)),
        (outcome, _) => outcome.name().to_owned(),
    }
}

fn actor_keys(actors: &[ActorRecord]) -> String {
    if actors.is_empty() {
        return "-".into();
    }
    let keys: Vec<String> = actors
        .iter()
        .map(|a| format!("{} ({})", escape(&a.id), escape(&a.kid)))
        .collect();
    keys.join(" > ")
}

/// An entry as `--json` prints it: the stored members, plus its line and
/// the attribution sentence.
fn entry_json(number: u64, entry: &Entry) -> Value {
    let mut value = serde_json::to_value(entry).unwrap_or(Value::Null);
    value["line"] = json!(number);
    value["attribution"] = json!(entry.who());
    value
}

/// Buffered stdout for long listings. A reader that goes away (`| head`)
/// ends the command quietly.
struct Sink {
    out: BufWriter<Stdout>,
}

impl Sink {
    fn stdout() -> Sink {
        Sink {
            out: BufWriter::with_capacity(64 * 1024, std::io::stdout()),
        }
    }

    fn line(&mut self, text: &str) -> Result<()> {
        writeln!(self.out, "{text}").map_err(pipe_error)
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(pipe_error)
    }
}

fn pipe_error(error: std::io::Error) -> anyhow::Error {
    match error.kind() {
        std::io::ErrorKind::BrokenPipe => anyhow::Error::new(ClosedPipe),
        _ => anyhow::Error::new(error).context("cannot write to stdout"),
    }
}

/// One table row; a denied request's outcome is painted red.
struct Row {
    cells: Vec<String>,
    denied: bool,
}

/// A table printed as it goes: the first rows size the columns, and a
/// longer cell later only pushes its own row out.
struct StreamTable {
    style: Style,
    headers: Vec<&'static str>,
    widths: Option<Vec<usize>>,
    held: Vec<Row>,
}

impl StreamTable {
    fn new(style: Style, headers: Vec<&'static str>) -> StreamTable {
        StreamTable {
            style,
            headers,
            widths: None,
            held: Vec::new(),
        }
    }

    fn push(&mut self, sink: &mut Sink, row: Row) -> Result<()> {
        if self.widths.is_some() {
            return self.write(sink, &row);
        }
        self.held.push(row);
        if self.held.len() >= SIZING_ROWS {
            self.start(sink)?;
        }
        Ok(())
    }

    fn finish(&mut self, sink: &mut Sink) -> Result<()> {
        if self.widths.is_none() && !self.held.is_empty() {
            self.start(sink)?;
        }
        Ok(())
    }

    fn start(&mut self, sink: &mut Sink) -> Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.held {
            for (width, cell) in widths.iter_mut().zip(&row.cells) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        let header = self.layout(&header, &widths, |text, _| self.style.paint(text, "1"));
        sink.line(&header)?;
        self.widths = Some(widths);
        for row in std::mem::take(&mut self.held) {
            self.write(sink, &row)?;
        }
        Ok(())
    }

    fn write(&self, sink: &mut Sink, row: &Row) -> Result<()> {
        let widths = self.widths.as_deref().unwrap_or_default();
        let outcome = self.headers.iter().position(|h| *h == "OUTCOME");
        let line = self.layout(&row.cells, widths, |text, column| {
            if row.denied && Some(column) == outcome {
                self.style.paint(text, "31")
            } else {
                text.to_owned()
            }
        });
        sink.line(&line)
    }

    /// Pads each cell to its column's width, painting after padding so
    /// colour codes do not count as width.
    fn layout(
        &self,
        cells: &[String],
        widths: &[usize],
        paint: impl Fn(&str, usize) -> String,
    ) -> String {
        let last = cells.len().saturating_sub(1);
        let mut line = String::new();
        for (column, cell) in cells.iter().enumerate() {
            let width = widths.get(column).copied().unwrap_or(0);
            let pad = if column == last {
                0
            } else {
                width.saturating_sub(cell.chars().count()) + 2
            };
            line.push_str(&paint(cell, column));
            line.extend(std::iter::repeat_n(' ', pad));
        }
        line.trim_end().to_owned()
    }
}

/// The requests made through one actor chain: one path down a delegation.
struct PathGroup {
    hops: Vec<String>,
    actors: Vec<ActorRecord>,
    who: String,
    task: Option<String>,
    issuer: Option<IssuerRecord>,
    entries: Vec<(u64, Entry)>,
}

/// Everything that grew from one hop 0.
struct ChainGroup {
    root: String,
    paths: Vec<PathGroup>,
    by_hops: HashMap<Vec<String>, usize>,
}

/// A principal's requests grouped by hop 0, then by actor chain, each in
/// the order first seen.
#[derive(Default)]
struct Trace {
    /// The principal's names, from an allowed entry when there is one: a
    /// denied entry's names are only claimed.
    principal: Option<audit::PartyRecord>,
    principal_verified: bool,
    chains: Vec<ChainGroup>,
    by_root: HashMap<String, usize>,
    entries: u64,
}

impl Trace {
    fn add(&mut self, number: u64, entry: Entry) {
        let allowed = entry.outcome == Outcome::Allowed;
        if self.principal.is_none() || (allowed && !self.principal_verified) {
            self.principal = entry.principal.clone();
            self.principal_verified = allowed;
        }
        self.entries += 1;
        let root = entry.hops.first().cloned().unwrap_or_default();
        let chain = *self.by_root.entry(root.clone()).or_insert_with(|| {
            self.chains.push(ChainGroup {
                root,
                paths: Vec::new(),
                by_hops: HashMap::new(),
            });
            self.chains.len() - 1
        });
        let chain = &mut self.chains[chain];
        let path = *chain.by_hops.entry(entry.hops.clone()).or_insert_with(|| {
            chain.paths.push(PathGroup {
                hops: entry.hops.clone(),
                actors: entry.actors.clone(),
                who: entry.who(),
                task: entry.task.clone(),
                issuer: None,
                entries: Vec::new(),
            });
            chain.paths.len() - 1
        });
        let path = &mut chain.paths[path];
        if path.issuer.is_none() {
            path.issuer = entry.issuer.clone();
        }
        path.entries.push((number, entry));
    }
}

fn trace(ctx: &Context, args: AuditTraceArgs) -> Result<i32> {
    let mut filter = Filter::new(&args.filter);
    filter.principal = Some(&args.principal);
    let mut trace = Trace::default();
    let skipped = each_entry(&args.file, |number, entry| {
        if filter.matches(&entry) {
            trace.add(number, entry);
        }
        Ok(())
    })?;
    if ctx.style.json {
        out_json(&trace_json(&args.principal, &trace))?;
    } else if trace.entries == 0 {
        notice(format_args!(
            "no requests on behalf of {} in {}",
            escape(&args.principal),
            shown_path(&args.file)
        ));
    } else {
        print_trace(ctx, &trace)?;
    }
    Ok(if skipped > 0 { EXIT_REJECTED } else { EXIT_OK })
}

fn print_trace(ctx: &Context, trace: &Trace) -> Result<()> {
    let mut sink = Sink::stdout();
    let person = match &trace.principal {
        Some(p) => match &p.name {
            Some(name) => format!("{} [{}]", escape(name), escape(&p.id)),
            None => escape(&p.id),
        },
        None => "-".into(),
    };
    sink.line(&format!(
        "On behalf of {person}: {} in {}",
        count(trace.entries, "request", "requests"),
        count(
            trace.chains.len() as u64,
            "delegation chain",
            "delegation chains"
        )
    ))?;
    for (n, chain) in trace.chains.iter().enumerate() {
        let issuer = chain
            .paths
            .iter()
            .find_map(|p| p.issuer.as_ref())
            .map(|i| format!(", issued by {} (key {})", escape(&i.name), escape(&i.kid)))
            .unwrap_or_default();
        let title = format!("Chain {}: hop 0 jti {}{issuer}", n + 1, escape(&chain.root));
        sink.line("")?;
        sink.line(&ctx.style.paint(&title, "1"))?;
        for path in &chain.paths {
            print_path(ctx, &mut sink, path)?;
        }
    }
    sink.flush()
}

fn print_path(ctx: &Context, sink: &mut Sink, path: &PathGroup) -> Result<()> {
    sink.line(&format!("  {}", path.who))?;
    sink.line(&format!("    actors: {}", actor_keys(&path.actors)))?;
    if let Some(task) = &path.task {
        sink.line(&format!("    task: {}", escape(task)))?;
    }
    let hops: Vec<String> = path.hops.iter().map(|h| escape(h)).collect();
    sink.line(&format!("    hop jtis: {}", hops.join(" > ")))?;
    for (number, entry) in &path.entries {
        let outcome = outcome_text(entry);
        let outcome = if entry.outcome == Outcome::Denied {
            ctx.style.paint(&outcome, "31")
        } else {
            outcome
        };
        let resource = entry.resource.as_deref().map_or("-".into(), escape);
        sink.line(&format!(
            "    line {number}  {}  {outcome}  {}  {resource}",
            entry.time,
            escape(&entry.action)
        ))?;
    }
    Ok(())
}

fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn trace_json(id: &str, trace: &Trace) -> Value {
    let chains: Vec<Value> = trace
        .chains
        .iter()
        .map(|chain| {
            json!({
                "root_jti": chain.root,
                "paths": chain.paths.iter().map(path_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "principal": trace.principal.as_ref().map_or_else(|| json!({ "id": id, "name": null }), |p| json!(p)),
        "requests": trace.entries,
        "chains": chains,
    })
}

fn path_json(path: &PathGroup) -> Value {
    json!({
        "attribution": path.who,
        "actors": path.actors,
        "hops": path.hops,
        "task": path.task,
        "issuer": path.issuer,
        "entries": path.entries.iter().map(|(n, e)| entry_json(*n, e)).collect::<Vec<_>>(),
    })
}

fn log_key(ctx: &Context, arg: Option<&str>) -> Result<Option<PublicKey>> {
    arg.map(|k| public_key_arg(&ctx.home, k).map(|named| named.key))
        .transpose()
}

fn verify(ctx: &Context, args: AuditVerifyArgs) -> Result<i32> {
    let key = log_key(ctx, args.key.as_deref())?;
    let verdict = audit::verify_log(&args.file, key.as_ref(), args.anchor.as_ref())?;
    let head = verdict.head.as_ref().map(Anchor::to_string);
    if ctx.style.json {
        out_json(&json!({
            "valid": verdict.problem.is_none(),
            "entries": verdict.entries,
            "head": head,
            "signatures": if key.is_some() { "checked" } else { "not checked" },
            "key": key.as_ref().map(|k| k.thumbprint()),
            "problem": verdict.problem.as_ref().map(|p| json!({ "line": p.line, "kind": p.kind.name(), "message": escape(&p.detail) })),
        }))?;
    }
    match &verdict.problem {
        Some(problem) => {
            let line = problem_line(problem, &args.file);
            crate::render::stderr_line(&format!("obo: {}", ctx.style.paint(&line, "31")));
            Ok(EXIT_REJECTED)
        }
        None => {
            if !ctx.style.json {
                report_verified(
                    ctx,
                    verdict.entries,
                    head,
                    key.as_ref(),
                    args.anchor.is_some(),
                )?;
            }
            Ok(EXIT_OK)
        }
    }
}

/// The one line saying what is wrong with a log, its text escaped: a
/// damaged log can hold anything.
fn problem_line(problem: &Problem, path: &Path) -> String {
    let detail = escape(&problem.detail);
    if problem.kind == ProblemKind::TornTail {
        return format!(
            "log has a torn tail at line {}: {detail}; run 'obo audit repair {}' to remove it",
            problem.line,
            shown_path(path)
        );
    }
    format!(
        "log rejected at line {} ({}): {detail}",
        problem.line,
        problem.kind.name()
    )
}

fn report_verified(
    ctx: &Context,
    entries: u64,
    head: Option<String>,
    key: Option<&PublicKey>,
    anchored: bool,
) -> Result<()> {
    let signed = match key {
        Some(key) => format!(", each signed by key {}", key.thumbprint()),
        None => String::new(),
    };
    let head_text = head
        .as_deref()
        .map(|h| format!("; head {h}"))
        .unwrap_or_default();
    let line = format!(
        "log verified: {}{signed}{head_text}",
        count(entries, "entry", "entries")
    );
    out(ctx.style.paint(&line, "32"))?;
    if key.is_none() && entries > 0 {
        notice(
            "signatures were not checked; pass --key with the logging service's key to check them",
        );
    }
    if let (Some(head), false) = (head, anchored) {
        notice(format_args!("keep the head: a later 'obo audit verify --anchor {head}' shows whether entries were cut from the end"));
    }
    Ok(())
}

fn repair(ctx: &Context, args: AuditRepairArgs) -> Result<i32> {
    let key = log_key(ctx, args.key.as_deref())?;
    let outcome = audit::repair(&args.file, key.as_ref())?;
    if ctx.style.json {
        out_json(&match &outcome {
            Repair::NothingToRepair { entries } => {
                json!({ "repaired": false, "entries": entries, "problem": null })
            }
            Repair::Repaired { torn, entries } => {
                json!({ "repaired": true, "entries": entries, "removed": { "line": torn.line, "bytes": torn.bytes }, "problem": null })
            }
            Repair::Refused(p) => {
                json!({ "repaired": false, "problem": { "line": p.line, "kind": p.kind.name(), "message": escape(&p.detail) } })
            }
        })?;
    }
    let path = shown_path(&args.file);
    match outcome {
        Repair::NothingToRepair { entries } => {
            notice(format_args!(
                "nothing to repair: {path} ends with a complete line, and its {entries} entries verify"
            ));
            Ok(EXIT_OK)
        }
        Repair::Repaired { torn, entries } => {
            notice(format_args!(
                "removed the torn last line of {path} (line {}, {} bytes); the {entries} entries before it verify",
                torn.line, torn.bytes
            ));
            Ok(EXIT_OK)
        }
        Repair::Refused(problem) => {
            let line = format!(
                "refusing to repair {path}: it is damaged before its end, not only torn; {}",
                problem_line(&problem, &args.file)
            );
            crate::render::stderr_line(&format!("obo: {}", ctx.style.paint(&line, "31")));
            Ok(EXIT_REJECTED)
        }
    }
}
