//! Short room codes a person can type (`7KQ2-M9XD-4HRT`), without the relay
//! learning the room's keys.
//!
//! A code is 12 Crockford base32 characters: a public **lookup** part (the
//! first 4, 20 bits) that names a ticket at the relay, and a **secret** part
//! (the other 8, 40 bits). The creator's browser derives a key from the whole
//! code with PBKDF2-HMAC-SHA256 ([`KDF_ITERATIONS`] rounds, salt
//! [`RoomCode::kdf_salt`]; done by WebCrypto in the browser) and stores at the
//! relay a *ticket*: the room link (path and fragment) sealed with AES-256-GCM
//! under that key. Whoever types the code fetches the ticket by its lookup part,
//! derives the same key, and opens it. The relay keeps tickets for a limited
//! time and rate-limits lookups; its operator could still brute-force the 40
//! secret bits offline at the KDF's cost (docs/security.md).
//!
//! Ticket layout: `version (1, = 1) ‖ nonce (12) ‖ ciphertext ‖ tag (16)`,
//! associated data `"constellation/ticket/v1:" ‖ lookup`.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

use crate::link::{LinkError, RoomLink, Section};

/// Crockford's base32 alphabet: no I, L, O or U, so a typed code is not misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of the public lookup part (20 bits).
pub const LOOKUP_CHARS: usize = 4;
/// Characters of the secret part (40 bits).
pub const SECRET_CHARS: usize = 8;
/// PBKDF2-HMAC-SHA256 rounds deriving a ticket's key from its code.
pub const KDF_ITERATIONS: u32 = 300_000;
/// How long the relay keeps a ticket.
pub const TICKET_LIFETIME_SECONDS: u64 = 24 * 60 * 60;
/// Largest ticket the relay accepts.
pub const MAX_TICKET_BYTES: usize = 1024;
const TICKET_VERSION: u8 = 1;

/// Why a code or a ticket could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a room code is 12 letters and digits, like 7KQ2-M9XD-4HRT; {found:?} is not one")]
    BadCode { found: String },
    #[error("this code does not open the room it points to (mistyped, or it was replaced): check it and try again")]
    WrongCode,
    #[error("the room code's ticket is damaged: {0}")]
    BadTicket(LinkError),
}

/// A short room code. `Debug` shows only the lookup part.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomCode(String);

impl RoomCode {
    /// A code from 12 random bytes supplied by the caller (each gives one
    /// character: 256 is a multiple of 32, so every character is uniform).
    pub fn from_random(bytes: [u8; LOOKUP_CHARS + SECRET_CHARS]) -> Self {
        RoomCode(bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect())
    }

    /// Reads a typed code: case, spaces and dashes do not matter, and the
    /// letters people confuse with digits (I, L → 1; O → 0) are forgiven.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let mut code = String::with_capacity(12);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{2010}'..='\u{2015}' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(CodeError::BadCode { found: input.trim().to_owned() }),
            };
            code.push(c);
        }
        if code.len() != LOOKUP_CHARS + SECRET_CHARS {
            return Err(CodeError::BadCode { found: input.trim().to_owned() });
        }
        Ok(RoomCode(code))
    }

    /// True when `input` is meant as a short code rather than a link or room id.
    pub fn looks_like_code(input: &str) -> bool {
        RoomCode::parse(input).is_ok()
    }

    /// The part the relay sees: the ticket's name.
    pub fn lookup(&self) -> &str {
        &self.0[..LOOKUP_CHARS]
    }

    /// The code as shown to people: three groups of four.
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }

    /// The PBKDF2 password: the 12 canonical characters.
    pub fn kdf_password(&self) -> &str {
        &self.0
    }

    /// The PBKDF2 salt: a label and the lookup part.
    pub fn kdf_salt(&self) -> Vec<u8> {
        let mut salt = b"constellation/room-code/v1:".to_vec();
        salt.extend_from_slice(self.lookup().as_bytes());
        salt
    }
}

impl std::fmt::Debug for RoomCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RoomCode({}-…)", self.lookup())
    }
}

fn aad(lookup: &str) -> Vec<u8> {
    let mut aad = b"constellation/ticket/v1:".to_vec();
    aad.extend_from_slice(lookup.as_bytes());
    aad
}

/// Seals `link` (which the code will open) under the key derived from `code`.
pub fn seal_ticket(code: &RoomCode, derived_key: &[u8; 32], link: &RoomLink, nonce: [u8; 12]) -> Vec<u8> {
    let plaintext = link.path(Section::Board);
    let cipher = Aes256Gcm::new(derived_key.into());
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext.as_bytes(), aad: &aad(code.lookup()) })
        .expect("AES-GCM encryption cannot fail for a link");
    let mut ticket = vec![TICKET_VERSION];
    ticket.extend_from_slice(&nonce);
    ticket.extend_from_slice(&ciphertext);
    ticket
}

/// Opens a ticket fetched for `code` with the key derived from it.
pub fn open_ticket(code: &RoomCode, derived_key: &[u8; 32], ticket: &[u8]) -> Result<RoomLink, CodeError> {
    if ticket.len() < 1 + 12 + 16 || ticket[0] != TICKET_VERSION {
        return Err(CodeError::WrongCode);
    }
    let cipher = Aes256Gcm::new(derived_key.into());
    let plaintext = cipher
        .decrypt(Nonce::from_slice(&ticket[1..13]), Payload { msg: &ticket[13..], aad: &aad(code.lookup()) })
        .map_err(|_| CodeError::WrongCode)?;
    let path = String::from_utf8(plaintext).map_err(|_| CodeError::WrongCode)?;
    RoomLink::parse(&path).map_err(CodeError::BadTicket)
}

