"""The computations of a formulation comparison on floats: nested fits, F tests, delta method."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import FitError
from ._common import NESTING_RTOL, Data, _t_quantile, _welch_dof
from .results import (
    AttributeComparison,
    Estimate,
    FTest,
    JointFit,
    ParameterComparison,
    ShelfLifeComparison,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..fitting import KineticModel
    from ..results import FitResult
    from ..study import Attribute


# ------------------------------------------------------------------- the computations
def _shelf_life_arrays(
    fit: FitResult, T: np.ndarray, level: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Shelf life [day], its interval and the standard error of its logarithm.

    The same estimate and delta-method interval as
    :func:`shelflife.prediction.shelf_life_floats` (central differences of
    :math:`\ln t` in fitting space), without the conservative search.
    """
    model, theta, cov = fit.model, fit.theta, fit.cov
    a = fit.attribute
    T = np.atleast_1d(np.asarray(T, dtype=float))
    limit = float(a.limit)
    if not np.isfinite(limit):
        nan = np.full(T.shape, np.nan)
        return nan, nan, nan, nan
    a0 = float(theta[0])
    beyond = a0 >= limit if a.direction == "max" else a0 <= limit
    with np.errstate(all="ignore"):
        formal = np.atleast_1d(model.time_to_limit(theta, T, limit)).astype(float)
    estimate = np.where(beyond, 0.0, np.where((formal > 0) & np.isfinite(formal), formal, np.inf))
    se = np.full(T.shape, np.nan)
    finite = np.isfinite(estimate) & (estimate > 0)
    if finite.any() and np.all(np.isfinite(cov)):
        grad = np.empty((int(finite.sum()), theta.size))
        for i in range(theta.size):
            h = 1e-6 * max(abs(theta[i]), 1e-3)
            tp, tm = theta.copy(), theta.copy()
            tp[i] += h
            tm[i] -= h
            with np.errstate(all="ignore"):
                fp = np.log(model.time_to_limit(tp, T[finite], limit))
                fm = np.log(model.time_to_limit(tm, T[finite], limit))
            grad[:, i] = (fp - fm) / (2 * h)
        se[finite] = np.sqrt(np.clip(np.einsum("ni,ij,nj->n", grad, cov, grad), 0, None))
    q = _t_quantile(level, fit.statistics["dof"])
    with np.errstate(all="ignore"):
        low = np.where(finite, estimate * np.exp(-q * se), estimate)
        high = np.where(finite, estimate * np.exp(q * se), estimate)
    return estimate, low, high, se


def _estimates(fit: FitResult, level: float) -> list[tuple[Estimate, float, float]]:
    """Per parameter: reported estimate, fitting-space value and its standard error."""
    q = _t_quantile(level, fit.statistics["dof"])
    se = fit.stderr
    out = []
    for i, par in enumerate(fit.model.parameters):
        v, e = float(fit.theta[i]), float(se[i])
        unit = par.resolve_unit(fit.attribute.unit, fit.rate_unit)
        if par.log:
            est = Estimate(float(np.exp(v)), float(np.exp(v) * e), _exp_ci(v, e, q), unit)
        else:
            est = Estimate(v, e, (v - q * e, v + q * e), unit)
        out.append((est, v, e))
    return out


def _exp_ci(v: float, e: float, q: float) -> tuple[float, float]:
    return float(np.exp(v - q * e)), float(np.exp(v + q * e))


def _compare_parameters(fit_a: FitResult, fit_b: FitResult, level: float):
    ea, eb = _estimates(fit_a, level), _estimates(fit_b, level)
    dof_a, dof_b = fit_a.statistics["dof"], fit_b.statistics["dof"]
    out = []
    for par, (a, va, sa), (b, vb, sb) in zip(fit_a.model.parameters, ea, eb, strict=True):
        d = vb - va
        se = float(np.hypot(sa, sb))
        dof = _welch_dof(sa**2, sb**2, dof_a, dof_b)
        q = _t_quantile(level, dof)
        if par.log:
            kind, value, ci = "ratio", float(np.exp(d)), _exp_ci(d, se, q)
        else:
            kind, value, ci = "difference", float(d), (d - q * se, d + q * se)
        out.append(
            ParameterComparison(
                name=par.name,
                symbol=par.symbol,
                unit=a.unit,
                a=a,
                b=b,
                kind=kind,
                value=value,
                stderr=se,
                ci=(float(ci[0]), float(ci[1])),
                dof=dof,
            )
        )
    return tuple(out)


