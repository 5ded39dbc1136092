//! A small but complete coalition, shared by the export, IATI, Open SDG and
//! digest tests: a mission with an objective, indicators of every measure type,
//! measurements, an experiment, commitments in every state, check-ins with
//! responses, and roles. Text includes characters that must be escaped
//! (`<`, `&`, quotes) in HTML and XML.

#![allow(dead_code)]

use constellation_core::commitments::{
    CommitmentId, CommitmentKind, CommitmentStatus, NewCheckIn, NewCommitment, NewResponse,
    ResponseKind, Role, StatusChange, Toward,
};
use constellation_core::goals::{
    Baseline, Date, Direction, GoalId, IndicatorId, MeasureType, MemberKind, NewExperiment,
    NewGoal, NewIndicator, NewMeasurement, NewTarget, TeamMember, Value,
};
use constellation_core::{ClientId, Room};

pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub struct Sample {
    pub room: Room,
    pub mission: GoalId,
    pub objective: GoalId,
    pub swimming: IndicatorId,
    pub overflow: IndicatorId,
    pub plan: IndicatorId,
    pub mood: IndicatorId,
    pub hours: CommitmentId,
    pub grant: CommitmentId,
    pub venue: CommitmentId,
    pub data: CommitmentId,
}

fn goal(title: &str, parent: Option<&GoalId>) -> NewGoal {
    NewGoal {
        title: title.into(),
        statement: "A river where children <b>swim</b> & fish \"again\"".into(),
        hashtag: "#CleanRiver2030".into(),
        population: "the 40,000 residents of the basin".into(),
        start: date("2025-01-01"),
        end: date("2030-12-31"),
        parent: parent.cloned(),
    }
}

fn indicator(
    name: &str,
    unit: &str,
    direction: Direction,
    measure: MeasureType,
    baseline: Value,
    targets: Vec<(Value, &str)>,
) -> NewIndicator {
    NewIndicator {
        name: name.into(),
        unit: unit.into(),
        direction,
        measure,
        baseline: Some(Baseline {
            value: baseline,
            date: date("2025-01-01"),
        }),
        targets: targets
            .into_iter()
            .map(|(value, on)| NewTarget {
                value,
                date: date(on),
            })
            .collect(),
        source: "basin survey".into(),
        proxy: false,
    }
}

fn measure(room: &mut Room, indicator: &IndicatorId, value: Value, on: &str, org: &str) {
    let m = NewMeasurement {
        value,
        date: date(on),
        source: "survey".into(),
        organization: org.into(),
        note: String::new(),
    };
    room.add_measurement(indicator, m).unwrap();
}

