"""Exports for other tools, each deterministic: TriG (named graphs kept), GraphML of the assertion
layer (Gephi, Cytoscape) and a flat CSV of the claims (spreadsheets, pandas).

TriG is written graph by graph through rdflib's Turtle serialiser, whose output is ordered, so two
exports of the same graph are byte-identical (rdflib's own TriG writer orders graphs arbitrarily).
"""

from __future__ import annotations

import io

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.namespaces import PREFIXES
from kg.output import render
from kg.query import lib_query
from kg.store import OxigraphStore, python_value

FORMATS = ("trig", "graphml", "csv")


def to_trig(nquads: bytes) -> str:
    """TriG with the dataset's named graphs, graphs and triples in a stable order."""
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    out = io.StringIO()
    for prefix, ns in sorted(PREFIXES.items()):
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if len(ctx) == 0:
            continue
        g = Graph()
        for triple in ctx:
            g.add(triple)
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        body = g.serialize(format="turtle")
        triples = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        name = ctx.identifier
        head = "{" if name == DATASET_DEFAULT_GRAPH_ID else f"<{name}> {{"
        out.write(f"\n{head}\n")
        out.write("\n".join("    " + line if line else "" for line in triples.splitlines()))
        out.write("\n}\n")
    return out.getvalue()


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The assertion layer as GraphML (node label and type; edge relation, status, claim counts)."""
    buf = io.BytesIO()
    clean: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: str(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{k: (v2 if isinstance(v2, int) else str(v2))
                                         for k, v2 in data.items() if v2 is not None})
    nx.write_graphml(clean, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def claims_csv(engine: OxigraphStore) -> str:
    columns, rows = engine.select(lib_query("export-claims"))
    return render(columns, [{c: python_value(r.get(c)) for c in columns} for r in rows], "csv")


def export(engine: OxigraphStore, fmt: str) -> str:
    if fmt == "trig":
        return to_trig(canonical_dump(engine))
    if fmt == "graphml":
        from kg.network import assertion_network

        return to_graphml(assertion_network(engine))
    if fmt == "csv":
        return claims_csv(engine)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def canonical_dump(engine: OxigraphStore) -> bytes:
    """The store's quads as sorted N-Quads (Oxigraph's own dump order is not stable)."""
    lines = sorted({ln for ln in engine.dump_nquads().decode("utf-8").splitlines() if ln.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


__all__ = ["FORMATS", "canonical_dump", "claims_csv", "export", "to_graphml", "to_trig"]