def _compare_shelf_lives(fit_a: FitResult, fit_b: FitResult, T_K: np.ndarray, level: float):
    if T_K.size == 0:
        return ()
    ta, la, ha, sa = _shelf_life_arrays(fit_a, T_K, level)
    tb, lb, hb, sb = _shelf_life_arrays(fit_b, T_K, level)
    dof_a, dof_b = fit_a.statistics["dof"], fit_b.statistics["dof"]
    out = []
    for i, T in enumerate(T_K):
        ok = all(np.isfinite(x) and x > 0 for x in (ta[i], tb[i])) and np.isfinite(sa[i] + sb[i])
        if ok:
            ln_r = float(np.log(tb[i] / ta[i]))
            se_r = float(np.hypot(sa[i], sb[i]))
            dof = _welch_dof(sa[i] ** 2, sb[i] ** 2, dof_a, dof_b)
            q = _t_quantile(level, dof)
            ratio, ratio_ci = float(np.exp(ln_r)), _exp_ci(ln_r, se_r, q)
            diff = float(tb[i] - ta[i])
            va, vb = (ta[i] * sa[i]) ** 2, (tb[i] * sb[i]) ** 2
            q_d = _t_quantile(level, _welch_dof(va, vb, dof_a, dof_b))
            se_d = float(np.sqrt(va + vb))
            diff_ci = (diff - q_d * se_d, diff + q_d * se_d)
        else:
            with np.errstate(all="ignore"):
                ratio = float(tb[i] / ta[i]) if ta[i] > 0 else float("nan")
                diff = float(tb[i] - ta[i])
            ratio = ratio if np.isfinite(ratio) else float("nan")
            diff = diff if np.isfinite(diff) else float("nan")
            ratio_ci = diff_ci = (float("nan"), float("nan"))
            dof = float("nan")
        out.append(
            ShelfLifeComparison(
                temperature=float(T),
                a=Estimate(
                    float(ta[i]), float(ta[i] * sa[i]), (float(la[i]), float(ha[i])), "day"
                ),
                b=Estimate(
                    float(tb[i]), float(tb[i] * sb[i]), (float(lb[i]), float(hb[i])), "day"
                ),
                se_log_a=float(sa[i]),
                se_log_b=float(sb[i]),
                ratio=ratio,
                ratio_ci=(float(ratio_ci[0]), float(ratio_ci[1])),
                difference=diff,
                difference_ci=(float(diff_ci[0]), float(diff_ci[1])),
                dof=float(dof),
            )
        )
    return tuple(out)


