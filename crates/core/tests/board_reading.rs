//! Reading a board: everything at once, in the order a keyboard or a screen
//! reader goes through it, with accessible names, and at the size of a big
//! session (5,000 notes, 500 links, 50 clusters).

use constellation_core::board::{
    BoardId, ImportError, NewCluster, NewNote, NoteColor, NoteId, ParticipantId,
    ACCESSIBLE_NAME_CHARS,
};
use constellation_core::{ClientId, Room};
use serde_json::json;

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

fn note_at(room: &mut Room, board: &BoardId, text: &str, x: f64, y: f64) -> NoteId {
    let new = NewNote {
        board: board.clone(),
        text: text.into(),
        x,
        y,
        color: NoteColor::Yellow,
        author: String::new(),
    };
    room.add_note(new).unwrap().1
}

#[test]
fn board_content_agrees_with_the_single_reads() {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    let other = room.add_board("Other").unwrap().1;
    let a = note_at(&mut room, &board, "a", 0.0, 0.0);
    let b = note_at(&mut room, &board, "b", 300.0, 0.0);
    note_at(&mut room, &other, "elsewhere", 0.0, 0.0);
    room.add_cluster(NewCluster {
        board: board.clone(),
        label: "c".into(),
        x: -10.0,
        y: -10.0,
        width: 250.0,
        height: 200.0,
    })
    .unwrap();
    room.add_link(&a, &b, "").unwrap();
    room.set_vote_allowance(&board, 1).unwrap();
    room.place_vote(&ParticipantId::new("p"), &b).unwrap();

    let content = room.board_content(&board).unwrap();
    assert_eq!(Some(content.board.clone()), room.board(&board));
    assert_eq!(content.notes, room.notes(&board));
    assert_eq!(content.clusters, room.clusters(&board));
    assert_eq!(content.links, room.links(&board));
    assert_eq!(content.tally, room.tally(&board));
    assert_eq!(content.ranked(), room.ranked(&board));
    assert_eq!(room.board_content(&BoardId::new("none")), None);
}

#[test]
fn reading_order_goes_cluster_by_cluster_then_through_loose_notes() {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    // Two clusters side by side, the right one created first.
    for (label, x) in [("right", 600.0), ("left", 0.0)] {
        room.add_cluster(NewCluster {
            board: board.clone(),
            label: label.into(),
            x,
            y: 0.0,
            width: 500.0,
            height: 500.0,
        })
        .unwrap();
    }
    let lower_left = note_at(&mut room, &board, "lower left", 0.0, 300.0);
    let upper_left = note_at(&mut room, &board, "upper left", 200.0, 0.0);
    let right = note_at(&mut room, &board, "right", 700.0, 100.0);
    let loose_low = note_at(&mut room, &board, "loose low", 0.0, 900.0);
    let loose_high = note_at(&mut room, &board, "loose high", 2_000.0, 600.0);

    let content = room.board_content(&board).unwrap();
    let order: Vec<(Option<&str>, &NoteId)> = content
        .reading_order()
        .into_iter()
        .map(|(cluster, note)| (cluster.map(|c| c.label.as_str()), &note.id))
        .collect();
    assert_eq!(
        order,
        [
            (Some("left"), &upper_left),
            (Some("left"), &lower_left),
            (Some("right"), &right),
            (None, &loose_high),
            (None, &loose_low),
        ]
    );
}

#[test]
fn notes_have_accessible_names_from_their_text() {
    let mut room = room(1);
    let board = room.add_board("Ideas").unwrap().1;
    for (text, name) in [
        ("Plant trees", "Plant trees".to_owned()),
        ("  Plant\n\ttrees  ", "Plant trees".to_owned()),
        ("", "Empty note".to_owned()),
        (" \n ", "Empty note".to_owned()),
        (
            &"word ".repeat(100),
            format!("{}…", "word ".repeat(24).trim_end()),
        ),
    ] {
        let id = note_at(&mut room, &board, text, 0.0, 0.0);
        let read = room.note(&id).unwrap().accessible_name();
        assert_eq!(read, name, "{text:?}");
        assert!(read.chars().count() <= ACCESSIBLE_NAME_CHARS);
    }
}

/// A board file with 5,000 notes, 500 links and 50 clusters (the size the
/// load benchmark uses), imported in one transaction and read back whole.
#[test]
fn a_board_of_five_thousand_notes_reads_back_whole() {
    let clusters: Vec<_> = (0..50)
        .map(|c| json!({"id": format!("c{c}"), "label": format!("Cluster {c}"),
            "x": (c % 10) as f64 * 2_000.0, "y": (c / 10) as f64 * 2_000.0, "width": 1_800.0, "height": 1_800.0}))
        .collect();
    let notes: Vec<_> = (0..5_000)
        .map(|n| {
            let c = n % 50;
            json!({"id": format!("n{n}"), "text": format!("Idea number {n}"),
                "x": (c % 10) as f64 * 2_000.0 + (n / 50 % 10) as f64 * 170.0,
                "y": (c / 10) as f64 * 2_000.0 + (n / 500) as f64 * 130.0,
                "color": "blue", "author": "host", "cluster": format!("c{c}")})
        })
        .collect();
    let links: Vec<_> = (0..500)
        .map(|l| json!({"from": format!("n{l}"), "to": format!("n{}", l + 50), "label": ""}))
        .collect();
    let file = json!({"format": "constellation-board", "version": 1, "board": {"name": "Big"},
        "notes": notes, "clusters": clusters, "links": links});

    let mut host = room(1);
    let (update, board) = host.import_board_json(&file.to_string()).unwrap();
    let mut late = room(2);
    late.apply_update(host.snapshot().as_bytes()).unwrap();
    assert!(!update.is_empty());
    let content = late.board_content(&board).unwrap();
    assert_eq!(content.notes.len(), 5_000);
    assert_eq!(content.clusters.len(), 50);
    assert_eq!(content.links.len(), 500);
    assert!(content.notes.iter().all(|n| n.cluster.is_some()));
    assert_eq!(content.reading_order().len(), 5_000);
    assert_eq!(
        late.export_board_svg(&board)
            .unwrap()
            .matches("class=\"note\"")
            .count(),
        5_000
    );
}

#[test]
fn a_file_without_a_version_is_refused() {
    let mut room = room(1);
    let err = room
        .import_board_json(&json!({"format": "constellation-board"}).to_string())
        .unwrap_err();
    assert_eq!(err, ImportError::MissingVersion);
}
