//! The message format between the page and the analysis worker, as plain Rust
//! (tested natively); `js` turns it into JavaScript objects with typed arrays.
//!
//! Nodes are numbered as the page numbers them: organizations first, then
//! people, each in the network's order. The request carries what `analyze`
//! reads and nothing else: each organization's sector, each person's
//! organization and level, the ties as parallel arrays, and the names (the
//! health summary and the connectors' reasons quote them) as one UTF-8 buffer
//! with the end of each name. Ids do not travel: the worker names node `i`
//! `o{i}` or `p{k}`, and its answer speaks of node numbers again.
//!
//! The answer carries the per-node measures as one column-major `f64` buffer
//! ([`Column`] × node, `NaN` where a measure does not exist) and a small
//! [`Digest`] (summary, warnings, connectors with their reasons, heterarchies,
//! cut points) as JSON.

use constellation_core::network::{
    analyze, AnalysisConfig, Analysis, Level, Network, NetworkError, NodeRef, Organization,
    Person, Role, Sector, Tie, TieKind, Trust,
};
use serde::{Deserialize, Serialize};

/// Bumped whenever a message changes shape; both sides check it.
pub const PROTOCOL: u32 = 3;

/// A person without an organization, in [`Request::person_org`].
pub const NO_ORG: u32 = u32::MAX;

pub const KINDS: [TieKind; 5] =
    [TieKind::Collaborates, TieKind::Knows, TieKind::Funds, TieKind::Governs, TieKind::Other];
pub const LEVELS: [Level; 3] = [Level::Senior, Level::Mid, Level::Junior];

/// What the page asks the worker to analyze.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request {
    /// The page's revision of the network; the answer repeats it.
    pub rev: u32,
    /// Per organization: `Sector::index`.
    pub org_sector: Vec<u8>,
    /// Per person: the organization's index, or [`NO_ORG`].
    pub person_org: Vec<u32>,
    /// Per person: 0 unknown, else 1 + the position in [`LEVELS`].
    pub person_level: Vec<u8>,
    /// Per tie: node numbers (organizations first, then people).
    pub tie_from: Vec<u32>,
    pub tie_to: Vec<u32>,
    pub tie_trust: Vec<u8>,
    /// Per tie: the position in [`KINDS`].
    pub tie_kind: Vec<u8>,
    /// Per tie: 1 if directed.
    pub tie_directed: Vec<u8>,
    /// Every node's name, in node order, as one UTF-8 buffer…
    pub names: Vec<u8>,
    /// …and the byte offset where each name ends.
    pub name_ends: Vec<u32>,
}

/// A request that cannot be read: what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad<T>(msg: String) -> Result<T, WireError> {
    Err(WireError(msg))
}

impl Request {
    /// Encodes a network; fails (naming the first problem) when the network
    /// itself could not be analyzed, as `analyze` would.
    pub fn from_network(rev: u32, network: &Network) -> Result<Request, NetworkError> {
        network.validate()?;
        let orgs = &network.organizations;
        let people = &network.people;
        let org_index: rustc_hash::FxHashMap<&str, u32> =
            orgs.iter().enumerate().map(|(i, o)| (o.id.as_str(), i as u32)).collect();
        let person_index: rustc_hash::FxHashMap<&str, u32> = people
            .iter()
            .enumerate()
            .map(|(k, p)| (p.id.as_str(), (orgs.len() + k) as u32))
            .collect();
        let node = |n: &NodeRef| -> u32 {
            match n {
                // validate() has checked every end.
                NodeRef::Organization(id) => org_index[id.as_str()],
                NodeRef::Person(id) => person_index[id.as_str()],
            }
        };
        let mut names = Vec::new();
        let mut name_ends = Vec::with_capacity(orgs.len() + people.len());
        for name in orgs.iter().map(|o| &o.name).chain(people.iter().map(|p| &p.name)) {
            names.extend_from_slice(name.as_bytes());
            name_ends.push(names.len() as u32);
        }
        let ties = &network.ties;
        Ok(Request {
            rev,
            org_sector: orgs.iter().map(|o| o.sector.index() as u8).collect(),
            person_org: people
                .iter()
                .map(|p| p.organization.as_ref().map_or(NO_ORG, |o| org_index[o.as_str()]))
                .collect(),
            person_level: people
                .iter()
                .map(|p| p.level.map_or(0, |l| 1 + LEVELS.iter().position(|x| *x == l).unwrap_or(0) as u8))
                .collect(),
            tie_from: ties.iter().map(|t| node(&t.from)).collect(),
            tie_to: ties.iter().map(|t| node(&t.to)).collect(),
            tie_trust: ties.iter().map(|t| t.trust.get()).collect(),
            tie_kind: ties
                .iter()
                .map(|t| KINDS.iter().position(|k| *k == t.kind).unwrap_or(4) as u8)
                .collect(),
            tie_directed: ties.iter().map(|t| u8::from(t.directed)).collect(),
            names,
            name_ends,
        })
    }

