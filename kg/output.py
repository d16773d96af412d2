"""Render query results as table, CSV, TSV or JSON (for the CLI and the HTTP layer)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

from kg.query import shorten

FORMATS = ("table", "csv", "tsv", "json")

Rows = Sequence[Mapping[str, object]]


def render(columns: list[str], rows: Rows, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
        return buf.getvalue()
    return table(columns, rows)


def table(columns: list[str], rows: Rows, max_width: int = 60) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(shorten(value))
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def cite(source: str, *, year: str | None = None, pmid: str | None = None, doi: str | None = None,
         nct: str | None = None) -> str:
    """A short citation: the source id, its year, and the identifiers a reader can look it up by."""
    ids = [f"PMID:{pmid}" if pmid else "", f"DOI:{doi}" if doi else "", nct or ""]
    extra = ", ".join(i for i in ids if i)
    return f"{source}{' ' + year if year else ''}" + (f" ({extra})" if extra else "")
