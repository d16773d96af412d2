from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.graph import KnowledgeGraph

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def graph() -> KnowledgeGraph:
    """The packaged graph built from the project's curated data."""
    return kg.load()


@pytest.fixture()
def fixture_data(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture data folder."""
    import shutil

    dest = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, dest)
    return dest
