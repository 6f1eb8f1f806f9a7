"""Study folders and protocols: create one from a template, read its plan back, write outputs.

``shelflife protocol new`` (:func:`new_study`) writes a study folder::

    my-study/
      study.toml     [study], [[attributes]], [conditions] filled from the template and the
                     product preset, plus a [protocol] table with the plan and start date
      schedule.csv   the pull calendar (real dates per chamber)
      schedule.ics   the same as an iCalendar file for a phone calendar
      data.csv       the blank data sheet (or data.xlsx with --xlsx)

The lab fills the data sheet; ``shelflife analyze my-study`` reads it as any study folder
(the analysis ignores ``[protocol]``). A critical-moisture template writes the folder of
``docs/critical-moisture-study.md`` instead (``isotherm.csv`` and a weighing calendar; see
:mod:`shelflife.protocols.moisture`). :func:`read_plan` reads the plan back from
``study.toml`` (after the lab edited limits, chambers or pull times), and
:func:`write_schedule` / :func:`write_sheet` re-create the calendar and the sheet from it.
All files are written atomically and contain no timestamps.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Notice, StudyFileError
from ..io.output import unsafe_name, write_outputs
from ..io.schema import validate_study_file
from ..io.studyfile import STUDY_FILE, _locate, _parse_toml, _read
from ..io.table import storage_kelvin
from .filetext import (
    _comment,
    _head_comment,
    _protocol_head,
    _quantity_text,
    _source_comment,
    _toml_string,
)
from .model import Citation, ProductPreset, Protocol, ProtocolAttribute, format_number
from .moisture import is_moisture_document, read_moisture_plan
from .schedule import parse_start, schedule, schedule_csv, schedule_ics
from .schema import days_of, limit_of, rh_of
from .sheet import DATA_SHEET, data_sheet, sheet_csv, sheet_xlsx
from .templates import (
    batches_of,
    chambers_of,
    find_product,
    list_products,
    load_product,
    load_protocol,
)

__all__ = [
    "StudyPlan",
    "NewStudy",
    "new_study",
    "read_plan",
    "write_schedule",
    "write_sheet",
    "study_toml",
    "resolve_product",
    "SCHEDULE_CSV",
    "SCHEDULE_ICS",
    "SENSORY_PLAN_CSV",
    "panel_sheet_csv",
    "sensory_plan_csv",
]

#: File names of the calendar outputs inside a study folder.
SCHEDULE_CSV = "schedule.csv"
SCHEDULE_ICS = "schedule.ics"


@dataclass(frozen=True)
class StudyPlan:
    """A protocol applied to one study: the plan plus its start date and files.

    Attributes
    ----------
    protocol : Protocol
    start : datetime.date
        First day of storage (day 0).
    name, product : str
        Study identifier and product description (``[study]``).
    avoid_weekends : bool
        Move weekend pulls to weekdays (recorded in ``[protocol]``).
    data : str
        Data file name, relative to the folder (``"data.csv"``).
    sheet : str or None
        Worksheet of an Excel data file.
    folder : pathlib.Path or None
        The study folder (``None`` before it is written).
    """

    protocol: Protocol
    start: datetime.date
    name: str
    product: str = ""
    avoid_weekends: bool = False
    data: str = "data.csv"
    sheet: str | None = None
    folder: Path | None = None

    def schedule(self, *, avoid_weekends: bool | None = None, lang: str = "en"):
        """The pull calendar with real dates (:func:`shelflife.protocols.schedule`)."""
        avoid = self.avoid_weekends if avoid_weekends is None else avoid_weekends
        return schedule(self.protocol, self.start, avoid_weekends=avoid, lang=lang)

    def data_sheet(self, *, avoid_weekends: bool | None = None):
        """The blank data sheet (:func:`shelflife.protocols.data_sheet`)."""
        avoid = self.avoid_weekends if avoid_weekends is None else avoid_weekends
        return data_sheet(self.protocol, self.start, avoid_weekends=avoid)

    def notices(self) -> list[Notice]:
        """The protocol's notices (:meth:`Protocol.notices`)."""
        return self.protocol.notices()


