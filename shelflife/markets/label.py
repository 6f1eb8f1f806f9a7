"""From a declared shelf life to the date printed on a label, market by market.

:func:`label` adds the shelf life (from :func:`recommended_shelf_life`, a study result, or a
time) to the production date with calendar arithmetic, picks the coarsest date the market
allows for that length, makes sure the printed date never means a later day than the
computed one, and writes the label lines in the market's words and date format, with notes
for every rule that is not verified.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date

from ..errors import InputError
from ._calendar import truncate
from ._text import PRECISIONS, MarketNote, long_date, msg, number
from .data import get_market
from .model import Market, Rule
from .recommend import (
    LabelledShelfLife,
    MarketLike,
    _as_given,
    _notes_block,
    _rule_note,
    recommended_shelf_life,
)

__all__ = ["Label", "label", "LABEL_KINDS"]

#: Date marks :func:`label` can print (a market may offer only some of them).
LABEL_KINDS = ("best_before", "use_by", "expiry")

# ----------------------------------------------------------------------------- label


@dataclass(frozen=True)
class Label:
    """A label date for one market, with the printed lines and notes.

    Attributes
    ----------
    market : Market
    kind : {"best_before", "use_by", "expiry"}
    produced : datetime.date
        Production date.
    shelf_life : LabelledShelfLife
        The declared shelf life (with its trail).
    end : datetime.date
        ``produced`` plus the shelf life (calendar arithmetic).
    precision : {"day", "month", "year"}
        Precision of the printed date.
    allowed_precision : {"day", "month", "year"}
        The coarsest precision the market allows for this shelf life.
    effective_end : datetime.date
        The last day the printed date stands for (never after ``end``).
    printed_date : str
        The date as printed, e.g. ``"09.2026"``.
    printed_production : str or None
        The production date as printed (markets that print it).
    languages : tuple of str
        Languages of the lines.
    lines : tuple of str
        The label lines, e.g. ``("Best before end: 09.2026",)``.
    notes : tuple of MarketNote
    """

    market: Market
    kind: str
    produced: datetime.date
    shelf_life: LabelledShelfLife
    end: datetime.date
    precision: str
    allowed_precision: str
    effective_end: datetime.date
    printed_date: str
    printed_production: str | None
    languages: tuple[str, ...]
    lines: tuple[str, ...]
    notes: tuple[MarketNote, ...] = field(default=())

    @property
    def text(self) -> str:
        """The label lines joined by newlines."""
        return "\n".join(self.lines)

    @property
    def days_lost(self) -> int:
        """Days between the printed date's meaning and the computed end [day]."""
        return (self.end - self.effective_end).days

    def summary(self, lang: str = "en") -> str:
        """The label, how its date was reached and the notes, as plain text."""
        out = [
            msg(
                "markets_text_label_head",
                lang,
                market=self.market.name_in(lang),
                kind=msg(f"markets_word_{self.kind}", lang),
                version=self.market.version,
            )
        ]
        out += [f"  {line}" for line in self.lines]
        out.append(
            msg(
                "markets_text_label_dates",
                lang,
                produced=long_date(self.produced, lang),
                shelf_life=self.shelf_life.text(lang),
                end=long_date(self.end, lang),
                precision=msg(f"markets_word_{self.precision}", lang),
                effective=long_date(self.effective_end, lang),
            )
        )
        out += _notes_block(self.notes, lang)
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "market": self.market.code,
            "market_name": self.market.name,
            "rules_version": self.market.version,
            "kind": self.kind,
            "produced": self.produced.isoformat(),
            "shelf_life": {"value": self.shelf_life.value, "unit": self.shelf_life.unit},
            "end_date": self.end.isoformat(),
            "precision": self.precision,
            "allowed_precision": self.allowed_precision,
            "effective_end": self.effective_end.isoformat(),
            "days_lost": self.days_lost,
            "printed_date": self.printed_date,
            "printed_production_date": self.printed_production,
            "languages": list(self.languages),
            "lines": list(self.lines),
            "notes": [n.to_dict() for n in self.notes],
            "recommendation": self.shelf_life.to_dict(),
        }

    def _repr_html_(self) -> str:
        lines = "<br>".join(html.escape(x) for x in self.lines)
        rest = html.escape("\n".join(self.summary("en").splitlines()[1 + len(self.lines) :]))
        return f'<div style="border:1px solid #888;padding:4px">{lines}</div><pre>{rest}</pre>'

    def __str__(self) -> str:
        return self.text


