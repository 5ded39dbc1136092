//! The network analysis and layout of `constellation-core`, exported to
//! JavaScript for the side-by-side benchmark in `tests/bench/network.mjs`
//! (built by `scripts/bench-network.sh`). Graphs come in as edge arrays: node
//! count `n`, `from[i]`–`to[i]` undirected with `trust[i]` in 1–5.
//!
//! The same functions are tested natively below, so the benchmark times code
//! that computes the right thing.

use constellation_core::network::brokerage::{brokerage, Arcs};
use constellation_core::network::centrality::path_sweep;
use constellation_core::network::graph::Adjacency;
use constellation_core::network::layout::Layout;
use constellation_core::network::metrics::{node_metrics, MetricOptions};
use constellation_core::network::{
    analyze, AnalysisConfig, Network, NodeRef, Organization, Person, Sector, Tie, TieKind, Trust,
};
use wasm_bindgen::prelude::*;

pub mod baseline;

/// Why the arrays do not describe a graph.
fn check(n: u32, from: &[u32], to: &[u32], trust: Option<&[f64]>) -> Result<(), String> {
    if from.len() != to.len() {
        return Err(format!(
            "from has {} entries but to has {}",
            from.len(),
            to.len()
        ));
    }
    if let Some(t) = trust {
        if t.len() != from.len() {
            return Err(format!(
                "trust has {} entries but from has {}",
                t.len(),
                from.len()
            ));
        }
        if let Some(i) = t.iter().position(|w| !(1.0..=5.0).contains(w)) {
            return Err(format!("trust[{i}] is {}; it must be 1–5", t[i]));
        }
    }
    for (i, (&a, &b)) in from.iter().zip(to).enumerate() {
        if a >= n || b >= n {
            return Err(format!("edge {i} ({a}–{b}) names a node outside 0..{n}"));
        }
    }
    Ok(())
}

fn adjacency(n: u32, from: &[u32], to: &[u32], trust: &[f64]) -> Adjacency {
    Adjacency::from_edges(
        n as usize,
        from.iter()
            .zip(to)
            .zip(trust)
            .map(|((&a, &b), &t)| (a as usize, b as usize, t)),
    )
}

/// Every node metric of the graph together, as `analyze` computes them for
/// people: degree, betweenness (unweighted and weighted by trust), closeness,
/// eigenvector, constraint, effective size, core number, components, and the
/// brokerage roles with nodes grouped into 3 sectors (`i % 3`) and `n / 20`
/// organizations (`i % (n / 20)`). Returns the unweighted betweenness.
#[wasm_bindgen]
pub fn all_node_metrics(
    n: u32,
    from: &[u32],
    to: &[u32],
    trust: &[f64],
) -> Result<Vec<f64>, String> {
    check(n, from, to, Some(trust))?;
    let g = adjacency(n, from, to, trust);
    let m = node_metrics(&g, &MetricOptions::default());
    let arcs = Arcs::from_undirected(&g);
    let orgs = (n / 20).max(1);
    let sector: Vec<Option<u32>> = (0..n).map(|u| Some(u % 3)).collect();
    let org: Vec<Option<u32>> = (0..n).map(|u| Some(u % orgs)).collect();
    let by_sector = brokerage(&arcs, &sector);
    let by_org = brokerage(&arcs, &org);
    assert_eq!(by_sector.len() + by_org.len(), 2 * n as usize);
    Ok(m.betweenness)
}

/// The parts of [`all_node_metrics`], each alone, so the benchmark can show
/// where the time goes. Returns a checksum of what the part computed.
pub const PARTS: [&str; 17] = [
    "path_sweep (betweenness, closeness)",
    "weighted_betweenness",
    "eigenvector",
    "constraint",
    "effective_size",
    "core_numbers",
    "components",
    "arcs",
    "brokerage by sector",
    "brokerage by organization",
    "before (ff57f5d): path_sweep",
    "before (ff57f5d): weighted_betweenness",
    "the whole call (all_node_metrics)",
    "node_metrics alone (no brokerage)",
    "path_sweep then weighted_betweenness",
    "graph from the arrays",
    "before (abe8718): path_sweep one source at a time",
];

/// The names of the parts [`run_part`] times, in its order.
#[wasm_bindgen]
pub fn part_names() -> Vec<String> {
    PARTS.iter().map(|s| s.to_string()).collect()
}

