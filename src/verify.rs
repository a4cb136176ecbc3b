//! Owns the verification rules: what makes a chain valid for an audience at
//! a time, and what makes a proof of possession valid for a chain. Every
//! failure is a [`Rejection`] naming its hop and rule.

use crate::error::{Rejection, Rule};
use crate::scope::ScopeSet;
use crate::token::{text_hash, Chain, Hop, Proof};
use crate::trust::TrustEntry;

/// The default clock leeway, in seconds.
pub const DEFAULT_LEEWAY: i64 = 60;
/// The longest lifetime a proof of possession may have, in seconds.
pub const MAX_PROOF_LIFETIME: i64 = 300;
/// The longest clock leeway a verifier may use, in seconds: a proof's whole
/// lifetime, so no setting revives a stale proof by more than that.
pub const MAX_LEEWAY: i64 = MAX_PROOF_LIFETIME;

/// What the caller asks of a chain.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The audience the chain is presented to.
    pub audience: &'a str,
    /// Scopes the last hop must cover.
    pub require: ScopeSet,
    /// The time to verify at, in Unix seconds.
    pub at: i64,
    /// Clock leeway, in seconds.
    pub leeway: i64,
    /// A proof of possession, if one was presented.
    pub proof: Option<&'a str>,
    /// Whether a missing proof is a failure.
    pub require_proof: bool,
}

/// Whether the holder proved possession of the last hop's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Possession {
    /// A valid proof was presented.
    Proven {
        /// The proof's unique id.
        jti: String,
        /// The proof's action text, if any.
        action: Option<String>,
        /// When the proof was made.
        iat: i64,
        /// When the proof expires.
        exp: i64,
    },
    /// No proof was presented, so possession was not checked.
    NotChecked,
}

/// A chain that passed every rule, with the trust entry that anchored it.
#[derive(Debug, Clone)]
pub struct Verified<'t> {
    /// The chain.
    pub chain: Chain,
    /// The trust entry whose key signed hop 0.
    pub issuer: &'t TrustEntry,
    /// Whether possession was proven.
    pub possession: Possession,
}

/// Checks a chain against every rule for `request`, anchored in `trust`.
/// The chain is taken, not borrowed: a verified chain is handed on whole,
/// and copying every hop on each request would be waste.
pub fn verify_chain<'t>(
    chain: Chain,
    trust: &'t [TrustEntry],
    request: &Request,
) -> Result<Verified<'t>, Rejection> {
    let issuer = check_issuer(chain.first(), trust)?;
    check_links(&chain)?;
    check_time(&chain, request.at, request.leeway)?;
    check_request(&chain, request)?;
    let possession = match request.proof {
        Some(proof) => check_proof(&chain, proof, request.audience, request.at, request.leeway)?,
        None if request.require_proof => return Err(Rejection::whole(
            Rule::Proof,
            "no proof of possession was given and one is required; pass --proof from 'obo present'",
        )),
        None => Possession::NotChecked,
    };
    Ok(Verified {
        chain,
        issuer,
        possession,
    })
}

/// Rule 1: hop 0 is signed by a trusted issuer, inside that issuer's limits.
pub fn check_issuer<'t>(hop: &Hop, trust: &'t [TrustEntry]) -> Result<&'t TrustEntry, Rejection> {
    let fail = |rule, detail: String| Rejection::at(0, rule, detail);
    let kid = &hop.header.kid;
    let entry = trust.iter().find(|e| e.key.thumbprint() == kid).ok_or_else(|| {
        fail(
            Rule::TrustedIssuer,
            format!("signed by key {kid}, which is not a trusted issuer key (a chain with its first hops cut off starts with an agent's key); if it is your issuer's, trust it with 'obo trust add' or --trust FILE"),
        )
    })?;
    hop.verify_signature(&entry.key).map_err(|e| {
        fail(
            Rule::Signature,
            format!("{e} with trusted issuer key {kid}"),
        )
    })?;
    let principal = &hop.claims.sub;
    if !entry.allows_principal(principal) {
        return Err(fail(
            Rule::IssuerLimits,
            format!(
                "issuer {:?} is not trusted to speak for principal {principal:?}",
                entry.name
            ),
        ));
    }
    if let Some(max) = &entry.max_scope {
        if let Some(scope) = max.uncovered(&hop.claims.scope).first() {
            return Err(fail(
                Rule::IssuerLimits,
                format!(
                    "scope {scope} is beyond what issuer {:?} may grant",
                    entry.name
                ),
            ));
        }
    }
    Ok(entry)
}

