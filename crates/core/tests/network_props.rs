//! Property tests: every metric is a property of the network, not of the
//! order its nodes happen to be stored in. Relabel the nodes (or reorder the
//! people and ties of a network) and each node keeps its values.

use std::collections::BTreeSet;

use constellation_core::network::brokerage::{brokerage, constraint, effective_size, Arcs};
use constellation_core::network::centrality::{
    degree_centrality, eigenvector, path_sweep, weighted_betweenness,
};
use constellation_core::network::community::modularity;
use constellation_core::network::graph::Adjacency;
use constellation_core::network::heterarchy::maximal_cliques;
use constellation_core::network::structure::{components, core_numbers, cut_sets};
use constellation_core::network::{
    analyze, AnalysisConfig, Network, NodeRef, Organization, Person, Sector, Tie, TieKind, Trust,
};
use proptest::prelude::*;

/// A graph on `n` nodes with trust-like weights, a relabelling, a grouping and a partition.
#[derive(Debug, Clone)]
struct Case {
    n: usize,
    edges: Vec<(usize, usize, f64)>,
    perm: Vec<usize>,
    groups: Vec<Option<u32>>,
    labels: Vec<usize>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..18).prop_flat_map(|n| {
        (
            prop::collection::vec((0..n, 0..n, 1u8..=5), 0..40),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            prop::collection::vec(prop::option::weighted(0.8, 0u32..3), n),
            prop::collection::vec(0usize..4, n),
        )
            .prop_map(move |(edges, perm, groups, labels)| Case {
                n,
                edges: edges
                    .into_iter()
                    .map(|(u, v, w)| (u, v, f64::from(w)))
                    .collect(),
                perm,
                groups,
                labels,
            })
    })
}

fn relabel(c: &Case) -> Adjacency {
    Adjacency::from_edges(
        c.n,
        c.edges.iter().map(|&(u, v, w)| (c.perm[u], c.perm[v], w)),
    )
}

/// `after[perm[i]]` must equal `before[i]`.
fn same<T: PartialEq + std::fmt::Debug + Copy>(
    before: &[T],
    after: &[T],
    perm: &[usize],
    eq: impl Fn(T, T) -> bool,
) -> bool {
    before
        .iter()
        .enumerate()
        .all(|(i, &b)| eq(b, after[perm[i]]))
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

fn near_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => near(a, b),
        (a, b) => a == b,
    }
}

