r"""Many studies of one design fitted at once: stacked Levenberg–Marquardt in numpy.

A provincial screening run analyses thousands of studies that share one design (the same
storage times and temperatures, e.g. 3 temperatures × 7 pulls × 3 replicates). Fitting them
one by one spends most of the time in Python and SciPy call overhead, not arithmetic. Here
the :math:`S` studies of a design are fitted together: the residuals form an
:math:`S \times n` array, the Jacobians an :math:`S \times n \times 3` array, and each
Levenberg–Marquardt step solves :math:`S` small :math:`3 \times 3` systems in one call.

The model is the package's one-step global model for a zero- or first-order attribute with
Arrhenius temperature dependence and one initial value (:mod:`shelflife.fitting`):

.. math::

    k(T) = \exp\{\ln k_{ref} + E_a\,x\},\qquad x = -\frac{1}{R}\Big(\frac1T - \frac1{T_{ref}}\Big)

    A = A_0 + s\,k\,t \ \text{(zero order)},\qquad A = A_0\,e^{s k t} \ \text{(first order)}

with :math:`\theta = (A_0, \ln k_{ref}, E_a)`, :math:`E_a` [kJ/mol], :math:`T_{ref}` the
harmonic mean of the tested temperatures and :math:`s = \pm 1` the pooled trend sign. The
optimum is the same least-squares optimum the per-study path finds (the tests compare
them); covariance, AIC, the shelf life with its delta-method interval and the
conservative (one-sided bound) value follow the formulas of :mod:`shelflife.results` and
:mod:`shelflife.prediction`, vectorised over studies.

A study whose fit does not converge here, or that lands where the per-study path would try
other starts (implausible :math:`E_a`, an optimum far worse than separate lines per
temperature), is flagged; the batch then runs the per-study path for it.

References
----------
.. [1] D. W. Marquardt, "An algorithm for least-squares estimation of nonlinear
   parameters," *J. Soc. Ind. Appl. Math.*, vol. 11, no. 2, pp. 431-441, 1963.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..units import GAS_CONSTANT

__all__ = ["StackedFit", "fit_stacked", "shelf_life_stacked", "trend_signs"]

#: Longest number of Levenberg–Marquardt iterations before a study is handed back.
MAX_ITERATIONS = 200
#: Convergence: relative change of the sum of squares and of the parameters.
TOLERANCE = 1e-12
#: Same yardsticks as the per-study path (:mod:`shelflife.fitting`).
EA_PLAUSIBLE = (-100.0, 400.0)
POOR_OPTIMUM_FACTOR = 4.0


@dataclass(frozen=True)
class StackedFit:
    r"""Fits of ``S`` studies of one design and one order.

    Attributes
    ----------
    order : {"zero", "first"}
    theta : numpy.ndarray, shape (S, 3)
        :math:`A_0` [attribute unit], :math:`\ln k_{ref}` [ln(1/day) or ln(unit/day)],
        :math:`E_a` [kJ/mol].
    cov : numpy.ndarray, shape (S, 3, 3)
        :math:`\hat\sigma^2 (J^\top J)^{-1}` (NaN where singular).
    sse, aic : numpy.ndarray, shape (S,)
    ok : numpy.ndarray of bool, shape (S,)
        Converged and accepted; False: run the per-study path.
    sign : numpy.ndarray, shape (S,)
    reference_temperature : float
        :math:`T_{ref}` [K].
    n, dof : int
    iterations : int
        Levenberg–Marquardt iterations of the slowest study.
    jacobian : numpy.ndarray, shape (S, n, 3)
        At the optimum.
    residuals : numpy.ndarray, shape (S, n)
        Model minus data at the optimum.
    """

    order: str
    theta: np.ndarray
    cov: np.ndarray
    sse: np.ndarray
    aic: np.ndarray
    r_squared: np.ndarray
    ok: np.ndarray
    sign: np.ndarray
    reference_temperature: float
    n: int
    dof: int
    iterations: int
    jacobian: np.ndarray
    residuals: np.ndarray


def _rowsum(a: np.ndarray) -> np.ndarray:
    """Sum over the last axis in a fixed order, the same bits whatever the other rows.

    numpy's reductions pick their summation order from the array's shape (pairwise or
    sequential, which axis runs inside), so a study's sums could change with the number
    of studies stacked beside it. Adding the columns one by one fixes the order.
    """
    a = np.asarray(a)
    acc = a[..., 0].copy()
    for j in range(1, a.shape[-1]):
        acc += a[..., j]
    return acc


def _rowmean(a: np.ndarray) -> np.ndarray:
    return _rowsum(a) / a.shape[-1]


def _gram(J: np.ndarray, r: np.ndarray | None = None):
    r""":math:`J^\top J` (S, 3, 3) and, with ``r``, :math:`J^\top r` (S, 3), in fixed order."""
    Jt = J.transpose(0, 2, 1)  # (S, 3, n)
    A = np.empty((J.shape[0], 3, 3))
    for i in range(3):
        for j in range(i, 3):
            A[:, i, j] = A[:, j, i] = _rowsum(Jt[:, i] * Jt[:, j])
    if r is None:
        return A
    return A, np.stack([_rowsum(Jt[:, i] * r) for i in range(3)], axis=1)


def _quad(G: np.ndarray, C: np.ndarray) -> np.ndarray:
    r""":math:`g^\top C g` for gradients G (S, m, 3) and matrices C (S, 3, 3), fixed order."""
    out = np.zeros(G.shape[:2])
    for i in range(3):
        for j in range(3):
            out += G[..., i] * C[:, i, j][:, None] * G[..., j]
    return out


def trend_signs(t: np.ndarray, T: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Pooled within-temperature trend sign of each study (+1 rising, -1 falling).

    The vectorised twin of :func:`shelflife.fitting.trend_sign`.
    """
    temps, groups = np.unique(T, return_inverse=True)
    onehot = np.eye(temps.size)[groups]  # (n, G)
    count = onehot.sum(axis=0)
    tc = t - (onehot @ ((t @ onehot) / count))
    # row-wise sums only (no matrix products over studies): each study's bits do not
    # depend on which other studies share its chunk
    means = np.stack([_rowmean(Y[:, groups == g]) for g in range(temps.size)], axis=1)
    yc = Y - means[:, groups]
    return np.where(_rowsum(yc * tc) < 0, -1.0, 1.0)


