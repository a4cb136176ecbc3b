//! Owns reading what users pass on the command line: a TOKEN given as text,
//! a file or `-` for stdin, and a KEY given as a keystore name or a JWK file.

use crate::encoding::MAX_TOKEN_BYTES;
use crate::keys::PublicKey;
use crate::store::{read_bounded, read_stream, Home, MAX_FILE_BYTES};
use anyhow::{anyhow, bail, Context, Result};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Reads a TOKEN or PROOF argument: `-` for stdin, an existing file's
/// contents, or else the argument itself. Surrounding whitespace is dropped.
pub fn read_token_arg(arg: &str, what: &str) -> Result<String> {
    let bytes = if arg == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else if let Ok(meta) = std::fs::metadata(arg) {
        // A pipe, as from the shell's <(...), is read like a file.
        match meta.is_file() {
            true => read_bounded(Path::new(arg))?,
            false if meta.is_dir() => bail!(
                "{arg:?} is a folder; pass the {what} itself, a file holding it, or - for stdin"
            ),
            false => read_stream(
                File::open(arg).with_context(|| format!("cannot read {arg}"))?,
                arg,
            )?,
        }
    } else if arg.contains('/') {
        // base64url and the separators never hold a '/', so this was meant
        // as a path.
        bail!("no file {arg:?}; pass the {what} itself, a file holding it, or - for stdin");
    } else {
        arg.as_bytes().to_vec()
    };
    let text = String::from_utf8(bytes).map_err(|_| anyhow!("the {what} is not UTF-8 text; pass the {what} itself, a file holding it, or - for stdin"))?;
    let text = text.trim();
    if text.is_empty() {
        bail!("the {what} is empty; pass the {what} itself, a file holding it, or - for stdin");
    }
    if text.len() > MAX_TOKEN_BYTES {
        return Err(crate::error::Rejection::whole(
            crate::error::Rule::Format,
            format!(
                "the {what} is {} bytes; the limit is {MAX_TOKEN_BYTES}",
                text.len()
            ),
        )
        .into());
    }
    Ok(text.to_owned())
}

/// A public key named on the command line, with the name it goes by.
#[derive(Debug)]
pub struct NamedKey {
    /// The keystore name, or the file's stem.
    pub name: String,
    /// The display name, if the keystore has one.
    pub display_name: Option<String>,
    /// The key.
    pub key: PublicKey,
}

/// Resolves a KEY argument to a public key: a path (anything with a `/`, or
/// an existing `.jwk`/`.json` file) is read as a JWK; otherwise the name is
/// looked up in the keystore.
pub fn public_key_arg(home: &Home, arg: &str) -> Result<NamedKey> {
    let path = Path::new(arg);
    let looks_like_file =
        arg.contains('/') || ((arg.ends_with(".jwk") || arg.ends_with(".json")) && path.is_file());
    if !looks_like_file {
        let record = home.load_key(arg)?;
        return Ok(NamedKey {
            name: record.name,
            display_name: record.display_name,
            key: record.public,
        });
    }
    let key = public_key_file(path)?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("key")
        .to_owned();
    Ok(NamedKey {
        name,
        display_name: None,
        key,
    })
}

/// Reads a public Ed25519 JWK from a file.
pub fn public_key_file(path: &Path) -> Result<PublicKey> {
    let bytes = read_bounded(path)?;
    let jwk = crate::encoding::parse_object(&bytes)
        .map_err(|e| anyhow!("{} is {e}; expected an Ed25519 JWK", path.display()))?;
    PublicKey::from_jwk(&jwk)
        .map_err(|e| anyhow!("{} is not a usable Ed25519 JWK: {e}", path.display()))
}
