//! Client ids: who wrote an edit, as the CRDT sees it.

use serde::{Deserialize, Serialize};

/// The id of one replica of a room for one editing session. Two replicas editing
/// the same room at the same time must never share an id, so callers draw a fresh
/// random one per session (core reads no random numbers itself).
///
/// Values are below 2^53 so that the document stays readable by Yjs in JavaScript,
/// where numbers are doubles; [`ClientId::new`] refuses larger ones and
/// [`ClientId::from_random_u64`] masks any 64 random bits into range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct ClientId(u64);

/// A client id that JavaScript could not represent exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("client id {value} is too large: it must be below 2^53 (use ClientId::from_random_u64)")]
pub struct ClientIdError {
    pub value: u64,
}

impl ClientId {
    /// The largest valid id, 2^53 − 1.
    pub const MAX: u64 = (1 << 53) - 1;

    pub fn new(value: u64) -> Result<ClientId, ClientIdError> {
        if value <= Self::MAX {
            Ok(ClientId(value))
        } else {
            Err(ClientIdError { value })
        }
    }

    /// Keeps the low 53 bits of caller-supplied random bits.
    pub fn from_random_u64(bits: u64) -> ClientId {
        ClientId(bits & Self::MAX)
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for ClientId {
    type Error = ClientIdError;

    fn try_from(value: u64) -> Result<Self, Self::Error> {
        ClientId::new(value)
    }
}

impl From<ClientId> for u64 {
    fn from(id: ClientId) -> u64 {
        id.0
    }
}

impl std::fmt::Display for ClientId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_below_two_to_the_53() {
        assert_eq!(
            ClientId::new(ClientId::MAX).map(ClientId::get),
            Ok(ClientId::MAX)
        );
        let err = ClientId::new(1 << 53).unwrap_err();
        assert!(err.to_string().contains("below 2^53"), "{err}");
        assert_eq!(ClientId::from_random_u64(u64::MAX).get(), ClientId::MAX);
        assert_eq!(ClientId::from_random_u64(42).get(), 42);
    }
}
