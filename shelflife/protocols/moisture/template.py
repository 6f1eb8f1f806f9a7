"""Reading a critical-moisture template: check each table and build its :class:`Protocol`.

Quantities (areas, masses, WVTR, thicknesses, temperatures, durations) must carry units of
the right dimension; water activities come from the template's table or from
:mod:`shelflife.moisture.salts`; every error names the file and the key.
:func:`read_moisture_template` checks a whole template, :func:`with_moisture_product` applies
a product preset's ``[moisture]`` defaults.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING, Any

from ...errors import InputError, ShelfLifeError, UnitError
from ...io._hints import relocate
from ...io.schema import validate_toml
from ..model import Citation, Protocol, celsius_text
from ..schema import (
    MOISTURE_PROTOCOL_SCHEMA,
    IsothermSection,
    MoistureProtocolFileModel,
    MoistureSection,
    PackageSection,
    PackagingSection,
    days_of,
    kelvin_of,
    rh_of,
)
from ..templates import _citation
from .plan import IsothermPlan, MoistureDefaults, PackageDefaults, PackagingOption, Salt

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ProductPreset

__all__ = [
    "salt_water_activity",
    "moisture_defaults",
    "isotherm_plan",
    "package_defaults",
    "packaging_options",
    "read_moisture_template",
    "with_moisture_product",
]

# ------------------------------------------------------------------------------ quantities

_SQUARE = re.compile(r"(?<![A-Za-z])(k?m|cm|mm|um|µm|in|ft)([23])(?![0-9A-Za-z])")


def _quantity(text: Any, unit: str, *, what: str, examples: str, file: str, key: str) -> float:
    """A quantity as written in a template (``"0.12 m2"``) in ``unit``, located on error."""
    from ...units import get_registry, quantity

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
        from ...moisture.salts import salt_water_activity as module_aw

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
    from ...units import get_registry, quantity

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
