"""The short plain-text summary of an analysis (what ``shelflife analyze`` prints).

Every number comes from the :class:`~shelflife.analysis.StudyAnalysis`; nothing is
recomputed here.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .i18n import (
    check_lang,
    format_celsius,
    format_days,
    format_number,
    months_days_text,
    sentence,
    t,
    unit_label,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import AttributeAnalysis, StudyAnalysis

__all__ = ["summary_text", "order_text", "temperature_text", "limit_text", "isoconversion_differs"]


def order_text(order: str, lang: str = "en") -> str:
    """``"First order"`` / ``"Orde satu"`` for an order name (unknown names as given)."""
    key = f"order_{order}"
    from .i18n import LABELS

    return t(key, lang) if key in LABELS else order


def temperature_text(name: str, lang: str = "en") -> str:
    """``"Arrhenius"``, ``"Arrhenius terkoreksi kelembapan"``... for a temperature model name."""
    key = f"tmodel_{name}"
    from .i18n import LABELS

    return t(key, lang) if key in LABELS else name


def isoconversion_differs(analysis_attribute: AttributeAnalysis) -> bool:
    """Whether the isoconversion Ea and the one-step Ea disagree.

    The isoconversion Ea differs from the one-step Ea by more than the half-width of its
    (symmetric) interval, and the one-step Ea lies outside the isoconversion interval (when
    that interval exists). ``False`` when either value is missing.
    """
    iso = analysis_attribute.isoconversion
    ea = analysis_attribute.fit.parameters.get("activation_energy")
    if iso is None or ea is None:
        return False
    half = (ea.ci95[1] - ea.ci95[0]) / 2.0
    diff = abs(iso.activation_energy - ea.value)
    if not (math.isfinite(diff) and math.isfinite(half) and diff > half):
        return False
    # ...and the one-step Ea lies outside the isoconversion interval (with three
    # temperatures that interval is very wide, and the difference then means little)
    lo, hi = iso.ci95
    return bool(not (math.isfinite(lo) and math.isfinite(hi)) or not lo <= ea.value <= hi)


def limit_text(analysis_attribute: AttributeAnalysis, lang: str = "en") -> str:
    """``"limit 10 meq/kg, fails when rising above the limit"``."""
    a = analysis_attribute.attribute
    direction = t("direction_max" if a.direction == "max" else "direction_min", lang)
    limit = format_number(a.limit, lang, 6, significant=True, trim=True)
    return f"{t('limit', lang).lower()} {limit} {unit_label(a.unit, lang)}, {direction}"


def _attribute_name(analysis: StudyAnalysis, name: str | None) -> str:
    if name is None:
        return "–"
    return analysis.display_names().get(name, name)


def summary_text(analysis: StudyAnalysis, lang: str = "en") -> str:
    r"""Plain-text summary of an analysis (what the CLI prints).

    Product, storage temperatures, per attribute the model, Ea and shelf life with
    intervals, the limiting attribute and the warnings.

    Parameters
    ----------
    analysis : StudyAnalysis
    lang : {"en", "id"}
        English or Bahasa Indonesia (decimal commas, "x bulan y hari").

    Returns
    -------
    str
        Lines separated by ``"\n"``; warnings start with ``"! "``.
    """
    check_lang(lang)
    st = analysis.study
    lines = [f"{t('summary_title', lang)}: {st.product or st.name}"]
    temps = ", ".join(format_celsius(T, lang) for T in analysis.storage_temperatures)
    lines.append(f"{t('storage_temperatures', lang)}: {temps or '–'}")
    ci = t("ci95", lang)
    for aa in analysis.attributes:
        a, fit = aa.attribute, aa.fit
        lines.append("")
        lines.append(
            f"{a.display_name} [{unit_label(a.unit, lang)}] ({limit_text(aa, lang)}): "
            f"{order_text(fit.order, lang).lower()}, "
            f"{temperature_text(fit.model.temperature.name, lang)}"
        )
        ea = fit.parameters.get("activation_energy")
        if ea is not None:
            lines.append(
                f"  Ea = {format_number(ea.value, lang, 1)} kJ/mol ({ci} "
                f"{format_number(ea.ci95[0], lang, 1)} {t('to', lang)} "
                f"{format_number(ea.ci95[1], lang, 1)})"
            )
        if isoconversion_differs(aa):
            iso = aa.isoconversion
            low, high = iso.ci95
            lines.append(
                "  "
                + t(
                    "iso_summary_line",
                    lang,
                    ea=format_number(iso.activation_energy, lang, 1),
                    ci=ci,
                    low=format_number(low, lang, 1),
                    high=format_number(high, lang, 1),
                )
            )
        for s in aa.shelf_lives:
            head = f"  {format_celsius(s.temperature, lang)}: {t('shelf_life', lang).lower()} "
            est = format_days(s.estimate, lang)
            if s.estimate > 0 and s.estimate != float("inf"):
                lines.append(
                    f"{head}{est} ({months_days_text(s.estimate, lang)}), {ci} "
                    f"{format_number(s.ci95[0], lang, 1)}–{format_number(s.ci95[1], lang, 1)} "
                    f"{t('days', lang)}; "
                    f"{t('conservative', lang).lower()} {format_days(s.conservative, lang)} "
                    f"({months_days_text(s.conservative, lang)})"
                )
            else:
                lines.append(f"{head}{est}")
    for o in analysis.others:
        lines.append("")
        lines.extend(o.summary_lines(lang))
    lines.append("")
    by_temp = [(T, analysis.limiting_at(T)) for T in analysis.storage_temperatures]
    names = {name for _, name in by_temp}
    if len(names) == 1 and by_temp:
        lines.append(
            f"{t('limiting_attribute', lang)}: {_attribute_name(analysis, by_temp[0][1])}"
        )
    else:
        for T, name in by_temp:
            lines.append(
                f"{t('limiting_attribute', lang)} ({format_celsius(T, lang)}): "
                f"{_attribute_name(analysis, name)}"
            )
    notices = analysis.notices
    for n in notices:
        lines.append(f"! {sentence(n.message(lang))}")
    return "\n".join(lines) + "\n"
