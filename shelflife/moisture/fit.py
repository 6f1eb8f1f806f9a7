r"""Fitting sorption isotherms: one model (:func:`fit_isotherm`) or all (:func:`fit_isotherms`).

The fit is nonlinear least squares on the moisture content (dry basis, g/g) with
:func:`scipy.optimize.least_squares` (trust-region reflective, finite-difference Jacobian),
parameters kept inside their physical bounds (positive where physical, GAB's
:math:`K \le 1`). Starting values come from the model's linearisation; a few deterministic
alternative starts are also tried and the lowest residual sum of squares is kept.
``method="linearised"`` instead reproduces the hand calculation of many theses: ordinary
least squares on the linear form (e.g. Halsey's
:math:`\log \ln(1/a_w) = \log a - n \log m`), which is what published constants from
Indonesian work usually are.

Goodness of fit is reported as RMSE, :math:`R^2`, AIC/AICc and the mean relative deviation

.. math::

    \mathrm{MRD} = \frac{100}{n} \sum_{i=1}^{n} \frac{|m_i - \hat m_i|}{m_i}\ [\%],

classed as in Indonesian practice: below 5 % *very accurate* (sangat tepat), 5–10 %
*fairly accurate* (agak tepat), above 10 % *not accurate* (tidak tepat) [1]_ [2]_.

Parameter uncertainty: covariance :math:`s^2 (J^\top J)^{-1}` with
:math:`s^2 = \mathrm{SSE}/(n-p)`; 95 % intervals use Student's t on :math:`n - p`
degrees of freedom, on the log scale for parameters kept positive (so they stay positive).

References
----------
.. [1] G. J. Lomauro, A. S. Bakshi and T. P. Labuza, "Evaluation of food moisture sorption
   isotherm equations. Part I: Fruit, vegetable and meat products," *Lebensm.-Wiss.
   Technol.*, vol. 18, pp. 111–117, 1985.
.. [2] Model kadar air kritis in Indonesian theses, e.g.
   https://text-id.123dok.com/document/1y9nk93rz-penentuan-model-sorpsi-isothermis-uji-ketepatan-model-penentuan-permeabilitas-kemasan-astm-1980.html
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import FitError, InputError, Notice
from .isotherms import IsothermModel, LinearIsotherm, _is_plain, get_model, model_names
from .readers import IsothermData, isotherm_data, read_isotherm_data

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import ParameterEstimate

__all__ = [
    "IsothermFit",
    "IsothermComparison",
    "fit_isotherm",
    "fit_isotherms",
    "mean_relative_deviation",
    "mrd_class",
    "MRD_LIMITS",
]

#: MRD class limits [%]: below the first "very accurate", up to the second "fairly
#: accurate", above it "not accurate".
MRD_LIMITS = (5.0, 10.0)

_MRD_WORDS = {
    "very_accurate": {"en": "very accurate", "id": "sangat tepat"},
    "fairly_accurate": {"en": "fairly accurate", "id": "agak tepat"},
    "not_accurate": {"en": "not accurate", "id": "tidak tepat"},
}
_METHODS = ("nonlinear", "linearised")


def mean_relative_deviation(observed: Any, predicted: Any) -> float:
    r"""Mean relative deviation :math:`\frac{100}{n}\sum |m_i - \hat m_i|/m_i` [%].

    Examples
    --------
    >>> round(mean_relative_deviation([0.10, 0.20], [0.11, 0.18]), 6)
    10.0
    """
    m = np.asarray(observed, dtype=float)
    p = np.asarray(predicted, dtype=float)
    return float(100.0 * np.mean(np.abs(m - p) / m))


def mrd_class(mrd: float, lang: str | None = None) -> str:
    """Class of a mean relative deviation as used in Indonesian practice.

    Parameters
    ----------
    mrd : float
        Mean relative deviation [%].
    lang : {"en", "id"}, optional
        Return the words in that language instead of the key.

    Returns
    -------
    str
        ``"very_accurate"`` (MRD < 5 %), ``"fairly_accurate"`` (5–10 %) or
        ``"not_accurate"`` (> 10 %), or their words (``"sangat tepat"``...).

    Examples
    --------
    >>> mrd_class(3.2), mrd_class(7.5, "id"), mrd_class(12.0, "en")
    ('very_accurate', 'agak tepat', 'not accurate')
    """
    if not math.isfinite(mrd):
        key = "not_accurate"
    elif mrd < MRD_LIMITS[0]:
        key = "very_accurate"
    elif mrd <= MRD_LIMITS[1]:
        key = "fairly_accurate"
    else:
        key = "not_accurate"
    return key if lang is None else _MRD_WORDS[key]["id" if lang == "id" else "en"]


def _num(x: Any) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def _statistics(m: np.ndarray, fitted: np.ndarray, p: int) -> dict[str, Any]:
    n = int(m.size)
    resid = m - fitted
    sse = float(resid @ resid)
    dof = n - p
    sst = float(np.sum((m - m.mean()) ** 2))
    k = p + 1  # parameters plus the error variance
    loglik = -0.5 * n * (math.log(2.0 * math.pi * max(sse, 1e-300) / n) + 1.0)
    aic = -2.0 * loglik + 2.0 * k
    mrd = mean_relative_deviation(m, fitted)
    return {
        "n": n,
        "p": p,
        "dof": dof,
        "sse": sse,
        "rmse": math.sqrt(sse / n),
        "sigma": math.sqrt(sse / dof) if dof > 0 else math.nan,
        "r_squared": 1.0 - sse / sst if sst > 0 else math.nan,
        "mrd_percent": mrd,
        "mrd_class": mrd_class(mrd),
        "aic": aic,
        "aicc": aic + 2.0 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else math.inf,
        "bic": -2.0 * loglik + k * math.log(n),
    }


# ====================================================================== result
@dataclass(frozen=True)
class IsothermFit:
    """A fitted sorption isotherm (immutable).

    Build it with :func:`fit_isotherm` or :func:`fit_isotherms`. Moisture is on dry basis
    in g/g throughout; water activity is a fraction.

    Attributes
    ----------
    model : IsothermModel
        The model fitted.
    values : numpy.ndarray
        Parameter estimates, in the order of ``model.parameters``.
    cov : numpy.ndarray
        Their covariance (NaN when it cannot be computed).
    data : IsothermData
        The data fitted (sorted by water activity).
    fitted, residuals : numpy.ndarray
        Fitted moisture and residuals (observed minus fitted) [g/g].
    statistics : dict
        ``n``, ``p``, ``dof``, ``sse``, ``rmse``, ``sigma``, ``r_squared``,
        ``mrd_percent``, ``mrd_class``, ``aic``, ``aicc``, ``bic``; for the linearised
        method also ``linear_r_squared`` (of the linear form).
    method : str
        ``"nonlinear"`` or ``"linearised"``.
    converged : bool
    message : str
    nfev : int
        Model evaluations of the optimiser.
    notices : tuple of Notice
        Warnings about the data and the fit.
    """

    model: IsothermModel
    values: np.ndarray
    cov: np.ndarray
    data: IsothermData
    fitted: np.ndarray
    residuals: np.ndarray
    statistics: dict[str, Any]
    method: str = "nonlinear"
    converged: bool = True
    message: str = ""
    nfev: int = 0
    notices: tuple[Notice, ...] = field(default=())

    # ---------------------------------------------------------------- accessors
    @property
    def name(self) -> str:
        """Model name (``"gab"``)."""
        return self.model.name

    @property
    def aw(self) -> np.ndarray:
        """Water activities of the data [–]."""
        return self.data.aw

    @property
    def observed(self) -> np.ndarray:
        """Measured equilibrium moisture [g/g, dry basis]."""
        return self.data.moisture

    @property
    def temperature(self):
        """Temperature of the data as a Quantity [K], or ``None``."""
        if self.data.temperature is None:
            return None
        from ..units import get_registry

        return get_registry().Quantity(self.data.temperature, "K")

    @property
    def mrd(self) -> float:
        """Mean relative deviation [%]."""
        return float(self.statistics["mrd_percent"])

    def accuracy(self, lang: str | None = None) -> str:
        """MRD class of the fit (see :func:`mrd_class`)."""
        return mrd_class(self.mrd, lang)

    @property
    def stderr(self) -> np.ndarray:
        """Standard errors of the parameters (NaN when unavailable)."""
        with np.errstate(invalid="ignore"):
            return np.sqrt(np.clip(np.diag(self.cov), 0, None))

    @property
    def parameters(self) -> dict[str, ParameterEstimate]:
        """Parameters with standard error and 95 % confidence interval, in order.

        Intervals use Student's t on ``n - p`` degrees of freedom; for parameters kept
        positive they are computed on the log scale (delta method), so they stay positive,
        and every interval is cut at the parameter's bounds (GAB's K at 1).
        """
        from .._stats import t_quantile
        from ..results import ParameterEstimate

        q = t_quantile(0.975, self.statistics["dof"])
        out = {}
        for i, par in enumerate(self.model.parameters):
            v, e = float(self.values[i]), float(self.stderr[i])
            if par.positive and v > 0 and math.isfinite(e) and math.isfinite(q):
                r = min(q * e / v, 700.0)  # beyond that the upper limit is infinite anyway
                ci = (v * math.exp(-r), v * math.exp(r) if r < 700.0 else math.inf)
            else:
                ci = (v - q * e, v + q * e)
            ci = (max(ci[0], par.lower), min(ci[1], par.upper))  # never beyond the bounds
            out[par.name] = ParameterEstimate(par.name, par.symbol, v, e, ci, par.unit)
        return out

    @property
    def correlation(self) -> np.ndarray:
        """Correlation matrix of the parameters."""
        se = self.stderr
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.cov / np.outer(se, se)

    # ------------------------------------------------------------ float level
    def moisture_db(self, aw: Any) -> Any:
        """Equilibrium moisture at water activity ``aw`` (floats in, floats out).

        Parameters
        ----------
        aw : float or numpy.ndarray
            Water activity [–, fraction].

        Returns
        -------
        float or numpy.ndarray
            Moisture [g/g, dry basis]. No checks: a model extrapolated outside its range
            may return negative values (Chen–Clayton at low ``aw``).
        """
        return self.model.moisture(aw, self.values)

    def water_activity_db(self, m: Any) -> Any:
        """Water activity at dry-basis moisture ``m`` (floats in, floats out).

        Parameters
        ----------
        m : float or numpy.ndarray
            Moisture [g/g, dry basis].

        Returns
        -------
        float or numpy.ndarray
            Water activity [–] in [0, 1]: 1 for a moisture at or above the isotherm's value
            at saturation, 0 at or below its value at ``aw = 0``.
        """
        return self.model.water_activity(m, self.values)

    # ---------------------------------------------------------- quantity level
    def moisture(self, aw: Any, *, basis: str = "dry") -> Any:
        """Equilibrium moisture at water activity ``aw``.

        Parameters
        ----------
        aw : float, numpy.ndarray, str or pint.Quantity
            Water activity as a fraction, or a percentage such as ``"75 %"``.
        basis : {"dry", "wet"}
            Basis of the result.

        Returns
        -------
        float, numpy.ndarray or pint.Quantity
            Floats [g/g] for float input (as :meth:`moisture_db` when ``basis="dry"``);
            otherwise a dimensionless Quantity whose magnitude is in g/g on ``basis``
            (``.to("%")`` for percent).

        Raises
        ------
        InputError
            ``water_activity_above_one``; ``isotherm_moisture_not_positive`` when the model
            predicts zero or negative moisture at ``aw`` (for Quantity input).
        """
        from .activity import water_activity_fraction
        from .basis import moisture_quantity, parse_basis, wet_from_dry

        b = parse_basis(basis)
        if _is_plain(aw):
            m = self.moisture_db(water_activity_fraction(aw))
            return wet_from_dry(m) if b == "wet" else m
        a = water_activity_fraction(aw)
        m = np.asarray(self.moisture_db(a), dtype=float)
        bad = np.flatnonzero(~(m > 0))
        if bad.size:
            i = int(bad[0])
            raise InputError(
                "isotherm_moisture_not_positive",
                model=self.model.title,
                aw=float(np.atleast_1d(a)[i]),
                value=float(np.atleast_1d(m)[i]),
            )
        return moisture_quantity(float(m) if m.ndim == 0 else m, b)

    def water_activity(self, moisture: Any, *, basis: str | None = None) -> Any:
        """Water activity in equilibrium with ``moisture``.

        Parameters
        ----------
        moisture : float, numpy.ndarray, str or pint.Quantity
            Floats are g/g on dry basis unless ``basis="wet"``; a Quantity or string
            (``"5.2 %"``) needs ``basis``.
        basis : {"dry", "wet"}, optional
            Basis of ``moisture``.

        Returns
        -------
        float, numpy.ndarray or pint.Quantity
            Floats for float input, else a dimensionless Quantity [–].

        Raises
        ------
        InputError
            ``moisture_basis_missing``; ``isotherm_moisture_outside_range`` (Quantity input)
            for a moisture the isotherm never reaches between ``aw`` 0 and 1.
        """
        from .basis import _to_dry

        if _is_plain(moisture) and basis is None:
            return self.water_activity_db(moisture)
        m_db, _, _ = _to_dry(moisture, basis)
        aw = self.water_activity_db(m_db)
        if _is_plain(moisture):
            return aw
        low, high = self.moisture_db(0.0), self.moisture_db(1.0)
        mm = np.atleast_1d(np.asarray(m_db, dtype=float))
        bad = mm[(mm <= low) | (mm >= high)]
        if bad.size:
            raise InputError(
                "isotherm_moisture_outside_range",
                model=self.model.title,
                value=float(bad[0]),
                low=float(low),
                high=float(high),
            )
        from .isotherms import _dimensionless

        return _dimensionless(aw)

    # ------------------------------------------------------- linear isotherms
    def slope(self, aw_low: Any, aw_high: Any) -> LinearIsotherm:
        """The secant of the isotherm between two water activities.

        Parameters
        ----------
        aw_low, aw_high : float or str
            Water activities [–] (or ``"40 %"``), ``aw_low < aw_high``.

        Returns
        -------
        LinearIsotherm
            Slope :math:`b` [g/g per unit aw] and intercept [g/g] of the line through the
            isotherm at the two water activities.
        """
        from .activity import water_activity_fraction

        a1 = float(water_activity_fraction(aw_low))
        a2 = float(water_activity_fraction(aw_high))
        return LinearIsotherm.through(
            a1, float(self.moisture_db(a1)), a2, float(self.moisture_db(a2))
        )

    def linear_between(
        self, m_initial: Any, m_critical: Any, *, basis: str | None = None
    ) -> LinearIsotherm:
        r"""The secant between the initial and the critical moisture (Labuza's slope *b*).

        Labuza's closed form assumes the isotherm straight between :math:`m_i` and
        :math:`m_c`; this is the line through :math:`(a_w(m_i), m_i)` and
        :math:`(a_w(m_c), m_c)` on the fitted isotherm.

        Parameters
        ----------
        m_initial, m_critical : float or str or pint.Quantity
            Initial and critical moisture; floats are g/g dry basis, a Quantity or string
            needs ``basis``. ``m_initial < m_critical``.
        basis : {"dry", "wet"}, optional
            Basis of the two moistures.

        Returns
        -------
        LinearIsotherm
        """
        from .basis import _to_dry

        if _is_plain(m_initial) and _is_plain(m_critical) and basis is None:
            mi, mc = float(m_initial), float(m_critical)
        else:
            mi = float(_to_dry(m_initial, basis, what="initial moisture")[0])
            mc = float(_to_dry(m_critical, basis, what="critical moisture")[0])
        ai, ac = float(self.water_activity_db(mi)), float(self.water_activity_db(mc))
        return LinearIsotherm.through(ai, mi, ac, mc)

    # ------------------------------------------------------------------ tables
    def summary(self) -> pd.DataFrame:
        """Parameter table: estimate, standard error, 95 % CI and unit."""
        import pandas as pd

        rows = [
            {
                "parameter": p.name,
                "symbol": p.symbol,
                "estimate": p.value,
                "stderr": p.stderr,
                "ci95_low": p.ci95[0],
                "ci95_high": p.ci95[1],
                "unit": p.unit or "-",
            }
            for p in self.parameters.values()
        ]
        return pd.DataFrame(rows).set_index("parameter")

    def data_table(self) -> pd.DataFrame:
        """Data with fitted values.

        Returns
        -------
        pandas.DataFrame
            ``aw`` [–], ``observed``, ``fitted``, ``residual`` [g/g, dry basis] and
            ``relative_deviation_percent`` [%].
        """
        import pandas as pd

        with np.errstate(divide="ignore", invalid="ignore"):
            rel = 100.0 * np.abs(self.residuals) / self.observed
        return pd.DataFrame(
            {
                "aw": self.aw,
                "observed": self.observed,
                "fitted": self.fitted,
                "residual": self.residuals,
                "relative_deviation_percent": rel,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description: model, parameters, statistics, data, notices."""
        st = self.statistics
        stats = {k: (_num(v) if isinstance(v, float) else v) for k, v in st.items()}
        stats["converged"] = bool(self.converged)
        T = self.data.temperature
        return {
            "model": {
                "name": self.model.name,
                "title": self.model.title,
                "equation": self.model.equation,
                "method": self.method,
                "validity": {"aw_low": self.model.validity[0], "aw_high": self.model.validity[1]},
            },
            "parameters": {k: v.to_dict() for k, v in self.parameters.items()},
            "statistics": stats,
            "data": {
                **self.data.to_dict(),
                "fitted": [float(x) for x in self.fitted],
                "residuals": [float(x) for x in self.residuals],
            },
            "temperature": None if T is None else {"value": round(T - 273.15, 6), "unit": "degC"},
            "notices": [n.to_dict() for n in self.notices],
        }

    # ----------------------------------------------------------------- display
    def __str__(self) -> str:
        st = self.statistics
        head = f"{self.model.title} isotherm ({self.method} fit): {self.model.equation}"
        if self.data.temperature is not None:
            head += f" at {self.data.temperature - 273.15:g} °C"
        lines = [head]
        for p in self.parameters.values():
            unit = f" {p.unit}" if p.unit else ""
            lines.append(
                f"  {p.symbol:3s} = {p.value:.5g} ± {p.stderr:.2g}{unit}"
                f"  (95 % CI {p.ci95[0]:.4g} to {p.ci95[1]:.4g})"
            )
        lines.append(
            f"  n = {st['n']}, RMSE = {st['rmse']:.3g} g/g, R² = {st['r_squared']:.4f}, "
            f"MRD = {st['mrd_percent']:.2f} % ({self.accuracy('en')}), AICc = {st['aicc']:.2f}"
        )
        lines.extend(f"  note: {n.message('en')}" for n in self.notices)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(p.symbol)}</td><td>{p.value:.5g}</td><td>{p.stderr:.2g}</td>"
            f"<td>{p.ci95[0]:.4g} – {p.ci95[1]:.4g}</td><td>{html.escape(p.unit or '-')}</td></tr>"
            for p in self.parameters.values()
        )
        st = self.statistics
        notes = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><b>{html.escape(self.model.title)}</b> isotherm: "
            f"<code>{html.escape(self.model.equation)}</code><table>"
            "<tr><th>parameter</th><th>estimate</th><th>SE</th><th>95 % CI</th><th>unit</th></tr>"
            f"{rows}</table><p>n = {st['n']}, RMSE = {st['rmse']:.3g} g/g, "
            f"R² = {st['r_squared']:.4f}, MRD = {st['mrd_percent']:.2f} % "
            f"({html.escape(self.accuracy('en'))}), AICc = {st['aicc']:.2f}</p>"
            + (f"<ul>{notes}</ul>" if notes else "")
            + "</div>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Plot the data and the fitted isotherm.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        lang : {"en", "id"}
            Language of the labels (decimal commas in Indonesian).

        Returns
        -------
        matplotlib.axes.Axes
            x: water activity [–]; y: moisture [g/g, dry basis].
        """
        from .plots import plot_isotherm

        return plot_isotherm(self, ax=ax, lang=lang)


# =================================================================== fitting
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


# ================================================================ comparison
@dataclass(frozen=True)
class IsothermComparison:
    """Several isotherm models fitted to the same data, ranked (immutable).

    Attributes
    ----------
    fits : tuple of IsothermFit
        The successful fits, best first (by ``rank_by``).
    data : IsothermData
        The data.
    rank_by : str
        ``"aicc"`` (default; AIC when AICc is undefined for small samples) or ``"mrd"``.
    failed : dict
        Model name -> reason, for models that could not be fitted.
    skipped : dict
        Model name -> reason, for models not tried (too few points; BET beyond its range).
    """

    fits: tuple[IsothermFit, ...]
    data: IsothermData
    rank_by: str = "aicc"
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def best(self) -> IsothermFit:
        """The best-ranked fit."""
        return self.fits[0]

    def __getitem__(self, name: str) -> IsothermFit:
        """The fit of model ``name`` (``comparison["gab"]``)."""
        key = get_model(name).name
        for f in self.fits:
            if f.model.name == key:
                return f
        raise KeyError(name)

    def __iter__(self):
        return iter(self.fits)

    def __len__(self) -> int:
        return len(self.fits)

    def table(self, lang: str = "en") -> pd.DataFrame:
        """Comparison table, best first.

        Returns
        -------
        pandas.DataFrame
            Index ``model``; columns ``title``, ``n_parameters``, ``rmse`` [g/g],
            ``r_squared``, ``mrd_percent`` [%], ``mrd_class`` (words in ``lang``), ``aic``,
            ``aicc``, ``delta_aicc`` (to the lowest AICc), ``converged``.
        """
        import pandas as pd

        finite = [f.statistics["aicc"] for f in self.fits if math.isfinite(f.statistics["aicc"])]
        low = min(finite) if finite else math.nan
        rows = []
        for f in self.fits:
            st = f.statistics
            rows.append(
                {
                    "model": f.model.name,
                    "title": f.model.title,
                    "n_parameters": st["p"],
                    "rmse": st["rmse"],
                    "r_squared": st["r_squared"],
                    "mrd_percent": st["mrd_percent"],
                    "mrd_class": f.accuracy(lang),
                    "aic": st["aic"],
                    "aicc": st["aicc"],
                    "delta_aicc": st["aicc"] - low,
                    "converged": f.converged,
                }
            )
        return pd.DataFrame(rows).set_index("model")

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Alias of :meth:`table`."""
        return self.table(lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``best``, ``rank_by``, ``table`` (rows), ``fits``, ``failed``, ``skipped``."""
        table = self.table()
        rows = [
            {"model": k, **{c: (_num(v) if isinstance(v, float) else v) for c, v in r.items()}}
            for k, r in table.to_dict(orient="index").items()
        ]
        return {
            "best": self.best.model.name,
            "rank_by": self.rank_by,
            "table": rows,
            "fits": {f.model.name: f.to_dict() for f in self.fits},
            "failed": dict(self.failed),
            "skipped": dict(self.skipped),
            "notices": [n.to_dict() for n in self.data.notices],
        }

    def __str__(self) -> str:
        lines = [f"Isotherm models ranked by {self.rank_by.upper()} (n = {self.data.n}):"]
        for f in self.fits:
            st = f.statistics
            lines.append(
                f"  {f.model.title:13s} MRD {st['mrd_percent']:6.2f} % ({f.accuracy('en')}), "
                f"RMSE {st['rmse']:.3g}, AICc {st['aicc']:.2f}"
            )
        for name, why in {**self.skipped, **self.failed}.items():
            lines.append(f"  {name}: {why}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self.table().to_html(float_format=lambda x: f"{x:.4g}")

    def plot(self, ax=None, *, lang: str = "en", models: Sequence[str] | None = None):
        """Plot the data with every fitted isotherm (or ``models`` only).

        Returns
        -------
        matplotlib.axes.Axes
        """
        from .plots import plot_comparison

        return plot_comparison(self, ax=ax, lang=lang, models=models)


def _rank_key(rank_by: str):
    def key(f: IsothermFit):
        st = f.statistics
        if rank_by == "mrd":
            return (0, st["mrd_percent"], st["aic"])
        finite = math.isfinite(st["aicc"])
        return (0 if finite else 1, st["aicc"] if finite else st["aic"], st["mrd_percent"])

    return key


def fit_isotherms(
    data: Any,
    models: Sequence[str] | None = None,
    *,
    basis: str | None = None,
    temperature: Any = None,
    method: str = "nonlinear",
    rank_by: str = "aicc",
    unit: str | None = None,
    columns: dict[str, str] | None = None,
    sheet: str | None = None,
) -> IsothermComparison:
    """Fit several isotherm models to the same data and rank them.

    Parameters
    ----------
    data : str, os.PathLike, pandas.DataFrame, mapping, tuple or IsothermData
        A CSV/XLSX file or a table (see :func:`~shelflife.moisture.read_isotherm_data`),
        or a tuple ``(aw, moisture)`` of arrays.
    models : sequence of str, optional
        Models to fit; default all registered ones, except BET when the data go beyond
        its range (aw > 0.5) and models with more parameters than the data allow.
    basis : {"dry", "wet"}, optional
        Basis of the moisture (required unless the column header says it).
    temperature : pint.Quantity or str, optional
        Temperature of the measurements. [°C, K or °F]
    method : {"nonlinear", "linearised"}
        Fitting method for every model (Peleg has no linear form and is skipped by the
        linearised method).
    rank_by : {"aicc", "mrd"}
        Ranking: AICc (AIC where AICc is undefined), or the MRD of Indonesian practice.
    unit : {"g/g", "%"}, optional
        Unit of the moisture column of a file whose header has none.
    columns : dict, optional
        Explicit column headers per role (``{"aw": ..., "moisture": ...}``).
    sheet : str, optional
        Worksheet of an XLSX file.

    Returns
    -------
    IsothermComparison

    Raises
    ------
    FitError
        ``isotherm_no_models_fitted`` when no model could be fitted.

    Examples
    --------
    >>> aw = [0.11, 0.23, 0.33, 0.43, 0.53, 0.65, 0.75, 0.84]
    >>> m = get_model("oswin").moisture(aw, [0.08, 0.35])
    >>> comparison = fit_isotherms((aw, m), basis="dry")
    >>> comparison.best.model.name
    'oswin'
    """
    if rank_by not in ("aicc", "mrd"):
        raise InputError("option_unknown", what="ranking", value=rank_by, choices="aicc, mrd")
    if isinstance(data, IsothermData):
        d = data
    elif isinstance(data, tuple) and len(data) == 2:
        d = isotherm_data(data[0], data[1], basis=basis, temperature=temperature)
    else:
        d = read_isotherm_data(
            data, basis=basis, temperature=temperature, unit=unit, columns=columns, sheet=sheet
        )
    explicit = models is not None
    names = [get_model(m).name for m in (models if explicit else model_names())]
    fits, failed, skipped = [], {}, {}
    for name in names:
        mdl = get_model(name)
        if not explicit and name == "bet" and d.aw.max() > mdl.validity[1] + 1e-9:
            skipped[name] = f"data reach aw = {d.aw.max():.3g}, beyond BET's range (≤ 0.5)"
            continue
        if d.n < mdl.n_parameters + 1:
            skipped[name] = (
                f"{mdl.n_parameters} parameters need at least {mdl.n_parameters + 1} points"
            )
            continue
        if method == "linearised" and mdl.linearisation is None:
            skipped[name] = "no linear form"
            continue
        try:
            fit = _fit_data(mdl, d, method)
        except (InputError, FitError) as exc:
            failed[name] = exc.render("en")
            continue
        # the data notices belong to the comparison; each fit keeps its own
        fits.append(fit)
    if not fits:
        reasons = "; ".join(f"{k}: {v}" for k, v in {**skipped, **failed}.items())
        raise FitError("isotherm_no_models_fitted", reasons=reasons or "no model requested")
    for n in d.notices:
        n.emit(stacklevel=3)
    fits.sort(key=_rank_key(rank_by))
    return IsothermComparison(tuple(fits), d, rank_by, failed, skipped)
