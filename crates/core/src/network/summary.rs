//! The network health summary: a few plain statements a facilitator can read
//! aloud — size and density, fragmentation, connectors, heterarchies, silos,
//! cut points and sector balance. The summary depends only on the analysis,
//! so the same network always reads the same.
//!
//! Core stays language-neutral: each statement is a [`SummaryLine`], what it
//! says with its numbers as numbers and names as names. The web app writes
//! each kind from its message catalogs (`net-sum-*` in `locales/*.ftl`, by
//! [`SummaryLine::kind`]); `Display` gives the English sentence, for the
//! command line (`constellation analyze`) and logs.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::connectors::join_words;
use super::model::{Network, Sector};
use super::{Analysis, AnalysisConfig};

/// A person as the summary names them: their name and their organization's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonName {
    pub name: String,
    pub organization: Option<String>,
}

impl fmt::Display for PersonName {
    /// "Ana Ruiz (City Hall)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.organization {
            Some(org) => write!(f, "{} ({org})", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// Why someone is a connector, most telling first. Serialized as four
/// numbers (`[kind, number, sector, sector]`, see `connectors.rs`): the page
/// reads many from the analysis worker, and a derived reader of this many
/// variants costs the first load far more code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "[f64; 4]", try_from = "[f64; 4]")]
pub enum ConnectorReason {
    /// Reaches people of these sectors (two or more).
    LinksSectors { sectors: Vec<Sector> },
    /// Lies on many shortest paths; `highest` when no one lies on more.
    Betweenness { value: f64, highest: bool },
    /// Contacts that do not know each other (Burt's constraint, at most 0.5).
    LowConstraint { value: f64 },
    /// Mid-level or junior staff.
    MidLevel,
    /// Ties people of this many organizations (their own and their contacts').
    LinksOrganizations { count: usize },
    /// The most frequent brokerage across sectors: a liaison between two
    /// sectors neither of which is the person's own (`None`: people without
    /// an organization), on `paths` two-step paths.
    Liaison { paths: u64, between: Option<Sector>, and: Option<Sector> },
    /// An itinerant broker within another sector.
    Itinerant { paths: u64, within: Option<Sector> },
    /// Represents the person's own sector towards another.
    Represents { paths: u64, own: Option<Sector>, towards: Option<Sector> },
    /// Gatekeeper for the person's own sector, from another.
    Gatekeeper { paths: u64, own: Option<Sector>, from: Option<Sector> },
    /// Mid-level staff (the connectors list says which level).
    MidLevelStaff,
    /// Junior staff.
    JuniorStaff,
}

impl fmt::Display for ConnectorReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectorReason::LinksSectors { sectors } => {
                write!(f, "links {} sectors ({})", sectors.len(), join_words(&labels(sectors)))
            }
            ConnectorReason::Betweenness { value, highest: true } => {
                write!(f, "highest betweenness in the network ({value:.2})")
            }
            ConnectorReason::Betweenness { value, highest: false } => write!(f, "betweenness {value:.2}"),
            ConnectorReason::LowConstraint { value } => write!(f, "low constraint {value:.2}"),
            ConnectorReason::MidLevel => f.write_str("mid-level or junior staff"),
            ConnectorReason::LinksOrganizations { count } => write!(f, "links {count} organizations"),
            ConnectorReason::Liaison { paths, between, and } => {
                write!(f, "liaison {} between {} and {}", on_paths(*paths), group(*between), group(*and))
            }
            ConnectorReason::Itinerant { paths, within } => {
                write!(f, "itinerant broker {} within {}", on_paths(*paths), group(*within))
            }
            ConnectorReason::Represents { paths, own, towards } => {
                write!(f, "represents {} towards {} {}", group(*own), group(*towards), on_paths(*paths))
            }
            ConnectorReason::Gatekeeper { paths, own, from } => {
                write!(f, "gatekeeper for {} from {} {}", group(*own), group(*from), on_paths(*paths))
            }
            ConnectorReason::MidLevelStaff => f.write_str("mid-level staff"),
            ConnectorReason::JuniorStaff => f.write_str("junior staff"),
        }
    }
}

/// A sector as a brokerage reason names it; `None`: people without an organization.
fn group(sector: Option<Sector>) -> &'static str {
    sector.map_or("people without an organization", Sector::label)
}

