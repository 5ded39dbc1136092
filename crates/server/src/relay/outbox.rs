//! Each connection's outbound buffer and the task that writes it to the socket.
//!
//! This is where the relay coalesces: producers (the room, the catch-up) only
//! append encoded frames to a connection's [`Outbox`] and wake its writer; the
//! writer drains everything pending into ONE WebSocket message per wake-up (capped
//! at [`MESSAGE_CAP`] so a long catch-up becomes several messages). A busy room
//! therefore costs one socket write per connection per tick, not one per frame.
//! Frames are encoded once per broadcast and shared between outboxes (`Bytes` is
//! reference counted); only the final concatenation is per connection.
//!
//! While a connection catches up, live frames (ACKs, UPDATEs, PRESENCE, LEFT) are
//! *held* and released after CAUGHT_UP, so they never overtake the history. This
//! module never looks inside a frame.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use bytes::{Bytes, BytesMut};
use constellation_protocol::{close_code, FrameError};
use futures_util::stream::SplitSink;
use futures_util::SinkExt;
use tokio::sync::{watch, Notify};

/// Largest message the writer builds from several frames. A single larger frame is
/// still sent alone.
pub const MESSAGE_CAP: usize = 256 * 1024;

/// Bytes a connection may have waiting before it is considered too slow and closed
/// (it reconnects and catches up from storage instead of growing relay memory).
const MAX_PENDING: usize = 32 * 1024 * 1024;

/// A WebSocket close reason may be at most 123 bytes long.
const MAX_REASON: usize = 123;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub code: u16,
    pub reason: String,
}

impl Close {
    pub fn new(code: u16, reason: impl Into<String>) -> Close {
        let mut reason = reason.into();
        if reason.len() > MAX_REASON {
            let mut end = MAX_REASON;
            while !reason.is_char_boundary(end) {
                end -= 1;
            }
            reason.truncate(end);
        }
        Close { code, reason }
    }
}

impl From<&FrameError> for Close {
    fn from(err: &FrameError) -> Close {
        Close::new(err.close_code(), err.to_string())
    }
}

#[derive(Default)]
struct State {
    ready: VecDeque<Bytes>,
    ready_bytes: usize,
    /// `Some` while catching up: live frames wait here.
    held: Option<VecDeque<Bytes>>,
    held_bytes: usize,
    /// A close frame to send once, after which nothing more is sent.
    close: Option<Close>,
    /// No more frames are accepted (closing, or the peer or socket went away).
    ended: bool,
}

/// What the writer should do next.
enum Next {
    Send(Bytes),
    Close(Close),
    Wait,
    Stop,
}

pub struct Outbox {
    state: Mutex<State>,
    /// Wakes the writer.
    wake: Notify,
    /// Tells waiting producers (the catch-up) that the writer sent something.
    drained: Notify,
    /// Becomes true when the connection is ending, for the reader to stop.
    ending: watch::Sender<bool>,
}

