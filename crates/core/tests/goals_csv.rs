//! Importing measurements from CSV: every bad row reported by line and column,
//! nothing applied until every row is valid; and the export/import round trip.

use constellation_core::goals::{
    measurements_to_csv, Baseline, Date, Direction, Field, FieldProblem, GoalError, GoalId,
    IndicatorId, MeasureType, Measurement, NewGoal, NewIndicator, NewMeasurement, RowProblem,
    RowReason, Value,
};
use constellation_core::{ClientId, Room};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// A room with one goal and two indicators: "Swimming days" (number, days)
/// and "Plan adopted" (yes/no).
fn setup() -> (Room, GoalId, IndicatorId, IndicatorId) {
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
    let indicator = |name: &str, unit: &str, measure| NewIndicator {
        name: name.into(),
        unit: unit.into(),
        direction: Direction::HigherIsBetter,
        measure,
        baseline: Some(Baseline {
            value: if measure == MeasureType::YesNo {
                Value::YesNo(false)
            } else {
                Value::Number(10.0)
            },
            date: date("2025-01-01"),
        }),
        targets: vec![],
        source: String::new(),
        proxy: false,
    };
    let days = room
        .add_indicator(
            &goal,
            indicator("Swimming days", "days", MeasureType::Number),
        )
        .unwrap()
        .1;
    let plan = room
        .add_indicator(&goal, indicator("Plan adopted", "", MeasureType::YesNo))
        .unwrap()
        .1;
    (room, goal, days, plan)
}

/// What a measurement says, without its id.
fn content(list: &[Measurement]) -> Vec<(String, String, String, String, String, String)> {
    list.iter()
        .map(|m| {
            (
                m.indicator.to_string(),
                m.date.to_string(),
                m.value.to_string(),
                m.source.clone(),
                m.organization.clone(),
                m.note.clone(),
            )
        })
        .collect()
}

#[test]
fn a_valid_file_is_imported_in_one_update() {
    let (mut room, _, days, plan) = setup();
    let csv = "\u{feff}Indicator,Date,Value,Source,Reporting organization,Note\n\
               Swimming days,2025-06-30,14,beach survey,River Trust,\n\
               swimming days,2025-09-30,\"21\",beach survey,River Trust,\"after rain, fewer\"\n\
               \n\
               Plan adopted,2025-10-01,yes,council minutes,City,\n";
    let imported = room.import_measurements_csv(csv, None).unwrap();
    assert!(!imported.update.is_empty());
    assert_eq!(imported.added.len(), 3);
    assert_eq!(imported.skipped_duplicates, 0);
    let list = room.measurements(&days);
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].value, Value::Number(21.0));
    assert_eq!(list[1].note, "after rain, fewer");
    assert_eq!(list[1].organization, "River Trust");
    assert_eq!(room.measurements(&plan)[0].value, Value::YesNo(true));
    // The same file again adds nothing.
    let again = room.import_measurements_csv(csv, None).unwrap();
    assert_eq!((again.added.len(), again.skipped_duplicates), (0, 3));
    assert!(again.update.is_empty());
}

#[test]
fn bad_rows_are_reported_by_line_and_column_and_nothing_is_applied() {
    let (mut room, _, days, _) = setup();
    room.add_measurement(
        &days,
        NewMeasurement {
            value: Value::Number(12.0),
            date: date("2025-03-01"),
            source: String::new(),
            organization: String::new(),
            note: String::new(),
        },
    )
    .unwrap();
    let csv = "indicator,date,value,organization\n\
               Swimming days,2025-06-30,14,River Trust\n\
               Swimming days,2025-06-31,14,River Trust\n\
               Swimming days,2025-07-31,n/a,River Trust\n\
               Plan adopted,2025-08-01,maybe,City\n\
               Fish counts,2025-08-01,3,City\n\
               Swimming days,2025-09-01\n\
               Swimming days,2025-10-01,20,River Trust\n";
    let (view, revision, state) = (room.goals_view(), room.revision(), room.state_vector());
    let err = room.import_measurements_csv(csv, None).unwrap_err();
    assert_eq!(room.goals_view(), view, "nothing of the file is applied");
    assert_eq!((room.revision(), room.state_vector()), (revision, state));
    let at = |line: u64, column: Option<(usize, &str)>, reason: RowReason| RowProblem {
        line,
        column: column.map(|(n, name)| (n, name.to_owned())),
        reason,
    };
    let invalid = |field, problem| RowReason::Invalid(GoalError::Invalid { field, problem });
    assert_eq!(
        err.problems,
        vec![
            at(3, Some((2, "date")), invalid(Field::Date, FieldProblem::NotADate { found: "2025-06-31".into() })),
            at(4, Some((3, "value")), invalid(Field::Value, FieldProblem::NotANumber { found: "n/a".into() })),
            at(5, Some((3, "value")), invalid(Field::Value, FieldProblem::NotYesNo { found: "maybe".into() })),
            at(6, Some((1, "indicator")), RowReason::NoSuchIndicator { name: "Fish counts".into() }),
            at(7, None, RowReason::FieldCount { found: 2, expected: 4 }),
        ]
    );
    assert_eq!(err.more, 0);
    // The English words (CLI, logs) still say the same.
    let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "line 3, column 2 (date): the date must be a date written YYYY-MM-DD (for example 2030-12-31), found '2025-06-31'",
            "line 4, column 3 (value): the value must be a number (like 12 or 12.5), found 'n/a'",
            "line 5, column 3 (value): the value must be yes or no, found 'maybe'",
            "line 6, column 1 (indicator): there is no indicator 'Fish counts' in this room: use an indicator's name or id",
            "line 7: this line has 2 fields; the header has 4",
        ]
    );
    assert!(err.to_string().starts_with(
        "nothing was imported: 5 problems to fix in the file first\nline 3, column 2 (date):"
    ));
    // Checking alone reports the same, and changes nothing either.
    assert_eq!(room.check_measurements_csv(csv, None).unwrap_err(), err);
}