fn on_paths(paths: u64) -> String {
    if paths == 1 { "on 1 path".to_string() } else { format!("on {paths} paths") }
}

/// One statement of the health summary. Serialized externally tagged
/// (`{"size": {…}}`, `"too_small"`): the page reads it back from the analysis
/// worker's JSON, and an internally tagged enum costs far more code to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryLine {
    /// How many people, organizations and ties.
    Size { people: usize, organizations: usize, ties: usize },
    /// Fewer than two people: nothing more to say.
    TooSmall,
    /// The share of possible ties between people that exist (0–1).
    Density { density: f64 },
    /// One component: average and longest distance between two people.
    Connected { average_steps: f64, diameter: u32 },
    /// Several groups of two or more people that do not reach each other.
    Fragmented { groups: usize, largest: usize, people: usize, average_steps: f64 },
    /// People with no ties.
    Isolated { people: usize },
    /// The strongest connectors (up to three).
    Connectors { people: Vec<PersonName> },
    /// Why the first connector is one (up to two reasons).
    ConnectorWhy { name: String, reasons: Vec<ConnectorReason> },
    /// Mid-level or junior staff among the top five connectors.
    MidLevelConnectors { names: Vec<String> },
    NoConnectors,
    /// No three organizations of different sectors tied with at least this trust.
    NoHeterarchy { trust: u8 },
    /// How many heterarchies, and the strongest's organizations and sectors.
    Heterarchies { count: usize, organizations: Vec<String>, sectors: Vec<Sector>, mean_trust: f64 },
    /// The sector whose ties stay most inside it (E-I index below 0); `all`
    /// when every one of them does.
    InwardSector { sector: Sector, ei: f64, all: bool },
    /// Organizations (up to three) whose ties mostly stay inside.
    Silos { organizations: Vec<String> },
    /// If this person left, the first organizations would lose contact with
    /// the second (possibly none named).
    CutPoint { person: PersonName, cut_off: Vec<String>, rest: Vec<String> },
    /// How many people are the only link between some part and the rest.
    CutPointsInAll { people: usize },
    /// People who are someone's only link, though no organization depends on one.
    OnlyLinks { people: usize },
    NoCutPoints,
    /// Sector balance (0–1 of the ideal) and the people per main sector.
    SectorBalance { balance: f64, people: Vec<(Sector, usize)> },
    /// Main sectors no one takes part from.
    MissingSectors { sectors: Vec<Sector> },
}

impl SummaryLine {
    /// The statement's kind, as its serialized variant name (`size`, `too_small`, …):
    /// the catalogs' `net-sum-*` messages follow these names.
    pub fn kind(&self) -> &'static str {
        match self {
            SummaryLine::Size { .. } => "size",
            SummaryLine::TooSmall => "too_small",
            SummaryLine::Density { .. } => "density",
            SummaryLine::Connected { .. } => "connected",
            SummaryLine::Fragmented { .. } => "fragmented",
            SummaryLine::Isolated { .. } => "isolated",
            SummaryLine::Connectors { .. } => "connectors",
            SummaryLine::ConnectorWhy { .. } => "connector_why",
            SummaryLine::MidLevelConnectors { .. } => "mid_level_connectors",
            SummaryLine::NoConnectors => "no_connectors",
            SummaryLine::NoHeterarchy { .. } => "no_heterarchy",
            SummaryLine::Heterarchies { .. } => "heterarchies",
            SummaryLine::InwardSector { .. } => "inward_sector",
            SummaryLine::Silos { .. } => "silos",
            SummaryLine::CutPoint { .. } => "cut_point",
            SummaryLine::CutPointsInAll { .. } => "cut_points_in_all",
            SummaryLine::OnlyLinks { .. } => "only_links",
            SummaryLine::NoCutPoints => "no_cut_points",
            SummaryLine::SectorBalance { .. } => "sector_balance",
            SummaryLine::MissingSectors { .. } => "missing_sectors",
        }
    }
}

fn plural(k: usize, one: &str, many: &str) -> String {
    if k == 1 {
        format!("1 {one}")
    } else {
        format!("{k} {many}")
    }
}

fn labels(sectors: &[Sector]) -> Vec<String> {
    sectors.iter().map(|s| s.label().to_string()).collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
}

fn people_words(people: &[PersonName]) -> String {
    join_words(&people.iter().map(ToString::to_string).collect::<Vec<_>>())
}