@dataclass(frozen=True)
class NewStudy:
    """What :func:`new_study` made: the plan, the written files and notices for the lab."""

    plan: StudyPlan
    files: dict[str, str]
    notices: tuple[Notice, ...]


# ----------------------------------------------------------------------------- study.toml

_COMMENTS = {
    "en": {
        "head": (
            "Study folder created by `shelflife protocol new {template}`.",
            "Protocol: {title} (strength: {strength}).",
            "SOP: {sop} (see `shelflife protocol show {template}`).",
            "1. Pull samples on the dates in schedule.csv (or import schedule.ics into a "
            "calendar).",
            "2. Enter the measurements in {data}: one row per pull and replicate; keep the",
            "   units in the headers; leave a cell empty when a measurement is missing.",
            "3. Analyse: shelflife analyze <this folder> --out result",
            "Every limit is editable: its source is cited in the comment above it.",
        ),
        "analysis": "Analysis: {text}",
        "source": "Limit source: {text}",
        "status": {
            "official": "checked against the official text",
            "secondary": "secondary copy, not checked against the official text",
            "unverified": "UNVERIFIED: no cited source confirms it",
            "placeholder": "PLACEHOLDER: replace it with your product's limit",
            "user": "set in this file",
        },
        "no_source": "Limit source: none cited. PLACEHOLDER: replace it with your product's "
        "limit.",
        "plan": (
            "The plan. `shelflife protocol schedule` and `shelflife protocol sheet` read it;",
            "the analysis ignores it. Pull times are in time_unit, counted from start.",
        ),
    },
    "id": {
        "head": (
            "Folder studi dibuat dengan `shelflife protocol new {template}`.",
            "Protokol: {title} (kekuatan: {strength}).",
            "SOP: {sop} (lihat `shelflife protocol show {template} --lang id`).",
            "1. Ambil sampel pada tanggal di schedule.csv (atau impor schedule.ics ke kalender).",
            "2. Catat hasil pengukuran di {data}: satu baris per pengambilan dan ulangan;",
            "   pertahankan satuan di header; kosongkan sel bila pengukuran tidak ada.",
            "3. Analisis: shelflife analyze <folder ini> --out hasil --lang id",
            "Setiap batas dapat diubah: sumbernya dikutip pada komentar di atasnya.",
        ),
        "analysis": "Metode uji: {text}",
        "source": "Sumber batas: {text}",
        "status": {
            "official": "sudah dicocokkan dengan naskah resmi",
            "secondary": "salinan sekunder, belum dicocokkan dengan naskah resmi",
            "unverified": "BELUM TERVERIFIKASI: tidak ada sumber yang memastikannya",
            "placeholder": "SEMENTARA: ganti dengan batas produk Anda",
            "user": "ditetapkan di berkas ini",
        },
        "no_source": "Sumber batas: tidak ada. SEMENTARA: ganti dengan batas produk Anda.",
        "plan": (
            "Rencana studi. `shelflife protocol schedule` dan `shelflife protocol sheet`",
            "membacanya; analisis mengabaikannya. Waktu pengambilan dalam time_unit, dihitung",
            "dari start.",
        ),
    },
}


