//! The network's words in the reader's language: sector, tie kind, measure
//! and brokerage role names, the health summary's statements (structured in
//! `core::network::summary`), what-ifs, connectors' reasons, analysis
//! warnings, refused edits and import problems, all from the catalogs.

use constellation_core::goals::FieldProblem;
use constellation_analysis_worker::problems::{network_error_message, WireArg, WordedProblem};
use constellation_core::network::summary::{ConnectorReason, PersonName, SummaryLine};
use constellation_core::network::{
    AnalysisWarning, MetricWarning, NetworkEditError, NetworkError, NetworkField, NetworkProblem, NodeRef, Role, RoleCounts, Sector,
    TieKind, WhatIf,
};

use super::{Highlight, Metric};
use crate::i18n::{capitalize, format_fixed, format_percent, join_and, t, t_args, Arg};

/// A sector's name as a sentence uses it ("civil society").
pub fn sector_word(s: Sector) -> String {
    t(match s {
        Sector::Government => "sector-government",
        Sector::Business => "sector-business",
        Sector::CivilSociety => "sector-civil-society",
        Sector::Other => "sector-other",
    })
}

/// A sector's name as a label ("Civil society"); `None`: no organization.
pub fn sector_name(s: Option<Sector>) -> String {
    match s {
        Some(s) => capitalize(&sector_word(s)),
        None => t("sector-none"),
    }
}

/// A tie kind ("collaborates").
pub fn kind_name(k: TieKind) -> String {
    t(match k {
        TieKind::Collaborates => "tie-collaborates",
        TieKind::Knows => "tie-knows",
        TieKind::Funds => "tie-funds",
        TieKind::Governs => "tie-governs",
        TieKind::Other => "tie-other",
    })
}

impl Metric {
    /// The measure's name in the reader's language.
    pub fn name(self) -> String {
        t(match self {
            Metric::Degree => "net-m-degree",
            Metric::Betweenness => "net-m-betweenness",
            Metric::WeightedBetweenness => "net-m-weighted-betweenness",
            Metric::Closeness => "net-m-closeness",
            Metric::Eigenvector => "net-m-eigenvector",
            Metric::Brokerage => "net-m-brokerage",
        })
    }
}

impl Highlight {
    /// The highlight's name in the reader's language (for the map's controls).
    pub fn name(self) -> String {
        t(match self {
            Highlight::None => "net-hl-none",
            Highlight::Connectors => "net-hl-connectors",
            Highlight::Heterarchies => "net-hl-heterarchies",
            Highlight::Silos => "net-hl-silos",
            Highlight::CutPoints => "net-hl-cut-points",
        })
    }
}

fn role_name(r: Role) -> String {
    t(match r {
        Role::Coordinator => "net-role-coordinator",
        Role::Gatekeeper => "net-role-gatekeeper",
        Role::Representative => "net-role-representative",
        Role::Itinerant => "net-role-itinerant",
        Role::Liaison => "net-role-liaison",
    })
}

/// "gatekeeper 2, liaison 1", or "none".
pub fn roles(c: &RoleCounts) -> String {
    let parts: Vec<String> = Role::ALL
        .iter()
        .filter(|r| c.get(**r) > 0)
        .map(|r| t_args("net-role-count", &[("role", role_name(*r).into()), ("count", c.get(*r).into())]))
        .collect();
    if parts.is_empty() {
        t("net-roles-none")
    } else {
        parts.join(", ")
    }
}

