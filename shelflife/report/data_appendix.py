"""The data appendix of the HTML durability report: the measurements as tables.

One table per attribute (kinetic and microbial): a row per storage time, a column per
storage condition (temperature, and relative humidity when it varies); replicates are shown
as their mean, number and single values (:func:`data_cell`). Consumer panels get a table of
consumers per rejection interval and storage temperature. :func:`data_cell` and
:func:`_same_n` are shared with the critical-moisture report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import format_celsius, format_number, t, unit_label
from .verdict import _names

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis

__all__ = ["data_cell"]


def _value_decimals(values: Any) -> int:
    """Decimals that show every value as it was entered (the most any value needs, ≤ 6)."""
    return max(
        (len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in values if math.isfinite(v)),
        default=0,
    )


def data_cell(values: Sequence[float], lang: str, decimals: int) -> dict[str, str]:
    """One cell of a data table: the value, or the mean, number and single values.

    Parameters
    ----------
    values : sequence of float
        The measurements of one storage time and condition (replicates).
    lang : {"en", "id"}
        Language of the number format.
    decimals : int
        Decimals of the single values; the mean of replicates gets one more.

    Returns
    -------
    dict
        ``mean`` (the value itself when there is one, ``"–"`` when there is none), ``n`` and
        ``singles``, the single values (both empty unless there are replicates).
    """
    if not len(values):
        return {"mean": "–", "n": "", "singles": ""}
    if len(values) == 1:
        return {"mean": format_number(values[0], lang, decimals), "n": "", "singles": ""}
    mean = math.fsum(values) / len(values)
    return {
        "mean": format_number(mean, lang, min(decimals + 1, 6)),
        "n": str(len(values)),
        "singles": "; ".join(format_number(v, lang, decimals) for v in values),
    }


def _time_unit(study: Any) -> tuple[float, str | None]:
    """Days per time unit of the data file, and that unit when it is not the day."""
    from ..units import to_days

    unit = getattr(study, "time_unit", "day") or "day"
    try:
        per_unit = float(to_days(f"1 {unit}"))
    except Exception:  # noqa: BLE001 - an unusual unit word: show days only
        return 1.0, None
    return per_unit, (None if abs(per_unit - 1.0) < 1e-12 else unit)


def _condition_columns(data: Any, lang: str) -> tuple[Any, list[str]]:
    """Column index of every row (storage temperature, and RH when it varies) and headers."""
    import numpy as np

    from ..study import TEMPERATURE

    T = np.round(data[TEMPERATURE].to_numpy(dtype=float), 6)
    rh = np.full(T.shape, -1.0)
    if "rh" in data and data["rh"].nunique(dropna=True) > 1:
        rh = np.round(data["rh"].to_numpy(dtype=float), 6)
        rh = np.where(np.isfinite(rh), rh, -1.0)
    keys = sorted(set(zip(T.tolist(), rh.tolist(), strict=True)))
    index = {k: i for i, k in enumerate(keys)}
    column = np.array([index[k] for k in zip(T.tolist(), rh.tolist(), strict=True)], dtype=int)
    headers = []
    for T_K, h in keys:
        if h < 0:
            headers.append(format_celsius(T_K, lang))
        else:
            rh_text = format_number(h, lang, 6, significant=True, trim=True)
            headers.append(
                t("data_condition_rh", lang, temperature=format_celsius(T_K, lang), rh=rh_text)
            )
    return column, headers


def _data_tables(analysis: StudyAnalysis, lang: str) -> list[dict[str, Any]]:
    """The measurements of every attribute in the data file (kinetic and microbial).

    One table per attribute: a row per storage time, a column per storage condition.
    """
    import numpy as np

    from ..study import TIME

    st = analysis.study
    data = st.data
    if TIME not in data or len(data) == 0:
        return []
    names = _names(analysis)
    per_unit, source_unit = _time_unit(st)
    column, headers = _condition_columns(data, lang)
    time = np.round(data[TIME].to_numpy(dtype=float), 9)
    attributes = [aa.attribute for aa in analysis.attributes]
    attributes += [o.attribute for o in analysis.others if getattr(o, "kind", "") == "microbial"]
    head = [f"{t('data_time', lang)} [{unit_label(source_unit or 'day', lang)}]"]
    if source_unit:
        head.append(f"{t('data_time', lang)} [{t('day', lang)}]")
    out = []
    for a in attributes:
        if a.name not in data:
            continue
        values = data[a.name].to_numpy(dtype=float)
        keep = np.isfinite(values)
        decimals = _value_decimals(values[keep])
        rows = []
        for tm in sorted(set(time[keep].tolist())):
            at = keep & (time == tm)
            lead = [format_number(tm / per_unit, lang, 6, significant=True, trim=True)]
            if source_unit:
                lead.append(format_number(tm, lang, 6, significant=True, trim=True))
            cells = [
                data_cell(values[at & (column == j)].tolist(), lang, decimals)
                for j in range(len(headers))
            ]
            rows.append({"lead": lead, "cells": cells})
        out.append(
            {
                "caption": t(
                    "data_caption",
                    lang,
                    attribute=names.get(a.name, a.display_name),
                    unit=unit_label(a.unit, lang),
                ),
                "intro": _same_n(rows, lang),
                "head": head,
                "columns": headers,
                "rows": rows,
                "n": int(keep.sum()),
            }
        )
    return out


def _same_n(rows: list[dict[str, Any]], lang: str) -> str:
    """When every cell has the same number of replicates, say it once and drop it from cells."""
    ns = {c["n"] for r in rows for c in r["cells"] if c["mean"] != "–"}
    if len(ns) != 1 or not next(iter(ns)):
        return ""
    for r in rows:
        for c in r["cells"]:
            c["n"] = ""
    return t("data_n_each", lang, n=next(iter(ns)))


def _interval_text(low: float, high: float, lang: str) -> str:
    """``"15–30"``, ``"≤ 15"`` (rejected at once) or ``"> 90"`` (never rejected) [day]."""

    def num(x: float) -> str:
        return format_number(x, lang, 6, significant=True, trim=True)

    if not math.isfinite(high):
        return f"> {num(low)}"
    if not math.isfinite(low) or low <= 0:
        return f"≤ {num(high)}"
    return f"{num(low)}–{num(high)}"


def _panel_tables(analysis: StudyAnalysis, lang: str) -> list[dict[str, Any]]:
    """Consumer panels: consumers per rejection interval and storage temperature."""
    import numpy as np

    out = []
    for o in analysis.others:
        if getattr(o, "kind", "") != "sensory":
            continue
        p = o.spec.panel
        low = np.asarray(p.lower, dtype=float)
        high = np.asarray(p.upper, dtype=float)
        T = np.round(np.asarray(p.temperature, dtype=float), 6)
        temps = sorted(set(T[np.isfinite(T)].tolist()))
        columns = [format_celsius(x, lang) for x in temps] or [t("data_consumers", lang)]
        key_low = np.where(np.isfinite(low), low, -1.0)
        intervals = sorted(set(zip(key_low.tolist(), high.tolist(), strict=True)))
        rows = []
        for lo, hi in intervals:
            at = (key_low == lo) & (high == hi)
            counts = [int(np.sum(at & (T == x))) for x in temps] or [int(np.sum(at))]
            cells = [{"mean": str(c) if c else "–", "n": "", "singles": ""} for c in counts]
            rows.append({"lead": [_interval_text(lo, hi, lang)], "cells": cells})
        out.append(
            {
                "caption": t("data_panel_caption", lang, panel=o.display_name),
                "intro": t("data_panel_intro", lang),
                "head": [t("data_rejected_between", lang)],
                "columns": columns,
                "rows": rows,
                "n": int(low.size),
            }
        )
    return out
