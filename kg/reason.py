"""OWL reasoning with HermiT (owlready2): consistency, and classification into defined classes.

The ontology defines classes such as ``kkg:CYP3A4Inhibitor`` or ``kkg:CNSDepressantDrug`` by
restrictions on the assertion layer and on drug-class membership; HermiT places entities in them,
and the memberships it derives land in the inferred named graph, where the interaction rules can
use them. HermiT rejects literals outside the OWL 2 datatype map (xsd:date, xsd:gYear), so it
reasons over the ontology plus the typed individuals and their object-property links only.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from kg.namespaces import GRAPH_INFERRED, GRAPH_ONTOLOGY, KKG


class JavaMissingError(RuntimeError):
    """The OWL reasoner (HermiT) needs a Java runtime."""


JAVA_HINT = (
    "The OWL step runs HermiT, which needs Java. Install a Java runtime "
    "(Debian/Ubuntu: apt-get install default-jre-headless; macOS: brew install openjdk) "
    "or skip the OWL step with --no-owl."
)


@dataclass
class ReasonResult:
    consistent: bool
    message: str
    memberships: list[tuple[URIRef, URIRef]] = field(default_factory=list)  # (individual, defined class)


def java_available() -> bool:
    return shutil.which("java") is not None


def defined_classes(onto: Graph) -> list[URIRef]:
    """Classes of our vocabulary with an equivalent-class definition."""
    return sorted(c for c in set(onto.subjects(OWL.equivalentClass, None))
                  if isinstance(c, URIRef) and str(c).startswith(str(KKG)))


def owl_graph(ds: Dataset) -> Graph:
    """Ontology plus typed individuals and object-property links, without literals."""
    g = Graph()
    onto = ds.graph(GRAPH_ONTOLOGY)
    for s, p, o in onto:
        if isinstance(o, Literal):
            continue
        g.add((s, p, o))
    object_props = set(onto.subjects(RDF.type, OWL.ObjectProperty))
    for ctx in ds.graphs():
        if ctx.identifier in (GRAPH_ONTOLOGY, GRAPH_INFERRED):
            continue
        for s, p, o in ctx:
            if (p == RDF.type or p in object_props) and isinstance(s, URIRef) and isinstance(o, URIRef):
                g.add((s, p, o))
    for s in set(g.subjects(RDF.type, None)) - set(onto.subjects()):
        g.add((s, RDF.type, OWL.NamedIndividual))
    return g


def reason(ds: Dataset) -> ReasonResult:
    """Run HermiT once: consistency, then the defined-class memberships it derives."""
    if not java_available():
        raise JavaMissingError(JAVA_HINT)
    import owlready2

    g = owl_graph(ds)
    asserted = {(s, o) for s, o in g.subject_objects(RDF.type)}
    targets = defined_classes(ds.graph(GRAPH_ONTOLOGY))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg-owl.nt"
        g.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasonResult(False, "the ontology and data are inconsistent under HermiT (OWL 2 DL)")
        unsat = sorted(str(c) for c in world.inconsistent_classes())
        if unsat:
            return ReasonResult(False, "unsatisfiable classes: " + ", ".join(unsat))
        found: set[tuple[URIRef, URIRef]] = set()
        for cls_iri in targets:
            cls = world[str(cls_iri)]
            if cls is None:
                continue
            for ind in cls.instances(world=world):
                pair = (URIRef(ind.iri), cls_iri)
                if pair not in asserted:
                    found.add(pair)
    return ReasonResult(True, f"consistent under HermiT; {len(found)} defined-class memberships inferred",
                        sorted(found))


def add_memberships(ds: Dataset, result: ReasonResult) -> int:
    """Put the derived memberships into the inferred graph, marked as entailed by HermiT."""
    target = ds.graph(GRAPH_INFERRED)
    for ind, cls in result.memberships:
        target.add((ind, RDF.type, cls))
    return len(result.memberships)
