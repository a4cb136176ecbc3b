//! Owns the replay cache: a file that remembers the ids of proofs already
//! accepted, so each proof is accepted once within its lifetime, even when
//! several processes verify at the same time. Ids past their lifetime are
//! pruned, so the file holds about one line per proof still alive.

use crate::error::{Rejection, Rule};
use crate::store::{read_bounded, write_atomic};
use crate::time::format_time;
use anyhow::{anyhow, Context, Result};
use fs2::FileExt;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The file is rewritten without expired ids once they are at least this
/// many, and at least as many as the live ones; otherwise ids are appended.
pub const PRUNE_MIN: usize = 64;

/// One remembered proof id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Seen {
    jti: String,
    seen: i64,
    until: i64,
}

/// The cache as read: the ids still alive, how many had expired, and
/// whether the last line was cut short by an interrupted append.
#[derive(Debug, Default)]
struct Cache {
    exists: bool,
    live: Vec<Seen>,
    expired: usize,
    torn: bool,
}

/// Accepts proof id `jti` once. The id is remembered until `keep_until`:
/// the last second the proof could still pass (its `exp` plus the
/// verifier's clock leeway), so no verifier could accept it afterwards.
/// `now` is the current time, for pruning.
///
/// The read, check and write happen under an exclusive lock on
/// `FILE.lock`, so of several processes presenting the same id at once,
/// exactly one is accepted. The outer error is a storage problem (exit 2);
/// the inner one the replay (exit 1).
pub fn check_and_remember(
    path: &Path,
    jti: &str,
    keep_until: i64,
    now: i64,
) -> Result<Result<(), Rejection>> {
    let lock_path = lock_path(path);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(&lock_path)
        .with_context(|| format!("cannot open replay cache lock {}", lock_path.display()))?;
    lock.lock_exclusive()
        .with_context(|| format!("cannot lock {}", lock_path.display()))?;
    let result = remember_locked(path, jti, keep_until, now);
    let _ = FileExt::unlock(&lock);
    result
}

/// The lock file beside the cache: it is never replaced, unlike the cache,
/// so every process locks the same file.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn remember_locked(
    path: &Path,
    jti: &str,
    keep_until: i64,
    now: i64,
) -> Result<Result<(), Rejection>> {
    let cache = read_cache(path, now)?;
    if let Some(prior) = cache.live.iter().find(|s| s.jti == jti) {
        return Ok(Err(Rejection::whole(
            Rule::Replay,
            format!(
                "proof {jti} was already accepted at {}; a proof is good for one request, so make a fresh one with 'obo present'",
                format_time(prior.seen)
            ),
        )));
    }
    let entry = Seen {
        jti: jti.to_owned(),
        seen: now,
        until: keep_until,
    };
    let prune = cache.expired >= cache.live.len().max(PRUNE_MIN);
    if !cache.exists || cache.torn || prune {
        rewrite(path, cache.live, entry)?;
    } else {
        append(path, &entry)?;
    }
    Ok(Ok(()))
}

fn read_cache(path: &Path, now: i64) -> Result<Cache> {
    if !path.exists() {
        return Ok(Cache::default());
    }
    let bytes = read_bounded(path)?;
    let mut cache = Cache {
        exists: true,
        ..Cache::default()
    };
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // A crash mid-append leaves a last line without its line break; that
    // proof was never reported accepted, so the line is dropped.
    let last = lines.pop().unwrap_or_default();
    cache.torn = !last.is_empty();
    for (n, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        let seen: Seen = serde_json::from_slice(line).map_err(|e| {
            anyhow!(
                "replay cache {} is damaged (line {}: {e}); remove it to start afresh",
                path.display(),
                n + 1
            )
        })?;
        if seen.until < now {
            cache.expired += 1;
        } else {
            cache.live.push(seen);
        }
    }
    Ok(cache)
}

fn line(entry: &Seen) -> Result<String> {
    Ok(serde_json::to_string(entry)? + "\n")
}

fn rewrite(path: &Path, live: Vec<Seen>, entry: Seen) -> Result<()> {
    let mut text = String::new();
    for seen in live.iter().chain([&entry]) {
        text.push_str(&line(seen)?);
    }
    write_atomic(path, text.as_bytes(), 0o600, true)
        .with_context(|| format!("cannot update replay cache {}", path.display()))
}

fn append(path: &Path, entry: &Seen) -> Result<()> {
    let mut file: File = OpenOptions::new()
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open replay cache {}", path.display()))?;
    file.write_all(line(entry)?.as_bytes())
        .and_then(|_| file.sync_data())
        .with_context(|| format!("cannot update replay cache {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(path: &Path) -> usize {
        std::fs::read_to_string(path).unwrap().lines().count()
    }

    #[test]
    fn an_id_is_accepted_once_until_it_expires() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        assert_eq!(check_and_remember(&path, "p1", 100, 10).unwrap(), Ok(()));
        let replay = check_and_remember(&path, "p1", 100, 20)
            .unwrap()
            .unwrap_err();
        assert_eq!(replay.rule, Rule::Replay);
        assert!(replay
            .detail
            .contains("already accepted at 1970-01-01T00:00:10Z"));
        assert_eq!(check_and_remember(&path, "p2", 100, 20).unwrap(), Ok(()));
        assert_eq!(lines(&path), 2, "new ids are appended");
    }

    #[test]
    fn expired_ids_are_pruned_so_the_cache_stays_small() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        for i in 0..PRUNE_MIN {
            check_and_remember(&path, &format!("old-{i}"), 100, 50)
                .unwrap()
                .unwrap();
        }
        assert_eq!(lines(&path), PRUNE_MIN);
        check_and_remember(&path, "new", 300, 200).unwrap().unwrap();
        assert_eq!(lines(&path), 1, "every expired id was dropped");
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_the_file_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        check_and_remember(&path, "p1", 100, 10).unwrap().unwrap();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"jti\":\"p2\",\"se").unwrap();
        check_and_remember(&path, "p3", 100, 10).unwrap().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(text.ends_with('\n') && !text.contains("\"p2\""));
    }

    #[test]
    fn a_damaged_cache_is_an_error_not_an_acceptance() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        std::fs::write(&path, "not json\n").unwrap();
        let error = check_and_remember(&path, "p1", 100, 10).unwrap_err();
        assert!(error.to_string().contains("is damaged (line 1"));
    }
}
