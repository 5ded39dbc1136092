//! Clusters: labelled areas that notes dropped inside belong to and move with.

use constellation_core::board::{
    BoardError, BoardId, ClusterId, NewCluster, NewNote, NoteColor, NoteId, KEYBOARD_STEP,
    NOTE_HEIGHT, NOTE_WIDTH,
};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn copy(room: &Room, client: u64) -> Room {
    Room::from_snapshot(ClientId::new(client).unwrap(), room.snapshot().as_bytes()).unwrap()
}

fn note_at(room: &mut Room, board: &BoardId, x: f64, y: f64) -> NoteId {
    let new = NewNote {
        board: board.clone(),
        text: format!("at {x},{y}"),
        x,
        y,
        color: NoteColor::Yellow,
        author: String::new(),
    };
    room.add_note(new).unwrap().1
}

fn area(board: &BoardId, label: &str, x: f64, y: f64, width: f64, height: f64) -> NewCluster {
    NewCluster {
        board: board.clone(),
        label: label.into(),
        x,
        y,
        width,
        height,
    }
}

fn cluster_of(room: &Room, note: &NoteId) -> Option<ClusterId> {
    room.note(note).unwrap().cluster
}

fn position(room: &Room, note: &NoteId) -> (f64, f64) {
    let note = room.note(note).unwrap();
    (note.x, note.y)
}

/// A board with a 400 × 300 cluster at the origin.
fn start() -> (Room, BoardId, ClusterId) {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    let cluster = room
        .add_cluster(area(&board, "  Water  ", 0.0, 0.0, 400.0, 300.0))
        .unwrap()
        .1;
    (room, board, cluster)
}

#[test]
fn clusters_are_added_and_read() {
    let (room, board, cluster) = start();
    let read = room.cluster(&cluster).unwrap();
    assert_eq!(read.label, "Water");
    assert_eq!(
        (read.x, read.y, read.width, read.height),
        (0.0, 0.0, 400.0, 300.0)
    );
    assert_eq!(room.clusters(&board), vec![read]);
}

#[test]
fn a_note_belongs_to_the_cluster_under_its_centre() {
    let (mut room, board, cluster) = start();
    let inside = note_at(&mut room, &board, 10.0, 10.0);
    // The centre of a note at the right edge lies outside.
    let edge = note_at(&mut room, &board, 400.0 - NOTE_WIDTH / 2.0, 0.0);
    let mostly_out = note_at(&mut room, &board, -NOTE_WIDTH / 2.0 - 1.0, 0.0);
    assert_eq!(cluster_of(&room, &inside), Some(cluster.clone()));
    assert_eq!(cluster_of(&room, &edge), None);
    assert_eq!(cluster_of(&room, &mostly_out), None);
    let partly_out = note_at(
        &mut room,
        &board,
        -NOTE_WIDTH / 2.0,
        300.0 - NOTE_HEIGHT / 2.0 - 1.0,
    );
    assert_eq!(cluster_of(&room, &partly_out), Some(cluster));
}

#[test]
fn moving_a_note_in_and_out_changes_its_cluster() {
    let (mut room, board, cluster) = start();
    let note = note_at(&mut room, &board, 600.0, 600.0);
    assert_eq!(cluster_of(&room, &note), None);
    room.move_note(&note, 100.0, 100.0).unwrap();
    assert_eq!(cluster_of(&room, &note), Some(cluster.clone()));
    room.move_note(&note, 100.0, 500.0).unwrap();
    assert_eq!(cluster_of(&room, &note), None);
}

