//! Goals, indicators, targets, measurements and experiments in the room: typed
//! operations, what they refuse (changing nothing), and how goals nest.

use constellation_core::goals::{
    Baseline, CyclePhase, Date, Direction, ExperimentText, GoalError, GoalId, GoalLevel,
    MeasureType, MemberKind, NewExperiment, NewGoal, NewIndicator, NewMeasurement, NewTarget,
    TeamMember, Value,
};
use constellation_core::{ClientId, Room};

fn new_room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn goal(title: &str, parent: Option<&GoalId>) -> NewGoal {
    NewGoal {
        title: title.into(),
        statement: "Every household has clean water".into(),
        hashtag: "CleanRiver2030".into(),
        population: "households in the basin".into(),
        start: date("2025-01-01"),
        end: date("2030-12-31"),
        parent: parent.cloned(),
    }
}

fn indicator() -> NewIndicator {
    NewIndicator {
        name: "Households connected".into(),
        unit: "households".into(),
        direction: Direction::HigherIsBetter,
        measure: MeasureType::Number,
        baseline: Some(Baseline {
            value: Value::Number(100.0),
            date: date("2025-01-01"),
        }),
        targets: vec![
            NewTarget {
                value: Value::Number(500.0),
                date: date("2027-12-31"),
            },
            NewTarget {
                value: Value::Number(1000.0),
                date: date("2030-12-31"),
            },
        ],
        source: "utility records".into(),
        proxy: false,
    }
}

fn measurement(value: f64, on: &str) -> NewMeasurement {
    NewMeasurement {
        value: Value::Number(value),
        date: date(on),
        source: "survey".into(),
        organization: "Water Utility".into(),
        note: String::new(),
    }
}

/// Asserts that a refused operation left the room exactly as it was.
fn assert_refused<T: std::fmt::Debug>(
    room: &mut Room,
    op: impl FnOnce(&mut Room) -> Result<T, GoalError>,
    expected: &str,
) {
    let (view, revision, state) = (room.goals_view(), room.revision(), room.state_vector());
    let err = op(room).unwrap_err();
    assert_eq!(err.to_string(), expected);
    assert_eq!(room.goals_view(), view);
    assert_eq!(room.revision(), revision);
    assert_eq!(room.state_vector(), state);
}

#[test]
fn goals_are_added_read_and_edited_field_by_field() {
    let mut room = new_room(3);
    let (update, mission) = room.add_goal(goal("  Clean river ", None)).unwrap();
    assert!(!update.is_empty());
    let read = room.goal(&mission).unwrap();
    assert_eq!(read.title, "Clean river");
    assert_eq!(read.hashtag, "#CleanRiver2030");
    assert_eq!(read.start, Some(date("2025-01-01")));
    assert_eq!(read.parent, None);

    // Two people edit different fields of the same goal at once: both survive.
    let mut other = new_room(4);
    other.apply_update(room.snapshot().as_bytes()).unwrap();
    let a = room
        .edit_goal(
            &mission,
            NewGoal {
                title: "Clean river by 2030".into(),
                ..goal("Clean river", None)
            },
        )
        .unwrap();
    let b = other
        .edit_goal(
            &mission,
            NewGoal {
                statement: "Swimmable river".into(),
                ..goal("Clean river", None)
            },
        )
        .unwrap();
    room.apply_update(b.as_bytes()).unwrap();
    other.apply_update(a.as_bytes()).unwrap();
    for replica in [&room, &other] {
        let g = replica.goal(&mission).unwrap();
        assert_eq!(
            (g.title.as_str(), g.statement.as_str()),
            ("Clean river by 2030", "Swimmable river")
        );
    }
    // Saving the same content again changes nothing.
    let revision = room.revision();
    let again = room
        .edit_goal(
            &mission,
            NewGoal {
                title: "Clean river by 2030".into(),
                statement: "Swimmable river".into(),
                ..goal("x", None)
            },
        )
        .unwrap();
    assert!(again.is_empty());
    assert_eq!(room.revision(), revision);
}

