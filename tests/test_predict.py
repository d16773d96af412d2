"""Static drug-interaction models (ICH M12), their inputs from claims, and predictions as data.

Published numbers reproduced here come from Tanna RS et al. 2023, "Translating Kratom-Drug
Interactions: From Bedside to Bench and Back", Drug Metab Dispos 51(8):923-935
(doi:10.1124/dmd.122.001005), Table 5: basic static model with mitragynine as precipitant,
Ki = IC50/2, Igut = dose/250 mL (~400 uM), Ihep,u ~0.19 uM. The mechanistic static prediction of
Tanna et al. 2021 (JPET 376:64; midazolam AUCR 5.69) needs inputs the graph does not hold (fu,
fm, intestinal kdeg), so it is compared, not reproduced.
"""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

import kg
from kg import ddi_models as dm
from kg import units
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.prediction import Input, Observed, Prediction, compare, fold_flag, predict_all
from kg.prediction_rdf import prediction_triples

# --- formulas on hand-worked cases ----------------------------------------------------------------


def test_r1_hand_worked_and_cutoff() -> None:
    # M12 basic model: Imax,u / Ki,u = 0.02 is exactly the 1.02 cut-off
    assert dm.r1(0.2, 10.0) == pytest.approx(1.02)
    assert dm.R1_HEPATIC_CUTOFF.flags(dm.r1(0.2, 10.0))
    assert not dm.R1_HEPATIC_CUTOFF.flags(dm.r1(0.1, 10.0))
    assert dm.R1_HEPATIC_CUTOFF.value == 1.02 and "M12" in dm.R1_HEPATIC_CUTOFF.citation


def test_r1_gut_hand_worked_and_cutoff() -> None:
    # Igut / Ki,u = 10 is exactly the 11 cut-off (M12)
    assert dm.r1_gut(100.0, 10.0) == pytest.approx(11.0)
    assert dm.R1_GUT_CUTOFF.flags(11.0) and not dm.R1_GUT_CUTOFF.flags(10.9)


def test_igut_dose_over_250_ml() -> None:
    # 100 umol in 250 mL = 400 uM
    assert dm.igut(100.0) == pytest.approx(400.0)


def test_kobs_and_r2_hand_worked() -> None:
    # at I = KI, kobs = kinact / 2: 0.068/2 = 0.034 per min; R2 = (0.034 + 0.0005)/0.0005 = 69
    assert dm.kobs(0.068, 4.1, 4.1) == pytest.approx(0.034)
    assert dm.r2(0.068, 4.1, 4.1, 0.0005) == pytest.approx(69.0)
    assert dm.r2(0.068, 4.1, 0.0, 0.0005) == pytest.approx(1.0)
    assert dm.R2_CUTOFF.value == 1.25


def test_pgp_check() -> None:
    assert dm.pgp_gut_ratio(100.0, 10.0) == pytest.approx(10.0)
    assert dm.PGP_GUT_CUTOFF.flags(10.0) and not dm.PGP_GUT_CUTOFF.flags(9.99)
    assert "FDA" in dm.PGP_GUT_CUTOFF.citation  # which document the cut-off was read in


def test_mechanistic_static_model_hand_worked() -> None:
    # liver: fm 1, half the activity left -> 2; gut: Fg 0.5, half left -> 1/(0.25 + 0.5) = 4/3
    assert dm.mechanistic_static_aucr(1.0, c_h=0.5, fg=0.5, c_g=0.5) == pytest.approx(8 / 3)
    # fm 0: the enzyme plays no part, no interaction
    assert dm.mechanistic_static_aucr(0.0, c_h=0.1) == pytest.approx(1.0)
    # fm 0.9, activity 0.1: 1 / (0.09 + 0.1) = 5.263
    assert dm.mechanistic_static_aucr(0.9, c_h=0.1) == pytest.approx(1 / 0.19)
    assert dm.reversible_term(1.0, 1.0) == pytest.approx(0.5)
    assert dm.tdi_term(0.068, 4.1, 4.1, 0.034) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        dm.mechanistic_static_aucr(1.2)


def test_unbound_floor_and_strength() -> None:
    assert dm.unbound(100.0, 0.005) == pytest.approx(1.0)  # fu floored at 1%
    assert dm.unbound(100.0, 0.2) == pytest.approx(20.0)
    assert [dm.inhibitor_strength(x) for x in (6, 3, 1.3, 1.1)] == ["strong", "moderate", "weak", None]


