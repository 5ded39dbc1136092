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
use super::model::{Level, Network, Sector, TieKind, Trust};

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

/// One thing wrong with an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub file: String,
    /// The line, from 1, when the problem has one.
    pub line: Option<usize>,
    /// The column, field or attribute, when the problem is about one.
    pub field: Option<String>,
    pub reason: String,
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
        write!(f, ": {}", self.reason)
    }
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
    let refuse = |reason: &str| {
        Err(vec![ImportProblem {
            file: file.name.to_string(),
            line: None,
            field: None,
            reason: reason.to_string(),
        }])
    };
    match (format, companion) {
        (NetworkFormat::EdgeList, nodes) => import_edge_list(file, nodes),
        (NetworkFormat::Kumu, Some(elements)) => import_kumu(elements, file),
        (NetworkFormat::Kumu, None) => refuse("Kumu connections need the elements sheet too"),
        (_, Some(_)) => refuse("only a CSV edge list takes a second file (its node list)"),
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
            field: (e.column() > 0).then(|| format!("column {}", e.column())),
            reason,
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
        reason: impl Into<String>,
    ) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(ImportProblem {
                file: file.to_string(),
                line,
                field: field.map(str::to_string),
                reason: reason.into(),
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
                reason: e.to_string(),
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
pub(crate) fn trust_value(text: &str) -> Result<Trust, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Trust::default());
    }
    let bad = || format!("must be a whole number from 1 to 5, found {text:?}");
    let value: f64 = text.parse().map_err(|_| bad())?;
    if value.fract() != 0.0 {
        return Err(bad());
    }
    Trust::new(value as i64).map_err(|_| bad())
}

/// A yes/no cell: blank is no.
pub(crate) fn bool_value(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "undirected" | "mutual" => Ok(false),
        "true" | "yes" | "1" | "directed" => Ok(true),
        other => Err(format!("must be true or false, found {other:?}")),
    }
}

/// A tie kind: blank is collaborates.
pub(crate) fn kind_value(text: &str) -> Result<TieKind, String> {
    if text.trim().is_empty() {
        return Ok(TieKind::Collaborates);
    }
    parse_code(text).ok_or_else(|| {
        format!(
            "unknown kind {:?} (collaborates, knows, funds, governs or other)",
            text.trim()
        )
    })
}

/// A sector: blank is other.
pub(crate) fn sector_value(text: &str) -> Result<Sector, String> {
    if text.trim().is_empty() {
        return Ok(Sector::Other);
    }
    parse_code(text).ok_or_else(|| {
        format!(
            "unknown sector {:?} (government, business, civil society or other)",
            text.trim()
        )
    })
}

/// A level: blank is none.
pub(crate) fn level_value(text: &str) -> Result<Option<Level>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_code(text)
        .map(Some)
        .ok_or_else(|| format!("unknown level {:?} (senior, mid or junior)", text.trim()))
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
pub(crate) fn name_value(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.chars().count() > MAX_NAME_CHARS {
        return Err(format!("is too long (at most {MAX_NAME_CHARS} characters)"));
    }
    if text.chars().any(char::is_control) {
        return Err("must be one line without control characters".into());
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
