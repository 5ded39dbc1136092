//! Delivery of updates between replicas in property tests, shared by every
//! convergence test: a seeded shuffle, and "everyone gets everything" in a
//! random order with duplicates or by state-vector diffs.
#![allow(dead_code)]

use constellation_core::{Room, Update};
use proptest::prelude::*;

/// A seeded random source (SplitMix64), so a failing case replays exactly.
pub struct Shuffle(pub u64);

impl Shuffle {
    pub fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % bound.max(1) as u64) as usize
    }

    /// A random order of `0..len` with about one in three entries repeated.
    pub fn order_with_duplicates(&mut self, len: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..len).collect();
        for _ in 0..len / 3 {
            order.push(self.next(len));
        }
        for i in (1..order.len()).rev() {
            order.swap(i, self.next(i + 1));
        }
        order
    }
}

/// A replica receives some updates of the log, picked at random (what a peer
/// on bad Wi-Fi gets before the rest).
pub fn receive_some(room: &mut Room, log: &[Update], seed: u64) -> Result<(), TestCaseError> {
    let mut picker = Shuffle(seed);
    for _ in 0..picker.next(log.len() + 1) {
        let update = &log[picker.next(log.len())];
        prop_assert!(room.apply_update(update.as_bytes()).is_ok());
    }
    Ok(())
}

/// Every replica ends up with every update: the first ones receive the whole
/// log in a random order with duplicates, the last `by_diff` catch up through
/// state-vector diffs from the others instead.
pub fn deliver_all(rooms: &mut [Room], log: &[Update], by_diff: usize, shuffle: &mut Shuffle) -> Result<(), TestCaseError> {
    let by_updates = rooms.len() - by_diff;
    for room in &mut rooms[..by_updates] {
        for index in shuffle.order_with_duplicates(log.len()) {
            prop_assert!(room.apply_update(log[index].as_bytes()).is_ok());
        }
    }
    for target in by_updates..rooms.len() {
        for source in shuffle.order_with_duplicates(rooms.len()) {
            if source == target {
                continue;
            }
            let diff = rooms[source].diff_since(&rooms[target].state_vector());
            prop_assert!(rooms[target].apply_update(diff.as_bytes()).is_ok());
        }
    }
    Ok(())
}
