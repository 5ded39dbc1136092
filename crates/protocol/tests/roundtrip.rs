//! Every frame kind survives encode → decode unchanged, several frames share one
//! message, and the bytes are exactly the layout documented in docs/protocol.md.

use std::borrow::Cow;

use constellation_protocol::{
    decode_client_message, decode_relay_message, encode_client_frames, encode_relay_frames,
    ClientFrame, Limits, RelayFrame,
};

fn client_examples() -> Vec<ClientFrame<'static>> {
    vec![
        ClientFrame::Hello { since: 0 },
        ClientFrame::Hello { since: u64::MAX },
        ClientFrame::update(7, b"sealed update"),
        ClientFrame::update(u32::MAX, b""),
        ClientFrame::SnapshotPart {
            upto: 42,
            snapshot_ref: 3,
            index: 1,
            count: 2,
            payload: Cow::Borrowed(b"part"),
        },
        ClientFrame::presence(b"cursor at 10,20"),
        ClientFrame::presence(b""),
    ]
}

fn relay_examples() -> Vec<RelayFrame<'static>> {
    vec![
        RelayFrame::Welcome { head: 9, conn: 4 },
        RelayFrame::Ack {
            client_ref: 7,
            seq: 10,
        },
        RelayFrame::update(11, b"sealed update"),
        RelayFrame::SnapshotPart {
            upto: 8,
            index: 0,
            count: 1,
            payload: Cow::Borrowed(b"whole snapshot"),
        },
        RelayFrame::presence(4, b"cursor"),
        RelayFrame::Left { conn: 4 },
        RelayFrame::CaughtUp { head: 11 },
    ]
}

#[test]
fn every_client_kind_round_trips_alone() {
    for frame in client_examples() {
        let bytes = frame.to_bytes();
        assert_eq!(bytes.len(), frame.encoded_len());
        let decoded = decode_client_message(&bytes, &Limits::default()).unwrap();
        assert_eq!(decoded, vec![frame]);
    }
}

#[test]
fn every_relay_kind_round_trips_alone() {
    for frame in relay_examples() {
        let bytes = frame.to_bytes();
        assert_eq!(bytes.len(), frame.encoded_len());
        let decoded = decode_relay_message(&bytes, &Limits::default()).unwrap();
        assert_eq!(decoded, vec![frame]);
    }
}

#[test]
fn many_frames_share_one_message() {
    let mut message = Vec::new();
    encode_client_frames(&client_examples(), &mut message);
    assert_eq!(
        decode_client_message(&message, &Limits::default()).unwrap(),
        client_examples()
    );
    let mut message = Vec::new();
    encode_relay_frames(&relay_examples(), &mut message);
    assert_eq!(
        decode_relay_message(&message, &Limits::default()).unwrap(),
        relay_examples()
    );
}

#[test]
fn decoded_payloads_borrow_from_the_message() {
    let message = ClientFrame::update(1, b"abc").to_bytes();
    let frames = decode_client_message(&message, &Limits::default()).unwrap();
    match &frames[0] {
        ClientFrame::Update { payload, .. } => assert!(matches!(payload, Cow::Borrowed(_))),
        other => panic!("{other:?}"),
    }
    let owned: ClientFrame<'static> = frames[0].clone().into_owned();
    assert_eq!(owned, ClientFrame::update(1, b"abc"));
}

/// The byte layout of docs/protocol.md, written out by hand.
#[test]
fn bytes_match_the_documented_layout() {
    assert_eq!(
        ClientFrame::Hello { since: 0x0102 }.to_bytes(),
        [2, 0x01, 8, 0, 0, 0, 0x02, 0x01, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(
        ClientFrame::update(5, b"xy").to_bytes(),
        [2, 0x02, 6, 0, 0, 0, 5, 0, 0, 0, b'x', b'y']
    );
    assert_eq!(
        ClientFrame::SnapshotPart {
            upto: 3,
            snapshot_ref: 2,
            index: 1,
            count: 4,
            payload: Cow::Borrowed(b"z"),
        }
        .to_bytes(),
        [2, 0x03, 17, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 4, 0, b'z']
    );
    assert_eq!(
        ClientFrame::presence(b"p").to_bytes(),
        [2, 0x04, 1, 0, 0, 0, b'p']
    );
    assert_eq!(
        RelayFrame::Welcome { head: 9, conn: 2 }.to_bytes(),
        [2, 0x81, 12, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]
    );
    assert_eq!(
        RelayFrame::Ack {
            client_ref: 5,
            seq: 9
        }
        .to_bytes(),
        [2, 0x82, 12, 0, 0, 0, 5, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(
        RelayFrame::update(9, b"u").to_bytes(),
        [2, 0x83, 9, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, b'u']
    );
    assert_eq!(
        RelayFrame::SnapshotPart {
            upto: 3,
            index: 0,
            count: 1,
            payload: Cow::Borrowed(b"s"),
        }
        .to_bytes(),
        [2, 0x84, 13, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, b's']
    );
    assert_eq!(
        RelayFrame::presence(2, b"p").to_bytes(),
        [2, 0x85, 5, 0, 0, 0, 2, 0, 0, 0, b'p']
    );
    assert_eq!(
        RelayFrame::Left { conn: 2 }.to_bytes(),
        [2, 0x86, 4, 0, 0, 0, 2, 0, 0, 0]
    );
    assert_eq!(
        RelayFrame::CaughtUp { head: 9 }.to_bytes(),
        [2, 0x87, 8, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0]
    );
}

#[test]
fn a_frame_exactly_at_the_limit_is_accepted() {
    let limits = Limits {
        max_frame_bytes: 100,
        max_presence_bytes: 10,
    };
    let payload = vec![0xAB; limits.max_update_payload()];
    let bytes = ClientFrame::update(1, &payload).to_bytes();
    assert_eq!(bytes.len(), 100);
    assert!(decode_client_message(&bytes, &limits).is_ok());
    let presence = vec![0; 10];
    assert!(decode_client_message(&ClientFrame::presence(&presence).to_bytes(), &limits).is_ok());
}
