//! What a valid commitment, status change, check-in or response is, as pure
//! functions: typed values checked by the room operations, and drafts (text as
//! typed) checked by forms on every keystroke, reporting every problem at once.

use super::error::{CommitmentError, CommitmentField, CommitmentFormError};
use super::model::{CommitmentKind, CommitmentStatus, ResponseKind, Toward};
use crate::goals::{
    checked_text, parse_number, Date, FieldProblem, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};

/// The most characters of a participant's name.
pub const MAX_PARTICIPANT_CHARS: usize = 100;
/// The most characters of an evidence link.
pub const MAX_LINK_CHARS: usize = 2_000;

/// A commitment as the room stores it; it starts `planned`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCommitment {
    pub organization: String,
    pub kind: CommitmentKind,
    pub description: String,
    pub amount: Option<f64>,
    pub unit: String,
    pub toward: Toward,
    pub due: Date,
    /// The day the commitment is recorded (the caller's "today").
    pub made_on: Date,
}

/// A change of a commitment's status, on a given day, with what was delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub status: CommitmentStatus,
    pub date: Date,
    pub delivered: Option<f64>,
}

/// A check-in as the room stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCheckIn {
    pub date: Date,
    pub by: String,
    pub text: String,
    /// A web link, or empty.
    pub evidence: String,
}

/// A response to a check-in as the room stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewResponse {
    pub kind: ResponseKind,
    pub by: String,
    pub date: Date,
    /// Required for questions and answers; optional for an acknowledgement.
    pub text: String,
}

/// A commitment form, as typed. Kind and target come from pickers.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentDraft {
    pub organization: String,
    pub kind: CommitmentKind,
    pub description: String,
    pub amount: String,
    pub unit: String,
    pub toward: Toward,
    pub due: String,
    pub made_on: Date,
}

/// A check-in form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckInDraft {
    pub date: String,
    pub by: String,
    pub text: String,
    pub evidence: String,
}

/// Checks a commitment form; on success, the commitment for `Room::add_commitment`.
pub fn validate_commitment(
    draft: &CommitmentDraft,
) -> Result<NewCommitment, Vec<CommitmentFormError>> {
    let mut errors = Vec::new();
    let amount = match draft.amount.trim() {
        "" => Some(None),
        text => keep(
            &mut errors,
            parse_amount(text, CommitmentField::Amount).map(Some),
        ),
    };
    let due = keep(&mut errors, parse_date(&draft.due, CommitmentField::Due));
    let (Some(amount), Some(due)) = (amount, due) else {
        // Still report the other fields' problems, the amount's unit included
        // when the amount itself was readable.
        let probe = NewCommitment {
            organization: draft.organization.clone(),
            kind: draft.kind,
            description: draft.description.clone(),
            amount: amount.flatten(),
            unit: draft.unit.clone(),
            toward: draft.toward.clone(),
            due: draft.made_on,
            made_on: draft.made_on,
        };
        errors.extend(
            commitment_problems(&probe)
                .into_iter()
                .map(CommitmentFormError::from),
        );
        return Err(errors);
    };
    let commitment = NewCommitment {
        organization: draft.organization.clone(),
        kind: draft.kind,
        description: draft.description.clone(),
        amount,
        unit: draft.unit.clone(),
        toward: draft.toward.clone(),
        due,
        made_on: draft.made_on,
    };
    errors.extend(
        commitment_problems(&commitment)
            .into_iter()
            .map(CommitmentFormError::from),
    );
    if errors.is_empty() {
        Ok(check_commitment(&commitment).expect("no problems found"))
    } else {
        Err(errors)
    }
}

/// Checks a check-in form.
pub fn validate_check_in(draft: &CheckInDraft) -> Result<NewCheckIn, Vec<CommitmentFormError>> {
    let mut errors = Vec::new();
    let date = keep(&mut errors, parse_date(&draft.date, CommitmentField::Date));
    let check_in = NewCheckIn {
        date: date.unwrap_or_else(|| Date::new(1, 1, 1).expect("a valid date")),
        by: draft.by.clone(),
        text: draft.text.clone(),
        evidence: draft.evidence.clone(),
    };
    match check_check_in(&check_in) {
        Ok(checked) if errors.is_empty() => Ok(checked),
        Ok(_) => Err(errors),
        Err(problems) => {
            errors.extend(problems.into_iter().map(CommitmentFormError::from));
            Err(errors)
        }
    }
}

/// Reads an amount as typed: a number of zero or more.
pub fn parse_amount(text: &str, field: CommitmentField) -> Result<f64, CommitmentError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CommitmentError::invalid(field, FieldProblem::Required));
    }
    let number = parse_number(trimmed).ok_or_else(|| {
        CommitmentError::invalid(
            field,
            FieldProblem::NotANumber {
                found: trimmed.into(),
            },
        )
    })?;
    check_amount(number, field)?;
    Ok(number)
}

