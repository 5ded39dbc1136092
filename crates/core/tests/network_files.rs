//! Network files: every format reads back what it writes; bad files are
//! refused with the file, line and field of each problem; GraphML and GEXF
//! written by Constellation are read by NetworkX (tests/reference/networkx_files.py).

use std::path::PathBuf;
use std::process::Command;

use constellation_core::network::files::{
    export, export_edge_list, export_gexf, export_graphml, export_json, export_kumu, import,
    import_edge_list, import_gexf, import_graphml, import_json, import_kumu, ImportProblem, ImportReason,
    NetworkFormat, SourceFile, MAX_PROBLEMS,
};
use constellation_core::network::{
    Level, Network, NodeRef, Organization, Person, Sector, Tie, TieKind, Trust,
};
use serde_json::Value;

fn sample() -> Network {
    let org = |id: &str, name: &str, sector, tags: &[&str]| Organization {
        id: id.into(),
        name: name.into(),
        sector,
        tags: tags.iter().map(|t| t.to_string()).collect(),
    };
    let person = |id: &str, name: &str, org: Option<&str>, role: &str, level| Person {
        id: id.into(),
        name: name.into(),
        organization: org.map(String::from),
        role: role.into(),
        level,
    };
    let tie = |from: NodeRef, to: NodeRef, kind, trust, directed, note: &str| Tie {
        from,
        to,
        kind,
        trust: Trust::new(trust).unwrap(),
        directed,
        note: note.into(),
    };
    let p = NodeRef::person;
    let o = NodeRef::organization;
    let net = Network {
        organizations: vec![
            org(
                "city",
                "City Hall",
                Sector::Government,
                &["housing", "parks"],
            ),
            org("bank", "Food Bank & Co \"East\"", Sector::CivilSociety, &[]),
            org("mill", "Mill <Works>", Sector::Business, &["jobs"]),
        ],
        people: vec![
            person(
                "ana",
                "Ana María",
                Some("city"),
                "planner",
                Some(Level::Mid),
            ),
            person("ben", "Ben O'Neil", Some("bank"), "", None),
            person(
                "chloe",
                "Chloé, Jr.",
                None,
                "organizer",
                Some(Level::Junior),
            ),
            person("dee", "Dee", Some("mill"), "", Some(Level::Senior)),
        ],
        ties: vec![
            tie(
                p("ana"),
                p("ben"),
                TieKind::Collaborates,
                4,
                false,
                "weekly call",
            ),
            tie(
                p("ben"),
                p("chloe"),
                TieKind::Knows,
                2,
                true,
                "met at the fair,\nonce",
            ),
            tie(p("dee"), p("ana"), TieKind::Funds, 5, true, ""),
            tie(p("ana"), p("ben"), TieKind::Governs, 1, false, ""),
            tie(o("city"), o("mill"), TieKind::Funds, 3, true, "grant"),
            tie(o("bank"), o("city"), TieKind::Other, 3, false, ""),
        ],
    };
    net.validate().unwrap();
    net
}

fn file<'a>(name: &'a str, text: &'a str) -> SourceFile<'a> {
    SourceFile::new(name, text)
}

