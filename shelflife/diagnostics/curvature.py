"""Curvature of the Arrhenius (or other temperature-dependence) plot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import FitError, InputError
from ._common import _KEY_DECIMALS, ALPHA, _f_sf, _free, _num, _t_two_sided

if TYPE_CHECKING:  # pragma: no cover
    from ..results import FitResult


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

    from ..models.parameters import Parameter

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
    from ..fitting import fit_floats

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
