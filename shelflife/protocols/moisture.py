"""The critical-moisture protocol (Labuza's method, "model kadar air kritis").

A critical-moisture study has no storage chambers and no pulls. Its plan is:

- an **isotherm** at one temperature (default 30 °C): one desiccator per saturated salt,
  ``replicates`` dishes of product in each, weighed every 24 h until the mass is constant,
  then the moisture of each dish by oven (:class:`IsothermPlan`);
- the **initial moisture** Mi of fresh product and the **critical moisture** Mc at which a
  sensory panel (or a texture analyser) rejects it (:class:`MoistureDefaults`);
- the **package**: water-exchanging area (both faces) and dry solids per pack
  (:class:`PackageDefaults`), and the **packaging options** to compare, each a film-library
  key or a WVTR with its test condition (:class:`PackagingOption`).

``shelflife protocol new critical-moisture --product kerupuk --start 2027-03-01 --out DIR``
(:func:`new_moisture_study`) writes the study folder of ``docs/critical-moisture-study.md``:
``study.toml`` (``method = "critical_moisture"``, ``[moisture]``, ``[conditions]``,
``[package]``, ``[[packaging]]``, plus a ``[protocol]`` table with the isotherm plan that the
analysis ignores), a blank ``isotherm.csv`` (one row per salt and replicate) and the weighing
calendar ``schedule.csv`` / ``schedule.ics``. ``shelflife analyze DIR`` analyses it.

Water activities of the salts come from the template's ``[isotherm.aw]`` table (Greenspan
1977) when the isotherm is run at that table's temperature, otherwise from
:func:`shelflife.moisture.salts.salt_water_activity` when that module knows the salt.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import math
import re
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator

from ..errors import InputError, Notice, ShelfLifeError, UnitError
from ..io._hints import relocate
from ..io.schema import STRENGTHS, TomlSchema, _Section, _start_date, validate_toml
from .model import Citation, Protocol, celsius_text, format_number
from .schema import (
    MOISTURE_PROTOCOL_SCHEMA,
    CitationSection,
    IsothermSection,
    MoistureProtocolFileModel,
    MoistureSection,
    PackageSection,
    PackagingSection,
    days_of,
    kelvin_of,
    rh_of,
)

if TYPE_CHECKING:  # pragma: no cover
    import os

    import pandas as pd

    from .folder import NewStudy, StudyPlan
    from .model import ProductPreset

__all__ = [
    "Salt",
    "IsothermPlan",
    "MoistureDefaults",
    "PackageDefaults",
    "PackagingOption",
    "ISOTHERM_SHEET",
    "ISOTHERM_COLUMNS",
    "WEIGHING_COLUMNS",
    "read_moisture_template",
    "moisture_defaults",
    "salt_water_activity",
    "weighing_schedule",
    "weighing_csv",
    "weighing_ics",
    "isotherm_sheet",
    "isotherm_csv",
    "moisture_study_toml",
    "new_moisture_study",
    "read_moisture_plan",
    "is_moisture_document",
    "describe_moisture",
]

#: File name of the blank isotherm sheet in a study folder.
ISOTHERM_SHEET = "isotherm.csv"
#: Columns of the isotherm sheet (``docs/critical-moisture-study.md``).
ISOTHERM_COLUMNS = ("salt", "aw", "moisture", "temperature (°C)", "replicate")
#: Columns of :func:`weighing_schedule` (the CSV adds units to the headers).
WEIGHING_COLUMNS = (
    "day",
    "planned_date",
    "scheduled_date",
    "weekday",
    "scheduled_day",
    "task",
    "samples",
    "moved",
    "note",
    "task_text",
)

#: Names of common saturated salts (formula -> English, Indonesian).
SALT_NAMES = {
    "LiCl": ("lithium chloride", "litium klorida"),
    "CH3COOK": ("potassium acetate", "kalium asetat"),
    "MgCl2": ("magnesium chloride", "magnesium klorida"),
    "K2CO3": ("potassium carbonate", "kalium karbonat"),
    "Mg(NO3)2": ("magnesium nitrate", "magnesium nitrat"),
    "NaBr": ("sodium bromide", "natrium bromida"),
    "NaNO2": ("sodium nitrite", "natrium nitrit"),
    "KI": ("potassium iodide", "kalium iodida"),
    "NaCl": ("sodium chloride", "natrium klorida"),
    "KCl": ("potassium chloride", "kalium klorida"),
    "KNO3": ("potassium nitrate", "kalium nitrat"),
    "K2SO4": ("potassium sulfate", "kalium sulfat"),
}

#: Fewest isotherm points for a three-parameter model (GAB): more points than parameters,
#: with a few degrees of freedom left to judge the fit.
MIN_SALTS_GAB = 5


# ------------------------------------------------------------------------------ objects


@dataclass(frozen=True)
class Salt:
    """One saturated salt of the isotherm and its water activity at the isotherm temperature.

    Attributes
    ----------
    name : str
        Formula as written in the template, e.g. ``"NaCl"``.
    aw : float
        Water activity over the saturated solution [-].
    origin : {"table", "module"}
        ``"table"``: the template's ``[isotherm.aw]``; ``"module"``:
        :func:`shelflife.moisture.salts.salt_water_activity`.
    """

    name: str
    aw: float
    origin: str = "table"

    def display_name(self, lang: str = "en") -> str:
        """``"NaCl (sodium chloride)"``."""
        names = SALT_NAMES.get(self.name)
        if names is None:
            return self.name
        return f"{self.name} ({names[1] if lang == 'id' else names[0]})"


@dataclass(frozen=True)
class IsothermPlan:
    """The sorption-isotherm plan: salts, replicates, weighings and the equilibrium rule.

    Attributes
    ----------
    temperature : float
        Desiccator temperature [K].
    salts : tuple of Salt
    replicates : int
        Dishes per salt.
    interval : float
        Time between weighings [day].
    equilibrium : str
        Constant-mass criterion, as written (``"2 mg/g"``: mass change per gram of sample
        between two successive weighings).
    equilibrium_high : str or None
        The criterion from ``high_aw`` up (``"10 mg/g"``), if different.
    high_aw : float
        Water activity from which ``equilibrium_high`` applies.
    max_duration : float
        Longest time the weighings may run [day].
    sample_mass : str or None
        Mass of product per dish, as written (``"2 g"``).
    aw_source, criterion_source : Citation or None
        Where the water activities and the equilibrium rule come from.
    aw_table : tuple of (str, float)
        The template's water-activity table (salt, a_w), valid at ``aw_table_temperature``
        [K]; kept so that a study may swap salts within it.
    """

    temperature: float
    salts: tuple[Salt, ...]
    replicates: int
    interval: float
    equilibrium: str
    max_duration: float
    equilibrium_high: str | None = None
    high_aw: float = 0.9
    sample_mass: str | None = None
    aw_source: Citation | None = None
    criterion_source: Citation | None = None
    aw_table: tuple[tuple[str, float], ...] = ()
    aw_table_temperature: float | None = None

    @property
    def n_samples(self) -> int:
        """Isotherm dishes: salts x replicates."""
        return len(self.salts) * self.replicates

    @property
    def weighing_days(self) -> tuple[int, ...]:
        """Planned weighing days, from day 0 (set-up and first weighing) [day]."""
        step = max(1, round(self.interval))
        last = int(math.floor(self.max_duration + 1e-9))
        return tuple(range(0, last + 1, step))


@dataclass(frozen=True)
class MoistureDefaults:
    """Initial and critical moisture (``[moisture]``), with their source.

    Attributes
    ----------
    basis : {"dry", "wet"}
        g water per g dry solids, or per g product.
    unit : {"g/g", "%"}
    initial, critical : float
        Mi and Mc in ``unit`` on ``basis``.
    critical_from : {"sensory", "texture", "sni", "other"}
    critical_note, critical_note_id : str or None
        How Mc was found (English, Bahasa Indonesia).
    isotherm : str
        Isotherm model for the analysis (``"auto"``: best AICc).
    source : Citation or None
    """

    basis: str
    unit: str
    initial: float
    critical: float
    critical_from: str = "sensory"
    critical_note: str | None = None
    critical_note_id: str | None = None
    isotherm: str = "auto"
    source: Citation | None = None

    @property
    def placeholder(self) -> bool:
        """True when the values are placeholders the lab must replace."""
        return self.source is None or self.source.status == "placeholder"

    def note(self, lang: str = "en") -> str | None:
        """``critical_note`` in ``lang``."""
        if lang == "id" and self.critical_note_id:
            return self.critical_note_id
        return self.critical_note

    def text(self, value: float) -> str:
        """``"0.05 g/g (dry basis)"``."""
        return f"{format_number(value)} {self.unit}"


@dataclass(frozen=True)
class PackageDefaults:
    """``[package]``: area of both faces, dry solids per pack, target shelf life (as written).

    Attributes
    ----------
    area : str
        ``"0.12 m2"``.
    dry_mass : str or None
        ``"238 g"``; ``None`` when it is computed from ``net_mass`` and Mi.
    net_mass : str or None
        Net product mass per pack, ``"250 g"``.
    target : str or None
        ``"6 month"``.
    source : Citation or None
    """

    area: str
    dry_mass: str | None = None
    net_mass: str | None = None
    target: str | None = None
    source: Citation | None = None

    @property
    def placeholder(self) -> bool:
        """True when area and masses are placeholders the lab must replace."""
        return self.source is None or self.source.status == "placeholder"


@dataclass(frozen=True)
class PackagingOption:
    """One packaging option: a film-library key (and thickness), or a WVTR and its condition.

    Attributes
    ----------
    name : str
    film : str or None
        Key of the film library (``"pp"``, ``"bopp"``, ``"pet_al_pe"``...), kept as
        written.
    thickness, wvtr, wvtr_temperature, wvtr_rh : str or None
        As written (``"40 um"``, ``"5.2 g/(m2*day)"``, ``"38 degC"``, ``"90 %"``).
    note : str or None
    source : Citation or None
    """

    name: str
    film: str | None = None
    thickness: str | None = None
    wvtr: str | None = None
    wvtr_temperature: str | None = None
    wvtr_rh: str | None = None
    note: str | None = None
    source: Citation | None = None

    def describe(self, lang: str = "en") -> str:
        """``"film pp, 40 um"`` or ``"WVTR 5.2 g/(m2*day) at 38 degC / 90 %"``."""
        parts = []
        if self.film:
            parts.append(f"film {self.film}" if lang != "id" else f"film {self.film}")
        if self.thickness:
            parts.append(self.thickness)
        if self.wvtr:
            at = "pada" if lang == "id" else "at"
            parts.append(f"WVTR {self.wvtr} {at} {self.wvtr_temperature} / {self.wvtr_rh} RH")
        return ", ".join(parts)


# ------------------------------------------------------------------------------ quantities

_SQUARE = re.compile(r"(?<![A-Za-z])(k?m|cm|mm|um|µm|in|ft)([23])(?![0-9A-Za-z])")


def _quantity(text: Any, unit: str, *, what: str, examples: str, file: str, key: str) -> float:
    """A quantity as written in a template (``"0.12 m2"``) in ``unit``, located on error."""
    from ..units import get_registry, quantity

    if isinstance(text, bool) or not isinstance(text, str):
        raise UnitError("bare_number", what=key, value=text, examples=examples, file=file, key=key)
    normal = _SQUARE.sub(r"\1**\2", text)
    try:
        q = quantity(normal, what=key)
    except ShelfLifeError as exc:
        raise relocate(exc, file=file, key=key) from None
    reg = get_registry()
    try:
        return float(q.to(reg.Unit(unit)).magnitude)
    except Exception:  # noqa: BLE001 - pint's DimensionalityError
        actual = str(q.dimensionality) if not q.dimensionless else "dimensionless"
        raise UnitError(
            "unit_wrong_dimension",
            unit=str(q.units),
            expected=what,
            actual=actual,
            examples=examples,
            file=file,
            key=key,
        ) from None


def _citation(section: CitationSection | None) -> Citation | None:
    return None if section is None else Citation(**section.model_dump())


# ---------------------------------------------------------------------- water activities


def salt_water_activity(
    salt: str,
    temperature: float,
    table: dict[str, float] | None = None,
    table_temperature: float | None = None,
    *,
    file: str | None = None,
    key: str | None = None,
) -> Salt:
    """The water activity of a saturated salt at ``temperature`` [K].

    The template's table is used when the isotherm runs at the table's temperature; otherwise
    (or for a salt the table lacks) :func:`shelflife.moisture.salts.salt_water_activity`,
    when that module exists and knows the salt.

    Raises
    ------
    InputError
        ``protocol_salt_unknown`` at ``key``.
    """
    table = table or {}
    same = table_temperature is not None and abs(table_temperature - temperature) < 0.01
    if same and salt in table:
        return Salt(salt, float(table[salt]), "table")
    try:
        from ..moisture.salts import salt_water_activity as module_aw

        value = float(module_aw(salt, f"{temperature} K"))
        if 0.0 < value < 1.0:
            return Salt(salt, round(value, 4), "module")
    except (ImportError, ShelfLifeError, KeyError, ValueError, TypeError):
        pass
    raise InputError(
        "protocol_salt_unknown",
        salt=salt,
        temperature=celsius_text(temperature),
        names=", ".join(sorted(table)) or "-",
        file=file,
        key=key,
    )


# ------------------------------------------------------------------------ reading templates


def moisture_defaults(section: MoistureSection, *, file: str, key: str) -> MoistureDefaults:
    """Check a ``[moisture]`` table (template or preset) and return its defaults.

    Raises
    ------
    InputError
        ``protocol_moisture_negative``, ``protocol_moisture_unit_suspect``,
        ``protocol_moisture_critical_not_above_initial``, at the key.
    """
    for name in ("initial", "critical"):
        value = getattr(section, name)
        if not math.isfinite(value) or value < 0:
            raise InputError(
                "protocol_moisture_negative", value=value, file=file, key=f"{key}.{name}"
            )
        too_big = value > 100 if section.unit == "%" else value >= 1 and section.basis == "wet"
        if too_big or (section.unit == "g/g" and value > 5):
            raise InputError(
                "protocol_moisture_unit_suspect",
                value=value,
                unit=section.unit,
                basis=section.basis,
                file=file,
                key=f"{key}.{name}",
            )
    if not section.critical > section.initial:
        raise InputError(
            "protocol_moisture_critical_not_above_initial",
            initial=section.initial,
            critical=section.critical,
            file=file,
            key=f"{key}.critical",
        )
    return MoistureDefaults(
        basis=section.basis,
        unit=section.unit,
        initial=section.initial,
        critical=section.critical,
        critical_from=section.critical_from,
        critical_note=section.critical_note,
        critical_note_id=section.critical_note_id,
        isotherm=section.isotherm,
        source=_citation(section.source),
    )


def _criterion(value: Any, *, file: str, key: str) -> str:
    """An equilibrium criterion: a mass (``"2 mg"``) or a mass ratio (``"2 mg/g"``)."""
    from ..units import get_registry, quantity

    if isinstance(value, bool) or not isinstance(value, str):
        raise InputError("protocol_isotherm_criterion", value=value, file=file, key=key)
    try:
        q = quantity(value, what=key)
    except ShelfLifeError:
        raise InputError("protocol_isotherm_criterion", value=value, file=file, key=key) from None
    reg = get_registry()
    mass = q.dimensionality == reg.get_dimensionality("[mass]")
    if not (mass or q.dimensionless) or q.magnitude <= 0:
        raise InputError("protocol_isotherm_criterion", value=value, file=file, key=key)
    return value.strip()


def isotherm_plan(
    section: IsothermSection,
    *,
    file: str,
    prefix: str = "isotherm",
    temperature_key: str = "temperature",
    table: dict[str, float] | None = None,
    table_temperature: float | None = None,
    aw_source: Citation | None = None,
    criterion_source: Citation | None = None,
) -> IsothermPlan:
    """Check an isotherm plan (template ``[isotherm]`` or study ``[protocol]``)."""
    kelvin = kelvin_of(section.temperature, file=file, key=f"{prefix}.{temperature_key}")
    table = dict(section.aw) if section.aw is not None else dict(table or {})
    for salt, value in table.items():
        if not 0.0 < value < 1.0:
            raise InputError(
                "protocol_aw_out_of_range",
                salt=salt,
                value=value,
                file=file,
                key=f"{prefix}.aw.{salt}",
            )
    if section.aw is not None:
        table_temperature = kelvin
        if section.aw_temperature is not None:
            table_temperature = kelvin_of(
                section.aw_temperature, file=file, key=f"{prefix}.aw_temperature"
            )
    seen: set[str] = set()
    salts = []
    for i, name in enumerate(section.salts):
        token = name.strip()
        if not token or token.casefold() in seen:
            raise InputError(
                "protocol_salt_duplicate", salt=name, file=file, key=f"{prefix}.salts[{i}]"
            )
        seen.add(token.casefold())
        salts.append(
            salt_water_activity(
                token, kelvin, table, table_temperature, file=file, key=f"{prefix}.salts[{i}]"
            )
        )
    interval = days_of(section.interval, file=file, key=f"{prefix}.interval")
    duration = days_of(section.max_duration, file=file, key=f"{prefix}.max_duration")
    if interval <= 0 or duration < interval:
        raise InputError(
            "protocol_isotherm_duration",
            interval=section.interval,
            duration=section.max_duration,
            file=file,
            key=f"{prefix}.max_duration",
        )
    equilibrium = _criterion(section.equilibrium, file=file, key=f"{prefix}.equilibrium")
    high = None
    if section.equilibrium_high is not None:
        high = _criterion(section.equilibrium_high, file=file, key=f"{prefix}.equilibrium_high")
    if section.sample_mass is not None:
        _quantity(
            section.sample_mass,
            "g",
            what="mass",
            examples="2 g",
            file=file,
            key=f"{prefix}.sample_mass",
        )
    return IsothermPlan(
        temperature=kelvin,
        salts=tuple(salts),
        replicates=section.replicates,
        interval=interval,
        equilibrium=equilibrium,
        max_duration=duration,
        equilibrium_high=high,
        high_aw=section.high_aw,
        sample_mass=section.sample_mass,
        aw_source=aw_source,
        criterion_source=criterion_source,
        aw_table=tuple(table.items()),
        aw_table_temperature=table_temperature if table else None,
    )


def package_defaults(section: PackageSection, *, file: str, key: str = "package"):
    """Check ``[package]`` (units of area, masses and target)."""
    _quantity(section.area, "m**2", what="area", examples="0.12 m2", file=file, key=f"{key}.area")
    if section.dry_mass is None and section.net_mass is None:
        raise InputError("protocol_package_mass_missing", file=file, key=f"{key}.dry_mass")
    for name in ("dry_mass", "net_mass"):
        value = getattr(section, name)
        if value is not None:
            _quantity(value, "g", what="mass", examples="238 g", file=file, key=f"{key}.{name}")
    if section.target is not None:
        days_of(section.target, file=file, key=f"{key}.target")
    return PackageDefaults(
        area=section.area,
        dry_mass=section.dry_mass,
        net_mass=section.net_mass,
        target=section.target,
        source=_citation(section.source),
    )


def packaging_options(
    sections: list[PackagingSection], *, file: str, key: str = "packaging"
) -> tuple[PackagingOption, ...]:
    """Check the ``[[packaging]]`` options: a film key or a WVTR with its test condition."""
    out = []
    for i, p in enumerate(sections):
        here = f"{key}[{i}]"
        if p.film is None and p.wvtr is None:
            raise InputError("protocol_packaging_empty", name=p.name, file=file, key=here)
        if p.wvtr is not None:
            if p.wvtr_temperature is None or p.wvtr_rh is None:
                raise InputError(
                    "protocol_wvtr_condition_missing", name=p.name, file=file, key=f"{here}.wvtr"
                )
            _quantity(
                p.wvtr,
                "g/(m**2*day)",
                what="water-vapour transmission rate",
                examples="5.2 g/(m2*day)",
                file=file,
                key=f"{here}.wvtr",
            )
            kelvin_of(p.wvtr_temperature, file=file, key=f"{here}.wvtr_temperature")
            rh_of(p.wvtr_rh, file=file, key=f"{here}.wvtr_rh")
        if p.thickness is not None:
            _quantity(
                p.thickness,
                "um",
                what="length",
                examples="40 um",
                file=file,
                key=f"{here}.thickness",
            )
        out.append(
            PackagingOption(
                name=p.name,
                film=p.film,
                thickness=p.thickness,
                wvtr=p.wvtr,
                wvtr_temperature=p.wvtr_temperature,
                wvtr_rh=p.wvtr_rh,
                note=p.note,
                source=_citation(p.source),
            )
        )
    return tuple(out)


def read_moisture_template(document: dict[str, Any], *, file: str) -> Protocol:
    """Validate a parsed critical-moisture template and build its :class:`Protocol`.

    Raises
    ------
    StudyFileError
        Schema errors (unknown, missing or wrong keys), located.
    UnitError, InputError
        Temperatures, durations, areas, masses or WVTR without unit or of the wrong
        dimension; ``protocol_salt_unknown``, ``protocol_salt_duplicate``,
        ``protocol_aw_out_of_range``, ``protocol_isotherm_duration``,
        ``protocol_isotherm_criterion``, ``protocol_moisture_*``, ``protocol_packaging_empty``,
        ``protocol_wvtr_condition_missing``, ``protocol_package_mass_missing``; each with the
        file and the key.
    """
    spec: MoistureProtocolFileModel = validate_toml(
        MoistureProtocolFileModel, document, file=file, schema=MOISTURE_PROTOCOL_SCHEMA
    )
    storage_t = kelvin_of(spec.storage.temperature, file=file, key="storage.temperature")
    storage_rh = rh_of(spec.storage.rh, file=file, key="storage.rh")
    iso = spec.isotherm
    plan = isotherm_plan(
        iso,
        file=file,
        aw_source=_citation(iso.aw_source),
        criterion_source=_citation(iso.criterion_source),
    )
    return Protocol(
        name=spec.name,
        title=spec.title,
        title_id=spec.title_id,
        kind=spec.kind,
        method=spec.method,
        strength=spec.strength,
        chambers=(),
        replicates=plan.replicates,
        pull_window=0.0,
        storage_temperatures=(storage_t,),
        storage_rh=storage_rh,
        attributes=(),
        time_unit="day",
        sources=tuple(c for c in (_citation(s) for s in spec.sources) if c is not None),
        sop={} if spec.sop is None else {"en": spec.sop.en, "id": spec.sop.id},
        summary=spec.summary,
        summary_id=spec.summary_id,
        file=file,
        isotherm=plan,
        moisture=moisture_defaults(spec.moisture, file=file, key="moisture"),
        package=package_defaults(spec.package, file=file),
        packaging=packaging_options(spec.packaging, file=file),
    )


def with_moisture_product(protocol: Protocol, preset: ProductPreset) -> Protocol:
    """The critical-moisture plan with a product preset's ``[moisture]`` defaults, if any."""
    moisture = preset.moisture or protocol.moisture
    extra = (
        ()
        if preset.moisture is None or preset.moisture.source is None
        else (preset.moisture.source,)
    )
    sources = tuple(dict.fromkeys((*protocol.sources, *extra)))
    return dataclasses.replace(protocol, product=preset, moisture=moisture, sources=sources)


