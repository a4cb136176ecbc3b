//! Owns the home folder: the keystore, the principals and the trust list,
//! written atomically (temporary file, fsync, rename) and locked for
//! read-modify-write, with private key files kept at mode 0600.

use crate::keys::{PublicKey, SecretKey};
use crate::principal::Principal;
use crate::trust::TrustEntry;
use anyhow::{anyhow, bail, Context, Result};
use fs2::FileExt;
use serde_json::{json, Map, Value};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

const KEYS_DIR: &str = "keys";
const PRINCIPALS_FILE: &str = "principals.json";
const TRUST_FILE: &str = "trust.json";
const LOCK_FILE: &str = ".lock";
/// The name prefix of the temporary file [`write_atomic`] renames into place.
const TEMP_PREFIX: &str = ".obo-";
/// Largest file obo reads from the home folder or as input.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A key in the keystore.
#[derive(Debug)]
pub struct KeyRecord {
    /// The key's name in the keystore.
    pub name: String,
    /// The name shown to people, if given.
    pub display_name: Option<String>,
    /// The public key.
    pub public: PublicKey,
    /// Whether the private key is stored here too.
    pub has_private: bool,
}

impl KeyRecord {
    /// The name to show people.
    pub fn label(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.name)
    }
}

/// The home folder and everything in it.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// The home at `root`; nothing is created until something is written.
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// The home folder's path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn ensure(&self) -> Result<()> {
        for dir in [self.root.clone(), self.root.join(KEYS_DIR)] {
            if !dir.exists() {
                fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&dir)
                    .with_context(|| {
                        format!(
                            "cannot create folder {}; check --home or OBO_HOME",
                            dir.display()
                        )
                    })?;
            }
            refuse_symlink(&dir)?;
        }
        Ok(())
    }

    /// Runs `f` while holding the home's exclusive lock, so concurrent
    /// commands never lose each other's updates.
    pub fn locked<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.ensure()?;
        let path = self.root.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("cannot open lock file {}", path.display()))?;
        lock.lock_exclusive()
            .with_context(|| format!("cannot lock {}", path.display()))?;
        let result = f();
        let _ = FileExt::unlock(&lock);
        result
    }

    /// The path of key `name`, after checking the name cannot leave the keystore.
    pub fn key_path(&self, name: &str) -> Result<PathBuf> {
        check_key_name(name)?;
        Ok(self.keys_dir()?.join(format!("{name}.jwk")))
    }

    /// The keystore folder. A symbolic link there is refused for reading
    /// as it is for writing, so no key is read from outside the home.
    fn keys_dir(&self) -> Result<PathBuf> {
        let dir = self.root.join(KEYS_DIR);
        if fs::symlink_metadata(&dir).is_ok() {
            refuse_symlink(&dir)?;
        }
        Ok(dir)
    }

    /// Stores a new private key. Refuses to replace one unless `force`.
    pub fn create_key(
        &self,
        name: &str,
        display_name: Option<&str>,
        key: &SecretKey,
        force: bool,
    ) -> Result<PathBuf> {
        let path = self.key_path(name)?;
        let mut jwk: Map<String, Value> = serde_json::from_str(&key.to_private_jwk())?;
        annotate(&mut jwk, name, display_name);
        let text = zeroize::Zeroizing::new(serde_json::to_string_pretty(&jwk)? + "\n");
        if let Some(Value::String(d)) = jwk.get_mut("d") {
            zeroize::Zeroize::zeroize(d);
        }
        self.locked(|| {
            self.sweep_stale_temporaries();
            write_atomic(&path, text.as_bytes(), 0o600, force)
        })?;
        Ok(path)
    }

    /// Stores someone else's public key under `name`.
    pub fn import_key(
        &self,
        name: &str,
        display_name: Option<&str>,
        key: &PublicKey,
        force: bool,
    ) -> Result<PathBuf> {
        let path = self.key_path(name)?;
        let mut jwk = key.to_jwk().as_object().cloned().unwrap_or_default();
        annotate(&mut jwk, name, display_name);
        let text = serde_json::to_string_pretty(&jwk)? + "\n";
        self.locked(|| {
            self.sweep_stale_temporaries();
            write_atomic(&path, text.as_bytes(), 0o644, force)
        })?;
        Ok(path)
    }

    /// Removes temporary files that a killed key write left in the
    /// keystore. Every key write holds the lock, so any found under it are
    /// stale, and they may hold a private key.
    fn sweep_stale_temporaries(&self) {
        let Ok(entries) = fs::read_dir(self.root.join(KEYS_DIR)) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Loads key `name`, public part only.
    pub fn load_key(&self, name: &str) -> Result<KeyRecord> {
        let (record, _) = self.read_key(name, false)?;
        Ok(record)
    }

    /// Loads key `name` with its private part, refusing files that group or
    /// others can read.
    pub fn load_secret(&self, name: &str) -> Result<(KeyRecord, SecretKey)> {
        let (record, secret) = self.read_key(name, true)?;
        let secret = secret.ok_or_else(|| {
            anyhow!("key {name:?} holds only a public key (it was imported); this needs the private key, on the machine that made it")
        })?;
        Ok((record, secret))
    }

    fn read_key(&self, name: &str, private: bool) -> Result<(KeyRecord, Option<SecretKey>)> {
        let path = self.key_path(name)?;
        if !is_present(&path)? {
            bail!("no key named {name:?} in {}; run 'obo key list' to see the keys, and check --home or OBO_HOME", self.root.display());
        }
        refuse_symlink(&path)?;
        let bytes = read_bounded(&path)?;
        let jwk = crate::encoding::parse_object(&bytes).map_err(|e| {
            anyhow!(
                "key file {} is {e}; restore it or make a new key",
                path.display()
            )
        })?;
        let bad = |e: String| {
            anyhow!(
                "key file {} is not a valid Ed25519 JWK: {e}",
                path.display()
            )
        };
        let public = PublicKey::from_jwk(&jwk).map_err(bad)?;
        let has_private = jwk.contains_key("d");
        let secret = if private && has_private {
            refuse_open_permissions(&path)?;
            Some(SecretKey::from_jwk(&jwk).map_err(bad)?)
        } else {
            None
        };
        // The display name goes into tokens, so it must meet the same
        // limits as one given to keygen even if the file was edited.
        let display_name = jwk
            .get("obo_display_name")
            .and_then(Value::as_str)
            .map(|n| crate::principal::check_display_name(n).map(|()| n.to_owned()))
            .transpose()
            .map_err(|e| {
                anyhow!(
                    "key file {} has a bad \"obo_display_name\": {e}; fix or remove it",
                    path.display()
                )
            })?;
        let record = KeyRecord {
            name: name.to_owned(),
            display_name,
            public,
            has_private,
        };
        Ok((record, secret))
    }

    /// Every key in the keystore, by name.
    pub fn list_keys(&self) -> Result<Vec<KeyRecord>> {
        let dir = self.keys_dir()?;
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut names: Vec<String> = fs::read_dir(&dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|file| file.strip_suffix(".jwk").map(str::to_owned))
            .filter(|name| check_key_name(name).is_ok())
            .collect();
        names.sort();
        names.iter().map(|name| self.load_key(name)).collect()
    }

    /// The principals on record.
    pub fn principals(&self) -> Result<Vec<Principal>> {
        self.read_list(PRINCIPALS_FILE, "principals", Principal::from_value)
    }

    /// Changes the principals under the lock and saves them atomically.
    pub fn update_principals<T>(
        &self,
        f: impl FnOnce(&mut Vec<Principal>) -> Result<T>,
    ) -> Result<T> {
        self.locked(|| {
            let mut list = self.principals()?;
            let out = f(&mut list)?;
            let values: Vec<Value> = list.iter().map(Principal::to_value).collect();
            self.write_list(PRINCIPALS_FILE, "principals", values)?;
            Ok(out)
        })
    }

    /// The trusted issuers on record.
    pub fn trust(&self) -> Result<Vec<TrustEntry>> {
        self.read_list(TRUST_FILE, "issuers", TrustEntry::from_value)
    }

    /// Changes the trust list under the lock and saves it atomically.
    pub fn update_trust<T>(&self, f: impl FnOnce(&mut Vec<TrustEntry>) -> Result<T>) -> Result<T> {
        self.locked(|| {
            let mut list = self.trust()?;
            let out = f(&mut list)?;
            let values: Vec<Value> = list.iter().map(TrustEntry::to_value).collect();
            self.write_list(TRUST_FILE, "issuers", values)?;
            Ok(out)
        })
    }

    fn read_list<T>(
        &self,
        file: &str,
        member: &str,
        parse: impl Fn(&Value) -> Result<T, String>,
    ) -> Result<Vec<T>> {
        let path = self.root.join(file);
        if !is_present(&path)? {
            return Ok(Vec::new());
        }
        refuse_symlink(&path)?;
        let bytes = read_bounded(&path)?;
        let broken = |e: String| {
            anyhow!(
                "{} is damaged ({e}); restore it from a backup or remove it",
                path.display()
            )
        };
        let value = crate::encoding::parse_json(&bytes).map_err(broken)?;
        let items = value[member]
            .as_array()
            .ok_or_else(|| broken(format!("no {member:?} list")))?;
        items
            .iter()
            .map(|item| parse(item).map_err(broken))
            .collect()
    }

    fn write_list(&self, file: &str, member: &str, values: Vec<Value>) -> Result<()> {
        let text = serde_json::to_string_pretty(&json!({ member: values }))? + "\n";
        write_atomic(&self.root.join(file), text.as_bytes(), 0o644, true)
    }
}

