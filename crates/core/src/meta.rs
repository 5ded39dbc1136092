//! The room's own facts: its title.

use yrs::{Map, Out};

use crate::room::{Room, RoomError, Update};

/// Longest room title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

impl Room {
    /// The room's title ("" until someone names it).
    pub fn title(&self) -> String {
        self.read(|txn, room| match room.meta.get(txn, "title") {
            Some(Out::Any(yrs::Any::String(s))) => s.to_string(),
            _ => String::new(),
        })
    }

    /// Names the room. Concurrent renames converge on one of them.
    pub fn set_title(&mut self, title: &str) -> Result<(Update, ()), RoomError> {
        let title = title.trim();
        let len = title.chars().count();
        if len > MAX_TITLE_CHARS {
            return Err(RoomError::TitleTooLong { len, max: MAX_TITLE_CHARS });
        }
        Ok(self.transact(|txn, room| {
            room.meta.insert(txn, "title", title);
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::ClientId;

    #[test]
    fn title_is_set_trimmed_and_limited() {
        let mut room = Room::new(ClientId::new(1));
        assert_eq!(room.title(), "");
        room.set_title("  Clean River Coalition ").unwrap();
        assert_eq!(room.title(), "Clean River Coalition");
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(room.set_title(&long), Err(RoomError::TitleTooLong { len: 121, max: MAX_TITLE_CHARS }));
        assert_eq!(room.title(), "Clean River Coalition");
    }
}
