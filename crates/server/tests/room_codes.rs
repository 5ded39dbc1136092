//! Room codes at the relay on the real binary: a ticket is stored under its
//! lookup name once, read back byte for byte, and lookups from one address are
//! limited to 10 a minute.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::Server;
use constellation_core::room_code::{WithdrawKey, WITHDRAW_DIGEST_HEADER, WITHDRAW_KEY_HEADER};

/// A minimal HTTP/1.1 request: (status, headers, body).
fn request(server: &Server, method: &str, path: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
    request_with(server, method, path, &[], body)
}

/// [`request`] with extra request headers.
fn request_with(
    server: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{extra}Content-Length: {}\r\n\r\n",
        server.addr,
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_ascii_lowercase(), raw[split + 4..].to_vec())
}

#[test]
fn a_ticket_is_stored_once_and_read_back() {
    let server = Server::start(&[]);
    let ticket: Vec<u8> = (0..200u8).collect();
    let (status, _, body) = request(&server, "PUT", "/api/room-codes/7KQ2", &ticket);
    assert_eq!(status, 201);
    assert_eq!(body, b"{\"expires_in_seconds\":86400}");
    // The name is taken until it expires.
    let (status, _, body) = request(&server, "PUT", "/api/room-codes/7KQ2", b"other");
    assert_eq!(status, 409, "{}", String::from_utf8_lossy(&body));

    let (status, head, body) = request(&server, "GET", "/api/room-codes/7KQ2", b"");
    assert_eq!(status, 200);
    assert_eq!(body, ticket);
    assert!(head.contains("x-expires-in-seconds: 86"), "{head}");
    assert!(head.contains("cache-control: no-store"), "{head}");

    let (status, _, body) = request(&server, "GET", "/api/room-codes/ZZZZ", b"");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("no room has this code"));
    // Not a lookup name (I is not Crockford base32), and tickets too large.
    assert_eq!(request(&server, "PUT", "/api/room-codes/7KI2", b"x").0, 400);
    assert_eq!(request(&server, "PUT", "/api/room-codes/AAAA", &[0; 1025]).0, 413);
    assert_eq!(request(&server, "PUT", "/api/room-codes/AAAA", b"").0, 413);
}

#[test]
fn lookups_from_one_address_are_limited() {
    let server = Server::start(&[]);
    // The first ten lookups of a minute are answered (404: no such code)…
    for _ in 0..10 {
        assert_eq!(request(&server, "GET", "/api/room-codes/ABCD", b"").0, 404);
    }
    // …the eleventh is refused, with when to try again.
    let (status, head, body) = request(&server, "GET", "/api/room-codes/ABCD", b"");
    assert_eq!(status, 429);
    assert!(head.contains("retry-after: 60"), "{head}");
    assert!(String::from_utf8_lossy(&body).contains("too many room code lookups"));
}

#[test]
fn only_the_withdraw_key_withdraws_a_code_before_it_expires() {
    let server = Server::start(&[]);
    let key = WithdrawKey::from_random([42; 32]);
    let other = WithdrawKey::from_random([43; 32]);
    let digest = key.digest_hex();
    let made = request_with(&server, "PUT", "/api/room-codes/M9XD", &[(WITHDRAW_DIGEST_HEADER, &digest)], b"ticket");
    assert_eq!(made.0, 201);

    // Knowing the code is not enough: the wrong key, or none, withdraws nothing.
    let (status, _, body) =
        request_with(&server, "DELETE", "/api/room-codes/M9XD", &[(WITHDRAW_KEY_HEADER, &other.to_hex())], b"");
    assert_eq!(status, 403);
    assert!(String::from_utf8_lossy(&body).contains("only the browser that made a code"));
    let (status, _, body) = request(&server, "DELETE", "/api/room-codes/M9XD", b"");
    assert_eq!(status, 400);
    assert!(String::from_utf8_lossy(&body).contains("X-Withdraw-Key must be 64 hexadecimal digits"));
    // The relay never takes the digest for the key.
    let (status, _, _) = request_with(&server, "DELETE", "/api/room-codes/M9XD", &[(WITHDRAW_KEY_HEADER, &digest)], b"");
    assert_eq!(status, 403);
    assert_eq!(request(&server, "GET", "/api/room-codes/M9XD", b"").0, 200);

    // The key withdraws it: the code opens nothing any more, and its name is free.
    let (status, _, _) = request_with(&server, "DELETE", "/api/room-codes/M9XD", &[(WITHDRAW_KEY_HEADER, &key.to_hex())], b"");
    assert_eq!(status, 204);
    assert_eq!(request(&server, "GET", "/api/room-codes/M9XD", b"").0, 404);
    let again = request_with(&server, "DELETE", "/api/room-codes/M9XD", &[(WITHDRAW_KEY_HEADER, &key.to_hex())], b"");
    assert_eq!(again.0, 404);
    assert_eq!(request(&server, "PUT", "/api/room-codes/M9XD", b"new ticket").0, 201);

    // A code made without a digest can only expire.
    let (status, _, _) = request_with(&server, "DELETE", "/api/room-codes/M9XD", &[(WITHDRAW_KEY_HEADER, &key.to_hex())], b"");
    assert_eq!(status, 403);
    // A damaged digest is refused when the code is made, and nothing is stored.
    let (status, _, body) = request_with(&server, "PUT", "/api/room-codes/4HRT", &[(WITHDRAW_DIGEST_HEADER, "abc")], b"ticket");
    assert_eq!(status, 400);
    assert!(String::from_utf8_lossy(&body).contains("X-Withdraw-Key-SHA256 must be 64 hexadecimal digits"));
    assert_eq!(request(&server, "GET", "/api/room-codes/4HRT", b"").0, 404);
}
