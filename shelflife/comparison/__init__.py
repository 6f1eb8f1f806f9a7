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

from ._common import SCHEMA
from .compute import compare_floats
from .results import (
    AttributeComparison,
    Comparison,
    FTest,
    JointFit,
    ParameterComparison,
    ShelfLifeComparison,
)
from .studies import compare

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
