r"""The isotherm model type: :class:`IsothermModel` and what it is built from.

An :class:`IsothermModel` holds one sorption isotherm :math:`m(a_w)` (moisture :math:`m`
in g water / g dry solids, water activity :math:`a_w` as a fraction): its name, equation
text, parameters (:class:`IsothermParameter`, with units and bounds), the vectorised
forward function, the inverse :math:`a_w(m)` (analytic where it exists, else
:func:`invert_monotone`, a vectorised bracketing solver for any function increasing in
:math:`a_w` on [0, 1]), starting values and the polynomial :class:`Linearisation` that hand
calculations use. The models themselves are declared in
:mod:`~shelflife.moisture.isotherm_equations`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError

__all__ = ["IsothermParameter", "Linearisation", "IsothermModel", "invert_monotone"]


@dataclass(frozen=True)
class IsothermParameter:
    """One parameter of an isotherm model.

    Attributes
    ----------
    name : str
        Name used in tables and ``to_dict`` (``"m0"``, ``"C"``, ``"K"``...).
    symbol : str
        Symbol for display (``"m₀"``).
    unit : str
        ``"g/g"`` for parameters with the dimension of a moisture content (dry basis),
        ``""`` for numbers.
    lower, upper : float
        Bounds used by the fit (``inf`` for none).
    description : str
        Meaning in a few words.
    """

    name: str
    symbol: str
    unit: str
    lower: float
    upper: float
    description: str

    @property
    def positive(self) -> bool:
        """True when the parameter is kept positive (lower bound 0)."""
        return self.lower == 0.0


@dataclass(frozen=True)
class Linearisation:
    """A transformation that turns an isotherm into a polynomial regression.

    ``y(aw, m)`` regressed on ``x(aw, m)`` by ordinary least squares with a polynomial of
    ``degree`` gives coefficients ``c0, c1[, c2]`` (increasing powers), which
    ``to_parameters`` maps to the model parameters. This is how Indonesian theses fit
    isotherms by hand ("bentuk linear y = a + bx"), and the source of starting values for
    the nonlinear fit.
    """

    x: Callable[[np.ndarray, np.ndarray], np.ndarray]
    y: Callable[[np.ndarray, np.ndarray], np.ndarray]
    to_parameters: Callable[[np.ndarray], np.ndarray]
    text: str
    degree: int = 1
    aw_max: float = 1.0


def _invert_scalar(func: Callable[[np.ndarray], np.ndarray], m: np.ndarray) -> np.ndarray:
    """:func:`invert_monotone` for one target, by Brent's method.

    An ODE right-hand side asks for one value at a time, where vectorised iterations cost
    more than they save.
    """
    from scipy.optimize import brentq

    target = float(m.reshape(-1)[0])

    def f(a: float) -> float:
        with np.errstate(all="ignore"):
            return float(func(np.array([a]))[0]) - target

    f0, f1 = f(0.0), f(1.0)
    if not f0 < 0:
        out = 0.0
    elif not f1 > 0:
        out = 1.0
    else:
        out = brentq(f, 0.0, 1.0, xtol=1e-15, rtol=4 * np.finfo(float).eps)
    return np.full(m.shape, out)


def invert_monotone(
    func: Callable[[np.ndarray], np.ndarray], target: Any, *, iterations: int = 64
) -> np.ndarray:
    """Invert an increasing function of water activity on [0, 1] by vectorised bisection.

    Parameters
    ----------
    func : callable
        Vectorised, increasing :math:`m(a_w)`; may return ``inf`` at :math:`a_w = 1` or
        ``-inf`` at 0.
    target : array-like
        Moisture values to invert [g/g].
    iterations : int
        Bisection steps (64 halve the unit interval below double precision).

    Returns
    -------
    numpy.ndarray
        Water activities in [0, 1]: 0 for targets at or below :math:`m(0)`, 1 for targets at
        or above :math:`m(1)`, NaN for NaN targets.
    """
    m = np.asarray(target, dtype=float)
    if m.size == 1 and np.isfinite(m).all():
        return _invert_scalar(func, m)
    lo = np.zeros(m.shape)
    hi = np.ones(m.shape)
    with np.errstate(all="ignore"):
        # a few bisection steps keep the bracket away from the ends, where m(aw) may be
        # infinite; then the Illinois variant of regula falsi converges superlinearly
        for _ in range(min(8, iterations)):
            mid = 0.5 * (lo + hi)
            below = func(mid) < m
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
        below_all = func(np.zeros(m.shape)) - m >= 0  # target at or below m(0)
        above_all = func(np.ones(m.shape)) - m <= 0  # target at or above m(1)
        f_lo, f_hi = func(lo) - m, func(hi) - m
        a, b = lo.copy(), hi.copy()
        side = np.zeros(m.shape)
        for _ in range(iterations):
            usable = np.isfinite(f_lo) & np.isfinite(f_hi) & (f_hi != f_lo)
            c = np.where(usable, (a * f_hi - b * f_lo) / (f_hi - f_lo), 0.5 * (a + b))
            c = np.clip(c, a, b)
            f_c = func(c) - m
            left = f_c < 0
            # Illinois: halve the value kept twice on the same side
            f_hi = np.where(left & (side == -1), 0.5 * f_hi, f_hi)
            f_lo = np.where(~left & (side == 1), 0.5 * f_lo, f_lo)
            a, f_lo = np.where(left, c, a), np.where(left, f_c, f_lo)
            b, f_hi = np.where(left, b, c), np.where(left, f_hi, f_c)
            side = np.where(left, -1, 1)
            if np.all((b - a <= 4 * np.finfo(float).eps) | (f_c == 0) | np.isnan(m)):
                break
        out = np.where(f_c == 0, c, 0.5 * (a + b))
        out = np.where(below_all, 0.0, np.where(above_all, 1.0, out))
    return np.where(np.isnan(m), np.nan, out)


def _ols(x: np.ndarray, y: np.ndarray, degree: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Polynomial least squares: coefficients (increasing powers), covariance, R²."""
    X = np.vander(x, degree + 1, increasing=True)
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    n, p = X.shape
    dof = n - p
    s2 = float(resid @ resid) / dof if dof > 0 else np.nan
    try:
        cov = np.linalg.inv(X.T @ X) * s2
    except np.linalg.LinAlgError:
        cov = np.full((p, p), np.nan)
    sst = float(np.sum((y - y.mean()) ** 2))
    r2 = 1.0 - float(resid @ resid) / sst if sst > 0 else np.nan
    return coef, cov, r2


