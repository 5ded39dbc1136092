//! Network analysis of a coalition: who is tied to whom, who connects the
//! sectors, which organizations form high-trust cross-sector groups, where the
//! silos are, and who holds it all together.
//!
//! Pure computation: no I/O, no clock, no randomness (every algorithm is
//! deterministic), so it runs the same natively, in WebAssembly off the main
//! thread, and in `constellation analyze`. [`analyze`] computes everything at
//! once into a serializable [`Analysis`]; the submodules expose each measure on
//! its own. Measures that NetworkX also computes agree with it to 1e-9 (see
//! `crates/core/tests/network_reference.rs` and `tests/reference/`).
//!
//! Choices that shape every number (each is explained where it is made):
//! - People are tied only by the ties recorded between them; colleagues are
//!   not tied implicitly ([`graph`]). Several ties between one pair are one
//!   edge whose trust is the strongest of them.
//! - Organizations are tied by their own ties and through their people: a tie
//!   between people of A and B ties A and B ([`graph::organization_graph`]).
//! - Trust is a tie's strength; where paths are weighed, a tie's length is
//!   60 / trust, so trusted ties are short ([`Trust::distance`]).
//! - Only brokerage roles read a tie's direction; every other measure reads
//!   ties as undirected, and an undirected tie brokers both ways.
//! - Average path length and diameter are those of the largest component.
//! - Resilience counts colleagues as in contact through their organization.
//!
//! Modules: [`model`] (the data), [`graph`] (the graphs built from it),
//! [`centrality`], [`structure`], [`metrics`], [`brokerage`](mod@brokerage),
//! [`connectors`](mod@connectors), [`heterarchy`], [`community`], [`silos`],
//! [`resilience`], [`summary`].

pub mod brokerage;
pub(crate) mod cache;
pub mod centrality;
pub mod community;
pub mod connectors;
pub mod entry;
pub mod files;
pub mod graph;
pub mod heterarchy;
mod import;
pub mod layout;
mod merge;
pub mod metrics;
pub mod model;
pub mod names;
mod quick;
pub mod resilience;
pub mod silos;
mod store;
pub mod structure;
pub mod summary;
mod undo;
pub(crate) mod version;

use serde::{Deserialize, Serialize};

pub use brokerage::{Role, RoleCounts};
pub use connectors::Connector;
pub use entry::{NetworkEditError, NetworkField, NetworkProblem, NewOrganization, NewPerson, NewTie, TieId};
pub use import::{AppliedImport, NetworkImport};
pub use names::{name_key, suggestions, Suggestion, SuggestionKind};
pub use quick::{Colleague, QuickEntry, QuickEntryOutcome};
pub use store::StoredNetwork;
pub(crate) use undo::history;
pub use heterarchy::Found;
pub use metrics::{MetricOptions, MetricWarning, WholeNetwork};
pub use model::{
    Level, Network, NetworkError, NodeRef, OrgId, Organization, Person, PersonId, Sector, Tie,
    TieKind, Trust,
};
pub use resilience::{Resilience, WhatIf};
pub use silos::{EiIndex, SectorBalance};

use brokerage::{brokerage, Arcs};
use graph::{Adjacency, IndexedNetwork};

/// What the analysis may be tuned with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisConfig {
    /// The trust a tie needs to count toward a heterarchy.
    pub trust_threshold: Trust,
    /// How many people the connectors list holds at most.
    pub top_connectors: usize,
    /// Louvain resolution (1 is standard modularity).
    pub resolution: f64,
    pub metrics: MetricOptions,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig {
            trust_threshold: Trust::new(4).expect("4 is a valid trust"),
            top_connectors: 10,
            resolution: 1.0,
            metrics: MetricOptions::default(),
        }
    }
}

