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

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import InputError, Notice

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from .study import Attribute, Study

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


def _ols(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, int]:
    """Least squares by QR: coefficients, ``(XᵀX)⁻¹``, residual sum of squares, dof."""
    Qm, R = np.linalg.qr(X)
    beta = np.linalg.solve(R, Qm.T @ y)
    Rinv = np.linalg.solve(R, np.eye(R.shape[0]))
    resid = y - X @ beta
    return beta, Rinv @ Rinv.T, float(resid @ resid), int(X.shape[0] - X.shape[1])


def _design(time: np.ndarray, codes: np.ndarray, k: int, model: str) -> np.ndarray:
    """Design matrix of ``model`` ("c", "di", "cics", "dics", "dids")."""
    n = time.size
    D = np.zeros((n, k))
    D[np.arange(n), codes] = 1.0
    if model == "c":
        return np.ones((n, 1))
    if model == "di":
        return D
    if model == "cics":
        return np.column_stack([np.ones(n), time])
    if model == "dics":
        return np.column_stack([D, time])
    return np.column_stack([D, D * time[:, None]])


def _f_test(name: str, description: str, f: float, df1: int, df2: int) -> Q1ETest:
    from scipy.special import fdtrc

    with np.errstate(all="ignore"):
        p = float(fdtrc(df1, df2, f)) if np.isfinite(f) and df1 > 0 and df2 > 0 else math.nan
    return Q1ETest(name, description, float(f), int(df1), int(df2), p)


def _t(p: float, dof: int) -> float:
    from ._stats import t_quantile

    return t_quantile(p, dof)


