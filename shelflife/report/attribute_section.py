"""The per-attribute results section of the HTML durability report.

For each attribute fitted with reaction kinetics: model and parameters (Ea also in cal/mol),
fit statistics, the model comparison by AICc with Akaike weights, the model diagnostics in
plain words (lack of fit, curvature of the temperature dependence, outliers, parameters at
a bound), shelf life against temperature with Q10, the plots, and the isoconversion and
two-step methods for comparison. Numbers come from the analysis objects; this module only
formats them.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from .figures import _plots
from .html_tables import (
    decimals_for,
    notice_rows,
    parameter_name,
    parameter_rows,
    shelf_life_row,
    statistics_rows,
)
from .i18n import LABELS, format_celsius, format_days, format_number, t, unit_label
from .text import isoconversion_differs, limit_text, order_text, temperature_text
from .verdict import _names

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import AttributeAnalysis, StudyAnalysis
    from ..results import FitResult

__all__ = ["KJ_TO_CAL"]

#: kJ/mol to cal/mol (thermochemical calorie, 4.184 J), as Indonesian labs report Ea.
KJ_TO_CAL = 1000.0 / 4.184


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
