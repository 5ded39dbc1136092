//! `catchup`: fills one room's log with many updates through a few writer
//! connections (pipelined, many UPDATEs per message), then times fresh clients
//! that join with HELLO{since: 0}: from opening the TCP connection to CAUGHT_UP,
//! with the bytes and messages it took. This is the relay's share of "a late
//! joiner is interactive"; decrypting and applying the updates in the app comes
//! on top and is measured by the app's own benchmarks.

use std::time::Duration;

use bytes::Bytes;
use clap::Args;
use constellation_protocol::{decode_relay_message, kind, Limits, RelayFrame, HEADER_LEN};
use futures_util::{SinkExt, StreamExt};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;

use crate::client::{self, now_ns, Rng};
use crate::procstat::{self, human_bytes, Sample, Usage};
use crate::target::Target;

#[derive(Debug, Clone, Args)]
pub struct CatchupArgs {
    /// Updates stored in the room before the late joiner arrives.
    #[arg(long, default_value_t = 50_000)]
    pub updates: usize,
    /// Payload bytes of each update.
    #[arg(long, default_value_t = 200)]
    pub update_bytes: usize,
    /// Writer connections that fill the log.
    #[arg(long, default_value_t = 4)]
    pub writers: usize,
    /// UPDATE frames per message while filling.
    #[arg(long, default_value_t = 50)]
    pub batch: usize,
    /// Unacknowledged updates each writer may have in flight.
    #[arg(long, default_value_t = 1000)]
    pub window: usize,
    /// Late joiners, one after the other (the first one reads a cold room).
    #[arg(long, default_value_t = 3)]
    pub joins: usize,
}

/// Fills with `total` updates; returns after every one is ACKed.
async fn writer(url: String, id: u32, total: usize, args: CatchupArgs) -> Result<(), String> {
    let mut ws = client::connect(&url, None).await?;
    client::hello_and_catch_up(&mut ws, 0).await?;
    let mut rng = Rng::new(u64::from(id) + 99);
    let body = 4 + args.update_bytes;
    let mut frame = vec![0u8; HEADER_LEN + body];
    frame[0] = constellation_protocol::PROTOCOL_VERSION;
    frame[1] = kind::UPDATE;
    frame[2..6].copy_from_slice(&(body as u32).to_le_bytes());
    let limits = Limits::default();
    let (mut sent, mut acked) = (0usize, 0usize);
    let mut message = Vec::with_capacity(frame.len() * args.batch);
    let deadline = Instant::now() + Duration::from_secs(600);
    while acked < total {
        while sent < total && sent - acked + args.batch <= args.window.max(args.batch) {
            message.clear();
            let k = args.batch.min(total - sent);
            for _ in 0..k {
                sent += 1;
                frame[HEADER_LEN..HEADER_LEN + 4].copy_from_slice(&(sent as u32).to_le_bytes());
                rng.fill(&mut frame[HEADER_LEN + 4..]);
                frame[HEADER_LEN + 4..HEADER_LEN + 12].copy_from_slice(&now_ns().to_le_bytes());
                frame[HEADER_LEN + 12..HEADER_LEN + 16].copy_from_slice(&id.to_le_bytes());
                message.extend_from_slice(&frame);
            }
            ws.send(Message::Binary(Bytes::copy_from_slice(&message)))
                .await
                .map_err(|e| format!("send failed: {e}"))?;
        }
        let msg = tokio::time::timeout_at(deadline, ws.next())
            .await
            .map_err(|_| "filling took over 10 minutes".to_string())?;
        match msg {
            Some(Ok(Message::Binary(bytes))) => {
                let frames = decode_relay_message(&bytes, &limits)
                    .map_err(|e| format!("the relay sent a bad message: {e}"))?;
                acked += frames
                    .iter()
                    .filter(|f| matches!(f, RelayFrame::Ack { .. }))
                    .count();
            }
            Some(Ok(Message::Close(f))) => return Err(client::close_reason(f)),
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(format!("socket error: {e}")),
            None => return Err("the socket ended".into()),
        }
    }
    let _ = tokio::time::timeout(Duration::from_secs(2), ws.close(None)).await;
    Ok(())
}

