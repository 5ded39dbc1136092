//! A board as a JSON file: export (the data) and import (all or nothing).
//!
//! The format is versioned: `{"format": "constellation-board", "version": 1,
//! "board": {...}, "notes": [...], "clusters": [...], "links": [...]}`.
//! Ids in a file only connect its parts (a note's `cluster`, a link's `from`
//! and `to`); an import gives every item a fresh id in the room. A note's
//! `votes` is exported for reading and ignored on import: votes belong to the
//! participants of the room they were cast in, and the allowance travels with
//! the board. Unknown fields are ignored, so a later version can add some.
//!
//! An import checks every element before it writes anything, reports every
//! problem it found with the element it is about ("note 3: text is 2,104
//! characters, at most 2,000"), and then creates the whole board in one
//! transaction (one undo step).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use yrs::{Map, MapPrelim};

use super::clusters::{
    self, write_cluster, NewCluster, MAX_CLUSTER_LABEL_CHARS, MAX_CLUSTER_SIZE, MIN_CLUSTER_SIZE,
};
use super::links::{write_link, MAX_LINK_LABEL_CHARS};
use super::notes::{write_note, NewNote, NoteColor};
use super::votes::MAX_VOTE_ALLOWANCE;
use super::{
    boards_in, check_board_name, new_id, BoardError, BoardId, ALLOWANCE, MAX_AUTHOR_CHARS,
    MAX_NOTE_CHARS, NAME, ORDER,
};
use crate::room::{Room, Update};

/// The `format` of a board file.
pub const BOARD_FORMAT: &str = "constellation-board";
/// The version of the board file format that this code writes and reads.
pub const BOARD_FORMAT_VERSION: u32 = 1;
/// The most notes, clusters or links one file may hold.
pub const MAX_IMPORT_ITEMS: usize = 20_000;
/// The most problems one refused import lists.
const MAX_PROBLEMS: usize = 50;

/// Why a board file was not imported (nothing was changed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file could not be read as a board (line {line}, column {column}): {reason}")]
    Unreadable {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error(
        "this file is not a Constellation board export (its \"format\" is not \"{BOARD_FORMAT}\")"
    )]
    NotABoard,
    #[error("this board file does not say which version of the format it uses (\"version\": {BOARD_FORMAT_VERSION})")]
    MissingVersion,
    #[error(
        "this file uses version {found} of the board format, and this app reads version {BOARD_FORMAT_VERSION}: update the app to import it"
    )]
    UnsupportedVersion { found: u64 },
    #[error("the board was not imported; {}", list(.0))]
    Invalid(Vec<ImportProblem>),
    #[error("the board was not imported: the board is locked while votes are counted")]
    Locked,
}

/// One thing wrong with one element of a board file. Structured, so each
/// reader words it in its own language; `Display` is English (logs, tests).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    pub element: FileElement,
    pub problem: FileProblem,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.element, self.problem)
    }
}

/// The kinds of items a board file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Note,
    Cluster,
    Link,
}

impl ItemKind {
    /// The kind's name in English, singular ("note").
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Note => "note",
            ItemKind::Cluster => "cluster",
            ItemKind::Link => "link",
        }
    }
}

/// Which part of a board file a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileElement {
    /// The board's own fields (name, votes) or the file's size.
    Board,
    /// One note, cluster or link, `number` counting from 1 in file order.
    Item { kind: ItemKind, number: usize },
    /// The file as a whole (problems beyond those listed).
    File,
}

impl std::fmt::Display for FileElement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileElement::Board => f.write_str("board"),
            FileElement::Item { kind, number } => write!(f, "{} {number}", kind.name()),
            FileElement::File => f.write_str("file"),
        }
    }
}

/// Which text of an element is too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Text,
    Author,
    Label,
}

impl TextField {
    pub fn name(self) -> &'static str {
        match self {
            TextField::Text => "text",
            TextField::Author => "author",
            TextField::Label => "label",
        }
    }
}

