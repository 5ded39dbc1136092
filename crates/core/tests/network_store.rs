//! The network in the room: adding, editing and deleting organizations, people
//! and ties; quick entry; suggestions; merging; applying an import.

use constellation_core::network::{
    Colleague, Level, NetworkEditError, NetworkField, NewOrganization, NewPerson, NewTie, NodeRef,
    QuickEntry, Sector, SuggestionKind, TieKind,
};
use constellation_core::goals::FieldProblem;
use constellation_core::network::NetworkProblem;
use constellation_core::{ClientId, Room};

fn invalid(field: NetworkField, problem: NetworkProblem) -> NetworkEditError {
    NetworkEditError::Invalid { field, problem }
}

#[test]
fn refused_quick_entries_say_which_colleague_and_why() {
    let mut r = room(1);
    let before = r.snapshot();
    let err = r.quick_entry(QuickEntry::new(" ", "City Hall", vec![])).unwrap_err();
    assert_eq!(err, invalid(NetworkField::Name, NetworkProblem::Field(FieldProblem::Required)));
    let err = r
        .quick_entry(QuickEntry::new(
            "Ana",
            "City Hall",
            vec![Colleague::new("Ben", ""), Colleague::new("", "Bank")],
        ))
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::WorksWith(2), NetworkProblem::ColleagueNeedsName));
    let err = r
        .quick_entry(QuickEntry::new("Ana", "City Hall", vec![Colleague::new("ana", "")]))
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::WorksWith(1), NetworkProblem::ColleagueIsSelf));
    let mut q = QuickEntry::new("Ana", "City Hall", vec![Colleague::new("Ben", "")]);
    q.trust = 0;
    assert_eq!(
        r.quick_entry(q).unwrap_err(),
        invalid(NetworkField::Trust, NetworkProblem::TrustOutOfRange { found: 0 })
    );
    assert_eq!(r.snapshot(), before, "a refused quick entry changes nothing");
}

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn org(room: &mut Room, name: &str, sector: Sector) -> String {
    room.add_organization(NewOrganization {
        name: name.into(),
        sector,
        tags: vec![],
    })
    .unwrap()
    .1
}

fn person(room: &mut Room, name: &str, org: Option<&str>) -> String {
    room.add_person(NewPerson {
        name: name.into(),
        organization: org.map(String::from),
        role: String::new(),
        level: None,
    })
    .unwrap()
    .1
}

fn tie(from: NodeRef, to: NodeRef, trust: i64) -> NewTie {
    NewTie {
        from,
        to,
        kind: TieKind::Collaborates,
        trust,
        directed: false,
        note: String::new(),
    }
}

#[test]
fn entries_round_trip_through_the_document() {
    let mut r = room(1);
    let city = r
        .add_organization(NewOrganization {
            name: "  City Hall ".into(),
            sector: Sector::Government,
            tags: vec![
                "housing".into(),
                " Housing".into(),
                "".into(),
                "parks".into(),
            ],
        })
        .unwrap()
        .1;
    let ana = r
        .add_person(NewPerson {
            name: "Ana".into(),
            organization: Some(city.clone()),
            role: "planner".into(),
            level: Some(Level::Mid),
        })
        .unwrap()
        .1;
    let ben = person(&mut r, "Ben", None);
    let (_, t) = r
        .add_tie(NewTie {
            directed: true,
            note: "weekly call".into(),
            ..tie(NodeRef::person(&ana), NodeRef::person(&ben), 4)
        })
        .unwrap();
    let net = r.network();
    assert_eq!(net.validate(), Ok(()));
    assert_eq!(net.organizations[0].name, "City Hall");
    assert_eq!(net.organizations[0].sector, Sector::Government);
    assert_eq!(net.organizations[0].tags, vec!["housing", "parks"]);
    assert_eq!(net.people[0].organization.as_deref(), Some(city.as_str()));
    assert_eq!(net.people[0].level, Some(Level::Mid));
    assert_eq!(net.ties.len(), 1);
    assert!(net.ties[0].directed);
    assert_eq!(net.ties[0].trust.get(), 4);
    assert_eq!(r.stored_network().tie_ids, vec![t.clone()]);

    // The document survives a snapshot into another replica.
    let copy = Room::from_snapshot(ClientId::new(2).unwrap(), r.snapshot().as_bytes()).unwrap();
    assert_eq!(copy.network(), net);

    r.edit_tie(&t, tie(NodeRef::person(&ben), NodeRef::person(&ana), 2))
        .unwrap();
    assert_eq!(r.network().ties[0].trust.get(), 2);
    assert_eq!(r.network().ties[0].from, NodeRef::person(&ben));
    r.edit_person(
        &ana,
        NewPerson {
            name: "Ana Lima".into(),
            organization: None,
            role: String::new(),
            level: None,
        },
    )
    .unwrap();
    assert_eq!(r.network().people[0].organization, None);
    r.delete_tie(&t).unwrap();
    assert!(r.network().ties.is_empty());
}

