//! GraphML in and out, and the reading of nodes and edges with named
//! attributes that GraphML and GEXF share.
//!
//! Written: one undirected graph; node data `type` (person | organization),
//! `name`, `id` (the network's id, kept when the XML id must differ),
//! `organization`, `sector`, `role`, `level`, `tags` (`|`-separated); edge data
//! `kind`, `trust`, `weight` (= trust, for Gephi), `directed`, `note`. A tie's
//! direction is data rather than GraphML's `directed` attribute, so readers
//! that want one kind of graph (NetworkX) read every tie.

use std::collections::HashMap;

use super::xml::{self, Element};
use super::{
    bool_value, ids_collide, is_organization_type, kind_value, level_value, name_value,
    sector_value, tags_value, trust_value, ImportProblem, ImportReason, Problems, SourceFile,
};
use crate::markup::{escape, Whitespace};
use crate::network::entry::code_of;
use crate::network::model::{Network, NodeRef, Organization, Person, Tie, Trust};

/// A node as the file has it: its XML id and its attributes by name.
pub(super) struct RawNode {
    pub line: usize,
    pub xml_id: String,
    pub label: Option<String>,
    pub data: HashMap<String, String>,
}

/// An edge as the file has it.
pub(super) struct RawEdge {
    pub line: usize,
    pub source: String,
    pub target: String,
    /// The format's own direction (attribute or graph default).
    pub directed: bool,
    /// The format's own weight attribute (GEXF), if any.
    pub weight: Option<String>,
    pub data: HashMap<String, String>,
}

/// Builds the network from nodes and edges with named attributes.
pub(super) fn build(
    file: SourceFile<'_>,
    nodes: Vec<RawNode>,
    edges: Vec<RawEdge>,
    mut problems: Problems,
) -> Result<Network, Vec<ImportProblem>> {
    let name = file.name;
    let mut by_xml: HashMap<String, (NodeRef, usize)> = HashMap::new();
    let mut orgs: Vec<Organization> = Vec::new();
    let mut people: Vec<(usize, Person, String)> = Vec::new();
    let get = |n: &HashMap<String, String>, k: &str| {
        n.get(k).map(|s| s.trim().to_string()).unwrap_or_default()
    };
    for n in nodes {
        if let Some((_, first)) = by_xml.get(&n.xml_id) {
            problems.add(
                name,
                Some(n.line),
                Some("id"),
                ImportReason::UsedTwice { id: n.xml_id.clone(), first_line: *first },
            );
            continue;
        }
        let id = match get(&n.data, "id") {
            s if s.is_empty() => n.xml_id.clone(),
            s => s,
        };
        let mut label = get(&n.data, "name");
        if label.is_empty() {
            label = get(&n.data, "label");
        }
        if label.is_empty() {
            label = n.label.clone().unwrap_or_default();
        }
        let label = match name_value(&label) {
            Ok(l) if l.is_empty() => id.clone(),
            Ok(l) => l,
            Err(e) => {
                problems.add(name, Some(n.line), Some("name"), e);
                continue;
            }
        };
        if is_organization_type(&get(&n.data, "type")) {
            let sector = sector_value(&get(&n.data, "sector")).unwrap_or_else(|e| {
                problems.add(name, Some(n.line), Some("sector"), e);
                crate::network::Sector::Other
            });
            by_xml.insert(
                n.xml_id.clone(),
                (NodeRef::organization(id.clone()), n.line),
            );
            orgs.push(Organization {
                id,
                name: label,
                sector,
                tags: tags_value(&get(&n.data, "tags")),
            });
        } else {
            let level = level_value(&get(&n.data, "level")).unwrap_or_else(|e| {
                problems.add(name, Some(n.line), Some("level"), e);
                None
            });
            let role = name_value(&get(&n.data, "role")).unwrap_or_else(|e| {
                problems.add(name, Some(n.line), Some("role"), e);
                String::new()
            });
            by_xml.insert(n.xml_id.clone(), (NodeRef::person(id.clone()), n.line));
            people.push((
                n.line,
                Person {
                    id,
                    name: label,
                    organization: None,
                    role,
                    level,
                },
                get(&n.data, "organization"),
            ));
        }
    }
    let mut finished_people = Vec::new();
    for (line, mut p, org) in people {
        if !org.is_empty() {
            let found = orgs
                .iter()
                .find(|o| o.id == org)
                .map(|o| o.id.clone())
                .or_else(|| match by_xml.get(&org) {
                    Some((NodeRef::Organization(id), _)) => Some(id.clone()),
                    _ => None,
                })
                .or_else(|| {
                    let named: Vec<&Organization> = orgs.iter().filter(|o| o.name == org).collect();
                    (named.len() == 1).then(|| named[0].id.clone())
                });
            match found {
                Some(id) => p.organization = Some(id),
                None => problems.add(
                    name,
                    Some(line),
                    Some("organization"),
                    ImportReason::NoSuchOrganization { name: org.clone() },
                ),
            }
        }
        finished_people.push(p);
    }
    let mut ties = Vec::new();
    for e in edges {
        let mut ends = Vec::new();
        for (field, xml_id) in [("source", &e.source), ("target", &e.target)] {
            match by_xml.get(xml_id) {
                Some((node, _)) => ends.push(node.clone()),
                None => problems.add(
                    name,
                    Some(e.line),
                    Some(field),
                    ImportReason::NoSuchNodeId { id: xml_id.to_string() },
                ),
            }
        }
        let trust = match e.data.get("trust") {
            Some(t) => {
                trust_value(t).map_err(|r| problems.add(name, Some(e.line), Some("trust"), r))
            }
            // A weight is a trust only when it is one; other weights are not trust.
            None => Ok(e
                .data
                .get("weight")
                .or(e.weight.as_ref())
                .and_then(|w| trust_value(w).ok())
                .unwrap_or_default()),
        };
        let kind = kind_value(&get(&e.data, "kind"))
            .map_err(|r| problems.add(name, Some(e.line), Some("kind"), r));
        let directed = match e.data.get("directed") {
            Some(d) => {
                bool_value(d).map_err(|r| problems.add(name, Some(e.line), Some("directed"), r))
            }
            None => Ok(e.directed),
        };
        let (Ok([from, to]), Ok(trust), Ok(kind), Ok(directed)) =
            (<[NodeRef; 2]>::try_from(ends), trust, kind, directed)
        else {
            continue;
        };
        let same_kind = matches!(
            (&from, &to),
            (NodeRef::Person(_), NodeRef::Person(_))
                | (NodeRef::Organization(_), NodeRef::Organization(_))
        );
        if !same_kind {
            problems.add(
                name,
                Some(e.line),
                None,
                ImportReason::MixedTie { from: from.clone(), to: to.clone() },
            );
            continue;
        }
        if from == to {
            problems.add(
                name,
                Some(e.line),
                None,
                ImportReason::SelfTie { node: from.clone() },
            );
            continue;
        }
        ties.push(Tie {
            from,
            to,
            kind,
            trust,
            directed,
            note: get(&e.data, "note"),
        });
    }
    problems.finish(
        name,
        Network {
            organizations: orgs,
            people: finished_people,
            ties,
        },
    )
}

