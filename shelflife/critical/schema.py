"""Schema of a critical-moisture ``study.toml`` (``method = "critical_moisture"``).

The format is documented in ``docs/critical-moisture-study.md``. Validation follows the
kinetics study file: strict pydantic models (unknown keys refused with a "did you mean"),
errors translated by :func:`shelflife.io.schema.validate_toml` into coded, located,
bilingual :class:`~shelflife.errors.StudyFileError` messages.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from ..io.schema import ReportSection, TomlSchema, _Section

__all__ = ["MoistureStudyFile", "MOISTURE_SCHEMA", "ISOTHERM_CHOICES", "CRITICAL_FROM"]

#: Isotherm models a study may name (``"auto"``: the lowest AICc).
ISOTHERM_CHOICES = ("auto", "gab", "bet", "oswin", "halsey", "henderson", "peleg", "smith")
#: Where the critical moisture comes from.
CRITICAL_FROM = ("sensory", "texture", "sni", "other")


def _text_or_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("expected a number or a quantity")
    return value


class StudyPart(_Section):
    """``[study]``."""

    name: str = Field(min_length=1)
    product: str = ""
    data: str = Field(min_length=1)
    sheet: str | None = None
    notes: str | None = None
    method: Literal["critical_moisture"]


class MoisturePart(_Section):
    """``[moisture]``: basis and unit of the moisture values, Mi, Mc, isotherm choice."""

    basis: Literal[("dry", "wet")]  # type: ignore[valid-type]
    unit: Literal[("g/g", "%")] = "g/g"  # type: ignore[valid-type]
    initial: Any
    critical: Any
    critical_from: Literal[CRITICAL_FROM] = "other"  # type: ignore[valid-type]
    critical_note: str | None = None
    isotherm: Literal[ISOTHERM_CHOICES] = "auto"  # type: ignore[valid-type]

    @field_validator("initial", "critical", mode="before")
    @classmethod
    def _numbers(cls, value: Any) -> Any:
        return _text_or_number(value)


class ConditionsPart(_Section):
    """``[conditions]``: the outside storage condition, or a history."""

    temperature: str = "30 degC"
    rh: str = "75 %"
    history: str | None = None


class PackagePart(_Section):
    """``[package]``: the pack the product is in."""

    area: str = Field(min_length=1)
    dry_mass: str = Field(min_length=1)
    target: str | None = None


class PackagingOption(_Section):
    """One ``[[packaging]]`` option: a library film and thickness, or a measured WVTR."""

    name: str = Field(min_length=1)
    film: str | None = None
    thickness: str | None = None
    wvtr: str | None = None
    wvtr_temperature: str | None = None
    wvtr_rh: str | None = None
    note: str | None = None


class MoistureStudyFile(_Section):
    """The whole critical-moisture ``study.toml``."""

    schema_version: int
    study: StudyPart
    moisture: MoisturePart
    conditions: ConditionsPart = ConditionsPart()
    package: PackagePart
    packaging: list[PackagingOption] = Field(min_length=1)
    protocol: dict[str, Any] | None = None
    report: ReportSection | None = None


MOISTURE_SCHEMA = TomlSchema(
    models={
        (): MoistureStudyFile,
        ("study",): StudyPart,
        ("moisture",): MoisturePart,
        ("conditions",): ConditionsPart,
        ("package",): PackagePart,
        ("packaging",): PackagingOption,
        ("report",): ReportSection,
    },
    choices={
        "basis": ("dry", "wet"),
        "unit": ("g/g", "%"),
        "critical_from": CRITICAL_FROM,
        "isotherm": ISOTHERM_CHOICES,
        "method": ("critical_moisture",),
    },
    examples={
        "schema_version": "schema_version = 1",
        "study": "[study]",
        "data": 'data = "isotherm.csv"',
        "basis": 'basis = "dry"',
        "initial": "initial = 0.045",
        "critical": "critical = 0.092",
        "area": 'area = "0.0546 m2"',
        "dry_mass": 'dry_mass = "238 g"',
        "packaging": "[[packaging]]",
        "wvtr": 'wvtr = "0.9 g/(m2*day)"',
        "temperature": 'temperature = "30 degC"',
        "rh": 'rh = "75 %"',
    },
    table_arrays={"packaging": "[[packaging]]"},
)
