//! The graphs the analysis reads, built from a checked [`Network`], and the
//! compact adjacency ([`Adjacency`]) every algorithm runs on.
//!
//! Three graphs come from one network, each a petgraph `UnGraph` whose node `i`
//! is person (or organization) `i` of the network, in the network's order:
//!
//! * The **person graph**: people, and one edge per pair of people that has at
//!   least one tie. Several ties between the same pair (say "knows" and
//!   "collaborates") merge into one edge whose trust is the strongest of them.
//!   Colleagues are *not* tied implicitly: a co-membership edge between everyone
//!   in an organization would turn each organization into a clique, drown the
//!   recorded ties and make every colleague look like a broker. Where sharing an
//!   organization matters (who can still reach whom when someone leaves), the
//!   contact graph below adds it explicitly.
//! * The **organization graph**: organizations, and an edge between A and B when
//!   A and B have a direct tie, or when a person of A has a tie to a person of B
//!   (the person-to-organization projection: organizations are tied through the
//!   people who work across them). Each edge keeps the ties behind it, their
//!   count and their strongest trust. A person belongs to at most one
//!   organization, so the projection runs through person–person ties only.
//! * The **high-trust organization graph**: the organization graph keeping only
//!   the pairs joined by at least one tie whose trust reaches a threshold.
//!
//! The **contact graph** (for resilience) holds people and organizations as
//! nodes: person–person ties, organization–organization ties, and an edge from
//! each person to their organization, so colleagues stay in contact through it.

use std::collections::BTreeMap;

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use super::model::{Network, NetworkError, NodeRef, Trust};

