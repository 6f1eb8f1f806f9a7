"""Schemas of protocol templates and product presets, and the checks pydantic cannot make.

A protocol template (``aslt-arrhenius.toml``) and a product preset (``products/keripik.toml``)
are TOML files validated like ``study.toml``: strict pydantic models with ``extra="forbid"``,
whose errors are translated by :func:`shelflife.io.schema.validate_toml` into coded,
located, bilingual :class:`~shelflife.errors.StudyFileError` messages (unknown keys with
"did you mean", missing keys, wrong types). What pydantic cannot check is checked here, with
the same file and key in every message: temperatures and humidities with units, pull times
that increase, a pull window that is a time, limits in the attribute's dimension.

The plan part (``[plan]`` with its ``[[plan.chambers]]``) is the same model as the
``[protocol]`` table that ``shelflife protocol new`` writes into ``study.toml``
(:class:`shelflife.io.schema.PlanFields`).

A critical-moisture template (``kind = "critical_moisture"``, Labuza's method) has no chambers:
it has an ``[isotherm]`` plan (saturated salts at one temperature, replicates, weighing interval,
equilibrium criterion) and default ``[moisture]``, ``[package]`` and ``[[packaging]]`` blocks
(:class:`MoistureProtocolFileModel`). A product preset may carry a ``[moisture]`` block with
typical initial and critical moisture for that method.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, field_validator

from ..critical.schema import PackagingOption
from ..errors import InputError, StudyFileError, UnitError
from ..io._hints import HintedStudyFileError, relocate
from ..io.schema import _CHOICES as _STUDY_CHOICES
from ..io.schema import _EXAMPLES as _STUDY_EXAMPLES
from ..io.schema import (
    METHODS,
    STRENGTHS,
    TEMPERATURE_MODEL_CHOICES,
    AttributeSection,
    ChamberSection,
    PlanFields,
    TomlSchema,
    _Section,
)
from ..io.table import convert_limit, storage_kelvin
from ..units import parse_unit, to_days, to_percent

__all__ = [
    "ProtocolFileModel",
    "ProductFileModel",
    "MoistureProtocolFileModel",
    "MoistureSection",
    "IsothermSection",
    "PackageSection",
    "PackagingSection",
    "MOISTURE_PROTOCOL_SCHEMA",
    "MOISTURE_KINDS",
    "SENSORY_DESIGNS",
    "SensoryPlanSection",
    "ISOTHERM_MODELS",
    "CRITICAL_FROM",
    "CitationSection",
    "ProtocolAttributeSection",
    "PROTOCOL_SCHEMA",
    "PRODUCT_SCHEMA",
    "KINDS",
    "CITATION_STATUSES",
    "CITATION_CATEGORIES",
    "kelvin_of",
    "rh_of",
    "days_of",
    "unit_days",
    "check_pulls",
    "check_chambers",
    "limit_of",
]

#: What a protocol does: accelerated kinetics, a quick two-temperature screen, or a long test
#: at the storage condition.
KINDS = ("aslt", "screening", "real_time")
#: Kinds without storage chambers: Labuza's critical-moisture method (sorption isotherm and
#: package water-vapour transmission).
MOISTURE_KINDS = ("critical_moisture",)
#: Isotherm models a critical-moisture study may name (``"auto"``: the best by AICc).
ISOTHERM_MODELS = ("auto", "gab", "bet", "oswin", "halsey", "henderson", "peleg", "smith")
#: Designs of a consumer-rejection panel: staggered starts, one tasting session ("reversed"),
#: or one start and a session at every storage time ("basic").
SENSORY_DESIGNS = ("reversed", "basic")
#: Where the critical moisture comes from.
CRITICAL_FROM = ("sensory", "texture", "sni", "other")
#: How far a cited value was checked: against the official text, from a secondary copy, not
#: confirmed by any source, a placeholder the lab must replace, or set by the user (a limit
#: edited in study.toml, which shelflife cannot check).
CITATION_STATUSES = ("official", "secondary", "unverified", "placeholder", "user")
#: Where a cited value comes from.
CITATION_CATEGORIES = ("sni", "bpom", "ich", "asean", "literature", "lab_default")


class CitationSection(_Section):
    """A cited source: ``[[sources]]`` or an attribute's ``[attributes.limit_source]``."""

    short: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    url: str | None = None
    category: Literal[CITATION_CATEGORIES] = "literature"  # type: ignore[valid-type]
    status: Literal[CITATION_STATUSES] = "secondary"  # type: ignore[valid-type]
    note: str | None = None
    note_id: str | None = None


