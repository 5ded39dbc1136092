//! The network data model: serde shape, validation and its messages, and the
//! graphs built from it (merging of ties, the projection onto organizations,
//! the high-trust graph).

use constellation_core::network::graph::{
    high_trust_graph, organization_graph, person_graph, IndexedNetwork,
};
use constellation_core::network::{Network, NetworkError, NodeRef, Trust};
use petgraph::visit::EdgeRef;
use serde_json::json;

fn base() -> serde_json::Value {
    json!({
        "organizations": [
            {"id": "city", "name": "City Hall", "sector": "government", "tags": ["funder"]},
            {"id": "acme", "name": "Acme", "sector": "business"},
            {"id": "food", "name": "Food Bank", "sector": "civil_society"}
        ],
        "people": [
            {"id": "ana", "name": "Ana", "organization": "city", "role": "planner", "level": "mid"},
            {"id": "bea", "name": "Bea", "organization": "acme", "level": "senior"},
            {"id": "cal", "name": "Cal", "organization": "acme"},
            {"id": "fay", "name": "Fay", "organization": "food"},
            {"id": "zoe", "name": "Zoe"}
        ],
        "ties": [
            {"from": {"person": "ana"}, "to": {"person": "bea"}, "kind": "collaborates", "trust": 4},
            {"from": {"person": "bea"}, "to": {"person": "ana"}, "kind": "knows", "trust": 2, "directed": true},
            {"from": {"person": "cal"}, "to": {"person": "fay"}, "kind": "knows", "trust": 3},
            {"from": {"person": "ana"}, "to": {"person": "fay"}, "kind": "funds", "trust": 5, "directed": true},
            {"from": {"organization": "city"}, "to": {"organization": "acme"}, "kind": "governs", "trust": 5, "note": "permits"},
            {"from": {"person": "bea"}, "to": {"person": "cal"}, "kind": "collaborates", "trust": 5}
        ]
    })
}

fn network() -> Network {
    serde_json::from_value(base()).expect("a valid network")
}

#[test]
fn reads_and_writes_the_documented_shape() {
    let net = network();
    assert_eq!(net.organizations[0].tags, vec!["funder".to_string()]);
    assert_eq!(net.people[4].organization, None);
    assert_eq!(net.ties[4].from, NodeRef::organization("city"));
    assert_eq!(net.ties[4].note, "permits");
    assert!(net.ties[1].directed && !net.ties[0].directed);
    let back: Network = serde_json::from_str(&serde_json::to_string(&net).unwrap()).unwrap();
    assert_eq!(back, net);
    assert_eq!(serde_json::to_value(net.ties[0].trust).unwrap(), json!(4));
}

/// Each broken input and the exact message a person will read.
#[test]
fn bad_input_is_reported_with_its_place() {
    type Edit = fn(&mut serde_json::Value);
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("trust too high", |v| v["ties"][5]["trust"] = json!(9), "tie 6: trust must be 1–5, found 9"),
        ("trust zero", |v| v["ties"][0]["trust"] = json!(0), "tie 1: trust must be 1–5, found 0"),
        ("trust far out", |v| v["ties"][2]["trust"] = json!(300), "tie 3: trust must be 1–5, found 300"),
        (
            "unknown person",
            |v| v["ties"][1]["to"] = json!({"person": "nobody"}),
            "tie 2: unknown person \"nobody\"",
        ),
        (
            "unknown organization at a tie",
            |v| v["ties"][4]["from"] = json!({"organization": "mars"}),
            "tie 5: unknown organization \"mars\"",
        ),
        (
            "unknown organization of a person",
            |v| v["people"][1]["organization"] = json!("mars"),
            "person \"bea\": unknown organization \"mars\"",
        ),
        (
            "duplicate person",
            |v| v["people"][2]["id"] = json!("ana"),
            "person id \"ana\" is used twice",
        ),
        (
            "duplicate organization",
            |v| v["organizations"][2]["id"] = json!("city"),
            "organization id \"city\" is used twice",
        ),
        (
            "self tie",
            |v| v["ties"][0]["to"] = json!({"person": "ana"}),
            "tie 1: a tie must join two different nodes, found person \"ana\" at both ends",
        ),
        (
            "mixed tie",
            |v| v["ties"][0]["to"] = json!({"organization": "acme"}),
            "tie 1: a tie joins two people or two organizations, not person \"ana\" and organization \"acme\"",
        ),
    ];
    for (name, edit, message) in cases {
        let mut v = base();
        edit(&mut v);
        let err = serde_json::from_value::<Network>(v).expect_err(name);
        assert!(err.to_string().contains(message), "{name}: {err}");
    }
}

#[test]
fn a_network_built_in_code_is_checked_too() {
    let mut net = network();
    net.ties[3].to = NodeRef::person("ghost");
    net.people.push(net.people[0].clone());
    assert_eq!(
        net.problems(),
        vec![
            NetworkError::DuplicatePerson { id: "ana".into() },
            NetworkError::UnknownEndpoint {
                tie: 4,
                endpoint: NodeRef::person("ghost")
            },
        ]
    );
    assert!(IndexedNetwork::new(&net).is_err());
    assert_eq!(
        Trust::new(6).unwrap_err().to_string(),
        "trust must be 1–5, found 6"
    );
}

#[test]
fn person_graph_merges_ties_and_keeps_direction() {
    let net = network();
    let idx = IndexedNetwork::new(&net).unwrap();
    let g = person_graph(&idx);
    assert_eq!(g.node_count(), 5);
    // ana–bea (two ties merged), cal–fay, ana–fay, bea–cal.
    assert_eq!(g.edge_count(), 4);
    let ana_bea = g
        .edge_references()
        .find(|e| (e.source().index(), e.target().index()) == (0, 1))
        .unwrap();
    let bundle = ana_bea.weight();
    assert_eq!(bundle.ties, vec![0, 1]);
    assert_eq!(bundle.max_trust.get(), 4);
    assert!(bundle.forward && bundle.backward);
    // ana → fay is directed: forward only (ana has the lower index).
    let ana_fay = g
        .edge_references()
        .find(|e| (e.source().index(), e.target().index()) == (0, 3))
        .unwrap();
    assert!(ana_fay.weight().forward && !ana_fay.weight().backward);
}

#[test]
fn organization_graph_projects_ties_between_members() {
    let net = network();
    let idx = IndexedNetwork::new(&net).unwrap();
    let g = organization_graph(&idx);
    let link = |a: usize, b: usize| {
        g.edge_references()
            .find(|e| {
                let (s, t) = (e.source().index(), e.target().index());
                (s.min(t), s.max(t)) == (a, b)
            })
            .map(|e| e.weight().clone())
    };
    // city–acme: the direct tie (trust 5) and ana's two ties to bea (4 and 2).
    let ca = link(0, 1).unwrap();
    assert_eq!(
        (ca.direct.len(), ca.through_people.len(), ca.max_trust.get()),
        (1, 2, 5)
    );
    assert!((ca.mean_trust() - 11.0 / 3.0).abs() < 1e-15);
    // acme–food through cal–fay (3); city–food through ana → fay (5).
    assert_eq!(link(1, 2).unwrap().max_trust.get(), 3);
    assert_eq!(link(0, 2).unwrap().tie_count(), 1);
    // bea–cal are colleagues: no self-loop on acme.
    assert_eq!(g.edge_count(), 3);
    let high = high_trust_graph(&g, Trust::new(4).unwrap());
    assert_eq!(high.node_count(), 3);
    assert_eq!(high.edge_count(), 2);
}
