//! Every way `constellation` can fail before or while serving, each with the one-line
//! message a person sees on stderr. The messages say what to do next, because the
//! reader is often a facilitator setting up a laptop minutes before an event.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "the app has not been built: {} is missing. Build it with `trunk build --release`, \
         or run ./scripts/run.sh which builds and serves",
        index.display()
    )]
    AppNotBuilt { index: PathBuf },

    #[error(
        "cannot use the data directory {}: {source}. Fix its permissions or choose another with --data DIR",
        dir.display()
    )]
    DataDir {
        dir: PathBuf,
        source: std::io::Error,
    },

    #[error("invalid setting: {0}")]
    Setting(String),

    #[error("cannot open the room store: {0}")]
    Store(#[source] crate::store::OpenError),

    #[error(
        "{addr} is already in use: stop the other program or choose another port with --port N"
    )]
    AddrInUse { addr: String },

    #[error("cannot listen on {addr}: {source}. Check --host and --port")]
    Bind {
        addr: String,
        source: std::io::Error,
    },

    #[error("cannot start the server: {0}")]
    Runtime(#[source] std::io::Error),

    #[error("the server stopped with an error: {0}")]
    Serve(#[source] std::io::Error),
}
