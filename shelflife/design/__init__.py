r"""Design assistant for accelerated shelf-life tests (ASLT).

Plan a study before it starts, and predict by simulation how precise its shelf-life
estimate will be:

- :class:`Design` -- chamber temperatures, pull times per chamber, replicates (and RH);
  :meth:`Design.from_spec` builds one from quantities with uniform, late-dense or
  Labuza & Schmidl spacing of the pulls;
- :func:`propose_design` -- from a guess of :math:`E_a` (a value, a range or a reaction
  class of :mod:`shelflife.library`), the expected shelf life at the storage temperature
  and the product's maximum temperature, proposes temperatures (evenly spaced in
  :math:`1/T`), pulls (denser where the limit is expected), replicates and duration, and
  explains every choice in English and Bahasa Indonesia;
- :func:`evaluate_design` -- simulates many studies of a design from an assumed truth,
  refits them all at once (:func:`shelflife.uncertainty.fit_many`) and reports how wide
  the 95 % interval of the shelf life will be, its coverage, the spread of the estimates,
  the precision of :math:`E_a` and the share of failed fits;
- :func:`compare_designs` and :func:`plot_designs` -- candidate designs side by side.

Every design carries coded, bilingual guardrail notices (:attr:`Design.notices`): fewer
than three temperatures, a chamber above the product's maximum temperature, a span too
narrow to identify :math:`E_a`, too few pulls before the limit at the hottest chamber,
extrapolation far below the coldest chamber.

Examples
--------
>>> from shelflife.design import Design, evaluate_design
>>> d = Design.from_spec(
...     temperatures=["30 degC", "40 degC", "50 degC"], duration="8 week", pulls=7, replicates=3
... )
>>> d.label
'30/40/50 °C, 56 days, 7 pulls × 3 replicates'
>>> truth = {"order": "first", "initial": 1.0, "limit": 10.0, "direction": "max",
...          "activation_energy": "80 kJ/mol", "shelf_life": "6 month", "cv": 0.08}
>>> ev = evaluate_design(d, truth=truth, storage="30 degC", n_sim=100, seed=1)
>>> 0.8 < ev.coverage <= 1.0
True
"""

from ._common import SPACINGS, Reason, labuza_ratio, pull_fractions, time_to_limit
from .compare import compare_designs, plot_designs
from .evaluate import DesignEvaluation, evaluate_design
from .plan import Design, design_notices
from .propose import propose_design
from .truth import SIMULATED_ORDERS, Truth

__all__ = [
    "Design",
    "Reason",
    "SPACINGS",
    "propose_design",
    "design_notices",
    "labuza_ratio",
    "pull_fractions",
    "time_to_limit",
    "Truth",
    "SIMULATED_ORDERS",
    "DesignEvaluation",
    "evaluate_design",
    "compare_designs",
    "plot_designs",
]
