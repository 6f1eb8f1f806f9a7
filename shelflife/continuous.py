r"""Prediction along *continuous* temperature histories, by numerical (ODE) integration.

:mod:`shelflife.profiles` integrates piecewise-constant histories exactly: within a step the
rate is constant, so the kinetic time :math:`\tau = \sum_i k(T_i)\Delta t_i` is a closed
form. A history that varies *within* its samples has no such closed form,

.. math::

    \frac{d\tau}{dt} = k\bigl(T(t)\bigr), \qquad \tau(0) = 0, \qquad
    A(t) = A\bigl(\tau(t);\ k = 1\bigr),

for instance a logger series read with linear interpolation between its samples, a smooth
daily cycle, or any function of time. This module integrates that initial-value problem with
an adaptive Runge-Kutta method (``scipy.integrate.solve_ivp``, DOP853) and finds the moment
:math:`\tau(t) = \tau_c` with an event function, so the time to the limit is located to the
solver tolerance. The response follows from the order's closed form in :math:`\tau`
(every declared order depends on time only through :math:`k t`, see :mod:`shelflife.profiles`).

As the number of steps of a piecewise-constant sampling of :math:`T(t)` grows, the exact
step sum converges to this integral; the tests check both against each other and against
an independent quadrature.

References
----------
.. [1] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009, ch. 13.
.. [2] P. Virtanen et al., "SciPy 1.0: fundamental algorithms for scientific computing in
   Python," *Nat. Methods*, vol. 17, pp. 261-272, 2020 (``solve_ivp``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import InputError
from .profiles import _check_kinetic_time, _order_parameters, _tau_limit
from .units import get_registry, to_days, to_kelvin, to_percent

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .results import FitResult

__all__ = ["linear_history", "quality_along_continuous", "time_to_limit_continuous"]

#: Relative and absolute tolerances of the ODE solver (kinetic time is O(1) near the limit).
RTOL, ATOL = 1e-8, 1e-12


def linear_history(times: Any, temperatures: Any) -> Callable[[Any], Any]:
    """A history interpolated linearly between logged samples.

    Parameters
    ----------
    times : pint.Quantity
        Elapsed times of the samples, increasing [time].
    temperatures : pint.Quantity or sequence of str
        Sample temperatures [°C, K or °F].

    Returns
    -------
    callable
        ``T(t)``: elapsed time (Quantity) to temperature (Quantity [K]); held constant
        outside the samples.

    Examples
    --------
    >>> from shelflife import Q_
    >>> T = linear_history(Q_([0, 10], "day"), Q_([20, 40], "degC"))
    >>> round(float(T(Q_(5, "day")).to("degC").magnitude), 6)
    30.0
    """
    t = np.asarray(to_days(times), dtype=float)
    T = np.asarray(to_kelvin(temperatures), dtype=float)
    if t.ndim != 1 or t.shape != T.shape or t.size < 2 or np.any(np.diff(t) <= 0):
        raise InputError(
            "profile_invalid",
            reason=f"{t.size} times and {T.size} temperatures",
            fix="give at least two samples with increasing times",
        )
    reg = get_registry()

    def temperature(when: Any):
        return reg.Quantity(np.interp(to_days(when), t, T), "K")

    return temperature


def _rate_function(fit: FitResult, temperature: Callable[[Any], Any], rh: Any):
    """``k(t)`` [1/day] from a Quantity-valued temperature function (floats inside)."""
    model, theta = fit.model, fit.theta
    reg = get_registry()
    rr = None
    if model.temperature.uses_rh:
        if rh is None:
            raise InputError("rh_required", model=model.temperature.title)
        rr = np.array([float(to_percent(rh))])
    # probe once: the function must return a temperature Quantity
    to_kelvin(temperature(reg.Quantity(0.0, "day")))

    def k(t_day: float) -> float:
        T_K = float(to_kelvin(temperature(reg.Quantity(t_day, "day"))))
        return float(np.exp(model.log_rate(theta, np.array([T_K]), rr))[0])

    return k


def _solve(fit: FitResult, temperature, duration: Any, rh: Any, t_eval=None, events=None):
    from scipy.integrate import solve_ivp

    model = fit.model
    _check_kinetic_time(model.order, _order_parameters(model, fit.theta), model.sign)
    total = float(to_days(duration))
    if not (total > 0 and math.isfinite(total)):
        raise InputError(
            "profile_invalid", reason=f"duration {total:g} day", fix="give a positive duration"
        )
    k = _rate_function(fit, temperature, rh)
    return solve_ivp(
        lambda t, y: [k(t)],
        (0.0, total),
        [0.0],
        method="DOP853",
        rtol=RTOL,
        atol=ATOL,
        t_eval=t_eval,
        events=events,
        max_step=total / 8,
    )


def quality_along_continuous(
    fit: FitResult,
    temperature: Callable[[Any], Any],
    duration: Any,
    *,
    points: int = 201,
    rh: Any = None,
) -> pd.DataFrame:
    r"""Mean attribute value along a continuous history (ODE integration).

    Parameters
    ----------
    fit : FitResult
    temperature : callable
        ``T(t)``: elapsed time (pint Quantity [time]) to temperature (Quantity), e.g.
        :func:`linear_history` or ``lambda t: Q_(30 + 5 * np.sin(2 * np.pi * t.m_as("day")),
        "degC")``.
    duration : pint.Quantity or str
        Length of the history [time].
    points : int
        Output times, evenly spaced from 0 to ``duration``.
    rh : pint.Quantity or str, optional
        Constant relative humidity (humidity models).

    Returns
    -------
    pandas.DataFrame
        ``time_day``, ``kinetic_time`` :math:`\tau` [rate unit × day], ``value`` [unit].
    """
    import pandas as pd

    total = float(to_days(duration))
    t_eval = np.linspace(0.0, total, int(points))
    sol = _solve(fit, temperature, duration, rh, t_eval=t_eval)
    tau = sol.y[0]
    model = fit.model
    p = _order_parameters(model, fit.theta)
    with np.errstate(all="ignore"):
        value = np.asarray(model.order.response(tau, 1.0, p, model.sign), dtype=float)
    return pd.DataFrame({"time_day": sol.t, "kinetic_time": tau, "value": value})


def time_to_limit_continuous(
    fit: FitResult, temperature: Callable[[Any], Any], duration: Any, *, rh: Any = None
):
    r"""When the mean response reaches the limit along a continuous history.

    The event :math:`\tau(t) - \tau_c = 0` is located by the solver's root finder.

    Returns
    -------
    pint.Quantity
        [day]; 0 if the limit is exceeded at the start, ``inf`` if it is not reached within
        ``duration``.
    """
    reg = get_registry()
    a = fit.attribute
    tau_c = _tau_limit(fit.model, fit.theta, a.limit, a.direction)
    if tau_c == 0.0:
        return reg.Quantity(0.0, "day")
    if not math.isfinite(tau_c):
        return reg.Quantity(math.inf, "day")

    def reached(t, y):
        return y[0] - tau_c

    reached.terminal = True  # type: ignore[attr-defined]
    reached.direction = 1  # type: ignore[attr-defined]
    sol = _solve(fit, temperature, duration, rh, events=reached)
    hits = sol.t_events[0]
    return reg.Quantity(float(hits[0]) if hits.size else math.inf, "day")
