//! Runs `obo verify`: checks a chain and prints one attribution line, or the
//! rule and hop that failed; `--json` prints the same report as an object.
//! Revocations (the home's and `--revocations` lists) and the replay cache
//! are checked after the chain's own rules.

use crate::cli::{Context, VerifyArgs};
use crate::commands::inspect::{chain_attribution, hop_json};
use crate::error::{Rejection, Rule, EXIT_OK, EXIT_REJECTED};
use crate::input::read_token_arg;
use crate::render::{escape, notice, out, out_json};
use crate::replay::check_and_remember;
use crate::revocation::{check_chain, load_for_verify, RevocationSet};
use crate::scope::ScopeSet;
use crate::store::{read_bounded, Home};
use crate::time::{format_time, now};
use crate::token::Chain;
use crate::trust::{entries_from_jwk_file, TrustEntry};
use crate::verify::{verify_chain, Possession, Request, Verified, MAX_LEEWAY};
use anyhow::{anyhow, Result};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// `obo verify`.
pub fn run(ctx: &Context, args: VerifyArgs) -> Result<i32> {
    let read = read_token_arg(&args.token, "token").and_then(|text| {
        let proof = args
            .proof
            .as_deref()
            .map(|p| read_token_arg(p, "proof"))
            .transpose()?;
        Ok((text, proof))
    });
    // A token refused while being read (too large, say) is reported like
    // any other rejection, not as a bare error.
    let (text, proof) = match read {
        Ok(read) => read,
        Err(e) => match e.downcast::<Rejection>() {
            Ok(rejection) => {
                report_rejected(ctx, &rejection)?;
                return Ok(EXIT_REJECTED);
            }
            Err(e) => return Err(e),
        },
    };
    let trust = load_trust(&ctx.home, &args.checks.trust)?;
    let revocations = load_for_verify(&ctx.home, &args.checks.revocations, &trust, now())?;
    let request = Request {
        audience: &args.audience,
        require: ScopeSet::new(args.checks.require).map_err(|e| anyhow!("--require: {e}"))?,
        at: args.at.unwrap_or_else(now),
        leeway: args.checks.leeway.as_secs().min(i64::MAX as u64) as i64,
        proof: proof.as_deref(),
        require_proof: args.require_proof || args.replay_cache.is_some(),
    };
    let checks = Checks {
        trust: &trust,
        revocations: &revocations,
        replay_cache: args.replay_cache.as_deref(),
    };
    match check_token(&text, &checks, &request)? {
        Ok(verified) => {
            report_valid(ctx, &verified, &request)?;
            warn_unchecked(ctx, &verified, &args.checks.revocations);
            Ok(EXIT_OK)
        }
        Err(rejection) => {
            report_rejected(ctx, &rejection)?;
            Ok(EXIT_REJECTED)
        }
    }
}

/// Says on stderr what a valid verdict did not cover, so nobody reads
/// "valid" as more than it is.
fn warn_unchecked(ctx: &Context, verified: &Verified, revocation_files: &[PathBuf]) {
    if verified.possession == Possession::NotChecked {
        notice("warning: possession not checked: anyone holding this token, or a shorter chain cut from it, passes; require a proof with --proof and --require-proof");
    }
    if !ctx.home.root().exists() && revocation_files.is_empty() {
        notice(
            "warning: revocations not checked: there is no home folder and no --revocations FILE",
        );
    }
}

/// What a verifier holds besides the request: trust, revocations and,
/// optionally, a replay cache.
#[derive(Debug)]
pub struct Checks<'a> {
    /// Trusted issuers.
    pub trust: &'a [TrustEntry],
    /// Revoked hops, keys and principals.
    pub revocations: &'a RevocationSet,
    /// Where spent proofs are remembered, if anywhere.
    pub replay_cache: Option<&'a Path>,
}

/// Checks a token exactly as `obo verify` and `obo audit record` do: the
/// chain's own rules, then revocations, then, for a chain that passed
/// everything, the replay cache. The outer error is a storage problem; the
/// inner one is the token's rejection.
pub fn check_token<'t>(
    text: &str,
    checks: &Checks<'t>,
    request: &Request,
) -> Result<Result<Verified<'t>, Rejection>> {
    let outcome = check_rules(text, checks, request);
    Ok(match (outcome, checks.replay_cache) {
        (Ok(verified), Some(cache)) => remember_proof(cache, &verified)?.map(|()| verified),
        (outcome, _) => outcome,
    })
}

/// The chain's own rules, then revocations; not the replay cache.
pub fn check_rules<'t>(
    text: &str,
    checks: &Checks<'t>,
    request: &Request,
) -> Result<Verified<'t>, Rejection> {
    Chain::parse(text)
        .and_then(|chain| verify_chain(chain, checks.trust, request))
        .and_then(|verified| check_chain(&verified.chain, checks.revocations).map(|()| verified))
}

