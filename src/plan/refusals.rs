//! Why the plan refused something, in the reader's language: core returns
//! structured refusals (`GoalError`, `CommitmentError`, the CSV import's row
//! problems, the exports' and the digest's errors) and these functions word
//! them from the catalogs (`goal-err-*`, `commitment-err-*`, `csv-*`, …).
//! Dates and numbers are written the locale's way. Every function reads the
//! language, so called inside a view closure (or a [`Said`]) the words follow
//! a language switch.

use constellation_core::commitments::{CommitmentError, DigestError, ResponseKind};
use constellation_core::goals::{
    Date, GoalError, IatiError, IatiSetting, MeasureType, OpenSdgError, RowProblem, RowReason,
};

use super::field_problem;
use crate::i18n::{format_date, t, t_args, t_or, Arg, Said};

fn date(d: &Date) -> Arg {
    format_date(&d.to_string()).into()
}

fn text(s: &str) -> Arg {
    s.to_owned().into()
}

/// What an indicator of this kind takes ("a number", "yes or no"…).
fn expects(measure: MeasureType) -> Arg {
    t(match measure {
        MeasureType::Number => "expects-number",
        MeasureType::Percentage => "expects-percentage",
        MeasureType::YesNo => "expects-yes-no",
        MeasureType::Qualitative => "expects-text",
    })
    .into()
}

fn measure_kind(measure: MeasureType) -> Arg {
    t(match measure {
        MeasureType::Number => "measure-number",
        MeasureType::Percentage => "measure-percentage",
        MeasureType::YesNo => "measure-yes-no",
        MeasureType::Qualitative => "measure-qualitative",
    })
    .into()
}

/// Why a goal, indicator, measurement or experiment was refused.
pub(crate) fn goal_error(error: &GoalError) -> String {
    use GoalError as E;
    match error {
        E::Invalid { field, problem } => field_problem(field.label(), problem),
        E::BadHashtag { found } => t_args("goal-err-bad-hashtag", &[("found", text(found))]),
        E::EndBeforeStart { start, end } => t_args("goal-err-end-before-start", &[("start", date(start)), ("end", date(end))]),
        E::TargetBeforeBaseline { target, baseline } => {
            t_args("goal-err-target-before-baseline", &[("target", date(target)), ("baseline", date(baseline))])
        }
        E::IncompleteBaseline { missing, .. } if *missing == "date" => t("goal-err-baseline-date-missing"),
        E::IncompleteBaseline { .. } => t("goal-err-baseline-value-missing"),
        E::DuplicateTargetDate { date: d } => t_args("goal-err-duplicate-target-date", &[("date", date(d))]),
        E::ValueDoesNotFit { field, measure } => {
            let slug: String = field.label().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
            let field: Arg = t_or(&format!("field-{slug}"), field.label()).into();
            t_args("goal-err-value-does-not-fit", &[("field", field), ("expects", expects(*measure))])
        }
        E::MeasureChangeWouldBreak { measure, count } => t_args(
            "goal-err-measure-change",
            &[("measure", measure_kind(*measure)), ("count", (*count).into()), ("expects", expects(*measure))],
        ),
        E::ParentIsSelf => t("goal-err-parent-is-self"),
        E::ParentLoop { .. } => t("goal-err-parent-loop"),
        E::HasSubGoals { count, .. } => t_args("goal-err-has-sub-goals", &[("count", (*count).into())]),
        E::DuplicateMember(name) => t_args("goal-err-duplicate-member", &[("name", text(name))]),
        E::UnknownGoal(_) => t("goal-err-unknown-goal"),
        E::UnknownParent(_) => t("goal-err-unknown-parent"),
        E::UnknownIndicator(_) => t("goal-err-unknown-indicator"),
        E::UnknownTarget { .. } => t("goal-err-unknown-target"),
        E::UnknownMeasurement(_) => t("goal-err-unknown-measurement"),
        E::UnknownExperiment(_) => t("goal-err-unknown-experiment"),
        E::UnknownTask { .. } => t("goal-err-unknown-task"),
        E::UnknownMember(name) => t_args("goal-err-unknown-member", &[("name", text(name))]),
    }
}

