"""Thresholds and small statistical helpers shared by the diagnostics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


#: Every reaction order, the default of :func:`fit_all`.
ORDERS_ALL = ("zero", "first", "second", "nth", "weibull", "equilibrium")
#: |studentised residual| above which a measurement is flagged as a suspected outlier.
#: With ~60 points, 3 flags about one clean study in six by chance; 3.5 about one in thirty.
OUTLIER_THRESHOLD = 3.5
#: Significance level of the lack-of-fit and curvature notices.
ALPHA = 0.05
#: ΔAIC at which a reaction order is clearly preferred at one temperature (Burnham &
#: Anderson: beyond 10 the other model has essentially no support). A lower bar (2) lets
#: chance alone flag a "change of order" in most simulated constant-order studies, because
#: zero and first order are nearly the same curve at low conversion.
ORDER_EVIDENCE = 10.0
#: Relative/absolute distance below which a parameter counts as sitting at its bound.
BOUND_TOLERANCE = 1e-6
#: Decimal places of the keys (time [day], temperature [K], RH [%]) that define replicates.
_KEY_DECIMALS = 9


def _num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    x = float(x)
    return x if np.isfinite(x) else None


def _f_sf(f: float, df1: float, df2: float) -> float:
    """Upper tail probability of the F distribution (nan for undefined input)."""
    if not (df1 > 0 and df2 > 0) or np.isnan(f):
        return float("nan")
    if np.isinf(f):
        return 0.0
    from scipy.special import fdtrc

    return float(fdtrc(df1, df2, max(f, 0.0)))


def _t_two_sided(t: float, dof: float) -> float:
    """Two-sided p-value of Student's t with ``dof`` degrees of freedom."""
    if not dof > 0 or np.isnan(t):
        return float("nan")
    from scipy.special import stdtr

    return float(2.0 * stdtr(dof, -abs(t)))


def _free(fit: FitResult) -> np.ndarray:
    P = len(fit.model.parameters)
    return np.ones(P, dtype=bool) if fit.free is None else np.asarray(fit.free, dtype=bool)
