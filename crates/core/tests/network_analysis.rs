//! `analyze` end to end on a small coalition worked out by hand: heterarchies,
//! silos and balance, resilience and what-ifs, and the health summary.

use constellation_core::network::community::modularity;
use constellation_core::network::graph::{person_graph, Adjacency, IndexedNetwork};
use constellation_core::network::{
    analyze, what_if, Analysis, AnalysisConfig, Found, Network, NodeRef, Sector, Trust,
};
use serde_json::json;
use constellation_core::network::summary::{ConnectorReason, PersonName, SummaryLine};

/// Six organizations in three sectors; Ana links City Hall to Acme and the
/// Food Bank; Bea is Bank's only way in, Fay is Youth Club's.
///
/// High-trust (≥ 4) organization ties: city–acme 5, city–food 5, acme–food 4,
/// county–city 4, county–acme 4, food–youth 4 (through fay–yan); acme–bank is
/// only 2 (bea–dan).
fn coalition() -> Network {
    serde_json::from_value(json!({
        "organizations": [
            {"id": "city", "name": "City Hall", "sector": "government"},
            {"id": "county", "name": "County", "sector": "government"},
            {"id": "acme", "name": "Acme", "sector": "business"},
            {"id": "bank", "name": "Bank", "sector": "business"},
            {"id": "food", "name": "Food Bank", "sector": "civil_society"},
            {"id": "youth", "name": "Youth Club", "sector": "civil_society"}
        ],
        "people": [
            {"id": "ana", "name": "Ana Ruiz", "organization": "city", "level": "mid"},
            {"id": "carl", "name": "Carl", "organization": "city", "level": "senior"},
            {"id": "kim", "name": "Kim", "organization": "county", "level": "senior"},
            {"id": "bea", "name": "Bea", "organization": "acme", "level": "senior"},
            {"id": "ben", "name": "Ben", "organization": "acme", "level": "junior"},
            {"id": "dan", "name": "Dan", "organization": "bank"},
            {"id": "fay", "name": "Fay", "organization": "food", "level": "mid"},
            {"id": "yan", "name": "Yan", "organization": "youth", "level": "senior"},
            {"id": "zoe", "name": "Zoe"}
        ],
        "ties": [
            {"from": {"person": "ana"}, "to": {"person": "carl"}, "kind": "knows", "trust": 4},
            {"from": {"person": "ana"}, "to": {"person": "bea"}, "kind": "collaborates", "trust": 5},
            {"from": {"person": "ana"}, "to": {"person": "fay"}, "kind": "collaborates", "trust": 4},
            {"from": {"person": "carl"}, "to": {"person": "kim"}, "kind": "knows", "trust": 3},
            {"from": {"person": "bea"}, "to": {"person": "ben"}, "kind": "knows", "trust": 5},
            {"from": {"person": "bea"}, "to": {"person": "dan"}, "kind": "collaborates", "trust": 2},
            {"from": {"person": "fay"}, "to": {"person": "yan"}, "kind": "collaborates", "trust": 4},
            {"from": {"person": "yan"}, "to": {"person": "zoe"}, "kind": "knows", "trust": 2},
            {"from": {"organization": "city"}, "to": {"organization": "acme"}, "kind": "funds", "trust": 5},
            {"from": {"organization": "city"}, "to": {"organization": "food"}, "kind": "funds", "trust": 5},
            {"from": {"organization": "acme"}, "to": {"organization": "food"}, "kind": "collaborates", "trust": 4},
            {"from": {"organization": "county"}, "to": {"organization": "city"}, "kind": "governs", "trust": 4},
            {"from": {"organization": "county"}, "to": {"organization": "acme"}, "kind": "collaborates", "trust": 4}
        ]
    }))
    .unwrap()
}

