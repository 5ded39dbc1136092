//! Agreement with NetworkX within 1e-9 on classic published networks and
//! seeded random graphs. The fixtures are written by
//! `tests/reference/networkx_reference.py` (see its docstring); each holds a
//! graph's edges and NetworkX's value of every metric.

use std::path::PathBuf;

use constellation_core::network::brokerage::{constraint, effective_size};
use constellation_core::network::centrality::{
    degree_centrality, eigenvector, path_sweep, weighted_betweenness,
};
use constellation_core::network::community::{louvain, modularity};
use constellation_core::network::graph::Adjacency;
use constellation_core::network::heterarchy::maximal_cliques;
use constellation_core::network::structure::{
    components, core_numbers, cut_sets, density, path_stats,
};
use serde_json::Value;

const TOL: f64 = 1e-9;

struct Fixture {
    name: String,
    json: Value,
    graph: Adjacency,
}

fn fixtures() -> Vec<Fixture> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/networkx");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixture directory exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 12,
        "expected at least 12 fixtures in {}",
        dir.display()
    );
    paths
        .into_iter()
        .map(|p| {
            let json: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let n = json["nodes"].as_u64().unwrap() as usize;
            let edges = json["edges"].as_array().unwrap().iter().map(|e| {
                (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_f64().unwrap(),
                )
            });
            let graph = Adjacency::from_edges(n, edges);
            Fixture {
                name: json["name"].as_str().unwrap().to_string(),
                json,
                graph,
            }
        })
        .collect()
}

fn floats(v: &Value) -> Vec<Option<f64>> {
    v.as_array().unwrap().iter().map(Value::as_f64).collect()
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

/// Compares a metric with the fixture's, collecting a line per disagreement.
fn compare(errors: &mut Vec<String>, f: &Fixture, metric: &str, ours: &[Option<f64>]) {
    let theirs = floats(&f.json[metric]);
    assert_eq!(theirs.len(), ours.len(), "{} {metric}: length", f.name);
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        let ok = match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= TOL,
            (None, None) => true,
            _ => false,
        };
        if !ok {
            errors.push(format!(
                "{} {metric}[{i}] ({}): ours {a:?}, networkx {b:?}",
                f.name, f.json["labels"][i]
            ));
        }
    }
}

fn some(v: Vec<f64>) -> Vec<Option<f64>> {
    v.into_iter().map(Some).collect()
}

fn finish(errors: Vec<String>) {
    assert!(
        errors.is_empty(),
        "{} disagreements:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

fn weighted(f: &Fixture) -> bool {
    f.json["weighted"].as_bool().unwrap()
}

#[test]
fn degree_centrality_agrees() {
    let mut errors = Vec::new();
    for f in fixtures() {
        compare(
            &mut errors,
            &f,
            "degree_centrality",
            &some(degree_centrality(&f.graph)),
        );
    }
    finish(errors);
}

#[test]
fn betweenness_and_closeness_agree() {
    let mut errors = Vec::new();
    for f in fixtures() {
        let sweep = path_sweep(&f.graph);
        compare(&mut errors, &f, "betweenness", &some(sweep.betweenness));
        compare(&mut errors, &f, "closeness", &some(sweep.closeness));
    }
    finish(errors);
}

#[test]
fn weighted_betweenness_agrees() {
    let mut errors = Vec::new();
    let mut checked = 0;
    for f in fixtures().into_iter().filter(weighted) {
        let ours = weighted_betweenness(&f.graph).unwrap();
        compare(&mut errors, &f, "weighted_betweenness", &some(ours));
        checked += 1;
    }
    assert!(checked >= 6);
    finish(errors);
}

#[test]
fn eigenvector_agrees() {
    let mut errors = Vec::new();
    for f in fixtures() {
        compare(
            &mut errors,
            &f,
            "eigenvector",
            &some(eigenvector(&f.graph, false, 1e-12, 10_000).unwrap()),
        );
        if weighted(&f) {
            let ours = eigenvector(&f.graph, true, 1e-12, 10_000).unwrap();
            compare(&mut errors, &f, "weighted_eigenvector", &some(ours));
        }
    }
    finish(errors);
}

#[test]
fn constraint_and_effective_size_agree() {
    let mut errors = Vec::new();
    for f in fixtures() {
        compare(&mut errors, &f, "constraint", &constraint(&f.graph, false));
        compare(
            &mut errors,
            &f,
            "effective_size",
            &effective_size(&f.graph, false),
        );
        if weighted(&f) {
            compare(
                &mut errors,
                &f,
                "weighted_constraint",
                &constraint(&f.graph, true),
            );
            compare(
                &mut errors,
                &f,
                "weighted_effective_size",
                &effective_size(&f.graph, true),
            );
        }
    }
    finish(errors);
}

#[test]
fn articulation_points_and_bridges_agree() {
    for f in fixtures() {
        let cuts = cut_sets(&f.graph);
        assert_eq!(
            cuts.articulation_points,
            usizes(&f.json["articulation_points"]),
            "{}",
            f.name
        );
        let bridges: Vec<(usize, usize)> = f.json["bridges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b[0].as_u64().unwrap() as usize,
                    b[1].as_u64().unwrap() as usize,
                )
            })
            .collect();
        assert_eq!(cuts.bridges, bridges, "{}", f.name);
    }
}

