//! Owns the audit log: the entry format (JSON Lines), the hash chain that
//! ties each line to the exact line before it, the optional Ed25519
//! signature of the logging service, appending under an exclusive lock,
//! reading as a stream, and checking a whole log for edits, deletions,
//! insertions, reordering, truncation and a torn tail. docs/AUDIT.md is the
//! prose form of this module.

use crate::encoding::{b64_decode, b64_encode};
use crate::error::Rejection;
use crate::keys::{PublicKey, SecretKey};
use crate::render::attribution;
use crate::store::open_locked;
use crate::time::format_time;
use crate::token::{is_thumbprint, text_hash, Chain};
use crate::verify::{Possession, Verified};
use anyhow::{anyhow, bail, Context, Result};
use fs2::FileExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{FileExt as _, OpenOptionsExt};
use std::path::Path;

/// The `v` of every entry this version writes and accepts.
pub const FORMAT_VERSION: u32 = 1;
/// The `prev` of the first entry: 32 zero bytes, base64url. No line hashes
/// to it, so a first entry cannot be confused with a later one.
pub const GENESIS_PREV: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
/// Longest line obo reads from a log; a longer one is damage, not an entry.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Prefixed to an entry before signing, so a log signature can never be
/// mistaken for a token or proof signature made with the same key.
const SIGNING_CONTEXT: &[u8] = b"obo-audit-entry-v1\n";
/// Mode of a log file obo creates: it names people, so only its owner reads it.
const LOG_MODE: u32 = 0o600;
/// How far back append reads at a time when looking for the last line.
const TAIL_CHUNK: u64 = 64 * 1024;

/// Whether the request was let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The token and proof passed every rule.
    Allowed,
    /// A rule failed; the entry's `rule` and `reason` say which and why.
    Denied,
}

impl Outcome {
    /// The outcome's stable name.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
        }
    }
}

/// The person a request was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRecord {
    /// The principal's user ID (`sub`).
    pub id: String,
    /// The principal's display name, if the token gave one.
    pub name: Option<String>,
}

/// One actor of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord {
    /// The actor's identifier (`act.sub`).
    pub id: String,
    /// The actor's display name, if the token gave one.
    pub name: Option<String>,
    /// The thumbprint of the actor's key.
    pub kid: String,
}

impl ActorRecord {
    /// The name to show people: the display name, else the identifier.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// The trusted issuer whose key signed hop 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerRecord {
    /// The trust entry's name.
    pub name: String,
    /// The issuer key's thumbprint.
    pub kid: String,
}

/// The proof of possession that came with an allowed request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofRecord {
    /// The proof's unique id.
    pub jti: String,
    /// What the holder said it was about to do, if anything.
    pub action: Option<String>,
}

/// The logging service's signature over an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySignature {
    /// The thumbprint of the signing key.
    pub kid: String,
    /// The Ed25519 signature, base64url.
    pub value: String,
}

/// One line of the log. Members are written in this order, `sig` last.
///
/// For a denied request the identity members are what the token claimed,
/// unverified; an allowed entry's were verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The format version, [`FORMAT_VERSION`].
    pub v: u32,
    /// The entry's number: 1 for the first, then one more per line.
    pub seq: u64,
    /// When the request was checked, RFC 3339 UTC to the second.
    pub time: String,
    /// Allowed or denied.
    pub outcome: Outcome,
    /// The rule that failed, for a denied request.
    pub rule: Option<String>,
    /// Why the request was denied, in one sentence.
    pub reason: Option<String>,
    /// The person the request was made for; absent if the token did not parse.
    pub principal: Option<PartyRecord>,
    /// The actors from the first to the one that made the request.
    pub actors: Vec<ActorRecord>,
    /// The `jti` of each hop, hop 0 first.
    pub hops: Vec<String>,
    /// The trusted issuer of hop 0, for an allowed request.
    pub issuer: Option<IssuerRecord>,
    /// The scopes the last hop grants.
    pub scopes: Vec<String>,
    /// The last hop's task text.
    pub task: Option<String>,
    /// The service the request was made to.
    pub audience: String,
    /// What the request does, as the service describes it.
    pub action: String,
    /// What the request acts on, as the service names it.
    pub resource: Option<String>,
    /// The proof of possession, for an allowed request.
    pub proof: Option<ProofRecord>,
    /// SHA-256 of the token text, base64url, to match an entry to a token.
    pub token_hash: Option<String>,
    /// SHA-256 of the previous line's exact bytes, base64url, or [`GENESIS_PREV`].
    pub prev: String,
    /// The logging service's signature, when the log is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig: Option<EntrySignature>,
}

