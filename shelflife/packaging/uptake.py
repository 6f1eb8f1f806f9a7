r"""Numerical moisture uptake of a packaged product with the full isotherm: :func:`moisture_uptake`.

The balance :math:`dm/dt = (k_p/x)(A/W_s)\,p_0(T)\,[RH/100 - a_w(m)]` (:math:`m` [g/g dry
basis], time [day]) is integrated with the isotherm itself (GAB, Oswin...) by
:func:`scipy.integrate.solve_ivp` (DOP853) with an event at :math:`m = m_c`, step by step
through a piecewise-constant temperature/RH history
(:class:`shelflife.profiles.TemperatureProfile`), with the film permeance converted to each
step's temperature; at one constant condition it also gives Labuza's closed form, which it
reproduces for a linear isotherm. See :mod:`shelflife.packaging.shelf_life` for the model
and its assumptions.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from . import _inputs
from ._uptake_common import _dedupe, _emit, _never_notice, _package
from .labuza import labuza_shelf_life
from .package import Package
from .sorption import SorptionIsotherm, _aw_of, _m_of
from .uptake_result import MoistureUptake
from .vapour import _p0_pa

if TYPE_CHECKING:  # pragma: no cover
    from ..profiles import TemperatureProfile

__all__ = ["moisture_uptake"]


def _steps_from(history: Any, temperature: Any, rh: Any):
    """``(durations [day] or None, temperatures [K], rh fractions, from_history)``."""
    from ..units import to_kelvin

    if history is not None:
        if getattr(history, "rh", None) is None:
            raise InputError("uptake_history_without_rh")
        d = np.asarray(history.durations, dtype=float)
        T = np.asarray(history.temperatures, dtype=float)
        h = np.asarray(history.rh, dtype=float) / 100.0
        # merge consecutive identical steps: fewer solver restarts, same solution
        keep = np.ones(d.size, dtype=bool)
        keep[1:] = (T[1:] != T[:-1]) | (h[1:] != h[:-1])
        idx = np.flatnonzero(keep)
        d = np.add.reduceat(d, idx)
        return d, T[idx], h[idx], True
    missing = [w for w, v in (("temperature", temperature), ("rh", rh)) if v is None]
    if missing:
        raise InputError("uptake_conditions_missing", missing=", ".join(missing))
    return (
        None,
        np.array([float(to_kelvin(temperature))]),
        np.array([_inputs.rh_fraction(rh)]),
        False,
    )


def moisture_uptake(
    isotherm: SorptionIsotherm,
    package: Package,
    *,
    initial: Any,
    critical: Any,
    history: TemperatureProfile | None = None,
    temperature: Any = None,
    rh: Any = None,
    t_max: Any = None,
    basis: str = "dry",
    rtol: float = 1e-9,
    points: int = 200,
    warn: bool = True,
) -> MoistureUptake:
    r"""Integrate the moisture balance with the full isotherm until :math:`m = m_c`.

    .. math::

        \frac{dm}{dt} = P(T)\,\frac{A}{W_s}\,p_0(T)\,\left[\frac{RH}{100} - a_w(m)\right]

    Parameters
    ----------
    isotherm : SorptionIsotherm
        Any object with ``moisture_db(aw)`` and ``water_activity_db(m)`` (dry basis).
    package : Package
    initial, critical : float, str or pint.Quantity
        :math:`m_i`, :math:`m_c` on ``basis``.
    history : TemperatureProfile, optional
        Piecewise-constant storage history **with RH** (e.g. from a logger or a route);
        each step is integrated exactly with its own temperature and RH.
    temperature, rh : optional
        One constant outside condition instead of ``history`` (``"30 degC"``, ``"75 %"``).
    t_max : pint.Quantity or str, optional
        Longest time simulated at a constant condition (default: until the critical
        moisture, or 30 time constants when it is never reached).
    basis : {"dry", "wet"}
        Basis of ``initial`` and ``critical``.
    rtol : float
        Relative tolerance of :func:`scipy.integrate.solve_ivp` (DOP853).
    points : int
        Approximate number of curve points kept for plots and JSON.
    warn : bool
        Also emit the notices as Python warnings.

    Returns
    -------
    MoistureUptake
        Time to critical [day], :math:`m(t)`, :math:`a_w(t)`, the closed form at a constant
        condition, notices; ``plot()``, ``summary()``, ``to_dict()``.

    Raises
    ------
    shelflife.errors.InputError
        ``uptake_history_without_rh``, ``uptake_conditions_missing``, ``uptake_rh_above_one``,
        ``uptake_moisture_invalid``.

    Examples
    --------
    >>> class Linear:  # a linear isotherm m = 0.1 a_w
    ...     def moisture_db(self, aw): return 0.1 * aw
    ...     def water_activity_db(self, m): return m / 0.1
    >>> from shelflife.packaging import Film, Package
    >>> film = Film.from_permeance("0.03 g/(m2*day*mmHg)", temperature="30 degC")
    >>> r = moisture_uptake(Linear(), Package(film, "0.06 m2", "240 g"), initial=0.03,
    ...                     critical=0.07, temperature="30 degC", rh="75 %")
    >>> round(r.days, 1), round(r.closed_form.days, 1)
    (919.7, 919.7)
    """
    from ..units import to_days

    pk = _package(package)
    m_i = _inputs.moisture_db(initial, what="initial", basis=basis)
    m_c = _inputs.moisture_db(critical, what="critical", basis=basis)
    durations, T, h, from_history = _steps_from(history, temperature, rh)
    notices: list[Notice] = []
    for Tk in np.unique(T):
        notices.extend(pk.film.notices_at(float(Tk)))
    closed = None
    if not from_history:
        closed = labuza_shelf_life(
            isotherm,
            pk,
            initial=m_i,
            critical=m_c,
            temperature=f"{T[0]} K",
            rh=float(h[0]),
            warn=False,
        )
    m_e_last = _m_of(isotherm, float(h[-1]))
    aw_i = _aw_of(isotherm, m_i)
    if m_i >= m_c:
        notices.append(
            Notice(
                "uptake_already_exceeded",
                "plausibility",
                None,
                {"initial": f"{m_i:.4g}", "critical": f"{m_c:.4g}"},
            )
        )
        dur = np.array([0.0]) if durations is None else durations
        out = MoistureUptake(
            0.0,
            np.array([0.0]),
            np.array([m_i]),
            np.array([aw_i]),
            m_i,
            m_c,
            m_e_last,
            dur,
            T,
            100.0 * h,
            from_history,
            pk,
            closed,
            _dedupe(notices),
        )
        _emit(out.notices, warn)
        return out
    K = np.array([pk.conductance(float(Tk)) * _p0_pa(float(Tk)) for Tk in T])  # g/g/day
    if durations is None:
        if t_max is not None:
            horizon = float(to_days(t_max))
        else:
            horizon = 30.0 * _time_constant(isotherm, m_i, float(h[0]), aw_i, float(K[0]))
        durations = np.array([horizon])
    t, m, days = _integrate(isotherm, m_i, m_c, durations, K, h, rtol, points)
    aw = np.asarray(isotherm.water_activity_db(m), dtype=float)
    if not math.isfinite(days):
        if from_history:
            notices.append(
                Notice(
                    "uptake_not_reached_in_history",
                    "extrapolation",
                    None,
                    {
                        "critical": f"{m_c:.4g}",
                        "days": f"{float(np.sum(durations)):.4g}",
                        "moisture": f"{float(m[-1]):.4g}",
                    },
                )
            )
        else:
            notices.append(_never_notice(m_c, m_e_last, float(h[0])))
    out = MoistureUptake(
        days,
        t,
        m,
        aw,
        m_i,
        m_c,
        m_e_last,
        durations,
        T,
        100.0 * h,
        from_history,
        pk,
        closed,
        _dedupe(notices),
    )
    _emit(out.notices, warn)
    return out


def _time_constant(iso: SorptionIsotherm, m_i: float, h: float, aw_i: float, K: float) -> float:
    """Time constant of the approach to equilibrium at one condition [day]."""
    m_e = _m_of(iso, h)
    if abs(h - aw_i) > 1e-9:
        b = (m_e - m_i) / (h - aw_i)
    else:
        da = 1e-4
        b = (_m_of(iso, min(aw_i + da, 0.999999)) - _m_of(iso, max(aw_i - da, 0.0))) / (2 * da)
    if not (math.isfinite(b) and b > 0):
        raise InputError("uptake_slope_invalid", value=f"{b:g}")
    return b / K


def _integrate(
    iso: SorptionIsotherm,
    m0: float,
    m_c: float,
    durations: np.ndarray,
    K: np.ndarray,
    h: np.ndarray,
    rtol: float,
    points: int,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Integrate step by step; returns the curve and the time of ``m = m_c`` (or inf)."""
    from scipy.integrate import solve_ivp

    aw = iso.water_activity_db
    total = float(np.sum(durations))
    ts, ms = [np.array([0.0])], [np.array([m0])]
    t0, m = 0.0, m0
    atol = 1e-12 * max(m_c, 1e-3)

    def event(_t, y):
        return y[0] - m_c

    event.terminal = True
    event.direction = 1.0
    for d, k, hh in zip(durations, K, h, strict=True):

        def rhs(_t, y, k=k, hh=hh):
            return k * (hh - aw(y))

        sol = solve_ivp(
            rhs,
            (0.0, float(d)),
            [m],
            method="DOP853",
            rtol=rtol,
            atol=atol,
            events=event,
            dense_output=True,
        )
        if sol.status < 0:
            raise InputError("uptake_solver_failed", reason=str(sol.message))
        hit = sol.status == 1 and sol.t_events[0].size > 0
        t_end = float(sol.t_events[0][0]) if hit else float(d)
        share = 1.0 if len(durations) == 1 else float(d) / total
        n = max(2, int(round(points * share)))
        grid = np.linspace(0.0, t_end, n)[1:]
        ts.append(t0 + grid)
        ms.append(sol.sol(grid)[0])
        if hit:
            ms[-1][-1] = m_c
            return np.concatenate(ts), np.concatenate(ms), t0 + t_end
        t0 += float(d)
        m = float(sol.y[0, -1])
    return np.concatenate(ts), np.concatenate(ms), math.inf
