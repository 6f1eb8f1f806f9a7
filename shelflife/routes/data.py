"""Loading and validating the route data files (TOML, pydantic).

The data live in ``shelflife/routes/data``:

- ``climates.toml`` -- ambient climate per place or sea area and season;
- ``containers.toml`` -- how the product temperature follows the ambient air (exposure of
  buildings, containers on land and the stowage positions at sea);
- ``zones.toml`` -- ICH/WHO climatic zones;
- ``common_legs.toml`` -- legs shared by several routes (``template = "<name>"``);
- ``routes/*.toml`` -- one file per export route.

Every table that holds a number also holds ``source`` (a URL or a stated assumption),
``verified`` (whether the number was read on the cited page), ``kind`` and ``note``. The
files are validated with pydantic on first use; a problem raises
:class:`~shelflife.errors.InputError` naming the file and the key path
(``legs[5].duration.days``), as :mod:`shelflife.io.schema` does for ``study.toml``.
"""

from __future__ import annotations

import copy
import functools
import math
import tomllib
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError

__all__ = [
    "SEASONS",
    "KINDS",
    "Provenance",
    "SeasonTable",
    "ClimateTable",
    "ExposureTable",
    "StowageTable",
    "ZoneTable",
    "DurationTable",
    "DelayTable",
    "LegTable",
    "RetailSeason",
    "RetailTable",
    "RouteFile",
    "climates",
    "exposures",
    "stowages",
    "zones",
    "leg_templates",
    "route_documents",
    "raw_documents",
    "validate_route",
    "key_path",
]

#: Seasons of a route, named by the departure month (northern-hemisphere naming):
#: ``summer`` = June-August, ``winter`` = December-February, ``annual`` = the year.
SEASONS = ("summer", "winter", "annual")
#: What kind of evidence a number rests on.
KINDS = (
    "climate_normal",
    "schedule",
    "published_estimate",
    "measurement",
    "derived",
    "standard",
    "definition",
    "assumption",
)
#: Kinds of leg.
LEG_KINDS = ("warehouse", "road", "port", "sea")
#: Exposures of a leg (``container_sea`` uses the stowage positions).
EXPOSURES = ("building", "container_land", "container_sea", "conditioned")

_PACKAGE = "shelflife.routes"
_DATA = "data"


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(_Table):
    """Where the numbers of a table come from."""

    source: str = Field(min_length=1)
    verified: bool = Field(strict=True)
    kind: Literal[KINDS]  # type: ignore[valid-type]
    note: str = ""


def _finite(x: float) -> float:
    if not math.isfinite(x):
        raise ValueError("must be a finite number")
    return x


def _triple(v: Any, *, nonnegative: bool = False) -> tuple[float, float, float]:
    """``[low, most likely, high]`` with low <= most likely <= high."""
    if not isinstance(v, (list, tuple)) or len(v) != 3:
        raise ValueError("must be [low, most likely, high]")
    low, mode, high = (_finite(float(x)) for x in v)
    if not low <= mode <= high:
        raise ValueError(f"needs low <= most likely <= high, got {list(v)}")
    if nonnegative and low < 0:
        raise ValueError(f"must not be negative, got {list(v)}")
    return (low, mode, high)


class SeasonTable(Provenance):
    """Ambient (or product) temperature of one season: daily mean and daily amplitude."""

    mean: tuple[float, float, float]
    amplitude: tuple[float, float, float]
    rh: float | None = Field(default=None, ge=0.0, le=100.0, strict=True)

    @field_validator("mean", mode="before")
    @classmethod
    def _mean(cls, v: Any) -> tuple[float, float, float]:
        out = _triple(v)
        if out[0] < -80.0 or out[2] > 100.0:
            raise ValueError(f"a daily mean of {list(v)} degC is implausible")
        return out

    @field_validator("amplitude", mode="before")
    @classmethod
    def _amplitude(cls, v: Any) -> tuple[float, float, float]:
        return _triple(v, nonnegative=True)


class ClimateTable(_Table):
    """A place or sea area: ``place`` and one :class:`SeasonTable` per season."""

    place: str = ""
    summer: SeasonTable | None = None
    winter: SeasonTable | None = None
    annual: SeasonTable


class ExposureTable(Provenance):
    """Product mean = ambient mean + ``mean_offset``; amplitude = ambient x factor + offset."""

    mean_offset: float = Field(strict=True)
    amplitude_factor: float = Field(ge=0.0, strict=True)
    amplitude_offset: float = Field(ge=0.0, strict=True)