#[test]
fn arrow_keys_move_a_note_step_by_step_and_can_carry_it_out() {
    let (mut room, board, cluster) = start();
    let note = note_at(&mut room, &board, 300.0, 100.0);
    assert_eq!(cluster_of(&room, &note), Some(cluster));
    for _ in 0..3 {
        room.move_note_by(&note, KEYBOARD_STEP, 0.0).unwrap();
    }
    assert_eq!(position(&room, &note), (330.0, 100.0));
    // Centre at 330 + 80 = 410: outside the 400-wide cluster.
    assert_eq!(cluster_of(&room, &note), None);
    room.move_note_by(&note, 0.0, -KEYBOARD_STEP).unwrap();
    assert_eq!(position(&room, &note), (330.0, 90.0));
    assert_eq!(
        room.move_note_by(&note, f64::INFINITY, 0.0)
            .unwrap_err()
            .to_string(),
        "a note's position must be two finite numbers, found (inf, 90)"
    );
}

#[test]
fn the_topmost_cluster_wins_where_clusters_overlap() {
    let (mut room, board, outer) = start();
    let inner = room
        .add_cluster(area(&board, "inner", 100.0, 100.0, 200.0, 150.0))
        .unwrap()
        .1;
    let note = note_at(&mut room, &board, 120.0, 120.0);
    assert_eq!(cluster_of(&room, &note), Some(inner));
    let corner = note_at(&mut room, &board, 0.0, 0.0);
    assert_eq!(cluster_of(&room, &corner), Some(outer));
}

#[test]
fn moving_a_cluster_moves_its_notes_in_one_update() {
    let (mut room, board, cluster) = start();
    let a = note_at(&mut room, &board, 10.0, 20.0);
    let b = note_at(&mut room, &board, 200.0, 100.0);
    let outside = note_at(&mut room, &board, 900.0, 900.0);
    let mut peer = copy(&room, 2);
    let update = room.move_cluster(&cluster, 1_000.0, -50.0).unwrap();
    assert_eq!(position(&room, &a), (1_010.0, -30.0));
    assert_eq!(position(&room, &b), (1_200.0, 50.0));
    assert_eq!(position(&room, &outside), (900.0, 900.0));
    assert_eq!(cluster_of(&room, &a), Some(cluster.clone()));
    peer.apply_update(update.as_bytes()).unwrap();
    assert_eq!(peer.to_view(), room.to_view());
    // One undo puts the cluster and all its notes back.
    room.undo();
    assert_eq!(position(&room, &a), (10.0, 20.0));
    assert_eq!(room.cluster(&cluster).unwrap().x, 0.0);
}

#[test]
fn a_new_cluster_adopts_loose_notes_under_it_only() {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    let loose = note_at(&mut room, &board, 50.0, 50.0);
    let far = note_at(&mut room, &board, 2_000.0, 0.0);
    let first = room
        .add_cluster(area(&board, "first", 0.0, 0.0, 300.0, 300.0))
        .unwrap()
        .1;
    assert_eq!(cluster_of(&room, &loose), Some(first.clone()));
    assert_eq!(cluster_of(&room, &far), None);
    // A later cluster over the same notes leaves them where they belong.
    room.add_cluster(area(&board, "second", 0.0, 0.0, 500.0, 500.0))
        .unwrap();
    assert_eq!(cluster_of(&room, &loose), Some(first));
}

#[test]
fn resizing_adopts_and_releases_notes() {
    let (mut room, board, cluster) = start();
    let member = note_at(&mut room, &board, 300.0, 10.0);
    let loose = note_at(&mut room, &board, 500.0, 10.0);
    assert_eq!(cluster_of(&room, &member), Some(cluster.clone()));
    room.resize_cluster(&cluster, 700.0, 300.0).unwrap();
    assert_eq!(cluster_of(&room, &loose), Some(cluster.clone()));
    room.resize_cluster(&cluster, 200.0, 300.0).unwrap();
    assert_eq!(cluster_of(&room, &member), None);
    assert_eq!(cluster_of(&room, &loose), None);
    assert_eq!(room.cluster(&cluster).unwrap().width, 200.0);
}

