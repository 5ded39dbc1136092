//! The client side of live sync, as a pure state machine.
//!
//! A [`Session`] turns local edits into sealed frames for the relay and turns the
//! relay's messages into updates applied to the room. It owns the bookkeeping
//! that makes sync safe on bad Wi-Fi: which local updates the relay has not yet
//! acknowledged (they are re-sent after every reconnect), the highest sequence
//! number this replica holds (so a reconnect fetches only what was missed), the
//! reassembly of snapshots sent in parts, and other participants' presence.
//!
//! It never touches a socket, a timer or storage: the browser adapter feeds it
//! bytes and the current time, and sends what it returns. So every rule here is
//! tested natively, against real frames and a real room.

use std::collections::{BTreeMap, VecDeque};

use constellation_protocol::{
    decode_relay_message, encode_client_frames, snapshot_parts, ClientFrame, FrameError, Limits,
    RelayFrame,
};
use serde::{Deserialize, Serialize};

use crate::presence::Presence;
use crate::seal::{Purpose, RoomCipher, SealError, SEAL_OVERHEAD};
use crate::sign::{RoomSigner, RoomVerifier, SignError, SignedPurpose, SIGNATURE_LEN};

/// The replica a session keeps in sync: the room document, seen through the two
/// operations sync needs.
pub trait Replica {
    /// Applies an update received from another participant (or a snapshot);
    /// a malformed one is refused and changes nothing.
    fn apply_remote(&mut self, update: &[u8]) -> Result<(), String>;
    /// The whole state as one update, for snapshots.
    fn state_as_update(&self) -> Vec<u8>;
}

/// What a person sees of the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// No connection: edits are kept on this device and sent later.
    Offline,
    /// Connected, exchanging what each side is missing.
    Syncing,
    /// Connected and up to date.
    Online,
}

/// Settings of a session.
#[derive(Debug, Clone)]
pub struct SyncConfig {
    /// Frame limits, the same as the relay's.
    pub limits: Limits,
    /// Upload an encrypted snapshot once this many updates have accumulated in
    /// the relay's log since the last one, so late joiners download one compact
    /// state instead of every edit ever made.
    pub snapshot_every: u64,
    /// Minimum time between two presence frames sent by this client.
    pub presence_interval_ms: u64,
    /// Presence frames per second that every participant should receive at
    /// most, from everyone in the room together. In a big room each client
    /// stretches its interval so that the room as a whole stays within it (see
    /// [`Session::presence_interval_ms`]): the relay's "one batch per 100 ms"
    /// bounds messages, this bounds bytes.
    pub presence_budget_per_s: u64,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig { limits: Limits::default(), snapshot_every: 500, presence_interval_ms: 100, presence_budget_per_s: 100 }
    }
}

/// Something received that could not be used. It is reported to the person and
/// skipped; nothing of it is applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncProblem {
    #[error("update {seq} could not be opened: {reason}")]
    Unreadable { seq: u64, reason: SealError },
    #[error("update {seq} was dropped: {reason}")]
    Unsigned { seq: u64, reason: SignError },
    #[error("update {seq} was refused by the room: {reason}")]
    Refused { seq: u64, reason: String },
    #[error("the room's snapshot could not be used: {reason}")]
    BadSnapshot { reason: String },
    #[error("presence of participant {conn} could not be read")]
    BadPresence { conn: u32 },
}

/// A message from the relay that breaks the protocol: the connection should be
/// closed and opened again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("the relay sent a malformed message: {0}")]
    Malformed(#[from] FrameError),
}

/// What one received message changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Received {
    /// The room document changed (re-render it and save the draft).
    pub room_changed: bool,
    /// The list of participants or their presence changed.
    pub presence_changed: bool,
    /// Local updates acknowledged as stored by the relay.
    pub acknowledged: usize,
    /// Messages to send back (a snapshot upload, when one is due).
    pub outgoing: Vec<Vec<u8>>,
    /// What was skipped, and why.
    pub problems: Vec<SyncProblem>,
}

/// What survives a reload: everything needed to restore the room exactly and
/// to resume sync without re-downloading what this device already has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Version of this layout.
    pub version: u32,
    /// The room state as one update.
    pub state: Vec<u8>,
    /// Highest relay sequence number included in `state`.
    pub last_seq: u64,
    /// Sequence number covered by the relay's latest snapshot, as far as known.
    pub snapshot_seq: u64,
    /// Local updates the relay has not acknowledged yet, oldest first.
    pub unacknowledged: Vec<Vec<u8>>,
}

