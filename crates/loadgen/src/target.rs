//! The relay under test: either one the user started (`--url`, optionally
//! `--server-pid` to read its CPU and memory), or the real `constellation serve`
//! binary spawned here (`--spawn PATH`) on 127.0.0.1, port 0, with a temporary data
//! directory and the limits a load test needs raised. Traffic only ever goes to
//! the loopback interface.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the spawned server may take to print its address.
const START: Duration = Duration::from_secs(60);

pub struct Target {
    /// `ws://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    pub pid: Option<u32>,
    spawned: Option<Spawned>,
}

struct Spawned {
    child: Child,
    _dir: tempfile::TempDir,
    data: PathBuf,
}

impl Target {
    /// A relay someone else started. Refuses any host but loopback.
    pub fn attach(url: &str, pid: Option<u32>) -> Result<Target, String> {
        let base = url.trim_end_matches('/');
        let rest = base
            .strip_prefix("ws://")
            .ok_or_else(|| format!("--url must start with ws:// (got {url})"))?;
        let host = rest
            .rsplit_once(':')
            .map_or(rest, |(host, _)| host)
            .trim_start_matches('[')
            .trim_end_matches(']');
        if !matches!(host, "127.0.0.1" | "localhost" | "::1") {
            return Err(format!(
                "this load generator only talks to a relay on this machine (127.0.0.1); got host {host:?}"
            ));
        }
        Ok(Target {
            base: base.to_owned(),
            pid,
            spawned: None,
        })
    }

    /// Starts `binary serve` on 127.0.0.1:0 with a fresh data directory under
    /// `parent` (the system temp directory if `None`), the settings in `env` and
    /// `args` appended (a flag overrides its environment variable).
    pub fn spawn(
        binary: &Path,
        parent: Option<&Path>,
        args: &[String],
        env: &[(&str, String)],
    ) -> Result<Target, String> {
        let dir = match parent {
            Some(p) => tempfile::Builder::new()
                .prefix("constellation-loadgen-")
                .tempdir_in(p),
            None => tempfile::Builder::new()
                .prefix("constellation-loadgen-")
                .tempdir(),
        }
        .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        let dist = dir.path().join("dist");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
        std::fs::write(dist.join("index.html"), "<!doctype html>").map_err(|e| e.to_string())?;

        let mut cmd = Command::new(binary);
        // The caller's environment must not change what is measured.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("CONSTELLATION_") {
                cmd.env_remove(name);
            }
        }
        cmd.envs(env.iter().map(|(k, v)| (*k, v.as_str())));
        let mut child = cmd
            .arg("serve")
            .args(["--host", "127.0.0.1", "--port", "0"])
            .arg("--dist")
            .arg(&dist)
            .arg("--data")
            .arg(&data)
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep draining, so the server never blocks on a full pipe.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = match rx.recv_timeout(START) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                return Err("the server printed no address within 60 s".into());
            }
        };
        let Some(addr) = line
            .trim_end()
            .strip_prefix("Constellation is running at http://")
            .and_then(|rest| rest.strip_suffix('/'))
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("unexpected first line from the server: {line:?}"));
        };
        Ok(Target {
            base: format!("ws://{addr}"),
            pid: Some(child.id()),
            spawned: Some(Spawned {
                child,
                _dir: dir,
                data,
            }),
        })
    }

    pub fn room_url(&self, room: &str) -> String {
        format!("{}/ws/{room}", self.base)
    }

    /// The spawned server's data directory.
    pub fn data_dir(&self) -> Option<&Path> {
        self.spawned.as_ref().map(|s| s.data.as_path())
    }

    /// Size of the spawned server's store file.
    pub fn store_bytes(&self) -> Option<u64> {
        let data = self.data_dir()?;
        std::fs::metadata(data.join("relay.redb")).ok().map(|m| m.len())
    }

    /// Stops a spawned server with SIGTERM (SIGKILL after 15 s).
    pub fn stop(&mut self) {
        let Some(spawned) = self.spawned.as_mut() else {
            return;
        };
        // SAFETY: kill with a pid of a child we started and have not yet reaped.
        unsafe { libc::kill(spawned.child.id() as libc::pid_t, libc::SIGTERM) };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(_)) = spawned.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = spawned.child.kill();
        let _ = spawned.child.wait();
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Some(spawned) = self.spawned.as_mut() {
            if let Ok(None) = spawned.child.try_wait() {
                let _ = spawned.child.kill();
                let _ = spawned.child.wait();
            }
        }
    }
}
