"""The ``study.toml`` schema (DESIGN.md §4) as pydantic models, with our own error messages.

Pydantic validates; :func:`validate_study_file` translates each pydantic error into a
:class:`~shelflife.errors.StudyFileError` with the key path (``attributes[0].limit``, list
indices counted from 0) and a fix in English and Bahasa Indonesia.

The translation is generic: :class:`TomlSchema` describes one kind of TOML file (its section
models, the choices and examples named in messages) and :func:`validate_toml` validates a
document against it. The protocol templates and product presets of
:mod:`shelflife.protocols` use the same machinery, so their errors read the same way.

``study.toml`` may carry an optional ``[protocol]`` table (:class:`StudyProtocolSection`):
the plan a study folder was created from by ``shelflife protocol new`` (template, start date,
chambers and pull times). The analysis ignores it; the protocol commands read it. An optional
``[report]`` table (:class:`ReportSection`) names who signs the report (analyst, reviewer,
laboratory, date).
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from ..errors import StudyFileError
from ..library import reaction_classes
from ..study import (
    ATTRIBUTE_KINDS,
    GROWTH_MODEL_CHOICES,
    METHODS,
    MODEL_CHOICES,
    SECONDARY_MODEL_CHOICES,
    TEMPERATURE_MODEL_CHOICES,
)
from ._hints import Hint, HintedStudyFileError

__all__ = [
    "StudyFileModel",
    "StudySection",
    "AttributeSection",
    "ConditionsSection",
    "ChamberSection",
    "PlanFields",
    "StudyProtocolSection",
    "ReportSection",
    "TomlSchema",
    "STUDY_SCHEMA",
    "validate_study_file",
    "validate_toml",
    "key_path",
    "SCHEMA_VERSIONS",
    "STRENGTHS",
]

#: ``schema_version`` values this release reads.
SCHEMA_VERSIONS = (1,)

#: How strong the evidence of a protocol is: the main accelerated design, a quick screen
#: (two temperatures, indicative only) or a real-time study that confirms a prediction.
STRENGTHS = ("standard", "screening", "confirmation")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StudySection(_Section):
    """``[study]``: what was tested and where the data are."""

    name: str = Field(min_length=1)
    product: str = ""
    package: str | None = None
    data: str = Field(min_length=1)
    sheet: str | None = None
    notes: str | None = None
    method: Literal[METHODS] = "kinetics"  # type: ignore[valid-type]


class AttributeSection(_Section):
    """One ``[[attributes]]`` table: a quality attribute and its critical limit."""

    name: str = Field(min_length=1)
    unit: str | None = None
    limit: Any
    direction: Literal[("max", "min")]  # type: ignore[valid-type]
    model: Literal[MODEL_CHOICES + GROWTH_MODEL_CHOICES] = "auto"  # type: ignore[valid-type]
    temperature_model: Literal[TEMPERATURE_MODEL_CHOICES] = "arrhenius"  # type: ignore[valid-type]
    kind: Literal[ATTRIBUTE_KINDS] = "chemical"  # type: ignore[valid-type]
    secondary: Literal[SECONDARY_MODEL_CHOICES] = "ratkowsky"  # type: ignore[valid-type]
    detection_limit: Any = None
    limit_source: str | None = None
    label: str | None = None
    reaction: str | None = None
    initial: Literal[("common", "per_temperature")] = "common"  # type: ignore[valid-type]

    @field_validator("limit", mode="before")
    @classmethod
    def _number_or_quantity(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise PydanticCustomError("hint_limit_type", "expected a number or a quantity")
        return value

    @field_validator("detection_limit", mode="before")
    @classmethod
    def _detection_limit(cls, value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise PydanticCustomError("hint_limit_type", "expected a number or a quantity")
        return value

    @field_validator("reaction")
    @classmethod
    def _known_reaction(cls, value: str | None) -> str | None:
        """A key of the kinetics library (shelflife.library), with a did-you-mean hint."""
        if value is None:
            return value
        keys = reaction_classes()
        if value in keys:
            return value
        choices = ", ".join(keys)
        close = difflib.get_close_matches(value.casefold(), keys, n=1, cutoff=0.6)
        if close:
            raise PydanticCustomError(
                "hint_reaction_close",
                "unknown reaction class",
                {"name": close[0], "choices": choices},
            )
        raise PydanticCustomError(
            "hint_reaction_unknown", "unknown reaction class", {"choices": choices}
        )


class ConditionsSection(_Section):
    """``[conditions]``: where shelf life is wanted."""

    storage: list[Any] = Field(default=["30 degC"], min_length=1)
    rh: str | None = None

    @field_validator("storage", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class ChamberSection(_Section):
    """One ``[[...chambers]]`` table: a storage condition and its pull times.

    ``temperature`` and ``rh`` are quantities (``"45 degC"``, ``"75 %"``); their units are
    checked after validation, so that a bare number gets the ``bare_number`` error with its
    key. ``pulls`` are storage times in the plan's ``time_unit``, from the start of storage.
    """

    temperature: Any
    rh: Any = None
    pulls: list[float] = Field(min_length=1)


class PlanFields(_Section):
    """The plan shared by protocol templates (``[plan]``) and ``study.toml`` (``[protocol]``)."""

    time_unit: str = Field(default="day", min_length=1)
    replicates: int = Field(default=1, ge=1)
    pull_window: Any
    batches: Any = None
    chambers: list[ChamberSection] = Field(min_length=1)

    @field_validator("batches")
    @classmethod
    def _batches(cls, value: Any) -> Any:
        """A number of batches (>= 1) or a list of distinct, non-empty batch labels."""
        if value is None:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and v.strip() for v in value)
            and len({v.strip() for v in value}) == len(value)
        ):
            return value
        raise PydanticCustomError("hint_batches", "expected a number or a list of labels")


def _start_date(value: Any) -> Any:
    """A TOML date (``2027-01-04``) or the same as an ISO string (``"2027-01-04"``)."""
    if isinstance(value, datetime.datetime):
        raise PydanticCustomError("hint_start_date", "expected a date")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("hint_start_date", "expected a date")


class PlanOrigin(_Section):
    """Where a study folder's plan came from: template, preset, start date and options.

    Shared by the ``[protocol]`` table of every ``study.toml`` kind (kinetics here, critical
    moisture in :mod:`shelflife.protocols.moisture.study`). List it *first* among the
    bases, so that its fields follow those of the plan section it completes.
    """

    template: str = Field(min_length=1)
    preset: str | None = None
    start: Any
    avoid_weekends: bool = False
    strength: Literal[STRENGTHS] = "standard"  # type: ignore[valid-type]

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: Any) -> Any:
        return _start_date(value)


class StudyProtocolSection(PlanOrigin, PlanFields):
    """``[protocol]`` in ``study.toml``: the plan the study folder was created from."""


class SensorySection(_Section):
    """One ``[[sensory]]`` table: a consumer acceptance panel (Hough's survival method)."""

    name: str = Field(min_length=1)
    data: str = Field(min_length=1)
    sheet: str | None = None
    distribution: Literal[("weibull", "lognormal", "loglogistic")] = "weibull"  # type: ignore[valid-type]
    rejection: Any = "50 %"
    label: str | None = None


class ReportSection(_Section):
    """``[report]`` in ``study.toml``: who signs the report (its sign-off block).

    Every key is optional; a missing one is printed as a blank line to sign by hand.
    ``signed`` is a TOML date (``signed = 2027-04-30``) or the same as an ISO string.
    """

    analyst: str = ""
    reviewer: str = ""
    laboratory: str = ""
    signed: Any = None

    @field_validator("signed", mode="before")
    @classmethod
    def _signed(cls, value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise PydanticCustomError("hint_signed_date", "expected a date")


class StudyFileModel(_Section):
    """The whole ``study.toml``."""

    schema_version: int
    study: StudySection
    attributes: list[AttributeSection] = Field(min_length=1)
    sensory: list[SensorySection] = Field(default_factory=list)
    conditions: ConditionsSection = ConditionsSection()
    protocol: StudyProtocolSection | None = None
    report: ReportSection | None = None


_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): StudyFileModel,
    ("study",): StudySection,
    ("attributes",): AttributeSection,
    ("conditions",): ConditionsSection,
    ("sensory",): SensorySection,
    ("protocol",): StudyProtocolSection,
    ("protocol", "chambers"): ChamberSection,
    ("report",): ReportSection,
}

