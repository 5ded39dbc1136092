//! Every metric on small graphs whose values were worked out by hand
//! (the derivations are in the comments of each case).

use constellation_core::network::brokerage::{constraint, effective_size};
use constellation_core::network::centrality::{
    degree_centrality, eigenvector, path_sweep, weighted_betweenness,
};
use constellation_core::network::community::{louvain, modularity};
use constellation_core::network::graph::Adjacency;
use constellation_core::network::heterarchy::maximal_cliques;
use constellation_core::network::structure::{
    components, core_numbers, cut_sets, density, path_stats,
};

const PHI: f64 = 1.618_033_988_749_895;

/// One hand-checked graph and what every metric must give on it.
struct Case {
    name: &'static str,
    n: usize,
    edges: &'static [(usize, usize)],
    degree_centrality: Vec<f64>,
    betweenness: Vec<f64>,
    closeness: Vec<f64>,
    eigenvector: Vec<f64>,
    constraint: Vec<Option<f64>>,
    effective_size: Vec<Option<f64>>,
    core_numbers: Vec<usize>,
    articulation_points: Vec<usize>,
    bridges: Vec<(usize, usize)>,
    density: f64,
    components: Vec<Vec<usize>>,
    /// Average path length and diameter of the largest component.
    average_path_length: f64,
    diameter: u32,
    cliques: Vec<Vec<usize>>,
}

