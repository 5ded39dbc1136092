//! The ranked "connectors" list: the people who make organizations and
//! sectors work together, each with the reasons (structured: numbers as
//! numbers, sectors as sectors).
//!
//! The score favours brokerage across sectors and betweenness, the two signs
//! of a person others depend on to reach another world:
//!
//! score = 0.35 · cross-sector brokerage + 0.25 · betweenness
//!       + 0.15 · cross-organization brokerage + 0.15 · sector span
//!       + 0.10 · (1 − constraint)
//!
//! where each brokerage and betweenness term is divided by the network's
//! largest, sector span is (sectors linked − 1) / (sectors present − 1), and an
//! isolated person's constraint term is 0. Only people who broker across some
//! group or lie on some shortest path are listed. Mid-level and junior staff
//! are flagged: they are the connectors an organization chart does not show.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::brokerage::{brokered_group_pairs, Arcs, Role, RoleCounts};
use super::graph::{Adjacency, IndexedNetwork};
use super::model::{Level, OrgId, PersonId, Sector};
use super::summary::ConnectorReason;

/// A person on the connectors list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connector {
    pub person: PersonId,
    pub name: String,
    pub organization: Option<OrgId>,
    /// 0–1; see the module documentation.
    pub score: f64,
    /// The sectors the person reaches: their own and their contacts'.
    pub sectors_linked: Vec<Sector>,
    /// Brokered two-paths across sectors (every role but coordinator).
    pub brokerage_across_sectors: u64,
    /// Brokered two-paths across organizations.
    pub brokerage_across_organizations: u64,
    pub betweenness: f64,
    pub constraint: Option<f64>,
    /// True for mid-level and junior staff.
    pub mid_level: bool,
    /// Why the person is on the list, most telling first (the web app words
    /// them in the reader's language; `Display` is English).
    pub reasons: Vec<ConnectorReason>,
}

/// What the connectors list reads, all indexed by person.
pub struct ConnectorInputs<'a> {
    pub net: &'a IndexedNetwork<'a>,
    pub graph: &'a Adjacency,
    pub arcs: &'a Arcs,
    /// Each person's sector as a group (`Sector::index`), `None` without one.
    pub sector_group: &'a [Option<u32>],
    pub by_sector: &'a [RoleCounts],
    pub by_organization: &'a [RoleCounts],
    pub betweenness: &'a [f64],
    pub constraint: &'a [Option<f64>],
}

fn group_sector(g: Option<u32>) -> Option<Sector> {
    g.map(|i| Sector::ALL[i as usize])
}

/// A sector as a reason's code holds it: 0 for none, else 1 + its index.
fn sector_code(s: Option<Sector>) -> f64 {
    s.map_or(0.0, |s| (s.index() + 1) as f64)
}

fn sector_of_code(x: f64) -> Result<Option<Sector>, String> {
    match x as usize {
        0 if x == 0.0 => Ok(None),
        k if x == k as f64 && k <= Sector::ALL.len() => Ok(Some(Sector::ALL[k - 1])),
        _ => Err(format!("{x} is no sector")),
    }
}

/// The compact form of a reason: `[kind, number, sector, sector]`; the
/// sectors a person links are a bit set in the number.
impl From<ConnectorReason> for [f64; 4] {
    fn from(r: ConnectorReason) -> [f64; 4] {
        use ConnectorReason::*;
        let n = |x: u64| x as f64;
        match r {
            LinksSectors { sectors } => [0.0, sectors.iter().map(|s| 1u64 << s.index()).sum::<u64>() as f64, 0.0, 0.0],
            Betweenness { value, highest } => [1.0, value, f64::from(u8::from(highest)), 0.0],
            LowConstraint { value } => [2.0, value, 0.0, 0.0],
            MidLevel => [3.0, 0.0, 0.0, 0.0],
            LinksOrganizations { count } => [4.0, count as f64, 0.0, 0.0],
            Liaison { paths, between, and } => [5.0, n(paths), sector_code(between), sector_code(and)],
            Itinerant { paths, within } => [6.0, n(paths), sector_code(within), 0.0],
            Represents { paths, own, towards } => [7.0, n(paths), sector_code(own), sector_code(towards)],
            Gatekeeper { paths, own, from } => [8.0, n(paths), sector_code(own), sector_code(from)],
            MidLevelStaff => [9.0, 0.0, 0.0, 0.0],
            JuniorStaff => [10.0, 0.0, 0.0, 0.0],
        }
    }
}

