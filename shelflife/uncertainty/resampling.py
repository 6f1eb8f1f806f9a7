r"""Bootstrap intervals for the parameters and the shelf life of a one-step fit.

Three resampling schemes (Efron & Tibshirani [1]_ ch. 9; Davison & Hinkley [2]_ ch. 6-7):

``"residual"``
    The model is right, the errors exchangeable. Each resample is the fitted curve plus
    residuals drawn with replacement from the whole data set,
    :math:`y_i^* = \hat\mu_i + \varepsilon^*_i/\sqrt{w_i}`, where the pool is the
    *modified* (leverage-corrected, centred) residuals of Davison & Hinkley (their
    eq. 6.9 with the tangent-plane leverages :math:`h_i` of the nonlinear fit):

    .. math::

        e_i = \frac{\sqrt{w_i}\,(y_i - \hat\mu_i)}{\sqrt{1 - h_i}},\qquad
        \varepsilon^*_i \sim \text{uniform on } \{e_j - \bar e\}.

    Raw residuals are too small on average by the factor :math:`\sqrt{1 - p/n}`; the
    leverage correction removes that bias. :math:`w_i` are the fit's weights (all one for
    ordinary least squares).

``"case"``
    Robust to a wrong variance model. Rows are drawn with replacement *within each storage
    condition* (temperature, and RH for humidity models), so the model stays identifiable.
    A resample is fitted with the resampling counts as case weights (the same as
    repeating rows). Drawing all :math:`m_h` rows of a condition with replacement
    reproduces the spread of the estimates too small by the factor
    :math:`(m_h - 1)/m_h` in variance (Efron & Tibshirani [1]_ sec. 6.5's
    :math:`(n-1)/n`, per stratum), which matters with the 8-12 measurements per
    temperature of a food study. So the *rescaling bootstrap* of Rao & Wu [5]_ is used
    (their choice :math:`m^*_h = m_h - 1`): :math:`m_h - 1` rows are drawn in each
    condition and each draw weighs :math:`m_h/(m_h - 1)`, which makes the bootstrap
    variance of a per-condition mean unbiased (a condition with one row keeps it). In the
    calibration study of ``docs/validation.md`` this lifted the coverage of the 95 %
    intervals with few pulls (4 storage times × 2 replicates, pooled over 8 designs) from
    91.7-93.1 % to 93.7-94.8 %.

``"parametric"``
    The model and its normal error law are right: :math:`y_i^* = \hat\mu_i +
    \hat\sigma z_i/\sqrt{w_i}`, :math:`z_i \sim N(0, 1)`.

Every resample is refitted by the stacked Levenberg-Marquardt solver
(:func:`~shelflife.uncertainty.solver.fit_many`) starting from the original estimate, so
2000 refits take a fraction of a second. Weighted fits keep their weights fixed at the
fitted values (one-step generalised least squares).

*Percentile interval* at level :math:`1-\alpha`: the :math:`\alpha/2` and
:math:`1-\alpha/2` quantiles of the bootstrap estimates (reported scale: rate constants as
rate constants, not logarithms; the interval is the same either way because quantiles
commute with monotone maps).

*Small-sample expansion* (``expand=True``, the default). The bootstrap distribution
reproduces the spread of the estimates as if :math:`\sigma` were known: for a normal,
nearly linear model its :math:`\alpha/2` and :math:`1-\alpha/2` quantiles are
:math:`\hat\theta \mp z_{1-\alpha/2}\,\mathrm{SE}`, narrower than the Student-t
interval by :math:`z_{1-\alpha/2}/t_{\nu;1-\alpha/2}` (:math:`\nu = n - p` residual
degrees of freedom; 0.94 for :math:`\nu = 21`), so in a study with few pulls the textbook
percentile interval covers the truth less often than it says (93.4-93.7 % for a nominal
95 % over the designs with 4 pulls × 2 replicates per temperature in ``docs/validation.md``,
section "Coverage of the 95 % intervals"; 94.4-94.9 % expanded). The
*expanded percentile interval* (Hesterberg [4]_; ``expand = TRUE``, the default of
``CI.percentile`` and ``CI.bca`` in his R package *resample*) takes the quantiles at the
tail probability :math:`\alpha'/2 = \Phi(-t_{\nu;1-\alpha/2})` instead of
:math:`\alpha/2`, so that for a normal bootstrap distribution it is exactly the Student-t
interval of the delta method, while it keeps the asymmetry of the draws. (Hesterberg also
widens by :math:`\sqrt{n/(n-1)}` for a sample mean; the residual resamples here are
already leverage-corrected to the unbiased variance, so only the t factor remains.) The
BCa interval uses the same :math:`\pm t_{\nu;1-\alpha/2}` in place of
:math:`z_{\alpha/2,\,1-\alpha/2}` below. With many degrees of freedom the expansion
vanishes (:math:`\nu = 93`: 1.3 % wider). ``expand=False`` gives the textbook intervals.

*BCa interval* (bias-corrected and accelerated, Efron [3]_; [1]_ ch. 14): the quantiles at

.. math::

    \alpha_{1,2} = \Phi\!\left(z_0 + \frac{z_0 + z_{\alpha/2,\,1-\alpha/2}}
                      {1 - a\,(z_0 + z_{\alpha/2,\,1-\alpha/2})}\right),\quad
    z_0 = \Phi^{-1}\!\big(\#\{\hat\theta^* < \hat\theta\}/B\big),\quad
    a = \frac{\sum_i (\bar\theta_{(\cdot)} - \theta_{(i)})^3}
             {6\,[\sum_i (\bar\theta_{(\cdot)} - \theta_{(i)})^2]^{3/2}},

with the acceleration :math:`a` from the delete-one jackknife :math:`\theta_{(i)}`
(:math:`n` further refits, done in one stacked call). It corrects for bias and for a
standard error that changes with the parameter; it is ``nan`` where the jackknife or the
bootstrap distribution is degenerate (e.g. infinite shelf lives).

The shelf life is recomputed from every bootstrap estimate by the closed-form crossing
time of the model (:meth:`~shelflife.fitting.KineticModel.time_to_limit`); the
conservative (ICH Q1E) value is not bootstrapped.

References
----------
.. [1] B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*. New York, NY,
   USA: Chapman & Hall, 1993.
.. [2] A. C. Davison and D. V. Hinkley, *Bootstrap Methods and their Application*.
   Cambridge, U.K.: Cambridge University Press, 1997.
.. [3] B. Efron, "Better bootstrap confidence intervals," *J. Amer. Statist. Assoc.*,
   vol. 82, no. 397, pp. 171-185, 1987. doi:10.1080/01621459.1987.10478410
.. [4] T. C. Hesterberg, "What teachers should know about the bootstrap: resampling in the
   undergraduate statistics curriculum," *Amer. Statist.*, vol. 69, no. 4, pp. 371-386,
   2015. doi:10.1080/00031305.2015.1089789 (arXiv:1411.5279)
.. [5] J. N. K. Rao and C. F. J. Wu, "Resampling inference with complex survey data,"
   *J. Amer. Statist. Assoc.*, vol. 83, no. 401, pp. 231-241, 1988.
   doi:10.1080/01621459.1988.10478591
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import (
    check_level,
    fit_notices,
    fit_weights,
    free_mask,
    freeze,
    kelvin,
    parameter_labels,
    progress_bar,
    quantiles,
    reported,
    require_limit,
    rh_values,
    shelf_life_many,
)
from ._display import DrawsDisplay
from .solver import BatchModel, fit_many

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult

__all__ = ["bootstrap", "BootstrapResult", "KINDS", "tail_probability"]

#: Resampling schemes of :func:`bootstrap`.
KINDS = ("residual", "case", "parametric")
#: Data sets refitted per stacked call (bounds memory; one progress-bar step each).
CHUNK = 500


@dataclass(frozen=True, eq=False)
class BootstrapResult(DrawsDisplay):
    """Bootstrap distribution of the parameters and shelf lives of one fit.

    Attributes
    ----------
    kind : {"residual", "case", "parametric"}
        Resampling scheme.
    n, seed : int
        Resamples requested and the seed of :func:`numpy.random.default_rng`.
    level : float
        Two-sided level of the intervals.
    attribute : str
        Attribute name.
    parameter_names, parameter_symbols, parameter_units : tuple of str
        Reported parameters, in model order.
    estimates : numpy.ndarray
        Estimates of the original fit on the reported scale, shape ``(P,)``.
    parameter_draws : numpy.ndarray
        Bootstrap estimates (reported scale) of the converged refits, ``(m, P)``.
    temperatures : numpy.ndarray
        Shelf-life temperatures [K], ``(k,)``.
    shelf_life : numpy.ndarray
        Shelf life of the original fit [day], ``(k,)``.
    shelf_life_draws : numpy.ndarray
        Shelf life of every converged refit [day], ``(m, k)`` (``inf``: limit never
        reached).
    percentile, bca : tuple of numpy.ndarray
        ``(parameters (P, 2), shelf life (k, 2))`` intervals; BCa is ``nan`` when not
        computed or undefined.
    expanded : bool
        Whether the intervals are expanded for the residual degrees of freedom (module
        notes); ``tail`` is the tail probability actually used (``(1 - level) / 2`` when
        not expanded).
    n_converged, n_fallback : int
        Refits that converged, and refits handed to the one-by-one solver.
    notices : tuple of Notice
        Warnings (refits that failed).
    """

    kind: str
    n: int
    seed: int
    level: float
    attribute: str
    parameter_names: tuple[str, ...]
    parameter_symbols: tuple[str, ...]
    parameter_units: tuple[str, ...]
    estimates: np.ndarray
    parameter_draws: np.ndarray
    temperatures: np.ndarray
    shelf_life: np.ndarray
    shelf_life_draws: np.ndarray
    percentile: tuple[np.ndarray, np.ndarray]
    bca: tuple[np.ndarray, np.ndarray]
    n_converged: int
    n_fallback: int
    notices: tuple = ()
    expanded: bool = False
    tail: float = float("nan")

    @property
    def method(self) -> str:
        """``"bootstrap-<kind>"``."""
        return f"bootstrap-{self.kind}"

    @property
    def stderr(self) -> dict[str, float]:
        """Bootstrap standard errors of the parameters (reported scale)."""
        sd = np.std(self.parameter_draws, axis=0, ddof=1)
        return dict(zip(self.parameter_names, map(float, sd), strict=True))

    def _intervals(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        out = {"percentile": self.percentile}
        if np.any(np.isfinite(self.bca[0])) or np.any(np.isfinite(self.bca[1])):
            out["bca"] = self.bca
        return out

    def _provenance(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "level": self.level,
            "n": self.n,
            "n_converged": self.n_converged,
            "seed": self.seed,
            "expanded": self.expanded,
        }

    def _title(self) -> str:
        return (
            f"Bootstrap ({self.kind} resampling) of '{self.attribute}': {self.n} resamples "
            f"({self.n_converged} converged), seed {self.seed}, "
            f"{100 * self.level:g} % intervals"
            + (f" (expanded: tails {100 * self.tail:.2f} %)" if self.expanded else "")
        )

    def __str__(self) -> str:
        return self._title()


# ------------------------------------------------------------------------ resampling
def _leverages(J: np.ndarray) -> np.ndarray:
    """Diagonal of the hat matrix of the (weighted) tangent plane."""
    Q, _ = np.linalg.qr(J)
    return np.clip(np.sum(Q**2, axis=1), 0.0, 1.0 - 1e-12)


def _strata(fit: FitResult) -> list[np.ndarray]:
    """Row indices per storage condition (temperature, and RH when modelled)."""
    keys = fit.temperature if fit.rh is None else np.stack([fit.temperature, fit.rh], axis=1)
    _, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = np.ravel(inverse)
    return [np.flatnonzero(inverse == g) for g in range(inverse.max() + 1)]


def _case_counts(rng: np.random.Generator, strata: list[np.ndarray], n: int, N: int):
    """Case weights ``(n, N)`` of the rescaling bootstrap (Rao & Wu, ``m* = m - 1``).

    In a stratum of ``m >= 2`` rows, ``m - 1`` rows are drawn with replacement and each
    draw weighs ``m / (m - 1)`` (the weights of a stratum sum to ``m``); a stratum of one
    row keeps it with weight 1.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> w = _case_counts(rng, [np.array([0, 1, 2, 3]), np.array([4])], 2000, 5)
    >>> w[:, :4].sum(axis=1).min(), w[:, 4].max()
    (np.float64(4.0), np.float64(1.0))
    >>> bool(abs(w[:, 0].mean() - 1.0) < 0.05)  # each row weighs 1 on average
    True
    """
    counts = np.zeros((n, N))
    offsets = (np.arange(n) * N)[:, None]
    for rows in strata:
        m = rows.size
        if m < 2:
            counts[:, rows] += 1.0
            continue
        picks = rows[rng.integers(0, m, size=(n, m - 1))]
        drawn = np.bincount((picks + offsets).ravel(), minlength=n * N).reshape(n, N)
        counts += (m / (m - 1)) * drawn
    return counts


def _bca(draws, estimate, jack, probs):
    """BCa intervals per column; ``nan`` where undefined."""
    from scipy.special import ndtr, ndtri

    k = draws.shape[1]
    out = np.full((k, 2), np.nan)
    z_alpha = ndtri(np.asarray(probs))
    for j in range(k):
        x = draws[:, j][~np.isnan(draws[:, j])]
        jk = jack[:, j]
        est = estimate[j]
        if x.size < 2 or not np.isfinite(est) or not np.all(np.isfinite(jk)):
            continue
        if np.all(x == est):
            out[j] = est
            continue
        z0 = ndtri(np.mean(x < est) + 0.5 * np.mean(x == est))
        d = jk.mean() - jk
        ss = np.sum(d**2)
        a = np.sum(d**3) / (6.0 * ss**1.5) if ss > 0 else 0.0
        if not np.isfinite(z0):
            continue
        adj = ndtr(z0 + (z0 + z_alpha) / (1.0 - a * (z0 + z_alpha)))
        out[j] = quantiles(x, adj)[:, 0]
    return out


def bootstrap(
    fit: FitResult,
    n: int = 2000,
    *,
    kind: str = "residual",
    seed: int = 0,
    level: float = 0.95,
    temperatures: Any = None,
    rh: Any = None,
    bca: bool = True,
    progress: bool = False,
    expand: bool = True,
) -> BootstrapResult:
    r"""Bootstrap the fit: percentile (and BCa) intervals of parameters and shelf lives.

    Parameters
    ----------
    fit : FitResult
        A one-step fit (:func:`shelflife.fit`).
    n : int
        Number of resamples.
    kind : {"residual", "case", "parametric"}
        Resampling scheme (see the module notes): residuals of the whole data set, rows
        within each storage temperature, or simulation from the fitted model with
        :math:`\hat\sigma`.
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same result.
    level : float
        Two-sided level of the intervals.
    temperatures : float or pint.Quantity or str or list, optional
        Temperatures at which to bootstrap the shelf life [K as bare numbers, or
        quantities/strings in °C, K or °F]; none by default.
    rh : pint.Quantity or str, optional
        Relative humidity of the shelf-life conditions (humidity models only). [%]
    bca : bool
        Also compute BCa intervals (one stacked jackknife of ``len(data)`` refits).
    progress : bool
        Show a tqdm progress bar (silently skipped when tqdm is not installed).
    expand : bool
        Expand the percentile and BCa intervals for the residual degrees of freedom
        (tail probability :math:`\Phi(-t_{\nu;(1+level)/2})` instead of
        :math:`(1 - level)/2`; module notes). ``False`` gives the textbook intervals,
        which undercover in studies with few measurements.

    Returns
    -------
    BootstrapResult
        Draws, percentile and BCa intervals, and notices about failed refits.

    Raises
    ------
    InputError
        Unknown ``kind``; shelf life asked for an attribute without a limit.

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.uncertainty import bootstrap
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> b = bootstrap(fit, 200, seed=1, temperatures="30 degC")
    >>> lo, hi = b.interval("activation_energy")
    >>> bool(lo < fit.parameters["activation_energy"].value < hi)
    True
    """
    if kind not in KINDS:
        from ..errors import InputError

        raise InputError(
            "option_unknown", what="bootstrap kind", value=kind, choices=", ".join(KINDS)
        )
    level = check_level(level)
    model = fit.model
    T_sl = kelvin(temperatures)
    rh_sl = rh_values(fit, rh, T_sl.shape) if T_sl.size else None
    limit = require_limit(fit) if T_sl.size else np.nan
    direction = fit.attribute.direction
    free = free_mask(fit)
    t, T, rh_data, y = fit.time, fit.temperature, fit.rh, fit.value
    N = y.size
    w = fit_weights(fit)
    sw = np.sqrt(w)
    theta = np.asarray(fit.theta, dtype=float)
    batch = BatchModel(model, t, T, rh_data, theta)
    mu, J = batch(theta[None])
    mu, J = mu[0], J[0][:, free]
    rng = np.random.default_rng(seed)

    weights: np.ndarray | None = None if np.all(w == 1.0) else w
    if kind == "residual":
        h = _leverages(sw[:, None] * J)
        e = sw * (y - mu) / np.sqrt(1.0 - h)
        e = e - e.mean()
        Y = mu + e[rng.integers(0, N, size=(n, N))] / sw
    elif kind == "parametric":
        sigma = float(fit.statistics["sigma"])
        Y = mu + sigma * rng.standard_normal((n, N)) / sw
    else:  # case
        counts = _case_counts(rng, _strata(fit), n, N)
        Y = np.broadcast_to(y, (n, N))
        weights = counts * w

    thetas = np.full((n, theta.size), np.nan)
    converged = np.zeros(n, dtype=bool)
    n_fallback = 0
    bar = progress_bar(n, progress, f"bootstrap ({kind})")
    try:
        for start in range(0, n, CHUNK):
            sl = slice(start, min(start + CHUNK, n))
            wk = None if weights is None else (weights[sl] if weights.ndim == 2 else weights)
            res = fit_many(model, t, T, rh_data, Y[sl], theta, free, weights=wk, batch=batch)
            thetas[sl], converged[sl] = res.thetas, res.converged
            n_fallback += res.fallbacks
            bar.update(sl.stop - sl.start)
    finally:
        bar.close()

    ok = converged
    rep_est = reported(model, theta)
    rep_draws = reported(model, thetas[ok])
    sl_est = shelf_life_many(model, theta, T_sl, limit, direction, rh_sl)[0]
    sl_draws = shelf_life_many(model, thetas[ok], T_sl, limit, direction, rh_sl)
    tail = tail_probability(level, int(fit.statistics["dof"]) if expand else 0)
    probs = [tail, 1.0 - tail]
    pct = (quantiles(rep_draws, probs).T, quantiles(sl_draws, probs).T)
    P = theta.size
    bca_iv = (np.full((P, 2), np.nan), np.full((T_sl.size, 2), np.nan))
    if bca and ok.sum() > 1:
        # delete-one jackknife, stacked: row i drops observation i
        jack = np.full((N, theta.size), np.nan)
        for lo in range(0, N, CHUNK):
            rows = np.arange(lo, min(lo + CHUNK, N))
            jw = np.broadcast_to(w, (rows.size, N)).copy()
            jw[np.arange(rows.size), rows] = 0.0
            Yj = np.broadcast_to(y, (rows.size, N))
            jack[rows] = fit_many(
                model, t, T, rh_data, Yj, theta, free, weights=jw, batch=batch
            ).thetas
        jack_par = reported(model, jack)
        jack_sl = shelf_life_many(model, jack, T_sl, limit, direction, rh_sl)
        bca_iv = (
            _bca(rep_draws, rep_est, jack_par, probs),
            _bca(sl_draws, sl_est, jack_sl, probs),
        )

    notices = fit_notices(fit)
    notices.extend(_coverage_notices(fit, kind, bool(expand), bca, level))
    failed = int(n - ok.sum())
    if failed:
        from ..errors import Notice

        notice = Notice(
            "bootstrap_not_converged",
            "convergence",
            fit.attribute.name,
            {"failed": failed, "n": n, "percent": round(100.0 * failed / n, 1)},
        )
        notice.emit(stacklevel=3)
        notices.append(notice)
    names, symbols, units = parameter_labels(fit)
    freeze(rep_est, rep_draws, T_sl, sl_est, sl_draws, *pct, *bca_iv)
    return BootstrapResult(
        kind=kind,
        n=int(n),
        seed=int(seed),
        level=float(level),
        attribute=fit.attribute.name,
        parameter_names=names,
        parameter_symbols=symbols,
        parameter_units=units,
        estimates=rep_est,
        parameter_draws=rep_draws,
        temperatures=T_sl,
        shelf_life=sl_est,
        shelf_life_draws=sl_draws,
        percentile=pct,
        bca=bca_iv,
        n_converged=int(ok.sum()),
        n_fallback=int(n_fallback),
        notices=tuple(notices),
        expanded=bool(expand and tail != (1.0 - level) / 2.0),
        tail=float(tail),
    )


def _coverage_notices(fit: FitResult, kind: str, expand: bool, with_bca: bool, level: float):
    """``interval_undercovers`` notices where these intervals were measured to undercover.

    Only the 95 % intervals are calibrated (``docs/validation.md``); see
    :func:`shelflife.uncertainty.calibration.coverage_notice` for the rule.
    """
    if abs(level - 0.95) > 1e-9:
        return []
    from .calibration import coverage_notice

    if expand:
        base = "bootstrap" if kind == "residual" else f"bootstrap-{kind}"
    elif kind == "residual":
        base = "bootstrap-textbook"
    else:  # textbook intervals of the other schemes were not calibrated
        return []
    found = []
    for typ in ("percentile", "bca") if with_bca else ("percentile",):
        label = f"bootstrap-{kind} ({typ}{'' if expand else ', expand=False'})"
        notice = coverage_notice(fit, f"{base}-{typ}", label)
        if notice is not None:
            found.append(notice)
    if not found:
        return []
    # one notice per call: the interval type measured to cover least
    worst = min(found, key=lambda n: float(n.params["coverage"]))
    worst.emit(stacklevel=4)
    return [worst]


def tail_probability(level: float, dof: int) -> float:
    r"""Lower tail probability of the (expanded) percentile interval.

    :math:`\Phi(-t_{\nu;(1+level)/2})` for :math:`\nu` = ``dof`` > 0 residual degrees of
    freedom (the expanded percentile interval of Hesterberg, with the regression's
    :math:`\nu = n - p`); ``(1 - level) / 2`` when ``dof`` is 0 or less (no expansion).

    Examples
    --------
    >>> round(tail_probability(0.95, 21), 5), round(tail_probability(0.95, 0), 5)
    (0.01878, 0.025)
    """
    if dof <= 0:
        return (1.0 - level) / 2.0
    from scipy.special import ndtr

    from .._stats import t_quantile

    return float(ndtr(-t_quantile(0.5 + level / 2.0, dof)))
