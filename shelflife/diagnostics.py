r"""Model choice and diagnostics for a one-step fit: compare, test, look.

A kinetic model should be checked, not assumed (``shared/reference/domain.md`` §5 item 4):
the reaction order can be wrong, the Arrhenius line can bend (a phase change such as fat
melting or a glass transition, or a change of mechanism), single measurements can be wrong,
and a parameter can run into the bound that keeps it physical. This module answers these
questions with plain functions on a :class:`~shelflife.results.FitResult`; none of them
changes a fit.

- :func:`fit_all` and :func:`compare_models` -- fit several reaction orders and temperature
  models to the same data and rank them by the small-sample Akaike criterion (AICc) with
  Akaike weights (Burnham & Anderson [5]_).
- :func:`lack_of_fit` -- the lack-of-fit F test against pure error from replicates (Draper
  & Smith [1]_, §2.1): does the curve miss the replicate means by more than the replicates
  scatter?
- :func:`leverages`, :func:`studentized_residuals`, :func:`suspected_outliers` --
  internally studentised residuals with the tangent-plane leverages of the nonlinear
  model (Cook & Weisberg [2]_; St. Laurent & Cook [3]_).
- :func:`arrhenius_curvature` -- a test for curvature of the two-step :math:`\ln k`
  against :math:`1/T` (van Boekel [4]_, ch. 5 and 7), with the apparent activation energy
  at both ends of the tested range; :func:`order_by_temperature` -- does the best
  reaction order change with temperature ([4]_, ch. 4)?
- :func:`parameters_at_bounds` -- parameters sitting at a declared bound (e.g. the order
  :math:`n = 0` of the nth-order model), whose intervals are then unreliable.
- :func:`diagnose` / :func:`run_diagnostics` -- run all checks on one fit and collect the
  coded :class:`~shelflife.errors.Notice` objects (and, for JSON, the numbers behind them).

Only :mod:`numpy` and :mod:`scipy.special` are used (:func:`scipy.special.fdtrc` for F
tail probabilities, :func:`scipy.special.stdtr` for Student's t); :mod:`scipy.stats` is
never imported.

References
----------
.. [1] N. R. Draper and H. Smith, *Applied Regression Analysis*, 3rd ed. New York, NY,
   USA: Wiley, 1998, §2.1 ("Lack of fit and pure error") and ch. 24 (nonlinear models).
.. [2] R. D. Cook and S. Weisberg, *Residuals and Influence in Regression*. New York, NY,
   USA: Chapman and Hall, 1982, §2.2.
.. [3] R. T. St. Laurent and R. D. Cook, "Leverage and superleverage in nonlinear
   regression," *J. Amer. Statist. Assoc.*, vol. 87, no. 420, pp. 985-990, 1992.
   doi:10.1080/01621459.1992.10476253
.. [4] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009.
.. [5] K. P. Burnham and D. R. Anderson, *Model Selection and Multimodel Inference*, 2nd
   ed. New York, NY, USA: Springer, 2002, §2.4 and §2.9.
.. [6] G. Blom, *Statistical Estimates and Transformed Beta-Variables*. New York, NY,
   USA: Wiley, 1958 (plotting positions of the normal Q-Q plot).
.. [7] D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and Its Applications*.
   New York, NY, USA: Wiley, 1988, ch. 3 (extra sum of squares for nested models).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import FitError, InputError, Notice

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .results import FitResult
    from .study import Attribute

__all__ = [
    "ORDERS_ALL",
    "OUTLIER_THRESHOLD",
    "ALPHA",
    "ORDER_EVIDENCE",
    "BOUND_TOLERANCE",
    "MIN_CURVATURE_TEMPERATURES",
    "ModelComparison",
    "SkippedModel",
    "LackOfFit",
    "Curvature",
    "Diagnostics",
    "compare_models",
    "fit_all",
    "lack_of_fit",
    "leverages",
    "studentized_residuals",
    "suspected_outliers",
    "arrhenius_curvature",
    "order_by_temperature",
    "parameters_at_bounds",
    "normal_scores",
    "run_diagnostics",
    "diagnose",
]

#: Every reaction order, the default of :func:`fit_all`.
ORDERS_ALL = ("zero", "first", "second", "nth", "weibull", "equilibrium")
#: |studentised residual| above which a measurement is flagged as a suspected outlier.
#: With ~60 points, 3 flags about one clean study in six by chance; 3.5 about one in thirty.
OUTLIER_THRESHOLD = 3.5
#: Significance level of the lack-of-fit and curvature notices.
ALPHA = 0.05
#: ΔAIC at which a reaction order is clearly preferred at one temperature (Burnham &
#: Anderson: beyond 10 the other model has essentially no support). A lower bar (2) lets
#: chance alone flag a "change of order" in most simulated constant-order studies, because
#: zero and first order are nearly the same curve at low conversion.
ORDER_EVIDENCE = 10.0
#: Relative/absolute distance below which a parameter counts as sitting at its bound.
BOUND_TOLERANCE = 1e-6
#: Decimal places of the keys (time [day], temperature [K], RH [%]) that define replicates.
_KEY_DECIMALS = 9


def _num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    x = float(x)
    return x if np.isfinite(x) else None


def _f_sf(f: float, df1: float, df2: float) -> float:
    """Upper tail probability of the F distribution (nan for undefined input)."""
    if not (df1 > 0 and df2 > 0) or np.isnan(f):
        return float("nan")
    if np.isinf(f):
        return 0.0
    from scipy.special import fdtrc

    return float(fdtrc(df1, df2, max(f, 0.0)))


def _t_two_sided(t: float, dof: float) -> float:
    """Two-sided p-value of Student's t with ``dof`` degrees of freedom."""
    if not dof > 0 or np.isnan(t):
        return float("nan")
    from scipy.special import stdtr

    return float(2.0 * stdtr(dof, -abs(t)))


def _free(fit: FitResult) -> np.ndarray:
    P = len(fit.model.parameters)
    return np.ones(P, dtype=bool) if fit.free is None else np.asarray(fit.free, dtype=bool)


# =============================================================== model comparison
@dataclass(frozen=True)
class SkippedModel:
    """A model that :func:`fit_all` could not fit, with the reason.

    Attributes
    ----------
    order, temperature_model : str
        The combination tried.
    code : str
        Message code of the error (e.g. ``"value_not_positive"``, ``"not_identifiable"``).
    message : str
        The error message in English.
    """

    order: str
    temperature_model: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """JSON form."""
        return {
            "order": self.order,
            "temperature_model": self.temperature_model,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, eq=False)