def study_toml(plan: StudyPlan, *, lang: str = "en") -> str:
    """The ``study.toml`` text of a study plan (deterministic, commented, in ``lang``).

    The comments cite each limit's source and the analytical method; the ``[protocol]``
    table records the template, preset, start date and the whole plan, so that
    :func:`read_plan` can rebuild it.
    """
    words = _COMMENTS.get(lang, _COMMENTS["en"])
    p = plan.protocol
    lines = _head_comment(words, plan, lang)
    lines += [
        "schema_version = 1",
        "",
        "[study]",
        f"name = {_toml_string(plan.name)}",
        f"product = {_toml_string(plan.product)}",
        f"data = {_toml_string(plan.data)}",
    ]
    if plan.sheet:
        lines.append(f"sheet = {_toml_string(plan.sheet)}")
    lines.append(f"method = {_toml_string(p.method)}")
    for a in p.attributes:
        lines.append("")
        lines += _comment(f"{a.display_name(lang)} [{a.unit}]")
        analysis = a.analysis_text(lang)
        if analysis:
            lines += _comment(words["analysis"].format(text=analysis))
        src = a.limit_source
        if src is None:
            lines += _comment(words["no_source"])
        else:
            lines += _source_comment(words, src, lang)
        lines += [
            "[[attributes]]",
            f"name = {_toml_string(a.name)}",
            f"label = {_toml_string(a.display_name(lang))}",
        ]
        if a.unit:
            lines.append(f"unit = {_toml_string(a.unit)}")
        lines.append(f"limit = {float(a.limit)!r}")
        if src is not None and src.status != "placeholder":
            lines.append(f"limit_source = {_toml_string(src.short)}")
        lines += [
            f"direction = {_toml_string(a.direction)}",
            f"model = {_toml_string(a.model)}",
            f"temperature_model = {_toml_string(a.temperature_model)}",
        ]
        if a.reaction:
            lines.append(f"reaction = {_toml_string(a.reaction)}")
        if a.kind != "chemical":
            lines += [
                f"kind = {_toml_string(a.kind)}",
                f"secondary = {_toml_string(a.secondary)}",
            ]
    if p.sensory is not None:
        lines += _sensory_toml(plan, lang=lang)
    storage = ", ".join(_toml_string(_quantity_text(t)) for t in p.storage_temperatures)
    lines += ["", "[conditions]", f"storage = [{storage}]"]
    if p.storage_rh is not None:
        lines.append(f"rh = {_toml_string(format_number(p.storage_rh) + ' %')}")
    lines.append("")
    lines += _protocol_head(words, plan)
    lines += [
        f"time_unit = {_toml_string(p.time_unit)}",
        f"replicates = {p.replicates}",
        f"pull_window = {_toml_string(format_number(p.pull_window) + ' day')}",
        f"avoid_weekends = {'true' if plan.avoid_weekends else 'false'}",
    ]
    if p.batches:
        lines.append(f"batches = [{', '.join(_toml_string(b) for b in p.batches)}]")
    per_unit = p.unit_days
    for c in p.chambers:
        lines += [
            "",
            "[[protocol.chambers]]",
            f"temperature = {_toml_string(_quantity_text(c.temperature))}",
        ]
        if c.rh is not None:
            lines.append(f"rh = {_toml_string(format_number(c.rh) + ' %')}")
        pulls = ", ".join(format_number(d / per_unit) for d in c.pulls)
        lines.append(f"pulls = [{pulls}]")
    return "\n".join(lines) + "\n"


_SENSORY_COMMENTS = {
    "en": (
        'Consumer panel ({consumers} consumers, Hough\'s survival method). Question: "{question}"',
        "Enter one row per consumer and storage time in {data}: answer yes/no (accept/reject,",
        "ya/tidak, terima/tolak). Storage times are the pulls of the {temperature} chamber.",
    ),
    "id": (
        'Panel konsumen ({consumers} konsumen, metode survival Hough). Pertanyaan: "{question}"',
        "Isi satu baris per konsumen dan waktu simpan di {data}: jawaban ya/tidak (terima/tolak,",
        "yes/no). Waktu simpan = waktu pengambilan ruang {temperature}.",
    ),
}


