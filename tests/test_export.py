"""Exports round-trip: TriG keeps every quad and named graph, GraphML every assertion edge, CSV every claim."""

from __future__ import annotations

import csv
import io

import networkx as nx
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main
from kg.export import canonical_dump, export
from kg.graph import KnowledgeGraph


def test_trig_round_trips_every_quad(graph: KnowledgeGraph) -> None:
    text = export(graph.engine, "trig")
    assert text == export(graph.engine, "trig")  # deterministic
    ds = Dataset()
    ds.parse(data=text, format="trig")
    original = Dataset()
    original.parse(data=canonical_dump(graph.engine), format="nquads")
    for ctx in original.graphs():
        if len(ctx):
            assert len(ds.graph(ctx.identifier)) == len(ctx), ctx.identifier


def test_graphml_has_assertion_edges(graph: KnowledgeGraph) -> None:
    g = nx.read_graphml(io.BytesIO(export(graph.engine, "graphml").encode("utf-8")))
    assert g.number_of_edges() == len(graph.query("assertion-edges"))
    assert any(d.get("relation") == "inhibits" for u, v, d in g.edges("mitragynine", data=True))


def test_claims_csv_one_row_per_claim(graph: KnowledgeGraph) -> None:
    rows = list(csv.DictReader(io.StringIO(export(graph.engine, "csv"))))
    assert len(rows) == graph.query("stats").rows[0]["claims"]
    row = next(r for r in rows if r["claim"] == "hanapi2013-mtg-cyp2c9-ic50")
    assert (row["measure"], row["value"], row["unit"], row["pmid"]) == ("IC50", "9.7", "uM", "24174816")


def test_cli_export_to_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("claim,subject,relation")


def test_kgx_nodes_and_edges(graph: KnowledgeGraph) -> None:
    nodes = list(csv.DictReader(io.StringIO(export(graph.engine, "kgx-nodes")), delimiter="\t"))
    edges = list(csv.DictReader(io.StringIO(export(graph.engine, "kgx-edges")), delimiter="\t"))
    by_id = {n["id"]: n for n in nodes}
    mor = by_id["KRATOMKG:target/oprd1"]
    assert mor["category"] == "biolink:Protein" and "UniProtKB:P41143" in mor["xref"]  # Biolink prefix, not UNIPROT
    assert all(e["subject"] in by_id and e["object"] in by_id for e in edges)
    inh = next(e for e in edges if e["id"] == "KRATOMKG:assertion/mitragynine--inhibits--cyp2c9")
    assert (inh["predicate"], inh["causal_mechanism_qualifier"]) == ("biolink:affects", "inhibition")
    assert "PMID:24174816" in inh["publications"]
    assert not any(e["kratomkg_status"] == "unsupported" for e in edges)  # promotional-only edges stay out
    assert all((e["negated"] == "True") == (e["kratomkg_status"] == "refuted") for e in edges)
