//! The sync session against a miniature in-memory relay that follows the
//! protocol's rules (order, acknowledge, forward, catch up): edits made on one
//! replica, online or offline, reach the others; bad payloads are skipped.

use constellation_core::board::{BoardId, NewNote, NoteColor};
use constellation_core::link::{RoomId, RoomKey};
use constellation_core::presence::Presence;
use constellation_core::seal::{Purpose, RoomCipher};
use constellation_core::sync::{Backoff, Draft, DraftError, Session, Status, SyncConfig, SyncProblem, DRAFT_VERSION};
use constellation_core::{ClientId, Room};
use constellation_protocol::{decode_client_message, encode_relay_frames, ClientFrame, Limits, RelayFrame};

fn cipher() -> RoomCipher {
    RoomCipher::new(&RoomId::from_random([3; 16]), &RoomKey::from_random([4; 32]))
}

/// The only message of a send that fits in one.
fn one(mut messages: Vec<Vec<u8>>) -> Vec<u8> {
    assert_eq!(messages.len(), 1, "one message expected");
    messages.pop().unwrap()
}

fn nonces() -> impl FnMut() -> [u8; 12] {
    let mut n = 0u64;
    move || {
        n += 1;
        let mut nonce = [0; 12];
        nonce[..8].copy_from_slice(&n.to_le_bytes());
        nonce
    }
}

/// Stores sealed updates in order and answers like the real relay.
#[derive(Default)]
struct MiniRelay {
    log: Vec<Vec<u8>>,
}

impl MiniRelay {
    /// Handles a client's message; returns (reply to the sender, broadcast to others).
    fn handle(&mut self, message: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let mut reply = Vec::new();
        let mut broadcast = Vec::new();
        for frame in decode_client_message(message, &Limits::default()).unwrap() {
            match frame {
                ClientFrame::Hello { since } => {
                    let mut frames = vec![RelayFrame::Welcome { head: self.log.len() as u64, conn: 1 }];
                    for (i, payload) in self.log.iter().enumerate().skip(since as usize) {
                        frames.push(RelayFrame::update(i as u64 + 1, payload));
                    }
                    frames.push(RelayFrame::CaughtUp { head: self.log.len() as u64 });
                    encode_relay_frames(&frames, &mut reply);
                }
                ClientFrame::Update { client_ref, payload } => {
                    self.log.push(payload.to_vec());
                    let seq = self.log.len() as u64;
                    encode_relay_frames(&[RelayFrame::Ack { client_ref, seq }], &mut reply);
                    encode_relay_frames(&[RelayFrame::update(seq, &payload)], &mut broadcast);
                }
                ClientFrame::SnapshotPart { .. } | ClientFrame::Presence { .. } => {}
            }
        }
        (reply, broadcast)
    }
}

fn room(client: u64) -> (Room, BoardId) {
    let mut room = Room::new(ClientId::new(client).unwrap());
    let (_, board) = room.add_board("Ideas").unwrap();
    (room, board)
}

fn note(board: &BoardId, text: &str) -> NewNote {
    NewNote { board: board.clone(), text: text.into(), x: 0.0, y: 0.0, color: NoteColor::Yellow, author: "t".into() }
}

