//! A number that changes whenever the room's network changes (an organization,
//! person or tie added, edited, merged or deleted, here or by anyone), and
//! only then: a view that draws the network re-reads it only when this moved,
//! not for every whiteboard edit (reading 20,000 entries takes a while).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use yrs::{DeepObservable, Doc};

use super::store::{ORGANIZATIONS, PEOPLE, TIES};
use crate::room::Room;

/// Numbers handed out, across every room of this program, so that two rooms
/// (a room and the copy that replaces it when a draft loads) never show the
/// same number for different networks.
static NEXT: AtomicU64 = AtomicU64::new(1);

const KEY: &str = "constellation-network-version";

/// Watches the network's root maps of `doc`; the number it holds moves on
/// every transaction that changes them.
pub(crate) fn watch(doc: &Doc) -> Arc<AtomicU64> {
    let version = Arc::new(AtomicU64::new(NEXT.fetch_add(1, Ordering::Relaxed)));
    for name in [ORGANIZATIONS, PEOPLE, TIES] {
        let version = Arc::clone(&version);
        doc.get_or_insert_map(name).observe_deep(KEY, move |_, _| {
            version.store(NEXT.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
        });
    }
    version
}

impl Room {
    /// Changes whenever the network changes, and only then (see the module).
    pub fn network_version(&self) -> u64 {
        self.network_version.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use crate::board::{NewNote, NoteColor};
    use crate::network::{NewOrganization, Sector};
    use crate::room::{ClientId, Room};

    #[test]
    fn the_version_moves_with_network_edits_only() {
        let mut mine = Room::new(ClientId::new(1).unwrap());
        let mut theirs = Room::new(ClientId::new(2).unwrap());
        let v0 = mine.network_version();
        let (update, id) = mine
            .add_organization(NewOrganization { name: "City Hall".into(), sector: Sector::Government, tags: vec![] })
            .unwrap();
        assert_ne!(mine.network_version(), v0, "an organization added");
        let board = mine.add_board("Ideas").unwrap().1;
        let v1 = mine.network_version();
        mine.add_note(NewNote { board: board.clone(), text: "Plant trees".into(), x: 0.0, y: 0.0, color: NoteColor::Blue, author: "Ana".into() })
            .unwrap();
        assert_eq!(mine.network_version(), v1, "a note is not the network");
        mine.edit_organization(&id, NewOrganization { name: "Town Hall".into(), sector: Sector::Government, tags: vec![] })
            .unwrap();
        assert_ne!(mine.network_version(), v1, "a field of an entry edited");
        // Another participant's copy moves when the update arrives.
        let before = theirs.network_version();
        assert_ne!(before, v0, "two rooms never share a number");
        theirs.apply_update(update.as_bytes()).unwrap();
        assert_ne!(theirs.network_version(), before);
    }
}

#[cfg(test)]
mod snapshot_tests {
    use crate::network::{NewOrganization, Sector};
    use crate::room::{ClientId, Room};

    #[test]
    fn a_room_read_from_a_snapshot_and_then_updated_moves_too() {
        let mut mine = Room::new(ClientId::new(1).unwrap());
        mine.add_organization(NewOrganization { name: "City Hall".into(), sector: Sector::Government, tags: vec![] })
            .unwrap();
        let mut late = Room::from_snapshot(ClientId::new(3).unwrap(), mine.snapshot().as_bytes()).unwrap();
        let v = late.network_version();
        let (update, _) = mine
            .add_organization(NewOrganization { name: "Harbour Trust".into(), sector: Sector::CivilSociety, tags: vec![] })
            .unwrap();
        late.apply_update(update.as_bytes()).unwrap();
        assert_ne!(late.network_version(), v);
        assert_eq!(late.network().organizations.len(), 2);
    }
}
