//! CSV files: an edge list (`from,to[,trust,kind]`) with an optional node list,
//! and Kumu's elements and connections sheets saved as CSV.

use std::collections::HashMap;

use super::{
    bool_value, ids_collide, is_organization_type, kind_value, level_value, name_value,
    sector_value, tags_value, trust_value, ImportProblem, ImportReason, Problems, SourceFile,
};
use crate::network::entry::code_of;
use crate::network::model::{Network, NodeRef, Organization, Person, Tie, TieKind};

/// An edge list and its node list, as written by [`export_edge_list`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeListFiles {
    pub edges: String,
    pub nodes: String,
}

/// Kumu's two sheets, as written by [`export_kumu`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KumuFiles {
    pub elements: String,
    pub connections: String,
}

/// One CSV row with its line number.
struct Row {
    line: usize,
    cells: Vec<String>,
}

fn rows(file: SourceFile<'_>, problems: &mut Problems) -> Vec<Row> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(file.text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map(|p| p.line() as usize).unwrap_or(0);
                if r.iter().all(str::is_empty) {
                    continue;
                }
                out.push(Row {
                    line,
                    cells: r.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => ImportReason::NotUtf8,
                    _ => ImportReason::BadCsv { detail: e.to_string() },
                };
                problems.add(file.name, line, None, reason);
                break;
            }
        }
    }
    out
}

/// Columns of a sheet with a header row, found by name (case ignored).
struct Columns(HashMap<String, usize>);

impl Columns {
    fn new(header: &Row) -> Columns {
        Columns(
            header
                .cells
                .iter()
                .enumerate()
                .map(|(i, c)| (c.trim().to_lowercase(), i))
                .collect(),
        )
    }

    fn has(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.0.contains_key(*n))
    }

    /// The cell of the first of `names` that is a column, and that column's name.
    fn get<'r>(&self, row: &'r Row, names: &[&'static str]) -> (&'r str, &'static str) {
        for &n in names {
            if let Some(&i) = self.0.get(n) {
                return (row.cells.get(i).map(String::as_str).unwrap_or(""), n);
            }
        }
        ("", names[0])
    }
}

const ID: &[&str] = &["id"];
const NAME: &[&str] = &["name", "label"];
const TYPE: &[&str] = &["type"];
const ORGANIZATION: &[&str] = &["organization", "organisation", "org"];
const SECTOR: &[&str] = &["sector"];
const ROLE: &[&str] = &["role"];
const LEVEL: &[&str] = &["level"];
const TAGS: &[&str] = &["tags"];
const FROM: &[&str] = &["from", "source"];
const TO: &[&str] = &["to", "target"];
const TRUST: &[&str] = &["trust", "strength", "weight"];
const KIND: &[&str] = &["kind", "type"];
const DIRECTED: &[&str] = &["directed", "direction"];
const NOTE: &[&str] = &["note", "description"];

/// The nodes of a node list or Kumu elements sheet, and how rows of the
/// edge sheet may name them: by id, or by name when that name is unique.
#[derive(Default)]
struct Nodes {
    organizations: Vec<Organization>,
    people: Vec<Person>,
    by_id: HashMap<String, NodeRef>,
    by_name: HashMap<String, Option<NodeRef>>,
}

impl Nodes {
    fn find(&self, text: &str) -> Option<NodeRef> {
        self.by_id
            .get(text)
            .cloned()
            .or_else(|| self.by_name.get(text).cloned().flatten())
    }

    fn name(&mut self, name: &str, node: &NodeRef) {
        if name.is_empty() {
            return;
        }
        self.by_name
            .entry(name.to_string())
            .and_modify(|n| {
                if n.as_ref() != Some(node) {
                    *n = None;
                }
            })
            .or_insert_with(|| Some(node.clone()));
    }
}