def _produced(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError("label_produced_invalid", value=repr(value))


def _format(date: datetime.date, pattern: str, m: Market) -> str:
    fmt = m.rules.date_format
    text = format_date(date, format=pattern, locale=fmt.locale)
    return text.upper() if fmt.uppercase else text


def label(
    market: MarketLike,
    produced: datetime.date | str,
    shelf_life: Any,
    *,
    kind: str = "best_before",
    lang: str | tuple[str, ...] | list[str] | None = None,
    safety_factor: float | None = None,
    precision: str | None = None,
) -> Label:
    """The label date and lines for a product in one market.

    Parameters
    ----------
    market : Market, str or path
        The market: code (``"eu"``), name or alias (``"Rotterdam"``, ``"Jepang"``), or a
        rule file (see :func:`get_market`).
    produced : datetime.date or str
        Production date, e.g. ``"2026-01-15"``.
    shelf_life : LabelledShelfLife, ShelfLife, pint.Quantity, str or dict
        A :class:`LabelledShelfLife` (from :func:`recommended_shelf_life`) is used as it is.
        A study result with a ``conservative`` attribute (or ``{"conservative": ...}``) is
        first passed through :func:`recommended_shelf_life` (market safety factor). A time
        (``"9 month"``, ``Q_(60, "day")``) is the shelf life to declare: whole calendar
        months when given in months or years, otherwise whole days (rounded down); give
        ``safety_factor`` to treat it as a tested shelf life instead.
    kind : {"best_before", "use_by", "expiry"}
        The date mark; markets without a use-by/expiry distinction use the same words.
    lang : str or sequence of str, optional
        Language(s) of the printed lines; default: the market's label languages (GCC:
        English and Arabic). Phrases exist for the market's languages and English glosses.
    safety_factor : float, optional
        See :func:`recommended_shelf_life`; not allowed with a :class:`LabelledShelfLife`.
    precision : {"day", "month", "year"}, optional
        Print a finer date than the coarsest the market allows (e.g. ``"month"`` instead of
        a year-only date, to lose fewer days); a coarser one is refused.

    Returns
    -------
    Label

    Raises
    ------
    InputError
        ``label_kind_unavailable``, ``label_produced_invalid``, ``label_lang_unavailable``,
        ``label_precision_too_coarse``, ``label_precision_unavailable``,
        ``label_safety_factor_twice``, and the errors of :func:`recommended_shelf_life`.

    Notes
    -----
    *Calendar.* Months are added as calendar months with the day clipped to the month's
    end (31 January + 1 month = 28/29 February); days are added as days (the production day
    is day 0). The result is the computed end date.

    *Precision.* The market's bands give the coarsest precision for the length from the
    production date to the end date (e.g. EU: up to 3 calendar months day, up to 18 months
    month, beyond year). A month-year date means the last day of that month and a year the
    last day of that year, so the printed month (year) is the one ending on or before the
    computed date: if the computed date is not the last day of its month (year), the previous
    month (year) is printed. The label therefore never extends the shelf life; the days
    lost are reported in a note. Marks in the market's ``full_date_marks`` (the use-by
    dates of the EU and Japan) always print the day.

    References
    ----------
    .. [1] Regulation (EU) No 1169/2011, Art. 24 and Annex X.
       https://eur-lex.europa.eu/eli/reg/2011/1169/oj
    .. [2] Osaka Prefecture, 加工食品の表示: 消費期限又は賞味期限.
       https://www.pref.osaka.lg.jp/shokuhin/prcessed_food/expiration_date.html
    .. [3] FSANZ Standard 1.2.5 (NZ Gazette No. 49, 8 May 2015, p. 47).
       https://gazette.howison.co.nz/nzg/2015/issue/49/page/47

    Examples
    --------
    >>> label("eu", "2026-01-15", "9 month").lines
    ('Best before end: 09.2026',)
    >>> label("eu", "2026-01-15", "60 day").lines
    ('Best before: 16.03.2026',)
    >>> label("us", "2026-01-15", "9 month").lines
    ('Best if Used By 10/15/2026',)
    """
    m = get_market(market)
    if kind not in LABEL_KINDS or kind not in m.marks():
        raise InputError("label_kind_unavailable", kind=str(kind), kinds=", ".join(m.marks()))
    day0 = _produced(produced)
    notes: list[MarketNote] = []

    # --- the declared shelf life
    if isinstance(shelf_life, LabelledShelfLife):
        if safety_factor is not None:
            raise InputError("label_safety_factor_twice")
        declared = shelf_life
        if declared.market.code != m.code:
            notes.append(MarketNote("markets_note_other_market", {"other": declared.market.code}))
    elif hasattr(shelf_life, "conservative") or (
        isinstance(shelf_life, dict) and "conservative" in shelf_life
    ):
        declared = recommended_shelf_life(shelf_life, m, safety_factor=safety_factor)
    elif safety_factor is not None:
        declared = recommended_shelf_life(shelf_life, m, safety_factor=safety_factor)
    else:
        declared = _as_given(shelf_life, m)
        if m.rules.safety_factor.default < 1:
            notes.append(
                MarketNote(
                    "markets_note_factor_not_applied",
                    {"factor": number(m.rules.safety_factor.default, "en", 3)},
                    {"factor": number(m.rules.safety_factor.default, "id", 3)},
                )
            )
    notes += declared.notes

    # --- dates
    end = declared.end_date(day0)
    rules = m.rules
    allowed = rules.precision.for_dates(day0, end, kind)
    if precision is None:
        chosen = allowed
    else:
        if precision not in PRECISIONS or PRECISIONS.index(precision) > PRECISIONS.index(allowed):
            raise InputError(
                "label_precision_too_coarse", precision=str(precision), allowed=allowed
            )
        if rules.date_format.pattern(precision) is None:
            raise InputError("label_precision_unavailable", precision=precision)
        chosen = precision
    effective = truncate(end, chosen)
    while effective <= day0 and chosen != "day":  # pragma: no cover - guards odd rule files
        chosen = PRECISIONS[PRECISIONS.index(chosen) - 1]
        effective = truncate(end, chosen)
    fmt = rules.date_format
    printed = _format(effective, fmt.pattern(chosen) or fmt.day, m)
    production_pattern = fmt.day if fmt.production == "day" else fmt.pattern(chosen) or fmt.day
    printed_production = _format(day0, production_pattern, m)
    duration = (fmt.duration_month if declared.unit == "month" else fmt.duration_day).format(
        n=declared.value
    )

    # --- lines
    if lang is None:
        langs = tuple(rules.languages)
    elif isinstance(lang, str):
        langs = (lang,)
    else:
        langs = tuple(lang)
    lines: list[str] = []
    for code in langs:
        for line in rules.lines:
            mark = kind if line == "date" else line
            phrase = m.phrase(mark, code)
            if phrase is None:
                raise InputError(
                    "label_lang_unavailable",
                    language=str(code),
                    langs=", ".join(m.phrase_languages(mark)),
                )
            value = {"date": printed, "production": printed_production, "duration": duration}[line]
            lines.append(f"{phrase.text_for(chosen)}{fmt.separator}{value}")
            note = _rule_note(phrase, "markets_rule_phrase", text=phrase.text, language=code)
            if note is not None:
                notes.append(note)

    # --- notes on the rules used
    for rule, name in (
        (fmt, "markets_rule_date_format"),
        (rules.precision, "markets_rule_precision"),
    ):
        note = _rule_note(rule, name)
        if note is not None:
            notes.append(note)
    if "production" in rules.lines or rules.production_date.required:
        note = _rule_note(rules.production_date, "markets_rule_production_date")
        if note is not None:
            notes.append(note)
    if rules.production_date.required and "production" not in rules.lines:
        notes.append(MarketNote("markets_note_production_not_printed"))
    for limit in rules.limits:
        applies = limit.from_months is None or declared.months >= limit.from_months
        if applies and (not limit.marks or kind in limit.marks):
            notes.append(_general(limit.text, limit.text_id, limit))
    for general in rules.notes:
        notes.append(_general(general.text, general.text_id, general))
    if effective < end:
        lost = (end - effective).days
        finer = "precision='day'" if chosen == "month" else "precision='month', precision='day'"
        notes.append(
            MarketNote(
                "markets_note_truncated",
                {
                    "precision": msg(f"markets_word_{chosen}", "en"),
                    "end": long_date(end, "en"),
                    "effective": long_date(effective, "en"),
                    "lost": str(lost),
                    "finer": finer,
                },
                {
                    "precision": msg(f"markets_word_{chosen}", "id"),
                    "end": long_date(end, "id"),
                    "effective": long_date(effective, "id"),
                },
            )
        )
    return Label(
        market=m,
        kind=kind,
        produced=day0,
        shelf_life=declared,
        end=end,
        precision=chosen,
        allowed_precision=allowed,
        effective_end=effective,
        printed_date=printed,
        printed_production=printed_production if "production" in rules.lines else None,
        languages=langs,
        lines=tuple(lines),
        notes=_unique(notes),
    )


def _unique(notes: list[MarketNote]) -> tuple[MarketNote, ...]:
    """The notes without repeats (same code and values), in order."""
    seen: set[str] = set()
    out = []
    for note in notes:
        key = repr((note.code, sorted(note.params.items()), sorted(note.params_id.items())))
        if key not in seen:
            seen.add(key)
            out.append(note)
    return tuple(out)


def _general(text: str, text_id: str, rule: Rule) -> MarketNote:
    status = "verified" if rule.verified else "unverified"
    return MarketNote(
        "markets_note_general",
        {"text": text, "status": msg(f"markets_word_{status}", "en")},
        {"text": text_id, "status": msg(f"markets_word_{status}", "id")},
    )
