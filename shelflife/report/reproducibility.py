"""The reproducibility section of the reports: software, time stamp, seeds and options.

The software versions (:func:`_software`), the report's time stamp
(:func:`format_timestamp`), the random seeds of the results shown (:func:`seeds_text`), the
confidence level of the intervals (:func:`confidence_level`) and the settings that change
the result of a kinetics analysis (:func:`_options`). The time stamp, seeds and software
list are shared with the real-time (ICH Q1E) and critical-moisture reports.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import LABELS, format_celsius, format_date, format_number, t
from .text import order_text, temperature_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis

__all__ = ["format_timestamp", "seeds_text", "confidence_level"]


def _software() -> list[tuple[str, str]]:
    from .. import __version__

    out = [("shelflife", __version__), ("Python", sys.version.split()[0])]
    for mod in ("numpy", "scipy", "pandas", "matplotlib"):
        m = sys.modules.get(mod)
        if m is not None:
            out.append((mod, str(getattr(m, "__version__", "?"))))
    return out


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