class ModelComparison:
    """Fits of several models to the same data, ranked by AICc (:func:`fit_all`).

    Attributes
    ----------
    fits : tuple of FitResult
        Ranked best first, aligned with the rows of ``table``.
    table : pandas.DataFrame
        :func:`compare_models` of ``fits``; its ``fit`` column indexes ``fits``.
    skipped : tuple of SkippedModel
        Combinations that could not be fitted, with the reason.
    """

    fits: tuple[FitResult, ...]
    table: pd.DataFrame
    skipped: tuple[SkippedModel, ...] = ()

    @property
    def best(self) -> FitResult:
        """The fit with the lowest AICc."""
        if not self.fits:
            raise IndexError("no model could be fitted")
        return self.fits[0]

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ranked rows (numbers ``None`` when not finite) and skipped models."""
        rows = []
        for rec in self.table.to_dict(orient="records"):
            rows.append(
                {
                    k: (
                        _num(v)
                        if isinstance(v, (float, np.floating))
                        else (int(v) if isinstance(v, (np.integer,)) else v)
                    )
                    for k, v in rec.items()
                }
            )
        return {"ranking": rows, "skipped": [s.to_dict() for s in self.skipped]}


def _same_data(a: FitResult, b: FitResult) -> bool:
    if a.value.shape != b.value.shape:
        return False
    same = (
        np.array_equal(a.value, b.value)
        and np.array_equal(a.time, b.time)
        and np.array_equal(a.temperature, b.temperature)
    )
    return bool(same)


def compare_models(fits: Sequence[FitResult]) -> pd.DataFrame:
    r"""Rank fits of the same data by AICc, with ΔAIC, ΔAICc and Akaike weights.

    With :math:`n` measurements, :math:`k = p + 1` estimated quantities (the :math:`p`
    free parameters and the residual variance) and the Gaussian log-likelihood at the
    least-squares optimum,

    .. math::

        \mathrm{AIC} = n \ln(2\pi\,\mathrm{SSE}/n) + n + 2k, \qquad
        \mathrm{AIC_c} = \mathrm{AIC} + \frac{2k(k+1)}{n-k-1},

    :math:`\Delta_i = \mathrm{AIC_c}_{,i} - \min_j \mathrm{AIC_c}_{,j}` and the Akaike
    weight :math:`w_i = e^{-\Delta_i/2} / \sum_j e^{-\Delta_j/2}`, the weight of evidence
    that model :math:`i` is the best of the set [5]_. AICc is used for ranking and weights
    because ASLT data sets are small (:math:`n/k < 40`); ``delta_aic`` is given for
    comparison with tools that report AIC.

    Parameters
    ----------
    fits : sequence of FitResult
        Fits of the same measurements (same values, times and temperatures, in the same
        order), e.g. from :func:`fit_all`.

    Returns
    -------
    pandas.DataFrame
        Index ``rank`` (1 = best); columns ``order``, ``temperature_model``, ``n``, ``p``,
        ``sse``, ``rmse``, ``r_squared``, ``aic``, ``aicc``, ``bic``, ``delta_aic``,
        ``delta_aicc``, ``akaike_weight``, ``converged`` and ``fit`` (position of the fit in
        ``fits``). Sorted by AICc, then AIC.

    Raises
    ------
    InputError
        ``models_not_comparable`` when the fits are not of the same data.
    """
    import pandas as pd

    fits = list(fits)
    columns = [
        "order",
        "temperature_model",
        "n",
        "p",
        "sse",
        "rmse",
        "r_squared",
        "aic",
        "aicc",
        "bic",
        "delta_aic",
        "delta_aicc",
        "akaike_weight",
        "converged",
        "fit",
    ]
    if not fits:
        return pd.DataFrame(columns=columns).rename_axis("rank")
    for f in fits[1:]:
        if not _same_data(fits[0], f):
            raise InputError(
                "models_not_comparable",
                reason="the fits are not of the same measurements",
            )
    rows = []
    for i, f in enumerate(fits):
        st = f.statistics
        rows.append(
            {
                "order": f.model.order.name,
                "temperature_model": f.model.temperature.name,
                "n": int(st["n"]),
                "p": int(st["p"]),
                "sse": float(st["sse"]),
                "rmse": float(st["rmse"]),
                "r_squared": float(st["r_squared"]),
                "aic": float(st["aic"]),
                "aicc": float(st["aicc"]),
                "bic": float(st["bic"]),
                "converged": bool(f.converged),
                "fit": i,
            }
        )
    df = pd.DataFrame(rows)
    with np.errstate(invalid="ignore", over="ignore"):
        aic = df["aic"].to_numpy(dtype=float)
        aicc = df["aicc"].to_numpy(dtype=float)
        finite_aic = np.isfinite(aic)
        finite_aicc = np.isfinite(aicc)
        d_aic = aic - (aic[finite_aic].min() if finite_aic.any() else np.nan)
        d_aicc = aicc - (aicc[finite_aicc].min() if finite_aicc.any() else np.nan)
        w = np.where(finite_aicc, np.exp(-0.5 * np.where(finite_aicc, d_aicc, 0.0)), 0.0)
        total = w.sum()
        w = w / total if total > 0 else np.full_like(w, np.nan)
    df["delta_aic"] = d_aic
    df["delta_aicc"] = d_aicc
    df["akaike_weight"] = w
    key_aicc = np.where(np.isnan(aicc), np.inf, aicc)
    key_aic = np.where(np.isnan(aic), np.inf, aic)
    order = np.lexsort((df["fit"].to_numpy(), key_aic, key_aicc))
    df = df.iloc[order].reset_index(drop=True)[columns]
    df.index = pd.RangeIndex(1, len(df) + 1, name="rank")
    return df


def fit_all(
    t: np.ndarray,
    T: np.ndarray,
    y: np.ndarray,
    *,
    orders: Sequence[str] = ORDERS_ALL,
    temperature_models: Sequence[str] = ("arrhenius",),
    attribute: Attribute | None = None,
    sign: float | None = None,
    reference_temperature_K: float | None = None,
    rh: np.ndarray | None = None,
    reference_rh: float | None = None,
    rows: np.ndarray | None = None,
    file: str | None = None,
    max_nfev: int = 400,
) -> ModelComparison:
    """Fit every combination of reaction order and temperature model and rank them.

    Each combination is fitted with :func:`shelflife.fitting.fit_floats` on the same data,
    direction sign and reference temperature, so that their AICc values are comparable
    (:func:`compare_models`). Combinations that cannot be fitted (``FitError`` or
    ``InputError``: e.g. first order with a zero value, a humidity model without RH, too
    few distinct times for a three-parameter order) are skipped and listed with the
    reason; fits that stopped before converging are kept and flagged in the table.

    Parameters
    ----------
    t, T, y : numpy.ndarray
        Time [day], temperature [K] and value [attribute unit] (working units).
    orders : sequence of str
        Reaction orders (:data:`shelflife.models.kinetics.ORDERS`).
    temperature_models : sequence of str
        Temperature dependences (:data:`shelflife.models.temperature.TEMPERATURE_MODELS`);
        ``"isothermal"`` (one rate for all temperatures) makes a useful null model.
    attribute : Attribute, optional
        The attribute (unit, limit, direction) carried into each fit.
    sign, reference_temperature_K, rh, reference_rh, rows, file, max_nfev
        Passed to :func:`~shelflife.fitting.fit_floats`. ``sign`` and the reference
        temperature default to the same data-derived values for every model.

    Returns
    -------
    ModelComparison
        Fits ranked by AICc, the table and the skipped combinations.

    Examples
    --------
    >>> import numpy as np
    >>> t = np.tile([0.0, 10, 20, 30, 40], 3)
    >>> T = np.repeat([298.15, 308.15, 318.15], 5)
    >>> k = 0.02 * np.exp(-(80 / 8.314462618e-3) * (1 / T - 1 / 308.15))
    >>> y = 100 * np.exp(-k * t) * (1 + 0.002 * np.cos(np.arange(15)))
    >>> mc = fit_all(t, T, y, orders=("zero", "first"))
    >>> mc.best.order
    'first'
    """
    from .fitting import fit_floats, trend_sign
    from .models.temperature import reference_temperature

    t = np.asarray(t, dtype=float)
    T = np.asarray(T, dtype=float)
    y = np.asarray(y, dtype=float)
    if sign is None:
        sign = trend_sign(t, T, y)
    if reference_temperature_K is None:
        reference_temperature_K = float(reference_temperature(T))
    fits: list[FitResult] = []
    skipped: list[SkippedModel] = []
    for tm in temperature_models:
        for order in orders:
            try:
                fits.append(
                    fit_floats(
                        t,
                        T,
                        y,
                        order=order,
                        temperature_model=tm,
                        attribute=attribute,
                        sign=sign,
                        reference_temperature_K=reference_temperature_K,
                        rh=rh,
                        reference_rh=reference_rh,
                        rows=rows,
                        file=file,
                        max_nfev=max_nfev,
                    )
                )
            except (FitError, InputError) as exc:
                skipped.append(SkippedModel(str(order), str(tm), exc.code, exc.render("en")))
    table = compare_models(fits)
    ranked = tuple(fits[int(i)] for i in table["fit"]) if len(table) else ()
    table = table.assign(fit=np.arange(len(table), dtype=int))
    return ModelComparison(fits=ranked, table=table, skipped=tuple(skipped))


# ==================================================================== lack of fit
@dataclass(frozen=True)
class LackOfFit:
    r"""Result of the lack-of-fit F test (:func:`lack_of_fit`).

    Attributes
    ----------
    f_statistic : float
        :math:`F = (\mathrm{SS_{lof}}/\nu_{lof}) / (\mathrm{SS_{pe}}/\nu_{pe})` (``inf``
        when the replicates agree exactly but the curve misses them).
    p_value : float
        :math:`P(F_{\nu_{lof}, \nu_{pe}} > F)`.
    df_lack_of_fit, df_pure_error : int
        :math:`\nu_{lof} = m - p` and :math:`\nu_{pe} = n - m` with :math:`m` distinct
        conditions.
    ss_lack_of_fit, ss_pure_error : float
        Sums of squares [unit²].
    n_groups : int
        Distinct conditions :math:`m` (time, temperature[, RH]).
    n_replicated_groups : int
        Conditions measured more than once.
    """

    f_statistic: float
    p_value: float
    df_lack_of_fit: int
    df_pure_error: int
    ss_lack_of_fit: float
    ss_pure_error: float
    n_groups: int
    n_replicated_groups: int

    @property
    def ms_lack_of_fit(self) -> float:
        """Lack-of-fit mean square [unit²]."""
        return self.ss_lack_of_fit / self.df_lack_of_fit

    @property
    def ms_pure_error(self) -> float:
        """Pure-error mean square [unit²]."""
        return self.ss_pure_error / self.df_pure_error

    @property
    def pure_error_sd(self) -> float:
        """Standard deviation of replicates [unit], free of any model."""
        return float(np.sqrt(self.ms_pure_error))

    def significant(self, alpha: float = ALPHA) -> bool:
        """Whether the model misses the replicate means at level ``alpha``."""
        return bool(np.isfinite(self.p_value) and self.p_value < alpha)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "f_statistic": _num(self.f_statistic),
            "p_value": _num(self.p_value),
            "df_lack_of_fit": int(self.df_lack_of_fit),
            "df_pure_error": int(self.df_pure_error),
            "ss_lack_of_fit": _num(self.ss_lack_of_fit),
            "ss_pure_error": _num(self.ss_pure_error),
            "pure_error_sd": _num(self.pure_error_sd),
            "n_groups": int(self.n_groups),
            "n_replicated_groups": int(self.n_replicated_groups),
        }


def _condition_groups(fit: FitResult) -> np.ndarray:
    """Group index of each measurement by identical (time, temperature[, RH])."""
    keys = [np.round(fit.time, _KEY_DECIMALS), np.round(fit.temperature, _KEY_DECIMALS)]
    if fit.rh is not None and fit.model.temperature.uses_rh:
        keys.append(np.round(np.asarray(fit.rh, dtype=float), _KEY_DECIMALS))
    _, groups = np.unique(np.stack(keys, axis=-1), axis=0, return_inverse=True)
    return np.asarray(groups).ravel()


def lack_of_fit(fit: FitResult) -> LackOfFit | None:
    r"""Lack-of-fit F test against pure error from replicate measurements.

    Measurements at identical conditions (time, temperature and, for humidity models, RH)
    are replicates. With :math:`m` distinct conditions, group means :math:`\bar y_g` of
    :math:`n_g` replicates and :math:`p` free parameters, the residual sum of squares
    splits into pure error and lack of fit (Draper & Smith [1]_, §2.1):

    .. math::

        \mathrm{SS_{pe}} = \sum_g \sum_{i \in g} (y_i - \bar y_g)^2, \quad
        \nu_{pe} = n - m; \qquad
        \mathrm{SS_{lof}} = \mathrm{SSE} - \mathrm{SS_{pe}}
        = \sum_g n_g (\bar y_g - \hat y_g)^2, \quad \nu_{lof} = m - p,

    and :math:`F = (\mathrm{SS_{lof}}/\nu_{lof}) / (\mathrm{SS_{pe}}/\nu_{pe})` is compared
    with :math:`F_{\nu_{lof}, \nu_{pe}}`. A small p-value says the curve misses the
    replicate means by more than the replicates scatter: the reaction order or the
    temperature dependence is wrong, or something other than the model changes between
    pulls. For a nonlinear model the test is approximate (exact for models linear in
    their parameters, such as zero order at one temperature).

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    LackOfFit or None
        ``None`` when there are no replicates (:math:`\nu_{pe} = 0`) or no lack-of-fit
        degrees of freedom (:math:`m \le p`).
    """
    groups = _condition_groups(fit)
    y = np.asarray(fit.value, dtype=float)
    n = y.size
    m = int(groups.max()) + 1 if n else 0
    p = int(fit.statistics["p"])
    df_pe, df_lof = n - m, m - p
    if df_pe <= 0 or df_lof <= 0:
        return None
    counts = np.bincount(groups, minlength=m)
    means = np.bincount(groups, y, m) / counts
    ss_pe = float(np.sum((y - means[groups]) ** 2))
    # SS_lof from the fitted curve directly: exact, and free of cancellation in SSE - SS_pe
    fitted = np.asarray(fit.fitted, dtype=float)
    fitted_g = np.bincount(groups, fitted, m) / counts
    ss_lof = float(np.sum(counts * (means - fitted_g) ** 2))
    ms_lof, ms_pe = ss_lof / df_lof, ss_pe / df_pe
    if ms_pe > 0:
        f = ms_lof / ms_pe
    else:
        f = np.inf if ms_lof > 0 else np.nan
    return LackOfFit(
        f_statistic=float(f),
        p_value=_f_sf(f, df_lof, df_pe),
        df_lack_of_fit=int(df_lof),
        df_pure_error=int(df_pe),
        ss_lack_of_fit=ss_lof,
        ss_pure_error=ss_pe,
        n_groups=m,
        n_replicated_groups=int(np.sum(counts > 1)),
    )


# ====================================================================== residuals
def _free_jacobian(fit: FitResult) -> np.ndarray:
    J = fit.model.jacobian(fit.theta, fit.time, fit.temperature, fit.rh)
    return np.asarray(J, dtype=float)[:, _free(fit)]


def leverages(fit: FitResult) -> np.ndarray:
    r"""Tangent-plane leverages :math:`h_{ii}` of the measurements.

    .. math::

        h = \operatorname{diag}\left[J (J^\top J)^{-1} J^\top\right]

    with :math:`J` the Jacobian of the mean response with respect to the free
    parameters at the optimum (St. Laurent & Cook [3]_). Computed from the thin singular
    value decomposition :math:`J = U S V^\top` as the row sums of :math:`U^2` over the
    non-negligible singular values, so the leverages sum to the rank of :math:`J` (the
    number of free parameters :math:`p` for an identifiable model) and lie in [0, 1].

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    numpy.ndarray
        One leverage per measurement (``nan`` when the Jacobian is not finite).
    """
    J = _free_jacobian(fit)
    n = J.shape[0]
    if J.shape[1] == 0:
        return np.zeros(n)
    if not np.all(np.isfinite(J)):
        return np.full(n, np.nan)
    U, s, _ = np.linalg.svd(J, full_matrices=False)
    tol = np.finfo(float).eps * max(J.shape) * (s[0] if s.size else 0.0)
    U = U[:, s > tol]
    return np.clip(np.sum(U**2, axis=1), 0.0, 1.0)


def studentized_residuals(fit: FitResult) -> np.ndarray:
    r"""Internally studentised residuals of a fit.

    .. math::

        r_i = \frac{e_i}{s \sqrt{1 - h_{ii}}}, \qquad
        s^2 = \frac{\mathrm{SSE}}{n - p}

    with :math:`e_i = y_i - \hat y_i` and the leverages :math:`h_{ii}` of
    :func:`leverages` (Cook & Weisberg [2]_, §2.2). Under the model they are roughly
    standard normal, so the same yardsticks (±2, ±3) serve every attribute and unit, and a
    point of high leverage, which pulls the curve towards itself, is not hidden by its small
    raw residual.

    Parameters
    ----------
    fit : FitResult

    Returns
    -------
    numpy.ndarray
        One value per measurement (dimensionless); ``nan`` where :math:`h_{ii} = 1` or
        without residual degrees of freedom.
    """
    e = np.asarray(fit.value, dtype=float) - np.asarray(fit.fitted, dtype=float)
    s = float(fit.statistics.get("sigma", np.nan))
    h = leverages(fit)
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = s * np.sqrt(1.0 - h)
        r = np.where((denom > 0) & np.isfinite(denom), e / denom, np.nan)
    return r


def _row_labels(fit: FitResult) -> np.ndarray:
    """Rows as the data file shows them, or 1-based positions in the fitted arrays."""
    if fit.rows is not None:
        return np.asarray(fit.rows)
    return np.arange(1, np.size(fit.value) + 1)


def _point_text(fit: FitResult, i: int, row: Any) -> str:
    T_c = float(fit.temperature[i]) - 273.15
    return f"{row} ({float(fit.time[i]):.4g} d, {T_c:.4g} °C)"


def suspected_outliers(
    fit: FitResult, threshold: float = OUTLIER_THRESHOLD, *, r: np.ndarray | None = None
) -> list[Notice]:
    """A notice listing the measurements whose studentised residual exceeds ``threshold``.

    Parameters
    ----------
    fit : FitResult
    threshold : float
        Limit on :math:`|r_i|` (:data:`OUTLIER_THRESHOLD` = 3.5).
    r : numpy.ndarray, optional
        Studentised residuals already computed.

    Returns
    -------
    list of Notice
        Empty, or one ``suspected_outliers`` notice (category ``"plausibility"``) naming the
        rows (the data file's rows when known, else 1-based positions in the fitted
        arrays) with their time and temperature.
    """
    r = studentized_residuals(fit) if r is None else r
    flagged = np.flatnonzero(np.abs(np.nan_to_num(r, nan=0.0)) > threshold)
    if flagged.size == 0:
        return []
    labels = _row_labels(fit)
    flagged = flagged[np.argsort(-np.abs(r[flagged]), kind="stable")]
    points = "; ".join(_point_text(fit, int(i), labels[int(i)]) for i in flagged)
    return [
        Notice(
            "suspected_outliers",
            "plausibility",
            fit.attribute.name,
            {
                "count": int(flagged.size),
                "points": points,
                "threshold": float(threshold),
                "max": float(np.max(np.abs(r[flagged]))),
            },
        )
    ]


def normal_scores(n: int) -> np.ndarray:
    r"""Expected standard normal order statistics for a Q-Q plot (Blom [6]_).

    :math:`z_i = \Phi^{-1}[(i - a)/(n + 1 - 2a)]` with :math:`a = 3/8` for
    :math:`n \le 10` and :math:`a = 1/2` otherwise (as R's ``ppoints``).
    """
    from scipy.special import ndtri

    if n <= 0:
        return np.empty(0)
    a = 0.375 if n <= 10 else 0.5
    i = np.arange(1, n + 1, dtype=float)
    return ndtri((i - a) / (n + 1 - 2 * a))


# =================================================================== curvature
@dataclass(frozen=True)
class Curvature:
    r"""Result of :func:`arrhenius_curvature`.

    Attributes
    ----------
    testable : bool
        Whether the test could be made (4 or more usable temperatures).
    n_temperatures : int
        Temperatures with a positive two-step rate constant.
    method : {"two_step", "one_step"}
        Regression of the step-1 :math:`\ln k` with relative weights, or the extra sum of
        squares of a quadratic term in the global fit.
    axis : str
        The abscissa of the straight line tested: ``"1/T"`` (Arrhenius, Eyring) or ``"T"``
        (Q10).
    parameter : str
        The temperature parameter whose apparent value bends (``"activation_energy"``,
        ``"activation_enthalpy"`` or ``"q10"``).
    coefficient, stderr, t_statistic : float
        Quadratic coefficient :math:`b_2` of :math:`\ln k` on the model's temperature
        term :math:`x`, its standard error and :math:`t = b_2/\mathrm{se}`.
    f_statistic : float
        The test statistic on 1 and ``dof`` degrees of freedom (:math:`t^2` for
        ``"two_step"``; the extra-sum-of-squares F for ``"one_step"``).
    dof : int
        Residual degrees of freedom of the quadratic model.
    p_value : float
        P-value of the test (two-sided in :math:`b_2`).
    weighted : bool
        Whether the step-1 standard errors were used as weights (``"two_step"``).
    apparent_low, apparent_high : float
        Apparent value of ``parameter`` at the cold and the hot end of the tested range:
        the slope of the fitted quadratic between the two lowest and between the two
        highest temperatures, :math:`b_1 + b_2 (x_1 + x_2)` (kJ/mol for energies; Q10
        dimensionless).
    temperatures : tuple of float
        The temperatures used [K].
    reason : str or None
        Why the test was not made: ``"too_few_temperatures"``, ``"not_applicable"`` (no
        temperature term) or ``"fit_failed"`` (the quadratic global model did not fit).
    """

    testable: bool
    n_temperatures: int
    method: str = "two_step"
    axis: str = "1/T"
    parameter: str = "activation_energy"
    coefficient: float = float("nan")
    stderr: float = float("nan")
    t_statistic: float = float("nan")
    f_statistic: float = float("nan")
    dof: int = 0
    p_value: float = float("nan")
    weighted: bool = False
    apparent_low: float = float("nan")
    apparent_high: float = float("nan")
    temperatures: tuple[float, ...] = ()
    reason: str | None = None

    def significant(self, alpha: float = ALPHA) -> bool:
        """Whether the line is curved at level ``alpha``."""
        return bool(self.testable and np.isfinite(self.p_value) and self.p_value < alpha)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (temperatures in °C)."""
        unit = "" if self.parameter == "q10" else "kJ/mol"
        return {
            "testable": bool(self.testable),
            "reason": self.reason,
            "method": self.method,
            "n_temperatures": int(self.n_temperatures),
            "axis": self.axis,
            "weighted": bool(self.weighted),
            "quadratic_coefficient": _num(self.coefficient),
            "stderr": _num(self.stderr),
            "t_statistic": _num(self.t_statistic),
            "f_statistic": _num(self.f_statistic),
            "dof": int(self.dof),
            "p_value": _num(self.p_value),
            "apparent": {
                "parameter": self.parameter,
                "unit": unit,
                "at_lowest": _num(self.apparent_low),
                "at_highest": _num(self.apparent_high),
            },
            "temperatures": {
                "value": [round(T - 273.15, 6) for T in sorted(set(self.temperatures))],
                "unit": "degC",
            },
        }


#: Temperature dependences with a temperature term (column 1 of their design), the axis
#: of their straight line and the parameter that column estimates.
_CURVATURE_AXES = {
    "arrhenius": ("1/T", "activation_energy"),
    "eyring": ("1/T", "activation_enthalpy"),
    "arrhenius_rh": ("1/T", "activation_energy"),
    "q10": ("T", "q10"),
}
#: Fewest distinct temperatures for a curvature test (three leave the quadratic no check).
MIN_CURVATURE_TEMPERATURES = 4


def _quadratic(tdep):
    r"""``tdep`` with an added :math:`x^2` term in :math:`\ln k` (x its temperature column)."""
    from dataclasses import replace

    from .models.parameters import Parameter

    base = tdep.design

    def design(T, rh, refs):
        offset, G = base(T, rh, refs)
        return offset, np.concatenate([G, (G[..., 1] ** 2)[..., None]], axis=-1)

    return replace(
        tdep,
        name=f"{tdep.name}_quadratic",
        title=f"{tdep.title} + quadratic term",
        parameters=tdep.parameters + (Parameter("curvature", "b2", ""),),
        design=design,
    )


def _apparent_ends(
    parameter: str, b1: float, b2: float, fit: FitResult, temps: np.ndarray
) -> tuple[float, float]:
    """Secant slopes of the quadratic over the two coldest and the two hottest temperatures.

    Less sensitive to the shape of the quadratic than its tangent at the ends, which
    overshoots when the true bend is a sharp break.
    """
    tdep, refs = fit.model.temperature, fit.model.references
    T = np.unique(np.asarray(temps, dtype=float))
    rh = np.full(T.shape, refs.rh) if tdep.uses_rh else None
    x = tdep.design(T, rh, refs)[1][:, 1]
    lo = float(b1 + b2 * (x[0] + x[1]))
    hi = float(b1 + b2 * (x[-2] + x[-1]))
    if parameter == "q10":
        return float(np.exp(lo)), float(np.exp(hi))
    return lo, hi


def _curvature_two_step(fit: FitResult, rates, axis: str, parameter: str, m: int) -> Curvature:
    tdep = fit.model.temperature
    temps = np.array([r.temperature for r in rates], dtype=float)
    rh = np.array([r.rh for r in rates], dtype=float) if tdep.uses_rh else None
    offset, G = tdep.design(temps, rh, fit.model.references)
    X = np.column_stack([G, G[:, 1] ** 2])
    dof = len(rates) - X.shape[1]
    T_used = tuple(float(x) for x in temps)
    if dof < 1:
        return Curvature(
            False,
            m,
            "two_step",
            axis,
            parameter,
            temperatures=T_used,
            reason="too_few_temperatures",
        )
    k = np.array([r.rate_constant for r in rates])
    se_k = np.array([r.stderr for r in rates])
    z = np.log(k) - offset
    weighted = bool(np.all(np.isfinite(se_k) & (se_k > 0)))
    w = (k / se_k) ** 2 if weighted else np.ones_like(k)
    sw = np.sqrt(w / np.mean(w))
    Xw, zw = X * sw[:, None], z * sw
    coef, *_ = np.linalg.lstsq(Xw, zw, rcond=None)
    resid = zw - Xw @ coef
    s2 = float(resid @ resid) / dof
    try:
        cov = np.linalg.inv(Xw.T @ Xw) * s2
    except np.linalg.LinAlgError:
        return Curvature(
            False,
            m,
            "two_step",
            axis,
            parameter,
            temperatures=T_used,
            reason="too_few_temperatures",
        )
    b2 = float(coef[-1])
    se_b2 = float(np.sqrt(max(cov[-1, -1], 0.0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        t_stat = b2 / se_b2 if se_b2 > 0 else (np.inf if b2 else np.nan)
    p_value = _t_two_sided(t_stat, dof) if np.isfinite(t_stat) else (0.0 if b2 else np.nan)
    low, high = _apparent_ends(parameter, float(coef[1]), b2, fit, temps)
    return Curvature(
        True,
        m,
        "two_step",
        axis,
        parameter,
        coefficient=b2,
        stderr=se_b2,
        t_statistic=float(t_stat),
        f_statistic=float(t_stat) ** 2,
        dof=int(dof),
        p_value=float(p_value),
        weighted=weighted,
        apparent_low=low,
        apparent_high=high,
        temperatures=T_used,
    )


def _curvature_one_step(fit: FitResult, axis: str, parameter: str, m: int) -> Curvature:
    from .fitting import fit_floats

    tdep = fit.model.temperature
    T_used = tuple(float(x) for x in np.unique(fit.temperature))
    names = fit.model.parameter_names
    free = _free(fit)
    reported = {k: v.value for k, v in fit.parameters.items()}
    fixed = {n: reported[n] for n, f in zip(names, free, strict=True) if not f}
    start = {n: reported[n] for n, f in zip(names, free, strict=True) if f}
    start["curvature"] = 0.0
    try:
        quad = fit_floats(
            fit.time,
            fit.temperature,
            fit.value,
            order=fit.model.order,
            temperature_model=_quadratic(tdep),
            attribute=fit.attribute,
            sign=fit.model.sign,
            reference_temperature_K=fit.model.reference_temperature,
            rh=fit.rh,
            reference_rh=fit.model.references.rh if tdep.uses_rh else None,
            fixed=fixed or None,
            start=start,
            rows=fit.rows,
        )
    except (FitError, InputError):
        return Curvature(
            False, m, "one_step", axis, parameter, temperatures=T_used, reason="fit_failed"
        )
    sse0, sse1 = float(fit.statistics["sse"]), float(quad.statistics["sse"])
    dof = int(quad.statistics["dof"])
    if dof < 1 or not quad.converged:
        return Curvature(
            False, m, "one_step", axis, parameter, temperatures=T_used, reason="fit_failed"
        )
    drop = max(sse0 - sse1, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = drop / (sse1 / dof) if sse1 > 0 else (np.inf if drop > 0 else np.nan)
    b2 = float(quad.theta[-1])
    se_b2 = float(quad.stderr[-1])
    b1 = float(quad.theta[-2 if not tdep.uses_rh else -3])
    low, high = _apparent_ends(parameter, b1, b2, fit, np.array(T_used))
    return Curvature(
        True,
        m,
        "one_step",
        axis,
        parameter,
        coefficient=b2,
        stderr=se_b2,
        t_statistic=b2 / se_b2 if se_b2 > 0 else float("nan"),
        f_statistic=float(f),
        dof=dof,
        p_value=_f_sf(f, 1, dof),
        weighted=False,
        apparent_low=low,
        apparent_high=high,
        temperatures=T_used,
    )


def arrhenius_curvature(fit: FitResult, *, method: str = "one_step") -> Curvature:
    r"""Test the Arrhenius plot for curvature (a phase change or a change of reaction).

    A bend means the apparent activation energy changes over the tested range, e.g.
    across fat melting or a glass transition (van Boekel [4]_): extrapolating a straight
    line across it misleads. The alternative tested is a quadratic term in the model's
    temperature variable,

    .. math::

        \ln k = o(T) + b_0 + b_1 x + b_2 x^2, \qquad
        x = -\frac{1}{R}\left(\frac{1}{T} - \frac{1}{T_{ref}}\right)

    (:math:`o` the model's offset, zero for Arrhenius; :math:`x = (T - T_{ref})/10` for
    Q10; a humidity column is kept for humidity models), so that the apparent activation
    energy is :math:`E_a(T) = b_1 + 2 b_2 x(T)` [kJ/mol]; it is reported at both ends of
    the tested range as the secant slope of the quadratic over the two coldest and the two
    hottest temperatures, :math:`b_1 + b_2 (x_1 + x_2)`. :math:`H_0: b_2 = 0`.

    ``method="one_step"`` (default): the global model is refitted with :math:`b_2` as an
    extra parameter (same order, started at the linear optimum) and the extra sum of
    squares is tested, :math:`F = (\mathrm{SSE}_0 - \mathrm{SSE}_1)/(\mathrm{SSE}_1/\nu_1)` on
    1 and :math:`\nu_1 = n - p - 1` degrees of freedom (the usual approximate F test
    for nested nonlinear models: Bates & Watts [7]_; Draper & Smith [1]_, ch. 24). It
    uses the scatter within temperatures as the yardstick and so has power with few
    temperatures, but it also flags temperature-specific offsets larger than that scatter
    (a chamber running hot, a different batch per chamber); either finding means the
    straight-line extrapolation is less certain than its interval says.

    ``method="two_step"``: the step-1 rate constants :math:`k_j` of the
    two-step method (positive ones) are regressed on :math:`(1, x, x^2)` by weighted least
    squares with weights :math:`w_j = k_j^2/\mathrm{se}(k_j)^2` (step-1 standard errors,
    when every temperature has one) taken as relative, and
    :math:`t = b_2/\mathrm{se}(b_2)` is referred to Student's t on :math:`m - 3` degrees of
    freedom (:math:`m` temperatures). Because the scatter of the points about the curve
    is estimated from the points themselves, temperature-specific offsets are not
    mistaken for curvature; the price is little power with few temperatures: with five
    equally spaced temperatures even a noise-free sharp break in the middle of the range
    gives :math:`p \approx 0.04`, and a break between the two highest :math:`p \approx
    0.15`.

    With three temperatures the quadratic leaves no check of its own (the two-step line
    has one residual degree of freedom), so curvature is reported as not testable; with
    fewer, the ``too_few_temperatures`` guardrail applies.

    Parameters
    ----------
    fit : FitResult
    method : {"two_step", "one_step"}

    Returns
    -------
    Curvature
    """
    if method not in ("two_step", "one_step"):
        raise InputError(
            "option_unknown", what="curvature method", value=method, choices="two_step, one_step"
        )
    tdep = fit.model.temperature
    axis, parameter = _CURVATURE_AXES.get(tdep.name, ("1/T", "activation_energy"))
    if tdep.name not in _CURVATURE_AXES:
        return Curvature(False, 0, method, axis, parameter, reason="not_applicable")
    rates = [
        r
        for r in fit.two_step.rates
        if np.isfinite(r.rate_constant) and r.rate_constant > 0 and np.isfinite(r.temperature)
    ]
    m = int(np.unique(np.round([r.temperature for r in rates], _KEY_DECIMALS)).size)
    if method == "one_step":
        m = int(np.unique(np.round(fit.temperature, _KEY_DECIMALS)).size)
    if m < MIN_CURVATURE_TEMPERATURES:
        T_used = tuple(float(r.temperature) for r in rates)
        return Curvature(
            False,
            m,
            method,
            axis,
            parameter,
            temperatures=T_used,
            reason="too_few_temperatures",
        )
    if method == "one_step":
        return _curvature_one_step(fit, axis, parameter, m)
    return _curvature_two_step(fit, rates, axis, parameter, m)


def order_by_temperature(
    fit: FitResult, orders: Sequence[str] = ("zero", "first")
) -> pd.DataFrame | None:
    r"""The reaction order that fits best at each temperature on its own.

    At each temperature, each order is fitted alone (``temperature_model="isothermal"``)
    and compared by AIC; for orders with the same number of parameters (zero and first)
    :math:`\Delta\mathrm{AIC} = n_T \ln(\mathrm{SSE}_{other}/\mathrm{SSE}_{best})`. The order
    of a food reaction can change with temperature when the mechanism changes (van Boekel
    [4]_, ch. 4), and then no single order describes all temperatures.

    Parameters
    ----------
    fit : FitResult
    orders : sequence of str
        Orders to compare (by default zero and first).

    Returns
    -------
    pandas.DataFrame or None
        One row per temperature: ``temperature_C``, ``n``, ``aic_<order>`` per order,
        ``preferred`` (the order with the lowest AIC, ``None`` when undecidable) and
        ``delta_aic`` (AIC of the runner-up minus the best). ``None`` for humidity models
        (conditions are temperature-RH pairs).
    """
    import pandas as pd

    from .fitting import fit_floats

    if fit.model.temperature.uses_rh:
        return None
    rows = []
    for T in np.unique(fit.temperature):
        m = fit.temperature == T
        t, y = fit.time[m], fit.value[m]
        row: dict[str, Any] = {"temperature_C": round(float(T) - 273.15, 6), "n": int(m.sum())}
        aics = {}
        for order in orders:
            aic = np.nan
            if np.unique(t).size >= 3:
                try:
                    f = fit_floats(
                        t,
                        np.full_like(t, T),
                        y,
                        order=order,
                        temperature_model="isothermal",
                        attribute=fit.attribute,
                    )
                    if f.converged and f.statistics["sse"] > 0:
                        aic = float(f.statistics["aic"])
                except (FitError, InputError):
                    pass
            row[f"aic_{order}"] = aic
            aics[order] = aic
        finite = {k: v for k, v in aics.items() if np.isfinite(v)}
        if len(finite) >= 2:
            ranked = sorted(finite, key=finite.get)
            row["preferred"] = ranked[0]
            row["delta_aic"] = finite[ranked[1]] - finite[ranked[0]]
        else:
            row["preferred"] = None
            row["delta_aic"] = np.nan
        rows.append(row)
    return pd.DataFrame(rows)


def _order_notice(fit: FitResult, table: pd.DataFrame | None) -> list[Notice]:
    """``order_varies_with_temperature`` when two temperatures clearly prefer different orders."""
    if table is None or table.empty:
        return []
    clear = table[(table["delta_aic"] >= ORDER_EVIDENCE) & table["preferred"].notna()]
    if clear["preferred"].nunique() < 2:
        return []
    low = clear.iloc[0]
    high = next(r for _, r in clear.iloc[::-1].iterrows() if r["preferred"] != low["preferred"])
    return [
        Notice(
            "order_varies_with_temperature",
            "plausibility",
            fit.attribute.name,
            {
                "low_order": str(low["preferred"]),
                "low_temperature": float(low["temperature_C"]),
                "high_order": str(high["preferred"]),
                "high_temperature": float(high["temperature_C"]),
            },
        )
    ]


# ======================================================================= bounds
def parameters_at_bounds(fit: FitResult, tol: float = BOUND_TOLERANCE) -> list[Notice]:
    r"""Notices for free parameters whose estimate sits at a declared bound.

    A parameter counts as at its bound :math:`b` when
    :math:`|\hat\theta - b| \le \mathrm{tol}\cdot\max(1, |b|)` in fitting space (e.g. the
    nth-order :math:`n` at its lower bound 0, or a Weibull shape at :math:`\ln 0.05`). The
    optimum is then constrained: the data would prefer a value outside the physical range
    (for the AccelStab potency data an unconstrained nth-order fit runs to :math:`n < 0`),
    the curvature-based standard error and interval of that parameter do not hold, and a
    simpler model with the parameter fixed at the bound (here zero order) is usually the
    better report.

    Parameters
    ----------
    fit : FitResult
    tol : float
        Relative (absolute below 1) tolerance :data:`BOUND_TOLERANCE`.

    Returns
    -------
    list of Notice
        One ``parameter_at_bound`` notice (category ``"convergence"``, the category of
        :class:`~shelflife.errors.ConvergenceWarning`) per parameter; its value is the
        bound on the reported scale.
    """
    out: list[Notice] = []
    free = _free(fit)
    for i, par in enumerate(fit.model.parameters):
        if not free[i] or not par.bounded:
            continue
        v = float(fit.theta[i])
        for bound in (par.lower, par.upper):
            if np.isfinite(bound) and abs(v - bound) <= tol * max(1.0, abs(bound)):
                value = float(np.exp(bound)) if par.log else float(bound)
                out.append(
                    Notice(
                        "parameter_at_bound",
                        "convergence",
                        fit.attribute.name,
                        {"parameter": f"{par.symbol} ({par.name})", "value": value},
                    )
                )
                break
    return out


# =================================================================== all checks
@dataclass(frozen=True, eq=False)
class Diagnostics:
    """All diagnostics of one fit (:func:`run_diagnostics`).

    Attributes
    ----------
    lack_of_fit : LackOfFit or None
        ``None`` without replicates.
    curvature : Curvature
    leverages, studentized : numpy.ndarray
        Per measurement.
    outliers : tuple of int
        Positions (0-based, in the fitted arrays) with :math:`|r| >` the threshold.
    order_by_temperature : pandas.DataFrame or None
    notices : tuple of Notice
    rows, time, temperature : numpy.ndarray or None
        Of the fit (data-file rows, [day], [K]), to describe the outliers in JSON.
    outlier_threshold : float
        The limit on :math:`|r|` used.
    """

    lack_of_fit: LackOfFit | None
    curvature: Curvature
    leverages: np.ndarray
    studentized: np.ndarray
    outliers: tuple[int, ...]
    order_by_temperature: Any = None
    notices: tuple[Notice, ...] = field(default_factory=tuple)
    rows: np.ndarray | None = None
    time: np.ndarray | None = None
    temperature: np.ndarray | None = None
    outlier_threshold: float = OUTLIER_THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        """JSON form: lack of fit, curvature, residual summary, outliers, order check."""
        r = self.studentized
        finite = r[np.isfinite(r)]
        rows = np.arange(1, r.size + 1) if self.rows is None else np.asarray(self.rows)
        obt = self.order_by_temperature
        return {
            "lack_of_fit": None if self.lack_of_fit is None else self.lack_of_fit.to_dict(),
            "curvature": self.curvature.to_dict(),
            "residuals": {
                "max_abs_studentized": _num(np.max(np.abs(finite))) if finite.size else None,
                "max_leverage": _num(np.nanmax(self.leverages)) if self.leverages.size else None,
                "outlier_threshold": float(self.outlier_threshold),
            },
            "outliers": [
                {
                    "row": int(rows[i]),
                    "time": {"value": _num(self.time[i]), "unit": "day"}
                    if self.time is not None
                    else None,
                    "temperature": {
                        "value": round(float(self.temperature[i]) - 273.15, 6),
                        "unit": "degC",
                    }
                    if self.temperature is not None
                    else None,
                    "studentized_residual": _num(r[i]),
                    "leverage": _num(self.leverages[i]),
                }
                for i in self.outliers
            ],
            "order_by_temperature": None
            if obt is None
            else [
                {
                    k: (_num(v) if isinstance(v, (float, np.floating)) else v)
                    for k, v in rec.items()
                }
                for rec in obt.to_dict(orient="records")
            ],
            "warnings": [n.to_dict() for n in self.notices],
        }


def _curvature_notices(fit: FitResult, c: Curvature) -> list[Notice]:
    name = fit.attribute.name
    title = fit.model.temperature.title
    if c.significant():
        symbol = {"activation_energy": "Ea", "activation_enthalpy": "ΔH‡", "q10": "Q10"}[
            c.parameter
        ]
        unit = "" if c.parameter == "q10" else " kJ/mol"
        lo_T, hi_T = min(c.temperatures), max(c.temperatures)
        return [
            Notice(
                "arrhenius_curvature",
                "plausibility",
                name,
                {
                    "model": title,
                    "axis": c.axis,
                    "n": c.n_temperatures,
                    "p": float(c.p_value),
                    "symbol": symbol,
                    "low": float(c.apparent_low),
                    "high": float(c.apparent_high),
                    "unit": unit,
                    "t_low": round(lo_T - 273.15, 6),
                    "t_high": round(hi_T - 273.15, 6),
                },
            )
        ]
    if not c.testable and c.reason == "too_few_temperatures" and c.n_temperatures == 3:
        return [Notice("curvature_not_testable", "design", name, {"model": title, "n": 3})]
    return []


def run_diagnostics(
    fit: FitResult,
    *,
    curvature_method: str = "one_step",
    check_order: bool = True,
    untestable_notice: bool = True,
    outlier_threshold: float = OUTLIER_THRESHOLD,
) -> Diagnostics:
    """Run every diagnostic on one fit.

    Parameters
    ----------
    fit : FitResult
    curvature_method : {"one_step", "two_step"}
        Method of :func:`arrhenius_curvature`.
    check_order : bool
        Also compare zero and first order per temperature (:func:`order_by_temperature`;
        two small fits per temperature).
    untestable_notice : bool
        Add the ``curvature_not_testable`` design notice when exactly three temperatures
        leave the Arrhenius line untestable.
    outlier_threshold : float
        Limit on the studentised residuals (:data:`OUTLIER_THRESHOLD` = 3). With normal
        errors about 0.27 % of measurements exceed 3, so a clean study of 60 measurements
        draws the notice about one time in six.

    Returns
    -------
    Diagnostics
        Numbers and notices. Notice codes: ``lack_of_fit``, ``suspected_outliers``,
        ``arrhenius_curvature`` (plausibility), ``curvature_not_testable`` (design),
        ``parameter_at_bound`` (convergence), ``order_varies_with_temperature``
        (plausibility).
    """
    notices: list[Notice] = []
    lof = lack_of_fit(fit)
    if lof is not None and lof.significant():
        notices.append(
            Notice(
                "lack_of_fit",
                "plausibility",
                fit.attribute.name,
                {
                    "model": f"{fit.model.order.title}, {fit.model.temperature.title}",
                    "f": float(lof.f_statistic),
                    "df1": lof.df_lack_of_fit,
                    "df2": lof.df_pure_error,
                    "p": float(lof.p_value),
                },
            )
        )
    h = leverages(fit)
    r = studentized_residuals(fit)
    notices.extend(suspected_outliers(fit, outlier_threshold, r=r))
    outliers = tuple(
        int(i) for i in np.flatnonzero(np.abs(np.nan_to_num(r, nan=0.0)) > outlier_threshold)
    )
    curv = arrhenius_curvature(fit, method=curvature_method)
    for n in _curvature_notices(fit, curv):
        if n.code != "curvature_not_testable" or untestable_notice:
            notices.append(n)
    obt = None
    if check_order and fit.model.order.name in ("zero", "first"):
        obt = order_by_temperature(fit)
        notices.extend(_order_notice(fit, obt))
    notices.extend(parameters_at_bounds(fit))
    return Diagnostics(
        lack_of_fit=lof,
        curvature=curv,
        leverages=h,
        studentized=r,
        outliers=outliers,
        order_by_temperature=obt,
        notices=tuple(notices),
        rows=fit.rows,
        time=fit.time,
        temperature=fit.temperature,
        outlier_threshold=float(outlier_threshold),
    )


def diagnose(fit: FitResult, **options: Any) -> list[Notice]:
    """The notices of :func:`run_diagnostics` (lack of fit, outliers, curvature, bounds).

    Parameters
    ----------
    fit : FitResult
    **options
        ``curvature_method``, ``check_order``, ``untestable_notice``,
        ``outlier_threshold`` of :func:`run_diagnostics`.

    Returns
    -------
    list of Notice
    """
    return list(run_diagnostics(fit, **options).notices)