#[test]
fn refused_edits_name_the_field_and_change_nothing() {
    let mut r = room(1);
    let a = person(&mut r, "Ana", None);
    let before = r.snapshot();
    let err = r
        .add_organization(NewOrganization {
            name: " ".into(),
            sector: Sector::Business,
            tags: vec![],
        })
        .unwrap_err();
    assert_eq!(err.field(), NetworkField::Name);
    assert_eq!(err, invalid(NetworkField::Name, NetworkProblem::Field(FieldProblem::Required)));
    // The English words stay for logs and the command line.
    assert_eq!(err.to_string(), "name: is required");
    let err = r
        .add_tie(tie(NodeRef::person(&a), NodeRef::person(&a), 3))
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::To, NetworkProblem::TieToItself));
    let err = r
        .add_tie(tie(NodeRef::person(&a), NodeRef::person("nobody"), 3))
        .unwrap_err();
    assert_eq!(
        err,
        invalid(NetworkField::To, NetworkProblem::NoSuchEnd { end: NodeRef::person("nobody") })
    );
    assert_eq!(err.to_string(), "to: there is no person \"nobody\"");
    let err = r
        .add_tie(tie(NodeRef::person(&a), NodeRef::organization("x"), 3))
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::To, NetworkProblem::MixedTie));
    let err = r
        .add_organization(NewOrganization {
            name: "x".repeat(201),
            sector: Sector::Business,
            tags: vec![],
        })
        .unwrap_err();
    assert_eq!(
        err,
        invalid(NetworkField::Name, NetworkProblem::Field(FieldProblem::TooLong { length: 201, max: 200 }))
    );
    let err = r
        .add_organization(NewOrganization {
            name: "Line\nbreak".into(),
            sector: Sector::Business,
            tags: vec![],
        })
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::Name, NetworkProblem::ControlCharacters));
    let err = r
        .add_organization(NewOrganization {
            name: "Tagged".into(),
            sector: Sector::Business,
            tags: (0..31).map(|i| format!("t{i}")).collect(),
        })
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::Tags, NetworkProblem::TooManyTags { count: 31, max: 30 }));
    let b = person(&mut r, "Ben", None);
    let before_tie = r.snapshot();
    let err = r
        .add_tie(tie(NodeRef::person(&a), NodeRef::person(&b), 6))
        .unwrap_err();
    assert_eq!(err, invalid(NetworkField::Trust, NetworkProblem::TrustOutOfRange { found: 6 }));
    assert_eq!(r.snapshot(), before_tie);
    let err = r
        .add_person(NewPerson {
            name: "Cy".into(),
            organization: Some("ghost".into()),
            role: String::new(),
            level: None,
        })
        .unwrap_err();
    assert_eq!(
        err,
        invalid(NetworkField::Organization, NetworkProblem::NoSuchOrganization { id: "ghost".into() })
    );
    assert!(matches!(
        r.delete_person("ghost"),
        Err(NetworkEditError::UnknownPerson(_))
    ));
    assert_ne!(r.snapshot(), before);
}

