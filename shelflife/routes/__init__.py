"""Named export routes from East Java, climatic zones, and Monte Carlo over route variability.

Shelf life on a shop shelf abroad depends on the journey: a dry container from Tanjung
Perak spends weeks in tropical yards and on deck before a warehouse in Rotterdam, Jeddah or
Tokyo. This subpackage ships cited scenarios of those journeys and simulates them:

- :func:`list_scenarios`, :func:`get_scenario` -- routes from Surabaya/Sidoarjo to Rotterdam
  (via Suez or the Cape), Jeddah, Dubai (Jebel Ali), Tokyo/Yokohama, Shanghai, Los
  Angeles/Long Beach and Sydney, as :class:`RouteScenario` (legs with durations,
  temperatures by season and stowage, delays; every number with its source);
- :meth:`RouteScenario.profile` -- the nominal temperature history, usable with
  :mod:`shelflife.profiles`;
- :func:`simulate_route` -- Monte Carlo over durations, delays, weather, stowage and the
  fitted kinetics: the distribution of the shelf life left on arrival
  (:class:`RouteSimulation`);
- :func:`climatic_zone` -- ICH/WHO zones I-IVb as constant histories.

Examples
--------
>>> import shelflife as sl
>>> from shelflife.routes import get_scenario, simulate_route
>>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
>>> route = get_scenario("jeddah")
>>> sim = simulate_route(fit, route, n=2000, season="summer", seed=7)
>>> 0.0 <= sim.probability_limit_reached_en_route <= 1.0
True
"""

from __future__ import annotations

from .montecarlo import RouteSimulation, simulate_route
from .scenario import (
    SEASONS,
    STOWAGES,
    Conditions,
    Delay,
    Exposure,
    Leg,
    Provenance,
    RouteScenario,
    get_scenario,
    list_scenarios,
)
from .zones import ClimaticZone, climatic_zone, climatic_zones, get_climatic_zone

__all__ = [
    "SEASONS",
    "STOWAGES",
    "Provenance",
    "Conditions",
    "Exposure",
    "Delay",
    "Leg",
    "RouteScenario",
    "list_scenarios",
    "get_scenario",
    "RouteSimulation",
    "simulate_route",
    "ClimaticZone",
    "climatic_zones",
    "get_climatic_zone",
    "climatic_zone",
]
