//! The `constellation` binary as a library: the command line, the configuration of
//! `serve`, the HTTP application and the server loop. `main.rs` only parses the
//! command line and turns an [`Error`] into a one-line message and an exit code, so
//! everything here can be reused by tests and by later subcommands.

pub mod app;
pub mod cli;
pub mod config;
pub mod error;
pub mod server;
pub mod store;
mod static_files;

pub use config::Config;
pub use error::Error;
