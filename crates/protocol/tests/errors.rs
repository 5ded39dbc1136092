//! Every decoding error, with its close code and the reason a person reads.

use constellation_protocol::{
    close_code, decode_client_message, decode_relay_message, ClientFrame, FrameError, Limits,
    RelayFrame,
};

fn client_err(bytes: &[u8]) -> FrameError {
    decode_client_message(bytes, &Limits::default()).unwrap_err()
}

fn relay_err(bytes: &[u8]) -> FrameError {
    decode_relay_message(bytes, &Limits::default()).unwrap_err()
}

#[test]
fn empty_message() {
    let err = client_err(&[]);
    assert_eq!(err, FrameError::EmptyMessage);
    assert_eq!(err.close_code(), close_code::MALFORMED);
}

#[test]
fn unsupported_version() {
    let mut bytes = ClientFrame::Hello { since: 0 }.to_bytes();
    // Version 1 (before signed rooms) is refused like any other.
    bytes[0] = 1;
    let err = client_err(&bytes);
    assert_eq!(err, FrameError::UnsupportedVersion { version: 1 });
    assert_eq!(err.close_code(), 4402);
    assert!(
        err.to_string().contains("version 1 is not supported (this side speaks version 2)"),
        "{err}"
    );
}

#[test]
fn unknown_kind_and_wrong_direction() {
    let err = client_err(&[2, 0x09, 0, 0, 0, 0]);
    assert_eq!(
        err,
        FrameError::UnknownKind {
            kind: 0x09,
            from: "client"
        }
    );
    assert_eq!(err.close_code(), 4401);
    assert_eq!(err.to_string(), "unknown frame kind 0x09 from a client");
    // A relay frame sent by a client, and the other way round.
    let err = client_err(&RelayFrame::Left { conn: 1 }.to_bytes());
    assert_eq!(err.close_code(), 4401);
    let err = relay_err(&ClientFrame::Hello { since: 1 }.to_bytes());
    assert_eq!(err.close_code(), 4401);
}

#[test]
fn truncated_header_and_body() {
    let bytes = ClientFrame::update(1, b"abc").to_bytes();
    let err = client_err(&bytes[..3]);
    assert_eq!(err, FrameError::TruncatedHeader { left: 3 });
    assert_eq!(err.close_code(), 4400);
    let err = client_err(&bytes[..bytes.len() - 1]);
    assert_eq!(
        err,
        FrameError::TruncatedBody {
            body_len: 7,
            left: 6
        }
    );
    assert_eq!(err.close_code(), 4400);
    // A good frame followed by a truncated one refuses the whole message.
    let mut two = bytes.clone();
    two.extend_from_slice(&bytes[..8]);
    assert_eq!(client_err(&two).close_code(), 4400);
}

#[test]
fn fixed_parts_too_short_or_too_long() {
    let err = client_err(&[2, 0x01, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        err.to_string(),
        "a HELLO body must be exactly 8 bytes, not 7"
    );
    assert_eq!(err.close_code(), 4400);
    let err = client_err(&[2, 0x01, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(err.close_code(), 4400);
    let err = client_err(&[2, 0x02, 3, 0, 0, 0, 1, 2, 3]);
    assert_eq!(
        err.to_string(),
        "a UPDATE body must be at least 4 bytes, not 3"
    );
    let err = client_err(&[
        2, 0x03, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    assert_eq!(err.close_code(), 4400);
    let err = relay_err(&[2, 0x87, 4, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(err.close_code(), 4400);
    let err = relay_err(&[2, 0x85, 2, 0, 0, 0, 0, 0]);
    assert_eq!(err.close_code(), 4400);
}

#[test]
fn snapshot_part_index_must_be_below_count() {
    let part = |index, count| {
        ClientFrame::SnapshotPart {
            upto: 1,
            snapshot_ref: 1,
            index,
            count,
            payload: b"x"[..].into(),
        }
        .to_bytes()
    };
    let err = client_err(&part(2, 2));
    assert_eq!(err, FrameError::BadPartIndex { index: 2, count: 2 });
    assert_eq!(err.close_code(), 4400);
    assert_eq!(client_err(&part(0, 0)).close_code(), 4400);
    let relay_part = RelayFrame::SnapshotPart {
        upto: 1,
        index: 5,
        count: 1,
        payload: b"x"[..].into(),
    }
    .to_bytes();
    assert_eq!(relay_err(&relay_part).close_code(), 4400);
}

#[test]
fn frame_too_large_is_refused_from_its_header() {
    // Only the header is present: the size alone is enough to refuse the frame.
    let mut bytes = vec![2, 0x02];
    bytes.extend_from_slice(&300_000u32.to_le_bytes());
    let err = client_err(&bytes);
    assert_eq!(
        err,
        FrameError::FrameTooLarge {
            size: 300_006,
            limit: 262_144
        }
    );
    assert_eq!(err.close_code(), 4413);
    assert_eq!(
        err.to_string(),
        "frame of 300006 bytes is over the 262144-byte limit"
    );
    // The largest possible announced length does not overflow.
    let huge = [2, 0x02, 0xFF, 0xFF, 0xFF, 0xFF];
    assert_eq!(client_err(&huge).close_code(), 4413);
}

#[test]
fn presence_too_large() {
    let payload = vec![0; 1025];
    let err = client_err(&ClientFrame::presence(&payload).to_bytes());
    assert_eq!(
        err,
        FrameError::PresenceTooLarge {
            size: 1025,
            limit: 1024
        }
    );
    assert_eq!(err.close_code(), 4413);
    let err = relay_err(&RelayFrame::presence(1, &payload).to_bytes());
    assert_eq!(err.close_code(), 4413);
}

#[test]
fn relay_side_errors_have_their_codes_and_short_reasons() {
    let cases = [
        (FrameError::TextMessage, 4400),
        (FrameError::HelloFirst { name: "UPDATE" }, 4403),
        (FrameError::SecondHello, 4403),
        (
            FrameError::SnapshotOutOfOrder {
                snapshot_ref: 1,
                index: 3,
                expected: 2,
            },
            4403,
        ),
        (FrameError::SnapshotInconsistent { snapshot_ref: 1 }, 4403),
        (FrameError::SnapshotBeyondHead { upto: 9, head: 3 }, 4403),
        (
            FrameError::TooManyFrames {
                per_second: 50,
                burst: 100,
            },
            4429,
        ),
        (FrameError::RoomFull { limit: 1000 }, 4503),
        (FrameError::ServerFull { limit: 10000 }, 4503),
        (FrameError::IdleTimeout { seconds: 60 }, 4408),
        (FrameError::WriteRefused { what: "SNAPSHOT_PART" }, 4406),
        (FrameError::MessageTooLarge { limit: 1 << 20 }, 4413),
        (
            FrameError::SnapshotTooLarge {
                size: u64::MAX,
                limit: u64::MAX,
            },
            4413,
        ),
    ];
    for (err, code) in cases {
        assert_eq!(err.close_code(), code, "{err}");
        // A WebSocket close reason has at most 123 bytes.
        assert!(err.to_string().len() <= 123, "{err}");
    }
}
