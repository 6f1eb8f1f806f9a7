r"""Temperature histories and prediction along them.

A :class:`TemperatureProfile` is a *piecewise-constant* history: step :math:`i` lasts
:math:`\Delta t_i` [day] at temperature :math:`T_i` [K] (and optionally relative humidity
:math:`h_i` [%]). Logged series are turned into steps by holding each sample until the next
one (:meth:`TemperatureProfile.from_series`).

**Kinetic time.** Every reaction order declared in :mod:`shelflife.models.kinetics` depends
on time only through the product :math:`k t` (zero, first, second and nth order through
:math:`s k t`, Weibull through :math:`(k t)^\beta`, the approach to equilibrium through
:math:`e^{-k t}`). Under a varying temperature the isothermal :math:`k t` is replaced by the
*kinetic time* [1]_ [2]_

.. math::

    \tau(t) = \int_0^t k(T(u))\,du = \sum_i k(T_i)\,\Delta t_i ,

so that :math:`A(t) = A(\tau; k = 1)`, exactly, for a piecewise-constant history (the sum
is the integral). Within a step :math:`\tau` is linear in time, so the moment the limit is
reached is found in closed form from :math:`\tau_c`, the isothermal time to the limit at
:math:`k = 1`.

**Effective temperature** (Taoukis & Labuza [2]_): the constant :math:`T_{eff}` with
:math:`k(T_{eff}) = \tau(t)/t` for an Arrhenius rate of activation energy :math:`E_a`,

.. math::

    T_{eff} = \frac{E_a/R}{-\ln\left[\sum_i \Delta t_i\, e^{-E_a/(R T_i)} \big/
              \sum_i \Delta t_i\right]} .

With :math:`E_a = \Delta H = 83.144` kJ/mol this is the USP *mean kinetic temperature*
(MKT) [3]_ [4]_.

References
----------
.. [1] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009, ch. 13.
.. [2] P. S. Taoukis and T. P. Labuza, "Applicability of time-temperature indicators as
   shelf life monitors of food products," *J. Food Sci.*, vol. 54, no. 4, pp. 783-788,
   1989. doi:10.1111/j.1365-2621.1989.tb07882.x
.. [3] United States Pharmacopeia, <1079.2> "Mean Kinetic Temperature in the Evaluation of
   Temperature Excursions During Storage and Transportation of Drug Products".
.. [4] "Mean kinetic temperature," Wikipedia.
   https://en.wikipedia.org/wiki/Mean_kinetic_temperature
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import FitError, InputError, UnitError
from .units import (
    GAS_CONSTANT,
    STORAGE_TEMPERATURE_RANGE_K,
    format_duration,
    get_registry,
    quantity,
    to_days,
    to_kelvin,
    to_kj_per_mol,
    to_percent,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .results import FitResult

__all__ = [
    "TemperatureProfile",
    "RemainingShelfLife",
    "effective_temperature",
    "mean_kinetic_temperature",
    "quality_along",
    "time_to_limit_along",
    "remaining_shelf_life",
    "USP_DELTA_H",
]

#: Activation energy of the USP mean kinetic temperature [kJ/mol].
USP_DELTA_H = 83.144


def _readonly(a: Any) -> np.ndarray:
    out = np.array(a, dtype=float)
    out.setflags(write=False)
    return out


def _degc(T_K: Any):
    return get_registry().Quantity(np.asarray(T_K, dtype=float) - 273.15, "degC")


@dataclass(frozen=True, eq=False)
class TemperatureProfile:
    """A piecewise-constant temperature (and RH) history.

    Build it with :meth:`constant`, :meth:`from_steps`, :meth:`daily_cycle` or
    :meth:`from_series`; join histories with :meth:`concat` or ``+``.

    Attributes
    ----------
    durations : numpy.ndarray
        Step durations [day], all positive.
    temperatures : numpy.ndarray
        Step temperatures [K].
    rh : numpy.ndarray or None
        Step relative humidities [%], or ``None`` when the history has none.
    """

    durations: np.ndarray
    temperatures: np.ndarray
    rh: np.ndarray | None = None

    def __post_init__(self) -> None:
        d = np.atleast_1d(np.asarray(self.durations, dtype=float))
        T = np.atleast_1d(np.asarray(self.temperatures, dtype=float))
        if d.ndim != 1 or d.shape != T.shape:
            raise InputError(
                "profile_invalid",
                reason=f"{d.size} durations but {T.size} temperatures",
                fix="give one duration per temperature",
            )
        if d.size == 0:
            raise InputError(
                "profile_invalid", reason="it has no steps", fix="give at least one step"
            )
        bad = np.flatnonzero(~(np.isfinite(d) & (d > 0)))
        if bad.size:
            raise InputError(
                "profile_invalid",
                reason=f"step {bad[0] + 1} has duration {d[bad[0]]} day",
                fix="give positive, finite durations",
                row=int(bad[0]) + 1,
            )
        low, high = STORAGE_TEMPERATURE_RANGE_K
        bad = np.flatnonzero(~(np.isfinite(T) & (T >= low) & (T <= high)))
        if bad.size:
            raise InputError(
                "temperature_implausible",
                value=f"{T[bad[0]] - 273.15:g} °C",
                low=f"{low - 273.15:g} °C",
                high=f"{high - 273.15:g} °C",
                row=int(bad[0]) + 1,
            )
        object.__setattr__(self, "durations", _readonly(d))
        object.__setattr__(self, "temperatures", _readonly(T))
        if self.rh is not None:
            h = np.broadcast_to(np.asarray(self.rh, dtype=float), d.shape)
            if not np.all(np.isfinite(h) & (h >= 0) & (h <= 100)):
                raise InputError(
                    "profile_invalid",
                    reason="a relative humidity lies outside 0-100 %",
                    fix="check the RH values",
                )
            object.__setattr__(self, "rh", _readonly(h))

    # ------------------------------------------------------------ constructors
    @classmethod
    def constant(cls, temperature: Any, duration: Any, *, rh: Any = None) -> TemperatureProfile:
        """One step at ``temperature`` [°C, K or °F] lasting ``duration`` [time].

        Examples
        --------
        >>> TemperatureProfile.constant("30 degC", "6 month").duration_days
        182.625
        """
        return cls(
            [to_days(duration)],
            [to_kelvin(temperature)],
            None if rh is None else [to_percent(rh)],
        )

    @classmethod
    def from_steps(cls, steps: Any) -> TemperatureProfile:
        """Steps ``[(duration, temperature), ...]`` or ``[(duration, temperature, rh), ...]``.

        Each item is a Quantity or a string such as ``("2 day", "35 °C")``. RH must be given
        for every step or for none.
        """
        steps = list(steps)
        if not steps:
            raise InputError(
                "profile_invalid", reason="it has no steps", fix="give at least one step"
            )
        with_rh = {len(s) == 3 for s in steps}
        if len(with_rh) != 1:
            raise InputError(
                "profile_invalid",
                reason="some steps have a relative humidity and some do not",
                fix="give RH for every step or for none",
            )
        d = [to_days(s[0]) for s in steps]
        T = [to_kelvin(s[1]) for s in steps]
        h = [to_percent(s[2]) for s in steps] if with_rh.pop() else None
        return cls(d, T, h)

    @classmethod
    def daily_cycle(
        cls, mean: Any, amplitude: Any, days: Any, steps_per_day: int = 24, *, rh: Any = None
    ) -> TemperatureProfile:
        r"""A sinusoidal daily cycle sampled into steps.

        Step :math:`j` (of length :math:`1/n` day, :math:`n` = ``steps_per_day``) holds
        :math:`T_j = \bar T + a \sin(2\pi (j + 1/2)/n)`, the sinusoid at the step's midpoint;
        over whole days the time-weighted mean is exactly :math:`\bar T`. A fractional last
        day ends with a shorter step.

        Parameters
        ----------
        mean : pint.Quantity or str
            Mean temperature :math:`\bar T` [°C, K or °F].
        amplitude : pint.Quantity or str
            Half the peak-to-peak swing :math:`a`, a temperature *difference*: ``"5 K"``,
            ``"5 delta_degC"`` or ``"5 °C"`` (read as a difference) [K].
        days : pint.Quantity or str
            Length of the history [time].
        steps_per_day : int
            Steps per day.
        """
        T_mean = float(to_kelvin(mean))
        a = _temperature_difference(amplitude)
        total = float(to_days(days))
        n = int(steps_per_day)
        if n < 1 or total <= 0:
            raise InputError(
                "profile_invalid",
                reason=f"steps_per_day = {steps_per_day}, days = {total:g}",
                fix="give a positive length and at least one step per day",
            )
        dt = 1.0 / n
        n_steps = int(math.floor(total / dt + 1e-9))
        d = np.full(n_steps, dt)
        rest = total - n_steps * dt
        if rest > 1e-9 * dt:
            d = np.append(d, rest)
        mid = np.concatenate([[0.0], np.cumsum(d)[:-1]]) + d / 2
        T = T_mean + a * np.sin(2 * np.pi * mid)
        h = None if rh is None else np.full(d.size, to_percent(rh))
        return cls(d, T, h)

    @classmethod
    def from_series(cls, times: Any, temperatures: Any, *, rh: Any = None) -> TemperatureProfile:
        """A logged series: each sample holds until the next one.

        ``n`` samples give ``n - 1`` steps; the last sample only marks the end of the
        history. Spacing may be irregular.

        Parameters
        ----------
        times : pint.Quantity, sequence of str, or timestamps
            Elapsed times (``Q_([0, 1, 3], "hour")``, ``["0 h", "1 h"]``) or timestamps
            (``datetime``, ``numpy.datetime64``, ``pandas`` timestamps or ISO strings;
            time-zone-aware stamps are compared in UTC). Bare numbers raise
            :class:`UnitError`.
        temperatures : pint.Quantity or sequence of str
            One temperature per sample [°C, K or °F].
        rh : pint.Quantity or sequence of str, optional
            One relative humidity per sample [%].

        Raises
        ------
        InputError
            ``profile_time_not_increasing`` (with the 1-based sample number) when the time
            goes backwards or repeats.
        """
        t = _elapsed_days(times)
        T = np.atleast_1d(np.asarray(to_kelvin(temperatures), dtype=float))
        if T.size != t.size or t.size < 2:
            raise InputError(
                "profile_invalid",
                reason=f"{t.size} times and {T.size} temperatures",
                fix="give at least two samples, one temperature per time",
            )
        step = np.diff(t)
        bad = np.flatnonzero(~(step > 0))
        if bad.size:
            i = int(bad[0]) + 1
            raise InputError(
                "profile_time_not_increasing",
                value=f"{t[i]:.6g} day",
                previous=f"{t[i - 1]:.6g} day",
                row=i + 1,
            )
        h = None
        if rh is not None:
            h = np.atleast_1d(np.asarray(to_percent(rh), dtype=float))[:-1]
        return cls(step, T[:-1], h)

    @staticmethod
    def concat(*profiles: TemperatureProfile) -> TemperatureProfile:
        """Join histories end to end (RH is kept only if every part has it)."""
        if not profiles:
            raise InputError(
                "profile_invalid", reason="nothing to join", fix="give at least one history"
            )
        d = np.concatenate([p.durations for p in profiles])
        T = np.concatenate([p.temperatures for p in profiles])
        h = None
        if all(p.rh is not None for p in profiles):
            h = np.concatenate([p.rh for p in profiles])
        return TemperatureProfile(d, T, h)

    def __add__(self, other: TemperatureProfile) -> TemperatureProfile:
        if not isinstance(other, TemperatureProfile):
            return NotImplemented
        return TemperatureProfile.concat(self, other)

    def __len__(self) -> int:
        return int(self.durations.size)

    # -------------------------------------------------------------- properties
    @property
    def duration_days(self) -> float:
        """Total length [day]."""
        return float(self.durations.sum())

    @property
    def duration(self):
        """Total length as a Quantity [day]."""
        return get_registry().Quantity(self.duration_days, "day")

    @property
    def ends(self) -> np.ndarray:
        """Elapsed time at the end of each step [day]."""
        return np.cumsum(self.durations)

    @property
    def mean_temperature(self):
        r"""Time-weighted arithmetic mean temperature as a Quantity [°C].

        :math:`\bar T = \sum_i \Delta t_i T_i / \sum_i \Delta t_i`.
        """
        return _degc(np.average(self.temperatures, weights=self.durations))

    def __repr__(self) -> str:
        return (
            f"TemperatureProfile({len(self)} steps, {format_duration(self.duration_days)}, "
            f"mean {self.mean_temperature.magnitude:.2f} °C)"
        )


def _temperature_difference(value: Any) -> float:
    """A temperature difference in K (°C and °F read as differences)."""
    q = quantity(value, what="temperature amplitude", expected="temperature")
    reg = get_registry()
    if q.units == reg.degC:
        return float(q.magnitude)
    if q.units == reg.degF:
        return float(q.magnitude) * 5.0 / 9.0
    return float(q.to("kelvin").magnitude)


def _elapsed_days(times: Any) -> np.ndarray:
    """Elapsed time of each sample from the first one [day]."""
    reg = get_registry()
    if isinstance(times, str):
        times = [times]
    if isinstance(times, reg.Quantity) or (
        hasattr(times, "units") and hasattr(times, "magnitude")
    ):
        t = np.atleast_1d(np.asarray(to_days(times), dtype=float))
        return t - t[0]
    seq = list(times)
    if seq and all(isinstance(s, str) for s in seq):
        try:
            t = np.array([to_days(s) for s in seq], dtype=float)
            return t - t[0]
        except UnitError:
            pass  # not quantities: try timestamps below
    arr = np.asarray(seq)
    if arr.dtype.kind in "iufb":
        raise UnitError(
            "bare_number",
            what="time",
            value=seq[0] if seq else None,
            examples="Q_([0, 1, 2], 'hour') or timestamps",
        )
    import pandas as pd

    if arr.dtype.kind == "m":
        td = pd.to_timedelta(arr)
        return np.asarray((td - td[0]) / pd.Timedelta(days=1), dtype=float)
    try:
        ts = pd.to_datetime(seq, utc=True)
    except (ValueError, TypeError):
        raise UnitError(
            "unit_unknown", unit=str(seq[0]), examples="'0 hour' or '2024-05-01 08:00'"
        ) from None
    return np.asarray((ts - ts[0]) / pd.Timedelta(days=1), dtype=float)


# ------------------------------------------------------------------ temperatures
def _effective_kelvin(durations: np.ndarray, T: np.ndarray, ea_kj: float) -> float:
    """:math:`T_{eff}` [K], computed stably around the hottest step (log-sum-exp)."""
    T0 = float(np.max(T))
    b = ea_kj / GAS_CONSTANT
    x = -b * (1.0 / T - 1.0 / T0)  # <= 0
    log_mean = float(np.log(np.sum(durations * np.exp(x)) / np.sum(durations)))
    return 1.0 / (1.0 / T0 - log_mean / b)


def effective_temperature(profile: TemperatureProfile, activation_energy: Any):
    r"""Constant temperature with the same cumulative Arrhenius effect as the history.

    .. math::

        T_{eff} = \frac{E_a/R}{-\ln\left[\sum_i \Delta t_i\, e^{-E_a/(R T_i)} \big/
                  \sum_i \Delta t_i\right]},

    i.e. :math:`k(T_{eff}) = \frac{1}{t}\int_0^t k(T(u))\,du` for
    :math:`k \propto e^{-E_a/(RT)}` (Taoukis & Labuza). By Jensen's inequality
    (:math:`e^{-E_a/(RT)}` is convex in :math:`T` over storage temperatures) it is at least
    the time-weighted mean temperature.

    Parameters
    ----------
    profile : TemperatureProfile
    activation_energy : pint.Quantity or str
        :math:`E_a` > 0, e.g. the product's fitted value or ``"83.144 kJ/mol"``.

    Returns
    -------
    pint.Quantity
        :math:`T_{eff}` [°C].
    """
    ea = to_kj_per_mol(activation_energy)
    if not ea > 0:
        raise InputError("activation_energy_not_positive", value=ea)
    return _degc(_effective_kelvin(profile.durations, profile.temperatures, ea))


def mean_kinetic_temperature(profile: TemperatureProfile, delta_h: Any = "83.144 kJ/mol"):
    r"""USP mean kinetic temperature [°C].

    .. math::

        T_{MKT} = \frac{\Delta H/R}{-\ln\left[\sum_i t_i\, e^{-\Delta H/(R T_i)} \big/
                  \sum_i t_i\right]},
        \qquad \Delta H = 83.144\ \mathrm{kJ\,mol^{-1}}\ (\Delta H/R \approx 10\,000\ K).

    The same formula as :func:`effective_temperature` with the pharmacopoeial
    :math:`\Delta H` instead of the product's :math:`E_a`; see USP <1079.2>.
    """
    return effective_temperature(profile, delta_h)


# -------------------------------------------------------------------- prediction
def _check_kinetic_time(order, p, s) -> None:
    """Check numerically that ``response(t, k) == response(k t, 1)`` for ``order``."""
    t = np.array([0.3, 1.0, 2.5])
    for k in (0.2, 3.0):
        with np.errstate(all="ignore"):
            a = np.asarray(order.response(t, k, p, s), dtype=float)
            b = np.asarray(order.response(k * t, 1.0, p, s), dtype=float)
        same = np.isclose(a, b, rtol=1e-10, atol=1e-12) | (np.isnan(a) & np.isnan(b))
        if not np.all(same):
            raise FitError("profile_order_not_kinetic_time", order=order.title)


def _order_parameters(model, theta: np.ndarray) -> list:
    """Order parameters with the (mean) initial value, as the order functions take them."""
    p, _ = model.split(theta)
    return [float(model.initial_value(theta)), *p[model.n_initial :]]


def _step_rates(model, theta: np.ndarray, profile: TemperatureProfile) -> np.ndarray:
    if model.temperature.uses_rh and profile.rh is None:
        raise InputError("rh_required", model=model.temperature.title)
    rh = profile.rh if model.temperature.uses_rh else None
    return np.exp(model.log_rate(theta, profile.temperatures, rh))


def _tau_limit(model, theta, limit: float, direction: str) -> float:
    """Kinetic time to the limit; 0 if exceeded at the start, inf if never reached."""
    p = _order_parameters(model, theta)
    a0 = p[0]
    if (a0 >= limit) if direction == "max" else (a0 <= limit):
        return 0.0
    with np.errstate(all="ignore"):
        tau = float(np.asarray(model.order.time_to_limit(limit, 1.0, p, model.sign)))
    return tau if (tau > 0 and np.isfinite(tau)) else math.inf


def _tau_at(ends: np.ndarray, tau_ends: np.ndarray, k: np.ndarray, t: float) -> float:
    """Kinetic time at elapsed time ``t`` (linear within a step)."""
    j = int(np.searchsorted(ends, t, side="left"))
    j = min(j, ends.size - 1)
    return float(tau_ends[j] - k[j] * (ends[j] - t))


def quality_along(fit: FitResult, profile: TemperatureProfile) -> pd.DataFrame:
    r"""Mean attribute value at the end of every step of a history (exact).

    :math:`A(t_j) = A(\tau_j;\,k=1)` with :math:`\tau_j = \sum_{i \le j} k(T_i)\Delta t_i`
    (see the module notes); the order must depend on time through :math:`k t` only, which
    every declared order does (checked numerically; otherwise :class:`FitError`
    ``profile_order_not_kinetic_time``). With one initial value per storage temperature the
    mean of them is used.

    Returns
    -------
    pandas.DataFrame
        ``time_day`` (end of the step), ``temperature_C``, ``rate`` (step rate constant),
        ``kinetic_time`` :math:`\tau` [rate unit × day], ``value`` [attribute unit].
    """
    import pandas as pd

    model, theta = fit.model, fit.theta
    p = _order_parameters(model, theta)
    _check_kinetic_time(model.order, p, model.sign)
    k = _step_rates(model, theta, profile)
    tau = np.cumsum(k * profile.durations)
    with np.errstate(all="ignore"):
        value = np.asarray(model.order.response(tau, 1.0, p, model.sign), dtype=float)
    return pd.DataFrame(
        {
            "time_day": profile.ends,
            "temperature_C": profile.temperatures - 273.15,
            "rate": k,
            "kinetic_time": tau,
            "value": value,
        }
    )


def _time_to_limit_days(model, theta, profile, limit, direction) -> float:
    tau_c = _tau_limit(model, theta, limit, direction)
    if tau_c == 0.0:
        return 0.0
    k = _step_rates(model, theta, profile)
    tau_ends = np.cumsum(k * profile.durations)
    if not tau_c <= tau_ends[-1]:
        return math.inf
    j = int(np.searchsorted(tau_ends, tau_c, side="left"))
    start = profile.ends[j] - profile.durations[j]
    tau_start = tau_ends[j] - k[j] * profile.durations[j]
    return float(start + (tau_c - tau_start) / k[j])


def time_to_limit_along(fit: FitResult, profile: TemperatureProfile):
    r"""When the mean response reaches the limit during the history.

    With :math:`\tau_c` the isothermal time to the limit at :math:`k = 1` (the order's
    closed form) and step :math:`j` the one in which :math:`\tau` passes :math:`\tau_c`,

    .. math::  t_c = t_{j-1} + (\tau_c - \tau_{j-1}) / k(T_j),

    exact because :math:`\tau` is linear within a step.

    Returns
    -------
    pint.Quantity
        [day]; 0 when the limit is exceeded at the start, ``inf`` when it is not reached
        within the history.
    """
    model = fit.model
    _check_kinetic_time(model.order, _order_parameters(model, fit.theta), model.sign)
    t = _time_to_limit_days(
        model, fit.theta, profile, fit.attribute.limit, fit.attribute.direction
    )
    return get_registry().Quantity(t, "day")


@dataclass(frozen=True)
class RemainingShelfLife:
    r"""Shelf life left at a constant follow-on temperature after part of a history.

    Attributes
    ----------
    attribute : str
    after : float
        Point of the history [day].
    temperature : float
        Follow-on storage temperature [K].
    estimate : float
        Time left [day]; 0 when the limit is already reached, ``inf`` if never.
    ci95 : tuple of float
        95 % confidence interval [day] (delta method on the log scale).
    used_fraction : float
        Share of the kinetic time to the limit already used, :math:`\tau(t)/\tau_c`.
    """

    attribute: str
    after: float
    temperature: float
    estimate: float
    ci95: tuple[float, float]
    used_fraction: float

    @property
    def estimate_quantity(self):
        """The estimate as a Quantity [day]."""
        return get_registry().Quantity(self.estimate, "day")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""

        def num(x: float) -> float | None:
            return float(x) if np.isfinite(x) else None

        return {
            "attribute": self.attribute,
            "after": {"value": self.after, "unit": "day"},
            "temperature": {"value": round(self.temperature - 273.15, 6), "unit": "degC"},
            "estimate": {"value": num(self.estimate), "unit": "day"},
            "ci95": [num(self.ci95[0]), num(self.ci95[1])],
            "used_fraction": num(self.used_fraction),
        }

    def __str__(self) -> str:
        c = self.temperature - 273.15
        if not np.isfinite(self.estimate):
            return f"{self.attribute} after {self.after:g} days, then {c:g} °C: never reached"
        return (
            f"{self.attribute} after {self.after:g} days, then {c:g} °C: {self.estimate:.1f} "
            f"days left ({format_duration(self.estimate)}), 95 % CI {self.ci95[0]:.1f}–"
            f"{self.ci95[1]:.1f} days"
        )


def _remaining_days(model, theta, profile, after, T_at, rh_at, limit, direction):
    """(remaining [day], used fraction) for parameters ``theta``."""
    tau_c = _tau_limit(model, theta, limit, direction)
    if tau_c == 0.0:
        return 0.0, math.inf
    if after > 0:
        k = _step_rates(model, theta, profile)
        tau_used = _tau_at(profile.ends, np.cumsum(k * profile.durations), k, after)
    else:
        tau_used = 0.0
    if not math.isfinite(tau_c):
        return math.inf, 0.0
    rr = None if rh_at is None else np.array([rh_at])
    k_at = float(np.exp(model.log_rate(theta, np.array([T_at]), rr))[0])
    return max(tau_c - tau_used, 0.0) / k_at, tau_used / tau_c


def _log_remaining_gradient(model, theta, profile, t_a, T_at, rh_at, limit, direction):
    """Gradient of ln(remaining) with respect to theta (see :func:`remaining_shelf_life`)."""
    m = model.n_order_parameters
    tau_c = _tau_limit(model, theta, limit, direction)
    refs = model.references
    _, q = model.split(theta)
    rh = profile.rh if model.temperature.uses_rh else None
    offset, G = model.temperature.design(profile.temperatures, rh, refs)
    k = np.exp(offset + G @ q)
    starts = profile.ends - profile.durations
    d_used = np.clip(t_a - starts, 0.0, profile.durations)
    tau_used = float(np.dot(k, d_used))
    left = tau_c - tau_used
    g = np.empty(theta.size)
    rr = None if rh_at is None else np.array([rh_at])
    _, G_at = model.temperature.design(np.array([T_at]), rr, refs)
    g[m:] = -((k * d_used) @ G) / left - G_at[0]
    for i in range(m):
        h = 1e-6 * max(abs(theta[i]), 1e-3)
        tp, tm = theta.copy(), theta.copy()
        tp[i] += h
        tm[i] -= h
        with np.errstate(all="ignore"):
            d_tau_c = (
                _tau_limit(model, tp, limit, direction) - _tau_limit(model, tm, limit, direction)
            ) / (2 * h)
        g[i] = d_tau_c / left
    return g


def remaining_shelf_life(
    fit: FitResult,
    profile: TemperatureProfile,
    *,
    after: Any = None,
    at: Any = "30 degC",
    rh: Any = None,
    level: float = 0.95,
) -> RemainingShelfLife:
    r"""Time left at a constant temperature after (part of) a history, with its interval.

    .. math::  t_{rem} = \frac{\tau_c - \tau(t_a)}{k(T_{at})}

    where :math:`t_a` is ``after`` and :math:`\tau_c` the kinetic time to the limit.

    *Interval* (delta method, as for the constant-temperature shelf life): with
    :math:`g = \partial \ln t_{rem}/\partial\theta` and the fit's covariance
    :math:`\Sigma`, :math:`\exp(\ln t_{rem} \pm t_{0.975,\nu}\sqrt{g^\top\Sigma g})`.
    The rate parameters :math:`q` enter through :math:`\ln k = o + G q`, so their part of
    :math:`g` is analytic, one pass over the history:

    .. math::

        \frac{\partial \ln t_{rem}}{\partial q} = -\frac{\sum_i k_i\,\Delta t'_i\,G_i}
        {\tau_c - \tau(t_a)} - G(T_{at}),

    with :math:`\Delta t'_i` the part of step :math:`i` before :math:`t_a`; the order
    parameters enter only through :math:`\tau_c` (central differences, step
    :math:`10^{-6}\max(|\theta_i|, 10^{-3})`). The interval reflects the uncertainty of the
    fitted kinetics only, not that of the history.

    Parameters
    ----------
    fit : FitResult
    profile : TemperatureProfile
    after : pint.Quantity or str, optional
        Point of the history, e.g. ``"30 day"`` (default: its end).
    at : pint.Quantity or str
        Follow-on storage temperature [°C, K or °F].
    rh : pint.Quantity or str, optional
        Follow-on relative humidity (humidity models).
    level : float
        Two-sided confidence level.

    Returns
    -------
    RemainingShelfLife
    """
    model, theta = fit.model, fit.theta
    _check_kinetic_time(model.order, _order_parameters(model, theta), model.sign)
    total = profile.duration_days
    t_a = total if after is None else float(to_days(after))
    if not (0.0 <= t_a <= total * (1 + 1e-12)):
        raise InputError("profile_after_outside", after=t_a, duration=total)
    t_a = min(t_a, total)
    T_at = float(to_kelvin(at))
    rh_at = None
    if model.temperature.uses_rh:
        if rh is None:
            raise InputError("rh_required", model=model.temperature.title)
        rh_at = float(to_percent(rh))
    limit, direction = fit.attribute.limit, fit.attribute.direction

    def f(th):
        return _remaining_days(model, th, profile, t_a, T_at, rh_at, limit, direction)

    est, used = f(theta)
    low = high = est
    if np.isfinite(est) and est > 0:
        low = high = math.nan
        if np.all(np.isfinite(fit.cov)):
            g = _log_remaining_gradient(model, theta, profile, t_a, T_at, rh_at, limit, direction)
            se = math.sqrt(max(float(g @ fit.cov @ g), 0.0))
            q = fit._t_quantile(level)
            low, high = est * math.exp(-q * se), est * math.exp(q * se)
    return RemainingShelfLife(
        attribute=fit.attribute.name,
        after=t_a,
        temperature=T_at,
        estimate=float(est),
        ci95=(float(low), float(high)),
        used_fraction=float(used),
    )