def _design(T: np.ndarray) -> tuple[np.ndarray, float]:
    Tref = float(1.0 / np.mean(1.0 / np.unique(T)))
    return -(1.0 / T - 1.0 / Tref) / GAS_CONSTANT, Tref


def _model(order: str, theta: np.ndarray, t: np.ndarray, x: np.ndarray, s: np.ndarray):
    """Predictions (S, n) and Jacobians (S, n, 3)."""
    a0, lnk, ea = theta[:, :1], theta[:, 1:2], theta[:, 2:3]
    with np.errstate(over="ignore", invalid="ignore"):
        k = np.exp(lnk + ea * x)  # (S, n)
        skt = s[:, None] * k * t
        if order == "zero":
            f = a0 + skt
            d0 = np.ones_like(f)
            dk = skt
        else:
            e = np.exp(skt)
            f = a0 * e
            d0 = e
            dk = f * skt
    J = np.stack([d0, dk, dk * x], axis=-1)
    return f, J


def _starts(order: str, t, T, x, Y, s) -> np.ndarray:
    """Two-step starting values: lines per temperature, then Arrhenius on their slopes."""
    temps, groups = np.unique(T, return_inverse=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        Z = Y if order == "zero" else np.log(Y)
    S = Y.shape[0]
    slopes = np.empty((S, temps.size))
    inter = np.empty((S, temps.size))
    xs = np.empty(temps.size)
    for g in range(temps.size):
        m = groups == g
        tg = t[m]
        tc = tg - tg.mean()
        zg = Z[:, m]
        zm = _rowmean(zg)
        b = _rowsum((zg - zm[:, None]) * tc) / (tc @ tc)
        slopes[:, g] = b
        inter[:, g] = zm - b * tg.mean()
        xs[g] = x[m][0]
    rate = s[:, None] * slopes
    with np.errstate(divide="ignore", invalid="ignore"):
        lr = np.log(np.where(rate > 0, rate, np.nan))
    xc = xs - xs.mean()
    good = np.isfinite(lr).all(axis=1)
    lrm = _rowmean(lr)
    ea = np.where(good, _rowsum((lr - lrm[:, None]) * xc) / (xc @ xc), 80.0)
    lnk = np.where(good, lrm - ea * xs.mean(), np.log(_rowmean(np.abs(slopes)) + 1e-9))
    a0 = _rowmean(inter) if order == "zero" else _rowmean(np.exp(inter))
    return np.stack([a0, lnk, ea], axis=1)


def _free_sse(order: str, t, T, Y, s) -> np.ndarray:
    """Sum of squares of separate lines per temperature (the per-study path's yardstick)."""
    temps, groups = np.unique(T, return_inverse=True)
    out = np.zeros(Y.shape[0])
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        Z = Y if order == "zero" else np.log(Y)
        for g in range(temps.size):
            m = groups == g
            tg = t[m]
            tc = tg - tg.mean()
            zg = Z[:, m]
            zm = _rowmean(zg)
            b = _rowsum((zg - zm[:, None]) * tc) / (tc @ tc)
            c = zm - b * tg.mean()
            rate = s * b
            bad = rate <= 0
            if order == "zero":
                pred = c[:, None] + b[:, None] * tg
            else:
                pred = np.exp(c)[:, None] * np.exp(b[:, None] * tg)
            out += np.where(bad, np.inf, _rowsum((pred - Y[:, m]) ** 2))
    return np.where(np.isfinite(out), out, np.inf)


def fit_stacked(order: str, t: np.ndarray, T: np.ndarray, Y: np.ndarray) -> StackedFit:
    """Fit ``S`` studies of one design with one order at once.

    Parameters
    ----------
    order : {"zero", "first"}
    t : numpy.ndarray, shape (n,)
        Storage times [day], shared by all studies.
    T : numpy.ndarray, shape (n,)
        Storage temperatures [K], shared.
    Y : numpy.ndarray, shape (S, n)
        Measured values [attribute unit], one row per study.

    Returns
    -------
    StackedFit
    """
    t = np.asarray(t, dtype=float)
    T = np.asarray(T, dtype=float)
    Y = np.atleast_2d(np.asarray(Y, dtype=float))
    S, n = Y.shape
    x, Tref = _design(T)
    s = trend_signs(t, T, Y)
    theta = _starts(order, t, T, x, Y, s)
    f, J = _model(order, theta, t, x, s)
    r = f - Y
    cost = _rowsum(r * r)
    lam = np.full(S, 1e-3)
    active = np.isfinite(cost) & np.isfinite(theta).all(axis=1)
    done = ~active
    eye = np.eye(3)
    it = 0
    for it in range(1, MAX_ITERATIONS + 1):  # noqa: B007 - the count is reported
        idx = np.flatnonzero(~done)
        if idx.size == 0:
            break
        A, g = _gram(J[idx], r[idx])
        # scale-invariant damping (Marquardt): lambda * diag(J^T J)
        D = np.stack([A[:, 0, 0], A[:, 1, 1], A[:, 2, 2]], axis=1)
        M = A + lam[idx, None, None] * D[:, :, None] * eye
        step = _solve_each(M, g)
        new = theta[idx] + step
        fn, Jn = _model(order, new, t, x, s[idx])
        rn = fn - Y[idx]
        cn = _rowsum(rn * rn)
        better = np.isfinite(cn) & (cn <= cost[idx])
        # converged: the accepted step changes neither the cost nor the parameters
        small = (np.abs(cost[idx] - cn) <= TOLERANCE * cost[idx] + 1e-300) & (
            np.abs(step) <= TOLERANCE * (np.abs(theta[idx]) + TOLERANCE)
        ).all(axis=1)
        acc = idx[better]
        theta[acc], f[acc], J[acc], r[acc], cost[acc] = (
            new[better],
            fn[better],
            Jn[better],
            rn[better],
            cn[better],
        )
        lam[acc] = np.maximum(lam[acc] / 3.0, 1e-12)
        rej = idx[~better]
        lam[rej] = lam[rej] * 4.0
        done[idx[better & small]] = True
        done[rej[lam[rej] > 1e12]] = True  # no step improves: at the optimum or stuck
    # done: a step that changes nothing, or no step improves any more (damping exhausted,
    # the optimum to rounding); not done after MAX_ITERATIONS: not converged
    converged = active & done & np.isfinite(cost)
    # statistics and covariance as FitResult.build does
    p = 3
    dof = n - p
    sigma2 = cost / dof
    A = _gram(J)
    with np.errstate(invalid="ignore", divide="ignore"):
        lamd, vec = np.linalg.eigh(np.where(np.isfinite(A), A, 0.0))
        good = (
            (lamd[:, 0] > lamd[:, -1] * 1e-13) & (lamd[:, 0] > 0) & np.isfinite(A).all(axis=(1, 2))
        )
        cov = np.zeros_like(A)
        for k in range(3):
            cov += vec[:, :, k, None] * vec[:, None, :, k] / lamd[:, k, None, None]
        cov *= sigma2[:, None, None]
    cov[~good] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        loglik = -0.5 * n * (np.log(2 * np.pi * cost / n) + 1)
        sst = _rowsum((Y - _rowmean(Y)[:, None]) ** 2)
        r2 = np.where(sst > 0, 1.0 - cost / sst, np.nan)
    aic = -2 * loglik + 2 * (p + 1)
    # the per-study path restarts from other points in these cases: hand them back
    ok = converged & good
    ok &= (theta[:, 2] >= EA_PLAUSIBLE[0]) & (theta[:, 2] <= EA_PLAUSIBLE[1])
    ok &= cost <= POOR_OPTIMUM_FACTOR * _free_sse(order, t, T, Y, s) + 1e-12 * _rowsum(Y**2)
    return StackedFit(order, theta, cov, cost, aic, r2, ok, s, Tref, n, dof, it, J, r)


def _solve_each(M: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Levenberg–Marquardt steps ``-M⁻¹ g``; NaN for a singular system, the others unharmed.

    A singular matrix must not spoil the steps of the other studies (numpy's batched solve
    raises for the whole stack), or a study's result would depend on its chunk.
    """
    ok = np.isfinite(M).all(axis=(1, 2)) & np.isfinite(g).all(axis=1)
    with np.errstate(all="ignore"):
        cond = np.linalg.cond(np.where(ok[:, None, None], M, np.eye(3)))
    ok &= np.isfinite(cond) & (cond < 1e15)
    step = np.full_like(g, np.nan)
    if ok.any():
        step[ok] = -np.linalg.solve(M[ok], g[ok][..., None])[..., 0]
    return step


def shelf_life_stacked(
    fit: StackedFit,
    T_storage: np.ndarray,
    limit: np.ndarray,
    direction: np.ndarray,
    *,
    level: float = 0.95,
    horizon: np.ndarray | float = np.inf,
) -> dict[str, np.ndarray]:
    r"""Shelf life of every study at the storage temperatures, with intervals.

    The vectorised twin of :func:`shelflife.prediction.shelf_life_floats`: estimate (closed
    form), 95 % interval by the delta method on :math:`\ln t_s` (analytic gradient), and
    the conservative value where the one-sided bound of the mean crosses the limit
    (Illinois iterations over all studies and temperatures at once).

    Parameters
    ----------
    fit : StackedFit
    T_storage : numpy.ndarray, shape (m,)
        Storage temperatures [K], shared by all studies.
    limit : numpy.ndarray, shape (S,)
        Critical limits [attribute unit].
    direction : numpy.ndarray of str, shape (S,)
        ``"max"`` or ``"min"``.
    level : float
        Two-sided confidence level; the conservative value uses the one-sided bound.
    horizon : float or numpy.ndarray, shape (S,)
        Longest time searched for a conservative crossing when the estimate is infinite
        [day].

    Returns
    -------
    dict
        ``estimate``, ``low``, ``high``, ``conservative`` [day], each of shape (S, m).
    """
    from .._stats import t_quantile

    Ts = np.atleast_1d(np.asarray(T_storage, dtype=float))
    xs = -(1.0 / Ts - 1.0 / fit.reference_temperature) / GAS_CONSTANT  # (m,)
    th = fit.theta
    S = th.shape[0]
    a0, lnk, ea = th[:, :1], th[:, 1:2], th[:, 2:3]
    s = fit.sign[:, None]
    L = np.asarray(limit, dtype=float)[:, None]
    is_max = (np.asarray(direction) == "max")[:, None]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        k = np.exp(lnk + ea * xs)  # (S, m)
        if fit.order == "zero":
            formal = (L - a0) / (s * k)
            d_a0 = -1.0 / (L - a0)  # d ln t / d A0
        else:
            formal = np.log(L / a0) / (s * k)
            d_a0 = -1.0 / (a0 * np.log(L / a0))
    beyond = np.where(is_max, a0 >= L, a0 <= L) * np.ones_like(formal, dtype=bool)
    estimate = np.where(beyond, 0.0, np.where((formal > 0) & np.isfinite(formal), formal, np.inf))
    q2 = t_quantile(0.5 + level / 2, fit.dof)
    q1 = t_quantile(level, fit.dof)
    # gradient of ln t_s: (d/dA0, -1, -x)
    grad = np.stack(
        [
            np.broadcast_to(d_a0, estimate.shape),
            -np.ones_like(estimate),
            -np.ones_like(estimate) * xs,
        ],
        axis=-1,
    )
    var = _quad(grad, fit.cov)
    se = np.sqrt(np.clip(var, 0, None))
    finite = np.isfinite(estimate) & (estimate > 0)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        ln_t = np.log(np.where(finite, estimate, 1.0))
        low = np.where(finite, np.exp(ln_t - q2 * se), np.nan)
        high = np.where(finite, np.exp(ln_t + q2 * se), np.nan)
    low = np.where(estimate == 0, 0.0, np.where(np.isinf(estimate), np.inf, low))
    high = np.where(estimate == 0, 0.0, np.where(np.isinf(estimate), np.inf, high))
    hz = np.broadcast_to(np.asarray(horizon, dtype=float), (S,))[:, None] * np.ones_like(estimate)
    conservative = _conservative(fit, xs, estimate, L, is_max, q1, hz)
    return {"estimate": estimate, "low": low, "high": high, "conservative": conservative}


def _mean_and_se(fit: StackedFit, t: np.ndarray, xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean response and its delta-method SE at times ``t`` (S, m) and storage ``xs``."""
    th = fit.theta
    a0, lnk, ea = th[:, :1], th[:, 1:2], th[:, 2:3]
    s = fit.sign[:, None]
    with np.errstate(over="ignore", invalid="ignore"):
        k = np.exp(lnk + ea * xs)
        skt = s * k * t
        if fit.order == "zero":
            mu = a0 + skt
            d0 = np.ones_like(mu)
            dk = skt
        else:
            e = np.exp(skt)
            mu = a0 * e
            d0 = e
            dk = mu * skt
        J = np.stack([d0, dk, dk * xs], axis=-1)
        var = _quad(J, fit.cov)
    return mu, np.sqrt(np.clip(var, 0.0, None))


def _conservative(fit, xs, estimate, L, is_max, q1, horizon) -> np.ndarray:
    """Earliest crossing of the one-sided bound (:func:`shelflife.prediction.earliest_crossing`)."""
    from ..prediction import earliest_crossing

    sgn = np.where(is_max, 1.0, -1.0)

    def excess(t):
        with np.errstate(over="ignore", invalid="ignore"):
            mu, se = _mean_and_se(fit, t, xs)
            return sgn * (mu + sgn * q1 * se - L)

    if not np.isfinite(q1):
        return np.zeros_like(estimate)
    return earliest_crossing(excess, estimate, horizon)
