"""Where a regression line's one- or two-sided bound meets a specification limit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    pass


# =========================================================================== floats
def bound_crossing(
    intercept: Any,
    slope: Any,
    var_intercept: Any,
    cov_intercept_slope: Any,
    var_slope: Any,
    limit: Any,
    side: str,
    quantile: Any,
    extra_variance: Any = 0.0,
) -> np.ndarray:
    """Earliest time at which a confidence bound of a regression line meets a limit.

    All array arguments broadcast against each other (one element per line).

    Parameters
    ----------
    intercept, slope : array_like
        Line ``mu(t) = intercept + slope * t`` [value unit], [value unit / time unit].
    var_intercept, cov_intercept_slope, var_slope : array_like
        Covariance of the two coefficients ([value unit²], [value unit² / time unit],
        [value unit² / time unit²]).
    limit : array_like
        Specification limit [value unit].
    side : {"lower", "upper"}
        ``"lower"``: the lower bound ``mu - q*se`` falling to a lower limit; ``"upper"``:
        the upper bound ``mu + q*se`` rising to an upper limit.
    quantile : array_like
        Student-t quantile ``q`` (e.g. ``t(0.95, dof)`` for a one-sided 95 % bound).
    extra_variance : array_like
        Added to the variance of the mean: 0 for a confidence bound of the mean, the
        residual variance for a prediction bound of a new observation [value unit²].

    Returns
    -------
    numpy.ndarray
        Crossing time [time unit]: 0 where the bound is already beyond the limit at
        ``t = 0``, ``inf`` where it never reaches it for ``t >= 0``.

    Notes
    -----
    With ``d(t) = s·(mu(t) − L)`` (``s = +1`` for a lower limit, ``−1`` for an upper one)
    and ``v(t) = V00 + 2·V01·t + V11·t² + e``, the bound meets the limit where
    ``d(t) = q·sqrt(v(t))``. Squaring gives the quadratic

    ``(b² − q²·V11)·t² + 2·(d0·b_s − q²·V01)·t + (d0² − q²·(V00 + e)) = 0``

    with ``d0 = s·(a − L)`` and ``b_s = s·b``. Of its real roots only those with
    ``d(t) >= 0`` solve the unsquared equation; the smallest positive one is the first
    crossing, because the bound starts inside the specification (``d(0) > q·sqrt(v(0))``)
    and is continuous. No such root means no crossing. The roots use the cancellation-free
    form ``r1 = Q/A``, ``r2 = C/Q`` with ``Q = −(B + sign(B)·sqrt(B² − 4AC))/2``, and one
    Newton step on the unsquared equation polishes them.

    Examples
    --------
    A line falling 0.2 per month from 100 towards a lower limit of 95, with a known
    intercept and slope (no uncertainty), and with a widening band:

    >>> round(float(bound_crossing(100.0, -0.2, 0.0, 0.0, 0.0, 95.0, "lower", 1.645)), 6)
    25.0
    >>> round(float(bound_crossing(100.0, -0.2, 0.25, -0.01, 0.001, 95.0, "lower", 1.7)), 3)
    20.639
    """
    if side not in ("lower", "upper"):
        raise InputError("option_unknown", what="side", value=side, choices="lower, upper")
    arrays = np.broadcast_arrays(
        *(
            np.asarray(x, dtype=float)
            for x in (
                intercept,
                slope,
                var_intercept,
                cov_intercept_slope,
                var_slope,
                limit,
                quantile,
                extra_variance,
            )
        )
    )
    a, b, v00, v01, v11, lim, q, e = (np.atleast_1d(x).astype(float) for x in arrays)
    s = 1.0 if side == "lower" else -1.0
    d0 = s * (a - lim)
    d1 = s * b
    c0 = v00 + e
    q2 = q * q
    A = d1 * d1 - q2 * v11
    B = 2.0 * (d0 * d1 - q2 * v01)
    C = d0 * d0 - q2 * c0
    with np.errstate(all="ignore"):
        disc = B * B - 4.0 * A * C
        # a double root may come out slightly negative by rounding
        disc = np.where((disc < 0) & (-disc <= 1e-12 * (B * B + np.abs(4.0 * A * C))), 0.0, disc)
        root = np.sqrt(np.where(disc >= 0, disc, np.nan))
        Q = -0.5 * (B + np.copysign(root, B))
        r1 = np.where(A != 0, Q / A, np.where(B != 0, -C / B, np.nan))
        r2 = np.where(Q != 0, C / Q, np.nan)
        best = np.full(a.shape, np.inf)
        for r in (r1, r2):
            r = _newton_polish(r, d0, d1, c0, v01, v11, q)
            tol = 1e-12 * (np.abs(d0) + np.abs(d1 * r))
            ok = np.isfinite(r) & (r > 0) & (d0 + d1 * r >= -tol)
            best = np.where(ok & (r < best), r, best)
        start = d0 - q * np.sqrt(np.clip(c0, 0, None))
    best = np.where(start <= 0, 0.0, best)
    return best.reshape(arrays[0].shape)


def _newton_polish(r, d0, d1, c0, v01, v11, q):
    """One Newton step on ``g(t) = d(t) - q·sqrt(v(t))`` where it is well defined."""
    var = c0 + 2 * v01 * r + v11 * r * r
    sd = np.sqrt(np.where(var > 0, var, np.nan))
    g = d0 + d1 * r - q * sd
    dg = d1 - q * (v01 + v11 * r) / sd
    step = g / dg
    better = np.isfinite(step) & (np.abs(step) <= 1e-6 * (1 + np.abs(r)))
    return np.where(better, r - step, r)
