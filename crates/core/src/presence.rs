//! Presence: who is in the room right now and where they are looking.
//!
//! Presence travels sealed like everything else but is never stored by the
//! relay; it is rebuilt from live connections. It is small on purpose (the relay
//! refuses presence over 1 KiB) and every field is optional except the name.

use serde::{Deserialize, Serialize};

/// Longest display name kept, in characters; longer names are cut.
pub const MAX_NAME_CHARS: usize = 80;

/// The section an embedded view announces (part of the presence format).
pub const EMBED_SECTION: &str = "embed";

/// One participant's presence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Presence {
    /// Display name as the participant typed it.
    pub name: String,
    /// The section they are in ("board", "goals", …), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Their pointer on a board, in board coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<Cursor>,
}

/// A pointer position on a board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    pub board: String,
    pub x: f64,
    pub y: f64,
}

impl Presence {
    /// Presence with just a name (cleaned by [`clean_name`]).
    pub fn named(name: &str) -> Self {
        Presence { name: clean_name(name), section: None, cursor: None }
    }

    /// The presence of a view embedded in another website: it watches the
    /// room but is not a participant, so counts of the people in a room leave
    /// it out ([`Presence::is_embedded`]).
    pub fn embedded() -> Self {
        Presence { section: Some(EMBED_SECTION.to_owned()), ..Presence::named("") }
    }

    /// Whether this is an embedded view on a website rather than a person in the room.
    pub fn is_embedded(&self) -> bool {
        self.section.as_deref() == Some(EMBED_SECTION)
    }

    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("presence always serializes")
    }

    /// Reads presence sent by another participant; anything unreadable is `None`
    /// (a broken peer must not break the participant list).
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut p: Presence = serde_json::from_slice(bytes).ok()?;
        p.name = clean_name(&p.name);
        Some(p)
    }
}

/// Trims a display name and cuts it to [`MAX_NAME_CHARS`]. A nameless
/// participant keeps an empty name: the view shows it in the reader's language.
pub fn clean_name(name: &str) -> String {
    name.trim().chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_round_trips_and_stays_small() {
        let p = Presence {
            name: "Aïcha Benali 👋".into(),
            section: Some("board".into()),
            cursor: Some(Cursor { board: "b1".into(), x: 120.5, y: -3.0 }),
        };
        let bytes = p.encode();
        assert!(bytes.len() < 200);
        assert_eq!(Presence::decode(&bytes), Some(p));
    }

    #[test]
    fn embedded_views_are_told_apart_from_people() {
        let embed = Presence::decode(&Presence::embedded().encode()).expect("decodes");
        assert!(embed.is_embedded());
        assert!(!Presence::named("Aïcha").is_embedded());
        let on_board = Presence { section: Some("board".into()), ..Presence::named("Ben") };
        assert!(!on_board.is_embedded());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(Presence::named("   ").name, "");
        assert_eq!(Presence::named(" Ana\u{7} ").name, "Ana");
        assert_eq!(Presence::named(&"x".repeat(500)).name.chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn garbage_is_not_presence() {
        assert_eq!(Presence::decode(b"\xff\x00not json"), None);
        assert_eq!(Presence::decode(b"{\"cursor\":1}"), None);
    }
}
