"""How big could an interaction be? Static-model predictions from the graph's own claims.

Every input of a prediction is a claim in the graph (found by ``queries/prediction-inputs.rq``),
converted by :mod:`kg.units`; the models and cut-offs are those of ICH M12 in :mod:`kg.ddi_models`.
Where an input is missing the prediction says which ("cannot predict: needs X") and carries no
number; nothing is filled with a default. Where several sources give an input (several Ki values
for one enzyme), one prediction is made per source, so the answer shows the range.

Observed clinical AUC ratios for the same object drug (``queries/observed-interactions.rq``) stand
beside the predictions, with the predicted/observed ratio and a flag beyond 2-fold.

Predictions are data: :func:`add_predictions` writes ``kkg:Prediction`` nodes into the inferred
named graph at build time (deterministic IRIs, no blank nodes).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import ddi_models as dm
from kg import units
from kg.query import lib_query, resolve_entity, run_query
from kg.store import OxigraphStore

MOLECULAR_FORMULAS: dict[str, tuple[str, str]] = {
    # compound id: (formula, where it was verified). Molar mass is computed from the formula with
    # standard atomic weights (kg.units.molar_mass): mitragynine 398.5 g/mol, 7-OH 414.5 g/mol.
    "mitragynine": ("C23H30N2O4", "project identifiers table (identifiers.tsv, confidence high): FDA laboratory "
                    "memo and Wikipedia agree"),
    "7-hydroxymitragynine": ("C23H30N2O5", "project identifiers table (identifiers.tsv, confidence high): "
                             "vendor page and Wikipedia copies agree (molar mass 414.5)"),
}

DEFAULT_PRECIPITANT = "mitragynine"
DEFAULT_DOSE = "2g"
"""The kratom dose of the only clinical interaction study in the graph (Tanna et al. 2023: a single
2 g kratom tea), so that predictions and observations describe the same exposure."""
DEFAULT_PRODUCT = "napdi-k51-kratom-powder"
"""The characterised product of that study (its alkaloid content is a claim in the graph)."""

INTESTINAL_CYP3A = {"cyp3a4", "cyp3a5"}
PGP = "abcb1"
FOLD_FLAG = 2.0

# Mechanistic static model: intestinal inhibitor concentration Ig = Fa x ka x Dose / Qen. These
# physiological constants are those tabulated with the mechanistic static model in the FDA 2020 in
# vitro guidance (M12 text not checked for them in this work); they are scenario constants of the
# model, not properties of kratom.
MSM_FA = 1.0
MSM_KA_PER_H = 6.0  # 0.1 per min
MSM_QEN_L_PER_H = 18.0

_AUCR_MODELS = ("R1", "R1,gut", "R2", "AUCR (mechanistic static)")


@dataclass
class Input:
    """One input of a prediction: a claim's value, or a quantity derived from claims (with how)."""

    name: str
    value: float
    unit: str
    claim: str | None = None
    source: str | None = None
    evidence: str | None = None
    note: str = ""

    def line(self) -> str:
        ref = f" [{self.claim}, {self.source}, {self.evidence}]" if self.claim else ""
        note = f" ({self.note})" if self.note else ""
        return f"{self.name} = {_fmt(self.value)} {self.unit}{ref}{note}"


@dataclass
class Prediction:
    model: str
    precipitant: str
    object: str
    target: str
    scenario: str
    rule: str
    cutoff: float
    value: float | None = None
    missing: list[str] = field(default_factory=list)
    inputs: list[Input] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "cannot predict: needs " + "; ".join(self.missing)
        if self.value >= self.cutoff:
            return f"at or above the cut-off {_fmt(self.cutoff)}: an interaction cannot be excluded"
        return f"below the cut-off {_fmt(self.cutoff)}: an interaction is unlikely by this model"

    @property
    def claims(self) -> list[str]:
        return sorted({i.claim for i in self.inputs if i.claim})

    def key(self) -> str:
        basis = "|".join([self.scenario, *self.claims, *self.missing])
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]
        slug = {"R1": "r1", "R1,gut": "r1-gut", "R2": "r2", "Igut/IC50 (P-gp)": "pgp-gut",
                "AUCR (mechanistic static)": "msm"}[self.model]
        return f"{slug}/{self.precipitant}--{self.object}--{self.target}--{digest}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["verdict"] = self.verdict
        d["claims"] = self.claims
        return d


