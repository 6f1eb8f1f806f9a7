"""The HTML report of a real-time (ICH Q1E) study: :func:`_build_report`.

Verdict (shelf life per storage condition, the limiting attribute and worst-case batch),
every attribute's shelf life, the uncertainty in plain words, the study design, one section
per attribute and condition (:mod:`.attribute_section`), the method statement with
references, reproducibility (software, inputs, the method's settings) and the sign-off. The
template is ``realtime.html.j2``; the sign-off, time stamp and seeds are those of the
kinetics report (:mod:`shelflife.report.builder`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .attribute_section import _attribute_sections
from .results import _to_days, mean_crossing
from .settings import ALPHA_POOL, DIDS_VARIANT, LEVEL
from .text import _bound_phrase, _condition_text, _months_days, _time_text, _unit_word

if TYPE_CHECKING:  # pragma: no cover
    from .results import RealTimeAnalysis

__all__ = ["REFERENCES", "TEMPLATE"]

#: Template of the report in ``shelflife/report/templates``.
TEMPLATE = "realtime.html.j2"
#: References of the report's method statement (not translated).
REFERENCES: tuple[str, ...] = (
    "ICH Q1E, Evaluation for Stability Data. International Council for Harmonisation, 2003.",
    "D. LeBlond, D. Griffith and K. Aubuchon, “Linear Regression 102: Stability Shelf Life "
    "Estimation Using Analysis of Covariance,” J. Valid. Technol., vol. 17, no. 3, "
    "pp. 47–68, 2011.",
    "ICH Q1A(R2), Stability Testing of New Drug Substances and Products. International "
    "Council for Harmonisation, 2003.",
)


def _verdict(analysis: RealTimeAnalysis, lang: str) -> list[dict[str, str]]:
    from ..report.i18n import format_days, t

    out = []
    for T in analysis.storage_temperatures:
        name = analysis.limiting_at(T)
        cond = _condition_text(analysis, T, lang)
        if name is None:
            out.append(
                {
                    "condition": cond,
                    "big": t("never", lang),
                    "md": t("none_limiting", lang),
                    "attribute": "–",
                    "worst": "",
                    "basis": "",
                    "mean": "",
                }
            )
            continue
        a = analysis[name]
        r = a.result_at(T)
        days = _to_days(r, r.shelf_life)
        finite = math.isfinite(r.shelf_life) and r.shelf_life > 0
        md = ""
        if finite:
            md = _months_days(days, lang)
            if r.time_unit not in ("day", "d"):
                md = f"{format_days(days, lang)} · {md}"
        mt, _ = mean_crossing(r)
        out.append(
            {
                "condition": cond,
                "big": _time_text(r.shelf_life, r.time_unit, lang),
                "md": md,
                "attribute": a.attribute.display_name,
                "worst": r.worst_batch if r.worst_batch is not None else t("rt_pooled", lang),
                "basis": f"{_bound_phrase(r, lang)} (ICH Q1E)",
                "mean": f"{_time_text(mt, r.time_unit, lang)} ({t('rt_mean_crossing_note', lang)})"
                if finite
                else "",
            }
        )
    return out


def _all_rows(analysis: RealTimeAnalysis, lang: str) -> list[dict[str, Any]]:
    from ..report.i18n import format_number, t

    rows = []
    for T in analysis.storage_temperatures:
        limiting = analysis.limiting_at(T)
        for a in analysis.attributes:
            r = a.result_at(T)
            days = _to_days(r, r.shelf_life)
            mt, _ = mean_crossing(r)
            rows.append(
                {
                    "condition": _condition_text(analysis, T, lang),
                    "attribute": a.attribute.display_name,
                    "limiting": a.attribute.name == limiting,
                    "model": f"{r.model} ({t(f'rt_model_{r.model}', lang)})",
                    "worst": r.worst_batch if r.worst_batch is not None else t("rt_pooled", lang),
                    "shelf_life": _time_text(r.shelf_life, r.time_unit, lang),
                    "days": format_number(days, lang, 1) if math.isfinite(days) else "–",
                    "months": _months_days(days, lang),
                    "mean": _time_text(mt, r.time_unit, lang),
                }
            )
    return rows


def _design(analysis: RealTimeAnalysis, lang: str) -> dict[str, Any]:
    from ..report.builder import attribute_design_row
    from ..report.i18n import format_number, t

    st = analysis.study
    attrs = []
    for a in analysis.attributes:
        attrs.append(
            {
                **attribute_design_row(a.attribute, lang),
                "scale": t(f"rt_scale_{a.transform or 'none'}", lang),
                "n": str(int(a.q1e.value.size)),
            }
        )
    first = analysis.attributes[0].q1e if analysis.attributes else None
    if first is not None:
        unit = _unit_word(first.time_unit, lang)
        times = sorted({float(x) for x in first.time})
        pulls = ", ".join(format_number(x, lang, 6, significant=True, trim=True) for x in times)
        batches = ", ".join(first.batches)
        longest = f"{format_number(first.last_time, lang, 6, significant=True, trim=True)} {unit}"
        pulls = f"{pulls} {unit}"
    else:  # pragma: no cover - a study always has an attribute
        pulls = batches = longest = "–"
    return {
        "attributes": attrs,
        "conditions": "; ".join(
            _condition_text(analysis, T, lang) for T in analysis.storage_temperatures
        ),
        "batches": batches,
        "pulls": pulls,
        "longest": longest,
        "n_rows": str(len(st.data)),
    }


def _settings(analysis: RealTimeAnalysis, lang: str) -> list[tuple[str, str]]:
    from ..report.i18n import format_number, t

    return [
        (t("rt_alpha_pool", lang), format_number(ALPHA_POOL, lang, 2)),
        (t("rt_level", lang), f"{format_number(100 * LEVEL, lang, 0)} %"),
        (t("rt_dids_variant", lang), t(f"rt_dids_{DIDS_VARIANT}", lang)),
    ]


def _uncertainty(analysis: RealTimeAnalysis, lang: str) -> list[str]:
    """The shelf life, its bound and the extrapolation in time, in plain words."""
    from ..report.i18n import format_number, t

    out = []
    for T in analysis.storage_temperatures:
        cond = _condition_text(analysis, T, lang)
        name = analysis.limiting_at(T)
        r = analysis[name].result_at(T) if name is not None else None
        if r is None or not (math.isfinite(r.shelf_life) and r.shelf_life > 0):
            out.append(t("unc_none", lang, temperature=cond))
            continue
        shelf_life = _time_text(r.shelf_life, r.time_unit, lang)
        mt, _ = mean_crossing(r)
        worst = "" if r.worst_batch is None else t("rt_unc_worst", lang, batch=r.worst_batch)
        parts = [
            t(
                "rt_unc_bound",
                lang,
                condition=cond,
                attribute=analysis[name].attribute.display_name,
                shelf_life=shelf_life,
                bound=_bound_phrase(r, lang),
                worst=worst,
                mean=_time_text(mt, r.time_unit, lang),
                level=format_number(100 * r.level, lang, 3, significant=True, trim=True),
            ),
            t("rt_unc_condition", lang),
        ]
        longest = _time_text(r.last_time, r.time_unit, lang)
        if r.last_time > 0 and r.shelf_life > r.last_time:
            ratio = format_number(r.shelf_life / r.last_time, lang, 1)
            parts.append(t("rt_unc_beyond", lang, ratio=ratio, longest=longest))
        else:
            parts.append(t("rt_unc_within", lang, longest=longest))
        out.append(" ".join(parts))
    return out


def _build_report(
    analysis: RealTimeAnalysis,
    lang: str = "en",
    *,
    extras: Any = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> str:
    """The HTML report (see :meth:`RealTimeAnalysis.report`).

    ``extras`` add their sections before the method statement; ``signoff`` overrides the
    study's ``[report]`` table; ``timestamp`` (a datetime) is printed when given (see
    :func:`shelflife.report.builder.build_report`).
    """
    from ..report.builder import (
        _environment,
        format_timestamp,
        resolve_signoff,
        seeds_text,
        signoff_context,
    )
    from ..report.html_tables import notice_rows
    from ..report.i18n import check_lang, labels, t
    from ..report.reproducibility import _software

    check_lang(lang)
    st = analysis.study
    names = {a.attribute.name: a.attribute.display_name for a in analysis.attributes}
    hashes = st.source.get("sha256", {}) if isinstance(st.source, dict) else {}
    settings = _settings(analysis, lang)
    conditions = "; ".join(
        _condition_text(analysis, T, lang) for T in analysis.storage_temperatures
    )
    context = {
        "lang": lang,
        "L": labels(lang),
        # the stylesheet of the kinetics report, verbatim (our own template text)
        "product": st.product or st.name,
        "study_name": st.name,
        "verdict": _verdict(analysis, lang),
        "all_rows": _all_rows(analysis, lang),
        "warnings": notice_rows(analysis.notices, lang, names),
        "uncertainty": _uncertainty(analysis, lang),
        "design": _design(analysis, lang),
        "attributes": _attribute_sections(analysis, lang),
        "extra_sections": [x.report_section(lang) for x in extras],
        "method": [t(f"rt_method_{i}", lang) for i in range(1, 5)],
        "references": REFERENCES,
        "settings": settings,
        "options": [(t("rt_storage_condition", lang), [conditions])]
        + [(label, [value]) for label, value in settings],
        "seeds": seeds_text(extras, lang),
        "generated": "" if timestamp is None else format_timestamp(timestamp, lang),
        "signoff": signoff_context(resolve_signoff(st.report_meta, signoff), lang),
        "software": _software(),
        "inputs": sorted((str(k), str(v)) for k, v in dict(hashes).items()),
    }
    return _environment().get_template(TEMPLATE).render(**context)
