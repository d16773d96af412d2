"""The assertion layer as a networkx MultiDiGraph: one edge per assertion, with its status."""

from __future__ import annotations

import networkx as nx

from kg.query import run_query
from kg.store import OxigraphStore


def assertion_network(engine: OxigraphStore) -> nx.MultiDiGraph:
    """Nodes are record ids (with label and type); edges carry relation, status and claim counts."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for row in run_query(engine, "assertion-edges").rows:
        s, o = str(row["subject"]), str(row["object"])
        for node_id, label, ntype in ((s, row["subject_label"], row["subject_type"]),
                                      (o, row["object_label"], row["object_type"])):
            if node_id not in g:
                g.add_node(node_id, label=label, type=ntype)
        g.add_edge(s, o, key=str(row["relation"]), relation=row["relation"], status=row["status"],
                   affirming=row["affirming"], negating=row["negating"], assertion=row["assertion"])
    return g