/// Reads a node list (or Kumu elements): organizations first, so people may
/// name an organization listed after them.
fn read_nodes(file: SourceFile<'_>, problems: &mut Problems) -> Nodes {
    let mut nodes = Nodes::default();
    let all = rows(file, problems);
    let Some((header, body)) = all.split_first() else {
        problems.add(file.name, None, None, ImportReason::Empty);
        return nodes;
    };
    let cols = Columns::new(header);
    if !cols.has(ID) && !cols.has(NAME) {
        problems.add(
            file.name,
            Some(header.line),
            None,
            ImportReason::HeaderNeedsIdOrName,
        );
        return nodes;
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut pending_people: Vec<(&Row, Person, String)> = Vec::new();
    let mut org_refs: HashMap<String, Option<String>> = HashMap::new();
    for row in body {
        let mut field_problem = |field: &str, reason: ImportReason| {
            problems.add(file.name, Some(row.line), Some(field), reason)
        };
        let (name, name_col) = cols.get(row, NAME);
        let name = match name_value(name) {
            Ok(n) => n,
            Err(e) => {
                field_problem(name_col, e);
                continue;
            }
        };
        let id = match cols.get(row, ID).0 {
            "" => name.clone(),
            id => id.to_string(),
        };
        if id.is_empty() {
            field_problem("id", ImportReason::IdOrNameRequired);
            continue;
        }
        if let Some(first) = first_line.get(&id) {
            field_problem(
                "id",
                ImportReason::UsedTwice { id: id.clone(), first_line: *first },
            );
            continue;
        }
        first_line.insert(id.clone(), row.line);
        let name = if name.is_empty() { id.clone() } else { name };
        if is_organization_type(cols.get(row, TYPE).0) {
            let (sector, col) = cols.get(row, SECTOR);
            let sector = sector_value(sector).unwrap_or_else(|e| {
                field_problem(col, e);
                crate::network::Sector::Other
            });
            let node = NodeRef::organization(id.clone());
            nodes.by_id.insert(id.clone(), node.clone());
            nodes.name(&name, &node);
            org_refs
                .entry(name.clone())
                .and_modify(|v| *v = None)
                .or_insert_with(|| Some(id.clone()));
            nodes.organizations.push(Organization {
                id,
                name,
                sector,
                tags: tags_value(cols.get(row, TAGS).0),
            });
        } else {
            let (level, col) = cols.get(row, LEVEL);
            let level = level_value(level).unwrap_or_else(|e| {
                field_problem(col, e);
                None
            });
            let (role, col) = cols.get(row, ROLE);
            let role = name_value(role).unwrap_or_else(|e| {
                field_problem(col, e);
                String::new()
            });
            let org = cols.get(row, ORGANIZATION).0.to_string();
            let node = NodeRef::person(id.clone());
            nodes.by_id.insert(id.clone(), node.clone());
            nodes.name(&name, &node);
            pending_people.push((
                row,
                Person {
                    id,
                    name,
                    organization: None,
                    role,
                    level,
                },
                org,
            ));
        }
    }
    for (row, mut person, org) in pending_people {
        if !org.is_empty() {
            let by_id = nodes
                .organizations
                .iter()
                .find(|o| o.id == org)
                .map(|o| o.id.clone());
            match by_id.or_else(|| org_refs.get(&org).cloned().flatten()) {
                Some(id) => person.organization = Some(id),
                None => problems.add(
                    file.name,
                    Some(row.line),
                    Some(cols.get(row, ORGANIZATION).1),
                    ImportReason::NoSuchOrganization { name: org.clone() },
                ),
            }
        }
        nodes.people.push(person);
    }
    nodes
}

/// How the edge sheet reads: an edge list or Kumu's connections.
struct EdgeRules {
    /// A blank direction means directed (Kumu) or undirected (edge list).
    directed_by_default: bool,
    /// Unknown kinds are an error (edge list) or read as `other` (Kumu's
    /// connection types are free text).
    strict_kind: bool,
}

fn read_edges(
    file: SourceFile<'_>,
    nodes: &mut Option<Nodes>,
    nodes_file: &str,
    rules: &EdgeRules,
    problems: &mut Problems,
) -> Vec<Tie> {
    let all = rows(file, problems);
    let Some(first) = all.first() else {
        return Vec::new();
    };
    let header_cols = Columns::new(first);
    let has_header = header_cols.has(FROM) && header_cols.has(TO);
    if !has_header && !rules.strict_kind {
        problems.add(
            file.name,
            Some(first.line),
            None,
            ImportReason::HeaderNeedsFromTo,
        );
        return Vec::new();
    }
    let cols = if has_header {
        header_cols
    } else {
        let names = ["from", "to", "trust", "kind"];
        Columns(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.to_string(), i))
                .collect(),
        )
    };
    let body = if has_header { &all[1..] } else { &all[..] };
    // Without a node list every name is a person, in order of appearance.
    let mut implicit: Vec<Person> = Vec::new();
    let mut ties = Vec::new();
    for row in body {
        let mut ends = Vec::new();
        for names in [FROM, TO] {
            let (text, col) = cols.get(row, names);
            if text.is_empty() {
                problems.add(file.name, Some(row.line), Some(col), ImportReason::EmptyCell);
                continue;
            }
            match nodes {
                Some(n) => match n.find(text) {
                    Some(node) => ends.push(node),
                    None => problems.add(
                        file.name,
                        Some(row.line),
                        Some(col),
                        ImportReason::NoSuchNode { name: text.to_string(), nodes_file: nodes_file.to_string() },
                    ),
                },
                None => {
                    if let Err(e) = name_value(text) {
                        problems.add(file.name, Some(row.line), Some(col), e);
                        continue;
                    }
                    if !implicit.iter().any(|p| p.id == text) {
                        implicit.push(Person {
                            id: text.to_string(),
                            name: text.to_string(),
                            organization: None,
                            role: String::new(),
                            level: None,
                        });
                    }
                    ends.push(NodeRef::person(text));
                }
            }
        }
        let (trust, col) = cols.get(row, TRUST);
        let trust =
            trust_value(trust).map_err(|e| problems.add(file.name, Some(row.line), Some(col), e));
        let (kind_text, col) = cols.get(row, KIND);
        let kind = match kind_value(kind_text) {
            Ok(k) => Ok(k),
            Err(_) if !rules.strict_kind => Ok(TieKind::Other),
            Err(e) => {
                problems.add(file.name, Some(row.line), Some(col), e);
                Err(())
            }
        };
        let (dir, col) = cols.get(row, DIRECTED);
        let directed = if dir.is_empty() {
            Ok(rules.directed_by_default)
        } else {
            bool_value(dir).map_err(|e| problems.add(file.name, Some(row.line), Some(col), e))
        };
        let (note, _) = cols.get(row, NOTE);
        let mut note = note.to_string();
        if !rules.strict_kind
            && matches!(kind, Ok(TieKind::Other))
            && kind_value(kind_text).is_err()
            && note.is_empty()
        {
            note = kind_text.to_string();
        }
        let [from, to] = match <[NodeRef; 2]>::try_from(ends) {
            Ok(e) => e,
            Err(_) => continue,
        };
        let (Ok(trust), Ok(kind), Ok(directed)) = (trust, kind, directed) else {
            continue;
        };
        let same_kind = matches!(
            (&from, &to),
            (NodeRef::Person(_), NodeRef::Person(_))
                | (NodeRef::Organization(_), NodeRef::Organization(_))
        );
        if !same_kind {
            problems.add(
                file.name,
                Some(row.line),
                None,
                ImportReason::MixedTie { from: from.clone(), to: to.clone() },
            );
            continue;
        }
        if from == to {
            problems.add(
                file.name,
                Some(row.line),
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
            note,
        });
    }
    if nodes.is_none() {
        *nodes = Some(Nodes {
            people: implicit,
            ..Nodes::default()
        });
    }
    ties
}

