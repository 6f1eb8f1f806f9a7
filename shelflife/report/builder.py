"""The self-contained HTML durability report.

:func:`build_report` turns a :class:`~shelflife.analysis.StudyAnalysis` into one HTML file
with inline CSS and inline SVG plots, in English or Bahasa Indonesia. Sections, in order:

1. verdict (shelf life per storage temperature, the limiting attribute, warnings);
2. study design;
3. one section per attribute (model, parameters, statistics, alternatives, Q10, plots,
   shelf life against temperature, comparison with the two-step method);
4. method statement with references;
5. reproducibility (software versions, SHA-256 of the input files).

The output is deterministic: the same analysis gives byte-identical HTML (no timestamps,
fixed SVG ids through ``svg.hashsalt``, no SVG date). Numbers come from the analysis
objects; the report only formats them (curves for the plots are evaluated from the fitted
model). Plots are drawn on :class:`matplotlib.figure.Figure` objects directly, so no GUI
backend is touched.
"""

from __future__ import annotations

import functools
import io
import math
import re
import sys
from typing import TYPE_CHECKING, Any

from .html_tables import (
    decimals_for,
    notice_rows,
    parameter_rows,
    shelf_life_row,
    statistics_rows,
)
from .i18n import (
    METHOD_PARAGRAPHS,
    REFERENCES,
    check_lang,
    format_celsius,
    format_number,
    labels,
    t,
    unit_label,
)
from .text import limit_text, order_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import AttributeAnalysis, StudyAnalysis
    from ..results import FitResult

__all__ = ["build_report", "TEMPLATE", "KJ_TO_CAL"]

#: Template file in ``shelflife/report/templates``.
TEMPLATE = "report.html.j2"
#: kJ/mol to cal/mol (thermochemical calorie, 4.184 J), as Indonesian labs report Ea.
KJ_TO_CAL = 1000.0 / 4.184
#: Size of each plot [inch].
FIGSIZE = (4.6, 3.2)
_MARGINS = {"left": 0.15, "right": 0.97, "bottom": 0.15, "top": 0.965}
_MARGINS_TOP_AXIS = {**_MARGINS, "top": 0.85}