# --- reproducing published kratom predictions ------------------------------------------------------


@pytest.mark.parametrize(("ki", "published"), [
    (5.7, 1.03),    # CYP3A (Ki = 11.4/2)
    (0.34, 1.57),   # CYP2D6 (Ki = 0.67/2); 1 + 0.19/0.34 = 1.56, 1.57 with the unrounded Ihep,u
    (5.25, 1.04),   # CYP2C19
    (19.9, 1.01),   # CYP2C9
    (16.8, 1.01),   # CYP2C8
])
def test_reproduces_tanna2023_r1_hep(ki: float, published: float) -> None:
    assert dm.r1(0.19, ki) == pytest.approx(published, abs=0.015)


def test_reproduces_tanna2023_r1_gut_and_pgp() -> None:
    assert round(dm.r1_gut(400.0, 5.7)) == 71          # CYP3A, Table 5
    assert round(dm.pgp_gut_ratio(400.0, 18.2)) == 22  # P-gp, Igut/IC50, Table 5


def test_igut_of_the_clinical_dose_matches_tanna2023() -> None:
    # 2 g of product K51 at 19.48 mg/g = 38.96 mg mitragynine (Tanna 2023: 39 mg); / 398.5 g/mol / 250 mL
    mg = units.constituent_dose_mg(2, "g", 19.48, "mg/g")
    assert mg == pytest.approx(38.96)
    igut = units.gut_concentration_um(mg, units.molar_mass("C23H30N2O4"))
    assert igut == pytest.approx(391.1, abs=0.1)
    assert abs(igut / 400 - 1) < 0.03  # "~400 uM" in Table 5


def test_graph_r1_gut_matches_published(graph: KnowledgeGraph) -> None:
    rep = predict_all(graph.engine, "midazolam")
    gut = [p for p in rep.predictions if p.model == "R1,gut" and "tanna2023a-mtg-cyp3a4-ki-estimate" in p.claims]
    assert len(gut) == 1 and gut[0].value is not None
    assert abs(gut[0].value / 71 - 1) < 0.03  # 69.6 from Igut 391 uM vs 71 from "~400"
    assert gut[0].value >= dm.R1_GUT_CUTOFF.value and "cannot be excluded" in gut[0].verdict


# --- units -----------------------------------------------------------------------------------------


def test_molar_mass_from_formula() -> None:
    assert units.molar_mass("C23H30N2O4") == pytest.approx(398.5, abs=0.05)   # mitragynine
    assert units.molar_mass("C23H30N2O5") == pytest.approx(414.5, abs=0.05)   # 7-hydroxymitragynine
    with pytest.raises(ValueError):
        units.molar_mass("C23X")


def test_unit_conversions() -> None:
    assert units.convert(81.9, "nM", "ng/mL", 398.5) == pytest.approx(32.64, abs=0.01)
    assert units.convert(32.637, "ng/mL", "nM", 398.5) == pytest.approx(81.9, abs=0.01)
    assert units.convert(1.17, "uM", "nM") == pytest.approx(1170)
    assert units.convert(0.45, "mM", "uM") == pytest.approx(450)
    assert units.convert(0.068, "per-min", "per-h") == pytest.approx(4.08)
    assert units.rate_from_half_life(72, "h", "per-h") == pytest.approx(math.log(2) / 72)
    assert units.parse_amount("2g") == (2.0, "g") and units.parse_amount("39 mg") == (39.0, "mg")
    assert units.content_fraction(1.5, "percent") == pytest.approx(0.015)
    assert units.gut_concentration_um(398.5, 398.5) == pytest.approx(4000.0)  # 1 mmol in 250 mL = 4 mM
    with pytest.raises(ValueError):
        units.convert(1, "nM", "ng/mL")  # needs the molar mass
    with pytest.raises(ValueError):
        units.parse_amount("two grams")


# --- missing inputs --------------------------------------------------------------------------------


def test_missing_input_gives_no_number() -> None:
    p = Prediction("R1", "mitragynine", "midazolam", "cyp3a4", "2 g", "rule", 1.02, missing=["fu of mitragynine"])
    assert p.value is None and p.verdict == "cannot predict: needs fu of mitragynine"
    assert not any(t[1].endswith("predictedValue") for t in prediction_triples(_report([p])))


