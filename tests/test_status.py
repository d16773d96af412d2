"""The assertion status rule (kg/status.py, docs/decisions.md) on realistic claim mixes."""

from __future__ import annotations

from kg.model import Claim
from kg.status import compute_status


def claim(cid: str, polarity: str, evidence: str, source: str, predicate: str = "treats") -> Claim:
    return Claim(id=cid, subject="kratom", predicate=predicate, object="chronic-pain", polarity=polarity,  # type: ignore[arg-type]
                 evidence=evidence, source=source, statement="A paraphrase of what the source says.")


def test_promotional_alone_is_unsupported() -> None:
    st = compute_status("treats", [claim("a", "affirmed", "promotional", "seed-article")])
    assert st.status == "unsupported" and st.affirming == 1 and st.best_affirming is None


def test_one_survey_supports_but_does_not_establish() -> None:
    st = compute_status("treats", [claim("a", "affirmed", "survey", "grundmann2017"),
                                   claim("b", "affirmed", "promotional", "seed-article")])
    assert st.status == "supported" and "one source" in st.reason


def test_clinical_relation_needs_controlled_evidence_to_be_established() -> None:
    two_surveys = [claim("a", "affirmed", "survey", "s1"), claim("b", "affirmed", "survey", "s2")]
    assert compute_status("treats", two_surveys).status == "supported"
    with_trial = [*two_surveys, claim("c", "affirmed", "rct", "s3")]
    assert compute_status("treats", with_trial).status == "established"


def test_mechanistic_relation_established_by_two_experiments() -> None:
    claims = [claim("a", "affirmed", "in-vitro-enzyme-inhibition-hlm", "kong2011", "inhibits"),
              claim("b", "affirmed", "in-vitro-enzyme-inhibition-recombinant", "hanapi2013", "inhibits")]
    assert compute_status("inhibits", claims).status == "established"


def test_credible_claims_both_ways_are_contested_with_counts() -> None:
    claims = [claim("a", "affirmed", "in-vitro-functional", "kruegel2016", "agonist_of"),
              claim("b", "negated", "in-vitro-functional", "obeng2021", "agonist_of"),
              claim("c", "affirmed", "promotional", "seed-article", "agonist_of")]
    st = compute_status("agonist_of", claims)
    assert (st.status, st.affirming, st.negating, st.best_affirming, st.best_negating) == ("contested", 2, 1, 2, 2)


def test_only_credible_negation_refutes_even_against_promotion() -> None:
    claims = [claim("a", "affirmed", "promotional", "seed-article"), claim("b", "negated", "rct", "trial")]
    assert compute_status("treats", claims).status == "refuted"


def test_regulatory_statement_counts_as_credible() -> None:
    st = compute_status("treats", [claim("a", "negated", "regulatory-statement", "fda2018")])
    assert st.status == "refuted" and st.best_negating == -1


def test_contest_by_regulator_alone_is_said() -> None:
    claims = [claim("a", "affirmed", "survey", "garciaromeu2020"),
              claim("b", "negated", "regulatory-statement", "fda2018")]
    st = compute_status("treats", claims)
    assert st.status == "contested" and "negating side is regulatory statements only" in st.reason
