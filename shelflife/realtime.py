"""Real-time studies: ICH Q1E batch analysis of a whole study, with JSON, summary and report.

A study whose ``study.toml`` says ``[study] method = "ich_q1e"`` holds real-time data:
several production batches (column ``batch``) stored at the intended storage condition and
measured over months. :func:`analyze_realtime` evaluates every attribute with
:func:`shelflife.q1e.q1e` at each storage temperature of the study, names the limiting
attribute (the shortest shelf life) and returns an immutable :class:`RealTimeAnalysis` that
works like :class:`shelflife.analysis.StudyAnalysis`: ``to_dict``/``to_json`` (the result
JSON of DESIGN.md §5, with ``"method": "ich_q1e"``), ``summary_text``, ``report`` (a
self-contained HTML report in English or Bahasa Indonesia), ``write`` and ``_repr_html_``.
:func:`shelflife.analyze` routes such studies here, so the CLI needs nothing else.

How the study file maps onto the Q1E analysis:

- every ``[[attributes]]`` entry is analysed; its ``limit`` and ``direction`` give the
  specification (``"min"``: a lower limit, ``"max"``: an upper limit);
- ``model = "zero"`` or ``"auto"``: a straight line in the attribute's unit (the ICH Q1E
  default); ``model = "first"``: a straight line in the logarithm of the attribute
  (first-order change); other orders are refused for this method;
- ``[conditions] storage``: the storage temperature(s) at which shelf life is wanted; each
  must be present in the data (real-time analysis does not extrapolate in temperature);
- a data file without a ``batch`` column (or with an empty one) is analysed as a single batch
  labelled ``"1"``, with the ``q1e_single_batch`` notice;
- fixed settings: poolability tests at ``alpha_pool`` = 0.25, one-sided 95 % confidence
  bound of the mean, separate-slopes model from individual batch fits (as JMP and expirest).

Examples
--------
>>> import shelflife as sl                                        # doctest: +SKIP
>>> res = sl.analyze(sl.read_study("sample_data/gula-semut-realtime"))  # doctest: +SKIP
>>> res.limiting_attribute                                        # doctest: +SKIP
'moisture'
>>> res["moisture"].q1e.shelf_life                                # doctest: +SKIP
18.97...
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from . import __version__
from .errors import InputError, Notice
from .q1e import TREND_ALPHA, Q1EResult, bound_crossing, q1e
from .q1e._common import _FORWARD, MODEL_TITLES
from .q1e._common import _num as _json_num

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from .study import Attribute, Study

__all__ = [
    "analyze_realtime",
    "RealTimeAnalysis",
    "RealTimeAttribute",
    "mean_crossing",
    "METHOD",
    "ALPHA_POOL",
    "LEVEL",
    "DIDS_VARIANT",
    "SINGLE_BATCH_LABEL",
    "REFERENCES",
    "TEMPLATE",
]

#: Value of ``[study] method`` (and of ``"method"`` in the result JSON).
METHOD = "ich_q1e"
#: Significance level of the poolability tests (ICH Q1E).
ALPHA_POOL = 0.25
#: Confidence level of the bound whose crossing is the shelf life (ICH Q1E).
LEVEL = 0.95
#: How the separate-slopes (dids) model gives its shelf life (JMP and expirest default).
DIDS_VARIANT = "individual"
#: Batch label given to every measurement when the data file has no ``batch`` column.
SINGLE_BATCH_LABEL = "1"
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

#: ``[[attributes]] model`` -> transformation of the response in the Q1E regression.
_TRANSFORMS: dict[str, str | None] = {"auto": None, "zero": None, "first": "log"}
#: Size of the Q1E plot in the report [inch]; the legend sits right of the axes.
_FIGSIZE = (7.4, 3.6)
_MARGINS = {"left": 0.085, "right": 0.68, "bottom": 0.135, "top": 0.91}


# =========================================================================== helpers
def _celsius(T_K: float) -> float:
    return round(float(T_K) - 273.15, 6)


def mean_crossing(res: Q1EResult) -> tuple[float, str | None]:
    """Earliest time at which a fitted *mean* line of the chosen model meets a limit.

    This is the analogue of the kinetic "estimate" (the mean reaching the limit); the ICH
    Q1E shelf life itself uses the confidence bound. Lines are compared on the fitted
    (transformed) scale, where the limits are transformed alike.

    Parameters
    ----------
    res : Q1EResult

    Returns
    -------
    time : float
        [``res.time_unit``]; ``inf`` if no mean line reaches a limit, 0 if one starts
        beyond it.
    batch : str or None
        The batch whose mean line meets the limit first (``None`` for the common line of
        the cics model, or when there is no crossing).
    """
    best, batch = math.inf, None
    for ln in res.selected.lines:
        for side, limit in (("lower", res.lower), ("upper", res.upper)):
            if limit is None:
                continue
            with np.errstate(all="ignore"):
                lim = float(_FORWARD[res.transform](np.array([float(limit)]))[0])
            x = float(bound_crossing(ln.intercept, ln.slope, 0.0, 0.0, 0.0, lim, side, 0.0))
            if x < best:
                best, batch = x, ln.batch
    return best, batch


def _to_days(res: Q1EResult, x: float) -> float:
    per = res.days_per_time_unit
    return math.nan if per is None else float(x) * per


# =========================================================================== results
@dataclass(frozen=True)
class RealTimeAttribute:
    """The ICH Q1E evaluation of one attribute at each storage condition.

    Attributes
    ----------
    attribute : Attribute
    results : tuple of Q1EResult
        One per storage temperature, in the order of :attr:`temperatures`.
    temperatures : tuple of float
        Storage temperatures [K].
    transform : {None, "log"}
        Scale of the regression (from the attribute's ``model``).
    """

    attribute: Attribute
    results: tuple[Q1EResult, ...]
    temperatures: tuple[float, ...]
    transform: str | None = None

    @property
    def q1e(self) -> Q1EResult:
        """The Q1E result at the first storage temperature."""
        return self.results[0]

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The notices of every condition, in order."""
        return tuple(n for r in self.results for n in r.notices)

    def result_at(self, temperature_K: float) -> Q1EResult | None:
        """The Q1E result at a storage temperature [K] (``None`` if not analysed)."""
        for T, r in zip(self.temperatures, self.results, strict=True):
            if abs(T - float(temperature_K)) < 1e-6:
                return r
        return None

    def shelf_life_days(self, temperature_K: float | None = None) -> float:
        """ICH Q1E shelf life at a storage temperature (the first by default) [day]."""
        r = self.q1e if temperature_K is None else self.result_at(temperature_K)
        if r is None:
            return math.nan
        return _to_days(r, r.shelf_life)

    def _shelf_life_entry(self, T: float, r: Q1EResult) -> dict[str, Any]:
        from .units import format_duration

        days = _to_days(r, r.shelf_life)
        mean_t, mean_batch = mean_crossing(r)
        mean_days = _to_days(r, mean_t)
        return {
            "temperature": {"value": _celsius(T), "unit": "degC"},
            "estimate": {"value": _json_num(days), "unit": "day"},
            "ci95": [None, None],
            "conservative": {"value": _json_num(days), "unit": "day"},
            "months_days": format_duration(days, "en"),
            "months_days_id": format_duration(days, "id"),
            "in_time_unit": {"value": _json_num(r.shelf_life), "unit": r.time_unit},
            "worst_batch": r.worst_batch,
            "limiting_side": r.limiting_side,
            "mean_crossing": {
                "value": _json_num(mean_days),
                "unit": "day",
                "in_time_unit": {"value": _json_num(mean_t), "unit": r.time_unit},
                "batch": mean_batch,
            },
        }

    def to_dict(self) -> dict[str, Any]:
        """The attribute block of the result JSON (see :meth:`RealTimeAnalysis.to_dict`)."""
        a = self.attribute
        r = self.q1e
        out: dict[str, Any] = {
            "name": a.name,
            "unit": a.unit,
            "limit": a.limit_dict(),
            **({"reaction": a.reaction} if a.reaction else {}),
            "model": {
                "method": METHOD,
                "pooling": r.model,
                "pooling_title": MODEL_TITLES[r.model],
                "selection": r.selection,
                "order": "first" if self.transform == "log" else "zero",
                "transform": self.transform,
                "interval": r.interval,
                "level": r.level,
                "alpha_pool": r.alpha_pool,
                "dids_variant": r.dids_variant,
            },
            "shelf_life": [
                self._shelf_life_entry(T, res)
                for T, res in zip(self.temperatures, self.results, strict=True)
            ],
            "q1e": r.to_dict(),
            "warnings": [n.to_dict() for n in self.notices],
        }
        if len(self.results) > 1:
            out["q1e_by_condition"] = [
                {"temperature": {"value": _celsius(T), "unit": "degC"}, "q1e": res.to_dict()}
                for T, res in zip(self.temperatures, self.results, strict=True)
            ]
        return out


@dataclass(frozen=True)
class RealTimeAnalysis:
    """Result of :func:`analyze_realtime`: every attribute of a real-time study, and the verdict.

    The shelf life of each attribute is the ICH Q1E value: the earliest time at which the
    one-sided 95 % confidence bound of the mean regression line (of the worst-case batch
    when batches cannot be pooled) meets the specification limit.

    **Why ``estimate`` equals ``conservative`` in the JSON.** For accelerated kinetics the
    result JSON gives the time at which the fitted *mean* reaches the limit as
    ``estimate``, its confidence interval as ``ci95``, and the ICH Q1E-style bound crossing
    as ``conservative`` (DESIGN.md §6). ICH Q1E defines the shelf life of real-time data
    directly as the bound crossing, so the one number that the guideline supports is both
    the estimate and the conservative value; ``ci95`` is ``[null, null]`` because the
    guideline defines no interval around it. The mean-line crossing (the kinetic-style
    estimate) is still given, for comparison only, as ``"mean_crossing"`` in each
    shelf-life entry; it is never the basis of a label date.

    Attributes
    ----------
    study : Study
    attributes : tuple of RealTimeAttribute
    storage_temperatures : tuple of float
        [K]
    batch_column : bool
        ``False`` when the data file had no batch column and was analysed as one batch.
    """

    study: Study
    attributes: tuple[RealTimeAttribute, ...]
    storage_temperatures: tuple[float, ...]
    batch_column: bool = True

    # ------------------------------------------------------------ accessors
    @property
    def method(self) -> str:
        """``"ich_q1e"``."""
        return METHOD

    def __getitem__(self, name: str) -> RealTimeAttribute:
        for a in self.attributes:
            if a.attribute.name == name:
                return a
        self.study.attribute(name)  # raises with the list of names
        raise KeyError(name)  # pragma: no cover

    @property
    def results(self) -> dict[str, Q1EResult]:
        """Attribute name -> Q1E result at the first storage temperature."""
        return {a.attribute.name: a.q1e for a in self.attributes}

    @property
    def notices(self) -> tuple[Notice, ...]:
        """All notices: the data's (from reading them), then attribute by attribute."""
        found = (n for a in self.attributes for n in a.notices)
        return (*getattr(self.study, "notices", ()), *found)

    def limiting_at(self, temperature_K: float) -> str | None:
        """Attribute with the shortest shelf life at a storage temperature [K].

        ``None`` when no attribute's bound meets its limit there.
        """
        best, best_t = None, math.inf
        for a in self.attributes:
            d = a.shelf_life_days(temperature_K)
            if d < best_t:
                best, best_t = a.attribute.name, d
        return best

    @property
    def limiting_attribute(self) -> str | None:
        """Attribute with the shortest shelf life at the first storage temperature."""
        if not self.storage_temperatures:
            return None
        return self.limiting_at(self.storage_temperatures[0])

    def summary(self) -> pd.DataFrame:
        """One row per attribute and storage temperature."""
        import pandas as pd

        rows = []
        for a in self.attributes:
            for T, r in zip(a.temperatures, a.results, strict=True):
                mt, mb = mean_crossing(r)
                days = _to_days(r, r.shelf_life)
                rows.append(
                    {
                        "attribute": a.attribute.name,
                        "temperature [°C]": _celsius(T),
                        "model": r.model,
                        "selection": r.selection,
                        "batches": len(r.batches),
                        "worst batch": r.worst_batch,
                        f"shelf life [{r.time_unit}]": r.shelf_life,
                        "shelf life [day]": days,
                        "months + days": _months_days(days, "en"),
                        "mean line crossing [day]": _to_days(r, mt),
                        "limiting": a.attribute.name == self.limiting_at(T),
                    }
                )
        return pd.DataFrame(rows)

    # ---------------------------------------------------------------- outputs
    def summary_text(self, lang: str = "en") -> str:
        """Short plain-text summary (what the CLI prints), in ``"en"`` or ``"id"``."""
        return _summary_text(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """The result JSON (DESIGN.md §5 contract, ``"method": "ich_q1e"``).

        Per attribute: ``model`` = ``{"method": "ich_q1e", "pooling": "cics"|"dics"|"dids",
        ...}``; ``shelf_life`` = one entry per storage temperature with ``estimate`` and
        ``conservative`` both the ICH Q1E shelf life in days, ``ci95`` = ``[null, null]``,
        and the added keys ``in_time_unit``, ``worst_batch``, ``limiting_side`` and
        ``mean_crossing``; ``q1e`` = :meth:`Q1EResult.to_dict` at the first storage
        temperature (and ``q1e_by_condition`` when there are several).
        """
        st = self.study
        return {
            "schema": _schema(),
            "software": {"name": "shelflife", "version": __version__},
            "study": {
                "name": st.name,
                "product": st.product,
                "inputs": st.source.get("sha256", {}) if isinstance(st.source, dict) else {},
            },
            "method": METHOD,
            "storage_conditions": [
                {
                    "temperature": {"value": _celsius(T), "unit": "degC"},
                    **({"rh": {"value": st.storage_rh, "unit": "%"}} if st.storage_rh else {}),
                }
                for T in self.storage_temperatures
            ],
            "attributes": [a.to_dict() for a in self.attributes],
            "limiting_attribute": self.limiting_attribute,
            "limiting_attribute_by_condition": [
                {
                    "temperature": {"value": _celsius(T), "unit": "degC"},
                    "attribute": self.limiting_at(T),
                }
                for T in self.storage_temperatures
            ],
            "warnings": [n.to_dict() for n in self.notices],
        }

    def to_json(self, indent: int = 2) -> str:
        """The result JSON as text (deterministic: same inputs, same bytes)."""
        return (
            json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
        )

    def report(self, lang: str = "en") -> str:
        """Self-contained HTML report in English (``"en"``) or Indonesian (``"id"``).

        Verdict, study design, per attribute the poolability tests, the models, the lines,
        the Q1E plot (inline SVG) and the data per batch; method statement with references;
        reproducibility. The same analysis always gives the same string.
        """
        return _build_report(self, lang)

    def report_pdf(self, lang: str = "en") -> bytes:
        """The report as PDF (the same content as :meth:`report`; deterministic bytes)."""
        from .report.pdf import pdf_from_builder

        return pdf_from_builder(lambda: self.report(lang=lang), lang=lang)

    def write(
        self, out_dir: Any, *, lang: str = "en", formats: str | tuple[str, ...] = ("html",)
    ) -> dict[str, str]:
        """Write ``result.json`` and the report into ``out_dir`` atomically.

        ``formats``: ``"html"`` (``report.html``), ``"pdf"`` (``report.pdf``) or both.
        """
        from .io.output import check_formats, report_files, write_outputs

        formats = check_formats(formats)
        files: dict[str, str | bytes] = {"result.json": self.to_json()}
        files.update(report_files(lambda: self.report(lang=lang), lang=lang, formats=formats))
        return write_outputs(out_dir, files)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        return _html_summary(self, "en")

    def plot(self, ax: Axes | None = None, *, attribute: str | None = None, lang: str = "en"):
        """The Q1E plot of one attribute (the limiting one by default); returns the Axes."""
        name = attribute or (self.limiting_attribute or self.attributes[0].attribute.name)
        return self[name].q1e.plot(ax=ax, lang=lang)


def _schema() -> str:
    from .analysis import SCHEMA

    return SCHEMA


# =========================================================================== analysis
def _transform_for(attr: Attribute) -> str | None:
    if attr.model not in _TRANSFORMS:
        raise InputError(
            "option_unknown",
            what=f"model (method = {METHOD!r})",
            value=attr.model,
            choices=", ".join(_TRANSFORMS),
            key="attributes.model",
        )
    return _TRANSFORMS[attr.model]


def analyze_realtime(
    study: Study, *, storage: Any = None, emit_warnings: bool = True
) -> RealTimeAnalysis:
    """ICH Q1E analysis of every attribute of a real-time study.

    Parameters
    ----------
    study : Study
        Real-time data (usually ``method = "ich_q1e"``) with a ``batch`` column; without
        one, all measurements are taken as one batch (``q1e_single_batch`` notice).
    storage : temperature-like or list of them, optional
        Storage temperatures at which shelf life is wanted; defaults to the study's
        ``[conditions] storage``. Each must be one of the tested temperatures. [°C, K or °F]
    emit_warnings : bool
        Also emit the notices as Python warnings (useful in notebooks).

    Returns
    -------
    RealTimeAnalysis

    Raises
    ------
    shelflife.errors.InputError
        ``q1e_temperature_absent`` (a storage temperature without data),
        ``option_unknown`` (an attribute ``model`` other than ``"auto"``, ``"zero"`` or
        ``"first"``), ``cell_missing`` (a measurement without a batch label), and the
        errors of :func:`shelflife.q1e.fit_q1e` (``q1e_too_few_points``...).
    """
    from .units import to_kelvin

    if storage is None:
        temps = tuple(float(T) for T in study.storage_temperatures)
    else:
        items = storage if isinstance(storage, (list, tuple)) else [storage]
        temps = tuple(float(to_kelvin(s)) for s in items)
    data = study.data
    has_batch = "batch" in data.columns and not data["batch"].isna().all()
    work = study
    if not has_batch:
        work = dataclasses.replace(study, data=data.assign(batch=SINGLE_BATCH_LABEL))
    out = []
    for attr in study.attributes:
        transform = _transform_for(attr)
        results = tuple(
            q1e(
                work,
                attr,
                alpha_pool=ALPHA_POOL,
                level=LEVEL,
                dids_variant=DIDS_VARIANT,
                interval="confidence",
                transform=transform,
                temperature=f"{T!r} K",
                emit_warnings=False,
            )
            for T in temps
        )
        out.append(RealTimeAttribute(attr, results, temps, transform))
    analysis = RealTimeAnalysis(
        study=study,
        attributes=tuple(out),
        storage_temperatures=temps,
        batch_column=has_batch,
    )
    if emit_warnings:
        for n in analysis.notices:
            n.emit(stacklevel=3)
    return analysis


# =========================================================================== text
def _months_days(days: float, lang: str) -> str:
    from .report.i18n import months_days_text

    return months_days_text(days, lang)


def _unit_word(unit: str, lang: str) -> str:
    from .report.i18n import LABELS, t, unit_label

    key = f"rt_unit_{unit}"
    return t(key, lang) if key in LABELS else unit_label(unit, lang)


def _unit_one(unit: str, lang: str) -> str:
    """The time unit in a compound unit (``%/month``, ``%/bulan``)."""
    return _unit_word(unit, lang) if lang == "id" else unit


def _time_number(x: float, unit: str, lang: str) -> str:
    from .report.i18n import format_number

    return format_number(x, lang, 1 if unit in ("day", "d") else 2)


def _time_text(x: float, unit: str, lang: str) -> str:
    """``"18.97 months"``; the phrases of :func:`format_days` at 0 and infinity."""
    from .report.i18n import format_days

    if not math.isfinite(x) or x == 0:
        return format_days(x, lang)
    return f"{_time_number(x, unit, lang)} {_unit_word(unit, lang)}"


def _condition_text(analysis: RealTimeAnalysis, T: float, lang: str) -> str:
    from .report.i18n import format_celsius, format_number

    text = format_celsius(T, lang)
    rh = analysis.study.storage_rh
    if rh:
        text += f", {format_number(rh, lang, 1, trim=True)} % RH"
    return text


def _model_phrase(r: Q1EResult, lang: str) -> str:
    from .report.i18n import format_number, t

    how = t(f"rt_selection_{r.selection}", lang, alpha=format_number(r.alpha_pool, lang, 2))
    return t("rt_model_line", lang, model=r.model, title=t(f"rt_model_{r.model}", lang), how=how)


def _bound_phrase(r: Q1EResult, lang: str) -> str:
    from .report.i18n import format_number, t

    sided = t("rt_two_sided" if r.sided == "two-sided" else "rt_one_sided", lang)
    level = format_number(100 * r.level, lang, 3, significant=True, trim=True)
    return t("rt_bound_text", lang, sided=sided, level=level)


def _shelf_life_phrase(r: Q1EResult, lang: str) -> str:
    from .report.i18n import format_days

    sl = r.shelf_life
    days = _to_days(r, sl)
    if not math.isfinite(sl) or sl == 0:
        return format_days(days if math.isfinite(days) else sl, lang)
    text = _time_text(sl, r.time_unit, lang)
    if r.time_unit not in ("day", "d"):
        text += f" = {format_days(days, lang)}"
    return f"{text} ({_months_days(days, lang)})"


def _summary_text(analysis: RealTimeAnalysis, lang: str) -> str:
    from .report.i18n import check_lang, format_celsius, sentence, t, unit_label
    from .report.text import limit_text

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

    from .report.html_tables import _table, _warnings_html, notice_rows
    from .report.i18n import format_celsius, format_number, t

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


# =========================================================================== report
_SVG_START = re.compile(r"<svg\b")
_SVG_SIZE = re.compile(r'\s(width|height)="[0-9.]+pt"')


def _q1e_svg(res: Q1EResult, lang: str) -> Any:
    """The Q1E plot as inline SVG markup (deterministic: fixed ids, no date)."""
    import matplotlib
    from markupsafe import Markup
    from matplotlib.figure import Figure

    from .plotting import STYLE
    from .report.builder import _FIGURE_FORMAT, _png_img

    buf = io.StringIO()
    # user text (attribute names, batches) shown literally: no TeX from "$" (report/builder.py)
    with matplotlib.rc_context({**STYLE, "text.parse_math": False}):
        fig = Figure(figsize=_FIGSIZE, layout="none")
        fig.subplots_adjust(**_MARGINS)
        ax = fig.add_subplot()
        res.plot(ax=ax, lang=lang)
        if _FIGURE_FORMAT.get() == "png":  # the PDF report places PNG images
            return _png_img(fig)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    start = _SVG_START.search(text)
    text = text[start.start() :] if start else text
    head_end = text.index(">")
    head = _SVG_SIZE.sub("", text[:head_end])
    # our own SVG from matplotlib (text inside it is XML-escaped by matplotlib)
    return Markup(head + ' class="plot" role="img"' + text[head_end:])


def _p_text(p: float, lang: str) -> str:
    from .report.i18n import format_number

    if not math.isfinite(p):
        return "–"
    if p < 1e-4:
        return f"< {format_number(0.0001, lang, 4)}"
    return format_number(p, lang, 4)


def _tests(r: Q1EResult, lang: str) -> list[dict[str, str]]:
    from .report.i18n import format_number, t

    rows = []
    slopes_differ = "batch_time" in r.tests and r.tests["batch_time"].p_value < r.alpha_pool
    for name, test in r.tests.items():
        differ = test.p_value < r.alpha_pool
        alpha: float | None = r.alpha_pool
        if name == "batch_time":
            decision = t("rt_slopes_differ" if differ else "rt_slopes_common", lang)
        elif name == "batch" and slopes_differ and r.selection == "poolability":
            decision, alpha = t("rt_not_used", lang), None
        elif name == "batch":
            decision = t("rt_intercepts_differ" if differ else "rt_intercepts_common", lang)
        elif name == "dids_vs_cics":
            decision = t("rt_differ" if differ else "rt_poolable", lang)
            decision += f", {t('rt_information', lang)}"
        else:
            decision = t(
                "rt_significant" if test.p_value < TREND_ALPHA else "rt_not_significant", lang
            )
            alpha = TREND_ALPHA
        rows.append(
            {
                "test": t(f"rt_test_{name}", lang),
                "code": name,
                "f": format_number(test.f, lang, 4, significant=True),
                "df": f"{test.df_num}, {test.df_den}",
                "p": _p_text(test.p_value, lang),
                "decision": decision
                if alpha is None
                else f"{decision} (α = {format_number(alpha, lang, 2)})",
            }
        )
    return rows


def _models(r: Q1EResult, lang: str) -> list[dict[str, Any]]:
    from .report.i18n import format_number, t

    chosen = r.selected.key
    rows = []
    for key, m in r.models.items():
        label = m.name
        if m.name == "dids":
            label += f" ({t(f'rt_variant_{m.variant}', lang)})"
        days = _to_days(r, m.shelf_life)
        rows.append(
            {
                "model": label,
                "title": t(f"rt_model_{m.name}", lang),
                "sigma": format_number(m.sigma, lang, 3, significant=True),
                "dof": str(m.dof),
                "shelf_life": _time_text(m.shelf_life, r.time_unit, lang),
                "days": format_number(days, lang, 1) if math.isfinite(days) else "–",
                "worst": m.worst_batch if m.worst_batch is not None else t("rt_pooled", lang),
                "chosen": key == chosen,
            }
        )
    return rows


def _lines(r: Q1EResult, lang: str) -> list[dict[str, Any]]:
    from .report.html_tables import decimals_for
    from .report.i18n import format_number, t

    m = r.selected
    worst = m.worst_line
    rows = []
    for ln in m.lines:
        di = decimals_for(ln.intercept_se, ln.intercept)
        ds = decimals_for(ln.slope_se, ln.slope)
        rows.append(
            {
                "batch": ln.batch if ln.batch is not None else t("rt_pooled", lang),
                "n": str(ln.n),
                "intercept": format_number(ln.intercept, lang, di),
                "intercept_se": format_number(ln.intercept_se, lang, di),
                "slope": format_number(ln.slope, lang, ds),
                "slope_se": format_number(ln.slope_se, lang, ds),
                "sigma": format_number(ln.sigma, lang, 3, significant=True),
                "crossing": _time_text(ln.crossing, r.time_unit, lang),
                "worst": ln is worst and math.isfinite(ln.crossing),
            }
        )
    return rows


def _data_table(r: Q1EResult, lang: str) -> dict[str, Any]:
    from .report.i18n import format_number

    times = sorted({float(x) for x in r.time})
    # one number of decimals for the whole table: the most any value shows (at most 6)
    decimals = max(
        (len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in r.value if math.isfinite(v)),
        default=0,
    )
    rows = []
    for tm in times:
        cells = []
        for b in r.batches:
            mask = (r.batch == b) & (r.time == tm)
            vals = [format_number(v, lang, decimals) for v in r.value[mask]]
            cells.append("; ".join(vals) if vals else "–")
        rows.append(
            {"time": format_number(tm, lang, 6, significant=True, trim=True), "cells": cells}
        )
    return {"batches": list(r.batches), "rows": rows}


def _verdict(analysis: RealTimeAnalysis, lang: str) -> list[dict[str, str]]:
    from .report.i18n import format_days, t

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
    from .report.i18n import format_number, t

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
    from .report.builder import attribute_design_row
    from .report.i18n import format_number, t

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


def _attribute_sections(analysis: RealTimeAnalysis, lang: str) -> list[dict[str, Any]]:
    from .report.html_tables import notice_rows
    from .report.i18n import format_celsius, t, unit_label
    from .report.text import limit_text

    names = {a.attribute.name: a.attribute.display_name for a in analysis.attributes}
    several = len(analysis.storage_temperatures) > 1
    out = []
    i = 0
    for a in analysis.attributes:
        for T, r in zip(a.temperatures, a.results, strict=True):
            i += 1
            heading = t("results_for", lang, attribute=a.attribute.display_name)
            if several:
                heading += f" – {format_celsius(T, lang)}"
            out.append(
                {
                    "anchor": f"attribute-{i}",
                    "heading": heading,
                    "unit": unit_label(a.attribute.unit, lang),
                    "limit": limit_text(a, lang),
                    "model_line": _model_phrase(r, lang),
                    "basis": _bound_phrase(r, lang),
                    "shelf_life": _shelf_life_phrase(r, lang),
                    "time_unit": _unit_word(r.time_unit, lang),
                    "time_unit_one": _unit_one(r.time_unit, lang),
                    "value_unit": unit_label(r.coefficient_unit, lang),
                    "warnings": notice_rows(r.notices, lang, names),
                    "tests": _tests(r, lang),
                    "single_batch": len(r.batches) == 1,
                    "models": _models(r, lang),
                    "lines": _lines(r, lang),
                    "plot": _q1e_svg(r, lang),
                    "data": _data_table(r, lang),
                }
            )
    return out


def _software() -> list[tuple[str, str]]:
    out = [("shelflife", __version__), ("Python", sys.version.split()[0])]
    for mod in ("numpy", "scipy", "pandas", "matplotlib"):
        m = sys.modules.get(mod)
        if m is not None:
            out.append((mod, str(getattr(m, "__version__", "?"))))
    return out


def _settings(analysis: RealTimeAnalysis, lang: str) -> list[tuple[str, str]]:
    from .report.i18n import format_number, t

    return [
        (t("rt_alpha_pool", lang), format_number(ALPHA_POOL, lang, 2)),
        (t("rt_level", lang), f"{format_number(100 * LEVEL, lang, 0)} %"),
        (t("rt_dids_variant", lang), t(f"rt_dids_{DIDS_VARIANT}", lang)),
    ]


def _uncertainty(analysis: RealTimeAnalysis, lang: str) -> list[str]:
    """The shelf life, its bound and the extrapolation in time, in plain words."""
    from .report.i18n import format_number, t

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
    from .report.builder import (
        _environment,
        format_timestamp,
        resolve_signoff,
        seeds_text,
        signoff_context,
    )
    from .report.html_tables import notice_rows
    from .report.i18n import check_lang, labels, t

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
