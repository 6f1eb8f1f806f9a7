"""The self-contained HTML durability report.

:func:`build_report` turns a :class:`~shelflife.analysis.StudyAnalysis` into one HTML file
with inline CSS and inline SVG plots, in English or Bahasa Indonesia. Sections, in order:

1. verdict (shelf life per storage temperature, the limiting attribute, warnings);
2. study design;
3. one section per attribute (model, parameters, statistics, model comparison by AICc
   with Akaike weights, model diagnostics, plots, shelf life against temperature with Q10,
   isoconversion and the two-step method for comparison);
4. method statement (with the error model and per-temperature initial values used) and
   references;
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


def _svg(draw, fit: FitResult, lang: str, *args: Any, margins: dict | None = None) -> Any:
    """Draw one plot on a fresh Figure and return it as inline SVG markup."""
    import matplotlib
    from markupsafe import Markup
    from matplotlib.figure import Figure

    from ..plotting import STYLE

    buf = io.StringIO()
    with matplotlib.rc_context(STYLE):
        # fixed margins instead of constrained layout: half the drawing time, same look
        fig = Figure(figsize=FIGSIZE, layout="none")
        if margins is None:
            margins = _MARGINS_TOP_AXIS if draw.__name__ == "_draw_arrhenius" else _MARGINS
        fig.subplots_adjust(**margins)
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


def _context(analysis: StudyAnalysis, lang: str, extras: Sequence[Any] = ()) -> dict[str, Any]:
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
    }


def build_report(analysis: StudyAnalysis, lang: str = "en", extras: Sequence[Any] = ()) -> str:
    """Render the HTML durability report of an analysis.

    Parameters
    ----------
    analysis : StudyAnalysis
        Result of :func:`shelflife.analyze`.
    lang : {"en", "id"}
        English or Bahasa Indonesia (labels, decimal commas, "x bulan y hari").
    extras : sequence, optional
        Further results shown as their own sections before the method statement, e.g. a
        :class:`~shelflife.distribution.HistoryPrediction`; each provides
        ``report_section(lang)`` returning the section dict of :mod:`shelflife.report.sections`.

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
    return template.render(**_context(analysis, lang, extras))
