//! Every limit and protocol violation closes only the offending connection, with its
//! close code and a reason a person can read, while the rest of the room carries on.

mod common;

use std::time::Duration;

use common::{room, Client, Received, Server};
use constellation_protocol::{ClientFrame, RelayFrame};

/// Two clients of one room that keep working whatever happens to a third.
async fn bystanders(server: &Server, r: &str) -> (Client, Client) {
    let (a, _) = Client::join_caught_up(server, r, 0).await;
    let (b, _) = Client::join_caught_up(server, r, 0).await;
    (a, b)
}

async fn still_working(a: &mut Client, b: &mut Client, client_ref: u32) {
    let seq = a.update(client_ref, b"still here").await;
    // `b` may first see the offender's presence or its LEFT.
    loop {
        match b.next().await {
            RelayFrame::Presence { .. } | RelayFrame::Left { .. } => continue,
            frame => {
                assert_eq!(frame, RelayFrame::update(seq, b"still here"));
                return;
            }
        }
    }
}

#[tokio::test]
async fn an_oversized_frame_closes_only_its_connection() {
    let server = Server::start(&[]);
    let r = room(1);
    let (mut a, mut b) = bystanders(&server, &r).await;
    let (mut big, _) = Client::join_caught_up(&server, &r, 0).await;
    big.send(&[ClientFrame::update(1, &vec![0; 300_000])]).await;
    let (code, reason) = big.expect_close().await;
    assert_eq!(code, 4413);
    assert_eq!(
        reason,
        "frame of 300010 bytes is over the 262144-byte limit"
    );
    still_working(&mut a, &mut b, 1).await;
}

#[tokio::test]
async fn an_oversized_message_is_refused() {
    let server = Server::start(&[]);
    let r = room(2);
    let (mut a, mut b) = bystanders(&server, &r).await;
    let (mut big, _) = Client::join_caught_up(&server, &r, 0).await;
    // Five frames under the frame limit make a message over 4 × the limit.
    let payload = vec![0; 250_000];
    let frames: Vec<_> = (0..5).map(|i| ClientFrame::update(i, &payload)).collect();
    big.send_refused(&frames).await;
    let (code, reason) = big.expect_close().await;
    assert_eq!(code, 4413);
    assert_eq!(reason, "message is over the 1048576-byte limit");
    still_working(&mut a, &mut b, 1).await;
}

#[tokio::test]
async fn too_many_frames_per_second_close_with_4429() {
    let server = Server::start(&["--max-frames-per-second", "5", "--frame-burst", "10"]);
    let r = room(3);
    let (mut a, mut b) = bystanders(&server, &r).await;
    let (mut fast, _) = Client::join_caught_up(&server, &r, 0).await;
    for _ in 0..20 {
        fast.send(&[ClientFrame::presence(b"cursor")]).await;
    }
    let (code, reason) = fast.expect_close().await;
    assert_eq!(code, 4429);
    assert_eq!(reason, "more than 5 frames per second (burst 10)");
    still_working(&mut a, &mut b, 1).await;
}