fn messages(problems: &[ImportProblem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn json_round_trips() {
    let net = sample();
    let text = export_json(&net);
    assert_eq!(import_json(file("n.json", &text)).unwrap(), net);
}

#[test]
fn edge_list_round_trips_with_its_node_list() {
    let net = sample();
    let files = export_edge_list(&net);
    assert!(files
        .edges
        .starts_with("from,to,trust,kind,directed,note\n"));
    let back = import_edge_list(
        file("edges.csv", &files.edges),
        Some(file("nodes.csv", &files.nodes)),
    )
    .unwrap();
    assert_eq!(back, net);
}

#[test]
fn kumu_round_trips() {
    let net = sample();
    let files = export_kumu(&net);
    assert!(files.elements.starts_with("ID,Label,Type,"));
    let back = import_kumu(
        file("elements.csv", &files.elements),
        file("connections.csv", &files.connections),
    )
    .unwrap();
    assert_eq!(back, net);
}

#[test]
fn graphml_round_trips() {
    let net = sample();
    let text = export_graphml(&net);
    assert_eq!(import_graphml(file("n.graphml", &text)).unwrap(), net);
}

#[test]
fn gexf_round_trips() {
    let net = sample();
    let text = export_gexf(&net);
    assert_eq!(import_gexf(file("n.gexf", &text)).unwrap(), net);
}

#[test]
fn shared_ids_of_a_person_and_an_organization_are_told_apart() {
    let mut net = sample();
    net.people[3].id = "mill".into();
    for t in &mut net.ties {
        if t.from == NodeRef::person("dee") {
            t.from = NodeRef::person("mill");
        }
    }
    net.validate().unwrap();
    let files = export_edge_list(&net);
    let back = import_edge_list(
        file("e.csv", &files.edges),
        Some(file("n.csv", &files.nodes)),
    )
    .unwrap();
    assert_eq!(back.people.len(), 4);
    assert_eq!(back.ties.len(), 6);
    assert_eq!(back.people[3].id, "person:mill");
    // GraphML and GEXF keep the original ids in their data.
    assert_eq!(
        import_graphml(file("n.graphml", &export_graphml(&net))).unwrap(),
        net
    );
    assert_eq!(
        import_gexf(file("n.gexf", &export_gexf(&net))).unwrap(),
        net
    );
}

#[test]
fn a_bare_edge_list_makes_people_of_names() {
    let text = "Ana,Ben,4,knows\nBen,Chloé\nAna,Chloé,,funds\n";
    let net = import_edge_list(file("edges.csv", text), None).unwrap();
    assert_eq!(
        net.people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Ben", "Chloé"]
    );
    assert_eq!(net.ties[0].trust.get(), 4);
    assert_eq!(net.ties[0].kind, TieKind::Knows);
    assert_eq!(net.ties[1].trust.get(), 3, "blank trust is 3");
    assert_eq!(
        net.ties[1].kind,
        TieKind::Collaborates,
        "blank kind is collaborates"
    );
    let with_header = "source,target,weight\nAna,Ben,5\n";
    let net = import_edge_list(file("edges.csv", with_header), None).unwrap();
    assert_eq!(net.ties[0].trust.get(), 5);
}

#[test]
fn a_bad_edge_list_names_every_problem_and_yields_nothing() {
    let edges = "from,to,trust,kind\nana,ben,9,knows\nana,,3,knows\nana,zed,3,knows\nana,city,3,knows\nben,ben,3,\nana,ben,2.5,likes\n";
    let nodes = "id,name,type,organization,sector\nana,Ana,person,city,\nben,Ben,person,nowhere,\ncity,City,organization,,space\n";
    let problems =
        import_edge_list(file("edges.csv", edges), Some(file("nodes.csv", nodes))).unwrap_err();
    let at = |file: &str, line: usize, field: Option<&str>, reason: ImportReason| ImportProblem {
        file: file.into(),
        line: Some(line),
        field: field.map(Into::into),
        column: None,
        reason,
    };
    let found = |s: &str| s.to_string();
    assert_eq!(
        problems,
        [
            at("nodes.csv", 4, Some("sector"), ImportReason::UnknownSector { found: found("space") }),
            at("nodes.csv", 3, Some("organization"), ImportReason::NoSuchOrganization { name: found("nowhere") }),
            at("edges.csv", 2, Some("trust"), ImportReason::NotATrust { found: found("9") }),
            at("edges.csv", 3, Some("to"), ImportReason::EmptyCell),
            at(
                "edges.csv",
                4,
                Some("to"),
                ImportReason::NoSuchNode { name: found("zed"), nodes_file: found("nodes.csv") }
            ),
            at(
                "edges.csv",
                5,
                None,
                ImportReason::MixedTie { from: NodeRef::person("ana"), to: NodeRef::organization("city") }
            ),
            at("edges.csv", 6, None, ImportReason::SelfTie { node: NodeRef::person("ben") }),
            at("edges.csv", 7, Some("trust"), ImportReason::NotATrust { found: found("2.5") }),
            at("edges.csv", 7, Some("kind"), ImportReason::UnknownKind { found: found("likes") }),
        ]
    );
    // The command line's English words name the file, line and field.
    assert_eq!(
        messages(&problems)[4],
        "edges.csv, line 4, to: no node with id or name \"zed\" in nodes.csv"
    );
    let nodes_dup = "id,name\na,A\na,B\n";
    let problems =
        import_edge_list(file("e.csv", "a,b\n"), Some(file("n.csv", nodes_dup))).unwrap_err();
    assert_eq!(
        messages(&problems)[0],
        "n.csv, line 3, id: \"a\" is used twice (first on line 2)"
    );
    let many: String = (0..200).map(|i| format!("a{i},b{i},0\n")).collect();
    assert_eq!(
        import_edge_list(file("e.csv", &many), None)
            .unwrap_err()
            .len(),
        MAX_PROBLEMS
    );
}

#[test]
fn kumu_reads_labels_default_direction_and_free_connection_types() {
    let elements =
        "Label,Type,Sector\nCity Hall,Organization,Government\nAna,Person,\nBen,Person,\n";
    let connections = "From,To,Type,Strength\nAna,Ben,partner,5\nBen,Ana,,\n";
    let net = import_kumu(
        file("elements.csv", elements),
        file("connections.csv", connections),
    )
    .unwrap();
    assert_eq!(net.organizations[0].sector, Sector::Government);
    assert_eq!(net.ties[0].kind, TieKind::Other);
    assert_eq!(net.ties[0].note, "partner");
    assert!(
        net.ties[0].directed,
        "Kumu connections are directed unless said otherwise"
    );
    assert_eq!(net.ties[1].kind, TieKind::Collaborates);
    let problems = import_kumu(
        file("elements.csv", elements),
        file("connections.csv", "A,B\nAna,Ben\n"),
    )
    .unwrap_err();
    assert_eq!(
        messages(&problems),
        ["connections.csv, line 1: the header needs From and To columns"]
    );
}

#[test]
fn bad_json_and_xml_name_the_line() {
    let problems =
        import_json(file("n.json", "{\n \"people\": [\n  {\"id\": 3}\n ]\n}")).unwrap_err();
    assert_eq!(problems[0].line, Some(3));
    assert!(
        problems[0]
            .to_string()
            .starts_with("n.json, line 3, column"),
        "{}",
        problems[0]
    );
    let problems = import_json(file("n.json", r#"{"people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"ties":[{"from":{"person":"a"},"to":{"person":"b"},"kind":"knows","trust":7}]}"#)).unwrap_err();
    assert!(
        matches!(&problems[0].reason, ImportReason::BadJson { detail } if detail.contains("tie 1: trust must be 1–5, found 7")),
        "{}",
        problems[0]
    );

    let broken = "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n";
    let problems = import_graphml(file("n.graphml", broken)).unwrap_err();
    assert_eq!(problems[0].file, "n.graphml");
    assert_eq!(problems[0].line, Some(4), "{}", problems[0]);
    let bad_edge = "<graphml>\n<key id=\"t\" for=\"edge\" attr.name=\"trust\"/>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" target=\"c\"/>\n<edge source=\"a\" target=\"b\"><data key=\"t\">8</data></edge>\n</graph>\n</graphml>\n";
    assert_eq!(
        messages(&import_graphml(file("n.graphml", bad_edge)).unwrap_err()),
        [
            "n.graphml, line 6, target: no node with id \"c\"",
            "n.graphml, line 7, trust: must be a whole number from 1 to 5, found \"8\"",
        ]
    );
    let problems = import_gexf(file("n.gexf", "<graphml/>")).unwrap_err();
    assert_eq!(
        messages(&problems),
        ["n.gexf, line 1: is not GEXF (its root element is not <gexf>)"]
    );
}

#[test]
fn generic_graphml_and_gexf_from_other_tools_are_read() {
    // As NetworkX writes them: no types (everyone a person), weights that are not trust.
    let graphml = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="0"/><node id="1"/><node id="2"/>
<edge source="0" target="1"><data key="d0">0.25</data></edge><edge source="1" target="2"><data key="d0">4.0</data></edge></graph></graphml>"#;
    let net = import_graphml(file("g.graphml", graphml)).unwrap();
    assert_eq!(net.people.len(), 3);
    assert_eq!(
        net.ties[0].trust.get(),
        3,
        "a weight that is not a trust is not read as one"
    );
    assert_eq!(net.ties[1].trust.get(), 4);
    let gexf = r#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="Ana"/><node id="b" label="Ben"/></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>"#;
    let net = import_gexf(file("g.gexf", gexf)).unwrap();
    assert_eq!(net.people[0].name, "Ana");
    assert!(net.ties[0].directed);
    assert_eq!(net.ties[0].trust.get(), 2);
}

#[test]
fn import_and_export_by_format() {
    let net = sample();
    for format in [
        NetworkFormat::EdgeList,
        NetworkFormat::Kumu,
        NetworkFormat::Json,
        NetworkFormat::GraphMl,
        NetworkFormat::Gexf,
    ] {
        let files = export(format, &net, "coalition");
        let back = match files.as_slice() {
            [one] => import(format, file(&one.name, &one.text), None),
            // Edge list: edges then nodes; Kumu: elements then connections.
            [a, b] if format == NetworkFormat::Kumu => {
                import(format, file(&b.name, &b.text), Some(file(&a.name, &a.text)))
            }
            [a, b] => import(format, file(&a.name, &a.text), Some(file(&b.name, &b.text))),
            _ => panic!("{format:?}: one or two files"),
        };
        assert_eq!(back.unwrap(), net, "{format:?}");
        if files.len() == 1 {
            assert_eq!(NetworkFormat::from_file_name(&files[0].name), Some(format));
        }
    }
    let names: Vec<String> = export(NetworkFormat::Kumu, &net, "c")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["c-elements.csv", "c-connections.csv"]);
    let err = import(
        NetworkFormat::Kumu,
        file("connections.csv", "From,To\n"),
        None,
    )
    .unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "connections.csv: Kumu connections need the elements sheet too"
    );
    let err = import(
        NetworkFormat::GraphMl,
        file("n.graphml", ""),
        Some(file("x.csv", "")),
    )
    .unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "n.graphml: only a CSV edge list takes a second file (its node list)"
    );
}

#[test]
fn formats_are_known_by_extension() {
    assert_eq!(
        NetworkFormat::from_file_name("a.CSV"),
        Some(NetworkFormat::EdgeList)
    );
    assert_eq!(
        NetworkFormat::from_file_name("dir.v2/a.graphml"),
        Some(NetworkFormat::GraphMl)
    );
    assert_eq!(
        NetworkFormat::from_file_name("a.gexf"),
        Some(NetworkFormat::Gexf)
    );
    assert_eq!(
        NetworkFormat::from_file_name("a.json"),
        Some(NetworkFormat::Json)
    );
    assert_eq!(NetworkFormat::from_file_name("a.txt"), None);
    assert_eq!(NetworkFormat::from_file_name("noext"), None);
}

/// NetworkX reads the GraphML and GEXF Constellation writes, with every node,
/// every tie and their attributes.
#[test]
fn networkx_reads_the_graphml_and_gexf_we_write() {
    let net = sample();
    let dir = std::env::temp_dir().join(format!("constellation-nx-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let graphml = dir.join("sample.graphml");
    let gexf = dir.join("sample.gexf");
    std::fs::write(&graphml, export_graphml(&net)).unwrap();
    std::fs::write(&gexf, export_gexf(&net)).unwrap();
    let script =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/reference/networkx_files.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(&graphml)
        .arg(&gexf)
        .output()
        .expect("python3 runs (scripts/setup.sh installs it with networkx)");
    assert!(
        output.status.success(),
        "NetworkX refused the files: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    for g in read.as_array().unwrap() {
        let what = g["file"].as_str().unwrap();
        assert_eq!(g["directed"], false, "{what}");
        let nodes = g["nodes"].as_object().unwrap();
        assert_eq!(nodes.len(), 7, "{what}");
        let name_key = if what.ends_with(".gexf") {
            "label"
        } else {
            "name"
        };
        assert_eq!(nodes["ana"][name_key], "Ana María", "{what}");
        assert_eq!(nodes["bank"][name_key], "Food Bank & Co \"East\"", "{what}");
        assert_eq!(nodes["ana"]["organization"], "city", "{what}");
        assert_eq!(nodes["mill"]["type"], "organization", "{what}");
        let edges = g["edges"].as_array().unwrap();
        assert_eq!(
            edges.len(),
            6,
            "{what}: every tie, the two ana–ben ties as a multigraph"
        );
        assert_eq!(g["multigraph"], true, "{what}");
        let chloe = edges
            .iter()
            .find(|e| e[0] == "ben" && e[1] == "chloe" || e[0] == "chloe" && e[1] == "ben")
            .unwrap();
        assert_eq!(chloe[2]["trust"], 2, "{what}");
        assert_eq!(chloe[2]["kind"], "knows", "{what}");
        assert_eq!(chloe[2]["directed"], true, "{what}");
        assert_eq!(chloe[2]["note"], "met at the fair,\nonce", "{what}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