fn run() -> Analysis {
    analyze(&coalition(), &AnalysisConfig::default()).unwrap()
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn heterarchies_rank_three_sectors_then_size_then_trust() {
    let a = run();
    let found: Vec<(Vec<&str>, Found, f64)> = a
        .heterarchies
        .iter()
        .map(|h| (ids(&h.organizations), h.found, h.mean_trust))
        .collect();
    assert_eq!(found.len(), 3);
    // The 2-core {city, county, acme, food}: 3 sectors, 4 members, trust 22/5.
    assert_eq!(found[0].0, vec!["city", "county", "acme", "food"]);
    assert_eq!(found[0].1, Found::Core { k: 2 });
    assert!((found[0].2 - 4.4).abs() < 1e-12);
    // The clique city–acme–food: 3 sectors, trust (5 + 5 + 4) / 3.
    assert_eq!(found[1].0, vec!["city", "acme", "food"]);
    assert_eq!(found[1].1, Found::Clique);
    assert!((found[1].2 - 14.0 / 3.0).abs() < 1e-12);
    // The clique city–county–acme: only 2 sectors.
    assert_eq!(found[2].0, vec!["city", "county", "acme"]);
    assert_eq!(
        a.heterarchies[2].sectors,
        vec![Sector::Government, Sector::Business]
    );
}

#[test]
fn the_trust_threshold_is_adjustable() {
    let strict = AnalysisConfig {
        trust_threshold: Trust::new(5).unwrap(),
        ..AnalysisConfig::default()
    };
    let a = analyze(&coalition(), &strict).unwrap();
    // At 5 only city–acme and city–food remain: a path, no group of three tied together.
    assert!(a.heterarchies.is_empty());
    let loose = AnalysisConfig {
        trust_threshold: Trust::new(2).unwrap(),
        ..AnalysisConfig::default()
    };
    let a = analyze(&coalition(), &loose).unwrap();
    // At 2, acme–bank joins, so the 2-core stays but bank hangs off it.
    assert_eq!(
        ids(&a.heterarchies[0].organizations),
        vec!["city", "county", "acme", "food"]
    );
}

#[test]
fn e_i_indices_count_people_and_organization_ties() {
    let a = run();
    let by_sector: Vec<(u64, u64, Option<f64>)> = a
        .silos
        .by_sector
        .iter()
        .map(|s| (s.ei.external, s.ei.internal, s.ei.index))
        .collect();
    // Government: inside ana–carl, carl–kim, county–city; outside ana–bea,
    // ana–fay, city–acme, city–food, county–acme. Business: inside bea–ben,
    // bea–dan; outside ana–bea, city–acme, acme–food, county–acme. Civil
    // society: inside fay–yan; outside ana–fay, yan–zoe, city–food, acme–food.
    assert_eq!(
        by_sector,
        vec![
            (5, 3, Some(0.25)),
            (4, 2, Some(2.0 / 6.0)),
            (4, 1, Some(0.6)),
            (0, 0, None)
        ]
    );
    let acme = &a.silos.by_organization[2];
    assert_eq!(
        (
            acme.organization.as_str(),
            acme.ei.external,
            acme.ei.internal
        ),
        ("acme", 5, 1)
    );
    // Whole network by sector: 6 inside, 7 across (yan–zoe counts as across).
    assert_eq!(
        (
            a.silos.network_by_sector.external,
            a.silos.network_by_sector.internal
        ),
        (7, 6)
    );
}

#[test]
fn sector_balance_and_communities() {
    let a = run();
    let people = &a.silos.balance_of_people;
    // 3 government, 3 business, 2 civil society, Zoe without a sector.
    assert_eq!((people.counts, people.unassigned), ([3, 3, 2], 1));
    let blau = 1.0 - (9.0 + 9.0 + 4.0) / 64.0;
    assert!((people.blau.unwrap() - blau).abs() < 1e-15);
    assert!((people.normalized.unwrap() - blau * 1.5).abs() < 1e-15);
    let orgs = &a.silos.balance_of_organizations;
    assert!(
        (orgs.normalized.unwrap() - 1.0).abs() < 1e-15,
        "two organizations per sector"
    );
    // Communities cover everyone once, and the reported modularity is theirs.
    let mut everyone: Vec<&str> = a
        .silos
        .communities
        .iter()
        .flat_map(|c| ids(&c.people))
        .collect();
    everyone.sort();
    assert_eq!(
        everyone,
        vec!["ana", "bea", "ben", "carl", "dan", "fay", "kim", "yan", "zoe"]
    );
    let net = coalition();
    let idx = IndexedNetwork::new(&net).unwrap();
    let g = Adjacency::from_petgraph(&person_graph(&idx), |b| f64::from(b.max_trust.get()));
    let labels: Vec<usize> = a.people.iter().map(|p| p.community).collect();
    assert!((modularity(&g, true, &labels, 1.0) - a.silos.modularity).abs() < 1e-15);
    assert!(a.silos.modularity > 0.3);
}

#[test]
fn cut_points_and_bridges_separate_groups() {
    let a = run();
    let cuts: Vec<&NodeRef> = a.resilience.cut_points.iter().map(|c| &c.removed).collect();
    // Fay cuts off Youth Club with Yan and Zoe; Bea cuts off Bank with Dan;
    // Yan cuts off Zoe and Youth Club's node; Dan is Bank's only person.
    assert_eq!(
        cuts,
        vec![
            &NodeRef::person("fay"),
            &NodeRef::person("bea"),
            &NodeRef::person("yan"),
            &NodeRef::person("dan")
        ]
    );
    let fay = &a.resilience.cut_points[0].split;
    assert_eq!(fay.pieces.len(), 2);
    assert_eq!(ids(&fay.pieces[1].organizations), vec!["youth"]);
    assert_eq!(
        (fay.pieces[1].people, ids(&fay.pieces[1].unaffiliated)),
        (2, vec!["zoe"])
    );
    let lost: Vec<(&str, &str)> = fay
        .lost_contact
        .iter()
        .map(|(x, y)| (x.as_str(), y.as_str()))
        .collect();
    assert_eq!(
        lost,
        vec![
            ("acme", "youth"),
            ("bank", "youth"),
            ("city", "youth"),
            ("county", "youth"),
            ("food", "youth")
        ]
    );
    assert!(
        fay.sectors_lost.is_empty(),
        "the Food Bank keeps civil society in contact"
    );
    assert_eq!((fay.components_before, fay.components_after), (1, 2));
    let bridges: Vec<(&NodeRef, &NodeRef)> = a
        .resilience
        .bridges
        .iter()
        .map(|b| (&b.between.0, &b.between.1))
        .collect();
    assert_eq!(
        bridges,
        vec![
            (&NodeRef::person("fay"), &NodeRef::person("yan")),
            (&NodeRef::person("bea"), &NodeRef::person("dan")),
            (&NodeRef::person("yan"), &NodeRef::person("zoe")),
        ]
    );
    // Ana links three organizations, but their own ties keep them in contact.
    assert!(!cuts.contains(&&NodeRef::person("ana")));
}

#[test]
fn what_if_an_organization_leaves() {
    let w = what_if(&coalition(), &NodeRef::organization("acme")).unwrap();
    assert_eq!(ids(&w.people_leaving), vec!["bea", "ben"]);
    assert_eq!(w.split.pieces.len(), 2);
    assert_eq!(ids(&w.split.pieces[1].organizations), vec!["bank"]);
    // Bank was business's only other member: business loses contact with both sectors.
    assert_eq!(
        w.split.sectors_lost,
        vec![
            (Sector::Government, Sector::Business),
            (Sector::Business, Sector::CivilSociety)
        ]
    );
    let nothing = what_if(&coalition(), &NodeRef::person("ana")).unwrap();
    assert_eq!(nothing.split.pieces.len(), 1);
    assert!(nothing.split.lost_contact.is_empty());
    let err = what_if(&coalition(), &NodeRef::person("nobody")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot remove person \"nobody\": it is not in the network"
    );
}

#[test]
fn whole_network_figures() {
    let a = run();
    let w = &a.person_network;
    assert_eq!((w.nodes, w.edges), (9, 8));
    // Nine people, eight ties, no cycle: one tree.
    assert_eq!(w.components.len(), 1);
    assert!((w.density - 8.0 / 36.0).abs() < 1e-15);
    assert_eq!(a.organization_network.edges, 7);
    assert!(a.warnings.is_empty());
    let ana = &a.people[0];
    assert_eq!((ana.id.as_str(), ana.degree), ("ana", 3));
    assert!(ana.betweenness > 0.5);
}

/// The summary's statements as English sentences (their `Display`; the web
/// app writes them from its catalogs).
fn english(summary: &[SummaryLine]) -> Vec<String> {
    summary.iter().map(ToString::to_string).collect()
}

#[test]
fn the_health_summary_reads_aloud() {
    let a = run();
    assert_eq!(
        english(&a.summary),
        vec![
            "The network has 9 people in 6 organizations, joined by 13 ties.",
            "Density is 0.22: 22% of the possible ties between people exist.",
            "Everyone is connected: two people are on average 2.7 steps apart, and at most 5.",
            "The strongest connectors are Ana Ruiz (City Hall), Bea (Acme) and Fay (Food Bank).",
            "Why Ana Ruiz: links 3 sectors (government, business and civil society); highest betweenness in the network (0.75).",
            "Ana Ruiz and Fay are mid-level or junior staff: connectors an organization chart would miss.",
            "3 heterarchies found; the strongest joins City Hall, County, Acme and Food Bank (government, business and civil society) with average trust 4.4.",
            "If Fay (Food Bank) leaves, Youth Club would lose contact with City Hall, County, Acme, Bank and Food Bank.",
            "In all, 4 people are the only link between some part of the network and the rest.",
            "Sector balance is 98% of the ideal (people: government 3, business 3 and civil society 2).",
        ]
    );
    // The statements carry names and numbers as such, for any language.
    assert_eq!(
        a.summary[3],
        SummaryLine::Connectors {
            people: vec![
                PersonName { name: "Ana Ruiz".into(), organization: Some("City Hall".into()) },
                PersonName { name: "Bea".into(), organization: Some("Acme".into()) },
                PersonName { name: "Fay".into(), organization: Some("Food Bank".into()) },
            ]
        }
    );
    let SummaryLine::ConnectorWhy { name, reasons } = &a.summary[4] else { panic!("{:?}", a.summary[4]) };
    assert_eq!(name, "Ana Ruiz");
    assert_eq!(
        reasons[0],
        ConnectorReason::LinksSectors { sectors: vec![Sector::Government, Sector::Business, Sector::CivilSociety] }
    );
    assert!(matches!(reasons[1], ConnectorReason::Betweenness { value, highest: true } if (value - 0.75).abs() < 0.005));
    assert_eq!(
        a.summary[9],
        SummaryLine::SectorBalance {
            balance: a.silos.balance_of_people.normalized.unwrap(),
            people: vec![(Sector::Government, 3), (Sector::Business, 3), (Sector::CivilSociety, 2)],
        }
    );
    assert_eq!(a.summary.iter().map(SummaryLine::kind).collect::<Vec<_>>()[..3], ["size", "density", "connected"]);
}

/// Two sector islands and a newcomer: fragmentation, silos, no heterarchy,
/// a missing sector.
#[test]
fn the_summary_of_a_siloed_network() {
    let net: Network = serde_json::from_value(json!({
        "organizations": [
            {"id": "city", "name": "City Hall", "sector": "government"},
            {"id": "county", "name": "County", "sector": "government"},
            {"id": "acme", "name": "Acme", "sector": "business"}
        ],
        "people": [
            {"id": "ana", "name": "Ana", "organization": "city"},
            {"id": "carl", "name": "Carl", "organization": "city"},
            {"id": "kim", "name": "Kim", "organization": "county"},
            {"id": "bea", "name": "Bea", "organization": "acme"},
            {"id": "ben", "name": "Ben", "organization": "acme"},
            {"id": "bob", "name": "Bob", "organization": "acme"},
            {"id": "new", "name": "Newcomer"}
        ],
        "ties": [
            {"from": {"person": "ana"}, "to": {"person": "carl"}, "kind": "knows", "trust": 4},
            {"from": {"person": "carl"}, "to": {"person": "kim"}, "kind": "knows", "trust": 4},
            {"from": {"person": "ana"}, "to": {"person": "kim"}, "kind": "knows", "trust": 3},
            {"from": {"person": "bea"}, "to": {"person": "ben"}, "kind": "knows", "trust": 5},
            {"from": {"person": "ben"}, "to": {"person": "bob"}, "kind": "knows", "trust": 5},
            {"from": {"person": "bea"}, "to": {"person": "bob"}, "kind": "knows", "trust": 5}
        ]
    }))
    .unwrap();
    let a = analyze(&net, &AnalysisConfig::default()).unwrap();
    assert_eq!(
        english(&a.summary),
        vec![
            "The network has 7 people in 3 organizations, joined by 6 ties.",
            "Density is 0.29: 29% of the possible ties between people exist.",
            "The people fall into 2 separate connected groups that do not reach each other; the largest holds 3 of 7, who are on average 1.0 steps apart.",
            "1 person has no ties yet.",
            "No one connects different organizations or sectors yet.",
            "No heterarchy yet: no three organizations from different sectors are tied together with trust 4 or more.",
            "Government is the most inward-looking sector (E-I index -1.00): all of its ties stay inside it.",
            "Acme keeps to itself: most of its ties stay inside.",
            "If Kim (County) leaves, County would lose contact with City Hall.",
            "Sector balance is 75% of the ideal (people: government 3, business 3 and civil society 0).",
            "No one from civil society takes part yet.",
        ]
    );
    // Kim is County's only person; a tie between the organizations themselves
    // keeps them in contact without her.
    let mut tied = net.clone();
    tied.ties.push(constellation_core::network::Tie {
        from: NodeRef::organization("county"),
        to: NodeRef::organization("city"),
        kind: constellation_core::network::TieKind::Governs,
        trust: Trust::new(3).unwrap(),
        directed: true,
        note: String::new(),
    });
    let a = analyze(&tied, &AnalysisConfig::default()).unwrap();
    assert!(a.summary.contains(&SummaryLine::NoCutPoints));
    // Empty networks still read well.
    let empty = analyze(&Network::default(), &AnalysisConfig::default()).unwrap();
    assert_eq!(
        empty.summary,
        vec![
            SummaryLine::Size { people: 0, organizations: 0, ties: 0 },
            SummaryLine::TooSmall,
        ]
    );
}

/// Whether two JSON values are equal, floats to the last bit but one
/// (serde_json parses floats approximately unless its `float_roundtrip`
/// feature is on).
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-15 * x.abs().max(1.0)
        }
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q)),
        (Object(x), Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn analysis_serializes() {
    let a = run();
    let value = serde_json::to_value(&a).unwrap();
    let back: Analysis = serde_json::from_value(value.clone()).unwrap();
    assert!(same_json(&serde_json::to_value(&back).unwrap(), &value));
    assert_eq!(back.summary, a.summary);
    assert_eq!(
        value["heterarchies"][0]["found"],
        json!({"kind": "core", "k": 2})
    );
    assert_eq!(
        value["resilience"]["cut_points"][0]["removed"],
        json!({"person": "fay"})
    );
}
