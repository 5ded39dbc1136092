//! The network's plain data: organizations, people and the ties between them, and
//! the checks that make a [`Network`] safe to analyze.
//!
//! These are serde types of the document/export format. A [`Network`] read with
//! serde is checked as a whole while it is read, so a bad tie is reported with its
//! number ("tie 14: trust must be 1–5, found 9"); a `Network` built in code is
//! checked by [`Network::validate`] (the analysis does so before it starts).
//! Ties are numbered from 1 in messages, the way a person counts rows.

use std::fmt;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// The id of an organization, unique among organizations.
pub type OrgId = String;
/// The id of a person, unique among people.
pub type PersonId = String;

/// The part of society an organization belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Government,
    Business,
    CivilSociety,
    Other,
}

impl Sector {
    /// Every sector, in the order reports list them.
    pub const ALL: [Sector; 4] = [
        Sector::Government,
        Sector::Business,
        Sector::CivilSociety,
        Sector::Other,
    ];
    /// The three sectors a cross-sector coalition is meant to balance.
    pub const MAIN: [Sector; 3] = [Sector::Government, Sector::Business, Sector::CivilSociety];

    /// The sector's name as a sentence uses it ("civil society").
    pub fn label(self) -> &'static str {
        match self {
            Sector::Government => "government",
            Sector::Business => "business",
            Sector::CivilSociety => "civil society",
            Sector::Other => "other",
        }
    }

    /// The position of the sector in [`Sector::ALL`], for small per-sector arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How senior a person is in their organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Senior,
    Mid,
    Junior,
}

/// What a tie means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    Collaborates,
    Knows,
    Funds,
    Governs,
    Other,
}

/// How much the two ends of a tie trust each other: 1 (barely) to 5 (fully).
///
/// A `Trust` is always in range: [`Trust::new`] and serde both refuse anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Trust(u8);

/// A trust value outside 1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("trust must be 1–5, found {0}")]
pub struct TrustOutOfRange(pub i64);

impl Trust {
    pub const MIN: Trust = Trust(1);
    pub const MAX: Trust = Trust(5);

    /// Checks that `value` is 1–5.
    pub fn new(value: i64) -> Result<Trust, TrustOutOfRange> {
        if (1..=5).contains(&value) {
            Ok(Trust(value as u8))
        } else {
            Err(TrustOutOfRange(value))
        }
    }

    /// The trust as a number, 1–5.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The length of a tie of this trust when paths are weighed: 60 / trust.
    ///
    /// Stronger trust makes a shorter path (the usual "distance = 1 / strength"
    /// rule). Scaling by 60, the least common multiple of 1–5, keeps every path
    /// length an exact integer, so two paths of equal length tie exactly in
    /// floating point and weighted betweenness splits credit between them, as it
    /// would with exact arithmetic.
    pub fn distance(self) -> f64 {
        60.0 / f64::from(self.0)
    }
}

impl TryFrom<i64> for Trust {
    type Error = TrustOutOfRange;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Trust::new(value)
    }
}

impl From<Trust> for u8 {
    fn from(t: Trust) -> u8 {
        t.0
    }
}

impl Default for Trust {
    /// A neutral middle value for ties entered without a trust.
    fn default() -> Self {
        Trust(3)
    }
}

/// One end of a tie: a person or an organization, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeRef {
    Person(PersonId),
    Organization(OrgId),
}

impl NodeRef {
    pub fn person(id: impl Into<String>) -> Self {
        NodeRef::Person(id.into())
    }
    pub fn organization(id: impl Into<String>) -> Self {
        NodeRef::Organization(id.into())
    }
    /// The id, whichever kind of node it names.
    pub fn id(&self) -> &str {
        match self {
            NodeRef::Person(id) | NodeRef::Organization(id) => id,
        }
    }
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeRef::Person(id) => write!(f, "person {id:?}"),
            NodeRef::Organization(id) => write!(f, "organization {id:?}"),
        }
    }
}

/// An organization of the coalition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: OrgId,
    pub name: String,
    pub sector: Sector,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A person, who works for at most one organization of the coalition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    pub organization: Option<OrgId>,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub level: Option<Level>,
}

/// A tie between two people or between two organizations.
///
/// An undirected tie (`directed: false`) works both ways; a directed one runs
/// from `from` to `to`. Only brokerage roles look at direction: every other
/// measure reads ties as undirected, as NetworkX does on an undirected graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tie {
    pub from: NodeRef,
    pub to: NodeRef,
    pub kind: TieKind,
    pub trust: Trust,
    #[serde(default)]
    pub directed: bool,
    #[serde(default)]
    pub note: String,
}

