//! `constellation-loadgen`: a load generator for the Constellation relay.
//!
//! It drives the real `constellation serve` over WebSockets on 127.0.0.1 with
//! simulated participants speaking protocol v1 (frames from
//! `constellation_protocol`; payloads are random bytes of the requested size,
//! since the relay never reads them) and prints what the benchmarks in
//! docs/benchmarks.md report: throughput, fan-out latency, server CPU per
//! delivery, memory per connection, catch-up time. Every scenario stops by itself.
//!
//! ```text
//! constellation-loadgen --spawn target/release/constellation room --clients 500
//! constellation-loadgen --spawn target/release/constellation idle --connections 5000 --rooms 1000
//! constellation-loadgen --spawn target/release/constellation catchup --updates 50000
//! constellation-loadgen --url ws://127.0.0.1:8080 --server-pid 1234 room
//! ```
//!
//! One process, one tokio runtime (single-threaded by default, so the generator
//! uses at most one core and leaves the other to the relay on a 2-core machine),
//! one task per connection. Latency is measured on one monotonic clock: senders
//! write their timestamp into the payload and receivers subtract it.

mod client;
mod hist;
mod procstat;
mod scenario;
mod target;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::target::Target;

/// Load generator for the Constellation relay (loopback only).
#[derive(Debug, Parser)]
#[command(name = "constellation-loadgen", version)]
struct Cli {
    /// Relay to load, started by someone else: ws://127.0.0.1:PORT.
    #[arg(long, global = true, value_name = "URL")]
    url: Option<String>,

    /// With --url: pid of that server, to report its CPU and memory.
    #[arg(long, global = true, value_name = "PID")]
    server_pid: Option<u32>,

    /// Start this `constellation` binary (`serve` on 127.0.0.1, port 0, a fresh
    /// temporary data directory, limits raised for the scenario) and stop it at the end.
    #[arg(long, global = true, value_name = "PATH")]
    spawn: Option<PathBuf>,

    /// With --spawn: create the temporary data directory under DIR (the system
    /// temp directory by default). Its disk decides the commit (fsync) latency.
    #[arg(long, global = true, value_name = "DIR")]
    data_parent: Option<PathBuf>,

    /// With --spawn: one more argument for `constellation serve` (repeatable), e.g.
    /// --server-arg=--idle-timeout-seconds=0. It overrides the scenario's defaults.
    #[arg(long = "server-arg", global = true, value_name = "ARG", allow_hyphen_values = true)]
    server_args: Vec<String>,

    /// Worker threads of the generator's runtime (1 = single-threaded).
    #[arg(long, global = true, default_value_t = 1)]
    threads: usize,

    /// Print the result as one JSON object instead of the report.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    scenario: Scenario,
}

#[derive(Debug, Subcommand)]
enum Scenario {
    /// Many clients in one room sending updates and presence.
    Room(scenario::room::RoomArgs),
    /// Many idle connections over many rooms.
    Idle(scenario::idle::IdleArgs),
    /// A late joiner to a long room log.
    Catchup(scenario::catchup::CatchupArgs),
}

impl Scenario {
    fn name(&self) -> &'static str {
        match self {
            Scenario::Room(_) => "room",
            Scenario::Idle(_) => "idle",
            Scenario::Catchup(_) => "catchup",
        }
    }

    /// Settings for a spawned server, as environment variables so that any
    /// `--server-arg` flag overrides them (a flag wins over its variable).
    fn server_env(&self) -> Vec<(&'static str, String)> {
        let mut env = vec![
            ("CONSTELLATION_MAX_CONNECTIONS", "100000".to_string()),
            ("CONSTELLATION_MAX_CONNECTIONS_PER_ROOM", "100000".to_string()),
        ];
        if let Scenario::Catchup(_) = self {
            // The writers fill the log far faster than a person types.
            env.push(("CONSTELLATION_MAX_FRAMES_PER_SECOND", "1000000".to_string()));
            env.push(("CONSTELLATION_FRAME_BURST", "1000000".to_string()));
        }
        env
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    client::init_clock();
    let nofile = procstat::raise_nofile_limit();
    let needed = match &cli.scenario {
        Scenario::Idle(a) => 2 * a.connections as u64 + 100,
        Scenario::Room(a) => 2 * a.clients as u64 + 100,
        Scenario::Catchup(a) => 2 * a.writers as u64 + 100,
    };
    if nofile < needed {
        eprintln!(
            "warning: the open-files limit is {nofile}, and this scenario needs about {needed} \
             (both ends of every connection on this machine); raise it with `ulimit -n`"
        );
    }

    let env = cli.scenario.server_env();
    let mut target = match (&cli.url, &cli.spawn) {
        (Some(_), Some(_)) => return Err("give either --url or --spawn, not both".into()),
        (None, None) => return Err("give --url ws://127.0.0.1:PORT or --spawn PATH".into()),
        (Some(url), None) => Target::attach(url, cli.server_pid)?,
        (None, Some(binary)) => {
            Target::spawn(binary, cli.data_parent.as_deref(), &cli.server_args, &env)?
        }
    };

    let runtime = if cli.threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(cli.threads)
            .enable_all()
            .build()
    }
    .map_err(|e| format!("cannot start the runtime: {e}"))?;

    let name = cli.scenario.name();
    let outcome = runtime.block_on(async {
        match cli.scenario {
            Scenario::Room(a) => scenario::room::run(&target, a).await,
            Scenario::Idle(a) => scenario::idle::run(&target, a).await,
            Scenario::Catchup(a) => scenario::catchup::run(&target, a).await,
        }
    });
    drop(runtime);
    target.stop();
    let value = outcome?;

    let settings: Vec<String> = if cli.spawn.is_some() {
        env.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(cli.server_args.iter().cloned())
            .collect()
    } else {
        Vec::new()
    };
    if cli.json {
        let mut result = value["result"].clone();
        result["date"] = serde_json::Value::from(date());
        result["loadgen_threads"] = serde_json::Value::from(cli.threads);
        result["server_settings"] = serde_json::Value::from(settings);
        println!("{result}");
    } else {
        print!("{}", value["report"].as_str().unwrap_or_default());
        if !settings.is_empty() {
            println!("  server settings    {}", settings.join(" "));
        }
        println!(
            "  ({name}, {}, loadgen runtime: {} thread{})",
            date(),
            cli.threads,
            if cli.threads == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// The current UTC time, from `date` (no clock crate needed for one line).
fn date() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}
