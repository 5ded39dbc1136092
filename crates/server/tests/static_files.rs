//! End-to-end tests of how `constellation serve` sends the built app: precompressed
//! brotli and gzip variants chosen by Accept-Encoding, the Content-Type of the
//! original file, `Vary: Accept-Encoding`, and cache headers by kind of file (a year
//! for trunk's content-hashed files, revalidation for everything else).
//!
//! The dist directory is made like the release build makes it: files named the way
//! trunk names them, then `node scripts/precompress.mjs` (the build's own hook script)
//! writes the `.br` and `.gz` siblings. Bodies are decoded with Node's zlib, the
//! reference brotli and gzip implementations, and compared with the original files.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{Dirs, Server};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

const WASM: &str = "/constellation-web-0123456789abcdef_bg.wasm";
const JS: &str = "/constellation-web-0123456789abcdef.js";
const CSS: &str = "/app-fedcba9876543210.css";

/// A dist directory like the release build's, with its precompressed siblings.
fn release_dist() -> Dirs {
    let dirs = Dirs::new();
    let dist = dirs.dist();
    let index = format!(
        "<!doctype html><html lang=en><title>Constellation</title>\
         <link rel=manifest href=/manifest.webmanifest>\
         <script type=module>import init from '{JS}'; await init({{ module_or_path: '{WASM}' }});</script>\
         <link href={CSS} rel=stylesheet><link href=/favicon.svg rel=icon>\
         <body><noscript>Constellation needs JavaScript and WebAssembly.</noscript></body></html>"
    );
    write(&dist, "index.html", index.as_bytes());
    // Wasm-like bytes: a header, then varied but repetitive content, as real code is.
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    for i in 0u32..4000 {
        wasm.extend_from_slice(&(i % 251).to_le_bytes());
        wasm.extend_from_slice(b"\x20\x00\x41\x01\x6a");
    }
    write(&dist, &WASM[1..], &wasm);
    write(
        &dist,
        &JS[1..],
        "export default async function init() { /* glue */ }\n"
            .repeat(40)
            .as_bytes(),
    );
    write(
        &dist,
        &CSS[1..],
        ":root { --brand: #1d3557; }\nbody { margin: 0; }\n"
            .repeat(30)
            .as_bytes(),
    );
    write(
        &dist,
        "sw.js",
        "self.addEventListener('fetch', () => {});\n"
            .repeat(10)
            .as_bytes(),
    );
    write(
        &dist,
        "manifest.webmanifest",
        br##"{"name":"Constellation","short_name":"Constellation","start_url":"/","display":"standalone","icons":[{"src":"/favicon.svg","sizes":"any","type":"image/svg+xml"},{"src":"/icon-192.png","sizes":"192x192","type":"image/png"}]}"##,
    );
    write(
        &dist,
        "favicon.svg",
        br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d3557"/><circle cx="8" cy="9" r="3" fill="#f1faee"/><circle cx="24" cy="22" r="3" fill="#f1faee"/></svg>"##,
    );
    write(&dist, "icon-192.png", b"\x89PNG\r\n\x1a\n not really a png");
    // Too small for compression to pay off: the script writes no sibling for it.
    write(&dist, "tiny.js", b"1");
    let out = node()
        .arg(repo_root().join("scripts/precompress.mjs"))
        .arg(&dist)
        .output()
        .expect("node must be installed to build the app (scripts/setup.sh)");
    assert!(
        out.status.success(),
        "precompress.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dirs
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn node() -> Command {
    Command::new("node")
}

fn original(dirs: &Dirs, path: &str) -> Vec<u8> {
    std::fs::read(dirs.dist().join(&path[1..])).unwrap()
}

struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HttpResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as the browser sees it, after undoing the Content-Encoding.
    fn decoded(&self) -> Vec<u8> {
        let decode = match self.header("content-encoding") {
            None => return self.body.clone(),
            Some("br") => "brotliDecompressSync",
            Some("gzip") => "gunzipSync",
            Some(other) => panic!("unexpected content-encoding {other}"),
        };
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("body");
        std::fs::write(&file, &self.body).unwrap();
        let out = node()
            .arg("-e")
            .arg(format!(
                "process.stdout.write(require('zlib').{decode}(require('fs').readFileSync(process.argv[1])))"
            ))
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the body does not decode: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}

/// A minimal HTTP/1.1 GET with extra headers; `Connection: close` lets the body run
/// to the end of the stream.
fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> HttpResponse {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        server.addr
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no end of headers");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    HttpResponse {
        status: status.parse().unwrap(),
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// What Chromium and Firefox send.
const BROWSER: &[(&str, &str)] = &[("Accept-Encoding", "gzip, deflate, br, zstd")];
const GZIP_ONLY: &[(&str, &str)] = &[("Accept-Encoding", "gzip")];

/// Every compressible file of the build, with the Content-Type it must keep.
const FILES: &[(&str, &str)] = &[
    (WASM, "application/wasm"),
    (JS, "text/javascript"),
    (CSS, "text/css"),
    ("/index.html", "text/html"),
    ("/sw.js", "text/javascript"),
    ("/manifest.webmanifest", "application/manifest+json"),
    ("/favicon.svg", "image/svg+xml"),
];

fn assert_served(res: &HttpResponse, path: &str, mime: &str, encoding: Option<&str>, dirs: &Dirs) {
    assert_eq!(res.status, 200, "{path}");
    assert_eq!(res.header("content-encoding"), encoding, "{path}");
    let content_type = res.header("content-type").unwrap_or_default();
    assert!(content_type.starts_with(mime), "{path}: {content_type}");
    assert_eq!(
        res.header("vary").map(str::to_ascii_lowercase).as_deref(),
        Some("accept-encoding"),
        "{path}"
    );
    assert_eq!(res.decoded(), original(dirs, path), "{path}");
    // Nothing of the room's address leaves with links followed out of the app.
    assert_eq!(res.header("referrer-policy"), Some("no-referrer"), "{path}");
}

#[test]
fn brotli_is_sent_to_browsers_that_accept_it() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for (path, mime) in FILES {
        let res = get(&server, path, BROWSER);
        assert_served(&res, path, mime, Some("br"), &dirs);
        // What goes over the wire is the precompressed file, not the original.
        let br = std::fs::read(dirs.dist().join(format!("{}.br", &path[1..]))).unwrap();
        assert_eq!(res.body, br, "{path}");
        assert!(res.body.len() < original(&dirs, path).len(), "{path}");
    }
}

#[test]
fn gzip_is_sent_when_brotli_is_not_accepted() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for (path, mime) in FILES {
        assert_served(
            &get(&server, path, GZIP_ONLY),
            path,
            mime,
            Some("gzip"),
            &dirs,
        );
        // A client may refuse brotli explicitly.
        let refuses = &[("Accept-Encoding", "br;q=0, gzip")];
        assert_served(
            &get(&server, path, refuses),
            path,
            mime,
            Some("gzip"),
            &dirs,
        );
    }
}

#[test]
fn identity_is_sent_otherwise() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for (path, mime) in FILES {
        assert_served(&get(&server, path, &[]), path, mime, None, &dirs);
        let unknown = &[("Accept-Encoding", "identity, compress")];
        assert_served(&get(&server, path, unknown), path, mime, None, &dirs);
    }
    // A file with no compressed sibling is sent as it is even to a browser.
    assert_served(
        &get(&server, "/tiny.js", BROWSER),
        "/tiny.js",
        "text/javascript",
        None,
        &dirs,
    );
    assert!(!dirs.dist().join("tiny.js.br").exists());
    // Images that are compressed already have no siblings and keep their type.
    let png = get(&server, "/icon-192.png", BROWSER);
    assert_served(&png, "/icon-192.png", "image/png", None, &dirs);
}

