//! Presence: broadcast to the others of the room, coalesced to at most one batch per
//! 100 ms carrying the latest value, given to late joiners, and dropped with LEFT
//! when its connection closes.

mod common;

use std::time::Duration;

use common::{room, Client, Received, Server};
use constellation_protocol::{ClientFrame, RelayFrame};

#[tokio::test]
async fn rapid_presence_is_coalesced_to_the_latest_value() {
    let server = Server::start(&[]);
    let r = room(1);
    let (mut mover, _) = Client::join_caught_up(&server, &r, 0).await;
    let (mut watcher, _) = Client::join_caught_up(&server, &r, 0).await;
    for i in 0..50 {
        mover
            .send(&[ClientFrame::presence(format!("cursor {i}").as_bytes())])
            .await;
    }
    let mut batches = 0;
    let mut latest = Vec::new();
    while latest != b"cursor 49" {
        match watcher.recv_within(common::WAIT).await {
            Some(Received::Frames(frames)) => {
                batches += 1;
                // One batch holds at most one presence per connection.
                assert_eq!(frames.len(), 1, "{frames:?}");
                match &frames[0] {
                    RelayFrame::Presence { conn: 1, payload } => latest = payload.to_vec(),
                    other => panic!("unexpected {other:?}"),
                }
            }
            other => panic!("expected presence, got {other:?}"),
        }
    }
    assert!(
        batches <= 5,
        "{batches} presence batches for 50 presence frames"
    );
    watcher.expect_silence(Duration::from_millis(300)).await;
    // The sender never gets its own presence back.
    mover.expect_silence(Duration::from_millis(100)).await;
}

#[tokio::test]
async fn late_joiners_get_the_current_presence_and_leavers_are_announced() {
    let server = Server::start(&[]);
    let r = room(2);
    let (mut first, _) = Client::join_caught_up(&server, &r, 0).await;
    let (mut second, _) = Client::join_caught_up(&server, &r, 0).await;
    first.send(&[ClientFrame::presence(b"first is here")]).await;
    second
        .send(&[ClientFrame::presence(b"second is here")])
        .await;
    assert_eq!(
        first.next().await,
        RelayFrame::presence(2, b"second is here")
    );
    assert_eq!(
        second.next().await,
        RelayFrame::presence(1, b"first is here")
    );

    let (mut late, _) = Client::join_caught_up(&server, &r, 0).await;
    let mut got = vec![late.next().await, late.next().await];
    got.sort_by_key(|f| format!("{f:?}"));
    assert_eq!(
        got,
        vec![
            RelayFrame::presence(1, b"first is here"),
            RelayFrame::presence(2, b"second is here")
        ]
    );

    first.close().await;
    assert_eq!(second.next().await, RelayFrame::Left { conn: 1 });
    assert_eq!(late.next().await, RelayFrame::Left { conn: 1 });
    let (mut later, _) = Client::join_caught_up(&server, &r, 0).await;
    assert_eq!(
        later.next().await,
        RelayFrame::presence(2, b"second is here")
    );
    later.expect_silence(Duration::from_millis(300)).await;
}
