"""shelflife: unit-aware shelf-life kinetics for food labs.

Fit accelerated shelf-life test (ASLT) data with reaction-order kinetics and Arrhenius
temperature dependence, and get shelf life at storage conditions with honest intervals,
the limiting attribute, JSON results and a durability report.

>>> import shelflife as sl
>>> study = sl.load_example("keripik-tempe")
>>> result = sl.analyze(study)
>>> result.limiting_attribute
'peroxide_value'

Heavy dependencies (pandas, scipy, matplotlib, pint) are imported on first use, so that
``import shelflife`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "Study": "shelflife.study",
    "Attribute": "shelflife.study",
    "read_study": "shelflife.io",
    "read_table": "shelflife.io",
    "fit": "shelflife.fitting",
    "fit_arrays": "shelflife.fitting",
    "FitResult": "shelflife.results",
    "ShelfLife": "shelflife.results",
    "analyze": "shelflife.analysis",
    "StudyAnalysis": "shelflife.analysis",
    "AttributeAnalysis": "shelflife.analysis",
    "load_example": "shelflife.examples",
    "list_examples": "shelflife.examples",
    "arrhenius": "shelflife.models",
    "q10_from_activation_energy": "shelflife.models",
    "activation_energy_from_q10": "shelflife.models",
    "ShelfLifeError": "shelflife.errors",
    "InputError": "shelflife.errors",
    "UnitError": "shelflife.errors",
    "StudyFileError": "shelflife.errors",
    "FitError": "shelflife.errors",
    "ConvergenceError": "shelflife.errors",
    "ShelfLifeWarning": "shelflife.errors",
    "Notice": "shelflife.errors",
    "format_duration": "shelflife.units",
    # issue 3: models, diagnostics, batches, library
    "fit_all": "shelflife.diagnostics",
    "compare_models": "shelflife.diagnostics",
    "diagnose": "shelflife.diagnostics",
    "isoconversion": "shelflife.isoconversion",
    "q1e": "shelflife.q1e",
    "fit_q1e": "shelflife.q1e",
    "Q1EResult": "shelflife.q1e",
    "analyze_realtime": "shelflife.realtime",
    "RealTimeAnalysis": "shelflife.realtime",
    "reaction_classes": "shelflife.library",
    "get_reaction": "shelflife.library",
    "library_table": "shelflife.library",
    "bootstrap": "shelflife.uncertainty",
    "profile_interval": "shelflife.uncertainty",
    "profile_shelf_life": "shelflife.uncertainty",
    "monte_carlo": "shelflife.uncertainty",
    "probability_within_limit": "shelflife.uncertainty",
    "Protocol": "shelflife.protocols",
    "new_study": "shelflife.protocols",
    "read_plan": "shelflife.protocols",
    "check_study": "shelflife.protocols",
    "list_protocols": "shelflife.protocols",
    "TemperatureProfile": "shelflife.profiles",
    "effective_temperature": "shelflife.profiles",
    "mean_kinetic_temperature": "shelflife.profiles",
    "quality_along": "shelflife.profiles",
    "time_to_limit_along": "shelflife.profiles",
    "remaining_shelf_life": "shelflife.profiles",
    "simulate_route": "shelflife.routes",
    "get_scenario": "shelflife.routes",
    "list_scenarios": "shelflife.routes",
    "climatic_zone": "shelflife.routes",
    "RouteScenario": "shelflife.routes",
    "RouteSimulation": "shelflife.routes",
    "fit_growth": "shelflife.microbial",
    "fit_growth_global": "shelflife.microbial",
    "predict_dynamic": "shelflife.microbial",
    "time_to_level_along": "shelflife.microbial",
    "read_panel": "shelflife.sensory",
    "fit_survival": "shelflife.sensory",
    "fit_isotherm": "shelflife.moisture",
    "fit_isotherms": "shelflife.moisture",
    "salt_water_activity": "shelflife.moisture",
    "labuza_shelf_life": "shelflife.packaging",
    "moisture_uptake": "shelflife.packaging",
    "compare_packages": "shelflife.packaging",
    "library_film": "shelflife.packaging",
    "Package": "shelflife.packaging",
    "read_logger": "shelflife.loggers",
    "LoggerData": "shelflife.loggers",
    "sniff_logger": "shelflife.loggers",
    "get_market": "shelflife.markets",
    "list_markets": "shelflife.markets",
    "label": "shelflife.markets",
    "recommended_shelf_life": "shelflife.markets",
    "export_readiness": "shelflife.markets",
    "assess_route": "shelflife.distribution",
    "RouteAssessment": "shelflife.distribution",
    "label_study": "shelflife.distribution",
    "StudyLabel": "shelflife.distribution",
    "predict_history": "shelflife.distribution",
    "HistoryPrediction": "shelflife.distribution",
    "linear_history": "shelflife.continuous",
    "quality_along_continuous": "shelflife.continuous",
    "time_to_limit_continuous": "shelflife.continuous",
    "Design": "shelflife.design",
    "propose_design": "shelflife.design",
    "evaluate_design": "shelflife.design",
    "compare_designs": "shelflife.design",
    "compare": "shelflife.comparison",
    "Comparison": "shelflife.comparison",
    "ORDERS": "shelflife.models",
    "TEMPERATURE_MODELS": "shelflife.models",
}

__all__ = ["__version__", "ureg", "Q_", *_LAZY]


def __getattr__(name: str) -> Any:
    if name == "ureg":
        from .units import get_registry

        return get_registry()
    if name == "Q_":
        from .units import get_registry

        return get_registry().Quantity
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shelflife' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
