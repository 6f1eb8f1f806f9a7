r"""Moisture content on dry basis and wet basis, and their conversion.

A moisture content is either on **dry basis** (g water per g dry solids, what isotherms
and the Labuza moisture-gain model use) or on **wet basis** (g water per g product, what an
oven or a moisture analyser reports):

.. math::

    m_{db} = \frac{m_{wb}}{1 - m_{wb}}, \qquad m_{wb} = \frac{m_{db}}{1 + m_{db}}

Both are dimensionless, so a unit cannot tell them apart: ``"5.2 %"`` is 0.052 g/g, but on
which basis is for the caller to say. The public functions here therefore take an
explicit ``basis="dry"`` or ``basis="wet"`` wherever it matters, and inside the package
every moisture content is a float on **dry basis in g/g**.

Accepted inputs: a :class:`pint.Quantity` (``Q_(5.2, "%")``, ``Q_(0.055, "g/g")``,
``Q_(5.2, "g/100 g")``), a string (``"5.2 %"``, ``"5,2 %"``, ``"0.055 g/g"``), a list of
strings, or plain numbers, which are read as **g/g** (write ``"5.2 %"`` for percent).

Examples
--------
>>> round(dry_from_wet(0.05), 6)
0.052632
>>> round(wet_from_dry(0.052632), 4)
0.05
>>> round(to_dry_basis("5 %", basis="wet"), 6)
0.052632
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..errors import InputError, Notice, UnitError

__all__ = [
    "BASES",
    "dry_from_wet",
    "wet_from_dry",
    "to_dry_basis",
    "convert_moisture",
    "moisture_quantity",
    "parse_basis",
]

#: The two moisture bases.
BASES = ("dry", "wet")

#: Spellings of the two bases in headers and arguments (English and Indonesian:
#: *basis kering* = dry basis, *basis basah* = wet basis).
_BASIS_WORDS = {
    "dry": (
        "dry",
        "db",
        "d.b.",
        "d.b",
        "dry basis",
        "dry_basis",
        "bk",
        "b.k.",
        "b.k",
        "basis kering",
        "kering",
    ),
    "wet": (
        "wet",
        "wb",
        "w.b.",
        "w.b",
        "wet basis",
        "wet_basis",
        "bb",
        "b.b.",
        "b.b",
        "basis basah",
        "basah",
    ),
}

#: Dry-basis moisture above which a value is suspicious for the dry foods this toolkit
#: serves (1 g/g on dry basis is 50 % on wet basis) [g/g].
DRY_BASIS_SUSPICIOUS = 1.0


def parse_basis(basis: Any, *, required: bool = True, what: str = "moisture content") -> str:
    """Normalise a basis argument to ``"dry"`` or ``"wet"``.

    Parameters
    ----------
    basis : str or None
        ``"dry"``/``"db"``/``"bk"`` (basis kering) or ``"wet"``/``"wb"``/``"bb"`` (basis
        basah), any case.
    required : bool
        Raise when ``basis`` is ``None``; otherwise return ``"dry"``.
    what : str
        Name of the quantity for the error message.

    Raises
    ------
    InputError
        ``moisture_basis_missing`` or ``moisture_basis_unknown``.
    """
    if basis is None:
        if required:
            raise InputError("moisture_basis_missing", what=what)
        return "dry"
    key = str(basis).strip().lower()
    for name, words in _BASIS_WORDS.items():
        if key in words:
            return name
    raise InputError("moisture_basis_unknown", value=str(basis))


def dry_from_wet(m_wb: Any) -> Any:
    r"""Convert wet-basis moisture to dry basis, :math:`m_{db} = m_{wb}/(1 - m_{wb})`.

    Parameters
    ----------
    m_wb : float or array-like
        Moisture on wet basis [g water / g product], below 1.

    Returns
    -------
    float or numpy.ndarray
        Moisture on dry basis [g water / g dry solids]; ``inf`` at ``m_wb = 1``.
    """
    m = np.asarray(m_wb, dtype=float)
    with np.errstate(divide="ignore"):
        out = m / (1.0 - m)
    return float(out) if out.ndim == 0 else out


def wet_from_dry(m_db: Any) -> Any:
    r"""Convert dry-basis moisture to wet basis, :math:`m_{wb} = m_{db}/(1 + m_{db})`.

    Parameters
    ----------
    m_db : float or array-like
        Moisture on dry basis [g water / g dry solids].

    Returns
    -------
    float or numpy.ndarray
        Moisture on wet basis [g water / g product].
    """
    m = np.asarray(m_db, dtype=float)
    out = m / (1.0 + m)
    return float(out) if out.ndim == 0 else out


def _strip_basis_words(text: str) -> tuple[str, str | None]:
    """Remove a basis word (``db``, ``% bk``...) from a value or unit string."""
    found = None
    out = text
    for name, words in _BASIS_WORDS.items():
        for w in sorted(words, key=len, reverse=True):
            pattern = r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])"
            if re.search(pattern, out, flags=re.I):
                found = name
                out = re.sub(pattern, " ", out, flags=re.I)
    # "g water/g solids", "g H2O/g padatan": keep the units only
    out = re.sub(
        r"\b(?:water|h2o|air|solids?|padatan|dry\s+matter|product|bahan)\b", "", out, flags=re.I
    )
    return re.sub(r"\s+", " ", out).strip(" ,;()[]"), found


def _gram_per_gram(value: Any, *, what: str) -> tuple[Any, str | None, bool]:
    """Magnitude in g/g, a basis found in the text (if any), and whether it was bare."""
    from ..units import get_registry, quantity

    reg = get_registry()
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        parts = [_gram_per_gram(v, what=what) for v in value]
        bases = {p[1] for p in parts if p[1]}
        return (
            np.array([p[0] for p in parts], dtype=float),
            (bases.pop() if len(bases) == 1 else None),
            False,
        )
    if isinstance(value, str):
        text, found = _strip_basis_words(value)
        text = re.sub(r"g\s*/\s*g", "g/g", text)
        try:
            q = quantity(text, what=what)
        except UnitError:
            raise UnitError("moisture_unit_invalid", value=value) from None
        if not q.dimensionless:
            raise UnitError("moisture_unit_invalid", value=value)
        return float(q.to("").magnitude), found, False
    if isinstance(value, reg.Quantity) or (
        hasattr(value, "magnitude") and hasattr(value, "units")
    ):
        q = value if isinstance(value, reg.Quantity) else quantity(value)
        if not q.dimensionless:
            raise UnitError("moisture_unit_invalid", value=str(value))
        mag = q.to("").magnitude
        return (float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float)), None, False
    arr = np.asarray(value, dtype=float)
    return (float(arr) if arr.ndim == 0 else arr), None, True


def _to_dry(
    value: Any,
    basis: Any,
    *,
    what: str = "moisture content",
    where: dict | None = None,
) -> tuple[Any, list[Notice], str]:
    """Dry-basis g/g floats, plausibility notices, and the basis the input was on."""
    where = where or {}
    mag, found, _ = _gram_per_gram(value, what=what)
    if basis is None and found is not None:
        basis = found
    b = parse_basis(basis, what=what)
    if found is not None and found != b:
        raise InputError("moisture_basis_conflict", written=found, given=b, **where)
    m = np.asarray(mag, dtype=float)
    notices: list[Notice] = []
    finite = m[np.isfinite(m)]
    if finite.size and np.any(finite < 0):
        raise InputError(
            "moisture_negative", what=what, value=float(finite[finite < 0][0]), **where
        )
    if b == "wet":
        if finite.size and np.any(finite >= 1.0):
            bad = float(finite[finite >= 1.0][0])
            raise InputError("moisture_wet_basis_impossible", percent=bad * 100.0, **where)
        out = dry_from_wet(m)
    else:
        out = m if m.ndim else float(m)
    big = np.asarray(out)[np.isfinite(np.asarray(out))]
    if big.size and np.any(big > DRY_BASIS_SUSPICIOUS):
        notices.append(
            Notice(
                "moisture_dry_basis_high",
                "plausibility",
                None,
                {"value": float(big.max()), "limit": DRY_BASIS_SUSPICIOUS},
            )
        )
    return out, notices, b


def to_dry_basis(value: Any, basis: str | None = None, *, what: str = "moisture content") -> Any:
    """Read a moisture content and return it on dry basis in g/g.

    Parameters
    ----------
    value : pint.Quantity, str, list of str, float or array-like
        E.g. ``"5.2 %"``, ``Q_([4.1, 5.3], "%")``, ``"0.055 g/g"``. Plain numbers are read
        as g/g (fractions), never as percent.
    basis : {"dry", "wet"}
        Basis of ``value``: ``"wet"`` (g water / g product, also ``"wb"``, ``"bb"``) or
        ``"dry"`` (g water / g dry solids, also ``"db"``, ``"bk"``). Required unless the
        text itself says it (``"5.2 % wb"``).
    what : str
        Name used in messages.

    Returns
    -------
    float or numpy.ndarray
        Moisture on dry basis [g/g].

    Raises
    ------
    InputError
        ``moisture_basis_missing``, ``moisture_basis_unknown``, ``moisture_basis_conflict``,
        ``moisture_negative`` (a negative moisture, e.g. an equilibrium moisture of
        −0.0537 g/g computed from an extrapolated isotherm), ``moisture_wet_basis_impossible``
        (wet basis at or above 100 %).
    UnitError
        ``moisture_unit_invalid`` for a unit that is not a ratio (``"5 g"``).

    Warns
    -----
    PlausibilityWarning
        ``moisture_dry_basis_high`` when a dry-basis value exceeds 1 g/g (50 % on wet
        basis): possible for moist foods, but for a dry snack it usually means percent given
        as a plain number or the wet/dry basis swapped.

    Examples
    --------
    >>> round(to_dry_basis("5,2 %", basis="wet"), 5)
    0.05485
    >>> to_dry_basis([0.05, 0.10], basis="dry").tolist()
    [0.05, 0.1]
    """
    out, notices, _ = _to_dry(value, basis, what=what)
    for n in notices:
        n.emit(stacklevel=3)
    return out


def moisture_quantity(m_db: Any, basis: str = "dry", unit: str = "g/g"):
    """Make a moisture Quantity from dry-basis g/g floats, on the requested basis.

    Parameters
    ----------
    m_db : float or array-like
        Moisture on dry basis [g/g].
    basis : {"dry", "wet"}
        Basis of the returned value.
    unit : str
        ``"g/g"``, ``"%"`` or ``"g/100 g"``.

    Returns
    -------
    pint.Quantity
        The moisture in ``unit`` on ``basis`` (the basis is not part of the unit: keep it
        in the variable name or column header).
    """
    from ..units import get_registry, parse_unit

    b = parse_basis(basis)
    m = np.asarray(m_db, dtype=float)
    value = wet_from_dry(m) if b == "wet" else m
    reg = get_registry()
    q = reg.Quantity(value, "g/g")
    if unit not in ("g/g", "gram/gram"):
        q = q.to(parse_unit(unit))
    return q


def convert_moisture(value: Any, *, from_basis: str, to_basis: str, unit: str | None = None):
    """Convert a moisture content between wet and dry basis.

    Parameters
    ----------
    value : pint.Quantity, str, float or array-like
        The moisture (plain numbers are g/g).
    from_basis, to_basis : {"dry", "wet"}
        Basis of ``value`` and of the result.
    unit : str, optional
        Unit of the result (``"%"``, ``"g/g"``, ``"g/100 g"``); default percent when the
        input was a percentage, else g/g.

    Returns
    -------
    pint.Quantity

    Examples
    --------
    >>> q = convert_moisture("5 %", from_basis="wet", to_basis="dry")
    >>> print(f"{q:.4f~P}")
    5.2632 %
    """
    m_db, notices, _ = _to_dry(value, from_basis)
    for n in notices:
        n.emit(stacklevel=3)
    if unit is None:
        is_percent = isinstance(value, str) and "%" in value
        if hasattr(value, "units"):
            is_percent = str(value.units) == "percent"
        unit = "%" if is_percent else "g/g"
    return moisture_quantity(m_db, to_basis, unit)
