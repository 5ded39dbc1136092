//! Exporting a board as JSON (the data) and SVG (the picture), and importing
//! JSON back, all or nothing.

use constellation_core::board::{
    BoardContent, BoardError, BoardId, FileElement, FileProblem, ImportError, ImportProblem, ItemKind,
    NewCluster, NewNote, NoteColor, ParticipantId, TextField,
};
use constellation_core::{ClientId, Room};
use serde_json::{json, Value};

fn room(client: u64) -> Room {
    Room::new(ClientId::new(client).unwrap())
}

/// A board with a cluster of two notes, a loose note, a link and votes.
fn sample() -> (Room, BoardId) {
    let mut room = room(1);
    let board = room.add_board("Ideas & <plans>").unwrap().1;
    room.add_cluster(NewCluster {
        board: board.clone(),
        label: "Water \"now\"".into(),
        x: 0.0,
        y: 0.0,
        width: 400.0,
        height: 300.0,
    })
    .unwrap();
    let mut notes = Vec::new();
    for (text, x, color) in [
        ("Clean the river <today> & tomorrow", 20.0, NoteColor::Blue),
        ("Plant trees", 200.0, NoteColor::Green),
        ("Ask the 'city'", 600.0, NoteColor::Pink),
    ] {
        let new = NewNote {
            board: board.clone(),
            text: text.into(),
            x,
            y: 40.0,
            color,
            author: "Ana".into(),
        };
        notes.push(room.add_note(new).unwrap().1);
    }
    room.add_link(&notes[0], &notes[2], "needs").unwrap();
    room.set_vote_allowance(&board, 2).unwrap();
    room.place_vote(&ParticipantId::new("p"), &notes[1])
        .unwrap();
    (room, board)
}

/// The content of the one board of `room` with everything that names the
/// room's ids replaced by positions, so that two rooms' boards compare.
fn shape(room: &Room, board: &BoardId) -> Value {
    let content = room.board_content(board).unwrap();
    let note_index = |id: &str| content.notes.iter().position(|n| n.id.as_str() == id);
    let cluster_index = |id: &str| content.clusters.iter().position(|c| c.id.as_str() == id);
    json!({
        "name": content.board.name,
        "allowance": content.board.vote_allowance,
        "notes": content.notes.iter().map(|n| json!([
            n.text, n.x, n.y, n.color, n.author, n.cluster.as_ref().map(|c| cluster_index(c.as_str()))
        ])).collect::<Vec<_>>(),
        "clusters": content.clusters.iter().map(|c| json!([c.label, c.x, c.y, c.width, c.height])).collect::<Vec<_>>(),
        "links": content.links.iter().map(|l| json!([
            note_index(l.from.as_str()), note_index(l.to.as_str()), l.label
        ])).collect::<Vec<_>>(),
    })
}

#[test]
fn json_export_is_versioned_and_holds_the_data() {
    let (room, board) = sample();
    let json: Value = serde_json::from_str(&room.export_board_json(&board).unwrap()).unwrap();
    assert_eq!(json["format"], "constellation-board");
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["board"],
        json!({"name": "Ideas & <plans>", "vote_allowance": 2})
    );
    assert_eq!(json["notes"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["notes"][0]["text"],
        "Clean the river <today> & tomorrow"
    );
    assert_eq!(json["notes"][0]["color"], "blue");
    assert_eq!(json["notes"][0]["cluster"], json["clusters"][0]["id"]);
    assert_eq!(json["notes"][1]["votes"], 1);
    assert_eq!(json["notes"][2]["cluster"], Value::Null);
    assert_eq!(json["links"][0]["from"], json["notes"][0]["id"]);
    assert_eq!(json["links"][0]["label"], "needs");
    assert_eq!(room.export_board_json(&BoardId::new("x")), None);
}

