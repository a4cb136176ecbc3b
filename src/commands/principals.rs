//! Runs `obo principal add|list|remove`.

use crate::cli::{Context, PrincipalAddArgs, PrincipalCommand};
use crate::error::EXIT_OK;
use crate::principal::{check_principal_fields, Principal};
use crate::render::{escape, notice, out, out_json};
use crate::scope::ScopeSet;
use anyhow::{anyhow, bail, Result};
use serde_json::Value;

/// `obo principal ...`.
pub fn run(ctx: &Context, command: PrincipalCommand) -> Result<i32> {
    match command {
        PrincipalCommand::Add(args) => add(ctx, args),
        PrincipalCommand::List => list(ctx),
        PrincipalCommand::Remove { user_id } => remove(ctx, &user_id),
    }
}

fn add(ctx: &Context, args: PrincipalAddArgs) -> Result<i32> {
    check_principal_fields(&args.user_id, args.display_name.as_deref()).map_err(|e| anyhow!(e))?;
    let principal = Principal {
        id: args.user_id,
        display_name: args.display_name,
        allow: ScopeSet::new(args.allow).map_err(|e| anyhow!("--allow: {e}"))?,
    };
    ctx.home.update_principals(|list| {
        match list.iter_mut().find(|p| p.id == principal.id) {
            Some(_) if !args.force => bail!(
                "principal {:?} is already on record; pass --force to replace it",
                principal.id
            ),
            Some(existing) => *existing = principal.clone(),
            None => list.push(principal.clone()),
        }
        Ok(())
    })?;
    if ctx.style.json {
        out_json(&principal.to_value())?;
    } else {
        notice(format_args!(
            "recorded principal {} with scope {}",
            escape(&principal.id),
            principal.allow.to_claim()
        ));
    }
    Ok(EXIT_OK)
}

fn list(ctx: &Context) -> Result<i32> {
    let principals = ctx.home.principals()?;
    if ctx.style.json {
        out_json(&Value::Array(
            principals.iter().map(Principal::to_value).collect(),
        ))?;
        return Ok(EXIT_OK);
    }
    if principals.is_empty() {
        notice("no principals yet; add one with 'obo principal add USER-ID --allow SCOPE...'");
        return Ok(EXIT_OK);
    }
    let mut table = ctx
        .style
        .table(&["USER ID", "DISPLAY NAME", "APPROVED SCOPE"]);
    for p in &principals {
        let display = p.display_name.as_deref().map(escape).unwrap_or_default();
        table.add_row(vec![escape(&p.id), display, p.allow.to_claim()]);
    }
    out(table)?;
    Ok(EXIT_OK)
}

fn remove(ctx: &Context, user_id: &str) -> Result<i32> {
    ctx.home.update_principals(|list| {
        let before = list.len();
        list.retain(|p| p.id != user_id);
        if list.len() == before {
            bail!(
                "no principal {:?} on record; see 'obo principal list'",
                user_id
            );
        }
        Ok(())
    })?;
    notice(format_args!("removed principal {}", escape(user_id)));
    Ok(EXIT_OK)
}