/// What is wrong with one element of a board file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// A rule of boards refused it (the board's name).
    Refused(BoardError),
    /// The board's `vote_allowance` is over the most a board allows.
    AllowanceTooLarge { found: u64, max: u32 },
    /// The file lists more items of a kind than one import takes.
    TooMany { kind: ItemKind, count: usize, max: usize },
    /// A text is longer than allowed (counts in characters).
    TooLong { field: TextField, length: usize, max: usize },
    /// A cluster's size is outside the allowed range.
    ClusterSize { width: f64, height: f64, min: f64, max: f64 },
    /// A position that is not two finite numbers.
    NotFinite { x: f64, y: f64 },
    /// A note colour that is none of [`NoteColor::ALL`].
    UnknownColor { found: String },
    /// A note's cluster id that no cluster of the file has.
    MissingCluster { id: String },
    /// A link end that no note of the file has.
    MissingNote { id: String },
    /// A link that starts and ends at the same note.
    LinkToItself { note: String },
    /// The same link again; `first` numbers the first one from 1.
    RepeatedLink { first: usize },
    /// The element's id is empty.
    EmptyId,
    /// The id is already used by the element of the same kind numbered `first` (from 1).
    DuplicateId { id: String, kind: ItemKind, first: usize },
    /// More problems than are listed.
    More { count: usize },
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::Refused(error) => error.fmt(f),
            FileProblem::AllowanceTooLarge { found, max } => write!(f, "vote_allowance is {found}, at most {max}"),
            FileProblem::TooMany { kind, count, max } => {
                write!(f, "the file has {} {}s, at most {}", thousands(*count), kind.name(), thousands(*max))
            }
            FileProblem::TooLong { field, length, max } => {
                write!(f, "{} is {} characters, at most {}", field.name(), thousands(*length), thousands(*max))
            }
            FileProblem::ClusterSize { width, height, min, max } => write!(
                f,
                "size is {width} × {height}; width and height must be from {min} to {}",
                thousands(*max as usize)
            ),
            FileProblem::NotFinite { x, y } => write!(f, "position ({x}, {y}) is not two finite numbers"),
            FileProblem::UnknownColor { found } => {
                let names: Vec<&str> = NoteColor::ALL.iter().map(|c| c.name()).collect();
                write!(f, "colour \"{found}\" is not one of {}", names.join(", "))
            }
            FileProblem::MissingCluster { id } => write!(f, "cluster \"{id}\" is not in the file"),
            FileProblem::MissingNote { id } => write!(f, "note \"{id}\" is not in the file"),
            FileProblem::LinkToItself { note } => write!(f, "it starts and ends at note \"{note}\""),
            FileProblem::RepeatedLink { first } => write!(f, "it repeats link {first}"),
            FileProblem::EmptyId => f.write_str("id is empty"),
            FileProblem::DuplicateId { id, kind, first } => {
                write!(f, "id \"{id}\" is already used by {} {first}", kind.name())
            }
            FileProblem::More { count } => write!(f, "{} more problems not listed", thousands(*count)),
        }
    }
}