/// A simple undirected graph in compressed sparse rows: for node `u`, its
/// neighbours (sorted by index) and the weight of the edge to each.
///
/// Every algorithm of this module runs on it: contiguous neighbour lists keep
/// the O(nm) path sweeps fast, and building one from an edge list lets the
/// reference tests feed NetworkX's graphs in directly.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// Builds a graph on nodes `0..n` from undirected weighted edges.
    ///
    /// Self-loops are dropped (the analysis graphs are simple). When an edge is
    /// listed twice the last weight wins, as with NetworkX's `Graph.add_edge`.
    ///
    /// # Panics
    /// If an endpoint is not below `n`.
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (usize, usize, f64)>) -> Self {
        let mut list: Vec<(u32, u32, usize, f64)> = Vec::new();
        for (k, (u, v, w)) in edges.into_iter().enumerate() {
            assert!(
                u < n && v < n,
                "edge ({u}, {v}) has an endpoint outside 0..{n}"
            );
            if u != v {
                list.push((u as u32, v as u32, k, w));
                list.push((v as u32, u as u32, k, w));
            }
        }
        // Sorting by (source, target, position) puts duplicates side by side with
        // the last-listed one at the end of its run, which is the one kept.
        list.sort_unstable_by_key(|&(u, v, k, _)| (u, v, k));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(list.len());
        let mut weights = Vec::with_capacity(list.len());
        for i in 0..list.len() {
            let (u, v, _, w) = list[i];
            if i + 1 < list.len() && list[i + 1].0 == u && list[i + 1].1 == v {
                continue;
            }
            targets.push(v);
            weights.push(w);
            offsets[u as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Adjacency {
            offsets,
            targets,
            weights,
        }
    }

    /// Builds the adjacency of a petgraph graph, weighing each edge with `weight`.
    pub fn from_petgraph<N, E>(g: &UnGraph<N, E>, weight: impl Fn(&E) -> f64) -> Self {
        let edges = g
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), weight(e.weight())));
        Adjacency::from_edges(g.node_count(), edges)
    }

    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The number of (undirected) edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// The neighbours of `u`, sorted by index.
    #[inline]
    pub fn neighbors(&self, u: usize) -> &[u32] {
        &self.targets[self.offsets[u]..self.offsets[u + 1]]
    }

    /// The weights of the edges to [`Adjacency::neighbors`], in the same order.
    #[inline]
    pub fn weights(&self, u: usize) -> &[f64] {
        &self.weights[self.offsets[u]..self.offsets[u + 1]]
    }

    /// Where `u`'s neighbours start in the flat neighbour array; lets
    /// algorithms keep per-arc data in a buffer of [`Adjacency::targets_len`].
    #[inline]
    pub fn offset(&self, u: usize) -> usize {
        self.offsets[u]
    }

    /// Where each node's neighbours start in [`Adjacency::targets`], and one
    /// more entry where the last node's end: node `u`'s neighbours are
    /// `targets()[offsets()[u]..offsets()[u + 1]]`.
    #[inline]
    pub fn offsets(&self) -> &[usize] {
        &self.offsets
    }

    /// Every node's neighbours, one list after another (see [`Adjacency::offsets`]).
    #[inline]
    pub fn targets(&self) -> &[u32] {
        &self.targets
    }

    /// The number of arcs: twice the number of edges.
    pub fn targets_len(&self) -> usize {
        self.targets.len()
    }

    #[inline]
    pub fn degree(&self, u: usize) -> usize {
        self.offsets[u + 1] - self.offsets[u]
    }

    /// The weight of the edge `u`–`v`, if there is one.
    pub fn edge_weight(&self, u: usize, v: usize) -> Option<f64> {
        let ns = self.neighbors(u);
        ns.binary_search(&(v as u32))
            .ok()
            .map(|i| self.weights(u)[i])
    }

    pub fn has_edge(&self, u: usize, v: usize) -> bool {
        self.neighbors(u).binary_search(&(v as u32)).is_ok()
    }

    /// Every edge once, as `(u, v, weight)` with `u < v`, in order.
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.node_count()).flat_map(move |u| {
            self.neighbors(u)
                .iter()
                .zip(self.weights(u))
                .filter(move |(&v, _)| (v as usize) > u)
                .map(move |(&v, &w)| (u, v as usize, w))
        })
    }

    /// The same graph with every weight replaced by `f(weight)`.
    pub fn map_weights(&self, f: impl Fn(f64) -> f64) -> Adjacency {
        Adjacency {
            offsets: self.offsets.clone(),
            targets: self.targets.clone(),
            weights: self.weights.iter().map(|&w| f(w)).collect(),
        }
    }

    /// The same graph with every weight set to 1.
    pub fn unweighted(&self) -> Adjacency {
        self.map_weights(|_| 1.0)
    }
}

/// One end of a tie, resolved to an index into the network's people or
/// organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum End {
    Person(usize),
    Organization(usize),
}

/// A checked network with its ids resolved to indices, which every graph
/// builder reads. Making one is the only way to get one, so a builder never
/// meets an unknown id.
#[derive(Debug, Clone)]
pub struct IndexedNetwork<'a> {
    pub network: &'a Network,
    person_index: BTreeMap<&'a str, usize>,
    org_index: BTreeMap<&'a str, usize>,
    /// The organization of each person, by index.
    pub person_org: Vec<Option<usize>>,
    /// Both ends of each tie, in the network's order.
    pub tie_ends: Vec<(End, End)>,
}

impl<'a> IndexedNetwork<'a> {
    /// Checks `network` and resolves its ids.
    pub fn new(network: &'a Network) -> Result<Self, NetworkError> {
        network.validate()?;
        let person_index: BTreeMap<&str, usize> = network
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let org_index: BTreeMap<&str, usize> = network
            .organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let person_org = network
            .people
            .iter()
            .map(|p| p.organization.as_deref().map(|o| org_index[o]))
            .collect();
        let resolve = |r: &NodeRef| match r {
            NodeRef::Person(id) => End::Person(person_index[id.as_str()]),
            NodeRef::Organization(id) => End::Organization(org_index[id.as_str()]),
        };
        let tie_ends = network
            .ties
            .iter()
            .map(|t| (resolve(&t.from), resolve(&t.to)))
            .collect();
        Ok(IndexedNetwork {
            network,
            person_index,
            org_index,
            person_org,
            tie_ends,
        })
    }