/// What the service itself knows about a request, whatever the token says.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    /// When the request was checked, in Unix seconds.
    pub time: i64,
    /// The service the request was made to.
    pub audience: String,
    /// What the request does.
    pub action: String,
    /// What the request acts on.
    pub resource: Option<String>,
}

impl Entry {
    /// The entry for a request whose token and proof passed every rule.
    /// `seq` and `prev` are filled in by [`append`].
    pub fn allowed(request: RequestInfo, verified: &Verified) -> Entry {
        let chain = &verified.chain;
        let mut entry = Entry::claimed(request, Outcome::Allowed, Some(&chain.text), Some(chain));
        entry.issuer = Some(IssuerRecord {
            name: verified.issuer.name.clone(),
            kid: verified.issuer.key.thumbprint().to_owned(),
        });
        if let Possession::Proven { jti, action, .. } = &verified.possession {
            entry.proof = Some(ProofRecord {
                jti: jti.clone(),
                action: action.clone(),
            });
        }
        entry
    }

    /// The entry for a refused request: the chain's claims if it parsed,
    /// and the rule and reason of the refusal.
    pub fn denied(
        request: RequestInfo,
        token: Option<&str>,
        chain: Option<&Chain>,
        rejection: &Rejection,
    ) -> Entry {
        let mut entry = Entry::claimed(request, Outcome::Denied, token, chain);
        entry.rule = Some(rejection.rule.name().to_owned());
        entry.reason = Some(rejection.to_string());
        entry
    }

    fn claimed(
        request: RequestInfo,
        outcome: Outcome,
        token: Option<&str>,
        chain: Option<&Chain>,
    ) -> Entry {
        let last = chain.map(|c| &c.last().claims);
        Entry {
            v: FORMAT_VERSION,
            seq: 0,
            time: format_time(request.time),
            outcome,
            rule: None,
            reason: None,
            principal: last.map(|c| PartyRecord {
                id: c.sub.clone(),
                name: c.principal_name.clone(),
            }),
            actors: last.map_or_else(Vec::new, |c| {
                c.act
                    .lineage()
                    .iter()
                    .map(|a| ActorRecord {
                        id: a.sub.clone(),
                        name: a.name.clone(),
                        kid: a.kid.clone(),
                    })
                    .collect()
            }),
            hops: chain.map_or_else(Vec::new, |c| {
                c.hops.iter().map(|h| h.claims.jti.clone()).collect()
            }),
            issuer: None,
            scopes: last.map_or_else(Vec::new, |c| {
                c.scope.iter().map(|s| s.as_str().to_owned()).collect()
            }),
            task: last.and_then(|c| c.task.clone()),
            audience: request.audience,
            action: request.action,
            resource: request.resource,
            proof: None,
            token_hash: token.map(text_hash),
            prev: String::new(),
            sig: None,
        }
    }

    /// Who acted for whom, as every obo view words it, names escaped:
    /// `Agent 1 (OBO: Alice)`.
    pub fn who(&self) -> String {
        let Some(principal) = &self.principal else {
            return "(unknown: the token did not parse)".into();
        };
        let name = principal.name.as_deref().unwrap_or(&principal.id);
        let actors: Vec<&str> = self.actors.iter().map(ActorRecord::label).collect();
        attribution(name, &actors)
    }

    /// Whether the actor chain includes `id`, by identifier or key id.
    pub fn has_actor(&self, id: &str) -> bool {
        self.actors.iter().any(|a| a.id == id || a.kid == id)
    }

    /// Whether the principal's user ID is `id`.
    pub fn is_for(&self, id: &str) -> bool {
        self.principal.as_ref().is_some_and(|p| p.id == id)
    }

    fn check_shape(&self) -> Result<(), String> {
        if self.v != FORMAT_VERSION {
            return Err(format!("format version {} is not {FORMAT_VERSION}", self.v));
        }
        if !is_time(&self.time) {
            return Err("\"time\" is not RFC 3339 UTC to the second".into());
        }
        if !is_thumbprint(&self.prev) {
            return Err("\"prev\" is not a base64url SHA-256 value".into());
        }
        Ok(())
    }
}

/// Whether text is `YYYY-MM-DDTHH:MM:SSZ`, the one time form entries use,
/// so times compare correctly as text.
fn is_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            19 => c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// SHA-256 of a line's exact bytes (without its line end), base64url: the
/// value the next entry's `prev` holds.
pub fn line_hash(line: &[u8]) -> String {
    b64_encode(Sha256::digest(line))
}

/// Parses one line into an entry, strictly: unknown or repeated members
/// and a wrong shape are refused.
pub fn parse_entry(line: &[u8]) -> Result<Entry, String> {
    let entry: Entry = serde_json::from_slice(line).map_err(|e| e.to_string())?;
    entry.check_shape()?;
    Ok(entry)
}

