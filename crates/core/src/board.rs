//! Boards and their sticky notes: the shared wall of a town hall.
//!
//! A room holds several boards ("Problems", "Ideas", "Actions"); each note
//! belongs to one board. Every note is a nested CRDT map, so two people who
//! change different things about one note at the same time (one moves it, the
//! other recolours it) both keep their change; note text is a CRDT text, so
//! concurrent typing in different places of one note merges character by
//! character. Ids are made by the replica that creates the thing, from its
//! client id and a counter, so concurrent additions never collide.

use serde::Serialize;
use yrs::{Any, GetString, Map, MapPrelim, MapRef, Number, Out, ReadTxn, Text, TextPrelim, TextRef, TransactionMut};

use crate::room::{Room, RoomError, Update};

/// Longest note text, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Longest board name, in characters.
pub const MAX_BOARD_NAME_CHARS: usize = 80;

/// A board of a room.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Board {
    pub id: String,
    pub name: String,
    /// Position among the room's boards (smaller first).
    pub order: f64,
}

/// The colours a note can have. Each has a name, so colour is never the only
/// way to tell notes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
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
    pub const ALL: [NoteColor; 6] =
        [NoteColor::Yellow, NoteColor::Pink, NoteColor::Blue, NoteColor::Green, NoteColor::Orange, NoteColor::Purple];

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

    /// Reads a colour name; an unknown one (from a newer app) shows as yellow.
    pub fn from_name(name: &str) -> NoteColor {
        NoteColor::ALL.into_iter().find(|c| c.name() == name).unwrap_or_default()
    }
}

/// A sticky note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub id: String,
    pub board: String,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub color: NoteColor,
    /// Display name of the person who wrote it.
    pub author: String,
}

/// What a person fills in to add a note.
#[derive(Debug, Clone, PartialEq)]
pub struct NewNote {
    pub board: String,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub color: NoteColor,
    pub author: String,
}

