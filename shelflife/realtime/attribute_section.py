"""The per-attribute sections of the real-time (ICH Q1E) report.

For each attribute and storage condition: the poolability tests (ANCOVA F tests), the three
pooling models with their shelf lives, the regression line of each batch, the Q1E plot
(inline SVG, or PNG for the PDF) and the data per batch and storage time.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any

from ..q1e import TREND_ALPHA
from .results import _to_days
from .text import (
    _bound_phrase,
    _model_phrase,
    _shelf_life_phrase,
    _time_text,
    _unit_one,
    _unit_word,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..q1e import Q1EResult
    from .results import RealTimeAnalysis

#: Size of the Q1E plot in the report [inch]; the legend sits right of the axes.
_FIGSIZE = (7.4, 3.6)
_MARGINS = {"left": 0.085, "right": 0.68, "bottom": 0.135, "top": 0.91}


def _q1e_svg(res: Q1EResult, lang: str) -> Any:
    """The Q1E plot as inline SVG markup (deterministic: fixed ids, no date)."""
    import matplotlib
    from matplotlib.figure import Figure

    from ..plotting import STYLE
    from ..report.figures import _FIGURE_FORMAT, _png_img, _svg_markup

    buf = io.StringIO()
    # user text (attribute names, batches) shown literally: no TeX from "$" (report/figures.py)
    with matplotlib.rc_context({**STYLE, "text.parse_math": False}):
        fig = Figure(figsize=_FIGSIZE, layout="none")
        fig.subplots_adjust(**_MARGINS)
        ax = fig.add_subplot()
        res.plot(ax=ax, lang=lang)
        if _FIGURE_FORMAT.get() == "png":  # the PDF report places PNG images
            return _png_img(fig)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return _svg_markup(buf.getvalue())


def _p_text(p: float, lang: str) -> str:
    from ..report.i18n import format_number

    if not math.isfinite(p):
        return "–"
    if p < 1e-4:
        return f"< {format_number(0.0001, lang, 4)}"
    return format_number(p, lang, 4)


def _tests(r: Q1EResult, lang: str) -> list[dict[str, str]]:
    from ..report.i18n import format_number, t

    rows = []
    slopes_differ = "batch_time" in r.tests and r.tests["batch_time"].p_value < r.alpha_pool
    for name, test in r.tests.items():
        differ = test.p_value < r.alpha_pool
        alpha: float | None = r.alpha_pool
        if name == "batch_time":
            decision = t("rt_slopes_differ" if differ else "rt_slopes_common", lang)
        elif name == "batch" and slopes_differ and r.selection == "poolability":
            decision, alpha = t("rt_not_used", lang), None
        elif name == "batch":
            decision = t("rt_intercepts_differ" if differ else "rt_intercepts_common", lang)
        elif name == "dids_vs_cics":
            decision = t("rt_differ" if differ else "rt_poolable", lang)
            decision += f", {t('rt_information', lang)}"
        else:
            decision = t(
                "rt_significant" if test.p_value < TREND_ALPHA else "rt_not_significant", lang
            )
            alpha = TREND_ALPHA
        rows.append(
            {
                "test": t(f"rt_test_{name}", lang),
                "code": name,
                "f": format_number(test.f, lang, 4, significant=True),
                "df": f"{test.df_num}, {test.df_den}",
                "p": _p_text(test.p_value, lang),
                "decision": decision
                if alpha is None
                else f"{decision} (α = {format_number(alpha, lang, 2)})",
            }
        )
    return rows


def _models(r: Q1EResult, lang: str) -> list[dict[str, Any]]:
    from ..report.i18n import format_number, t

    chosen = r.selected.key
    rows = []
    for key, m in r.models.items():
        label = m.name
        if m.name == "dids":
            label += f" ({t(f'rt_variant_{m.variant}', lang)})"
        days = _to_days(r, m.shelf_life)
        rows.append(
            {
                "model": label,
                "title": t(f"rt_model_{m.name}", lang),
                "sigma": format_number(m.sigma, lang, 3, significant=True),
                "dof": str(m.dof),
                "shelf_life": _time_text(m.shelf_life, r.time_unit, lang),
                "days": format_number(days, lang, 1) if math.isfinite(days) else "–",
                "worst": m.worst_batch if m.worst_batch is not None else t("rt_pooled", lang),
                "chosen": key == chosen,
            }
        )
    return rows


def _lines(r: Q1EResult, lang: str) -> list[dict[str, Any]]:
    from ..report.html_tables import decimals_for
    from ..report.i18n import format_number, t

    m = r.selected
    worst = m.worst_line
    rows = []
    for ln in m.lines:
        di = decimals_for(ln.intercept_se, ln.intercept)
        ds = decimals_for(ln.slope_se, ln.slope)
        rows.append(
            {
                "batch": ln.batch if ln.batch is not None else t("rt_pooled", lang),
                "n": str(ln.n),
                "intercept": format_number(ln.intercept, lang, di),
                "intercept_se": format_number(ln.intercept_se, lang, di),
                "slope": format_number(ln.slope, lang, ds),
                "slope_se": format_number(ln.slope_se, lang, ds),
                "sigma": format_number(ln.sigma, lang, 3, significant=True),
                "crossing": _time_text(ln.crossing, r.time_unit, lang),
                "worst": ln is worst and math.isfinite(ln.crossing),
            }
        )
    return rows


def _data_table(r: Q1EResult, lang: str) -> dict[str, Any]:
    from ..report.i18n import format_number

    times = sorted({float(x) for x in r.time})
    # one number of decimals for the whole table: the most any value shows (at most 6)
    decimals = max(
        (len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in r.value if math.isfinite(v)),
        default=0,
    )
    rows = []
    for tm in times:
        cells = []
        for b in r.batches:
            mask = (r.batch == b) & (r.time == tm)
            vals = [format_number(v, lang, decimals) for v in r.value[mask]]
            cells.append("; ".join(vals) if vals else "–")
        rows.append(
            {"time": format_number(tm, lang, 6, significant=True, trim=True), "cells": cells}
        )
    return {"batches": list(r.batches), "rows": rows}


def _attribute_sections(analysis: RealTimeAnalysis, lang: str) -> list[dict[str, Any]]:
    from ..report.html_tables import notice_rows
    from ..report.i18n import format_celsius, t, unit_label
    from ..report.text import limit_text

    names = {a.attribute.name: a.attribute.display_name for a in analysis.attributes}
    several = len(analysis.storage_temperatures) > 1
    out = []
    i = 0
    for a in analysis.attributes:
        for T, r in zip(a.temperatures, a.results, strict=True):
            i += 1
            heading = t("results_for", lang, attribute=a.attribute.display_name)
            if several:
                heading += f" – {format_celsius(T, lang)}"
            out.append(
                {
                    "anchor": f"attribute-{i}",
                    "heading": heading,
                    "unit": unit_label(a.attribute.unit, lang),
                    "limit": limit_text(a, lang),
                    "model_line": _model_phrase(r, lang),
                    "basis": _bound_phrase(r, lang),
                    "shelf_life": _shelf_life_phrase(r, lang),
                    "time_unit": _unit_word(r.time_unit, lang),
                    "time_unit_one": _unit_one(r.time_unit, lang),
                    "value_unit": unit_label(r.coefficient_unit, lang),
                    "warnings": notice_rows(r.notices, lang, names),
                    "tests": _tests(r, lang),
                    "single_batch": len(r.batches) == 1,
                    "models": _models(r, lang),
                    "lines": _lines(r, lang),
                    "plot": _q1e_svg(r, lang),
                    "data": _data_table(r, lang),
                }
            )
    return out