#[test]
fn json_round_trips_into_another_room() {
    let (room, board) = sample();
    let exported = room.export_board_json(&board).unwrap();
    let mut other = self::room(2);
    other.add_board("Existing").unwrap();
    let (update, imported) = other.import_board_json(&exported).unwrap();
    assert!(!update.is_empty());
    assert_eq!(shape(&other, &imported), shape(&room, &board));
    // Imported boards go last; votes stay behind, the allowance comes along.
    assert_eq!(other.boards().last().unwrap().id, imported);
    assert!(other.tally(&imported).totals.is_empty());
    assert_eq!(other.board(&imported).unwrap().vote_allowance, 2);
    // Exporting the imported board gives the same file but for ids and votes.
    let again = other.export_board_json(&imported).unwrap();
    let mut again = other.import_board_json(&again).unwrap();
    assert_eq!(shape(&other, &again.1), shape(&room, &board));
    // One import is one undo step.
    other.undo();
    assert_eq!(other.board(&again.1), None);
    again.0 = other.redo();
    assert!(!again.0.is_empty());
}

#[test]
fn an_import_reaches_other_replicas_in_one_update() {
    let (room, board) = sample();
    let mut a = self::room(2);
    let mut b = self::room(3);
    let (update, _) = a
        .import_board_json(&room.export_board_json(&board).unwrap())
        .unwrap();
    b.apply_update(update.as_bytes()).unwrap();
    assert_eq!(a.to_view(), b.to_view());
}

fn import_error(json: &Value) -> String {
    import_refusal(json).to_string()
}

/// Why importing `json` into a fresh room was refused; checks it changed nothing.
fn import_refusal(json: &Value) -> ImportError {
    let mut room = room(5);
    let before = room.to_view();
    let err = room.import_board_json(&json.to_string()).unwrap_err();
    assert_eq!(room.to_view(), before, "a refused import changed the room");
    assert!(!room.can_undo());
    err
}

fn item(kind: ItemKind, number: usize) -> FileElement {
    FileElement::Item { kind, number }
}

fn problem(element: FileElement, problem: FileProblem) -> ImportProblem {
    ImportProblem { element, problem }
}

fn file(notes: Value, clusters: Value, links: Value) -> Value {
    json!({
        "format": "constellation-board",
        "version": 1,
        "board": {"name": "Imported"},
        "notes": notes,
        "clusters": clusters,
        "links": links,
    })
}

fn note(id: &str, text: &str) -> Value {
    json!({"id": id, "text": text, "x": 0, "y": 0})
}

#[test]
fn an_import_names_each_bad_element_and_changes_nothing() {
    let notes = json!([
        note("n1", "fine"),
        note("n2", "also fine"),
        note("n3", &"a".repeat(2_104)),
        {"id": "n4", "x": 1, "y": 2, "color": "teal", "cluster": "c9"},
        note("n1", "same id"),
    ]);
    let clusters = json!([{"id": "c1", "label": "", "x": 0, "y": 0, "width": 10, "height": 100}]);
    let links = json!([
        {"from": "n1", "to": "n2"},
        {"from": "n1", "to": "n2"},
        {"from": "n2", "to": "n7"},
        {"from": "n2", "to": "n2"},
    ]);
    let ImportError::Invalid(problems) = import_refusal(&file(notes.clone(), clusters.clone(), links.clone())) else {
        panic!("expected problems");
    };
    use ItemKind::{Cluster, Link, Note};
    let text = |s: &str| s.to_owned();
    assert_eq!(
        problems,
        vec![
            problem(item(Cluster, 1), FileProblem::ClusterSize { width: 10.0, height: 100.0, min: 40.0, max: 100_000.0 }),
            problem(item(Note, 3), FileProblem::TooLong { field: TextField::Text, length: 2_104, max: 2_000 }),
            problem(item(Note, 4), FileProblem::UnknownColor { found: text("teal") }),
            problem(item(Note, 4), FileProblem::MissingCluster { id: text("c9") }),
            problem(item(Note, 5), FileProblem::DuplicateId { id: text("n1"), kind: Note, first: 1 }),
            problem(item(Link, 2), FileProblem::RepeatedLink { first: 1 }),
            problem(item(Link, 3), FileProblem::MissingNote { id: text("n7") }),
            problem(item(Link, 4), FileProblem::LinkToItself { note: text("n2") }),
        ]
    );
    // The English words (CLI, logs) still say the same.
    let message = import_error(&file(notes, clusters, links));
    for expected in [
        "the board was not imported; ",
        "cluster 1: size is 10 × 100; width and height must be from 40 to 100,000",
        "note 3: text is 2,104 characters, at most 2,000",
        "note 4: colour \"teal\" is not one of yellow, pink, blue, green, orange, purple",
        "note 4: cluster \"c9\" is not in the file",
        "note 5: id \"n1\" is already used by note 1",
        "link 2: it repeats link 1",
        "link 3: note \"n7\" is not in the file",
        "link 4: it starts and ends at note \"n2\"",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in {message}"
        );
    }
}

