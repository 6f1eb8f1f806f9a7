"""The ``study.toml`` schema (DESIGN.md §4) as pydantic models, with our own error messages.

Pydantic validates; :func:`validate_study_file` translates each pydantic error into a
:class:`~shelflife.errors.StudyFileError` with the key path (``attributes[0].limit``, list
indices counted from 0) and a fix in English and Bahasa Indonesia.
"""

from __future__ import annotations

import difflib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from ..errors import StudyFileError
from ..library import reaction_classes
from ..study import METHODS, MODEL_CHOICES, TEMPERATURE_MODEL_CHOICES
from ._hints import Hint, HintedStudyFileError

__all__ = [
    "StudyFileModel",
    "StudySection",
    "AttributeSection",
    "ConditionsSection",
    "validate_study_file",
    "SCHEMA_VERSIONS",
]

#: ``schema_version`` values this release reads.
SCHEMA_VERSIONS = (1,)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StudySection(_Section):
    """``[study]``: what was tested and where the data are."""

    name: str = Field(min_length=1)
    product: str = ""
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
    model: Literal[MODEL_CHOICES] = "auto"  # type: ignore[valid-type]
    temperature_model: Literal[TEMPERATURE_MODEL_CHOICES] = "arrhenius"  # type: ignore[valid-type]
    label: str | None = None
    reaction: str | None = None
    initial: Literal[("common", "per_temperature")] = "common"  # type: ignore[valid-type]

    @field_validator("limit", mode="before")
    @classmethod
    def _number_or_quantity(cls, value: Any) -> Any:
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


class StudyFileModel(_Section):
    """The whole ``study.toml``."""

    schema_version: int
    study: StudySection
    attributes: list[AttributeSection] = Field(min_length=1)
    conditions: ConditionsSection = ConditionsSection()


_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): StudyFileModel,
    ("study",): StudySection,
    ("attributes",): AttributeSection,
    ("conditions",): ConditionsSection,
}

_CHOICES = {
    "direction": ("max", "min"),
    "model": MODEL_CHOICES,
    "temperature_model": TEMPERATURE_MODEL_CHOICES,
    "method": METHODS,
    "initial": ("common", "per_temperature"),
}

_EXAMPLES = {
    "schema_version": "schema_version = 1",
    "study": "[study]",
    "name": 'name = "peroxide_value"',
    "data": 'data = "data.csv"',
    "attributes": "[[attributes]]",
    "limit": "limit = 10.0",
    "direction": 'direction = "max"',
    "storage": 'storage = ["30 degC"]',
    "rh": 'rh = "75 %"',
    "method": 'method = "kinetics"',
    "reaction": 'reaction = "lipid_oxidation"',
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
}


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


def _valid_keys(loc: tuple[Any, ...]) -> list[str]:
    model = _MODELS.get(tuple(p for p in loc if isinstance(p, str)))
    return list(model.model_fields) if model else []


def _example(name: str, loc: tuple[Any, ...]) -> str:
    if name == "name" and loc[:1] == ("study",):
        return 'name = "keripik-tempe-2026"'
    return _EXAMPLES.get(name, f"{name} = ...")


def _translate(error: dict[str, Any], file: str) -> StudyFileError:
    loc = tuple(error["loc"])
    kind = error["type"]
    key = key_path(loc)
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), key))
    if kind == "extra_forbidden":
        valid = _valid_keys(loc[:-1])
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
            "toml_missing_key", name=name, example=_example(name, loc), file=file, key=key
        )
    if kind == "literal_error":
        fields = {"choices": ", ".join(f'"{c}"' for c in _CHOICES.get(name, ()))}
        code = "hint_choice"
    elif kind == "list_type" and name == "attributes":
        code, fields = "hint_type_tables", {}
    else:
        code = kind if kind.startswith("hint_") else _TYPE_HINTS.get(kind, "")
        fields = {"example": _example(name, loc), **(error.get("ctx") or {})}
    if not code:
        code, fields = "hint_other", {"reason": error.get("msg", kind)}
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
    try:
        model = StudyFileModel.model_validate(document)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        errors.sort(key=lambda e: e["type"] != "extra_forbidden")
        raise _translate(errors[0], file) from None
    if model.schema_version not in SCHEMA_VERSIONS:
        raise HintedStudyFileError(
            "toml_bad_value",
            hints={
                "reason": ("hint_schema_version", "what", {}),
                "fix": ("hint_schema_version", "fix", {}),
            },
            value=model.schema_version,
            file=file,
            key="schema_version",
        )
    return model
