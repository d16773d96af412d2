"""Where the ontology, shapes, data, queries and the packaged graph live.

In a checkout they are the top-level folders; in an installed wheel they are copied under
``kg/_resources`` (see pyproject.toml), so an installed package answers without the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = PACKAGE_DIR.parent
_RESOURCES = PACKAGE_DIR / "_resources"


def _root() -> Path:
    if (_CHECKOUT / "ontology" / "kratom-kg.ttl").is_file() and (_CHECKOUT / "data").is_dir():
        return _CHECKOUT
    return _RESOURCES


def in_checkout() -> bool:
    return _root() == _CHECKOUT


def project_root() -> Path:
    return _CHECKOUT


def ontology_file() -> Path:
    return _root() / "ontology" / "kratom-kg.ttl"


def shapes_dir() -> Path:
    return _root() / "ontology" / "shapes"


def data_dir() -> Path:
    return _root() / "data"


def queries_dir() -> Path:
    return _root() / "queries"


def packaged_graph() -> Path:
    """The built graph that ships inside the package, refreshed by ``kratom-kg build``."""
    return PACKAGE_DIR / "graph" / "kratom-kg.nq.gz"
