"""Unit conversion, in one tested place.

Values convert only within a dimension (concentration to concentration, time to time); molar and
mass concentrations convert into each other only with a molar mass, which callers must pass.
"""

from __future__ import annotations

import math
import re

from kg import terms


def to_base(value: float, unit: str) -> float | None:
    """Value in the base unit of its dimension (M, g/mL, g, h, per h, ...), or None if unknown."""
    u = terms.UNITS.get(unit)
    if u is None:
        return None
    return value * u.factor


def convert(value: float, unit: str, to: str, molar_mass: float | None = None) -> float:
    """Convert between units of one dimension; mass <-> molar concentration needs molar_mass (g/mol)."""
    src, dst = terms.UNITS[unit], terms.UNITS[to]
    base = value * src.factor
    if src.dimension == dst.dimension:
        return base / dst.factor
    pair = {src.dimension, dst.dimension}
    if pair == {"molar", "mass-concentration"}:
        if molar_mass is None or molar_mass <= 0:
            raise ValueError(f"converting {unit} to {to} needs the molar mass")
        # base mass-concentration is g/mL; molar is mol/L
        if src.dimension == "mass-concentration":
            return (base * 1000 / molar_mass) / dst.factor
        return (base * molar_mass / 1000) / dst.factor
    raise ValueError(f"cannot convert {unit} ({src.dimension}) to {to} ({dst.dimension})")


def p_value(measure: str, value: float, unit: str) -> float | None:
    """Negative log10 molar value (pKi, pIC50, ...) for molar affinity and potency values."""
    if measure not in terms.P_MEASURES or value <= 0:
        return None
    u = terms.UNITS.get(unit)
    if u is None or u.dimension != "molar":
        return None
    return -math.log10(value * u.factor)


# --- molar mass, doses and rates (used by kg.prediction) -------------------------------------------

STANDARD_ATOMIC_WEIGHTS: dict[str, float] = {
    # Conventional standard atomic weights (IUPAC Commission on Isotopic Abundances and Atomic
    # Weights, CIAAW; abridged values to 4-5 significant figures as tabulated by IUPAC).
    "H": 1.008,
    "C": 12.011,
    "N": 14.007,
    "O": 15.999,
    "S": 32.06,
    "Cl": 35.45,
    "F": 18.998,
}

_ELEMENT = re.compile(r"([A-Z][a-z]?)(\d*)")


def molar_mass(formula: str) -> float:
    """Molar mass (g/mol) of a molecular formula such as ``C23H30N2O4``, from standard atomic weights."""
    text = formula.replace(" ", "")
    pos, total = 0, 0.0
    for m in _ELEMENT.finditer(text):
        if m.start() != pos:
            raise ValueError(f"cannot parse formula {formula!r} at position {pos}")
        element, count = m.group(1), m.group(2)
        if element not in STANDARD_ATOMIC_WEIGHTS:
            raise ValueError(f"no atomic weight for element {element!r} in {formula!r}")
        total += STANDARD_ATOMIC_WEIGHTS[element] * (int(count) if count else 1)
        pos = m.end()
    if pos != len(text) or total == 0:
        raise ValueError(f"cannot parse formula {formula!r}")
    return total


_AMOUNT = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)\s*([A-Za-z/%*]+)\s*$")


def parse_amount(text: str) -> tuple[float, str]:
    """``"2g"`` or ``"39 mg"`` -> (value, unit key of kg.terms.UNITS)."""
    m = _AMOUNT.match(text)
    if not m:
        raise ValueError(f"cannot read an amount from {text!r} (expected e.g. 2g or 39mg)")
    value, unit = float(m.group(1)), m.group(2)
    aliases = {"%": "percent", "µM": "uM", "μM": "uM"}
    unit = aliases.get(unit, unit)
    if unit not in terms.UNITS:
        raise ValueError(f"unknown unit {unit!r} in {text!r}; known: {', '.join(terms.UNITS)}")
    return value, unit


def content_fraction(value: float, unit: str) -> float:
    """A content (mg/g, percent or fraction) as a mass fraction (g per g)."""
    u = terms.UNITS[unit]
    if u.dimension not in ("content", "fraction"):
        raise ValueError(f"a content needs mg/g, percent or fraction, got {unit}")
    return value * u.factor


def constituent_dose_mg(material: float, material_unit: str, content: float, content_unit: str) -> float:
    """Milligrams of a constituent in an amount of material with the given content (mg/g, percent)."""
    grams = convert(material, material_unit, "g")
    return grams * content_fraction(content, content_unit) * 1000.0


def gut_concentration_um(dose_mg: float, molar_mass_g_mol: float, volume_ml: float = 250.0) -> float:
    """Intestinal concentration Igut (uM) of an oral dose dissolved in ``volume_ml`` (guidance: 250 mL)."""
    if molar_mass_g_mol <= 0 or volume_ml <= 0:
        raise ValueError("molar mass and volume must be positive")
    micromoles = dose_mg / molar_mass_g_mol * 1000.0
    return micromoles / (volume_ml / 1000.0)


def rate_from_half_life(value: float, unit: str, to: str = "per-h") -> float:
    """First-order rate constant k = ln 2 / t1/2, in ``to`` (per-h or per-min)."""
    hours = convert(value, unit, "h")
    if hours <= 0:
        raise ValueError("a half-life must be positive")
    return convert(math.log(2) / hours, "per-h", to)
