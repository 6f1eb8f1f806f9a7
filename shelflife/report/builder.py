"""The self-contained HTML durability report.

:func:`build_report` turns a :class:`~shelflife.analysis.StudyAnalysis` into one HTML file
with inline CSS and inline SVG plots, in English or Bahasa Indonesia. Sections, in order:

1. verdict (shelf life per storage temperature, the limiting attribute, warnings, and
   what the interval, the conservative value and the extrapolation mean, in plain words);
2. study design;
3. one section per attribute (model, parameters, statistics, model comparison by AICc
   with Akaike weights, model diagnostics, plots, shelf life against temperature with Q10,
   isoconversion and the two-step method for comparison);
4. the sections of further results (microbes, consumers, histories, routes, labels);
5. method statement (with the error model and per-temperature initial values used) and
   references;
6. reproducibility (software versions, SHA-256 of the input files, random seeds, the
   options that change the result, the time stamp when one is asked for);
7. data (the measurements per attribute and storage condition);
8. sign-off (analyst, reviewer, laboratory, date; blank lines to sign by hand).

The output is deterministic: the same analysis gives byte-identical HTML (no timestamp
unless one is passed, fixed SVG ids through ``svg.hashsalt``, no SVG date). Numbers come
from the analysis objects; the report only formats them (curves for the plots are evaluated
from the fitted model). Plots are drawn on :class:`matplotlib.figure.Figure` objects directly, so no GUI
backend is touched.
"""

from __future__ import annotations

import base64
import contextvars
import functools
import html
import io
import math
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .html_tables import (
    decimals_for,
    notice_rows,
    parameter_name,
    parameter_rows,
    shelf_life_row,
    statistics_rows,
)
from .i18n import (
    LABELS,
    METHOD_PARAGRAPHS,
    REFERENCES,
    check_lang,
    format_celsius,
    format_date,
    format_days,
    format_number,
    labels,
    t,
    unit_label,
)
from .text import isoconversion_differs, limit_text, order_text, temperature_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import AttributeAnalysis, StudyAnalysis
    from ..results import FitResult
    from ..study import Attribute

__all__ = [
    "build_report",
    "resolve_signoff",
    "signoff_context",
    "format_timestamp",
    "seeds_text",
    "data_cell",
    "confidence_level",
    "SIGNOFF_KEYS",
    "TEMPLATE",
    "KJ_TO_CAL",
]

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


#: How report plots are embedded: ``"svg"`` (inline SVG, the HTML report) or ``"png"`` (an
#: ``<img>`` with a PNG data URI, which the PDF converter can place). Set it with
#: :func:`shelflife.report.pdf.figure_format`; a context variable, so threads and async
#: tasks each keep their own.
_FIGURE_FORMAT: contextvars.ContextVar[str] = contextvars.ContextVar(
    "shelflife_report_figure_format", default="svg"
)
#: Resolution of PNG plots [dot/inch].
PNG_DPI = 200


def _png_img(fig: Any) -> Any:
    """A drawn Figure as ``<img class="plot">`` with a PNG data URI (deterministic bytes)."""
    from markupsafe import Markup

    buf = io.BytesIO()
    # no "Software" text chunk: the same plot gives the same bytes whatever the version
    fig.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    ax = fig.axes[0] if fig.axes else None
    alt = ""
    if ax is not None:
        alt = ax.get_title() or " / ".join(x for x in (ax.get_ylabel(), ax.get_xlabel()) if x)
    alt = html.escape(alt, quote=True)
    return Markup(f'<img class="plot" src="data:image/png;base64,{data}" alt="{alt}">')


