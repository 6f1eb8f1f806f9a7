"""All checks of a fit together: :class:`Diagnostics`, :func:`run_diagnostics`, :func:`diagnose`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Notice
from ._common import OUTLIER_THRESHOLD, _num
from .bounds import parameters_at_bounds
from .curvature import Curvature, arrhenius_curvature
from .lackoffit import LackOfFit, lack_of_fit
from .order import _order_notice, order_by_temperature
from .residuals import leverages, studentized_residuals, suspected_outliers

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


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
