//! Links: an arrow from one note to another on the same board, with an
//! optional label.
//!
//! A link belongs to the board of its notes and lives as long as both do:
//! deleting a note deletes its links, and a link whose note was deleted at the
//! same moment elsewhere is not shown. Two people may link the same two notes
//! at once; both links are kept (nothing is silently merged) and either can be
//! deleted.

use serde::{Deserialize, Serialize};
use yrs::{Map, MapPrelim, MapRef, Out, ReadTxn};

use super::{new_id, notes, BoardError, BoardId, LinkId, NoteId};
use crate::room::{Room, Update};
use crate::values::{read_map, read_string};

/// The most characters of a link's label.
pub const MAX_LINK_LABEL_CHARS: usize = 100;

/// An arrow from one note to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    /// The board of both notes.
    pub board: BoardId,
    pub from: NoteId,
    pub to: NoteId,
    /// Empty when the arrow has no label.
    pub label: String,
}

pub(crate) const FROM: &str = "from";
pub(crate) const TO: &str = "to";
pub(crate) const LABEL: &str = "label";

impl Room {
    /// Draws an arrow from one note to another of the same board.
    pub fn add_link(
        &mut self,
        from: &NoteId,
        to: &NoteId,
        label: &str,
    ) -> Result<(Update, LinkId), BoardError> {
        let label = check_label(label)?;
        if from == to {
            return Err(BoardError::LinkToItself(from.clone()));
        }
        let client = self.client().get();
        let (id, update) = self.edit_whiteboard(|txn, roots| {
            let board_of = |note: &NoteId| {
                read_map(txn, &roots.notes, note.as_str())
                    .and_then(|map| read_string(txn, &map, notes::BOARD))
                    .filter(|board| read_map(txn, &roots.boards, board).is_some())
                    .ok_or_else(|| BoardError::UnknownNote(note.clone()))
            };
            if board_of(from)? != board_of(to)? {
                return Err(BoardError::LinkAcrossBoards {
                    from: from.clone(),
                    to: to.clone(),
                });
            }
            let duplicate = roots.links.iter(txn).any(|(_, value)| match value {
                Out::YMap(map) => {
                    read_string(txn, &map, FROM).as_deref() == Some(from.as_str())
                        && read_string(txn, &map, TO).as_deref() == Some(to.as_str())
                }
                _ => false,
            });
            if duplicate {
                return Err(BoardError::DuplicateLink {
                    from: from.clone(),
                    to: to.clone(),
                });
            }
            let id = LinkId(new_id(txn, client));
            let map = roots.links.insert(txn, id.as_str(), MapPrelim::default());
            write_link(txn, &map, from.as_str(), to.as_str(), label);
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Replaces a link's label (empty for none).
    pub fn set_link_label(&mut self, link: &LinkId, label: &str) -> Result<Update, BoardError> {
        let label = check_label(label)?;
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.links, link.as_str())
                .ok_or_else(|| BoardError::UnknownLink(link.clone()))?;
            map.insert(txn, LABEL, label);
            Ok(())
        })?;
        Ok(update)
    }

    pub fn delete_link(&mut self, link: &LinkId) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            roots
                .links
                .remove(txn, link.as_str())
                .ok_or_else(|| BoardError::UnknownLink(link.clone()))?;
            Ok(())
        })?;
        Ok(update)
    }

    /// The links of one board, by id.
    pub fn links(&self, board: &BoardId) -> Vec<Link> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, Some(board)).links)
    }

    /// Every link of the room whose notes exist, by id.
    pub(crate) fn all_links(&self) -> Vec<Link> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, None).links)
    }
}

pub(crate) fn write_link(
    txn: &mut yrs::TransactionMut<'_>,
    map: &MapRef,
    from: &str,
    to: &str,
    label: &str,
) {
    map.insert(txn, FROM, from);
    map.insert(txn, TO, to);
    map.insert(txn, LABEL, label);
}

/// Reads a link's id and ends; its board is that of its notes, found by the caller.
pub(crate) fn read_link<T: ReadTxn>(
    txn: &T,
    id: &str,
    map: &MapRef,
) -> Option<(LinkId, NoteId, NoteId, String)> {
    Some((
        LinkId::new(id),
        NoteId::new(read_string(txn, map, FROM)?),
        NoteId::new(read_string(txn, map, TO)?),
        read_string(txn, map, LABEL).unwrap_or_default(),
    ))
}

pub(crate) fn check_label(label: &str) -> Result<&str, BoardError> {
    let label = label.trim();
    let length = label.chars().count();
    if length > MAX_LINK_LABEL_CHARS {
        return Err(BoardError::LinkLabelTooLong {
            length,
            max: MAX_LINK_LABEL_CHARS,
        });
    }
    Ok(label)
}
