//! Sticky notes: adding, editing in place, colouring, moving (by drag and by
//! keyboard) and deleting them.
//!
//! A note's cluster is decided where it is placed: adding or moving a note puts
//! it in the topmost cluster of its board that holds the note's centre, or in
//! none (see [`super::clusters`]).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use yrs::{
    Any, GetString, Map, MapPrelim, MapRef, Out, ReadTxn, Text, TextPrelim, TextRef, TransactionMut,
};

use super::{
    clusters, natural_order, new_id, BoardError, BoardId, ClusterId, NoteId, MAX_AUTHOR_CHARS,
    MAX_NOTE_CHARS,
};
use crate::room::{Room, Roots, Update};
use crate::values::{read_map, read_pair, read_string};

/// A note's width on the board, in board units (CSS pixels at 100 % zoom). The
/// view draws notes this size, and cluster membership and export use it.
pub const NOTE_WIDTH: f64 = 160.0;
/// A note's height on the board, in board units.
pub const NOTE_HEIGHT: f64 = 120.0;
/// How far one arrow key press moves a note, in board units.
pub const KEYBOARD_STEP: f64 = 10.0;

/// A sticky note on a board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub board: BoardId,
    pub text: String,
    /// The top-left corner of the note on its board.
    pub x: f64,
    pub y: f64,
    pub color: NoteColor,
    /// The name the author gave when joining, as the caller passed it.
    pub author: String,
    /// The cluster the note belongs to (and moves with), if any.
    pub cluster: Option<ClusterId>,
}

impl Note {
    /// The note's centre, which decides the cluster it falls in.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + NOTE_WIDTH / 2.0, self.y + NOTE_HEIGHT / 2.0)
    }

    /// The name a screen reader announces for the note: its text with runs of
    /// whitespace made single spaces, cut at [`ACCESSIBLE_NAME_CHARS`]
    /// characters with "…", or "Empty note" when it has no text.
    pub fn accessible_name(&self) -> String {
        let words: Vec<&str> = self.text.split_whitespace().collect();
        if words.is_empty() {
            return "Empty note".to_owned();
        }
        let text = words.join(" ");
        if text.chars().count() <= ACCESSIBLE_NAME_CHARS {
            return text;
        }
        let kept: String = text.chars().take(ACCESSIBLE_NAME_CHARS - 1).collect();
        kept.trim_end().to_owned() + "…"
    }
}

/// The longest accessible name of a note, in characters.
pub const ACCESSIBLE_NAME_CHARS: usize = 120;

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

    /// The fill the app's style sheet gives notes of this colour.
    pub fn fill(self) -> &'static str {
        match self {
            NoteColor::Yellow => "#fff3a3",
            NoteColor::Pink => "#ffd6e0",
            NoteColor::Blue => "#cfe8ff",
            NoteColor::Green => "#d4f5d0",
            NoteColor::Orange => "#ffe0b8",
            NoteColor::Purple => "#e6d9ff",
        }
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

pub(crate) const BOARD: &str = "board";
pub(crate) const TEXT: &str = "text";
pub(crate) const POSITION: &str = "position";
pub(crate) const COLOR: &str = "color";
pub(crate) const AUTHOR: &str = "author";
pub(crate) const CLUSTER: &str = "cluster";

/// Notes per row when new notes are laid out without a pointer position.
const GRID_COLUMNS: usize = 6;
/// Space around a note in that layout.
const GRID_GAP: f64 = 20.0;

/// Where the `index`-th note added with the "Add note" button goes (rather
/// than at a pointer position): left to right, six to a row, not overlapping.
pub fn grid_position(index: usize) -> (f64, f64) {
    let column = (index % GRID_COLUMNS) as f64;
    let row = (index / GRID_COLUMNS) as f64;
    (
        2.0 * GRID_GAP + column * (NOTE_WIDTH + GRID_GAP),
        2.0 * GRID_GAP + row * (NOTE_HEIGHT + GRID_GAP),
    )
}

