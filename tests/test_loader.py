"""The loader's errors name the file, line, record and field, and say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loader import LoadError, load_curated


def test_fixture_loads(fixture_data: Path) -> None:
    data = load_curated(fixture_data)
    assert data.entity_type("mitragynine") == "compound"
    assert data.claims["hanapi2013-mtg-cyp2c9-ic50"].measurement is not None
    assert data.locations["hanapi2013-mtg-cyp2c9-ic50"].file == "data/claims/claims.yaml"
    assert data.locations["hanapi2013-mtg-cyp2c9-ic50"].line == 1


BROKEN_CLAIM = """
- id: broken-claim
  subject: mitragynine
  predicate: inhibits
  object: cyp3a4
  polarity: affirmed
  evidence: in-vitro-enzyme-inhibition-hlm
  source: hanapi2013
  statement: Mitragynine inhibited CYP3A4 in human liver microsomes.
"""


def _add(folder: Path, rel: str, text: str) -> None:
    (folder / rel).parent.mkdir(parents=True, exist_ok=True)
    (folder / rel).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        ("claims/bad.yaml", BROKEN_CLAIM.replace("subject: mitragynine", "subject: mitragynin"),
         ["data/claims/bad.yaml:2", "'broken-claim'", "'subject'", "unknown entity 'mitragynin'"]),
        ("claims/bad.yaml", BROKEN_CLAIM.replace("source: hanapi2013", "source: nobody2020"),
         ["'broken-claim'", "'source'", "unknown source 'nobody2020'"]),
        ("claims/bad.yaml", BROKEN_CLAIM + "  colour: red\n",
         ["data/claims/bad.yaml:10", "'colour'", "unknown field"]),
        ("claims/bad.yaml", BROKEN_CLAIM.replace("predicate: inhibits", "predicate: loves"),
         ["'broken-claim'", "predicate 'loves' unknown"]),
        ("claims/bad.yaml", BROKEN_CLAIM.replace("object: cyp3a4", "object: midazolam"),
         ["'object'", "'midazolam' is a substance; expected target"]),
        ("claims/bad.yaml", BROKEN_CLAIM + "  measurement: {measure: AUC-ratio, value: 1.4, unit: uM}\n",
         ["'measurement'", "unit 'uM' does not fit measure AUC-ratio", "ratio"]),
        ("claims/bad.yaml", BROKEN_CLAIM + "  measurement: {measure: IC50, value: -3, unit: uM}\n",
         ["'measurement'", "negative"]),
        ("claims/bad.yaml", BROKEN_CLAIM.replace("id: broken-claim", "id: hanapi2013-mtg-cyp2c9-ic50"),
         ["data/claims/claims.yaml:1", "duplicate id", "first defined at data/claims/bad.yaml:2"]),
        ("claims/bad.yaml", "- id: x\n  subject: [unclosed\n",
         ["data/claims/bad.yaml", "YAML syntax error"]),
        ("entities/compounds-extra.yaml", "- id: speciogynine\n  label: speciogynine\n  kind: alkaloid\n"
         "  xrefs: [PUBCHEM:123]\n",
         ["data/entities/compounds-extra.yaml:4", "'speciogynine'", "'xrefs'", "unknown prefix 'PUBCHEM'"]),
        ("entities/compounds-extra.yaml", "- id: speciogynine\n  label: speciogynine\n  kind: alkaloid\n"
         "  xrefs: ['CAS:4098-40']\n",
         ["'xrefs'", "does not match CAS pattern"]),
        ("entities/compounds-extra.yaml", "- id: Speciogynine\n  label: speciogynine\n  kind: alkaloid\n",
         ["'id'", "pattern"]),
        ("entities/gizmos.yaml", "- id: g\n  label: g\n", ["unknown entity file name"]),
        ("sources/bad.yaml", "- id: lost2020\n  type: journal-article\n  title: A paper nobody can find\n",
         ["'lost2020'", "needs a pmid, doi, nct or url"]),
        ("sources/bad.yaml", "- id: lost2020\n  type: journal-article\n  title: A paper\n  pmid: PMID123\n",
         ["'lost2020'", "pmid 'PMID123' does not match"]),
        ("regulatory/bad.yaml", "- id: a1\n  date: March 2016\n  agency: DEA\n  jurisdiction: USA\n"
         "  action_type: notice-of-intent\n  subjects: [kratom]\n  document: notice\n  source: hanapi2013\n"
         "  summary: A notice of intent to schedule.\n  status: confirmed\n",
         ["'a1'", "date 'March 2016' is not YYYY"]),
    ],
)
def test_bad_input_names_file_record_field(fixture_data: Path, rel: str, text: str, expected: list[str]) -> None:
    _add(fixture_data, rel, text)
    with pytest.raises(LoadError) as err:
        load_curated(fixture_data)
    message = str(err.value)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in:\n{message}"


def test_all_problems_reported_at_once(fixture_data: Path) -> None:
    _add(fixture_data, "claims/bad.yaml", BROKEN_CLAIM.replace("subject: mitragynine", "subject: nope")
         .replace("source: hanapi2013", "source: nobody"))
    with pytest.raises(LoadError) as err:
        load_curated(fixture_data)
    assert len(err.value.problems) == 2


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="data folder not found"):
        load_curated(tmp_path / "nope")
