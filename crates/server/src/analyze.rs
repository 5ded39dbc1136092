//! `constellation analyze FILE [--nodes FILE] [--format json|csv]`: reads a
//! network file (the format from its extension: `.csv` edge list, `.json`,
//! `.graphml`, `.gexf`), runs the same analysis as the web app
//! (`constellation_core::network::analyze`) and prints every node metric and
//! the network summary.
//!
//! Betweenness is normalized the way NetworkX and Gephi report it: for an
//! undirected graph, divided by (n−1)(n−2)/2, which is what the core computes.
//!
//! A bad file is reported as one line naming the file, line and field, with a
//! non-zero exit code (see `main.rs`).

use std::io::Write;
use std::path::Path;

use constellation_core::network::files::{import, ImportProblem, NetworkFormat, SourceFile};
use constellation_core::network::{analyze, Analysis, AnalysisConfig, Network};
use constellation_server::cli::{AnalyzeArgs, AnalyzeOutput};
use serde_json::{json, Map, Value};

/// Runs the subcommand; the error is the one line to print.
pub fn run(args: &AnalyzeArgs) -> Result<(), String> {
    let network = load(&args.file, args.nodes.as_deref())?;
    let analysis = analyze(&network, &AnalysisConfig::default())
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let text = match args.format {
        AnalyzeOutput::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(&network, &analysis))
                .expect("the analysis serializes");
            s.push('\n');
            s
        }
        AnalyzeOutput::Csv => to_csv(&network, &analysis),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the result: {e}")),
    }
}

fn read(path: &Path) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{}, line {line}: is not UTF-8 text", path.display())
    })
}

/// The one line a set of problems is reported as.
fn one_line(problems: &[ImportProblem]) -> String {
    let first = problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    match problems.len() {
        0 | 1 => first,
        n => format!(
            "{first} (and {} more problem{})",
            n - 1,
            if n == 2 { "" } else { "s" }
        ),
    }
}

/// Reads the network from `file` (and the node list `nodes` for an edge list).
pub fn load(file: &Path, nodes: Option<&Path>) -> Result<Network, String> {
    let name = file.display().to_string();
    let format = NetworkFormat::from_file_name(&name).ok_or_else(|| {
        format!("{name}: unknown format; use a .csv edge list, .json, .graphml or .gexf file")
    })?;
    if nodes.is_some() && format != NetworkFormat::EdgeList {
        return Err(format!("{name}: --nodes goes with a .csv edge list only"));
    }
    let text = read(file)?;
    let nodes = match nodes {
        Some(path) => Some((path.display().to_string(), read(path)?)),
        None => None,
    };
    let result = import(
        format,
        SourceFile::new(&name, &text),
        nodes.as_ref().map(|(n, t)| SourceFile::new(n, t)),
    );
    result.map_err(|problems| one_line(&problems))
}

