//! The plain data of goals: what a view shows and what the JSON export carries.
//!
//! These types are read out of the document (never written into it directly; the
//! operations in `store` and `indicators` do that) and are part of the export
//! format, so their serde names are versioned with it (docs/schema).

use serde::{Deserialize, Serialize};

use super::date::Date;

use crate::values::string_id;

string_id!(
    /// Names a goal (mission, objective…) within its room.
    GoalId
);
string_id!(
    /// Names an indicator within its room.
    IndicatorId
);
string_id!(
    /// Names one target of an indicator.
    TargetId
);
string_id!(
    /// Names one measurement within its room.
    MeasurementId
);
string_id!(
    /// Names a prototype experiment within its room.
    ExperimentId
);
string_id!(
    /// Names one task of an experiment.
    TaskId
);

/// A goal: a mission, or an objective or sub-objective under another goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
    pub statement: String,
    /// Brands the mission, not an organization; stored with its `#`.
    pub hashtag: String,
    /// The population or result the goal is about ("households in the river basin").
    pub population: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The goal this one serves. `None` for a mission, and also when the parent
    /// was deleted or when concurrent moves made a loop (see `store`).
    pub parent: Option<GoalId>,
}

/// How far down the tree a goal sits, named the way a coalition talks about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalLevel {
    /// A goal with no parent.
    Mission,
    /// A goal directly under a mission.
    Objective,
    /// Anything deeper.
    SubObjective,
}

impl GoalLevel {
    pub fn from_depth(depth: usize) -> GoalLevel {
        match depth {
            0 => GoalLevel::Mission,
            1 => GoalLevel::Objective,
            _ => GoalLevel::SubObjective,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GoalLevel::Mission => "mission",
            GoalLevel::Objective => "objective",
            GoalLevel::SubObjective => "sub-objective",
        }
    }
}

/// A goal with the goals under it, for showing the tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalNode {
    pub goal: Goal,
    pub level: GoalLevel,
    pub children: Vec<GoalNode>,
}

/// Whether a higher or a lower value is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

    /// The name stored in the document and the export.
    pub fn name(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        }
    }

    pub fn from_name(name: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.name() == name)
    }

    /// +1 when higher is better, −1 when lower is: multiplying a difference by it
    /// turns "better" into "larger" whatever the direction.
    pub fn sign(self) -> f64 {
        match self {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        }
    }
}

/// What kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureType {
    #[default]
    Number,
    Percentage,
    YesNo,
    Qualitative,
}

impl MeasureType {
    pub const ALL: [MeasureType; 4] = [
        MeasureType::Number,
        MeasureType::Percentage,
        MeasureType::YesNo,
        MeasureType::Qualitative,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MeasureType::Number => "number",
            MeasureType::Percentage => "percentage",
            MeasureType::YesNo => "yes_no",
            MeasureType::Qualitative => "qualitative",
        }
    }

    pub fn from_name(name: &str) -> Option<MeasureType> {
        MeasureType::ALL.into_iter().find(|m| m.name() == name)
    }

    /// What a value of this type looks like, for messages ("a number").
    pub fn expects(self) -> &'static str {
        match self {
            MeasureType::Number => "a number",
            MeasureType::Percentage => "a percentage (a number, optionally followed by %)",
            MeasureType::YesNo => "yes or no",
            MeasureType::Qualitative => "a short text",
        }
    }

    /// Whether `value` is of this type.
    pub fn fits(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (
                MeasureType::Number | MeasureType::Percentage,
                Value::Number(_)
            ) | (MeasureType::YesNo, Value::YesNo(_))
                | (MeasureType::Qualitative, Value::Text(_))
        )
    }
}

/// One value of an indicator: a baseline, a target or a measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A number or a percentage (42.5 means 42.5 %).
    Number(f64),
    YesNo(bool),
    /// A qualitative value, such as "draft plan agreed".
    Text(String),
}

impl Value {
    /// The value on the number line the status rule uses: yes is 1, no is 0,
    /// and a qualitative value has none.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::YesNo(yes) => Some(if *yes { 1.0 } else { 0.0 }),
            Value::Text(_) => None,
        }
    }
}

impl std::fmt::Display for Value {
    /// How a value is written in reports and files: numbers without a needless
    /// fraction (`12`, `12.5`), yes/no as words.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::YesNo(true) => f.write_str("yes"),
            Value::YesNo(false) => f.write_str("no"),
            Value::Text(text) => f.write_str(text),
        }
    }
}

/// Where an indicator starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub value: Value,
    pub date: Date,
}

/// The value an indicator should reach by a date (the end of a reporting period).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: TargetId,
    pub value: Value,
    pub date: Date,
}

/// How a goal is measured (an IATI result indicator).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub goal: GoalId,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub measure: MeasureType,
    pub baseline: Option<Baseline>,
    /// By date, then id.
    pub targets: Vec<Target>,
    /// Where the figures come from ("municipal water survey").
    pub source: String,
    /// Whether the indicator stands in for something that cannot be measured directly.
    pub proxy: bool,
}

/// One reported value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub id: MeasurementId,
    pub indicator: IndicatorId,
    pub value: Value,
    pub date: Date,
    pub source: String,
    /// The organization that reported the value.
    pub organization: String,
    pub note: String,
}

/// The stage of a prototype experiment in the cycle
/// communicate → negotiate → act → learn (then communicate again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CyclePhase {
    #[default]
    Communicate,
    Negotiate,
    Act,
    Learn,
}

impl CyclePhase {
    pub const ALL: [CyclePhase; 4] = [
        CyclePhase::Communicate,
        CyclePhase::Negotiate,
        CyclePhase::Act,
        CyclePhase::Learn,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CyclePhase::Communicate => "communicate",
            CyclePhase::Negotiate => "negotiate",
            CyclePhase::Act => "act",
            CyclePhase::Learn => "learn",
        }
    }

    pub fn from_name(name: &str) -> Option<CyclePhase> {
        CyclePhase::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The phase after this one; learning leads back to communicating.
    pub fn next(self) -> CyclePhase {
        CyclePhase::ALL[(self as usize + 1) % 4]
    }
}

/// Whether a team member is a person or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    Person,
    Organization,
}

/// One member of an experiment's team.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TeamMember {
    pub kind: MemberKind,
    pub name: String,
}

/// One task of an experiment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub text: String,
    pub done: bool,
}

/// A prototype experiment under a goal: a small, time-boxed try at part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Experiment {
    pub id: ExperimentId,
    pub goal: GoalId,
    pub title: String,
    pub hypothesis: String,
    /// People first, then organizations, each by name.
    pub team: Vec<TeamMember>,
    /// In the order they were added.
    pub tasks: Vec<Task>,
    pub phase: CyclePhase,
    /// What the team learned, written in the learn phase (or any time).
    pub learned: String,
}

/// Everything the goals part of a room holds, in canonical order (by id; targets
/// and measurements by date then id), so two replicas hold the same goals exactly
/// when their views are equal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalsView {
    pub goals: Vec<Goal>,
    pub indicators: Vec<Indicator>,
    pub measurements: Vec<Measurement>,
    pub experiments: Vec<Experiment>,
}
