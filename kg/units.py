"""Unit conversion, in one tested place.

Values convert only within a dimension (concentration to concentration, time to time); molar and
mass concentrations convert into each other only with a molar mass, which callers must pass.
"""

from __future__ import annotations

import math

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
