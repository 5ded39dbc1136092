//! Network files in and out: a CSV edge list with an optional node list, Kumu's
//! elements and connections sheets (as CSV), JSON (the [`Network`] serde
//! model), GraphML and GEXF. docs/network-files.md describes each with examples.
//!
//! Every import reads the whole file(s) and returns either a valid [`Network`]
//! or every problem found (up to [`MAX_PROBLEMS`]), each naming the file, the
//! line and the field. Nothing touches the room: the caller applies the result
//! in one edit ([`crate::Room::apply_network`]). Exports write what the imports
//! read back to the same network (the round-trip tests hold them to that);
//! GraphML and GEXF are also read by NetworkX and Gephi.

mod csv_files;
mod gexf;
mod graphml;
mod xml;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::entry::{parse_code, MAX_NAME_CHARS};
use super::model::{Level, Network, NetworkError, NodeRef, Sector, TieKind, Trust};

pub use csv_files::{
    export_edge_list, export_kumu, import_edge_list, import_kumu, EdgeListFiles, KumuFiles,
};
pub use gexf::{export_gexf, import_gexf};
pub use graphml::{export_graphml, import_graphml};

/// An import stops listing problems after this many.
pub const MAX_PROBLEMS: usize = 50;

/// A file given to an import: its name (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl<'a> SourceFile<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceFile { name, text }
    }
}

/// One thing wrong with an imported file: the file, the line, the field and
/// what is wrong, all structured (the web app words them in the reader's
/// language; `Display` is English, for the command line and logs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub file: String,
    /// The line, from 1, when the problem has one.
    pub line: Option<usize>,
    /// The column (as the file names it) or attribute, when the problem is about one.
    pub field: Option<String>,
    /// The character column, from 1, when a parser gives one (JSON).
    #[serde(default)]
    pub column: Option<usize>,
    pub reason: ImportReason,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", {field}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What is wrong in an imported file. Texts a parser wrote (`detail`) are
/// quoted as the library wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ImportReason {
    #[error("is not UTF-8 text")]
    NotUtf8,
    #[error("{detail}")]
    BadCsv { detail: String },
    #[error("is empty (a header row is needed)")]
    Empty,
    #[error("the header needs an id or a name (label) column")]
    HeaderNeedsIdOrName,
    #[error("the header needs From and To columns")]
    HeaderNeedsFromTo,
    #[error("an id or a name is required")]
    IdOrNameRequired,
    #[error("{id:?} is used twice (first on line {first_line})")]
    UsedTwice { id: String, first_line: usize },
    #[error("no organization with id or name {name:?} in this file")]
    NoSuchOrganization { name: String },
    /// An edge list's end not in its node list (`nodes_file`).
    #[error("no node with id or name {name:?} in {nodes_file}")]
    NoSuchNode { name: String, nodes_file: String },
    #[error("no node with id {id:?}")]
    NoSuchNodeId { id: String },
    #[error("is empty")]
    EmptyCell,
    #[error("a tie joins two people or two organizations, not {from} and {to}")]
    MixedTie { from: NodeRef, to: NodeRef },
    #[error("a tie must join two different nodes, found {node} at both ends")]
    SelfTie { node: NodeRef },
    #[error("must be a whole number from 1 to 5, found {found:?}")]
    NotATrust { found: String },
    #[error("must be true or false, found {found:?}")]
    NotTrueOrFalse { found: String },
    #[error("unknown kind {found:?} (collaborates, knows, funds, governs or other)")]
    UnknownKind { found: String },
    #[error("unknown sector {found:?} (government, business, civil society or other)")]
    UnknownSector { found: String },
    #[error("unknown level {found:?} (senior, mid or junior)")]
    UnknownLevel { found: String },
    #[error("is too long (at most {max} characters)")]
    TooLong { length: usize, max: usize },
    #[error("must be one line without control characters")]
    ControlCharacters,
    #[error("a node needs an id")]
    NodeNeedsId,
    #[error("is not GraphML (its root element is not <graphml>)")]
    NotGraphMl,
    #[error("is not GEXF (its root element is not <gexf>)")]
    NotGexf,
    #[error("holds no <graph>")]
    NoGraph,
    #[error("is not well-formed XML: {detail}")]
    BadXml { detail: String },
    #[error("has an unmatched end tag")]
    UnmatchedEndTag,
    #[error("has an unknown entity reference")]
    UnknownEntity,
    #[error("ends before its elements are closed")]
    UnclosedElements,
    #[error("holds no XML element")]
    NoXmlElement,
    #[error("has a malformed attribute: {detail}")]
    BadAttribute { detail: String },
    #[error("Kumu connections need the elements sheet too")]
    KumuNeedsElements,
    #[error("only a CSV edge list takes a second file (its node list)")]
    OnlyEdgeListTakesSecond,
    #[error("{detail}")]
    BadJson { detail: String },
    /// The whole network's check, after the format's reader.
    #[error("{0}")]
    Network(NetworkError),
}

