//! Commitments, check-ins with responses from anyone, and roles: typed
//! operations, refusals that change nothing, forms, and concurrent edits.

use constellation_core::commitments::{
    validate_check_in, validate_commitment, CheckInDraft, CommitmentDraft, CommitmentError,
    CommitmentField, CommitmentKind, CommitmentStatus, NewCheckIn, NewCommitment, NewResponse,
    ParticipantRoles, ResponseKind, Role, StatusChange, Toward,
};
use constellation_core::goals::{Date, Direction, GoalId, MeasureType, NewGoal, NewIndicator};
use constellation_core::{ClientId, Room};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn new_room(client: u64) -> (Room, GoalId) {
    let mut room = Room::new(ClientId::new(client).unwrap());
    let goal = room
        .add_goal(NewGoal {
            title: "Clean river".into(),
            statement: String::new(),
            hashtag: "#CleanRiver".into(),
            population: String::new(),
            start: date("2025-01-01"),
            end: date("2030-12-31"),
            parent: None,
        })
        .unwrap()
        .1;
    (room, goal)
}

fn commitment(goal: &GoalId) -> NewCommitment {
    NewCommitment {
        organization: "Water Utility".into(),
        kind: CommitmentKind::StaffTime,
        description: "Two engineers one day a week".into(),
        amount: Some(400.0),
        unit: "hours".into(),
        toward: Toward::Goal(goal.clone()),
        due: date("2025-12-31"),
        made_on: date("2025-02-01"),
    }
}

fn check_in(on: &str) -> NewCheckIn {
    NewCheckIn {
        date: date(on),
        by: "Ana (Water Utility)".into(),
        text: "First 80 hours done".into(),
        evidence: "https://example.org/report.pdf".into(),
    }
}

fn assert_refused<T: std::fmt::Debug>(
    room: &mut Room,
    op: impl FnOnce(&mut Room) -> Result<T, CommitmentError>,
    expected: &str,
) {
    let (view, revision, state) = (
        room.commitments_view(),
        room.revision(),
        room.state_vector(),
    );
    let err = op(room).unwrap_err();
    assert_eq!(err.to_string(), expected);
    assert_eq!(room.commitments_view(), view);
    assert_eq!(room.revision(), revision);
    assert_eq!(room.state_vector(), state);
}

#[test]
fn a_commitment_is_made_edited_moved_through_statuses_and_deleted() {
    let (mut room, goal) = new_room(1);
    let (_, id) = room.add_commitment(commitment(&goal)).unwrap();
    let read = room.commitment(&id).unwrap();
    assert_eq!(read.status, CommitmentStatus::Planned);
    assert_eq!(read.status_date, Some(date("2025-02-01")));
    assert_eq!(read.amount, Some(400.0));
    assert!(read.toward_exists);
    assert!(!read.is_overdue(date("2025-12-31")));
    assert!(read.is_overdue(date("2026-01-01")));

    room.edit_commitment(
        &id,
        NewCommitment {
            amount: None,
            unit: String::new(),
            ..commitment(&goal)
        },
    )
    .unwrap();
    assert_eq!(room.commitment(&id).unwrap().amount, None);
    room.set_commitment_status(
        &id,
        StatusChange {
            status: CommitmentStatus::InProgress,
            date: date("2025-03-01"),
            delivered: Some(80.0),
        },
    )
    .unwrap();
    room.set_commitment_status(
        &id,
        StatusChange {
            status: CommitmentStatus::Met,
            date: date("2025-11-30"),
            delivered: None,
        },
    )
    .unwrap();
    let read = room.commitment(&id).unwrap();
    assert_eq!(
        (read.status, read.status_date, read.delivered),
        (CommitmentStatus::Met, Some(date("2025-11-30")), Some(80.0))
    );
    assert!(
        !read.is_overdue(date("2026-06-01")),
        "a met commitment is never overdue"
    );

    room.add_check_in(&id, check_in("2025-03-01")).unwrap();
    room.delete_commitment(&id).unwrap();
    assert!(room.commitments().is_empty());
    assert!(room.all_check_ins().is_empty());
}

