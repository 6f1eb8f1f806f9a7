r"""Saturation vapour pressure of water, :math:`p_0(T)`, and pressure-unit conversions.

The packaging models need the vapour pressure of pure water at the storage temperature:
the water-vapour pressure outside a package is :math:`p_{out} = (RH/100)\,p_0(T)` and the
pressure in equilibrium with the product is :math:`p_{in} = a_w\,p_0(T)`.

:math:`p_0(T)` is computed with the saturation-pressure equation of Wagner and Pruß [1]_
(their Eq. 2.5, the auxiliary equation of the IAPWS-95 formulation, also the IAPWS 1992
supplementary release),

.. math::

    \ln\frac{p_0}{p_c} = \frac{T_c}{T}\left(a_1\vartheta + a_2\vartheta^{1.5}
        + a_3\vartheta^{3} + a_4\vartheta^{3.5} + a_5\vartheta^{4}
        + a_6\vartheta^{7.5}\right), \qquad \vartheta = 1 - \frac{T}{T_c},

with :math:`T_c` = 647.096 K and :math:`p_c` = 22.064 MPa. Between the triple point and
the critical point it reproduces IAPWS-95 saturation pressures to better than 0.01 % [1]_,
far better than any food-lab use needs (0.02-0.03 % against the rounded 5-digit tables).

Indonesian lab practice states :math:`P_o` in mmHg (e.g. 31.8 mmHg at 30 °C); this module
gives both. 1 mmHg = 133.322387415 Pa (exact by definition).

References
----------
.. [1] W. Wagner and A. Pruß, "The IAPWS formulation 1995 for the thermodynamic properties
   of ordinary water substance for general and scientific use," *J. Phys. Chem. Ref.
   Data*, vol. 31, no. 2, pp. 387-535, 2002, Eq. (2.5). doi:10.1063/1.1461829
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "PA_PER_MMHG",
    "saturation_vapour_pressure",
    "pa_to_mmhg",
    "mmhg_to_pa",
]

#: Pascals in one millimetre of mercury (conventional, exact) [Pa/mmHg].
PA_PER_MMHG = 133.322387415

_TC = 647.096  # critical temperature [K]
_PC = 22.064e6  # critical pressure [Pa]
_A = (-7.85951783, 1.84408259, -11.7866497, 22.6807411, -15.9618719, 1.80122502)
_T_TRIPLE = 273.16  # [K]


def _p0_pa(T_K: Any) -> Any:
    """:math:`p_0(T)` [Pa] for absolute temperatures [K] (floats or arrays, no checks)."""
    T = np.asarray(T_K, dtype=float)
    th = 1.0 - T / _TC
    a1, a2, a3, a4, a5, a6 = _A
    s = a1 * th + a2 * th**1.5 + a3 * th**3 + a4 * th**3.5 + a5 * th**4 + a6 * th**7.5
    out = _PC * np.exp(_TC / T * s)
    return float(out) if out.ndim == 0 else out


def saturation_vapour_pressure(temperature: Any, unit: str = "Pa"):
    """Saturation vapour pressure of pure liquid water at ``temperature``.

    Parameters
    ----------
    temperature : pint.Quantity or str
        Temperature, e.g. ``"30 degC"`` or ``Q_([25, 38], "degC")`` [°C, K or °F]; between
        0.01 °C (triple point) and 373.946 °C (critical point).
    unit : str
        Pressure unit of the result, e.g. ``"Pa"``, ``"kPa"``, ``"mmHg"``.

    Returns
    -------
    pint.Quantity
        :math:`p_0(T)` [``unit``].

    Raises
    ------
    shelflife.errors.UnitError
        For a bare number (temperatures always carry a unit).
    shelflife.errors.InputError
        ``temperature_implausible`` outside the liquid range of the equation.

    Notes
    -----
    Wagner and Pruß (2002), Eq. 2.5 (see the module documentation).

    Examples
    --------
    >>> round(saturation_vapour_pressure("25 degC").magnitude, 1)
    3169.8
    >>> round(saturation_vapour_pressure("30 degC", "mmHg").magnitude, 2)
    31.85
    """
    from ..errors import InputError
    from ..units import get_registry, to_kelvin

    T = np.asarray(to_kelvin(temperature), dtype=float)
    if np.any(~np.isfinite(T) | (T < _T_TRIPLE - 1e-9) | (T > _TC)):
        bad = float(np.atleast_1d(T)[0] if T.ndim else T)
        raise InputError(
            "temperature_implausible",
            value=f"{bad - 273.15:g} °C",
            low="0.01 °C",
            high="373.946 °C",
        )
    p = _p0_pa(T)
    return get_registry().Quantity(p, "Pa").to(unit)


def pa_to_mmhg(pressure_pa: Any) -> Any:
    """Convert pressures from Pa to mmHg (floats or arrays) [mmHg]."""
    return (
        np.asarray(pressure_pa, dtype=float) / PA_PER_MMHG
        if np.ndim(pressure_pa)
        else (float(pressure_pa) / PA_PER_MMHG)
    )


def mmhg_to_pa(pressure_mmhg: Any) -> Any:
    """Convert pressures from mmHg to Pa (floats or arrays) [Pa]."""
    return (
        np.asarray(pressure_mmhg, dtype=float) * PA_PER_MMHG
        if np.ndim(pressure_mmhg)
        else (float(pressure_mmhg) * PA_PER_MMHG)
    )
