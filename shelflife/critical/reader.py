"""Read a critical-moisture study folder: ``study.toml`` and the isotherm sheet.

Everything is converted once, at this boundary, to working floats: water activity as a
fraction, moisture on a **dry basis** [g water / g dry solids], temperatures [K], relative
humidity [%], area [m²], dry mass [g], times [day]. Errors name the file, the row (as a
spreadsheet shows it), the column or the TOML key.
"""

from __future__ import annotations

import hashlib
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError, Notice, StudyFileError
from ..io._hints import relocate
from ..io.schema import validate_toml
from ..io.studyfile import _report_meta
from ..study import ReportMeta
from .schema import MOISTURE_SCHEMA, MoistureStudyFile

__all__ = ["MoistureStudy", "PackagingSpec", "read_moisture_study", "is_moisture_study"]


@dataclass(frozen=True)
class PackagingSpec:
    """One packaging option, in working units.

    Attributes
    ----------
    name : str
    film : str or None
        Key of the film library.
    thickness : float or None
        [m]
    wvtr : float or None
        Water-vapour transmission rate [g/(m²·day)] at its test condition.
    wvtr_temperature : float or None
        [K]
    wvtr_rh : float or None
        [%]
    """

    name: str
    film: str | None = None
    thickness: float | None = None
    wvtr: float | None = None
    wvtr_temperature: float | None = None
    wvtr_rh: float | None = None
    note: str | None = None


@dataclass(frozen=True)
class MoistureStudy:
    """A validated critical-moisture study (see ``docs/critical-moisture-study.md``).

    Attributes
    ----------
    aw, moisture : numpy.ndarray
        Isotherm data: water activity [-] and equilibrium moisture, dry basis [g/g].
    rows : numpy.ndarray
        Row numbers of the data sheet.
    isotherm_temperature : float
        Temperature of the isotherm [K] (NaN when the sheet does not give it).
    initial, critical : float
        Mi and Mc, dry basis [g/g].
    temperature, rh : float
        Outside storage condition [K], [%].
    area, dry_mass : float
        Package water-exchanging area [m²] and product dry solids [g].
    target : float or None
        Wanted shelf life [day].
    report_meta : ReportMeta
        The optional ``[report]`` table (who signs the report).
    """

    name: str
    product: str
    aw: np.ndarray
    moisture: np.ndarray
    rows: np.ndarray
    isotherm_temperature: float
    basis: str
    unit: str
    initial: float
    critical: float
    critical_from: str
    critical_note: str | None
    isotherm: str
    temperature: float
    rh: float
    history: str | None
    area: float
    dry_mass: float
    target: float | None
    packaging: tuple[PackagingSpec, ...]
    source: dict[str, Any] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    report_meta: ReportMeta = field(default_factory=ReportMeta)

    method = "critical_moisture"