fn mapped_sets(sets: &[Vec<usize>], perm: &[usize]) -> BTreeSet<Vec<usize>> {
    sets.iter()
        .map(|s| {
            let mut m: Vec<usize> = s.iter().map(|&u| perm[u]).collect();
            m.sort_unstable();
            m
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn centralities_ignore_node_order(c in case()) {
        let (g, h) = (Adjacency::from_edges(c.n, c.edges.clone()), relabel(&c));
        let p = &c.perm;
        prop_assert!(same(&degree_centrality(&g), &degree_centrality(&h), p, near));
        let (s, t) = (path_sweep(&g), path_sweep(&h));
        prop_assert!(same(&s.betweenness, &t.betweenness, p, near));
        prop_assert!(same(&s.closeness, &t.closeness, p, near));
        prop_assert!(same(&s.eccentricity, &t.eccentricity, p, |a, b| a == b));
        let lengths = |g: &Adjacency| g.map_weights(|w| 60.0 / w);
        let (wb, wc) = (weighted_betweenness(&lengths(&g)).unwrap(), weighted_betweenness(&lengths(&h)).unwrap());
        prop_assert!(same(&wb, &wc, p, near));
        for weighted in [false, true] {
            let (e, f) = (eigenvector(&g, weighted, 1e-12, 10_000), eigenvector(&h, weighted, 1e-12, 10_000));
            prop_assert_eq!(e.is_ok(), f.is_ok());
            if let (Ok(e), Ok(f)) = (e, f) {
                prop_assert!(same(&e, &f, p, near));
            }
            prop_assert!(same(&constraint(&g, weighted), &constraint(&h, weighted), p, near_opt));
            prop_assert!(same(&effective_size(&g, weighted), &effective_size(&h, weighted), p, near_opt));
        }
    }

    #[test]
    fn structure_ignores_node_order(c in case()) {
        let (g, h) = (Adjacency::from_edges(c.n, c.edges.clone()), relabel(&c));
        let p = &c.perm;
        prop_assert!(same(&core_numbers(&g), &core_numbers(&h), p, |a, b| a == b));
        let (x, y) = (cut_sets(&g), cut_sets(&h));
        let aps: BTreeSet<usize> = x.articulation_points.iter().map(|&u| p[u]).collect();
        prop_assert_eq!(aps, y.articulation_points.iter().copied().collect::<BTreeSet<_>>());
        let bridges: BTreeSet<(usize, usize)> =
            x.bridges.iter().map(|&(u, v)| (p[u].min(p[v]), p[u].max(p[v]))).collect();
        prop_assert_eq!(bridges, y.bridges.iter().copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(mapped_sets(&components(&g), p), components(&h).into_iter().collect::<BTreeSet<_>>());
        prop_assert_eq!(mapped_sets(&maximal_cliques(&g), p), maximal_cliques(&h).into_iter().collect::<BTreeSet<_>>());
        let mut moved = vec![0; c.n];
        for (i, &l) in c.labels.iter().enumerate() {
            moved[p[i]] = l;
        }
        for weighted in [false, true] {
            prop_assert!(near(modularity(&g, weighted, &c.labels, 1.0), modularity(&h, weighted, &moved, 1.0)));
        }
    }

    #[test]
    fn brokerage_ignores_node_order(c in case()) {
        let (g, h) = (Adjacency::from_edges(c.n, c.edges.clone()), relabel(&c));
        let mut moved = vec![None; c.n];
        for (i, &grp) in c.groups.iter().enumerate() {
            moved[c.perm[i]] = grp;
        }
        let a = brokerage(&Arcs::from_undirected(&g), &c.groups);
        let b = brokerage(&Arcs::from_undirected(&h), &moved);
        prop_assert!(same(&a, &b, &c.perm, |x, y| x == y));
    }

    /// Reordering the people and the ties of a network changes nothing a
    /// person is measured by.
    #[test]
    fn analysis_ignores_the_order_of_people_and_ties(
        c in case(),
        orgs in prop::collection::vec(prop::option::weighted(0.85, 0usize..5), 18),
        tie_order in Just((0..40).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let sectors = [Sector::Government, Sector::Business, Sector::CivilSociety, Sector::Government, Sector::Other];
        let organizations: Vec<Organization> = sectors.iter().enumerate().map(|(i, &sector)| Organization {
            id: format!("o{i}"), name: format!("Org {i}"), sector, tags: vec![],
        }).collect();
        let person = |i: usize| Person {
            id: format!("p{i}"), name: format!("Person {i}"), organization: orgs[i].map(|o| format!("o{o}")),
            role: String::new(), level: None,
        };
        let tie = |(u, v, w): (usize, usize, f64), directed: bool| Tie {
            from: NodeRef::person(format!("p{u}")), to: NodeRef::person(format!("p{v}")),
            kind: TieKind::Knows, trust: Trust::new(w as i64).unwrap(), directed, note: String::new(),
        };
        let ties: Vec<(usize, usize, f64)> = c.edges.iter().copied().filter(|&(u, v, _)| u != v).collect();
        let one = Network {
            organizations: organizations.clone(),
            people: (0..c.n).map(person).collect(),
            ties: ties.iter().enumerate().map(|(k, &t)| tie(t, k % 3 == 0)).collect(),
        };
        // The same network with people in the order of `perm` and ties shuffled.
        let mut people_order: Vec<usize> = (0..c.n).collect();
        people_order.sort_by_key(|&i| c.perm[i]);
        let ties_order: Vec<usize> = tie_order.iter().copied().filter(|&k| k < ties.len()).collect();
        let other = Network {
            organizations,
            people: people_order.iter().map(|&i| person(i)).collect(),
            ties: ties_order.iter().map(|&k| tie(ties[k], k % 3 == 0)).collect(),
        };
        let config = AnalysisConfig { top_connectors: 1000, ..AnalysisConfig::default() };
        let (a, b) = (analyze(&one, &config).unwrap(), analyze(&other, &config).unwrap());
        for pa in &a.people {
            let pb = b.people.iter().find(|x| x.id == pa.id).unwrap();
            prop_assert!(near(pa.betweenness, pb.betweenness) && near(pa.weighted_betweenness, pb.weighted_betweenness));
            prop_assert!(near(pa.closeness, pb.closeness) && near(pa.degree_centrality, pb.degree_centrality));
            prop_assert!(near_opt(pa.eigenvector, pb.eigenvector));
            prop_assert!(near_opt(pa.constraint, pb.constraint) && near_opt(pa.effective_size, pb.effective_size));
            prop_assert_eq!(pa.core_number, pb.core_number);
            prop_assert_eq!(pa.brokerage_by_sector, pb.brokerage_by_sector);
            prop_assert_eq!(pa.brokerage_by_organization, pb.brokerage_by_organization);
        }
        let scores = |x: &constellation_core::network::Analysis| {
            x.connectors.iter().map(|c| (c.person.clone(), (c.score * 1e9).round() as i64)).collect::<BTreeSet<_>>()
        };
        prop_assert_eq!(scores(&a), scores(&b));
        let het = |x: &constellation_core::network::Analysis| {
            x.heterarchies.iter().map(|h| h.organizations.clone()).collect::<BTreeSet<_>>()
        };
        prop_assert_eq!(het(&a), het(&b));
        let cuts = |x: &constellation_core::network::Analysis| {
            x.resilience.cut_points.iter().map(|w| w.removed.clone()).collect::<BTreeSet<_>>()
        };
        prop_assert_eq!(cuts(&a), cuts(&b));
        prop_assert_eq!(&a.silos.by_sector, &b.silos.by_sector);
        prop_assert_eq!(&a.silos.by_organization, &b.silos.by_organization);
    }
}
