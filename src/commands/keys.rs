//! Runs `obo keygen` and `obo key list|export|import`.

use crate::cli::{Context, KeyCommand, KeyExportArgs, KeyFormat, KeyImportArgs, KeygenArgs};
use crate::error::EXIT_OK;
use crate::keys::{PublicKey, SecretKey};
use crate::principal::check_display_name;
use crate::render::{escape, notice, out, out_json};
use crate::store::read_bounded;
use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};

/// `obo keygen`.
pub fn keygen(ctx: &Context, args: KeygenArgs) -> Result<i32> {
    if let Some(name) = &args.display_name {
        check_display_name(name).map_err(|e| anyhow!("--display-name: {e}"))?;
    }
    let key = SecretKey::generate();
    let path = ctx
        .home
        .create_key(&args.name, args.display_name.as_deref(), &key, args.force)?;
    let kid = key.public().thumbprint();
    if ctx.style.json {
        out_json(
            &json!({ "name": args.name, "display_name": args.display_name, "kid": kid, "path": path }),
        )?;
    } else {
        out(kid)?;
        notice(format_args!(
            "created key {} at {}",
            args.name,
            path.display()
        ));
    }
    Ok(EXIT_OK)
}

/// `obo key ...`.
pub fn run(ctx: &Context, command: KeyCommand) -> Result<i32> {
    match command {
        KeyCommand::List => list(ctx),
        KeyCommand::Export(args) => export(ctx, args),
        KeyCommand::Import(args) => import(ctx, args),
    }
}

fn list(ctx: &Context) -> Result<i32> {
    let keys = ctx.home.list_keys()?;
    if ctx.style.json {
        let list: Vec<Value> = keys
            .iter()
            .map(|k| json!({ "name": k.name, "display_name": k.display_name, "kid": k.public.thumbprint(), "private": k.has_private }))
            .collect();
        out_json(&Value::Array(list))?;
        return Ok(EXIT_OK);
    }
    if keys.is_empty() {
        notice("no keys yet; make one with 'obo keygen NAME'");
        return Ok(EXIT_OK);
    }
    let mut table = ctx
        .style
        .table(&["NAME", "DISPLAY NAME", "KEY ID", "PRIVATE"]);
    for k in &keys {
        let display = k.display_name.as_deref().map(escape).unwrap_or_default();
        let private = if k.has_private { "yes" } else { "no" };
        table.add_row(vec![
            k.name.as_str(),
            &display,
            k.public.thumbprint(),
            private,
        ]);
    }
    out(table)?;
    Ok(EXIT_OK)
}

fn export(ctx: &Context, args: KeyExportArgs) -> Result<i32> {
    let keys = args
        .names
        .iter()
        .map(|name| ctx.home.load_key(name))
        .collect::<Result<Vec<_>>>()?;
    match args.format {
        KeyFormat::Jwk => {
            let [key] = keys.as_slice() else {
                bail!(
                    "--format jwk exports one key; give one name, or use --format jwks for several"
                );
            };
            out(serde_json::to_string_pretty(&key.public.to_jwk())?)?;
        }
        KeyFormat::Jwks => {
            let list: Vec<Value> = keys.iter().map(|k| k.public.to_jwk()).collect();
            out(serde_json::to_string_pretty(&json!({ "keys": list }))?)?;
        }
        KeyFormat::Did if ctx.style.json => {
            let list: Vec<Value> = keys
                .iter()
                .map(|k| json!({ "name": k.name, "kid": k.public.thumbprint(), "did": k.public.to_did_key() }))
                .collect();
            out_json(&Value::Array(list))?;
        }
        KeyFormat::Did => {
            for key in &keys {
                out(key.public.to_did_key())?;
            }
        }
    }
    Ok(EXIT_OK)
}

fn import(ctx: &Context, args: KeyImportArgs) -> Result<i32> {
    if let Some(name) = &args.display_name {
        check_display_name(name).map_err(|e| anyhow!("--display-name: {e}"))?;
    }
    let bytes = read_bounded(&args.file)?;
    let jwk = crate::encoding::parse_object(&bytes).map_err(|e| {
        anyhow!(
            "{} is {e}; expected a public Ed25519 JWK",
            args.file.display()
        )
    })?;
    if jwk.contains_key("d") {
        bail!(
            "{} holds a private key; import only the public part (on its machine, 'obo key export NAME')",
            args.file.display()
        );
    }
    let key = PublicKey::from_jwk(&jwk)
        .map_err(|e| anyhow!("{} is not a usable Ed25519 JWK: {e}", args.file.display()))?;
    let path = ctx
        .home
        .import_key(&args.name, args.display_name.as_deref(), &key, args.force)?;
    if ctx.style.json {
        out_json(&json!({ "name": args.name, "kid": key.thumbprint(), "path": path }))?;
    } else {
        out(key.thumbprint())?;
        notice(format_args!(
            "imported public key {} at {}",
            args.name,
            path.display()
        ));
    }
    Ok(EXIT_OK)
}
