"""Inference rules: SPARQL CONSTRUCT files in ``queries/rules/``, run over the built graph.

Each rule writes :class:`kkg:InferredInteraction` nodes whose ``kkg:evidenceClaim`` values are the
claims the rule matched, so an inferred interaction carries its own explanation. The inferred
triples go into the named graph ``GRAPH_INFERRED``; the output is deterministic (IRIs are built
from record ids, no blank nodes, and the build serialises sorted N-Quads).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg import paths
from kg.namespaces import GRAPH_INFERRED
from kg.query import header_of
from kg.store import OxigraphStore


@dataclass(frozen=True)
class Rule:
    name: str
    path: Path
    text: str

    @property
    def header(self) -> str:
        return header_of(self.text)


def rules_dir() -> Path:
    return paths.queries_dir() / "rules"


def load_rules(folder: Path | None = None) -> list[Rule]:
    """Every rule file, in name order."""
    folder = folder or rules_dir()
    return [Rule(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):  # pragma: no cover - rules never mint blank nodes
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # a simple literal, as the builder writes them
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def run_rules(engine: OxigraphStore, folder: Path | None = None) -> Graph:
    """Run every rule over the store and return the inferred triples as one rdflib graph."""
    g = Graph()
    for rule in load_rules(folder):
        for t in engine.construct(rule.text):
            g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))  # type: ignore[arg-type]
    return g


def store_from_dataset(ds: Dataset) -> OxigraphStore:
    """An Oxigraph store with the dataset's named graphs (for running rules at build time)."""
    data = ds.serialize(format="nquads", encoding="utf-8")
    return OxigraphStore.from_nquads_bytes(data)


def add_inferred(ds: Dataset, folder: Path | None = None, engine: OxigraphStore | None = None) -> int:
    """Run the rules over the dataset (or a store already loaded with it) and add their triples to its
    ``GRAPH_INFERRED``; returns the count."""
    inferred = run_rules(engine or store_from_dataset(ds), folder)
    target = ds.graph(GRAPH_INFERRED)
    for triple in inferred:
        target.add(triple)
    return len(inferred)


def add_inferred_to_store(engine: OxigraphStore, folder: Path | None = None) -> int:
    """Run the rules over a loaded store and insert the results into its inferred graph in place.

    Used when a graph was loaded without an inferred layer (e.g. built in memory from data/).
    """
    graph = ox.NamedNode(str(GRAPH_INFERRED))
    count = 0
    quads = []
    for rule in load_rules(folder):
        for t in engine.construct(rule.text):
            quads.append(ox.Quad(t.subject, t.predicate, t.object, graph))
    for q in quads:
        engine.store.add(q)
        count += 1
    return count


def has_inferred(engine: OxigraphStore) -> bool:
    return engine.ask("PREFIX kkg: <https://w3id.org/kratom-kg/vocab#> ASK { ?i a kkg:InferredInteraction }")


__all__ = ["Rule", "add_inferred", "add_inferred_to_store", "has_inferred", "load_rules", "rules_dir", "run_rules"]
