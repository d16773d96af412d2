"""Each SHACL shape against a conforming and a non-conforming fixture (tests/shapes/), pySHACL style:
the non-conforming fixture's report must be exactly the (focus, path, shape) triples in its
``.expected`` file, so a shape that fires too much or too little fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import ontology_graph
from kg.namespaces import ENTITY
from kg.validate import run_shacl, shapes_graph

HERE = Path(__file__).parent / "shapes"
CASES = sorted(p.name.removesuffix(".expected") for p in HERE.glob("*.expected"))
SHAPE_NAMES = {
    str(s).rsplit("#", 1)[-1]
    for s in shapes_graph().subjects()
    if str(s).startswith("https://w3id.org/kratom-kg/shapes#") and not str(s).endswith("FindableSourceShape")
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def _validate(fixture: Path, onto: Graph, shapes: Graph) -> set[tuple[str, str, str]]:
    g = Graph()
    g += onto
    g.parse(fixture, format="turtle")
    report = run_shacl(g, shapes)
    return {(v.focus.removeprefix(str(ENTITY)), v.path or "-", v.shape) for v in report.violations}


def test_every_shape_has_fixtures() -> None:
    assert set(CASES) == SHAPE_NAMES


@pytest.mark.parametrize("case", CASES)
def test_conforming_fixture(case: str, onto: Graph, shapes: Graph) -> None:
    assert _validate(HERE / f"{case}.valid.ttl", onto, shapes) == set()


@pytest.mark.parametrize("case", CASES)
def test_non_conforming_fixture(case: str, onto: Graph, shapes: Graph) -> None:
    expected = {tuple(line.split()) for line in (HERE / f"{case}.expected").read_text().splitlines() if line.strip()}
    assert _validate(HERE / f"{case}.invalid.ttl", onto, shapes) == expected
