"""Exports for other tools, each deterministic: TriG (named graphs kept), GraphML of the assertion
layer (Gephi, Cytoscape), a flat CSV of the claims (spreadsheets, pandas) and KGX nodes / edges TSV
(Biolink), where refuted assertions are negated edges and status and counts ride along.

TriG is written graph by graph through rdflib's Turtle serialiser, whose output is ordered, so two
exports of the same graph are byte-identical (rdflib's own TriG writer orders graphs arbitrarily).
"""

from __future__ import annotations

import io

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg import terms
from kg.namespaces import PREFIXES
from kg.output import render
from kg.query import lib_query
from kg.store import OxigraphStore, python_value

FORMATS = ("trig", "graphml", "csv", "kgx-nodes", "kgx-edges")


def to_trig(nquads: bytes) -> str:
    """TriG with the dataset's named graphs, graphs and triples in a stable order."""
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    out = io.StringIO()
    for prefix, ns in sorted(PREFIXES.items()):
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if len(ctx) == 0:
            continue
        g = Graph()
        for triple in ctx:
            g.add(triple)
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        body = g.serialize(format="turtle")
        triples = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        name = ctx.identifier
        head = "{" if name == DATASET_DEFAULT_GRAPH_ID else f"<{name}> {{"
        out.write(f"\n{head}\n")
        out.write("\n".join("    " + line if line else "" for line in triples.splitlines()))
        out.write("\n}\n")
    return out.getvalue()


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The assertion layer as GraphML (node label and type; edge relation, status, claim counts)."""
    buf = io.BytesIO()
    clean: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: str(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{k: (v2 if isinstance(v2, int) else str(v2))
                                         for k, v2 in data.items() if v2 is not None})
    nx.write_graphml(clean, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def claims_csv(engine: OxigraphStore) -> str:
    columns, rows = engine.select(lib_query("export-claims"))
    return render(columns, [{c: python_value(r.get(c)) for c in columns} for r in rows], "csv")


# Biolink's prefixes differ from Bioregistry's (UniProtKB, NCBIGene, NCBITaxon, PMID, ...): KGX gets its
# own map. Prefixes Biolink spells the same are passed through.
BIOLINK_PREFIX = {"UNIPROT": "UniProtKB", "NCBIGENE": "NCBIGene", "NCBITAXON": "NCBITaxon", "RXNORM": "RXCUI",
                  "PUBMED": "PMID"}
KGX_ID_PREFIX = "KRATOMKG"
"""Our records in KGX: ``KRATOMKG:compound/mitragynine`` expands to https://w3id.org/kratom-kg/id/compound/mitragynine."""

# Biolink has no agonist / antagonist / inhibitor predicates: those are biolink:affects with a causal
# mechanism qualifier (values of CausalMechanismQualifierEnum).
CAUSAL_MECHANISM = {"agonist_of": "agonism", "partial_agonist_of": "partial_agonism", "antagonist_of": "antagonism",
                    "inverse_agonist_of": "inverse_agonism", "inhibits": "inhibition", "induces": "induction"}


