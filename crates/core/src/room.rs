//! The room document: one CRDT document per room, and the only door to it.
//!
//! [`Room`] owns a yrs document and exposes it through typed operations (in this
//! module and in the domain modules, which add `impl Room` blocks). Every local edit
//! runs in one transaction and returns the [`Update`] it produced, for the caller to
//! store and send; remote updates come back in through [`Room::apply_update`], which
//! refuses malformed bytes without changing anything. The document layout (root
//! maps and their keys) is private to core: callers see plain structs, never yrs.
//!
//! This module must never read a clock or a random source, nor do I/O: the caller
//! supplies the client id, and every byte that goes in or out passes through here.

mod client;
mod intake;
mod wire;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Doc, MapRef, OffsetKind, Options, ReadTxn, Transact, TransactionMut};

pub use client::{ClientId, ClientIdError};

use crate::board::{Board, Cluster, History, Link, Note, Vote};
use intake::{Facts, Readiness};
use wire::ParsedUpdate;

/// Bytes of one Yjs v1 update, as produced by an edit, a diff or a snapshot.
/// Applying the same update twice, or updates in any order, is harmless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update(Vec<u8>);

impl Update {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// Whether the update carries nothing (no items and no deletions).
    pub fn is_empty(&self) -> bool {
        self.0 == yrs::Update::EMPTY_V1
    }
}

impl From<Update> for Vec<u8> {
    fn from(update: Update) -> Self {
        update.0
    }
}

/// An encoded state vector: how far this replica has seen each client's edits.
/// A peer answers it with [`Room::diff_since`]. Only valid encodings can be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateVector(Vec<u8>);

impl StateVector {
    /// Checks bytes received from a peer.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<StateVector, RoomError> {
        wire::parse_state_vector(&bytes)
            .and_then(|_| yrs::StateVector::decode_v1(&bytes).map_err(|e| e.to_string()))
            .map_err(|reason| RoomError::MalformedStateVector { reason })?;
        Ok(StateVector(bytes))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// Why bytes from outside could not be taken into the room.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoomError {
    #[error("the update was refused and nothing was changed: {reason}")]
    MalformedUpdate { reason: String },
    #[error("the state vector is not valid: {reason}")]
    MalformedStateVector { reason: String },
    #[error("the snapshot is incomplete: it refers to edits it does not contain")]
    IncompleteSnapshot,
}

/// Everything a room shows, in a canonical order (boards by order then id, the
/// rest by id), so two replicas hold the same content exactly when their views
/// are equal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomView {
    pub title: String,
    pub boards: Vec<Board>,
    pub notes: Vec<Note>,
    pub clusters: Vec<Cluster>,
    pub links: Vec<Link>,
    pub votes: Vec<Vote>,
}

/// The root maps of the document. Their names are part of the document format.
pub(crate) struct Roots {
    pub meta: MapRef,
    pub boards: MapRef,
    pub notes: MapRef,
    pub clusters: MapRef,
    pub links: MapRef,
    pub votes: MapRef,
}

/// The origin of this replica's own transactions. Remote updates are applied
/// without an origin, which is how the undo history tells them apart.
pub(crate) const LOCAL_ORIGIN: &str = "local";

/// One room's document on this replica.
pub struct Room {
    doc: Doc,
    client: ClientId,
    revision: u64,
    pub(crate) roots: Roots,
    /// This replica's own whiteboard edits, for undo and redo.
    pub(crate) history: History,
    /// This replica's own network edits, for undo and redo in the network view.
    pub(crate) network_history: History,
    /// A network import is being added in parts (see `network::import`):
    /// edits join its undo step, and network undo waits.
    pub(crate) network_import_open: bool,
    /// Moves whenever the network changes (`Room::network_version`).
    pub(crate) network_version: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The network's entries as last read, updated entry by entry (`network::cache`).
    pub(crate) network_cache: crate::network::cache::Cache,
    facts: Facts,
    /// Remote updates that refer to edits not received yet, in arrival order.
    waiting: Vec<(Vec<u8>, ParsedUpdate)>,
}