#[test]
fn deleting_an_organization_keeps_its_people_without_it() {
    let mut r = room(1);
    let a = org(&mut r, "A", Sector::Business);
    let b = org(&mut r, "B", Sector::Government);
    let ana = person(&mut r, "Ana", Some(&a));
    let ben = person(&mut r, "Ben", Some(&b));
    r.add_tie(tie(NodeRef::organization(&a), NodeRef::organization(&b), 3))
        .unwrap();
    r.add_tie(tie(NodeRef::person(&ana), NodeRef::person(&ben), 3))
        .unwrap();
    r.delete_organization(&a).unwrap();
    let net = r.network();
    assert_eq!(net.organizations.len(), 1);
    assert_eq!(net.people.len(), 2);
    assert_eq!(net.people[0].organization, None);
    assert_eq!(
        net.ties.len(),
        1,
        "the people's tie stays, the organizations' goes"
    );
    r.delete_person(&ben).unwrap();
    assert!(r.network().ties.is_empty());
}

#[test]
fn concurrent_deletions_leave_a_valid_network() {
    let mut one = room(1);
    let a = org(&mut one, "A", Sector::Business);
    let ana = person(&mut one, "Ana", None);
    let ben = person(&mut one, "Ben", None);
    let mut two =
        Room::from_snapshot(ClientId::new(2).unwrap(), one.snapshot().as_bytes()).unwrap();
    // One phone deletes Ben and organization A while the other ties Ana to Ben
    // and puts Ana in A.
    let u1 = one.delete_person(&ben).unwrap();
    let u2 = one.delete_organization(&a).unwrap();
    let u3 = two
        .add_tie(tie(NodeRef::person(&ana), NodeRef::person(&ben), 5))
        .unwrap()
        .0;
    let u4 = two
        .edit_person(
            &ana,
            NewPerson {
                name: "Ana".into(),
                organization: Some(a.clone()),
                role: String::new(),
                level: None,
            },
        )
        .unwrap();
    for u in [&u3, &u4] {
        one.apply_update(u.as_bytes()).unwrap();
    }
    for u in [&u1, &u2] {
        two.apply_update(u.as_bytes()).unwrap();
    }
    let net = one.network();
    assert_eq!(net, two.network());
    assert_eq!(net.validate(), Ok(()));
    assert!(net.ties.is_empty());
    assert_eq!(net.people.len(), 1);
    assert_eq!(net.people[0].organization, None);
}

#[test]
fn quick_entry_adds_everything_in_one_edit_without_duplicates() {
    let mut r = room(1);
    let (update, out) = r
        .quick_entry(QuickEntry::new(
            "Ana María",
            "City Hall",
            vec![
                Colleague::new("Ben", "Food Bank"),
                Colleague::new("Chloé", ""),
                Colleague::new("", ""),
            ],
        ))
        .unwrap();
    assert!(!update.is_empty());
    assert_eq!(
        (
            out.created_people,
            out.created_organizations,
            out.added_ties
        ),
        (3, 2, 2)
    );
    assert_eq!(r.revision(), 1, "one edit");
    let net = r.network();
    assert_eq!(net.people.len(), 3);
    assert_eq!(net.organizations.len(), 2);
    assert_eq!(net.ties.len(), 2);

    // Ben enters himself later, spelling things differently: nothing is duplicated.
    let (_, out2) = r
        .quick_entry(QuickEntry::new(
            "BEN",
            "food  bank",
            vec![
                Colleague::new("ana maria", "city hall"),
                Colleague::new("chloe", "Food Bank"),
            ],
        ))
        .unwrap();
    assert_eq!((out2.created_people, out2.created_organizations), (0, 0));
    assert_eq!(out2.added_ties, 1, "Ben–Chloé is new, Ben–Ana exists");
    let net = r.network();
    assert_eq!(net.people.len(), 3);
    let chloe = net.people.iter().find(|p| p.name == "Chloé").unwrap();
    assert_eq!(
        chloe.organization,
        Some(out2.organization.clone().unwrap()),
        "Chloé gained an organization"
    );

    // The same name at another organization is another person.
    let (_, out3) = r
        .quick_entry(QuickEntry::new("Ben", "Bank of Town", vec![]))
        .unwrap();
    assert_eq!(out3.created_people, 1);
    assert_ne!(out3.person, out2.person);

    let err = r
        .quick_entry(QuickEntry::new(
            "Dee",
            "",
            vec![Colleague::new("", "Somewhere")],
        ))
        .unwrap_err();
    assert_eq!(err.field(), NetworkField::WorksWith(1));
    assert_eq!(
        err.to_string(),
        "works with (person 1): a name is needed with the organization"
    );
    let err = r.quick_entry(QuickEntry::new("", "X", vec![])).unwrap_err();
    assert_eq!(err.field(), NetworkField::Name);
}

