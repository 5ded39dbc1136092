//! What the network map lays out: every organization and every person as a
//! node, a spring for every tie (its trust as weight), and a spring between
//! each person and their organization so colleagues gather around it.

use crate::network::{Network, NetworkError, NodeRef};

/// The weight of the spring between a person and their organization: that
/// of a tie of middling trust.
pub const MEMBERSHIP_WEIGHT: f64 = 3.0;

/// The nodes and springs of a network's map, ready for [`super::Layout::sync`].
#[derive(Debug, Clone, PartialEq)]
pub struct MapGraph {
    /// Organizations first, then people, each in the network's order.
    pub nodes: Vec<NodeRef>,
    /// Ties (weight = trust 1–5), then memberships (weight [`MEMBERSHIP_WEIGHT`]).
    pub springs: Vec<(NodeRef, NodeRef, f64)>,
}

impl MapGraph {
    /// The springs as [`super::Layout::sync`] takes them.
    pub fn spring_refs(&self) -> impl Iterator<Item = (&NodeRef, &NodeRef, f64)> + '_ {
        self.springs.iter().map(|(a, b, w)| (a, b, *w))
    }
}

/// The map of a network; fails when the network itself is invalid (a tie or
/// a person naming someone or something that is not in it).
pub fn map_graph(network: &Network) -> Result<MapGraph, NetworkError> {
    network.validate()?;
    let nodes = network
        .organizations
        .iter()
        .map(|o| NodeRef::organization(o.id.clone()))
        .chain(network.people.iter().map(|p| NodeRef::person(p.id.clone())))
        .collect();
    let springs = network
        .ties
        .iter()
        .map(|t| (t.from.clone(), t.to.clone(), f64::from(t.trust.get())))
        .chain(network.people.iter().filter_map(|p| {
            p.organization.as_ref().map(|o| {
                (
                    NodeRef::person(p.id.clone()),
                    NodeRef::organization(o.clone()),
                    MEMBERSHIP_WEIGHT,
                )
            })
        }))
        .collect();
    Ok(MapGraph { nodes, springs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::layout::Layout;
    use crate::network::{Organization, Person, Sector, Tie, TieKind, Trust};

    fn network() -> Network {
        let org = |id: &str, sector| Organization {
            id: id.into(),
            name: id.to_uppercase(),
            sector,
            tags: vec![],
        };
        let person = |id: &str, org: Option<&str>| Person {
            id: id.into(),
            name: id.to_uppercase(),
            organization: org.map(Into::into),
            role: String::new(),
            level: None,
        };
        let tie = |from: NodeRef, to: NodeRef, trust| Tie {
            from,
            to,
            kind: TieKind::Collaborates,
            trust: Trust::new(trust).unwrap(),
            directed: false,
            note: String::new(),
        };
        Network {
            organizations: vec![
                org("city", Sector::Government),
                org("bank", Sector::Business),
            ],
            people: vec![
                person("ana", Some("city")),
                person("ben", Some("bank")),
                person("eve", None),
            ],
            ties: vec![
                tie(NodeRef::person("ana"), NodeRef::person("ben"), 5),
                tie(
                    NodeRef::organization("city"),
                    NodeRef::organization("bank"),
                    2,
                ),
                tie(NodeRef::person("eve"), NodeRef::person("ben"), 1),
            ],
        }
    }

    #[test]
    fn the_map_has_every_node_tie_and_membership() {
        let map = map_graph(&network()).unwrap();
        assert_eq!(
            map.nodes,
            vec![
                NodeRef::organization("city"),
                NodeRef::organization("bank"),
                NodeRef::person("ana"),
                NodeRef::person("ben"),
                NodeRef::person("eve"),
            ]
        );
        assert_eq!(
            map.springs,
            vec![
                (NodeRef::person("ana"), NodeRef::person("ben"), 5.0),
                (
                    NodeRef::organization("city"),
                    NodeRef::organization("bank"),
                    2.0
                ),
                (NodeRef::person("eve"), NodeRef::person("ben"), 1.0),
                (
                    NodeRef::person("ana"),
                    NodeRef::organization("city"),
                    MEMBERSHIP_WEIGHT
                ),
                (
                    NodeRef::person("ben"),
                    NodeRef::organization("bank"),
                    MEMBERSHIP_WEIGHT
                ),
            ]
        );
        let mut layout = Layout::new(1);
        layout.sync(&map.nodes, map.spring_refs()).unwrap();
        while !layout.settled() {
            layout.step();
        }
        let p = |r: NodeRef| layout.position(&r).unwrap();
        let d = |a: NodeRef, b: NodeRef| (p(a.clone()).x - p(b.clone()).x).hypot(p(a).y - p(b).y);
        assert!(d(NodeRef::person("ana"), NodeRef::organization("city")) < 60.0);
    }

    #[test]
    fn an_invalid_network_is_refused() {
        let mut net = network();
        net.people[0].organization = Some("nowhere".into());
        let err = map_graph(&net).unwrap_err();
        assert_eq!(err, net.validate().unwrap_err());
    }
}
