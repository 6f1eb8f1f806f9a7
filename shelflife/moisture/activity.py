r"""Water activity as a fraction: reading fractions, percentages and relative humidities.

Water activity :math:`a_w` is a fraction between 0 and 1; the equilibrium relative humidity
over a food is :math:`100\,a_w` percent. Labs write both, so a water activity of 1.2 or 75
is almost always a relative humidity in percent. The reader here refuses such values with
a message that says so, instead of fitting nonsense.

Examples
--------
>>> water_activity_fraction("75 %")
0.75
>>> water_activity_fraction(0.432)
0.432
>>> water_activity_fraction(["32,8 %", "75.3 %"]).round(4).tolist()
[0.328, 0.753]
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..errors import InputError, UnitError

__all__ = ["water_activity_fraction"]

_RH_WORDS = re.compile(r"\b(?:e?rh|kelemba[bp]an(?:\s+relatif)?)\b", re.I)


def _one(text: str, what: str) -> float:
    from ..units import quantity

    cleaned = _RH_WORDS.sub("", text).strip()
    try:
        if re.fullmatch(r"\s*[-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?\s*", cleaned):
            return float(cleaned.replace(",", "."))
        q = quantity(cleaned, what=what)
    except UnitError:
        raise UnitError("water_activity_unit_invalid", value=text) from None
    if not q.dimensionless:
        raise UnitError("water_activity_unit_invalid", value=text)
    return float(q.to("").magnitude)


def water_activity_fraction(
    value: Any,
    *,
    what: str = "water activity",
    open_interval: bool = False,
    where: dict | None = None,
) -> Any:
    """Read water activities as fractions between 0 and 1.

    Parameters
    ----------
    value : float, array-like, str, list of str or pint.Quantity
        Fractions (``0.75``), percentages (``"75 %"``, ``"75 % RH"``, ``Q_(75, "%")``) or a
        dimensionless Quantity. Plain numbers are fractions.
    what : str
        Name used in messages.
    open_interval : bool
        Refuse 0 and 1 too (isotherm fits need :math:`0 < a_w < 1`).
    where : dict, optional
        Location for errors (``file``, ``row``, ``column``).

    Returns
    -------
    float or numpy.ndarray
        Water activity [–, fraction].

    Raises
    ------
    InputError
        ``water_activity_above_one`` (a value above 1: probably a relative humidity in %),
        ``water_activity_negative``, ``water_activity_not_inside`` (0 or 1 with
        ``open_interval``).
    UnitError
        ``water_activity_unit_invalid`` for a unit that is not a ratio.
    """
    where = where or {}
    if isinstance(value, str):
        aw: Any = _one(value, what)
    elif isinstance(value, (list, tuple)) and any(isinstance(v, str) for v in value):
        aw = np.array([_one(str(v), what) if isinstance(v, str) else float(v) for v in value])
    elif hasattr(value, "magnitude") and hasattr(value, "units"):
        if not value.dimensionless:
            raise UnitError("water_activity_unit_invalid", value=str(value))
        mag = value.to("").magnitude
        aw = float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float)
    else:
        arr = np.asarray(value, dtype=float)
        aw = float(arr) if arr.ndim == 0 else arr
    arr = np.atleast_1d(np.asarray(aw, dtype=float))
    finite = arr[np.isfinite(arr)]
    if finite.size and np.any(finite > 1.0):
        bad = float(finite[finite > 1.0][0])
        raise InputError(
            "water_activity_above_one", what=what, value=bad, fraction=bad / 100.0, **where
        )
    if finite.size and np.any(finite < 0.0):
        raise InputError("water_activity_negative", what=what, value=float(finite.min()), **where)
    if open_interval and finite.size and np.any((finite <= 0.0) | (finite >= 1.0)):
        bad = float(finite[(finite <= 0.0) | (finite >= 1.0)][0])
        raise InputError("water_activity_not_inside", what=what, value=bad, **where)
    return aw
