//! The room document: one CRDT (yrs, the Rust port of Yjs) per room.
//!
//! [`Room`] owns the yrs document and is the only place that touches yrs: the
//! domain modules ([`crate::board`], [`crate::meta`], …) add typed operations
//! through `impl Room` blocks and read typed values back, so no yrs type leaks
//! to the app. Every edit runs in one transaction and returns the [`Update`] it
//! produced, which the app saves as a draft and sends to the relay.
//!
//! The document stays Yjs-compatible: client ids are 53-bit (what Yjs uses) and
//! text positions count UTF-16 code units (what JavaScript strings count), so a
//! Yjs replica in Node applies our updates and we apply its updates.

use serde::Serialize;
use yrs::updates::decoder::Decode;
use yrs::{Doc, MapRef, OffsetKind, Options, ReadTxn, StateVector as YStateVector, Transact};

/// Identifies one replica of a room for the CRDT: unique per browser session.
/// Yjs client ids are 53-bit numbers, so only the low 53 bits are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClientId(u64);

impl ClientId {
    const MASK: u64 = (1 << 53) - 1;

    /// A client id from 64 random bits supplied by the caller (core reads no
    /// randomness itself). The value is kept to 53 bits and never 0.
    pub fn from_random_u64(random: u64) -> Self {
        ClientId((random & Self::MASK).max(1))
    }

    /// A fixed client id, for tests and tools. Values must fit in 53 bits.
    pub fn new(value: u64) -> Self {
        assert!(value & !Self::MASK == 0, "a client id has at most 53 bits");
        ClientId(value.max(1))
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

/// The bytes of one change to a room (yrs update, v1 encoding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update(Vec<u8>);

impl Update {
    /// The encoding of an update that changes nothing.
    const EMPTY: [u8; 2] = [0, 0];

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// True when the update changes nothing (nothing to save or send).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty() || self.0 == Self::EMPTY
    }
}

/// What a replica has seen, to ask a peer for only what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateVector(Vec<u8>);

impl StateVector {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, RoomError> {
        YStateVector::decode_v1(bytes).map_err(|e| RoomError::MalformedStateVector { reason: e.to_string() })?;
        Ok(StateVector(bytes.to_vec()))
    }
}

/// Why a room operation was refused. A refused operation changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoomError {
    #[error("the update is damaged and was not applied: {reason}")]
    MalformedUpdate { reason: String },
    #[error("the state vector is damaged: {reason}")]
    MalformedStateVector { reason: String },
    #[error("a note holds at most {max} characters; this one has {len}")]
    NoteTooLong { len: usize, max: usize },
    #[error("a board name holds 1 to {max} characters; found {len}")]
    BadBoardName { len: usize, max: usize },
    #[error("a room title holds at most {max} characters; found {len}")]
    TitleTooLong { len: usize, max: usize },
    #[error("there is no board {id:?} in this room")]
    NoSuchBoard { id: String },
    #[error("there is no note {id:?} in this room")]
    NoSuchNote { id: String },
    #[error("{what} must be a finite number")]
    NotFinite { what: &'static str },
}

/// One room's document. See the module documentation.
pub struct Room {
    doc: Doc,
    client: ClientId,
    /// Counter for ids made by this replica: `(client, counter)` is unique
    /// across replicas because client ids are.
    next_local_id: u64,
    /// Updates waiting for an earlier update of their author (see `leaves_a_gap`).
    waiting: Vec<Vec<u8>>,
    pub(crate) meta: MapRef,
    pub(crate) boards: MapRef,
    pub(crate) notes: MapRef,
}

impl Room {
    /// An empty room replica.
    pub fn new(client: ClientId) -> Self {
        let options = Options { offset_kind: OffsetKind::Utf16, ..Options::with_client_id(yrs::ClientID::new(client.get())) };
        let doc = Doc::with_options(options);
        // Root types are created up front so every replica names them alike.
        let meta = doc.get_or_insert_map("meta");
        let boards = doc.get_or_insert_map("boards");
        let notes = doc.get_or_insert_map("notes");
        Room { doc, client, next_local_id: 0, waiting: Vec::new(), meta, boards, notes }
    }

