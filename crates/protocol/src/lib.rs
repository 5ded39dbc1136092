//! Wire frames between the app and the relay.
//!
//! This crate owns the byte layout of every frame and nothing else: no I/O, no
//! runtime, no knowledge of what a payload means (payloads are end-to-end
//! encrypted room updates the relay must never interpret). The frame format is
//! filled in by the live-sync work and documented in `docs/protocol.md`.

/// Version of the wire protocol spoken by this build. A peer announcing another
/// version is refused with a clear close reason.
pub const PROTOCOL_VERSION: u8 = 1;
