//! Merging two entries that turn out to be the same organization or person,
//! and applying an imported network to the room; each is one edit.
//!
//! A merge keeps the entry merged away as an alias (`merged_into`, see
//! [`super::store`]), so a tie someone adds to it on another phone at the same
//! moment lands on the entry it was merged into. Ties are re-pointed, ties that
//! now join an entry to itself are removed, and ties that became the same tie
//! (same ends, kind and direction) are collapsed into one with the strongest
//! trust and both notes. Blank fields of the entry kept are filled from the
//! other (organization, role, level; an organization's tags are joined).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use yrs::{Map, TransactionMut};

use super::entry::{
    check_tags, note, CheckedTie, NetworkEditError, NewOrganization, NewPerson, MAX_NAME_CHARS,
};
use super::model::{Network, NetworkError, NodeRef, OrgId, PersonId};
use super::names::name_key;
use super::store::{
    entry_map, insert_organization, insert_person, insert_tie, read, tie_key, write_merged_into,
    write_organization, write_person, write_person_org, write_tie_end, write_trust_and_note,
    Snapshot, ORGANIZATIONS, PEOPLE, TIES,
};
use crate::goals::root_mut;
use crate::room::{Room, Update};

impl Room {
    /// Merges organization `merge` into `keep`: its people and ties move to `keep`.
    pub fn merge_organizations(
        &mut self,
        keep: &str,
        merge: &str,
    ) -> Result<Update, NetworkEditError> {
        if keep == merge {
            return Err(NetworkEditError::MergeWithItself);
        }
        let ((), update) = self.edit(|txn, _| {
            let snap = read(txn);
            for id in [keep, merge] {
                if !snap.live_org(id) {
                    return Err(NetworkEditError::UnknownOrganization(id.to_string()));
                }
            }
            let kept = snap.org(keep).expect("live").clone();
            let gone = snap.org(merge).expect("live").clone();
            let mut tags = kept.tags.clone();
            tags.extend(gone.tags.iter().cloned());
            let fields = NewOrganization {
                name: kept.name.clone(),
                sector: kept.sector,
                tags: check_tags(&tags),
            };
            let map = entry_map(txn, ORGANIZATIONS, keep).expect("live");
            write_organization(txn, &map, &fields);
            for person in &snap.stored.network.people {
                if person.organization.as_deref() == Some(merge) {
                    let map = entry_map(txn, PEOPLE, &person.id).expect("live");
                    write_person_org(txn, &map, keep);
                }
            }
            let map = entry_map(txn, ORGANIZATIONS, merge).expect("live");
            write_merged_into(txn, &map, keep);
            repoint_ties(
                txn,
                &snap,
                &NodeRef::organization(merge),
                &NodeRef::organization(keep),
            );
            Ok(())
        })?;
        Ok(update)
    }

    /// Merges person `merge` into `keep`: their ties move to `keep`.
    pub fn merge_people(&mut self, keep: &str, merge: &str) -> Result<Update, NetworkEditError> {
        if keep == merge {
            return Err(NetworkEditError::MergeWithItself);
        }
        let ((), update) = self.edit(|txn, _| {
            let snap = read(txn);
            for id in [keep, merge] {
                if !snap.live_person(id) {
                    return Err(NetworkEditError::UnknownPerson(id.to_string()));
                }
            }
            let kept = snap.person(keep).expect("live").clone();
            let gone = snap.person(merge).expect("live").clone();
            let fields = NewPerson {
                name: kept.name.clone(),
                organization: kept.organization.clone().or(gone.organization.clone()),
                role: if kept.role.is_empty() {
                    gone.role.clone()
                } else {
                    kept.role.clone()
                },
                level: kept.level.or(gone.level),
            };
            let map = entry_map(txn, PEOPLE, keep).expect("live");
            write_person(txn, &map, &fields);
            let map = entry_map(txn, PEOPLE, merge).expect("live");
            write_merged_into(txn, &map, keep);
            repoint_ties(txn, &snap, &NodeRef::person(merge), &NodeRef::person(keep));
            Ok(())
        })?;
        Ok(update)
    }
}

/// Moves every tie end on `from` to `to`, removes ties that now join `to` to
/// itself, and collapses ties of `to` that became the same tie.
fn repoint_ties(txn: &mut TransactionMut<'_>, snap: &Snapshot, from: &NodeRef, to: &NodeRef) {
    let ties_root = root_mut(txn, TIES);
    // Stored ends are re-pointed as stored (an end may name an alias of `from`).
    for (i, tie) in snap.stored.network.ties.iter().enumerate() {
        let id = &snap.stored.tie_ids[i];
        let touches = (&tie.from == from, &tie.to == from);
        if !touches.0 && !touches.1 {
            continue;
        }
        let other = if touches.0 { &tie.to } else { &tie.from };
        if other == to {
            ties_root.remove(txn, id);
            continue;
        }
        let map = entry_map(txn, TIES, id).expect("a listed tie exists");
        write_tie_end(txn, &map, touches.1, to);
    }
    // Collapse: ties of `to` (after the move) grouped by ends, kind, direction.
    let mut groups: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (i, tie) in snap.stored.network.ties.iter().enumerate() {
        let mut moved = tie.clone();
        if &moved.from == from {
            moved.from = to.clone();
        }
        if &moved.to == from {
            moved.to = to.clone();
        }
        if moved.from == moved.to || (&moved.from != to && &moved.to != to) {
            continue;
        }
        groups.entry(tie_key(&moved)).or_default().push(i);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let ties = &snap.stored.network.ties;
        let first = members[0];
        let trust = members
            .iter()
            .map(|&i| ties[i].trust)
            .max()
            .expect("members");
        let mut notes: Vec<&str> = Vec::new();
        for &i in members {
            let n = ties[i].note.as_str();
            if !n.is_empty() && !notes.contains(&n) {
                notes.push(n);
            }
        }
        let map = entry_map(txn, TIES, &snap.stored.tie_ids[first]).expect("listed");
        write_trust_and_note(txn, &map, trust, &notes.join("\n"));
        for &i in &members[1..] {
            ties_root.remove(txn, &snap.stored.tie_ids[i]);
        }
    }
}

