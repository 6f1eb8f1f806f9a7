r"""Named export-route scenarios: the legs of a shipment and their temperatures.

A :class:`RouteScenario` is a chain of legs from the factory in East Java to the shop
abroad -- factory store, truck to Tanjung Perak, port dwell, feeder and mainline vessels
(with transhipment where usual), destination port, inland truck and importer's warehouse.
Each leg has a triangular duration ``[min, most likely, max]`` [day], optional delays
(probability per shipment and extra days), and a temperature per season: the ambient daily
mean :math:`\bar T_a` and daily amplitude :math:`a_a` (each ``[low, typical, high]``) of a
climate, turned into the product's by the leg's *exposure*,

.. math::

    \bar T = \bar T_a + \delta, \qquad a = f\,a_a + \delta_a ,

with the offsets :math:`\delta, \delta_a` [K] and factor :math:`f` of a building, a container
on land, or -- at sea -- the container's stowage position (below deck, typical on-deck,
deck top). Within a day the temperature follows :math:`\bar T + a \sin(2\pi t)`
(:meth:`shelflife.profiles.TemperatureProfile.daily_cycle`).

Seasons are named by the **departure month** in northern-hemisphere terms: ``summer`` =
June-August, ``winter`` = December-February, ``annual`` = year means. For Sydney and the
southern sea legs ``summer`` therefore holds austral-winter values.

The numbers, with their sources and ``verified`` flags, are in ``shelflife/routes/data``
(see :mod:`shelflife.routes.data` and ``docs/routes.md``).

Examples
--------
>>> from shelflife.routes import get_scenario, list_scenarios
>>> "rotterdam" in list_scenarios()
True
>>> route = get_scenario("EU")
>>> route.name
'rotterdam'
>>> round(route.nominal_duration_days, 2)
61.0
>>> route.profile("summer").duration_days == route.nominal_duration_days
True
"""

from __future__ import annotations

import html
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from . import data as _data

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..profiles import TemperatureProfile

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
    "check_season",
    "check_stowage",
]

SEASONS = _data.SEASONS
#: Stowage positions of a container at sea, from coolest to hottest.
STOWAGES = ("below_deck", "typical", "deck_top")

Triple = tuple[float, float, float]


# ------------------------------------------------------------------------- pieces
@dataclass(frozen=True)
class Provenance:
    """Where a number comes from.

    Attributes
    ----------
    source : str
        URL of the page read, or a stated assumption.
    verified : bool
        Whether the number (or the values it is computed from) was read on ``source``.
    kind : str
        ``climate_normal``, ``schedule``, ``published_estimate``, ``measurement``,
        ``derived``, ``standard``, ``definition`` or ``assumption``.
    note : str
        What was read, and what was assumed.
    """

    source: str
    verified: bool
    kind: str
    note: str = ""

    @classmethod
    def of(cls, table: _data.Provenance) -> Provenance:
        """From a validated data table."""
        return cls(table.source, table.verified, table.kind, table.note)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "verified": self.verified,
            "kind": self.kind,
            "note": self.note,
        }


@dataclass(frozen=True)
class Conditions:
    """Ambient temperature of one season.

    Attributes
    ----------
    mean : tuple of float
        Daily mean ``(low, typical, high)`` [°C].
    amplitude : tuple of float
        Half the daily range ``(low, typical, high)`` [K].
    rh : float or None
        Typical relative humidity [%].
    provenance : Provenance
    """

    mean: Triple
    amplitude: Triple
    rh: float | None
    provenance: Provenance

    @classmethod
    def of(cls, table: _data.SeasonTable) -> Conditions:
        """From a validated season table."""
        return cls(tuple(table.mean), tuple(table.amplitude), table.rh, Provenance.of(table))


