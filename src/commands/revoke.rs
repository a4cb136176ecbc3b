//! Runs `obo revoke` and `obo revocations list|export|import`.

use crate::cli::{
    Context, RevocationsCommand, RevocationsExportArgs, RevocationsImportArgs, RevokeArgs,
};
use crate::error::EXIT_OK;
use crate::input::{public_key_arg, read_token_arg};
use crate::render::{attribution, escape, notice, out, out_json};
use crate::revocation::{
    add_to_home, check_text, key_revocation, load_home, read_list_file, sign_list, Revocation,
    Target,
};
use crate::store::write_atomic;
use crate::time::{format_time, now};
use crate::token::{check_id, is_thumbprint, Chain};
use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};

/// `obo revoke`.
pub fn revoke(ctx: &Context, args: RevokeArgs) -> Result<i32> {
    let by = args.by.clone().unwrap_or_else(default_by);
    check_id(&by).map_err(|e| anyhow!("--by {e}"))?;
    if let Some(reason) = &args.reason {
        check_text(reason).map_err(|e| anyhow!("--reason {e}"))?;
    }
    let (target, label) = target_of(ctx, &args)?;
    let entry = Revocation {
        target,
        by,
        at: now(),
        reason: args.reason,
        label,
        source: None,
    };
    let added = add_to_home(&ctx.home, vec![entry.clone()])? == 1;
    if ctx.style.json {
        out_json(&json!({ "revoked": entry.to_value(), "added": added }))?;
        return Ok(EXIT_OK);
    }
    out(crate::render::escape(entry.target.id()))?;
    match added {
        true => notice(format_args!(
            "{}; 'obo verify' on this home now refuses it; share it with 'obo revocations export'",
            escape(&entry.describe())
        )),
        false => notice("already revoked; nothing changed"),
    }
    Ok(EXIT_OK)
}

/// Who is revoking when `--by` is not given: the login name, if known.
fn default_by() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| check_id(v).is_ok()))
        .unwrap_or_else(|| "unknown".into())
}

fn target_of(ctx: &Context, args: &RevokeArgs) -> Result<(Target, Option<String>)> {
    if let Some(token) = &args.token {
        return hop_target(token, args.hop);
    }
    if let Some(key) = &args.key {
        return key_target(ctx, key);
    }
    let sub = args
        .principal
        .clone()
        .ok_or_else(|| anyhow!("name what to revoke: TOKEN, --key or --principal"))?;
    check_id(&sub).map_err(|e| anyhow!("--principal {e}"))?;
    let principals = ctx.home.principals()?;
    let label = principals
        .iter()
        .find(|p| p.id == sub)
        .map(|p| p.label().to_owned());
    if label.is_none() && !principals.is_empty() {
        crate::render::notice(format_args!(
            "warning: no principal {sub:?} is on record here; check the spelling ('obo principal list') before relying on this revocation"
        ));
    }
    let before = args.before.unwrap_or_else(now);
    Ok((Target::Principal { sub, before }, label))
}

fn hop_target(token: &str, hop: Option<usize>) -> Result<(Target, Option<String>)> {
    let chain = Chain::parse(&read_token_arg(token, "token")?)?;
    let count = chain.hops.len();
    let n = hop.unwrap_or(count - 1);
    if n >= count {
        bail!(
            "--hop {n} is out of range: the token has {count} hop{} (0 to {})",
            if count == 1 { "" } else { "s" },
            count - 1
        );
    }
    let claims = &chain.hops[n].claims;
    let principal = claims.principal_name.as_deref().unwrap_or(&claims.sub);
    let actors: Vec<&str> = claims.act.lineage().iter().map(|a| a.label()).collect();
    let label = format!("hop {n}: {}", attribution(principal, &actors));
    let target = Target::Hop {
        jti: claims.jti.clone(),
    };
    Ok((target, Some(label)))
}

