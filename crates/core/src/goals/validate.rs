//! What a valid goal, indicator, target, measurement or experiment is, as pure
//! functions: the typed values the room operations take (`NewGoal`…), the
//! `check_*` functions they run before touching the document, and the readers
//! of typed text (`parse_value`, `parse_date`) that forms (`forms`) share.

use super::date::Date;
use super::error::{Field, FieldProblem, FormError, GoalError};
use super::model::{Baseline, GoalId, MeasureType, TeamMember, Value};

/// The most characters of a title, name, unit, source or organization.
pub const MAX_NAME_CHARS: usize = 200;
/// The most characters of a statement, hypothesis, note or lesson.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The most characters of a hashtag, `#` included.
pub const MAX_HASHTAG_CHARS: usize = 100;

/// A goal as the room stores it. Text is trimmed when stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewGoal {
    pub title: String,
    pub statement: String,
    /// With or without the leading `#`; empty when the goal has none.
    pub hashtag: String,
    pub population: String,
    pub start: Date,
    pub end: Date,
    pub parent: Option<GoalId>,
}

/// A target as the room stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTarget {
    pub value: Value,
    pub date: Date,
}

/// An indicator as the room stores it (its targets may also be added later).
#[derive(Debug, Clone, PartialEq)]
pub struct NewIndicator {
    pub name: String,
    pub unit: String,
    pub direction: super::model::Direction,
    pub measure: MeasureType,
    pub baseline: Option<Baseline>,
    pub targets: Vec<NewTarget>,
    pub source: String,
    pub proxy: bool,
}

/// A measurement as the room stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement {
    pub value: Value,
    pub date: Date,
    pub source: String,
    pub organization: String,
    pub note: String,
}

/// A prototype experiment as the room stores it when it starts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewExperiment {
    pub title: String,
    pub hypothesis: String,
    pub team: Vec<TeamMember>,
    pub tasks: Vec<String>,
}

/// The texts of an experiment that can be rewritten later.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExperimentText {
    pub title: String,
    pub hypothesis: String,
    pub learned: String,
}
/// Reads a value typed for an indicator of type `measure`. Numbers use a dot
/// for decimals (`12.5`); a percentage may end with `%`; yes/no accepts
/// yes, no, true, false, 1 and 0 in any case.
pub fn parse_value(text: &str, measure: MeasureType, field: Field) -> Result<Value, GoalError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(GoalError::invalid(field, FieldProblem::Required));
    }
    match measure {
        MeasureType::Number | MeasureType::Percentage => {
            let digits = match measure {
                MeasureType::Percentage => trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end(),
                _ => trimmed,
            };
            parse_number(digits).map(Value::Number).ok_or_else(|| {
                GoalError::invalid(
                    field,
                    FieldProblem::NotANumber {
                        found: trimmed.into(),
                    },
                )
            })
        }
        MeasureType::YesNo => match trimmed.to_lowercase().as_str() {
            "yes" | "true" | "1" => Ok(Value::YesNo(true)),
            "no" | "false" | "0" => Ok(Value::YesNo(false)),
            _ => Err(GoalError::invalid(
                field,
                FieldProblem::NotYesNo {
                    found: trimmed.into(),
                },
            )),
        },
        MeasureType::Qualitative => {
            check_length(trimmed, field, MAX_NAME_CHARS)?;
            Ok(Value::Text(trimmed.to_string()))
        }
    }
}

/// Reads a date typed in `field`; empty is "required".
pub fn parse_date(text: &str, field: Field) -> Result<Date, GoalError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(GoalError::invalid(field, FieldProblem::Required));
    }
    Date::parse(trimmed).map_err(|_| {
        GoalError::invalid(
            field,
            FieldProblem::NotADate {
                found: trimmed.into(),
            },
        )
    })
}