# ------------------------------------------------------------------------------- notices


def placeholder_keys(protocol: Protocol) -> list[str]:
    """Keys of ``study.toml`` whose values are placeholders the lab must replace."""
    keys = []
    if protocol.moisture is not None and protocol.moisture.placeholder:
        keys += ["moisture.initial", "moisture.critical"]
    if protocol.package is not None and protocol.package.placeholder:
        keys += ["package.area", "package.dry_mass"]
    return keys


def moisture_notices(protocol: Protocol) -> list[Notice]:
    """Notices of a critical-moisture plan: too few salts, placeholders, unchecked sources."""
    out: list[Notice] = []
    iso = protocol.isotherm
    if iso is not None and len(iso.salts) < MIN_SALTS_GAB:
        out.append(
            Notice(
                "protocol_isotherm_few_salts",
                "design",
                None,
                {"n": len(iso.salts), "minimum": MIN_SALTS_GAB},
            )
        )
    if iso is not None and protocol.storage_temperatures:
        gap = abs(iso.temperature - protocol.storage_temperatures[0])
        if gap > 0.5:
            out.append(
                Notice(
                    "protocol_isotherm_temperature",
                    "design",
                    None,
                    {
                        "isotherm": celsius_text(iso.temperature),
                        "storage": celsius_text(protocol.storage_temperatures[0]),
                    },
                )
            )
    keys = placeholder_keys(protocol)
    if keys:
        out.append(
            Notice(
                "protocol_moisture_placeholder", "plausibility", None, {"keys": ", ".join(keys)}
            )
        )
    m = protocol.moisture
    if m is not None and m.source is not None and m.source.status in ("secondary", "unverified"):
        out.append(
            Notice(
                "protocol_moisture_unverified", "plausibility", None, {"source": m.source.short}
            )
        )
    return out


