//! Form validation as you type: pure functions over drafts that report every
//! field's problem at once, name the field, and leave the draft as typed.

use constellation_core::goals::{
    validate_goal, validate_indicator, validate_measurement, validate_target, Baseline, Date,
    Field, GoalDraft, IndicatorDraft, MeasureType, MeasurementDraft, TargetDraft, Value,
};

fn messages(
    errors: &[constellation_core::goals::FormError],
) -> Vec<(Field, Option<usize>, String)> {
    errors
        .iter()
        .map(|e| (e.field, e.row, e.to_string()))
        .collect()
}

fn goal_draft() -> GoalDraft {
    GoalDraft {
        title: "Clean river".into(),
        statement: "Swimmable by 2030".into(),
        hashtag: "#CleanRiver".into(),
        population: "basin residents".into(),
        start: "2025-01-01".into(),
        end: "2030-12-31".into(),
        parent: None,
    }
}

fn indicator_draft() -> IndicatorDraft {
    IndicatorDraft {
        name: "Swimming days".into(),
        unit: "days".into(),
        baseline_value: "10".into(),
        baseline_date: "2026-03-01".into(),
        targets: vec![TargetDraft {
            value: "40".into(),
            date: "2028-12-31".into(),
        }],
        ..IndicatorDraft::default()
    }
}

#[test]
fn a_valid_goal_draft_becomes_a_new_goal() {
    let goal = validate_goal(&goal_draft()).unwrap();
    assert_eq!(goal.start, Date::parse("2025-01-01").unwrap());
    assert_eq!(goal.hashtag, "#CleanRiver");
}

#[test]
fn every_goal_field_problem_is_reported_at_once_and_the_draft_is_kept() {
    let draft = GoalDraft {
        title: " ".into(),
        hashtag: "clean river".into(),
        start: "2025-13-01".into(),
        end: "soon".into(),
        ..goal_draft()
    };
    let before = draft.clone();
    let errors = validate_goal(&draft).unwrap_err();
    assert_eq!(draft, before, "validation never changes what was typed");
    assert_eq!(
        messages(&errors),
        vec![
            (Field::StartDate, None, "the start date must be a date written YYYY-MM-DD (for example 2030-12-31), found '2025-13-01'".into()),
            (Field::EndDate, None, "the end date must be a date written YYYY-MM-DD (for example 2030-12-31), found 'soon'".into()),
            (Field::Title, None, "the title is required".into()),
            (Field::Hashtag, None, "a hashtag is # followed by letters, digits or _ with no spaces (like #CleanRiver2030), found 'clean river'".into()),
        ]
    );
    let errors = validate_goal(&GoalDraft {
        end: "2024-12-31".into(),
        ..goal_draft()
    })
    .unwrap_err();
    assert_eq!(
        messages(&errors),
        vec![(Field::EndDate, None, "the end date 2024-12-31 is before the start date 2025-01-01: move the end later or the start earlier".into())]
    );
}

#[test]
fn indicator_drafts_check_numbers_dates_and_each_target_row() {
    let indicator = validate_indicator(&indicator_draft()).unwrap();
    assert_eq!(
        indicator.baseline,
        Some(Baseline {
            value: Value::Number(10.0),
            date: Date::parse("2026-03-01").unwrap()
        })
    );
    assert_eq!(indicator.targets[0].value, Value::Number(40.0));

    let draft = IndicatorDraft {
        baseline_value: "ten".into(),
        targets: vec![
            TargetDraft {
                value: "40".into(),
                date: "2026-01-01".into(),
            },
            TargetDraft {
                value: "4O".into(),
                date: "2028-12-31".into(),
            },
            TargetDraft {
                value: "50".into(),
                date: "2028-12-31".into(),
            },
        ],
        ..indicator_draft()
    };
    let errors = validate_indicator(&draft).unwrap_err();
    assert_eq!(
        messages(&errors),
        vec![
            (
                Field::BaselineValue,
                None,
                "the baseline value must be a number (like 12 or 12.5), found 'ten'".into()
            ),
            (
                Field::TargetValue,
                Some(2),
                "target 2: the target value must be a number (like 12 or 12.5), found '4O'".into()
            ),
        ]
    );
    // With the baseline fixed, the early target and the duplicate date show up.
    let draft = IndicatorDraft {
        baseline_value: "10".into(),
        ..draft
    };
    let errors = validate_indicator(&draft).unwrap_err();
    assert_eq!(
        messages(&errors)[0],
        (Field::TargetDate, Some(1), "target 1: the target date 2026-01-01 is before the baseline date 2026-03-01: move the target later or the baseline earlier".into())
    );
    let fixed = IndicatorDraft {
        targets: vec![
            TargetDraft {
                value: "40".into(),
                date: "2028-12-31".into(),
            },
            TargetDraft {
                value: "50".into(),
                date: "2028-12-31".into(),
            },
        ],
        ..draft
    };
    assert_eq!(
        messages(&validate_indicator(&fixed).unwrap_err()),
        vec![(Field::TargetDate, Some(2), "target 2: there is already a target on 2028-12-31: change that target instead of adding another".into())]
    );
}