fn cases() -> Vec<Case> {
    let third = 1.0 / 3.0;
    vec![
        // 0-1-2-3. Node 1 lies on the paths 0–2 and 0–3: 2 of the C(3,2) = 3
        // pairs not involving it. Closeness of 0: 3 / (1+2+3). The top
        // eigenvector of a 4-path is (1, φ, φ, 1) / sqrt(2 + 2φ²).
        Case {
            name: "path of four",
            n: 4,
            edges: &[(0, 1), (1, 2), (2, 3)],
            degree_centrality: vec![third, 2.0 * third, 2.0 * third, third],
            betweenness: vec![0.0, 2.0 * third, 2.0 * third, 0.0],
            closeness: vec![0.5, 0.75, 0.75, 0.5],
            eigenvector: {
                let s = (2.0 + 2.0 * PHI * PHI).sqrt();
                vec![1.0 / s, PHI / s, PHI / s, 1.0 / s]
            },
            // An end's only contact takes all its time (1); an inner node splits
            // it in two halves with no shared contacts: 1/4 + 1/4.
            constraint: vec![Some(1.0), Some(0.5), Some(0.5), Some(1.0)],
            effective_size: vec![Some(1.0), Some(2.0), Some(2.0), Some(1.0)],
            core_numbers: vec![1; 4],
            articulation_points: vec![1, 2],
            bridges: vec![(0, 1), (1, 2), (2, 3)],
            density: 0.5,
            components: vec![vec![0, 1, 2, 3]],
            // Distances 1,2,3,1,2,1 sum to 10 over 6 pairs.
            average_path_length: 10.0 / 6.0,
            diameter: 3,
            cliques: vec![vec![0, 1], vec![1, 2], vec![2, 3]],
        },
        // A star: the centre is on all C(4,2) = 6 leaf pairs; a leaf reaches the
        // centre in 1 and three leaves in 2: closeness 4/7. Eigenvalue 2: the
        // centre is twice a leaf, so (2, 1, 1, 1, 1) / sqrt(8).
        Case {
            name: "star with four leaves",
            n: 5,
            edges: &[(0, 1), (0, 2), (0, 3), (0, 4)],
            degree_centrality: vec![1.0, 0.25, 0.25, 0.25, 0.25],
            betweenness: vec![1.0, 0.0, 0.0, 0.0, 0.0],
            closeness: vec![1.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0],
            eigenvector: {
                let s = 8f64.sqrt();
                vec![2.0 / s, 1.0 / s, 1.0 / s, 1.0 / s, 1.0 / s]
            },
            constraint: vec![Some(0.25), Some(1.0), Some(1.0), Some(1.0), Some(1.0)],
            effective_size: vec![Some(4.0), Some(1.0), Some(1.0), Some(1.0), Some(1.0)],
            core_numbers: vec![1; 5],
            articulation_points: vec![0],
            bridges: vec![(0, 1), (0, 2), (0, 3), (0, 4)],
            density: 0.4,
            components: vec![vec![0, 1, 2, 3, 4]],
            // 4 pairs at 1, 6 at 2: 16 / 10.
            average_path_length: 1.6,
            diameter: 2,
            cliques: vec![vec![0, 1], vec![0, 2], vec![0, 3], vec![0, 4]],
        },
        // Triangle 0-1-2 with 3 hanging off 2. Node 2 is on 0–3 and 1–3: 2 of 3.
        // Constraint of 2: contacts 0 and 1 are tied (each (1/3 + 1/3·1/2)² =
        // 1/4), 3 is not (1/9): 11/18. Of 0: (1/2 + 1/2·1/3)² + (1/2 + 1/2·1/2)²
        // = 4/9 + 9/16 = 145/144. Effective size of 2: 3 − 2·1/3.
        Case {
            name: "triangle with a pendant",
            n: 4,
            edges: &[(0, 1), (1, 2), (0, 2), (2, 3)],
            degree_centrality: vec![2.0 * third, 2.0 * third, 1.0, third],
            betweenness: vec![0.0, 0.0, 2.0 * third, 0.0],
            closeness: vec![0.75, 0.75, 1.0, 0.6],
            eigenvector: vec![],
            constraint: vec![
                Some(145.0 / 144.0),
                Some(145.0 / 144.0),
                Some(11.0 / 18.0),
                Some(1.0),
            ],
            effective_size: vec![Some(1.0), Some(1.0), Some(7.0 / 3.0), Some(1.0)],
            core_numbers: vec![2, 2, 2, 1],
            articulation_points: vec![2],
            bridges: vec![(2, 3)],
            density: 4.0 / 6.0,
            components: vec![vec![0, 1, 2, 3]],
            // 4 pairs at 1, 2 at 2: 8 / 6.
            average_path_length: 8.0 / 6.0,
            diameter: 2,
            cliques: vec![vec![0, 1, 2], vec![2, 3]],
        },
        // Two triangles joined by the bridge 2–3. Node 2 is on the 6 paths from
        // {0, 1} to {3, 4, 5}: 6 of C(5,2) = 10. Distances: 7 pairs at 1, 4 at 2,
        // 4 at 3: 27 / 15.
        Case {
            name: "two triangles joined by a bridge",
            n: 6,
            edges: &[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)],
            degree_centrality: vec![0.4, 0.4, 0.6, 0.6, 0.4, 0.4],
            betweenness: vec![0.0, 0.0, 0.6, 0.6, 0.0, 0.0],
            // Node 0: 1+1+2+3+3 = 10; node 2: 1+1+1+2+2 = 7.
            closeness: vec![0.5, 0.5, 5.0 / 7.0, 5.0 / 7.0, 0.5, 0.5],
            eigenvector: vec![],
            constraint: vec![
                Some(145.0 / 144.0),
                Some(145.0 / 144.0),
                Some(11.0 / 18.0),
                Some(11.0 / 18.0),
                Some(145.0 / 144.0),
                Some(145.0 / 144.0),
            ],
            effective_size: vec![
                Some(1.0),
                Some(1.0),
                Some(7.0 / 3.0),
                Some(7.0 / 3.0),
                Some(1.0),
                Some(1.0),
            ],
            core_numbers: vec![2; 6],
            articulation_points: vec![2, 3],
            bridges: vec![(2, 3)],
            density: 7.0 / 15.0,
            components: vec![vec![0, 1, 2, 3, 4, 5]],
            average_path_length: 27.0 / 15.0,
            diameter: 3,
            cliques: vec![vec![0, 1, 2], vec![2, 3], vec![3, 4, 5]],
        },
        // An edge, a lone node, and a path of three: closeness is scaled by the
        // share of the network each node reaches (Wasserman–Faust): the centre of
        // the path reaches 2 of 5 others at distance 1: (2/2)·(2/5).
        Case {
            name: "disconnected with an isolated node",
            n: 6,
            edges: &[(0, 1), (3, 4), (4, 5)],
            degree_centrality: vec![0.2, 0.2, 0.0, 0.2, 0.4, 0.2],
            // Node 4 is on 1 of C(5,2) = 10 pairs.
            betweenness: vec![0.0, 0.0, 0.0, 0.0, 0.1, 0.0],
            closeness: vec![0.2, 0.2, 0.0, (2.0 / 3.0) * 0.4, 0.4, (2.0 / 3.0) * 0.4],
            eigenvector: vec![],
            constraint: vec![Some(1.0), Some(1.0), None, Some(1.0), Some(0.5), Some(1.0)],
            effective_size: vec![Some(1.0), Some(1.0), None, Some(1.0), Some(2.0), Some(1.0)],
            core_numbers: vec![1, 1, 0, 1, 1, 1],
            articulation_points: vec![4],
            bridges: vec![(0, 1), (3, 4), (4, 5)],
            density: 3.0 / 15.0,
            components: vec![vec![3, 4, 5], vec![0, 1], vec![2]],
            average_path_length: 4.0 / 3.0,
            diameter: 2,
            cliques: vec![vec![0, 1], vec![2], vec![3, 4], vec![4, 5]],
        },
    ]
}

