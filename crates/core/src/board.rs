//! Boards and the sticky notes on them: the shared whiteboard.
//!
//! A room has boards (a name and an order) and notes (text, position, colour and
//! author, on one board). This module owns every rule about them and must never
//! hold UI state (selection, zoom, drag in progress): that lives in the web app.
//!
//! Layout in the document, which is part of the document format:
//! - root map `boards`: board id → map { `name`: string, `order`: number };
//! - root map `notes`: note id → map { `board`: board id, `text`: shared text,
//!   `position`: [x, y], `color`: colour name, `author`: string }.
//!
//! Each note is its own nested map, so concurrent changes to different fields of
//! one note (one person moves it while another recolours it) both survive. The
//! position is one value, so two concurrent moves end with one of the two
//! positions, never x from one and y from the other. The text is a shared text
//! and an edit changes only the span that differs, so two people typing in
//! different parts of the same note both keep their words. Notes sit in one root
//! map rather than inside their board so that a note keeps its id if a later
//! change lets notes move between boards.
//!
//! Ids are `"{client}-{clock}"`: the client id of the replica that created the item
//! and that client's clock when it did. Yjs already requires every (client, clock)
//! pair to be unique, so ids never collide, even between replicas that add notes
//! while offline, and need no random numbers nor a counter of their own.

use std::fmt;

use serde::{Deserialize, Serialize};
use yrs::{
    Any, GetString, Map, MapPrelim, MapRef, Out, ReadTxn, Text, TextPrelim, TextRef, TransactionMut,
};

use crate::room::{Room, Update};
use crate::values::{read_map, read_number, read_pair, read_string};

/// The most characters a note holds.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// The most characters of a board name.
pub const MAX_BOARD_NAME_CHARS: usize = 100;
/// The most characters of a note's author name.
pub const MAX_AUTHOR_CHARS: usize = 100;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// Names a board within its room.
    BoardId
);
string_id!(
    /// Names a note within its room.
    NoteId
);

/// A board: one whiteboard of the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub id: BoardId,
    pub name: String,
    /// Boards are listed by increasing order (then by id).
    pub order: f64,
}

/// A sticky note on a board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub board: BoardId,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub color: NoteColor,
    /// The name the author gave when joining, as the caller passed it.
    pub author: String,
}

/// The colours a note can have. An unknown colour name in the document (written
/// by a newer version) reads as the default, yellow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteColor {
    #[default]
    Yellow,
    Pink,
    Blue,
    Green,
    Orange,
    Purple,
}

impl NoteColor {
    pub const ALL: [NoteColor; 6] = [
        NoteColor::Yellow,
        NoteColor::Pink,
        NoteColor::Blue,
        NoteColor::Green,
        NoteColor::Orange,
        NoteColor::Purple,
    ];

    /// The name stored in the document.
    pub fn name(self) -> &'static str {
        match self {
            NoteColor::Yellow => "yellow",
            NoteColor::Pink => "pink",
            NoteColor::Blue => "blue",
            NoteColor::Green => "green",
            NoteColor::Orange => "orange",
            NoteColor::Purple => "purple",
        }
    }

    pub fn from_name(name: &str) -> Option<NoteColor> {
        NoteColor::ALL
            .into_iter()
            .find(|color| color.name() == name)
    }
}

/// What a caller supplies to add a note.
#[derive(Debug, Clone, PartialEq)]
pub struct NewNote {
    pub board: BoardId,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub color: NoteColor,
    pub author: String,
}

/// Why a board or note operation was refused (nothing was changed).
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
}

const NAME: &str = "name";
const ORDER: &str = "order";
const BOARD: &str = "board";
const TEXT: &str = "text";
const POSITION: &str = "position";
const COLOR: &str = "color";
const AUTHOR: &str = "author";