#[test]
fn an_import_refuses_a_bad_board() {
    let mut bad = file(json!([]), json!([]), json!([]));
    bad["board"] = json!({"name": "  ", "vote_allowance": 500});
    assert_eq!(
        import_refusal(&bad),
        ImportError::Invalid(vec![
            problem(FileElement::Board, FileProblem::Refused(BoardError::EmptyBoardName)),
            problem(FileElement::Board, FileProblem::AllowanceTooLarge { found: 500, max: 99 }),
        ])
    );
    let message = import_error(&bad);
    assert!(message.contains("board: a board needs a name"), "{message}");
    assert!(
        message.contains("board: vote_allowance is 500, at most 99"),
        "{message}"
    );
}

#[test]
fn an_import_refuses_other_files_with_a_clear_reason() {
    assert_eq!(
        import_error(&json!({"format": "something-else", "version": 1})),
        "this file is not a Constellation board export (its \"format\" is not \"constellation-board\")"
    );
    assert_eq!(
        import_error(&json!({"format": "constellation-board", "version": 2, "board": {}})),
        "this file uses version 2 of the board format, and this app reads version 1: update the app to import it"
    );
    let mut wrong_type = file(json!([note("n1", "x")]), json!([]), json!([]));
    wrong_type["notes"][0]["x"] = json!("left");
    let message = import_error(&wrong_type);
    assert!(
        message.starts_with("the file could not be read as a board (line 1, column"),
        "{message}"
    );
    assert!(message.contains("expected f64"), "{message}");

    let mut room = room(5);
    let err = room.import_board_json("{\n  \"format\": \n").unwrap_err();
    assert!(
        matches!(err, ImportError::Unreadable { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn a_file_with_many_problems_lists_the_first_fifty() {
    let notes: Vec<Value> = (0..80)
        .map(|i| note(&format!("n{i}"), &"x".repeat(2_001)))
        .collect();
    let mut room = room(5);
    let Err(ImportError::Invalid(problems)) =
        room.import_board_json(&file(json!(notes), json!([]), json!([])).to_string())
    else {
        panic!("expected problems");
    };
    assert_eq!(problems.len(), 51);
    assert_eq!(problems[50], problem(FileElement::File, FileProblem::More { count: 30 }));
    assert_eq!(
        problems[50].to_string(),
        "file: 30 more problems not listed"
    );
}

#[test]
fn a_minimal_file_imports_with_defaults() {
    let mut room = room(5);
    let minimal = json!({
        "format": "constellation-board", "version": 1, "board": {"name": "Min"},
        "notes": [{"id": "a", "x": 5, "y": 6}],
        "future_field": true,
    });
    let board = room.import_board_json(&minimal.to_string()).unwrap().1;
    let notes = room.notes(&board);
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].x, notes[0].color, notes[0].text.as_str()),
        (5.0, NoteColor::Yellow, "")
    );
}

#[test]
fn svg_export_is_deterministic_and_escapes_text() {
    let (room, board) = sample();
    let svg = room.export_board_svg(&board).unwrap();
    assert_eq!(svg, room.export_board_svg(&board).unwrap());
    let copy = Room::from_snapshot(ClientId::new(9).unwrap(), room.snapshot().as_bytes()).unwrap();
    assert_eq!(svg, copy.export_board_svg(&board).unwrap());

    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-40 -40 840 380\""),
        "{svg}"
    );
    assert!(svg.contains("<title id=\"board-title\">Ideas &amp; &lt;plans&gt;</title>"));
    assert!(svg.contains("Water &quot;now&quot;"));
    assert!(svg.contains("&lt;today&gt; &amp;"));
    assert!(svg.contains("Ask the &apos;city&apos;"));
    for raw in ["<today>", "<plans>", "\"now\"", "'city'"] {
        assert!(!svg.contains(raw), "{raw} left unescaped");
    }
    assert_eq!(svg.matches("<g class=\"note\">").count(), 3);
    assert_eq!(svg.matches("<g class=\"cluster\">").count(), 1);
    assert_eq!(svg.matches("marker-end=\"url(#arrow)\"").count(), 1);
    assert!(svg.contains(">needs</text>"));
    assert!(
        svg.contains("fill=\"#cfe8ff\""),
        "blue notes use the app's blue"
    );
    // Clusters are drawn under notes, links over them.
    let (cluster, note, link) = (
        svg.find("class=\"cluster\"").unwrap(),
        svg.find("class=\"note\"").unwrap(),
        svg.find("class=\"link\"").unwrap(),
    );
    assert!(cluster < note && note < link);
    assert!(svg.ends_with("</svg>\n"));
    assert_well_formed(&svg);
}