/// The line for an entry, with its line end, signed when a key is given.
/// Serde writes members in declaration order, so `sig` comes last and the
/// signed bytes are the line without it.
pub fn encode_entry(entry: &mut Entry, key: Option<&SecretKey>) -> Result<Vec<u8>> {
    entry.sig = None;
    if let Some(key) = key {
        let unsigned = serde_json::to_vec(entry)?;
        let signature = key.sign(&signing_input(&unsigned));
        entry.sig = Some(EntrySignature {
            kid: key.public().thumbprint().to_owned(),
            value: b64_encode(signature),
        });
    }
    let mut line = serde_json::to_vec(entry)?;
    line.push(b'\n');
    Ok(line)
}

fn signing_input(unsigned: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(SIGNING_CONTEXT.len() + unsigned.len());
    input.extend_from_slice(SIGNING_CONTEXT);
    input.extend_from_slice(unsigned);
    input
}

/// Checks an entry's signature against the logging service's key. The
/// signed bytes are recovered from the line itself, not re-encoded, so any
/// change to the line's bytes breaks the signature.
pub fn check_signature(line: &[u8], entry: &Entry, key: &PublicKey) -> Result<(), String> {
    let sig = entry
        .sig
        .as_ref()
        .ok_or("the entry is not signed, but every entry of a signed log must be")?;
    if sig.kid != key.thumbprint() {
        return Err(format!(
            "signed by key {}, not by the given key {}",
            sig.kid,
            key.thumbprint()
        ));
    }
    let suffix = format!(
        ",\"sig\":{}}}",
        serde_json::to_string(sig).map_err(|e| e.to_string())?
    );
    let body = line
        .strip_suffix(suffix.as_bytes())
        .ok_or("the \"sig\" member is not the entry's last member in the form obo writes")?;
    let mut unsigned = body.to_vec();
    unsigned.push(b'}');
    let signature = b64_decode(&sig.value).map_err(|e| format!("the signature is {e}"))?;
    key.verify(&signing_input(&unsigned), &signature)
        .map_err(|_| {
            "the signature does not verify: the entry was changed after it was signed".into()
        })
}

/// The last entry of a log: where the next one links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The entry's sequence number.
    pub seq: u64,
    /// The hash of the entry's line.
    pub hash: String,
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

impl std::str::FromStr for Anchor {
    type Err = String;

    fn from_str(text: &str) -> Result<Anchor, String> {
        let bad = || format!("anchor {text:?} is not SEQ:HASH as 'obo audit verify' prints it");
        let (seq, hash) = text.split_once(':').ok_or_else(bad)?;
        let seq: u64 = seq.parse().map_err(|_| bad())?;
        if seq == 0 || !is_thumbprint(hash) {
            return Err(bad());
        }
        Ok(Anchor {
            seq,
            hash: hash.to_owned(),
        })
    }
}

/// Appends one entry: takes the log's exclusive lock, reads the last line
/// to link to it, writes the new line with a single write, flushes it to
/// disk, then lets go. A torn or foreign last line is refused. Returns the
/// entry as written, with `seq`, `prev` and `sig` filled in.
pub fn append(path: &Path, entry: Entry, key: Option<&SecretKey>) -> Result<Entry> {
    Appender::open(path)?.append(entry, key)
}

/// A log held under its exclusive lock with its last line checked, ready
/// for one entry: what can be known to stop an append is known before
/// [`Appender::append`], so a caller can commit to the entry in between
/// (spend a proof, say) knowing only a failing disk can still refuse it.
pub struct Appender<'p> {
    log: LockedLog<'p>,
    tail: Option<Anchor>,
}

impl<'p> Appender<'p> {
    /// Takes the log's exclusive lock (creating the log if there is none)
    /// and reads the last line to link to. A torn or foreign last line, a
    /// symbolic link or an unwritable file is refused here.
    pub fn open(path: &'p Path) -> Result<Appender<'p>> {
        let log = LockedLog::open(path)?;
        let tail = log.tail()?;
        if tail.as_ref().is_some_and(|t| t.seq == u64::MAX) {
            bail_full()?;
        }
        Ok(Appender { log, tail })
    }

    /// Writes `entry` with a single write and flushes it to disk; a failed
    /// write is taken back. Returns the entry as written.
    pub fn append(self, mut entry: Entry, key: Option<&SecretKey>) -> Result<Entry> {
        link(&mut entry, self.tail.as_ref())?;
        let line = encode_entry(&mut entry, key)?;
        self.log.write(&line)?;
        Ok(entry)
    }
}

/// Appends many entries under one lock, buffered, with one flush to disk
/// at the end: for loading a log in bulk (benchmarks, imports), not for
/// serving requests. Returns the last entry's anchor.
pub fn append_many(
    path: &Path,
    entries: impl IntoIterator<Item = Entry>,
    key: Option<&SecretKey>,
) -> Result<Option<Anchor>> {
    let log = LockedLog::open(path)?;
    let mut tail = log.tail()?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, &log.file);
    for mut entry in entries {
        link(&mut entry, tail.as_ref())?;
        let line = encode_entry(&mut entry, key)?;
        out.write_all(&line).map_err(|e| log.write_error(e))?;
        tail = Some(Anchor {
            seq: entry.seq,
            hash: line_hash(&line[..line.len() - 1]),
        });
    }
    out.flush().map_err(|e| log.write_error(e))?;
    drop(out);
    log.file.sync_data().map_err(|e| log.write_error(e))?;
    Ok(tail)
}

