//! Shared helpers of the relay tests: start the real `constellation` binary on
//! 127.0.0.1 with port 0 and a temporary data directory, and talk to it with real
//! WebSocket clients that speak the protocol crate. Every wait is bounded, so a
//! broken relay fails a test instead of hanging it.

#![allow(dead_code)] // Each test file uses a different part of this module.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use constellation_core::link::RoomId;
use constellation_protocol::{
    decode_relay_message, encode_client_frames, ClientFrame, Limits, RelayFrame,
};
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// Bound for the server to start or stop.
pub const START: Duration = Duration::from_secs(60);
/// Bound for one expected frame or close to arrive.
pub const WAIT: Duration = Duration::from_secs(10);

/// A running `constellation serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub addr: String,
    pub data: PathBuf,
    _dirs: Option<Dirs>,
}

/// A data directory and a fake dist that outlive server restarts.
pub struct Dirs {
    pub root: tempfile::TempDir,
}

impl Dirs {
    pub fn new() -> Dirs {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("dist")).unwrap();
        std::fs::write(root.path().join("dist/index.html"), "<!doctype html>").unwrap();
        Dirs { root }
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn dist(&self) -> PathBuf {
        self.root.path().join("dist")
    }
}

impl Server {
    /// Starts a server with a fresh data directory and the given extra flags.
    pub fn start(args: &[&str]) -> Server {
        let dirs = Dirs::new();
        let mut server = Server::start_in(&dirs, args);
        server._dirs = Some(dirs);
        server
    }