_CHOICES = {
    "direction": ("max", "min"),
    "model": MODEL_CHOICES + GROWTH_MODEL_CHOICES,
    "kind": ATTRIBUTE_KINDS,
    "secondary": SECONDARY_MODEL_CHOICES,
    "distribution": ("weibull", "lognormal", "loglogistic"),
    "temperature_model": TEMPERATURE_MODEL_CHOICES,
    "method": METHODS,
    "initial": ("common", "per_temperature"),
    "strength": STRENGTHS,
}

_EXAMPLES = {
    "schema_version": "schema_version = 1",
    "study": "[study]",
    "name": 'name = "peroxide_value"',
    "data": 'data = "data.csv"',
    "attributes": "[[attributes]]",
    "limit": "limit = 10.0",
    "direction": 'direction = "max"',
    "conditions": "[conditions]",
    "storage": 'storage = ["30 degC"]',
    "rh": 'rh = "75 %"',
    "method": 'method = "kinetics"',
    "reaction": 'reaction = "lipid_oxidation"',
    "protocol": "[protocol]",
    "template": 'template = "aslt-arrhenius"',
    "start": "start = 2027-01-04",
    "chambers": "[[protocol.chambers]]",
    "temperature": 'temperature = "40 degC"',
    "pulls": "pulls = [0, 7, 14, 21, 28]",
    "replicates": "replicates = 3",
    "pull_window": 'pull_window = "1 day"',
    "time_unit": 'time_unit = "day"',
    "batches": 'batches = ["B1", "B2", "B3"]',
    "avoid_weekends": "avoid_weekends = false",
    "report": "[report]",
    "analyst": 'analyst = "Sari Wulandari"',
    "reviewer": 'reviewer = "Budi Santoso"',
    "laboratory": 'laboratory = "Laboratorium Pangan, Surabaya"',
    "signed": "signed = 2027-04-30",
}