pub fn sample() -> Sample {
    let mut room = Room::new(ClientId::new(42).unwrap());
    room.set_title("River <Coalition> & friends").unwrap();
    let mission = room.add_goal(goal("Clean river by 2030", None)).unwrap().1;
    let objective = room
        .add_goal(NewGoal {
            hashtag: String::new(),
            ..goal("Stop storm overflows", Some(&mission))
        })
        .unwrap()
        .1;
    let swimming = room
        .add_indicator(
            &mission,
            indicator(
                "Swimming days",
                "days",
                Direction::HigherIsBetter,
                MeasureType::Number,
                Value::Number(10.0),
                vec![
                    (Value::Number(30.0), "2025-12-31"),
                    (Value::Number(90.0), "2030-12-31"),
                ],
            ),
        )
        .unwrap()
        .1;
    let overflow = room
        .add_indicator(
            &objective,
            NewIndicator {
                proxy: true,
                ..indicator(
                    "Overflow events",
                    "events per year",
                    Direction::LowerIsBetter,
                    MeasureType::Number,
                    Value::Number(40.0),
                    vec![
                        (Value::Number(30.0), "2025-12-31"),
                        (Value::Number(5.0), "2030-12-31"),
                    ],
                )
            },
        )
        .unwrap()
        .1;
    let plan = room
        .add_indicator(
            &objective,
            indicator(
                "Overflow plan adopted",
                "",
                Direction::HigherIsBetter,
                MeasureType::YesNo,
                Value::YesNo(false),
                vec![(Value::YesNo(true), "2025-12-31")],
            ),
        )
        .unwrap()
        .1;
    let mood = room
        .add_indicator(
            &mission,
            indicator(
                "How residents talk about the river",
                "",
                Direction::HigherIsBetter,
                MeasureType::Qualitative,
                Value::Text("with disgust".into()),
                vec![(Value::Text("with pride".into()), "2030-12-31")],
            ),
        )
        .unwrap()
        .1;
    measure(
        &mut room,
        &swimming,
        Value::Number(12.0),
        "2025-03-31",
        "River Trust",
    );
    measure(
        &mut room,
        &swimming,
        Value::Number(21.0),
        "2025-06-30",
        "River Trust",
    );
    measure(
        &mut room,
        &overflow,
        Value::Number(39.0),
        "2025-06-30",
        "Water Utility",
    );
    measure(&mut room, &plan, Value::YesNo(false), "2025-06-30", "City");
    measure(
        &mut room,
        &mood,
        Value::Text("with <some> hope".into()),
        "2025-06-30",
        "University Lab",
    );
    room.add_experiment(
        &objective,
        NewExperiment {
            title: "Rain barrels on Elm Street".into(),
            hypothesis: "Barrels cut overflow by a tenth".into(),
            team: vec![
                TeamMember {
                    kind: MemberKind::Person,
                    name: "Ana".into(),
                },
                TeamMember {
                    kind: MemberKind::Organization,
                    name: "Water Utility".into(),
                },
            ],
            tasks: vec!["Find 20 households".into()],
        },
    )
    .unwrap();

    let promise = |org: &str,
                   kind,
                   amount: Option<f64>,
                   unit: &str,
                   toward: Toward,
                   due: &str,
                   made: &str| NewCommitment {
        organization: org.into(),
        kind,
        description: format!("{org} promises <help> & support"),
        amount,
        unit: unit.into(),
        toward,
        due: date(due),
        made_on: date(made),
    };
    let hours = room
        .add_commitment(promise(
            "Water Utility",
            CommitmentKind::StaffTime,
            Some(400.0),
            "hours",
            Toward::Indicator(overflow.clone()),
            "2025-06-30",
            "2025-01-10",
        ))
        .unwrap()
        .1;
    let grant = room
        .add_commitment(promise(
            "City",
            CommitmentKind::Money,
            Some(50000.0),
            "EUR",
            Toward::Goal(mission.clone()),
            "2025-09-30",
            "2025-04-02",
        ))
        .unwrap()
        .1;
    let venue = room
        .add_commitment(promise(
            "City",
            CommitmentKind::Venue,
            None,
            "",
            Toward::Goal(mission.clone()),
            "2025-05-31",
            "2025-02-01",
        ))
        .unwrap()
        .1;
    let data = room
        .add_commitment(promise(
            "River Trust",
            CommitmentKind::Data,
            None,
            "",
            Toward::Indicator(swimming.clone()),
            "2025-12-31",
            "2025-06-15",
        ))
        .unwrap()
        .1;
    room.set_commitment_status(
        &hours,
        StatusChange {
            status: CommitmentStatus::Met,
            date: date("2025-06-20"),
            delivered: Some(410.0),
        },
    )
    .unwrap();
    room.set_commitment_status(
        &grant,
        StatusChange {
            status: CommitmentStatus::InProgress,
            date: date("2025-05-01"),
            delivered: Some(20000.0),
        },
    )
    .unwrap();
    let (_, report) = room
        .add_check_in(
            &hours,
            NewCheckIn {
                date: date("2025-06-20"),
                by: "Ana".into(),
                text: "All 410 hours logged <see sheet>".into(),
                evidence: "https://example.org/hours?a=1&b=2".into(),
            },
        )
        .unwrap();
    room.respond_to_check_in(
        &report,
        NewResponse {
            kind: ResponseKind::Acknowledgement,
            by: "City".into(),
            date: date("2025-06-21"),
            text: String::new(),
        },
    )
    .unwrap();
    room.respond_to_check_in(
        &report,
        NewResponse {
            kind: ResponseKind::Question,
            by: "River Trust".into(),
            date: date("2025-06-22"),
            text: "Which crews?".into(),
        },
    )
    .unwrap();
    room.assign_role("Ana", Role::Facilitator).unwrap();
    room.assign_role("Bo", Role::MediaLiaison).unwrap();
    Sample {
        room,
        mission,
        objective,
        swimming,
        overflow,
        plan,
        mood,
        hours,
        grant,
        venue,
        data,
    }
}
