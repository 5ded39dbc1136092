//! Links: arrows from one note to another, with an optional label.

use constellation_core::board::{BoardError, BoardId, LinkId, NewNote, NoteColor, NoteId};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn copy(room: &Room, client: u64) -> Room {
    Room::from_snapshot(ClientId::new(client).unwrap(), room.snapshot().as_bytes()).unwrap()
}

fn note(room: &mut Room, board: &BoardId, text: &str) -> NoteId {
    let new = NewNote {
        board: board.clone(),
        text: text.into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: String::new(),
    };
    room.add_note(new).unwrap().1
}

fn start() -> (Room, BoardId, NoteId, NoteId) {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    let a = note(&mut room, &board, "cause");
    let b = note(&mut room, &board, "effect");
    (room, board, a, b)
}

#[test]
fn links_are_added_labelled_and_deleted() {
    let (mut room, board, a, b) = start();
    let link = room.add_link(&a, &b, "  leads to ").unwrap().1;
    let links = room.links(&board);
    assert_eq!(links.len(), 1);
    assert_eq!(
        (&links[0].from, &links[0].to, links[0].label.as_str()),
        (&a, &b, "leads to")
    );
    assert_eq!(links[0].board, board);
    room.set_link_label(&link, "").unwrap();
    assert_eq!(room.links(&board)[0].label, "");
    // The opposite direction is another link.
    room.add_link(&b, &a, "").unwrap();
    room.delete_link(&link).unwrap();
    assert_eq!(room.links(&board).len(), 1);
    assert_eq!(
        room.delete_link(&link),
        Err(BoardError::UnknownLink(link.clone()))
    );
}

#[test]
fn invalid_links_are_refused_and_change_nothing() {
    let (mut room, _, a, b) = start();
    let other = room.add_board("Other").unwrap().1;
    let elsewhere = note(&mut room, &other, "elsewhere");
    room.add_link(&a, &b, "").unwrap();
    let view = room.to_view();
    let gone = NoteId::new("8-8");
    for (result, message) in [
        (
            room.add_link(&a, &a, ""),
            format!("a link joins two different notes; this one starts and ends at {a}"),
        ),
        (
            room.add_link(&a, &elsewhere, ""),
            format!("a link joins notes of one board; {a} and {elsewhere} are on different boards"),
        ),
        (
            room.add_link(&a, &b, "again"),
            format!("there is already a link from {a} to {b}"),
        ),
        (
            room.add_link(&a, &gone, ""),
            "there is no note 8-8 in this room (it may have been deleted)".into(),
        ),
        (
            room.add_link(&a, &b, &"é".repeat(101)),
            "a link label holds at most 100 characters; this one has 101".into(),
        ),
    ] {
        assert_eq!(result.unwrap_err().to_string(), message);
    }
    assert_eq!(
        room.set_link_label(&LinkId::new("1-1000"), "x")
            .unwrap_err()
            .to_string(),
        "there is no link 1-1000 in this room (it may have been deleted)"
    );
    assert_eq!(room.to_view(), view);
}

#[test]
fn deleting_a_note_deletes_its_links_and_undo_restores_them() {
    let (mut room, board, a, b) = start();
    let c = note(&mut room, &board, "third");
    room.add_link(&a, &b, "").unwrap();
    room.add_link(&c, &a, "").unwrap();
    room.add_link(&b, &c, "").unwrap();
    room.delete_note(&a).unwrap();
    let left = room.links(&board);
    assert_eq!(left.len(), 1);
    assert_eq!((&left[0].from, &left[0].to), (&b, &c));
    assert_eq!(room.to_view().links.len(), 1);
    room.undo();
    assert_eq!(room.links(&board).len(), 3);
}

#[test]
fn a_link_to_a_note_deleted_meanwhile_is_not_shown() {
    let (mut x, board, a, b) = start();
    let mut y = copy(&x, 2);
    let deleted = x.delete_note(&b).unwrap();
    let linked = y.add_link(&a, &b, "").unwrap().0;
    x.apply_update(linked.as_bytes()).unwrap();
    y.apply_update(deleted.as_bytes()).unwrap();
    assert!(x.links(&board).is_empty());
    assert_eq!(x.to_view(), y.to_view());
}

#[test]
fn two_people_linking_the_same_notes_keep_both_links() {
    let (mut x, board, a, b) = start();
    let mut y = copy(&x, 2);
    let ux = x.add_link(&a, &b, "from x").unwrap().0;
    let uy = y.add_link(&a, &b, "from y").unwrap().0;
    x.apply_update(uy.as_bytes()).unwrap();
    y.apply_update(ux.as_bytes()).unwrap();
    assert_eq!(x.links(&board).len(), 2);
    assert_eq!(x.to_view(), y.to_view());
}

#[test]
fn concurrent_label_changes_agree_on_one() {
    let (mut x, _, a, b) = start();
    let link = x.add_link(&a, &b, "").unwrap().1;
    let mut y = copy(&x, 2);
    let ux = x.set_link_label(&link, "causes").unwrap();
    let uy = y.set_link_label(&link, "blocks").unwrap();
    x.apply_update(uy.as_bytes()).unwrap();
    y.apply_update(ux.as_bytes()).unwrap();
    assert_eq!(x.to_view(), y.to_view());
}
