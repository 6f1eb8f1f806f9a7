r"""The estimation engine: one-step global nonlinear least squares.

All temperatures are fitted at once. The model of an attribute :math:`A` measured at time
:math:`t` and temperature :math:`T` combines a reaction order and a temperature
dependence, e.g. first order with Arrhenius:

.. math::

    A(t, T) = A_0 \exp\{s\,k_{ref} \exp[-(E_a/R)(1/T - 1/T_{ref})]\,t\}

The parameters in fitting space are the order parameters (:math:`A_0` first, then e.g.
the order :math:`n` or the Weibull shape) followed by the temperature parameters
(:math:`\ln k_{ref}`, :math:`E_a`, ...), with :math:`T_{ref}` the centre of the tested
temperatures in :math:`1/T`. Parameters can be held fixed (``fixed={"initial_value": 0}``). Starting values come
from the two-step method (deterministic); :func:`scipy.optimize.least_squares` is run with
the analytic Jacobian and a bounded number of evaluations. The result is then checked:
if the optimiser did not converge, or a deterministic set of alternative starts finds a
lower residual sum of squares, the better optimum is kept and the event is recorded, so a
poor local optimum is never accepted silently.

Covariance: :math:`\hat\sigma^2 (J^\top J)^{-1}` with
:math:`\hat\sigma^2 = \mathrm{SSE}/(n - p)`; intervals use Student's t on :math:`n - p`
degrees of freedom (Bates & Watts [1]_).

References
----------
.. [1] D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and Its Applications*.
   New York, NY, USA: Wiley, 1988.
.. [2] M. A. J. S. van Boekel, "Statistical aspects of kinetic modeling for food science
   problems," *J. Food Sci.*, vol. 61, no. 3, pp. 477-486, 1996.
   doi:10.1111/j.1365-2621.1996.tb13138.x
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .errormodels import ERROR_MODELS, estimate_combined, relative_variance, replicate_weights
from .errors import FitError, InputError
from .models.kinetics import ReactionOrder, get_order
from .models.parameters import Parameter
from .models.temperature import (
    References,
    TemperatureDependence,
    get_temperature_model,
    reference_temperature,
)
from .twostep import TwoStepResult, linear_fit, two_step

if TYPE_CHECKING:  # pragma: no cover
    from .results import FitResult
    from .study import Attribute, Study

__all__ = ["KineticModel", "fit", "fit_arrays", "fit_floats", "trend_sign"]

#: Activation energies tried as alternative starts [kJ/mol] (typical food range: lipid
#: oxidation 40-100, Maillard browning 50-150; see :mod:`shelflife.library`).
ALTERNATIVE_EA_STARTS = (20.0, 50.0, 80.0, 120.0, 160.0)
#: An optimum outside this activation-energy range [kJ/mol] triggers the alternative starts
#: (the best of all runs is kept; a genuinely odd Ea then survives, with its warnings).
EA_PLAUSIBLE = (-100.0, 400.0)
#: An optimum whose SSE exceeds this multiple of the per-condition two-step SSE triggers
#: the alternative starts.
POOR_OPTIMUM_FACTOR = 4.0
#: Convergence tolerance of the optimiser (relative change of cost and parameters).
#: Tighter than scipy's default 1e-8 so that certified NIST problems reach 6+ digits.
TOLERANCE = 1e-11
#: Reported names of temperature parameters that are activation energies [kJ/mol].
ENERGY_PARAMETERS = ("activation_energy", "activation_enthalpy")


@dataclass(frozen=True)
class KineticModel:
    """A reaction order joined with a temperature dependence (floats, working units).

    The parameter vector ``theta`` (fitting space) is the order parameters followed by the
    temperature parameters. With ``initial_temperatures`` set, the initial value is not
    common but one per storage temperature (``theta`` then starts with one :math:`A_0` per
    temperature); at any other temperature the mean of them is used.

    Parameters
    ----------
    order : ReactionOrder
    temperature : TemperatureDependence
    sign : float
        +1 for a rising attribute, -1 for a falling one.
    references : References
        Reference temperature [K] (and RH [%]) of the reparameterisation.
    initial_temperatures : tuple of float
        Temperatures [K] with their own initial value; empty for a common one.
    """

    order: ReactionOrder
    temperature: TemperatureDependence
    sign: float
    references: References
    initial_temperatures: tuple[float, ...] = ()

    @property
    def reference_temperature(self) -> float:
        """:math:`T_{ref}` [K]."""
        return self.references.temperature

    @property
    def n_initial(self) -> int:
        """Number of initial-value parameters (1, or one per temperature)."""
        return max(1, len(self.initial_temperatures))

    @property
    def n_order_parameters(self) -> int:
        """Number of order parameters in ``theta`` (initial values and e.g. n, beta)."""
        return self.n_initial + self.order.n_parameters - 1

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        """Declarations of all parameters, in ``theta`` order."""
        if not self.initial_temperatures:
            return self.order.parameters + self.temperature.parameters
        first = self.order.parameters[0]
        per = tuple(
            Parameter(
                f"{first.name}_{T - 273.15:g}C", f"{first.symbol}({T - 273.15:g} °C)", first.unit
            )
            for T in self.initial_temperatures
        )
        return per + self.order.parameters[1:] + self.temperature.parameters

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """Reported names of the parameters, in ``theta`` order."""
        return tuple(p.name for p in self.parameters)

    def split(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Order parameters and temperature parameters of ``theta``."""
        m = self.n_order_parameters
        return theta[:m], theta[m:]

    def initial_value(self, theta: np.ndarray, T: np.ndarray | float | None = None):
        """Initial value at temperatures ``T`` [K] (the common one, or per temperature)."""
        if not self.initial_temperatures:
            return theta[0]
        a0 = theta[: self.n_initial]
        if T is None:
            return float(np.mean(a0))
        return self.initial_map(T) @ a0

    def initial_map(self, T: np.ndarray | float) -> np.ndarray:
        """Matrix mapping the initial values to temperatures, shape (n, n_initial).

        One-hot at a tested temperature, the mean elsewhere.
        """
        T = np.atleast_1d(np.asarray(T, dtype=float))
        groups = np.asarray(self.initial_temperatures)
        hit = np.isclose(T[:, None], groups[None, :], rtol=0, atol=1e-6)
        M = hit.astype(float)
        none = ~hit.any(axis=1)
        M[none] = 1.0 / groups.size
        return M

    def _order_p(self, theta: np.ndarray, T: np.ndarray) -> list:
        """Order parameters as the order functions take them (A0 per point if needed)."""
        p, _ = self.split(theta)
        if not self.initial_temperatures:
            return p
        return [self.initial_value(theta, T), *p[self.n_initial :]]

    def _spread(self, d_p: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Expand the A0 column of an order gradient into one column per temperature."""
        if not self.initial_temperatures:
            return d_p
        M = self.initial_map(T)
        return np.concatenate([d_p[..., :1] * M, d_p[..., 1:]], axis=-1)

    def log_rate(
        self, theta: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None
    ) -> np.ndarray:
        """Natural logarithm of the rate constant at ``T`` [K] (and ``rh`` [%])."""
        return self.temperature.log_rate(T, rh, self.split(theta)[1], self.references)

    def log_rate_gradient(
        self, theta: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None
    ) -> np.ndarray:
        """Gradient of :meth:`log_rate` with respect to all of ``theta``, shape (n, P)."""
        G = self.temperature.log_rate_gradient(T, rh, self.split(theta)[1], self.references)
        zeros = np.zeros(G.shape[:-1] + (self.n_order_parameters,))
        return np.concatenate([zeros, G], axis=-1)

    def predict(
        self, theta: np.ndarray, t: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None
    ) -> np.ndarray:
        """Mean response at times ``t`` [day] and temperatures ``T`` [K]."""
        t, T = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(T, dtype=float))
        k = np.exp(self.log_rate(theta, T, rh))
        return self.order.response(t, k, self._order_p(theta, T), self.sign)

    def jacobian(
        self, theta: np.ndarray, t: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None
    ) -> np.ndarray:
        """Analytic Jacobian of :meth:`predict` with respect to ``theta``, shape (n, P)."""
        t, T = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(T, dtype=float))
        _, q = self.split(theta)
        k = np.exp(self.temperature.log_rate(T, rh, q, self.references))
        d_p, d_k = self.order.gradient(t, k, self._order_p(theta, T), self.sign)
        G = self.temperature.log_rate_gradient(T, rh, q, self.references)
        return np.concatenate([self._spread(d_p, T), (d_k * k)[..., None] * G], axis=-1)

    def at_conditions(self, theta: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None):
        """Response and Jacobian as a function of time, at fixed ``theta`` and conditions.

        Everything that depends only on the conditions (rate constants, the temperature
        design) is computed once, so root searches along time (the conservative shelf
        life) evaluate only the order functions. Gives the same numbers as
        :meth:`predict` and :meth:`jacobian`.

        Returns
        -------
        callable
            ``at(t) -> (mu, J)`` for times ``t`` [day] shaped like ``T`` [K]; ``J`` has
            shape ``T.shape + (P,)``.
        """
        T = np.asarray(T, dtype=float)
        _, q = self.split(theta)
        k = np.exp(self.temperature.log_rate(T, rh, q, self.references))
        G = self.temperature.log_rate_gradient(T, rh, q, self.references)
        p = self._order_p(theta, T)
        order, sign = self.order, self.sign

        def at(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            t = np.broadcast_to(np.asarray(t, dtype=float), T.shape)
            d_p, d_k = order.gradient(t, k, p, sign)
            J = np.concatenate([self._spread(d_p, T), (d_k * k)[..., None] * G], axis=-1)
            return order.response(t, k, p, sign), J

        return at

    def compiled(self, t: np.ndarray, T: np.ndarray, rh: np.ndarray | None = None):
        """Response and Jacobian functions of ``theta`` for fixed data (hot loops).

        The design of the temperature dependence depends only on the conditions, so it is
        computed once here rather than at every evaluation.

        Returns
        -------
        tuple of callables
            ``(predict(theta), jacobian(theta))`` at the given ``t`` [day], ``T`` [K].
        """
        T = np.asarray(T, dtype=float)
        offset, G = self.temperature.design(T, rh, self.references)
        m, order, sign = self.n_order_parameters, self.order, self.sign
        if self.initial_temperatures:
            M = self.initial_map(T)
            g = self.n_initial

            def order_p(theta):
                return [M @ theta[:g], *theta[g:m]]

            def spread(d_p):
                return np.concatenate([d_p[:, :1] * M, d_p[:, 1:]], axis=-1)

        else:

            def order_p(theta):
                return theta[:m]

            def spread(d_p):
                return d_p

        def predict(theta):
            k = np.exp(offset + G @ theta[m:])
            return order.response(t, k, order_p(theta), sign)

        def jacobian(theta):
            k = np.exp(offset + G @ theta[m:])
            d_p, d_k = order.gradient(t, k, order_p(theta), sign)
            return np.concatenate([spread(d_p), (d_k * k)[:, None] * G], axis=-1)

        return predict, jacobian

    def time_to_limit(
        self, theta: np.ndarray, T: np.ndarray, limit: float, rh: np.ndarray | None = None
    ) -> np.ndarray:
        """Formal crossing time of ``limit`` at temperatures ``T`` [day] (may be <0 or inf)."""
        T = np.atleast_1d(np.asarray(T, dtype=float))
        k = np.exp(self.log_rate(theta, T, rh))
        if not self.initial_temperatures:
            p, _ = self.split(theta)
            return self.order.time_to_limit(limit, k, p, self.sign)
        a0 = self.initial_value(theta, T)
        extras = list(self.split(theta)[0][self.n_initial :])
        return np.array(
            [
                float(
                    np.atleast_1d(
                        self.order.time_to_limit(limit, k[i : i + 1], [a0[i], *extras], self.sign)
                    )[0]
                )
                for i in range(T.size)
            ]
        )


def trend_sign(
    time: np.ndarray,
    temperature: np.ndarray,
    value: np.ndarray,
    _groups: tuple[np.ndarray, np.ndarray] | None = None,
) -> float:
    """Direction of change pooled within temperatures: +1 rising, -1 falling.

    The pooled within-temperature slope of value on time (analysis of covariance with a
    common slope) decides; a zero slope counts as rising.
    """
    temps, groups = _groups or np.unique(temperature, return_inverse=True)
    n = np.bincount(groups, minlength=temps.size)
    tc = time - (np.bincount(groups, time, temps.size) / n)[groups]
    yc = value - (np.bincount(groups, value, temps.size) / n)[groups]
    return -1.0 if float(tc @ yc) < 0 else 1.0


def _energy_index(model: KineticModel) -> int | None:
    for i, name in enumerate(model.parameter_names):
        if name in ENERGY_PARAMETERS:
            return i
    return None


def _default_temperature_start(model: KineticModel, t, y, p) -> np.ndarray:
    """Temperature parameters when the two-step method cannot give them."""
    z = model.order.linearize(y, p, model.sign)
    ok = np.isfinite(z)
    slope = linear_fit(t[ok], z[ok])[0] if ok.sum() > 1 else np.nan
    q = []
    for par in model.temperature.parameters:
        if par.name in ("rate_constant_ref", "rate_constant"):
            q.append(float(np.log(max(abs(slope), 1e-9))) if np.isfinite(slope) else -5.0)
        elif par.name in ENERGY_PARAMETERS:
            q.append(80.0)
        elif par.name == "q10":
            q.append(float(np.log(2.0)))
        else:
            q.append(0.0)
    return np.array(q)


def _start(model: KineticModel, ts: TwoStepResult, t, T, y, p0: np.ndarray) -> np.ndarray:
    """Deterministic starting values from the two-step method.

    Order parameters with A0 from the two-step intercepts, temperature parameters from the
    two-step regression.
    """
    p = p0.copy()
    a0s = [
        model.order.initial_from_intercept(r.intercept, p0, model.sign)
        for r in ts.rates
        if np.isfinite(r.intercept)
    ]
    a0s = [a for a in a0s if np.isfinite(a)]
    if a0s:
        p[0] = float(np.mean(a0s))
    q = ts.estimates
    if not np.all(np.isfinite(q)):
        q = _default_temperature_start(model, t, y, p)
    return np.concatenate([p, q])


def _alternative_starts(model: KineticModel, x0: np.ndarray) -> list[np.ndarray]:
    """Deterministic alternative starts around ``x0`` (energies, Q10, order/shape, rate)."""
    out = []
    i_energy = _energy_index(model)
    names = model.parameter_names
    if i_energy is not None:
        for ea in ALTERNATIVE_EA_STARTS:
            x = x0.copy()
            x[i_energy] = ea
            out.append(x)
    if "q10" in names:
        for q10 in (1.5, 2.0, 3.0, 5.0):
            x = x0.copy()
            x[names.index("q10")] = np.log(q10)
            out.append(x)
    if "order" in names:
        for n in (0.0, 1.0, 2.0, 4.0):
            x = x0.copy()
            x[names.index("order")] = n
            out.append(x)
    if "shape" in names:
        for beta in (0.5, 1.0, 2.0):
            x = x0.copy()
            x[names.index("shape")] = np.log(beta)
            out.append(x)
    i_k = model.n_order_parameters
    for shift in (-2.0, 2.0):
        x = x0.copy()
        x[i_k] += shift
        out.append(x)
    return out


def _free_sse(model: KineticModel, ts: TwoStepResult, t, T, y, p0: np.ndarray, rh) -> float:
    """Residual sum of squares of the separate per-condition lines of the two-step method.

    A yardstick for the global optimum: the global model is more constrained, but an SSE
    many times larger than this signals a poor local optimum rather than lack of fit.
    """
    if model.temperature.uses_rh:
        return np.inf  # conditions are (T, RH) pairs; the yardstick is skipped
    temps = np.array([r.temperature for r in ts.rates])
    rate = np.array([r.rate_constant for r in ts.rates])
    if not np.all(np.isfinite(rate)) or np.any(rate <= 0):
        return np.inf
    a0 = np.array(
        [model.order.initial_from_intercept(r.intercept, p0, model.sign) for r in ts.rates]
    )
    if not np.all(np.isfinite(a0)):
        return np.inf
    idx = np.searchsorted(temps, T)
    p = [a0[idx], *p0[1:]]  # per-point initial value, shared extra parameters
    with np.errstate(all="ignore"):
        pred = model.order.response(t, rate[idx], p, model.sign)
    sse = float(np.sum((pred - y) ** 2))
    return sse if np.isfinite(sse) else np.inf


#: MINPACK ``lmder`` exit code -> ``scipy.optimize.least_squares`` status (same meaning as
#: ``least_squares(method="lm")`` reports: >0 converged, 0 evaluation budget spent, -1 bad input)
_MINPACK_STATUS = {0: -1, 1: 2, 2: 3, 3: 4, 4: 1, 5: 0}


@dataclass
class _Solution:
    """The fields of ``scipy.optimize.OptimizeResult`` that the fit uses."""

    x: np.ndarray
    fun: np.ndarray
    jac: np.ndarray
    cost: float
    status: int
    nfev: int
    message: str


def _levenberg_marquardt(residuals, jac, start: np.ndarray, max_nfev: int) -> _Solution | None:
    """Unbounded Levenberg–Marquardt (MINPACK ``lmder``) with the fit's tolerances.

    The same algorithm, scaling and tolerances as ``least_squares(method="lm",
    x_scale="jac")``, called through ``scipy.optimize.leastsq``: that wrapper skips the
    function-object machinery of ``least_squares`` and costs about 0.3 ms less per call,
    which is as much as a whole solve of a 63-point study (docs/benchmarks.md). The
    solutions are identical (``tests/test_fitting_solver.py``).

    Returns ``None`` when the residuals are not finite at the start.
    """
    from scipy.optimize import leastsq

    if not np.all(np.isfinite(residuals(start))):
        return None
    try:
        x, _, info, message, ier = leastsq(
            residuals,
            start,
            Dfun=jac,
            full_output=True,
            ftol=TOLERANCE,
            xtol=TOLERANCE,
            gtol=TOLERANCE,
            maxfev=max_nfev,
        )
    except (TypeError, ValueError):  # improper input (more parameters than points)
        return None
    x = np.asarray(x, dtype=float)
    fun = np.asarray(info["fvec"], dtype=float)
    return _Solution(
        x=x,
        fun=fun,
        jac=np.asarray(jac(x), dtype=float),
        cost=0.5 * float(fun @ fun),
        status=_MINPACK_STATUS.get(int(ier), -1),
        nfev=int(info["nfev"]),
        message=str(message),
    )


def _solve(model: KineticModel, x0, free, t, T, rh, y, max_nfev, compiled=None, sqrt_w=None):
    from scipy.optimize import least_squares

    predict, jacobian = compiled or model.compiled(t, T, rh)

    x_full = x0.copy()
    params = model.parameters
    idx = np.flatnonzero(free)
    lower = np.array([params[i].lower for i in idx])
    upper = np.array([params[i].upper for i in idx])
    bounded = np.any(np.isfinite(lower)) or np.any(np.isfinite(upper))
    start = np.clip(
        x0[free], lower + 1e-10 * np.isfinite(lower), upper - 1e-10 * np.isfinite(upper)
    )

    def full(theta_free):
        x = x_full.copy()
        x[free] = theta_free
        return x

    all_free = bool(np.all(free))

    if sqrt_w is None:

        def residuals(theta_free):
            return predict(theta_free if all_free else full(theta_free)) - y

        def jac(theta_free):
            J = jacobian(theta_free if all_free else full(theta_free))
            return J if all_free else J[:, free]

    else:  # weighted least squares: residuals and Jacobian scaled by sqrt(w)

        def residuals(theta_free):
            return sqrt_w * (predict(theta_free if all_free else full(theta_free)) - y)

        def jac(theta_free):
            J = sqrt_w[:, None] * jacobian(theta_free if all_free else full(theta_free))
            return J if all_free else J[:, free]

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        if not bounded:
            sol = _levenberg_marquardt(residuals, jac, start, max_nfev)
            if sol is None:
                return None, "Residuals are not finite in the initial point."
        else:
            try:
                sol = least_squares(
                    residuals,
                    start,
                    jac=jac,
                    x_scale="jac",
                    max_nfev=max_nfev,
                    ftol=TOLERANCE,
                    xtol=TOLERANCE,
                    gtol=TOLERANCE,
                    method="trf",
                    bounds=(lower, upper),
                )
            except ValueError as exc:  # residuals not finite at the start
                return None, str(exc)
    if not np.all(np.isfinite(sol.fun)):
        return None, "non-finite residuals"
    sol.x = full(sol.x)
    return sol, sol.message


def _check_data(
    model: KineticModel, free, t, T, rh, y, rows, attribute_name, file, n_temps=None, column=None
):
    n = y.size
    p = int(np.sum(free))
    if n <= p:
        raise FitError("too_few_points", attribute=attribute_name, n=n, p=p, need=p + 2)
    order, tdep = model.order, model.temperature
    if order.needs_positive:
        bad = np.flatnonzero(y <= 0)
        if bad.size:
            i = int(bad[0])
            raise InputError(
                "value_not_positive",
                file=file,
                row=None if rows is None else int(rows[i]),
                column=column or attribute_name,
                value=float(y[i]),
                order=order.name,
            )
    n_temps = np.unique(T).size if n_temps is None else n_temps
    if tdep.name != "isothermal" and n_temps < 2:
        raise FitError(
            "not_identifiable",
            attribute=attribute_name,
            model=tdep.title,
            reason="all measurements are at one temperature",
        )
    if tdep.uses_rh:
        if rh is None or not np.all(np.isfinite(rh)):
            raise FitError(
                "not_identifiable",
                attribute=attribute_name,
                model=tdep.title,
                reason="the data have no rh column",
            )
        if np.unique(rh).size < 2:
            raise FitError(
                "not_identifiable",
                attribute=attribute_name,
                model=tdep.title,
                reason="all measurements are at one relative humidity",
            )
    if order.n_parameters > 1 and np.unique(t).size < order.n_parameters + 2:
        raise FitError(
            "not_identifiable",
            attribute=attribute_name,
            model=order.title,
            reason=f"only {np.unique(t).size} distinct storage times",
        )


def fit_floats(
    t: np.ndarray,
    T: np.ndarray,
    y: np.ndarray,
    *,
    order: str | ReactionOrder = "first",
    temperature_model: str | TemperatureDependence = "arrhenius",
    attribute: Attribute | None = None,
    sign: float | None = None,
    reference_temperature_K: float | None = None,
    rh: np.ndarray | None = None,
    reference_rh: float | None = None,
    fixed: dict[str, float] | None = None,
    start: dict[str, float] | None = None,
    error_model: str = "constant",
    weights: np.ndarray | None = None,
    initial: str = "common",
    rows: np.ndarray | None = None,
    file: str | None = None,
    column: str | None = None,
    max_nfev: int = 400,
) -> FitResult:
    """Fit on float arrays in working units (time [day], temperature [K], RH [%]).

    This is the engine behind :func:`fit`; batch code calls it directly to avoid unit
    handling in hot loops.

    Parameters
    ----------
    fixed : dict, optional
        Reported parameter name -> value (reported scale and unit) held fixed, e.g.
        ``{"initial_value": 0.0}``.
    start : dict, optional
        Reported parameter name -> starting value, overriding the two-step start.
    error_model : {"constant", "proportional", "combined", "replicates"}
        How the scatter depends on the level (:mod:`shelflife.errormodels`).
    weights : numpy.ndarray, optional
        User weights (inverse relative variances); overrides ``error_model``'s weights.
    initial : {"common", "per_temperature"}
        One initial value for all temperatures (default), or one per storage temperature
        (when the samples at each temperature started from different levels).
    rows, file, column : optional
        Source row numbers, data file and the attribute's header as written, named by
        errors about single values (defaults: no rows, no file, the attribute's name).
    """
    from .results import FitResult
    from .study import Attribute

    order = get_order(order) if isinstance(order, str) else order
    tdep = (
        get_temperature_model(temperature_model)
        if isinstance(temperature_model, str)
        else temperature_model
    )
    t = np.asarray(t, dtype=float)
    T = np.asarray(T, dtype=float)
    y = np.asarray(y, dtype=float)
    rh = None if rh is None else np.asarray(rh, dtype=float)
    if attribute is None:
        attribute = Attribute(name="value", unit="", limit=np.nan, direction="max")
    # distinct temperatures and each point's group, computed once for the whole fit
    temperature_groups = np.unique(T, return_inverse=True)
    if sign is None:
        sign = trend_sign(t, T, y, temperature_groups)
    refs = References(
        float(reference_temperature_K or reference_temperature(temperature_groups[0])),
        float(
            reference_rh
            if reference_rh is not None
            else (np.mean(np.unique(rh)) if rh is not None else np.nan)
        ),
    )
    if initial not in ("common", "per_temperature"):
        raise InputError(
            "option_unknown", what="initial", value=initial, choices="common, per_temperature"
        )
    model = KineticModel(order, tdep, float(sign), refs)
    params = model.parameters
    names = model.parameter_names
    fixed = dict(fixed or {})
    for name in fixed:
        if name not in names:
            raise InputError(
                "option_unknown", what="parameter", value=name, choices=", ".join(names)
            )
    free = np.array([n not in fixed for n in names])
    _check_data(
        model, free, t, T, rh, y, rows, attribute.name, file, temperature_groups[0].size, column
    )

    p0 = order.start(t, y, model.sign)
    for i, par in enumerate(order.parameters):
        if par.name in fixed:
            p0[i] = np.log(fixed[par.name]) if par.log else fixed[par.name]
    ts = two_step(t, T, y, model, p0, rh, None if rh is not None else temperature_groups)
    x0 = _start(model, ts, t, T, y, p0)
    if initial == "per_temperature":
        temps = tuple(float(x) for x in np.unique(T))
        common_a0 = x0[0]
        a0s = []
        for Tg in temps:
            r = next(r for r in ts.rates if r.temperature == Tg)
            a = order.initial_from_intercept(r.intercept, p0, model.sign)
            a0s.append(a if np.isfinite(a) else common_a0)
        model = KineticModel(order, tdep, float(sign), refs, temps)
        x0 = np.concatenate([a0s, x0[1:]])
        params = model.parameters
        names = model.parameter_names
        for name in fixed:
            if name not in names:
                raise InputError(
                    "option_unknown", what="parameter", value=name, choices=", ".join(names)
                )
        free = np.array([n not in fixed for n in names])
    for name in start or {}:
        if name not in names:
            raise InputError(
                "option_unknown", what="parameter", value=name, choices=", ".join(names)
            )
    for i, par in enumerate(params):
        value = fixed.get(par.name, (start or {}).get(par.name))
        if value is not None:
            x0[i] = np.log(value) if par.log else value

    compiled = model.compiled(t, T, rh)
    sol, message = _solve(model, x0, free, t, T, rh, y, max_nfev, compiled)
    restarts = 0
    # Never accept a poor local optimum silently: if the run failed, left the plausible
    # range, or ends far above the per-condition yardstick, try deterministic alternative
    # starts and keep the best optimum of all runs.
    i_energy = _energy_index(model)
    need_restart = (
        sol is None
        or sol.status <= 0
        or not np.isfinite(sol.x).all()
        or (i_energy is not None and not (EA_PLAUSIBLE[0] <= sol.x[i_energy] <= EA_PLAUSIBLE[1]))
        or 2 * sol.cost
        > POOR_OPTIMUM_FACTOR * _free_sse(model, ts, t, T, y, p0, rh) + 1e-12 * np.sum(y**2)
    )
    if need_restart:
        # data-driven base (independent of the two-step start, which may be what failed)
        x_data = np.concatenate(
            [
                np.repeat(p0[:1], model.n_initial),
                p0[1:],
                _default_temperature_start(model, t, y, p0),
            ]
        )
        for i, par in enumerate(params):
            if par.name in fixed:
                x_data[i] = x0[i]
        for x_alt in _alternative_starts(model, x_data):
            alt, alt_msg = _solve(model, x_alt, free, t, T, rh, y, max_nfev, compiled)
            restarts += 1
            if (
                alt is not None
                and alt.status > 0
                and (sol is None or alt.cost < sol.cost * (1 - 1e-9))
            ):
                sol, message = alt, alt_msg
    if sol is None:
        raise FitError(
            "fit_failed",
            model=f"{order.title} {tdep.title}",
            attribute=attribute.name,
            reason=message,
        )
    w, c = np.ones_like(y), 0.0
    if error_model not in ERROR_MODELS:
        raise InputError(
            "option_unknown",
            what="error model",
            value=error_model,
            choices=", ".join(ERROR_MODELS),
        )
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        if w.shape != y.shape or not np.all(np.isfinite(w)) or np.any(w <= 0):
            raise InputError("weights_invalid", n=y.size)
        sol, message, w = _weighted(model, sol, free, t, T, rh, y, max_nfev, compiled, w)
    elif error_model == "replicates":
        sol, message, w = _weighted(
            model, sol, free, t, T, rh, y, max_nfev, compiled, replicate_weights(t, T, y)
        )
    elif error_model in ("proportional", "combined"):
        sol, message, w, c = _irls(model, sol, free, t, T, rh, y, max_nfev, compiled, error_model)
    theta = sol.x
    if error_model == "constant" and weights is None:
        # least_squares returns the Jacobian at the solution; reuse it when nothing is fixed
        J = (
            np.asarray(sol.jac)
            if np.all(free) and np.shape(sol.jac) == (y.size, theta.size)
            else compiled[1](theta)
        )
    else:
        J = compiled[1](theta)
    return FitResult.build(
        model=model,
        attribute=attribute,
        theta=theta,
        free=free,
        jacobian=J,
        residuals=sol.fun,
        time=t,
        temperature=T,
        rh=rh,
        value=y,
        rows=rows,
        two_step=ts,
        converged=sol.status > 0,
        message=str(message),
        nfev=int(sol.nfev),
        restarts=restarts,
        weights=w,
        error_model="weights" if weights is not None else error_model,
        variance_parameter=c,
    )


def _weighted(model, sol, free, t, T, rh, y, max_nfev, compiled, w):
    """Refit with fixed weights ``w`` from the unweighted optimum."""
    new, message = _solve(model, sol.x, free, t, T, rh, y, max_nfev, compiled, np.sqrt(w))
    if new is None:
        raise FitError(
            "fit_failed", model=model.order.title, attribute="(weighted)", reason=message
        )
    new.fun = compiled[0](new.x) - y  # unweighted residuals (model minus data)
    return new, message, w


#: Iterations of the reweighting loop, and the relative parameter change that ends it.
IRLS_ITERATIONS = 25
IRLS_TOLERANCE = 1e-8


def _irls(model, sol, free, t, T, rh, y, max_nfev, compiled, error_model):
    """Iteratively reweighted least squares for a level-dependent variance."""
    predict = compiled[0]
    theta = sol.x
    c = 0.0
    message = sol.message
    for _ in range(IRLS_ITERATIONS):
        mu = predict(theta)
        if error_model == "combined":
            c = estimate_combined(y - mu, mu)
        w = 1.0 / relative_variance(error_model, mu, c)
        w = w / w.mean()
        new, message = _solve(model, theta, free, t, T, rh, y, max_nfev, compiled, np.sqrt(w))
        if new is None:
            raise FitError(
                "fit_failed", model=model.order.title, attribute="(reweighted)", reason=message
            )
        step = np.max(np.abs(new.x - theta) / np.maximum(np.abs(theta), 1e-8))
        sol, theta = new, new.x
        if step < IRLS_TOLERANCE:
            break
    mu = predict(theta)
    w = 1.0 / relative_variance(error_model, mu, c)
    w = w / w.mean()
    sol.fun = mu - y  # unweighted residuals (model minus data)
    return sol, message, w, c


def fit(
    study: Study,
    attribute: str | None = None,
    *,
    order: str | None = None,
    temperature_model: str | None = None,
    reference_temperature: Any = None,
) -> FitResult:
    """Fit one attribute of a study with a one-step global model.

    Parameters
    ----------
    study : Study
        Validated measurements.
    attribute : str, optional
        Attribute name; may be omitted when the study has one attribute.
    order : {"zero", "first"}, optional
        Reaction order. Defaults to the attribute's ``model``; ``"auto"`` is resolved by
        :func:`shelflife.analyze`, so here it falls back to first order.
    temperature_model : {"arrhenius"}, optional
        Defaults to the attribute's ``temperature_model``.
    reference_temperature : pint.Quantity or str, optional
        :math:`T_{ref}`; defaults to the centre of the tested range in 1/T. [°C, K or °F]

    Returns
    -------
    FitResult
        Immutable result with parameters, covariance, statistics and the two-step
        comparison.

    Raises
    ------
    InputError
        Values not positive for first order (with the row), unknown attribute.
    FitError
        Too few points, or no finite optimum could be found.
    """
    from .units import to_kelvin

    if attribute is None:
        if len(study.attributes) != 1:
            names = ", ".join(a.name for a in study.attributes)
            raise InputError("attribute_unknown", name="(none given)", names=names)
        attribute = study.attributes[0].name
    attr = study.attribute(attribute)
    t, T, y, rows = study.arrays(attribute)
    chosen = order or (attr.model if attr.model != "auto" else "first")
    T_ref = None if reference_temperature is None else float(to_kelvin(reference_temperature))
    return fit_floats(
        t,
        T,
        y,
        order=chosen,
        temperature_model=temperature_model or attr.temperature_model,
        attribute=attr,
        reference_temperature_K=T_ref,
        rows=rows,
        file=study.source.get("data_file"),
        column=study.source.get("columns", {}).get(attr.name),
    )


def fit_arrays(
    time: Any,
    temperature: Any,
    value: Any,
    *,
    unit: str = "",
    limit: float | None = None,
    direction: str = "max",
    order: str = "first",
    temperature_model: str = "arrhenius",
) -> FitResult:
    """Fit arrays of measurements given as quantities.

    Parameters
    ----------
    time : pint.Quantity
        Storage times. [day, week, month...]
    temperature : pint.Quantity
        Storage temperatures. [°C, K or °F]
    value : array-like
        Attribute values. [``unit``]
    unit : str
        Unit of ``value`` and ``limit``.
    limit : float, optional
        Critical limit [``unit``], needed for shelf-life predictions.
    direction : {"max", "min"}
        Whether the product fails above (``"max"``) or below (``"min"``) the limit.
    order, temperature_model : str
        Model choice.

    Examples
    --------
    >>> import numpy as np
    >>> from shelflife import Q_
    >>> t = np.tile([0.0, 10, 20, 30], 3)
    >>> T = np.repeat([25.0, 35, 45], 4)
    >>> k = 0.01 * np.exp(-(80 / 8.314462618e-3) * (1 / (T + 273.15) - 1 / 308.15))
    >>> y = 100 * np.exp(-k * t)
    >>> res = fit_arrays(Q_(t, "day"), Q_(T, "degC"), y, unit="%", limit=80, direction="min")
    >>> round(res.activation_energy.to("kJ/mol").magnitude, 3)
    80.0
    """
    from .study import Attribute
    from .units import to_days, to_kelvin

    t = np.atleast_1d(to_days(time))
    T = np.atleast_1d(to_kelvin(temperature))
    y = np.asarray(value, dtype=float)
    attr = Attribute(
        name="value",
        unit=unit,
        limit=np.nan if limit is None else float(limit),
        direction=direction,
        model=order,
        temperature_model=temperature_model,
    )
    return fit_floats(t, T, y, order=order, temperature_model=temperature_model, attribute=attr)
