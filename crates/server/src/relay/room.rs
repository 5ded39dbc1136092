//! One room of the relay: its connections, its order of updates and its presence.
//!
//! Each active room is an actor: one tokio task owns all of the room's state and
//! handles one message at a time from its inbox. This was chosen over a
//! mutex-protected struct because the room's central job is ordering: sequence
//! numbers, the ACK/broadcast that follows each commit, and the point where a
//! joining connection's catch-up ends and its live stream begins must all happen in
//! one order. In a single task that order is simply the order of the inbox, without
//! holding a lock across a storage await; connections never block one another, and
//! the store is never called with a lock held.
//!
//! Updates go to the store in batches: while one append is in flight, new updates
//! wait, and they all go in the next append when it returns (the store's writer
//! further merges the appends of all rooms into one commit). Only after an append
//! is durable does the room send the sender its ACK and everyone else the UPDATE,
//! encoded once and shared by all outboxes.
//!
//! The room never looks inside a payload and never logs one. A room with no
//! connections and no store work in flight stops and is forgotten.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use constellation_core::link::RoomId;
use constellation_protocol::{close_code, FrameError, RelayFrame};
use tokio::sync::{mpsc, oneshot};

use super::outbox::{Close, Outbox};
use super::presence::Presence;
use super::{encode, Shared};
use crate::store::StoreError;

pub type RoomTx = mpsc::UnboundedSender<RoomMsg>;

/// What a connection learns when it joins.
#[derive(Debug, Clone, Copy)]
pub struct Joined {
    pub conn: u32,
    /// The room's head when the connection joined: its catch-up ends there, and
    /// everything after it reaches the connection live.
    pub head: u64,
}

#[derive(Debug)]
pub enum JoinError {
    Full(FrameError),
    /// The room's log could not be read.
    Unavailable,
}

pub enum RoomMsg {
    Join {
        outbox: Arc<Outbox>,
        reply: oneshot::Sender<Result<Joined, JoinError>>,
    },
    Leave {
        conn: u32,
    },
    CaughtUp {
        conn: u32,
    },
    Update {
        conn: u32,
        client_ref: u32,
        payload: Bytes,
    },
    Presence {
        conn: u32,
        payload: Bytes,
    },
    Snapshot {
        conn: u32,
        upto: u64,
        bytes: Bytes,
    },
    Appended {
        batch: Vec<PendingUpdate>,
        result: Result<Range<u64>, StoreError>,
    },
    SnapshotStored {
        upto: u64,
        result: Result<bool, StoreError>,
    },
}

pub struct PendingUpdate {
    conn: u32,
    client_ref: u32,
    payload: Bytes,
}

/// Sends a Join to the room's actor, starting the actor if the room is not active.
/// The registry lock is held while sending, which is what lets an idle actor check
/// "nothing is waiting for me" and leave the registry without losing a join.
pub fn join(
    shared: &Arc<Shared>,
    room: &RoomId,
    outbox: Arc<Outbox>,
) -> (RoomTx, oneshot::Receiver<Result<Joined, JoinError>>) {
    let (reply, answer) = oneshot::channel();
    let mut rooms = shared.rooms();
    let tx = rooms
        .entry(room.clone())
        .or_insert_with(|| Room::spawn(room.clone(), shared.clone()))
        .clone();
    // The actor is alive while it is registered, so the send succeeds; if it did
    // not, the dropped reply tells the connection the room is unavailable.
    let _ = tx.send(RoomMsg::Join { outbox, reply });
    (tx, answer)
}

struct Room {
    id: RoomId,
    shared: Arc<Shared>,
    tx: RoomTx,
    head: u64,
    snapshot_upto: u64,
    next_conn: u32,
    conns: HashMap<u32, Arc<Outbox>>,
    /// Connections still catching up, with the head their catch-up ends at.
    catching_up: HashMap<u32, u64>,
    presence: Presence,
    pending: Vec<PendingUpdate>,
    append_in_flight: bool,
    snapshots_in_flight: usize,
    /// A prefix to drop once no catch-up still needs it (see `maybe_drop_prefix`).
    pending_drop: Option<u64>,
}

impl Room {
    fn spawn(id: RoomId, shared: Arc<Shared>) -> RoomTx {
        let (tx, inbox) = mpsc::unbounded_channel();
        let room = Room {
            id,
            shared,
            tx: tx.clone(),
            head: 0,
            snapshot_upto: 0,
            next_conn: 1,
            conns: HashMap::new(),
            catching_up: HashMap::new(),
            presence: Presence::default(),
            pending: Vec::new(),
            append_in_flight: false,
            snapshots_in_flight: 0,
            pending_drop: None,
        };
        tokio::spawn(room.run(inbox));
        tx
    }