/// The request header carrying, when a code is made, the SHA-256 of its
/// [`WithdrawKey`] (64 hex digits): the relay keeps only that digest.
pub const WITHDRAW_DIGEST_HEADER: &str = "x-withdraw-key-sha256";
/// The request header carrying the [`WithdrawKey`] itself (64 hex digits)
/// when its code is withdrawn (`DELETE`).
pub const WITHDRAW_KEY_HEADER: &str = "x-withdraw-key";

/// The secret that withdraws a room code before it expires. The browser that
/// made the code draws it and keeps it; the relay stores only its SHA-256, so
/// neither the relay's memory nor anyone who merely knows the code (it is
/// shown on a projector) can withdraw it.
#[derive(Clone, PartialEq, Eq)]
pub struct WithdrawKey([u8; 32]);

impl WithdrawKey {
    pub fn from_random(bytes: [u8; 32]) -> Self {
        WithdrawKey(bytes)
    }

    /// The key as sent in [`WITHDRAW_KEY_HEADER`].
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// The digest as sent in [`WITHDRAW_DIGEST_HEADER`].
    pub fn digest_hex(&self) -> String {
        use sha2::Digest;
        hex(&sha2::Sha256::digest(self.0))
    }

    /// Reads a key sent in [`WITHDRAW_KEY_HEADER`]; `None` unless 64 hex digits.
    pub fn from_hex(text: &str) -> Option<Self> {
        parse_hex32(text).map(WithdrawKey)
    }
}

impl std::fmt::Debug for WithdrawKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WithdrawKey(…)")
    }
}

/// Reads a digest sent in [`WITHDRAW_DIGEST_HEADER`]; `None` unless 64 hex digits.
pub fn parse_withdraw_digest(text: &str) -> Option<[u8; 32]> {
    parse_hex32(text)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hex32(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> RoomCode {
        RoomCode::from_random([0, 1, 2, 3, 31, 30, 29, 28, 32, 65, 200, 255])
    }

    #[test]
    fn codes_are_twelve_crockford_characters_shown_in_groups() {
        let c = code();
        assert_eq!(c.kdf_password(), "0123ZYXW018Z");
        assert_eq!(c.display(), "0123-ZYXW-018Z");
        assert_eq!(c.lookup(), "0123");
        assert_eq!(format!("{c:?}"), "RoomCode(0123-…)");
        assert_eq!(c.kdf_salt(), b"constellation/room-code/v1:0123".to_vec());
    }

    #[test]
    fn typed_codes_forgive_case_spacing_and_look_alike_letters() {
        let c = code();
        for typed in ["0123-ZYXW-018Z", "0123zyxw018z", " o123 zyxw o18z ", "O123-ZYXW-Ol8Z", "0I23 ZYXW 018Z"] {
            assert_eq!(RoomCode::parse(typed), Ok(c.clone()), "{typed}");
        }
        for bad in ["", "0123-ZYXW", "0123-ZYXW-018Z-1", "0123-ZYXW-018U", "/r/abc"] {
            assert!(matches!(RoomCode::parse(bad), Err(CodeError::BadCode { .. })), "{bad}");
        }
        // A room id or link is not a code.
        let link = RoomLink::new_room([1; 32], [2; 32]);
        assert!(!RoomCode::looks_like_code(&link.path(Section::Board)));
        assert!(!RoomCode::looks_like_code(link.room.as_str()));
    }

    #[test]
    fn a_ticket_opens_with_its_code_only() {
        let c = code();
        let link = RoomLink::new_room([1; 32], [2; 32]);
        let ticket = seal_ticket(&c, &[7; 32], &link, [3; 12]);
        assert!(ticket.len() < MAX_TICKET_BYTES);
        assert_eq!(open_ticket(&c, &[7; 32], &ticket), Ok(link.clone()));
        assert_eq!(open_ticket(&c, &[8; 32], &ticket), Err(CodeError::WrongCode));
        // The lookup part is bound: a ticket stored under another name is refused.
        let other = RoomCode::parse("1123-ZYXW-018Z").unwrap();
        assert_eq!(open_ticket(&other, &[7; 32], &ticket), Err(CodeError::WrongCode));
        assert_eq!(open_ticket(&c, &[7; 32], &ticket[..10]), Err(CodeError::WrongCode));
        // The view-only link's ticket carries no write key.
        let view = open_ticket(&c, &[7; 32], &seal_ticket(&c, &[7; 32], &link.view_only(), [4; 12])).unwrap();
        assert_eq!(view.write, None);
    }

    #[test]
    fn a_withdraw_key_travels_as_hex_and_its_digest_is_sha256() {
        let key = WithdrawKey::from_random([7; 32]);
        assert_eq!(WithdrawKey::from_hex(&key.to_hex()), Some(key.clone()));
        // SHA-256 of 32 bytes of 7, as `printf '\x07%.0s' {1..32} | sha256sum` gives it.
        assert_eq!(key.digest_hex(), "4bb06f8e4e3a7715d201d573d0aa423762e55dabd61a2c02278fa56cc6d294e0");
        assert!(parse_withdraw_digest(&key.digest_hex()).is_some());
        assert_ne!(key.digest_hex(), key.to_hex());
        assert_eq!(WithdrawKey::from_hex("abc"), None);
        assert_eq!(WithdrawKey::from_hex(&"zz".repeat(32)), None);
        assert_eq!(parse_withdraw_digest(&"é".repeat(32)), None);
        assert!(!format!("{key:?}").contains("07"));
    }
}
