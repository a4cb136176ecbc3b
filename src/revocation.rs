//! Owns revocation: what can be revoked (a hop with every chain through it,
//! a key, a person's delegations up to a time), the home's revocation file,
//! signed and dated revocation lists that carry revocations between homes,
//! and the check that refuses a revoked chain.
//!
//! The set is indexed by hop id, key id and principal, so checking a chain
//! costs a few hash lookups per hop however many entries are loaded.

use crate::encoding::{b64_decode, b64_encode, parse_object};
use crate::error::{Rejection, Rule};
use crate::keys::SecretKey;
use crate::store::{is_present, write_atomic, Home};
use crate::time::{format_time, MAX_TIME};
use crate::token::{check_id, is_thumbprint, Chain, Hop, MAX_TEXT_CHARS};
use crate::trust::TrustEntry;
use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The home's revocation file: one JSON object per line.
pub const REVOCATIONS_FILE: &str = "revocations.jsonl";
/// The `typ` of a signed revocation list.
pub const LIST_TYP: &str = "obo-revocations+jwt";
/// Largest signed revocation list obo reads, in bytes.
pub const MAX_LIST_BYTES: u64 = 256 * 1024 * 1024;
/// Largest home revocation file obo reads, in bytes.
pub const MAX_HOME_FILE_BYTES: u64 = 1024 * 1024 * 1024;
/// How far in the future a list's issue time may lie, for clock skew.
const LIST_CLOCK_SKEW: i64 = 300;

/// What a revocation refuses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// One hop, by its `jti`; every chain that passes through it.
    Hop {
        /// The hop's `jti`.
        jti: String,
    },
    /// Every hop signed by, or bound to, this key.
    Key {
        /// The key's thumbprint.
        kid: String,
    },
    /// Every chain for this principal whose hop 0 was issued at or before `before`.
    Principal {
        /// The principal's user ID.
        sub: String,
        /// The cut-off, in Unix seconds.
        before: i64,
    },
}

impl Target {
    /// The kind's stable name: `hop`, `key` or `principal`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Hop { .. } => "hop",
            Target::Key { .. } => "key",
            Target::Principal { .. } => "principal",
        }
    }

    /// The identifier the entry is looked up by.
    pub fn id(&self) -> &str {
        match self {
            Target::Hop { jti } => jti,
            Target::Key { kid } => kid,
            Target::Principal { sub, .. } => sub,
        }
    }
}

/// One revocation: what, who, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    /// What is revoked.
    pub target: Target,
    /// Who revoked it.
    pub by: String,
    /// When, in Unix seconds.
    pub at: i64,
    /// Why, if given.
    pub reason: Option<String>,
    /// What the target was, for people (such as the hop's attribution).
    pub label: Option<String>,
    /// The signed list it came from, if it was imported.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Hop,
    Key,
    Principal,
}

/// The stored and signed form of a [`Revocation`]: flat, so a million of
/// them load quickly.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jti: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    principal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    by: String,
    at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

impl Revocation {
    /// The stored JSON form.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self.to_record()).unwrap_or(Value::Null)
    }

    fn to_record(&self) -> Record {
        let (kind, jti, kid, principal, before) = match &self.target {
            Target::Hop { jti } => (Kind::Hop, Some(jti.clone()), None, None, None),
            Target::Key { kid } => (Kind::Key, None, Some(kid.clone()), None, None),
            Target::Principal { sub, before } => (
                Kind::Principal,
                None,
                None,
                Some(sub.clone()),
                Some(*before),
            ),
        };
        Record {
            kind,
            jti,
            kid,
            principal,
            before,
            label: self.label.clone(),
            by: self.by.clone(),
            at: self.at,
            reason: self.reason.clone(),
            source: self.source.clone(),
        }
    }

    fn from_record(record: Record) -> Result<Revocation, String> {
        let target = match record.kind {
            Kind::Hop => Target::Hop {
                jti: checked_id(record.jti, "jti")?,
            },
            Kind::Key => {
                let kid = record.kid.ok_or("a key revocation has no \"kid\"")?;
                if !is_thumbprint(&kid) {
                    return Err("\"kid\" is not a key thumbprint".into());
                }
                Target::Key { kid }
            }
            Kind::Principal => Target::Principal {
                sub: checked_id(record.principal, "principal")?,
                before: checked_time(
                    record
                        .before
                        .ok_or("a principal revocation has no \"before\"")?,
                    "before",
                )?,
            },
        };
        check_id(&record.by).map_err(|e| format!("\"by\" {e}"))?;
        for text in [&record.reason, &record.label, &record.source]
            .into_iter()
            .flatten()
        {
            check_text(text)?;
        }
        Ok(Revocation {
            target,
            by: record.by,
            at: checked_time(record.at, "at")?,
            reason: record.reason,
            label: record.label,
            source: record.source,
        })
    }

    /// One sentence for people: what was revoked, by whom, when and why.
    pub fn describe(&self) -> String {
        let what = match &self.target {
            Target::Hop { jti } => format!("hop {jti}"),
            Target::Key { kid } => format!("key {kid}"),
            Target::Principal { sub, before } => format!(
                "every delegation for principal {sub:?} issued at or before {}",
                format_time(*before)
            ),
        };
        self.sentence(&what)
    }

    /// "`what` was revoked by WHO at WHEN (SOURCE): WHY".
    fn sentence(&self, what: &str) -> String {
        let source = match &self.source {
            Some(source) => format!(" ({source})"),
            None => String::new(),
        };
        let reason = self.reason.as_deref().unwrap_or("no reason given");
        format!(
            "{what} was revoked by {} at {}{source}: {reason}",
            self.by,
            format_time(self.at)
        )
    }
}

