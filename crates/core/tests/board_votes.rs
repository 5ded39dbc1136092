//! Dot-voting: allowances, placing and removing votes, live totals, the ranked
//! list, and what happens when one person votes from two devices at once.

use constellation_core::board::{
    Ballot, BoardError, BoardId, NewNote, NoteColor, NoteId, ParticipantId, MAX_VOTE_ALLOWANCE,
};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn copy(room: &Room, client: u64) -> Room {
    Room::from_snapshot(ClientId::new(client).unwrap(), room.snapshot().as_bytes()).unwrap()
}

fn voter(name: &str) -> ParticipantId {
    ParticipantId::new(name)
}

/// A room with one board of `count` notes and the given allowance.
fn board(count: usize, allowance: u32) -> (Room, BoardId, Vec<NoteId>) {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    let notes = (0..count)
        .map(|i| {
            let new = NewNote {
                board: board.clone(),
                text: format!("idea {i}"),
                x: 200.0 * i as f64,
                y: 0.0,
                color: NoteColor::Yellow,
                author: "host".into(),
            };
            room.add_note(new).unwrap().1
        })
        .collect();
    if allowance > 0 {
        room.set_vote_allowance(&board, allowance).unwrap();
    }
    (room, board, notes)
}

#[test]
fn the_facilitator_sets_the_allowance() {
    let (mut room, board, _) = board(1, 0);
    assert_eq!(room.board(&board).unwrap().vote_allowance, 0);
    room.set_vote_allowance(&board, 5).unwrap();
    assert_eq!(room.board(&board).unwrap().vote_allowance, 5);
    assert!(room.set_vote_allowance(&board, 5).unwrap().is_empty());
    let err = room
        .set_vote_allowance(&board, MAX_VOTE_ALLOWANCE + 1)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a participant can have at most 99 votes on a board; 100 asked"
    );
    assert_eq!(room.board(&board).unwrap().vote_allowance, 5);
}

#[test]
fn votes_are_placed_up_to_the_allowance() {
    let (mut room, board, notes) = board(3, 3);
    let ana = voter("ana");
    room.place_vote(&ana, &notes[0]).unwrap();
    room.place_vote(&ana, &notes[0]).unwrap();
    room.place_vote(&ana, &notes[1]).unwrap();
    let refused = room.place_vote(&ana, &notes[2]).unwrap_err();
    assert_eq!(refused, BoardError::NoVotesLeft { allowance: 3 });
    assert_eq!(
        refused.to_string(),
        "all 3 of your votes on this board are placed; remove one to vote again"
    );
    let tally = room.tally(&board);
    assert_eq!(tally.votes_for(&notes[0]), 2);
    assert_eq!(tally.votes_for(&notes[1]), 1);
    assert_eq!(tally.votes_for(&notes[2]), 0);
    assert_eq!(tally.voters, 1);
    assert_eq!(
        room.ballot(&board, &ana),
        Ballot {
            allowance: 3,
            placed: 3,
            remaining: 0,
            over: 0,
            on: [(notes[0].clone(), 2), (notes[1].clone(), 1)].into(),
        }
    );
}

#[test]
fn each_participant_has_their_own_allowance() {
    let (mut room, board, notes) = board(2, 1);
    room.place_vote(&voter("ana"), &notes[0]).unwrap();
    room.place_vote(&voter("ben"), &notes[0]).unwrap();
    room.place_vote(&voter("cy"), &notes[1]).unwrap();
    let tally = room.tally(&board);
    assert_eq!(tally.votes_for(&notes[0]), 2);
    assert_eq!(tally.voters, 3);
}

#[test]
fn allowances_are_per_board() {
    let (mut room, first, notes) = board(1, 1);
    let second = room.add_board("Actions").unwrap().1;
    room.set_vote_allowance(&second, 1).unwrap();
    let new = NewNote {
        board: second.clone(),
        text: "act".into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Green,
        author: String::new(),
    };
    let action = room.add_note(new).unwrap().1;
    let ana = voter("ana");
    room.place_vote(&ana, &notes[0]).unwrap();
    room.place_vote(&ana, &action).unwrap();
    assert_eq!(room.ballot(&first, &ana).placed, 1);
    assert_eq!(room.ballot(&second, &ana).placed, 1);
}

#[test]
fn votes_are_taken_back_one_at_a_time() {
    let (mut room, board, notes) = board(2, 3);
    let ana = voter("ana");
    room.place_vote(&ana, &notes[0]).unwrap();
    room.place_vote(&ana, &notes[0]).unwrap();
    room.remove_vote(&ana, &notes[0]).unwrap();
    assert_eq!(room.tally(&board).votes_for(&notes[0]), 1);
    room.remove_vote(&ana, &notes[0]).unwrap();
    assert_eq!(
        room.remove_vote(&ana, &notes[0]),
        Err(BoardError::NoVoteToRemove(notes[0].clone()))
    );
    // Someone else's vote cannot be taken back.
    room.place_vote(&voter("ben"), &notes[1]).unwrap();
    assert!(room.remove_vote(&ana, &notes[1]).is_err());
    assert_eq!(room.ballot(&board, &ana).remaining, 3);
}