/// The file formats, as a name's extension tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkFormat {
    /// `.csv`: an edge list, optionally with a node list.
    EdgeList,
    /// Kumu's elements and connections sheets, as two CSV files.
    Kumu,
    Json,
    GraphMl,
    Gexf,
}

impl NetworkFormat {
    /// The format a file name's extension announces (`.csv` is an edge list).
    pub fn from_file_name(name: &str) -> Option<NetworkFormat> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(NetworkFormat::EdgeList),
            "json" => Some(NetworkFormat::Json),
            "graphml" => Some(NetworkFormat::GraphMl),
            "gexf" => Some(NetworkFormat::Gexf),
            _ => None,
        }
    }
}

/// Reads a network file in `format`. `companion` is the node list of an edge
/// list (optional) or the elements sheet of Kumu (required; `file` is then
/// the connections sheet); the other formats take none.
pub fn import(
    format: NetworkFormat,
    file: SourceFile<'_>,
    companion: Option<SourceFile<'_>>,
) -> Result<Network, Vec<ImportProblem>> {
    let refuse = |reason: ImportReason| {
        Err(vec![ImportProblem {
            file: file.name.to_string(),
            line: None,
            field: None,
            column: None,
            reason,
        }])
    };
    match (format, companion) {
        (NetworkFormat::EdgeList, nodes) => import_edge_list(file, nodes),
        (NetworkFormat::Kumu, Some(elements)) => import_kumu(elements, file),
        (NetworkFormat::Kumu, None) => refuse(ImportReason::KumuNeedsElements),
        (_, Some(_)) => refuse(ImportReason::OnlyEdgeListTakesSecond),
        (NetworkFormat::Json, None) => import_json(file),
        (NetworkFormat::GraphMl, None) => import_graphml(file),
        (NetworkFormat::Gexf, None) => import_gexf(file),
    }
}

/// One file an export writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedFile {
    /// `{base}.json`, `{base}-edges.csv`, …
    pub name: String,
    /// The media type, for a download.
    pub media_type: String,
    pub text: String,
}

/// Writes a network in `format`: one file, or two for an edge list (edges,
/// nodes) and for Kumu (elements, connections), named from `base`.
pub fn export(format: NetworkFormat, network: &Network, base: &str) -> Vec<ExportedFile> {
    let file = |suffix: &str, media_type: &str, text: String| ExportedFile {
        name: format!("{base}{suffix}"),
        media_type: media_type.to_string(),
        text,
    };
    match format {
        NetworkFormat::EdgeList => {
            let f = export_edge_list(network);
            vec![
                file("-edges.csv", "text/csv", f.edges),
                file("-nodes.csv", "text/csv", f.nodes),
            ]
        }
        NetworkFormat::Kumu => {
            let f = export_kumu(network);
            vec![
                file("-elements.csv", "text/csv", f.elements),
                file("-connections.csv", "text/csv", f.connections),
            ]
        }
        NetworkFormat::Json => vec![file(".json", "application/json", export_json(network))],
        NetworkFormat::GraphMl => vec![file(
            ".graphml",
            "application/graphml+xml",
            export_graphml(network),
        )],
        NetworkFormat::Gexf => vec![file(".gexf", "application/gexf+xml", export_gexf(network))],
    }
}