fn checked_id(value: Option<String>, name: &str) -> Result<String, String> {
    let value = value.ok_or_else(|| format!("the entry has no {name:?}"))?;
    check_id(&value).map_err(|e| format!("{name:?} {e}"))?;
    Ok(value)
}

fn checked_time(value: i64, name: &str) -> Result<i64, String> {
    if !(0..=MAX_TIME).contains(&value) {
        return Err(format!("{name:?} is not a time from 1970 to 9999"));
    }
    Ok(value)
}

/// Checks free text carried in a revocation: at most 1000 characters, no
/// control characters.
pub fn check_text(text: &str) -> Result<(), String> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("text is longer than {MAX_TEXT_CHARS} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err("text contains control characters".into());
    }
    Ok(())
}

/// Revocations indexed for lookup by hop id, key id and principal.
#[derive(Debug, Clone, Default)]
pub struct RevocationSet {
    entries: Vec<Revocation>,
    hops: HashMap<String, usize>,
    keys: HashMap<String, usize>,
    /// For each principal, the entry with the latest cut-off: it covers
    /// every earlier one.
    principals: HashMap<String, usize>,
}

impl RevocationSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty set with room for `count` entries, most of them hops.
    pub fn with_capacity(count: usize) -> Self {
        RevocationSet {
            entries: Vec::with_capacity(count),
            hops: HashMap::with_capacity(count),
            ..Self::default()
        }
    }

    /// How many entries the set holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set holds no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Revocation] {
        &self.entries
    }

    /// Adds an entry unless one already covers it; says whether it was added.
    pub fn insert(&mut self, entry: Revocation) -> bool {
        let index = self.entries.len();
        let added = match &entry.target {
            Target::Hop { jti } => insert_new(&mut self.hops, jti, index),
            Target::Key { kid } => insert_new(&mut self.keys, kid, index),
            Target::Principal { sub, before } => match self.principals.get(sub) {
                Some(&i) if self.cut_off(i) >= *before => false,
                _ => {
                    self.principals.insert(sub.clone(), index);
                    true
                }
            },
        };
        if added {
            self.entries.push(entry);
        }
        added
    }

    fn cut_off(&self, index: usize) -> i64 {
        match self.entries[index].target {
            Target::Principal { before, .. } => before,
            _ => i64::MIN,
        }
    }

    /// The first revocation that refuses `chain`, with the hop it names.
    pub fn find(&self, chain: &Chain) -> Option<(usize, &Revocation)> {
        chain
            .hops
            .iter()
            .enumerate()
            .find_map(|(n, hop)| self.find_hop(n, hop).map(|i| (n, &self.entries[i])))
    }

    fn find_hop(&self, n: usize, hop: &Hop) -> Option<usize> {
        let claims = &hop.claims;
        // The principal is the same on every hop of a verified chain, and
        // the cut-off applies to when hop 0 was issued.
        let by_principal = || {
            let i = *self.principals.get(&claims.sub).filter(|_| n == 0)?;
            (claims.iat <= self.cut_off(i)).then_some(i)
        };
        self.hops
            .get(&claims.jti)
            .or_else(|| self.keys.get(&hop.header.kid))
            .or_else(|| self.keys.get(claims.cnf.thumbprint()))
            .copied()
            .or_else(by_principal)
    }
}

fn insert_new(index: &mut HashMap<String, usize>, id: &str, at: usize) -> bool {
    if index.contains_key(id) {
        return false;
    }
    index.insert(id.to_owned(), at);
    true
}

