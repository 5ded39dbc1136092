//! The single writer of the redb store, and its group commit.
//!
//! Every change to the store (appends from all rooms, snapshots, prefix drops) is a
//! command sent to one thread. The thread takes the first command, then drains every
//! command already waiting, applies them all in ONE write transaction, commits it
//! with full durability, and only then answers each command. While it waits for the
//! disk, new commands pile up and form the next batch, so a busy server pays one
//! commit per batch instead of one fsync per frame, and an idle one answers a lone
//! update after a single commit. redb allows one write transaction at a time anyway,
//! so one thread loses no parallelism.
//!
//! This module never looks inside a payload and never logs one.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use bytes::Bytes;
use constellation_core::link::RoomId;
use redb::{Database, Durability, ReadableTable, WriteTransaction};
use tokio::sync::oneshot;

use super::redb_log::{HEADS, LOG, SNAPSHOTS};
use super::StoreError;

/// Bounds on one transaction, so that a flood of large updates is committed in
/// several transactions of reasonable size rather than one huge one.
const MAX_BATCH_COMMANDS: usize = 4096;
const MAX_BATCH_BYTES: usize = 32 * 1024 * 1024;

type Reply<T> = oneshot::Sender<Result<T, StoreError>>;

pub(super) enum Command {
    Append {
        room: RoomId,
        payloads: Vec<Bytes>,
        reply: Reply<Range<u64>>,
    },
    PutSnapshot {
        room: RoomId,
        upto: u64,
        bytes: Bytes,
        reply: Reply<bool>,
    },
    DropPrefix {
        room: RoomId,
        upto: u64,
        reply: Reply<()>,
    },
}

/// What a command produced inside the transaction, sent once the commit succeeded.
enum Outcome {
    Appended(Range<u64>),
    SnapshotStored(bool),
    Dropped,
}

impl Command {
    fn size(&self) -> usize {
        match self {
            Command::Append { payloads, .. } => payloads.iter().map(Bytes::len).sum(),
            Command::PutSnapshot { bytes, .. } => bytes.len(),
            Command::DropPrefix { .. } => 0,
        }
    }

    fn answer(self, result: Result<Outcome, StoreError>) {
        // A caller that stopped waiting (its connection closed) is no error: the
        // command was still applied, or failed, for everyone else alike.
        match self {
            Command::Append { reply, .. } => {
                let _ = reply.send(result.map(|o| match o {
                    Outcome::Appended(seqs) => seqs,
                    _ => unreachable!("an append produces Appended"),
                }));
            }
            Command::PutSnapshot { reply, .. } => {
                let _ = reply.send(result.map(|o| matches!(o, Outcome::SnapshotStored(true))));
            }
            Command::DropPrefix { reply, .. } => {
                let _ = reply.send(result.map(|_| ()));
            }
        }
    }
}

/// The handle to the writer thread.
pub(super) struct Writer {
    commands: Mutex<Option<mpsc::Sender<Command>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
    commits: Arc<AtomicU64>,
}

impl Writer {
    pub(super) fn start(db: Arc<Database>) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel();
        let commits = Arc::new(AtomicU64::new(0));
        let counter = commits.clone();
        let thread = std::thread::Builder::new()
            .name("relay-store-writer".into())
            .spawn(move || run(&db, &rx, &counter))?;
        Ok(Writer {
            commands: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
            commits,
        })
    }

    /// Queues a command. A closed writer answers at once with [`StoreError::Closed`].
    pub(super) fn send(&self, command: Command) {
        let sender = self.commands.lock().expect("writer lock").clone();
        match sender {
            Some(tx) => {
                if let Err(mpsc::SendError(command)) = tx.send(command) {
                    command.answer(Err(StoreError::Closed));
                }
            }
            None => command.answer(Err(StoreError::Closed)),
        }
    }

    /// Number of transactions committed so far (for tests and diagnostics).
    pub(super) fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    /// Stops accepting commands, lets the thread finish the ones already queued and
    /// waits for it. Blocks: call it from a blocking context.
    pub(super) fn shutdown(&self) {
        self.commands.lock().expect("writer lock").take();
        if let Some(thread) = self.thread.lock().expect("writer lock").take() {
            let _ = thread.join();
        }
    }
}

