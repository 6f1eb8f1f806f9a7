"""Numbers in spreadsheet cells: decimal point or decimal comma, blanks, strict checks.

Lab sheets write ``1,25`` (Indonesian Excel) or ``1.25``; Excel may add thousands separators
(``1.250,5`` or ``1,250.5``). :func:`cell_to_float` reads all of these and refuses anything
ambiguous or non-numeric, so that a wrong number never enters a fit silently.
"""

from __future__ import annotations

import math
import numbers
import re
from typing import Any

__all__ = ["is_blank", "cell_to_float", "cells_to_floats", "detect_decimal"]

# Unambiguous (one way to match each number): an ambiguous form such as ``\d+\.?\d*``
# makes the column pattern below backtrack exponentially when its last cell is not a number.
_PLAIN = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
# a whole column of plain numbers, one per line (the fast path of cells_to_floats)
_PLAIN_COLUMN = re.compile(
    r"(?:[ \t]*" + _PLAIN.pattern + r"[ \t]*\n)*[ \t]*" + _PLAIN.pattern + r"[ \t]*"
)
_COMMA_DECIMAL = re.compile(r"\s*[-+]?\d*,\d+\s*")
_POINT_DECIMAL = re.compile(r"\s*[-+]?\d*\.\d+\s*")
# characters some locales and editors put into numbers
_SPACES = str.maketrans({"\u00a0": None, "\u202f": None, "\u2212": "-"})


def is_blank(value: Any) -> bool:
    """True for an empty cell: ``None``, NaN/NA, or a string of only whitespace."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN, pandas.NA raise or compare unequal to themselves
    except TypeError:
        return True


def _grouped(int_part: str, sep: str) -> bool:
    return re.fullmatch(r"[-+]?\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", int_part) is not None


def _normalise(text: str, decimal: str | None) -> str:
    if "," in text and "." in text:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        group = "." if dec == "," else ","
        int_part, frac = text.rsplit(dec, 1)
        if (decimal is not None and decimal != dec) or not _grouped(int_part, group):
            raise ValueError(text)
        return int_part.replace(group, "") + "." + frac
    if "," in text:
        if text.count(",") != 1 or (decimal == "." and _grouped(text, ",")):
            raise ValueError(text)  # "1,250" in a decimal-point file: 1.25 or 1250?
        return text.replace(",", ".")
    if decimal == "," and "." in text:
        if text.count(".") == 1 and not _grouped(text, "."):
            return text
        if _grouped(text, ".") and text.count(".") > 1:
            return text.replace(".", "")
        raise ValueError(text)  # "1.250" in a decimal-comma file: 1.25 or 1250?
    return text


def cell_to_float(value: Any, decimal: str | None = None) -> float:
    """Read one cell as a float.

    Parameters
    ----------
    value : str or number or None
        The cell as read from the file or DataFrame.
    decimal : {",", "."} or None
        The decimal separator of the whole file if known. ``None`` accepts either, cell by
        cell (a single comma is a decimal comma).

    Returns
    -------
    float
        The number; NaN for an empty cell.

    Raises
    ------
    ValueError
        The cell is not a number, or is ambiguous (``"1,250"`` in a decimal-point file).

    Examples
    --------
    >>> cell_to_float("1,25"), cell_to_float(" 2.5 "), cell_to_float("1.250,5")
    (1.25, 2.5, 1250.5)
    """
    if is_blank(value):
        return math.nan
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, numbers.Real):
        out = float(value)
    elif isinstance(value, str):
        text = _normalise(value.strip().translate(_SPACES), decimal)
        if not _PLAIN.fullmatch(text):
            raise ValueError(value)
        out = float(text)
    else:
        raise ValueError(value)
    if not math.isfinite(out):
        raise ValueError(value)
    return out


def cells_to_floats(values: list[Any], decimal: str | None = None) -> list[float] | None:
    """Read a whole column of plain numbers at once, or ``None`` when it needs a closer look.

    The fast path of :func:`cell_to_float` for the common case: every cell a string of
    digits with an optional decimal point and exponent (one regular-expression match over
    the column), in a file whose decimal separator is not the comma. Anything else (blanks,
    commas, thousands separators, text, a decimal-comma file) returns ``None`` and the
    caller reads cell by cell, with its exact error locations. The values equal those of
    :func:`cell_to_float` (both use Python's correctly rounded ``float``).

    Examples
    --------
    >>> cells_to_floats(["1.5", " 2", "3e-1"]), cells_to_floats(["1,5"]), cells_to_floats([""])
    ([1.5, 2.0, 0.3], None, None)
    """
    if decimal == "," or not values or not all(type(v) is str for v in values):
        return None
    if not _PLAIN_COLUMN.fullmatch("\n".join(values)):
        return None
    out = [float(v) for v in values]
    return out if all(math.isfinite(x) for x in out) else None


def detect_decimal(cells: list[str]) -> str | None:
    """Guess a file's decimal separator from its data cells.

    Returns ``","`` if some cells look like ``1,25`` and none like ``1.25``, ``"."`` in the
    opposite case, and ``None`` when the cells do not tell (integers only, or both kinds).
    """
    commas = any(_COMMA_DECIMAL.fullmatch(c) for c in cells)
    points = any(_POINT_DECIMAL.fullmatch(c) for c in cells)
    if commas and not points:
        return ","
    if points and not commas:
        return "."
    return None
