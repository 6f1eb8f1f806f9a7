r"""Model choice and diagnostics for a one-step fit: compare, test, look.

A kinetic model should be checked, not assumed (``shared/reference/domain.md`` §5 item 4):
the reaction order can be wrong, the Arrhenius line can bend (a phase change such as fat
melting or a glass transition, or a change of mechanism), single measurements can be wrong,
and a parameter can run into the bound that keeps it physical. This module answers these
questions with plain functions on a :class:`~shelflife.results.FitResult`; none of them
changes a fit.

- :func:`fit_all` and :func:`compare_models` -- fit several reaction orders and temperature
  models to the same data and rank them by the small-sample Akaike criterion (AICc) with
  Akaike weights (Burnham & Anderson [5]_).
- :func:`lack_of_fit` -- the lack-of-fit F test against pure error from replicates (Draper
  & Smith [1]_, §2.1): does the curve miss the replicate means by more than the replicates
  scatter?
- :func:`leverages`, :func:`studentized_residuals`, :func:`suspected_outliers` --
  internally studentised residuals with the tangent-plane leverages of the nonlinear
  model (Cook & Weisberg [2]_; St. Laurent & Cook [3]_).
- :func:`arrhenius_curvature` -- a test for curvature of the two-step :math:`\ln k`
  against :math:`1/T` (van Boekel [4]_, ch. 5 and 7), with the apparent activation energy
  at both ends of the tested range; :func:`order_by_temperature` -- does the best
  reaction order change with temperature ([4]_, ch. 4)?
- :func:`parameters_at_bounds` -- parameters sitting at a declared bound (e.g. the order
  :math:`n = 0` of the nth-order model), whose intervals are then unreliable.
- :func:`diagnose` / :func:`run_diagnostics` -- run all checks on one fit and collect the
  coded :class:`~shelflife.errors.Notice` objects (and, for JSON, the numbers behind them).

Only :mod:`numpy` and :mod:`scipy.special` are used (:func:`scipy.special.fdtrc` for F
tail probabilities, :func:`scipy.special.stdtr` for Student's t); :mod:`scipy.stats` is
never imported.

References
----------
.. [1] N. R. Draper and H. Smith, *Applied Regression Analysis*, 3rd ed. New York, NY,
   USA: Wiley, 1998, §2.1 ("Lack of fit and pure error") and ch. 24 (nonlinear models).
.. [2] R. D. Cook and S. Weisberg, *Residuals and Influence in Regression*. New York, NY,
   USA: Chapman and Hall, 1982, §2.2.
.. [3] R. T. St. Laurent and R. D. Cook, "Leverage and superleverage in nonlinear
   regression," *J. Amer. Statist. Assoc.*, vol. 87, no. 420, pp. 985-990, 1992.
   doi:10.1080/01621459.1992.10476253
.. [4] M. A. J. S. van Boekel, *Kinetic Modeling of Reactions in Foods*. Boca Raton, FL,
   USA: CRC Press, 2009.
.. [5] K. P. Burnham and D. R. Anderson, *Model Selection and Multimodel Inference*, 2nd
   ed. New York, NY, USA: Springer, 2002, §2.4 and §2.9.
.. [6] G. Blom, *Statistical Estimates and Transformed Beta-Variables*. New York, NY,
   USA: Wiley, 1958 (plotting positions of the normal Q-Q plot).
.. [7] D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and Its Applications*.
   New York, NY, USA: Wiley, 1988, ch. 3 (extra sum of squares for nested models).
"""

from ._common import (
    ALPHA,
    BOUND_TOLERANCE,
    ORDER_EVIDENCE,
    ORDERS_ALL,
    OUTLIER_THRESHOLD,
)
from .bounds import parameters_at_bounds
from .checks import Diagnostics, diagnose, run_diagnostics
from .curvature import MIN_CURVATURE_TEMPERATURES, Curvature, arrhenius_curvature
from .lackoffit import LackOfFit, lack_of_fit
from .models import ModelComparison, SkippedModel, compare_models, fit_all
from .order import order_by_temperature
from .residuals import leverages, normal_scores, studentized_residuals, suspected_outliers

__all__ = [
    "ORDERS_ALL",
    "OUTLIER_THRESHOLD",
    "ALPHA",
    "ORDER_EVIDENCE",
    "BOUND_TOLERANCE",
    "MIN_CURVATURE_TEMPERATURES",
    "ModelComparison",
    "SkippedModel",
    "LackOfFit",
    "Curvature",
    "Diagnostics",
    "compare_models",
    "fit_all",
    "lack_of_fit",
    "leverages",
    "studentized_residuals",
    "suspected_outliers",
    "arrhenius_curvature",
    "order_by_temperature",
    "parameters_at_bounds",
    "normal_scores",
    "run_diagnostics",
    "diagnose",
]
