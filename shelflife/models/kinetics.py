r"""Reaction-order models of a quality attribute at one temperature.

Each model is a :class:`ReactionOrder` *declaration*: its parameters, the response
:math:`A(t)` for a rate constant :math:`k`, the gradient, the closed-form time to reach a
limit, and the linearisation used by the classic two-step method. The fitting engine, the
intervals, the JSON and the report work from the declaration alone, so a new order is one
declaration added to :data:`ORDERS`.

The direction of change is a sign :math:`s` (+1 rising, -1 falling) fixed from the data
before the fit, so that the rate constant :math:`k > 0`. Parameters are passed in *fitting
space* (``p[0]`` is always the initial value :math:`A_0`).

===========  ===============================================  ==================================
order        response                                          time to reach :math:`A_c`
===========  ===============================================  ==================================
zero         :math:`A = A_0 + s k t`                           :math:`(A_c - A_0)/(s k)`
first        :math:`A = A_0 e^{s k t}`                         :math:`\ln(A_c/A_0)/(s k)`
second       :math:`1/A = 1/A_0 - s k t`                       :math:`(1/A_0 - 1/A_c)/(s k)`
nth          :math:`A = A_0 [1 + (1-n) s k t]^{1/(1-n)}`       :math:`[(A_c/A_0)^{1-n} - 1]/((1-n) s k)`
weibull      :math:`A = A_0 \exp[s (k t)^\beta]`               :math:`[s \ln(A_c/A_0)]^{1/\beta}/k`
equilibrium  :math:`A = A_\infty + (A_0 - A_\infty) e^{-k t}`   :math:`\ln[(A_0-A_\infty)/(A_c-A_\infty)]/k`
===========  ===============================================  ==================================

The nth-order model uses the *relative* rate of the Šesták–Berggren form
:math:`d\alpha/dt = k (1-\alpha)^n`, :math:`A = A_0 (1-\alpha)` (as AccelStab), so that
:math:`k` is in 1/day for every :math:`n` and :math:`n \to 1` recovers first order. Zero
and second order use the absolute rates labs report (attribute unit per day, and
1/(attribute unit · day)).

References
----------
.. [1] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009, ch. 4 and 9.
.. [2] T. P. Labuza, "Application of chemical kinetics to deterioration of foods,"
   *J. Chem. Educ.*, vol. 61, no. 4, pp. 348-358, 1984. doi:10.1021/ed061p348
.. [3] J. Šesták and G. Berggren, "Study of the kinetics of the mechanism of solid-state
   reactions at increasing temperatures," *Thermochim. Acta*, vol. 3, pp. 1-12, 1971.
.. [4] M. A. J. S. van Boekel, "On the use of the Weibull model to describe thermal
   inactivation of microbial vegetative cells," *Int. J. Food Microbiol.*, vol. 74,
   pp. 139-159, 2002.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .parameters import ATTRIBUTE_UNIT, Parameter

__all__ = [
    "ReactionOrder",
    "ORDERS",
    "ZERO",
    "FIRST",
    "SECOND",
    "NTH",
    "WEIBULL",
    "EQUILIBRIUM",
    "get_order",
]

Array = np.ndarray
INITIAL = Parameter("initial_value", "A0", ATTRIBUTE_UNIT)


@dataclass(frozen=True)
class ReactionOrder:
    """Declaration of a reaction-order model.

    Attributes
    ----------
    name, title, equation : str
        Identifier (``study.toml``, JSON), human-readable name, integrated rate law.
    parameters : tuple of Parameter
        Order parameters in fitting space; the first is always the initial value.
    rate_unit : Callable[[str], str]
        Unit of the rate constant given the attribute's unit.
    needs_positive : bool
        Whether the model needs strictly positive values.
    response : Callable
        ``response(t, k, p, s) -> A`` [attribute unit].
    gradient : Callable
        ``gradient(t, k, p, s) -> (dA/dp of shape (..., len(p)), dA/dk)``.
    time_to_limit : Callable
        ``time_to_limit(limit, k, p, s) -> t`` [day]; negative or infinite when the limit
        lies behind or is never reached.
    linearize : Callable
        ``linearize(y, p, s) -> z`` with :math:`z` linear in time of slope :math:`s k`
        (two-step method, starting values).
    initial_from_intercept : Callable
        ``(b, p, s) -> A0`` from the intercept of the linearised line.
    start : Callable
        ``start(t, y, s) -> p`` starting values of the order parameters (``p[0]`` is
        replaced by the two-step estimate).
    uses_sign : bool
        False when the direction is carried by the parameters (equilibrium).
    """

    name: str
    title: str
    equation: str
    parameters: tuple[Parameter, ...]
    rate_unit: Callable[[str], str]
    needs_positive: bool
    response: Callable
    gradient: Callable
    time_to_limit: Callable
    linearize: Callable
    initial_from_intercept: Callable
    start: Callable
    uses_sign: bool = True

    @property
    def n_parameters(self) -> int:
        """Number of order parameters."""
        return len(self.parameters)


def _per_unit_day(unit: str) -> str:
    return f"{unit}/day" if unit and unit != "dimensionless" else "1/day"


def _first_start(t, y, s):
    return np.array([float(np.mean(y[t == t.min()]))])


def _col(*arrays):
    if len(arrays) == 1:  # the common case: one order parameter; much cheaper than stack
        return np.asarray(arrays[0], dtype=float)[..., None]
    return np.stack(np.broadcast_arrays(*arrays), axis=-1)


# ----------------------------------------------------------------------------- zero
def _zero_response(t, k, p, s):
    return p[0] + s * k * t


def _zero_gradient(t, k, p, s):
    t, k = np.broadcast_arrays(t, k)
    return _col(np.ones_like(t)), s * t


def _zero_time(limit, k, p, s):
    with np.errstate(divide="ignore", invalid="ignore"):
        return (limit - p[0]) / (s * k)


ZERO = ReactionOrder(
    name="zero",
    title="zero order",
    equation="A(t) = A0 ± k·t",
    parameters=(INITIAL,),
    rate_unit=_per_unit_day,
    needs_positive=False,
    response=_zero_response,
    gradient=_zero_gradient,
    time_to_limit=_zero_time,
    linearize=lambda y, p, s: y,
    initial_from_intercept=lambda b, p, s: b,
    start=_first_start,
)


# ---------------------------------------------------------------------------- first
def _first_response(t, k, p, s):
    return p[0] * np.exp(s * k * t)


def _first_gradient(t, k, p, s):
    e = np.exp(s * k * t)
    return _col(e), p[0] * s * t * e


def _first_time(limit, k, p, s):
    a0 = np.asarray(p[0], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((a0 > 0) & (limit > 0), np.log(limit / a0) / (s * k), np.nan)


FIRST = ReactionOrder(
    name="first",
    title="first order",
    equation="A(t) = A0·exp(±k·t)",
    parameters=(INITIAL,),
    rate_unit=lambda unit: "1/day",
    needs_positive=True,
    response=_first_response,
    gradient=_first_gradient,
    time_to_limit=_first_time,
    linearize=lambda y, p, s: np.log(y),
    initial_from_intercept=lambda b, p, s: float(np.exp(b)),
    start=_first_start,
)


# --------------------------------------------------------------------------- second
def _second_response(t, k, p, s):
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return 1.0 / (1.0 / p[0] - s * k * t)


def _second_gradient(t, k, p, s):
    a = _second_response(t, k, p, s)
    return _col(a**2 / p[0] ** 2), a**2 * s * t


def _second_time(limit, k, p, s):
    a0 = np.asarray(p[0], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((a0 > 0) & (limit > 0), (1.0 / a0 - 1.0 / limit) / (s * k), np.nan)


SECOND = ReactionOrder(
    name="second",
    title="second order",
    equation="1/A(t) = 1/A0 ∓ k·t",
    parameters=(INITIAL,),
    rate_unit=lambda unit: f"1/({unit}·day)" if unit and unit != "dimensionless" else "1/day",
    needs_positive=True,
    response=_second_response,
    gradient=_second_gradient,
    time_to_limit=_second_time,
    linearize=lambda y, p, s: -1.0 / y,
    initial_from_intercept=lambda b, p, s: float(-1.0 / b) if b < 0 else float("nan"),
    start=_first_start,
)


# ------------------------------------------------------------------------------ nth
_NEAR_ONE = 1e-7


def _nth_base(t, k, p, s):
    m = 1.0 - p[1]
    return m, 1.0 + m * s * k * t


def _nth_response(t, k, p, s):
    m, F = _nth_base(t, k, p, s)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if abs(m) < _NEAR_ONE:
            return p[0] * np.exp(s * k * t)
        return p[0] * np.power(np.clip(F, 0.0, None), 1.0 / m)


def _nth_gradient(t, k, p, s):
    m, F = _nth_base(t, k, p, s)
    a = _nth_response(t, k, p, s)
    x = s * k * t
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if abs(m) < _NEAR_ONE:
            d_n = a * x**2 / 2.0  # limit of the expression below as n -> 1
            d_k = a * s * t
        else:
            Fc = np.clip(F, 1e-300, None)
            d_k = a * s * t / Fc
            # d/dn of ln(A/A0) = ln F / m with m = 1 - n: ln F / m^2 - x / (m F)
            d_n = a * (np.log(Fc) / m**2 - x / (m * Fc))
    d_k = np.where(F > 0, d_k, 0.0)
    d_n = np.where(F > 0, d_n, 0.0)
    return _col(a / p[0], d_n), d_k


def _nth_time(limit, k, p, s):
    a0 = np.asarray(p[0], dtype=float)
    m = 1.0 - np.asarray(p[1], dtype=float)
    near_one = np.abs(m) < _NEAR_ONE
    m_safe = np.where(near_one, 1.0, m)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = limit / a0
        t = np.where(near_one, np.log(ratio) / (s * k), (ratio**m_safe - 1.0) / (m_safe * s * k))
        return np.where((a0 > 0) & (limit > 0), t, np.nan)


def _nth_linearize(y, p, s):
    m = 1.0 - p[1]
    if abs(m) < _NEAR_ONE:
        return np.log(y / p[0])
    return ((y / p[0]) ** m - 1.0) / m


NTH = ReactionOrder(
    name="nth",
    title="nth order",
    equation="A(t) = A0·[1 + (1−n)·(±k)·t]^(1/(1−n))",
    parameters=(INITIAL, Parameter("order", "n", "", lower=0.0, upper=50.0)),
    rate_unit=lambda unit: "1/day",
    needs_positive=True,
    response=_nth_response,
    gradient=_nth_gradient,
    time_to_limit=_nth_time,
    linearize=_nth_linearize,
    initial_from_intercept=lambda b, p, s: float(p[0]),
    start=lambda t, y, s: np.array([float(np.mean(y[t == t.min()])), 1.0]),
)


# -------------------------------------------------------------------------- weibull
def _weibull_response(t, k, p, s):
    beta = np.exp(p[1])
    with np.errstate(over="ignore"):
        return p[0] * np.exp(s * np.power(k * t, beta))


def _weibull_gradient(t, k, p, s):
    beta = np.exp(p[1])
    a = _weibull_response(t, k, p, s)
    kt = np.asarray(k * t, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        pw = np.power(kt, beta)
        log_kt = np.where(kt > 0, np.log(np.where(kt > 0, kt, 1.0)), 0.0)
        d_lnbeta = a * s * pw * log_kt * beta  # d/d(ln beta) = beta d/d beta
        d_k = np.where(kt > 0, a * s * beta * pw / np.where(k > 0, k, 1.0), 0.0)
    return _col(a / p[0], d_lnbeta), d_k


def _weibull_time(limit, k, p, s):
    a0 = np.asarray(p[0], dtype=float)
    beta = np.exp(p[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        x = s * np.log(limit / a0)
        # x < 0: the limit lies behind, crossed "before" t = 0
        t = np.where(x < 0, -1.0, np.abs(x) ** (1.0 / beta) / k)
        return np.where((a0 > 0) & (limit > 0), t, np.nan)


WEIBULL = ReactionOrder(
    name="weibull",
    title="Weibull",
    equation="A(t) = A0·exp[±(k·t)^β]",
    parameters=(
        INITIAL,
        Parameter("shape", "β", "", log=True, lower=np.log(0.05), upper=np.log(20)),
    ),
    rate_unit=lambda unit: "1/day",
    needs_positive=True,
    response=_weibull_response,
    gradient=_weibull_gradient,
    time_to_limit=_weibull_time,
    linearize=lambda y, p, s: np.log(y),
    initial_from_intercept=lambda b, p, s: float(np.exp(b)),
    start=lambda t, y, s: np.array([float(np.mean(y[t == t.min()])), 0.0]),
)


# ---------------------------------------------------------------------- equilibrium
def _eq_response(t, k, p, s):
    return p[1] + (p[0] - p[1]) * np.exp(-k * t)


def _eq_gradient(t, k, p, s):
    e = np.exp(-k * t)
    return _col(e, 1.0 - e), -(p[0] - p[1]) * t * e


def _eq_time(limit, k, p, s):
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.asarray((p[0] - p[1]) / (limit - p[1]), dtype=float)
        # ratio <= 0: the plateau is short of the limit (never); < 1: the limit is behind
        t = np.where(ratio < 1, -1.0, np.log(np.where(ratio > 0, ratio, 1.0)) / k)
        return np.where(ratio > 0, t, np.inf)


def _eq_linearize(y, p, s):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -s * np.log(np.abs(y - p[1]))


def _eq_initial(b, p, s):
    return float(p[1] - s * np.exp(-s * b))


def _eq_start(t, y, s):
    a0 = float(np.mean(y[t == t.min()]))
    span = float(np.ptp(y)) or abs(a0) or 1.0
    extreme = float(np.max(y)) if s > 0 else float(np.min(y))
    return np.array([a0, extreme + s * 0.25 * span])


EQUILIBRIUM = ReactionOrder(
    name="equilibrium",
    title="first-order approach to equilibrium",
    equation="A(t) = A∞ + (A0 − A∞)·exp(−k·t)",
    parameters=(INITIAL, Parameter("final_value", "A∞", ATTRIBUTE_UNIT)),
    rate_unit=lambda unit: "1/day",
    needs_positive=False,
    response=_eq_response,
    gradient=_eq_gradient,
    time_to_limit=_eq_time,
    linearize=_eq_linearize,
    initial_from_intercept=_eq_initial,
    start=_eq_start,
    uses_sign=False,
)

#: Registry of reaction orders by name.
ORDERS: dict[str, ReactionOrder] = {
    o.name: o for o in (ZERO, FIRST, SECOND, NTH, WEIBULL, EQUILIBRIUM)
}


def get_order(name: str) -> ReactionOrder:
    """Return the reaction order called ``name`` (see :data:`ORDERS`)."""
    try:
        return ORDERS[name]
    except KeyError:
        from ..errors import InputError

        raise InputError(
            "option_unknown", what="reaction order", value=name, choices=", ".join(ORDERS)
        ) from None
