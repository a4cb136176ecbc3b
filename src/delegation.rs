//! Owns making tokens: the identity system's first hop (delegate), an
//! actor's narrower next hop (attenuate), and a proof of possession
//! (present). Every refusal here protects the rule that authority only
//! narrows.

use crate::error::Rejection;
use crate::keys::{PublicKey, SecretKey};
use crate::principal::Principal;
use crate::scope::ScopeSet;
use crate::token::{check_audiences, text_hash, Actor, Chain, Claims, Hop, Proof, ProofClaims};
use crate::verify::{check_links, MAX_PROOF_LIFETIME};
use anyhow::{bail, Result};
use std::time::Duration;

/// The agent a hop is made for.
#[derive(Debug, Clone)]
pub struct AgentRef {
    /// The agent's identifier (`act.sub`).
    pub id: String,
    /// The agent's display name.
    pub name: Option<String>,
    /// The agent's public key, bound in `cnf`.
    pub key: PublicKey,
}

/// What the identity system grants in hop 0.
#[derive(Debug)]
pub struct Grant<'a> {
    /// The issuer's identifier (`iss`).
    pub issuer_id: String,
    /// The issuer's signing key.
    pub issuer_key: &'a SecretKey,
    /// The person delegating.
    pub principal: &'a Principal,
    /// The agent acting for them.
    pub agent: AgentRef,
    /// The scopes granted.
    pub scope: ScopeSet,
    /// The audiences the token is for.
    pub audience: Vec<String>,
    /// How long the token lives.
    pub ttl: Duration,
    /// How many more hops may follow.
    pub max_depth: u32,
    /// What the principal asked for.
    pub task: Option<String>,
    /// The time of issue, in Unix seconds.
    pub now: i64,
}

/// Makes hop 0, refusing scopes outside the principal's approved scope.
pub fn delegate(grant: Grant) -> Result<Chain> {
    let outside = grant.principal.allow.uncovered(&grant.scope);
    if let Some(scope) = outside.first() {
        bail!(
            "scope {scope} is outside {:?}'s approved scope ({}); approve it with 'obo principal add {} --allow ...' or ask for less",
            grant.principal.id,
            grant.principal.allow.to_claim(),
            grant.principal.id
        );
    }
    check_grant_shape(&grant.scope, &grant.audience, grant.max_depth)?;
    let claims = Claims {
        iss: grant.issuer_id,
        sub: grant.principal.id.clone(),
        principal_name: grant.principal.display_name.clone(),
        act: actor(&grant.agent, None),
        cnf: grant.agent.key,
        scope: grant.scope,
        aud: grant.audience,
        iat: grant.now,
        nbf: grant.now,
        exp: grant.now.saturating_add(grant.ttl.as_secs() as i64),
        jti: new_id(),
        prev: None,
        depth: grant.max_depth,
        task: grant.task,
    };
    Ok(Chain::root(
        Hop::sign(claims, grant.issuer_key).map_err(unusable)?,
    ))
}

fn check_grant_shape(scope: &ScopeSet, audience: &[String], depth: u32) -> Result<()> {
    if scope.is_empty() {
        bail!("no scope given; name at least one with --scope");
    }
    check_audiences(audience).map_err(|e| anyhow::anyhow!("--audience {e}"))?;
    if depth as usize >= crate::encoding::MAX_HOPS {
        bail!("--max-depth must be below {}", crate::encoding::MAX_HOPS);
    }
    Ok(())
}

fn actor(agent: &AgentRef, earlier: Option<&Actor>) -> Actor {
    Actor {
        sub: agent.id.clone(),
        name: agent.name.clone(),
        kid: agent.key.thumbprint().to_owned(),
        act: earlier.map(|a| Box::new(a.clone())),
    }
}

/// A hop that obo would refuse to read is never handed out; this says why,
/// as a refusal of the request (exit 2), not of a token.
fn unusable(rejection: Rejection) -> anyhow::Error {
    anyhow::anyhow!(
        "the new hop would be refused by every reader ({}); shorten the names, task or scopes",
        rejection.detail
    )
}

/// A fresh random identifier for `jti`.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::fill(&mut bytes);
    crate::encoding::b64_encode(bytes)
}

/// What the current holder asks for in the next hop. `None` keeps the
/// parent's value (narrowed where the rules demand it).
#[derive(Debug)]
pub struct Narrowing<'a> {
    /// The holder's key: the one the last hop binds.
    pub holder: &'a SecretKey,
    /// The sub-agent.
    pub agent: AgentRef,
    /// The scopes granted; each must be covered by the parent's.
    pub scope: ScopeSet,
    /// The audiences, a subset of the parent's.
    pub audience: Option<Vec<String>>,
    /// The lifetime; must end no later than the parent's.
    pub ttl: Option<Duration>,
    /// The remaining depth; below the parent's.
    pub max_depth: Option<u32>,
    /// The task text; the parent's if not given.
    pub task: Option<String>,
    /// The time, in Unix seconds.
    pub now: i64,
}

