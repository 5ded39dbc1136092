//! Where room logs live: the [`RoomLog`] interface the relay reaches its storage
//! through, and its first implementation, an embedded redb file ([`RedbLog`]).
//!
//! The interface is deliberately small (append and acknowledge, read from a sequence
//! number, keep a snapshot, drop the prefix it covers) so that a distributed engine
//! (Redis Streams, NATS JetStream) can take the embedded store's place when one
//! machine is not enough. Payloads are opaque bytes: a store keeps them byte-exact
//! and must never interpret or log them.
//!
//! Sequence numbers are per room, start at 1 and are never reused, even after the
//! prefix that held them is dropped; 0 means "none".

mod redb_log;
mod writer;

use std::future::Future;
use std::ops::Range;
use std::pin::Pin;

use bytes::Bytes;
use constellation_core::link::RoomId;

pub use redb_log::{OpenError, RedbLog, FILE_NAME};

/// A store operation in flight. Boxed so that the relay can hold any store behind
/// `Arc<dyn RoomLog>` and choose it at start-up.
pub type StoreFuture<T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'static>>;

/// One stored update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: u64,
    pub payload: Bytes,
}

/// A stored snapshot: an opaque blob covering every update with `seq <= upto`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub upto: u64,
    pub bytes: Bytes,
}

/// Where a room's log stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogBounds {
    /// The latest sequence number assigned (0 for a room never written to).
    pub head: u64,
    /// The first sequence number still held in the log; `head + 1` when the log is
    /// empty. Every number from here to `head` is held.
    pub first: u64,
    /// The `upto` of the newest stored snapshot, 0 when there is none.
    pub snapshot_upto: u64,
}

/// The relay's only way to its room logs.
///
/// Implementations must keep these promises, which the relay's ordering and
/// catch-up rely on:
/// - `append` assigns consecutive sequence numbers after the room's head, in the
///   order of calls, and returns only once the updates are durable.
/// - A sequence number is never reused and a held entry never changes.
/// - Only `drop_prefix` removes entries, and only those `<= upto`.
pub trait RoomLog: Send + Sync + 'static {
    /// Appends updates to a room. Returns their sequence numbers (consecutive) once
    /// they are durable.
    fn append(&self, room: &RoomId, payloads: Vec<Bytes>) -> StoreFuture<Range<u64>>;

    /// Held entries with `seq > after`, in order, stopping after the entry that
    /// reaches `max_bytes` of payload (at least one entry when there is one).
    fn read_from(&self, room: &RoomId, after: u64, max_bytes: usize) -> StoreFuture<Vec<Entry>>;

    /// The room's head, first held sequence number and newest snapshot.
    fn bounds(&self, room: &RoomId) -> StoreFuture<LogBounds>;

    /// Stores a snapshot covering every update `<= upto` durably. Returns false (and
    /// stores nothing) when a snapshot with the same or a larger `upto` exists.
    /// Older snapshots are kept until `drop_prefix` passes them, so that a catch-up
    /// that began earlier can still be served consistently.
    fn put_snapshot(&self, room: &RoomId, upto: u64, bytes: Bytes) -> StoreFuture<bool>;

    /// The newest snapshot with `upto <= at_most`.
    fn snapshot(&self, room: &RoomId, at_most: u64) -> StoreFuture<Option<Snapshot>>;

    /// Removes the entries `<= upto` and the snapshots older than `upto`. The caller
    /// must have stored a snapshot with exactly this `upto` first.
    fn drop_prefix(&self, room: &RoomId, upto: u64) -> StoreFuture<()>;
}

/// A storage failure. The message is for the operator's log; clients only learn
/// that the relay could not store their update.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("the room store failed: {0}")]
    Backend(String),
    #[error("the room store is shut down")]
    Closed,
}

impl From<redb::Error> for StoreError {
    fn from(err: redb::Error) -> Self {
        StoreError::Backend(err.to_string())
    }
}