class StowageTable(ExposureTable):
    """A stowage position at sea, with its share of the containers on a ship."""

    share: float = Field(ge=0.0, le=1.0, strict=True)


class ZoneTable(Provenance):
    """An ICH/WHO climatic zone: long-term storage temperature [degC] and RH [%]."""

    climate: str
    temperature: float = Field(strict=True)
    rh: float = Field(ge=0.0, le=100.0, strict=True)


class DurationTable(Provenance):
    """``days = [min, most likely, max]`` of a leg."""

    days: tuple[float, float, float]

    @field_validator("days", mode="before")
    @classmethod
    def _days(cls, v: Any) -> tuple[float, float, float]:
        out = _triple(v, nonnegative=True)
        if out[2] <= 0:
            raise ValueError("the longest duration must be positive")
        return out


class DelayTable(Provenance):
    """A delay that happens with ``probability`` per shipment and adds ``days`` to its leg."""

    name: str = Field(min_length=1)
    probability: float = Field(ge=0.0, le=1.0, strict=True)
    days: tuple[float, float, float]

    @field_validator("days", mode="before")
    @classmethod
    def _days(cls, v: Any) -> tuple[float, float, float]:
        return _triple(v, nonnegative=True)


class LegTable(_Table):
    """One leg of a route (templates already expanded)."""

    name: str = Field(min_length=1)
    kind: Literal[LEG_KINDS]  # type: ignore[valid-type]
    place: str = ""
    exposure: Literal[EXPOSURES]  # type: ignore[valid-type]
    climate: str | None = None
    temperature: dict[Literal[SEASONS], SeasonTable] | None = None  # type: ignore[valid-type]
    duration: DurationTable
    delays: tuple[DelayTable, ...] = ()


class RetailSeason(Provenance):
    """Storage temperature after arrival (the shop) [degC]."""

    temperature: float = Field(ge=-80.0, le=100.0, strict=True)


class RetailTable(_Table):
    """Retail temperature per season (``annual`` required)."""

    summer: RetailSeason | None = None
    winter: RetailSeason | None = None
    annual: RetailSeason


class RouteFile(_Table):
    """A route file (``routes/<name>.toml``)."""

    schema_version: Literal[1]
    name: str = Field(min_length=1)
    title: str = ""
    market: str = ""
    origin: str = ""
    destination: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    legs: tuple[LegTable, ...] = Field(min_length=1)
    retail: RetailTable


