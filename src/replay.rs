//! Owns the replay cache: a file that remembers the ids of proofs already
//! accepted, so each proof is accepted once while any verifier could still
//! accept it, even when several processes verify at the same time. Ids
//! past that time are pruned on the real clock, so the file holds about one
//! line per proof still alive and never grows past [`MAX_FILE_BYTES`].

use crate::error::{Rejection, Rule};
use crate::store::{open_locked, refuse_link_or_special, write_atomic, MAX_FILE_BYTES};
use crate::time::format_time;
use crate::verify::MAX_LEEWAY;
use anyhow::{anyhow, bail, Context, Result};
use fs2::FileExt;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The file is rewritten without expired ids once they are at least this
/// many, and at least as many as the live ones; otherwise ids are appended.
pub const PRUNE_MIN: usize = 64;

/// How long an id is kept after its proof's `exp` (or after it was
/// accepted, if that is later): the longest leeway any verifier may use,
/// whatever leeway the one that accepted it used.
pub const KEEP_AFTER: i64 = MAX_LEEWAY;

/// The longest line a cache holds: an entry with the longest `jti` (256
/// characters of up to 4 bytes, some escaped) fits with room to spare.
const MAX_LINE_BYTES: u64 = 4096;

/// What to do about a cache that cannot be used as it is. Under the rules
/// of `commands::verify::remember_proof`, a proof is accepted only while
/// its `exp` is at most 10 minutes ahead, so no id needs keeping longer
/// than 15 minutes after it was accepted.
const SET_ASIDE: &str = "stop the verifiers that use it, wait 15 minutes (the longest an id must be kept), then move it aside";

/// One remembered proof id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Seen {
    jti: String,
    seen: i64,
    until: i64,
}

/// The last second an id must be kept: no verifier, whatever its leeway,
/// accepts the proof after its `exp` plus [`KEEP_AFTER`]. `now` (the real
/// clock) is counted too, so a proof accepted for an earlier time with
/// `--at` is still kept for the full span.
pub fn keep_until(exp: i64, now: i64) -> i64 {
    exp.max(now).saturating_add(KEEP_AFTER)
}

/// A replay cache held under its exclusive lock on `FILE.lock`, as read:
/// the ids still alive at the real time it was opened. Checking an id and
/// remembering it (and anything the caller does in between) are one
/// critical section; the lock is let go when this is dropped.
#[derive(Debug)]
pub struct ReplayCache {
    path: PathBuf,
    lock: File,
    exists: bool,
    live: Vec<Seen>,
    live_bytes: u64,
    expired: usize,
    len: u64,
    torn: bool,
}

impl ReplayCache {
    /// Locks the cache at `path` and reads it, leaving out ids expired at
    /// `now`, which must be the real clock: pruning on a chosen time would
    /// forget ids other verifiers can still accept.
    pub fn open(path: &Path, now: i64) -> Result<ReplayCache> {
        let lock_path = lock_path(path);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true).mode(0o600);
        let lock = open_locked(&lock_path, &options, "replay cache lock", "remove the link")?;
        let mut cache = ReplayCache {
            path: path.to_owned(),
            lock,
            exists: false,
            live: Vec::new(),
            live_bytes: 0,
            expired: 0,
            len: 0,
            torn: false,
        };
        cache.read(now)?;
        Ok(cache)
    }

    /// Refuses `jti` if it was already accepted.
    pub fn check(&self, jti: &str) -> Result<(), Rejection> {
        match self.live.iter().find(|s| s.jti == jti) {
            Some(prior) => Err(Rejection::whole(
                Rule::Replay,
                format!(
                    "proof {jti} was already accepted at {}; a proof is good for one request, so make a fresh one with 'obo present'",
                    format_time(prior.seen)
                ),
            )),
            None => Ok(()),
        }
    }

    /// Remembers `jti`, accepted at `now` (the real clock), until
    /// [`keep_until`] its proof's `exp`. The line is on disk when this
    /// returns. Call it only after [`ReplayCache::check`] passed.
    pub fn remember(&mut self, jti: &str, exp: i64, now: i64) -> Result<()> {
        let entry = Seen {
            jti: jti.to_owned(),
            seen: now,
            until: keep_until(exp, now),
        };
        let line = line(&entry)?;
        let size = line.len() as u64;
        self.live.push(entry);
        self.live_bytes += size;
        let prune = self.expired >= self.live.len().max(PRUNE_MIN);
        let over = self.len + size > MAX_FILE_BYTES;
        if !self.exists || self.torn || prune || over {
            self.rewrite()
        } else {
            self.append(&line)
        }
    }

    /// Takes back `jti`, remembered by this holder of the lock, for a
    /// request that could not be completed after all (its audit entry could
    /// not be written), so the proof is not used up.
    pub fn forget(&mut self, jti: &str) -> Result<()> {
        self.live.retain(|s| s.jti != jti);
        self.live_bytes = self.live.iter().map(line_len).sum();
        self.rewrite()
    }

    fn read(&mut self, now: i64) -> Result<()> {
        refuse_link_or_special(&self.path, "replay cache", "name the real file instead")?;
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(error) => return Err(self.unreadable(error)),
        };
        self.exists = true;
        let mut reader = BufReader::new(file);
        let mut buf = Vec::new();
        for number in 1.. {
            buf.clear();
            let n = (&mut reader)
                .take(MAX_LINE_BYTES + 1)
                .read_until(b'\n', &mut buf)
                .map_err(|e| self.unreadable(e))?;
            if n == 0 {
                break;
            }
            self.len += n as u64;
            if buf.pop() != Some(b'\n') {
                if n as u64 > MAX_LINE_BYTES {
                    return Err(self.damaged(number, "the line is too long"));
                }
                // A crash mid-append leaves a last line without its line
                // break; that proof was never reported accepted.
                self.torn = true;
                break;
            }
            self.take_line(number, &buf, n as u64, now)?;
        }
        Ok(())
    }

    fn take_line(&mut self, number: usize, bytes: &[u8], size: u64, now: i64) -> Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        let seen: Seen =
            serde_json::from_slice(bytes).map_err(|e| self.damaged(number, &e.to_string()))?;
        if seen.until < now {
            self.expired += 1;
            return Ok(());
        }
        self.live.push(seen);
        self.live_bytes += size;
        if self.live_bytes > MAX_FILE_BYTES {
            return Err(self.full());
        }
        Ok(())
    }

    fn rewrite(&mut self) -> Result<()> {
        if self.live_bytes > MAX_FILE_BYTES {
            return Err(self.full());
        }
        let mut text = String::with_capacity(self.live_bytes as usize);
        for seen in &self.live {
            text.push_str(&line(seen)?);
        }
        write_atomic(&self.path, text.as_bytes(), 0o600, true)
            .with_context(|| format!("cannot update replay cache {}", self.path.display()))?;
        self.exists = true;
        self.torn = false;
        self.expired = 0;
        self.len = text.len() as u64;
        Ok(())
    }

    fn append(&mut self, line: &str) -> Result<()> {
        let mut file = OpenOptions::new()
            .append(true)
            .open(&self.path)
            .with_context(|| format!("cannot open replay cache {}", self.path.display()))?;
        let written = file
            .write_all(line.as_bytes())
            .and_then(|_| file.sync_data());
        if let Err(error) = written {
            // A half-written line would read as torn, but the next append
            // would then glue onto it; cut it off now.
            let _ = file.set_len(self.len);
            bail!(
                "cannot update replay cache {}: {error}",
                self.path.display()
            );
        }
        self.len += line.len() as u64;
        Ok(())
    }

    fn unreadable(&self, error: std::io::Error) -> anyhow::Error {
        anyhow!("cannot read replay cache {}: {error}", self.path.display())
    }

    fn damaged(&self, number: usize, error: &str) -> anyhow::Error {
        anyhow!(
            "replay cache {} is damaged (line {number}: {error}); {SET_ASIDE}",
            self.path.display()
        )
    }

    /// Ids still alive are never dropped to make room: that would let
    /// their proofs be accepted again.
    fn full(&self) -> anyhow::Error {
        let first = self.live.iter().map(|s| s.until).min().unwrap_or_default();
        anyhow!(
            "replay cache {} is full: the ids of proofs still alive take more than its {} MiB; room frees up from {} as they expire, so retry then, or give the verifiers of each audience a cache of their own",
            self.path.display(),
            MAX_FILE_BYTES >> 20,
            format_time(first.saturating_add(1))
        )
    }
}

