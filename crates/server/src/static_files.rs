//! Serving the built web app (trunk's output: index.html plus hashed .wasm, .js and
//! .css files) from the dist directory, with the single-page-app fallback and the
//! cache headers the app needs.
//!
//! Client-side routes such as `/r/{room}/board` or `/embed/...` are not files, so any
//! path whose last segment has no extension gets index.html and the app's router takes
//! over. A path that names a file (`/missing.js`) and does not exist is a real 404:
//! answering it with HTML would make the browser report a confusing MIME or syntax
//! error instead of a missing file.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Config;

/// index.html must be revalidated on every load: it names the hashed files of the
/// current build, and a stale copy would load an old app after an upgrade.
const HTML_CACHE: &str = "no-cache";

/// Other files get a modest cache. Trunk's files are content-hashed and could be
/// cached for a year, but unhashed ones (icons, manifest) live in the same directory,
/// so one hour is the safe choice until they are told apart.
const ASSET_CACHE: &str = "public, max-age=3600";

/// A router with no routes whose fallback serves the dist directory.
pub fn router(config: &Config) -> Router {
    let index = config.index_html();
    let spa_fallback = move |req: Request| spa_fallback(index.clone(), req);
    let files = ServeDir::new(&config.dist_dir).fallback(spa_fallback.into_service());
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_control))
}

/// Called by [`ServeDir`] when no file matches the path.
async fn spa_fallback(index: PathBuf, req: Request) -> Response {
    if names_a_file(req.uri().path()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match ServeFile::new(index).oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}

/// True when the last segment of the path has an extension, i.e. the request is for a
/// file rather than for a client-side route. Room ids are base64url and never contain
/// a dot, so they can not be mistaken for files.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Sets Cache-Control on successful answers. The choice is made from the request path
/// rather than the response, because a 304 Not Modified carries no content type.
async fn cache_control(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_html = !names_a_file(path) || path.ends_with(".html");
    let mut res = next.run(req).await;
    let status = res.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let value = if is_html { HTML_CACHE } else { ASSET_CACHE };
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::names_a_file;

    #[test]
    fn client_routes_are_not_files() {
        for path in [
            "/",
            "/r/abc123",
            "/r/abc123/board",
            "/r/abc_-9/",
            "/embed/x/network",
        ] {
            assert!(!names_a_file(path), "{path}");
        }
    }

    #[test]
    fn paths_with_extensions_are_files() {
        for path in [
            "/missing.js",
            "/app-1a2b.wasm",
            "/style/app.css",
            "/index.html",
        ] {
            assert!(names_a_file(path), "{path}");
        }
    }
}
