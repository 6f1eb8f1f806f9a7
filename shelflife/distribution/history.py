r"""A whole study along a temperature history: which attribute fails, when, and what is left.

For every attribute of an analysis (each with its own reaction order and temperature
dependence) :func:`predict_history` computes, along a :class:`~shelflife.profiles.TemperatureProfile`:

- the time at which the mean response reaches the limit (exact, see :mod:`shelflife.profiles`);
- the value at the end of the history and the share of the shelf life used,
  :math:`\tau(t_{end})/\tau_c`;
- the shelf life left at a follow-on storage temperature, with its delta-method interval;
- the *effective temperature*, the constant temperature that would use the same kinetic time
  in the same duration, with the attribute's own fitted kinetics:
  :math:`k(T_{eff}) = \tau(t_{end}) / t_{end}` (closed form for Arrhenius, root of the
  monotone :math:`\ln k(T)` otherwise).

Beside them stands the pharmacopoeial mean kinetic temperature (USP <1079.2>,
:math:`\Delta H = 83.144` kJ/mol), which assumes one activation energy for every product and
is shown for comparison only.

The *limiting attribute* along the history is the one with the least shelf life left at the
follow-on temperature (ties: the one that reached its limit first).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Notice
from ..profiles import (
    RemainingShelfLife,
    TemperatureProfile,
    _step_rates,
    _tau_limit,
    effective_temperature,
    mean_kinetic_temperature,
    remaining_shelf_life,
    time_to_limit_along,
)
from ..results import celsius
from ..units import format_duration, get_registry, to_kelvin

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..analysis import StudyAnalysis
    from ..results import FitResult

__all__ = ["AttributeHistory", "HistoryPrediction", "predict_history"]


def _num(x: float) -> float | None:
    return float(x) if x is not None and np.isfinite(x) else None


def _temp(T_K: float) -> dict[str, Any]:
    return {"value": _num(round(celsius(T_K), 6)) if np.isfinite(T_K) else None, "unit": "degC"}


@dataclass(frozen=True)
class AttributeHistory:
    """One attribute along a history.

    Attributes
    ----------
    attribute, unit : str
    limit : float
        Critical limit [unit].
    direction : str
        ``"max"`` (fails above the limit) or ``"min"``.
    time_to_limit : float
        Elapsed time at which the mean response reaches the limit [day]; ``inf`` when it is
        not reached within the history, 0 when exceeded at the start.
    value_end : float
        Mean response at the end of the history [unit].
    remaining : RemainingShelfLife
        Shelf life left at the follow-on temperature after the history, with its interval.
    effective_temperature : float
        Constant temperature using the same kinetic time in the same duration, with this
        attribute's kinetics [K]; NaN when the rate does not depend on temperature.
    """

    attribute: str
    unit: str
    limit: float
    direction: str
    time_to_limit: float
    value_end: float
    remaining: RemainingShelfLife
    effective_temperature: float

    @property
    def used_fraction(self) -> float:
        """Share of the kinetic time to the limit used by the history."""
        return self.remaining.used_fraction

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        r = self.remaining
        return {
            "attribute": self.attribute,
            "unit": self.unit,
            "limit": {"value": self.limit, "unit": self.unit, "direction": self.direction},
            "time_to_limit": {"value": _num(self.time_to_limit), "unit": "day"},
            "value_at_end": {"value": _num(self.value_end), "unit": self.unit},
            "used_fraction": _num(r.used_fraction),
            "remaining": {
                "estimate": {"value": _num(r.estimate), "unit": "day"},
                "ci95": [_num(r.ci95[0]), _num(r.ci95[1])],
                "months_days": format_duration(r.estimate, "en"),
                "months_days_id": format_duration(r.estimate, "id"),
            },
            "effective_temperature": _temp(self.effective_temperature),
        }


@dataclass(frozen=True)
class HistoryPrediction:
    r"""A study's attributes along one temperature history (see the module notes).

    Attributes
    ----------
    source : str
        Where the history came from (a file, a scenario name, a description).
    profile : TemperatureProfile
    at : float
        Follow-on storage temperature of the remaining shelf life [K].
    attributes : tuple of AttributeHistory
    mean_kinetic_temperature : float
        USP MKT of the history (:math:`\Delta H` = 83.144 kJ/mol) [K].
    notices : tuple of Notice
        Coded warnings (history outside the tested temperatures, limit reached en route) and
        those of the history's source (e.g. logger gaps).
    """

    source: str
    profile: TemperatureProfile
    at: float
    attributes: tuple[AttributeHistory, ...]
    mean_kinetic_temperature: float
    tested_range: tuple[float, float]
    notices: tuple[Notice, ...] = ()
    _fits: tuple[Any, ...] = field(default=(), repr=False, compare=False)

    #: Key of this result in the result JSON.
    json_key = "history"

    # ------------------------------------------------------------------ queries
    def __getitem__(self, name: str) -> AttributeHistory:
        for a in self.attributes:
            if a.attribute == name:
                return a
        raise KeyError(f"{name!r}; attributes: {', '.join(a.attribute for a in self.attributes)}")

    @property
    def limiting_attribute(self) -> str:
        """The attribute with the least shelf life left after the history."""
        best = min(
            self.attributes,
            key=lambda a: (a.remaining.estimate, a.time_to_limit),
        )
        return best.attribute

    @property
    def limiting(self) -> AttributeHistory:
        """The :class:`AttributeHistory` of :attr:`limiting_attribute`."""
        return self[self.limiting_attribute]

    @property
    def duration_days(self) -> float:
        """Length of the history [day]."""
        return self.profile.duration_days

    def remaining_along(self, attribute: str | None = None) -> pd.DataFrame:
        r"""Shelf life left at the follow-on temperature at the end of every step.

        :math:`t_{rem}(t_j) = (\tau_c - \tau(t_j)) / k(T_{at})`, clipped at 0, vectorised over
        the steps (point estimates only).

        Returns
        -------
        pandas.DataFrame
            ``time_day``, ``temperature_C``, ``used_fraction``, ``remaining_day``.
        """
        import pandas as pd

        name = attribute or self.limiting_attribute
        fit = self._fit(name)
        used, remaining = _along(fit, self.profile, self.at)
        return pd.DataFrame(
            {
                "time_day": self.profile.ends,
                "temperature_C": self.profile.temperatures - 273.15,
                "used_fraction": used,
                "remaining_day": remaining,
            }
        )

    def _fit(self, name: str) -> Any:
        for f in self._fits:
            if f.attribute.name == name:
                return f
        raise KeyError(name)

    # ------------------------------------------------------------------ outputs
    def summary(self) -> pd.DataFrame:
        """One row per attribute."""
        import pandas as pd

        rows = []
        for a in self.attributes:
            r = a.remaining
            rows.append(
                {
                    "attribute": a.attribute,
                    "limiting": a.attribute == self.limiting_attribute,
                    "time to limit [day]": a.time_to_limit,
                    "value at end": a.value_end,
                    "used [%]": 100 * r.used_fraction,
                    f"remaining at {celsius(self.at):g} °C [day]": r.estimate,
                    "CI95 low [day]": r.ci95[0],
                    "CI95 high [day]": r.ci95[1],
                    "effective temperature [°C]": celsius(a.effective_temperature),
                }
            )
        return pd.DataFrame(rows)

    def to_dict(self) -> dict[str, Any]:
        """The ``history`` block of the result JSON."""
        p = self.profile
        return {
            "source": self.source,
            "duration": {"value": p.duration_days, "unit": "day"},
            "steps": len(p),
            "temperature": {
                "mean": _temp(float(np.average(p.temperatures, weights=p.durations))),
                "min": _temp(float(p.temperatures.min())),
                "max": _temp(float(p.temperatures.max())),
            },
            "mean_kinetic_temperature": {
                **_temp(self.mean_kinetic_temperature),
                "delta_h": {"value": 83.144, "unit": "kJ/mol"},
                "source": "USP <1079.2>",
            },
            "tested_temperatures": [_temp(self.tested_range[0]), _temp(self.tested_range[1])],
            "follow_on_temperature": _temp(self.at),
            "limiting_attribute": self.limiting_attribute,
            "attributes": [a.to_dict() for a in self.attributes],
            "warnings": [n.to_dict() for n in self.notices],
        }

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text summary in English or Indonesian."""
        from ..report.i18n import check_lang, format_number, sentence, t

        check_lang(lang)
        p = self.profile
        mean = float(np.average(p.temperatures, weights=p.durations))

        def c(T: float) -> str:
            return f"{format_number(celsius(T), lang, 1)} °C"

        lines = [
            t("history_title", lang).format(source=self.source),
            t("history_span", lang).format(
                duration=format_duration(p.duration_days, lang),
                mean=c(mean),
                low=c(float(p.temperatures.min())),
                high=c(float(p.temperatures.max())),
                mkt=c(self.mean_kinetic_temperature),
            ),
        ]
        for a in self.attributes:
            r = a.remaining
            tag = " *" if a.attribute == self.limiting_attribute else ""
            if np.isfinite(a.time_to_limit):
                reached = t("history_reached", lang).format(
                    day=format_number(a.time_to_limit, lang, 1)
                )
            else:
                reached = t("history_not_reached", lang)
            if np.isfinite(r.estimate):
                left = t("history_left", lang).format(
                    left=format_duration(r.estimate, lang),
                    at=c(self.at),
                    low=format_number(r.ci95[0], lang, 0),
                    high=format_number(r.ci95[1], lang, 0),
                )
            else:
                left = t("history_never", lang)
            lines.append(
                f"  {a.attribute}{tag}: {reached}; "
                + t("history_used", lang).format(
                    used=format_number(100 * r.used_fraction, lang, 0),
                    teff=c(a.effective_temperature)
                    if np.isfinite(a.effective_temperature)
                    else "–",
                )
                + f"; {left}"
            )
        lines.append("  * " + t("history_limiting", lang))
        for n in self.notices:
            lines.append("  ! " + sentence(n.message(lang)))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary_text()

    def report_section(self, lang: str = "en") -> dict[str, Any]:
        """The report section (see :mod:`shelflife.report.sections`)."""
        from ..report.i18n import format_number, sentence, t
        from ..report.sections import figure, section, table

        p = self.profile
        mean = float(np.average(p.temperatures, weights=p.durations))

        def c(T: float) -> str:
            return "–" if not np.isfinite(T) else f"{format_number(celsius(T), lang, 1)} °C"

        def d(x: float, digits: int = 1) -> str:
            return "–" if not np.isfinite(x) else format_number(x, lang, digits)

        rows = []
        for a in self.attributes:
            r = a.remaining
            rows.append(
                [
                    a.attribute,
                    d(a.time_to_limit),
                    format_number(100 * r.used_fraction, lang, 0),
                    d(r.estimate),
                    f"{d(r.ci95[0])}–{d(r.ci95[1])}",
                    format_duration(r.estimate, lang) if np.isfinite(r.estimate) else "–",
                    c(a.effective_temperature),
                ]
            )
        names = [a.attribute for a in self.attributes]
        facts = (
            t("history_span", lang)
            .strip()
            .format(
                duration=format_duration(p.duration_days, lang),
                mean=c(mean),
                low=c(float(p.temperatures.min())),
                high=c(float(p.temperatures.max())),
                mkt=c(self.mean_kinetic_temperature),
            )
        )
        return section(
            "history",
            t("history_title", lang).format(source=self.source),
            paragraphs=[facts, t("history_section_intro", lang).format(at=c(self.at))],
            warnings=[sentence(n.message(lang)) for n in self.notices],
            tables=[
                table(
                    [
                        t("attribute", lang),
                        t("history_col_reached", lang),
                        t("history_col_used", lang),
                        t("history_col_left", lang).format(at=c(self.at)),
                        t("ci95", lang),
                        t("months_days", lang),
                        t("history_col_teff", lang),
                    ],
                    rows,
                    numeric=(1, 2, 3, 4, 6),
                    highlight=names.index(self.limiting_attribute),
                )
            ],
            figures=[
                figure(
                    lambda obj, ax, lg: obj.plot(ax=ax, lang=lg),
                    self,
                    lang,
                    t("history_figure", lang),
                    twin=True,
                )
            ],
            notes=[t("history_dash_note", lang), t("history_mkt_note", lang)],
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(v if isinstance(v, str) else f'{v:.4g}')}</td>"
                for v in (
                    a.attribute,
                    a.time_to_limit,
                    100 * a.remaining.used_fraction,
                    a.remaining.estimate,
                    celsius(a.effective_temperature),
                )
            )
            + "</tr>"
            for a in self.attributes
        )
        return (
            f"<p><b>{html.escape(self.source)}</b>: {len(self.profile)} steps, "
            f"{self.duration_days:.4g} days, MKT {celsius(self.mean_kinetic_temperature):.2f} °C; "
            f"limiting: <b>{html.escape(self.limiting_attribute)}</b></p>"
            "<table><tr><th>attribute</th><th>time to limit [day]</th><th>used [%]</th>"
            f"<th>remaining at {celsius(self.at):g} °C [day]</th>"
            f"<th>T<sub>eff</sub> [°C]</th></tr>{rows}</table>"
        )

    def plot(self, ax=None, *, attribute: str | None = None, lang: str = "en"):
        """Share of the shelf life used along the history, with the temperature on a twin axis.

        Returns
        -------
        matplotlib.axes.Axes
        """
        from .plots import history_plot

        names = [attribute] if attribute else [a.attribute for a in self.attributes]
        series = {n: self.remaining_along(n) for n in names}
        return history_plot(series, self.limiting_attribute, ax=ax, lang=lang)