#[test]
fn a_commitment_can_serve_an_indicator_and_outlives_it() {
    let (mut room, goal) = new_room(2);
    let indicator = room
        .add_indicator(
            &goal,
            NewIndicator {
                name: "Swimming days".into(),
                unit: "days".into(),
                direction: Direction::HigherIsBetter,
                measure: MeasureType::Number,
                baseline: None,
                targets: vec![],
                source: String::new(),
                proxy: false,
            },
        )
        .unwrap()
        .1;
    let (_, id) = room
        .add_commitment(NewCommitment {
            toward: Toward::Indicator(indicator.clone()),
            ..commitment(&goal)
        })
        .unwrap();
    room.delete_indicator(&indicator).unwrap();
    let read = room.commitment(&id).unwrap();
    assert_eq!(read.toward, Some(Toward::Indicator(indicator)));
    assert!(!read.toward_exists);
}

#[test]
fn commitment_operations_refuse_bad_input_and_change_nothing() {
    let (mut room, goal) = new_room(3);
    let (_, id) = room.add_commitment(commitment(&goal)).unwrap();
    assert_refused(
        &mut room,
        |r| {
            r.add_commitment(NewCommitment {
                organization: " ".into(),
                ..commitment(&goal)
            })
        },
        "the organization is required",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_commitment(NewCommitment {
                unit: "".into(),
                ..commitment(&goal)
            })
        },
        "the unit is required when an amount is given (hours, EUR, data sets…)",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_commitment(NewCommitment {
                amount: Some(-5.0),
                ..commitment(&goal)
            })
        },
        "the amount cannot be negative, found -5",
    );
    assert_refused(
        &mut room,
        |r| r.add_commitment(NewCommitment { due: date("2025-01-01"), ..commitment(&goal) }),
        "the due date 2025-01-01 is before the date the commitment was made, 2025-02-01: move the due date later",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_commitment(NewCommitment {
                toward: Toward::Goal(GoalId::new("8-8")),
                ..commitment(&goal)
            })
        },
        "there is no goal 8-8 in this room (it may have been deleted): choose another",
    );
    assert_refused(
        &mut room,
        |r| {
            r.set_commitment_status(
                &id,
                StatusChange {
                    status: CommitmentStatus::Met,
                    date: date("2025-01-15"),
                    delivered: None,
                },
            )
        },
        "the date 2025-01-15 is before the date the commitment was made, 2025-02-01",
    );
    assert_refused(
        &mut room,
        |r| r.add_check_in(&id, NewCheckIn { evidence: "report.pdf".into(), ..check_in("2025-03-01") }),
        "the evidence link must be a web link starting with https:// or http://, found 'report.pdf'",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_check_in(
                &id,
                NewCheckIn {
                    text: "".into(),
                    ..check_in("2025-03-01")
                },
            )
        },
        "the text is required",
    );
    let gone = constellation_core::commitments::CommitmentId::new("7-7");
    assert_refused(
        &mut room,
        |r| r.delete_commitment(&gone),
        "there is no commitment 7-7 in this room (it may have been deleted)",
    );
}

#[test]
fn anyone_can_acknowledge_or_question_a_check_in() {
    let (mut a, goal) = new_room(4);
    let (_, id) = a.add_commitment(commitment(&goal)).unwrap();
    let (_, report) = a.add_check_in(&id, check_in("2025-03-01")).unwrap();
    let mut b = Room::new(ClientId::new(5).unwrap());
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    // Two partners respond at the same time, on two phones: both responses stay.
    let ua = a
        .respond_to_check_in(
            &report,
            NewResponse {
                kind: ResponseKind::Acknowledgement,
                by: "City Parks".into(),
                date: date("2025-03-02"),
                text: String::new(),
            },
        )
        .unwrap()
        .0;
    let ub = b
        .respond_to_check_in(
            &report,
            NewResponse {
                kind: ResponseKind::Question,
                by: "River Trust".into(),
                date: date("2025-03-02"),
                text: "Which stretch did they survey?".into(),
            },
        )
        .unwrap()
        .0;
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.commitments_view(), b.commitments_view());
    let responses = &a.check_ins(&id)[0].responses;
    assert_eq!(responses.len(), 2);
    let mut who: Vec<&str> = responses.iter().map(|r| r.by.as_str()).collect();
    who.sort();
    assert_eq!(who, vec!["City Parks", "River Trust"]);
    a.respond_to_check_in(
        &report,
        NewResponse {
            kind: ResponseKind::Answer,
            by: "Water Utility".into(),
            date: date("2025-03-03"),
            text: "The lower 3 km".into(),
        },
    )
    .unwrap();
    assert_eq!(a.check_ins(&id)[0].responses[2].kind, ResponseKind::Answer);
    let err = a
        .respond_to_check_in(
            &report,
            NewResponse {
                kind: ResponseKind::Question,
                by: "X".into(),
                date: date("2025-03-03"),
                text: " ".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "a question needs a text");
    a.delete_check_in(&report).unwrap();
    assert!(a.check_ins(&id).is_empty());
}

