//! The facilitator's controls: the whiteboard lock (every whiteboard edit and
//! vote refused while it holds, on every replica that has received it) and the
//! session read-out (top-voted notes, and what was added since the session
//! started, judged by the replica clocks saved at its start).

use constellation_core::board::{BoardError, ImportError, NewNote, NoteColor, ParticipantId};
use constellation_core::commitments::{CommitmentKind, NewCommitment, Toward};
use constellation_core::goals::{Date, GoalId, NewGoal};
use constellation_core::network::{NewOrganization, NewPerson, NewTie, NodeRef, Sector, TieKind};
use constellation_core::{BoardId, ClientId, NoteId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn sync(a: &mut Room, b: &mut Room) {
    let to_b = a.diff_since(&b.state_vector());
    let to_a = b.diff_since(&a.state_vector());
    b.apply_update(to_b.as_bytes()).unwrap();
    a.apply_update(to_a.as_bytes()).unwrap();
}

fn note(room: &mut Room, board: &BoardId, text: &str) -> NoteId {
    room.add_note(NewNote {
        board: board.clone(),
        text: text.into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: "Ana".into(),
    })
    .unwrap()
    .1
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn goal(room: &mut Room) -> GoalId {
    room.add_goal(NewGoal {
        title: "Clean river".into(),
        statement: String::new(),
        hashtag: "#CleanRiver".into(),
        population: String::new(),
        start: date("2025-01-01"),
        end: date("2030-12-31"),
        parent: None,
    })
    .unwrap()
    .1
}

fn commitment(goal: &GoalId, organization: &str) -> NewCommitment {
    NewCommitment {
        organization: organization.into(),
        kind: CommitmentKind::StaffTime,
        description: "Two engineers one day a week".into(),
        amount: Some(400.0),
        unit: "hours".into(),
        toward: Toward::Goal(goal.clone()),
        due: date("2025-12-31"),
        made_on: date("2025-02-01"),
    }
}

fn org(name: &str) -> NewOrganization {
    NewOrganization { name: name.into(), sector: Sector::Government, tags: Vec::new() }
}

fn person(name: &str, organization: Option<String>) -> NewPerson {
    NewPerson { name: name.into(), organization, role: String::new(), level: None }
}

#[test]
fn the_board_starts_unlocked_and_the_lock_reaches_every_replica() {
    let mut a = room(1);
    let mut b = room(2);
    assert!(!a.board_locked());
    a.set_board_locked(true);
    assert!(a.board_locked());
    sync(&mut a, &mut b);
    assert!(b.board_locked());
    // Locking what is locked changes nothing.
    let revision = a.revision();
    assert!(a.set_board_locked(true).is_empty());
    assert_eq!(a.revision(), revision);
    b.set_board_locked(false);
    sync(&mut a, &mut b);
    assert!(!a.board_locked() && !b.board_locked());
}

#[test]
fn a_locked_board_refuses_every_whiteboard_edit_and_vote_and_changes_nothing() {
    let mut facilitator = room(1);
    let mut participant = room(2);
    let (_, board) = facilitator.add_board("Ideas").unwrap();
    facilitator.set_vote_allowance(&board, 3).unwrap();
    let first = note(&mut facilitator, &board, "Plant trees");
    sync(&mut facilitator, &mut participant);
    let voter = ParticipantId::new("p2");
    participant.place_vote(&voter, &first).unwrap();
    facilitator.set_board_locked(true);
    sync(&mut facilitator, &mut participant);

    let before = (participant.to_view(), participant.revision(), participant.state_vector());
    let locked = "the board is locked while votes are counted; wait until the facilitator unlocks it";
    let new_note = NewNote {
        board: board.clone(),
        text: "Late idea".into(),
        x: 0.0,
        y: 0.0,
        color: NoteColor::Yellow,
        author: "Bo".into(),
    };
    assert_eq!(participant.add_note(new_note.clone()).unwrap_err(), BoardError::Locked);
    assert_eq!(participant.add_note(new_note.clone()).unwrap_err().to_string(), locked);
    assert_eq!(participant.place_vote(&voter, &first).unwrap_err(), BoardError::Locked);
    assert_eq!(participant.remove_vote(&voter, &first).unwrap_err(), BoardError::Locked);
    assert_eq!(participant.edit_note_text(&first, "Changed").unwrap_err(), BoardError::Locked);
    assert_eq!(participant.move_note(&first, 10.0, 10.0).unwrap_err(), BoardError::Locked);
    assert_eq!(participant.delete_note(&first).unwrap_err(), BoardError::Locked);
    assert_eq!(participant.add_board("More").unwrap_err(), BoardError::Locked);
    assert_eq!(participant.set_vote_allowance(&board, 5).unwrap_err(), BoardError::Locked);
    let json = facilitator.export_board_json(&board).unwrap();
    assert_eq!(participant.import_board_json(&json).unwrap_err(), ImportError::Locked);
    // Their own earlier vote cannot be undone either while the lock holds.
    assert!(!participant.can_undo());
    assert!(participant.undo().is_empty());
    assert_eq!((participant.to_view(), participant.revision(), participant.state_vector()), before);
    assert_eq!(participant.tally(&board).votes_for(&first), 1);

    // Other sections stay open during the lock.
    participant.set_title("Town hall").unwrap();

    facilitator.set_board_locked(false);
    sync(&mut facilitator, &mut participant);
    participant.add_note(new_note).unwrap();
    participant.place_vote(&voter, &first).unwrap();
    assert_eq!(participant.tally(&board).votes_for(&first), 2);
    assert!(participant.can_undo());
}

#[test]
fn an_edit_made_before_the_lock_arrived_is_merged_during_the_lock() {
    let mut facilitator = room(1);
    let mut offline = room(2);
    let (_, board) = facilitator.add_board("Ideas").unwrap();
    facilitator.set_vote_allowance(&board, 3).unwrap();
    let first = note(&mut facilitator, &board, "Plant trees");
    sync(&mut facilitator, &mut offline);
    // The participant votes offline; meanwhile the facilitator locks the board.
    offline.place_vote(&ParticipantId::new("p2"), &first).unwrap();
    facilitator.set_board_locked(true);
    sync(&mut facilitator, &mut offline);
    assert!(facilitator.board_locked() && offline.board_locked());
    assert_eq!(facilitator.tally(&board).votes_for(&first), 1);
}

#[test]
fn without_a_session_the_read_out_lists_everything_and_ranks_voted_notes() {
    let mut room = room(1);
    let (_, board) = room.add_board("Ideas").unwrap();
    room.set_vote_allowance(&board, 3).unwrap();
    let trees = note(&mut room, &board, "Plant trees");
    let bikes = note(&mut room, &board, "Bike lanes");
    let _quiet = note(&mut room, &board, "No votes");
    for voter in ["a", "b"] {
        room.place_vote(&ParticipantId::new(voter), &bikes).unwrap();
    }
    room.place_vote(&ParticipantId::new("a"), &trees).unwrap();
    let goal = goal(&mut room);
    room.add_commitment(commitment(&goal, "Water Utility")).unwrap();
    room.add_organization(org("City Hall")).unwrap();

    let readout = room.session_readout(3);
    assert_eq!(readout.started_at, None);
    let top: Vec<(&str, u32, u32)> =
        readout.top_notes.iter().map(|n| (n.text.as_str(), n.rank, n.votes)).collect();
    assert_eq!(top, vec![("Bike lanes", 1, 2), ("Plant trees", 2, 1)]);
    assert!(readout.top_notes.iter().all(|n| n.board == "Ideas"));
    assert_eq!(readout.new_commitments.len(), 1);
    assert_eq!(readout.new_organizations.len(), 1);
    // Only the first `top` places are read out.
    assert_eq!(room.session_readout(1).top_notes.len(), 1);
}

#[test]
fn the_session_read_out_lists_only_what_was_added_after_the_start_on_any_replica() {
    let mut facilitator = room(1);
    let mut participant = room(2);
    let goal = goal(&mut facilitator);
    facilitator.add_commitment(commitment(&goal, "Old Partner")).unwrap();
    let (_, city) = facilitator.add_organization(org("City Hall")).unwrap();
    let (_, ana) = facilitator.add_person(person("Ana", Some(city.clone()))).unwrap();
    sync(&mut facilitator, &mut participant);
    // An edit the facilitator has not seen yet when the session starts.
    let (_, late) = participant.add_organization(org("River Trust")).unwrap();

    facilitator.start_session(1_800_000_000_000);
    assert_eq!(facilitator.session_start().unwrap().started_at, 1_800_000_000_000);
    let (_, bo) = participant.add_person(person("Bo", Some(late.clone()))).unwrap();
    participant.add_commitment(commitment(&goal, "River Trust")).unwrap();
    participant
        .add_tie(NewTie {
            from: NodeRef::Person(ana.clone()),
            to: NodeRef::Person(bo.clone()),
            kind: TieKind::Collaborates,
            trust: 4,
            directed: false,
            note: String::new(),
        })
        .unwrap();
    sync(&mut facilitator, &mut participant);

    for replica in [&facilitator, &participant] {
        let readout = replica.session_readout(3);
        assert_eq!(readout.started_at, Some(1_800_000_000_000));
        let commitments: Vec<&str> = readout.new_commitments.iter().map(|c| c.organization.as_str()).collect();
        assert_eq!(commitments, vec!["River Trust"]);
        let orgs: Vec<&str> = readout.new_organizations.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(orgs, vec!["River Trust"], "unseen by the facilitator at the start, so new");
        let people: Vec<&str> = readout.new_people.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(people, vec!["Bo"]);
        assert_eq!(readout.new_ties.len(), 1);
        assert_eq!((readout.new_ties[0].from.as_str(), readout.new_ties[0].to.as_str()), ("Ana", "Bo"));
    }

    // Starting again moves the start: nothing is new any more.
    facilitator.start_session(1_800_000_100_000);
    let readout = facilitator.session_readout(3);
    assert!(readout.new_commitments.is_empty() && readout.new_people.is_empty() && readout.new_ties.is_empty());
}

#[test]
fn is_new_reads_ids_leniently() {
    let mut facilitator = room(7);
    let (_, board) = facilitator.add_board("Ideas").unwrap();
    facilitator.start_session(5);
    let start = facilitator.session_start().unwrap();
    assert!(!start.is_new(board.as_str()));
    assert!(start.is_new("999-0"), "a replica unknown at the start");
    assert!(!start.is_new("not-an-id"));
    assert!(!start.is_new("plain"));
}