#[test]
fn density_components_and_paths_agree() {
    for f in fixtures() {
        assert!(
            (density(&f.graph) - f.json["density"].as_f64().unwrap()).abs() <= TOL,
            "{}",
            f.name
        );
        let comps = components(&f.graph);
        let theirs: Vec<Vec<usize>> = f.json["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(usizes)
            .collect();
        assert_eq!(comps, theirs, "{}", f.name);
        let sweep = path_sweep(&f.graph);
        for (i, c) in comps.iter().enumerate() {
            let stats = path_stats(c, &sweep);
            let apl = f.json["component_average_path_length"][i].as_f64().unwrap();
            assert!(
                (stats.average_path_length - apl).abs() <= TOL,
                "{} component {i}",
                f.name
            );
            assert_eq!(
                u64::from(stats.diameter),
                f.json["component_diameter"][i].as_u64().unwrap()
            );
        }
        if let Some(apl) = f.json.get("average_path_length").and_then(Value::as_f64) {
            assert_eq!(comps.len(), 1);
            assert!((path_stats(&comps[0], &sweep).average_path_length - apl).abs() <= TOL);
            assert_eq!(
                u64::from(path_stats(&comps[0], &sweep).diameter),
                f.json["diameter"].as_u64().unwrap()
            );
        }
    }
}

#[test]
fn core_numbers_and_cliques_agree() {
    for f in fixtures() {
        assert_eq!(
            core_numbers(&f.graph),
            usizes(&f.json["core_number"]),
            "{}",
            f.name
        );
        let theirs: Vec<Vec<usize>> = f.json["maximal_cliques"]
            .as_array()
            .unwrap()
            .iter()
            .map(usizes)
            .collect();
        assert_eq!(maximal_cliques(&f.graph), theirs, "{}", f.name);
    }
}

#[test]
fn modularity_of_given_partitions_agrees() {
    let mut checked = 0;
    for f in fixtures() {
        for p in f.json["partitions"].as_array().unwrap() {
            let w = p["weighted"].as_bool().unwrap();
            let ours = modularity(&f.graph, w, &usizes(&p["labels"]), 1.0);
            let theirs = p["modularity"].as_f64().unwrap();
            assert!(
                (ours - theirs).abs() <= TOL,
                "{} {}: ours {ours}, networkx {theirs}",
                f.name,
                p["algorithm"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 30);
}

/// Louvain here visits nodes in index order; NetworkX's Louvain given a
/// shuffle that keeps the order must then find the very same communities.
#[test]
fn louvain_matches_networkx_in_node_order() {
    let mut errors = Vec::new();
    for f in fixtures() {
        for p in f.json["partitions"].as_array().unwrap() {
            if p["algorithm"] != "louvain_in_order" {
                continue;
            }
            let w = p["weighted"].as_bool().unwrap();
            let ours = louvain(&f.graph, w, 1.0);
            if ours.labels != usizes(&p["labels"]) {
                errors.push(format!(
                    "{} (weighted {w}): ours {:.6} {:?}, networkx {:.6} {:?}",
                    f.name, ours.modularity, ours.labels, p["modularity"], p["labels"]
                ));
            }
            let theirs = p["modularity"].as_f64().unwrap();
            if (ours.modularity - theirs).abs() > TOL && errors.is_empty() {
                errors.push(format!(
                    "{}: modularity {} vs {theirs}",
                    f.name, ours.modularity
                ));
            }
        }
    }
    finish(errors);
}
