//! Runs `obo trust add|list|remove`.

use crate::cli::{Context, TrustAddArgs, TrustCommand};
use crate::error::EXIT_OK;
use crate::render::{escape, notice, out, out_json};
use crate::scope::ScopeSet;
use crate::store::read_bounded;
use crate::trust::{entries_from_jwk_file, TrustEntry};
use anyhow::{anyhow, bail, Result};
use serde_json::Value;
use std::path::Path;

/// `obo trust ...`.
pub fn run(ctx: &Context, command: TrustCommand) -> Result<i32> {
    match command {
        TrustCommand::Add(args) => add(ctx, args),
        TrustCommand::List => list(ctx),
        TrustCommand::Remove { name } => remove(ctx, &name),
    }
}

fn add(ctx: &Context, args: TrustAddArgs) -> Result<i32> {
    let mut entries = entries_for(ctx, &args.key)?;
    let max_scope = match args.max_scope.is_empty() {
        true => None,
        false => Some(ScopeSet::new(args.max_scope).map_err(|e| anyhow!("--max-scope: {e}"))?),
    };
    for pattern in &args.principals {
        crate::token::check_id(pattern)
            .map_err(|e| anyhow!("--principals pattern {pattern:?} {e}"))?;
    }
    for entry in &mut entries {
        entry.principals = args.principals.clone();
        entry.max_scope = max_scope.clone();
        if let Some(name) = &args.name {
            entry.name = name.clone();
        }
    }
    ctx.home.update_trust(|list| {
        for entry in &entries {
            let kid = entry.key.thumbprint();
            match list.iter().position(|e| e.key.thumbprint() == kid) {
                Some(_) if !args.force => {
                    bail!("key {kid} is already trusted; pass --force to replace its entry")
                }
                Some(i) => list[i] = entry.clone(),
                None => list.push(entry.clone()),
            }
        }
        Ok(())
    })?;
    if ctx.style.json {
        out_json(&Value::Array(
            entries.iter().map(TrustEntry::to_value).collect(),
        ))?;
    } else {
        for entry in &entries {
            out(entry.key.thumbprint())?;
            notice(format_args!(
                "trusting issuer {} for principals {}",
                escape(&entry.name),
                entry.principals.join(" ")
            ));
        }
    }
    Ok(EXIT_OK)
}

fn entries_for(ctx: &Context, key: &str) -> Result<Vec<TrustEntry>> {
    let path = Path::new(key);
    // A keystore name never depends on the current folder: a file is taken
    // only when the argument can only be a path, so nobody can plant a file
    // named like a key and have it trusted.
    let file_like = [".jwk", ".jwks", ".json"]
        .iter()
        .any(|ext| key.ends_with(ext));
    if key.contains('/') || file_like {
        let bytes = read_bounded(path)?;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
        return entries_from_jwk_file(name, &bytes)
            .map_err(|e| anyhow!("{} is not a usable JWK or JWKS: {e}", path.display()));
    }
    let record = ctx.home.load_key(key)?;
    Ok(vec![TrustEntry::unlimited(record.name, record.public)])
}

fn list(ctx: &Context) -> Result<i32> {
    let entries = ctx.home.trust()?;
    if ctx.style.json {
        out_json(&Value::Array(
            entries.iter().map(TrustEntry::to_value).collect(),
        ))?;
        return Ok(EXIT_OK);
    }
    if entries.is_empty() {
        notice("no trusted issuers yet; add one with 'obo trust add KEY'");
        return Ok(EXIT_OK);
    }
    let mut table = ctx
        .style
        .table(&["NAME", "KEY ID", "PRINCIPALS", "MAX SCOPE"]);
    for e in &entries {
        let max = e
            .max_scope
            .as_ref()
            .map_or("(no limit)".into(), ScopeSet::to_claim);
        table.add_row(vec![
            escape(&e.name),
            e.key.thumbprint().into(),
            escape(&e.principals.join(" ")),
            max,
        ]);
    }
    out(table)?;
    Ok(EXIT_OK)
}

fn remove(ctx: &Context, name: &str) -> Result<i32> {
    let removed = ctx.home.update_trust(|list| {
        let before = list.len();
        list.retain(|e| e.name != name && e.key.thumbprint() != name);
        if list.len() == before {
            bail!(
                "no trusted issuer named {:?} or with that key id; see 'obo trust list'",
                name
            );
        }
        Ok(before - list.len())
    })?;
    notice(format_args!(
        "removed {removed} trust entr{} for {}",
        if removed == 1 { "y" } else { "ies" },
        escape(name)
    ));
    Ok(EXIT_OK)
}
