//! Signed rooms on the real binary: the relay stores and forwards only writes
//! signed with the room's write key (its id is the verifying key), and closes a
//! connection that sends an unsigned or wrongly signed write with 4406, storing
//! nothing of it. Presence stays open to every link holder.

mod common;

use std::time::Duration;

use common::{updates, Client, Server};
use constellation_core::link::{RoomLink, WriteKey};
use constellation_core::sign::{RoomSigner, SignedPurpose};
use constellation_protocol::{snapshot_parts, ClientFrame, Limits, RelayFrame};

fn signed_room(seed: u8) -> (String, RoomSigner) {
    let link = RoomLink::new_room([1; 32], [seed; 32]);
    let signer = RoomSigner::new(link.write.as_ref().unwrap());
    (link.room.as_str().to_owned(), signer)
}

#[tokio::test]
async fn signed_writes_are_stored_and_forwarded() {
    let server = Server::start(&[]);
    let (room, signer) = signed_room(1);
    let (mut watcher, _) = Client::join_caught_up(&server, &room, 0).await;
    let (mut writer, _) = Client::join_caught_up(&server, &room, 0).await;
    let payload = signer.sign(SignedPurpose::Update, 0, b"sealed update");
    assert_eq!(writer.update(1, &payload).await, 1);
    match watcher.next().await {
        RelayFrame::Update { seq: 1, payload: got } => assert_eq!(got.as_ref(), &payload[..]),
        other => panic!("expected the update, got {other:?}"),
    }
    // A late joiner gets it from the store, signature included.
    let (_, frames) = Client::join_caught_up(&server, &room, 0).await;
    assert_eq!(updates(&frames), vec![(1, payload)]);
}

#[tokio::test]
async fn unsigned_and_wrongly_signed_updates_are_refused_and_not_stored() {
    let server = Server::start(&[]);
    let (room, signer) = signed_room(2);
    let (mut watcher, _) = Client::join_caught_up(&server, &room, 0).await;

    // A hand-crafted UPDATE with no signature at all (what a view link's
    // holder could send with a modified client).
    let (mut unsigned, _) = Client::join_caught_up(&server, &room, 0).await;
    unsigned.send(&[ClientFrame::update(1, b"sealed bytes without any signature, long enough to hold one......")]).await;
    let (code, reason) = unsigned.expect_close().await;
    assert_eq!(code, 4406, "{reason}");
    assert!(reason.contains("not signed with the room's write key"), "{reason}");

    // Signed, but with another key (another room's write key).
    let other = RoomSigner::new(&WriteKey::from_random([99; 32]));
    let (mut forger, _) = Client::join_caught_up(&server, &room, 0).await;
    forger.send(&[ClientFrame::update(1, &other.sign(SignedPurpose::Update, 0, b"x"))]).await;
    assert_eq!(forger.expect_close().await.0, 4406);

    // The right key, but signed as a snapshot: the purpose is bound.
    let (mut confused, _) = Client::join_caught_up(&server, &room, 0).await;
    confused.send(&[ClientFrame::update(1, &signer.sign(SignedPurpose::Snapshot, 0, b"x"))]).await;
    assert_eq!(confused.expect_close().await.0, 4406);

    // Nothing was forwarded (the watcher sees the three leave, nothing else)
    // or stored.
    while let Some(got) = watcher.recv_within(Duration::from_millis(300)).await {
        match got {
            common::Received::Frames(frames) => {
                assert!(frames.iter().all(|f| matches!(f, RelayFrame::Left { .. })), "{frames:?}")
            }
            other => panic!("{other:?}"),
        }
    }
    let (_, frames) = Client::join_caught_up(&server, &room, 0).await;
    assert_eq!(frames.last(), Some(&RelayFrame::CaughtUp { head: 0 }));
    assert!(updates(&frames).is_empty());
}

#[tokio::test]
async fn snapshots_must_be_signed_for_their_upto() {
    let server = Server::start(&[]);
    let (room, signer) = signed_room(3);
    let (mut writer, _) = Client::join_caught_up(&server, &room, 0).await;
    for i in 1..=3 {
        writer.update(i, &signer.sign(SignedPurpose::Update, 0, &[i as u8; 8])).await;
    }
    // Signed for upto 2 but announced as covering 3: refused whole.
    let signed = signer.sign(SignedPurpose::Snapshot, 2, &vec![7u8; 300_000]);
    let parts = snapshot_parts(&signed, Limits::default().max_client_snapshot_part()).unwrap();
    assert!(parts.len() > 1);
    let count = parts.len() as u16;
    for (index, part) in parts.iter().enumerate() {
        writer
            .send(&[ClientFrame::SnapshotPart {
                upto: 3,
                snapshot_ref: 1,
                index: index as u16,
                count,
                payload: std::borrow::Cow::Borrowed(part),
            }])
            .await;
    }
    assert_eq!(writer.expect_close().await.0, 4406);

    // The same snapshot announced for upto 2 is stored; a late joiner from 0
    // still gets all three updates (the log prefix may be dropped, but then the
    // snapshot comes first).
    let (mut writer, _) = Client::join_caught_up(&server, &room, 3).await;
    for (index, part) in parts.iter().enumerate() {
        writer
            .send(&[ClientFrame::SnapshotPart {
                upto: 2,
                snapshot_ref: 2,
                index: index as u16,
                count,
                payload: std::borrow::Cow::Borrowed(part),
            }])
            .await;
    }
    writer.expect_silence(Duration::from_millis(300)).await;
    let (_, frames) = Client::join_caught_up(&server, &room, 0).await;
    assert_eq!(frames.last(), Some(&RelayFrame::CaughtUp { head: 3 }));
}

#[tokio::test]
async fn presence_needs_no_signature_and_open_rooms_need_none() {
    let server = Server::start(&[]);
    let (room, _) = signed_room(4);
    let (mut a, _) = Client::join_caught_up(&server, &room, 0).await;
    let (mut viewer, _) = Client::join_caught_up(&server, &room, 0).await;
    viewer.send(&[ClientFrame::presence(b"sealed presence")]).await;
    loop {
        if let RelayFrame::Presence { payload, .. } = a.next().await {
            assert_eq!(payload.as_ref(), b"sealed presence");
            break;
        }
    }
    // An open room (a 22-character id, made before signed rooms) takes writes
    // as before.
    let open = common::room(9);
    let (mut writer, _) = Client::join_caught_up(&server, &open, 0).await;
    assert_eq!(writer.update(1, b"unsigned").await, 1);
}