impl fmt::Display for SummaryLine {
    /// The statement as an English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SummaryLine::*;
        match self {
            Size { people, organizations, ties } => write!(
                f,
                "The network has {} in {}, joined by {}.",
                plural(*people, "person", "people"),
                plural(*organizations, "organization", "organizations"),
                plural(*ties, "tie", "ties"),
            ),
            TooSmall => f.write_str("Add people and ties to see how the coalition is connected."),
            Density { density } => write!(
                f,
                "Density is {density:.2}: {:.0}% of the possible ties between people exist.",
                density * 100.0
            ),
            Connected { average_steps, diameter } => write!(
                f,
                "Everyone is connected: two people are on average {average_steps:.1} steps apart, and at most {diameter}."
            ),
            Fragmented { groups, largest, people, average_steps } => write!(
                f,
                "The people fall into {} that do not reach each other; the largest holds {largest} of {people}, who are on average {average_steps:.1} steps apart.",
                plural(*groups, "connected group", "separate connected groups"),
            ),
            Isolated { people } => write!(f, "{} no ties yet.", plural(*people, "person has", "people have")),
            Connectors { people } => write!(
                f,
                "The strongest {} {}.",
                if people.len() == 1 { "connector is" } else { "connectors are" },
                people_words(people)
            ),
            ConnectorWhy { name, reasons } => {
                let why: Vec<String> = reasons.iter().map(ToString::to_string).collect();
                write!(f, "Why {name}: {}.", why.join("; "))
            }
            MidLevelConnectors { names } => {
                let one = names.len() == 1;
                write!(
                    f,
                    "{} {} mid-level or junior staff: {} an organization chart would miss.",
                    join_words(names),
                    if one { "is" } else { "are" },
                    if one { "a connector" } else { "connectors" },
                )
            }
            NoConnectors => f.write_str("No one connects different organizations or sectors yet."),
            NoHeterarchy { trust } => write!(
                f,
                "No heterarchy yet: no three organizations from different sectors are tied together with trust {trust} or more."
            ),
            Heterarchies { count, organizations, sectors, mean_trust } => write!(
                f,
                "{} found; the strongest joins {} ({}) with average trust {mean_trust:.1}.",
                plural(*count, "heterarchy", "heterarchies"),
                join_words(organizations),
                join_words(&labels(sectors)),
            ),
            InwardSector { sector, ei, all } => write!(
                f,
                "{} is the most inward-looking sector (E-I index {ei:.2}): {} of its ties stay inside it.",
                capitalize(sector.label()),
                if *all { "all" } else { "most" },
            ),
            Silos { organizations } => {
                let one = organizations.len() == 1;
                write!(
                    f,
                    "{} {} to {}: most of {} ties stay inside.",
                    join_words(organizations),
                    if one { "keeps" } else { "keep" },
                    if one { "itself" } else { "themselves" },
                    if one { "its" } else { "their" },
                )
            }
            CutPoint { person, cut_off, rest } => {
                write!(f, "If {person} leaves, {} would lose contact", join_words(cut_off))?;
                if !rest.is_empty() {
                    write!(f, " with {}", join_words(rest))?;
                }
                f.write_str(".")
            }
            CutPointsInAll { people } => write!(
                f,
                "In all, {} the only link between some part of the network and the rest.",
                plural(*people, "person is", "people are")
            ),
            OnlyLinks { people } => write!(
                f,
                "{} the only link of someone to the rest; no organization depends on a single person.",
                plural(*people, "person is", "people are")
            ),
            NoCutPoints => f.write_str("No single person's leaving would cut anyone off."),
            SectorBalance { balance, people } => {
                let parts: Vec<String> = people.iter().map(|(s, k)| format!("{} {k}", s.label())).collect();
                write!(f, "Sector balance is {:.0}% of the ideal (people: {}).", balance * 100.0, join_words(&parts))
            }
            MissingSectors { sectors } => write!(f, "No one from {} takes part yet.", join_words(&labels(sectors))),
        }
    }
}

/// A person's name with their organization's.
fn person_name(net: &Network, id: &str) -> PersonName {
    let Some(p) = net.people.iter().find(|p| p.id == id) else {
        return PersonName { name: id.to_string(), organization: None };
    };
    let organization = p
        .organization
        .as_ref()
        .and_then(|o| net.organizations.iter().find(|x| &x.id == o))
        .map(|o| o.name.clone());
    PersonName { name: p.name.clone(), organization }
}