/// The measures of one person, computed on the person graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonMetrics {
    pub id: PersonId,
    pub degree: usize,
    pub degree_centrality: f64,
    pub betweenness: f64,
    /// Betweenness with tie length 60 / trust: trusted ties make short paths.
    pub weighted_betweenness: f64,
    pub closeness: f64,
    pub eigenvector: Option<f64>,
    pub constraint: Option<f64>,
    pub effective_size: Option<f64>,
    pub core_number: usize,
    /// Index into `person_network.components`.
    pub component: usize,
    /// Index into `silos.communities`.
    pub community: usize,
    /// Gould–Fernandez roles with sectors as groups.
    pub brokerage_by_sector: RoleCounts,
    /// Gould–Fernandez roles with organizations as groups.
    pub brokerage_by_organization: RoleCounts,
}

/// The measures of one organization, computed on the organization graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationMetrics {
    pub id: OrgId,
    /// How many people of the network belong to it.
    pub people: usize,
    pub degree: usize,
    pub degree_centrality: f64,
    pub betweenness: f64,
    pub weighted_betweenness: f64,
    pub closeness: f64,
    pub eigenvector: Option<f64>,
    pub constraint: Option<f64>,
    pub effective_size: Option<f64>,
    pub core_number: usize,
    /// Index into `organization_network.components`.
    pub component: usize,
}

/// A heterarchy, named by organization ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeterarchyReport {
    pub organizations: Vec<OrgId>,
    pub sectors: Vec<Sector>,
    pub found: Found,
    pub links: usize,
    pub mean_trust: f64,
}

/// The E-I index of one sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorEi {
    pub sector: Sector,
    #[serde(flatten)]
    pub ei: EiIndex,
}

/// The E-I index of one organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationEi {
    pub organization: OrgId,
    #[serde(flatten)]
    pub ei: EiIndex,
}

/// One community of people found by Louvain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommunityReport {
    pub people: Vec<PersonId>,
    /// The organizations its people belong to, in network order.
    pub organizations: Vec<OrgId>,
    pub balance: SectorBalance,
}

/// Silos, balance and communities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Silos {
    /// E-I per sector, in [`Sector::ALL`] order, over every tie (people's and
    /// organizations'), each tied pair counted once.
    pub by_sector: Vec<SectorEi>,
    /// E-I per organization, in network order.
    pub by_organization: Vec<OrganizationEi>,
    /// The network's E-I with sectors as groups.
    pub network_by_sector: EiIndex,
    /// The network's E-I with organizations as groups.
    pub network_by_organization: EiIndex,
    /// Sector balance of the people (through their organizations).
    pub balance_of_people: SectorBalance,
    /// Sector balance of the organizations.
    pub balance_of_organizations: SectorBalance,
    /// Louvain communities of the person graph (trust-weighted), largest first.
    pub communities: Vec<CommunityReport>,
    /// Their modularity (trust-weighted).
    pub modularity: f64,
}

/// Everything [`analyze`] finds. Node indices in `person_network` and
/// `organization_network` are positions in `people` and `organizations`,
/// which follow the network's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub people: Vec<PersonMetrics>,
    pub organizations: Vec<OrganizationMetrics>,
    pub person_network: WholeNetwork,
    pub organization_network: WholeNetwork,
    pub connectors: Vec<Connector>,
    pub heterarchies: Vec<HeterarchyReport>,
    pub silos: Silos,
    pub resilience: Resilience,
    /// The health summary: statements a facilitator can read aloud, each
    /// written out in the reader's language by the view ([`summary`]).
    pub summary: Vec<summary::SummaryLine>,
    /// Measures that could not be computed (structured; the web app words
    /// them, `Display` is English).
    pub warnings: Vec<AnalysisWarning>,
}

/// Something the analysis could not do fully.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AnalysisWarning {
    /// A measure of the person graph.
    #[error("people: {0}")]
    People(MetricWarning),
    /// A measure of the organization graph.
    #[error("organizations: {0}")]
    Organizations(MetricWarning),
    /// The high-trust organization graph has more maximal cliques than
    /// `limit`: only the first were examined for heterarchies.
    #[error("heterarchies: the high-trust organization graph has more than {limit} maximal cliques; only the first were examined")]
    TooManyCliques { limit: usize },
}

/// The sector of each person (through their organization) as a group number.
fn sector_groups(net: &IndexedNetwork) -> Vec<Option<u32>> {
    net.person_org
        .iter()
        .map(|o| o.map(|o| net.network.organizations[o].sector.index() as u32))
        .collect()
}

