r"""Moisture sorption isotherm models, declared once each.

A sorption isotherm gives the equilibrium moisture content :math:`m` of a food (dry
basis, g water / g dry solids) as a function of water activity :math:`a_w` at constant
temperature. Each model here is an :class:`IsothermModel` with its name, equation text,
parameters (units and bounds), the vectorised forward function :math:`m(a_w)`, the
inverse :math:`a_w(m)` (analytic where it exists, a robust vectorised bisection
otherwise; every model is increasing in :math:`a_w` on (0, 1) for parameters inside their
bounds), data-driven starting values from a linearisation, and the validity range.

=================  =======================================================================
model              equation (:math:`m` in g/g dry basis)
=================  =======================================================================
``gab``            :math:`m = m_0 C K a_w / [(1 - K a_w)(1 - K a_w + C K a_w)]`
``bet``            :math:`m = m_0 C a_w / [(1 - a_w)(1 + (C - 1) a_w)]`, :math:`a_w \lesssim 0.5`
``oswin``          :math:`m = a\,[a_w/(1 - a_w)]^b`
``halsey``         :math:`a_w = \exp(-a/m^n)`
``henderson``      :math:`1 - a_w = \exp(-k\,m^n)` (isothermal; :math:`k` includes :math:`T`)
``peleg``          :math:`m = k_1 a_w^{n_1} + k_2 a_w^{n_2}`, :math:`n_1 < 1 < n_2`
``smith``          :math:`m = A - B \ln(1 - a_w)`
``chen_clayton``   :math:`a_w = \exp[-a \exp(-b\,m)]`
``caurie``         :math:`m = A \exp(B\,a_w)`
=================  =======================================================================

All parameter values assume :math:`m` in **g/g on dry basis** (not percent): the constants
of Halsey, Henderson, Chen–Clayton and Caurie change when the moisture unit changes, so a
published constant must be used with the moisture unit it was fitted in.

The names "Hasley" (a frequent spelling in Indonesian theses), "Chen-Clayton" and
"GAB"/"BET" in any case are accepted by :func:`get_model`.

:class:`LinearIsotherm` is the straight line :math:`m = b\,a_w + c` of Labuza's
closed-form moisture-gain shelf life; :meth:`IsothermFit.linear_between
<shelflife.moisture.fit.IsothermFit.linear_between>` makes one from a fitted isotherm.

References
----------
.. [1] C. van den Berg, "Development of B.E.T.-like models for sorption of water on
   foods, theory and relevance," in *Properties of Water in Foods*, D. Simatos and
   J. L. Multon, Eds. Dordrecht: Martinus Nijhoff, 1985, pp. 119–131.
.. [2] H. Bizot, "Using the 'G.A.B.' model to construct sorption isotherms," in *Physical
   Properties of Foods*, R. Jowitt et al., Eds. London: Applied Science, 1983, pp. 43–54.
.. [3] S. Brunauer, P. H. Emmett and E. Teller, "Adsorption of gases in multimolecular
   layers," *J. Am. Chem. Soc.*, vol. 60, no. 2, pp. 309–319, 1938.
   doi:10.1021/ja01269a023
.. [4] C. R. Oswin, "The kinetics of package life. III. The isotherm," *J. Soc. Chem.
   Ind.*, vol. 65, no. 12, pp. 419–421, 1946. doi:10.1002/jctb.5000651216
.. [5] G. Halsey, "Physical adsorption on non-uniform surfaces," *J. Chem. Phys.*,
   vol. 16, no. 10, pp. 931–937, 1948. doi:10.1063/1.1746689
.. [6] S. M. Henderson, "A basic concept of equilibrium moisture," *Agric. Eng.*,
   vol. 33, pp. 29–32, 1952.
.. [7] M. Peleg, "Assessment of a semi-empirical four parameter general model for sigmoid
   moisture sorption isotherms," *J. Food Process Eng.*, vol. 16, no. 1, pp. 21–37, 1993.
   doi:10.1111/j.1745-4530.1993.tb00160.x
.. [8] S. E. Smith, "The sorption of water vapor by high polymers," *J. Am. Chem. Soc.*,
   vol. 69, no. 3, pp. 646–651, 1947. doi:10.1021/ja01195a053
.. [9] C. S. Chen and J. T. Clayton, "The effect of temperature on sorption isotherms of
   biological materials," *Trans. ASAE*, vol. 14, no. 5, pp. 927–929, 1971.
.. [10] M. Caurie, "A new model equation for predicting safe storage moisture levels for
   optimum stability of dehydrated foods," *J. Food Technol.*, vol. 5, no. 3,
   pp. 301–307, 1970. doi:10.1111/j.1365-2621.1970.tb01571.x
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError

__all__ = [
    "IsothermParameter",
    "Linearisation",
    "IsothermModel",
    "LinearIsotherm",
    "MODELS",
    "get_model",
    "model_names",
    "invert_monotone",
]

_INF = math.inf


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


# ============================================================ the models
def _moisture_parameter(name: str = "m0", symbol: str = "m₀", description: str = "") -> Any:
    return IsothermParameter(name, symbol, "g/g", 0.0, _INF, description)


def _number(
    name: str, symbol: str, description: str, lower: float = 0.0, upper: float = _INF
) -> IsothermParameter:
    return IsothermParameter(name, symbol, "", lower, upper, description)


def _nearest(aw: np.ndarray, m: np.ndarray, target: float) -> float:
    return float(m[np.argmin(np.abs(aw - target))])


# ------------------------------------------------------------------ GAB / BET
def _gab(aw, p):
    m0, C, K = p
    x = K * aw
    return m0 * C * x / ((1.0 - x) * (1.0 - x + C * x))


def _gab_x(m, m0, C):
    # m (C-1) x^2 + [m0 C - m (C-2)] x - m = 0, positive root in the stable form
    b1 = m0 * C - m * (C - 2.0)
    disc = b1 * b1 + 4.0 * m * m * (C - 1.0)
    return 2.0 * m / (b1 + np.sqrt(np.maximum(disc, 0.0)))


def _gab_inverse(m, p):
    m0, C, K = p
    return _gab_x(m, m0, C) / K


def _bet(aw, p):
    return _gab(aw, (p[0], p[1], 1.0))


def _bet_inverse(m, p):
    return _gab_x(m, p[0], p[1])


def _bet_from_coef(c):
    # aw / [m (1 - aw)] = 1/(m0 C) + (C - 1)/(m0 C) aw
    c0, c1 = c[0], c[1]
    return np.array([1.0 / (c0 + c1), 1.0 + c1 / c0])


def _gab_from_coef(c):
    # aw/m = gamma + beta aw + alpha aw^2 with gamma = 1/(m0 C K), beta = (C-2)/(m0 C),
    # alpha = -(C-1) K/(m0 C); then sqrt(beta^2 - 4 alpha gamma) = 1/m0
    gamma, beta, alpha = c[0], c[1], c[2]
    root = (
        math.sqrt(beta * beta - 4.0 * alpha * gamma)
        if beta * beta >= 4 * alpha * gamma
        else np.nan
    )
    K = (root - beta) / (2.0 * gamma)
    C = beta / (gamma * K) + 2.0
    m0 = 1.0 / (gamma * C * K)
    return np.array([m0, C, K])


_BET_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: aw / (m * (1.0 - aw)),
    to_parameters=_bet_from_coef,
    text="aw/[m(1 − aw)] = 1/(m0·C) + (C − 1)/(m0·C)·aw",
    aw_max=0.5,
)

_GAB_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: aw / m,
    to_parameters=_gab_from_coef,
    text="aw/m = γ + β·aw + α·aw² (quadratic regression)",
    degree=2,
)


def _bet_guess(aw, m):
    low = aw <= 0.5
    try:
        if low.sum() >= 2:
            p = MODELS["bet"].linearised_fit(aw[low], m[low])[0]
            if np.all(p > 0):
                return p
    except InputError:
        pass
    return np.array([0.8 * _nearest(aw, m, 0.3), 10.0])


def _gab_guess(aw, m):
    try:
        p = MODELS["gab"].linearised_fit(aw, m)[0]
        if p[0] > 0 and p[1] > 0 and 0 < p[2] <= 1.0:
            return p
    except (InputError, ValueError, ZeroDivisionError):
        pass
    m0, C = _bet_guess(aw, m)
    return np.array([m0, C, 0.9])


# ---------------------------------------------------------------------- Oswin
def _oswin(aw, p):
    return p[0] * (aw / (1.0 - aw)) ** p[1]


def _oswin_inverse(m, p):
    r = (m / p[0]) ** (1.0 / p[1])
    return r / (1.0 + r)


_OSWIN_LIN = Linearisation(
    x=lambda aw, m: np.log(aw / (1.0 - aw)),
    y=lambda aw, m: np.log(m),
    to_parameters=lambda c: np.array([math.exp(c[0]), c[1]]),
    text="ln m = ln a + b·ln[aw/(1 − aw)]",
)


# --------------------------------------------------------------------- Halsey
def _halsey(aw, p):
    return (p[0] / -np.log(aw)) ** (1.0 / p[1])


def _halsey_inverse(m, p):
    return np.exp(-p[0] / m ** p[1])


_HALSEY_LIN = Linearisation(
    x=lambda aw, m: np.log10(m),
    y=lambda aw, m: np.log10(np.log(1.0 / aw)),
    to_parameters=lambda c: np.array([10.0 ** c[0], -c[1]]),
    text="log₁₀ ln(1/aw) = log₁₀ a − n·log₁₀ m",
)


# ------------------------------------------------------------------ Henderson
def _henderson(aw, p):
    return (-np.log(1.0 - aw) / p[0]) ** (1.0 / p[1])


def _henderson_inverse(m, p):
    return 1.0 - np.exp(-p[0] * m ** p[1])


_HENDERSON_LIN = Linearisation(
    x=lambda aw, m: np.log10(m),
    y=lambda aw, m: np.log10(np.log(1.0 / (1.0 - aw))),
    to_parameters=lambda c: np.array([10.0 ** c[0], c[1]]),
    text="log₁₀ ln[1/(1 − aw)] = log₁₀ k + n·log₁₀ m",
)


# ---------------------------------------------------------------------- Peleg
def _peleg(aw, p):
    return p[0] * aw ** p[1] + p[2] * aw ** p[3]


def _peleg_guess(aw, m):
    best, best_sse = None, np.inf
    for n1 in (0.2, 0.4, 0.6, 0.8):
        for n2 in (2.0, 4.0, 7.0, 12.0):
            X = np.column_stack([aw**n1, aw**n2])
            coef, *_ = np.linalg.lstsq(X, m, rcond=None)
            coef = np.maximum(coef, 1e-4)
            sse = float(np.sum((X @ coef - m) ** 2))
            if sse < best_sse:
                best, best_sse = np.array([coef[0], n1, coef[1], n2]), sse
    return best


# ---------------------------------------------------------------------- Smith
def _smith(aw, p):
    return p[0] - p[1] * np.log(1.0 - aw)


def _smith_inverse(m, p):
    return 1.0 - np.exp(-(m - p[0]) / p[1])


_SMITH_LIN = Linearisation(
    x=lambda aw, m: -np.log(1.0 - aw),
    y=lambda aw, m: m,
    to_parameters=lambda c: np.array([c[0], c[1]]),
    text="m = A + B·[−ln(1 − aw)]",
)


# --------------------------------------------------------------- Chen-Clayton
def _chen_clayton(aw, p):
    return (np.log(p[0]) - np.log(-np.log(aw))) / p[1]


def _chen_clayton_inverse(m, p):
    return np.exp(-p[0] * np.exp(-p[1] * m))


_CHEN_LIN = Linearisation(
    x=lambda aw, m: m,
    y=lambda aw, m: np.log(np.log(1.0 / aw)),
    to_parameters=lambda c: np.array([math.exp(c[0]), -c[1]]),
    text="ln ln(1/aw) = ln a − b·m",
)


# --------------------------------------------------------------------- Caurie
def _caurie(aw, p):
    return p[0] * np.exp(p[1] * aw)


def _caurie_inverse(m, p):
    return np.log(m / p[0]) / p[1]


_CAURIE_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: np.log(m),
    to_parameters=lambda c: np.array([math.exp(c[0]), c[1]]),
    text="ln m = ln A + B·aw",
)


def _from_linearisation(name: str, fallback: Callable[[np.ndarray, np.ndarray], np.ndarray]):
    def guess(aw, m):
        try:
            p = MODELS[name].linearised_fit(aw, m)[0]
            lower, upper = MODELS[name].bounds()
            if np.all(np.isfinite(p)) and np.all(p > lower) and np.all(p < upper):
                return p
        except (InputError, ValueError, ZeroDivisionError, OverflowError):
            pass
        return fallback(aw, m)

    return guess


_REF = {
    "gab": (
        "C. van den Berg, in Properties of Water in Foods, Martinus Nijhoff, 1985, pp. 119–131",
        "H. Bizot, in Physical Properties of Foods, Applied Science, 1983, pp. 43–54",
    ),
    "bet": (
        "S. Brunauer, P. H. Emmett, E. Teller, J. Am. Chem. Soc. 60 (1938) 309–319, "
        "doi:10.1021/ja01269a023",
    ),
    "oswin": ("C. R. Oswin, J. Soc. Chem. Ind. 65 (1946) 419–421, doi:10.1002/jctb.5000651216",),
    "halsey": ("G. Halsey, J. Chem. Phys. 16 (1948) 931–937, doi:10.1063/1.1746689",),
    "henderson": ("S. M. Henderson, Agric. Eng. 33 (1952) 29–32",),
    "peleg": (
        "M. Peleg, J. Food Process Eng. 16 (1993) 21–37, doi:10.1111/j.1745-4530.1993.tb00160.x",
    ),
    "smith": ("S. E. Smith, J. Am. Chem. Soc. 69 (1947) 646–651, doi:10.1021/ja01195a053",),
    "chen_clayton": ("C. S. Chen, J. T. Clayton, Trans. ASAE 14 (1971) 927–929",),
    "caurie": (
        "M. Caurie, J. Food Technol. 5 (1970) 301–307, doi:10.1111/j.1365-2621.1970.tb01571.x",
    ),
}

_EMPIRICAL = "empirical: trust it over the range of water activity it was fitted to"

#: The registered isotherm models, by name.
MODELS: dict[str, IsothermModel] = {}


def _register(model: IsothermModel) -> None:
    MODELS[model.name] = model


_register(
    IsothermModel(
        name="gab",
        title="GAB",
        equation="m = m0·C·K·aw / [(1 − K·aw)(1 − K·aw + C·K·aw)]",
        parameters=(
            _moisture_parameter(description="monolayer moisture content"),
            _number("C", "C", "Guggenheim constant (monolayer sorption heat)", 0.0, 1e6),
            _number("K", "K", "multilayer factor (K ≤ 1; K = 1 gives BET)", 0.0, 1.0),
        ),
        references=_REF["gab"],
        validity=(0.0, 0.95),
        validity_note="holds up to aw ≈ 0.9–0.95 for most foods",
        forward=_gab,
        inverse=_gab_inverse,
        starting_values=_gab_guess,
        linearisation=_GAB_LIN,
        aliases=("guggenheim_anderson_de_boer", "g.a.b."),
    )
)
_register(
    IsothermModel(
        name="bet",
        title="BET",
        equation="m = m0·C·aw / [(1 − aw)(1 + (C − 1)·aw)]",
        parameters=(
            _moisture_parameter(description="monolayer moisture content"),
            _number("C", "C", "BET constant (monolayer sorption heat)", 0.0, 1e6),
        ),
        references=_REF["bet"],
        validity=(0.0, 0.5),
        validity_note="holds only up to aw ≈ 0.4–0.5; use GAB over the whole range",
        forward=_bet,
        inverse=_bet_inverse,
        starting_values=_bet_guess,
        linearisation=_BET_LIN,
        aliases=("brunauer_emmett_teller", "b.e.t."),
    )
)
_register(
    IsothermModel(
        name="oswin",
        title="Oswin",
        equation="m = a·[aw/(1 − aw)]^b",
        parameters=(
            _moisture_parameter("a", "a", "moisture at aw = 0.5"),
            _number("b", "b", "shape exponent"),
        ),
        references=_REF["oswin"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_oswin,
        inverse=_oswin_inverse,
        starting_values=_from_linearisation(
            "oswin", lambda aw, m: np.array([_nearest(aw, m, 0.5), 0.4])
        ),
        linearisation=_OSWIN_LIN,
    )
)
_register(
    IsothermModel(
        name="halsey",
        title="Halsey",
        equation="aw = exp(−a/m^n), i.e. m = [a/(−ln aw)]^(1/n)",
        parameters=(
            _number("a", "a", "constant (for m in g/g)"),
            _number("n", "n", "exponent"),
        ),
        references=_REF["halsey"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_halsey,
        inverse=_halsey_inverse,
        starting_values=_from_linearisation("halsey", lambda aw, m: np.array([0.01, 1.5])),
        linearisation=_HALSEY_LIN,
        aliases=("hasley",),
    )
)
_register(
    IsothermModel(
        name="henderson",
        title="Henderson",
        equation="1 − aw = exp(−k·m^n), i.e. m = [−ln(1 − aw)/k]^(1/n)",
        parameters=(
            _number("k", "k", "constant (for m in g/g; includes the temperature term)"),
            _number("n", "n", "exponent"),
        ),
        references=_REF["henderson"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_henderson,
        inverse=_henderson_inverse,
        starting_values=_from_linearisation("henderson", lambda aw, m: np.array([20.0, 1.5])),
        linearisation=_HENDERSON_LIN,
    )
)
_register(
    IsothermModel(
        name="peleg",
        title="Peleg",
        equation="m = k1·aw^n1 + k2·aw^n2 (n1 < 1 < n2)",
        parameters=(
            _moisture_parameter("k1", "k₁", "coefficient of the concave term"),
            _number("n1", "n₁", "exponent below 1", 0.0, 1.0),
            _moisture_parameter("k2", "k₂", "coefficient of the convex term"),
            _number("n2", "n₂", "exponent above 1", 1.0, 100.0),
        ),
        references=_REF["peleg"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_peleg,
        inverse=None,
        starting_values=_peleg_guess,
        linearisation=None,
    )
)
_register(
    IsothermModel(
        name="smith",
        title="Smith",
        equation="m = A − B·ln(1 − aw)",
        parameters=(
            _moisture_parameter("A", "A", "moisture bound in the first fraction"),
            _moisture_parameter("B", "B", "moisture of the multilayer fraction"),
        ),
        references=_REF["smith"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_smith,
        inverse=_smith_inverse,
        starting_values=_from_linearisation("smith", lambda aw, m: np.array([1e-3, 0.05])),
        linearisation=_SMITH_LIN,
    )
)
_register(
    IsothermModel(
        name="chen_clayton",
        title="Chen–Clayton",
        equation="aw = exp[−a·exp(−b·m)], i.e. m = [ln a − ln(−ln aw)]/b",
        parameters=(
            _number("a", "a", "constant"),
            _number("b", "b", "constant (per g/g)"),
        ),
        references=_REF["chen_clayton"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL + "; it predicts negative moisture below aw = exp(−a)",
        forward=_chen_clayton,
        inverse=_chen_clayton_inverse,
        starting_values=_from_linearisation("chen_clayton", lambda aw, m: np.array([2.0, 10.0])),
        linearisation=_CHEN_LIN,
        aliases=("chen", "chen_and_clayton"),
    )
)
_register(
    IsothermModel(
        name="caurie",
        title="Caurie",
        equation="m = A·exp(B·aw), i.e. ln m = ln A + B·aw",
        parameters=(
            _moisture_parameter("A", "A", "moisture extrapolated to aw = 0"),
            _number("B", "B", "exponent"),
        ),
        references=_REF["caurie"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_caurie,
        inverse=_caurie_inverse,
        starting_values=_from_linearisation("caurie", lambda aw, m: np.array([0.01, 3.0])),
        linearisation=_CAURIE_LIN,
    )
)


def _key(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "." else "_" for ch in name.strip().lower()).strip(
        "_"
    )


def model_names() -> tuple[str, ...]:
    """Names of the registered models, in registry order."""
    return tuple(MODELS)


def get_model(model: str | IsothermModel) -> IsothermModel:
    """Look a model up by name (case-insensitive; aliases such as ``"Hasley"`` work).

    Parameters
    ----------
    model : str or IsothermModel
        ``"gab"``, ``"BET"``, ``"Oswin"``, ``"Halsey"``/``"Hasley"``, ``"Henderson"``,
        ``"Peleg"``, ``"Smith"``, ``"Chen-Clayton"``, ``"Caurie"``.

    Raises
    ------
    InputError
        ``isotherm_model_unknown``, with a suggestion for a near miss.

    Examples
    --------
    >>> get_model("Hasley").title
    'Halsey'
    """
    if isinstance(model, IsothermModel):
        return model
    key = _key(str(model))
    for m in MODELS.values():
        if key == m.name or key in {_key(a) for a in m.aliases}:
            return m
    import difflib

    names = list(MODELS)
    close = difflib.get_close_matches(key, names, n=1)
    raise InputError(
        "isotherm_model_unknown",
        name=str(model),
        names=", ".join(names),
        suggestion=f" Perhaps you meant '{close[0]}'?" if close else "",
    )


# ============================================================ linear isotherm
@dataclass(frozen=True)
class LinearIsotherm:
    r"""A straight-line isotherm :math:`m = b\,a_w + c` (Labuza's closed form).

    Labuza's moisture-gain shelf life integrates in closed form when the isotherm is
    linear between the initial and the critical moisture:
    :math:`\ln[(m_e - m_i)/(m_e - m_c)] = (k_p/x)(A/W_s)(p_0/b)\,\theta_s`.

    Parameters
    ----------
    slope : float
        :math:`b` [g/g per unit :math:`a_w`, dry basis]; positive.
    intercept : float
        :math:`c` [g/g, dry basis].

    Examples
    --------
    >>> line = LinearIsotherm(0.2, 0.01)
    >>> round(line.moisture_db(0.5), 6), round(line.water_activity_db(0.11), 6)
    (0.11, 0.5)
    """

    slope: float
    intercept: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.slope) and self.slope > 0 and math.isfinite(self.intercept)):
            raise InputError(
                "isotherm_linear_invalid", slope=float(self.slope), intercept=float(self.intercept)
            )

    @classmethod
    def through(cls, aw1: float, m1: float, aw2: float, m2: float) -> LinearIsotherm:
        """The secant through two points :math:`(a_{w1}, m_1)` and :math:`(a_{w2}, m_2)`.

        Parameters
        ----------
        aw1, aw2 : float
            Water activities [–].
        m1, m2 : float
            Moistures [g/g, dry basis].
        """
        if not aw2 > aw1 or not m2 > m1:
            raise InputError(
                "isotherm_secant_invalid",
                aw_low=float(aw1),
                aw_high=float(aw2),
                m_low=float(m1),
                m_high=float(m2),
            )
        slope = (m2 - m1) / (aw2 - aw1)
        return cls(float(slope), float(m1 - slope * aw1))

    def moisture_db(self, aw: Any) -> Any:
        """Moisture at water activity ``aw`` [g/g, dry basis] (floats in, floats out)."""
        out = self.slope * np.asarray(aw, dtype=float) + self.intercept
        return float(out) if np.ndim(out) == 0 else out

    def water_activity_db(self, m: Any) -> Any:
        """Water activity at dry-basis moisture ``m`` [g/g] (floats in, floats out)."""
        out = (np.asarray(m, dtype=float) - self.intercept) / self.slope
        return float(out) if np.ndim(out) == 0 else out

    def moisture(self, aw: Any) -> Any:
        """Moisture at ``aw``: floats for float input, a g/g Quantity otherwise."""
        from .activity import water_activity_fraction
        from .basis import moisture_quantity

        if _is_plain(aw):
            return self.moisture_db(aw)
        return moisture_quantity(self.moisture_db(water_activity_fraction(aw)))

    def water_activity(self, m: Any, *, basis: str | None = None) -> Any:
        """Water activity at moisture ``m`` (a Quantity needs ``basis``; floats are g/g db)."""
        from .basis import _to_dry

        if _is_plain(m) and basis is None:
            return self.water_activity_db(m)
        m_db, _, _ = _to_dry(m, basis)
        out = self.water_activity_db(m_db)
        return out if _is_plain(m) else _dimensionless(out)

    def to_dict(self) -> dict[str, Any]:
        """``{"slope": {"value", "unit"}, "intercept": {"value", "unit"}, "basis": "dry"}``."""
        return {
            "slope": {"value": self.slope, "unit": "g/g"},
            "intercept": {"value": self.intercept, "unit": "g/g"},
            "basis": "dry",
        }

    def __str__(self) -> str:
        return f"m = {self.slope:.5g}·aw {'+' if self.intercept >= 0 else '−'} {abs(self.intercept):.5g} [g/g db]"


def _is_plain(value: Any) -> bool:
    """True for floats, ints and numeric arrays (not strings, not Quantities)."""
    if hasattr(value, "units") or isinstance(value, str):
        return False
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, (int, float, np.floating, np.integer)) for v in value)
    return isinstance(value, (int, float, np.floating, np.integer, np.ndarray))


def _dimensionless(value: Any):
    from ..units import get_registry

    return get_registry().Quantity(value, "")
