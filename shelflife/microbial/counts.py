r"""Microbial counts with units: CFU, log10 and ln counts, and the detection limit.

Counts reach the growth models as decimal logarithms, :math:`y = \log_{10} N`
[log10 CFU/g]. This module turns what a lab writes into that scale and checks it:

- **Units.** ``CFU/g``, ``CFU/mL`` (plain counts), ``log10 CFU/g``, ``log10 CFU/mL``
  (decimal logarithms, also written ``log CFU/g``) and ``ln CFU/g`` (natural logarithms).
  The mass or volume basis (``g`` or ``mL``) is kept as a label; it is never converted.
  The package's pint registry defines ``CFU`` and ``log10 CFU/g`` but not the per-mL or
  natural-log forms, so the spellings are parsed here (see :func:`parse_count_unit`).
- **Detection limit.** A count at or below the limit of detection is *left-censored*: the true
  value is somewhere below the limit, not zero. ``0 CFU`` has no logarithm and is refused
  unless a detection limit is given, in which case it is stored as censored at the limit.
- **Plausibility.** A value above :data:`LOG10_PLAUSIBLE_MAX` (20) in a log10 column is a
  count in CFU (no food holds :math:`10^{20}` CFU/g): an :class:`~shelflife.errors.InputError`
  ``microbial_looks_like_cfu``. The reverse, a CFU column whose values are all at most
  :data:`CFU_SUSPICIOUSLY_SMALL` (10), gets the notice ``microbial_looks_like_log10``.

The log base matters for rates as well (the "units dilemma" of biogrowth [1]_): a
specific growth rate per ln unit is :math:`\ln 10 \approx 2.3026` times the slope of the
log10 curve. :func:`mu_ln_to_log10` and :func:`mu_log10_to_ln` convert between them.

References
----------
.. [1] A. Garre, "The units dilemma," vignette of the R package *biogrowth*, CRAN.
   https://search.r-project.org/CRAN/packages/biogrowth/vignettes/v23_units-dilemma.html
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError, Notice

__all__ = [
    "LN10",
    "LOG10_PLAUSIBLE_MAX",
    "CFU_SUSPICIOUSLY_SMALL",
    "Counts",
    "parse_count_unit",
    "counts",
    "to_log10",
    "to_log10_limit",
    "mu_ln_to_log10",
    "mu_log10_to_ln",
]

#: :math:`\ln 10` [ln units per log10 unit].
LN10 = math.log(10.0)
#: Tolerance [log10] of "at the detection limit": half the last digit of a log10 count
#: written with two decimals.
LOG10_ROUNDING = 0.005
#: Largest plausible log10 count [log10 CFU/g]; above it a "log10" value is a CFU count.
LOG10_PLAUSIBLE_MAX = 20.0
#: A CFU column whose values never exceed this looks like log10 values [CFU/g].
CFU_SUSPICIOUSLY_SMALL = 10.0

_UNIT = re.compile(
    r"^\s*(?P<scale>log\s*10|log|lg|ln)?\s*\(?\s*(?P<cfu>cfu|kol|koloni)\s*\)?\s*"
    r"(?:/|per\s+)\s*(?P<basis>g|gram|ml|mL|cm2|cm\^2)\s*$",
    re.I,
)


def parse_count_unit(unit: str) -> tuple[str, str]:
    """Parse a count unit into ``(scale, basis)``.

    Parameters
    ----------
    unit : str
        E.g. ``"CFU/g"``, ``"log10 CFU/mL"``, ``"log CFU/g"``, ``"ln CFU/g"``.

    Returns
    -------
    scale : {"cfu", "log10", "ln"}
    basis : {"g", "mL", "cm2"}

    Raises
    ------
    InputError
        ``microbial_unit_unknown`` for anything else.

    Examples
    --------
    >>> parse_count_unit("log10 CFU/mL")
    ('log10', 'mL')
    >>> parse_count_unit("CFU/g")
    ('cfu', 'g')
    """
    m = _UNIT.match(str(unit).replace("_", " "))
    if not m:
        raise InputError("microbial_unit_unknown", unit=unit)
    raw = (m.group("scale") or "").lower().replace(" ", "")
    scale = {"": "cfu", "log10": "log10", "log": "log10", "lg": "log10", "ln": "ln"}[raw]
    basis = m.group("basis").lower()
    basis = {"gram": "g", "ml": "mL", "cm^2": "cm2"}.get(basis, basis)
    return scale, basis


@dataclass(frozen=True)
class Counts:
    """Counts on the log10 scale with their censoring.

    Attributes
    ----------
    log10 : numpy.ndarray
        Decimal logarithm of the counts [log10 CFU/g or /mL]; a censored count holds the
        detection limit.
    censored : numpy.ndarray of bool
        True where the count is below the detection limit (left-censored).
    detection_limit : float or None
        Limit of detection [log10 CFU/g], ``None`` when none was given.
    basis : str
        ``"g"``, ``"mL"`` or ``"cm2"``.
    notices : tuple of Notice
        Plausibility notices (``microbial_looks_like_log10``).
    """

    log10: np.ndarray
    censored: np.ndarray
    detection_limit: float | None = None
    basis: str = "g"
    notices: tuple = field(default_factory=tuple)

    @property
    def ln(self) -> np.ndarray:
        """Natural logarithm of the counts [ln CFU/g]."""
        return self.log10 * LN10

    @property
    def cfu(self) -> np.ndarray:
        """Plain counts [CFU/g] (censored ones at the detection limit)."""
        return 10.0**self.log10

    @property
    def unit(self) -> str:
        """Unit of :attr:`log10`, e.g. ``"log10 CFU/g"``."""
        return f"log10 CFU/{self.basis}"


def _limit_log10(detection_limit: Any, basis: str) -> float | None:
    if detection_limit is None:
        return None
    if isinstance(detection_limit, str):
        m = re.match(r"^\s*([-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?)\s*(.*)$", detection_limit)
        if not m or not m.group(2).strip():
            raise InputError("microbial_unit_unknown", unit=detection_limit)
        value = float(m.group(1).replace(",", "."))
        scale, _ = parse_count_unit(m.group(2))
    elif isinstance(detection_limit, tuple):
        value, unit = detection_limit
        scale, _ = parse_count_unit(unit)
    else:
        # a bare number: read on the log10 scale (the scale every fit works on)
        value, scale = float(detection_limit), "log10"
    if scale == "cfu":
        if value <= 0:
            raise InputError("microbial_zero_count", value=value)
        return math.log10(value)
    return value / LN10 if scale == "ln" else float(value)


def to_log10_limit(detection_limit: Any, unit: str = "log10 CFU/g") -> float:
    """A detection limit as log10 counts; a bare number is read in ``unit``.

    Parameters
    ----------
    detection_limit : float or str
        ``"10 CFU/g"``, ``"1 log10 CFU/g"``, or a number in ``unit``.
    unit : str
        Unit of a bare number (the attribute's unit), e.g. ``"log10 CFU/g"`` or ``"CFU/g"``.

    Returns
    -------
    float
        The limit [log10 CFU/g].

    Examples
    --------
    >>> to_log10_limit("100 CFU/g"), to_log10_limit(100, "CFU/g"), to_log10_limit(2.0)
    (2.0, 2.0, 2.0)
    """
    if isinstance(detection_limit, (int, float)) and not isinstance(detection_limit, bool):
        detection_limit = (float(detection_limit), unit)
    out = _limit_log10(detection_limit, "g")
    assert out is not None
    return out


def counts(
    values: Any,
    unit: str = "log10 CFU/g",
    *,
    detection_limit: Any = None,
    column: str | None = None,
) -> Counts:
    """Read counts in any supported unit onto the log10 scale, with censoring.

    Parameters
    ----------
    values : array-like
        The counts as entered, in ``unit``. ``None``/NaN entries are refused.
    unit : str
        ``"CFU/g"``, ``"CFU/mL"``, ``"log10 CFU/g"``, ``"log10 CFU/mL"``, ``"ln CFU/g"``.
    detection_limit : str or float or (float, str), optional
        Limit of detection, e.g. ``"10 CFU/g"``, ``"1 log10 CFU/g"`` or ``(10, "CFU/g")``;
        a bare number is read as log10 CFU/g. Counts at or below it (a sheet often
        writes '<10 CFU/g' as the limit itself) and zero CFU counts are
        left-censored at the limit.
    column : str, optional
        Column name for error messages.

    Returns
    -------
    Counts

    Raises
    ------
    InputError
        ``microbial_zero_count`` (a zero CFU count without a detection limit),
        ``microbial_negative_count``, ``microbial_looks_like_cfu`` (a value above 20 in a
        log10 column), ``microbial_unit_unknown``.

    Examples
    --------
    >>> c = counts([0, 50, 2.0e4], "CFU/g", detection_limit="10 CFU/g")
    >>> c.log10.round(3).tolist(), c.censored.tolist()
    ([1.0, 1.699, 4.301], [True, False, False])
    """
    scale, basis = parse_count_unit(unit)
    x = np.atleast_1d(np.asarray(values, dtype=float))
    limit = _limit_log10(detection_limit, basis)
    notices: list[Notice] = []
    bad = np.flatnonzero(~np.isfinite(x))
    if bad.size:
        raise InputError(
            "cell_not_numeric", value=str(x[bad[0]]), row=int(bad[0]) + 1, column=column
        )
    if scale == "cfu":
        neg = np.flatnonzero(x < 0)
        if neg.size:
            raise InputError(
                "microbial_negative_count", value=x[neg[0]], row=int(neg[0]) + 1, column=column
            )
        zero = np.flatnonzero(x == 0)
        if zero.size and limit is None:
            raise InputError("microbial_zero_count", value=0, row=int(zero[0]) + 1, column=column)
        if x.size >= 3 and np.all(x <= CFU_SUSPICIOUSLY_SMALL):
            notices.append(
                Notice(
                    "microbial_looks_like_log10",
                    "plausibility",
                    column,
                    {"value": float(np.max(x))},
                )
            )
        with np.errstate(divide="ignore"):
            y = np.log10(x)
    else:
        y = x / LN10 if scale == "ln" else x.copy()
        big = np.flatnonzero(y > LOG10_PLAUSIBLE_MAX)
        if big.size:
            raise InputError(
                "microbial_looks_like_cfu",
                value=f"{y[big[0]]:g}",
                row=int(big[0]) + 1,
                column=column,
            )
    # at or below: a lab sheet writes '<10 CFU/g' as the limit itself, in log10 rounded to
    # two decimals (log10 50 = 1.699 written 1.70), hence the half-digit tolerance
    censored = np.zeros(y.shape, dtype=bool) if limit is None else (y <= limit + LOG10_ROUNDING)
    if limit is not None:
        y = np.where(censored, limit, y)
    return Counts(y, censored, limit, basis, tuple(notices))


def to_log10(values: Any, unit: str = "CFU/g") -> np.ndarray:
    """Convert counts in ``unit`` to log10 counts [log10 CFU/g] (no censoring).

    Examples
    --------
    >>> to_log10([1.0e3, 1.0e5], "CFU/g").tolist()
    [3.0, 5.0]
    """
    return counts(values, unit).log10


def mu_ln_to_log10(mu_ln: Any) -> Any:
    r"""Specific growth rate per ln unit [1/day] to the slope of the log10 curve [log10/day].

    :math:`\mu_{10} = \mu_{\ln} / \ln 10`.
    """
    return np.asarray(mu_ln, dtype=float) / LN10 if np.ndim(mu_ln) else float(mu_ln) / LN10


def mu_log10_to_ln(mu_log10: Any) -> Any:
    r"""Slope of the log10 curve [log10/day] to the specific growth rate per ln unit [1/day].

    :math:`\mu_{\ln} = \ln 10 \cdot \mu_{10}`.
    """
    return (
        np.asarray(mu_log10, dtype=float) * LN10 if np.ndim(mu_log10) else float(mu_log10) * LN10
    )
