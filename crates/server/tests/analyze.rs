//! `constellation analyze` run as a real binary on classic networks written in
//! every input format, compared with the values NetworkX gives
//! (crates/core/tests/fixtures/networkx, written by
//! tests/reference/networkx_reference.py); and bad files reported as one line
//! with a non-zero exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use constellation_core::network::files::{
    export_edge_list, export_gexf, export_graphml, export_json,
};
use constellation_core::network::{Network, NodeRef, Person, Tie, TieKind, Trust};
use serde_json::Value;

const TOL: f64 = 1e-9;

fn analyze(args: &[&Path], extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_constellation"))
        .arg("analyze")
        .args(args)
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/networkx")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The fixture's graph as a network of people named by its labels.
fn network_of(f: &Value) -> Network {
    let labels: Vec<String> = f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    Network {
        organizations: vec![],
        people: labels
            .iter()
            .map(|l| Person {
                id: l.clone(),
                name: l.clone(),
                organization: None,
                role: String::new(),
                level: None,
            })
            .collect(),
        ties: f["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| Tie {
                from: NodeRef::person(labels[e[0].as_u64().unwrap() as usize].clone()),
                to: NodeRef::person(labels[e[1].as_u64().unwrap() as usize].clone()),
                kind: TieKind::Knows,
                trust: Trust::default(),
                directed: false,
                note: String::new(),
            })
            .collect(),
    }
}