#[tokio::test]
async fn a_full_room_refuses_with_4503_and_other_rooms_still_work() {
    let server = Server::start(&["--max-connections-per-room", "2"]);
    let r = room(4);
    let (mut a, mut b) = bystanders(&server, &r).await;
    let mut third = Client::connect(&server, &r).await;
    third.send(&[ClientFrame::Hello { since: 0 }]).await;
    let (code, reason) = third.expect_close().await;
    assert_eq!(code, 4503);
    assert_eq!(reason, "this room is full (2 connections); try again later");
    still_working(&mut a, &mut b, 1).await;
    let (mut elsewhere, _) = Client::join_caught_up(&server, &room(5), 0).await;
    assert_eq!(elsewhere.update(1, b"x").await, 1);
    // When one leaves, there is room again.
    b.close().await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let mut next = Client::connect(&server, &r).await;
        next.send(&[ClientFrame::Hello { since: 0 }]).await;
        match next.recv_within(common::WAIT).await {
            Some(Received::Frames(frames)) if matches!(frames[0], RelayFrame::Welcome { .. }) => {
                break
            }
            _ => assert!(
                tokio::time::Instant::now() < deadline,
                "the room never freed up"
            ),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_full_server_refuses_with_4503() {
    let server = Server::start(&["--max-connections", "2"]);
    let (mut a, _) = Client::join_caught_up(&server, &room(6), 0).await;
    let (mut b, _) = Client::join_caught_up(&server, &room(7), 0).await;
    let mut third = Client::connect(&server, &room(8)).await;
    let (code, reason) = third.expect_close().await;
    assert_eq!(code, 4503);
    assert_eq!(
        reason,
        "the server is full (2 connections); try again later"
    );
    assert_eq!(a.update(1, b"a").await, 1);
    assert_eq!(b.update(1, b"b").await, 1);
}

#[tokio::test]
async fn protocol_violations_close_with_their_codes() {
    let server = Server::start(&[]);
    let r = room(9);
    let (mut a, mut b) = bystanders(&server, &r).await;
    let hello = ClientFrame::Hello { since: 0 }.to_bytes();
    // Version 1 (before signed rooms) is no longer spoken.
    let mut version_1 = hello.clone();
    version_1[0] = 1;
    let unknown_kind = vec![2, 0x09, 0, 0, 0, 0];
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "unknown version",
            version_1,
            4402,
            "protocol version 1 is not supported",
        ),
        (
            "unknown kind",
            unknown_kind,
            4401,
            "unknown frame kind 0x09 from a client",
        ),
        (
            "garbage",
            vec![2, 2, 3],
            4400,
            "the message ends 3 bytes into a frame header",
        ),
        (
            "truncated",
            vec![2, 2, 9, 0, 0, 0, 1, 2],
            4400,
            "a frame announces a 9-byte body but only 2 bytes are left",
        ),
        (
            "empty message",
            Vec::new(),
            4400,
            "an empty message carries no frame",
        ),
        (
            "update before hello",
            ClientFrame::update(1, b"x").to_bytes(),
            4403,
            "the first frame must be HELLO, not UPDATE",
        ),
        (
            "second hello",
            [hello.clone(), hello.clone()].concat(),
            4403,
            "HELLO may be sent only once per connection",
        ),
    ];
    for (name, bytes, code, reason) in cases {
        let mut bad = Client::connect(&server, &r).await;
        bad.send_raw(bytes).await;
        let (got_code, got_reason) = bad.expect_close().await;
        assert_eq!(got_code, code, "{name}: {got_reason}");
        assert!(got_reason.starts_with(reason), "{name}: {got_reason}");
    }
    let mut text = Client::connect(&server, &r).await;
    text.send_text("hello").await;
    let (code, reason) = text.expect_close().await;
    assert_eq!(code, 4400);
    assert_eq!(
        reason,
        "text messages are not part of the protocol; send binary frames"
    );
    // A second HELLO in its own message after joining.
    let (mut twice, _) = Client::join_caught_up(&server, &r, 0).await;
    twice.send(&[ClientFrame::Hello { since: 0 }]).await;
    assert_eq!(twice.expect_close().await.0, 4403);
    still_working(&mut a, &mut b, 1).await;
}

#[tokio::test]
async fn an_invalid_room_id_is_refused_before_the_upgrade() {
    let server = Server::start(&[]);
    for bad in ["short", "AAAAAAAAAAAAAAAAAAAAA!", "AAAAAAAAAAAAAAAAAAAAAB"] {
        let url = format!("ws://{}/ws/{bad}", server.addr);
        match tokio_tungstenite::connect_async(url).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                assert_eq!(response.status(), 400, "{bad}");
            }
            other => panic!("{bad}: expected HTTP 400, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_silent_connection_times_out_with_4408() {
    let server = Server::start(&["--idle-timeout-seconds", "1"]);
    let r = room(10);
    let (mut listening, _) = Client::join_caught_up(&server, &r, 0).await;
    let (mut silent, _) = Client::join_caught_up(&server, &r, 0).await;
    // `listening` keeps reading, so it answers the relay's pings; `silent` does not,
    // and `listening` learns that it left.
    let start = tokio::time::Instant::now();
    while let Some(got) = listening
        .recv_within(Duration::from_millis(2500).saturating_sub(start.elapsed()))
        .await
    {
        match got {
            Received::Frames(frames) => assert_eq!(frames, vec![RelayFrame::Left { conn: 2 }]),
            Received::Closed { code, .. } => panic!("the listening client was closed with {code}"),
        }
    }
    let (code, reason) = silent.expect_close().await;
    assert_eq!(code, 4408);
    assert_eq!(
        reason,
        "no message for 1 s; the connection is presumed dead"
    );
    assert_eq!(listening.update(1, b"alive").await, 1);
}
