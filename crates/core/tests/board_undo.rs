//! Undo and redo: one's own whiteboard edits only, one edit per step unless
//! times group them, and every undo is an update other replicas apply.

use constellation_core::board::{BoardId, NewCluster, NewNote, NoteColor, NoteId, ParticipantId};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn copy(room: &Room, client: u64) -> Room {
    Room::from_snapshot(ClientId::new(client).unwrap(), room.snapshot().as_bytes()).unwrap()
}

fn new_note(board: &BoardId, text: &str) -> NewNote {
    NewNote {
        board: board.clone(),
        text: text.into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: "Ana".into(),
    }
}

/// A room with a board and a note, its history cleared by a reload.
fn start() -> (Room, BoardId, NoteId) {
    let mut a = room(1);
    let board = a.add_board("Ideas").unwrap().1;
    let note = a.add_note(new_note(&board, "Plant trees")).unwrap().1;
    (copy(&a, 2), board, note)
}

#[test]
fn nothing_to_undo_gives_an_empty_update() {
    let (mut room, _, _) = start();
    assert!(!room.can_undo());
    assert!(!room.can_redo());
    let revision = room.revision();
    assert!(room.undo().is_empty());
    assert!(room.redo().is_empty());
    assert_eq!(room.revision(), revision);
}

#[test]
fn each_edit_undoes_and_redoes_in_turn() {
    let (mut room, board, note) = start();
    let initial = room.to_view();
    room.move_note(&note, 100.0, 50.0).unwrap();
    room.set_note_color(&note, NoteColor::Pink).unwrap();
    room.edit_note_text(&note, "Plant 100 trees").unwrap();
    let added = room.add_note(new_note(&board, "second")).unwrap().1;
    let edited = room.to_view();

    assert!(!room.undo().is_empty());
    assert_eq!(room.note(&added), None);
    assert!(!room.undo().is_empty());
    assert_eq!(room.note(&note).unwrap().text, "Plant trees");
    room.undo();
    assert_eq!(room.note(&note).unwrap().color, NoteColor::Yellow);
    room.undo();
    assert_eq!(room.to_view(), initial);
    assert!(!room.can_undo());
    assert!(room.can_redo());

    for _ in 0..4 {
        assert!(!room.redo().is_empty());
    }
    assert_eq!(room.to_view(), edited);
    assert!(!room.can_redo());
}

#[test]
fn a_new_edit_clears_what_could_be_redone() {
    let (mut room, _, note) = start();
    room.move_note(&note, 1.0, 1.0).unwrap();
    room.undo();
    assert!(room.can_redo());
    room.set_note_color(&note, NoteColor::Green).unwrap();
    assert!(!room.can_redo());
    assert!(room.redo().is_empty());
}

#[test]
fn remote_changes_are_never_undone() {
    let (mut a, _, note) = start();
    let mut b = copy(&a, 3);
    let remote = b.set_note_color(&note, NoteColor::Blue).unwrap();
    a.apply_update(remote.as_bytes()).unwrap();
    assert!(!a.can_undo(), "a remote edit entered the local history");
    assert!(a.undo().is_empty());
    assert_eq!(a.note(&note).unwrap().color, NoteColor::Blue);

    // A local move undone after a remote recolour keeps the recolour.
    a.move_note(&note, 300.0, 300.0).unwrap();
    let recolour = b.set_note_color(&note, NoteColor::Purple).unwrap();
    a.apply_update(recolour.as_bytes()).unwrap();
    a.undo();
    let read = a.note(&note).unwrap();
    assert_eq!((read.x, read.y, read.color), (0.0, 0.0, NoteColor::Purple));
}

#[test]
fn undoing_a_value_someone_overwrote_since_keeps_theirs() {
    let (mut a, _, note) = start();
    let mut b = copy(&a, 3);
    let mine = a.move_note(&note, 10.0, 10.0).unwrap();
    b.apply_update(mine.as_bytes()).unwrap();
    let theirs = b.move_note(&note, 20.0, 20.0).unwrap();
    a.apply_update(theirs.as_bytes()).unwrap();
    a.undo();
    assert_eq!(a.note(&note).map(|n| (n.x, n.y)), Some((20.0, 20.0)));
}