#[test]
fn edits_made_offline_are_sent_on_connect_and_reach_others() {
    let mut relay = MiniRelay::default();
    let mut nonce = nonces();
    let (mut room_a, board) = room(1);
    let mut a = Session::new(cipher(), SyncConfig::default());
    // The board itself and three notes are made while offline.
    let mut offline = vec![room_a.snapshot().into_bytes()];
    for text in ["one", "two", "three"] {
        let (u, _) = room_a.add_note(note(&board, text)).unwrap();
        offline.push(u.into_bytes());
    }
    for u in offline {
        assert!(a.local_update(u, &mut nonce).is_empty(), "nothing is sent while offline");
    }
    assert_eq!(a.status(), Status::Offline);
    assert_eq!(a.unacknowledged(), 4);

    let hello = one(a.connected(&mut nonce));
    let frames = decode_client_message(&hello, &Limits::default()).unwrap();
    assert_eq!(frames[0], ClientFrame::Hello { since: 0 });
    assert_eq!(frames.len(), 2, "the four offline edits travel as one merged update");
    assert!(a.catching_up());
    let (reply, _) = relay.handle(&hello);
    let received = a.receive(&reply, &mut room_a, &mut nonce).unwrap();
    assert!(!a.catching_up(), "CAUGHT_UP ends the catch-up");
    assert_eq!(received.acknowledged, 1);
    assert_eq!(a.unacknowledged(), 0);
    assert_eq!(a.status(), Status::Online);
    assert_eq!(a.last_seq(), 1);

    // A late joiner catches up and sees everything.
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    let mut b = Session::new(cipher(), SyncConfig::default());
    let (reply, _) = relay.handle(&one(b.connected(&mut nonce)));
    let received = b.receive(&reply, &mut room_b, &mut nonce).unwrap();
    assert!(received.room_changed);
    assert_eq!(room_b.to_view(), room_a.to_view());

    // A live edit of B reaches A through the relay.
    let (u, _) = room_b.add_note(note(&board, "four")).unwrap();
    let message = one(b.local_update(u.into_bytes(), &mut nonce));
    let (ack, broadcast) = relay.handle(&message);
    b.receive(&ack, &mut room_b, &mut nonce).unwrap();
    a.receive(&broadcast, &mut room_a, &mut nonce).unwrap();
    assert_eq!(room_a.to_view(), room_b.to_view());
    assert_eq!((a.last_seq(), b.last_seq()), (2, 2));
}

#[test]
fn a_reconnect_fetches_only_what_was_missed() {
    let mut relay = MiniRelay::default();
    let mut nonce = nonces();
    let (mut room_a, board) = room(1);
    let mut a = Session::new(cipher(), SyncConfig::default());
    relay.handle(&one(a.connected(&mut nonce)));
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    let mut b = Session::new(cipher(), SyncConfig::default());
    // A publishes 20 notes; B receives them once.
    for i in 0..20 {
        let (u, _) = room_a.add_note(note(&board, &format!("note {i}"))).unwrap();
        let first = if i == 0 { room_a.snapshot().into_bytes() } else { u.into_bytes() };
        relay.handle(&one(a.local_update(first, &mut nonce)));
    }
    let (reply, _) = relay.handle(&one(b.connected(&mut nonce)));
    b.receive(&reply, &mut room_b, &mut nonce).unwrap();
    let first_catch_up = b.traffic().0;
    b.disconnected();
    // One more note while B is away; B's reconnect downloads only that one.
    let (u, _) = room_a.add_note(note(&board, "while you were away")).unwrap();
    relay.handle(&one(a.local_update(u.into_bytes(), &mut nonce)));
    let hello = one(b.connected(&mut nonce));
    assert_eq!(decode_client_message(&hello, &Limits::default()).unwrap()[0], ClientFrame::Hello { since: 20 });
    let (reply, _) = relay.handle(&hello);
    b.receive(&reply, &mut room_b, &mut nonce).unwrap();
    let second_catch_up = b.traffic().0 - first_catch_up;
    assert!(second_catch_up * 5 < first_catch_up, "reconnect downloaded {second_catch_up} bytes vs {first_catch_up}");
    assert_eq!(room_b.to_view(), room_a.to_view());
}

