//! End-to-end tests of `constellation serve`: each test runs the real binary on
//! 127.0.0.1 with port 0, reads the announced URL from stdout and talks HTTP to it
//! over a plain TcpStream, so what is tested is exactly what a user runs.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Upper bound for the server to start or stop. It is only a bound: the tests proceed
/// as soon as the event happens, so a slow machine only makes a failure slower.
const WAIT: Duration = Duration::from_secs(60);

const INDEX: &str = "<!doctype html><title>Constellation</title>";
const WASM: &[u8] = b"\0asm\x01\0\0\0";

/// A dist directory like trunk's output.
fn fake_dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), INDEX).unwrap();
    std::fs::write(dir.path().join("app.wasm"), WASM).unwrap();
    std::fs::write(dir.path().join("app.js"), "export {}").unwrap();
    dir
}

fn command(dist: &Path, data: &Path, port: u16) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_constellation"));
    cmd.arg("serve")
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .arg("--dist")
        .arg(dist)
        .arg("--data")
        .arg(data)
        // The environment of the test run must not change what is tested.
        .env_remove("CONSTELLATION_HOST")
        .env_remove("CONSTELLATION_PORT")
        .env_remove("CONSTELLATION_DATA")
        .env_remove("CONSTELLATION_DIST")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A running server, killed when dropped so a failing test leaves no process behind.
struct Server {
    child: Child,
    addr: String,
    data: tempfile::TempDir,
}

impl Server {
    fn start(dist: &Path) -> Server {
        let data = tempfile::tempdir().unwrap();
        let mut child = command(dist, &data.path().join("store"), 0)
            .spawn()
            .unwrap();
        let addr = common::announced_address(&mut child, WAIT);
        Server { child, addr, data }
    }

    fn get(&self, path: &str) -> HttpResponse {
        http_get(&self.addr, path)
    }

    fn wait(&mut self) -> Option<ExitStatus> {
        wait_with_bound(&mut self.child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_with_bound(child: &mut Child) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(20));
    }
    None
}

struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HttpResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A minimal HTTP/1.1 GET: `Connection: close` lets the body run to the end of the
/// stream, and the static files are sent with a Content-Length, not chunked.
fn http_get(addr: &str, path: &str) -> HttpResponse {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no end of headers");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    HttpResponse {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// Runs a command that is expected to fail at start, with a bound on its run time.
fn expect_failure(mut cmd: Command) -> String {
    let mut child = cmd.spawn().unwrap();
    let status = wait_with_bound(&mut child).expect("the server did not exit");
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!status.success(), "expected a failure, got {status}");
    assert_eq!(stdout, "", "nothing may be announced on failure");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one-line message: {stderr:?}"
    );
    stderr
}

fn assert_is_index(res: &HttpResponse) {
    assert_eq!(res.status, 200);
    assert_eq!(res.body, INDEX.as_bytes());
    assert!(res.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(res.header("cache-control"), Some("no-cache"));
}

#[test]
fn root_serves_index_html() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    assert_is_index(&server.get("/"));
}

#[test]
fn client_side_routes_get_index_html() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    for path in ["/r/abc123", "/r/abc123/board", "/embed/abc123/network"] {
        assert_is_index(&server.get(path));
    }
}

#[test]
fn wasm_is_served_as_application_wasm() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    let res = server.get("/app.wasm");
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("application/wasm"));
    assert_eq!(res.body, WASM);
    // Not named with trunk's content hash, so revalidated (tests/static_files.rs).
    assert_eq!(res.header("cache-control"), Some("no-cache"));
}

#[test]
fn missing_file_with_extension_is_404() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    assert_eq!(server.get("/missing.js").status, 404);
    assert_eq!(server.get("/r/abc123/missing.css").status, 404);
}

#[test]
fn data_dir_is_created() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    assert!(server.data.path().join("store").is_dir());
}