/// Why a network cannot be analyzed. Ties are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkError {
    #[error("organization id {id:?} is used twice")]
    DuplicateOrganization { id: OrgId },
    #[error("person id {id:?} is used twice")]
    DuplicatePerson { id: PersonId },
    #[error("person {person:?}: unknown organization {organization:?}")]
    UnknownOrganization {
        person: PersonId,
        organization: OrgId,
    },
    #[error("tie {tie}: unknown {endpoint}")]
    UnknownEndpoint { tie: usize, endpoint: NodeRef },
    #[error("tie {tie}: trust must be 1–5, found {found}")]
    TrustOutOfRange { tie: usize, found: i64 },
    #[error("tie {tie}: a tie must join two different nodes, found {endpoint} at both ends")]
    SelfTie { tie: usize, endpoint: NodeRef },
    #[error("tie {tie}: a tie joins two people or two organizations, not {from} and {to}")]
    MixedTie {
        tie: usize,
        from: NodeRef,
        to: NodeRef,
    },
}

/// Organizations, people and ties: everything the network analysis reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawNetwork")]
pub struct Network {
    #[serde(default)]
    pub organizations: Vec<Organization>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub ties: Vec<Tie>,
}

impl Network {
    /// The first problem that keeps this network from being analyzed, if any.
    pub fn validate(&self) -> Result<(), NetworkError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every problem, in the order of the data, so a form can mark them all.
    pub fn problems(&self) -> Vec<NetworkError> {
        let mut out = Vec::new();
        // Fx hashes: a 20,000-entry network is checked on the page.
        let mut orgs = FxHashSet::default();
        for o in &self.organizations {
            if !orgs.insert(o.id.as_str()) {
                out.push(NetworkError::DuplicateOrganization { id: o.id.clone() });
            }
        }
        let mut people = FxHashSet::default();
        for p in &self.people {
            if !people.insert(p.id.as_str()) {
                out.push(NetworkError::DuplicatePerson { id: p.id.clone() });
            }
            if let Some(org) = &p.organization {
                if !orgs.contains(org.as_str()) {
                    out.push(NetworkError::UnknownOrganization {
                        person: p.id.clone(),
                        organization: org.clone(),
                    });
                }
            }
        }
        for (i, t) in self.ties.iter().enumerate() {
            let tie = i + 1;
            let known = |r: &NodeRef| match r {
                NodeRef::Person(id) => people.contains(id.as_str()),
                NodeRef::Organization(id) => orgs.contains(id.as_str()),
            };
            let mut ok = true;
            for end in [&t.from, &t.to] {
                if !known(end) {
                    out.push(NetworkError::UnknownEndpoint {
                        tie,
                        endpoint: end.clone(),
                    });
                    ok = false;
                }
            }
            if !ok {
                continue;
            }
            let same_kind = matches!(
                (&t.from, &t.to),
                (NodeRef::Person(_), NodeRef::Person(_))
                    | (NodeRef::Organization(_), NodeRef::Organization(_))
            );
            if !same_kind {
                out.push(NetworkError::MixedTie {
                    tie,
                    from: t.from.clone(),
                    to: t.to.clone(),
                });
            } else if t.from == t.to {
                out.push(NetworkError::SelfTie {
                    tie,
                    endpoint: t.from.clone(),
                });
            }
        }
        out
    }
}

/// The serde shape of a [`Network`] before it is checked: trust is any integer
/// here, so an out-of-range value can be reported with the number of its tie.
#[derive(Deserialize)]
struct RawNetwork {
    #[serde(default)]
    organizations: Vec<Organization>,
    #[serde(default)]
    people: Vec<Person>,
    #[serde(default)]
    ties: Vec<RawTie>,
}

#[derive(Deserialize)]
struct RawTie {
    from: NodeRef,
    to: NodeRef,
    kind: TieKind,
    trust: i64,
    #[serde(default)]
    directed: bool,
    #[serde(default)]
    note: String,
}

impl TryFrom<RawNetwork> for Network {
    type Error = NetworkError;
    fn try_from(raw: RawNetwork) -> Result<Self, NetworkError> {
        let mut ties = Vec::with_capacity(raw.ties.len());
        for (i, t) in raw.ties.into_iter().enumerate() {
            let trust = Trust::new(t.trust).map_err(|e| NetworkError::TrustOutOfRange {
                tie: i + 1,
                found: e.0,
            })?;
            ties.push(Tie {
                from: t.from,
                to: t.to,
                kind: t.kind,
                trust,
                directed: t.directed,
                note: t.note,
            });
        }
        let net = Network {
            organizations: raw.organizations,
            people: raw.people,
            ties,
        };
        net.validate()?;
        Ok(net)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_refuses_out_of_range() {
        assert!(Trust::new(0).is_err());
        assert_eq!(Trust::new(5).unwrap().get(), 5);
        assert_eq!(
            Trust::new(9).unwrap_err().to_string(),
            "trust must be 1–5, found 9"
        );
    }

    #[test]
    fn distances_are_exact_integers() {
        for t in 1..=5 {
            let d = Trust::new(t).unwrap().distance();
            assert_eq!(d.fract(), 0.0);
        }
    }
}
