#!/usr/bin/env python3
"""Reference values for Constellation's network analysis, computed by NetworkX.

Writes one JSON fixture per graph to crates/core/tests/fixtures/networkx/, which
crates/core/tests/network_reference.rs reads and compares to the Rust results
within 1e-9. The graphs are NetworkX's bundled classics (Zachary's karate club,
the Florentine families, Les Misérables, Davis' southern women projected onto
the women) plus seeded random graphs, some disconnected.

Usage:
    python3 tests/reference/networkx_reference.py            # rewrite the fixtures
    python3 tests/reference/networkx_reference.py --check    # regenerate into a
        temporary directory and compare with the committed fixtures; exits 1 on
        any difference (floats may differ by 1e-12, the rounding noise of a
        different summation order; everything else must be equal)

Needs only `pip install networkx`. Every graph is rebuilt on nodes 0..n-1 with
its edges added in sorted order, so neighbour lists are in index order on both
sides; the fixture keeps the original node labels for reading.
"""

import argparse
import json
import math
import random
import sys
import tempfile
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "crates" / "core" / "tests" / "fixtures" / "networkx"
EIGEN_TOL = 1e-12
EIGEN_MAX_ITER = 10000
FLOAT_SLACK = 1e-12


class InOrder(random.Random):
    """A random source whose shuffle keeps the order, so NetworkX's Louvain
    visits nodes in index order like Constellation's deterministic Louvain."""

    def shuffle(self, x):  # noqa: D401 - keeps x as it is
        return None


def canonical(G, weighted):
    """G on nodes 0..n-1 (in G's node order), edges added sorted."""
    labels = list(G.nodes())
    index = {v: i for i, v in enumerate(labels)}
    edges = []
    for u, v, d in G.edges(data=True):
        a, b = sorted((index[u], index[v]))
        if a == b:
            continue
        w = d.get("weight", 1) if weighted else 1
        edges.append((a, b, w))
    edges.sort()
    H = nx.Graph()
    H.add_nodes_from(range(len(labels)))
    for a, b, w in edges:
        H.add_edge(a, b, weight=w)
    return labels, H


def nan_to_none(d, n):
    return [None if math.isnan(d[i]) else d[i] for i in range(n)]


def partition_labels(parts, n):
    label = [0] * n
    for c, members in enumerate(sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))):
        for u in members:
            label[u] = c
    return label


def metrics(name, G, weighted, description):
    labels, H = canonical(G, weighted)
    n = H.number_of_nodes()
    w = "weight" if weighted else None
    out = {
        "name": name,
        "description": description,
        "networkx_version": nx.__version__,
        "weighted": weighted,
        "labels": [str(v) for v in labels],
        "nodes": n,
        "edges": [[a, b, d["weight"]] for a, b, d in H.edges(data=True)],
    }
    out["degree_centrality"] = [nx.degree_centrality(H)[i] for i in range(n)]
    bc = nx.betweenness_centrality(H, normalized=True)
    out["betweenness"] = [bc[i] for i in range(n)]
    cc = nx.closeness_centrality(H)
    out["closeness"] = [cc[i] for i in range(n)]
    ev = nx.eigenvector_centrality(H, max_iter=EIGEN_MAX_ITER, tol=EIGEN_TOL)
    out["eigenvector"] = [ev[i] for i in range(n)]
    con = nx.constraint(H)
    out["constraint"] = nan_to_none(con, n)
    es = nx.effective_size(H)
    out["effective_size"] = nan_to_none(es, n)
    if weighted:
        # The weight is a length for betweenness (NetworkX's `weight=` meaning)
        # and a strength for eigenvector, constraint and effective size.
        wbc = nx.betweenness_centrality(H, normalized=True, weight=w)
        out["weighted_betweenness"] = [wbc[i] for i in range(n)]
        wev = nx.eigenvector_centrality(H, max_iter=EIGEN_MAX_ITER, tol=EIGEN_TOL, weight=w)
        out["weighted_eigenvector"] = [wev[i] for i in range(n)]
        out["weighted_constraint"] = nan_to_none(nx.constraint(H, weight=w), n)
        out["weighted_effective_size"] = nan_to_none(nx.effective_size(H, weight=w), n)
    out["articulation_points"] = sorted(nx.articulation_points(H))
    out["bridges"] = sorted(sorted(e) for e in nx.bridges(H))
    out["density"] = nx.density(H)
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    out["components"] = comps
    out["component_average_path_length"] = [
        nx.average_shortest_path_length(H.subgraph(c)) for c in comps
    ]
    out["component_diameter"] = [nx.diameter(H.subgraph(c)) for c in comps]
    if nx.is_connected(H):
        out["average_path_length"] = nx.average_shortest_path_length(H)
        out["diameter"] = nx.diameter(H)
    core = nx.core_number(H)
    out["core_number"] = [core[i] for i in range(n)]
    out["maximal_cliques"] = sorted(sorted(c) for c in nx.find_cliques(H))
    partitions = []
    for wt in ([None, "weight"] if weighted else [None]):
        greedy = nx.community.greedy_modularity_communities(H, weight=wt)
        lv = nx.community.louvain_communities(H, weight=wt, seed=InOrder())
        for kind, parts in (("greedy_modularity", greedy), ("louvain_in_order", lv)):
            partitions.append({
                "algorithm": kind,
                "weighted": wt is not None,
                "labels": partition_labels(parts, n),
                "modularity": nx.community.modularity(H, parts, weight=wt),
            })
    out["partitions"] = partitions
    return out


