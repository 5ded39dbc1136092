//! Communities: Louvain modularity optimisation and the modularity of a partition.
//!
//! The Louvain method here is NetworkX's `louvain_partitions` step for step,
//! with one difference: NetworkX visits nodes in a random order (from a seed),
//! while this visits them in index order, so the same network always gives the
//! same communities and no randomness is needed. Neighbour lists of the
//! aggregated graphs keep NetworkX's first-seen order, so on a graph whose
//! neighbours are listed in index order the result equals NetworkX run with a
//! shuffle that leaves the order alone (the reference test checks this).

use serde::{Deserialize, Serialize};

use super::graph::Adjacency;

/// A partition of the nodes into communities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partition {
    /// The community of each node: an index into `communities`.
    pub labels: Vec<usize>,
    /// The members of each community, sorted; largest community first (ties:
    /// the one holding the lowest node first).
    pub communities: Vec<Vec<usize>>,
    /// The modularity of the partition (resolution 1 unless asked otherwise).
    pub modularity: f64,
}

impl Partition {
    /// Builds a partition from any labelling, renumbering communities into the
    /// canonical order (largest first, then lowest member).
    pub fn from_labels(g: &Adjacency, weighted: bool, labels: &[usize], resolution: f64) -> Self {
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (u, &l) in labels.iter().enumerate() {
            groups.entry(l).or_default().push(u);
        }
        let mut communities: Vec<Vec<usize>> = groups.into_values().collect();
        communities.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        let mut labels = vec![0; labels.len()];
        for (c, members) in communities.iter().enumerate() {
            for &u in members {
                labels[u] = c;
            }
        }
        let modularity = modularity(g, weighted, &labels, resolution);
        Partition {
            labels,
            communities,
            modularity,
        }
    }
}

/// Modularity of the partition `labels` (node → community), as
/// `networkx.community.modularity(G, communities, weight, resolution)`:
/// Σ_c [ L_c / m − γ (d_c / 2m)² ], with L_c the weight inside community c and
/// d_c the total weighted degree of its nodes. 0 for a graph without edges
/// (where NetworkX divides by zero).
pub fn modularity(g: &Adjacency, weighted: bool, labels: &[usize], resolution: f64) -> f64 {
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0f64; k];
    let mut degree = vec![0.0f64; k];
    let mut total = 0.0;
    for (u, v, w) in g.edges() {
        let w = if weighted { w } else { 1.0 };
        total += w;
        degree[labels[u]] += w;
        degree[labels[v]] += w;
        if labels[u] == labels[v] {
            inside[labels[u]] += w;
        }
    }
    if total == 0.0 {
        return 0.0;
    }
    let norm = 1.0 / (4.0 * total * total);
    (0..k)
        .map(|c| inside[c] / total - resolution * degree[c] * degree[c] * norm)
        .sum()
}

/// One level's graph: neighbour lists in first-seen order; a self-loop (the
/// weight inside an aggregated community) is listed once in its own list.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
}

impl Level {
    /// Weighted degree, a self-loop counted twice, summed as NetworkX sums it.
    fn degree(&self, u: usize) -> f64 {
        let mut d = 0.0;
        let mut own = 0.0;
        for &(v, w) in &self.adj[u] {
            d += w;
            if v == u {
                own = w;
            }
        }
        d + own
    }

    /// Edges in NetworkX's order: by node, then neighbour, each edge once.
    fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.adj.iter().enumerate().flat_map(|(u, ns)| {
            ns.iter()
                .filter(move |&&(v, _)| v >= u)
                .map(move |&(v, w)| (u, v, w))
        })
    }

    /// Modularity of a partition of this level's nodes.
    fn modularity(&self, com: &[usize], k: usize, resolution: f64) -> f64 {
        let deg: Vec<f64> = (0..self.adj.len()).map(|u| self.degree(u)).collect();
        let deg_sum: f64 = deg.iter().sum();
        let m = deg_sum / 2.0;
        let mut inside = vec![0.0; k];
        let mut dsum = vec![0.0; k];
        for (u, v, w) in self.edges() {
            if com[u] == com[v] {
                inside[com[u]] += w;
            }
        }
        for (u, &d) in deg.iter().enumerate() {
            dsum[com[u]] += d;
        }
        let norm = 1.0 / (deg_sum * deg_sum);
        (0..k)
            .map(|c| inside[c] / m - resolution * dsum[c] * dsum[c] * norm)
            .sum()
    }

    /// Collapses each community of `com` (numbered 0..k) into one node.
    fn aggregate(&self, com: &[usize], k: usize) -> Level {
        let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
        for (u, v, w) in self.edges() {
            let (a, b) = (com[u], com[v]);
            match adj[a].iter().position(|&(x, _)| x == b) {
                Some(i) => {
                    adj[a][i].1 += w;
                    if a != b {
                        let j = adj[b].iter().position(|&(x, _)| x == a).unwrap();
                        adj[b][j].1 += w;
                    }
                }
                None => {
                    adj[a].push((b, w));
                    if a != b {
                        adj[b].push((a, w));
                    }
                }
            }
        }
        Level { adj }
    }
}

