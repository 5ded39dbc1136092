//! The configuration of `constellation serve`: where to listen, where the built app is,
//! where data is kept and the relay's limits (defined in [`crate::relay::settings`]). It owns the command-line options and environment variables
//! that set it, and the checks that must pass before the server binds a port (the app
//! is built, the data directory exists and is writable), so that a misconfigured
//! server fails with a clear message instead of serving errors.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::error::Error;
use crate::relay::RelayArgs;

/// Settings of `constellation serve`. Each one can come from a flag or from an
/// environment variable, the flag winning.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on. Use 0.0.0.0 to accept connections from other machines
    /// (for example phones at an event).
    #[arg(long, env = "CONSTELLATION_HOST", default_value = "127.0.0.1")]
    pub host: String,

    /// Port to listen on. 0 picks a free port; the chosen one is printed at start.
    #[arg(long, env = "CONSTELLATION_PORT", default_value_t = 8080)]
    pub port: u16,

    /// Directory where rooms are stored. Created if missing.
    #[arg(
        long = "data",
        value_name = "DIR",
        env = "CONSTELLATION_DATA",
        default_value = "./data"
    )]
    pub data_dir: PathBuf,

    /// Directory of the built web app (the output of `trunk build --release`), which
    /// must contain index.html.
    #[arg(
        long = "dist",
        value_name = "DIR",
        env = "CONSTELLATION_DIST",
        default_value = "./dist"
    )]
    pub dist_dir: PathBuf,

    #[command(flatten)]
    pub relay: RelayArgs,
}

impl Config {
    /// Makes both directories absolute (so messages and later file access do not
    /// depend on the working directory), checks that the app is built and prepares
    /// the data directory. Run it before binding the port.
    pub fn prepare(mut self) -> Result<Self, Error> {
        self.dist_dir = absolute(&self.dist_dir);
        self.data_dir = absolute(&self.data_dir);
        let index = self.index_html();
        if !index.is_file() {
            return Err(Error::AppNotBuilt { index });
        }
        prepare_data_dir(&self.data_dir)?;
        self.relay.settings()?;
        Ok(self)
    }

    /// The entry page of the app, served for every client-side route.
    pub fn index_html(&self) -> PathBuf {
        self.dist_dir.join("index.html")
    }

    /// The address as the user wrote it, for messages ("127.0.0.1:8080"). IPv6
    /// literals get brackets so the port stays readable.
    pub fn display_addr(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// Falls back to the path as given when the working directory cannot be read; the
/// later checks then report the problem with that path.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Creates the data directory and proves it is writable by creating and removing a
/// probe file: finding out at the first stored frame would lose that frame.
fn prepare_data_dir(dir: &Path) -> Result<(), Error> {
    let fail = |source: std::io::Error| Error::DataDir {
        dir: dir.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".constellation-write-check");
    fs::write(&probe, b"ok").map_err(fail)?;
    fs::remove_file(&probe).map_err(fail)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        config: Config,
    }

    #[test]
    fn defaults_match_the_documented_ones() {
        let config = Wrapper::try_parse_from(["x"]).unwrap().config;
        assert_eq!(config.port, 8080);
        assert_eq!(config.data_dir, PathBuf::from("./data"));
        assert_eq!(config.dist_dir, PathBuf::from("./dist"));
    }

    #[test]
    fn ipv6_hosts_are_bracketed_in_messages() {
        let mut config = Wrapper::try_parse_from(["x", "--port", "9"])
            .unwrap()
            .config;
        config.host = "::1".into();
        assert_eq!(config.display_addr(), "[::1]:9");
    }
}
