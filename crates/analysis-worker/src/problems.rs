//! An import's problems as they cross from the worker to the page: each
//! `ImportProblem` of core (file, line, field, reason, all structured) becomes
//! the catalog message that words its reason and that message's arguments,
//! which the page formats in the reader's language (and formats again when
//! the language switches). The worker chooses the message, not the words: the
//! page keeps no reader for the forty kinds of reason, whose derived code would
//! weigh on the first load; the worker is fetched only with the Network section.
//!
//! `network_error_message` is shared: the page words a room's refusal of a
//! whole network (`NetworkError`) with it too. A native test checks that every
//! message chosen here is in both catalogs with the arguments it is given.

use constellation_core::network::files::{ImportProblem, ImportReason};
use constellation_core::network::{NetworkError, NodeRef};
use serde::{Deserialize, Serialize};

/// A message argument on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WireArg {
    /// Text from the file (a name, an id, what was found), shown as it is.
    Text(String),
    Number(f64),
    /// A person or an organization, by id: the page words it (`net-node-*`).
    Node(NodeRef),
}

/// A catalog message id with its arguments.
pub type Message = (&'static str, Vec<(&'static str, WireArg)>);

/// One problem of an import, ready for the page to word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordedProblem {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub column: Option<usize>,
    /// The message that words the reason (`net-imp-*`, `net-check-*`).
    pub id: String,
    pub args: Vec<(String, WireArg)>,
}

