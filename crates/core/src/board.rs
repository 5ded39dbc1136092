//! The shared whiteboard: boards, and the sticky notes, clusters, links and
//! votes on them.
//!
//! A room has several boards (a name and an order: "Problems", "Ideas",
//! "Actions"). On a board sit notes (text, position, colour, author), clusters
//! (labelled areas that notes belong to), links (arrows from one note to
//! another) and participants' votes. This module and its submodules own every
//! rule about them and must never hold UI state (selection, zoom, a drag in
//! progress): that lives in the web app.
//!
//! Layout in the document, which is part of the document format:
//! - root map `boards`: board id → map { `name`: string, `order`: number,
//!   `allowance`: number (votes per participant; absent means 0) };
//! - root map `notes`: note id → map { `board`: board id, `text`: shared text,
//!   `position`: [x, y], `color`: colour name, `author`: string,
//!   `cluster`: cluster id (absent when the note belongs to none) };
//! - root map `clusters`: cluster id → map { `board`, `label`: string,
//!   `position`: [x, y], `size`: [width, height] };
//! - root map `links`: link id → map { `from`: note id, `to`: note id, `label` };
//! - root map `votes`: vote id → value { `voter`: participant id, `note`: note id }.
//!
//! Every item is its own entry under a fresh id, so nothing two replicas create
//! concurrently can overwrite the other's (a vote in particular is never lost:
//! see [`votes`]). Each note is its own nested map, so concurrent changes to
//! different fields of one note (one person moves it while another recolours
//! it) both survive. A position is one value, so two concurrent moves end with
//! one of the two positions, never x from one and y from the other. The text is
//! a shared text and an edit changes only the span that differs, so two people
//! typing in different parts of the same note both keep their words.
//!
//! Reads are lenient and filter what cannot be shown: a note whose board is
//! gone, a link whose ends are gone, a vote on a deleted note. Deleting a board
//! or a note also deletes what hangs on it in the same transaction (so one undo
//! brings all of it back); the filters only matter for edits made concurrently
//! with a deletion, and every replica applies the same filters.
//!
//! Ids are `"{client}-{clock}"`: the client id of the replica that created the item
//! and that client's clock when it did. Yjs already requires every (client, clock)
//! pair to be unique, so ids never collide, even between replicas that add notes
//! while offline, and need no random numbers nor a counter of their own.

pub mod camera;
mod clusters;
mod json;
mod links;
mod notes;
mod read;
mod svg;
mod undo;
pub mod votes;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use yrs::{Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use crate::room::{Room, Update};
use crate::values::{read_map, read_number, read_string};

pub use clusters::{
    Cluster, NewCluster, MAX_CLUSTER_LABEL_CHARS, MAX_CLUSTER_SIZE, MIN_CLUSTER_SIZE,
};
pub use json::{
    FileElement, FileProblem, ImportError, ImportProblem, ItemKind, TextField, BOARD_FORMAT, BOARD_FORMAT_VERSION,
    MAX_IMPORT_ITEMS,
};
pub use links::{Link, MAX_LINK_LABEL_CHARS};
pub use notes::{
    grid_position, NewNote, Note, NoteColor, ACCESSIBLE_NAME_CHARS, KEYBOARD_STEP, NOTE_HEIGHT, NOTE_WIDTH,
};
pub use read::{BoardContent, RankedNote};
pub use svg::board_svg;
pub use undo::UNDO_GROUP_MILLIS;
pub use votes::{Ballot, Tally, Vote, MAX_PARTICIPANT_CHARS, MAX_VOTE_ALLOWANCE};

pub(crate) use undo::History;

/// The most characters a note holds.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// The most characters of a board name.
pub const MAX_BOARD_NAME_CHARS: usize = 100;
/// The most characters of a note's author name.
pub const MAX_AUTHOR_CHARS: usize = 100;

use crate::values::string_id;

string_id!(
    /// Names a board within its room.
    BoardId
);
string_id!(
    /// Names a note within its room.
    NoteId
);
string_id!(
    /// Names a cluster within its room.
    ClusterId
);
string_id!(
    /// Names a link within its room.
    LinkId
);
string_id!(
    /// Names one placed vote within its room.
    VoteId
);
string_id!(
    /// A participant as a voter: a stable id the caller keeps per person (the
    /// app keeps one per browser), so that a person's votes are counted against
    /// one allowance across reloads and across their devices' sessions.
    ParticipantId
);

/// A board: one whiteboard of the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub id: BoardId,
    pub name: String,
    /// Boards are listed by increasing order (then by id).
    pub order: f64,
    /// How many votes each participant may place on this board's notes; 0 until
    /// the facilitator opens voting.
    pub vote_allowance: u32,
}