def _svg(draw, fit: FitResult, lang: str, *args: Any, margins: dict | None = None) -> Any:
    """Draw one plot on a fresh Figure and return it as inline SVG markup.

    When :data:`_FIGURE_FORMAT` is ``"png"``, an ``<img>`` with the plot as a PNG data URI
    is returned instead (for the PDF report).
    """
    import matplotlib
    from markupsafe import Markup
    from matplotlib.figure import Figure

    from ..plotting import STYLE

    buf = io.StringIO()
    # text.parse_math off: titles, labels, legends and category ticks carry user text
    # (attribute labels, product, film and market names), shown literally; matplotlib would
    # read "$...$" in them as TeX and fail on "$x^{". The report's plots use no TeX of their
    # own (log axes are labelled with plain numbers, plotting._plain_log_axis).
    with matplotlib.rc_context({**STYLE, "text.parse_math": False}):
        # fixed margins instead of constrained layout: half the drawing time, same look
        fig = Figure(figsize=FIGSIZE, layout="none")
        if margins is None:
            margins = _MARGINS_TOP_AXIS if draw.__name__ == "_draw_arrhenius" else _MARGINS
        fig.subplots_adjust(**margins)
        ax = fig.add_subplot()
        draw(fit, ax, lang, *args)
        if _FIGURE_FORMAT.get() == "png":
            return _png_img(fig)
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
    from ..diagnostics import OUTLIER_THRESHOLD

    fit = aa.fit
    marks = np.asarray(storage_K, dtype=float)
    studentized_caption = t("fig_studentized", lang)
    d = aa.diagnostics
    if d is not None and d.outlier_threshold != OUTLIER_THRESHOLD:
        # the plot marks ±3; say which limit the outlier check of the report used
        threshold = format_number(d.outlier_threshold, lang, 2, trim=True)
        studentized_caption += " " + t("fig_studentized_threshold", lang, threshold=threshold)
    return [
        {"svg": _svg(plotting._draw_fit, fit, lang), "caption": t("fig_fit", lang)},
        {"svg": _svg(plotting._draw_studentized, fit, lang), "caption": studentized_caption},
        {"svg": _svg(plotting._draw_qq, fit, lang), "caption": t("fig_qq", lang)},
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
    ea = fit.parameters.get("activation_energy")
    return {
        "intro": t("two_step_intro", lang, linear=t(f"linear_{fit.order}", lang))
        if f"linear_{fit.order}" in LABELS
        else "",
        "rows": rows,
        "rate_unit": unit_label(fit.rate_unit, lang),
        "ea": []
        if ea is None
        else [
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


def _p_text(p: float, lang: str) -> str:
    """``"p = 0.748"``, or ``"p < 0.001"`` for small p-values."""
    if not math.isfinite(p):
        return f"p = {t('not_available', lang)}"
    if p < 0.001:
        return f"p < {format_number(0.001, lang, 3)}"
    return f"p = {format_number(p, lang, 3)}"


def _weight_text(w: float, lang: str) -> str:
    """An Akaike weight with three decimals (``"< 0.001"`` for tiny ones)."""
    if math.isfinite(w) and 0 < w < 0.0005:
        return f"< {format_number(0.001, lang, 3)}"
    return format_number(w, lang, 3)


def _model_comparison(aa: AttributeAnalysis, lang: str) -> list[dict[str, Any]]:
    """Rows of the model comparison (AICc, Akaike weights), best first.

    The shelf lives are those the analysis computed for each fit.
    """
    from ..diagnostics import compare_models

    fits = [aa.fit, *aa.alternatives]
    if len(fits) < 2:
        return []
    lives = [aa.shelf_lives, *aa.alternative_shelf_lives]
    table = compare_models(fits)
    out = []
    for rec in table.to_dict(orient="records"):
        i = int(rec["fit"])
        out.append(
            {
                "order": order_text(str(rec["order"]), lang),
                "temperature_model": temperature_text(str(rec["temperature_model"]), lang),
                "p": str(int(rec["p"])),
                "aicc": format_number(rec["aicc"], lang, 2),
                "delta": format_number(rec["delta_aicc"], lang, 2),
                "weight": _weight_text(float(rec["akaike_weight"]), lang),
                "shelf_lives": [shelf_life_row(s, lang)["estimate"] for s in lives[i]],
                "chosen": i == 0,
            }
        )
    return out


def _has_replicates(fit: FitResult) -> bool:
    import numpy as np

    keys = np.stack([np.round(fit.time, 9), np.round(fit.temperature, 9)], axis=-1)
    return bool(np.unique(keys, axis=0).shape[0] < keys.shape[0])


def _lack_of_fit_text(aa: AttributeAnalysis, lang: str) -> str:
    fit, lof = aa.fit, aa.diagnostics.lack_of_fit
    if lof is None:
        return t("lack_of_fit_no_dof" if _has_replicates(fit) else "lack_of_fit_none", lang)
    unit = unit_label(fit.attribute.unit, lang)
    line = t(
        "lack_of_fit_line",
        lang,
        f=format_number(lof.f_statistic, lang, 2),
        df1=str(lof.df_lack_of_fit),
        df2=str(lof.df_pure_error),
        p=_p_text(lof.p_value, lang),
        sd=f"{format_number(lof.pure_error_sd, lang, 3, significant=True)} {unit}",
    )
    verdict = t("lack_of_fit_significant" if lof.significant() else "lack_of_fit_ok", lang)
    return f"{line} {verdict}"


_APPARENT_SYMBOLS = {"activation_energy": "Ea", "activation_enthalpy": "ΔH‡", "q10": "Q10"}


def _curvature_text(aa: AttributeAnalysis, lang: str) -> str:
    c = aa.diagnostics.curvature
    if not c.testable:
        if c.reason == "too_few_temperatures":
            return t("curvature_untestable_n", lang, n=str(c.n_temperatures))
        if c.reason == "not_applicable":
            return t("curvature_not_applicable", lang)
        return t("curvature_fit_failed", lang)
    unit = "" if c.parameter == "q10" else " kJ/mol"
    digits = 2 if c.parameter == "q10" else 1
    line = t(
        "curvature_line",
        lang,
        axis=c.axis,
        f=format_number(c.f_statistic, lang, 2),
        dof=str(c.dof),
        p=_p_text(c.p_value, lang),
        symbol=_APPARENT_SYMBOLS.get(c.parameter, c.parameter),
        low=f"{format_number(c.apparent_low, lang, digits)}{unit}",
        high=f"{format_number(c.apparent_high, lang, digits)}{unit}",
        t_low=format_celsius(min(c.temperatures), lang),
        t_high=format_celsius(max(c.temperatures), lang),
    )
    verdict = t("curvature_significant" if c.significant() else "curvature_ok", lang)
    return f"{line} {verdict}"


def _outlier_rows(aa: AttributeAnalysis, lang: str) -> list[dict[str, str]]:
    import numpy as np

    d, fit = aa.diagnostics, aa.fit
    rows = np.arange(1, fit.value.size + 1) if d.rows is None else np.asarray(d.rows)
    unit_d = decimals_for(float(fit.statistics["sigma"]))  # as precise as the scatter allows
    out = []
    for i in d.outliers:
        out.append(
            {
                "row": str(rows[i]),
                "time": format_number(float(fit.time[i]), lang, 4, significant=True, trim=True),
                "temperature": format_celsius(float(fit.temperature[i]), lang),
                "measured": format_number(float(fit.value[i]), lang, unit_d),
                "fitted": format_number(float(fit.fitted[i]), lang, unit_d),
                "studentized": format_number(float(d.studentized[i]), lang, 2),
                "leverage": format_number(float(d.leverages[i]), lang, 3),
            }
        )
    return out


_BOUND_NAME = re.compile(r"\((\w+)\)$")


def _bounds_text(aa: AttributeAnalysis, lang: str) -> list[str]:
    out = []
    for n in aa.diagnostics.notices:
        if n.code != "parameter_at_bound":
            continue
        raw = str(n.params.get("parameter", ""))
        m = _BOUND_NAME.search(raw)
        name = parameter_name(aa.fit, m.group(1), lang) if m else raw
        value = format_number(
            float(n.params.get("value", math.nan)), lang, 4, significant=True, trim=True
        )
        out.append(t("parameter_at_bound_item", lang, parameter=name, value=value))
    return out


def _diagnostics(aa: AttributeAnalysis, lang: str) -> dict[str, Any] | None:
    d = aa.diagnostics
    if d is None:
        return None
    threshold = format_number(d.outlier_threshold, lang, 2, trim=True)
    return {
        "lack_of_fit": _lack_of_fit_text(aa, lang),
        "curvature": _curvature_text(aa, lang),
        "outliers": _outlier_rows(aa, lang),
        "outliers_intro": t("outliers_intro", lang, threshold=threshold),
        "no_outliers": t("no_outliers_threshold", lang, threshold=threshold),
        "bounds": _bounds_text(aa, lang),
    }


def _isoconversion(
    aa: AttributeAnalysis, storage_K: tuple[float, ...], lang: str
) -> dict[str, Any] | None:
    import numpy as np

    iso = aa.isoconversion
    if iso is None:
        return None
    times = []
    for r in iso.times:
        finite = math.isfinite(r.time)
        how = f"iso_{r.method}"
        times.append(
            {
                "temperature": format_celsius(r.temperature, lang),
                "time": format_number(r.time, lang, 1) if finite else "–",
                "how": t(how, lang) if how in LABELS else r.method,
            }
        )
    ea = aa.fit.parameters.get("activation_energy")
    ea_rows = []
    if ea is not None:
        ea_rows.append(_ea_row(t("ea_one_step", lang), ea.value, ea.stderr, ea.ci95, lang))
    ea_rows.append(
        _ea_row(t("ea_isoconversion", lang), iso.activation_energy, iso.stderr, iso.ci95, lang)
    )
    if not math.isfinite(iso.activation_energy):
        return {
            "times": times,
            "ea": ea_rows,
            "shelf_lives": [],
            "comparison": t("iso_no_ea", lang),
        }
    lives: list[dict[str, str]] = []
    comparison = ""
    if storage_K:
        sl = iso.shelf_life_floats(np.asarray(storage_K, dtype=float))
        for i, s in enumerate(aa.shelf_lives):
            est, low, high = (float(sl[k][i]) for k in ("estimate", "low", "high"))
            one = shelf_life_row(s, lang)
            lives.append(
                {
                    "temperature": format_celsius(s.temperature, lang),
                    "iso": format_number(est, lang, 1),
                    "iso_ci": f"{format_number(low, lang, 1)} – {format_number(high, lang, 1)}",
                    "one": one["estimate_number"],
                    "one_ci": one["ci"],
                }
            )
        if ea is not None:
            d_one = decimals_for(ea.stderr, ea.value)
            comparison = t(
                "iso_comparison",
                lang,
                iso=format_number(
                    iso.activation_energy, lang, decimals_for(iso.stderr, iso.activation_energy)
                ),
                where=t("iso_outside" if isoconversion_differs(aa) else "iso_inside", lang),
                low=format_number(ea.ci95[0], lang, d_one),
                high=format_number(ea.ci95[1], lang, d_one),
                iso_sl=format_days(float(sl["estimate"][0]), lang),
                temperature=format_celsius(storage_K[0], lang),
                one_sl=format_days(aa.shelf_lives[0].estimate, lang),
            )
    return {"times": times, "ea": ea_rows, "shelf_lives": lives, "comparison": comparison}


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
        "model_line": t(
            "model_line",
            lang,
            order=order_text(fit.order, lang),
            temperature=temperature_text(fit.model.temperature.name, lang),
        ),
        "selection": t("selection_aic" if aa.selection == "aic" else "selection_declared", lang),
        "equation": fit.model.order.equation,
        "parameters": parameter_rows(fit, lang),
        "statistics": statistics_rows(fit, lang),
        "comparison": _model_comparison(aa, lang),
        "diagnostics": _diagnostics(aa, lang),
        "storage_labels": [format_celsius(T, lang) for T in storage],
        "q10": _q10(aa, lang),
        "plots": _plots(aa, storage, lang),
        "table": [shelf_life_row(s, lang) for s in aa.table],
        "isoconversion": _isoconversion(aa, storage, lang),
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


def _join(names: list[str], lang: str) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"`` (``dan`` in Indonesian)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('and', lang)} {names[-1]}"


def _error_model_text(fit: FitResult, lang: str) -> str:
    key = f"error_model_{fit.error_model}"
    if key not in LABELS:
        return fit.error_model
    if fit.error_model == "combined":
        return t(key, lang, c=format_number(fit.variance_parameter, lang, 3, significant=True))
    return t(key, lang)


def _method(analysis: StudyAnalysis, lang: str) -> list[str]:
    """The method statement: fixed paragraphs plus what this analysis used.

    The error model of each attribute and per-temperature initial values are stated after
    the first paragraph; the diagnostics and isoconversion close the statement.
    """
    fixed = list(METHOD_PARAGRAPHS[lang])
    by_model: dict[str, list[str]] = {}
    for aa in analysis.attributes:
        by_model.setdefault(_error_model_text(aa.fit, lang), []).append(aa.attribute.display_name)
    used = [
        " ".join(
            t("method_error_model", lang, attributes=_join(names, lang), model=text)
            for text, names in by_model.items()
        )
    ]
    per_temperature = [
        aa.attribute.display_name
        for aa in analysis.attributes
        if aa.fit.model.initial_temperatures
    ]
    if per_temperature:
        used.append(
            t("method_initial_per_temperature", lang, attributes=_join(per_temperature, lang))
        )
    closing = []
    thresholds = [aa.diagnostics.outlier_threshold for aa in analysis.attributes if aa.diagnostics]
    if thresholds:
        closing.append(
            t(
                "method_diagnostics",
                lang,
                threshold=format_number(max(thresholds), lang, 2, trim=True),
            )
        )
    if any(aa.isoconversion is not None for aa in analysis.attributes):
        closing.append(t("method_isoconversion", lang))
    return fixed[:1] + used + fixed[1:] + closing


# ------------------------------------------------------------------- data appendix
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


# ------------------------------------------------------- uncertainty in plain words
def _tested(analysis: StudyAnalysis, name: str) -> tuple[float, float, float]:
    """Lowest and highest tested temperature [K] and longest storage time [day] of an attribute.

    NaN where the data do not say (a consumer panel without a temperature column).
    """
    import numpy as np

    for aa in analysis.attributes:
        if aa.attribute.name == name:
            fit = aa.fit
            return (
                float(fit.temperature.min()),
                float(fit.temperature.max()),
                float(fit.time.max()),
            )
    for o in analysis.others:
        if o.name != name:
            continue
        if getattr(o, "kind", "") == "sensory":
            p = o.spec.panel
            T = np.asarray(p.temperature, dtype=float)
            T = T[np.isfinite(T)]
            times = np.asarray(p.times, dtype=float)
            times = times[np.isfinite(times)]
            lo, hi = (float(T.min()), float(T.max())) if T.size else (math.nan, math.nan)
            return lo, hi, float(times.max()) if times.size else math.nan
        time, T, _, _ = analysis.study.arrays(name)
        return float(T.min()), float(T.max()), float(time.max())
    return math.nan, math.nan, math.nan  # pragma: no cover - every limiting name is listed


def _celsius_difference(d_K: float, lang: str) -> str:
    """A temperature difference [K] in °C (``5 °C``, ``2,5 °C``)."""
    digits = 0 if abs(d_K - round(d_K)) < 0.005 else 1
    return f"{format_number(d_K, lang, digits)} °C"


def _days_text(days: float, lang: str) -> str:
    """``"42 days"``, ``"42 hari"`` (up to six significant digits, no trailing zeros)."""
    return f"{format_number(days, lang, 6, significant=True, trim=True)} {t('days', lang)}"


def _width_percent(s: Any) -> float:
    """Width of the 95 % interval of a shelf life as a percentage of the estimate."""
    return 100.0 * (s.ci95[1] - s.ci95[0]) / s.estimate


def _nearest_inside(analysis: StudyAnalysis, name: str, T: float, lo: float, hi: float):
    """The shelf life of the analysis' temperature table nearest to ``T`` inside [lo, hi]."""
    for aa in analysis.attributes:
        if aa.attribute.name != name:
            continue
        inside = [
            s
            for s in aa.table
            if lo - 1e-6 <= s.temperature <= hi + 1e-6
            and math.isfinite(s.estimate)
            and s.estimate > 0
            and all(math.isfinite(x) for x in s.ci95)
        ]
        if inside:
            return min(inside, key=lambda s: abs(s.temperature - T))
    return None


def _extrapolation_sentences(
    analysis: StudyAnalysis, name: str, s: Any, lang: str
) -> tuple[list[str], bool]:
    """How far the storage temperature and the shelf life lie outside the tested ones."""
    T = s.temperature
    lo, hi, longest = _tested(analysis, name)
    width = _width_percent(s)
    width_text = format_number(width, lang, 0) if math.isfinite(width) else "–"
    out: list[str] = []
    extrapolated = False
    if math.isfinite(lo) and math.isfinite(hi):
        where = {"low": format_celsius(lo, lang), "high": format_celsius(hi, lang)}
        distance = lo - T if T < lo else (T - hi if T > hi else 0.0)
        if distance > 1e-6:
            extrapolated = True
            out.append(
                t(
                    "unc_outside",
                    lang,
                    temperature=format_celsius(T, lang),
                    distance=_celsius_difference(distance, lang),
                    side=t("unc_below" if T < lo else "unc_above", lang),
                    width=width_text,
                    **where,
                )
            )
            near = _nearest_inside(analysis, name, T, lo, hi)
            if near is not None:
                out.append(
                    t(
                        "unc_wider",
                        lang,
                        near=format_celsius(near.temperature, lang),
                        width=format_number(_width_percent(near), lang, 0),
                    )
                )
        else:
            out.append(
                t(
                    "unc_inside",
                    lang,
                    temperature=format_celsius(T, lang),
                    width=width_text,
                    **where,
                )
            )
    if math.isfinite(longest) and longest > 0:
        ratio = s.estimate / longest
        if ratio > 1:
            extrapolated = True
            out.append(
                t(
                    "unc_ratio_beyond",
                    lang,
                    ratio=format_number(ratio, lang, 1),
                    longest=_days_text(longest, lang),
                )
            )
        else:
            out.append(t("unc_ratio_within", lang, longest=_days_text(longest, lang)))
    return out, extrapolated


def _uncertainty(analysis: StudyAnalysis, lang: str) -> dict[str, Any]:
    """The uncertainty of the verdict in plain words (numbers from the analysis).

    One paragraph per storage temperature (its shelf life, interval and conservative value,
    the distance from the tested temperatures and storage times), then one on what the
    interval and the conservative value mean.
    """
    names = _names(analysis)
    items = []
    extrapolated = False
    for T in analysis.storage_temperatures:
        name = analysis.limiting_at(T)
        s = analysis.shelf_life_of(name, T) if name is not None else None
        if s is None or not (math.isfinite(s.estimate) and s.estimate > 0):
            items.append(t("unc_none", lang, temperature=format_celsius(T, lang)))
            continue
        first = t(
            "unc_numbers",
            lang,
            temperature=format_celsius(T, lang),
            attribute=names.get(name, name),
            estimate=format_days(s.estimate, lang),
            low=format_number(s.ci95[0], lang, 1),
            high=format_number(s.ci95[1], lang, 1),
            conservative=format_days(s.conservative, lang),
        )
        more, far = _extrapolation_sentences(analysis, name, s, lang)
        extrapolated = extrapolated or far
        items.append(" ".join([first, *more]))
    meaning = t("unc_meaning", lang)
    if extrapolated:
        meaning += " " + t("unc_assumption", lang)
    return {"paragraphs": items, "meaning": meaning}


# ------------------------------------------------------------------------ sign-off
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


# ----------------------------------------------------------------- reproducibility
def format_timestamp(when: Any, lang: str) -> str:
    """A report time stamp: ``"30 April 2027, 14.05"`` (time and UTC offset when given).

    Parameters
    ----------
    when : datetime.datetime or datetime.date
        The moment to print; a naive datetime is printed as it is.
    lang : {"en", "id"}
        Language of the date and time format (CLDR, via Babel).
    """
    import datetime

    from babel.dates import format_time

    if not isinstance(when, datetime.datetime):
        return format_date(when, lang)
    text = f"{format_date(when.date(), lang)}, {format_time(when.time(), 'short', locale=lang)}"
    offset = when.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "−"
        text += f" (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"
    return text


def seeds_text(extras: Sequence[Any], lang: str) -> list[str]:
    """The random seeds of the results in a report, or a note that none was used.

    Results drawn at random (a route Monte Carlo) carry their seed as ``seed`` or on
    their ``simulations``; the analyses themselves are deterministic.
    """
    out = []
    for x in extras:
        found: list[int] = []
        for obj in (x, *(getattr(x, "simulations", ()) or ())):
            seed = getattr(obj, "seed", None)
            if isinstance(seed, int) and seed not in found:
                found.append(seed)
        if found:
            what = str(getattr(x, "json_key", type(x).__name__))
            out.append(t("repro_seed_item", lang, what=what, seed=", ".join(map(str, found))))
    return out or [t("repro_deterministic", lang)]


def confidence_level() -> float:
    """Confidence level of the shelf-life intervals (the fitted models' default)."""
    import inspect

    from ..results import FitResult

    return float(inspect.signature(FitResult.shelf_life_floats).parameters["level"].default)


def _rh_text(rh: Any, lang: str) -> str:
    """A relative humidity [%] (a number, or a text such as ``"75 %"``) as ``"75 %"``."""
    from ..units import to_percent

    value = float(rh) if isinstance(rh, (int, float)) else float(to_percent(rh))
    return f"{format_number(value, lang, 6, significant=True, trim=True)} %"


def _other_options(analysis: StudyAnalysis, lang: str) -> list[str]:
    """Microbial models and consumer-panel settings, one line each."""
    out = []
    for o in analysis.others:
        kind = getattr(o, "kind", "")
        if kind == "microbial":
            a = o.attribute
            detection = "–"
            if a.detection_limit is not None:
                dl = format_number(a.detection_limit, lang, 3, significant=True, trim=True)
                detection = f"{dl} log10 CFU/g"
            out.append(
                t(
                    "repro_microbial_item",
                    lang,
                    attribute=o.display_name,
                    model=a.model,
                    secondary=a.secondary,
                    detection=detection,
                )
            )
        elif kind == "sensory":
            out.append(
                t(
                    "repro_sensory_item",
                    lang,
                    panel=o.display_name,
                    share=format_number(100 * o.spec.fraction, lang, 0),
                    distribution=o.fit.distribution,
                )
            )
    return out


def _mid_sentence(text: str) -> str:
    """``"First order"`` -> ``"first order"`` (names such as ``"Weibull"`` stay)."""
    if text[:1].isupper() and text[1:2].islower() and not text.startswith("Weibull"):
        return text[:1].lower() + text[1:]
    return text


def _options(analysis: StudyAnalysis, lang: str) -> list[tuple[str, list[str]]]:
    """The settings that change the result, as (label, lines) for the reproducibility list."""
    from ..analysis import AIC_TIE

    st = analysis.study
    out = [
        (
            t("storage_temperatures", lang),
            [", ".join(format_celsius(T, lang) for T in analysis.storage_temperatures)],
        )
    ]
    if st.storage_rh is not None:
        out.append((t("repro_storage_rh", lang), [_rh_text(st.storage_rh, lang)]))
    level = format_number(100 * confidence_level(), lang, 0)
    out.append((t("repro_confidence", lang), [t("repro_confidence_value", lang, level=level)]))
    models = []
    for aa in analysis.attributes:
        a = aa.attribute
        models.append(
            t(
                "repro_model_item",
                lang,
                attribute=a.display_name,
                requested=t("model_auto", lang)
                if a.model == "auto"
                else order_text(a.model, lang),
                order=_mid_sentence(order_text(aa.fit.order, lang)),
                temperature=temperature_text(aa.fit.model.temperature.name, lang),
                initial=t(f"repro_initial_{a.initial}", lang)
                if f"repro_initial_{a.initial}" in LABELS
                else a.initial,
            )
        )
    if models:
        out.append((t("repro_models", lang), models))
    if any(aa.selection == "aic" for aa in analysis.attributes):
        out.append((t("repro_aic_tie", lang), [f"ΔAIC = {format_number(AIC_TIE, lang, 1)}"]))
    thresholds = [aa.diagnostics.outlier_threshold for aa in analysis.attributes if aa.diagnostics]
    if thresholds:
        limit = f"> {format_number(max(thresholds), lang, 2, trim=True)}"
        out.append(
            (t("repro_outlier_threshold", lang), [t("repro_studentized", lang, threshold=limit)])
        )
    others = _other_options(analysis, lang)
    if others:
        out.append((t("repro_other_models", lang), others))
    return out


def _context(
    analysis: StudyAnalysis,
    lang: str,
    extras: Sequence[Any] = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> dict[str, Any]:
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
        "method": _method(analysis, lang),
        "references": REFERENCES,
        "software": _software(),
        "inputs": sorted((str(k), str(v)) for k, v in dict(hashes).items()),
        "extra_sections": [x.report_section(lang) for x in (*analysis.others, *extras)],
        "uncertainty": _uncertainty(analysis, lang),
        "data_tables": _data_tables(analysis, lang) + _panel_tables(analysis, lang),
        "options": _options(analysis, lang),
        "seeds": seeds_text(extras, lang),
        "generated": "" if timestamp is None else format_timestamp(timestamp, lang),
        "signoff": signoff_context(resolve_signoff(st.report_meta, signoff), lang),
    }


def build_report(
    analysis: Any,
    lang: str = "en",
    extras: Sequence[Any] = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> str:
    """Render the HTML durability report of an analysis.

    Parameters
    ----------
    analysis : StudyAnalysis
        Result of :func:`shelflife.analyze`. A real-time (ICH Q1E) or critical-moisture
        analysis is rendered with its own template.
    lang : {"en", "id"}
        English or Bahasa Indonesia (labels, decimal commas, "x bulan y hari").
    extras : sequence, optional
        Further results shown as their own sections before the method statement, e.g. a
        :class:`~shelflife.distribution.HistoryPrediction`; each provides
        ``report_section(lang)`` returning the section dict of :mod:`shelflife.report.sections`.
    signoff : ReportMeta or mapping, optional
        Analyst, reviewer, laboratory and date of the sign-off block, over the study's
        ``[report]`` table (see :func:`resolve_signoff`); empty fields are printed as lines
        to sign by hand.
    timestamp : datetime.datetime, optional
        When given, printed in the reproducibility section ("Report generated"). By
        default there is none, so the same analysis gives byte-identical HTML.

    Returns
    -------
    str
        A self-contained HTML document (inline CSS and SVG); the same analysis (and
        time stamp) always gives the same string.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for an unsupported language or an unknown sign-off key.
    """
    check_lang(lang)
    method = getattr(analysis, "method", "kinetics")
    if method == "ich_q1e":
        from ..realtime import _build_report

        return _build_report(analysis, lang, extras=extras, signoff=signoff, timestamp=timestamp)
    if method == "critical_moisture":
        from ..critical.report import build_moisture_report

        return build_moisture_report(
            analysis, lang, extras=extras, signoff=signoff, timestamp=timestamp
        )
    template = _environment().get_template(TEMPLATE)
    return template.render(**_context(analysis, lang, extras, signoff, timestamp))