# ----------------------------------------------------------------------------- JSON form


def moisture_to_dict(protocol: Protocol) -> dict[str, Any]:
    """JSON-ready description of a critical-moisture protocol."""
    iso = protocol.isotherm
    assert iso is not None
    m, pk = protocol.moisture, protocol.package
    return {
        "name": protocol.name,
        "title": protocol.title,
        "title_id": protocol.title_id,
        "kind": protocol.kind,
        "method": protocol.method,
        "strength": protocol.strength,
        "storage": [
            {"value": round(t - 273.15, 6), "unit": "degC"} for t in protocol.storage_temperatures
        ],
        "storage_rh": None
        if protocol.storage_rh is None
        else {"value": protocol.storage_rh, "unit": "percent"},
        "isotherm": {
            "temperature": {"value": round(iso.temperature - 273.15, 6), "unit": "degC"},
            "salts": [{"salt": s.name, "aw": s.aw, "origin": s.origin} for s in iso.salts],
            "replicates": iso.replicates,
            "interval": {"value": iso.interval, "unit": "day"},
            "equilibrium": iso.equilibrium,
            "equilibrium_high": iso.equilibrium_high,
            "high_aw": iso.high_aw,
            "max_duration": {"value": iso.max_duration, "unit": "day"},
            "samples": iso.n_samples,
        },
        "moisture": None if m is None else dataclasses.asdict(m),
        "package": None if pk is None else dataclasses.asdict(pk),
        "packaging": [dataclasses.asdict(p) for p in protocol.packaging],
        "product": None if protocol.product is None else protocol.product.key,
        "sources": [s.to_dict() for s in protocol.sources],
    }


