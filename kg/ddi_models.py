"""Static drug-interaction models of the regulatory guidance, as pure functions.

Guidance: ICH M12 "Drug Interaction Studies" (ICH Step 4, May 2024; FDA notice of availability
2024-08-02, 89 FR 63205), which replaced FDA's January 2020 in vitro and clinical DDI guidances.
Each cut-off below is a named constant with its citation; where the value was read only in a
secondary source, or where M12 is silent and FDA 2020 is cited instead, the constant says so.

Concentrations passed to one function must share a unit (all uM, say); kg.units does conversions.
These functions never fill a missing input: callers decide what is missing (kg.prediction).
"""

from __future__ import annotations

from dataclasses import dataclass

M12 = ('ICH M12 "Drug Interaction Studies" (ICH Step 4 May 2024; FDA notice of availability 2024-08-02, '
       "89 FR 63205)")
FDA_2020_IN_VITRO = ('FDA "In Vitro Drug Interaction Studies - Cytochrome P450 Enzyme- and '
                     'Transporter-Mediated Drug Interactions", Guidance for Industry, January 2020')


@dataclass(frozen=True)
class CutOff:
    """A decision threshold: a model value at or beyond it means an interaction cannot be excluded."""

    name: str
    value: float
    direction: str  # ">=": at or above flags a possible interaction
    citation: str

    def flags(self, x: float) -> bool:
        return x >= self.value if self.direction == ">=" else x <= self.value


R1_HEPATIC_CUTOFF = CutOff(
    "R1 (basic reversible, hepatic)", 1.02, ">=",
    f"{M12}, section 2.1.2.1 basic model for reversible inhibition: R1 = 1 + Imax,u/Ki,u >= 1.02 "
    "(Imax,u/Ki,u >= 0.02).")
R1_GUT_CUTOFF = CutOff(
    "R1,gut (basic reversible, intestinal CYP3A)", 11.0, ">=",
    f"{M12}, section 2.1.2.1: for orally given CYP3A inhibitors R1,gut = 1 + Igut/Ki,u >= 11 "
    "(Igut/Ki,u >= 10), Igut = dose / 250 mL.")
R2_CUTOFF = CutOff(
    "R2 (basic time-dependent)", 1.25, ">=",
    f"{M12}, basic model for time-dependent inhibition: R2 = (kobs + kdeg)/kdeg >= 1.25.")
PGP_GUT_CUTOFF = CutOff(
    "Igut/IC50 (P-gp, oral)", 10.0, ">=",
    f"{FDA_2020_IN_VITRO}, transporter inhibition (P-gp and BCRP, orally given drugs): Igut/IC50 >= 10; "
    "the same cut-off is tabulated for M12 by secondary sources (M12 text not read in this work).")
MSM_AUCR_CUTOFF = CutOff(
    "AUCR (mechanistic static model)", 1.25, ">=",
    f"{M12}, model-based evaluation: a predicted AUC ratio >= 1.25 for an inhibitor means an "
    "interaction cannot be excluded.")

GUT_VOLUME_ML = 250.0
"""Igut = dose / 250 mL (M12 basic model for intestinal CYP3A; same volume in FDA 2020)."""

TDI_HEPATIC_CONCENTRATION_FACTOR = 50.0
"""kobs of the basic TDI model is evaluated at 50 x Imax,u (FDA 2020 in vitro guidance, section on
time-dependent inhibition; a secondary summary of M12 gives the same factor; not checked against
the M12 text in this work)."""

FU_FLOOR = 0.01
"""Unbound fraction below 1% is set to 1% (M12, as summarised by secondary sources)."""

# ICH M12 grading of an inhibitor by the AUC ratio of a sensitive index substrate (clinical).
INHIBITOR_STRENGTH = ((5.0, "strong"), (2.0, "moderate"), (1.25, "weak"))


def unbound(concentration: float, fu: float) -> float:
    """Unbound concentration fu x C, with fu floored at :data:`FU_FLOOR` (M12)."""
    if not 0 < fu <= 1:
        raise ValueError(f"fu must be in (0, 1], got {fu}")
    return concentration * max(fu, FU_FLOOR)


def r1(imax_u: float, ki_u: float) -> float:
    """Basic model, reversible inhibition, hepatic: R1 = 1 + Imax,u / Ki,u (M12 2.1.2.1; cut-off 1.02)."""
    _positive(ki_u=ki_u)
    return 1.0 + imax_u / ki_u