    pub fn organizations(&self) -> usize {
        self.org_sector.len()
    }

    pub fn nodes(&self) -> usize {
        self.org_sector.len() + self.person_org.len()
    }

    /// The network the request describes, with ids `o{i}` and `p{k}`.
    pub fn to_network(&self) -> Result<Network, WireError> {
        let orgs = self.organizations();
        let n = self.nodes();
        if self.person_level.len() != self.person_org.len() {
            return bad(format!(
                "personLevel has {} entries for {} people",
                self.person_level.len(),
                self.person_org.len()
            ));
        }
        let ties = self.tie_from.len();
        for (field, len) in [
            ("tieTo", self.tie_to.len()),
            ("tieTrust", self.tie_trust.len()),
            ("tieKind", self.tie_kind.len()),
            ("tieDirected", self.tie_directed.len()),
        ] {
            if len != ties {
                return bad(format!("{field} has {len} entries for {ties} ties"));
            }
        }
        if self.name_ends.len() != n {
            return bad(format!("nameEnds has {} entries for {n} nodes", self.name_ends.len()));
        }
        let mut names = Vec::with_capacity(n);
        let mut start = 0usize;
        for (i, &end) in self.name_ends.iter().enumerate() {
            let end = end as usize;
            let Some(bytes) = self.names.get(start..end) else {
                return bad(format!("nameEnds[{i}] = {end} is outside the names ({} bytes)", self.names.len()));
            };
            match std::str::from_utf8(bytes) {
                Ok(s) => names.push(s.to_string()),
                Err(_) => return bad(format!("the name of node {i} is not UTF-8")),
            }
            start = end;
        }
        let mut organizations = Vec::with_capacity(orgs);
        for (i, &s) in self.org_sector.iter().enumerate() {
            let Some(&sector) = Sector::ALL.get(s as usize) else {
                return bad(format!("orgSector[{i}] = {s} is not a sector"));
            };
            organizations.push(Organization { id: format!("o{i}"), name: names[i].clone(), sector, tags: Vec::new() });
        }
        let mut people = Vec::with_capacity(n - orgs);
        for (k, (&o, &l)) in self.person_org.iter().zip(&self.person_level).enumerate() {
            let organization = match o {
                NO_ORG => None,
                o if (o as usize) < orgs => Some(format!("o{o}")),
                o => return bad(format!("personOrg[{k}] = {o} is not an organization (there are {orgs})")),
            };
            let level = match l {
                0 => None,
                l => match LEVELS.get(l as usize - 1) {
                    Some(&x) => Some(x),
                    None => return bad(format!("personLevel[{k}] = {l} is not a level")),
                },
            };
            people.push(Person {
                id: format!("p{k}"),
                name: names[orgs + k].clone(),
                organization,
                role: String::new(),
                level,
            });
        }
        let node = |field: &str, t: usize, v: u32| -> Result<NodeRef, WireError> {
            let v = v as usize;
            if v < orgs {
                Ok(NodeRef::Organization(format!("o{v}")))
            } else if v < n {
                Ok(NodeRef::Person(format!("p{}", v - orgs)))
            } else {
                bad(format!("{field}[{t}] = {v} is not a node (there are {n})"))
            }
        };
        let mut out_ties = Vec::with_capacity(ties);
        for t in 0..ties {
            let trust = match Trust::new(i64::from(self.tie_trust[t])) {
                Ok(x) => x,
                Err(e) => return bad(format!("tieTrust[{t}]: {e}")),
            };
            let Some(&kind) = KINDS.get(self.tie_kind[t] as usize) else {
                return bad(format!("tieKind[{t}] = {} is not a kind of tie", self.tie_kind[t]));
            };
            out_ties.push(Tie {
                from: node("tieFrom", t, self.tie_from[t])?,
                to: node("tieTo", t, self.tie_to[t])?,
                kind,
                trust,
                directed: self.tie_directed[t] != 0,
                note: String::new(),
            });
        }
        Ok(Network { organizations, people, ties: out_ties })
    }
}

