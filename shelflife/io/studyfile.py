"""Read a study folder: ``study.toml`` plus the data sheet it names (DESIGN.md §4)."""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import io
import os
import re
import tomllib
from pathlib import Path

from ..errors import InputError, StudyFileError
from ..study import Attribute, ReportMeta, Study
from ._hints import relocate
from .columns import find_header
from .datasheet import read_table
from .headers import normalise
from .limits import MAX_TOML_BYTES, read_bounded
from .schema import StudyFileModel, validate_study_file
from .table import (
    convert_limit,
    resolve_unit,
    rh_fraction_notice,
    storage_kelvin,
    study_from_table,
)

__all__ = ["read_study", "data_file", "STUDY_FILE"]

#: Name of the study description inside a study folder.
STUDY_FILE = "study.toml"


def read_study(path: str | os.PathLike[str]) -> Study:
    """Read and validate a study folder.

    Parameters
    ----------
    path : str or os.PathLike
        The study folder (containing ``study.toml``) or the ``study.toml`` file itself.

    Returns
    -------
    Study or MoistureStudy
        A folder whose ``[study] method`` is ``"critical_moisture"`` gives a
        :class:`~shelflife.critical.MoistureStudy` (see ``docs/critical-moisture-study.md``).
        Otherwise: measurements in working units (time [day], temperature [K], attributes [their
        unit]), attributes with limits [attribute unit], storage temperatures [K].
        ``Study.source`` records ``study_file``, ``data_file`` and ``sha256`` (file name ->
        hex digest of both files); ``Study.report_meta`` holds the optional ``[report]``
        table (analyst, reviewer, laboratory, date of the sign-off).

    Raises
    ------
    StudyFileError
        ``study.toml`` is not valid TOML (``toml_syntax``, with the line as ``row``) or does
        not follow the schema (``toml_unknown_key``, ``toml_missing_key``,
        ``toml_bad_value``, with the key path as ``key``).
    UnitError
        A limit or storage temperature has no unit, an unknown unit or one of the wrong
        dimension (``key`` names it).
    InputError
        The data file is missing, empty or invalid (``file`` is the data file).

    Examples
    --------
    >>> study = read_study("my-study")  # doctest: +SKIP
    >>> study.storage_temperatures  # doctest: +SKIP
    (303.15,)
    """
    from ..critical.reader import is_moisture_study

    if is_moisture_study(path):
        from ..critical.reader import read_moisture_study

        return read_moisture_study(path)  # type: ignore[return-value]
    toml_path, folder = _locate(Path(path))
    raw = _read(toml_path, base=folder)
    spec = validate_study_file(_parse_toml(raw, str(toml_path)), file=str(toml_path))
    storage = storage_kelvin(
        spec.conditions.storage, file=str(toml_path), key="conditions.storage"
    )
    data_path = data_file(folder, spec.study.data, file=str(toml_path), key="study.data")
    try:
        table = read_table(data_path, sheet=spec.study.sheet)
    except InputError as exc:
        if exc.code in ("xlsx_sheet_ambiguous", "xlsx_sheet_missing"):
            raise relocate(exc, key="study.sheet") from None
        raise
    attributes = _attributes(spec, table.columns, str(toml_path), str(data_path))
    study = study_from_table(
        table,
        attributes,
        name=spec.study.name,
        product=spec.study.product,
        storage=[f"{k!r} K" for k in storage],
        file=str(data_path),
        storage_rh=_storage_rh(spec.conditions.rh, str(toml_path)),
        method=spec.study.method,
    )
    source = {
        **study.source,
        "study_file": str(toml_path),
        "data_file": str(data_path),
        "sha256": {
            toml_path.name: hashlib.sha256(raw).hexdigest(),
            spec.study.data: _sha256(data_path),
        },
    }
    sensory = ()
    if spec.sensory:
        from ..sensory.study import read_sensory_sections

        sensory = read_sensory_sections(spec.sensory, folder, str(toml_path))
        for item in sensory:
            source["sha256"][item.data] = _sha256(folder / item.data)
    notices = study.notices
    if study.storage_rh is not None:
        notice = rh_fraction_notice(study.storage_rh, "conditions.rh")
        notices += (notice,) if notice is not None else ()
    return dataclasses.replace(
        study,
        source=source,
        sensory=sensory,
        report_meta=_report_meta(spec),
        package=(spec.study.package or "").strip(),
        notices=notices,
    )


def data_file(folder: Path, name: str, *, file: str, key: str) -> Path:
    """The data file ``name`` of a study folder; it must exist and lie inside the folder.

    A study file names its data relative to its folder. An absolute path or one leading out
    of the folder (``../../etc/passwd``) is refused: a study folder must be self-contained
    (it is copied, archived and hashed as one), and a shared study file must not make the
    toolkit read, hash or echo a file elsewhere on the machine.

    Parameters
    ----------
    folder : pathlib.Path
        The study folder.
    name : str
        The file name as written in the study file.
    file, key : str
        The study file and key, for messages.

    Raises
    ------
    StudyFileError
        ``data_path_outside`` (at ``file`` and ``key``).
    InputError
        ``file_not_found`` (the data path, with ``key``).
    """
    path = folder / name
    inside = folder.resolve()
    try:
        path.resolve().relative_to(inside)
    except ValueError:
        raise StudyFileError(
            "data_path_outside", value=name, folder=str(folder), file=file, key=key
        ) from None
    if not path.is_file():
        raise InputError("file_not_found", file=str(path), key=key, base=str(folder))
    return path


