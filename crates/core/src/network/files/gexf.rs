//! GEXF (Gephi's format) in and out. Written as GEXF 1.2 (the version NetworkX
//! reads by default and Gephi opens): nodes with `label` = name, edges with
//! `weight` = trust, and the same attributes as GraphML (see [`super::graphml`])
//! as `<attvalues>`. Read: GEXF 1.1–1.3 (namespaces are ignored); attributes
//! are matched by title.

use std::collections::HashMap;

use super::graphml::{
    attr, build, edge_fields, node_fields, xml_ids, RawEdge, RawNode, EDGE_KEYS, NODE_KEYS,
};
use super::xml::{self, Element};
use super::{ImportProblem, ImportReason, Problems, SourceFile};
use crate::network::model::Network;

/// Reads GEXF. See the module comment.
pub fn import_gexf(file: SourceFile<'_>) -> Result<Network, Vec<ImportProblem>> {
    let root = xml::parse(file).map_err(|p| vec![p])?;
    let fail = |line: usize, reason: ImportReason| {
        Err(vec![ImportProblem {
            file: file.name.to_string(),
            line: Some(line),
            field: None,
            column: None,
            reason,
        }])
    };
    if root.name != "gexf" {
        return fail(root.line, ImportReason::NotGexf);
    }
    let Some(graph) = root.child("graph") else {
        return fail(root.line, ImportReason::NoGraph);
    };
    // (class, attribute id) → (title, default)
    let mut titles: HashMap<(String, String), (String, Option<String>)> = HashMap::new();
    for block in graph.children("attributes") {
        let class = block.attr("class").unwrap_or("node").to_string();
        for a in block.children("attribute") {
            let id = a.attr("id").unwrap_or_default().to_string();
            let title = a.attr("title").unwrap_or(&id).to_lowercase();
            let default = a.child("default").map(|d| d.text.trim().to_string());
            titles.insert((class.clone(), id), (title, default));
        }
    }
    let values = |el: &Element, class: &str| -> HashMap<String, String> {
        let mut out = HashMap::new();
        for ((c, _), (title, default)) in &titles {
            if c == class {
                if let Some(d) = default {
                    out.insert(title.clone(), d.clone());
                }
            }
        }
        for v in el
            .children("attvalues")
            .flat_map(|a| a.children("attvalue"))
        {
            let key = v.attr("for").or(v.attr("id")).unwrap_or_default();
            let title = titles
                .get(&(class.to_string(), key.to_string()))
                .map(|(t, _)| t.clone())
                .unwrap_or_else(|| key.to_lowercase());
            out.insert(title, v.attr("value").unwrap_or_default().to_string());
        }
        out
    };
    let mut problems = Problems::default();
    let mut nodes = Vec::new();
    for n in graph.children("nodes").flat_map(|ns| ns.children("node")) {
        let Some(id) = n.attr("id") else {
            problems.add(file.name, Some(n.line), Some("id"), ImportReason::NodeNeedsId);
            continue;
        };
        nodes.push(RawNode {
            line: n.line,
            xml_id: id.to_string(),
            label: n.attr("label").map(str::to_string),
            data: values(n, "node"),
        });
    }
    let default_directed = graph.attr("defaultedgetype") == Some("directed");
    let mut edges = Vec::new();
    for e in graph.children("edges").flat_map(|es| es.children("edge")) {
        let directed = match e.attr("type") {
            Some("directed") => true,
            Some("undirected") | Some("mutual") => false,
            _ => default_directed,
        };
        edges.push(RawEdge {
            line: e.line,
            source: e.attr("source").unwrap_or_default().to_string(),
            target: e.attr("target").unwrap_or_default().to_string(),
            directed,
            weight: e.attr("weight").map(str::to_string),
            data: values(e, "edge"),
        });
    }
    build(file, nodes, edges, problems)
}

fn gexf_type(graphml_type: &str) -> &'static str {
    match graphml_type {
        "int" => "integer",
        "boolean" => "boolean",
        _ => "string",
    }
}

/// Writes GEXF 1.2 that [`import_gexf`], NetworkX and Gephi read.
pub fn export_gexf(network: &Network) -> String {
    let id = xml_ids(network);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n  <meta>\n    <creator>Constellation</creator>\n  </meta>\n  <graph mode=\"static\" defaultedgetype=\"undirected\">\n",
    );
    out.push_str("    <attributes class=\"node\" mode=\"static\">\n");
    for (name, ty) in NODE_KEYS.iter().filter(|(n, _)| *n != "name") {
        out.push_str(&format!(
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{}\"/>\n",
            gexf_type(ty)
        ));
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    for (name, ty) in EDGE_KEYS {
        out.push_str(&format!(
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{}\"/>\n",
            gexf_type(ty)
        ));
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for (node, fields) in node_fields(network) {
        let label = fields
            .iter()
            .find(|(k, _)| *k == "name")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        out.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
            attr(&id(&node)),
            attr(label)
        ));
        for (k, v) in fields.iter().filter(|(k, _)| *k != "name") {
            out.push_str(&format!(
                "          <attvalue for=\"{k}\" value=\"{}\"/>\n",
                attr(v)
            ));
        }
        out.push_str("        </attvalues>\n      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, t) in network.ties.iter().enumerate() {
        out.push_str(&format!(
            "      <edge id=\"t{}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n        <attvalues>\n",
            i + 1,
            attr(&id(&t.from)),
            attr(&id(&t.to)),
            t.trust.get()
        ));
        for (k, v) in edge_fields(t) {
            out.push_str(&format!(
                "          <attvalue for=\"{k}\" value=\"{}\"/>\n",
                attr_keep_lines(&v)
            ));
        }
        out.push_str("        </attvalues>\n      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// An attribute value that keeps line breaks (as character references, which
/// XML attribute normalization leaves alone).
fn attr_keep_lines(text: &str) -> String {
    super::graphml::content(text)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}