/// Why a commitment, check-in, response or role change was refused.
pub(crate) fn commitment_error(error: &CommitmentError) -> String {
    use CommitmentError as E;
    match error {
        E::Invalid { field, problem } => field_problem(field.label(), problem),
        E::AmountWithoutUnit => t("commitment-err-amount-without-unit"),
        E::DueBeforeMade { due, made_on } => t_args("commitment-err-due-before-made", &[("due", date(due)), ("made", date(made_on))]),
        E::BeforeCommitment { date: d, made_on } => {
            t_args("commitment-err-before-commitment", &[("date", date(d)), ("made", date(made_on))])
        }
        E::EmptyResponse { kind } => t_args(
            "commitment-err-empty-response",
            &[(
                "kind",
                text(match kind {
                    ResponseKind::Acknowledgement => "acknowledgement",
                    ResponseKind::Question => "question",
                    ResponseKind::Answer => "answer",
                }),
            )],
        ),
        E::UnknownGoal(_) => t("commitment-err-unknown-goal"),
        E::UnknownIndicator(_) => t("commitment-err-unknown-indicator"),
        E::UnknownCommitment(_) => t("commitment-err-unknown-commitment"),
        E::UnknownCheckIn(_) => t("commitment-err-unknown-check-in"),
        E::RoleNotHeld { participant, role } => t_args(
            "commitment-err-role-not-held",
            &[("name", text(participant)), ("role", t_or(&format!("role-{}", role.name()), role.label()).into())],
        ),
    }
}

/// Why no IATI file was written.
pub(crate) fn iati_error(error: &IatiError) -> String {
    match error {
        IatiError::MissingSetting(setting) => t_args(
            "iati-err-missing-setting",
            &[(
                "setting",
                text(match setting {
                    IatiSetting::OrganizationRef => "ref",
                    IatiSetting::OrganizationType => "type",
                    IatiSetting::OrganizationName => "name",
                }),
            )],
        ),
        IatiError::NothingToExport => t("iati-err-nothing"),
    }
}

/// Why an indicator has no Open SDG file.
pub(crate) fn open_sdg_error(error: &OpenSdgError) -> String {
    match error {
        OpenSdgError::UnknownIndicator(_) => t("goal-err-unknown-indicator"),
        OpenSdgError::Qualitative(name) => t_args("opensdg-err-qualitative", &[("name", text(name))]),
    }
}

/// Why no digest was made.
pub(crate) fn digest_error(error: &DigestError) -> String {
    match error {
        DigestError::EndsBeforeStart { from, to } => t_args("digest-err-ends-before-start", &[("from", date(from)), ("to", date(to))]),
    }
}

/// What is wrong at one place of a measurements CSV file: line, column (its
/// number and header) and the problem.
pub(crate) fn csv_problem(problem: &RowProblem) -> String {
    let reason: Arg = csv_reason(&problem.reason).into();
    let line: Arg = (problem.line as usize).into();
    match &problem.column {
        Some((number, name)) => {
            t_args("csv-at-column", &[("line", line), ("column", (*number).into()), ("name", text(name)), ("problem", reason)])
        }
        None => t_args("csv-at-line", &[("line", line), ("problem", reason)]),
    }
}

fn csv_reason(reason: &RowReason) -> String {
    use RowReason as R;
    match reason {
        R::UnreadableFile { .. } => t("csv-err-unreadable-file"),
        R::UnreadableLine { .. } => t("csv-err-unreadable-line"),
        R::Empty => t("csv-err-empty"),
        R::DuplicateColumn => t("csv-err-duplicate-column"),
        R::UnknownColumn => t("csv-err-unknown-column"),
        R::NoValueColumn => t("csv-err-no-value-column"),
        R::NoDateColumn => t("csv-err-no-date-column"),
        R::DateAndYear => t("csv-err-date-and-year"),
        R::NoIndicatorColumn => t("csv-err-no-indicator-column"),
        R::FieldCount { found, expected } => t_args("csv-err-field-count", &[("found", (*found).into()), ("expected", (*expected).into())]),
        R::IndicatorMissing => t("csv-err-indicator-missing"),
        R::NoSuchIndicator { name } => t_args("csv-err-no-such-indicator", &[("name", text(name))]),
        R::AmbiguousIndicator { name, count } => t_args("csv-err-ambiguous-indicator", &[("name", text(name)), ("count", (*count).into())]),
        R::BadYear { found } => t_args("csv-err-bad-year", &[("found", text(found))]),
        R::UnitsDiffer { units, expected } => t_args("csv-err-units-differ", &[("units", text(units)), ("expected", text(expected))]),
        R::Invalid(error) => goal_error(error),
    }
}

/// A goals refusal kept to be worded when shown.
pub(crate) fn said_goal(error: GoalError) -> Said {
    Said::new(move || goal_error(&error))
}

/// A commitments refusal kept to be worded when shown.
pub(crate) fn said_commitment(error: CommitmentError) -> Said {
    Said::new(move || commitment_error(&error))
}

/// A file the browser could not save, read or copy, worded when shown.
pub(crate) fn said_file(error: crate::browser::download::FileError) -> Said {
    Said::new(move || error.to_string())
}