fn bail_full() -> Result<()> {
    anyhow::bail!(
        "the audit log is full: its last sequence number is the largest there is; start a new log"
    )
}

fn link(entry: &mut Entry, tail: Option<&Anchor>) -> Result<()> {
    entry.v = FORMAT_VERSION;
    match tail {
        Some(last) => {
            // A log at the last sequence number is finished, not wrapped.
            entry.seq = match last.seq.checked_add(1) {
                Some(seq) => seq,
                None => return bail_full(),
            };
            entry.prev = last.hash.clone();
        }
        None => {
            entry.seq = 1;
            entry.prev = GENESIS_PREV.to_owned();
        }
    }
    Ok(())
}

/// A log file held under its exclusive lock until dropped.
struct LockedLog<'p> {
    file: File,
    path: &'p Path,
    len: u64,
}

impl<'p> LockedLog<'p> {
    fn open(path: &'p Path) -> Result<LockedLog<'p>> {
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true).mode(LOG_MODE);
        let file = open_locked(path, &options, "audit log", "name the real file instead")?;
        let len = file
            .metadata()
            .with_context(|| format!("cannot read audit log {}", path.display()))?
            .len();
        Ok(LockedLog { file, path, len })
    }

    /// The last entry's anchor, or `None` for an empty log.
    fn tail(&self) -> Result<Option<Anchor>> {
        if self.len == 0 {
            return Ok(None);
        }
        let last = self.read_at(self.len - 1, 1)?;
        if last != b"\n" {
            bail!(
                "audit log {} ends in a torn line (an append was cut short); run 'obo audit verify {}' and then 'obo audit repair {}'",
                self.path.display(),
                self.path.display(),
                self.path.display()
            );
        }
        let start = self.last_line_start()?;
        let line = self.read_at(start, self.len - 1 - start)?;
        let entry = parse_entry(&line).map_err(|_| {
            anyhow!(
                "the last line of {} is not an obo audit entry; check that --log names an audit log, and run 'obo audit verify {}'",
                self.path.display(),
                self.path.display()
            )
        })?;
        Ok(Some(Anchor {
            seq: entry.seq,
            hash: line_hash(&line),
        }))
    }

    /// Where the last line starts: just after the line end before it.
    fn last_line_start(&self) -> Result<u64> {
        let end = self.len - 1;
        let mut pos = end;
        while pos > 0 {
            let from = pos.saturating_sub(TAIL_CHUNK);
            let chunk = self.read_at(from, pos - from)?;
            if let Some(i) = chunk.iter().rposition(|&b| b == b'\n') {
                return Ok(from + i as u64 + 1);
            }
            pos = from;
            if end - pos > MAX_LINE_BYTES as u64 {
                bail!(
                    "the last line of {} is longer than {MAX_LINE_BYTES} bytes, so it is not an obo audit entry; run 'obo audit verify {}'",
                    self.path.display(),
                    self.path.display()
                );
            }
        }
        Ok(0)
    }

    fn read_at(&self, offset: u64, len: u64) -> Result<Vec<u8>> {
        let mut bytes = vec![0u8; len as usize];
        self.file
            .read_exact_at(&mut bytes, offset)
            .with_context(|| format!("cannot read audit log {}", self.path.display()))?;
        Ok(bytes)
    }

    /// Writes one whole line with one write and flushes it to disk. A new
    /// file's folder is flushed too, so the file itself survives a crash.
    fn write(&self, line: &[u8]) -> Result<()> {
        (&self.file)
            .write_all(line)
            .and_then(|_| self.file.sync_data())
            .map_err(|e| self.write_error(e))?;
        if self.len == 0 {
            let dir = self.path.parent().filter(|p| !p.as_os_str().is_empty());
            File::open(dir.unwrap_or(Path::new(".")))
                .and_then(|d| d.sync_all())
                .ok();
        }
        Ok(())
    }