/// The per-node measures the answer carries, one column each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Degree,
    Betweenness,
    WeightedBetweenness,
    Closeness,
    /// `NaN` when eigenvector centrality did not converge.
    Eigenvector,
    Constraint,
    EffectiveSize,
    /// Gould–Fernandez roles with sectors as groups (people only; 0 for organizations).
    SectorRole(Role),
    /// Gould–Fernandez roles with organizations as groups (people only).
    OrgRole(Role),
    /// An organization's E-I index (`NaN` for people and where undefined).
    EiIndex,
}

impl Column {
    pub const COUNT: usize = 18;

    pub fn index(self) -> usize {
        let role = |r: Role| Role::ALL.iter().position(|x| *x == r).unwrap_or(0);
        match self {
            Column::Degree => 0,
            Column::Betweenness => 1,
            Column::WeightedBetweenness => 2,
            Column::Closeness => 3,
            Column::Eigenvector => 4,
            Column::Constraint => 5,
            Column::EffectiveSize => 6,
            Column::SectorRole(r) => 7 + role(r),
            Column::OrgRole(r) => 12 + role(r),
            Column::EiIndex => 17,
        }
    }
}

/// One person on the connectors list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectorDigest {
    /// Node number.
    pub node: u32,
    pub score: f64,
    pub mid_level: bool,
    /// Structured (numbers as numbers); the page words them in its language.
    pub reasons: Vec<constellation_core::network::summary::ConnectorReason>,
}

/// The small, structured part of an answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Digest {
    /// The health summary's statements (the page writes them in its language).
    pub summary: Vec<constellation_core::network::summary::SummaryLine>,
    /// Measures that could not be computed (the page words them).
    pub warnings: Vec<constellation_core::network::AnalysisWarning>,
    pub connectors: Vec<ConnectorDigest>,
    /// Each heterarchy's organizations, as node numbers.
    pub heterarchies: Vec<Vec<u32>>,
    /// People whose leaving separates groups, as node numbers, most separating first.
    pub cut_points: Vec<u32>,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    pub rev: u32,
    /// How long the analysis took in the worker (ms).
    pub took_ms: f64,
    /// How many nodes: each column has this many values.
    pub nodes: usize,
    /// Column-major: column `c` of node `i` is at `c * nodes + i`.
    pub metrics: Vec<f64>,
    pub digest: Digest,
}

impl Response {
    pub fn get(&self, i: usize, c: Column) -> f64 {
        self.metrics[c.index() * self.nodes + i]
    }

    /// Reads a node number the worker gave back: `o{i}` or `p{k}`.
    fn node_of(orgs: usize, node: &NodeRef) -> Option<u32> {
        match node {
            NodeRef::Organization(id) => id.strip_prefix('o')?.parse().ok(),
            NodeRef::Person(id) => id.strip_prefix('p')?.parse::<usize>().ok().map(|k| (orgs + k) as u32),
        }
    }

