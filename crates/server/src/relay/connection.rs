//! One WebSocket connection to the relay, from upgrade to close.
//!
//! The connection task reads messages, enforces the per-connection rules (HELLO
//! first and once, the frame rate, snapshot reassembly) and forwards frames to its
//! room; a separate writer task (see `outbox`) sends what the room and the catch-up
//! queue. Any violation closes only this connection, with the close code and reason
//! of its [`FrameError`]; other connections never notice.
//!
//! After the relay decides to close, it keeps reading (and discarding) for a short
//! while so the client's own close frame is received and TCP ends cleanly: closing
//! a socket with unread input makes the kernel send a reset, which can destroy the
//! close frame (and its reason) before the client reads it.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use bytes::Bytes;
use constellation_core::link::RoomId;
use constellation_core::sign::{RoomVerifier, SignedPurpose};
use constellation_protocol::{
    close_code, decode_client_message, ClientFrame, FrameError, RelayFrame,
};
use futures_util::StreamExt;
use tokio::time::Instant;

use super::assembler::{Part, SnapshotAssembler};
use super::catchup;
use super::outbox::{run_writer, Close, Outbox};
use super::rate::TokenBucket;
use super::room::{self, JoinError, RoomMsg, RoomTx};
use super::{encode, Admission, Shared};

/// How long the relay keeps reading after it decided to close.
const LINGER: Duration = Duration::from_secs(2);

pub async fn run(socket: WebSocket, room: RoomId, shared: Arc<Shared>, admission: Admission) {
    let (sink, mut stream) = socket.split();
    let outbox = Arc::new(Outbox::new());
    let ping_every = shared
        .settings
        .idle_timeout
        .map(|t| (t / 2).max(Duration::from_millis(250)));
    let writer = tokio::spawn({
        let outbox = outbox.clone();
        async move { run_writer(&outbox, sink, ping_every).await }
    });

    let mut session = Session {
        bucket: TokenBucket::new(
            shared.settings.frames_per_second,
            shared.settings.frame_burst,
            std::time::Instant::now(),
        ),
        assembler: SnapshotAssembler::new(shared.settings.max_snapshot_bytes),
        verifier: RoomVerifier::for_room(&room),
        shared,
        room,
        outbox: outbox.clone(),
        joined: None,
    };
    let peer_gone = match admission.refusal() {
        Some(err) => {
            outbox.close(Close::from(err));
            false
        }
        None => session.read(&mut stream).await,
    };
    session.leave();
    if !peer_gone {
        let _ = tokio::time::timeout(LINGER, async {
            while let Some(Ok(msg)) = stream.next().await {
                if matches!(msg, Message::Close(_)) {
                    break;
                }
            }
        })
        .await;
    }
    let _ = tokio::time::timeout(LINGER, writer).await;
    drop(admission);
}

struct Session {
    shared: Arc<Shared>,
    room: RoomId,
    outbox: Arc<Outbox>,
    joined: Option<(u32, RoomTx)>,
    bucket: TokenBucket,
    assembler: SnapshotAssembler,
    /// A signed room's verifier: every write must carry the room's signature.
    /// `None` for an open room (made before protocol version 2).
    verifier: Option<RoomVerifier>,
}

