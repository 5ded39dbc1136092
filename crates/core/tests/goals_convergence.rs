//! Replicas that edit goals, indicators, measurements, experiments,
//! commitments, check-ins and roles concurrently converge, whatever the order,
//! duplication or route (single updates or state-vector diffs) of delivery —
//! including concurrent moves that make loops of goals and deletions of goals
//! that others are adding to.

mod delivery;

use delivery::{deliver_all, receive_some, Shuffle};
use constellation_core::commitments::{
    CommitmentKind, CommitmentStatus, NewCheckIn, NewCommitment, NewResponse, ResponseKind, Role,
    StatusChange, Toward,
};
use constellation_core::goals::{
    Baseline, CyclePhase, Date, Direction, MeasureType, NewExperiment, NewGoal, NewIndicator,
    NewMeasurement, NewTarget, Value,
};
use constellation_core::{ClientId, Room, Update};
use proptest::prelude::*;

const REPLICAS: usize = 4;

/// One thing a participant does. Indices pick among what that replica sees.
#[derive(Debug, Clone)]
enum Op {
    AddGoal(Option<usize>, u8),
    EditGoal(usize, u8),
    MoveGoal(usize, Option<usize>),
    DeleteGoal(usize),
    AddIndicator(usize, u8),
    EditIndicator(usize, u8),
    AddTarget(usize, u8, i16),
    RemoveTarget(usize, usize),
    AddMeasurement(usize, u8, i16),
    DeleteMeasurement(usize),
    AddExperiment(usize),
    SetPhase(usize, usize),
    AddTask(usize, u8),
    AddCommitment(usize, u8),
    SetStatus(usize, usize, u8),
    AddCheckIn(usize, u8),
    Respond(usize, u8),
    AssignRole(u8, usize),
    UnassignRole(u8, usize),
    Receive(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || any::<usize>();
    let small = || any::<u8>();
    prop_oneof![
        2 => (prop::option::of(i()), small()).prop_map(|(p, n)| Op::AddGoal(p, n)),
        2 => (i(), small()).prop_map(|(g, n)| Op::EditGoal(g, n)),
        3 => (i(), prop::option::of(i())).prop_map(|(g, p)| Op::MoveGoal(g, p)),
        1 => i().prop_map(Op::DeleteGoal),
        2 => (i(), small()).prop_map(|(g, n)| Op::AddIndicator(g, n)),
        1 => (i(), small()).prop_map(|(x, n)| Op::EditIndicator(x, n)),
        2 => (i(), small(), any::<i16>()).prop_map(|(x, d, v)| Op::AddTarget(x, d, v)),
        1 => (i(), i()).prop_map(|(x, t)| Op::RemoveTarget(x, t)),
        3 => (i(), small(), any::<i16>()).prop_map(|(x, d, v)| Op::AddMeasurement(x, d, v)),
        1 => i().prop_map(Op::DeleteMeasurement),
        1 => i().prop_map(Op::AddExperiment),
        1 => (i(), i()).prop_map(|(e, p)| Op::SetPhase(e, p)),
        1 => (i(), small()).prop_map(|(e, n)| Op::AddTask(e, n)),
        2 => (i(), small()).prop_map(|(g, n)| Op::AddCommitment(g, n)),
        2 => (i(), i(), small()).prop_map(|(c, s, d)| Op::SetStatus(c, s, d)),
        2 => (i(), small()).prop_map(|(c, d)| Op::AddCheckIn(c, d)),
        2 => (i(), small()).prop_map(|(c, n)| Op::Respond(c, n)),
        1 => (small(), i()).prop_map(|(p, r)| Op::AssignRole(p, r)),
        1 => (small(), i()).prop_map(|(p, r)| Op::UnassignRole(p, r)),
        3 => any::<u64>().prop_map(Op::Receive),
    ]
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[index % items.len()].clone())
}

fn day(offset: u8) -> Date {
    Date::parse("2025-01-01")
        .unwrap()
        .add_days(i64::from(offset))
        .unwrap()
}

fn goal(n: u8, parent: Option<constellation_core::goals::GoalId>) -> NewGoal {
    NewGoal {
        title: format!("goal {n}"),
        statement: String::new(),
        hashtag: String::new(),
        population: String::new(),
        start: day(0),
        end: day(200),
        parent,
    }
}

