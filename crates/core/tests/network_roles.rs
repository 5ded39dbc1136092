//! Gould–Fernandez brokerage roles on hand-checked two-paths, and the
//! connectors list on a three-sector broker example.

use constellation_core::network::brokerage::{
    brokerage, brokered_group_pairs, Arcs, Role, RoleCounts,
};
use constellation_core::network::graph::Adjacency;
use constellation_core::network::summary::ConnectorReason;
use constellation_core::network::{analyze, AnalysisConfig, Network, Sector};
use serde_json::json;

fn counts(c: [u64; 5]) -> RoleCounts {
    RoleCounts {
        coordinator: c[0],
        itinerant: c[1],
        representative: c[2],
        gatekeeper: c[3],
        liaison: c[4],
    }
}

/// Directed two-paths 0 → 1 → 2 with the groups of (0, 1, 2), and the counts
/// of broker 1.
#[test]
fn each_role_on_one_directed_two_path() {
    let (a, b, c) = (Some(0), Some(1), Some(2));
    let cases = [
        ("coordinator", [a, a, a], [1, 0, 0, 0, 0]),
        ("itinerant", [a, b, a], [0, 1, 0, 0, 0]),
        ("representative", [a, a, b], [0, 0, 1, 0, 0]),
        ("gatekeeper", [b, a, a], [0, 0, 0, 1, 0]),
        ("liaison", [a, b, c], [0, 0, 0, 0, 1]),
        ("no groups at all", [None, None, None], [0, 0, 0, 0, 1]),
    ];
    let arcs = Arcs::from_arcs(3, [(0, 1), (1, 2)]);
    for (name, groups, expected) in cases {
        let r = brokerage(&arcs, &groups);
        assert_eq!(r[1], counts(expected), "{name}");
        assert_eq!(
            r[0],
            RoleCounts::default(),
            "{name}: the ends broker nothing"
        );
        assert_eq!(
            r[2],
            RoleCounts::default(),
            "{name}: the ends broker nothing"
        );
    }
}

#[test]
fn a_closed_triad_is_not_brokered() {
    // 0 → 1 → 2 but 0 also reaches 2 directly: 1 brokers nothing.
    let arcs = Arcs::from_arcs(3, [(0, 1), (1, 2), (0, 2)]);
    assert_eq!(
        brokerage(&arcs, &[Some(0), Some(1), Some(2)])[1],
        RoleCounts::default()
    );
    // The reverse arc 2 → 0 does not close the path 0 → 1 → 2.
    let arcs = Arcs::from_arcs(3, [(0, 1), (1, 2), (2, 0)]);
    assert_eq!(brokerage(&arcs, &[Some(0), Some(1), Some(2)])[1].liaison, 1);
}

#[test]
fn an_undirected_path_counts_both_ways() {
    // 0 – 1 – 2 with groups (x, x, y): read 0→1→2 it is representative, read
    // 2→1→0 it is gatekeeper.
    let g = Adjacency::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0)]);
    let arcs = Arcs::from_undirected(&g);
    let r = brokerage(&arcs, &[Some(0), Some(0), Some(1)]);
    assert_eq!(r[1], counts([0, 0, 1, 1, 0]));
    // A liaison path counts twice in its role.
    let r = brokerage(&arcs, &[Some(0), Some(1), Some(2)]);
    assert_eq!(r[1], counts([0, 0, 0, 0, 2]));
    assert_eq!(r[1].total(), 2);
    assert_eq!(r[1].across_groups(), 2);
}

