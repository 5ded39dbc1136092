//! Room identifiers, room keys, and the links that carry them.
//!
//! A room is protected by a random 256-bit key. The key travels in the room
//! link's fragment (`#k=…`), which browsers never send to a server, so the relay
//! learns which room a frame belongs to but can never read it.
//!
//! Rooms come in two kinds, told apart by the length of their id:
//! - a **signed room** (every room created since protocol version 2) is named by
//!   its Ed25519 verifying key (32 bytes, 43 characters). Its edit link also
//!   carries the write key (`&w=…`, the signing key's seed); its view link does
//!   not. The relay reads the verifying key from the id itself, so it checks every
//!   stored write's signature without trusting anyone to tell it the key (see
//!   [`crate::sign`] and docs/security.md);
//! - an **open room** (created before) is named by 16 random bytes (22
//!   characters): anyone with its key may edit, as before.
//!
//! This module only encodes and parses; callers supply the random bytes (core
//! reads no randomness itself).

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Why a room id, key or link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("a room code is 43 letters, digits, '-' or '_' (22 for rooms made before view-only links); found {found:?}")]
    BadRoomId { found: String },
    #[error("the write key in the link is damaged (expected 43 letters, digits, '-' or '_' after 'w=')")]
    BadWriteKey,
    #[error("the write key in the link does not belong to this room; ask for the room's edit link again")]
    WriteKeyMismatch,
    #[error("the room key in the link is damaged (expected 43 letters, digits, '-' or '_' after '#k=')")]
    BadRoomKey,
    #[error("no room code found in {input:?}: paste the room link or its code")]
    NoRoom { input: String },
}

/// A room's public name: a signed room's verifying key (32 bytes, 43 base64url
/// characters) or an open room's 16 random bytes (22 characters).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoomId(String);

impl RoomId {
    /// Makes an open room's id from 16 random bytes supplied by the caller.
    /// New rooms are signed ([`RoomId::signed`]); this remains for rooms made
    /// before, and for tests and tools.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        RoomId(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The id of the signed room whose write key is `write`: its verifying key.
    pub fn signed(write: &WriteKey) -> Self {
        RoomId(URL_SAFE_NO_PAD.encode(crate::sign::verifying_key_bytes(write)))
    }

    /// Reads an id as it appears in a link or as typed by a person (surrounding
    /// spaces are forgiven; anything else that is not exactly an id is refused,
    /// including 32 bytes that are not an Ed25519 verifying key).
    pub fn parse(input: &str) -> Result<Self, LinkError> {
        let s = input.trim();
        let decoded = URL_SAFE_NO_PAD.decode(s).ok().filter(|b| match b.len() {
            16 => true,
            32 => crate::sign::is_verifying_key(b),
            _ => false,
        });
        match decoded {
            // Re-encoding refuses non-canonical spellings, so one room has one id.
            Some(bytes) if URL_SAFE_NO_PAD.encode(&bytes) == s => Ok(RoomId(s.to_owned())),
            _ => Err(LinkError::BadRoomId { found: s.to_owned() }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for a signed room (its id is its verifying key), false for an open one.
    pub fn is_signed(&self) -> bool {
        self.0.len() == 43
    }

    /// The bytes the id encodes (16 or 32), as the cipher's associated data and
    /// the signatures carry it.
    pub fn to_bytes(&self) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(&self.0).expect("a RoomId is always valid base64url")
    }
}

impl fmt::Display for RoomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for RoomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RoomId({})", self.0)
    }
}

/// The room's secret: 32 random bytes (an AES-256 key), written as 43 base64url
/// characters in the link fragment. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomKey([u8; 32]);

impl RoomKey {
    /// Makes a key from 32 random bytes supplied by the caller.
    pub fn from_random(bytes: [u8; 32]) -> Self {
        RoomKey(bytes)
    }

    pub fn parse(input: &str) -> Result<Self, LinkError> {
        key_bytes(input).map(RoomKey).ok_or(LinkError::BadRoomKey)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as written after `#k=`.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// Reads the key from a URL fragment such as `#k=…` or `k=…&other=1`.
    /// A fragment without `k=` gives `Ok(None)`; a damaged key is an error.
    pub fn from_fragment(fragment: &str) -> Result<Option<Self>, LinkError> {
        fragment_value(fragment, "k=").map(RoomKey::parse).transpose()
    }
}

impl fmt::Debug for RoomKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RoomKey(…)")
    }
}

/// A signed room's write key: the 32-byte seed of its Ed25519 signing key,
/// written as 43 base64url characters after `w=` in the edit link's fragment.
/// Whoever holds it may change the room. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct WriteKey([u8; 32]);

impl WriteKey {
    /// Makes a write key from 32 random bytes supplied by the caller.
    pub fn from_random(bytes: [u8; 32]) -> Self {
        WriteKey(bytes)
    }

