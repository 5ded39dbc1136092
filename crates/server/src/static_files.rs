//! Serving the built web app (trunk's output: index.html plus hashed .wasm, .js and
//! .css files) from the dist directory, with the single-page-app fallback, the
//! precompressed variants and the cache headers the app needs.
//!
//! Client-side routes such as `/r/{room}/board` or `/embed/...` are not files, so any
//! path whose last segment has no extension gets index.html and the app's router takes
//! over. A path that names a file (`/missing.js`) and does not exist is a real 404:
//! answering it with HTML would make the browser report a confusing MIME or syntax
//! error instead of a missing file.
//!
//! The release build writes `<file>.br` and `<file>.gz` next to every compressible
//! file (scripts/precompress.mjs). A request that accepts brotli gets the `.br` file,
//! one that accepts only gzip the `.gz` file, any other the file itself; the
//! Content-Type is always the original file's, and every answer carries
//! `Vary: Accept-Encoding` so shared caches keep the variants apart.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::header::{CACHE_CONTROL, REFERRER_POLICY, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Config;

/// Files without a content hash in their name (index.html, sw.js, the manifest, the
/// icons) and client-side routes must be revalidated on every load: index.html names
/// the hashed files of the current build, and a stale copy would load an old app
/// after an upgrade. Revalidation is cheap: an unchanged file answers 304.
const REVALIDATE: &str = "no-cache";

/// Trunk's content-hashed files never change under their name: a new build gets new
/// names, so they are cached for a year without asking again.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A router with no routes whose fallback serves the dist directory.
pub fn router(config: &Config) -> Router {
    let index = config.index_html();
    let spa_fallback = move |req: Request| spa_fallback(index.clone(), req);
    let files = ServeDir::new(&config.dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(spa_fallback.into_service());
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_control))
}

/// Called by [`ServeDir`] when no file matches the path.
async fn spa_fallback(index: PathBuf, req: Request) -> Response {
    if names_a_file(req.uri().path()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let index = ServeFile::new(index)
        .precompressed_br()
        .precompressed_gzip();
    match index.oneshot(req).await {
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

/// Trunk names its files with a content hash (`filehash = true` in Trunk.toml),
/// `-` and the 64-bit hash in lowercase hex: `app-8e0313d5251d4e78.css`,
/// `constellation-web-12f0b890e2894995.js`, `constellation-web-12f0b890e2894995_bg.wasm`,
/// and the directory of wasm-bindgen snippets,
/// `snippets/constellation-web-12f0b890e2894995/inline0.js`. The hash is written
/// without leading zeros, so it may be shorter than 16 digits; one shorter than
/// [`MIN_HASH_DIGITS`] (1 build in 65,536) is taken for an ordinary name and merely
/// revalidated, which costs a round trip, never a stale file.
const MAX_HASH_DIGITS: usize = 16;
const MIN_HASH_DIGITS: usize = 12;

/// True when the path is one of trunk's content-hashed files: some segment holds
/// `-` followed by 12 to 16 lowercase hex digits, then `.` or `_` (a file name) or
/// the end of the segment (the snippets directory). Files copied as they are
/// (index.html, sw.js, favicon.svg, manifest.webmanifest, icon-192.png) never match,
/// so they stay revalidated.
fn is_hashed(path: &str) -> bool {
    names_a_file(path)
        && path.split('/').any(|segment| {
            segment.match_indices('-').any(|(at, _)| {
                let rest = &segment[at + 1..];
                let hex = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
                    .count();
                (MIN_HASH_DIGITS..=MAX_HASH_DIGITS).contains(&hex)
                    && matches!(rest.as_bytes().get(hex), None | Some(b'.' | b'_'))
            })
        })
}

/// Sets Cache-Control and Vary on successful answers. The choice is made from the
/// request path rather than the response, because a 304 Not Modified carries no
/// content type. Errors (a missing hashed file is a 404) get neither, so a browser
/// never keeps a failure for a year.
async fn cache_control(req: Request, next: Next) -> Response {
    let value = if is_hashed(req.uri().path()) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut res = next.run(req).await;
    // The page's address names the room (its path; keys stay in the fragment,
    // which browsers never send): links followed out of the app say nothing
    // of where they came from (docs/security.md).
    res.headers_mut()
        .insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    let status = res.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let headers = res.headers_mut();
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(value));
        headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::{is_hashed, names_a_file};

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

    #[test]
    fn trunk_hashed_files_are_recognised() {
        for path in [
            "/constellation-web-12f0b890e2894995_bg.wasm",
            "/constellation-web-12f0b890e2894995.js",
            "/app-8e0313d5251d4e78.css",
            "/board-c920ca43256fdcb9.css",
            // Trunk drops the hash's leading zeros.
            "/constellation-web-4a23fd8d8659520_bg.wasm",
            "/plan-6d1bf2b36e85ae4.css",
            "/snippets/constellation-web-12f0b890e2894995/inline0.js",
        ] {
            assert!(is_hashed(path), "{path}");
        }
    }

    #[test]
    fn copied_files_and_routes_are_not_hashed() {
        for path in [
            "/",
            "/index.html",
            "/sw.js",
            "/favicon.svg",
            "/manifest.webmanifest",
            "/icon-192.png",
            "/icon-maskable-512.png",
            "/icon-apple-180.png",
            // Too short, too long, upper case: not trunk's hash.
            "/app-8e0313d5251.css",
            "/app-8e0313d5251d4e780.css",
            "/app-8E0313D5251D4E78.css",
            // A client-side route is HTML whatever its segments look like.
            "/r/app-8e0313d5251d4e78",
        ] {
            assert!(!is_hashed(path), "{path}");
        }
    }
}