#[test]
fn goals_nest_into_a_tree_with_levels() {
    let mut room = new_room(5);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let objective = room.add_goal(goal("Objective", Some(&mission))).unwrap().1;
    let sub = room
        .add_goal(goal("Sub-objective", Some(&objective)))
        .unwrap()
        .1;
    let second = room
        .add_goal(goal("Second objective", Some(&mission)))
        .unwrap()
        .1;
    let other_mission = room.add_goal(goal("Other mission", None)).unwrap().1;

    let tree = room.goal_tree();
    assert_eq!(tree.len(), 2);
    assert_eq!(tree[0].goal.id, mission);
    assert_eq!(tree[0].level, GoalLevel::Mission);
    let children: Vec<&GoalId> = tree[0].children.iter().map(|n| &n.goal.id).collect();
    assert_eq!(children, vec![&objective, &second]);
    assert_eq!(tree[0].children[0].level, GoalLevel::Objective);
    assert_eq!(tree[0].children[0].children[0].goal.id, sub);
    assert_eq!(
        tree[0].children[0].children[0].level,
        GoalLevel::SubObjective
    );
    assert_eq!(tree[1].goal.id, other_mission);
    assert_eq!(room.goal_level(&sub), Some(GoalLevel::SubObjective));
    assert_eq!(room.sub_goals(&mission).len(), 2);

    // Moving a branch carries its sub-goals along.
    room.move_goal(&objective, Some(&other_mission)).unwrap();
    assert_eq!(room.goal_level(&sub), Some(GoalLevel::SubObjective));
    assert_eq!(room.sub_goals(&other_mission)[0].id, objective);
    room.move_goal(&objective, None).unwrap();
    assert_eq!(room.goal_level(&objective), Some(GoalLevel::Mission));
    assert_eq!(room.goal_level(&sub), Some(GoalLevel::Objective));
}

#[test]
fn nesting_refuses_loops_and_unknown_parents() {
    let mut room = new_room(6);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let objective = room.add_goal(goal("Objective", Some(&mission))).unwrap().1;
    let sub = room.add_goal(goal("Sub", Some(&objective))).unwrap().1;
    assert_refused(
        &mut room,
        |r| r.move_goal(&mission, Some(&mission)),
        "a goal cannot be placed under itself",
    );
    let expected = format!(
        "goal {mission} cannot be placed under {sub}, which is already inside it: choose a goal outside its branch"
    );
    assert_refused(&mut room, |r| r.move_goal(&mission, Some(&sub)), &expected);
    assert_refused(
        &mut room,
        |r| r.add_goal(goal("Orphan", Some(&GoalId::new("9-9")))),
        "the parent goal 9-9 is not in this room (it may have been deleted): choose another",
    );
    let err = room.move_goal(&mission, Some(&sub)).unwrap_err();
    assert_eq!(err.field(), constellation_core::goals::Field::Parent);
}

#[test]
fn concurrent_moves_that_make_a_loop_resolve_the_same_everywhere() {
    let mut a = new_room(10);
    let first = a.add_goal(goal("First", None)).unwrap().1;
    let second = a.add_goal(goal("Second", None)).unwrap().1;
    let third = a.add_goal(goal("Third", Some(&second))).unwrap().1;
    let mut b = new_room(11);
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    // On A, First goes under Third; on B, Second goes under First: a loop
    // First → Third → Second → First once both are merged.
    let ua = a.move_goal(&first, Some(&third)).unwrap();
    let ub = b.move_goal(&second, Some(&first)).unwrap();
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.goals(), b.goals());
    assert_eq!(a.goal_tree(), b.goal_tree());
    // The smallest id of the loop becomes a mission again; nothing disappears.
    let smallest = [&first, &second, &third].into_iter().min().unwrap().clone();
    assert_eq!(a.goal(&smallest).unwrap().parent, None);
    assert_eq!(a.goals().len(), 3);
    let count = |nodes: &[constellation_core::goals::GoalNode]| -> usize {
        fn walk(nodes: &[constellation_core::goals::GoalNode]) -> usize {
            nodes.iter().map(|n| 1 + walk(&n.children)).sum()
        }
        walk(nodes)
    };
    assert_eq!(count(&a.goal_tree()), 3);
}

#[test]
fn deleting_a_goal_takes_its_indicators_measurements_and_experiments() {
    let mut room = new_room(7);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let objective = room.add_goal(goal("Objective", Some(&mission))).unwrap().1;
    let kept = room.add_indicator(&mission, indicator()).unwrap().1;
    let gone = room.add_indicator(&objective, indicator()).unwrap().1;
    room.add_measurement(&kept, measurement(150.0, "2025-06-01"))
        .unwrap();
    room.add_measurement(&gone, measurement(120.0, "2025-06-01"))
        .unwrap();
    room.add_experiment(
        &objective,
        NewExperiment {
            title: "Pilot".into(),
            ..Default::default()
        },
    )
    .unwrap();

    assert_refused(
        &mut room,
        |r| r.delete_goal(&mission),
        &format!("goal {mission} has 1 sub-goal(s): move or delete them first"),
    );
    room.delete_goal(&objective).unwrap();
    let view = room.goals_view();
    assert_eq!(view.goals.len(), 1);
    assert_eq!(
        view.indicators.iter().map(|i| &i.id).collect::<Vec<_>>(),
        vec![&kept]
    );
    assert_eq!(view.measurements.len(), 1);
    assert!(view.experiments.is_empty());
    assert_refused(
        &mut room,
        |r| r.delete_goal(&objective),
        &format!("there is no goal {objective} in this room (it may have been deleted)"),
    );
}

