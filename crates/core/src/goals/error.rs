//! Why a goal, indicator, measurement or experiment was refused.
//!
//! Every error names the field it is about ([`GoalError::field`]), so a form can
//! mark that field and keep what was typed, and its message says what was wrong
//! and what to do. A refused operation changes nothing.

use super::date::Date;
use super::model::{
    ExperimentId, GoalId, IndicatorId, MeasureType, MeasurementId, TargetId, TaskId,
};

/// A field of a goals form, named in messages the way the form labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Statement,
    Hashtag,
    Population,
    StartDate,
    EndDate,
    Parent,
    IndicatorName,
    Unit,
    BaselineValue,
    BaselineDate,
    TargetValue,
    TargetDate,
    DataSource,
    Value,
    Date,
    Source,
    Organization,
    Note,
    ExperimentTitle,
    Hypothesis,
    Learned,
    TeamMember,
    Task,
    /// The whole record rather than one field (an unknown id, a loop of goals).
    Record,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Statement => "statement",
            Field::Hashtag => "hashtag",
            Field::Population => "population or result",
            Field::StartDate => "start date",
            Field::EndDate => "end date",
            Field::Parent => "parent goal",
            Field::IndicatorName => "indicator name",
            Field::Unit => "unit",
            Field::BaselineValue => "baseline value",
            Field::BaselineDate => "baseline date",
            Field::TargetValue => "target value",
            Field::TargetDate => "target date",
            Field::DataSource => "data source",
            Field::Value => "value",
            Field::Date => "date",
            Field::Source => "source",
            Field::Organization => "reporting organization",
            Field::Note => "note",
            Field::ExperimentTitle => "experiment title",
            Field::Hypothesis => "hypothesis",
            Field::Learned => "what was learned",
            Field::TeamMember => "team member",
            Field::Task => "task",
            Field::Record => "record",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What is wrong with one field's content, whatever the field (shared with
/// `commitments`, whose fields are different).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    TooLong { length: usize, max: usize },
    NotADate { found: String },
    NotANumber { found: String },
    NotFinite,
    Negative { found: String },
    NotYesNo { found: String },
    NotALink { found: String },
}

impl FieldProblem {
    /// The sentence for this problem in the field called `label`.
    pub fn describe(&self, label: &str) -> String {
        match self {
            FieldProblem::Required => format!("the {label} is required"),
            FieldProblem::TooLong { length, max } => {
                format!("the {label} holds at most {max} characters; this one has {length}")
            }
            FieldProblem::NotADate { found } => format!(
                "the {label} must be a date written YYYY-MM-DD (for example 2030-12-31), found '{found}'"
            ),
            FieldProblem::NotANumber { found } => {
                format!("the {label} must be a number (like 12 or 12.5), found '{found}'")
            }
            FieldProblem::NotFinite => format!("the {label} must be a finite number"),
            FieldProblem::Negative { found } => {
                format!("the {label} cannot be negative, found {found}")
            }
            FieldProblem::NotYesNo { found } => {
                format!("the {label} must be yes or no, found '{found}'")
            }
            FieldProblem::NotALink { found } => format!(
                "the {label} must be a web link starting with https:// or http://, found '{found}'"
            ),
        }
    }
}