/// Accepts the verified chain's proof once, through the replay cache at
/// `cache`. Only a chain that passed every other rule spends its proof.
pub fn remember_proof(cache: &Path, verified: &Verified) -> Result<Result<(), Rejection>> {
    let now = now();
    let (jti, exp) = match spendable(verified, now) {
        Ok(spend) => spend,
        Err(rejection) => return Ok(Err(rejection)),
    };
    check_and_remember(cache, jti, exp, now)
}

/// The proof's id and expiry, if a replay cache may spend it at `now`, the
/// real clock. The proof must be current on the real clock within the
/// largest leeway, whatever time it was verified for: a cache keeps an id
/// only until [`crate::replay::keep_until`], so a proof spent for an
/// earlier `--at` could otherwise be spent again once its id was pruned,
/// and one dated far ahead would hold its line for as long.
pub fn spendable<'v>(verified: &'v Verified, now: i64) -> Result<(&'v str, i64), Rejection> {
    let fail = |detail: String| Rejection::whole(Rule::Proof, format!("proof: {detail}"));
    match &verified.possession {
        Possession::Proven { jti, iat, exp, .. } => {
            if now.saturating_sub(MAX_LEEWAY) >= *exp {
                return Err(fail(format!(
                    "stale on the real clock: expired at {}, and a replay cache spends proofs only while one could be accepted now; make a fresh one with 'obo present'",
                    format_time(*exp)
                )));
            }
            if now.saturating_add(MAX_LEEWAY) < *iat {
                return Err(fail(format!(
                    "made in the future on the real clock, at {}; a replay cache spends proofs only while one could be accepted now",
                    format_time(*iat)
                )));
            }
            Ok((jti, *exp))
        }
        Possession::NotChecked => Err(Rejection::whole(
            Rule::Proof,
            "a replay cache needs a proof of possession; pass --proof from 'obo present'",
        )),
    }
}

/// The home's trust entries (none when there is no home) and those in
/// `--trust` files.
pub fn load_trust(home: &Home, files: &[std::path::PathBuf]) -> Result<Vec<TrustEntry>> {
    let mut trust = home.trust()?;
    for path in files {
        let bytes = read_bounded(path)?;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
        let entries = entries_from_jwk_file(name, &bytes).map_err(|e| {
            anyhow!(
                "--trust {} is not a usable JWK or JWKS: {e}",
                path.display()
            )
        })?;
        trust.extend(entries);
    }
    Ok(trust)
}

/// The one line `obo verify` prints for a valid chain.
pub fn attribution_line(verified: &Verified, request: &Request) -> String {
    let last = &verified.chain.last().claims;
    let scopes = if request.require.is_empty() {
        last.scope.to_claim()
    } else {
        request.require.to_claim()
    };
    let possession = match verified.possession {
        Possession::Proven { .. } => "possession proven",
        Possession::NotChecked => "possession not checked",
    };
    format!(
        "{} may {scopes} at {} until {}; {possession}",
        chain_attribution(&verified.chain),
        escape(request.audience),
        format_time(last.exp),
    )
}

fn report_valid(ctx: &Context, verified: &Verified, request: &Request) -> Result<()> {
    if !ctx.style.json {
        return out(ctx.style.paint(&attribution_line(verified, request), "32"));
    }
    let chain = &verified.chain;
    let last = &chain.last().claims;
    let possession = match &verified.possession {
        Possession::Proven {
            jti, action, exp, ..
        } => {
            json!({ "status": "proven", "jti": jti, "action": action, "expires": format_time(*exp) })
        }
        Possession::NotChecked => json!({ "status": "not checked" }),
    };
    out_json(&json!({
        "valid": true,
        "attribution": chain_attribution(chain),
        "line": attribution_line(verified, request),
        "principal": { "id": last.sub, "name": last.principal_name },
        "actors": last.act.lineage().iter().map(|a| json!({ "id": a.sub, "name": a.name, "kid": a.kid })).collect::<Vec<_>>(),
        "issuer": { "name": verified.issuer.name, "kid": verified.issuer.key.thumbprint() },
        "audience": request.audience,
        "scopes": last.scope.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "expires": format_time(last.exp),
        "task": last.task,
        "possession": possession,
        "hops": chain.hops.iter().enumerate().map(|(n, h)| hop_json(n, h)).collect::<Vec<_>>(),
        "error": Value::Null,
    }))
}

fn report_rejected(ctx: &Context, rejection: &Rejection) -> Result<()> {
    if ctx.style.json {
        out_json(&json!({
            "valid": false,
            "error": { "hop": rejection.hop, "rule": rejection.rule.name(), "message": escape(&rejection.detail) },
        }))?;
    }
    let line = format!("token rejected: {}", escape(&rejection.to_string()));
    crate::render::stderr_line(&format!("obo: {}", ctx.style.paint(&line, "31")));
    Ok(())
}