def _fit_common_rate(
    model: KineticModel,
    a: Data,
    b: Data,
    starts: list[np.ndarray],
    max_nfev: int = 400,
) -> JointFit:
    r"""Fit the *common rate* model: :math:`A_0` per formulation, other parameters shared.

    The joint parameter vector is :math:`x = (A_{0,A}, A_{0,B}, \phi)` with :math:`\phi`
    the shared parameters (the model's ``theta`` without :math:`A_0`). The residual is the
    stack of ``predict_A(A0_A, phi) - y_A`` and ``predict_B(A0_B, phi) - y_B`` from
    :meth:`KineticModel.compiled`; its Jacobian is assembled from the two compiled
    Jacobians (the :math:`A_0` column goes to the formulation's own column, the others to
    the shared columns). The best of ``starts`` is kept.
    """
    from scipy.optimize import least_squares

    from ..fitting import TOLERANCE

    (t_a, T_a, y_a), (t_b, T_b, y_b) = a, b
    pred_a, jac_a = model.compiled(t_a, T_a)
    pred_b, jac_b = model.compiled(t_b, T_b)
    n_a, n_b = y_a.size, y_b.size
    params = model.parameters
    P = len(params)
    y = np.concatenate([y_a, y_b])

    def split(x):
        return np.concatenate([x[:1], x[2:]]), np.concatenate([x[1:2], x[2:]])

    def residuals(x):
        xa, xb = split(x)
        return np.concatenate([pred_a(xa), pred_b(xb)]) - y

    def jacobian(x):
        xa, xb = split(x)
        Ja, Jb = jac_a(xa), jac_b(xb)
        J = np.zeros((n_a + n_b, P + 1))
        J[:n_a, 0] = Ja[:, 0]
        J[n_a:, 1] = Jb[:, 0]
        J[:n_a, 2:] = Ja[:, 1:]
        J[n_a:, 2:] = Jb[:, 1:]
        return J

    lower = np.array([params[0].lower, params[0].lower, *(p.lower for p in params[1:])])
    upper = np.array([params[0].upper, params[0].upper, *(p.upper for p in params[1:])])
    bounded = bool(np.any(np.isfinite(lower)) or np.any(np.isfinite(upper)))
    best = None
    for x0 in starts:
        x0 = np.clip(x0, lower + 1e-10 * np.isfinite(lower), upper - 1e-10 * np.isfinite(upper))
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            if not np.all(np.isfinite(residuals(x0))):
                continue
            try:
                sol = least_squares(
                    residuals,
                    x0,
                    jac=jacobian,
                    method="trf" if bounded else "lm",
                    bounds=(lower, upper) if bounded else (-np.inf, np.inf),
                    x_scale="jac",
                    max_nfev=max_nfev,
                    ftol=TOLERANCE,
                    xtol=TOLERANCE,
                    gtol=TOLERANCE,
                )
            except ValueError:
                continue
        if not np.all(np.isfinite(sol.fun)):
            continue
        if best is None or sol.cost < best.cost:
            best = sol
    names = ("initial_value_a", "initial_value_b", *model.parameter_names[1:])
    if best is None:
        raise FitError(
            "fit_failed",
            model=f"{model.order.title} {model.temperature.title} (common rate)",
            attribute="",
            reason="no start gave finite residuals",
        )
    return JointFit(
        names=names,
        theta=np.asarray(best.x, dtype=float),
        sse=float(best.fun @ best.fun),
        n=int(n_a + n_b),
        p=P + 1,
        converged=bool(best.status > 0),
    )


def _reported(model: KineticModel, theta: np.ndarray) -> dict[str, float]:
    """Fitting-space ``theta`` as the reported-scale ``start`` dict of ``fit_floats``."""
    return {
        p.name: float(np.exp(v) if p.log else v)
        for p, v in zip(model.parameters, theta, strict=True)
    }


def _fit_separate(
    data: Data,
    attribute: Attribute,
    order: str,
    temperature_model: str,
    sign: float,
    T_ref: float,
    rows: np.ndarray | None,
    file: str | None,
    start: dict[str, float] | None = None,
) -> FitResult:
    from ..fitting import fit_floats

    t, T, y = data
    return fit_floats(
        t,
        T,
        y,
        order=order,
        temperature_model=temperature_model,
        attribute=attribute,
        sign=sign,
        reference_temperature_K=T_ref,
        rows=rows,
        file=file,
        start=start,
    )