    /// The answer for an analysis of `request.to_network()`.
    pub fn from_analysis(request: &Request, a: &Analysis, took_ms: f64) -> Response {
        let orgs = request.organizations();
        let n = request.nodes();
        let mut m = vec![f64::NAN; Column::COUNT * n];
        let mut set = |i: usize, c: Column, v: f64| m[c.index() * n + i] = v;
        let opt = |x: Option<f64>| x.unwrap_or(f64::NAN);
        for (i, o) in a.organizations.iter().enumerate() {
            set(i, Column::Degree, o.degree as f64);
            set(i, Column::Betweenness, o.betweenness);
            set(i, Column::WeightedBetweenness, o.weighted_betweenness);
            set(i, Column::Closeness, o.closeness);
            set(i, Column::Eigenvector, opt(o.eigenvector));
            set(i, Column::Constraint, opt(o.constraint));
            set(i, Column::EffectiveSize, opt(o.effective_size));
            for r in Role::ALL {
                set(i, Column::SectorRole(r), 0.0);
                set(i, Column::OrgRole(r), 0.0);
            }
        }
        for ei in &a.silos.by_organization {
            if let Some(i) = Self::node_of(orgs, &NodeRef::Organization(ei.organization.clone())) {
                set(i as usize, Column::EiIndex, opt(ei.ei.index));
            }
        }
        for (k, p) in a.people.iter().enumerate() {
            let i = orgs + k;
            set(i, Column::Degree, p.degree as f64);
            set(i, Column::Betweenness, p.betweenness);
            set(i, Column::WeightedBetweenness, p.weighted_betweenness);
            set(i, Column::Closeness, p.closeness);
            set(i, Column::Eigenvector, opt(p.eigenvector));
            set(i, Column::Constraint, opt(p.constraint));
            set(i, Column::EffectiveSize, opt(p.effective_size));
            for r in Role::ALL {
                set(i, Column::SectorRole(r), p.brokerage_by_sector.get(r) as f64);
                set(i, Column::OrgRole(r), p.brokerage_by_organization.get(r) as f64);
            }
        }
        let digest = Digest {
            summary: a.summary.clone(),
            warnings: a.warnings.clone(),
            connectors: a
                .connectors
                .iter()
                .filter_map(|c| {
                    Some(ConnectorDigest {
                        node: Self::node_of(orgs, &NodeRef::Person(c.person.clone()))?,
                        score: c.score,
                        mid_level: c.mid_level,
                        reasons: c.reasons.clone(),
                    })
                })
                .collect(),
            heterarchies: a
                .heterarchies
                .iter()
                .map(|h| {
                    h.organizations
                        .iter()
                        .filter_map(|o| Self::node_of(orgs, &NodeRef::Organization(o.clone())))
                        .collect()
                })
                .collect(),
            cut_points: a.resilience.cut_points.iter().filter_map(|c| Self::node_of(orgs, &c.removed)).collect(),
        };
        Response { rev: request.rev, took_ms, nodes: n, metrics: m, digest }
    }
}

