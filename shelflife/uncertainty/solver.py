r"""Stacked Levenberg-Marquardt: many least-squares fits of the same model at once.

Resampling methods refit one model to hundreds or thousands of data sets that share the
design (times, temperatures): bootstrap resamples, simulated studies, jackknife deletions.
:func:`fit_many` solves them together: the residuals :math:`r_b` and Jacobians
:math:`J_b` of all :math:`B` data sets are evaluated in one vectorised call (shape
``(B, n)`` and ``(B, n, p)``), and each data set takes its own damped Gauss-Newton step

.. math::

    (J_b^\top W_b J_b + \lambda_b D_b)\,\delta_b = -J_b^\top W_b r_b

with its own damping :math:`\lambda_b` (updated by Nielsen's rule [2]_), Marquardt's
scaling :math:`D_b` (the running maximum of :math:`\mathrm{diag}(J_b^\top W_b J_b)`,
as in MINPACK [1]_) and optional case weights :math:`W_b` (resampling counts). Steps
that leave a bounded parameter's range are projected back onto it.

Convergence is judged per data set by the *relative offset* of Bates and Watts [3]_,

.. math::

    \rho_b = \sqrt{\frac{g_b^\top (J_b^\top W_b J_b)^{-1} g_b / p}
                       {\mathrm{SSE}_b / (n - p)}},\qquad g_b = J_b^\top W_b r_b,

the length of the residual vector's projection on the tangent plane relative to the
residual standard error: :math:`\rho_b \le 10^{-6}` means the remaining Gauss-Newton
improvement moves the estimates by about a millionth of a standard error. It is
independent of the scale of the data and of the parameters. Data sets still not converged
after ``max_iter`` iterations are refitted one by one with
:func:`scipy.optimize.least_squares` (the engine's own solver), starting from the best
point found.

References
----------
.. [1] J. J. Moré, "The Levenberg-Marquardt algorithm: implementation and theory," in
   *Numerical Analysis*, Lecture Notes in Mathematics 630. Berlin, Germany: Springer,
   1978, pp. 105-116. doi:10.1007/BFb0067700
.. [2] H. B. Nielsen, "Damping parameter in Marquardt's method," Technical Report
   IMM-REP-1999-05, Technical University of Denmark, 1999.
.. [3] D. M. Bates and D. G. Watts, "A relative offset orthogonality convergence criterion
   for nonlinear least squares," *Technometrics*, vol. 23, no. 2, pp. 179-183, 1981.
   doi:10.1080/00401706.1981.10486261
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..fitting import KineticModel

__all__ = ["FitManyResult", "fit_many", "BatchModel", "order_layout", "order_p"]

#: Default relative-offset convergence tolerance (fraction of a standard error).
RELATIVE_OFFSET = 1e-6
#: Default cap on the stacked iterations before the one-by-one fallback.
MAX_ITERATIONS = 60
#: A Gauss-Newton step that would lower the SSE by less than this fraction cannot be told
#: from rounding error: the point counts as converged whatever the relative offset.
ROUNDING = 1e-13
#: At most this many data sets (plus :data:`FALLBACK_FRACTION` of them) are refitted one
#: by one; when more fail, the model is ill-posed for these data and the rest are reported
#: as not converged rather than spending minutes on them.
FALLBACK_MIN = 20
FALLBACK_FRACTION = 0.05


def order_layout(model: KineticModel, T: np.ndarray) -> tuple[int, int, np.ndarray | None]:
    """Layout of the order block of ``theta``.

    Returns ``(m, g, M)``: the number of order parameters in ``theta``, how many of them are
    initial values (1, or one per storage temperature for models with
    ``initial_temperatures``), and the map ``M`` (shape ``(len(T), g)``) from those initial
    values to each temperature (``None`` for a common initial value).
    """
    temps = tuple(getattr(model, "initial_temperatures", ()) or ())
    if not temps:
        return model.order.n_parameters, 1, None
    g = len(temps)
    return g + model.order.n_parameters - 1, g, model.initial_map(T)


def order_p(X: np.ndarray, m: int, g: int, M: np.ndarray | None) -> list:
    """Order parameters of parameter rows ``X`` as the order functions take them.

    Columns of shape ``(B, 1)`` that broadcast against ``(B, n)``; with per-temperature
    initial values the first entry is the initial value at each point, ``(B, n)``.
    """
    first = X[:, :1] if M is None else X[:, :g] @ M.T
    return [first, *(X[:, j : j + 1] for j in range(g, m))]


class BatchModel:
    r"""Response and Jacobian of a kinetic model for many parameter vectors at fixed data.

    The temperature design (offset and matrix :math:`G` of :math:`\ln k = o + G q`) is
    computed once. The reaction-order functions are called with the order parameters as
    columns of shape ``(B, 1)``, which broadcasts for every order written with array
    operations; an order that branches on a scalar parameter (``if p[1] ...``) raises on
    arrays, and is then evaluated row by row through the compiled closures instead. The
    vectorised path is checked against the closures once, on two parameter vectors.

    Parameters
    ----------
    model : KineticModel
    t, T : numpy.ndarray
        Times [day] and temperatures [K], shape ``(n,)``.
    rh : numpy.ndarray or None
        Relative humidities [%] for humidity models.
    theta : numpy.ndarray
        A representative parameter vector (fitting space) for the self-check.
    """

    def __init__(self, model: KineticModel, t, T, rh, theta) -> None:
        self.model = model
        self.t = np.asarray(t, dtype=float)
        T = np.asarray(T, dtype=float)
        self.offset, self.G = model.temperature.design(T, rh, model.references)
        self.m, self.g, self.M = order_layout(model, T)
        self.closures = model.compiled(self.t, T, rh)
        self.vectorised = self._check(np.asarray(theta, dtype=float))

    def _batched(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        m, order, sign = self.m, self.model.order, self.model.sign
        k = np.exp(self.offset + X[:, m:] @ self.G.T)
        p = order_p(X, self.m, self.g, self.M)
        mu = order.response(self.t, k, p, sign)
        d_p, d_k = order.gradient(self.t, k, p, sign)
        d_p = np.broadcast_to(d_p, k.shape + (m - self.g + 1,))
        if self.M is not None:
            d_p = np.concatenate([d_p[..., :1] * self.M, d_p[..., 1:]], axis=-1)
        J = np.concatenate([d_p, (d_k * k)[..., None] * self.G], axis=-1)
        if mu.shape != k.shape or J.shape != k.shape + (X.shape[1],):
            raise ValueError("order functions do not broadcast over parameter rows")
        return mu, J

    def _looped(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        predict, jacobian = self.closures
        mu = np.empty((X.shape[0], self.t.size))
        J = np.empty((X.shape[0], self.t.size, X.shape[1]))
        for b, x in enumerate(X):
            mu[b] = predict(x)
            J[b] = jacobian(x)
        return mu, J

    def _check(self, theta: np.ndarray) -> bool:
        X = np.stack([theta, theta + 1e-3 * np.maximum(np.abs(theta), 1e-3)])
        try:
            with np.errstate(all="ignore"):
                mu, J = self._batched(X)
                mu0, J0 = self._looped(X)
        except (ValueError, TypeError, IndexError):
            return False
        ok0 = np.isfinite(mu0).all() and np.isfinite(J0).all()
        return bool(
            ok0 and np.allclose(mu, mu0, rtol=1e-9, atol=0) and np.allclose(J, J0, rtol=1e-8)
        )

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Mean responses ``(B, n)`` at parameter rows ``X`` (no Jacobian)."""
        X = np.atleast_2d(X)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            if self.vectorised:
                k = np.exp(self.offset + X[:, self.m :] @ self.G.T)
                p = order_p(X, self.m, self.g, self.M)
                try:
                    mu = self.model.order.response(self.t, k, p, self.model.sign)
                except (ValueError, TypeError, IndexError):  # pragma: no cover - safety net
                    mu = None
                if mu is not None and np.shape(mu) == k.shape:
                    return mu
            predict = self.closures[0]
            return np.stack([predict(x) for x in X])

    def __call__(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean responses ``(B, n)`` and Jacobians ``(B, n, P)`` at parameter rows ``X``."""
        X = np.atleast_2d(X)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            if self.vectorised:
                try:
                    return self._batched(X)
                except (ValueError, TypeError, IndexError):  # pragma: no cover - safety net
                    self.vectorised = False
            return self._looped(X)


@dataclass(frozen=True)
class FitManyResult:
    """Estimates of :func:`fit_many`.

    Attributes
    ----------
    thetas : numpy.ndarray
        Estimates in fitting space, shape ``(B, P)`` (``nan`` rows where nothing converged).
    sse : numpy.ndarray
        Weighted residual sums of squares, shape ``(B,)`` [attribute unit²].
    converged : numpy.ndarray
        Boolean mask, shape ``(B,)``.
    iterations : int
        Stacked iterations run.
    fallbacks : int
        Data sets passed to the one-by-one solver.
    """

    thetas: np.ndarray
    sse: np.ndarray
    converged: np.ndarray
    iterations: int
    fallbacks: int


def _solve_damped(A, g, lam, D):
    """Solve ``(A + lam D) x = -g`` for a stack of small systems."""
    M = A + lam[:, None, None] * (D[:, :, None] * np.eye(D.shape[1]))
    try:
        return -np.linalg.solve(M, g[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return -np.einsum("bij,bj->bi", np.linalg.pinv(M), g)


def levenberg_marquardt(
    evaluate: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    X0: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    n_eff: np.ndarray,
    *,
    max_iter: int = MAX_ITERATIONS,
    tol: float = RELATIVE_OFFSET,
    scale: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Stacked Levenberg-Marquardt on ``B`` independent problems.

    Parameters
    ----------
    evaluate : callable
        ``evaluate(X, rows) -> (r, J)``: residuals ``(b, n)`` and Jacobians ``(b, n, p)``
        (already multiplied by the square roots of any weights) of data sets ``rows`` at
        parameters ``X`` ``(b, p)``.
    X0 : numpy.ndarray
        Starting values ``(B, p)``.
    lower, upper : numpy.ndarray
        Bounds ``(p,)`` (``±inf`` when unbounded).
    n_eff : numpy.ndarray
        Number of observations per data set ``(B,)`` (sum of weights).
    max_iter : int
        Iteration cap.
    tol : float
        Relative-offset tolerance.
    scale : float
        Floor of the residual variance in the relative offset (exact-fit data).

    Returns
    -------
    X, sse, converged, iterations
    """
    B, p = X0.shape
    X = np.clip(np.array(X0, dtype=float), lower, upper)
    rows = np.arange(B)
    r, J = evaluate(X, rows)
    sse = np.einsum("bn,bn->b", r, r)
    lam = np.full(B, 1e-3)
    nu = np.full(B, 2.0)
    D = np.zeros((B, p))
    converged = np.zeros(B, dtype=bool)
    active = np.flatnonzero(np.isfinite(sse) & np.isfinite(J).all(axis=(1, 2)))
    if p == 0:  # nothing to fit
        converged[active] = True
        return X, sse, converged, 0
    # residual and Jacobian of the active sets only (rows in the order of ``active``)
    r, J = r[active], J[active]
    dof = np.maximum(n_eff - p, 1.0)
    eye_tol = 1e-12
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        if active.size == 0:
            break
        A = np.einsum("bni,bnj->bij", J, J)
        g = np.einsum("bni,bn->bi", J, r)
        diag = np.diagonal(A, axis1=1, axis2=2)
        D[active] = np.maximum(D[active], diag)
        Da = np.maximum(D[active], eye_tol * np.max(D[active], axis=1, keepdims=True) + 1e-300)
        # convergence at the current point: relative offset of Bates & Watts
        gn = _solve_damped(A, g, np.full(active.size, eye_tol), Da)
        offset2 = -np.einsum("bi,bi->b", gn, g) / p
        s2 = np.maximum(sse[active] / dof[active], scale)
        # ... or a remaining improvement of the SSE at the level of rounding error
        done = (offset2 <= tol**2 * s2) | (offset2 * p <= ROUNDING * sse[active])
        if done.any():
            converged[active[done]] = True
            keep = ~done
            active, r, J, A, g, Da = active[keep], r[keep], J[keep], A[keep], g[keep], Da[keep]
            if active.size == 0:
                break
        delta = _solve_damped(A, g, lam[active], Da)
        Xa = X[active]
        Xn = np.clip(Xa + delta, lower, upper)
        delta = Xn - Xa
        rn, Jn = evaluate(Xn, active)
        ssen = np.einsum("bn,bn->b", rn, rn)
        predicted = -2.0 * np.einsum("bi,bi->b", delta, g) - np.einsum(
            "bi,bij,bj->b", delta, A, delta
        )
        actual = sse[active] - ssen
        ok = np.isfinite(ssen) & (actual > 0) & np.isfinite(Jn).all(axis=(1, 2))
        with np.errstate(invalid="ignore", divide="ignore"):
            rho = np.where(predicted > 0, actual / predicted, 0.0)
        # Nielsen's damping update
        la, na = lam[active], nu[active]
        la = np.where(ok, la * np.maximum(1.0 / 3.0, 1.0 - (2.0 * rho - 1.0) ** 3), la * na)
        na = np.where(ok, 2.0, 2.0 * na)
        lam[active], nu[active] = np.clip(la, 1e-12, 1e16), na
        X[active[ok]] = Xn[ok]
        sse[active[ok]] = ssen[ok]
        r = np.where(ok[:, None], rn, r)
        J = np.where(ok[:, None, None], Jn, J)
        # give up on problems whose damping has exploded (no descent direction left)
        stuck = lam[active] >= 1e16
        if stuck.any():
            keep = ~stuck
            active, r, J = active[keep], r[keep], J[keep]
    return X, sse, converged, it


def fit_many(
    model: KineticModel,
    t: np.ndarray,
    T: np.ndarray,
    rh: np.ndarray | None,
    Y: np.ndarray,
    theta0: np.ndarray,
    free: np.ndarray | None = None,
    *,
    weights: np.ndarray | None = None,
    max_iter: int = MAX_ITERATIONS,
    tol: float = RELATIVE_OFFSET,
    fallback: bool = True,
    max_nfev: int = 400,
    max_fallback: int | None = None,
    batch: BatchModel | None = None,
) -> FitManyResult:
    r"""Least-squares fits of one model to ``B`` data sets of the same design at once.

    Parameters
    ----------
    model : KineticModel
        The model (order, temperature dependence, sign, reference temperature).
    t, T : numpy.ndarray
        Times [day] and temperatures [K] of the design, shape ``(n,)``.
    rh : numpy.ndarray or None
        Relative humidities [%] (humidity models only).
    Y : numpy.ndarray
        Responses, shape ``(B, n)`` [attribute unit]; one row per data set.
    theta0 : numpy.ndarray
        Starting values in fitting space, ``(P,)`` shared or ``(B, P)``; the values of
        fixed parameters are taken from here.
    free : numpy.ndarray of bool, optional
        Which parameters are fitted (default all).
    weights : numpy.ndarray, optional
        Non-negative case weights ``(B, n)`` (e.g. resampling counts): minimises
        :math:`\sum_i w_{bi} r_{bi}^2`. Integer weights are equivalent to repeating rows.
    max_iter : int
        Cap on the stacked iterations.
    tol : float
        Relative-offset convergence tolerance (fraction of a standard error).
    fallback : bool
        Refit data sets that did not converge one by one with
        :func:`scipy.optimize.least_squares`.
    max_nfev : int
        Evaluation cap of each fallback fit.
    max_fallback : int, optional
        Cap on the number of fallback fits (default :data:`FALLBACK_MIN` plus
        :data:`FALLBACK_FRACTION` of ``B``); data sets beyond it stay not converged.
    batch : BatchModel, optional
        A prepared :class:`BatchModel` for this design (saves set-up in repeated calls).

    Returns
    -------
    FitManyResult
        ``thetas (B, P)``, ``sse (B,)``, ``converged (B,)``, iteration and fallback counts.

    Examples
    --------
    >>> import numpy as np
    >>> from shelflife.fitting import fit_floats
    >>> t = np.tile([0.0, 7, 14, 21, 28], 3)
    >>> T = np.repeat([298.15, 308.15, 318.15], 5)
    >>> k = 0.02 * np.exp(-(80 / 8.314462618e-3) * (1 / T - 1 / 308.15))
    >>> rng = np.random.default_rng(1)
    >>> Y = 100 * np.exp(-k * t) + rng.normal(0, 0.5, (4, t.size))
    >>> fit = fit_floats(t, T, Y[0], order="first")
    >>> res = fit_many(fit.model, t, T, None, Y, fit.theta)
    >>> bool(res.converged.all()), bool(np.allclose(res.thetas[0], fit.theta, rtol=1e-6))
    (True, True)
    """
    Y = np.atleast_2d(np.asarray(Y, dtype=float))
    B, n = Y.shape
    P = len(model.parameters)
    free = np.ones(P, dtype=bool) if free is None else np.asarray(free, dtype=bool)
    idx = np.flatnonzero(free)
    theta0 = np.asarray(theta0, dtype=float)
    base = np.broadcast_to(theta0, (B, P)).copy()
    params = model.parameters
    lower = np.array([params[i].lower for i in idx])
    upper = np.array([params[i].upper for i in idx])
    batch = batch or BatchModel(model, t, T, rh, base[0])
    sw = None
    if weights is not None:
        w = np.broadcast_to(np.asarray(weights, dtype=float), (B, n))
        sw = np.sqrt(w)
        n_eff = w.sum(axis=1)
    else:
        n_eff = np.full(B, float(n))

    def evaluate(Xf: np.ndarray, rows: np.ndarray):
        full = base[rows]
        full[:, idx] = Xf
        mu, J = batch(full)
        r = mu - Y[rows]
        J = J[:, :, idx]
        if sw is not None:
            r = r * sw[rows]
            J = J * sw[rows][:, :, None]
        return r, J

    scale = 1e-30 * (1.0 + float(np.mean(Y**2)))
    Xf, sse, converged, iterations = levenberg_marquardt(
        evaluate, base[:, idx], lower, upper, n_eff, max_iter=max_iter, tol=tol, scale=scale
    )
    thetas = base.copy()
    thetas[:, idx] = Xf
    todo = np.flatnonzero(~converged)
    if fallback and todo.size:
        from ..fitting import _solve

        cap = FALLBACK_MIN + int(FALLBACK_FRACTION * B) if max_fallback is None else max_fallback
        todo = todo[:cap]
        t = np.asarray(t, dtype=float)
        T = np.asarray(T, dtype=float)
        compiled = batch.closures
        for b in todo:
            start = thetas[b] if np.all(np.isfinite(thetas[b])) else base[b]
            extra = {} if sw is None else {"sqrt_w": sw[b]}
            sol, _ = _solve(model, start, free, t, T, rh, Y[b], max_nfev, compiled, **extra)
            if sol is not None and sol.status > 0 and np.all(np.isfinite(sol.x)):
                thetas[b] = sol.x
                sse[b] = 2.0 * float(sol.cost)
                converged[b] = True
    else:
        todo = todo[:0]
    thetas[~converged] = np.nan
    sse = np.where(converged, sse, np.nan)
    return FitManyResult(
        thetas, sse, converged, int(iterations), int(todo.size if fallback else 0)
    )
