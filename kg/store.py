"""The embedded store behind a small interface: Oxigraph (pyoxigraph) for loading and querying.

Oxigraph parses and joins an order of magnitude faster than rdflib's memory store; rdflib stays for
building and for pySHACL, which needs an rdflib graph. Anything with ``query(sparql, bindings)``
can stand in for this class, for instance a remote SPARQL endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = dict[str, Term | None]


SubTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _subs(bindings: Mapping[str, Term] | None) -> dict[ox.Variable, SubTerm] | None:
    """SEP-0007 substitutions: values bound to variables, never spliced into the query text."""
    if not bindings:
        return None
    return {ox.Variable(k): v for k, v in bindings.items()}


class SparqlEngine(Protocol):
    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> tuple[list[str], list[Row]]: ...


class OxigraphStore:
    """An in-memory Oxigraph store holding the dataset with its named graphs."""

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_nquads(cls, path: Path) -> OxigraphStore:
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    @classmethod
    def from_nquads_bytes(cls, data: bytes) -> OxigraphStore:
        store = ox.Store()
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def __len__(self) -> int:
        return len(self.store)

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> tuple[list[str], list[Row]]:
        result = self.store.query(sparql, use_default_graph_as_union=True, substitutions=_subs(bindings))
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows = [{n: sol[n] for n in names} for sol in result]
        return names, rows

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        result = self.store.query(sparql, use_default_graph_as_union=True, substitutions=_subs(bindings))
        if not isinstance(result, ox.QueryBoolean):
            raise ValueError("expected an ASK query")
        return bool(result)

    def construct(self, sparql: str) -> Iterator[ox.Triple]:
        result = self.store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(result, ox.QueryTriples):
            raise ValueError("expected a CONSTRUCT query")
        yield from result

    def dump_nquads(self) -> bytes:
        out = self.store.dump(format=ox.RdfFormat.N_QUADS)
        assert out is not None
        return out


def python_value(term: Term | None) -> str | int | float | None:
    """Plain Python value of a term: IRIs as strings, typed numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    return term.value