fn annotate(jwk: &mut Map<String, Value>, name: &str, display_name: Option<&str>) {
    jwk.insert("obo_name".into(), json!(name));
    if let Some(display) = display_name {
        jwk.insert("obo_display_name".into(), json!(display));
    }
}

/// Checks a key name: a letter or digit, then letters, digits, `.`, `_` or
/// `-`, at most 64 in all, and no `..`; so no name can leave the keystore.
pub fn check_key_name(name: &str) -> Result<()> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !name.contains("..");
    if !valid {
        bail!(
            "key name \"{}\" is not allowed; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            crate::render::escape(name)
        );
    }
    Ok(())
}

fn refuse_symlink(path: &Path) -> Result<()> {
    let meta =
        fs::symlink_metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.file_type().is_symlink() {
        bail!("{} is a symbolic link, which obo refuses in its home folder; replace it with the real file", path.display());
    }
    Ok(())
}

fn refuse_open_permissions(path: &Path) -> Result<()> {
    let mode = fs::metadata(path)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        bail!(
            "private key file {} is readable by group or others (mode {mode:o}); run 'chmod 600 {}' and check who copied it",
            path.display(),
            path.display()
        );
    }
    Ok(())
}

/// Whether anything is at `path` (a dangling link counts). Any error but
/// "not found" is an error, so a file obo cannot examine is never taken for
/// an absent one: an unreadable revocation list must not read as empty.
pub fn is_present(path: &Path) -> Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e)
            .with_context(|| format!("cannot examine {}; check its permissions", path.display())),
    }
}

