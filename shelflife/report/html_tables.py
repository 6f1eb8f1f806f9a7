"""Compact HTML tables of results for Jupyter (``_repr_html_``), and the rows the report uses.

The ``*_rows`` functions turn result objects into rows of display strings (numbers
formatted for the language, nothing recomputed); :func:`fit_result_html` and
:func:`study_analysis_html` lay them out as small HTML tables, and the report template
(:mod:`shelflife.report.builder`) uses the same rows. All user text is escaped.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING, Any

from .i18n import (
    LABELS,
    check_lang,
    format_celsius,
    format_days,
    format_number,
    months_days_text,
    sentence,
    t,
    unit_label,
)
from .text import order_text, temperature_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis
    from ..errors import Notice
    from ..results import FitResult, ShelfLife

__all__ = [
    "fit_result_html",
    "study_analysis_html",
    "parameter_rows",
    "parameter_name",
    "statistics_rows",
    "shelf_life_row",
    "notice_rows",
    "decimals_for",
]


# ------------------------------------------------------------------------- numbers
def decimals_for(stderr: float, fallback_value: float = math.nan, *, se_digits: int = 2) -> int:
    """Decimal places that show the standard error with ``se_digits`` significant digits.

    The estimate and its interval are rounded to the same place, so the reported
    precision matches the uncertainty. Without a usable standard error, four
    significant digits of ``fallback_value`` are kept.
    """
    ref, digits = (stderr, se_digits)
    if not (ref is not None and math.isfinite(ref) and ref > 0):
        ref, digits = (fallback_value, 4)
    if not (ref is not None and math.isfinite(ref) and ref != 0):
        return 2
    return int(min(8, max(0, digits - 1 - math.floor(math.log10(abs(ref))))))


def _interval(low: float, high: float, lang: str, decimals: int) -> str:
    return f"{format_number(low, lang, decimals)} – {format_number(high, lang, decimals)}"


# ---------------------------------------------------------------------------- rows
def parameter_name(fit: FitResult, key: str, lang: str = "en") -> str:
    """Translated name of a reported parameter of ``fit``.

    Per-temperature initial values (``initial_value_25C``...) read "Initial value A0 at
    25 °C"; with them, ``initial_value`` is their mean. Unknown names fall back to the
    parameter's symbol.
    """
    model = fit.model
    per_temperature = {
        model.parameters[i].name: T for i, T in enumerate(model.initial_temperatures)
    }
    if key in per_temperature:
        return t(
            "param_initial_value_at", lang, temperature=format_celsius(per_temperature[key], lang)
        )
    if key == "initial_value" and per_temperature:
        return t("param_initial_value_mean", lang)
    if f"param_{key}" in LABELS:
        return t(f"param_{key}", lang)
    p = fit.parameters.get(key)
    return p.symbol if p is not None else key


def parameter_rows(fit: FitResult, lang: str = "en") -> list[dict[str, str]]:
    """Rows ``name, value, stderr, ci, unit`` for every parameter, then T_ref.

    Names are translated (:func:`parameter_name`); fixed parameters show "fixed" instead
    of a standard error.
    """
    check_lang(lang)
    rows = []
    T_ref = fit.model.reference_temperature
    names = fit.model.parameter_names
    free = dict(zip(names, fit.free if fit.free is not None else [True] * len(names), strict=True))
    for key, p in fit.parameters.items():
        d = decimals_for(p.stderr, p.value)
        name = parameter_name(fit, key, lang)
        if key == "rate_constant_ref":
            name += f" ({format_celsius(T_ref, lang)})"
        fixed = not free.get(key, True)
        rows.append(
            {
                "name": name,
                "symbol": p.symbol,
                "value": format_number(p.value, lang, d),
                "stderr": t("param_fixed", lang) if fixed else format_number(p.stderr, lang, d),
                "ci": "" if fixed else _interval(p.ci95[0], p.ci95[1], lang, d),
                "unit": unit_label(p.unit, lang),
            }
        )
    rows.append(
        {
            "name": t("reference_temperature", lang),
            "symbol": "T_ref",
            "value": f"{format_number(T_ref, lang, 2)} K ({format_number(T_ref - 273.15, lang, 2)} °C)",
            "stderr": "",
            "ci": "",
            "unit": "",
        }
    )
    return rows


def statistics_rows(fit: FitResult, lang: str = "en") -> list[tuple[str, str]]:
    """``(label, value)`` pairs: n, residual SD, RMSE, R², AIC, degrees of freedom."""
    st = fit.statistics
    unit = unit_label(fit.attribute.unit, lang)
    return [
        (t("n", lang), str(int(st["n"]))),
        (
            t("residual_se", lang),
            f"{format_number(st['sigma'], lang, 3, significant=True)} {unit}",
        ),
        (t("rmse", lang), f"{format_number(st['rmse'], lang, 3, significant=True)} {unit}"),
        (t("r_squared", lang), format_number(st["r_squared"], lang, 4)),
        (t("aic", lang), format_number(st["aic"], lang, 2)),
        (t("dof", lang), str(int(st["dof"]))),
    ]


def shelf_life_row(s: ShelfLife, lang: str = "en") -> dict[str, str]:
    """Display strings of one :class:`~shelflife.results.ShelfLife`."""
    finite = math.isfinite(s.estimate) and s.estimate > 0
    return {
        "temperature": format_celsius(s.temperature, lang),
        "estimate": format_days(s.estimate, lang),
        "estimate_number": format_number(s.estimate, lang, 1)
        if finite
        else format_days(s.estimate, lang),
        "ci": _interval(s.ci95[0], s.ci95[1], lang, 1) if finite else "–",
        "conservative": format_days(s.conservative, lang),
        "conservative_number": format_number(s.conservative, lang, 1)
        if math.isfinite(s.conservative)
        else format_days(s.conservative, lang),
        "months": months_days_text(s.estimate, lang),
        "conservative_months": months_days_text(s.conservative, lang),
        "finite": "1" if finite else "",
    }


def notice_rows(
    notices: Any, lang: str = "en", names: dict[str, str] | None = None
) -> list[dict[str, str]]:
    """``attribute, code, category, message`` per notice (message capitalised)."""
    names = names or {}
    out = []
    for n in notices:
        n: Notice
        out.append(
            {
                "attribute": names.get(n.attribute, n.attribute or "") if n.attribute else "",
                "code": n.code,
                "category": n.category,
                "message": sentence(n.message(lang)),
            }
        )
    return out


# --------------------------------------------------------------------------- HTML
_TABLE = '<table style="border-collapse:collapse;margin:0.3em 0 0.8em 0">'
_TH = '<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #888">'
_THR = '<th style="text-align:right;padding:2px 8px;border-bottom:1px solid #888">'
_TD = '<td style="text-align:left;padding:2px 8px">'
_TDR = '<td style="text-align:right;padding:2px 8px;font-variant-numeric:tabular-nums">'


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    parts = [_TABLE, "<thead><tr>"]
    for i, h in enumerate(header):
        parts.append(f"{_THR if i in right else _TH}{escape(h)}</th>")
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>")
        for i, cell in enumerate(row):
            parts.append(f"{_TDR if i in right else _TD}{escape(cell)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _warnings_html(rows: list[dict[str, str]], lang: str) -> str:
    if not rows:
        return ""
    items = "".join(f"<li>{escape(r['message'])}</li>" for r in rows)
    return (
        f'<div style="border-left:3px solid #d55e00;padding:2px 8px;margin:0.5em 0">'
        f'<strong>{escape(t("warnings", lang))}</strong><ul style="margin:0.2em 0">{items}</ul></div>'
    )


def _fit_title(fit: FitResult, lang: str) -> str:
    a = fit.attribute
    line = t(
        "model_line",
        lang,
        order=order_text(fit.order, lang),
        temperature=temperature_text(fit.model.temperature.name, lang),
    )
    return f"{a.display_name} [{unit_label(a.unit, lang)}]: {line}"


def fit_result_html(fit: FitResult, lang: str = "en") -> str:
    """HTML tables of one fit for Jupyter.

    Parameters with SE and CI, statistics, shelf life from 15 to 45 °C (when the
    attribute has a limit) and the guardrail warnings of the fit.
    """
    check_lang(lang)
    import numpy as np

    from ..analysis import TABLE_TEMPERATURES_C

    parts = [f"<div><p><strong>{escape(_fit_title(fit, lang))}</strong></p>"]
    prow = parameter_rows(fit, lang)
    parts.append(
        _table(
            [
                t("parameter", lang),
                t("estimate", lang),
                t("stderr", lang),
                t("ci95", lang),
                t("unit", lang),
            ],
            [[r["name"], r["value"], r["stderr"], r["ci"], r["unit"]] for r in prow],
            {1, 2, 3},
        )
    )
    srows = statistics_rows(fit, lang)
    parts.append(_table([r[0] for r in srows], [[r[1] for r in srows]], set(range(len(srows)))))
    if math.isfinite(float(fit.attribute.limit)):
        table = fit.shelf_lives_at_kelvin(np.array(TABLE_TEMPERATURES_C) + 273.15)
        parts.append(_shelf_life_table(table, lang))
    parts.append(_warnings_html(notice_rows(fit.notices, lang), lang))
    parts.append("</div>")
    return "".join(parts)


def _shelf_life_table(lives: Any, lang: str) -> str:
    days = unit_label("day", lang)
    rows = [shelf_life_row(s, lang) for s in lives]
    return _table(
        [
            t("temperature", lang),
            f"{t('shelf_life', lang)} [{days}]",
            f"{t('ci95', lang)} [{days}]",
            f"{t('conservative', lang)} [{days}]",
            t("months_days", lang),
        ],
        [
            [
                r["temperature"],
                r["estimate_number"],
                r["ci"],
                r["conservative_number"],
                r["months"],
            ]
            for r in rows
        ],
        {0, 1, 2, 3},
    )


def _names(analysis: StudyAnalysis) -> dict[str, str]:
    return analysis.display_names()


def study_analysis_html(analysis: StudyAnalysis, lang: str = "en") -> str:
    """HTML summary of a study analysis for Jupyter.

    One row per attribute and storage temperature (the limiting one marked), and the
    warnings.
    """
    check_lang(lang)
    st = analysis.study
    names = _names(analysis)
    days = unit_label("day", lang)
    parts = [f"<div><p><strong>{escape(st.product or st.name)}</strong></p>"]
    rows = []
    for aa in analysis.attributes:
        ea = aa.fit.parameters["activation_energy"]
        d = decimals_for(ea.stderr, ea.value)
        for s in aa.shelf_lives:
            r = shelf_life_row(s, lang)
            limiting = analysis.limiting_at(s.temperature) == aa.attribute.name
            rows.append(
                [
                    r["temperature"],
                    names[aa.attribute.name] + (f" ({t('limiting', lang)})" if limiting else ""),
                    order_text(aa.fit.order, lang),
                    f"{format_number(ea.value, lang, d)} ({_interval(ea.ci95[0], ea.ci95[1], lang, d)})",
                    r["estimate_number"],
                    r["ci"],
                    r["conservative_number"],
                    r["months"],
                ]
            )
    for o in analysis.others:
        for s in o.shelf_lives:
            r = shelf_life_row(s, lang)
            limiting = analysis.limiting_at(s.temperature) == o.name
            rows.append(
                [
                    r["temperature"],
                    names[o.name] + (f" ({t('limiting', lang)})" if limiting else ""),
                    sentence(t(f"kind_{o.kind}", lang)),
                    "–",
                    r["estimate_number"],
                    r["ci"],
                    r["conservative_number"],
                    r["months"],
                ]
            )
    parts.append(
        _table(
            [
                t("storage_temperature", lang),
                t("attribute", lang),
                t("model", lang),
                "Ea [kJ/mol] (95 %)",
                f"{t('shelf_life', lang)} [{days}]",
                f"{t('ci95', lang)} [{days}]",
                f"{t('conservative', lang)} [{days}]",
                t("months_days", lang),
            ],
            rows,
            {0, 3, 4, 5, 6},
        )
    )
    parts.append(_warnings_html(notice_rows(analysis.notices, lang, names), lang))
    parts.append("</div>")
    return "".join(parts)