    /// Takes back a failed write (a full disk, say), so it cannot leave a
    /// torn line, and says what happened.
    fn write_error(&self, error: std::io::Error) -> anyhow::Error {
        let undone = self.file.set_len(self.len).is_ok();
        let state = if undone {
            "nothing was added"
        } else {
            "the log may now end in a torn line; run 'obo audit repair'"
        };
        anyhow!(
            "cannot append to audit log {}: {error}; {state}",
            self.path.display()
        )
    }
}

impl Drop for LockedLog<'_> {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}

/// How a line read from a log ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// With a line end, as every entry does.
    Complete,
    /// At the end of the file without a line end: a torn tail.
    Torn,
    /// Longer than [`MAX_LINE_BYTES`]; its bytes are not kept.
    TooLong,
}

/// One line of a log, as read.
#[derive(Debug)]
pub struct Line<'a> {
    /// The line's number, from 1.
    pub number: u64,
    /// The byte offset where the line starts.
    pub start: u64,
    /// The line's bytes, without the line end.
    pub bytes: &'a [u8],
    /// How the line ended.
    pub end: LineEnd,
}

/// Reads a log one line at a time, reusing one buffer, so memory stays
/// flat however long the log is. It reads the log as it was when opened:
/// lines appended later are left for the next reader.
pub struct LogReader {
    reader: BufReader<std::io::Take<File>>,
    buf: Vec<u8>,
    number: u64,
    offset: u64,
}

impl LogReader {
    /// Opens a log, taking its length under a shared lock so that no
    /// half-written line is seen; the lock is let go at once, so a long
    /// read never holds up writers.
    pub fn open(path: &Path) -> Result<LogReader> {
        let meta = std::fs::metadata(path)
            .with_context(|| format!("cannot read audit log {}", path.display()))?;
        if !meta.is_file() {
            anyhow::bail!(
                "{} is not a regular file; give the path of an audit log",
                path.display()
            );
        }
        let file = File::open(path)
            .with_context(|| format!("cannot read audit log {}", path.display()))?;
        FileExt::lock_shared(&file)
            .with_context(|| format!("cannot lock audit log {}", path.display()))?;
        let len = file.metadata().map(|m| m.len());
        let _ = FileExt::unlock(&file);
        let len = len.with_context(|| format!("cannot read audit log {}", path.display()))?;
        Ok(LogReader::new(file, len))
    }

    /// Reads the first `len` bytes of an open file.
    fn new(file: File, len: u64) -> LogReader {
        LogReader {
            reader: BufReader::with_capacity(256 * 1024, file.take(len)),
            buf: Vec::new(),
            number: 0,
            offset: 0,
        }
    }

    /// The next line, or `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let start = self.offset;
        let limit = MAX_LINE_BYTES as u64 + 1;
        let read = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?;
        if read == 0 {
            return Ok(None);
        }
        self.offset += read as u64;
        self.number += 1;
        let end = if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            LineEnd::Complete
        } else if read as u64 == limit {
            self.skip_rest()?;
            LineEnd::TooLong
        } else {
            LineEnd::Torn
        };
        Ok(Some(Line {
            number: self.number,
            start,
            bytes: &self.buf,
            end,
        }))
    }

    fn skip_rest(&mut self) -> std::io::Result<()> {
        self.buf.clear();
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(());
            }
            let (taken, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            self.reader.consume(taken);
            self.offset += taken as u64;
            if done {
                return Ok(());
            }
        }
    }
}

/// The kinds of damage `audit verify` tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The last line has no line end: an append was cut short.
    TornTail,
    /// A line is not an entry at all.
    Malformed,
    /// A signature is missing, by another key, or does not verify.
    Signature,
    /// A line was changed after it was written.
    Edited,
    /// Entries are missing from the middle or the start.
    Deleted,
    /// A line was added that was never appended.
    Inserted,
    /// Lines are out of order.
    Reordered,
    /// Entries are missing from the end.
    Truncated,
}

impl ProblemKind {
    /// The kind's stable name, as shown in messages and `--json`.
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::TornTail => "torn-tail",
            ProblemKind::Malformed => "malformed",
            ProblemKind::Signature => "signature",
            ProblemKind::Edited => "edited",
            ProblemKind::Deleted => "deleted",
            ProblemKind::Inserted => "inserted",
            ProblemKind::Reordered => "reordered",
            ProblemKind::Truncated => "truncated",
        }
    }
}

/// The first thing wrong with a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line it concerns, from 1.
    pub line: u64,
    /// What kind of damage it is.
    pub kind: ProblemKind,
    /// What is wrong, in one sentence. May quote the log: escape it to show it.
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.detail)
    }
}