def test_midazolam_and_dextromethorphan(graph: KnowledgeGraph) -> None:
    for obj, target in (("midazolam", "cyp3a4"), ("dextromethorphan", "cyp2d6")):
        rep = predict_all(graph.engine, obj)
        r1 = [p for p in rep.predictions if p.model == "R1" and p.target == target]
        assert r1, obj
        for p in r1:  # the graph holds no unbound fraction of mitragynine
            if p.value is None:
                assert p.verdict.startswith("cannot predict: needs") and "fu" in p.verdict
        msm = [p for p in rep.predictions if p.model.startswith("AUCR") and p.target == target]
        assert msm and all(p.value is None and any("fm" in m for m in p.missing) for p in msm)
        assert rep.observed, f"observed clinical ratio for {obj}"
        for p in rep.predictions:
            if p.value is not None:
                assert p.claims and all(i.claim or i.note for i in p.inputs)


def test_several_sources_give_a_range(graph: KnowledgeGraph) -> None:
    rep = predict_all(graph.engine, "midazolam")
    values = [p.value for p in rep.predictions if p.model == "R1,gut" and p.value is not None]
    assert len(values) >= 2 and min(values) < max(values)


# --- observed versus predicted ---------------------------------------------------------------------


def test_flags() -> None:
    assert fold_flag(4.1, 4.1) == "over-predicted > 2-fold"
    assert fold_flag(0.3, 0.4) == "under-predicted > 2-fold"
    assert fold_flag(1.07, 1.07) == "within 2-fold"


def test_published_vs_observed_midazolam(graph: KnowledgeGraph) -> None:
    rep = predict_all(graph.engine, "midazolam")
    obs = [o for o in rep.observed if o.claim == "tanna2023-k51-midazolam-auc"]
    assert obs and obs[0].value == pytest.approx(1.39)
    pub = [c for c in rep.comparisons if "tanna2021-mtg-midazolam-predicted-aucr" in c.prediction]
    assert pub and pub[0].ratio_low == pytest.approx(5.69 / 1.39) and pub[0].flag == "over-predicted > 2-fold"
    rep = predict_all(graph.engine, "dextromethorphan")
    pub = [c for c in rep.comparisons if "published" in c.prediction]
    assert pub and pub[0].flag == "within 2-fold"


def test_compare_pure() -> None:
    p = Prediction("R1,gut", "m", "o", "cyp3a4", "s", "r", 11, value=4.0)
    o = Observed("c", "k51", 2.0, None, None, "src", "clinical-ddi-study")
    (c,) = compare([p], [o])
    assert c.ratio_low == pytest.approx(2.0) and c.flag == "within 2-fold"


# --- predictions as data ---------------------------------------------------------------------------


def test_predictions_in_inferred_graph(graph: KnowledgeGraph) -> None:
    _, rows = graph.engine.select("""
        PREFIX kkg: <https://w3id.org/kratom-kg/vocab#>
        SELECT ?p ?v ?claim ?rule ?cut WHERE {
          GRAPH <https://w3id.org/kratom-kg/graph/inferred> {
            ?p a kkg:Prediction ; kkg:model "R1,gut" ; kkg:predictedValue ?v ; kkg:usedClaim ?claim ;
               kkg:guidanceRule ?rule ; kkg:cutOff ?cut ; kkg:predictionObject ?o .
            FILTER(STRENDS(STR(?o), "/midazolam"))
          }
          ?claim a kkg:Claim .
        }""")
    assert rows
    assert all(r["p"].value.startswith("https://w3id.org/kratom-kg/id/prediction/") for r in rows)  # type: ignore[union-attr]
    assert all(float(r["cut"].value) == 11.0 for r in rows)  # type: ignore[union-attr]


def test_prediction_iris_deterministic(graph: KnowledgeGraph) -> None:
    a = [p.key() for p in predict_all(graph.engine, "midazolam").predictions]
    b = [p.key() for p in predict_all(graph.engine, "midazolam").predictions]
    assert a == b and len(set(a)) == len(a)


# --- CLI and API -----------------------------------------------------------------------------------