/// Current layout version of [`Draft`].
pub const DRAFT_VERSION: u32 = 1;

/// Why saved draft bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("the saved draft is damaged (it ends in the middle of {what})")]
    Truncated { what: &'static str },
    #[error("the saved draft has layout version {found}; this app reads version {DRAFT_VERSION}")]
    UnknownVersion { found: u32 },
}

impl Draft {
    /// Compact binary form for browser storage: little-endian `version u32,
    /// last_seq u64, snapshot_seq u64, state (u32 length + bytes), count u32,
    /// then each unacknowledged update (u32 length + bytes)`.
    pub fn encode(&self) -> Vec<u8> {
        let size = 28 + self.state.len() + self.unacknowledged.iter().map(|u| 4 + u.len()).sum::<usize>();
        let mut out = Vec::with_capacity(size);
        out.extend_from_slice(&DRAFT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.last_seq.to_le_bytes());
        out.extend_from_slice(&self.snapshot_seq.to_le_bytes());
        put_bytes(&mut out, &self.state);
        out.extend_from_slice(&(self.unacknowledged.len() as u32).to_le_bytes());
        for update in &self.unacknowledged {
            put_bytes(&mut out, update);
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Draft, DraftError> {
        let mut r = Reader(bytes);
        let version = r.u32("the version")?;
        if version != DRAFT_VERSION {
            return Err(DraftError::UnknownVersion { found: version });
        }
        let last_seq = r.u64("the sequence number")?;
        let snapshot_seq = r.u64("the snapshot number")?;
        let state = r.bytes("the room state")?.to_vec();
        let count = r.u32("the list of unsent edits")?;
        let mut unacknowledged = Vec::with_capacity(count.min(1 << 16) as usize);
        for _ in 0..count {
            unacknowledged.push(r.bytes("an unsent edit")?.to_vec());
        }
        Ok(Draft { version, state, last_seq, snapshot_seq, unacknowledged })
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], DraftError> {
        if self.0.len() < n {
            return Err(DraftError::Truncated { what });
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, DraftError> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self, what: &'static str) -> Result<u64, DraftError> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().expect("8 bytes")))
    }
    fn bytes(&mut self, what: &'static str) -> Result<&'a [u8], DraftError> {
        let len = self.u32(what)? as usize;
        self.take(len, what)
    }
}

struct Pending {
    client_ref: u32,
    update: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Offline,
    AwaitingWelcome,
    CatchingUp,
    Live,
}

#[derive(Default)]
struct SnapshotAssembly {
    upto: u64,
    count: u16,
    parts: BTreeMap<u16, Vec<u8>>,
}

/// One replica's sync with the relay. See the module documentation.
pub struct Session {
    cipher: RoomCipher,
    /// A signed room's verifier (`None` for an open room).
    verifier: Option<RoomVerifier>,
    /// A signed room's signer, when this link may write.
    signer: Option<RoomSigner>,
    config: SyncConfig,
    phase: Phase,
    last_seq: u64,
    snapshot_seq: u64,
    pending: VecDeque<Pending>,
    next_ref: u32,
    own_conn: Option<u32>,
    peers: BTreeMap<u32, Presence>,
    incoming_snapshot: Option<SnapshotAssembly>,
    own_presence: Option<Presence>,
    presence_dirty: bool,
    last_presence_sent_ms: Option<u64>,
    snapshot_uploads: u32,
    bytes_received: u64,
    bytes_sent: u64,
}

impl Session {
    /// A session for a room this device has never synced.
    pub fn new(cipher: RoomCipher, config: SyncConfig) -> Self {
        Session {
            cipher,
            verifier: None,
            signer: None,
            config,
            phase: Phase::Offline,
            last_seq: 0,
            snapshot_seq: 0,
            pending: VecDeque::new(),
            next_ref: 1,
            own_conn: None,
            peers: BTreeMap::new(),
            incoming_snapshot: None,
            own_presence: None,
            presence_dirty: false,
            last_presence_sent_ms: None,
            snapshot_uploads: 0,
            bytes_received: 0,
            bytes_sent: 0,
        }
    }

    /// Makes this a signed room's session: every received write must carry a
    /// valid signature, and writes are signed with `signer`. Without a signer
    /// (a view-only link) the session sends no update and no snapshot, only
    /// presence.
    pub fn signed(mut self, verifier: RoomVerifier, signer: Option<RoomSigner>) -> Self {
        self.verifier = Some(verifier);
        self.signer = signer;
        self
    }

    /// This session may change the room: an open room, or a signed room with
    /// its write key.
    pub fn can_write(&self) -> bool {
        self.verifier.is_none() || self.signer.is_some()
    }

    /// The payload to send for `plaintext`: sealed, and signed in a signed room.
    fn seal_write(&self, purpose: SignedPurpose, upto: u64, plaintext: &[u8], nonce: [u8; 12]) -> Vec<u8> {
        let seal_purpose = match purpose {
            SignedPurpose::Update => Purpose::Update,
            SignedPurpose::Snapshot => Purpose::Snapshot,
        };
        let sealed = self.cipher.seal(seal_purpose, plaintext, nonce);
        match &self.signer {
            Some(signer) => signer.sign(purpose, upto, &sealed),
            None => sealed,
        }
    }

    /// The sealed part of a received write, once its signature (in a signed
    /// room) is checked.
    fn check_write<'p>(&self, purpose: SignedPurpose, upto: u64, payload: &'p [u8]) -> Result<&'p [u8], SignError> {
        match &self.verifier {
            Some(verifier) => verifier.verify(purpose, upto, payload),
            None => Ok(payload),
        }
    }

    /// A session resuming from a saved draft (the draft's state must already be
    /// loaded into the replica).
    pub fn resume(cipher: RoomCipher, config: SyncConfig, draft: &Draft) -> Self {
        let mut session = Session::new(cipher, config);
        session.last_seq = draft.last_seq;
        session.snapshot_seq = draft.snapshot_seq;
        for update in &draft.unacknowledged {
            session.queue(update.clone());
        }
        session
    }

    pub fn status(&self) -> Status {
        match self.phase {
            Phase::Offline => Status::Offline,
            Phase::AwaitingWelcome | Phase::CatchingUp => Status::Syncing,
            Phase::Live if self.pending.is_empty() => Status::Online,
            Phase::Live => Status::Syncing,
        }
    }

    /// Connected but still receiving the history (before CAUGHT_UP): a view
    /// should redraw once at the end rather than after every message.
    pub fn catching_up(&self) -> bool {
        matches!(self.phase, Phase::AwaitingWelcome | Phase::CatchingUp)
    }

    /// Highest relay sequence number this replica holds.
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// Local updates not yet acknowledged by the relay.
    pub fn unacknowledged(&self) -> usize {
        self.pending.len()
    }

    /// Bytes received from and sent to the relay since this session started.
    pub fn traffic(&self) -> (u64, u64) {
        (self.bytes_received, self.bytes_sent)
    }

    /// Other participants present in the room, by connection.
    pub fn peers(&self) -> impl Iterator<Item = (u32, &Presence)> {
        self.peers.iter().map(|(conn, p)| (*conn, p))
    }

    /// What to save so that a reload restores this replica exactly.
    pub fn draft(&self, replica: &impl Replica) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            state: replica.state_as_update(),
            last_seq: self.last_seq,
            snapshot_seq: self.snapshot_seq,
            unacknowledged: self.pending.iter().map(|p| p.update.clone()).collect(),
        }
    }

