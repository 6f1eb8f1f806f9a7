r"""Primary growth models: log10 count against time at one constant temperature.

Every model is a vectorised function of time :math:`t` [day] and named parameters:

================  =====================  ==========================================
parameter         unit                   meaning
================  =====================  ==========================================
``y0``            log10 CFU/g            initial count :math:`y_0 = \log_{10} N_0`
``mu``            1/day (per ln unit)    maximum specific growth rate
                                         :math:`\mu_{max} = d\ln N/dt`
``lag``           day                    lag time :math:`\lambda`
``ymax``          log10 CFU/g            maximum population density
================  =====================  ==========================================

**Log base of** :math:`\mu_{max}` (the "units dilemma" [6]_). :math:`\mu_{max}` is
always stored per *natural-log* unit, as in Baranyi & Roberts [1]_ and ComBase; the slope
of the log10 curve in the exponential phase is :math:`\mu_{max}/\ln 10` [log10/day]
(``logbase`` notes in results say so). DMFit and biogrowth report the log10 slope by
default; multiply it by :math:`\ln 10 = 2.302585` to compare.

Models
------
``baranyi`` (Baranyi & Roberts 1994 [1]_, the algebraic solution of their ODE with
:math:`m = 1`, :math:`h_0 = \mu_{max}\lambda`), on the ln scale :math:`Y = y \ln 10`:

.. math::

    \mu A(t) &= \ln\!\left(1 - e^{-h_0} + e^{\mu_{max} t - h_0}\right) \\
    Y(t) &= Y_0 + \mu A(t) - \ln\!\left(1 + \frac{e^{\mu A(t)} - 1}{e^{Y_{max} - Y_0}}\right)

``baranyi_no_lag`` (:math:`\lambda = 0`), ``baranyi_no_stationary``
(:math:`Y_{max} \to \infty`: :math:`Y = Y_0 + \mu A`).

``gompertz``: modified Gompertz, Zwietering et al. (1990) [2]_ reparameterisation, with
:math:`A = y_{max} - y_0` and :math:`\mu_{10} = \mu_{max}/\ln 10`:

.. math:: y(t) = y_0 + A \exp\left\{-\exp\left[\frac{\mu_{10} e}{A}(\lambda - t) + 1\right]\right\}

``logistic`` (Zwietering et al. 1990 [2]_):

.. math:: y(t) = y_0 + \frac{A}{1 + \exp\left[\frac{4 \mu_{10}}{A}(\lambda - t) + 2\right]}

(both give :math:`y(0)` slightly above :math:`y_0`; :math:`\lambda` and :math:`\mu` are
defined by the tangent at the inflection point).

``huang`` (Huang 2008, 2013 [3]_ [4]_), ln scale, :math:`\alpha = 4`:

.. math::

    B(t) &= t + \frac{1}{\alpha}\ln\frac{1 + e^{-\alpha(t - \lambda)}}{1 + e^{\alpha\lambda}} \\
    Y(t) &= Y_0 + Y_{max} - \ln\left[e^{Y_0} + \left(e^{Y_{max}} - e^{Y_0}\right)
            e^{-\mu_{max} B(t)}\right]

``richards``: :math:`y = b_1 / (1 + e^{b_2 - b_3 x})^{1/b_4}`, the form of the NIST StRD
*Rat43* problem [5]_, used to verify the least-squares engine.

Each growth model also has a closed-form inverse, the time to reach a log10 level
(:func:`time_to_level`).

References
----------
.. [1] J. Baranyi and T. A. Roberts, "A dynamic approach to predicting bacterial growth in
   food," *Int. J. Food Microbiol.*, vol. 23, pp. 277-294, 1994.
   doi:10.1016/0168-1605(94)90157-0
.. [2] M. H. Zwietering, I. Jongenburger, F. M. Rombouts and K. van 't Riet, "Modeling of
   the bacterial growth curve," *Appl. Environ. Microbiol.*, vol. 56, no. 6,
   pp. 1875-1881, 1990. doi:10.1128/aem.56.6.1875-1881.1990
.. [3] L. Huang, "Growth kinetics of *Listeria monocytogenes* in broth and beef frankfurters
   - determination of lag phase duration and exponential growth rate under isothermal
   conditions," *J. Food Sci.*, vol. 73, no. 5, pp. E235-E242, 2008.
.. [4] L. Huang, "Optimization of a new mathematical model for bacterial growth," *Food
   Control*, vol. 32, pp. 283-288, 2013. doi:10.1016/j.foodcont.2012.11.019
.. [5] NIST Statistical Reference Datasets, nonlinear regression, Rat43 (Ratkowsky 1983).
   https://www.itl.nist.gov/div898/strd/nls/data/ratkowsky3.shtml
.. [6] A. Garre, "The units dilemma," vignette of the R package *biogrowth*.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputError
from .counts import LN10

__all__ = [
    "PrimaryModel",
    "PRIMARY_MODELS",
    "get_primary",
    "baranyi",
    "gompertz",
    "logistic",
    "huang",
    "richards",
    "richards_jacobian",
    "time_to_level",
    "HUANG_ALPHA",
]

#: Transition coefficient :math:`\alpha` of the Huang model (fixed at 4 by Huang 2008).
HUANG_ALPHA = 4.0
_E = float(np.e)


def _log1mexp(x: Any) -> Any:
    """``log(1 - exp(-x))`` for ``x >= 0`` (``-inf`` at 0)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where(x > 0.693, np.log1p(-np.exp(-x)), np.log(-np.expm1(-x)))


