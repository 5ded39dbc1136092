use super::*;
use crate::board::{BoardId, NewNote, NoteColor};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn note(room: &mut Room, board: &BoardId, text: &str) -> Update {
    let new = NewNote {
        board: board.clone(),
        text: text.into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: "A".into(),
    };
    room.add_note(new).unwrap().0
}

#[test]
fn updates_carry_edits_to_another_replica() {
    let mut a = room(1);
    let mut b = room(2);
    let created = a.add_board("Ideas").unwrap();
    b.apply_update(created.0.as_bytes()).unwrap();
    b.apply_update(note(&mut a, &created.1, "hello").as_bytes())
        .unwrap();
    assert_eq!(a.to_view(), b.to_view());
    assert_eq!(b.to_view().notes[0].text, "hello");
}

#[test]
fn applying_an_update_twice_is_harmless_and_bumps_nothing() {
    let mut a = room(1);
    let mut b = room(2);
    let update = a.add_board("Ideas").unwrap().0;
    b.apply_update(update.as_bytes()).unwrap();
    let revision = b.revision();
    assert_eq!(revision, 1);
    b.apply_update(update.as_bytes()).unwrap();
    assert_eq!(b.revision(), revision);
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn deletions_alone_bump_the_revision() {
    let mut a = room(1);
    let mut b = room(2);
    let board = a.add_board("Ideas").unwrap().1;
    b.apply_update(note(&mut a, &board, "x").as_bytes())
        .unwrap_or(());
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    let id = a.to_view().notes[0].id.clone();
    let delete = a.delete_note(&id).unwrap();
    let revision = b.revision();
    b.apply_update(delete.as_bytes()).unwrap();
    assert_eq!(b.revision(), revision + 1);
    assert!(b.to_view().notes.is_empty());
}

#[test]
fn out_of_order_updates_wait_for_what_they_depend_on() {
    let mut a = room(1);
    let mut b = room(2);
    let first = a.add_board("Ideas").unwrap();
    let second = note(&mut a, &first.1, "later");
    b.apply_update(second.as_bytes()).unwrap();
    assert_eq!(b.waiting_updates(), 1);
    assert!(b.to_view().notes.is_empty());
    b.apply_update(first.0.as_bytes()).unwrap();
    assert_eq!(b.waiting_updates(), 0);
    assert_eq!(a.to_view(), b.to_view());
}

#[test]
fn state_vector_diffs_bring_a_peer_up_to_date() {
    let mut a = room(1);
    let mut b = room(2);
    let board = a.add_board("Ideas").unwrap().1;
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    note(&mut a, &board, "one");
    note(&mut a, &board, "two");
    b.set_title("B's title").unwrap();
    let for_b = a.diff_since(&b.state_vector());
    let for_a = b.diff_since(&a.state_vector());
    b.apply_update(for_b.as_bytes()).unwrap();
    a.apply_update(for_a.as_bytes()).unwrap();
    assert_eq!(a.to_view(), b.to_view());
    assert_eq!(a.to_view().notes.len(), 2);
    assert!(a.diff_since(&b.state_vector()).is_empty());
}

#[test]
fn state_vectors_round_trip_and_bad_ones_are_refused() {
    let mut a = room(1);
    a.add_board("Ideas").unwrap();
    let sv = a.state_vector();
    assert_eq!(StateVector::from_bytes(sv.clone().into_bytes()), Ok(sv));
    let err = StateVector::from_bytes(vec![1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0])
        .unwrap_err();
    assert!(
        matches!(err, RoomError::MalformedStateVector { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("not below 2^53"), "{err}");
    assert!(StateVector::from_bytes(vec![5]).is_err());
    assert!(StateVector::from_bytes(vec![0, 0]).is_err());
}

#[test]
fn snapshot_round_trip_keeps_the_view() {
    let mut a = room(1);
    let board = a.add_board("Ideas").unwrap().1;
    note(&mut a, &board, "keep me");
    a.set_title("Rivers").unwrap();
    let copy = Room::from_snapshot(ClientId::new(3).unwrap(), a.snapshot().as_bytes()).unwrap();
    assert_eq!(copy.to_view(), a.to_view());
    assert_eq!(copy.revision(), 0);
    assert_eq!(copy.client().get(), 3);
}

#[test]
fn incomplete_snapshots_are_refused() {
    let mut a = room(1);
    let first = a.add_board("Ideas").unwrap();
    let second = note(&mut a, &first.1, "x");
    let err = Room::from_snapshot(ClientId::new(3).unwrap(), second.as_bytes()).unwrap_err();
    assert_eq!(err, RoomError::IncompleteSnapshot);
}

#[test]
fn malformed_updates_are_refused_with_a_reason_and_change_nothing() {
    let mut a = room(1);
    a.add_board("Ideas").unwrap();
    let view = a.to_view();
    let revision = a.revision();
    for (bytes, reason) in [
        (&[][..], "the bytes end inside the client count at byte 0"),
        (&[0, 0, 7][..], "1 unexpected bytes after the end at byte 2"),
        (
            &[200, 1][..],
            "byte 0: the client count 200 exceeds the bytes that follow",
        ),
    ] {
        let err = a.apply_update(bytes).unwrap_err();
        assert_eq!(
            err,
            RoomError::MalformedUpdate {
                reason: reason.into()
            }
        );
        assert_eq!(a.to_view(), view);
        assert_eq!(a.revision(), revision);
    }
    assert!(a.apply_update(&[0, 0]).is_ok());
}

#[test]
fn an_item_may_not_name_a_string_as_its_parent() {
    // Client 5 writes a string into root "meta"'s sequence (clock 0), then an item
    // whose parent is that string: yrs would refuse it half-way, so the room refuses
    // it whole, up front.
    let mut a = room(1);
    let string_item = [1, 1, 5, 0, 4, 1, 4, b'm', b'e', b't', b'a', 1, b's', 0];
    a.apply_update(&string_item).unwrap();
    let view = a.to_view();
    let child = [1, 1, 5, 1, 0x28, 0, 5, 0, 1, b'k', 1, 119, 1, b'v', 0];
    let err = a.apply_update(&child).unwrap_err();
    assert!(err.to_string().contains("names 5:0 as its parent"), "{err}");
    assert_eq!(a.to_view(), view);
    assert_eq!(
        Room::from_snapshot(ClientId::new(9).unwrap(), a.snapshot().as_bytes())
            .unwrap()
            .to_view(),
        view
    );
}

#[test]
fn an_update_citing_itself_in_a_cycle_is_refused() {
    // One string item whose left origin is itself.
    let mut a = room(1);
    let cyclic = [1, 1, 5, 0, 0x84, 5, 0, 1, b'x', 0];
    let err = a.apply_update(&cyclic).unwrap_err();
    assert!(err.to_string().contains("cycle"), "{err}");
    assert_eq!(a.waiting_updates(), 0);
}
