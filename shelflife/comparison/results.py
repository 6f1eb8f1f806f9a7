"""Immutable results of a formulation comparison: F tests, estimates, shelf-life ratios."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ._common import (
    _ORDER_WORDS,
    SCHEMA,
    TEST_NAMES,
    _celsius,
    _fmt,
    _fmt_level,
    _fmt_p,
    _fmt_pct,
    _num,
    _tr,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..fitting import KineticModel
    from ..results import FitResult
    from ..study import Attribute, Study


# ------------------------------------------------------------------------ result types
@dataclass(frozen=True)
class FTest:
    r"""An extra-sum-of-squares F test of a reduced model against the separate fits.

    Attributes
    ----------
    name : {"all_parameters", "rate_parameters"}
        What the null hypothesis makes common to both formulations: every parameter (one
        curve), or every parameter except the initial value (the rate constant and its
        temperature dependence).
    f : float
        :math:`F = [(\mathrm{SSE}_r - \mathrm{SSE}_f)/(p_f - p_r)] /
        [\mathrm{SSE}_f/(n - p_f)]`.
    df1, df2 : int
        :math:`p_f - p_r` and :math:`n - p_f`.
    p_value : float
        :math:`P\{F_{df1, df2} > F\}`.
    sse_reduced, sse_full : float
        Residual sums of squares [attribute unit squared].
    p_reduced, p_full, n : int
        Numbers of parameters and of measurements.
    lr : float
        Likelihood-ratio statistic :math:`n \ln(\mathrm{SSE}_r/\mathrm{SSE}_f)`.
    lr_p_value : float
        Asymptotic :math:`\chi^2_{df1}` p-value of ``lr``.
    """

    name: str
    f: float
    df1: int
    df2: int
    p_value: float
    sse_reduced: float
    sse_full: float
    p_reduced: int
    p_full: int
    n: int
    lr: float
    lr_p_value: float

    @classmethod
    def from_sse(
        cls, name: str, sse_reduced: float, p_reduced: int, sse_full: float, p_full: int, n: int
    ) -> FTest:
        """Compute the F and likelihood-ratio tests from the two residual sums of squares."""
        from scipy.special import chdtrc, fdtrc

        df1, df2 = int(p_full - p_reduced), int(n - p_full)
        extra = max(float(sse_reduced) - float(sse_full), 0.0)
        if df1 <= 0 or df2 <= 0:
            f = p = lr = lr_p = float("nan")
        elif sse_full <= 0:
            f, p = (np.inf, 0.0) if extra > 0 else (np.nan, np.nan)
            lr, lr_p = f, p
        else:
            f = (extra / df1) / (sse_full / df2)
            p = float(fdtrc(df1, df2, f))
            lr = n * float(np.log((sse_full + extra) / sse_full))
            lr_p = float(chdtrc(df1, lr))
        return cls(
            name=name,
            f=float(f),
            df1=df1,
            df2=df2,
            p_value=float(p),
            sse_reduced=float(sse_reduced),
            sse_full=float(sse_full),
            p_reduced=int(p_reduced),
            p_full=int(p_full),
            n=int(n),
            lr=float(lr),
            lr_p_value=float(lr_p),
        )

    def label(self, lang: str = "en") -> str:
        """Plain-words name of the null hypothesis."""
        return _tr(f"test_{self.name}", lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "name": self.name,
            "hypothesis": self.label("en"),
            "hypothesis_id": self.label("id"),
            "f": _num(self.f),
            "df1": self.df1,
            "df2": self.df2,
            "p_value": _num(self.p_value),
            "sse_reduced": _num(self.sse_reduced),
            "sse_full": _num(self.sse_full),
            "parameters_reduced": self.p_reduced,
            "parameters_full": self.p_full,
            "n": self.n,
            "likelihood_ratio": {
                "statistic": _num(self.lr),
                "df": self.df1,
                "p_value": _num(self.lr_p_value),
            },
        }


@dataclass(frozen=True)
class Estimate:
    """A value with its standard error and interval (reported scale).

    Attributes
    ----------
    value, stderr : float
    ci : tuple of float
        Two-sided interval at the comparison's level.
    unit : str
    """

    value: float
    stderr: float
    ci: tuple[float, float]
    unit: str

    def to_dict(self) -> dict[str, Any]:
        """``{"value", "unit", "stderr", "ci"}``."""
        return {
            "value": _num(self.value),
            "unit": self.unit,
            "stderr": _num(self.stderr),
            "ci": [_num(self.ci[0]), _num(self.ci[1])],
        }


@dataclass(frozen=True)
class ParameterComparison:
    """One model parameter in both formulations, and B against A.

    For parameters fitted on the log scale (rate constants, Q10, Weibull shape) the
    comparison is the ratio B/A with its interval from the log scale; for the others
    (initial value, activation energy) it is the difference B − A.

    Attributes
    ----------
    name, symbol, unit : str
    a, b : Estimate
    kind : {"difference", "ratio"}
    value : float
        B − A [unit] or B/A [dimensionless].
    stderr : float
        Of the difference, or of ln(B/A).
    ci : tuple of float
    dof : float
        Welch-Satterthwaite degrees of freedom of the interval.
    """

    name: str
    symbol: str
    unit: str
    a: Estimate
    b: Estimate
    kind: str
    value: float
    stderr: float
    ci: tuple[float, float]
    dof: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        unit = self.unit if self.kind == "difference" else ""
        return {
            "name": self.name,
            "symbol": self.symbol,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            self.kind: {
                "value": _num(self.value),
                "unit": unit,
                ("stderr" if self.kind == "difference" else "stderr_log"): _num(self.stderr),
                "ci": [_num(self.ci[0]), _num(self.ci[1])],
            },
        }


@dataclass(frozen=True)
class ShelfLifeComparison:
    r"""Shelf life of both formulations at one temperature, their ratio and difference.

    Attributes
    ----------
    temperature : float
        [K]
    a, b : Estimate
        Shelf life [day] with the delta-method interval on the log scale (as
        :meth:`FitResult.shelf_life <shelflife.results.FitResult.shelf_life>`); ``inf``
        when the limit is never reached, 0 when exceeded at time zero.
    se_log_a, se_log_b : float
        Standard errors of :math:`\ln t` (nan when the shelf life is not finite).
    ratio, ratio_ci : float, tuple
        :math:`t_B/t_A` and its interval.
    difference, difference_ci : float, tuple
        :math:`t_B - t_A` [day] and its interval.
    dof : float
        Welch-Satterthwaite degrees of freedom of the ratio interval.
    """

    temperature: float
    a: Estimate
    b: Estimate
    se_log_a: float
    se_log_b: float
    ratio: float
    ratio_ci: tuple[float, float]
    difference: float
    difference_ci: tuple[float, float]
    dof: float

    @property
    def percent_change(self) -> tuple[float, tuple[float, float]]:
        """``(100 (r - 1), (low, high))``: B's shelf life relative to A's [%]."""
        return 100 * (self.ratio - 1), (100 * (self.ratio_ci[0] - 1), 100 * (self.ratio_ci[1] - 1))

    @property
    def clear(self) -> bool:
        """Whether the ratio interval excludes 1."""
        lo, hi = self.ratio_ci
        return bool(np.isfinite(lo) and np.isfinite(hi) and (hi < 1 or lo > 1))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        pct, (plo, phi) = self.percent_change
        return {
            "temperature": {"value": _celsius(self.temperature), "unit": "degC"},
            "a": {
                "estimate": {"value": _num(self.a.value), "unit": "day"},
                "ci": _pair(self.a.ci),
            },
            "b": {
                "estimate": {"value": _num(self.b.value), "unit": "day"},
                "ci": _pair(self.b.ci),
            },
            "ratio": {"value": _num(self.ratio), "unit": "", "ci": _pair(self.ratio_ci)},
            "difference": {
                "value": _num(self.difference),
                "unit": "day",
                "ci": _pair(self.difference_ci),
            },
            "percent_change": {"value": _num(pct), "unit": "%", "ci": _pair((plo, phi))},
        }


def _pair(ci: tuple[float, float]) -> list[float | None]:
    return [_num(ci[0]), _num(ci[1])]


@dataclass(frozen=True)
class JointFit:
    """The *common rate* model: initial value per formulation, other parameters shared.

    Attributes
    ----------
    names : tuple of str
        ``initial_value_a``, ``initial_value_b`` and the shared parameter names.
    theta : numpy.ndarray
        Estimates in fitting space (log scale for log parameters).
    sse : float
    n, p : int
    converged : bool
    """

    names: tuple[str, ...]
    theta: np.ndarray
    sse: float
    n: int
    p: int
    converged: bool

    def to_dict(self, model: KineticModel) -> dict[str, Any]:
        """Values on the reported scale (no intervals: this model is a test device)."""
        params = model.parameters
        out = {}
        for i, name in enumerate(self.names):
            par = params[0] if i < 2 else params[i - 1]
            v = float(self.theta[i])
            out[name] = _num(np.exp(v) if par.log else v)
        return {"parameters": out, "sse": _num(self.sse), "p": self.p, "n": self.n}


@dataclass(frozen=True)
class AttributeComparison:
    """Comparison of one attribute between formulation A and formulation B.

    Attributes
    ----------
    attribute : Attribute
    selection : {"given", "declared", "aic"}
        How the reaction order was chosen.
    fit_a, fit_b : FitResult
        The separate fits (common :math:`T_{ref}` and direction sign).
    common : FitResult
        The *common curve* fit of the stacked data.
    common_rate : JointFit
        The *common rate* fit.
    tests : tuple of FTest
        ``all_parameters`` then ``rate_parameters``.
    parameters : tuple of ParameterComparison
    shelf_lives : tuple of ShelfLifeComparison
    level : float
    aic : dict
        Order -> AIC of the separate model (pooled, common variance) when chosen by AIC.
    notices : tuple of (str, Notice)
        Guardrail notices of the separate fits, tagged ``"a"`` or ``"b"``.
    """

    attribute: Attribute
    selection: str
    fit_a: FitResult
    fit_b: FitResult
    common: FitResult
    common_rate: JointFit
    tests: tuple[FTest, ...]
    parameters: tuple[ParameterComparison, ...]
    shelf_lives: tuple[ShelfLifeComparison, ...]
    level: float
    aic: dict[str, float] = field(default_factory=dict)
    notices: tuple[tuple[str, Notice], ...] = ()

    @property
    def order(self) -> str:
        """Reaction order used for all three models."""
        return self.fit_a.model.order.name

    @property
    def alpha(self) -> float:
        r"""Significance level of the verdict, :math:`1 - \text{level}`."""
        return 1.0 - self.level

    def test(self, name: str) -> FTest:
        """The F test called ``name`` (``"all_parameters"`` or ``"rate_parameters"``)."""
        for t in self.tests:
            if t.name == name:
                return t
        raise InputError("option_unknown", what="test", value=name, choices=", ".join(TEST_NAMES))

    @property
    def significant(self) -> bool:
        """Whether the all-parameters test rejects one common curve at :attr:`alpha`."""
        p = self.test("all_parameters").p_value
        return bool(np.isfinite(p) and p < self.alpha)

    def _log_rate_ratio(self, T_K: float) -> float:
        T = np.array([T_K])
        la = self.fit_a.model.log_rate(self.fit_a.theta, T)[0]
        lb = self.fit_b.model.log_rate(self.fit_b.theta, T)[0]
        return float(lb - la)

    def verdict(self, lang: str = "en") -> str:
        """The verdict in plain words (English ``"en"`` or Indonesian ``"id"``).

        E.g. "no evidence that the formulations differ (p = 0.41)" or "formulation B
        degrades faster (p < 0.001): shelf life at 30 °C is 23 % shorter (95 % CI
        12–33 %)".
        """
        from ..report.i18n import format_celsius, format_days

        p_all = self.test("all_parameters").p_value
        p_rate = self.test("rate_parameters").p_value
        if not self.significant:
            return _tr("no_evidence", lang, p=_fmt_p(p_all, lang))
        if not (np.isfinite(p_rate) and p_rate < self.alpha):
            lead = _tr("initial_only", lang, p=_fmt_p(p_all, lang), p_rate=_fmt_p(p_rate, lang))
        else:
            temps = [s.temperature for s in self.shelf_lives] or [
                self.fit_a.model.reference_temperature
            ]
            signs = {np.sign(self._log_rate_ratio(T)) for T in temps}
            key = "faster" if signs == {1.0} else "slower" if signs == {-1.0} else "rate_differs"
            lead = _tr(key, lang, p=_fmt_p(p_rate, lang))
        ci = _tr("ci", lang, level=_fmt_level(self.level, lang))
        clauses = []
        for s in self.shelf_lives:
            T = format_celsius(s.temperature, lang)
            if not (np.isfinite(s.ratio) and s.ratio > 0):
                clauses.append(
                    _tr(
                        "not_finite",
                        lang,
                        T=T,
                        a=format_days(s.a.value, lang),
                        b=format_days(s.b.value, lang),
                    )
                )
                continue
            lo, hi = s.ratio_ci
            if s.clear and s.ratio < 1:
                clauses.append(
                    _tr(
                        "shorter",
                        lang,
                        T=T,
                        pct=_fmt_pct(100 * (1 - s.ratio), lang),
                        ci=ci,
                        lo=_fmt_pct(100 * (1 - hi), lang),
                        hi=_fmt_pct(100 * (1 - lo), lang),
                    )
                )
            elif s.clear:
                clauses.append(
                    _tr(
                        "longer",
                        lang,
                        T=T,
                        pct=_fmt_pct(100 * (s.ratio - 1), lang),
                        ci=ci,
                        lo=_fmt_pct(100 * (lo - 1), lang),
                        hi=_fmt_pct(100 * (hi - 1), lang),
                    )
                )
            else:
                clauses.append(
                    _tr(
                        "unclear",
                        lang,
                        T=T,
                        r=_fmt(s.ratio, lang, 2, significant=False),
                        ci=ci,
                        lo=_fmt(lo, lang, 2, significant=False),
                        hi=_fmt(hi, lang, 2, significant=False),
                    )
                )
        return lead + (": " + "; ".join(clauses) if clauses else "")

    def summary_text(self, lang: str = "en") -> str:
        """Model, tests, shelf lives and the verdict as indented plain text."""
        from ..report.i18n import format_celsius

        a = self.attribute
        tdep = self.fit_a.model.temperature.title
        lines = [
            _tr(
                "model_line",
                lang,
                name=a.display_name,
                unit=a.unit,
                order=_ORDER_WORDS.get(self.order, {}).get(lang, self.order),
                tdep=tdep,
                selection=_tr(f"selection_{self.selection}", lang),
            )
        ]
        for t in self.tests:
            lines.append(
                "  "
                + _tr(
                    "test_line",
                    lang,
                    name=t.label(lang),
                    f=_fmt(t.f, lang, 3),
                    df1=t.df1,
                    df2=t.df2,
                    p=_fmt_p(t.p_value, lang),
                )
            )
        ci = _tr("ci", lang, level=_fmt_level(self.level, lang))
        for s in self.shelf_lives:
            d = lambda x: _fmt(x, lang, 1, significant=False)  # noqa: E731
            lines.append(
                "  "
                + _tr(
                    "shelf_line",
                    lang,
                    T=format_celsius(s.temperature, lang),
                    ci=ci,
                    a=d(s.a.value),
                    a_lo=d(s.a.ci[0]),
                    a_hi=d(s.a.ci[1]),
                    b=d(s.b.value),
                    b_lo=d(s.b.ci[0]),
                    b_hi=d(s.b.ci[1]),
                    r=_fmt(s.ratio, lang, 3),
                    r_lo=_fmt(s.ratio_ci[0], lang, 3),
                    r_hi=_fmt(s.ratio_ci[1], lang, 3),
                    d=d(s.difference),
                    d_lo=d(s.difference_ci[0]),
                    d_hi=d(s.difference_ci[1]),
                )
            )
        lines.append(f"  {_tr('verdict', lang)}: {self.verdict(lang)}")
        for which, n in self.notices:
            lines.append(f"  [{which.upper()}] {n.message(lang)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The attribute block of the comparison JSON."""
        a = self.attribute
        model = self.fit_a.model
        stats = {}
        for key, fit in (("a", self.fit_a), ("b", self.fit_b)):
            st = fit.statistics
            stats[key] = {
                "n": st["n"],
                "sse": _num(st["sse"]),
                "dof": st["dof"],
                "rmse": _num(st["rmse"]),
                "residual_standard_error": _num(st["sigma"]),
                "r_squared": _num(st["r_squared"]),
                "converged": bool(fit.converged),
            }
        common = self.common.statistics
        return {
            "name": a.name,
            "unit": a.unit,
            "limit": {"value": _num(a.limit), "unit": a.unit, "direction": a.direction},
            "model": {
                "order": self.order,
                "temperature_dependence": model.temperature.name,
                "method": "global",
                "selection": self.selection,
                **({"aic": {k: _num(v) for k, v in self.aic.items()}} if self.aic else {}),
            },
            "reference_temperature": {"value": round(model.reference_temperature, 6), "unit": "K"},
            "level": self.level,
            "significant": self.significant,
            "tests": [t.to_dict() for t in self.tests],
            "parameters": [p.to_dict() for p in self.parameters],
            "shelf_life": [s.to_dict() for s in self.shelf_lives],
            "statistics": stats,
            "models": {
                "separate": {
                    "sse": _num(self.fit_a.statistics["sse"] + self.fit_b.statistics["sse"]),
                    "p": int(self.fit_a.statistics["p"] + self.fit_b.statistics["p"]),
                },
                "common_rate": self.common_rate.to_dict(model),
                "common_curve": {
                    "parameters": {k: _num(v.value) for k, v in self.common.parameters.items()},
                    "sse": _num(common["sse"]),
                    "p": int(common["p"]),
                    "n": int(common["n"]),
                },
            },
            "verdict": self.verdict("en"),
            "verdict_id": self.verdict("id"),
            "warnings": [{"formulation": w, **n.to_dict()} for w, n in self.notices],
        }