struct Join {
    connect_ms: f64,
    welcome_ms: f64,
    first_update_ms: f64,
    caught_up_ms: f64,
    updates: u64,
    bytes: u64,
    messages: u64,
    head: u64,
    usage: Usage,
}

async fn late_join(url: &str, pid: Option<u32>) -> Result<Join, String> {
    let limits = Limits::default();
    let before = Sample::take(pid);
    let t0 = Instant::now();
    let ms = |t: Instant| t.duration_since(t0).as_secs_f64() * 1e3;
    let mut ws = client::connect(url, None).await?;
    let connected = Instant::now();
    client::send_frames(&mut ws, &[constellation_protocol::ClientFrame::Hello { since: 0 }]).await?;
    let (mut welcome, mut first_update) = (None, None);
    let (mut updates, mut bytes_in, mut messages, mut last_seq) = (0u64, 0u64, 0u64, 0u64);
    let reading = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Binary(bytes))) => {
                    bytes_in += bytes.len() as u64;
                    messages += 1;
                    let frames = decode_relay_message(&bytes, &limits)
                        .map_err(|e| format!("the relay sent a bad message: {e}"))?;
                    for frame in frames {
                        match frame {
                            RelayFrame::Welcome { .. } => welcome = Some(Instant::now()),
                            RelayFrame::Update { seq, .. } => {
                                if first_update.is_none() {
                                    first_update = Some(Instant::now());
                                }
                                if seq != last_seq + 1 {
                                    return Err(format!(
                                        "catch-up skipped from {last_seq} to {seq}"
                                    ));
                                }
                                last_seq = seq;
                                updates += 1;
                            }
                            RelayFrame::CaughtUp { head } => return Ok((Instant::now(), head)),
                            _ => {}
                        }
                    }
                }
                Some(Ok(Message::Close(f))) => return Err(client::close_reason(f)),
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(format!("socket error: {e}")),
                None => return Err("the socket ended".into()),
            }
        }
    };
    let (caught_up, head) = tokio::time::timeout(Duration::from_secs(120), reading)
        .await
        .map_err(|_| "no CAUGHT_UP within 120 s".to_string())??;
    let after = Sample::take(pid);
    let _ = tokio::time::timeout(Duration::from_secs(2), ws.close(None)).await;
    Ok(Join {
        connect_ms: ms(connected),
        welcome_ms: welcome.map_or(f64::NAN, ms),
        first_update_ms: first_update.map_or(f64::NAN, ms),
        caught_up_ms: ms(caught_up),
        updates,
        bytes: bytes_in,
        messages,
        head,
        usage: Usage::between(&before, &after),
    })
}