def _sensory_toml(plan: StudyPlan, *, lang: str) -> list[str]:
    """The ``[[sensory]]`` table of a protocol with a consumer panel (and its comment)."""
    s = plan.protocol.sensory
    assert s is not None
    words = _SENSORY_COMMENTS.get(lang, _SENSORY_COMMENTS["en"])
    question = s.question_id if lang == "id" else s.question
    temperature = plan.protocol.chambers[0].label(lang)
    text = "\n".join(words).format(
        consumers=s.consumers, question=question, data=s.data, temperature=temperature
    )
    lines = ["", *(f"# {line}" for line in text.split("\n"))]
    lines += [
        "[[sensory]]",
        f"name = {_toml_string(s.name)}",
        f"data = {_toml_string(s.data)}",
        f"distribution = {_toml_string(s.distribution)}",
        f"rejection = {_toml_string(s.rejection)}",
        f"label = {_toml_string(s.display_name(lang))}",
    ]
    return lines


def panel_sheet_csv(plan: StudyPlan) -> str:
    """The blank consumer-panel sheet: one row per consumer and storage time.

    Columns ``consumer, time [<time_unit>], temperature [°C], answer`` (the answer empty), the
    storage times being the pulls of the first chamber.
    """
    import csv
    import io

    p = plan.protocol
    s = p.sensory
    assert s is not None
    chamber = p.chambers[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["consumer", f"time [{p.time_unit}]", "temperature [°C]", "answer"])
    width = len(str(s.consumers))
    for c in range(1, s.consumers + 1):
        for day in chamber.pulls:
            writer.writerow(
                [
                    f"C{c:0{width}d}",
                    format_number(day / p.unit_days),
                    format_number(chamber.celsius),
                    "",
                ]
            )
    return out.getvalue()


#: The staggered-start calendar of a reversed-design consumer panel.
SENSORY_PLAN_CSV = "sensory_plan.csv"


def sensory_plan_csv(plan: StudyPlan) -> str:
    """The reversed storage design as a calendar: when each age group enters the chamber.

    With ``design = "reversed"`` the oldest group enters storage on the start date (day 0)
    and a group of age *a* on ``start + (oldest - a)`` days, so that every group reaches its
    age on the same session day, ``start + oldest``. With ``design = "basic"`` all groups
    enter on the start date and are tasted when they reach their age.
    """
    import csv
    import io

    p = plan.protocol
    s = p.sensory
    assert s is not None
    chamber = p.chambers[0]
    oldest = round(max(chamber.pulls))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["group", f"age [{p.time_unit}]", "temperature [°C]", "into_storage", "tasting"]
    )
    order = sorted(chamber.pulls, reverse=True)
    for i, day in enumerate(order, start=1):
        age = round(day)
        if s.design == "reversed":
            into = plan.start + datetime.timedelta(days=oldest - age)
            tasting = plan.start + datetime.timedelta(days=oldest)
        else:
            into = plan.start
            tasting = plan.start + datetime.timedelta(days=age)
        writer.writerow(
            [
                i,
                format_number(day / p.unit_days),
                format_number(chamber.celsius),
                into.isoformat(),
                tasting.isoformat(),
            ]
        )
    return out.getvalue()


# --------------------------------------------------------------------------- read a plan


def _template_or_none(name: str, folder: Path) -> Protocol | None:
    """The template a study names, if it can still be found (by name or relative path)."""
    try:
        return load_protocol(name)
    except InputError:
        pass
    candidate = folder / name
    if candidate.suffix == ".toml" and candidate.is_file():
        try:
            return load_protocol(str(candidate))
        except InputError:
            return None
    return None


def _preset_or_none(key: str | None) -> ProductPreset | None:
    """The product preset a study names, if any and if it can still be found."""
    if not key:
        return None
    try:
        return load_product(key)
    except InputError:
        return None


