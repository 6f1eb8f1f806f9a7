"""Sensory shelf life by survival analysis of consumers' accept/reject answers (Hough's method).

Consumers taste samples of several storage ages and say whether they would consume them; the
age at which each consumer starts rejecting is interval-, left- or right-censored. A
parametric survival model (Weibull, log-normal or log-logistic, ``ln T = μ + σW``, as in R
``survival::survreg``) gives the time at which 25 % or 50 % of consumers reject, with an
Arrhenius term across storage temperatures.

>>> from shelflife.sensory import read_panel, fit_survival      # doctest: +SKIP
>>> fit = fit_survival(read_panel("panel.csv"), "weibull")      # doctest: +SKIP
>>> fit.rejection_time(0.5)                                     # doctest: +SKIP

Submodules are imported lazily so that ``import shelflife`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "SensoryPanel",
    "panel_from_answers",
    "panel_from_intervals",
    "panel_from_frame",
    "read_panel",
    "parse_answer",
    "fit_survival",
    "compare_distributions",
    "SensoryFit",
    "RejectionTime",
]

_WHERE = {
    "SensoryPanel": "censoring",
    "panel_from_answers": "censoring",
    "panel_from_intervals": "censoring",
    "panel_from_frame": "data",
    "read_panel": "data",
    "parse_answer": "answers",
    "fit_survival": "survival",
    "compare_distributions": "survival",
    "SensoryFit": "survival",
    "RejectionTime": "survival",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
