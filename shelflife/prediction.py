r"""Shelf life at constant temperatures, with intervals (floats in working units).

For a fitted model the *estimate* of the shelf life at temperature :math:`T` is the time at
which the mean response reaches the limit :math:`A_c` (closed form per reaction order).

*Confidence interval* (delta method on the log scale): with
:math:`g = \partial \ln t_s / \partial\theta` and parameter covariance :math:`\Sigma`,
:math:`\ln t_s \pm t_{0.975,\nu}\sqrt{g^\top \Sigma g}`, exponentiated, so the interval is
positive and asymmetric.

*Conservative shelf life* (ICH Q1E [1]_): the earliest time at which the one-sided 95 %
confidence bound of the mean response crosses the limit: the upper bound for an attribute
that fails above its limit, the lower bound for one that fails below. The standard error of
the mean response is :math:`\sqrt{j^\top \Sigma j}` with :math:`j = \partial A/\partial\theta`.

References
----------
.. [1] ICH Q1E, *Evaluation for Stability Data*, International Council for Harmonisation,
   2003, §B.2.2 and Appendix B.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .fitting import KineticModel

__all__ = ["mean_response", "shelf_life_floats", "earliest_crossing", "SEARCH_HORIZON_FACTOR"]

#: When the estimate is infinite, the conservative bound is searched up to this many times
#: the longest storage time of the study.
SEARCH_HORIZON_FACTOR = 100.0


def mean_response(
    model: KineticModel,
    theta: np.ndarray,
    cov: np.ndarray,
    t: np.ndarray,
    T: np.ndarray,
    rh: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean response and its standard error (delta method) at ``t`` [day], ``T`` [K]."""
    mu = model.predict(theta, t, T, rh)
    J = model.jacobian(theta, t, T, rh)
    var = np.einsum("...i,ij,...j->...", J, cov, J)
    return mu, np.sqrt(np.clip(var, 0.0, None))


def _starts_beyond(a0: np.ndarray, limit: float, direction: str) -> np.ndarray:
    return a0 >= limit if direction == "max" else a0 <= limit