#[test]
fn suggestions_match_prefixes_and_words_ignoring_accents() {
    let mut r = room(1);
    r.quick_entry(QuickEntry::new(
        "José Álvarez",
        "Alvarado Foundation",
        vec![Colleague::new("Alberto", "City Hall")],
    ))
    .unwrap();
    let names: Vec<String> = r
        .suggest_people("al", 10)
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, vec!["Alberto", "José Álvarez"]);
    let orgs = r.suggest_organizations("ALVA", 10);
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].name, "Alvarado Foundation");
    assert_eq!(orgs[0].detail, "other");
    assert_eq!(
        r.suggest_people("jose", 10)[0].detail,
        "Alvarado Foundation"
    );
    assert!(r.suggest_people("", 10).is_empty());
    assert_eq!(r.suggest_people("a", 1).len(), 1);
    let net = r.network();
    assert_eq!(
        constellation_core::network::suggestions(&net, "hall", SuggestionKind::Organizations, 5)[0]
            .name,
        "City Hall"
    );
}

#[test]
fn merging_people_repoints_and_collapses_ties() {
    let mut r = room(1);
    let a = person(&mut r, "Ana", None);
    let a2 = person(&mut r, "Ana L.", None);
    let b = person(&mut r, "Ben", None);
    let c = person(&mut r, "Cy", None);
    r.add_tie(tie(NodeRef::person(&a), NodeRef::person(&b), 2))
        .unwrap();
    r.add_tie(NewTie {
        note: "met at the fair".into(),
        ..tie(NodeRef::person(&b), NodeRef::person(&a2), 4)
    })
    .unwrap();
    r.add_tie(tie(NodeRef::person(&a), NodeRef::person(&a2), 3))
        .unwrap();
    r.add_tie(tie(NodeRef::person(&a2), NodeRef::person(&c), 3))
        .unwrap();
    let rev = r.revision();
    r.merge_people(&a, &a2).unwrap();
    assert_eq!(r.revision(), rev + 1, "one edit");
    let net = r.network();
    assert_eq!(net.validate(), Ok(()));
    assert_eq!(net.people.len(), 3);
    assert_eq!(net.ties.len(), 2, "Ana–Ben once, Ana–Cy; Ana–Ana gone");
    let ab = &net.ties[0];
    assert_eq!(ab.trust.get(), 4);
    assert_eq!(ab.note, "met at the fair");
    assert!(net
        .ties
        .iter()
        .all(|t| t.from == NodeRef::person(&a) || t.to == NodeRef::person(&a)));
    assert_eq!(
        r.merge_people(&a, &a),
        Err(NetworkEditError::MergeWithItself)
    );
    assert!(matches!(
        r.merge_people(&a, &a2),
        Err(NetworkEditError::UnknownPerson(_))
    ));
}

#[test]
fn a_tie_added_during_a_merge_follows_the_merge() {
    let mut one = room(1);
    let x = org(&mut one, "Food Bank", Sector::CivilSociety);
    let x2 = org(&mut one, "The Food Bank", Sector::CivilSociety);
    let y = org(&mut one, "City", Sector::Government);
    let ana = person(&mut one, "Ana", Some(&x2));
    let mut two =
        Room::from_snapshot(ClientId::new(2).unwrap(), one.snapshot().as_bytes()).unwrap();
    let merge = one.merge_organizations(&x, &x2).unwrap();
    let (added, _) = two
        .add_tie(tie(
            NodeRef::organization(&x2),
            NodeRef::organization(&y),
            5,
        ))
        .unwrap();
    let (bob, _) = two
        .add_person(NewPerson {
            name: "Bob".into(),
            organization: Some(x2.clone()),
            role: String::new(),
            level: None,
        })
        .unwrap();
    one.apply_update(added.as_bytes()).unwrap();
    one.apply_update(bob.as_bytes()).unwrap();
    two.apply_update(merge.as_bytes()).unwrap();
    let net = one.network();
    assert_eq!(net, two.network());
    assert_eq!(net.organizations.len(), 2);
    assert_eq!(net.ties.len(), 1);
    assert_eq!(net.ties[0].from, NodeRef::organization(&x));
    assert!(net
        .people
        .iter()
        .all(|p| p.organization.as_deref() == Some(x.as_str())));
    let _ = ana;
}