/// Writes the network in every format the command reads; returns the
/// argument lists that name them.
fn write_all(dir: &Path, net: &Network) -> Vec<Vec<PathBuf>> {
    let files = export_edge_list(net);
    let edges = dir.join("edges.csv");
    let nodes = dir.join("nodes.csv");
    std::fs::write(&edges, files.edges).unwrap();
    std::fs::write(&nodes, files.nodes).unwrap();
    let json = dir.join("net.json");
    std::fs::write(&json, export_json(net)).unwrap();
    let graphml = dir.join("net.graphml");
    std::fs::write(&graphml, export_graphml(net)).unwrap();
    let gexf = dir.join("net.gexf");
    std::fs::write(&gexf, export_gexf(net)).unwrap();
    vec![
        vec![edges, PathBuf::from("--nodes"), nodes],
        vec![json],
        vec![graphml],
        vec![gexf],
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOL * b.abs().max(1.0)
}

fn check_json(name: &str, f: &Value, out: &Value, what: &str) {
    let people = out["people"].as_array().unwrap();
    let n = f["nodes"].as_u64().unwrap() as usize;
    assert_eq!(people.len(), n, "{name} {what}: every node");
    for (ours, theirs) in [
        ("degree_centrality", "degree_centrality"),
        ("betweenness", "betweenness"),
        ("closeness", "closeness"),
        ("eigenvector", "eigenvector"),
        ("constraint", "constraint"),
        ("effective_size", "effective_size"),
    ] {
        for (i, p) in people.iter().enumerate() {
            let expected = &f[theirs][i];
            let got = &p[ours];
            match expected.as_f64() {
                Some(e) => assert!(
                    got.as_f64().is_some_and(|g| close(g, e)),
                    "{name} {what}: {ours} of {}: {got} vs NetworkX {e}",
                    p["name"]
                ),
                None => assert!(
                    got.is_null(),
                    "{name} {what}: {ours} of {} should be empty",
                    p["name"]
                ),
            }
        }
    }
    for (i, p) in people.iter().enumerate() {
        assert_eq!(
            p["core_number"], f["core_number"][i],
            "{name} {what}: core number"
        );
        assert_eq!(
            p["name"].as_str(),
            f["labels"][i].as_str(),
            "{name} {what}: names in order"
        );
    }
    let whole = &out["person_network"];
    assert!(close(
        whole["density"].as_f64().unwrap(),
        f["density"].as_f64().unwrap()
    ));
    assert_eq!(
        whole["components"].as_array().unwrap().len(),
        f["components"].as_array().unwrap().len(),
        "{name} {what}: components"
    );
    if let Some(apl) = f["average_path_length"].as_f64() {
        assert!(
            close(whole["average_path_length"].as_f64().unwrap(), apl),
            "{name} {what}: average path length"
        );
        assert_eq!(whole["diameter"], f["diameter"], "{name} {what}: diameter");
    }
    assert!(
        !out["summary"].as_array().unwrap().is_empty(),
        "{name} {what}: a summary"
    );
}

#[test]
fn every_input_format_gives_networkx_values() {
    // Karate (connected), Florentine families (named, connected), a sparse
    // random graph (disconnected, isolated nodes only a node list can hold).
    for name in ["karate", "florentine", "gnm_sparse"] {
        let f = fixture(name);
        let net = network_of(&f);
        let dir = tempfile::tempdir().unwrap();
        for args in write_all(dir.path(), &net) {
            let paths: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
            let out = analyze(&paths, &["--format", "json"]);
            let what = args[0].file_name().unwrap().to_string_lossy().to_string();
            assert!(
                out.status.success(),
                "{name} {what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let json: Value = serde_json::from_slice(&out.stdout).unwrap();
            check_json(name, &f, &json, &what);
        }
    }
}

#[test]
fn csv_output_lists_every_node_and_the_summary() {
    let f = fixture("karate");
    let dir = tempfile::tempdir().unwrap();
    let graphml = dir.path().join("karate.graphml");
    std::fs::write(&graphml, export_graphml(&network_of(&f))).unwrap();
    let out = analyze(&[&graphml], &["--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let (nodes, summary) = text.split_once("\n\n").expect("two tables");
    let mut reader = csv::Reader::from_reader(nodes.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 34);
    for (i, row) in rows.iter().enumerate() {
        let b: f64 = row[col("betweenness")].parse().unwrap();
        assert!(
            close(b, f["betweenness"][i].as_f64().unwrap()),
            "betweenness of {}",
            &row[col("id")]
        );
        let c: f64 = row[col("closeness")].parse().unwrap();
        assert!(close(c, f["closeness"][i].as_f64().unwrap()));
    }
    assert!(summary.starts_with("measure,value\n"));
    assert!(summary.contains("people.nodes,34\n"));
    assert!(summary.contains("people.edges,78\n"));
    assert!(summary.contains("\nsummary,"));
}

fn one_error_line(out: &Output) -> String {
    assert!(!out.status.success(), "a bad file must fail");
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(out.stdout.is_empty(), "nothing printed on stdout");
    lines[0].to_string()
}

#[test]
fn a_bad_file_is_one_line_naming_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, "from,to,trust\nAna,Ben,4\nBen,Cy,nine\nCy,Ana,0\n").unwrap();
    let line = one_error_line(&analyze(&[&edges], &[]));
    assert_eq!(
        line,
        format!(
            "error: {}, line 3, trust: must be a whole number from 1 to 5, found \"nine\" (and 1 more problem)",
            edges.display()
        )
    );

    let nodes = dir.path().join("nodes.csv");
    std::fs::write(&nodes, "id,name\nAna,Ana\n").unwrap();
    let good_edges = dir.path().join("good.csv");
    std::fs::write(&good_edges, "Ana,Ben\n").unwrap();
    let line = one_error_line(&analyze(&[&good_edges, Path::new("--nodes"), &nodes], &[]));
    assert!(
        line.contains(", line 1, to: no node with id or name \"Ben\""),
        "{line}"
    );

    let graphml = dir.path().join("broken.graphml");
    std::fs::write(&graphml, "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n").unwrap();
    let line = one_error_line(&analyze(&[&graphml], &[]));
    assert!(
        line.starts_with(&format!("error: {}, line 4:", graphml.display())),
        "{line}"
    );

    let unknown = dir.path().join("net.txt");
    std::fs::write(&unknown, "a,b\n").unwrap();
    let line = one_error_line(&analyze(&[&unknown], &[]));
    assert!(line.contains("unknown format"), "{line}");

    let missing = dir.path().join("missing.gexf");
    let line = one_error_line(&analyze(&[&missing], &[]));
    assert!(line.contains("missing.gexf: cannot read it"), "{line}");

    let json = dir.path().join("net.json");
    std::fs::write(&json, "{\"people\": [}").unwrap();
    let line = one_error_line(&analyze(&[&json], &[]));
    assert!(line.contains("net.json, line 1, column"), "{line}");
}