def baranyi(t: Any, y0: float, mu: float, lag: float = 0.0, ymax: float = np.inf) -> np.ndarray:
    """Baranyi & Roberts (1994) model, algebraic solution [log10 CFU/g].

    Parameters
    ----------
    t : array-like
        Time [day].
    y0 : float
        Initial count [log10 CFU/g].
    mu : float
        Maximum specific growth rate per ln unit [1/day].
    lag : float
        Lag time [day]; ``h0 = mu * lag``. 0 gives the model without lag.
    ymax : float
        Maximum population density [log10 CFU/g]; ``inf`` gives the model without
        stationary phase.
    """
    t = np.asarray(t, dtype=float)
    h0 = mu * lag
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        muA = np.logaddexp(_log1mexp(h0), mu * t - h0) if h0 > 0 else mu * t
        if np.isfinite(ymax):
            D = (ymax - y0) * LN10
            Y = y0 * LN10 + muA - np.logaddexp(_log1mexp(D), muA - D)
        else:
            Y = y0 * LN10 + muA
    return Y / LN10


def gompertz(t: Any, y0: float, mu: float, lag: float, ymax: float) -> np.ndarray:
    """Modified Gompertz model (Zwietering et al. 1990) [log10 CFU/g].

    ``mu`` is per ln unit [1/day]; the slope at the inflection point of the log10 curve is
    ``mu / ln 10``.
    """
    t = np.asarray(t, dtype=float)
    A = ymax - y0
    m10 = mu / LN10
    return y0 + A * np.exp(-np.exp(m10 * _E / A * (lag - t) + 1.0))


def logistic(t: Any, y0: float, mu: float, lag: float, ymax: float) -> np.ndarray:
    """Logistic model (Zwietering et al. 1990) [log10 CFU/g]; ``mu`` per ln unit [1/day]."""
    t = np.asarray(t, dtype=float)
    A = ymax - y0
    m10 = mu / LN10
    with np.errstate(over="ignore"):
        return y0 + A / (1.0 + np.exp(4.0 * m10 / A * (lag - t) + 2.0))


def _huang_B(t: np.ndarray, lag: float, alpha: float = HUANG_ALPHA) -> np.ndarray:
    return t + (np.logaddexp(0.0, -alpha * (t - lag)) - np.logaddexp(0.0, alpha * lag)) / alpha