fn indicator(n: u8) -> NewIndicator {
    NewIndicator {
        name: format!("indicator {n}"),
        unit: "u".into(),
        direction: if n.is_multiple_of(2) {
            Direction::HigherIsBetter
        } else {
            Direction::LowerIsBetter
        },
        measure: MeasureType::Number,
        baseline: Some(Baseline {
            value: Value::Number(f64::from(n)),
            date: day(0),
        }),
        targets: vec![NewTarget {
            value: Value::Number(100.0),
            date: day(200),
        }],
        source: String::new(),
        proxy: n.is_multiple_of(3),
    }
}

/// Performs `op` on `room`; returns the update it produced, if it was allowed.
fn perform(room: &mut Room, op: &Op) -> Option<Update> {
    let goals: Vec<_> = room.goals().into_iter().map(|g| g.id).collect();
    let indicators = room.all_indicators();
    let measurements: Vec<_> = room.all_measurements().into_iter().map(|m| m.id).collect();
    let experiments: Vec<_> = room.all_experiments().into_iter().map(|e| e.id).collect();
    let commitments: Vec<_> = room.commitments().into_iter().map(|c| c.id).collect();
    let check_ins: Vec<_> = room.all_check_ins().into_iter().map(|c| c.id).collect();
    let people = |p: u8| format!("person {}", p % 4);
    match op {
        Op::AddGoal(parent, n) => {
            let parent = parent.and_then(|p| pick(&goals, p));
            room.add_goal(goal(*n, parent)).ok().map(|r| r.0)
        }
        Op::EditGoal(g, n) => room.edit_goal(&pick(&goals, *g)?, goal(*n, None)).ok(),
        Op::MoveGoal(g, parent) => {
            let parent = parent.and_then(|p| pick(&goals, p));
            room.move_goal(&pick(&goals, *g)?, parent.as_ref()).ok()
        }
        Op::DeleteGoal(g) => room.delete_goal(&pick(&goals, *g)?).ok(),
        Op::AddIndicator(g, n) => room
            .add_indicator(&pick(&goals, *g)?, indicator(*n))
            .ok()
            .map(|r| r.0),
        Op::EditIndicator(x, n) => {
            let current = pick(&indicators, *x)?;
            let mut edit = indicator(*n);
            edit.targets = current
                .targets
                .iter()
                .map(|t| NewTarget {
                    value: t.value.clone(),
                    date: t.date,
                })
                .collect();
            room.edit_indicator(&current.id, edit).ok()
        }
        Op::AddTarget(x, d, v) => room
            .add_target(
                &pick(&indicators, *x)?.id,
                NewTarget {
                    value: Value::Number(f64::from(*v)),
                    date: day(*d),
                },
            )
            .ok()
            .map(|r| r.0),
        Op::RemoveTarget(x, t) => {
            let current = pick(&indicators, *x)?;
            room.remove_target(&current.id, &pick(&current.targets, *t)?.id)
                .ok()
        }
        Op::AddMeasurement(x, d, v) => {
            let m = NewMeasurement {
                value: Value::Number(f64::from(*v)),
                date: day(*d),
                source: String::new(),
                organization: people(*d),
                note: String::new(),
            };
            room.add_measurement(&pick(&indicators, *x)?.id, m)
                .ok()
                .map(|r| r.0)
        }
        Op::DeleteMeasurement(m) => room.delete_measurement(&pick(&measurements, *m)?).ok(),
        Op::AddExperiment(g) => room
            .add_experiment(
                &pick(&goals, *g)?,
                NewExperiment {
                    title: "pilot".into(),
                    ..Default::default()
                },
            )
            .ok()
            .map(|r| r.0),
        Op::SetPhase(e, p) => room
            .set_experiment_phase(&pick(&experiments, *e)?, CyclePhase::ALL[p % 4])
            .ok(),
        Op::AddTask(e, n) => room
            .add_task(&pick(&experiments, *e)?, &format!("task {n}"))
            .ok()
            .map(|r| r.0),
        Op::AddCommitment(g, n) => {
            let c = NewCommitment {
                organization: people(*n),
                kind: CommitmentKind::ALL[usize::from(*n) % 6],
                description: format!("promise {n}"),
                amount: Some(f64::from(*n)),
                unit: "hours".into(),
                toward: Toward::Goal(pick(&goals, *g)?),
                due: day(n.saturating_add(10)),
                made_on: day(*n / 2),
            };
            room.add_commitment(c).ok().map(|r| r.0)
        }
        Op::SetStatus(c, s, d) => room
            .set_commitment_status(
                &pick(&commitments, *c)?,
                StatusChange {
                    status: CommitmentStatus::ALL[s % 5],
                    date: day(*d),
                    delivered: Some(f64::from(*d)),
                },
            )
            .ok(),
        Op::AddCheckIn(c, d) => room
            .add_check_in(
                &pick(&commitments, *c)?,
                NewCheckIn {
                    date: day(*d),
                    by: "someone".into(),
                    text: format!("update {d}"),
                    evidence: String::new(),
                },
            )
            .ok()
            .map(|r| r.0),
        Op::Respond(c, n) => room
            .respond_to_check_in(
                &pick(&check_ins, *c)?,
                NewResponse {
                    kind: ResponseKind::ALL[usize::from(*n) % 3],
                    by: people(*n),
                    date: day(*n),
                    text: "ok".into(),
                },
            )
            .ok()
            .map(|r| r.0),
        Op::AssignRole(p, r) => room.assign_role(&people(*p), Role::ALL[r % 7]).ok(),
        Op::UnassignRole(p, r) => room.unassign_role(&people(*p), Role::ALL[r % 7]).ok(),
        Op::Receive(_) => None,
    }
}