impl Room {
    /// An empty room edited by `client`, which must be unique among the replicas
    /// that edit this room at the same time (a fresh random id per session is best).
    pub fn new(client: ClientId) -> Room {
        // The guid only names sub-documents, which rooms do not use; a fixed value
        // keeps yrs from drawing random numbers. UTF-16 offsets match Yjs, so text
        // positions mean the same in JavaScript.
        let mut options =
            Options::with_guid_and_client_id("room".into(), yrs::ClientID::new(client.get()));
        options.offset_kind = OffsetKind::Utf16;
        let doc = Doc::with_options(options);
        let roots = Roots {
            meta: doc.get_or_insert_map("meta"),
            boards: doc.get_or_insert_map("boards"),
            notes: doc.get_or_insert_map("notes"),
            clusters: doc.get_or_insert_map("clusters"),
            links: doc.get_or_insert_map("links"),
            votes: doc.get_or_insert_map("votes"),
        };
        let clock = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let history = History::whiteboard(&doc, &roots, clock);
        let network_history = crate::network::history(&doc);
        let network_version = crate::network::version::watch(&doc);
        let network_cache = crate::network::cache::watch(&doc);
        Room {
            doc,
            client,
            revision: 0,
            roots,
            history,
            network_history,
            network_import_open: false,
            network_version,
            network_cache,
            facts: Facts::default(),
            waiting: Vec::new(),
        }
    }

    /// Rebuilds a room from [`Room::snapshot`] bytes, to be edited by `client`.
    pub fn from_snapshot(client: ClientId, snapshot: &[u8]) -> Result<Room, RoomError> {
        let mut room = Room::new(client);
        room.apply_update(snapshot)?;
        if !room.waiting.is_empty() {
            return Err(RoomError::IncompleteSnapshot);
        }
        room.revision = 0;
        Ok(room)
    }

    pub fn client(&self) -> ClientId {
        self.client
    }

    /// A counter that grows whenever the content may have changed: after every
    /// local edit and every applied update that brought something new. A view can
    /// re-read the room when it differs from the value it last rendered.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many received updates wait for edits they depend on. They are applied
    /// as soon as those arrive; a replica that keeps some waiting for long should
    /// ask a peer for [`Room::diff_since`] its [`Room::state_vector`].
    pub fn waiting_updates(&self) -> usize {
        self.waiting.len()
    }

    /// Takes in an update from another replica (or a snapshot). Malformed or unsafe
    /// bytes are refused with the reason and change nothing. An update that refers
    /// to edits not received yet is kept and applied once they arrive.
    ///
    /// What no check can catch is equivocation: bytes that reuse ids this room
    /// already holds with different content. Honest replicas never write them, as
    /// long as no two sessions share a [`ClientId`]; a forger holding the room key
    /// could, and replicas might then disagree (Yjs promises nothing there either).
    pub fn apply_update(&mut self, bytes: &[u8]) -> Result<(), RoomError> {
        let malformed = |reason: String| RoomError::MalformedUpdate { reason };
        let parsed = wire::parse_update(bytes).map_err(malformed)?;
        let update = yrs::Update::decode_v1(bytes).map_err(|e| malformed(e.to_string()))?;
        match self.readiness(&parsed) {
            Readiness::Invalid(reason) => Err(malformed(reason)),
            Readiness::Waiting => {
                self.waiting.push((bytes.to_vec(), parsed));
                Ok(())
            }
            Readiness::Ready => {
                self.integrate(update, &parsed).map_err(malformed)?;
                self.retry_waiting();
                Ok(())
            }
        }
    }

    /// This replica's state vector, for a peer to compute what we miss.
    pub fn state_vector(&self) -> StateVector {
        StateVector(self.doc.transact().state_vector().encode_v1())
    }

    /// Everything this replica has that a peer with state vector `theirs` lacks.
    pub fn diff_since(&self, theirs: &StateVector) -> Update {
        // A `StateVector` is checked when built, so decoding cannot fail; the empty
        // vector (answering with everything) is a safe fallback all the same.
        let theirs = yrs::StateVector::decode_v1(&theirs.0).unwrap_or_default();
        Update(self.doc.transact().encode_diff_v1(&theirs))
    }

    /// The whole document as one update, for storage or for a late joiner.
    pub fn snapshot(&self) -> Update {
        Update(
            self.doc
                .transact()
                .encode_state_as_update_v1(&yrs::StateVector::default()),
        )
    }

    /// The room's content in canonical form, for comparison and export.
    pub fn to_view(&self) -> RoomView {
        RoomView {
            title: self.title(),
            boards: self.boards(),
            notes: self.all_notes(),
            clusters: self.all_clusters(),
            links: self.all_links(),
            votes: self.all_votes(),
        }
    }

