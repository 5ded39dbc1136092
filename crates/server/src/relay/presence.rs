//! Presence coalescing for one room. Only the latest presence of each connection is
//! kept (in memory, never stored), and changes go out in batches at most every
//! [`INTERVAL`]: a batch carries the latest presence of every connection that
//! changed since the previous batch. Because every connection of the room receives
//! the same batches, each one gets at most one presence batch per interval however
//! fast the others move their cursors. Time is passed in, so this is tested without
//! sleeping.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use bytes::Bytes;

/// Shortest time between two presence batches of a room.
pub const INTERVAL: Duration = Duration::from_millis(100);

#[derive(Default)]
pub struct Presence {
    /// The encoded PRESENCE frame of each connection that sent one.
    latest: HashMap<u32, Bytes>,
    /// Connections whose presence changed since the last batch.
    dirty: HashSet<u32>,
    last_batch: Option<Instant>,
    due: Option<Instant>,
}

impl Presence {
    /// Records a connection's latest presence and schedules a batch.
    pub fn set(&mut self, conn: u32, frame: Bytes, now: Instant) {
        self.latest.insert(conn, frame);
        self.dirty.insert(conn);
        if self.due.is_none() {
            let earliest = self.last_batch.map_or(now, |last| last + INTERVAL);
            self.due = Some(earliest.max(now));
        }
    }

    /// Forgets a connection that left, so no stale presence of it goes out later.
    pub fn remove(&mut self, conn: u32) {
        self.latest.remove(&conn);
        self.dirty.remove(&conn);
        if self.dirty.is_empty() {
            self.due = None;
        }
    }

    /// When the next batch is due, if anything changed.
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// The batch of changed presences, as (sender, frame), and the start of a new
    /// interval.
    pub fn take_batch(&mut self, now: Instant) -> Vec<(u32, Bytes)> {
        self.due = None;
        self.last_batch = Some(now);
        let dirty = std::mem::take(&mut self.dirty);
        dirty
            .into_iter()
            .filter_map(|conn| self.latest.get(&conn).map(|f| (conn, f.clone())))
            .collect()
    }

    /// Every known presence, for a connection that just joined.
    pub fn all(&self) -> Vec<Bytes> {
        self.latest.values().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_changes_become_one_batch_with_the_latest_values() {
        let t0 = Instant::now();
        let mut p = Presence::default();
        for i in 0..50u8 {
            p.set(1, Bytes::from(vec![i]), t0);
        }
        p.set(2, Bytes::from_static(b"b"), t0);
        assert_eq!(p.due(), Some(t0));
        let mut batch = p.take_batch(t0);
        batch.sort_by_key(|(conn, _)| *conn);
        assert_eq!(batch.len(), 2);
        assert_eq!(batch[0], (1, Bytes::from(vec![49])));
        assert_eq!(p.due(), None);
    }

    #[test]
    fn the_next_batch_waits_for_the_interval() {
        let t0 = Instant::now();
        let mut p = Presence::default();
        p.set(1, Bytes::from_static(b"a"), t0);
        p.take_batch(t0);
        let t1 = t0 + Duration::from_millis(10);
        p.set(1, Bytes::from_static(b"b"), t1);
        assert_eq!(p.due(), Some(t0 + INTERVAL));
        // A change long after the last batch goes out at once.
        p.take_batch(t0 + INTERVAL);
        let t2 = t0 + Duration::from_secs(5);
        p.set(1, Bytes::from_static(b"c"), t2);
        assert_eq!(p.due(), Some(t2));
    }

    #[test]
    fn a_connection_that_left_is_forgotten() {
        let t0 = Instant::now();
        let mut p = Presence::default();
        p.set(1, Bytes::from_static(b"a"), t0);
        p.remove(1);
        assert_eq!(p.due(), None);
        assert!(p.take_batch(t0).is_empty());
        assert!(p.all().is_empty());
    }
}
