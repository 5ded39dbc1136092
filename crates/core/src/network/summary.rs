//! The network health summary: a few plain sentences a facilitator can read
//! aloud — size and density, fragmentation, connectors, heterarchies, silos,
//! cut points and sector balance. The text depends only on the analysis, so
//! the same network always reads the same.

use super::connectors::join_words;
use super::model::{Network, Sector};
use super::{Analysis, AnalysisConfig};

fn plural(k: usize, one: &str, many: &str) -> String {
    if k == 1 {
        format!("1 {one}")
    } else {
        format!("{k} {many}")
    }
}

/// A person's name with their organization: "Ana Ruiz (City Hall)".
fn person_label(net: &Network, id: &str) -> String {
    let Some(p) = net.people.iter().find(|p| p.id == id) else {
        return id.to_string();
    };
    let org = p
        .organization
        .as_ref()
        .and_then(|o| net.organizations.iter().find(|x| &x.id == o))
        .map(|o| o.name.as_str());
    match org {
        Some(org) => format!("{} ({org})", p.name),
        None => p.name.clone(),
    }
}

fn org_names(net: &Network, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            net.organizations
                .iter()
                .find(|o| &o.id == id)
                .map_or(id.clone(), |o| o.name.clone())
        })
        .collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The summary sentences, in reading order.
