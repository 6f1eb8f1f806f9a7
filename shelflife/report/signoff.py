"""The sign-off block of the reports: analyst, reviewer, laboratory and date.

:func:`resolve_signoff` merges the study's ``[report]`` table with what is passed from
Python (``signoff=``); :func:`signoff_context` gives the block's fields as text, empty ones
printed as lines to sign by hand. Used by the kinetics, real-time and critical-moisture
reports alike.
"""

from __future__ import annotations

from typing import Any

from .i18n import format_date

__all__ = ["SIGNOFF_KEYS", "resolve_signoff", "signoff_context"]

#: Keys of the sign-off (``[report]`` in ``study.toml``, ``signoff=`` in Python).
SIGNOFF_KEYS = ("analyst", "reviewer", "laboratory", "signed")


def _as_date(value: Any) -> Any:
    """A :class:`datetime.date` from a date, a datetime or an ISO string (YYYY-MM-DD)."""
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    from ..errors import InputError

    raise InputError(
        "option_unknown",
        what="sign-off date",
        value=value,
        choices="a datetime.date or a date written YYYY-MM-DD (e.g. 2027-04-30)",
    )


def resolve_signoff(base: Any, signoff: Any = None) -> Any:
    """The sign-off of a report: the study's ``[report]`` table, overridden from Python.

    Parameters
    ----------
    base : ReportMeta or None
        From ``study.toml`` (:attr:`Study.report_meta <shelflife.study.Study.report_meta>`).
    signoff : ReportMeta or mapping, optional
        A :class:`~shelflife.study.ReportMeta` replaces ``base``; a mapping with some of
        ``analyst``, ``reviewer``, ``laboratory``, ``signed`` (a date or ``"YYYY-MM-DD"``)
        replaces those keys only (``None`` values are ignored, ``""`` blanks a field).

    Returns
    -------
    ReportMeta

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for an unknown key or a date that cannot be read.
    """
    import dataclasses

    from ..study import ReportMeta

    meta = base if isinstance(base, ReportMeta) else ReportMeta()
    if signoff is None:
        return meta
    if isinstance(signoff, ReportMeta):
        return signoff
    unknown = sorted(set(signoff) - set(SIGNOFF_KEYS))
    if unknown:
        from ..errors import InputError

        raise InputError(
            "option_unknown",
            what="sign-off key",
            value=unknown[0],
            choices=", ".join(SIGNOFF_KEYS),
        )
    changes = {k: v for k, v in signoff.items() if v is not None}
    for key in ("analyst", "reviewer", "laboratory"):
        if key in changes:
            changes[key] = str(changes[key]).strip()
    if changes.get("signed") == "":
        changes["signed"] = None
    elif "signed" in changes:
        changes["signed"] = _as_date(changes["signed"])
    return dataclasses.replace(meta, **changes)


def signoff_context(meta: Any, lang: str) -> dict[str, str]:
    """The sign-off block's fields as text (empty ones are printed as lines to sign)."""
    return {
        "analyst": meta.analyst,
        "reviewer": meta.reviewer,
        "laboratory": meta.laboratory,
        "signed": format_date(meta.signed, lang) if meta.signed is not None else "",
    }
