//! What a facilitator controls for the whole room while running a session:
//! the whiteboard lock (no edits or votes while votes are counted) and the
//! session's start, with the read-out of what happened since.
//!
//! Layout in the document (part of the document format), in the root map `meta`:
//! - `board_locked`: bool — absent or `false` means unlocked;
//! - `session_started_at`: number — the facilitator's clock, in milliseconds
//!   since 1970, when they pressed "Start session" (for display only);
//! - `session_clocks`: object { client id (decimal string) → clock } — the
//!   state vector of the facilitator's replica at that moment.
//!
//! # What "new in this session" means
//!
//! Every item of a room is created under an id `{client}-{clock}`: the
//! replica that created it and that replica's clock at the time. The state
//! vector saved at the session's start says, for each replica, how far the
//! facilitator had seen its edits. An item is *new in this session* exactly
//! when its clock is at or beyond that replica's entry (or the replica was
//! unknown then): the facilitator had not seen it when the session started.
//! This needs no creation time on any item, reads no clock, and every replica
//! reaches the same answer from the same document. An item made offline
//! before the session but delivered during it counts as new: it is new to the
//! room, which is what the read-out reports.
//!
//! # The lock and edits made elsewhere
//!
//! The lock is checked by each replica on its own edits: while a replica
//! knows the room is locked, every whiteboard operation (boards, notes,
//! clusters, links, votes, import, undo and redo) is refused with
//! [`BoardError::Locked`] and changes nothing. A CRDT cannot refuse an update
//! from another replica, so an edit made on a device that had not yet received
//! the lock (offline, or in the same instant) is merged when it arrives, even
//! during the lock, and the ranked list may then still change. The read-out
//! reflects the document as it is when it is read.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use yrs::{Any, Map, Out, ReadTxn, TransactionMut};

use crate::board::{natural_order, BoardError, NoteId};
use crate::commitments::CommitmentId;
use crate::network::{OrgId, PersonId};
use crate::room::{Room, Roots, Update};
use crate::values::read_number;

const BOARD_LOCKED: &str = "board_locked";
const SESSION_STARTED_AT: &str = "session_started_at";
const SESSION_CLOCKS: &str = "session_clocks";

/// The session a facilitator started: when, and what the room held then.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionStart {
    /// Milliseconds since 1970 on the facilitator's clock.
    pub started_at: u64,
    /// For each replica (client id), the clock up to which its edits had been seen.
    clocks: HashMap<u64, u64>,
}

impl SessionStart {
    /// Whether the item with room id `id` (`{client}-{clock}`) was created
    /// after the session started, as far as the facilitator could see.
    /// An id of another shape is never new.
    pub fn is_new(&self, id: &str) -> bool {
        let Some((client, clock)) = id.split_once('-') else {
            return false;
        };
        match (client.parse::<u64>(), clock.parse::<u64>()) {
            (Ok(client), Ok(clock)) => clock >= self.clocks.get(&client).copied().unwrap_or(0),
            _ => false,
        }
    }
}

/// One note of the read-out: its place in its board's ranked list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopNote {
    pub board: String,
    pub note: NoteId,
    pub text: String,
    pub rank: u32,
    pub votes: u32,
}

/// One commitment made during the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCommitment {
    pub id: CommitmentId,
    /// The organization that promises.
    pub organization: String,
    /// What is promised, in the partner's words.
    pub description: String,
}

/// One tie added during the session, with its ends by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TieAdded {
    pub from: String,
    pub to: String,
}

/// What a facilitator reads aloud at the end of a session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionReadout {
    /// When the session started (ms since 1970), if one was started; without
    /// one, everything in the room counts as new.
    pub started_at: Option<u64>,
    /// For each board with counted votes, its notes with votes, best first,
    /// at most `top` of them (ties at the cut are kept: "1, 2, 2").
    pub top_notes: Vec<TopNote>,
    pub new_commitments: Vec<NewCommitment>,
    pub new_organizations: Vec<(OrgId, String)>,
    pub new_people: Vec<(PersonId, String)>,
    pub new_ties: Vec<TieAdded>,
}

impl Room {
    /// Whether the whiteboard is locked (votes being counted).
    pub fn board_locked(&self) -> bool {
        self.read(|txn, roots| matches!(roots.meta.get(txn, BOARD_LOCKED), Some(Out::Any(Any::Bool(true)))))
    }

    /// Locks or unlocks the whiteboard for every participant. Setting the
    /// state it already has changes nothing (an empty update).
    pub fn set_board_locked(&mut self, locked: bool) -> Update {
        let already = self.board_locked() == locked;
        let ((), update) = self
            .edit(|txn, roots| {
                if !already {
                    roots.meta.insert(txn, BOARD_LOCKED, locked);
                }
                Ok::<_, std::convert::Infallible>(())
            })
            .unwrap_or_else(|e| match e {});
        update
    }

