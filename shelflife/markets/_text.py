"""Text helpers shared by the markets modules: messages, numbers and dates in EN/ID.

Sentences come from the message catalogue (:mod:`shelflife.msgcat.markets`), so every text
exists in English and Bahasa Indonesia with the same fields. Numbers and dates are written
with Babel (CLDR data): ``1.234,5`` and "15 Januari 2027" in Indonesian, ``1,234.5`` and
"15 January 2027" in English; no operating-system locale is needed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from ..messages import render

__all__ = ["PRECISIONS", "msg", "number", "long_date", "MarketNote"]

#: Date precisions from finest to coarsest.
PRECISIONS = ("day", "month", "year")


def _lang(lang: str) -> str:
    return "id" if lang == "id" else "en"


def msg(key: str, lang: str = "en", /, **params: Any) -> str:
    """The "what" part of catalogue message ``key`` in ``lang``."""
    return render(key, _lang(lang), **params)[0]


def number(x: float, lang: str = "en", digits: int = 1) -> str:
    """A number with at most ``digits`` decimals, decimal comma in Indonesian.

    Examples
    --------
    >>> number(1234.5), number(1234.5, "id"), number(240.0)
    ('1,234.5', '1.234,5', '240')
    """
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=_lang(lang))


def long_date(date: datetime.date, lang: str = "en") -> str:
    """A date for sentences: "15 January 2027" / "15 Januari 2027".

    Examples
    --------
    >>> long_date(datetime.date(2027, 1, 15), "id")
    '15 Januari 2027'
    """
    return format_date(date, format="d MMMM yyyy", locale=_lang(lang))


@dataclass(frozen=True)
class MarketNote:
    """A coded note on a label, a recommendation or a readiness check.

    Like :class:`shelflife.errors.Notice`, but the parameters may differ per language (a rule's
    note has an English and an Indonesian text).

    Attributes
    ----------
    code : str
        Message code in :mod:`shelflife.msgcat.markets`.
    params : dict
        Template values (already formatted as text).
    params_id : dict
        Values that replace ``params`` in Bahasa Indonesia.
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    params_id: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """The note in ``lang`` (what and, if any, how to act on it)."""
        lang = _lang(lang)
        params = {**self.params, **(self.params_id if lang == "id" else {})}
        what, fix = render(self.code, lang, **params)
        return f"{what} {fix}".strip()

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "message", "message_id"}``."""
        return {"code": self.code, "message": self.message("en"), "message_id": self.message("id")}