    /// The socket opened: the message to send first (HELLO with what this
    /// replica has, then every update the relay has not acknowledged).
    /// The messages are in sending order; each stays under the relay's
    /// message limit, so a long absence is sent in several.
    pub fn connected(&mut self, mut nonce: impl FnMut() -> [u8; 12]) -> Vec<Vec<u8>> {
        self.phase = Phase::AwaitingWelcome;
        self.own_conn = None;
        self.peers.clear();
        self.incoming_snapshot = None;
        self.merge_pending();
        let mut frames = vec![ClientFrame::Hello { since: self.last_seq }];
        // A view-only session keeps what it has (a draft from an edit link of
        // the same room, say) but cannot sign it, so sends none of it.
        let writable = if self.can_write() { self.pending.len() } else { 0 };
        let sealed: Vec<(u32, Vec<u8>)> = self
            .pending
            .iter()
            .take(writable)
            .map(|p| (p.client_ref, self.seal_write(SignedPurpose::Update, 0, &p.update, nonce())))
            .collect();
        frames.extend(sealed.iter().map(|(r, s)| ClientFrame::update(*r, s)));
        // Others lost this participant's presence with the old connection.
        self.presence_dirty |= self.own_presence.is_some();
        self.encode_messages(&frames)
    }

    /// The socket closed or failed.
    pub fn disconnected(&mut self) {
        self.phase = Phase::Offline;
        self.own_conn = None;
        self.peers.clear();
        self.incoming_snapshot = None;
    }

