r"""Fitting one sorption isotherm model to data: :func:`fit_isotherm`.

The fit is nonlinear least squares on the moisture content (dry basis, g/g) with
:func:`scipy.optimize.least_squares` (trust-region reflective, finite-difference Jacobian),
parameters kept inside their physical bounds (positive where physical, GAB's
:math:`K \le 1`). Starting values come from the model's linearisation; a few deterministic
alternative starts are also tried and the lowest residual sum of squares is kept.
``method="linearised"`` instead reproduces the hand calculation of many theses: ordinary
least squares on the linear form (e.g. Halsey's
:math:`\log \ln(1/a_w) = \log a - n \log m`), which is what published constants from
Indonesian work usually are.

Parameter uncertainty: covariance :math:`s^2 (J^\top J)^{-1}` with
:math:`s^2 = \mathrm{SSE}/(n-p)` and a central-difference Jacobian :math:`J`; the fit's
notices flag data beyond the model's validity, parameters at a bound, no convergence,
negative predictions and a poor MRD (:mod:`~shelflife.moisture.fit_statistics`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import FitError, InputError, Notice
from .fit_statistics import MRD_LIMITS, _statistics
from .isotherm_equations import get_model
from .isotherm_fit import IsothermFit
from .isotherm_model import IsothermModel
from .readers import IsothermData, isotherm_data

__all__ = ["fit_isotherm"]

_METHODS = ("nonlinear", "linearised")


def _residual_function(model: IsothermModel, aw: np.ndarray, m: np.ndarray):
    def residuals(p: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            r = model.forward(aw, p) - m
        return np.where(np.isfinite(r), r, 1e3)

    return residuals


def _jacobian(model: IsothermModel, p: np.ndarray, aw: np.ndarray) -> np.ndarray:
    """Central-difference Jacobian of the model moisture at ``p`` (one-sided at bounds)."""
    lower, upper = model.bounds()
    J = np.empty((aw.size, p.size))
    for j in range(p.size):
        h = 1e-6 * max(abs(p[j]), 1e-6)
        up, dn = p.copy(), p.copy()
        up[j] = min(p[j] + h, upper[j])
        dn[j] = max(p[j] - h, lower[j])
        with np.errstate(all="ignore"):
            J[:, j] = (model.forward(aw, up) - model.forward(aw, dn)) / (up[j] - dn[j])
    return J


def _covariance(J: np.ndarray, sse: float, dof: int) -> np.ndarray:
    p = J.shape[1]
    if dof <= 0 or not np.all(np.isfinite(J)):
        return np.full((p, p), np.nan)
    s2 = sse / dof
    try:
        lam, vec = np.linalg.eigh(J.T @ J)
    except np.linalg.LinAlgError:  # pragma: no cover
        return np.full((p, p), np.nan)
    if not (np.all(np.isfinite(lam)) and lam[0] > lam[-1] * 1e-14 and lam[0] > 0):
        return np.full((p, p), np.nan)
    return (vec / lam) @ vec.T * s2


def _nonlinear(model: IsothermModel, aw: np.ndarray, m: np.ndarray):
    from scipy.optimize import least_squares

    lower, upper = model.bounds()
    residuals = _residual_function(model, aw, m)
    x0 = model.guess(aw, m)
    starts = [x0, x0 * 0.5, x0 * 2.0]  # deterministic alternatives, clipped to the bounds
    inside_lo = lower + 1e-12 * np.where(np.isfinite(lower), np.maximum(1.0, np.abs(lower)), 0)
    inside_hi = upper - 1e-9 * np.where(np.isfinite(upper), np.maximum(1.0, np.abs(upper)), 0)
    best, nfev = None, 0
    for start in starts:
        x = np.clip(start, inside_lo, inside_hi)
        try:
            sol = least_squares(
                residuals,
                x,
                bounds=(lower, upper),
                method="trf",
                jac="3-point",
                x_scale="jac",
                ftol=1e-12,
                xtol=1e-12,
                gtol=1e-12,
                max_nfev=2000,
            )
        except ValueError:  # pragma: no cover - residuals not finite at the start
            continue
        nfev += int(sol.nfev)
        if best is None or 2 * sol.cost < 2 * best.cost * (1 - 1e-10):
            best = sol
    if best is None:  # pragma: no cover
        raise FitError("isotherm_fit_failed", model=model.title, reason="no start evaluated")
    return best.x, bool(best.success), str(best.message), nfev


def _fit_notices(
    model: IsothermModel, values: np.ndarray, data: IsothermData, converged: bool, mrd: float
) -> list[Notice]:
    notes: list[Notice] = []
    title = model.title
    if data.aw.max() > model.validity[1] + 1e-9:
        notes.append(
            Notice(
                "isotherm_outside_validity",
                "plausibility",
                None,
                {
                    "model": title,
                    "aw_max": float(data.aw.max()),
                    "limit": model.validity[1],
                    "note": model.validity_note,
                },
            )
        )
    lower, upper = model.bounds()
    for i, par in enumerate(model.parameters):
        v = float(values[i])
        for bound in (lower[i], upper[i]):
            if math.isfinite(bound) and abs(v - bound) <= 1e-6 * max(1.0, abs(bound)):
                notes.append(
                    Notice(
                        "isotherm_parameter_at_bound",
                        "convergence",
                        None,
                        {"model": title, "parameter": par.name, "value": float(bound)},
                    )
                )
    if not converged:
        notes.append(Notice("isotherm_not_converged", "convergence", None, {"model": title}))
    grid = np.linspace(max(1e-3, min(0.05, data.aw.min())), data.aw.max(), 200)
    with np.errstate(all="ignore"):
        pred = model.forward(grid, values)
    neg = grid[~(pred > 0)]
    if neg.size:
        notes.append(
            Notice(
                "isotherm_negative_prediction",
                "plausibility",
                None,
                {"model": title, "aw": float(neg.max())},
            )
        )
    if mrd > MRD_LIMITS[1]:
        notes.append(
            Notice("isotherm_poor_fit", "plausibility", None, {"model": title, "mrd": mrd})
        )
    return notes


def _fit_data(model: IsothermModel, data: IsothermData, method: str) -> IsothermFit:
    if method not in _METHODS:
        raise InputError(
            "option_unknown", what="fit method", value=method, choices=", ".join(_METHODS)
        )
    aw, m = data.aw, data.moisture
    n, p = data.n, model.n_parameters
    if n < p + 1:
        raise InputError("isotherm_too_few_points", model=model.title, n=n, p=p, needed=p + 1)
    extra: dict[str, Any] = {}
    if method == "linearised":
        values, cov, r2 = model.linearised_fit(aw, m)
        lower, upper = model.bounds()
        for i, par in enumerate(model.parameters):
            if not lower[i] < values[i] <= upper[i] and not (values[i] == 0 == lower[i]):
                raise FitError(
                    "isotherm_linearised_unphysical",
                    model=model.title,
                    parameter=par.name,
                    value=float(values[i]),
                    low=float(lower[i]),
                    high=float(upper[i]),
                )
        converged, message, nfev = True, "ordinary least squares on the linear form", 0
        extra["linear_r_squared"] = r2
    else:
        values, converged, message, nfev = _nonlinear(model, aw, m)
    with np.errstate(all="ignore"):
        fitted = np.asarray(model.forward(aw, values), dtype=float)
    if not np.all(np.isfinite(fitted)):
        raise FitError("isotherm_fit_failed", model=model.title, reason="non-finite predictions")
    stats = _statistics(m, fitted, p)
    stats.update(extra)
    if method != "linearised":
        cov = _covariance(_jacobian(model, values, aw), stats["sse"], stats["dof"])
    notes = list(data.notices) + _fit_notices(model, values, data, converged, stats["mrd_percent"])
    return IsothermFit(
        model=model,
        values=np.asarray(values, dtype=float),
        cov=np.asarray(cov, dtype=float),
        data=data,
        fitted=fitted,
        residuals=m - fitted,
        statistics=stats,
        method=method,
        converged=converged,
        message=message,
        nfev=nfev,
        notices=tuple(notes),
    )


def fit_isotherm(
    aw: Any,
    moisture: Any,
    model: str | IsothermModel,
    *,
    basis: str | None = None,
    temperature: Any = None,
    method: str = "nonlinear",
) -> IsothermFit:
    """Fit one sorption isotherm model to water activity and equilibrium moisture data.

    Parameters
    ----------
    aw : array-like, list of str or pint.Quantity
        Water activities as fractions (``[0.11, 0.33, 0.75]``) or percentages
        (``["11 %", "33 %"]``); strictly between 0 and 1.
    moisture : array-like, list of str or pint.Quantity
        Equilibrium moisture; plain numbers are g/g (``Q_([2.1, 4.0], "%")`` for percent).
    model : str or IsothermModel
        ``"gab"``, ``"bet"``, ``"oswin"``, ``"halsey"`` (or ``"hasley"``), ``"henderson"``,
        ``"peleg"``, ``"smith"``, ``"chen_clayton"``, ``"caurie"``.
    basis : {"dry", "wet"}
        Basis of ``moisture`` (required): isotherms are fitted on dry basis.
    temperature : pint.Quantity or str, optional
        Temperature of the measurements, kept with the result. [°C, K or °F]
    method : {"nonlinear", "linearised"}
        Nonlinear least squares (default) or least squares on the model's linear form, as
        hand calculations do.

    Returns
    -------
    IsothermFit

    Raises
    ------
    InputError
        ``water_activity_above_one`` (a water activity above 1, probably % RH: divide by
        100 or write ``"75 %"``), ``moisture_basis_missing``, ``moisture_negative``,
        ``isotherm_too_few_points`` (fewer points than parameters + 1),
        ``isotherm_model_unknown``.
    FitError
        ``isotherm_linearised_unphysical`` when the linear form gives a parameter outside
        its physical range (e.g. a negative BET constant from points above aw 0.5).

    Warns
    -----
    PlausibilityWarning
        ``isotherm_not_monotone`` (moisture falls while water activity rises),
        ``isotherm_outside_validity`` (e.g. BET above aw 0.5), ``isotherm_poor_fit``,
        ``isotherm_negative_prediction``.
    ConvergenceWarning
        ``isotherm_parameter_at_bound``, ``isotherm_not_converged``.

    Examples
    --------
    >>> aw = [0.11, 0.23, 0.33, 0.43, 0.53, 0.65, 0.75, 0.84]
    >>> m = get_model("gab").moisture(aw, [0.05, 12.0, 0.85])
    >>> fit = fit_isotherm(aw, m, "gab", basis="dry")
    >>> [round(float(v), 4) for v in fit.values]
    [0.05, 12.0, 0.85]
    """
    mdl = get_model(model)
    data = isotherm_data(aw, moisture, basis=basis, temperature=temperature)
    fit = _fit_data(mdl, data, method)
    for n in fit.notices:
        n.emit(stacklevel=3)
    return fit
