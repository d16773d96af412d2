"""Integrity over every curated record of data/, and the quality checks in queries/checks/.

The loader enforces ids, references, CURIE patterns, units per measure and non-negative numbers
(each failure names the record); these tests add the rules that need the whole collection.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg import paths, terms
from kg.graph import KnowledgeGraph
from kg.loader import CuratedData, load_curated
from kg.query import get_query

CHECKS = sorted((paths.queries_dir() / "checks").glob("*.rq"))


@pytest.fixture(scope="module")
def data() -> CuratedData:
    return load_curated(paths.data_dir())


def test_sources_defined_once(data: CuratedData) -> None:
    for key in ("pmid", "doi", "nct"):
        # a paper and the trial record it reports share an NCT id: only records of one type must not
        seen = Counter((s.type if key == "nct" else "", getattr(s, key).lower())
                       for s in data.sources.values() if getattr(s, key))
        dups = {k: n for k, n in seen.items() if n > 1}
        assert not dups, f"the same {key} is defined by several sources (merge them): {dups}"


def test_years_plausible(data: CuratedData) -> None:
    bad = [s.id for s in data.sources.values() if s.year is not None and not 1800 <= s.year <= 2026]
    assert not bad, f"implausible years: {bad}"


def test_every_claim_has_evidence_and_polarity(data: CuratedData) -> None:
    for c in data.claims.values():
        assert c.evidence in terms.EVIDENCE and c.polarity in terms.POLARITIES, c.id


def test_quantitative_claims_name_assay_or_species(data: CuratedData) -> None:
    missing = [c.id for c in data.claims.values()
               if c.measurement is not None and not (c.measurement.assay or c.measurement.species)]
    assert not missing, f"measurements without assay system or species: {missing[:20]}"


def test_ratios_positive(data: CuratedData) -> None:
    bad = [c.id for c in data.claims.values()
           if c.measurement is not None and c.measurement.unit == "ratio" and c.measurement.value <= 0]
    assert not bad


def test_seed_claims_cover_the_article(data: CuratedData) -> None:
    seed = [c for c in data.claims.values() if c.source == "seed-article"]
    assert len(seed) >= 15
    assert all(c.evidence == "promotional" for c in seed)
    text = (Path(paths.project_root()).parent / "shared" / "sources" / "seed-article.txt")
    if text.is_file():
        import hashlib

        assert hashlib.sha256(text.read_bytes()).hexdigest() == data.sources["seed-article"].sha256


@pytest.mark.parametrize("check", CHECKS, ids=[c.stem for c in CHECKS])
def test_quality_check_returns_no_rows(check: Path, graph: KnowledgeGraph) -> None:
    q = get_query(str(check))
    _, rows = graph.engine.select(q.text)
    assert not rows, f"{check.name}: {len(rows)} row(s), e.g. {rows[:5]}"


def test_data_readme_lists_every_term() -> None:
    """The curators' guide names every predicate, evidence type, measure and unit the loader accepts."""
    doc = (paths.project_root() / "data" / "README.md").read_text(encoding="utf-8")
    for table in (terms.PREDICATES, terms.EVIDENCE, terms.MEASURES, terms.UNITS):
        missing = [key for key in table if f"`{key}`" not in doc]
        assert not missing, f"data/README.md does not mention {missing}"
