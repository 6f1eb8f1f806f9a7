"""Where a history comes from: a logger file, a route scenario, a climatic zone or a text.

:func:`resolve_history` turns what a user types after ``--history`` into a
:class:`~shelflife.profiles.TemperatureProfile`:

1. an existing file: a data-logger export (:func:`shelflife.loggers.read_logger`; the
   format is sniffed, never taken from the extension);
2. steps written as text, ``"30 degC for 6 month"``, several joined by ``;`` or ``+``
   (``"30 degC for 7 day; 38 degC for 30 day"``);
3. an ICH/WHO climatic zone, ``"IVb"`` or ``"zone IVb"`` (for ``duration``, default one
   year), optionally ``"IVb for 6 month"``;
4. a named export-route scenario (:func:`shelflife.routes.get_scenario`), nominal profile
   for ``season``; its destination retail temperature is offered as the follow-on
   temperature (:attr:`ResolvedHistory.at`).

Anything else is an :class:`~shelflife.errors.InputError` (``history_unknown``) that lists
the scenarios and zones.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Notice, ShelfLifeError
from ..profiles import TemperatureProfile

__all__ = ["ResolvedHistory", "resolve_history"]

_STEP = re.compile(r"^\s*(?P<T>.+?)\s+(?:for|selama)\s+(?P<d>.+?)\s*$", re.IGNORECASE)
_ZONE = re.compile(r"^\s*(?:zone|zona)?\s*(?P<z>I{1,3}|IV[ab]?)\s*$", re.IGNORECASE)
#: Length of a climatic-zone history when none is given [day] (one year).
DEFAULT_ZONE_DAYS = 365.25


@dataclass(frozen=True)
class ResolvedHistory:
    """A history and where it came from.

    Attributes
    ----------
    profile : TemperatureProfile
    source : str
        Readable name (file name, scenario and season, or the text given).
    kind : str
        ``"logger"``, ``"steps"``, ``"zone"`` or ``"scenario"``.
    notices : tuple of Notice
        Warnings of the source (e.g. a logger file's gaps).
    at : pint.Quantity or None
        The storage temperature that naturally follows the history (a route's retail
        temperature at the destination), or ``None``.
    """

    profile: TemperatureProfile
    source: str
    kind: str
    notices: tuple[Notice, ...] = ()
    at: Any = None


def _steps(text: str) -> TemperatureProfile | None:
    parts = [p for p in re.split(r"[;+]", text) if p.strip()]
    steps = []
    for part in parts:
        m = _STEP.match(part)
        if m is None:
            return None
        steps.append((m.group("d").strip(), m.group("T").strip()))
    return TemperatureProfile.from_steps(steps) if steps else None


def _zone(text: str, duration: Any) -> tuple[TemperatureProfile, str] | None:
    head, _, tail = text.partition(" for ")
    m = _ZONE.match(head)
    if m is None:
        return None
    from ..routes import climatic_zone

    z = m.group("z").upper()
    name = z[:2] + z[2:].lower() if z.startswith("IV") else z
    if tail.strip():
        duration = tail.strip()
    return climatic_zone(name, duration or f"{DEFAULT_ZONE_DAYS} day"), name


def _known() -> dict[str, str]:
    try:
        from ..routes import list_scenarios

        names = ", ".join(list_scenarios())
    except (ImportError, ShelfLifeError):  # pragma: no cover - routes data broken
        names = "–"
    return {"scenarios": names, "zones": "I, II, III, IVa, IVb"}


def resolve_history(
    text: str | Path,
    *,
    season: str | None = None,
    duration: Any = None,
    base: str | Path | None = None,
) -> ResolvedHistory:
    """Turn a ``--history`` argument into a profile (see the module notes).

    Parameters
    ----------
    text : str or pathlib.Path
        File, step text, zone or scenario name.
    season : str, optional
        Season of a route scenario (default: the scenario's ``"annual"``).
    duration : pint.Quantity or str, optional
        Length of a climatic-zone history (default one year).
    base : str or pathlib.Path, optional
        Folder relative file names are looked up in first (then the working folder).
    """
    raw = str(text).strip()
    candidates = [Path(raw)]
    if base is not None:
        candidates.insert(0, Path(base) / raw)
    for path in candidates:
        if path.is_file():
            from ..loggers import read_logger

            data = read_logger(path, emit_warnings=False)
            gap = data.gap_notice()  # long gaps are bridged in the profile: say so
            notices = (*data.notices, *(() if gap is None else (gap,)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the gap notice is passed on, not repeated
                profile = data.to_profile()
            return ResolvedHistory(profile, path.name, "logger", notices)
    zone = _zone(raw, duration)
    if zone is not None:
        return ResolvedHistory(zone[0], f"ICH/WHO zone {zone[1]}", "zone")
    steps = _steps(raw)
    if steps is not None:
        return ResolvedHistory(steps, raw, "steps")
    suffix = Path(raw).suffix
    if any(sep in raw for sep in ("/", "\\")) or (suffix and " " not in suffix):
        where = Path(base) if base is not None else Path.cwd()
        raise InputError("file_not_found", file=raw, base=str(where))
    from ..routes import get_scenario

    try:
        scenario = get_scenario(raw)
    except InputError:
        raise InputError("history_unknown", name=raw, **_known()) from None
    season = season or "annual"
    profile = scenario.profile(season=season)
    return ResolvedHistory(
        profile,
        f"{scenario.name} ({season})",
        "scenario",
        at=scenario.retail_temperature(season),
    )
