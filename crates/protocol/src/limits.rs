//! Size limits a decoder enforces, and the arithmetic of splitting a snapshot into
//! parts that respect them.

use crate::error::FrameError;
use crate::HEADER_LEN;

/// Sizes a decoder accepts. The relay announces nothing: both sides are configured
/// with the same values (the defaults unless the relay's operator changed them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest frame, header included.
    pub max_frame_bytes: usize,
    /// Largest presence payload.
    pub max_presence_bytes: usize,
}

impl Limits {
    /// 256 KiB per frame.
    pub const DEFAULT_MAX_FRAME_BYTES: usize = 256 * 1024;
    /// 1 KiB per presence payload.
    pub const DEFAULT_MAX_PRESENCE_BYTES: usize = 1024;

    /// Largest WebSocket message a client may send: 4 frames' worth (the
    /// relay closes with 4413 above it).
    pub fn max_message_bytes(&self) -> usize {
        self.max_frame_bytes.saturating_mul(4)
    }

    /// Largest UPDATE payload a client may send.
    pub fn max_update_payload(&self) -> usize {
        self.max_frame_bytes.saturating_sub(HEADER_LEN + 4)
    }

    /// Largest payload of one client SNAPSHOT_PART.
    pub fn max_client_snapshot_part(&self) -> usize {
        self.max_frame_bytes.saturating_sub(HEADER_LEN + 16)
    }

    /// Largest payload of one relay SNAPSHOT_PART.
    pub fn max_relay_snapshot_part(&self) -> usize {
        self.max_frame_bytes.saturating_sub(HEADER_LEN + 12)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_frame_bytes: Self::DEFAULT_MAX_FRAME_BYTES,
            max_presence_bytes: Self::DEFAULT_MAX_PRESENCE_BYTES,
        }
    }
}

/// Splits a snapshot into parts of at most `max_part` bytes (at least one part, so
/// an empty snapshot is one empty part). Fails when more than 65,535 parts would be
/// needed, since a part's count is a u16.
pub fn snapshot_parts(snapshot: &[u8], max_part: usize) -> Result<Vec<&[u8]>, FrameError> {
    let max_part = max_part.max(1);
    let limit = max_part as u64 * u64::from(u16::MAX);
    if snapshot.len() as u64 > limit {
        return Err(FrameError::SnapshotTooLarge {
            size: snapshot.len() as u64,
            limit,
        });
    }
    if snapshot.is_empty() {
        return Ok(vec![snapshot]);
    }
    Ok(snapshot.chunks(max_part).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_the_snapshot_in_order() {
        let snapshot: Vec<u8> = (0..=255).collect();
        let parts = snapshot_parts(&snapshot, 100).unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), snapshot);
        assert_eq!(snapshot_parts(&[], 100).unwrap(), vec![&[] as &[u8]]);
    }

    #[test]
    fn too_many_parts_are_refused() {
        let snapshot = vec![0; 70_000];
        assert!(matches!(
            snapshot_parts(&snapshot, 1),
            Err(FrameError::SnapshotTooLarge { .. })
        ));
    }
}