/// Reads a network from JSON (the [`Network`] serde model, as exported).
pub fn import_json(file: SourceFile<'_>) -> Result<Network, Vec<ImportProblem>> {
    serde_json::from_str::<Network>(file.text).map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; the problem says it itself.
        let reason = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        vec![ImportProblem {
            file: file.name.to_string(),
            line: (e.line() > 0).then_some(e.line()),
            field: None,
            column: (e.column() > 0).then_some(e.column()),
            reason: ImportReason::BadJson { detail: reason },
        }]
    })
}

/// Writes a network as pretty JSON (the [`Network`] serde model).
pub fn export_json(network: &Network) -> String {
    let mut out = serde_json::to_string_pretty(network).expect("a network serializes");
    out.push('\n');
    out
}

/// Collects problems of one import, up to [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub(crate) struct Problems(pub Vec<ImportProblem>);

impl Problems {
    pub fn add(
        &mut self,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        reason: ImportReason,
    ) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(ImportProblem {
                file: file.to_string(),
                line,
                field: field.map(str::to_string),
                column: None,
                reason,
            });
        }
    }

    /// The network when nothing was wrong; a final whole-network check
    /// catches anything the format readers missed.
    pub fn finish(self, file: &str, network: Network) -> Result<Network, Vec<ImportProblem>> {
        if !self.0.is_empty() {
            return Err(self.0);
        }
        let problems: Vec<ImportProblem> = network
            .problems()
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|e| ImportProblem {
                file: file.to_string(),
                line: None,
                field: None,
                column: None,
                reason: ImportReason::Network(e),
            })
            .collect();
        if problems.is_empty() {
            Ok(network)
        } else {
            Err(problems)
        }
    }
}

/// A trust cell: blank is 3; otherwise a whole number 1–5 ("4" or "4.0").
pub(crate) fn trust_value(text: &str) -> Result<Trust, ImportReason> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Trust::default());
    }
    let bad = || ImportReason::NotATrust { found: text.to_string() };
    let value: f64 = text.parse().map_err(|_| bad())?;
    if value.fract() != 0.0 {
        return Err(bad());
    }
    Trust::new(value as i64).map_err(|_| bad())
}

/// A yes/no cell: blank is no.
pub(crate) fn bool_value(text: &str) -> Result<bool, ImportReason> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "undirected" | "mutual" => Ok(false),
        "true" | "yes" | "1" | "directed" => Ok(true),
        _ => Err(ImportReason::NotTrueOrFalse { found: text.trim().to_string() }),
    }
}

/// A tie kind: blank is collaborates.
pub(crate) fn kind_value(text: &str) -> Result<TieKind, ImportReason> {
    if text.trim().is_empty() {
        return Ok(TieKind::Collaborates);
    }
    parse_code(text).ok_or_else(|| ImportReason::UnknownKind { found: text.trim().to_string() })
}

/// A sector: blank is other.
pub(crate) fn sector_value(text: &str) -> Result<Sector, ImportReason> {
    if text.trim().is_empty() {
        return Ok(Sector::Other);
    }
    parse_code(text).ok_or_else(|| ImportReason::UnknownSector { found: text.trim().to_string() })
}

/// A level: blank is none.
pub(crate) fn level_value(text: &str) -> Result<Option<Level>, ImportReason> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_code(text)
        .map(Some)
        .ok_or_else(|| ImportReason::UnknownLevel { found: text.trim().to_string() })
}

/// Tags separated by `|` (Kumu's way) or `;`.
pub(crate) fn tags_value(text: &str) -> Vec<String> {
    text.split(['|', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A name: one line of at most [`MAX_NAME_CHARS`] characters.
pub(crate) fn name_value(text: &str) -> Result<String, ImportReason> {
    let text = text.trim();
    let length = text.chars().count();
    if length > MAX_NAME_CHARS {
        return Err(ImportReason::TooLong { length, max: MAX_NAME_CHARS });
    }
    if text.chars().any(char::is_control) {
        return Err(ImportReason::ControlCharacters);
    }
    Ok(text.to_string())
}

/// Whether a node type names an organization (anything else is a person).
pub(crate) fn is_organization_type(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "organization" | "organisation" | "org"
    )
}

/// Whether a person id and an organization id coincide, so a format with one
/// id space must tell them apart with a prefix.
pub(crate) fn ids_collide(network: &Network) -> bool {
    let orgs: std::collections::HashSet<&str> = network
        .organizations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    network.people.iter().any(|p| orgs.contains(p.id.as_str()))
}