fn run(steps: Vec<(usize, Op)>, seed: u64, diff_replicas: usize) -> Result<(), TestCaseError> {
    let mut shuffle = Shuffle(seed);
    let mut rooms: Vec<Room> = (0..REPLICAS)
        .map(|i| Room::new(ClientId::new(200 + i as u64).unwrap()))
        .collect();
    let mut log: Vec<Update> = Vec::new();

    // A shared start: a mission, an objective, an indicator and a commitment.
    let (u, mission) = rooms[0].add_goal(goal(0, None)).unwrap();
    log.push(u);
    let (u, objective) = rooms[0].add_goal(goal(1, Some(mission.clone()))).unwrap();
    log.push(u);
    log.push(rooms[0].add_indicator(&objective, indicator(2)).unwrap().0);
    log.push(
        rooms[0]
            .add_experiment(
                &objective,
                NewExperiment {
                    title: "pilot".into(),
                    ..Default::default()
                },
            )
            .unwrap()
            .0,
    );
    log.push(perform(&mut rooms[0], &Op::AddCommitment(0, 3)).unwrap());
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

    deliver_all(&mut rooms, &log, diff_replicas, &mut shuffle)?;

    let expected = rooms[0].coalition_data();
    let expected_tree = rooms[0].goal_tree();
    let today = day(120);
    let expected_accounts = rooms[0].accountability(today, &Default::default());
    for (i, room) in rooms.iter().enumerate() {
        prop_assert_eq!(room.waiting_updates(), 0, "replica {} still waits", i);
        prop_assert_eq!(&room.coalition_data(), &expected, "replica {} differs", i);
        prop_assert_eq!(
            &room.goal_tree(),
            &expected_tree,
            "replica {} has another tree",
            i
        );
        prop_assert_eq!(
            &room.accountability(today, &Default::default()),
            &expected_accounts
        );
        let copy =
            Room::from_snapshot(ClientId::new(999).unwrap(), room.snapshot().as_bytes()).unwrap();
        prop_assert_eq!(
            &copy.coalition_data(),
            &expected,
            "snapshot of replica {} differs",
            i
        );
    }
    // Whatever concurrent moves did, the tree holds every goal exactly once.
    fn count(nodes: &[constellation_core::goals::GoalNode]) -> usize {
        nodes.iter().map(|n| 1 + count(&n.children)).sum()
    }
    prop_assert_eq!(count(&expected_tree), expected.goals.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), ..ProptestConfig::default() })]

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
    let steps: Vec<(usize, Op)> = (0..240)
        .map(|i| {
            let n = (i % 251) as u8;
            let op = match i % 12 {
                0 => Op::AddGoal(Some(i), n),
                1 => Op::MoveGoal(i, Some(i / 3)),
                2 => Op::Receive(i as u64),
                3 => Op::AddIndicator(i, n),
                4 => Op::AddMeasurement(i, n, i as i16),
                5 => Op::AddCommitment(i, n),
                6 => Op::SetStatus(i, i, n),
                7 => Op::AddCheckIn(i, n),
                8 => Op::Respond(i, n),
                9 => Op::AssignRole(n, i),
                10 => Op::DeleteGoal(i * 7),
                _ => Op::AddTarget(i, n, -(i as i16)),
            };
            (i % REPLICAS, op)
        })
        .collect();
    run(steps, 11, 1).unwrap();
}

/// 48 cases by default; set PROPTEST_CASES for a longer search.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
