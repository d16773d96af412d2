"""The build is deterministic, atomic, and the packaged graph is the build of data/."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import paths
from kg.cli import main
from kg.loader import load_curated
from kg.pipeline import assemble, canonical_nquads


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def test_two_builds_identical(fixture_data: Path, tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        code, output = _build(["build", "--data", str(fixture_data), "--out", str(tmp_path / name), "--no-owl"])
        assert code == 0, output
        outs.append(_files(tmp_path / name))
    assert outs[0] == outs[1]
    assert {"kratom-kg.nq", "kratom-kg.trig", "kratom-kg.ttl", "build-report.json", "claims.csv",
            "assertions.graphml", "kgx/nodes.tsv", "kgx/edges.tsv"} <= set(outs[0])
    report = json.loads(outs[0]["build-report.json"])
    assert report["conforms"] is True
    assert report["counts"]["claims"] == 3
    assert report["counts"]["seed_claims"] == 1


def test_broken_file_exit_2_and_dist_untouched(fixture_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    code, _ = _build(["build", "--data", str(fixture_data), "--out", str(out), "--no-owl"])
    assert code == 0
    before = _files(out)
    (fixture_data / "claims" / "claims.yaml").write_text(
        (fixture_data / "claims" / "claims.yaml").read_text().replace("object: cyp2c9", "object: cyp9z9"))
    code, output = _build(["build", "--data", str(fixture_data), "--out", str(out), "--no-owl"])
    assert code == 2
    assert "data/claims/claims.yaml" in output and "hanapi2013-mtg-cyp2c9-ic50" in output and "'object'" in output
    assert _files(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".dist")]


def test_shape_violation_exit_1(fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data that loads but breaks a shape: a claim that is promotional but not from a promotional article
    is caught by the loader, so break a shape the loader cannot see: an unknown predicate in the ontology."""
    onto = tmp_path / "kratom-kg.ttl"
    text = paths.ontology_file().read_text().replace(
        "kkg:inhibits a owl:ObjectProperty ; rdfs:subPropertyOf kkg:relation ;", "kkg:inhibits a owl:ObjectProperty ;")
    onto.write_text(text)
    monkeypatch.setattr(paths, "ontology_file", lambda: onto)
    code, output = _build(["validate", "--data", str(fixture_data), "--no-owl"])
    assert code == 1, output
    assert "data/claims/claims.yaml:1" in output and "not a kratom-kg relation" in output


def test_packaged_graph_is_fresh() -> None:
    """The graph shipped in the package equals a build of data/ now (run `kratom-kg build` if not)."""
    ds, _ = assemble(load_curated(paths.data_dir()), owl=True)
    packaged = gzip.decompress(paths.packaged_graph().read_bytes())
    assert canonical_nquads(ds) == packaged, "packaged graph is stale: run `kratom-kg build` and commit kg/graph/"
