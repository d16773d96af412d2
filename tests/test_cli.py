"""The CLI as a user runs it: exit codes, formats, help, errors that say what to fix."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_help_everywhere() -> None:
    for cmd in ([], ["build"], ["validate"], ["query"], ["stats"]):
        code, out = run(*cmd, "--help")
        assert code == 0 and "Usage" in out


def test_query_formats() -> None:
    code, out = run("query", "claims-about", "-p", "entity=CYP2C9", "-f", "json")
    assert code == 0
    rows = json.loads(out)
    assert any(r["claim"] == "hanapi2013-mtg-cyp2c9-ic50" and r["value"] == 9.7 for r in rows)
    code, out = run("query", "claims-about", "--param", "entity=CYP2C9", "--format", "csv")
    assert code == 0
    assert any(r["claim"] == "hanapi2013-mtg-cyp2c9-ic50" for r in csv.DictReader(io.StringIO(out)))
    code, out = run("query", "claims-about", "--param", "entity=CYP2C9", "--format", "tsv")
    assert code == 0 and out.splitlines()[0].split("\t")[0] == "entity"
    code, out = run("query", "claims-about", "--param", "entity=CYP2C9")
    assert code == 0 and "hanapi2013-mtg-cyp2c9-ic50" in out and out.rstrip().endswith("rows)")


def test_query_errors_exit_2() -> None:
    code, out = run("query", "claims-about", "-p", "entity=mitragynin")
    assert code == 2 and "closest known names" in out and "mitragynine" in out
    code, out = run("query", "no-such-query")
    assert code == 2 and "no query named" in out
    code, out = run("query", "claims-about", "-p", "entity")
    assert code == 2 and "key=value" in out


def test_query_list() -> None:
    code, out = run("query", "--list")
    assert code == 0 and "claims-about" in out and "--param entity=" in out


def test_stats_json() -> None:
    code, out = run("stats", "--json")
    assert code == 0
    counts = json.loads(out)
    for key in ("compounds", "products", "targets", "substances", "conditions", "adverse_effects",
                "regulatory_actions", "claims", "quantitative_claims", "sources", "observed_interactions",
                "seed_claims"):
        assert isinstance(counts[key], int)


def test_validate_fixture_with_owl(fixture_data: Path) -> None:
    code, out = run("validate", "--data", str(fixture_data))
    assert code == 0, out
    assert "OWL-consistent" in out


def test_python_m_kg() -> None:
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "kratom-kg" in proc.stdout


def test_missing_java_says_how_to_install(fixture_data: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kg.reason

    monkeypatch.setattr(kg.reason, "java_available", lambda: False)
    code, out = run("validate", "--data", str(fixture_data))
    assert code == 2
    assert "needs Java" in out and "apt-get install default-jre-headless" in out and "--no-owl" in out