def huang(t: Any, y0: float, mu: float, lag: float, ymax: float = np.inf) -> np.ndarray:
    r"""Huang (2008, 2013) model with :math:`\alpha = 4` [log10 CFU/g]; ``mu`` per ln [1/day]."""
    t = np.asarray(t, dtype=float)
    muB = mu * _huang_B(t, lag)
    if not np.isfinite(ymax):
        return y0 + muB / LN10
    D = (ymax - y0) * LN10
    with np.errstate(over="ignore"):
        Y = ymax * LN10 - np.logaddexp(0.0, np.log(np.expm1(D)) - muB)
    return Y / LN10


def richards(x: Any, b1: float, b2: float, b3: float, b4: float) -> np.ndarray:
    """Richards curve in the NIST Rat43 form ``b1 / (1 + exp(b2 - b3 x))**(1/b4)``."""
    x = np.asarray(x, dtype=float)
    return b1 / (1.0 + np.exp(b2 - b3 * x)) ** (1.0 / b4)


def richards_jacobian(x: Any, b1: float, b2: float, b3: float, b4: float) -> np.ndarray:
    """Analytic Jacobian of :func:`richards` with respect to ``(b1, b2, b3, b4)``."""
    x = np.asarray(x, dtype=float)
    E = np.exp(b2 - b3 * x)
    U = 1.0 + E
    base = U ** (-1.0 / b4)
    d2 = -b1 / b4 * base / U * E
    return np.column_stack([base, d2, -x * d2, b1 * base * np.log(U) / b4**2])


# ------------------------------------------------------------------ time to a level
def _baranyi_time(level: float, y0: float, mu: float, lag: float, ymax: float) -> float:
    """Closed-form inverse of :func:`baranyi` [day]."""
    delta = (level - y0) * LN10
    if delta <= 0:
        return 0.0
    if mu <= 0:
        return float("inf")
    if np.isfinite(ymax):
        D = (ymax - y0) * LN10
        if delta >= D:
            return float("inf")
        # e^{muA} = e^delta (e^D - 1) / (e^D - e^delta)
        ln_u = delta + np.log(np.expm1(D)) - D - np.log(-np.expm1(delta - D))
    else:
        ln_u = delta
    h0 = mu * lag
    # e^{mu t} = 1 + e^{h0} (u - 1)
    return float(np.logaddexp(0.0, h0 + np.log(np.expm1(ln_u))) / mu)


def _gompertz_time(level: float, y0: float, mu: float, lag: float, ymax: float) -> float:
    A = ymax - y0
    f = (level - y0) / A
    if f >= 1:
        return float("inf")
    if f <= 0 or mu <= 0:
        return 0.0 if f <= 0 else float("inf")
    t = lag - (np.log(-np.log(f)) - 1.0) * A / (mu / LN10 * _E)
    return float(max(t, 0.0))


def _logistic_time(level: float, y0: float, mu: float, lag: float, ymax: float) -> float:
    A = ymax - y0
    f = (level - y0) / A
    if f >= 1:
        return float("inf")
    if f <= 0 or mu <= 0:
        return 0.0 if f <= 0 else float("inf")
    t = lag - (np.log(1.0 / f - 1.0) - 2.0) * A / (4.0 * mu / LN10)
    return float(max(t, 0.0))


def _huang_time(level: float, y0: float, mu: float, lag: float, ymax: float) -> float:
    if level <= y0:
        return 0.0
    if mu <= 0:
        return float("inf")
    if np.isfinite(ymax):
        if level >= ymax:
            return float("inf")
        D = (ymax - y0) * LN10
        muB = np.log(np.expm1(D)) - np.log(np.expm1((ymax - level) * LN10))
    else:
        muB = (level - y0) * LN10
    a = HUANG_ALPHA
    c = np.logaddexp(0.0, a * lag) / a
    B = muB / mu
    # e^{a t} = e^{a (B + c)} - e^{a lag}
    x, z = a * (B + c), a * lag
    return float((x + np.log(-np.expm1(z - x))) / a)