    async fn run(mut self, mut inbox: mpsc::UnboundedReceiver<RoomMsg>) {
        match self.shared.log.bounds(&self.id).await {
            Ok(bounds) => {
                self.head = bounds.head;
                self.snapshot_upto = bounds.snapshot_upto;
                // A stop between storing a snapshot and dropping its prefix leaves
                // the drop to do now.
                if bounds.snapshot_upto >= bounds.first {
                    self.pending_drop = Some(bounds.snapshot_upto);
                }
            }
            Err(err) => {
                tracing::error!(room = %self.id, "cannot open the room: {err}");
                self.fail(&mut inbox);
                return;
            }
        }
        loop {
            let due = self.presence.due();
            let presence_due = async {
                match due {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                msg = inbox.recv() => match msg {
                    Some(msg) => self.handle(msg),
                    None => return, // Unreachable: the room holds a sender itself.
                },
                () = presence_due => self.send_presence(),
            }
            if self.is_idle() && self.leave_registry(&inbox) {
                return;
            }
        }
    }

    /// Answers every waiting join with "unavailable" and leaves the registry.
    fn fail(&mut self, inbox: &mut mpsc::UnboundedReceiver<RoomMsg>) {
        let mut rooms = self.shared.rooms();
        while let Ok(msg) = inbox.try_recv() {
            if let RoomMsg::Join { reply, .. } = msg {
                let _ = reply.send(Err(JoinError::Unavailable));
            }
        }
        rooms.remove(&self.id);
    }

    fn is_idle(&self) -> bool {
        self.conns.is_empty()
            && !self.append_in_flight
            && self.pending.is_empty()
            && self.snapshots_in_flight == 0
    }

    /// Leaves the registry if no message is waiting. Joins are sent with the
    /// registry locked, so none can slip in between the check and the removal.
    fn leave_registry(&self, inbox: &mpsc::UnboundedReceiver<RoomMsg>) -> bool {
        let mut rooms = self.shared.rooms();
        if !inbox.is_empty() {
            return false;
        }
        rooms.remove(&self.id);
        true
    }

    fn handle(&mut self, msg: RoomMsg) {
        match msg {
            RoomMsg::Join { outbox, reply } => self.join(outbox, reply),
            RoomMsg::Leave { conn } => self.leave(conn),
            RoomMsg::CaughtUp { conn } => {
                self.catching_up.remove(&conn);
                self.maybe_drop_prefix();
            }
            RoomMsg::Update {
                conn,
                client_ref,
                payload,
            } => {
                self.pending.push(PendingUpdate {
                    conn,
                    client_ref,
                    payload,
                });
                self.start_append();
            }
            RoomMsg::Presence { conn, payload } => {
                let frame = encode(&RelayFrame::presence(conn, &payload));
                self.presence.set(conn, frame, Instant::now());
            }
            RoomMsg::Snapshot { conn, upto, bytes } => self.snapshot(conn, upto, bytes),
            RoomMsg::Appended { batch, result } => self.appended(batch, result),
            RoomMsg::SnapshotStored { upto, result } => {
                self.snapshots_in_flight -= 1;
                match result {
                    Ok(true) => {
                        self.snapshot_upto = self.snapshot_upto.max(upto);
                        self.pending_drop = Some(self.pending_drop.unwrap_or(0).max(upto));
                        self.maybe_drop_prefix();
                    }
                    Ok(false) => {}
                    Err(err) => tracing::error!(room = %self.id, "cannot store a snapshot: {err}"),
                }
            }
        }
    }

    fn join(&mut self, outbox: Arc<Outbox>, reply: oneshot::Sender<Result<Joined, JoinError>>) {
        let limit = self.shared.settings.max_connections_per_room;
        if self.conns.len() >= limit {
            let _ = reply.send(Err(JoinError::Full(FrameError::RoomFull { limit })));
            return;
        }
        let conn = self.next_conn;
        self.next_conn = self.next_conn.wrapping_add(1).max(1);
        let joined = Joined {
            conn,
            head: self.head,
        };
        if reply.send(Ok(joined)).is_err() {
            return; // The connection went away while waiting.
        }
        // The outbox holds live frames until the catch-up ends, so the presences
        // queued here arrive after the history.
        outbox.push_live(self.presence.all());
        self.conns.insert(conn, outbox);
        self.catching_up.insert(conn, self.head);
    }

    fn leave(&mut self, conn: u32) {
        if self.conns.remove(&conn).is_none() {
            return;
        }
        self.catching_up.remove(&conn);
        self.presence.remove(conn);
        let left = encode(&RelayFrame::Left { conn });
        for outbox in self.conns.values() {
            outbox.push_live([left.clone()]);
        }
        self.maybe_drop_prefix();
    }

    fn start_append(&mut self) {
        if self.append_in_flight || self.pending.is_empty() {
            return;
        }
        self.append_in_flight = true;
        let batch = std::mem::take(&mut self.pending);
        let payloads = batch.iter().map(|u| u.payload.clone()).collect();
        let stored = self.shared.log.append(&self.id, payloads);
        let tx = self.tx.clone();
        tokio::spawn(async move {
            let result = stored.await;
            let _ = tx.send(RoomMsg::Appended { batch, result });
        });
    }

    /// An append came back: on success, ACK each sender and send every other
    /// connection the updates, all in sequence order, one push per connection.
    fn appended(&mut self, batch: Vec<PendingUpdate>, result: Result<Range<u64>, StoreError>) {
        self.append_in_flight = false;
        match result {
            Ok(seqs) if seqs.end - seqs.start == batch.len() as u64 => {
                self.head = seqs.end - 1;
                let updates: Vec<Bytes> = batch
                    .iter()
                    .zip(seqs.clone())
                    .map(|(u, seq)| encode(&RelayFrame::update(seq, &u.payload)))
                    .collect();
                for (conn, outbox) in &self.conns {
                    let frames =
                        batch
                            .iter()
                            .zip(seqs.clone())
                            .zip(&updates)
                            .map(|((u, seq), update)| {
                                if u.conn == *conn {
                                    encode(&RelayFrame::Ack {
                                        client_ref: u.client_ref,
                                        seq,
                                    })
                                } else {
                                    update.clone()
                                }
                            });
                    outbox.push_live(frames);
                }
            }
            other => {
                match other {
                    Err(err) => {
                        tracing::error!(room = %self.id, "cannot store {} updates: {err}", batch.len())
                    }
                    Ok(seqs) => {
                        tracing::error!(room = %self.id, "the store numbered {} updates {seqs:?}", batch.len())
                    }
                }
                // Nothing was acknowledged: the senders keep their updates as
                // drafts and send them again after reconnecting.
                for update in &batch {
                    if let Some(outbox) = self.conns.get(&update.conn) {
                        outbox.close(Close::new(
                            close_code::INTERNAL_ERROR,
                            "the relay could not store an update; reconnect to send it again",
                        ));
                    }
                }
            }
        }
        self.start_append();
    }

    fn snapshot(&mut self, conn: u32, upto: u64, bytes: Bytes) {
        if upto > self.head {
            if let Some(outbox) = self.conns.get(&conn) {
                let err = FrameError::SnapshotBeyondHead {
                    upto,
                    head: self.head,
                };
                outbox.close(Close::from(&err));
            }
            return;
        }
        if upto <= self.snapshot_upto {
            return; // An older snapshot than the one stored: nothing to gain.
        }
        self.snapshots_in_flight += 1;
        let stored = self.shared.log.put_snapshot(&self.id, upto, bytes);
        let tx = self.tx.clone();
        tokio::spawn(async move {
            let result = stored.await;
            let _ = tx.send(RoomMsg::SnapshotStored { upto, result });
        });
    }

    /// Drops the log prefix covered by the newest snapshot, unless a connection is
    /// still catching up towards a head below it: that catch-up may need the older
    /// entries (or the older snapshot, which the drop removes) to end exactly at
    /// its head. The drop is not awaited: nothing depends on when it happens.
    fn maybe_drop_prefix(&mut self) {
        let Some(upto) = self.pending_drop else {
            return;
        };
        if self.catching_up.values().any(|head| *head < upto) {
            return;
        }
        self.pending_drop = None;
        let dropped = self.shared.log.drop_prefix(&self.id, upto);
        let room = self.id.clone();
        tokio::spawn(async move {
            if let Err(err) = dropped.await {
                tracing::error!(%room, "cannot drop the log prefix up to {upto}: {err}");
            }
        });
    }

    fn send_presence(&mut self) {
        let batch = self.presence.take_batch(Instant::now());
        if batch.is_empty() {
            return;
        }
        for (conn, outbox) in &self.conns {
            let frames = batch
                .iter()
                .filter(|(sender, _)| sender != conn)
                .map(|(_, frame)| frame.clone());
            outbox.push_live(frames);
        }
    }
}
