"""Parameters that end at a bound of their allowed range."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import Notice
from ._common import BOUND_TOLERANCE, _free

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


# ======================================================================= bounds
def parameters_at_bounds(fit: FitResult, tol: float = BOUND_TOLERANCE) -> list[Notice]:
    r"""Notices for free parameters whose estimate sits at a declared bound.

    A parameter counts as at its bound :math:`b` when
    :math:`|\hat\theta - b| \le \mathrm{tol}\cdot\max(1, |b|)` in fitting space (e.g. the
    nth-order :math:`n` at its lower bound 0, or a Weibull shape at :math:`\ln 0.05`). The
    optimum is then constrained: the data would prefer a value outside the physical range
    (for the AccelStab potency data an unconstrained nth-order fit runs to :math:`n < 0`),
    the curvature-based standard error and interval of that parameter do not hold, and a
    simpler model with the parameter fixed at the bound (here zero order) is usually the
    better report.

    Parameters
    ----------
    fit : FitResult
    tol : float
        Relative (absolute below 1) tolerance :data:`BOUND_TOLERANCE`.

    Returns
    -------
    list of Notice
        One ``parameter_at_bound`` notice (category ``"convergence"``, the category of
        :class:`~shelflife.errors.ConvergenceWarning`) per parameter; its value is the
        bound on the reported scale.
    """
    out: list[Notice] = []
    free = _free(fit)
    for i, par in enumerate(fit.model.parameters):
        if not free[i] or not par.bounded:
            continue
        v = float(fit.theta[i])
        for bound in (par.lower, par.upper):
            if np.isfinite(bound) and abs(v - bound) <= tol * max(1.0, abs(bound)):
                value = float(np.exp(bound)) if par.log else float(bound)
                out.append(
                    Notice(
                        "parameter_at_bound",
                        "convergence",
                        fit.attribute.name,
                        {"parameter": f"{par.symbol} ({par.name})", "value": value},
                    )
                )
                break
    return out
