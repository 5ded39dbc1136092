//! Forms that validate as you type: drafts hold exactly what a person typed
//! (all text), and the `validate_*` functions check them on every keystroke.
//! They never change the draft, report every field's problem at once (each
//! naming its field, so the form can mark it and keep the text), and on
//! success return the typed value for the room operation. They apply the same
//! rules as the room (`validate`), so a form that validates is never refused
//! for a reason it could have shown.

use super::date::Date;
use super::error::{Field, FormError, GoalError};
use super::model::{Baseline, GoalId, MeasureType};
use super::validate::{
    check_goal, collect, goal_problems, optional, parse_date, parse_value, required, NewExperiment,
    NewGoal, NewIndicator, NewMeasurement, NewTarget, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};

/// A goal form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoalDraft {
    pub title: String,
    pub statement: String,
    pub hashtag: String,
    pub population: String,
    pub start: String,
    pub end: String,
    pub parent: Option<GoalId>,
}

/// One target row of an indicator form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetDraft {
    pub value: String,
    pub date: String,
}

/// An indicator form, as typed. Direction, measure type and proxy come from
/// controls that cannot hold a wrong value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorDraft {
    pub name: String,
    pub unit: String,
    pub direction: super::model::Direction,
    pub measure: MeasureType,
    pub baseline_value: String,
    pub baseline_date: String,
    pub targets: Vec<TargetDraft>,
    pub source: String,
    pub proxy: bool,
}

/// A measurement form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasurementDraft {
    pub value: String,
    pub date: String,
    pub source: String,
    pub organization: String,
    pub note: String,
}

/// Checks a goal form; on success, the goal to pass to `Room::add_goal`.
pub fn validate_goal(draft: &GoalDraft) -> Result<NewGoal, Vec<FormError>> {
    let mut errors = Vec::new();
    let start = collect(&mut errors, parse_date(&draft.start, Field::StartDate));
    let end = collect(&mut errors, parse_date(&draft.end, Field::EndDate));
    let (Some(start), Some(end)) = (start, end) else {
        // Still report the text fields' problems alongside the dates'.
        let probe = NewGoal {
            title: draft.title.clone(),
            statement: draft.statement.clone(),
            hashtag: draft.hashtag.clone(),
            population: draft.population.clone(),
            start: Date::new(1, 1, 1).expect("a valid date"),
            end: Date::new(1, 1, 1).expect("a valid date"),
            parent: None,
        };
        errors.extend(goal_problems(&probe));
        return Err(errors);
    };
    let goal = NewGoal {
        title: draft.title.clone(),
        statement: draft.statement.clone(),
        hashtag: draft.hashtag.clone(),
        population: draft.population.clone(),
        start,
        end,
        parent: draft.parent.clone(),
    };
    errors.extend(goal_problems(&goal));
    if errors.is_empty() {
        Ok(check_goal(&goal).expect("no problems found"))
    } else {
        Err(errors)
    }
}

/// Checks an indicator form, its baseline and every target row.
pub fn validate_indicator(draft: &IndicatorDraft) -> Result<NewIndicator, Vec<FormError>> {
    let mut errors = Vec::new();
    let name = collect(
        &mut errors,
        required(&draft.name, Field::IndicatorName, MAX_NAME_CHARS),
    );
    collect(
        &mut errors,
        optional(&draft.unit, Field::Unit, MAX_NAME_CHARS),
    );
    collect(
        &mut errors,
        optional(&draft.source, Field::DataSource, MAX_NAME_CHARS),
    );
    let baseline = parse_baseline(draft, &mut errors);
    let mut targets = Vec::new();
    for (index, row) in draft.targets.iter().enumerate() {
        let base = baseline.clone().flatten();
        match validate_target(row, draft.measure, base.as_ref()) {
            Ok(target) => targets.push(target),
            Err(row_errors) => errors.extend(row_errors.into_iter().map(|e| FormError {
                row: Some(index + 1),
                ..e
            })),
        }
    }
    for (index, target) in targets.iter().enumerate() {
        if targets[..index].iter().any(|t| t.date == target.date) {
            errors.push(FormError {
                row: Some(index + 1),
                ..GoalError::DuplicateTargetDate { date: target.date }.into()
            });
        }
    }
    match (errors.is_empty(), name, baseline) {
        (true, Some(name), Some(baseline)) => Ok(NewIndicator {
            name,
            unit: draft.unit.trim().to_string(),
            direction: draft.direction,
            measure: draft.measure,
            baseline,
            targets,
            source: draft.source.trim().to_string(),
            proxy: draft.proxy,
        }),
        _ => Err(errors),
    }
}