/// Reads GraphML: nodes and edges with `<data>` named by `<key attr.name>`
/// (keys' `<default>` values apply). See the module comment for the names read.
pub fn import_graphml(file: SourceFile<'_>) -> Result<Network, Vec<ImportProblem>> {
    let root = xml::parse(file).map_err(|p| vec![p])?;
    let problems = Problems::default();
    let fail = |line: usize, reason: ImportReason| {
        Err(vec![ImportProblem {
            file: file.name.to_string(),
            line: Some(line),
            field: None,
            column: None,
            reason,
        }])
    };
    if root.name != "graphml" {
        return fail(
            root.line,
            ImportReason::NotGraphMl,
        );
    }
    let Some(graph) = root.child("graph") else {
        return fail(root.line, ImportReason::NoGraph);
    };
    // key id → (attribute name, default)
    let mut keys: HashMap<String, (String, Option<String>)> = HashMap::new();
    for k in root.children("key") {
        let id = k.attr("id").unwrap_or_default().to_string();
        let attr_name = k.attr("attr.name").unwrap_or(&id).to_lowercase();
        let default = k.child("default").map(|d| d.text.trim().to_string());
        keys.insert(id, (attr_name, default));
    }
    let data_of = |el: &Element, domain: &[&str]| -> HashMap<String, String> {
        let mut out = HashMap::new();
        for k in root.children("key") {
            let for_ = k.attr("for").unwrap_or("all");
            if domain.contains(&for_) {
                if let Some((n, Some(d))) = k.attr("id").and_then(|id| keys.get(id)) {
                    out.insert(n.clone(), d.clone());
                }
            }
        }
        for d in el.children("data") {
            let key = d.attr("key").unwrap_or_default();
            let name = keys
                .get(key)
                .map(|(n, _)| n.clone())
                .unwrap_or_else(|| key.to_lowercase());
            out.insert(name, d.text.trim().to_string());
        }
        out
    };
    let default_directed = graph.attr("edgedefault") == Some("directed");
    let mut nodes = Vec::new();
    let mut missing = Problems::default();
    for n in graph.children("node") {
        let Some(id) = n.attr("id") else {
            missing.add(file.name, Some(n.line), Some("id"), ImportReason::NodeNeedsId);
            continue;
        };
        nodes.push(RawNode {
            line: n.line,
            xml_id: id.to_string(),
            label: None,
            data: data_of(n, &["node", "all"]),
        });
    }
    let mut edges = Vec::new();
    for e in graph.children("edge") {
        let directed = match e.attr("directed") {
            Some("true") => true,
            Some("false") => false,
            _ => default_directed,
        };
        edges.push(RawEdge {
            line: e.line,
            source: e.attr("source").unwrap_or_default().to_string(),
            target: e.attr("target").unwrap_or_default().to_string(),
            directed,
            weight: None,
            data: data_of(e, &["edge", "all"]),
        });
    }
    let mut problems = problems;
    problems.0.extend(missing.0);
    build(file, nodes, edges, problems)
}

