r"""One-step (global) fit of the Baranyi primary model and a secondary model.

All growth curves, at all temperatures, are fitted at once: curve :math:`i` at
temperature :math:`T_i` follows :func:`~shelflife.microbial.primary.baranyi` with

.. math::

    \mu_i = \mu_{max}(T_i;\ \beta), \qquad \lambda_i = h_0 / \mu_i ,

where :math:`\beta` are the secondary-model parameters
(:mod:`~shelflife.microbial.secondary`) and :math:`h_0 = \mu_{max}\lambda` is one shared
*physiological state* of the inoculum (Baranyi & Roberts 1994): the assumption that the
cells carry the same history into every temperature, so that lag scales as
:math:`1/\mu_{max}`. :math:`y_{max}` is shared by default (``shared_ymax=True``) and
:math:`y_0` is fitted per curve (``shared_y0=False``), since inocula differ slightly.

The covariance of all parameters is :math:`(J^\top J)^{-1} s^2` from the least-squares
Jacobian. Times to a level at a temperature, :math:`t_L(T)`, come with a delta-method
95 % interval computed on :math:`\ln t_L` (positive, asymmetric), and a **conservative**
value: the lower one-sided 95 % confidence bound :math:`t_L \exp(-t_{0.95,\nu}\,
\mathrm{se}_{\ln t})`, the time by which the *mean* count reaches the level with 95 %
confidence (the microbial counterpart of the ICH Q1E bound used for chemical attributes).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import FitError, InputError, Notice
from ..results import ShelfLife, celsius
from ..units import get_registry, to_days, to_kelvin
from .counts import counts, to_log10_limit
from .fit import level_log10
from .primary import _baranyi_time, baranyi
from .secondary import SecondaryModel, get_secondary

__all__ = ["GrowthModel", "fit_growth_global"]


@dataclass(frozen=True)
class GrowthModel:
    """Primary (Baranyi, constant h0) + secondary model fitted to curves at several T.

    Attributes
    ----------
    secondary : SecondaryModel
    names : tuple of str
        Parameter names in the order of ``theta``: secondary parameters, ``h0``, ``ymax``
        (or ``ymax[i]``), ``y0[i]`` (or ``y0``).
    theta, cov : numpy.ndarray
        Estimates and covariance.
    statistics : dict
        ``n``, ``p``, ``dof``, ``sse``, ``rmse``, ``sigma``, ``aic``, ``aicc``, ``bic``.
    temperatures : numpy.ndarray
        Temperature of each curve [K].
    curves : tuple
        ``(time [day], log10 [log10 CFU/g])`` per curve.
    label : str
    extra : dict
        ``Tref`` [K] for the Arrhenius model.
    """

    secondary: SecondaryModel
    names: tuple[str, ...]
    theta: np.ndarray
    cov: np.ndarray
    statistics: dict[str, float]
    temperatures: np.ndarray
    curves: tuple
    label: str = "count"
    shared_ymax: bool = True
    shared_y0: bool = False
    extra: dict[str, float] = field(default_factory=dict)
    notices: tuple = field(default_factory=tuple)

    # ------------------------------------------------------------- internals
    @property
    def _ns(self) -> int:
        return len(self.secondary.parameters)

    def _mu(self, T: Any, theta: np.ndarray | None = None) -> np.ndarray:
        th = self.theta if theta is None else theta
        return self.secondary.function(np.asarray(T, dtype=float), *th[: self._ns], **self.extra)

    def _value(self, name: str, theta: np.ndarray | None = None) -> float:
        th = self.theta if theta is None else theta
        return float(th[self.names.index(name)])

    def _y0(self, theta: np.ndarray | None = None) -> float:
        th = self.theta if theta is None else theta
        idx = [i for i, n in enumerate(self.names) if n.startswith("y0")]
        return float(np.mean(th[idx]))

    def _ymax(self, theta: np.ndarray | None = None) -> float:
        th = self.theta if theta is None else theta
        idx = [i for i, n in enumerate(self.names) if n.startswith("ymax")]
        return float(np.min(th[idx]))

    def _time_days(
        self, level: float, T_K: float, theta: np.ndarray | None = None, y0: float | None = None
    ) -> float:
        mu = float(self._mu(T_K, theta))
        if mu <= 0:
            return float("inf")
        h0 = self._value("h0", theta)
        y0 = self._y0(theta) if y0 is None else y0
        return _baranyi_time(level, y0, mu, h0 / mu, self._ymax(theta))

    def _tq(self, p: float) -> float:
        from .._stats import t_quantile

        return t_quantile(p, self.statistics["dof"])

    # -------------------------------------------------------------- public
    @property
    def parameters(self) -> dict[str, dict[str, Any]]:
        """``name -> {"value", "stderr", "ci95", "unit"}`` (t-based intervals)."""
        se = np.sqrt(np.clip(np.diag(self.cov), 0, None))
        q = self._tq(0.975)
        units = dict(zip(self.secondary.parameters, self.secondary.units, strict=True))
        out = {}
        for i, n in enumerate(self.names):
            unit = units.get(n, "" if n == "h0" else "log10 CFU/g")
            v, e = float(self.theta[i]), float(se[i])
            out[n] = {"value": v, "stderr": e, "ci95": (v - q * e, v + q * e), "unit": unit}
        return out

    def mu_max(self, temperature: Any):
        """μmax per ln unit at ``temperature`` (°C/K Quantity or string) [1/day]."""
        return get_registry().Quantity(self._mu(to_kelvin(temperature)), "1/day")

    def lag(self, temperature: Any):
        """Lag time ``h0 / μmax(T)`` [day] (``inf`` where μmax is 0)."""
        mu = np.asarray(self._mu(to_kelvin(temperature)), dtype=float)
        with np.errstate(divide="ignore"):
            lag = np.where(mu > 0, self._value("h0") / np.where(mu > 0, mu, 1.0), np.inf)
        return get_registry().Quantity(lag if lag.ndim else float(lag), "day")

    def predict(self, t: Any, temperature: Any, *, y0: float | None = None) -> np.ndarray:
        """Log10 count at times ``t`` and a constant ``temperature`` [log10 CFU/g]."""
        T = float(to_kelvin(temperature))
        mu = float(self._mu(T))
        y0 = self._y0() if y0 is None else y0
        days = np.asarray(to_days(t), dtype=float)
        if mu <= 0:
            return np.full(days.shape, y0)
        return baranyi(days, y0, mu, self._value("h0") / mu, self._ymax())

    def _shelf_life_K(self, level: float, T_K: float, y0: float | None) -> ShelfLife:
        est = self._time_days(level, T_K, None, y0)
        if not np.isfinite(est) or est <= 0 or not np.all(np.isfinite(self.cov)):
            return ShelfLife(self.label, T_K, est, (est, est), est)

        def logt(th: np.ndarray) -> float:
            return math.log(self._time_days(level, T_K, th, y0))

        g = np.empty(self.theta.size)
        for j in range(self.theta.size):
            h = 1e-6 * max(abs(self.theta[j]), 1e-2)
            tp, tm = self.theta.copy(), self.theta.copy()
            tp[j] += h
            tm[j] -= h
            g[j] = (logt(tp) - logt(tm)) / (2 * h)
        se = math.sqrt(max(float(g @ self.cov @ g), 0.0))
        q2, q1 = self._tq(0.975), self._tq(0.95)
        return ShelfLife(
            self.label,
            float(T_K),
            est,
            (est * math.exp(-q2 * se), est * math.exp(q2 * se)),
            est * math.exp(-q1 * se),
        )

    def shelf_life(self, level: Any, temperature: Any, *, y0: float | None = None) -> ShelfLife:
        """Time for the mean count to reach ``level`` at a constant ``temperature``.

        Parameters
        ----------
        level : float or str
            Spoilage or safety level, log10 CFU/g or e.g. ``"1e7 CFU/g"``.
        temperature : pint.Quantity or str
            Storage temperature.
        y0 : float, optional
            Initial count [log10 CFU/g]; default the mean fitted initial count.

        Returns
        -------
        ShelfLife
            Estimate, delta-method 95 % interval (log scale) and conservative value
            (lower one-sided 95 % bound) [day].
        """
        return self._shelf_life_K(level_log10(level), float(to_kelvin(temperature)), y0)

    def shelf_lives_at_kelvin(
        self, T: Any, level: Any = 7.0, *, y0: float | None = None
    ) -> list[ShelfLife]:
        """:meth:`shelf_life` at each temperature of ``T`` [K] (float array)."""
        lv = level_log10(level)
        return [self._shelf_life_K(lv, float(Tk), y0) for Tk in np.atleast_1d(T)]

    def summary(self):
        """Parameter table (pandas DataFrame)."""
        import pandas as pd

        rows = [
            {
                "parameter": n,
                "value": p["value"],
                "unit": p["unit"],
                "stderr": p["stderr"],
                "ci95_low": p["ci95"][0],
                "ci95_high": p["ci95"][1],
            }
            for n, p in self.parameters.items()
        ]
        return pd.DataFrame(rows).set_index("parameter")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (shape in ``docs/microbial.md``)."""

        def num(x: float) -> float | None:
            return float(x) if np.isfinite(x) else None

        return {
            "kind": "microbial_growth_model",
            "label": self.label,
            "primary": "baranyi (constant h0 = mu_max * lag)",
            "secondary": self.secondary.name,
            "reference": self.secondary.reference,
            "parameters": {
                n: {
                    "value": num(p["value"]),
                    "unit": p["unit"],
                    "stderr": num(p["stderr"]),
                    "ci95": [num(p["ci95"][0]), num(p["ci95"][1])],
                }
                for n, p in self.parameters.items()
            },
            "logbase": {"counts": 10, "mu_max": "e"},
            "extra": dict(self.extra),
            "statistics": {k: num(v) for k, v in self.statistics.items()},
            "temperatures": [
                {"value": round(celsius(T), 6), "unit": "degC"} for T in self.temperatures
            ],
            "notices": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        parts = [f"{self.label}: Baranyi + {self.secondary.name}, {len(self.curves)} curves"]
        for n, p in self.parameters.items():
            parts.append(f"{n} = {p['value']:.5g} {p['unit']} (se {p['stderr']:.3g})")
        return "\n  ".join(parts)

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(str(self)) + "</pre>"

    def plot(self, ax=None, *, lang: str = "en"):
        """The curves with the global fit, one colour per temperature."""
        import matplotlib

        from ..plotting import STYLE, _axes, _localise, _temperature_styles

        with matplotlib.rc_context(STYLE):
            ax = _axes(ax)
            styles = _temperature_styles(self.temperatures)
            for T, (t, y) in zip(self.temperatures, self.curves, strict=True):
                st = styles[float(T)]
                ax.plot(t, y, st["marker"], color=st["color"], label=f"{celsius(T):g} °C")
                tt = np.linspace(0, float(np.max(t)) * 1.05, 200)
                mu = float(self._mu(T))
                yy = baranyi(tt, self._y0(), mu, self._value("h0") / mu, self._ymax())
                ax.plot(tt, yy, color=st["color"])
            ax.set_xlabel("time [day]" if lang != "id" else "waktu [hari]")
            ax.set_ylabel("log10 CFU/g")
            ax.legend()
            _localise(ax.xaxis, lang)
            _localise(ax.yaxis, lang)
        return ax


def fit_growth_global(
    curves: Any,
    *,
    secondary: str | SecondaryModel = "ratkowsky",
    unit: str = "log10 CFU/g",
    shared_ymax: bool = True,
    shared_y0: bool = False,
    fixed_ymax: float | None = None,
    label: str = "count",
    detection_limit: Any = None,
) -> GrowthModel:
    """Fit Baranyi + a secondary model to growth curves at several temperatures at once.

    Parameters
    ----------
    curves : sequence of (temperature, time, counts)
        ``temperature`` a Quantity or string (``"10 degC"``), ``time`` a time Quantity,
        ``counts`` in ``unit``.
    secondary : str
        ``"ratkowsky"`` (default), ``"ratkowsky_extended"``, ``"ctmi"`` or ``"arrhenius"``.
    unit : str
        Unit of the counts.
    shared_ymax, shared_y0 : bool
        One ymax (default) / one y0 for all curves, or one per curve.
    fixed_ymax : float, optional
        Hold ymax at this value [log10 CFU/g].
    label : str
    detection_limit : str or float, optional
        Limit of detection (``"10 CFU/g"``, ``"1 log10 CFU/g"``, or a number in ``unit``).
        Counts below it are left-censored and the fit maximises the Tobit likelihood (as
        :func:`~shelflife.microbial.fit_growth` does for one curve), starting from least
        squares on the counts above the limit; notice ``microbial_censored``.

    Returns
    -------
    GrowthModel
    """
    from ._nls import covariance, least_squares_fit, numeric_jacobian
    from .fit import _stats, fit_growth

    sm = get_secondary(secondary)
    data = []
    limit = None if detection_limit is None else to_log10_limit(detection_limit, unit)
    cens_parts = []
    for T, t, y in curves:
        tk = float(to_kelvin(T))
        td = np.atleast_1d(np.asarray(to_days(t), dtype=float))
        c = counts(y, unit, detection_limit=None if limit is None else (limit, "log10 CFU/g"))
        yl = c.log10
        if td.size != yl.size:
            raise InputError("microbial_length_mismatch", n_time=td.size, n_counts=yl.size)
        data.append((tk, td, yl))
        cens_parts.append(c.censored)
    cens = np.concatenate(cens_parts)
    Ts = np.array([d[0] for d in data])
    n_T = np.unique(Ts).size
    if n_T < len(sm.parameters):
        raise InputError(
            "microbial_too_few_temperatures", model=sm.name, p=len(sm.parameters), n=n_T
        )
    extra = {"Tref": float(np.mean(Ts))} if sm.name == "arrhenius" else {}
    # starting values from per-curve fits
    singles = []
    for (_tk, td, yl), cc in zip(data, cens_parts, strict=True):
        try:
            f = fit_growth(td[~cc] * get_registry().day, yl[~cc], model="baranyi", label=label)
            singles.append(f.estimates if not f.no_growth else None)
        except Exception:  # noqa: BLE001 - a curve that cannot be fitted alone still helps
            singles.append(None)
    good = [i for i, s in enumerate(singles) if s is not None]
    if not good:
        raise FitError("microbial_fit_failed", reason="no curve shows growth", fix="")
    mus = np.array([singles[i]["mu"] for i in good])
    beta0 = sm.start(Ts[good], mus)
    h0s = [singles[i]["mu"] * singles[i]["lag"] for i in good]
    h0_0 = float(np.clip(np.median(h0s), 0.05, 20.0))
    ymaxs = [singles[i]["ymax"] for i in good]
    y0s = [d[2][np.argsort(d[1])][:2].mean() for d in data]
    names = list(sm.parameters) + ["h0"]
    x0 = list(beta0) + [h0_0]
    if fixed_ymax is None:
        if shared_ymax:
            names.append("ymax")
            x0.append(float(np.mean(ymaxs)))
        else:
            names += [f"ymax[{i}]" for i in range(len(data))]
            x0 += [max(float(d[2].max()), 0.0) for d in data]
    if shared_y0:
        names.append("y0")
        x0.append(float(np.mean(y0s)))
    else:
        names += [f"y0[{i}]" for i in range(len(data))]
        x0 += [float(v) for v in y0s]
    ns = len(sm.parameters)
    x0 = np.asarray(x0, dtype=float)

    def per_curve(th: np.ndarray, i: int) -> tuple[float, float, float]:
        ymax = (
            fixed_ymax
            if fixed_ymax is not None
            else th[names.index("ymax")]
            if shared_ymax
            else th[names.index(f"ymax[{i}]")]
        )
        y0 = th[names.index("y0")] if shared_y0 else th[names.index(f"y0[{i}]")]
        return float(ymax), float(y0), float(th[ns])

    def resid(th: np.ndarray) -> np.ndarray:
        mu = sm.function(Ts, *th[:ns], **extra)
        out = []
        for i, (_, td, yl) in enumerate(data):
            ymax, y0, h0 = per_curve(th, i)
            m = max(float(mu[i]), 1e-12)
            out.append(baranyi(td, y0, m, max(h0, 0.0) / m, ymax) - yl)
        return np.concatenate(out)

    lo = np.full(x0.size, -np.inf)
    lo[ns] = 0.0
    obs = ~cens
    x, ok, _ = least_squares_fit(lambda th: resid(th)[obs], x0, lower=lo)
    if cens.any():
        from .fit import _tobit

        y_all = np.concatenate([d[2] for d in data])
        index = np.arange(y_all.size, dtype=float)

        def curve(th: np.ndarray, idx: np.ndarray) -> np.ndarray:
            return (resid(th) + y_all)[idx.astype(int)]

        x, cov, loglik, sse, ok = _tobit(curve, x, index, y_all, cens, lo)
        n, p = int(y_all.size), x.size
    else:
        r = resid(x)
        sse = float(r @ r)
        n, p = r.size, x.size
        J = numeric_jacobian(resid, x)
        cov = covariance(J, sse, n - p)
        loglik = -0.5 * n * (math.log(2 * math.pi * max(sse, 1e-300) / n) + 1)
    stats = _stats(n, p, sse, loglik)
    notices = []
    if cens.any():
        notices.append(
            Notice(
                "microbial_censored",
                "plausibility",
                label,
                {
                    "count": int(cens.sum()),
                    "total": int(cens.size),
                    "limit": round(float(limit), 3),
                    "handling": "fitted as left-censored (Tobit likelihood)",
                },
            )
        )
    if not ok:
        notices.append(
            Notice(
                "microbial_fit_failed",
                "convergence",
                label,
                {"reason": "the optimiser stopped early", "fix": ""},
            )
        )
    if fixed_ymax is not None:
        names.append("ymax")
        x = np.append(x, fixed_ymax)
        cov = np.pad(cov, ((0, 1), (0, 1)))
    return GrowthModel(
        sm,
        tuple(names),
        x,
        cov,
        stats,
        Ts,
        tuple((d[1], d[2]) for d in data),
        label,
        shared_ymax,
        shared_y0,
        extra,
        tuple(notices),
    )
