//! Resilience: who holds the network together, and what falls apart without them.
//!
//! Everything here runs on the contact graph (see [`super::graph`]): people,
//! organizations, their ties, and each person tied to their own organization.
//! Colleagues stay in touch through their organization, so a person is a cut
//! point only when their leaving would really separate groups, not merely two
//! colleagues who never recorded a tie. Cut points are the people among the
//! articulation points of that graph; bridges are the person–person or
//! organization–organization ties among its bridges (a membership link is not
//! a tie anyone can lose). A what-if removes a person, or an organization
//! together with all its people, and reports the pieces left behind.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::graph::{Adjacency, IndexedNetwork};
use super::model::{NodeRef, OrgId, PersonId, Sector};
use super::structure::cut_sets;

/// One piece of the network left after a removal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// The organizations in the piece, in network order.
    pub organizations: Vec<OrgId>,
    /// How many people are in the piece.
    pub people: usize,
    /// The people in the piece who belong to no organization.
    pub unaffiliated: Vec<PersonId>,
    /// The sectors of its organizations, in [`Sector::ALL`] order.
    pub sectors: Vec<Sector>,
}

/// What disconnects when a node (or a tie) goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// The connected pieces of the contact graph before and after.
    pub components_before: usize,
    pub components_after: usize,
    /// The pieces the affected part of the network falls into, largest first.
    /// One piece means nothing disconnects.
    pub pieces: Vec<Piece>,
    /// Pairs of organizations that were in contact and no longer are.
    pub lost_contact: Vec<(OrgId, OrgId)>,
    /// Pairs of sectors that were in contact somewhere and no longer are anywhere.
    pub sectors_lost: Vec<(Sector, Sector)>,
}

/// A what-if: the removal of a person, or of an organization with its people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatIf {
    pub removed: NodeRef,
    /// Everyone who leaves: the person, or the organization's people.
    pub people_leaving: Vec<PersonId>,
    #[serde(flatten)]
    pub split: Split,
}

/// A tie whose loss would separate groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BridgeTie {
    pub between: (NodeRef, NodeRef),
    #[serde(flatten)]
    pub split: Split,
}

/// The network's weak points.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Resilience {
    /// People whose leaving separates groups, the most separating first.
    pub cut_points: Vec<WhatIf>,
    /// Ties whose loss separates groups, the most separating first.
    pub bridges: Vec<BridgeTie>,
}

/// Connected components of the contact graph without some nodes and
/// optionally one edge, as a component id per node (`usize::MAX` if removed).
fn label_components(
    g: &Adjacency,
    removed: &[bool],
    cut: Option<(usize, usize)>,
) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let mut label = vec![usize::MAX; n];
    let mut queue = Vec::new();
    let mut count = 0;
    for s in 0..n {
        if removed[s] || label[s] != usize::MAX {
            continue;
        }
        label[s] = count;
        queue.clear();
        queue.push(s);
        while let Some(v) = queue.pop() {
            for &w in g.neighbors(v) {
                let w = w as usize;
                let is_cut = cut.is_some_and(|(a, b)| (a, b) == (v, w) || (b, a) == (v, w));
                if !removed[w] && label[w] == usize::MAX && !is_cut {
                    label[w] = count;
                    queue.push(w);
                }
            }
        }
        count += 1;
    }
    (label, count)
}

/// Sector pairs in contact: some component holds organizations of both.
fn sector_contacts(net: &IndexedNetwork, label: &[usize]) -> BTreeSet<(Sector, Sector)> {
    let p = net.person_count();
    let mut by_comp: std::collections::BTreeMap<usize, BTreeSet<Sector>> = Default::default();
    for (o, org) in net.network.organizations.iter().enumerate() {
        if label[p + o] != usize::MAX {
            by_comp.entry(label[p + o]).or_default().insert(org.sector);
        }
    }
    let mut out = BTreeSet::new();
    for sectors in by_comp.values() {
        for &a in sectors {
            for &b in sectors {
                if a < b {
                    out.insert((a, b));
                }
            }
        }
    }
    out
}