#[test]
fn client_side_routes_get_compressed_index_html() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for path in ["/", "/r/abc123/board", "/embed/abc123/network"] {
        let res = get(&server, path, BROWSER);
        assert_eq!(res.status, 200, "{path}");
        assert_eq!(res.header("content-encoding"), Some("br"), "{path}");
        assert!(res.header("content-type").unwrap().starts_with("text/html"));
        assert_eq!(res.header("cache-control"), Some(REVALIDATE), "{path}");
        assert_eq!(res.decoded(), original(&dirs, "/index.html"), "{path}");
    }
}

#[test]
fn hashed_files_are_cached_for_a_year_and_the_rest_revalidated() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for path in [WASM, JS, CSS] {
        for headers in [BROWSER, GZIP_ONLY, &[]] {
            let res = get(&server, path, headers);
            assert_eq!(res.header("cache-control"), Some(IMMUTABLE), "{path}");
        }
    }
    for path in [
        "/",
        "/index.html",
        "/sw.js",
        "/manifest.webmanifest",
        "/favicon.svg",
        "/icon-192.png",
        "/r/abc123/goals",
    ] {
        let res = get(&server, path, BROWSER);
        assert_eq!(res.status, 200, "{path}");
        assert_eq!(res.header("cache-control"), Some(REVALIDATE), "{path}");
    }
}

#[test]
fn revalidation_answers_not_modified_with_the_same_headers() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    for (path, cache) in [("/sw.js", REVALIDATE), (WASM, IMMUTABLE)] {
        let first = get(&server, path, BROWSER);
        let modified = first
            .header("last-modified")
            .expect("last-modified")
            .to_string();
        let again = get(
            &server,
            path,
            &[BROWSER[0], ("If-Modified-Since", &modified)],
        );
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty(), "{path}");
        assert_eq!(again.header("cache-control"), Some(cache), "{path}");
        assert_eq!(again.header("vary"), Some("accept-encoding"), "{path}");
    }
}

#[test]
fn a_missing_hashed_file_is_404_and_not_cached() {
    let dirs = release_dist();
    let server = Server::start_in(&dirs, &[]);
    // The name of a file from an older build, as a stale page would ask for it.
    for path in [
        "/constellation-web-ffffffffffffffff_bg.wasm",
        "/constellation-web-ffffffffffffffff.js",
        "/app-ffffffffffffffff.css",
    ] {
        for headers in [BROWSER, &[]] {
            let res = get(&server, path, headers);
            assert_eq!(res.status, 404, "{path}");
            assert_eq!(res.header("cache-control"), None, "{path}");
            assert_eq!(res.header("content-encoding"), None, "{path}");
        }
    }
}