    pub fn parse(input: &str) -> Result<Self, LinkError> {
        key_bytes(input).map(WriteKey).ok_or(LinkError::BadWriteKey)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as written after `w=`.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// Reads the write key from a URL fragment such as `#k=…&w=…`.
    pub fn from_fragment(fragment: &str) -> Result<Option<Self>, LinkError> {
        fragment_value(fragment, "w=").map(WriteKey::parse).transpose()
    }
}

/// 32 bytes written as base64url (a room key or a write key), if `input` is that.
fn key_bytes(input: &str) -> Option<[u8; 32]> {
    URL_SAFE_NO_PAD.decode(input.trim()).ok()?.try_into().ok()
}

/// The value after `name` (such as `"k="`) in a URL fragment like `#k=…&w=…`.
fn fragment_value<'a>(fragment: &'a str, name: &str) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|pair| pair.strip_prefix(name))
}

impl fmt::Debug for WriteKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WriteKey(…)")
    }
}

/// What a link lets its holder do in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A signed room with its write key: read and edit.
    Edit,
    /// A signed room without its write key: read only (the relay refuses writes).
    View,
    /// An open room (made before signed rooms): anyone with the key may edit.
    Open,
}

/// One of the views of a room, each at its own path under `/r/{id}/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Board,
    Goals,
    Network,
    Commitments,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Board, Section::Goals, Section::Network, Section::Commitments];

    /// The path segment of this section.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Board => "board",
            Section::Goals => "goals",
            Section::Network => "network",
            Section::Commitments => "commitments",
        }
    }
}

/// What a room link carries: the room, its key (to read), and for a signed
/// room's edit link its write key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomLink {
    pub room: RoomId,
    pub key: Option<RoomKey>,
    pub write: Option<WriteKey>,
}

impl RoomLink {
    /// Reads whatever a person pastes into "Room code or link": a full URL
    /// (`https://host/r/{id}/board#k=…`), a path (`/r/{id}#k=…`), or a bare code
    /// with or without its key (`{id}#k=…`, `{id}`).
    pub fn parse(input: &str) -> Result<Self, LinkError> {
        let input = input.trim();
        let (before_fragment, fragment) = match input.split_once('#') {
            Some((head, frag)) => (head, Some(frag)),
            None => (input, None),
        };
        let code = match before_fragment.find("/r/") {
            Some(at) => before_fragment[at + 3..].split(['/', '?']).next().unwrap_or(""),
            None if before_fragment.contains('/') => {
                return Err(LinkError::NoRoom { input: input.to_owned() });
            }
            None => before_fragment,
        };
        if code.is_empty() {
            return Err(LinkError::NoRoom { input: input.to_owned() });
        }
        let room = RoomId::parse(code)?;
        RoomLink::from_parts(room, fragment.unwrap_or(""))
    }

    /// The link of `room` with what its URL fragment (`#k=…&w=…`) carries. A
    /// write key that does not belong to the room is refused.
    pub fn from_parts(room: RoomId, fragment: &str) -> Result<Self, LinkError> {
        let key = RoomKey::from_fragment(fragment)?;
        let write = WriteKey::from_fragment(fragment)?;
        if let Some(w) = &write {
            if RoomId::signed(w) != room {
                return Err(LinkError::WriteKeyMismatch);
            }
        }
        Ok(RoomLink { room, key, write })
    }

    /// A new signed room, from random bytes supplied by the caller.
    pub fn new_room(key: [u8; 32], write: [u8; 32]) -> Self {
        let write = WriteKey::from_random(write);
        RoomLink { room: RoomId::signed(&write), key: Some(RoomKey::from_random(key)), write: Some(write) }
    }

    /// What this link lets its holder do.
    pub fn access(&self) -> Access {
        match (self.room.is_signed(), &self.write) {
            (false, _) => Access::Open,
            (true, Some(_)) => Access::Edit,
            (true, None) => Access::View,
        }
    }

    /// The same link without the write key: what to give people who should
    /// only read (for an open room, it is the same link).
    pub fn view_only(&self) -> RoomLink {
        RoomLink { write: None, ..self.clone() }
    }