#[test]
fn sigterm_exits_zero() {
    let dist = fake_dist();
    let mut server = Server::start(dist.path());
    // An open idle connection must not hold the shutdown back.
    let _idle = TcpStream::connect(&server.addr).unwrap();
    let kill = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = server
        .wait()
        .expect("the server did not stop after SIGTERM");
    assert_eq!(status.code(), Some(0), "{status}");
}

#[test]
fn taken_port_is_reported() {
    let dist = fake_dist();
    let data = tempfile::tempdir().unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let stderr = expect_failure(command(dist.path(), data.path(), port));
    let expected = format!(
        "127.0.0.1:{port} is already in use: stop the other program or choose another port with --port N"
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn missing_dist_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    let stderr = expect_failure(command(&dist, &dir.path().join("data"), 0));
    let index = dist.join("index.html");
    let expected = format!(
        "the app has not been built: {} is missing.",
        index.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.contains("trunk build --release"), "{stderr}");
    assert!(stderr.contains("./scripts/run.sh"), "{stderr}");
}

#[test]
fn unusable_data_dir_is_reported() {
    let dist = fake_dist();
    // A file where the directory should be fails even for root, unlike permissions.
    let blocker = dist.path().join("not-a-dir");
    std::fs::write(&blocker, "").unwrap();
    let stderr = expect_failure(command(dist.path(), &blocker.join("data"), 0));
    assert!(stderr.contains("cannot use the data directory"), "{stderr}");
    assert!(stderr.contains("--data DIR"), "{stderr}");
}

#[test]
fn version_and_help() {
    let bin = env!("CARGO_BIN_EXE_constellation");
    let version = Command::new(bin).arg("--version").output().unwrap();
    assert!(version.status.success());
    let version = String::from_utf8(version.stdout).unwrap();
    assert_eq!(
        version.trim(),
        format!("constellation {}", env!("CARGO_PKG_VERSION"))
    );

    let help = Command::new(bin)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert!(help.status.success());
    let help = String::from_utf8(help.stdout).unwrap();
    for word in [
        "--host",
        "--port",
        "--data",
        "--dist",
        "CONSTELLATION_HOST",
        "CONSTELLATION_PORT",
        "CONSTELLATION_DATA",
        "CONSTELLATION_DIST",
        "--max-frame-bytes",
        "CONSTELLATION_MAX_FRAME_BYTES",
        "--max-presence-bytes",
        "--max-frames-per-second",
        "CONSTELLATION_MAX_FRAMES_PER_SECOND",
        "--frame-burst",
        "--max-connections-per-room",
        "CONSTELLATION_MAX_CONNECTIONS_PER_ROOM",
        "--max-connections ",
        "CONSTELLATION_MAX_CONNECTIONS=",
        "--max-snapshot-bytes",
        "--idle-timeout-seconds",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}

#[test]
fn env_vars_configure_serve() {
    let dist = fake_dist();
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_constellation"));
    cmd.arg("serve")
        .env("CONSTELLATION_HOST", "127.0.0.1")
        .env("CONSTELLATION_PORT", "0")
        .env("CONSTELLATION_DIST", dist.path().join("nope"))
        .env("CONSTELLATION_DATA", data.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // The dist from the environment is used: it is missing, so the start fails with it.
    let stderr = expect_failure(cmd);
    assert!(
        stderr.contains(
            &dist
                .path()
                .join("nope")
                .join("index.html")
                .display()
                .to_string()
        ),
        "{stderr}"
    );
}

#[test]
fn a_data_dir_in_use_is_reported() {
    let dist = fake_dist();
    let server = Server::start(dist.path());
    let stderr = expect_failure(command(dist.path(), &server.data.path().join("store"), 0));
    assert!(
        stderr.contains("cannot open the room store:")
            && stderr.contains("is in use by another program"),
        "{stderr}"
    );
    assert!(stderr.contains("--data DIR"), "{stderr}");
}