fn graph(c: &Case) -> Adjacency {
    Adjacency::from_edges(c.n, c.edges.iter().map(|&(u, v)| (u, v, 1.0)))
}

fn close(name: &str, metric: &str, ours: &[f64], expected: &[f64]) {
    assert_eq!(ours.len(), expected.len(), "{name}: {metric} length");
    for (i, (a, b)) in ours.iter().zip(expected).enumerate() {
        assert!(
            (a - b).abs() < 1e-12,
            "{name}: {metric}[{i}] is {a}, expected {b}"
        );
    }
}

fn close_opt(name: &str, metric: &str, ours: &[Option<f64>], expected: &[Option<f64>]) {
    assert_eq!(ours.len(), expected.len(), "{name}: {metric} length");
    for (i, (a, b)) in ours.iter().zip(expected).enumerate() {
        match (a, b) {
            (Some(a), Some(b)) => assert!(
                (a - b).abs() < 1e-12,
                "{name}: {metric}[{i}] is {a}, expected {b}"
            ),
            _ => assert_eq!(a, b, "{name}: {metric}[{i}]"),
        }
    }
}

#[test]
fn centralities_match_hand_computed_values() {
    for c in cases() {
        let g = graph(&c);
        close(
            c.name,
            "degree centrality",
            &degree_centrality(&g),
            &c.degree_centrality,
        );
        let sweep = path_sweep(&g);
        close(c.name, "betweenness", &sweep.betweenness, &c.betweenness);
        // All weights equal: weighted betweenness must be the same.
        close(
            c.name,
            "weighted betweenness",
            &weighted_betweenness(&g).unwrap(),
            &c.betweenness,
        );
        close(c.name, "closeness", &sweep.closeness, &c.closeness);
        if !c.eigenvector.is_empty() {
            close(
                c.name,
                "eigenvector",
                &eigenvector(&g, false, 1e-14, 10_000).unwrap(),
                &c.eigenvector,
            );
        }
    }
}

#[test]
fn structural_holes_match_hand_computed_values() {
    for c in cases() {
        let g = graph(&c);
        close_opt(c.name, "constraint", &constraint(&g, false), &c.constraint);
        close_opt(
            c.name,
            "effective size",
            &effective_size(&g, false),
            &c.effective_size,
        );
        // With equal weights the weighted forms agree with the unweighted ones.
        close_opt(
            c.name,
            "weighted constraint",
            &constraint(&g, true),
            &c.constraint,
        );
        close_opt(
            c.name,
            "weighted effective size",
            &effective_size(&g, true),
            &c.effective_size,
        );
    }
}

#[test]
fn structure_matches_hand_computed_values() {
    for c in cases() {
        let g = graph(&c);
        assert_eq!(core_numbers(&g), c.core_numbers, "{}: core numbers", c.name);
        let cuts = cut_sets(&g);
        assert_eq!(
            cuts.articulation_points, c.articulation_points,
            "{}: articulation points",
            c.name
        );
        assert_eq!(cuts.bridges, c.bridges, "{}: bridges", c.name);
        assert!(
            (density(&g) - c.density).abs() < 1e-12,
            "{}: density",
            c.name
        );
        let comps = components(&g);
        assert_eq!(comps, c.components, "{}: components", c.name);
        let stats = path_stats(&comps[0], &path_sweep(&g));
        assert!(
            (stats.average_path_length - c.average_path_length).abs() < 1e-12,
            "{}: apl",
            c.name
        );
        assert_eq!(stats.diameter, c.diameter, "{}: diameter", c.name);
        assert_eq!(maximal_cliques(&g), c.cliques, "{}: cliques", c.name);
    }
}

