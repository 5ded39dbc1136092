//! The progress, trend and status rule (documented on `goals::progress`),
//! checked case by case from a table: one line per situation.

use constellation_core::goals::{
    assess, Baseline, Date, Direction, GoalId, Indicator, IndicatorId, MeasureType, Measurement,
    MeasurementId, Status, StatusRule, Target, TargetId, Trend, Value,
};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Reads `value@date` ("40@2026-01-01"); values are numbers, `yes`/`no` or text.
fn point(text: &str) -> (Value, Date) {
    let (value, on) = text.split_once('@').unwrap();
    let value = match value {
        "yes" => Value::YesNo(true),
        "no" => Value::YesNo(false),
        v => v
            .parse()
            .map(Value::Number)
            .unwrap_or_else(|_| Value::Text(v.into())),
    };
    (value, date(on))
}

fn points(text: &str) -> Vec<(Value, Date)> {
    text.split_whitespace().map(point).collect()
}

/// One case: an indicator (measure, direction, baseline, targets), its
/// measurements, "today", and the expected status, progress and trend.
#[allow(clippy::too_many_arguments)]
fn check(
    measure: MeasureType,
    direction: Direction,
    baseline: &str,
    targets: &str,
    measurements: &str,
    today: &str,
    status: Status,
    progress: Option<f64>,
    trend: Trend,
) {
    let indicator = Indicator {
        id: IndicatorId::new("i"),
        goal: GoalId::new("g"),
        name: "indicator".into(),
        unit: String::new(),
        direction,
        measure,
        baseline: (!baseline.is_empty()).then(|| {
            let (value, date) = point(baseline);
            Baseline { value, date }
        }),
        targets: points(targets)
            .into_iter()
            .enumerate()
            .map(|(i, (value, date))| Target {
                id: TargetId::new(format!("t{i}")),
                value,
                date,
            })
            .collect(),
        source: String::new(),
        proxy: false,
    };
    let measurements: Vec<Measurement> = points(measurements)
        .into_iter()
        .enumerate()
        .map(|(i, (value, date))| Measurement {
            id: MeasurementId::new(format!("m{i}")),
            indicator: indicator.id.clone(),
            value,
            date,
            source: String::new(),
            organization: String::new(),
            note: String::new(),
        })
        .collect();
    let case = format!("{measure:?} {direction:?} baseline {baseline} targets {targets} measured {measurements:?} on {today}");
    let got = assess(
        &indicator,
        &measurements,
        date(today),
        &StatusRule::default(),
    );
    assert_eq!(got.status, status, "{case}: {}", got.reason);
    match (got.progress, progress) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{case}: progress {a}, expected {b}"),
        (a, b) => assert_eq!(a, b, "{case}: progress"),
    }
    assert_eq!(got.trend, trend, "{case}: trend");
}

use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
use MeasureType::{Number, Percentage, Qualitative, YesNo};
use Status::{AtRisk, NoData, OffTrack, OnTrack};
use Trend::{Improving, Steady, Unknown, Worsening};

// Baseline 0 on 2024-01-01, target 100 on 2026-01-01 (731 days): on
// 2025-01-01 (366 days in) the trajectory expects 366/731 × 100 ≈ 50.07.
const B: &str = "0@2024-01-01";
const T: &str = "100@2026-01-01";

#[test]
fn numbers_against_the_trajectory() {
    // On or ahead of the trajectory, or at most 10 % of the way behind: on track.
    check(
        Number,
        Up,
        B,
        T,
        "50.07@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5007),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        T,
        "70@2025-01-01",
        "2025-02-01",
        OnTrack,
        Some(0.70),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        T,
        "41@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.41),
        Unknown,
    );
    // 10–25 % behind: at risk; more: off track.
    check(
        Number,
        Up,
        B,
        T,
        "39@2025-01-01",
        "2025-01-01",
        AtRisk,
        Some(0.39),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        T,
        "26@2025-01-01",
        "2025-01-01",
        AtRisk,
        Some(0.26),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        T,
        "24@2025-01-01",
        "2025-01-01",
        OffTrack,
        Some(0.24),
        Unknown,
    );
    // Worse than the baseline: negative progress.
    check(
        Number,
        Up,
        B,
        T,
        "-10@2025-01-01",
        "2025-01-01",
        OffTrack,
        Some(-0.10),
        Unknown,
    );
    // Reached the target early: on track, progress beyond 1.
    check(
        Number,
        Up,
        B,
        T,
        "120@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(1.2),
        Unknown,
    );
    // The target date passed without reaching it: off track, however close.
    check(
        Number,
        Up,
        B,
        T,
        "99@2026-01-01",
        "2026-01-02",
        OffTrack,
        Some(0.99),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        T,
        "100@2026-01-01",
        "2027-06-01",
        OnTrack,
        Some(1.0),
        Unknown,
    );
    // Measured before the baseline date: expected is the baseline itself.
    check(
        Number,
        Up,
        B,
        T,
        "0@2023-06-01",
        "2024-06-01",
        OnTrack,
        Some(0.0),
        Unknown,
    );
    // A measurement after "today" does not count yet.
    check(
        Number,
        Up,
        B,
        T,
        "30@2025-01-01 90@2025-06-01",
        "2025-02-01",
        AtRisk,
        Some(0.30),
        Unknown,
    );
}