#[test]
fn group_pairs_of_a_star_broker() {
    // Centre 0 (group 1) with leaves: two of group 0 and one of group 2.
    let g = Adjacency::from_edges(4, [(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
    let arcs = Arcs::from_undirected(&g);
    let groups = [Some(1), Some(0), Some(0), Some(2)];
    let r = brokerage(&arcs, &groups);
    // 1↔2: itinerant both ways (2). 1↔3 and 2↔3: liaison both ways (4).
    assert_eq!(r[0], counts([0, 2, 0, 0, 4]));
    let pairs = brokered_group_pairs(&arcs, &groups, 0);
    assert_eq!(
        pairs,
        vec![
            (Role::Itinerant, Some(0), Some(0), 2),
            (Role::Liaison, Some(0), Some(2), 2),
            (Role::Liaison, Some(2), Some(0), 2),
        ]
    );
}

/// Three sectors, one broker: Ana (government, mid-level) is the only tie
/// between a business pair and a civil-society pair.
fn broker_network() -> Network {
    serde_json::from_value(json!({
        "organizations": [
            {"id": "city", "name": "City Hall", "sector": "government"},
            {"id": "acme", "name": "Acme", "sector": "business"},
            {"id": "food", "name": "Food Bank", "sector": "civil_society"}
        ],
        "people": [
            {"id": "ana", "name": "Ana", "organization": "city", "level": "mid"},
            {"id": "bea", "name": "Bea", "organization": "acme", "level": "senior"},
            {"id": "ben", "name": "Ben", "organization": "acme"},
            {"id": "fay", "name": "Fay", "organization": "food", "level": "junior"},
            {"id": "fox", "name": "Fox", "organization": "food"},
            {"id": "cyd", "name": "Cyd", "organization": "city", "level": "senior"}
        ],
        "ties": [
            {"from": {"person": "ana"}, "to": {"person": "bea"}, "kind": "collaborates", "trust": 4},
            {"from": {"person": "ana"}, "to": {"person": "fay"}, "kind": "collaborates", "trust": 4},
            {"from": {"person": "ana"}, "to": {"person": "cyd"}, "kind": "knows", "trust": 3},
            {"from": {"person": "bea"}, "to": {"person": "ben"}, "kind": "knows", "trust": 5},
            {"from": {"person": "fay"}, "to": {"person": "fox"}, "kind": "knows", "trust": 5}
        ]
    }))
    .unwrap()
}

#[test]
fn three_sector_broker_roles() {
    let a = analyze(&broker_network(), &AnalysisConfig::default()).unwrap();
    let ana = &a.people[0];
    // Ana's contacts: bea (business), fay (civil society), cyd (government).
    // bea↔fay: liaison ×2; cyd→ana→bea and cyd→ana→fay: representative ×2;
    // reversed: gatekeeper ×2.
    assert_eq!(ana.brokerage_by_sector, counts([0, 0, 2, 2, 2]));
    // By organization the same, as every contact is in a different one
    // (cyd shares ana's).
    assert_eq!(ana.brokerage_by_organization, counts([0, 0, 2, 2, 2]));
    // Bea brokers ana ↔ ben: ana (government) → bea → ben (business) is a
    // gatekeeper path into business, the reverse a representative path.
    assert_eq!(a.people[1].brokerage_by_sector, counts([0, 0, 1, 1, 0]));
}

#[test]
fn connectors_explain_themselves() {
    let a = analyze(&broker_network(), &AnalysisConfig::default()).unwrap();
    let top = &a.connectors[0];
    assert_eq!(top.person, "ana");
    assert!(top.mid_level);
    let r = &top.reasons;
    assert_eq!(r.len(), 6, "{r:?}");
    assert_eq!(
        r[0],
        ConnectorReason::LinksSectors { sectors: vec![Sector::Government, Sector::Business, Sector::CivilSociety] }
    );
    assert_eq!(
        r[1],
        ConnectorReason::Liaison { paths: 2, between: Some(Sector::Business), and: Some(Sector::CivilSociety) }
    );
    assert_eq!(r[2], ConnectorReason::LinksOrganizations { count: 3 });
    assert!(
        matches!(r[3], ConnectorReason::Betweenness { value, highest: true } if (value - 0.8).abs() < 0.005),
        "{:?}",
        r[3]
    );
    assert!(
        matches!(r[4], ConnectorReason::LowConstraint { value } if (value - 0.33).abs() < 0.005),
        "{:?}",
        r[4]
    );
    assert_eq!(r[5], ConnectorReason::MidLevelStaff);
    // The command line's English words.
    let words: Vec<String> = r.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [
            "links 3 sectors (government, business and civil society)",
            "liaison on 2 paths between business and civil society",
            "links 3 organizations",
            "highest betweenness in the network (0.80)",
            "low constraint 0.33",
            "mid-level staff",
        ]
    );
    // Everyone who brokers anything is listed, best first, ties broken by id.
    let order: Vec<&str> = a.connectors.iter().map(|c| c.person.as_str()).collect();
    assert_eq!(order, vec!["ana", "bea", "fay"]);
    assert!(a.connectors[1]
        .reasons
        .iter()
        .any(|r| *r == ConnectorReason::Represents { paths: 1, own: Some(Sector::Business), towards: Some(Sector::Government) }
            || *r == ConnectorReason::Gatekeeper { paths: 1, own: Some(Sector::Business), from: Some(Sector::Government) }));
    assert!(a.connectors[2].mid_level, "junior staff are flagged too");
    assert!(a.connectors[2]
        .reasons
        .contains(&ConnectorReason::JuniorStaff));
}
