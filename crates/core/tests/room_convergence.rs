//! Replicas that edit the same room concurrently converge, whatever the order,
//! duplication or route (single updates or state-vector diffs) of delivery.

mod delivery;

use delivery::{deliver_all, receive_some, Shuffle};
use constellation_core::board::{ClusterId, LinkId, NewCluster, ParticipantId};
use constellation_core::{BoardId, ClientId, NewNote, NoteColor, NoteId, Room, Update};
use proptest::prelude::*;

const REPLICAS: usize = 4;

/// One thing a participant does. Indices pick among what that replica currently
/// sees (modulo its length), so operations target existing boards and notes, and
/// different replicas often pick the same note.
#[derive(Debug, Clone)]
enum Op {
    SetTitle(String),
    AddBoard(String),
    RenameBoard(usize, String),
    AddNote(usize, String, i16, i16, usize),
    EditText(usize, String),
    Move(usize, i16, i16),
    SetColor(usize, usize),
    Delete(usize),
    MoveBy(usize, i8, i8),
    MoveBoard(usize, usize),
    DeleteBoard(usize),
    SetAllowance(usize, u8),
    /// Place (true) or remove a vote of one of a few participants on a note.
    Vote(bool, usize, usize),
    AddCluster(usize, i16, i16),
    MoveCluster(usize, i16, i16),
    ResizeCluster(usize, u8, u8),
    DeleteCluster(usize),
    AddLink(usize, usize, String),
    DeleteLink(usize),
    Undo,
    Redo,
    /// Receive some of the updates produced so far, picked by the seed.
    Receive(u64),
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'b', ' ', 'é', '😀', '\n', 'Z']),
        0..8,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => text().prop_map(Op::SetTitle),
        1 => text().prop_map(|name| Op::AddBoard(format!("B{name}"))),
        1 => (any::<usize>(), text()).prop_map(|(i, name)| Op::RenameBoard(i, format!("R{name}"))),
        3 => (any::<usize>(), text(), any::<i16>(), any::<i16>(), any::<usize>())
            .prop_map(|(b, t, x, y, c)| Op::AddNote(b, t, x, y, c)),
        4 => (any::<usize>(), text()).prop_map(|(n, t)| Op::EditText(n, t)),
        3 => (any::<usize>(), any::<i16>(), any::<i16>()).prop_map(|(n, x, y)| Op::Move(n, x, y)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, c)| Op::SetColor(n, c)),
        2 => any::<usize>().prop_map(Op::Delete),
        1 => (any::<usize>(), any::<i8>(), any::<i8>()).prop_map(|(n, x, y)| Op::MoveBy(n, x, y)),
        1 => (any::<usize>(), 0..4usize).prop_map(|(b, i)| Op::MoveBoard(b, i)),
        1 => any::<usize>().prop_map(Op::DeleteBoard),
        1 => (any::<usize>(), 0..4u8).prop_map(|(b, a)| Op::SetAllowance(b, a)),
        3 => (any::<bool>(), any::<usize>(), 0..3usize).prop_map(|(p, n, v)| Op::Vote(p, n, v)),
        1 => (any::<usize>(), any::<i16>(), any::<i16>()).prop_map(|(b, x, y)| Op::AddCluster(b, x, y)),
        1 => (any::<usize>(), any::<i16>(), any::<i16>()).prop_map(|(c, x, y)| Op::MoveCluster(c, x, y)),
        1 => (any::<usize>(), any::<u8>(), any::<u8>()).prop_map(|(c, w, h)| Op::ResizeCluster(c, w, h)),
        1 => any::<usize>().prop_map(Op::DeleteCluster),
        1 => (any::<usize>(), any::<usize>(), text()).prop_map(|(a, b, l)| Op::AddLink(a, b, l)),
        1 => any::<usize>().prop_map(Op::DeleteLink),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        2 => any::<u64>().prop_map(Op::Receive),
    ]
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[index % items.len()].clone())
}