    /// A local edit produced `update`: it is kept until the relay acknowledges
    /// it, and the messages to send now are returned when connected (none
    /// while offline). An edit bigger than a frame (a large import) is cut into
    /// updates that each fit ([`crate::room::split_update`]), sent in as many
    /// messages as the relay's message limit needs. A session that may not
    /// write (a view-only link) keeps and sends nothing.
    pub fn local_update(&mut self, update: Vec<u8>, mut nonce: impl FnMut() -> [u8; 12]) -> Vec<Vec<u8>> {
        if !self.can_write() {
            return Vec::new();
        }
        let before = self.pending.len();
        self.queue(update);
        if self.phase == Phase::Offline {
            return Vec::new();
        }
        let sealed: Vec<(u32, Vec<u8>)> = self
            .pending
            .iter()
            .skip(before)
            .map(|p| (p.client_ref, self.seal_write(SignedPurpose::Update, 0, &p.update, nonce())))
            .collect();
        let frames: Vec<ClientFrame> = sealed.iter().map(|(r, s)| ClientFrame::update(*r, s)).collect();
        self.encode_messages(&frames)
    }

    /// Sets this participant's presence; it is sent at most once per
    /// [`Session::presence_interval_ms`] (see [`Session::presence_due`]).
    pub fn set_presence(&mut self, presence: Presence) {
        if self.own_presence.as_ref() != Some(&presence) {
            self.own_presence = Some(presence);
            self.presence_dirty = true;
        }
    }

    /// This participant's own presence, as last set.
    pub fn own_presence(&self) -> Option<&Presence> {
        self.own_presence.as_ref()
    }

    /// A presence change is waiting for the rate limit (or for a connection).
    pub fn presence_pending(&self) -> bool {
        self.presence_dirty && matches!(self.phase, Phase::CatchingUp | Phase::Live)
    }

    /// The time between two presence frames from this client: the configured
    /// minimum, stretched in a big room so that all participants together send
    /// about `presence_budget_per_s` frames a second. With the defaults: every
    /// 100 ms up to 10 participants, 500 ms at 50, 5 s at 500 (cursors in a
    /// town-hall-sized room then move in steps, and every phone receives about
    /// 100 presence frames a second instead of 5,000).
    pub fn presence_interval_ms(&self) -> u64 {
        let senders = self.peers.len() as u64 + 1;
        let shared = senders.saturating_mul(1_000) / self.config.presence_budget_per_s.max(1);
        self.config.presence_interval_ms.max(shared)
    }

    /// How long until a pending presence change may be sent (0: now), or
    /// `None` when nothing is waiting.
    pub fn presence_wait_ms(&self, now_ms: u64) -> Option<u64> {
        if !self.presence_pending() {
            return None;
        }
        let next = self.last_presence_sent_ms.map_or(0, |last| last + self.presence_interval_ms());
        Some(next.saturating_sub(now_ms))
    }

    /// The presence message to send now, if it changed and the rate limit allows.
    pub fn presence_due(&mut self, now_ms: u64, nonce: [u8; 12]) -> Option<Vec<u8>> {
        if !self.presence_dirty || !matches!(self.phase, Phase::CatchingUp | Phase::Live) {
            return None;
        }
        if let Some(last) = self.last_presence_sent_ms {
            if now_ms.saturating_sub(last) < self.presence_interval_ms() {
                return None;
            }
        }
        let presence = self.own_presence.as_ref()?;
        let sealed = self.cipher.seal(Purpose::Presence, &presence.encode(), nonce);
        if sealed.len() > self.config.limits.max_presence_bytes {
            return None;
        }
        self.presence_dirty = false;
        self.last_presence_sent_ms = Some(now_ms);
        Some(self.encode(&[ClientFrame::presence(&sealed)]))
    }

