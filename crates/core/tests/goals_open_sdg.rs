//! One CSV per indicator in the Open SDG layout (Year, Units, Value).

mod goals_support;

use constellation_core::goals::{
    open_sdg_file_name, MeasureType, NewMeasurement, OpenSdgError, Value,
};
use constellation_core::{ClientId, Room};
use goals_support::date;

#[test]
fn one_row_per_year_with_units() {
    let mut sample = goals_support::sample();
    let add = |room: &mut Room, value: f64, on: &str| {
        let m = NewMeasurement {
            value: Value::Number(value),
            date: date(on),
            source: String::new(),
            organization: String::new(),
            note: String::new(),
        };
        room.add_measurement(&sample.swimming, m).unwrap();
    };
    add(&mut sample.room, 35.5, "2026-06-30");
    add(&mut sample.room, 33.0, "2026-12-31");
    add(&mut sample.room, 8.0, "2024-06-30");
    let csv = sample.room.open_sdg_csv(&sample.swimming).unwrap();
    // 2025 had 12 then 21: the latest of the year, 21, stands for it.
    assert_eq!(
        csv,
        "Year,Units,Value\n2024,days,8\n2025,days,21\n2026,days,33\n"
    );
}

#[test]
fn yes_no_is_one_or_zero_and_units_are_left_out_when_there_are_none() {
    let sample = goals_support::sample();
    assert_eq!(
        sample.room.open_sdg_csv(&sample.plan).unwrap(),
        "Year,Value\n2025,0\n"
    );
}

#[test]
fn qualitative_indicators_have_no_open_sdg_file() {
    let sample = goals_support::sample();
    let err = sample.room.open_sdg_csv(&sample.mood).unwrap_err();
    assert_eq!(
        err,
        OpenSdgError::Qualitative("How residents talk about the river".into())
    );
    assert_eq!(
        err.to_string(),
        "'How residents talk about the river' is qualitative: Open SDG publishes numbers only"
    );
    assert_eq!(
        sample.room.indicator(&sample.mood).unwrap().measure,
        MeasureType::Qualitative
    );
}

#[test]
fn the_file_reads_back_as_yearly_measurements() {
    let sample = goals_support::sample();
    let csv = sample.room.open_sdg_csv(&sample.overflow).unwrap();
    let mut copy =
        Room::from_snapshot(ClientId::new(9).unwrap(), sample.room.snapshot().as_bytes()).unwrap();
    for m in copy.measurements(&sample.overflow) {
        copy.delete_measurement(&m.id).unwrap();
    }
    let imported = copy
        .import_measurements_csv(&csv, Some(&sample.overflow))
        .unwrap();
    assert_eq!(imported.added.len(), 1);
    let back = copy.measurements(&sample.overflow);
    assert_eq!(
        (back[0].date, back[0].value.clone()),
        (date("2025-12-31"), Value::Number(39.0))
    );
}

#[test]
fn file_names_are_safe() {
    let sample = goals_support::sample();
    let indicator = sample.room.indicator(&sample.overflow).unwrap();
    assert_eq!(
        open_sdg_file_name(&indicator),
        format!("indicator_{}_overflow-events.csv", sample.overflow)
    );
}
