"""Export readiness: whether enough shelf life is left when the goods arrive.

Importers and retailers buy only goods with a minimum share of their shelf life left (the
Japanese "one-third rule", buyers' specifications in the EU and the Gulf). Each market file
holds a default requirement with its kind, sources and ``verified`` flag; most are trade
practices or placeholders, so give the buyer's figure with ``min_remaining``.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..messages import render
from ..units import get_registry, quantity
from ._text import MarketNote, msg, number
from .data import get_market
from .label import Label
from .recommend import LabelledShelfLife, MarketLike, _rule_note

__all__ = ["Requirement", "Readiness", "export_readiness", "VERDICTS"]

#: The possible verdicts.
VERDICTS = ("ready", "marginal", "not_ready")


@dataclass(frozen=True)
class Requirement:
    """The minimum remaining shelf life on arrival.

    Attributes
    ----------
    days : float
        Required remaining shelf life [day].
    fraction : float or None
        Share of the labelled shelf life it comes from (``None`` for a number of days).
    min_days : float
        Floor in days from the market file [day].
    origin : {"market", "user"}
    provenance : dict
        ``kind``, ``verified``, ``sources``, ``note``, ``note_id`` of the rule (``kind`` is
        ``"user"`` and ``verified`` ``None`` for a requirement you set).
    """

    days: float
    fraction: float | None
    min_days: float
    origin: str
    provenance: dict[str, Any]

    def basis(self, labelled_days: float, lang: str = "en") -> str:
        """Where the requirement comes from, in words."""
        if self.origin == "user":
            if self.fraction is None:
                return msg("markets_text_basis_user_days", lang)
            return msg(
                "markets_text_basis_user_fraction",
                lang,
                percent=number(100 * self.fraction, lang),
                labelled=number(labelled_days, lang),
            )
        return msg(
            "markets_text_basis_market",
            lang,
            percent=number(100 * (self.fraction or 0.0), lang),
            labelled=number(labelled_days, lang),
            kind=msg(f"markets_word_kind_{self.provenance['kind']}", lang),
            status=msg(
                "markets_word_verified"
                if self.provenance["verified"]
                else "markets_word_unverified",
                lang,
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "value": self.days,
            "unit": "day",
            "fraction": self.fraction,
            "min_days": self.min_days,
            "origin": self.origin,
            **self.provenance,
        }


def _json(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)


@dataclass(frozen=True)
class Readiness:
    """The export-readiness verdict for one shipment and market.

    Attributes
    ----------
    market : Market
    verdict : {"ready", "marginal", "not_ready"}
        ``ready`` when the lower bound of the remaining shelf life (the estimate, without an
        interval) meets the requirement; ``marginal`` when the estimate meets it but the
        lower bound does not; ``not_ready`` when the estimate does not.
    remaining : float
        Remaining shelf life on arrival used for the verdict [day].
    low, high : float or None
        Its interval [day].
    labelled_days : float
        The labelled shelf life [day].
    requirement : Requirement
    transit_days : float or None
        Transit time, when given [day].
    label_remaining : float or None
        What the printed date leaves after the transit [day].
    notes : tuple of MarketNote
    """

    market: Any
    verdict: str
    remaining: float
    low: float | None
    high: float | None
    labelled_days: float
    requirement: Requirement
    transit_days: float | None = None
    label_remaining: float | None = None
    notes: tuple[MarketNote, ...] = ()

    @property
    def ready(self) -> bool:
        """``True`` only for the ``"ready"`` verdict."""
        return self.verdict == "ready"

    def reason(self, lang: str = "en") -> str:
        """Why the verdict, in ``"en"`` or ``"id"``."""
        interval = ""
        if self.low is not None and self.high is not None:
            interval = msg(
                "markets_text_interval",
                lang,
                low=number(self.low, lang),
                high=number(self.high, lang) if math.isfinite(self.high) else "∞",
            )
        params = {
            "remaining": number(self.remaining, lang) if math.isfinite(self.remaining) else "∞",
            "interval": interval,
            "required": number(self.requirement.days, lang),
            "basis": self.requirement.basis(self.labelled_days, lang),
            "low": number(self.low, lang) if self.low is not None else "",
        }
        what, fix = _render(f"markets_readiness_{self.verdict}", lang, params)
        return f"{what} {fix}".strip()

    def summary(self, lang: str = "en") -> str:
        """The verdict, its reason and the notes as plain text."""
        out = [
            msg(
                "markets_text_readiness_head",
                lang,
                market=self.market.name_in(lang),
                verdict=msg(f"markets_word_{self.verdict}", lang),
            ),
            "  " + self.reason(lang),
        ]
        if self.notes:
            out.append(msg("markets_text_notes", lang))
            out += [f"  - {n.message(lang)}" for n in self.notes]
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        interval = None
        if self.low is not None and self.high is not None:
            interval = [_json(self.low), _json(self.high)]
        return {
            "market": self.market.code,
            "rules_version": self.market.version,
            "verdict": self.verdict,
            "reason": self.reason("en"),
            "reason_id": self.reason("id"),
            "remaining": {"value": _json(self.remaining), "unit": "day"},
            "interval": interval,
            "labelled_shelf_life": {"value": self.labelled_days, "unit": "day"},
            "transit": None
            if self.transit_days is None
            else {"value": self.transit_days, "unit": "day"},
            "label_remaining": None
            if self.label_remaining is None
            else {"value": self.label_remaining, "unit": "day"},
            "requirement": self.requirement.to_dict(),
            "notes": [n.to_dict() for n in self.notes],
        }

    def _repr_html_(self) -> str:
        colour = {"ready": "#2a7", "marginal": "#c80", "not_ready": "#c33"}[self.verdict]
        head = html.escape(self.summary("en").splitlines()[0])
        body = html.escape("\n".join(self.summary("en").splitlines()[1:]))
        return f'<p style="color:{colour}"><b>{head}</b></p><pre>{body}</pre>'

    def __str__(self) -> str:
        return self.summary("en")


def _render(code: str, lang: str, params: dict[str, Any]) -> tuple[str, str]:
    return render(code, "id" if lang == "id" else "en", **params)


def _days(value: Any, what: str) -> float:
    """Days [day] from a Quantity, a string or a contract dict ``{"value", "unit"}``."""
    if isinstance(value, dict) and "value" in value and "unit" in value:
        if value["value"] is None:
            return math.inf
        value = get_registry().Quantity(float(value["value"]), str(value["unit"]))
    q = quantity(value, what=what, expected="time")
    return float(q.to("day").magnitude)


def _remaining(value: Any) -> tuple[float, float | None, float | None]:
    """(estimate, low, high) [day] from a RemainingShelfLife-like object, dict or time."""
    if hasattr(value, "estimate") and hasattr(value, "ci95"):
        low, high = value.ci95
        return float(value.estimate), float(low), float(high)
    if isinstance(value, dict) and "estimate" in value:
        est = _days(value["estimate"], "remaining shelf life")
        ci = value.get("ci95")
        if ci and ci[0] is not None:
            unit = (
                value["estimate"].get("unit", "day")
                if isinstance(value["estimate"], dict)
                else "day"
            )
            high = math.inf if ci[1] is None else _days({"value": ci[1], "unit": unit}, "interval")
            return est, _days({"value": ci[0], "unit": unit}, "interval"), high
        return est, None, None
    return _days(value, "remaining shelf life"), None, None


def _labelled_days(value: Any) -> float:
    if isinstance(value, Label):
        return float((value.effective_end - value.produced).days)
    if isinstance(value, LabelledShelfLife):
        return value.approx_days
    return _days(value, "labelled shelf life")


def _requirement(min_remaining: Any, rules: Any, labelled: float) -> Requirement:
    if min_remaining is None:
        r = rules.readiness
        days = max(r.min_fraction * labelled, r.min_days)
        return Requirement(days, r.min_fraction, r.min_days, "market", r.provenance())
    user = {
        "kind": "user",
        "verified": None,
        "sources": [],
        "note": "set by the user",
        "note_id": None,
    }
    if isinstance(min_remaining, (int, float)) and not isinstance(min_remaining, bool):
        fraction = float(min_remaining)
        if 0 < fraction <= 1:
            return Requirement(fraction * labelled, fraction, 0.0, "user", user)
        raise InputError("readiness_min_remaining_invalid", value=repr(min_remaining))
    try:
        q = quantity(min_remaining, what="minimum remaining shelf life")
    except InputError:
        raise InputError("readiness_min_remaining_invalid", value=repr(min_remaining)) from None
    if q.dimensionless:
        fraction = float(q.to("").magnitude)
        if 0 < fraction <= 1:
            return Requirement(fraction * labelled, fraction, 0.0, "user", user)
    elif q.check("[time]"):
        days = float(q.to("day").magnitude)
        if days > 0 and math.isfinite(days):
            return Requirement(days, None, days, "user", user)
    raise InputError("readiness_min_remaining_invalid", value=repr(min_remaining))


def export_readiness(
    remaining_on_arrival: Any,
    labelled_shelf_life: Any,
    market: MarketLike,
    *,
    min_remaining: Any = None,
    interval: tuple[Any, Any] | None = None,
    transit: Any = None,
) -> Readiness:
    """Whether a shipment meets the market's minimum remaining shelf life on arrival.

    Parameters
    ----------
    remaining_on_arrival : pint.Quantity, str, RemainingShelfLife or dict
        Shelf life left when the goods arrive [time], e.g. from
        :func:`shelflife.profiles.remaining_shelf_life` (its ``estimate`` and ``ci95`` are
        used) or a time such as ``"150 day"``.
    labelled_shelf_life : Label, LabelledShelfLife, pint.Quantity or str
        The declared shelf life. For a :class:`Label` the days up to the date the printed
        label stands for are used; a shelf life in months counts 30.4375 days a month.
    market : Market, str or path
        The market (see :func:`get_market`).
    min_remaining : float, pint.Quantity or str, optional
        The buyer's requirement, replacing the market's default: a fraction of the
        labelled shelf life (``0.6``, ``"60 %"``) or a time (``"120 day"``).
    interval : (low, high), optional
        Interval of the remaining shelf life [time]; overrides the ``ci95`` of
        ``remaining_on_arrival``.
    transit : pint.Quantity or str, optional
        Time from production to arrival [time]. When given, the days the printed date
        leaves after the transit also bound the remaining shelf life (a buyer reads the
        label, not the kinetics).

    Returns
    -------
    Readiness
        ``verdict``: ``"ready"`` if the lower bound ≥ requirement, ``"marginal"`` if the
        estimate ≥ requirement > lower bound, ``"not_ready"`` if the estimate < requirement
        (without an interval the lower bound is the estimate). Equality meets the
        requirement.

    Raises
    ------
    InputError
        ``readiness_remaining_invalid``, ``readiness_min_remaining_invalid``,
        ``market_unknown``, or a unit error for a time without a unit.

    Examples
    --------
    >>> export_readiness("200 day", "12 month", "gcc").verdict
    'ready'
    >>> export_readiness("200 day", "12 month", "jp").verdict
    'not_ready'
    >>> export_readiness("200 day", "12 month", "gcc", interval=("150 day", "250 day")).verdict
    'marginal'
    """
    m = get_market(market)
    estimate, low, high = _remaining(remaining_on_arrival)
    if interval is not None:
        low, high = _days(interval[0], "interval"), _days(interval[1], "interval")
    values = [v for v in (estimate, low, high) if v is not None]
    if any(math.isnan(v) or v < 0 for v in values) or (
        low is not None and high is not None and not (low <= estimate <= high)
    ):
        raise InputError(
            "readiness_remaining_invalid",
            value=", ".join(number(v) if math.isfinite(v) else str(v) for v in values),
        )
    labelled = _labelled_days(labelled_shelf_life)
    requirement = _requirement(min_remaining, m.rules, labelled)
    notes: list[MarketNote] = []
    if requirement.origin == "market":
        note = _rule_note(m.rules.readiness, "markets_rule_readiness")
        if note is not None:
            notes.append(note)
    transit_days = label_remaining = None
    if transit is not None:
        transit_days = _days(transit, "transit time")
        label_remaining = labelled - transit_days
        if label_remaining < estimate:
            notes.append(
                MarketNote(
                    "markets_note_label_remaining",
                    {"left": number(label_remaining), "transit": number(transit_days)},
                    {"left": number(label_remaining, "id"), "transit": number(transit_days, "id")},
                )
            )
        estimate = min(estimate, label_remaining)
        if low is not None:
            low = min(low, label_remaining)
    if estimate < requirement.days:
        verdict = "not_ready"
    elif low is not None and low < requirement.days:
        verdict = "marginal"
    else:
        verdict = "ready"
    return Readiness(
        market=m,
        verdict=verdict,
        remaining=estimate,
        low=low,
        high=high,
        labelled_days=labelled,
        requirement=requirement,
        transit_days=transit_days,
        label_remaining=label_remaining,
        notes=tuple(notes),
    )