impl TryFrom<[f64; 4]> for ConnectorReason {
    type Error = String;
    fn try_from([kind, x, a, b]: [f64; 4]) -> Result<Self, String> {
        use ConnectorReason::*;
        let whole = |x: f64| if x >= 0.0 && x.fract() == 0.0 { Ok(x as u64) } else { Err(format!("{x} is not a count")) };
        Ok(match kind as i64 {
            0 => {
                let mask = whole(x)?;
                LinksSectors { sectors: Sector::ALL.into_iter().filter(|s| mask & (1 << s.index()) != 0).collect() }
            }
            1 => Betweenness { value: x, highest: a != 0.0 },
            2 => LowConstraint { value: x },
            3 => MidLevel,
            4 => LinksOrganizations { count: whole(x)? as usize },
            5 => Liaison { paths: whole(x)?, between: sector_of_code(a)?, and: sector_of_code(b)? },
            6 => Itinerant { paths: whole(x)?, within: sector_of_code(a)? },
            7 => Represents { paths: whole(x)?, own: sector_of_code(a)?, towards: sector_of_code(b)? },
            8 => Gatekeeper { paths: whole(x)?, own: sector_of_code(a)?, from: sector_of_code(b)? },
            9 => MidLevelStaff,
            10 => JuniorStaff,
            _ => return Err(format!("{kind} is no kind of connector reason")),
        })
    }
}

/// Lists `and`-joined items: "a", "a and b", "a, b and c".
pub(crate) fn join_words(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        k => format!("{} and {}", items[..k - 1].join(", "), items[k - 1]),
    }
}

/// The most frequent cross-sector brokerage of person `u`.
fn top_role_reason(inp: &ConnectorInputs, u: usize) -> Option<ConnectorReason> {
    // Liaison and itinerant paths read the same both ways; merge A→C with C→A.
    let mut merged: std::collections::BTreeMap<(Role, Option<u32>, Option<u32>), u64> =
        Default::default();
    for (role, a, c, k) in brokered_group_pairs(inp.arcs, inp.sector_group, u) {
        if role == Role::Coordinator {
            continue;
        }
        let key = match role {
            Role::Liaison | Role::Itinerant => (role, a.min(c), a.max(c)),
            _ => (role, a, c),
        };
        *merged.entry(key).or_default() += k;
    }
    let ((role, a, c), k) = merged
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
    let own = group_sector(inp.sector_group[u]);
    let (a, c) = (group_sector(a), group_sector(c));
    Some(match role {
        Role::Liaison => ConnectorReason::Liaison { paths: k, between: a, and: c },
        Role::Itinerant => ConnectorReason::Itinerant { paths: k, within: a },
        Role::Representative => ConnectorReason::Represents { paths: k, own, towards: c },
        Role::Gatekeeper => ConnectorReason::Gatekeeper { paths: k, own, from: a },
        Role::Coordinator => unreachable!("coordinator paths are skipped"),
    })
}