/// A what-if in words.
pub fn what_if_words(w: &WhatIf, name_of: impl Fn(&str) -> String) -> String {
    let s = &w.split;
    if s.lost_contact.is_empty() && s.pieces.len() <= 1 {
        return t("net-whatif-none");
    }
    let mut out = Vec::new();
    if !s.lost_contact.is_empty() {
        let pairs: Vec<String> = s
            .lost_contact
            .iter()
            .take(8)
            .map(|(a, b)| t_args("net-pair", &[("a", name_of(a).into()), ("b", name_of(b).into())]))
            .collect();
        out.push(t_args("net-whatif-lost", &[("count", s.lost_contact.len().into()), ("pairs", pairs.join(&t("list-semicolon")).into())]));
    }
    if s.pieces.len() > 1 {
        out.push(t_args("net-whatif-pieces", &[("count", s.pieces.len().into())]));
    }
    if !s.sectors_lost.is_empty() {
        let pairs: Vec<String> = s
            .sectors_lost
            .iter()
            .map(|(a, b)| t_args("net-pair", &[("a", sector_word(*a).into()), ("b", sector_word(*b).into())]))
            .collect();
        out.push(t_args("net-whatif-sectors", &[("pairs", pairs.join(&t("list-semicolon")).into())]));
    }
    out.join(" ")
}

fn list(items: &[String]) -> Arg {
    join_and(items).into()
}

fn sectors(items: &[Sector]) -> Arg {
    list(&items.iter().map(|s| sector_word(*s)).collect::<Vec<_>>())
}

fn person(p: &PersonName) -> String {
    match &p.organization {
        Some(o) => t_args("net-person-of", &[("name", p.name.clone().into()), ("organization", o.clone().into())]),
        None => p.name.clone(),
    }
}

/// One statement of the health summary as a sentence.
pub fn summary_text(line: &SummaryLine) -> String {
    use SummaryLine::*;
    match line {
        Size { people, organizations, ties } => t_args(
            "net-sum-size",
            &[("people", (*people).into()), ("organizations", (*organizations).into()), ("ties", (*ties).into())],
        ),
        TooSmall => t("net-sum-too-small"),
        Density { density } => t_args(
            "net-sum-density",
            &[("density", format_fixed(*density, 2).into()), ("percent", format_percent(*density).into())],
        ),
        Connected { average_steps, diameter } => t_args(
            "net-sum-connected",
            &[("steps", format_fixed(*average_steps, 1).into()), ("diameter", (*diameter).into())],
        ),
        Fragmented { groups, largest, people, average_steps } => t_args(
            "net-sum-fragmented",
            &[
                ("groups", (*groups).into()),
                ("largest", (*largest).into()),
                ("people", (*people).into()),
                ("steps", format_fixed(*average_steps, 1).into()),
            ],
        ),
        Isolated { people } => t_args("net-sum-isolated", &[("count", (*people).into())]),
        Connectors { people } => {
            let names: Vec<String> = people.iter().map(person).collect();
            t_args("net-sum-connectors", &[("count", names.len().into()), ("names", list(&names))])
        }
        ConnectorWhy { name, reasons } => {
            let why: Vec<String> = reasons.iter().map(reason).collect();
            t_args("net-sum-why", &[("name", name.clone().into()), ("reasons", why.join(&t("list-semicolon")).into())])
        }
        MidLevelConnectors { names } => t_args("net-sum-mid-level", &[("count", names.len().into()), ("names", list(names))]),
        NoConnectors => t("net-sum-no-connectors"),
        NoHeterarchy { trust } => t_args("net-sum-no-heterarchy", &[("trust", (*trust).into())]),
        Heterarchies { count, organizations, sectors: s, mean_trust } => t_args(
            "net-sum-heterarchies",
            &[
                ("count", (*count).into()),
                ("organizations", list(organizations)),
                ("sectors", sectors(s)),
                ("trust", format_fixed(*mean_trust, 1).into()),
            ],
        ),
        InwardSector { sector, ei, all } => t_args(
            "net-sum-inward",
            &[
                ("sector", sector_word(*sector).into()),
                ("ei", format_fixed(*ei, 2).into()),
                ("all", if *all { "yes" } else { "no" }.into()),
            ],
        ),
        Silos { organizations } => t_args("net-sum-silos", &[("count", organizations.len().into()), ("names", list(organizations))]),
        CutPoint { person: p, cut_off, rest } => {
            let args = [
                ("person", Arg::from(person(p))),
                ("count", cut_off.len().into()),
                ("cut_off", list(cut_off)),
                ("rest", list(rest)),
            ];
            t_args(if rest.is_empty() { "net-sum-cut" } else { "net-sum-cut-with" }, &args)
        }
        CutPointsInAll { people } => t_args("net-sum-cut-all", &[("count", (*people).into())]),
        OnlyLinks { people } => t_args("net-sum-only-links", &[("count", (*people).into())]),
        NoCutPoints => t("net-sum-no-cut"),
        SectorBalance { balance, people } => {
            let parts: Vec<String> = people
                .iter()
                .map(|(s, k)| t_args("net-sector-count", &[("sector", sector_word(*s).into()), ("count", (*k).into())]))
                .collect();
            t_args("net-sum-balance", &[("percent", format_percent(*balance).into()), ("counts", list(&parts))])
        }
        MissingSectors { sectors: s } => t_args("net-sum-missing", &[("count", s.len().into()), ("sectors", sectors(s))]),
    }
}

