"""Tolerances and plausible ranges that ``shelflife protocol check`` judges the data by.

:data:`TEMPERATURE_TOLERANCE` ties data rows and logger readings to a chamber,
:data:`OUTLIER_Z` is the threshold of a suspected outlier, and :data:`PLAUSIBLE_RANGES`
(by unit) with :func:`plausible_range` (by attribute name first) bound the values a lab
can have measured.
"""

from __future__ import annotations

import re

from ..sheet import _RANGES

__all__ = ["PLAUSIBLE_RANGES", "TEMPERATURE_TOLERANCE", "OUTLIER_Z", "plausible_range"]

#: A data row belongs to a chamber when its temperature is within this of the set-point,
#: and a logger reading is an excursion when it is farther than this from it [°C].
TEMPERATURE_TOLERANCE = 2.0
#: Threshold of the leave-one-out robust z score of a suspected outlier.
OUTLIER_Z = 4.5

#: Plausible ranges of measured values by unit (``None``: open). The first entries are the
#: ranges the Excel data sheet validates with (:mod:`shelflife.protocols.sheet`).
PLAUSIBLE_RANGES: dict[str, tuple[float | None, float | None]] = {
    **{unit: (float(low), float(high)) for unit, (low, high) in _RANGES.items()},
    "% b/b": (0.0, 100.0),
    "% w/w": (0.0, 100.0),
    "% bb": (0.0, 100.0),
    "% bk": (0.0, None),  # dry basis may exceed 100 %
    "g/100 g": (0.0, 100.0),
    "g/g": (0.0, None),
    "meq/kg": (0.0, None),
    "meq O2/kg": (0.0, None),
    "mg/kg": (0.0, None),
    "mg/100 g": (0.0, None),
    "mg/l": (0.0, None),
    "ppm": (0.0, None),
    "mg KOH/g": (0.0, None),
    "mg MDA/kg": (0.0, None),
    "CFU/g": (0.0, None),
    "koloni/g": (0.0, None),
    "MPN/g": (0.0, None),
    "APM/g": (0.0, None),
    "log CFU/g": (0.0, 15.0),
    "log(CFU/g)": (0.0, 15.0),
    "log10 koloni/g": (0.0, 15.0),
    "N": (0.0, None),
    "gf": (0.0, None),
    "kgf": (0.0, None),
    "pH": (0.0, 14.0),
    "a_w": (0.0, 1.0),
    "aw": (0.0, 1.0),
    "°Brix": (0.0, 100.0),
    "Brix": (0.0, 100.0),
}
#: Plausible ranges by attribute name, whatever the unit.
_NAME_RANGES: dict[str, tuple[float | None, float | None]] = {
    "ph": (0.0, 14.0),
    "aw": (0.0, 1.0),
    "a_w": (0.0, 1.0),
    "water_activity": (0.0, 1.0),
    "aktivitas_air": (0.0, 1.0),
}
_PERCENT_UNITS = {"%", "percent", "%b/b", "%w/w", "%bb", "g/100g"}


def _unit_key(unit: str) -> str:
    return re.sub(r"\s+", "", str(unit)).casefold()


_RANGES_BY_KEY = {_unit_key(u): r for u, r in PLAUSIBLE_RANGES.items()}


def plausible_range(name: str, unit: str) -> tuple[float | None, float | None] | None:
    """The plausible range of an attribute's values, or ``None`` when nothing is known.

    Examples
    --------
    >>> plausible_range("moisture", "%")
    (0.0, 100.0)
    >>> plausible_range("pH", "")
    (0.0, 14.0)
    >>> plausible_range("colour_b", "") is None
    True
    """
    from ...io.headers import normalise

    by_name = _NAME_RANGES.get(normalise(name))
    if by_name is not None:
        return by_name
    return _RANGES_BY_KEY.get(_unit_key(unit)) if unit else None
