"""Immutable results of the ICH Q1E analysis: tests, lines, models and the result."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ._common import _INVERSE, MODEL_TITLES, MODELS, _num

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


# =========================================================================== results
@dataclass(frozen=True)
class Q1ETest:
    """An F test of the ICH Q1E analysis.

    Attributes
    ----------
    name : str
        ``"batch_time"`` (equality of slopes: dics vs dids), ``"batch"`` (equality of
        intercepts: cics vs dics), ``"dids_vs_cics"`` (both at once, JMP's test "A"),
        ``"regression"`` (the chosen model against a constant), ``"slope"`` (the time
        term(s) of the chosen model).
    description : str
        Plain-language description.
    f : float
        F statistic.
    df_num, df_den : int
        Numerator and denominator degrees of freedom.
    p_value : float
        Upper-tail probability of ``f``.
    """

    name: str
    description: str
    f: float
    df_num: int
    df_den: int
    p_value: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form ``{"f", "df", "p_value", "description"}``."""
        return {
            "f": _num(self.f),
            "df": [self.df_num, self.df_den],
            "p_value": _num(self.p_value),
            "description": self.description,
        }


@dataclass(frozen=True)
class Q1ELine:
    """One fitted regression line (one batch, or the common line) and its crossings.

    Attributes
    ----------
    batch : str or None
        Batch label; ``None`` for the common line of the cics model.
    n : int
        Measurements behind the line (all of them for a pooled model).
    intercept, slope : float
        ``mu(t) = intercept + slope·t`` [value unit (transformed scale)], [per time unit].
    var_intercept, cov_intercept_slope, var_slope : float
        Covariance of the two coefficients.
    sigma : float
        Residual standard deviation used for the line's bound [value unit].
    dof : int
        Residual degrees of freedom of that variance.
    quantile : float
        Student-t quantile of the bound (one-sided ``level``, or ``0.5 + level/2`` for a
        two-sided specification).
    extra_variance : float
        0 for a confidence bound of the mean; ``sigma²`` for a prediction bound.
    crossing_lower, crossing_upper : float
        Where the bound meets the lower / upper limit [time unit] (``nan`` if that side has
        no limit, ``inf`` if never, 0 if already beyond at time zero).
    """

    batch: str | None
    n: int
    intercept: float
    slope: float
    var_intercept: float
    cov_intercept_slope: float
    var_slope: float
    sigma: float
    dof: int
    quantile: float
    extra_variance: float
    crossing_lower: float
    crossing_upper: float

    @property
    def intercept_se(self) -> float:
        """Standard error of the intercept."""
        return math.sqrt(max(self.var_intercept, 0.0))

    @property
    def slope_se(self) -> float:
        """Standard error of the slope."""
        return math.sqrt(max(self.var_slope, 0.0))

    @property
    def crossing(self) -> float:
        """Earliest crossing over the sides of the specification [time unit]."""
        values = [x for x in (self.crossing_lower, self.crossing_upper) if not math.isnan(x)]
        return min(values) if values else math.nan

    @property
    def limiting_side(self) -> str | None:
        """``"lower"`` or ``"upper"``: the side met first (``None`` if neither is met)."""
        lo, up = self.crossing_lower, self.crossing_upper
        if math.isnan(up) or (not math.isnan(lo) and lo <= up):
            return "lower" if math.isfinite(lo) else None
        return "upper" if math.isfinite(up) else None

    def mean(self, time: Any) -> np.ndarray:
        """Fitted mean at ``time`` [time unit], on the fitted (transformed) scale."""
        return self.intercept + self.slope * np.asarray(time, dtype=float)

    def stderr(self, time: Any) -> np.ndarray:
        """Standard error of the mean (plus ``extra_variance``) at ``time``."""
        t = np.asarray(time, dtype=float)
        var = (
            self.var_intercept
            + 2 * self.cov_intercept_slope * t
            + self.var_slope * t * t
            + self.extra_variance
        )
        return np.sqrt(np.clip(var, 0, None))

    def to_dict(self, unit: str, time_unit: str) -> dict[str, Any]:
        """JSON form of the line with quantities ``{"value", "unit", "stderr"}``."""
        slope_unit = f"{unit}/{time_unit}" if unit else f"1/{time_unit}"
        return {
            "batch": self.batch,
            "n": self.n,
            "intercept": {
                "value": _num(self.intercept),
                "unit": unit,
                "stderr": _num(self.intercept_se),
            },
            "slope": {
                "value": _num(self.slope),
                "unit": slope_unit,
                "stderr": _num(self.slope_se),
            },
            "residual_standard_error": _num(self.sigma),
            "dof": self.dof,
            "t_quantile": _num(self.quantile),
            "crossing": {"value": _num(self.crossing), "unit": time_unit},
            "crossing_lower": {"value": _num(self.crossing_lower), "unit": time_unit},
            "crossing_upper": {"value": _num(self.crossing_upper), "unit": time_unit},
            "limiting_side": self.limiting_side,
        }


@dataclass(frozen=True)
class Q1EModel:
    """One of the ICH Q1E models fitted to the data, with its shelf life.

    Attributes
    ----------
    name : {"cics", "dics", "dids"}
    variant : {"pooled", "pooled_mse", "individual"}
        ``"pooled"`` for cics and dics (one residual variance); for dids, ``"pooled_mse"``
        (one ANCOVA fit, residual variance pooled over batches) or ``"individual"`` (each
        batch fitted on its own with its own residual variance).
    lines : tuple of Q1ELine
        One per batch (one common line for cics).
    rss : float
        Residual sum of squares (summed over batches for ``"individual"``).
    dof : int
        Residual degrees of freedom (summed over batches for ``"individual"``).
    n_params : int
        Number of regression coefficients.
    """

    name: str
    variant: str
    lines: tuple[Q1ELine, ...]
    rss: float
    dof: int
    n_params: int

    @property
    def key(self) -> str:
        """``"cics"``, ``"dics"``, ``"dids_pooled_mse"`` or ``"dids_individual"``."""
        return self.name if self.name != "dids" else f"dids_{self.variant}"

    @property
    def sigma(self) -> float:
        """Pooled residual standard deviation ``sqrt(rss/dof)``."""
        return math.sqrt(self.rss / self.dof) if self.dof > 0 else math.nan

    @property
    def worst_line(self) -> Q1ELine:
        """The line whose bound meets the specification first (first batch on ties)."""
        return min(self.lines, key=lambda ln: ln.crossing)

    @property
    def shelf_life(self) -> float:
        """Earliest crossing over batches [time unit]."""
        return self.worst_line.crossing

    @property
    def worst_batch(self) -> str | None:
        """Batch that limits the shelf life (``None`` for the common line of cics)."""
        return self.worst_line.batch

    @property
    def limiting_side(self) -> str | None:
        """Specification side met first (``"lower"``/``"upper"``, ``None`` if never)."""
        return self.worst_line.limiting_side

    def line(self, batch: str | None) -> Q1ELine:
        """The line of ``batch`` (the common line for cics, whatever ``batch`` is)."""
        if self.name == "cics":
            return self.lines[0]
        for ln in self.lines:
            if ln.batch == batch:
                return ln
        names = ", ".join(str(ln.batch) for ln in self.lines)
        raise InputError("option_unknown", what="batch", value=batch, choices=names)


@dataclass(frozen=True)
class Q1EResult:
    """ICH Q1E shelf-life evaluation of batch data at one storage condition.

    Build it with :func:`fit_q1e` or :func:`q1e`. Numbers are in the time unit
    ``time_unit`` and, for coefficients, on the scale of ``transform``.

    Attributes
    ----------
    attribute : str
        Name of the attribute.
    unit : str
        Unit of the attribute and the limits.
    time_unit : str
        Unit of the time values and of every time in the result (e.g. ``"month"``).
    model : {"cics", "dics", "dids"}
        The model the shelf life comes from.
    selection : {"poolability", "declared", "single_batch"}
        How it was chosen: by the ANCOVA tests, fixed by the caller, or because there is
        only one batch.
    dids_variant : {"individual", "pooled_mse"}
        How the dids model gives its shelf life.
    interval : {"confidence", "prediction"}
        Bound of the mean (ICH Q1E) or of a new observation.
    level : float
        Confidence level (0.95): one-sided for one limit, two-sided band for two limits.
    alpha_pool : float
        Significance level of the poolability tests.
    lower, upper : float or None
        Specification limits [unit] (untransformed).
    transform : {None, "log", "log10", "sqrt"}
        Transformation of the response before fitting (limits transformed alike).
    batches : tuple of str
        Batch labels in order of first appearance.
    time, value : numpy.ndarray
        The data used [time unit], [unit] (read-only).
    batch : numpy.ndarray
        Batch label of each measurement (read-only).
    models : dict
        :class:`Q1EModel` by key: ``"cics"``, and with two or more batches ``"dics"``,
        ``"dids_pooled_mse"`` and ``"dids_individual"``.
    tests : dict
        :class:`Q1ETest` by name (``"batch_time"``, ``"batch"``, ``"dids_vs_cics"``,
        ``"regression"``, ``"slope"``).
    notices : tuple of Notice
        Guardrail warnings (extrapolation, no trend, single batch...).
    days_per_time_unit : float or None
        Length of one time unit in days, when the unit is a known time unit.
    """

    attribute: str
    unit: str
    time_unit: str
    model: str
    selection: str
    dids_variant: str
    interval: str
    level: float
    alpha_pool: float
    lower: float | None
    upper: float | None
    transform: str | None
    batches: tuple[str, ...]
    time: np.ndarray
    value: np.ndarray
    batch: np.ndarray
    models: dict[str, Q1EModel]
    tests: dict[str, Q1ETest]
    notices: tuple[Notice, ...] = ()
    days_per_time_unit: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------ accessors
    def _key(self, name: str | None) -> str:
        name = name or self.model
        if name == "dids":
            name = f"dids_{self.dids_variant}"
        if name not in self.models:
            raise InputError(
                "option_unknown", what="model", value=name, choices=", ".join(self.models)
            )
        return name

    def get_model(self, name: str | None = None) -> Q1EModel:
        """A fitted model by name; the chosen one by default.

        ``name`` is ``"cics"``, ``"dics"``, ``"dids"`` (in the result's ``dids_variant``),
        ``"dids_pooled_mse"`` or ``"dids_individual"``.
        """
        return self.models[self._key(name)]

    @property
    def selected(self) -> Q1EModel:
        """The chosen model (for dids, in the result's ``dids_variant``)."""
        return self.get_model()

    @property
    def shelf_life(self) -> float:
        """Shelf life [time unit].

        ``inf`` if the bound never meets a limit, 0 if it is beyond one at time zero.
        """
        return self.selected.shelf_life

    @property
    def shelf_life_days(self) -> float | None:
        """Shelf life in days, when ``time_unit`` is a known time unit [day]."""
        if self.days_per_time_unit is None:
            return None
        return self.shelf_life * self.days_per_time_unit

    @property
    def worst_batch(self) -> str | None:
        """The batch that limits the shelf life (``None`` when the batches are pooled)."""
        return self.selected.worst_batch

    @property
    def limiting_side(self) -> str | None:
        """``"lower"`` or ``"upper"``: the specification limit met first."""
        return self.selected.limiting_side

    @property
    def sided(self) -> str:
        """``"one-sided"`` (one limit) or ``"two-sided"`` (lower and upper limits)."""
        return "two-sided" if self.lower is not None and self.upper is not None else "one-sided"

    @property
    def last_time(self) -> float:
        """Latest storage time in the data [time unit]."""
        return float(np.max(self.time))

    @property
    def crossing_by_model(self) -> dict[str, float]:
        """Shelf life each model would give [time unit].

        Keys ``cics``, ``dics``, ``dids`` (the latter in the result's ``dids_variant``; both
        variants are in :attr:`models`).
        """
        out = {}
        for name in MODELS:
            key = name if name != "dids" else f"dids_{self.dids_variant}"
            if key in self.models:
                out[name] = self.models[key].shelf_life
        return out

    @property
    def intercepts(self) -> dict[str, float]:
        """Intercept of each batch in the chosen model (fitted scale)."""
        m = self.selected
        return {b: m.line(b).intercept for b in self.batches}

    @property
    def slopes(self) -> dict[str, float]:
        """Slope of each batch in the chosen model [fitted unit per time unit]."""
        m = self.selected
        return {b: m.line(b).slope for b in self.batches}

    @property
    def sigma(self) -> float:
        """Residual standard deviation of the chosen model (pooled over batches)."""
        return self.selected.sigma

    @property
    def dof(self) -> int:
        """Residual degrees of freedom of the chosen model."""
        return self.selected.dof

    @property
    def coefficient_unit(self) -> str:
        """Unit label of the intercepts (``"log(%)"`` style when transformed)."""
        return self.unit if self.transform is None else f"{self.transform}({self.unit})"

    # ------------------------------------------------------------ prediction
    def _inverse(self, x: np.ndarray) -> np.ndarray:
        return _INVERSE[self.transform](x)

    def predict(
        self, time: Any, *, batch: str | None = None, model: str | None = None
    ) -> pd.DataFrame:
        """Fitted mean and the bounds used for the shelf life, back-transformed.

        Parameters
        ----------
        time : array_like
            Storage times [time unit].
        batch : str, optional
            Batch whose line is wanted; the worst-case batch by default (ignored for cics).
        model : str, optional
            ``"cics"``, ``"dics"``, ``"dids"``, ``"dids_pooled_mse"`` or
            ``"dids_individual"``; the chosen model by default.

        Returns
        -------
        pandas.DataFrame
            ``time``, ``estimate``, ``lower``, ``upper`` [unit]: the mean and
            ``estimate ∓ q·se`` with the quantile of the shelf-life bound (one-sided
            ``level`` for one limit, so ``lower`` is the one-sided lower bound; two-sided
            for two limits); ``se`` includes the residual variance for
            ``interval="prediction"``.
        """
        import pandas as pd

        m = self.get_model(model)
        ln = m.line(batch if batch is not None else m.worst_batch)
        t = np.atleast_1d(np.asarray(time, dtype=float))
        mu, se = ln.mean(t), ln.stderr(t)
        with np.errstate(all="ignore"):
            return pd.DataFrame(
                {
                    "time": t,
                    "estimate": self._inverse(mu),
                    "lower": self._inverse(mu - ln.quantile * se),
                    "upper": self._inverse(mu + ln.quantile * se),
                }
            )

    # ---------------------------------------------------------------- tables
    def summary(self) -> pd.DataFrame:
        """One row per model and line: coefficients, standard errors and crossing times.

        Returns
        -------
        pandas.DataFrame
            ``model`` (key), ``batch``, ``n``, ``intercept``, ``intercept_se``, ``slope``,
            ``slope_se``, ``sigma``, ``dof``, ``t_quantile``, ``crossing`` [time unit],
            ``limiting_side``, ``selected`` (the line's model is the chosen one).
        """
        import pandas as pd

        chosen = self.selected.key
        rows = []
        for key, m in self.models.items():
            for ln in m.lines:
                rows.append(
                    {
                        "model": key,
                        "batch": ln.batch if ln.batch is not None else "(all)",
                        "n": ln.n,
                        "intercept": ln.intercept,
                        "intercept_se": ln.intercept_se,
                        "slope": ln.slope,
                        "slope_se": ln.slope_se,
                        "sigma": ln.sigma,
                        "dof": ln.dof,
                        "t_quantile": ln.quantile,
                        f"crossing [{self.time_unit}]": ln.crossing,
                        "limiting_side": ln.limiting_side,
                        "selected": key == chosen,
                    }
                )
        return pd.DataFrame(rows)

    def anova(self) -> pd.DataFrame:
        """The F tests: ``test``, ``description``, ``F``, ``df_num``, ``df_den``, ``p_value``."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "test": k,
                    "description": v.description,
                    "F": v.f,
                    "df_num": v.df_num,
                    "df_den": v.df_den,
                    "p_value": v.p_value,
                }
                for k, v in self.tests.items()
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description (quantities as ``{"value", "unit"}``; no nan or inf).

        An infinite shelf life (no crossing) is ``null`` with ``"crossing": false``.
        """
        tu = self.time_unit
        cu = self.coefficient_unit

        def q(x: float, unit: str = tu) -> dict[str, Any]:
            return {"value": _num(x), "unit": unit}

        sl = self.shelf_life
        out: dict[str, Any] = {
            "method": "ICH Q1E",
            "attribute": self.attribute,
            "unit": self.unit,
            "time_unit": tu,
            "specification": {
                "lower": None if self.lower is None else q(self.lower, self.unit),
                "upper": None if self.upper is None else q(self.upper, self.unit),
                "sided": self.sided,
            },
            "settings": {
                "alpha_pool": self.alpha_pool,
                "level": self.level,
                "interval": self.interval,
                "dids_variant": self.dids_variant,
                "transform": self.transform,
            },
            "n": int(self.value.size),
            "batches": list(self.batches),
            "last_time": q(self.last_time),
            "model": self.model,
            "model_title": MODEL_TITLES[self.model],
            "selection": self.selection,
            "shelf_life": q(sl),
            "shelf_life_days": None
            if self.shelf_life_days is None
            else q(self.shelf_life_days, "day"),
            "crossing": bool(math.isfinite(sl)),
            "limiting_side": self.limiting_side,
            "worst_batch": self.worst_batch,
            "crossing_by_model": {k: q(v) for k, v in self.crossing_by_model.items()},
            "tests": {k: v.to_dict() for k, v in self.tests.items()},
            "models": {
                k: {
                    "model": m.name,
                    "variant": m.variant,
                    "residual_standard_error": _num(m.sigma),
                    "dof": m.dof,
                    "rss": _num(m.rss),
                    "shelf_life": q(m.shelf_life),
                    "worst_batch": m.worst_batch,
                    "limiting_side": m.limiting_side,
                    "lines": [ln.to_dict(cu, tu) for ln in m.lines],
                }
                for k, m in self.models.items()
            },
            "warnings": [n.to_dict() for n in self.notices],
        }
        if math.isfinite(sl) and self.days_per_time_unit is not None:
            from ..units import format_duration

            out["months_days"] = format_duration(sl * self.days_per_time_unit, "en")
            out["months_days_id"] = format_duration(sl * self.days_per_time_unit, "id")
        return out

    # ---------------------------------------------------------------- display
    def _shelf_life_text(self) -> str:
        sl = self.shelf_life
        if not math.isfinite(sl):
            return "no crossing (the bound never reaches the limit)"
        text = f"{sl:.4g} {self.time_unit}"
        if self.worst_batch is not None:
            text += f", worst-case batch {self.worst_batch}"
        if self.limiting_side is not None:
            text += f", {self.limiting_side} limit"
        return text

    def __str__(self) -> str:
        pct = f"{100 * self.level:g} %"
        lines = [
            f"ICH Q1E, {self.attribute} [{self.unit}]: model {self.model} "
            f"({MODEL_TITLES[self.model]}), chosen by {self.selection}",
            f"  shelf life: {self._shelf_life_text()}",
            f"  bound: {self.sided} {pct} {self.interval} bound"
            + (" of the mean" if self.interval == "confidence" else " of a new observation"),
        ]
        for k, v in self.tests.items():
            lines.append(
                f"  F {k:12s} = {v.f:.4g} (df {v.df_num}, {v.df_den}), p = {v.p_value:.3g}"
            )
        cross = ", ".join(f"{k} {v:.4g}" for k, v in self.crossing_by_model.items())
        lines.append(f"  crossing by model [{self.time_unit}]: {cross}")
        for n in self.notices:
            lines.append(f"  ! {n.message('en')}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        tu = e(self.time_unit)
        parts = [
            f"<p><b>ICH Q1E</b> &mdash; {e(self.attribute)} [{e(self.unit)}]: model "
            f"<b>{e(self.model)}</b> ({e(MODEL_TITLES[self.model])}), chosen by "
            f"{e(self.selection)}. Shelf life: <b>{e(self._shelf_life_text())}</b>.</p>"
        ]
        if self.tests:
            rows = "".join(
                f"<tr><td>{e(k)}</td><td>{e(v.description)}</td><td>{v.f:.4g}</td>"
                f"<td>{v.df_num}, {v.df_den}</td><td>{v.p_value:.3g}</td></tr>"
                for k, v in self.tests.items()
            )
            parts.append(
                "<table><thead><tr><th>test</th><th></th><th>F</th><th>df</th><th>p</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>"
            )
        rows = "".join(
            f"<tr><td>{e(m.key)}</td><td>{m.shelf_life:.4g}</td>"
            f"<td>{e(str(m.worst_batch or '–'))}</td><td>{e(str(m.limiting_side or '–'))}</td>"
            "</tr>"
            for m in self.models.values()
        )
        parts.append(
            f"<table><thead><tr><th>model</th><th>crossing [{tu}]</th><th>worst batch</th>"
            f"<th>side</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        m = self.selected
        rows = "".join(
            f"<tr><td>{e(str(ln.batch or '(all)'))}</td><td>{ln.intercept:.6g} ± "
            f"{ln.intercept_se:.2g}</td><td>{ln.slope:.6g} ± {ln.slope_se:.2g}</td>"
            f"<td>{ln.crossing:.4g}</td></tr>"
            for ln in m.lines
        )
        parts.append(
            f"<table><thead><tr><th>batch</th><th>intercept [{e(self.coefficient_unit)}]</th>"
            f"<th>slope [per {tu}]</th><th>crossing [{tu}]</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        if self.notices:
            items = "".join(f"<li>{e(n.message('en'))}</li>" for n in self.notices)
            parts.append(f"<ul>{items}</ul>")
        return "<div class='shelflife-q1e'>" + "".join(parts) + "</div>"

    def plot(self, ax: Axes | None = None, *, model: str | None = None, lang: str = "en"):
        """Data per batch, fitted lines, their bounds, the limits and the shelf life.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        model : str, optional
            Model whose lines are drawn (the chosen one by default).
        lang : {"en", "id"}
            Language of the labels.

        Returns
        -------
        matplotlib.axes.Axes
            x: storage time [time unit]; y: the attribute [its unit].
        """
        from ..report.i18n import check_lang

        check_lang(lang)
        import matplotlib

        from .. import plotting

        with matplotlib.rc_context(plotting.STYLE):
            from .plot import _draw_q1e

            return _draw_q1e(self, plotting._axes(ax), self.get_model(model), lang)
