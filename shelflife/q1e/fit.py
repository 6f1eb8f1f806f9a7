"""Fitting the three ICH Q1E models, the poolability tests and the shelf life."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ._common import (
    _DAYS_PER_MONTH,
    _FORWARD,
    DIDS_VARIANTS,
    EXTRAPOLATION_CAP_MONTHS,
    EXTRAPOLATION_FACTOR,
    INTERVALS,
    MIN_POINTS_PER_BATCH,
    MODELS,
    TRANSFORMS,
    TREND_ALPHA,
)
from .crossing import bound_crossing
from .results import Q1ELine, Q1EModel, Q1EResult, Q1ETest

if TYPE_CHECKING:  # pragma: no cover
    from ..study import Attribute, Study


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
    from .._stats import t_quantile

    return t_quantile(p, dof)


# =========================================================================== fitting


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
        from ..units import to_days

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
    from ..study import TEMPERATURE, TIME

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
        from ..units import to_kelvin

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
        from ..units import to_days

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
