//! `room`: N clients in one room, each sending UPDATEs of a given size at a given
//! rate and PRESENCE at a given frequency, for a fixed time.
//!
//! Every payload starts with the sender's timestamp (ns on the process-wide
//! monotonic clock) and its client number, then random bytes. A receiver
//! subtracts the timestamp from its own clock reading when the message arrives:
//! that is the fan-out latency (send → relay → store commit → broadcast →
//! receiver), measured in one process so no clock skew is involved. Only
//! payloads *sent* inside the measurement window (after the warm-up) count, and
//! the clients keep reading for a drain period after sending stops, so every
//! counted update has had time to arrive everywhere.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use clap::Args;
use constellation_protocol::{decode_relay_message, kind, Limits, RelayFrame, HEADER_LEN};
use futures_util::{SinkExt, StreamExt};
use tokio::sync::{mpsc, watch, Semaphore};
use tokio::time::{Instant, MissedTickBehavior};
use tokio_tungstenite::tungstenite::Message;

use crate::client::{self, now_ns, stamp_of, Rng};
use crate::hist::Hist;
use crate::procstat::{self, human_bytes, Sample, Usage};
use crate::target::Target;

#[derive(Debug, Clone, Args)]
pub struct RoomArgs {
    /// Clients in the room.
    #[arg(long, default_value_t = 500)]
    pub clients: usize,
    /// UPDATEs each client sends per second.
    #[arg(long, default_value_t = 2.0)]
    pub updates_per_sec: f64,
    /// Payload bytes of each UPDATE (at least 12: timestamp and sender).
    #[arg(long, default_value_t = 200)]
    pub update_bytes: usize,
    /// PRESENCE frames each client sends per second (0 = none).
    #[arg(long, default_value_t = 10.0)]
    pub presence_hz: f64,
    /// Payload bytes of each PRESENCE (a sealed JSON name + cursor is about 100).
    #[arg(long, default_value_t = 100)]
    pub presence_bytes: usize,
    /// Measured seconds of traffic.
    #[arg(long, default_value_t = 30.0)]
    pub seconds: f64,
    /// Seconds of traffic before measuring starts.
    #[arg(long, default_value_t = 3.0)]
    pub warmup: f64,
    /// Seconds the clients keep reading after they stop sending.
    #[arg(long, default_value_t = 3.0)]
    pub drain: f64,
    /// Connections being opened at the same time.
    #[arg(long, default_value_t = 64)]
    pub connect_concurrency: usize,
    /// Diagnostic: re-arm TCP_QUICKACK after every read, so the clients' kernel
    /// acknowledges at once instead of delaying ACKs (browsers do not do this). A
    /// large latency drop with it means the relay's writes wait for ACKs (Nagle).
    #[arg(long)]
    pub quickack: bool,
}

impl RoomArgs {
    pub fn check(&self) -> Result<(), String> {
        if self.clients < 2 {
            return Err("--clients must be at least 2 (someone must receive)".into());
        }
        if self.update_bytes < 12 || (self.presence_hz > 0.0 && self.presence_bytes < 12) {
            return Err("payloads need at least 12 bytes (timestamp and sender)".into());
        }
        if self.updates_per_sec <= 0.0 {
            return Err("--updates-per-sec must be positive".into());
        }
        Ok(())
    }
}

/// When sending starts, when measuring starts and ends, when the clients stop.
#[derive(Debug, Clone, Copy)]
struct Schedule {
    start: Instant,
    window_from_ns: u64,
    window_to_ns: u64,
    send_end: Instant,
    stop: Instant,
}

impl Schedule {
    #[inline]
    fn in_window(&self, ns: u64) -> bool {
        ns >= self.window_from_ns && ns < self.window_to_ns
    }
}

/// One client's counts. Everything "in the window" refers to the send time of the
/// payload, except `msgs`/`bytes`/`presence_msgs`, which count arrivals.
#[derive(Default)]
struct Stats {
    update_latency: Hist,
    presence_latency: Hist,
    ack_latency: Hist,
    updates_sent: u64,
    presence_sent: u64,
    acks: u64,
    deliveries: u64,
    presence_frames: u64,
    msgs: u64,
    presence_msgs: u64,
    bytes: u64,
    frames: u64,
    /// UPDATEs from another run or with no stamp (should stay 0).
    foreign: u64,
    error: Option<String>,
}