@dataclass(frozen=True)
class IsothermModel:
    """A sorption isotherm model: equation, parameters, forward and inverse functions.

    Use the instances in :data:`MODELS` (or :func:`get_model`); the attributes are
    documented for advanced use. All functions work on floats: water activity as a
    fraction, moisture in g/g on dry basis.

    Attributes
    ----------
    name : str
        Registry name (``"gab"``).
    title : str
        Display name (``"GAB"``).
    equation : str
        The equation as plain text.
    parameters : tuple of IsothermParameter
        In the order of the parameter vector.
    references : tuple of str
        Where the model comes from.
    validity : tuple of float
        Water-activity range over which the model is meant to hold [–].
    validity_note : str
        Plain-language note on the range.
    linearisation : Linearisation or None
        The polynomial form used for starting values and ``method="linearised"``.
    """

    name: str
    title: str
    equation: str
    parameters: tuple[IsothermParameter, ...]
    references: tuple[str, ...]
    validity: tuple[float, float]
    validity_note: str
    forward: Callable[[np.ndarray, np.ndarray], np.ndarray] = field(repr=False)
    inverse: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = field(repr=False)
    starting_values: Callable[[np.ndarray, np.ndarray], np.ndarray] = field(repr=False)
    linearisation: Linearisation | None = field(default=None, repr=False)
    aliases: tuple[str, ...] = ()

    # ------------------------------------------------------------------ basics
    @property
    def parameter_names(self) -> tuple[str, ...]:
        """Names of the parameters, in order."""
        return tuple(p.name for p in self.parameters)

    @property
    def n_parameters(self) -> int:
        """Number of parameters."""
        return len(self.parameters)

    @property
    def has_analytic_inverse(self) -> bool:
        """True when :meth:`water_activity` has a closed form."""
        return self.inverse is not None

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper bounds of the parameters (for the fit)."""
        lower = np.array([p.lower for p in self.parameters], dtype=float)
        upper = np.array([p.upper for p in self.parameters], dtype=float)
        return lower, upper

    def _params(self, params: Any) -> np.ndarray:
        if isinstance(params, dict):
            try:
                params = [params[n] for n in self.parameter_names]
            except KeyError as exc:
                raise InputError(
                    "isotherm_parameters_invalid",
                    model=self.title,
                    names=", ".join(self.parameter_names),
                    reason=f"'{exc.args[0]}' is missing",
                ) from None
        p = np.asarray(params, dtype=float).ravel()
        if p.size != self.n_parameters:
            raise InputError(
                "isotherm_parameters_invalid",
                model=self.title,
                names=", ".join(self.parameter_names),
                reason=f"{p.size} values given, {self.n_parameters} needed",
            )
        return p

    # --------------------------------------------------------------- functions
    def moisture(self, aw: Any, params: Any) -> Any:
        """Equilibrium moisture at water activity ``aw`` (vectorised).

        Parameters
        ----------
        aw : float or array-like
            Water activity [–, fraction].
        params : array-like or dict
            Parameter values in the order of :attr:`parameters` (or by name).

        Returns
        -------
        float or numpy.ndarray
            Moisture content [g/g, dry basis].
        """
        p = self._params(params)
        a = np.asarray(aw, dtype=float)
        with np.errstate(all="ignore"):
            out = self.forward(a, p)
        return float(out) if np.ndim(out) == 0 else np.asarray(out, dtype=float)

    def water_activity(self, m: Any, params: Any) -> Any:
        """Water activity in equilibrium with moisture ``m`` (vectorised inverse).

        Uses the closed form where the model has one, else :func:`invert_monotone`.
        Results are clipped to [0, 1]: a moisture above the isotherm's value at
        :math:`a_w = 1` gives 1 (saturation), one below its value at :math:`a_w = 0`
        gives 0.

        Parameters
        ----------
        m : float or array-like
            Moisture content [g/g, dry basis].
        params : array-like or dict
            Parameter values.

        Returns
        -------
        float or numpy.ndarray
            Water activity [–, fraction].
        """
        p = self._params(params)
        mm = np.asarray(m, dtype=float)
        with np.errstate(all="ignore"):
            if self.inverse is not None:
                out = np.asarray(self.inverse(mm, p), dtype=float)
                out = np.where(np.isnan(mm), np.nan, np.clip(np.nan_to_num(out, nan=0.0), 0, 1))
            else:
                out = invert_monotone(lambda a: self.forward(a, p), mm)
        return float(out) if np.ndim(out) == 0 else out

    def numerical_water_activity(self, m: Any, params: Any) -> Any:
        """The inverse by bisection, also for models with a closed form (for checks)."""
        p = self._params(params)
        out = invert_monotone(lambda a: self.forward(a, p), np.asarray(m, dtype=float))
        return float(out) if np.ndim(out) == 0 else out

    def guess(self, aw: Any, m: Any) -> np.ndarray:
        """Starting values from the data (linearisation, then safe defaults).

        Parameters
        ----------
        aw : array-like
            Water activities [–], strictly between 0 and 1.
        m : array-like
            Moisture contents [g/g, dry basis], positive.

        Returns
        -------
        numpy.ndarray
            Parameter vector strictly inside the bounds.
        """
        a = np.asarray(aw, dtype=float)
        mm = np.asarray(m, dtype=float)
        with np.errstate(all="ignore"):
            p = np.asarray(self.starting_values(a, mm), dtype=float)
        lower, upper = self.bounds()
        span = np.where(np.isfinite(upper - lower), upper - lower, 1.0)
        lo = lower + 1e-6 * np.where(np.isfinite(lower), span, 0)
        hi = upper - 1e-6 * np.where(np.isfinite(upper), span, 0)
        p = np.where(np.isfinite(p), p, np.where(np.isfinite(lower), lo * 10 + 1e-3, 1.0))
        return np.clip(p, lo, hi)

    def linearised_fit(self, aw: Any, m: Any) -> tuple[np.ndarray, np.ndarray, float]:
        """Fit the linearised form by ordinary least squares.

        Parameters
        ----------
        aw, m : array-like
            Water activities [–] and moistures [g/g, dry basis].

        Returns
        -------
        params : numpy.ndarray
            Model parameters derived from the regression coefficients.
        cov : numpy.ndarray
            Their covariance by the delta method (from the regression's covariance).
        r_squared : float
            :math:`R^2` of the linear regression (what hand calculations report).

        Raises
        ------
        InputError
            ``isotherm_linearised_unavailable`` for a model without a linear form (Peleg)
            or when the regression gives coefficients that no parameter set matches.
        """
        lin = self.linearisation
        if lin is None:
            raise InputError("isotherm_linearised_unavailable", model=self.title)
        a = np.asarray(aw, dtype=float)
        mm = np.asarray(m, dtype=float)
        with np.errstate(all="ignore"):
            x = lin.x(a, mm)
            y = lin.y(a, mm)
        ok = np.isfinite(x) & np.isfinite(y)
        if ok.sum() < lin.degree + 1:
            raise InputError("isotherm_linearised_unavailable", model=self.title)
        coef, cov_c, r2 = _ols(x[ok], y[ok], lin.degree)
        with np.errstate(all="ignore"):
            params = np.asarray(lin.to_parameters(coef), dtype=float)
        if not np.all(np.isfinite(params)):
            raise InputError("isotherm_linearised_unavailable", model=self.title)
        # delta method: G = d params / d coef by central differences
        G = np.zeros((params.size, coef.size))
        for j in range(coef.size):
            h = 1e-6 * max(abs(coef[j]), 1e-8)
            up, dn = coef.copy(), coef.copy()
            up[j] += h
            dn[j] -= h
            with np.errstate(all="ignore"):
                G[:, j] = (lin.to_parameters(up) - lin.to_parameters(dn)) / (2 * h)
        cov = G @ cov_c @ G.T
        return params, cov, float(r2)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: name, title, equation, parameters (unit, bounds), validity, references."""
        return {
            "name": self.name,
            "title": self.title,
            "equation": self.equation,
            "parameters": [
                {
                    "name": p.name,
                    "symbol": p.symbol,
                    "unit": p.unit,
                    "lower": None if not math.isfinite(p.lower) else p.lower,
                    "upper": None if not math.isfinite(p.upper) else p.upper,
                    "description": p.description,
                }
                for p in self.parameters
            ],
            "validity": {
                "aw_low": self.validity[0],
                "aw_high": self.validity[1],
                "note": self.validity_note,
            },
            "linearised_form": None if self.linearisation is None else self.linearisation.text,
            "references": list(self.references),
        }

    def __str__(self) -> str:
        return f"{self.title}: {self.equation}"