    /// A replica restored from a snapshot (the whole state as one update).
    pub fn from_snapshot(client: ClientId, snapshot: &[u8]) -> Result<Self, RoomError> {
        let mut room = Room::new(client);
        room.apply_update(snapshot)?;
        Ok(room)
    }

    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Applies an update from another replica. A damaged update is refused and
    /// leaves the room unchanged; applying an update twice is harmless.
    ///
    /// yrs integrates an update block by block and can fail half-way, keeping
    /// the blocks before the failure. So an update is first applied to an empty
    /// scratch document: every fault that lies within the update itself
    /// (damaged bytes, a block whose parent is not a container) shows there and
    /// the room is never touched. Blocks that refer to parts of the room the
    /// scratch document lacks simply wait there, so the check cannot reject a
    /// valid update. What it cannot see is a block that names an existing
    /// non-container item of this room as its parent; only a faulty peer
    /// holding the room key could send one (sealed payloads cannot be damaged
    /// in transit), and such an update may then apply in part.
    pub fn apply_update(&mut self, bytes: &[u8]) -> Result<(), RoomError> {
        let malformed = |e: &dyn std::fmt::Display| RoomError::MalformedUpdate { reason: e.to_string() };
        let scratch = Doc::with_client_id(self.client.get());
        scratch
            .transact_mut()
            .apply_update(yrs::Update::decode_v1(bytes).map_err(|e| malformed(&e))?)
            .map_err(|e| malformed(&e))?;
        let update = yrs::Update::decode_v1(bytes).map_err(|e| malformed(&e))?;
        if self.leaves_a_gap(&update) {
            self.waiting.push(bytes.to_vec());
            return Ok(());
        }
        self.doc.transact_mut().apply_update(update).map_err(|e| malformed(&e))?;
        self.apply_waiting();
        Ok(())
    }

    /// Updates that arrived before an earlier update of the same replica wait
    /// here rather than inside yrs: yrs 0.28 can panic while it integrates a
    /// block into a gap it recorded earlier (`BlockStore::push`, found by the
    /// property test in tests/room_convergence.rs). The relay delivers updates
    /// in order, so this matters only for unusual delivery; CRDT merge still
    /// converges because every waiting update is applied once its gap closes.
    fn leaves_a_gap(&self, update: &yrs::Update) -> bool {
        let have = self.doc.transact().state_vector();
        update.state_vector_lower().iter().any(|(client, &clock)| clock > have.get(client))
    }

    fn apply_waiting(&mut self) {
        loop {
            let ready = self.waiting.iter().position(|bytes| {
                yrs::Update::decode_v1(bytes).map(|u| !self.leaves_a_gap(&u)).unwrap_or(true)
            });
            let Some(index) = ready else { break };
            let bytes = self.waiting.swap_remove(index);
            if let Ok(update) = yrs::Update::decode_v1(&bytes) {
                // Already checked on arrival; an error here would change nothing new.
                let _ = self.doc.transact_mut().apply_update(update);
            }
        }
    }

    /// Updates received but waiting for an earlier update of their author.
    pub fn waiting_updates(&self) -> usize {
        self.waiting.len()
    }

    pub fn state_vector(&self) -> StateVector {
        StateVector(self.doc.transact().state_vector().encode_v1_bytes())
    }

    /// Everything this replica has that a replica at `since` lacks.
    pub fn diff_since(&self, since: &StateVector) -> Result<Update, RoomError> {
        let sv = YStateVector::decode_v1(since.as_bytes())
            .map_err(|e| RoomError::MalformedStateVector { reason: e.to_string() })?;
        Ok(Update(self.doc.transact().encode_state_as_update_v1(&sv)))
    }

    /// The whole state as one update.
    pub fn snapshot(&self) -> Update {
        Update(self.doc.transact().encode_state_as_update_v1(&YStateVector::default()))
    }

    /// A fresh id for something this replica creates (`prefix` names its kind).
    pub(crate) fn new_id(&mut self, prefix: &str) -> String {
        self.next_local_id += 1;
        format!("{prefix}{:x}.{}", self.client.get(), self.next_local_id)
    }

