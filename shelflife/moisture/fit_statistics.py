r"""Goodness of fit of a sorption isotherm: RMSE, :math:`R^2`, AIC/AICc/BIC and the MRD.

The mean relative deviation

.. math::

    \mathrm{MRD} = \frac{100}{n} \sum_{i=1}^{n} \frac{|m_i - \hat m_i|}{m_i}\ [\%]

is classed as in Indonesian practice: below 5 % *very accurate* (sangat tepat), 5–10 %
*fairly accurate* (agak tepat), above 10 % *not accurate* (tidak tepat) [1]_ [2]_. The
information criteria count the error variance as a parameter (Gaussian log-likelihood).

References
----------
.. [1] G. J. Lomauro, A. S. Bakshi and T. P. Labuza, "Evaluation of food moisture sorption
   isotherm equations. Part I: Fruit, vegetable and meat products," *Lebensm.-Wiss.
   Technol.*, vol. 18, pp. 111–117, 1985.
.. [2] Model kadar air kritis in Indonesian theses, e.g.
   https://text-id.123dok.com/document/1y9nk93rz-penentuan-model-sorpsi-isothermis-uji-ketepatan-model-penentuan-permeabilitas-kemasan-astm-1980.html
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["MRD_LIMITS", "mean_relative_deviation", "mrd_class"]

#: MRD class limits [%]: below the first "very accurate", up to the second "fairly
#: accurate", above it "not accurate".
MRD_LIMITS = (5.0, 10.0)

_MRD_WORDS = {
    "very_accurate": {"en": "very accurate", "id": "sangat tepat"},
    "fairly_accurate": {"en": "fairly accurate", "id": "agak tepat"},
    "not_accurate": {"en": "not accurate", "id": "tidak tepat"},
}


def mean_relative_deviation(observed: Any, predicted: Any) -> float:
    r"""Mean relative deviation :math:`\frac{100}{n}\sum |m_i - \hat m_i|/m_i` [%].

    Examples
    --------
    >>> round(mean_relative_deviation([0.10, 0.20], [0.11, 0.18]), 6)
    10.0
    """
    m = np.asarray(observed, dtype=float)
    p = np.asarray(predicted, dtype=float)
    return float(100.0 * np.mean(np.abs(m - p) / m))


def mrd_class(mrd: float, lang: str | None = None) -> str:
    """Class of a mean relative deviation as used in Indonesian practice.

    Parameters
    ----------
    mrd : float
        Mean relative deviation [%].
    lang : {"en", "id"}, optional
        Return the words in that language instead of the key.

    Returns
    -------
    str
        ``"very_accurate"`` (MRD < 5 %), ``"fairly_accurate"`` (5–10 %) or
        ``"not_accurate"`` (> 10 %), or their words (``"sangat tepat"``...).

    Examples
    --------
    >>> mrd_class(3.2), mrd_class(7.5, "id"), mrd_class(12.0, "en")
    ('very_accurate', 'agak tepat', 'not accurate')
    """
    if not math.isfinite(mrd):
        key = "not_accurate"
    elif mrd < MRD_LIMITS[0]:
        key = "very_accurate"
    elif mrd <= MRD_LIMITS[1]:
        key = "fairly_accurate"
    else:
        key = "not_accurate"
    return key if lang is None else _MRD_WORDS[key]["id" if lang == "id" else "en"]


def _num(x: Any) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def _statistics(m: np.ndarray, fitted: np.ndarray, p: int) -> dict[str, Any]:
    n = int(m.size)
    resid = m - fitted
    sse = float(resid @ resid)
    dof = n - p
    sst = float(np.sum((m - m.mean()) ** 2))
    k = p + 1  # parameters plus the error variance
    loglik = -0.5 * n * (math.log(2.0 * math.pi * max(sse, 1e-300) / n) + 1.0)
    aic = -2.0 * loglik + 2.0 * k
    mrd = mean_relative_deviation(m, fitted)
    return {
        "n": n,
        "p": p,
        "dof": dof,
        "sse": sse,
        "rmse": math.sqrt(sse / n),
        "sigma": math.sqrt(sse / dof) if dof > 0 else math.nan,
        "r_squared": 1.0 - sse / sst if sst > 0 else math.nan,
        "mrd_percent": mrd,
        "mrd_class": mrd_class(mrd),
        "aic": aic,
        "aicc": aic + 2.0 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else math.inf,
        "bic": -2.0 * loglik + k * math.log(n),
    }