/// Performs `op` on `room`; returns the update it produced, if it was allowed.
fn perform(room: &mut Room, op: &Op) -> Option<Update> {
    let view = room.to_view();
    let boards: Vec<BoardId> = view.boards.iter().map(|b| b.id.clone()).collect();
    let notes: Vec<NoteId> = view.notes.iter().map(|n| n.id.clone()).collect();
    let clusters: Vec<ClusterId> = view.clusters.iter().map(|c| c.id.clone()).collect();
    let links: Vec<LinkId> = view.links.iter().map(|l| l.id.clone()).collect();
    let result = match op {
        Op::SetTitle(title) => room.set_title(title).ok(),
        Op::AddBoard(name) => room.add_board(name).ok().map(|(update, _)| update),
        Op::RenameBoard(i, name) => room.rename_board(&pick(&boards, *i)?, name).ok(),
        Op::AddNote(b, text, x, y, c) => {
            let new = NewNote {
                board: pick(&boards, *b)?,
                text: text.clone(),
                x: f64::from(*x),
                y: f64::from(*y),
                color: NoteColor::ALL[c % NoteColor::ALL.len()],
                author: format!("client {}", room.client()),
            };
            room.add_note(new).ok().map(|(update, _)| update)
        }
        Op::EditText(n, text) => room.edit_note_text(&pick(&notes, *n)?, text).ok(),
        Op::Move(n, x, y) => room
            .move_note(&pick(&notes, *n)?, f64::from(*x), f64::from(*y))
            .ok(),
        Op::SetColor(n, c) => room
            .set_note_color(&pick(&notes, *n)?, NoteColor::ALL[c % 6])
            .ok(),
        Op::Delete(n) => room.delete_note(&pick(&notes, *n)?).ok(),
        Op::MoveBy(n, dx, dy) => room
            .move_note_by(&pick(&notes, *n)?, f64::from(*dx), f64::from(*dy))
            .ok(),
        Op::MoveBoard(b, index) => room.move_board(&pick(&boards, *b)?, *index).ok(),
        Op::DeleteBoard(b) => room.delete_board(&pick(&boards, *b)?).ok(),
        Op::SetAllowance(b, allowance) => room
            .set_vote_allowance(&pick(&boards, *b)?, u32::from(*allowance))
            .ok(),
        Op::Vote(place, n, voter) => {
            let voter = ParticipantId::new(["ana", "ben", "cy"][*voter]);
            let note = pick(&notes, *n)?;
            if *place {
                room.place_vote(&voter, &note)
                    .ok()
                    .map(|(update, _)| update)
            } else {
                room.remove_vote(&voter, &note).ok()
            }
        }
        Op::AddCluster(b, x, y) => {
            let new = NewCluster {
                board: pick(&boards, *b)?,
                label: "area".into(),
                x: f64::from(*x),
                y: f64::from(*y),
                width: 300.0,
                height: 200.0,
            };
            room.add_cluster(new).ok().map(|(update, _)| update)
        }
        Op::MoveCluster(c, x, y) => room
            .move_cluster(&pick(&clusters, *c)?, f64::from(*x), f64::from(*y))
            .ok(),
        Op::ResizeCluster(c, w, h) => room
            .resize_cluster(
                &pick(&clusters, *c)?,
                40.0 + f64::from(*w) * 4.0,
                40.0 + f64::from(*h) * 4.0,
            )
            .ok(),
        Op::DeleteCluster(c) => room.delete_cluster(&pick(&clusters, *c)?).ok(),
        Op::AddLink(a, b, label) => room
            .add_link(&pick(&notes, *a)?, &pick(&notes, *b)?, label)
            .ok()
            .map(|(update, _)| update),
        Op::DeleteLink(l) => room.delete_link(&pick(&links, *l)?).ok(),
        Op::Undo => Some(room.undo()),
        Op::Redo => Some(room.redo()),
        Op::Receive(_) => None,
    };
    // Only an edit that can change nothing (the same text again, a board moved
    // where it is, nothing to undo…) may produce an empty update, and then
    // nothing changed.
    let may_be_empty = matches!(
        op,
        Op::EditText(..)
            | Op::MoveBoard(..)
            | Op::SetAllowance(..)
            | Op::ResizeCluster(..)
            | Op::Undo
            | Op::Redo
    );
    if let (Some(update), Op::EditText(..)) = (&result, op) {
        assert_eq!(update.is_empty(), view == room.to_view(), "{op:?}");
    } else if let (Some(update), true) = (&result, may_be_empty) {
        if update.is_empty() {
            assert_eq!(
                view,
                room.to_view(),
                "{op:?} changed the room with an empty update"
            );
        }
    } else if let Some(update) = &result {
        assert!(!update.is_empty(), "{op:?} produced an empty update");
    }
    result
}

