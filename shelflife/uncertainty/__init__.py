"""Intervals beyond the delta method, each named for what it is.

- :func:`bootstrap` -- residual, case (stratified by temperature) or parametric
  bootstrap; percentile and BCa intervals of the parameters and shelf lives
  (Efron & Tibshirani 1993; Davison & Hinkley 1997), expanded for the residual degrees
  of freedom by default (Hesterberg 2015).
- :func:`profile_interval`, :func:`profile_shelf_life` -- profile-likelihood intervals
  (Bates & Watts 1988, ch. 6), invariant to how the model is parameterised.
- :func:`monte_carlo` -- parameter draws from the multivariate t (or normal) of the fit
  and the resulting shelf-life distribution (as AccelStab); and
  :func:`probability_within_limit`, the probability that the mean, or a new
  measurement, is still within the limit at a claimed date.
- :func:`fit_many` -- the stacked Levenberg-Marquardt solver behind the bootstrap.
- :mod:`shelflife.uncertainty.calibration` -- simulated designs with known truth: the
  measured coverage of every interval (``docs/validation.md``), and the
  ``interval_undercovers`` notice where a method was measured to undercover.

Every result says its method, level, number of draws and seed, so an interval in a report
or JSON file can always be traced to how it was computed.
"""

from .montecarlo import MonteCarloResult, monte_carlo, probability_within_limit
from .profile import ProfileInterval, profile_interval, profile_shelf_life
from .resampling import KINDS, BootstrapResult, bootstrap
from .solver import FitManyResult, fit_many

__all__ = [
    "bootstrap",
    "BootstrapResult",
    "KINDS",
    "profile_interval",
    "profile_shelf_life",
    "ProfileInterval",
    "monte_carlo",
    "MonteCarloResult",
    "probability_within_limit",
    "fit_many",
    "FitManyResult",
]