    pub fn person_count(&self) -> usize {
        self.network.people.len()
    }

    pub fn org_count(&self) -> usize {
        self.network.organizations.len()
    }

    pub fn person(&self, id: &str) -> Option<usize> {
        self.person_index.get(id).copied()
    }

    pub fn organization(&self, id: &str) -> Option<usize> {
        self.org_index.get(id).copied()
    }

    /// The index of a node of the contact graph: people first, then organizations.
    pub fn contact_node(&self, r: &NodeRef) -> Option<usize> {
        match r {
            NodeRef::Person(id) => self.person(id),
            NodeRef::Organization(id) => self.organization(id).map(|o| self.person_count() + o),
        }
    }
}

/// The ties merged into one edge of the person graph.
#[derive(Debug, Clone, PartialEq)]
pub struct TieBundle {
    /// The ties behind the edge, as indices into `Network::ties`.
    pub ties: Vec<usize>,
    /// The strongest trust among them.
    pub max_trust: Trust,
    /// Whether some tie runs from the edge's source to its target (undirected
    /// ties run both ways).
    pub forward: bool,
    /// Whether some tie runs from the edge's target to its source.
    pub backward: bool,
}

/// The edge of the organization graph between two organizations.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgLink {
    /// Direct organization–organization ties, as indices into `Network::ties`.
    pub direct: Vec<usize>,
    /// Person–person ties between members of the two organizations.
    pub through_people: Vec<usize>,
    /// The strongest trust among all those ties.
    pub max_trust: Trust,
    /// The sum of their trust, for the mean.
    pub trust_sum: u32,
}

impl OrgLink {
    /// How many ties join the two organizations.
    pub fn tie_count(&self) -> usize {
        self.direct.len() + self.through_people.len()
    }

    /// The mean trust of those ties.
    pub fn mean_trust(&self) -> f64 {
        f64::from(self.trust_sum) / self.tie_count() as f64
    }
}

/// Merges ties given as (tie index, a, b, forward from a to b, backward) into one
/// edge per unordered pair, in the order pairs first appear.
fn merge_pairs(
    n: usize,
    items: impl Iterator<Item = (usize, usize, usize, bool, bool)>,
    trust: impl Fn(usize) -> Trust,
) -> UnGraph<usize, TieBundle> {
    let mut g = UnGraph::with_capacity(n, 0);
    for i in 0..n {
        g.add_node(i);
    }
    let mut seen: BTreeMap<(usize, usize), petgraph::graph::EdgeIndex> = BTreeMap::new();
    for (t, a, b, fwd, bwd) in items {
        let (lo, hi, f, r) = if a < b {
            (a, b, fwd, bwd)
        } else {
            (b, a, bwd, fwd)
        };
        let tr = trust(t);
        match seen.get(&(lo, hi)) {
            Some(&e) => {
                let bundle: &mut TieBundle = &mut g[e];
                bundle.ties.push(t);
                bundle.max_trust = bundle.max_trust.max(tr);
                bundle.forward |= f;
                bundle.backward |= r;
            }
            None => {
                let e = g.add_edge(
                    NodeIndex::new(lo),
                    NodeIndex::new(hi),
                    TieBundle {
                        ties: vec![t],
                        max_trust: tr,
                        forward: f,
                        backward: r,
                    },
                );
                seen.insert((lo, hi), e);
            }
        }
    }
    g
}

/// The person graph: node `i` is person `i`; one edge per tied pair of people.
/// Every edge's source has the lower index.
pub fn person_graph(net: &IndexedNetwork) -> UnGraph<usize, TieBundle> {
    let ties = &net.network.ties;
    let items = net
        .tie_ends
        .iter()
        .enumerate()
        .filter_map(|(t, ends)| match *ends {
            (End::Person(a), End::Person(b)) => Some((t, a, b, true, !ties[t].directed)),
            _ => None,
        });
    merge_pairs(net.person_count(), items, |t| ties[t].trust)
}

