r"""Growth under a temperature history: the Baranyi ODE solved exactly step by step.

The Baranyi & Roberts (1994) model as an ODE (:math:`Y = \ln N`, :math:`m = 1`):

.. math::

    \frac{dY}{dt} = \mu(T(t))\,\frac{q}{1+q}\left(1 - e^{Y - Y_{max}}\right),\qquad
    \frac{dq}{dt} = \mu(T(t))\,q,\qquad q_0 = \frac{1}{e^{h_0} - 1}.

Over a :class:`~shelflife.profiles.TemperatureProfile` (piecewise-constant temperature)
it has an exact solution, so no numerical integrator is needed:

- :math:`\ln q` grows linearly in each step: :math:`\ln q(t) = \ln q_0 + \int_0^t \mu\,du`;
- with :math:`\tau(t) = \ln(1 + q(t)) - \ln(1 + q_0)`, :math:`z = Y - Y_{max}` obeys
  :math:`dz/d\tau = 1 - e^{z}`, whose solution is
  :math:`z(\tau) = -\ln\left[1 + (e^{-z_0} - 1)\,e^{-\tau}\right]`
  (without stationary phase, :math:`Y = Y_0 + \tau`).

At constant temperature this is the algebraic solution
(:func:`~shelflife.microbial.primary.baranyi`). The time to a level inverts the same
formulas inside the step where the level is crossed. :func:`predict_dynamic` with
``method="ode"`` integrates the ODE with :func:`scipy.integrate.solve_ivp` instead
(a check, or for non-constant steps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..units import get_registry
from .counts import LN10
from .fit import level_log10

if TYPE_CHECKING:  # pragma: no cover
    from ..profiles import TemperatureProfile
    from .global_fit import GrowthModel

__all__ = ["predict_dynamic", "time_to_level_along", "baranyi_along"]


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


def baranyi_along(
    durations: np.ndarray,
    mu: np.ndarray,
    y0: float,
    h0: float,
    ymax: float,
) -> np.ndarray:
    r"""Exact Baranyi solution at the step ends of a piecewise-constant μ history.

    Parameters
    ----------
    durations : numpy.ndarray
        Step durations [day].
    mu : numpy.ndarray
        μmax per ln unit in each step [1/day].
    y0 : float
        Initial count [log10 CFU/g].
    h0 : float
        Physiological state :math:`h_0 = \mu\lambda` [dimensionless].
    ymax : float
        Maximum density [log10 CFU/g] (``inf``: no stationary phase).

    Returns
    -------
    numpy.ndarray
        Log10 count at time 0 and at the end of each step (length ``n + 1``).
    """
    lnq0 = -np.log(np.expm1(h0)) if h0 > 0 else np.inf
    cum = np.concatenate([[0.0], np.cumsum(np.asarray(mu) * np.asarray(durations))])
    if np.isfinite(lnq0):
        tau = _softplus(lnq0 + cum) - _softplus(lnq0)
    else:
        tau = cum
    return _y_of_tau(tau, y0, ymax)


def _y_of_tau(tau: np.ndarray, y0: float, ymax: float) -> np.ndarray:
    if not np.isfinite(ymax):
        return y0 + tau / LN10
    z0 = (y0 - ymax) * LN10
    # z = -ln(1 + (e^{-z0} - 1) e^{-tau})
    z = -np.logaddexp(0.0, np.log(np.expm1(-z0)) - tau)
    return ymax + z / LN10


def _tau_of_level(level: float, y0: float, ymax: float) -> float:
    if not np.isfinite(ymax):
        return (level - y0) * LN10
    if level >= ymax:
        return np.inf
    z0, zL = (y0 - ymax) * LN10, (level - ymax) * LN10
    return float(np.log(np.expm1(-z0)) - np.log(np.expm1(-zL)))


def _parts(model: GrowthModel, profile: TemperatureProfile, y0: float | None):
    mu = np.asarray(model._mu(profile.temperatures), dtype=float)
    y0 = model._y0() if y0 is None else float(y0)
    return mu, y0, model._value("h0"), model._ymax()


def predict_dynamic(
    model: GrowthModel,
    profile: TemperatureProfile,
    *,
    y0: float | None = None,
    method: str = "exact",
):
    """Log10 count along a temperature history.

    Parameters
    ----------
    model : GrowthModel
        From :func:`~shelflife.microbial.global_fit.fit_growth_global`.
    profile : TemperatureProfile
    y0 : float, optional
        Initial count [log10 CFU/g]; default the model's mean initial count.
    method : {"exact", "ode"}
        Step-wise exact solution (default) or :func:`scipy.integrate.solve_ivp`.

    Returns
    -------
    pandas.DataFrame
        Columns ``time_day``, ``temperature_C`` (of the step ending there; the first row
        is time 0), ``log10_count``.
    """
    import pandas as pd

    mu, y0v, h0, ymax = _parts(model, profile, y0)
    d = np.asarray(profile.durations, dtype=float)
    ends = np.concatenate([[0.0], np.cumsum(d)])
    if method == "ode":
        y = _ode(d, mu, y0v, h0, ymax, ends)
    else:
        y = baranyi_along(d, mu, y0v, h0, ymax)
    T = np.concatenate([[profile.temperatures[0]], profile.temperatures]) - 273.15
    return pd.DataFrame({"time_day": ends, "temperature_C": T, "log10_count": y})


def _ode(d, mu, y0, h0, ymax, ends):
    from scipy.integrate import solve_ivp

    Ymax = ymax * LN10
    out = [y0]
    state = np.array([y0 * LN10, -np.log(np.expm1(h0)) if h0 > 0 else 50.0])
    for i in range(d.size):
        m = float(mu[i])

        def rhs(_t, s, m=m):
            Y, lnq = s
            a = 1.0 / (1.0 + np.exp(-lnq))
            brake = 1.0 - np.exp(Y - Ymax) if np.isfinite(Ymax) else 1.0
            return [m * a * brake, m]

        sol = solve_ivp(rhs, (0.0, d[i]), state, rtol=1e-11, atol=1e-12, method="DOP853")
        state = sol.y[:, -1]
        out.append(state[0] / LN10)
    return np.asarray(out)


def time_to_level_along(
    model: GrowthModel,
    profile: TemperatureProfile,
    level: Any,
    *,
    y0: float | None = None,
):
    """Time at which the count first reaches ``level`` along the history [day].

    Exact (closed form within the crossing step). ``inf`` (as a Quantity) if the level is
    not reached before the history ends.
    """
    lv = level_log10(level)
    mu, y0v, h0, ymax = _parts(model, profile, y0)
    Q = get_registry().Quantity
    if lv <= y0v:
        return Q(0.0, "day")
    tau_L = _tau_of_level(lv, y0v, ymax)
    if not np.isfinite(tau_L):
        return Q(np.inf, "day")
    d = np.asarray(profile.durations, dtype=float)
    lnq0 = -np.log(np.expm1(h0)) if h0 > 0 else np.inf
    cum = np.concatenate([[0.0], np.cumsum(mu * d)])
    tau = _softplus(lnq0 + cum) - _softplus(lnq0) if np.isfinite(lnq0) else cum
    k = int(np.searchsorted(tau, tau_L, side="left"))
    if k >= tau.size:
        return Q(np.inf, "day")
    # inside step k-1 (from ends[k-1]); needed cum value c* with tau(c*) = tau_L
    if np.isfinite(lnq0):
        s = tau_L + _softplus(lnq0)  # softplus(lnq0 + c*) = s
        c_star = s + np.log(-np.expm1(-s)) - lnq0
    else:
        c_star = tau_L
    ends = np.concatenate([[0.0], np.cumsum(d)])
    i = k - 1
    return Q(float(ends[i] + (c_star - cum[i]) / mu[i]), "day")
