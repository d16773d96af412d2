"""The status of an assertion, computed from its claims.

The rule (also in docs/decisions.md and the ontology's status definitions):

- credible claims are those whose evidence rank is at least ``terms.CREDIBLE_RANK`` (anything but
  promotional or anecdotal statements), plus regulatory statements;
- **contested**: credible claims both affirm and negate;
- **refuted**: credible claims only negate;
- **unsupported**: no credible claim either way (only promotional or anecdotal ones);
- **established**: credible affirmations from at least two distinct sources, no credible negation,
  and the strongest affirming evidence reaches the predicate's bar: experimental evidence
  (rank >= 2) for mechanistic relations, controlled clinical evidence (rank >= 6) for clinical ones;
- **supported**: otherwise, when credible claims affirm and none negates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg import terms
from kg.model import Claim

CLINICAL_PREDICATES = frozenset(
    {"treats", "causes", "associated_with", "safer_than", "increases_exposure_of", "decreases_exposure_of",
     "interacts_with"}
)
MECHANISTIC_BAR = 2
CLINICAL_BAR = 6

STATUSES = ("established", "supported", "contested", "refuted", "unsupported")


@dataclass(frozen=True)
class Status:
    status: str
    affirming: int
    negating: int
    best_affirming: int | None
    best_negating: int | None
    reason: str


def _credible(claim: Claim) -> bool:
    rank = terms.EVIDENCE[claim.evidence].rank
    return rank >= terms.CREDIBLE_RANK or claim.evidence == "regulatory-statement"


def compute_status(predicate: str, claims: Iterable[Claim]) -> Status:
    """Status of one (subject, predicate, object) assertion from all its claims."""
    claims = list(claims)
    aff = [c for c in claims if c.polarity == "affirmed" and _credible(c)]
    neg = [c for c in claims if c.polarity == "negated" and _credible(c)]
    best_a = max((terms.EVIDENCE[c.evidence].rank for c in aff), default=None)
    best_n = max((terms.EVIDENCE[c.evidence].rank for c in neg), default=None)
    total_a = sum(1 for c in claims if c.polarity == "affirmed")
    total_n = len(claims) - total_a
    if aff and neg:
        status, reason = "contested", f"{len(aff)} credible claim(s) affirm and {len(neg)} negate"
        for side, group in (("affirming", aff), ("negating", neg)):
            if all(c.evidence == "regulatory-statement" for c in group):
                reason += f"; the {side} side is regulatory statements only"
    elif neg:
        status, reason = "refuted", f"{len(neg)} credible claim(s) negate and none affirms"
    elif not aff:
        status, reason = "unsupported", "only promotional or anecdotal claims"
    else:
        bar = CLINICAL_BAR if predicate in CLINICAL_PREDICATES else MECHANISTIC_BAR
        sources = {c.source for c in aff}
        if len(sources) >= 2 and best_a is not None and best_a >= bar:
            status = "established"
            reason = f"{len(aff)} credible affirming claim(s) from {len(sources)} sources, evidence rank {best_a}"
        else:
            status = "supported"
            why = "one source" if len(sources) < 2 else f"strongest evidence rank {best_a} is below {bar}"
            reason = f"{len(aff)} credible affirming claim(s), none negating; not established: {why}"
    return Status(status, total_a, total_n, best_a, best_n, reason)
