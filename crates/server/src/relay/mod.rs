//! The blind relay: orders, stores and forwards the frames of each room over
//! WebSockets at `/ws/{room_id}`, on the same port as the app.
//!
//! It owns the per-connection rules and limits, the rooms (ordering, presence,
//! catch-up) and the coalesced writing to sockets. It never interprets a payload:
//! updates, snapshots and presence are end-to-end encrypted bytes it stores and
//! forwards byte-exact, and it must never log them. Everything it knows comes from
//! the frame headers defined in `constellation_protocol`. Storage is reached only
//! through [`crate::store::RoomLog`].
//!
//! Modules: `connection` (one socket: reading, rules, close), `outbox` (coalesced
//! writing), `room` (the room actor), `catchup` (history for a joining
//! connection), `presence` (presence batching), `assembler` (snapshot parts),
//! `rate` (frame rate limit), `settings` (limits and their flags).

mod assembler;
mod catchup;
mod connection;
mod outbox;
mod presence;
pub(crate) mod rate;
mod room;
pub mod settings;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use constellation_core::link::RoomId;
use constellation_protocol::{FrameError, RelayFrame};
use tokio::sync::{watch, Notify};

use crate::store::RoomLog;
pub use settings::{RelayArgs, RelaySettings};

/// The relay, cheap to clone (it is the router's state).
#[derive(Clone)]
pub struct Relay {
    shared: Arc<Shared>,
}

/// What every connection and room of the relay shares.
pub(crate) struct Shared {
    log: Arc<dyn RoomLog>,
    settings: RelaySettings,
    rooms: Mutex<HashMap<RoomId, room::RoomTx>>,
    connections: AtomicUsize,
    all_closed: Notify,
    stopping: watch::Receiver<bool>,
}

impl Shared {
    fn rooms(&self) -> MutexGuard<'_, HashMap<RoomId, room::RoomTx>> {
        // The map stays consistent even if a holder panicked (inserts and removes
        // are single operations), so a poisoned lock is used as is.
        self.rooms.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Relay {
    /// A relay storing rooms in `log`. Connections close with 1001 once `stopping`
    /// becomes true.
    pub fn new(
        log: Arc<dyn RoomLog>,
        settings: RelaySettings,
        stopping: watch::Receiver<bool>,
    ) -> Relay {
        Relay {
            shared: Arc::new(Shared {
                log,
                settings,
                rooms: Mutex::new(HashMap::new()),
                connections: AtomicUsize::new(0),
                all_closed: Notify::new(),
                stopping,
            }),
        }
    }

    /// The route `/ws/{room}`.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/ws/{room}", get(upgrade))
            .with_state(self.clone())
    }

    /// Waits until every relay connection has closed, at most `limit`. Returns the
    /// number still open.
    pub async fn wait_closed(&self, limit: Duration) -> usize {
        let shared = &self.shared;
        let _ = tokio::time::timeout(limit, async {
            loop {
                let closed = shared.all_closed.notified();
                tokio::pin!(closed);
                closed.as_mut().enable();
                if shared.connections.load(Ordering::Acquire) == 0 {
                    return;
                }
                closed.await;
            }
        })
        .await;
        shared.connections.load(Ordering::Acquire)
    }
}

/// Encodes one relay frame for the outboxes.
fn encode(frame: &RelayFrame<'_>) -> Bytes {
    Bytes::from(frame.to_bytes())
}

/// A counted connection. Over the server-wide limit it is still upgraded, so that
/// the client receives a close code (4503) and a reason rather than a bare HTTP
/// error it cannot read from JavaScript.
pub(crate) struct Admission {
    shared: Arc<Shared>,
    refusal: Option<FrameError>,
}

impl Admission {
    fn new(shared: &Arc<Shared>) -> Admission {
        let limit = shared.settings.max_connections;
        let open = shared.connections.fetch_add(1, Ordering::AcqRel) + 1;
        Admission {
            shared: shared.clone(),
            refusal: (open > limit).then_some(FrameError::ServerFull { limit }),
        }
    }

    fn refusal(&self) -> Option<&FrameError> {
        self.refusal.as_ref()
    }
}

impl Drop for Admission {
    fn drop(&mut self) {
        if self.shared.connections.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.shared.all_closed.notify_waiters();
        }
    }
}

/// `GET /ws/{room}`: checks the room id (HTTP 400 before any upgrade when it is
/// not one) and hands the socket to a connection task.
/// Bytes read from a socket at a time (see `upgrade`).
const READ_BUFFER_BYTES: usize = 8 * 1024;

async fn upgrade(
    State(relay): State<Relay>,
    Path(room): Path<String>,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let room = match RoomId::parse(&room) {
        Ok(id) if id.as_str() == room => id,
        _ => {
            return (
                StatusCode::BAD_REQUEST,
                "not a room id: a room id is 43 characters of base64url (a verifying key), or 22 for rooms made before\n",
            )
                .into_response()
        }
    };
    let ws = match ws {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let shared = relay.shared;
    if *shared.stopping.borrow() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is shutting down\n",
        )
            .into_response();
    }
    let admission = Admission::new(&shared);
    let max_message = shared.settings.max_message_bytes;
    // A small read buffer: tungstenite's default (128 KiB, zero-filled before
    // each read) was almost all of a connection's memory (137 KiB measured per
    // idle connection; 13 KiB with 8 KiB). Large messages still arrive whole;
    // the buffer only bounds one socket read.
    ws.max_message_size(max_message)
        .max_frame_size(max_message)
        .read_buffer_size(READ_BUFFER_BYTES)
        .on_upgrade(move |socket| connection::run(socket, room, shared, admission))
}