#[test]
fn svg_of_an_empty_board_and_of_awkward_text() {
    let mut room = room(1);
    let board = room.add_board("Empty").unwrap().1;
    let svg = room.export_board_svg(&board).unwrap();
    assert!(svg.contains("viewBox=\"-40 -40 240 200\""), "{svg}");
    assert_well_formed(&svg);

    let new = NewNote {
        board: board.clone(),
        text: format!(
            "{}\u{7}\u{0}]]><!-- {}",
            "word ".repeat(250),
            "z".repeat(500)
        ),
        x: -0.004,
        y: 1.0 / 3.0,
        color: NoteColor::Purple,
        author: "<script>".into(),
    };
    room.add_note(new).unwrap();
    let svg = room.export_board_svg(&board).unwrap();
    assert!(!svg.contains('\u{7}') && !svg.contains('\u{0}') && !svg.contains("<script>"));
    assert!(svg.contains("x=\"0\" y=\"0.33\""), "{svg}");
    assert!(svg.contains('…'));
    assert_well_formed(&svg);
    assert_eq!(room.export_board_svg(&BoardId::new("x")), None);
}

#[test]
fn the_svg_function_draws_any_board_content() {
    let (room, board) = sample();
    let content: BoardContent = room.board_content(&board).unwrap();
    assert_eq!(
        constellation_core::board::board_svg(&content),
        room.export_board_svg(&board).unwrap()
    );
}

/// A small check that tags open and close in order and attributes are quoted:
/// enough to catch an unescaped `<` or `"` in text.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        assert!(!text.contains('>'), "stray '>' in text {text:?}");
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "'<' inside tag {tag:?}");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in {tag:?}"
        );
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "mismatched </{name}>"
            );
        } else if !tag.ends_with('/') {
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

#[test]
fn svg_of_one_note_is_exactly_this() {
    let mut room = room(1);
    let board = room.add_board("One").unwrap().1;
    let new = NewNote {
        board: board.clone(),
        text: "Hello".into(),
        x: 10.0,
        y: 20.5,
        color: NoteColor::Yellow,
        author: String::new(),
    };
    room.add_note(new).unwrap();
    let expected = concat!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="-30 -19.5 240 200" width="240" height="200" role="img" aria-labelledby="board-title" font-family="system-ui, sans-serif">"#,
        "\n",
        r#"<title id="board-title">One</title>"#,
        "\n",
        r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#3b4252"/></marker></defs>"##,
        "\n",
        r##"<rect x="-30" y="-19.5" width="240" height="200" fill="#ffffff"/>"##,
        "\n",
        r##"<g class="note"><rect x="10" y="20.5" width="160" height="120" rx="6" fill="#fff3a3" stroke="#000000" stroke-opacity="0.12"/>"##,
        r##"<text font-size="13" fill="#1f2937"><tspan x="20" y="43.5">Hello</tspan></text></g>"##,
        "\n",
        "</svg>\n",
    );
    assert_eq!(room.export_board_svg(&board).unwrap(), expected);
}
