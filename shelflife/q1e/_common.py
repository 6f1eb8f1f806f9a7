"""Constants, titles and labels shared by the ICH Q1E modules."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    pass


#: The three ICH Q1E regression models, from simplest to most complex.
MODELS = ("cics", "dics", "dids")
#: How the separate-slopes model is evaluated (see :func:`fit_q1e`).
DIDS_VARIANTS = ("individual", "pooled_mse")
#: Bound of the mean (``"confidence"``) or of a new observation (``"prediction"``).
INTERVALS = ("confidence", "prediction")
#: Transformations of the response (``None``: untransformed).
TRANSFORMS = (None, "log", "log10", "sqrt")
#: Significance level of the slope test behind the ``q1e_no_trend`` notice.
TREND_ALPHA = 0.05
#: ICH Q1E extrapolation allowance: at most this multiple of the period covered by
#: long-term data (unverified: check the guideline text before relying on it).
EXTRAPOLATION_FACTOR = 2.0
#: ... and at most this many months beyond it (unverified, as above).
EXTRAPOLATION_CAP_MONTHS = 12.0
#: Fewest measurements of a batch for its own slope to have a residual degree of freedom.
MIN_POINTS_PER_BATCH = 3

_DAYS_PER_MONTH = 30.4375

MODEL_TITLES = {
    "cics": "common intercept, common slope",
    "dics": "different intercepts, common slope",
    "dids": "different intercepts, different slopes",
}
_MODEL_TITLES_ID = {
    "cics": "intersep sama, kemiringan sama",
    "dics": "intersep berbeda, kemiringan sama",
    "dids": "intersep berbeda, kemiringan berbeda",
}

# Labels of the plot and the HTML view that the shared catalogue does not have.
_LABELS = {
    "bound_confidence": {"en": "{level} % confidence bound", "id": "batas kepercayaan {level} %"},
    "bound_prediction": {"en": "{level} % prediction bound", "id": "batas prediksi {level} %"},
    "shelf_life": {"en": "shelf life {value} {unit}", "id": "umur simpan {value} {unit}"},
    "common_line": {"en": "common line", "id": "garis bersama"},
    "batch": {"en": "batch", "id": "batch"},
    "lower": {"en": "lower limit", "id": "batas bawah"},
    "upper": {"en": "upper limit", "id": "batas atas"},
}
_TIME_WORDS_ID = {"month": "bulan", "year": "tahun", "hour": "jam"}


def _num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf/None."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# Transforms of the response (ICH Q1E allows fitting a transformed attribute).
_FORWARD = {
    None: lambda x: x,
    "log": np.log,
    "log10": np.log10,
    "sqrt": np.sqrt,
}
_INVERSE = {
    None: lambda x: x,
    "log": np.exp,
    "log10": lambda x: np.power(10.0, x),
    "sqrt": lambda x: np.square(np.clip(x, 0, None)),
}
