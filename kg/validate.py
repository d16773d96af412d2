"""Check the built dataset: SHACL shapes (pySHACL, the reference) and OWL consistency (HermiT).

pySHACL validates each named graph of a Dataset on its own, and shapes here follow links across
graphs (a claim to its source), so it runs on one union graph. HermiT rejects literals outside the
OWL 2 datatype map (xsd:date, xsd:gYear), so the OWL step reasons over the ontology and the typed
individuals with their object-property links only.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH

from kg import paths
from kg.loader import Location
from kg.namespaces import ENTITY, GRAPH_ONTOLOGY, KKG


class JavaMissingError(RuntimeError):
    """The OWL reasoner (HermiT) needs a Java runtime."""


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


def owl_graph(ds: Dataset) -> Graph:
    """Ontology plus typed individuals and object-property links, without literals."""
    g = Graph()
    onto = ds.graph(GRAPH_ONTOLOGY)
    for s, p, o in onto:
        if isinstance(o, Literal) and p not in (RDF.type,):
            continue
        g.add((s, p, o))
    object_props = set(onto.subjects(RDF.type, OWL.ObjectProperty))
    for ctx in ds.graphs():
        if ctx.identifier == GRAPH_ONTOLOGY:
            continue
        for s, p, o in ctx:
            if p == RDF.type or p in object_props:
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    g.add((s, p, o))
    for s in set(g.subjects(RDF.type, None)) - set(onto.subjects()):
        g.add((s, RDF.type, OWL.NamedIndividual))
    return g


def java_available() -> bool:
    return shutil.which("java") is not None


def run_owl(g: Graph) -> tuple[bool, str]:
    """Consistency under HermiT; returns (consistent, message)."""
    if not java_available():
        raise JavaMissingError(
            "The OWL consistency check runs HermiT, which needs Java. Install a Java runtime "
            "(Debian/Ubuntu: apt-get install default-jre-headless; macOS: brew install openjdk) "
            "or skip the OWL step with --no-owl."
        )
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg-owl.nt"
        g.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, "the ontology and data are inconsistent under HermiT (OWL 2 DL)"
        unsat = [str(c) for c in world.inconsistent_classes()]
        if unsat:
            return False, "unsatisfiable classes: " + ", ".join(sorted(unsat))
    return True, "consistent under HermiT"


def validate_dataset(ds: Dataset, locations: Mapping[str, Location] | None = None, *, owl: bool = True,
                     shapes_dir: Path | None = None) -> ValidationReport:
    report = run_shacl(union_graph(ds), shapes_graph(shapes_dir), locations)
    if owl:
        consistent, msg = run_owl(owl_graph(ds))
        report.owl_consistent = consistent
        report.owl_message = msg
        report.conforms = report.conforms and consistent
    return report


__all__ = ["KKG", "JavaMissingError", "ValidationReport", "Violation", "validate_dataset"]