class ProtocolAttributeSection(AttributeSection):
    """An attribute of a template or preset: ``study.toml``'s keys plus method and source."""

    unit: str = Field(min_length=1)  # type: ignore[assignment]
    label_id: str | None = None
    analysis: str | None = None
    analysis_id: str | None = None
    limit_source: CitationSection | None = None


class SopSection(_Section):
    """``[sop]``: the standard operating procedure beside the template, per language."""

    en: str = Field(min_length=1)
    id: str = Field(min_length=1)


class StorageSection(_Section):
    """``[storage]``: where shelf life is wanted (``[conditions]`` of the study)."""

    temperature: list[Any] = Field(min_length=1)
    rh: Any = None

    @field_validator("temperature", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class PlanSection(PlanFields):
    """``[plan]``: chambers, pull times, replicates, pull window, batches."""


class SensoryPlanSection(_Section):
    """``[sensory]``: a consumer-rejection panel (Hough's survival method), optional.

    The panel's storage times are the pulls of the first ``[[plan.chambers]]``; ``protocol
    new`` writes the ``[[sensory]]`` table of ``study.toml`` and a blank ``panel.csv``.
    """

    name: str = Field(default="consumers", min_length=1)
    label: str | None = None
    label_id: str | None = None
    consumers: int = Field(default=60, ge=1)
    question: str = Field(default="Would you normally consume this product?", min_length=1)
    question_id: str = Field(
        default="Apakah Anda biasanya akan mengonsumsi produk ini?", min_length=1
    )
    distribution: Literal[("weibull", "lognormal", "loglogistic")] = "weibull"  # type: ignore[valid-type]
    rejection: str = "50 %"
    design: Literal[SENSORY_DESIGNS] = "reversed"  # type: ignore[valid-type]
    data: str = Field(default="panel.csv", min_length=1)


class ProtocolFileModel(_Section):
    """A whole protocol template file."""

    schema_version: int
    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    title_id: str = Field(min_length=1)
    kind: Literal[KINDS]  # type: ignore[valid-type]
    method: Literal[METHODS] = "kinetics"  # type: ignore[valid-type]
    strength: Literal[STRENGTHS] = "standard"  # type: ignore[valid-type]
    temperature_model: Literal[TEMPERATURE_MODEL_CHOICES] | None = None  # type: ignore[valid-type]
    summary: str = ""
    summary_id: str = ""
    sop: SopSection | None = None
    storage: StorageSection
    plan: PlanSection
    attributes: list[ProtocolAttributeSection] = Field(min_length=1)
    sources: list[CitationSection] = Field(default_factory=list)
    sensory: SensoryPlanSection | None = None


class MoistureSection(_Section):
    """``[moisture]``: basis, unit, initial and critical moisture (template, preset, study).

    ``initial`` (Mi) and ``critical`` (Mc) are numbers in ``unit`` on ``basis``; ``source``
    cites where the values come from (templates and presets only).
    """

    basis: Literal[("dry", "wet")] = "dry"  # type: ignore[valid-type]
    unit: Literal[("g/g", "%")] = "g/g"  # type: ignore[valid-type]
    initial: float
    critical: float
    critical_from: Literal[CRITICAL_FROM] = "sensory"  # type: ignore[valid-type]
    critical_note: str | None = None
    critical_note_id: str | None = None
    isotherm: Literal[ISOTHERM_MODELS] = "auto"  # type: ignore[valid-type]
    source: CitationSection | None = None


class ProductFileModel(_Section):
    """A whole product preset file (``products/KEY.toml``)."""

    schema_version: int
    key: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_id: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    template: str = "aslt-arrhenius"
    test_temperatures: list[Any] | None = None
    notes: str = ""
    notes_id: str = ""
    moisture: MoistureSection | None = None
    attributes: list[ProtocolAttributeSection] = Field(min_length=1)
    sources: list[CitationSection] = Field(default_factory=list)


class IsothermSection(_Section):
    """``[isotherm]``: the sorption-isotherm plan of a critical-moisture template.

    One desiccator per saturated salt at ``temperature``, ``replicates`` dishes in each,
    weighed every ``interval`` until the mass changes by less than ``equilibrium`` between two
    weighings (``equilibrium_high`` at water activities from ``high_aw`` up), for at most
    ``max_duration``. ``aw`` is a table salt -> water activity at ``aw_temperature`` (default:
    ``temperature``), used while the isotherm runs at that temperature; otherwise
    :mod:`shelflife.moisture.salts` gives the values. ``aw_source`` cites the table.
    """

    temperature: Any
    salts: list[str] = Field(min_length=1)
    replicates: int = Field(default=3, ge=1)
    interval: Any = "24 hour"
    equilibrium: Any
    equilibrium_high: Any = None
    high_aw: float = Field(default=0.9, gt=0.0, lt=1.0)
    max_duration: Any
    sample_mass: Any = None
    aw: dict[str, float] | None = None
    aw_temperature: Any = None
    aw_source: CitationSection | None = None
    criterion_source: CitationSection | None = None


class MoistureStorageSection(_Section):
    """``[storage]`` of a critical-moisture template: the outside storage condition."""

    temperature: Any
    rh: Any


class PackageSection(_Section):
    """``[package]``: water-exchanging area (both faces), dry solids per pack, target."""

    area: str = Field(min_length=1)
    dry_mass: str | None = None
    net_mass: str | None = None
    target: str | None = None
    source: CitationSection | None = None


class PackagingSection(PackagingOption):
    """One ``[[packaging]]`` option: the study file's keys plus the cited source."""

    source: CitationSection | None = None


class MoistureProtocolFileModel(_Section):
    """A whole critical-moisture template file (``kind = "critical_moisture"``)."""

    schema_version: int
    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    title_id: str = Field(min_length=1)
    kind: Literal[MOISTURE_KINDS]  # type: ignore[valid-type]
    method: Literal[("critical_moisture",)] = "critical_moisture"  # type: ignore[valid-type]
    strength: Literal[STRENGTHS] = "standard"  # type: ignore[valid-type]
    summary: str = ""
    summary_id: str = ""
    sop: SopSection | None = None
    storage: MoistureStorageSection
    isotherm: IsothermSection
    moisture: MoistureSection
    package: PackageSection
    packaging: list[PackagingSection] = Field(min_length=1)
    sources: list[CitationSection] = Field(default_factory=list)


_CHOICES = {
    **_STUDY_CHOICES,
    "kind": KINDS + MOISTURE_KINDS,
    "status": CITATION_STATUSES,
    "category": CITATION_CATEGORIES,
    "basis": ("dry", "wet"),
    "unit": ("g/g", "%"),
    "critical_from": CRITICAL_FROM,
    "isotherm": ISOTHERM_MODELS,
    "design": SENSORY_DESIGNS,
    "distribution": ("weibull", "lognormal", "loglogistic"),
}

_EXAMPLES = {
    **_STUDY_EXAMPLES,
    "title": 'title = "Accelerated shelf-life test"',
    "title_id": 'title_id = "Uji umur simpan dipercepat"',
    "kind": 'kind = "aslt"',
    "strength": 'strength = "standard"',
    "storage": '[storage] temperature = ["30 degC"]',
    "plan": "[plan]",
    "chambers": "[[plan.chambers]]",
    "unit": 'unit = "%"',
    "short": 'short = "SNI 01-3542-2004"',
    "citation": 'citation = "SNI 01-3542-2004 Kopi bubuk, Tabel 1"',
    "key": 'key = "kopi_bubuk"',
    "en": 'en = "aslt-arrhenius.en.md"',
    "id": 'id = "aslt-arrhenius.id.md"',
    "test_temperatures": 'test_temperatures = ["25 degC", "35 degC", "45 degC"]',
    "aliases": 'aliases = ["kopi bubuk", "ground coffee"]',
    "isotherm": "[isotherm]",
    "salts": 'salts = ["MgCl2", "K2CO3", "Mg(NO3)2", "NaCl", "KCl", "K2SO4"]',
    "equilibrium": 'equilibrium = "2 mg/g"',
    "max_duration": 'max_duration = "21 day"',
    "interval": 'interval = "24 hour"',
    "moisture": "[moisture]",
    "initial": "initial = 0.05",
    "critical": "critical = 0.1",
    "package": "[package]",
    "area": 'area = "0.12 m2"',
    "packaging": "[[packaging]]",
    "wvtr": 'wvtr = "5.2 g/(m2*day)"',
}

#: The protocol template schema as the error translation sees it.
PROTOCOL_SCHEMA = TomlSchema(
    models={
        (): ProtocolFileModel,
        ("sop",): SopSection,
        ("storage",): StorageSection,
        ("plan",): PlanSection,
        ("plan", "chambers"): ChamberSection,
        ("attributes",): ProtocolAttributeSection,
        ("attributes", "limit_source"): CitationSection,
        ("sources",): CitationSection,
        ("sensory",): SensoryPlanSection,
    },
    choices=_CHOICES,
    examples=_EXAMPLES,
    examples_at={
        (): {"name": 'name = "aslt-arrhenius"'},
        ("attributes",): {"name": 'name = "moisture"'},
    },
    table_arrays={"chambers": "[[plan.chambers]]", "sources": "[[sources]]"},
    kind="protocol template",
)

#: The critical-moisture template schema as the error translation sees it.
MOISTURE_PROTOCOL_SCHEMA = TomlSchema(
    models={
        (): MoistureProtocolFileModel,
        ("sop",): SopSection,
        ("storage",): MoistureStorageSection,
        ("isotherm",): IsothermSection,
        ("isotherm", "aw_source"): CitationSection,
        ("isotherm", "criterion_source"): CitationSection,
        ("moisture",): MoistureSection,
        ("moisture", "source"): CitationSection,
        ("package",): PackageSection,
        ("package", "source"): CitationSection,
        ("packaging",): PackagingSection,
        ("packaging", "source"): CitationSection,
        ("sources",): CitationSection,
    },
    choices=_CHOICES,
    examples=_EXAMPLES,
    examples_at={
        (): {"name": 'name = "critical-moisture"', "kind": 'kind = "critical_moisture"'},
        ("storage",): {"temperature": 'temperature = "30 degC"'},
        ("isotherm",): {"temperature": 'temperature = "30 degC"'},
        ("packaging",): {"name": 'name = "PP 40 um"'},
    },
    table_arrays={"packaging": "[[packaging]]", "sources": "[[sources]]"},
    kind="protocol template",
)

#: The product preset schema as the error translation sees it.
PRODUCT_SCHEMA = TomlSchema(
    models={
        (): ProductFileModel,
        ("moisture",): MoistureSection,
        ("moisture", "source"): CitationSection,
        ("attributes",): ProtocolAttributeSection,
        ("attributes", "limit_source"): CitationSection,
        ("sources",): CitationSection,
    },
    choices=_CHOICES,
    examples=_EXAMPLES,
    examples_at={
        (): {"name": 'name = "Kopi bubuk (ground coffee)"'},
        ("attributes",): {"name": 'name = "moisture"'},
    },
    table_arrays={"sources": "[[sources]]"},
    kind="product preset",
)


# ------------------------------------------------------------------ checks after pydantic


def kelvin_of(value: Any, *, file: str, key: str) -> float:
    """One temperature with its unit (``"45 degC"``) in kelvin; a bare number is refused.

    Raises
    ------
    UnitError
        ``bare_number``, ``unit_unknown``, ``unit_wrong_dimension`` at ``key``.
    InputError
        ``temperature_implausible``, or ``toml_bad_value`` when the value is not text.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise HintedStudyFileError(
            "toml_bad_value",
            hints={
                "reason": ("hint_type_string", "what", {"example": 'temperature = "40 degC"'}),
                "fix": ("hint_type_string", "fix", {"example": 'temperature = "40 degC"'}),
            },
            value=value,
            file=file,
            key=key,
        )
    return storage_kelvin(value, file=file, key=key)[0]


def rh_of(value: Any, *, file: str, key: str) -> float | None:
    """A relative humidity with its unit (``"75 %"``) in percent, or ``None``.

    Raises
    ------
    UnitError
        ``bare_number`` or ``unit_wrong_dimension`` at ``key``.
    InputError
        ``rh_out_of_range`` outside 0 to 100 %.
    """
    if value is None:
        return None
    try:
        rh = float(to_percent(value))
    except InputError as exc:
        raise relocate(exc, file=file, key=key) from None
    if not 0.0 <= rh <= 100.0:
        raise InputError("rh_out_of_range", value=value, file=file, key=key)
    return rh


def days_of(value: Any, *, file: str, key: str) -> float:
    """A duration with its unit (``"1 day"``, ``"2 week"``) in days; must not be negative."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise HintedStudyFileError(
            "toml_bad_value",
            hints={
                "reason": ("hint_type_string", "what", {"example": 'pull_window = "1 day"'}),
                "fix": ("hint_type_string", "fix", {"example": 'pull_window = "1 day"'}),
            },
            value=value,
            file=file,
            key=key,
        )
    try:
        days = float(to_days(value))
    except UnitError as exc:
        raise relocate(exc, file=file, key=key) from None
    except OverflowError:  # "9" * 400 + " day"
        days = math.inf
    if not math.isfinite(days):
        raise InputError("pull_time_not_finite", value=value, file=file, key=key)
    if days < 0:
        raise InputError("pull_time_negative", value=value, file=file, key=key)
    if days > MAX_PULL_DAYS:  # the calendar must still hold the window around each pull
        raise InputError(
            "duration_too_long",
            value=value,
            years=round(MAX_PULL_DAYS / 365.25),
            file=file,
            key=key,
        )
    return days


