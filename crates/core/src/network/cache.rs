//! The network as the room last read it, kept up to date entry by entry.
//!
//! Reading every organization, person and tie out of the document takes a
//! while once a network is big (20,000 entries: 150–350 ms in the browser), and
//! a view wants the network after every change to it. So the room keeps each
//! entry's plain fields ([`Raw`]) and, after every transaction, re-reads only
//! the entries that transaction touched — an import added in parts pays for
//! its own entries part by part, and a tie added by someone else costs one
//! entry. What [`Room::stored_network`] returns is then worked out from these
//! plain fields (merges, deletions, odd values: `store`'s rules) and kept until
//! the next change.
//!
//! The full read ([`super::store::read`]) goes through the same per-entry
//! readers and the same resolution, so the two cannot disagree; a property
//! test (`tests/network_convergence.rs`) checks it after random edits, merges,
//! undo and out-of-order updates.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use yrs::types::{Event, PathSegment};
use yrs::{DeepObservable, Doc, Map, MapRef, Out, ReadTxn};

use super::entry::{kind_from_code, level_from_code, parse_node_code, sector_from_code};
use super::model::{Level, NodeRef, Sector, TieKind, Trust};
use super::store::{
    read_bool, read_tags, Resolving, Snapshot, DIRECTED, FROM, KIND, LEVEL, MERGED_INTO, NAME, NOTE,
    ORGANIZATION, ORGANIZATIONS, PEOPLE, ROLE, SECTOR, TIES, TO, TRUST,
};
use crate::goals::creation_order;
use crate::room::Room;
use crate::values::{read_number, read_string};

const KEY: &str = "constellation-network-cache";

/// Where an entry sorts: the order it was created in (`goals::creation_order`).
pub(crate) type Order = (u64, u64, String);

/// An organization entry's fields as stored, before merges are resolved.
#[derive(Debug, Clone)]
pub(crate) struct RawOrg {
    pub id: String,
    pub merged_into: Option<String>,
    pub name: String,
    pub sector: Sector,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawPerson {
    pub id: String,
    pub merged_into: Option<String>,
    pub name: String,
    /// The organization entry named, which may since have been merged or deleted.
    pub organization: Option<String>,
    pub role: String,
    pub level: Option<Level>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawTie {
    pub id: String,
    /// The ends as stored, before aliases are resolved.
    pub from: Option<NodeRef>,
    pub to: Option<NodeRef>,
    pub kind: TieKind,
    pub trust: Trust,
    pub directed: bool,
    pub note: String,
}

/// Every entry of the three root maps, in creation order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Raw {
    pub orgs: BTreeMap<Order, RawOrg>,
    pub people: BTreeMap<Order, RawPerson>,
    pub ties: BTreeMap<Order, RawTie>,
}

impl Raw {
    /// Reads every entry of the document.
    pub fn read_all<T: ReadTxn>(txn: &T) -> Raw {
        let mut raw = Raw::default();
        for root in [ORGANIZATIONS, PEOPLE, TIES] {
            if let Some(map) = txn.get_map(root) {
                for (id, value) in map.iter(txn) {
                    raw.put(txn, root, id, Some(value));
                }
            }
        }
        raw
    }

