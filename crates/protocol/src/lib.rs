//! Wire frames between the app and the relay, version 2.
//!
//! This crate owns the byte layout of every frame and nothing else: no I/O, no
//! runtime, no clock, no knowledge of what a payload means (payloads are end-to-end
//! encrypted room updates, snapshots and presence that the relay must never
//! interpret). It compiles for the host and for wasm32, so the app and the relay
//! share one definition. The layout is documented byte by byte in
//! `docs/protocol.md`; change both together.
//!
//! One WebSocket message carries one or more frames back to back. Every frame is a
//! 6-byte header (`version: u8`, `kind: u8`, `body_len: u32` little-endian) and its
//! body. [`ClientFrame`] are the frames an app sends, [`RelayFrame`] the ones a relay
//! sends. Decoding borrows payloads from the message (no copy); call `into_owned` to
//! keep a frame beyond the message's lifetime.
//!
//! ```
//! use constellation_protocol::{decode_client_message, encode_client_frames, ClientFrame, Limits};
//!
//! let mut message = Vec::new();
//! encode_client_frames(
//!     &[ClientFrame::Hello { since: 0 }, ClientFrame::update(7, b"sealed bytes")],
//!     &mut message,
//! );
//! let frames = decode_client_message(&message, &Limits::default()).unwrap();
//! assert_eq!(frames[1], ClientFrame::update(7, b"sealed bytes"));
//! ```

mod decode;
mod encode;
mod error;
mod frame;
mod limits;

pub use decode::{decode_client_message, decode_relay_message};
pub use encode::{encode_client_frames, encode_relay_frames};
pub use error::{close_code, FrameError};
pub use frame::{kind, ClientFrame, RelayFrame};
pub use limits::{snapshot_parts, Limits};

/// Version of the wire protocol spoken by this build. A peer announcing another
/// version is refused with close code 4402 and a clear reason.
pub const PROTOCOL_VERSION: u8 = 2;

/// Size of every frame header: version (1 byte), kind (1 byte), body length (4 bytes).
pub const HEADER_LEN: usize = 6;
