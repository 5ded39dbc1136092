//! Property tests of the room document: replicas that receive the same edits
//! in any order, with duplicates, end identical; damaged bytes never panic.

use constellation_core::board::{NewNote, NoteColor};
use constellation_core::{ClientId, Room};
use proptest::prelude::*;

/// One random thing a participant does. Indices pick among what the replica
/// currently sees, so edits hit notes others are editing too.
#[derive(Debug, Clone)]
enum Op {
    AddBoard(String),
    AddNote { board: usize, text: String, x: i16, y: i16 },
    EditText { note: usize, text: String },
    Move { note: usize, x: i16, y: i16 },
    Recolour { note: usize, color: usize },
    Delete { note: usize },
    RenameBoard { board: usize, name: String },
    Title(String),
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[a-zé😀 <>]{0,12}";
    prop_oneof![
        1 => "[A-Z][a-z]{0,6}".prop_map(Op::AddBoard),
        4 => (any::<usize>(), text, any::<i16>(), any::<i16>()).prop_map(|(board, text, x, y)| Op::AddNote { board, text, x, y }),
        4 => (any::<usize>(), text).prop_map(|(note, text)| Op::EditText { note, text }),
        3 => (any::<usize>(), any::<i16>(), any::<i16>()).prop_map(|(note, x, y)| Op::Move { note, x, y }),
        2 => (any::<usize>(), 0..6usize).prop_map(|(note, color)| Op::Recolour { note, color }),
        1 => any::<usize>().prop_map(|note| Op::Delete { note }),
        1 => (any::<usize>(), "[a-z]{1,8}").prop_map(|(board, name)| Op::RenameBoard { board, name }),
        1 => "[a-z ]{0,10}".prop_map(Op::Title),
    ]
}

/// Applies `op` to `room` and returns the update it produced, if any.
fn apply(room: &mut Room, op: &Op) -> Option<Vec<u8>> {
    let boards = room.boards();
    let notes: Vec<_> = boards.iter().flat_map(|b| room.notes(&b.id)).collect();
    let pick_note = |i: usize| notes.get(i % notes.len().max(1)).map(|n| n.id.clone());
    let update = match op {
        Op::AddBoard(name) => room.add_board(name).ok().map(|(u, _)| u),
        Op::AddNote { board, text, x, y } => {
            let board = boards.get(board % boards.len().max(1))?.id.clone();
            let new = NewNote { board, text: text.clone(), x: f64::from(*x), y: f64::from(*y), color: NoteColor::Green, author: "p".into() };
            room.add_note(new).ok().map(|(u, _)| u)
        }
        Op::EditText { note, text } => room.set_note_text(&pick_note(*note)?, text).ok().map(|(u, _)| u),
        Op::Move { note, x, y } => room.move_note(&pick_note(*note)?, f64::from(*x), f64::from(*y)).ok().map(|(u, _)| u),
        Op::Recolour { note, color } => room.set_note_color(&pick_note(*note)?, NoteColor::ALL[*color]).ok().map(|(u, _)| u),
        Op::Delete { note } => room.delete_note(&pick_note(*note)?).ok().map(|(u, _)| u),
        Op::RenameBoard { board, name } => {
            let board = boards.get(board % boards.len().max(1))?.id.clone();
            room.rename_board(&board, name).ok().map(|(u, _)| u)
        }
        Op::Title(t) => room.set_title(t).ok().map(|(u, _)| u),
    };
    update.map(|u| u.into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Each replica edits concurrently (in rounds, seeing only what has been
    /// delivered so far), then every update reaches every replica in a random
    /// order with duplicates; one replica instead syncs by state vectors.
    #[test]
    fn replicas_converge_whatever_the_delivery(
        rounds in prop::collection::vec(prop::collection::vec((0..4usize, op()), 1..12), 1..5),
        seed in any::<u64>(),
    ) {
        let mut replicas: Vec<Room> = (1..=4).map(|c| Room::new(ClientId::new(c))).collect();
        // Everyone starts from a shared first board, as a real room does.
        let (first, _) = replicas[0].add_board("Ideas").unwrap();
        for r in &mut replicas[1..] { r.apply_update(first.as_bytes()).unwrap(); }

        let mut log: Vec<Vec<u8>> = vec![first.into_bytes()];
        let mut rng = seed;
        let mut next = move || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
        for round in rounds {
            for (who, op) in &round {
                if let Some(u) = apply(&mut replicas[*who], op) { log.push(u); }
            }
            // Partial delivery between rounds: some updates reach some replicas.
            for r in 0..4 {
                for u in &log {
                    if next() % 3 == 0 { replicas[r].apply_update(u).unwrap(); }
                }
            }
        }
        // Full delivery: replicas 0..3 get everything shuffled with duplicates.
        for r in 0..3 {
            let mut order: Vec<usize> = (0..log.len()).chain((0..log.len()).filter(|_| next() % 4 == 0)).collect();
            for i in (1..order.len()).rev() { order.swap(i, (next() % (i as u64 + 1)) as usize); }
            for i in order { replicas[r].apply_update(&log[i]).unwrap(); }
        }
        // Replica 3 syncs the way a reconnecting peer does: by state vector.
        let (left, right) = replicas.split_at_mut(3);
        let sv = right[0].state_vector();
        let diff = left[0].diff_since(&sv).unwrap();
        right[0].apply_update(diff.as_bytes()).unwrap();
        let back = right[0].diff_since(&left[0].state_vector()).unwrap();
        left[0].apply_update(back.as_bytes()).unwrap();

        let expected = replicas[0].to_view();
        for r in &replicas[1..] { prop_assert_eq!(&r.to_view(), &expected); }
        // A snapshot restores the same room.
        let restored = Room::from_snapshot(ClientId::new(99), replicas[0].snapshot().as_bytes()).unwrap();
        prop_assert_eq!(restored.to_view(), expected);
    }

    /// Arbitrary bytes never panic; refused bytes leave the room as it was.
    #[test]
    fn damaged_updates_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut room = Room::new(ClientId::new(1));
        let (_, board) = room.add_board("Ideas").unwrap();
        room.add_note(NewNote { board, text: "x".into(), x: 0.0, y: 0.0, color: NoteColor::Pink, author: "a".into() }).unwrap();
        let before = room.to_view();
        if room.apply_update(&bytes).is_err() {
            prop_assert_eq!(room.to_view(), before);
        }
    }

    /// Truncated or bit-flipped real updates never panic either.
    #[test]
    fn mangled_real_updates_never_panic(cut in 0usize..400, flip in any::<(usize, u8)>()) {
        let mut source = Room::new(ClientId::new(5));
        let (_, board) = source.add_board("Problems").unwrap();
        source.add_note(NewNote { board, text: "Floods in spring".into(), x: 1.0, y: 2.0, color: NoteColor::Blue, author: "b".into() }).unwrap();
        let mut bytes = source.snapshot().into_bytes();
        bytes.truncate(cut.min(bytes.len()));
        if !bytes.is_empty() { let i = flip.0 % bytes.len(); bytes[i] ^= flip.1; }
        let mut room = Room::new(ClientId::new(6));
        let before = room.to_view();
        if room.apply_update(&bytes).is_err() {
            prop_assert_eq!(room.to_view(), before);
        }
    }
}
