//! Benchmarks of the network analysis on seeded random graphs: every node
//! metric together (the target: 1,000 nodes / 3,000 edges in under 100 ms in
//! WebAssembly), the two betweenness passes alone, and the whole `analyze`.
//!
//! Also reading the room's network back (`network_read`): a full read of every
//! entry against the room's copy kept entry by entry, after one tie changed.
//!
//! Run with `cargo bench -p constellation-core --bench network`
//! (`-- network_read` for the reads alone).

use std::hint::black_box;

use constellation_core::network::brokerage::{brokerage, Arcs};
use constellation_core::network::centrality::{path_sweep, weighted_betweenness};
use constellation_core::network::graph::Adjacency;
use constellation_core::network::metrics::{node_metrics, MetricOptions};
use constellation_core::network::{
    analyze, AnalysisConfig, Network, NodeRef, Organization, Person, Sector, Tie, TieKind, Trust,
};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// SplitMix64: a tiny seeded generator, so every run measures the same graphs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `m` distinct random edges on `n` nodes with trust 1–5.
fn random_edges(n: usize, m: usize, seed: u64) -> Vec<(usize, usize, u8)> {
    let mut rng = Rng(seed);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(m);
    while out.len() < m {
        let (u, v) = (rng.below(n), rng.below(n));
        if u != v && seen.insert((u.min(v), u.max(v))) {
            out.push((u, v, 1 + rng.below(5) as u8));
        }
    }
    out
}

/// Every node metric of the person graph: centralities, structural holes,
/// core numbers, and brokerage roles by sector and by organization.
fn all_node_metrics(
    g: &Adjacency,
    arcs: &Arcs,
    sector: &[Option<u32>],
    org: &[Option<u32>],
) -> usize {
    let m = node_metrics(g, &MetricOptions::default());
    let a = brokerage(arcs, sector);
    let b = brokerage(arcs, org);
    m.degree.len() + a.len() + b.len()
}

fn random_network(people: usize, ties: usize, seed: u64) -> Network {
    let sectors = [Sector::Government, Sector::Business, Sector::CivilSociety];
    let orgs = people / 20;
    Network {
        organizations: (0..orgs)
            .map(|i| Organization {
                id: format!("o{i}"),
                name: format!("Org {i}"),
                sector: sectors[i % 3],
                tags: vec![],
            })
            .collect(),
        people: (0..people)
            .map(|i| Person {
                id: format!("p{i}"),
                name: format!("Person {i}"),
                organization: Some(format!("o{}", i % orgs)),
                role: String::new(),
                level: None,
            })
            .collect(),
        ties: random_edges(people, ties, seed)
            .into_iter()
            .map(|(u, v, t)| Tie {
                from: NodeRef::person(format!("p{u}")),
                to: NodeRef::person(format!("p{v}")),
                kind: TieKind::Collaborates,
                trust: Trust::new(i64::from(t)).unwrap(),
                directed: false,
                note: String::new(),
            })
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("network");
    group.sample_size(10);
    for &(n, m) in &[(1000usize, 3000usize), (2000, 6000)] {
        let edges = random_edges(n, m, 42);
        let g = Adjacency::from_edges(n, edges.iter().map(|&(u, v, t)| (u, v, f64::from(t))));
        let arcs = Arcs::from_undirected(&g);
        let sector: Vec<Option<u32>> = (0..n).map(|u| Some((u % 3) as u32)).collect();
        let org: Vec<Option<u32>> = (0..n).map(|u| Some((u % (n / 20)) as u32)).collect();
        let label = format!("{n}x{m}");
        group.bench_with_input(BenchmarkId::new("all_node_metrics", &label), &g, |b, g| {
            b.iter(|| black_box(all_node_metrics(g, &arcs, &sector, &org)))
        });
        group.bench_with_input(BenchmarkId::new("betweenness", &label), &g, |b, g| {
            b.iter(|| black_box(path_sweep(g)))
        });
        let lengths = g.map_weights(|w| 60.0 / w);
        group.bench_with_input(
            BenchmarkId::new("weighted_betweenness", &label),
            &lengths,
            |b, g| b.iter(|| black_box(weighted_betweenness(g).unwrap())),
        );
        let net = random_network(n, m, 42);
        group.bench_with_input(BenchmarkId::new("analyze", &label), &net, |b, net| {
            b.iter(|| black_box(analyze(net, &AnalysisConfig::default()).unwrap()))
        });
    }
    group.finish();
}

/// A room holding `net` (added as an import, in parts, as the page does).
fn room_with(net: &Network) -> constellation_core::Room {
    let mut room = constellation_core::Room::new(constellation_core::ClientId::new(1).unwrap());
    let mut import = room.start_network_import(net.clone()).unwrap();
    while !import.finished() {
        room.continue_network_import(&mut import, 2_000);
    }
    room
}

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("network_read");
    group.sample_size(10);
    for &(people, ties) in &[(4_750usize, 15_000usize), (14_250, 45_000)] {
        let label = format!("{}x{ties}", people + people / 20);
        let mut room = room_with(&random_network(people, ties, 42));
        let (id, tie) = {
            let stored = room.stored_network();
            (stored.tie_ids[0].clone(), stored.network.ties[0].clone())
        };
        group.bench_function(BenchmarkId::new("full_read", &label), |b| {
            b.iter(|| black_box(room.stored_network_read_in_full()))
        });
        let mut trust = 1;
        group.bench_function(BenchmarkId::new("after_one_tie_changed", &label), |b| {
            b.iter(|| {
                trust = trust % 5 + 1;
                let edit = constellation_core::network::NewTie {
                    from: tie.from.clone(),
                    to: tie.to.clone(),
                    kind: tie.kind,
                    trust: trust as i64,
                    directed: tie.directed,
                    note: tie.note.clone(),
                };
                room.edit_tie(&id, edit).unwrap();
                black_box(room.stored_network())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, read);
criterion_main!(benches);