/// Runs part `part` (an index into [`part_names`]) of the node metrics once.
#[wasm_bindgen]
pub fn run_part(part: u32, n: u32, from: &[u32], to: &[u32], trust: &[f64]) -> Result<f64, String> {
    use constellation_core::network::brokerage::{constraint, effective_size};
    use constellation_core::network::centrality::{eigenvector, weighted_betweenness};
    use constellation_core::network::structure::{components, core_numbers};
    check(n, from, to, Some(trust))?;
    let g = adjacency(n, from, to, trust);
    let opts = MetricOptions::default();
    let sum = |v: &[f64]| v.iter().sum::<f64>();
    let sum_opt = |v: &[Option<f64>]| v.iter().flatten().sum::<f64>();
    let orgs = (n / 20).max(1);
    let roles = |g: &Adjacency, k: u32| {
        let group: Vec<Option<u32>> = (0..n).map(|u| Some(u % k)).collect();
        brokerage(&Arcs::from_undirected(g), &group)
            .iter()
            .map(|c| c.total() as f64)
            .sum::<f64>()
    };
    Ok(match part {
        0 => sum(&path_sweep(&g).betweenness),
        1 => {
            let lengths = g.map_weights(|w| opts.length_scale / w);
            sum(&weighted_betweenness(&lengths).map_err(|e| e.to_string())?)
        }
        2 => sum(&eigenvector(
            &g,
            false,
            opts.eigenvector_tolerance,
            opts.eigenvector_max_iterations,
        )
        .map_err(|e| e.to_string())?),
        3 => sum_opt(&constraint(&g, false)),
        4 => sum_opt(&effective_size(&g, false)),
        5 => core_numbers(&g).iter().sum::<usize>() as f64,
        6 => components(&g).len() as f64,
        7 => Arcs::from_undirected(&g).node_count() as f64,
        8 => roles(&g, 3),
        9 => roles(&g, orgs),
        10 => sum(&baseline::path_sweep(&g).betweenness),
        11 => {
            let lengths = g.map_weights(|w| opts.length_scale / w);
            sum(&baseline::weighted_betweenness(&lengths).map_err(|e| e.to_string())?)
        }
        12 => sum(&all_node_metrics(n, from, to, trust)?),
        13 => sum(&node_metrics(&g, &opts).betweenness),
        14 => {
            let a = sum(&path_sweep(&g).betweenness);
            let lengths = g.map_weights(|w| opts.length_scale / w);
            a + sum(&weighted_betweenness(&lengths).map_err(|e| e.to_string())?)
        }
        15 => g.edge_count() as f64,
        16 => sum(&baseline::path_sweep_one_at_a_time(&g).betweenness),
        _ => {
            return Err(format!(
                "part {part} does not exist; there are {}",
                PARTS.len()
            ))
        }
    })
}

/// Unweighted betweenness alone (normalized as NetworkX does).
#[wasm_bindgen]
pub fn betweenness(n: u32, from: &[u32], to: &[u32]) -> Result<Vec<f64>, String> {
    check(n, from, to, None)?;
    let g = Adjacency::from_edges(
        n as usize,
        from.iter()
            .zip(to)
            .map(|(&a, &b)| (a as usize, b as usize, 1.0)),
    );
    Ok(path_sweep(&g).betweenness)
}

/// The graph as a coalition network: person `p{i}` works at organization
/// `o{i % (n/20)}`, organizations in sectors by `o % 3`, ties "collaborates".
fn network(n: u32, from: &[u32], to: &[u32], trust: &[f64]) -> Network {
    let orgs = (n / 20).max(1);
    let sectors = [Sector::Government, Sector::Business, Sector::CivilSociety];
    Network {
        organizations: (0..orgs)
            .map(|i| Organization {
                id: format!("o{i}"),
                name: format!("Org {i}"),
                sector: sectors[i as usize % 3],
                tags: vec![],
            })
            .collect(),
        people: (0..n)
            .map(|i| Person {
                id: format!("p{i}"),
                name: format!("Person {i}"),
                organization: Some(format!("o{}", i % orgs)),
                role: String::new(),
                level: None,
            })
            .collect(),
        ties: from
            .iter()
            .zip(to)
            .zip(trust)
            .map(|((&a, &b), &t)| Tie {
                from: NodeRef::person(format!("p{a}")),
                to: NodeRef::person(format!("p{b}")),
                kind: TieKind::Collaborates,
                trust: Trust::new(t as i64).expect("checked to be 1–5"),
                directed: false,
                note: String::new(),
            })
            .collect(),
    }
}

/// The whole analysis (`constellation_core::network::analyze`) as JSON: what
/// a Web Worker would post to the page.
#[wasm_bindgen]
pub fn analyze_json(n: u32, from: &[u32], to: &[u32], trust: &[f64]) -> Result<String, String> {
    check(n, from, to, Some(trust))?;
    let net = network(n, from, to, trust);
    let analysis = analyze(&net, &AnalysisConfig::default()).map_err(|e| e.to_string())?;
    serde_json::to_string(&analysis).map_err(|e| e.to_string())
}

/// A layout of the graph, stepped from JavaScript.
#[wasm_bindgen]
pub struct BenchLayout {
    layout: Layout<u32>,
}