_TYPE_HINTS = {
    "string_type": "hint_type_string",
    "int_type": "hint_type_integer",
    "float_type": "hint_type_number",
    "list_type": "hint_type_list",
    "model_type": "hint_type_table",
    "dict_type": "hint_type_table",
    "model_attributes_type": "hint_type_table",
    "string_too_short": "hint_not_empty",
    "too_short": "hint_not_empty",
    "bool_type": "hint_type_bool",
    "greater_than_equal": "hint_at_least",
    "less_than_equal": "hint_at_most",
    "greater_than": "hint_above",
    "less_than": "hint_below",
}


@dataclass(frozen=True)
class TomlSchema:
    """What the error translation needs to know about one kind of TOML file.

    Parameters
    ----------
    models : mapping
        Key path of a table (string parts only, list indices dropped) -> its pydantic model;
        used to list the valid keys next to an unknown one.
    choices : mapping
        Key name -> allowed values, named in ``hint_choice`` messages.
    examples : mapping
        Key name -> a TOML line that shows a correct value.
    examples_at : mapping
        Table path -> {key name -> example}, for keys whose example depends on the table.
    table_arrays : mapping
        Key name -> the ``[[header]]`` of an array of tables, for ``list_type`` errors.
    kind : str
        What the file is, e.g. ``"study.toml"``; named in ``hint_other`` messages.
    """

    models: Mapping[tuple[str, ...], type[BaseModel]]
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    examples: Mapping[str, str] = field(default_factory=dict)
    examples_at: Mapping[tuple[str, ...], Mapping[str, str]] = field(default_factory=dict)
    table_arrays: Mapping[str, str] = field(default_factory=dict)
    kind: str = "study.toml"


#: The ``study.toml`` schema as the error translation sees it.
STUDY_SCHEMA = TomlSchema(
    models=_MODELS,
    choices=_CHOICES,
    examples=_EXAMPLES,
    examples_at={("study",): {"name": 'name = "keripik-tempe-2026"'}},
    table_arrays={"chambers": "[[protocol.chambers]]", "sensory": "[[sensory]]"},
)


