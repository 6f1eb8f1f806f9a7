r"""Formulation comparison: whether two formulations degrade differently, and by how much.

:func:`compare` takes two studies of the same attribute(s), e.g. kerupuk made with local
cassava flour (study A) and with imported wheat flour (study B), and answers two
questions per attribute:

1. **Are the kinetics different?** Three nested models are fitted to the stacked data of
   both formulations, all with the same reaction order, temperature dependence, direction
   sign and reference temperature :math:`T_{ref}`:

   - *separate* (full model): every parameter per formulation,
     :math:`\theta_A = (A_{0,A}, \ln k_{ref,A}, E_{a,A})` and :math:`\theta_B`; with a
     common residual variance this is the same as two independent fits, so
     :math:`\mathrm{SSE}_f = \mathrm{SSE}_A + \mathrm{SSE}_B` and
     :math:`p_f = p_A + p_B`. The existing engine (:func:`shelflife.fitting.fit_floats`)
     does these fits.
   - *common rate*: the initial value per formulation, everything else shared
     (:math:`A_{0,A}, A_{0,B}, \ln k_{ref}, E_a`); :math:`p = P + 1`. This needs a joint
     model the engine does not have; it is built here as a joint residual on the stacked
     data with an analytic Jacobian assembled from :meth:`KineticModel.compiled
     <shelflife.fitting.KineticModel.compiled>` (columns of :math:`A_0` split by
     formulation, the others shared), solved with :func:`scipy.optimize.least_squares`.
     For orders with further order parameters (nth order :math:`n`, Weibull
     :math:`\beta`, equilibrium :math:`A_\infty`) those are shared too: only the initial
     value is allowed to differ.
   - *common curve*: all parameters shared, one curve for both (:math:`p = P`), fitted
     by the engine on the stacked data.

   Two extra-sum-of-squares F tests (Bates & Watts [1]_, Motulsky & Christopoulos
   [2]_; chapter and section numbers unverified) compare each reduced model with the full one:

   .. math::

       F = \frac{(\mathrm{SSE}_r - \mathrm{SSE}_f)/(p_f - p_r)}{\mathrm{SSE}_f/(n - p_f)},
       \qquad p = P\{F_{p_f - p_r,\, n - p_f} > F\}

   ``all_parameters`` (H0: one curve describes both formulations; reduced = common curve)
   and ``rate_parameters`` (H0: the same rate constant and temperature dependence, the
   initial values may differ; reduced = common rate). The p-value is
   :func:`scipy.special.fdtrc`. The likelihood-ratio statistic
   :math:`n \ln(\mathrm{SSE}_r/\mathrm{SSE}_f)` with its asymptotic
   :math:`\chi^2_{p_f - p_r}` p-value is reported alongside; the F test is the one the
   verdict uses (exact for linear models, and the usual approximation for nonlinear ones;
   its size is checked by simulation in ``tests/test_compare.py``). Both assume
   independent Gaussian errors with one variance for both formulations.

2. **How different are the shelf lives?** At each requested temperature, from the two
   independent fits (delta method, Bates & Watts [1]_; each fit's own covariance):

   .. math::

       \ln r = \ln t_B - \ln t_A, \quad
       \mathrm{se}^2(\ln r) = \mathrm{se}^2(\ln t_A) + \mathrm{se}^2(\ln t_B)

   with the ratio :math:`r = t_B/t_A` and its interval
   :math:`\exp(\ln r \pm t_{\nu}\,\mathrm{se})`, and the difference
   :math:`\Delta = t_B - t_A` with
   :math:`\mathrm{se}^2(\Delta) = t_A^2 \mathrm{se}^2(\ln t_A) + t_B^2
   \mathrm{se}^2(\ln t_B)` and interval :math:`\Delta \pm t_\nu \mathrm{se}`. The degrees
   of freedom :math:`\nu` follow Welch-Satterthwaite from the two fits' residual degrees
   of freedom. Parameter differences (:math:`A_0`, :math:`E_a`) and ratios (rate
   constants) are formed the same way.

The reaction order is the one given (``order=``), else the one the study files declare
(``model = ...``; if both declare one they must agree), else the one with the lower AIC of
the *separate* model on the pooled data (zero or first order; first only for positive
data), so the choice does not depend on the hypothesis being tested. Significance is judged at :math:`\alpha = 1 - \text{level}`.

References
----------
.. [1] D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and Its Applications*.
   New York, NY, USA: Wiley, 1988, §2.3 (inference from the linear approximation) and
   §3.10 (comparing models: nested models and the extra sum of squares; incremental
   parameters and indicator variables for comparing data sets).
.. [2] H. J. Motulsky and A. Christopoulos, *Fitting Models to Biological Data Using
   Linear and Nonlinear Regression*. New York, NY, USA: Oxford University Press, 2004,
   ch. 22 (the extra sum-of-squares F test) and ch. 27 (global fitting to test a treatment
   effect: parameters shared or separate between data sets).

Examples
--------
A study compared with itself (a sanity check: the separate and the common fits coincide):

>>> import shelflife as sl
>>> from shelflife.comparison import compare
>>> study = sl.load_example("keripik-tempe")
>>> res = compare(study, study, attributes="peroxide_value", temperatures="30 degC")
>>> res["peroxide_value"].verdict()
'no evidence that the formulations differ (p = 1.0)'
>>> round(res["peroxide_value"].shelf_lives[0].ratio, 6)
1.0

The sample pair (run from the repository root; see its README for the true values):

>>> a = sl.read_study("sample_data/kerupuk-cassava-vs-wheat/formulation-a")  # doctest: +SKIP
>>> b = sl.read_study("sample_data/kerupuk-cassava-vs-wheat/formulation-b")  # doctest: +SKIP
>>> comparison = compare(a, b)  # doctest: +SKIP
>>> comparison["moisture"].verdict()  # doctest: +SKIP
'no evidence that the formulations differ (p = 0.15)'
>>> print(comparison)  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import FitError, InputError, Notice

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .fitting import KineticModel
    from .results import FitResult
    from .study import Attribute, Study

__all__ = [
    "compare",
    "compare_floats",
    "Comparison",
    "AttributeComparison",
    "FTest",
    "ParameterComparison",
    "ShelfLifeComparison",
    "JointFit",
    "SCHEMA",
]

#: Identifier of the comparison JSON schema.
SCHEMA = "shelflife.compare/1"
#: Names of the two F tests, in the order they are reported.
TEST_NAMES = ("all_parameters", "rate_parameters")
#: Reaction orders tried when the order is chosen by AIC.
AUTO_ORDERS = ("zero", "first")
#: Relative SSE tolerance of the nesting checks (separate <= common rate <= common curve).
NESTING_RTOL = 1e-9

Data = tuple[np.ndarray, np.ndarray, np.ndarray]

# ---------------------------------------------------------------- plain words (en / id)
_TEXT: dict[str, dict[str, str]] = {
    "no_evidence": {
        "en": "no evidence that the formulations differ ({p})",
        "id": "tidak ada bukti bahwa kedua formulasi berbeda ({p})",
    },
    "initial_only": {
        "en": "the formulations differ in their initial value ({p}) but not detectably in "
        "their rate ({p_rate})",
        "id": "kedua formulasi berbeda pada nilai awalnya ({p}) tetapi lajunya tidak berbeda "
        "nyata ({p_rate})",
    },
    "faster": {
        "en": "formulation B degrades faster ({p})",
        "id": "formulasi B rusak lebih cepat ({p})",
    },
    "slower": {
        "en": "formulation B degrades more slowly ({p})",
        "id": "formulasi B rusak lebih lambat ({p})",
    },
    "rate_differs": {
        "en": "the formulations degrade at different rates, faster or slower depending on "
        "the temperature ({p})",
        "id": "laju kerusakan kedua formulasi berbeda, lebih cepat atau lebih lambat "
        "bergantung pada suhu ({p})",
    },
    "shorter": {
        "en": "shelf life at {T} is {pct} % shorter ({ci} {lo}–{hi} %)",
        "id": "umur simpan pada {T} {pct} % lebih pendek ({ci} {lo}–{hi} %)",
    },
    "longer": {
        "en": "shelf life at {T} is {pct} % longer ({ci} {lo}–{hi} %)",
        "id": "umur simpan pada {T} {pct} % lebih panjang ({ci} {lo}–{hi} %)",
    },
    "unclear": {
        "en": "shelf life at {T} does not differ clearly (B/A = {r}, {ci} {lo}–{hi})",
        "id": "umur simpan pada {T} tidak jelas berbeda (B/A = {r}, {ci} {lo}–{hi})",
    },
    "not_finite": {
        "en": "shelf life at {T}: A {a}, B {b}",
        "id": "umur simpan pada {T}: A {a}, B {b}",
    },
    "ci": {"en": "{level} % CI", "id": "SK {level} %"},
    "title": {"en": "Formulation comparison", "id": "Perbandingan formulasi"},
    "verdict": {"en": "Verdict", "id": "Kesimpulan"},
    "test_all_parameters": {
        "en": "all parameters equal (one curve)",
        "id": "semua parameter sama (satu kurva)",
    },
    "test_rate_parameters": {
        "en": "rate parameters equal (initial values free)",
        "id": "parameter laju sama (nilai awal bebas)",
    },
    "test_line": {
        "en": "{name}: F = {f} on {df1} and {df2} df, {p}",
        "id": "{name}: F = {f} pada db {df1} dan {df2}, {p}",
    },
    "shelf_line": {
        "en": "shelf life at {T}: A {a} days ({ci} {a_lo}–{a_hi}), B {b} days ({ci} "
        "{b_lo}–{b_hi}); "
        "B/A = {r} ({ci} {r_lo}–{r_hi}); B − A = {d} days ({ci} {d_lo} to {d_hi})",
        "id": "umur simpan pada {T}: A {a} hari ({ci} {a_lo}–{a_hi}), B {b} hari ({ci} "
        "{b_lo}–{b_hi}); "
        "B/A = {r} ({ci} {r_lo}–{r_hi}); B − A = {d} hari ({ci} {d_lo} sampai {d_hi})",
    },
    "model_line": {
        "en": "{name} [{unit}]: {order} order, {tdep} (order {selection})",
        "id": "{name} [{unit}]: orde {order}, {tdep} (orde {selection})",
    },
    "selection_aic": {"en": "chosen by AIC", "id": "dipilih menurut AIC"},
    "selection_declared": {"en": "declared in both studies", "id": "ditetapkan di kedua studi"},
    "selection_given": {"en": "given", "id": "ditentukan pengguna"},
    "warnings": {"en": "warnings", "id": "peringatan"},
    "formulation": {"en": "formulation", "id": "formulasi"},
}

_ORDER_WORDS = {"zero": {"en": "zero", "id": "nol"}, "first": {"en": "first", "id": "satu"}}


def _tr(key: str, lang: str, **params: Any) -> str:
    from .report.i18n import check_lang

    text = _TEXT[key][check_lang(lang)]
    return text.format(**params) if params else text


def _fmt(x: float, lang: str, digits: int = 3, *, significant: bool = True) -> str:
    from .report.i18n import format_number

    return format_number(x, lang, digits, significant=significant, trim=False)


def _fmt_p(p: float, lang: str) -> str:
    """``p = 0.41`` / ``p < 0.001`` (decimal comma in Indonesian)."""
    if p is None or not np.isfinite(p):
        return "p = –"
    if p < 0.001:
        return "p < " + ("0,001" if lang == "id" else "0.001")
    return "p = " + _fmt(p, lang, 2)


def _fmt_level(level: float, lang: str) -> str:
    from .report.i18n import format_number

    return format_number(100 * level, lang, 3, significant=True, trim=True)


def _fmt_pct(x: float, lang: str) -> str:
    """A percentage in whole numbers (one decimal when it would round to 0)."""
    from .report.i18n import format_number

    return format_number(x, lang, 0 if round(x) != 0 or x == 0 else 1)


def _num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    if x is None:
        return None
    x = float(x)
    return x if np.isfinite(x) else None


def _celsius(T_K: float) -> float:
    return round(float(T_K) - 273.15, 6)


def _t_quantile(level: float, dof: float) -> float:
    from ._stats import t_quantile

    if not np.isfinite(dof) or dof <= 0:
        return float("nan")
    return t_quantile(0.5 + level / 2, dof)


def _welch_dof(var_a: float, var_b: float, dof_a: float, dof_b: float) -> float:
    r"""Welch-Satterthwaite degrees of freedom of a sum of two independent variances.

    :math:`\nu = (v_A + v_B)^2 / (v_A^2/\nu_A + v_B^2/\nu_B)`; ``dof_a + dof_b`` when both
    variances are zero.
    """
    den = (var_a**2 / dof_a if dof_a > 0 else np.inf) + (var_b**2 / dof_b if dof_b > 0 else np.inf)
    num = (var_a + var_b) ** 2
    if not np.isfinite(den) or den <= 0 or not np.isfinite(num):
        return float(dof_a + dof_b) if num == 0 else float("nan")
    return float(num / den)


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
        from .report.i18n import format_celsius, format_days

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
        from .report.i18n import format_celsius

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
        from . import __version__

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
        from .io.output import write_outputs

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
        from .report.i18n import check_lang

        check_lang(lang)
        c = self[attribute] if attribute else self.attributes[0]
        if kind not in ("fit", "shelf_life"):
            raise InputError(
                "option_unknown", what="plot kind", value=kind, choices="fit, shelf_life"
            )
        import matplotlib

        from .plotting import STYLE, _axes

        with matplotlib.rc_context(STYLE):
            ax = _axes(ax)
            if kind == "fit":
                return _draw_fits(c, ax, lang)
            return _draw_shelf_lives(c, ax, lang, np.asarray(self.temperatures))


# -------------------------------------------------------------------------- plotting
def _draw_fits(c: AttributeComparison, ax, lang: str):
    from matplotlib.lines import Line2D

    from .plotting import _LIMIT_STYLE, _fmt_value, _localise, _temperature_styles
    from .report.i18n import format_celsius, t, unit_label

    fits = {"A": c.fit_a, "B": c.fit_b}
    styles = _temperature_styles(np.concatenate([c.fit_a.temperature, c.fit_b.temperature]))
    t_max = max(float(np.max(f.time)) for f in fits.values())
    grid = np.linspace(0.0, t_max * 1.03 if t_max > 0 else 1.0, 200)
    lines = {"A": "-", "B": (0, (5, 2))}
    for key, fit in fits.items():
        for T, st in styles.items():
            m = np.isclose(fit.temperature, T)
            if not m.any():
                continue
            ax.plot(
                fit.time[m],
                fit.value[m],
                linestyle="none",
                marker=st["marker"],
                color=st["color"],
                markerfacecolor=st["color"] if key == "A" else "white",
                markeredgecolor=st["color"] if key == "B" else "white",
                markeredgewidth=0.9 if key == "B" else 0.5,
                alpha=0.85,
                zorder=3,
            )
            mean = fit.model.predict(fit.theta, grid, np.full_like(grid, T))
            ax.plot(grid, mean, color=st["color"], linestyle=lines[key], zorder=2)
    handles, labels_ = [], []
    for T, st in styles.items():
        handles.append(Line2D([], [], color=st["color"], marker=st["marker"], linestyle="none"))
        labels_.append(format_celsius(T, lang))
    for key in ("A", "B"):
        handles.append(
            Line2D(
                [],
                [],
                color="#333333",
                linestyle=lines[key],
                marker="o",
                markerfacecolor="#333333" if key == "A" else "white",
            )
        )
        labels_.append(f"{_tr('formulation', lang)} {key}")
    limit = float(c.attribute.limit)
    if np.isfinite(limit):
        handles.append(ax.axhline(limit, **_LIMIT_STYLE))
        labels_.append(f"{t('legend_limit', lang)} {_fmt_value(limit, lang)}")
    a = c.attribute
    ax.set_xlabel(t("axis_time", lang, unit=unit_label("day", lang)))
    ax.set_ylabel(t("axis_value", lang, name=a.display_name, unit=unit_label(a.unit, lang)))
    ax.set_xlim(left=-0.015 * grid[-1])
    ax.legend(handles, labels_, loc="best")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def _draw_shelf_lives(c: AttributeComparison, ax, lang: str, marks_K: np.ndarray):
    from .plotting import SHELF_LIFE_RANGE_C, _localise, _plain_log_axis
    from .report.i18n import t, unit_label

    tested = np.unique(np.concatenate([c.fit_a.temperature, c.fit_b.temperature])) - 273.15
    marks_c = marks_K - 273.15
    lo_c = min(SHELF_LIFE_RANGE_C[0], float(np.floor(tested.min() - 5.0)), *(marks_c - 2.0))
    hi_c = max(SHELF_LIFE_RANGE_C[1], float(np.ceil(tested.max() + 5.0)), *(marks_c + 2.0))
    x = np.linspace(lo_c, hi_c, int(round(hi_c - lo_c)) + 1)
    ax.axvspan(
        tested.min(), tested.max(), color="#eeeeee", zorder=0, label=t("legend_tested", lang)
    )
    colours = {"A": "#0072B2", "B": "#D55E00"}
    any_finite = False
    for key, fit in (("A", c.fit_a), ("B", c.fit_b)):
        est, low, high, _ = _shelf_life_arrays(fit, x + 273.15, c.level)
        ok = lambda y: np.where(np.isfinite(y) & (y > 0), y, np.nan)  # noqa: E731
        est, low, high = ok(est), ok(low), ok(high)
        any_finite |= bool(np.any(np.isfinite(est)))
        ax.fill_between(x, low, high, color=colours[key], alpha=0.18, linewidth=0, zorder=1)
        ax.plot(
            x,
            est,
            color=colours[key],
            linestyle="-" if key == "A" else (0, (5, 2)),
            zorder=3,
            label=f"{_tr('formulation', lang)} {key}",
        )
    for m in marks_c:
        ax.axvline(m, color="#444444", linewidth=0.9, linestyle=":", zorder=2)
    ax.set_xlim(lo_c, hi_c)
    ax.set_xlabel(t("axis_temperature", lang))
    ax.set_ylabel(t("axis_shelf_life", lang, unit=unit_label("day", lang)))
    if any_finite:
        ax.set_yscale("log")
        _plain_log_axis(ax.yaxis, lang)
    ax.legend(loc="best")
    _localise(ax.xaxis, lang)
    return ax


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

    from .fitting import TOLERANCE

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
    from .fitting import fit_floats

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
    from .fitting import trend_sign
    from .models.temperature import reference_temperature

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
    from .guardrails import check_fit, check_storage

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


# ---------------------------------------------------------------------- input checks
def _norm_unit(unit: str) -> str:
    return "".join(str(unit).split())


def _same_limit(x: float, y: float) -> bool:
    x, y = float(x), float(y)
    if np.isnan(x) and np.isnan(y):
        return True
    return bool(np.isclose(x, y, rtol=1e-9, atol=0.0))


def _check_pair(attr_a: Attribute, attr_b: Attribute, order_given: bool) -> None:
    """Raise ``compare_attribute_mismatch`` listing what differs between the two studies."""
    diffs = []
    if _norm_unit(attr_a.unit) != _norm_unit(attr_b.unit):
        diffs.append(f"unit: '{attr_a.unit}' ≠ '{attr_b.unit}'")
    if not _same_limit(attr_a.limit, attr_b.limit):
        diffs.append(f"limit: {attr_a.limit:g} ≠ {attr_b.limit:g}")
    if attr_a.direction != attr_b.direction:
        diffs.append(f"direction: {attr_a.direction} ≠ {attr_b.direction}")
    if attr_a.temperature_model != attr_b.temperature_model:
        diffs.append(f"temperature_model: {attr_a.temperature_model} ≠ {attr_b.temperature_model}")
    if not order_given and "auto" not in (attr_a.model, attr_b.model):
        if attr_a.model != attr_b.model:
            diffs.append(f"model: {attr_a.model} ≠ {attr_b.model}")
    if diffs:
        raise InputError(
            "compare_attribute_mismatch", attribute=attr_a.name, differences="; ".join(diffs)
        )


def _common_attributes(study_a: Study, study_b: Study, attributes: Any) -> list[str]:
    names_a = [a.name for a in study_a.attributes]
    names_b = [a.name for a in study_b.attributes]
    if attributes is None:
        common = [n for n in names_a if n in names_b]
        if not common:
            raise InputError(
                "compare_no_common_attribute",
                study_a=study_a.name,
                study_b=study_b.name,
                names_a=", ".join(names_a) or "–",
                names_b=", ".join(names_b) or "–",
            )
        return common
    wanted = [attributes] if isinstance(attributes, str) else list(attributes)
    for name in wanted:
        for study, names in ((study_a, names_a), (study_b, names_b)):
            if name not in names:
                raise InputError(
                    "compare_attribute_missing",
                    attribute=name,
                    study=study.name,
                    names=", ".join(names) or "–",
                )
    return list(dict.fromkeys(wanted))


def _choose_order(y: np.ndarray, choose) -> tuple[AttributeComparison, dict[str, float]]:
    r"""Order with the lowest AIC of the separate model on the pooled data ``y``.

    :math:`\mathrm{AIC} = n \ln(\mathrm{SSE}_f/n) + 2(p_f + 1)`: both formulations'
    separate fits with one common residual variance (the full model of the tests).
    ``choose(order)`` runs the comparison with that order.
    """
    from .models.kinetics import ORDERS

    candidates = [n for n in AUTO_ORDERS if not (ORDERS[n].needs_positive and np.any(y <= 0))]
    results, aic, errors = {}, {}, []
    for name in candidates:
        try:
            res = choose(name)
        except FitError as exc:
            errors.append(exc)
            continue
        sse = res.fit_a.statistics["sse"] + res.fit_b.statistics["sse"]
        n = y.size
        k = res.fit_a.statistics["p"] + res.fit_b.statistics["p"] + 1
        aic[name] = float(n * np.log(sse / n) + 2 * k) if sse > 0 else -np.inf
        results[name] = res
    if not results:
        raise errors[0]
    best = min(aic, key=lambda k: aic[k])
    return results[best], aic


def compare(
    study_a: Study,
    study_b: Study,
    *,
    attributes: str | Sequence[str] | None = None,
    order: str | None = None,
    temperatures: Any = ("25 degC", "30 degC"),
    level: float = 0.95,
) -> Comparison:
    """Compare the kinetics and shelf lives of two formulations.

    Parameters
    ----------
    study_a, study_b : Study
        Formulation A (the reference, e.g. local cassava flour) and formulation B (e.g.
        imported wheat flour), each read with :func:`shelflife.read_study`.
    attributes : str or sequence of str, optional
        Attributes to compare; by default every attribute the two studies share.
    order : {"zero", "first", ...}, optional
        Reaction order of every model. By default the order the study files declare
        (``model = ...``; when both declare one, they must agree); when both say
        ``"auto"``, zero or first order, whichever has the lower AIC of the separate model
        (common residual variance) on the pooled data.
    temperatures : sequence of temperature-like
        Where the shelf lives are compared. [°C, K or °F]
    level : float
        Confidence level of every interval (default 0.95); the tests are judged at
        ``1 - level``.

    Returns
    -------
    Comparison
        Per attribute: the two F tests, the parameters of both formulations with their
        differences or ratios, the shelf lives with their ratio and difference, and a
        verdict in plain words (English and Indonesian).

    Raises
    ------
    InputError
        ``compare_no_common_attribute`` (no attribute in both studies),
        ``compare_attribute_missing`` (a requested attribute is missing in one study),
        ``compare_attribute_mismatch`` (unit, limit, direction, temperature model or
        declared order differ), ``compare_model_unsupported`` (humidity models),
        ``compare_initial_unsupported`` (``initial = "per_temperature"``), and the usual
        data errors of the fits.
    FitError
        A model cannot be fitted.

    Notes
    -----
    The equations (extra-sum-of-squares F test, delta-method ratio and difference) and
    references are in the module documentation (:mod:`shelflife.comparison`).
    """
    from .models.kinetics import get_order
    from .models.temperature import get_temperature_model
    from .units import to_kelvin

    if not (isinstance(level, (int, float)) and 0.0 < float(level) < 1.0):
        raise InputError(
            "option_unknown",
            what="confidence level",
            value=level,
            choices="a number between 0 and 1, e.g. 0.95",
        )
    if order is not None:
        get_order(order)  # raises option_unknown with the choices
    if temperatures is None:
        T_K: tuple[float, ...] = ()
    elif isinstance(temperatures, str) or hasattr(temperatures, "magnitude"):
        T_K = tuple(float(x) for x in np.atleast_1d(to_kelvin(temperatures)))
    else:
        T_K = tuple(float(to_kelvin(x)) for x in temperatures)

    names = _common_attributes(study_a, study_b, attributes)
    results = []
    for name in names:
        attr_a, attr_b = study_a.attribute(name), study_b.attribute(name)
        _check_pair(attr_a, attr_b, order is not None)
        tdep = get_temperature_model(attr_a.temperature_model)
        if tdep.uses_rh:
            raise InputError("compare_model_unsupported", attribute=name, model=tdep.name)
        if "per_temperature" in (getattr(x, "initial", "common") for x in (attr_a, attr_b)):
            raise InputError("compare_initial_unsupported", attribute=name)
        ta, Ta, ya, rows_a = study_a.arrays(name)
        tb, Tb, yb, rows_b = study_b.arrays(name)
        a, b = (ta, Ta, ya), (tb, Tb, yb)

        def run(order_name: str, selection: str, a=a, b=b, attr=attr_a, ra=rows_a, rb=rows_b):
            return compare_floats(
                a,
                b,
                attribute=attr,
                order=order_name,
                temperature_model=attr.temperature_model,
                temperatures_K=T_K,
                level=float(level),
                selection=selection,
                rows=(ra, rb),
                files=(study_a.source.get("data_file"), study_b.source.get("data_file")),
            )

        if order is not None:
            results.append(run(order, "given"))
        elif attr_a.model != "auto" and attr_a.model == attr_b.model:
            results.append(run(attr_a.model, "declared"))
        else:
            declared = attr_b.model if attr_a.model == "auto" else attr_a.model
            if declared != "auto":
                results.append(run(declared, "declared"))
            else:
                best, aic = _choose_order(
                    np.concatenate([ya, yb]), lambda o, run=run: run(o, "aic")
                )
                results.append(_with_aic(best, aic))
    return Comparison(
        study_a=study_a,
        study_b=study_b,
        attributes=tuple(results),
        temperatures=T_K,
        level=float(level),
    )


def _with_aic(res: AttributeComparison, aic: dict[str, float]) -> AttributeComparison:
    from dataclasses import replace

    return replace(res, aic=dict(aic))