/// Compares the contact graph before and after removing `removed` nodes (and
/// the edge `cut`), describing the pieces of the part that was touched.
fn split(
    net: &IndexedNetwork,
    g: &Adjacency,
    removed: &[bool],
    cut: Option<(usize, usize)>,
) -> Split {
    let n = g.node_count();
    let p = net.person_count();
    let nothing = vec![false; n];
    let (before, components_before) = label_components(g, &nothing, None);
    let (after, components_after) = label_components(g, removed, cut);
    // The touched component: the one holding the removed nodes or the cut edge.
    let touched = (0..n)
        .find(|&u| removed[u])
        .or(cut.map(|(a, _)| a))
        .map(|u| before[u]);
    let mut piece_of: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for u in 0..n {
        if Some(before[u]) == touched && after[u] != usize::MAX {
            piece_of.entry(after[u]).or_default().push(u);
        }
    }
    let mut pieces: Vec<Vec<usize>> = piece_of.into_values().collect();
    pieces.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let orgs_of = |nodes: &[usize]| -> Vec<usize> {
        nodes.iter().filter(|&&u| u >= p).map(|&u| u - p).collect()
    };
    let mut lost_contact = Vec::new();
    for i in 0..pieces.len() {
        for j in i + 1..pieces.len() {
            for a in orgs_of(&pieces[i]) {
                for b in orgs_of(&pieces[j]) {
                    let (a, b) = (a.min(b), a.max(b));
                    let orgs = &net.network.organizations;
                    lost_contact.push((orgs[a].id.clone(), orgs[b].id.clone()));
                }
            }
        }
    }
    lost_contact.sort();
    let sectors_lost = sector_contacts(net, &before)
        .difference(&sector_contacts(net, &after))
        .copied()
        .collect();
    let pieces = pieces
        .iter()
        .map(|nodes| {
            let orgs = orgs_of(nodes);
            let sectors: BTreeSet<Sector> = orgs
                .iter()
                .map(|&o| net.network.organizations[o].sector)
                .collect();
            Piece {
                organizations: orgs
                    .iter()
                    .map(|&o| net.network.organizations[o].id.clone())
                    .collect(),
                people: nodes.iter().filter(|&&u| u < p).count(),
                unaffiliated: nodes
                    .iter()
                    .filter(|&&u| u < p && net.person_org[u].is_none())
                    .map(|&u| net.network.people[u].id.clone())
                    .collect(),
                sectors: sectors.into_iter().collect(),
            }
        })
        .collect();
    Split {
        components_before,
        components_after,
        pieces,
        lost_contact,
        sectors_lost,
    }
}

/// Why a what-if could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot remove {0}: it is not in the network")]
pub struct UnknownNode(pub NodeRef);

/// What disconnects if `node` leaves: a person, or an organization together
/// with all its people. `contact` is [`super::graph::contact_graph`] of `net`.
pub fn what_if_remove(
    net: &IndexedNetwork,
    contact: &Adjacency,
    node: &NodeRef,
) -> Result<WhatIf, UnknownNode> {
    let idx = net
        .contact_node(node)
        .ok_or_else(|| UnknownNode(node.clone()))?;
    let mut removed = vec![false; contact.node_count()];
    removed[idx] = true;
    let mut people_leaving = Vec::new();
    match node {
        NodeRef::Person(id) => people_leaving.push(id.clone()),
        NodeRef::Organization(_) => {
            let o = idx - net.person_count();
            for (i, org) in net.person_org.iter().enumerate() {
                if *org == Some(o) {
                    removed[i] = true;
                    people_leaving.push(net.network.people[i].id.clone());
                }
            }
        }
    }
    Ok(WhatIf {
        removed: node.clone(),
        people_leaving,
        split: split(net, contact, &removed, None),
    })
}

/// How much a split separates: organizations, then people, outside its largest piece.
fn severity(s: &Split) -> (usize, usize) {
    let rest = s.pieces.iter().skip(1);
    (
        rest.clone().map(|p| p.organizations.len()).sum(),
        rest.map(|p| p.people).sum(),
    )
}

/// The cut points and bridges of the network, the most separating first.
pub fn resilience(net: &IndexedNetwork, contact: &Adjacency) -> Resilience {
    let p = net.person_count();
    let cuts = cut_sets(contact);
    let node_ref = |u: usize| {
        if u < p {
            NodeRef::Person(net.network.people[u].id.clone())
        } else {
            NodeRef::Organization(net.network.organizations[u - p].id.clone())
        }
    };
    let mut cut_points: Vec<WhatIf> = cuts
        .articulation_points
        .iter()
        .filter(|&&u| u < p)
        .map(|&u| what_if_remove(net, contact, &node_ref(u)).expect("a node of the contact graph"))
        .collect();
    cut_points.sort_by(|a, b| {
        severity(&b.split)
            .cmp(&severity(&a.split))
            .then(a.removed.cmp(&b.removed))
    });
    let nothing = vec![false; contact.node_count()];
    let is_membership = |a: usize, b: usize| (a < p) != (b < p);
    let mut bridges: Vec<BridgeTie> = cuts
        .bridges
        .iter()
        .filter(|&&(a, b)| !is_membership(a, b))
        .map(|&(a, b)| BridgeTie {
            between: (node_ref(a), node_ref(b)),
            split: split(net, contact, &nothing, Some((a, b))),
        })
        .collect();
    bridges.sort_by(|a, b| {
        severity(&b.split)
            .cmp(&severity(&a.split))
            .then(a.between.cmp(&b.between))
    });
    Resilience {
        cut_points,
        bridges,
    }
}
