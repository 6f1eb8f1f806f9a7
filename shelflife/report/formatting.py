"""Locale-aware formatting of numbers, dates, temperatures, durations and units.

Numbers and dates are formatted with Babel (CLDR data shipped with the package, so the
output does not depend on the operating system's locale): Indonesian uses the decimal comma
and the full stop as thousands separator. Temperatures are shown in °C, durations in days
(or as months and days) and unit strings with their time words translated. Babel is
imported on first use.
"""

from __future__ import annotations

import math
from typing import Any

from .translate import check_lang, t


def format_number(
    x: float, lang: str = "en", digits: int = 2, *, significant: bool = False, trim: bool = False
) -> str:
    """Format a number for ``lang`` with Babel (decimal comma in Indonesian).

    Parameters
    ----------
    x : float
        The number.
    lang : {"en", "id"}
        Language (CLDR locale ``en`` or ``id``).
    digits : int
        Decimal places, or significant digits when ``significant`` is true.
    significant : bool
        Interpret ``digits`` as significant digits (whole-number digits are never
        dropped: 12345 with 3 significant digits is ``12,345``).
    trim : bool
        Drop trailing zeros of the decimals (``10`` rather than ``10.00``).

    Returns
    -------
    str
        ``"∞"`` for infinity, ``"–"`` for nan or ``None``.
    """
    check_lang(lang)
    if x is None:
        return "–"
    x = float(x)
    if math.isnan(x):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if significant:
        magnitude = math.floor(math.log10(abs(x))) if x != 0 else 0
        decimals = max(0, digits - 1 - magnitude)
    else:
        decimals = max(0, int(digits))
    x = round(x, decimals)
    if x == 0:
        x = 0.0  # no "-0.0"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals else "")
    text = format_decimal(x, format=pattern, locale=lang)
    return text.replace("-", "−")


def format_date(date: Any, lang: str = "en", fmt: str = "long") -> str:
    """Format a :class:`datetime.date` for ``lang`` with Babel (``17 Agustus 2026``)."""
    check_lang(lang)
    from babel.dates import format_date as _format_date

    return _format_date(date, format=fmt, locale=lang)


_UNIT_WORDS_ID = (("days", "hari"), ("day", "hari"), ("weeks", "minggu"), ("week", "minggu"))


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit as shown in labels: ``-`` for dimensionless, time words translated.

    Examples
    --------
    >>> unit_label("meq/kg/day", "id")
    'meq/kg/hari'
    >>> unit_label("", "en")
    '-'
    """
    check_lang(lang)
    text = unit if unit and unit != "dimensionless" else "-"
    if lang == "id":
        import re

        for en, word in _UNIT_WORDS_ID:
            text = re.sub(rf"\b{en}\b", word, text)
    return text


def format_celsius(T_K: float, lang: str = "en") -> str:
    """A temperature given in kelvin, shown in °C (``30 °C``, ``27,5 °C``)."""
    c = float(T_K) - 273.15
    digits = 0 if abs(c - round(c)) < 0.005 else 1
    return f"{format_number(c, lang, digits)} °C"


def format_days(days: float, lang: str = "en", digits: int = 1) -> str:
    """A duration in days with its unit word, or a phrase when it is 0 or infinite.

    Examples
    --------
    >>> format_days(58.04, "id")
    '58,0 hari'
    >>> format_days(float("inf"), "en")
    'limit never reached'
    """
    check_lang(lang)
    if days is None or math.isnan(days):
        return "–"
    if math.isinf(days):
        return t("never", lang)
    text = f"{format_number(days, lang, digits)} {t('days', lang)}"
    if days == 0:
        text += f" ({t('exceeded_at_start', lang)})"
    return text


def months_days_text(days: float, lang: str = "en") -> str:
    """Say a duration as "x months y days" / "x bulan y hari" (``–`` when undefined)."""
    from ..units import format_duration

    if days is None or math.isnan(days):
        return "–"
    return format_duration(days, lang)