#: No pull (or pull window) lies more than 100 years after the start: a longer time is a
#: typing error or a hostile file, and would not fit the calendar.
MAX_PULL_DAYS = 36_525.0


def unit_days(time_unit: str, *, file: str, key: str) -> float:
    """Length of one ``time_unit`` (``"day"``, ``"week"``, ``"month"``) in days."""
    unit = parse_unit(time_unit, expected="time", where={"file": file, "key": key})
    from ..units import get_registry

    return float(get_registry().Quantity(1.0, unit).to("day").magnitude)


def check_pulls(pulls: list[float], *, file: str, key: str) -> None:
    """Pull times must be finite, >= 0 and strictly increasing (the error names the item)."""
    for i, value in enumerate(pulls):
        if not math.isfinite(value):
            raise InputError("pull_time_not_finite", value=value, file=file, key=f"{key}[{i}]")
        if value < 0:
            raise InputError("pull_time_negative", value=value, file=file, key=f"{key}[{i}]")
        if i and value <= pulls[i - 1]:
            raise InputError(
                "pull_times_not_increasing",
                value=value,
                previous=pulls[i - 1],
                file=file,
                key=f"{key}[{i}]",
            )


def check_chambers(conditions: list[tuple[float, float | None]], *, file: str, key: str) -> None:
    """Two chambers may not share temperature and RH."""
    seen: dict[tuple[float, float | None], int] = {}
    for i, (kelvin, rh) in enumerate(conditions):
        marker = (round(kelvin, 6), None if rh is None else round(rh, 6))
        if marker in seen:
            text = f"{kelvin - 273.15:g} °C" + ("" if rh is None else f", {rh:g} % RH")
            raise InputError(
                "chamber_duplicate", condition=text, file=file, key=f"{key}[{i}].temperature"
            )
        seen[marker] = i


def limit_of(section: AttributeSection, *, file: str, key: str) -> float:
    """The attribute's limit as a float in its unit (a quantity in another unit is converted)."""
    if section.unit:
        return convert_limit(
            section.limit, section.unit, attribute=section.name, file=file, key=key
        )
    if isinstance(section.limit, str):
        return convert_limit(section.limit, "", attribute=section.name, file=file, key=key)
    return float(section.limit)


def duplicate_attribute(names: list[str], *, file: str) -> StudyFileError | None:
    """An ``attribute_duplicate`` error for the second of two equal names, if any."""
    from ..io.headers import normalise

    seen: set[str] = set()
    for i, name in enumerate(names):
        if normalise(name) in seen:
            return StudyFileError(
                "attribute_duplicate", name=name, file=file, key=f"attributes[{i}].name"
            )
        seen.add(normalise(name))
    return None
