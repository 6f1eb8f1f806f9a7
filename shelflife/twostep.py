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

__all__ = ["RateAtTemperature", "TwoStepResult", "two_step", "linear_fit"]


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

    z = order.linearize(value)
    rates = []
    for T in np.unique(temperature):
        m = temperature == T
        slope, intercept, se, _, r2 = linear_fit(time[m], z[m])
        rates.append(RateAtTemperature(float(T), sign * slope, se, intercept, r2, int(m.sum())))
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
