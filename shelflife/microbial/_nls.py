"""Small nonlinear least-squares helpers on floats (scipy imported inside functions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["least_squares_fit", "numeric_jacobian", "covariance", "fit_richards"]


def numeric_jacobian(f: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> np.ndarray:
    """Central-difference Jacobian of ``f`` at ``x`` (relative step ~6e-6)."""
    x = np.asarray(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float)
    J = np.empty((f0.size, x.size))
    for j in range(x.size):
        h = 6e-6 * max(abs(x[j]), 1e-3)
        xp, xm = x.copy(), x.copy()
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return J


def covariance(J: np.ndarray, sse: float, dof: int) -> np.ndarray:
    """``(JᵀJ)⁻¹ · SSE/dof`` (NaN when singular or ``dof <= 0``)."""
    p = J.shape[1]
    if dof <= 0:
        return np.full((p, p), np.nan)
    try:
        lam, vec = np.linalg.eigh(J.T @ J)
    except np.linalg.LinAlgError:  # pragma: no cover
        return np.full((p, p), np.nan)
    if not (np.all(np.isfinite(lam)) and lam[0] > lam[-1] * 1e-14 and lam[0] > 0):
        return np.full((p, p), np.nan)
    return (vec / lam) @ vec.T * (sse / dof)


def least_squares_fit(
    residuals: Callable[[np.ndarray], np.ndarray],
    x0: Any,
    *,
    jac: Callable[[np.ndarray], np.ndarray] | None = None,
    lower: Any = None,
    upper: Any = None,
    tol: float = 1e-15,
) -> tuple[np.ndarray, bool, int]:
    """Minimise ``sum(residuals(x)**2)`` with tight tolerances.

    Levenberg-Marquardt (MINPACK) without bounds, trust-region reflective with bounds.
    Returns ``(x, converged, nfev)``.
    """
    from scipy.optimize import least_squares

    x0 = np.asarray(x0, dtype=float)
    bounded = lower is not None or upper is not None
    kw: dict[str, Any] = {"xtol": tol, "ftol": tol, "gtol": tol, "x_scale": "jac"}
    if bounded:
        lo = np.full(x0.size, -np.inf) if lower is None else np.asarray(lower, dtype=float)
        hi = np.full(x0.size, np.inf) if upper is None else np.asarray(upper, dtype=float)
        with np.errstate(invalid="ignore"):
            pad_lo = np.where(np.isfinite(lo), lo + 1e-9 * (np.abs(lo) + 1), -np.inf)
            pad_hi = np.where(np.isfinite(hi), hi - 1e-9 * (np.abs(hi) + 1), np.inf)
        x0 = np.clip(x0, pad_lo, pad_hi)
        res = least_squares(
            residuals, x0, jac=jac or "3-point", bounds=(lo, hi), method="trf", max_nfev=2000, **kw
        )
    else:
        res = least_squares(residuals, x0, jac=jac or "3-point", method="lm", max_nfev=4000, **kw)
    return res.x, bool(res.status > 0), int(res.nfev)


def fit_richards(x: Any, y: Any, start: Any) -> dict[str, Any]:
    """Fit the Richards (NIST Rat43) curve by unweighted least squares.

    Returns ``{"estimate", "std_error", "rss", "residual_sd", "converged"}`` with the
    standard errors ``sqrt(diag((JᵀJ)⁻¹) · RSS/dof)`` from the analytic Jacobian, the
    convention of NIST's certified values.
    """
    from .primary import richards, richards_jacobian

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    beta, ok, _ = least_squares_fit(
        lambda b: richards(x, *b) - y, start, jac=lambda b: richards_jacobian(x, *b)
    )
    r = richards(x, *beta) - y
    rss = float(r @ r)
    dof = x.size - beta.size
    cov = covariance(richards_jacobian(x, *beta), rss, dof)
    return {
        "estimate": beta,
        "std_error": np.sqrt(np.diag(cov)),
        "rss": rss,
        "residual_sd": float(np.sqrt(rss / dof)),
        "converged": ok,
    }