/// The XML ids of a network's nodes: the network's ids, prefixed with
/// `person:` / `organization:` only when a person and an organization share one.
pub(super) fn xml_ids(network: &Network) -> impl Fn(&NodeRef) -> String {
    let prefix = ids_collide(network);
    move |node| match (prefix, node) {
        (false, n) => n.id().to_string(),
        (true, NodeRef::Person(id)) => format!("person:{id}"),
        (true, NodeRef::Organization(id)) => format!("organization:{id}"),
    }
}

/// Text for an attribute value.
pub(super) fn attr(text: &str) -> String {
    escape(text, Whitespace::Flatten)
}

/// Text for element content (line breaks kept).
pub(super) fn content(text: &str) -> String {
    escape(text, Whitespace::Keep)
}

/// The attributes every node and edge may carry, in the order written.
pub(super) fn node_fields(network: &Network) -> Vec<(NodeRef, Vec<(&'static str, String)>)> {
    let mut out = Vec::new();
    for o in &network.organizations {
        let mut f = vec![
            ("type", "organization".to_string()),
            ("name", o.name.clone()),
            ("id", o.id.clone()),
            ("sector", code_of(o.sector)),
        ];
        if !o.tags.is_empty() {
            f.push(("tags", o.tags.join("|")));
        }
        out.push((NodeRef::organization(o.id.clone()), f));
    }
    for p in &network.people {
        let mut f = vec![
            ("type", "person".to_string()),
            ("name", p.name.clone()),
            ("id", p.id.clone()),
        ];
        if let Some(o) = &p.organization {
            f.push(("organization", o.clone()));
        }
        if !p.role.is_empty() {
            f.push(("role", p.role.clone()));
        }
        if let Some(l) = p.level {
            f.push(("level", code_of(l)));
        }
        out.push((NodeRef::person(p.id.clone()), f));
    }
    out
}

pub(super) fn edge_fields(t: &Tie) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("kind", code_of(t.kind)),
        ("trust", t.trust.get().to_string()),
        ("directed", t.directed.to_string()),
    ];
    if !t.note.is_empty() {
        f.push(("note", t.note.clone()));
    }
    f
}

/// Node attribute names and GraphML types, in key order.
pub(super) const NODE_KEYS: [(&str, &str); 8] = [
    ("type", "string"),
    ("name", "string"),
    ("id", "string"),
    ("organization", "string"),
    ("sector", "string"),
    ("role", "string"),
    ("level", "string"),
    ("tags", "string"),
];
pub(super) const EDGE_KEYS: [(&str, &str); 4] = [
    ("kind", "string"),
    ("trust", "int"),
    ("directed", "boolean"),
    ("note", "string"),
];

/// Writes GraphML that [`import_graphml`], NetworkX and Gephi read.
pub fn export_graphml(network: &Network) -> String {
    let id = xml_ids(network);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (name, ty) in NODE_KEYS {
        out.push_str(&format!(
            "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    for (name, ty) in EDGE_KEYS {
        out.push_str(&format!(
            "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    out.push_str(
        "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
    );
    out.push_str("  <graph id=\"network\" edgedefault=\"undirected\">\n");
    for (node, fields) in node_fields(network) {
        out.push_str(&format!("    <node id=\"{}\">\n", attr(&id(&node))));
        for (k, v) in fields {
            out.push_str(&format!(
                "      <data key=\"n_{k}\">{}</data>\n",
                content(&v)
            ));
        }
        out.push_str("    </node>\n");
    }
    for (i, t) in network.ties.iter().enumerate() {
        out.push_str(&format!(
            "    <edge id=\"t{}\" source=\"{}\" target=\"{}\">\n",
            i + 1,
            attr(&id(&t.from)),
            attr(&id(&t.to))
        ));
        for (k, v) in edge_fields(t) {
            out.push_str(&format!(
                "      <data key=\"e_{k}\">{}</data>\n",
                content(&v)
            ));
        }
        out.push_str(&format!(
            "      <data key=\"e_weight\">{}</data>\n",
            f64::from(Trust::get(t.trust))
        ));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
