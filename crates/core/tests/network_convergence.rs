//! Replicas that edit the network concurrently (add, edit, delete, merge, quick
//! entry, imports) converge whatever the order, duplication or route of
//! delivery, and reading the room never yields an invalid network, even
//! between deliveries.

mod delivery;

use constellation_core::network::{
    Colleague, Network, NewOrganization, NewPerson, NewTie, NodeRef, QuickEntry, Sector, TieKind,
};
use constellation_core::{ClientId, Room, Update};
use delivery::{deliver_all, receive_some, Shuffle};
use proptest::prelude::*;

const REPLICAS: usize = 3;
const NAMES: [&str; 6] = ["Ana", "Ben", "Chloé", "chloe", "Dee", "Eli"];
const ORGS: [&str; 4] = ["City Hall", "Food Bank", "city hall", "Mill"];

#[derive(Debug, Clone)]
enum Op {
    AddOrg(u8),
    EditOrg(usize, u8),
    DeleteOrg(usize),
    AddPerson(u8, Option<usize>),
    EditPerson(usize, Option<usize>),
    DeletePerson(usize),
    AddTie(usize, usize, u8),
    AddOrgTie(usize, usize, u8),
    EditTie(usize, u8),
    DeleteTie(usize),
    MergePeople(usize, usize),
    MergeOrgs(usize, usize),
    Quick(u8, u8, Vec<(u8, u8)>),
    Import(u8),
    Receive(u64),
    /// This replica's own last network step undone, or redone.
    Undo(bool),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || any::<usize>();
    let s = || any::<u8>();
    prop_oneof![
        2 => s().prop_map(Op::AddOrg),
        1 => (i(), s()).prop_map(|(a, b)| Op::EditOrg(a, b)),
        1 => i().prop_map(Op::DeleteOrg),
        3 => (s(), prop::option::of(i())).prop_map(|(a, b)| Op::AddPerson(a, b)),
        1 => (i(), prop::option::of(i())).prop_map(|(a, b)| Op::EditPerson(a, b)),
        1 => i().prop_map(Op::DeletePerson),
        4 => (i(), i(), s()).prop_map(|(a, b, t)| Op::AddTie(a, b, t)),
        2 => (i(), i(), s()).prop_map(|(a, b, t)| Op::AddOrgTie(a, b, t)),
        1 => (i(), s()).prop_map(|(a, t)| Op::EditTie(a, t)),
        1 => i().prop_map(Op::DeleteTie),
        2 => (i(), i()).prop_map(|(a, b)| Op::MergePeople(a, b)),
        2 => (i(), i()).prop_map(|(a, b)| Op::MergeOrgs(a, b)),
        2 => (s(), s(), prop::collection::vec((s(), s()), 0..3)).prop_map(|(a, b, c)| Op::Quick(a, b, c)),
        1 => any::<u8>().prop_map(Op::Import),
        3 => any::<u64>().prop_map(Op::Receive),
        1 => any::<bool>().prop_map(Op::Undo),
    ]
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

fn trust(t: u8) -> i64 {
    i64::from(t % 5) + 1
}

/// Runs one op on a replica; refused ops (stale ids) are fine, they change nothing.
fn run(room: &mut Room, op: &Op, log: &[Update]) -> Result<Option<Update>, TestCaseError> {
    let net = room.network();
    let stored = room.stored_network();
    let orgs: Vec<String> = net.organizations.iter().map(|o| o.id.clone()).collect();
    let people: Vec<String> = net.people.iter().map(|p| p.id.clone()).collect();
    let org_of = |o: Option<usize>| o.and_then(|o| pick(&orgs, o));
    let result = match op {
        Op::AddOrg(n) => room
            .add_organization(NewOrganization {
                name: ORGS[*n as usize % ORGS.len()].into(),
                sector: Sector::ALL[*n as usize % 4],
                tags: vec![format!("t{}", n % 3)],
            })
            .map(|(u, _)| u)
            .ok(),
        Op::EditOrg(o, n) => pick(&orgs, *o).and_then(|id| {
            room.edit_organization(
                &id,
                NewOrganization {
                    name: format!("Org {n}"),
                    sector: Sector::ALL[*n as usize % 4],
                    tags: vec![],
                },
            )
            .ok()
        }),
        Op::DeleteOrg(o) => pick(&orgs, *o).and_then(|id| room.delete_organization(&id).ok()),
        Op::AddPerson(n, o) => room
            .add_person(NewPerson {
                name: NAMES[*n as usize % NAMES.len()].into(),
                organization: org_of(*o),
                role: String::new(),
                level: None,
            })
            .map(|(u, _)| u)
            .ok(),
        Op::EditPerson(p, o) => pick(&people, *p).and_then(|id| {
            room.edit_person(
                &id,
                NewPerson {
                    name: "Renamed".into(),
                    organization: org_of(*o),
                    role: "r".into(),
                    level: None,
                },
            )
            .ok()
        }),
        Op::DeletePerson(p) => pick(&people, *p).and_then(|id| room.delete_person(&id).ok()),
        Op::AddTie(a, b, t) => match (pick(&people, *a), pick(&people, *b)) {
            (Some(x), Some(y)) => room
                .add_tie(NewTie {
                    from: NodeRef::person(x),
                    to: NodeRef::person(y),
                    kind: TieKind::Knows,
                    trust: trust(*t),
                    directed: t % 2 == 0,
                    note: String::new(),
                })
                .map(|(u, _)| u)
                .ok(),
            _ => None,
        },
        Op::AddOrgTie(a, b, t) => match (pick(&orgs, *a), pick(&orgs, *b)) {
            (Some(x), Some(y)) => room
                .add_tie(NewTie {
                    from: NodeRef::organization(x),
                    to: NodeRef::organization(y),
                    kind: TieKind::Funds,
                    trust: trust(*t),
                    directed: false,
                    note: String::new(),
                })
                .map(|(u, _)| u)
                .ok(),
            _ => None,
        },
        Op::EditTie(i, t) => pick(&stored.tie_ids, *i).and_then(|id| {
            let mut tie = stored.tie(&id).cloned()?;
            tie.trust = constellation_core::network::Trust::new(trust(*t)).unwrap();
            room.edit_tie(
                &id,
                NewTie {
                    from: tie.from,
                    to: tie.to,
                    kind: tie.kind,
                    trust: i64::from(tie.trust.get()),
                    directed: tie.directed,
                    note: format!("n{t}"),
                },
            )
            .ok()
        }),
        Op::DeleteTie(i) => pick(&stored.tie_ids, *i).and_then(|id| room.delete_tie(&id).ok()),
        Op::MergePeople(a, b) => match (pick(&people, *a), pick(&people, *b)) {
            (Some(x), Some(y)) => room.merge_people(&x, &y).ok(),
            _ => None,
        },
        Op::MergeOrgs(a, b) => match (pick(&orgs, *a), pick(&orgs, *b)) {
            (Some(x), Some(y)) => room.merge_organizations(&x, &y).ok(),
            _ => None,
        },
        Op::Quick(n, o, others) => room
            .quick_entry(QuickEntry::new(
                NAMES[*n as usize % NAMES.len()],
                if o % 3 == 0 {
                    ""
                } else {
                    ORGS[*o as usize % ORGS.len()]
                },
                others
                    .iter()
                    .map(|(n, o)| {
                        Colleague::new(
                            NAMES[*n as usize % NAMES.len()],
                            if o % 2 == 0 {
                                ""
                            } else {
                                ORGS[*o as usize % ORGS.len()]
                            },
                        )
                    })
                    .collect(),
            ))
            .map(|(u, _)| u)
            .ok(),
        Op::Import(n) => {
            let file: Network = serde_json::from_value(serde_json::json!({
                "organizations": [{"id": "o", "name": ORGS[*n as usize % ORGS.len()], "sector": "business"}],
                "people": [
                    {"id": "a", "name": NAMES[*n as usize % NAMES.len()], "organization": "o"},
                    {"id": "b", "name": NAMES[(*n as usize + 1) % NAMES.len()]}
                ],
                "ties": [{"from": {"person": "a"}, "to": {"person": "b"}, "kind": "knows", "trust": trust(*n)}]
            }))
            .unwrap();
            room.apply_network(&file).map(|(u, _)| u).ok()
        }
        Op::Receive(seed) => {
            receive_some(room, log, *seed)?;
            None
        }
        Op::Undo(redo) => Some(if *redo { room.redo_network() } else { room.undo_network() }),
    };
    Ok(result)
}

fn assert_valid(net: &Network) -> Result<(), TestCaseError> {
    prop_assert_eq!(net.validate(), Ok(()));
    // The analysis accepts whatever the room reads.
    let analysis = constellation_core::network::analyze(net, &Default::default());
    prop_assert!(analysis.is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn replicas_converge_and_always_read_a_valid_network(
        ops in prop::collection::vec((0..REPLICAS, op()), 1..60),
        seed in any::<u64>(),
    ) {
        let mut rooms: Vec<Room> = (0..REPLICAS)
            .map(|i| Room::new(ClientId::new(i as u64 + 1).unwrap()))
            .collect();
        let mut log: Vec<Update> = Vec::new();
        for (who, op) in &ops {
            if let Some(update) = run(&mut rooms[*who], op, &log)? {
                log.push(update);
            }
            assert_valid(&rooms[*who].network())?;
            // The copy the room keeps entry by entry reads as a full read
            // does, whole or a few entries at a time.
            let step = 1 + (seed % 7) as usize;
            let stepped = loop {
                if let Some(net) = rooms[*who].read_network_in_steps(step) {
                    break net;
                }
            };
            prop_assert_eq!(&stepped, &rooms[*who].stored_network_read_in_full());
            prop_assert_eq!(rooms[*who].stored_network(), stepped);
        }
        let mut shuffle = Shuffle(seed);
        deliver_all(&mut rooms, &log, 1, &mut shuffle)?;
        let first = rooms[0].network();
        assert_valid(&first)?;
        for room in &rooms[1..] {
            prop_assert_eq!(&room.network(), &first);
            prop_assert_eq!(room.stored_network(), rooms[0].stored_network());
        }
        for room in &rooms {
            prop_assert_eq!(room.stored_network(), room.stored_network_read_in_full());
        }
    }
}