#[test]
fn an_indicator_added_while_its_goal_is_deleted_is_lost_with_it() {
    let mut a = new_room(20);
    let mission = a.add_goal(goal("Mission", None)).unwrap().1;
    let mut b = new_room(21);
    b.apply_update(a.snapshot().as_bytes()).unwrap();
    let ua = a.delete_goal(&mission).unwrap();
    let ub = b.add_indicator(&mission, indicator()).unwrap().0;
    a.apply_update(ub.as_bytes()).unwrap();
    b.apply_update(ua.as_bytes()).unwrap();
    assert_eq!(a.goals_view(), b.goals_view());
    assert!(a.goals_view().indicators.is_empty());
}

#[test]
fn indicators_keep_baseline_targets_and_measurements() {
    let mut room = new_room(8);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let id = room.add_indicator(&mission, indicator()).unwrap().1;
    let read = room.indicator(&id).unwrap();
    assert_eq!(read.goal, mission);
    assert_eq!(
        read.baseline,
        Some(Baseline {
            value: Value::Number(100.0),
            date: date("2025-01-01")
        })
    );
    assert_eq!(
        read.targets
            .iter()
            .map(|t| t.date.to_string())
            .collect::<Vec<_>>(),
        vec!["2027-12-31", "2030-12-31"]
    );

    let (_, mid) = room
        .add_target(
            &id,
            NewTarget {
                value: Value::Number(300.0),
                date: date("2026-12-31"),
            },
        )
        .unwrap();
    assert_eq!(room.indicator(&id).unwrap().targets[0].id, mid);
    room.edit_target(
        &id,
        &mid,
        NewTarget {
            value: Value::Number(250.0),
            date: date("2026-12-31"),
        },
    )
    .unwrap();
    assert_eq!(
        room.indicator(&id).unwrap().targets[0].value,
        Value::Number(250.0)
    );

    // Saving the whole form matches targets by date: the kept one keeps its id.
    let mut edited = indicator();
    edited.name = "Homes connected".into();
    edited.targets = vec![
        NewTarget {
            value: Value::Number(260.0),
            date: date("2026-12-31"),
        },
        NewTarget {
            value: Value::Number(900.0),
            date: date("2029-12-31"),
        },
    ];
    room.edit_indicator(&id, edited).unwrap();
    let read = room.indicator(&id).unwrap();
    assert_eq!(read.name, "Homes connected");
    assert_eq!(read.targets.len(), 2);
    assert_eq!(read.targets[0].id, mid);
    assert_eq!(read.targets[0].value, Value::Number(260.0));
    assert_eq!(read.targets[1].date, date("2029-12-31"));

    let (_, later) = room
        .add_measurement(&id, measurement(180.0, "2025-09-01"))
        .unwrap();
    let (_, earlier) = room
        .add_measurement(&id, measurement(150.0, "2025-03-01"))
        .unwrap();
    let list = room.measurements(&id);
    assert_eq!(
        list.iter().map(|m| &m.id).collect::<Vec<_>>(),
        vec![&earlier, &later]
    );
    assert_eq!(list[0].organization, "Water Utility");
    room.edit_measurement(&earlier, measurement(155.0, "2025-03-02"))
        .unwrap();
    assert_eq!(room.measurements(&id)[0].value, Value::Number(155.0));
    room.delete_measurement(&later).unwrap();
    assert_eq!(room.measurements(&id).len(), 1);
    room.remove_target(&id, &mid).unwrap();
    assert_eq!(room.indicator(&id).unwrap().targets.len(), 1);
    room.delete_indicator(&id).unwrap();
    assert!(room.indicator(&id).is_none());
    assert!(room.all_measurements().is_empty());
}