def key_path(loc: tuple[Any, ...]) -> str:
    """Write a pydantic location as a key path (list indices from 0).

    Examples
    --------
    >>> key_path(("attributes", 0, "limit"))
    'attributes[0].limit'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _valid_keys(loc: tuple[Any, ...], schema: TomlSchema = STUDY_SCHEMA) -> list[str]:
    model = schema.models.get(tuple(p for p in loc if isinstance(p, str)))
    return list(model.model_fields) if model else []


def _example(name: str, loc: tuple[Any, ...], schema: TomlSchema = STUDY_SCHEMA) -> str:
    parent = tuple(p for p in loc[:-1] if isinstance(p, str))
    special = schema.examples_at.get(parent, {})
    if name in special:
        return special[name]
    return schema.examples.get(name, f"{name} = ...")


def _translate(
    error: dict[str, Any], file: str, schema: TomlSchema = STUDY_SCHEMA
) -> StudyFileError:
    loc = tuple(error["loc"])
    kind = error["type"]
    key = key_path(loc)
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), key))
    if kind == "extra_forbidden":
        valid = _valid_keys(loc[:-1], schema)
        folded = {v.casefold(): v for v in valid}
        close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)
        hint: Hint = (
            ("hint_did_you_mean", "what", {"name": folded[close[0]]})
            if close
            else ("hint_valid_keys", "what", {"names": ", ".join(valid)})
        )
        return HintedStudyFileError(
            "toml_unknown_key", hints={"suggestion": hint}, name=name, file=file, key=key
        )
    if kind == "missing":
        return StudyFileError(
            "toml_missing_key",
            name=name,
            example=_example(name, loc, schema),
            file=file,
            key=key,
        )
    if kind == "literal_error":
        fields = {"choices": ", ".join(f'"{c}"' for c in schema.choices.get(name, ()))}
        code = "hint_choice"
    elif kind == "list_type" and name == "attributes":
        code, fields = "hint_type_tables", {}
    elif kind in ("list_type", "model_type") and name in schema.table_arrays:
        code, fields = "hint_type_table_array", {"header": schema.table_arrays[name]}
    else:
        code = kind if kind.startswith("hint_") else _TYPE_HINTS.get(kind, "")
        fields = {"example": _example(name, loc, schema), **(error.get("ctx") or {})}
    if not code:
        code = "hint_other" if schema.kind == "study.toml" else "hint_other_file"
        fields = {"reason": error.get("msg", kind), "kind": schema.kind}
    return HintedStudyFileError(
        "toml_bad_value",
        hints={"reason": (code, "what", fields), "fix": (code, "fix", fields)},
        value=error.get("input"),
        file=file,
        key=key,
    )


def validate_study_file(document: dict[str, Any], *, file: str) -> StudyFileModel:
    """Validate a parsed ``study.toml``.

    Parameters
    ----------
    document : dict
        The TOML document as parsed by :mod:`tomllib`.
    file : str
        Path of ``study.toml``, for messages.

    Returns
    -------
    StudyFileModel
        The validated content.

    Raises
    ------
    StudyFileError
        ``toml_unknown_key`` (with a "did you mean" hint), ``toml_missing_key`` or
        ``toml_bad_value``; the first problem found, unknown keys first (a misspelt key
        also makes a required key missing).
    """
    return validate_toml(StudyFileModel, document, file=file, schema=STUDY_SCHEMA)


def validate_toml(
    model_class: type[BaseModel],
    document: dict[str, Any],
    *,
    file: str,
    schema: TomlSchema,
) -> Any:
    """Validate a parsed TOML document against ``model_class``, with translated errors.

    Parameters
    ----------
    model_class : type of pydantic.BaseModel
        The model of the whole file; it must have a ``schema_version`` field.
    document : dict
        The TOML document as parsed by :mod:`tomllib`.
    file : str
        Path of the file, for messages.
    schema : TomlSchema
        Section models, choices and examples used in the messages.

    Returns
    -------
    pydantic.BaseModel
        The validated content (an instance of ``model_class``).

    Raises
    ------
    StudyFileError
        ``toml_unknown_key`` (with a "did you mean" hint), ``toml_missing_key`` or
        ``toml_bad_value``, naming ``file`` and the key path; unknown keys first.
    """
    try:
        model = model_class.model_validate(document)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        errors.sort(key=lambda e: e["type"] != "extra_forbidden")
        raise _translate(errors[0], file, schema) from None
    if model.schema_version not in SCHEMA_VERSIONS:  # type: ignore[attr-defined]
        raise HintedStudyFileError(
            "toml_bad_value",
            hints={
                "reason": ("hint_schema_version", "what", {}),
                "fix": ("hint_schema_version", "fix", {}),
            },
            value=model.schema_version,  # type: ignore[attr-defined]
            file=file,
            key="schema_version",
        )
    return model