/// A network form's field as its label names it, in the reader's language.
pub fn field_name(field: NetworkField) -> String {
    match field {
        NetworkField::Name => t("net-field-name"),
        NetworkField::Sector => t("net-field-sector"),
        NetworkField::Tags => t("net-field-tags"),
        NetworkField::Organization => t("net-field-organization"),
        NetworkField::Role => t("net-field-role"),
        NetworkField::Level => t("net-field-level"),
        NetworkField::From => t("net-field-from"),
        NetworkField::To => t("net-field-to"),
        NetworkField::Kind => t("net-field-kind"),
        NetworkField::Trust => t("net-field-trust"),
        NetworkField::Note => t("net-field-note"),
        NetworkField::WorksWith(n) => t_args("net-field-works-with", &[("n", n.into())]),
        NetworkField::WorksWithOrganization(n) => t_args("net-field-works-with-org", &[("n", n.into())]),
        NetworkField::Record => t("net-field-record"),
    }
}

/// A person or an organization named by id ("the person “ana”").
fn node_words(node: &NodeRef) -> String {
    match node {
        NodeRef::Person(id) => t_args("net-node-person", &[("id", id.clone().into())]),
        NodeRef::Organization(id) => t_args("net-node-organization", &[("id", id.clone().into())]),
    }
}

/// Why a network edit was refused, as a sentence in the reader's language.
pub fn edit_error_text(error: &NetworkEditError) -> String {
    match error {
        NetworkEditError::Invalid { field, problem } => {
            let name: Arg = field_name(*field).into();
            match problem {
                NetworkProblem::Field(FieldProblem::Required) => t_args("problem-required", &[("field", name)]),
                NetworkProblem::Field(FieldProblem::TooLong { length, max }) => {
                    t_args("problem-too-long", &[("field", name), ("length", (*length).into()), ("max", (*max).into())])
                }
                NetworkProblem::Field(other) => crate::plan::field_problem(&field.label(), other),
                NetworkProblem::ControlCharacters => t_args("net-problem-control", &[("field", name)]),
                NetworkProblem::TooManyTags { count, max } => {
                    t_args("net-problem-too-many-tags", &[("count", (*count).into()), ("max", (*max).into())])
                }
                NetworkProblem::TrustOutOfRange { found } => t_args("net-problem-trust", &[("found", (*found).into())]),
                NetworkProblem::MixedTie => t("net-problem-mixed-tie"),
                NetworkProblem::TieToItself => t("net-problem-tie-to-itself"),
                NetworkProblem::ColleagueNeedsName => t_args("net-problem-colleague-needs-name", &[("field", name)]),
                NetworkProblem::ColleagueIsSelf => t_args("net-problem-colleague-is-self", &[("field", name)]),
                NetworkProblem::NoSuchOrganization { .. } => t("net-problem-no-such-organization"),
                NetworkProblem::NoSuchEnd { .. } => t_args("net-problem-no-such-end", &[("field", name)]),
            }
        }
        NetworkEditError::UnknownOrganization(_) => t("net-error-unknown-organization"),
        NetworkEditError::UnknownPerson(_) => t("net-error-unknown-person"),
        NetworkEditError::UnknownTie(_) => t("net-error-unknown-tie"),
        NetworkEditError::MergeWithItself => t("net-error-merge-with-itself"),
    }
}