# ----------------------------------------------------------------------- computing
def _along(fit: FitResult, profile: TemperatureProfile, at_K: float):
    """(used fraction, remaining [day]) at the end of every step, point estimates.

    For a microbial attribute the "used fraction" is the progress of the mean log10 count
    from its initial value to the limit, and the remaining time is not computed (NaN).
    """
    if getattr(fit, "kind", None) == "microbial":
        from ..microbial import predict_dynamic

        counts = predict_dynamic(fit.model, profile)["log10_count"].to_numpy()
        y0, y = float(counts[0]), counts[1:]
        span = fit.attribute.limit - y0
        used = (y - y0) / span if span > 0 else np.full(y.shape, np.inf)
        return used, np.full(y.shape, np.nan)
    model, theta = fit.model, fit.theta
    a = fit.attribute
    tau_c = _tau_limit(model, theta, a.limit, a.direction)
    k = _step_rates(model, theta, profile)
    tau = np.cumsum(k * profile.durations)
    rh = None
    if model.temperature.uses_rh:
        rh = np.array([float(profile.rh[-1])])
    k_at = float(np.exp(model.log_rate(theta, np.array([at_K]), rh))[0])
    if tau_c == 0.0:
        return np.full(tau.shape, np.inf), np.zeros(tau.shape)
    if not math.isfinite(tau_c):
        return np.zeros(tau.shape), np.full(tau.shape, np.inf)
    return tau / tau_c, np.maximum(tau_c - tau, 0.0) / k_at


