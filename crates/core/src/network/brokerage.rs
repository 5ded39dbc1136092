//! Brokerage: Gould–Fernandez roles, and Burt's constraint and effective size.
//!
//! **Gould–Fernandez roles.** A person B brokers a two-path A→B→C when A and C
//! are different people and A has no tie of its own to C. Given a grouping of
//! people (by sector, or by organization), the path is counted in one role:
//!
//! | role           | groups             | in words                                |
//! |----------------|--------------------|-----------------------------------------|
//! | coordinator    | A = B = C          | brokers inside one group                |
//! | itinerant      | A = C ≠ B          | an outsider linking two members (consultant) |
//! | representative | A = B ≠ C          | carries their group's message out       |
//! | gatekeeper     | B = C ≠ A          | lets an outsider's message in           |
//! | liaison        | A, B, C all differ | links two groups, belonging to neither  |
//!
//! Directed ties are read in their direction. An undirected tie runs both ways,
//! so an undirected path A–B–C is counted twice, as A→B→C and C→B→A: a
//! representative path read backwards is a gatekeeper path, and coordinator,
//! itinerant and liaison paths count twice in their own role. This is what
//! UCINET and statnet report for a symmetric network. A person without a group
//! (someone with no organization) is a group of their own.
//!
//! **Constraint and effective size** follow NetworkX's `constraint` and
//! `effective_size` on an undirected graph, optionally weighted by tie strength.
//! Both are undefined for an isolated node, reported as `None` (NetworkX: NaN).

use serde::{Deserialize, Serialize};

use super::graph::Adjacency;

/// A Gould–Fernandez brokerage role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Coordinator,
    Itinerant,
    Representative,
    Gatekeeper,
    Liaison,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Coordinator,
        Role::Itinerant,
        Role::Representative,
        Role::Gatekeeper,
        Role::Liaison,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Itinerant => "itinerant",
            Role::Representative => "representative",
            Role::Gatekeeper => "gatekeeper",
            Role::Liaison => "liaison",
        }
    }

    /// The role of broker `b` on the path `a`→`b`→`c`, given each one's group.
    pub fn of(a: Option<u32>, b: Option<u32>, c: Option<u32>) -> Role {
        // A missing group is a group of one, equal to nothing else.
        let same = |x: Option<u32>, y: Option<u32>| x.is_some() && x == y;
        match (same(a, b), same(b, c), same(a, c)) {
            (true, true, _) => Role::Coordinator,
            (false, false, true) => Role::Itinerant,
            (true, false, _) => Role::Representative,
            (false, true, _) => Role::Gatekeeper,
            (false, false, false) => Role::Liaison,
        }
    }
}

/// How many brokered two-paths a person sits on, per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoleCounts {
    pub coordinator: u64,
    pub itinerant: u64,
    pub representative: u64,
    pub gatekeeper: u64,
    pub liaison: u64,
}

impl RoleCounts {
    pub fn get(&self, role: Role) -> u64 {
        match role {
            Role::Coordinator => self.coordinator,
            Role::Itinerant => self.itinerant,
            Role::Representative => self.representative,
            Role::Gatekeeper => self.gatekeeper,
            Role::Liaison => self.liaison,
        }
    }

    fn add(&mut self, role: Role, k: u64) {
        match role {
            Role::Coordinator => self.coordinator += k,
            Role::Itinerant => self.itinerant += k,
            Role::Representative => self.representative += k,
            Role::Gatekeeper => self.gatekeeper += k,
            Role::Liaison => self.liaison += k,
        }
    }

    pub fn total(&self) -> u64 {
        Role::ALL.iter().map(|&r| self.get(r)).sum()
    }

    /// Paths on which the broker links different groups (all but coordinator).
    pub fn across_groups(&self) -> u64 {
        self.total() - self.coordinator
    }
}

/// A directed graph as out- and in-neighbour lists, each sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arcs {
    out: Vec<Vec<u32>>,
    inc: Vec<Vec<u32>>,
}

impl Arcs {
    /// Builds from arcs (from, to); duplicates and self-loops are dropped.
    pub fn from_arcs(n: usize, arcs: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        for (a, b) in arcs {
            if a != b {
                out[a].push(b as u32);
                inc[b].push(a as u32);
            }
        }
        for l in out.iter_mut().chain(inc.iter_mut()) {
            l.sort_unstable();
            l.dedup();
        }
        Arcs { out, inc }
    }

    /// Every undirected edge as two arcs.
    pub fn from_undirected(g: &Adjacency) -> Self {
        let arcs = g.edges().flat_map(|(u, v, _)| [(u, v), (v, u)]);
        Arcs::from_arcs(g.node_count(), arcs)
    }

    pub fn node_count(&self) -> usize {
        self.out.len()
    }

    pub fn has_arc(&self, a: usize, b: usize) -> bool {
        self.out[a].binary_search(&(b as u32)).is_ok()
    }

    /// Calls `f(a, c)` for every two-path a→`b`→c that `b` brokers.
    fn for_each_brokered(&self, b: usize, mut f: impl FnMut(usize, usize)) {
        for &a in &self.inc[b] {
            let a = a as usize;
            for &c in &self.out[b] {
                let c = c as usize;
                if c != a && !self.has_arc(a, c) {
                    f(a, c);
                }
            }
        }
    }
}

/// Gould–Fernandez role counts of every node, for the grouping `group`.
pub fn brokerage(arcs: &Arcs, group: &[Option<u32>]) -> Vec<RoleCounts> {
    (0..arcs.node_count())
        .map(|b| {
            let mut counts = RoleCounts::default();
            arcs.for_each_brokered(b, |a, c| {
                counts.add(Role::of(group[a], group[b], group[c]), 1)
            });
            counts
        })
        .collect()
}

