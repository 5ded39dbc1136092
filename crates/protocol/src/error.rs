//! Every way a peer can break the protocol, each with the WebSocket close code the
//! relay closes that one connection with and a reason a person can act on. Decoders
//! produce the structural errors; the relay produces the ones that need connection
//! or room state (a second HELLO, a rate, a full room), so both sides share one list
//! of codes and wordings.

/// WebSocket close codes used by the relay. 4xxx codes are this protocol's own
/// (the range RFC 6455 leaves to applications); the others are standard.
pub mod close_code {
    /// The server is shutting down (standard "going away").
    pub const GOING_AWAY: u16 = 1001;
    /// The relay failed internally, for example it could not store an update.
    pub const INTERNAL_ERROR: u16 = 1011;
    /// The connection fell too far behind; reconnect and catch up.
    pub const TRY_AGAIN_LATER: u16 = 1013;
    /// A frame or message is not well formed.
    pub const MALFORMED: u16 = 4400;
    /// A frame kind this side does not accept.
    pub const UNKNOWN_KIND: u16 = 4401;
    /// A protocol version this relay does not speak.
    pub const UNSUPPORTED_VERSION: u16 = 4402;
    /// A well-formed frame that is not allowed now (before HELLO, a second HELLO…).
    pub const NOT_ALLOWED: u16 = 4403;
    /// A write (UPDATE, snapshot) to a signed room without a valid signature of
    /// the room's write key: a view-only link, or a modified client. Nothing of
    /// it is stored or forwarded.
    pub const WRITE_REFUSED: u16 = 4406;
    /// No message (not even a pong) for longer than the idle timeout.
    pub const IDLE_TIMEOUT: u16 = 4408;
    /// A frame, message, presence or snapshot over its size limit.
    pub const TOO_LARGE: u16 = 4413;
    /// More frames per second than the connection's rate limit.
    pub const TOO_MANY_FRAMES: u16 = 4429;
    /// The room or the whole server has no room for another connection.
    pub const FULL: u16 = 4503;
}

/// A protocol violation. `Display` is the human reason sent in the close frame
/// (always under the 123 bytes a close reason may have).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("an empty message carries no frame")]
    EmptyMessage,

    #[error("text messages are not part of the protocol; send binary frames")]
    TextMessage,

    #[error("the message ends {left} bytes into a frame header of 6 bytes")]
    TruncatedHeader { left: usize },

    #[error("a frame announces a {body_len}-byte body but only {left} bytes are left")]
    TruncatedBody { body_len: u64, left: usize },

    #[error("a {name} body must be {} {expected} bytes, not {len}", if *exact { "exactly" } else { "at least" })]
    BodyLength {
        name: &'static str,
        len: usize,
        expected: usize,
        exact: bool,
    },

    #[error("snapshot part {index} of {count} does not exist (parts are numbered from 0)")]
    BadPartIndex { index: u16, count: u16 },

    #[error("unknown frame kind {kind:#04x} from a {from}")]
    UnknownKind { kind: u8, from: &'static str },

    #[error(
        "protocol version {version} is not supported (this side speaks version 2); reload the app"
    )]
    UnsupportedVersion { version: u8 },

    #[error("frame of {size} bytes is over the {limit}-byte limit")]
    FrameTooLarge { size: u64, limit: usize },

    #[error("presence of {size} bytes is over the {limit}-byte limit")]
    PresenceTooLarge { size: usize, limit: usize },

    #[error("message is over the {limit}-byte limit")]
    MessageTooLarge { limit: usize },

    #[error("snapshot of {size} bytes is over the {limit}-byte limit")]
    SnapshotTooLarge { size: u64, limit: u64 },

    #[error("the first frame must be HELLO, not {name}")]
    HelloFirst { name: &'static str },

    #[error("HELLO may be sent only once per connection")]
    SecondHello,

    #[error(
        "snapshot part {index} of ref {snapshot_ref} is out of order (expected part {expected})"
    )]
    SnapshotOutOfOrder {
        snapshot_ref: u32,
        index: u16,
        expected: u16,
    },

    #[error("snapshot parts of ref {snapshot_ref} disagree on upto or count")]
    SnapshotInconsistent { snapshot_ref: u32 },

    #[error("a snapshot up to {upto} is beyond the room's latest sequence number {head}")]
    SnapshotBeyondHead { upto: u64, head: u64 },

    #[error("more than {per_second} frames per second (burst {burst})")]
    TooManyFrames { per_second: u32, burst: u32 },

    #[error("this room is full ({limit} connections); try again later")]
    RoomFull { limit: usize },

    #[error("the server is full ({limit} connections); try again later")]
    ServerFull { limit: usize },

    #[error("no message for {seconds} s; the connection is presumed dead")]
    IdleTimeout { seconds: u64 },

    #[error("this {what} is not signed with the room's write key; a view-only link cannot change the room")]
    WriteRefused { what: &'static str },
}

impl FrameError {
    /// The WebSocket close code for this violation (see [`close_code`]).
    pub fn close_code(&self) -> u16 {
        use FrameError::*;
        match self {
            EmptyMessage
            | TextMessage
            | TruncatedHeader { .. }
            | TruncatedBody { .. }
            | BodyLength { .. }
            | BadPartIndex { .. } => close_code::MALFORMED,
            UnknownKind { .. } => close_code::UNKNOWN_KIND,
            UnsupportedVersion { .. } => close_code::UNSUPPORTED_VERSION,
            HelloFirst { .. }
            | SecondHello
            | SnapshotOutOfOrder { .. }
            | SnapshotInconsistent { .. }
            | SnapshotBeyondHead { .. } => close_code::NOT_ALLOWED,
            IdleTimeout { .. } => close_code::IDLE_TIMEOUT,
            WriteRefused { .. } => close_code::WRITE_REFUSED,
            FrameTooLarge { .. }
            | PresenceTooLarge { .. }
            | MessageTooLarge { .. }
            | SnapshotTooLarge { .. } => close_code::TOO_LARGE,
            TooManyFrames { .. } => close_code::TOO_MANY_FRAMES,
            RoomFull { .. } | ServerFull { .. } => close_code::FULL,
        }
    }
}
