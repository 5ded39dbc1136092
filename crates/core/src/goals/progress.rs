//! Progress toward the current target, trend, and status (on track, at risk,
//! off track) of an indicator, and the status of a goal.
//!
//! # The status rule
//!
//! [`assess`] computes, for one indicator on a given day `today`:
//!
//! 1. **What counts.** Measurements dated on or before `today` whose value fits
//!    the indicator's measure type. The *latest* is the one with the latest date
//!    (among several on that date, the last one recorded).
//! 2. **No status** ([`Status::NoData`]) when the indicator is qualitative, or
//!    has no baseline, no target, or no measurement that counts.
//! 3. **Current target.** The first target dated on or after `today`; when every
//!    target date has passed, the last target.
//! 4. **Progress** = (latest − baseline) ÷ (current target − baseline): 0 at the
//!    baseline, 1 at the target, below 0 when worse than the baseline, above 1
//!    beyond the target. When the target equals the baseline, progress is 1 if
//!    the latest value is at or better than it, else 0.
//! 5. **Trajectory.** Straight lines from the baseline to the first target and
//!    from each target to the next. The *expected* value is the trajectory's
//!    value on the latest measurement's date (the baseline value before the
//!    baseline date, the last target's value after the last target date).
//! 6. **Status**, with "better" meaning higher or lower as the indicator says:
//!    - the latest value is at or better than the current target → **on track**;
//!    - otherwise, `today` is after the current target's date (every target
//!      date has passed) → **off track**;
//!    - otherwise, for a yes/no indicator → **on track** until
//!      [`StatusRule::yes_no_at_risk_after`] (75 %) of the time from the previous
//!      target (or the baseline) to the current target has passed, then
//!      **at risk**;
//!    - otherwise, when the target asks for no improvement over the baseline →
//!      **off track** (it should be held and is not);
//!    - otherwise the shortfall *behind* = (expected − latest) ÷ (current target −
//!      baseline), both taken in the better direction: how far behind the
//!      trajectory the indicator is, as a share of the whole improvement the
//!      target asks for. behind ≤ [`StatusRule::on_track_within`] (10 %) →
//!      **on track**; behind ≤ [`StatusRule::at_risk_within`] (25 %) → **at
//!      risk**; more → **off track**.
//!
//! **Trend** compares the latest value with the one before it (by date):
//! improving, worsening or steady in the better direction; unknown with fewer
//! than two values or for a qualitative indicator.
//!
//! A **goal's status** is the worst status among its own indicators and the
//! goals under it (off track, then at risk, then on track); indicators without
//! a status do not count, and a goal with none has no status.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::model::{GoalId, Indicator, IndicatorId, MeasureType, Measurement, Target};
use crate::room::Room;

/// The thresholds of the status rule (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusRule {
    /// Behind the trajectory by at most this share of the required improvement
    /// is still on track.
    pub on_track_within: f64,
    /// Behind by at most this share is at risk; more is off track.
    pub at_risk_within: f64,
    /// A yes/no indicator still at "no" is at risk once this share of the time
    /// to its target has passed.
    pub yes_no_at_risk_after: f64,
}

impl Default for StatusRule {
    fn default() -> StatusRule {
        StatusRule {
            on_track_within: 0.10,
            at_risk_within: 0.25,
            yes_no_at_risk_after: 0.75,
        }
    }
}

/// Where an indicator or goal stands. Ordered from best to worst, `NoData` last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "on track",
            Status::AtRisk => "at risk",
            Status::OffTrack => "off track",
            Status::NoData => "no data",
        }
    }

    /// The worse of two statuses; `NoData` yields to any real status.
    pub fn worst(self, other: Status) -> Status {
        match (self, other) {
            (Status::NoData, s) | (s, Status::NoData) => s,
            (a, b) => a.max(b),
        }
    }
}

/// Which way the indicator moved between its last two values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Improving,
    Steady,
    Worsening,
    Unknown,
}

/// Why an indicator has the status it has, for showing next to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StatusReason {
    Qualitative,
    NoBaseline,
    NoTarget,
    NoMeasurement,
    Reached {
        target: f64,
        date: Date,
    },
    DeadlinePassed {
        target: f64,
        date: Date,
    },
    AwaitingYes {
        date: Date,
        elapsed: f64,
    },
    NotHeld {
        target: f64,
    },
    Behind {
        share: f64,
        expected: f64,
        target: f64,
        date: Date,
    },
}

