"""Parameter declarations shared by reaction orders and temperature dependences.

A :class:`Parameter` says how a model parameter is named and reported, its unit, whether it
is fitted on the log scale (strictly positive quantities: rate constants, Weibull shape,
Q10) and its bounds in fitting space. The fitting engine, intervals, JSON and report read
these declarations; models never special-case each other's parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Parameter", "ATTRIBUTE_UNIT", "RATE_UNIT"]

#: Placeholder unit: the unit of the attribute (e.g. ``meq/kg``).
ATTRIBUTE_UNIT = "<attribute>"
#: Placeholder unit: the unit of the rate constant of the reaction order.
RATE_UNIT = "<rate>"


@dataclass(frozen=True)
class Parameter:
    """Declaration of one model parameter.

    Attributes
    ----------
    name : str
        Reported name (JSON key), e.g. ``"activation_energy"``.
    symbol : str
        Short symbol for tables (``"Ea"``).
    unit : str
        Unit of the reported value; :data:`ATTRIBUTE_UNIT` or :data:`RATE_UNIT` stand for
        the attribute's unit and the rate-constant unit.
    log : bool
        Fitted as its natural logarithm; the reported value is ``exp`` of the fitted one and
        its interval is computed on the log scale (positive, asymmetric).
    lower, upper : float
        Bounds in fitting space (on the log scale when ``log``).
    """

    name: str
    symbol: str
    unit: str = ""
    log: bool = False
    lower: float = -math.inf
    upper: float = math.inf

    def resolve_unit(self, attribute_unit: str, rate_unit: str) -> str:
        """The reported unit with placeholders replaced."""
        if self.unit == ATTRIBUTE_UNIT:
            return attribute_unit
        if self.unit == RATE_UNIT:
            return rate_unit
        return self.unit

    @property
    def bounded(self) -> bool:
        """Whether the parameter has a finite bound."""
        return math.isfinite(self.lower) or math.isfinite(self.upper)