def _effective_temperature(fit: FitResult, profile: TemperatureProfile) -> float:
    """Constant temperature with the same mean rate as the history [K] (NaN if none)."""
    model, theta = fit.model, fit.theta
    if model.temperature.name == "isothermal":
        return math.nan
    ea = fit.parameters.get("activation_energy")
    if model.temperature.name == "arrhenius" and ea is not None and ea.value > 0:
        return float(effective_temperature(profile, f"{ea.value} kJ/mol").to("K").magnitude)
    from scipy.optimize import brentq

    k = _step_rates(model, theta, profile)
    target = math.log(float(np.sum(k * profile.durations)) / profile.duration_days)
    rh = None
    if model.temperature.uses_rh:
        rh = np.array([float(np.average(profile.rh, weights=profile.durations))])

    def g(T: float) -> float:
        return float(model.log_rate(theta, np.array([T]), rh)[0]) - target

    lo, hi = float(profile.temperatures.min()), float(profile.temperatures.max())
    if hi - lo < 1e-9:
        return lo
    try:
        return float(brentq(g, lo - 1e-6, hi + 1e-6, xtol=1e-9))
    except ValueError:  # not monotone over the history's range (e.g. negative Ea)
        return math.nan


def _microbial_history(other: Any, profile: TemperatureProfile, at_K: float) -> AttributeHistory:
    """A microbial attribute along a history: the Baranyi model integrated step by step.

    The time left afterwards is found by continuing the history with ten years at the
    follow-on temperature; it has no interval (NaN) and no effective temperature.
    """
    from ..microbial import predict_dynamic, time_to_level_along

    a, m = other.attribute, other.model
    t_lim = float(time_to_level_along(m, profile, a.limit).magnitude)
    y = predict_dynamic(m, profile)["log10_count"].to_numpy()
    then = TemperatureProfile.constant(get_registry().Quantity(at_K, "K"), "3652.5 day")
    t_all = float(time_to_level_along(m, profile + then, a.limit).magnitude)
    left = max(t_all - profile.duration_days, 0.0) if math.isfinite(t_all) else math.inf
    span = a.limit - float(y[0])
    used = (float(y[-1]) - float(y[0])) / span if span > 0 else math.inf
    rem = RemainingShelfLife(
        attribute=a.name,
        after=profile.duration_days,
        temperature=at_K,
        estimate=left,
        ci95=(math.nan, math.nan),
        used_fraction=used,
    )
    return AttributeHistory(
        attribute=a.name,
        unit=a.unit,
        limit=float(a.limit),
        direction=a.direction,
        time_to_limit=t_lim,
        value_end=float(y[-1]),
        remaining=rem,
        effective_temperature=math.nan,
    )