#[test]
fn a_payload_sealed_with_another_key_is_reported_and_skipped() {
    let mut nonce = nonces();
    let (mut room_b, _) = room(2);
    let before = room_b.to_view();
    let mut b = Session::new(cipher(), SyncConfig::default());
    b.connected(&mut nonce);
    let (evil_room, _) = room(9);
    let wrong = RoomCipher::new(&RoomId::from_random([3; 16]), &RoomKey::from_random([5; 32]));
    let sealed = wrong.seal(Purpose::Update, evil_room.snapshot().as_bytes(), [1; 12]);
    let mut message = Vec::new();
    encode_relay_frames(&[RelayFrame::update(1, &sealed)], &mut message);
    let received = b.receive(&message, &mut room_b, &mut nonce).unwrap();
    assert!(!received.room_changed);
    assert!(matches!(received.problems[..], [SyncProblem::Unreadable { seq: 1, .. }]));
    assert_eq!(room_b.to_view(), before);
    // Garbage from the relay is a protocol error, not a panic.
    assert!(b.receive(b"\x07garbage", &mut room_b, &mut nonce).is_err());
}

#[test]
fn a_snapshot_in_parts_restores_the_room() {
    let mut nonce = nonces();
    let (mut source, board) = room(1);
    for i in 0..50 {
        source.add_note(note(&board, &format!("{i} {}", "x".repeat(100)))).unwrap();
    }
    let sealed = cipher().seal(Purpose::Snapshot, source.snapshot().as_bytes(), [7; 12]);
    let parts: Vec<&[u8]> = sealed.chunks(1000).collect();
    let mut message = Vec::new();
    let count = parts.len() as u16;
    // Parts may arrive in any order.
    for (i, part) in parts.iter().enumerate().rev() {
        encode_relay_frames(
            &[RelayFrame::SnapshotPart { upto: 40, index: i as u16, count, payload: std::borrow::Cow::Borrowed(part) }],
            &mut message,
        );
    }
    encode_relay_frames(&[RelayFrame::CaughtUp { head: 40 }], &mut message);
    let mut target = Room::new(ClientId::new(2).unwrap());
    let mut s = Session::new(cipher(), SyncConfig::default());
    s.connected(&mut nonce);
    let received = s.receive(&message, &mut target, &mut nonce).unwrap();
    assert!(received.room_changed && received.problems.is_empty());
    assert_eq!(target.to_view(), source.to_view());
    assert_eq!(s.last_seq(), 40);
}

#[test]
fn a_snapshot_is_uploaded_once_enough_updates_piled_up() {
    let mut relay = MiniRelay::default();
    let mut nonce = nonces();
    let config = SyncConfig { snapshot_every: 10, ..SyncConfig::default() };
    let (mut room_a, board) = room(1);
    let mut a = Session::new(cipher(), config);
    let (reply, _) = relay.handle(&one(a.connected(&mut nonce)));
    a.receive(&reply, &mut room_a, &mut nonce).unwrap();
    let mut uploads = 0;
    for i in 0..25 {
        let u = if i == 0 { room_a.snapshot() } else { room_a.add_note(note(&board, "n")).unwrap().0 };
        let (ack, _) = relay.handle(&one(a.local_update(u.into_bytes(), &mut nonce)));
        let received = a.receive(&ack, &mut room_a, &mut nonce).unwrap();
        for message in received.outgoing {
            let frames = decode_client_message(&message, &Limits::default()).unwrap();
            assert!(matches!(frames[0], ClientFrame::SnapshotPart { .. }));
            uploads += 1;
        }
    }
    assert_eq!(uploads, 2, "one snapshot per 10 updates");
}

#[test]
fn presence_is_rate_limited_and_sent_after_catch_up() {
    let mut relay = MiniRelay::default();
    let mut nonce = nonces();
    let (mut room_a, _) = room(1);
    let mut a = Session::new(cipher(), SyncConfig::default());
    a.set_presence(Presence::named("Lina"));
    assert_eq!(a.presence_due(0, nonce()), None, "not sent while offline");
    let (reply, _) = relay.handle(&one(a.connected(&mut nonce)));
    a.receive(&reply, &mut room_a, &mut nonce).unwrap();
    assert!(a.presence_due(1_000, nonce()).is_some());
    a.set_presence(Presence { section: Some("board".into()), ..Presence::named("Lina") });
    assert_eq!(a.presence_due(1_050, nonce()), None, "at most one per 100 ms");
    assert!(a.presence_pending());
    assert!(a.presence_due(1_100, nonce()).is_some());
    assert_eq!(a.presence_due(5_000, nonce()), None, "unchanged presence is not resent");
}