/// Why a whiteboard operation was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoardError {
    #[error("a board needs a name")]
    EmptyBoardName,
    #[error("a board name holds at most {max} characters; this one has {length}")]
    BoardNameTooLong { length: usize, max: usize },
    #[error("there is no board {0} in this room")]
    UnknownBoard(BoardId),
    #[error("there is no note {0} in this room (it may have been deleted)")]
    UnknownNote(NoteId),
    #[error("a note holds at most {max} characters; this text has {length}")]
    NoteTooLong { length: usize, max: usize },
    #[error("a note's position must be two finite numbers, found ({x}, {y})")]
    InvalidPosition { x: f64, y: f64 },
    #[error("an author name holds at most {max} characters; this one has {length}")]
    AuthorTooLong { length: usize, max: usize },
    #[error("there is no cluster {0} in this room (it may have been deleted)")]
    UnknownCluster(ClusterId),
    #[error("a cluster label holds at most {max} characters; this one has {length}")]
    ClusterLabelTooLong { length: usize, max: usize },
    #[error(
        "a cluster's width and height must be numbers from {min} to {max}, found {width} × {height}"
    )]
    InvalidClusterSize {
        width: f64,
        height: f64,
        min: f64,
        max: f64,
    },
    #[error("there is no link {0} in this room (it may have been deleted)")]
    UnknownLink(LinkId),
    #[error("a link joins two different notes; this one starts and ends at {0}")]
    LinkToItself(NoteId),
    #[error("a link joins notes of one board; {from} and {to} are on different boards")]
    LinkAcrossBoards { from: NoteId, to: NoteId },
    #[error("there is already a link from {from} to {to}")]
    DuplicateLink { from: NoteId, to: NoteId },
    #[error("a link label holds at most {max} characters; this one has {length}")]
    LinkLabelTooLong { length: usize, max: usize },
    #[error("a participant id must be 1 to {max} characters without spaces or control characters")]
    InvalidParticipant { max: usize },
    #[error("a participant can have at most {max} votes on a board; {allowance} asked")]
    AllowanceTooLarge { allowance: u32, max: u32 },
    #[error("voting on board {0} is not open: the facilitator has not given votes yet")]
    VotingClosed(BoardId),
    #[error("all {allowance} of your votes on this board are placed; remove one to vote again")]
    NoVotesLeft { allowance: u32 },
    #[error("you have no vote on note {0} to remove")]
    NoVoteToRemove(NoteId),
    #[error("the board is locked while votes are counted; wait until the facilitator unlocks it")]
    Locked,
}

pub(crate) const NAME: &str = "name";
pub(crate) const ORDER: &str = "order";
pub(crate) const ALLOWANCE: &str = "allowance";

impl Room {
    /// Adds a board after the existing ones.
    pub fn add_board(&mut self, name: &str) -> Result<(Update, BoardId), BoardError> {
        let name = check_board_name(name)?;
        let client = self.client().get();
        let (id, update) = self.edit_whiteboard(|txn, roots| {
            let order = boards_in(txn, &roots.boards)
                .iter()
                .map(|b| b.order)
                .fold(-1.0, f64::max)
                + 1.0;
            let id = BoardId(new_id(txn, client));
            let board = roots.boards.insert(txn, id.as_str(), MapPrelim::default());
            board.insert(txn, NAME, name);
            board.insert(txn, ORDER, order);
            Ok(id)
        })?;
        Ok((update, id))
    }

    pub fn rename_board(&mut self, board: &BoardId, name: &str) -> Result<Update, BoardError> {
        let name = check_board_name(name)?;
        self.edit_board(board, |txn, map| {
            map.insert(txn, NAME, name);
        })
    }