#[test]
fn weighted_betweenness_follows_the_shorter_weighted_path() {
    // A square 0-1-2-3-0 where the route through 1 is shorter (lengths 1+1
    // against 2+2): every 0–2 path runs through 1, and 1–3 splits evenly.
    let g = Adjacency::from_edges(4, [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 2.0), (3, 0, 2.0)]);
    let b = weighted_betweenness(&g).unwrap();
    // Pairs: 0–2 via 1 (credit 1 to node 1); 1–3: 1-0-3 = 3, 1-2-3 = 3, split
    // between 0 and 2. Normalized by C(3,2) = 3.
    close(
        "square",
        "weighted betweenness",
        &b,
        &[0.5 / 3.0, 1.0 / 3.0, 0.5 / 3.0, 0.0],
    );
    // Unweighted, each node is on half of its opposite pair: 0.5 / 3.
    close(
        "square",
        "betweenness",
        &path_sweep(&g).betweenness,
        &[0.5 / 3.0; 4],
    );
}

#[test]
fn modularity_and_louvain_on_hand_checked_graphs() {
    // Two triangles and a bridge: m = 7; each side holds 3 edges and degree 7:
    // 2 · (3/7 − (7/14)²) = 5/14.
    let g = Adjacency::from_edges(
        6,
        [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (2, 3, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
        ],
    );
    assert!((modularity(&g, false, &[0, 0, 0, 1, 1, 1], 1.0) - 5.0 / 14.0).abs() < 1e-15);
    // Everyone in one community: 7/7 − 1 = 0.
    assert!(modularity(&g, false, &[0; 6], 1.0).abs() < 1e-15);
    let p = louvain(&g, false, 1.0);
    assert_eq!(p.labels, vec![0, 0, 0, 1, 1, 1]);
    // No edges: every node alone, modularity 0.
    let empty = Adjacency::from_edges(3, []);
    let p = louvain(&empty, true, 1.0);
    assert_eq!(p.communities, vec![vec![0], vec![1], vec![2]]);
    assert_eq!(p.modularity, 0.0);
}

#[test]
fn tiny_graphs_do_not_divide_by_zero() {
    for n in 0..3 {
        let g = Adjacency::from_edges(n, if n == 2 { vec![(0, 1, 1.0)] } else { vec![] });
        let sweep = path_sweep(&g);
        assert!(sweep.betweenness.iter().all(|&b| b == 0.0));
        assert!(sweep.closeness.iter().all(|c| c.is_finite()));
        // Every node of a graph of one or two nodes has full degree centrality.
        assert_eq!(degree_centrality(&g), vec![1.0; n]);
        assert_eq!(density(&g), if n == 2 { 1.0 } else { 0.0 });
        assert_eq!(eigenvector(&g, false, 1e-12, 100).unwrap().len(), n);
    }
}

#[test]
fn bucket_and_heap_searches_agree() {
    // Trust distances (integers up to 60) take the bucket queue; the same
    // lengths times 8192 are still exact but too long for buckets, so they take
    // the binary heap. Betweenness does not change when all lengths scale.
    let trust = [3.0, 5.0, 1.0, 4.0, 2.0, 5.0, 3.0, 4.0, 1.0, 2.0, 5.0, 4.0];
    let pairs = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (2, 4), (4, 5), (5, 6), (6, 4), (3, 6), (1, 5), (6, 7)];
    let edges = || pairs.iter().zip(trust).map(|(&(u, v), t)| (u, v, 60.0 / t));
    let small = Adjacency::from_edges(8, edges());
    let large = Adjacency::from_edges(8, edges().map(|(u, v, w)| (u, v, w * 8192.0)));
    let (a, b) = (weighted_betweenness(&small).unwrap(), weighted_betweenness(&large).unwrap());
    close("buckets vs heap", "weighted betweenness", &a, &b);
    assert!(a.iter().any(|&x| x > 0.0));
}
