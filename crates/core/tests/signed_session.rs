//! Sync sessions of a signed room: the edit link's session signs what it
//! writes, a view link's session writes nothing, and every session drops
//! writes whose signature does not verify (from a modified client or relay).

use constellation_core::board::{BoardId, NewNote, NoteColor};
use constellation_core::link::{RoomLink, WriteKey};
use constellation_core::seal::{Purpose, RoomCipher};
use constellation_core::sign::{RoomSigner, RoomVerifier, SignedPurpose, SIGNATURE_LEN};
use constellation_core::sync::{Session, SyncConfig, SyncProblem};
use constellation_core::{ClientId, Room};
use constellation_protocol::{decode_client_message, encode_relay_frames, ClientFrame, Limits, RelayFrame};

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

fn edit_link() -> RoomLink {
    RoomLink::new_room([4; 32], [5; 32])
}

fn session(link: &RoomLink, config: SyncConfig) -> Session {
    let cipher = RoomCipher::new(&link.room, link.key.as_ref().unwrap());
    let verifier = RoomVerifier::for_room(&link.room).unwrap();
    Session::new(cipher, config).signed(verifier, link.write.as_ref().map(RoomSigner::new))
}

fn room(client: u64) -> (Room, BoardId) {
    let mut room = Room::new(ClientId::new(client).unwrap());
    let (_, board) = room.add_board("Ideas").unwrap();
    (room, board)
}

fn welcome_and_caught_up(head: u64) -> Vec<u8> {
    let mut m = Vec::new();
    encode_relay_frames(&[RelayFrame::Welcome { head, conn: 1 }, RelayFrame::CaughtUp { head }], &mut m);
    m
}

fn update_payloads(message: &[u8]) -> Vec<Vec<u8>> {
    decode_client_message(message, &Limits::default())
        .unwrap()
        .into_iter()
        .filter_map(|f| match f {
            ClientFrame::Update { payload, .. } => Some(payload.into_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_edit_link_signs_and_the_view_link_reads_it() {
    let link = edit_link();
    let mut nonce = nonces();
    let (mut room_a, _) = room(1);
    let mut editor = session(&link, SyncConfig::default());
    assert!(editor.can_write());
    editor.connected(&mut nonce);
    editor.receive(&welcome_and_caught_up(0), &mut room_a, &mut nonce).unwrap();
    let sent = one(editor.local_update(room_a.snapshot().into_bytes(), &mut nonce));
    let payload = update_payloads(&sent).remove(0);
    // The payload is signature ‖ sealed, and the signature is the room's.
    let verifier = RoomVerifier::for_room(&link.room).unwrap();
    let sealed = verifier.verify(SignedPurpose::Update, 0, &payload).expect("signed with the room's key");
    assert_eq!(sealed.len() + SIGNATURE_LEN, payload.len());

    let view = link.view_only();
    let mut reader = session(&view, SyncConfig::default());
    assert!(!reader.can_write());
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    reader.connected(&mut nonce);
    let mut m = Vec::new();
    encode_relay_frames(
        &[RelayFrame::Welcome { head: 1, conn: 2 }, RelayFrame::update(1, &payload), RelayFrame::CaughtUp { head: 1 }],
        &mut m,
    );
    let got = reader.receive(&m, &mut room_b, &mut nonce).unwrap();
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(room_b.to_view(), room_a.to_view());
}

#[test]
fn a_view_only_session_sends_no_update_and_no_snapshot() {
    let view = edit_link().view_only();
    let mut nonce = nonces();
    let (mut room_b, board) = room(2);
    let config = SyncConfig { snapshot_every: 1, ..SyncConfig::default() };
    let mut reader = session(&view, config);
    let hello = one(reader.connected(&mut nonce));
    assert_eq!(decode_client_message(&hello, &Limits::default()).unwrap().len(), 1, "HELLO only");
    let got = reader.receive(&welcome_and_caught_up(5), &mut room_b, &mut nonce).unwrap();
    assert!(got.outgoing.is_empty(), "a view-only session never uploads a snapshot");
    let (u, _) = room_b
        .add_note(NewNote { board, text: "x".into(), x: 0.0, y: 0.0, color: NoteColor::Yellow, author: "v".into() })
        .unwrap();
    assert!(reader.local_update(u.into_bytes(), &mut nonce).is_empty());
    assert_eq!(reader.unacknowledged(), 0, "nothing is kept to send later either");
}

#[test]
fn unsigned_and_wrongly_signed_writes_are_dropped_and_reported() {
    let link = edit_link();
    let mut nonce = nonces();
    let cipher = RoomCipher::new(&link.room, link.key.as_ref().unwrap());
    let (source, _) = room(9);
    let sealed = cipher.seal(Purpose::Update, &source.snapshot().into_bytes(), nonce());
    // Signed with another room's write key (the view link holder has none).
    let forged = RoomSigner::new(&WriteKey::from_random([6; 32])).sign(SignedPurpose::Update, 0, &sealed);

    let mut reader = session(&link.view_only(), SyncConfig::default());
    let mut room_b = Room::new(ClientId::new(2).unwrap());
    reader.connected(&mut nonce);
    let mut m = Vec::new();
    encode_relay_frames(
        &[
            RelayFrame::Welcome { head: 2, conn: 2 },
            RelayFrame::update(1, &sealed),
            RelayFrame::update(2, &forged),
            RelayFrame::CaughtUp { head: 2 },
        ],
        &mut m,
    );
    let got = reader.receive(&m, &mut room_b, &mut nonce).unwrap();
    assert!(!got.room_changed);
    assert_eq!(got.problems.len(), 2);
    assert!(got.problems.iter().all(|p| matches!(p, SyncProblem::Unsigned { .. })), "{:?}", got.problems);
    assert!(got.problems[0].to_string().contains("update 1 was dropped"), "{}", got.problems[0]);
    assert_eq!(room_b.to_view(), Room::new(ClientId::new(3).unwrap()).to_view());
}

#[test]
fn an_edit_session_uploads_signed_snapshots() {
    let link = edit_link();
    let mut nonce = nonces();
    let (mut room_a, _) = room(1);
    let config = SyncConfig { snapshot_every: 3, ..SyncConfig::default() };
    let mut editor = session(&link, config);
    editor.connected(&mut nonce);
    let got = editor.receive(&welcome_and_caught_up(3), &mut room_a, &mut nonce).unwrap();
    assert_eq!(got.outgoing.len(), 1, "a snapshot is due");
    let mut signed = Vec::new();
    let mut upto = 0;
    for frame in decode_client_message(&got.outgoing[0], &Limits::default()).unwrap() {
        if let ClientFrame::SnapshotPart { upto: u, payload, .. } = frame {
            upto = u;
            signed.extend_from_slice(&payload);
        }
    }
    let verifier = RoomVerifier::for_room(&link.room).unwrap();
    assert_eq!(upto, 3);
    assert!(verifier.verify(SignedPurpose::Snapshot, 3, &signed).is_ok());
    assert!(verifier.verify(SignedPurpose::Snapshot, 4, &signed).is_err(), "bound to its upto");
}