@dataclass(frozen=True)
class Exposure:
    r"""How the product temperature follows the ambient one.

    :math:`\bar T = \bar T_a + \delta` and :math:`a = f a_a + \delta_a`.

    Attributes
    ----------
    name : str
    mean_offset : float
        :math:`\delta` [K].
    amplitude_factor : float
        :math:`f` [-].
    amplitude_offset : float
        :math:`\delta_a` [K].
    share : float
        Share of the containers on a ship in this stowage position (``nan`` for other
        exposures).
    provenance : Provenance
    """

    name: str
    mean_offset: float
    amplitude_factor: float
    amplitude_offset: float
    share: float
    provenance: Provenance

    @classmethod
    def of(cls, name: str, table: _data.ExposureTable) -> Exposure:
        """From a validated exposure or stowage table."""
        return cls(
            name,
            table.mean_offset,
            table.amplitude_factor,
            table.amplitude_offset,
            float(getattr(table, "share", math.nan)),
            Provenance.of(table),
        )

    def apply(self, mean: Any, amplitude: Any) -> tuple[Any, Any]:
        """Product daily mean and amplitude from the ambient ones (same units)."""
        amp = np.maximum(np.asarray(amplitude) * self.amplitude_factor + self.amplitude_offset, 0)
        return np.asarray(mean) + self.mean_offset, amp


@dataclass(frozen=True)
class Delay:
    """A delay: with ``probability`` per shipment, ``days`` more are spent in the leg.

    Attributes
    ----------
    name : str
        E.g. ``port_congestion``, ``missed_connection``, ``customs_inspection``.
    probability : float
    days : tuple of float
        ``(min, most likely, max)`` [day].
    provenance : Provenance
    """

    name: str
    probability: float
    days: Triple
    provenance: Provenance


@dataclass(frozen=True)
class Leg:
    """One leg of a route.

    Attributes
    ----------
    name : str
    kind : {"warehouse", "road", "port", "sea"}
    place : str
    exposure : {"building", "container_land", "container_sea", "conditioned"}
    climate : str or None
        Name of the climate the ambient temperatures come from (``None`` when the leg gives
        its own temperatures).
    conditions : Mapping[str, Conditions]
        Ambient temperature per season (``annual`` always present).
    duration : tuple of float
        ``(min, most likely, max)`` [day].
    duration_provenance : Provenance
    delays : tuple of Delay
    """

    name: str
    kind: str
    place: str
    exposure: str
    climate: str | None
    conditions: Mapping[str, Conditions]
    duration: Triple
    duration_provenance: Provenance
    delays: tuple[Delay, ...] = ()

    def season(self, season: str) -> Conditions:
        """Conditions of ``season``; a season the leg does not give falls back to annual."""
        return self.conditions.get(season, self.conditions["annual"])

    @property
    def delay_probability(self) -> float:
        """Probability of at least one delay in this leg."""
        return 1.0 - float(np.prod([1.0 - d.probability for d in self.delays]))


# ------------------------------------------------------------------------ checks
def check_season(season: Any, *, allow_none: bool = False) -> str | None:
    """A season name (``None`` allowed where the departure month is drawn)."""
    if season is None and allow_none:
        return None
    if isinstance(season, str) and season.strip().lower() in SEASONS:
        return season.strip().lower()
    choices = ", ".join(SEASONS)
    raise InputError("route_season_unknown", value=season, choices=choices)


def check_stowage(stowage: Any, *, allow_none: bool = False) -> str | None:
    """A stowage position (``None`` allowed where it is drawn per shipment)."""
    if stowage is None and allow_none:
        return None
    if isinstance(stowage, str):
        key = stowage.strip().lower().replace("-", "_").replace(" ", "_")
        if key in STOWAGES:
            return key
    raise InputError("route_stowage_unknown", value=stowage, choices=", ".join(STOWAGES))


# ---------------------------------------------------------------------- scenario
def _freeze(d: dict) -> Mapping:
    return MappingProxyType(dict(d))


