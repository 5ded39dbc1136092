//! Several boards per room: created, renamed, reordered and deleted.

use constellation_core::board::{BoardError, BoardId, NewNote, NoteColor, ParticipantId};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn copy(room: &Room, client: u64) -> Room {
    Room::from_snapshot(ClientId::new(client).unwrap(), room.snapshot().as_bytes()).unwrap()
}

fn names(room: &Room) -> Vec<String> {
    room.boards().into_iter().map(|b| b.name).collect()
}

/// A room with boards named after the letters of `names`.
fn with_boards(names: &str) -> (Room, Vec<BoardId>) {
    let mut room = room(1);
    let ids = names
        .chars()
        .map(|c| room.add_board(&c.to_string()).unwrap().1)
        .collect();
    (room, ids)
}

fn order(room: &Room) -> String {
    names(room).concat()
}

#[test]
fn boards_move_to_any_index() {
    // (board to move, target index, expected order)
    for (board, index, expected) in [
        (0, 0, "ABCD"),
        (0, 1, "BACD"),
        (0, 3, "BCDA"),
        (0, 99, "BCDA"),
        (3, 0, "DABC"),
        (2, 1, "ACBD"),
        (1, 2, "ACBD"),
        (3, 3, "ABCD"),
    ] {
        let (mut room, ids) = with_boards("ABCD");
        room.move_board(&ids[board], index).unwrap();
        assert_eq!(order(&room), expected, "moving {board} to {index}");
    }
}

#[test]
fn a_move_to_where_a_board_already_is_changes_nothing() {
    let (mut room, ids) = with_boards("ABC");
    let revision = room.revision();
    assert!(room.move_board(&ids[1], 1).unwrap().is_empty());
    assert!(room.move_board(&ids[2], 7).unwrap().is_empty());
    assert_eq!(room.revision(), revision);
}

#[test]
fn a_move_changes_only_the_moved_boards_order() {
    let (mut room, ids) = with_boards("ABCD");
    let before = room.boards();
    room.move_board(&ids[3], 1).unwrap();
    let after = room.boards();
    for board in &before {
        let now = after.iter().find(|b| b.id == board.id).unwrap();
        assert_eq!(
            now.order == board.order,
            board.id != ids[3],
            "{}",
            board.name
        );
    }
    let moved = after.iter().find(|b| b.id == ids[3]).unwrap();
    assert!(0.0 < moved.order && moved.order < 1.0);
}

#[test]
fn many_moves_into_the_same_gap_renumber_when_numbers_run_out() {
    let (mut room, ids) = with_boards("ABC");
    // Alternately move B and C between A and the other: the gap halves each time.
    for round in 0..200 {
        let (moving, index) = if round % 2 == 0 {
            (&ids[2], 1)
        } else {
            (&ids[1], 1)
        };
        room.move_board(moving, index).unwrap();
        let boards = room.boards();
        assert_eq!(boards[1].id, *moving, "round {round}");
        let orders: Vec<f64> = boards.iter().map(|b| b.order).collect();
        assert!(
            orders.windows(2).all(|w| w[0] < w[1]),
            "round {round}: {orders:?}"
        );
    }
}

#[test]
fn concurrent_moves_to_the_same_place_agree_and_keep_every_board() {
    let (mut a, ids) = with_boards("ABCD");
    let mut b = copy(&a, 2);
    let ua = a.move_board(&ids[2], 0).unwrap();
    let ub = b.move_board(&ids[3], 0).unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.boards(), b.boards());
    assert_eq!(a.boards().len(), 4);
    let first_two: String = names(&a)[..2].concat();
    assert!(first_two == "CD" || first_two == "DC", "{first_two}");
    // The tie is then broken by a renumbering move, as the next drag would.
    a.move_board(&ids[0], 1).unwrap();
    let orders: Vec<f64> = a.boards().iter().map(|b| b.order).collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
}

#[test]
fn concurrent_moves_of_different_boards_both_take_effect() {
    let (mut a, ids) = with_boards("ABCDE");
    let mut b = copy(&a, 2);
    let ua = a.move_board(&ids[0], 4).unwrap(); // A to the end
    let ub = b.move_board(&ids[3], 0).unwrap(); // D to the front
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(order(&a), "DBCEA");
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn deleting_a_board_deletes_what_is_on_it_and_nothing_else() {
    let (mut room, ids) = with_boards("AB");
    let note = |room: &mut Room, board: &BoardId| {
        let new = NewNote {
            board: board.clone(),
            text: "n".into(),
            x: 0.0,
            y: 0.0,
            color: NoteColor::Yellow,
            author: String::new(),
        };
        room.add_note(new).unwrap().1
    };
    let (a1, a2, b1, b2) = (
        note(&mut room, &ids[0]),
        note(&mut room, &ids[0]),
        note(&mut room, &ids[1]),
        note(&mut room, &ids[1]),
    );
    room.add_link(&a1, &a2, "").unwrap();
    room.add_link(&b1, &b2, "").unwrap();
    for board in &ids {
        room.set_vote_allowance(board, 2).unwrap();
    }
    let voter = ParticipantId::new("v");
    room.place_vote(&voter, &a1).unwrap();
    room.place_vote(&voter, &b1).unwrap();

    room.delete_board(&ids[0]).unwrap();
    let view = room.to_view();
    assert_eq!(names(&room), ["B"]);
    assert_eq!(
        view.notes.iter().map(|n| &n.id).collect::<Vec<_>>(),
        [&b1, &b2]
    );
    assert_eq!(view.links.len(), 1);
    assert_eq!(view.votes.len(), 1);
    assert_eq!(room.ballot(&ids[1], &voter).placed, 1);
    assert_eq!(room.board(&ids[0]), None);
    assert!(room.notes(&ids[0]).is_empty());
}

#[test]
fn a_note_added_to_a_board_deleted_meanwhile_stays_hidden() {
    let (mut a, ids) = with_boards("A");
    let mut b = copy(&a, 2);
    let deletion = a.delete_board(&ids[0]).unwrap();
    let new = NewNote {
        board: ids[0].clone(),
        text: "late".into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: String::new(),
    };
    let (added, note) = b.add_note(new).unwrap();
    a.apply_update(added.as_bytes()).unwrap();
    b.apply_update(deletion.as_bytes()).unwrap();
    assert_eq!(a.to_view(), b.to_view());
    assert!(a.to_view().notes.is_empty());
    assert_eq!(a.note(&note), None);
    // Undoing the deletion brings the board back, with the late note on it.
    a.undo();
    assert_eq!(a.note(&note).map(|n| n.text), Some("late".into()));
}

#[test]
fn board_operations_on_unknown_boards_are_refused() {
    let (mut room, _) = with_boards("A");
    let missing = BoardId::new("9-9");
    let view = room.to_view();
    assert_eq!(
        room.delete_board(&missing),
        Err(BoardError::UnknownBoard(missing.clone()))
    );
    assert_eq!(
        room.move_board(&missing, 0),
        Err(BoardError::UnknownBoard(missing.clone()))
    );
    assert_eq!(
        room.set_vote_allowance(&missing, 3),
        Err(BoardError::UnknownBoard(missing.clone()))
    );
    assert_eq!(room.to_view(), view);
}

#[test]
fn a_board_added_after_deletions_goes_last() {
    let (mut room, ids) = with_boards("ABC");
    room.delete_board(&ids[2]).unwrap();
    room.move_board(&ids[0], 1).unwrap();
    room.add_board("D").unwrap();
    assert_eq!(order(&room), "BAD");
}