impl Outbox {
    /// A new outbox holding live frames until the catch-up ends.
    pub fn new() -> Outbox {
        Outbox {
            state: Mutex::new(State {
                held: Some(VecDeque::new()),
                ..State::default()
            }),
            wake: Notify::new(),
            drained: Notify::new(),
            ending: watch::Sender::new(false),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock leaves only plain buffers behind, which
        // are still consistent, so a poisoned lock is used as is.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues live frames (held during catch-up) and wakes the writer.
    pub fn push_live(&self, frames: impl IntoIterator<Item = Bytes>) {
        let mut state = self.lock();
        if state.ended {
            return;
        }
        let st = &mut *state;
        match st.held.as_mut() {
            Some(held) => {
                for frame in frames {
                    st.held_bytes += frame.len();
                    held.push_back(frame);
                }
            }
            None => {
                for frame in frames {
                    st.ready_bytes += frame.len();
                    st.ready.push_back(frame);
                }
            }
        }
        self.check_pending(&mut state);
        drop(state);
        self.wake.notify_one();
    }

    /// Queues frames to be sent before any held live frame (WELCOME, history).
    pub fn push_now(&self, frames: impl IntoIterator<Item = Bytes>) {
        let mut state = self.lock();
        if state.ended {
            return;
        }
        for frame in frames {
            state.ready_bytes += frame.len();
            state.ready.push_back(frame);
        }
        self.check_pending(&mut state);
        drop(state);
        self.wake.notify_one();
    }

    /// Ends the catch-up: queues CAUGHT_UP, then releases the held live frames.
    pub fn finish_catch_up(&self, caught_up: Bytes) {
        let mut state = self.lock();
        if state.ended {
            return;
        }
        state.ready_bytes += caught_up.len() + state.held_bytes;
        state.ready.push_back(caught_up);
        if let Some(held) = state.held.take() {
            state.ready.extend(held);
        }
        state.held_bytes = 0;
        drop(state);
        self.wake.notify_one();
    }

    fn check_pending(&self, state: &mut State) {
        let pending = state.ready_bytes + state.held_bytes;
        if pending > MAX_PENDING {
            tracing::info!("closing a connection that fell {pending} bytes behind");
            self.end(
                state,
                Some(Close::new(
                    close_code::TRY_AGAIN_LATER,
                    format!("the connection fell {pending} bytes behind; reconnect to catch up"),
                )),
            );
        }
    }

    /// Closes the connection with this code and reason: pending frames are dropped
    /// and the close frame is the last thing sent. Later calls change nothing.
    pub fn close(&self, close: Close) {
        let mut state = self.lock();
        self.end(&mut state, Some(close));
    }

    /// Ends the connection without a close frame (the peer closed, or the socket
    /// failed).
    pub fn finish(&self) {
        let mut state = self.lock();
        self.end(&mut state, None);
    }

    fn end(&self, state: &mut State, close: Option<Close>) {
        if state.ended {
            return;
        }
        state.ended = true;
        state.close = close;
        state.ready.clear();
        state.ready_bytes = 0;
        state.held = None;
        state.held_bytes = 0;
        self.ending.send_replace(true);
        self.wake.notify_one();
        self.drained.notify_waiters();
    }

    pub fn is_ending(&self) -> bool {
        *self.ending.borrow()
    }

    /// Resolves once the connection is ending.
    pub async fn ending(&self) {
        let mut rx = self.ending.subscribe();
        let _ = rx.wait_for(|ending| *ending).await;
    }

    /// Waits until at most `bytes` are waiting to be sent, or the connection ends.
    /// The catch-up uses this so a slow client holds back the reading of history
    /// instead of filling memory.
    pub async fn wait_below(&self, bytes: usize) {
        loop {
            let drained = self.drained.notified();
            tokio::pin!(drained);
            drained.as_mut().enable();
            {
                let state = self.lock();
                if state.ended || state.ready_bytes <= bytes {
                    return;
                }
            }
            drained.await;
        }
    }

    fn next(&self) -> Next {
        let mut state = self.lock();
        if state.ended {
            return match state.close.take() {
                Some(close) => Next::Close(close),
                None => Next::Stop,
            };
        }
        let Some(first) = state.ready.pop_front() else {
            return Next::Wait;
        };
        let mut total = first.len();
        let mut count = 1;
        while let Some(frame) = state.ready.get(count - 1) {
            if total + frame.len() > MESSAGE_CAP {
                break;
            }
            total += frame.len();
            count += 1;
        }
        state.ready_bytes -= total;
        if count == 1 {
            return Next::Send(first);
        }
        let mut message = BytesMut::with_capacity(total);
        message.extend_from_slice(&first);
        for frame in state.ready.drain(..count - 1) {
            message.extend_from_slice(&frame);
        }
        Next::Send(message.freeze())
    }
}

/// Writes the outbox to the socket until the connection ends. Pings every
/// `ping_every` so that dead peers are noticed (browsers answer pings by
/// themselves) and idle connections are not dropped by proxies.
pub async fn run_writer(
    outbox: &Outbox,
    mut sink: SplitSink<WebSocket, Message>,
    ping_every: Option<Duration>,
) {
    let mut ping = ping_every
        .map(|every| tokio::time::interval_at(tokio::time::Instant::now() + every, every));
    loop {
        let woken = outbox.wake.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        match outbox.next() {
            Next::Send(message) => {
                if sink.send(Message::Binary(message)).await.is_err() {
                    outbox.finish();
                    return;
                }
                outbox.drained.notify_waiters();
                continue;
            }
            Next::Close(close) => {
                let frame = CloseFrame {
                    code: close.code,
                    reason: close.reason.into(),
                };
                let _ = sink.send(Message::Close(Some(frame))).await;
                return;
            }
            Next::Stop => {
                let _ = sink.close().await;
                return;
            }
            Next::Wait => {}
        }
        let tick = async {
            match ping.as_mut() {
                Some(ping) => {
                    ping.tick().await;
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = &mut woken => {}
            () = tick => {
                if sink.send(Message::Ping(Bytes::new())).await.is_err() {
                    outbox.finish();
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(n: usize) -> Bytes {
        Bytes::from(vec![7; n])
    }

    fn sent(outbox: &Outbox) -> Vec<usize> {
        let mut sizes = Vec::new();
        while let Next::Send(message) = outbox.next() {
            sizes.push(message.len());
        }
        sizes
    }

    #[test]
    fn live_frames_wait_for_the_end_of_catch_up() {
        let outbox = Outbox::new();
        outbox.push_live([frame(1)]);
        outbox.push_now([frame(2)]);
        assert_eq!(sent(&outbox), [2]);
        outbox.finish_catch_up(frame(3));
        // CAUGHT_UP and the held frame go out together, in that order.
        match outbox.next() {
            Next::Send(message) => assert_eq!(message.len(), 4),
            _ => panic!("expected a message"),
        }
        outbox.push_live([frame(5)]);
        assert_eq!(sent(&outbox), [5]);
    }

    #[test]
    fn pending_frames_become_one_message_up_to_the_cap() {
        let outbox = Outbox::new();
        outbox.finish_catch_up(frame(1));
        outbox.push_live((0..10).map(|_| frame(100)));
        assert_eq!(sent(&outbox), [1001]);
        outbox.push_live((0..3).map(|_| frame(MESSAGE_CAP / 2)));
        assert_eq!(sent(&outbox), [MESSAGE_CAP, MESSAGE_CAP / 2]);
        outbox.push_live([frame(MESSAGE_CAP * 2)]);
        assert_eq!(sent(&outbox), [MESSAGE_CAP * 2]);
    }

    #[test]
    fn close_drops_pending_frames_and_is_sent_once() {
        let outbox = Outbox::new();
        outbox.push_now([frame(1)]);
        outbox.close(Close::new(4400, "bad"));
        outbox.close(Close::new(4413, "ignored"));
        outbox.push_now([frame(1)]);
        assert!(outbox.is_ending());
        assert!(matches!(outbox.next(), Next::Close(c) if c.code == 4400));
        assert!(matches!(outbox.next(), Next::Stop));
    }

    #[test]
    fn a_slow_connection_is_closed() {
        let outbox = Outbox::new();
        outbox.push_live((0..40).map(|_| frame(1024 * 1024)));
        assert!(matches!(outbox.next(), Next::Close(c) if c.code == 1013));
    }

    #[test]
    fn long_reasons_are_cut_at_a_character_boundary() {
        let close = Close::new(4400, "é".repeat(100));
        assert!(close.reason.len() <= 123);
        assert!(close.reason.chars().all(|c| c == 'é'));
    }
}