def is_moisture_study(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (a folder or its study.toml) declares ``method = "critical_moisture"``."""
    p = Path(path)
    toml_path = p / "study.toml" if p.is_dir() else p
    from ..io.limits import MAX_TOML_BYTES

    try:
        with open(toml_path, "rb") as handle:
            raw = handle.read(MAX_TOML_BYTES + 1)
        if len(raw) > MAX_TOML_BYTES:  # read_study refuses it with the size
            return False
        if b"critical_moisture" not in raw:  # most studies: no need to parse
            return False
        doc = tomllib.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # incl. Unicode and TOML decode errors
        return False  # read_study reports what is wrong with the file
    study = doc.get("study")
    return isinstance(study, dict) and study.get("method") == "critical_moisture"


def _q(text: Any, kind: str, unit: str, *, file: str, key: str) -> float:
    """A quantity from study.toml in ``unit`` (the error names the key)."""
    from ..errors import ShelfLifeError
    from ..packaging._inputs import magnitude

    try:
        value = magnitude(text, unit, what=kind, examples=unit)
    except ShelfLifeError as exc:
        raise relocate(exc, key=key, file=file) from None
    _finite(value, text, _EXAMPLES.get(unit, unit), file=file, key=key)
    _positive(value, text, _EXAMPLES.get(unit, unit), file=file, key=key)
    return value


def _positive(value: float, text: Any, example: str, *, file: str, key: str) -> None:
    """Refuse a zero or negative area, mass, thickness, WVTR, kelvin or target at ``key``."""
    if not value > 0:
        raise StudyFileError(
            "quantity_not_positive", value=text, example=example, file=file, key=key
        )


def _finite(value: float, text: Any, example: str, *, file: str, key: str) -> None:
    """Refuse nan and inf read from ``text`` (``"nan %"``, ``"1e999 g"``) at ``key``."""
    if not math.isfinite(value):
        raise StudyFileError(
            "quantity_not_finite", value=text, example=example, file=file, key=key
        )


#: Examples for :func:`_q`'s messages, by working unit.
_EXAMPLES = {
    "g/(m**2*day)": "0.9 g/(m2*day)",
    "K": "38 degC",
    "m**2": "0.27 m2",
    "g": "238 g",
    "m": "40 um",
}


def _dry(value: float, basis: str, unit: str) -> float:
    """One moisture value of study.toml on a dry basis [g/g]."""
    from ..moisture import dry_from_wet

    v = value / 100.0 if unit == "%" else value
    return float(dry_from_wet(v)) if basis == "wet" else v


def _isotherm(path: Path, spec: MoistureStudyFile):
    """The isotherm sheet via :func:`shelflife.moisture.read_isotherm_data` (dry basis)."""
    from ..moisture import read_isotherm_data

    data = read_isotherm_data(
        path,
        basis=spec.moisture.basis,
        unit=spec.moisture.unit,
        temperature=spec.conditions.temperature,
        sheet=spec.study.sheet,
    )
    T = math.nan if data.temperature is None else float(data.temperature)
    rows = np.arange(2, data.aw.size + 2) if data.rows is None else np.asarray(data.rows)
    return data.aw, data.moisture, rows, T, tuple(data.notices)


def _packaging(spec: MoistureStudyFile, file: str) -> tuple[PackagingSpec, ...]:
    out = []
    for i, p in enumerate(spec.packaging):
        key = f"packaging[{i}]"
        if p.wvtr is None and p.film is None:
            raise StudyFileError(
                "packaging_option_empty",
                file=file,
                key=key,
                name=p.name,
            )
        wvtr = wt = wr = None
        if p.wvtr is not None:
            if p.wvtr_temperature is None or p.wvtr_rh is None:
                raise StudyFileError(
                    "wvtr_condition_missing",
                    file=file,
                    key=f"{key}.wvtr",
                    name=p.name,
                )
            wvtr = _q(p.wvtr, "WVTR", "g/(m**2*day)", file=file, key=f"{key}.wvtr")
            wt = _q(
                p.wvtr_temperature, "temperature", "K", file=file, key=f"{key}.wvtr_temperature"
            )
            from ..units import to_percent

            try:
                wr = float(to_percent(p.wvtr_rh))
            except InputError as exc:
                raise relocate(exc, file=file, key=f"{key}.wvtr_rh") from None
            _finite(wr, p.wvtr_rh, "90 %", file=file, key=f"{key}.wvtr_rh")
        thick = (
            _q(p.thickness, "length", "m", file=file, key=f"{key}.thickness")
            if p.thickness is not None
            else None
        )
        out.append(PackagingSpec(p.name, p.film, thick, wvtr, wt, wr, p.note))
    return tuple(out)


def read_moisture_study(path: str | os.PathLike[str]) -> MoistureStudy:
    """Read and validate a critical-moisture study folder.

    Parameters
    ----------
    path : str or os.PathLike
        The study folder or its ``study.toml``.

    Returns
    -------
    MoistureStudy

    Raises
    ------
    StudyFileError
        Invalid TOML or schema (unknown, missing or wrong keys, with the key path).
    InputError
        The isotherm sheet: missing columns, non-numbers, water activity above 1 (probably
        % RH), moisture below 0 (row and column named).
    """
    from ..io.studyfile import _locate, _parse_toml, _read, _sha256, data_file
    from ..io.table import rh_fraction_notice
    from ..units import to_kelvin, to_percent

    toml_path, folder = _locate(Path(path))
    raw = _read(toml_path, base=folder)
    file = str(toml_path)
    spec = validate_toml(
        MoistureStudyFile, _parse_toml(raw, file), file=file, schema=MOISTURE_SCHEMA
    )
    data_path = data_file(folder, spec.study.data, file=file, key="study.data")
    aw, m, rows, T_iso, notices = _isotherm(data_path, spec)
    mi, mc = (
        _dry(
            _number(getattr(spec.moisture, k), file, f"moisture.{k}"),
            spec.moisture.basis,
            spec.moisture.unit,
        )
        for k in ("initial", "critical")
    )
    if not mc > mi:
        raise StudyFileError(
            "critical_not_above_initial",
            file=file,
            key="moisture.critical",
            initial=mi,
            critical=mc,
        )
    cond = spec.conditions
    try:
        T = float(to_kelvin(cond.temperature))
    except InputError as exc:
        raise relocate(exc, file=file, key="conditions.temperature") from None
    _finite(T, cond.temperature, "30 degC", file=file, key="conditions.temperature")
    try:
        rh = float(to_percent(cond.rh))
    except InputError as exc:
        raise relocate(exc, file=file, key="conditions.rh") from None
    _finite(rh, cond.rh, "75 %", file=file, key="conditions.rh")
    if rh_fraction_notice(rh, "conditions.rh") is not None:  # 0.75 % RH: aw written as %
        raise StudyFileError(
            "rh_looks_like_fraction",
            source="conditions.rh",
            high=float(rh),
            file=file,
            key="conditions.rh",
        )
    pk = spec.package
    area = _q(pk.area, "area", "m**2", file=file, key="package.area")
    dry = _q(pk.dry_mass, "mass", "g", file=file, key="package.dry_mass")
    target = None
    if pk.target is not None:
        from ..units import to_days

        try:
            target = float(to_days(pk.target))
        except InputError as exc:
            raise relocate(exc, file=file, key="package.target") from None
        _finite(target, pk.target, "6 month", file=file, key="package.target")
        _positive(target, pk.target, "6 month", file=file, key="package.target")
    source = {
        "study_file": file,
        "data_file": str(data_path),
        "sha256": {
            toml_path.name: hashlib.sha256(raw).hexdigest(),
            spec.study.data: _sha256(data_path),
        },
    }
    return MoistureStudy(
        name=spec.study.name,
        product=spec.study.product,
        aw=aw,
        moisture=m,
        rows=rows,
        isotherm_temperature=T_iso,
        basis=spec.moisture.basis,
        unit=spec.moisture.unit,
        initial=mi,
        critical=mc,
        critical_from=spec.moisture.critical_from,
        critical_note=spec.moisture.critical_note,
        isotherm=spec.moisture.isotherm,
        temperature=T,
        rh=rh,
        history=cond.history,
        area=area,
        dry_mass=dry,
        target=target,
        packaging=_packaging(spec, file),
        source=source,
        notices=notices,
        report_meta=_report_meta(spec),
    )


def _number(value: Any, file: str, key: str) -> float:
    """A moisture value from study.toml: a number, or a text such as ``"4.5 %"``."""
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = (str(value).strip().rstrip("%").replace(",", ".").split() or [""])[0]
        try:
            number = float(text)
        except ValueError:
            raise StudyFileError(
                "toml_bad_value",
                file=file,
                key=key,
                value=value,
                reason="expected a number",
                fix="write e.g. 0.045 (in [moisture] unit)",
            ) from None
    if not math.isfinite(number):
        raise StudyFileError(
            "quantity_not_finite", value=value, example="0.045", file=file, key=key
        )
    return number