def igut(dose_umol: float, volume_ml: float = GUT_VOLUME_ML) -> float:
    """Intestinal luminal concentration (uM) = dose (umol) / 250 mL (M12 basic model)."""
    _positive(volume_ml=volume_ml)
    return dose_umol / (volume_ml / 1000.0)


def r1_gut(i_gut: float, ki_u: float) -> float:
    """Basic model, reversible inhibition of intestinal CYP3A: R1,gut = 1 + Igut / Ki,u (M12; cut-off 11)."""
    _positive(ki_u=ki_u)
    return 1.0 + i_gut / ki_u


def kobs(kinact: float, ki_inact: float, concentration: float) -> float:
    """Observed inactivation rate kobs = kinact x I / (KI + I) (M12 basic TDI model); kinact's unit."""
    _positive(KI=ki_inact)
    return kinact * concentration / (ki_inact + concentration)


def r2(kinact: float, ki_inact: float, concentration: float, kdeg: float) -> float:
    """Basic model, time-dependent inhibition: R2 = (kobs + kdeg) / kdeg (M12; cut-off 1.25).

    kinact and kdeg in the same unit (per min or per h); ``concentration`` and KI in the same unit.
    """
    _positive(kdeg=kdeg)
    return (kobs(kinact, ki_inact, concentration) + kdeg) / kdeg


def pgp_gut_ratio(i_gut: float, ic50: float) -> float:
    """Transporter check for intestinal P-gp of an oral precipitant: Igut / IC50 (cut-off 10)."""
    _positive(IC50=ic50)
    return i_gut / ic50


def reversible_term(concentration: float, ki: float) -> float:
    """C = 1 / (1 + I / Ki): remaining activity under reversible inhibition (mechanistic static model)."""
    _positive(ki=ki)
    return 1.0 / (1.0 + concentration / ki)


def tdi_term(kinact: float, ki_inact: float, concentration: float, kdeg: float) -> float:
    """A = kdeg / (kdeg + kinact x I / (I + KI)): remaining enzyme under time-dependent inhibition."""
    _positive(kdeg=kdeg)
    return kdeg / (kdeg + kobs(kinact, ki_inact, concentration))


def mechanistic_static_aucr(fm: float, *, a_h: float = 1.0, b_h: float = 1.0, c_h: float = 1.0,
                            fg: float = 1.0, a_g: float = 1.0, b_g: float = 1.0, c_g: float = 1.0) -> float:
    """Mechanistic static model (M12 model-based evaluation; Fahmi et al. 2009 form):

    AUCR = 1 / (Ag x Bg x Cg x (1 - Fg) + Fg) x 1 / (Ah x Bh x Ch x fm + (1 - fm))

    A: time-dependent inhibition, B: induction, C: reversible inhibition, each the fraction of
    enzyme activity left in gut (g) or liver (h); fm: fraction of the object drug's clearance by the
    enzyme; Fg: its intestinal availability (Fg = 1 drops the gut term, as for non-CYP3A enzymes).
    """
    for name, x in (("fm", fm), ("fg", fg)):
        if not 0 <= x <= 1:
            raise ValueError(f"{name} must be in [0, 1], got {x}")
    gut = 1.0 / (a_g * b_g * c_g * (1.0 - fg) + fg)
    liver = 1.0 / (a_h * b_h * c_h * fm + (1.0 - fm))
    return gut * liver


def inhibitor_strength(aucr: float) -> str | None:
    """M12 grade of an inhibitor from the AUC ratio of a sensitive index substrate, or None below 1.25."""
    for threshold, label in INHIBITOR_STRENGTH:
        if aucr >= threshold:
            return label
    return None


def _positive(**values: float) -> None:
    for name, x in values.items():
        if not x > 0:
            raise ValueError(f"{name} must be positive, got {x}")


__all__ = [
    "FU_FLOOR",
    "GUT_VOLUME_ML",
    "M12",
    "MSM_AUCR_CUTOFF",
    "PGP_GUT_CUTOFF",
    "R1_GUT_CUTOFF",
    "R1_HEPATIC_CUTOFF",
    "R2_CUTOFF",
    "TDI_HEPATIC_CONCENTRATION_FACTOR",
    "CutOff",
    "igut",
    "inhibitor_strength",
    "kobs",
    "mechanistic_static_aucr",
    "pgp_gut_ratio",
    "r1",
    "r1_gut",
    "r2",
    "reversible_term",
    "tdi_term",
    "unbound",
]
