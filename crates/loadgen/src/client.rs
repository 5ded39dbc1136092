//! What every simulated participant needs: one clock for the whole process (so a
//! timestamp written by the sender can be subtracted by the receiver), a cheap
//! random generator for payload bytes, room ids, and a WebSocket connection that
//! has said HELLO and read its catch-up.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use bytes::Bytes;
use constellation_protocol::{decode_relay_message, ClientFrame, Limits, RelayFrame};
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Bound on connecting and on reading a catch-up.
pub const JOIN_TIMEOUT: Duration = Duration::from_secs(60);

static BASE: OnceLock<Instant> = OnceLock::new();

/// Sets the process-wide time base; call once before any timestamp is taken.
pub fn init_clock() {
    BASE.get_or_init(Instant::now);
}

/// Nanoseconds since the process-wide base, on the monotonic clock. Every task
/// of this one process shares the base, so differences between tasks are valid.
#[inline]
pub fn now_ns() -> u64 {
    BASE.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// The `Instant` that `now_ns` would report as `ns`.
pub fn instant_at(ns: u64) -> Instant {
    *BASE.get_or_init(Instant::now) + Duration::from_nanos(ns)
}

/// xorshift64*: plenty for filler bytes and jitter, and allocation-free.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds diverge at once.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn fill(&mut self, bytes: &mut [u8]) {
        for chunk in bytes.chunks_mut(8) {
            let r = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
    }
}

/// A fresh room id: 16 random bytes as 22 characters of base64url, no padding.
pub fn room_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    let mut out = String::with_capacity(22);
    for chunk in bytes.chunks(3) {
        let mut n = 0u32;
        for (i, b) in chunk.iter().enumerate() {
            n |= u32::from(*b) << (16 - 8 * i);
        }
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// A WebSocket to `url` with Nagle disabled (as a browser does).
pub async fn connect(url: &str, read_buffer: Option<usize>) -> Result<Ws, String> {
    let mut config = WebSocketConfig::default();
    if let Some(size) = read_buffer {
        config = config.read_buffer_size(size);
    }
    let connecting = tokio_tungstenite::connect_async_with_config(url, Some(config), true);
    match tokio::time::timeout(JOIN_TIMEOUT, connecting).await {
        Err(_) => Err("connecting timed out".into()),
        Ok(Err(e)) => Err(format!("connecting failed: {e}")),
        Ok(Ok((ws, _))) => Ok(ws),
    }
}

pub async fn send_frames(ws: &mut Ws, frames: &[ClientFrame<'_>]) -> Result<(), String> {
    let mut message = Vec::new();
    constellation_protocol::encode_client_frames(frames, &mut message);
    ws.send(Message::Binary(Bytes::from(message)))
        .await
        .map_err(|e| format!("send failed: {e}"))
}

/// Describes a close frame from the relay.
pub fn close_reason(frame: Option<tokio_tungstenite::tungstenite::protocol::CloseFrame>) -> String {
    match frame {
        Some(f) => format!("closed by the relay: {} {}", u16::from(f.code), f.reason),
        None => "closed by the relay without a code".into(),
    }
}

/// Says HELLO{since} and reads up to CAUGHT_UP. Returns (head, conn).
pub async fn hello_and_catch_up(ws: &mut Ws, since: u64) -> Result<(u64, u32), String> {
    send_frames(ws, &[ClientFrame::Hello { since }]).await?;
    let limits = Limits::default();
    let mut conn = 0;
    let reading = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Binary(bytes))) => {
                    let frames = decode_relay_message(&bytes, &limits)
                        .map_err(|e| format!("the relay sent a bad message: {e}"))?;
                    for frame in frames {
                        match frame {
                            RelayFrame::Welcome { conn: c, .. } => conn = c,
                            RelayFrame::CaughtUp { head } => return Ok((head, conn)),
                            _ => {}
                        }
                    }
                }
                Some(Ok(Message::Close(frame))) => return Err(close_reason(frame)),
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(format!("socket error: {e}")),
                None => return Err("the socket ended".into()),
            }
        }
    };
    match tokio::time::timeout(JOIN_TIMEOUT, reading).await {
        Ok(result) => result,
        Err(_) => Err("no CAUGHT_UP within 60 s".into()),
    }
}

/// Reads the sender's timestamp and id from the first 12 bytes of a payload.
#[inline]
pub fn stamp_of(payload: &[u8]) -> Option<(u64, u32)> {
    let ts = u64::from_le_bytes(payload.get(0..8)?.try_into().ok()?);
    let id = u32::from_le_bytes(payload.get(8..12)?.try_into().ok()?);
    Some((ts, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_ids_are_canonical_base64url() {
        let mut rng = Rng::new(7);
        for _ in 0..100 {
            let id = room_id(&mut rng);
            assert_eq!(id.len(), 22);
            assert!(id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            // The last character carries 2 bits: its low 4 bits must be zero.
            let last = id.as_bytes()[21];
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let v = alphabet.iter().position(|&c| c == last).unwrap();
            assert_eq!(v & 0xF, 0);
        }
    }
}