/// Moves nodes of one level between communities until no move gains
/// modularity. Returns each node's community (renumbered 0..k in order of the
/// old numbering, empty ones dropped), k, and whether anything moved.
fn one_level(level: &Level, m: f64, resolution: f64) -> (Vec<usize>, usize, bool) {
    let n = level.adj.len();
    let mut com: Vec<usize> = (0..n).collect();
    let degrees: Vec<f64> = (0..n).map(|u| level.degree(u)).collect();
    let mut stot = degrees.clone();
    let mut improvement = false;
    // Weight from the current node to each community, and the communities in
    // the order first met, so ties go the way NetworkX's dict order sends them.
    let mut to_com = vec![0.0f64; n];
    let mut met: Vec<usize> = Vec::new();
    let mut is_met = vec![false; n];
    let two_m2 = 2.0 * (m * m);
    loop {
        let mut moves = 0;
        for u in 0..n {
            for &c in &met {
                is_met[c] = false;
                to_com[c] = 0.0;
            }
            met.clear();
            for &(v, w) in &level.adj[u] {
                if v != u {
                    let c = com[v];
                    if !is_met[c] {
                        is_met[c] = true;
                        met.push(c);
                    }
                    to_com[c] += w;
                }
            }
            let own = com[u];
            let degree = degrees[u];
            stot[own] -= degree;
            let remove_cost = -to_com[own] / m + resolution * (stot[own] * degree) / two_m2;
            let mut best_gain = 0.0;
            let mut best = own;
            for &c in &met {
                let gain = remove_cost + to_com[c] / m - resolution * (stot[c] * degree) / two_m2;
                if gain > best_gain {
                    best_gain = gain;
                    best = c;
                }
            }
            stot[best] += degree;
            if best != own {
                com[u] = best;
                improvement = true;
                moves += 1;
            }
        }
        if moves == 0 {
            break;
        }
    }
    // Renumber the non-empty communities in their old order.
    let mut renumber = vec![usize::MAX; n];
    let mut used = vec![false; n];
    for &c in &com {
        used[c] = true;
    }
    let mut k = 0;
    for c in 0..n {
        if used[c] {
            renumber[c] = k;
            k += 1;
        }
    }
    (com.iter().map(|&c| renumber[c]).collect(), k, improvement)
}

/// Communities by the Louvain method (NetworkX's threshold 1e-7 on the
/// modularity gain per level), with edge weights as strengths when `weighted`.
pub fn louvain(g: &Adjacency, weighted: bool, resolution: f64) -> Partition {
    let n = g.node_count();
    let singles: Vec<usize> = (0..n).collect();
    if g.edge_count() == 0 {
        return Partition::from_labels(g, weighted, &singles, resolution);
    }
    let adj = (0..n)
        .map(|u| {
            let ws = g.weights(u);
            g.neighbors(u)
                .iter()
                .enumerate()
                .map(|(i, &v)| (v as usize, if weighted { ws[i] } else { 1.0 }))
                .collect()
        })
        .collect();
    let mut level = Level { adj };
    let m = (0..n).map(|u| level.degree(u)).sum::<f64>() / 2.0;
    let mut mod_before = modularity(g, weighted, &singles, resolution);
    // `node_com[u]` is the node of the current level that holds original node u.
    let mut node_com = singles;
    loop {
        let (com, k, improvement) = one_level(&level, m, resolution);
        if !improvement {
            break;
        }
        for c in node_com.iter_mut() {
            *c = com[*c];
        }
        let mod_now = level.modularity(&com, k, resolution);
        if mod_now - mod_before <= 1e-7 {
            break;
        }
        mod_before = mod_now;
        level = level.aggregate(&com, k);
    }
    Partition::from_labels(g, weighted, &node_com, resolution)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_split_at_the_bridge() {
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
        let p = louvain(&g, false, 1.0);
        assert_eq!(p.communities, vec![vec![0, 1, 2], vec![3, 4, 5]]);
        assert!((p.modularity - 5.0 / 14.0).abs() < 1e-12);
    }
}
