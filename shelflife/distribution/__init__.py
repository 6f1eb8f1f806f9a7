"""From the lab to the market: a whole study's prediction along histories, routes and labels.

:mod:`shelflife.profiles` works on one fitted attribute; this package applies it to every
attribute of a :class:`~shelflife.analysis.StudyAnalysis`, names the attribute that limits the
product along the history, and renders the result for the JSON, the text summary and the
HTML report.
"""

from __future__ import annotations

from .history import AttributeHistory, HistoryPrediction, predict_history
from .label import StudyLabel, label_study
from .route import RouteAssessment, assess_route, limiting_shelf_life
from .sources import ResolvedHistory, resolve_history

__all__ = [
    "AttributeHistory",
    "HistoryPrediction",
    "predict_history",
    "RouteAssessment",
    "assess_route",
    "limiting_shelf_life",
    "StudyLabel",
    "label_study",
    "ResolvedHistory",
    "resolve_history",
]
