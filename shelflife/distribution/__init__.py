"""From the lab to the market: a whole study's prediction along histories, routes and labels.

:mod:`shelflife.profiles` works on one fitted attribute; this package applies it to every
attribute of a :class:`~shelflife.analysis.StudyAnalysis`, names the attribute that limits the
product along the history, and renders the result for the JSON, the text summary and the
HTML report.
"""

from __future__ import annotations

from .history import AttributeHistory, HistoryPrediction, predict_history

__all__ = ["AttributeHistory", "HistoryPrediction", "predict_history"]
