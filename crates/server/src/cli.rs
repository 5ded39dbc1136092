//! The command line: the subcommands of `constellation` and their help texts. The
//! options of each subcommand live with the configuration they produce (see
//! [`crate::config::Config`] for `serve`), so adding an option touches one place.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Analyze a network file (.csv edge list, .json, .graphml or .gexf): print every
    /// node metric and the network summary. Betweenness is normalized as NetworkX and
    /// Gephi report it.
    Analyze(AnalyzeArgs),
}

/// The options of `constellation analyze` (run by `analyze.rs` next to `main.rs`).
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The network file; its extension gives the format: .csv (edge list
    /// `from,to[,trust,kind]`), .json, .graphml or .gexf.
    pub file: PathBuf,
    /// A node list CSV for an edge list (id, name, type, organization, sector, role, level, tags).
    #[arg(long, value_name = "FILE")]
    pub nodes: Option<PathBuf>,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = AnalyzeOutput::Json)]
    pub format: AnalyzeOutput,
}

/// The output formats of `constellation analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeOutput {
    /// Every node's metrics with its name, and the whole analysis.
    Json,
    /// A table of node metrics, a blank line, then a table of network figures.
    Csv,
}