/// Checks one target row against the indicator's measure type and baseline.
pub fn validate_target(
    draft: &TargetDraft,
    measure: MeasureType,
    baseline: Option<&Baseline>,
) -> Result<NewTarget, Vec<FormError>> {
    let mut errors = Vec::new();
    let value = collect(
        &mut errors,
        parse_value(&draft.value, measure, Field::TargetValue),
    );
    let date = collect(&mut errors, parse_date(&draft.date, Field::TargetDate));
    if let (Some(date), Some(baseline)) = (date, baseline) {
        if date < baseline.date {
            errors.push(
                GoalError::TargetBeforeBaseline {
                    target: date,
                    baseline: baseline.date,
                }
                .into(),
            );
        }
    }
    match (errors.is_empty(), value, date) {
        (true, Some(value), Some(date)) => Ok(NewTarget { value, date }),
        _ => Err(errors),
    }
}

/// Checks a measurement form against the indicator's measure type.
pub fn validate_measurement(
    draft: &MeasurementDraft,
    measure: MeasureType,
) -> Result<NewMeasurement, Vec<FormError>> {
    let mut errors = Vec::new();
    let value = collect(
        &mut errors,
        parse_value(&draft.value, measure, Field::Value),
    );
    let date = collect(&mut errors, parse_date(&draft.date, Field::Date));
    collect(
        &mut errors,
        optional(&draft.source, Field::Source, MAX_NAME_CHARS),
    );
    collect(
        &mut errors,
        optional(&draft.organization, Field::Organization, MAX_NAME_CHARS),
    );
    collect(
        &mut errors,
        optional(&draft.note, Field::Note, MAX_TEXT_CHARS),
    );
    match (errors.is_empty(), value, date) {
        (true, Some(value), Some(date)) => Ok(NewMeasurement {
            value,
            date,
            source: draft.source.trim().to_string(),
            organization: draft.organization.trim().to_string(),
            note: draft.note.trim().to_string(),
        }),
        _ => Err(errors),
    }
}

/// Checks an experiment form (title, hypothesis, team and tasks).
pub fn validate_experiment(draft: &NewExperiment) -> Result<NewExperiment, Vec<FormError>> {
    let mut errors = Vec::new();
    let title = collect(
        &mut errors,
        required(&draft.title, Field::ExperimentTitle, MAX_NAME_CHARS),
    );
    let hypothesis = collect(
        &mut errors,
        optional(&draft.hypothesis, Field::Hypothesis, MAX_TEXT_CHARS),
    );
    let mut team = Vec::new();
    for member in &draft.team {
        if let Some(checked) = collect(&mut errors, super::validate::check_member(member)) {
            if team.contains(&checked) {
                errors.push(GoalError::DuplicateMember(checked.name.clone()).into());
            } else {
                team.push(checked);
            }
        }
    }
    let tasks: Vec<String> = draft
        .tasks
        .iter()
        .filter_map(|task| collect(&mut errors, super::validate::check_task(task)))
        .collect();
    match (errors.is_empty(), title, hypothesis) {
        (true, Some(title), Some(hypothesis)) => Ok(NewExperiment {
            title,
            hypothesis,
            team,
            tasks,
        }),
        _ => Err(errors),
    }
}

/// The baseline of an indicator form: none when both fields are empty. Every
/// problem is recorded; `None` means there was one.
fn parse_baseline(draft: &IndicatorDraft, errors: &mut Vec<FormError>) -> Option<Option<Baseline>> {
    let (value, date) = (draft.baseline_value.trim(), draft.baseline_date.trim());
    match (value.is_empty(), date.is_empty()) {
        (true, true) => Some(None),
        (false, true) => {
            errors.push(
                GoalError::IncompleteBaseline {
                    given: "value",
                    missing: "date",
                }
                .into(),
            );
            None
        }
        (true, false) => {
            errors.push(
                GoalError::IncompleteBaseline {
                    given: "date",
                    missing: "value",
                }
                .into(),
            );
            None
        }
        (false, false) => {
            let value = collect(
                errors,
                parse_value(value, draft.measure, Field::BaselineValue),
            );
            let date = collect(errors, parse_date(date, Field::BaselineDate));
            Some(Some(Baseline {
                value: value?,
                date: date?,
            }))
        }
    }
}
