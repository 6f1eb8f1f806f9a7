"""Standardised log-location-scale distributions of ``W`` in ``ln T = μ + σ W``.

The same parameterisation as R ``survival::survreg`` (Meeker & Escobar 1998, ch. 4):

========================  ============================  ==============================
distribution of T         distribution of W             ``log F(w)`` / ``log S(w)``
========================  ============================  ==============================
Weibull                   smallest extreme value        ``log(1 - exp(-e^w))`` / ``-e^w``
log-normal                standard normal               ``log Φ(w)`` / ``log Φ(-w)``
log-logistic              standard logistic             ``log expit(w)`` / ``log expit(-w)``
========================  ============================  ==============================

The Weibull shape is ``1/σ`` and its scale ``exp(μ)``. Log-probabilities are computed with
:func:`scipy.special.log_ndtr`, :func:`scipy.special.log_expit` and ``log1p``/``expm1``
(the functions behind ``scipy.stats``' ``logcdf``/``logsf``) so that far tails do not
underflow; ``scipy.stats`` itself is not imported (it costs about half a second).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["Distribution", "DISTRIBUTIONS", "get_distribution"]


def _log1mexp(x: np.ndarray) -> np.ndarray:
    """``log(1 - exp(x))`` for ``x <= 0``, accurate at both ends (Mächler 2012)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > -np.log(2.0), np.log(-np.expm1(x)), np.log1p(-np.exp(x)))


@dataclass(frozen=True)
class Distribution:
    """A standardised distribution of ``W`` (location 0, scale 1)."""

    name: str
    label: str
    logcdf: Callable[[np.ndarray], np.ndarray]
    logsf: Callable[[np.ndarray], np.ndarray]
    ppf: Callable[[np.ndarray], np.ndarray]

    def log_interval(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``log(F(b) - F(a))`` for ``a < b`` (``a = -inf`` and ``b = inf`` allowed).

        Uses the upper tail (``S(a) - S(b)``) where ``a > 0`` and the lower tail otherwise,
        so that neither difference cancels.
        """
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        with np.errstate(invalid="ignore", over="ignore"):
            la, lb = self.logcdf(a), self.logcdf(b)
            low = lb + _log1mexp(la - lb)
            sa, sb = self.logsf(a), self.logsf(b)
            high = sa + _log1mexp(sb - sa)
        return np.where(a > 0, high, low)


def _sev_logcdf(w):
    with np.errstate(over="ignore"):
        return _log1mexp(-np.exp(np.asarray(w, dtype=float)))


def _sev_logsf(w):
    with np.errstate(over="ignore"):
        return -np.exp(np.asarray(w, dtype=float))


def _sev_ppf(p):
    return np.log(-np.log1p(-np.asarray(p, dtype=float)))


def _norm_logcdf(w):
    from scipy.special import log_ndtr

    return log_ndtr(np.asarray(w, dtype=float))


def _norm_logsf(w):
    from scipy.special import log_ndtr

    return log_ndtr(-np.asarray(w, dtype=float))


def _norm_ppf(p):
    from scipy.special import ndtri

    return ndtri(np.asarray(p, dtype=float))


def _logis_logcdf(w):
    from scipy.special import log_expit

    return log_expit(np.asarray(w, dtype=float))


def _logis_logsf(w):
    from scipy.special import log_expit

    return log_expit(-np.asarray(w, dtype=float))


def _logis_ppf(p):
    from scipy.special import logit

    return logit(np.asarray(p, dtype=float))


#: The distributions available to :func:`shelflife.sensory.fit_survival`.
DISTRIBUTIONS: dict[str, Distribution] = {
    "weibull": Distribution("weibull", "Weibull", _sev_logcdf, _sev_logsf, _sev_ppf),
    "lognormal": Distribution("lognormal", "log-normal", _norm_logcdf, _norm_logsf, _norm_ppf),
    "loglogistic": Distribution(
        "loglogistic", "log-logistic", _logis_logcdf, _logis_logsf, _logis_ppf
    ),
}
_ALIASES = {"log-normal": "lognormal", "log_normal": "lognormal", "log-logistic": "loglogistic"}


def get_distribution(name: str) -> Distribution:
    """The distribution called ``name`` (``weibull``, ``lognormal``, ``loglogistic``)."""
    from ..errors import InputError

    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key not in DISTRIBUTIONS:
        raise InputError(
            "sensory_distribution_unknown", name=str(name), known=", ".join(DISTRIBUTIONS)
        )
    return DISTRIBUTIONS[key]
