//! Runs `obo inspect`: decodes every hop and shows it, trusting nothing.

use crate::cli::{Context, InspectArgs};
use crate::confusables::{mixes_scripts, MIXED_SCRIPTS_MARKER};
use crate::error::EXIT_OK;
use crate::input::read_token_arg;
use crate::render::{attribution_with_keys, escape, notice, out, out_json};
use crate::time::format_time;
use crate::token::{Chain, Hop};
use anyhow::Result;
use serde_json::{json, Value};

const UNVERIFIED: &str = "nothing was verified: signatures, trust, links and times are unchecked; use 'obo verify' to check them";

/// `obo inspect`.
pub fn run(ctx: &Context, args: InspectArgs) -> Result<i32> {
    let chain = Chain::parse(&read_token_arg(&args.token, "token")?)?;
    if ctx.style.json {
        out_json(&json!({
            "verified": false,
            "claimed_attribution": chain_attribution(&chain),
            "hops": chain.hops.iter().enumerate().map(|(n, h)| hop_json(n, h)).collect::<Vec<_>>(),
        }))?;
    } else {
        // One block of rows per hop: a hop has too many fields to fit a
        // terminal side by side.
        let mut table = ctx.style.table(&["HOP", "FIELD", "VALUE"]);
        for (n, hop) in chain.hops.iter().enumerate() {
            for (i, (field, value)) in hop_fields(n, hop, &chain.first().header.kid)
                .into_iter()
                .enumerate()
            {
                let hop = if i == 0 { n.to_string() } else { String::new() };
                table.add_row(vec![hop, field.to_owned(), value]);
            }
        }
        out(table)?;
        out(format_args!("claims to be: {}", chain_attribution(&chain)))?;
    }
    notice(UNVERIFIED);
    Ok(EXIT_OK)
}

/// The attribution the chain claims, from its last hop's actors. A name
/// that mixes look-alike scripts is flagged with the key vouching for it:
/// the actor's own key, or for the principal the issuer's.
pub fn chain_attribution(chain: &Chain) -> String {
    let claims = &chain.last().claims;
    let principal = claims.principal_name.as_deref().unwrap_or(&claims.sub);
    let issuer_key = format!("issuer key {}", chain.first().header.kid);
    let lineage = claims.act.lineage();
    let keys: Vec<String> = lineage.iter().map(|a| format!("key {}", a.kid)).collect();
    let actors: Vec<(&str, &str)> = lineage
        .iter()
        .zip(&keys)
        .map(|(a, key)| (a.label(), key.as_str()))
        .collect();
    attribution_with_keys((principal, &issuer_key), &actors)
}

/// Whether a name or its identifier mixes look-alike scripts.
fn any_mixed(texts: &[&str]) -> bool {
    texts.iter().any(|t| mixes_scripts(t))
}

/// The marker to append to a name, if it is needed.
fn marker(mixed: bool) -> String {
    match mixed {
        true => format!(" {MIXED_SCRIPTS_MARKER}"),
        false => String::new(),
    }
}

/// A hop's fields for people, in reading order, every untrusted text escaped.
fn hop_fields(n: usize, hop: &Hop, issuer_kid: &str) -> Vec<(&'static str, String)> {
    let c = &hop.claims;
    let principal_mixed = any_mixed(&[c.principal_name.as_deref().unwrap_or(""), &c.sub]);
    let principal = match &c.principal_name {
        Some(name) => format!("{} [{}]", escape(name), escape(&c.sub)),
        None => escape(&c.sub),
    };
    let signer = match n {
        0 => "the issuer's key",
        _ => "the key the hop before binds",
    };
    let mut fields = vec![
        (
            "signed by",
            format!("{} (claims to be {signer})", hop.header.kid),
        ),
        ("issuer", escape(&c.iss)),
        (
            "actor",
            format!(
                "{} [{}]{}",
                escape(c.act.label()),
                escape(&c.act.sub),
                marker(any_mixed(&[c.act.label(), &c.act.sub]))
            ),
        ),
        ("actor key", c.cnf.thumbprint().to_owned()),
        (
            "principal",
            match principal_mixed {
                false => principal,
                true => format!("{principal}{} (issuer key {issuer_kid})", marker(true)),
            },
        ),
        ("scopes", c.scope.to_claim()),
        ("audience", escape(&c.aud.join(" "))),
        (
            "valid",
            format!("{} to {}", format_time(c.nbf), format_time(c.exp)),
        ),
        ("depth left", c.depth.to_string()),
    ];
    if let Some(task) = &c.task {
        fields.push(("task", escape(task)));
    }
    fields.push(("hop id", escape(&c.jti)));
    fields
}

/// One hop as JSON, shared by inspect and verify.
pub fn hop_json(n: usize, hop: &Hop) -> Value {
    let c = &hop.claims;
    json!({
        "hop": n,
        "alg": hop.header.alg,
        "signer_kid": hop.header.kid,
        "issuer": c.iss,
        "principal": {
            "id": c.sub,
            "name": c.principal_name,
            "mixed_scripts": any_mixed(&[c.principal_name.as_deref().unwrap_or(""), &c.sub]),
        },
        "actor": {
            "id": c.act.sub,
            "name": c.act.name,
            "kid": c.cnf.thumbprint(),
            "mixed_scripts": any_mixed(&[c.act.label(), &c.act.sub]),
        },
        "scopes": c.scope.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "audience": c.aud,
        "issued_at": format_time(c.iat),
        "not_before": format_time(c.nbf),
        "expires": format_time(c.exp),
        "depth": c.depth,
        "task": c.task,
        "jti": c.jti,
    })
}