/// Reads an edge list (`from,to[,trust,kind]`, with a header row naming
/// `from`, `to` and optionally `trust`, `kind`, `directed`, `note`, or
/// without one in that column order) and optionally a node list (a header
/// with `id` and/or `name`, and `type`, `organization`, `sector`, `role`,
/// `level`, `tags`). Without a node list, every name in the edge list is a
/// person.
pub fn import_edge_list(
    edges: SourceFile<'_>,
    nodes: Option<SourceFile<'_>>,
) -> Result<Network, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    let mut table = nodes.map(|n| read_nodes(n, &mut problems));
    let rules = EdgeRules {
        directed_by_default: false,
        strict_kind: true,
    };
    let nodes_file = nodes.map(|n| n.name).unwrap_or("");
    let ties = read_edges(edges, &mut table, nodes_file, &rules, &mut problems);
    let table = table.unwrap_or_default();
    problems.finish(
        edges.name,
        Network {
            organizations: table.organizations,
            people: table.people,
            ties,
        },
    )
}

/// Reads Kumu's elements and connections sheets saved as CSV. Elements:
/// `Label` (or `ID`), `Type` ("Organization" or anything else for a person),
/// and optionally `Organization`, `Sector`, `Role`, `Level`, `Tags`
/// (separated by `|`). Connections: `From`, `To` (an element's ID or Label),
/// and optionally `Type` (the kind; other kinds read as `other` with the type
/// kept as the note), `Direction` (directed, the default, or undirected /
/// mutual), `Strength` (trust 1–5) and `Description` (the note).
pub fn import_kumu(
    elements: SourceFile<'_>,
    connections: SourceFile<'_>,
) -> Result<Network, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    let mut table = Some(read_nodes(elements, &mut problems));
    let rules = EdgeRules {
        directed_by_default: true,
        strict_kind: false,
    };
    let ties = read_edges(
        connections,
        &mut table,
        elements.name,
        &rules,
        &mut problems,
    );
    let table = table.unwrap_or_default();
    problems.finish(
        connections.name,
        Network {
            organizations: table.organizations,
            people: table.people,
            ties,
        },
    )
}

