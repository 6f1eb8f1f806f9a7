"""A critical-moisture study folder: create one from a template, read its plan back.

:func:`new_moisture_study` writes ``study.toml``, a blank ``isotherm.csv`` and the weighing
calendar (``schedule.csv``, ``schedule.ics``); :func:`read_moisture_plan` rebuilds the plan
from the ``[protocol]`` table of a ``study.toml`` that declares
``method = "critical_moisture"`` (:func:`is_moisture_document`).
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ...errors import Notice
from ...io.schema import PlanOrigin, TomlSchema, _Section, validate_toml
from ..model import Protocol
from ..schema import MOISTURE_PROTOCOL_SCHEMA, IsothermSection, kelvin_of, rh_of
from .calendar import calendar_files
from .sheet import ISOTHERM_SHEET, isotherm_csv, isotherm_sheet
from .studytoml import check_moisture_toml, moisture_study_toml
from .template import isotherm_plan

if TYPE_CHECKING:  # pragma: no cover
    import os

    from ..folder import NewStudy, StudyPlan

__all__ = [
    "new_moisture_study",
    "StudyIsothermSection",
    "is_moisture_document",
    "read_moisture_plan",
]


def new_moisture_study(
    protocol: Protocol,
    out: str | os.PathLike[str],
    *,
    start: datetime.date | str,
    product: str | os.PathLike[str] | None = None,
    name: str | None = None,
    lang: str = "en",
    avoid_weekends: bool = False,
    xlsx: bool = False,
) -> NewStudy:
    """Create a critical-moisture study folder (see :func:`shelflife.protocols.new_study`).

    Writes ``study.toml``, a blank ``isotherm.csv`` and the weighing calendar
    ``schedule.csv`` / ``schedule.ics``. ``xlsx`` is not supported for the isotherm sheet
    (a notice says so; the CSV is written).
    """
    from ...io.output import write_outputs
    from ..folder import (
        SCHEDULE_CSV,
        SCHEDULE_ICS,
        NewStudy,
        StudyPlan,
        _refuse_existing,
        _study_name,
        _with_product,
    )

    day0, protocol, product_text, notices = _with_product(
        protocol, start, product, generic="protocol_moisture_generic"
    )
    if xlsx:
        notices.append(Notice("protocol_moisture_xlsx_ignored", "design", None, {}))
    notices += protocol.notices()
    folder = Path(out)
    _refuse_existing(folder, ("study.toml", SCHEDULE_CSV, SCHEDULE_ICS, ISOTHERM_SHEET))
    study_name = _study_name(name, product_text, protocol, day0)
    plan = StudyPlan(
        protocol=protocol,
        start=day0,
        name=study_name,
        product=product_text,
        avoid_weekends=avoid_weekends,
        data=ISOTHERM_SHEET,
        sheet=None,
        folder=folder,
    )
    text = moisture_study_toml(plan, lang=lang)
    check_moisture_toml(text, file=str(folder / "study.toml"))
    files = {
        "study.toml": text,
        ISOTHERM_SHEET: isotherm_csv(isotherm_sheet(protocol)),
        **calendar_files(plan, avoid_weekends=avoid_weekends, lang=lang),
    }
    written = write_outputs(folder, files)
    notices.append(
        Notice(
            "protocol_moisture_next_steps",
            "design",
            None,
            {
                "schedule": written[SCHEDULE_CSV],
                "data": written[ISOTHERM_SHEET],
                "toml": written["study.toml"],
                "folder": str(folder),
            },
        )
    )
    ordered = {k: written[k] for k in ("study.toml", ISOTHERM_SHEET, SCHEDULE_CSV, SCHEDULE_ICS)}
    return NewStudy(plan=plan, files=ordered, notices=tuple(notices))


# ----------------------------------------------------------------------- read the plan


class StudyIsothermSection(PlanOrigin, IsothermSection):
    """``[protocol]`` of a critical-moisture ``study.toml``: the isotherm plan and its origin."""


class _StudyPart(_Section):
    name: str = Field(min_length=1)
    product: str = ""
    data: str = Field(min_length=1)
    sheet: str | None = None
    notes: str | None = None
    method: Literal[("critical_moisture",)]  # type: ignore[valid-type]


class _ConditionsPart(_Section):
    temperature: str = "30 degC"
    rh: str = "75 %"
    history: str | None = None


class _PlanOnlyFile(_Section):
    """What :func:`read_moisture_plan` needs of a study.toml; other tables pass through."""

    model_config = _Section.model_config | {"extra": "ignore"}
    schema_version: int
    study: _StudyPart
    conditions: _ConditionsPart = _ConditionsPart()
    protocol: StudyIsothermSection | None = None


_PLAN_SCHEMA = TomlSchema(
    models={
        (): _PlanOnlyFile,
        ("study",): _StudyPart,
        ("conditions",): _ConditionsPart,
        ("protocol",): StudyIsothermSection,
    },
    choices={**MOISTURE_PROTOCOL_SCHEMA.choices, "method": ("critical_moisture",)},
    examples={**MOISTURE_PROTOCOL_SCHEMA.examples, "template": 'template = "critical-moisture"'},
    kind="study.toml",
)


def is_moisture_document(document: dict[str, Any]) -> bool:
    """Whether a parsed study.toml declares ``method = "critical_moisture"``."""
    study = document.get("study")
    return isinstance(study, dict) and study.get("method") == "critical_moisture"


def read_moisture_plan(document: dict[str, Any], *, file: str, folder: Path) -> StudyPlan:
    """The plan of a critical-moisture study folder, from its ``[protocol]`` table.

    The isotherm plan, start date, storage condition and preset are those of ``study.toml``
    (as the lab edited them); titles, SOPs, sources and the default moisture, package and
    packaging values come from the template. The analysis reads the lab's ``[moisture]``,
    ``[package]`` and ``[[packaging]]`` itself.

    Raises
    ------
    StudyFileError
        ``study_no_protocol`` without a ``[protocol]`` table; schema errors of ``[study]``,
        ``[conditions]`` and ``[protocol]``, located.
    InputError, UnitError
        As for templates, with keys ``protocol.*``.
    """
    from ...errors import StudyFileError
    from ..folder import _plan_of, _preset_or_none, _template_or_none

    spec = validate_toml(_PlanOnlyFile, document, file=file, schema=_PLAN_SCHEMA)
    section = spec.protocol
    if section is None:
        raise StudyFileError("study_no_protocol", file=file, key="protocol")
    template = _template_or_none(section.template, folder)
    base = template.isotherm if template is not None else None
    plan = isotherm_plan(
        section,
        file=file,
        prefix="protocol",
        table=dict(base.aw_table) if base else None,
        table_temperature=base.aw_table_temperature if base else None,
        aw_source=base.aw_source if base else None,
        criterion_source=base.criterion_source if base else None,
    )
    preset = _preset_or_none(section.preset)
    storage_t = kelvin_of(spec.conditions.temperature, file=file, key="conditions.temperature")
    storage_rh = rh_of(spec.conditions.rh, file=file, key="conditions.rh")
    if template is not None:
        protocol = dataclasses.replace(
            template,
            isotherm=plan,
            replicates=plan.replicates,
            strength=section.strength,
            storage_temperatures=(storage_t,),
            storage_rh=storage_rh,
            product=preset,
        )
    else:
        protocol = Protocol(
            name=section.template,
            title=section.template,
            title_id=section.template,
            kind="critical_moisture",
            method="critical_moisture",
            strength=section.strength,
            chambers=(),
            replicates=plan.replicates,
            pull_window=0.0,
            storage_temperatures=(storage_t,),
            storage_rh=storage_rh,
            attributes=(),
            isotherm=plan,
            product=preset,
        )
    return _plan_of(protocol, spec, section, file=file, folder=folder)
