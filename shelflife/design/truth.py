"""The assumed truth of a simulated ASLT study (:class:`Truth`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputError
from ..units import to_days, to_kj_per_mol
from ._common import _check_setting

__all__ = ["Truth", "SIMULATED_ORDERS"]

#: Reaction orders the simulation supports (one order parameter: the initial value).
SIMULATED_ORDERS = ("zero", "first", "second")
_TRUTH_KEYS = {
    "order": "order",
    "initial": "initial",
    "initial_value": "initial",
    "limit": "limit",
    "direction": "direction",
    "activation_energy": "activation_energy",
    "ea": "activation_energy",
    "shelf_life": "shelf_life",
    "rate_constant": "rate_constant",
    "k": "rate_constant",
    "k_storage": "rate_constant",
    "sd": "sd",
    "noise_sd": "sd",
    "cv": "cv",
    "noise_cv": "cv",
    "unit": "unit",
}
_REQUIRED = (
    "order, initial, limit, direction, activation_energy, shelf_life (or rate_constant), sd or cv"
)


# ----------------------------------------------------------------------------- truth
@dataclass(frozen=True)
class Truth:
    """The assumed true behaviour of the product, for simulating studies.

    Attributes
    ----------
    order : {"zero", "first", "second"}
    initial : float
        Initial value :math:`A_0` [attribute unit].
    limit : float
        Critical limit [attribute unit].
    direction : {"max", "min"}
        Fails above (``"max"``, a rising attribute) or below (``"min"``) the limit.
    activation_energy : float
        [kJ/mol].
    shelf_life : float
        True shelf life at the storage temperature of the evaluation [day].
    sd : float
        Constant standard deviation of one measurement [attribute unit].
    cv : float
        Standard deviation proportional to the mean (a fraction, 0.05 = 5 %).
    unit : str
        Attribute unit (display only).
    """

    order: str
    initial: float
    limit: float
    direction: str
    activation_energy: float
    shelf_life: float
    sd: float = 0.0
    cv: float = 0.0
    unit: str = ""

    def __post_init__(self) -> None:
        if self.order not in SIMULATED_ORDERS:
            raise InputError(
                "design_order_unsupported", order=self.order, choices=", ".join(SIMULATED_ORDERS)
            )
        if self.direction not in ("max", "min"):
            raise InputError(
                "option_unknown", what="direction", value=self.direction, choices="max, min"
            )
        a0, lim = float(self.initial), float(self.limit)
        ok = a0 < lim if self.direction == "max" else a0 > lim
        if self.order != "zero":
            ok = ok and a0 > 0 and lim > 0
        if not (ok and math.isfinite(a0) and math.isfinite(lim)):
            raise InputError(
                "design_truth_invalid",
                initial=a0,
                limit=lim,
                side="above" if self.direction == "max" else "below",
            )
        _check_setting("activation_energy [kJ/mol]", float(self.activation_energy), 1.0, 400.0)
        _check_setting("shelf_life [day]", float(self.shelf_life), 1e-3, 1e6)
        _check_setting("sd", float(self.sd), 0.0, math.inf)
        _check_setting("cv", float(self.cv), 0.0, 2.0)
        if self.sd <= 0 and self.cv <= 0:
            raise InputError("design_truth_missing", key="sd or cv", keys=_REQUIRED)

    @property
    def sign(self) -> float:
        """+1 for a rising attribute (fails above its limit), -1 for a falling one."""
        return 1.0 if self.direction == "max" else -1.0

    @property
    def rate_constant(self) -> float:
        """Rate constant at the storage temperature [1/day, or attribute unit/day]."""
        from ..models import get_order

        unit_time = get_order(self.order).time_to_limit(
            self.limit, np.array([1.0]), [self.initial], self.sign
        )
        return float(np.ravel(unit_time)[0]) / self.shelf_life

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Truth:
        """A truth from a dict; quantities and strings are accepted where units matter.

        Keys: ``order``, ``initial``, ``limit``, ``direction``, ``activation_energy``
        (e.g. ``"80 kJ/mol"``), ``shelf_life`` (e.g. ``"6 month"``; or ``rate_constant``
        at the storage temperature, e.g. ``"0.0126 1/day"``), ``sd`` and/or ``cv``,
        ``unit``. Aliases: ``initial_value``, ``ea``, ``k``, ``k_storage``, ``noise_sd``,
        ``noise_cv``.
        """
        if isinstance(values, Truth):
            return values
        out: dict[str, Any] = {}
        for key, value in dict(values).items():
            name = _TRUTH_KEYS.get(str(key).strip().lower())
            if name is None:
                raise InputError(
                    "option_unknown",
                    what="truth key",
                    value=key,
                    choices=", ".join(sorted(set(_TRUTH_KEYS))),
                )
            out[name] = value
        for key in ("initial", "limit", "direction", "activation_energy"):
            if key not in out:
                raise InputError("design_truth_missing", key=key, keys=_REQUIRED)
        unit = str(out.get("unit", "") or "")
        order = str(out.get("order", "first"))
        direction = str(out["direction"])
        initial = _value(out["initial"], unit, "initial")
        limit = _value(out["limit"], unit, "limit")
        ea = to_kj_per_mol(out["activation_energy"])
        if "shelf_life" in out:
            shelf_life = float(to_days(out["shelf_life"]))
        elif "rate_constant" in out:
            probe = cls(order, initial, limit, direction, ea, 1.0, sd=1.0, unit=unit)
            k = _rate(out["rate_constant"], unit)
            _check_setting("rate_constant", k, 1e-300, math.inf)
            shelf_life = probe.rate_constant / k
        else:
            raise InputError("design_truth_missing", key="shelf_life", keys=_REQUIRED)
        return cls(
            order=order,
            initial=initial,
            limit=limit,
            direction=direction,
            activation_energy=ea,
            shelf_life=shelf_life,
            sd=_value(out.get("sd", 0.0), unit, "sd"),
            cv=float(out.get("cv", 0.0)),
            unit=unit,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "order": self.order,
            "initial": self.initial,
            "limit": self.limit,
            "direction": self.direction,
            "unit": self.unit,
            "activation_energy": {"value": self.activation_energy, "unit": "kJ/mol"},
            "shelf_life": {"value": self.shelf_life, "unit": "day"},
            "rate_constant": self.rate_constant,
            "sd": self.sd,
            "cv": self.cv,
        }


def _value(x: Any, unit: str, what: str) -> float:
    """A value in the attribute unit (a number, or a quantity converted to ``unit``)."""
    if isinstance(x, (int, float, np.floating, np.integer)) and not isinstance(x, bool):
        return float(x)
    from ..units import parse_unit, quantity

    q = quantity(x, what=what)
    if unit:
        return float(q.to(parse_unit(unit)).magnitude)
    return float(q.magnitude)


def _rate(x: Any, unit: str) -> float:
    """A rate constant per day (``"0.01 1/day"``, ``"0.05 meq/kg/day"``)."""
    from ..units import get_registry, parse_unit, quantity

    reg = get_registry()
    q = quantity(x, what="rate constant")
    per_day = (q * reg.Quantity(1.0, "day")).to_reduced_units()
    if per_day.dimensionless:
        return float(per_day.to("").magnitude)
    if unit:
        return float(per_day.to(parse_unit(unit)).magnitude)
    return float(per_day.magnitude)
