"""Predictive microbiology: microbial growth as a shelf-life attribute.

Modules, one topic each:

- :mod:`~shelflife.microbial.counts` — counts with units (CFU, log10, ln), detection limit
  (left censoring), CFU-versus-log checks, μmax log-base conversions;
- :mod:`~shelflife.microbial.primary` — Baranyi & Roberts, modified Gompertz, logistic,
  Huang, Richards (NIST Rat43), with closed-form times to a level;
- :mod:`~shelflife.microbial.fit` — :func:`fit_growth` on one curve → :class:`GrowthFit`;
- :mod:`~shelflife.microbial.secondary` — Ratkowsky (basic, extended), CTMI, Arrhenius;
- :mod:`~shelflife.microbial.global_fit` — one-step fit over temperatures →
  :class:`GrowthModel` with :class:`~shelflife.results.ShelfLife` results;
- :mod:`~shelflife.microbial.dynamic` — growth along a
  :class:`~shelflife.profiles.TemperatureProfile`.

μmax is stored per natural-log unit [1/day]; divide by ln 10 for the log10 slope.
"""

from __future__ import annotations

from .counts import Counts, counts, mu_ln_to_log10, mu_log10_to_ln, to_log10
from .dynamic import predict_dynamic, time_to_level_along
from .fit import GrowthFit, fit_growth
from .global_fit import GrowthModel, fit_growth_global
from .primary import PRIMARY_MODELS, baranyi, gompertz, huang, logistic, richards, time_to_level
from .secondary import SECONDARY_MODELS, arrhenius, ctmi, ratkowsky, ratkowsky_extended

__all__ = [
    "Counts",
    "counts",
    "to_log10",
    "mu_ln_to_log10",
    "mu_log10_to_ln",
    "PRIMARY_MODELS",
    "baranyi",
    "gompertz",
    "logistic",
    "huang",
    "richards",
    "time_to_level",
    "GrowthFit",
    "fit_growth",
    "SECONDARY_MODELS",
    "ratkowsky",
    "ratkowsky_extended",
    "ctmi",
    "arrhenius",
    "GrowthModel",
    "fit_growth_global",
    "predict_dynamic",
    "time_to_level_along",
]