#[test]
fn indicator_operations_refuse_bad_input_and_change_nothing() {
    let mut room = new_room(9);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let id = room.add_indicator(&mission, indicator()).unwrap().1;
    room.add_measurement(&id, measurement(120.0, "2025-05-01"))
        .unwrap();
    assert_refused(
        &mut room,
        |r| r.add_target(&id, NewTarget { value: Value::Number(1.0), date: date("2024-12-31") }),
        "the target date 2024-12-31 is before the baseline date 2025-01-01: move the target later or the baseline earlier",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_target(
                &id,
                NewTarget {
                    value: Value::Number(1.0),
                    date: date("2030-12-31"),
                },
            )
        },
        "there is already a target on 2030-12-31: change that target instead of adding another",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_target(
                &id,
                NewTarget {
                    value: Value::YesNo(true),
                    date: date("2031-12-31"),
                },
            )
        },
        "the target value of this indicator must be a number",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_measurement(
                &id,
                NewMeasurement {
                    value: Value::Number(f64::NAN),
                    ..measurement(0.0, "2025-01-01")
                },
            )
        },
        "the value must be a finite number",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_indicator(
                &mission,
                NewIndicator {
                    name: "  ".into(),
                    ..indicator()
                },
            )
        },
        "the indicator name is required",
    );
    assert_refused(
        &mut room,
        |r| r.add_indicator(&GoalId::new("1-1"), indicator()),
        "there is no goal 1-1 in this room (it may have been deleted)",
    );
    assert_refused(
        &mut room,
        |r| {
            r.edit_indicator(
                &id,
                NewIndicator { measure: MeasureType::YesNo, baseline: None, targets: vec![], ..indicator() },
            )
        },
        "this indicator cannot become yes/no: 1 of its baseline, targets or measurements are not yes or no; change or delete them first",
    );
    assert_refused(
        &mut room,
        |r| r.add_goal(NewGoal { end: date("2024-01-01"), ..goal("Backwards", None) }),
        "the end date 2024-01-01 is before the start date 2025-01-01: move the end later or the start earlier",
    );
    assert_refused(
        &mut room,
        |r| r.add_goal(NewGoal { hashtag: "#clean river".into(), ..goal("Spaces", None) }),
        "a hashtag is # followed by letters, digits or _ with no spaces (like #CleanRiver2030), found '#clean river'",
    );
    assert_refused(
        &mut room,
        |r| {
            r.add_goal(NewGoal {
                title: "t".repeat(201),
                ..goal("", None)
            })
        },
        "the title holds at most 200 characters; this one has 201",
    );
}

#[test]
fn experiments_follow_the_cycle_with_team_and_tasks() {
    let mut room = new_room(12);
    let mission = room.add_goal(goal("Mission", None)).unwrap().1;
    let ana = TeamMember {
        kind: MemberKind::Person,
        name: "Ana".into(),
    };
    let utility = TeamMember {
        kind: MemberKind::Organization,
        name: "Water Utility".into(),
    };
    let (_, id) = room
        .add_experiment(
            &mission,
            NewExperiment {
                title: "Rain barrels on one street".into(),
                hypothesis: "Barrels cut storm overflow by a tenth".into(),
                team: vec![utility.clone(), ana.clone()],
                tasks: vec!["Find a street".into(), "Buy barrels".into()],
            },
        )
        .unwrap();
    let read = room.experiment(&id).unwrap();
    assert_eq!(read.phase, CyclePhase::Communicate);
    assert_eq!(read.team, vec![ana.clone(), utility.clone()]);
    assert_eq!(
        read.tasks
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>(),
        vec!["Find a street", "Buy barrels"]
    );

    let mut phase = read.phase;
    for expected in [
        CyclePhase::Negotiate,
        CyclePhase::Act,
        CyclePhase::Learn,
        CyclePhase::Communicate,
    ] {
        phase = phase.next();
        assert_eq!(phase, expected);
        room.set_experiment_phase(&id, phase).unwrap();
        assert_eq!(room.experiment(&id).unwrap().phase, expected);
    }
    let task = read.tasks[0].id.clone();
    room.edit_task(&id, &task, "Find a street with a willing block club", true)
        .unwrap();
    let (_, third) = room.add_task(&id, "Measure overflow").unwrap();
    let tasks = room.experiment(&id).unwrap().tasks;
    assert!(tasks[0].done);
    assert_eq!(tasks[2].id, third);
    room.remove_task(&id, &third).unwrap();
    room.edit_experiment(
        &id,
        ExperimentText {
            title: "Rain barrels".into(),
            hypothesis: "Barrels cut overflow".into(),
            learned: "Residents empty them before storms only when reminded".into(),
        },
    )
    .unwrap();
    assert!(room
        .experiment(&id)
        .unwrap()
        .learned
        .starts_with("Residents"));
    assert_refused(
        &mut room,
        |r| r.add_team_member(&id, ana.clone()),
        "the team already has Ana",
    );
    room.remove_team_member(&id, &ana).unwrap();
    assert_refused(
        &mut room,
        |r| r.remove_team_member(&id, &ana),
        "the team has no member Ana",
    );
    room.add_team_member(&id, ana.clone()).unwrap();
    assert_eq!(room.experiments(&mission).len(), 1);
    room.delete_experiment(&id).unwrap();
    assert!(room.experiments(&mission).is_empty());
}
