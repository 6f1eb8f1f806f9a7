"""What the packaging models read from a sorption isotherm, and how.

:class:`SorptionIsotherm` is the duck type the packaging models accept (``moisture_db`` and
``water_activity_db`` on float arrays, moisture on dry basis [g water / g dry solids], water
activity as a fraction); the helpers read it at one point and give the secant slope
:math:`b` [g/g per unit :math:`a_w`] between the initial and the critical moisture that
Labuza's closed form uses.
"""

from __future__ import annotations

import math
from typing import Protocol, runtime_checkable

import numpy as np

from ..errors import InputError

__all__ = ["SorptionIsotherm"]


@runtime_checkable
class SorptionIsotherm(Protocol):
    """What the packaging models need from a sorption isotherm (duck-typed).

    Both methods take and return float arrays; moisture is on a dry basis
    [g water / g dry solids]. :class:`shelflife.moisture.isotherms.LinearIsotherm`, GAB and
    the other fitted isotherms of :mod:`shelflife.moisture` provide them.
    """

    def moisture_db(self, aw: np.ndarray) -> np.ndarray:
        """Equilibrium moisture at water activity ``aw`` [g/g dry basis]."""
        ...

    def water_activity_db(self, m: np.ndarray) -> np.ndarray:
        """Water activity in equilibrium with moisture ``m`` [-] (the inverse)."""
        ...


def _m_of(iso: SorptionIsotherm, aw: float) -> float:
    return float(np.asarray(iso.moisture_db(np.array([aw], dtype=float)), dtype=float)[0])


def _aw_of(iso: SorptionIsotherm, m: float) -> float:
    return float(np.asarray(iso.water_activity_db(np.array([m], dtype=float)), dtype=float)[0])


def _secant(iso: SorptionIsotherm, m_i: float, m_c: float) -> tuple[float, float, float]:
    """``(b, a_w(m_i), a_w(m_c))``: the isotherm's secant slope between m_i and m_c."""
    a_i, a_c = _aw_of(iso, m_i), _aw_of(iso, m_c)
    if m_c <= m_i:
        return math.nan, a_i, a_c
    b = (m_c - m_i) / (a_c - a_i) if a_c != a_i else math.inf
    if not (math.isfinite(b) and b > 0):
        raise InputError("uptake_slope_invalid", value=f"{b:g}")
    return b, a_i, a_c
