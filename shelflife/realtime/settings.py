"""The fixed settings of the real-time (ICH Q1E) method, and its name.

Poolability tests at :data:`ALPHA_POOL`, the one-sided confidence bound at :data:`LEVEL`,
the separate-slopes shelf life from individual batch fits (:data:`DIDS_VARIANT`), as ICH
Q1E, JMP and expirest do; :data:`METHOD` is the value of ``[study] method`` and of
``"method"`` in the result JSON.
"""

from __future__ import annotations

__all__ = ["METHOD", "ALPHA_POOL", "LEVEL", "DIDS_VARIANT", "SINGLE_BATCH_LABEL"]

#: Value of ``[study] method`` (and of ``"method"`` in the result JSON).
METHOD = "ich_q1e"
#: Significance level of the poolability tests (ICH Q1E).
ALPHA_POOL = 0.25
#: Confidence level of the bound whose crossing is the shelf life (ICH Q1E).
LEVEL = 0.95
#: How the separate-slopes (dids) model gives its shelf life (JMP and expirest default).
DIDS_VARIANT = "individual"
#: Batch label given to every measurement when the data file has no ``batch`` column.
SINGLE_BATCH_LABEL = "1"