fn run(steps: Vec<(usize, Op)>, seed: u64, diff_replicas: usize) -> Result<(), TestCaseError> {
    let mut shuffle = Shuffle(seed);
    let mut rooms: Vec<Room> = (0..REPLICAS)
        .map(|i| Room::new(ClientId::new(100 + i as u64).unwrap()))
        .collect();
    let mut log: Vec<Update> = Vec::new();

    // A shared start, so that replicas edit the same notes concurrently.
    let board = rooms[0].add_board("Start").unwrap();
    log.push(board.0);
    for text in ["one", "two", "three"] {
        let new = NewNote {
            board: board.1.clone(),
            text: text.into(),
            x: 0.0,
            y: 0.0,
            color: NoteColor::Yellow,
            author: "host".into(),
        };
        log.push(rooms[0].add_note(new).unwrap().0);
    }
    for room in &mut rooms[1..] {
        for update in &log {
            room.apply_update(update.as_bytes()).unwrap();
        }
    }

    for (replica, op) in &steps {
        let room = &mut rooms[*replica % REPLICAS];
        if let Op::Receive(pick_seed) = op {
            receive_some(room, &log, *pick_seed)?;
        } else if let Some(update) = perform(room, op) {
            log.push(update);
        }
    }

    // The first replicas receive every update, in a random order with duplicates;
    // the last `diff_replicas` catch up through state-vector diffs instead.
    deliver_all(&mut rooms, &log, diff_replicas, &mut shuffle)?;

    let expected = rooms[0].to_view();
    for (i, room) in rooms.iter().enumerate() {
        prop_assert_eq!(room.waiting_updates(), 0, "replica {} still waits", i);
        prop_assert_eq!(&room.to_view(), &expected, "replica {} differs", i);
        let copy =
            Room::from_snapshot(ClientId::new(999).unwrap(), room.snapshot().as_bytes()).unwrap();
        prop_assert_eq!(
            &copy.to_view(),
            &expected,
            "snapshot of replica {} differs",
            i
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge(
        steps in prop::collection::vec((0..REPLICAS, op()), 1..60),
        seed in any::<u64>(),
        diff_replicas in 0..3usize,
    ) {
        run(steps, seed, diff_replicas)?;
    }
}

#[test]
fn replicas_converge_on_a_fixed_busy_session() {
    let steps: Vec<(usize, Op)> = (0..200)
        .map(|i| {
            let op = match i % 11 {
                0 => Op::EditText(i, format!("edit {i} 😀")),
                1 => Op::Move(i / 2, i as i16, -(i as i16)),
                2 => Op::Receive(i as u64),
                3 => Op::AddNote(i, format!("note {i}"), 1, 2, i),
                4 => Op::SetColor(i, i),
                5 => Op::Delete(i * 3),
                6 => Op::Vote(i % 3 != 0, i, i % 3),
                7 => Op::SetAllowance(i, (i % 4) as u8),
                8 => Op::Undo,
                9 => Op::AddLink(i, i / 3, format!("{i}")),
                _ => Op::RenameBoard(i, format!("board {i}")),
            };
            (i % REPLICAS, op)
        })
        .collect();
    run(steps, 7, 1).unwrap();
}

/// 64 cases by default; set PROPTEST_CASES for a longer search.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