# ---------------------------------------------------------------------------- show (text)

_W = {
    "en": {
        "strength": "Strength",
        "strengths": {
            "standard": "standard (the main method)",
            "screening": "SCREENING: indicative only",
            "confirmation": "confirmation",
        },
        "method": "Analysis",
        "method_text": "critical moisture (Labuza): isotherm fits, shelf life per packaging option, "
        "closed form and numerical (shelflife analyze)",
        "product": "Product preset",
        "none": "none (generic moisture values: replace them)",
        "isotherm": "Isotherm at {t}: {n} saturated salts × {r} replicates = {s} dishes",
        "salt_head": "salt",
        "aw_head": "a_w at {t}",
        "origin": {"table": "template table", "module": "shelflife.moisture.salts"},
        "weighing": "Weighing: every {interval} from day 0 until constant mass: change < {eq} "
        "between two successive weighings{high}; at most {days} days ({n} weighings), then "
        "moisture of each dish by oven drying.",
        "high": " (< {eq} from a_w {aw} up)",
        "sample": "Product per dish: {mass}.",
        "criterion_source": "equilibrium rule",
        "aw_source": "water activities",
        "storage": "Storage condition (outside the pack)",
        "moisture": "Moisture",
        "basis": {"dry": "dry basis", "wet": "wet basis"},
        "initial": "initial Mi",
        "critical": "critical Mc",
        "from": {
            "sensory": "sensory panel",
            "texture": "texture analyser",
            "sni": "standard (SNI)",
            "other": "other",
        },
        "model": "isotherm model",
        "package": "Package",
        "area": "area (both faces)",
        "dry_mass": "dry solids per pack",
        "net_mass": "net mass per pack",
        "target": "target",
        "packaging": "Packaging options",
        "source": "source",
        "status": {
            "official": "checked against the official text",
            "secondary": "secondary copy, not checked against the official text",
            "unverified": "UNVERIFIED",
            "placeholder": "PLACEHOLDER: replace it",
            "user": "set in study.toml",
        },
        "notes": "Notes for this product",
        "sop": "Standard operating procedure",
        "sources": "Sources",
        "notices": "Notices",
    },
    "id": {
        "strength": "Kekuatan",
        "strengths": {
            "standard": "standar (metode utama)",
            "screening": "PENAPISAN: hanya indikatif",
            "confirmation": "konfirmasi",
        },
        "method": "Analisis",
        "method_text": "kadar air kritis (Labuza): fit isotermi, umur simpan per pilihan kemasan, "
        "rumus tertutup dan numerik (shelflife analyze)",
        "product": "Preset produk",
        "none": "tidak ada (nilai kadar air umum: gantilah)",
        "isotherm": "Isotermi pada {t}: {n} garam jenuh × {r} ulangan = {s} cawan",
        "salt_head": "garam",
        "aw_head": "a_w pada {t}",
        "origin": {"table": "tabel templat", "module": "shelflife.moisture.salts"},
        "weighing": "Penimbangan: setiap {interval} sejak hari ke-0 sampai bobot tetap: selisih "
        "< {eq} antara dua penimbangan berturut-turut{high}; paling lama {days} hari ({n} "
        "penimbangan), lalu kadar air setiap cawan dengan metode oven.",
        "high": " (< {eq} mulai a_w {aw})",
        "sample": "Produk per cawan: {mass}.",
        "criterion_source": "aturan kesetimbangan",
        "aw_source": "aktivitas air",
        "storage": "Kondisi penyimpanan (di luar kemasan)",
        "moisture": "Kadar air",
        "basis": {"dry": "basis kering", "wet": "basis basah"},
        "initial": "awal Mi",
        "critical": "kritis Mc",
        "from": {
            "sensory": "panel sensori",
            "texture": "alat uji tekstur",
            "sni": "standar (SNI)",
            "other": "lainnya",
        },
        "model": "model isotermi",
        "package": "Kemasan",
        "area": "luas (kedua sisi)",
        "dry_mass": "padatan kering per kemasan",
        "net_mass": "berat bersih per kemasan",
        "target": "target",
        "packaging": "Pilihan kemasan",
        "source": "sumber",
        "status": {
            "official": "sudah dicocokkan dengan naskah resmi",
            "secondary": "salinan sekunder, belum dicocokkan dengan naskah resmi",
            "unverified": "BELUM TERVERIFIKASI",
            "placeholder": "SEMENTARA: gantilah",
            "user": "ditetapkan di study.toml",
        },
        "notes": "Catatan untuk produk ini",
        "sop": "Prosedur operasi standar (SOP)",
        "sources": "Sumber",
        "notices": "Peringatan",
    },
}