def _plan_of(protocol: Protocol, spec: Any, section: Any, *, file: str, folder: Path) -> StudyPlan:
    """The :class:`StudyPlan` of a read ``study.toml``: ``[study]`` names, ``[protocol]`` dates.

    ``spec`` is the validated file (its ``study`` table), ``section`` its ``[protocol]``
    table (``start``, ``avoid_weekends``).
    """
    return StudyPlan(
        protocol=protocol,
        start=parse_start(section.start, key="protocol.start", file=file),
        name=spec.study.name,
        product=spec.study.product,
        avoid_weekends=section.avoid_weekends,
        data=spec.study.data,
        sheet=spec.study.sheet,
        folder=folder,
    )


def read_plan(path: str | os.PathLike[str]) -> StudyPlan:
    """Read the plan of a study folder from its ``study.toml`` (``[protocol]`` table).

    Limits, attributes, chambers, pull times, replicates and the start date are taken from
    ``study.toml`` as the lab may have edited them. Titles, SOPs and sources come from the
    template and preset named there, when they can still be found; an attribute whose limit
    still equals the preset's keeps the preset's citation, an edited limit is marked as set
    by the user.

    Parameters
    ----------
    path : str or os.PathLike
        The study folder or its ``study.toml``.

    Raises
    ------
    StudyFileError
        ``study_no_protocol`` when there is no ``[protocol]`` table; the schema errors of
        ``study.toml`` (``toml_bad_value`` at ``protocol.start`` for a bad date...).
    UnitError, InputError
        As for protocol templates (units, pull times, duplicate chambers), with the key in
        ``study.toml``.
    """
    toml_path, folder = _locate(Path(path))
    file = str(toml_path)
    document = _parse_toml(_read(toml_path, base=folder), file)
    if is_moisture_document(document):
        return read_moisture_plan(document, file=file, folder=folder)
    spec = validate_study_file(document, file=file)
    section = spec.protocol
    if section is None:
        raise StudyFileError("study_no_protocol", file=file, key="protocol")
    chambers = chambers_of(section, file=file, prefix="protocol")
    template = _template_or_none(section.template, folder)
    preset = _preset_or_none(section.preset)
    known = {a.name: a for a in (preset.attributes if preset else ())}
    attributes = []
    for i, a in enumerate(spec.attributes):
        limit = limit_of(a, file=file, key=f"attributes[{i}].limit")
        ref = known.get(a.name)
        source = None
        if ref is not None:
            same = ref.limit == limit and ref.unit == (a.unit or "")
            source = ref.limit_source if same else None
        if source is None:
            source = Citation(
                short="study.toml",
                citation=f"Limit set in {toml_path.name}.",
                category="lab_default",
                status="user",
            )
        attributes.append(
            ProtocolAttribute(
                name=a.name,
                unit=a.unit or "",
                limit=limit,
                direction=a.direction,
                model=a.model,
                temperature_model=a.temperature_model,
                reaction=a.reaction,
                label=a.label,
                label_id=ref.label_id if ref else None,
                analysis=ref.analysis if ref else None,
                analysis_id=ref.analysis_id if ref else None,
                limit_source=source,
                kind=a.kind,
                secondary=a.secondary,
            )
        )
    sources = tuple(
        dict.fromkeys(
            (*(template.sources if template else ()), *(preset.sources if preset else ()))
        )
    )
    method = spec.study.method
    sensory = None
    if spec.sensory:
        from .model import SensoryPlan

        base = template.sensory if template and template.sensory else SensoryPlan()
        table = spec.sensory[0]
        sensory = dataclasses.replace(
            base,
            name=table.name,
            data=table.data,
            distribution=table.distribution,
            rejection=str(table.rejection),
            label=table.label or base.label,
        )
    protocol = Protocol(
        name=section.template,
        title=template.title if template else section.template,
        title_id=template.title_id if template else section.template,
        kind=template.kind if template else ("real_time" if method == "ich_q1e" else "aslt"),
        method=method,
        strength=section.strength,
        chambers=chambers,
        replicates=section.replicates,
        pull_window=days_of(section.pull_window, file=file, key="protocol.pull_window"),
        storage_temperatures=storage_kelvin(
            spec.conditions.storage, file=file, key="conditions.storage"
        ),
        storage_rh=rh_of(spec.conditions.rh, file=file, key="conditions.rh"),
        attributes=tuple(attributes),
        time_unit=section.time_unit,
        batches=batches_of(section.batches),
        sources=sources,
        sop=template.sop if template else {},
        summary=template.summary if template else "",
        summary_id=template.summary_id if template else "",
        product=preset,
        file=template.file if template else None,
        sensory=sensory,
    )
    return _plan_of(protocol, spec, section, file=file, folder=folder)


