//! Catch-up: sending a joining connection the history it lacks, from its `since`
//! to the room's head at the moment it joined, then CAUGHT_UP.
//!
//! History is read from the store in chunks of [`READ_CHUNK`] bytes and queued in
//! the connection's outbox only when the outbox has drained below [`LOW_WATER`], so
//! a 50,000-update room streams as a series of bounded messages and a slow client
//! slows the reading instead of filling memory. Live frames meanwhile wait in the
//! outbox (see `outbox`) and follow CAUGHT_UP, so nothing is lost or reordered.
//!
//! When the log no longer holds `since + 1` (a snapshot let the relay drop the
//! prefix), the newest snapshot not beyond the head is sent first, re-cut into
//! parts that fit the frame limit, then the updates after it. This module never
//! looks inside a payload.

use std::sync::Arc;

use bytes::Bytes;
use constellation_core::link::RoomId;
use constellation_protocol::{snapshot_parts, Limits, RelayFrame};

use super::encode;
use super::outbox::Outbox;
use crate::store::{RoomLog, StoreError};

/// Payload bytes read from the store at a time.
const READ_CHUNK: usize = 256 * 1024;

/// The catch-up queues more only when less than this is waiting to be sent.
const LOW_WATER: usize = 512 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum CatchUpError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the log of the room lacks update {missing} and no snapshot covers it")]
    Gap { missing: u64 },
    #[error("the stored snapshot cannot be cut into parts: {0}")]
    Snapshot(#[from] constellation_protocol::FrameError),
}

/// Sends everything after `since` up to `head`, then CAUGHT_UP{head} and the live
/// frames held meanwhile. Returns early, without error, if the connection ends.
pub async fn run(
    log: &Arc<dyn RoomLog>,
    room: &RoomId,
    limits: &Limits,
    outbox: &Outbox,
    since: u64,
    head: u64,
) -> Result<(), CatchUpError> {
    // A client ahead of the relay (its `since` beyond the head, for example after
    // the relay lost its data) gets nothing but the head, and can tell from it.
    let mut next = since.saturating_add(1);
    while next <= head {
        if outbox.is_ending() {
            return Ok(());
        }
        let entries = log.read_from(room, next - 1, READ_CHUNK).await?;
        if entries.first().map(|e| e.seq) != Some(next) {
            // The prefix holding `next` was dropped: continue from a snapshot.
            let gap_end = entries.first().map_or(head, |e| e.seq - 1);
            let snapshot = log
                .snapshot(room, head)
                .await?
                .filter(|s| s.upto >= next.max(gap_end.min(head)))
                .ok_or(CatchUpError::Gap { missing: next })?;
            let parts = snapshot_parts(&snapshot.bytes, limits.max_relay_snapshot_part())?;
            let count = parts.len() as u16;
            for (index, part) in parts.into_iter().enumerate() {
                outbox.push_now([encode(&RelayFrame::SnapshotPart {
                    upto: snapshot.upto,
                    index: index as u16,
                    count,
                    payload: part.into(),
                })]);
                outbox.wait_below(LOW_WATER).await;
            }
            next = snapshot.upto + 1;
            continue;
        }
        let frames: Vec<Bytes> = entries
            .iter()
            .take_while(|e| e.seq <= head)
            .map(|e| encode(&RelayFrame::update(e.seq, &e.payload)))
            .collect();
        next = entries.last().map_or(next, |e| e.seq + 1).min(head + 1);
        outbox.push_now(frames);
        outbox.wait_below(LOW_WATER).await;
    }
    outbox.finish_catch_up(encode(&RelayFrame::CaughtUp { head }));
    Ok(())
}