@dataclass(frozen=True)
class PrimaryModel:
    """A declared primary growth model.

    Attributes
    ----------
    name : str
        Key in :data:`PRIMARY_MODELS`.
    parameters : tuple of str
        Free parameters in fitting order (subset of ``y0, mu, lag, ymax``).
    function : callable
        ``function(t, **params) -> log10 counts``.
    inverse : callable
        ``inverse(level, y0, mu, lag, ymax) -> time [day]``.
    reference : str
        Short citation.
    """

    name: str
    parameters: tuple[str, ...]
    function: Callable[..., np.ndarray]
    inverse: Callable[..., float]
    reference: str

    def full(self, params: dict[str, float]) -> dict[str, float]:
        """All four parameters, with the model's implicit ones (lag 0, ymax inf) filled in."""
        out = {"lag": 0.0, "ymax": float("inf")}
        out.update(params)
        return out

    def __call__(self, t: Any, **params: float) -> np.ndarray:
        """Log10 count at times ``t`` [day] for ``params`` [log10 CFU/g, 1/day, day]."""
        p = self.full(params)
        return self.function(t, p["y0"], p["mu"], p["lag"], p["ymax"])

    def time_to(self, level: float, **params: float) -> float:
        """Time to reach ``level`` [log10 CFU/g] [day] (``inf`` if never)."""
        p = self.full(params)
        return self.inverse(level, p["y0"], p["mu"], p["lag"], p["ymax"])


_BR = "Baranyi & Roberts (1994), Int J Food Microbiol 23:277-294"
_ZW = "Zwietering et al. (1990), Appl Environ Microbiol 56:1875-1881"
_HU = "Huang (2008) J Food Sci 73:E235; Huang (2013) Food Control 32:283"

#: The declared primary models, by name.
PRIMARY_MODELS: dict[str, PrimaryModel] = {
    "baranyi": PrimaryModel("baranyi", ("y0", "mu", "lag", "ymax"), baranyi, _baranyi_time, _BR),
    "baranyi_no_lag": PrimaryModel(
        "baranyi_no_lag", ("y0", "mu", "ymax"), baranyi, _baranyi_time, _BR
    ),
    "baranyi_no_stationary": PrimaryModel(
        "baranyi_no_stationary", ("y0", "mu", "lag"), baranyi, _baranyi_time, _BR
    ),
    "gompertz": PrimaryModel(
        "gompertz", ("y0", "mu", "lag", "ymax"), gompertz, _gompertz_time, _ZW
    ),
    "logistic": PrimaryModel(
        "logistic", ("y0", "mu", "lag", "ymax"), logistic, _logistic_time, _ZW
    ),
    "huang": PrimaryModel("huang", ("y0", "mu", "lag", "ymax"), huang, _huang_time, _HU),
}


def get_primary(name: str | PrimaryModel) -> PrimaryModel:
    """Look a primary model up by name (``InputError`` ``microbial_model_unknown``)."""
    if isinstance(name, PrimaryModel):
        return name
    try:
        return PRIMARY_MODELS[str(name).lower()]
    except KeyError:
        raise InputError(
            "microbial_model_unknown",
            name=name,
            kind="primary",
            choices=", ".join(PRIMARY_MODELS),
        ) from None


def time_to_level(model: str | PrimaryModel, level: float, **params: float) -> float:
    """Time for a primary model to reach ``level`` [log10 CFU/g], closed form [day].

    Examples
    --------
    >>> round(time_to_level("baranyi", 5.0, y0=2.0, mu=1.0, lag=2.0, ymax=9.0), 4)
    8.907
    """
    return get_primary(model).time_to(level, **params)
