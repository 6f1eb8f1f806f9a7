"""Small helpers shared by the isotherm modules: plain numbers vs. Quantities.

:func:`_is_plain` tells float-level input (floats, ints, numeric arrays) from strings and
pint Quantities, which the public methods of :class:`~shelflife.moisture.LinearIsotherm`
and :class:`~shelflife.moisture.IsothermFit` convert with units; :func:`_dimensionless`
wraps a water activity [–] in a dimensionless Quantity (pint is imported only then).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _is_plain(value: Any) -> bool:
    """True for floats, ints and numeric arrays (not strings, not Quantities)."""
    if hasattr(value, "units") or isinstance(value, str):
        return False
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, (int, float, np.floating, np.integer)) for v in value)
    return isinstance(value, (int, float, np.floating, np.integer, np.ndarray))


def _dimensionless(value: Any):
    from ..units import get_registry

    return get_registry().Quantity(value, "")
