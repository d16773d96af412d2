"""Interactions of a substance with kratom, observed and inferred, each with its explanation.

Observed interactions come from curated interaction records (clinical studies, animal studies, case
reports) with the claims that saw them, negated findings included. Inferred interactions come from
the rules in ``queries/rules/``; their explanation is the claims the rule matched. The SPARQL lives
in ``queries/interactions-observed.rq`` and ``queries/interactions-inferred.rq``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.output import cite
from kg.query import lib_query, resolve_entity, run_query
from kg.store import OxigraphStore

SEVERITY_ORDER = {"major": 0, "moderate": 1, "minor": 2, "unknown": 3}


@dataclass
class EvidenceClaim:
    claim: str
    subject: str
    relation: str
    object: str
    polarity: str
    evidence: str
    rank: int
    source: str
    statement: str = ""
    strength: str | None = None
    measure: str | None = None
    value: float | None = None
    unit: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    n: int | None = None
    year: str | None = None
    pmid: str | None = None
    doi: str | None = None
    nct: str | None = None

    def citation(self) -> str:
        return cite(self.source, pmid=self.pmid, doi=self.doi, nct=self.nct)

    def line(self) -> str:
        neg = "NOT " if self.polarity == "negated" else ""
        text = f"{self.subject} -{neg}{self.relation}-> {self.object}"
        if self.strength:
            text += f" [{self.strength}]"
        if self.measure is not None:
            text += f"; {self.measure} = {_num(self.value)} {self.unit or ''}".rstrip()
            if self.ci_low is not None and self.ci_high is not None:
                text += f" (CI {_num(self.ci_low)}-{_num(self.ci_high)})"
            if self.n is not None:
                text += f", n={self.n}"
        return f"{text}; {self.evidence} (rank {self.rank}); {self.citation()}"


@dataclass
class InteractionAnswer:
    basis: str  # observed | inferred
    interaction: str
    role: str  # object | object-class | precipitant: how the asked entity takes part
    precipitant: str
    precipitant_label: str
    object: str
    object_label: str
    effect: str
    severity: str
    rule: str | None = None
    target: str | None = None
    mechanisms: list[str] = field(default_factory=list)
    via_classes: list[str] = field(default_factory=list)
    claims: list[EvidenceClaim] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)  # static-model sizes (kkg:Prediction), see kg.prediction
    paths: list[str] = field(default_factory=list)  # other routes in the assertion layer (networkx)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _num(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _short(value: object) -> str:
    text = "" if value is None else str(value)
    return text.rsplit("/", 1)[-1] if text.startswith("http") else text


def _collect(rows: list[dict[str, Any]], basis: str) -> list[InteractionAnswer]:
    out: dict[tuple[str, str], InteractionAnswer] = {}
    seen: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        iid = str(r["interaction"])
        key = (iid, str(r["role"]))
        ans = out.get(key)
        if ans is None:
            ans = InteractionAnswer(
                basis=basis, interaction=_short(iid) if basis == "observed" else iid.split("/inferred/", 1)[-1],
                role=str(r["role"]), precipitant=str(r["precipitant"]), precipitant_label=str(r["precipitant_label"]),
                object=str(r["object"]), object_label=str(r["object_label"]), effect=str(r["effect"]),
                severity=str(r["severity"]), rule=r.get("rule") and str(r["rule"]),  # type: ignore[arg-type]
                target=None if r.get("target") is None else str(r["target"]))
            out[key] = ans
            seen[key] = set()
        mech = str(r["mechanism"])
        if mech not in ans.mechanisms:
            ans.mechanisms.append(mech)
        vc = r.get("via_class")
        if vc is not None and str(vc) not in ans.via_classes:
            ans.via_classes.append(str(vc))
        cid = str(r["claim"])
        if cid in seen[key]:
            continue
        seen[key].add(cid)
        ans.claims.append(EvidenceClaim(
            claim=cid, subject=str(r["claim_subject"]), relation=str(r["relation"]), object=str(r["claim_object"]),
            polarity=str(r["polarity"]), evidence=str(r["evidence"]), rank=int(r["rank"]),
            source=str(r["source"]), statement=str(r.get("statement") or ""),
            strength=None if r.get("strength") is None else str(r["strength"]),
            measure=None if r.get("measure") is None else str(r["measure"]),
            value=r.get("value"), unit=None if r.get("unit") is None else str(r["unit"]),  # type: ignore[arg-type]
            ci_low=r.get("ci_low"), ci_high=r.get("ci_high"), n=r.get("n"),  # type: ignore[arg-type]
            year=None if r.get("year") is None else str(r["year"]),
            pmid=None if r.get("pmid") is None else str(r["pmid"]),
            doi=None if r.get("doi") is None else str(r["doi"]),
            nct=None if r.get("nct") is None else str(r["nct"])))
    answers = list(out.values())
    for a in answers:
        a.mechanisms.sort()
        a.via_classes.sort()
        a.claims.sort(key=lambda c: (c.relation != "substrate_of", -c.rank, c.claim))
    return answers


def interactions(engine: OxigraphStore, name: str) -> list[InteractionAnswer]:
    """Observed and inferred interactions involving ``name`` (id, label, synonym or CURIE).

    Raises :class:`kg.query.UnknownEntityError` (with the closest names) for an unknown name. An
    empty list means no known interaction, which is not evidence of none.
    """
    from kg.infer import add_inferred_to_store, has_inferred

    iri = resolve_entity(engine, name)
    if not has_inferred(engine):  # a graph built without the rules (e.g. in memory from data/)
        add_inferred_to_store(engine)
    observed = _collect(run_query(engine, "interactions-observed", {"entity": iri.value}).rows, "observed")
    inferred = _collect(run_query(engine, "interactions-inferred", {"entity": iri.value}).rows, "inferred")

    _attach_predictions(engine, iri.value, observed + inferred)
    _attach_paths(engine, inferred)

    def order(a: InteractionAnswer) -> tuple[object, ...]:
        return (a.basis != "observed", SEVERITY_ORDER.get(a.severity, 9), a.rule or "", a.interaction, a.role)

    return sorted(observed, key=order) + sorted(inferred, key=order)




def _attach_predictions(engine: OxigraphStore, object_iri: str, answers: list[InteractionAnswer]) -> None:
    """Summaries of the static-model predictions (kg.prediction) for the pk interactions' object and target."""
    import pyoxigraph as ox

    _, rows = engine.select(lib_query("interaction-predictions"), {"o": ox.NamedNode(object_iri)})
    _, crow = engine.select(lib_query("compound-ids"))
    compounds = {str(r["id"].value) for r in crow if r["id"] is not None}
    # (target, precipitant) -> model -> [(value, verdict, cut-off)]
    found: dict[tuple[str, str], dict[str, list[tuple[float | None, str, float]]]] = {}
    for r in rows:
        value = None if r["value"] is None else float(r["value"].value)
        key = (str(r["target"].value), str(r["precipitant"].value))  # type: ignore[union-attr]
        found.setdefault(key, {}).setdefault(str(r["model"].value), []).append(  # type: ignore[union-attr]
            (value, str(r["verdict"].value), float(r["cut"].value)))  # type: ignore[union-attr]
    for a in answers:
        if a.target is None or not any(m.startswith("pk-") for m in a.mechanisms):
            continue
        target, precipitant = _short(a.target), _short(a.precipitant)
        # a compound's own predictions; for kratom material and products, those of its constituents
        material = precipitant not in compounds
        keys = [k for k in sorted(found) if k[0] == target and (k[1] == precipitant or material)]
        for key in keys:
            for model, preds in sorted(found[key].items()):
                values = sorted(v for v, _, _ in preds if v is not None)
                who = "" if key[1] == precipitant else f" (from constituent {key[1]})"
                if values:
                    rng = _num(values[0]) if len(values) == 1 else f"{values[0]:.3g} to {values[-1]:.3g}"
                    a.predicted.append(f"{model}{who}: {rng} (cut-off {preds[0][2]:g}; {len(values)} prediction(s))")
                else:
                    a.predicted.append(f"{model}{who}: {preds[0][1]}")


