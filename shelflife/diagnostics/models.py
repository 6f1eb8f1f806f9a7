"""Comparing reaction orders on the same data: AIC, AICc, BIC, evidence ratios."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import FitError, InputError
from ._common import ORDERS_ALL, _num

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import FitResult
    from ..study import Attribute


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
    from ..fitting import fit_floats, trend_sign
    from ..models.temperature import reference_temperature

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