/// The direct organization–organization ties, merged per pair like the person graph.
pub fn direct_org_graph(net: &IndexedNetwork) -> UnGraph<usize, TieBundle> {
    let ties = &net.network.ties;
    let items = net
        .tie_ends
        .iter()
        .enumerate()
        .filter_map(|(t, ends)| match *ends {
            (End::Organization(a), End::Organization(b)) => {
                Some((t, a, b, true, !ties[t].directed))
            }
            _ => None,
        });
    merge_pairs(net.org_count(), items, |t| ties[t].trust)
}

/// The organization graph: direct ties plus the person-to-organization
/// projection. Node `i` is organization `i`.
pub fn organization_graph(net: &IndexedNetwork) -> UnGraph<usize, OrgLink> {
    let mut g = UnGraph::with_capacity(net.org_count(), 0);
    for i in 0..net.org_count() {
        g.add_node(i);
    }
    let mut seen: BTreeMap<(usize, usize), petgraph::graph::EdgeIndex> = BTreeMap::new();
    for (t, ends) in net.tie_ends.iter().enumerate() {
        let (a, b, direct) = match *ends {
            (End::Organization(a), End::Organization(b)) => (a, b, true),
            (End::Person(p), End::Person(q)) => match (net.person_org[p], net.person_org[q]) {
                (Some(a), Some(b)) if a != b => (a, b, false),
                _ => continue,
            },
            _ => continue,
        };
        let key = (a.min(b), a.max(b));
        let trust = net.network.ties[t].trust;
        let e = *seen.entry(key).or_insert_with(|| {
            g.add_edge(
                NodeIndex::new(key.0),
                NodeIndex::new(key.1),
                OrgLink {
                    direct: vec![],
                    through_people: vec![],
                    max_trust: trust,
                    trust_sum: 0,
                },
            )
        });
        let link: &mut OrgLink = &mut g[e];
        if direct {
            link.direct.push(t);
        } else {
            link.through_people.push(t);
        }
        link.max_trust = link.max_trust.max(trust);
        link.trust_sum += u32::from(trust.get());
    }
    g
}

/// The organization graph keeping only pairs joined by at least one tie of
/// trust `threshold` or more. Node indices are unchanged.
pub fn high_trust_graph(
    orgs: &UnGraph<usize, OrgLink>,
    threshold: Trust,
) -> UnGraph<usize, OrgLink> {
    orgs.filter_map(
        |_, &n| Some(n),
        |_, link| (link.max_trust >= threshold).then(|| link.clone()),
    )
}

/// The contact graph: people `0..P`, then organizations `P..P+O`; person–person
/// and organization–organization ties, and each person tied to their organization.
pub fn contact_graph(net: &IndexedNetwork) -> Adjacency {
    let p = net.person_count();
    let mut edges = Vec::with_capacity(net.tie_ends.len() + p);
    for ends in &net.tie_ends {
        match *ends {
            (End::Person(a), End::Person(b)) => edges.push((a, b, 1.0)),
            (End::Organization(a), End::Organization(b)) => edges.push((p + a, p + b, 1.0)),
            _ => {}
        }
    }
    for (i, org) in net.person_org.iter().enumerate() {
        if let Some(o) = org {
            edges.push((i, p + o, 1.0));
        }
    }
    Adjacency::from_edges(p + net.org_count(), edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_keep_the_last_weight_and_loops_are_dropped() {
        let g = Adjacency::from_edges(3, [(0, 1, 1.0), (1, 0, 2.0), (2, 2, 1.0), (1, 2, 3.0)]);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.edge_weight(0, 1), Some(2.0));
        assert_eq!(g.neighbors(1), &[0, 2]);
        assert_eq!(
            g.edges().collect::<Vec<_>>(),
            vec![(0, 1, 2.0), (1, 2, 3.0)]
        );
    }
}
