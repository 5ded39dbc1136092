//! Property tests: no byte string panics a decoder, and encode → decode is the
//! identity for any frames.

use std::borrow::Cow;

use constellation_protocol::{
    decode_client_message, decode_relay_message, encode_client_frames, encode_relay_frames,
    ClientFrame, Limits, RelayFrame,
};
use proptest::prelude::*;

fn payload() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..300)
}

fn client_frame() -> impl Strategy<Value = ClientFrame<'static>> {
    prop_oneof![
        any::<u64>().prop_map(|since| ClientFrame::Hello { since }),
        (any::<u32>(), payload()).prop_map(|(client_ref, p)| ClientFrame::Update {
            client_ref,
            payload: Cow::Owned(p)
        }),
        (
            any::<u64>(),
            any::<u32>(),
            1..=u16::MAX,
            any::<u16>(),
            payload()
        )
            .prop_map(
                |(upto, snapshot_ref, count, index, p)| ClientFrame::SnapshotPart {
                    upto,
                    snapshot_ref,
                    index: index % count,
                    count,
                    payload: Cow::Owned(p)
                }
            ),
        prop::collection::vec(any::<u8>(), 0..=1024).prop_map(|p| ClientFrame::Presence {
            payload: Cow::Owned(p)
        }),
    ]
}

fn relay_frame() -> impl Strategy<Value = RelayFrame<'static>> {
    prop_oneof![
        (any::<u64>(), any::<u32>()).prop_map(|(head, conn)| RelayFrame::Welcome { head, conn }),
        (any::<u32>(), any::<u64>())
            .prop_map(|(client_ref, seq)| RelayFrame::Ack { client_ref, seq }),
        (any::<u64>(), payload()).prop_map(|(seq, p)| RelayFrame::Update {
            seq,
            payload: Cow::Owned(p)
        }),
        (any::<u64>(), 1..=u16::MAX, any::<u16>(), payload()).prop_map(
            |(upto, count, index, p)| {
                RelayFrame::SnapshotPart {
                    upto,
                    index: index % count,
                    count,
                    payload: Cow::Owned(p),
                }
            }
        ),
        (any::<u32>(), prop::collection::vec(any::<u8>(), 0..=1024)).prop_map(|(conn, p)| {
            RelayFrame::Presence {
                conn,
                payload: Cow::Owned(p),
            }
        }),
        any::<u32>().prop_map(|conn| RelayFrame::Left { conn }),
        any::<u64>().prop_map(|head| RelayFrame::CaughtUp { head }),
    ]
}

/// Arbitrary bytes, biased towards starting like a real frame so that the checks
/// past the version byte get exercised too.
fn message_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        (any::<u8>(), prop::collection::vec(any::<u8>(), 0..64)).prop_map(|(k, rest)| {
            let mut v = vec![2, k];
            v.extend(rest);
            v
        }),
        (
            prop::sample::select(vec![1u8, 2, 3, 4, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87]),
            0u32..40,
            prop::collection::vec(any::<u8>(), 0..48)
        )
            .prop_map(|(k, len, rest)| {
                let mut v = vec![2, k];
                v.extend_from_slice(&len.to_le_bytes());
                v.extend(rest);
                v
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decoders_never_panic(bytes in message_bytes()) {
        let small = Limits { max_frame_bytes: 32, max_presence_bytes: 8 };
        let _ = decode_client_message(&bytes, &Limits::default());
        let _ = decode_relay_message(&bytes, &Limits::default());
        let _ = decode_client_message(&bytes, &small);
        let _ = decode_relay_message(&bytes, &small);
    }

    #[test]
    fn client_frames_round_trip(frames in prop::collection::vec(client_frame(), 1..8)) {
        let mut message = Vec::new();
        encode_client_frames(&frames, &mut message);
        prop_assert_eq!(message.len(), frames.iter().map(ClientFrame::encoded_len).sum::<usize>());
        let decoded = decode_client_message(&message, &Limits::default()).unwrap();
        prop_assert_eq!(decoded, frames);
    }

    #[test]
    fn relay_frames_round_trip(frames in prop::collection::vec(relay_frame(), 1..8)) {
        let mut message = Vec::new();
        encode_relay_frames(&frames, &mut message);
        let decoded = decode_relay_message(&message, &Limits::default()).unwrap();
        prop_assert_eq!(decoded, frames);
    }
}
