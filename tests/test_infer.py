"""Inference rules (queries/rules/) on tiny fixture graphs, and the interactions CLI."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.infer import load_rules, run_rules
from kg.namespaces import KKG
from kg.store import OxigraphStore

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
ID = "https://w3id.org/kratom-kg/id/"
PREFIXES = """@prefix kkg: <https://w3id.org/kratom-kg/vocab#> .
@prefix id: <https://w3id.org/kratom-kg/id/> .
"""


def claim(cid: str, subject: str, pred: str, obj: str, polarity: str = "Affirmed",
          evidence: str = "in-vitro-enzyme-inhibition", status: str = "Supported") -> str:
    asn = f"<{ID}assertion/{cid}>"
    return (f"<{ID}claim/{cid}> a kkg:Claim ; kkg:subject <{ID}{subject}> ; kkg:predicate kkg:{pred} ; "
            f"kkg:object <{ID}{obj}> ; kkg:polarity kkg:{polarity} ; kkg:evidenceType kkg:evidence-{evidence} ; "
            f"kkg:assertion {asn} .\n{asn} kkg:status kkg:{status} .\n")


def store(*extra: str) -> OxigraphStore:
    s = ox.Store()
    s.load((FIXTURES / "base.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    s.load((PREFIXES + "".join(extra)).encode(), format=ox.RdfFormat.TURTLE)
    return OxigraphStore(s)


def inferred(engine: OxigraphStore, rule: str) -> dict[str, set[str]]:
    """Inferred interaction IRI (after /inferred/) -> its evidence claim ids, for one rule."""
    g = run_rules(engine)
    out: dict[str, set[str]] = {}
    for i in g.subjects(KKG.rule, None):
        if str(g.value(i, KKG.rule)) != rule:
            continue
        out[str(i).split("/inferred/", 1)[1]] = {str(c).rsplit("/", 1)[1] for c in g.objects(i, KKG.evidenceClaim)}
    return out


AGONISM = claim("ag-mtg", "compound/mitragynine", "partialAgonistOf", "target/oprm1", evidence="in-vitro-functional")


def test_rule_files_have_headers() -> None:
    rules = {r.name: r for r in load_rules()}
    assert {"pk-cyp-inhibition", "pd-cns-depression", "pd-opioid-antagonism"} <= set(rules)
    assert "ICH M12" in rules["pk-cyp-inhibition"].header
    assert "Table of Substrates, Inhibitors and Inducers" in rules["pk-cyp-inhibition"].header


def test_pk_rule_fires_with_explanation() -> None:
    engine = store(claim("inh-3a4", "compound/mitragynine", "inhibits", "target/cyp3a4"))
    got = inferred(engine, "pk-cyp-inhibition")
    assert got == {"pk-cyp-inhibition/mitragynine--midazolam--cyp3a4": {"inh-3a4", "s-mdz"}}
    g = run_rules(engine)
    i = next(iter(g.subjects(KKG.rule, None)))
    assert (i, KKG.mechanism, KKG["mechanism-pk-enzyme-inhibition"]) in g
    assert str(g.value(i, KKG.basis)) == "inferred"
    assert "may raise exposure of midazolam" in str(g.value(i, KKG.effect)).lower()


def test_pk_rule_ignores_negated_inhibition() -> None:
    engine = store(claim("inh-neg", "compound/mitragynine", "inhibits", "target/cyp2d6", polarity="Negated",
                         status="Refuted"))
    assert inferred(engine, "pk-cyp-inhibition") == {}


def test_pk_rule_ignores_promotional_inhibition() -> None:
    engine = store(claim("inh-promo", "compound/mitragynine", "inhibits", "target/cyp2d6", evidence="promotional",
                         status="Unsupported"))
    assert inferred(engine, "pk-cyp-inhibition") == {}


def test_pk_rule_needs_a_substrate() -> None:
    # alkx inhibits CYP2D6 but aspirinx is no substrate of anything: only dextromethorphan is hit
    engine = store(claim("inh-2d6", "compound/alkx", "inhibits", "target/cyp2d6"))
    got = inferred(engine, "pk-cyp-inhibition")
    assert set(got) == {"pk-cyp-inhibition/alkx--dextromethorphan--cyp2d6"}
    assert not any("aspirinx" in k for k in got)


def test_pd_cns_depression() -> None:
    g = run_rules(store(AGONISM))
    got = inferred(store(AGONISM), "pd-cns-depression")
    assert set(got) == {"pd-cns-depression/kratom--alprazolam--oprm1", "pd-cns-depression/kratom--oxycodone--oprm1"}
    assert got["pd-cns-depression/kratom--alprazolam--oprm1"] == {"ag-mtg"}
    oxy = next(i for i in g.subjects(KKG.rule, None) if str(i).endswith("kratom--oxycodone--oprm1"))
    mechs = set(g.objects(oxy, KKG.mechanism))
    assert KKG["mechanism-pd-additive-respiratory-depression"] in mechs
    alp = next(i for i in g.subjects(KKG.rule, None) if str(i).endswith("kratom--alprazolam--oprm1"))
    assert KKG["mechanism-pd-additive-respiratory-depression"] not in set(g.objects(alp, KKG.mechanism))


def test_pd_rules_need_credible_agonism() -> None:
    promo = claim("ag-promo", "compound/mitragynine", "agonistOf", "target/oprm1", evidence="promotional",
                  status="Unsupported")
    negated = claim("ag-neg", "compound/mitragynine", "agonistOf", "target/oprm1", polarity="Negated",
                    evidence="in-vitro-functional", status="Refuted")
    engine = store(promo, negated)
    assert inferred(engine, "pd-cns-depression") == {}
    assert inferred(engine, "pd-opioid-antagonism") == {}


def test_pd_opioid_antagonism() -> None:
    got = inferred(store(AGONISM), "pd-opioid-antagonism")
    assert got == {"pd-opioid-antagonism/kratom--naltrexone--oprm1": {"ag-mtg"}}


def test_rules_are_deterministic() -> None:
    extra = (AGONISM, claim("inh-3a4", "compound/mitragynine", "inhibits", "target/cyp3a4"))
    a = sorted(run_rules(store(*extra)))
    b = sorted(run_rules(store(*extra)))
    assert a == b and a


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_cli_interactions_midazolam(runner: CliRunner) -> None:
    res = runner.invoke(main, ["interactions", "midazolam"])
    assert res.exit_code == 0, res.output
    assert "[observed]" in res.output and "tanna2023" in res.output and "AUC-ratio" in res.output
    assert "[inferred]" in res.output and "pk-cyp-inhibition" in res.output
    assert "via cyp3a4" in res.output or "via cyp2d6" in res.output


def test_cli_interactions_json(runner: CliRunner) -> None:
    import json

    res = runner.invoke(main, ["interactions", "naltrexone", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    rules = {a["rule"] for a in data["interactions"] if a["basis"] == "inferred"}
    assert "pd-opioid-antagonism" in rules
    assert all(a["claims"] for a in data["interactions"])


def test_cli_interactions_kratom_as_object(runner: CliRunner) -> None:
    res = runner.invoke(main, ["interactions", "cannabidiol"])
    assert res.exit_code == 0, res.output
    assert "mitragynine" in res.output


def test_cli_interactions_unknown_name(runner: CliRunner) -> None:
    res = runner.invoke(main, ["interactions", "midazolan"])
    assert res.exit_code == 2
    assert "midazolam" in res.output


def test_connecting_paths_follow_credible_assertions() -> None:
    """networkx chains over the assertion layer: direction shown, refuted edges never used."""
    import networkx as nx

    from kg.network import connecting_paths

    g = nx.MultiDiGraph()
    g.add_edge("kratom", "mitragynine", relation="contains", status="established")
    g.add_edge("mitragynine", "cyp3a4", relation="inhibits", status="supported")
    g.add_edge("midazolam", "cyp3a4", relation="substrate_of", status="established")
    g.add_edge("kratom", "midazolam", relation="treats", status="refuted")
    assert connecting_paths(g, "kratom", "midazolam") == [
        "kratom -contains-> mitragynine -inhibits-> cyp3a4 <-substrate_of- midazolam"]
    g.add_edge("mitragynine", "homo-sapiens", relation="has_pk_parameter", status="supported")
    g.add_edge("midazolam", "homo-sapiens", relation="has_pk_parameter", status="supported")
    assert connecting_paths(g, "mitragynine", "midazolam") == [
        "mitragynine -inhibits-> cyp3a4 <-substrate_of- midazolam"]
    assert connecting_paths(g, "kratom", "nowhere") == []
