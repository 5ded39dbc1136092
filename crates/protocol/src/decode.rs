//! Decoding a received message into frames. Decoders never panic, whatever the
//! bytes: every length is checked before it is used, and a message is refused as a
//! whole at its first bad frame (the connection is closed anyway, so frames before
//! the bad one are not worth acting on).

use std::borrow::Cow;

use crate::error::FrameError;
use crate::frame::{kind, ClientFrame, RelayFrame};
use crate::limits::Limits;
use crate::{HEADER_LEN, PROTOCOL_VERSION};

/// Decodes every frame of a message sent by a client.
pub fn decode_client_message<'a>(
    message: &'a [u8],
    limits: &Limits,
) -> Result<Vec<ClientFrame<'a>>, FrameError> {
    decode_message(message, limits, "client", is_client_kind, client_frame)
}

/// Decodes every frame of a message sent by the relay.
pub fn decode_relay_message<'a>(
    message: &'a [u8],
    limits: &Limits,
) -> Result<Vec<RelayFrame<'a>>, FrameError> {
    decode_message(message, limits, "relay", is_relay_kind, relay_frame)
}

fn is_client_kind(k: u8) -> bool {
    matches!(
        k,
        kind::HELLO | kind::UPDATE | kind::SNAPSHOT_PART | kind::PRESENCE
    )
}

fn is_relay_kind(k: u8) -> bool {
    (kind::WELCOME..=kind::CAUGHT_UP).contains(&k)
}

/// Splits the message into frames. The header checks run in a fixed order (version,
/// kind, size, then completeness) so that the reported problem is the most telling
/// one: a frame of another version may mean anything after its first byte.
fn decode_message<'a, F>(
    message: &'a [u8],
    limits: &Limits,
    from: &'static str,
    known: fn(u8) -> bool,
    parse: fn(u8, &'a [u8], &Limits) -> Result<F, FrameError>,
) -> Result<Vec<F>, FrameError> {
    if message.is_empty() {
        return Err(FrameError::EmptyMessage);
    }
    let mut frames = Vec::new();
    let mut rest = message;
    while !rest.is_empty() {
        if rest[0] != PROTOCOL_VERSION {
            return Err(FrameError::UnsupportedVersion { version: rest[0] });
        }
        if rest.len() < HEADER_LEN {
            return Err(FrameError::TruncatedHeader { left: rest.len() });
        }
        let k = rest[1];
        if !known(k) {
            return Err(FrameError::UnknownKind { kind: k, from });
        }
        let body_len = u64::from(u32::from_le_bytes([rest[2], rest[3], rest[4], rest[5]]));
        let size = HEADER_LEN as u64 + body_len;
        if size > limits.max_frame_bytes as u64 {
            return Err(FrameError::FrameTooLarge {
                size,
                limit: limits.max_frame_bytes,
            });
        }
        let left = rest.len() - HEADER_LEN;
        if body_len > left as u64 {
            return Err(FrameError::TruncatedBody { body_len, left });
        }
        // body_len <= left, which is a usize, so the conversion is exact.
        let (body, next) = rest[HEADER_LEN..].split_at(body_len as usize);
        frames.push(parse(k, body, limits)?);
        rest = next;
    }
    Ok(frames)
}

/// A cursor over a frame body that reads the fixed-size fields.
struct Body<'a> {
    bytes: &'a [u8],
}

impl<'a> Body<'a> {
    /// Checks the body length against the fixed part of the frame first, so the
    /// reads below cannot run out of bytes.
    fn new(
        name: &'static str,
        bytes: &'a [u8],
        expected: usize,
        exact: bool,
    ) -> Result<Self, FrameError> {
        let ok = if exact {
            bytes.len() == expected
        } else {
            bytes.len() >= expected
        };
        if !ok {
            return Err(FrameError::BodyLength {
                name,
                len: bytes.len(),
                expected,
                exact,
            });
        }
        Ok(Body { bytes })
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let (head, tail) = self.bytes.split_at(N);
        self.bytes = tail;
        head.try_into().expect("split_at returned N bytes")
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take())
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }

    fn rest(self) -> Cow<'a, [u8]> {
        Cow::Borrowed(self.bytes)
    }
}

