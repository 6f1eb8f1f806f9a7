"""Leverages, studentised residuals, suspected outliers and normal scores."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Notice
from ._common import OUTLIER_THRESHOLD, _free

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


# ====================================================================== residuals
def _free_jacobian(fit: FitResult) -> np.ndarray:
    J = fit.model.jacobian(fit.theta, fit.time, fit.temperature, fit.rh)
    return np.asarray(J, dtype=float)[:, _free(fit)]


def leverages(fit: FitResult) -> np.ndarray:
    r"""Tangent-plane leverages :math:`h_{ii}` of the measurements.

    .. math::

        h = \operatorname{diag}\left[J (J^\top J)^{-1} J^\top\right]

    with :math:`J` the Jacobian of the mean response with respect to the free
    parameters at the optimum (St. Laurent & Cook [3]_). Computed from the thin singular
    value decomposition :math:`J = U S V^\top` as the row sums of :math:`U^2` over the
    non-negligible singular values, so the leverages sum to the rank of :math:`J` (the
    number of free parameters :math:`p` for an identifiable model) and lie in [0, 1].

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    numpy.ndarray
        One leverage per measurement (``nan`` when the Jacobian is not finite).
    """
    J = _free_jacobian(fit)
    n = J.shape[0]
    if J.shape[1] == 0:
        return np.zeros(n)
    if not np.all(np.isfinite(J)):
        return np.full(n, np.nan)
    U, s, _ = np.linalg.svd(J, full_matrices=False)
    tol = np.finfo(float).eps * max(J.shape) * (s[0] if s.size else 0.0)
    U = U[:, s > tol]
    return np.clip(np.sum(U**2, axis=1), 0.0, 1.0)


def studentized_residuals(fit: FitResult) -> np.ndarray:
    r"""Internally studentised residuals of a fit.

    .. math::

        r_i = \frac{e_i}{s \sqrt{1 - h_{ii}}}, \qquad
        s^2 = \frac{\mathrm{SSE}}{n - p}

    with :math:`e_i = y_i - \hat y_i` and the leverages :math:`h_{ii}` of
    :func:`leverages` (Cook & Weisberg [2]_, §2.2). Under the model they are roughly
    standard normal, so the same yardsticks (±2, ±3) serve every attribute and unit, and a
    point of high leverage, which pulls the curve towards itself, is not hidden by its small
    raw residual.

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    numpy.ndarray
        One value per measurement (dimensionless); ``nan`` where :math:`h_{ii} = 1` or
        without residual degrees of freedom.
    """
    e = np.asarray(fit.value, dtype=float) - np.asarray(fit.fitted, dtype=float)
    s = float(fit.statistics.get("sigma", np.nan))
    h = leverages(fit)
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = s * np.sqrt(1.0 - h)
        r = np.where((denom > 0) & np.isfinite(denom), e / denom, np.nan)
    return r


def _row_labels(fit: FitResult) -> np.ndarray:
    """Rows as the data file shows them, or 1-based positions in the fitted arrays."""
    if fit.rows is not None:
        return np.asarray(fit.rows)
    return np.arange(1, np.size(fit.value) + 1)


def _point_text(fit: FitResult, i: int, row: Any) -> str:
    T_c = float(fit.temperature[i]) - 273.15
    return f"{row} ({float(fit.time[i]):.4g} d, {T_c:.4g} °C)"


def suspected_outliers(
    fit: FitResult, threshold: float = OUTLIER_THRESHOLD, *, r: np.ndarray | None = None
) -> list[Notice]:
    """A notice listing the measurements whose studentised residual exceeds ``threshold``.

    Parameters
    ----------
    fit : FitResult
    threshold : float
        Limit on :math:`|r_i|` (:data:`OUTLIER_THRESHOLD` = 3.5).
    r : numpy.ndarray, optional
        Studentised residuals already computed.

    Returns
    -------
    list of Notice
        Empty, or one ``suspected_outliers`` notice (category ``"plausibility"``) naming the
        rows (the data file's rows when known, else 1-based positions in the fitted
        arrays) with their time and temperature.
    """
    r = studentized_residuals(fit) if r is None else r
    flagged = np.flatnonzero(np.abs(np.nan_to_num(r, nan=0.0)) > threshold)
    if flagged.size == 0:
        return []
    labels = _row_labels(fit)
    flagged = flagged[np.argsort(-np.abs(r[flagged]), kind="stable")]
    points = "; ".join(_point_text(fit, int(i), labels[int(i)]) for i in flagged)
    return [
        Notice(
            "suspected_outliers",
            "plausibility",
            fit.attribute.name,
            {
                "count": int(flagged.size),
                "points": points,
                "threshold": float(threshold),
                "max": float(np.max(np.abs(r[flagged]))),
            },
        )
    ]


def normal_scores(n: int) -> np.ndarray:
    r"""Expected standard normal order statistics for a Q-Q plot (Blom [6]_).

    :math:`z_i = \Phi^{-1}[(i - a)/(n + 1 - 2a)]` with :math:`a = 3/8` for
    :math:`n \le 10` and :math:`a = 1/2` otherwise (as R's ``ppoints``).
    """
    from scipy.special import ndtri

    if n <= 0:
        return np.empty(0)
    a = 0.375 if n <= 10 else 0.5
    i = np.arange(1, n + 1, dtype=float)
    return ndtri((i - a) / (n + 1 - 2 * a))