    /// Runs `edit` in one transaction and returns the update it produced.
    pub(crate) fn transact<R>(&mut self, edit: impl FnOnce(&mut yrs::TransactionMut, &Self) -> R) -> (Update, R) {
        let mut txn = self.doc.transact_mut();
        let result = edit(&mut txn, self);
        let update = Update(txn.encode_update_v1());
        drop(txn);
        (update, result)
    }

    pub(crate) fn read<R>(&self, read: impl FnOnce(&yrs::Transaction, &Self) -> R) -> R {
        let txn = self.doc.transact();
        read(&txn, self)
    }
}

/// Merges several updates into one equivalent update (what a reconnecting
/// client sends instead of hundreds of offline edits one by one).
pub fn merge_updates(updates: &[&[u8]]) -> Result<Update, RoomError> {
    yrs::merge_updates_v1(updates).map(Update).map_err(|e| RoomError::MalformedUpdate { reason: e.to_string() })
}

impl crate::sync::Replica for Room {
    fn apply_remote(&mut self, update: &[u8]) -> Result<(), String> {
        self.apply_update(update).map_err(|e| e.to_string())
    }

    fn state_as_update(&self) -> Vec<u8> {
        self.snapshot().into_bytes()
    }
}

trait EncodeBytes {
    fn encode_v1_bytes(&self) -> Vec<u8>;
}

impl EncodeBytes for YStateVector {
    fn encode_v1_bytes(&self) -> Vec<u8> {
        use yrs::updates::encoder::Encode;
        self.encode_v1()
    }
}

/// A canonical, comparable picture of a room's content (for tests, exports
/// and debugging): every board and note, sorted by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomView {
    pub title: String,
    pub boards: Vec<crate::board::Board>,
    pub notes: Vec<crate::board::Note>,
}

impl Room {
    pub fn to_view(&self) -> RoomView {
        let boards = self.boards();
        let mut notes: Vec<_> = boards.iter().flat_map(|b| self.notes(&b.id)).collect();
        notes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut boards = boards;
        boards.sort_by(|a, b| a.id.cmp(&b.id));
        RoomView { title: self.title(), boards, notes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_fit_in_53_bits_and_are_never_zero() {
        assert_eq!(ClientId::from_random_u64(u64::MAX).get(), (1 << 53) - 1);
        assert_eq!(ClientId::from_random_u64(0).get(), 1);
        assert_eq!(ClientId::from_random_u64(1 << 53).get(), 1);
    }

    #[test]
    fn damaged_updates_are_refused_and_change_nothing() {
        let mut room = Room::new(ClientId::new(1));
        room.set_title("River").unwrap();
        let before = room.snapshot();
        for bad in [&[0xffu8, 0xff, 0xff][..], b"hello", &[1, 2, 3, 4, 5, 6, 7, 8]] {
            assert!(matches!(room.apply_update(bad), Err(RoomError::MalformedUpdate { .. })), "{bad:?}");
        }
        assert_eq!(room.snapshot(), before);
    }

    #[test]
    fn snapshot_and_diff_bring_a_replica_up_to_date() {
        let mut a = Room::new(ClientId::new(1));
        a.set_title("River").unwrap();
        let mut b = Room::from_snapshot(ClientId::new(2), a.snapshot().as_bytes()).unwrap();
        assert_eq!(b.title(), "River");
        let since = b.state_vector();
        a.set_title("Clean River").unwrap();
        let diff = a.diff_since(&since).unwrap();
        assert!(diff.as_bytes().len() < a.snapshot().as_bytes().len());
        b.apply_update(diff.as_bytes()).unwrap();
        assert_eq!(b.to_view(), a.to_view());
        // Applying the same update twice is harmless.
        b.apply_update(diff.as_bytes()).unwrap();
        assert_eq!(b.to_view(), a.to_view());
    }

    #[test]
    fn an_update_that_changes_nothing_is_empty() {
        let mut room = Room::new(ClientId::new(1));
        let (update, ()) = room.transact(|_, _| ());
        assert!(update.is_empty());
        assert!(StateVector::from_bytes(&[0xff, 0xff]).is_err());
    }
}