impl Room {
    /// The room's boards, in their order.
    pub fn boards(&self) -> Vec<Board> {
        let mut boards = self.read(|txn, room| {
            room.boards
                .iter(txn)
                .filter_map(|(id, value)| match value {
                    Out::YMap(map) => Some(Board {
                        id: id.to_string(),
                        name: get_string(&map, txn, "name"),
                        order: get_number(&map, txn, "order"),
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        });
        boards.sort_by(|a, b| a.order.total_cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
        boards
    }

    /// Adds a board after the existing ones.
    pub fn add_board(&mut self, name: &str) -> Result<(Update, String), RoomError> {
        let name = board_name(name)?;
        let order = self.boards().last().map_or(0.0, |b| b.order + 1.0);
        let id = self.new_id("b");
        Ok(self.transact(|txn, room| {
            let board = room.boards.insert(txn, id.as_str(), MapPrelim::default());
            board.insert(txn, "name", name.as_str());
            board.insert(txn, "order", order);
            id
        }))
    }

    pub fn rename_board(&mut self, id: &str, name: &str) -> Result<(Update, ()), RoomError> {
        let name = board_name(name)?;
        let board = self.board_map(id)?;
        Ok(self.transact(|txn, _| {
            board.insert(txn, "name", name.as_str());
        }))
    }

    /// The notes of one board, oldest first.
    pub fn notes(&self, board: &str) -> Vec<Note> {
        let mut notes = self.read(|txn, room| {
            room.notes
                .iter(txn)
                .filter_map(|(id, value)| match value {
                    Out::YMap(map) => read_note(id, &map, txn),
                    _ => None,
                })
                .filter(|note| note.board == board)
                .collect::<Vec<_>>()
        });
        notes.sort_by(|a, b| note_order(&a.id).cmp(&note_order(&b.id)));
        notes
    }

    /// One note, if it exists.
    pub fn note(&self, id: &str) -> Option<Note> {
        self.read(|txn, room| match room.notes.get(txn, id) {
            Some(Out::YMap(map)) => read_note(id, &map, txn),
            _ => None,
        })
    }

    pub fn add_note(&mut self, note: NewNote) -> Result<(Update, String), RoomError> {
        check_note_text(&note.text)?;
        check_finite(note.x, "the note's x position")?;
        check_finite(note.y, "the note's y position")?;
        self.board_map(&note.board)?;
        let id = self.new_id("n");
        Ok(self.transact(|txn, room| {
            let map = room.notes.insert(txn, id.as_str(), MapPrelim::default());
            map.insert(txn, "board", note.board.as_str());
            map.insert(txn, "text", TextPrelim::new(note.text.as_str()));
            map.insert(txn, "x", note.x);
            map.insert(txn, "y", note.y);
            map.insert(txn, "color", note.color.name());
            map.insert(txn, "author", note.author.as_str());
            id
        }))
    }

    /// Replaces a note's text. Only the changed span is rewritten, so a
    /// concurrent edit elsewhere in the same note survives.
    pub fn set_note_text(&mut self, id: &str, text: &str) -> Result<(Update, ()), RoomError> {
        check_note_text(text)?;
        let map = self.note_map(id)?;
        Ok(self.transact(|txn, _| {
            if let Some(Out::YText(current)) = map.get(txn, "text") {
                replace_changed_span(&current, txn, text);
            } else {
                map.insert(txn, "text", TextPrelim::new(text));
            }
        }))
    }

    pub fn move_note(&mut self, id: &str, x: f64, y: f64) -> Result<(Update, ()), RoomError> {
        check_finite(x, "the note's x position")?;
        check_finite(y, "the note's y position")?;
        let map = self.note_map(id)?;
        Ok(self.transact(|txn, _| {
            map.insert(txn, "x", x);
            map.insert(txn, "y", y);
        }))
    }

    pub fn set_note_color(&mut self, id: &str, color: NoteColor) -> Result<(Update, ()), RoomError> {
        let map = self.note_map(id)?;
        Ok(self.transact(|txn, _| {
            map.insert(txn, "color", color.name());
        }))
    }

    pub fn delete_note(&mut self, id: &str) -> Result<(Update, ()), RoomError> {
        self.note_map(id)?;
        Ok(self.transact(|txn, room| {
            room.notes.remove(txn, id);
        }))
    }

    fn board_map(&self, id: &str) -> Result<MapRef, RoomError> {
        self.read(|txn, room| match room.boards.get(txn, id) {
            Some(Out::YMap(map)) => Ok(map),
            _ => Err(RoomError::NoSuchBoard { id: id.to_owned() }),
        })
    }

    fn note_map(&self, id: &str) -> Result<MapRef, RoomError> {
        self.read(|txn, room| match room.notes.get(txn, id) {
            Some(Out::YMap(map)) => Ok(map),
            _ => Err(RoomError::NoSuchNote { id: id.to_owned() }),
        })
    }
}

fn board_name(name: &str) -> Result<String, RoomError> {
    let name = name.trim();
    let len = name.chars().count();
    if len == 0 || len > MAX_BOARD_NAME_CHARS {
        return Err(RoomError::BadBoardName { len, max: MAX_BOARD_NAME_CHARS });
    }
    Ok(name.to_owned())
}

fn check_note_text(text: &str) -> Result<(), RoomError> {
    let len = text.chars().count();
    if len > MAX_NOTE_CHARS {
        return Err(RoomError::NoteTooLong { len, max: MAX_NOTE_CHARS });
    }
    Ok(())
}

fn check_finite(value: f64, what: &'static str) -> Result<(), RoomError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(RoomError::NotFinite { what })
    }
}

/// Notes made by one replica sort by their counter; across replicas, by id.
fn note_order(id: &str) -> (u64, &str) {
    let counter = id.rsplit('.').next().and_then(|c| c.parse().ok()).unwrap_or(u64::MAX);
    (counter, id)
}

fn read_note<T: ReadTxn>(id: &str, map: &MapRef, txn: &T) -> Option<Note> {
    let board = get_string(map, txn, "board");
    if board.is_empty() {
        // A note whose creation has not fully arrived yet is not shown.
        return None;
    }
    let text = match map.get(txn, "text") {
        Some(Out::YText(text)) => text.get_string(txn),
        Some(Out::Any(Any::String(s))) => s.to_string(),
        _ => String::new(),
    };
    Some(Note {
        id: id.to_owned(),
        board,
        text,
        x: get_number(map, txn, "x"),
        y: get_number(map, txn, "y"),
        color: NoteColor::from_name(&get_string(map, txn, "color")),
        author: get_string(map, txn, "author"),
    })
}

fn get_string<T: ReadTxn>(map: &MapRef, txn: &T, key: &str) -> String {
    match map.get(txn, key) {
        Some(Out::Any(Any::String(s))) => s.to_string(),
        _ => String::new(),
    }
}

fn get_number<T: ReadTxn>(map: &MapRef, txn: &T, key: &str) -> f64 {
    match map.get(txn, key) {
        Some(Out::Any(Any::Number(Number::Float(n)))) => n,
        Some(Out::Any(Any::Number(Number::Int(n)))) => n as f64,
        _ => 0.0,
    }
}

/// Rewrites only the span of `text` that differs from `new`, counting
/// positions in UTF-16 code units like the document does.
fn replace_changed_span(text: &TextRef, txn: &mut TransactionMut, new: &str) {
    let old = text.get_string(txn);
    let old16: Vec<u16> = old.encode_utf16().collect();
    let new16: Vec<u16> = new.encode_utf16().collect();
    let mut prefix = old16.iter().zip(&new16).take_while(|(a, b)| a == b).count();
    let max_suffix = old16.len().min(new16.len()) - prefix;
    let mut suffix = old16.iter().rev().zip(new16.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    // Never split a surrogate pair: step back to a character boundary.
    while prefix > 0 && is_low_surrogate(new16.get(prefix).copied()) {
        prefix -= 1;
    }
    while suffix > 0 && is_low_surrogate(new16.get(new16.len() - suffix).copied()) {
        suffix -= 1;
    }
    let removed = old16.len() - prefix - suffix;
    if removed > 0 {
        text.remove_range(txn, prefix as u32, removed as u32);
    }
    let inserted = String::from_utf16(&new16[prefix..new16.len() - suffix]).expect("cut at character boundaries");
    if !inserted.is_empty() {
        text.insert(txn, prefix as u32, &inserted);
    }
}

fn is_low_surrogate(unit: Option<u16>) -> bool {
    matches!(unit, Some(0xDC00..=0xDFFF))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::ClientId;

    fn room_with_board() -> (Room, String) {
        let mut room = Room::new(ClientId::new(7));
        let (_, board) = room.add_board("Ideas").unwrap();
        (room, board)
    }

    fn note(board: &str, text: &str) -> NewNote {
        NewNote { board: board.into(), text: text.into(), x: 10.0, y: 20.0, color: NoteColor::Yellow, author: "Ana".into() }
    }

    #[test]
    fn boards_keep_their_order_and_names() {
        let (mut room, ideas) = room_with_board();
        let (_, actions) = room.add_board("  Actions ").unwrap();
        room.rename_board(&ideas, "Ideas for the river").unwrap();
        let names: Vec<_> = room.boards().into_iter().map(|b| (b.id, b.name)).collect();
        assert_eq!(names, vec![(ideas, "Ideas for the river".into()), (actions, "Actions".into())]);
    }

    #[test]
    fn bad_board_names_are_refused() {
        let (mut room, ideas) = room_with_board();
        assert_eq!(room.add_board("   ").unwrap_err(), RoomError::BadBoardName { len: 0, max: 80 });
        assert!(matches!(room.rename_board(&ideas, &"x".repeat(81)), Err(RoomError::BadBoardName { len: 81, .. })));
        assert!(matches!(room.rename_board("nope", "Name"), Err(RoomError::NoSuchBoard { .. })));
        assert_eq!(room.boards().len(), 1);
    }

    #[test]
    fn a_note_is_added_edited_moved_recoloured_and_deleted() {
        let (mut room, board) = room_with_board();
        let (update, id) = room.add_note(note(&board, "Clean the riverbank")).unwrap();
        assert!(!update.is_empty());
        room.set_note_text(&id, "Clean the riverbank 🌊 in May").unwrap();
        room.move_note(&id, -40.5, 300.0).unwrap();
        room.set_note_color(&id, NoteColor::Blue).unwrap();
        assert_eq!(
            room.note(&id).unwrap(),
            Note {
                id: id.clone(),
                board: board.clone(),
                text: "Clean the riverbank 🌊 in May".into(),
                x: -40.5,
                y: 300.0,
                color: NoteColor::Blue,
                author: "Ana".into()
            }
        );
        room.delete_note(&id).unwrap();
        assert!(room.notes(&board).is_empty());
        assert!(matches!(room.delete_note(&id), Err(RoomError::NoSuchNote { .. })));
    }

    #[test]
    fn refused_note_edits_change_nothing() {
        let (mut room, board) = room_with_board();
        let (_, id) = room.add_note(note(&board, "short")).unwrap();
        let before = room.snapshot();
        let long = "é".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(room.set_note_text(&id, &long), Err(RoomError::NoteTooLong { len: 2001, max: 2000 }));
        assert_eq!(room.move_note(&id, f64::NAN, 0.0), Err(RoomError::NotFinite { what: "the note's x position" }));
        assert!(matches!(room.add_note(note("missing", "x")), Err(RoomError::NoSuchBoard { .. })));
        assert!(matches!(room.add_note(note(&board, &long)), Err(RoomError::NoteTooLong { .. })));
        assert_eq!(room.snapshot(), before);
        // Exactly 2,000 characters is allowed.
        room.set_note_text(&id, &"é".repeat(MAX_NOTE_CHARS)).unwrap();
    }

    #[test]
    fn html_and_right_to_left_text_is_kept_verbatim() {
        let (mut room, board) = room_with_board();
        for text in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "مرحبا بالعالم", "👩🏽‍🌾 e\u{301}"] {
            let (_, id) = room.add_note(note(&board, text)).unwrap();
            assert_eq!(room.note(&id).unwrap().text, text);
        }
    }

    #[test]
    fn concurrent_typing_in_one_note_merges() {
        let (mut a, board) = room_with_board();
        let (_, id) = a.add_note(note(&board, "river cleanup")).unwrap();
        let mut b = Room::from_snapshot(ClientId::new(8), a.snapshot().as_bytes()).unwrap();
        let (ua, _) = a.set_note_text(&id, "big river cleanup").unwrap();
        let (ub, _) = b.set_note_text(&id, "river cleanup day").unwrap();
        a.apply_update(ub.as_bytes()).unwrap();
        b.apply_update(ua.as_bytes()).unwrap();
        assert_eq!(a.note(&id).unwrap().text, "big river cleanup day");
        assert_eq!(b.note(&id).unwrap().text, "big river cleanup day");
    }

    #[test]
    fn text_edits_never_split_a_surrogate_pair() {
        let (mut room, board) = room_with_board();
        let (_, id) = room.add_note(note(&board, "a😀b")).unwrap();
        room.set_note_text(&id, "a😁b").unwrap();
        assert_eq!(room.note(&id).unwrap().text, "a😁b");
        room.set_note_text(&id, "😁").unwrap();
        assert_eq!(room.note(&id).unwrap().text, "😁");
    }

    #[test]
    fn unknown_colours_show_as_yellow() {
        assert_eq!(NoteColor::from_name("ultraviolet"), NoteColor::Yellow);
        for c in NoteColor::ALL {
            assert_eq!(NoteColor::from_name(c.name()), c);
        }
    }
}