    /// Starts a session now (`now` in milliseconds since 1970): from here on,
    /// the read-out reports what is added. Starting again moves the start.
    pub fn start_session(&mut self, now: u64) -> Update {
        let ((), update) = self
            .edit(|txn, roots| {
                let clocks: HashMap<String, Any> = txn
                    .state_vector()
                    .iter()
                    .map(|(client, clock)| (client.get().to_string(), Any::from(f64::from(*clock))))
                    .collect();
                roots.meta.insert(txn, SESSION_STARTED_AT, now as f64);
                roots.meta.insert(txn, SESSION_CLOCKS, Any::from(clocks));
                Ok::<_, std::convert::Infallible>(())
            })
            .unwrap_or_else(|e| match e {});
        update
    }

    /// The session started in this room, if any.
    pub fn session_start(&self) -> Option<SessionStart> {
        self.read(|txn, roots| {
            let started_at = read_number(txn, &roots.meta, SESSION_STARTED_AT)?;
            let clocks = match roots.meta.get(txn, SESSION_CLOCKS) {
                Some(Out::Any(Any::Map(map))) => map
                    .iter()
                    .filter_map(|(client, clock)| {
                        let client = client.parse::<u64>().ok()?;
                        match clock {
                            Any::Number(n) => n.as_f64().filter(|n| n.is_finite() && *n >= 0.0).map(|n| (client, n as u64)),
                            _ => None,
                        }
                    })
                    .collect(),
                _ => HashMap::new(),
            };
            Some(SessionStart { started_at: started_at.max(0.0) as u64, clocks })
        })
    }

    /// The read-out of the session: the `top` best-voted notes of each board,
    /// then commitments, organizations, people and ties new since the session
    /// started (everything, when none was started).
    pub fn session_readout(&self, top: u32) -> SessionReadout {
        let start = self.session_start();
        let is_new = |id: &str| start.as_ref().is_none_or(|s| s.is_new(id));
        let mut top_notes = Vec::new();
        for board in self.boards() {
            let Some(content) = self.board_content(&board.id) else { continue };
            top_notes.extend(
                content
                    .ranked()
                    .into_iter()
                    .filter(|r| r.votes > 0 && r.rank <= top)
                    .map(|r| TopNote {
                        board: board.name.clone(),
                        note: r.note.id.clone(),
                        text: r.note.text.clone(),
                        rank: r.rank,
                        votes: r.votes,
                    }),
            );
        }
        let mut new_commitments: Vec<NewCommitment> = self
            .commitments()
            .into_iter()
            .filter(|c| is_new(c.id.as_str()))
            .map(|c| NewCommitment { id: c.id, organization: c.organization, description: c.description })
            .collect();
        new_commitments.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));
        let stored = self.stored_network();
        let network = &stored.network;
        let org_name = |id: &str| network.organizations.iter().find(|o| o.id == id).map(|o| o.name.clone());
        let person_name = |id: &str| network.people.iter().find(|p| p.id == id).map(|p| p.name.clone());
        let mut new_organizations: Vec<(OrgId, String)> = network
            .organizations
            .iter()
            .filter(|o| is_new(o.id.as_str()))
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect();
        new_organizations.sort_by(|a, b| natural_order(a.0.as_str(), b.0.as_str()));
        let mut new_people: Vec<(PersonId, String)> = network
            .people
            .iter()
            .filter(|p| is_new(p.id.as_str()))
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        new_people.sort_by(|a, b| natural_order(a.0.as_str(), b.0.as_str()));
        let name_of = |end: &crate::network::NodeRef| match end {
            crate::network::NodeRef::Person(id) => person_name(id.as_str()),
            crate::network::NodeRef::Organization(id) => org_name(id.as_str()),
        };
        let mut ties: Vec<(&str, TieAdded)> = stored
            .tie_ids
            .iter()
            .zip(&network.ties)
            .filter(|(id, _)| is_new(id.as_str()))
            .filter_map(|(id, tie)| Some((id.as_str(), TieAdded { from: name_of(&tie.from)?, to: name_of(&tie.to)? })))
            .collect();
        ties.sort_by(|a, b| natural_order(a.0, b.0));
        SessionReadout {
            started_at: start.map(|s| s.started_at),
            top_notes,
            new_commitments,
            new_organizations,
            new_people,
            new_ties: ties.into_iter().map(|(_, t)| t).collect(),
        }
    }

    /// Runs a whiteboard edit, unless the whiteboard is locked.
    pub(crate) fn edit_whiteboard<T>(
        &mut self,
        edit: impl FnOnce(&mut TransactionMut<'_>, &Roots) -> Result<T, BoardError>,
    ) -> Result<(T, Update), BoardError> {
        if self.board_locked() {
            return Err(BoardError::Locked);
        }
        self.edit(edit)
    }
}