fn org_names(net: &Network, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| net.organizations.iter().find(|o| &o.id == id).map_or(id.clone(), |o| o.name.clone()))
        .collect()
}

/// The summary, in reading order.
pub fn summarize(net: &Network, a: &Analysis, config: &AnalysisConfig) -> Vec<SummaryLine> {
    let mut out = Vec::new();
    let people = net.people.len();
    out.push(SummaryLine::Size { people, organizations: net.organizations.len(), ties: net.ties.len() });
    if people < 2 {
        out.push(SummaryLine::TooSmall);
        return out;
    }
    let whole = &a.person_network;
    out.push(SummaryLine::Density { density: whole.density });
    let isolated = a.people.iter().filter(|p| p.degree == 0).count();
    let groups = whole.components.iter().filter(|c| c.len() > 1).count();
    let average_steps = whole.average_path_length.unwrap_or(0.0);
    if whole.components.len() == 1 {
        out.push(SummaryLine::Connected { average_steps, diameter: whole.diameter.unwrap_or(0) });
    } else if groups > 0 {
        out.push(SummaryLine::Fragmented { groups, largest: whole.components[0].len(), people, average_steps });
    }
    if isolated > 0 {
        out.push(SummaryLine::Isolated { people: isolated });
    }

    if let Some(first) = a.connectors.first() {
        let top = a.connectors.iter().take(3).map(|c| person_name(net, &c.person)).collect();
        out.push(SummaryLine::Connectors { people: top });
        let reasons = connector_reasons(first, a);
        if !reasons.is_empty() {
            out.push(SummaryLine::ConnectorWhy { name: first.name.clone(), reasons });
        }
        let names: Vec<String> = a.connectors.iter().take(5).filter(|c| c.mid_level).map(|c| c.name.clone()).collect();
        if !names.is_empty() {
            out.push(SummaryLine::MidLevelConnectors { names });
        }
    } else {
        out.push(SummaryLine::NoConnectors);
    }

    match a.heterarchies.first() {
        None => out.push(SummaryLine::NoHeterarchy { trust: config.trust_threshold.get() }),
        Some(h) => out.push(SummaryLine::Heterarchies {
            count: a.heterarchies.len(),
            organizations: org_names(net, &h.organizations),
            sectors: h.sectors.clone(),
            mean_trust: h.mean_trust,
        }),
    }

    let inward = a
        .silos
        .by_sector
        .iter()
        .filter_map(|s| s.ei.index.map(|i| (i, s.sector)))
        .filter(|&(i, _)| i < 0.0)
        .min_by(|x, y| x.0.total_cmp(&y.0));
    if let Some((ei, sector)) = inward {
        out.push(SummaryLine::InwardSector { sector, ei, all: ei <= -1.0 });
    }
    let mut silos: Vec<(f64, &str)> = a
        .silos
        .by_organization
        .iter()
        .filter(|o| o.ei.internal >= 2)
        .filter_map(|o| o.ei.index.filter(|&i| i <= -0.5).map(|i| (i, o.organization.as_str())))
        .collect();
    silos.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(y.1)));
    if !silos.is_empty() {
        let ids: Vec<String> = silos.iter().take(3).map(|s| s.1.to_string()).collect();
        out.push(SummaryLine::Silos { organizations: org_names(net, &ids) });
    }

    let separating = a.resilience.cut_points.iter().filter(|c| c.split.pieces.len() > 1).count();
    match a.resilience.cut_points.first() {
        Some(cut) if cut.split.pieces.iter().skip(1).any(|p| !p.organizations.is_empty()) => {
            let cut_off: Vec<String> = cut.split.pieces.iter().skip(1).flat_map(|p| p.organizations.clone()).collect();
            out.push(SummaryLine::CutPoint {
                person: person_name(net, &cut.people_leaving[0]),
                cut_off: org_names(net, &cut_off),
                rest: org_names(net, &cut.split.pieces[0].organizations),
            });
            if separating > 1 {
                out.push(SummaryLine::CutPointsInAll { people: separating });
            }
        }
        Some(_) => out.push(SummaryLine::OnlyLinks { people: separating }),
        None => out.push(SummaryLine::NoCutPoints),
    }

    let b = &a.silos.balance_of_people;
    if let Some(balance) = b.normalized {
        let counts: Vec<(Sector, usize)> = Sector::MAIN.iter().copied().zip(b.counts.iter().map(|&k| k as usize)).collect();
        let missing: Vec<Sector> = counts.iter().filter(|&&(_, k)| k == 0).map(|&(s, _)| s).collect();
        out.push(SummaryLine::SectorBalance { balance, people: counts });
        if !missing.is_empty() {
            out.push(SummaryLine::MissingSectors { sectors: missing });
        }
    }
    out
}

