"""The uncertainty of the verdict in plain words, for the HTML durability report.

One paragraph per storage temperature: the shelf life with its 95 % interval and
conservative value, how far the storage temperature lies outside the tested ones (and how
much wider the interval is there than at the nearest tested temperature), and how far the
shelf life reaches beyond the longest storage time; then what the interval and the
conservative value mean. The numbers come from the analysis objects.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .i18n import format_celsius, format_days, format_number, t
from .verdict import _names

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis


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
