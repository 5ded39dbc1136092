//! The frames themselves: what each kind carries, its kind byte and its encoded size.
//! Payloads are `Cow<[u8]>` so that decoding borrows from the received message while
//! code that builds or keeps frames can own its bytes.

use std::borrow::Cow;

use crate::HEADER_LEN;

/// The kind byte of every frame. Client frames have the high bit clear, relay frames
/// have it set, so a frame sent in the wrong direction is an unknown kind.
pub mod kind {
    pub const HELLO: u8 = 0x01;
    pub const UPDATE: u8 = 0x02;
    pub const SNAPSHOT_PART: u8 = 0x03;
    pub const PRESENCE: u8 = 0x04;

    pub const WELCOME: u8 = 0x81;
    pub const ACK: u8 = 0x82;
    pub const RELAY_UPDATE: u8 = 0x83;
    pub const RELAY_SNAPSHOT_PART: u8 = 0x84;
    pub const RELAY_PRESENCE: u8 = 0x85;
    pub const LEFT: u8 = 0x86;
    pub const CAUGHT_UP: u8 = 0x87;
}

/// A frame sent by the app to the relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientFrame<'a> {
    /// The first frame of a connection, exactly once: the last sequence number the
    /// client already has (0 when it has none).
    Hello { since: u64 },
    /// An encrypted room update. `client_ref` is echoed in the ACK.
    Update {
        client_ref: u32,
        payload: Cow<'a, [u8]>,
    },
    /// Part `index` of `count` of an encrypted snapshot covering every update with
    /// a sequence number up to `upto`.
    SnapshotPart {
        upto: u64,
        snapshot_ref: u32,
        index: u16,
        count: u16,
        payload: Cow<'a, [u8]>,
    },
    /// Encrypted presence (who is here, cursors); never stored.
    Presence { payload: Cow<'a, [u8]> },
}

/// A frame sent by the relay to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayFrame<'a> {
    /// Answer to HELLO: the room's latest sequence number and this connection's id.
    Welcome { head: u64, conn: u32 },
    /// The update sent with `client_ref` is stored durably as number `seq`.
    Ack { client_ref: u32, seq: u64 },
    /// A stored update of another client (during catch-up or live).
    Update { seq: u64, payload: Cow<'a, [u8]> },
    /// Part of the stored snapshot, sent during catch-up.
    SnapshotPart {
        upto: u64,
        index: u16,
        count: u16,
        payload: Cow<'a, [u8]>,
    },
    /// The latest presence of connection `conn`.
    Presence { conn: u32, payload: Cow<'a, [u8]> },
    /// Connection `conn` closed; drop its presence.
    Left { conn: u32 },
    /// End of catch-up: everything up to `head` has been sent.
    CaughtUp { head: u64 },
}

impl<'a> ClientFrame<'a> {
    /// An UPDATE borrowing its payload.
    pub fn update(client_ref: u32, payload: &'a [u8]) -> Self {
        ClientFrame::Update {
            client_ref,
            payload: Cow::Borrowed(payload),
        }
    }

    /// A PRESENCE borrowing its payload.
    pub fn presence(payload: &'a [u8]) -> Self {
        ClientFrame::Presence {
            payload: Cow::Borrowed(payload),
        }
    }

    pub fn kind(&self) -> u8 {
        match self {
            ClientFrame::Hello { .. } => kind::HELLO,
            ClientFrame::Update { .. } => kind::UPDATE,
            ClientFrame::SnapshotPart { .. } => kind::SNAPSHOT_PART,
            ClientFrame::Presence { .. } => kind::PRESENCE,
        }
    }

    /// Length of the body, without the header.
    pub fn body_len(&self) -> usize {
        match self {
            ClientFrame::Hello { .. } => 8,
            ClientFrame::Update { payload, .. } => 4 + payload.len(),
            ClientFrame::SnapshotPart { payload, .. } => 16 + payload.len(),
            ClientFrame::Presence { payload } => payload.len(),
        }
    }

    /// Length of the encoded frame, header included.
    pub fn encoded_len(&self) -> usize {
        HEADER_LEN + self.body_len()
    }

    /// The same frame owning its payload.
    pub fn into_owned(self) -> ClientFrame<'static> {
        match self {
            ClientFrame::Hello { since } => ClientFrame::Hello { since },
            ClientFrame::Update {
                client_ref,
                payload,
            } => ClientFrame::Update {
                client_ref,
                payload: Cow::Owned(payload.into_owned()),
            },
            ClientFrame::SnapshotPart {
                upto,
                snapshot_ref,
                index,
                count,
                payload,
            } => ClientFrame::SnapshotPart {
                upto,
                snapshot_ref,
                index,
                count,
                payload: Cow::Owned(payload.into_owned()),
            },
            ClientFrame::Presence { payload } => ClientFrame::Presence {
                payload: Cow::Owned(payload.into_owned()),
            },
        }
    }
}