    /// Runs one local edit in one transaction and returns the update it produced
    /// (empty, and the revision unchanged, when the edit changed nothing).
    /// `edit` must check everything before it changes anything: on `Err`, the
    /// transaction is dropped with no change, so nothing is half-applied.
    pub(crate) fn edit<T, E>(
        &mut self,
        edit: impl FnOnce(&mut TransactionMut<'_>, &Roots) -> Result<T, E>,
    ) -> Result<(T, Update), E> {
        // Every network edit is its own undo step, except the parts of an import.
        if !self.network_import_open {
            self.network_history.end_step();
        }
        let (value, bytes) = {
            let mut txn = self.doc.transact_mut_with(LOCAL_ORIGIN);
            let value = edit(&mut txn, &self.roots)?;
            (value, txn.encode_update_v1())
        };
        Ok((value, self.record_local(bytes)))
    }

    /// Takes note of an update this replica produced (an edit, an undo or a redo).
    pub(crate) fn record_local(&mut self, bytes: Vec<u8>) -> Update {
        // Our own items become facts too: remote items may name them as parents.
        match wire::parse_update(&bytes) {
            Ok(parsed) => self.facts.learn(&parsed, &|_| 0, &|_| u32::MAX),
            Err(reason) => debug_assert!(false, "yrs wrote an update we cannot read: {reason}"),
        }
        let update = Update(bytes);
        if !update.is_empty() {
            self.revision += 1;
        }
        update
    }

    /// Runs `read` in a read-only transaction.
    pub(crate) fn read<T>(&self, read: impl FnOnce(&yrs::Transaction<'_>, &Roots) -> T) -> T {
        read(&self.doc.transact(), &self.roots)
    }

    fn readiness(&self, parsed: &ParsedUpdate) -> Readiness {
        let known = self.clocks();
        self.facts
            .check(parsed, &|client| known.get(&client).copied().unwrap_or(0))
    }

    fn clocks(&self) -> HashMap<u64, u32> {
        let txn = self.doc.transact();
        txn.state_vector()
            .iter()
            .map(|(client, clock)| (client.get(), *clock))
            .collect()
    }

    /// Integrates a ready update and learns its facts.
    fn integrate(&mut self, update: yrs::Update, parsed: &ParsedUpdate) -> Result<(), String> {
        let before = self.clocks();
        let (result, deleted) = {
            let mut txn = self.doc.transact_mut();
            let result = txn.apply_update(update);
            (result, !txn.delete_set().is_empty())
        };
        let after = self.clocks();
        let clock = |map: &HashMap<u64, u32>, client| map.get(&client).copied().unwrap_or(0);
        self.facts
            .learn(parsed, &|c| clock(&before, c), &|c| clock(&after, c));
        if deleted || before != after {
            self.revision += 1;
        }
        // The checks above leave yrs no reason to refuse a ready update; should it
        // happen anyway, the caller hears about it rather than nothing.
        result.map_err(|e| format!("yrs refused it: {e}"))
    }

    /// Applies waiting updates that became ready, until none does.
    fn retry_waiting(&mut self) {
        loop {
            let mut progressed = false;
            let mut index = 0;
            while index < self.waiting.len() {
                match self.readiness(&self.waiting[index].1) {
                    Readiness::Waiting => index += 1,
                    verdict => {
                        let (bytes, parsed) = self.waiting.remove(index);
                        // A waiting update that turned out invalid is dropped: its
                        // sender was told nothing then and can be told nothing now.
                        if verdict == Readiness::Ready {
                            if let Ok(update) = yrs::Update::decode_v1(&bytes) {
                                let _ = self.integrate(update, &parsed);
                            }
                            progressed = true;
                        }
                    }
                }
            }
            if !progressed {
                return;
            }
        }
    }
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("client", &self.client)
            .field("revision", &self.revision)
            .field("waiting", &self.waiting.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;

/// Live sync drives the room through this narrow view of it.
impl crate::sync::Replica for Room {
    fn apply_remote(&mut self, update: &[u8]) -> Result<(), String> {
        self.apply_update(update).map_err(|e| e.to_string())
    }

    fn state_as_update(&self) -> Vec<u8> {
        self.snapshot().into_bytes()
    }
}

/// Cuts an update into updates of at most `max_len` bytes (between blocks; a
/// single larger block stays whole), which together change a document as the
/// whole does: how a client sends an edit bigger than the relay's frame limit.
pub fn split_update(update: &[u8], max_len: usize) -> Result<Vec<Update>, RoomError> {
    let parts = wire::split_update(update, max_len)
        .map_err(|reason| RoomError::MalformedUpdate { reason })?;
    Ok(parts.into_iter().map(Update).collect())
}

/// Merges several updates into one equivalent update (what a reconnecting
/// client sends instead of hundreds of offline edits one by one). The result
/// must pass the same checks as any received update, or it is refused: a merge
/// of updates with gaps would carry "skip" blocks that every peer refuses.
pub fn merge_updates(updates: &[&[u8]]) -> Result<Update, RoomError> {
    let merged = yrs::merge_updates_v1(updates).map_err(|e| RoomError::MalformedUpdate {
        reason: e.to_string(),
    })?;
    wire::parse_update(&merged).map_err(|reason| RoomError::MalformedUpdate { reason })?;
    Ok(Update(merged))
}
