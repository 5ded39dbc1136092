//! Short room codes at the relay: `PUT` and `GET /api/room-codes/{lookup}`.
//!
//! The relay keeps, for a limited time, a *ticket* per lookup name: bytes the
//! creator's browser sealed with a key derived from the whole code (see
//! `constellation_core::room_code`). The relay never sees the code's secret
//! part, the derived key or the link inside. It only bounds how many tickets
//! exist and how fast one address may look them up, so guessing codes online
//! is slow. Tickets live in memory: a restart forgets them (codes are for a
//! meeting, not for keeps).
//!
//! - `PUT /api/room-codes/{lookup}` with the ticket as the body (at most
//!   1 KiB): 201 and `{"expires_in_seconds":86400}`; 409 when the name is taken
//!   (the app makes another code); 429 when this address made too many.
//! - `GET /api/room-codes/{lookup}`: 200 with the ticket and
//!   `X-Expires-In-Seconds`; 404 when there is none (or it expired); 429 when
//!   this address looked up too many (10 a minute).
//! - `DELETE /api/room-codes/{lookup}` with `X-Withdraw-Key`: withdraws the
//!   code before it expires (204). Only a code made with
//!   `X-Withdraw-Key-SHA256` (the digest of that key) can be withdrawn, and
//!   only with the key: 403 otherwise, 404 when there is no such code. Counted
//!   with the lookups.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use constellation_core::room_code::{
    parse_withdraw_digest, WithdrawKey, LOOKUP_CHARS, MAX_TICKET_BYTES, TICKET_LIFETIME_SECONDS,
    WITHDRAW_DIGEST_HEADER, WITHDRAW_KEY_HEADER,
};

use crate::relay::rate::TokenBucket;

/// Lookups per minute one address may make (and its burst).
const LOOKUPS_PER_MINUTE: u32 = 10;
/// Codes one address may create per minute (and its burst).
const CREATES_PER_MINUTE: u32 = 20;
/// Most tickets held at once; beyond, creating answers 503.
const MAX_TICKETS: usize = 100_000;
/// Most addresses tracked by the rate limits before the idle ones are forgotten.
const MAX_TRACKED_ADDRESSES: usize = 100_000;

#[derive(Clone)]
pub struct Codes {
    inner: Arc<Mutex<Inner>>,
    lifetime: Duration,
}

/// A stored ticket: when it expires, its bytes, and the SHA-256 of the key
/// that withdraws it (none: it can only expire).
struct Ticket {
    expires: Instant,
    bytes: Bytes,
    withdraw_digest: Option<[u8; 32]>,
}

#[derive(Default)]
struct Inner {
    tickets: HashMap<String, Ticket>,
    lookups: HashMap<IpAddr, (TokenBucket, Instant)>,
    creates: HashMap<IpAddr, (TokenBucket, Instant)>,
}

impl Default for Codes {
    fn default() -> Self {
        Codes { inner: Arc::default(), lifetime: Duration::from_secs(TICKET_LIFETIME_SECONDS) }
    }
}

impl Codes {
    /// The routes `/api/room-codes/{lookup}`.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/api/room-codes/{lookup}", get(lookup).put(create).delete(withdraw))
            .with_state(self.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Takes one token of `ip`'s bucket in `buckets` (`per_minute`, burst the same).
fn allowed(buckets: &mut HashMap<IpAddr, (TokenBucket, Instant)>, ip: IpAddr, per_minute: u32, now: Instant) -> bool {
    if buckets.len() >= MAX_TRACKED_ADDRESSES {
        // A full bucket refills in a minute: older entries are as good as new.
        buckets.retain(|_, (_, seen)| now.duration_since(*seen) < Duration::from_secs(60));
    }
    let (bucket, seen) = buckets.entry(ip).or_insert_with(|| (TokenBucket::per_minute(per_minute, now), now));
    *seen = now;
    bucket.take(1, now)
}

fn valid_lookup(lookup: &str) -> bool {
    lookup.len() == LOOKUP_CHARS && lookup.bytes().all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b))
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, text).into_response()
}