/// Rules 2 to 4: each hop is signed by the key the hop before it binds,
/// links to it, keeps its principal, adds exactly one actor, and narrows.
/// Hop 0's signature is checked by [`check_issuer`], not here.
pub fn check_links(chain: &Chain) -> Result<(), Rejection> {
    check_root_shape(chain.first())?;
    for (n, pair) in chain.hops.windows(2).enumerate() {
        check_hop(n + 1, &pair[0], &pair[1])?;
    }
    Ok(())
}

fn check_root_shape(hop: &Hop) -> Result<(), Rejection> {
    if hop.claims.prev.is_some() {
        return Err(Rejection::at(
            0,
            Rule::ChainLink,
            "hop 0 carries \"obo_prev\", so a hop before it was removed",
        ));
    }
    check_actor_key(0, hop)?;
    if hop.claims.act.act.is_some() {
        return Err(Rejection::at(
            0,
            Rule::Actor,
            "hop 0 names more than one actor",
        ));
    }
    Ok(())
}

fn check_actor_key(n: usize, hop: &Hop) -> Result<(), Rejection> {
    if hop.claims.act.kid != hop.claims.cnf.thumbprint() {
        return Err(Rejection::at(
            n,
            Rule::Actor,
            "act.obo_kid is not the thumbprint of the cnf key",
        ));
    }
    Ok(())
}

fn check_hop(n: usize, parent: &Hop, hop: &Hop) -> Result<(), Rejection> {
    check_signer(n, parent, hop)?;
    check_lineage(n, parent, hop)?;
    check_narrowing(n, parent, hop)
}

fn check_signer(n: usize, parent: &Hop, hop: &Hop) -> Result<(), Rejection> {
    let bound = parent.claims.cnf.thumbprint();
    if hop.header.kid != bound {
        return Err(Rejection::at(
            n,
            Rule::KeyId,
            format!(
                "signed by key {}, but hop {} binds key {bound}; only the last actor may add a hop",
                hop.header.kid,
                n - 1
            ),
        ));
    }
    hop.verify_signature(&parent.claims.cnf).map_err(|e| {
        Rejection::at(
            n,
            Rule::Signature,
            format!("{e} with the key hop {} binds", n - 1),
        )
    })?;
    if hop.claims.prev.as_deref() != Some(parent.hash().as_str()) {
        return Err(Rejection::at(
            n,
            Rule::ChainLink,
            format!("\"obo_prev\" is not the hash of hop {}", n - 1),
        ));
    }
    Ok(())
}

fn check_lineage(n: usize, parent: &Hop, hop: &Hop) -> Result<(), Rejection> {
    let (p, c) = (&parent.claims, &hop.claims);
    if c.sub != p.sub {
        return Err(Rejection::at(
            n,
            Rule::Principal,
            format!("principal changed from {:?} to {:?}", p.sub, c.sub),
        ));
    }
    if c.principal_name != p.principal_name {
        return Err(Rejection::at(
            n,
            Rule::Principal,
            format!(
                "the principal's display name changed from {:?} to {:?}",
                p.principal_name.as_deref().unwrap_or(""),
                c.principal_name.as_deref().unwrap_or("")
            ),
        ));
    }
    if c.act.act.as_deref() != Some(&p.act) {
        return Err(Rejection::at(
            n,
            Rule::Actor,
            format!("\"act\" does not nest hop {}'s actors exactly", n - 1),
        ));
    }
    if c.iss != p.act.sub {
        return Err(Rejection::at(
            n,
            Rule::Actor,
            format!(
                "\"iss\" is {:?}, but hop {} was held by {:?}",
                c.iss,
                n - 1,
                p.act.sub
            ),
        ));
    }
    check_actor_key(n, hop)
}