# ----------------------------------------------------------------------- errors
def key_path(loc: tuple[Any, ...]) -> str:
    """Write a pydantic location as a key path (list indices from 0).

    Examples
    --------
    >>> key_path(("legs", 5, "duration", "days"))
    'legs[5].duration.days'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validate(model: type[BaseModel], document: Any, *, file: str, prefix: tuple = ()) -> Any:
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        errors.sort(key=lambda e: e["type"] != "extra_forbidden")
        err = errors[0]
        reason = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            reason = "unknown key"
        raise InputError(
            "route_data_invalid", file=file, key=key_path(prefix + tuple(err["loc"])) or None,
            reason=reason,
        ) from None  # fmt: skip


# ----------------------------------------------------------------------- reading
def _read(name: str) -> dict[str, Any]:
    path = resources.files(_PACKAGE).joinpath(_DATA, *name.split("/"))
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - guarded by the tests
        raise InputError("route_data_invalid", file=name, reason=str(exc)) from None


@functools.cache
def raw_documents() -> dict[str, dict[str, Any]]:
    """Every data file as parsed by :mod:`tomllib`, by file name (read once).

    Returns
    -------
    dict
        ``"climates.toml"``, ``"containers.toml"``, ``"zones.toml"``,
        ``"common_legs.toml"`` and ``"routes/<name>.toml"`` -> document.
    """
    names = ["climates.toml", "containers.toml", "zones.toml", "common_legs.toml"]
    folder = resources.files(_PACKAGE).joinpath(_DATA, "routes")
    names += sorted(f"routes/{p.name}" for p in folder.iterdir() if p.name.endswith(".toml"))
    return {name: _read(name) for name in names}


def _tables(file: str) -> dict[str, Any]:
    doc = dict(raw_documents()[file])
    version = doc.pop("schema_version", None)
    if version != 1:
        raise InputError(
            "route_data_invalid", file=file, key="schema_version",
            reason=f"schema_version must be 1, got {version!r}",
        )  # fmt: skip
    return doc


@functools.cache
def climates() -> dict[str, ClimateTable]:
    """Validated climates by name (``climates.toml``)."""
    doc = _tables("climates.toml")
    return {
        name: _validate(ClimateTable, table, file="climates.toml", prefix=(name,))
        for name, table in doc.items()
    }


@functools.cache
def exposures() -> dict[str, ExposureTable]:
    """Validated exposures by name (``containers.toml``, ``[exposure.*]``)."""
    doc = _tables("containers.toml")
    return {
        name: _validate(ExposureTable, table, file="containers.toml", prefix=("exposure", name))
        for name, table in doc.get("exposure", {}).items()
    }


@functools.cache
def stowages() -> dict[str, StowageTable]:
    """Validated stowage positions by name (``containers.toml``, ``[stowage.*]``)."""
    doc = _tables("containers.toml")
    out = {
        name: _validate(StowageTable, table, file="containers.toml", prefix=("stowage", name))
        for name, table in doc.get("stowage", {}).items()
    }
    total = sum(s.share for s in out.values())
    if out and abs(total - 1.0) > 1e-9:
        raise InputError(
            "route_data_invalid", file="containers.toml", key="stowage",
            reason=f"the shares add up to {total:g}, not 1",
        )  # fmt: skip
    return out


@functools.cache
def zones() -> dict[str, ZoneTable]:
    """Validated ICH/WHO climatic zones by name (``zones.toml``)."""
    doc = _tables("zones.toml")
    return {
        name: _validate(ZoneTable, table, file="zones.toml", prefix=("zones", name))
        for name, table in doc.get("zones", {}).items()
    }


@functools.cache
def leg_templates() -> dict[str, dict[str, Any]]:
    """Leg templates by name (``common_legs.toml``), as raw tables."""
    return dict(_tables("common_legs.toml").get("legs", {}))


def _expand(legs: Any, file: str) -> list[Any]:
    """Replace ``{template = "name", ...}`` legs by a copy of the template (keys override)."""
    if not isinstance(legs, list):
        return legs
    templates = leg_templates()
    out = []
    for i, leg in enumerate(legs):
        if isinstance(leg, dict) and "template" in leg:
            name = leg["template"]
            if name not in templates:
                raise InputError(
                    "route_template_unknown", file=file, key=f"legs[{i}].template",
                    value=name, choices=", ".join(templates),
                )  # fmt: skip
            merged = copy.deepcopy(templates[name])
            merged.setdefault("name", name)
            merged.update({k: v for k, v in leg.items() if k != "template"})
            leg = merged
        out.append(leg)
    return out


def validate_route(document: dict[str, Any], *, file: str = "<route>") -> RouteFile:
    """Validate a route document (templates expanded, references checked).

    Parameters
    ----------
    document : dict
        The route as parsed from TOML (or built in Python).
    file : str
        Name used in error messages.

    Returns
    -------
    RouteFile

    Raises
    ------
    InputError
        ``route_data_invalid`` (with the key path), ``route_template_unknown``,
        ``route_climate_unknown`` or ``route_leg_temperature``.
    """
    doc = dict(document)
    doc["legs"] = _expand(doc.get("legs"), file)
    route = _validate(RouteFile, doc, file=file)
    known = climates()
    for i, leg in enumerate(route.legs):
        has_climate, has_table = leg.climate is not None, leg.temperature is not None
        if has_climate == has_table:
            found = "both" if has_climate else "neither"
            raise InputError(
                "route_leg_temperature", file=file, key=f"legs[{i}]", leg=leg.name, found=found
            )
        if has_climate and leg.climate not in known:
            raise InputError(
                "route_climate_unknown", file=file, key=f"legs[{i}].climate",
                leg=leg.name, value=leg.climate, choices=", ".join(known),
            )  # fmt: skip
        if has_table and "annual" not in leg.temperature:
            raise InputError(
                "route_data_invalid", file=file, key=f"legs[{i}].temperature.annual",
                reason="the annual temperature table is required",
            )  # fmt: skip
    return route


@functools.cache
def route_documents() -> dict[str, RouteFile]:
    """Validated shipped routes by name (``routes/*.toml``), in file order."""
    out: dict[str, RouteFile] = {}
    for file, doc in raw_documents().items():
        if file.startswith("routes/"):
            route = validate_route(doc, file=file)
            if route.name in out:
                raise InputError(
                    "route_data_invalid", file=file, key="name",
                    reason=f"the name '{route.name}' is used twice",
                )  # fmt: skip
            out[route.name] = route
    return out
