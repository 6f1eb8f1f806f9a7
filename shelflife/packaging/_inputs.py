"""Boundary conversions shared by the packaging modules (quantities in, working floats out).

Working units: temperature [K], relative humidity as a fraction [-] (inside the models) or
[%] (in results), pressure [Pa], WVTR [g/(m²·day)], permeance [g/(m²·day·Pa)], thickness
[µm], area [m²], mass [g], time [day], moisture on a dry basis [g water / g dry solids].
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from ..errors import InputError, UnitError

# Spellings of film units that pint does not parse as a lab means them.
_UNIT_FIXES = (
    (re.compile(r"\bm\s*2\b|m²"), "m**2"),
    (re.compile(r"\bcm\s*2\b|cm²"), "cm**2"),
    (re.compile(r"\bin\s*2\b|in²"), "inch**2"),
    (re.compile(r"[·⋅]"), "*"),
    (re.compile(r"\b24\s*h(?:r|rs|ours?)?\b", re.I), "day"),
    (re.compile(r"\bhari\b", re.I), "day"),
    (re.compile(r"\bmil\b"), "thou"),
    (re.compile(r"µ|μ"), "u"),
)


def _fix_units(text: str) -> str:
    out = text
    for pattern, repl in _UNIT_FIXES:
        out = pattern.sub(repl, out)
    return out


def magnitude(value: Any, unit: str, *, what: str, examples: str, allow_bare: bool = False):
    """``value`` (Quantity or string such as ``"5 g/(m2*day)"``) as a float in ``unit``.

    A bare number is returned unchanged when ``allow_bare`` (it is then taken to be in
    ``unit`` already); otherwise it raises ``bare_number``.
    """
    from ..units import get_registry

    reg = get_registry()
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if allow_bare:
            return float(value)
        raise UnitError("bare_number", what=what, value=value, examples=examples)
    try:
        if isinstance(value, str):
            q = reg.Quantity(_fix_units(value.strip()).replace(",", "."))
        elif hasattr(value, "magnitude") and hasattr(value, "units"):
            q = reg.Quantity(value.magnitude, str(value.units))
        else:
            raise UnitError("bare_number", what=what, value=value, examples=examples)
        return float(q.to(unit).magnitude)
    except UnitError:
        raise
    except Exception:
        raise UnitError(
            "unit_wrong_dimension",
            unit=str(value),
            expected=what,
            actual="?",
            examples=examples,
        ) from None


def rh_fraction(rh: Any) -> float:
    """Relative humidity as a fraction 0-1.

    A bare number is a fraction and must not exceed 1 (``75`` is refused as probably %); a
    Quantity or string (``"75 %"``, ``Q_(75, "percent")``) is converted.
    """
    from ..units import to_percent

    if isinstance(rh, (int, float, np.integer, np.floating)) and not isinstance(rh, bool):
        value = float(rh)
        if value > 1.0:
            raise InputError("uptake_rh_above_one", value=value)
        if not (math.isfinite(value) and value >= 0.0):
            raise InputError("uptake_rh_out_of_range", value=f"{value:g}")
        return value
    pct = float(to_percent(rh))
    if not (math.isfinite(pct) and 0.0 <= pct <= 100.0):
        raise InputError("uptake_rh_out_of_range", value=f"{pct:g} %")
    return pct / 100.0


def moisture_db(value: Any, *, what: str, basis: str = "dry") -> float:
    """A moisture content as a dry-basis fraction [g water / g dry solids].

    Bare numbers are fractions on ``basis``; a dimensionless Quantity or string (``"4.5 %"``)
    is converted to a fraction first. ``basis="wet"`` converts ``m_wb`` to
    ``m_db = m_wb / (1 - m_wb)``.
    """
    from ..units import get_registry

    if basis not in ("dry", "wet"):
        raise InputError("option_unknown", what="moisture basis", value=basis, choices="dry, wet")
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        m = float(value)
    else:
        reg = get_registry()
        try:
            q = value if hasattr(value, "units") else reg.Quantity(str(value).replace(",", "."))
            q = reg.Quantity(q.magnitude, str(q.units))
            m = float(q.to("dimensionless").magnitude)
        except Exception:
            raise UnitError(
                "unit_wrong_dimension",
                unit=str(value),
                expected=f"{what} moisture",
                actual="?",
                examples="0.045 (g/g), '4.5 %'",
            ) from None
    if not math.isfinite(m) or m < 0.0 or (basis == "wet" and m >= 1.0):
        raise InputError("uptake_moisture_invalid", what=what, value=f"{m:g}")
    return m / (1.0 - m) if basis == "wet" else m


def celsius(T_K: float) -> float:
    """Kelvin to °C (display)."""
    return float(T_K) - 273.15


def condition_label(T_K: float, rh_percent: float, lang: str = "en") -> str:
    """``"38 °C / 90 % RH"`` (``"38 °C / RH 90 %"`` in Indonesian, decimal comma)."""
    t = f"{celsius(T_K):.4g}"
    h = f"{rh_percent:.4g}"
    if lang == "id":
        return f"{t.replace('.', ',')} °C / RH {h.replace('.', ',')} %"
    return f"{t} °C / {h} % RH"


def num(x: float) -> float | None:
    """JSON-safe float: ``None`` for NaN and infinities."""
    x = float(x)
    return x if math.isfinite(x) else None
