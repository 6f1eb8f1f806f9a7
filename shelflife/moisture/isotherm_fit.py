r"""The result of fitting one sorption isotherm: :class:`IsothermFit` (immutable).

It holds the model, the parameter estimates and their covariance
:math:`s^2 (J^\top J)^{-1}` (:math:`s^2 = \mathrm{SSE}/(n-p)`), the data, fitted values
and goodness of fit; 95 % intervals use Student's t on :math:`n - p` degrees of freedom, on
the log scale for parameters kept positive (so they stay positive). It reads the isotherm
both ways at float level (:meth:`~IsothermFit.moisture_db`,
:meth:`~IsothermFit.water_activity_db`; moisture in g/g dry basis, water activity as a
fraction) or with units, gives Labuza's secants (:class:`LinearIsotherm`), tables, JSON and
plots. Build it with :func:`~shelflife.moisture.fit_isotherm`.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ._values import _dimensionless, _is_plain
from .fit_statistics import _num, mrd_class
from .isotherm_model import IsothermModel
from .linear_isotherm import LinearIsotherm
from .readers import IsothermData

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import ParameterEstimate

__all__ = ["IsothermFit"]


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
