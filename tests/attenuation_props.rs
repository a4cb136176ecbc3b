//! Property tests for attenuation, on the library directly: whatever a
//! holder asks for, `attenuate` either refuses or makes a child that passes
//! every link rule and is no broader than its parent in scope, audience,
//! window and depth; and every genuine narrowing is accepted.
//!
//! Scope coverage is checked against an oracle written here from the
//! documented rule, not with obo's own `covers`.

use obo::delegation::{attenuate, delegate, AgentRef, Grant, Narrowing};
use obo::keys::SecretKey;
use obo::principal::Principal;
use obo::scope::ScopeSet;
use obo::token::Chain;
use obo::trust::TrustEntry;
use obo::verify::{check_links, verify_chain, Request};
use proptest::prelude::*;
use std::time::Duration;

const NOW: i64 = 1_800_000_000;
const AUDIENCES: [&str; 4] = ["a1", "a2", "a3", "a4"];

/// The documented rule: a final `*` covers anything strictly below its
/// prefix (a lone `*` covers everything); otherwise only equality.
fn oracle_covers(granted: &str, asked: &str) -> bool {
    match granted.strip_suffix('*') {
        None => granted == asked,
        Some(prefix) => asked.starts_with(prefix) && asked.len() > prefix.len(),
    }
}

fn covered_by(parent: &ScopeSet, scope: &str) -> bool {
    parent.iter().any(|p| oracle_covers(p.as_str(), scope))
}

fn arb_scope() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => (prop::collection::vec("[a-c]{1,2}", 1..4), any::<bool>()).prop_map(|(segs, star)| {
            let mut text = segs.join(":");
            if star {
                text.push_str(":*");
            }
            text
        }),
        1 => Just("*".to_string()),
    ]
}

fn arb_scopes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(arb_scope(), 1..4)
}

fn arb_audiences() -> impl Strategy<Value = Vec<String>> {
    prop::sample::subsequence(AUDIENCES.to_vec(), 1..=4)
        .prop_map(|a| a.into_iter().map(String::from).collect())
}

fn scopes(items: &[String]) -> ScopeSet {
    ScopeSet::parse_all(items).expect("generated scopes are valid")
}

fn agent(id: &str, key: &SecretKey) -> AgentRef {
    AgentRef {
        id: id.into(),
        name: None,
        key: key.public().clone(),
    }
}

/// The issuer key and the parent chain: hop 0, plus an honest second hop
/// when `extra_hop` is set (so children of hop n are tested too).
struct Parent {
    issuer: SecretKey,
    holder: SecretKey,
    chain: Chain,
}

fn make_parent(
    scope: &[String],
    aud: Vec<String>,
    ttl: u64,
    depth: u32,
    extra_hop: bool,
) -> Parent {
    let issuer = SecretKey::generate();
    let first = SecretKey::generate();
    let principal = Principal {
        id: "alice".into(),
        display_name: Some("Alice".into()),
        allow: scopes(&["*".to_string()]),
    };
    let chain = delegate(Grant {
        issuer_id: "idp".into(),
        issuer_key: &issuer,
        principal: &principal,
        agent: agent("agent-1", &first),
        scope: scopes(scope),
        audience: aud,
        ttl: Duration::from_secs(ttl),
        max_depth: depth,
        task: None,
        now: NOW,
    })
    .expect("delegating inside the approved scope succeeds");
    if !extra_hop || depth == 0 {
        return Parent {
            issuer,
            holder: first,
            chain,
        };
    }
    let second = SecretKey::generate();
    let chain = attenuate(
        &chain,
        Narrowing {
            holder: &first,
            agent: agent("agent-2", &second),
            scope: chain.last().claims.scope.clone(),
            audience: None,
            ttl: None,
            max_depth: None,
            task: None,
            now: NOW,
        },
    )
    .expect("an unchanged hop is a narrowing");
    Parent {
        issuer,
        holder: second,
        chain,
    }
}