fn check_narrowing(n: usize, parent: &Hop, hop: &Hop) -> Result<(), Rejection> {
    let (p, c) = (&parent.claims, &hop.claims);
    if let Some(scope) = p.scope.uncovered(&c.scope).first() {
        return Err(Rejection::at(
            n,
            Rule::ScopeNarrows,
            format!("scope {scope} is not covered by hop {}'s scopes", n - 1),
        ));
    }
    if let Some(aud) = c.aud.iter().find(|a| !p.aud.contains(a)) {
        return Err(Rejection::at(
            n,
            Rule::AudienceNarrows,
            format!("audience {aud:?} is not among hop {}'s audiences", n - 1),
        ));
    }
    if c.nbf < p.nbf || c.exp > p.exp {
        return Err(Rejection::at(
            n,
            Rule::WindowNarrows,
            format!("validity window reaches outside hop {}'s", n - 1),
        ));
    }
    if p.depth == 0 || c.depth >= p.depth {
        return Err(Rejection::at(
            n,
            Rule::Depth,
            format!("depth {} does not follow hop {}'s depth {} (each hop must lower it, and 0 allows no more hops)", c.depth, n - 1, p.depth),
        ));
    }
    Ok(())
}

/// Rule 5: the time lies inside every hop's window, within the leeway.
pub fn check_time(chain: &Chain, at: i64, leeway: i64) -> Result<(), Rejection> {
    for (n, hop) in chain.hops.iter().enumerate() {
        let c = &hop.claims;
        if at.saturating_add(leeway) < c.nbf {
            return Err(Rejection::at(
                n,
                Rule::Time,
                format!("not valid before {}", crate::time::format_time(c.nbf)),
            ));
        }
        if at.saturating_add(leeway) < c.iat {
            return Err(Rejection::at(
                n,
                Rule::Time,
                format!(
                    "issued in the future, at {}",
                    crate::time::format_time(c.iat)
                ),
            ));
        }
        if at.saturating_sub(leeway) >= c.exp {
            return Err(Rejection::at(
                n,
                Rule::Time,
                format!("expired at {}", crate::time::format_time(c.exp)),
            ));
        }
    }
    Ok(())
}

/// Rule 6: the audience is one the last hop names, and the last hop's
/// scopes cover every required scope.
pub fn check_request(chain: &Chain, request: &Request) -> Result<(), Rejection> {
    let last = chain.hops.len() - 1;
    let claims = &chain.last().claims;
    if !claims.aud.iter().any(|a| a == request.audience) {
        return Err(Rejection::at(
            last,
            Rule::Audience,
            format!(
                "the token is for {:?}, not {:?}",
                claims.aud.join(" "),
                request.audience
            ),
        ));
    }
    if let Some(scope) = claims.scope.uncovered(&request.require).first() {
        return Err(Rejection::at(
            last,
            Rule::RequiredScope,
            format!("required scope {scope} is not granted"),
        ));
    }
    Ok(())
}

/// Rule 7: a proof is signed by the last hop's key, names this audience, is
/// fresh, short-lived, and bound to this exact chain.
pub fn check_proof(
    chain: &Chain,
    text: &str,
    audience: &str,
    at: i64,
    leeway: i64,
) -> Result<Possession, Rejection> {
    let fail = |detail: String| Rejection::whole(Rule::Proof, format!("proof: {detail}"));
    let proof = Proof::parse(text)?;
    let holder = &chain.last().claims.cnf;
    if proof.header.kid != holder.thumbprint() {
        return Err(fail(format!(
            "signed by key {}, not the last hop's key {}",
            proof.header.kid,
            holder.thumbprint()
        )));
    }
    proof.verify_signature(holder).map_err(&fail)?;
    let c = &proof.claims;
    if c.ath != text_hash(&chain.text) {
        return Err(fail(
            "bound to another chain (\"ath\" does not match this token)".into(),
        ));
    }
    if c.aud != audience {
        return Err(fail(format!(
            "made for audience {:?}, not {audience:?}",
            c.aud
        )));
    }
    if c.exp <= c.iat || c.exp - c.iat > MAX_PROOF_LIFETIME {
        return Err(fail(format!(
            "lifetime must be more than 0s and at most {MAX_PROOF_LIFETIME}s"
        )));
    }
    if at.saturating_add(leeway) < c.iat {
        return Err(fail(format!(
            "made in the future, at {}",
            crate::time::format_time(c.iat)
        )));
    }
    if at.saturating_sub(leeway) >= c.exp {
        return Err(fail(format!(
            "stale: expired at {}; make a fresh one with 'obo present'",
            crate::time::format_time(c.exp)
        )));
    }
    Ok(Possession::Proven {
        jti: c.jti.clone(),
        action: c.action.clone(),
        iat: c.iat,
        exp: c.exp,
    })
}