def _num(x: float, lang: str) -> str:
    text = format_number(x)
    return text.replace(".", ",") if lang == "id" else text


def _interval_text(days: float, lang: str) -> str:
    hours = days * 24
    if abs(hours - round(hours)) < 1e-9 and hours <= 48:
        return f"{_num(round(hours), lang)} {'jam' if lang == 'id' else 'h'}"
    return f"{_num(days, lang)} {'hari' if lang == 'id' else 'day(s)'}"


def _source_line(w: dict[str, Any], label: str, src: Citation | None) -> str | None:
    if src is None:
        return None
    status = w["status"].get(src.status, src.status)
    url = f" {src.url}" if src.url else ""
    return f"{label}: {src.short} [{status}]{url}"


def describe_moisture(protocol: Protocol, lang: str = "en") -> str:
    """The critical-moisture plan as readable text (``shelflife protocol show``)."""
    from .text import _wrap, closing_lines

    w = _W.get(lang, _W["en"])
    p = protocol
    iso = p.isotherm
    assert iso is not None
    title = p.title_id if lang == "id" else p.title
    lines = [f"{p.name}: {title}", "=" * min(95, len(p.name) + 2 + len(title))]
    summary = p.summary_id if lang == "id" else p.summary
    if summary:
        lines += _wrap(summary, "", "")
    lines.append("")
    lines.append(f"{w['strength']}: {w['strengths'].get(p.strength, p.strength)}")
    lines += _wrap(f"{w['method']}: {w['method_text']}", "", "  ")
    product = p.product.display_name(lang) + f" ({p.product.key})" if p.product else w["none"]
    lines.append(f"{w['product']}: {product}")
    lines.append("")
    t = celsius_text(iso.temperature)
    lines.append(w["isotherm"].format(t=t, n=len(iso.salts), r=iso.replicates, s=iso.n_samples))
    width = max(len(s.display_name(lang)) for s in iso.salts)
    head = w["aw_head"].format(t=t)
    lines.append(f"  {w['salt_head']:<{width}}  {head}")
    for s in iso.salts:
        aw = f"{s.aw:.4f}".replace(".", "," if lang == "id" else ".")
        lines.append(
            f"  {s.display_name(lang):<{width}}  {aw:<{len(head)}}  ({w['origin'][s.origin]})"
        )
    high = ""
    if iso.equilibrium_high:
        high = w["high"].format(eq=iso.equilibrium_high, aw=_num(iso.high_aw, lang))
    lines += _wrap(
        w["weighing"].format(
            interval=_interval_text(iso.interval, lang),
            eq=iso.equilibrium,
            high=high,
            days=_num(iso.max_duration, lang),
            n=len(iso.weighing_days),
        ),
        "",
        "  ",
    )
    if iso.sample_mass:
        lines.append(w["sample"].format(mass=iso.sample_mass))
    for label, src in (
        (w["aw_source"], iso.aw_source),
        (w["criterion_source"], iso.criterion_source),
    ):
        line = _source_line(w, label, src)
        if line:
            lines += _wrap(line, "  ")
    storage = ", ".join(celsius_text(x) for x in p.storage_temperatures)
    if p.storage_rh is not None:
        storage += f" / {_num(p.storage_rh, lang)} % RH"
    lines += ["", f"{w['storage']}: {storage}"]
    m = p.moisture
    if m is not None:
        lines.append(
            f"{w['moisture']} ({w['basis'].get(m.basis, m.basis)}, {m.unit}): "
            f"{w['initial']} {_num(m.initial, lang)}; {w['critical']} {_num(m.critical, lang)} "
            f"({w['from'].get(m.critical_from, m.critical_from)}); {w['model']} {m.isotherm}"
        )
        note = m.note(lang)
        if note:
            lines += _wrap(note, "    ")
        line = _source_line(w, w["source"], m.source)
        if line:
            lines += _wrap(line, "    ")
    pk = p.package
    if pk is not None:
        parts = [f"{w['area']} {pk.area}"]
        if pk.dry_mass:
            parts.append(f"{w['dry_mass']} {pk.dry_mass}")
        if pk.net_mass:
            parts.append(f"{w['net_mass']} {pk.net_mass}")
        if pk.target:
            parts.append(f"{w['target']} {pk.target}")
        lines += _wrap(f"{w['package']}: " + "; ".join(parts), "", "  ")
        line = _source_line(w, w["source"], pk.source)
        if line:
            lines += _wrap(line, "    ")
    lines.append(f"{w['packaging']}:")
    for i, opt in enumerate(p.packaging, start=1):
        lines += _wrap(f"{i}. {opt.name}: {opt.describe(lang)}", "  ")
        line = _source_line(w, w["source"], opt.source)
        if line:
            lines += _wrap(line, "     ")
    lines += closing_lines(p, w, lang)
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------- the calendar

_TASKS = {
    "en": {
        "start": "Start: measure Mi of fresh product (oven, {r} replicates); weigh the {n} "
        "dishes ({salts} salts × {r}) and put them into the desiccators; first weighing.",
        "weigh": "Weigh every dish still in a desiccator; a dish whose mass changed by less than "
        "{eq} since the last weighing is at equilibrium: take it out and measure its moisture "
        "by oven.",
        "last": "Last weighing: measure by oven every dish still in a desiccator and note that "
        "it did not reach constant mass; condition the sensory samples and find Mc (SOP).",
        "gap": "after a weekend: compare with the weighing of {day} {date}.",
        "moved": "moved from {planned_day} {planned} to {day} {date} (weekend).",
    },
    "id": {
        "start": "Mulai: ukur Mi produk segar (oven, {r} ulangan); timbang {n} cawan ({salts} "
        "garam × {r}) dan masukkan ke desikator; penimbangan pertama.",
        "weigh": "Timbang setiap cawan yang masih di desikator; cawan yang bobotnya berubah "
        "kurang dari {eq} sejak penimbangan sebelumnya sudah setimbang: keluarkan dan ukur "
        "kadar airnya dengan oven.",
        "last": "Penimbangan terakhir: ukur dengan oven setiap cawan yang masih di desikator dan "
        "catat bahwa bobotnya belum tetap; kondisikan sampel sensori dan tentukan Mc (SOP).",
        "gap": "setelah akhir pekan: bandingkan dengan penimbangan {day} {date}.",
        "moved": "dipindah dari {planned_day} {planned} ke {day} {date} (akhir pekan).",
    },
}


