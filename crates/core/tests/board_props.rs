//! Property tests of the whiteboard under concurrency: several replicas move,
//! edit and vote on the same notes (one person on two devices among them),
//! receive each other's updates in random order with duplicates, and must end
//! with the same board, with every vote placed and not taken back counted
//! exactly as the tally rule says — none lost, none counted twice.

mod delivery;

use delivery::{deliver_all, receive_some, Shuffle};
use std::collections::{BTreeMap, BTreeSet};

use constellation_core::board::{
    natural_order, BoardId, ClusterId, NewCluster, NewNote, NoteColor, NoteId, ParticipantId,
    VoteId,
};
use constellation_core::{ClientId, Room, Update};
use proptest::prelude::*;

const REPLICAS: usize = 4;
/// Replicas 0 and 1 are one person's phone and laptop.
const VOTERS: [&str; REPLICAS] = ["ana", "ana", "ben", "cy"];
const NOTES: usize = 4;

#[derive(Debug, Clone)]
enum Op {
    Move(usize, i16, i16),
    Nudge(usize, i8, i8),
    Edit(usize, String),
    Place(usize),
    Remove(usize),
    SetAllowance(u8),
    MoveCluster(i16, i16),
    Receive(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let text = prop::collection::vec(prop::sample::select(vec!['a', 'b', ' ', 'é', '😀']), 0..6)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    prop_oneof![
        3 => (0..NOTES, any::<i16>(), any::<i16>()).prop_map(|(n, x, y)| Op::Move(n, x, y)),
        2 => (0..NOTES, any::<i8>(), any::<i8>()).prop_map(|(n, x, y)| Op::Nudge(n, x, y)),
        3 => (0..NOTES, text).prop_map(|(n, t)| Op::Edit(n, t)),
        5 => (0..NOTES).prop_map(Op::Place),
        2 => (0..NOTES).prop_map(Op::Remove),
        1 => (0..5u8).prop_map(Op::SetAllowance),
        1 => (any::<i16>(), any::<i16>()).prop_map(|(x, y)| Op::MoveCluster(x, y)),
        3 => any::<u64>().prop_map(Op::Receive),
    ]
}

struct Setup {
    rooms: Vec<Room>,
    log: Vec<Update>,
    board: BoardId,
    notes: Vec<NoteId>,
    cluster: ClusterId,
}

fn setup() -> Setup {
    let mut host = Room::new(ClientId::new(1).unwrap());
    let mut log = Vec::new();
    let (update, board) = host.add_board("Ideas").unwrap();
    log.push(update);
    let (update, cluster) = host
        .add_cluster(NewCluster {
            board: board.clone(),
            label: "Group".into(),
            x: 0.0,
            y: 0.0,
            width: 500.0,
            height: 400.0,
        })
        .unwrap();
    log.push(update);
    let mut notes = Vec::new();
    for i in 0..NOTES {
        let new = NewNote {
            board: board.clone(),
            text: format!("note {i}"),
            x: 100.0 * i as f64,
            y: 50.0,
            color: NoteColor::Yellow,
            author: "host".into(),
        };
        let (update, id) = host.add_note(new).unwrap();
        log.push(update);
        notes.push(id);
    }
    log.push(host.set_vote_allowance(&board, 2).unwrap());
    let rooms = (0..REPLICAS)
        .map(|i| {
            Room::from_snapshot(
                ClientId::new(100 + i as u64).unwrap(),
                host.snapshot().as_bytes(),
            )
            .unwrap()
        })
        .collect();
    Setup {
        rooms,
        log,
        board,
        notes,
        cluster,
    }
}

fn vote_ids(room: &Room) -> BTreeSet<VoteId> {
    room.to_view().votes.into_iter().map(|v| v.id).collect()
}

fn run(steps: Vec<(usize, Op)>, seed: u64, allowance_changes: bool) -> Result<(), TestCaseError> {
    let Setup {
        mut rooms,
        mut log,
        board,
        notes,
        cluster,
    } = setup();
    let mut placed: BTreeMap<VoteId, &str> = BTreeMap::new();
    let mut removed: BTreeSet<VoteId> = BTreeSet::new();

    for (replica, op) in &steps {
        let room = &mut rooms[*replica];
        let voter = ParticipantId::new(VOTERS[*replica]);
        let before = vote_ids(room);
        let update = match op {
            Op::Move(n, x, y) => room
                .move_note(&notes[*n], f64::from(*x), f64::from(*y))
                .ok(),
            Op::Nudge(n, dx, dy) => room
                .move_note_by(&notes[*n], f64::from(*dx), f64::from(*dy))
                .ok(),
            Op::Edit(n, text) => room.edit_note_text(&notes[*n], text).ok(),
            Op::Place(n) => room
                .place_vote(&voter, &notes[*n])
                .ok()
                .map(|(update, id)| {
                    placed.insert(id, VOTERS[*replica]);
                    update
                }),
            Op::Remove(n) => room.remove_vote(&voter, &notes[*n]).ok(),
            Op::SetAllowance(_) if !allowance_changes => None,
            Op::SetAllowance(a) => room.set_vote_allowance(&board, u32::from(*a)).ok(),
            Op::MoveCluster(x, y) => room
                .move_cluster(&cluster, f64::from(*x), f64::from(*y))
                .ok(),
            Op::Receive(pick) => {
                receive_some(room, &log, *pick)?;
                None
            }
        };
        let after = vote_ids(room);
        if let Op::Remove(_) = op {
            let gone: Vec<&VoteId> = before.difference(&after).collect();
            prop_assert_eq!(
                gone.len(),
                usize::from(update.is_some()),
                "a removal takes exactly one vote"
            );
            removed.extend(gone.into_iter().cloned());
        } else if !matches!(op, Op::Receive(_)) {
            prop_assert!(
                before.difference(&after).next().is_none(),
                "{:?} removed a vote",
                op
            );
        }
        if let Op::Place(_) = op {
            // A single-device voter never holds more than the allowance while it stays fixed.
            let ballot = room.ballot(&board, &voter);
            if !allowance_changes && VOTERS[*replica] != "ana" {
                prop_assert_eq!(ballot.over, 0);
            }
        }
        log.extend(update);
    }

    deliver_all(&mut rooms, &log, 0, &mut Shuffle(seed))?;

    let view = rooms[0].to_view();
    let tally = rooms[0].tally(&board);
    for (i, room) in rooms.iter().enumerate() {
        prop_assert_eq!(room.waiting_updates(), 0);
        prop_assert_eq!(&room.to_view(), &view, "replica {} differs", i);
        prop_assert_eq!(
            &room.tally(&board),
            &tally,
            "replica {} counts differently",
            i
        );
        prop_assert_eq!(
            room.export_board_svg(&board),
            rooms[0].export_board_svg(&board)
        );
    }

    // No vote lost, none resurrected, none duplicated.
    let expected: BTreeSet<VoteId> = placed
        .keys()
        .filter(|id| !removed.contains(*id))
        .cloned()
        .collect();
    let held: Vec<VoteId> = view.votes.iter().map(|v| v.id.clone()).collect();
    prop_assert_eq!(held.len(), expected.len());
    prop_assert_eq!(held.into_iter().collect::<BTreeSet<_>>(), expected);
    for vote in &view.votes {
        prop_assert_eq!(Some(&vote.voter.as_str()), placed.get(&vote.id));
    }

    // The tally counts each voter's first `allowance` votes by id, nothing else.
    let allowance = view.boards[0].vote_allowance;
    let mut by_voter: BTreeMap<&str, Vec<&VoteId>> = BTreeMap::new();
    let mut note_of = BTreeMap::new();
    for vote in &view.votes {
        by_voter
            .entry(vote.voter.as_str())
            .or_default()
            .push(&vote.id);
        note_of.insert(&vote.id, &vote.note);
    }
    let mut totals: BTreeMap<NoteId, u32> = BTreeMap::new();
    for (voter, mut ids) in by_voter {
        ids.sort_by(|a, b| natural_order(a.as_str(), b.as_str()));
        for id in ids.iter().take(allowance as usize) {
            *totals.entry(note_of[id].clone()).or_default() += 1;
        }
        let ballot = rooms[0].ballot(&board, &ParticipantId::new(voter));
        prop_assert_eq!(ballot.placed as usize, ids.len());
        prop_assert_eq!(
            ballot.over as usize,
            ids.len().saturating_sub(allowance as usize)
        );
    }
    prop_assert_eq!(&tally.totals, &totals);
    let counted: u32 = tally.totals.values().sum();
    prop_assert!(
        counted <= allowance * 3,
        "three people, {} votes each",
        allowance
    );

    let ranked = rooms[0].ranked(&board);
    prop_assert_eq!(ranked.len(), NOTES);
    prop_assert!(ranked.windows(2).all(|w| w[0].votes >= w[1].votes));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn moves_edits_and_votes_converge_and_no_vote_is_lost(
        steps in prop::collection::vec((0..REPLICAS, op()), 1..80),
        seed in any::<u64>(),
    ) {
        run(steps, seed, false)?;
    }

    #[test]
    fn the_tally_stays_coherent_while_the_allowance_changes(
        steps in prop::collection::vec((0..REPLICAS, op()), 1..80),
        seed in any::<u64>(),
    ) {
        run(steps, seed, true)?;
    }
}

#[test]
fn a_busy_voting_session_converges() {
    let steps: Vec<(usize, Op)> = (0..300)
        .map(|i| {
            let op = match i % 6 {
                0 | 1 => Op::Place(i % NOTES),
                2 => Op::Move(i % NOTES, i as i16, 7),
                3 => Op::Receive(i as u64),
                4 => Op::Remove((i / 2) % NOTES),
                _ => Op::Edit(i % NOTES, format!("{i}")),
            };
            (i % REPLICAS, op)
        })
        .collect();
    run(steps, 11, false).unwrap();
}

/// 64 cases by default; set PROPTEST_CASES for a longer search.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