impl<'a> RelayFrame<'a> {
    /// An UPDATE borrowing its payload.
    pub fn update(seq: u64, payload: &'a [u8]) -> Self {
        RelayFrame::Update {
            seq,
            payload: Cow::Borrowed(payload),
        }
    }

    /// A PRESENCE borrowing its payload.
    pub fn presence(conn: u32, payload: &'a [u8]) -> Self {
        RelayFrame::Presence {
            conn,
            payload: Cow::Borrowed(payload),
        }
    }

    pub fn kind(&self) -> u8 {
        match self {
            RelayFrame::Welcome { .. } => kind::WELCOME,
            RelayFrame::Ack { .. } => kind::ACK,
            RelayFrame::Update { .. } => kind::RELAY_UPDATE,
            RelayFrame::SnapshotPart { .. } => kind::RELAY_SNAPSHOT_PART,
            RelayFrame::Presence { .. } => kind::RELAY_PRESENCE,
            RelayFrame::Left { .. } => kind::LEFT,
            RelayFrame::CaughtUp { .. } => kind::CAUGHT_UP,
        }
    }

    /// Length of the body, without the header.
    pub fn body_len(&self) -> usize {
        match self {
            RelayFrame::Welcome { .. } => 12,
            RelayFrame::Ack { .. } => 12,
            RelayFrame::Update { payload, .. } => 8 + payload.len(),
            RelayFrame::SnapshotPart { payload, .. } => 12 + payload.len(),
            RelayFrame::Presence { payload, .. } => 4 + payload.len(),
            RelayFrame::Left { .. } => 4,
            RelayFrame::CaughtUp { .. } => 8,
        }
    }

    /// Length of the encoded frame, header included.
    pub fn encoded_len(&self) -> usize {
        HEADER_LEN + self.body_len()
    }

    /// The same frame owning its payload.
    pub fn into_owned(self) -> RelayFrame<'static> {
        let own = |p: Cow<'a, [u8]>| Cow::Owned(p.into_owned());
        match self {
            RelayFrame::Welcome { head, conn } => RelayFrame::Welcome { head, conn },
            RelayFrame::Ack { client_ref, seq } => RelayFrame::Ack { client_ref, seq },
            RelayFrame::Update { seq, payload } => RelayFrame::Update {
                seq,
                payload: own(payload),
            },
            RelayFrame::SnapshotPart {
                upto,
                index,
                count,
                payload,
            } => RelayFrame::SnapshotPart {
                upto,
                index,
                count,
                payload: own(payload),
            },
            RelayFrame::Presence { conn, payload } => RelayFrame::Presence {
                conn,
                payload: own(payload),
            },
            RelayFrame::Left { conn } => RelayFrame::Left { conn },
            RelayFrame::CaughtUp { head } => RelayFrame::CaughtUp { head },
        }
    }
}