/// Analyzes a network; fails only when the network itself is invalid.
pub fn analyze(network: &Network, config: &AnalysisConfig) -> Result<Analysis, NetworkError> {
    let net = IndexedNetwork::new(network)?;
    let orgs = &network.organizations;

    // People: centralities, brokerage and communities on the person graph.
    let pg = graph::person_graph(&net);
    let people_adj = Adjacency::from_petgraph(&pg, |b| f64::from(b.max_trust.get()));
    let pm = metrics::node_metrics(&people_adj, &config.metrics);
    let arcs = Arcs::from_arcs(
        net.person_count(),
        pg.edge_indices().flat_map(|e| {
            let (a, b) = pg.edge_endpoints(e).expect("an edge of the graph");
            let bundle = &pg[e];
            let fwd = bundle.forward.then_some((a.index(), b.index()));
            let bwd = bundle.backward.then_some((b.index(), a.index()));
            fwd.into_iter().chain(bwd)
        }),
    );
    let sector_group = sector_groups(&net);
    let org_group: Vec<Option<u32>> = net.person_org.iter().map(|o| o.map(|o| o as u32)).collect();
    let by_sector = brokerage(&arcs, &sector_group);
    let by_org = brokerage(&arcs, &org_group);
    let partition = community::louvain(&people_adj, true, config.resolution);

    // Organizations: centralities on the organization graph (strength = strongest trust).
    let og = graph::organization_graph(&net);
    let org_adj = Adjacency::from_petgraph(&og, |l| f64::from(l.max_trust.get()));
    let om = metrics::node_metrics(&org_adj, &config.metrics);
    let high = graph::high_trust_graph(&og, config.trust_threshold);
    let sectors: Vec<Sector> = orgs.iter().map(|o| o.sector).collect();
    let (found, truncated) = heterarchy::heterarchies(&high, &sectors);
    let heterarchies = found
        .into_iter()
        .map(|h| HeterarchyReport {
            organizations: h
                .organizations
                .iter()
                .map(|&o| orgs[o].id.clone())
                .collect(),
            sectors: h.sectors,
            found: h.found,
            links: h.links,
            mean_trust: h.mean_trust,
        })
        .collect();

    let connectors = connectors::connectors(
        &connectors::ConnectorInputs {
            net: &net,
            graph: &people_adj,
            arcs: &arcs,
            sector_group: &sector_group,
            by_sector: &by_sector,
            by_organization: &by_org,
            betweenness: &pm.betweenness,
            constraint: &pm.constraint,
        },
        config.top_connectors,
    );
    let silos = silos_of(&net, &people_adj, &partition);
    let contact = graph::contact_graph(&net);
    let resilience = resilience::resilience(&net, &contact);

    let people = network
        .people
        .iter()
        .enumerate()
        .map(|(u, p)| PersonMetrics {
            id: p.id.clone(),
            degree: pm.degree[u],
            degree_centrality: pm.degree_centrality[u],
            betweenness: pm.betweenness[u],
            weighted_betweenness: pm.weighted_betweenness[u],
            closeness: pm.closeness[u],
            eigenvector: pm.eigenvector.as_ref().map(|x| x[u]),
            constraint: pm.constraint[u],
            effective_size: pm.effective_size[u],
            core_number: pm.core_number[u],
            component: pm.component[u],
            community: partition.labels[u],
            brokerage_by_sector: by_sector[u],
            brokerage_by_organization: by_org[u],
        })
        .collect();
    let organizations = orgs
        .iter()
        .enumerate()
        .map(|(o, org)| OrganizationMetrics {
            id: org.id.clone(),
            people: net.person_org.iter().filter(|&&x| x == Some(o)).count(),
            degree: om.degree[o],
            degree_centrality: om.degree_centrality[o],
            betweenness: om.betweenness[o],
            weighted_betweenness: om.weighted_betweenness[o],
            closeness: om.closeness[o],
            eigenvector: om.eigenvector.as_ref().map(|x| x[o]),
            constraint: om.constraint[o],
            effective_size: om.effective_size[o],
            core_number: om.core_number[o],
            component: om.component[o],
        })
        .collect();
    let mut warnings: Vec<AnalysisWarning> = pm.warnings.iter().cloned().map(AnalysisWarning::People).collect();
    warnings.extend(om.warnings.iter().cloned().map(AnalysisWarning::Organizations));
    if truncated {
        warnings.push(AnalysisWarning::TooManyCliques { limit: heterarchy::CLIQUE_LIMIT });
    }
    let mut analysis = Analysis {
        people,
        organizations,
        person_network: pm.whole,
        organization_network: om.whole,
        connectors,
        heterarchies,
        silos,
        resilience,
        summary: Vec::new(),
        warnings,
    };
    analysis.summary = summary::summarize(network, &analysis, config);
    Ok(analysis)
}

