"""Immutable result objects: FitResult (one attribute, one model) and ShelfLife.

Results are built once by the estimation engine and never change. They expose
quantities with units, tables (pandas), plots (``plot(ax=None)``), JSON-ready dicts
(``to_dict()``) and rich display in Jupyter (``_repr_html_``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .units import format_duration, get_registry, to_kelvin

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .fitting import KineticModel
    from .study import Attribute
    from .twostep import TwoStepResult

__all__ = ["ParameterEstimate", "ShelfLife", "FitResult", "celsius"]


def celsius(T_K: float) -> float:
    """Kelvin to degrees Celsius (for display) [°C]."""
    return float(T_K) - 273.15


def _num(x: float) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    x = float(x)
    return x if np.isfinite(x) else None


@dataclass(frozen=True)
class ParameterEstimate:
    """A reported parameter with its standard error and 95 % confidence interval.

    Attributes
    ----------
    name : str
        Contract name (``activation_energy``, ``rate_constant_ref``, ``initial_value``...).
    symbol : str
        Symbol for tables (``Ea``, ``k_ref``, ``A0``).
    value, stderr : float
        Estimate and standard error [unit].
    ci95 : tuple of float
        95 % confidence interval [unit]; for the rate constant it is computed on the log
        scale (so it is positive and asymmetric).
    unit : str
        Unit of value, stderr and interval.
    """

    name: str
    symbol: str
    value: float
    stderr: float
    ci95: tuple[float, float]
    unit: str

    @property
    def quantity(self):
        """The estimate as a :class:`pint.Quantity`."""
        from .units import parse_unit

        return get_registry().Quantity(self.value, parse_unit(self.unit))

    def to_dict(self) -> dict[str, Any]:
        """Contract form ``{"value", "unit", "stderr", "ci95"}``."""
        return {
            "value": _num(self.value),
            "unit": self.unit,
            "stderr": _num(self.stderr),
            "ci95": [_num(self.ci95[0]), _num(self.ci95[1])],
        }


@dataclass(frozen=True)
class ShelfLife:
    """Shelf life of one attribute at one constant temperature.

    Attributes
    ----------
    attribute : str
    temperature : float
        Storage temperature [K].
    estimate : float
        Time for the mean response to reach the limit [day]; ``inf`` if never, 0 if the
        limit is exceeded at time zero.
    ci95 : tuple of float
        95 % confidence interval of the estimate (delta method, log scale) [day].
    conservative : float
        Where the one-sided 95 % confidence bound of the mean crosses the limit (ICH Q1E)
        [day].
    """

    attribute: str
    temperature: float
    estimate: float
    ci95: tuple[float, float]
    conservative: float

    @property
    def estimate_quantity(self):
        """The estimate as a Quantity [day]."""
        return get_registry().Quantity(self.estimate, "day")

    def months_days(self, lang: str = "en") -> str:
        """The estimate as "x months y days" ("x bulan y hari" with ``lang="id"``)."""
        return format_duration(self.estimate, lang)

    def to_dict(self) -> dict[str, Any]:
        """Contract form (DESIGN.md §5)."""
        return {
            "temperature": {"value": round(celsius(self.temperature), 6), "unit": "degC"},
            "estimate": {"value": _num(self.estimate), "unit": "day"},
            "ci95": [_num(self.ci95[0]), _num(self.ci95[1])],
            "conservative": {"value": _num(self.conservative), "unit": "day"},
            "months_days": format_duration(self.estimate, "en"),
            "months_days_id": format_duration(self.estimate, "id"),
        }

    def __str__(self) -> str:
        c = celsius(self.temperature)
        if not np.isfinite(self.estimate):
            return f"{self.attribute} at {c:g} °C: limit never reached"
        return (
            f"{self.attribute} at {c:g} °C: {self.estimate:.1f} days "
            f"({self.months_days()}), 95 % CI {self.ci95[0]:.1f}–{self.ci95[1]:.1f} days, "
            f"conservative {self.conservative:.1f} days"
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>"


@dataclass(frozen=True)
class FitResult:
    """Result of a one-step global fit of one attribute with one model.

    Build it with :func:`shelflife.fit`; the fields are documented for advanced use.

    Attributes
    ----------
    model : KineticModel
        Reaction order, temperature dependence, direction sign and reference temperature.
    attribute : Attribute
        The attribute fitted, with its unit, limit and direction.
    theta : numpy.ndarray
        Estimates in fitting space ``(A0, ln k_ref, Ea)`` [unit, ln(rate unit), kJ/mol].
    cov : numpy.ndarray
        Covariance of ``theta``.
    statistics : dict
        ``n``, ``p``, ``dof``, ``sse``, ``rmse``, ``sigma``, ``r_squared``, ``aic``,
        ``aicc``, ``bic``.
    time, temperature, value, fitted, residuals : numpy.ndarray
        Data [day], [K], [unit] with fitted values and residuals (observed minus fitted)
        [unit].
    two_step : TwoStepResult
        The classic two-step result for comparison.
    converged : bool
    message : str
    nfev, restarts : int
        Function evaluations, and alternative starts tried.
    """

    model: KineticModel
    attribute: Attribute
    theta: np.ndarray
    cov: np.ndarray
    statistics: dict[str, float]
    time: np.ndarray
    temperature: np.ndarray
    value: np.ndarray
    fitted: np.ndarray
    residuals: np.ndarray
    rows: np.ndarray | None
    two_step: TwoStepResult
    rh: np.ndarray | None = None
    free: np.ndarray | None = None
    weights: np.ndarray | None = None
    error_model: str = "constant"
    variance_parameter: float = 0.0
    converged: bool = True
    message: str = ""
    nfev: int = 0
    restarts: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ build
    @classmethod
    def build(
        cls,
        *,
        model: KineticModel,
        attribute: Attribute,
        theta: np.ndarray,
        jacobian: np.ndarray,
        residuals: np.ndarray,
        time: np.ndarray,
        temperature: np.ndarray,
        value: np.ndarray,
        rows: np.ndarray | None,
        two_step: TwoStepResult,
        converged: bool,
        message: str,
        nfev: int,
        restarts: int,
        free: np.ndarray | None = None,
        rh: np.ndarray | None = None,
        weights: np.ndarray | None = None,
        error_model: str = "constant",
        variance_parameter: float = 0.0,
    ) -> FitResult:
        """Compute covariance and statistics from the optimum and make the result.

        ``jacobian`` is with respect to all parameters; fixed ones (``free`` False) get
        zero variance.
        """
        from .errormodels import log_likelihood, n_variance_parameters

        # the optimiser's residuals are model minus data; report data minus model
        residuals = -np.asarray(residuals, dtype=float)
        n, P = jacobian.shape
        free = np.ones(P, dtype=bool) if free is None else np.asarray(free, dtype=bool)
        all_free = bool(free.all())
        unweighted = weights is None or bool(np.all(weights == 1.0))
        w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
        J = jacobian if all_free else jacobian[:, free]
        if not unweighted:
            J = np.sqrt(w)[:, None] * J
        p = J.shape[1]
        dof = n - p
        sse = float(residuals @ residuals)
        wsse = sse if unweighted else float(np.sum(w * residuals**2))
        sigma2 = wsse / dof if dof > 0 else np.nan
        cov = np.zeros((P, P))
        # (J^T J)^-1 through the eigen-decomposition of the small p x p matrix (cheaper than
        # an SVD of J); a nearly singular J^T J (condition beyond ~1e13) gives no covariance
        try:
            lam, vec = np.linalg.eigh(J.T @ J)
        except np.linalg.LinAlgError:
            lam = np.array([np.nan])
        if np.isfinite(lam).all() and lam[0] > lam[-1] * 1e-13 and lam[0] > 0:
            block = (vec / lam) @ vec.T * sigma2
        else:
            block = np.nan
        if all_free:
            cov = block * np.ones((P, P)) if np.ndim(block) == 0 else block
        else:
            cov[np.ix_(free, free)] = block
        sst = float(np.sum((value - value.mean()) ** 2))
        k = p + n_variance_parameters(error_model)  # parameters plus variance parameters
        # -2 ln L at the ML scale; with unit weights the weight term vanishes
        loglik = (
            -0.5 * n * (np.log(2 * np.pi * sse / n) + 1)
            if unweighted and sse > 0
            else log_likelihood(residuals, w)
        )
        stats = {
            "n": int(n),
            "p": int(p),
            "dof": int(dof),
            "sse": sse,
            "wsse": wsse,
            "rmse": float(np.sqrt(sse / n)),
            "sigma": float(np.sqrt(sigma2)),
            "r_squared": 1.0 - sse / sst if sst > 0 else np.nan,
            "aic": float(-2 * loglik + 2 * k),
            "aicc": float(-2 * loglik + 2 * k + (2 * k * (k + 1)) / (n - k - 1))
            if n - k - 1 > 0
            else np.inf,
            "bic": float(-2 * loglik + k * np.log(n)),
        }
        return cls(
            model=model,
            attribute=attribute,
            theta=np.asarray(theta, dtype=float),
            cov=cov,
            statistics=stats,
            time=time,
            temperature=temperature,
            value=value,
            fitted=value - residuals,
            residuals=residuals,
            rows=rows,
            two_step=two_step,
            rh=rh,
            free=free,
            weights=w,
            error_model=error_model,
            variance_parameter=float(variance_parameter),
            converged=converged,
            message=message,
            nfev=nfev,
            restarts=restarts,
        )

    # -------------------------------------------------------------- accessors
    @property
    def notices(self) -> tuple:
        """Guardrail warnings about this fit (:func:`shelflife.guardrails.check_fit`)."""
        from .guardrails import check_fit

        return tuple(check_fit(self))

    @property
    def order(self) -> str:
        """Reaction order name (``"zero"`` or ``"first"``)."""
        return self.model.order.name

    @property
    def rate_unit(self) -> str:
        """Unit of the rate constant."""
        return self.model.order.rate_unit(self.attribute.unit)

    def _t_quantile(self, level: float = 0.95) -> float:
        from ._stats import t_quantile

        return t_quantile(0.5 + level / 2, self.statistics["dof"])

    @property
    def stderr(self) -> np.ndarray:
        """Standard errors in fitting space."""
        return np.sqrt(np.clip(np.diag(self.cov), 0, None))

    @property
    def parameters(self) -> dict[str, ParameterEstimate]:
        """Reported parameters with standard errors and 95 % CIs, in declaration order.

        E.g. initial value, rate constant at T_ref, activation energy.

        Parameters fitted on the log scale (rate constants, Q10, Weibull shape) are
        reported on the natural scale with a delta-method standard error and an interval
        computed on the log scale. Fixed parameters have zero standard error.
        """
        q = self._t_quantile()
        se = self.stderr
        rate_unit = self.rate_unit
        out = {}
        for i, par in enumerate(self.model.parameters):
            v, e = float(self.theta[i]), float(se[i])
            unit = par.resolve_unit(self.attribute.unit, rate_unit)
            if par.log:
                value = float(np.exp(v))
                est = ParameterEstimate(
                    par.name,
                    par.symbol,
                    value,
                    value * e,
                    (float(np.exp(v - q * e)), float(np.exp(v + q * e))),
                    unit,
                )
            else:
                est = ParameterEstimate(par.name, par.symbol, v, e, (v - q * e, v + q * e), unit)
            out[par.name] = est
        if self.model.initial_temperatures and "initial_value" not in out:
            # the contract's initial value: the mean of the per-temperature ones (delta method)
            g = np.zeros(self.theta.size)
            g[: self.model.n_initial] = 1.0 / self.model.n_initial
            v = float(g @ self.theta)
            e = (
                float(np.sqrt(max(g @ self.cov @ g, 0.0)))
                if np.all(np.isfinite(self.cov))
                else np.nan
            )
            unit = self.model.parameters[0].resolve_unit(self.attribute.unit, rate_unit)
            out["initial_value"] = ParameterEstimate(
                "initial_value", "A0 (mean)", v, e, (v - q * e, v + q * e), unit
            )
        return out

    @property
    def activation_energy(self):
        """Activation energy as a Quantity [kJ/mol] (``None`` if the model has none)."""
        p = self.parameters.get("activation_energy")
        return None if p is None else get_registry().Quantity(p.value, "kJ/mol")

    @property
    def reference_temperature(self):
        """Reference temperature of the Arrhenius reparameterisation [K]."""
        return get_registry().Quantity(self.model.reference_temperature, "K")

    @property
    def correlation(self) -> pd.DataFrame:
        """Correlation matrix of the parameters.

        The same on the log and the natural scale of the rate constant, to first order.
        """
        import pandas as pd

        se = self.stderr
        with np.errstate(invalid="ignore", divide="ignore"):
            corr = self.cov / np.outer(se, se)
        names = [p.symbol for p in self.model.parameters]
        return pd.DataFrame(corr, index=names, columns=names)

    def _rh(self, rh: Any, shape: tuple) -> np.ndarray | None:
        """Relative humidity [%] for predictions (required by humidity models)."""
        if not self.model.temperature.uses_rh:
            return None
        if rh is None:
            from .errors import InputError

            raise InputError("rh_required", model=self.model.temperature.title)
        from .units import to_percent

        return np.broadcast_to(np.asarray(to_percent(rh), dtype=float), shape)

    def rate_constant(self, temperature: Any, *, rh: Any = None):
        """Rate constant at ``temperature`` (and ``rh`` for humidity models) [rate unit].

        Parameters
        ----------
        temperature : pint.Quantity or str
            [°C, K or °F]
        rh : pint.Quantity or str, optional
            Relative humidity, e.g. ``"75 %"``; required by humidity-dependent models.
        """
        T = np.asarray(to_kelvin(temperature), dtype=float)
        k = np.exp(self.model.log_rate(self.theta, T, self._rh(rh, T.shape)))
        from .units import parse_unit

        return get_registry().Quantity(k, parse_unit(self.rate_unit))

    def q10_at_kelvin(
        self, T: float, rh: np.ndarray | None = None
    ) -> tuple[float, tuple[float, float]]:
        """:meth:`q10` for a float temperature [K] (and RH [%])."""
        Ts = np.array([T, T + 10.0])
        rr = None if rh is None else np.broadcast_to(rh, Ts.shape)
        d = float(np.diff(self.model.log_rate(self.theta, Ts, rr))[0])
        g = np.diff(self.model.log_rate_gradient(self.theta, Ts, rr), axis=0)[0]
        se = (
            float(np.sqrt(max(g @ self.cov @ g, 0.0))) if np.all(np.isfinite(self.cov)) else np.nan
        )
        q = self._t_quantile()
        return float(np.exp(d)), (float(np.exp(d - q * se)), float(np.exp(d + q * se)))

    def q10(
        self, temperature: Any = "30 degC", *, rh: Any = None
    ) -> tuple[float, tuple[float, float]]:
        r"""Q10 of the fitted rate at ``temperature``, :math:`k(T+10)/k(T)`, with its 95 % CI.

        For Arrhenius this is :math:`\exp[10 E_a/(R T (T+10))]`, and its interval follows
        from the interval of :math:`E_a` (delta method on :math:`\ln Q_{10}`, exact here
        because :math:`\ln Q_{10}` is linear in the parameters).

        Returns
        -------
        tuple
            ``(q10, (low, high))`` (dimensionless).
        """
        T = float(to_kelvin(temperature))
        rr = self._rh(rh, ())
        return self.q10_at_kelvin(T, None if rr is None else float(rr))

    def diagnostics(self, **options: Any):
        """Lack of fit, studentised residuals, Arrhenius curvature, parameters at bounds.

        See :func:`shelflife.diagnostics.run_diagnostics` (runs extra fits).
        """
        from .diagnostics import run_diagnostics

        return run_diagnostics(self, **options)

    # ------------------------------------------------------------ prediction
    def predict(
        self, time: Any, temperature: Any, *, rh: Any = None, level: float = 0.95
    ) -> pd.DataFrame:
        """Mean response with its confidence band and a prediction band.

        Parameters
        ----------
        time : pint.Quantity
            Storage time(s). [day, week, month...]
        temperature : pint.Quantity or str
            Storage temperature(s), broadcast against ``time``. [°C, K or °F]
        level : float
            Two-sided level of the bands.

        Returns
        -------
        pandas.DataFrame
            ``time_day``, ``temperature_C``, ``estimate``, ``ci_low``, ``ci_high``
            (confidence of the mean), ``pi_low``, ``pi_high`` (prediction of one new
            measurement) [attribute unit].
        """
        import pandas as pd

        from .prediction import mean_response
        from .units import to_days

        t = np.atleast_1d(to_days(time))
        T = np.atleast_1d(to_kelvin(temperature))
        t, T = np.broadcast_arrays(t, T)
        mu, se = mean_response(self.model, self.theta, self.cov, t, T, self._rh(rh, T.shape))
        q = self._t_quantile(level)
        se_pred = np.sqrt(se**2 + self.observation_variance(mu))
        return pd.DataFrame(
            {
                "time_day": t,
                "temperature_C": T - 273.15,
                "estimate": mu,
                "ci_low": mu - q * se,
                "ci_high": mu + q * se,
                "pi_low": mu - q * se_pred,
                "pi_high": mu + q * se_pred,
            }
        )

    def observation_variance(self, mu: np.ndarray) -> np.ndarray:
        r"""Variance of one new measurement with mean ``mu`` under the error model [unit²].

        :math:`\hat\sigma^2 / w(\mu)`, with the weights normalised as in the fit (mean 1
        over the data); fixed weights (replicates, user weights) use their mean, i.e.
        :math:`\hat\sigma^2`.
        """
        from .errormodels import relative_variance

        sigma2 = self.statistics["sigma"] ** 2
        if self.error_model in ("proportional", "combined"):
            c = self.variance_parameter
            norm = np.mean(1.0 / relative_variance(self.error_model, self.fitted, c))
            return sigma2 * relative_variance(self.error_model, mu, c) * norm
        return np.full(np.shape(mu), sigma2)

    def shelf_life_floats(
        self, T_K: np.ndarray, level: float = 0.95, rh: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        """Shelf life at temperatures [K] (and RH [%]) as float arrays [day].

        See :func:`shelflife.prediction.shelf_life_floats`.
        """
        from .prediction import SEARCH_HORIZON_FACTOR, shelf_life_floats

        T_K = np.atleast_1d(np.asarray(T_K, dtype=float))
        if self.model.temperature.uses_rh:
            if rh is None:
                from .errors import InputError

                raise InputError("rh_required", model=self.model.temperature.title)
            rh = np.broadcast_to(np.asarray(rh, dtype=float), T_K.shape)
        return shelf_life_floats(
            self.model,
            self.theta,
            self.cov,
            self.statistics["dof"],
            np.atleast_1d(np.asarray(T_K, dtype=float)),
            self.attribute.limit,
            self.attribute.direction,
            level=level,
            horizon=SEARCH_HORIZON_FACTOR * float(self.time.max()),
            rh=rh,
        )

    def shelf_life(self, temperature: Any, *, rh: Any = None) -> ShelfLife | list[ShelfLife]:
        """Shelf life at one or several constant temperatures.

        Parameters
        ----------
        temperature : pint.Quantity or str or list of str
            [°C, K or °F]
        rh : pint.Quantity or str, optional
            Relative humidity, e.g. ``"75 %"``; required by humidity-dependent models.

        Returns
        -------
        ShelfLife or list of ShelfLife
            A list when several temperatures were given.
        """
        T = to_kelvin(temperature)
        rr = self._rh(rh, ())
        out = self.shelf_lives_at_kelvin(np.atleast_1d(T), None if rr is None else float(rr))
        return out[0] if np.ndim(T) == 0 else out

    def shelf_lives_at_kelvin(self, T: np.ndarray, rh: float | None = None) -> list[ShelfLife]:
        """:meth:`shelf_life` for float temperatures [K] (and RH [%]; no unit handling)."""
        T = np.atleast_1d(np.asarray(T, dtype=float))
        if T.size == 0:
            return []
        sl = self.shelf_life_floats(T, rh=rh)
        return [
            ShelfLife(
                attribute=self.attribute.name,
                temperature=float(T[i]),
                estimate=float(sl["estimate"][i]),
                ci95=(float(sl["low"][i]), float(sl["high"][i])),
                conservative=float(sl["conservative"][i]),
            )
            for i in range(T.size)
        ]

    def shelf_life_table(self, temperatures: Any = None) -> pd.DataFrame:
        """Shelf life versus temperature (default 15 to 45 °C in 5 °C steps).

        Returns
        -------
        pandas.DataFrame
            ``temperature_C``, ``estimate_day``, ``ci_low_day``, ``ci_high_day``,
            ``conservative_day``, ``months_days``.
        """
        import pandas as pd

        if temperatures is None:
            T = np.arange(15.0, 45.1, 5.0) + 273.15
        else:
            T = np.atleast_1d(to_kelvin(temperatures))
        sl = self.shelf_life_floats(T)
        return pd.DataFrame(
            {
                "temperature_C": np.round(T - 273.15, 6),
                "estimate_day": sl["estimate"],
                "ci_low_day": sl["low"],
                "ci_high_day": sl["high"],
                "conservative_day": sl["conservative"],
                "months_days": [format_duration(x) for x in sl["estimate"]],
            }
        )

    # ---------------------------------------------------------------- tables
    def summary(self) -> pd.DataFrame:
        """Parameter table: estimate, standard error, 95 % CI and unit."""
        import pandas as pd

        rows = []
        for p in self.parameters.values():
            rows.append(
                {
                    "parameter": p.name,
                    "symbol": p.symbol,
                    "estimate": p.value,
                    "stderr": p.stderr,
                    "ci95_low": p.ci95[0],
                    "ci95_high": p.ci95[1],
                    "unit": p.unit,
                }
            )
        return pd.DataFrame(rows).set_index("parameter")

    def two_step_table(self) -> pd.DataFrame:
        """Step-1 rate constants per temperature of the classic two-step method."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "temperature_C": round(celsius(r.temperature), 6),
                    "rate_constant": r.rate_constant,
                    "stderr": r.stderr,
                    "r_squared": r.r_squared,
                    "n": r.n,
                }
                for r in self.two_step.rates
            ]
        )

    @property
    def model_dict(self) -> dict[str, str]:
        """Contract ``model`` block."""
        out = {
            "order": self.order,
            "temperature_dependence": self.model.temperature.name,
            "method": "global",
        }
        if self.error_model != "constant":
            out["error_model"] = self.error_model
            if self.error_model == "combined":
                out["variance_parameter"] = _num(self.variance_parameter)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description of the fit (parameters, statistics, two-step)."""
        params = {k: v.to_dict() for k, v in self.parameters.items()}
        if self.free is not None:
            for name, free in zip(self.model.parameter_names, self.free, strict=True):
                if not free:
                    params[name]["fixed"] = True
        params["reference_temperature"] = {
            "value": round(self.model.reference_temperature, 6),
            "unit": "K",
        }
        if self.model.temperature.uses_rh:
            params["reference_rh"] = {"value": round(self.model.references.rh, 6), "unit": "%"}
        st = self.statistics
        ts = self.two_step
        two_step_params = {}
        for i, name in enumerate(ts.names):
            par = self.model.temperature.parameters[i]
            v, e = ts.estimates[i], ts.stderr[i]
            lo, hi = ts.ci95(name) if ts.dof > 0 else (np.nan, np.nan)
            if par.log:
                v, e, lo, hi = np.exp(v), np.exp(v) * e, np.exp(lo), np.exp(hi)
            two_step_params[name] = {
                "value": _num(v),
                "unit": par.resolve_unit(self.attribute.unit, self.rate_unit),
                "stderr": _num(e),
                "ci95": [_num(lo), _num(hi)],
            }
        two = {
            "rate_constants": [
                {
                    "temperature": {"value": round(celsius(r.temperature), 6), "unit": "degC"},
                    **({"rh": {"value": r.rh, "unit": "%"}} if np.isfinite(r.rh) else {}),
                    "value": _num(r.rate_constant),
                    "unit": self.rate_unit,
                    "stderr": _num(r.stderr),
                    "r_squared": _num(r.r_squared),
                }
                for r in ts.rates
            ],
            "parameters": two_step_params,
            "r_squared": _num(ts.r_squared),
        }
        if "activation_energy" in two_step_params:
            two["activation_energy"] = two_step_params["activation_energy"]
            two["activation_energy_cal_per_mol"] = _num(ts.activation_energy * 1000 / 4.184)
        return {
            "model": self.model_dict,
            "parameters": params,
            "statistics": {
                "n": st["n"],
                "rmse": _num(st["rmse"]),
                "r_squared": _num(st["r_squared"]),
                "aic": _num(st["aic"]),
                "aicc": _num(st["aicc"]),
                "bic": _num(st["bic"]),
                "residual_standard_error": _num(st["sigma"]),
                "dof": st["dof"],
                "sse": _num(st["sse"]),
                "converged": bool(self.converged),
            },
            "correlation": {
                "parameters": list(self.model.parameter_names),
                "matrix": [[_num(x) for x in row] for row in self.correlation.to_numpy()],
            },
            "two_step": two,
        }

    # ------------------------------------------------------------------ display
    def __str__(self) -> str:
        lines = [
            f"{self.attribute.display_name} [{self.attribute.unit}]: {self.model.order.title}, "
            f"{self.model.temperature.title} (one-step global fit)",
        ]
        for p in self.parameters.values():
            lines.append(
                f"  {p.symbol:6s} = {p.value:.4g} ± {p.stderr:.2g} {p.unit}"
                f"  (95 % CI {p.ci95[0]:.4g} to {p.ci95[1]:.4g})"
            )
        st = self.statistics
        lines.append(
            f"  T_ref = {self.model.reference_temperature:.2f} K; n = {st['n']}, "
            f"RMSE = {st['rmse']:.3g}, R² = {st['r_squared']:.4f}, AIC = {st['aic']:.2f}"
        )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from .report.html_tables import fit_result_html

        return fit_result_html(self)

    def plot(self, ax=None, *, kind: str = "fit", lang: str = "en"):
        """Plot the fit.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        kind : {"fit", "arrhenius", "residuals", "shelf_life", "qq", "studentized"}
            Data with fitted curves per temperature; the Arrhenius plot with its confidence
            band; residuals against fitted values; shelf life versus temperature; normal
            Q-Q plot and studentised residuals (:mod:`shelflife.diagnostics`).
        lang : {"en", "id"}
            Language of the labels.

        Returns
        -------
        matplotlib.axes.Axes
        """
        from . import plotting

        funcs = {
            "fit": plotting.plot_fit,
            "arrhenius": plotting.plot_arrhenius,
            "residuals": plotting.plot_residuals,
            "shelf_life": plotting.plot_shelf_life,
            "qq": plotting.plot_qq,
            "studentized": plotting.plot_studentized,
        }
        if kind not in funcs:
            from .errors import InputError

            raise InputError(
                "option_unknown", what="plot kind", value=kind, choices=", ".join(funcs)
            )
        return funcs[kind](self, ax=ax, lang=lang)
