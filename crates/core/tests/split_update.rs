//! Cutting an update bigger than the relay's frame limit into updates that
//! each fit (`constellation_core::room::split_update`): the parts change a
//! document exactly as the whole does, whatever order they arrive in.

use constellation_core::board::{NewNote, NoteColor};
use constellation_core::room::{split_update, ClientId, Room, RoomError};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

/// A room with many notes written by two replicas, some deleted, so its
/// snapshot has two clients' blocks and a delete set.
fn busy_room() -> Room {
    let mut a = room(11);
    let mut c = room(12);
    let board = a.add_board("Ideas").unwrap().1;
    c.apply_update(a.snapshot().as_bytes()).unwrap();
    let mut notes = Vec::new();
    for i in 0..600 {
        let (who, author) = if i % 3 == 0 { (&mut c, "Chloé") } else { (&mut a, "Ana") };
        let note = NewNote {
            board: board.clone(),
            text: format!("Idea number {i}: plant trees along the river, street {}", i * 7),
            x: f64::from(i % 40) * 30.0,
            y: f64::from(i / 40) * 30.0,
            color: NoteColor::Blue,
            author: author.into(),
        };
        let (_, id) = who.add_note(note).unwrap();
        notes.push((i % 3 == 0, id));
    }
    for (by_c, id) in notes.iter().step_by(7) {
        if *by_c {
            c.delete_note(id).unwrap();
        } else {
            a.delete_note(id).unwrap();
        }
    }
    a.apply_update(c.snapshot().as_bytes()).unwrap();
    a
}

#[test]
fn parts_fit_and_change_a_document_as_the_whole_does() {
    let source = busy_room();
    let whole = source.snapshot();
    assert!(whole.as_bytes().len() > 20_000, "the snapshot is big enough to cut: {}", whole.as_bytes().len());

    let max = 4_000;
    let parts = split_update(whole.as_bytes(), max).unwrap();
    assert!(parts.len() >= whole.as_bytes().len() / max, "{} parts", parts.len());
    for part in &parts {
        assert!(part.as_bytes().len() <= max, "a part of {} bytes", part.as_bytes().len());
    }

    // In order…
    let mut in_order = room(21);
    for part in &parts {
        in_order.apply_update(part.as_bytes()).unwrap();
    }
    assert_eq!(in_order.waiting_updates(), 0);
    assert_eq!(in_order.to_view(), source.to_view());
    assert_eq!(in_order.state_vector(), source.state_vector());

    // …and backwards: parts that need earlier ones wait for them.
    let mut backwards = room(22);
    for part in parts.iter().rev() {
        backwards.apply_update(part.as_bytes()).unwrap();
    }
    assert_eq!(backwards.waiting_updates(), 0);
    assert_eq!(backwards.to_view(), source.to_view());
}

#[test]
fn an_update_that_fits_is_left_whole_and_damaged_bytes_are_refused() {
    let mut a = room(31);
    let update = a.add_board("Ideas").unwrap().0;
    let parts = split_update(update.as_bytes(), 1 << 20).unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].as_bytes(), update.as_bytes());

    let big = busy_room().snapshot();
    let cut = &big.as_bytes()[..big.as_bytes().len() - 5];
    assert!(matches!(split_update(cut, 1_000), Err(RoomError::MalformedUpdate { .. })));
}