impl From<&ImportProblem> for WordedProblem {
    fn from(p: &ImportProblem) -> WordedProblem {
        let (id, args) = reason_message(&p.reason);
        WordedProblem {
            file: p.file.clone(),
            line: p.line,
            field: p.field.clone(),
            column: p.column,
            id: id.to_owned(),
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }
}

fn text(s: &str) -> WireArg {
    WireArg::Text(s.to_owned())
}

fn number(n: impl Into<f64>) -> WireArg {
    WireArg::Number(n.into())
}

fn count(n: usize) -> WireArg {
    WireArg::Number(n as f64)
}

/// The message for a reason an import was refused.
pub fn reason_message(r: &ImportReason) -> Message {
    use ImportReason as R;
    match r {
        R::NotUtf8 => ("net-imp-not-utf8", vec![]),
        R::BadCsv { detail } => ("net-imp-bad-csv", vec![("detail", text(detail))]),
        R::Empty => ("net-imp-empty", vec![]),
        R::HeaderNeedsIdOrName => ("net-imp-header-id-name", vec![]),
        R::HeaderNeedsFromTo => ("net-imp-header-from-to", vec![]),
        R::IdOrNameRequired => ("net-imp-id-or-name", vec![]),
        R::UsedTwice { id, first_line } => ("net-imp-used-twice", vec![("id", text(id)), ("first", count(*first_line))]),
        R::NoSuchOrganization { name } => ("net-imp-no-organization", vec![("name", text(name))]),
        R::NoSuchNode { name, nodes_file } => ("net-imp-no-node", vec![("name", text(name)), ("nodes_file", text(nodes_file))]),
        R::NoSuchNodeId { id } => ("net-imp-no-node-id", vec![("id", text(id))]),
        R::EmptyCell => ("net-imp-empty-cell", vec![]),
        R::MixedTie { from, to } => ("net-imp-mixed-tie", vec![("from", WireArg::Node(from.clone())), ("to", WireArg::Node(to.clone()))]),
        R::SelfTie { node } => ("net-imp-self-tie", vec![("node", WireArg::Node(node.clone()))]),
        R::NotATrust { found } => ("net-imp-trust", vec![("found", text(found))]),
        R::NotTrueOrFalse { found } => ("net-imp-true-false", vec![("found", text(found))]),
        R::UnknownKind { found } => ("net-imp-kind", vec![("found", text(found))]),
        R::UnknownSector { found } => ("net-imp-sector", vec![("found", text(found))]),
        R::UnknownLevel { found } => ("net-imp-level", vec![("found", text(found))]),
        R::TooLong { length, max } => ("net-imp-too-long", vec![("length", count(*length)), ("max", count(*max))]),
        R::ControlCharacters => ("net-imp-control", vec![]),
        R::NodeNeedsId => ("net-imp-node-needs-id", vec![]),
        R::NotGraphMl => ("net-imp-not-graphml", vec![]),
        R::NotGexf => ("net-imp-not-gexf", vec![]),
        R::NoGraph => ("net-imp-no-graph", vec![]),
        R::BadXml { detail } => ("net-imp-bad-xml", vec![("detail", text(detail))]),
        R::UnmatchedEndTag => ("net-imp-unmatched-end", vec![]),
        R::UnknownEntity => ("net-imp-unknown-entity", vec![]),
        R::UnclosedElements => ("net-imp-unclosed", vec![]),
        R::NoXmlElement => ("net-imp-no-element", vec![]),
        R::BadAttribute { detail } => ("net-imp-bad-attribute", vec![("detail", text(detail))]),
        R::KumuNeedsElements => ("net-imp-kumu-elements", vec![]),
        R::OnlyEdgeListTakesSecond => ("net-imp-second-file", vec![]),
        R::BadJson { detail } => ("net-imp-bad-json", vec![("detail", text(detail))]),
        R::Network(e) => network_error_message(e),
    }
}

/// The message for a whole-network check that failed.
pub fn network_error_message(e: &NetworkError) -> Message {
    use NetworkError as E;
    match e {
        E::DuplicateOrganization { id } => ("net-check-duplicate-organization", vec![("id", text(id))]),
        E::DuplicatePerson { id } => ("net-check-duplicate-person", vec![("id", text(id))]),
        E::UnknownOrganization { person, organization } => {
            ("net-check-unknown-organization", vec![("person", text(person)), ("organization", text(organization))])
        }
        E::UnknownEndpoint { tie, endpoint } => {
            ("net-check-unknown-end", vec![("tie", count(*tie)), ("end", WireArg::Node(endpoint.clone()))])
        }
        E::TrustOutOfRange { tie, found } => ("net-check-trust", vec![("tie", count(*tie)), ("found", number(*found as f64))]),
        E::SelfTie { tie, endpoint } => ("net-check-self-tie", vec![("tie", count(*tie)), ("end", WireArg::Node(endpoint.clone()))]),
        E::MixedTie { tie, from, to } => (
            "net-check-mixed-tie",
            vec![("tie", count(*tie)), ("from", WireArg::Node(from.clone())), ("to", WireArg::Node(to.clone()))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Message `id`'s text in `locales/{lang}.ftl` (its first line and the
    /// indented ones after it), if there.
    fn message(lang: &str, id: &str) -> Option<String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../locales/{lang}.ftl"));
        let text = std::fs::read_to_string(path).unwrap();
        let mut lines = text.lines().skip_while(|l| !l.starts_with(&format!("{id} =")));
        let first = lines.next()?;
        let rest: Vec<&str> = lines.take_while(|l| l.starts_with(' ') || *l == "}").collect();
        Some(std::iter::once(first).chain(rest).collect::<Vec<_>>().join("\n"))
    }

    fn every_reason() -> Vec<ImportReason> {
        use ImportReason as R;
        let s = || "x".to_string();
        let (p, o) = (NodeRef::person("a"), NodeRef::organization("b"));
        let mut all = vec![
            R::NotUtf8,
            R::BadCsv { detail: s() },
            R::Empty,
            R::HeaderNeedsIdOrName,
            R::HeaderNeedsFromTo,
            R::IdOrNameRequired,
            R::UsedTwice { id: s(), first_line: 2 },
            R::NoSuchOrganization { name: s() },
            R::NoSuchNode { name: s(), nodes_file: s() },
            R::NoSuchNodeId { id: s() },
            R::EmptyCell,
            R::MixedTie { from: p.clone(), to: o.clone() },
            R::SelfTie { node: p.clone() },
            R::NotATrust { found: s() },
            R::NotTrueOrFalse { found: s() },
            R::UnknownKind { found: s() },
            R::UnknownSector { found: s() },
            R::UnknownLevel { found: s() },
            R::TooLong { length: 300, max: 200 },
            R::ControlCharacters,
            R::NodeNeedsId,
            R::NotGraphMl,
            R::NotGexf,
            R::NoGraph,
            R::BadXml { detail: s() },
            R::UnmatchedEndTag,
            R::UnknownEntity,
            R::UnclosedElements,
            R::NoXmlElement,
            R::BadAttribute { detail: s() },
            R::KumuNeedsElements,
            R::OnlyEdgeListTakesSecond,
            R::BadJson { detail: s() },
        ];
        all.extend(
            [
                NetworkError::DuplicateOrganization { id: s() },
                NetworkError::DuplicatePerson { id: s() },
                NetworkError::UnknownOrganization { person: s(), organization: s() },
                NetworkError::UnknownEndpoint { tie: 1, endpoint: p.clone() },
                NetworkError::TrustOutOfRange { tie: 1, found: 9 },
                NetworkError::SelfTie { tie: 1, endpoint: p.clone() },
                NetworkError::MixedTie { tie: 1, from: p, to: o },
            ]
            .map(R::Network),
        );
        all
    }

    #[test]
    fn every_reason_has_its_message_in_both_catalogs_with_its_arguments() {
        let mut ids = std::collections::BTreeSet::new();
        for reason in every_reason() {
            let (id, args) = reason_message(&reason);
            ids.insert(id);
            for lang in ["en", "fr"] {
                let text = message(lang, id).unwrap_or_else(|| panic!("{id} is not in locales/{lang}.ftl ({reason:?})"));
                for (name, _) in &args {
                    assert!(text.contains(&format!("${name}")), "{lang}.ftl {id} does not use ${name}: {text}");
                }
                let used = text.matches('$').count();
                assert_eq!(used, args.len(), "{lang}.ftl {id} uses {used} arguments, given {}: {text}", args.len());
            }
        }
        assert_eq!(ids.len(), every_reason().len(), "each reason has a message of its own");
    }

    #[test]
    fn every_map_failure_has_its_message_in_both_catalogs() {
        for failure in crate::map_js::MapFailure::ALL {
            let id = failure.message_id();
            for lang in ["en", "fr"] {
                let text = message(lang, id).unwrap_or_else(|| panic!("{id} is not in locales/{lang}.ftl"));
                assert!(text.matches('$').count() <= 1, "{lang}.ftl {id} takes at most the detail: {text}");
            }
        }
    }

    #[test]
    fn a_problem_keeps_its_file_line_and_field_and_travels_as_json() {
        let p = ImportProblem {
            file: "ties.csv".into(),
            line: Some(3),
            field: Some("trust".into()),
            column: None,
            reason: ImportReason::NotATrust { found: "9".into() },
        };
        let w = WordedProblem::from(&p);
        assert_eq!((w.file.as_str(), w.line, w.field.as_deref(), w.id.as_str()), ("ties.csv", Some(3), Some("trust"), "net-imp-trust"));
        assert_eq!(w.args, vec![("found".to_string(), WireArg::Text("9".into()))]);
        let back: WordedProblem = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        assert_eq!(back, w);
    }
}
