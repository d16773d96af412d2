"""Counts of the graph, computed by SPARQL (queries/stats.rq) from the built graph."""

from __future__ import annotations

from kg.query import run_query
from kg.store import OxigraphStore


def stats(engine: OxigraphStore) -> dict[str, int]:
    result = run_query(engine, "stats")
    row = result.rows[0]
    return {k: int(v or 0) for k, v in row.items()}  # type: ignore[arg-type]