#[wasm_bindgen]
impl BenchLayout {
    #[wasm_bindgen(constructor)]
    pub fn new(
        seed: u32,
        n: u32,
        from: &[u32],
        to: &[u32],
        trust: &[f64],
    ) -> Result<BenchLayout, String> {
        check(n, from, to, Some(trust))?;
        let mut layout = Layout::new(u64::from(seed));
        let nodes: Vec<u32> = (0..n).collect();
        layout
            .sync(
                &nodes,
                from.iter().zip(to).zip(trust).map(|((a, b), &t)| (a, b, t)),
            )
            .map_err(|e| e.to_string())?;
        Ok(BenchLayout { layout })
    }

    /// Runs `iterations` steps; returns the movement of the last one.
    pub fn run(&mut self, iterations: u32) -> f64 {
        let mut moved = 0.0;
        for _ in 0..iterations {
            moved = self.layout.step();
        }
        moved
    }

    pub fn settled(&self) -> bool {
        self.layout.settled()
    }

    /// Positions as x0, y0, x1, y1, …
    pub fn positions(&self) -> Vec<f64> {
        self.layout
            .positions()
            .iter()
            .flat_map(|p| [p.x, p.y])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use constellation_core::network::centrality::betweenness as core_betweenness;

    // A path 0–1–2–3 plus a pendant 4 on node 1.
    const FROM: [u32; 4] = [0, 1, 2, 1];
    const TO: [u32; 4] = [1, 2, 3, 4];
    const TRUST: [f64; 4] = [5.0, 3.0, 1.0, 2.0];

    #[test]
    fn betweenness_matches_core_and_hand_counts() {
        let b = betweenness(5, &FROM, &TO).unwrap();
        // Node 1 lies on 0–2, 0–3, 0–4, 2–4, 3–4: 5 of the (4·3)/2 = 6 pairs.
        assert!((b[1] - 5.0 / 6.0).abs() < 1e-12, "{b:?}");
        // Node 2 lies on 0–3, 1–3, 3–4.
        assert!((b[2] - 3.0 / 6.0).abs() < 1e-12, "{b:?}");
        assert_eq!(b[0], 0.0);
        let g = Adjacency::from_edges(
            5,
            FROM.iter()
                .zip(&TO)
                .map(|(&a, &b)| (a as usize, b as usize, 1.0)),
        );
        assert_eq!(b, core_betweenness(&g));
        assert_eq!(all_node_metrics(5, &FROM, &TO, &TRUST).unwrap(), b);
    }

    #[test]
    fn every_part_runs() {
        for (i, _) in PARTS.iter().enumerate() {
            let x = run_part(i as u32, 5, &FROM, &TO, &TRUST).unwrap();
            assert!(x.is_finite() && x > 0.0, "part {i}: {x}");
        }
        // Betweenness sums to 5/6 + 3/6 on the test graph, before and after.
        assert!((run_part(0, 5, &FROM, &TO, &TRUST).unwrap() - 8.0 / 6.0).abs() < 1e-12);
        assert!((run_part(10, 5, &FROM, &TO, &TRUST).unwrap() - 8.0 / 6.0).abs() < 1e-12);
        assert!((run_part(16, 5, &FROM, &TO, &TRUST).unwrap() - 8.0 / 6.0).abs() < 1e-12);
        let (new, old) = (
            run_part(1, 5, &FROM, &TO, &TRUST),
            run_part(11, 5, &FROM, &TO, &TRUST),
        );
        assert!((new.unwrap() - old.unwrap()).abs() < 1e-12);
    }

    #[test]
    fn the_analysis_and_the_layout_run() {
        let json = analyze_json(5, &FROM, &TO, &TRUST).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["people"].as_array().unwrap().len(), 5);
        let mut l = BenchLayout::new(1, 5, &FROM, &TO, &TRUST).unwrap();
        let first = l.run(1);
        let last = l.run(299);
        assert!(last < first && l.settled());
        let p = l.positions();
        assert_eq!(p.len(), 10);
        assert!(p.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn bad_arrays_are_refused_with_what_is_wrong() {
        assert_eq!(
            betweenness(3, &[0, 1], &[1]).unwrap_err(),
            "from has 2 entries but to has 1"
        );
        assert_eq!(
            betweenness(3, &[0, 1], &[1, 3]).unwrap_err(),
            "edge 1 (1–3) names a node outside 0..3"
        );
        assert_eq!(
            all_node_metrics(3, &[0], &[1], &[7.0]).unwrap_err(),
            "trust[0] is 7; it must be 1–5"
        );
        assert!(BenchLayout::new(1, 2, &[0], &[1], &[]).is_err());
        assert_eq!(
            run_part(17, 5, &FROM, &TO, &TRUST).unwrap_err(),
            "part 17 does not exist; there are 17"
        );
    }
}