/// Why an operation on goals was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    #[error("{}", problem.describe(field.label()))]
    Invalid { field: Field, problem: FieldProblem },
    #[error("a hashtag is # followed by letters, digits or _ with no spaces (like #CleanRiver2030), found '{found}'")]
    BadHashtag { found: String },
    #[error("the end date {end} is before the start date {start}: move the end later or the start earlier")]
    EndBeforeStart { start: Date, end: Date },
    #[error("the target date {target} is before the baseline date {baseline}: move the target later or the baseline earlier")]
    TargetBeforeBaseline { target: Date, baseline: Date },
    #[error(
        "the baseline {missing} is required when a baseline {given} is given (or leave both empty)"
    )]
    IncompleteBaseline {
        given: &'static str,
        missing: &'static str,
    },
    #[error("there is already a target on {date}: change that target instead of adding another")]
    DuplicateTargetDate { date: Date },
    #[error("the {} of this indicator must be {}", field.label(), measure.expects())]
    ValueDoesNotFit { field: Field, measure: MeasureType },
    #[error("this indicator cannot become {}: {count} of its baseline, targets or measurements are not {}; change or delete them first", measure.name().replace('_', "/"), measure.expects())]
    MeasureChangeWouldBreak { measure: MeasureType, count: usize },
    #[error("a goal cannot be placed under itself")]
    ParentIsSelf,
    #[error("goal {goal} cannot be placed under {parent}, which is already inside it: choose a goal outside its branch")]
    ParentLoop { goal: GoalId, parent: GoalId },
    #[error("goal {goal} has {count} sub-goal(s): move or delete them first")]
    HasSubGoals { goal: GoalId, count: usize },
    #[error("the team already has {0}")]
    DuplicateMember(String),
    #[error("there is no goal {0} in this room (it may have been deleted)")]
    UnknownGoal(GoalId),
    #[error("the parent goal {0} is not in this room (it may have been deleted): choose another")]
    UnknownParent(GoalId),
    #[error("there is no indicator {0} in this room (it may have been deleted)")]
    UnknownIndicator(IndicatorId),
    #[error("indicator {indicator} has no target {target} (it may have been removed)")]
    UnknownTarget {
        indicator: IndicatorId,
        target: TargetId,
    },
    #[error("there is no measurement {0} in this room (it may have been deleted)")]
    UnknownMeasurement(MeasurementId),
    #[error("there is no experiment {0} in this room (it may have been deleted)")]
    UnknownExperiment(ExperimentId),
    #[error("experiment {experiment} has no task {task} (it may have been removed)")]
    UnknownTask {
        experiment: ExperimentId,
        task: TaskId,
    },
    #[error("the team has no member {0}")]
    UnknownMember(String),
}

impl GoalError {
    /// The form field this error is about, for marking it.
    pub fn field(&self) -> Field {
        match self {
            GoalError::Invalid { field, .. } | GoalError::ValueDoesNotFit { field, .. } => *field,
            GoalError::BadHashtag { .. } => Field::Hashtag,
            GoalError::EndBeforeStart { .. } => Field::EndDate,
            GoalError::TargetBeforeBaseline { .. } | GoalError::DuplicateTargetDate { .. } => {
                Field::TargetDate
            }
            GoalError::IncompleteBaseline { missing, .. } => {
                if *missing == "date" {
                    Field::BaselineDate
                } else {
                    Field::BaselineValue
                }
            }
            GoalError::ParentIsSelf
            | GoalError::ParentLoop { .. }
            | GoalError::UnknownParent(_) => Field::Parent,
            GoalError::DuplicateMember(_) | GoalError::UnknownMember(_) => Field::TeamMember,
            GoalError::UnknownTask { .. } => Field::Task,
            GoalError::MeasureChangeWouldBreak { .. }
            | GoalError::HasSubGoals { .. }
            | GoalError::UnknownGoal(_)
            | GoalError::UnknownIndicator(_)
            | GoalError::UnknownTarget { .. }
            | GoalError::UnknownMeasurement(_)
            | GoalError::UnknownExperiment(_) => Field::Record,
        }
    }

    pub(crate) fn invalid(field: Field, problem: FieldProblem) -> GoalError {
        GoalError::Invalid { field, problem }
    }
}

/// One problem of a form, for showing next to its field. `row` numbers the
/// target rows of an indicator form from 1, as a person counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub field: Field,
    pub row: Option<usize>,
    pub error: GoalError,
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => write!(f, "target {row}: {}", self.error),
            None => self.error.fmt(f),
        }
    }
}

impl From<GoalError> for FormError {
    fn from(error: GoalError) -> FormError {
        FormError {
            field: error.field(),
            row: None,
            error,
        }
    }
}