#[test]
fn lower_is_better() {
    // Emissions from 200 down to 100: 150 halfway is on track, 190 is off track.
    check(
        Number,
        Down,
        "200@2024-01-01",
        "100@2026-01-01",
        "150@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Unknown,
    );
    check(
        Number,
        Down,
        "200@2024-01-01",
        "100@2026-01-01",
        "165@2025-01-01",
        "2025-01-01",
        AtRisk,
        Some(0.35),
        Unknown,
    );
    check(
        Number,
        Down,
        "200@2024-01-01",
        "100@2026-01-01",
        "190@2025-01-01",
        "2025-01-01",
        OffTrack,
        Some(0.1),
        Unknown,
    );
    check(
        Number,
        Down,
        "200@2024-01-01",
        "100@2026-01-01",
        "95@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(1.05),
        Unknown,
    );
    check(
        Number,
        Down,
        "200@2024-01-01",
        "100@2026-01-01",
        "190@2024-06-01 180@2025-01-01",
        "2025-01-01",
        OffTrack,
        Some(0.2),
        Improving,
    );
}

#[test]
fn several_targets_make_a_piecewise_trajectory() {
    // 0 → 20 by 2025-01-01 → 100 by 2026-01-01. On 2025-01-01 the trajectory
    // expects 20, and the current target (first on or after today) is 20.
    let targets = "20@2025-01-01 100@2026-01-01";
    check(
        Number,
        Up,
        B,
        targets,
        "20@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(1.0),
        Unknown,
    );
    // After the first target date the current target is 100: 20 of 100 is 0.2
    // of the way, and on 2025-01-01 the trajectory expected 20: on track.
    check(
        Number,
        Up,
        B,
        targets,
        "20@2025-01-01",
        "2025-01-02",
        OnTrack,
        Some(0.2),
        Unknown,
    );
    // Half a year later the trajectory expects ≈ 59.7; 40 is ≈ 20 % behind.
    check(
        Number,
        Up,
        B,
        targets,
        "40@2025-07-02",
        "2025-07-02",
        AtRisk,
        Some(0.4),
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        targets,
        "20@2025-07-02",
        "2025-07-02",
        OffTrack,
        Some(0.2),
        Unknown,
    );
}

#[test]
fn percentages_and_holding_a_level() {
    check(
        Percentage,
        Up,
        "40@2024-01-01",
        "60@2026-01-01",
        "50@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Unknown,
    );
    // A target equal to the baseline asks to hold the level.
    check(
        Percentage,
        Up,
        "90@2024-01-01",
        "90@2026-01-01",
        "91@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(1.0),
        Unknown,
    );
    check(
        Percentage,
        Up,
        "90@2024-01-01",
        "90@2026-01-01",
        "89@2025-01-01",
        "2025-01-01",
        OffTrack,
        Some(0.0),
        Unknown,
    );
}

#[test]
fn yes_no_indicators_wait_then_risk_then_miss() {
    let (b, t) = ("no@2024-01-01", "yes@2025-01-01");
    check(
        YesNo,
        Up,
        b,
        t,
        "yes@2024-06-01",
        "2024-06-01",
        OnTrack,
        Some(1.0),
        Unknown,
    );
    // Not yet, with most of the time left: on track; in the last quarter: at risk.
    check(
        YesNo,
        Up,
        b,
        t,
        "no@2024-03-01",
        "2024-06-01",
        OnTrack,
        Some(0.0),
        Unknown,
    );
    check(
        YesNo,
        Up,
        b,
        t,
        "no@2024-11-01",
        "2024-11-01",
        AtRisk,
        Some(0.0),
        Unknown,
    );
    check(
        YesNo,
        Up,
        b,
        t,
        "no@2024-11-01",
        "2025-01-02",
        OffTrack,
        Some(0.0),
        Unknown,
    );
    check(
        YesNo,
        Up,
        b,
        t,
        "no@2024-03-01 yes@2024-09-01",
        "2024-12-01",
        OnTrack,
        Some(1.0),
        Improving,
    );
}