fn parse_date(text: &str, field: CommitmentField) -> Result<Date, CommitmentError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CommitmentError::invalid(field, FieldProblem::Required));
    }
    Date::parse(trimmed).map_err(|_| {
        CommitmentError::invalid(
            field,
            FieldProblem::NotADate {
                found: trimmed.into(),
            },
        )
    })
}

/// Checks a commitment and returns it with its text trimmed.
pub(crate) fn check_commitment(
    commitment: &NewCommitment,
) -> Result<NewCommitment, CommitmentError> {
    if let Some(first) = commitment_problems(commitment).into_iter().next() {
        return Err(first);
    }
    Ok(NewCommitment {
        organization: commitment.organization.trim().to_string(),
        description: commitment.description.trim().to_string(),
        unit: commitment.unit.trim().to_string(),
        ..commitment.clone()
    })
}

fn commitment_problems(commitment: &NewCommitment) -> Vec<CommitmentError> {
    let mut problems = Vec::new();
    let mut note = |result: Result<(), CommitmentError>| {
        if let Err(error) = result {
            problems.push(error);
        }
    };
    note(
        required(
            &commitment.organization,
            CommitmentField::Organization,
            MAX_NAME_CHARS,
        )
        .map(|_| ()),
    );
    note(
        required(
            &commitment.description,
            CommitmentField::Description,
            MAX_TEXT_CHARS,
        )
        .map(|_| ()),
    );
    note(optional(&commitment.unit, CommitmentField::Unit, MAX_NAME_CHARS).map(|_| ()));
    if let Some(amount) = commitment.amount {
        note(check_amount(amount, CommitmentField::Amount));
        if commitment.unit.trim().is_empty() {
            note(Err(CommitmentError::AmountWithoutUnit));
        }
    }
    if commitment.due < commitment.made_on {
        note(Err(CommitmentError::DueBeforeMade {
            due: commitment.due,
            made_on: commitment.made_on,
        }));
    }
    problems
}

pub(crate) fn check_amount(amount: f64, field: CommitmentField) -> Result<(), CommitmentError> {
    if !amount.is_finite() {
        return Err(CommitmentError::invalid(field, FieldProblem::NotFinite));
    }
    if amount < 0.0 {
        return Err(CommitmentError::invalid(
            field,
            FieldProblem::Negative {
                found: amount.to_string(),
            },
        ));
    }
    Ok(())
}

/// Checks a check-in; every problem, in form order.
pub(crate) fn check_check_in(check_in: &NewCheckIn) -> Result<NewCheckIn, Vec<CommitmentError>> {
    let mut problems = Vec::new();
    let by = required(&check_in.by, CommitmentField::By, MAX_NAME_CHARS)
        .map_err(|e| problems.push(e))
        .ok();
    let text = required(&check_in.text, CommitmentField::Text, MAX_TEXT_CHARS)
        .map_err(|e| problems.push(e))
        .ok();
    let evidence = check_link(&check_in.evidence)
        .map_err(|e| problems.push(e))
        .ok();
    match (by, text, evidence) {
        (Some(by), Some(text), Some(evidence)) if problems.is_empty() => Ok(NewCheckIn {
            date: check_in.date,
            by,
            text,
            evidence,
        }),
        _ => Err(problems),
    }
}

pub(crate) fn check_response(response: &NewResponse) -> Result<NewResponse, CommitmentError> {
    let by = required(&response.by, CommitmentField::By, MAX_NAME_CHARS)?;
    let text = optional(&response.text, CommitmentField::Text, MAX_TEXT_CHARS)?;
    if text.is_empty() && response.kind != ResponseKind::Acknowledgement {
        return Err(CommitmentError::EmptyResponse {
            kind: response.kind,
        });
    }
    Ok(NewResponse {
        by,
        text,
        ..response.clone()
    })
}

/// An evidence link: empty, or an http(s) address without spaces.
fn check_link(text: &str) -> Result<String, CommitmentError> {
    let link = optional(text, CommitmentField::Evidence, MAX_LINK_CHARS)?;
    let lower = link.to_ascii_lowercase();
    let has_host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if link.is_empty() || (has_host && !link.chars().any(char::is_whitespace)) {
        Ok(link)
    } else {
        Err(CommitmentError::invalid(
            CommitmentField::Evidence,
            FieldProblem::NotALink { found: link },
        ))
    }
}

pub(crate) fn required(
    text: &str,
    field: CommitmentField,
    max: usize,
) -> Result<String, CommitmentError> {
    checked_text(text, true, max).map_err(|problem| CommitmentError::invalid(field, problem))
}

pub(crate) fn optional(
    text: &str,
    field: CommitmentField,
    max: usize,
) -> Result<String, CommitmentError> {
    checked_text(text, false, max).map_err(|problem| CommitmentError::invalid(field, problem))
}

fn keep<T>(errors: &mut Vec<CommitmentFormError>, result: Result<T, CommitmentError>) -> Option<T> {
    result.map_err(|error| errors.push(error.into())).ok()
}