fn run(db: &Database, commands: &mpsc::Receiver<Command>, commits: &AtomicU64) {
    while let Ok(first) = commands.recv() {
        let mut size = first.size();
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH_COMMANDS && size < MAX_BATCH_BYTES {
            match commands.try_recv() {
                Ok(command) => {
                    size += command.size();
                    batch.push(command);
                }
                Err(_) => break,
            }
        }
        match apply(db, &batch) {
            Ok(outcomes) => {
                commits.fetch_add(1, Ordering::Relaxed);
                tracing::debug!(commands = batch.len(), bytes = size, "committed one batch");
                for (command, outcome) in batch.into_iter().zip(outcomes) {
                    command.answer(Ok(outcome));
                }
            }
            Err(err) => {
                tracing::error!("could not commit {} store commands: {err}", batch.len());
                for command in batch {
                    command.answer(Err(err.clone()));
                }
            }
        }
    }
}

/// Applies a batch in one transaction and commits it. Nothing is answered before the
/// commit returns, which is what makes an ACK mean "durable".
fn apply(db: &Database, batch: &[Command]) -> Result<Vec<Outcome>, StoreError> {
    let fail = |e: redb::Error| StoreError::from(e);
    let mut txn = db.begin_write().map_err(|e| fail(e.into()))?;
    txn.set_durability(Durability::Immediate)
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    // Quick repair makes each commit write the allocator state (and commit in two
    // phases), so reopening after a crash is nearly instant instead of a walk over
    // the whole file. Group commit amortises the extra cost.
    txn.set_quick_repair(true);
    let outcomes = batch
        .iter()
        .map(|command| apply_one(&txn, command))
        .collect::<Result<Vec<_>, redb::Error>>()
        .map_err(fail)?;
    txn.commit().map_err(|e| fail(e.into()))?;
    Ok(outcomes)
}

fn apply_one(txn: &WriteTransaction, command: &Command) -> Result<Outcome, redb::Error> {
    match command {
        Command::Append { room, payloads, .. } => {
            let room = room.as_str();
            let mut heads = txn.open_table(HEADS)?;
            let head = heads.get(room)?.map(|v| v.value()).unwrap_or(0);
            let mut log = txn.open_table(LOG)?;
            for (i, payload) in payloads.iter().enumerate() {
                log.insert((room, head + 1 + i as u64), payload.as_ref())?;
            }
            let new_head = head + payloads.len() as u64;
            heads.insert(room, new_head)?;
            Ok(Outcome::Appended(head + 1..new_head + 1))
        }
        Command::PutSnapshot {
            room, upto, bytes, ..
        } => {
            let room = room.as_str();
            let mut snapshots = txn.open_table(SNAPSHOTS)?;
            let newest = snapshots
                .range((room, 0)..=(room, u64::MAX))?
                .next_back()
                .transpose()?
                .map(|(k, _)| k.value().1);
            if newest.is_some_and(|newest| newest >= *upto) {
                return Ok(Outcome::SnapshotStored(false));
            }
            snapshots.insert((room, *upto), bytes.as_ref())?;
            Ok(Outcome::SnapshotStored(true))
        }
        Command::DropPrefix { room, upto, .. } => {
            let room = room.as_str();
            let mut log = txn.open_table(LOG)?;
            log.retain_in((room, 0)..=(room, *upto), |_, _| false)?;
            let mut snapshots = txn.open_table(SNAPSHOTS)?;
            snapshots.retain_in((room, 0)..(room, *upto), |_, _| false)?;
            Ok(Outcome::Dropped)
        }
    }
}
