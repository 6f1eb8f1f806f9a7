"""The words of a real-time (ICH Q1E) result: phrases, the CLI summary, the notebook table.

Time values in the study's time unit (``"18.97 months"``), the storage condition, the
pooling model and the confidence bound in plain words, the shelf life with its months and
days; :func:`_summary_text` (what the CLI prints) and :func:`_html_summary` (the compact
table shown in Jupyter). The report reuses the phrases. Labels come from
:mod:`shelflife.report.i18n`, imported on first use.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .results import _to_days, mean_crossing

if TYPE_CHECKING:  # pragma: no cover
    from ..q1e import Q1EResult
    from .results import RealTimeAnalysis


def _months_days(days: float, lang: str) -> str:
    from ..report.i18n import months_days_text

    return months_days_text(days, lang)


def _unit_word(unit: str, lang: str) -> str:
    from ..report.i18n import LABELS, t, unit_label

    key = f"rt_unit_{unit}"
    return t(key, lang) if key in LABELS else unit_label(unit, lang)


def _unit_one(unit: str, lang: str) -> str:
    """The time unit in a compound unit (``%/month``, ``%/bulan``)."""
    return _unit_word(unit, lang) if lang == "id" else unit


def _time_number(x: float, unit: str, lang: str) -> str:
    from ..report.i18n import format_number

    return format_number(x, lang, 1 if unit in ("day", "d") else 2)


def _time_text(x: float, unit: str, lang: str) -> str:
    """``"18.97 months"``; the phrases of :func:`format_days` at 0 and infinity."""
    from ..report.i18n import format_days

    if not math.isfinite(x) or x == 0:
        return format_days(x, lang)
    return f"{_time_number(x, unit, lang)} {_unit_word(unit, lang)}"


def _condition_text(analysis: RealTimeAnalysis, T: float, lang: str) -> str:
    from ..report.i18n import format_celsius, format_number

    text = format_celsius(T, lang)
    rh = analysis.study.storage_rh
    if rh:
        text += f", {format_number(rh, lang, 1, trim=True)} % RH"
    return text


def _model_phrase(r: Q1EResult, lang: str) -> str:
    from ..report.i18n import format_number, t

    how = t(f"rt_selection_{r.selection}", lang, alpha=format_number(r.alpha_pool, lang, 2))
    return t("rt_model_line", lang, model=r.model, title=t(f"rt_model_{r.model}", lang), how=how)


def _bound_phrase(r: Q1EResult, lang: str) -> str:
    from ..report.i18n import format_number, t

    sided = t("rt_two_sided" if r.sided == "two-sided" else "rt_one_sided", lang)
    level = format_number(100 * r.level, lang, 3, significant=True, trim=True)
    return t("rt_bound_text", lang, sided=sided, level=level)


def _shelf_life_phrase(r: Q1EResult, lang: str) -> str:
    from ..report.i18n import format_days

    sl = r.shelf_life
    days = _to_days(r, sl)
    if not math.isfinite(sl) or sl == 0:
        return format_days(days if math.isfinite(days) else sl, lang)
    text = _time_text(sl, r.time_unit, lang)
    if r.time_unit not in ("day", "d"):
        text += f" = {format_days(days, lang)}"
    return f"{text} ({_months_days(days, lang)})"


def _summary_text(analysis: RealTimeAnalysis, lang: str) -> str:
    from ..report.i18n import check_lang, format_celsius, sentence, t, unit_label
    from ..report.text import limit_text

    check_lang(lang)
    st = analysis.study
    lines = [f"{t('summary_title', lang)}: {st.product or st.name}"]
    conds = "; ".join(_condition_text(analysis, T, lang) for T in analysis.storage_temperatures)
    lines.append(f"{t('rt_storage_condition', lang)}: {conds or '–'}")
    first = analysis.attributes[0].q1e if analysis.attributes else None
    if first is not None:
        batches = ", ".join(first.batches)
        lines.append(
            f"{t('method', lang)}: {t('rt_method_name', lang)}; "
            f"{t('rt_batches', lang).lower()} ({len(first.batches)}): {batches}"
        )
    for a in analysis.attributes:
        attr = a.attribute
        lines.append("")
        lines.append(
            f"{attr.display_name} [{unit_label(attr.unit, lang)}] ({limit_text(a, lang)}): "
            f"{_model_phrase(a.q1e, lang)}"
        )
        for T, r in zip(a.temperatures, a.results, strict=True):
            parts = [f"{t('shelf_life', lang).lower()} {_shelf_life_phrase(r, lang)}"]
            if math.isfinite(r.shelf_life) and r.shelf_life > 0:
                worst = r.worst_batch if r.worst_batch is not None else t("rt_pooled", lang)
                parts.append(f"{t('rt_worst_batch', lang).lower()}: {worst}")
                mt, _ = mean_crossing(r)
                parts.append(
                    f"{t('rt_mean_crossing', lang).lower()}: "
                    f"{_time_text(mt, r.time_unit, lang)} ({t('rt_mean_crossing_note', lang)})"
                )
            lines.append(f"  {format_celsius(T, lang)}: " + "; ".join(parts))
    lines.append("")
    by_temp = [(T, analysis.limiting_at(T)) for T in analysis.storage_temperatures]
    names = {a.attribute.name: a.attribute.display_name for a in analysis.attributes}
    if len({n for _, n in by_temp}) == 1 and by_temp:
        name = by_temp[0][1]
        lines.append(f"{t('limiting_attribute', lang)}: {names.get(name, '–') if name else '–'}")
    else:
        for T, name in by_temp:
            lines.append(
                f"{t('limiting_attribute', lang)} ({format_celsius(T, lang)}): "
                f"{names.get(name, '–') if name else '–'}"
            )
    for n in analysis.notices:
        lines.append(f"! {sentence(n.message(lang))}")
    return "\n".join(lines) + "\n"


def _html_summary(analysis: RealTimeAnalysis, lang: str) -> str:
    from html import escape

    from ..report.html_tables import _table, _warnings_html, notice_rows
    from ..report.i18n import format_celsius, format_number, t

    names = {a.attribute.name: a.attribute.display_name for a in analysis.attributes}
    st = analysis.study
    rows = []
    for a in analysis.attributes:
        for T, r in zip(a.temperatures, a.results, strict=True):
            limiting = analysis.limiting_at(T) == a.attribute.name
            days = _to_days(r, r.shelf_life)
            rows.append(
                [
                    format_celsius(T, lang),
                    names[a.attribute.name] + (f" ({t('limiting', lang)})" if limiting else ""),
                    f"{r.model} ({t(f'rt_model_{r.model}', lang)})",
                    r.worst_batch if r.worst_batch is not None else t("rt_pooled", lang),
                    _time_text(r.shelf_life, r.time_unit, lang),
                    format_number(days, lang, 1) if math.isfinite(days) else "–",
                    _months_days(days, lang),
                ]
            )
    day = t("day", lang)
    table = _table(
        [
            t("rt_storage_condition", lang),
            t("attribute", lang),
            t("rt_pooling", lang),
            t("rt_worst_batch", lang),
            t("shelf_life", lang),
            f"{t('shelf_life', lang)} [{day}]",
            t("months_days", lang),
        ],
        rows,
        {0, 4, 5},
    )
    head = (
        f"<div><p><strong>{escape(st.product or st.name)}</strong> &mdash; "
        f"{escape(t('rt_method_name', lang))}</p>"
    )
    return (
        head + table + _warnings_html(notice_rows(analysis.notices, lang, names), lang) + "</div>"
    )