/// The relay's welcome plus presence frames from `others` connections.
fn crowd(others: u32) -> Vec<u8> {
    let mut nonce = nonces();
    let mut frames = vec![RelayFrame::Welcome { head: 0, conn: 1 }, RelayFrame::CaughtUp { head: 0 }];
    let sealed: Vec<Vec<u8>> = (0..others)
        .map(|i| cipher().seal(Purpose::Presence, &Presence::named(&format!("P{i}")).encode(), nonce()))
        .collect();
    frames.extend(sealed.iter().enumerate().map(|(i, p)| RelayFrame::Presence { conn: i as u32 + 2, payload: p.into() }));
    let mut bytes = Vec::new();
    encode_relay_frames(&frames, &mut bytes);
    bytes
}

#[test]
fn presence_is_shed_in_big_rooms_so_everyone_receives_a_bounded_rate() {
    let mut nonce = nonces();
    for (others, interval) in [(0, 100), (9, 100), (49, 500), (499, 5_000)] {
        let (mut room_a, _) = room(1);
        let mut a = Session::new(cipher(), SyncConfig::default());
        a.connected(&mut nonce);
        a.receive(&crowd(others), &mut room_a, &mut nonce).unwrap();
        assert_eq!(a.peers().count(), others as usize);
        assert_eq!(a.presence_interval_ms(), interval, "{others} others");
        // The room as a whole stays near the budget of 100 frames a second.
        assert!((others as u64 + 1) * 1_000 / a.presence_interval_ms() <= 100);

        a.set_presence(Presence::named("Lina"));
        assert_eq!(a.presence_wait_ms(10_000), Some(0));
        assert!(a.presence_due(10_000, nonce()).is_some());
        a.set_presence(Presence { section: Some("board".into()), ..Presence::named("Lina") });
        assert_eq!(a.presence_wait_ms(10_040), Some(interval - 40), "the timer waits exactly the rest");
        assert_eq!(a.presence_due(10_000 + interval - 1, nonce()), None, "{others} others: not before {interval} ms");
        assert!(a.presence_due(10_000 + interval, nonce()).is_some(), "{others} others: sent at {interval} ms");
        assert_eq!(a.presence_wait_ms(20_000), None, "nothing pending");
    }
}

#[test]
fn drafts_round_trip_and_damage_is_reported() {
    let (room_a, _) = room(1);
    let mut s = Session::new(cipher(), SyncConfig::default());
    s.local_update(vec![1, 2, 3], || [0; 12]);
    let draft = s.draft(&room_a);
    let bytes = draft.encode();
    assert_eq!(Draft::decode(&bytes), Ok(draft.clone()));
    let resumed = Session::resume(cipher(), SyncConfig::default(), &draft);
    assert_eq!(resumed.unacknowledged(), 1);
    assert_eq!(Draft::decode(&bytes[..bytes.len() - 1]), Err(DraftError::Truncated { what: "an unsent edit" }));
    let mut other = bytes.clone();
    other[0] = 9;
    assert_eq!(Draft::decode(&other), Err(DraftError::UnknownVersion { found: 9 }));
}

#[test]
fn backoff_grows_with_jitter_and_is_capped() {
    let mut b = Backoff::default();
    let delays: Vec<u64> = (0..12).map(|_| b.next_delay_ms(1.0)).collect();
    assert_eq!(&delays[..4], &[500, 1000, 2000, 4000]);
    assert_eq!(*delays.last().unwrap(), 30_000);
    let mut low = Backoff::default();
    assert_eq!(low.next_delay_ms(0.0), 250);
    b.reset();
    assert_eq!(b.next_delay_ms(0.5), 375);
}

