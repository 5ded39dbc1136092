//! The HTTP application: builds the one axum [`Router`] that the server runs, from a
//! prepared [`Config`] and the [`Relay`]. Each feature contributes its routes here:
//! the relay's `/ws/{room}` comes before the static app, which answers every other
//! request.

use axum::Router;

use crate::codes::Codes;
use crate::config::Config;
use crate::relay::Relay;
use crate::static_files;

/// The whole application. Explicit routes added here take precedence over the static
/// app, which answers every other request (files from the dist directory, and
/// index.html for client-side routes).
pub fn router(config: &Config, relay: &Relay) -> Router {
    Router::new()
        .merge(relay.router())
        .merge(Codes::default().router())
        .merge(static_files::router(config))
}
