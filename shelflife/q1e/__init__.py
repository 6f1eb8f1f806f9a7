"""ICH Q1E evaluation of real-time stability data at one storage condition.

This is the batch analysis that pharmaceutical stability software performs (Minitab
*Stability Study*, JMP *Degradation > Stability Test*, the R package expirest
``expirest_osle()``), for food labs that store several production batches (lots) at the
intended storage condition and want a defensible shelf life from the real-time data:

1. Fit three linear regressions of the attribute on storage time, with batch as a fixed
   factor: **cics** (common intercept, common slope), **dics** (different intercepts,
   common slope) and **dids** (different intercepts, different slopes).
2. Decide by sequential ANCOVA F tests at ``alpha_pool`` (0.25 in ICH Q1E) whether the
   batches may be pooled: first the slopes (batch × time), then the intercepts (batch).
3. Take as shelf life the earliest time at which the one-sided 95 % confidence bound of the
   *mean* regression line meets the specification limit (a two-sided band when there are a
   lower and an upper limit); with separate lines, the earliest over batches (the worst-case
   batch).

Everything here works on floats in one consistent time unit (days, weeks or months: the
result only carries the label). :func:`fit_q1e` takes arrays; :func:`q1e` takes a
:class:`~shelflife.study.Study` and one attribute. Both return an immutable
:class:`Q1EResult`.

The statistics are implemented from the method descriptions in ICH Q1E (2003), LeBlond,
Griffith & Aubuchon (2011) and the FDA (1987) guideline behind the SAS "STAB" macros, and
checked against the published numbers of LeBlond et al. and JMP (``tests/test_q1e.py``).

Examples
--------
>>> import numpy as np
>>> from shelflife.q1e import fit_q1e
>>> t = np.tile([0.0, 3, 6, 9, 12, 18], 3)
>>> batch = np.repeat(["A", "B", "C"], 6)
>>> y = 100.0 - 0.2 * t + np.tile([0.3, -0.2, 0.1, -0.3, 0.2, 0.0], 3)
>>> res = fit_q1e(t, y, batch, lower=95.0, time_unit="month", unit="%")
>>> res.model
'cics'
>>> round(res.shelf_life, 2)
23.41
"""

from ._common import (
    DIDS_VARIANTS,
    EXTRAPOLATION_CAP_MONTHS,
    EXTRAPOLATION_FACTOR,
    INTERVALS,
    MODELS,
    TRANSFORMS,
    TREND_ALPHA,
)
from .crossing import bound_crossing
from .fit import fit_q1e, q1e
from .results import Q1ELine, Q1EModel, Q1EResult, Q1ETest

__all__ = [
    "fit_q1e",
    "q1e",
    "bound_crossing",
    "Q1EResult",
    "Q1EModel",
    "Q1ELine",
    "Q1ETest",
    "MODELS",
    "DIDS_VARIANTS",
    "INTERVALS",
    "TRANSFORMS",
    "TREND_ALPHA",
    "EXTRAPOLATION_FACTOR",
    "EXTRAPOLATION_CAP_MONTHS",
]
