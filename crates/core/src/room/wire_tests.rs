use super::*;

/// Asserts that `bytes` are refused with a reason containing `expected`.
fn refused(bytes: &[u8], expected: &str) {
    let err = parse_update(bytes).unwrap_err();
    assert!(err.contains(expected), "expected {expected:?}, got {err:?}");
}

/// One client (5, clock 0) with one item in root "r" holding `content` bytes.
fn item(info: u8, content: &[u8]) -> Vec<u8> {
    let mut bytes = vec![1, 1, 5, 0, info, 1, 1, b'r'];
    bytes.extend_from_slice(content);
    bytes.push(0);
    bytes
}

#[test]
fn reads_what_yrs_writes() {
    use crate::board::{NewNote, NoteColor};
    let mut room = crate::Room::new(crate::ClientId::new(42).unwrap());
    let board = room.add_board("Ideas").unwrap().1;
    let new = NewNote {
        board,
        text: "a 😀 note".into(),
        x: 1.5,
        y: -2.0,
        color: NoteColor::Pink,
        author: "Ana".into(),
    };
    let note = room.add_note(new).unwrap().1;
    room.edit_note_text(&note, "a 😀 longer note").unwrap();
    room.delete_note(&note).unwrap();
    // The undo history keeps this replica's deleted content; a replica that
    // loads the snapshot collects it, so its snapshot shows collected ranges.
    let copy = crate::Room::from_snapshot(crate::ClientId::new(43).unwrap(), room.snapshot().as_bytes());
    let parsed = parse_update(copy.unwrap().snapshot().as_bytes()).unwrap();
    assert_eq!(parsed.runs.len(), 1);
    assert_eq!(parsed.runs[0].client, 42);
    assert!(parsed.runs[0]
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Collected
            || matches!(
                b.kind,
                BlockKind::Item {
                    content: Content::Deleted,
                    ..
                }
            )));
}

#[test]
fn reads_items_of_each_accepted_kind() {
    let text = parse_update(&item(4, &[2, b'h', b'i'])).unwrap();
    assert_eq!(text.runs[0].blocks[0].len, 2);
    // "😀" is two UTF-16 code units, as Yjs counts it.
    let emoji = parse_update(&item(4, &[4, 0xf0, 0x9f, 0x98, 0x80])).unwrap();
    assert_eq!(emoji.runs[0].blocks[0].len, 2);
    let values = parse_update(&item(8, &[3, 120, 125, 0x85, 0x01, 117, 2, 126, 127])).unwrap();
    assert_eq!(values.runs[0].blocks[0].len, 3);
    let map = parse_update(&item(7, &[1])).unwrap();
    assert!(matches!(
        map.runs[0].blocks[0].kind,
        BlockKind::Item {
            content: Content::Type,
            parent: None,
            ..
        }
    ));
    assert!(parse_update(&item(3, &[2, 9, 9])).is_ok());
    assert!(parse_update(&item(1, &[4])).is_ok());
}

#[test]
fn refuses_what_the_room_does_not_use() {
    refused(&[1, 1, 5, 0, 10, 3, 0], "skip blocks are not accepted");
    refused(&item(9, &[0]), "content kind 9 is not accepted");
    refused(&item(6, &[0]), "content kind 6 is not accepted");
    refused(&item(7, &[3]), "shared type kind 3 is not accepted");
    refused(&item(0x14, &[1, b'x']), "content kind 20 is not accepted");
}

#[test]
fn refuses_values_yrs_would_trip_over() {
    // Client 2^53 as a varint.
    refused(
        &[
            1, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10, 0, 0, 1, 0,
        ],
        "not below 2^53",
    );
    // A collected range that runs past the largest clock.
    refused(
        &[1, 2, 5, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0x07, 0, 2, 0],
        "run past clock",
    );
    refused(
        &[0, 1, 5, 1, 0xff, 0xff, 0xff, 0xff, 0x07, 1],
        "runs past clock",
    );
    let mut deep = vec![1, 1, 5, 0, 8, 1, 1, b'r', 1];
    deep.extend(std::iter::repeat_n([117, 1], 40).flatten());
    deep.extend([126, 0]);
    refused(&deep, "nested deeper than 32");
    refused(&item(4, &[0]), "empty text item");
    refused(&item(8, &[0]), "empty value item");
    refused(&item(1, &[0]), "empty deleted range");
    refused(&item(4, &[2, 0xff, 0xfe]), "not valid UTF-8");
    refused(&[1, 1, 5, 0, 4, 2, 1, b'x', 0], "unknown parent kind 2");
    refused(&[2, 0, 5, 0, 0, 5, 0, 0], "client 5 is listed twice");
    refused(&[1, 1, 5, 0, 4], "the bytes end inside");
    refused(
        &[
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
        ],
        "does not fit in 64 bits",
    );
}

#[test]
fn state_vectors_are_checked_too() {
    assert_eq!(
        parse_state_vector(&[2, 5, 3, 7, 0]).unwrap(),
        vec![(5, 3), (7, 0)]
    );
    assert!(parse_state_vector(&[1, 5]).is_err());
    assert!(parse_state_vector(&[1, 5, 0x80, 0x80, 0x80, 0x80, 0x08])
        .unwrap_err()
        .contains("above"));
}