/// A room of long notes whose snapshot is bigger than four frames.
fn big_room(client: u64) -> Room {
    let mut big = Room::new(ClientId::new(client).unwrap());
    let (_, board) = big.add_board("Ideas").unwrap();
    let text = "Plant trees along the river and keep the water clean. ".repeat(16);
    for i in 0..1_400 {
        big.add_note(note(&board, &format!("{i}: {text}"))).unwrap();
    }
    big
}

/// Every message fits the relay's message limit and every frame its frame limit.
fn assert_fits(messages: &[Vec<u8>]) {
    let limits = Limits::default();
    for m in messages {
        assert!(m.len() <= limits.max_message_bytes(), "a message of {} bytes", m.len());
        decode_client_message(m, &limits).expect("every frame under the frame limit");
    }
}

#[test]
fn an_edit_bigger_than_a_frame_is_sent_in_parts_that_fit_and_arrives_whole() {
    let mut relay = MiniRelay::default();
    let mut nonce = nonces();
    let mut room_a = Room::new(ClientId::new(1).unwrap());
    let mut a = Session::new(cipher(), SyncConfig { snapshot_every: u64::MAX, ..SyncConfig::default() });
    let (reply, _) = relay.handle(&one(a.connected(&mut nonce)));
    a.receive(&reply, &mut room_a, &mut nonce).unwrap();

    let big = big_room(5);
    let update = big.snapshot().into_bytes();
    assert!(update.len() > Limits::default().max_message_bytes(), "{} bytes", update.len());
    room_a.apply_update(&update).unwrap();
    let messages = a.local_update(update, &mut nonce);
    assert!(messages.len() >= 2, "{} messages", messages.len());
    assert_fits(&messages);
    for m in &messages {
        let (ack, _) = relay.handle(m);
        a.receive(&ack, &mut room_a, &mut nonce).unwrap();
    }
    assert_eq!(a.unacknowledged(), 0);

    // Another participant joining gets it all.
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    let mut b = Session::new(cipher(), SyncConfig::default());
    let (reply, _) = relay.handle(&one(b.connected(&mut nonce)));
    b.receive(&reply, &mut room_b, &mut nonce).unwrap();
    assert_eq!(room_b.to_view(), big.to_view());
}

#[test]
fn a_big_edit_kept_offline_or_in_an_old_draft_is_sent_in_parts_on_reconnect() {
    let mut nonce = nonces();
    let big = big_room(6);
    let update = big.snapshot().into_bytes();
    // Offline: nothing sent; on connect, HELLO and the parts, every message fitting.
    let mut a = Session::new(cipher(), SyncConfig::default());
    assert!(a.local_update(update.clone(), &mut nonce).is_empty());
    let hello = a.connected(&mut nonce);
    assert!(hello.len() >= 2);
    assert_fits(&hello);
    // A draft saved before updates were cut (one update of several MB) is cut on resume.
    let draft = Draft { version: DRAFT_VERSION, last_seq: 0, snapshot_seq: 0, state: big.snapshot().into_bytes(), unacknowledged: vec![update] };
    let mut resumed = Session::resume(cipher(), SyncConfig::default(), &draft);
    assert!(resumed.unacknowledged() > 4);
    let messages = resumed.connected(&mut nonce);
    assert_fits(&messages);
    let mut relay = MiniRelay::default();
    for m in &messages {
        relay.handle(m);
    }
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    let mut b = Session::new(cipher(), SyncConfig::default());
    let (reply, _) = relay.handle(&one(b.connected(&mut nonce)));
    b.receive(&reply, &mut room_b, &mut nonce).unwrap();
    assert_eq!(room_b.to_view(), big.to_view());
}