def compare_floats(
    a: Data,
    b: Data,
    *,
    attribute: Attribute,
    order: str = "first",
    temperature_model: str = "arrhenius",
    temperatures_K: Sequence[float] = (298.15, 303.15),
    level: float = 0.95,
    selection: str = "given",
    rows: tuple[np.ndarray | None, np.ndarray | None] = (None, None),
    files: tuple[str | None, str | None] = (None, None),
) -> AttributeComparison:
    """Compare one attribute of two formulations given as float arrays (working units).

    The engine behind :func:`compare`; batch code and simulations call it directly.

    Parameters
    ----------
    a, b : tuple of numpy.ndarray
        ``(time [day], temperature [K], value [attribute unit])`` of formulation A and B.
    attribute : Attribute
        Name, unit, limit and direction (the same for both formulations).
    order : str
        Reaction order of all models (``"zero"``, ``"first"``, ...).
    temperature_model : str
        Temperature dependence (not a humidity model).
    temperatures_K : sequence of float
        Temperatures at which the shelf lives are compared [K].
    level : float
        Confidence level; the tests are judged at ``1 - level``.
    selection : str
        How ``order`` was chosen (recorded in the result).

    Returns
    -------
    AttributeComparison
    """
    from ..fitting import trend_sign
    from ..models.temperature import reference_temperature

    a = tuple(np.asarray(x, dtype=float) for x in a)
    b = tuple(np.asarray(x, dtype=float) for x in b)
    t = np.concatenate([a[0], b[0]])
    T = np.concatenate([a[1], b[1]])
    y = np.concatenate([a[2], b[2]])
    sign = trend_sign(t, T, y)
    T_ref = reference_temperature(T)

    fit_a = _fit_separate(a, attribute, order, temperature_model, sign, T_ref, rows[0], files[0])
    fit_b = _fit_separate(b, attribute, order, temperature_model, sign, T_ref, rows[1], files[1])
    common = _fit_separate(
        (t, T, y),
        attribute,
        order,
        temperature_model,
        sign,
        T_ref,
        None,
        files[0],
    )
    model = common.model
    tc = common.theta
    # Starts: the common curve itself (so SSE_rate <= SSE_curve), then A0 from the separate
    # fits with the shared parameters from the common fit, from A's and from B's fit.
    starts = [np.concatenate([tc[:1], tc[:1], tc[1:]])]
    for shared in (tc[1:], fit_a.theta[1:], fit_b.theta[1:]):
        starts.append(np.concatenate([fit_a.theta[:1], fit_b.theta[:1], shared]))
    joint = _fit_common_rate(model, a, b, starts)

    # Nesting: separate <= common rate. A separate fit stuck above the joint optimum is
    # refitted from it (the joint solution restricted to one formulation is a valid start).
    sse_sep = fit_a.statistics["sse"] + fit_b.statistics["sse"]
    if sse_sep > joint.sse * (1 + NESTING_RTOL) + 1e-300:
        xa = np.concatenate([joint.theta[:1], joint.theta[2:]])
        xb = np.concatenate([joint.theta[1:2], joint.theta[2:]])
        for which, x in (("a", xa), ("b", xb)):
            old = fit_a if which == "a" else fit_b
            new = _fit_separate(
                a if which == "a" else b,
                attribute,
                order,
                temperature_model,
                sign,
                T_ref,
                rows[0 if which == "a" else 1],
                files[0 if which == "a" else 1],
                start=_reported(model, x),
            )
            if new.statistics["sse"] < old.statistics["sse"]:
                if which == "a":
                    fit_a = new
                else:
                    fit_b = new
        sse_sep = fit_a.statistics["sse"] + fit_b.statistics["sse"]

    n = int(y.size)
    p_f = int(fit_a.statistics["p"] + fit_b.statistics["p"])
    tests = (
        FTest.from_sse(
            "all_parameters", common.statistics["sse"], common.statistics["p"], sse_sep, p_f, n
        ),
        FTest.from_sse("rate_parameters", joint.sse, joint.p, sse_sep, p_f, n),
    )
    T_K = np.asarray(list(temperatures_K), dtype=float)
    from ..guardrails import check_fit, check_storage

    notices = tuple(
        (which, notice)
        for which, fit in (("a", fit_a), ("b", fit_b))
        for notice in (*check_fit(fit), *check_storage(fit, T_K))
    )
    return AttributeComparison(
        attribute=attribute,
        selection=selection,
        fit_a=fit_a,
        fit_b=fit_b,
        common=common,
        common_rate=joint,
        tests=tests,
        parameters=_compare_parameters(fit_a, fit_b, level),
        shelf_lives=_compare_shelf_lives(fit_a, fit_b, T_K, level),
        level=level,
        notices=notices,
    )
