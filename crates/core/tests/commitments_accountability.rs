//! Per partner: promised vs delivered, overdue items and freshness (days since
//! the last check-in or measurement), as of a given day.

use constellation_core::commitments::{
    AccountabilityConfig, AmountBalance, CommitmentKind, CommitmentStatus, NewCheckIn,
    NewCommitment, StatusChange, Toward,
};
use constellation_core::goals::{
    Baseline, Date, Direction, MeasureType, NewGoal, NewIndicator, NewMeasurement, Value,
};
use constellation_core::{ClientId, Room};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn who_carries_the_work_and_who_has_gone_quiet() {
    let mut room = Room::new(ClientId::new(1).unwrap());
    let goal = room
        .add_goal(NewGoal {
            title: "Clean river".into(),
            statement: String::new(),
            hashtag: String::new(),
            population: String::new(),
            start: date("2025-01-01"),
            end: date("2030-12-31"),
            parent: None,
        })
        .unwrap()
        .1;
    let indicator = room
        .add_indicator(
            &goal,
            NewIndicator {
                name: "Swimming days".into(),
                unit: "days".into(),
                direction: Direction::HigherIsBetter,
                measure: MeasureType::Number,
                baseline: Some(Baseline {
                    value: Value::Number(10.0),
                    date: date("2025-01-01"),
                }),
                targets: vec![],
                source: String::new(),
                proxy: false,
            },
        )
        .unwrap()
        .1;
    let promise = |org: &str, kind, amount: Option<f64>, unit: &str, due: &str| NewCommitment {
        organization: org.into(),
        kind,
        description: format!("{org} helps"),
        amount,
        unit: unit.into(),
        toward: Toward::Goal(goal.clone()),
        due: date(due),
        made_on: date("2025-01-15"),
    };
    let utility_hours = room
        .add_commitment(promise(
            "Water Utility",
            CommitmentKind::StaffTime,
            Some(400.0),
            "hours",
            "2025-06-30",
        ))
        .unwrap()
        .1;
    let utility_more = room
        .add_commitment(promise(
            "water utility ",
            CommitmentKind::StaffTime,
            Some(100.0),
            "hours",
            "2025-12-31",
        ))
        .unwrap()
        .1;
    let city_money = room
        .add_commitment(promise(
            "City",
            CommitmentKind::Money,
            Some(5000.0),
            "EUR",
            "2025-03-31",
        ))
        .unwrap()
        .1;
    let _city_venue = room
        .add_commitment(promise(
            "City",
            CommitmentKind::Venue,
            None,
            "",
            "2025-02-28",
        ))
        .unwrap()
        .1;
    let _trust_data = room
        .add_commitment(promise(
            "River Trust",
            CommitmentKind::Data,
            None,
            "",
            "2025-09-30",
        ))
        .unwrap()
        .1;

    room.set_commitment_status(
        &utility_hours,
        StatusChange {
            status: CommitmentStatus::Met,
            date: date("2025-06-20"),
            delivered: Some(420.0),
        },
    )
    .unwrap();
    room.set_commitment_status(
        &utility_more,
        StatusChange {
            status: CommitmentStatus::InProgress,
            date: date("2025-05-01"),
            delivered: Some(30.0),
        },
    )
    .unwrap();
    room.set_commitment_status(
        &city_money,
        StatusChange {
            status: CommitmentStatus::Met,
            date: date("2025-03-15"),
            delivered: None,
        },
    )
    .unwrap();
    room.add_check_in(
        &utility_more,
        NewCheckIn {
            date: date("2025-06-25"),
            by: "Ana".into(),
            text: "30 hours so far".into(),
            evidence: String::new(),
        },
    )
    .unwrap();
    // A check-in dated after "today" does not count yet.
    room.add_check_in(
        &city_money,
        NewCheckIn {
            date: date("2025-08-01"),
            by: "Bo".into(),
            text: "Paid".into(),
            evidence: String::new(),
        },
    )
    .unwrap();
    let measurement = |org: &str, on: &str| NewMeasurement {
        value: Value::Number(12.0),
        date: date(on),
        source: String::new(),
        organization: org.into(),
        note: String::new(),
    };
    room.add_measurement(&indicator, measurement("River Trust", "2025-05-01"))
        .unwrap();
    room.add_measurement(&indicator, measurement("University Lab", "2025-06-29"))
        .unwrap();

    let today = date("2025-07-01");
    let accounts = room.accountability(today, &AccountabilityConfig::default());
    let names: Vec<&str> = accounts.iter().map(|a| a.organization.as_str()).collect();
    assert_eq!(
        names,
        vec!["City", "River Trust", "University Lab", "Water Utility"]
    );

    let city = &accounts[0];
    assert_eq!((city.promised, city.open, city.met), (2, 1, 1));
    assert_eq!(
        city.overdue.len(),
        1,
        "the venue was due 2025-02-28 and is still planned"
    );
    assert_eq!(city.overdue[0].kind, CommitmentKind::Venue);
    assert_eq!(
        city.amounts,
        vec![AmountBalance {
            kind: CommitmentKind::Money,
            unit: "EUR".into(),
            promised: 5000.0,
            delivered: 5000.0
        }],
        "met without a recorded amount counts as fully delivered"
    );
    assert_eq!(
        (city.last_check_in, city.days_since_report, city.quiet),
        (None, None, true)
    );

    let trust = &accounts[1];
    assert_eq!(trust.last_measurement, Some(date("2025-05-01")));
    assert_eq!(trust.days_since_report, Some(61));
    assert!(trust.quiet, "61 days is more than 30");
    assert!(trust.overdue.is_empty());

    let lab = &accounts[2];
    assert_eq!(
        (lab.promised, lab.days_since_report, lab.quiet),
        (0, Some(2), false)
    );

    let utility = &accounts[3];
    assert_eq!(
        utility.organization, "Water Utility",
        "names match without regard to case or spaces"
    );
    assert_eq!((utility.promised, utility.open, utility.met), (2, 1, 1));
    assert_eq!(
        utility.amounts,
        vec![AmountBalance {
            kind: CommitmentKind::StaffTime,
            unit: "hours".into(),
            promised: 500.0,
            delivered: 450.0
        }]
    );
    assert_eq!(
        (
            utility.last_check_in,
            utility.days_since_report,
            utility.quiet
        ),
        (Some(date("2025-06-25")), Some(6), false)
    );

    // A longer patience makes nobody who reported quiet.
    let patient = room.accountability(
        today,
        &AccountabilityConfig {
            quiet_after_days: 90,
        },
    );
    assert!(!patient[1].quiet);
    // Later, the utility's second commitment is overdue too.
    let later = room.accountability(date("2026-01-10"), &AccountabilityConfig::default());
    assert_eq!(later[3].overdue.len(), 1);
    assert_eq!(later[0].last_check_in, Some(date("2025-08-01")));
}
