r"""Temperature dependence of rate constants: Arrhenius and Q10.

The Arrhenius law is used *reparameterised at a reference temperature* :math:`T_{ref}`:

.. math::

    k(T) = k_{ref}\,\exp\!\left[-\frac{E_a}{R}\left(\frac{1}{T} - \frac{1}{T_{ref}}\right)\right]

With :math:`T_{ref}` near the centre of the tested temperatures (in :math:`1/T`), the
estimates of :math:`k_{ref}` and :math:`E_a` are nearly uncorrelated, which makes the fit
well conditioned and the intervals honest. Inside the fitting engine the parameters are
:math:`\ln k_{ref}` [ln(1/day)] and :math:`E_a` [kJ/mol].

The Q10 of a reaction with activation energy :math:`E_a` between :math:`T` and
:math:`T + 10` K is

.. math::

    Q_{10}(T) = \exp\!\left[\frac{10\,E_a}{R\,T\,(T + 10)}\right]

so for a fixed :math:`E_a` it falls as :math:`T` rises.

References
----------
.. [1] T. P. Labuza and D. Riboh, "Theory and application of Arrhenius kinetics to the
   prediction of nutrient losses in foods," *Food Technol.*, vol. 36, no. 10,
   pp. 66-74, 1982.
.. [2] M. Schwaab and J. C. Pinto, "Optimum reference temperature for reparameterization
   of the Arrhenius equation. Part 1," *Chem. Eng. Sci.*, vol. 62, no. 10,
   pp. 2750-2764, 2007. doi:10.1016/j.ces.2007.02.020
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..units import GAS_CONSTANT, get_registry, to_kelvin, to_kj_per_mol
from .parameters import RATE_UNIT, Parameter

__all__ = [
    "TemperatureDependence",
    "References",
    "ARRHENIUS",
    "EYRING",
    "Q10",
    "ARRHENIUS_RH",
    "ISOTHERMAL",
    "TEMPERATURE_MODELS",
    "get_temperature_model",
    "reference_temperature",
    "arrhenius",
    "q10_from_activation_energy",
    "activation_energy_from_q10",
]

Array = np.ndarray

#: Boltzmann constant over Planck constant [1/(K s)] (CODATA 2018, exact).
KB_OVER_H = 1.380649e-23 / 6.62607015e-34


@dataclass(frozen=True)
class References:
    """Reference conditions of a reparameterised temperature dependence.

    Attributes
    ----------
    temperature : float
        :math:`T_{ref}` [K].
    rh : float
        :math:`RH_{ref}` [%] (``nan`` when humidity is not modelled).
    """

    temperature: float
    rh: float = float("nan")


@dataclass(frozen=True)
class TemperatureDependence:
    r"""Declaration of how the rate constant depends on temperature (and humidity).

    Every dependence here is linear in its fitting-space parameters :math:`q`:
    :math:`\ln k = o(T, RH) + G(T, RH)\,q`, declared by ``design`` returning the offset
    :math:`o` and the matrix :math:`G`. The fitting engine uses :math:`G` as the exact
    gradient, and the two-step method regresses the per-condition :math:`\ln k` on it.

    Attributes
    ----------
    name, title, equation : str
    parameters : tuple of Parameter
        The first is always ``rate_constant_ref`` (fitted as its logarithm).
    design : Callable
        ``design(T, rh, refs) -> (offset, G)`` for temperatures [K] and RH [%].
    uses_rh : bool
        Whether the model needs relative humidity per measurement.
    """

    name: str
    title: str
    equation: str
    parameters: tuple[Parameter, ...]
    design: Callable[[Array, Array, References], tuple[Array, Array]]
    uses_rh: bool = False

    def log_rate(self, T: Array, rh: Array | None, q: Array, refs: References) -> Array:
        r""":math:`\ln k` at temperatures ``T`` [K] and humidities ``rh`` [%]."""
        offset, G = self.design(np.asarray(T, dtype=float), rh, refs)
        return offset + G @ np.asarray(q, dtype=float)

    def log_rate_gradient(self, T: Array, rh: Array | None, q: Array, refs: References) -> Array:
        r""":math:`\partial \ln k / \partial q`, shape ``(len(T), len(q))``."""
        return self.design(np.asarray(T, dtype=float), rh, refs)[1]


def _k_ref() -> Parameter:
    return Parameter("rate_constant_ref", "k_ref", RATE_UNIT, log=True)


def _arrhenius_design(T, rh, refs):
    x = -(1.0 / T - 1.0 / refs.temperature) / GAS_CONSTANT
    return np.zeros_like(T), np.stack([np.ones_like(T), x], axis=-1)


def _eyring_design(T, rh, refs):
    x = -(1.0 / T - 1.0 / refs.temperature) / GAS_CONSTANT
    return np.log(T / refs.temperature), np.stack([np.ones_like(T), x], axis=-1)


def _q10_design(T, rh, refs):
    return np.zeros_like(T), np.stack([np.ones_like(T), (T - refs.temperature) / 10.0], axis=-1)


def _arrhenius_rh_design(T, rh, refs):
    x = -(1.0 / T - 1.0 / refs.temperature) / GAS_CONSTANT
    h = np.broadcast_to(np.asarray(rh, dtype=float) - refs.rh, np.shape(T))
    return np.zeros_like(T), np.stack([np.ones_like(T), x, h], axis=-1)


def _isothermal_design(T, rh, refs):
    return np.zeros_like(T), np.ones_like(T)[..., None]


ARRHENIUS = TemperatureDependence(
    name="arrhenius",
    title="Arrhenius",
    equation="k(T) = k_ref·exp[−(Ea/R)(1/T − 1/T_ref)]",
    parameters=(_k_ref(), Parameter("activation_energy", "Ea", "kJ/mol")),
    design=_arrhenius_design,
)

EYRING = TemperatureDependence(
    name="eyring",
    title="Eyring",
    equation="k(T) = k_ref·(T/T_ref)·exp[−(ΔH‡/R)(1/T − 1/T_ref)]",
    parameters=(_k_ref(), Parameter("activation_enthalpy", "ΔH‡", "kJ/mol")),
    design=_eyring_design,
)

Q10 = TemperatureDependence(
    name="q10",
    title="Q10",
    equation="k(T) = k_ref·Q10^((T − T_ref)/10 K)",
    parameters=(_k_ref(), Parameter("q10", "Q10", "", log=True)),
    design=_q10_design,
)

ARRHENIUS_RH = TemperatureDependence(
    name="arrhenius_rh",
    title="humidity-corrected Arrhenius",
    equation="ln k = ln k_ref − (Ea/R)(1/T − 1/T_ref) + B·(RH − RH_ref)",
    parameters=(
        _k_ref(),
        Parameter("activation_energy", "Ea", "kJ/mol"),
        Parameter("humidity_coefficient", "B", "1/%"),
    ),
    design=_arrhenius_rh_design,
    uses_rh=True,
)

ISOTHERMAL = TemperatureDependence(
    name="isothermal",
    title="single temperature",
    equation="k = constant",
    parameters=(Parameter("rate_constant", "k", RATE_UNIT, log=True),),
    design=_isothermal_design,
)

#: Registry of temperature dependences by name.
TEMPERATURE_MODELS: dict[str, TemperatureDependence] = {
    m.name: m for m in (ARRHENIUS, EYRING, Q10, ARRHENIUS_RH, ISOTHERMAL)
}


def get_temperature_model(name: str) -> TemperatureDependence:
    """Return the temperature dependence called ``name`` (see :data:`TEMPERATURE_MODELS`)."""
    try:
        return TEMPERATURE_MODELS[name]
    except KeyError:
        from ..errors import InputError

        raise InputError(
            "option_unknown",
            what="temperature model",
            value=name,
            choices=", ".join(TEMPERATURE_MODELS),
        ) from None


def reference_temperature(temperatures_K: Array) -> float:
    """Centre of the tested temperatures in 1/T: the harmonic mean of the distinct ones [K].

    Examples
    --------
    >>> round(reference_temperature([298.15, 308.15, 318.15]), 2)
    307.93
    """
    distinct = np.unique(np.asarray(temperatures_K, dtype=float))
    return float(1.0 / np.mean(1.0 / distinct))


def arrhenius(
    temperature: Any,
    rate_constant_ref: Any,
    activation_energy: Any,
    *,
    reference_temperature: Any = "25 degC",
):
    r"""Rate constant at ``temperature`` by the reparameterised Arrhenius law.

    Parameters
    ----------
    temperature : pint.Quantity or str
        Temperature(s) at which the rate is wanted. [°C, K or °F]
    rate_constant_ref : pint.Quantity
        Rate constant at the reference temperature. [1/time or attribute unit/time]
    activation_energy : pint.Quantity or str
        Activation energy. [kJ/mol, kcal/mol, J/mol or cal/mol]
    reference_temperature : pint.Quantity or str, optional
        Temperature at which ``rate_constant_ref`` applies. [°C, K or °F]

    Returns
    -------
    pint.Quantity
        Rate constant(s) in the unit of ``rate_constant_ref``.

    Notes
    -----
    :math:`k(T) = k_{ref}\exp[-(E_a/R)(1/T - 1/T_{ref})]`, with
    :math:`R = 8.314462618\times10^{-3}` kJ mol⁻¹ K⁻¹.

    Examples
    --------
    >>> from shelflife import Q_
    >>> k = arrhenius("35 degC", Q_(0.01, "1/day"), "80 kJ/mol", reference_temperature="25 degC")
    >>> round(float(k.to("1/day").magnitude), 5)
    0.0285
    """
    T = to_kelvin(temperature)
    T_ref = to_kelvin(reference_temperature)
    ea = to_kj_per_mol(activation_energy)
    factor = np.exp(-(ea / GAS_CONSTANT) * (1.0 / np.asarray(T) - 1.0 / T_ref))
    return rate_constant_ref * factor


def q10_from_activation_energy(activation_energy: Any, temperature: Any) -> float | Array:
    r"""Q10 implied by an activation energy at a temperature.

    Parameters
    ----------
    activation_energy : pint.Quantity or str
        Activation energy. [kJ/mol, kcal/mol, J/mol or cal/mol]
    temperature : pint.Quantity or str
        Lower temperature :math:`T` of the 10-degree step. [°C, K or °F]

    Returns
    -------
    float or numpy.ndarray
        :math:`Q_{10} = \exp[10 E_a / (R T (T + 10))]` (dimensionless).

    Examples
    --------
    >>> round(q10_from_activation_energy("80 kJ/mol", "25 degC"), 4)
    2.8499
    """
    T = np.asarray(to_kelvin(temperature), dtype=float)
    ea = to_kj_per_mol(activation_energy)
    out = np.exp(10.0 * ea / (GAS_CONSTANT * T * (T + 10.0)))
    return float(out) if out.ndim == 0 else out


def activation_energy_from_q10(q10: float, temperature: Any):
    r"""Activation energy implied by a Q10 at a temperature (inverse of the above).

    Parameters
    ----------
    q10 : float
        Ratio of rate constants 10 °C apart (dimensionless, > 0).
    temperature : pint.Quantity or str
        Lower temperature of the 10-degree step. [°C, K or °F]

    Returns
    -------
    pint.Quantity
        :math:`E_a = R T (T + 10) \ln Q_{10} / 10` [kJ/mol].

    Examples
    --------
    >>> ea = activation_energy_from_q10(2.0, "25 degC")
    >>> round(ea.to("kJ/mol").magnitude, 3)
    52.949
    """
    T = np.asarray(to_kelvin(temperature), dtype=float)
    ea = GAS_CONSTANT * T * (T + 10.0) * np.log(q10) / 10.0
    return get_registry().Quantity(float(ea) if ea.ndim == 0 else ea, "kJ/mol")
