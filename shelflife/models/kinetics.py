r"""Reaction-order models of a quality attribute at one temperature.

Each model is a :class:`ReactionOrder` *declaration*: its parameters, the response
:math:`A(t)` for a rate constant :math:`k`, the gradient, the closed-form time to reach a
limit, and the linearisation used by the classic two-step method. The fitting engine, the
intervals, the JSON and the report work from the declaration alone, so a new order is one
declaration added to :data:`ORDERS`.

The direction of change is a sign :math:`s` (+1 rising, -1 falling) fixed from the data
before the fit, so that the rate constant :math:`k` is always positive:

=====  =========================================  =========================================
order  response                                   time to reach the limit :math:`A_c`
=====  =========================================  =========================================
zero   :math:`A = A_0 + s\,k\,t`                   :math:`t = (A_c - A_0)/(s\,k)`
first  :math:`A = A_0\,\exp(s\,k\,t)`              :math:`t = \ln(A_c/A_0)/(s\,k)`
=====  =========================================  =========================================

References
----------
.. [1] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009, ch. 4.
.. [2] T. P. Labuza, "Application of chemical kinetics to deterioration of foods,"
   *J. Chem. Educ.*, vol. 61, no. 4, pp. 348-358, 1984. doi:10.1021/ed061p348
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["ReactionOrder", "ORDERS", "ZERO", "FIRST", "get_order"]

Array = np.ndarray


@dataclass(frozen=True)
class ReactionOrder:
    """Declaration of a reaction-order model.

    Attributes
    ----------
    name : str
        Identifier used in ``study.toml``, JSON and the API (``"zero"``, ``"first"``).
    title : str
        Human-readable name.
    equation : str
        The integrated rate law, as plain text for reports.
    rate_unit : Callable[[str], str]
        Unit of the rate constant given the attribute's unit (``%/day`` or ``1/day``).
    needs_positive : bool
        Whether the model needs strictly positive values (it takes logarithms).
    response : Callable
        ``response(t, k, a0, s) -> A`` on float arrays [attribute unit].
    gradient : Callable
        ``gradient(t, k, a0, s) -> (dA/da0, dA/dk)``.
    time_to_limit : Callable
        ``time_to_limit(limit, k, a0, s) -> t`` [day]; may be negative or infinite when
        the limit lies behind or is never reached.
    linearize : Callable
        Transform making the response linear in time (two-step method).
    initial_from_intercept : Callable
        Inverse of ``linearize`` applied to an intercept.
    """

    name: str
    title: str
    equation: str
    rate_unit: Callable[[str], str]
    needs_positive: bool
    response: Callable[[Array, Array, float, float], Array]
    gradient: Callable[[Array, Array, float, float], tuple[Array, Array]]
    time_to_limit: Callable[[float, Array, float, float], Array]
    linearize: Callable[[Array], Array]
    initial_from_intercept: Callable[[float], float]


def _zero_response(t, k, a0, s):
    return a0 + s * k * t


def _zero_gradient(t, k, a0, s):
    return np.ones_like(t * k), s * t * np.ones_like(k)


def _zero_time(limit, k, a0, s):
    with np.errstate(divide="ignore", invalid="ignore"):
        return (limit - a0) / (s * k)


def _first_response(t, k, a0, s):
    return a0 * np.exp(s * k * t)


def _first_gradient(t, k, a0, s):
    e = np.exp(s * k * t)
    return e, a0 * s * t * e


def _first_time(limit, k, a0, s):
    with np.errstate(divide="ignore", invalid="ignore"):
        if a0 <= 0 or limit <= 0:
            return np.full(np.shape(k), np.nan)
        return np.log(limit / a0) / (s * k)


def _rate_unit_zero(unit: str) -> str:
    return f"{unit}/day" if unit and unit != "dimensionless" else "1/day"


ZERO = ReactionOrder(
    name="zero",
    title="zero order",
    equation="A(t) = A0 ± k·t",
    rate_unit=_rate_unit_zero,
    needs_positive=False,
    response=_zero_response,
    gradient=_zero_gradient,
    time_to_limit=_zero_time,
    linearize=lambda y: y,
    initial_from_intercept=lambda b: b,
)

FIRST = ReactionOrder(
    name="first",
    title="first order",
    equation="A(t) = A0·exp(±k·t)",
    rate_unit=lambda unit: "1/day",
    needs_positive=True,
    response=_first_response,
    gradient=_first_gradient,
    time_to_limit=_first_time,
    linearize=np.log,
    initial_from_intercept=lambda b: float(np.exp(b)),
)

#: Registry of reaction orders by name.
ORDERS: dict[str, ReactionOrder] = {o.name: o for o in (ZERO, FIRST)}


def get_order(name: str) -> ReactionOrder:
    """Return the reaction order called ``name`` (``"zero"`` or ``"first"``)."""
    try:
        return ORDERS[name]
    except KeyError:
        from ..errors import InputError

        raise InputError(
            "option_unknown", what="reaction order", value=name, choices=", ".join(ORDERS)
        ) from None
