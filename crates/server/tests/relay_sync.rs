//! The relay's core promise on the real binary: one order per room that every
//! client sees, ACKs for senders, catch-up from any sequence number without loss or
//! reordering (also while updates keep arriving), and rooms that never mix.

mod common;

use std::time::Duration;

use common::{room, updates, Client, Server};
use constellation_protocol::{ClientFrame, RelayFrame};

#[tokio::test]
async fn concurrent_senders_get_acks_and_everyone_sees_one_order() {
    let server = Server::start(&[]);
    let r = room(1);
    let (mut watcher, caught_up) = Client::join_caught_up(&server, &r, 0).await;
    assert_eq!(caught_up, vec![RelayFrame::CaughtUp { head: 0 }]);

    // Three senders each send 30 updates as fast as they can.
    let mut senders = Vec::new();
    for s in 0..3u8 {
        let (client, _) = Client::join_caught_up(&server, &r, 0).await;
        senders.push((s, client));
    }
    let tasks: Vec<_> = senders
        .into_iter()
        .map(|(s, mut client)| {
            tokio::spawn(async move {
                for i in 0..30u32 {
                    let payload = [s, i as u8];
                    client.send(&[ClientFrame::update(i, &payload)]).await;
                }
                // Collect the sender's view: its ACKs and the others' updates.
                let mut acks = Vec::new();
                let mut seen = Vec::new();
                while acks.len() < 30 || seen.len() < 60 {
                    match client.next().await {
                        RelayFrame::Ack { client_ref, seq } => acks.push((client_ref, seq)),
                        RelayFrame::Update { seq, payload } => seen.push((seq, payload.to_vec())),
                        _ => {}
                    }
                }
                (s, acks, seen)
            })
        })
        .collect();

    let mut watched = Vec::new();
    while watched.len() < 90 {
        if let RelayFrame::Update { seq, payload } = watcher.next().await {
            watched.push((seq, payload.to_vec()));
        }
    }
    // The watcher sees 1..=90 in order, each sender's updates in its own order.
    assert_eq!(
        watched.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        (1..=90).collect::<Vec<_>>()
    );
    for s in 0..3u8 {
        let own: Vec<u8> = watched
            .iter()
            .filter(|(_, p)| p[0] == s)
            .map(|(_, p)| p[1])
            .collect();
        assert_eq!(own, (0..30).collect::<Vec<u8>>());
    }
    for task in tasks {
        let (s, acks, seen) = task.await.unwrap();
        // ACKs come in send order with increasing seqs that match the watcher's order.
        assert_eq!(
            acks.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            (0..30).collect::<Vec<_>>()
        );
        assert!(acks.windows(2).all(|w| w[0].1 < w[1].1));
        for (client_ref, seq) in &acks {
            assert_eq!(watched[*seq as usize - 1].1, vec![s, *client_ref as u8]);
        }
        // A sender never gets its own updates echoed, and sees the others' in the one order.
        assert!(seen.iter().all(|(_, p)| p[0] != s));
        let expected: Vec<_> = watched.iter().filter(|(_, p)| p[0] != s).cloned().collect();
        assert_eq!(seen, expected);
    }
}

#[tokio::test]
async fn catch_up_from_zero_middle_and_head() {
    let server = Server::start(&[]);
    let r = room(2);
    let (mut writer, _) = Client::join_caught_up(&server, &r, 0).await;
    for i in 1..=20u32 {
        assert_eq!(
            writer.update(i, format!("u{i}").as_bytes()).await,
            u64::from(i)
        );
    }
    for (since, first) in [(0u64, 1u64), (7, 8), (20, 21)] {
        let expected = first..=20;
        let (mut reader, head, _) = Client::join(&server, &r, since).await;
        assert_eq!(head, 20);
        let frames = reader.until_caught_up().await;
        assert_eq!(frames.last(), Some(&RelayFrame::CaughtUp { head: 20 }));
        let got = updates(&frames);
        let want: Vec<_> = expected
            .map(|s| (s, format!("u{s}").into_bytes()))
            .collect();
        assert_eq!(got, want, "since {since}");
    }
    // A client that claims more than the relay has only learns the head.
    let (_, frames) = Client::join_caught_up(&server, &r, 99).await;
    assert_eq!(frames, vec![RelayFrame::CaughtUp { head: 20 }]);
}

#[tokio::test]
async fn a_long_history_streams_in_bounded_messages_while_updates_keep_coming() {
    let server = Server::start(&[
        "--max-frames-per-second",
        "100000",
        "--frame-burst",
        "100000",
    ]);
    let r = room(3);
    let (mut writer, _) = Client::join_caught_up(&server, &r, 0).await;
    // 3,000 updates of 1 KiB (3 MiB of history), sent in messages of 100 frames.
    let payload = vec![0x5A; 1024];
    for batch in 0..30u32 {
        let frames: Vec<_> = (0..100)
            .map(|i| ClientFrame::update(batch * 100 + i, &payload))
            .collect();
        writer.send(&frames).await;
    }
    let mut acked = 0;
    while acked < 3000 {
        if let RelayFrame::Ack { .. } = writer.next().await {
            acked += 1;
        }
    }
    // A reader joins from 0 while the writer keeps sending.
    let (mut reader, head, _) = Client::join(&server, &r, 0).await;
    assert_eq!(head, 3000);
    let live = tokio::spawn(async move {
        for i in 0..50u32 {
            writer
                .send(&[ClientFrame::update(10_000 + i, b"live")])
                .await;
        }
        writer
    });
    let mut seqs = Vec::new();
    let mut caught_up_at = None;
    while seqs.len() < 3050 {
        match reader.next().await {
            RelayFrame::Update { seq, .. } => seqs.push(seq),
            RelayFrame::CaughtUp { head } => caught_up_at = Some((head, seqs.len())),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        seqs,
        (1..=3050).collect::<Vec<_>>(),
        "nothing lost, duplicated or reordered"
    );
    assert_eq!(caught_up_at, Some((3000, 3000)));
    // About 3 MiB went out in messages of at most 256 KiB each (plus one frame).
    assert!(reader.messages >= 12, "{} messages", reader.messages);
    live.await.unwrap();
}

#[tokio::test]
async fn rooms_are_isolated() {
    let server = Server::start(&[]);
    let (a, b) = (room(4), room(5));
    let (mut in_a, _) = Client::join_caught_up(&server, &a, 0).await;
    let (mut in_b, _) = Client::join_caught_up(&server, &b, 0).await;
    let (mut other_a, _) = Client::join_caught_up(&server, &a, 0).await;
    other_a.send(&[ClientFrame::presence(b"here")]).await;
    assert_eq!(other_a.update(1, b"for room A").await, 1);
    assert_eq!(
        in_b.update(1, b"for room B").await,
        1,
        "each room numbers from 1"
    );
    // Presence is batched and updates are not, so their order may vary.
    let mut got = vec![in_a.next().await, in_a.next().await];
    got.sort_by_key(|f| f.kind());
    assert_eq!(
        got,
        vec![
            RelayFrame::update(1, b"for room A"),
            RelayFrame::presence(2, b"here")
        ]
    );
    for client in [&mut in_a, &mut in_b, &mut other_a] {
        client.expect_silence(Duration::from_millis(300)).await;
    }
    let (_, frames) = Client::join_caught_up(&server, &b, 0).await;
    assert_eq!(updates(&frames), vec![(1, b"for room B".to_vec())]);
}