def weighing_schedule(
    protocol: Protocol,
    start: datetime.date | str | None = None,
    *,
    avoid_weekends: bool = False,
    lang: str = "en",
) -> pd.DataFrame:
    """The weighing calendar of the isotherm: one row per weighing day.

    Day 0 is the set-up (Mi, first weighing); then a weighing every ``interval`` up to
    ``max_duration``. With ``avoid_weekends`` Saturday and Sunday weighings are left out (the
    equilibrium rule compares two successive weighings, whatever their distance; the note of
    the Monday row says so) and a last weighing on a weekend moves to the Friday before.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`WEIGHING_COLUMNS`.
    """
    import pandas as pd

    from .schedule import WEEKDAYS, parse_start

    iso = protocol.isotherm
    assert iso is not None
    day0 = None if start is None else parse_start(start)
    names = WEEKDAYS.get(lang, WEEKDAYS["en"])
    words = _TASKS.get(lang, _TASKS["en"])
    days = iso.weighing_days
    fields = {"r": iso.replicates, "n": iso.n_samples, "salts": len(iso.salts)}
    rows = []
    previous: tuple[str, datetime.date] | None = None
    for d in days:
        task = "start" if d == 0 else ("last" if d == days[-1] else "weigh")
        row = {
            "day": d,
            "planned_date": None,
            "scheduled_date": None,
            "weekday": "",
            "scheduled_day": d,
            "task": task,
            "samples": iso.n_samples,
            "moved": False,
            "note": "",
        }
        if day0 is not None:
            planned = day0 + datetime.timedelta(days=d)
            date = planned
            if avoid_weekends and d > 0 and planned.weekday() >= 5:
                if task != "last":
                    continue
                date = planned - datetime.timedelta(days=planned.weekday() - 4)
                row["moved"] = True
                row["note"] = words["moved"].format(
                    planned_day=names[planned.weekday()],
                    planned=planned.isoformat(),
                    day=names[date.weekday()],
                    date=date.isoformat(),
                )
                if rows and rows[-1]["scheduled_date"] == date:
                    rows.pop()
            elif avoid_weekends and previous is not None and (date - previous[1]).days > 1:
                row["note"] = words["gap"].format(day=previous[0], date=previous[1].isoformat())
            row.update(
                planned_date=planned,
                scheduled_date=date,
                weekday=names[date.weekday()],
                scheduled_day=(date - day0).days,
            )
            previous = (names[date.weekday()], date)
        rows.append(row)
    for row in rows:
        row["task_text"] = words[row["task"]].format(eq=iso.equilibrium, **fields)
    return pd.DataFrame(rows, columns=list(WEIGHING_COLUMNS))


def _date(value: Any) -> str:
    return "" if value is None or value != value else value.isoformat()


def weighing_csv(table: pd.DataFrame) -> str:
    """The weighing calendar as CSV (comma-separated, newline line ends, deterministic)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "day [day]",
            "planned_date",
            "scheduled_date",
            "weekday",
            "scheduled_day [day]",
            "task",
            "samples",
            "moved",
            "what to do",
            "note",
        ]
    )
    for r in table.itertuples(index=False):
        writer.writerow(
            [
                r.day,
                _date(r.planned_date),
                _date(r.scheduled_date),
                r.weekday,
                r.scheduled_day,
                r.task,
                r.samples,
                "yes" if r.moved else "no",
                r.task_text,
                r.note,
            ]
        )
    return out.getvalue()


_ICS = {
    "en": {
        "start": "{study}: start of the isotherm (day 0)",
        "weigh": "{study}: weigh the isotherm dishes (day {day})",
        "last": "{study}: last isotherm weighing (day {day})",
        "sheet": "Enter the equilibrium moisture of each dish in isotherm.csv.",
    },
    "id": {
        "start": "{study}: mulai isotermi (hari ke-0)",
        "weigh": "{study}: timbang cawan isotermi (hari ke-{day})",
        "last": "{study}: penimbangan isotermi terakhir (hari ke-{day})",
        "sheet": "Catat kadar air kesetimbangan setiap cawan di isotherm.csv.",
    },
}


def weighing_ics(
    table: pd.DataFrame,
    protocol: Protocol,
    *,
    study: str,
    start: datetime.date | str,
    lang: str = "en",
) -> str:
    """The weighing calendar as iCalendar: one all-day event per weighing (CRLF, folded)."""
    from .schedule import _escape, _fold, _uid_part, parse_start

    day0 = parse_start(start)
    words = _ICS.get(lang, _ICS["en"])
    stamp = f"{day0:%Y%m%d}T000000Z"
    uid = _uid_part(study)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//shelflife//protocol schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(study)}",
    ]
    for r in table.itertuples(index=False):
        date = r.scheduled_date
        if date is None:
            raise InputError("start_date_invalid", value=None, key="start")
        parts = [r.task_text] + ([r.note] if r.note else []) + [words["sheet"]]
        end = date + datetime.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}-{day0:%Y%m%d}-w{r.day}@shelflife",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_escape(words[r.task].format(study=study, day=r.day))}",
            f"DESCRIPTION:{_escape(chr(10).join(parts))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(piece for line in lines for piece in _fold(line)) + "\r\n"


# ------------------------------------------------------------------------ isotherm sheet


def isotherm_sheet(protocol: Protocol) -> pd.DataFrame:
    """The blank isotherm sheet: one row per salt and replicate, ``moisture`` empty.

    Examples
    --------
    >>> from shelflife.protocols import Protocol
    >>> sheet = isotherm_sheet(Protocol.from_name("critical-moisture"))
    >>> list(sheet.columns)
    ['salt', 'aw', 'moisture', 'temperature (°C)', 'replicate']
    >>> len(sheet)  # 8 salts x 3 replicates
    24
    """
    import pandas as pd

    iso = protocol.isotherm
    assert iso is not None
    rows = [
        {
            "salt": s.name,
            "aw": f"{s.aw:.4f}",
            "moisture": "",
            "temperature (°C)": format_number(round(iso.temperature - 273.15, 6)),
            "replicate": r,
        }
        for s in iso.salts
        for r in range(1, iso.replicates + 1)
    ]
    return pd.DataFrame(rows, columns=list(ISOTHERM_COLUMNS))


def isotherm_csv(sheet: pd.DataFrame) -> str:
    """The isotherm sheet as CSV text (comma, decimal point, newline line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(sheet.columns))
    for row in sheet.itertuples(index=False):
        writer.writerow(list(row))
    return out.getvalue()


# ------------------------------------------------------------------------------ study.toml

