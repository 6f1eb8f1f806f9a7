r"""The classic two-step method, kept for comparison with lab spreadsheets.

Step 1: at each temperature, regress the linearised attribute (the value for zero order,
its logarithm for first order) on time; the slope is the rate constant :math:`k_T`.
Step 2: regress :math:`\ln k_T` on :math:`1/T`; the slope is :math:`-E_a/R`.

This is how Indonesian ASLT studies are usually computed in Excel [1]_. It is less precise
than the one-step global fit [2]_, and is used here for comparison and to get starting
values for the global fit.

References
----------
.. [1] Universitas / IPB ASLT teaching templates as summarised in
   ``shared/reference/users-and-markets.md`` §1.1 and §3.1.
.. [2] I. Cohen and I. Saguy, "Statistical evaluation of Arrhenius model and its
   applicability in prediction of food quality losses," *J. Food Process. Preserv.*,
   vol. 9, no. 4, pp. 273-290, 1985.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .models.kinetics import ReactionOrder
from .units import GAS_CONSTANT

__all__ = ["RateAtTemperature", "TwoStepResult", "two_step", "linear_fit", "group_lines"]


@dataclass(frozen=True)
class RateAtTemperature:
    r"""Step-1 result at one temperature.

    Attributes
    ----------
    temperature : float
        Storage temperature [K].
    rate_constant : float
        :math:`k_T = s \cdot \text{slope}` [rate unit]; negative when the data move
        against the overall direction.
    stderr : float
        Standard error of the slope [rate unit].
    intercept : float
        Intercept of the linearised regression [linearised attribute unit].
    r_squared : float
        Coefficient of determination of the regression.
    n : int
        Number of points.
    """

    temperature: float
    rate_constant: float
    stderr: float
    intercept: float
    r_squared: float
    n: int


@dataclass(frozen=True)
class TwoStepResult:
    r"""Result of the two-step method.

    Attributes
    ----------
    rates : tuple of RateAtTemperature
        Step-1 regressions, one per temperature.
    activation_energy, activation_energy_stderr : float
        From the slope of :math:`\ln k` on :math:`1/T` [kJ/mol]; ``nan`` with fewer than
        two usable temperatures (standard error needs three).
    activation_energy_ci95 : tuple of float
        t-based 95 % interval on ``n - 2`` degrees of freedom [kJ/mol].
    log_rate_constant_ref : float
        :math:`\ln k` at the reference temperature from the Arrhenius line.
    r_squared : float
        Of the Arrhenius line.
    used : tuple of float
        Temperatures whose rate constant was positive and entered step 2 [K].
    """

    rates: tuple[RateAtTemperature, ...]
    activation_energy: float
    activation_energy_stderr: float
    activation_energy_ci95: tuple[float, float]
    log_rate_constant_ref: float
    r_squared: float
    used: tuple[float, ...]


def linear_fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float, float]:
    """Ordinary least-squares line.

    Returns
    -------
    tuple
        ``(slope, intercept, slope_stderr, intercept_stderr, r_squared)``; standard errors
        are ``nan`` with fewer than three points.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.size
    xm, ym = x.mean(), y.mean()
    sxx = np.sum((x - xm) ** 2)
    if n < 2 or sxx == 0:
        return np.nan, np.nan, np.nan, np.nan, np.nan
    slope = np.sum((x - xm) * (y - ym)) / sxx
    intercept = ym - slope * xm
    resid = y - (intercept + slope * x)
    sse = float(resid @ resid)
    sst = float(np.sum((y - ym) ** 2))
    r2 = 1.0 - sse / sst if sst > 0 else np.nan
    if n > 2:
        s2 = sse / (n - 2)
        se_slope = np.sqrt(s2 / sxx)
        se_int = np.sqrt(s2 * (1.0 / n + xm**2 / sxx))
    else:
        se_slope = se_int = np.nan
    return float(slope), float(intercept), float(se_slope), float(se_int), float(r2)


def group_lines(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, n_groups: int
) -> dict[str, np.ndarray]:
    """Ordinary least-squares lines of ``y`` on ``x`` within each group, vectorised.

    Parameters
    ----------
    x, y : numpy.ndarray
        Data.
    groups : numpy.ndarray of int
        Group index of each point, ``0 .. n_groups - 1``.
    n_groups : int

    Returns
    -------
    dict
        Arrays of length ``n_groups``: ``slope``, ``intercept``, ``slope_stderr``,
        ``r_squared``, ``n`` (standard errors ``nan`` with fewer than three points).
    """
    n = np.bincount(groups, minlength=n_groups).astype(float)
    sx = np.bincount(groups, x, n_groups)
    sy = np.bincount(groups, y, n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        xm, ym = sx / n, sy / n
        dx, dy = x - xm[groups], y - ym[groups]
        sxx = np.bincount(groups, dx * dx, n_groups)
        sxy = np.bincount(groups, dx * dy, n_groups)
        syy = np.bincount(groups, dy * dy, n_groups)
        slope = np.where(sxx > 0, sxy / sxx, np.nan)
        intercept = ym - slope * xm
        sse = np.clip(syy - slope * sxy, 0.0, None)
        r2 = np.where(syy > 0, 1.0 - sse / syy, np.nan)
        se = np.where(n > 2, np.sqrt(sse / (n - 2) / sxx), np.nan)
    return {"slope": slope, "intercept": intercept, "slope_stderr": se, "r_squared": r2, "n": n}


def two_step(
    time: np.ndarray,
    temperature: np.ndarray,
    value: np.ndarray,
    order: ReactionOrder,
    sign: float,
    reference_temperature: float,
) -> TwoStepResult:
    r"""Run the two-step method on float arrays (time [day], temperature [K]).

    Parameters
    ----------
    time, temperature, value : numpy.ndarray
        Measurements [day], [K], [attribute unit].
    order : ReactionOrder
        Reaction order defining the linearisation.
    sign : float
        +1 for a rising attribute, -1 for a falling one.
    reference_temperature : float
        Temperature at which :math:`\ln k` is reported [K].
    """
    from ._stats import t_quantile

    temps, groups = np.unique(temperature, return_inverse=True)
    g = group_lines(time, order.linearize(value), groups, temps.size)
    rates = [
        RateAtTemperature(
            float(temps[i]),
            float(sign * g["slope"][i]),
            float(g["slope_stderr"][i]),
            float(g["intercept"][i]),
            float(g["r_squared"][i]),
            int(g["n"][i]),
        )
        for i in range(temps.size)
    ]
    usable = [r for r in rates if np.isfinite(r.rate_constant) and r.rate_constant > 0]
    ea = ea_se = lnk_ref = r2 = np.nan
    ci = (np.nan, np.nan)
    if len(usable) >= 2:
        inv_t = np.array([1.0 / r.temperature for r in usable])
        ln_k = np.log([r.rate_constant for r in usable])
        slope, intercept, se, _, r2 = linear_fit(inv_t - 1.0 / reference_temperature, ln_k)
        ea = -slope * GAS_CONSTANT
        lnk_ref = intercept
        if len(usable) > 2:
            ea_se = se * GAS_CONSTANT
            q = t_quantile(0.975, len(usable) - 2)
            ci = (ea - q * ea_se, ea + q * ea_se)
    return TwoStepResult(
        rates=tuple(rates),
        activation_energy=float(ea),
        activation_energy_stderr=float(ea_se),
        activation_energy_ci95=(float(ci[0]), float(ci[1])),
        log_rate_constant_ref=float(lnk_ref),
        r_squared=float(r2),
        used=tuple(r.temperature for r in usable),
    )