    /// Takes in entry `id` of `root` as it now is (`None` or not a map: gone).
    fn put<T: ReadTxn>(&mut self, txn: &T, root: &str, id: &str, value: Option<Out>) {
        let order = creation_order(id);
        let map = match value {
            Some(Out::YMap(map)) => Some(map),
            _ => None,
        };
        match (root, map) {
            (ORGANIZATIONS, Some(map)) => drop(self.orgs.insert(order, read_org(txn, id, &map))),
            (ORGANIZATIONS, None) => drop(self.orgs.remove(&order)),
            (PEOPLE, Some(map)) => drop(self.people.insert(order, read_person(txn, id, &map))),
            (PEOPLE, None) => drop(self.people.remove(&order)),
            (_, Some(map)) => drop(self.ties.insert(order, read_tie(txn, id, &map))),
            (_, None) => drop(self.ties.remove(&order)),
        }
    }
}

fn read_org<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> RawOrg {
    RawOrg {
        id: id.to_string(),
        merged_into: read_string(txn, map, MERGED_INTO),
        name: read_string(txn, map, NAME).unwrap_or_default(),
        sector: read_string(txn, map, SECTOR)
            .and_then(|s| sector_from_code(&s))
            .unwrap_or(Sector::Other),
        tags: read_tags(txn, map),
    }
}

fn read_person<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> RawPerson {
    RawPerson {
        id: id.to_string(),
        merged_into: read_string(txn, map, MERGED_INTO),
        name: read_string(txn, map, NAME).unwrap_or_default(),
        organization: read_string(txn, map, ORGANIZATION),
        role: read_string(txn, map, ROLE).unwrap_or_default(),
        level: read_string(txn, map, LEVEL).and_then(|l| level_from_code(&l)),
    }
}

fn read_tie<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> RawTie {
    let end = |key| read_string(txn, map, key).and_then(|c| parse_node_code(&c));
    RawTie {
        id: id.to_string(),
        from: end(FROM),
        to: end(TO),
        kind: read_string(txn, map, KIND)
            .and_then(|k| kind_from_code(&k))
            .unwrap_or(TieKind::Other),
        trust: read_number(txn, map, TRUST)
            .and_then(|t| Trust::new(t.round() as i64).ok())
            .unwrap_or_default(),
        directed: read_bool(txn, map, DIRECTED),
        note: read_string(txn, map, NOTE).unwrap_or_default(),
    }
}

#[derive(Default)]
struct Inner {
    raw: Raw,
    /// Worked out from `raw`, until an entry changes.
    resolved: Option<Arc<Snapshot>>,
    /// Being worked out a part at a time ([`Room::read_network_in_steps`]).
    resolving: Option<Resolving>,
}

impl Inner {
    /// Works on at most `max` entries towards the resolved network.
    fn step(&mut self, max: usize) -> Option<Arc<Snapshot>> {
        if let Some(done) = &self.resolved {
            return Some(Arc::clone(done));
        }
        let raw = &self.raw;
        let resolving = self.resolving.get_or_insert_with(|| Resolving::new(raw));
        if !resolving.step(raw, max) {
            return None;
        }
        let done = Arc::new(self.resolving.take().expect("being resolved").finish());
        self.resolved = Some(Arc::clone(&done));
        Some(done)
    }
}

/// The room's copy of its network entries (see the module).
#[derive(Clone)]
pub(crate) struct Cache(Arc<Mutex<Inner>>);

impl Cache {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Nothing in here can panic half-way through an update; a poisoned
        // lock still holds a whole copy.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The network resolved from the entries as they now are.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.lock().step(usize::MAX).expect("no limit")
    }
}

/// Starts the copy of `doc`'s network (empty, as a new document is) and keeps
/// it up to date after every transaction that changes the network.
pub(crate) fn watch(doc: &Doc) -> Cache {
    let cache = Cache(Arc::default());
    for name in [ORGANIZATIONS, PEOPLE, TIES] {
        let root = doc.get_or_insert_map(name);
        let cache = cache.clone();
        let watched = root.clone();
        root.observe_deep(KEY, move |txn, events| {
            // The entries touched: a key of the root map itself, or the first
            // step of the path to a change inside an entry.
            let mut touched: HashSet<Arc<str>> = HashSet::new();
            for event in events.iter() {
                let mut path = event.path();
                match path.pop_front() {
                    Some(PathSegment::Key(id)) => drop(touched.insert(id)),
                    Some(PathSegment::Index(_)) => {}
                    None => {
                        if let Event::Map(e) = event {
                            touched.extend(e.keys(txn).keys().cloned());
                        }
                    }
                }
            }
            let mut inner = cache.lock();
            for id in &touched {
                inner.raw.put(txn, name, id, watched.get(txn, id));
            }
            inner.resolved = None;
            inner.resolving = None;
        });
    }
    cache
}

