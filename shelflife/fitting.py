r"""The estimation engine: one-step global nonlinear least squares.

All temperatures are fitted at once. The model of an attribute :math:`A` measured at time
:math:`t` and temperature :math:`T` combines a reaction order and a temperature
dependence, e.g. first order with Arrhenius:

.. math::

    A(t, T) = A_0 \exp\{s\,k_{ref} \exp[-(E_a/R)(1/T - 1/T_{ref})]\,t\}

The parameters in fitting space are :math:`\theta = (A_0, \ln k_{ref}, E_a)`, with
:math:`T_{ref}` the centre of the tested temperatures in :math:`1/T`. Starting values come
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

from .errors import FitError, InputError
from .models.kinetics import ReactionOrder, get_order
from .models.temperature import TemperatureDependence, get_temperature_model, reference_temperature
from .twostep import TwoStepResult, linear_fit, two_step

if TYPE_CHECKING:  # pragma: no cover
    from .results import FitResult
    from .study import Attribute, Study

__all__ = ["KineticModel", "fit", "fit_arrays", "trend_sign"]

#: Activation energies tried as alternative starts [kJ/mol] (typical food range, see the
#: parameter library of issue 3; lipid oxidation 40-100, Maillard 50-150).
ALTERNATIVE_EA_STARTS = (20.0, 50.0, 80.0, 120.0, 160.0)
#: An optimum outside this activation-energy range [kJ/mol] triggers the alternative starts
#: (the best of all runs is kept; a genuinely odd Ea then survives, with its warnings).
EA_PLAUSIBLE = (-100.0, 400.0)
#: An optimum whose SSE exceeds this multiple of the per-temperature two-step SSE triggers
#: the alternative starts.
POOR_OPTIMUM_FACTOR = 4.0


@dataclass(frozen=True)
class KineticModel:
    """A reaction order joined with a temperature dependence (floats, working units).

    Parameters
    ----------
    order : ReactionOrder
    temperature : TemperatureDependence
    sign : float
        +1 for a rising attribute, -1 for a falling one.
    reference_temperature : float
        :math:`T_{ref}` [K].
    """

    order: ReactionOrder
    temperature: TemperatureDependence
    sign: float
    reference_temperature: float

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """Names of the fitting-space parameters."""
        return ("initial_value", *(p[0] for p in self.temperature.parameters))

    def log_rate(self, theta: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Natural logarithm of the rate constant at ``T`` [ln(rate unit)]."""
        return self.temperature.log_rate(T, theta[1:], self.reference_temperature)

    def predict(self, theta: np.ndarray, t: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Mean response at times ``t`` [day] and temperatures ``T`` [K]."""
        k = np.exp(self.log_rate(theta, T))
        return self.order.response(t, k, theta[0], self.sign)

    def jacobian(self, theta: np.ndarray, t: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Analytic Jacobian of :meth:`predict` with respect to ``theta``, shape (n, p)."""
        t, T = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(T, dtype=float))
        k = np.exp(self.log_rate(theta, T))
        d_a0, d_k = self.order.gradient(t, k, theta[0], self.sign)
        d_logk = self.temperature.log_rate_gradient(T, theta[1:], self.reference_temperature)
        return np.concatenate(
            [np.asarray(d_a0)[..., None], (d_k * k)[..., None] * d_logk], axis=-1
        )

    def time_to_limit(self, theta: np.ndarray, T: np.ndarray, limit: float) -> np.ndarray:
        """Formal crossing time of ``limit`` at temperatures ``T`` [day] (may be <0 or inf)."""
        k = np.exp(self.log_rate(theta, np.asarray(T, dtype=float)))
        return self.order.time_to_limit(limit, k, theta[0], self.sign)


def trend_sign(time: np.ndarray, temperature: np.ndarray, value: np.ndarray) -> float:
    """Direction of change pooled within temperatures: +1 rising, -1 falling.

    The pooled within-temperature slope of value on time (analysis of covariance with a
    common slope) decides; a zero slope counts as rising.
    """
    temps, groups = np.unique(temperature, return_inverse=True)
    n = np.bincount(groups, minlength=temps.size)
    tc = time - (np.bincount(groups, time, temps.size) / n)[groups]
    yc = value - (np.bincount(groups, value, temps.size) / n)[groups]
    return -1.0 if float(tc @ yc) < 0 else 1.0


def _start(model: KineticModel, ts: TwoStepResult, t, T, y) -> np.ndarray:
    """Deterministic starting values from the two-step result."""
    a0_candidates = [r.intercept for r in ts.rates if np.isfinite(r.intercept)]
    if a0_candidates:
        a0 = model.order.initial_from_intercept(float(np.mean(a0_candidates)))
    else:  # pragma: no cover - two_step always has intercepts when validation passed
        a0 = float(np.mean(y[t == t.min()]))
    lnk = ts.log_rate_constant_ref
    ea = ts.activation_energy
    if not (np.isfinite(lnk) and np.isfinite(ea)):
        return _alternative_starts(model, t, T, y)[2]
    return np.array([a0, lnk, ea], dtype=float)