def shelf_life_floats(
    model: KineticModel,
    theta: np.ndarray,
    cov: np.ndarray,
    dof: int,
    T: np.ndarray,
    limit: float,
    direction: str,
    *,
    level: float = 0.95,
    horizon: float = np.inf,
    rh: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Shelf life at temperatures ``T`` [K] with its interval and conservative value.

    Parameters
    ----------
    model : KineticModel
    theta, cov : numpy.ndarray
        Estimates and covariance in fitting space.
    dof : int
        Residual degrees of freedom (for Student's t).
    T : numpy.ndarray
        Temperatures [K].
    limit : float
        Critical limit [attribute unit].
    direction : {"max", "min"}
        Failing above (``"max"``) or below (``"min"``) the limit.
    level : float
        Confidence level of the two-sided interval; the conservative value uses the
        one-sided bound at the same level.
    horizon : float
        Longest time searched for a conservative crossing when the estimate is infinite
        [day].

    Returns
    -------
    dict
        ``estimate``, ``low``, ``high``, ``conservative`` [day], arrays like ``T``;
        ``inf`` where the limit is never reached, 0 where it is exceeded at time zero.
    """
    from ._stats import t_quantile

    T = np.atleast_1d(np.asarray(T, dtype=float))
    a0 = np.atleast_1d(model.initial_value(theta, T)) * np.ones(T.size)
    q2 = t_quantile(0.5 + level / 2, dof)
    q1 = t_quantile(level, dof)
    formal = np.atleast_1d(model.time_to_limit(theta, T, limit, rh)).astype(float)

    beyond = _starts_beyond(a0, limit, direction)
    estimate = np.where(beyond, 0.0, np.where((formal > 0) & np.isfinite(formal), formal, np.inf))

    # Delta method on ln t by central differences (p is small; vectorised over T).
    low = np.full_like(estimate, np.nan)
    high = np.full_like(estimate, np.nan)
    finite = np.isfinite(estimate) & (estimate > 0)
    if finite.any() and np.all(np.isfinite(cov)):
        grad = np.empty((finite.sum(), theta.size))
        for i in range(theta.size):
            h = 1e-6 * max(abs(theta[i]), 1e-3)
            tp, tm = theta.copy(), theta.copy()
            tp[i] += h
            tm[i] -= h
            with np.errstate(invalid="ignore", divide="ignore"):
                rr = None if rh is None else rh[finite]
                fp = np.log(model.time_to_limit(tp, T[finite], limit, rr))
                fm = np.log(model.time_to_limit(tm, T[finite], limit, rr))
            grad[:, i] = (fp - fm) / (2 * h)
        se = np.sqrt(np.clip(np.einsum("ni,ij,nj->n", grad, cov, grad), 0, None))
        ln_t = np.log(estimate[finite])
        with np.errstate(over="ignore"):  # an interval beyond ~1e308 days is open: inf
            low[finite] = np.exp(ln_t - q2 * se)
            high[finite] = np.exp(ln_t + q2 * se)
    low[estimate == 0] = 0.0
    high[estimate == 0] = 0.0
    low[np.isinf(estimate)] = np.inf
    high[np.isinf(estimate)] = np.inf

    conservative = _conservative(model, theta, cov, T, rh, estimate, limit, direction, q1, horizon)
    return {"estimate": estimate, "low": low, "high": high, "conservative": conservative}


#: Iteration cap and relative bracket width of the conservative-crossing search.
MAX_ITERATIONS = 100
REL_TOL = 1e-12


def _conservative(model, theta, cov, T, rh, estimate, limit, direction, q1, horizon) -> np.ndarray:
    """Earliest crossing of the one-sided bound of the mean, for all temperatures at once."""
    sgn = 1.0 if direction == "max" else -1.0
    with np.errstate(over="ignore", invalid="ignore"):
        at = model.at_conditions(theta, T, rh)  # the rate constants are computed once

    def excess(t: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore"):
            mu, J = at(t)
            se = np.sqrt(np.clip(np.einsum("...i,ij,...j->...", J, cov, J), 0.0, None))
            return sgn * (mu + sgn * q1 * se - limit)

    if not np.isfinite(q1):
        return np.zeros_like(estimate)
    return earliest_crossing(excess, estimate, horizon)


def earliest_crossing(excess, estimate: np.ndarray, horizon) -> np.ndarray:
    """Earliest time where ``excess(t) >= 0``, element by element, between 0 and the estimate.

    Vectorised Illinois (modified regula falsi) on ``[0, upper]`` where ``upper`` is the
    estimate (the bound is beyond the limit there) or, for an infinite estimate,
    ``horizon``. Where the excess cannot be computed at ``upper`` (a curve overflowing while
    it moves away from the limit) the upper end is halved until it can. Each element stops
    on its own tolerance, so its value does not depend on the other elements. Used by the
    per-study shelf life and by the batch's stacked one
    (:func:`shelflife.batch.vectorised.shelf_life_stacked`).

    Parameters
    ----------
    excess : callable
        ``excess(t)`` for an array ``t`` shaped like ``estimate``; negative before the
        crossing.
    estimate : numpy.ndarray
        Shelf-life estimates [day] (0 or inf where there is none).
    horizon : float or numpy.ndarray
        Search end where the estimate is infinite [day].

    Returns
    -------
    numpy.ndarray
        The crossing [day]: 0 where the excess is already >= 0 at time zero or the
        estimate is 0, inf where no crossing is found.
    """
    out = np.zeros_like(estimate)
    at_zero = excess(np.zeros_like(estimate))
    todo = (estimate > 0) & ~(at_zero >= 0)
    if not todo.any():
        return out
    upper = np.where(np.isfinite(estimate), estimate, horizon)
    upper = np.where(todo & np.isfinite(upper), upper, np.where(todo, np.nan, 0.0))
    e_up = excess(upper)
    for _ in range(200):  # shrink where the bound is not computable
        bad = todo & ~np.isfinite(e_up) & np.isfinite(upper) & (upper > 1e-300)
        if not bad.any():
            break
        upper = np.where(bad, upper / 2.0, upper)
        e_up = excess(upper)
    found = todo & np.isfinite(e_up) & (e_up >= 0)
    # the bracket [lo, hi] always holds the crossing (excess(lo) < 0 <= excess(hi));
    # superlinear, so ~10-20 evaluations suffice
    lo = np.zeros_like(estimate)
    hi = np.where(found, upper, 0.0)
    f_lo = np.where(found, at_zero, -1.0)
    f_hi = np.where(found, e_up, 1.0)
    side = np.zeros_like(estimate)
    for _ in range(MAX_ITERATIONS):
        live = found & (hi - lo > REL_TOL * np.maximum(hi, 1e-300))
        if not live.any():
            break
        width = hi - lo
        with np.errstate(invalid="ignore", divide="ignore"):
            c = hi - f_hi * width / (f_hi - f_lo)
        # fall back to bisection where the secant step is not strictly inside
        c = np.where((c > lo) & (c < hi) & np.isfinite(c), c, 0.5 * (lo + hi))
        f_c = excess(c)
        up = f_c >= 0
        f_lo = np.where(live & up & (side == 1), 0.5 * f_lo, f_lo)
        f_hi = np.where(live & ~up & (side == -1), 0.5 * f_hi, f_hi)
        hi, f_hi = np.where(live & up, c, hi), np.where(live & up, f_c, f_hi)
        lo, f_lo = np.where(live & ~up, c, lo), np.where(live & ~up, f_c, f_lo)
        side = np.where(live, np.where(up, 1.0, -1.0), side)
    return np.where(todo, np.where(found, hi, np.inf), out)