impl Room {
    /// Adds a note to an existing board, in the cluster under its centre if any.
    pub fn add_note(&mut self, note: NewNote) -> Result<(Update, NoteId), BoardError> {
        check_text(&note.text)?;
        check_position(note.x, note.y)?;
        check_author(&note.author)?;
        let client = self.client().get();
        let (id, update) = self.edit_whiteboard(|txn, roots| {
            if read_map(txn, &roots.boards, note.board.as_str()).is_none() {
                return Err(BoardError::UnknownBoard(note.board.clone()));
            }
            let cluster = clusters::cluster_at(txn, roots, note.board.as_str(), note.x, note.y);
            let id = NoteId(new_id(txn, client));
            let map = roots.notes.insert(txn, id.as_str(), MapPrelim::default());
            write_note(txn, &map, &note, cluster.as_deref());
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Replaces a note's text, changing only the span that differs.
    pub fn edit_note_text(&mut self, note: &NoteId, text: &str) -> Result<Update, BoardError> {
        check_text(text)?;
        self.edit_note(note, |txn, _, map| {
            match map.get(txn, TEXT) {
                Some(Out::YText(shared)) => splice(txn, &shared, text),
                // A note written without a shared text gets one now.
                _ => {
                    map.insert(txn, TEXT, TextPrelim::new(text));
                }
            }
            Ok(())
        })
    }

    /// Moves a note to (x, y) — where a drag drops it — and puts it in the
    /// topmost cluster under its centre, or takes it out of its cluster.
    pub fn move_note(&mut self, note: &NoteId, x: f64, y: f64) -> Result<Update, BoardError> {
        check_position(x, y)?;
        self.edit_note(note, |txn, roots, map| {
            place(txn, roots, map, x, y);
            Ok(())
        })
    }

    /// Moves a note by (dx, dy) from where it is, as arrow keys do (by
    /// [`KEYBOARD_STEP`]); cluster membership follows as for [`Room::move_note`].
    pub fn move_note_by(&mut self, note: &NoteId, dx: f64, dy: f64) -> Result<Update, BoardError> {
        self.edit_note(note, |txn, roots, map| {
            let (x, y) = read_pair(txn, map, POSITION).unwrap_or((0.0, 0.0));
            let (x, y) = (x + dx, y + dy);
            check_position(x, y)?;
            place(txn, roots, map, x, y);
            Ok(())
        })
    }

    pub fn set_note_color(
        &mut self,
        note: &NoteId,
        color: NoteColor,
    ) -> Result<Update, BoardError> {
        self.edit_note(note, |txn, _, map| {
            map.insert(txn, COLOR, color.name());
            Ok(())
        })
    }

    /// Deletes a note with its links and the votes on it. Concurrent edits of a
    /// deleted note are lost with it.
    pub fn delete_note(&mut self, note: &NoteId) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            if read_map(txn, &roots.notes, note.as_str()).is_none() {
                return Err(BoardError::UnknownNote(note.clone()));
            }
            remove_notes(txn, roots, &HashSet::from([note.as_str().to_owned()]));
            Ok(())
        })?;
        Ok(update)
    }

    /// The notes of one board, by id.
    pub fn notes(&self, board: &BoardId) -> Vec<Note> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, Some(board)).notes)
    }

    /// One note, if it exists and its board does.
    pub fn note(&self, id: &NoteId) -> Option<Note> {
        self.read(|txn, roots| {
            let map = read_map(txn, &roots.notes, id.as_str())?;
            let board = read_string(txn, &map, BOARD)?;
            read_map(txn, &roots.boards, &board)?;
            read_note(txn, id.as_str(), &map, |cluster| {
                read_map(txn, &roots.clusters, cluster).is_some_and(|c| {
                    read_string(txn, &c, clusters::BOARD).as_deref() == Some(board.as_str())
                })
            })
        })
    }

    /// Every note of the room, by id.
    pub(crate) fn all_notes(&self) -> Vec<Note> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, None).notes)
    }

    /// Runs `change` on an existing note's map; nothing changes if it fails.
    fn edit_note(
        &mut self,
        note: &NoteId,
        change: impl FnOnce(&mut TransactionMut<'_>, &Roots, &MapRef) -> Result<(), BoardError>,
    ) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.notes, note.as_str())
                .ok_or_else(|| BoardError::UnknownNote(note.clone()))?;
            change(txn, roots, &map)
        })?;
        Ok(update)
    }
}

/// Writes every field of a new note into its (empty) map.
pub(crate) fn write_note(
    txn: &mut TransactionMut<'_>,
    map: &MapRef,
    note: &NewNote,
    cluster: Option<&str>,
) {
    map.insert(txn, BOARD, note.board.as_str());
    map.insert(txn, TEXT, TextPrelim::new(note.text.as_str()));
    map.insert(txn, POSITION, position(note.x, note.y));
    map.insert(txn, COLOR, note.color.name());
    map.insert(txn, AUTHOR, note.author.as_str());
    if let Some(cluster) = cluster {
        map.insert(txn, CLUSTER, cluster);
    }
}

