"""Moisture sorption isotherm models (importable from here as before the split).

The models are in :mod:`~shelflife.moisture.isotherm_equations` (the equations, with
references, and the registry :data:`MODELS`, :func:`get_model`, :func:`model_names`),
built on the model type of :mod:`~shelflife.moisture.isotherm_model`
(:class:`IsothermModel`, :class:`IsothermParameter`, :class:`Linearisation`,
:func:`invert_monotone`); :class:`LinearIsotherm` (Labuza's straight line) is in
:mod:`~shelflife.moisture.linear_isotherm`. Every moisture content is on dry basis in g/g
and every water activity a fraction.
"""

from __future__ import annotations

# ``X as X``: importable from here as before the split (by shelflife.moisture.fit)
from ._values import _dimensionless as _dimensionless
from ._values import _is_plain as _is_plain
from .isotherm_equations import MODELS, get_model, model_names
from .isotherm_model import IsothermModel, IsothermParameter, Linearisation, invert_monotone
from .linear_isotherm import LinearIsotherm

__all__ = [
    "IsothermParameter",
    "Linearisation",
    "IsothermModel",
    "LinearIsotherm",
    "MODELS",
    "get_model",
    "model_names",
    "invert_monotone",
]