#[test]
fn merging_both_ways_at_once_keeps_one_entry() {
    let mut one = room(1);
    let a = org(&mut one, "A", Sector::Business);
    let b = org(&mut one, "B", Sector::Business);
    let mut two =
        Room::from_snapshot(ClientId::new(2).unwrap(), one.snapshot().as_bytes()).unwrap();
    let u1 = one.merge_organizations(&a, &b).unwrap();
    let u2 = two.merge_organizations(&b, &a).unwrap();
    one.apply_update(u2.as_bytes()).unwrap();
    two.apply_update(u1.as_bytes()).unwrap();
    let net = one.network();
    assert_eq!(net, two.network());
    assert_eq!(net.organizations.len(), 1);
    let survivor = a.clone().min(b.clone());
    assert_eq!(net.organizations[0].id, survivor);
    // The survivor of the loop carries a `merged_into` and is still editable.
    let gone = if survivor == a { b } else { a };
    one.edit_organization(
        &survivor,
        NewOrganization {
            name: "Renamed".into(),
            sector: Sector::Other,
            tags: vec![],
        },
    )
    .unwrap();
    assert_eq!(one.network().organizations[0].name, "Renamed");
    assert!(one
        .edit_organization(
            &gone,
            NewOrganization {
                name: "X".into(),
                sector: Sector::Other,
                tags: vec![]
            }
        )
        .is_err());
}

#[test]
fn applying_an_import_twice_changes_nothing_the_second_time() {
    let file: constellation_core::network::Network = serde_json::from_str(
        r#"{"organizations":[{"id":"o1","name":"City Hall","sector":"government"}],
            "people":[{"id":"p1","name":"Ana","organization":"o1"},{"id":"p2","name":"Ben"},{"id":"p3","name":"Ben"}],
            "ties":[{"from":{"person":"p1"},"to":{"person":"p2"},"kind":"knows","trust":4},
                    {"from":{"person":"p1"},"to":{"person":"p3"},"kind":"knows","trust":2}]}"#,
    )
    .unwrap();
    let mut r = room(1);
    r.quick_entry(QuickEntry::new("ana", "city hall", vec![]))
        .unwrap();
    let (_, first) = r.apply_network(&file).unwrap();
    assert_eq!(
        (first.matched_organizations, first.created_organizations),
        (1, 0)
    );
    assert_eq!(
        (first.matched_people, first.created_people),
        (1, 2),
        "two Bens in the file stay two"
    );
    assert_eq!(first.added_ties, 2);
    let before = r.network();
    let (_, second) = r.apply_network(&file).unwrap();
    assert_eq!(second.added_ties, 0);
    assert_eq!(r.network().ties, before.ties);
    assert_eq!(r.network().organizations, before.organizations);
}

#[test]
fn an_import_is_stored_with_names_a_form_would_accept() {
    let long = "x".repeat(500);
    let file: constellation_core::network::Network = serde_json::from_str(&format!(
        r#"{{"people":[{{"id":"p1","name":"  "}},{{"id":"p2","name":"{long}"}},{{"id":"p3","name":"Ana\nLima"}}]}}"#
    ))
    .unwrap();
    let mut r = room(1);
    r.apply_network(&file).unwrap();
    let names: Vec<String> = r.network().people.into_iter().map(|p| p.name).collect();
    assert_eq!(names[0], "p1", "a blank name becomes the file's id");
    assert_eq!(
        names[1].chars().count(),
        constellation_core::network::entry::MAX_NAME_CHARS
    );
    assert_eq!(names[2], "Ana Lima");
}