/// Refuses a chain that passes through a revoked hop, a hop signed by or
/// bound to a revoked key, or whose principal's delegations were revoked
/// after its hop 0 was issued. The rejection names the hop and the
/// revocation: who, when and why.
pub fn check_chain(chain: &Chain, revocations: &RevocationSet) -> Result<(), Rejection> {
    let Some((n, entry)) = revocations.find(chain) else {
        return Ok(());
    };
    let hop = &chain.hops[n];
    let what = match &entry.target {
        Target::Hop { jti } => format!("this hop (jti {jti})"),
        Target::Key { kid } if *kid == hop.header.kid => format!("its signing key {kid}"),
        Target::Key { kid } => format!("the key it binds, {kid},"),
        Target::Principal { .. } => return Err(Rejection::at(n, Rule::Revoked, entry.describe())),
    };
    Err(Rejection::at(n, Rule::Revoked, entry.sentence(&what)))
}

/// Reads the home's revocations; an empty set when there are none yet.
pub fn load_home(home: &Home) -> Result<RevocationSet> {
    let path = home.root().join(REVOCATIONS_FILE);
    if !is_present(&path)? {
        return Ok(RevocationSet::new());
    }
    let bytes = read_capped(&path, MAX_HOME_FILE_BYTES)?;
    parse_lines(&bytes).map_err(|e| {
        anyhow!(
            "{} is damaged ({e}); restore it from a backup",
            path.display()
        )
    })
}

fn parse_lines(bytes: &[u8]) -> Result<RevocationSet, String> {
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        return Err("the last line is incomplete".into());
    }
    let mut set = RevocationSet::with_capacity(bytes.iter().filter(|&&b| b == b'\n').count());
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let entry = serde_json::from_slice::<Record>(line)
            .map_err(|e| e.to_string())
            .and_then(Revocation::from_record)
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        set.insert(entry);
    }
    Ok(set)
}

/// Adds entries to the home's revocations under the home's lock, writing
/// the file atomically. Returns how many were new; the rest were already
/// covered by an entry on record.
pub fn add_to_home(home: &Home, entries: Vec<Revocation>) -> Result<usize> {
    let path = home.root().join(REVOCATIONS_FILE);
    home.locked(|| {
        let (mut set, mut bytes) = match is_present(&path)? {
            true => {
                let bytes = read_capped(&path, MAX_HOME_FILE_BYTES)?;
                let set = parse_lines(&bytes).map_err(|e| {
                    anyhow!(
                        "{} is damaged ({e}); restore it from a backup",
                        path.display()
                    )
                })?;
                (set, bytes)
            }
            false => (RevocationSet::new(), Vec::new()),
        };
        let mut added = 0;
        for entry in entries {
            let line = serde_json::to_string(&entry.to_record())?;
            if set.insert(entry) {
                bytes.extend_from_slice(line.as_bytes());
                bytes.push(b'\n');
                added += 1;
            }
        }
        if added > 0 {
            write_atomic(&path, &bytes, 0o644, true)?;
        }
        Ok(added)
    })
}

fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if meta.file_type().is_symlink() {
        bail!(
            "{} is a symbolic link, which obo refuses here; replace it with the real file",
            path.display()
        );
    }
    if !meta.is_file() {
        bail!(
            "{} is not a regular file; give the path of a revocation list",
            path.display()
        );
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > cap {
        bail!(
            "{} is larger than {cap} bytes; obo refuses it",
            path.display()
        );
    }
    Ok(bytes)
}

