//! The network's words in the reader's language: sector, tie kind, measure
//! and brokerage role names, the health summary's statements (structured in
//! `core::network::summary`) and what-ifs, all from the catalogs.

use constellation_core::network::summary::{ConnectorReason, PersonName, SummaryLine};
use constellation_core::network::{Role, RoleCounts, Sector, TieKind, WhatIf};

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

fn reason(r: &ConnectorReason) -> String {
    match r {
        ConnectorReason::LinksSectors { sectors: s } => t_args("net-why-sectors", &[("count", s.len().into()), ("sectors", sectors(s))]),
        ConnectorReason::Betweenness { value, highest } => t_args(
            if *highest { "net-why-highest-betweenness" } else { "net-why-betweenness" },
            &[("value", format_fixed(*value, 2).into())],
        ),
        ConnectorReason::LowConstraint { value } => t_args("net-why-low-constraint", &[("value", format_fixed(*value, 2).into())]),
        ConnectorReason::MidLevel => t("net-why-mid-level"),
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