fn check_part(index: u16, count: u16) -> Result<(), FrameError> {
    if index >= count {
        return Err(FrameError::BadPartIndex { index, count });
    }
    Ok(())
}

fn check_presence(payload: &[u8], limits: &Limits) -> Result<(), FrameError> {
    if payload.len() > limits.max_presence_bytes {
        return Err(FrameError::PresenceTooLarge {
            size: payload.len(),
            limit: limits.max_presence_bytes,
        });
    }
    Ok(())
}

fn client_frame<'a>(k: u8, body: &'a [u8], limits: &Limits) -> Result<ClientFrame<'a>, FrameError> {
    Ok(match k {
        kind::HELLO => {
            let mut b = Body::new("HELLO", body, 8, true)?;
            ClientFrame::Hello { since: b.u64() }
        }
        kind::UPDATE => {
            let mut b = Body::new("UPDATE", body, 4, false)?;
            let client_ref = b.u32();
            ClientFrame::Update {
                client_ref,
                payload: b.rest(),
            }
        }
        kind::SNAPSHOT_PART => {
            let mut b = Body::new("SNAPSHOT_PART", body, 16, false)?;
            let (upto, snapshot_ref, index, count) = (b.u64(), b.u32(), b.u16(), b.u16());
            check_part(index, count)?;
            ClientFrame::SnapshotPart {
                upto,
                snapshot_ref,
                index,
                count,
                payload: b.rest(),
            }
        }
        kind::PRESENCE => {
            check_presence(body, limits)?;
            ClientFrame::Presence {
                payload: Cow::Borrowed(body),
            }
        }
        _ => unreachable!("kind {k:#04x} was checked by is_client_kind"),
    })
}

fn relay_frame<'a>(k: u8, body: &'a [u8], limits: &Limits) -> Result<RelayFrame<'a>, FrameError> {
    Ok(match k {
        kind::WELCOME => {
            let mut b = Body::new("WELCOME", body, 12, true)?;
            RelayFrame::Welcome {
                head: b.u64(),
                conn: b.u32(),
            }
        }
        kind::ACK => {
            let mut b = Body::new("ACK", body, 12, true)?;
            RelayFrame::Ack {
                client_ref: b.u32(),
                seq: b.u64(),
            }
        }
        kind::RELAY_UPDATE => {
            let mut b = Body::new("UPDATE", body, 8, false)?;
            let seq = b.u64();
            RelayFrame::Update {
                seq,
                payload: b.rest(),
            }
        }
        kind::RELAY_SNAPSHOT_PART => {
            let mut b = Body::new("SNAPSHOT_PART", body, 12, false)?;
            let (upto, index, count) = (b.u64(), b.u16(), b.u16());
            check_part(index, count)?;
            RelayFrame::SnapshotPart {
                upto,
                index,
                count,
                payload: b.rest(),
            }
        }
        kind::RELAY_PRESENCE => {
            let mut b = Body::new("PRESENCE", body, 4, false)?;
            let conn = b.u32();
            let payload = b.rest();
            check_presence(&payload, limits)?;
            RelayFrame::Presence { conn, payload }
        }
        kind::LEFT => {
            let mut b = Body::new("LEFT", body, 4, true)?;
            RelayFrame::Left { conn: b.u32() }
        }
        kind::CAUGHT_UP => {
            let mut b = Body::new("CAUGHT_UP", body, 8, true)?;
            RelayFrame::CaughtUp { head: b.u64() }
        }
        _ => unreachable!("kind {k:#04x} was checked by is_relay_kind"),
    })
}
