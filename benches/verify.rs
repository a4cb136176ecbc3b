//! Library verification time per hop next to raw ed25519-dalek
//! `verify_strict`, measured in the same run, printed as a ratio.
//!
//! `cargo bench --bench verify`; OBO_BENCH_ITERS sets the iterations.

use ed25519_dalek::{Signer, SigningKey};
use obo::delegation::{attenuate, delegate, AgentRef, Grant, Narrowing};
use obo::keys::SecretKey;
use obo::principal::Principal;
use obo::scope::ScopeSet;
use obo::token::Chain;
use obo::trust::TrustEntry;
use obo::verify::{verify_chain, Request};
use std::hint::black_box;
use std::time::{Duration, Instant};

const NOW: i64 = 1_796_400_000;

fn agent(i: usize, key: &SecretKey) -> AgentRef {
    AgentRef {
        id: format!("agent-{i}"),
        name: Some(format!("Agent {i}")),
        key: key.public().clone(),
    }
}

fn chain_of(hops: usize, issuer: &SecretKey, keys: &[SecretKey]) -> Chain {
    let principal = Principal {
        id: "alice".into(),
        display_name: Some("Alice".into()),
        allow: ScopeSet::parse_all(&["budget:*", "reports:read"]).unwrap(),
    };
    let mut chain = delegate(Grant {
        issuer_id: "idp".into(),
        issuer_key: issuer,
        principal: &principal,
        agent: agent(0, &keys[0]),
        scope: ScopeSet::parse_all(&["budget:*", "reports:read"]).unwrap(),
        audience: vec!["budget-api".into()],
        ttl: Duration::from_secs(3600),
        max_depth: 16,
        task: Some("Update the Q3 budget".into()),
        now: NOW,
    })
    .unwrap();
    for i in 1..hops {
        chain = attenuate(
            &chain,
            Narrowing {
                holder: &keys[i - 1],
                agent: agent(i, &keys[i]),
                scope: ScopeSet::parse_all(&["reports:read"]).unwrap(),
                audience: None,
                ttl: None,
                max_depth: None,
                task: None,
                now: NOW,
            },
        )
        .unwrap();
    }
    chain
}

fn time_per_iter(iters: u32, mut f: impl FnMut()) -> Duration {
    for _ in 0..iters / 10 + 1 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed() / iters
}

fn main() {
    let iters: u32 = std::env::var("OBO_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let issuer = SecretKey::generate();
    let keys: Vec<SecretKey> = (0..8).map(|_| SecretKey::generate()).collect();
    let trust = vec![TrustEntry::unlimited("idp", issuer.public().clone())];

    let raw_key = SigningKey::from_bytes(&[7u8; 32]);
    let message = vec![0x41u8; chain_of(1, &issuer, &keys).text.len()];
    let signature = raw_key.sign(&message);
    let raw_public = raw_key.verifying_key();
    let raw = time_per_iter(iters, || {
        black_box(raw_public.verify_strict(black_box(&message), &signature)).unwrap();
    });

    println!(
        "raw ed25519-dalek verify_strict ({} byte message): {:>8.1} us",
        message.len(),
        raw.as_secs_f64() * 1e6
    );
    println!(
        "{:>4}  {:>14}  {:>12}  {:>16}",
        "hops", "verify (us)", "per hop (us)", "per hop / raw"
    );
    for hops in [1, 2, 4, 8] {
        let chain = chain_of(hops, &issuer, &keys);
        let request = Request {
            audience: "budget-api",
            require: ScopeSet::default(),
            at: NOW + 10,
            leeway: 60,
            proof: None,
            require_proof: false,
        };
        let total = time_per_iter(iters / hops as u32 + 1, || {
            let parsed = Chain::parse(black_box(&chain.text)).unwrap();
            black_box(verify_chain(parsed, &trust, &request)).unwrap();
        });
        let per_hop = total / hops as u32;
        println!(
            "{hops:>4}  {:>14.1}  {:>12.1}  {:>15.2}x",
            total.as_secs_f64() * 1e6,
            per_hop.as_secs_f64() * 1e6,
            per_hop.as_secs_f64() / raw.as_secs_f64()
        );
    }
}