/// A signed revocation list whose signature and signer were checked.
#[derive(Debug, Clone)]
pub struct SignedList {
    /// The trust entry of the key that signed it.
    pub signer: TrustEntry,
    /// When the list was made, in Unix seconds.
    pub iat: i64,
    /// The entries, each marked with the list as its source.
    pub entries: Vec<Revocation>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListPayload {
    iss: String,
    kid: String,
    iat: i64,
    count: usize,
    revocations: Vec<Record>,
}

/// Signs a dated revocation list: a compact JWS (typ `obo-revocations+jwt`)
/// whose payload names the signer (`iss`, `kid`), the time (`iat`) and the
/// entries.
pub fn sign_list(
    entries: &[Revocation],
    signer: &str,
    key: &SecretKey,
    iat: i64,
) -> Result<String> {
    let kid = key.public().thumbprint();
    let header = serde_json::json!({ "alg": "EdDSA", "typ": LIST_TYP, "kid": kid });
    let payload = ListPayload {
        iss: signer.to_owned(),
        kid: kid.to_owned(),
        iat,
        count: entries.len(),
        revocations: entries.iter().map(Revocation::to_record).collect(),
    };
    let signing_input = format!(
        "{}.{}",
        b64_encode(header.to_string()),
        b64_encode(serde_json::to_vec(&payload)?)
    );
    let signature = key.sign(signing_input.as_bytes());
    Ok(format!("{signing_input}.{}", b64_encode(signature)))
}

/// Opens a signed revocation list: the signing key must be a trusted issuer
/// key, the signature must verify, and principal entries must lie within
/// the principals that issuer may speak for. `now` bounds the issue time.
pub fn open_list(text: &str, trust: &[TrustEntry], now: i64) -> Result<SignedList> {
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [header, payload, signature] = parts[..] else {
        bail!("not a signed revocation list: expected a compact JWS of 3 parts separated by '.'; make one with 'obo revocations export'");
    };
    let kid = list_header_kid(header)?;
    let signer = trust
        .iter()
        .find(|e| e.key.thumbprint() == kid)
        .ok_or_else(|| anyhow!("signed by key {kid}, which is not a trusted issuer key; trust the signer with 'obo trust add' first, if you mean to"))?;
    let signature = b64_decode(signature).map_err(|e| anyhow!("signature is {e}"))?;
    let signed = &text.trim().as_bytes()[..header.len() + 1 + payload.len()];
    signer.key.verify(signed, &signature).map_err(|_| {
        anyhow!("the signature does not verify with trusted key {kid}: the list was changed after it was signed; get a fresh copy from its signer")
    })?;
    let payload = b64_decode(payload).map_err(|e| anyhow!("payload is {e}"))?;
    let payload = crate::encoding::parse_json(&payload).map_err(|e| anyhow!("payload is {e}"))?;
    let payload: ListPayload = serde_json::from_value(payload)
        .map_err(|e| anyhow!("payload is not a revocation list ({e})"))?;
    check_payload(&payload, &kid, now)?;
    let source = format!(
        "list signed by {} at {}",
        signer.name,
        format_time(payload.iat)
    );
    let entries = list_entries(payload.revocations, signer, &source)?;
    Ok(SignedList {
        signer: signer.clone(),
        iat: payload.iat,
        entries,
    })
}

fn list_header_kid(header: &str) -> Result<String> {
    let bad = |e: String| {
        anyhow!("header is {e}; this is not a revocation list from 'obo revocations export'")
    };
    let header: Map<String, Value> = b64_decode(header)
        .and_then(|bytes| parse_object(&bytes))
        .map_err(bad)?;
    if let Some(extra) = header
        .keys()
        .find(|k| !["alg", "typ", "kid"].contains(&k.as_str()))
    {
        return Err(bad(format!(
            "carrying member {extra:?}, which obo does not define"
        )));
    }
    if !matches!(
        header.get("alg").and_then(Value::as_str),
        Some("EdDSA" | "Ed25519")
    ) {
        return Err(bad("naming an algorithm other than EdDSA".into()));
    }
    if header.get("typ").and_then(Value::as_str) != Some(LIST_TYP) {
        return Err(bad(format!("not of type {LIST_TYP:?}")));
    }
    match header.get("kid").and_then(Value::as_str) {
        Some(kid) if is_thumbprint(kid) => Ok(kid.to_owned()),
        _ => Err(bad("without a key thumbprint \"kid\"".into())),
    }
}

fn check_payload(payload: &ListPayload, kid: &str, now: i64) -> Result<()> {
    if payload.kid != kid {
        bail!(
            "the payload names signer key {}, but the header names {kid}",
            payload.kid
        );
    }
    if payload.count != payload.revocations.len() {
        bail!(
            "the list says it holds {} entries but holds {}",
            payload.count,
            payload.revocations.len()
        );
    }
    checked_time(payload.iat, "iat").map_err(|e| anyhow!(e))?;
    if payload.iat > now.saturating_add(LIST_CLOCK_SKEW) {
        bail!(
            "the list is dated {}, in the future; check the clocks",
            format_time(payload.iat)
        );
    }
    Ok(())
}

fn list_entries(
    records: Vec<Record>,
    signer: &TrustEntry,
    source: &str,
) -> Result<Vec<Revocation>> {
    records
        .into_iter()
        .enumerate()
        .map(|(i, record)| {
            let mut entry =
                Revocation::from_record(record).map_err(|e| anyhow!("entry {i}: {e}"))?;
            match &entry.target {
                Target::Principal { sub, .. } if !signer.allows_principal(sub) => bail!(
                    "entry {i} revokes principal {sub:?}, whom issuer {:?} is not trusted to speak for",
                    signer.name
                ),
                // A hop or key may carry anyone's delegations, so only an
                // issuer trusted for every principal may revoke one.
                Target::Hop { .. } | Target::Key { .. } if !signer.allows_every_principal() => bail!(
                    "entry {i} revokes a {}, which only an issuer trusted for every principal may do; issuer {:?} is limited to {}",
                    entry.target.kind(),
                    signer.name,
                    signer.principals.join(" ")
                ),
                _ => {}
            }
            entry.source = Some(source.to_owned());
            Ok(entry)
        })
        .collect()
}

/// Reads and opens a signed revocation list file against `trust`.
pub fn read_list_file(path: &Path, trust: &[TrustEntry], now: i64) -> Result<SignedList> {
    let bytes = read_capped(path, MAX_LIST_BYTES)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| anyhow!("revocation list {} is not UTF-8 text", path.display()))?;
    open_list(text, trust, now)
        .with_context(|| format!("revocation list {} refused", path.display()))
}

