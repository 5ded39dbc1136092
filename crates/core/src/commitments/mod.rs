//! What partners promise and deliver: commitments toward goals or indicators,
//! check-ins on them with responses from anyone (many-to-many accountability),
//! the roles participants hold, each partner's record (promised vs delivered,
//! overdue, freshness), the progress digest for a period, and the JSON export
//! of all the coalition's goal and commitment data.
//!
//! This module owns those rules and builds on `goals` (never the reverse). It
//! reads no clock: "today" and every date are passed in.
//!
//! Layout in the document (part of the document format):
//! - root map `commitments`: commitment id → map { `organization`, `kind`
//!   (`staff_time` | `money` | `data` | `venue` | `expertise` | `other`),
//!   `description`, `unit`: strings; `amount`, `delivered`: numbers (absent when
//!   they do not apply); `toward`: {`kind`: `goal` | `indicator`, `id`}; `due`,
//!   `made_on`: `YYYY-MM-DD`; `status`: {`value`: `planned` | `in_progress` |
//!   `met` | `partially_met` | `not_met`, `date`} };
//! - root map `check_ins`: check-in id → map { `commitment`, `date`, `by`,
//!   `text`, `evidence`: strings; `responses`: map response id → {`kind`:
//!   `acknowledgement` | `question` | `answer`, `by`, `date`, `text`} };
//! - root map `roles`: `"{role}:{participant}"` → true.
//!
//! `{…}` is one plain value, replaced as a whole; `map` is a nested shared map.

mod accountability;
mod digest;
mod error;
mod export;
mod model;
mod roles;
mod store;
mod validate;

pub use accountability::{accountability, AccountabilityConfig, AmountBalance, PartnerAccount};
pub use digest::{
    english as digest_english, Digest, DigestCheckIn, DigestError, DigestMeasurement, DigestSection,
    DigestWord, Period, StatusChangeOfGoal,
};
pub use error::{CommitmentError, CommitmentField, CommitmentFormError};
pub use export::{CoalitionData, ExportError, COALITION_DATA_FORMAT, COALITION_DATA_VERSION};
pub use model::{
    CheckIn, CheckInId, Commitment, CommitmentId, CommitmentKind, CommitmentStatus,
    CommitmentsView, ParticipantRoles, Response, ResponseId, ResponseKind, Role, Toward,
};
pub use validate::{
    parse_amount, validate_check_in, validate_commitment, CheckInDraft, CommitmentDraft,
    NewCheckIn, NewCommitment, NewResponse, StatusChange, MAX_LINK_CHARS, MAX_PARTICIPANT_CHARS,
};

const COMMITMENTS: &str = "commitments";
const CHECK_INS: &str = "check_ins";
const ROLES: &str = "roles";