    /// Moves a board to `index` in the list of boards (0 is first; an index past
    /// the end means last), by giving it an order between its new neighbours'.
    /// Only this board's order changes, so two people reordering different
    /// boards at once both get their way. When two boards share an order (two
    /// concurrent moves to the same place) or the gap is too narrow for another
    /// number, every board is renumbered in this one transaction.
    pub fn move_board(&mut self, board: &BoardId, index: usize) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.boards, board.as_str())
                .ok_or_else(|| BoardError::UnknownBoard(board.clone()))?;
            let all = boards_in(txn, &roots.boards);
            if all.iter().position(|b| &b.id == board) == Some(index.min(all.len() - 1)) {
                return Ok(());
            }
            let others: Vec<&Board> = all.iter().filter(|b| &b.id != board).collect();
            let index = index.min(others.len());
            let before = index.checked_sub(1).map(|i| others[i].order);
            let after = others.get(index).map(|b| b.order);
            let order = match (before, after) {
                (None, None) => 0.0,
                (Some(a), None) => a + 1.0,
                (None, Some(b)) => b - 1.0,
                (Some(a), Some(b)) => a + (b - a) / 2.0,
            };
            let fits = before.is_none_or(|a| a < order) && after.is_none_or(|b| order < b);
            if fits && order.is_finite() {
                map.insert(txn, ORDER, order);
                return Ok(());
            }
            let mut ids: Vec<&BoardId> = others.iter().map(|b| &b.id).collect();
            ids.insert(index, board);
            for (position, id) in ids.into_iter().enumerate() {
                if let Some(map) = read_map(txn, &roots.boards, id.as_str()) {
                    map.insert(txn, ORDER, position as f64);
                }
            }
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes a board with everything on it (notes, clusters, links and the
    /// votes on its notes) in one transaction, so that one undo restores it all.
    /// A note someone adds to the board at the same moment stays hidden with it.
    pub fn delete_board(&mut self, board: &BoardId) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            roots
                .boards
                .remove(txn, board.as_str())
                .ok_or_else(|| BoardError::UnknownBoard(board.clone()))?;
            let notes = keys_where(txn, &roots.notes, |map| {
                read_string(txn, map, notes::BOARD).as_deref() == Some(board.as_str())
            });
            let clusters = keys_where(txn, &roots.clusters, |map| {
                read_string(txn, map, clusters::BOARD).as_deref() == Some(board.as_str())
            });
            for key in &clusters {
                roots.clusters.remove(txn, key);
            }
            let notes: std::collections::HashSet<String> = notes.into_iter().collect();
            notes::remove_notes(txn, roots, &notes);
            Ok(())
        })?;
        Ok(update)
    }

    /// The boards, by order then id.
    pub fn boards(&self) -> Vec<Board> {
        self.read(|txn, roots| boards_in(txn, &roots.boards))
    }

    pub fn board(&self, id: &BoardId) -> Option<Board> {
        self.read(|txn, roots| {
            read_board(
                txn,
                id.as_str(),
                &read_map(txn, &roots.boards, id.as_str())?,
            )
        })
    }

    fn edit_board(
        &mut self,
        board: &BoardId,
        change: impl FnOnce(&mut TransactionMut<'_>, &MapRef),
    ) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.boards, board.as_str())
                .ok_or_else(|| BoardError::UnknownBoard(board.clone()))?;
            change(txn, &map);
            Ok(())
        })?;
        Ok(update)
    }
}

/// A new id from this client's clock at this point of the transaction. Each
/// insertion advances the clock, so ids taken between insertions differ.
pub(crate) fn new_id(txn: &TransactionMut<'_>, client: u64) -> String {
    let clock = txn.state_vector().get(&yrs::ClientID::new(client));
    format!("{client}-{clock}")
}

/// Orders ids as their parts `{client}-{clock}` read as numbers (so "7-10"
/// follows "7-9", and one replica's items come in creation order), then as
/// text. Total and the same on every replica: the tie-break of every list.
pub fn natural_order(a: &str, b: &str) -> Ordering {
    fn parts(id: &str) -> Option<(u64, u64)> {
        let (client, clock) = id.split_once('-')?;
        Some((client.parse().ok()?, clock.parse().ok()?))
    }
    match (parts(a), parts(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.cmp(b))
}

/// The keys of a root map whose nested map satisfies `keep`.
pub(crate) fn keys_where<T: ReadTxn>(
    txn: &T,
    root: &MapRef,
    mut keep: impl FnMut(&MapRef) -> bool,
) -> Vec<String> {
    root.iter(txn)
        .filter_map(|(key, value)| match value {
            Out::YMap(map) if keep(&map) => Some(key.to_string()),
            _ => None,
        })
        .collect()
}

pub(crate) fn check_board_name(name: &str) -> Result<&str, BoardError> {
    let name = name.trim();
    let length = name.chars().count();
    if length == 0 {
        Err(BoardError::EmptyBoardName)
    } else if length > MAX_BOARD_NAME_CHARS {
        Err(BoardError::BoardNameTooLong {
            length,
            max: MAX_BOARD_NAME_CHARS,
        })
    } else {
        Ok(name)
    }
}

pub(crate) fn boards_in<T: ReadTxn>(txn: &T, boards: &MapRef) -> Vec<Board> {
    let mut list: Vec<Board> = boards
        .iter(txn)
        .filter_map(|(id, value)| match value {
            Out::YMap(map) => read_board(txn, id, &map),
            _ => None,
        })
        .collect();
    list.sort_by(|a, b| {
        a.order
            .total_cmp(&b.order)
            .then_with(|| natural_order(a.id.as_str(), b.id.as_str()))
    });
    list
}

fn read_board<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Board> {
    Some(Board {
        id: BoardId::new(id),
        name: read_string(txn, map, NAME).unwrap_or_default(),
        order: read_number(txn, map, ORDER).unwrap_or(0.0),
        vote_allowance: votes::read_allowance(txn, map),
    })
}

#[cfg(test)]
mod tests;
