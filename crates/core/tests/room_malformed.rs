//! Whatever bytes arrive, a room never panics, and a refused update changes nothing.
//! After an accepted update, a fresh room snapshots and reloads to the same view.

use constellation_core::{ClientId, NewNote, NoteColor, Room, RoomError, StateVector};
use proptest::prelude::*;

/// A room with some content, and the updates that built it.
fn furnished() -> (Room, Vec<Vec<u8>>) {
    let mut room = Room::new(ClientId::new(3).unwrap());
    let mut updates = vec![room.set_title("Harbour clean-up").unwrap().into_bytes()];
    let board = room.add_board("Ideas").unwrap();
    updates.push(board.0.into_bytes());
    for (i, text) in ["Nets 🐟", "Volunteers", "Skip"].into_iter().enumerate() {
        let new = NewNote {
            board: board.1.clone(),
            text: text.into(),
            x: i as f64,
            y: 2.5,
            color: NoteColor::Green,
            author: "Ana".into(),
        };
        let note = room.add_note(new).unwrap();
        updates.push(note.0.into_bytes());
        updates.push(
            room.edit_note_text(&note.1, &format!("{text}!"))
                .unwrap()
                .into_bytes(),
        );
    }
    let last = room.to_view().notes[2].id.clone();
    updates.push(room.delete_note(&last).unwrap().into_bytes());
    updates.push(room.snapshot().into_bytes());
    (room, updates)
}

/// Applies `bytes` to a furnished room and to an empty one, checking the invariants.
///
/// Only the empty room must reload to the same view: on the furnished one, damaged
/// bytes can reuse ids the room already holds with different content (equivocation),
/// and Yjs, like any CRDT, then promises nothing about agreement. It must still
/// neither panic nor half-apply.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    check_on(furnished().0, bytes, false)?;
    check_on(Room::new(ClientId::new(9).unwrap()), bytes, true)
}

fn check_on(mut room: Room, bytes: &[u8], must_reload: bool) -> Result<(), TestCaseError> {
    let (view, revision) = (room.to_view(), room.revision());
    match room.apply_update(bytes) {
        Err(RoomError::MalformedUpdate { reason }) => {
            prop_assert!(!reason.is_empty());
            prop_assert_eq!(room.to_view(), view);
            prop_assert_eq!(room.revision(), revision);
        }
        Err(other) => prop_assert!(false, "unexpected error {other}"),
        Ok(()) if !must_reload => {}
        Ok(()) => {
            let copy = Room::from_snapshot(ClientId::new(4).unwrap(), room.snapshot().as_bytes());
            prop_assert_eq!(copy.map(|c| c.to_view()), Ok(room.to_view()));
        }
    }
    Ok(())
}

/// Valid updates with a few bytes changed, cut or inserted.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let (_, updates) = furnished();
    (
        prop::sample::select(updates),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4u8), 1..5),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, value, how) in edits {
                let i = at.index(bytes.len().max(1));
                match how {
                    0 if i < bytes.len() => bytes[i] = value,
                    1 => bytes.insert(i.min(bytes.len()), value),
                    2 if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => bytes.truncate(i),
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check(&bytes)?;
    }

    #[test]
    fn damaged_updates_never_panic(bytes in mutated()) {
        check(&bytes)?;
    }

    #[test]
    fn random_state_vectors_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let (room, _) = furnished();
        if let Ok(sv) = StateVector::from_bytes(bytes) {
            let diff = room.diff_since(&sv);
            let mut other = Room::new(ClientId::new(5).unwrap());
            prop_assert!(other.apply_update(diff.as_bytes()).is_ok() || other.waiting_updates() == 0);
        }
    }
}

#[test]
fn huge_counts_are_refused_without_allocating() {
    // Claims 2^32 − 1 clients in a 6-byte update.
    let err = Room::new(ClientId::new(1).unwrap())
        .apply_update(&[0xff, 0xff, 0xff, 0xff, 0x0f, 0])
        .unwrap_err();
    assert!(
        err.to_string().contains("exceeds the bytes that follow"),
        "{err}"
    );
}

#[test]
fn deeply_nested_values_are_refused_without_recursing() {
    let mut bytes = vec![1, 1, 5, 0, 8, 1, 1, b'r', 1];
    bytes.extend(std::iter::repeat_n([117u8, 1], 100_000).flatten());
    bytes.extend([126, 0]);
    let err = Room::new(ClientId::new(1).unwrap())
        .apply_update(&bytes)
        .unwrap_err();
    assert!(err.to_string().contains("nested deeper"), "{err}");
}

/// 256 cases by default; set PROPTEST_CASES for a longer search.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