def test_cli_predict() -> None:
    r = CliRunner().invoke(main, ["predict", "midazolam", "--precipitant", "mitragynine", "--dose", "2g"])
    assert r.exit_code == 0 and "R1,gut" in r.output and "cannot predict: needs" in r.output
    r = CliRunner().invoke(main, ["predict", "dextromethorphan", "--format", "json"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["object"] == "dextromethorphan" and data["observed"][0]["value"] == pytest.approx(0.99)
    assert CliRunner().invoke(main, ["predict", "no-such-drug"]).exit_code == 2
    assert CliRunner().invoke(main, ["predict", "midazolam", "--precipitant", "no-such-alkaloid"]).exit_code == 2
    assert CliRunner().invoke(main, ["predict", "midazolam", "--dose", "lots"]).exit_code == 2


def test_api_predict() -> None:
    import kg

    rep = kg.predict("midazolam")
    assert rep.object == "midazolam" and rep.predictions


def _report(preds: list[Prediction]):  # type: ignore[no-untyped-def]
    from kg.prediction import PredictionReport

    return PredictionReport("midazolam", "mitragynine", "2g", "k51", preds, [], [], [],
                            "https://w3id.org/kratom-kg/id/substance/midazolam",
                            "https://w3id.org/kratom-kg/id/compound/mitragynine")


def test_input_line() -> None:
    i = Input("Ki", 5.7, "uM", "tanna2023a-mtg-cyp3a4-ki-estimate", "tanna2023a", "computational")
    assert "tanna2023a-mtg-cyp3a4-ki-estimate" in i.line()


def test_msm_with_every_input_computes() -> None:
    """With fu, fm and Fg present (synthetic rows, hand-worked), the mechanistic model gives a number."""
    from kg.prediction import _msm

    def row(claim: str, relation: str, obj: str, measure: str, value: float, unit: str) -> dict[str, object]:
        return {"claim": claim, "source": "s", "evidence": "e", "polarity": "affirmed", "relation": relation,
                "object": obj, "measure": measure, "value": value, "unit": unit, "species": "homo-sapiens"}

    orows = [row("fm1", "substrate_of", "cyp2d6", "fm", 0.9, "fraction")]
    imax = [[Input("Imax,u", 1.0, "uM")]]
    kis = [Input("Ki", 1.0, "uM", "ki1", "s", "e")]
    template = Prediction("AUCR (mechanistic static)", "m", "o", "cyp2d6", "s", "rule", 1.25)
    (p,) = _msm(template, orows, "o", "cyp2d6", imax, [], [], [], kis, [], [], [])
    # C = 1/(1 + 1/1) = 0.5; AUCR = 1/(0.5 x 0.9 + 0.1) = 1/0.55
    assert p.value == pytest.approx(1 / 0.55) and {"fm1", "ki1"} <= set(p.claims)
    (q,) = _msm(template, [], "o", "cyp2d6", imax, [], [], [], kis, [], [], [])
    assert q.value is None and any(m.startswith("fm") for m in q.missing)


def test_interactions_show_predicted_size(graph: KnowledgeGraph) -> None:
    from kg.interaction_report import interactions

    answers = [a for a in interactions(graph.engine, "midazolam") if a.target and a.target.endswith("cyp3a4")]
    assert answers and any(any(p.startswith("R1,gut:") for p in a.predicted) for a in answers)
    assert any(any("cannot predict: needs" in p for p in a.predicted) for a in answers)


def test_graph_r1_reproduces_published_hepatic_r1() -> None:
    """From the graph's own claims (Tanna et al. 2023, DMD 51:923, Table 5: unbound hepatic inlet
    concentration ~0.19 uM and their Ki estimates), R1 for mitragynine reproduces the review's
    hepatic R1 values: 1.03 for CYP3A (midazolam) and 1.57 for CYP2D6 (dextromethorphan)."""
    rep = kg.predict("midazolam")
    r1 = [p.value for p in rep.predictions if p.model == "R1" and p.value is not None]
    assert max(r1) == pytest.approx(1.03, abs=0.01)
    rep = kg.predict("dextromethorphan")
    r1 = [p.value for p in rep.predictions if p.model == "R1" and p.value is not None and p.target == "cyp2d6"]
    assert max(r1) == pytest.approx(1.57, abs=0.02)
