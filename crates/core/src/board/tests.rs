use super::*;
use crate::room::ClientId;

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn new_note(board: &BoardId, text: &str) -> NewNote {
    NewNote {
        board: board.clone(),
        text: text.into(),
        x: 10.0,
        y: 20.0,
        color: NoteColor::Blue,
        author: "Ana".into(),
    }
}

/// A room with one board and one note on it.
fn room_with_note() -> (Room, BoardId, NoteId) {
    let mut room = room(7);
    let board = room.add_board("Ideas").unwrap().1;
    let note = room.add_note(new_note(&board, "Plant trees")).unwrap().1;
    (room, board, note)
}

/// Asserts that a refused operation left the room exactly as it was.
fn assert_refused<T: std::fmt::Debug>(
    room: &mut Room,
    op: impl FnOnce(&mut Room) -> Result<T, BoardError>,
    expected: &str,
) {
    let (view, revision, state) = (room.to_view(), room.revision(), room.state_vector());
    let err = op(room).unwrap_err();
    assert_eq!(err.to_string(), expected);
    assert_eq!(room.to_view(), view);
    assert_eq!(room.revision(), revision);
    assert_eq!(room.state_vector(), state);
}

#[test]
fn boards_are_added_in_order_and_renamed() {
    let mut room = room(7);
    let first = room.add_board("  Ideas ").unwrap();
    let second = room.add_board("Actions").unwrap();
    assert_eq!(first.1.as_str(), "7-0");
    assert!(!first.0.is_empty());
    room.rename_board(&first.1, "Wild ideas").unwrap();
    let boards = room.boards();
    assert_eq!(
        boards,
        vec![
            Board {
                id: first.1.clone(),
                name: "Wild ideas".into(),
                order: 0.0,
                vote_allowance: 0,
            },
            Board {
                id: second.1.clone(),
                name: "Actions".into(),
                order: 1.0,
                vote_allowance: 0,
            },
        ]
    );
    assert_eq!(room.board(&second.1), Some(boards[1].clone()));
    assert_eq!(room.board(&BoardId::new("nope")), None);
}

#[test]
fn board_errors() {
    let mut room = room(7);
    let board = room.add_board("Ideas").unwrap().1;
    assert_refused(&mut room, |r| r.add_board("   "), "a board needs a name");
    assert_refused(
        &mut room,
        |r| r.add_board(&"x".repeat(101)),
        "a board name holds at most 100 characters; this one has 101",
    );
    assert_refused(
        &mut room,
        |r| r.rename_board(&board, ""),
        "a board needs a name",
    );
    assert_refused(
        &mut room,
        |r| r.rename_board(&BoardId::new("9-9"), "Other"),
        "there is no board 9-9 in this room",
    );
}

#[test]
fn notes_are_added_listed_and_read() {
    let (mut room, board, note) = room_with_note();
    let other = room.add_board("Other").unwrap().1;
    room.add_note(new_note(&other, "elsewhere")).unwrap();
    let expected = Note {
        id: note.clone(),
        board: board.clone(),
        text: "Plant trees".into(),
        x: 10.0,
        y: 20.0,
        color: NoteColor::Blue,
        author: "Ana".into(),
        cluster: None,
    };
    assert_eq!(room.notes(&board), vec![expected.clone()]);
    assert_eq!(room.note(&note), Some(expected));
    assert_eq!(room.to_view().notes.len(), 2);
}

#[test]
fn ids_never_repeat_within_a_replica() {
    let (mut room, board, _) = room_with_note();
    let mut ids: Vec<String> = (0..20)
        .map(|i| {
            room.add_note(new_note(&board, &i.to_string()))
                .unwrap()
                .1
                .to_string()
        })
        .collect();
    ids.push(room.add_board("More").unwrap().1.to_string());
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[test]
fn note_errors() {
    let (mut room, board, note) = room_with_note();
    let missing = BoardId::new("1-1");
    assert_refused(
        &mut room,
        |r| r.add_note(new_note(&missing, "x")),
        "there is no board 1-1 in this room",
    );
    assert_refused(
        &mut room,
        |r| r.add_note(new_note(&board, &"a".repeat(2001))),
        "a note holds at most 2000 characters; this text has 2001",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_note(NewNote {
                x: f64::NAN,
                ..new_note(&board, "x")
            })
        },
        "a note's position must be two finite numbers, found (NaN, 20)",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_note(NewNote {
                author: "b".repeat(101),
                ..new_note(&board, "x")
            })
        },
        "an author name holds at most 100 characters; this one has 101",
    );
    let gone = NoteId::new("5-5");
    let unknown = "there is no note 5-5 in this room (it may have been deleted)";
    assert_refused(&mut room, |r| r.edit_note_text(&gone, "x"), unknown);
    assert_refused(&mut room, |r| r.move_note(&gone, 1.0, 1.0), unknown);
    assert_refused(
        &mut room,
        |r| r.set_note_color(&gone, NoteColor::Pink),
        unknown,
    );
    assert_refused(&mut room, |r| r.delete_note(&gone), unknown);
    assert_refused(
        &mut room,
        |r| r.move_note(&note, 0.0, f64::INFINITY),
        "a note's position must be two finite numbers, found (0, inf)",
    );
}