def with_random_weights(G, seed, kind):
    """Gives each edge a seeded trust 1-5, stored as the weight (`kind="trust"`)
    or as the length 1/trust (`kind="inverse"`, which exercises NetworkX's
    exact floating-point tie rule for paths of equal length)."""
    rng = random.Random(seed)
    for u, v in sorted(G.edges()):
        t = rng.randint(1, 5)
        G[u][v]["weight"] = t if kind == "trust" else 1.0 / t
    return G


def graphs():
    yield "karate", nx.karate_club_graph(), False, "Zachary's karate club, unweighted"
    yield "karate_weighted", nx.karate_club_graph(), True, "Zachary's karate club, weight = shared contexts"
    yield "florentine", nx.florentine_families_graph(), False, "Padgett's Florentine families (marriages)"
    yield "les_miserables", nx.les_miserables_graph(), True, "Les Misérables co-appearances, weighted"
    davis = nx.davis_southern_women_graph()
    women = [v for v, d in davis.nodes(data=True) if d["bipartite"] == 0]
    yield (
        "davis_women",
        nx.bipartite.weighted_projected_graph(davis, women),
        True,
        "Davis' southern women projected onto the women, weight = shared events",
    )
    yield "path5", nx.path_graph(5), False, "a path of five nodes"
    yield "star6", nx.star_graph(5), False, "a star with five leaves"
    barbell = nx.barbell_graph(4, 2)
    yield "barbell", barbell, False, "two 4-cliques joined by a path of two nodes"
    yield (
        "gnm_connected",
        with_random_weights(nx.connected_watts_strogatz_graph(60, 4, 0.2, seed=11), 11, "trust"),
        True,
        "connected Watts-Strogatz graph (60, 4, 0.2, seed 11), seeded trust 1-5",
    )
    yield (
        "gnm_sparse",
        with_random_weights(nx.gnm_random_graph(70, 60, seed=7), 7, "trust"),
        True,
        "G(n=70, m=60, seed 7): disconnected, with isolated nodes; seeded trust 1-5",
    )
    yield (
        "gnp_inverse",
        with_random_weights(nx.gnp_random_graph(50, 0.08, seed=3), 3, "inverse"),
        True,
        "G(n=50, p=0.08, seed 3), length 1/trust with seeded trust 1-5",
    )
    yield (
        "gnm_dense",
        nx.gnm_random_graph(40, 200, seed=5),
        False,
        "G(n=40, m=200, seed 5), unweighted",
    )


def write_all(directory):
    directory.mkdir(parents=True, exist_ok=True)
    for name, G, weighted, description in graphs():
        data = metrics(name, G, weighted, description)
        with open(directory / f"{name}.json", "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False)
            f.write("\n")


def differences(a, b, path="$"):
    """Every place where two fixtures differ, floats allowing FLOAT_SLACK."""
    if isinstance(a, bool) or isinstance(b, bool):
        return [] if a == b else [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if a == b or abs(a - b) <= FLOAT_SLACK * max(1.0, abs(a), abs(b)):
            return []
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k == "networkx_version":
                continue
            if k not in a or k not in b:
                out.append(f"{path}.{k}: present on one side only")
            else:
                out += differences(a[k], b[k], f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += differences(x, y, f"{path}[{i}]")
        return out
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def check():
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        write_all(fresh)
        problems = []
        committed = {p.name for p in FIXTURES.glob("*.json")}
        generated = {p.name for p in fresh.glob("*.json")}
        for missing in sorted(generated - committed):
            problems.append(f"{missing}: not committed")
        for extra in sorted(committed - generated):
            problems.append(f"{extra}: committed but no longer generated")
        for name in sorted(generated & committed):
            old = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
            new = json.loads((fresh / name).read_text(encoding="utf-8"))
            if old.get("networkx_version") != new.get("networkx_version"):
                print(f"note: {name} was made with networkx {old.get('networkx_version')}, "
                      f"this is {new.get('networkx_version')}")
            problems += [f"{name} {d}" for d in differences(old, new)]
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"networkx reference: {len(problems)} difference(s) from the committed fixtures")
        return 1
    print(f"networkx reference: {len(generated)} fixtures match networkx {nx.__version__}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed fixtures")
    args = parser.parse_args()
    if args.check:
        sys.exit(check())
    write_all(FIXTURES)
    print(f"wrote fixtures to {FIXTURES}")


if __name__ == "__main__":
    main()
