"""The assertion layer as a networkx MultiDiGraph: one edge per assertion, with its status."""

from __future__ import annotations

import itertools

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


CREDIBLE_STATUSES = frozenset({"established", "supported", "contested"})
# Hubs that would link anything to anything (every PK study points at "human") make no mechanism.
NON_MECHANISTIC = frozenset({"has_pk_parameter"})


def credible_view(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected view over edges whose assertion has credible support (not refuted or unsupported)."""
    h: nx.Graph = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, data in g.edges(data=True):
        if data.get("status") in CREDIBLE_STATUSES and data.get("relation") not in NON_MECHANISTIC:
            h.add_edge(u, v)
    return h


def _hop(g: nx.MultiDiGraph, u: str, v: str) -> str:
    """One step of a chain, with the relation and its direction as stated in the graph."""
    for a, b, arrow in ((u, v, "->"), (v, u, "<-")):
        edges = g.get_edge_data(a, b) or {}
        for data in edges.values():
            if data.get("status") in CREDIBLE_STATUSES and data.get("relation") not in NON_MECHANISTIC:
                rel = data["relation"]
                return f" -{rel}-> " if arrow == "->" else f" <-{rel}- "
    return " - "


def connecting_paths(g: nx.MultiDiGraph, source: str, target: str, *, limit: int = 3,
                     view: nx.Graph | None = None) -> list[str]:
    """Readable chains linking two records over credible assertions, shortest first, e.g.
    ``kratom -contains-> mitragynine -inhibits-> cyp3a4 <-substrate_of- midazolam``.

    These are for browsing other routes between the two; an inferred interaction's own explanation
    is the set of claims its rule matched.
    """
    h = view if view is not None else credible_view(g)
    if source not in h or target not in h:
        return []
    try:
        paths = nx.all_shortest_paths(h, source, target)
        out = []
        for path in paths:
            text = path[0]
            for u, v in itertools.pairwise(path):
                text += _hop(g, u, v) + v
            out.append(text)
            if len(out) >= limit:
                break
        return sorted(out)
    except nx.NetworkXNoPath:
        return []