pub fn summarize(net: &Network, a: &Analysis, config: &AnalysisConfig) -> Vec<String> {
    let mut out = Vec::new();
    let people = net.people.len();
    out.push(format!(
        "The network has {} in {}, joined by {}.",
        plural(people, "person", "people"),
        plural(net.organizations.len(), "organization", "organizations"),
        plural(net.ties.len(), "tie", "ties"),
    ));
    if people < 2 {
        out.push("Add people and ties to see how the coalition is connected.".to_string());
        return out;
    }
    let whole = &a.person_network;
    out.push(format!(
        "Density is {:.2}: {:.0}% of the possible ties between people exist.",
        whole.density,
        whole.density * 100.0
    ));
    let isolated = a.people.iter().filter(|p| p.degree == 0).count();
    let groups = whole.components.iter().filter(|c| c.len() > 1).count();
    let apl = whole.average_path_length.unwrap_or(0.0);
    let diameter = whole.diameter.unwrap_or(0);
    if whole.components.len() == 1 {
        out.push(format!(
            "Everyone is connected: two people are on average {apl:.1} steps apart, and at most {}.",
            diameter
        ));
    } else if groups > 0 {
        let largest = whole.components[0].len();
        out.push(format!(
            "The people fall into {} that do not reach each other; the largest holds {largest} of {people}, who are on average {apl:.1} steps apart.",
            plural(groups, "connected group", "separate connected groups"),
        ));
    }
    if isolated > 0 {
        out.push(format!(
            "{} no ties yet.",
            plural(isolated, "person has", "people have")
        ));
    }

    if !a.connectors.is_empty() {
        let top: Vec<String> = a
            .connectors
            .iter()
            .take(3)
            .map(|c| person_label(net, &c.person))
            .collect();
        let first = &a.connectors[0];
        out.push(format!(
            "The strongest {} {}.",
            if top.len() == 1 {
                "connector is"
            } else {
                "connectors are"
            },
            join_words(&top)
        ));
        let why: Vec<String> = first.reasons.iter().take(2).cloned().collect();
        if !why.is_empty() {
            out.push(format!("Why {}: {}.", first.name, why.join("; ")));
        }
        let mid: Vec<String> = a
            .connectors
            .iter()
            .take(5)
            .filter(|c| c.mid_level)
            .map(|c| c.name.clone())
            .collect();
        if !mid.is_empty() {
            out.push(format!(
                "{} {} mid-level or junior staff: {} an organization chart would miss.",
                join_words(&mid),
                if mid.len() == 1 { "is" } else { "are" },
                if mid.len() == 1 {
                    "a connector"
                } else {
                    "connectors"
                },
            ));
        }
    } else {
        out.push("No one connects different organizations or sectors yet.".to_string());
    }

    match a.heterarchies.first() {
        None => out.push(format!(
            "No heterarchy yet: no three organizations from different sectors are tied together with trust {} or more.",
            config.trust_threshold.get()
        )),
        Some(h) => {
            let sectors: Vec<String> = h.sectors.iter().map(|s| s.label().to_string()).collect();
            out.push(format!(
                "{} found; the strongest joins {} ({}) with average trust {:.1}.",
                plural(a.heterarchies.len(), "heterarchy", "heterarchies"),
                join_words(&org_names(net, &h.organizations)),
                join_words(&sectors),
                h.mean_trust
            ));
        }
    }

    let inward = a
        .silos
        .by_sector
        .iter()
        .filter_map(|s| s.ei.index.map(|i| (i, s.sector)))
        .filter(|&(i, _)| i < 0.0)
        .min_by(|x, y| x.0.total_cmp(&y.0));
    if let Some((i, sector)) = inward {
        out.push(format!(
            "{} is the most inward-looking sector (E-I index {i:.2}): {} of its ties stay inside it.",
            capitalize(sector.label()),
            if i <= -1.0 { "all" } else { "most" },
        ));
    }
    let mut silos: Vec<(f64, &str)> = a
        .silos
        .by_organization
        .iter()
        .filter(|o| o.ei.internal >= 2)
        .filter_map(|o| {
            o.ei.index
                .filter(|&i| i <= -0.5)
                .map(|i| (i, o.organization.as_str()))
        })
        .collect();
    silos.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(y.1)));
    if !silos.is_empty() {
        let ids: Vec<String> = silos.iter().take(3).map(|s| s.1.to_string()).collect();
        let one = ids.len() == 1;
        out.push(format!(
            "{} {} to {}: most of {} ties stay inside.",
            join_words(&org_names(net, &ids)),
            if one { "keeps" } else { "keep" },
            if one { "itself" } else { "themselves" },
            if one { "its" } else { "their" },
        ));
    }

    let separating = a
        .resilience
        .cut_points
        .iter()
        .filter(|c| c.split.pieces.len() > 1)
        .count();
    match a.resilience.cut_points.first() {
        Some(cut)
            if cut
                .split
                .pieces
                .iter()
                .skip(1)
                .any(|p| !p.organizations.is_empty()) =>
        {
            let who = person_label(net, &cut.people_leaving[0]);
            let cut_off: Vec<String> = cut
                .split
                .pieces
                .iter()
                .skip(1)
                .flat_map(|p| p.organizations.clone())
                .collect();
            let rest = &cut.split.pieces[0].organizations;
            let mut s = format!(
                "If {who} leaves, {} would lose contact",
                join_words(&org_names(net, &cut_off))
            );
            if !rest.is_empty() {
                s += &format!(" with {}", join_words(&org_names(net, rest)));
            }
            out.push(s + ".");
            if separating > 1 {
                out.push(format!(
                    "In all, {} the only link between some part of the network and the rest.",
                    plural(separating, "person is", "people are")
                ));
            }
        }
        Some(_) => out.push(format!(
            "{} the only link of someone to the rest; no organization depends on a single person.",
            plural(separating, "person is", "people are")
        )),
        None => out.push("No single person's leaving would cut anyone off.".to_string()),
    }

    let b = &a.silos.balance_of_people;
    if let Some(norm) = b.normalized {
        let parts: Vec<String> = Sector::MAIN
            .iter()
            .zip(b.counts)
            .map(|(s, k)| format!("{} {k}", s.label()))
            .collect();
        out.push(format!(
            "Sector balance is {:.0}% of the ideal (people: {}).",
            norm * 100.0,
            join_words(&parts)
        ));
        let missing: Vec<String> = Sector::MAIN
            .iter()
            .zip(b.counts)
            .filter(|&(_, k)| k == 0)
            .map(|(s, _)| s.label().to_string())
            .collect();
        if !missing.is_empty() {
            out.push(format!(
                "No one from {} takes part yet.",
                join_words(&missing)
            ));
        }
    }
    out
}