#[test]
fn deleting_a_cluster_keeps_its_notes_in_place() {
    let (mut room, board, cluster) = start();
    let note = note_at(&mut room, &board, 10.0, 10.0);
    room.delete_cluster(&cluster).unwrap();
    assert_eq!(room.cluster(&cluster), None);
    assert_eq!(cluster_of(&room, &note), None);
    assert_eq!(position(&room, &note), (10.0, 10.0));
    room.undo();
    assert_eq!(cluster_of(&room, &note), Some(cluster));
}

#[test]
fn renaming_a_cluster() {
    let (mut room, _, cluster) = start();
    room.rename_cluster(&cluster, "Clean water").unwrap();
    assert_eq!(room.cluster(&cluster).unwrap().label, "Clean water");
    room.rename_cluster(&cluster, "").unwrap();
    assert_eq!(room.cluster(&cluster).unwrap().label, "");
}

#[test]
fn clusters_stay_on_their_board() {
    let (mut room, _, _) = start();
    let other = room.add_board("Other").unwrap().1;
    let note = note_at(&mut room, &other, 10.0, 10.0);
    assert_eq!(cluster_of(&room, &note), None);
    assert!(room.clusters(&other).is_empty());
}

#[test]
fn invalid_clusters_are_refused_and_change_nothing() {
    let (mut room, board, cluster) = start();
    let view = room.to_view();
    let cases: Vec<(Result<(), BoardError>, &str)> = vec![
        (
            room.add_cluster(area(&board, &"x".repeat(101), 0.0, 0.0, 100.0, 100.0))
                .map(drop),
            "a cluster label holds at most 100 characters; this one has 101",
        ),
        (
            room.add_cluster(area(&board, "", 0.0, 0.0, 10.0, 100.0))
                .map(drop),
            "a cluster's width and height must be numbers from 40 to 100000, found 10 × 100",
        ),
        (
            room.add_cluster(area(&board, "", f64::NAN, 0.0, 100.0, 100.0))
                .map(drop),
            "a note's position must be two finite numbers, found (NaN, 0)",
        ),
        (
            room.add_cluster(area(&BoardId::new("1-99"), "", 0.0, 0.0, 100.0, 100.0))
                .map(drop),
            "there is no board 1-99 in this room",
        ),
        (
            room.resize_cluster(&cluster, 100.0, f64::INFINITY)
                .map(drop),
            "a cluster's width and height must be numbers from 40 to 100000, found 100 × inf",
        ),
        (
            room.move_cluster(&ClusterId::new("5-5"), 0.0, 0.0)
                .map(drop),
            "there is no cluster 5-5 in this room (it may have been deleted)",
        ),
    ];
    for (result, message) in cases {
        assert_eq!(result.unwrap_err().to_string(), message);
    }
    assert_eq!(room.to_view(), view);
}

#[test]
fn a_cluster_move_and_a_member_edit_at_once_both_survive() {
    let (mut a, board, cluster) = start();
    let note = note_at(&mut a, &board, 10.0, 10.0);
    let mut b = copy(&a, 2);
    let moved = a.move_cluster(&cluster, 500.0, 0.0).unwrap();
    let edited = b.edit_note_text(&note, "new words").unwrap();
    a.apply_update(edited.as_bytes()).unwrap();
    b.apply_update(moved.as_bytes()).unwrap();
    assert_eq!(a.to_view(), b.to_view());
    let read = a.note(&note).unwrap();
    assert_eq!((read.x, read.text.as_str()), (510.0, "new words"));
}

#[test]
fn a_note_dropped_into_a_cluster_deleted_meanwhile_belongs_to_none() {
    let (mut a, board, cluster) = start();
    let note = note_at(&mut a, &board, 900.0, 900.0);
    let mut b = copy(&a, 2);
    let deleted = a.delete_cluster(&cluster).unwrap();
    let dropped = b.move_note(&note, 10.0, 10.0).unwrap();
    a.apply_update(dropped.as_bytes()).unwrap();
    b.apply_update(deleted.as_bytes()).unwrap();
    assert_eq!(a.to_view(), b.to_view());
    assert_eq!(cluster_of(&a, &note), None);
}