_TOML_WORDS = {
    "en": {
        "head": (
            "Study folder created by `shelflife protocol new {template}`",
            "(critical-moisture method, format of docs/critical-moisture-study.md).",
            "Protocol: {title} (strength: {strength}).",
            "SOP: {sop} (see `shelflife protocol show {template}`).",
            "1. Start on {start}: measure the initial moisture Mi of fresh product, put the",
            "   isotherm dishes into the desiccators and weigh them on the dates in schedule.csv",
            "   (or import schedule.ics into a calendar) until their mass is constant.",
            "2. Enter the equilibrium moisture of each dish in {data} (salt, aw, temperature",
            "   and replicate are filled in), in the unit and basis of [moisture].",
            "3. Replace every value marked PLACEHOLDER below with your own.",
            "4. Analyse: shelflife analyze <this folder> --out result",
        ),
        "moisture": "Moisture: basis and unit apply to {data}, initial and critical.",
        "source": "Source: {text}",
        "status": {
            "official": "checked against the official text",
            "secondary": "secondary copy, not checked against the official text",
            "unverified": "UNVERIFIED: no cited source confirms it",
            "placeholder": "PLACEHOLDER: replace it with your product's value",
            "user": "set in this file",
        },
        "initial": "PLACEHOLDER: Mi of your fresh product (oven, SOP section 6)",
        "critical": "PLACEHOLDER: Mc at which your panel rejects the product (SOP section 7)",
        "critical_note": "PLACEHOLDER: how Mc was found (scale, threshold, panellists, date)",
        "conditions": "Outside storage condition. history: optional logger file, route scenario "
        "or climatic zone.",
        "package": "Package: water-exchanging area of both faces, dry solids per pack (Ws), "
        "shelf life wanted.",
        "area": "PLACEHOLDER: length x width x 2 of your pack",
        "dry_mass": "PLACEHOLDER: net mass per pack x dry matter fraction",
        "dry_mass_from": "net mass {net} / (1 + Mi) on dry basis; PLACEHOLDER until Mi is yours",
        "dry_mass_from_wet": "net mass {net} x (1 - Mi) on wet basis; PLACEHOLDER until Mi is "
        "yours",
        "packaging": "Packaging options to compare: a film of the film library (film, "
        "thickness) or a measured or supplier WVTR with its test condition (wvtr, "
        "wvtr_temperature, wvtr_rh).",
        "plan": (
            "The isotherm plan. `shelflife protocol schedule` and `shelflife protocol sheet`",
            "read it; the analysis ignores it.",
        ),
    },
    "id": {
        "head": (
            "Folder studi dibuat dengan `shelflife protocol new {template}`",
            "(metode kadar air kritis, format docs/critical-moisture-study.md).",
            "Protokol: {title} (kekuatan: {strength}).",
            "SOP: {sop} (lihat `shelflife protocol show {template} --lang id`).",
            "1. Mulai pada {start}: ukur kadar air awal Mi produk segar, masukkan cawan",
            "   isotermi ke desikator dan timbang pada tanggal di schedule.csv (atau impor",
            "   schedule.ics ke kalender) sampai bobotnya tetap.",
            "2. Catat kadar air kesetimbangan setiap cawan di {data} (garam, aw, suhu dan",
            "   ulangan sudah terisi), dalam satuan dan basis [moisture].",
            "3. Ganti setiap nilai bertanda SEMENTARA (PLACEHOLDER) di bawah dengan nilai Anda.",
            "4. Analisis: shelflife analyze <folder ini> --out hasil --lang id",
        ),
        "moisture": "Kadar air: basis dan satuan berlaku untuk {data}, initial dan critical.",
        "source": "Sumber: {text}",
        "status": {
            "official": "sudah dicocokkan dengan naskah resmi",
            "secondary": "salinan sekunder, belum dicocokkan dengan naskah resmi",
            "unverified": "BELUM TERVERIFIKASI: tidak ada sumber yang memastikannya",
            "placeholder": "SEMENTARA (PLACEHOLDER): ganti dengan nilai produk Anda",
            "user": "ditetapkan di berkas ini",
        },
        "initial": "SEMENTARA (PLACEHOLDER): Mi produk segar Anda (oven, SOP bagian 6)",
        "critical": "SEMENTARA (PLACEHOLDER): Mc saat panel menolak produk (SOP bagian 7)",
        "critical_note": "PLACEHOLDER: cara Mc ditentukan (skala, ambang, panelis, tanggal)",
        "conditions": "Kondisi penyimpanan di luar kemasan. history: berkas logger, skenario rute "
        "atau zona iklim (opsional).",
        "package": "Kemasan: luas permukaan kedua sisi, padatan kering per kemasan (Ws), umur "
        "simpan yang diinginkan.",
        "area": "SEMENTARA (PLACEHOLDER): panjang x lebar x 2 kemasan Anda",
        "dry_mass": "SEMENTARA (PLACEHOLDER): berat bersih per kemasan x fraksi bahan kering",
        "dry_mass_from": "berat bersih {net} / (1 + Mi) basis kering; SEMENTARA (PLACEHOLDER) "
        "sampai Mi milik Anda",
        "dry_mass_from_wet": "berat bersih {net} x (1 - Mi) basis basah; SEMENTARA "
        "(PLACEHOLDER) sampai Mi milik Anda",
        "packaging": "Pilihan kemasan yang dibandingkan: film dari pustaka film (film, "
        "thickness) atau WVTR terukur/dari pemasok beserta kondisi ujinya (wvtr, "
        "wvtr_temperature, wvtr_rh).",
        "plan": (
            "Rencana isotermi. `shelflife protocol schedule` dan `shelflife protocol sheet`",
            "membacanya; analisis mengabaikannya.",
        ),
    },
}


def _toml_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, width: int = 95) -> list[str]:
    wrapped = textwrap.wrap(text, width - 2, break_long_words=False, break_on_hyphens=False)
    return [f"# {line}" for line in wrapped] or ["#"]


def _cited(words: dict[str, Any], src: Citation | None, lang: str) -> list[str]:
    if src is None:
        return _comment(words["source"].format(text=words["status"]["placeholder"]))
    status = words["status"].get(src.status, src.status)
    note = src.note_id if lang == "id" and src.note_id else src.note
    text = f"{src.citation} [{status}]" + (f" {note}" if note else "")
    if src.url:
        text += f" {src.url}"
    return _comment(words["source"].format(text=text))


def dry_mass_text(package: PackageDefaults, moisture: MoistureDefaults) -> tuple[str, str | None]:
    """``dry_mass`` for study.toml, and how it was computed from ``net_mass`` (if it was)."""
    if package.dry_mass is not None or package.net_mass is None:
        return package.dry_mass or "", None
    from ..units import quantity

    q = quantity(_SQUARE.sub(r"\1**\2", package.net_mass))
    net = float(q.to("g").magnitude)
    mi = moisture.initial / (100.0 if moisture.unit == "%" else 1.0)
    dry = net / (1.0 + mi) if moisture.basis == "dry" else net * (1.0 - mi)
    return f"{format_number(round(dry, 1))} g", package.net_mass