@dataclass
class Observed:
    claim: str
    precipitant: str
    value: float
    ci_low: float | None
    ci_high: float | None
    source: str
    evidence: str


@dataclass
class Comparison:
    prediction: str  # model and target
    predicted_low: float
    predicted_high: float
    observed: Observed
    ratio_low: float
    ratio_high: float
    flag: str


@dataclass
class PredictionReport:
    object: str
    precipitant: str
    dose: str
    product: str
    predictions: list[Prediction]
    observed: list[Observed]
    published: list[Input]
    comparisons: list[Comparison]
    object_iri: str = ""
    precipitant_iri: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "object": self.object, "precipitant": self.precipitant, "dose": self.dose, "product": self.product,
            "predictions": [p.to_dict() for p in self.predictions],
            "observed": [asdict(o) for o in self.observed],
            "published_predictions": [asdict(i) for i in self.published],
            "comparisons": [asdict(c) for c in self.comparisons],
            "notice": "Static-model screening values, not clinical advice. Not for clinical decisions.",
        }


# --- gathering claims ------------------------------------------------------------------------------

def _rows(engine: OxigraphStore, subject: str) -> list[dict[str, Any]]:
    return run_query(engine, "prediction-inputs", {"subject": subject}).rows


def _short(value: object) -> str:
    text = str(value)
    return text.rsplit("/", 1)[-1] if text.startswith("http") else text


def _input(row: dict[str, Any], name: str, value: float, unit: str, note: str = "") -> Input:
    return Input(name, value, unit, str(row["claim"]), str(row["source"]), str(row["evidence"]), note)


