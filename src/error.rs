//! Owns how obo fails: the rejection of a token or proof (exit 1), the exit
//! code policy, and the one-line form every error takes on stderr.

use std::fmt;

/// Exit status when everything checked out.
pub const EXIT_OK: i32 = 0;
/// Exit status when a token, proof or log was examined and rejected.
pub const EXIT_REJECTED: i32 = 1;
/// Exit status for usage, input and storage errors.
pub const EXIT_ERROR: i32 = 2;

/// The verification rules, named so a rejection can say which one failed.
///
/// The names are part of the interface: they appear in messages and in
/// `--json` output, and docs/FORMAT.md lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The token or proof is not well-formed (encoding, JSON, types, limits).
    Format,
    /// The header names an algorithm other than Ed25519.
    Algorithm,
    /// The header carries a member obo refuses (`jwk`, `jku`, `crit`, ...).
    Header,
    /// Hop 0 is not signed by a trusted issuer key.
    TrustedIssuer,
    /// Hop 0's principal or scopes lie outside the trust entry's limits.
    IssuerLimits,
    /// A signature does not verify, or a key is weak or non-canonical.
    Signature,
    /// A hop's `kid` is not the key that signed it.
    KeyId,
    /// A hop's previous-hop hash does not match the hop before it.
    ChainLink,
    /// The principal (`sub`) changed along the chain.
    Principal,
    /// The `act` claim does not grow by one actor per hop, or disagrees with the signers.
    Actor,
    /// A hop widens the scope of the hop before it.
    ScopeNarrows,
    /// A hop widens the audience of the hop before it.
    AudienceNarrows,
    /// A hop widens the validity window of the hop before it.
    WindowNarrows,
    /// The delegation depth did not decrease or went below zero.
    Depth,
    /// The time lies outside a hop's validity window.
    Time,
    /// The requested audience is not one the last hop names.
    Audience,
    /// A required scope is not covered by the last hop's scopes.
    RequiredScope,
    /// A proof of possession is missing, malformed, stale or bound elsewhere.
    Proof,
    /// A hop or key has been revoked.
    Revoked,
    /// A proof of possession was already used.
    Replay,
}

impl Rule {
    /// The rule's stable name, as shown to users and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Format => "format",
            Rule::Algorithm => "algorithm",
            Rule::Header => "header",
            Rule::TrustedIssuer => "trusted-issuer",
            Rule::IssuerLimits => "issuer-limits",
            Rule::Signature => "signature",
            Rule::KeyId => "key-id",
            Rule::ChainLink => "chain-link",
            Rule::Principal => "principal",
            Rule::Actor => "actor",
            Rule::ScopeNarrows => "scope-narrows",
            Rule::AudienceNarrows => "audience-narrows",
            Rule::WindowNarrows => "window-narrows",
            Rule::Depth => "depth",
            Rule::Time => "time",
            Rule::Audience => "audience",
            Rule::RequiredScope => "required-scope",
            Rule::Proof => "proof",
            Rule::Revoked => "revoked",
            Rule::Replay => "replay",
        }
    }
}

/// A token, chain or proof that was examined and refused.
///
/// Carrying one of these in an `anyhow::Error` makes the process exit 1
/// instead of 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The hop that failed, counted from 0; `None` for the whole token or a proof.
    pub hop: Option<usize>,
    /// The rule that failed.
    pub rule: Rule,
    /// What was wrong, in one sentence.
    pub detail: String,
}

impl Rejection {
    /// A rejection of hop `hop` under `rule`.
    pub fn at(hop: usize, rule: Rule, detail: impl Into<String>) -> Self {
        Rejection {
            hop: Some(hop),
            rule,
            detail: detail.into(),
        }
    }

    /// A rejection of the token as a whole, or of a proof.
    pub fn whole(rule: Rule, detail: impl Into<String>) -> Self {
        Rejection {
            hop: None,
            rule,
            detail: detail.into(),
        }
    }

    /// The same rejection, pinned to a hop.
    pub fn in_hop(mut self, hop: usize) -> Self {
        self.hop.get_or_insert(hop);
        self
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.hop {
            Some(hop) => write!(
                f,
                "hop {hop} failed rule {}: {}",
                self.rule.name(),
                self.detail
            ),
            None => write!(f, "rule {} failed: {}", self.rule.name(), self.detail),
        }
    }
}

impl std::error::Error for Rejection {}

/// The exit status an error maps to.
pub fn exit_code(error: &anyhow::Error) -> i32 {
    if error.chain().any(|cause| cause.is::<Rejection>()) {
        EXIT_REJECTED
    } else {
        EXIT_ERROR
    }
}

/// The error as a single line: causes joined, line breaks folded, and
/// untrusted characters escaped so a hostile token cannot drive the terminal.
pub fn one_line(error: &anyhow::Error) -> String {
    crate::render::escape(&format!("{error:#}"))
}