impl Stats {
    fn merge(&mut self, o: &Stats) {
        self.update_latency.merge(&o.update_latency);
        self.presence_latency.merge(&o.presence_latency);
        self.ack_latency.merge(&o.ack_latency);
        self.updates_sent += o.updates_sent;
        self.presence_sent += o.presence_sent;
        self.acks += o.acks;
        self.deliveries += o.deliveries;
        self.presence_frames += o.presence_frames;
        self.msgs += o.msgs;
        self.presence_msgs += o.presence_msgs;
        self.bytes += o.bytes;
        self.frames += o.frames;
        self.foreign += o.foreign;
    }
}

/// Send times of recent updates by client_ref, to time their ACKs.
const ACK_RING: usize = 1024;

#[allow(clippy::too_many_arguments)]
async fn run_client(
    id: u32,
    url: Arc<str>,
    args: Arc<RoomArgs>,
    permits: Arc<Semaphore>,
    ready: mpsc::UnboundedSender<Result<(), String>>,
    mut go: watch::Receiver<Option<Schedule>>,
) -> Stats {
    let mut stats = Stats::default();
    let permit = permits.acquire_owned().await.expect("never closed");
    let joined = async {
        // tungstenite zero-fills its whole read buffer before every read, so a
        // 128 KiB default costs a 128 KiB memset per read; 32 KiB keeps reads
        // large enough for presence batches and the generator's CPU low.
        let mut ws = client::connect(&url, Some(32 * 1024)).await?;
        client::hello_and_catch_up(&mut ws, 0).await?;
        Ok::<_, String>(ws)
    }
    .await;
    drop(permit);
    let mut ws = match joined {
        Ok(ws) => {
            let _ = ready.send(Ok(()));
            ws
        }
        Err(e) => {
            let _ = ready.send(Err(e.clone()));
            stats.error = Some(e);
            return stats;
        }
    };

    // Wait for the start, reading (LEFT frames of others, pings) meanwhile.
    let schedule = loop {
        if let Some(s) = *go.borrow_and_update() {
            break s;
        }
        tokio::select! {
            changed = go.changed() => if changed.is_err() { return stats; },
            msg = ws.next() => match msg {
                Some(Ok(Message::Close(f))) => { stats.error = Some(client::close_reason(f)); return stats; }
                Some(Ok(_)) => {}
                Some(Err(e)) => { stats.error = Some(format!("socket error: {e}")); return stats; }
                None => { stats.error = Some("the socket ended".into()); return stats; }
            },
        }
    };

    let mut rng = Rng::new(u64::from(id) * 7919 + 1);
    // Pre-encoded frames; only the stamp (and client_ref) change per send.
    let mut update = vec![0u8; HEADER_LEN + 4 + args.update_bytes];
    update[0] = constellation_protocol::PROTOCOL_VERSION;
    update[1] = kind::UPDATE;
    update[2..6].copy_from_slice(&((4 + args.update_bytes) as u32).to_le_bytes());
    rng.fill(&mut update[HEADER_LEN + 4..]);
    update[HEADER_LEN + 12..HEADER_LEN + 16].copy_from_slice(&id.to_le_bytes());
    let mut presence = vec![0u8; HEADER_LEN + args.presence_bytes.max(12)];
    presence[0] = constellation_protocol::PROTOCOL_VERSION;
    presence[1] = kind::PRESENCE;
    presence[2..6].copy_from_slice(&(args.presence_bytes.max(12) as u32).to_le_bytes());
    rng.fill(&mut presence[HEADER_LEN..]);
    presence[HEADER_LEN + 8..HEADER_LEN + 12].copy_from_slice(&id.to_le_bytes());

    // Each client starts at a random phase, so sends spread evenly over time.
    let update_period = Duration::from_secs_f64(1.0 / args.updates_per_sec);
    let mut update_tick = tokio::time::interval_at(
        schedule.start + update_period.mul_f64(rng.unit()),
        update_period,
    );
    update_tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let presence_on = args.presence_hz > 0.0;
    let presence_period = Duration::from_secs_f64(1.0 / args.presence_hz.max(0.001));
    let mut presence_tick = tokio::time::interval_at(
        schedule.start + presence_period.mul_f64(rng.unit()),
        presence_period,
    );
    presence_tick.set_missed_tick_behavior(MissedTickBehavior::Skip);

    let mut sending = true;
    let mut client_ref: u32 = 0;
    let mut sent_at = vec![0u64; ACK_RING];
    let limits = Limits::default();
    let stop = tokio::time::sleep_until(schedule.stop);
    tokio::pin!(stop);

    loop {
        tokio::select! {
            msg = ws.next() => {
                let bytes = match msg {
                    Some(Ok(Message::Binary(bytes))) => bytes,
                    Some(Ok(Message::Close(f))) => { stats.error = Some(client::close_reason(f)); break; }
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => { stats.error = Some(format!("socket error: {e}")); break; }
                    None => { stats.error = Some("the socket ended".into()); break; }
                };
                if args.quickack {
                    quickack(&ws);
                }
                let now = now_ns();
                let arrived_in_window = schedule.in_window(now);
                let frames = match decode_relay_message(&bytes, &limits) {
                    Ok(frames) => frames,
                    Err(e) => { stats.error = Some(format!("the relay sent a bad message: {e}")); break; }
                };
                let mut had_presence = false;
                for frame in &frames {
                    match frame {
                        RelayFrame::Update { payload, .. } => match stamp_of(payload) {
                            Some((ts, _)) if ts <= now => {
                                if schedule.in_window(ts) {
                                    stats.deliveries += 1;
                                    stats.update_latency.record((now - ts) / 1000);
                                }
                            }
                            _ => stats.foreign += 1,
                        },
                        RelayFrame::Presence { payload, .. } => {
                            had_presence = true;
                            if let Some((ts, _)) = stamp_of(payload) {
                                if ts <= now && schedule.in_window(ts) {
                                    stats.presence_frames += 1;
                                    stats.presence_latency.record((now - ts) / 1000);
                                }
                            }
                        }
                        RelayFrame::Ack { client_ref, .. } => {
                            let ts = sent_at[*client_ref as usize % ACK_RING];
                            if schedule.in_window(ts) && ts <= now {
                                stats.acks += 1;
                                stats.ack_latency.record((now - ts) / 1000);
                            }
                        }
                        _ => {}
                    }
                }
                if arrived_in_window {
                    stats.msgs += 1;
                    stats.bytes += bytes.len() as u64;
                    stats.frames += frames.len() as u64;
                    stats.presence_msgs += u64::from(had_presence);
                }
            }
            _ = update_tick.tick(), if sending => {
                if Instant::now() >= schedule.send_end {
                    sending = false;
                    continue;
                }
                client_ref = client_ref.wrapping_add(1);
                let ts = now_ns();
                sent_at[client_ref as usize % ACK_RING] = ts;
                update[HEADER_LEN..HEADER_LEN + 4].copy_from_slice(&client_ref.to_le_bytes());
                update[HEADER_LEN + 4..HEADER_LEN + 12].copy_from_slice(&ts.to_le_bytes());
                if schedule.in_window(ts) {
                    stats.updates_sent += 1;
                }
                if let Err(e) = ws.send(Message::Binary(Bytes::copy_from_slice(&update))).await {
                    stats.error = Some(format!("send failed: {e}"));
                    break;
                }
            }
            _ = presence_tick.tick(), if sending && presence_on => {
                if Instant::now() >= schedule.send_end {
                    continue;
                }
                let ts = now_ns();
                presence[HEADER_LEN..HEADER_LEN + 8].copy_from_slice(&ts.to_le_bytes());
                if schedule.in_window(ts) {
                    stats.presence_sent += 1;
                }
                if let Err(e) = ws.send(Message::Binary(Bytes::copy_from_slice(&presence))).await {
                    stats.error = Some(format!("send failed: {e}"));
                    break;
                }
            }
            () = &mut stop => break,
        }
    }
    let _ = tokio::time::timeout(Duration::from_secs(2), ws.close(None)).await;
    stats
}

