"""The results of a real-time (ICH Q1E) study: :class:`RealTimeAnalysis` and its parts.

:class:`RealTimeAttribute` holds the Q1E evaluation of one attribute at each storage
temperature; :class:`RealTimeAnalysis` holds every attribute and the verdict, and works like
:class:`shelflife.analysis.StudyAnalysis` (``to_dict``/``to_json``, ``summary_text``,
``report``, ``write``, ``_repr_html_``). Also here: :func:`mean_crossing`, the time at
which a fitted mean line meets a limit. The text and the report are built in
:mod:`.text` and :mod:`.report_builder`, imported when first asked for.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import __version__
from ..errors import Notice
from ..q1e import Q1EResult, bound_crossing
from ..q1e._common import _FORWARD, MODEL_TITLES
from ..q1e._common import _num as _json_num
from .settings import METHOD

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from ..study import Attribute, Study

__all__ = ["RealTimeAnalysis", "RealTimeAttribute", "mean_crossing"]


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
        from ..units import format_duration

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

        from .text import _months_days

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
        from .text import _summary_text

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
        from .report_builder import _build_report

        return _build_report(self, lang)

    def report_pdf(self, lang: str = "en") -> bytes:
        """The report as PDF (the same content as :meth:`report`; deterministic bytes)."""
        from ..report.pdf import pdf_from_builder

        return pdf_from_builder(lambda: self.report(lang=lang), lang=lang)

    def write(
        self, out_dir: Any, *, lang: str = "en", formats: str | tuple[str, ...] = ("html",)
    ) -> dict[str, str]:
        """Write ``result.json`` and the report into ``out_dir`` atomically.

        ``formats``: ``"html"`` (``report.html``), ``"pdf"`` (``report.pdf``) or both.
        """
        from ..io.output import check_formats, report_files, write_outputs

        formats = check_formats(formats)
        files: dict[str, str | bytes] = {"result.json": self.to_json()}
        files.update(report_files(lambda: self.report(lang=lang), lang=lang, formats=formats))
        return write_outputs(out_dir, files)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        from .text import _html_summary

        return _html_summary(self, "en")

    def plot(self, ax: Axes | None = None, *, attribute: str | None = None, lang: str = "en"):
        """The Q1E plot of one attribute (the limiting one by default); returns the Axes."""
        name = attribute or (self.limiting_attribute or self.attributes[0].attribute.name)
        return self[name].q1e.plot(ax=ax, lang=lang)


def _schema() -> str:
    from ..analysis import SCHEMA

    return SCHEMA