/// The connectors, best first, at most `top` of them.
pub fn connectors(inp: &ConnectorInputs, top: usize) -> Vec<Connector> {
    let net = inp.net;
    let n = net.person_count();
    let sector_of = |p: usize| net.person_org[p].map(|o| net.network.organizations[o].sector);
    let max_f = |xs: &mut dyn Iterator<Item = f64>| xs.fold(0.0f64, f64::max);
    let max_s = max_f(&mut inp.by_sector.iter().map(|r| r.across_groups() as f64));
    let max_o = max_f(&mut inp.by_organization.iter().map(|r| r.across_groups() as f64));
    let max_b = max_f(&mut inp.betweenness.iter().copied());
    let present: BTreeSet<Sector> = net.network.organizations.iter().map(|o| o.sector).collect();
    let ratio = |x: f64, max: f64| if max > 0.0 { x / max } else { 0.0 };
    let mut out: Vec<Connector> = (0..n)
        .filter_map(|u| {
            let cross_s = inp.by_sector[u].across_groups();
            let cross_o = inp.by_organization[u].across_groups();
            let b = inp.betweenness[u];
            if cross_s == 0 && cross_o == 0 && b <= 0.0 {
                return None;
            }
            let mut sectors: BTreeSet<Sector> = sector_of(u).into_iter().collect();
            let mut orgs: BTreeSet<usize> = net.person_org[u].into_iter().collect();
            for &v in inp.graph.neighbors(u) {
                sectors.extend(sector_of(v as usize));
                orgs.extend(net.person_org[v as usize]);
            }
            let span = if present.len() > 1 {
                (sectors.len().saturating_sub(1) as f64 / (present.len() - 1) as f64).min(1.0)
            } else {
                0.0
            };
            let c = inp.constraint[u];
            let openness = c.map_or(0.0, |c| (1.0 - c).clamp(0.0, 1.0));
            let score = 0.35 * ratio(cross_s as f64, max_s)
                + 0.25 * ratio(b, max_b)
                + 0.15 * ratio(cross_o as f64, max_o)
                + 0.15 * span
                + 0.10 * openness;
            let person = &net.network.people[u];
            let level = person.level;
            let mut reasons = Vec::new();
            if sectors.len() >= 2 {
                reasons.push(ConnectorReason::LinksSectors { sectors: sectors.iter().copied().collect() });
            }
            if cross_s > 0 {
                reasons.extend(top_role_reason(inp, u));
            }
            if cross_o > 0 && orgs.len() >= 2 {
                reasons.push(ConnectorReason::LinksOrganizations { count: orgs.len() });
            }
            if b > 0.0 {
                reasons.push(ConnectorReason::Betweenness { value: b, highest: b == max_b });
            }
            if let Some(c) = c.filter(|&c| c <= 0.5) {
                reasons.push(ConnectorReason::LowConstraint { value: c });
            }
            match level {
                Some(Level::Mid) => reasons.push(ConnectorReason::MidLevelStaff),
                Some(Level::Junior) => reasons.push(ConnectorReason::JuniorStaff),
                _ => {}
            }
            Some(Connector {
                person: person.id.clone(),
                name: person.name.clone(),
                organization: person.organization.clone(),
                score,
                sectors_linked: sectors.into_iter().collect(),
                brokerage_across_sectors: cross_s,
                brokerage_across_organizations: cross_o,
                betweenness: b,
                constraint: c,
                mid_level: matches!(level, Some(Level::Mid | Level::Junior)),
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.person.cmp(&b.person)));
    out.truncate(top);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_travel_as_four_numbers_and_come_back_the_same() {
        use ConnectorReason::*;
        let all = [
            LinksSectors { sectors: vec![Sector::Government, Sector::CivilSociety] },
            Betweenness { value: 0.4242, highest: true },
            Betweenness { value: 0.1, highest: false },
            LowConstraint { value: 0.31 },
            MidLevel,
            LinksOrganizations { count: 4 },
            Liaison { paths: 2, between: Some(Sector::Business), and: None },
            Itinerant { paths: 1, within: Some(Sector::Other) },
            Represents { paths: 3, own: None, towards: Some(Sector::Government) },
            Gatekeeper { paths: 7, own: Some(Sector::CivilSociety), from: Some(Sector::Business) },
            MidLevelStaff,
            JuniorStaff,
        ];
        for r in all {
            let json = serde_json::to_string(&r).unwrap();
            assert!(json.starts_with('['), "{json}");
            assert_eq!(serde_json::from_str::<ConnectorReason>(&json).unwrap(), r, "{json}");
        }
        assert!(serde_json::from_str::<ConnectorReason>("[11,0,0,0]").is_err());
        assert!(serde_json::from_str::<ConnectorReason>("[5,2,9,0]").is_err(), "no ninth sector");
        assert!(serde_json::from_str::<ConnectorReason>("[4,2.5,0,0]").is_err(), "counts are whole");
    }
}
