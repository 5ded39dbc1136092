//! Whole-network structure: density, connected components, average path length
//! and diameter, core numbers (k-cores), articulation points and bridges.
//!
//! NetworkX defines average shortest path length and diameter only for a
//! connected graph. Here they are reported per component, and the network's
//! figures are those of its largest component, which equal NetworkX's whenever
//! the graph is connected. Depth-first searches are iterative, since a deep
//! recursion could overflow the small stack of a WebAssembly thread.

use serde::{Deserialize, Serialize};

use super::centrality::PathSweep;
use super::graph::Adjacency;

/// Density: edges present over edges possible, 2m / (n(n−1)); 0 when n ≤ 1.
pub fn density(g: &Adjacency) -> f64 {
    let n = g.node_count() as f64;
    if n <= 1.0 {
        return 0.0;
    }
    2.0 * g.edge_count() as f64 / (n * (n - 1.0))
}

/// The connected components, each sorted, largest first (ties: the one with
/// the lowest node first). Nodes marked in `removed` are left out, as if gone.
pub fn components_without(g: &Adjacency, removed: Option<&[bool]>) -> Vec<Vec<usize>> {
    let n = g.node_count();
    let gone = |u: usize| removed.is_some_and(|r| r[u]);
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    let mut queue = Vec::new();
    for s in 0..n {
        if seen[s] || gone(s) {
            continue;
        }
        seen[s] = true;
        queue.clear();
        queue.push(s);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for &w in g.neighbors(v) {
                let w = w as usize;
                if !seen[w] && !gone(w) {
                    seen[w] = true;
                    queue.push(w);
                }
            }
        }
        let mut comp = queue.clone();
        comp.sort_unstable();
        out.push(comp);
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// The connected components, largest first.
pub fn components(g: &Adjacency) -> Vec<Vec<usize>> {
    components_without(g, None)
}

/// Shortest-path figures of one connected component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStats {
    /// The mean distance over ordered pairs of distinct nodes (0 for one node),
    /// as `networkx.average_shortest_path_length` on the component.
    pub average_path_length: f64,
    /// The largest distance between two nodes, as `networkx.diameter`.
    pub diameter: u32,
}

/// The path figures of a component, from a finished path sweep.
pub fn path_stats(component: &[usize], sweep: &PathSweep) -> PathStats {
    let k = component.len() as f64;
    let total: u64 = component.iter().map(|&u| sweep.distance_sum[u]).sum();
    let average_path_length = if k > 1.0 {
        total as f64 / (k * (k - 1.0))
    } else {
        0.0
    };
    let diameter = component
        .iter()
        .map(|&u| sweep.eccentricity[u])
        .max()
        .unwrap_or(0);
    PathStats {
        average_path_length,
        diameter,
    }
}

/// Each node's core number: the largest k such that the node belongs to a
/// subgraph where every node has degree ≥ k (Batagelj–Zaversnik, O(m)), as
/// `networkx.core_number`.
pub fn core_numbers(g: &Adjacency) -> Vec<usize> {
    let n = g.node_count();
    let mut deg: Vec<usize> = (0..n).map(|u| g.degree(u)).collect();
    let max_deg = deg.iter().copied().max().unwrap_or(0);
    // Bucket sort nodes by degree: `vert` lists nodes in degree order, `pos`
    // finds a node in it, `bin[d]` is where degree d starts.
    let mut bin = vec![0usize; max_deg + 2];
    for &d in &deg {
        bin[d + 1] += 1;
    }
    for d in 0..=max_deg {
        bin[d + 1] += bin[d];
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    let mut next = bin.clone();
    for u in 0..n {
        pos[u] = next[deg[u]];
        vert[pos[u]] = u;
        next[deg[u]] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        for &u in g.neighbors(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                // Move u to the front of its bucket, then shrink the bucket so
                // u falls into the one below.
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    vert.swap(pu, pw);
                    pos[u] = pw;
                    pos[w] = pu;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}

/// Articulation points and bridges, found together by one depth-first search.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CutSets {
    /// Nodes whose removal splits their component, sorted.
    pub articulation_points: Vec<usize>,
    /// Edges whose removal splits their component, as (u, v) with u < v, sorted.
    pub bridges: Vec<(usize, usize)>,
}

/// Tarjan's lowpoint search, iterative; the same sets as NetworkX's
/// `articulation_points` and `bridges`.
pub fn cut_sets(g: &Adjacency) -> CutSets {
    let n = g.node_count();
    const UNSEEN: usize = usize::MAX;
    let mut disc = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut is_ap = vec![false; n];
    let mut bridges = Vec::new();
    // Each frame: (node, its parent, index of the next neighbour to look at).
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    let mut time = 0;
    for root in 0..n {
        if disc[root] != UNSEEN {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        stack.push((root, UNSEEN, 0));
        while let Some(frame) = stack.last_mut() {
            let (u, parent, i) = *frame;
            let ns = g.neighbors(u);
            if i < ns.len() {
                frame.2 += 1;
                let v = ns[i] as usize;
                if disc[v] == UNSEEN {
                    disc[v] = time;
                    low[v] = time;
                    time += 1;
                    if u == root {
                        root_children += 1;
                    }
                    stack.push((v, u, 0));
                } else if v != parent {
                    low[u] = low[u].min(disc[v]);
                }
            } else {
                stack.pop();
                if parent != UNSEEN {
                    low[parent] = low[parent].min(low[u]);
                    if low[u] > disc[parent] {
                        bridges.push((parent.min(u), parent.max(u)));
                    }
                    if parent != root && low[u] >= disc[parent] {
                        is_ap[parent] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            is_ap[root] = true;
        }
    }
    bridges.sort_unstable();
    CutSets {
        articulation_points: (0..n).filter(|&u| is_ap[u]).collect(),
        bridges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_a_bridge() {
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
        let cuts = cut_sets(&g);
        assert_eq!(cuts.articulation_points, vec![2, 3]);
        assert_eq!(cuts.bridges, vec![(2, 3)]);
        assert_eq!(core_numbers(&g), vec![2; 6]);
    }
}
