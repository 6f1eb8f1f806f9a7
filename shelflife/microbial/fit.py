r"""Fit a primary growth model to one growth curve: :func:`fit_growth` and :class:`GrowthFit`.

**Estimation.** Unweighted nonlinear least squares on the log10 counts (constant variance
on the log scale, the usual assumption for plate counts), trust-region reflective with
:math:`\mu_{max} > 0` and :math:`\lambda \ge 0`, from several heuristic starts (largest
slope between successive samples, lag where that tangent crosses :math:`y_0`).
Standard errors are :math:`\sqrt{\mathrm{diag}((J^\top J)^{-1})\,s^2}` and 95 % intervals
:math:`\hat\theta \pm t_{0.975,\,n-p}\,\mathrm{se}`.

**Counts below the detection limit** (left-censored) are handled by a **Tobit
likelihood** (``censoring="tobit"``, default): an observed count contributes the normal
density of its residual, a censored one the probability :math:`\Phi((y_{DL} - f(t))/\sigma)`
of lying below the limit; the likelihood is maximised over the parameters and
:math:`\ln\sigma` starting from the least-squares fit of the observed counts, and the
covariance is the inverse of the numerical Hessian of :math:`-\ln L`. With
``censoring="exclude"`` censored counts are dropped. Either way the notice
``microbial_censored`` says how many and what was done.

**No growth.** When the counts do not rise by at least :data:`NO_GROWTH_INCREASE`
(0.5 log10, about twice the repeatability SD of plate counts) above the initial ones, or
their trend is flat or falling, no model is fitted: the result has ``no_growth=True``,
:math:`\mu_{max} = 0`, and :meth:`GrowthFit.time_to` returns infinity for any level above
the initial count (notice ``microbial_no_growth``).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import FitError, InputError, Notice
from ..results import ParameterEstimate
from ..units import get_registry, to_days
from .counts import LN10, Counts, counts
from .primary import PrimaryModel, get_primary

__all__ = ["GrowthFit", "fit_growth", "NO_GROWTH_INCREASE", "level_log10"]

#: Smallest rise above the initial count read as growth [log10 CFU/g].
NO_GROWTH_INCREASE = 0.5

_SYMBOLS = {"y0": "y0", "mu": "μmax", "lag": "λ", "ymax": "ymax"}
_UNITS = {"y0": "log10 CFU/g", "mu": "1/day", "lag": "day", "ymax": "log10 CFU/g"}
_NAMES = {"y0": "initial_count", "mu": "mu_max", "lag": "lag_time", "ymax": "max_count"}
LOGBASE_NOTE = (
    "mu_max is the specific growth rate per natural-log unit (d ln N/dt) [1/day]; "
    "mu_max_log10 = mu_max / ln 10 is the slope of the log10 curve [log10 CFU/g per day]."
)


def level_log10(level: Any) -> float:
    """A level as log10 CFU/g.

    A float is already log10; a string such as ``"1e6 CFU/g"`` or ``"6 log10 CFU/g"`` is
    converted.
    """
    if isinstance(level, str):
        import re

        m = re.match(r"^\s*([-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?)\s*(.+)$", level)
        if not m:
            raise InputError("microbial_unit_unknown", unit=level)
        return float(counts([float(m.group(1).replace(",", "."))], m.group(2)).log10[0])
    return float(level)


def _num(x: float) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


@dataclass(frozen=True)
class GrowthFit:
    """A primary growth model fitted to one curve (immutable).

    Attributes
    ----------
    model : PrimaryModel
    estimates : dict
        All four parameters ``y0`` [log10 CFU/g], ``mu`` [1/day, per ln], ``lag`` [day],
        ``ymax`` [log10 CFU/g] (implicit ones: lag 0, ymax inf).
    free : tuple of str
        The fitted parameters, in the order of ``cov``.
    cov : numpy.ndarray
        Covariance of the free parameters.
    statistics : dict
        ``n``, ``p``, ``dof``, ``sse``, ``rmse``, ``sigma``, ``loglik``, ``aic``, ``aicc``,
        ``bic``.
    time, log10, censored : numpy.ndarray
        Data: time [day], log10 count [log10 CFU/g], censoring flags.
    detection_limit : float or None
        [log10 CFU/g].
    censoring : str
        ``"none"``, ``"tobit"`` or ``"exclude"``.
    no_growth : bool
    notices : tuple of Notice
    label : str
        Name of the organism or curve.
    temperature : float or None
        Storage temperature [K], if given.
    """

    model: PrimaryModel
    estimates: dict[str, float]
    free: tuple[str, ...]
    cov: np.ndarray
    statistics: dict[str, float]
    time: np.ndarray
    log10: np.ndarray
    censored: np.ndarray
    detection_limit: float | None = None
    censoring: str = "none"
    no_growth: bool = False
    notices: tuple = field(default_factory=tuple)
    label: str = "count"
    temperature: float | None = None
    converged: bool = True

    # ----------------------------------------------------------- parameters
    def _tq(self) -> float:
        from .._stats import t_quantile

        return t_quantile(0.975, self.statistics["dof"])

    @property
    def stderr(self) -> dict[str, float]:
        """Standard errors of all parameters (0 for fixed ones) [their units]."""
        out = dict.fromkeys(self.estimates, 0.0)
        for i, name in enumerate(self.free):
            out[name] = float(np.sqrt(max(self.cov[i, i], 0.0)))
        return out

    @property
    def parameters(self) -> dict[str, ParameterEstimate]:
        """Estimates with standard errors and t-based 95 % intervals, plus ``mu_max_log10``."""
        q = self._tq()
        se = self.stderr
        out = {}
        for name, v in self.estimates.items():
            if not math.isfinite(v) and name in ("lag", "ymax"):
                continue
            e = se[name]
            out[_NAMES[name]] = ParameterEstimate(
                _NAMES[name], _SYMBOLS[name], v, e, (v - q * e, v + q * e), _UNITS[name]
            )
        mu = out["mu_max"]
        out["mu_max_log10"] = ParameterEstimate(
            "mu_max_log10",
            "μmax,10",
            mu.value / LN10,
            mu.stderr / LN10,
            (mu.ci95[0] / LN10, mu.ci95[1] / LN10),
            "log10 CFU/g/day",
        )
        return out

    @property
    def mu_max(self):
        """μmax per ln unit as a Quantity [1/day]."""
        return get_registry().Quantity(self.estimates["mu"], "1/day")

    @property
    def lag(self):
        """Lag time as a Quantity [day]."""
        return get_registry().Quantity(self.estimates["lag"], "day")

    # ---------------------------------------------------------- predictions
    def _predict_days(self, t: Any) -> np.ndarray:
        t = np.asarray(t, dtype=float)
        if self.no_growth:
            return np.full(t.shape, self.estimates["y0"])
        p = {k: self.estimates[k] for k in ("y0", "mu", "lag", "ymax")}
        return self.model.function(t, p["y0"], p["mu"], p["lag"], p["ymax"])

    def predict(self, t: Any) -> np.ndarray:
        """Fitted log10 count at times ``t`` (a time Quantity or string) [log10 CFU/g]."""
        return self._predict_days(to_days(t))

    def _time_to_days(self, level: float) -> float:
        if self.no_growth:
            return 0.0 if level <= self.estimates["y0"] else float("inf")
        p = self.estimates
        return self.model.inverse(level, p["y0"], p["mu"], p["lag"], p["ymax"])

    def time_to(self, level: Any):
        """Time to reach ``level`` (log10 float or ``"1e6 CFU/g"``), closed form [day].

        ``inf`` when the level is at or above ``ymax`` or the curve does not grow.
        """
        return get_registry().Quantity(self._time_to_days(level_log10(level)), "day")

    # -------------------------------------------------------------- reports
    def summary(self):
        """Parameter table (pandas DataFrame): value, unit, stderr, 95 % interval."""
        import pandas as pd

        rows = []
        for name, p in self.parameters.items():
            rows.append(
                {
                    "parameter": name,
                    "symbol": p.symbol,
                    "value": p.value,
                    "unit": p.unit,
                    "stderr": p.stderr,
                    "ci95_low": p.ci95[0],
                    "ci95_high": p.ci95[1],
                }
            )
        return pd.DataFrame(rows).set_index("parameter")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (see ``docs/microbial.md`` for the shape)."""
        return {
            "kind": "microbial_growth_fit",
            "label": self.label,
            "model": self.model.name,
            "reference": self.model.reference,
            "no_growth": self.no_growth,
            "temperature": None
            if self.temperature is None
            else {"value": round(self.temperature - 273.15, 6), "unit": "degC"},
            "parameters": {k: v.to_dict() for k, v in self.parameters.items()},
            "logbase": {"counts": 10, "mu_max": "e", "note": LOGBASE_NOTE},
            "statistics": {k: _num(v) for k, v in self.statistics.items()},
            "censoring": {
                "method": self.censoring,
                "detection_limit": None
                if self.detection_limit is None
                else {"value": self.detection_limit, "unit": "log10 CFU/g"},
                "n_censored": int(self.censored.sum()),
            },
            "converged": self.converged,
            "notices": [n.to_dict() for n in self.notices],
            "data": {
                "time": {"values": self.time.tolist(), "unit": "day"},
                "log10_count": {"values": self.log10.tolist(), "unit": "log10 CFU/g"},
                "censored": self.censored.tolist(),
            },
        }

    def __str__(self) -> str:
        if self.no_growth:
            return f"{self.label}: no growth ({self.model.name} not fitted)"
        p = self.parameters
        parts = [f"{self.label}: {self.model.name}"]
        for key in ("initial_count", "mu_max", "mu_max_log10", "lag_time", "max_count"):
            if key in p:
                e = p[key]
                parts.append(
                    f"{e.symbol} = {e.value:.4g} {e.unit} "
                    f"(95 % CI {e.ci95[0]:.4g} to {e.ci95[1]:.4g})"
                )
        parts.append(f"RMSE {self.statistics['rmse']:.3g} log10, n = {self.statistics['n']}")
        return "\n  ".join(parts)

    def _repr_html_(self) -> str:
        head = html.escape(f"{self.label}: {self.model.name}")
        if self.no_growth:
            return f"<p><b>{head}</b>: no growth</p>"
        rows = "".join(
            f"<tr><td>{html.escape(p.symbol)}</td><td>{p.value:.4g}</td>"
            f"<td>{html.escape(p.unit)}</td><td>{p.ci95[0]:.4g} – {p.ci95[1]:.4g}</td></tr>"
            for p in self.parameters.values()
        )
        return (
            f"<p><b>{head}</b></p><table><tr><th>parameter</th><th>value</th>"
            f"<th>unit</th><th>95 % CI</th></tr>{rows}</table>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Counts and the fitted curve (censored counts as open triangles at the limit)."""
        import matplotlib

        from ..plotting import STYLE, _axes, _localise

        with matplotlib.rc_context(STYLE):
            ax = _axes(ax)
            obs = ~self.censored
            ax.plot(self.time[obs], self.log10[obs], "o", color="#0072B2", label=None)
            if self.censored.any():
                ax.plot(
                    self.time[~obs],
                    self.log10[~obs],
                    "v",
                    mfc="none",
                    color="#0072B2",
                    label="< LOD" if lang != "id" else "< batas deteksi",
                )
            tt = np.linspace(0.0, float(self.time.max()) * 1.05, 300)
            ax.plot(tt, self._predict_days(tt), "-", color="#D55E00")
            ax.set_xlabel("time [day]" if lang != "id" else "waktu [hari]")
            ax.set_ylabel("log10 CFU/g")
            ax.set_title(f"{self.label} ({self.model.name})")
            _localise(ax.xaxis, lang)
            _localise(ax.yaxis, lang)
        return ax


# ---------------------------------------------------------------------- fitting
def _starts(t: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> list[dict[str, float]]:
    order = np.argsort(t, kind="stable")
    t, y = t[order], y[order]
    y0 = float(np.mean(y[: min(2, y.size)]))
    ymax = float(np.max(y))
    ut = np.unique(t)
    ym = np.array([y[t == u].mean() for u in ut])
    slopes = np.diff(ym) / np.diff(ut) if ut.size > 1 else np.array([1.0])
    k = int(np.argmax(slopes))
    s10 = max(float(slopes[k]), 1e-3)
    lag0 = float(np.clip(ut[k] - (ym[k] - y0) / s10, 0.0, ut[-1]))
    starts = []
    for fl in (1.0, 0.5, 0.0, 1.5):
        for fm in (1.0, 0.6):
            starts.append({"y0": y0, "mu": s10 * LN10 * fm, "lag": lag0 * fl, "ymax": ymax})
    return starts


def _stats(n: int, p: int, sse: float, loglik: float) -> dict[str, float]:
    k = p + 1
    return {
        "n": n,
        "p": p,
        "dof": n - p,
        "sse": sse,
        "rmse": math.sqrt(sse / n),
        "sigma": math.sqrt(sse / (n - p)) if n > p else float("nan"),
        "loglik": loglik,
        "aic": -2 * loglik + 2 * k,
        "aicc": -2 * loglik + 2 * k + 2 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else np.inf,
        "bic": -2 * loglik + k * math.log(n),
    }


def fit_growth(
    time: Any,
    log10_counts: Any,
    *,
    model: str | PrimaryModel = "baranyi",
    unit: str = "log10 CFU/g",
    detection_limit: Any = None,
    censoring: str = "tobit",
    fixed: dict[str, float] | None = None,
    label: str = "count",
    temperature: Any = None,
) -> GrowthFit:
    """Fit a primary growth model to one growth curve.

    Parameters
    ----------
    time : pint.Quantity or sequence of str
        Sampling times, e.g. ``Q_([0, 1, 2], "day")`` [time].
    log10_counts : array-like or Counts
        Counts in ``unit`` (log10 CFU/g by default), or a :class:`Counts`.
    model : str
        ``"baranyi"`` (default), ``"baranyi_no_lag"``, ``"baranyi_no_stationary"``,
        ``"gompertz"``, ``"logistic"`` or ``"huang"``.
    unit : str
        Unit of the counts (see :func:`shelflife.microbial.counts.counts`).
    detection_limit : optional
        Limit of detection (``"10 CFU/g"``, ``"1 log10 CFU/g"``); counts below it are
        left-censored.
    censoring : {"tobit", "exclude"}
        How censored counts enter the fit (module docstring).
    fixed : dict, optional
        Parameters held at given values, e.g. ``{"ymax": 4.0}`` [their units].
    label : str
        Name for reports.
    temperature : pint.Quantity or str, optional
        Storage temperature (kept for reports).

    Returns
    -------
    GrowthFit

    Raises
    ------
    InputError
        ``microbial_length_mismatch``, ``microbial_too_few_points``,
        ``microbial_parameter_unknown`` and the count errors of :func:`counts`.
    FitError
        ``microbial_fit_failed`` when no start converges.
    """
    from ..units import to_kelvin

    pm = get_primary(model)
    t = np.atleast_1d(np.asarray(to_days(time), dtype=float))
    c = (
        log10_counts
        if isinstance(log10_counts, Counts)
        else counts(log10_counts, unit, detection_limit=detection_limit)
    )
    y, cens = c.log10, c.censored
    if t.size != y.size:
        raise InputError("microbial_length_mismatch", n_time=t.size, n_counts=y.size)
    fixed = dict(fixed or {})
    for k in fixed:
        if k not in pm.parameters:
            raise InputError(
                "microbial_parameter_unknown",
                name=k,
                model=pm.name,
                choices=", ".join(pm.parameters),
            )
    free = tuple(k for k in pm.parameters if k not in fixed)
    notices = list(c.notices)
    T_K = None if temperature is None else float(to_kelvin(temperature))
    if cens.any():
        notices.append(
            Notice(
                "microbial_censored",
                "plausibility",
                label,
                {
                    "count": int(cens.sum()),
                    "total": int(cens.size),
                    "limit": round(float(c.detection_limit), 3),
                    "handling": "fitted as left-censored (Tobit likelihood)"
                    if censoring == "tobit"
                    else "excluded from the fit",
                },
            )
        )
    obs = ~cens
    n_use = int(obs.sum()) if censoring == "exclude" else int(y.size)
    if n_use <= len(free):
        raise InputError("microbial_too_few_points", model=pm.name, p=len(free), n=n_use)

    # ---- no growth
    to, yo = t[obs], y[obs]
    first = yo[np.argsort(to, kind="stable")][: min(2, yo.size)].mean() if yo.size else y[0]
    slope = np.polyfit(t, y, 1)[0] if np.ptp(t) > 0 else 0.0
    if yo.size == 0 or slope <= 0 or float(yo.max()) - float(first) < NO_GROWTH_INCREASE:
        change = float((yo.max() if yo.size else y.max()) - first)
        notices.append(
            Notice(
                "microbial_no_growth",
                "plausibility",
                label,
                {"change": round(change, 2), "days": round(float(np.ptp(t)), 3)},
            )
        )
        est = {"y0": float(first), "mu": 0.0, "lag": float("nan"), "ymax": float("nan")}
        sse = float(np.sum((yo - first) ** 2))
        n = int(yo.size)
        return GrowthFit(
            pm,
            est,
            ("y0",),
            np.array([[np.var(yo, ddof=1) / n if n > 1 else np.nan]]),
            _stats(n, 1, sse, -0.5 * n * (math.log(2 * math.pi * max(sse, 1e-300) / n) + 1)),
            t,
            y,
            cens,
            c.detection_limit,
            "none",
            True,
            tuple(notices),
            label,
            T_K,
        )

    # ---- least squares on the observed counts
    def full(x: np.ndarray) -> dict[str, float]:
        d = dict(fixed)
        d.update(zip(free, x, strict=True))
        return pm.full(d)

    def curve(x: np.ndarray, tt: np.ndarray) -> np.ndarray:
        p = full(x)
        return pm.function(tt, p["y0"], p["mu"], p["lag"], p["ymax"])

    lo = np.array([{"mu": 1e-9, "lag": 0.0}.get(k, -np.inf) for k in free])
    hi = np.full(len(free), np.inf)
    from ._nls import covariance, least_squares_fit, numeric_jacobian

    tf, yf = to, yo  # least squares on the observed counts (start of the Tobit fit)
    best = None
    starts = [np.array([s[k] for k in free]) for s in _starts(to, yo, pm.parameters)]
    with np.errstate(all="ignore"):
        cost = [float(np.sum((curve(x0, tf) - yf) ** 2)) for x0 in starts]
    order = np.argsort(np.where(np.isfinite(cost), cost, np.inf), kind="stable")
    for x0 in [starts[i] for i in order[:3]]:
        try:
            x, ok, _ = least_squares_fit(
                lambda x: curve(x, tf) - yf, x0, lower=lo, upper=hi, tol=1e-12
            )
        except (ValueError, FloatingPointError):  # pragma: no cover
            continue
        r = curve(x, tf) - yf
        sse = float(r @ r)
        if np.isfinite(sse) and (best is None or sse < best[1] - 1e-12):
            best = (x, sse, ok)
    if best is None:
        raise FitError(
            "microbial_fit_failed",
            reason="no starting point converged",
            fix="check the counts, or fix ymax / lag",
        )
    x, sse, ok = best
    n, p = int(tf.size), len(free)
    censoring_used = "none"
    if cens.any() and censoring == "tobit":
        x, cov, loglik, sse, ok = _tobit(curve, x, t, y, cens, lo)
        censoring_used = "tobit"
        n = int(y.size)
    else:
        if cens.any():
            censoring_used = "exclude"
        J = numeric_jacobian(lambda x: curve(x, tf), x)
        cov = covariance(J, sse, n - p)
        loglik = -0.5 * n * (math.log(2 * math.pi * max(sse, 1e-300) / n) + 1)
    est = full(x)
    return GrowthFit(
        pm,
        {k: float(est[k]) for k in ("y0", "mu", "lag", "ymax")},
        free,
        cov,
        _stats(n, p, sse, loglik),
        t,
        y,
        cens,
        c.detection_limit,
        censoring_used,
        False,
        tuple(notices),
        label,
        T_K,
        bool(ok),
    )


def _tobit(curve, x0, t, y, cens, lo):
    """Maximum likelihood with left-censored counts; returns x, cov, loglik, sse, ok."""
    from scipy.optimize import minimize
    from scipy.special import log_ndtr

    obs = ~cens
    r0 = curve(x0, t[obs]) - y[obs]
    s0 = math.log(max(math.sqrt(float(r0 @ r0) / max(obs.sum(), 1)), 1e-3))

    def nll(z: np.ndarray) -> float:
        x, ls = z[:-1], z[-1]
        f = curve(x, t)
        s = math.exp(ls)
        r = (y[obs] - f[obs]) / s
        val = float(np.sum(0.5 * r**2 + ls + 0.5 * math.log(2 * math.pi)))
        val -= float(np.sum(log_ndtr((y[cens] - f[cens]) / s)))
        return val if np.isfinite(val) else 1e300

    z0 = np.append(x0, s0)
    bounds = [(lo_i if np.isfinite(lo_i) else None, None) for lo_i in lo] + [(-12, 5)]
    res = minimize(
        nll, z0, method="L-BFGS-B", bounds=bounds, options={"ftol": 1e-15, "gtol": 1e-10}
    )
    res = minimize(
        nll,
        res.x,
        method="Nelder-Mead",
        options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000},
    )
    z = res.x
    # numerical Hessian of -ln L
    k = z.size
    H = np.empty((k, k))
    h = 1e-4 * np.maximum(np.abs(z), 1e-2)
    for i in range(k):
        for j in range(i, k):
            zpp, zpm, zmp, zmm = (z.copy() for _ in range(4))
            zpp[i] += h[i]
            zpp[j] += h[j]
            zpm[i] += h[i]
            zpm[j] -= h[j]
            zmp[i] -= h[i]
            zmp[j] += h[j]
            zmm[i] -= h[i]
            zmm[j] -= h[j]
            H[i, j] = H[j, i] = (nll(zpp) - nll(zpm) - nll(zmp) + nll(zmm)) / (4 * h[i] * h[j])
    try:
        cov = np.linalg.inv(H)[:-1, :-1]
    except np.linalg.LinAlgError:  # pragma: no cover
        cov = np.full((k - 1, k - 1), np.nan)
    x = z[:-1]
    r = curve(x, t[obs]) - y[obs]
    return x, cov, -float(res.fun), float(r @ r), bool(res.success)
