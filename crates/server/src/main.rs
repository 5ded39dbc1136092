//! Entry point of the `constellation` binary. It stays thin: parse the command line,
//! run the chosen subcommand, and report a failure as one line on stderr with a
//! non-zero exit code (the wording of each message lives in [`constellation_server::Error`]).

mod analyze;

use std::process::ExitCode;

use clap::Parser;
use constellation_server::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let result = match cli.command {
        Command::Serve(config) => constellation_server::server::run(config).map_err(|e| e.to_string()),
        Command::Analyze(args) => analyze::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr so that stdout carries only the one "is running at" line that
/// scripts and tests parse. `RUST_LOG` overrides the quiet default, except that the
/// WebSocket library is capped at `info` whatever `RUST_LOG` says: at `trace` it
/// prints every frame's bytes, and the relay must never log a payload.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"))
        .add_directive("tungstenite=info".parse().expect("a valid directive"))
        .add_directive("tokio_tungstenite=info".parse().expect("a valid directive"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
