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

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::entry::{
    check_organization, check_person, check_tie, code_of, kind_from_code, level_from_code,
    node_code, parse_node_code, sector_from_code, CheckedTie, NetworkEditError, NewOrganization,
    NewPerson, NewTie, TieId,
};
use super::model::{Network, NodeRef, OrgId, Organization, Person, PersonId, Tie, Trust};
use crate::goals::{creation_order, entries, entry, new_id, root_mut, set, text_any, unset};
use crate::room::{Room, Update};
use crate::values::{read_number, read_string};

pub(crate) const ORGANIZATIONS: &str = "network_organizations";
pub(crate) const PEOPLE: &str = "network_people";
pub(crate) const TIES: &str = "network_ties";

const NAME: &str = "name";
const SECTOR: &str = "sector";
const TAGS: &str = "tags";
const MERGED_INTO: &str = "merged_into";
const ORGANIZATION: &str = "organization";
const ROLE: &str = "role";
const LEVEL: &str = "level";
const FROM: &str = "from";
const TO: &str = "to";
const KIND: &str = "kind";
const TRUST: &str = "trust";
const DIRECTED: &str = "directed";
const NOTE: &str = "note";

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

/// What [`read`] found, with what edits need besides the network.
pub(crate) struct Snapshot {
    pub stored: StoredNetwork,
    /// Every organization entry id (merged ones too) → the live id it stands for.
    pub org_alias: HashMap<String, String>,
    pub person_alias: HashMap<String, String>,
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
        self.stored_network().network
    }

    /// The network with the room id of each tie, for views that edit ties.
    pub fn stored_network(&self) -> StoredNetwork {
        self.read(|txn, _| read(txn).stored)
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
        let ((), update) = self.edit(|txn, _| {
            let snap = read(txn);
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
        let ((), update) = self.edit(|txn, _| {
            let snap = read(txn);
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

fn read_tags<T: ReadTxn>(txn: &T, map: &MapRef) -> Vec<String> {
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

fn read_bool<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> bool {
    matches!(map.get(txn, key), Some(Out::Any(Any::Bool(true))))
}

/// Each entry id → the live entry it stands for. An entry with `merged_into`
/// stands for what that entry stands for; a loop of merges is cut at its
/// smallest id; a chain that ends at an entry that is gone stands for nothing.
fn resolve_aliases(mut merged: BTreeMap<String, Option<String>>) -> HashMap<String, String> {
    let ids: Vec<String> = merged.keys().cloned().collect();
    for start in &ids {
        let mut path: Vec<String> = Vec::new();
        let mut current = Some(start.clone());
        while let Some(id) = current {
            if let Some(at) = path.iter().position(|p| *p == id) {
                let cut = path[at..].iter().min().expect("a loop has members").clone();
                merged.insert(cut, None);
                break;
            }
            current = match merged.get(&id) {
                Some(Some(next)) if merged.contains_key(next) => Some(next.clone()),
                _ => None,
            };
            path.push(id);
        }
    }
    let mut out = HashMap::with_capacity(ids.len());
    for id in &ids {
        let mut current = id;
        let mut steps = 0;
        loop {
            match merged.get(current) {
                Some(None) => {
                    out.insert(id.clone(), current.clone());
                    break;
                }
                Some(Some(next)) if steps <= ids.len() => {
                    current = next;
                    steps += 1;
                }
                _ => break,
            }
        }
    }
    out
}

/// Reads the whole network, resolving merges, deletions and odd values.
pub(crate) fn read<T: ReadTxn>(txn: &T) -> Snapshot {
    let mut orgs = entries(txn, ORGANIZATIONS);
    orgs.sort_by_cached_key(|(id, _)| creation_order(id));
    let mut people = entries(txn, PEOPLE);
    people.sort_by_cached_key(|(id, _)| creation_order(id));
    let mut ties = entries(txn, TIES);
    ties.sort_by_cached_key(|(id, _)| creation_order(id));

    let merged_of = |list: &[(String, MapRef)]| -> BTreeMap<String, Option<String>> {
        list.iter()
            .map(|(id, map)| (id.clone(), read_string(txn, map, MERGED_INTO)))
            .collect()
    };
    let org_alias = resolve_aliases(merged_of(&orgs));
    let person_alias = resolve_aliases(merged_of(&people));
    let is_live =
        |alias: &HashMap<String, String>, id: &str| alias.get(id).is_some_and(|l| l == id);

    let organizations: Vec<Organization> = orgs
        .iter()
        .filter(|(id, _)| is_live(&org_alias, id))
        .map(|(id, map)| Organization {
            id: id.clone(),
            name: read_string(txn, map, NAME).unwrap_or_default(),
            sector: read_string(txn, map, SECTOR)
                .and_then(|s| sector_from_code(&s))
                .unwrap_or(super::model::Sector::Other),
            tags: read_tags(txn, map),
        })
        .collect();
    let people: Vec<Person> = people
        .iter()
        .filter(|(id, _)| is_live(&person_alias, id))
        .map(|(id, map)| Person {
            id: id.clone(),
            name: read_string(txn, map, NAME).unwrap_or_default(),
            organization: read_string(txn, map, ORGANIZATION)
                .and_then(|o| org_alias.get(&o).cloned()),
            role: read_string(txn, map, ROLE).unwrap_or_default(),
            level: read_string(txn, map, LEVEL).and_then(|l| level_from_code(&l)),
        })
        .collect();
    let mut snap = Snapshot {
        stored: StoredNetwork::default(),
        org_alias,
        person_alias,
    };
    let mut tie_list = Vec::new();
    let mut tie_ids = Vec::new();
    for (id, map) in &ties {
        let end = |key| {
            read_string(txn, map, key)
                .and_then(|c| parse_node_code(&c))
                .and_then(|n| resolve(&snap, &n))
        };
        let (Some(from), Some(to)) = (end(FROM), end(TO)) else {
            continue;
        };
        let same_kind = matches!(
            (&from, &to),
            (NodeRef::Person(_), NodeRef::Person(_))
                | (NodeRef::Organization(_), NodeRef::Organization(_))
        );
        if !same_kind || from == to {
            continue;
        }
        let trust = read_number(txn, map, TRUST)
            .and_then(|t| Trust::new(t.round() as i64).ok())
            .unwrap_or_default();
        tie_list.push(Tie {
            from,
            to,
            kind: read_string(txn, map, KIND)
                .and_then(|k| kind_from_code(&k))
                .unwrap_or(super::model::TieKind::Other),
            trust,
            directed: read_bool(txn, map, DIRECTED),
            note: read_string(txn, map, NOTE).unwrap_or_default(),
        });
        tie_ids.push(id.clone());
    }
    snap.stored = StoredNetwork {
        network: Network {
            organizations,
            people,
            ties: tie_list,
        },
        tie_ids,
    };
    debug_assert_eq!(snap.stored.network.validate(), Ok(()));
    snap
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