    /// The in-app path of a section of this room, keeping the key in the
    /// fragment so the address bar always holds a shareable link.
    pub fn path(&self, section: Section) -> String {
        let mut path = format!("/r/{}/{}", self.room, section.slug());
        if let Some(key) = &self.key {
            path.push_str("#k=");
            path.push_str(&key.encode());
            if let Some(write) = &self.write {
                path.push_str("&w=");
                path.push_str(&write.encode());
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID_BYTES: [u8; 16] = [7; 16];
    const KEY_BYTES: [u8; 32] = [42; 32];

    fn link() -> RoomLink {
        RoomLink { room: RoomId::from_random(ID_BYTES), key: Some(RoomKey::from_random(KEY_BYTES)), write: None }
    }

    #[test]
    fn id_is_22_url_safe_characters_and_round_trips() {
        let id = RoomId::from_random(ID_BYTES);
        assert_eq!(id.as_str().len(), 22);
        assert!(id.as_str().chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(RoomId::parse(id.as_str()), Ok(id.clone()));
        assert_eq!(RoomId::parse(&format!("  {id} ")), Ok(id));
    }

    #[test]
    fn bad_ids_are_refused_with_what_was_found() {
        for bad in ["", "short", "BwcHBwcHBwcHBwcHBwcHBw=", "BwcHBwcHBwcHBwcHBwcHB!", "BwcHBwcHBwcHBwcHBwcHBx"] {
            match RoomId::parse(bad) {
                Err(LinkError::BadRoomId { found }) => assert_eq!(found, bad.trim()),
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn key_reads_from_fragment_and_never_prints() {
        let key = RoomKey::from_random(KEY_BYTES);
        let fragment = format!("#k={}", key.encode());
        assert_eq!(RoomKey::from_fragment(&fragment), Ok(Some(key.clone())));
        assert_eq!(RoomKey::from_fragment(&format!("x=1&k={}", key.encode())), Ok(Some(key.clone())));
        assert_eq!(RoomKey::from_fragment(""), Ok(None));
        assert_eq!(RoomKey::from_fragment("#k=abc"), Err(LinkError::BadRoomKey));
        assert_eq!(format!("{key:?}"), "RoomKey(…)");
    }

    #[test]
    fn link_parses_every_form_a_person_may_paste() {
        let expected = link();
        let path = expected.path(Section::Goals);
        let code = format!("{}#k={}", expected.room, expected.key.as_ref().unwrap().encode());
        for input in [format!("https://example.org{path}"), path.clone(), code, format!(" {path} ")] {
            assert_eq!(RoomLink::parse(&input), Ok(expected.clone()), "{input}");
        }
        let bare = RoomLink::parse(expected.room.as_str()).unwrap();
        assert_eq!(bare, RoomLink { room: expected.room.clone(), key: None, write: None });
    }

    #[test]
    fn link_without_room_is_refused() {
        assert!(matches!(RoomLink::parse("https://example.org/about"), Err(LinkError::NoRoom { .. })));
        assert!(matches!(RoomLink::parse("/r/"), Err(LinkError::NoRoom { .. })));
        assert!(matches!(RoomLink::parse("hello"), Err(LinkError::BadRoomId { .. })));
    }

    #[test]
    fn path_keeps_the_key_in_the_fragment() {
        let l = link();
        assert_eq!(l.path(Section::Board), format!("/r/{}/board#k={}", l.room, l.key.unwrap().encode()));
    }

    #[test]
    fn signed_room_links_carry_the_write_key_only_in_the_edit_link() {
        let edit = RoomLink::new_room(KEY_BYTES, [9; 32]);
        assert_eq!(edit.room.as_str().len(), 43);
        assert!(edit.room.is_signed());
        assert_eq!(edit.access(), Access::Edit);
        let path = edit.path(Section::Board);
        assert!(path.contains("&w="), "{path}");
        assert_eq!(RoomLink::parse(&format!("https://x.org{path}")), Ok(edit.clone()));
        let view = edit.view_only();
        assert_eq!(view.access(), Access::View);
        let view_path = view.path(Section::Board);
        assert!(!view_path.contains("w="), "{view_path}");
        assert_eq!(RoomLink::parse(&view_path), Ok(view));
        assert_eq!(format!("{:?}", edit.write.unwrap()), "WriteKey(…)");
        assert_eq!(link().access(), Access::Open);
        assert_eq!(link().view_only(), link());
    }

    #[test]
    fn a_write_key_of_another_room_or_a_damaged_one_is_refused() {
        let a = RoomLink::new_room(KEY_BYTES, [1; 32]);
        let b = RoomLink::new_room(KEY_BYTES, [2; 32]);
        let forged = format!("/r/{}#k={}&w={}", a.room, a.key.as_ref().unwrap().encode(), RoomLink::new_room(KEY_BYTES, [2; 32]).write.unwrap().encode());
        assert_eq!(RoomLink::parse(&forged), Err(LinkError::WriteKeyMismatch));
        let damaged = format!("/r/{}#k={}&w=abc", a.room, a.key.unwrap().encode());
        assert_eq!(RoomLink::parse(&damaged), Err(LinkError::BadWriteKey));
        // A write key on an open room belongs to no room.
        let open = link();
        let on_open = format!("{}&w={}", open.path(Section::Board), b.key.unwrap().encode());
        assert_eq!(RoomLink::parse(&on_open), Err(LinkError::WriteKeyMismatch));
    }

    #[test]
    fn a_43_character_id_must_be_a_verifying_key() {
        // 32 bytes that are not a point on the curve (y = 2 has no x), and the
        // identity (a weak key, y = 1): refused as ids.
        let mut y2 = [0u8; 32];
        y2[0] = 2;
        let mut identity = [0u8; 32];
        identity[0] = 1;
        for bytes in [y2, identity] {
            let not_a_key = URL_SAFE_NO_PAD.encode(bytes);
            assert!(matches!(RoomId::parse(&not_a_key), Err(LinkError::BadRoomId { .. })), "{bytes:?}");
        }
        let id = RoomLink::new_room(KEY_BYTES, [3; 32]).room;
        assert_eq!(RoomId::parse(id.as_str()), Ok(id.clone()));
        assert_eq!(id.to_bytes().len(), 32);
        assert_eq!(RoomId::from_random(ID_BYTES).to_bytes().len(), 16);
    }
}
