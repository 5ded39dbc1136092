//! An imported network added in parts (`start_network_import` and
//! `continue_network_import`), as the page does so that a big import never
//! holds the page for long: the room ends the same as with one edit, the parts
//! undo as one step, other participants receive the same network, and a file
//! that does not check out changes nothing.

use constellation_core::network::{Network, NewOrganization, QuickEntry, Sector};
use constellation_core::{ClientId, Room};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

/// A network file with `orgs` organizations, five people in each and a ring
/// of ties between the people, plus one person matching "Ana at City Hall".
fn file(orgs: usize) -> Network {
    let mut organizations = vec![r#"{"id":"hall","name":"city hall","sector":"government"}"#.to_owned()];
    let mut people = vec![r#"{"id":"ana","name":"ANA","organization":"hall"}"#.to_owned()];
    let mut ties = Vec::new();
    for o in 0..orgs {
        organizations.push(format!(r#"{{"id":"o{o}","name":"Org {o}","sector":"business"}}"#));
        for p in 0..5 {
            people.push(format!(r#"{{"id":"p{o}-{p}","name":"Person {o}-{p}","organization":"o{o}"}}"#));
        }
    }
    let n = orgs * 5;
    for i in 0..n {
        let (a, b) = (i, (i + 1) % n);
        let id = |k: usize| format!("p{}-{}", k / 5, k % 5);
        ties.push(format!(r#"{{"from":{{"person":"{}"}},"to":{{"person":"{}"}},"kind":"collaborates","trust":{}}}"#, id(a), id(b), 1 + i % 5));
    }
    ties.push(r#"{"from":{"person":"ana"},"to":{"person":"p0-0"},"kind":"knows","trust":3}"#.to_owned());
    serde_json::from_str(&format!(
        r#"{{"organizations":[{}],"people":[{}],"ties":[{}]}}"#,
        organizations.join(","),
        people.join(","),
        ties.join(",")
    ))
    .unwrap()
}

/// The network as names, so rooms whose ids differ compare equal.
fn by_name(room: &Room) -> (Vec<String>, Vec<String>, Vec<String>) {
    let n = room.network();
    let org_name = |id: &str| n.organizations.iter().find(|o| o.id == id).map(|o| o.name.clone()).unwrap_or_default();
    let mut orgs: Vec<String> = n.organizations.iter().map(|o| format!("{} {:?}", o.name, o.sector)).collect();
    let mut people: Vec<String> =
        n.people.iter().map(|p| format!("{} @ {}", p.name, p.organization.as_deref().map(org_name).unwrap_or_default())).collect();
    let node_name = |r: &constellation_core::network::NodeRef| match r {
        constellation_core::network::NodeRef::Person(id) => n.people.iter().find(|p| &p.id == id).unwrap().name.clone(),
        constellation_core::network::NodeRef::Organization(id) => org_name(id),
    };
    let mut ties: Vec<String> =
        n.ties.iter().map(|t| format!("{} -{:?} {:?}- {}", node_name(&t.from), t.kind, t.trust, node_name(&t.to))).collect();
    orgs.sort();
    people.sort();
    ties.sort();
    (orgs, people, ties)
}

/// A room holding Ana at City Hall and one other organization, by quick entry.
fn seeded(client: u64) -> Room {
    let mut r = room(client);
    r.quick_entry(QuickEntry::new("Ana", "City Hall", vec![])).unwrap();
    r.add_organization(NewOrganization { name: "Harbour Trust".into(), sector: Sector::CivilSociety, tags: vec![] }).unwrap();
    r
}

#[test]
fn parts_of_any_size_leave_the_room_as_one_edit_does() {
    let network = file(40);
    let mut whole = seeded(1);
    let (_, summary) = whole.apply_network(&network).unwrap();
    assert_eq!((summary.matched_organizations, summary.matched_people), (1, 1), "City Hall and Ana are reused");
    for part in [1, 7, 64, 1000] {
        let mut parted = seeded(2);
        let mut import = parted.start_network_import(network.clone()).unwrap();
        let mut parts = 0;
        while !import.finished() {
            let done = import.done();
            parted.continue_network_import(&mut import, part);
            assert_eq!(import.done(), (done + part).min(import.total()), "a part is {part} entries");
            parts += 1;
        }
        assert_eq!(parts, import.total().div_ceil(part), "parts of {part}");
        assert_eq!(import.done(), import.total());
        assert_eq!(import.summary(), &summary, "parts of {part}");
        assert_eq!(by_name(&parted), by_name(&whole), "parts of {part}");
        // Once finished, a further call adds nothing.
        assert!(parted.continue_network_import(&mut import, part).is_empty());
    }
}

#[test]
fn another_participant_receives_the_same_network_from_the_parts() {
    let mut mine = seeded(1);
    let mut theirs = room(9);
    theirs.apply_update(mine.snapshot().as_bytes()).unwrap();
    let mut import = mine.start_network_import(file(12)).unwrap();
    let mut updates = Vec::new();
    while !import.finished() {
        updates.push(mine.continue_network_import(&mut import, 25));
    }
    // Delivered in reverse order: each waits for the parts it builds on.
    for update in updates.iter().rev() {
        theirs.apply_update(update.as_bytes()).unwrap();
    }
    assert_eq!(by_name(&theirs), by_name(&mine));
    assert_eq!(theirs.network().people.len(), 1 + 12 * 5);
}

#[test]
fn the_parts_of_an_import_undo_as_one_step() {
    let mut r = seeded(1);
    let before = by_name(&r);
    let mut import = r.start_network_import(file(20)).unwrap();
    r.continue_network_import(&mut import, 30);
    assert!(!r.can_undo_network() && !r.can_redo_network(), "undo waits while an import is added");
    assert!(r.undo_network().is_empty(), "and does nothing");
    assert!(r.network().people.len() > 1, "the first part stays");
    while !import.finished() {
        r.continue_network_import(&mut import, 30);
    }
    assert!(r.can_undo_network());
    assert!(!r.undo_network().is_empty());
    assert_eq!(by_name(&r), before, "one undo takes the whole import back, and only it");
    assert!(!r.redo_network().is_empty());
    assert_eq!(r.network().people.len(), 1 + 20 * 5);
    // The edit before the import is still a step of its own.
    r.undo_network();
    r.undo_network();
    assert!(r.network().organizations.iter().all(|o| o.name != "Harbour Trust"));
    assert!(r.network().people.iter().any(|p| p.name == "Ana"), "the quick entry is a step before it");
}

#[test]
fn network_edits_after_an_import_are_steps_of_their_own() {
    let mut r = room(1);
    r.apply_network(&file(3)).unwrap();
    r.add_organization(NewOrganization { name: "Late".into(), sector: Sector::Other, tags: vec![] }).unwrap();
    r.undo_network();
    assert!(r.network().organizations.iter().all(|o| o.name != "Late"));
    assert_eq!(r.network().people.len(), 1 + 3 * 5, "the import is not undone with it");
}

#[test]
fn a_file_that_does_not_check_out_changes_nothing() {
    let mut bad = file(5);
    bad.ties[3].to = constellation_core::network::NodeRef::person("nobody".to_owned());
    let r = seeded(1);
    let before = by_name(&r);
    let revision = r.revision();
    assert!(r.start_network_import(bad).is_err());
    assert_eq!(by_name(&r), before);
    assert_eq!(r.revision(), revision);
    assert!(r.can_undo_network(), "and leaves the history as it was");
}
