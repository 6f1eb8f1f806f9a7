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
    rh: float = float("nan")


@dataclass(frozen=True)
class TwoStepResult:
    r"""Result of the two-step method.

    Attributes
    ----------
    rates : tuple of RateAtTemperature
        Step-1 regressions, one per storage condition (temperature, and RH if modelled).
    estimates, stderr : numpy.ndarray
        Step-2 estimates of the temperature parameters in fitting space (e.g.
        :math:`\ln k_{ref}` and :math:`E_a` [kJ/mol]) and their standard errors (``nan``
        without residual degrees of freedom).
    names : tuple of str
        Names of the temperature parameters.
    dof : int
        Residual degrees of freedom of step 2 (usable conditions minus parameters).
    r_squared : float
        Of the step-2 regression.
    used : tuple of float
        Temperatures whose rate constant was positive and entered step 2 [K].
    """

    rates: tuple[RateAtTemperature, ...]
    estimates: np.ndarray
    stderr: np.ndarray
    names: tuple[str, ...]
    dof: int
    r_squared: float
    used: tuple[float, ...]

    def ci95(self, name: str) -> tuple[float, float]:
        """t-based 95 % interval of a step-2 parameter (fitting space)."""
        from ._stats import t_quantile

        i = self.names.index(name)
        q = t_quantile(0.975, self.dof)
        return (
            float(self.estimates[i] - q * self.stderr[i]),
            float(self.estimates[i] + q * self.stderr[i]),
        )

    def _get(self, name: str, array: np.ndarray) -> float:
        return float(array[self.names.index(name)]) if name in self.names else float("nan")

    @property
    def activation_energy(self) -> float:
        """Two-step activation energy [kJ/mol] (``nan`` if the model has none)."""
        return self._get("activation_energy", self.estimates)

    @property
    def activation_energy_stderr(self) -> float:
        """Its standard error [kJ/mol]."""
        return self._get("activation_energy", self.stderr)

    @property
    def activation_energy_ci95(self) -> tuple[float, float]:
        """Its t-based 95 % interval on ``n - 2`` degrees of freedom [kJ/mol]."""
        if "activation_energy" not in self.names:
            return (float("nan"), float("nan"))
        return self.ci95("activation_energy")

    @property
    def log_rate_constant_ref(self) -> float:
        r""":math:`\ln k` at the reference conditions from the step-2 line."""
        return float(self.estimates[0]) if self.estimates.size else float("nan")


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
    model,
    order_parameters: np.ndarray,
    rh: np.ndarray | None = None,
    _groups: tuple[np.ndarray, np.ndarray] | None = None,
) -> TwoStepResult:
    r"""Run the two-step method on float arrays (time [day], temperature [K], RH [%]).

    Parameters
    ----------
    time, temperature, value : numpy.ndarray
        Measurements [day], [K], [attribute unit].
    model : KineticModel
        Reaction order (linearisation), direction sign, temperature dependence and
        reference conditions.
    order_parameters : numpy.ndarray
        Order parameters used by the linearisation (e.g. :math:`n`, :math:`A_\infty`).
    rh : numpy.ndarray, optional
        Relative humidity [%], for humidity-dependent models.

    Notes
    -----
    Step 2 regresses :math:`\ln k` of the conditions with a positive rate on the design
    of the temperature dependence: for Arrhenius, :math:`\ln k = \ln k_{ref} - (E_a/R)
    (1/T - 1/T_{ref})`, an ordinary least-squares line in :math:`1/T`.
    """
    order, tdep, sign = model.order, model.temperature, model.sign
    use_rh = tdep.uses_rh and rh is not None
    if use_rh:
        keys = np.stack([temperature, rh], axis=-1)
        conds, groups = np.unique(keys, axis=0, return_inverse=True)
        groups = groups.ravel()
    else:  # 1-D unique is much faster than the row-wise one (or given by the caller)
        temps, groups = _groups or np.unique(temperature, return_inverse=True)
        conds = np.stack([temps, np.zeros_like(temps)], axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = order.linearize(value, order_parameters, sign)
    finite = np.isfinite(z)
    g = group_lines(time[finite], z[finite], groups[finite], len(conds))
    rates = [
        RateAtTemperature(
            float(conds[i, 0]),
            float(sign * g["slope"][i]),
            float(g["slope_stderr"][i]),
            float(g["intercept"][i]),
            float(g["r_squared"][i]),
            int(g["n"][i]),
            float(conds[i, 1]) if use_rh else float("nan"),
        )
        for i in range(len(conds))
    ]
    names = tuple(p.name for p in tdep.parameters)
    usable = [
        i for i, r in enumerate(rates) if np.isfinite(r.rate_constant) and r.rate_constant > 0
    ]
    est = np.full(len(names), np.nan)
    se = np.full(len(names), np.nan)
    r2 = np.nan
    dof = 0
    if len(usable) >= len(names):
        T_u = conds[usable, 0]
        rh_u = conds[usable, 1] if use_rh else None
        offset, G = tdep.design(T_u, rh_u, model.references)
        ln_k = np.log([rates[i].rate_constant for i in usable]) - offset
        dof = len(usable) - len(names)
        try:
            # normal equations: G is tiny (conditions x parameters) and well conditioned
            # in the reparameterised form; cheaper than lstsq's SVD
            inv = np.linalg.inv(G.T @ G)
        except np.linalg.LinAlgError:
            inv = None
        if inv is not None:
            coef = inv @ (G.T @ ln_k)
            resid = ln_k - G @ coef
            est = coef
            sst = float(np.sum((ln_k - ln_k.mean()) ** 2))
            sse = float(resid @ resid)
            r2 = 1.0 - sse / sst if sst > 0 and len(names) > 1 else np.nan
            if dof > 0:
                se = np.sqrt(np.diag(inv) * sse / dof)
    return TwoStepResult(
        rates=tuple(rates),
        estimates=np.asarray(est, dtype=float),
        stderr=np.asarray(se, dtype=float),
        names=names,
        dof=int(dof),
        r_squared=float(r2),
        used=tuple(float(conds[i, 0]) for i in usable),
    )
