//! The coalition's goal and commitment data as one JSON document, for other
//! tools and for archives.
//!
//! The format is versioned: `format` names it and `version` counts breaking
//! changes. Its JSON Schema is published as
//! `docs/schema/coalition-data-v1.schema.json`, and a test checks every export
//! against it, so the two cannot drift apart. A reader refuses a document of
//! another format or a newer version with a message saying so.

use serde::{Deserialize, Serialize};

use super::model::{CheckIn, Commitment, ParticipantRoles};
use crate::goals::{Experiment, Goal, Indicator, Measurement};
use crate::room::Room;

/// The value of `format` in every export.
pub const COALITION_DATA_FORMAT: &str = "constellation/coalition-data";
/// The version this code writes and the newest it reads.
pub const COALITION_DATA_VERSION: u32 = 1;

/// Everything a room holds about goals and commitments, in canonical order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoalitionData {
    pub format: String,
    pub version: u32,
    /// The room's title.
    pub title: String,
    pub goals: Vec<Goal>,
    pub indicators: Vec<Indicator>,
    pub measurements: Vec<Measurement>,
    pub experiments: Vec<Experiment>,
    pub commitments: Vec<Commitment>,
    pub check_ins: Vec<CheckIn>,
    pub roles: Vec<ParticipantRoles>,
}

/// Why a JSON document could not be read as coalition data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("this is not Constellation coalition data: its format is '{found}', expected '{COALITION_DATA_FORMAT}'")]
    WrongFormat { found: String },
    #[error("this coalition data is version {found}, newer than this app reads ({COALITION_DATA_VERSION}): update the app")]
    NewerVersion { found: u32 },
    #[error("the coalition data is not valid JSON of the expected shape: {reason}")]
    Malformed { reason: String },
}

impl CoalitionData {
    /// Pretty-printed JSON, with keys in a fixed order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data always serializes")
    }

    /// Reads an export, checking its format and version first.
    pub fn from_json(json: &str) -> Result<CoalitionData, ExportError> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let malformed = |e: serde_json::Error| ExportError::Malformed {
            reason: e.to_string(),
        };
        let header: Header = serde_json::from_str(json).map_err(malformed)?;
        let format = header.format.unwrap_or_default();
        if format != COALITION_DATA_FORMAT {
            return Err(ExportError::WrongFormat { found: format });
        }
        match header.version {
            Some(found) if found > COALITION_DATA_VERSION => {
                Err(ExportError::NewerVersion { found })
            }
            _ => serde_json::from_str(json).map_err(malformed),
        }
    }
}

impl Room {
    /// The room's goals, indicators, measurements, experiments, commitments,
    /// check-ins and roles, ready for [`CoalitionData::to_json`].
    pub fn coalition_data(&self) -> CoalitionData {
        let goals = self.goals_view();
        let commitments = self.commitments_view();
        CoalitionData {
            format: COALITION_DATA_FORMAT.to_string(),
            version: COALITION_DATA_VERSION,
            title: self.title(),
            goals: goals.goals,
            indicators: goals.indicators,
            measurements: goals.measurements,
            experiments: goals.experiments,
            commitments: commitments.commitments,
            check_ins: commitments.check_ins,
            roles: commitments.roles,
        }
    }
}