/// Counts a lookup (or withdrawal) from `ip` and checks the name: the answer
/// to send instead when the address asked too often or the name is not one.
fn refuse_lookup(inner: &mut Inner, ip: IpAddr, lookup: &str, now: Instant) -> Option<Response> {
    if !allowed(&mut inner.lookups, ip, LOOKUPS_PER_MINUTE, now) {
        let mut res = plain(
            StatusCode::TOO_MANY_REQUESTS,
            "too many room code lookups from this address; wait a minute and try again\n",
        );
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return Some(res);
    }
    if !valid_lookup(lookup) {
        return Some(plain(StatusCode::BAD_REQUEST, "not a room code: a code is 12 letters and digits\n"));
    }
    None
}

async fn lookup(
    State(codes): State<Codes>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(lookup): Path<String>,
) -> Response {
    let now = Instant::now();
    let mut inner = codes.lock();
    if let Some(refused) = refuse_lookup(&mut inner, peer.ip(), &lookup, now) {
        return refused;
    }
    match inner.tickets.get(&lookup) {
        Some(ticket) if ticket.expires > now => {
            let left = ticket.expires.duration_since(now).as_secs();
            let mut res = (StatusCode::OK, ticket.bytes.clone()).into_response();
            let headers = res.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            headers.insert("x-expires-in-seconds", HeaderValue::from(left));
            res
        }
        _ => plain(StatusCode::NOT_FOUND, "no room has this code (it may have expired after 24 hours)\n"),
    }
}

async fn create(
    State(codes): State<Codes>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(lookup): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let now = Instant::now();
    if !valid_lookup(&lookup) {
        return plain(StatusCode::BAD_REQUEST, "not a room code's lookup part: 4 Crockford base32 characters\n");
    }
    if body.is_empty() || body.len() > MAX_TICKET_BYTES {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "a room code's ticket is 1 to 1024 bytes\n");
    }
    let withdraw_digest = match headers.get(WITHDRAW_DIGEST_HEADER) {
        None => None,
        Some(value) => match value.to_str().ok().and_then(parse_withdraw_digest) {
            Some(digest) => Some(digest),
            None => {
                return plain(
                    StatusCode::BAD_REQUEST,
                    "X-Withdraw-Key-SHA256 must be 64 hexadecimal digits (the SHA-256 of the withdraw key)\n",
                )
            }
        },
    };
    let mut inner = codes.lock();
    if !allowed(&mut inner.creates, peer.ip(), CREATES_PER_MINUTE, now) {
        return plain(StatusCode::TOO_MANY_REQUESTS, "too many room codes made from this address; wait a minute\n");
    }
    inner.tickets.retain(|_, ticket| ticket.expires > now);
    if inner.tickets.contains_key(&lookup) {
        return plain(StatusCode::CONFLICT, "this code is taken; make another\n");
    }
    if inner.tickets.len() >= MAX_TICKETS {
        return plain(StatusCode::SERVICE_UNAVAILABLE, "the relay holds too many room codes; try again later\n");
    }
    inner.tickets.insert(lookup, Ticket { expires: now + codes.lifetime, bytes: body, withdraw_digest });
    let seconds = codes.lifetime.as_secs();
    (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        format!("{{\"expires_in_seconds\":{seconds}}}"),
    )
        .into_response()
}

async fn withdraw(
    State(codes): State<Codes>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(lookup): Path<String>,
    headers: HeaderMap,
) -> Response {
    let now = Instant::now();
    let mut inner = codes.lock();
    if let Some(refused) = refuse_lookup(&mut inner, peer.ip(), &lookup, now) {
        return refused;
    }
    let Some(key) = headers.get(WITHDRAW_KEY_HEADER).and_then(|v| v.to_str().ok()).and_then(WithdrawKey::from_hex) else {
        return plain(StatusCode::BAD_REQUEST, "X-Withdraw-Key must be 64 hexadecimal digits\n");
    };
    let digest = parse_withdraw_digest(&key.digest_hex());
    match inner.tickets.get(&lookup) {
        Some(ticket) if ticket.expires > now => {
            if ticket.withdraw_digest.is_none() || ticket.withdraw_digest != digest {
                return plain(
                    StatusCode::FORBIDDEN,
                    "this withdraw key does not belong to the code; only the browser that made a code can withdraw it\n",
                );
            }
            inner.tickets.remove(&lookup);
            StatusCode::NO_CONTENT.into_response()
        }
        _ => plain(StatusCode::NOT_FOUND, "no room has this code (it may have expired after 24 hours)\n"),
    }
}
