"""The public Python API: import kg, load, query, networkx and rdflib views, answers."""

from __future__ import annotations

import networkx as nx

import kg


def test_public_api_is_small_and_present() -> None:
    import importlib
    import pkgutil

    # importing every submodule must not shadow an API function of the same name
    for mod in pkgutil.iter_modules(kg.__path__):
        if mod.name != "__main__":
            importlib.import_module(f"kg.{mod.name}")
    for name in ("load", "query", "claims_about", "to_networkx", "interactions", "audit", "predict"):
        assert name in kg.__all__ and callable(getattr(kg, name))
    assert len(kg.__all__) <= 20


def test_load_and_query() -> None:
    g = kg.load()
    assert len(g) > 10_000
    assert g.resolve("CYP3A4").endswith("/target/cyp3a4")
    assert g.resolve("PUBCHEM.COMPOUND:3034396").endswith("/compound/mitragynine")
    rows = kg.claims_about("mitragynine").rows
    assert any(r["claim"] == "hanapi2013-mtg-cyp2c9-ic50" for r in rows)


def test_networkx_view_of_assertions() -> None:
    G = kg.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    data = G.get_edge_data("mitragynine", "cyp2c9")
    assert data is not None and data["inhibits"]["status"] in {"established", "supported", "contested"}
    assert G.nodes["mitragynine"]["type"] == "Compound"


def test_rdflib_view_has_named_graphs() -> None:
    ds = kg.load().rdflib()
    names = {str(c.identifier) for c in ds.graphs()}
    for graph in ("entities", "claims", "sources", "assertions", "inferred", "ontology"):
        assert f"https://w3id.org/kratom-kg/graph/{graph}" in names


def test_answers_carry_sources() -> None:
    answers = kg.interactions("midazolam")
    observed = [a for a in answers if a.basis == "observed" and a.object == "midazolam"]
    assert observed and any(c.pmid == "36924284" for a in observed for c in a.claims)
    rows = kg.audit()
    assert {r.claim for r in rows} >= {"seed-kratom-treats-chronic-pain", "seed-kratom-no-addiction-liability"}
