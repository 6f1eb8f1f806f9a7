"""Nonparametric (Turnbull) estimate of the rejection curve from interval-censored times."""

from __future__ import annotations

import numpy as np

__all__ = ["turnbull"]


def turnbull(
    lower: np.ndarray, upper: np.ndarray, *, tol: float = 1e-9, max_iter: int = 5000
) -> tuple[np.ndarray, np.ndarray]:
    """Turnbull's self-consistency (EM) estimate of ``F(t)``, the fraction rejecting by ``t``.

    Parameters
    ----------
    lower, upper : numpy.ndarray
        Each rejection time lies in ``(lower, upper]`` [day]; ``lower = 0`` left-censored,
        ``upper = inf`` right-censored.
    tol : float
        Stop when no cell probability changes by more than ``tol``.
    max_iter : int
        Largest number of EM iterations.

    Returns
    -------
    t : numpy.ndarray
        The finite interval end points [day] (the storage times tested), sorted.
    F : numpy.ndarray
        Estimated fraction of consumers having rejected by each ``t``.

    Notes
    -----
    The grid cells are the intervals between consecutive end points; cell ``j`` is
    compatible with consumer ``i`` when it lies inside ``(L_i, R_i]``. The EM update
    ``p_j ← (1/n) Σ_i α_ij p_j / Σ_k α_ik p_k`` converges to the nonparametric maximum
    likelihood estimate (Turnbull 1976, *J. R. Stat. Soc. B* 38:290–295). With the common
    sensory design (everyone tastes the same ages) ``F`` at the tested times is unique.
    """
    lo = np.asarray(lower, dtype=float)
    hi = np.asarray(upper, dtype=float)
    ends = np.unique(np.concatenate([[0.0], lo, hi[np.isfinite(hi)]]))
    edges = np.append(ends, np.inf)
    left, right = edges[:-1], edges[1:]
    alpha = (left[None, :] >= lo[:, None]) & (right[None, :] <= hi[:, None])
    alpha = alpha.astype(float)
    m = alpha.shape[1]
    p = np.full(m, 1.0 / m)
    for _ in range(max_iter):
        denom = alpha @ p
        new = p * (alpha / denom[:, None]).mean(axis=0)
        done = np.max(np.abs(new - p)) < tol
        p = new
        if done:
            break
    F = np.cumsum(p)[:-1]
    return ends[1:], np.clip(F, 0.0, 1.0)
