"""Fitting sorption isotherms (importable from here as before the split).

One model: :func:`fit_isotherm` (:mod:`~shelflife.moisture.isotherm_fitting`), giving an
:class:`IsothermFit` (:mod:`~shelflife.moisture.isotherm_fit`); all models ranked:
:func:`fit_isotherms` and :class:`IsothermComparison`
(:mod:`~shelflife.moisture.isotherm_comparison`); goodness of fit, with the mean relative
deviation [%] and its classes of Indonesian practice: :func:`mean_relative_deviation`,
:func:`mrd_class`, :data:`MRD_LIMITS` (:mod:`~shelflife.moisture.fit_statistics`).
"""

from __future__ import annotations

from .fit_statistics import MRD_LIMITS, mean_relative_deviation, mrd_class
from .isotherm_comparison import IsothermComparison, fit_isotherms
from .isotherm_fit import IsothermFit
from .isotherm_fitting import fit_isotherm

__all__ = [
    "IsothermFit",
    "IsothermComparison",
    "fit_isotherm",
    "fit_isotherms",
    "mean_relative_deviation",
    "mrd_class",
    "MRD_LIMITS",
]
