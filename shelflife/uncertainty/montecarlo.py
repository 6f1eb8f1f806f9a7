r"""Monte Carlo propagation of the parameter uncertainty of a fit.

Parameter vectors are drawn from the approximate sampling distribution of the estimates,

.. math::

    \theta^{(b)} = \hat\theta + \sqrt{\nu / W_b}\; L z_b,\qquad
    z_b \sim N(0, I_p),\quad W_b \sim \chi^2_\nu,\quad L L^\top = \hat\Sigma,

a multivariate t with :math:`\nu = n - p` degrees of freedom and scale matrix the fit's
covariance :math:`\hat\Sigma` (``dist="t"``; with ``dist="normal"`` the factor
:math:`\sqrt{\nu/W_b}` is 1). Only the fitted parameters are drawn; fixed ones stay
fixed. Rate constants are drawn on the log scale, as fitted. Every draw is pushed through
the model: the shelf life of a draw is the closed-form time at which its mean response
reaches the limit, and the quantiles of those times give a *percentile interval* of the
shelf life. This is the "sampling in the multi-t" of AccelStab [1]_ and the Monte Carlo of
isoconversion times in ASAPprime [2]_; it needs no refitting, only the covariance, so it
inherits the linearisation of the delta method for the parameters but not for the
shelf life (which is a nonlinear function of them).

The multivariate t is also the posterior of :math:`\theta` under a flat prior when the
model is linear, with :math:`\sigma^2 = \hat\sigma^2 \nu / W_b` the matching draw of the
residual variance. :func:`probability_within_limit` uses that pair: for
``kind="new_measurement"`` a new observation is simulated as
:math:`\mu^{(b)}(t) + \sigma^{(b)} \sqrt{g(\mu)}\,\varepsilon_b` (with the error model's
variance function :math:`g`, 1 for constant scatter).

References
----------
.. [1] B. G. Francq, B. Wells, D. Williams and A. Ball, *AccelStab: Accelerated Stability
   Kinetic Modelling*, R package, CRAN, 2024 (vignette "Accelerated Stability Analysis
   using AccelStab in R").
.. [2] K. C. Waterman, "The application of the Accelerated Stability Assessment Program
   (ASAP) to quality by design (QbD) for drug product stability," *AAPS PharmSciTech*,
   vol. 12, no. 3, pp. 932-937, 2011. doi:10.1208/s12249-011-9657-3
.. [3] A. Genz and F. Bretz, *Computation of Multivariate Normal and t Probabilities*.
   Berlin, Germany: Springer, 2009, §1.2 (the t as a normal scale mixture).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import (
    check_level,
    days,
    fit_notices,
    free_mask,
    freeze,
    kelvin,
    parameter_labels,
    quantiles,
    reported,
    require_limit,
    rh_values,
    shelf_life_many,
)
from ._display import DrawsDisplay

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import FitResult

__all__ = ["monte_carlo", "MonteCarloResult", "probability_within_limit", "draw_parameters"]

#: Parameter distributions of :func:`monte_carlo`.
DISTRIBUTIONS = ("t", "normal")
#: Kinds of :func:`probability_within_limit`.
PROBABILITY_KINDS = ("mean", "new_measurement")


@dataclass(frozen=True, eq=False)
class MonteCarloResult(DrawsDisplay):
    """Monte Carlo distribution of the parameters and shelf lives of one fit.

    Attributes
    ----------
    dist : {"t", "normal"}
        Distribution of the parameter draws.
    dof : int
        Degrees of freedom of the multivariate t (residual degrees of freedom of the fit).
    n, seed : int
        Draws and the seed of :func:`numpy.random.default_rng`.
    level : float
        Two-sided level of the percentile intervals.
    attribute : str
    parameter_names, parameter_symbols, parameter_units : tuple of str
    estimates : numpy.ndarray
        Estimates of the fit on the reported scale, ``(P,)``.
    parameter_draws : numpy.ndarray
        Draws on the reported scale, ``(n, P)``.
    temperatures : numpy.ndarray
        Shelf-life temperatures [K], ``(k,)``.
    shelf_life : numpy.ndarray
        Shelf life of the fit [day], ``(k,)``.
    shelf_life_draws : numpy.ndarray
        Shelf life of every draw [day], ``(n, k)``; ``inf`` where a draw never reaches
        the limit, 0 where its initial value is beyond it.
    percentile : tuple of numpy.ndarray
        ``(parameters (P, 2), shelf life (k, 2))`` percentile intervals.
    notices : tuple of Notice
    """

    dist: str
    dof: int
    n: int
    seed: int
    level: float
    attribute: str
    parameter_names: tuple[str, ...]
    parameter_symbols: tuple[str, ...]
    parameter_units: tuple[str, ...]
    estimates: np.ndarray
    parameter_draws: np.ndarray
    temperatures: np.ndarray
    shelf_life: np.ndarray
    shelf_life_draws: np.ndarray
    percentile: tuple[np.ndarray, np.ndarray]
    notices: tuple = ()

    @property
    def method(self) -> str:
        """``"monte-carlo-t"`` or ``"monte-carlo-normal"``."""
        return f"monte-carlo-{self.dist}"

    @property
    def shelf_life_mean(self) -> np.ndarray:
        """Mean of the shelf-life draws per temperature [day] (``inf`` if any is)."""
        return np.mean(self.shelf_life_draws, axis=0)

    def shelf_life_quantiles(self, probs: Any = (0.025, 0.5, 0.975)) -> pd.DataFrame:
        """Quantiles of the shelf-life draws per temperature [day].

        Parameters
        ----------
        probs : sequence of float
            Probabilities in [0, 1].

        Returns
        -------
        pandas.DataFrame
            One row per temperature (``temperature_C``), one column per probability.
        """
        import pandas as pd

        probs = np.atleast_1d(np.asarray(probs, dtype=float))
        q = quantiles(self.shelf_life_draws, probs).T
        df = pd.DataFrame(q, columns=[f"q{p:g}" for p in probs])
        df.insert(0, "temperature_C", np.round(self.temperatures - 273.15, 6))
        return df

    def _intervals(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {"percentile": self.percentile}

    def _provenance(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "level": self.level,
            "n": self.n,
            "seed": self.seed,
            "dof": self.dof,
        }

    def _title(self) -> str:
        dist = f"multivariate t ({self.dof} df)" if self.dist == "t" else "multivariate normal"
        return (
            f"Monte Carlo of '{self.attribute}': {self.n} draws from the {dist} of the "
            f"estimates, seed {self.seed}, {100 * self.level:g} % percentile intervals"
        )

    def __str__(self) -> str:
        return self._title()


def _check_dist(dist: str) -> None:
    if dist not in DISTRIBUTIONS:
        from ..errors import InputError

        raise InputError(
            "option_unknown", what="distribution", value=dist, choices=", ".join(DISTRIBUTIONS)
        )


def _factor(cov: np.ndarray) -> np.ndarray:
    """A square root ``L`` with ``L L^T = cov`` (Cholesky, or eigen for semidefinite)."""
    try:
        return np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        w, V = np.linalg.eigh(cov)
        return V * np.sqrt(np.clip(w, 0.0, None))


def draw_parameters(
    fit: FitResult, n: int, seed: int = 0, dist: str = "t", method: str = "Monte Carlo"
) -> tuple[np.ndarray, np.ndarray, np.random.Generator]:
    r"""Draws of ``theta`` (fitting space) from the fit's multivariate t or normal.

    Parameters
    ----------
    fit : FitResult
    n : int
        Number of draws.
    seed : int
        Seed of :func:`numpy.random.default_rng`.
    dist : {"t", "normal"}
        Multivariate t on the residual degrees of freedom, or normal.
    method : str
        Name used in error messages.

    Returns
    -------
    thetas : numpy.ndarray
        ``(n, P)`` draws; fixed parameters keep their values.
    scale : numpy.ndarray
        ``(n,)`` factors :math:`\sqrt{\nu/W_b}` (ones for the normal): the matching draws
        of :math:`\sigma/\hat\sigma`.
    rng : numpy.random.Generator
        The generator, positioned after the draws (for further simulation).

    Raises
    ------
    FitError
        ``uncertainty_no_covariance`` or ``uncertainty_no_dof``.
    """
    from ..errors import FitError

    _check_dist(dist)
    free = free_mask(fit)
    cov = np.asarray(fit.cov, dtype=float)[np.ix_(free, free)]
    name = fit.attribute.name
    dof = int(fit.statistics["dof"])
    if dof <= 0:
        raise FitError(
            "uncertainty_no_dof",
            attribute=name,
            method=method,
            n=int(fit.statistics["n"]),
            p=int(free.sum()),
        )
    if not np.all(np.isfinite(cov)):
        raise FitError("uncertainty_no_covariance", attribute=name, method=method)
    L = _factor(cov)
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, int(free.sum())))
    scale = np.sqrt(dof / rng.chisquare(dof, size=n)) if dist == "t" else np.ones(n)
    thetas = np.broadcast_to(np.asarray(fit.theta, dtype=float), (n, fit.theta.size)).copy()
    thetas[:, free] += (z @ L.T) * scale[:, None]
    return thetas, scale, rng


def monte_carlo(
    fit: FitResult,
    n: int = 10000,
    *,
    seed: int = 0,
    temperatures: Any = None,
    rh: Any = None,
    dist: str = "t",
    level: float = 0.95,
) -> MonteCarloResult:
    """Shelf-life and parameter distributions from draws of the estimates.

    Parameters
    ----------
    fit : FitResult
        A one-step fit.
    n : int
        Number of draws.
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same draws.
    temperatures : float or pint.Quantity or str or list, optional
        Shelf-life temperatures [K as bare numbers, or quantities/strings in °C, K or °F].
    rh : pint.Quantity or str, optional
        Relative humidity of the shelf-life conditions (humidity models only). [%]
    dist : {"t", "normal"}
        Multivariate t on the fit's residual degrees of freedom (default, as AccelStab), or
        multivariate normal.
    level : float
        Two-sided level of the percentile intervals.

    Returns
    -------
    MonteCarloResult

    Raises
    ------
    FitError
        The fit has no covariance or no residual degrees of freedom.

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.uncertainty import monte_carlo
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> mc = monte_carlo(fit, 2000, temperatures="30 degC")
    >>> lo, hi = mc.interval("30 degC")
    >>> bool(lo < fit.shelf_life("30 degC").estimate < hi)
    True
    """
    level = check_level(level)
    model = fit.model
    T_sl = kelvin(temperatures)
    rh_sl = rh_values(fit, rh, T_sl.shape) if T_sl.size else None
    limit = require_limit(fit) if T_sl.size else np.nan
    thetas, _, _ = draw_parameters(fit, n, seed, dist)
    theta = np.asarray(fit.theta, dtype=float)
    direction = fit.attribute.direction
    rep_est = reported(model, theta)
    rep_draws = reported(model, thetas)
    sl_est = shelf_life_many(model, theta, T_sl, limit, direction, rh_sl)[0]
    sl_draws = shelf_life_many(model, thetas, T_sl, limit, direction, rh_sl)
    probs = [(1.0 - level) / 2.0, (1.0 + level) / 2.0]
    pct = (quantiles(rep_draws, probs).T, quantiles(sl_draws, probs).T)
    names, symbols, units = parameter_labels(fit)
    freeze(rep_est, rep_draws, T_sl, sl_est, sl_draws, *pct)
    return MonteCarloResult(
        dist=dist,
        dof=int(fit.statistics["dof"]),
        n=int(n),
        seed=int(seed),
        level=float(level),
        attribute=fit.attribute.name,
        parameter_names=names,
        parameter_symbols=symbols,
        parameter_units=units,
        estimates=rep_est,
        parameter_draws=rep_draws,
        temperatures=T_sl,
        shelf_life=sl_est,
        shelf_life_draws=sl_draws,
        percentile=pct,
        notices=tuple(fit_notices(fit)),
    )


def _predict_many(fit: FitResult, thetas: np.ndarray, t: np.ndarray, T: np.ndarray, rh):
    """Mean responses ``(n, m)`` of every draw at the points ``(t, T)``."""
    from .solver import BatchModel

    batch = BatchModel(fit.model, t, T, rh, fit.theta)
    return batch.predict(thetas)


def probability_within_limit(
    fit: FitResult,
    time: Any,
    temperature: Any,
    n: int = 10000,
    seed: int = 0,
    *,
    kind: str = "mean",
    rh: Any = None,
    dist: str = "t",
) -> float | np.ndarray:
    r"""Probability that the attribute is still within its limit at a claimed date.

    The fraction of Monte Carlo draws (see :func:`draw_parameters`) whose mean response
    (``kind="mean"``) or simulated new measurement (``kind="new_measurement"``) at
    ``time`` and ``temperature`` is on the right side of the limit: at most the limit for
    ``direction="max"``, at least it for ``"min"``. The same draws serve every time and
    temperature (common random numbers), so the probability falls monotonically along a
    monotone degradation curve.

    Parameters
    ----------
    fit : FitResult
    time : float or array-like or pint.Quantity or str
        Claimed storage time(s) [day as bare numbers, or quantities such as
        ``Q_(18, "month")``].
    temperature : float or pint.Quantity or str
        Storage temperature(s), broadcast against ``time`` [K as bare numbers, or °C, K,
        °F quantities/strings].
    n : int
        Number of draws.
    seed : int
        Seed of :func:`numpy.random.default_rng`.
    kind : {"mean", "new_measurement"}
        Probability for the mean response of the product, or for one new measurement
        (adds the residual scatter).
    rh : pint.Quantity or str, optional
        Relative humidity (humidity models only). [%]
    dist : {"t", "normal"}
        Distribution of the parameter draws.

    Returns
    -------
    float or numpy.ndarray
        Probability in [0, 1]; an array shaped like the broadcast of ``time`` and
        ``temperature`` when either is an array.

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.uncertainty import probability_within_limit
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> p = probability_within_limit(fit, sl.Q_([60, 120, 180], "day"), "30 degC")
    >>> [round(float(x), 2) for x in p]
    [1.0, 1.0, 0.0]
    """
    if kind not in PROBABILITY_KINDS:
        from ..errors import InputError

        raise InputError(
            "option_unknown",
            what="probability kind",
            value=kind,
            choices=", ".join(PROBABILITY_KINDS),
        )
    limit = require_limit(fit)
    t = days(time)
    T = kelvin(temperature)
    scalar = np.ndim(t) == 0 and T.size == 1 and not isinstance(temperature, (list, tuple))
    T = T if T.size > 1 else T.reshape(())
    t, T = np.broadcast_arrays(t, T)
    shape = t.shape
    tf, Tf = t.ravel(), T.ravel()
    rr = rh_values(fit, rh, Tf.shape)
    thetas, scale, rng = draw_parameters(fit, n, seed, dist, method="probability")
    mu = _predict_many(fit, thetas, tf, Tf, rr)
    value = mu
    if kind == "new_measurement":
        var = getattr(fit, "observation_variance", None)
        v = var(mu) if var is not None else np.full(mu.shape, fit.statistics["sigma"] ** 2)
        eps = rng.standard_normal(mu.shape)
        value = mu + np.sqrt(v) * scale[:, None] * eps
    if fit.attribute.direction == "max":
        ok = value <= limit
    else:
        ok = value >= limit
    prob = np.mean(ok & np.isfinite(value), axis=0).reshape(shape)
    return float(prob) if scalar else prob