/// Asks the kernel to acknowledge received data at once (until it decides to
/// delay again, hence re-armed after every read).
fn quickack(ws: &client::Ws) {
    use std::os::fd::AsRawFd;
    if let tokio_tungstenite::MaybeTlsStream::Plain(stream) = ws.get_ref() {
        let one: libc::c_int = 1;
        // SAFETY: setsockopt on a socket we own, with a valid int option value.
        unsafe {
            libc::setsockopt(
                stream.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_QUICKACK,
                (&one as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
}

pub async fn run(target: &Target, args: RoomArgs) -> Result<serde_json::Value, String> {
    args.check()?;
    let mut rng = Rng::new(now_ns() ^ u64::from(std::process::id()));
    let room = client::room_id(&mut rng);
    let url: Arc<str> = target.room_url(&room).into();
    let n = args.clients;
    let args = Arc::new(args);

    tokio::time::sleep(Duration::from_millis(500)).await;
    let baseline = Sample::take(target.pid);
    eprintln!("room: connecting {n} clients to one room…");
    let permits = Arc::new(Semaphore::new(args.connect_concurrency.max(1)));
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel();
    let (go_tx, go_rx) = watch::channel(None);
    let connect_start = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            tokio::spawn(run_client(
                i as u32 + 1,
                url.clone(),
                args.clone(),
                permits.clone(),
                ready_tx.clone(),
                go_rx.clone(),
            ))
        })
        .collect();
    drop(ready_tx);
    let mut failed = Vec::new();
    for _ in 0..n {
        match ready_rx.recv().await {
            Some(Ok(())) => {}
            Some(Err(e)) => failed.push(e),
            None => break,
        }
    }
    let connect_seconds = connect_start.elapsed().as_secs_f64();
    if !failed.is_empty() {
        drop(go_tx);
        for t in tasks {
            let _ = t.await;
        }
        return Err(format!(
            "{} of {n} clients could not join; first error: {}",
            failed.len(),
            failed[0]
        ));
    }
    eprintln!("room: {n} joined in {connect_seconds:.1} s; settling");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let connected = Sample::take(target.pid);

    let start = Instant::now() + Duration::from_millis(200);
    let window_from = start + Duration::from_secs_f64(args.warmup);
    let send_end = window_from + Duration::from_secs_f64(args.seconds);
    let to_ns = |at: Instant| {
        let std_at: std::time::Instant = at.into_std();
        std_at.duration_since(client::instant_at(0)).as_nanos() as u64
    };
    let schedule = Schedule {
        start,
        window_from_ns: to_ns(window_from),
        window_to_ns: to_ns(send_end),
        send_end,
        stop: send_end + Duration::from_secs_f64(args.drain),
    };
    let _ = go_tx.send(Some(schedule));
    eprintln!(
        "room: sending for {:.0} s warm-up + {:.0} s measured + {:.0} s drain",
        args.warmup, args.seconds, args.drain
    );
    tokio::time::sleep_until(window_from).await;
    let s1 = Sample::take(target.pid);
    tokio::time::sleep_until(send_end).await;
    let s2 = Sample::take(target.pid);
    let peak_rss = target.pid.and_then(procstat::peak_rss_bytes);

    let mut total = Stats::default();
    let mut errors = Vec::new();
    for t in tasks {
        match t.await {
            Ok(stats) => {
                if let Some(e) = &stats.error {
                    errors.push(e.clone());
                }
                total.merge(&stats);
            }
            Err(e) => errors.push(format!("a client task failed: {e}")),
        }
    }
    let after = Sample::take(target.pid);
    let usage = Usage::between(&s1, &s2);
    let secs = args.seconds;

    // Expected: every stored update reaches every other client once.
    let expected = total.acks * (n as u64 - 1);
    let delivered_share = if expected > 0 {
        total.deliveries as f64 / expected as f64
    } else {
        0.0
    };
    let expected_presence_frames = total.presence_sent as f64 * (n as f64 - 1.0);
    let frames_delivered = total.deliveries + total.presence_frames + total.acks;
    let us_per = |count: u64| {
        usage
            .server_cpu
            .filter(|_| count > 0)
            .map(|c| c * 1e6 / count as f64)
    };
    let rss_per_conn = match (baseline.server_rss, connected.server_rss) {
        (Some(a), Some(b)) => Some((b as f64 - a as f64) / n as f64),
        _ => None,
    };
    let self_rss_per_conn = match (baseline.self_rss, connected.self_rss) {
        (Some(a), Some(b)) => Some((b as f64 - a as f64) / n as f64),
        _ => None,
    };

    let json = serde_json::json!({
        "scenario": "room",
        "clients": n,
        "quickack_diagnostic": args.quickack,
        "updates_per_sec_per_client": args.updates_per_sec,
        "update_bytes": args.update_bytes,
        "presence_hz": args.presence_hz,
        "presence_bytes": args.presence_bytes,
        "measured_seconds": secs,
        "connect_seconds": connect_seconds,
        "updates_sent_per_sec": total.updates_sent as f64 / secs,
        "updates_stored_per_sec": total.acks as f64 / secs,
        "update_deliveries_per_sec": total.deliveries as f64 / secs,
        "update_deliveries": total.deliveries,
        "update_deliveries_expected": expected,
        "update_delivered_share": delivered_share,
        "presence_sent_per_sec": total.presence_sent as f64 / secs,
        "presence_frames_delivered_per_sec": total.presence_frames as f64 / secs,
        "presence_frames_delivered_share": if expected_presence_frames > 0.0 { total.presence_frames as f64 / expected_presence_frames } else { 0.0 },
        "presence_batches_per_client_per_sec": total.presence_msgs as f64 / n as f64 / secs,
        "messages_received_per_sec": total.msgs as f64 / secs,
        "frames_per_message": if total.msgs > 0 { total.frames as f64 / total.msgs as f64 } else { 0.0 },
        "bytes_received_per_sec": total.bytes as f64 / secs,
        "fanout_latency": total.update_latency.summary_ms(),
        "fanout_latency_share_over_50ms": total.update_latency.share_above(50_000),
        "ack_latency": total.ack_latency.summary_ms(),
        "presence_latency": total.presence_latency.summary_ms(),
        "usage": usage.json(),
        "server_cpu_us_per_update_delivery": us_per(total.deliveries),
        "server_cpu_us_per_frame_delivered": us_per(frames_delivered),
        "server_rss_baseline_bytes": baseline.server_rss,
        "server_rss_connected_bytes": connected.server_rss,
        "server_rss_end_bytes": s2.server_rss,
        "server_rss_peak_bytes": peak_rss,
        "server_rss_per_connection_bytes": rss_per_conn,
        "loadgen_rss_per_connection_bytes": self_rss_per_conn,
        "loadgen_cpu_seconds_total": after.self_cpu - baseline.self_cpu,
        "foreign_updates": total.foreign,
        "client_errors": errors.len(),
        "first_client_error": errors.first(),
    });

    let mut out = String::new();
    out += &format!(
        "== room: {n} clients in one room, {} updates/s × {} B each, presence {} Hz × {} B, {secs:.0} s measured ==\n",
        args.updates_per_sec, args.update_bytes, args.presence_hz, args.presence_bytes
    );
    out += &format!("  joined             {n} clients in {connect_seconds:.1} s\n");
    if args.quickack {
        out += "  DIAGNOSTIC         clients re-arm TCP_QUICKACK after every read (not what browsers do)\n";
    }
    out += &format!(
        "  updates            sent {:.0}/s, stored (ACKed) {:.0}/s\n",
        total.updates_sent as f64 / secs,
        total.acks as f64 / secs
    );
    out += &format!(
        "  fan-out            {:.0} update deliveries/s ({:.3} % of the expected {})\n",
        total.deliveries as f64 / secs,
        100.0 * delivered_share,
        expected
    );
    out += &format!(
        "  fan-out latency    {}\n",
        total.update_latency.describe()
    );
    out += &format!(
        "                     {:.3} % of deliveries over 50 ms\n",
        100.0 * total.update_latency.share_above(50_000)
    );
    out += &format!("  ACK latency        {}\n", total.ack_latency.describe());
    if args.presence_hz > 0.0 {
        out += &format!(
            "  presence           {:.0} frames/s sent, {:.0} frames/s delivered ({:.1} % of sent × (N−1)), {:.1} batches per client per second\n",
            total.presence_sent as f64 / secs,
            total.presence_frames as f64 / secs,
            if expected_presence_frames > 0.0 { 100.0 * total.presence_frames as f64 / expected_presence_frames } else { 0.0 },
            total.presence_msgs as f64 / n as f64 / secs
        );
        out += &format!(
            "  presence latency   {}\n",
            total.presence_latency.describe()
        );
    }
    out += &format!(
        "  received           {:.0} messages/s, {:.1} frames/message, {}/s\n",
        total.msgs as f64 / secs,
        if total.msgs > 0 { total.frames as f64 / total.msgs as f64 } else { 0.0 },
        human_bytes(total.bytes as f64 / secs)
    );
    out += &usage.describe();
    if let Some(us) = us_per(total.deliveries) {
        out += &format!("  server CPU/update  {us:.2} µs per update delivery (all server CPU ÷ update deliveries)\n");
    }
    if let Some(us) = us_per(frames_delivered) {
        out += &format!("  server CPU/frame   {us:.2} µs per frame delivered (updates + presence + ACKs)\n");
    }
    if let (Some(b), Some(c), Some(per)) = (baseline.server_rss, connected.server_rss, rss_per_conn) {
        out += &format!(
            "  server RSS         {} idle → {} with {n} joined = {} per connection; {} at the end of the run, peak {}\n",
            human_bytes(b as f64),
            human_bytes(c as f64),
            human_bytes(per),
            s2.server_rss.map_or("?".into(), |r| human_bytes(r as f64)),
            peak_rss.map_or("?".into(), |r| human_bytes(r as f64)),
        );
    }
    if let Some(per) = self_rss_per_conn {
        out += &format!("  loadgen RSS        {} per connection\n", human_bytes(per));
    }
    if total.foreign > 0 {
        out += &format!("  WARNING            {} updates without a valid stamp\n", total.foreign);
    }
    if !errors.is_empty() {
        out += &format!(
            "  WARNING            {} clients ended with an error; first: {}\n",
            errors.len(),
            errors[0]
        );
    }
    Ok(serde_json::json!({ "report": out, "result": json }))
}
