"""Check the built dataset against the SHACL shapes (pySHACL, the reference implementation).

pySHACL validates each named graph of a Dataset on its own, and shapes here follow links across
graphs (a claim to its source), so it runs on one union graph. OWL consistency comes from the
build's HermiT run (kg.reason) and is folded into the same report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from kg import paths
from kg.loader import Location
from kg.namespaces import ENTITY
from kg.reason import ReasonResult


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    where: str  # file:line of the curated record, or "" for derived nodes
    shape: str = ""  # the node shape that reported it (local name)

    def __str__(self) -> str:
        loc = f"{self.where}: " if self.where else ""
        rec = self.focus.removeprefix(str(ENTITY))
        path = f" [{self.path}]" if self.path else ""
        shape = f" ({self.shape})" if self.shape else ""
        return f"{loc}{rec}{path}: {self.message}{shape}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    owl_consistent: bool | None = None
    owl_message: str = ""


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g


def shapes_graph(shapes_dir: Path | None = None) -> Graph:
    g = Graph()
    for path in sorted((shapes_dir or paths.shapes_dir()).glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def _record_id(focus: str) -> str:
    local = focus.removeprefix(str(ENTITY))
    parts = local.split("/")
    return parts[1] if len(parts) > 1 else local


def run_shacl(data_graph: Graph, shapes: Graph, locations: Mapping[str, Location] | None = None) -> ValidationReport:
    import pyshacl

    conforms, report, _text = pyshacl.validate(
        data_graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    assert isinstance(report, Graph)
    parent = {ps: ns for ns, ps in shapes.subject_objects(SH.property)}
    violations: list[Violation] = []
    for result in report.objects(None, SH.result):
        focus = str(report.value(result, SH.focusNode))
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        loc = (locations or {}).get(_record_id(focus))
        source = report.value(result, SH.sourceShape)
        shape = parent.get(source, source) if source is not None else None
        violations.append(
            Violation(
                focus=focus,
                path=path.n3(data_graph.namespace_manager) if isinstance(path, URIRef) else "",
                message=str(message) if message is not None else "constraint violated",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                where=f"{loc.file}:{loc.line}" if loc else "",
                shape=str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else "",
            )
        )
    violations.sort(key=lambda v: (v.where, v.focus, v.path, v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def validate_dataset(ds: Dataset, locations: Mapping[str, Location] | None = None, *,
                     owl: ReasonResult | None = None, shapes_dir: Path | None = None) -> ValidationReport:
    """SHACL over the union graph; the OWL verdict comes from the build's one HermiT run."""
    report = run_shacl(union_graph(ds), shapes_graph(shapes_dir), locations)
    if owl is not None:
        report.owl_consistent = owl.consistent
        report.owl_message = owl.message
        report.conforms = report.conforms and owl.consistent
    return report


__all__ = ["ValidationReport", "Violation", "validate_dataset"]