# --------------------------------------------------------------------------- write files


def write_bytes(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically (temporary file, then rename).

    The one-file form of :func:`shelflife.io.output.write_outputs` (same coded errors:
    ``output_name_unsafe``, ``output_not_writable``, ``output_disk_full``,
    ``output_error``).
    """
    path = Path(path)
    return write_outputs(path.parent, {path.name: data})[path.name]


def _calendar_files(plan: StudyPlan, *, avoid_weekends: bool, lang: str) -> dict[str, str]:
    if plan.protocol.isotherm is not None:
        from .moisture import calendar_files

        return calendar_files(plan, avoid_weekends=avoid_weekends, lang=lang)
    table = plan.schedule(avoid_weekends=avoid_weekends, lang=lang)
    return {
        SCHEDULE_CSV: schedule_csv(table, plan.protocol.time_unit),
        SCHEDULE_ICS: schedule_ics(
            table, plan.protocol, study=plan.name, start=plan.start, lang=lang
        ),
    }


def write_schedule(
    plan: StudyPlan | str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    avoid_weekends: bool | None = None,
    lang: str = "en",
) -> dict[str, str]:
    """Write ``schedule.csv`` and ``schedule.ics`` (atomically) for a study plan.

    Parameters
    ----------
    plan : StudyPlan or path
        A plan, or a study folder to read it from (:func:`read_plan`).
    out : path, optional
        Output folder; default the study folder.
    avoid_weekends : bool, optional
        Override the plan's ``avoid_weekends`` (``None``: as recorded in ``study.toml``).
    lang : {"en", "id"}
        Language of notes and event texts.

    Returns
    -------
    dict
        File name -> written path.
    """
    if not isinstance(plan, StudyPlan):
        plan = read_plan(plan)
    folder = Path(out) if out is not None else plan.folder
    if folder is None:
        raise InputError("output_error", reason="no output folder given")
    avoid = plan.avoid_weekends if avoid_weekends is None else avoid_weekends
    return write_outputs(folder, _calendar_files(plan, avoid_weekends=avoid, lang=lang))


def _sheet_bytes(plan: StudyPlan, *, xlsx: bool, avoid: bool, lang: str) -> bytes:
    if plan.protocol.isotherm is not None:
        from .moisture import isotherm_csv, isotherm_sheet

        if xlsx:
            raise InputError("protocol_moisture_sheet_csv", file=plan.data)
        return isotherm_csv(isotherm_sheet(plan.protocol)).encode("utf-8")
    sheet = plan.data_sheet(avoid_weekends=avoid)
    if not xlsx:
        return sheet_csv(sheet).encode("utf-8")
    table = plan.schedule(avoid_weekends=avoid, lang=lang)
    return sheet_xlsx(sheet, table, time_unit=plan.protocol.time_unit, lang=lang, stamp=plan.start)


def write_sheet(
    plan: StudyPlan | str | os.PathLike[str],
    path: str | os.PathLike[str] | None = None,
    *,
    xlsx: bool = False,
    force: bool = False,
    avoid_weekends: bool | None = None,
    lang: str = "en",
) -> str:
    """Write the blank data-entry sheet of a study (CSV, or XLSX with ``xlsx=True``).

    Parameters
    ----------
    plan : StudyPlan or path
        A plan, or a study folder to read it from.
    path : path, optional
        Output file; default the study's data file name with ``.csv`` or ``.xlsx``.
    xlsx : bool
        Write an Excel workbook (``Data`` and ``Plan`` sheets, data validation).
    force : bool
        Replace an existing file (which may hold the lab's data).
    avoid_weekends : bool, optional
        Override the plan's ``avoid_weekends`` (``None``: as recorded in ``study.toml``).
    lang : {"en", "id"}
        Language of the Excel input messages and plan sheet.

    Returns
    -------
    str
        The written path.

    Raises
    ------
    InputError
        ``sheet_exists`` when the file exists and ``force`` is false.
    """
    if not isinstance(plan, StudyPlan):
        plan = read_plan(plan)
    if path is None:
        if plan.folder is None:
            raise InputError("output_error", reason="no output file given")
        path = plan.folder / (Path(plan.data).stem + (".xlsx" if xlsx else ".csv"))
    target = Path(path)
    if target.exists() and not force:
        raise InputError("sheet_exists", file=str(target))
    avoid = plan.avoid_weekends if avoid_weekends is None else avoid_weekends
    return write_bytes(target, _sheet_bytes(plan, xlsx=xlsx, avoid=avoid, lang=lang))


# ----------------------------------------------------------------------------- new study


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def resolve_product(
    product: str | os.PathLike[str] | None,
) -> tuple[ProductPreset | None, str]:
    """The preset and the product text that ``--product KEY_OR_TEXT`` stands for.

    A preset key gives that preset and its name; a path ending in ``.toml`` a preset file; any
    other text the preset it names (:func:`find_product`, or ``None``) and the text itself.

    Examples
    --------
    >>> preset, text = resolve_product("Sambal roa, 150 g jar")
    >>> preset.key, text
    ('sambal', 'Sambal roa, 150 g jar')
    """
    if product is None:
        return None, ""
    text = str(product)
    if isinstance(product, os.PathLike) or text.endswith(".toml"):
        preset = load_product(text)
        return preset, preset.name
    if text.strip() in list_products():
        preset = load_product(text.strip())
        return preset, preset.name
    return find_product(text), text.strip()


def _with_product(
    protocol: Protocol,
    start: datetime.date | str,
    product: str | os.PathLike[str] | None,
    *,
    generic: str,
) -> tuple[datetime.date, Protocol, str, list[Notice]]:
    """Day 0, the protocol with the product's preset, the product text, and notices.

    A product text that names no preset keeps the template's generic values, with the
    notice ``generic`` (a message code) naming the presets.
    """
    day0 = parse_start(start, key="start")
    preset, product_text = resolve_product(product)
    notices: list[Notice] = []
    if preset is not None:
        protocol = protocol.with_product(preset)
    elif product_text:
        notices.append(
            Notice(
                generic,
                "plausibility",
                None,
                {"product": product_text, "names": ", ".join(list_products())},
            )
        )
    return day0, protocol, product_text, notices


def _refuse_existing(folder: Path, names: Iterable[str]) -> None:
    """Raise ``study_folder_exists`` when any of the study files is already in ``folder``."""
    present = [n for n in names if (folder / n).exists()]
    if present:
        raise InputError("study_folder_exists", names=", ".join(present), file=str(folder))


def _study_name(
    name: str | None, product_text: str, protocol: Protocol, day0: datetime.date
) -> str:
    """The study identifier: ``name``, or from the product (or template) and the start date."""
    base = product_text or protocol.name
    return name or f"{_slug(base)[:40].strip('-') or 'study'}-{day0.isoformat()}"


_OUTPUTS = (STUDY_FILE, SCHEDULE_CSV, SCHEDULE_ICS, "data.csv", "data.xlsx")


def new_study(
    template: str | Protocol,
    out: str | os.PathLike[str],
    *,
    start: datetime.date | str,
    product: str | os.PathLike[str] | None = None,
    name: str | None = None,
    lang: str = "en",
    avoid_weekends: bool = False,
    xlsx: bool = False,
) -> NewStudy:
    """Create a study folder from a protocol template and a product.

    Parameters
    ----------
    template : str or Protocol
        Template name (``"aslt-arrhenius"``), path of a template file, or a protocol.
    out : path
        The new study folder; created if missing. Existing study files in it are never
        overwritten.
    start : datetime.date or str
        First day of storage, ``"2027-01-04"``.
    product : str or path, optional
        A preset key (``"keripik"``), a free-text description that names a preset
        (``"Keripik tempe, PP bag"``), a preset file, or any product description (then the
        template's generic attributes are used, with a notice).
    name : str, optional
        Study identifier; default from the product (or template) and the start date.
    lang : {"en", "id"}
        Language of the comments, calendar texts and labels.
    avoid_weekends : bool
        Move weekend pulls to weekdays (recorded in ``study.toml``).
    xlsx : bool
        Write ``data.xlsx`` (``sheet = "Data"``) instead of ``data.csv`` (not for the
        critical-moisture template, whose isotherm sheet is always CSV).

    Returns
    -------
    NewStudy
        The plan, the written files (name -> path) and the notices for the lab.

    Raises
    ------
    InputError
        ``start_date_invalid``, ``study_folder_exists``, ``protocol_unknown``,
        ``product_unknown``, ``output_error``.

    Examples
    --------
    >>> import tempfile
    >>> made = new_study("aslt-arrhenius", tempfile.mkdtemp(), product="kopi_bubuk",
    ...                  start="2027-01-04")
    >>> sorted(made.files)
    ['data.csv', 'schedule.csv', 'schedule.ics', 'study.toml']
    """
    protocol = template if isinstance(template, Protocol) else load_protocol(template)
    if protocol.isotherm is not None:
        from .moisture import new_moisture_study

        return new_moisture_study(
            protocol,
            out,
            start=start,
            product=product,
            name=name,
            lang=lang,
            avoid_weekends=avoid_weekends,
            xlsx=xlsx,
        )
    day0, protocol, product_text, notices = _with_product(
        protocol, start, product, generic="protocol_generic_attributes"
    )
    notices += protocol.notices()
    folder = Path(out)
    outputs = _OUTPUTS
    if protocol.sensory is not None:
        panel = protocol.sensory.data  # a name from the protocol file: a file in the folder
        if unsafe_name(panel) or panel in (*_OUTPUTS, SENSORY_PLAN_CSV) or panel[0] == ".":
            raise InputError("output_name_unsafe", name=repr(panel), key="sensory.data")
        outputs += (panel, SENSORY_PLAN_CSV)
    _refuse_existing(folder, outputs)
    study_name = _study_name(name, product_text, protocol, day0)
    data = "data.xlsx" if xlsx else "data.csv"
    plan = StudyPlan(
        protocol=protocol,
        start=day0,
        name=study_name,
        product=product_text,
        avoid_weekends=avoid_weekends,
        data=data,
        sheet=DATA_SHEET if xlsx else None,
        folder=folder,
    )
    text = study_toml(plan, lang=lang)
    validate_study_file(tomllib.loads(text), file=str(folder / STUDY_FILE))  # self-check
    sheet = _sheet_bytes(plan, xlsx=xlsx, avoid=avoid_weekends, lang=lang)
    files = {STUDY_FILE: text, **_calendar_files(plan, avoid_weekends=avoid_weekends, lang=lang)}
    if protocol.sensory is not None:
        files[protocol.sensory.data] = panel_sheet_csv(plan)
        files[SENSORY_PLAN_CSV] = sensory_plan_csv(plan)
    files[data] = sheet
    written = write_outputs(folder, files)  # all files or none
    return NewStudy(
        plan=dataclasses.replace(plan, folder=folder), files=written, notices=tuple(notices)
    )
