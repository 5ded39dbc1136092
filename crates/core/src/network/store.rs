//! The network in the room document: organizations, people and ties, edited by
//! everyone at once, and read back as a plain [`Network`] that is always valid.
//!
//! Layout in the document (part of the document format):
//! - root map `network_organizations`: organization id → map { `name`,
//!   `sector` (`government` | `business` | `civil_society` | `other`): strings;
//!   `tags`: one plain array of strings; `merged_into`: organization id, only
//!   once merged into another };
//! - root map `network_people`: person id → map { `name`, `organization`
//!   (organization id), `role`, `level` (`senior` | `mid` | `junior`): strings;
//!   `merged_into`: person id, only once merged };
//! - root map `network_ties`: tie id → map { `from`, `to`: `person:ID` or
//!   `organization:ID`; `kind` (`collaborates` | `knows` | `funds` | `governs` |
//!   `other`): string; `trust`: number 1–5; `directed`: bool; `note`: string }.
//!
//! Ids are `"{client}-{clock}"`, as for notes and goals.
//!
//! Reading resolves what concurrent edits leave behind, the same way on every
//! replica, so [`Room::network`] always passes [`Network::validate`]:
//! - a merged entry is an alias: ties and people that name it (even ones added
//!   on another phone while the merge happened) name the entry it was merged
//!   into; two entries merged into each other at once form a loop, cut at the
//!   smallest id, which stays;
//! - a person whose organization is gone has no organization;
//! - a tie with an end that is gone, two ends of different kinds, or both ends
//!   on one entry (after a merge) is left out;
//! - a field that is missing or unreadable reads as its neutral value
//!   (sector `other`, kind `other`, trust 3, undirected).

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::cache::{Order, Raw};
use super::entry::{
    check_organization, check_person, check_tie, code_of, node_code, parse_node_code, CheckedTie,
    NetworkEditError, NewOrganization, NewPerson, NewTie, TieId,
};
use super::model::{Network, NodeRef, OrgId, Organization, Person, PersonId, Tie, Trust};
use crate::goals::{entries, entry, new_id, root_mut, set, text_any, unset};
use crate::room::{Room, Update};
use crate::values::read_string;

pub(crate) const ORGANIZATIONS: &str = "network_organizations";
pub(crate) const PEOPLE: &str = "network_people";
pub(crate) const TIES: &str = "network_ties";

pub(crate) const NAME: &str = "name";
pub(crate) const SECTOR: &str = "sector";
pub(crate) const TAGS: &str = "tags";
pub(crate) const MERGED_INTO: &str = "merged_into";
pub(crate) const ORGANIZATION: &str = "organization";
pub(crate) const ROLE: &str = "role";
pub(crate) const LEVEL: &str = "level";
pub(crate) const FROM: &str = "from";
pub(crate) const TO: &str = "to";
pub(crate) const KIND: &str = "kind";
pub(crate) const TRUST: &str = "trust";
pub(crate) const DIRECTED: &str = "directed";
pub(crate) const NOTE: &str = "note";

/// The network as the room holds it: the plain [`Network`] plus the room id
/// of each tie (in the same order as `network.ties`), which editing a tie needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredNetwork {
    pub network: Network,
    pub tie_ids: Vec<TieId>,
}

impl StoredNetwork {
    /// The tie with room id `id`, if it is part of the network.
    pub fn tie(&self, id: &str) -> Option<&Tie> {
        let i = self.tie_ids.iter().position(|t| t == id)?;
        self.network.ties.get(i)
    }
}

/// Entry id → the live entry id it stands for (`resolve_aliases`).
pub(crate) type Aliases = FxHashMap<String, String>;

/// What [`read`] found, with what edits need besides the network.
pub(crate) struct Snapshot {
    pub stored: Arc<StoredNetwork>,
    /// Every organization entry id (merged ones too) → the live id it stands for.
    pub org_alias: Aliases,
    pub person_alias: Aliases,
}