/// Adds one hop to `parent`, refusing anything that would widen.
pub fn attenuate(parent: &Chain, ask: Narrowing) -> Result<Chain> {
    check_links(parent)?;
    let last = parent.last();
    let p = &last.claims;
    check_holder(ask.holder, p.cnf.thumbprint(), "attenuate")?;
    if p.exp <= ask.now {
        let detail = "the token has expired; ask for a new one";
        return Err(Rejection::at(parent.hops.len() - 1, crate::error::Rule::Time, detail).into());
    }

    let terms = narrowed_terms(p, &ask)?;
    check_grant_shape(&ask.scope, &terms.audience, terms.depth)?;
    let claims = Claims {
        iss: p.act.sub.clone(),
        sub: p.sub.clone(),
        principal_name: p.principal_name.clone(),
        act: actor(&ask.agent, Some(&p.act)),
        cnf: ask.agent.key,
        scope: ask.scope,
        aud: terms.audience,
        iat: ask.now,
        nbf: terms.nbf,
        exp: terms.exp,
        jti: new_id(),
        prev: Some(last.hash()),
        depth: terms.depth,
        task: ask.task.or_else(|| p.task.clone()),
    };

    let chain = parent.extend(Hop::sign(claims, ask.holder).map_err(unusable)?);
    check_readable_size(&chain)?;
    Ok(chain)
}

/// What a new hop may hold, given its parent's claims and what was asked.
struct Terms {
    audience: Vec<String>,
    depth: u32,
    nbf: i64,
    exp: i64,
}

/// Works out the new hop's audience, depth and window, refusing anything
/// that would reach past the parent's.
fn narrowed_terms(p: &Claims, ask: &Narrowing) -> Result<Terms> {
    if p.depth == 0 {
        bail!("the delegation depth is used up: the last hop allows no further hops");
    }
    if let Some(scope) = p.scope.uncovered(&ask.scope).first() {
        bail!("scope {scope} would widen the token: the last hop grants only {}; attenuation may only narrow", p.scope.to_claim());
    }

    let audience = ask.audience.clone().unwrap_or_else(|| p.aud.clone());
    if let Some(aud) = audience.iter().find(|a| !p.aud.contains(a)) {
        bail!(
            "audience {aud:?} would widen the token: the last hop is for {}",
            p.aud.join(", ")
        );
    }

    let depth = ask.max_depth.unwrap_or(p.depth - 1);
    if depth >= p.depth {
        bail!(
            "--max-depth {depth} would widen the token: it must be below the last hop's {}",
            p.depth
        );
    }

    let nbf = ask.now.max(p.nbf);
    let exp = match ask.ttl {
        None => p.exp,
        Some(ttl) => ask
            .now
            .saturating_add(i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX)),
    };
    if exp > p.exp {
        bail!(
            "--ttl would outlive the token, which expires at {}; give a shorter --ttl",
            crate::time::format_time(p.exp)
        );
    }
    if nbf >= exp {
        bail!("the token expires before the new hop could start");
    }
    Ok(Terms {
        audience,
        depth,
        nbf,
        exp,
    })
}

/// Refuses a chain that obo itself would refuse to read: each hop repeats
/// the actors, principal and task before it, so a long chain can pass the
/// token size limit before it reaches the hop limit.
fn check_readable_size(chain: &Chain) -> Result<()> {
    let limit = crate::encoding::MAX_TOKEN_BYTES;
    if chain.text.len() > limit {
        bail!(
            "the new token would be {} bytes, over the limit of {limit} that verifiers accept; give a shorter --task or delegate from an earlier hop",
            chain.text.len()
        );
    }
    Ok(())
}

fn check_holder(holder: &SecretKey, bound: &str, what: &str) -> Result<()> {
    let kid = holder.public().thumbprint();
    if kid != bound {
        bail!("key {kid} is not the key the last hop binds ({bound}); only the current holder can {what} this token");
    }
    Ok(())
}

/// Makes a proof of possession for `chain`, for one audience.
pub fn present(
    chain: &Chain,
    holder: &SecretKey,
    audience: &str,
    action: Option<String>,
    ttl: Duration,
    now: i64,
) -> Result<String> {
    check_links(chain)?;
    let last = &chain.last().claims;
    check_holder(holder, last.cnf.thumbprint(), "present")?;
    if let Some((n, hop)) = chain
        .hops
        .iter()
        .enumerate()
        .find(|(_, h)| h.claims.exp <= now)
    {
        let detail = format!(
            "expired at {}; ask for a new token",
            crate::time::format_time(hop.claims.exp)
        );
        return Err(Rejection::at(n, crate::error::Rule::Time, detail).into());
    }
    if !last.aud.iter().any(|a| a == audience) {
        bail!(
            "audience {audience:?} is not one the token names ({}); present it to one of those",
            last.aud.join(", ")
        );
    }
    let lifetime = i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX);
    if lifetime == 0 || lifetime > MAX_PROOF_LIFETIME {
        bail!("a proof lives more than 0s and at most {MAX_PROOF_LIFETIME}s; give a shorter --ttl");
    }
    let claims = ProofClaims {
        aud: audience.to_owned(),
        iat: now,
        exp: now + lifetime,
        jti: new_id(),
        ath: text_hash(&chain.text),
        action,
    };
    Ok(Proof::sign(&claims, holder))
}