@functools.lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("shelflife.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


# --------------------------------------------------------------------------- plots
_SVG_START = re.compile(r"<svg\b")
_SVG_SIZE = re.compile(r'\s(width|height)="[0-9.]+pt"')


def _svg(draw, fit: FitResult, lang: str, *args: Any) -> Any:
    """Draw one plot on a fresh Figure and return it as inline SVG markup."""
    import matplotlib
    from markupsafe import Markup
    from matplotlib.figure import Figure

    from ..plotting import STYLE

    buf = io.StringIO()
    with matplotlib.rc_context(STYLE):
        # fixed margins instead of constrained layout: half the drawing time, same look
        fig = Figure(figsize=FIGSIZE, layout="none")
        fig.subplots_adjust(
            **(_MARGINS_TOP_AXIS if draw.__name__ == "_draw_arrhenius" else _MARGINS)
        )
        ax = fig.add_subplot()
        draw(fit, ax, lang, *args)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    start = _SVG_START.search(text)
    text = text[start.start() :] if start else text
    head_end = text.index(">")
    # drop the fixed size of the root element: CSS scales the plot to the column
    head = _SVG_SIZE.sub("", text[:head_end])
    text = head + ' class="plot" role="img"' + text[head_end:]
    # Our own SVG from matplotlib (text inside it is XML-escaped by matplotlib).
    return Markup(text)


def _plots(aa: AttributeAnalysis, storage_K: tuple[float, ...], lang: str) -> list[dict[str, Any]]:
    import numpy as np

    from .. import plotting

    fit = aa.fit
    marks = np.asarray(storage_K, dtype=float)
    return [
        {"svg": _svg(plotting._draw_fit, fit, lang), "caption": t("fig_fit", lang)},
        {"svg": _svg(plotting._draw_residuals, fit, lang), "caption": t("fig_residuals", lang)},
        {
            "svg": _svg(plotting._draw_arrhenius, fit, lang, marks),
            "caption": t("fig_arrhenius", lang),
        },
        {
            "svg": _svg(plotting._draw_shelf_life, fit, lang, marks),
            "caption": t("fig_shelf_life", lang),
        },
    ]


# ------------------------------------------------------------------------ sections
def _names(analysis: StudyAnalysis) -> dict[str, str]:
    return {a.attribute.name: a.attribute.display_name for a in analysis.attributes}


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
        s = next(s for s in analysis[name].shelf_lives if abs(s.temperature - T) < 1e-9)
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
    return rows


def _design(analysis: StudyAnalysis, lang: str) -> dict[str, Any]:
    from ..study import TIME

    st = analysis.study
    attrs = []
    for aa in analysis.attributes:
        a = aa.attribute
        attrs.append(
            {
                "name": a.display_name,
                "column": a.name,
                "unit": unit_label(a.unit, lang),
                "limit": format_number(a.limit, lang, 6, significant=True, trim=True),
                "direction": t("direction_max" if a.direction == "max" else "direction_min", lang),
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
    }


def _param_cal(value: float, low: float, high: float, stderr: float, lang: str) -> dict[str, str]:
    d = decimals_for(stderr * KJ_TO_CAL, value * KJ_TO_CAL)
    return {
        "value": format_number(value * KJ_TO_CAL, lang, d),
        "ci": f"{format_number(low * KJ_TO_CAL, lang, d)} – {format_number(high * KJ_TO_CAL, lang, d)}",
    }


def _ea_row(
    label: str, value: float, se: float, ci: tuple[float, float], lang: str
) -> dict[str, str]:
    if not math.isfinite(value):
        na = t("not_available", lang)
        return {"method": label, "value": na, "se": "", "ci": "", "cal": "", "cal_ci": ""}
    d = decimals_for(se, value)
    cal = _param_cal(value, ci[0], ci[1], se, lang)
    has_ci = math.isfinite(ci[0]) and math.isfinite(ci[1])
    return {
        "method": label,
        "value": format_number(value, lang, d),
        "se": format_number(se, lang, d) if math.isfinite(se) else "–",
        "ci": f"{format_number(ci[0], lang, d)} – {format_number(ci[1], lang, d)}"
        if has_ci
        else "–",
        "cal": cal["value"],
        "cal_ci": cal["ci"] if has_ci else "–",
    }


def _two_step(fit: FitResult, lang: str) -> dict[str, Any]:
    ts = fit.two_step
    rows = []
    for r in ts.rates:
        d = decimals_for(r.stderr, r.rate_constant)
        used = math.isfinite(r.rate_constant) and r.rate_constant > 0
        rows.append(
            {
                "temperature": format_celsius(r.temperature, lang),
                "k": format_number(r.rate_constant, lang, d),
                "se": format_number(r.stderr, lang, d),
                "r2": format_number(r.r_squared, lang, 4),
                "n": str(r.n),
                "note": "" if used else t("excluded", lang),
            }
        )
    ea = fit.parameters["activation_energy"]
    return {
        "intro": t("two_step_intro", lang, linear=t(f"linear_{fit.order}", lang))
        if f"linear_{fit.order}" in labels(lang)
        else "",
        "rows": rows,
        "rate_unit": unit_label(fit.rate_unit, lang),
        "ea": [
            _ea_row(t("ea_one_step", lang), ea.value, ea.stderr, ea.ci95, lang),
            _ea_row(
                t("ea_two_step", lang),
                ts.activation_energy,
                ts.activation_energy_stderr,
                ts.activation_energy_ci95,
                lang,
            ),
        ],
    }


def _alternatives(aa: AttributeAnalysis, storage_K: tuple[float, ...], lang: str) -> list[dict]:
    if not aa.alternatives:
        return []
    chosen_aic = aa.fit.statistics["aic"]
    out = []
    for fit, lives, chosen in [(aa.fit, aa.shelf_lives, True)] + [
        (alt, lives, False)
        for alt, lives in zip(aa.alternatives, aa.alternative_shelf_lives, strict=True)
    ]:
        st = fit.statistics
        out.append(
            {
                "order": order_text(fit.order, lang)
                + (f" ({t('chosen', lang)})" if chosen else ""),
                "aic": format_number(st["aic"], lang, 2),
                "delta": format_number(st["aic"] - chosen_aic, lang, 2),
                "r2": format_number(st["r_squared"], lang, 4),
                "shelf_lives": [shelf_life_row(s, lang)["estimate"] for s in lives],
                "chosen": chosen,
            }
        )
    return out


def _q10(aa: AttributeAnalysis, lang: str) -> list[dict[str, str]]:
    rows = []
    for s, (q, lo, hi) in zip(aa.shelf_lives, aa.q10, strict=True):
        rows.append(
            {
                "temperature": format_celsius(s.temperature, lang),
                "value": format_number(q, lang, 2),
                "ci": f"{format_number(lo, lang, 2)} – {format_number(hi, lang, 2)}",
            }
        )
    return rows


def _attribute(
    aa: AttributeAnalysis, index: int, analysis: StudyAnalysis, lang: str
) -> dict[str, Any]:
    a, fit = aa.attribute, aa.fit
    storage = analysis.storage_temperatures
    return {
        "anchor": f"attribute-{index}",
        "heading": t("results_for", lang, attribute=a.display_name),
        "unit": unit_label(a.unit, lang),
        "limit": limit_text(aa, lang),
        "model_line": t("model_line", lang, order=order_text(fit.order, lang)),
        "selection": t("selection_aic" if aa.selection == "aic" else "selection_declared", lang),
        "equation": fit.model.order.equation,
        "parameters": parameter_rows(fit, lang),
        "statistics": statistics_rows(fit, lang),
        "alternatives": _alternatives(aa, storage, lang),
        "storage_labels": [format_celsius(T, lang) for T in storage],
        "q10": _q10(aa, lang),
        "plots": _plots(aa, storage, lang),
        "table": [shelf_life_row(s, lang) for s in aa.table],
        "two_step": _two_step(fit, lang),
        "warnings": notice_rows(aa.notices, lang, _names(analysis)),
    }


def _software() -> list[tuple[str, str]]:
    from .. import __version__

    out = [("shelflife", __version__), ("Python", sys.version.split()[0])]
    for mod in ("numpy", "scipy", "pandas", "matplotlib"):
        m = sys.modules.get(mod)
        if m is not None:
            out.append((mod, str(getattr(m, "__version__", "?"))))
    return out


def _context(analysis: StudyAnalysis, lang: str) -> dict[str, Any]:
    st = analysis.study
    names = _names(analysis)
    limiting = {analysis.limiting_at(T) for T in analysis.storage_temperatures}
    smallest = analysis.smallest_activation_energy_attribute
    hashes = st.source.get("sha256", {}) if isinstance(st.source, dict) else {}
    return {
        "lang": lang,
        "L": labels(lang),
        "product": st.product or st.name,
        "study_name": st.name,
        "verdict": _verdict(analysis, lang),
        "all_rows": _all_rows(analysis, lang),
        "warnings": notice_rows(analysis.notices, lang, names),
        "smallest_ea": names.get(smallest, smallest)
        if smallest is not None and len(analysis.attributes) > 1 and smallest not in limiting
        else None,
        "design": _design(analysis, lang),
        "attributes": [
            _attribute(aa, i + 1, analysis, lang) for i, aa in enumerate(analysis.attributes)
        ],
        "method": METHOD_PARAGRAPHS[lang],
        "references": REFERENCES,
        "software": _software(),
        "inputs": sorted((str(k), str(v)) for k, v in dict(hashes).items()),
    }


def build_report(analysis: StudyAnalysis, lang: str = "en") -> str:
    """Render the HTML durability report of an analysis.

    Parameters
    ----------
    analysis : StudyAnalysis
        Result of :func:`shelflife.analyze`.
    lang : {"en", "id"}
        English or Bahasa Indonesia (labels, decimal commas, "x bulan y hari").

    Returns
    -------
    str
        A self-contained HTML document (inline CSS and SVG); the same analysis always
        gives the same string.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for an unsupported language.
    """
    check_lang(lang)
    template = _environment().get_template(TEMPLATE)
    return template.render(**_context(analysis, lang))