#[test]
fn a_half_filled_baseline_names_the_missing_half() {
    let errors = validate_indicator(&IndicatorDraft {
        baseline_date: "".into(),
        ..indicator_draft()
    })
    .unwrap_err();
    assert_eq!(
        messages(&errors),
        vec![(
            Field::BaselineDate,
            None,
            "the baseline date is required when a baseline value is given (or leave both empty)"
                .into()
        )]
    );
    let none = IndicatorDraft {
        baseline_value: " ".into(),
        baseline_date: "".into(),
        ..indicator_draft()
    };
    assert_eq!(validate_indicator(&none).unwrap().baseline, None);
}

#[test]
fn values_are_read_by_measure_type() {
    let target = |value: &str, measure| {
        validate_target(
            &TargetDraft {
                value: value.into(),
                date: "2030-01-01".into(),
            },
            measure,
            None,
        )
        .map(|t| t.value)
        .map_err(|e| e[0].to_string())
    };
    assert_eq!(target("12.5", MeasureType::Number), Ok(Value::Number(12.5)));
    assert_eq!(target("-3", MeasureType::Number), Ok(Value::Number(-3.0)));
    assert_eq!(
        target("45 %", MeasureType::Percentage),
        Ok(Value::Number(45.0))
    );
    assert_eq!(target("Yes", MeasureType::YesNo), Ok(Value::YesNo(true)));
    assert_eq!(target("0", MeasureType::YesNo), Ok(Value::YesNo(false)));
    assert_eq!(
        target("plan agreed", MeasureType::Qualitative),
        Ok(Value::Text("plan agreed".into()))
    );
    for bad in ["inf", "NaN", "1,5", "1.2.3", "12 people", "."] {
        assert!(target(bad, MeasureType::Number).is_err(), "{bad}");
    }
    assert_eq!(
        target("maybe", MeasureType::YesNo),
        Err("the target value must be yes or no, found 'maybe'".into())
    );
    assert_eq!(
        target("", MeasureType::Number),
        Err("the target value is required".into())
    );
}

#[test]
fn measurement_drafts_name_each_field() {
    let draft = MeasurementDraft {
        value: "abc".into(),
        date: "2026/01/01".into(),
        note: "n".repeat(5001),
        ..Default::default()
    };
    let errors = validate_measurement(&draft, MeasureType::Number).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.field).collect::<Vec<_>>(),
        vec![Field::Value, Field::Date, Field::Note]
    );
    assert_eq!(
        errors[2].to_string(),
        "the note holds at most 5000 characters; this one has 5001"
    );
    let ok = validate_measurement(
        &MeasurementDraft {
            value: " 7 ".into(),
            date: "2026-01-01".into(),
            organization: " City ".into(),
            ..Default::default()
        },
        MeasureType::Number,
    )
    .unwrap();
    assert_eq!(
        (ok.value, ok.organization.as_str()),
        (Value::Number(7.0), "City")
    );
}

#[test]
fn experiment_forms_check_title_team_and_tasks() {
    use constellation_core::goals::{validate_experiment, MemberKind, NewExperiment, TeamMember};
    let ana = TeamMember {
        kind: MemberKind::Person,
        name: "Ana".into(),
    };
    let draft = NewExperiment {
        title: " ".into(),
        hypothesis: "h".into(),
        team: vec![ana.clone(), ana.clone()],
        tasks: vec!["Buy barrels".into(), "".into()],
    };
    let errors = validate_experiment(&draft).unwrap_err();
    assert_eq!(
        messages(&errors),
        vec![
            (
                Field::ExperimentTitle,
                None,
                "the experiment title is required".into()
            ),
            (Field::TeamMember, None, "the team already has Ana".into()),
            (Field::Task, None, "the task is required".into()),
        ]
    );
    let ok = validate_experiment(&NewExperiment {
        title: " Barrels ".into(),
        team: vec![ana],
        tasks: vec!["Buy".into()],
        ..draft
    })
    .unwrap();
    assert_eq!(ok.title, "Barrels");
}
