//! The relay's limits: the command-line options and environment variables that set
//! them (shown under "Relay limits" in `constellation serve --help`), their checks,
//! and the validated [`RelaySettings`] the relay runs with.

use std::time::Duration;

use clap::Args;
use constellation_protocol::{Limits, HEADER_LEN};

use crate::error::Error;

/// Relay options of `constellation serve`. Each violation closes only the offending
/// connection, with a close code and a reason (see docs/protocol.md).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Relay limits")]
pub struct RelayArgs {
    /// Largest frame a client may send, header included. A larger one closes that
    /// connection with code 4413. One WebSocket message may carry up to 4 times this.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_FRAME_BYTES",
        value_name = "BYTES",
        default_value_t = 262_144,
        value_parser = clap::value_parser!(u64).range(1024..=64 * 1024 * 1024)
    )]
    pub max_frame_bytes: u64,

    /// Largest presence payload (cursor, name) a client may send; larger closes with 4413.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_PRESENCE_BYTES",
        value_name = "BYTES",
        default_value_t = 1024
    )]
    pub max_presence_bytes: u64,

    /// Frames per second each connection may send on average (token bucket); more
    /// closes that connection with code 4429.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_FRAMES_PER_SECOND",
        value_name = "N",
        default_value_t = 50,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub max_frames_per_second: u32,

    /// Frames a connection may send at once above the per-second rate (the bucket size).
    #[arg(
        long,
        env = "CONSTELLATION_FRAME_BURST",
        value_name = "N",
        default_value_t = 100,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub frame_burst: u32,

    /// Connections one room may have; one more is closed with code 4503.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_CONNECTIONS_PER_ROOM",
        value_name = "N",
        default_value_t = 1000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub max_connections_per_room: u64,

    /// Relay connections the whole server may have; one more is closed with code 4503.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_CONNECTIONS",
        value_name = "N",
        default_value_t = 10_000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub max_connections: u64,

    /// Largest snapshot a client may upload (in parts); larger closes with code 4413.
    #[arg(
        long,
        env = "CONSTELLATION_MAX_SNAPSHOT_BYTES",
        value_name = "BYTES",
        default_value_t = 64 * 1024 * 1024,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub max_snapshot_bytes: u64,

    /// Seconds without any message (the relay pings every half of it) before a
    /// connection is presumed dead and closed with code 4408. 0 never closes.
    #[arg(
        long,
        env = "CONSTELLATION_IDLE_TIMEOUT_SECONDS",
        value_name = "SECONDS",
        default_value_t = 60
    )]
    pub idle_timeout_seconds: u64,
}

/// Checked settings the relay runs with.
#[derive(Debug, Clone)]
pub struct RelaySettings {
    pub limits: Limits,
    /// Largest WebSocket message a client may send.
    pub max_message_bytes: usize,
    pub frames_per_second: u32,
    pub frame_burst: u32,
    pub max_connections_per_room: usize,
    pub max_connections: usize,
    pub max_snapshot_bytes: u64,
    /// `None` disables the idle timeout and the pings.
    pub idle_timeout: Option<Duration>,
}

impl RelayArgs {
    /// Checks the combination of options (each one alone is checked by clap).
    pub fn settings(&self) -> Result<RelaySettings, Error> {
        let max_frame_bytes = to_usize(self.max_frame_bytes);
        let max_presence_bytes = to_usize(self.max_presence_bytes);
        // A relay PRESENCE frame adds a header and the 4-byte connection id.
        let room_for_presence = max_frame_bytes - HEADER_LEN - 4;
        if max_presence_bytes > room_for_presence {
            return Err(Error::Setting(format!(
                "--max-presence-bytes ({max_presence_bytes}) must be at most --max-frame-bytes \
                 minus 10 bytes of headers ({room_for_presence})"
            )));
        }
        Ok(RelaySettings {
            limits: Limits {
                max_frame_bytes,
                max_presence_bytes,
            },
            max_message_bytes: max_frame_bytes.saturating_mul(4),
            frames_per_second: self.max_frames_per_second,
            frame_burst: self.frame_burst,
            max_connections_per_room: to_usize(self.max_connections_per_room),
            max_connections: to_usize(self.max_connections),
            max_snapshot_bytes: self.max_snapshot_bytes,
            idle_timeout: (self.idle_timeout_seconds > 0)
                .then(|| Duration::from_secs(self.idle_timeout_seconds)),
        })
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        relay: RelayArgs,
    }

    fn parse(args: &[&str]) -> Result<RelayArgs, clap::Error> {
        let mut all = vec!["x"];
        all.extend_from_slice(args);
        Wrapper::try_parse_from(all).map(|w| w.relay)
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let s = parse(&[]).unwrap().settings().unwrap();
        assert_eq!(s.limits, Limits::default());
        assert_eq!(s.max_message_bytes, 1024 * 1024);
        assert_eq!((s.frames_per_second, s.frame_burst), (50, 100));
        assert_eq!(
            (s.max_connections_per_room, s.max_connections),
            (1000, 10_000)
        );
        assert_eq!(s.idle_timeout, Some(Duration::from_secs(60)));
    }

    #[test]
    fn out_of_range_values_are_refused() {
        assert!(parse(&["--max-frame-bytes", "10"]).is_err());
        assert!(parse(&["--max-frames-per-second", "0"]).is_err());
        let args = parse(&["--max-frame-bytes", "1024", "--max-presence-bytes", "1020"]).unwrap();
        let err = args.settings().unwrap_err().to_string();
        assert!(err.contains("--max-presence-bytes (1020)"), "{err}");
        let s = parse(&["--idle-timeout-seconds", "0"])
            .unwrap()
            .settings()
            .unwrap();
        assert_eq!(s.idle_timeout, None);
    }
}