#[test]
fn roles_are_assigned_per_participant_and_survive_concurrent_assignment() {
    let (mut a, _) = new_room(6);
    let mut b = Room::new(ClientId::new(7).unwrap());
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    let ua = a.assign_role("Ana", Role::Facilitator).unwrap();
    let ub = b.assign_role("Ana", Role::MediaLiaison).unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    let expected = vec![ParticipantRoles {
        participant: "Ana".into(),
        roles: vec![Role::Facilitator, Role::MediaLiaison],
    }];
    assert_eq!(a.roles(), expected);
    assert_eq!(b.roles(), expected);
    assert!(
        a.assign_role(" Ana ", Role::Facilitator)
            .unwrap()
            .is_empty(),
        "held already: nothing changes"
    );
    a.assign_role("Bo", Role::EnablerBroker).unwrap();
    a.assign_role("Cy", Role::Initiator).unwrap();
    assert_eq!(a.role_holders(Role::EnablerBroker), vec!["Bo".to_string()]);
    a.unassign_role("Ana", Role::MediaLiaison).unwrap();
    assert_eq!(a.roles()[0].roles, vec![Role::Facilitator]);
    let err = a.unassign_role("Ana", Role::MediaLiaison).unwrap_err();
    assert_eq!(err.to_string(), "Ana does not hold the role media liaison");
    assert_eq!(
        a.assign_role("  ", Role::Initiator)
            .unwrap_err()
            .to_string(),
        "the participant name is required"
    );
    let labels: Vec<&str> = Role::ALL.iter().map(|r| r.label()).collect();
    assert_eq!(
        labels,
        [
            "initiator",
            "facilitator",
            "program manager",
            "media director",
            "media liaison",
            "subject-matter expert",
            "enabler/broker"
        ]
    );
}

#[test]
fn commitment_and_check_in_forms_report_every_field() {
    let goal = GoalId::new("1-0");
    let draft = CommitmentDraft {
        organization: "".into(),
        kind: CommitmentKind::Money,
        description: "Grant for barrels".into(),
        amount: "5k".into(),
        unit: "EUR".into(),
        toward: Toward::Goal(goal.clone()),
        due: "next year".into(),
        made_on: date("2025-02-01"),
    };
    let before = draft.clone();
    let errors = validate_commitment(&draft).unwrap_err();
    assert_eq!(draft, before);
    let got: Vec<(CommitmentField, String)> =
        errors.iter().map(|e| (e.field, e.to_string())).collect();
    assert_eq!(
        got,
        vec![
            (CommitmentField::Amount, "the amount must be a number (like 12 or 12.5), found '5k'".into()),
            (CommitmentField::Due, "the due date must be a date written YYYY-MM-DD (for example 2030-12-31), found 'next year'".into()),
            (CommitmentField::Organization, "the organization is required".into()),
        ]
    );
    let ok = validate_commitment(&CommitmentDraft {
        organization: "City".into(),
        amount: "5000".into(),
        due: "2025-12-31".into(),
        ..draft
    })
    .unwrap();
    assert_eq!((ok.amount, ok.due), (Some(5000.0), date("2025-12-31")));

    let errors = validate_check_in(&CheckInDraft {
        date: "".into(),
        by: "Ana".into(),
        text: "".into(),
        evidence: "ftp://x".into(),
    })
    .unwrap_err();
    let fields: Vec<CommitmentField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            CommitmentField::Date,
            CommitmentField::Text,
            CommitmentField::Evidence
        ]
    );
    let ok = validate_check_in(&CheckInDraft {
        date: "2025-04-01".into(),
        by: "Ana".into(),
        text: "Done".into(),
        evidence: "".into(),
    })
    .unwrap();
    assert_eq!(ok.date, date("2025-04-01"));
}

#[test]
fn a_commitment_form_asks_for_the_unit_of_an_amount_before_the_due_date_is_typed() {
    let (_, goal) = new_room(1);
    let errors = validate_commitment(&CommitmentDraft {
        organization: "City".into(),
        kind: CommitmentKind::StaffTime,
        description: "Sampling".into(),
        amount: "40".into(),
        unit: "".into(),
        toward: Toward::Goal(goal),
        due: "".into(),
        made_on: date("2025-02-01"),
    })
    .unwrap_err();
    let fields: Vec<CommitmentField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![CommitmentField::Due, CommitmentField::Unit]);
}
