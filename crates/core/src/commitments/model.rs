//! The plain data of commitments, check-ins and roles: what views show and what
//! the JSON export carries (part of the export format, docs/schema).

use serde::{Deserialize, Serialize};

use crate::goals::{string_id, Date, GoalId, IndicatorId};

string_id!(
    /// Names a commitment within its room.
    CommitmentId
);
string_id!(
    /// Names a check-in within its room.
    CheckInId
);
string_id!(
    /// Names one response (acknowledgement, question, answer) to a check-in.
    ResponseId
);

/// What a partner puts in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    StaffTime,
    Money,
    Data,
    Venue,
    Expertise,
    #[default]
    Other,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 6] = [
        CommitmentKind::StaffTime,
        CommitmentKind::Money,
        CommitmentKind::Data,
        CommitmentKind::Venue,
        CommitmentKind::Expertise,
        CommitmentKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CommitmentKind::StaffTime => "staff_time",
            CommitmentKind::Money => "money",
            CommitmentKind::Data => "data",
            CommitmentKind::Venue => "venue",
            CommitmentKind::Expertise => "expertise",
            CommitmentKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<CommitmentKind> {
        CommitmentKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            CommitmentKind::StaffTime => "staff time",
            CommitmentKind::Money => "money",
            CommitmentKind::Data => "data",
            CommitmentKind::Venue => "venue",
            CommitmentKind::Expertise => "expertise",
            CommitmentKind::Other => "other",
        }
    }
}

/// Where a commitment stands, after the Open Contracting milestone statuses
/// (scheduled, met, partially met, not met) with "in progress" between.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    #[default]
    Planned,
    InProgress,
    Met,
    PartiallyMet,
    NotMet,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 5] = [
        CommitmentStatus::Planned,
        CommitmentStatus::InProgress,
        CommitmentStatus::Met,
        CommitmentStatus::PartiallyMet,
        CommitmentStatus::NotMet,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CommitmentStatus::Planned => "planned",
            CommitmentStatus::InProgress => "in_progress",
            CommitmentStatus::Met => "met",
            CommitmentStatus::PartiallyMet => "partially_met",
            CommitmentStatus::NotMet => "not_met",
        }
    }

    pub fn from_name(name: &str) -> Option<CommitmentStatus> {
        CommitmentStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            CommitmentStatus::Planned => "planned",
            CommitmentStatus::InProgress => "in progress",
            CommitmentStatus::Met => "met",
            CommitmentStatus::PartiallyMet => "partially met",
            CommitmentStatus::NotMet => "not met",
        }
    }

    /// Whether the commitment is still to be delivered (planned or in progress).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            CommitmentStatus::Planned | CommitmentStatus::InProgress
        )
    }
}

/// What a commitment serves: a goal, or one indicator of a goal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Toward {
    Goal(GoalId),
    Indicator(IndicatorId),
}

/// A partner's promise to the coalition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: CommitmentId,
    /// The organization that promises.
    pub organization: String,
    pub kind: CommitmentKind,
    /// What is promised, in the partner's words.
    pub description: String,
    /// How much, where it applies (hours, euros, data sets…).
    pub amount: Option<f64>,
    pub unit: String,
    pub toward: Option<Toward>,
    /// Whether the goal or indicator it serves is still in the room.
    pub toward_exists: bool,
    pub due: Option<Date>,
    /// When the commitment was recorded.
    pub made_on: Option<Date>,
    pub status: CommitmentStatus,
    /// When the status last changed (the day it was made, until then).
    pub status_date: Option<Date>,
    /// How much has been delivered, where an amount applies.
    pub delivered: Option<f64>,
}

impl Commitment {
    /// Open (planned or in progress) and due before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// A partner's report of progress on its commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: CheckInId,
    pub commitment: CommitmentId,
    pub date: Date,
    /// Who reported (a person or the organization).
    pub by: String,
    pub text: String,
    /// A link to evidence (a report, a photo), if any.
    pub evidence: String,
    /// Responses from anyone in the coalition, in the order they were made.
    pub responses: Vec<Response>,
}

/// How someone responds to a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    /// "Seen, thank you": the many-to-many way of saying the work is noticed.
    Acknowledgement,
    Question,
    Answer,
}

impl ResponseKind {
    pub const ALL: [ResponseKind; 3] = [
        ResponseKind::Acknowledgement,
        ResponseKind::Question,
        ResponseKind::Answer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ResponseKind::Acknowledgement => "acknowledgement",
            ResponseKind::Question => "question",
            ResponseKind::Answer => "answer",
        }
    }

    pub fn from_name(name: &str) -> Option<ResponseKind> {
        ResponseKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One response to a check-in, by any participant or partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: ResponseId,
    pub kind: ResponseKind,
    pub by: String,
    pub date: Date,
    pub text: String,
}

/// A role a participant holds in the coalition (megacommunity roles, plus the
/// facilitator who runs the sessions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Initiator,
    Facilitator,
    ProgramManager,
    MediaDirector,
    MediaLiaison,
    SubjectMatterExpert,
    EnablerBroker,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Initiator,
        Role::Facilitator,
        Role::ProgramManager,
        Role::MediaDirector,
        Role::MediaLiaison,
        Role::SubjectMatterExpert,
        Role::EnablerBroker,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Initiator => "initiator",
            Role::Facilitator => "facilitator",
            Role::ProgramManager => "program_manager",
            Role::MediaDirector => "media_director",
            Role::MediaLiaison => "media_liaison",
            Role::SubjectMatterExpert => "subject_matter_expert",
            Role::EnablerBroker => "enabler_broker",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Initiator => "initiator",
            Role::Facilitator => "facilitator",
            Role::ProgramManager => "program manager",
            Role::MediaDirector => "media director",
            Role::MediaLiaison => "media liaison",
            Role::SubjectMatterExpert => "subject-matter expert",
            Role::EnablerBroker => "enabler/broker",
        }
    }
}

/// The roles one participant holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRoles {
    pub participant: String,
    /// In the order of [`Role::ALL`].
    pub roles: Vec<Role>,
}

/// Everything the commitments part of a room holds, in canonical order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentsView {
    pub commitments: Vec<Commitment>,
    pub check_ins: Vec<CheckIn>,
    pub roles: Vec<ParticipantRoles>,
}