impl std::fmt::Display for StatusReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusReason::Qualitative => {
                f.write_str("a qualitative indicator has no computed status")
            }
            StatusReason::NoBaseline => f.write_str("no baseline yet: add one to compute a status"),
            StatusReason::NoTarget => f.write_str("no target yet: add one to compute a status"),
            StatusReason::NoMeasurement => f.write_str("no measurement yet"),
            StatusReason::Reached { target, date } => {
                write!(f, "the target {target} for {date} is reached")
            }
            StatusReason::DeadlinePassed { target, date } => {
                write!(
                    f,
                    "the target {target} was due on {date} and is not reached"
                )
            }
            StatusReason::AwaitingYes { date, elapsed } => write!(
                f,
                "not yet achieved; {:.0}% of the time to {date} has passed",
                elapsed * 100.0
            ),
            StatusReason::NotHeld { target } => {
                write!(f, "the level {target} should be held and is not")
            }
            StatusReason::Behind {
                share,
                expected,
                target,
                date,
            } if *share <= 0.0 => write!(
                f,
                "ahead of the trajectory (expected {}) toward {target} by {date}",
                round(*expected)
            ),
            StatusReason::Behind {
                share,
                expected,
                target,
                date,
            } => write!(
                f,
                "{:.0}% of the way behind the trajectory (expected {}) toward {target} by {date}",
                share * 100.0,
                round(*expected)
            ),
        }
    }
}

/// An indicator's standing on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub status: Status,
    pub reason: StatusReason,
    /// Share of the way from the baseline to the current target (1 = reached).
    pub progress: Option<f64>,
    pub trend: Trend,
    pub latest: Option<Measurement>,
    pub current_target: Option<Target>,
    /// The trajectory's value on the latest measurement's date.
    pub expected: Option<f64>,
}

/// Applies the status rule (module documentation) to one indicator.
/// `measurements` may be in any order and may include other indicators'.
pub fn assess(
    indicator: &Indicator,
    measurements: &[Measurement],
    today: Date,
    rule: &StatusRule,
) -> Assessment {
    let mut counted: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| {
            m.indicator == indicator.id && m.date <= today && indicator.measure.fits(&m.value)
        })
        .collect();
    // Stable sort: measurements of one date keep the order they were given in,
    // which for the room's lists is the order they were recorded.
    counted.sort_by_key(|m| m.date);
    let latest = counted.last().map(|m| (*m).clone());
    let trend = trend(indicator, &counted);
    let current_target = current_target(&indicator.targets, today).cloned();
    let mut assessment = Assessment {
        status: Status::NoData,
        reason: StatusReason::NoMeasurement,
        progress: None,
        trend,
        latest: latest.clone(),
        current_target: current_target.clone(),
        expected: None,
    };
    let baseline = indicator
        .baseline
        .as_ref()
        .and_then(|b| Some((b.value.as_number()?, b.date)));
    let target = current_target
        .as_ref()
        .and_then(|t| Some((t.value.as_number()?, t.date)));
    let value = latest
        .as_ref()
        .and_then(|m| Some((m.value.as_number()?, m.date)));
    let (baseline, (target, target_date), (value, value_date)) = match (baseline, target, value) {
        _ if indicator.measure == MeasureType::Qualitative => {
            assessment.reason = StatusReason::Qualitative;
            return assessment;
        }
        (None, _, _) => {
            assessment.reason = StatusReason::NoBaseline;
            return assessment;
        }
        (_, None, _) => {
            assessment.reason = StatusReason::NoTarget;
            return assessment;
        }
        (_, _, None) => return assessment,
        (Some(b), Some(t), Some(v)) => (b, t, v),
    };
    let sign = indicator.direction.sign();
    let span = sign * (target - baseline.0);
    assessment.progress = Some(if span.abs() < f64::EPSILON {
        if sign * (value - target) >= 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        (value - baseline.0) / (target - baseline.0)
    });
    let expected = trajectory(baseline, &indicator.targets, value_date);
    assessment.expected = Some(expected);
    let (status, reason) = if sign * (value - target) >= 0.0 {
        (
            Status::OnTrack,
            StatusReason::Reached {
                target,
                date: target_date,
            },
        )
    } else if today > target_date {
        (
            Status::OffTrack,
            StatusReason::DeadlinePassed {
                target,
                date: target_date,
            },
        )
    } else if indicator.measure == MeasureType::YesNo {
        let start = segment_start(baseline.1, &indicator.targets, target_date);
        let length = target_date.days_since(start).max(1) as f64;
        let elapsed = (today.days_since(start) as f64 / length).clamp(0.0, 1.0);
        let status = if elapsed > rule.yes_no_at_risk_after {
            Status::AtRisk
        } else {
            Status::OnTrack
        };
        (
            status,
            StatusReason::AwaitingYes {
                date: target_date,
                elapsed,
            },
        )
    } else if span <= 0.0 {
        (Status::OffTrack, StatusReason::NotHeld { target })
    } else {
        let share = sign * (expected - value) / span;
        let status = if share <= rule.on_track_within {
            Status::OnTrack
        } else if share <= rule.at_risk_within {
            Status::AtRisk
        } else {
            Status::OffTrack
        };
        (
            status,
            StatusReason::Behind {
                share,
                expected,
                target,
                date: target_date,
            },
        )
    };
    assessment.status = status;
    assessment.reason = reason;
    assessment
}