/// Refuses anything at `path` but a regular file (a missing path is fine):
/// obo never writes through a symbolic link into a file it was not meant
/// to touch, and never opens a FIFO, which would hang, or a device. `what`
/// names the file in the error, `advice` says what to do about a link.
pub fn refuse_link_or_special(path: &Path, what: &str, advice: &str) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "{what} {} is a symbolic link, which obo will not write through; {advice}",
            path.display()
        ),
        Ok(meta) if !meta.is_file() => bail!(
            "{what} {} is not a regular file; give the path of a file",
            path.display()
        ),
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(anyhow!("cannot read {what} {}: {error}", path.display()))
        }
        _ => Ok(()),
    }
}

/// How often [`open_locked`] follows a path that keeps being replaced
/// before it gives up.
const LOCK_TRIES: usize = 16;

/// Opens `path` with `options` and takes its exclusive lock, refusing a
/// symbolic link there. If the path was replaced or removed while the lock
/// was awaited, the file now at the path is locked instead: a lock on a
/// file nobody else can reach would let two processes in at once.
pub fn open_locked(path: &Path, options: &OpenOptions, what: &str, advice: &str) -> Result<File> {
    for _ in 0..LOCK_TRIES {
        refuse_link_or_special(path, what, advice)?;
        let file = options
            .open(path)
            .with_context(|| format!("cannot open {what} {}", path.display()))?;
        file.lock_exclusive()
            .with_context(|| format!("cannot lock {what} {}", path.display()))?;
        if still_at(&file, path)? {
            return Ok(file);
        }
    }
    bail!(
        "cannot lock {what} {}: it keeps being replaced; stop whatever is replacing it",
        path.display()
    )
}

/// Whether `path` still names the open `file` (and is not a link).
fn still_at(file: &File, path: &Path) -> Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file
        .metadata()
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(match fs::symlink_metadata(path) {
        Ok(now) => {
            !now.file_type().is_symlink() && now.dev() == held.dev() && now.ino() == held.ino()
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(error) => return Err(anyhow!("cannot read {}: {error}", path.display())),
    })
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]. Devices, FIFOs and
/// folders are refused before opening, so none can hang or flood a read.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !meta.is_file() {
        bail!(
            "{} is not a regular file; give the path of a file",
            path.display()
        );
    }
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    read_stream(file, &path.display().to_string())
}

/// Reads at most [`MAX_FILE_BYTES`] from any reader, such as stdin or a pipe.
pub fn read_stream(reader: impl std::io::Read, name: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {name}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!("{name} is larger than {MAX_FILE_BYTES} bytes; obo refuses it");
    }
    Ok(bytes)
}

/// Writes a file so that a crash leaves either the old file or the new one:
/// a temporary file beside it, fsync, rename, fsync of the folder. Without
/// `overwrite`, an existing file is left alone and an error returned.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32, overwrite: bool) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.exists() {
        if !overwrite {
            bail!(
                "{} already exists; pass --force to replace it",
                path.display()
            );
        }
        refuse_symlink(path)?;
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|_| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    if overwrite {
        temp.persist(path)
            .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    } else {
        temp.persist_noclobber(path).map_err(|e| {
            anyhow!(
                "cannot create {}: {}; pass --force to replace it",
                path.display(),
                e.error
            )
        })?;
    }
    File::open(dir).and_then(|d| d.sync_all()).ok();
    Ok(())
}
