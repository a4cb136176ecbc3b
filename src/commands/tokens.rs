//! Runs the commands that make tokens: `obo delegate`, `obo attenuate` and
//! `obo present`.

use crate::cli::{AttenuateArgs, Context, DelegateArgs, OutputArgs, PresentArgs};
use crate::delegation::{self, AgentRef, Grant, Narrowing};
use crate::error::EXIT_OK;
use crate::input::{public_key_arg, read_token_arg};
use crate::render::{escape, notice, out};
use crate::scope::ScopeSet;
use crate::store::{write_atomic, Home};
use crate::time::now;
use crate::token::{check_id, Chain, MAX_TEXT_CHARS};
use anyhow::{anyhow, bail, Result};

/// `obo delegate`.
pub fn delegate(ctx: &Context, args: DelegateArgs) -> Result<i32> {
    check_text("--task", args.task.as_deref())?;
    let (issuer, issuer_key) = ctx.home.load_secret(&args.issuer)?;
    let principal = ctx
        .home
        .principals()?
        .into_iter()
        .find(|p| p.id == args.principal)
        .ok_or_else(|| {
            anyhow!(
                "no principal {:?} on record; add them with 'obo principal add {} --allow SCOPE...'",
                args.principal,
                escape(&args.principal)
            )
        })?;
    let chain = delegation::delegate(Grant {
        issuer_id: issuer.name,
        issuer_key: &issuer_key,
        principal: &principal,
        agent: agent_ref(&ctx.home, &args.agent, args.agent_id)?,
        scope: ScopeSet::new(args.scope).map_err(|e| anyhow!("--scope: {e}"))?,
        audience: args.audience,
        ttl: args.ttl,
        max_depth: args.max_depth,
        task: args.task,
        now: now(),
    })?;
    emit(&args.out, &chain.text, "token")
}

/// `obo attenuate`.
pub fn attenuate(ctx: &Context, args: AttenuateArgs) -> Result<i32> {
    check_text("--task", args.task.as_deref())?;
    let parent = Chain::parse(&read_token_arg(&args.token, "token")?)?;
    let (_, holder) = ctx.home.load_secret(&args.holder)?;
    let chain = delegation::attenuate(
        &parent,
        Narrowing {
            holder: &holder,
            agent: agent_ref(&ctx.home, &args.agent, args.agent_id)?,
            scope: ScopeSet::new(args.scope).map_err(|e| anyhow!("--scope: {e}"))?,
            audience: args.audience,
            ttl: args.ttl,
            max_depth: args.max_depth,
            task: args.task,
            now: now(),
        },
    )?;
    emit(&args.out, &chain.text, "token")
}

/// `obo present`.
pub fn present(ctx: &Context, args: PresentArgs) -> Result<i32> {
    check_text("--action", args.action.as_deref())?;
    let chain = Chain::parse(&read_token_arg(&args.token, "token")?)?;
    let (_, holder) = ctx.home.load_secret(&args.holder)?;
    let proof = delegation::present(
        &chain,
        &holder,
        &args.audience,
        args.action,
        args.ttl,
        now(),
    )?;
    emit(&args.out, &proof, "proof")
}

fn agent_ref(home: &Home, arg: &str, agent_id: Option<String>) -> Result<AgentRef> {
    let named = public_key_arg(home, arg)?;
    let id = agent_id.unwrap_or(named.name);
    check_id(&id).map_err(|e| anyhow!("agent ID {id:?} {e}; pass --agent-id"))?;
    Ok(AgentRef {
        id,
        name: named.display_name,
        key: named.key,
    })
}

fn check_text(flag: &str, text: Option<&str>) -> Result<()> {
    match text {
        Some(t) if t.chars().count() > MAX_TEXT_CHARS => {
            bail!("{flag} is longer than {MAX_TEXT_CHARS} characters; shorten it")
        }
        Some(t) if t.chars().any(char::is_control) => {
            bail!("{flag} contains control characters; remove them")
        }
        _ => Ok(()),
    }
}

fn emit(output: &OutputArgs, text: &str, what: &str) -> Result<i32> {
    match &output.output {
        None => out(text)?,
        Some(path) => {
            write_atomic(path, format!("{text}\n").as_bytes(), 0o600, output.force)?;
            notice(format_args!("wrote {what} to {}", path.display()));
        }
    }
    Ok(EXIT_OK)
}