impl Room {
    /// The network read from every entry of the document, without the copy
    /// the room keeps: what [`Room::stored_network`] must always equal (tests
    /// and benchmarks compare the two).
    #[doc(hidden)]
    pub fn stored_network_read_in_full(&self) -> Arc<super::StoredNetwork> {
        self.read(|txn, _| super::store::read(txn).stored)
    }

    /// The network read a part at a time, for a page that must not be busy
    /// for long: each call works on at most `max_entries` organizations,
    /// people or ties (plus, on the first, resolving merges), and the network
    /// comes back once every entry is done; until then `None`. A change to
    /// the network in between starts over. Once done, this and
    /// [`Room::stored_network`] return it at once until the next change.
    pub fn read_network_in_steps(&self, max_entries: usize) -> Option<Arc<super::StoredNetwork>> {
        let snap = self.network_cache.lock().step(max_entries.max(1))?;
        Some(Arc::clone(&snap.stored))
    }

    pub(crate) fn network_snapshot(&self) -> Arc<Snapshot> {
        self.network_cache.snapshot()
    }
}

#[cfg(test)]
mod tests {
    use crate::network::{NewOrganization, NewPerson, NewTie, NodeRef, Sector, TieKind};
    use crate::room::{ClientId, Room};

    fn person(room: &mut Room, name: &str, org: &str) -> String {
        let p = NewPerson { name: name.into(), organization: Some(org.into()), role: String::new(), level: None };
        room.add_person(p).unwrap().1
    }

    #[test]
    fn a_network_read_in_steps_starts_over_when_it_changes_and_equals_a_full_read() {
        let mut room = Room::new(ClientId::new(1).unwrap());
        let org = |name: &str| NewOrganization { name: name.into(), sector: Sector::Government, tags: vec![] };
        let hall = room.add_organization(org("City Hall")).unwrap().1;
        let trust = room.add_organization(org("Harbour Trust")).unwrap().1;
        let people: Vec<String> = (0..6).map(|i| person(&mut room, &format!("P{i}"), if i % 2 == 0 { &hall } else { &trust })).collect();
        for w in people.windows(2) {
            let tie = NewTie { from: NodeRef::person(&w[0]), to: NodeRef::person(&w[1]), kind: TieKind::Knows, trust: 4, directed: false, note: String::new() };
            room.add_tie(tie).unwrap();
        }
        room.merge_organizations(&hall, &trust).unwrap();
        // 2 organizations, 6 people, 5 ties: 13 entries, 3 at a time.
        assert!(room.read_network_in_steps(3).is_none());
        assert!(room.read_network_in_steps(3).is_none());
        // A change half-way: the read starts over and sees it.
        let tie = NewTie { from: NodeRef::person(&people[0]), to: NodeRef::person(&people[5]), kind: TieKind::Funds, trust: 2, directed: true, note: "late".into() };
        room.add_tie(tie).unwrap();
        let mut calls = 0;
        let stepped = loop {
            calls += 1;
            if let Some(net) = room.read_network_in_steps(3) {
                break net;
            }
        };
        assert_eq!(calls, 5, "14 entries take 5 calls of 3");
        assert_eq!(stepped, room.stored_network_read_in_full());
        assert_eq!(stepped.network.ties.len(), 6);
        assert!(stepped.network.people.iter().all(|p| p.organization.as_deref() == Some(hall.as_str())), "the merge is resolved");
        // Done: at once, and the same copy, until the next change.
        assert!(std::sync::Arc::ptr_eq(&room.read_network_in_steps(1).unwrap(), &stepped));
        assert!(std::sync::Arc::ptr_eq(&room.stored_network(), &stepped));
    }
}