fn key_target(ctx: &Context, key: &str) -> Result<(Target, Option<String>)> {
    if is_thumbprint(key) {
        return Ok((Target::Key { kid: key.into() }, None));
    }
    let named = public_key_arg(&ctx.home, key).map_err(|e| {
        anyhow!(
            "--key {} is neither a key id (a 43-character thumbprint) nor a usable key: {e:#}",
            escape(key)
        )
    })?;
    let label = named.display_name.unwrap_or(named.name);
    let kid = named.key.thumbprint().to_owned();
    Ok((Target::Key { kid }, Some(label)))
}

/// `obo revocations ...`.
pub fn run(ctx: &Context, command: RevocationsCommand) -> Result<i32> {
    match command {
        RevocationsCommand::List => list(ctx),
        RevocationsCommand::Export(args) => export(ctx, args),
        RevocationsCommand::Import(args) => import(ctx, args),
    }
}

fn list(ctx: &Context) -> Result<i32> {
    let set = load_home(&ctx.home)?;
    if ctx.style.json {
        out_json(&Value::Array(
            set.entries().iter().map(Revocation::to_value).collect(),
        ))?;
        return Ok(EXIT_OK);
    }
    if set.is_empty() {
        notice("no revocations yet; revoke with 'obo revoke'");
        return Ok(EXIT_OK);
    }
    let mut table = ctx
        .style
        .table(&["KIND", "REVOKED", "WHAT", "BY", "AT", "REASON"]);
    for entry in set.entries() {
        table.add_row(row(entry));
    }
    out(table)?;
    Ok(EXIT_OK)
}

fn row(entry: &Revocation) -> Vec<String> {
    let target = match &entry.target {
        Target::Principal { sub, before } => {
            format!(
                "{} (issued at or before {})",
                escape(sub),
                format_time(*before)
            )
        }
        other => escape(other.id()),
    };
    let by = match &entry.source {
        Some(source) => format!("{} ({})", escape(&entry.by), escape(source)),
        None => escape(&entry.by),
    };
    vec![
        entry.target.kind().into(),
        target,
        escape(entry.label.as_deref().unwrap_or("")),
        by,
        format_time(entry.at),
        escape(entry.reason.as_deref().unwrap_or("")),
    ]
}

fn export(ctx: &Context, args: RevocationsExportArgs) -> Result<i32> {
    let set = load_home(&ctx.home)?;
    let (signer, key) = ctx.home.load_secret(&args.signing_key)?;
    let iat = now();
    let text = sign_list(set.entries(), signer.label(), &key, iat)?;
    write_atomic(
        &args.output,
        format!("{text}\n").as_bytes(),
        0o644,
        args.force,
    )?;
    let kid = key.public().thumbprint();
    if ctx.style.json {
        out_json(&json!({
            "file": args.output, "count": set.len(), "kid": kid, "iat": format_time(iat),
        }))?;
    } else {
        notice(format_args!(
            "wrote {} revocation{} signed by key {kid} ({}) to {}; verifiers that trust that key can load it with 'obo revocations import' or 'obo verify --revocations'",
            set.len(),
            if set.len() == 1 { "" } else { "s" },
            escape(signer.label()),
            args.output.display()
        ));
    }
    Ok(EXIT_OK)
}

fn import(ctx: &Context, args: RevocationsImportArgs) -> Result<i32> {
    let list = read_list_file(&args.file, &ctx.home.trust()?, now())?;
    let home_set = load_home(&ctx.home)?;
    if let Some(revocation) = key_revocation(home_set.entries(), list.signer.key.thumbprint()) {
        bail!(
            "revocation list {} refused: its signer's key is itself revoked here ({})",
            args.file.display(),
            revocation.describe()
        );
    }
    let total = list.entries.len();
    let added = add_to_home(&ctx.home, list.entries)?;
    if ctx.style.json {
        out_json(&json!({
            "file": args.file, "signer": { "name": list.signer.name, "kid": list.signer.key.thumbprint() },
            "iat": format_time(list.iat), "entries": total, "added": added,
        }))?;
    } else {
        notice(format_args!(
            "imported {added} new revocation{} from {} (signed by {} at {}); {} were already here",
            if added == 1 { "" } else { "s" },
            args.file.display(),
            escape(&list.signer.name),
            format_time(list.iat),
            total - added
        ));
    }
    Ok(EXIT_OK)
}
