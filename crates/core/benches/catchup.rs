//! What a late joiner's browser does with what the relay sends: open (decrypt)
//! and apply a room's history. Two paths, as in `sync::Session`: 50,000
//! separate updates (a relay that has not received a snapshot), and one sealed
//! snapshot of the same room followed by nothing (the usual case: clients
//! upload a snapshot every 500 updates).
//!
//! Run with `cargo bench -p constellation-core --bench catchup`.

use std::hint::black_box;

use constellation_core::board::{NewNote, NoteColor};
use constellation_core::link::{RoomId, RoomKey};
use constellation_core::seal::{Purpose, RoomCipher};
use constellation_core::sync::{Session, SyncConfig};
use constellation_core::{ClientId, NoteId, Room};
use constellation_protocol::{encode_relay_frames, RelayFrame};
use criterion::{criterion_group, criterion_main, Criterion};

const UPDATES: usize = 50_000;
const MESSAGE_BYTES: usize = 256 * 1024;

fn cipher() -> RoomCipher {
    RoomCipher::new(&RoomId::from_random([1; 16]), &RoomKey::from_random([2; 32]))
}

/// A town hall's worth of edits from 5 participants: notes added, typed into
/// and moved, each edit one update, as the app produces them.
fn history() -> (Vec<Vec<u8>>, Room) {
    let mut rooms: Vec<Room> = (1..=5).map(|c| Room::new(ClientId::new(c).unwrap())).collect();
    let (first, board) = rooms[0].add_board("Ideas").unwrap();
    let mut updates = vec![first.into_bytes()];
    for r in &mut rooms[1..] {
        r.apply_update(&updates[0]).unwrap();
    }
    let mut notes: Vec<NoteId> = Vec::new();
    let mut seed = 7u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    while updates.len() < UPDATES {
        let who = (next() % 5) as usize;
        let room = &mut rooms[who];
        let roll = next() % 10;
        let update = if notes.is_empty() || roll == 0 {
            let new = NewNote {
                board: board.clone(),
                text: String::new(),
                x: (next() % 2000) as f64,
                y: (next() % 1200) as f64,
                color: NoteColor::Yellow,
                author: format!("p{who}"),
            };
            let (u, id) = room.add_note(new).unwrap();
            notes.push(id);
            u
        } else {
            let id = &notes[(next() % notes.len() as u64) as usize];
            if roll < 7 {
                let mut text = room.note(id).map(|n| n.text).unwrap_or_default();
                if text.chars().count() > 120 {
                    text.clear();
                }
                text.push_str("word ");
                room.edit_note_text(id, &text).unwrap()
            } else {
                room.move_note(id, (next() % 2000) as f64, (next() % 1200) as f64).unwrap()
            }
        };
        let bytes = update.into_bytes();
        for (i, other) in rooms.iter_mut().enumerate() {
            if i != who {
                other.apply_update(&bytes).unwrap();
            }
        }
        updates.push(bytes);
    }
    let final_room = rooms.swap_remove(0);
    (updates, final_room)
}

/// The relay's catch-up: sealed updates in messages of at most 256 KiB.
fn messages(updates: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let c = cipher();
    let sealed: Vec<Vec<u8>> =
        updates.iter().enumerate().map(|(i, u)| c.seal(Purpose::Update, u, nonce(i as u64))).collect();
    let mut out = vec![Vec::new()];
    for (i, s) in sealed.iter().enumerate() {
        if out.last().unwrap().len() + s.len() + 20 > MESSAGE_BYTES {
            out.push(Vec::new());
        }
        encode_relay_frames(&[RelayFrame::update(i as u64 + 1, s)], out.last_mut().unwrap());
    }
    encode_relay_frames(&[RelayFrame::CaughtUp { head: sealed.len() as u64 }], out.last_mut().unwrap());
    out
}

fn nonce(n: u64) -> [u8; 12] {
    let mut nonce = [0; 12];
    nonce[..8].copy_from_slice(&n.to_le_bytes());
    nonce
}

fn join(messages: &[Vec<u8>]) -> Room {
    let mut room = Room::new(ClientId::new(99).unwrap());
    let mut session = Session::new(cipher(), SyncConfig { snapshot_every: u64::MAX, ..SyncConfig::default() });
    session.connected(|| [0; 12]);
    for m in messages {
        session.receive(m, &mut room, || [0; 12]).unwrap();
    }
    room
}

fn catch_up(c: &mut Criterion) {
    let (updates, source) = history();
    let separate = messages(&updates);
    let snapshot = source.snapshot().into_bytes();
    let sealed = cipher().seal(Purpose::Snapshot, &snapshot, [9; 12]);
    let mut snapshot_message = Vec::new();
    let parts: Vec<&[u8]> = sealed.chunks(200 * 1024).collect();
    for (i, part) in parts.iter().enumerate() {
        encode_relay_frames(
            &[RelayFrame::SnapshotPart {
                upto: UPDATES as u64,
                index: i as u16,
                count: parts.len() as u16,
                payload: std::borrow::Cow::Borrowed(part),
            }],
            &mut snapshot_message,
        );
    }
    encode_relay_frames(&[RelayFrame::CaughtUp { head: UPDATES as u64 }], &mut snapshot_message);
    // Both paths end in the same room.
    assert_eq!(join(&separate).to_view(), source.to_view());
    assert_eq!(join(std::slice::from_ref(&snapshot_message)).to_view(), source.to_view());
    println!(
        "history: {} updates, {} bytes sealed in {} messages; snapshot {} bytes; {} notes",
        updates.len(),
        separate.iter().map(Vec::len).sum::<usize>(),
        separate.len(),
        snapshot.len(),
        source.to_view().notes.len()
    );

    let mut group = c.benchmark_group("late joiner");
    group.sample_size(10);
    group.bench_function("50,000 separate updates", |b| b.iter(|| black_box(join(&separate))));
    group.bench_function("one snapshot of the same room", |b| {
        b.iter(|| black_box(join(std::slice::from_ref(&snapshot_message))))
    });
    group.finish();
}

criterion_group!(benches, catch_up);
criterion_main!(benches);