/// The first target dated on or after `today`, else the last one.
pub fn current_target(targets: &[Target], today: Date) -> Option<&Target> {
    let mut sorted: Vec<&Target> = targets.iter().collect();
    sorted.sort_by_key(|t| t.date);
    sorted
        .iter()
        .find(|t| t.date >= today)
        .or(sorted.last())
        .copied()
}

/// The trajectory's value on `date`: straight lines through the baseline and
/// the targets (those without a number are skipped).
pub fn trajectory(baseline: (f64, Date), targets: &[Target], date: Date) -> f64 {
    let mut points: Vec<(f64, Date)> = vec![baseline];
    let mut sorted: Vec<(f64, Date)> = targets
        .iter()
        .filter_map(|t| Some((t.value.as_number()?, t.date)))
        .collect();
    sorted.sort_by_key(|p| p.1);
    points.extend(sorted.into_iter().filter(|p| p.1 >= baseline.1));
    if date <= points[0].1 {
        return points[0].0;
    }
    for pair in points.windows(2) {
        let ((v0, d0), (v1, d1)) = (pair[0], pair[1]);
        if date <= d1 {
            let length = d1.days_since(d0);
            if length == 0 {
                return v1;
            }
            return v0 + (v1 - v0) * date.days_since(d0) as f64 / length as f64;
        }
    }
    points.last().expect("at least the baseline").0
}

/// The date the current target's stretch starts: the previous target's date, or
/// the baseline's.
fn segment_start(baseline: Date, targets: &[Target], target_date: Date) -> Date {
    targets
        .iter()
        .map(|t| t.date)
        .filter(|d| *d < target_date && *d >= baseline)
        .max()
        .unwrap_or(baseline)
}

fn trend(indicator: &Indicator, counted: &[&Measurement]) -> Trend {
    let [.., previous, latest] = counted else {
        return Trend::Unknown;
    };
    let (Some(a), Some(b)) = (previous.value.as_number(), latest.value.as_number()) else {
        return Trend::Unknown;
    };
    let change = indicator.direction.sign() * (b - a);
    let tolerance = 1e-9 * a.abs().max(b.abs()).max(1.0);
    if change > tolerance {
        Trend::Improving
    } else if change < -tolerance {
        Trend::Worsening
    } else {
        Trend::Steady
    }
}

/// Rounds a computed value for a sentence (at most 2 decimals).
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

impl Room {
    /// One indicator's standing on `today` (see [`assess`]).
    pub fn indicator_progress(
        &self,
        indicator: &IndicatorId,
        today: Date,
        rule: &StatusRule,
    ) -> Option<Assessment> {
        let indicator = self.indicator(indicator)?;
        Some(assess(&indicator, &self.measurements(&indicator.id), today, rule))
    }

    /// A goal's status on `today`: the worst among its indicators and the goals
    /// under it (module documentation). `None` when there is no such goal.
    pub fn goal_status(&self, goal: &GoalId, today: Date, rule: &StatusRule) -> Option<Status> {
        let statuses = self.goal_statuses(today, rule);
        statuses
            .into_iter()
            .find(|(id, _)| id == goal)
            .map(|(_, s)| s)
    }

    /// Every goal's status on `today`, in the order of [`Room::goals`].
    pub fn goal_statuses(&self, today: Date, rule: &StatusRule) -> Vec<(GoalId, Status)> {
        let view = self.goals_view();
        goal_statuses(
            &view.goals,
            &view.indicators,
            &view.measurements,
            today,
            rule,
        )
    }
}

/// Every goal's status on `today` from plain data (goals' parents resolved).
pub fn goal_statuses(
    goals: &[super::model::Goal],
    indicators: &[Indicator],
    measurements: &[Measurement],
    today: Date,
    rule: &StatusRule,
) -> Vec<(GoalId, Status)> {
    use std::collections::HashMap;
    let mut own: HashMap<&GoalId, Status> = HashMap::new();
    for indicator in indicators {
        let status = assess(indicator, measurements, today, rule).status;
        let entry = own.entry(&indicator.goal).or_insert(Status::NoData);
        *entry = entry.worst(status);
    }
    let children: HashMap<&GoalId, Vec<&GoalId>> =
        goals.iter().fold(HashMap::new(), |mut map, g| {
            if let Some(parent) = &g.parent {
                map.entry(parent).or_default().push(&g.id);
            }
            map
        });
    fn rolled<'a>(
        id: &'a GoalId,
        own: &HashMap<&'a GoalId, Status>,
        children: &HashMap<&'a GoalId, Vec<&'a GoalId>>,
        depth: usize,
    ) -> Status {
        // Parents are resolved, so the tree has no loops; the depth guard only
        // protects against a caller passing unresolved goals.
        let mut status = own.get(id).copied().unwrap_or(Status::NoData);
        if depth < 1_000 {
            for child in children.get(id).into_iter().flatten() {
                status = status.worst(rolled(child, own, children, depth + 1));
            }
        }
        status
    }
    goals
        .iter()
        .map(|g| (g.id.clone(), rolled(&g.id, &own, &children, 0)))
        .collect()
}
