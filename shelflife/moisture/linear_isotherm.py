r"""The straight-line isotherm :math:`m = b\,a_w + c` of Labuza's closed form.

Labuza's moisture-gain shelf life integrates in closed form when the isotherm is taken as
linear between the initial and the critical moisture; :class:`LinearIsotherm` is that line
(slope :math:`b` [g/g per unit :math:`a_w`], intercept :math:`c` [g/g], dry basis), and
:meth:`IsothermFit.linear_between <shelflife.moisture.IsothermFit.linear_between>` makes one
from a fitted isotherm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputError
from ._values import _dimensionless, _is_plain

__all__ = ["LinearIsotherm"]


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