impl Session {
    /// Reads until the connection ends. Returns true when the peer is gone (it
    /// closed, or the socket failed), false when the relay decided to close.
    async fn read(&mut self, stream: &mut futures_util::stream::SplitStream<WebSocket>) -> bool {
        let idle_timeout = self.shared.settings.idle_timeout;
        let mut idle_deadline = idle_timeout.map(|t| Instant::now() + t);
        let mut stopping = self.shared.stopping.clone();
        loop {
            let idle = async {
                match idle_deadline {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            let msg = tokio::select! {
                biased;
                _ = stopping.wait_for(|stop| *stop) => {
                    self.outbox.close(Close::new(close_code::GOING_AWAY, "the server is shutting down"));
                    return false;
                }
                () = self.outbox.ending() => return false,
                () = idle => {
                    let seconds = idle_timeout.map_or(0, |t| t.as_secs());
                    self.outbox.close(Close::from(&FrameError::IdleTimeout { seconds }));
                    return false;
                }
                msg = stream.next() => msg,
            };
            let result = match msg {
                None | Some(Ok(Message::Close(_))) => {
                    self.outbox.finish();
                    return true;
                }
                Some(Err(err)) => {
                    // The WebSocket layer refuses a message over the size limit
                    // before it is read whole; say so. Any other error is a broken
                    // socket, which has no one left to tell.
                    if err.to_string().contains("too long") {
                        let limit = self.shared.settings.max_message_bytes;
                        self.outbox
                            .close(Close::from(&FrameError::MessageTooLarge { limit }));
                    } else {
                        self.outbox.finish();
                    }
                    return true;
                }
                Some(Ok(Message::Text(_))) => Err(Close::from(&FrameError::TextMessage)),
                Some(Ok(Message::Binary(message))) => self.receive(message).await,
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => Ok(()),
            };
            if let Err(close) = result {
                self.outbox.close(close);
                return false;
            }
            idle_deadline = idle_timeout.map(|t| Instant::now() + t);
        }
    }

    /// Handles one binary message: decodes it whole, charges the rate limit one
    /// token per frame, then acts on each frame in order.
    async fn receive(&mut self, message: Bytes) -> Result<(), Close> {
        let limits = self.shared.settings.limits;
        let frames = decode_client_message(&message, &limits).map_err(|e| Close::from(&e))?;
        if !self.bucket.take(frames.len(), std::time::Instant::now()) {
            return Err(Close::from(&FrameError::TooManyFrames {
                per_second: self.shared.settings.frames_per_second,
                burst: self.shared.settings.frame_burst,
            }));
        }
        for frame in frames {
            if let ClientFrame::Hello { since } = frame {
                if self.joined.is_some() {
                    return Err(Close::from(&FrameError::SecondHello));
                }
                self.join(since).await?;
                continue;
            }
            let Some((conn, room)) = &self.joined else {
                let name = match frame {
                    ClientFrame::Update { .. } => "UPDATE",
                    ClientFrame::SnapshotPart { .. } => "SNAPSHOT_PART",
                    _ => "PRESENCE",
                };
                return Err(Close::from(&FrameError::HelloFirst { name }));
            };
            let conn = *conn;
            // Payloads are kept as slices of the received message: no copy.
            let msg = match frame {
                ClientFrame::Hello { .. } => unreachable!("handled above"),
                ClientFrame::Update {
                    client_ref,
                    payload,
                } => {
                    self.check_write(SignedPurpose::Update, 0, &payload, "UPDATE")?;
                    Some(RoomMsg::Update {
                    conn,
                    client_ref,
                    payload: message.slice_ref(&payload),
                    })
                }
                ClientFrame::Presence { payload } => Some(RoomMsg::Presence {
                    conn,
                    payload: message.slice_ref(&payload),
                }),
                ClientFrame::SnapshotPart {
                    upto,
                    snapshot_ref,
                    index,
                    count,
                    payload,
                } => self
                    .assembler
                    .add(Part {
                        upto,
                        snapshot_ref,
                        index,
                        count,
                        payload: &payload,
                    })
                    .map_err(|e| Close::from(&e))?
                    .map(|(upto, bytes)| {
                        // Checked whole, once assembled: nothing of an unsigned
                        // snapshot is stored.
                        self.check_write(SignedPurpose::Snapshot, upto, &bytes, "snapshot")?;
                        Ok::<_, Close>(RoomMsg::Snapshot { conn, upto, bytes })
                    })
                    .transpose()?,
            };
            if let Some(msg) = msg {
                room.send(msg).map_err(|_| unavailable())?;
            }
        }
        Ok(())
    }

    /// In a signed room, refuses a write whose signature does not verify with
    /// the room's key (the room id). The payload stays opaque: the signature
    /// covers the sealed bytes, which the relay never opens.
    fn check_write(&self, purpose: SignedPurpose, upto: u64, payload: &[u8], what: &'static str) -> Result<(), Close> {
        match &self.verifier {
            Some(verifier) => match verifier.verify(purpose, upto, payload) {
                Ok(_) => Ok(()),
                Err(_) => Err(Close::from(&FrameError::WriteRefused { what })),
            },
            None => Ok(()),
        }
    }

    /// Joins the room, sends WELCOME and starts the catch-up.
    async fn join(&mut self, since: u64) -> Result<(), Close> {
        let (tx, answer) = room::join(&self.shared, &self.room, self.outbox.clone());
        let joined = match answer.await {
            Ok(Ok(joined)) => joined,
            Ok(Err(JoinError::Full(err))) => return Err(Close::from(&err)),
            Ok(Err(JoinError::Unavailable)) | Err(_) => return Err(unavailable()),
        };
        self.outbox.push_now([encode(&RelayFrame::Welcome {
            head: joined.head,
            conn: joined.conn,
        })]);
        self.joined = Some((joined.conn, tx.clone()));
        let (shared, room, outbox) = (self.shared.clone(), self.room.clone(), self.outbox.clone());
        tokio::spawn(async move {
            let limits = shared.settings.limits;
            match catchup::run(&shared.log, &room, &limits, &outbox, since, joined.head).await {
                Ok(()) => {
                    let _ = tx.send(RoomMsg::CaughtUp { conn: joined.conn });
                }
                Err(err) => {
                    tracing::error!(%room, "catch-up from {since} failed: {err}");
                    outbox.close(Close::new(
                        close_code::INTERNAL_ERROR,
                        "the relay could not read the room's history; try again later",
                    ));
                }
            }
        });
        Ok(())
    }

    fn leave(&mut self) {
        if let Some((conn, room)) = self.joined.take() {
            let _ = room.send(RoomMsg::Leave { conn });
        }
    }
}

fn unavailable() -> Close {
    Close::new(
        close_code::INTERNAL_ERROR,
        "the room is unavailable; try again later",
    )
}