def _affirmed(rows: Iterable[dict[str, Any]], relation: str, obj: str | None = None,
              measures: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [r for r in rows if r["polarity"] == "affirmed" and r["relation"] == relation
            and (obj is None or r["object"] == obj) and (not measures or r["measure"] in measures)]


def _molar_mass(compound: str) -> Input | None:
    if compound not in MOLECULAR_FORMULAS:
        return None
    formula, where = MOLECULAR_FORMULAS[compound]
    return Input("molar mass", units.molar_mass(formula), "g/mol",
                 note=f"from {formula} with IUPAC standard atomic weights; formula from {where}")


def _to_um(value: float, unit: str, mw: Input | None) -> float | None:
    try:
        return units.convert(value, unit, "uM", mw.value if mw else None)
    except (ValueError, KeyError):
        return None


def _ki_inputs(rows: list[dict[str, Any]], target: str, mw: Input | None) -> list[Input]:
    """Reversible Ki per source: the source's Ki claims, else its reversible IC50 / 2."""
    inh = _affirmed(rows, "inhibits", target)
    by_source: dict[str, list[Input]] = {}
    for r in inh:
        if r["measure"] != "Ki" or r.get("species") not in (None, "homo-sapiens"):
            continue
        v = _to_um(float(r["value"]), str(r["unit"]), mw)
        if v is not None:
            by_source.setdefault(str(r["source"]), []).append(_input(r, "Ki", v, "uM"))
    for r in inh:
        src = str(r["source"])
        if (r["measure"] != "IC50" or src in by_source or r.get("inhibition_type") == "time-dependent"
                or r.get("species") not in (None, "homo-sapiens")):
            continue
        v = _to_um(float(r["value"]), str(r["unit"]), mw)
        if v is not None:
            by_source.setdefault(src + "#ic50", []).append(_input(
                r, "Ki", v / 2, "uM", "IC50/2 (Cheng-Prusoff, competitive, [S] = Km), as Tanna et al. 2023 did"))
    return [i for k in sorted(by_source) for i in by_source[k]]


def _tdi_pairs(rows: list[dict[str, Any]], target: str, mw: Input | None, organ: str) -> list[tuple[Input, Input]]:
    inh = [r for r in _affirmed(rows, "inhibits", target) if organ in str(r.get("assay") or "")]
    kis = [r for r in inh if r["measure"] == "KI"]
    kinacts = [r for r in inh if r["measure"] == "kinact"]
    pairs = []
    for a in kis:
        for b in kinacts:
            if a["source"] == b["source"] and a.get("assay") == b.get("assay"):
                ki = _to_um(float(a["value"]), str(a["unit"]), mw)
                rate = units.convert(float(b["value"]), str(b["unit"]), "per-h")
                if ki is not None:
                    pairs.append((_input(a, "KI", ki, "uM"), _input(b, "kinact", rate, "per-h")))
    return pairs


def _kdeg_inputs(engine: OxigraphStore, target: str) -> list[Input]:
    out = []
    for r in _rows(engine, target):
        if r["polarity"] != "affirmed" or r.get("species") not in (None, "homo-sapiens"):
            continue
        if r["measure"] == "kdeg":
            out.append(_input(r, "kdeg", units.convert(float(r["value"]), str(r["unit"]), "per-h"), "per-h"))
        elif r["measure"] == "t-half" and r["relation"] == "has_pk_parameter":
            k = units.rate_from_half_life(float(r["value"]), str(r["unit"]), "per-h")
            out.append(_input(r, "kdeg", k, "per-h", f"ln 2 / degradation half-life {_fmt(float(r['value']))} "
                                                      f"{r['unit']}"))
    return out


def _imax_u(rows: list[dict[str, Any]], compound: str, mw: Input | None) -> tuple[list[list[Input]], list[str]]:
    """Unbound Cmax (fu x Cmax, human), one per (Cmax, fu) pair; or what is missing."""
    cmax = [r for r in _affirmed(rows, "has_pk_parameter", "homo-sapiens", ("Cmax",))]
    fus = [r for r in _affirmed(rows, "has_pk_parameter", "homo-sapiens", ("fu",))]
    # A published unbound concentration (e.g. the hepatic inlet value a static-model paper used) is an
    # input in its own right: conservative against Imax,u, and labelled as such.
    out: list[list[Input]] = []
    for r in _affirmed(rows, "has_pk_parameter", "homo-sapiens", ("Iu-inlet",)):
        iu = _to_um(float(r["value"]), str(r["unit"]), mw)
        if iu is not None:
            out.append([_input(r, "Iinlet,u", iu, "uM"),
                        Input("Imax,u", iu, "uM", note="published unbound hepatic inlet concentration used in "
                              "place of fu x Cmax (higher than Imax,u, so conservative)")])
    missing = []
    if not cmax:
        missing.append(f"Cmax of {compound} in humans")
    if not fus:
        missing.append(f"fu (plasma unbound fraction) of {compound}")
    if mw is None:
        missing.append(f"molar mass of {compound}")
    if missing:
        return out, ([] if out else missing)
    for c, f in itertools.product(cmax, fus):
        cu = _to_um(float(c["value"]), str(c["unit"]), mw)
        fu = units.content_fraction(float(f["value"]), str(f["unit"]))
        if cu is None:
            continue
        out.append([_input(c, "Cmax", cu, "uM", "as observed after the study's dose; not rescaled"),
                    _input(f, "fu", fu, "fraction"),
                    Input("Imax,u", dm.unbound(cu, fu), "uM", note="fu x Cmax, fu floored at 0.01 (M12)")])
    return out, []


def _dose_inputs(engine: OxigraphStore, product: str, compound: str, dose: str,
                 mw: Input | None) -> tuple[list[list[Input]], list[str]]:
    """Constituent dose (mg, umol) and Igut (uM) from the product dose and its content claims."""
    amount, unit = units.parse_amount(dose)
    contents = [r for r in _affirmed(_rows(engine, product), "contains", compound, ("content",))
                if r["unit"] in ("mg/g", "percent", "fraction")]
    missing = []
    if not contents:
        missing.append(f"content of {compound} in {product} (mg/g)")
    if mw is None:
        missing.append(f"molar mass of {compound}")
    if missing:
        return [], missing
    assert mw is not None
    out = []
    for r in contents:
        mg = units.constituent_dose_mg(amount, unit, float(r["value"]), str(r["unit"]))
        content = _input(r, "content", float(r["value"]), str(r["unit"]))
        dose_in = Input(f"dose of {compound}", mg, "mg", note=f"{_fmt(amount)} {unit} {product} x content")
        ig = Input("Igut", units.gut_concentration_um(mg, mw.value), "uM",
                   note="dose / molar mass / 250 mL (M12 basic model)")
        out.append([content, dose_in, mw, ig])
    return out, []


def _substrate_targets(engine: OxigraphStore, obj: str) -> list[str]:
    _, rows = engine.select(lib_query("substrate-targets"), {"obj": ox.Literal(obj)})
    return sorted(str(r["t"].value) for r in rows if r["t"] is not None)


# --- predictions -----------------------------------------------------------------------------------

def predict_all(engine: OxigraphStore, obj: str, precipitant: str = DEFAULT_PRECIPITANT,
                dose: str = DEFAULT_DOSE, product: str = DEFAULT_PRODUCT) -> PredictionReport:
    """Every static-model prediction for ``obj`` with ``precipitant`` at ``dose`` of ``product``.

    Names are ids, labels, synonyms or CURIEs (unknown ones raise :class:`kg.query.UnknownEntityError`);
    ``dose`` is an amount such as ``2g``.
    """
    obj_iri = resolve_entity(engine, obj).value
    prec_iri = resolve_entity(engine, precipitant).value
    obj_id, prec_id = _short(obj_iri), _short(prec_iri)
    prod_id = _short(resolve_entity(engine, product).value)
    amount, unit = units.parse_amount(dose)
    scenario = f"{_fmt(amount)} {unit} of {prod_id}"

    prows = _rows(engine, prec_id)
    orows = _rows(engine, obj_id)
    mw = _molar_mass(prec_id)
    dose_sets, dose_missing = _dose_inputs(engine, prod_id, prec_id, dose, mw)
    imax_sets, imax_missing = _imax_u(prows, prec_id, mw)

    preds: list[Prediction] = []
    for target in _substrate_targets(engine, obj_id):
        def new(model: str, cut: dm.CutOff, target: str = target) -> Prediction:
            return Prediction(model, prec_id, obj_id, target, scenario, cut.citation, cut.value)

        if target == PGP:
            ic50s = [_input(r, "IC50", v, "uM") for r in _affirmed(prows, "inhibits", PGP, ("IC50",))
                     if (v := _to_um(float(r["value"]), str(r["unit"]), mw)) is not None]
            preds += _combine(new("Igut/IC50 (P-gp)", dm.PGP_GUT_CUTOFF), dose_sets, dose_missing, ic50s,
                              f"IC50 of {prec_id} on P-gp",
                              lambda d, i: dm.pgp_gut_ratio(d[-1].value, i.value))
            continue
        kis = _ki_inputs(prows, target, mw)
        if not kis and not _tdi_pairs(prows, target, mw, ""):
            continue  # the precipitant has no measured inhibition of this target: nothing to model
        preds += _combine(new("R1", dm.R1_HEPATIC_CUTOFF), imax_sets, imax_missing, kis,
                          f"Ki of {prec_id} on {target}", lambda s, k: dm.r1(s[-1].value, k.value))
        if target in INTESTINAL_CYP3A:
            preds += _combine(new("R1,gut", dm.R1_GUT_CUTOFF), dose_sets, dose_missing, kis,
                              f"Ki of {prec_id} on {target}", lambda d, k: dm.r1_gut(d[-1].value, k.value))
        liver_pairs = _tdi_pairs(prows, target, mw, "liver")
        kdegs = _kdeg_inputs(engine, target)
        if liver_pairs:
            preds += _r2(new("R2", dm.R2_CUTOFF), imax_sets, imax_missing, liver_pairs, kdegs, target)
        preds += _msm(new("AUCR (mechanistic static)", dm.MSM_AUCR_CUTOFF), orows, obj_id, target, imax_sets,
                      imax_missing, dose_sets, dose_missing, kis, liver_pairs,
                      _tdi_pairs(prows, target, mw, "intestin"), kdegs)

    observed, published = _observed(engine, obj_id, prec_id, prod_id)
    return PredictionReport(obj_id, prec_id, dose, prod_id, preds, observed, published,
                            compare(preds, observed, published), obj_iri, prec_iri)


def _combine(template: Prediction, sets: list[list[Input]], set_missing: list[str], values: list[Input],
             value_name: str, fn: Any) -> list[Prediction]:
    missing = list(set_missing) + ([] if values else [value_name])
    if missing:
        return [_copy(template, missing=missing)]
    return [_copy(template, value=fn(s, v), inputs=[*s, v]) for s in sets for v in values]


def _r2(template: Prediction, imax_sets: list[list[Input]], imax_missing: list[str],
        pairs: list[tuple[Input, Input]], kdegs: list[Input], target: str) -> list[Prediction]:
    # R2 scales Imax,u by 50; a published inlet concentration is already above Imax,u, so it is not used here
    imax_sets = [s for s in imax_sets if s[0].name != "Iinlet,u"]
    if not imax_sets and not imax_missing:
        imax_missing = [f"fu (plasma unbound fraction) of {template.precipitant}, for Imax,u = fu x Cmax (a "
                        "published inlet concentration does not stand in for Imax,u in the time-dependent model)"]
    missing = list(imax_missing) + ([] if kdegs else [f"kdeg (degradation rate) of hepatic {target}"])
    if missing:
        return [_copy(template, missing=missing)]
    out = []
    for s, (ki, kinact), kdeg in itertools.product(imax_sets, pairs, kdegs):
        conc = Input("I (TDI)", dm.TDI_HEPATIC_CONCENTRATION_FACTOR * s[-1].value, "uM",
                     note=f"{_fmt(dm.TDI_HEPATIC_CONCENTRATION_FACTOR)} x Imax,u")
        out.append(_copy(template, value=dm.r2(kinact.value, ki.value, conc.value, kdeg.value),
                         inputs=[*s, conc, ki, kinact, kdeg]))
    return out


def _msm(template: Prediction, orows: list[dict[str, Any]], obj: str, target: str,
         imax_sets: list[list[Input]], imax_missing: list[str], dose_sets: list[list[Input]],
         dose_missing: list[str], kis: list[Input], liver_pairs: list[tuple[Input, Input]],
         gut_pairs: list[tuple[Input, Input]], kdegs: list[Input]) -> list[Prediction]:
    fms = [_input(r, "fm", units.content_fraction(float(r["value"]), str(r["unit"])), "fraction")
           for r in _affirmed(orows, "substrate_of", target, ("fm",))]
    gut = target in INTESTINAL_CYP3A
    fgs = [_input(r, "Fg", units.content_fraction(float(r["value"]), str(r["unit"])), "fraction")
           for r in _affirmed(orows, "has_pk_parameter", "homo-sapiens", ("Fg",))]
    missing = list(imax_missing)
    if not fms:
        missing.append(f"fm (fraction of {obj} metabolised by {target})")
    if gut and not fgs:
        missing.append(f"Fg (intestinal availability) of {obj}")
    if gut:
        missing += [m for m in dose_missing if m not in missing]
    if not kis and not liver_pairs:
        missing.append(f"Ki or KI/kinact on {target}")
    if liver_pairs and not kdegs:
        missing.append(f"kdeg of hepatic {target}")
    if missing:
        return [_copy(template, missing=missing)]
    out = []
    ki_options: list[Input | None] = list(kis) or [None]
    for s, fm, ki in itertools.product(imax_sets, fms, ki_options):
        ih = s[-1].value
        inputs = [*s, fm]
        c_h = 1.0
        if ki is not None:
            c_h = dm.reversible_term(ih, ki.value)
            inputs.append(ki)
        a_h = 1.0
        for ka, kdeg in itertools.product(liver_pairs[:1], kdegs[:1]):
            a_h = dm.tdi_term(ka[1].value, ka[0].value, ih, kdeg.value)
            inputs += [ka[0], ka[1], kdeg]
        if not gut:
            out.append(_copy(template, value=dm.mechanistic_static_aucr(fm.value, a_h=a_h, c_h=c_h), inputs=inputs))
            continue
        for d, fg in itertools.product(dose_sets, fgs):
            dose_mg, mw = d[1].value, d[2].value
            ig = Input("Ig", MSM_FA * MSM_KA_PER_H * (dose_mg / mw * 1000.0) / MSM_QEN_L_PER_H, "uM",
                       note="Fa x ka x dose / Qen (Fa 1, ka 0.1/min, Qen 18 L/h)")
            c_g = dm.reversible_term(ig.value, ki.value) if ki is not None else 1.0
            # intestinal TDI needs an intestinal kdeg, which the graph does not hold: gut term is reversible only
            value = dm.mechanistic_static_aucr(fm.value, a_h=a_h, c_h=c_h, fg=fg.value, c_g=c_g)
            out.append(_copy(template, value=value, inputs=[*inputs, *d, ig, fg]))
    return out


def _copy(p: Prediction, **changes: Any) -> Prediction:
    d = {k: getattr(p, k) for k in ("model", "precipitant", "object", "target", "scenario", "rule", "cutoff")}
    return Prediction(**d, **changes)


def _observed(engine: OxigraphStore, obj: str, precipitant: str, product: str) -> tuple[list[Observed], list[Input]]:
    obs = []
    for r in run_query(engine, "observed-interactions", {"object": obj}).rows:
        if r["measure"] == "AUC-ratio" and r["evidence"] == "clinical-ddi-study" and r["value"] is not None:
            obs.append(Observed(str(r["claim"]), str(r["precipitant"]), float(r["value"]), r.get("ci_low"),
                                r.get("ci_high"), str(r["source"]), str(r["evidence"])))
    published = []
    for r in _affirmed(_rows(engine, precipitant), "increases_exposure_of", obj, ("AUC-ratio",)):
        published.append(_input(r, "published predicted AUC ratio", float(r["value"]), "ratio"))
    seen: set[str] = set()
    unique = [o for o in obs if not (o.claim in seen or seen.add(o.claim))]  # type: ignore[func-returns-value]
    return unique, published


def fold_flag(ratio_low: float, ratio_high: float) -> str:
    """Flag a predicted/observed ratio (or range of ratios) beyond 2-fold either way."""
    if ratio_low > FOLD_FLAG:
        return "over-predicted > 2-fold"
    if ratio_high < 1 / FOLD_FLAG:
        return "under-predicted > 2-fold"
    if ratio_low >= 1 / FOLD_FLAG and ratio_high <= FOLD_FLAG:
        return "within 2-fold"
    return "range spans the 2-fold bounds"


def compare(predictions: list[Prediction], observed: list[Observed],
            published: list[Input] | None = None) -> list[Comparison]:
    """Predicted beside observed AUC ratio per model and target (and per published prediction),
    with the predicted/observed ratio and a flag beyond 2-fold either way."""
    out = []
    groups: dict[str, list[float]] = {}
    for p in predictions:
        if p.value is not None and p.model in _AUCR_MODELS:
            groups.setdefault(f"{p.model} via {p.target}", []).append(p.value)
    for i in published or []:
        groups.setdefault(f"published ({i.claim})", []).append(i.value)
    for name, values in groups.items():
        lo, hi = min(values), max(values)
        for o in observed:
            rl, rh = lo / o.value, hi / o.value
            out.append(Comparison(name, lo, hi, o, rl, rh, fold_flag(rl, rh)))
    return out


# --- rendering -------------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    if x == 0 or 1e-3 <= abs(x) < 1e5:
        return f"{x:.3g}" if abs(x) < 100 else f"{x:.4g}"
    return f"{x:.3e}"


def render_text(rep: PredictionReport, max_inputs: int = 12) -> str:
    lines = [f"Predicted interaction size: {rep.precipitant} ({rep.dose} of {rep.product}) -> {rep.object}",
             "Static models of ICH M12; screening values, not for clinical decisions.", ""]
    if not rep.predictions:
        lines.append(f"No prediction: the graph holds no substrate claim for {rep.object} on an enzyme or "
                     f"transporter that {rep.precipitant} has a measured inhibition constant for.")
    by_model: dict[tuple[str, str], list[Prediction]] = {}
    for p in rep.predictions:
        by_model.setdefault((p.target, p.model), []).append(p)
    for (target, model), ps in by_model.items():
        vals = [p.value for p in ps if p.value is not None]
        head = f"[{model}] via {target}: "
        if vals:
            rng = (_fmt(min(vals)) if len(vals) == 1
                   else f"{_fmt(min(vals))} to {_fmt(max(vals))} ({len(vals)} predictions)")
            flagged = sum(v >= ps[0].cutoff for v in vals)
            head += f"{rng}; cut-off {_fmt(ps[0].cutoff)}: {flagged} of {len(vals)} at or above"
        else:
            head += ps[0].verdict
        lines.append(head)
        lines.append(f"  rule: {ps[0].rule}")
        for p in ps:
            if p.value is None:
                continue
            lines.append(f"  = {_fmt(p.value)}  {p.verdict}")
            for i in p.inputs[:max_inputs]:
                lines.append(f"      {i.line()}")
        lines.append("")
    if rep.published:
        lines.append("Published predictions in the graph:")
        lines += [f"  {i.line()}" for i in rep.published]
        lines.append("")
    if rep.observed:
        lines.append("Observed clinical AUC ratios:")
        for o in rep.observed:
            ci = f" (90% CI {_fmt(o.ci_low)}-{_fmt(o.ci_high)})" if o.ci_low is not None else ""
            lines.append(f"  {o.precipitant}: {_fmt(o.value)}{ci} [{o.claim}, {o.source}]")
        lines.append("")
    if rep.comparisons:
        lines.append("Predicted / observed:")
        for c in rep.comparisons:
            rng = _fmt(c.ratio_low) if c.ratio_low == c.ratio_high else f"{_fmt(c.ratio_low)} to {_fmt(c.ratio_high)}"
            lines.append(f"  {c.prediction}: predicted {_fmt(c.predicted_low)}-{_fmt(c.predicted_high)} vs observed "
                         f"{_fmt(c.observed.value)} -> ratio {rng} ({c.flag})")
        lines.append("")
    return "\n".join(lines)


def to_json(rep: PredictionReport) -> str:
    return json.dumps(rep.to_dict(), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "DEFAULT_DOSE",
    "DEFAULT_PRECIPITANT",
    "DEFAULT_PRODUCT",
    "MOLECULAR_FORMULAS",
    "Comparison",
    "Input",
    "Observed",
    "Prediction",
    "PredictionReport",
    "compare",
    "predict_all",
    "render_text",
    "to_json",
]