def moisture_study_toml(plan: StudyPlan, *, lang: str = "en") -> str:
    """The ``study.toml`` of a critical-moisture study (``docs/critical-moisture-study.md``).

    Deterministic and commented in ``lang``; values the lab must replace are marked
    ``PLACEHOLDER``. A ``[protocol]`` table records the template, preset, start date and the
    isotherm plan, for ``shelflife protocol schedule`` and ``sheet``.
    """
    words = _TOML_WORDS.get(lang, _TOML_WORDS["en"])
    p = plan.protocol
    iso, m, pk = p.isotherm, p.moisture, p.package
    assert iso is not None and m is not None and pk is not None
    title = p.title_id if lang == "id" else p.title
    sop = " / ".join(p.sop.get(k, "") for k in ("en", "id") if p.sop.get(k)) or "-"
    head = "\n".join(words["head"]).format(
        template=p.name,
        title=title,
        strength=p.strength,
        sop=sop,
        data=plan.data,
        start=plan.start.isoformat(),
    )
    lines = [f"# {line}" for line in head.split("\n")]
    lines += [
        "schema_version = 1",
        "",
        "[study]",
        f"name = {_toml_string(plan.name)}",
        f"product = {_toml_string(plan.product)}",
        'method = "critical_moisture"',
        f"data = {_toml_string(plan.data)}",
        "",
    ]
    lines += _comment(words["moisture"].format(data=plan.data))
    lines += _cited(words, m.source, lang)
    ph_m = m.placeholder
    note = m.note(lang)
    lines += [
        "[moisture]",
        f"basis = {_toml_string(m.basis)}",
        f"unit = {_toml_string(m.unit)}",
        f"initial = {float(m.initial)!r}" + (f"  # {words['initial']}" if ph_m else ""),
        f"critical = {float(m.critical)!r}" + (f"  # {words['critical']}" if ph_m else ""),
        f"critical_from = {_toml_string(m.critical_from)}",
    ]
    if ph_m:
        if note:
            lines += _comment(note)
        lines.append(f"critical_note = {_toml_string(words['critical_note'])}")
    elif note:
        lines.append(f"critical_note = {_toml_string(note)}")
    lines += [f"isotherm = {_toml_string(m.isotherm)}", ""]
    lines += _comment(words["conditions"])
    storage = p.storage_temperatures[0]
    lines += [
        "[conditions]",
        f"temperature = {_toml_string(format_number(round(storage - 273.15, 6)) + ' degC')}",
    ]
    if p.storage_rh is not None:
        lines.append(f"rh = {_toml_string(format_number(p.storage_rh) + ' %')}")
    lines += ['# history = "rotterdam"', ""]
    lines += _comment(words["package"])
    lines += _cited(words, pk.source, lang)
    ph_p = pk.placeholder
    dry, net = dry_mass_text(pk, m)
    if net is not None:
        key = "dry_mass_from" if m.basis == "dry" else "dry_mass_from_wet"
        dry_comment = words[key].format(net=net)
    else:
        dry_comment = words["dry_mass"] if ph_p else ""
    lines += [
        "[package]",
        f"area = {_toml_string(pk.area)}" + (f"  # {words['area']}" if ph_p else ""),
        f"dry_mass = {_toml_string(dry)}" + (f"  # {dry_comment}" if dry_comment else ""),
    ]
    if pk.target:
        lines.append(f"target = {_toml_string(pk.target)}")
    lines.append("")
    lines += _comment(words["packaging"])
    for opt in p.packaging:
        lines.append("")
        if opt.source is not None:
            lines += _cited(words, opt.source, lang)
        lines += ["[[packaging]]", f"name = {_toml_string(opt.name)}"]
        for field in ("film", "thickness", "wvtr", "wvtr_temperature", "wvtr_rh", "note"):
            value = getattr(opt, field)
            if value is not None:
                lines.append(f"{field} = {_toml_string(value)}")
    lines.append("")
    lines += [f"# {line}" for line in words["plan"]]
    lines += ["[protocol]", f"template = {_toml_string(p.name)}"]
    if p.product is not None:
        lines.append(f"preset = {_toml_string(p.product.key)}")
    salts = ", ".join(_toml_string(s.name) for s in iso.salts)
    lines += [
        f"start = {plan.start.isoformat()}",
        f"strength = {_toml_string(p.strength)}",
        f"avoid_weekends = {'true' if plan.avoid_weekends else 'false'}",
        f"temperature = {_toml_string(format_number(round(iso.temperature - 273.15, 6)) + ' degC')}",
        f"salts = [{salts}]",
        f"replicates = {iso.replicates}",
        f"interval = {_toml_string(format_number(round(iso.interval * 24, 6)) + ' hour')}",
        f"equilibrium = {_toml_string(iso.equilibrium)}",
    ]
    if iso.equilibrium_high:
        lines += [
            f"equilibrium_high = {_toml_string(iso.equilibrium_high)}",
            f"high_aw = {float(iso.high_aw)!r}",
        ]
    lines.append(f"max_duration = {_toml_string(format_number(iso.max_duration) + ' day')}")
    if iso.sample_mass:
        lines.append(f"sample_mass = {_toml_string(iso.sample_mass)}")
    return "\n".join(lines) + "\n"


def check_moisture_toml(text: str, *, file: str) -> None:
    """Self-check of a written critical-moisture ``study.toml``.

    It must parse as TOML, hold the documented tables, and pass the analysis schema
    (:mod:`shelflife.critical.schema`) when that is installed.
    """
    document = tomllib.loads(text)
    for table in ("study", "moisture", "conditions", "package", "packaging"):
        if table not in document:  # pragma: no cover - a bug of the writer
            raise InputError("output_error", reason=f"study.toml lacks [{table}]")
    try:
        from ..critical.schema import MOISTURE_SCHEMA, MoistureStudyFile
    except ImportError:  # pragma: no cover - the analysis is not installed
        return
    validate_toml(MoistureStudyFile, document, file=file, schema=MOISTURE_SCHEMA)


# ------------------------------------------------------------------------------ new study


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
    from ..io.output import write_outputs
    from .folder import SCHEDULE_CSV, SCHEDULE_ICS, NewStudy, StudyPlan, _slug, resolve_product
    from .schedule import parse_start
    from .templates import list_products

    day0 = parse_start(start, key="start")
    preset, product_text = resolve_product(product)
    notices: list[Notice] = []
    if preset is not None:
        protocol = protocol.with_product(preset)
    elif product_text:
        notices.append(
            Notice(
                "protocol_moisture_generic",
                "plausibility",
                None,
                {"product": product_text, "names": ", ".join(list_products())},
            )
        )
    if xlsx:
        notices.append(Notice("protocol_moisture_xlsx_ignored", "design", None, {}))
    notices += protocol.notices()
    folder = Path(out)
    present = [
        n
        for n in ("study.toml", SCHEDULE_CSV, SCHEDULE_ICS, ISOTHERM_SHEET)
        if (folder / n).exists()
    ]
    if present:
        raise InputError("study_folder_exists", names=", ".join(present), file=str(folder))
    base = product_text or protocol.name
    study_name = name or f"{_slug(base)[:40].strip('-') or 'study'}-{day0.isoformat()}"
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


def calendar_files(plan: StudyPlan, *, avoid_weekends: bool, lang: str) -> dict[str, str]:
    """``schedule.csv`` and ``schedule.ics`` of a critical-moisture study plan."""
    table = weighing_schedule(plan.protocol, plan.start, avoid_weekends=avoid_weekends, lang=lang)
    return {
        "schedule.csv": weighing_csv(table),
        "schedule.ics": weighing_ics(
            table, plan.protocol, study=plan.name, start=plan.start, lang=lang
        ),
    }


# ----------------------------------------------------------------------- read the plan


class StudyIsothermSection(IsothermSection):
    """``[protocol]`` of a critical-moisture ``study.toml``: the isotherm plan and its origin."""

    template: str = Field(min_length=1)
    preset: str | None = None
    start: Any
    avoid_weekends: bool = False
    strength: Literal[STRENGTHS] = "standard"  # type: ignore[valid-type]

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: Any) -> Any:
        return _start_date(value)


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
    from ..errors import StudyFileError
    from .folder import StudyPlan, _template_or_none
    from .templates import load_product

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
    preset = None
    if section.preset:
        try:
            preset = load_product(section.preset)
        except InputError:
            preset = None
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
    from .schedule import parse_start

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
