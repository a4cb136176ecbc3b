//! Verification time with a 1,000,000-entry revocation list next to
//! verification without one, measured in the same run and printed as a
//! ratio. The list is loaded once, as `obo verify` does; its load time is
//! reported on its own line.
//!
//! `cargo bench --bench revocation`; OBO_BENCH_ITERS sets the iterations,
//! OBO_BENCH_ENTRIES the list size. Under `cargo test` it runs small.

use obo::delegation::{attenuate, delegate, new_id, AgentRef, Grant, Narrowing};
use obo::encoding::b64_encode;
use obo::keys::SecretKey;
use obo::principal::Principal;
use obo::revocation::{add_to_home, check_chain, load_home, Revocation, RevocationSet, Target};
use obo::scope::ScopeSet;
use obo::store::Home;
use obo::token::Chain;
use obo::trust::TrustEntry;
use obo::verify::{verify_chain, Request};
use std::hint::black_box;
use std::time::{Duration, Instant};

const NOW: i64 = 1_796_400_000;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn agent(i: usize, key: &SecretKey) -> AgentRef {
    AgentRef {
        id: format!("agent-{i}"),
        name: None,
        key: key.public().clone(),
    }
}

/// A three-hop chain for Alice: the issuer's hop and two attenuations.
fn chain(issuer: &SecretKey, keys: &[SecretKey; 3]) -> Chain {
    let scope = || ScopeSet::parse_all(&["reports:read"]).unwrap();
    let principal = Principal {
        id: "alice".into(),
        display_name: Some("Alice".into()),
        allow: scope(),
    };
    let mut chain = delegate(Grant {
        issuer_id: "idp".into(),
        issuer_key: issuer,
        principal: &principal,
        agent: agent(0, &keys[0]),
        scope: scope(),
        audience: vec!["budget-api".into()],
        ttl: Duration::from_secs(3600),
        max_depth: 3,
        task: None,
        now: NOW,
    })
    .unwrap();
    for i in 1..3 {
        chain = attenuate(
            &chain,
            Narrowing {
                holder: &keys[i - 1],
                agent: agent(i, &keys[i]),
                scope: scope(),
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

/// Entries of every kind, none of which touches the benchmark's chain, so
/// each check makes every lookup: the slowest case.
fn entries(count: usize) -> Vec<Revocation> {
    (0..count)
        .map(|i| {
            let target = match i % 10 {
                0 => Target::Key {
                    kid: b64_encode(sha_like(i)),
                },
                1 => Target::Principal {
                    sub: format!("user-{i}@example.com"),
                    before: NOW,
                },
                _ => Target::Hop { jti: new_id() },
            };
            Revocation {
                target,
                by: "secops".into(),
                at: NOW,
                reason: Some("bench".into()),
                label: None,
                source: None,
            }
        })
        .collect()
}

fn sha_like(i: usize) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&(i as u64).to_le_bytes());
    bytes[31] = 0xa5;
    bytes
}

fn time_verify(chain: &Chain, trust: &[TrustEntry], set: &RevocationSet, iters: usize) -> Duration {
    let request = Request {
        audience: "budget-api",
        require: ScopeSet::default(),
        at: NOW + 10,
        leeway: 60,
        proof: None,
        require_proof: false,
    };
    let start = Instant::now();
    for _ in 0..iters {
        let verified = verify_chain(black_box(chain).clone(), trust, &request).unwrap();
        check_chain(black_box(&verified.chain), black_box(set)).unwrap();
    }
    start.elapsed()
}

fn time_lookup(chain: &Chain, set: &RevocationSet, iters: usize) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        check_chain(black_box(chain), black_box(set)).unwrap();
    }
    start.elapsed()
}

fn per(d: Duration, iters: usize) -> f64 {
    d.as_secs_f64() * 1e6 / iters as f64
}

fn main() {
    // 'cargo test --all-targets' runs this too, without --bench: keep that
    // run a quick smoke test.
    let full_run = std::env::args().any(|a| a == "--bench");
    let iters = env_number("OBO_BENCH_ITERS", if full_run { 2000 } else { 20 });
    let count = env_number("OBO_BENCH_ENTRIES", if full_run { 1_000_000 } else { 1000 });
    let issuer = SecretKey::generate();
    let keys = [
        SecretKey::generate(),
        SecretKey::generate(),
        SecretKey::generate(),
    ];
    let chain = chain(&issuer, &keys);
    let trust = vec![TrustEntry::unlimited("idp", issuer.public().clone())];

    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path().join("home"));
    let start = Instant::now();
    add_to_home(&home, entries(count)).unwrap();
    let write = start.elapsed();
    let start = Instant::now();
    let full = load_home(&home).unwrap();
    let load = start.elapsed();
    assert_eq!(full.len(), count);
    let empty = RevocationSet::new();

    // Alternate the two in rounds so drift in machine load hits both alike.
    let (mut without, mut with) = (Duration::ZERO, Duration::ZERO);
    let rounds = 10;
    let per_round = iters.div_ceil(rounds);
    time_verify(&chain, &trust, &full, per_round);
    for _ in 0..rounds {
        without += time_verify(&chain, &trust, &empty, per_round);
        with += time_verify(&chain, &trust, &full, per_round);
    }
    let total = per_round * rounds;
    let lookup_iters = total * 50;
    let lookup_empty = time_lookup(&chain, &empty, lookup_iters);
    let lookup_full = time_lookup(&chain, &full, lookup_iters);

    println!("revocation list: {count} entries; 3-hop chain, not revoked (every lookup misses)");
    println!(
        "  write (revoke into home): {:.2} s; load once: {:.2} s",
        write.as_secs_f64(),
        load.as_secs_f64()
    );
    println!("  verify without list:  {:8.2} us", per(without, total));
    println!("  verify with list:     {:8.2} us", per(with, total));
    println!(
        "  ratio with/without:   {:8.3}",
        with.as_secs_f64() / without.as_secs_f64()
    );
    println!(
        "  lookup only (check_chain): {:.3} us empty, {:.3} us with {count} entries ({:.2}% of a verify)",
        per(lookup_empty, lookup_iters),
        per(lookup_full, lookup_iters),
        100.0 * per(lookup_full, lookup_iters) / per(without, total)
    );
}