/// What the worker does with a request: read it, analyze, answer (or say why not).
pub fn answer(request: &Request, now: impl Fn() -> f64) -> Result<Response, String> {
    let start = now();
    let network = request.to_network().map_err(|e| format!("the request could not be read: {e}"))?;
    let analysis = analyze(&network, &AnalysisConfig::default()).map_err(|e| e.to_string())?;
    Ok(Response::from_analysis(request, &analysis, now() - start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use constellation_core::network::{analyze, AnalysisConfig};

    fn org(id: &str, name: &str, sector: Sector) -> Organization {
        Organization { id: id.into(), name: name.into(), sector, tags: vec![] }
    }
    fn person(id: &str, name: &str, org: Option<&str>, level: Option<Level>) -> Person {
        Person { id: id.into(), name: name.into(), organization: org.map(Into::into), role: "r".into(), level }
    }
    fn tie(a: NodeRef, b: NodeRef, trust: i64, kind: TieKind, directed: bool) -> Tie {
        Tie { from: a, to: b, kind, trust: Trust::new(trust).unwrap(), directed, note: "n".into() }
    }
    fn p(id: &str) -> NodeRef {
        NodeRef::Person(id.into())
    }
    fn o(id: &str) -> NodeRef {
        NodeRef::Organization(id.into())
    }

    /// Three sectors, brokers, a cut point, a heterarchy, names with quotes,
    /// accents and `<&>`.
    fn sample() -> Network {
        Network {
            organizations: vec![
                org("city", "City Hall", Sector::Government),
                org("bank", "Food Bank “North”", Sector::CivilSociety),
                org("shop", "Corner <Shop> & Co", Sector::Business),
                org("club", "Club", Sector::Other),
            ],
            people: vec![
                person("ana", "Ana", Some("city"), Some(Level::Mid)),
                person("ben", "Ben", Some("bank"), None),
                person("chloe", "Chloé", Some("bank"), Some(Level::Junior)),
                person("dev", "Dev", Some("shop"), Some(Level::Senior)),
                person("eve", "Eve", Some("shop"), None),
                person("fay", "Fay", None, None),
                person("gus", "Gus", Some("club"), None),
            ],
            ties: vec![
                tie(p("ana"), p("ben"), 4, TieKind::Collaborates, false),
                tie(p("ana"), p("chloe"), 3, TieKind::Knows, true),
                tie(p("ben"), p("chloe"), 5, TieKind::Knows, false),
                tie(p("ana"), p("dev"), 2, TieKind::Knows, false),
                tie(p("dev"), p("eve"), 3, TieKind::Collaborates, false),
                tie(p("eve"), p("fay"), 1, TieKind::Other, true),
                tie(p("fay"), p("gus"), 2, TieKind::Funds, false),
                tie(o("city"), o("bank"), 5, TieKind::Funds, false),
                tie(o("bank"), o("shop"), 5, TieKind::Governs, false),
                tie(o("shop"), o("city"), 4, TieKind::Collaborates, false),
            ],
        }
    }

    #[test]
    fn a_network_survives_the_trip_except_its_ids_roles_tags_and_notes() {
        let net = sample();
        let req = Request::from_network(7, &net).unwrap();
        assert_eq!(req.rev, 7);
        assert_eq!(req.nodes(), 11);
        let back = req.to_network().unwrap();
        assert_eq!(back.organizations.len(), 4);
        assert_eq!(back.organizations[1].name, "Food Bank “North”");
        assert_eq!(back.organizations[2].sector, Sector::Business);
        assert_eq!(back.people[2].name, "Chloé");
        assert_eq!(back.people[2].organization.as_deref(), Some("o1"));
        assert_eq!(back.people[2].level, Some(Level::Junior));
        assert_eq!(back.people[5].organization, None);
        assert_eq!(back.ties.len(), net.ties.len());
        for (a, b) in net.ties.iter().zip(&back.ties) {
            assert_eq!((a.kind, a.trust, a.directed), (b.kind, b.trust, b.directed));
        }
        assert_eq!(back.ties[1].from, p("p0"));
        assert_eq!(back.ties[1].to, p("p2"));
        assert_eq!(back.ties[7].to, o("o1"));
    }

    /// The worker's answer says what `analyze` says on the page's own network.
    #[test]
    fn the_answer_matches_analyze_on_the_original_network() {
        let net = sample();
        let direct = analyze(&net, &AnalysisConfig::default()).unwrap();
        let req = Request::from_network(3, &net).unwrap();
        let res = answer(&req, || 0.0).unwrap();
        assert_eq!(res.rev, 3);
        assert_eq!(res.nodes, 11);
        assert_eq!(res.metrics.len(), 11 * Column::COUNT);
        let same = |a: f64, b: Option<f64>| match b {
            Some(b) => assert!((a - b).abs() < 1e-12, "{a} != {b}"),
            None => assert!(a.is_nan()),
        };
        for (k, pm) in direct.people.iter().enumerate() {
            let i = 4 + k;
            same(res.get(i, Column::Degree), Some(pm.degree as f64));
            same(res.get(i, Column::Betweenness), Some(pm.betweenness));
            same(res.get(i, Column::WeightedBetweenness), Some(pm.weighted_betweenness));
            same(res.get(i, Column::Closeness), Some(pm.closeness));
            same(res.get(i, Column::Eigenvector), pm.eigenvector);
            same(res.get(i, Column::Constraint), pm.constraint);
            same(res.get(i, Column::EffectiveSize), pm.effective_size);
            for r in Role::ALL {
                same(res.get(i, Column::SectorRole(r)), Some(pm.brokerage_by_sector.get(r) as f64));
                same(res.get(i, Column::OrgRole(r)), Some(pm.brokerage_by_organization.get(r) as f64));
            }
            assert!(res.get(i, Column::EiIndex).is_nan());
        }
        for (i, om) in direct.organizations.iter().enumerate() {
            same(res.get(i, Column::Degree), Some(om.degree as f64));
            same(res.get(i, Column::Betweenness), Some(om.betweenness));
            same(res.get(i, Column::Closeness), Some(om.closeness));
            same(res.get(i, Column::Eigenvector), om.eigenvector);
            same(res.get(i, Column::EiIndex), direct.silos.by_organization[i].ei.index);
        }
        // The words are the same words: names travel, ids do not show.
        assert_eq!(res.digest.summary, direct.summary);
        assert_eq!(res.digest.warnings, direct.warnings);
        let ids: Vec<String> = net.organizations.iter().map(|o| o.id.clone()).chain(net.people.iter().map(|p| p.id.clone())).collect();
        assert_eq!(res.digest.connectors.len(), direct.connectors.len());
        for (c, d) in res.digest.connectors.iter().zip(&direct.connectors) {
            assert_eq!(ids[c.node as usize], d.person);
            assert_eq!(c.reasons, d.reasons);
            assert_eq!(c.mid_level, d.mid_level);
        }
        assert!(!direct.heterarchies.is_empty(), "the sample has a heterarchy");
        for (h, d) in res.digest.heterarchies.iter().zip(&direct.heterarchies) {
            let names: Vec<&String> = h.iter().map(|&i| &ids[i as usize]).collect();
            assert_eq!(names, d.organizations.iter().collect::<Vec<_>>());
        }
        let cut: Vec<NodeRef> = direct.resilience.cut_points.iter().map(|c| c.removed.clone()).collect();
        assert!(!cut.is_empty(), "the sample has a cut point");
        let got: Vec<NodeRef> = res.digest.cut_points.iter().map(|&i| p(&ids[i as usize])).collect();
        assert_eq!(got, cut);
        // The digest travels as JSON and comes back the same (the summary's
        // numbers to the last bit but one: serde_json parses floats approximately).
        let json = serde_json::to_string(&res.digest).unwrap();
        let back = serde_json::from_str::<Digest>(&json).unwrap();
        let words = |d: &Digest| d.summary.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(words(&back), words(&res.digest));
        assert_eq!(Digest { summary: Vec::new(), ..back }, Digest { summary: Vec::new(), ..res.digest.clone() });
    }

    #[test]
    fn an_invalid_network_is_refused_before_it_is_sent() {
        let mut net = sample();
        net.ties.push(tie(p("ana"), p("nobody"), 3, TieKind::Knows, false));
        let e = Request::from_network(1, &net).unwrap_err();
        assert!(e.to_string().contains("nobody"), "{e}");
    }

    #[test]
    fn a_damaged_request_names_the_field_and_the_entry() {
        let good = Request::from_network(1, &sample()).unwrap();
        let cases: Vec<(Box<dyn Fn(&mut Request)>, &str)> = vec![
            (Box::new(|r| r.tie_to.pop().map(drop).unwrap_or(())), "tieTo has 9 entries for 10 ties"),
            (Box::new(|r| r.tie_from[2] = 99), "tieFrom[2] = 99 is not a node (there are 11)"),
            (Box::new(|r| r.tie_trust[0] = 9), "tieTrust[0]: trust must be 1–5, found 9"),
            (Box::new(|r| r.tie_kind[4] = 5), "tieKind[4] = 5 is not a kind of tie"),
            (Box::new(|r| r.org_sector[3] = 4), "orgSector[3] = 4 is not a sector"),
            (Box::new(|r| r.person_org[1] = 4), "personOrg[1] = 4 is not an organization (there are 4)"),
            (Box::new(|r| r.person_level[0] = 4), "personLevel[0] = 4 is not a level"),
            (Box::new(|r| r.name_ends[10] = 1000), "nameEnds[10] = 1000 is outside the names"),
            (Box::new(|r| r.name_ends.pop().map(drop).unwrap_or(())), "nameEnds has 10 entries for 11 nodes"),
            (Box::new(|r| r.person_level.pop().map(drop).unwrap_or(())), "personLevel has 6 entries for 7 people"),
        ];
        for (damage, expected) in cases {
            let mut r = good.clone();
            damage(&mut r);
            let e = r.to_network().unwrap_err().to_string();
            assert!(e.contains(expected), "{e:?} should contain {expected:?}");
            let e = answer(&r, || 0.0).unwrap_err();
            assert!(e.starts_with("the request could not be read: "), "{e}");
        }
    }

    #[test]
    fn an_empty_network_is_analyzed() {
        let req = Request::from_network(0, &Network::default()).unwrap();
        let res = answer(&req, || 0.0).unwrap();
        assert_eq!((res.nodes, res.metrics.len()), (0, 0));
    }

    #[test]
    fn columns_are_numbered_without_gaps() {
        let mut all = vec![Column::Degree, Column::Betweenness, Column::WeightedBetweenness, Column::Closeness, Column::Eigenvector, Column::Constraint, Column::EffectiveSize, Column::EiIndex];
        for r in Role::ALL {
            all.push(Column::SectorRole(r));
            all.push(Column::OrgRole(r));
        }
        let mut idx: Vec<usize> = all.iter().map(|c| c.index()).collect();
        idx.sort();
        assert_eq!(idx, (0..Column::COUNT).collect::<Vec<_>>());
    }
}
