"""The shelf life to declare in a market, from the conservative tested shelf life.

:func:`recommended_shelf_life` applies the market's safety factor to the conservative shelf
life of a study (the one-sided 95 % bound, DESIGN.md §6) and rounds **down** to whole days
(up to 3 months) or whole months (beyond), keeping an explanation trail (:class:`Step`):
each step's value, the rule applied, its sources and whether it is verified.
"""

from __future__ import annotations

import datetime
import html
import math
import numbers
import os
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..units import DAYS_PER_MONTH, get_registry, quantity
from ._calendar import add_months, max_days_in_months
from ._text import MarketNote, msg, number
from .data import get_market
from .model import Market, Rule

__all__ = ["Step", "LabelledShelfLife", "recommended_shelf_life", "MarketLike"]

#: What the functions accept as a market: a :class:`Market`, a code, name or alias, or the
#: path of a market file.
MarketLike = Market | str | os.PathLike[str]

# ----------------------------------------------------------------------------- trail


@dataclass(frozen=True)
class Step:
    """One step of the explanation trail of a recommended shelf life.

    Attributes
    ----------
    code : str
        Message code of the step's sentence.
    value : float
        The value after this step.
    unit : str
        Its unit (``"day"`` or ``"month"``).
    params, params_id : dict
        Sentence values in English and (overrides) Indonesian.
    rule : str
        Which rule the step applies: ``"input"``, ``"safety_factor"``, ``"shelf_life_unit"``.
    provenance : dict
        The rule's ``kind``, ``verified``, ``sources``, ``note``; ``verified`` is ``None``
        for the input and for values set by the user.
    """

    code: str
    value: float
    unit: str
    params: dict[str, Any]
    params_id: dict[str, Any]
    rule: str
    provenance: dict[str, Any]

    def text(self, lang: str = "en") -> str:
        """The step as a sentence in ``lang``."""
        return MarketNote(self.code, self.params, self.params_id).message(lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "step": self.code,
            "text": self.text("en"),
            "text_id": self.text("id"),
            "value": {"value": self.value, "unit": self.unit},
            "rule": self.rule,
            **self.provenance,
        }


def _user(note: str) -> dict[str, Any]:
    return {"kind": "user", "verified": None, "sources": [], "note": note, "note_id": None}


# --------------------------------------------------------------------- recommendation


