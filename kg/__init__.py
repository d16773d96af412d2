"""kratom-kg: an evidence-graded knowledge graph of kratom (Mitragyna speciosa) pharmacology,
interactions, clinical claims and regulatory actions. Not for clinical decisions.

>>> import kg
>>> g = kg.load()                                  # the packaged, built graph
>>> kg.query("compounds-acting-on-target", target="mu-opioid receptor").rows[:1]
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from kg.graph import GraphNotBuiltError, KnowledgeGraph, load
from kg.query import QueryError, Result, UnknownEntityError

if TYPE_CHECKING:
    import networkx as nx

    from kg.claim_audit import AuditRow
    from kg.interaction_report import InteractionAnswer
    from kg.prediction import PredictionReport


@cache
def default_graph() -> KnowledgeGraph:
    """The packaged graph, loaded once per process."""
    return load()


def query(name: str, **params: object) -> Result:
    """Run a named query on the packaged graph with bound parameters."""
    return default_graph().query(name, **params)


def claims_about(entity: str) -> Result:
    """Every claim about an entity (id, label, synonym or CURIE), with its sources."""
    return default_graph().query("claims-about", entity=entity)


def interactions(name: str) -> list[InteractionAnswer]:
    """Observed and inferred interactions of a substance (id, label, synonym or CURIE) with kratom."""
    from kg.interaction_report import interactions as _interactions

    return _interactions(default_graph().engine, name)


def predict(object_name: str, precipitant: str = "mitragynine", dose: str = "2g",
            product: str = "napdi-k51-kratom-powder") -> PredictionReport:
    """Static-model (ICH M12) predictions of how much ``precipitant`` could raise the exposure of
    ``object_name``, each with the claims it used or the inputs it lacks, beside observed ratios."""
    from kg.prediction import predict_all

    return predict_all(default_graph().engine, object_name, precipitant, dose, product)


def audit(source: str = "seed-article") -> list[AuditRow]:
    """Every claim of a source set against the literature in the graph (default: the seed article)."""
    from kg.claim_audit import audit as _audit

    return _audit(default_graph().engine, source)


def to_networkx() -> nx.MultiDiGraph:
    """The assertion layer of the packaged graph as a networkx MultiDiGraph."""
    return default_graph().to_networkx()


__all__ = [
    "GraphNotBuiltError",
    "KnowledgeGraph",
    "QueryError",
    "Result",
    "UnknownEntityError",
    "__version__",
    "audit",
    "claims_about",
    "default_graph",
    "interactions",
    "load",
    "predict",
    "query",
    "to_networkx",
]
