//! Benchmarks of one layout iteration (Barnes–Hut repulsion, springs, gravity)
//! on seeded random graphs: 2,000 nodes / 6,000 ties (the target: under 8 ms
//! in WebAssembly, so the map animates at 60 fps) and 5,000 / 15,000.
//! Each iteration is measured on a copy of a layout already 50 steps in, so
//! every sample sees the same, partly settled positions.
//!
//! Run with `cargo bench -p constellation-core --bench layout`.

use std::hint::black_box;

use constellation_core::network::layout::Layout;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};

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
    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }
}

/// `m` distinct random ties on `n` nodes with trust 1–5.
fn random_ties(n: u32, m: usize, seed: u64) -> Vec<(u32, u32, f64)> {
    let mut rng = Rng(seed);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(m);
    while out.len() < m {
        let (u, v) = (rng.below(n), rng.below(n));
        if u != v && seen.insert((u.min(v), u.max(v))) {
            out.push((u, v, f64::from(1 + rng.below(5))));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    for &(n, m) in &[(2000u32, 6000usize), (5000, 15_000)] {
        let ties = random_ties(n, m, 42);
        let nodes: Vec<u32> = (0..n).collect();
        let mut layout = Layout::new(42);
        layout
            .sync(&nodes, ties.iter().map(|(a, b, w)| (a, b, *w)))
            .unwrap();
        for _ in 0..50 {
            layout.step();
        }
        let label = format!("{n}x{m}");
        group.bench_with_input(BenchmarkId::new("step", &label), &layout, |b, layout| {
            b.iter_batched_ref(
                || layout.clone(),
                |l| black_box(l.step()),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