/// Puts a note at (x, y) and in the cluster under its centre.
fn place(txn: &mut TransactionMut<'_>, roots: &Roots, map: &MapRef, x: f64, y: f64) {
    map.insert(txn, POSITION, position(x, y));
    let board = read_string(txn, map, BOARD).unwrap_or_default();
    let cluster = clusters::cluster_at(txn, roots, &board, x, y);
    set_cluster(txn, map, cluster.as_deref());
}

/// Sets (or clears) a note's cluster field, writing only when it changes.
pub(crate) fn set_cluster(txn: &mut TransactionMut<'_>, map: &MapRef, cluster: Option<&str>) {
    let current = read_string(txn, map, CLUSTER);
    match (current.as_deref(), cluster) {
        (Some(old), Some(new)) if old == new => {}
        (_, Some(new)) => {
            map.insert(txn, CLUSTER, new);
        }
        (Some(_), None) => {
            map.remove(txn, CLUSTER);
        }
        (None, None) => {}
    }
}

/// Removes the notes with these ids, every link that touches one of them and
/// every vote on one of them.
pub(crate) fn remove_notes(txn: &mut TransactionMut<'_>, roots: &Roots, notes: &HashSet<String>) {
    if notes.is_empty() {
        return;
    }
    for id in notes {
        roots.notes.remove(txn, id);
    }
    let links = super::keys_where(txn, &roots.links, |map| {
        [super::links::FROM, super::links::TO]
            .iter()
            .any(|end| read_string(txn, map, end).is_some_and(|id| notes.contains(&id)))
    });
    for id in links {
        roots.links.remove(txn, &id);
    }
    let votes: Vec<String> = roots
        .votes
        .iter(txn)
        .filter_map(|(id, value)| {
            let vote = super::votes::read_vote(id, &value)?;
            notes.contains(vote.note.as_str()).then(|| id.to_owned())
        })
        .collect();
    for id in votes {
        roots.votes.remove(txn, &id);
    }
}

pub(crate) fn check_text(text: &str) -> Result<(), BoardError> {
    let length = text.chars().count();
    if length > MAX_NOTE_CHARS {
        return Err(BoardError::NoteTooLong {
            length,
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(())
}

pub(crate) fn check_author(author: &str) -> Result<(), BoardError> {
    let length = author.chars().count();
    if length > MAX_AUTHOR_CHARS {
        return Err(BoardError::AuthorTooLong {
            length,
            max: MAX_AUTHOR_CHARS,
        });
    }
    Ok(())
}

pub(crate) fn check_position(x: f64, y: f64) -> Result<(), BoardError> {
    if x.is_finite() && y.is_finite() {
        Ok(())
    } else {
        Err(BoardError::InvalidPosition { x, y })
    }
}

pub(crate) fn position(x: f64, y: f64) -> Any {
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

/// Reads a note. A note without a board is not shown: it cannot have been
/// written by this app. `cluster_exists` says whether a cluster id names a
/// cluster of the note's board; a note naming any other reads as in none.
pub(crate) fn read_note<T: ReadTxn>(
    txn: &T,
    id: &str,
    map: &MapRef,
    cluster_exists: impl FnOnce(&str) -> bool,
) -> Option<Note> {
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
        cluster: read_string(txn, map, CLUSTER)
            .filter(|cluster| cluster_exists(cluster))
            .map(ClusterId::new),
    })
}

/// Sorts notes by id in [`natural_order`].
pub(crate) fn sort_notes(notes: &mut [Note]) {
    notes.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));
}

#[cfg(test)]
mod grid_tests {
    use super::*;

    #[test]
    fn grid_positions_never_overlap_and_wrap_after_six() {
        assert_eq!(grid_position(0), (40.0, 40.0));
        assert_eq!(grid_position(1), (40.0 + NOTE_WIDTH + 20.0, 40.0));
        assert_eq!(grid_position(6), (40.0, 40.0 + NOTE_HEIGHT + 20.0));
        for i in 0..30 {
            for j in 0..i {
                let (a, b) = (grid_position(i), grid_position(j));
                assert!((a.0 - b.0).abs() >= NOTE_WIDTH || (a.1 - b.1).abs() >= NOTE_HEIGHT);
            }
        }
    }
}
