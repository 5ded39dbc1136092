//! Snapshots: a client uploads one in parts, the relay stores it whole and drops the
//! log prefix it covers; late joiners then get the snapshot (re-cut to the frame
//! limit) and the tail, while clients inside the kept log get only the tail.

mod common;

use std::borrow::Cow;
use std::time::{Duration, Instant};

use common::{room, updates, Client, Server};
use constellation_protocol::{snapshot_parts, ClientFrame, Limits, RelayFrame};

/// Uploads `snapshot` as parts of at most the client limit, one message each.
async fn upload(client: &mut Client, snapshot_ref: u32, upto: u64, snapshot: &[u8]) {
    let parts = snapshot_parts(snapshot, Limits::default().max_client_snapshot_part()).unwrap();
    let count = parts.len() as u16;
    for (index, part) in parts.into_iter().enumerate() {
        client
            .send(&[ClientFrame::SnapshotPart {
                upto,
                snapshot_ref,
                index: index as u16,
                count,
                payload: Cow::Borrowed(part),
            }])
            .await;
    }
}

/// The snapshot parts of a catch-up, joined, with their `upto`.
fn snapshot_of(frames: &[RelayFrame<'_>]) -> Option<(u64, Vec<u8>)> {
    let mut upto = None;
    let mut bytes = Vec::new();
    let mut expected_index = 0;
    for frame in frames {
        if let RelayFrame::SnapshotPart {
            upto: u,
            index,
            count,
            payload,
        } = frame
        {
            assert_eq!(*index, expected_index, "parts in order");
            assert!(*index < *count);
            expected_index += 1;
            upto = Some(*u);
            bytes.extend_from_slice(payload);
        }
    }
    upto.map(|u| (u, bytes))
}

async fn room_with_ten_updates(server: &Server, r: &str) -> Client {
    let (mut writer, _) = Client::join_caught_up(server, r, 0).await;
    for i in 1..=10u32 {
        writer.update(i, format!("u{i}").as_bytes()).await;
    }
    writer
}

#[tokio::test]
async fn late_joiners_get_the_snapshot_and_the_tail() {
    let server = Server::start(&[]);
    let r = room(1);
    let mut writer = room_with_ten_updates(&server, &r).await;
    // 600 KB: more than two frames' worth, so it travels in three parts each way.
    let snapshot: Vec<u8> = (0..600_000u32).map(|i| (i * 7 % 251) as u8).collect();
    upload(&mut writer, 1, 6, &snapshot).await;

    // The prefix is dropped shortly after the snapshot is stored.
    let deadline = Instant::now() + Duration::from_secs(10);
    let frames = loop {
        let (client, frames) = Client::join_caught_up(&server, &r, 0).await;
        client.close().await;
        if snapshot_of(&frames).is_some() {
            break frames;
        }
        assert!(Instant::now() < deadline, "the prefix was never dropped");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let parts = frames
        .iter()
        .filter(|f| matches!(f, RelayFrame::SnapshotPart { .. }))
        .count();
    assert_eq!(parts, 3);
    assert_eq!(snapshot_of(&frames), Some((6, snapshot.clone())));
    let tail: Vec<_> = (7..=10u64)
        .map(|s| (s, format!("u{s}").into_bytes()))
        .collect();
    assert_eq!(updates(&frames), tail);
    assert_eq!(frames.last(), Some(&RelayFrame::CaughtUp { head: 10 }));

    // A client whose `since` fell in the dropped prefix also needs the snapshot.
    let (_, frames) = Client::join_caught_up(&server, &r, 3).await;
    assert_eq!(snapshot_of(&frames).map(|s| s.0), Some(6));
    assert_eq!(updates(&frames), tail);

    // Clients inside the kept log get only the tail.
    for since in [6u64, 8] {
        let (_, frames) = Client::join_caught_up(&server, &r, since).await;
        assert_eq!(snapshot_of(&frames), None);
        let want: Vec<_> = tail.iter().filter(|(s, _)| *s > since).cloned().collect();
        assert_eq!(updates(&frames), want, "since {since}");
    }

    // A newer snapshot replaces it; an older one is ignored.
    upload(&mut writer, 2, 9, b"newer").await;
    upload(&mut writer, 3, 8, b"older").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, frames) = Client::join_caught_up(&server, &r, 0).await;
        if let Some((9, bytes)) = snapshot_of(&frames) {
            assert_eq!(bytes, b"newer");
            assert_eq!(updates(&frames), vec![(10, b"u10".to_vec())]);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the newer snapshot was never used"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_snapshot_beyond_the_head_is_refused() {
    let server = Server::start(&[]);
    let r = room(2);
    let mut writer = room_with_ten_updates(&server, &r).await;
    upload(&mut writer, 1, 11, b"from the future").await;
    let (code, reason) = writer.expect_close().await;
    assert_eq!(code, 4403);
    assert_eq!(
        reason,
        "a snapshot up to 11 is beyond the room's latest sequence number 10"
    );
}

#[tokio::test]
async fn snapshot_parts_out_of_order_are_refused() {
    let server = Server::start(&[]);
    let r = room(3);
    let mut writer = room_with_ten_updates(&server, &r).await;
    let part = |index| ClientFrame::SnapshotPart {
        upto: 5,
        snapshot_ref: 4,
        index,
        count: 3,
        payload: Cow::Borrowed(b"x"),
    };
    writer.send(&[part(0), part(2)]).await;
    let (code, reason) = writer.expect_close().await;
    assert_eq!(code, 4403);
    assert!(reason.contains("out of order"), "{reason}");
}