@dataclass(frozen=True)
class LabelledShelfLife:
    """The shelf life to declare for one market, with how it was reached.

    Attributes
    ----------
    value : int
        Whole days or whole months.
    unit : {"day", "month"}
    market : Market
        The market whose rules were applied.
    tested_days : float or None
        The conservative shelf life the recommendation started from [day] (``None`` when
        the shelf life was given directly).
    safety_factor : float or None
        The factor applied (``None`` when none was applied).
    factor_origin : {"market", "user", "none"}
    days : float
        The shelf life after the safety factor, before rounding down [day].
    steps : tuple of Step
        The explanation trail.
    notes : tuple of MarketNote
        Unverified rules used and other remarks.
    """

    value: int
    unit: str
    market: Market
    tested_days: float | None
    safety_factor: float | None
    factor_origin: str
    days: float
    steps: tuple[Step, ...] = ()
    notes: tuple[MarketNote, ...] = ()

    @property
    def quantity(self):
        """The shelf life as a :class:`pint.Quantity` (``7 month``, ``60 day``)."""
        return get_registry().Quantity(self.value, self.unit)

    @property
    def approx_days(self) -> float:
        """The shelf life in days, a month counted as 30.4375 days [day]."""
        return float(self.value) * (DAYS_PER_MONTH if self.unit == "month" else 1.0)

    @property
    def months(self) -> float:
        """The shelf life in months (days / 30.4375 for a shelf life in days) [month]."""
        return float(self.value) if self.unit == "month" else self.value / DAYS_PER_MONTH

    def text(self, lang: str = "en") -> str:
        """``"7 months"`` / ``"7 bulan"``."""
        return _duration_words(self.value, self.unit, lang)

    def end_date(self, produced: datetime.date) -> datetime.date:
        """Production date plus this shelf life (calendar months, day clipped)."""
        if self.unit == "month":
            return add_months(produced, self.value)
        return produced + datetime.timedelta(days=self.value)

    def summary(self, lang: str = "en") -> str:
        """The recommendation and its trail as plain text."""
        out = [
            msg(
                "markets_text_recommend_head",
                lang,
                market=self.market.name_in(lang),
                shelf_life=self.text(lang),
            )
        ]
        out += [f"  {i + 1}. {s.text(lang)}" for i, s in enumerate(self.steps)]
        out += _notes_block(self.notes, lang)
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (see the module docs for the keys)."""
        return {
            "market": self.market.code,
            "rules_version": self.market.version,
            "value": self.value,
            "unit": self.unit,
            "text": self.text("en"),
            "text_id": self.text("id"),
            "tested": None
            if self.tested_days is None
            else {"value": self.tested_days, "unit": "day"},
            "safety_factor": self.safety_factor,
            "safety_factor_origin": self.factor_origin,
            "after_safety_factor": {"value": self.days, "unit": "day"},
            "trail": [s.to_dict() for s in self.steps],
            "notes": [n.to_dict() for n in self.notes],
        }

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(self.summary("en")) + "</pre>"

    def __str__(self) -> str:
        return self.summary("en")


def _duration_words(value: int, unit: str, lang: str) -> str:
    word = {("day", 1): "day", ("month", 1): "month"}.get((unit, value), unit + "s")
    if lang == "id":
        word = "hari" if unit == "day" else "bulan"
    return f"{value} {word}"


def _days_from(value: Any, what: str) -> float:
    """Days [day] from a Quantity, a string, or a contract dict ``{"value", "unit"}``."""
    if isinstance(value, dict) and "value" in value and "unit" in value:
        if value["value"] is None:
            return math.inf
        value = get_registry().Quantity(float(value["value"]), str(value["unit"]))
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and what == "object":
        return float(value)
    q = quantity(value, what="shelf life", expected="time")
    return float(q.to("day").magnitude)


def _tested_days(conservative: Any) -> float:
    """The conservative shelf life [day] of a ShelfLife-like object, dict or Quantity."""
    if isinstance(conservative, dict) and "conservative" in conservative:
        return _days_from(conservative["conservative"], "dict")
    if hasattr(conservative, "conservative"):
        return _days_from(conservative.conservative, "object")
    return _days_from(conservative, "quantity")


def _check_days(days: float) -> None:
    if math.isinf(days) and days > 0:
        raise InputError("market_shelf_life_infinite")
    if not (days > 0):
        raise InputError(
            "market_shelf_life_not_positive", value=number(days) if days == days else "nan"
        )


def _factor(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError("market_safety_factor_invalid", value=repr(value))
    f = float(value)
    if not (0 < f <= 1):
        raise InputError("market_safety_factor_invalid", value=repr(value))
    return f


def _rule_note(rule: Rule, name_code: str, **name_params: Any) -> MarketNote | None:
    """A note for an unverified rule (``None`` when the rule is verified)."""
    if rule.verified:
        return None
    return MarketNote(
        "markets_note_unverified",
        {"rule": msg(name_code, "en", **name_params), "note": rule.note_in("en")},
        {"rule": msg(name_code, "id", **name_params), "note": rule.note_in("id")},
    )


def recommended_shelf_life(
    conservative: Any, market: MarketLike, *, safety_factor: float | None = None
) -> LabelledShelfLife:
    """The shelf life to declare in a market, from the conservative tested shelf life.

    Parameters
    ----------
    conservative : ShelfLife, pint.Quantity, str or dict
        The conservative shelf life: a :class:`shelflife.results.ShelfLife` (its
        ``conservative`` attribute, in days, is used), any object with a ``conservative``
        attribute, a result-JSON entry ``{"conservative": {"value", "unit"}}``, or a time
        such as ``Q_(300, "day")`` or ``"10 month"`` [time].
    market : Market, str or path
        The market (code, name, alias or rule file; see :func:`get_market`).
    safety_factor : float, optional
        Factor in (0, 1] applied to the tested shelf life; default: the market's
        (``jp``: 0.8, others 1.0). A factor outside the market's typical range is allowed
        and noted.

    Returns
    -------
    LabelledShelfLife
        Whole days when the result is at most ``days_up_to_months`` (3) months
        (``floor(3 x 30.4375)`` = 91 days), else whole months.

    Raises
    ------
    InputError
        ``market_shelf_life_infinite`` (no finite shelf life), ``market_shelf_life_not_positive``,
        ``market_safety_factor_invalid``, ``market_shelf_life_too_short`` (less than one day
        after the factor), ``market_unknown``.

    Notes
    -----
    *Rounding is always down.* Days: ``floor(d)``. Months: the largest ``n`` such that no run
    of ``n`` calendar months is longer than ``d`` days (:func:`max_days_in_months`), so the
    declared months never exceed the tested days whatever the production date; e.g.
    240 days give 7 months (the longest 7-month run is 215 days, the longest 8-month run
    245 days).

    Examples
    --------
    >>> r = recommended_shelf_life("300 day", "jp")
    >>> r.safety_factor, r.days, r.value, r.unit
    (0.8, 240.0, 7, 'month')
    >>> recommended_shelf_life("75.6 day", "eu").text()
    '75 days'
    """
    m = get_market(market)
    days0 = _tested_days(conservative)
    _check_days(days0)
    rule = m.rules.safety_factor
    if safety_factor is None:
        factor, origin = rule.default, "market"
        factor_prov = rule.provenance()
    else:
        factor, origin = _factor(safety_factor), "user"
        factor_prov = _user("safety factor given by the user")
    days = days0 * factor
    notes: list[MarketNote] = []
    steps = [
        Step(
            "markets_step_tested",
            days0,
            "day",
            {"value": number(days0, "en")},
            {"value": number(days0, "id")},
            "input",
            _user("conservative shelf life from the study (one-sided 95 % bound)"),
        ),
        Step(
            "markets_step_safety_factor",
            days,
            "day",
            {
                "factor": number(factor, "en", 3),
                "origin": msg(f"markets_word_origin_{origin}", "en"),
                "value": number(days, "en"),
            },
            {
                "factor": number(factor, "id", 3),
                "origin": msg(f"markets_word_origin_{origin}", "id"),
                "value": number(days, "id"),
            },
            "safety_factor",
            factor_prov,
        ),
    ]
    if origin == "market":
        note = _rule_note(rule, "markets_rule_safety_factor")
        if note is not None:
            notes.append(note)
    low, high = rule.typical
    if not (low <= factor <= high):
        notes.append(
            MarketNote(
                "markets_note_factor_outside",
                {
                    "factor": number(factor, "en", 3),
                    "low": number(low, "en", 3),
                    "high": number(high, "en", 3),
                },
                {
                    "factor": number(factor, "id", 3),
                    "low": number(low, "id", 3),
                    "high": number(high, "id", 3),
                },
            )
        )
    unit_rule = m.rules.shelf_life_unit
    whole_days = math.floor(round(days, 9))
    day_max = math.floor(unit_rule.days_up_to_months * DAYS_PER_MONTH)
    if whole_days <= day_max:
        if whole_days < 1:
            raise InputError("market_shelf_life_too_short", value=number(days))
        value, unit, code = whole_days, "day", "markets_step_round_days"
    else:
        value = int(days // DAYS_PER_MONTH)
        while value > 0 and max_days_in_months(value) > days:
            value -= 1
        unit, code = "month", "markets_step_round_months"
    params = {
        "n": str(value),
        "longest": str(max_days_in_months(value)) if unit == "month" else "",
    }
    steps.append(
        Step(code, float(value), unit, params, {}, "shelf_life_unit", unit_rule.provenance())
    )
    note = _rule_note(unit_rule, "markets_rule_shelf_life_unit")
    if note is not None:
        notes.append(note)
    return LabelledShelfLife(
        value=value,
        unit=unit,
        market=m,
        tested_days=days0,
        safety_factor=factor,
        factor_origin=origin,
        days=days,
        steps=tuple(steps),
        notes=tuple(notes),
    )


def _as_given(shelf_life: Any, m: Market) -> LabelledShelfLife:
    """A shelf life given directly (``"9 month"``): whole calendar months or whole days."""
    reg = get_registry()
    if isinstance(shelf_life, dict) and "value" in shelf_life and "unit" in shelf_life:
        shelf_life = reg.Quantity(float(shelf_life["value"]), str(shelf_life["unit"]))
    q = quantity(shelf_life, what="shelf life", expected="time")
    days = float(q.to("day").magnitude)
    _check_days(days)
    magnitude = float(q.magnitude)
    per_unit = {reg.Unit("month"): 1, reg.Unit("year"): 12}.get(q.units)
    if per_unit and abs(magnitude - round(magnitude)) < 1e-9:
        value, unit = int(round(magnitude)) * per_unit, "month"
    else:
        value, unit = math.floor(round(days, 9)), "day"
        if value < 1:
            raise InputError("market_shelf_life_too_short", value=number(days))
    step = Step(
        "markets_step_given",
        float(value),
        unit,
        {"shelf_life": _duration_words(value, unit, "en")},
        {"shelf_life": _duration_words(value, unit, "id")},
        "input",
        _user(
            "shelf life given directly; whole calendar months, otherwise whole days (rounded down)"
        ),
    )
    return LabelledShelfLife(
        value=value,
        unit=unit,
        market=m,
        tested_days=None,
        safety_factor=None,
        factor_origin="none",
        days=days,
        steps=(step,),
    )


def _notes_block(notes: tuple[MarketNote, ...], lang: str) -> list[str]:
    if not notes:
        return []
    return [msg("markets_text_notes", lang)] + [f"  - {n.message(lang)}" for n in notes]