def _report_meta(spec: StudyFileModel) -> ReportMeta:
    """The ``[report]`` table (who signs the report); empty when the table is absent."""
    r = spec.report
    if r is None:
        return ReportMeta()
    return ReportMeta(
        analyst=r.analyst.strip(),
        reviewer=r.reviewer.strip(),
        laboratory=r.laboratory.strip(),
        signed=r.signed,
    )


def _storage_rh(rh: str | None, file: str) -> str | None:
    """``[conditions] rh`` checked as a relative humidity (the error names the key)."""
    if rh is None:
        return None
    from ..units import to_percent

    try:
        to_percent(rh)
    except InputError as exc:
        raise relocate(exc, key="conditions.rh", file=file) from None
    return rh


def _locate(path: Path) -> tuple[Path, Path]:
    """The study.toml path and the folder data paths are relative to."""
    if path.is_dir():
        return path / STUDY_FILE, path
    return path, path.parent


def _read(path: Path, *, base: Path) -> bytes:
    try:
        return read_bounded(path, MAX_TOML_BYTES, kind="toml")
    except FileNotFoundError:
        raise StudyFileError("file_not_found", file=str(path), base=str(base)) from None
    except OSError as exc:
        raise StudyFileError(
            "file_unreadable", file=str(path), kind="TOML", reason=exc.strerror or str(exc)
        ) from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _parse_toml(raw: bytes, file: str) -> dict:
    """Parse TOML bytes; a UTF-8 BOM (added by Windows Notepad) is tolerated."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return tomllib.load(io.BytesIO(raw))
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        line = re.search(r"at line (\d+)", reason)
        row = int(line.group(1)) if line else None
        raise StudyFileError("toml_syntax", reason=reason, row=row, file=file) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise StudyFileError(
            "toml_syntax",
            reason="arrays or inline tables nested too deeply; a study file needs a few levels",
            row=None,
            file=file,
        ) from None
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise StudyFileError(
            "toml_syntax",
            reason="the file is not UTF-8 text; save it as UTF-8",
            row=row,
            file=file,
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits (CPython's limit)
        raise StudyFileError(
            "toml_syntax", reason=f"a value cannot be read: {exc}", row=None, file=file
        ) from None


def _attributes(
    spec: StudyFileModel, columns: object, toml_file: str, data_file: str
) -> list[Attribute]:
    """Attributes with their unit resolved (study.toml vs header) and limit as a float."""
    out: list[Attribute] = []
    for i, section in enumerate(spec.attributes):
        if any(normalise(a.name) == normalise(section.name) for a in out):
            raise StudyFileError(
                "attribute_duplicate",
                name=section.name,
                file=toml_file,
                key=f"attributes[{i}].name",
            )
        header = find_header(columns, section.name)  # type: ignore[arg-type]
        unit = section.unit
        if header is not None:
            unit = resolve_unit(
                header.unit,
                section.unit,
                file=data_file,
                column=header.text,
                key=f"attributes[{i}].unit",
            )
        limit = float("nan")
        if unit:
            limit = convert_limit(
                section.limit,
                unit,
                attribute=section.name,
                file=toml_file,
                key=f"attributes[{i}].limit",
            )
        elif not isinstance(section.limit, str):
            limit = float(section.limit)
        _check_kind(section, i, toml_file)
        out.append(
            Attribute(
                name=section.name,
                unit=unit or "",
                limit=limit,
                direction=section.direction,
                model=section.model,
                temperature_model=section.temperature_model,
                label=section.label,
                reaction=section.reaction,
                initial=section.initial,
                kind=section.kind,
                secondary=section.secondary,
                detection_limit=_detection_limit(section, i, toml_file),
                limit_source=(section.limit_source or "").strip() or None,
            )
        )
    return out


def _detection_limit(section, i: int, toml_file: str) -> float | None:
    """The detection limit of a microbial count as log10 CFU/g (``None`` when not given)."""
    if section.detection_limit is None:
        return None
    key = f"attributes[{i}].detection_limit"
    if section.kind != "microbial":
        raise StudyFileError("detection_limit_kind", file=toml_file, key=key)
    from ..microbial.counts import to_log10_limit

    try:
        return to_log10_limit(section.detection_limit, section.unit or "log10 CFU/g")
    except InputError as exc:
        raise StudyFileError(
            "detection_limit_bad", value=section.detection_limit, file=toml_file, key=key
        ) from exc


def _check_kind(section, i: int, toml_file: str) -> None:
    """A growth model only for a microbial attribute, a reaction order only for a chemical one."""
    from ..study import GROWTH_MODEL_CHOICES, MODEL_CHOICES

    microbial = section.kind == "microbial"
    allowed = ("auto", *GROWTH_MODEL_CHOICES) if microbial else MODEL_CHOICES
    if section.model not in allowed:
        raise StudyFileError(
            "attribute_model_kind",
            model=section.model,
            kind=section.kind,
            choices=", ".join(allowed),
            file=toml_file,
            key=f"attributes[{i}].model",
        )
