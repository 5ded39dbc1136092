//! What describes the room as a whole: for now, its title.
//!
//! The title is one value in the root map `meta`, replaced as a whole: when two
//! people rename the room at once, one name wins on every replica (the CRDT picks
//! the same one everywhere) rather than a blend of both.

use yrs::Map;

use crate::room::{Room, Update};
use crate::values::read_string;

/// The longest room title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// Why a change to the room's description was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetaError {
    #[error("a room title holds at most {max} characters; this one has {length}")]
    TitleTooLong { length: usize, max: usize },
}

const TITLE: &str = "title";

impl Room {
    /// The room's title; empty until someone sets one.
    pub fn title(&self) -> String {
        self.read(|txn, roots| read_string(txn, &roots.meta, TITLE))
            .unwrap_or_default()
    }

    /// Replaces the title. Surrounding whitespace is dropped; an empty title is allowed.
    pub fn set_title(&mut self, title: &str) -> Result<Update, MetaError> {
        let title = title.trim();
        let length = title.chars().count();
        if length > MAX_TITLE_CHARS {
            return Err(MetaError::TitleTooLong {
                length,
                max: MAX_TITLE_CHARS,
            });
        }
        let ((), update) = self.edit(|txn, roots| {
            roots.meta.insert(txn, TITLE, title);
            Ok(())
        })?;
        Ok(update)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::ClientId;

    fn room() -> Room {
        Room::new(ClientId::new(1).unwrap())
    }

    #[test]
    fn title_starts_empty_and_can_be_set() {
        let mut room = room();
        assert_eq!(room.title(), "");
        room.set_title("  Clean river by 2030 ").unwrap();
        assert_eq!(room.title(), "Clean river by 2030");
        room.set_title("").unwrap();
        assert_eq!(room.title(), "");
    }

    #[test]
    fn too_long_title_is_refused_and_changes_nothing() {
        let mut room = room();
        room.set_title("Before").unwrap();
        let revision = room.revision();
        let err = room
            .set_title(&"é".repeat(MAX_TITLE_CHARS + 1))
            .unwrap_err();
        assert_eq!(
            err,
            MetaError::TitleTooLong {
                length: 201,
                max: 200
            }
        );
        assert_eq!(
            err.to_string(),
            "a room title holds at most 200 characters; this one has 201"
        );
        assert_eq!(room.title(), "Before");
        assert_eq!(room.revision(), revision);
        assert!(room.set_title(&"é".repeat(MAX_TITLE_CHARS)).is_ok());
    }

    #[test]
    fn concurrent_titles_agree_on_one() {
        let mut a = room();
        let mut b = Room::new(ClientId::new(2).unwrap());
        let ua = a.set_title("From A").unwrap();
        let ub = b.set_title("From B").unwrap();
        a.apply_update(ub.as_bytes()).unwrap();
        b.apply_update(ua.as_bytes()).unwrap();
        assert_eq!(a.title(), b.title());
    }
}
