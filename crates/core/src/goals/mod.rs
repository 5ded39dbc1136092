//! Mission goals and how they are measured: goals that nest (mission →
//! objectives → sub-objectives), their indicators with baselines and targets,
//! the measurements partners report, prototype experiments, and the rule that
//! turns all that into progress, trend and status.
//!
//! The model follows the IATI results standard (result → indicator → baseline →
//! period {target, actual}) so that it exports to it (`iati`), and Open SDG's
//! data layout for one CSV per indicator (`open_sdg`). Measurements can be
//! imported from CSV (`csv_import`), all or nothing.
//!
//! This module owns the rules; it must never hold UI state nor read a clock:
//! every "today" is passed in as a [`Date`].
//!
//! Layout in the document (part of the document format):
//! - root map `goals`: goal id → map { `title`, `statement`, `hashtag`,
//!   `population`: strings; `start`, `end`: `YYYY-MM-DD`; `parent`: goal id, absent
//!   for a mission };
//! - root map `indicators`: indicator id → map { `goal`, `name`, `unit`,
//!   `direction` (`higher_is_better` | `lower_is_better`), `measure` (`number` |
//!   `percentage` | `yes_no` | `qualitative`), `source`: strings; `proxy`: bool;
//!   `baseline`: {`value`, `date`}; `targets`: map target id → {`value`, `date`} };
//! - root map `measurements`: measurement id → {`indicator`, `value`, `date`,
//!   `source`, `organization`, `note`};
//! - root map `experiments`: experiment id → map { `goal`, `title`, `hypothesis`,
//!   `learned`, `phase`: strings; `team`: map `person:Name` | `organization:Name` →
//!   true; `tasks`: map task id → {`text`, `done`} }.
//!
//! `{…}` is one plain value (replaced as a whole); `map` is a nested shared map
//! (its keys change independently). A value is a number, a bool (yes/no) or a
//! string (qualitative). Ids are `"{client}-{clock}"`, as for notes.

mod date;
mod doc;
mod error;
mod experiments;
mod forms;
mod iati;
mod indicators;
mod measurements_csv;
mod model;
mod open_sdg;
mod progress;
mod store;
mod validate;

pub use date::{Date, DateError};
pub use error::{Field, FieldProblem, FormError, GoalError};
pub use forms::{
    validate_experiment, validate_goal, validate_indicator, validate_measurement, validate_target,
    GoalDraft, IndicatorDraft, MeasurementDraft, TargetDraft,
};
pub use iati::{iati_activities_xml, IatiConfig, IatiError, IatiSetting};
pub use measurements_csv::{
    measurements_to_csv, ImportError, ImportRow, Imported, RowProblem, RowReason, MAX_REPORTED_PROBLEMS,
};
pub use model::{
    Baseline, CyclePhase, Direction, Experiment, ExperimentId, Goal, GoalId, GoalLevel, GoalNode,
    GoalsView, Indicator, IndicatorId, MeasureType, Measurement, MeasurementId, MemberKind, Target,
    TargetId, Task, TaskId, TeamMember, Value,
};
pub use open_sdg::{open_sdg_csv, open_sdg_file_name, OpenSdgError};
pub use progress::{
    assess, current_target, goal_statuses, trajectory, Assessment, Status, StatusReason,
    StatusRule, Trend,
};
pub use validate::{
    parse_date, parse_value, ExperimentText, NewExperiment, NewGoal, NewIndicator, NewMeasurement,
    NewTarget, MAX_HASHTAG_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};

pub(crate) use doc::{
    creation_order, date as date_any, entries, entry, new_id, read_date, read_record, root,
    root_mut, set, text as text_any, unset, values as plain_values, Record,
};
pub(crate) use iati::escape as escape_markup;
pub(crate) use indicators::indicators_in;
pub(crate) use crate::values::string_id;
pub(crate) use store::goals_in;
pub(crate) use validate::{checked_text, parse_number};

const GOALS: &str = "goals";
const INDICATORS: &str = "indicators";
const MEASUREMENTS: &str = "measurements";
const EXPERIMENTS: &str = "experiments";