#[test]
fn no_status_without_what_the_rule_needs() {
    check(
        Number,
        Up,
        "",
        T,
        "50@2025-01-01",
        "2025-01-01",
        NoData,
        None,
        Unknown,
    );
    check(
        Number,
        Up,
        B,
        "",
        "50@2025-01-01",
        "2025-01-01",
        NoData,
        None,
        Unknown,
    );
    check(Number, Up, B, T, "", "2025-01-01", NoData, None, Unknown);
    check(
        Number,
        Up,
        B,
        T,
        "50@2025-06-01",
        "2025-01-01",
        NoData,
        None,
        Unknown,
    );
    check(
        Qualitative,
        Up,
        "none@2024-01-01",
        "agreed@2026-01-01",
        "drafted@2025-01-01",
        "2025-01-01",
        NoData,
        None,
        Unknown,
    );
    // A value of the wrong kind (left by a concurrent change of measure type) is ignored.
    check(
        Number,
        Up,
        B,
        T,
        "yes@2025-01-01",
        "2025-01-01",
        NoData,
        None,
        Unknown,
    );
}

#[test]
fn trend_compares_the_last_two_values() {
    check(
        Number,
        Up,
        B,
        T,
        "30@2024-07-01 50@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Improving,
    );
    check(
        Number,
        Up,
        B,
        T,
        "60@2024-07-01 50@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Worsening,
    );
    check(
        Number,
        Up,
        B,
        T,
        "50@2024-07-01 50@2025-01-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Steady,
    );
    // Order of input does not matter: measurements are sorted by date.
    check(
        Number,
        Up,
        B,
        T,
        "50@2025-01-01 30@2024-07-01",
        "2025-01-01",
        OnTrack,
        Some(0.5),
        Improving,
    );
}

#[test]
fn the_reason_explains_the_status() {
    let indicator = Indicator {
        id: IndicatorId::new("i"),
        goal: GoalId::new("g"),
        name: "n".into(),
        unit: String::new(),
        direction: Up,
        measure: Number,
        baseline: Some(Baseline {
            value: Value::Number(0.0),
            date: date("2024-01-01"),
        }),
        targets: vec![Target {
            id: TargetId::new("t"),
            value: Value::Number(100.0),
            date: date("2026-01-01"),
        }],
        source: String::new(),
        proxy: false,
    };
    let m = |v: f64, d: &str| Measurement {
        id: MeasurementId::new(d),
        indicator: indicator.id.clone(),
        value: Value::Number(v),
        date: date(d),
        source: String::new(),
        organization: String::new(),
        note: String::new(),
    };
    let rule = StatusRule::default();
    let got = assess(
        &indicator,
        &[m(30.0, "2025-01-01")],
        date("2025-01-01"),
        &rule,
    );
    assert_eq!(
        got.reason.to_string(),
        "20% of the way behind the trajectory (expected 50.07) toward 100 by 2026-01-01"
    );
    let got = assess(
        &indicator,
        &[m(99.0, "2025-12-01")],
        date("2026-02-01"),
        &rule,
    );
    assert_eq!(
        got.reason.to_string(),
        "the target 100 was due on 2026-01-01 and is not reached"
    );
    let got = assess(&indicator, &[], date("2026-02-01"), &rule);
    assert_eq!(got.reason.to_string(), "no measurement yet");
    // A stricter rule moves the same case from at risk to off track.
    let strict = StatusRule {
        at_risk_within: 0.15,
        ..rule
    };
    assert_eq!(
        assess(
            &indicator,
            &[m(30.0, "2025-01-01")],
            date("2025-01-01"),
            &strict
        )
        .status,
        OffTrack
    );
}

mod goals_support;

#[test]
fn a_goal_takes_the_worst_status_of_its_indicators_and_sub_goals() {
    let sample = goals_support::sample();
    let rule = StatusRule::default();
    let on = goals_support::date("2025-06-30");
    let room = &sample.room;
    // Swimming days (mission) is on track, overflows (objective) off track, the
    // overflow plan on track, the qualitative indicator has no status.
    let status = |id| room.indicator_progress(id, on, &rule).unwrap().status;
    assert_eq!(status(&sample.swimming), OnTrack);
    assert_eq!(status(&sample.overflow), OffTrack);
    assert_eq!(status(&sample.plan), OnTrack);
    assert_eq!(status(&sample.mood), NoData);
    assert_eq!(
        room.goal_status(&sample.objective, on, &rule),
        Some(OffTrack)
    );
    assert_eq!(
        room.goal_status(&sample.mission, on, &rule),
        Some(OffTrack),
        "the objective's status rolls up"
    );
    // Before any measurement, neither goal has a status.
    let early = goals_support::date("2025-02-01");
    assert_eq!(
        room.goal_status(&sample.mission, early, &rule),
        Some(NoData)
    );
    assert_eq!(room.goal_status(&GoalId::new("0-0"), on, &rule), None);
}