@dataclass(frozen=True, eq=False)
class RouteScenario:
    """A named export route: legs, their temperatures per season, and the shop after it.

    Build it with :func:`get_scenario`, :meth:`from_file` or :meth:`from_dict`; it is
    immutable.

    Attributes
    ----------
    name, title, market, origin, destination, description : str
    aliases : tuple of str
    legs : tuple of Leg
    retail : Mapping[str, tuple[float, Provenance]]
        Storage temperature after arrival per season [°C] (the default ``then_at`` of
        :func:`~shelflife.routes.simulate_route`).
    exposures : Mapping[str, Exposure]
        ``building``, ``container_land``, ``conditioned``.
    stowages : Mapping[str, Exposure]
        ``below_deck``, ``typical``, ``deck_top`` (with their ``share``).
    """

    name: str
    title: str
    market: str
    origin: str
    destination: str
    description: str
    aliases: tuple[str, ...]
    legs: tuple[Leg, ...]
    retail: Mapping[str, tuple[float, Provenance]]
    exposures: Mapping[str, Exposure] = field(repr=False)
    stowages: Mapping[str, Exposure] = field(repr=False)

    # ------------------------------------------------------------ constructors
    @classmethod
    def _from_route(cls, route: _data.RouteFile) -> RouteScenario:
        known = _data.climates()
        legs = []
        for leg in route.legs:
            if leg.climate is not None:
                table = known[leg.climate]
                seasons = {s: getattr(table, s) for s in SEASONS if getattr(table, s)}
            else:
                seasons = dict(leg.temperature or {})
            legs.append(
                Leg(
                    name=leg.name,
                    kind=leg.kind,
                    place=leg.place,
                    exposure=leg.exposure,
                    climate=leg.climate,
                    conditions=_freeze({s: Conditions.of(t) for s, t in seasons.items()}),
                    duration=tuple(leg.duration.days),
                    duration_provenance=Provenance.of(leg.duration),
                    delays=tuple(
                        Delay(d.name, d.probability, tuple(d.days), Provenance.of(d))
                        for d in leg.delays
                    ),
                )
            )
        retail = {
            s: (getattr(route.retail, s).temperature, Provenance.of(getattr(route.retail, s)))
            for s in SEASONS
            if getattr(route.retail, s) is not None
        }
        return cls(
            name=route.name,
            title=route.title or route.name,
            market=route.market,
            origin=route.origin,
            destination=route.destination,
            description=route.description,
            aliases=tuple(route.aliases),
            legs=tuple(legs),
            retail=_freeze(retail),
            exposures=_freeze({k: Exposure.of(k, v) for k, v in _data.exposures().items()}),
            stowages=_freeze({k: Exposure.of(k, v) for k, v in _data.stowages().items()}),
        )

    @classmethod
    def from_dict(cls, document: Mapping[str, Any], *, file: str = "<dict>") -> RouteScenario:
        """A scenario from a mapping shaped like a route file (see ``routes/*.toml``).

        Legs may use the shipped climates (``climate = "surabaya"``) and leg templates
        (``template = "origin_port"``) or give their own ``temperature`` tables. Every
        table holding numbers needs ``source``, ``verified`` and ``kind``.

        Raises
        ------
        InputError
            ``route_data_invalid`` and related codes, with the key path.
        """
        return cls._from_route(_data.validate_route(dict(document), file=file))

    @classmethod
    def from_file(cls, path: str | Path) -> RouteScenario:
        """A scenario from a route TOML file of your own (same form as the shipped ones)."""
        path = Path(path)
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (ValueError, RecursionError) as exc:  # TOML or Unicode errors, deep nesting
            reason = str(exc) if isinstance(exc, ValueError) else "nested too deeply"
            raise InputError("route_data_invalid", file=str(path), reason=reason) from None
        return cls.from_dict(doc, file=str(path))

    # -------------------------------------------------------------- properties
    @property
    def nominal_duration_days(self) -> float:
        """Sum of the most likely leg durations, without delays [day]."""
        return float(sum(leg.duration[1] for leg in self.legs))

    @property
    def nominal_duration(self):
        """:attr:`nominal_duration_days` as a Quantity [day]."""
        from ..units import get_registry

        return get_registry().Quantity(self.nominal_duration_days, "day")

    @property
    def leg_names(self) -> tuple[str, ...]:
        """Names of the legs, in order."""
        return tuple(leg.name for leg in self.legs)

    def retail_temperature(self, season: str = "annual"):
        """Storage temperature after arrival for ``season`` as a Quantity [°C]."""
        from ..units import get_registry

        season = check_season(season)
        value = self.retail.get(season, self.retail["annual"])[0]
        return get_registry().Quantity(value, "degC")

    def exposure_of(self, leg: Leg, stowage: str = "typical") -> Exposure:
        """The exposure that applies to ``leg`` (the stowage position for sea legs)."""
        if leg.exposure == "container_sea":
            return self.stowages[check_stowage(stowage)]
        return self.exposures[leg.exposure]

    def leg_conditions(
        self, season: str = "annual", *, stowage: str = "typical"
    ) -> list[tuple[float, float, float | None]]:
        """Nominal product temperature of every leg: ``(mean [K], amplitude [K], rh [%])``.

        Typical ambient values of ``season`` through the leg's exposure (sea legs at
        ``stowage``).
        """
        season = check_season(season)
        stowage = check_stowage(stowage)
        out = []
        for leg in self.legs:
            c = leg.season(season)
            mean, amp = self.exposure_of(leg, stowage).apply(c.mean[1], c.amplitude[1])
            out.append((float(mean) + 273.15, float(amp), c.rh))
        return out

    # ---------------------------------------------------------------- profile
    def profile(
        self,
        season: str = "annual",
        *,
        stowage: str = "typical",
        steps_per_day: int = 24,
        rh: Any = None,
    ) -> TemperatureProfile:
        """The nominal temperature history of the route.

        Most likely durations (no delays), typical daily means and amplitudes of ``season``
        through each leg's exposure, each leg a daily cycle
        (:meth:`~shelflife.profiles.TemperatureProfile.daily_cycle`) starting at its
        phase 0, legs joined with :meth:`~shelflife.profiles.TemperatureProfile.concat`.

        Parameters
        ----------
        season : {"summer", "winter", "annual"}
            Departure season (northern-hemisphere naming).
        stowage : {"below_deck", "typical", "deck_top"}
            Stowage position on the vessels.
        steps_per_day : int
            Steps of the daily cycle.
        rh : pint.Quantity or str, optional
            One relative humidity for every step; by default the legs' own RH when every
            leg has one, otherwise none.

        Returns
        -------
        TemperatureProfile
        """
        from ..profiles import TemperatureProfile
        from ..units import get_registry, to_percent

        n = _check_steps(steps_per_day)
        Q_ = get_registry().Quantity
        conditions = self.leg_conditions(season, stowage=stowage)
        rh_all = None if rh is None else float(to_percent(rh))
        legs_rh = all(c[2] is not None for c in conditions)
        parts = []
        for leg, (mean, amp, leg_rh) in zip(self.legs, conditions, strict=True):
            days = leg.duration[1]
            if days <= 0:
                continue
            step_rh = rh_all if rh_all is not None else (leg_rh if legs_rh else None)
            parts.append(
                TemperatureProfile.daily_cycle(
                    Q_(mean, "kelvin"),
                    Q_(amp, "kelvin"),
                    Q_(days, "day"),
                    n,
                    rh=None if step_rh is None else Q_(step_rh, "percent"),
                )
            )
        return TemperatureProfile.concat(*parts)

    # ----------------------------------------------------------------- tables
    def summary(self, season: str = "annual", *, stowage: str = "typical") -> pd.DataFrame:
        """One row per leg: durations, delays and the nominal product temperature.

        Columns: ``kind``, ``place``, ``exposure``, ``climate``, ``days_min``,
        ``days_most_likely``, ``days_max``, ``delay_probability``, ``ambient_mean_C``,
        ``mean_C``, ``amplitude_K`` (product, ``season`` and ``stowage``), ``verified``
        (every number of the leg read on its source).
        """
        import pandas as pd

        conditions = self.leg_conditions(season, stowage=stowage)
        rows = []
        for leg, (mean, amp, _) in zip(self.legs, conditions, strict=True):
            c = leg.season(check_season(season))
            verified = (
                leg.duration_provenance.verified
                and c.provenance.verified
                and all(d.provenance.verified for d in leg.delays)
            )
            rows.append(
                {
                    "leg": leg.name,
                    "kind": leg.kind,
                    "place": leg.place,
                    "exposure": leg.exposure,
                    "climate": leg.climate or "(own)",
                    "days_min": leg.duration[0],
                    "days_most_likely": leg.duration[1],
                    "days_max": leg.duration[2],
                    "delay_probability": leg.delay_probability,
                    "ambient_mean_C": c.mean[1],
                    "mean_C": round(mean - 273.15, 6),
                    "amplitude_K": amp,
                    "verified": verified,
                }
            )
        return pd.DataFrame(rows).set_index("leg")

    def sources(self) -> pd.DataFrame:
        """Every number of the scenario with its source, ``verified`` flag, kind and note.

        Columns: ``item`` (where the number sits), ``value``, ``unit``, ``source``,
        ``verified``, ``kind``, ``note``.
        """
        import pandas as pd

        rows = []

        def add(item, value, unit, prov: Provenance):
            rows.append({"item": item, "value": value, "unit": unit, **prov.to_dict()})

        for leg in self.legs:
            add(f"{leg.name}.duration", list(leg.duration), "day", leg.duration_provenance)
            for d in leg.delays:
                add(f"{leg.name}.delay.{d.name}", [d.probability, *d.days], "-, day",
                    d.provenance)  # fmt: skip
            where = leg.climate or leg.name
            for s, c in leg.conditions.items():
                add(f"{where}.{s}.mean", list(c.mean), "degC", c.provenance)
                add(f"{where}.{s}.amplitude", list(c.amplitude), "K", c.provenance)
                if c.rh is not None:
                    add(f"{where}.{s}.rh", c.rh, "%", c.provenance)
        for s, (value, prov) in self.retail.items():
            add(f"retail.{s}", value, "degC", prov)
        for e in (*self.exposures.values(), *self.stowages.values()):
            values = [e.mean_offset, e.amplitude_factor, e.amplitude_offset]
            if math.isfinite(e.share):
                values.append(e.share)
            add(f"exposure.{e.name}", values, "K, -, K", e.provenance)
        df = pd.DataFrame(rows)
        return df.drop_duplicates(subset=["item"]).reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description: identity, legs (with sources), retail, exposures."""

        def conditions(c: Conditions) -> dict[str, Any]:
            return {
                "mean": {"value": list(c.mean), "unit": "degC"},
                "amplitude": {"value": list(c.amplitude), "unit": "K"},
                "rh": None if c.rh is None else {"value": c.rh, "unit": "%"},
                "provenance": c.provenance.to_dict(),
            }

        def exposure(e: Exposure) -> dict[str, Any]:
            out = {
                "mean_offset": {"value": e.mean_offset, "unit": "K"},
                "amplitude_factor": e.amplitude_factor,
                "amplitude_offset": {"value": e.amplitude_offset, "unit": "K"},
                "provenance": e.provenance.to_dict(),
            }
            if math.isfinite(e.share):
                out["share"] = e.share
            return out

        return {
            "schema": "shelflife.route_scenario/1",
            "name": self.name,
            "title": self.title,
            "market": self.market,
            "origin": self.origin,
            "destination": self.destination,
            "description": self.description,
            "aliases": list(self.aliases),
            "nominal_duration": {"value": self.nominal_duration_days, "unit": "day"},
            "legs": [
                {
                    "name": leg.name,
                    "kind": leg.kind,
                    "place": leg.place,
                    "exposure": leg.exposure,
                    "climate": leg.climate,
                    "duration": {
                        "value": list(leg.duration),
                        "unit": "day",
                        "provenance": leg.duration_provenance.to_dict(),
                    },
                    "delays": [
                        {
                            "name": d.name,
                            "probability": d.probability,
                            "days": {"value": list(d.days), "unit": "day"},
                            "provenance": d.provenance.to_dict(),
                        }
                        for d in leg.delays
                    ],
                    "seasons": {s: conditions(c) for s, c in leg.conditions.items()},
                }
                for leg in self.legs
            ],
            "retail": {
                s: {"value": v, "unit": "degC", "provenance": p.to_dict()}
                for s, (v, p) in self.retail.items()
            },
            "exposures": {k: exposure(e) for k, e in self.exposures.items()},
            "stowages": {k: exposure(e) for k, e in self.stowages.items()},
        }

    def _repr_html_(self) -> str:
        df = self.summary().drop(columns=["place"])
        return (
            f"<p><b>{html.escape(self.title)}</b> ({html.escape(self.name)}): nominal "
            f"{self.nominal_duration_days:.1f} days from {html.escape(self.origin)} to "
            f"{html.escape(self.destination)}; annual season, typical stowage.</p>"
            + df.to_html(float_format=lambda x: f"{x:.3g}")
            + f"<p>{html.escape(self.description)}</p>"
        )

    def __repr__(self) -> str:
        return (
            f"RouteScenario({self.name!r}, {len(self.legs)} legs, nominal "
            f"{self.nominal_duration_days:.1f} days)"
        )


def _check_steps(steps_per_day: Any) -> int:
    if isinstance(steps_per_day, bool) or not isinstance(steps_per_day, (int, np.integer)):
        raise InputError("route_steps_invalid", value=steps_per_day)
    if steps_per_day < 1:
        raise InputError("route_steps_invalid", value=steps_per_day)
    return int(steps_per_day)


# ------------------------------------------------------------------------ lookup
def _normalise(name: str) -> str:
    return " ".join(str(name).strip().lower().replace("_", "-").split()).replace(" ", "-")


_CACHE: dict[str, RouteScenario] = {}


def _scenarios() -> dict[str, RouteScenario]:
    if not _CACHE:
        for name, route in _data.route_documents().items():
            _CACHE[name] = RouteScenario._from_route(route)
    return _CACHE


def list_scenarios() -> list[str]:
    """Names of the shipped route scenarios.

    Examples
    --------
    >>> from shelflife.routes import list_scenarios
    >>> list_scenarios()[:3]
    ['dubai', 'jeddah', 'los-angeles']
    """
    return list(_scenarios())


def get_scenario(name: str | RouteScenario) -> RouteScenario:
    """The route scenario called ``name`` (case-insensitive; aliases such as "eu").

    Parameters
    ----------
    name : str or RouteScenario
        A name of :func:`list_scenarios` or an alias: ``"eu"``/``"europe"`` (Rotterdam via
        Suez), ``"rotterdam-cape"``, ``"jeddah"``/``"saudi"``, ``"dubai"``/``"jebel-ali"``,
        ``"japan"``/``"yokohama"``, ``"china"``, ``"usa"``/``"la"``/``"long-beach"``,
        ``"australia"``.

    Raises
    ------
    InputError
        ``scenario_unknown``, listing the known names.
    """
    if isinstance(name, RouteScenario):
        return name
    scenarios = _scenarios()
    key = _normalise(name) if isinstance(name, str) else None
    if key is not None:
        if key in scenarios:
            return scenarios[key]
        for scenario in scenarios.values():
            if key in {_normalise(a) for a in scenario.aliases}:
                return scenario
    raise InputError("scenario_unknown", name=name, names=", ".join(scenarios))