# =========================================================================== results
@dataclass(frozen=True)
class Q1ETest:
    """An F test of the ICH Q1E analysis.

    Attributes
    ----------
    name : str
        ``"batch_time"`` (equality of slopes: dics vs dids), ``"batch"`` (equality of
        intercepts: cics vs dics), ``"dids_vs_cics"`` (both at once, JMP's test "A"),
        ``"regression"`` (the chosen model against a constant), ``"slope"`` (the time
        term(s) of the chosen model).
    description : str
        Plain-language description.
    f : float
        F statistic.
    df_num, df_den : int
        Numerator and denominator degrees of freedom.
    p_value : float
        Upper-tail probability of ``f``.
    """

    name: str
    description: str
    f: float
    df_num: int
    df_den: int
    p_value: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form ``{"f", "df", "p_value", "description"}``."""
        return {
            "f": _num(self.f),
            "df": [self.df_num, self.df_den],
            "p_value": _num(self.p_value),
            "description": self.description,
        }


@dataclass(frozen=True)
class Q1ELine:
    """One fitted regression line (one batch, or the common line) and its crossings.

    Attributes
    ----------
    batch : str or None
        Batch label; ``None`` for the common line of the cics model.
    n : int
        Measurements behind the line (all of them for a pooled model).
    intercept, slope : float
        ``mu(t) = intercept + slope·t`` [value unit (transformed scale)], [per time unit].
    var_intercept, cov_intercept_slope, var_slope : float
        Covariance of the two coefficients.
    sigma : float
        Residual standard deviation used for the line's bound [value unit].
    dof : int
        Residual degrees of freedom of that variance.
    quantile : float
        Student-t quantile of the bound (one-sided ``level``, or ``0.5 + level/2`` for a
        two-sided specification).
    extra_variance : float
        0 for a confidence bound of the mean; ``sigma²`` for a prediction bound.
    crossing_lower, crossing_upper : float
        Where the bound meets the lower / upper limit [time unit] (``nan`` if that side has
        no limit, ``inf`` if never, 0 if already beyond at time zero).
    """

    batch: str | None
    n: int
    intercept: float
    slope: float
    var_intercept: float
    cov_intercept_slope: float
    var_slope: float
    sigma: float
    dof: int
    quantile: float
    extra_variance: float
    crossing_lower: float
    crossing_upper: float

    @property
    def intercept_se(self) -> float:
        """Standard error of the intercept."""
        return math.sqrt(max(self.var_intercept, 0.0))

    @property
    def slope_se(self) -> float:
        """Standard error of the slope."""
        return math.sqrt(max(self.var_slope, 0.0))

    @property
    def crossing(self) -> float:
        """Earliest crossing over the sides of the specification [time unit]."""
        values = [x for x in (self.crossing_lower, self.crossing_upper) if not math.isnan(x)]
        return min(values) if values else math.nan

    @property
    def limiting_side(self) -> str | None:
        """``"lower"`` or ``"upper"``: the side met first (``None`` if neither is met)."""
        lo, up = self.crossing_lower, self.crossing_upper
        if math.isnan(up) or (not math.isnan(lo) and lo <= up):
            return "lower" if math.isfinite(lo) else None
        return "upper" if math.isfinite(up) else None

    def mean(self, time: Any) -> np.ndarray:
        """Fitted mean at ``time`` [time unit], on the fitted (transformed) scale."""
        return self.intercept + self.slope * np.asarray(time, dtype=float)

    def stderr(self, time: Any) -> np.ndarray:
        """Standard error of the mean (plus ``extra_variance``) at ``time``."""
        t = np.asarray(time, dtype=float)
        var = (
            self.var_intercept
            + 2 * self.cov_intercept_slope * t
            + self.var_slope * t * t
            + self.extra_variance
        )
        return np.sqrt(np.clip(var, 0, None))

    def to_dict(self, unit: str, time_unit: str) -> dict[str, Any]:
        """JSON form of the line with quantities ``{"value", "unit", "stderr"}``."""
        slope_unit = f"{unit}/{time_unit}" if unit else f"1/{time_unit}"
        return {
            "batch": self.batch,
            "n": self.n,
            "intercept": {
                "value": _num(self.intercept),
                "unit": unit,
                "stderr": _num(self.intercept_se),
            },
            "slope": {
                "value": _num(self.slope),
                "unit": slope_unit,
                "stderr": _num(self.slope_se),
            },
            "residual_standard_error": _num(self.sigma),
            "dof": self.dof,
            "t_quantile": _num(self.quantile),
            "crossing": {"value": _num(self.crossing), "unit": time_unit},
            "crossing_lower": {"value": _num(self.crossing_lower), "unit": time_unit},
            "crossing_upper": {"value": _num(self.crossing_upper), "unit": time_unit},
            "limiting_side": self.limiting_side,
        }


@dataclass(frozen=True)
class Q1EModel:
    """One of the ICH Q1E models fitted to the data, with its shelf life.

    Attributes
    ----------
    name : {"cics", "dics", "dids"}
    variant : {"pooled", "pooled_mse", "individual"}
        ``"pooled"`` for cics and dics (one residual variance); for dids, ``"pooled_mse"``
        (one ANCOVA fit, residual variance pooled over batches) or ``"individual"`` (each
        batch fitted on its own with its own residual variance).
    lines : tuple of Q1ELine
        One per batch (one common line for cics).
    rss : float
        Residual sum of squares (summed over batches for ``"individual"``).
    dof : int
        Residual degrees of freedom (summed over batches for ``"individual"``).
    n_params : int
        Number of regression coefficients.
    """

    name: str
    variant: str
    lines: tuple[Q1ELine, ...]
    rss: float
    dof: int
    n_params: int

    @property
    def key(self) -> str:
        """``"cics"``, ``"dics"``, ``"dids_pooled_mse"`` or ``"dids_individual"``."""
        return self.name if self.name != "dids" else f"dids_{self.variant}"

    @property
    def sigma(self) -> float:
        """Pooled residual standard deviation ``sqrt(rss/dof)``."""
        return math.sqrt(self.rss / self.dof) if self.dof > 0 else math.nan

    @property
    def worst_line(self) -> Q1ELine:
        """The line whose bound meets the specification first (first batch on ties)."""
        return min(self.lines, key=lambda ln: ln.crossing)

    @property
    def shelf_life(self) -> float:
        """Earliest crossing over batches [time unit]."""
        return self.worst_line.crossing

    @property
    def worst_batch(self) -> str | None:
        """Batch that limits the shelf life (``None`` for the common line of cics)."""
        return self.worst_line.batch

    @property
    def limiting_side(self) -> str | None:
        """Specification side met first (``"lower"``/``"upper"``, ``None`` if never)."""
        return self.worst_line.limiting_side

    def line(self, batch: str | None) -> Q1ELine:
        """The line of ``batch`` (the common line for cics, whatever ``batch`` is)."""
        if self.name == "cics":
            return self.lines[0]
        for ln in self.lines:
            if ln.batch == batch:
                return ln
        names = ", ".join(str(ln.batch) for ln in self.lines)
        raise InputError("option_unknown", what="batch", value=batch, choices=names)


@dataclass(frozen=True)
class Q1EResult:
    """ICH Q1E shelf-life evaluation of batch data at one storage condition.

    Build it with :func:`fit_q1e` or :func:`q1e`. Numbers are in the time unit
    ``time_unit`` and, for coefficients, on the scale of ``transform``.

    Attributes
    ----------
    attribute : str
        Name of the attribute.
    unit : str
        Unit of the attribute and the limits.
    time_unit : str
        Unit of the time values and of every time in the result (e.g. ``"month"``).
    model : {"cics", "dics", "dids"}
        The model the shelf life comes from.
    selection : {"poolability", "declared", "single_batch"}
        How it was chosen: by the ANCOVA tests, fixed by the caller, or because there is
        only one batch.
    dids_variant : {"individual", "pooled_mse"}
        How the dids model gives its shelf life.
    interval : {"confidence", "prediction"}
        Bound of the mean (ICH Q1E) or of a new observation.
    level : float
        Confidence level (0.95): one-sided for one limit, two-sided band for two limits.
    alpha_pool : float
        Significance level of the poolability tests.
    lower, upper : float or None
        Specification limits [unit] (untransformed).
    transform : {None, "log", "log10", "sqrt"}
        Transformation of the response before fitting (limits transformed alike).
    batches : tuple of str
        Batch labels in order of first appearance.
    time, value : numpy.ndarray
        The data used [time unit], [unit] (read-only).
    batch : numpy.ndarray
        Batch label of each measurement (read-only).
    models : dict
        :class:`Q1EModel` by key: ``"cics"``, and with two or more batches ``"dics"``,
        ``"dids_pooled_mse"`` and ``"dids_individual"``.
    tests : dict
        :class:`Q1ETest` by name (``"batch_time"``, ``"batch"``, ``"dids_vs_cics"``,
        ``"regression"``, ``"slope"``).
    notices : tuple of Notice
        Guardrail warnings (extrapolation, no trend, single batch...).
    days_per_time_unit : float or None
        Length of one time unit in days, when the unit is a known time unit.
    """

    attribute: str
    unit: str
    time_unit: str
    model: str
    selection: str
    dids_variant: str
    interval: str
    level: float
    alpha_pool: float
    lower: float | None
    upper: float | None
    transform: str | None
    batches: tuple[str, ...]
    time: np.ndarray
    value: np.ndarray
    batch: np.ndarray
    models: dict[str, Q1EModel]
    tests: dict[str, Q1ETest]
    notices: tuple[Notice, ...] = ()
    days_per_time_unit: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------ accessors
    def _key(self, name: str | None) -> str:
        name = name or self.model
        if name == "dids":
            name = f"dids_{self.dids_variant}"
        if name not in self.models:
            raise InputError(
                "option_unknown", what="model", value=name, choices=", ".join(self.models)
            )
        return name

    def get_model(self, name: str | None = None) -> Q1EModel:
        """A fitted model by name; the chosen one by default.

        ``name`` is ``"cics"``, ``"dics"``, ``"dids"`` (in the result's ``dids_variant``),
        ``"dids_pooled_mse"`` or ``"dids_individual"``.
        """
        return self.models[self._key(name)]

    @property
    def selected(self) -> Q1EModel:
        """The chosen model (for dids, in the result's ``dids_variant``)."""
        return self.get_model()

    @property
    def shelf_life(self) -> float:
        """Shelf life [time unit].

        ``inf`` if the bound never meets a limit, 0 if it is beyond one at time zero.
        """
        return self.selected.shelf_life

    @property
    def shelf_life_days(self) -> float | None:
        """Shelf life in days, when ``time_unit`` is a known time unit [day]."""
        if self.days_per_time_unit is None:
            return None
        return self.shelf_life * self.days_per_time_unit

    @property
    def worst_batch(self) -> str | None:
        """The batch that limits the shelf life (``None`` when the batches are pooled)."""
        return self.selected.worst_batch

    @property
    def limiting_side(self) -> str | None:
        """``"lower"`` or ``"upper"``: the specification limit met first."""
        return self.selected.limiting_side

    @property
    def sided(self) -> str:
        """``"one-sided"`` (one limit) or ``"two-sided"`` (lower and upper limits)."""
        return "two-sided" if self.lower is not None and self.upper is not None else "one-sided"

    @property
    def last_time(self) -> float:
        """Latest storage time in the data [time unit]."""
        return float(np.max(self.time))

    @property
    def crossing_by_model(self) -> dict[str, float]:
        """Shelf life each model would give [time unit].

        Keys ``cics``, ``dics``, ``dids`` (the latter in the result's ``dids_variant``; both
        variants are in :attr:`models`).
        """
        out = {}
        for name in MODELS:
            key = name if name != "dids" else f"dids_{self.dids_variant}"
            if key in self.models:
                out[name] = self.models[key].shelf_life
        return out

    @property
    def intercepts(self) -> dict[str, float]:
        """Intercept of each batch in the chosen model (fitted scale)."""
        m = self.selected
        return {b: m.line(b).intercept for b in self.batches}

    @property
    def slopes(self) -> dict[str, float]:
        """Slope of each batch in the chosen model [fitted unit per time unit]."""
        m = self.selected
        return {b: m.line(b).slope for b in self.batches}

    @property
    def sigma(self) -> float:
        """Residual standard deviation of the chosen model (pooled over batches)."""
        return self.selected.sigma

    @property
    def dof(self) -> int:
        """Residual degrees of freedom of the chosen model."""
        return self.selected.dof

    @property
    def coefficient_unit(self) -> str:
        """Unit label of the intercepts (``"log(%)"`` style when transformed)."""
        return self.unit if self.transform is None else f"{self.transform}({self.unit})"

    # ------------------------------------------------------------ prediction
    def _inverse(self, x: np.ndarray) -> np.ndarray:
        return _INVERSE[self.transform](x)

    def predict(
        self, time: Any, *, batch: str | None = None, model: str | None = None
    ) -> pd.DataFrame:
        """Fitted mean and the bounds used for the shelf life, back-transformed.

        Parameters
        ----------
        time : array_like
            Storage times [time unit].
        batch : str, optional
            Batch whose line is wanted; the worst-case batch by default (ignored for cics).
        model : str, optional
            ``"cics"``, ``"dics"``, ``"dids"``, ``"dids_pooled_mse"`` or
            ``"dids_individual"``; the chosen model by default.

        Returns
        -------
        pandas.DataFrame
            ``time``, ``estimate``, ``lower``, ``upper`` [unit]: the mean and
            ``estimate ∓ q·se`` with the quantile of the shelf-life bound (one-sided
            ``level`` for one limit, so ``lower`` is the one-sided lower bound; two-sided
            for two limits); ``se`` includes the residual variance for
            ``interval="prediction"``.
        """
        import pandas as pd

        m = self.get_model(model)
        ln = m.line(batch if batch is not None else m.worst_batch)
        t = np.atleast_1d(np.asarray(time, dtype=float))
        mu, se = ln.mean(t), ln.stderr(t)
        with np.errstate(all="ignore"):
            return pd.DataFrame(
                {
                    "time": t,
                    "estimate": self._inverse(mu),
                    "lower": self._inverse(mu - ln.quantile * se),
                    "upper": self._inverse(mu + ln.quantile * se),
                }
            )

    # ---------------------------------------------------------------- tables
    def summary(self) -> pd.DataFrame:
        """One row per model and line: coefficients, standard errors and crossing times.

        Returns
        -------
        pandas.DataFrame
            ``model`` (key), ``batch``, ``n``, ``intercept``, ``intercept_se``, ``slope``,
            ``slope_se``, ``sigma``, ``dof``, ``t_quantile``, ``crossing`` [time unit],
            ``limiting_side``, ``selected`` (the line's model is the chosen one).
        """
        import pandas as pd

        chosen = self.selected.key
        rows = []
        for key, m in self.models.items():
            for ln in m.lines:
                rows.append(
                    {
                        "model": key,
                        "batch": ln.batch if ln.batch is not None else "(all)",
                        "n": ln.n,
                        "intercept": ln.intercept,
                        "intercept_se": ln.intercept_se,
                        "slope": ln.slope,
                        "slope_se": ln.slope_se,
                        "sigma": ln.sigma,
                        "dof": ln.dof,
                        "t_quantile": ln.quantile,
                        f"crossing [{self.time_unit}]": ln.crossing,
                        "limiting_side": ln.limiting_side,
                        "selected": key == chosen,
                    }
                )
        return pd.DataFrame(rows)

    def anova(self) -> pd.DataFrame:
        """The F tests: ``test``, ``description``, ``F``, ``df_num``, ``df_den``, ``p_value``."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "test": k,
                    "description": v.description,
                    "F": v.f,
                    "df_num": v.df_num,
                    "df_den": v.df_den,
                    "p_value": v.p_value,
                }
                for k, v in self.tests.items()
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description (quantities as ``{"value", "unit"}``; no nan or inf).

        An infinite shelf life (no crossing) is ``null`` with ``"crossing": false``.
        """
        tu = self.time_unit
        cu = self.coefficient_unit

        def q(x: float, unit: str = tu) -> dict[str, Any]:
            return {"value": _num(x), "unit": unit}

        sl = self.shelf_life
        out: dict[str, Any] = {
            "method": "ICH Q1E",
            "attribute": self.attribute,
            "unit": self.unit,
            "time_unit": tu,
            "specification": {
                "lower": None if self.lower is None else q(self.lower, self.unit),
                "upper": None if self.upper is None else q(self.upper, self.unit),
                "sided": self.sided,
            },
            "settings": {
                "alpha_pool": self.alpha_pool,
                "level": self.level,
                "interval": self.interval,
                "dids_variant": self.dids_variant,
                "transform": self.transform,
            },
            "n": int(self.value.size),
            "batches": list(self.batches),
            "last_time": q(self.last_time),
            "model": self.model,
            "model_title": MODEL_TITLES[self.model],
            "selection": self.selection,
            "shelf_life": q(sl),
            "shelf_life_days": None
            if self.shelf_life_days is None
            else q(self.shelf_life_days, "day"),
            "crossing": bool(math.isfinite(sl)),
            "limiting_side": self.limiting_side,
            "worst_batch": self.worst_batch,
            "crossing_by_model": {k: q(v) for k, v in self.crossing_by_model.items()},
            "tests": {k: v.to_dict() for k, v in self.tests.items()},
            "models": {
                k: {
                    "model": m.name,
                    "variant": m.variant,
                    "residual_standard_error": _num(m.sigma),
                    "dof": m.dof,
                    "rss": _num(m.rss),
                    "shelf_life": q(m.shelf_life),
                    "worst_batch": m.worst_batch,
                    "limiting_side": m.limiting_side,
                    "lines": [ln.to_dict(cu, tu) for ln in m.lines],
                }
                for k, m in self.models.items()
            },
            "warnings": [n.to_dict() for n in self.notices],
        }
        if math.isfinite(sl) and self.days_per_time_unit is not None:
            from .units import format_duration

            out["months_days"] = format_duration(sl * self.days_per_time_unit, "en")
            out["months_days_id"] = format_duration(sl * self.days_per_time_unit, "id")
        return out

    # ---------------------------------------------------------------- display
    def _shelf_life_text(self) -> str:
        sl = self.shelf_life
        if not math.isfinite(sl):
            return "no crossing (the bound never reaches the limit)"
        text = f"{sl:.4g} {self.time_unit}"
        if self.worst_batch is not None:
            text += f", worst-case batch {self.worst_batch}"
        if self.limiting_side is not None:
            text += f", {self.limiting_side} limit"
        return text

    def __str__(self) -> str:
        pct = f"{100 * self.level:g} %"
        lines = [
            f"ICH Q1E, {self.attribute} [{self.unit}]: model {self.model} "
            f"({MODEL_TITLES[self.model]}), chosen by {self.selection}",
            f"  shelf life: {self._shelf_life_text()}",
            f"  bound: {self.sided} {pct} {self.interval} bound"
            + (" of the mean" if self.interval == "confidence" else " of a new observation"),
        ]
        for k, v in self.tests.items():
            lines.append(
                f"  F {k:12s} = {v.f:.4g} (df {v.df_num}, {v.df_den}), p = {v.p_value:.3g}"
            )
        cross = ", ".join(f"{k} {v:.4g}" for k, v in self.crossing_by_model.items())
        lines.append(f"  crossing by model [{self.time_unit}]: {cross}")
        for n in self.notices:
            lines.append(f"  ! {n.message('en')}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        tu = e(self.time_unit)
        parts = [
            f"<p><b>ICH Q1E</b> &mdash; {e(self.attribute)} [{e(self.unit)}]: model "
            f"<b>{e(self.model)}</b> ({e(MODEL_TITLES[self.model])}), chosen by "
            f"{e(self.selection)}. Shelf life: <b>{e(self._shelf_life_text())}</b>.</p>"
        ]
        if self.tests:
            rows = "".join(
                f"<tr><td>{e(k)}</td><td>{e(v.description)}</td><td>{v.f:.4g}</td>"
                f"<td>{v.df_num}, {v.df_den}</td><td>{v.p_value:.3g}</td></tr>"
                for k, v in self.tests.items()
            )
            parts.append(
                "<table><thead><tr><th>test</th><th></th><th>F</th><th>df</th><th>p</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>"
            )
        rows = "".join(
            f"<tr><td>{e(m.key)}</td><td>{m.shelf_life:.4g}</td>"
            f"<td>{e(str(m.worst_batch or '–'))}</td><td>{e(str(m.limiting_side or '–'))}</td>"
            "</tr>"
            for m in self.models.values()
        )
        parts.append(
            f"<table><thead><tr><th>model</th><th>crossing [{tu}]</th><th>worst batch</th>"
            f"<th>side</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        m = self.selected
        rows = "".join(
            f"<tr><td>{e(str(ln.batch or '(all)'))}</td><td>{ln.intercept:.6g} ± "
            f"{ln.intercept_se:.2g}</td><td>{ln.slope:.6g} ± {ln.slope_se:.2g}</td>"
            f"<td>{ln.crossing:.4g}</td></tr>"
            for ln in m.lines
        )
        parts.append(
            f"<table><thead><tr><th>batch</th><th>intercept [{e(self.coefficient_unit)}]</th>"
            f"<th>slope [per {tu}]</th><th>crossing [{tu}]</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        if self.notices:
            items = "".join(f"<li>{e(n.message('en'))}</li>" for n in self.notices)
            parts.append(f"<ul>{items}</ul>")
        return "<div class='shelflife-q1e'>" + "".join(parts) + "</div>"

    def plot(self, ax: Axes | None = None, *, model: str | None = None, lang: str = "en"):
        """Data per batch, fitted lines, their bounds, the limits and the shelf life.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        model : str, optional
            Model whose lines are drawn (the chosen one by default).
        lang : {"en", "id"}
            Language of the labels.

        Returns
        -------
        matplotlib.axes.Axes
            x: storage time [time unit]; y: the attribute [its unit].
        """
        from .report.i18n import check_lang

        check_lang(lang)
        import matplotlib

        from . import plotting

        with matplotlib.rc_context(plotting.STYLE):
            return _draw_q1e(self, plotting._axes(ax), self.get_model(model), lang)


# =========================================================================== plotting
def _label(key: str, lang: str, **params: Any) -> str:
    return _LABELS[key][lang].format(**params)


def _time_label(unit: str, lang: str) -> str:
    from .report.i18n import unit_label

    text = unit_label(unit, lang)
    if lang == "id":
        text = _TIME_WORDS_ID.get(text, text)
    return text


def _draw_q1e(res: Q1EResult, ax: Axes, m: Q1EModel, lang: str) -> Axes:
    from . import plotting
    from .report.i18n import format_number, t, unit_label

    last = res.last_time if res.last_time > 0 else 1.0
    sl = m.shelf_life
    end = max(last, min(sl, 3 * last) if math.isfinite(sl) else last) * 1.05
    grid = np.linspace(0.0, end, 200)
    colours, markers = plotting._COLOURS, plotting._MARKERS
    sides = [s for s, v in (("lower", res.lower), ("upper", res.upper)) if v is not None]
    pct = format_number(100 * res.level, lang, 3, significant=True, trim=True)
    bound_label = _label(f"bound_{res.interval}", lang, level=pct)
    for i, b in enumerate(res.batches):
        mask = res.batch == b
        c = colours[i % len(colours)]
        ax.plot(
            res.time[mask],
            res.value[mask],
            linestyle="none",
            marker=markers[i % len(markers)],
            color=c,
            markeredgecolor="white",
            markeredgewidth=0.5,
            alpha=0.85,
            label=f"{_label('batch', lang)} {b}",
            zorder=3,
        )
    for i, ln in enumerate(m.lines):
        c = "#222222" if ln.batch is None else colours[i % len(colours)]
        label = _label("common_line", lang) if ln.batch is None else None
        mu, se = ln.mean(grid), ln.stderr(grid)
        with np.errstate(all="ignore"):
            ax.plot(grid, res._inverse(mu), color=c, linewidth=1.4, label=label, zorder=2)
            for j, side in enumerate(sides):
                sign = -1.0 if side == "lower" else 1.0
                ax.plot(
                    grid,
                    res._inverse(mu + sign * ln.quantile * se),
                    color=c,
                    linewidth=0.9,
                    linestyle=(0, (3, 2)),
                    label=bound_label if (i == 0 and j == 0) else None,
                    zorder=2,
                )
    for side in sides:
        v = res.lower if side == "lower" else res.upper
        ax.axhline(
            v,
            **plotting._LIMIT_STYLE,
            label=f"{_label(side, lang)} {format_number(v, lang, 6, significant=True, trim=True)}",
        )
    tu = _time_label(res.time_unit, lang)
    if math.isfinite(sl) and sl <= end:
        ax.axvline(sl, color="#D55E00", linewidth=1.2, linestyle="-.", zorder=1)
        side = m.limiting_side
        if side is not None:
            v = res.lower if side == "lower" else res.upper
            ax.plot([sl], [v], marker="v", color="#D55E00", zorder=4)
        ax.plot(
            [],
            [],
            color="#D55E00",
            linestyle="-.",
            label=_label(
                "shelf_life",
                lang,
                value=format_number(sl, lang, 3, significant=True, trim=True),
                unit=tu,
            ),
        )
    name = res.attribute.replace("_", " ")
    ax.set_xlabel(t("axis_time", lang, unit=tu))
    ax.set_ylabel(t("axis_value", lang, name=name, unit=unit_label(res.unit, lang)))
    ax.set_xlim(left=-0.015 * end, right=end)
    titles = MODEL_TITLES if lang == "en" else _MODEL_TITLES_ID
    ax.set_title(f"ICH Q1E: {m.name} ({titles[m.name]})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    plotting._localise(ax.xaxis, lang)
    plotting._localise(ax.yaxis, lang)
    return ax


# =========================================================================== fitting
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


def _check_choice(what: str, value: Any, choices: tuple) -> None:
    if value not in choices:
        raise InputError(
            "option_unknown",
            what=what,
            value=value,
            choices=", ".join("None" if c is None else repr(c) for c in choices),
        )


def _check_open_unit(name: str, value: float, example: float) -> None:
    if not (isinstance(value, (int, float)) and 0.0 < float(value) < 1.0):
        raise InputError("q1e_bad_setting", name=name, value=value, low=0, high=1, example=example)


def _transform(values: np.ndarray, transform: str | None, what: str) -> np.ndarray:
    if transform is None:
        return values
    bad = values <= 0 if transform in ("log", "log10") else values < 0
    if np.any(bad):
        raise InputError(
            "q1e_transform_domain",
            transform=transform,
            value=float(values[np.argmax(bad)]),
            what=what,
        )
    return _FORWARD[transform](values)


def _lines_from_fit(
    name: str,
    beta: np.ndarray,
    cov: np.ndarray,
    k: int,
    labels: tuple[str, ...],
    counts: np.ndarray,
) -> list[tuple]:
    """``(batch, n, a, b, V00, V01, V11)`` per line of a pooled-variance model."""
    if name == "cics":
        return [(None, int(counts.sum()), beta[0], beta[1], cov[0, 0], cov[0, 1], cov[1, 1])]
    out = []
    for i in range(k):
        j = k if name == "dics" else k + i
        out.append((labels[i], int(counts[i]), beta[i], beta[j], cov[i, i], cov[i, j], cov[j, j]))
    return out


def _build_model(
    name: str,
    variant: str,
    raw_lines: list[tuple],
    sigmas: list[float],
    dofs: list[int],
    rss: float,
    dof: int,
    n_params: int,
    limits: dict[str, float],
    level: float,
    interval: str,
) -> Q1EModel:
    p = level if len(limits) == 1 else 0.5 + level / 2
    arr = np.array([ln[2:] for ln in raw_lines], dtype=float).reshape(-1, 5)
    sig = np.asarray(sigmas, dtype=float)
    qs = np.array([_t(p, d) for d in dofs])
    extra = sig**2 if interval == "prediction" else np.zeros_like(sig)
    cross = {}
    for side in ("lower", "upper"):
        if side in limits:
            cross[side] = bound_crossing(
                arr[:, 0],
                arr[:, 1],
                arr[:, 2],
                arr[:, 3],
                arr[:, 4],
                limits[side],
                side,
                qs,
                extra,
            )
        else:
            cross[side] = np.full(len(raw_lines), np.nan)
    lines = tuple(
        Q1ELine(
            batch=ln[0],
            n=ln[1],
            intercept=float(ln[2]),
            slope=float(ln[3]),
            var_intercept=float(ln[4]),
            cov_intercept_slope=float(ln[5]),
            var_slope=float(ln[6]),
            sigma=float(sig[i]),
            dof=int(dofs[i]),
            quantile=float(qs[i]),
            extra_variance=float(extra[i]),
            crossing_lower=float(cross["lower"][i]),
            crossing_upper=float(cross["upper"][i]),
        )
        for i, ln in enumerate(raw_lines)
    )
    return Q1EModel(name, variant, lines, float(rss), int(dof), int(n_params))


def fit_q1e(
    time: Any,
    value: Any,
    batch: Any = None,
    *,
    lower: float | None = None,
    upper: float | None = None,
    alpha_pool: float = 0.25,
    level: float = 0.95,
    dids_variant: str = "individual",
    interval: str = "confidence",
    transform: str | None = None,
    model: str | None = None,
    time_unit: str = "day",
    unit: str = "",
    attribute: str = "value",
) -> Q1EResult:
    """ICH Q1E shelf life from batch data at one storage condition.

    Parameters
    ----------
    time : array_like
        Storage time of each measurement [time unit; any unit, named by ``time_unit``].
    value : array_like
        Measured attribute [``unit``]. Rows where time or value is not finite are dropped.
    batch : array_like, optional
        Batch (lot) label of each measurement; ``None`` for a single batch.
    lower, upper : float, optional
        Specification limits [``unit``]. One of them: a one-sided bound at ``level``; both:
        a two-sided band at ``level`` (quantile ``0.5 + level/2``) and the earliest
        crossing on either side.
    alpha_pool : float
        Significance level of the poolability tests (0.25 in ICH Q1E).
    level : float
        Confidence level of the bound (0.95).
    dids_variant : {"individual", "pooled_mse"}
        Shelf life of the separate-slopes model: ``"individual"`` fits each batch alone
        with its own residual variance (JMP, expirest); ``"pooled_mse"`` uses the single
        ANCOVA fit with the residual variance pooled over batches (LeBlond et al. 2011).
    interval : {"confidence", "prediction"}
        Bound of the mean regression line (ICH Q1E), or of a new observation (expirest
        ``ivl = "prediction"``), which adds the residual variance.
    transform : {None, "log", "log10", "sqrt"}
        Fit the transformed response (limits transformed alike). ``"log"`` makes the lines
        first-order kinetics. The transforms are increasing, so the crossing times equal
        those of the back-transformed bounds.
    model : {None, "cics", "dics", "dids"}
        Use this model instead of choosing by the poolability tests (a pre-specified
        analysis). The tests are still reported.
    time_unit : str
        Label of the time unit (``"day"``, ``"month"``...); every time in the result is in
        it.
    unit : str
        Unit of the attribute, for labels and JSON.
    attribute : str
        Name of the attribute, for labels and notices.

    Returns
    -------
    Q1EResult

    Raises
    ------
    shelflife.errors.InputError
        ``q1e_lengths`` (arrays of different lengths), ``q1e_no_limit``,
        ``q1e_limits_order``, ``q1e_too_few_points`` (a batch with fewer than 3
        measurements or fewer than 2 distinct times), ``q1e_transform_domain``,
        ``q1e_bad_setting`` (``level`` or ``alpha_pool`` outside (0, 1)),
        ``option_unknown``.

    Notes
    -----
    With batches ``i = 1..k``, ``n`` measurements and residual sums of squares
    ``RSS_m`` of the models

    - cics: ``y = a + b·t``            (2 coefficients),
    - dics: ``y = a_i + b·t``          (k + 1),
    - dids: ``y = a_i + b_i·t``        (2k),

    the poolability tests share the dids residual mean square
    ``MSE = RSS_dids/(n − 2k)`` as denominator (sequential ANCOVA, as in R
    ``anova(dids, dics, cics)``)::

        F_batch×time = [(RSS_dics − RSS_dids)/(k − 1)] / MSE   ~ F(k − 1, n − 2k)
        F_batch      = [(RSS_cics − RSS_dics)/(k − 1)] / MSE   ~ F(k − 1, n − 2k)

    If ``p(batch×time) < alpha_pool`` the slopes differ (dids); otherwise if
    ``p(batch) < alpha_pool`` the intercepts differ (dics); otherwise cics. JMP's "A"
    test ``[(RSS_cics − RSS_dids)/(2k − 2)]/MSE`` is reported as ``dids_vs_cics``.
    The regression F is the chosen model against a constant,
    ``[(SST − RSS_m)/(p_m − 1)]/[RSS_m/(n − p_m)]`` (the "F_regression" of LeBlond et
    al.); the slope test compares the model with the same model without its time term(s).

    For a line ``mu(t) = a + b·t`` with coefficient covariance ``V = s²·(XᵀX)⁻¹`` the
    one-sided lower bound is ``mu(t) − t_{level, dof}·sqrt(V00 + 2·V01·t + V11·t²)``
    (``+ s²`` inside the root for a prediction bound); the shelf life is the earliest
    ``t >= 0`` where it meets the limit, solved exactly (:func:`bound_crossing`), and the
    minimum over batches for dics and dids.

    The ``q1e_extrapolation`` notice fires when the shelf life exceeds the ICH Q1E
    allowance for extrapolation: ``EXTRAPOLATION_FACTOR`` (2) times the last time point,
    and at most ``EXTRAPOLATION_CAP_MONTHS`` (12) months beyond it when the time unit is
    known (both unverified: the guideline ties them to the storage condition and the
    kind of change seen; check its text). ``q1e_no_trend`` fires when the slope test
    has ``p >= TREND_ALPHA`` (0.05).

    References
    ----------
    ICH Q1E, *Evaluation for Stability Data*, step 4, 2003.
    LeBlond D., Griffith D., Aubuchon K. (2011). Linear Regression 102: Stability Shelf
    Life Estimation Using Analysis of Covariance. *J. Valid. Technol.* 17(3):47–68.
    FDA (1987). *Guideline for Submitting Documentation for the Stability of Human Drugs
    and Biologics* (the method of the FDA/SAS "STAB" macros, 1992).
    """
    # ---------------------------------------------------------------- options
    _check_choice("dids_variant", dids_variant, DIDS_VARIANTS)
    _check_choice("interval", interval, INTERVALS)
    _check_choice("transform", transform, TRANSFORMS)
    _check_choice("model", model, (None, *MODELS))
    _check_open_unit("alpha_pool", alpha_pool, 0.25)
    _check_open_unit("level", level, 0.95)
    if lower is None and upper is None:
        raise InputError("q1e_no_limit", attribute=attribute)
    if lower is not None and upper is not None and not float(lower) < float(upper):
        raise InputError("q1e_limits_order", lower=float(lower), upper=float(upper))

    # ----------------------------------------------------------------- arrays
    t = np.atleast_1d(np.asarray(time, dtype=float)).ravel()
    y = np.atleast_1d(np.asarray(value, dtype=float)).ravel()
    if batch is None:
        g = np.full(t.shape, "1", dtype=object)
    else:
        g = np.atleast_1d(np.asarray(batch, dtype=object)).ravel()
    if not (t.size == y.size == g.size):
        raise InputError("q1e_lengths", n_time=t.size, n_value=y.size, n_batch=g.size)
    keep = np.isfinite(t) & np.isfinite(y)
    t, y = t[keep], y[keep]
    g = np.array([str(x) for x in g[keep]], dtype=object)
    labels = tuple(dict.fromkeys(g.tolist()))
    k = len(labels)
    index = {b: i for i, b in enumerate(labels)}
    codes = np.array([index[b] for b in g], dtype=int)
    counts = np.bincount(codes, minlength=k)
    if k == 0:
        raise InputError("q1e_too_few_points", batch="-", n=0, times=0)
    for i, b in enumerate(labels):
        n_times = np.unique(t[codes == i]).size
        if counts[i] < MIN_POINTS_PER_BATCH or n_times < 2:
            raise InputError("q1e_too_few_points", batch=b, n=int(counts[i]), times=n_times)

    limits_raw = {s: float(v) for s, v in (("lower", lower), ("upper", upper)) if v is not None}
    limits = {
        s: float(_transform(np.array([v]), transform, "limit")[0]) for s, v in limits_raw.items()
    }
    yt = _transform(y, transform, attribute)
    n = yt.size

    # ----------------------------------------------------------------- models
    fits = {}
    for name in ("c", "cics") + (("di", "dics", "dids") if k > 1 else ()):
        fits[name] = _ols(_design(t, codes, k, name), yt)

    def pooled(name: str) -> Q1EModel:
        beta, xtx_inv, rss, dof = fits[name]
        s2 = rss / dof
        raw = _lines_from_fit(name, beta, xtx_inv * s2, k, labels, counts)
        variant = "pooled_mse" if name == "dids" else "pooled"
        return _build_model(
            name,
            variant,
            raw,
            [math.sqrt(s2)] * len(raw),
            [dof] * len(raw),
            rss,
            dof,
            beta.size,
            limits,
            level,
            interval,
        )

    models: dict[str, Q1EModel] = {"cics": pooled("cics")}
    if k > 1:
        models["dics"] = pooled("dics")
        models["dids_pooled_mse"] = pooled("dids")
        raw, sig, dofs, rss_sum, dof_sum = [], [], [], 0.0, 0
        for i, b in enumerate(labels):
            m = codes == i
            beta, xtx_inv, rss_i, dof_i = _ols(_design(t[m], codes[m] * 0, 1, "cics"), yt[m])
            s2 = rss_i / dof_i
            cov = xtx_inv * s2
            raw.append((b, int(counts[i]), beta[0], beta[1], cov[0, 0], cov[0, 1], cov[1, 1]))
            sig.append(math.sqrt(s2))
            dofs.append(dof_i)
            rss_sum += rss_i
            dof_sum += dof_i
        models["dids_individual"] = _build_model(
            "dids", "individual", raw, sig, dofs, rss_sum, dof_sum, 2 * k, limits, level, interval
        )

    # ------------------------------------------------------------------ tests
    tests: dict[str, Q1ETest] = {}
    rss = {name: f[2] for name, f in fits.items()}
    with np.errstate(all="ignore"):
        if k > 1:
            df_den = n - 2 * k
            mse = rss["dids"] / df_den
            tests["batch_time"] = _f_test(
                "batch_time",
                "equality of slopes (dics vs dids)",
                (rss["dics"] - rss["dids"]) / (k - 1) / mse,
                k - 1,
                df_den,
            )
            tests["batch"] = _f_test(
                "batch",
                "equality of intercepts (cics vs dics)",
                (rss["cics"] - rss["dics"]) / (k - 1) / mse,
                k - 1,
                df_den,
            )
            tests["dids_vs_cics"] = _f_test(
                "dids_vs_cics",
                "equality of slopes and intercepts (cics vs dids)",
                (rss["cics"] - rss["dids"]) / (2 * k - 2) / mse,
                2 * k - 2,
                df_den,
            )
        if model is not None:
            chosen, selection = model, "declared"
        elif k == 1:
            chosen, selection = "cics", "single_batch"
        elif tests["batch_time"].p_value < alpha_pool:
            chosen, selection = "dids", "poolability"
        elif tests["batch"].p_value < alpha_pool:
            chosen, selection = "dics", "poolability"
        else:
            chosen, selection = "cics", "poolability"
        if k == 1 and chosen != "cics":
            chosen = "cics"  # one batch: the three models coincide
        p_m = {"cics": 2, "dics": k + 1, "dids": 2 * k}[chosen]
        rss_m = rss[chosen]
        tests["regression"] = _f_test(
            "regression",
            f"{chosen} model against a constant",
            ((rss["c"] - rss_m) / (p_m - 1)) / (rss_m / (n - p_m)),
            p_m - 1,
            n - p_m,
        )
        if chosen == "cics":
            slope_f, slope_df = tests["regression"].f, 1
        else:
            n_slopes = 1 if chosen == "dics" else k
            slope_f = ((rss["di"] - rss_m) / n_slopes) / (rss_m / (n - p_m))
            slope_df = n_slopes
        tests["slope"] = _f_test(
            "slope", f"time term(s) of the {chosen} model", slope_f, slope_df, n - p_m
        )

    # ---------------------------------------------------------------- result
    t.flags.writeable = False
    y.flags.writeable = False
    g.flags.writeable = False
    result = Q1EResult(
        attribute=attribute,
        unit=unit,
        time_unit=time_unit,
        model=chosen,
        selection=selection,
        dids_variant=dids_variant,
        interval=interval,
        level=float(level),
        alpha_pool=float(alpha_pool),
        lower=limits_raw.get("lower"),
        upper=limits_raw.get("upper"),
        transform=transform,
        batches=labels,
        time=t,
        value=y,
        batch=g,
        models=models,
        tests=tests,
        days_per_time_unit=_days_per(time_unit),
    )
    notices = _notices(result)
    return _replace_notices(result, notices)


def _replace_notices(result: Q1EResult, notices: list[Notice]) -> Q1EResult:
    import dataclasses

    return dataclasses.replace(result, notices=tuple(notices))


def _days_per(time_unit: str) -> float | None:
    """Days in one ``time_unit``, or ``None`` if it is not a known time unit."""
    fixed = {"day": 1.0, "d": 1.0, "week": 7.0, "month": _DAYS_PER_MONTH, "year": 365.25}
    if time_unit in fixed:
        return fixed[time_unit]
    try:
        from .units import to_days

        return float(to_days(f"1 {time_unit}"))
    except Exception:  # not a time unit: keep the label only
        return None


def _notices(res: Q1EResult) -> list[Notice]:
    out: list[Notice] = []
    a = res.attribute
    m = res.selected
    if len(res.batches) == 1:
        out.append(Notice("q1e_single_batch", "design", a, {"batch": res.batches[0]}))
    slope = res.tests.get("slope")
    if slope is not None and not slope.p_value < TREND_ALPHA:
        out.append(
            Notice("q1e_no_trend", "plausibility", a, {"p": float(slope.p_value), "model": m.name})
        )
    sl = res.shelf_life
    if sl == 0:
        ln = m.worst_line
        side = ln.limiting_side or "lower"
        limit = res.lower if side == "lower" else res.upper
        with np.errstate(all="ignore"):
            initial = float(res._inverse(np.array([ln.intercept]))[0])
        out.append(
            Notice(
                "limit_exceeded_at_start",
                "plausibility",
                a,
                {"initial": initial, "limit": float(limit), "unit": res.unit},
            )
        )
    elif not math.isfinite(sl):
        out.append(Notice("q1e_no_crossing", "plausibility", a, {}))
    else:
        last = res.last_time
        allowed = EXTRAPOLATION_FACTOR * last
        if res.days_per_time_unit:
            cap = EXTRAPOLATION_CAP_MONTHS * _DAYS_PER_MONTH / res.days_per_time_unit
            allowed = min(allowed, last + cap)
        if sl > allowed:
            out.append(
                Notice(
                    "q1e_extrapolation",
                    "extrapolation",
                    a,
                    {
                        "shelf_life": float(sl),
                        "last": float(last),
                        "allowed": float(allowed),
                        "unit": res.time_unit,
                    },
                )
            )
    return out


# =========================================================================== studies
def q1e(
    study: Study,
    attribute: str | Attribute,
    *,
    alpha_pool: float = 0.25,
    level: float = 0.95,
    dids_variant: str = "individual",
    interval: str = "confidence",
    transform: str | None = None,
    model: str | None = None,
    lower: float | None = None,
    upper: float | None = None,
    temperature: Any = None,
    time_unit: str | None = None,
    emit_warnings: bool = True,
) -> Q1EResult:
    """ICH Q1E batch analysis of one attribute of a study at one storage condition.

    Parameters
    ----------
    study : Study
        Validated measurements with a ``batch`` column.
    attribute : str or Attribute
        The attribute to analyse. Its ``limit`` and ``direction`` give the specification:
        ``"min"`` a lower limit, ``"max"`` an upper limit.
    alpha_pool, level, dids_variant, interval, transform, model
        As in :func:`fit_q1e`.
    lower, upper : float, optional
        Specification limits [attribute unit]; each replaces the attribute's limit on its
        side, and the other side is added, so ``lower=1.5`` on an attribute with
        ``limit = 3.5, direction = "max"`` gives the two-sided specification 1.5–3.5.
    temperature : temperature-like, optional
        Analyse only the measurements at this storage temperature (``"25 degC"``), e.g. the
        real-time condition of a study that also holds accelerated data. [°C, K or °F]
    time_unit : str, optional
        Time unit of the analysis and the result; defaults to the unit of the study's data
        file (``study.time_unit``). The shelf life does not depend on it beyond the
        conversion.
    emit_warnings : bool
        Also emit the notices as Python warnings (useful in notebooks).

    Returns
    -------
    Q1EResult

    Raises
    ------
    shelflife.errors.InputError
        ``q1e_no_batch`` (no batch column), ``q1e_several_temperatures`` (more than one
        storage temperature and no ``temperature`` chosen), ``q1e_temperature_absent``,
        ``cell_missing`` (a measurement without a batch label), and the errors of
        :func:`fit_q1e`.

    Notes
    -----
    A single batch is analysed as one regression line with a ``q1e_single_batch`` notice
    (poolability cannot be tested). See :func:`fit_q1e` for the statistics.
    """
    from .study import TEMPERATURE, TIME

    attr = attribute if not isinstance(attribute, str) else study.attribute(attribute)
    name = attr.name
    data = study.data
    if "batch" not in data.columns or data["batch"].isna().all():
        raise InputError("q1e_no_batch", attribute=name, column="batch")
    values = data[name].to_numpy(dtype=float)
    keep = np.isfinite(values)
    temps = data[TEMPERATURE].to_numpy(dtype=float)
    tested = np.unique(np.round(temps[keep], 6))

    def celsius_list(T: np.ndarray) -> str:
        return ", ".join(f"{x - 273.15:g} °C" for x in T)

    if temperature is not None:
        from .units import to_kelvin

        T = float(to_kelvin(temperature))
        at = np.abs(temps - T) < 0.01
        if not np.any(keep & at):
            raise InputError(
                "q1e_temperature_absent",
                attribute=name,
                temperature=f"{T - 273.15:g} °C",
                temperatures=celsius_list(tested),
            )
        keep &= at
    elif tested.size > 1:
        raise InputError(
            "q1e_several_temperatures",
            attribute=name,
            n=int(tested.size),
            temperatures=celsius_list(tested),
            first=f"{tested[0] - 273.15:g} degC",
            column="temperature",
        )
    batch = data["batch"].to_numpy(dtype=object)
    missing = np.array([b is None or (isinstance(b, float) and math.isnan(b)) for b in batch])
    missing |= np.array([isinstance(b, str) and not b.strip() for b in batch])
    if np.any(keep & missing):
        row = int(np.asarray(data.index)[np.argmax(keep & missing)])
        raise InputError("cell_missing", column="batch", row=row)
    unit_t = time_unit or study.time_unit or "day"
    per = _days_per(unit_t)
    if per is None:
        from .units import to_days

        per = float(to_days(f"1 {unit_t}"))  # raises a UnitError with the fix
    t = data[TIME].to_numpy(dtype=float)[keep] / per
    lo = lower if lower is not None else (attr.limit if attr.direction == "min" else None)
    up = upper if upper is not None else (attr.limit if attr.direction == "max" else None)
    if lo is not None and not math.isfinite(float(lo)):
        lo = None
    if up is not None and not math.isfinite(float(up)):
        up = None
    result = fit_q1e(
        t,
        values[keep],
        batch[keep],
        lower=lo,
        upper=up,
        alpha_pool=alpha_pool,
        level=level,
        dids_variant=dids_variant,
        interval=interval,
        transform=transform,
        model=model,
        time_unit=unit_t,
        unit=attr.unit,
        attribute=name,
    )
    if emit_warnings:
        for n in result.notices:
            n.emit(stacklevel=3)
    return result
