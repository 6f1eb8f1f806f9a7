r"""Error models: how the scatter of measurements depends on their level.

Ordinary least squares assumes a constant standard deviation. Many food attributes scatter
more at high values (peroxide value, microbial counts, browning), so the fit can weight
each measurement by the inverse of its variance :math:`v_i = \sigma^2 g(\mu_i)`:

================  ==========================================  =========================
error model       variance :math:`v(\mu)`                      extra parameter
================  ==========================================  =========================
``constant``      :math:`\sigma^2`                             --
``proportional``  :math:`\sigma^2 \mu^2` (constant CV)          --
``combined``      :math:`\sigma^2 (1 + c^2 \mu^2)`              :math:`c` (profile ML)
``replicates``    sample variance of the replicates at each     -- (weights fixed)
                  (time, temperature), pooled where too few
================  ==========================================  =========================

``proportional`` and ``combined`` are fitted by iteratively reweighted least squares
(generalised least squares with the variance function re-evaluated at the current mean,
Carroll & Ruppert [1]_); :math:`c` is estimated by maximising the Gaussian likelihood over
it with the mean fixed, at every iteration. The log-likelihood used for AIC includes the
weights, so AIC compares error models fairly on the same data.

References
----------
.. [1] R. J. Carroll and D. Ruppert, *Transformation and Weighting in Regression*.
   New York, NY, USA: Chapman & Hall, 1988, ch. 2-3.
.. [2] M. Davidian and D. M. Giltinan, *Nonlinear Models for Repeated Measurement Data*.
   London, U.K.: Chapman & Hall, 1995, §2.3 (the combined additive-proportional model).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "ERROR_MODELS",
    "relative_variance",
    "estimate_combined",
    "replicate_weights",
    "log_likelihood",
    "n_variance_parameters",
]

#: Error models accepted by :func:`shelflife.fitting.fit_floats`.
ERROR_MODELS = ("constant", "proportional", "combined", "replicates")


def relative_variance(error_model: str, mu: np.ndarray, c: float = 0.0) -> np.ndarray:
    r"""Variance function :math:`g(\mu)`, with :math:`v = \sigma^2 g(\mu)`.

    Dimensionless for ``constant``; [unit²] scale for ``proportional`` and ``combined``.
    """
    mu = np.asarray(mu, dtype=float)
    if error_model == "proportional":
        return np.maximum(mu**2, np.finfo(float).tiny)
    if error_model == "combined":
        return 1.0 + (c * mu) ** 2
    return np.ones_like(mu)


def estimate_combined(residuals: np.ndarray, mu: np.ndarray) -> float:
    r"""Maximum-likelihood :math:`c` of the combined model given the residuals and means.

    Minimises the profile deviance
    :math:`n \ln(\sum_i r_i^2/g_i / n) + \sum_i \ln g_i` with :math:`g_i = 1 + c^2\mu_i^2`
    over :math:`\ln c` (bounded search; :math:`c = 0` is the constant model).
    """
    from scipy.optimize import minimize_scalar

    r2 = np.asarray(residuals, dtype=float) ** 2
    mu2 = np.asarray(mu, dtype=float) ** 2
    n = r2.size
    scale = 1.0 / max(np.sqrt(np.mean(mu2)), 1e-12)

    def deviance(log_c: float) -> float:
        g = 1.0 + np.exp(2 * log_c) * mu2
        return n * np.log(np.sum(r2 / g) / n) + np.sum(np.log(g))

    lo, hi = np.log(scale) - 12.0, np.log(scale) + 12.0
    res = minimize_scalar(deviance, bounds=(lo, hi), method="bounded", options={"xatol": 1e-6})
    c = float(np.exp(res.x))
    # c at the lower end means no proportional part: the constant model
    return 0.0 if res.x <= lo + 1e-3 or deviance(res.x) >= deviance(lo) else c


def replicate_weights(t: np.ndarray, T: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Inverse replicate variances at each (time, temperature), pooled where needed.

    Groups with fewer than two values or zero variance get the pooled within-group variance.
    The weights are scaled to mean 1 (the scale is absorbed by sigma).
    """
    keys = np.stack([t, T], axis=-1)
    _, groups = np.unique(keys, axis=0, return_inverse=True)
    groups = groups.ravel()
    n = np.bincount(groups).astype(float)
    mean = np.bincount(groups, y) / n
    ss = np.bincount(groups, (y - mean[groups]) ** 2)
    dof = n - 1
    pooled = ss.sum() / dof.sum() if dof.sum() > 0 else 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.where((n >= 2) & (ss > 0), ss / np.where(dof > 0, dof, 1), pooled)
    w = 1.0 / var[groups]
    return w / w.mean()


def n_variance_parameters(error_model: str) -> int:
    """Variance parameters counted in AIC: sigma, plus c for the combined model."""
    return 2 if error_model == "combined" else 1


def log_likelihood(residuals: np.ndarray, weights: np.ndarray) -> float:
    r"""Gaussian log-likelihood with variances :math:`\hat\sigma^2 / w_i`, at the ML scale.

    :math:`-2\ln L = n\ln(2\pi\,\mathrm{WSSE}/n) - \sum_i \ln w_i + n`.
    """
    r = np.asarray(residuals, dtype=float)
    w = np.asarray(weights, dtype=float)
    n = r.size
    wsse = float(np.sum(w * r * r))
    if wsse <= 0:
        return np.inf
    return -0.5 * (n * np.log(2 * np.pi * wsse / n) - float(np.sum(np.log(w))) + n)
