//! Merging two entries that turn out to be the same organization or person;
//! each merge is one edit. (Imports are in `import`.)
//!
//! A merge keeps the entry merged away as an alias (`merged_into`, see
//! [`super::store`]), so a tie someone adds to it on another phone at the same
//! moment lands on the entry it was merged into. Ties are re-pointed, ties that
//! now join an entry to itself are removed, and ties that became the same tie
//! (same ends, kind and direction) are collapsed into one with the strongest
//! trust and both notes. Blank fields of the entry kept are filled from the
//! other (organization, role, level; an organization's tags are joined).

use std::collections::BTreeMap;

use yrs::{Map, TransactionMut};

use super::entry::{check_tags, NetworkEditError, NewOrganization, NewPerson};
use super::model::NodeRef;
use super::store::{
    entry_map, tie_key, write_merged_into, write_organization, write_person, write_person_org,
    write_tie_end, write_trust_and_note, Snapshot, ORGANIZATIONS, PEOPLE, TIES,
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
        // Read before the edit: the room's copy is up to date until it starts.
        let snap = self.network_snapshot();
        let ((), update) = self.edit(|txn, _| {
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
        // Read before the edit: the room's copy is up to date until it starts.
        let snap = self.network_snapshot();
        let ((), update) = self.edit(|txn, _| {
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