/// A sector as a brokerage reason names it; `None`: people without an organization.
fn group(sector: Option<Sector>) -> Arg {
    sector.map_or_else(|| t("net-group-none"), sector_word).into()
}

/// Why someone is a connector (the connectors list and the summary).
pub fn reason(r: &ConnectorReason) -> String {
    match r {
        ConnectorReason::LinksSectors { sectors: s } => t_args("net-why-sectors", &[("count", s.len().into()), ("sectors", sectors(s))]),
        ConnectorReason::Betweenness { value, highest } => t_args(
            if *highest { "net-why-highest-betweenness" } else { "net-why-betweenness" },
            &[("value", format_fixed(*value, 2).into())],
        ),
        ConnectorReason::LowConstraint { value } => t_args("net-why-low-constraint", &[("value", format_fixed(*value, 2).into())]),
        ConnectorReason::MidLevel => t("net-why-mid-level"),
        ConnectorReason::LinksOrganizations { count } => t_args("net-why-organizations", &[("count", (*count).into())]),
        ConnectorReason::Liaison { paths, between, and } => {
            t_args("net-why-liaison", &[("paths", (*paths).into()), ("a", group(*between)), ("b", group(*and))])
        }
        ConnectorReason::Itinerant { paths, within } => t_args("net-why-itinerant", &[("paths", (*paths).into()), ("group", group(*within))]),
        ConnectorReason::Represents { paths, own, towards } => {
            t_args("net-why-represents", &[("paths", (*paths).into()), ("own", group(*own)), ("other", group(*towards))])
        }
        ConnectorReason::Gatekeeper { paths, own, from } => {
            t_args("net-why-gatekeeper", &[("paths", (*paths).into()), ("own", group(*own)), ("other", group(*from))])
        }
        ConnectorReason::MidLevelStaff => t("net-why-mid-level-staff"),
        ConnectorReason::JuniorStaff => t("net-why-junior-staff"),
    }
}

/// A measure the analysis could not compute as asked, as a sentence.
pub fn warning_text(w: &AnalysisWarning) -> String {
    let metric = |graph: &'static str, m: &MetricWarning| match m {
        MetricWarning::WeightedBetweennessUnweighted { length } => {
            t_args("net-warning-weighted", &[("graph", graph.into()), ("length", format_fixed(*length, 2).into())])
        }
        MetricWarning::EigenvectorNotConverged { iterations } => {
            t_args("net-warning-eigenvector", &[("graph", graph.into()), ("iterations", (*iterations).into())])
        }
    };
    match w {
        AnalysisWarning::People(m) => metric("people", m),
        AnalysisWarning::Organizations(m) => metric("organizations", m),
        AnalysisWarning::TooManyCliques { limit } => t_args("net-warning-cliques", &[("limit", (*limit).into())]),
    }
}

/// A message chosen by the analysis worker (an import problem's reason, a
/// whole-network check), with its arguments, in the reader's language.
fn message_text(id: &str, args: &[(impl AsRef<str>, WireArg)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                WireArg::Text(s) => Arg::from(s.clone()),
                WireArg::Number(n) => Arg::from(*n),
                WireArg::Node(node) => Arg::from(node_words(node)),
            };
            (name.as_ref(), value)
        })
        .collect();
    t_args(id, &args)
}

/// Why a network could not be applied (a whole-network check).
pub fn network_error_text(e: &NetworkError) -> String {
    let (id, args) = network_error_message(e);
    message_text(id, &args)
}

/// One problem of an import, naming the file, the line and the field.
pub fn import_problem_text(p: &WordedProblem) -> String {
    let mut place = vec![p.file.clone()];
    if let Some(line) = p.line {
        place.push(t_args("net-file-line", &[("line", line.into())]));
    }
    if let Some(field) = &p.field {
        place.push(t_args("net-file-field", &[("field", field.clone().into())]));
    }
    if let Some(column) = p.column {
        place.push(t_args("net-file-column", &[("column", column.into())]));
    }
    t_args("net-file-problem", &[("place", place.join(", ").into()), ("reason", message_text(&p.id, &p.args).into())])
}
