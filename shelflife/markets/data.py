"""Load market rule files: the shipped ones (``shelflife/markets/data/*.toml``) or your own.

Files are read with :mod:`importlib.resources` (so they work from an installed wheel),
validated by :mod:`shelflife.markets.model` and checked for what pydantic cannot see (a
phrase for every printed line and language, ordered precision bands, patterns for every
precision, a default safety factor inside its typical range). Every error names the file
and the key.

To change a rule (a buyer's remaining-shelf-life requirement, a safety factor your data
justify, the wording of a phrase), copy a shipped file, edit it and pass its path to
:func:`get_market`.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path

from ..errors import StudyFileError
from ..io._hints import HintedInputError
from ..io.schema import validate_toml
from ..io.studyfile import _parse_toml, _read
from .model import MARKET_SCHEMA, Market, MarketFile

__all__ = ["data_dir", "list_markets", "market_codes", "get_market", "read_market_file"]


def data_dir() -> Path:
    """Folder of the shipped market files."""
    return Path(str(resources.files("shelflife.markets").joinpath("data")))


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[Market, ...]:
    return tuple(read_market_file(p) for p in sorted(data_dir().glob("*.toml")))


def list_markets() -> list[Market]:
    """The shipped markets, ordered by code.

    Examples
    --------
    >>> [m.code for m in list_markets()]
    ['au_nz', 'cn', 'eu', 'gcc', 'id', 'jp', 'my_sg', 'us']
    """
    return list(_shipped())


def market_codes() -> list[str]:
    """Codes of the shipped markets."""
    return [m.code for m in _shipped()]


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (``"Jeddah"`` -> ``jeddah``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain)


def _is_path(name: str) -> bool:
    return name.endswith(".toml") or os.sep in name or (os.altsep or "/") in name


def get_market(name: str | os.PathLike[str] | Market) -> Market:
    """A market by code, name or alias, or a market file by path.

    Parameters
    ----------
    name : str, path or Market
        A code (``"eu"``), a name in English, Indonesian or the local language, or an alias
        such as a country or port (``"Rotterdam"``, ``"Jepang"``, ``"Dubai"``,
        ``"Tiongkok"``); case, accents, spaces and punctuation are ignored. A path ending in
        ``.toml`` (or containing a folder) is read as a market file. A :class:`Market` is
        returned as it is.

    Returns
    -------
    Market

    Raises
    ------
    InputError
        ``market_unknown`` listing the known codes (with the closest name).
    StudyFileError
        For a market file that cannot be read or is invalid (file and key named).

    Examples
    --------
    >>> get_market("Rotterdam").code
    'eu'
    >>> get_market("jepang").code, get_market("Jeddah").code, get_market("TIONGKOK").code
    ('jp', 'gcc', 'cn')
    """
    if isinstance(name, Market):
        return name
    text = os.fspath(name)
    if isinstance(name, os.PathLike) or _is_path(text):
        return read_market_file(text)
    wanted = _key(text)
    names: dict[str, Market] = {}
    for market in _shipped():
        r = market.rules
        for candidate in (r.code, r.names.en, r.names.id, r.names.local, *r.aliases):
            names.setdefault(_key(candidate), market)
    if wanted and wanted in names:
        return names[wanted]
    codes = market_codes()
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
    hints = {}
    if close:
        hints = {"suggestion": ("hint_suggest_name", "what", {"name": names[close[0]].code})}
    raise HintedInputError(
        "market_unknown", hints=hints, name=text, codes=", ".join(codes), suggestion=""
    )


def read_market_file(path: str | os.PathLike[str]) -> Market:
    """Read and check a market rule file.

    Parameters
    ----------
    path : str or path
        A TOML file shaped like the shipped ones (``shelflife/markets/data/eu.toml``).

    Returns
    -------
    Market

    Raises
    ------
    StudyFileError
        ``file_not_found``, ``toml_syntax``, ``toml_unknown_key`` (with "did you mean"),
        ``toml_missing_key``, ``toml_bad_value``, or one of the ``market_*`` checks, each with
        the file and the key path.
    """
    path = Path(path)
    file = str(path)
    document = _parse_toml(_read(path, base=path.parent), file)
    spec = validate_toml(MarketFile, document, file=file, schema=MARKET_SCHEMA)
    _check(spec, file)
    return Market(rules=spec, file=file)


def _check(spec: MarketFile, file: str) -> None:
    """What the schema cannot check; errors name the file and key."""
    for lang in spec.languages:
        for line in spec.lines:
            marks = ("best_before", "use_by") if line == "date" else (line,)
            for mark in marks:
                if not any(p.mark == mark and p.lang == lang for p in spec.phrases):
                    raise StudyFileError(
                        "market_phrase_missing", file=file, key="phrases", mark=mark, language=lang
                    )
    bands = spec.precision.bands
    limits = [b.up_to_months for b in bands]
    open_ends = [i for i, m in enumerate(limits) if m is None]
    finite = [m for m in limits if m is not None]
    if open_ends != [len(bands) - 1] or finite != sorted(set(finite)):
        raise StudyFileError("market_bands_order", file=file, key="precision.bands")
    fmt = spec.date_format
    for band in bands:
        if fmt.pattern(band.precision) is None:
            raise StudyFileError(
                "market_pattern_missing",
                file=file,
                key=f"date_format.{band.precision}",
                precision=band.precision,
            )
    _check_formats(fmt, file)
    sf = spec.safety_factor
    low, high = sf.typical
    if not (0 < low <= high <= 1) or not (low <= sf.default <= high):
        raise StudyFileError(
            "market_safety_factor_range",
            file=file,
            key="safety_factor",
            default=str(sf.default),
            low=str(low),
            high=str(high),
        )


def _check_formats(fmt, file: str) -> None:
    """The locale, date patterns and duration templates must work before a label needs them."""
    import datetime

    from babel import Locale
    from babel.dates import format_date

    try:
        Locale.parse(fmt.locale)
    except Exception:  # babel raises ValueError, UnknownLocaleError, TypeError...
        raise StudyFileError(
            "market_locale_unknown", locale=fmt.locale, file=file, key="date_format.locale"
        ) from None
    for precision in ("day", "month", "year"):
        pattern = fmt.pattern(precision)
        if pattern is None:
            continue
        try:  # a date has no hours or minutes: "HH:mm" fails here, not on a label
            format_date(datetime.date(2027, 1, 15), format=pattern, locale=fmt.locale)
        except Exception:
            raise StudyFileError(
                "market_pattern_invalid",
                pattern=pattern,
                file=file,
                key=f"date_format.{precision}",
            ) from None
        odd = _non_calendar_field(pattern)
        if odd is not None:  # "DD.MM.YYYY" formats January right and December wrong
            raise StudyFileError(
                "market_pattern_field",
                pattern=pattern,
                field=odd,
                file=file,
                key=f"date_format.{precision}",
            )
    for name in ("duration_day", "duration_month"):
        template = getattr(fmt, name)
        try:
            template.format(n=1)
        except (KeyError, IndexError, ValueError, AttributeError):
            raise StudyFileError(
                "market_template_invalid", template=template, file=file, key=f"date_format.{name}"
            ) from None


#: CLDR pattern letters of a calendar date: day, month (also stand-alone) and year.
_CALENDAR_FIELDS = frozenset("dMLy")


def _non_calendar_field(pattern: str) -> str | None:
    """The first CLDR field letter of ``pattern`` that is not a day, month or year.

    ``D`` (day of the year) and ``Y`` (week-based year) format a test date in January
    exactly like ``d`` and ``y``, so formatting a sample date cannot catch them; a label
    printed in late December or in a later month would carry a wrong date. Quoted literal
    text (``'de'``) and non-Latin letters (年, 月, 日) are not fields.
    """
    quoted = False
    for ch in pattern:
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch.isascii() and ch.isalpha() and ch not in _CALENDAR_FIELDS:
            return ch
    return None
