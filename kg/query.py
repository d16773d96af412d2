"""Named SPARQL queries: files in ``queries/``, run with bound parameters.

A query declares its parameters in its header (``# @param name: kind -- description``, kind is
``entity``, ``iri`` or ``literal``). Values are bound through the SPARQL engine's substitution
(SEP-0007), never spliced into the query text. An ``entity`` parameter accepts an id, label,
synonym or external identifier (CURIE) and is resolved to the entity's IRI first.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import paths
from kg.namespaces import PREFIXES
from kg.store import OxigraphStore, Row, python_value

_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s*:\s*(entity|iri|literal)\s*(?:--\s*(.*))?$")


class QueryError(ValueError):
    """A query name, parameter or value the user must fix (CLI exit code 2)."""


class UnknownEntityError(QueryError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; closest known names: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no entity is called {name!r}{hint}")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    title: str
    params: tuple[Param, ...]

    @property
    def header(self) -> str:
        return header_of(self.text)


def header_of(text: str) -> str:
    """The comment block at the top of a query file (its documentation), without the '#' marks."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    params: list[Param] = []
    title = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM.match(line)
        if m:
            params.append(Param(m.group(1), m.group(2), m.group(3) or ""))
        elif not title and line.strip("# ").strip():
            title = line.strip("# ").strip()
    return NamedQuery(path.stem, path, text, title, tuple(params))


@cache
def _catalogue(folder: str) -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(Path(folder).glob("*.rq"))}


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    return _catalogue(str(folder or paths.queries_dir()))


def get_query(name: str, folder: Path | None = None) -> NamedQuery:
    cat = named_queries(folder)
    if name in cat:
        return cat[name]
    path = Path(name)
    if path.suffix == ".rq" and path.is_file():
        return parse_query_file(path)
    close = difflib.get_close_matches(name, list(cat), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(cat)}"
    raise QueryError(f"no query named {name!r}{hint}")


@cache
def _lib_text(folder: str, name: str) -> str:
    return (Path(folder) / "lib" / f"{name}.rq").read_text(encoding="utf-8")


def lib_query(name: str) -> str:
    """Text of a library query (``queries/lib/NAME.rq``): used by kg's own code, not a competency question."""
    return _lib_text(str(paths.queries_dir()), name)


def resolve_entity(engine: OxigraphStore, name: str) -> ox.NamedNode:
    """IRI of the entity with this id, label, synonym or CURIE (case-insensitive)."""
    value = name.strip()
    if value.startswith(("http://", "https://")):
        return ox.NamedNode(value)
    _, rows = engine.select(lib_query("resolve-entity"), {"name": ox.Literal(value)})
    hits = sorted(r["e"].value for r in rows if r["e"] is not None)
    if len(hits) == 1:
        return ox.NamedNode(hits[0])
    if len(hits) > 1:
        # an id match wins; otherwise the first in IRI order, for determinism
        for h in hits:
            if h.rsplit("/", 1)[-1] == value.lower():
                return ox.NamedNode(h)
        return ox.NamedNode(hits[0])
    _, rows = engine.select(lib_query("entity-names"))
    names = sorted({str(r["v"].value) for r in rows if r["v"] is not None})
    lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(value.lower(), list(lower), n=5, cutoff=0.5)
    raise UnknownEntityError(name, [lower[c] for c in close])


def bind(
    engine: OxigraphStore, query: NamedQuery, params: Mapping[str, object]
) -> dict[str, ox.NamedNode | ox.Literal]:
    declared = {p.name: p for p in query.params}
    unknown = set(params) - set(declared)
    if unknown:
        allowed = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}; parameters: {allowed}")
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, value in params.items():
        kind = declared[name].kind
        if kind == "entity":
            out[name] = resolve_entity(engine, str(value))
        elif kind == "iri":
            text = str(value)
            if not re.match(r"^https?://\S+$", text):
                raise QueryError(f"parameter {name!r} must be an http(s) IRI, got {text!r}")
            out[name] = ox.NamedNode(text)
        elif isinstance(value, bool):
            out[name] = ox.Literal(str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
        elif isinstance(value, int):
            out[name] = ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        elif isinstance(value, float):
            out[name] = ox.Literal(repr(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
        else:
            out[name] = ox.Literal(str(value))
    return out


@dataclass
class Result:
    """Rows of a SELECT, as plain Python values; ``to_pandas()`` when pandas is installed."""

    columns: list[str]
    rows: list[dict[str, Any]]  # str | int | float | None

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rows)

    def to_pandas(self):  # type: ignore[no-untyped-def]
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)


def run_query(engine: OxigraphStore, name: str, params: Mapping[str, object] | None = None,
              folder: Path | None = None) -> Result:
    q = get_query(name, folder)
    bindings = bind(engine, q, params or {})
    columns, raw = engine.select(q.text, bindings)
    return Result(columns, [{c: python_value(r.get(c)) for c in columns} for r in raw])


def shorten(value: object) -> object:
    """IRIs as prefixed names or record ids, for tables."""
    if not isinstance(value, str):
        return value
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and len(value) > len(ns):
            local = value[len(ns):]
            return local if prefix == "id" else f"{prefix}:{local}"
    return value


def raw_rows(rows: list[Row]) -> list[dict[str, str | int | float | None]]:
    return [{k: python_value(v) for k, v in r.items()} for r in rows]