#[test]
fn voting_needs_an_open_board_a_live_note_and_a_valid_voter() {
    let (mut room, board, notes) = board(1, 0);
    let ana = voter("ana");
    assert_eq!(
        room.place_vote(&ana, &notes[0]),
        Err(BoardError::VotingClosed(board.clone()))
    );
    room.set_vote_allowance(&board, 2).unwrap();
    let gone = NoteId::new("3-3");
    assert_eq!(
        room.place_vote(&ana, &gone),
        Err(BoardError::UnknownNote(gone))
    );
    for bad in ["", "has space", "tab\t", &"x".repeat(65)] {
        let err = room.place_vote(&voter(bad), &notes[0]).unwrap_err();
        assert!(
            matches!(err, BoardError::InvalidParticipant { max: 64 }),
            "{bad:?}"
        );
    }
    assert!(room.place_vote(&voter(&"x".repeat(64)), &notes[0]).is_ok());
}

#[test]
fn closing_voting_hides_the_totals_and_reopening_shows_them() {
    let (mut room, board, notes) = board(1, 2);
    room.place_vote(&voter("ana"), &notes[0]).unwrap();
    room.set_vote_allowance(&board, 0).unwrap();
    assert_eq!(room.tally(&board).votes_for(&notes[0]), 0);
    room.set_vote_allowance(&board, 2).unwrap();
    assert_eq!(room.tally(&board).votes_for(&notes[0]), 1);
}

#[test]
fn lowering_the_allowance_counts_each_persons_first_votes() {
    let (mut room, board, notes) = board(3, 3);
    let ana = voter("ana");
    for note in &notes {
        room.place_vote(&ana, note).unwrap();
    }
    room.set_vote_allowance(&board, 2).unwrap();
    let tally = room.tally(&board);
    assert_eq!(
        notes.iter().map(|n| tally.votes_for(n)).collect::<Vec<_>>(),
        [1, 1, 0]
    );
    let ballot = room.ballot(&board, &ana);
    assert_eq!((ballot.placed, ballot.remaining, ballot.over), (3, 0, 1));
    assert!(room.place_vote(&ana, &notes[0]).is_err());
    // Taking back the uncounted vote brings the ballot within the allowance.
    room.remove_vote(&ana, &notes[2]).unwrap();
    assert_eq!(room.ballot(&board, &ana).over, 0);
}

#[test]
fn two_devices_of_one_voter_overspending_count_only_the_allowance() {
    let (mut phone, board, notes) = board(2, 1);
    let mut laptop = copy(&phone, 2);
    let ana = voter("ana");
    // Both devices place Ana's last vote before hearing of the other.
    let (from_phone, phone_vote) = phone.place_vote(&ana, &notes[0]).unwrap();
    let (from_laptop, laptop_vote) = laptop.place_vote(&ana, &notes[1]).unwrap();
    phone.apply_update(from_laptop.as_bytes()).unwrap();
    laptop.apply_update(from_phone.as_bytes()).unwrap();

    for room in [&phone, &laptop] {
        // Both votes are kept; one counts, the same one everywhere: the phone's
        // (client 1 comes before client 2).
        assert_eq!(room.to_view().votes.len(), 2);
        let tally = room.tally(&board);
        assert_eq!(tally.votes_for(&notes[0]), 1);
        assert_eq!(tally.votes_for(&notes[1]), 0);
        let ballot = room.ballot(&board, &ana);
        assert_eq!((ballot.placed, ballot.over), (2, 1));
    }
    assert_ne!(phone_vote, laptop_vote);
    // Raising the allowance makes the other vote count too: nothing was lost.
    phone.set_vote_allowance(&board, 2).unwrap();
    assert_eq!(phone.tally(&board).votes_for(&notes[1]), 1);
}

#[test]
fn concurrent_votes_by_many_people_all_count_once() {
    let (host, board, notes) = board(2, 3);
    let mut replicas: Vec<Room> = (0..5).map(|i| copy(&host, 10 + i)).collect();
    let mut updates = Vec::new();
    for (i, room) in replicas.iter_mut().enumerate() {
        let who = voter(&format!("p{i}"));
        for note in [&notes[0], &notes[1], &notes[0]] {
            updates.push(room.place_vote(&who, note).unwrap().0);
        }
    }
    for room in &mut replicas {
        // Every update twice, in reverse order: duplicates change nothing.
        for update in updates.iter().rev().chain(updates.iter()) {
            room.apply_update(update.as_bytes()).unwrap();
        }
    }
    for room in &replicas {
        let tally = room.tally(&board);
        assert_eq!(tally.votes_for(&notes[0]), 10);
        assert_eq!(tally.votes_for(&notes[1]), 5);
        assert_eq!(tally.voters, 5);
    }
}