    /// Handles one message from the relay, applying what it carries to `replica`.
    /// `nonce` supplies fresh nonces if a snapshot upload becomes due.
    pub fn receive(
        &mut self,
        message: &[u8],
        replica: &mut impl Replica,
        mut nonce: impl FnMut() -> [u8; 12],
    ) -> Result<Received, SyncError> {
        self.bytes_received += message.len() as u64;
        let frames = decode_relay_message(message, &self.config.limits)?;
        let mut out = Received::default();
        for frame in frames {
            match frame {
                RelayFrame::Welcome { conn, .. } => {
                    self.own_conn = Some(conn);
                    self.phase = Phase::CatchingUp;
                }
                RelayFrame::Ack { client_ref, seq } => {
                    let before = self.pending.len();
                    self.pending.retain(|p| p.client_ref != client_ref);
                    out.acknowledged += before - self.pending.len();
                    self.last_seq = self.last_seq.max(seq);
                }
                RelayFrame::Update { seq, payload } => {
                    self.last_seq = self.last_seq.max(seq);
                    let sealed = match self.check_write(SignedPurpose::Update, 0, &payload) {
                        Ok(sealed) => sealed,
                        Err(reason) => {
                            out.problems.push(SyncProblem::Unsigned { seq, reason });
                            continue;
                        }
                    };
                    match self.cipher.open(Purpose::Update, sealed) {
                        Err(reason) => out.problems.push(SyncProblem::Unreadable { seq, reason }),
                        Ok(update) => match replica.apply_remote(&update) {
                            Ok(()) => out.room_changed = true,
                            Err(reason) => out.problems.push(SyncProblem::Refused { seq, reason }),
                        },
                    }
                }
                RelayFrame::SnapshotPart { upto, index, count, payload } => {
                    let assembly = self.incoming_snapshot.get_or_insert_with(SnapshotAssembly::default);
                    if assembly.upto != upto || assembly.count != count {
                        *assembly = SnapshotAssembly { upto, count, parts: BTreeMap::new() };
                    }
                    assembly.parts.insert(index, payload.into_owned());
                    if assembly.parts.len() == usize::from(count) {
                        let assembly = self.incoming_snapshot.take().expect("present");
                        let signed: Vec<u8> = assembly.parts.into_values().flatten().collect();
                        let sealed = match self.check_write(SignedPurpose::Snapshot, upto, &signed) {
                            Ok(sealed) => sealed,
                            Err(e) => {
                                out.problems.push(SyncProblem::BadSnapshot { reason: e.to_string() });
                                continue;
                            }
                        };
                        match self.cipher.open(Purpose::Snapshot, sealed) {
                            Err(e) => out.problems.push(SyncProblem::BadSnapshot { reason: e.to_string() }),
                            Ok(state) => match replica.apply_remote(&state) {
                                Ok(()) => {
                                    out.room_changed = true;
                                    self.last_seq = self.last_seq.max(upto);
                                    self.snapshot_seq = self.snapshot_seq.max(upto);
                                }
                                Err(reason) => out.problems.push(SyncProblem::BadSnapshot { reason }),
                            },
                        }
                    }
                }
                RelayFrame::Presence { conn, payload } => {
                    if Some(conn) == self.own_conn {
                        continue;
                    }
                    match self.cipher.open(Purpose::Presence, &payload).ok().and_then(|b| Presence::decode(&b)) {
                        Some(p) => {
                            self.peers.insert(conn, p);
                            out.presence_changed = true;
                        }
                        None => out.problems.push(SyncProblem::BadPresence { conn }),
                    }
                }
                RelayFrame::Left { conn } => {
                    out.presence_changed |= self.peers.remove(&conn).is_some();
                }
                RelayFrame::CaughtUp { head } => {
                    // Everything up to `head` has been delivered on this connection.
                    self.phase = Phase::Live;
                    self.last_seq = self.last_seq.max(head);
                }
            }
        }
        if let Some(upload) = self.snapshot_upload(replica, &mut nonce) {
            out.outgoing.extend(upload);
        }
        Ok(out)
    }

