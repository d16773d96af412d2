"""The claim audit of the seed article: library, table, JSON and HTML."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import kg
from kg.claim_audit import audit, render_html
from kg.cli import main


def test_audit_covers_every_seed_claim() -> None:
    rows = audit(kg.default_graph().engine)
    assert len(rows) == kg.query("source-claims-status", source="seed-article").__len__()
    by_id = {r.claim: r for r in rows}
    # partial agonism counts as support for agonism
    mtg = by_id["seed-mitragynine-opioid-receptor"]
    assert mtg.for_count > 0 and mtg.best_for is not None
    assert mtg.best_for.relation in ("agonist_of", "partial_agonist_of")
    for r in rows:
        assert r.verdict and r.status
        if r.best_for:
            assert r.best_for.polarity == r.polarity
        if r.best_against:
            assert r.best_against.polarity != r.polarity


def test_audit_html_is_self_contained(tmp_path: Path) -> None:
    page = render_html(audit(kg.default_graph().engine), "seed-article")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<style>" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script src" not in page and "<link" not in page


def test_cli_audit_formats(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["audit"])
    assert res.exit_code == 0, res.output
    assert "seed-kratom-treats-oud" in res.output
    res = runner.invoke(main, ["audit", "seed-article", "--format", "json"])
    assert res.exit_code == 0
    assert json.loads(res.output)["source"] == "seed-article"
    out = tmp_path / "audit.html"
    res = runner.invoke(main, ["audit", "--format", "html", "--out", str(out)])
    assert res.exit_code == 0 and out.read_text().count("<svg") >= 16


def test_cli_audit_unknown_source() -> None:
    res = CliRunner().invoke(main, ["audit", "seed-articel"])
    assert res.exit_code == 2
    assert "seed-article" in res.output
