//! Encoding frames into a message buffer. Encoding cannot fail: every frame the
//! types can express has a valid layout (only a body over 4 GiB, which no limit
//! allows, cannot be written and panics).

use crate::frame::{ClientFrame, RelayFrame};
use crate::{HEADER_LEN, PROTOCOL_VERSION};

/// Appends the frames to `out`, back to back, forming (part of) one message.
pub fn encode_client_frames(frames: &[ClientFrame<'_>], out: &mut Vec<u8>) {
    out.reserve(frames.iter().map(ClientFrame::encoded_len).sum());
    for frame in frames {
        frame.encode(out);
    }
}

/// Appends the frames to `out`, back to back, forming (part of) one message.
pub fn encode_relay_frames(frames: &[RelayFrame<'_>], out: &mut Vec<u8>) {
    out.reserve(frames.iter().map(RelayFrame::encoded_len).sum());
    for frame in frames {
        frame.encode(out);
    }
}

fn header(out: &mut Vec<u8>, kind: u8, body_len: usize) {
    let len = u32::try_from(body_len).expect("a frame body is at most 4 GiB");
    out.reserve(HEADER_LEN + body_len);
    out.push(PROTOCOL_VERSION);
    out.push(kind);
    out.extend_from_slice(&len.to_le_bytes());
}

impl ClientFrame<'_> {
    /// Appends this one frame to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        header(out, self.kind(), self.body_len());
        match self {
            ClientFrame::Hello { since } => out.extend_from_slice(&since.to_le_bytes()),
            ClientFrame::Update {
                client_ref,
                payload,
            } => {
                out.extend_from_slice(&client_ref.to_le_bytes());
                out.extend_from_slice(payload);
            }
            ClientFrame::SnapshotPart {
                upto,
                snapshot_ref,
                index,
                count,
                payload,
            } => {
                out.extend_from_slice(&upto.to_le_bytes());
                out.extend_from_slice(&snapshot_ref.to_le_bytes());
                out.extend_from_slice(&index.to_le_bytes());
                out.extend_from_slice(&count.to_le_bytes());
                out.extend_from_slice(payload);
            }
            ClientFrame::Presence { payload } => out.extend_from_slice(payload),
        }
    }

    /// This one frame as a new buffer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }
}

impl RelayFrame<'_> {
    /// Appends this one frame to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        header(out, self.kind(), self.body_len());
        match self {
            RelayFrame::Welcome { head, conn } => {
                out.extend_from_slice(&head.to_le_bytes());
                out.extend_from_slice(&conn.to_le_bytes());
            }
            RelayFrame::Ack { client_ref, seq } => {
                out.extend_from_slice(&client_ref.to_le_bytes());
                out.extend_from_slice(&seq.to_le_bytes());
            }
            RelayFrame::Update { seq, payload } => {
                out.extend_from_slice(&seq.to_le_bytes());
                out.extend_from_slice(payload);
            }
            RelayFrame::SnapshotPart {
                upto,
                index,
                count,
                payload,
            } => {
                out.extend_from_slice(&upto.to_le_bytes());
                out.extend_from_slice(&index.to_le_bytes());
                out.extend_from_slice(&count.to_le_bytes());
                out.extend_from_slice(payload);
            }
            RelayFrame::Presence { conn, payload } => {
                out.extend_from_slice(&conn.to_le_bytes());
                out.extend_from_slice(payload);
            }
            RelayFrame::Left { conn } => out.extend_from_slice(&conn.to_le_bytes()),
            RelayFrame::CaughtUp { head } => out.extend_from_slice(&head.to_le_bytes()),
        }
    }

    /// This one frame as a new buffer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }
}
