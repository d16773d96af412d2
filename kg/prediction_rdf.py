"""Static-model predictions as data: ``kkg:Prediction`` nodes in the inferred named graph, so SPARQL
and exports carry them (model, value or missing inputs, the claims used, guidance rule, cut-off,
verdict, and the observed ratio beside it where one exists)."""

from __future__ import annotations

import math
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import GRAPH_INFERRED, KKG, entity_iri
from kg.prediction import MOLECULAR_FORMULAS, PredictionReport, predict_all
from kg.query import lib_query
from kg.store import OxigraphStore

# --- predictions as data ---------------------------------------------------------------------------

def _dec(x: float) -> Literal:
    return Literal(Decimal(f"{x:.6g}") if math.isfinite(x) else Decimal(0), datatype=XSD.decimal)


def prediction_triples(rep: PredictionReport) -> list[tuple[URIRef, URIRef, Literal | URIRef]]:
    """Triples of kkg:Prediction nodes for a report (deterministic IRIs, no blank nodes)."""
    out: list[tuple[URIRef, URIRef, Literal | URIRef]] = []
    comps = {c.prediction: c for c in rep.comparisons}
    for p in rep.predictions:
        s = entity_iri("prediction", p.key())
        out += [(s, RDF.type, KKG.Prediction),
                (s, RDFS.label, Literal(f"{p.model}: {p.precipitant} -> {p.object} via {p.target} ({p.scenario})")),
                (s, KKG.model, Literal(p.model)),
                (s, KKG.predictionPrecipitant, URIRef(rep.precipitant_iri)),
                (s, KKG.predictionObject, URIRef(rep.object_iri)),
                (s, KKG.viaTarget, entity_iri("target", p.target)),
                (s, KKG.scenario, Literal(p.scenario)),
                (s, KKG.guidanceRule, Literal(p.rule)),
                (s, KKG.cutOff, _dec(p.cutoff)),
                (s, KKG.verdict, Literal(p.verdict))]
        if p.value is not None:
            out.append((s, KKG.predictedValue, _dec(p.value)))
        for m in p.missing:
            out.append((s, KKG.missingInput, Literal(m)))
        for c in p.claims:
            out.append((s, KKG.usedClaim, entity_iri("claim", c)))
        for i in p.inputs:
            out.append((s, KKG.inputValue, Literal(i.line())))
        comp = comps.get(f"{p.model} via {p.target}")
        if comp is not None and p.value is not None:
            out += [(s, KKG.comparedWith, entity_iri("claim", comp.observed.claim)),
                    (s, KKG.observedValue, _dec(comp.observed.value)),
                    (s, KKG.predictedToObserved, _dec(p.value / comp.observed.value))]
    return out




def add_predictions(ds: Dataset, engine: OxigraphStore | None = None) -> int:
    """Predict for every (kratom compound with a measured inhibition constant, substrate of the same
    target) pair at the default scenario, and add kkg:Prediction nodes to ``GRAPH_INFERRED``.

    Predictions read curated claims only, so ``engine`` may be a store loaded before the rules ran."""
    from kg.infer import store_from_dataset

    engine = engine or store_from_dataset(ds)
    target = ds.graph(GRAPH_INFERRED)
    _, rows = engine.select(lib_query("prediction-pairs"))
    count = 0
    for r in rows:
        prec, obj = str(r["prec"].value), str(r["obj"].value)  # type: ignore[union-attr]
        if prec not in MOLECULAR_FORMULAS:
            continue
        rep = predict_all(engine, obj, prec)
        for t in prediction_triples(rep):
            target.add(t)
            count += 1
    return count



__all__ = ["add_predictions", "prediction_triples"]
