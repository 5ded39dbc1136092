//! Room identifiers, room keys, and the links that carry them.
//!
//! A room is named by a random 128-bit id and protected by a random 256-bit key.
//! Both travel in the room link: the id in the path (`/r/{id}`), the key in the
//! fragment (`#k=…`), which browsers never send to a server, so the relay learns
//! which room a frame belongs to but can never read it. This module only encodes
//! and parses; callers supply the random bytes (core reads no randomness itself).

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Why a room id, key or link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("a room code is 22 letters, digits, '-' or '_'; found {found:?}")]
    BadRoomId { found: String },
    #[error("the room key in the link is damaged (expected 43 letters, digits, '-' or '_' after '#k=')")]
    BadRoomKey,
    #[error("no room code found in {input:?}: paste the room link or its code")]
    NoRoom { input: String },
}

/// A room's public name: 16 random bytes, written as 22 base64url characters.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoomId(String);

impl RoomId {
    /// Makes an id from 16 random bytes supplied by the caller.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        RoomId(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Reads an id as it appears in a link or as typed by a person (surrounding
    /// spaces are forgiven; anything else that is not exactly an id is refused).
    pub fn parse(input: &str) -> Result<Self, LinkError> {
        let s = input.trim();
        let decoded = URL_SAFE_NO_PAD.decode(s).ok().filter(|b| b.len() == 16);
        match decoded {
            // Re-encoding refuses non-canonical spellings, so one room has one id.
            Some(bytes) if URL_SAFE_NO_PAD.encode(&bytes) == s => Ok(RoomId(s.to_owned())),
            _ => Err(LinkError::BadRoomId { found: s.to_owned() }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 16 bytes the id encodes (as the relay's frames and the cipher's
    /// associated data carry it).
    pub fn to_bytes(&self) -> [u8; 16] {
        let bytes = URL_SAFE_NO_PAD.decode(&self.0).expect("a RoomId is always valid base64url");
        bytes.try_into().expect("a RoomId always encodes 16 bytes")
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
        let bytes = URL_SAFE_NO_PAD.decode(input.trim()).map_err(|_| LinkError::BadRoomKey)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| LinkError::BadRoomKey)?;
        Ok(RoomKey(bytes))
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
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        fragment
            .split('&')
            .find_map(|pair| pair.strip_prefix("k="))
            .map(RoomKey::parse)
            .transpose()
    }
}

impl fmt::Debug for RoomKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RoomKey(…)")
    }
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

/// What a room link carries: the room and, for an edit link, its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomLink {
    pub room: RoomId,
    pub key: Option<RoomKey>,
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
        let key = match fragment {
            Some(f) => RoomKey::from_fragment(f)?,
            None => None,
        };
        Ok(RoomLink { room, key })
    }

    /// The in-app path of a section of this room, keeping the key in the
    /// fragment so the address bar always holds a shareable link.
    pub fn path(&self, section: Section) -> String {
        let mut path = format!("/r/{}/{}", self.room, section.slug());
        if let Some(key) = &self.key {
            path.push_str("#k=");
            path.push_str(&key.encode());
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
        RoomLink { room: RoomId::from_random(ID_BYTES), key: Some(RoomKey::from_random(KEY_BYTES)) }
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
        assert_eq!(bare, RoomLink { room: expected.room.clone(), key: None });
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
}
