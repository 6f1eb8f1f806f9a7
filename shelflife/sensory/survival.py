r"""Sensory shelf life by parametric survival analysis of censored rejection times.

Hough's method (Hough et al. 2003; Hough 2010): the time ``T`` at which a consumer starts
rejecting a stored product is modelled as a log-location-scale random variable,

.. math::

    \ln T = \mu + \sigma W,

with ``W`` standard smallest-extreme-value (Weibull ``T``), normal (log-normal ``T``) or
logistic (log-logistic ``T``): the accelerated-failure-time form and parameterisation of
R ``survival::survreg``, which Hough's book uses. The shelf life is the time at which a
fraction ``p`` of consumers (25 % or 50 %) rejects: ``t_p = exp(μ + σ w_p)``.

Storage at several temperatures is fitted in one step with an Arrhenius location
(Hough 2010, ch. 9):

.. math::

    \mu(T) = \beta_0 + \beta_1 \left(\frac{1}{T} - \frac{1}{T_{ref}}\right),
    \qquad E_a = R\,\beta_1,

so ``β1`` [K] is ``Ea/R`` and the rejection times at all temperatures share one ``σ``.

Likelihood (Meeker & Escobar 1998, §2.4 and ch. 8): consumer ``i`` rejects in
``(L_i, R_i]``, and contributes ``F(z_R) − F(z_L)`` with ``z = (ln t − μ_i)/σ``
(``F(z_R)`` when left-censored, ``1 − F(z_L)`` when right-censored). The covariance of
``(β0, β1, ln σ)`` is the inverse of the observed information (a numerical Hessian of the
negative log-likelihood at the optimum), and intervals of ``t_p`` come from the delta
method on the log scale, so they are positive and asymmetric.

**Why not lifelines.** lifelines (``fit_interval_censoring``) would be the natural
dependency, but lifelines 0.30 requires ``pandas < 3`` while :mod:`shelflife` runs on
pandas 3, and it would add autograd and formulaic. The parametric interval-censored
likelihood is small, so it is written here with :mod:`scipy.special` (stable log-CDFs) and
:func:`scipy.optimize.minimize`, and checked against closed forms and
``scipy.stats``' :class:`~scipy.stats.CensoredData` fits in the tests.

References
----------
.. [1] Hough G., Langohr K., Gómez G., Curia A. (2003). Survival analysis applied to
   sensory shelf life of foods. *J. Food Sci.* 68(1):359–362.
   :doi:`10.1111/j.1365-2621.2003.tb14165.x`
.. [2] Hough G. (2010). *Sensory Shelf Life Estimation of Food Products*. CRC Press.
.. [3] Meeker W.Q., Escobar L.A. (1998). *Statistical Methods for Reliability Data*.
   Wiley.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .._stats import z_quantile
from ..errors import FitError, InputError, Notice
from ..results import ParameterEstimate, ShelfLife, _num, celsius
from .censoring import SensoryPanel
from .distributions import get_distribution

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SensoryFit", "RejectionTime", "fit_survival", "compare_distributions"]

#: Gas constant [J/(mol K)].
R_GAS = 8.314462618
_X_SCALE = 1000.0  # internal covariate 1000/T - 1000/T_ref [1/kK] keeps the Hessian balanced


@dataclass(frozen=True)
class RejectionTime:
    """Time at which a fraction of consumers rejects the product.

    Attributes
    ----------
    fraction : float
        Fraction of consumers rejecting (0.25, 0.5...).
    temperature : float or None
        Storage temperature [K], ``None`` when the panel has no temperature.
    estimate : float
        ``t_p = exp(μ + σ w_p)`` [day].
    ci95 : tuple of float
        Two-sided 95 % interval (delta method on ``ln t_p``) [day].
    conservative : float
        Lower one-sided 95 % bound [day].
    stderr_log : float
        Standard error of ``ln t_p``.
    """

    fraction: float
    temperature: float | None
    estimate: float
    ci95: tuple[float, float]
    conservative: float
    stderr_log: float

    def to_dict(self) -> dict[str, Any]:
        """``{"fraction", "temperature", "estimate", "ci95", "conservative"}``."""
        T = self.temperature
        return {
            "fraction": self.fraction,
            "temperature": None if T is None else {"value": round(celsius(T), 6), "unit": "degC"},
            "estimate": {"value": _num(self.estimate), "unit": "day"},
            "ci95": [_num(self.ci95[0]), _num(self.ci95[1])],
            "conservative": {"value": _num(self.conservative), "unit": "day"},
        }

    def __str__(self) -> str:
        at = "" if self.temperature is None else f" at {celsius(self.temperature):g} °C"
        return (
            f"{self.fraction:.0%} rejection{at}: {self.estimate:.1f} days "
            f"(95 % CI {self.ci95[0]:.1f}–{self.ci95[1]:.1f}, "
            f"conservative {self.conservative:.1f})"
        )


def _check_fraction(p: float) -> float:
    p = float(p)
    if not 0.0 < p < 1.0:
        raise InputError("sensory_fraction_invalid", value=p)
    return p


@dataclass(frozen=True)
class SensoryFit:
    """A parametric survival fit of consumers' rejection times (immutable).

    Build it with :func:`fit_survival`.

    Attributes
    ----------
    distribution : str
        ``"weibull"``, ``"lognormal"`` or ``"loglogistic"``.
    theta : numpy.ndarray
        ``(β0, ln σ)`` or, with temperatures, ``(β0, β1, ln σ)`` with ``β0`` in ln(day) and
        ``β1`` in kK (``Ea/R`` / 1000 K).
    cov : numpy.ndarray
        Covariance of ``theta`` (inverse observed information).
    loglik : float
        Maximised log-likelihood (same value as ``survreg``'s ``Loglik(model)``).
    panel : SensoryPanel
        The censored data fitted.
    reference_temperature : float or None
        ``T_ref`` [K] of the Arrhenius term, ``None`` without temperature dependence.
    attribute : str
        Name used in verdict tables.
    converged : bool
    notices : tuple of Notice
        Notices from the panel and the fit.
    """

    distribution: str
    theta: np.ndarray
    cov: np.ndarray
    loglik: float
    panel: SensoryPanel
    reference_temperature: float | None = None
    attribute: str = "sensory acceptance"
    converged: bool = True
    message: str = ""
    notices: tuple[Notice, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    # ----------------------------------------------------------------- parameters
    @property
    def arrhenius(self) -> bool:
        """True when the location depends on temperature (``β1`` fitted)."""
        return self.reference_temperature is not None

    @property
    def mu(self) -> float:
        """``β0``: location of ``ln T`` at the reference temperature [ln day]."""
        return float(self.theta[0])

    @property
    def sigma(self) -> float:
        """Scale ``σ`` of ``ln T`` (survreg's ``Scale``); Weibull shape = ``1/σ``."""
        return float(np.exp(self.theta[-1]))

    @property
    def n(self) -> int:
        """Number of consumers (series) fitted."""
        return self.panel.n

    @property
    def n_parameters(self) -> int:
        """Number of fitted parameters."""
        return int(self.theta.size)

    @property
    def aic(self) -> float:
        """Akaike information criterion ``2k − 2 ln L``."""
        return 2.0 * self.n_parameters - 2.0 * self.loglik

    @property
    def bic(self) -> float:
        """Bayesian information criterion ``k ln n − 2 ln L``."""
        return self.n_parameters * math.log(self.n) - 2.0 * self.loglik

    @property
    def stderr(self) -> np.ndarray:
        """Standard errors of ``theta``."""
        return np.sqrt(np.clip(np.diag(self.cov), 0.0, None))

    @property
    def parameters(self) -> dict[str, ParameterEstimate]:
        """Named estimates with standard errors and 95 % intervals.

        ``location`` (β0) [ln day], ``log_scale`` (ln σ), ``scale`` (σ, interval from
        ``ln σ``), ``median_at_reference``... and, with temperatures, ``slope`` (β1) [K] and
        ``activation_energy`` [kJ/mol]. For the Weibull, ``shape`` (1/σ) and
        ``characteristic_life`` (e^β0) [day].
        """
        z = z_quantile(0.975)
        se = self.stderr
        out: dict[str, ParameterEstimate] = {}
        b0, s0 = self.mu, se[0]
        out["location"] = ParameterEstimate(
            "location", "β0", b0, s0, (b0 - z * s0, b0 + z * s0), "ln(day)"
        )
        ls, sls = float(self.theta[-1]), se[-1]
        out["log_scale"] = ParameterEstimate(
            "log_scale", "ln σ", ls, sls, (ls - z * sls, ls + z * sls), ""
        )
        sig = self.sigma
        out["scale"] = ParameterEstimate(
            "scale", "σ", sig, sig * sls, (sig * math.exp(-z * sls), sig * math.exp(z * sls)), ""
        )
        if self.distribution == "weibull":
            out["shape"] = ParameterEstimate(
                "shape",
                "β",
                1 / sig,
                sls / sig,
                (math.exp(-ls - z * sls), math.exp(-ls + z * sls)),
                "",
            )
            out["characteristic_life"] = ParameterEstimate(
                "characteristic_life",
                "η",
                math.exp(b0),
                math.exp(b0) * s0,
                (math.exp(b0 - z * s0), math.exp(b0 + z * s0)),
                "day",
            )
        if self.arrhenius:
            b1, s1 = float(self.theta[1]) * _X_SCALE, se[1] * _X_SCALE
            out["slope"] = ParameterEstimate(
                "slope", "β1", b1, s1, (b1 - z * s1, b1 + z * s1), "K"
            )
            k = R_GAS / 1000.0
            out["activation_energy"] = ParameterEstimate(
                "activation_energy",
                "Ea",
                b1 * k,
                s1 * k,
                ((b1 - z * s1) * k, (b1 + z * s1) * k),
                "kJ/mol",
            )
        return out

    # ----------------------------------------------------------------- predictions
    def _x(self, T_K: float | None) -> float:
        if not self.arrhenius:
            return 0.0
        return _X_SCALE / float(T_K) - _X_SCALE / float(self.reference_temperature)

    def _kelvin(self, temperature: Any) -> float | None:
        """Check and convert the temperature a prediction is asked at [K]."""
        temps = self.panel.temperatures
        if temperature is None:
            if self.arrhenius:
                raise InputError("sensory_temperature_needed")
            return float(temps[0]) if temps.size == 1 else None
        from ..units import to_kelvin

        return self._check_kelvin(float(to_kelvin(temperature)))

    def _check_kelvin(self, T: float) -> float:
        if self.arrhenius:
            return T
        temps = self.panel.temperatures
        if temps.size == 1 and abs(temps[0] - T) < 0.05:
            return float(temps[0])
        tested = (
            f"storage at {celsius(temps[0]):g} °C"
            if temps.size == 1
            else "the (unstated) storage temperature of the panel"
        )
        raise InputError("sensory_no_temperature_model", tested=tested)

    def _log_quantile(self, fraction: float, T_K: float | None) -> tuple[float, float]:
        """``ln t_p`` and its standard error (delta method)."""
        w = float(get_distribution(self.distribution).ppf(fraction))
        x = self._x(T_K)
        sig = self.sigma
        value = self.mu + (self.theta[1] * x if self.arrhenius else 0.0) + sig * w
        grad = [1.0, x, sig * w] if self.arrhenius else [1.0, sig * w]
        g = np.asarray(grad)
        var = float(g @ self.cov @ g)
        return float(value), math.sqrt(var) if var >= 0 and np.isfinite(var) else math.nan

    def _rejection_days(self, fraction: float, T_K: float | None) -> RejectionTime:
        lq, se = self._log_quantile(fraction, T_K)
        z2, z1 = z_quantile(0.975), z_quantile(0.95)
        return RejectionTime(
            fraction=fraction,
            temperature=T_K,
            estimate=math.exp(lq),
            ci95=(math.exp(lq - z2 * se), math.exp(lq + z2 * se)),
            conservative=math.exp(lq - z1 * se),
            stderr_log=se,
        )

    def rejection_time(self, fraction: float = 0.5, temperature: Any = None) -> RejectionTime:
        """Time at which a fraction of consumers rejects the product.

        Parameters
        ----------
        fraction : float
            Fraction of consumers rejecting, between 0 and 1 (Hough: 0.25 or 0.5).
        temperature : pint.Quantity or str, optional
            Storage temperature, required for a fit across temperatures (``"30 °C"``).

        Returns
        -------
        RejectionTime
            ``t_p = exp(μ + σ w_p)`` [day] with its 95 % interval and the lower one-sided
            95 % bound, from ``Var(ln t_p) = g' Σ g``, ``g = (1, x, σ w_p)``.
        """
        return self._rejection_days(_check_fraction(fraction), self._kelvin(temperature))

    def shelf_lives_at_kelvin(self, T: Any, fraction: float = 0.5) -> list[ShelfLife]:
        """Sensory shelf lives at absolute temperatures, for the verdict table.

        Parameters
        ----------
        T : array_like of float
            Storage temperatures [K].
        fraction : float
            Fraction of consumers rejecting that ends the shelf life.

        Returns
        -------
        list of shelflife.results.ShelfLife
            ``estimate`` = ``t_p`` [day], ``ci95`` (delta method, log scale) [day],
            ``conservative`` = lower one-sided 95 % bound [day].
        """
        p = _check_fraction(fraction)
        out = []
        for Tk in np.atleast_1d(np.asarray(T, dtype=float)):
            r = self._rejection_days(p, self._check_kelvin(float(Tk)))
            out.append(
                ShelfLife(
                    attribute=self.attribute,
                    temperature=float(Tk),
                    estimate=r.estimate,
                    ci95=r.ci95,
                    conservative=r.conservative,
                )
            )
        return out

    def shelf_life(self, temperature: Any, fraction: float = 0.5) -> ShelfLife | list[ShelfLife]:
        """Sensory shelf life at a temperature given with its unit (``"30 °C"``)."""
        from ..units import to_kelvin

        T = to_kelvin(temperature)
        out = self.shelf_lives_at_kelvin(T, fraction)
        return out[0] if np.ndim(T) == 0 else out

    def _z(self, t_days: np.ndarray, T_K: float | None) -> tuple[np.ndarray, np.ndarray]:
        """Standardised ``z = (ln t − μ)/σ`` and its standard error."""
        t = np.asarray(t_days, dtype=float)
        x = self._x(T_K)
        mu = self.mu + (self.theta[1] * x if self.arrhenius else 0.0)
        sig = self.sigma
        with np.errstate(divide="ignore"):
            z = (np.log(t) - mu) / sig
        # dz/dβ0 = -1/σ, dz/dβ1 = -x/σ, dz/d ln σ = -z
        cols = [-np.ones_like(z) / sig]
        if self.arrhenius:
            cols.append(-x * np.ones_like(z) / sig)
        cols.append(-z)
        G = np.stack(cols, axis=-1)
        var = np.einsum("...i,ij,...j->...", G, self.cov, G)
        return z, np.sqrt(np.clip(var, 0.0, None))

    def probability_rejected(self, time: Any, temperature: Any = None) -> np.ndarray | float:
        """Fraction of consumers rejecting samples of age ``time``: ``F((ln t − μ)/σ)``.

        Parameters
        ----------
        time : pint.Quantity or str
            Storage time(s), e.g. ``Q_([7, 14], "day")`` or ``"3 week"``.
        temperature : pint.Quantity or str, optional
            Required for a fit across temperatures.
        """
        from ..units import to_days

        t = np.asarray(to_days(time), dtype=float)
        F = self._F(t, self._kelvin(temperature))
        return float(F) if F.ndim == 0 else F

    def _F(self, t_days: np.ndarray, T_K: float | None, band: float | None = None):
        dist = get_distribution(self.distribution)
        z, se = self._z(t_days, T_K)
        F = np.exp(dist.logcdf(z))
        if band is None:
            return F
        q = z_quantile(0.5 + band / 2)
        return F, np.exp(dist.logcdf(z - q * se)), np.exp(dist.logcdf(z + q * se))

    def turnbull(self) -> pd.DataFrame:
        """Nonparametric (Turnbull) fraction rejecting at each tested time, per temperature."""
        import pandas as pd

        from .turnbull import turnbull

        rows = []
        for T, mask in _groups(self.panel):
            t, F = turnbull(self.panel.lower[mask], self.panel.upper[mask])
            for ti, Fi in zip(t, F, strict=True):
                rows.append(
                    {
                        "temperature [°C]": None if T is None else celsius(T),
                        "time [day]": float(ti),
                        "fraction rejecting": float(Fi),
                    }
                )
        return pd.DataFrame(rows)

    # ----------------------------------------------------------------- reporting
    def _temperatures_for_report(self) -> list[float | None]:
        temps = self.panel.temperatures
        return [float(T) for T in temps] if temps.size else [None]

    def summary(self) -> pd.DataFrame:
        """Parameters, then the 25 % and 50 % rejection times at each temperature tested."""
        import pandas as pd

        rows = []
        for name, p in self.parameters.items():
            rows.append(
                {
                    "quantity": name,
                    "symbol": p.symbol,
                    "value": p.value,
                    "stderr": p.stderr,
                    "ci95_low": p.ci95[0],
                    "ci95_high": p.ci95[1],
                    "unit": p.unit,
                }
            )
        for T in self._temperatures_for_report():
            for frac in (0.25, 0.5):
                r = self._rejection_days(frac, T)
                at = "" if T is None else f" at {celsius(T):g} °C"
                rows.append(
                    {
                        "quantity": f"rejection time {frac:.0%}{at}",
                        "symbol": f"t{int(frac * 100)}",
                        "value": r.estimate,
                        "stderr": r.estimate * r.stderr_log,
                        "ci95_low": r.ci95[0],
                        "ci95_high": r.ci95[1],
                        "unit": "day",
                    }
                )
        return pd.DataFrame(rows).set_index("quantity")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description (see ``docs/sensory.md`` for the shape)."""
        return {
            "kind": "sensory_survival",
            "attribute": self.attribute,
            "distribution": self.distribution,
            "model": "ln T = b0 + b1*(1/T - 1/Tref) + sigma*W"
            if self.arrhenius
            else "ln T = mu + sigma*W",
            "reference_temperature": None
            if self.reference_temperature is None
            else {"value": round(celsius(self.reference_temperature), 6), "unit": "degC"},
            "parameters": {k: v.to_dict() for k, v in self.parameters.items()},
            "statistics": {
                "n_consumers": self.n,
                "n_parameters": self.n_parameters,
                "loglik": _num(self.loglik),
                "aic": _num(self.aic),
                "bic": _num(self.bic),
                "converged": bool(self.converged),
            },
            "panel": self.panel.to_dict(),
            "rejection_times": [
                self._rejection_days(frac, T).to_dict()
                for T in self._temperatures_for_report()
                for frac in (0.25, 0.5)
            ],
            "notices": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        label = get_distribution(self.distribution).label
        lines = [
            f"Sensory survival fit ({label}), {self.n} consumers, "
            f"log-likelihood {self.loglik:.3f}, AIC {self.aic:.2f}",
            f"  mu = {self.mu:.4f} ln(day), sigma = {self.sigma:.4f}",
        ]
        if self.arrhenius:
            ea = self.parameters["activation_energy"]
            lines.append(
                f"  Ea = {ea.value:.1f} kJ/mol (95 % CI {ea.ci95[0]:.1f}–{ea.ci95[1]:.1f}), "
                f"Tref = {celsius(self.reference_temperature):.2f} °C"
            )
        for T in self._temperatures_for_report():
            for frac in (0.25, 0.5):
                lines.append("  " + str(self._rejection_days(frac, T)))
        for n in self.notices:
            lines.append(f"  [{n.code}] {n.message('en')}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        table = self.summary().to_html(float_format=lambda v: f"{v:.4g}")
        notes = "".join(
            f"<li><code>{html.escape(n.code)}</code> {html.escape(n.message('en'))}</li>"
            for n in self.notices
        )
        head = html.escape(str(self).splitlines()[0])
        return (
            f"<div><p><b>{head}</b></p>{table}" + (f"<ul>{notes}</ul>" if notes else "") + "</div>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Fraction of consumers rejecting against storage time.

        Turnbull's nonparametric estimate (steps and points) per temperature, the fitted
        ``F(t)`` with a pointwise 95 % band, and guide lines at 25 % and 50 %.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
        lang : {"en", "id"}
            Labels in English or Bahasa Indonesia (decimal commas in Indonesian).

        Returns
        -------
        matplotlib.axes.Axes
        """
        from .plots import plot_fit

        return plot_fit(self, ax=ax, lang=lang)


def _groups(panel: SensoryPanel):
    if panel.temperature is None:
        yield None, np.ones(panel.n, dtype=bool)
        return
    for T in panel.temperatures:
        yield float(T), panel.temperature == T


# ---------------------------------------------------------------------------- fitting
def _negloglik(theta: np.ndarray, dist, logL, logR, x) -> float:
    ls = theta[-1]
    if not np.all(np.isfinite(theta)) or ls > 5 or ls < -12:
        return 1e300
    sig = math.exp(ls)
    mu = theta[0] + (theta[1] * x if x is not None else 0.0)
    ll = dist.log_interval((logL - mu) / sig, (logR - mu) / sig)
    total = float(np.sum(ll))
    return -total if np.isfinite(total) else 1e300


def _hessian(f, theta: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """Central-difference Hessian of ``f`` at ``theta``."""
    k = theta.size
    H = np.zeros((k, k))
    f0 = f(theta)
    for i in range(k):
        ei = np.zeros(k)
        ei[i] = h
        H[i, i] = (f(theta + ei) - 2 * f0 + f(theta - ei)) / h**2
        for j in range(i + 1, k):
            ej = np.zeros(k)
            ej[j] = h
            H[i, j] = H[j, i] = (
                f(theta + ei + ej) - f(theta + ei - ej) - f(theta - ei + ej) + f(theta - ei - ej)
            ) / (4 * h * h)
    return H


def fit_survival(
    panel: SensoryPanel,
    distribution: str = "weibull",
    *,
    arrhenius: bool | None = None,
    reference_temperature: Any = None,
    attribute: str = "sensory acceptance",
) -> SensoryFit:
    """Fit a parametric survival model to consumers' censored rejection times.

    Parameters
    ----------
    panel : SensoryPanel
        From :func:`shelflife.sensory.read_panel` or
        :func:`shelflife.sensory.panel_from_answers`.
    distribution : {"weibull", "lognormal", "loglogistic"}
        Distribution of the rejection time ``T`` (of ``W`` in ``ln T = μ + σW``).
    arrhenius : bool, optional
        Let ``μ`` depend on temperature, ``μ = β0 + β1 (1/T − 1/T_ref)``. Default: when the
        panel has two or more storage temperatures.
    reference_temperature : pint.Quantity or str, optional
        ``T_ref`` of the Arrhenius term; default the harmonic mean of the storage
        temperatures (which makes ``β0`` and ``β1`` nearly uncorrelated).
    attribute : str
        Name in verdict tables.

    Returns
    -------
    SensoryFit

    Raises
    ------
    FitError
        ``sensory_no_rejections`` when every consumer accepts every sample (no finite
        estimate: the study was too short), ``sensory_all_reject_first`` when every
        consumer rejects at the first age tested.
    """
    from scipy.optimize import minimize

    dist = get_distribution(distribution)
    lo, hi = panel.lower, panel.upper
    if np.all(~np.isfinite(hi)):
        raise FitError("sensory_no_rejections", last=float(np.max(lo)))
    if np.all(lo <= 0):
        raise FitError("sensory_all_reject_first", first=float(np.min(hi)))
    if np.any(lo >= hi):
        i = int(np.nonzero(lo >= hi)[0][0])
        raise InputError(
            "sensory_bounds_order",
            consumer=panel.consumer[i],
            lower=float(lo[i]),
            upper=float(hi[i]),
        )
    temps = panel.temperatures
    if arrhenius is None:
        arrhenius = temps.size >= 2
    T_ref = None
    x = None
    if arrhenius:
        if temps.size < 2:
            raise InputError(
                "sensory_no_temperature_model",
                tested="one storage temperature" if temps.size else "no stated temperature",
            )
        if reference_temperature is None:
            T_ref = float(1.0 / np.mean(1.0 / panel.temperature))
        else:
            from ..units import to_kelvin

            T_ref = float(to_kelvin(reference_temperature))
        x = _X_SCALE / panel.temperature - _X_SCALE / T_ref
    with np.errstate(divide="ignore"):
        logL = np.log(lo)
        logR = np.log(hi)

    # start: log of interval midpoints (left: half the bound, right: twice the bound)
    mid = lo * 2.0  # right-censored
    left = lo <= 0
    mid[left] = hi[left] / 2.0
    inner = ~left & np.isfinite(hi)
    mid[inner] = np.sqrt(lo[inner] * hi[inner])
    lm = np.log(mid)
    s0 = max(float(np.std(lm)), 0.2)
    if arrhenius:
        A = np.column_stack([np.ones_like(x), x])
        coef = np.linalg.lstsq(A, lm, rcond=None)[0]
        start = np.array([coef[0], coef[1], math.log(s0)])
    else:
        start = np.array([float(np.mean(lm)), math.log(s0)])

    def f(th):
        return _negloglik(th, dist, logL, logR, x)

    best = None
    # Nelder-Mead is robust from a rough start; BFGS then polishes the optimum
    for method, x0 in (("Nelder-Mead", start), ("BFGS", None)):
        x0 = start if best is None else best.x
        opts = (
            {"maxiter": 4000, "xatol": 1e-7, "fatol": 1e-9}
            if method == "Nelder-Mead"
            else {"gtol": 1e-8}
        )
        with np.errstate(all="ignore"):
            res = minimize(f, x0, method=method, options=opts)
        if not (np.all(np.isfinite(res.x)) and np.isfinite(res.fun)):
            continue
        if best is None or res.fun <= best.fun:
            best = res
    if best is None:  # pragma: no cover - both optimisers failed
        raise FitError("sensory_degenerate", sigma="?")
    theta = np.asarray(best.x, dtype=float)
    H = _hessian(f, theta)
    notices = list(panel.notices)
    try:
        lam = np.linalg.eigvalsh(H)
        ok = bool(np.all(lam > 0) and np.isfinite(lam).all())
        cov = np.linalg.inv(H) if ok else np.full(H.shape, np.nan)
    except np.linalg.LinAlgError:
        ok = False
        cov = np.full(H.shape, np.nan)
    sigma = math.exp(theta[-1])
    converged = bool(ok and best.fun < 1e299)
    if not ok or sigma < 1e-3 or sigma > 20:
        notices.append(
            Notice("sensory_degenerate", "convergence", attribute, {"sigma": round(sigma, 4)})
        )
    return SensoryFit(
        distribution=dist.name,
        theta=theta,
        cov=cov,
        loglik=-float(best.fun),
        panel=panel,
        reference_temperature=T_ref,
        attribute=attribute,
        converged=converged,
        message=str(best.message),
        notices=tuple(notices),
    )


def compare_distributions(
    panel: SensoryPanel,
    distributions: tuple[str, ...] = ("weibull", "lognormal", "loglogistic"),
    **options: Any,
) -> pd.DataFrame:
    """Fit several distributions and rank them by AIC (smallest first).

    Returns
    -------
    pandas.DataFrame
        Index ``distribution``; columns ``loglik``, ``aic``, ``sigma`` and ``t50 [day]``
        (at the first temperature tested when the fit spans several).
    """
    import pandas as pd

    rows = []
    for name in distributions:
        fit = fit_survival(panel, name, **options)
        T = fit._temperatures_for_report()[0]
        rows.append(
            {
                "distribution": fit.distribution,
                "loglik": fit.loglik,
                "aic": fit.aic,
                "sigma": fit.sigma,
                "t50 [day]": fit._rejection_days(0.5, T).estimate,
            }
        )
    return pd.DataFrame(rows).set_index("distribution").sort_values("aic")