/// The brokered paths of one broker, counted per role and per (group of A,
/// group of C), sorted by count (largest first), then role, then groups.
pub fn brokered_group_pairs(
    arcs: &Arcs,
    group: &[Option<u32>],
    b: usize,
) -> Vec<(Role, Option<u32>, Option<u32>, u64)> {
    let mut tally: std::collections::BTreeMap<(Role, Option<u32>, Option<u32>), u64> =
        Default::default();
    arcs.for_each_brokered(b, |a, c| {
        *tally
            .entry((Role::of(group[a], group[b], group[c]), group[a], group[c]))
            .or_default() += 1;
    });
    let mut out: Vec<_> = tally
        .into_iter()
        .map(|((r, x, y), k)| (r, x, y, k))
        .collect();
    out.sort_by(|p, q| q.3.cmp(&p.3).then((p.0, p.1, p.2).cmp(&(q.0, q.1, q.2))));
    out
}

/// Burt's constraint of every node, as `networkx.constraint(G, weight=…)`:
/// the sum over neighbours v of (p_uv + Σ_q p_uq p_qv)², where p_uv is the
/// share of u's tie strength that goes to v. `weighted: false` counts every
/// edge as 1. `None` for isolated nodes.
pub fn constraint(g: &Adjacency, weighted: bool) -> Vec<Option<f64>> {
    let n = g.node_count();
    let w = |u: usize, i: usize| if weighted { g.weights(u)[i] } else { 1.0 };
    let strength: Vec<f64> = (0..n)
        .map(|u| (0..g.degree(u)).map(|i| w(u, i)).sum())
        .collect();
    // `mark[v] == u` flags v as a neighbour of the current u; `indirect[v]`
    // collects Σ_q p_uq p_qv for those v.
    let mut mark = vec![usize::MAX; n];
    let mut indirect = vec![0.0f64; n];
    (0..n)
        .map(|u| {
            if g.degree(u) == 0 {
                return None;
            }
            for &v in g.neighbors(u) {
                mark[v as usize] = u;
                indirect[v as usize] = 0.0;
            }
            let su = strength[u];
            for (i, &q) in g.neighbors(u).iter().enumerate() {
                let q = q as usize;
                let p_uq = if su == 0.0 { 0.0 } else { w(u, i) / su };
                let sq = strength[q];
                for (j, &v) in g.neighbors(q).iter().enumerate() {
                    let v = v as usize;
                    if mark[v] == u && sq != 0.0 {
                        indirect[v] += p_uq * (w(q, j) / sq);
                    }
                }
            }
            let mut c = 0.0;
            for (i, &v) in g.neighbors(u).iter().enumerate() {
                let p_uv = if su == 0.0 { 0.0 } else { w(u, i) / su };
                let l = p_uv + indirect[v as usize];
                c += l * l;
            }
            Some(c)
        })
        .collect()
}

/// Burt's effective size of every node, as `networkx.effective_size(G, weight=…)`:
/// Σ_v (1 − Σ_q p_uq m_vq) over neighbours v, where m_vq is v's tie strength to
/// q relative to v's strongest tie. Unweighted, this is Borgatti's n − 2t/n.
/// `None` for isolated nodes.
pub fn effective_size(g: &Adjacency, weighted: bool) -> Vec<Option<f64>> {
    let n = g.node_count();
    let w = |u: usize, i: usize| if weighted { g.weights(u)[i] } else { 1.0 };
    let strength: Vec<f64> = (0..n)
        .map(|u| (0..g.degree(u)).map(|i| w(u, i)).sum())
        .collect();
    let strongest: Vec<f64> = (0..n)
        .map(|u| (0..g.degree(u)).map(|i| w(u, i)).fold(0.0, f64::max))
        .collect();
    // `share[q]` holds p_uq for the neighbours q of the current u (marked).
    let mut mark = vec![usize::MAX; n];
    let mut share = vec![0.0f64; n];
    (0..n)
        .map(|u| {
            if g.degree(u) == 0 {
                return None;
            }
            let su = strength[u];
            for (i, &q) in g.neighbors(u).iter().enumerate() {
                mark[q as usize] = u;
                share[q as usize] = if su == 0.0 { 0.0 } else { w(u, i) / su };
            }
            let mut size = 0.0;
            for &v in g.neighbors(u) {
                let v = v as usize;
                let mv = strongest[v];
                let mut r = 0.0;
                for (j, &q) in g.neighbors(v).iter().enumerate() {
                    let q = q as usize;
                    if mark[q] == u && mv != 0.0 {
                        r += share[q] * (w(v, j) / mv);
                    }
                }
                size += 1.0 - r;
            }
            Some(size)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_groups() {
        let (x, y, z) = (Some(0), Some(1), Some(2));
        assert_eq!(Role::of(x, x, x), Role::Coordinator);
        assert_eq!(Role::of(x, y, x), Role::Itinerant);
        assert_eq!(Role::of(x, x, y), Role::Representative);
        assert_eq!(Role::of(y, x, x), Role::Gatekeeper);
        assert_eq!(Role::of(x, y, z), Role::Liaison);
        assert_eq!(Role::of(None, None, None), Role::Liaison);
    }

    #[test]
    fn star_constraint() {
        // The centre of a star with k leaves has constraint 1/k and effective size k.
        let g = Adjacency::from_edges(4, [(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let c = constraint(&g, false);
        assert!((c[0].unwrap() - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(c[1], Some(1.0));
        assert_eq!(effective_size(&g, false)[0], Some(3.0));
    }
}