/// A torn last line: where it starts and how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TornTail {
    /// The torn line's number.
    pub line: u64,
    /// The byte offset where it starts: the length the log is repaired to.
    pub start: u64,
    /// How many bytes it holds.
    pub bytes: u64,
}

/// The result of checking a whole log.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// How many entries verified before the end or the first problem.
    pub entries: u64,
    /// The last entry that verified.
    pub head: Option<Anchor>,
    /// The first problem, if any.
    pub problem: Option<Problem>,
    /// The torn last line, if there is one.
    pub torn: Option<TornTail>,
}

/// Checks a whole log as a stream: every line parses, links to the line
/// before it and follows it in sequence; with `key`, every entry is signed
/// by it; with `anchor`, the log still holds that entry unchanged.
pub fn verify_log(
    path: &Path,
    key: Option<&PublicKey>,
    anchor: Option<&Anchor>,
) -> Result<Verdict> {
    let mut reader = LogReader::open(path)?;
    check_lines(&mut reader, key, anchor)
        .with_context(|| format!("cannot read audit log {}", path.display()))
}

fn check_lines(
    reader: &mut LogReader,
    key: Option<&PublicKey>,
    anchor: Option<&Anchor>,
) -> std::io::Result<Verdict> {
    let mut checker = Checker {
        key,
        anchor,
        anchor_seen: false,
        last: None,
        entries: 0,
    };
    while let Some(line) = reader.next_line()? {
        match line.end {
            LineEnd::Torn => {
                let torn = TornTail {
                    line: line.number,
                    start: line.start,
                    bytes: line.bytes.len() as u64,
                };
                return Ok(checker.finish(Some(torn)));
            }
            LineEnd::TooLong => {
                let problem = malformed(line.number, format!("longer than {MAX_LINE_BYTES} bytes"));
                return Ok(checker.verdict(problem));
            }
            LineEnd::Complete => {}
        }
        match checker.check(line.number, line.bytes) {
            Ok(()) => {}
            Err(Fault::Problem(problem)) => return Ok(checker.verdict(problem)),
            Err(Fault::Unlinked(unlinked)) => {
                let next = reader.next_line()?.and_then(|l| peek_link(&l));
                return Ok(checker.verdict(unlinked.diagnose(next)));
            }
        }
    }
    Ok(checker.finish(None))
}

fn malformed(line: u64, detail: String) -> Problem {
    Problem {
        line,
        kind: ProblemKind::Malformed,
        detail: format!("not an obo audit entry: {detail}"),
    }
}

/// How a line links, if it is an entry.
fn peek_link(line: &Line) -> Option<Peek> {
    if line.end != LineEnd::Complete {
        return None;
    }
    parse_entry(line.bytes).ok().map(|e| Peek {
        seq: e.seq,
        prev: e.prev,
        hash: line_hash(line.bytes),
    })
}

/// The last line that verified.
struct Link {
    line: u64,
    seq: u64,
    hash: String,
}

struct Checker<'a> {
    key: Option<&'a PublicKey>,
    anchor: Option<&'a Anchor>,
    anchor_seen: bool,
    last: Option<Link>,
    entries: u64,
}

enum Fault {
    Problem(Problem),
    Unlinked(Unlinked),
}

