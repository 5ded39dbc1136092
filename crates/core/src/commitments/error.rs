//! Why an operation on commitments, check-ins or roles was refused. Like
//! `goals::GoalError`, every error names its field and changes nothing.

use super::model::{CheckInId, CommitmentId, ResponseKind, Role};
use crate::goals::{Date, FieldProblem, GoalId, IndicatorId};

/// A field of a commitment, check-in or response form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommitmentField {
    Organization,
    Description,
    Amount,
    Unit,
    Toward,
    Due,
    MadeOn,
    StatusDate,
    Delivered,
    Date,
    By,
    Text,
    Evidence,
    Participant,
    /// The whole record (an unknown id).
    Record,
}

impl CommitmentField {
    pub fn label(self) -> &'static str {
        match self {
            CommitmentField::Organization => "organization",
            CommitmentField::Description => "description of what is promised",
            CommitmentField::Amount => "amount",
            CommitmentField::Unit => "unit",
            CommitmentField::Toward => "goal or indicator",
            CommitmentField::Due => "due date",
            CommitmentField::MadeOn => "date the commitment was made",
            CommitmentField::StatusDate => "status date",
            CommitmentField::Delivered => "amount delivered",
            CommitmentField::Date => "date",
            CommitmentField::By => "name of who reports",
            CommitmentField::Text => "text",
            CommitmentField::Evidence => "evidence link",
            CommitmentField::Participant => "participant name",
            CommitmentField::Record => "record",
        }
    }
}

impl std::fmt::Display for CommitmentField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Why an operation on commitments was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitmentError {
    #[error("{}", problem.describe(field.label()))]
    Invalid {
        field: CommitmentField,
        problem: FieldProblem,
    },
    #[error("the unit is required when an amount is given (hours, EUR, data sets…)")]
    AmountWithoutUnit,
    #[error("the due date {due} is before the date the commitment was made, {made_on}: move the due date later")]
    DueBeforeMade { due: Date, made_on: Date },
    #[error("the date {date} is before the date the commitment was made, {made_on}")]
    BeforeCommitment { date: Date, made_on: Date },
    #[error("a {} needs a text", kind.name())]
    EmptyResponse { kind: ResponseKind },
    #[error("there is no goal {0} in this room (it may have been deleted): choose another")]
    UnknownGoal(GoalId),
    #[error("there is no indicator {0} in this room (it may have been deleted): choose another")]
    UnknownIndicator(IndicatorId),
    #[error("there is no commitment {0} in this room (it may have been deleted)")]
    UnknownCommitment(CommitmentId),
    #[error("there is no check-in {0} in this room (it may have been deleted)")]
    UnknownCheckIn(CheckInId),
    #[error("{participant} does not hold the role {}", role.label())]
    RoleNotHeld { participant: String, role: Role },
}

impl CommitmentError {
    /// The form field this error is about, for marking it.
    pub fn field(&self) -> CommitmentField {
        match self {
            CommitmentError::Invalid { field, .. } => *field,
            CommitmentError::AmountWithoutUnit => CommitmentField::Unit,
            CommitmentError::DueBeforeMade { .. } => CommitmentField::Due,
            CommitmentError::BeforeCommitment { .. } => CommitmentField::Date,
            CommitmentError::EmptyResponse { .. } => CommitmentField::Text,
            CommitmentError::UnknownGoal(_) | CommitmentError::UnknownIndicator(_) => {
                CommitmentField::Toward
            }
            CommitmentError::RoleNotHeld { .. } => CommitmentField::Participant,
            CommitmentError::UnknownCommitment(_) | CommitmentError::UnknownCheckIn(_) => {
                CommitmentField::Record
            }
        }
    }

    pub(crate) fn invalid(field: CommitmentField, problem: FieldProblem) -> CommitmentError {
        CommitmentError::Invalid { field, problem }
    }
}

/// One problem of a commitment form, for showing next to its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFormError {
    pub field: CommitmentField,
    pub error: CommitmentError,
}

impl std::fmt::Display for CommitmentFormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl From<CommitmentError> for CommitmentFormError {
    fn from(error: CommitmentError) -> CommitmentFormError {
        CommitmentFormError {
            field: error.field(),
            error,
        }
    }
}