/// The analysis with each node's name (and a person's organization) beside its metrics.
fn to_json(network: &Network, analysis: &Analysis) -> Value {
    let named = |value: Value, name: &str, extra: Option<(&str, Value)>| {
        let mut map = Map::new();
        let Value::Object(fields) = value else {
            unreachable!("metrics serialize to an object")
        };
        let mut fields = fields;
        map.insert("id".into(), fields.remove("id").unwrap_or(Value::Null));
        map.insert("name".into(), json!(name));
        if let Some((k, v)) = extra {
            map.insert(k.into(), v);
        }
        map.extend(fields);
        Value::Object(map)
    };
    let people: Vec<Value> = analysis
        .people
        .iter()
        .zip(&network.people)
        .map(|(m, p)| {
            named(
                serde_json::to_value(m).expect("metrics serialize"),
                &p.name,
                Some(("organization", json!(p.organization))),
            )
        })
        .collect();
    let organizations: Vec<Value> = analysis
        .organizations
        .iter()
        .zip(&network.organizations)
        .map(|(m, o)| {
            named(
                serde_json::to_value(m).expect("metrics serialize"),
                &o.name,
                Some(("sector", json!(o.sector))),
            )
        })
        .collect();
    json!({
        "people": people,
        "organizations": organizations,
        "person_network": analysis.person_network,
        "organization_network": analysis.organization_network,
        // The reasons and warnings in English words, as before they were structured.
        "connectors": analysis.connectors.iter().map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            v["reasons"] = c.reasons.iter().map(ToString::to_string).collect();
            v
        }).collect::<Vec<_>>(),
        "heterarchies": analysis.heterarchies,
        "silos": analysis.silos,
        "resilience": analysis.resilience,
        "summary": analysis.summary.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "warnings": analysis.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

fn num(x: f64) -> String {
    x.to_string()
}

fn opt(x: Option<f64>) -> String {
    x.map(num).unwrap_or_default()
}

/// Two tables: every node's metrics, then the whole network's figures and
/// the summary sentences, separated by a blank line.
fn to_csv(network: &Network, analysis: &Analysis) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |cells: Vec<String>| w.write_record(&cells).expect("writing to memory");
    row([
        "kind",
        "id",
        "name",
        "organization",
        "degree",
        "degree_centrality",
        "betweenness",
        "weighted_betweenness",
        "closeness",
        "eigenvector",
        "constraint",
        "effective_size",
        "core_number",
        "component",
        "community",
    ]
    .map(String::from)
    .to_vec());
    for (m, p) in analysis.people.iter().zip(&network.people) {
        row(vec![
            "person".into(),
            m.id.clone(),
            p.name.clone(),
            p.organization.clone().unwrap_or_default(),
            m.degree.to_string(),
            num(m.degree_centrality),
            num(m.betweenness),
            num(m.weighted_betweenness),
            num(m.closeness),
            opt(m.eigenvector),
            opt(m.constraint),
            opt(m.effective_size),
            m.core_number.to_string(),
            m.component.to_string(),
            m.community.to_string(),
        ]);
    }
    for (m, o) in analysis.organizations.iter().zip(&network.organizations) {
        row(vec![
            "organization".into(),
            m.id.clone(),
            o.name.clone(),
            String::new(),
            m.degree.to_string(),
            num(m.degree_centrality),
            num(m.betweenness),
            num(m.weighted_betweenness),
            num(m.closeness),
            opt(m.eigenvector),
            opt(m.constraint),
            opt(m.effective_size),
            m.core_number.to_string(),
            m.component.to_string(),
            String::new(),
        ]);
    }
    let nodes = String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8");

    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |cells: [String; 2]| w.write_record(&cells).expect("writing to memory");
    row(["measure".into(), "value".into()]);
    for (prefix, whole) in [
        ("people", &analysis.person_network),
        ("organizations", &analysis.organization_network),
    ] {
        row([format!("{prefix}.nodes"), whole.nodes.to_string()]);
        row([format!("{prefix}.edges"), whole.edges.to_string()]);
        row([format!("{prefix}.density"), num(whole.density)]);
        row([
            format!("{prefix}.components"),
            whole.components.len().to_string(),
        ]);
        row([
            format!("{prefix}.average_path_length"),
            opt(whole.average_path_length),
        ]);
        row([
            format!("{prefix}.diameter"),
            whole.diameter.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    row([
        "communities".into(),
        analysis.silos.communities.len().to_string(),
    ]);
    row(["modularity".into(), num(analysis.silos.modularity)]);
    row([
        "heterarchies".into(),
        analysis.heterarchies.len().to_string(),
    ]);
    row([
        "ei_index.by_sector".into(),
        opt(analysis.silos.network_by_sector.index),
    ]);
    row([
        "ei_index.by_organization".into(),
        opt(analysis.silos.network_by_organization.index),
    ]);
    for sentence in &analysis.summary {
        row(["summary".into(), sentence.to_string()]);
    }
    for warning in &analysis.warnings {
        row(["warning".into(), warning.to_string()]);
    }
    let summary = String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8");
    format!("{nodes}\n{summary}")
}