impl Snapshot {
    pub fn live_org(&self, id: &str) -> bool {
        self.org_alias.get(id).is_some_and(|live| live == id)
    }
    pub fn live_person(&self, id: &str) -> bool {
        self.person_alias.get(id).is_some_and(|live| live == id)
    }
    pub fn org(&self, id: &str) -> Option<&Organization> {
        self.stored
            .network
            .organizations
            .iter()
            .find(|o| o.id == id)
    }
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.stored.network.people.iter().find(|p| p.id == id)
    }
}

impl Room {
    /// The network as every participant sees it once they have the same edits.
    pub fn network(&self) -> Network {
        self.stored_network().network.clone()
    }

    /// The network with the room id of each tie, for views that edit ties.
    /// (The room keeps it up to date entry by entry; this is cheap until the
    /// network changes.)
    pub fn stored_network(&self) -> Arc<StoredNetwork> {
        Arc::clone(&self.network_snapshot().stored)
    }

    pub fn add_organization(
        &mut self,
        org: NewOrganization,
    ) -> Result<(Update, OrgId), NetworkEditError> {
        let org = check_organization(&org)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| Ok(insert_organization(txn, client, &org)))?;
        Ok((update, id))
    }

    /// Rewrites an organization's fields (only those that changed).
    pub fn edit_organization(
        &mut self,
        id: &str,
        org: NewOrganization,
    ) -> Result<Update, NetworkEditError> {
        let org = check_organization(&org)?;
        let ((), update) = self.edit(|txn, _| {
            if !is_live(txn, ORGANIZATIONS, id) {
                return Err(NetworkEditError::UnknownOrganization(id.to_string()));
            }
            let map = entry(txn, ORGANIZATIONS, id).expect("a live entry exists");
            write_organization(txn, &map, &org);
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes an organization and the ties between it and other
    /// organizations; its people stay, without an organization.
    pub fn delete_organization(&mut self, id: &str) -> Result<Update, NetworkEditError> {
        // Read before the edit: the room's copy is up to date until it starts.
        let snap = self.network_snapshot();
        let ((), update) = self.edit(|txn, _| {
            if !snap.live_org(id) {
                return Err(NetworkEditError::UnknownOrganization(id.to_string()));
            }
            let node = NodeRef::organization(id);
            remove_ties_of(txn, &snap, &node);
            for (_, map) in entries(txn, PEOPLE) {
                let org = read_string(txn, &map, ORGANIZATION);
                if org.is_some_and(|o| snap.org_alias.get(&o).map(String::as_str) == Some(id)) {
                    unset(txn, &map, ORGANIZATION);
                }
            }
            root_mut(txn, ORGANIZATIONS).remove(txn, id);
            Ok(())
        })?;
        Ok(update)
    }

    pub fn add_person(
        &mut self,
        person: NewPerson,
    ) -> Result<(Update, PersonId), NetworkEditError> {
        let person = check_person(&person)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            check_person_org(txn, &person)?;
            Ok(insert_person(txn, client, &person))
        })?;
        Ok((update, id))
    }

    pub fn edit_person(&mut self, id: &str, person: NewPerson) -> Result<Update, NetworkEditError> {
        let person = check_person(&person)?;
        let ((), update) = self.edit(|txn, _| {
            if !is_live(txn, PEOPLE, id) {
                return Err(NetworkEditError::UnknownPerson(id.to_string()));
            }
            check_person_org(txn, &person)?;
            let map = entry(txn, PEOPLE, id).expect("a live entry exists");
            write_person(txn, &map, &person);
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes a person and their ties.
    pub fn delete_person(&mut self, id: &str) -> Result<Update, NetworkEditError> {
        // Read before the edit: the room's copy is up to date until it starts.
        let snap = self.network_snapshot();
        let ((), update) = self.edit(|txn, _| {
            if !snap.live_person(id) {
                return Err(NetworkEditError::UnknownPerson(id.to_string()));
            }
            remove_ties_of(txn, &snap, &NodeRef::person(id));
            root_mut(txn, PEOPLE).remove(txn, id);
            Ok(())
        })?;
        Ok(update)
    }

    pub fn add_tie(&mut self, tie: NewTie) -> Result<(Update, TieId), NetworkEditError> {
        let tie = check_tie(&tie)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            check_ends(txn, &tie)?;
            Ok(insert_tie(txn, client, &tie))
        })?;
        Ok((update, id))
    }

    pub fn edit_tie(&mut self, id: &str, tie: NewTie) -> Result<Update, NetworkEditError> {
        let tie = check_tie(&tie)?;
        let ((), update) = self.edit(|txn, _| {
            let Some(map) = entry(txn, TIES, id) else {
                return Err(NetworkEditError::UnknownTie(id.to_string()));
            };
            check_ends(txn, &tie)?;
            write_tie(txn, &map, &tie);
            Ok(())
        })?;
        Ok(update)
    }

    pub fn delete_tie(&mut self, id: &str) -> Result<Update, NetworkEditError> {
        let ((), update) = self.edit(|txn, _| {
            if entry(txn, TIES, id).is_none() {
                return Err(NetworkEditError::UnknownTie(id.to_string()));
            }
            root_mut(txn, TIES).remove(txn, id);
            Ok(())
        })?;
        Ok(update)
    }
}

/// Whether `id` is a live entry of `root` (people or organizations). An entry
/// never merged is live; only for a merged one is the whole network read (a
/// loop of concurrent merges leaves one of its members live).
fn is_live<T: ReadTxn>(txn: &T, root: &str, id: &str) -> bool {
    match entry(txn, root, id) {
        None => false,
        Some(map) if read_string(txn, &map, MERGED_INTO).is_none() => true,
        Some(_) => {
            let snap = read(txn);
            if root == ORGANIZATIONS {
                snap.live_org(id)
            } else {
                snap.live_person(id)
            }
        }
    }
}

fn node_is_live<T: ReadTxn>(txn: &T, node: &NodeRef) -> bool {
    match node {
        NodeRef::Person(id) => is_live(txn, PEOPLE, id),
        NodeRef::Organization(id) => is_live(txn, ORGANIZATIONS, id),
    }
}

fn check_person_org<T: ReadTxn>(txn: &T, person: &NewPerson) -> Result<(), NetworkEditError> {
    match &person.organization {
        Some(org) if !is_live(txn, ORGANIZATIONS, org) => Err(NetworkEditError::invalid(
            super::entry::NetworkField::Organization,
            super::entry::NetworkProblem::NoSuchOrganization { id: org.clone() },
        )),
        _ => Ok(()),
    }
}

fn check_ends<T: ReadTxn>(txn: &T, tie: &CheckedTie) -> Result<(), NetworkEditError> {
    use super::entry::NetworkField;
    for (end, field) in [(&tie.from, NetworkField::From), (&tie.to, NetworkField::To)] {
        if !node_is_live(txn, end) {
            return Err(NetworkEditError::invalid(
                field,
                super::entry::NetworkProblem::NoSuchEnd { end: end.clone() },
            ));
        }
    }
    Ok(())
}

/// Removes every tie with an end on `node` (through aliases too).
pub(crate) fn remove_ties_of(txn: &mut TransactionMut<'_>, snap: &Snapshot, node: &NodeRef) {
    let ties = root_mut(txn, TIES);
    for (id, map) in entries(txn, TIES) {
        let ends = [FROM, TO].map(|k| {
            read_string(txn, &map, k)
                .and_then(|c| parse_node_code(&c))
                .and_then(|n| resolve(snap, &n))
        });
        if ends.iter().any(|e| e.as_ref() == Some(node)) {
            ties.remove(txn, &id);
        }
    }
}

/// The live node a stored reference stands for, if any.
pub(crate) fn resolve(snap: &Snapshot, node: &NodeRef) -> Option<NodeRef> {
    match node {
        NodeRef::Person(id) => snap
            .person_alias
            .get(id)
            .map(|l| NodeRef::person(l.clone())),
        NodeRef::Organization(id) => snap
            .org_alias
            .get(id)
            .map(|l| NodeRef::organization(l.clone())),
    }
}

pub(crate) fn insert_organization(
    txn: &mut TransactionMut<'_>,
    client: u64,
    org: &NewOrganization,
) -> OrgId {
    let id = new_id(txn, client);
    let map = root_mut(txn, ORGANIZATIONS).insert(txn, id.as_str(), MapPrelim::default());
    write_organization(txn, &map, org);
    id
}

pub(crate) fn insert_person(
    txn: &mut TransactionMut<'_>,
    client: u64,
    person: &NewPerson,
) -> PersonId {
    let id = new_id(txn, client);
    let map = root_mut(txn, PEOPLE).insert(txn, id.as_str(), MapPrelim::default());
    write_person(txn, &map, person);
    id
}

pub(crate) fn insert_tie(txn: &mut TransactionMut<'_>, client: u64, tie: &CheckedTie) -> TieId {
    let id = new_id(txn, client);
    let map = root_mut(txn, TIES).insert(txn, id.as_str(), MapPrelim::default());
    write_tie(txn, &map, tie);
    id
}

pub(crate) fn write_organization(
    txn: &mut TransactionMut<'_>,
    map: &MapRef,
    org: &NewOrganization,
) {
    set(txn, map, NAME, text_any(&org.name));
    set(txn, map, SECTOR, text_any(&code_of(org.sector)));
    let tags: Vec<Any> = org.tags.iter().map(|t| Any::from(t.as_str())).collect();
    set(txn, map, TAGS, Any::Array(Arc::from(tags)));
}

pub(crate) fn write_person(txn: &mut TransactionMut<'_>, map: &MapRef, person: &NewPerson) {
    set(txn, map, NAME, text_any(&person.name));
    set_or_unset(txn, map, ORGANIZATION, person.organization.as_deref());
    set(txn, map, ROLE, text_any(&person.role));
    let level = person.level.map(code_of);
    set_or_unset(txn, map, LEVEL, level.as_deref());
}

pub(crate) fn write_tie(txn: &mut TransactionMut<'_>, map: &MapRef, tie: &CheckedTie) {
    set(txn, map, FROM, text_any(&node_code(&tie.from)));
    set(txn, map, TO, text_any(&node_code(&tie.to)));
    set(txn, map, KIND, text_any(&code_of(tie.kind)));
    set(txn, map, TRUST, Any::from(f64::from(tie.trust.get())));
    set(txn, map, DIRECTED, Any::Bool(tie.directed));
    set(txn, map, NOTE, text_any(&tie.note));
}

/// Rewrites one end of a stored tie.
pub(crate) fn write_tie_end(
    txn: &mut TransactionMut<'_>,
    map: &MapRef,
    to_end: bool,
    node: &NodeRef,
) {
    set(
        txn,
        map,
        if to_end { TO } else { FROM },
        text_any(&node_code(node)),
    );
}

pub(crate) fn write_trust_and_note(
    txn: &mut TransactionMut<'_>,
    map: &MapRef,
    trust: Trust,
    note: &str,
) {
    set(txn, map, TRUST, Any::from(f64::from(trust.get())));
    set(txn, map, NOTE, text_any(note));
}

pub(crate) fn write_merged_into(txn: &mut TransactionMut<'_>, map: &MapRef, into: &str) {
    set(txn, map, MERGED_INTO, text_any(into));
}

pub(crate) fn write_person_org(txn: &mut TransactionMut<'_>, map: &MapRef, org: &str) {
    set(txn, map, ORGANIZATION, text_any(org));
}

fn set_or_unset(txn: &mut TransactionMut<'_>, map: &MapRef, key: &str, value: Option<&str>) {
    match value {
        Some(v) => set(txn, map, key, text_any(v)),
        None => unset(txn, map, key),
    }
}

pub(crate) fn read_tags<T: ReadTxn>(txn: &T, map: &MapRef) -> Vec<String> {
    match map.get(txn, TAGS) {
        Some(Out::Any(Any::Array(items))) => items
            .iter()
            .filter_map(|a| match a {
                Any::String(s) if !s.trim().is_empty() => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn read_bool<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> bool {
    matches!(map.get(txn, key), Some(Out::Any(Any::Bool(true))))
}

/// Each entry id → the live entry it stands for. An entry with `merged_into`
/// stands for what that entry stands for; a loop of merges is cut at its
/// smallest id; a chain that ends at an entry that is gone stands for nothing.
fn resolve_aliases<'a>(entries: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Aliases {
    let mut merged: FxHashMap<&str, Option<&str>> = entries.collect();
    let mut out = Aliases::with_capacity_and_hasher(merged.len(), Default::default());
    // Only merged entries can be in a loop; the walk starts from each of them
    // in id order, so every replica cuts the same loops.
    let mut starts: Vec<&str> = merged.iter().filter(|(_, into)| into.is_some()).map(|(id, _)| *id).collect();
    if starts.is_empty() {
        // Nothing merged (the usual case): every entry stands for itself.
        out.extend(merged.keys().map(|id| (id.to_string(), id.to_string())));
        return out;
    }
    starts.sort_unstable();
    for &start in &starts {
        let mut path: Vec<&str> = Vec::new();
        let mut current = Some(start);
        while let Some(id) = current {
            if let Some(at) = path.iter().position(|p| *p == id) {
                let cut = *path[at..].iter().min().expect("a loop has members");
                merged.insert(cut, None);
                break;
            }
            current = match merged.get(id) {
                Some(Some(next)) if merged.contains_key(next) => Some(*next),
                _ => None,
            };
            path.push(id);
        }
    }
    for (&id, &into) in &merged {
        let mut current = (id, into);
        let mut steps = 0;
        loop {
            match current.1 {
                None => {
                    out.insert(id.to_string(), current.0.to_string());
                    break;
                }
                Some(next) if steps <= merged.len() => match merged.get(next) {
                    Some(&then) => {
                        current = (next, then);
                        steps += 1;
                    }
                    None => break,
                },
                Some(_) => break,
            }
        }
    }
    out
}

/// Reads the whole network, resolving merges, deletions and odd values.
/// (The room keeps a copy that it updates entry by entry: `cache`; this is
/// the same reading of every entry at once.)
pub(crate) fn read<T: ReadTxn>(txn: &T) -> Snapshot {
    resolve_raw(&Raw::read_all(txn))
}

/// The network the stored entries make, by the rules of the module's doc.
pub(crate) fn resolve_raw(raw: &Raw) -> Snapshot {
    let mut resolving = Resolving::new(raw);
    resolving.step(raw, usize::MAX);
    resolving.finish()
}

/// Which list [`Resolving`] works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Organizations,
    People,
    Ties,
    Done,
}

/// The network being worked out from the stored entries a part at a time
/// (so a page can spread a big network over several tasks). Only valid while
/// the entries do not change: the room's copy starts over when they do.
pub(crate) struct Resolving {
    snap: Snapshot,
    organizations: Vec<Organization>,
    people: Vec<Person>,
    ties: Vec<Tie>,
    tie_ids: Vec<TieId>,
    part: Part,
    /// The last entry of `part` done.
    after: Option<Order>,
}

impl Resolving {
    /// Starts with the merges resolved (one pass over organizations and people).
    pub fn new(raw: &Raw) -> Resolving {
        let org_alias = resolve_aliases(raw.orgs.values().map(|o| (o.id.as_str(), o.merged_into.as_deref())));
        let person_alias = resolve_aliases(raw.people.values().map(|p| (p.id.as_str(), p.merged_into.as_deref())));
        Resolving {
            snap: Snapshot { stored: Arc::default(), org_alias, person_alias },
            organizations: Vec::with_capacity(raw.orgs.len()),
            people: Vec::with_capacity(raw.people.len()),
            ties: Vec::with_capacity(raw.ties.len()),
            tie_ids: Vec::with_capacity(raw.ties.len()),
            part: Part::Organizations,
            after: None,
        }
    }

    pub fn done(&self) -> bool {
        self.part == Part::Done
    }

    /// Works on at most `max` more entries; true once every entry is done.
    pub fn step(&mut self, raw: &Raw, max: usize) -> bool {
        let mut left = max;
        while left > 0 && self.part != Part::Done {
            let from = match self.after.take() {
                Some(key) => Bound::Excluded(key),
                None => Bound::Unbounded,
            };
            let range = (from, Bound::Unbounded);
            let snap = &self.snap;
            let is_live = |alias: &Aliases, id: &str| alias.get(id).is_some_and(|l| l == id);
            let mut last = None;
            match self.part {
                Part::Organizations => {
                    for (key, o) in raw.orgs.range(range).take(left) {
                        left -= 1;
                        last = Some(key);
                        if is_live(&snap.org_alias, &o.id) {
                            self.organizations.push(Organization {
                                id: o.id.clone(),
                                name: o.name.clone(),
                                sector: o.sector,
                                tags: o.tags.clone(),
                            });
                        }
                    }
                }
                Part::People => {
                    for (key, p) in raw.people.range(range).take(left) {
                        left -= 1;
                        last = Some(key);
                        if is_live(&snap.person_alias, &p.id) {
                            self.people.push(Person {
                                id: p.id.clone(),
                                name: p.name.clone(),
                                organization: p.organization.as_ref().and_then(|o| snap.org_alias.get(o).cloned()),
                                role: p.role.clone(),
                                level: p.level,
                            });
                        }
                    }
                }
                Part::Ties => {
                    for (key, t) in raw.ties.range(range).take(left) {
                        left -= 1;
                        last = Some(key);
                        let end = |n: &Option<NodeRef>| n.as_ref().and_then(|n| resolve(snap, n));
                        let (Some(from), Some(to)) = (end(&t.from), end(&t.to)) else {
                            continue;
                        };
                        let same_kind = matches!(
                            (&from, &to),
                            (NodeRef::Person(_), NodeRef::Person(_)) | (NodeRef::Organization(_), NodeRef::Organization(_))
                        );
                        if !same_kind || from == to {
                            continue;
                        }
                        self.ties.push(Tie { from, to, kind: t.kind, trust: t.trust, directed: t.directed, note: t.note.clone() });
                        self.tie_ids.push(t.id.clone());
                    }
                }
                Part::Done => {}
            }
            match last {
                // More may follow in this part (the budget ran out).
                Some(key) if left == 0 => self.after = Some(key.clone()),
                _ => {
                    self.part = match self.part {
                        Part::Organizations => Part::People,
                        Part::People => Part::Ties,
                        Part::Ties | Part::Done => Part::Done,
                    }
                }
            }
        }
        self.part == Part::Done
    }

    /// The network, once [`Resolving::step`] said it is done.
    pub fn finish(self) -> Snapshot {
        debug_assert!(self.done());
        let mut snap = self.snap;
        snap.stored = Arc::new(StoredNetwork {
            network: Network { organizations: self.organizations, people: self.people, ties: self.ties },
            tie_ids: self.tie_ids,
        });
        debug_assert_eq!(snap.stored.network.validate(), Ok(()));
        snap
    }
}

/// Ids of entries, for looking up maps during an edit.
pub(crate) fn entry_map<T: ReadTxn>(txn: &T, root: &str, id: &str) -> Option<MapRef> {
    entry(txn, root, id)
}

/// Counts ties per pair, for callers that want to avoid duplicates.
pub(crate) fn tie_key(tie: &Tie) -> (NodeRef, NodeRef, super::model::TieKind, bool) {
    let (a, b) = if tie.directed || tie.from <= tie.to {
        (tie.from.clone(), tie.to.clone())
    } else {
        (tie.to.clone(), tie.from.clone())
    };
    (a, b, tie.kind, tie.directed)
}

/// The pairs already tied, with any kind, as unordered pairs.
pub(crate) fn tied_pairs(network: &Network) -> HashMap<(NodeRef, NodeRef), usize> {
    let mut out = HashMap::new();
    for (i, t) in network.ties.iter().enumerate() {
        let pair = if t.from <= t.to {
            (t.from.clone(), t.to.clone())
        } else {
            (t.to.clone(), t.from.clone())
        };
        out.entry(pair).or_insert(i);
    }
    out
}
