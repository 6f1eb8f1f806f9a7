"""The opening sections of the HTML durability report: verdict and study design.

The verdict table (shelf life per storage temperature and the limiting attribute), the
table of every attribute's shelf life, and the study design (attributes, limits,
temperatures, number of measurements). :func:`attribute_design_row` is shared with the
real-time (ICH Q1E) report.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .html_tables import shelf_life_row
from .i18n import format_celsius, format_number, t, unit_label
from .text import order_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis
    from ..study import Attribute

__all__ = ["attribute_design_row"]


def _names(analysis: StudyAnalysis) -> dict[str, str]:
    return analysis.display_names()


def _verdict(analysis: StudyAnalysis, lang: str) -> list[dict[str, str]]:
    names = _names(analysis)
    out = []
    for T in analysis.storage_temperatures:
        name = analysis.limiting_at(T)
        if name is None:  # no attribute reaches its limit at this temperature
            out.append(
                {
                    "temperature": format_celsius(T, lang),
                    "estimate": t("never", lang),
                    "months": t("none_limiting", lang),
                    "finite": "",
                    "conservative": "–",
                    "attribute": "–",
                }
            )
            continue
        s = analysis.shelf_life_of(name, T)
        row = shelf_life_row(s, lang)
        row["attribute"] = names.get(name, name)
        out.append(row)
    return out


def _all_rows(analysis: StudyAnalysis, lang: str) -> list[dict[str, Any]]:
    names = _names(analysis)
    rows = []
    for T in analysis.storage_temperatures:
        limiting = analysis.limiting_at(T)
        for aa in analysis.attributes:
            for s in aa.shelf_lives:
                if abs(s.temperature - T) < 1e-9:
                    row: dict[str, Any] = dict(shelf_life_row(s, lang))
                    row["attribute"] = names[aa.attribute.name]
                    row["limiting"] = aa.attribute.name == limiting
                    row["order"] = order_text(aa.fit.order, lang)
                    rows.append(row)
        for o in analysis.others:
            for s in o.shelf_lives:
                if abs(s.temperature - T) < 1e-9:
                    row = dict(shelf_life_row(s, lang))
                    row["attribute"] = names[o.name]
                    row["limiting"] = o.name == limiting
                    row["order"] = t(f"kind_{o.kind}", lang).capitalize()
                    rows.append(row)
    return rows


def attribute_design_row(a: Attribute, lang: str) -> dict[str, str]:
    """Name, column, unit, limit and failing direction of an attribute.

    For the design table of a report (kinetics and real-time reports alike).
    """
    return {
        "name": a.display_name,
        "column": a.name,
        "unit": unit_label(a.unit, lang),
        "limit": format_number(a.limit, lang, 6, significant=True, trim=True),
        "direction": t("direction_max" if a.direction == "max" else "direction_min", lang),
        "source": a.limit_source or t("limit_source_not_stated", lang),
    }


def _design(analysis: StudyAnalysis, lang: str) -> dict[str, Any]:
    from ..study import TIME

    st = analysis.study
    attrs = []
    for aa in analysis.attributes:
        a = aa.attribute
        attrs.append(
            {
                **attribute_design_row(a, lang),
                "model": t("model_auto", lang) if a.model == "auto" else order_text(a.model, lang),
                "n": str(int(aa.fit.statistics["n"])),
            }
        )
    times = st.data[TIME].to_numpy(dtype=float) if TIME in st.data else []
    longest = max(times) if len(times) else math.nan
    return {
        "attributes": attrs,
        "temperatures": ", ".join(format_celsius(T, lang) for T in st.temperatures),
        "n_rows": str(len(st.data)),
        "longest": f"{format_number(longest, lang, 6, significant=True, trim=True)} "
        f"{t('days', lang)}",
        "storage": ", ".join(format_celsius(T, lang) for T in analysis.storage_temperatures),
        "package": getattr(st, "package", "") or t("limit_source_not_stated", lang),
    }