/// What applying an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedImport {
    pub created_organizations: usize,
    pub matched_organizations: usize,
    pub created_people: usize,
    pub matched_people: usize,
    pub added_ties: usize,
    /// Ties left out because the room already holds the same tie.
    pub skipped_ties: usize,
}

impl Room {
    /// Adds an imported network to the room in one edit. Organizations and
    /// people that already exist (same name, ignoring case and accents; a
    /// person also at the same organization or with none) are reused, and a
    /// tie the room already holds (same ends, kind, direction) is not added
    /// again, so importing one file twice changes nothing. Entries of the
    /// file itself are never merged with each other. The network is checked
    /// first; an invalid one changes nothing.
    pub fn apply_network(
        &mut self,
        imported: &Network,
    ) -> Result<(Update, AppliedImport), NetworkError> {
        imported.validate()?;
        let client = self.client().get();
        let (summary, update) = self.edit(|txn, _| {
            let snap = read(txn);
            Ok::<_, NetworkError>(apply_in(txn, client, &snap, imported))
        })?;
        Ok((update, summary))
    }
}

/// A name as the room stores it: one line of at most [`MAX_NAME_CHARS`]
/// characters; a blank name becomes `fallback` (the entry's id in the file).
fn clean_name(name: &str, fallback: &str) -> String {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = one_line.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if trimmed.is_empty() {
        fallback.trim()
    } else {
        &trimmed
    };
    name.chars().take(MAX_NAME_CHARS).collect()
}

fn apply_in(
    txn: &mut TransactionMut<'_>,
    client: u64,
    snap: &Snapshot,
    imported: &Network,
) -> AppliedImport {
    let mut summary = AppliedImport::default();
    let existing = &snap.stored.network;
    let mut org_by_key: HashMap<String, OrgId> = HashMap::new();
    for o in &existing.organizations {
        org_by_key
            .entry(name_key(&o.name))
            .or_insert_with(|| o.id.clone());
    }
    let mut org_ids: HashMap<&str, OrgId> = HashMap::new();
    for o in &imported.organizations {
        let id = match org_by_key
            .get(&name_key(&o.name))
            .filter(|_| !o.name.trim().is_empty())
        {
            Some(id) => {
                summary.matched_organizations += 1;
                id.clone()
            }
            None => {
                summary.created_organizations += 1;
                let fields = NewOrganization {
                    name: clean_name(&o.name, &o.id),
                    sector: o.sector,
                    tags: check_tags(&o.tags),
                };
                insert_organization(txn, client, &fields)
            }
        };
        org_ids.insert(o.id.as_str(), id);
    }
    let mut person_ids: HashMap<&str, PersonId> = HashMap::new();
    for p in &imported.people {
        let org = p
            .organization
            .as_deref()
            .and_then(|o| org_ids.get(o))
            .cloned();
        let key = name_key(&p.name);
        let matched = existing.people.iter().find(|q| {
            !key.is_empty()
                && name_key(&q.name) == key
                && (q.organization == org || q.organization.is_none() || org.is_none())
        });
        let id = match matched {
            Some(q) => {
                summary.matched_people += 1;
                if q.organization.is_none() {
                    if let Some(org) = &org {
                        let map = entry_map(txn, PEOPLE, &q.id).expect("live");
                        write_person_org(txn, &map, org);
                    }
                }
                q.id.clone()
            }
            None => {
                summary.created_people += 1;
                let fields = NewPerson {
                    name: clean_name(&p.name, &p.id),
                    organization: org,
                    role: clean_name(&p.role, ""),
                    level: p.level,
                };
                insert_person(txn, client, &fields)
            }
        };
        person_ids.insert(p.id.as_str(), id);
    }
    let mut have: std::collections::HashSet<_> = existing.ties.iter().map(tie_key).collect();
    for t in &imported.ties {
        let map_end = |n: &NodeRef| match n {
            NodeRef::Person(id) => NodeRef::person(person_ids[id.as_str()].clone()),
            NodeRef::Organization(id) => NodeRef::organization(org_ids[id.as_str()].clone()),
        };
        let (from, to) = (map_end(&t.from), map_end(&t.to));
        let mut tie = t.clone();
        tie.from = from.clone();
        tie.to = to.clone();
        if from == to || !have.insert(tie_key(&tie)) {
            summary.skipped_ties += 1;
            continue;
        }
        insert_tie(
            txn,
            client,
            &CheckedTie {
                from,
                to,
                kind: t.kind,
                trust: t.trust,
                directed: t.directed,
                note: note(&t.note).unwrap_or_else(|_| {
                    t.note
                        .chars()
                        .filter(|c| !c.is_control() || *c == '\n')
                        .take(super::entry::MAX_NOTE_CHARS)
                        .collect()
                }),
            },
        );
        summary.added_ties += 1;
    }
    summary
}