impl Checker<'_> {
    fn check(&mut self, number: u64, bytes: &[u8]) -> Result<(), Fault> {
        let entry = parse_entry(bytes).map_err(|e| Fault::Problem(malformed(number, e)))?;
        if let Some(key) = self.key {
            check_signature(bytes, &entry, key).map_err(|e| {
                Fault::Problem(Problem {
                    line: number,
                    kind: ProblemKind::Signature,
                    detail: format!("entry seq {}: {e}", entry.seq),
                })
            })?;
        }
        let (want_seq, want_prev) = match &self.last {
            Some(last) => (last.seq.wrapping_add(1), last.hash.as_str()),
            None => (1, GENESIS_PREV),
        };
        // Nothing follows the largest sequence number: a wrapped log is damage.
        let wrapped = self.last.as_ref().is_some_and(|last| last.seq == u64::MAX);
        if wrapped || entry.seq != want_seq || entry.prev != want_prev {
            return Err(Fault::Unlinked(Unlinked {
                line: number,
                seq: entry.seq,
                linked: entry.prev == want_prev,
                prev: entry.prev.clone(),
                want_seq,
                want_prev: want_prev.to_owned(),
            }));
        }
        let hash = line_hash(bytes);
        self.check_anchor(number, entry.seq, &hash)
            .map_err(Fault::Problem)?;
        self.last = Some(Link {
            line: number,
            seq: entry.seq,
            hash,
        });
        self.entries += 1;
        Ok(())
    }

    fn check_anchor(&mut self, number: u64, seq: u64, hash: &str) -> Result<(), Problem> {
        let Some(anchor) = self.anchor.filter(|a| a.seq == seq) else {
            return Ok(());
        };
        if anchor.hash != hash {
            return Err(Problem {
                line: number,
                kind: ProblemKind::Edited,
                detail: format!("entry seq {seq} is not the entry the anchor names (its hash differs): the log was rewritten at or before this line"),
            });
        }
        self.anchor_seen = true;
        Ok(())
    }

    fn finish(self, torn: Option<TornTail>) -> Verdict {
        let problem = match (self.anchor, torn) {
            (Some(anchor), _) if !self.anchor_seen => Some(self.truncated(anchor)),
            (_, Some(torn)) => Some(Problem {
                line: torn.line,
                kind: ProblemKind::TornTail,
                detail: format!(
                    "the last line is incomplete ({} bytes without a line end), as a crash during an append leaves it; the {} entries before it verify",
                    torn.bytes, self.entries
                ),
            }),
            _ => None,
        };
        let mut verdict = self.verdict_of(problem);
        verdict.torn = torn;
        verdict
    }

    fn truncated(&self, anchor: &Anchor) -> Problem {
        let (line, ends) = match &self.last {
            Some(last) => (last.line + 1, format!("ends at entry seq {}", last.seq)),
            None => (1, "holds no entries".to_owned()),
        };
        Problem {
            line,
            kind: ProblemKind::Truncated,
            detail: format!(
                "the log {ends}, but the anchor names entry seq {}: entries were removed from the end",
                anchor.seq
            ),
        }
    }

    fn verdict(self, problem: Problem) -> Verdict {
        self.verdict_of(Some(problem))
    }

    fn verdict_of(self, problem: Option<Problem>) -> Verdict {
        Verdict {
            entries: self.entries,
            head: self.last.map(|l| Anchor {
                seq: l.seq,
                hash: l.hash,
            }),
            problem,
            torn: None,
        }
    }
}

/// A line whose `seq` or `prev` does not follow the line before it. What
/// happened is read from how it and the next line link.
struct Unlinked {
    line: u64,
    seq: u64,
    prev: String,
    /// Whether its `prev` is the hash of the line before it.
    linked: bool,
    want_seq: u64,
    want_prev: String,
}

/// How the line after an unlinked one links.
struct Peek {
    seq: u64,
    prev: String,
    hash: String,
}

impl Unlinked {
    fn diagnose(self, next: Option<Peek>) -> Problem {
        let n = self.line;
        let problem = |line, kind, detail: String| Problem { line, kind, detail };
        if self.linked {
            return problem(n, ProblemKind::Edited, format!(
                "entry's seq is {} where seq {} was due, yet it links to the line before: its seq was changed",
                self.seq, self.want_seq
            ));
        }
        if let Some(next) = next.as_ref().filter(|p| p.prev == self.want_prev) {
            if next.seq == self.want_seq && self.prev == next.hash {
                return problem(
                    n,
                    ProblemKind::Reordered,
                    format!(
                        "lines {n} and {} are in the wrong order: entry seq {} comes before seq {}",
                        n + 1,
                        self.seq,
                        self.want_seq
                    ),
                );
            }
            return problem(
                n,
                ProblemKind::Inserted,
                format!(
                "this line (seq {}) was inserted: line {} links to the line before it, not to it",
                self.seq,
                n + 1
            ),
            );
        }
        if self.seq == self.want_seq {
            return self.edited_before(next.is_some());
        }
        if self.seq > self.want_seq {
            return problem(n, ProblemKind::Deleted, format!(
                "{} missing before this line (it holds seq {}): they were deleted, or lines were moved",
                seq_range(self.want_seq, self.seq - 1),
                self.seq
            ));
        }
        problem(n, ProblemKind::Reordered, format!(
            "entry seq {} belongs before entry seq {}, which an earlier line holds: lines were moved or copied",
            self.seq,
            self.want_seq - 1
        ))
    }

    /// The sequence runs on but the hash link breaks: the line before was
    /// changed (or, when no readable line follows to tell, this one was).
    fn edited_before(self, told: bool) -> Problem {
        let n = self.line;
        if n == 1 {
            return Problem {
                line: 1,
                kind: ProblemKind::Edited,
                detail: "the first entry's prev is not the genesis value: it was changed, or lines before it were removed".into(),
            };
        }
        let unsure = if told {
            String::new()
        } else {
            format!(" (or line {n} itself was inserted or changed)")
        };
        Problem {
            line: n - 1,
            kind: ProblemKind::Edited,
            detail: format!(
                "entry seq {} was changed after it was written: line {n}'s prev hash no longer matches it{unsure}",
                self.want_seq - 1
            ),
        }
    }
}

