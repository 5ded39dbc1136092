//! Undo and redo of this replica's own network edits, apart from the
//! whiteboard's: in the network view, "Undo" takes back the last organization,
//! person or tie added, edited, deleted or merged here, the last quick entry
//! or the last import (each is one step), never a whiteboard edit and never
//! another participant's edit. It works like the whiteboard's history (see
//! `board::undo`): a yrs `UndoManager` over the network's root maps that
//! records only this replica's transactions.

use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use yrs::Doc;

use super::store::{ORGANIZATIONS, PEOPLE, TIES};
use crate::board::History;
use crate::room::{Room, Update};

/// The network's history in `doc`. Every network edit is a form sent or a
/// file imported, never typing, so each is its own step however soon the next
/// one comes; an import added in parts is one step. So steps are not cut by
/// time: the history's clock stands still, every transaction joins the step
/// before it, and `Room::edit` ends the step before each edit except the
/// second and later parts of an import.
pub(crate) fn history(doc: &Doc) -> History {
    let roots = [ORGANIZATIONS, PEOPLE, TIES].map(|name| doc.get_or_insert_map(name));
    History::new(doc, &[&roots[0], &roots[1], &roots[2]], Arc::new(AtomicU64::new(1)), 1)
}

impl Room {
    /// Undoes this replica's last network edit not undone yet, and returns
    /// the update to send (empty when there was nothing to undo). The
    /// facilitator's board lock does not apply: it holds the whiteboard only.
    pub fn undo_network(&mut self) -> Update {
        if self.network_import_open {
            return self.record_local(yrs::Update::EMPTY_V1.to_vec());
        }
        let bytes = self.network_history.step(true);
        self.record_local(bytes)
    }

    /// Redoes the last undone network edit, if no new network edit came since.
    pub fn redo_network(&mut self) -> Update {
        if self.network_import_open {
            return self.record_local(yrs::Update::EMPTY_V1.to_vec());
        }
        let bytes = self.network_history.step(false);
        self.record_local(bytes)
    }

    pub fn can_undo_network(&self) -> bool {
        !self.network_import_open && self.network_history.can_undo()
    }

    pub fn can_redo_network(&self) -> bool {
        !self.network_import_open && self.network_history.can_redo()
    }
}

#[cfg(test)]
mod tests {
    use crate::board::{NewNote, NoteColor};
    use crate::network::{Colleague, NewOrganization, NewPerson, NewTie, NodeRef, QuickEntry, Sector, TieKind};
    use crate::room::{ClientId, Room};

    fn room(client: u64) -> Room {
        Room::new(ClientId::new(client).unwrap())
    }

    fn org(name: &str, sector: Sector) -> NewOrganization {
        NewOrganization { name: name.into(), sector, tags: Vec::new() }
    }

    fn person(name: &str, organization: Option<String>) -> NewPerson {
        NewPerson { name: name.into(), organization, role: String::new(), level: None }
    }

    fn names(room: &Room) -> Vec<String> {
        let network = room.network();
        let mut names: Vec<String> = network.organizations.iter().map(|o| o.name.clone()).collect();
        names.extend(network.people.iter().map(|p| p.name.clone()));
        names
    }

    #[test]
    fn undo_takes_back_network_edits_one_at_a_time_and_redo_puts_them_back() {
        let mut room = room(3);
        assert!(!room.can_undo_network());
        let (_, city) = room.add_organization(org("City Hall", Sector::Government)).unwrap();
        room.end_undo_step();
        let (_, ana) = room
            .add_person(person("Ana", Some(city.clone())))
            .unwrap();
        room.end_undo_step();
        let (_, ben) = room.add_person(person("Ben", None)).unwrap();
        room.end_undo_step();
        room.add_tie(NewTie {
            from: NodeRef::Person(ana.clone()),
            to: NodeRef::Person(ben.clone()),
            kind: TieKind::Collaborates,
            trust: 4,
            directed: false,
            note: String::new(),
        })
        .unwrap();
        assert_eq!(room.network().ties.len(), 1);

        assert!(!room.undo_network().is_empty());
        assert_eq!(room.network().ties.len(), 0);
        assert!(!room.undo_network().is_empty());
        assert_eq!(names(&room), ["City Hall", "Ana"]);
        assert!(room.can_redo_network());
        assert!(!room.redo_network().is_empty());
        assert_eq!(names(&room), ["City Hall", "Ana", "Ben"]);
        assert!(room.network().validate().is_ok());
    }

    #[test]
    fn network_edits_made_in_quick_succession_stay_separate_steps() {
        let mut room = room(8);
        room.set_edit_time(1_000);
        room.add_organization(org("City Hall", Sector::Government)).unwrap();
        room.set_edit_time(1_000);
        room.add_organization(org("Food Bank", Sector::CivilSociety)).unwrap();
        room.undo_network();
        assert_eq!(names(&room), ["City Hall"]);
    }

    #[test]
    fn a_quick_entry_and_an_import_are_one_step_each() {
        let mut room = room(4);
        let entry = QuickEntry::new("Ana", "City Hall", vec![Colleague::new("Ben", "Food Bank")]);
        room.quick_entry(entry).unwrap();
        room.end_undo_step();
        assert_eq!(room.network().people.len(), 2);
        room.undo_network();
        assert_eq!(names(&room), Vec::<String>::new());
        room.redo_network();
        assert_eq!(names(&room).len(), 4);
    }

    #[test]
    fn network_and_whiteboard_histories_stay_apart() {
        let mut room = room(5);
        let board = room.add_board("Ideas").unwrap().1;
        room.end_undo_step();
        room.add_organization(org("River Trust", Sector::CivilSociety)).unwrap();
        room.end_undo_step();
        room.add_note(NewNote {
            board: board.clone(),
            text: "Plant trees".into(),
            x: 0.0,
            y: 0.0,
            color: NoteColor::Blue,
            author: "Ana".into(),
        })
        .unwrap();
        room.end_undo_step();

        // Undo in the network view leaves the note; undo on the board leaves the organization.
        room.undo_network();
        assert!(names(&room).is_empty());
        assert_eq!(room.notes(&board).len(), 1);
        room.redo_network();
        room.undo();
        assert!(room.notes(&board).is_empty());
        assert_eq!(names(&room), ["River Trust"]);
    }

    #[test]
    fn another_participants_network_edit_is_never_undone_here() {
        let mut mine = room(6);
        let mut theirs = room(7);
        let (update, _) = theirs.add_organization(org("Water Utility", Sector::Business)).unwrap();
        mine.apply_update(update.as_bytes()).unwrap();
        assert!(!mine.can_undo_network());
        assert!(mine.undo_network().is_empty());
        assert_eq!(names(&mine), ["Water Utility"]);

        // Undoing my own edit keeps theirs, and the undo reaches them as an update.
        let (added, _) = mine.add_organization(org("City Hall", Sector::Government)).unwrap();
        theirs.apply_update(added.as_bytes()).unwrap();
        let mut both = names(&theirs);
        both.sort();
        assert_eq!(both, ["City Hall", "Water Utility"]);
        let undo = mine.undo_network();
        theirs.apply_update(undo.as_bytes()).unwrap();
        assert_eq!(names(&mine), ["Water Utility"]);
        assert_eq!(names(&theirs), ["Water Utility"]);
    }
}