def _alternative_starts(model: KineticModel, t, T, y) -> list[np.ndarray]:
    """Data-driven starts, one per activation energy in :data:`ALTERNATIVE_EA_STARTS`.

    The initial value is the mean of the earliest measurements; the rate constant at
    ``T_ref`` comes from the slope of the linearised data pooled over temperatures.
    """
    a0 = float(np.mean(y[t == t.min()]))
    slope = linear_fit(t, model.order.linearize(y))[0]
    lnk = float(np.log(max(abs(slope), 1e-12))) if np.isfinite(slope) else -5.0
    return [np.array([a0, lnk, ea]) for ea in ALTERNATIVE_EA_STARTS]


def _free_sse(model: KineticModel, ts: TwoStepResult, t, T, y) -> float:
    """Residual sum of squares of the separate per-temperature lines of the two-step method.

    A yardstick for the global optimum: the global model is more constrained, but an SSE
    many times larger than this signals a poor local optimum rather than lack of fit.
    """
    temps = np.array([r.temperature for r in ts.rates])
    rate = np.array([r.rate_constant for r in ts.rates])
    if not np.all(np.isfinite(rate)):
        return np.inf
    a0 = np.array([model.order.initial_from_intercept(r.intercept) for r in ts.rates])
    idx = np.searchsorted(temps, T)
    # response(t, k, a0, s) with the signed per-temperature slope: s * k = sign * rate
    pred = model.order.response(t, model.sign * rate[idx], a0[idx], 1.0)
    return float(np.sum((pred - y) ** 2))


def _solve(model: KineticModel, x0, t, T, y, max_nfev):
    from scipy.optimize import least_squares

    def residuals(theta):
        return model.predict(theta, t, T) - y

    def jac(theta):
        return model.jacobian(theta, t, T)

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        try:
            sol = least_squares(
                residuals, x0, jac=jac, method="lm", x_scale="jac", max_nfev=max_nfev
            )
        except ValueError as exc:  # residuals not finite at the start
            return None, str(exc)
    if not np.all(np.isfinite(sol.fun)):
        return None, "non-finite residuals"
    return sol, sol.message


def _check_data(order: ReactionOrder, t, T, y, rows, attribute_name: str, file: str | None):
    n = y.size
    p = 3
    if n <= p:
        raise FitError("too_few_points", attribute=attribute_name, n=n, p=p, need=p + 2)
    if order.needs_positive:
        bad = np.flatnonzero(y <= 0)
        if bad.size:
            i = int(bad[0])
            raise InputError(
                "value_not_positive",
                file=file,
                row=None if rows is None else int(rows[i]),
                column=attribute_name,
                value=float(y[i]),
                order=order.name,
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
    rows: np.ndarray | None = None,
    file: str | None = None,
    max_nfev: int = 400,
) -> FitResult:
    """Fit on float arrays in working units (time [day], temperature [K]).

    This is the engine behind :func:`fit`; batch code calls it directly to avoid unit
    handling in hot loops.
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
    if attribute is None:
        attribute = Attribute(name="value", unit="", limit=np.nan, direction="max")
    _check_data(order, t, T, y, rows, attribute.name, file)
    if sign is None:
        sign = trend_sign(t, T, y)
    T_ref = reference_temperature_K or reference_temperature(T)
    model = KineticModel(order, tdep, float(sign), float(T_ref))
    ts = two_step(t, T, y, order, model.sign, T_ref)
    x0 = _start(model, ts, t, T, y)

    sol, message = _solve(model, x0, t, T, y, max_nfev)
    restarts = 0
    # Never accept a poor local optimum silently: if the run failed, left the plausible
    # range, or ends far above the per-temperature yardstick, try deterministic
    # alternative starts and keep the best optimum of all runs.
    need_restart = (
        sol is None
        or sol.status <= 0
        or not np.isfinite(sol.x).all()
        or not (EA_PLAUSIBLE[0] <= sol.x[2] <= EA_PLAUSIBLE[1])
        or 2 * sol.cost
        > POOR_OPTIMUM_FACTOR * _free_sse(model, ts, t, T, y) + 1e-12 * np.sum(y**2)
    )
    if need_restart:
        for x_alt in _alternative_starts(model, t, T, y):
            alt, alt_msg = _solve(model, x_alt, t, T, y, max_nfev)
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
    converged = sol.status > 0
    theta = sol.x
    # least_squares returns the Jacobian at the solution (linear loss: the true Jacobian)
    J = (
        np.asarray(sol.jac)
        if np.shape(sol.jac) == (y.size, theta.size)
        else model.jacobian(theta, t, T)
    )
    resid = sol.fun
    return FitResult.build(
        model=model,
        attribute=attribute,
        theta=theta,
        jacobian=J,
        residuals=resid,
        time=t,
        temperature=T,
        value=y,
        rows=rows,
        two_step=ts,
        converged=converged,
        message=str(message),
        nfev=int(sol.nfev),
        restarts=restarts,
    )


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
