//! `idle`: many connections spread over many rooms that join and then stay quiet,
//! to measure what a connection costs the relay at rest (memory per connection,
//! CPU while idle) and how fast it accepts a crowd.

use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use futures_util::StreamExt;
use tokio::sync::{mpsc, watch, Semaphore};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;

use crate::client::{self, now_ns, Rng};
use crate::hist::Hist;
use crate::procstat::{self, human_bytes, Sample, Usage};
use crate::target::Target;

#[derive(Debug, Clone, Args)]
pub struct IdleArgs {
    /// Connections to open.
    #[arg(long, default_value_t = 5000)]
    pub connections: usize,
    /// Rooms they are spread over (round robin).
    #[arg(long, default_value_t = 1000)]
    pub rooms: usize,
    /// Seconds to stay connected and idle once everyone has joined.
    #[arg(long, default_value_t = 20.0)]
    pub seconds: f64,
    /// Connections being opened at the same time.
    #[arg(long, default_value_t = 64)]
    pub connect_concurrency: usize,
}

struct Joined {
    join_us: u64,
}

async fn run_conn(
    url: String,
    permits: Arc<Semaphore>,
    ready: mpsc::UnboundedSender<Result<Joined, String>>,
    mut stop: watch::Receiver<bool>,
) -> Option<String> {
    let permit = permits.acquire_owned().await.expect("never closed");
    let t0 = now_ns();
    let joined = async {
        // Small read buffer: these connections receive next to nothing.
        let mut ws = client::connect(&url, Some(4096)).await?;
        client::hello_and_catch_up(&mut ws, 0).await?;
        Ok::<_, String>(ws)
    }
    .await;
    drop(permit);
    let mut ws = match joined {
        Ok(ws) => {
            let _ = ready.send(Ok(Joined {
                join_us: (now_ns() - t0) / 1000,
            }));
            ws
        }
        Err(e) => {
            let _ = ready.send(Err(e.clone()));
            return Some(e);
        }
    };
    let error = loop {
        tokio::select! {
            changed = stop.changed() => if changed.is_err() || *stop.borrow() { break None; },
            msg = ws.next() => match msg {
                Some(Ok(Message::Close(f))) => break Some(client::close_reason(f)),
                Some(Ok(_)) => {}
                Some(Err(e)) => break Some(format!("socket error: {e}")),
                None => break Some("the socket ended".into()),
            },
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(5), ws.close(None)).await;
    error
}

pub async fn run(target: &Target, args: IdleArgs) -> Result<serde_json::Value, String> {
    let n = args.connections;
    if n == 0 || args.rooms == 0 {
        return Err("--connections and --rooms must be positive".into());
    }
    let mut rng = Rng::new(now_ns() ^ 0x1D1E);
    let rooms: Vec<String> = (0..args.rooms).map(|_| client::room_id(&mut rng)).collect();

    tokio::time::sleep(Duration::from_millis(500)).await;
    let baseline = Sample::take(target.pid);
    eprintln!("idle: opening {n} connections over {} rooms…", args.rooms);
    let permits = Arc::new(Semaphore::new(args.connect_concurrency.max(1)));
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel();
    let (stop_tx, stop_rx) = watch::channel(false);
    let connect_start = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            tokio::spawn(run_conn(
                target.room_url(&rooms[i % rooms.len()]),
                permits.clone(),
                ready_tx.clone(),
                stop_rx.clone(),
            ))
        })
        .collect();
    drop(ready_tx);
    let mut failed = Vec::new();
    let mut join_latency = Hist::new();
    for _ in 0..n {
        match ready_rx.recv().await {
            Some(Ok(j)) => join_latency.record(j.join_us),
            Some(Err(e)) => failed.push(e),
            None => break,
        }
    }
    let connect_seconds = connect_start.elapsed().as_secs_f64();
    let joined_sample = Sample::take(target.pid);
    let connect_usage = Usage::between(&baseline, &joined_sample);
    let ok = n - failed.len();
    eprintln!(
        "idle: {ok} of {n} joined in {connect_seconds:.1} s; idling {:.0} s",
        args.seconds
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let s1 = Sample::take(target.pid);
    tokio::time::sleep(Duration::from_secs_f64(args.seconds)).await;
    let s2 = Sample::take(target.pid);
    let peak_rss = target.pid.and_then(procstat::peak_rss_bytes);
    let _ = stop_tx.send(true);
    let mut errors: Vec<String> = failed.clone();
    for t in tasks {
        match t.await {
            Ok(Some(e)) if !failed.contains(&e) => errors.push(e),
            Ok(_) => {}
            Err(e) => errors.push(format!("a task failed: {e}")),
        }
    }
    let idle = Usage::between(&s1, &s2);
    let per_conn = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(a), Some(b)) if ok > 0 => Some((b as f64 - a as f64) / ok as f64),
        _ => None,
    };
    let server_per_conn = per_conn(baseline.server_rss, s1.server_rss);
    let server_per_conn_end = per_conn(baseline.server_rss, s2.server_rss);
    let self_per_conn = per_conn(baseline.self_rss, s1.self_rss);

    let json = serde_json::json!({
        "scenario": "idle",
        "connections": n,
        "joined": ok,
        "rooms": args.rooms,
        "idle_seconds": args.seconds,
        "connect_seconds": connect_seconds,
        "joins_per_sec": ok as f64 / connect_seconds,
        "join_latency": join_latency.summary_ms(),
        "connect_usage": connect_usage.json(),
        "server_cpu_ms_per_join": connect_usage.server_cpu.map(|c| c * 1e3 / ok.max(1) as f64),
        "idle_usage": idle.json(),
        "server_rss_baseline_bytes": baseline.server_rss,
        "server_rss_connected_bytes": s1.server_rss,
        "server_rss_end_bytes": s2.server_rss,
        "server_rss_peak_bytes": peak_rss,
        "server_rss_per_connection_bytes": server_per_conn,
        "server_rss_per_connection_end_bytes": server_per_conn_end,
        "loadgen_rss_per_connection_bytes": self_per_conn,
        "errors": errors.len(),
        "first_error": errors.first(),
    });

    let mut out = String::new();
    out += &format!(
        "== idle: {n} connections over {} rooms, {:.0} s idle ==\n",
        args.rooms, args.seconds
    );
    out += &format!(
        "  joined             {ok} in {connect_seconds:.1} s = {:.0} joins/s (connect + HELLO → CAUGHT_UP: {})\n",
        ok as f64 / connect_seconds,
        join_latency.describe()
    );
    if let Some(c) = connect_usage.server_cpu {
        out += &format!(
            "  joining CPU        server {c:.2} s ({:.2} ms per join), loadgen {:.2} s\n",
            c * 1e3 / ok.max(1) as f64,
            connect_usage.self_cpu
        );
    }
    out += "  while idle:\n";
    out += &idle.describe();
    if let (Some(b), Some(c), Some(per)) = (baseline.server_rss, s1.server_rss, server_per_conn) {
        out += &format!(
            "  server RSS         {} before → {} with {ok} connected = {} per connection ({} per connection at the end; peak {})\n",
            human_bytes(b as f64),
            human_bytes(c as f64),
            human_bytes(per),
            server_per_conn_end.map_or("?".into(), human_bytes),
            peak_rss.map_or("?".into(), |r| human_bytes(r as f64)),
        );
    }
    if let Some(per) = self_per_conn {
        out += &format!("  loadgen RSS        {} per connection\n", human_bytes(per));
    }
    if !errors.is_empty() {
        out += &format!(
            "  WARNING            {} connections failed or closed early; first: {}\n",
            errors.len(),
            errors[0]
        );
    }
    Ok(serde_json::json!({ "report": out, "result": json }))
}