def _attach_paths(engine: OxigraphStore, answers: list[InteractionAnswer]) -> None:
    """Chains between precipitant and object over credible assertions, computed with networkx."""
    if not answers:
        return
    from kg.network import assertion_network, connecting_paths, credible_view

    g = assertion_network(engine)
    view = credible_view(g)
    for a in answers:
        a.paths = connecting_paths(g, _short(a.precipitant), _short(a.object), view=view)


def to_json(name: str, answers: list[InteractionAnswer]) -> str:
    return json.dumps({"query": name, "interactions": [a.to_dict() for a in answers]}, indent=2,
                      ensure_ascii=False) + "\n"


def render_text(name: str, answers: list[InteractionAnswer], max_claims: int = 8) -> str:
    if not answers:
        return (f"No known interaction involving {name!r} in the graph "
                "(no observed study or case report, and no inference rule fired). "
                "This is not evidence that none exists.\n")
    lines = [f"Interactions involving {name!r}: "
             f"{sum(a.basis == 'observed' for a in answers)} observed, "
             f"{sum(a.basis == 'inferred' for a in answers)} inferred. Not for clinical decisions.", ""]
    for a in answers:
        head = f"[{a.basis}] {a.precipitant_label} + {a.object_label}"
        if a.role == "object-class":
            head += " (a class it belongs to)"
        lines.append(head)
        via = f" via {a.target}" if a.target else ""
        classes = f"; class {', '.join(a.via_classes)}" if a.via_classes else ""
        rule = f"; rule {a.rule}" if a.rule else ""
        lines.append(f"  mechanism: {', '.join(a.mechanisms)}{via}{classes}; severity: {a.severity}{rule}")
        lines.append(f"  effect: {a.effect}")
        if a.predicted:
            lines.append("  predicted size (ICH M12 static models, default scenario; details: `kratom-kg predict`):")
            lines += [f"    - {p}" for p in a.predicted]
        if a.paths:
            lines.append("  paths in the assertion layer:")
            lines += [f"    {p}" for p in a.paths]
        lines.append("  because:" if a.basis == "inferred" else "  claims:")
        for c in a.claims[:max_claims]:
            lines.append(f"    - {c.line()}")
        if len(a.claims) > max_claims:
            lines.append(f"    ... and {len(a.claims) - max_claims} more claims (--format json lists all)")
        lines.append("")
    return "\n".join(lines)


__all__ = ["EvidenceClaim", "InteractionAnswer", "interactions", "render_text", "to_json"]