fn seq_range(from: u64, to: u64) -> String {
    if from == to {
        format!("entry seq {from} is")
    } else {
        format!("entries seq {from} to {to} are")
    }
}

/// What `repair` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// The log ends with a complete line; nothing was changed.
    NothingToRepair {
        /// How many entries the log holds.
        entries: u64,
    },
    /// The torn last line was cut off.
    Repaired {
        /// The line that was removed.
        torn: TornTail,
        /// How many entries remain, all verified.
        entries: u64,
    },
    /// The log is damaged before its end; nothing was changed.
    Refused(Problem),
}

/// Removes a torn last line, and nothing else: under the log's exclusive
/// lock it checks every complete line first (against `key`, if given) and
/// refuses to touch a log damaged anywhere else. The file is cut in place
/// with one truncate and flushed, so it keeps its identity and lock.
pub fn repair(path: &Path, key: Option<&PublicKey>) -> Result<Repair> {
    let log = LockedLog::open_existing(path)?;
    let reading = log
        .file
        .try_clone()
        .with_context(|| format!("cannot read audit log {}", path.display()))?;
    let verdict = check_lines(&mut LogReader::new(reading, log.len), key, None)
        .with_context(|| format!("cannot read audit log {}", path.display()))?;
    match (verdict.problem, verdict.torn) {
        (None, _) => Ok(Repair::NothingToRepair {
            entries: verdict.entries,
        }),
        (Some(problem), Some(torn)) if problem.kind == ProblemKind::TornTail => {
            log.file
                .set_len(torn.start)
                .and_then(|_| log.file.sync_all())
                .with_context(|| format!("cannot cut the torn line off {}", path.display()))?;
            Ok(Repair::Repaired {
                torn,
                entries: verdict.entries,
            })
        }
        (Some(problem), _) => Ok(Repair::Refused(problem)),
    }
}

impl<'p> LockedLog<'p> {
    fn open_existing(path: &'p Path) -> Result<LockedLog<'p>> {
        if !path.is_file() {
            bail!(
                "cannot repair {}: there is no such log file",
                path.display()
            );
        }
        LockedLog::open(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str) -> Entry {
        let mut entry = Entry::claimed(
            RequestInfo {
                time: 1_796_400_000,
                audience: "budget-api".into(),
                action: action.into(),
                resource: None,
            },
            Outcome::Allowed,
            None,
            None,
        );
        link(&mut entry, None).unwrap();
        entry
    }

    #[test]
    fn genesis_is_32_zero_bytes() {
        assert_eq!(b64_decode(GENESIS_PREV).unwrap(), vec![0u8; 32]);
    }

    #[test]
    fn signed_entry_round_trips_and_any_byte_change_breaks_it() {
        let key = SecretKey::generate();
        let mut e = entry("read");
        let line = encode_entry(&mut e, Some(&key)).unwrap();
        let line = &line[..line.len() - 1];
        let parsed = parse_entry(line).unwrap();
        assert_eq!(parsed, e);
        assert!(check_signature(line, &parsed, key.public()).is_ok());
        let changed = String::from_utf8(line.to_vec())
            .unwrap()
            .replace("\"read\"", "\"wipe\"");
        let tampered = parse_entry(changed.as_bytes()).unwrap();
        assert!(check_signature(changed.as_bytes(), &tampered, key.public())
            .unwrap_err()
            .contains("does not verify"));
    }

    #[test]
    fn unknown_and_repeated_members_are_refused() {
        let mut e = entry("read");
        let line = String::from_utf8(encode_entry(&mut e, None).unwrap()).unwrap();
        let extra = line.trim_end().replacen('{', "{\"x\":1,", 1);
        assert!(parse_entry(extra.as_bytes())
            .unwrap_err()
            .contains("unknown field"));
        let twice = line.trim_end().replacen('{', "{\"seq\":9,", 1);
        assert!(parse_entry(twice.as_bytes())
            .unwrap_err()
            .contains("duplicate field"));
    }

    #[test]
    fn anchors_parse_only_in_the_printed_form() {
        let anchor: Anchor = format!("7:{GENESIS_PREV}").parse().unwrap();
        assert_eq!(anchor.seq, 7);
        assert_eq!(anchor.to_string(), format!("7:{GENESIS_PREV}"));
        assert!("7".parse::<Anchor>().is_err());
        assert!(format!("0:{GENESIS_PREV}").parse::<Anchor>().is_err());
        assert!("7:abc".parse::<Anchor>().is_err());
    }
}
