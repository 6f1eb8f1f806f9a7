"""Science as plain vectorised functions and model declarations (floats in working units)."""

from .kinetics import FIRST, ORDERS, ZERO, ReactionOrder, get_order
from .temperature import (
    ARRHENIUS,
    TEMPERATURE_MODELS,
    TemperatureDependence,
    activation_energy_from_q10,
    arrhenius,
    get_temperature_model,
    q10_from_activation_energy,
    reference_temperature,
)

__all__ = [
    "ReactionOrder",
    "ORDERS",
    "ZERO",
    "FIRST",
    "get_order",
    "TemperatureDependence",
    "ARRHENIUS",
    "TEMPERATURE_MODELS",
    "get_temperature_model",
    "reference_temperature",
    "arrhenius",
    "q10_from_activation_energy",
    "activation_energy_from_q10",
]