impl Room {
    /// Adds a board after the existing ones.
    pub fn add_board(&mut self, name: &str) -> Result<(Update, BoardId), BoardError> {
        let name = check_board_name(name)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, roots| {
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
        let ((), update) = self.edit(|txn, roots| {
            let map = read_map(txn, &roots.boards, board.as_str())
                .ok_or_else(|| BoardError::UnknownBoard(board.clone()))?;
            map.insert(txn, NAME, name);
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

    /// Adds a note to an existing board.
    pub fn add_note(&mut self, note: NewNote) -> Result<(Update, NoteId), BoardError> {
        check_text(&note.text)?;
        check_position(note.x, note.y)?;
        let author_length = note.author.chars().count();
        if author_length > MAX_AUTHOR_CHARS {
            return Err(BoardError::AuthorTooLong {
                length: author_length,
                max: MAX_AUTHOR_CHARS,
            });
        }
        let client = self.client().get();
        let (id, update) = self.edit(|txn, roots| {
            if read_map(txn, &roots.boards, note.board.as_str()).is_none() {
                return Err(BoardError::UnknownBoard(note.board.clone()));
            }
            let id = NoteId(new_id(txn, client));
            let map = roots.notes.insert(txn, id.as_str(), MapPrelim::default());
            map.insert(txn, BOARD, note.board.as_str());
            map.insert(txn, TEXT, TextPrelim::new(note.text.as_str()));
            map.insert(txn, POSITION, position(note.x, note.y));
            map.insert(txn, COLOR, note.color.name());
            map.insert(txn, AUTHOR, note.author.as_str());
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Replaces a note's text, changing only the span that differs.
    pub fn edit_note_text(&mut self, note: &NoteId, text: &str) -> Result<Update, BoardError> {
        check_text(text)?;
        self.edit_note(note, |txn, map| match map.get(txn, TEXT) {
            Some(Out::YText(shared)) => splice(txn, &shared, text),
            // A note written without a shared text gets one now.
            _ => {
                map.insert(txn, TEXT, TextPrelim::new(text));
            }
        })
    }

    pub fn move_note(&mut self, note: &NoteId, x: f64, y: f64) -> Result<Update, BoardError> {
        check_position(x, y)?;
        self.edit_note(note, |txn, map| {
            map.insert(txn, POSITION, position(x, y));
        })
    }

    pub fn set_note_color(
        &mut self,
        note: &NoteId,
        color: NoteColor,
    ) -> Result<Update, BoardError> {
        self.edit_note(note, |txn, map| {
            map.insert(txn, COLOR, color.name());
        })
    }

    /// Deletes a note. Concurrent edits of a deleted note are lost with it.
    pub fn delete_note(&mut self, note: &NoteId) -> Result<Update, BoardError> {
        let ((), update) = self.edit(|txn, roots| {
            roots
                .notes
                .remove(txn, note.as_str())
                .ok_or_else(|| BoardError::UnknownNote(note.clone()))?;
            Ok(())
        })?;
        Ok(update)
    }

    /// The notes of one board, by id.
    pub fn notes(&self, board: &BoardId) -> Vec<Note> {
        let mut notes = self.all_notes();
        notes.retain(|note| &note.board == board);
        notes
    }

    pub fn note(&self, id: &NoteId) -> Option<Note> {
        self.read(|txn, roots| {
            read_note(txn, id.as_str(), &read_map(txn, &roots.notes, id.as_str())?)
        })
    }

    /// Every note of the room, by id.
    pub(crate) fn all_notes(&self) -> Vec<Note> {
        self.read(|txn, roots| {
            let mut notes: Vec<Note> = roots
                .notes
                .iter(txn)
                .filter_map(|(id, value)| match value {
                    Out::YMap(map) => read_note(txn, id, &map),
                    _ => None,
                })
                .collect();
            notes.sort_by(|a, b| a.id.cmp(&b.id));
            notes
        })
    }

    fn edit_note(
        &mut self,
        note: &NoteId,
        change: impl FnOnce(&mut TransactionMut<'_>, &MapRef),
    ) -> Result<Update, BoardError> {
        let ((), update) = self.edit(|txn, roots| {
            let map = read_map(txn, &roots.notes, note.as_str())
                .ok_or_else(|| BoardError::UnknownNote(note.clone()))?;
            change(txn, &map);
            Ok(())
        })?;
        Ok(update)
    }
}

/// A new id from this client's clock before the transaction's first insertion.
fn new_id(txn: &TransactionMut<'_>, client: u64) -> String {
    let clock = txn.state_vector().get(&yrs::ClientID::new(client));
    format!("{client}-{clock}")
}

fn check_board_name(name: &str) -> Result<&str, BoardError> {
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

fn check_text(text: &str) -> Result<(), BoardError> {
    let length = text.chars().count();
    if length > MAX_NOTE_CHARS {
        return Err(BoardError::NoteTooLong {
            length,
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(())
}

fn check_position(x: f64, y: f64) -> Result<(), BoardError> {
    if x.is_finite() && y.is_finite() {
        Ok(())
    } else {
        Err(BoardError::InvalidPosition { x, y })
    }
}

fn position(x: f64, y: f64) -> Any {
    Any::Array(vec![Any::from(x), Any::from(y)].into())
}

/// Turns `shared` into `new` by replacing only the span between the longest common
/// prefix and suffix. Offsets are UTF-16 code units, the document's offset kind.
fn splice(txn: &mut TransactionMut<'_>, shared: &TextRef, new: &str) {
    let old = shared.get_string(txn);
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let units = |s: &str| s.encode_utf16().count() as u32;
    let start = units(&old[..prefix]);
    let removed = units(&old[prefix..old.len() - suffix]);
    if removed > 0 {
        shared.remove_range(txn, start, removed);
    }
    shared.insert(txn, start, &new[prefix..new.len() - suffix]);
}

fn boards_in<T: ReadTxn>(txn: &T, boards: &MapRef) -> Vec<Board> {
    let mut list: Vec<Board> = boards
        .iter(txn)
        .filter_map(|(id, value)| match value {
            Out::YMap(map) => read_board(txn, id, &map),
            _ => None,
        })
        .collect();
    list.sort_by(|a, b| a.order.total_cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    list
}

fn read_board<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Board> {
    Some(Board {
        id: BoardId::new(id),
        name: read_string(txn, map, NAME).unwrap_or_default(),
        order: read_number(txn, map, ORDER).unwrap_or(0.0),
    })
}

/// A note without a board is not shown: it cannot have been written by this app.
fn read_note<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Note> {
    let (x, y) = read_pair(txn, map, POSITION).unwrap_or((0.0, 0.0));
    Some(Note {
        id: NoteId::new(id),
        board: BoardId::new(read_string(txn, map, BOARD)?),
        text: read_string(txn, map, TEXT).unwrap_or_default(),
        x,
        y,
        color: read_string(txn, map, COLOR)
            .and_then(|name| NoteColor::from_name(&name))
            .unwrap_or_default(),
        author: read_string(txn, map, AUTHOR).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests;