impl Drop for ReplayCache {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.lock);
    }
}

/// Accepts proof id `jti` once: refuses it if it was already accepted,
/// otherwise remembers it until [`keep_until`] the proof's `exp`. `now`
/// must be the real clock.
///
/// The read, check and write happen under an exclusive lock on
/// `FILE.lock`, so of several processes presenting the same id at once,
/// exactly one is accepted. The outer error is a storage problem (exit 2);
/// the inner one the replay (exit 1).
pub fn check_and_remember(
    path: &Path,
    jti: &str,
    exp: i64,
    now: i64,
) -> Result<Result<(), Rejection>> {
    let mut cache = ReplayCache::open(path, now)?;
    if let Err(replay) = cache.check(jti) {
        return Ok(Err(replay));
    }
    cache.remember(jti, exp, now)?;
    Ok(Ok(()))
}

/// The lock file beside the cache: it is never replaced, unlike the cache,
/// so every process locks the same file.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn line(entry: &Seen) -> Result<String> {
    Ok(serde_json::to_string(entry)? + "\n")
}

fn line_len(entry: &Seen) -> u64 {
    line(entry).map_or(0, |l| l.len() as u64)
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
        assert_eq!(check_and_remember(&path, "p1", 100, 401).unwrap(), Ok(()));
    }

    #[test]
    fn an_id_is_kept_for_the_maximum_leeway_whatever_the_verifier_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        check_and_remember(&path, "p1", 1000, 990).unwrap().unwrap();
        let late = 1000 + KEEP_AFTER;
        assert_eq!(
            check_and_remember(&path, "p1", 1000, late)
                .unwrap()
                .unwrap_err()
                .rule,
            Rule::Replay,
            "a verifier with the largest leeway still accepts the proof at exp + 5m"
        );
    }

    #[test]
    fn an_id_accepted_after_its_exp_is_kept_from_the_real_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        check_and_remember(&path, "p1", 100, 350).unwrap().unwrap();
        check_and_remember(&path, "p2", 5000, 350 + KEEP_AFTER)
            .unwrap()
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"p1\""), "not pruned at once: {text}");
        assert_eq!(
            check_and_remember(&path, "p1", 100, 350 + KEEP_AFTER)
                .unwrap()
                .unwrap_err()
                .rule,
            Rule::Replay
        );
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
        check_and_remember(&path, "new", 1000, 1000)
            .unwrap()
            .unwrap();
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

    #[test]
    fn a_forgotten_id_can_be_accepted_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        check_and_remember(&path, "p1", 100, 10).unwrap().unwrap();
        let mut cache = ReplayCache::open(&path, 10).unwrap();
        cache.check("p2").unwrap();
        cache.remember("p2", 100, 10).unwrap();
        cache.forget("p2").unwrap();
        drop(cache);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"p1\"") && !text.contains("\"p2\""));
        assert_eq!(check_and_remember(&path, "p2", 100, 10).unwrap(), Ok(()));
    }
}