/// Up to two reasons, from what the connectors list measured: the sectors
/// reached, betweenness, low constraint, then seniority.
fn connector_reasons(c: &super::connectors::Connector, a: &Analysis) -> Vec<ConnectorReason> {
    let mut reasons = Vec::new();
    if c.sectors_linked.len() >= 2 {
        reasons.push(ConnectorReason::LinksSectors { sectors: c.sectors_linked.clone() });
    }
    if c.betweenness > 0.0 {
        let max = a.people.iter().map(|p| p.betweenness).fold(0.0f64, f64::max);
        reasons.push(ConnectorReason::Betweenness { value: c.betweenness, highest: c.betweenness >= max });
    }
    if let Some(value) = c.constraint.filter(|&v| v <= 0.5) {
        reasons.push(ConnectorReason::LowConstraint { value });
    }
    if c.mid_level {
        reasons.push(ConnectorReason::MidLevel);
    }
    reasons.truncate(2);
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogs name their messages after `kind()`: it must be the tag
    /// the statement travels with (the analysis worker sends JSON).
    #[test]
    fn kind_is_the_serialized_tag_and_lines_round_trip() {
        let person = PersonName { name: "Ana".into(), organization: Some("City Hall".into()) };
        let lines = vec![
            SummaryLine::Size { people: 2, organizations: 1, ties: 1 },
            SummaryLine::TooSmall,
            SummaryLine::Density { density: 0.5 },
            SummaryLine::Connected { average_steps: 1.0, diameter: 1 },
            SummaryLine::Fragmented { groups: 2, largest: 3, people: 7, average_steps: 1.0 },
            SummaryLine::Isolated { people: 1 },
            SummaryLine::Connectors { people: vec![person.clone()] },
            SummaryLine::ConnectorWhy {
                name: "Ana".into(),
                reasons: vec![
                    ConnectorReason::LinksSectors { sectors: vec![Sector::Government, Sector::Business] },
                    ConnectorReason::Betweenness { value: 0.5, highest: true },
                    ConnectorReason::LowConstraint { value: 0.25 },
                    ConnectorReason::MidLevel,
                ],
            },
            SummaryLine::MidLevelConnectors { names: vec!["Ana".into()] },
            SummaryLine::NoConnectors,
            SummaryLine::NoHeterarchy { trust: 4 },
            SummaryLine::Heterarchies { count: 1, organizations: vec!["A".into()], sectors: vec![Sector::Other], mean_trust: 4.5 },
            SummaryLine::InwardSector { sector: Sector::Government, ei: -1.0, all: true },
            SummaryLine::Silos { organizations: vec!["Acme".into()] },
            SummaryLine::CutPoint { person, cut_off: vec!["A".into()], rest: vec![] },
            SummaryLine::CutPointsInAll { people: 2 },
            SummaryLine::OnlyLinks { people: 1 },
            SummaryLine::NoCutPoints,
            SummaryLine::SectorBalance { balance: 0.75, people: vec![(Sector::Government, 3)] },
            SummaryLine::MissingSectors { sectors: vec![Sector::CivilSociety] },
        ];
        for line in &lines {
            let json = serde_json::to_value(line).unwrap();
            let tag = match &json {
                serde_json::Value::String(unit) => unit.clone(),
                serde_json::Value::Object(one) if one.len() == 1 => one.keys().next().unwrap().clone(),
                other => panic!("not externally tagged: {other}"),
            };
            assert_eq!(tag, line.kind(), "{json}");
            assert_eq!(&serde_json::from_value::<SummaryLine>(json).unwrap(), line);
        }
        assert_eq!(
            lines[7].to_string(),
            "Why Ana: links 2 sectors (government and business); highest betweenness in the network (0.50); low constraint 0.25; mid-level or junior staff."
        );
        assert_eq!(lines[14].to_string(), "If Ana (City Hall) leaves, A would lose contact.");
    }
}