def _attribute_history(
    fit: FitResult, profile: TemperatureProfile, at_K: float, rh: Any, level: float
) -> AttributeHistory:
    from ..profiles import quality_along

    a = fit.attribute
    last = quality_along(fit, profile)["value"].to_numpy()[-1]
    rem = remaining_shelf_life(
        fit, profile, at=get_registry().Quantity(at_K, "K"), rh=rh, level=level
    )
    return AttributeHistory(
        attribute=a.name,
        unit=a.unit,
        limit=float(a.limit),
        direction=a.direction,
        time_to_limit=float(time_to_limit_along(fit, profile).magnitude),
        value_end=float(last),
        remaining=rem,
        effective_temperature=_effective_temperature(fit, profile),
    )


def predict_history(
    analysis: StudyAnalysis,
    history: TemperatureProfile,
    *,
    at: Any = None,
    rh: Any = None,
    source: str = "history",
    notices: tuple[Notice, ...] | list[Notice] = (),
    level: float = 0.95,
) -> HistoryPrediction:
    """Predict every attribute of an analysis along a temperature history.

    Parameters
    ----------
    analysis : StudyAnalysis
        Result of :func:`shelflife.analyze`.
    history : TemperatureProfile
        The storage and transport history (a logger file's
        :meth:`~shelflife.loggers.LoggerData.to_profile`, a route scenario's profile, or one
        built with the :class:`TemperatureProfile` constructors).
    at : pint.Quantity or str, optional
        Follow-on storage temperature for the remaining shelf life [°C, K or °F]; default the
        study's first storage temperature.
    rh : pint.Quantity or str, optional
        Follow-on relative humidity (humidity models; default the study's storage RH).
    source : str
        Name of the history shown in the outputs.
    notices : sequence of Notice
        Warnings from the history's source (e.g. a logger file's gaps), passed through.
    level : float
        Two-sided confidence level of the remaining shelf life.

    Returns
    -------
    HistoryPrediction

    Examples
    --------
    >>> import shelflife as sl
    >>> an = sl.analyze(sl.load_example("keripik-tempe"), emit_warnings=False)
    >>> trip = sl.TemperatureProfile.from_steps([("7 day", "30 degC"), ("30 day", "38 degC")])
    >>> hp = sl.predict_history(an, trip, source="demo trip")
    >>> hp.limiting_attribute in [a.attribute.name for a in an.attributes]
    True
    """
    at_K = float(to_kelvin(at)) if at is not None else float(analysis.storage_temperatures[0])
    if rh is None and analysis.study.storage_rh is not None:
        rh = f"{analysis.study.storage_rh} percent"
    fits: list[Any] = [aa.fit for aa in analysis.attributes]
    out = [_attribute_history(f, history, at_K, rh, level) for f in fits]
    tested = [np.asarray(f.temperature, dtype=float) for f in fits]
    found: list[Notice] = list(notices)
    for o in analysis.others:
        if o.kind == "microbial":
            out.append(_microbial_history(o, history, at_K))
            fits.append(o)
            tested.append(np.asarray(o.model.temperatures, dtype=float))
        else:  # consumer panels have no model of change along a history
            found.append(Notice("history_sensory_skipped", "design", o.name, {"name": o.name}))
    all_tested = np.concatenate(tested)
    lo_t, hi_t = float(all_tested.min()), float(all_tested.max())
    T = history.temperatures
    if T.max() > hi_t + 0.5 or T.min() < lo_t - 0.5:
        found.append(
            Notice(
                "history_outside_tested",
                "extrapolation",
                None,
                {
                    "low": round(celsius(float(T.min())), 1),
                    "high": round(celsius(float(T.max())), 1),
                    "tested_low": round(celsius(lo_t), 1),
                    "tested_high": round(celsius(hi_t), 1),
                },
            )
        )
    for a in out:
        if np.isfinite(a.time_to_limit):
            found.append(
                Notice(
                    "history_limit_reached",
                    "shelf_life",
                    a.attribute,
                    {"day": round(a.time_to_limit, 1)},
                )
            )
    mkt = float(mean_kinetic_temperature(history).to("K").magnitude)
    return HistoryPrediction(
        source=source,
        profile=history,
        at=at_K,
        attributes=tuple(out),
        mean_kinetic_temperature=mkt,
        tested_range=(lo_t, hi_t),
        notices=tuple(found),
        _fits=tuple(fits),
    )
