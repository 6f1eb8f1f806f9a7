"""The market rule files as pydantic models, and the immutable :class:`Market`.

A market file (``shelflife/markets/data/CODE.toml``) is validated like ``study.toml``: strict
pydantic models with ``extra="forbid"``, whose errors :func:`shelflife.io.schema.validate_toml`
turns into located, bilingual :class:`~shelflife.errors.StudyFileError` messages (file and
key path). Sequences are stored as tuples and every model is frozen, so a loaded
:class:`Market` cannot be changed by accident.

**Every rule is sourced.** Each rule table carries

``kind``
    ``"regulation"``, ``"standard"``, ``"guideline"``, ``"trade_practice"`` or
    ``"assumption"``;
``verified``
    ``true`` only when an official or primary text we found states the rule; trade practices
    and assumptions are never verified (they are defaults to replace with the buyer's
    specification);
``sources``
    one or more URLs;
``note`` / ``note_id``
    why a rule is not verified, in English and Bahasa Indonesia (``note`` is required when
    ``verified = false``).
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..io.schema import TomlSchema
from ._calendar import add_months
from ._text import PRECISIONS, msg

__all__ = [
    "RULE_KINDS",
    "MARKS",
    "LINES",
    "Rule",
    "Phrase",
    "DateFormat",
    "PrecisionBand",
    "Precision",
    "ProductionDate",
    "SafetyFactor",
    "ShelfLifeUnit",
    "Readiness",
    "Limit",
    "GeneralNote",
    "Names",
    "MarketFile",
    "MARKET_SCHEMA",
    "Market",
]

#: What a rule is, from binding law to a placeholder of ours.
RULE_KINDS = ("regulation", "standard", "guideline", "trade_practice", "assumption")
#: What a phrase labels: the date mark itself (best-before, use-by, expiry), the production
#: date, or the shelf-life period (China's 保质期).
MARKS = ("best_before", "use_by", "expiry", "production", "duration")
#: The lines a market's label shows, in order: ``"date"`` is the best-before/use-by line.
LINES = ("production", "duration", "date")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _lists_to_tuples(cls, value: Any) -> Any:
        """TOML arrays arrive as lists; store them as tuples (immutable)."""
        return tuple(value) if isinstance(value, list) else value


class Rule(_Frozen):
    """What every rule table carries: its kind, whether it is verified, sources and notes."""

    kind: Literal[RULE_KINDS]  # type: ignore[valid-type]
    verified: bool
    sources: tuple[str, ...] = Field(min_length=1)
    note: str | None = Field(default=None, validate_default=True)
    note_id: str | None = None

    @field_validator("verified")
    @classmethod
    def _practice_is_never_verified(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("kind") in ("trade_practice", "assumption"):
            raise PydanticCustomError(
                "hint_market_practice_verified", "a trade practice is never verified"
            )
        return value

    @field_validator("sources")
    @classmethod
    def _urls(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for url in value:
            if not url.startswith(("https://", "http://")):
                raise PydanticCustomError(
                    "hint_market_source_url", "a source must be a URL", {"url": url}
                )
        return value

    @field_validator("note")
    @classmethod
    def _note_when_unverified(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("verified") is False and not (value or "").strip():
            raise PydanticCustomError(
                "hint_market_note_required", "an unverified rule needs a note"
            )
        return value

    def note_in(self, lang: str = "en") -> str:
        """The note in ``lang`` (``"id"`` falls back to English when there is no ``note_id``)."""
        if lang == "id" and self.note_id:
            return self.note_id
        return self.note or ""

    def provenance(self) -> dict[str, Any]:
        """``{"kind", "verified", "sources", "note", "note_id"}`` (JSON-ready)."""
        return {
            "kind": self.kind,
            "verified": self.verified,
            "sources": list(self.sources),
            "note": self.note,
            "note_id": self.note_id,
        }


class Phrase(Rule):
    """One ``[[phrases]]`` table: the words printed before a date, in one language.

    ``text`` is used at every precision unless ``text_month`` / ``text_year`` give other
    words for month-year or year-only dates (the EU's "Best before end").
    """

    mark: Literal[MARKS]  # type: ignore[valid-type]
    lang: str = Field(min_length=2)
    text: str = Field(min_length=1)
    text_month: str | None = None
    text_year: str | None = None

    def text_for(self, precision: str) -> str:
        """The words for a date printed at ``precision`` (``"day"``, ``"month"``, ``"year"``)."""
        if precision == "year" and self.text_year:
            return self.text_year
        if precision in ("month", "year") and self.text_month:
            return self.text_month
        return self.text


class DateFormat(Rule):
    """``[date_format]``: how dates are written (CLDR patterns, formatted with Babel).

    ``day``, ``month`` and ``year`` are the patterns for the three precisions (``dd.MM.yyyy``,
    ``MM.yyyy``, ``yyyy``); ``locale`` names month names (``MMMM`` in ``"id"`` gives
    "Januari"); ``separator`` goes between the phrase and the date; ``production`` says
    whether the production date is printed in full (``"day"``) or at the precision of the
    end date (``"same"``); ``duration_day`` / ``duration_month`` write the shelf-life period
    (``"{n}个月"``).
    """

    day: str = Field(min_length=1)
    month: str | None = None
    year: str | None = None
    locale: str = "en"
    separator: str = " "
    uppercase: bool = False
    production: Literal[("day", "same")] = "day"  # type: ignore[valid-type]
    duration_day: str = "{n} days"
    duration_month: str = "{n} months"

    @field_validator("duration_day", "duration_month")
    @classmethod
    def _has_n(cls, value: str) -> str:
        if "{n}" not in value:
            raise PydanticCustomError("hint_market_duration_n", "the template needs {n}")
        return value

    def pattern(self, precision: str) -> str | None:
        """The CLDR pattern for ``precision`` (``None`` when the file gives none)."""
        return {"day": self.day, "month": self.month, "year": self.year}[precision]


class PrecisionBand(_Frozen):
    """One band of ``[precision].bands``: up to ``up_to_months`` (inclusive), this precision."""

    up_to_months: int | None = Field(default=None, ge=1)
    precision: Literal[PRECISIONS]  # type: ignore[valid-type]


class Precision(Rule):
    """``[precision]``: the coarsest date a label may show, by length of shelf life.

    Bands are read in order; the first whose ``up_to_months`` is not exceeded applies (the
    last band has no limit). "Not exceeded" is calendar-based: the end date is not later
    than the production date plus ``up_to_months`` calendar months. Marks in
    ``full_date_marks`` always print the full date.
    """

    bands: tuple[PrecisionBand, ...] = Field(min_length=1)
    full_date_marks: tuple[Literal[MARKS], ...] = ()  # type: ignore[valid-type]

    def for_dates(
        self, produced: datetime.date, end: datetime.date, mark: str = "best_before"
    ) -> str:
        """The coarsest precision allowed for ``mark`` from ``produced`` to ``end``.

        Marks listed in ``full_date_marks`` (the EU's and Japan's use-by) always need the
        day.
        """
        if mark in self.full_date_marks:
            return "day"
        for band in self.bands:
            if band.up_to_months is None or end <= add_months(produced, band.up_to_months):
                return band.precision
        return self.bands[-1].precision  # pragma: no cover - the checks make the last open


class ProductionDate(Rule):
    """``[production_date]``: whether the label must show the production date."""

    required: bool


class SafetyFactor(Rule):
    """``[safety_factor]``: the factor (<= 1) applied to the tested shelf life."""

    default: float = Field(gt=0, le=1)
    typical: tuple[float, float]


class ShelfLifeUnit(Rule):
    """``[shelf_life_unit]``: whole days up to ``days_up_to_months`` months, else months."""

    days_up_to_months: int = Field(default=3, ge=0)


class Readiness(Rule):
    """``[readiness]``: the minimum remaining shelf life on arrival.

    The requirement is ``max(min_fraction x labelled shelf life, min_days)`` [day].
    """

    min_fraction: float = Field(ge=0, le=1)
    min_days: float = Field(default=0.0, ge=0)

    @field_validator("min_days", mode="before")
    @classmethod
    def _int_days(cls, value: Any) -> Any:
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Limit(Rule):
    """One ``[[limits]]`` table: a mandatory or customary limit, shown as a label note.

    With ``from_months`` the note applies when the labelled shelf life is at least that
    many months; without it, always. ``marks`` restricts it to some date marks.
    """

    name: str = Field(min_length=1)
    from_months: int | None = Field(default=None, ge=1)
    marks: tuple[Literal[MARKS], ...] = ()  # type: ignore[valid-type]
    text: str = Field(min_length=1)
    text_id: str = Field(min_length=1)


class GeneralNote(Rule):
    """One ``[[notes]]`` table: something to know about the market, shown on every label."""

    text: str = Field(min_length=1)
    text_id: str = Field(min_length=1)


class Names(_Frozen):
    """``[names]``: the market's name in English, Indonesian and the local language."""

    en: str = Field(min_length=1)
    id: str = Field(min_length=1)
    local: str = Field(min_length=1)


class MarketFile(_Frozen):
    """A whole market file."""

    schema_version: int
    code: str = Field(pattern=r"^[a-z][a-z_]*$")
    version: str = Field(min_length=1)
    reviewed: datetime.date
    names: Names
    aliases: tuple[str, ...] = ()
    languages: tuple[str, ...] = Field(min_length=1)
    lines: tuple[Literal[LINES], ...] = Field(min_length=1)  # type: ignore[valid-type]
    phrases: tuple[Phrase, ...] = Field(min_length=1)
    date_format: DateFormat
    precision: Precision
    production_date: ProductionDate
    safety_factor: SafetyFactor
    shelf_life_unit: ShelfLifeUnit
    readiness: Readiness
    limits: tuple[Limit, ...] = ()
    notes: tuple[GeneralNote, ...] = ()


_RULE_EXAMPLES = {
    "kind": 'kind = "regulation"',
    "verified": "verified = false",
    "sources": 'sources = ["https://eur-lex.europa.eu/eli/reg/2011/1169/oj"]',
    "note": 'note = "why the rule is not verified"',
}

#: The market files as the error translation of :mod:`shelflife.io.schema` sees them.
MARKET_SCHEMA = TomlSchema(
    models={
        (): MarketFile,
        ("names",): Names,
        ("phrases",): Phrase,
        ("date_format",): DateFormat,
        ("precision",): Precision,
        ("precision", "bands"): PrecisionBand,
        ("production_date",): ProductionDate,
        ("safety_factor",): SafetyFactor,
        ("shelf_life_unit",): ShelfLifeUnit,
        ("readiness",): Readiness,
        ("limits",): Limit,
        ("notes",): GeneralNote,
    },
    choices={
        "kind": RULE_KINDS,
        "mark": MARKS,
        "lines": LINES,
        "precision": PRECISIONS,
        "production": ("day", "same"),
    },
    examples={
        **_RULE_EXAMPLES,
        "schema_version": "schema_version = 1",
        "code": 'code = "eu"',
        "version": 'version = "2026.11"',
        "reviewed": "reviewed = 2026-11-27",
        "names": "[names]",
        "en": 'en = "European Union"',
        "id": 'id = "Uni Eropa"',
        "local": 'local = "European Union"',
        "languages": 'languages = ["en"]',
        "lines": 'lines = ["date"]',
        "phrases": "[[phrases]]",
        "mark": 'mark = "best_before"',
        "lang": 'lang = "en"',
        "text": 'text = "Best before"',
        "date_format": "[date_format]",
        "day": 'day = "dd.MM.yyyy"',
        "bands": 'bands = [{ up_to_months = 3, precision = "day" }, { precision = "month" }]',
        "full_date_marks": 'full_date_marks = ["use_by"]',
        "precision": 'precision = "day"',
        "production_date": "[production_date]",
        "required": "required = false",
        "safety_factor": "[safety_factor]",
        "default": "default = 1.0",
        "typical": "typical = [0.5, 1.0]",
        "shelf_life_unit": "[shelf_life_unit]",
        "days_up_to_months": "days_up_to_months = 3",
        "readiness": "[readiness]",
        "min_fraction": "min_fraction = 0.5",
        "min_days": "min_days = 0",
        "name": 'name = "date_mark_not_required"',
        "text_id": 'text_id = "teks dalam bahasa Indonesia"',
    },
    examples_at={(): {"precision": "[precision]"}},
    table_arrays={"phrases": "[[phrases]]", "limits": "[[limits]]", "notes": "[[notes]]"},
    kind="market rule file",
)


@dataclass(frozen=True)
class Market:
    """The date-marking rules of one export market (immutable).

    Build it with :func:`shelflife.markets.get_market` (a code, name, alias or file path) or
    :func:`shelflife.markets.list_markets`; do not construct it directly.

    Attributes
    ----------
    rules : MarketFile
        The validated rule file (frozen pydantic model).
    file : str
        Where the rules were read from.
    """

    rules: MarketFile
    file: str

    # ------------------------------------------------------------------ identity
    @property
    def code(self) -> str:
        """Short code, e.g. ``"eu"``."""
        return self.rules.code

    @property
    def name(self) -> str:
        """English name."""
        return self.rules.names.en

    def name_in(self, lang: str = "en") -> str:
        """Name in ``"en"`` or ``"id"``."""
        return self.rules.names.id if lang == "id" else self.rules.names.en

    @property
    def version(self) -> str:
        """Version of the rule set (``"2026.11"``)."""
        return self.rules.version

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages printed on a label by default."""
        return self.rules.languages

    # ------------------------------------------------------------------ lookups
    def phrase(self, mark: str, lang: str) -> Phrase | None:
        """The phrase for ``mark`` in ``lang``, or ``None``."""
        for p in self.rules.phrases:
            if p.mark == mark and p.lang == lang:
                return p
        return None

    def marks(self) -> tuple[str, ...]:
        """Date marks a label can use in this market (``best_before``, ``use_by``...)."""
        found = {p.mark for p in self.rules.phrases}
        return tuple(m for m in ("best_before", "use_by", "expiry") if m in found)

    def phrase_languages(self, mark: str) -> tuple[str, ...]:
        """Languages in which ``mark`` has a phrase."""
        return tuple(dict.fromkeys(p.lang for p in self.rules.phrases if p.mark == mark))

    def rule_items(self) -> list[tuple[str, Rule]]:
        """Every rule of the market as ``(name, rule)``, for tables and checks."""
        r = self.rules
        items: list[tuple[str, Rule]] = [
            (f"phrase {p.mark} ({p.lang}): {p.text}", p) for p in r.phrases
        ]
        items += [
            ("date format", r.date_format),
            ("date precision", r.precision),
            ("production date", r.production_date),
            ("safety factor", r.safety_factor),
            ("shelf-life unit", r.shelf_life_unit),
            ("readiness on arrival", r.readiness),
        ]
        items += [(f"limit {lim.name}", lim) for lim in r.limits]
        items += [(f"note {i + 1}", n) for i, n in enumerate(r.notes)]
        return items

    # ------------------------------------------------------------------ output
    def to_dict(self) -> dict[str, Any]:
        """The rules as a JSON-ready dict (the file's content, plus ``file``)."""
        out = self.rules.model_dump(mode="json")
        out["file"] = self.file
        return out

    def summary(self, lang: str = "en") -> str:
        """A plain-text overview of the rules, with verified/unverified marks."""
        r = self.rules
        out = [
            msg(
                "markets_text_market_head",
                lang,
                name=self.name_in(lang),
                market_code=self.code,
                version=r.version,
                reviewed=r.reviewed.isoformat(),
            )
        ]
        bands = "; ".join(
            (
                f"≤ {b.up_to_months} {msg('markets_word_months', lang)}"
                if b.up_to_months
                else msg("markets_word_longer", lang)
            )
            + ": "
            + msg(f"markets_word_{b.precision}", lang)
            for b in r.precision.bands
        )
        out.append("  " + msg("markets_text_precision", lang, bands=bands))
        for p in r.phrases:
            out.append(f"  {p.mark} [{p.lang}]: {p.text}" + _flag(p, lang))
        out.append(
            "  "
            + msg(
                "markets_text_safety_factor",
                lang,
                factor=_short(r.safety_factor.default, lang),
                low=_short(r.safety_factor.typical[0], lang),
                high=_short(r.safety_factor.typical[1], lang),
            )
            + _flag(r.safety_factor, lang)
        )
        out.append(
            "  "
            + msg(
                "markets_text_readiness",
                lang,
                percent=_short(100 * r.readiness.min_fraction, lang),
                kind=msg(f"markets_word_kind_{r.readiness.kind}", lang),
            )
            + _flag(r.readiness, lang)
        )
        required = "markets_word_yes" if r.production_date.required else "markets_word_no"
        out.append(
            "  "
            + msg("markets_text_production", lang, required=msg(required, lang))
            + _flag(r.production_date, lang)
        )
        return "\n".join(out)

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
                html.escape(name),
                html.escape(rule.kind),
                "✔" if rule.verified else "✘",
                "<br>".join(
                    f'<a href="{html.escape(u)}">{html.escape(u)}</a>' for u in rule.sources
                ),
            )
            for name, rule in self.rule_items()
        )
        head = html.escape(f"{self.name} ({self.code}), rules {self.version}")
        return (
            f"<p><b>{head}</b></p><table><tr><th>rule</th><th>kind</th><th>verified</th>"
            f"<th>sources</th></tr>{rows}</table>"
        )

    def __str__(self) -> str:
        return self.summary("en")

    def __repr__(self) -> str:
        return f"Market({self.code!r}, {self.name!r}, rules {self.version})"


def _flag(rule: Rule, lang: str) -> str:
    return "" if rule.verified else "  [" + msg("markets_word_unverified", lang) + "]"


def _short(x: float, lang: str) -> str:
    text = f"{x:.4g}"
    return text.replace(".", ",") if lang == "id" else text
