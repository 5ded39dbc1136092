//! The HTTP application: builds the one axum [`Router`] that the server runs, from a
//! prepared [`Config`]. Each feature contributes its routes here, so this is the place
//! to mount the relay (`/ws/{room}`) and any API next to the static app.

use axum::Router;

use crate::config::Config;
use crate::static_files;

/// The whole application. Explicit routes added here take precedence over the static
/// app, which answers every other request (files from the dist directory, and
/// index.html for client-side routes).
pub fn router(config: &Config) -> Router {
    Router::new().merge(static_files::router(config))
}