/// A decimal number as people type it: digits, an optional sign and one dot.
/// Words such as `inf` or `NaN`, which Rust would read, are refused.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut dots = 0;
    let mut digits = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => dots += 1,
            _ => return None,
        }
    }
    if digits == 0 || dots > 1 {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Checks a goal and returns it with its text trimmed and its hashtag written `#…`.
pub(crate) fn check_goal(goal: &NewGoal) -> Result<NewGoal, GoalError> {
    if let Some(first) = goal_problems(goal).into_iter().next() {
        return Err(first.error);
    }
    Ok(NewGoal {
        title: goal.title.trim().to_string(),
        statement: goal.statement.trim().to_string(),
        hashtag: normalize_hashtag(&goal.hashtag),
        population: goal.population.trim().to_string(),
        start: goal.start,
        end: goal.end,
        parent: goal.parent.clone(),
    })
}

pub(super) fn goal_problems(goal: &NewGoal) -> Vec<FormError> {
    let mut errors = Vec::new();
    collect(
        &mut errors,
        required(&goal.title, Field::Title, MAX_NAME_CHARS),
    );
    collect(
        &mut errors,
        optional(&goal.statement, Field::Statement, MAX_TEXT_CHARS),
    );
    collect(
        &mut errors,
        optional(&goal.population, Field::Population, MAX_TEXT_CHARS),
    );
    collect(&mut errors, check_hashtag(&goal.hashtag));
    if goal.end < goal.start {
        errors.push(
            GoalError::EndBeforeStart {
                start: goal.start,
                end: goal.end,
            }
            .into(),
        );
    }
    errors
}

/// Checks an indicator (with its targets) and returns it with its text trimmed.
pub(crate) fn check_indicator(indicator: &NewIndicator) -> Result<NewIndicator, GoalError> {
    let name = required(&indicator.name, Field::IndicatorName, MAX_NAME_CHARS)?;
    optional(&indicator.unit, Field::Unit, MAX_NAME_CHARS)?;
    optional(&indicator.source, Field::DataSource, MAX_NAME_CHARS)?;
    if let Some(baseline) = &indicator.baseline {
        check_value(&baseline.value, indicator.measure, Field::BaselineValue)?;
    }
    for (index, target) in indicator.targets.iter().enumerate() {
        check_target(target, indicator.measure, indicator.baseline.as_ref())?;
        if indicator.targets[..index]
            .iter()
            .any(|t| t.date == target.date)
        {
            return Err(GoalError::DuplicateTargetDate { date: target.date });
        }
    }
    Ok(NewIndicator {
        name,
        unit: indicator.unit.trim().to_string(),
        source: indicator.source.trim().to_string(),
        ..indicator.clone()
    })
}

pub(crate) fn check_target(
    target: &NewTarget,
    measure: MeasureType,
    baseline: Option<&Baseline>,
) -> Result<(), GoalError> {
    check_value(&target.value, measure, Field::TargetValue)?;
    match baseline {
        Some(baseline) if target.date < baseline.date => Err(GoalError::TargetBeforeBaseline {
            target: target.date,
            baseline: baseline.date,
        }),
        _ => Ok(()),
    }
}

/// Checks a measurement and returns it with its text trimmed.
pub(crate) fn check_measurement(
    measurement: &NewMeasurement,
    measure: MeasureType,
) -> Result<NewMeasurement, GoalError> {
    check_value(&measurement.value, measure, Field::Value)?;
    Ok(NewMeasurement {
        source: optional(&measurement.source, Field::Source, MAX_NAME_CHARS)?,
        organization: optional(
            &measurement.organization,
            Field::Organization,
            MAX_NAME_CHARS,
        )?,
        note: optional(&measurement.note, Field::Note, MAX_TEXT_CHARS)?,
        ..measurement.clone()
    })
}

/// Checks that a typed value fits the measure type and is sane.
pub(crate) fn check_value(
    value: &Value,
    measure: MeasureType,
    field: Field,
) -> Result<(), GoalError> {
    if !measure.fits(value) {
        return Err(GoalError::ValueDoesNotFit { field, measure });
    }
    match value {
        Value::Number(n) if !n.is_finite() => {
            Err(GoalError::invalid(field, FieldProblem::NotFinite))
        }
        Value::Text(text) => required(text, field, MAX_NAME_CHARS).map(|_| ()),
        _ => Ok(()),
    }
}

pub(crate) fn check_experiment_text(text: &ExperimentText) -> Result<ExperimentText, GoalError> {
    Ok(ExperimentText {
        title: required(&text.title, Field::ExperimentTitle, MAX_NAME_CHARS)?,
        hypothesis: optional(&text.hypothesis, Field::Hypothesis, MAX_TEXT_CHARS)?,
        learned: optional(&text.learned, Field::Learned, MAX_TEXT_CHARS)?,
    })
}

pub(crate) fn check_member(member: &TeamMember) -> Result<TeamMember, GoalError> {
    Ok(TeamMember {
        kind: member.kind,
        name: required(&member.name, Field::TeamMember, MAX_NAME_CHARS)?,
    })
}

pub(crate) fn check_task(text: &str) -> Result<String, GoalError> {
    required(text, Field::Task, MAX_NAME_CHARS)
}

/// A non-empty trimmed text of at most `max` characters.
pub(crate) fn required(text: &str, field: Field, max: usize) -> Result<String, GoalError> {
    checked_text(text, true, max).map_err(|problem| GoalError::invalid(field, problem))
}

/// A trimmed text of at most `max` characters, possibly empty.
pub(crate) fn optional(text: &str, field: Field, max: usize) -> Result<String, GoalError> {
    checked_text(text, false, max).map_err(|problem| GoalError::invalid(field, problem))
}

/// The trimmed text, or what is wrong with it (shared with `commitments`).
pub(crate) fn checked_text(text: &str, required: bool, max: usize) -> Result<String, FieldProblem> {
    let trimmed = text.trim();
    if required && trimmed.is_empty() {
        return Err(FieldProblem::Required);
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(FieldProblem::TooLong { length, max });
    }
    Ok(trimmed.to_string())
}

pub(super) fn check_length(text: &str, field: Field, max: usize) -> Result<(), GoalError> {
    checked_text(text, false, max)
        .map(|_| ())
        .map_err(|problem| GoalError::invalid(field, problem))
}

fn check_hashtag(text: &str) -> Result<(), GoalError> {
    let tag = normalize_hashtag(text);
    if tag.is_empty() {
        return Ok(());
    }
    check_length(&tag, Field::Hashtag, MAX_HASHTAG_CHARS)?;
    let body = &tag[1..];
    if body.is_empty() || !body.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(GoalError::BadHashtag {
            found: text.trim().to_string(),
        });
    }
    Ok(())
}

/// `CleanRiver` and `#CleanRiver` are the same hashtag; empty stays empty.
fn normalize_hashtag(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        trimmed.to_string()
    } else {
        format!("#{trimmed}")
    }
}

/// Keeps the value, or records the error for the form.
pub(super) fn collect<T, E: Into<FormError>>(
    errors: &mut Vec<FormError>,
    result: Result<T, E>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push(error.into());
            None
        }
    }
}