#[test]
fn undo_updates_bring_other_replicas_along() {
    let (mut a, board, note) = start();
    let mut b = copy(&a, 3);
    let mut send = |a: &mut Room, update: constellation_core::Update| {
        b.apply_update(update.as_bytes()).unwrap();
        assert_eq!(a.to_view(), b.to_view());
    };
    let u = a.edit_note_text(&note, "Plant trees now").unwrap();
    send(&mut a, u);
    let u = a.delete_board(&board).unwrap();
    send(&mut a, u);
    let u = a.undo();
    send(&mut a, u);
    let u = a.undo();
    send(&mut a, u);
    let u = a.redo();
    send(&mut a, u);
    assert_eq!(a.note(&note).unwrap().text, "Plant trees now");
}

#[test]
fn deleting_a_board_undoes_with_everything_on_it() {
    let (mut room, board, note) = start();
    let other = room.add_note(new_note(&board, "other")).unwrap().1;
    let cluster = room
        .add_cluster(NewCluster {
            board: board.clone(),
            label: "Group".into(),
            x: -20.0,
            y: -20.0,
            width: 400.0,
            height: 300.0,
        })
        .unwrap()
        .1;
    room.add_link(&note, &other, "leads to").unwrap();
    room.set_vote_allowance(&board, 3).unwrap();
    let voter = ParticipantId::new("p1");
    room.place_vote(&voter, &note).unwrap();
    let before = room.to_view();
    assert_eq!(room.note(&note).unwrap().cluster, Some(cluster.clone()));

    room.delete_board(&board).unwrap();
    let gone = room.to_view();
    assert!(gone.boards.is_empty() && gone.notes.is_empty() && gone.clusters.is_empty());
    assert!(gone.links.is_empty() && gone.votes.is_empty());

    room.undo();
    assert_eq!(room.to_view(), before);
    assert_eq!(room.tally(&board).votes_for(&note), 1);
    room.redo();
    assert_eq!(room.to_view(), gone);
}

#[test]
fn votes_undo_like_any_edit() {
    let (mut room, board, note) = start();
    room.set_vote_allowance(&board, 2).unwrap();
    let voter = ParticipantId::new("p1");
    room.place_vote(&voter, &note).unwrap();
    room.place_vote(&voter, &note).unwrap();
    room.remove_vote(&voter, &note).unwrap();
    assert_eq!(room.tally(&board).votes_for(&note), 1);
    room.undo();
    assert_eq!(room.tally(&board).votes_for(&note), 2);
    room.undo();
    room.undo();
    assert_eq!(room.tally(&board).votes_for(&note), 0);
}

#[test]
fn edits_close_in_time_undo_together_until_the_step_ends() {
    let (mut room, _, note) = start();
    for (time, text) in [(1_000, "P"), (1_100, "Pl"), (1_300, "Pla")] {
        room.set_edit_time(time);
        room.edit_note_text(&note, text).unwrap();
    }
    room.set_edit_time(5_000);
    room.edit_note_text(&note, "Plan").unwrap();
    room.undo();
    assert_eq!(room.note(&note).unwrap().text, "Pla");
    room.undo();
    assert_eq!(room.note(&note).unwrap().text, "Plant trees");

    room.set_edit_time(6_000);
    room.move_note(&note, 1.0, 1.0).unwrap();
    room.end_undo_step();
    room.set_edit_time(6_010);
    room.move_note(&note, 2.0, 2.0).unwrap();
    room.undo();
    assert_eq!(room.note(&note).map(|n| n.x), Some(1.0));
    // A clock that goes back is taken as standing still.
    room.set_edit_time(10);
    room.move_note(&note, 3.0, 3.0).unwrap();
    room.undo();
    assert_eq!(room.note(&note).map(|n| n.x), Some(1.0));
}

#[test]
fn title_changes_are_outside_the_whiteboard_history() {
    let (mut room, _, _) = start();
    room.set_title("Rivers").unwrap();
    assert!(!room.can_undo());
}

#[test]
fn a_refused_edit_leaves_the_history_alone() {
    let (mut room, _, note) = start();
    assert!(room.edit_note_text(&note, &"x".repeat(2_001)).is_err());
    assert!(!room.can_undo());
}
