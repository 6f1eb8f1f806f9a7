"""Guardrails: coded warnings about a fit and its shelf-life predictions.

Each check looks at a result and returns :class:`~shelflife.errors.Notice` objects; none
changes a number. They answer the red flags seen in published ASLT practice
(``shared/reference/users-and-markets.md`` §1.3): too few temperatures, no real
temperature effect, extrapolation far from the tested range, a limit already exceeded or
never reached, a poor fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .errors import Notice

if TYPE_CHECKING:  # pragma: no cover
    from .results import FitResult

__all__ = ["check_fit", "check_storage", "POOR_FIT_R2", "MIN_TEMPERATURES", "APPROACH_FRACTION"]

#: R² below which the fit is called poor.
POOR_FIT_R2 = 0.80
#: Fewer distinct temperatures than this draws a design warning.
MIN_TEMPERATURES = 3
#: If no temperature's data reach this fraction of the way from the initial value to the
#: limit, the shelf life rests on extending the curve far beyond the data.
APPROACH_FRACTION = 0.5


def check_fit(fit: FitResult) -> list[Notice]:
    """Notices about the fit itself (design, significance, fit quality, convergence)."""
    a = fit.attribute
    out: list[Notice] = []
    n_temps = np.unique(fit.temperature).size
    if n_temps < MIN_TEMPERATURES:
        out.append(Notice("too_few_temperatures", "design", a.name, {"n": n_temps}))
    if not fit.converged:
        out.append(Notice("fit_not_converged", "convergence", a.name, {"reason": fit.message}))
    params = fit.parameters
    ea = params.get("activation_energy") or params.get("activation_enthalpy")
    # One-sided test: is Ea > 0 at the 2.5 % level (the lower end of the 95 % interval)?
    if ea is not None and (not np.isfinite(ea.ci95[0]) or ea.ci95[0] <= 0):
        out.append(
            Notice(
                "ea_not_significant",
                "plausibility",
                a.name,
                {"ea": float(ea.value), "low": float(ea.ci95[0]), "high": float(ea.ci95[1])},
            )
        )
    r2 = fit.statistics["r_squared"]
    if np.isfinite(r2) and r2 < POOR_FIT_R2:
        out.append(
            Notice(
                "poor_fit",
                "plausibility",
                a.name,
                {"model": fit.model.order.title, "r2": float(r2)},
            )
        )
    limit = a.limit
    if np.isfinite(limit):
        a0 = float(fit.model.initial_value(fit.theta))
        beyond = a0 >= limit if a.direction == "max" else a0 <= limit
        if beyond:
            out.append(
                Notice(
                    "limit_exceeded_at_start",
                    "plausibility",
                    a.name,
                    {"initial": float(a0), "limit": float(limit), "unit": a.unit},
                )
            )
        elif (fit.model.sign > 0) != (a.direction == "max"):
            out.append(
                Notice(
                    "no_finite_shelf_life",
                    "plausibility",
                    a.name,
                    {
                        "trend": "rising" if fit.model.sign > 0 else "falling",
                        "limit": float(limit),
                        "unit": a.unit,
                    },
                )
            )
        else:
            # How far towards the limit do the fitted curves get within the data?
            reach = 0.0
            for T in np.unique(fit.temperature):
                m = fit.temperature == T
                rr = None if fit.rh is None else fit.rh[m][:1]
                end = fit.model.predict(
                    fit.theta, np.array([fit.time[m].max()]), np.array([T]), rr
                )[0]
                reach = max(reach, (end - a0) / (limit - a0))
            if reach < APPROACH_FRACTION:
                out.append(
                    Notice(
                        "limit_not_approached",
                        "extrapolation",
                        a.name,
                        {"percent": round(100 * max(reach, 0))},
                    )
                )
    return out


def check_storage(fit: FitResult, storage_K: np.ndarray) -> list[Notice]:
    """Notices about predicting at storage temperatures outside the tested range."""
    out: list[Notice] = []
    lo, hi = float(fit.temperature.min()), float(fit.temperature.max())
    for T in np.atleast_1d(storage_K):
        if T < lo - 1e-9 or T > hi + 1e-9:
            side = "below" if T < lo else "above"
            dist = (lo - T) if T < lo else (T - hi)
            out.append(
                Notice(
                    "extrapolation",
                    "extrapolation",
                    fit.attribute.name,
                    {
                        "temperature": f"{T - 273.15:g} °C",
                        "distance": float(dist),
                        "side": side,
                        "low": f"{lo - 273.15:g} °C",
                        "high": f"{hi - 273.15:g} °C",
                    },
                )
            )
    return out
