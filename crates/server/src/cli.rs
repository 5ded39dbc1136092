//! The command line: the subcommands of `constellation` and their help texts. The
//! options of each subcommand live with the configuration they produce (see
//! [`crate::config::Config`] for `serve`), so adding an option touches one place.

use clap::{Parser, Subcommand};

use crate::config::Config;

/// Open collaborative planning for coalitions: serves the Constellation web app and
/// its relay on one port.
#[derive(Debug, Parser)]
#[command(name = "constellation", version, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the built web app and its relay on one port until stopped with Ctrl-C or SIGTERM.
    Serve(Config),
}