    /// Starts a server on `dirs`, which the caller keeps across restarts.
    pub fn start_in(dirs: &Dirs, args: &[&str]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_constellation"));
        // The environment of the test run must not change what is tested.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("CONSTELLATION_") {
                cmd.env_remove(name);
            }
        }
        let mut child = cmd
            .arg("serve")
            .args(["--host", "127.0.0.1", "--port", "0"])
            .arg("--dist")
            .arg(dirs.dist())
            .arg("--data")
            .arg(dirs.data())
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let addr = announced_address(&mut child, START);
        Server {
            child,
            addr,
            data: dirs.data(),
            _dirs: None,
        }
    }

    pub fn url(&self, room: &str) -> String {
        format!("ws://{}/ws/{room}", self.addr)
    }

    /// SIGKILL: the process gets no chance to flush or close anything.
    pub fn kill9(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGTERM, then waits (bounded) for the exit.
    pub fn terminate(&mut self) -> ExitStatus {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        self.wait()
    }

    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < START {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the server did not exit");
    }

    pub fn store_file(&self) -> PathBuf {
        self.data.join("relay.redb")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A valid room id, different for each `n`.
pub fn room(n: u8) -> String {
    let mut bytes = [0u8; 16];
    bytes[0] = n;
    bytes[15] = 0xA5;
    RoomId::from_random(bytes).as_str().to_owned()
}

/// What one read from the socket produced.
#[derive(Debug)]
pub enum Received {
    Frames(Vec<RelayFrame<'static>>),
    Closed { code: u16, reason: String },
}

/// A protocol client over a real WebSocket.
pub struct Client {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    buffered: std::collections::VecDeque<RelayFrame<'static>>,
    /// Binary messages received so far (to observe coalescing).
    pub messages: usize,
    pub limits: Limits,
}

impl Client {
    pub async fn connect(server: &Server, room: &str) -> Client {
        let (ws, _) =
            tokio::time::timeout(WAIT, tokio_tungstenite::connect_async(server.url(room)))
                .await
                .expect("connecting timed out")
                .expect("connecting failed");
        Client {
            ws,
            buffered: Default::default(),
            messages: 0,
            limits: Limits::default(),
        }
    }

    /// Connects, says HELLO{since} and reads the WELCOME: returns (head, conn).
    pub async fn join(server: &Server, room: &str, since: u64) -> (Client, u64, u32) {
        let mut client = Client::connect(server, room).await;
        client.send(&[ClientFrame::Hello { since }]).await;
        match client.next().await {
            RelayFrame::Welcome { head, conn } => (client, head, conn),
            other => panic!("expected WELCOME, got {other:?}"),
        }
    }

    /// Joins and reads the whole catch-up: returns the client and the frames up to
    /// and including CAUGHT_UP.
    pub async fn join_caught_up(
        server: &Server,
        room: &str,
        since: u64,
    ) -> (Client, Vec<RelayFrame<'static>>) {
        let (mut client, _, _) = Client::join(server, room, since).await;
        let frames = client.until_caught_up().await;
        (client, frames)
    }

    /// Sends the frames as one message.
    pub async fn send(&mut self, frames: &[ClientFrame<'_>]) {
        let mut message = Vec::new();
        encode_client_frames(frames, &mut message);
        self.send_raw(message).await;
    }

    /// Sends the frames as one message the relay is expected to refuse part-way:
    /// the relay may close the socket before it has read the whole message, and
    /// the kernel then answers the rest of the upload with a reset. That reset
    /// (or a broken pipe) is allowed here; the close frame the relay sent first
    /// is still read by `expect_close`. Any other error fails the test.
    pub async fn send_refused(&mut self, frames: &[ClientFrame<'_>]) {
        let mut message = Vec::new();
        encode_client_frames(frames, &mut message);
        match self.ws.send(Message::Binary(message.into())).await {
            Ok(()) => {}
            Err(tokio_tungstenite::tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
                ) => {}
            Err(e) => panic!("send failed: {e}"),
        }
    }

    pub async fn send_raw(&mut self, bytes: Vec<u8>) {
        self.ws
            .send(Message::Binary(bytes.into()))
            .await
            .expect("send failed");
    }

    pub async fn send_text(&mut self, text: &str) {
        self.ws
            .send(Message::Text(text.into()))
            .await
            .expect("send failed");
    }

    /// Sends an UPDATE and waits for its ACK (skipping other frames): returns the seq.
    pub async fn update(&mut self, client_ref: u32, payload: &[u8]) -> u64 {
        self.send(&[ClientFrame::update(client_ref, payload)]).await;
        loop {
            match self.next().await {
                RelayFrame::Ack { client_ref: r, seq } if r == client_ref => return seq,
                RelayFrame::Ack { client_ref: r, .. } => {
                    panic!("ACK for {r}, expected {client_ref}")
                }
                _ => {}
            }
        }
    }

    /// The next message from the relay, bounded by `limit`; None on timeout.
    pub async fn recv_within(&mut self, limit: Duration) -> Option<Received> {
        // One deadline for the whole wait: pings must not extend it.
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let msg = match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Err(_) => return None,
                Ok(msg) => msg,
            };
            match msg {
                Some(Ok(Message::Binary(bytes))) => {
                    self.messages += 1;
                    let frames = decode_relay_message(&bytes, &self.limits)
                        .unwrap_or_else(|e| panic!("the relay sent a bad message: {e}"));
                    return Some(Received::Frames(
                        frames.into_iter().map(RelayFrame::into_owned).collect(),
                    ));
                }
                Some(Ok(Message::Close(frame))) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or((u16::from(CloseCode::Status), String::new()));
                    return Some(Received::Closed { code, reason });
                }
                Some(Ok(_)) => continue, // Ping, Pong.
                Some(Err(e)) => panic!("socket error: {e}"),
                None => panic!("the socket ended without a close frame"),
            }
        }
    }

    /// The next frame (possibly from a message already received).
    pub async fn next(&mut self) -> RelayFrame<'static> {
        if let Some(frame) = self.buffered.pop_front() {
            return frame;
        }
        match self.recv_within(WAIT).await {
            Some(Received::Frames(frames)) => {
                self.buffered.extend(frames);
                self.buffered
                    .pop_front()
                    .expect("a message has at least one frame")
            }
            Some(Received::Closed { code, reason }) => {
                panic!("closed with {code} {reason:?} while waiting for a frame")
            }
            None => panic!("no frame within {WAIT:?}"),
        }
    }

    /// Frames up to and including CAUGHT_UP.
    pub async fn until_caught_up(&mut self) -> Vec<RelayFrame<'static>> {
        let mut frames = Vec::new();
        loop {
            let frame = self.next().await;
            let done = matches!(frame, RelayFrame::CaughtUp { .. });
            frames.push(frame);
            if done {
                return frames;
            }
        }
    }

    /// Waits for the close frame, skipping any frames before it.
    pub async fn expect_close(&mut self) -> (u16, String) {
        self.buffered.clear();
        loop {
            match self.recv_within(WAIT).await {
                Some(Received::Frames(_)) => continue,
                Some(Received::Closed { code, reason }) => return (code, reason),
                None => panic!("no close within {WAIT:?}"),
            }
        }
    }

    /// Asserts that nothing arrives within `limit`.
    pub async fn expect_silence(&mut self, limit: Duration) {
        assert!(
            self.buffered.is_empty(),
            "unexpected frames {:?}",
            self.buffered
        );
        if let Some(got) = self.recv_within(limit).await {
            panic!("expected silence, got {got:?}");
        }
    }

    /// Closes politely.
    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }
}

/// The UPDATE frames of a list, as (seq, payload).
pub fn updates(frames: &[RelayFrame<'_>]) -> Vec<(u64, Vec<u8>)> {
    frames
        .iter()
        .filter_map(|f| match f {
            RelayFrame::Update { seq, payload } => Some((*seq, payload.to_vec())),
            _ => None,
        })
        .collect()
}

/// Waits for the server's one start-up line on stdout and returns the
/// `host:port` it announces.
pub fn announced_address(child: &mut Child, timeout: Duration) -> String {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(timeout).expect("no startup line on stdout");
    line.trim_end()
        .strip_prefix("Constellation is running at http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected startup line {line:?}"))
        .to_string()
}
