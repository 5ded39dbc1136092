//! Undo and redo of this replica's own whiteboard edits (Ctrl/Cmd+Z and
//! Shift+Ctrl/Cmd+Z).
//!
//! A yrs `UndoManager` watches the whiteboard's root maps (boards, notes,
//! clusters, links, votes) and records only transactions whose origin is this
//! replica's ([`crate::room::LOCAL_ORIGIN`]): remote updates are applied
//! without an origin, so another person's changes are never undone here.
//! Undoing one's own edit that someone else has since changed again keeps
//! their change (a note moved back while someone recolours it keeps the new
//! colour; a value someone overwrote after us is not restored over theirs).
//!
//! Each edit is one step. Edits can be grouped (typing in a note should undo
//! by words, not letters) by telling the room the time of each edit with
//! [`Room::set_edit_time`]: edits less than [`UNDO_GROUP_MILLIS`] apart then
//! undo together, until [`Room::end_undo_step`] closes the group. Core reads
//! no clock itself; without times, nothing is grouped.
//!
//! The history lives in memory only: it starts empty when a room is opened.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use yrs::undo::Options;
use yrs::{Doc, MapRef, Origin, UndoManager};

use crate::room::{Room, Roots, Update, LOCAL_ORIGIN};

/// Edits closer together than this (by the times given to
/// [`Room::set_edit_time`]) are undone as one step.
pub const UNDO_GROUP_MILLIS: u64 = 500;

/// This replica's undo and redo stacks.
pub(crate) struct History {
    doc: Doc,
    manager: UndoManager,
    /// The caller's time of the current edit, in milliseconds; 0 when unknown.
    now: Arc<AtomicU64>,
}

/// The key under which an undo or redo listens for the update it produces.
const CAPTURE: &str = "constellation-undo-capture";

impl History {
    /// The whiteboard's history: boards, notes, clusters, links and votes.
    pub fn whiteboard(doc: &Doc, roots: &Roots, now: Arc<AtomicU64>) -> History {
        History::new(doc, &[&roots.boards, &roots.notes, &roots.clusters, &roots.links, &roots.votes], now, UNDO_GROUP_MILLIS)
    }

    /// A history of this replica's edits to the root maps in `scope` only;
    /// `now` is the caller's time of the current edit (see
    /// [`Room::set_edit_time`]), shared by every history of the room; edits
    /// less than `group_millis` apart undo as one step (0: never grouped).
    pub fn new(doc: &Doc, scope: &[&MapRef], now: Arc<AtomicU64>, group_millis: u64) -> History {
        let clock = Arc::clone(&now);
        // Built field by field: yrs offers no default options on wasm, where its
        // default clock would read the system time.
        let options = Options {
            capture_timeout_millis: group_millis,
            tracked_origins: HashSet::from([Origin::from(LOCAL_ORIGIN)]),
            capture_transaction: None,
            timestamp: Arc::new(move || clock.load(Ordering::Relaxed)),
            init_undo_stack: Vec::new(),
            init_redo_stack: Vec::new(),
        };
        let mut manager = UndoManager::with_options(options);
        for root in scope {
            manager.expand_scope(doc, *root);
        }
        History {
            doc: doc.clone(),
            manager,
            now,
        }
    }

    /// Ends the current step: the next edit starts a new one.
    pub(crate) fn end_step(&mut self) {
        self.manager.reset();
    }

    pub(crate) fn can_undo(&self) -> bool {
        self.manager.can_undo()
    }

    pub(crate) fn can_redo(&self) -> bool {
        self.manager.can_redo()
    }

    /// Undoes (or redoes) one step and returns the update bytes it produced.
    pub(crate) fn step(&mut self, undo: bool) -> Vec<u8> {
        let captured: Arc<Mutex<Vec<Vec<u8>>>> = Arc::default();
        let sink = Arc::clone(&captured);
        let listening = self
            .doc
            .observe_update_v1(CAPTURE, move |_, event| {
                if let Ok(mut updates) = sink.lock() {
                    updates.push(event.update.clone());
                }
            })
            .is_ok();
        if !listening {
            // Only possible while another transaction is open, which `&mut Room` rules out.
            return yrs::Update::EMPTY_V1.to_vec();
        }
        if undo {
            self.manager.undo_blocking();
        } else {
            self.manager.redo_blocking();
        }
        let _ = self.doc.unobserve_update_v1(CAPTURE);
        self.manager.reset();
        let updates = captured.lock().map(|u| u.clone()).unwrap_or_default();
        match updates.len() {
            0 => yrs::Update::EMPTY_V1.to_vec(),
            1 => updates.into_iter().next().unwrap_or_default(),
            _ => {
                let parts: Vec<&[u8]> = updates.iter().map(Vec::as_slice).collect();
                yrs::merge_updates_v1(&parts).unwrap_or_else(|_| yrs::Update::EMPTY_V1.to_vec())
            }
        }
    }
}

impl Room {
    /// Undoes this replica's last whiteboard edit not undone yet, and returns
    /// the update to send (empty when there was nothing to undo).
    /// While the board is locked, nothing is undone (an empty update).
    pub fn undo(&mut self) -> Update {
        if self.board_locked() {
            return self.record_local(yrs::Update::EMPTY_V1.to_vec());
        }
        let bytes = self.history.step(true);
        self.record_local(bytes)
    }

    /// Redoes the last undone edit, if no new edit came since; returns the
    /// update to send (empty when there was nothing to redo).
    pub fn redo(&mut self) -> Update {
        if self.board_locked() {
            return self.record_local(yrs::Update::EMPTY_V1.to_vec());
        }
        let bytes = self.history.step(false);
        self.record_local(bytes)
    }

    pub fn can_undo(&self) -> bool {
        !self.board_locked() && self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        !self.board_locked() && self.history.can_redo()
    }

    /// Tells the room the caller's time, in milliseconds from any fixed start,
    /// before an edit: edits less than [`UNDO_GROUP_MILLIS`] apart then undo as
    /// one step. Core reads no clock; without this, every edit is its own step.
    /// Times that go backwards are taken as the latest time given.
    pub fn set_edit_time(&mut self, millis: u64) {
        self.history.now.fetch_max(millis, Ordering::Relaxed);
    }

    /// Ends the current group of edits: the next edit starts a new undo step
    /// however soon it comes (call it when a note loses focus, for example).
    pub fn end_undo_step(&mut self) {
        self.history.manager.reset();
        self.network_history.manager.reset();
    }
}
