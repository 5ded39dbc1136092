#!/usr/bin/env python3
"""Reads network files Constellation wrote with NetworkX and prints what it
found, as JSON, for crates/core/tests/network_files.rs to compare.

Usage: python3 tests/reference/networkx_files.py FILE.graphml FILE.gexf ...

For each file (by extension: .graphml with nx.read_graphml, .gexf with
nx.read_gexf) it prints {"file", "directed", "multigraph", "nodes": {id:
attributes}, "edges": [[source, target, attributes], ...]} in one JSON list.
Any exception (NetworkX refusing the file) exits non-zero with its message.
"""

import json
import sys

import networkx as nx


def describe(path):
    if path.endswith(".graphml"):
        G = nx.read_graphml(path)
    elif path.endswith(".gexf"):
        G = nx.read_gexf(path)
    else:
        raise SystemExit(f"{path}: unknown extension")
    edges = []
    for u, v, d in G.edges(data=True):
        edges.append([u, v, d])
    return {
        "file": path,
        "networkx_version": nx.__version__,
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "nodes": {n: d for n, d in G.nodes(data=True)},
        "edges": edges,
    }


def main():
    out = [describe(p) for p in sys.argv[1:]]
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