/// Asserts everything a child must satisfy against its parent.
fn assert_child_narrows(
    parent: &Parent,
    child: &Chain,
    asked: &[String],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(child.hops.len(), parent.chain.hops.len() + 1);
    prop_assert!(child.text.starts_with(&parent.chain.text));
    prop_assert_eq!(check_links(child), Ok(()));
    let p = &parent.chain.last().claims;
    let c = &child.last().claims;
    for scope in c.scope.iter() {
        prop_assert!(
            covered_by(&p.scope, scope.as_str()),
            "{} escapes {}",
            scope,
            p.scope.to_claim()
        );
    }
    prop_assert_eq!(&c.scope, &scopes(asked));
    for aud in &c.aud {
        prop_assert!(p.aud.contains(aud), "audience {} escapes {:?}", aud, p.aud);
    }
    prop_assert!(c.nbf >= p.nbf && c.exp <= p.exp && c.nbf < c.exp);
    prop_assert!(c.depth < p.depth);
    prop_assert_eq!(&c.sub, &p.sub);
    prop_assert_eq!(c.act.act.as_deref(), Some(&p.act));

    // The whole chain verifies for the child's own audience and scopes.
    let trust = [TrustEntry::unlimited("idp", parent.issuer.public().clone())];
    let request = Request {
        audience: &c.aud[0],
        require: c.scope.clone(),
        at: c.nbf,
        leeway: 0,
        proof: None,
        require_proof: false,
    };
    prop_assert!(verify_chain(child.clone(), &trust, &request).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever is asked, the result is a refusal or a child no broader
    /// than its parent; and asking for an uncovered scope is always refused.
    #[test]
    fn attenuate_refuses_or_narrows(
        parent_scope in arb_scopes(),
        parent_aud in arb_audiences(),
        parent_ttl in 1u64..10_000,
        parent_depth in 0u32..5,
        extra_hop in any::<bool>(),
        random_scope in arb_scopes(),
        inherited in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        child_aud in prop::option::of(arb_audiences()),
        child_ttl in prop::option::of(1u64..20_000),
        child_depth in prop::option::of(0u32..6),
        later_fraction in 0.0f64..1.2,
    ) {
        let parent = make_parent(&parent_scope, parent_aud, parent_ttl, parent_depth, extra_hop);
        // Mix scopes the parent grants with random ones, so both refusals
        // and grants are common.
        let granted: Vec<String> = parent.chain.last().claims.scope.iter().map(|s| s.to_string()).collect();
        let mut child_scope: Vec<String> = inherited.iter().map(|i| granted[i.index(granted.len())].clone()).collect();
        if child_scope.is_empty() || random_scope.len() > 2 {
            child_scope.extend(random_scope);
        }
        let later = (parent_ttl as f64 * later_fraction) as i64;
        let sub = SecretKey::generate();
        let outcome = attenuate(&parent.chain, Narrowing {
            holder: &parent.holder,
            agent: agent("sub-agent", &sub),
            scope: scopes(&child_scope),
            audience: child_aud,
            ttl: child_ttl.map(Duration::from_secs),
            max_depth: child_depth,
            task: None,
            now: NOW + later,
        });
        let p_scope = &parent.chain.last().claims.scope;
        let widens = child_scope.iter().any(|s| !covered_by(p_scope, s));
        if let Ok(child) = outcome {
            prop_assert!(!widens, "a widening request was granted");
            assert_child_narrows(&parent, &child, &child_scope)?;
        }
    }

    /// A request built only from what the parent grants, made inside the
    /// parent's window, is always accepted.
    #[test]
    fn attenuate_accepts_every_genuine_narrowing(
        parent_scope in arb_scopes(),
        parent_aud in arb_audiences(),
        parent_ttl in 2u64..10_000,
        parent_depth in 1u32..5,
        extra_hop in any::<bool>(),
        pick in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..4),
        aud_pick in prop::option::of(any::<prop::sample::Index>()),
        ttl_fraction in prop::option::of(0.0f64..1.0),
        depth_pick in prop::option::of(any::<prop::sample::Index>()),
        later_fraction in 0.0f64..1.0,
    ) {
        // One more depth for the extra hop, so the last hop allows another.
        let depth = parent_depth + u32::from(extra_hop);
        let parent = make_parent(&parent_scope, parent_aud, parent_ttl, depth, extra_hop);
        let p = parent.chain.last().claims.clone();
        let granted: Vec<&str> = p.scope.iter().map(|s| s.as_str()).collect();
        // Each pick is a parent scope, or a scope below a wildcard one.
        let child_scope: Vec<String> = pick.iter().map(|(i, deeper)| {
            let s = granted[i.index(granted.len())];
            match s.strip_suffix('*') {
                Some(prefix) if *deeper => format!("{prefix}z"),
                _ => s.to_string(),
            }
        }).collect();
        let audience = aud_pick.map(|i| vec![p.aud[i.index(p.aud.len())].clone()]);
        let remaining = p.exp - p.nbf;
        let now = p.nbf + ((remaining - 1) as f64 * later_fraction) as i64;
        let ttl = ttl_fraction.map(|f| Duration::from_secs(1 + ((p.exp - now - 1) as f64 * f) as u64));
        let max_depth = depth_pick.map(|i| i.index(p.depth as usize) as u32);
        let sub = SecretKey::generate();
        let child = attenuate(&parent.chain, Narrowing {
            holder: &parent.holder,
            agent: agent("sub-agent", &sub),
            scope: scopes(&child_scope),
            audience,
            ttl,
            max_depth,
            task: None,
            now,
        });
        prop_assert!(child.is_ok(), "a genuine narrowing was refused: {:?}", child.err());
        assert_child_narrows(&parent, &child.unwrap(), &child_scope)?;
    }

    /// Only the key the last hop binds can attenuate.
    #[test]
    fn attenuate_refuses_any_other_holder(
        parent_scope in arb_scopes(),
        extra_hop in any::<bool>(),
    ) {
        let parent = make_parent(&parent_scope, vec!["a1".into()], 600, 3, extra_hop);
        let stranger = SecretKey::generate();
        for holder in [&stranger, &parent.issuer] {
            let outcome = attenuate(&parent.chain, Narrowing {
                holder,
                agent: agent("sub-agent", &stranger),
                scope: parent.chain.last().claims.scope.clone(),
                audience: None,
                ttl: None,
                max_depth: None,
                task: None,
                now: NOW,
            });
            prop_assert!(outcome.is_err());
        }
    }
}

#[test]
fn the_oracle_matches_the_documented_examples() {
    assert!(oracle_covers("budget:*", "budget:q3:write"));
    assert!(oracle_covers("budget:*", "budget:*"));
    assert!(!oracle_covers("budget:*", "budget"));
    assert!(!oracle_covers("budget:*", "budgets"));
    assert!(oracle_covers("*", "anything"));
    assert!(oracle_covers("reports:read", "reports:read"));
    assert!(!oracle_covers("reports:read", "reports:read:all"));
}