def _biolink_curie(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return f"{BIOLINK_PREFIX.get(prefix, prefix)}:{local}"


def _kgx_id(record_id: str, etype: str) -> str:
    return f"{KGX_ID_PREFIX}:{terms.ENTITY_TYPES[etype].segment}/{record_id}"


def _predicate(relation: str) -> tuple[str, str]:
    """(Biolink predicate, causal mechanism qualifier) for one of our relations."""
    if relation in CAUSAL_MECHANISM:
        return "biolink:affects", CAUSAL_MECHANISM[relation]
    for kind, curie in terms.PREDICATES[relation].mappings:
        if curie.startswith("biolink:") and kind in ("exactMatch", "closeMatch"):
            return curie, ""
    return f"kkg:{terms.PREDICATES[relation].prop}", ""  # no Biolink term: our own, resolvable IRI


_TYPE_KEY = {t.cls: t.key for t in terms.ENTITY_TYPES.values()}


def kgx_nodes(engine: OxigraphStore) -> tuple[str, dict[str, str]]:
    """KGX nodes TSV and the map from record id to KGX id (for the edges)."""
    _, rows = engine.select(lib_query("export-kgx-nodes"))
    ids: dict[str, str] = {}
    out = []
    for r in rows:
        rid, etype = str(python_value(r["id"])), _TYPE_KEY[str(python_value(r["type"]))]
        ids[rid] = _kgx_id(rid, etype)
        xrefs = [_biolink_curie(x) for x in str(python_value(r["xrefs"]) or "").split("|") if x]
        out.append({"id": ids[rid], "category": f"biolink:{terms.ENTITY_TYPES[etype].biolink}",
                    "name": python_value(r["name"]),
                    "synonym": "|".join(x for x in str(python_value(r["synonyms"]) or "").split("|") if x),
                    "xref": "|".join(sorted(xrefs)), "description": python_value(r["description"]) or "",
                    "provided_by": "infores:kratom-kg"})
    cols = ["id", "category", "name", "synonym", "xref", "description", "provided_by"]
    return render(cols, out, "tsv"), ids


def kgx_edges(engine: OxigraphStore, ids: dict[str, str]) -> str:
    """KGX edges TSV: one edge per assertion with credible evidence, refuted ones as negated edges, with
    their publications. Unsupported assertions (only promotional or anecdotal claims) are left out: a
    KGX edge reads as knowledge, and those are not."""
    _, rows = engine.select(lib_query("export-kgx-edges"))
    out = []
    for r in rows:
        v = {k: python_value(x) for k, x in r.items()}
        if v["status"] == "unsupported":
            continue
        predicate, mechanism = _predicate(str(v["relation"]))
        pubs = [f"PMID:{p}" for p in str(v["pmids"] or "").split("|") if p]
        pubs += [f"doi:{d}" for d in str(v["dois"] or "").split("|") if d]
        out.append({"id": f"{KGX_ID_PREFIX}:assertion/{v['subject']}--{v['relation']}--{v['object']}",
                    "subject": ids[str(v["subject"])], "predicate": predicate, "object": ids[str(v["object"])],
                    "causal_mechanism_qualifier": mechanism,
                    "negated": "True" if v["status"] == "refuted" else "False",
                    "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent",
                    "primary_knowledge_source": "infores:kratom-kg", "publications": "|".join(sorted(pubs)),
                    "kratomkg_status": v["status"], "kratomkg_affirming_claims": v["affirming"],
                    "kratomkg_negating_claims": v["negating"], "kratomkg_evidence": v["evidence"]})
    cols = ["id", "subject", "predicate", "object", "causal_mechanism_qualifier", "negated", "knowledge_level",
            "agent_type", "primary_knowledge_source", "publications", "kratomkg_status",
            "kratomkg_affirming_claims", "kratomkg_negating_claims", "kratomkg_evidence"]
    return render(cols, out, "tsv")


def export(engine: OxigraphStore, fmt: str) -> str:
    if fmt == "trig":
        return to_trig(canonical_dump(engine))
    if fmt == "graphml":
        from kg.network import assertion_network

        return to_graphml(assertion_network(engine))
    if fmt == "csv":
        return claims_csv(engine)
    if fmt in ("kgx-nodes", "kgx-edges"):
        nodes, ids = kgx_nodes(engine)
        return nodes if fmt == "kgx-nodes" else kgx_edges(engine, ids)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def canonical_dump(engine: OxigraphStore) -> bytes:
    """The store's quads as sorted N-Quads (Oxigraph's own dump order is not stable)."""
    lines = sorted({ln for ln in engine.dump_nquads().decode("utf-8").splitlines() if ln.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


__all__ = ["FORMATS", "canonical_dump", "claims_csv", "export", "kgx_edges", "kgx_nodes", "to_graphml", "to_trig"]