/// Everything a verifier refuses: the home's revocations (none when there
/// is no home) and those in each signed list file, each checked against
/// `trust`. Load once, then check any number of chains.
pub fn load_for_verify(
    home: &Home,
    files: &[std::path::PathBuf],
    trust: &[TrustEntry],
    now: i64,
) -> Result<RevocationSet> {
    let mut set = load_home(home)?;
    let lists = files
        .iter()
        .map(|path| read_list_file(path, trust, now))
        .collect::<Result<Vec<_>>>()?;
    for (i, (path, list)) in files.iter().zip(&lists).enumerate() {
        let others = lists.iter().enumerate().filter(|(j, _)| *j != i);
        let mut sets = std::iter::once(&set.entries[..]).chain(others.map(|(_, l)| &l.entries[..]));
        if let Some(revocation) =
            sets.find_map(|entries| key_revocation(entries, list.signer.key.thumbprint()))
        {
            bail!(
                "revocation list {} refused: its signer's key is itself revoked ({})",
                path.display(),
                revocation.describe()
            );
        }
    }
    for list in lists {
        for entry in list.entries {
            set.insert(entry);
        }
    }
    Ok(set)
}

/// The entry among `entries` that revokes key `kid`, if any: a list signed
/// by a revoked key speaks for nobody.
pub fn key_revocation<'a>(entries: &'a [Revocation], kid: &str) -> Option<&'a Revocation> {
    entries
        .iter()
        .find(|e| matches!(&e.target, Target::Key { kid: k } if k == kid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(target: Target) -> Revocation {
        Revocation {
            target,
            by: "secops".into(),
            at: 1_796_400_000,
            reason: Some("laptop lost".into()),
            label: None,
            source: None,
        }
    }

    #[test]
    fn a_later_principal_cut_off_covers_an_earlier_one() {
        let mut set = RevocationSet::new();
        let at = |before| {
            entry(Target::Principal {
                sub: "alice".into(),
                before,
            })
        };
        assert!(set.insert(at(100)));
        assert!(!set.insert(at(50)), "covered by the cut-off at 100");
        assert!(set.insert(at(200)));
        assert_eq!(set.cut_off(set.principals["alice"]), 200);
    }

    #[test]
    fn the_same_hop_or_key_is_stored_once() {
        let mut set = RevocationSet::new();
        assert!(set.insert(entry(Target::Hop { jti: "j1".into() })));
        assert!(!set.insert(entry(Target::Hop { jti: "j1".into() })));
        let kid = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k".to_string();
        assert!(set.insert(entry(Target::Key { kid: kid.clone() })));
        assert!(!set.insert(entry(Target::Key { kid })));
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn stored_lines_round_trip_and_damage_is_refused() {
        let original = entry(Target::Principal {
            sub: "alice".into(),
            before: 7,
        });
        let line = serde_json::to_string(&original.to_record()).unwrap() + "\n";
        let set = parse_lines(line.as_bytes()).unwrap();
        assert_eq!(set.entries(), &[original]);
        assert!(
            parse_lines(line.trim_end().as_bytes()).is_err(),
            "torn last line"
        );
        assert!(parse_lines(b"{\"kind\":\"hop\",\"by\":\"x\",\"at\":1}\n").is_err());
        let doubled = b"{\"kind\":\"hop\",\"jti\":\"a\",\"jti\":\"b\",\"by\":\"x\",\"at\":1}\n";
        assert!(parse_lines(doubled).is_err(), "duplicate member");
    }
}
