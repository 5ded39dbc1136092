//! The `constellation` binary as a library: the command line, the configuration of
//! `serve`, the HTTP application, the relay, the room store and the server loop.
//! `main.rs` only parses the command line and turns an [`Error`] into a one-line
//! message and an exit code, so everything here can be reused by tests and by later
//! subcommands.

pub mod app;
pub mod cli;
pub mod codes;
pub mod config;
pub mod error;
pub mod relay;
pub mod server;
mod static_files;
pub mod store;

pub use config::Config;
pub use error::Error;
