"""The lack-of-fit F test from replicate measurements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import _KEY_DECIMALS, ALPHA, _f_sf, _num

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


# ==================================================================== lack of fit
@dataclass(frozen=True)
class LackOfFit:
    r"""Result of the lack-of-fit F test (:func:`lack_of_fit`).

    Attributes
    ----------
    f_statistic : float
        :math:`F = (\mathrm{SS_{lof}}/\nu_{lof}) / (\mathrm{SS_{pe}}/\nu_{pe})` (``inf``
        when the replicates agree exactly but the curve misses them).
    p_value : float
        :math:`P(F_{\nu_{lof}, \nu_{pe}} > F)`.
    df_lack_of_fit, df_pure_error : int
        :math:`\nu_{lof} = m - p` and :math:`\nu_{pe} = n - m` with :math:`m` distinct
        conditions.
    ss_lack_of_fit, ss_pure_error : float
        Sums of squares [unit²].
    n_groups : int
        Distinct conditions :math:`m` (time, temperature[, RH]).
    n_replicated_groups : int
        Conditions measured more than once.
    """

    f_statistic: float
    p_value: float
    df_lack_of_fit: int
    df_pure_error: int
    ss_lack_of_fit: float
    ss_pure_error: float
    n_groups: int
    n_replicated_groups: int

    @property
    def ms_lack_of_fit(self) -> float:
        """Lack-of-fit mean square [unit²]."""
        return self.ss_lack_of_fit / self.df_lack_of_fit

    @property
    def ms_pure_error(self) -> float:
        """Pure-error mean square [unit²]."""
        return self.ss_pure_error / self.df_pure_error

    @property
    def pure_error_sd(self) -> float:
        """Standard deviation of replicates [unit], free of any model."""
        return float(np.sqrt(self.ms_pure_error))

    def significant(self, alpha: float = ALPHA) -> bool:
        """Whether the model misses the replicate means at level ``alpha``."""
        return bool(np.isfinite(self.p_value) and self.p_value < alpha)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "f_statistic": _num(self.f_statistic),
            "p_value": _num(self.p_value),
            "df_lack_of_fit": int(self.df_lack_of_fit),
            "df_pure_error": int(self.df_pure_error),
            "ss_lack_of_fit": _num(self.ss_lack_of_fit),
            "ss_pure_error": _num(self.ss_pure_error),
            "pure_error_sd": _num(self.pure_error_sd),
            "n_groups": int(self.n_groups),
            "n_replicated_groups": int(self.n_replicated_groups),
        }


def _condition_groups(fit: FitResult) -> np.ndarray:
    """Group index of each measurement by identical (time, temperature[, RH])."""
    keys = [np.round(fit.time, _KEY_DECIMALS), np.round(fit.temperature, _KEY_DECIMALS)]
    if fit.rh is not None and fit.model.temperature.uses_rh:
        keys.append(np.round(np.asarray(fit.rh, dtype=float), _KEY_DECIMALS))
    _, groups = np.unique(np.stack(keys, axis=-1), axis=0, return_inverse=True)
    return np.asarray(groups).ravel()


def lack_of_fit(fit: FitResult) -> LackOfFit | None:
    r"""Lack-of-fit F test against pure error from replicate measurements.

    Measurements at identical conditions (time, temperature and, for humidity models, RH)
    are replicates. With :math:`m` distinct conditions, group means :math:`\bar y_g` of
    :math:`n_g` replicates and :math:`p` free parameters, the residual sum of squares
    splits into pure error and lack of fit (Draper & Smith [1]_, §2.1):

    .. math::

        \mathrm{SS_{pe}} = \sum_g \sum_{i \in g} (y_i - \bar y_g)^2, \quad
        \nu_{pe} = n - m; \qquad
        \mathrm{SS_{lof}} = \mathrm{SSE} - \mathrm{SS_{pe}}
        = \sum_g n_g (\bar y_g - \hat y_g)^2, \quad \nu_{lof} = m - p,

    and :math:`F = (\mathrm{SS_{lof}}/\nu_{lof}) / (\mathrm{SS_{pe}}/\nu_{pe})` is compared
    with :math:`F_{\nu_{lof}, \nu_{pe}}`. A small p-value says the curve misses the
    replicate means by more than the replicates scatter: the reaction order or the
    temperature dependence is wrong, or something other than the model changes between
    pulls. For a nonlinear model the test is approximate (exact for models linear in
    their parameters, such as zero order at one temperature).

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    LackOfFit or None
        ``None`` when there are no replicates (:math:`\nu_{pe} = 0`) or no lack-of-fit
        degrees of freedom (:math:`m \le p`).
    """
    groups = _condition_groups(fit)
    y = np.asarray(fit.value, dtype=float)
    n = y.size
    m = int(groups.max()) + 1 if n else 0
    p = int(fit.statistics["p"])
    df_pe, df_lof = n - m, m - p
    if df_pe <= 0 or df_lof <= 0:
        return None
    counts = np.bincount(groups, minlength=m)
    means = np.bincount(groups, y, m) / counts
    ss_pe = float(np.sum((y - means[groups]) ** 2))
    # SS_lof from the fitted curve directly: exact, and free of cancellation in SSE - SS_pe
    fitted = np.asarray(fit.fitted, dtype=float)
    fitted_g = np.bincount(groups, fitted, m) / counts
    ss_lof = float(np.sum(counts * (means - fitted_g) ** 2))
    ms_lof, ms_pe = ss_lof / df_lof, ss_pe / df_pe
    if ms_pe > 0:
        f = ms_lof / ms_pe
    else:
        f = np.inf if ms_lof > 0 else np.nan
    return LackOfFit(
        f_statistic=float(f),
        p_value=_f_sf(f, df_lof, df_pe),
        df_lack_of_fit=int(df_lof),
        df_pure_error=int(df_pe),
        ss_lack_of_fit=ss_lof,
        ss_pure_error=ss_pe,
        n_groups=m,
        n_replicated_groups=int(np.sum(counts > 1)),
    )
