"""Column headers of data sheets: name, unit in brackets, English and Indonesian aliases.

A header is a column name optionally followed by a unit in square brackets or parentheses:
``time [week]``, ``Suhu (°C)``, ``peroxide_value [meq/kg]``. Names are compared
case-insensitively, with runs of spaces, ``_``, ``-`` and ``.`` treated alike, so
``Peroxide value`` matches the attribute ``peroxide_value``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Header",
    "parse_header",
    "normalise",
    "role_of",
    "ROLE_ALIASES",
    "IMPLIED_UNITS",
    "temperature_unit_alias",
]

#: Standard column roles and the (normalised) header names that mean them.
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "time": (
        "time",
        "storage_time",
        "waktu",
        "waktu_simpan",
        "lama_simpan",
        "lama_penyimpanan",
        "hari",
        "day",
        "days",
        "minggu",
        "week",
        "weeks",
        "bulan",
        "month",
        "months",
    ),
    "temperature": (
        "temperature",
        "temp",
        "storage_temperature",
        "suhu",
        "suhu_simpan",
        "suhu_penyimpanan",
    ),
    "replicate": ("replicate", "rep", "replication", "ulangan", "replikasi"),
    "rh": (
        "rh",
        "relative_humidity",
        "kelembapan",
        "kelembaban",
        "kelembapan_relatif",
        "kelembaban_relatif",
    ),
    "batch": ("batch", "lot"),
    "formulation": ("formulation", "formula", "formulasi"),
}

#: Header names that are themselves a time unit ("hari" = day), used when no unit is given.
IMPLIED_UNITS: dict[str, str] = {
    "hari": "day",
    "day": "day",
    "days": "day",
    "minggu": "week",
    "week": "week",
    "weeks": "week",
    "bulan": "month",
    "month": "month",
    "months": "month",
}

_ROLE_OF = {alias: role for role, aliases in ROLE_ALIASES.items() for alias in aliases}

# Temperature units as labs type them in a header, which pint would read otherwise
# ("C" is the coulomb, "oC" and "ºC" are "°C" typed without the degree sign).
_TEMPERATURE_SPELLINGS = {
    "c": "degC",
    "oc": "degC",
    "ºc": "degC",
    "celsius": "degC",
    "derajatcelsius": "degC",
    "f": "degF",
    "of": "degF",
    "ºf": "degF",
    "fahrenheit": "degF",
    "k": "K",
    "kelvin": "K",
}


@dataclass(frozen=True)
class Header:
    """A parsed column header.

    Attributes
    ----------
    text : str
        The header as written (outer whitespace removed), for messages.
    name : str
        The name part, without the unit.
    key : str
        The normalised name used for matching (see :func:`normalise`).
    unit : str or None
        The unit written in brackets, or ``None``.
    """

    text: str
    name: str
    key: str
    unit: str | None


def normalise(name: str) -> str:
    """Normalise a column or attribute name for matching.

    Examples
    --------
    >>> normalise("  Peroxide  Value ")
    'peroxide_value'
    """
    text = unicodedata.normalize("NFKC", str(name)).casefold().strip()
    return re.sub(r"[\s_\-.]+", "_", text).strip("_")


def _final_paren_group(text: str) -> int:
    """Index of the "(" matching a final ")", or -1."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def parse_header(raw: object) -> Header:
    """Split a header into name and unit.

    Examples
    --------
    >>> parse_header("time [week]").unit
    'week'
    >>> parse_header("Suhu (°C)")
    Header(text='Suhu (°C)', name='Suhu', key='suhu', unit='°C')
    >>> parse_header("TPC [log(CFU/g)]").unit
    'log(CFU/g)'
    """
    text = str(raw).strip()
    name, unit = text, None
    square = re.fullmatch(r"(.*?)\s*\[(.*)\]", text, flags=re.S)
    if square:
        name, unit = square.group(1), square.group(2)
    elif text.endswith(")"):
        start = _final_paren_group(text)
        if start > 0:
            name, unit = text[:start], text[start + 1 : -1]
    unit = unit.strip() if unit is not None else None
    name = name.strip()
    return Header(text=text, name=name, key=normalise(name), unit=unit or None)


def role_of(key: str) -> str | None:
    """The standard role (``"time"``, ``"temperature"``...) of a normalised name, if any."""
    return _ROLE_OF.get(key)


def temperature_unit_alias(unit: str) -> str:
    """Read temperature units as labs type them: ``C``, ``oC``, ``ºC`` mean ``degC``.

    Examples
    --------
    >>> temperature_unit_alias("oC"), temperature_unit_alias("°C")
    ('degC', '°C')
    """
    squeezed = re.sub(r"\s+", "", unit).casefold()
    return _TEMPERATURE_SPELLINGS.get(squeezed, unit)
