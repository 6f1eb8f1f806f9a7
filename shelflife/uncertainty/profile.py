r"""Profile-likelihood intervals for a parameter or for the shelf life.

For a quantity :math:`\psi` that is one coordinate of some parameterisation
:math:`\phi = (\psi, \lambda)` of the model, the *profile* residual sum of squares is

.. math::

    S(\psi) = \min_{\lambda} \sum_i w_i\,[y_i - \mu_i(\psi, \lambda)]^2,

the best fit with :math:`\psi` held fixed and the nuisance parameters :math:`\lambda`
re-optimised. The interval at level :math:`1-\alpha` is the set where the extra sum of
squares is not significant by the F test (Bates & Watts [1]_ §6.1; the convention of
lmfit's ``conf_interval`` [3]_):

.. math::

    S(\psi) \le S(\hat\psi)\left[1 + \frac{F_{1,\,n-p;\,1-\alpha}}{n - p}\right],
    \qquad F_{1,\,\nu;\,1-\alpha} = t_{\nu;\,1-\alpha/2}^2 .

Equivalently the *profile t* :math:`\tau(\psi) = \mathrm{sign}(\psi - \hat\psi)
\sqrt{S(\psi) - S(\hat\psi)}/s` stays within :math:`\pm t_{n-p;\,1-\alpha/2}`; for a
model linear in its parameters :math:`\tau` is a straight line and the interval is exactly
the Student-t (delta) interval, while curvature of :math:`\tau` shows where the delta
method is off. The interval does not depend on how the model is parameterised (profiling
:math:`\ln k_{ref}` or :math:`k_{ref}` gives the same interval for :math:`k_{ref}`), and
it is asymmetric where the data say so.

Each end is found by expanding a bracket from the estimate in steps of the delta-method
half-width and then by Brent's method [2]_ on :math:`S(\psi) - S_{crit}`. Each evaluation
of :math:`S` is a Levenberg-Marquardt fit of the nuisance parameters, warm-started from
the nearest point already profiled and shifted along the covariance regression
:math:`\hat\Sigma_{\lambda\psi}/\hat\Sigma_{\psi\psi}` (exact for a linear model). An end
that is not reached within :data:`MAX_EXPANSIONS` doublings (or at a parameter bound) is
reported as open (``±inf`` or the bound) with a notice.

**Shelf life.** Every reaction order's crossing time is inversely proportional to the
rate constant: :math:`t_s(T_0) = \tau(p)/k(T_0)` with :math:`\tau(p)` the crossing time at
unit rate (it depends on the order parameters :math:`p`: initial value, order, shape...).
Since :math:`\ln k(T_0) = o(T_0) + \ln k_{ref} + \sum_{l \ge 1} G_l(T_0) q_l`, the model
is reparameterised exactly by replacing :math:`\ln k_{ref}` with :math:`\ln t_s`:

.. math::

    \ln k_{ref} = \ln\tau(p) - o(T_0) - \sum_{l \ge 1} G_l(T_0)\,q_l - \ln t_s,

and :math:`\ln t_s` is profiled like any parameter, the other parameters (initial value,
:math:`E_a`, ...) being re-optimised at each value. No penalty or constrained optimiser is
needed. For a model linear in its parameters (e.g. zero order with :math:`E_a` held
fixed) this interval is exactly the inverse-regression (Fieller) interval: the times at
which the two-sided confidence band of the mean crosses the limit, so at ``level=0.90``
its lower end equals the conservative (ICH Q1E, one-sided 95 %) shelf life.

References
----------
.. [1] D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and Its Applications*.
   New York, NY, USA: Wiley, 1988, ch. 6.
.. [2] R. P. Brent, *Algorithms for Minimization without Derivatives*. Englewood Cliffs,
   NJ, USA: Prentice-Hall, 1973, ch. 4.
.. [3] M. Newville et al., *LMFIT: Non-Linear Least-Squares Minimization and
   Curve-Fitting for Python*, "Calculation of confidence intervals" (``conf_interval``).
   doi:10.5281/zenodo.11813
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import (
    check_level,
    fit_weights,
    free_mask,
    kelvin,
    parameter_index,
    require_limit,
    rh_values,
)
from ._display import ProfileInterval
from .solver import levenberg_marquardt

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult

__all__ = ["profile_interval", "profile_shelf_life", "ProfileInterval"]

#: Bracket doublings tried on each side before an end is declared open.
MAX_EXPANSIONS = 40
#: Relative-offset tolerance of the nuisance refits (fraction of a standard error).
INNER_TOLERANCE = 1e-9
#: Tolerance of the root on the profiled scale, as a fraction of the delta-method SE.
ROOT_TOLERANCE = 1e-10


# ------------------------------------------------------------------------- machinery
class _Profiler:
    """Profile of coordinate ``j`` of a parameterisation ``phi`` of a fit's model."""

    def __init__(
        self,
        fit: FitResult,
        j: int,
        phi_hat: np.ndarray,
        theta_of: Callable[[np.ndarray], np.ndarray],
        dtheta: Callable[[np.ndarray], np.ndarray],
        cov_phi: np.ndarray,
        bounds: tuple[np.ndarray, np.ndarray],
    ) -> None:
        model = fit.model
        self.fit = fit
        self.j = j
        self.phi_hat = np.asarray(phi_hat, dtype=float)
        self.theta_of, self.dtheta = theta_of, dtheta
        free = free_mask(fit)
        self.nuis = np.flatnonzero(free & (np.arange(free.size) != j))
        self.lower = bounds[0][self.nuis]
        self.upper = bounds[1][self.nuis]
        self.c_lower, self.c_upper = float(bounds[0][j]), float(bounds[1][j])
        self.sw = np.sqrt(fit_weights(fit))
        self.y = np.asarray(fit.value, dtype=float)
        self.predict, self.jacobian = model.compiled(fit.time, fit.temperature, fit.rh)
        var = float(cov_phi[j, j])
        self.se = float(np.sqrt(var)) if np.isfinite(var) and var > 0 else np.nan
        self.slope = (
            cov_phi[self.nuis, j] / var if np.isfinite(self.se) else np.zeros(self.nuis.size)
        )
        self.dof = int(fit.statistics["dof"])
        self.points: list[tuple[float, float, np.ndarray]] = []
        self.sse_min = self._sse_fixed(self.phi_hat)
        self.points.append((float(self.phi_hat[j]), self.sse_min, self.phi_hat[self.nuis]))

    # -- residuals ----------------------------------------------------------------
    def _phi(self, x: np.ndarray, c: float) -> np.ndarray:
        phi = self.phi_hat.copy()
        phi[self.nuis] = x
        phi[self.j] = c
        return phi

    def _residuals(self, phi: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return self.sw * (self.predict(self.theta_of(phi)) - self.y)

    def _sse_fixed(self, phi: np.ndarray) -> float:
        r = self._residuals(phi)
        return float(r @ r) if np.all(np.isfinite(r)) else np.inf

    def _evaluate(self, c: float):
        def evaluate(X: np.ndarray, rows: np.ndarray):
            r = np.empty((X.shape[0], self.y.size))
            J = np.empty((X.shape[0], self.y.size, self.nuis.size))
            for b, x in enumerate(X):
                phi = self._phi(x, c)
                with np.errstate(all="ignore"):
                    theta = self.theta_of(phi)
                    r[b] = self.sw * (self.predict(theta) - self.y)
                    Jphi = self.jacobian(theta) @ self.dtheta(phi)
                J[b] = self.sw[:, None] * Jphi[:, self.nuis]
            return r, J

        return evaluate

    # -- profile ------------------------------------------------------------------
    def sse(self, c: float) -> float:
        """Profile SSE at ``phi_j = c`` (nuisance re-optimised, warm-started)."""
        if self.nuis.size == 0:
            s = self._sse_fixed(self._phi(np.empty(0), c))
            self.points.append((c, s, np.empty(0)))
            return s
        near = min(self.points, key=lambda p: abs(p[0] - c))
        start = near[2] + self.slope * (c - near[0])
        start = np.clip(start, self.lower, self.upper)
        if not np.isfinite(self._sse_fixed(self._phi(start, c))):
            start = near[2]
        evaluate = self._evaluate(c)
        X, sse, conv, _ = levenberg_marquardt(
            evaluate,
            start[None],
            self.lower,
            self.upper,
            np.array([float(self.y.size)]),
            max_iter=200,
            tol=INNER_TOLERANCE,
        )
        x, s = X[0], float(sse[0])
        if not conv[0]:
            x, s = self._scipy(c, x if np.isfinite(s) else start)
        if np.isfinite(s):
            self.points.append((c, s, x))
        return s

    def _scipy(self, c: float, start: np.ndarray) -> tuple[np.ndarray, float]:
        from scipy.optimize import least_squares

        from ..fitting import TOLERANCE

        evaluate = self._evaluate(c)
        bounded = np.any(np.isfinite(self.lower)) or np.any(np.isfinite(self.upper))
        try:
            sol = least_squares(
                lambda x: evaluate(x[None], None)[0][0],
                np.clip(start, self.lower + 1e-12, self.upper - 1e-12) if bounded else start,
                jac=lambda x: evaluate(x[None], None)[1][0],
                method="trf" if bounded else "lm",
                bounds=(self.lower, self.upper) if bounded else (-np.inf, np.inf),
                x_scale="jac",
                ftol=TOLERANCE,
                xtol=TOLERANCE,
                gtol=TOLERANCE,
                max_nfev=1000,
            )
        except ValueError:
            return start, np.inf
        s = 2.0 * float(sol.cost)
        return sol.x, (s if np.isfinite(s) else np.inf)

    def end(self, side: int, crit: float) -> tuple[float, bool]:
        """The end of the interval on ``side`` (-1 lower, +1 upper) and whether open."""
        from scipy.optimize import brentq

        c0 = float(self.phi_hat[self.j])
        limit = self.c_lower if side < 0 else self.c_upper
        step = self.se if np.isfinite(self.se) else 0.1 * max(abs(c0), 1.0)
        step *= float(np.sqrt(max(crit / self.sse_min - 1.0, 1e-12) * self.dof))
        c_in = c0
        for _ in range(MAX_EXPANSIONS):
            c_out = c0 + side * step
            at_bound = (side < 0 and c_out <= limit) or (side > 0 and c_out >= limit)
            if at_bound:
                c_out = limit
            f_out = self.sse(c_out) - crit
            shrink = 0
            while not np.isfinite(f_out) and shrink < 30:  # model undefined there
                c_out = 0.5 * (c_in + c_out)
                at_bound = False
                f_out = self.sse(c_out) - crit
                shrink += 1
            if not np.isfinite(f_out):
                return c_in, True
            if f_out >= 0:
                tol = ROOT_TOLERANCE * (self.se if np.isfinite(self.se) else 1.0)
                lo, hi = sorted((c_in, c_out))
                root = brentq(
                    lambda c: self.sse(c) - crit,
                    lo,
                    hi,
                    xtol=max(tol, 1e-300),
                    rtol=4.0 * np.finfo(float).eps,
                )
                return float(root), False
            if at_bound:
                return float(limit), True
            c_in = c_out
            step *= 2.0
        return side * np.inf, True

    def tau(self) -> tuple[np.ndarray, np.ndarray]:
        """Profiled values (sorted) and their profile t statistics."""
        c = np.array([p[0] for p in self.points])
        s = np.array([p[1] for p in self.points])
        order = np.argsort(c)
        c, s = c[order], s[order]
        s2 = self.sse_min / self.dof
        c0 = float(self.phi_hat[self.j])
        tau = np.sign(c - c0) * np.sqrt(np.clip(s - self.sse_min, 0.0, None) / s2)
        return c, tau


def _criterion(fit: FitResult, sse_min: float, level: float) -> tuple[float, float]:
    from .._stats import t_quantile

    dof = int(fit.statistics["dof"])
    q = t_quantile(0.5 + level / 2.0, dof)
    return sse_min * (1.0 + q**2 / dof), q


def _require_dof(fit: FitResult, method: str) -> None:
    if int(fit.statistics["dof"]) <= 0:
        from ..errors import FitError

        raise FitError(
            "uncertainty_no_dof",
            attribute=fit.attribute.name,
            method=method,
            n=int(fit.statistics["n"]),
            p=int(fit.statistics["p"]),
        )


def _run(prof: _Profiler, fit: FitResult, level: float, transform, quantity: str, unit: str):
    """Both ends, the delta interval and the notices, on the reported scale."""
    from ..errors import Notice

    crit, q = _criterion(fit, prof.sse_min, level)
    lo, open_lo = prof.end(-1, crit)
    hi, open_hi = prof.end(+1, crit)
    c0 = float(prof.phi_hat[prof.j])
    with np.errstate(over="ignore"):
        delta = (transform(c0 - q * prof.se), transform(c0 + q * prof.se))
        low, high = transform(lo), transform(hi)
    values, tau = prof.tau()
    notices = []
    for is_open, bound in ((open_lo, low), (open_hi, high)):
        if is_open:
            notices.append(
                Notice(
                    "profile_open",
                    "plausibility",
                    fit.attribute.name,
                    {"quantity": quantity, "bound": f"{bound:.4g} {unit}".strip()},
                )
            )
    with np.errstate(over="ignore"):
        shown = np.array([transform(v) for v in values])
    return dict(
        low=low,
        high=high,
        estimate=transform(c0),
        unit=unit,
        level=float(level),
        method="profile-likelihood",
        dof=prof.dof,
        t_quantile=float(q),
        open=(bool(open_lo), bool(open_hi)),
        log_scale=transform is np.exp,
        delta=(float(delta[0]), float(delta[1])),
        values=shown,
        tau=tau,
        sse_min=prof.sse_min,
        sse_crit=float(crit),
        notices=tuple(notices),
    )


def _finish(info: dict, quantity: str, temperature: float | None) -> ProfileInterval:
    for key in ("values", "tau"):
        info[key].flags.writeable = False
    return ProfileInterval(
        info.pop("low"), info.pop("high"), quantity=quantity, temperature=temperature, **info
    )


# ---------------------------------------------------------------------------- public
def profile_interval(fit: FitResult, parameter: str, level: float = 0.95) -> ProfileInterval:
    """Profile-likelihood interval of a reported parameter.

    Parameters
    ----------
    fit : FitResult
        A one-step fit.
    parameter : str
        Reported parameter name, e.g. ``"activation_energy"``, ``"rate_constant_ref"``,
        ``"initial_value"``.
    level : float
        Two-sided confidence level.

    Returns
    -------
    ProfileInterval
        ``(low, high)`` on the reported scale [parameter unit], with method, level, the
        delta interval for comparison and the profile t curve.

    Raises
    ------
    InputError
        Unknown parameter, or one held fixed in the fit.
    FitError
        No residual degrees of freedom.

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.uncertainty import profile_interval
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> low, high = profile_interval(fit, "activation_energy")
    >>> round(low, 1), round(high, 1)
    (66.7, 75.4)
    """
    level = check_level(level)
    j = parameter_index(fit, parameter)
    free = free_mask(fit)
    if not free[j]:
        from ..errors import InputError

        names = [n for n, f in zip(fit.model.parameter_names, free, strict=True) if f]
        raise InputError(
            "uncertainty_parameter_fixed",
            attribute=fit.attribute.name,
            name=parameter,
            choices=", ".join(names),
        )
    _require_dof(fit, "profile likelihood")
    theta = np.asarray(fit.theta, dtype=float)
    P = theta.size
    eye = np.eye(P)
    pars = fit.model.parameters
    bounds = (np.array([p.lower for p in pars]), np.array([p.upper for p in pars]))
    prof = _Profiler(fit, j, theta, lambda phi: phi, lambda phi: eye, fit.cov, bounds)
    par = pars[j]
    unit = par.resolve_unit(fit.attribute.unit, fit.rate_unit)
    info = _run(prof, fit, level, np.exp if par.log else float, parameter, unit)
    return _finish(info, parameter, None)


def profile_shelf_life(
    fit: FitResult, temperature: Any, level: float = 0.95, *, rh: Any = None
) -> ProfileInterval:
    r"""Profile-likelihood interval of the shelf life at one temperature.

    The model is reparameterised with :math:`\ln t_s(T_0)` in place of
    :math:`\ln k_{ref}` (exact for every reaction order, see the module notes) and
    :math:`\ln t_s` is profiled; the interval is reported in days.

    Parameters
    ----------
    fit : FitResult
        A one-step fit of an attribute with a limit.
    temperature : float or pint.Quantity or str
        Storage temperature [K as a bare number, or °C, K, °F quantity/string].
    level : float
        Two-sided confidence level.
    rh : pint.Quantity or str, optional
        Relative humidity (humidity models only). [%]

    Returns
    -------
    ProfileInterval
        ``(low, high)`` [day]; ``(0, 0)`` when the limit is exceeded at time zero and
        ``(inf, inf)`` when it is never reached (as the delta method reports them).

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.uncertainty import profile_shelf_life
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> low, high = profile_shelf_life(fit, "30 degC")
    >>> round(low), round(high)
    (141, 166)
    """
    from .._stats import t_quantile
    from ._common import shelf_life_many

    level = check_level(level)
    model = fit.model
    T0 = kelvin(temperature)[:1]
    rh0 = rh_values(fit, rh, T0.shape)
    limit = require_limit(fit)
    _require_dof(fit, "profile likelihood")
    theta = np.asarray(fit.theta, dtype=float)
    estimate = float(shelf_life_many(model, theta, T0, limit, fit.attribute.direction, rh0)[0, 0])
    T_K = float(T0[0])
    if estimate == 0.0 or not np.isfinite(estimate):
        q = t_quantile(0.5 + level / 2.0, int(fit.statistics["dof"]))
        return ProfileInterval(
            estimate,
            estimate,
            quantity="shelf_life",
            temperature=T_K,
            estimate=estimate,
            unit="day",
            level=float(level),
            method="profile-likelihood",
            dof=int(fit.statistics["dof"]),
            t_quantile=float(q),
            open=(False, False),
            log_scale=True,
            delta=(estimate, estimate),
            values=np.array([estimate]),
            tau=np.zeros(1),
            sse_min=np.nan,
            sse_crit=np.nan,
            notices=(),
        )
    from .solver import order_layout

    m = order_layout(model, fit.temperature)[0]
    ik = m  # ln k_ref: first temperature parameter, log-scale with a unit design column
    free = free_mask(fit)
    pars = model.parameters
    if not free[ik]:
        from ..errors import InputError

        names = [n for n, f in zip(model.parameter_names, free, strict=True) if f]
        raise InputError(
            "uncertainty_parameter_fixed",
            attribute=fit.attribute.name,
            name=pars[ik].name,
            choices=", ".join(names),
        )
    o0, G0 = model.temperature.design(T0, rh0, model.references)
    o0, G0 = float(o0[0]), np.asarray(G0[0], dtype=float)
    ln_k_hat = float(theta[ik])

    def ln_tau(th: np.ndarray) -> float:
        """Log crossing time at unit rate, ln t_s + ln k(T0) (free of ln k_ref)."""
        probe = th.copy()
        probe[ik] = ln_k_hat
        with np.errstate(all="ignore"):
            ts = float(np.atleast_1d(model.time_to_limit(probe, T0, limit, rh0))[0])
            return np.log(ts) + o0 + float(G0 @ probe[m:]) if ts > 0 else np.nan

    order_idx = np.flatnonzero(free[:m])

    def grad_ln_tau(th: np.ndarray) -> np.ndarray:
        g = np.zeros(m)
        for i in order_idx:
            h = 1e-6 * max(abs(th[i]), 1e-3)
            tp, tm = th.copy(), th.copy()
            tp[i] += h
            tm[i] -= h
            g[i] = (ln_tau(tp) - ln_tau(tm)) / (2.0 * h)
        return g

    rest = np.arange(ik + 1, theta.size)

    def theta_of(phi: np.ndarray) -> np.ndarray:
        th = phi.copy()
        th[ik] = ln_tau(phi) - o0 - float(G0[1:] @ phi[rest]) - phi[ik]
        return th

    def dtheta(phi: np.ndarray) -> np.ndarray:
        D = np.eye(phi.size)
        D[ik, :] = 0.0
        D[ik, :m] = grad_ln_tau(phi)
        D[ik, ik] = -1.0
        D[ik, rest] = -G0[1:]
        return D

    phi_hat = theta.copy()
    phi_hat[ik] = np.log(estimate)
    # covariance of phi by the delta method: row ik is the gradient of ln t_s
    A = np.eye(theta.size)
    A[ik, :m] = grad_ln_tau(theta)
    A[ik, m:] = -G0
    cov_phi = A @ fit.cov @ A.T
    lower = np.array([p.lower for p in pars])
    upper = np.array([p.upper for p in pars])
    lower[ik], upper[ik] = -np.inf, np.inf
    prof = _Profiler(fit, ik, phi_hat, theta_of, dtheta, cov_phi, (lower, upper))
    info = _run(prof, fit, level, np.exp, "shelf_life", "day")
    return _finish(info, "shelf_life", T_K)
