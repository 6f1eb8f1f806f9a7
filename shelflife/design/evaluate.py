r"""Predict the precision of a design by simulating the studies it would produce.

:func:`evaluate_design` draws ``n_sim`` data sets from an assumed truth (reaction order,
initial value, limit, :math:`E_a`, shelf life at the storage temperature, measurement
noise) at the design's times and temperatures, fits the one-step Arrhenius model to all of
them at once with the stacked Levenberg-Marquardt solver
(:func:`shelflife.uncertainty.fit_many`; the few that it cannot fit are retried one by one
with :func:`shelflife.fitting.fit_floats`), and computes for each simulated study the
shelf-life estimate at the storage temperature and its 95 % confidence interval exactly as
the analysis does (delta method on :math:`\ln t_s` with Student's t, see
:mod:`shelflife.prediction`). The distribution of those results over the simulated
studies answers the planning question "if I test at 30/40/50 °C for 8 weeks, how wide will
my interval be?", and checks that the interval is honest for that design (coverage).

Noise: ``sd`` gives a constant standard deviation [attribute unit], ``cv`` one
proportional to the mean (a fraction); both may be given (variances add). With ``cv``
only, the fits use the proportional error model (weights :math:`1/\hat\mu^2`, iterated
three times), as ``shelflife analyze`` does with ``error_model = "proportional"``.

The sign of the change is taken from the truth (the analysis finds it from the data; for a
design that moves the attribute at all the two agree). Starting values are the truth, as
usual in simulation studies of estimators (Morris et al. [1]_).

References
----------
.. [1] T. P. Morris, I. R. White and M. J. Crowther, "Using simulation studies to evaluate
   statistical methods," *Stat. Med.*, vol. 38, no. 11, pp. 2074-2102, 2019.
   doi:10.1002/sim.8086
.. [2] O. McGrath and K. Burke, "A general simulation-based optimisation framework for
   multipoint constant-stress accelerated life tests," arXiv:2507.00722, 2025.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice, ShelfLifeError
from ..messages import render
from ..units import GAS_CONSTANT
from ._common import APPROACH_FRACTION, _c, _check_setting, _cs, _kelvin
from .plan import Design, design_notices
from .truth import Truth

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DesignEvaluation", "evaluate_design"]

#: Reweighting passes of the proportional error model.
IRLS_STEPS = 3
#: At most this many simulated studies (plus 5 %) are retried one by one with fit_floats.
FALLBACK_MAX = 25
#: More failed fits than this share draws a notice.
FAILED_NOTICE = 0.05
#: Coverage this far below the nominal level draws a notice (Monte Carlo error of the
#: coverage with 500 studies is about 1 %).
COVERAGE_SLACK = 0.05
#: Estimates within this relative distance of the truth count as "close".
CLOSE = 0.20


# ------------------------------------------------------------------------ evaluation
@dataclass(frozen=True, eq=False)
class DesignEvaluation:
    """Precision of a design's shelf-life estimate, from simulated studies.

    Build it with :func:`evaluate_design`. Arrays have one entry per simulated study
    (``nan`` where the fit failed).

    Attributes
    ----------
    design : Design
    truth : Truth
    storage : float
        Storage temperature of the shelf life [K].
    n_sim, seed : int
    level : float
        Confidence level of the intervals.
    error_model : str
        ``"constant"`` or ``"proportional"``.
    estimates, ci_low, ci_high : numpy.ndarray
        Shelf-life estimate and its interval at ``storage`` in each study [day].
    ea_estimates, ea_low, ea_high : numpy.ndarray
        Activation energy and its interval [kJ/mol].
    converged, approached : numpy.ndarray of bool
        Fit succeeded; the fitted curve of some chamber got at least half way to the
        limit within the data (as :func:`shelflife.guardrails.check_fit` judges).
    n_fallback : int
        Studies refitted one by one.
    name : str
        Name in comparisons.
    """

    design: Design
    truth: Truth
    storage: float
    n_sim: int
    seed: int
    level: float
    error_model: str
    estimates: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    ea_estimates: np.ndarray
    ea_low: np.ndarray
    ea_high: np.ndarray
    converged: np.ndarray
    approached: np.ndarray
    n_fallback: int = 0
    name: str = ""
    extra_notices: tuple[Notice, ...] = field(default=())

    # ---------------------------------------------------------------- metrics
    @property
    def true_shelf_life(self) -> float:
        """The true shelf life at the storage temperature [day]."""
        return float(self.truth.shelf_life)

    @property
    def failed_share(self) -> float:
        """Share of simulated studies whose fit failed."""
        return float(1.0 - np.mean(self.converged))

    def _ok(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(x)[self.converged]

    @property
    def relative_width(self) -> np.ndarray:
        """Width of each study's interval relative to the true shelf life (converged)."""
        with np.errstate(invalid="ignore"):
            return (self._ok(self.ci_high) - self._ok(self.ci_low)) / self.true_shelf_life

    @property
    def coverage(self) -> float:
        """Share of (converged) studies whose interval contains the true shelf life."""
        lo, hi, t = self._ok(self.ci_low), self._ok(self.ci_high), self.true_shelf_life
        return float(np.mean((lo <= t) & (t <= hi))) if lo.size else math.nan

    def metrics(self) -> dict[str, float]:
        """All summary figures as floats (days, kJ/mol, shares as fractions)."""
        est = self._ok(self.estimates)
        w = self.relative_width
        wf = w[np.isfinite(w)]
        ea = self._ok(self.ea_estimates)
        ea_w = self._ok(self.ea_high) - self._ok(self.ea_low)
        ea_cov = (self._ok(self.ea_low) <= self.truth.activation_energy) & (
            self.truth.activation_energy <= self._ok(self.ea_high)
        )

        def q(x, p):
            x = x[~np.isnan(x)]
            return float(np.quantile(x, p)) if x.size else math.nan

        t = self.true_shelf_life
        return {
            "true_shelf_life": t,
            "median_estimate": q(est, 0.5),
            "estimate_p05": q(est, 0.05),
            "estimate_p95": q(est, 0.95),
            "within_20_percent": float(np.mean(np.abs(est / t - 1.0) <= CLOSE))
            if est.size
            else math.nan,
            "median_ci_low": q(self._ok(self.ci_low), 0.5),
            "median_ci_high": q(self._ok(self.ci_high), 0.5),
            "mean_relative_width": float(np.mean(wf)) if wf.size else math.nan,
            "median_relative_width": q(w, 0.5),
            "coverage": self.coverage,
            "approached": float(np.mean(self._ok(self.approached))) if est.size else math.nan,
            "ea_median": q(ea, 0.5),
            "ea_p05": q(ea, 0.05),
            "ea_p95": q(ea, 0.95),
            "ea_mean_ci_width": float(np.nanmean(ea_w)) if ea_w.size else math.nan,
            "ea_coverage": float(np.mean(ea_cov)) if ea.size else math.nan,
            "failed": self.failed_share,
        }

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The design's notices under this truth, and notices about the simulation."""
        ctx = replace(
            self.design,
            storage=self.storage,
            activation_energy=(self.truth.activation_energy,) * 2,
            expected_shelf_life=self.true_shelf_life,
        )
        return tuple(design_notices(ctx)) + tuple(self.extra_notices)

    # ----------------------------------------------------------------- display
    def answer(self, lang: str = "en") -> str:
        """The planning question answered in one paragraph (``lang`` "en" or "id")."""
        m = self.metrics()
        d = self.design
        counts = sorted({len(p) for p in d.pulls})
        what, _ = render(
            "design_answer",
            lang,
            temperatures=_cs(d.temperatures),
            duration=_n(d.duration),
            pulls=counts[0] if len(counts) == 1 else f"{counts[0]}–{counts[-1]}",
            replicates=d.replicates,
            level=_n(100 * self.level),
            storage=_c(self.storage),
            low=_n(m["median_ci_low"]),
            high=_n(m["median_ci_high"]),
            true=_n(m["true_shelf_life"]),
            width=_n(100 * m["median_relative_width"]),
            coverage=_n(100 * m["coverage"]),
            n=self.n_sim,
            within=_n(100 * m["within_20_percent"]),
        )
        return what

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """The figures as a one-column table (index: metric with its unit)."""
        import pandas as pd

        from ..report.i18n import check_lang

        check_lang(lang)
        m = self.metrics()
        d = self.design
        counts = sorted({len(p) for p in d.pulls})
        lvl = f"{100 * self.level:g}"
        values = {
            "temperatures": _cs(d.temperatures),
            "duration": round(d.duration, 1),
            "pulls": str(counts[0]) if len(counts) == 1 else f"{counts[0]}–{counts[-1]}",
            "replicates": d.replicates,
            "measurements": d.n_measurements,
            "true_shelf_life": m["true_shelf_life"],
            "median_estimate": m["median_estimate"],
            "estimate_p05": m["estimate_p05"],
            "estimate_p95": m["estimate_p95"],
            "within_20_percent": 100 * m["within_20_percent"],
            "median_ci_low": m["median_ci_low"],
            "median_ci_high": m["median_ci_high"],
            "mean_relative_width": 100 * m["mean_relative_width"],
            "median_relative_width": 100 * m["median_relative_width"],
            "coverage": 100 * m["coverage"],
            "approached": 100 * m["approached"],
            "ea_median": m["ea_median"],
            "ea_p05": m["ea_p05"],
            "ea_p95": m["ea_p95"],
            "ea_mean_ci_width": m["ea_mean_ci_width"],
            "failed": 100 * m["failed"],
        }
        index = [_ROWS[k][lang].format(level=lvl, storage=f"{_c(self.storage):g}") for k in values]
        col = self.name or ("design" if lang == "en" else "rancangan")
        return pd.DataFrame({col: list(values.values())}, index=index, dtype=object)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description: design, truth, settings, figures, notices, answer."""
        m = self.metrics()

        def num(x):
            return None if x is None or not math.isfinite(x) else float(x)

        units = {
            "true_shelf_life": "day",
            "median_estimate": "day",
            "estimate_p05": "day",
            "estimate_p95": "day",
            "median_ci_low": "day",
            "median_ci_high": "day",
            "ea_median": "kJ/mol",
            "ea_p05": "kJ/mol",
            "ea_p95": "kJ/mol",
            "ea_mean_ci_width": "kJ/mol",
        }
        return {
            "name": self.name,
            "design": self.design.to_dict(),
            "truth": self.truth.to_dict(),
            "storage": {"value": round(self.storage - 273.15, 6), "unit": "degC"},
            "n_sim": self.n_sim,
            "seed": self.seed,
            "level": self.level,
            "error_model": self.error_model,
            "metrics": {
                k: {"value": num(v), "unit": units.get(k, "fraction")} for k, v in m.items()
            },
            "n_fallback": self.n_fallback,
            "notices": [n.to_dict() for n in self.notices],
            "answer": self.answer("en"),
            "answer_id": self.answer("id"),
        }

    def plot(self, ax=None, *, kind: str = "width", lang: str = "en"):
        """:func:`shelflife.design.plot_designs` for this one evaluation."""
        from .compare import plot_designs

        return plot_designs({self.name or self.design.label: self}, ax=ax, kind=kind, lang=lang)

    def __str__(self) -> str:
        lines = [f"Design evaluation: {self.design.label}", self.answer("en")]
        lines += [f"  ! {n.message('en')}" for n in self.notices]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        df = self.summary()
        out = f"<p><b>{html.escape(self.design.label)}</b></p><p>{html.escape(self.answer())}</p>"
        out += df.to_html(float_format=lambda x: f"{x:.4g}", na_rep="–")
        out += "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        return out


def _n(x: float) -> float | int:
    """A number for messages: whole from 100 up, one decimal below (nan kept)."""
    x = float(x)
    if not math.isfinite(x):
        return x
    return int(round(x)) if abs(x) >= 100 else round(x, 1)


_ROWS: dict[str, dict[str, str]] = {
    "temperatures": {"en": "temperatures [°C]", "id": "suhu [°C]"},
    "duration": {"en": "duration [day]", "id": "durasi [hari]"},
    "pulls": {"en": "pulls per chamber", "id": "pengambilan per ruang simpan"},
    "replicates": {"en": "replicates per pull", "id": "ulangan per pengambilan"},
    "measurements": {"en": "measurements", "id": "jumlah pengukuran"},
    "true_shelf_life": {
        "en": "true shelf life at {storage} °C [day]",
        "id": "umur simpan sebenarnya pada {storage} °C [hari]",
    },
    "median_estimate": {"en": "median estimate [day]", "id": "median estimasi [hari]"},
    "estimate_p05": {"en": "estimate, 5th percentile [day]", "id": "estimasi, persentil 5 [hari]"},
    "estimate_p95": {
        "en": "estimate, 95th percentile [day]",
        "id": "estimasi, persentil 95 [hari]",
    },
    "within_20_percent": {
        "en": "estimates within ±20 % of truth [%]",
        "id": "estimasi dalam ±20 % dari nilai sebenarnya [%]",
    },
    "median_ci_low": {
        "en": "{level} % CI, median lower bound [day]",
        "id": "SK {level} %, median batas bawah [hari]",
    },
    "median_ci_high": {
        "en": "{level} % CI, median upper bound [day]",
        "id": "SK {level} %, median batas atas [hari]",
    },
    "mean_relative_width": {
        "en": "{level} % CI width, mean [% of truth]",
        "id": "lebar SK {level} %, rata-rata [% nilai sebenarnya]",
    },
    "median_relative_width": {
        "en": "{level} % CI width, median [% of truth]",
        "id": "lebar SK {level} %, median [% nilai sebenarnya]",
    },
    "coverage": {
        "en": "{level} % CI coverage [%]",
        "id": "cakupan SK {level} % [%]",
    },
    "approached": {
        "en": "studies approaching the limit [%]",
        "id": "studi yang mendekati batas [%]",
    },
    "ea_median": {"en": "Ea, median estimate [kJ/mol]", "id": "Ea, median estimasi [kJ/mol]"},
    "ea_p05": {"en": "Ea, 5th percentile [kJ/mol]", "id": "Ea, persentil 5 [kJ/mol]"},
    "ea_p95": {"en": "Ea, 95th percentile [kJ/mol]", "id": "Ea, persentil 95 [kJ/mol]"},
    "ea_mean_ci_width": {
        "en": "Ea {level} % CI width, mean [kJ/mol]",
        "id": "lebar SK {level} % Ea, rata-rata [kJ/mol]",
    },
    "failed": {"en": "failed fits [%]", "id": "pemasangan gagal [%]"},
}


# ------------------------------------------------------------------------ simulation
def _fit_all(model, batch, t, T, Y, theta0, error_model, fallback):
    """Fit every simulated data set; returns thetas, converged, weights, fallback count."""
    from ..fitting import fit_floats
    from ..uncertainty.solver import fit_many

    B, n = Y.shape
    res = fit_many(model, t, T, None, Y, theta0, batch=batch)
    X, conv = res.thetas, res.converged.copy()
    W = None
    if error_model == "proportional":
        for _ in range(IRLS_STEPS):
            start = np.where(conv[:, None], X, theta0)
            mu = batch.predict(start)
            with np.errstate(divide="ignore", invalid="ignore"):
                w = 1.0 / mu**2
            w = np.where(np.isfinite(w) & (w > 0), w, 1.0)
            w = w / w.mean(axis=1, keepdims=True)
            res = fit_many(model, t, T, None, Y, start, weights=w, batch=batch)
            X, conv, W = res.thetas, res.converged.copy(), w
    n_fallback = 0
    if fallback:
        todo = np.flatnonzero(~conv)[: FALLBACK_MAX + int(0.05 * B)]
        for b in todo:
            n_fallback += 1
            try:
                fit = fit_floats(
                    t,
                    T,
                    Y[b],
                    order=model.order,
                    sign=model.sign,
                    reference_temperature_K=model.reference_temperature,
                    error_model=error_model,
                )
            except (ShelfLifeError, ValueError, FloatingPointError, np.linalg.LinAlgError):
                continue
            if fit.converged and np.all(np.isfinite(fit.theta)):
                X[b], conv[b] = fit.theta, True
                if W is not None:
                    W[b] = fit.weights
    X[~conv] = np.nan
    return X, conv, W, n_fallback


def _covariances(batch, X, Y, W, dof):
    """Parameter covariances :math:`s^2 (J^T W J)^{-1}` of many fits, ``(B, P, P)``."""
    mu, J = batch(X)
    w = np.ones_like(Y) if W is None else W
    r = Y - mu
    s2 = np.einsum("bn,bn->b", w * r, r) / dof
    A = np.einsum("bni,bn,bnj->bij", J, w, J)
    with np.errstate(all="ignore"):
        try:
            inv = np.linalg.inv(A)
        except np.linalg.LinAlgError:
            inv = np.linalg.pinv(A)
    return s2[:, None, None] * inv, mu


def evaluate_design(
    design: Design,
    *,
    truth: dict[str, Any] | Truth,
    storage: Any = "30 degC",
    n_sim: int = 500,
    seed: int = 0,
    level: float = 0.95,
    error_model: str = "auto",
    fallback: bool = True,
    name: str = "",
) -> DesignEvaluation:
    r"""Predict the precision of a design's shelf-life estimate by simulation.

    Parameters
    ----------
    design : Design
        The plan (chambers, pulls, replicates).
    truth : dict or Truth
        The assumed truth: ``order`` (zero, first or second), ``initial``, ``limit``
        [attribute unit], ``direction`` ("max" or "min"), ``activation_energy`` (e.g.
        ``"80 kJ/mol"``), ``shelf_life`` at ``storage`` (e.g. ``"6 month"``; or
        ``rate_constant`` there, e.g. ``"0.0126 1/day"``), noise ``sd`` [attribute unit]
        and/or ``cv`` (fraction of the mean). See :meth:`Truth.from_dict`.
    storage : pint.Quantity or str
        Temperature the shelf life is wanted at. [°C, K or °F]
    n_sim : int
        Simulated studies (20 to 100,000).
    seed : int
        Seed of the random generator; the result is reproducible with it.
    level : float
        Confidence level of the intervals.
    error_model : {"auto", "constant", "proportional"}
        Error model of the fits; ``"auto"`` is ``"proportional"`` when the truth has only
        ``cv`` noise, else ``"constant"``.
    fallback : bool
        Retry studies the stacked solver cannot fit with :func:`shelflife.fitting.fit_floats`.
    name : str
        Name in comparisons and plots.

    Returns
    -------
    DesignEvaluation
        Median and 5-95 % range of the estimates, typical interval, mean relative width,
        coverage, share of studies approaching the limit, precision of Ea and share of
        failed fits (:meth:`DesignEvaluation.metrics`), with :meth:`~DesignEvaluation.summary`,
        :meth:`~DesignEvaluation.to_dict`, :meth:`~DesignEvaluation.answer` and notices.

    Examples
    --------
    >>> d = Design.from_spec(temperatures=["30 degC", "40 degC", "50 degC"],
    ...                      duration="8 week", pulls=7, replicates=3)
    >>> ev = evaluate_design(d, truth={"order": "first", "initial": 1.0, "limit": 10.0,
    ...     "direction": "max", "activation_energy": "80 kJ/mol", "shelf_life": "6 month",
    ...     "cv": 0.08}, n_sim=100)
    >>> round(ev.true_shelf_life, 2)
    182.62
    """
    from .._stats import t_quantile
    from ..fitting import KineticModel
    from ..models import ARRHENIUS, References, get_order, reference_temperature
    from ..uncertainty._common import shelf_life_many
    from ..uncertainty.solver import BatchModel

    if not isinstance(design, Design):
        raise InputError(
            "option_unknown", what="design", value=type(design).__name__, choices="Design"
        )
    truth = Truth.from_dict(truth)
    Ts = _kelvin(storage, "storage")
    _check_setting("n_sim", int(n_sim), 20, 100_000)
    _check_setting("level", float(level), 0.5, 0.999)
    if error_model == "auto":
        error_model = "proportional" if truth.sd <= 0 else "constant"
    if error_model not in ("constant", "proportional"):
        raise InputError(
            "option_unknown",
            what="error model",
            value=error_model,
            choices="auto, constant, proportional",
        )
    t, T, _ = design.arrays()
    n, P = t.size, 3
    _check_setting("measurements", n, P + 1, math.inf)
    dof = n - P

    T_ref = reference_temperature(T)
    model = KineticModel(get_order(truth.order), ARRHENIUS, truth.sign, References(T_ref))
    ea = truth.activation_energy
    ln_k_ref = math.log(truth.rate_constant) - (ea / GAS_CONSTANT) * (1.0 / T_ref - 1.0 / Ts)
    theta = np.array([truth.initial, ln_k_ref, ea])
    mu = model.predict(theta, t, T)
    rng = np.random.default_rng(seed)
    sd = np.sqrt(truth.sd**2 + (truth.cv * mu) ** 2)
    Y = mu + sd * rng.standard_normal((int(n_sim), n))

    batch = BatchModel(model, t, T, None, theta)
    X, conv, W, n_fallback = _fit_all(model, batch, t, T, Y, theta, error_model, fallback)

    B = int(n_sim)
    est = np.full(B, np.nan)
    lo, hi = est.copy(), est.copy()
    ea_hat, ea_lo, ea_hi = est.copy(), est.copy(), est.copy()
    approached = np.zeros(B, dtype=bool)
    rows = np.flatnonzero(conv)
    if rows.size:
        Xc = X[rows]
        cov, mu_hat = _covariances(batch, Xc, Y[rows], None if W is None else W[rows], dof)
        q = t_quantile(0.5 + level / 2.0, dof)
        Tsa = np.array([Ts])
        e = shelf_life_many(model, Xc, Tsa, truth.limit, truth.direction)[:, 0]
        grad = np.empty((rows.size, P))
        for i in range(P):
            h = 1e-6 * np.maximum(np.abs(Xc[:, i]), 1e-3)
            Xp, Xm = Xc.copy(), Xc.copy()
            Xp[:, i] += h
            Xm[:, i] -= h
            with np.errstate(all="ignore"):
                fp = np.log(shelf_life_many(model, Xp, Tsa, truth.limit, truth.direction)[:, 0])
                fm = np.log(shelf_life_many(model, Xm, Tsa, truth.limit, truth.direction)[:, 0])
                grad[:, i] = (fp - fm) / (2.0 * h)
        with np.errstate(all="ignore"):
            se = np.sqrt(np.clip(np.einsum("bi,bij,bj->b", grad, cov, grad), 0.0, None))
            finite = np.isfinite(e) & (e > 0)
            lo_r = np.where(finite, e * np.exp(-q * se), e)
            hi_r = np.where(finite, e * np.exp(q * se), e)
        est[rows], lo[rows], hi[rows] = e, lo_r, hi_r
        ea_se = np.sqrt(np.clip(cov[:, 2, 2], 0.0, None))
        ea_hat[rows] = Xc[:, 2]
        ea_lo[rows], ea_hi[rows] = Xc[:, 2] - q * ea_se, Xc[:, 2] + q * ea_se
        # how far towards the limit the fitted curves get within the data
        last = np.cumsum([len(p) * design.replicates for p in design.pulls]) - 1
        a0 = Xc[:, :1]
        with np.errstate(all="ignore"):
            reach = (mu_hat[:, last] - a0) / (truth.limit - a0)
        approached[rows] = np.nanmax(reach, axis=1) >= APPROACH_FRACTION

    for arr in (est, lo, hi, ea_hat, ea_lo, ea_hi, conv, approached):
        arr.flags.writeable = False
    ev = DesignEvaluation(
        design=design,
        truth=truth,
        storage=Ts,
        n_sim=B,
        seed=int(seed),
        level=float(level),
        error_model=error_model,
        estimates=est,
        ci_low=lo,
        ci_high=hi,
        ea_estimates=ea_hat,
        ea_low=ea_lo,
        ea_high=ea_hi,
        converged=conv,
        approached=approached,
        n_fallback=n_fallback,
        name=name,
    )
    extra = []
    failed = int(B - conv.sum())
    if failed > FAILED_NOTICE * B:
        extra.append(
            Notice(
                "design_fits_failed",
                "convergence",
                None,
                {"failed": failed, "n": B, "percent": round(100.0 * failed / B, 1)},
            )
        )
    cov_share = ev.coverage
    if math.isfinite(cov_share) and cov_share < level - COVERAGE_SLACK:
        extra.append(
            Notice(
                "design_coverage_low",
                "design",
                None,
                {"level": _n(100 * level), "coverage": _n(100 * cov_share)},
            )
        )
    return replace(ev, extra_notices=tuple(extra))
