"""A wheel built from the repository carries the ontology, shapes, data, queries and the built graph,
and answers from a folder outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import paths

ROOT = paths.project_root()


@pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="needs the source tree")
def test_wheel_installs_and_answers_outside_repo(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    wheel = next(wheels.glob("kratom_kg-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    script = (
        "import kg, kg.paths as p\n"
        "assert 'site' in str(p.PACKAGE_DIR), p.PACKAGE_DIR\n"
        "assert not p.in_checkout() and p.data_dir().is_dir() and p.shapes_dir().is_dir()\n"
        "g = kg.load()\n"
        "rows = g.query('claims-about', entity='CYP2C9').rows\n"
        "assert any(r['claim'] == 'hanapi2013-mtg-cyp2c9-ic50' for r in rows)\n"
        "print('ok', len(g))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run([sys.executable, "-c", script], cwd=outside, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok")