/// E-I indices, sector balance and community reports.
fn silos_of(net: &IndexedNetwork, people: &Adjacency, partition: &community::Partition) -> Silos {
    let network = net.network;
    let orgs = &network.organizations;
    let sector_of_org = |o: usize| orgs[o].sector.index();
    let direct = graph::direct_org_graph(net);
    let direct_pairs: Vec<(usize, usize)> = direct
        .edge_indices()
        .map(|e| {
            let (a, b) = direct.edge_endpoints(e).expect("an edge of the graph");
            (a.index(), b.index())
        })
        .collect();
    let person_pairs: Vec<(usize, usize)> = people.edges().map(|(u, v, _)| (u, v)).collect();
    let (per_sector, network_by_sector) = silos::ei_indices(
        Sector::ALL.len(),
        person_pairs
            .iter()
            .map(|&(u, v)| {
                (
                    net.person_org[u].map(sector_of_org),
                    net.person_org[v].map(sector_of_org),
                )
            })
            .chain(
                direct_pairs
                    .iter()
                    .map(|&(a, b)| (Some(sector_of_org(a)), Some(sector_of_org(b)))),
            ),
    );
    let (per_org, network_by_organization) = silos::ei_indices(
        orgs.len(),
        person_pairs
            .iter()
            .map(|&(u, v)| (net.person_org[u], net.person_org[v]))
            .chain(direct_pairs.iter().map(|&(a, b)| (Some(a), Some(b)))),
    );
    let person_sector = |u: usize| net.person_org[u].map(|o| orgs[o].sector);
    let communities = partition
        .communities
        .iter()
        .map(|members| {
            let in_it: std::collections::BTreeSet<usize> =
                members.iter().filter_map(|&u| net.person_org[u]).collect();
            CommunityReport {
                people: members
                    .iter()
                    .map(|&u| network.people[u].id.clone())
                    .collect(),
                organizations: in_it.iter().map(|&o| orgs[o].id.clone()).collect(),
                balance: silos::sector_balance(members.iter().map(|&u| person_sector(u))),
            }
        })
        .collect();
    Silos {
        by_sector: Sector::ALL
            .iter()
            .zip(per_sector)
            .map(|(&sector, ei)| SectorEi { sector, ei })
            .collect(),
        by_organization: orgs
            .iter()
            .zip(per_org)
            .map(|(o, ei)| OrganizationEi {
                organization: o.id.clone(),
                ei,
            })
            .collect(),
        network_by_sector,
        network_by_organization,
        balance_of_people: silos::sector_balance((0..net.person_count()).map(person_sector)),
        balance_of_organizations: silos::sector_balance(orgs.iter().map(|o| Some(o.sector))),
        communities,
        modularity: partition.modularity,
    }
}

/// What disconnects if a person, or an organization with its people, leaves.
pub fn what_if(network: &Network, node: &NodeRef) -> Result<WhatIf, WhatIfError> {
    let net = IndexedNetwork::new(network)?;
    let contact = graph::contact_graph(&net);
    Ok(resilience::what_if_remove(&net, &contact, node)?)
}

/// Why a what-if could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhatIfError {
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error(transparent)]
    UnknownNode(#[from] resilience::UnknownNode),
}