fn list(problems: &[ImportProblem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("; ")
}

#[derive(Debug, Serialize, Deserialize)]
struct BoardFile {
    format: String,
    version: u64,
    board: BoardFields,
    #[serde(default)]
    notes: Vec<NoteFields>,
    #[serde(default)]
    clusters: Vec<ClusterFields>,
    #[serde(default)]
    links: Vec<LinkFields>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BoardFields {
    name: String,
    #[serde(default)]
    vote_allowance: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct NoteFields {
    id: String,
    #[serde(default)]
    text: String,
    x: f64,
    y: f64,
    #[serde(default = "yellow")]
    color: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    votes: u32,
}

fn yellow() -> String {
    NoteColor::Yellow.name().to_owned()
}

#[derive(Debug, Serialize, Deserialize)]
struct ClusterFields {
    id: String,
    #[serde(default)]
    label: String,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

#[derive(Debug, Serialize, Deserialize)]
struct LinkFields {
    from: String,
    to: String,
    #[serde(default)]
    label: String,
}

/// Only the fields that say what a file is, read before anything else.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Room {
    /// One board as a JSON file (`None` if there is no such board).
    pub fn export_board_json(&self, board: &BoardId) -> Option<String> {
        let content = self.board_content(board)?;
        let file = BoardFile {
            format: BOARD_FORMAT.to_owned(),
            version: u64::from(BOARD_FORMAT_VERSION),
            board: BoardFields {
                name: content.board.name.clone(),
                vote_allowance: u64::from(content.board.vote_allowance),
            },
            notes: content
                .notes
                .iter()
                .map(|note| NoteFields {
                    id: note.id.to_string(),
                    text: note.text.clone(),
                    x: note.x,
                    y: note.y,
                    color: note.color.name().to_owned(),
                    author: note.author.clone(),
                    cluster: note.cluster.as_ref().map(ToString::to_string),
                    votes: content.tally.votes_for(&note.id),
                })
                .collect(),
            clusters: content
                .clusters
                .iter()
                .map(|c| ClusterFields {
                    id: c.id.to_string(),
                    label: c.label.clone(),
                    x: c.x,
                    y: c.y,
                    width: c.width,
                    height: c.height,
                })
                .collect(),
            links: content
                .links
                .iter()
                .map(|link| LinkFields {
                    from: link.from.to_string(),
                    to: link.to.to_string(),
                    label: link.label.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).ok()
    }

    /// Adds a board from a JSON file, after the existing boards, or refuses the
    /// whole file with every problem found in it.
    pub fn import_board_json(&mut self, json: &str) -> Result<(Update, BoardId), ImportError> {
        if self.board_locked() {
            return Err(ImportError::Locked);
        }
        let unreadable = |e: serde_json::Error| ImportError::Unreadable {
            line: e.line(),
            column: e.column(),
            reason: strip_position(&e.to_string()),
        };
        let header: Header = serde_json::from_str(json).map_err(unreadable)?;
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(BOARD_FORMAT) {
            return Err(ImportError::NotABoard);
        }
        match header.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(BOARD_FORMAT_VERSION) => {}
            Some(found) => return Err(ImportError::UnsupportedVersion { found }),
            None => return Err(ImportError::MissingVersion),
        }
        let file: BoardFile = serde_json::from_str(json).map_err(unreadable)?;
        let checked = check(&file).map_err(ImportError::Invalid)?;
        let client = self.client().get();
        let (id, update) = self
            .edit(|txn, roots| {
                let order = boards_in(txn, &roots.boards)
                    .iter()
                    .map(|b| b.order)
                    .fold(-1.0, f64::max)
                    + 1.0;
                let board = BoardId(new_id(txn, client));
                let map = roots
                    .boards
                    .insert(txn, board.as_str(), MapPrelim::default());
                map.insert(txn, NAME, checked.name.as_str());
                map.insert(txn, ORDER, order);
                if checked.allowance > 0 {
                    map.insert(txn, ALLOWANCE, f64::from(checked.allowance));
                }
                let mut cluster_ids: HashMap<&str, String> = HashMap::new();
                for cluster in &file.clusters {
                    let id = new_id(txn, client);
                    let map = roots
                        .clusters
                        .insert(txn, id.as_str(), MapPrelim::default());
                    let new = NewCluster {
                        board: board.clone(),
                        label: cluster.label.trim().to_owned(),
                        x: cluster.x,
                        y: cluster.y,
                        width: cluster.width,
                        height: cluster.height,
                    };
                    write_cluster(txn, &map, &new, &new.label);
                    cluster_ids.insert(cluster.id.as_str(), id);
                }
                let mut note_ids: HashMap<&str, String> = HashMap::new();
                for (note, color) in file.notes.iter().zip(&checked.colors) {
                    let id = new_id(txn, client);
                    let map = roots.notes.insert(txn, id.as_str(), MapPrelim::default());
                    let new = NewNote {
                        board: board.clone(),
                        text: note.text.clone(),
                        x: note.x,
                        y: note.y,
                        color: *color,
                        author: note.author.clone(),
                    };
                    let cluster = note.cluster.as_deref().and_then(|c| cluster_ids.get(c));
                    write_note(txn, &map, &new, cluster.map(String::as_str));
                    note_ids.insert(note.id.as_str(), id);
                }
                for link in &file.links {
                    let (Some(from), Some(to)) = (
                        note_ids.get(link.from.as_str()),
                        note_ids.get(link.to.as_str()),
                    ) else {
                        continue;
                    };
                    let id = new_id(txn, client);
                    let map = roots.links.insert(txn, id.as_str(), MapPrelim::default());
                    write_link(txn, &map, from, to, link.label.trim());
                }
                Ok::<_, BoardError>(board)
            })
            .map_err(|e| {
                ImportError::Invalid(vec![ImportProblem {
                    element: FileElement::Board,
                    problem: FileProblem::Refused(e),
                }])
            })?;
        Ok((update, id))
    }
}

/// What the checks derive from a valid file.
struct Checked {
    name: String,
    allowance: u32,
    /// Each note's colour, in file order.
    colors: Vec<NoteColor>,
}

/// Checks every element; returns every problem (at most [`MAX_PROBLEMS`]).
fn check(file: &BoardFile) -> Result<Checked, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    let name = match check_board_name(&file.board.name) {
        Ok(name) => name.to_owned(),
        Err(e) => {
            problems.add(FileElement::Board, FileProblem::Refused(e));
            String::new()
        }
    };
    let allowance = u32::try_from(file.board.vote_allowance)
        .ok()
        .filter(|a| *a <= MAX_VOTE_ALLOWANCE);
    if allowance.is_none() {
        problems.add(
            FileElement::Board,
            FileProblem::AllowanceTooLarge {
                found: file.board.vote_allowance,
                max: MAX_VOTE_ALLOWANCE,
            },
        );
    }
    for (kind, count) in [
        (ItemKind::Note, file.notes.len()),
        (ItemKind::Cluster, file.clusters.len()),
        (ItemKind::Link, file.links.len()),
    ] {
        if count > MAX_IMPORT_ITEMS {
            problems.add(
                FileElement::Board,
                FileProblem::TooMany {
                    kind,
                    count,
                    max: MAX_IMPORT_ITEMS,
                },
            );
        }
    }

    let mut cluster_ids: HashMap<&str, usize> = HashMap::new();
    for (index, cluster) in file.clusters.iter().enumerate() {
        let element = FileElement::Item {
            kind: ItemKind::Cluster,
            number: index + 1,
        };
        unique(
            &mut problems,
            element,
            &cluster.id,
            index,
            &mut cluster_ids,
        );
        let length = cluster.label.trim().chars().count();
        if length > MAX_CLUSTER_LABEL_CHARS {
            problems.add(element, too_long(TextField::Label, length, MAX_CLUSTER_LABEL_CHARS));
        }
        if clusters::check_size(cluster.width, cluster.height).is_err() {
            problems.add(
                element,
                FileProblem::ClusterSize {
                    width: cluster.width,
                    height: cluster.height,
                    min: MIN_CLUSTER_SIZE,
                    max: MAX_CLUSTER_SIZE,
                },
            );
        }
        finite(&mut problems, element, cluster.x, cluster.y);
    }

    let mut note_ids: HashMap<&str, usize> = HashMap::new();
    let mut colors = Vec::with_capacity(file.notes.len());
    for (index, note) in file.notes.iter().enumerate() {
        let element = FileElement::Item {
            kind: ItemKind::Note,
            number: index + 1,
        };
        unique(
            &mut problems,
            element,
            &note.id,
            index,
            &mut note_ids,
        );
        let length = note.text.chars().count();
        if length > MAX_NOTE_CHARS {
            problems.add(element, too_long(TextField::Text, length, MAX_NOTE_CHARS));
        }
        let length = note.author.chars().count();
        if length > MAX_AUTHOR_CHARS {
            problems.add(element, too_long(TextField::Author, length, MAX_AUTHOR_CHARS));
        }
        finite(&mut problems, element, note.x, note.y);
        match NoteColor::from_name(&note.color) {
            Some(color) => colors.push(color),
            None => {
                problems.add(
                    element,
                    FileProblem::UnknownColor {
                        found: note.color.clone(),
                    },
                );
                colors.push(NoteColor::default());
            }
        }
        if let Some(cluster) = &note.cluster {
            if !cluster_ids.contains_key(cluster.as_str()) {
                problems.add(element, FileProblem::MissingCluster { id: cluster.clone() });
            }
        }
    }

    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (index, link) in file.links.iter().enumerate() {
        let element = FileElement::Item {
            kind: ItemKind::Link,
            number: index + 1,
        };
        for end in [&link.from, &link.to] {
            if !note_ids.contains_key(end.as_str()) {
                problems.add(element, FileProblem::MissingNote { id: end.clone() });
            }
        }
        if link.from == link.to {
            problems.add(
                element,
                FileProblem::LinkToItself {
                    note: link.from.clone(),
                },
            );
        }
        if let Some(first) = pairs.insert((&link.from, &link.to), index) {
            problems.add(element, FileProblem::RepeatedLink { first: first + 1 });
        }
        let length = link.label.trim().chars().count();
        if length > MAX_LINK_LABEL_CHARS {
            problems.add(element, too_long(TextField::Label, length, MAX_LINK_LABEL_CHARS));
        }
    }

    problems.finish()?;
    Ok(Checked {
        name,
        allowance: allowance.unwrap_or(0),
        colors,
    })
}

#[derive(Default)]
struct Problems {
    list: Vec<ImportProblem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, element: FileElement, problem: FileProblem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(ImportProblem { element, problem });
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Result<(), Vec<ImportProblem>> {
        if self.more > 0 {
            self.list.push(ImportProblem {
                element: FileElement::File,
                problem: FileProblem::More { count: self.more },
            });
        }
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(self.list)
        }
    }
}

/// Records an id and reports it if it is empty or already used.
fn unique<'a>(
    problems: &mut Problems,
    element: FileElement,
    id: &'a str,
    index: usize,
    seen: &mut HashMap<&'a str, usize>,
) {
    if id.is_empty() {
        problems.add(element, FileProblem::EmptyId);
    } else if let Some(first) = seen.insert(id, index) {
        seen.insert(id, first);
        let kind = match element {
            FileElement::Item { kind, .. } => kind,
            FileElement::Board | FileElement::File => ItemKind::Note,
        };
        problems.add(
            element,
            FileProblem::DuplicateId {
                id: id.to_owned(),
                kind,
                first: first + 1,
            },
        );
    }
}

fn finite(problems: &mut Problems, element: FileElement, x: f64, y: f64) {
    if !(x.is_finite() && y.is_finite()) {
        problems.add(element, FileProblem::NotFinite { x, y });
    }
}

fn too_long(field: TextField, length: usize, max: usize) -> FileProblem {
    FileProblem::TooLong { field, length, max }
}

/// Groups digits by thousands with commas, as people read counts: 2,104.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// serde_json appends " at line L column C" to its messages; the error says it already.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (2_104, "2,104"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }

    #[test]
    fn positions_are_stripped_from_serde_messages() {
        assert_eq!(
            strip_position("expected `,` at line 3 column 5"),
            "expected `,`"
        );
        assert_eq!(strip_position("plain"), "plain");
    }
}
