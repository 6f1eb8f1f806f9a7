"""Units: the package's one pint registry, lab units, parsing and working-unit conversions.

Policy (DESIGN.md §3): quantities at the boundaries, plain floats in fixed *working units*
inside. The working units are chosen for numerical conditioning:

============================  ==========
quantity                      working unit
============================  ==========
time                          day
temperature (absolute)        K
activation energy             kJ/mol
rate constant (first order)   1/day
============================  ==========

The registry is created on first use (creating it costs about half a second), so that
``import shelflife`` stays fast. It is also made pint's application registry, so quantities
from :mod:`pint_pandas` or unpickling interoperate.

Lab units defined here: ``meq/kg`` (peroxide value, via ``equivalent``), ``percent`` and
``g/100 g``, ``mg/100 g``, ``CFU/g``, ``log10 CFU/g``, ``score`` (hedonic scores,
dimensionless). A month is 30.4375 days and a year 365.25 days (pint's Julian year).
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "get_registry",
    "parse_unit",
    "quantity",
    "to_kelvin",
    "to_days",
    "to_kj_per_mol",
    "to_percent",
    "magnitude_in",
    "format_unit",
    "months_days",
    "format_duration",
    "GAS_CONSTANT",
    "DAYS_PER_MONTH",
    "DAYS_PER_YEAR",
    "STORAGE_TEMPERATURE_RANGE_K",
]

#: Molar gas constant R [kJ/(mol K)] (CODATA 2018, exact).
GAS_CONSTANT = 8.314462618e-3
#: Days in a month (a twelfth of the Julian year) [day].
DAYS_PER_MONTH = 30.4375
#: Days in a (Julian) year [day].
DAYS_PER_YEAR = 365.25
#: Temperatures a storage study can plausibly use [K]: -80 °C (ultra-low freezer) to
#: 100 °C (boiling water; ASLT chambers stay far below).
STORAGE_TEMPERATURE_RANGE_K = (193.15, 373.15)

_REGISTRY: pint.UnitRegistry | None = None

_DEFINITIONS = (
    "equivalent = [equivalent] = eq",
    "colony_forming_unit = [colony_count] = CFU = cfu",
    "log10_colony_forming_unit_per_gram = [log10_count_per_mass] = log10_CFU_per_g",
    "score = [] = hedonic_score",
    "gram_per_100_gram = 0.01 = g_per_100g",
    "milligram_per_100_gram = 1e-5 = mg_per_100g",
)

# Spellings labs use that pint does not parse the way a lab means them.
_PREPROCESS = (
    (re.compile(r"\blog\s*(?:10)?\s*\(?\s*cfu\s*\)?\s*/\s*g\b", re.I), "log10_CFU_per_g"),
    (re.compile(r"\bmg\s*/\s*100\s*g\b"), "mg_per_100g"),
    (re.compile(r"\bg\s*/\s*100\s*g\b"), "g_per_100g"),
    (re.compile(r"\bmeq\s*O2\s*/\s*kg\b", re.I), "meq/kg"),
    (re.compile(r"°\s*C\b"), "degC"),
    (re.compile(r"°\s*F\b"), "degF"),
    (re.compile(r"\bderajat\s+C(?:elsius)?\b", re.I), "degC"),
    (re.compile(r"\bhari\b", re.I), "day"),
    (re.compile(r"\bminggu\b", re.I), "week"),
    (re.compile(r"\bbulan\b", re.I), "month"),
    (re.compile(r"\bjam\b", re.I), "hour"),
    (re.compile(r"%"), "percent"),
)

_DIMENSIONS = {
    "temperature": ("[temperature]", "°C, K or °F"),
    "time": ("[time]", "day, week or month"),
    "activation_energy": ("[energy] / [substance]", "kJ/mol or kcal/mol"),
}


def get_registry() -> pint.UnitRegistry:
    """Return the package's unit registry, creating it on first use.

    The registry has ``autoconvert_offset_to_baseunit`` switched on (so that ``1/T`` works
    on a temperature in °C) and is installed as pint's application registry.
    """
    global _REGISTRY
    if _REGISTRY is None:
        import pint

        reg = _new_registry(pint)
        for line in _DEFINITIONS:
            reg.define(line)
        reg.formatter.default_format = "~P"
        pint.set_application_registry(reg)
        _REGISTRY = reg
    return _REGISTRY


def _new_registry(pint):
    """A UnitRegistry, using pint's parsed-definitions cache when it is usable.

    Parsing pint's default definitions costs about 0.35 s; pint's on-disk cache (in the
    user cache folder) brings that to 0.05 s. Set ``SHELFLIFE_NO_UNIT_CACHE=1`` to skip it;
    any failure of the cache (read-only home, a concurrent writer) falls back to parsing.
    """
    import os

    if not os.environ.get("SHELFLIFE_NO_UNIT_CACHE"):
        try:
            return pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
        except Exception:  # noqa: BLE001 - any cache problem: parse instead
            pass
    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


def _normalise(text: str) -> str:
    out = text.strip()
    for pattern, repl in _PREPROCESS:
        out = pattern.sub(repl, out)
    return out


#: Longest unit text parsed [characters]. Lab units are short ("log10 CFU/g",
#: "g/(m²·day)"); a longer text is refused at once as unknown, because pint's string
#: preprocessing takes seconds on tens of kilobytes (found by fuzzing: a 70 kB cell).
MAX_UNIT_LENGTH = 80


@functools.lru_cache(maxsize=1024)
def _unit(text: str):
    """The unit of a normalised unit string, parsed once (a study repeats a few units)."""
    return get_registry().Unit(text)


def parse_unit(text: str | None, *, expected: str | None = None, where: dict | None = None):
    """Parse a unit string as a lab writes it into a :class:`pint.Unit`.

    Parameters
    ----------
    text : str
        E.g. ``"meq/kg"``, ``"%"``, ``"g/100 g"``, ``"°C"``, ``"hari"``, ``"log10 CFU/g"``.
    expected : {"temperature", "time", "activation_energy"}, optional
        Dimension the unit must have.
    where : dict, optional
        Location passed to the error (``file``, ``row``, ``column``, ``key``).

    Raises
    ------
    UnitError
        The unit is empty (when a dimension is expected), unknown, or of the wrong
        dimension.

    Examples
    --------
    >>> parse_unit("meq/kg")
    <Unit('milliequivalent / kilogram')>
    >>> parse_unit("°C", expected="temperature")
    <Unit('degree_Celsius')>
    """
    reg = get_registry()
    where = where or {}
    examples = _DIMENSIONS[expected][1] if expected else "meq/kg, %, g/100 g, mg/100 g or score"
    if text is None or not str(text).strip():
        if expected:
            raise UnitError(
                "unit_missing", what=expected.replace("_", " "), examples=examples, **where
            )
        return reg.dimensionless
    raw = str(text)
    if len(raw) > MAX_UNIT_LENGTH:  # pint's preprocessing is superlinear in the length
        shown = raw[:MAX_UNIT_LENGTH] + "…"
        raise UnitError("unit_unknown", unit=shown, examples=examples, **where)
    try:
        unit = _unit(_normalise(raw))
    except Exception:
        raise UnitError("unit_unknown", unit=raw, examples=examples, **where) from None
    if expected:
        dim = _DIMENSIONS[expected][0]
        if unit.dimensionality != reg.get_dimensionality(dim):
            raise UnitError(
                "unit_wrong_dimension",
                unit=raw,
                expected=expected.replace("_", " "),
                actual=str(unit.dimensionality) if not unit.dimensionless else "dimensionless",
                examples=examples,
                **where,
            )
    return unit


def quantity(
    value: Any, unit: str | None = None, *, what: str = "value", expected: str | None = None
):
    """Make a :class:`pint.Quantity` from a Quantity, a string like ``"45 °C"`` or a number.

    A bare number is accepted only with ``unit``; for temperatures, times and activation
    energies a bare number without unit raises :class:`UnitError`.
    """
    reg = get_registry()
    if isinstance(value, reg.Quantity):
        q = value
    elif hasattr(value, "magnitude") and hasattr(value, "units"):
        # a Quantity of another registry: rebuild it in ours
        q = reg.Quantity(value.magnitude, str(value.units))
    elif isinstance(value, str):
        text = value.strip()
        m = re.match(r"^\s*([-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?)\s*(.*)$", text)
        if not m:
            raise UnitError(
                "unit_unknown",
                unit=text,
                examples=_DIMENSIONS.get(expected, ("", "a number and a unit"))[1],
            )
        number = float(m.group(1).replace(",", "."))
        unit_text = m.group(2).strip() or unit
        if not unit_text:
            raise UnitError("bare_number", what=what, value=value, examples=_examples(expected))
        q = reg.Quantity(number, parse_unit(unit_text, expected=expected))
    else:
        if unit is None:
            raise UnitError("bare_number", what=what, value=value, examples=_examples(expected))
        q = reg.Quantity(
            np.asarray(value, dtype=float) if np.ndim(value) else float(value), parse_unit(unit)
        )
    if expected:
        dim = _DIMENSIONS[expected][0]
        if q.dimensionality != reg.get_dimensionality(dim):
            raise UnitError(
                "unit_wrong_dimension",
                unit=str(q.units),
                expected=expected.replace("_", " "),
                actual=str(q.dimensionality),
                examples=_DIMENSIONS[expected][1],
            )
    return q


def _examples(expected: str | None) -> str:
    return {
        "temperature": "'30 °C', Q_(30, 'degC') or '303.15 K'",
        "time": "'6 month', Q_(180, 'day')",
        "activation_energy": "'80 kJ/mol' or '19 kcal/mol'",
    }.get(expected or "", "Q_(value, 'unit')")


def to_kelvin(temperature: Any) -> np.ndarray | float:
    """Convert a temperature (Quantity or string) to kelvin floats.

    Parameters
    ----------
    temperature : pint.Quantity or str or sequence of str
        E.g. ``Q_([25, 35], "degC")``, ``"45 °C"``, ``"318.15 K"``, ``"113 °F"``.

    Returns
    -------
    float or numpy.ndarray
        Absolute temperature [K].

    Raises
    ------
    UnitError
        For a bare number (temperatures are never bare numbers in the public API).

    Examples
    --------
    >>> to_kelvin("45 °C")
    318.15
    >>> round(to_kelvin("113 °F"), 6)
    318.15
    """
    if isinstance(temperature, (list, tuple)) and temperature and isinstance(temperature[0], str):
        return np.array([to_kelvin(t) for t in temperature])
    if isinstance(temperature, str):
        return _kelvin_of_text(temperature)
    q = quantity(temperature, what="temperature", expected="temperature")
    mag = q.to("kelvin").magnitude
    return float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float)


@functools.lru_cache(maxsize=4096)
def _kelvin_of_text(text: str) -> float:
    """A temperature written as text, in kelvin (studies repeat "30 degC" thousands of times)."""
    q = quantity(text, what="temperature", expected="temperature")
    return float(q.to("kelvin").magnitude)


def to_days(time: Any) -> np.ndarray | float:
    """Convert a time (Quantity or string such as ``"6 month"``) to days [day]."""
    q = quantity(time, what="time", expected="time")
    mag = q.to("day").magnitude
    return float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float)


def to_kj_per_mol(energy: Any) -> float:
    """Convert an activation energy (Quantity or string, J, cal or kcal per mol) to kJ/mol."""
    q = quantity(energy, what="activation energy", expected="activation_energy")
    return float(q.to("kJ/mol").magnitude)


def to_percent(rh: Any) -> np.ndarray | float:
    """Convert a relative humidity (Quantity or string such as ``"75 %"``) to percent.

    A dimensionless fraction (``Q_(0.75, "")``) is read as 75 %. Bare numbers are refused:
    write ``"75 %"``.

    Examples
    --------
    >>> to_percent("75 %")
    75.0
    """
    reg = get_registry()
    if isinstance(rh, str):
        q = quantity(rh, what="relative humidity")
    elif isinstance(rh, reg.Quantity):
        q = rh
    else:
        raise UnitError("bare_number", what="relative humidity", value=rh, examples="'75 %'")
    if not q.dimensionless:
        raise UnitError(
            "unit_wrong_dimension",
            unit=str(q.units),
            expected="relative humidity",
            actual=str(q.dimensionality),
            examples="'75 %'",
        )
    mag = q.to("percent").magnitude
    return float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float)


def magnitude_in(value: Any, unit: str) -> Any:
    """Magnitude of a Quantity (or a number assumed already in ``unit``) in ``unit``."""
    reg = get_registry()
    if isinstance(value, reg.Quantity):
        return value.to(unit).magnitude
    return value


def format_unit(unit: Any) -> str:
    """Short, pint-parseable spelling of a unit (``meq/kg``, ``%``, ``1/day``)."""
    text = f"{unit:~P}" if not isinstance(unit, str) else unit
    return text or "dimensionless"


def months_days(days: float) -> tuple[int, int]:
    """Split a duration in days into whole months (30.4375 days) and remaining days.

    Days are rounded to the nearest whole day; 60.9 days is 2 months 0 days.

    Examples
    --------
    >>> months_days(58.0)
    (1, 28)
    """
    if not math.isfinite(days):
        raise ValueError("an infinite duration has no months and days")
    total = round(days)
    months = int(total // DAYS_PER_MONTH)
    rest = int(round(total - months * DAYS_PER_MONTH))
    if rest >= round(DAYS_PER_MONTH):  # pragma: no cover - guard against rounding at the edge
        months, rest = months + 1, 0
    return months, rest


def format_duration(days: float, lang: str = "en") -> str:
    """Say a duration as "x months y days" (English) or "x bulan y hari" (Indonesian).

    Examples
    --------
    >>> format_duration(58.0)
    '1 month 28 days'
    >>> format_duration(58.0, "id")
    '1 bulan 28 hari'
    """
    if not math.isfinite(days):
        return "never" if lang != "id" else "tidak pernah"
    m, d = months_days(days)
    if lang == "id":
        return f"{m} bulan {d} hari"
    ms = "month" if m == 1 else "months"
    ds = "day" if d == 1 else "days"
    return f"{m} {ms} {d} {ds}"