#[test]
fn two_devices_removing_the_same_vote_remove_it_once() {
    let (mut phone, board, notes) = board(1, 3);
    let ana = voter("ana");
    phone.place_vote(&ana, &notes[0]).unwrap();
    phone.place_vote(&ana, &notes[0]).unwrap();
    let mut laptop = copy(&phone, 2);
    let a = phone.remove_vote(&ana, &notes[0]).unwrap();
    let b = laptop.remove_vote(&ana, &notes[0]).unwrap();
    phone.apply_update(b.as_bytes()).unwrap();
    laptop.apply_update(a.as_bytes()).unwrap();
    assert_eq!(phone.tally(&board).votes_for(&notes[0]), 1);
    assert_eq!(phone.to_view(), laptop.to_view());
}

#[test]
fn votes_on_a_note_deleted_meanwhile_neither_count_nor_use_the_allowance() {
    let (mut a, board, notes) = board(2, 1);
    let mut b = copy(&a, 2);
    let ana = voter("ana");
    let deletion = a.delete_note(&notes[0]).unwrap();
    let vote = b.place_vote(&ana, &notes[0]).unwrap().0;
    a.apply_update(vote.as_bytes()).unwrap();
    b.apply_update(deletion.as_bytes()).unwrap();
    for room in [&mut a, &mut b] {
        assert!(room.tally(&board).totals.is_empty());
        assert_eq!(room.ballot(&board, &ana).remaining, 1);
        assert!(room.to_view().votes.is_empty());
    }
    a.place_vote(&ana, &notes[1]).unwrap();
}

#[test]
fn deleting_a_note_deletes_its_votes() {
    let (mut room, board, notes) = board(2, 2);
    let ana = voter("ana");
    room.place_vote(&ana, &notes[0]).unwrap();
    room.place_vote(&ana, &notes[1]).unwrap();
    room.delete_note(&notes[0]).unwrap();
    assert_eq!(room.to_view().votes.len(), 1);
    assert_eq!(room.ballot(&board, &ana).remaining, 1);
}

#[test]
fn the_ranked_list_orders_by_votes_with_shared_ranks_and_a_stable_tie_break() {
    let (mut room, board, notes) = board(5, 3);
    for (who, picks) in [("ana", [1, 1, 3]), ("ben", [3, 1, 4]), ("cy", [4, 0, 2])] {
        for pick in picks {
            room.place_vote(&voter(who), &notes[pick]).unwrap();
        }
    }
    // Votes: n0 1, n1 3, n2 1, n3 2, n4 2.
    let ranked: Vec<(u32, u32, &str)> = room
        .ranked(&board)
        .iter()
        .map(|r| {
            (
                r.rank,
                r.votes,
                notes.iter().position(|n| *n == r.note.id).unwrap(),
            )
        })
        .map(|(rank, votes, index)| (rank, votes, ["n0", "n1", "n2", "n3", "n4"][index]))
        .collect();
    assert_eq!(
        ranked,
        [
            (1, 3, "n1"),
            (2, 2, "n3"),
            (2, 2, "n4"),
            (4, 1, "n0"),
            (4, 1, "n2")
        ]
    );
    assert!(room.ranked(&BoardId::new("none")).is_empty());
}

#[test]
fn ids_order_naturally_in_ties() {
    // A note added later by the same replica comes after, even past clock 9.
    let (mut room, board, notes) = board(12, 1);
    room.place_vote(&voter("ana"), &notes[11]).unwrap();
    let ranked = room.ranked(&board);
    assert_eq!(ranked[0].note.id, notes[11]);
    let rest: Vec<&NoteId> = ranked[1..].iter().map(|r| &r.note.id).collect();
    assert_eq!(rest, notes[..11].iter().collect::<Vec<_>>());
}

#[test]
fn a_replica_that_missed_nothing_agrees_on_totals_whatever_the_order() {
    let (host, board, notes) = board(3, 2);
    let mut a = copy(&host, 2);
    let mut b = copy(&host, 3);
    let updates = vec![
        a.place_vote(&voter("ana"), &notes[0]).unwrap().0,
        a.place_vote(&voter("ana"), &notes[1]).unwrap().0,
        a.remove_vote(&voter("ana"), &notes[0]).unwrap(),
        b.place_vote(&voter("ben"), &notes[2]).unwrap().0,
    ];
    let mut forward = copy(&host, 4);
    let mut backward = copy(&host, 5);
    for u in &updates {
        forward.apply_update(u.as_bytes()).unwrap();
    }
    for u in updates.iter().rev() {
        backward.apply_update(u.as_bytes()).unwrap();
    }
    assert_eq!(forward.tally(&board), backward.tally(&board));
    assert_eq!(forward.tally(&board).votes_for(&notes[0]), 0);
}