@dataclass(frozen=True)
class Comparison:
    """Result of :func:`compare`: every common attribute of two formulations.

    Attributes
    ----------
    study_a, study_b : Study
        Formulation A (the reference) and formulation B.
    attributes : tuple of AttributeComparison
    temperatures : tuple of float
        Temperatures at which shelf lives are compared [K].
    level : float
        Confidence level of every interval; tests are judged at ``1 - level``.
    """

    study_a: Study
    study_b: Study
    attributes: tuple[AttributeComparison, ...]
    temperatures: tuple[float, ...]
    level: float

    def __getitem__(self, name: str) -> AttributeComparison:
        for a in self.attributes:
            if a.attribute.name == name:
                return a
        names = ", ".join(a.attribute.name for a in self.attributes)
        raise InputError("attribute_unknown", name=name, names=names)

    def verdicts(self, lang: str = "en") -> str:
        """One verdict line per attribute."""
        return "\n".join(f"{a.attribute.display_name}: {a.verdict(lang)}" for a in self.attributes)

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text summary (what the CLI prints)."""
        a, b = self.study_a, self.study_b
        lines = [
            f"{_tr('title', lang)} (shelflife compare)",
            f"  A = {a.name}" + (f": {a.product}" if a.product else ""),
            f"  B = {b.name}" + (f": {b.product}" if b.product else ""),
        ]
        for c in self.attributes:
            lines += ["", c.summary_text(lang)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary_text()

    def summary(self) -> pd.DataFrame:
        """One row per attribute and temperature: tests, shelf lives, ratio and difference."""
        import pandas as pd

        rows = []
        for c in self.attributes:
            t_all, t_rate = c.test("all_parameters"), c.test("rate_parameters")
            base = {
                "attribute": c.attribute.name,
                "order": c.order,
                "F (all)": t_all.f,
                "p (all)": t_all.p_value,
                "F (rate)": t_rate.f,
                "p (rate)": t_rate.p_value,
            }
            if not c.shelf_lives:
                rows.append(base)
            for s in c.shelf_lives:
                rows.append(
                    {
                        **base,
                        "temperature [°C]": _celsius(s.temperature),
                        "shelf life A [day]": s.a.value,
                        "shelf life B [day]": s.b.value,
                        "B/A": s.ratio,
                        "B/A low": s.ratio_ci[0],
                        "B/A high": s.ratio_ci[1],
                        "B − A [day]": s.difference,
                        "B − A low [day]": s.difference_ci[0],
                        "B − A high [day]": s.difference_ci[1],
                    }
                )
        return pd.DataFrame(rows)

    def parameters_table(self) -> pd.DataFrame:
        """One row per attribute and parameter: A, B and the difference or ratio."""
        import pandas as pd

        rows = []
        for c in self.attributes:
            for p in c.parameters:
                rows.append(
                    {
                        "attribute": c.attribute.name,
                        "parameter": p.name,
                        "unit": p.unit,
                        "A": p.a.value,
                        "A low": p.a.ci[0],
                        "A high": p.a.ci[1],
                        "B": p.b.value,
                        "B low": p.b.ci[0],
                        "B high": p.b.ci[1],
                        "comparison": "B − A" if p.kind == "difference" else "B/A",
                        "value": p.value,
                        "low": p.ci[0],
                        "high": p.ci[1],
                    }
                )
        return pd.DataFrame(rows)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready comparison (schema ``shelflife.compare/1``).

        Quantities are ``{"value", "unit"}``; intervals ``"ci"`` are ``[low, high]`` at
        ``level``; ``None`` stands for nan or infinity.
        """
        from .. import __version__

        def study(s: Study) -> dict[str, Any]:
            return {"name": s.name, "product": s.product, "inputs": s.source.get("sha256", {})}

        return {
            "schema": SCHEMA,
            "software": {"name": "shelflife", "version": __version__},
            "studies": {"a": study(self.study_a), "b": study(self.study_b)},
            "level": self.level,
            "alpha": round(1.0 - self.level, 12),
            "temperatures": [{"value": _celsius(T), "unit": "degC"} for T in self.temperatures],
            "attributes": [c.to_dict() for c in self.attributes],
        }

    def to_json(self, indent: int = 2) -> str:
        """The comparison JSON as text (deterministic)."""
        return (
            json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
        )

    def write(self, out_dir: Any) -> dict[str, str]:
        """Write ``compare.json`` into ``out_dir`` atomically."""
        from ..io.output import write_outputs

        return write_outputs(out_dir, {"compare.json": self.to_json()})

    def _repr_html_(self) -> str:
        esc = html.escape
        a, b = self.study_a, self.study_b
        parts = [
            f"<h4>{esc(_tr('title', 'en'))}</h4>",
            f"<p>A = {esc(a.name)} ({esc(a.product)})<br>B = {esc(b.name)} ({esc(b.product)})</p>",
            "<ul>",
            *(
                f"<li><b>{esc(c.attribute.display_name)}</b>: {esc(c.verdict('en'))}</li>"
                for c in self.attributes
            ),
            "</ul>",
            self.summary().to_html(index=False, float_format=lambda x: f"{x:.4g}", na_rep="–"),
        ]
        return "\n".join(parts)

    def plot(self, ax=None, *, attribute: str | None = None, kind: str = "fit", lang: str = "en"):
        """Plot one attribute of both formulations.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        attribute : str, optional
            Defaults to the first compared attribute.
        kind : {"fit", "shelf_life"}
            Measurements and fitted curves of both formulations at each temperature (A:
            filled markers and solid lines; B: open markers and dashed lines), or shelf
            life against temperature for both with their confidence bands.
        lang : {"en", "id"}

        Returns
        -------
        matplotlib.axes.Axes
        """
        from ..report.i18n import check_lang

        check_lang(lang)
        c = self[attribute] if attribute else self.attributes[0]
        if kind not in ("fit", "shelf_life"):
            raise InputError(
                "option_unknown", what="plot kind", value=kind, choices="fit, shelf_life"
            )
        import matplotlib

        from ..plotting import STYLE, _axes
        from .plot import _draw_fits, _draw_shelf_lives

        with matplotlib.rc_context(STYLE):
            ax = _axes(ax)
            if kind == "fit":
                return _draw_fits(c, ax, lang)
            return _draw_shelf_lives(c, ax, lang, np.asarray(self.temperatures))
