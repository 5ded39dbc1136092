//! Heterarchies: high-trust groups of three or more organizations from at
//! least two sectors, found as maximal cliques and k-cores of the high-trust
//! organization graph.
//!
//! A clique is a group where every pair of organizations has a high-trust tie;
//! a k-core component is looser (each member has high-trust ties to at least k
//! others in the group), which finds larger working groups a clique would cut
//! into pieces. Candidates are ranked with groups covering all three main
//! sectors first, then by size, then by mean trust.

use std::collections::BTreeSet;

use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::graph::{Adjacency, OrgLink};
use super::model::Sector;
use super::structure::{components_without, core_numbers};

/// Every maximal clique (Bron–Kerbosch with Tomita pivoting), each sorted,
/// the list sorted; isolated nodes are cliques of one, as in
/// `networkx.find_cliques`.
pub fn maximal_cliques(g: &Adjacency) -> Vec<Vec<usize>> {
    maximal_cliques_up_to(g, usize::MAX).0
}

/// At most `limit` maximal cliques, and whether the search stopped early. A
/// dense graph can have exponentially many maximal cliques; the limit keeps
/// the analysis of a strange network from running away.
pub fn maximal_cliques_up_to(g: &Adjacency, limit: usize) -> (Vec<Vec<usize>>, bool) {
    let mut out = Vec::new();
    let mut r = Vec::new();
    let p: Vec<usize> = (0..g.node_count()).collect();
    let complete = expand(g, &mut r, p, Vec::new(), &mut out, limit);
    for c in out.iter_mut() {
        c.sort_unstable();
    }
    out.sort();
    (out, !complete)
}

/// One Bron–Kerbosch step: `r` is the clique so far, `p` the nodes that could
/// extend it, `x` the ones already tried. The recursion is as deep as the
/// largest clique, which stays small in organization graphs. Returns false
/// when a clique beyond the first `limit` turns up.
fn expand(
    g: &Adjacency,
    r: &mut Vec<usize>,
    p: Vec<usize>,
    mut x: Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    limit: usize,
) -> bool {
    if p.is_empty() {
        if x.is_empty() {
            if out.len() == limit {
                return false;
            }
            out.push(r.clone());
        }
        return true;
    }
    // Pivot on the node with the most neighbours in p: its neighbours need not
    // start a branch, since any clique holding one could be grown by the pivot.
    let pivot = p
        .iter()
        .chain(&x)
        .copied()
        .max_by_key(|&u| {
            (
                p.iter().filter(|&&v| g.has_edge(u, v)).count(),
                usize::MAX - u,
            )
        })
        .unwrap();
    let candidates: Vec<usize> = p
        .iter()
        .copied()
        .filter(|&v| !g.has_edge(pivot, v))
        .collect();
    let mut p = p;
    for v in candidates {
        let np = p.iter().copied().filter(|&w| g.has_edge(v, w)).collect();
        let nx = x.iter().copied().filter(|&w| g.has_edge(v, w)).collect();
        r.push(v);
        let go_on = expand(g, r, np, nx, out, limit);
        r.pop();
        if !go_on {
            return false;
        }
        p.retain(|&w| w != v);
        x.push(v);
    }
    true
}

/// How many maximal cliques [`heterarchies`] looks at, at most.
pub const CLIQUE_LIMIT: usize = 10_000;

/// How a heterarchy was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Found {
    /// Every pair of members has a high-trust tie.
    Clique,
    /// A connected part of the k-core: each member has high-trust ties to at
    /// least k other members.
    Core { k: usize },
}

/// A high-trust, cross-sector group of organizations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heterarchy {
    /// The organizations, as indices into the network's organizations, sorted.
    pub organizations: Vec<usize>,
    /// The sectors they come from, in [`Sector::ALL`] order.
    pub sectors: Vec<Sector>,
    pub found: Found,
    /// How many member pairs have a high-trust tie.
    pub links: usize,
    /// The mean, over those pairs, of the strongest trust between them.
    pub mean_trust: f64,
}

impl Heterarchy {
    /// How many of the three main sectors the group covers.
    pub fn main_sectors(&self) -> usize {
        self.sectors
            .iter()
            .filter(|s| Sector::MAIN.contains(s))
            .count()
    }
}

/// The heterarchies of a high-trust organization graph (node `i` is
/// organization `i`, whose sector is `sectors[i]`), best first, and whether
/// the clique search hit [`CLIQUE_LIMIT`] (then some cliques are missing).
pub fn heterarchies(high: &UnGraph<usize, OrgLink>, sectors: &[Sector]) -> (Vec<Heterarchy>, bool) {
    let adj = Adjacency::from_petgraph(high, |l| f64::from(l.max_trust.get()));
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    let mut found: Vec<(Vec<usize>, Found)> = Vec::new();
    let (cliques, truncated) = maximal_cliques_up_to(&adj, CLIQUE_LIMIT);
    for c in cliques {
        if c.len() >= 3 && seen.insert(c.clone()) {
            found.push((c, Found::Clique));
        }
    }
    // Higher cores first, so a group that is a component of several cores is
    // reported with its largest k.
    let core = core_numbers(&adj);
    let max_k = core.iter().copied().max().unwrap_or(0);
    for k in (2..=max_k).rev() {
        let outside: Vec<bool> = core.iter().map(|&c| c < k).collect();
        for comp in components_without(&adj, Some(&outside)) {
            if comp.len() >= 3 && seen.insert(comp.clone()) {
                found.push((comp, Found::Core { k }));
            }
        }
    }
    let mut out: Vec<Heterarchy> = found
        .into_iter()
        .filter_map(|(members, how)| {
            let set: BTreeSet<Sector> = members.iter().map(|&o| sectors[o]).collect();
            if set.len() < 2 {
                return None;
            }
            let (mut links, mut sum) = (0usize, 0.0f64);
            for e in high.edge_references() {
                let (a, b) = (e.source().index(), e.target().index());
                if members.binary_search(&a).is_ok() && members.binary_search(&b).is_ok() {
                    links += 1;
                    sum += f64::from(e.weight().max_trust.get());
                }
            }
            Some(Heterarchy {
                organizations: members,
                sectors: set.into_iter().collect(),
                found: how,
                links,
                mean_trust: if links > 0 { sum / links as f64 } else { 0.0 },
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.main_sectors()
            .cmp(&a.main_sectors())
            .then(b.sectors.len().cmp(&a.sectors.len()))
            .then(b.organizations.len().cmp(&a.organizations.len()))
            .then(b.mean_trust.total_cmp(&a.mean_trust))
            .then(a.organizations.cmp(&b.organizations))
    });
    (out, truncated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cliques_of_a_diamond() {
        let g = Adjacency::from_edges(
            5,
            [
                (0, 1, 1.0),
                (0, 2, 1.0),
                (1, 2, 1.0),
                (1, 3, 1.0),
                (2, 3, 1.0),
            ],
        );
        assert_eq!(
            maximal_cliques(&g),
            vec![vec![0, 1, 2], vec![1, 2, 3], vec![4]]
        );
        assert_eq!(
            maximal_cliques_up_to(&g, 2),
            (vec![vec![0, 1, 2], vec![1, 2, 3]], true)
        );
        assert!(!maximal_cliques_up_to(&g, 3).1);
    }
}
