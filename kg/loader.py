"""Read the curated YAML into typed records, or say exactly what is wrong.

Every problem names the file, the line, the record id and the field, so a curator can fix it
without reading code. All problems are collected before failing, so one run shows them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from kg import terms
from kg.model import Claim, Entity, Interaction, Record, RegulatoryAction, Source


@dataclass(frozen=True)
class Location:
    file: str
    line: int


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        rec = f" record {self.record!r}" if self.record else ""
        fld = f" field {self.field!r}" if self.field else ""
        return f"{where}:{rec}{fld}: {self.message}"


class LoadError(Exception):
    """The curated data cannot be read; ``problems`` lists each fault."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:200])
        more = f"\n  ... and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"{len(problems)} problem(s) in the curated data:\n{lines}{more}")


@dataclass
class CuratedData:
    """All curated records, by kind, with where each came from."""

    root: Path
    entities: dict[str, tuple[str, Entity]] = field(default_factory=dict)  # id -> (type, record)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    interactions: dict[str, Interaction] = field(default_factory=dict)
    actions: dict[str, RegulatoryAction] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)

    def entity_type(self, local_id: str) -> str | None:
        found = self.entities.get(local_id)
        return found[0] if found else None


M = TypeVar("M", bound=BaseModel)


def _records(path: Path, rel: str, problems: list[Problem]) -> Iterator[tuple[dict[str, Any], int, dict[str, int]]]:
    """Yield (record, line, field lines) for each mapping in a YAML list file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, 1, "", "", f"not UTF-8 text ({exc.reason}); save the file as UTF-8"))
        return
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problems.append(Problem(rel, line, "", "", f"YAML syntax error: {getattr(exc, 'problem', exc)}"))
        return
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(rel, root.start_mark.line + 1, "", "", "the file must be a YAML list of records"))
        return
    loader = yaml.SafeLoader("")
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(rel, line, "", "", "each list item must be a mapping (key: value)"))
            continue
        field_lines: dict[str, int] = {}
        keys: list[str] = []
        for key_node, _ in node.value:
            key = str(key_node.value)
            if key in field_lines:
                problems.append(Problem(rel, key_node.start_mark.line + 1, "", key, "field given twice"))
            field_lines[key] = key_node.start_mark.line + 1
            keys.append(key)
        data = loader.construct_document(node)
        yield data, line, field_lines
    loader.dispose()


def _parse(model: type[M], data: dict[str, Any], rel: str, line: int, field_lines: dict[str, int],
           problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        rid = str(data.get("id", ""))
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            fld = ".".join(loc)
            fline = field_lines.get(loc[0], line) if loc else line
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown field; see data/README.md for the fields of this record type"
            elif err["type"] == "missing":
                msg = "required field is missing"
            problems.append(Problem(rel, fline, rid, fld, msg.removeprefix("Value error, ")))
        return None


def _entity_type(path: Path) -> str | None:
    stem = path.stem.split("-", 1)[0]
    return terms.ENTITY_FILES.get(stem)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_curated(root: Path) -> CuratedData:
    """Read and cross-check every record under ``root`` (the ``data/`` folder)."""
    if not root.is_dir():
        raise LoadError([Problem(str(root), 0, "", "", "data folder not found; pass --data PATH")])
    problems: list[Problem] = []
    data = CuratedData(root=root)

    def rel(path: Path) -> str:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            return str(path)

    def register(rid: str, loc: Location, fline: int) -> bool:
        if rid in data.locations:
            first = data.locations[rid]
            problems.append(Problem(loc.file, fline, rid, "id",
                                    f"duplicate id; first defined at {first.file}:{first.line}: rename one"))
            return False
        data.locations[rid] = loc
        return True

    for path in _yaml_files(root / "entities"):
        etype = _entity_type(path)
        if etype is None:
            names = ", ".join(f"{k}.yaml" for k in terms.ENTITY_FILES)
            problems.append(Problem(rel(path), 1, "", "", f"unknown entity file name; use one of {names} "
                                    "(optionally with -topic before .yaml)"))
            continue
        for raw, line, flines in _records(path, rel(path), problems):
            rec = _parse(Entity, raw, rel(path), line, flines, problems)
            if rec is not None and register(rec.id, Location(rel(path), line), flines.get("id", line)):
                data.entities[rec.id] = (etype, rec)

    folders: list[tuple[str, type[Record], dict[str, Any]]] = [
        ("sources", Source, data.sources),  # type: ignore[list-item]
        ("claims", Claim, data.claims),  # type: ignore[list-item]
        ("interactions", Interaction, data.interactions),  # type: ignore[list-item]
        ("regulatory", RegulatoryAction, data.actions),  # type: ignore[list-item]
    ]
    for folder, model, target in folders:
        for path in _yaml_files(root / folder):
            for raw, line, flines in _records(path, rel(path), problems):
                record = _parse(model, raw, rel(path), line, flines, problems)
                if record is not None and register(record.id, Location(rel(path), line), flines.get("id", line)):
                    target[record.id] = record

    problems.extend(_cross_check(data))
    if problems:
        raise LoadError(problems)
    return data


def _cross_check(data: CuratedData) -> list[Problem]:
    """References resolve and fit their types; type-specific fields are where they belong."""
    out: list[Problem] = []

    def bad(rid: str, fld: str, msg: str) -> None:
        loc = data.locations[rid]
        out.append(Problem(loc.file, loc.line, rid, fld, msg))

    def expect(rid: str, fld: str, ref: str, allowed: tuple[str, ...]) -> None:
        etype = data.entity_type(ref)
        if etype is None:
            bad(rid, fld, f"unknown entity {ref!r}; define it under data/entities/ first")
        elif etype not in allowed:
            bad(rid, fld, f"{ref!r} is a {etype}; expected {' or '.join(allowed)}")

    def expect_source(rid: str, fld: str, ref: str) -> None:
        if ref not in data.sources:
            bad(rid, fld, f"unknown source {ref!r}; add it under data/sources/")

    for rid, (etype, ent) in data.entities.items():
        if etype == "target":
            if ent.kind not in terms.TARGET_KINDS:
                bad(rid, "kind", f"a target needs kind: one of {', '.join(terms.TARGET_KINDS)}")
        elif etype == "compound":
            if ent.kind not in terms.COMPOUND_KINDS:
                bad(rid, "kind", f"a compound needs kind: one of {', '.join(terms.COMPOUND_KINDS)}")
        elif ent.kind is not None:
            bad(rid, "kind", f"kind is only for targets and compounds, not a {etype}")
        if ent.classes and etype != "substance":
            bad(rid, "classes", "classes are only for substances; use an in_class claim")
        for cls in ent.classes:
            expect(rid, "classes", cls, ("drug_class",))
        if etype == "product":
            if ent.natural_product is None:
                bad(rid, "natural_product", "a product names the natural product it is made of")
            else:
                expect(rid, "natural_product", ent.natural_product, ("natural_product",))
            if ent.form is not None and ent.form not in terms.PRODUCT_FORMS:
                bad(rid, "form", f"form must be one of {', '.join(terms.PRODUCT_FORMS)}")
        elif ent.natural_product is not None or ent.form is not None:
            bad(rid, "natural_product", "natural_product and form are only for products")
        for src in ent.sources:
            expect_source(rid, "sources", src)

    for rid, s in data.sources.items():
        if s.study is not None and s.study.species is not None:
            expect(rid, "study.species", s.study.species, ("organism",))

    for rid, c in data.claims.items():
        pred = terms.PREDICATES[c.predicate]
        expect(rid, "subject", c.subject, pred.subjects)
        expect(rid, "object", c.object, pred.objects)
        expect_source(rid, "source", c.source)
        if c.measurement is not None and c.measurement.species is not None:
            expect(rid, "measurement.species", c.measurement.species, ("organism",))
        for key, allowed in (("enzyme", ("target",)), ("product", ("product", "natural_product")),
                             ("species", ("organism",))):
            ref = c.qualifiers.get(key)
            if ref is not None:
                expect(rid, f"qualifiers.{key}", str(ref), allowed)
        if c.evidence == "promotional" and data.sources.get(c.source) is not None:
            if data.sources[c.source].type != "promotional-article":
                bad(rid, "evidence", "evidence 'promotional' is for claims of a promotional-article source")

    for rid, i in data.interactions.items():
        expect(rid, "precipitant", i.precipitant, terms.CHEMICAL_TYPES)
        expect(rid, "object", i.object, ("substance", "compound", "drug_class"))
        if i.target is not None:
            expect(rid, "target", i.target, ("target",))
        for cid in i.claims:
            if cid not in data.claims:
                bad(rid, "claims", f"unknown claim {cid!r}")

    for rid, a in data.actions.items():
        for subj in a.subjects:
            if data.entity_type(subj) is None:
                bad(rid, "subjects", f"unknown entity {subj!r}")
        expect_source(rid, "source", a.source)
    return out