pub async fn run(target: &Target, args: CatchupArgs) -> Result<serde_json::Value, String> {
    if args.update_bytes < 12 || args.writers == 0 || args.batch == 0 {
        return Err("--update-bytes ≥ 12, --writers ≥ 1 and --batch ≥ 1 are needed".into());
    }
    let mut rng = Rng::new(now_ns() ^ 0xCA7C);
    let room = client::room_id(&mut rng);
    let url = target.room_url(&room);

    eprintln!(
        "catchup: filling one room with {} updates of {} B through {} writers…",
        args.updates, args.update_bytes, args.writers
    );
    let fill_before = Sample::take(target.pid);
    let fill_start = Instant::now();
    let per = args.updates / args.writers;
    let tasks: Vec<_> = (0..args.writers)
        .map(|w| {
            let total = per + usize::from(w < args.updates % args.writers);
            tokio::spawn(writer(url.clone(), w as u32 + 1, total, args.clone()))
        })
        .collect();
    for t in tasks {
        t.await
            .map_err(|e| format!("a writer failed: {e}"))?
            .map_err(|e| {
                if e.contains("4429") {
                    format!("{e}; filling needs a relay started with a high --max-frames-per-second and --frame-burst (--spawn sets them)")
                } else {
                    e
                }
            })?;
    }
    let fill_seconds = fill_start.elapsed().as_secs_f64();
    let fill_after = Sample::take(target.pid);
    let fill = Usage::between(&fill_before, &fill_after);
    let store_bytes = target.store_bytes();
    eprintln!(
        "catchup: filled in {fill_seconds:.1} s ({:.0} updates/s); timing {} late joiners",
        args.updates as f64 / fill_seconds,
        args.joins
    );
    // Let the writers' connections leave and the room go idle, as for a real late
    // joiner arriving later.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let rss_before = target.pid.and_then(procstat::rss_bytes);
    let mut joins = Vec::new();
    for _ in 0..args.joins.max(1) {
        let join = late_join(&url, target.pid).await?;
        if join.updates != args.updates as u64 || join.head != args.updates as u64 {
            return Err(format!(
                "the late joiner got {} updates up to head {}, expected {}",
                join.updates, join.head, args.updates
            ));
        }
        joins.push(join);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let peak_rss = target.pid.and_then(procstat::peak_rss_bytes);

    let mut sorted: Vec<f64> = joins.iter().map(|j| j.caught_up_ms).collect();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let first = &joins[0];
    let json_joins: Vec<_> = joins
        .iter()
        .map(|j| {
            serde_json::json!({
                "connect_ms": j.connect_ms,
                "welcome_ms": j.welcome_ms,
                "first_update_ms": j.first_update_ms,
                "caught_up_ms": j.caught_up_ms,
                "updates": j.updates,
                "bytes": j.bytes,
                "messages": j.messages,
                "server_cpu_seconds": j.usage.server_cpu,
                "loadgen_cpu_seconds": j.usage.self_cpu,
            })
        })
        .collect();
    let json = serde_json::json!({
        "scenario": "catchup",
        "updates": args.updates,
        "update_bytes": args.update_bytes,
        "writers": args.writers,
        "fill_seconds": fill_seconds,
        "fill_updates_per_sec": args.updates as f64 / fill_seconds,
        "fill_usage": fill.json(),
        "store_file_bytes": store_bytes,
        "joins": json_joins,
        "caught_up_ms_median": median,
        "caught_up_ms_first": first.caught_up_ms,
        "server_rss_before_joins_bytes": rss_before,
        "server_rss_peak_bytes": peak_rss,
    });

    let mut out = String::new();
    out += &format!(
        "== catchup: a late joiner to a room log of {} updates × {} B ==\n",
        args.updates, args.update_bytes
    );
    out += &format!(
        "  fill               {} updates in {fill_seconds:.1} s = {:.0} stored/s ({} writers, {} per message); server CPU {}, loadgen CPU {:.2} s\n",
        args.updates,
        args.updates as f64 / fill_seconds,
        args.writers,
        args.batch,
        fill.server_cpu.map_or("?".into(), |c| format!("{c:.2} s")),
        fill.self_cpu,
    );
    if let Some(b) = store_bytes {
        out += &format!("  store file         {}\n", human_bytes(b as f64));
    }
    for (i, j) in joins.iter().enumerate() {
        out += &format!(
            "  join {}             connected {:.1} ms, WELCOME {:.1} ms, first update {:.1} ms, CAUGHT_UP {:.1} ms; {} updates, {} in {} messages; server CPU {}\n",
            i + 1,
            j.connect_ms,
            j.welcome_ms,
            j.first_update_ms,
            j.caught_up_ms,
            j.updates,
            human_bytes(j.bytes as f64),
            j.messages,
            j.usage.server_cpu.map_or("?".into(), |c| format!("{:.0} ms", c * 1e3)),
        );
    }
    out += &format!(
        "  catch-up time      median {median:.1} ms over {} joins (connect → CAUGHT_UP, relay side only)\n",
        joins.len()
    );
    if let (Some(b), Some(p)) = (rss_before, peak_rss) {
        out += &format!(
            "  server RSS         {} before the joins, peak {}\n",
            human_bytes(b as f64),
            human_bytes(p as f64)
        );
    }
    Ok(serde_json::json!({ "report": out, "result": json }))
}
