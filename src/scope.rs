//! Owns scopes and the one rule that decides whether one scope covers
//! another, which is what makes attenuation safe.
//!
//! A scope is `segment(:segment)*`. A segment is letters, digits, `_`, `-`
//! or `.`; the last segment may instead be `*`, which covers anything below
//! its prefix (`budget:*` covers `budget:q3:write` and `budget:*`, but not
//! `budget` itself: a wildcard never reaches up). Without a `*`, a scope
//! covers only itself. A lone `*` covers every scope.

use std::fmt;
use std::str::FromStr;

/// Most characters in one scope.
pub const MAX_SCOPE_CHARS: usize = 256;
/// Most scopes in one hop.
pub const MAX_SCOPES: usize = 64;

/// One validated scope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope {
    text: String,
}

impl Scope {
    /// Whether this scope grants everything `other` grants.
    pub fn covers(&self, other: &Scope) -> bool {
        match self.text.strip_suffix('*') {
            None => self.text == other.text,
            Some(prefix) => other.text.starts_with(prefix) && other.text.len() > prefix.len(),
        }
    }

    /// The scope's text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            return Err("a scope cannot be empty".into());
        }
        if text.chars().count() > MAX_SCOPE_CHARS {
            return Err(format!("a scope is at most {MAX_SCOPE_CHARS} characters"));
        }
        let segments: Vec<&str> = text.split(':').collect();
        for (i, segment) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            if !(valid_segment(segment) || (last && *segment == "*")) {
                return Err(format!(
                    "scope {text:?} is not segment(:segment)* with segments of letters, digits, '_', '-' or '.', and '*' only as the whole last segment"
                ));
            }
        }
        Ok(Scope { text: text.into() })
    }
}

fn valid_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A set of scopes, kept sorted and without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeSet {
    scopes: Vec<Scope>,
}

impl ScopeSet {
    /// A set from scopes, sorted and deduplicated.
    pub fn new(mut scopes: Vec<Scope>) -> Result<Self, String> {
        scopes.sort();
        scopes.dedup();
        if scopes.len() > MAX_SCOPES {
            return Err(format!("at most {MAX_SCOPES} scopes may be given"));
        }
        Ok(ScopeSet { scopes })
    }

    /// Parses scopes given one per argument.
    pub fn parse_all<S: AsRef<str>>(items: &[S]) -> Result<Self, String> {
        let scopes = items
            .iter()
            .map(|s| s.as_ref().parse())
            .collect::<Result<Vec<Scope>, String>>()?;
        Self::new(scopes)
    }

    /// Parses the space-separated form of the `scope` claim (RFC 8693 4.2),
    /// refusing doubled, leading or trailing spaces.
    pub fn parse_claim(claim: &str) -> Result<Self, String> {
        if claim.is_empty() {
            return Err("the scope claim is empty".into());
        }
        Self::parse_all(&claim.split(' ').collect::<Vec<_>>())
    }

    /// The space-separated claim form.
    pub fn to_claim(&self) -> String {
        self.iter().map(Scope::as_str).collect::<Vec<_>>().join(" ")
    }

    /// The scopes in order.
    pub fn iter(&self) -> impl Iterator<Item = &Scope> {
        self.scopes.iter()
    }

    /// Whether the set holds no scope.
    pub fn is_empty(&self) -> bool {
        self.scopes.is_empty()
    }

    /// Whether some scope in this set covers `scope`.
    pub fn covers(&self, scope: &Scope) -> bool {
        self.scopes.iter().any(|mine| mine.covers(scope))
    }

    /// The scopes of `other` that this set does not cover; empty when this
    /// set grants everything `other` does.
    pub fn uncovered<'a>(&self, other: &'a ScopeSet) -> Vec<&'a Scope> {
        other.iter().filter(|s| !self.covers(s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn scope(s: &str) -> Scope {
        s.parse().unwrap()
    }

    #[test]
    fn wildcard_covers_its_subtree_but_not_its_base() {
        assert!(scope("budget:*").covers(&scope("budget:q3:write")));
        assert!(!scope("budget:*").covers(&scope("budget")));
        assert!(scope("budget:*").covers(&scope("budget:*")));
        assert!(scope("budget:q3:*").covers(&scope("budget:q3:*")));
        assert!(scope("*").covers(&scope("anything:at:all")));
    }

    #[test]
    fn wildcard_does_not_cover_siblings_or_parents() {
        assert!(!scope("budget:*").covers(&scope("budgets")));
        assert!(!scope("budget:*").covers(&scope("budgetx:read")));
        assert!(!scope("budget:q3:*").covers(&scope("budget:*")));
        assert!(!scope("budget:q3:*").covers(&scope("budget")));
        assert!(!scope("budget:read").covers(&scope("budget:*")));
    }

    #[test]
    fn plain_scopes_cover_only_themselves() {
        assert!(scope("reports:read").covers(&scope("reports:read")));
        assert!(!scope("reports:read").covers(&scope("reports:read:all")));
        assert!(!scope("reports").covers(&scope("reports:read")));
    }

    #[test]
    fn malformed_scopes_are_refused() {
        for bad in [
            "",
            ":",
            "a:",
            ":a",
            "a::b",
            "a*",
            "*:a",
            "a:*:b",
            "a b",
            "a\u{202e}",
            "é",
        ] {
            assert!(bad.parse::<Scope>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn claim_form_refuses_stray_spaces() {
        assert!(ScopeSet::parse_claim("a  b").is_err());
        assert!(ScopeSet::parse_claim(" a").is_err());
        assert_eq!(ScopeSet::parse_claim("b a").unwrap().to_claim(), "a b");
    }

    fn arb_scope() -> impl Strategy<Value = Scope> {
        (prop::collection::vec("[a-c]{1,2}", 1..4), any::<bool>()).prop_map(|(segs, star)| {
            let mut text = segs.join(":");
            if star {
                text.push_str(":*");
            }
            text.parse().unwrap()
        })
    }

    proptest! {
        /// Covering is transitive: what a covered scope covers, the coverer covers.
        #[test]
        fn covers_is_transitive(a in arb_scope(), b in arb_scope(), c in arb_scope()) {
            if a.covers(&b) && b.covers(&c) {
                prop_assert!(a.covers(&c));
            }
        }

        /// Every scope covers itself.
        #[test]
        fn covers_is_reflexive(a in arb_scope()) {
            prop_assert!(a.covers(&a));
        }

        /// Two distinct scopes never cover each other.
        #[test]
        fn covers_is_antisymmetric(a in arb_scope(), b in arb_scope()) {
            if a.covers(&b) && b.covers(&a) {
                prop_assert_eq!(a, b);
            }
        }
    }
}
