//! What survives what: every ACKed update survives SIGKILL at any moment (the ACK
//! is sent only after the commit), snapshots and dropped prefixes survive too,
//! presence never does, payloads are stored byte-exact, and SIGTERM closes every
//! socket with 1001 and exits 0.

mod common;

use std::borrow::Cow;
use std::time::Duration;

use common::{room, updates, Client, Dirs, Server};
use constellation_protocol::{ClientFrame, RelayFrame};

/// A payload no other test byte sequence could match by chance.
fn payload(i: u32) -> Vec<u8> {
    let mut p = format!("update {i} ").into_bytes();
    p.extend((0..=255u8).map(|b| b.wrapping_mul(31).wrapping_add(i as u8)));
    p
}

#[tokio::test]
async fn acked_updates_survive_sigkill_and_presence_does_not() {
    let dirs = Dirs::new();
    let r = room(1);
    let mut server = Server::start_in(
        &dirs,
        &["--max-frames-per-second", "10000", "--frame-burst", "10000"],
    );
    let (mut watcher, _) = Client::join_caught_up(&server, &r, 0).await;
    let (mut writer, _) = Client::join_caught_up(&server, &r, 0).await;
    writer
        .send(&[ClientFrame::presence(b"PRESENCE-MARKER")])
        .await;
    assert!(matches!(watcher.next().await, RelayFrame::Presence { .. }));
    // 300 updates in messages of 30; kill the server the moment the last ACK arrives.
    for batch in 0..10u32 {
        let payloads: Vec<_> = (0..30).map(|i| payload(batch * 30 + i)).collect();
        let frames: Vec<_> = payloads
            .iter()
            .enumerate()
            .map(|(i, p)| ClientFrame::update(batch * 30 + i as u32, p))
            .collect();
        writer.send(&frames).await;
    }
    let mut acked = Vec::new();
    while acked.len() < 300 {
        if let RelayFrame::Ack { client_ref, seq } = writer.next().await {
            acked.push((seq, payload(client_ref)));
        }
    }
    server.kill9();

    let server = Server::start_in(&dirs, &[]);
    let (mut reader, frames) = Client::join_caught_up(&server, &r, 0).await;
    acked.sort();
    assert_eq!(updates(&frames), acked);
    assert!(
        frames
            .iter()
            .all(|f| !matches!(f, RelayFrame::Presence { .. })),
        "presence was stored"
    );
    reader.expect_silence(Duration::from_millis(300)).await;
    // Numbering goes on after the restart.
    assert_eq!(reader.update(1, b"after restart").await, 301);
    // Payloads are stored byte-exact; presence is not stored at all.
    let file = std::fs::read(server.store_file()).unwrap();
    assert!(contains(&file, &payload(123)));
    assert!(!contains(&file, b"PRESENCE-MARKER"));
}

#[tokio::test]
async fn snapshots_and_dropped_prefixes_survive_sigkill() {
    let dirs = Dirs::new();
    let r = room(2);
    let mut server = Server::start_in(&dirs, &[]);
    let (mut writer, _) = Client::join_caught_up(&server, &r, 0).await;
    for i in 1..=5u32 {
        writer.update(i, &payload(i)).await;
    }
    writer
        .send(&[ClientFrame::SnapshotPart {
            upto: 3,
            snapshot_ref: 1,
            index: 0,
            count: 1,
            payload: Cow::Borrowed(b"snapshot to 3"),
        }])
        .await;
    // Wait until the prefix is gone (then the snapshot is certainly stored).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, frames) = Client::join_caught_up(&server, &r, 0).await;
        if matches!(frames[0], RelayFrame::SnapshotPart { .. }) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the prefix was never dropped"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.kill9();
    let server = Server::start_in(&dirs, &[]);
    let (_, frames) = Client::join_caught_up(&server, &r, 0).await;
    assert_eq!(
        frames[0],
        RelayFrame::SnapshotPart {
            upto: 3,
            index: 0,
            count: 1,
            payload: Cow::Borrowed(b"snapshot to 3")
        }
    );
    assert_eq!(updates(&frames), vec![(4, payload(4)), (5, payload(5))]);
}

#[tokio::test]
async fn sigterm_closes_sockets_with_1001_and_exits_zero() {
    let dirs = Dirs::new();
    let r = room(3);
    let mut server = Server::start_in(&dirs, &[]);
    let (mut a, _) = Client::join_caught_up(&server, &r, 0).await;
    let (mut b, _) = Client::join_caught_up(&server, &room(4), 0).await;
    assert_eq!(a.update(1, b"kept").await, 1);
    let status = server.terminate();
    assert_eq!(status.code(), Some(0), "{status}");
    for client in [&mut a, &mut b] {
        let (code, reason) = client.expect_close().await;
        assert_eq!(code, 1001);
        assert_eq!(reason, "the server is shutting down");
    }
    let server = Server::start_in(&dirs, &[]);
    let (_, frames) = Client::join_caught_up(&server, &r, 0).await;
    assert_eq!(updates(&frames), vec![(1, b"kept".to_vec())]);
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