    /// Encrypted snapshot covering everything up to `last_seq`, in parts, when
    /// enough updates have piled up in the relay's log since the last one. Only
    /// a caught-up replica with nothing unacknowledged uploads, so the snapshot
    /// holds every update it claims to cover.
    fn snapshot_upload(&mut self, replica: &impl Replica, nonce: &mut impl FnMut() -> [u8; 12]) -> Option<Vec<Vec<u8>>> {
        if self.phase != Phase::Live
            || !self.can_write()
            || !self.pending.is_empty()
            || self.last_seq < self.snapshot_seq + self.config.snapshot_every
        {
            return None;
        }
        let sealed = self.seal_write(SignedPurpose::Snapshot, self.last_seq, &replica.state_as_update(), nonce());
        let parts = snapshot_parts(&sealed, self.config.limits.max_client_snapshot_part()).ok()?;
        self.snapshot_uploads += 1;
        let count = parts.len() as u16;
        let frames: Vec<ClientFrame> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| ClientFrame::SnapshotPart {
                upto: self.last_seq,
                snapshot_ref: self.snapshot_uploads,
                index: i as u16,
                count,
                payload: std::borrow::Cow::Borrowed(part),
            })
            .collect();
        self.snapshot_seq = self.last_seq;
        Some(self.encode_messages(&frames))
    }

    /// Merges the unacknowledged updates into as few as fit in a frame each,
    /// so a phone back from an hour offline sends a handful of frames rather
    /// than hundreds (which the relay's rate limit would refuse).
    fn merge_pending(&mut self) {
        if self.pending.len() < 2 {
            return;
        }
        let budget = self.update_budget() / 2;
        let updates: Vec<Vec<u8>> = self.pending.drain(..).map(|p| p.update).collect();
        let mut group: Vec<&[u8]> = Vec::new();
        let mut size = 0;
        let mut merged = Vec::new();
        for update in &updates {
            if !group.is_empty() && size + update.len() > budget {
                merged.push(merge_or_keep(&group));
                group.clear();
                size = 0;
            }
            group.push(update);
            size += update.len();
        }
        merged.push(merge_or_keep(&group));
        for update in merged.into_iter().flatten() {
            self.queue(update);
        }
    }

    /// Keeps `update` until acknowledged, cut into updates that each fit in
    /// an UPDATE frame once sealed and signed (an update that cannot be read
    /// is kept whole: the relay will say what is wrong with it).
    fn queue(&mut self, update: Vec<u8>) {
        let budget = self.update_budget();
        let parts = if update.len() > budget {
            crate::room::split_update(&update, budget)
                .map(|parts| parts.into_iter().map(|p| p.into_bytes()).collect())
                .unwrap_or_else(|_| vec![update])
        } else {
            vec![update]
        };
        for update in parts {
            let client_ref = self.next_ref;
            self.next_ref = self.next_ref.wrapping_add(1).max(1);
            self.pending.push_back(Pending { client_ref, update });
        }
    }

    /// The largest update that fits in one UPDATE frame once sealed and signed.
    fn update_budget(&self) -> usize {
        self.config.limits.max_update_payload().saturating_sub(SEAL_OVERHEAD + SIGNATURE_LEN)
    }

    /// Packs frames, in order, into as few messages as the relay's message
    /// limit allows (each frame is under the frame limit already).
    fn encode_messages(&mut self, frames: &[ClientFrame<'_>]) -> Vec<Vec<u8>> {
        let limit = self.config.limits.max_message_bytes();
        let mut messages = Vec::new();
        let mut start = 0;
        let mut size = 0;
        for (i, frame) in frames.iter().enumerate() {
            let len = frame.encoded_len();
            if i > start && size + len > limit {
                messages.push(self.encode(&frames[start..i]));
                start = i;
                size = 0;
            }
            size += len;
        }
        if start < frames.len() {
            messages.push(self.encode(&frames[start..]));
        }
        messages
    }

    fn encode(&mut self, frames: &[ClientFrame<'_>]) -> Vec<u8> {
        let mut message = Vec::new();
        encode_client_frames(frames, &mut message);
        self.bytes_sent += message.len() as u64;
        message
    }
}

/// One update merged from `group`, or the group as it was if merging fails.
fn merge_or_keep(group: &[&[u8]]) -> Vec<Vec<u8>> {
    match crate::room::merge_updates(group) {
        Ok(update) => vec![update.into_bytes()],
        Err(_) => group.iter().map(|u| u.to_vec()).collect(),
    }
}

/// Capped exponential backoff with jitter for reconnecting, so a relay that
/// restarts is not hit by every phone of a town hall in the same millisecond.
#[derive(Debug, Clone)]
pub struct Backoff {
    attempt: u32,
    base_ms: u64,
    cap_ms: u64,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { attempt: 0, base_ms: 500, cap_ms: 30_000 }
    }
}

impl Backoff {
    /// The delay before the next attempt: half of the capped exponential step
    /// plus a random share of the other half (`random` in 0..1 from the caller).
    pub fn next_delay_ms(&mut self, random: f64) -> u64 {
        let step = self.base_ms.saturating_mul(1u64 << self.attempt.min(16)).min(self.cap_ms);
        self.attempt = self.attempt.saturating_add(1);
        step / 2 + (step as f64 / 2.0 * random.clamp(0.0, 1.0)) as u64
    }

    /// A connection succeeded: the next failure starts from the base again.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}