#[test]
fn note_text_limit_counts_characters_not_bytes() {
    let (mut room, _, note) = room_with_note();
    let long = "é".repeat(MAX_NOTE_CHARS);
    room.edit_note_text(&note, &long).unwrap();
    assert_eq!(room.note(&note).unwrap().text, long);
    assert_refused(
        &mut room,
        |r| r.edit_note_text(&note, &"😀".repeat(MAX_NOTE_CHARS + 1)),
        "a note holds at most 2000 characters; this text has 2001",
    );
}

#[test]
fn edit_move_recolour_and_delete() {
    let (mut room, board, note) = room_with_note();
    for text in [
        "Plant 100 trees",
        "Plant trees 🌳 now",
        "",
        "ünïcödé 😀 text",
    ] {
        room.edit_note_text(&note, text).unwrap();
        assert_eq!(room.note(&note).unwrap().text, text);
    }
    room.move_note(&note, -5.5, 1e6).unwrap();
    room.set_note_color(&note, NoteColor::Purple).unwrap();
    let read = room.note(&note).unwrap();
    assert_eq!((read.x, read.y, read.color), (-5.5, 1e6, NoteColor::Purple));
    room.delete_note(&note).unwrap();
    assert_eq!(room.note(&note), None);
    assert!(room.notes(&board).is_empty());
}

#[test]
fn every_edit_bumps_the_revision_once() {
    let (mut room, _, note) = room_with_note();
    let before = room.revision();
    room.move_note(&note, 1.0, 2.0).unwrap();
    room.set_note_color(&note, NoteColor::Green).unwrap();
    assert_eq!(room.revision(), before + 2);
}

#[test]
fn concurrent_text_edits_in_different_places_both_survive() {
    let (mut a, _, note) = room_with_note();
    let mut b = Room::from_snapshot(ClientId::new(8).unwrap(), a.snapshot().as_bytes()).unwrap();
    let ua = a.edit_note_text(&note, "Plant 100 trees").unwrap();
    let ub = b.edit_note_text(&note, "Plant trees today").unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.note(&note).unwrap().text, "Plant 100 trees today");
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn concurrent_changes_to_different_fields_both_survive() {
    let (mut a, _, note) = room_with_note();
    let mut b = Room::from_snapshot(ClientId::new(8).unwrap(), a.snapshot().as_bytes()).unwrap();
    let ua = a.move_note(&note, 300.0, 400.0).unwrap();
    let ub = b.set_note_color(&note, NoteColor::Orange).unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    let read = a.note(&note).unwrap();
    assert_eq!(
        (read.x, read.y, read.color),
        (300.0, 400.0, NoteColor::Orange)
    );
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn concurrent_moves_pick_one_whole_position() {
    let (mut a, _, note) = room_with_note();
    let mut b = Room::from_snapshot(ClientId::new(8).unwrap(), a.snapshot().as_bytes()).unwrap();
    let ua = a.move_note(&note, 1.0, 1.0).unwrap();
    let ub = b.move_note(&note, 2.0, 2.0).unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    let read = a.note(&note).unwrap();
    assert!(read.x == read.y, "position mixed two moves: {read:?}");
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn concurrent_edit_and_delete_end_deleted() {
    let (mut a, _, note) = room_with_note();
    let mut b = Room::from_snapshot(ClientId::new(8).unwrap(), a.snapshot().as_bytes()).unwrap();
    let ua = a.delete_note(&note).unwrap();
    let ub = b.edit_note_text(&note, "changed").unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.note(&note), None);
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn unknown_colour_names_read_as_yellow() {
    assert_eq!(NoteColor::from_name("teal"), None);
    for color in NoteColor::ALL {
        assert_eq!(NoteColor::from_name(color.name()), Some(color));
    }
    assert_eq!(NoteColor::default(), NoteColor::Yellow);
}

#[test]
fn an_edit_to_the_same_text_changes_nothing() {
    let (mut room, _, note) = room_with_note();
    let revision = room.revision();
    assert!(room
        .edit_note_text(&note, "Plant trees")
        .unwrap()
        .is_empty());
    assert_eq!(room.revision(), revision);
}