fn write_csv(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8 text")
}

/// Ids as the files write them: prefixed with `person:` / `organization:`
/// only when a person and an organization share an id.
fn id_writer(network: &Network) -> impl Fn(&NodeRef) -> String {
    let prefix = ids_collide(network);
    move |node| match (prefix, node) {
        (false, n) => n.id().to_string(),
        (true, NodeRef::Person(id)) => format!("person:{id}"),
        (true, NodeRef::Organization(id)) => format!("organization:{id}"),
    }
}

/// Writes an edge list and a node list that [`import_edge_list`] reads back.
pub fn export_edge_list(network: &Network) -> EdgeListFiles {
    let id = id_writer(network);
    let mut nodes = vec![[
        "id",
        "type",
        "name",
        "organization",
        "sector",
        "role",
        "level",
        "tags",
    ]
    .map(String::from)
    .to_vec()];
    for o in &network.organizations {
        nodes.push(vec![
            id(&NodeRef::organization(o.id.clone())),
            "organization".into(),
            o.name.clone(),
            String::new(),
            code_of(o.sector),
            String::new(),
            String::new(),
            o.tags.join("|"),
        ]);
    }
    for p in &network.people {
        nodes.push(vec![
            id(&NodeRef::person(p.id.clone())),
            "person".into(),
            p.name.clone(),
            p.organization
                .as_ref()
                .map(|o| id(&NodeRef::organization(o.clone())))
                .unwrap_or_default(),
            String::new(),
            p.role.clone(),
            p.level.map(code_of).unwrap_or_default(),
            String::new(),
        ]);
    }
    let mut edges = vec![["from", "to", "trust", "kind", "directed", "note"]
        .map(String::from)
        .to_vec()];
    for t in &network.ties {
        edges.push(vec![
            id(&t.from),
            id(&t.to),
            t.trust.get().to_string(),
            code_of(t.kind),
            t.directed.to_string(),
            t.note.clone(),
        ]);
    }
    EdgeListFiles {
        edges: write_csv(edges),
        nodes: write_csv(nodes),
    }
}

/// Writes Kumu's elements and connections sheets, which [`import_kumu`]
/// reads back and Kumu imports (connections name elements by ID).
pub fn export_kumu(network: &Network) -> KumuFiles {
    let id = id_writer(network);
    let mut elements = vec![[
        "ID",
        "Label",
        "Type",
        "Organization",
        "Sector",
        "Role",
        "Level",
        "Tags",
    ]
    .map(String::from)
    .to_vec()];
    for o in &network.organizations {
        elements.push(vec![
            id(&NodeRef::organization(o.id.clone())),
            o.name.clone(),
            "Organization".into(),
            String::new(),
            o.sector.label().to_string(),
            String::new(),
            String::new(),
            o.tags.join("|"),
        ]);
    }
    for p in &network.people {
        elements.push(vec![
            id(&NodeRef::person(p.id.clone())),
            p.name.clone(),
            "Person".into(),
            p.organization
                .as_ref()
                .map(|o| id(&NodeRef::organization(o.clone())))
                .unwrap_or_default(),
            String::new(),
            p.role.clone(),
            p.level.map(code_of).unwrap_or_default(),
            String::new(),
        ]);
    }
    let mut connections = vec![
        ["From", "To", "Type", "Direction", "Strength", "Description"]
            .map(String::from)
            .to_vec(),
    ];
    for t in &network.ties {
        connections.push(vec![
            id(&t.from),
            id(&t.to),
            code_of(t.kind),
            if t.directed { "directed" } else { "undirected" }.into(),
            t.trust.get().to_string(),
            t.note.clone(),
        ]);
    }
    KumuFiles {
        elements: write_csv(elements),
        connections: write_csv(connections),
    }
}