#[test]
fn header_problems_are_reported_on_line_1() {
    let (room, _, days, _) = setup();
    let problems = |csv: &str, indicator: Option<&IndicatorId>| -> Vec<String> {
        room.check_measurements_csv(csv, indicator)
            .unwrap_err()
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    let reasons = |csv: &str, indicator: Option<&IndicatorId>| -> Vec<(u64, Option<usize>, RowReason)> {
        room.check_measurements_csv(csv, indicator)
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| (p.line, p.column.map(|(n, _)| n), p.reason))
            .collect()
    };
    assert_eq!(reasons("", Some(&days)), vec![(1, None, RowReason::Empty)]);
    assert_eq!(
        reasons("date,amount\n", Some(&days)),
        vec![(1, Some(2), RowReason::UnknownColumn), (1, None, RowReason::NoValueColumn)]
    );
    assert_eq!(reasons("value,value,date\n", Some(&days)), vec![(1, Some(2), RowReason::DuplicateColumn)]);
    assert_eq!(reasons("date,value\n2025-01-01,3\n", None), vec![(1, None, RowReason::NoIndicatorColumn)]);
    assert_eq!(reasons("value\n3\n", Some(&days)), vec![(1, None, RowReason::NoDateColumn)]);
    // The English words (CLI, logs):
    assert_eq!(problems("", Some(&days)), vec!["line 1: the file is empty: it needs a header row (date,value…) and one row per measurement"]);
    assert_eq!(
        problems("date,value,sex\n2025-01-01,3,f\n", Some(&days)),
        vec!["line 1, column 3 (sex): unknown column: the columns are indicator, date or year, value, units, source, organization, note"]
    );
    assert_eq!(problems("date,amount\n", Some(&days)), vec![
        "line 1, column 2 (amount): unknown column: the columns are indicator, date or year, value, units, source, organization, note",
        "line 1: the header has no value column",
    ]);
    assert_eq!(
        problems("value,value,date\n", Some(&days)),
        vec!["line 1, column 2 (value): this column appears twice: keep one"]
    );
    assert_eq!(
        problems("date,value\n2025-01-01,3\n", None),
        vec!["line 1: the file has no indicator column: choose the indicator to import into"]
    );
    assert_eq!(
        problems("value\n3\n", Some(&days)),
        vec!["line 1: the header needs a date column (YYYY-MM-DD) or a year column"]
    );
}

#[test]
fn open_sdg_layout_with_year_and_units_imports_into_a_chosen_indicator() {
    let (mut room, _, days, _) = setup();
    let csv = "Year,Units,Value\n2024,days,11\n2025,DAYS,15.5\n";
    let imported = room.import_measurements_csv(csv, Some(&days)).unwrap();
    assert_eq!(imported.added.len(), 2);
    let list = room.measurements(&days);
    assert_eq!(list[0].date, date("2024-12-31"));
    assert_eq!(list[1].value, Value::Number(15.5));
    let err = room
        .check_measurements_csv("Year,Units,Value\n2026,km,3\n20x6,days,3\n", Some(&days))
        .unwrap_err();
    let reasons: Vec<(u64, &RowReason)> = err.problems.iter().map(|p| (p.line, &p.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (2, &RowReason::UnitsDiffer { units: "km".into(), expected: "days".into() }),
            (3, &RowReason::BadYear { found: "20x6".into() }),
        ]
    );
    let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "line 2, column 2 (Units): the units 'km' differ from the indicator's unit 'days'",
            "line 3, column 1 (Year): the year must be four digits, like 2026, found '20x6'",
        ]
    );
}

#[test]
fn many_bad_rows_are_counted_beyond_the_first_hundred() {
    let (room, _, days, _) = setup();
    let mut csv = String::from("date,value\n");
    for _ in 0..150 {
        csv.push_str("2025-01-01,x\n");
    }
    let err = room.check_measurements_csv(&csv, Some(&days)).unwrap_err();
    assert_eq!((err.problems.len(), err.more), (100, 50));
    assert_eq!(err.problems[99].line, 101);
    assert!(err.to_string().ends_with("…and 50 more"));
}

#[test]
fn export_then_import_gives_back_the_same_measurements() {
    let (mut source, _, days, plan) = setup();
    let start = source.snapshot();
    let add = |room: &mut Room, indicator: &IndicatorId, value: Value, on: &str, note: &str| {
        let m = NewMeasurement {
            value,
            date: date(on),
            source: "survey, wave 2".into(),
            organization: "River \"Trust\"".into(),
            note: note.into(),
        };
        room.add_measurement(indicator, m).unwrap();
    };
    add(
        &mut source,
        &days,
        Value::Number(14.25),
        "2025-06-30",
        "line one\nline two",
    );
    add(&mut source, &days, Value::Number(-3.0), "2025-07-30", "");
    add(
        &mut source,
        &plan,
        Value::YesNo(false),
        "2025-08-01",
        "not yet",
    );
    let csv = measurements_to_csv(&source.all_measurements());

    let mut target = Room::from_snapshot(ClientId::new(2).unwrap(), start.as_bytes()).unwrap();
    let imported = target.import_measurements_csv(&csv, None).unwrap();
    assert_eq!(imported.added.len(), 3);
    assert_eq!(
        content(&target.all_measurements()),
        content(&source.all_measurements())
    );
}
