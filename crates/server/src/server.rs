//! The server loop of `constellation serve`: prepares the configuration, opens the
//! room store, binds the port, announces the URL on stdout, serves the
//! [`crate::app`] router (the app and the relay) and stops gracefully on Ctrl-C or
//! SIGTERM, closing relay connections with 1001 "going away".
//!
//! Stdout carries exactly one line, `Constellation is running at http://HOST:PORT/`,
//! printed only once the port is bound and the stop signals are handled, so a script
//! or test that reads it can connect (or send SIGTERM) at once.

use std::future::IntoFuture;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app;
use crate::config::Config;
use crate::error::Error;
use crate::relay::Relay;
use crate::store::RedbLog;

/// How long open connections may take to finish after a stop signal. Long-lived
/// connections (the relay's WebSockets) must not keep the process alive forever: an
/// orchestrator sending SIGTERM expects the process to go.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Runs `serve` to completion on a fresh multi-threaded runtime.
pub fn run(config: Config) -> Result<(), Error> {
    let config = config.prepare()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(serve(config))
}

/// Serves a prepared configuration until a stop signal arrives.
pub async fn serve(config: Config) -> Result<(), Error> {
    let settings = config.relay.settings()?;
    // The store is opened before the port is bound, so a data directory in use by
    // another server is reported before anything is announced.
    let store = Arc::new(RedbLog::open(&config.data_dir).map_err(Error::Store)?);
    let listener = bind(&config).await?;
    let local = listener.local_addr().map_err(Error::Serve)?;

    // The handlers are installed before the announcement: a signal that arrived
    // earlier would otherwise kill the process with the default action.
    let mut stop = StopSignals::install().map_err(Error::Runtime)?;
    let (stopping_tx, stopping) = watch::channel(false);
    tokio::spawn(async move {
        stop.recv().await;
        tracing::info!("stop signal received, shutting down");
        let _ = stopping_tx.send(true);
    });

    let relay = Relay::new(store.clone(), settings, stopping.clone());
    announce(local);

    // Relay messages are small and latency matters: without TCP_NODELAY a
    // message waits for the client's delayed ACK (~40 ms on Linux) whenever the
    // previous one is unacknowledged (measured: ACK p50 44 → 15 ms with it).
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    // The peer address is known to handlers (the room-code endpoints limit
    // lookups per address).
    let app = app::router(&config, &relay).into_make_service_with_connect_info::<SocketAddr>();
    let server = axum::serve(listener, app)
        .with_graceful_shutdown(stopped(stopping.clone()))
        .into_future();
    let deadline = async {
        stopped(stopping).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    let (result, grace_left) = tokio::select! {
        result = server => (result.map_err(Error::Serve), SHUTDOWN_GRACE),
        () = deadline => {
            tracing::warn!("connections still open {SHUTDOWN_GRACE:?} after the stop signal; exiting anyway");
            (Ok(()), Duration::ZERO)
        }
    };
    // Upgraded WebSockets are no longer hyper's connections, so the server above
    // does not wait for them: the relay closes them with 1001 on the stop signal
    // (each lingers at most a couple of seconds for the client's close), and here
    // the process waits for them, within a grace of its own.
    let open = relay.wait_closed(grace_left).await;
    if open > 0 {
        tracing::warn!("{open} relay connections still open after the grace period");
    }
    // Every acknowledged update is already durable; this only lets the writer
    // finish what is queued and closes the file cleanly.
    let _ = tokio::task::spawn_blocking(move || store.shutdown()).await;
    result
}

async fn bind(config: &Config) -> Result<TcpListener, Error> {
    // Accept "[::1]" as well as "::1", since that is how IPv6 hosts appear in URLs.
    let host = config.host.trim_start_matches('[').trim_end_matches(']');
    TcpListener::bind((host, config.port))
        .await
        .map_err(|source| {
            let addr = config.display_addr();
            if source.kind() == std::io::ErrorKind::AddrInUse {
                Error::AddrInUse { addr }
            } else {
                Error::Bind { addr, source }
            }
        })
}

/// Prints the one stdout line and flushes it, because stdout is a pipe (not a
/// terminal) under scripts and tests and would otherwise stay buffered.
fn announce(local: SocketAddr) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "Constellation is running at http://{}/",
        browsable(local)
    );
    let _ = out.flush();
}

/// A listener on all interfaces (0.0.0.0 or ::) is announced with the loopback
/// address, which is a URL that works in a browser on this machine.
fn browsable(local: SocketAddr) -> SocketAddr {
    match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => (Ipv4Addr::LOCALHOST, local.port()).into(),
        IpAddr::V6(ip) if ip.is_unspecified() => (Ipv6Addr::LOCALHOST, local.port()).into(),
        _ => local,
    }
}

async fn stopped(mut stopping: watch::Receiver<bool>) {
    // An error means the sender is gone, which only happens after it sent `true`.
    let _ = stopping.wait_for(|stop| *stop).await;
}

/// Ctrl-C (SIGINT) and SIGTERM, registered eagerly so no early signal is lost.
struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl StopSignals {
    #[cfg(unix)]
    fn install() -> std::io::Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(Self {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    #[cfg(not(unix))]
    fn install() -> std::io::Result<Self> {
        Ok(Self {})
    }

    #[cfg(unix)]
    async fn recv(&mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }

    #[cfg(not(unix))]
    async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unspecified_addresses_are_announced_as_loopback() {
        let any: SocketAddr = "0.0.0.0:80".parse().unwrap();
        assert_eq!(browsable(any).to_string(), "127.0.0.1:80");
        let any6: SocketAddr = "[::]:80".parse().unwrap();
        assert_eq!(browsable(any6).to_string(), "[::1]:80");
        let specific: SocketAddr = "192.0.2.1:80".parse().unwrap();
        assert_eq!(browsable(specific), specific);
    }
}
