"""Load the shipped protocol templates and product presets (``shelflife/protocols/data``).

Templates are ``data/NAME.toml`` with their SOPs beside them (``NAME.en.md``,
``NAME.id.md``); product presets are ``data/products/KEY.toml``. Both are read with
:mod:`importlib.resources`, so they work from an installed wheel, and validated on every load
(they are small). Any template or preset can also be given as the path of a TOML file: copy a
shipped one, edit it, and pass its path.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io._hints import HintedInputError, HintedStudyFileError
from ..io.headers import normalise
from ..io.schema import validate_toml
from ..io.studyfile import _parse_toml, _read
from .model import (
    Chamber,
    Citation,
    ProductPreset,
    Protocol,
    ProtocolAttribute,
    SensoryPlan,
)
from .schema import (
    MAX_PULL_DAYS,
    MOISTURE_KINDS,
    PRODUCT_SCHEMA,
    PROTOCOL_SCHEMA,
    CitationSection,
    ProductFileModel,
    ProtocolAttributeSection,
    ProtocolFileModel,
    check_chambers,
    check_pulls,
    days_of,
    duplicate_attribute,
    kelvin_of,
    limit_of,
    rh_of,
    unit_days,
)

__all__ = [
    "list_protocols",
    "list_products",
    "load_protocol",
    "load_product",
    "find_product",
    "read_protocol_file",
    "read_product_file",
    "data_dir",
    "protocol_path",
]


def data_dir() -> Path:
    """Folder of the shipped templates, SOPs and presets."""
    return Path(str(resources.files("shelflife.protocols").joinpath("data")))


def list_protocols() -> list[str]:
    """Names of the shipped protocol templates.

    Examples
    --------
    >>> list_protocols()  # doctest: +NORMALIZE_WHITESPACE
    ['aslt-arrhenius', 'critical-moisture', 'microbial-challenge', 'q10-screening',
     'real-time-confirmation', 'sensory-survival']
    """
    return sorted(p.stem for p in data_dir().glob("*.toml"))


def list_products() -> list[str]:
    """Keys of the shipped product presets.

    Examples
    --------
    >>> "kopi_bubuk" in list_products()
    True
    """
    return sorted(p.stem for p in (data_dir() / "products").glob("*.toml"))


def _is_path(name: str) -> bool:
    return name.endswith(".toml") or os.sep in name or (os.altsep or "/") in name


def _unknown(code: str, name: str, names: list[str]) -> InputError:
    close = difflib.get_close_matches(name.strip().casefold(), names, n=1, cutoff=0.5)
    hints = {"suggestion": ("hint_suggest_name", "what", {"name": close[0]})} if close else {}
    return HintedInputError(code, hints=hints, name=name, names=", ".join(names), suggestion="")


def protocol_path(name: str) -> Path:
    """The file of a shipped template (or ``name`` itself when it is a path)."""
    if _is_path(name):
        return Path(name)
    names = list_protocols()
    if name not in names:
        raise _unknown("protocol_unknown", name, names)
    return data_dir() / f"{name}.toml"


def load_protocol(name: str) -> Protocol:
    """A shipped template by name, or a template file by path.

    Raises
    ------
    InputError
        ``protocol_unknown`` with the closest name.
    """
    return read_protocol_file(protocol_path(name))


def load_product(key: str | os.PathLike[str]) -> ProductPreset:
    """A shipped product preset by key, or a preset file by path.

    Raises
    ------
    InputError
        ``product_unknown`` with the closest key.
    """
    text = str(key)
    if isinstance(key, os.PathLike) or _is_path(text):
        return read_product_file(text)
    keys = list_products()
    if text not in keys:
        raise _unknown("product_unknown", text, keys)
    return read_product_file(data_dir() / "products" / f"{text}.toml")


def find_product(text: str) -> ProductPreset | None:
    """The preset a free-text product description refers to, or ``None``.

    A preset matches when its key, or one of its aliases, appears in the text as whole words
    (ignoring case, ``_`` and ``-``). The longest matching alias wins, so "gula kelapa cetak"
    finds the moulded-sugar preset even though "gula" alone would be ambiguous.

    Examples
    --------
    >>> find_product("Keripik tempe Malang, PP bag").key
    'keripik'
    >>> find_product("Kopi bubuk robusta Dampit").key
    'kopi_bubuk'
    >>> find_product("frozen shrimp") is None
    True
    """
    words = f"_{normalise(text)}_"
    best: tuple[int, str] | None = None
    for key in list_products():
        preset = load_product(key)
        for alias in (preset.key, *preset.aliases):
            token = normalise(alias)
            if token and f"_{token}_" in words and (best is None or len(token) > best[0]):
                best = (len(token), key)
    return None if best is None else load_product(best[1])


# ------------------------------------------------------------------------- readers


def _load(path: Path) -> dict[str, Any]:
    raw = _read(path, base=path.parent)
    return _parse_toml(raw, str(path))


def _citation(section: CitationSection | None) -> Citation | None:
    if section is None:
        return None
    return Citation(**section.model_dump())


def _attribute(section: ProtocolAttributeSection, *, file: str, key: str) -> ProtocolAttribute:
    return ProtocolAttribute(
        name=section.name,
        unit=section.unit or "",
        limit=limit_of(section, file=file, key=f"{key}.limit"),
        direction=section.direction,
        model=section.model,
        temperature_model=section.temperature_model,
        reaction=section.reaction,
        label=section.label,
        label_id=section.label_id,
        analysis=section.analysis,
        analysis_id=section.analysis_id,
        limit_source=_citation(section.limit_source),
        kind=section.kind,
        secondary=section.secondary,
    )


def _attributes(
    sections: list[ProtocolAttributeSection], *, file: str
) -> tuple[ProtocolAttribute, ...]:
    duplicate = duplicate_attribute([s.name for s in sections], file=file)
    if duplicate is not None:
        raise duplicate
    return tuple(_attribute(s, file=file, key=f"attributes[{i}]") for i, s in enumerate(sections))


def chambers_of(plan: Any, *, file: str, prefix: str) -> tuple[Chamber, ...]:
    """Chambers of a validated ``[plan]`` / ``[protocol]`` table, in working units.

    Parameters
    ----------
    plan : shelflife.io.schema.PlanFields
    file : str
        File named in messages.
    prefix : str
        Key of the table, ``"plan"`` or ``"protocol"``.
    """
    per_unit = unit_days(plan.time_unit, file=file, key=f"{prefix}.time_unit")
    out = []
    for i, section in enumerate(plan.chambers):
        key = f"{prefix}.chambers[{i}]"
        kelvin = kelvin_of(section.temperature, file=file, key=f"{key}.temperature")
        rh = rh_of(section.rh, file=file, key=f"{key}.rh")
        check_pulls(list(section.pulls), file=file, key=f"{key}.pulls")
        pulls = tuple(float(p) * per_unit for p in section.pulls)
        for j, day in enumerate(pulls):
            if day > MAX_PULL_DAYS:  # also keeps calendar dates inside the calendar
                raise InputError(
                    "pull_time_too_late",
                    value=section.pulls[j],
                    unit=plan.time_unit,
                    years=round(MAX_PULL_DAYS / 365.25),
                    file=file,
                    key=f"{key}.pulls[{j}]",
                )
        out.append(Chamber(temperature=kelvin, pulls=pulls, rh=rh))
    check_chambers([(c.temperature, c.rh) for c in out], file=file, key=f"{prefix}.chambers")
    _check_size(plan, out, file=file, prefix=prefix)
    return tuple(out)


#: Bound of a plan: more than 100,000 samples is a typing error (or a hostile file), not a
#: lab study (pulls are bounded by :data:`~shelflife.protocols.schema.MAX_PULL_DAYS`).
MAX_SAMPLES = 100_000


def _check_size(plan: Any, chambers: list[Chamber], *, file: str, prefix: str) -> None:
    """Refuse plans whose calendar, sheet or check would not fit in memory or time."""
    batches = plan.batches
    n_batches = 1
    if isinstance(batches, int) and not isinstance(batches, bool):
        n_batches = batches
    elif batches:
        n_batches = len(batches)
    pulls = sum(len(c.pulls) for c in chambers)
    samples = pulls * plan.replicates * n_batches
    if samples > MAX_SAMPLES:
        key = "batches" if n_batches > plan.replicates else "replicates"
        raise InputError(
            "plan_too_large",
            samples=samples,
            limit=MAX_SAMPLES,
            file=file,
            key=f"{prefix}.{key}",
        )


def batches_of(batches: Any) -> tuple[str, ...]:
    """Batch labels: ``3`` -> ``("B1", "B2", "B3")``; a list is kept (stripped)."""
    if batches is None:
        return ()
    if isinstance(batches, int):
        return tuple(f"B{i + 1}" for i in range(batches))
    return tuple(str(b).strip() for b in batches)


def read_protocol_file(path: str | os.PathLike[str]) -> Protocol:
    """Read and validate a protocol template file.

    Raises
    ------
    StudyFileError
        ``file_not_found``, ``toml_syntax``, ``toml_unknown_key``, ``toml_missing_key``,
        ``toml_bad_value``, ``attribute_duplicate``.
    UnitError
        A temperature, RH, pull window or limit without unit or with one of the wrong
        dimension.
    InputError
        ``pull_times_not_increasing``, ``pull_time_negative``, ``chamber_duplicate``,
        ``rh_out_of_range``, ``temperature_implausible``.

    Every error names the file and the key. A template with ``kind`` or ``method``
    ``"critical_moisture"`` is read by :func:`shelflife.protocols.moisture.read_moisture_template`.
    """
    path = Path(path)
    file = str(path)
    document = _load(path)
    if MOISTURE_KINDS[0] in (document.get("kind"), document.get("method")):
        from .moisture import read_moisture_template

        return read_moisture_template(document, file=file)
    spec: ProtocolFileModel = validate_toml(
        ProtocolFileModel, document, file=file, schema=PROTOCOL_SCHEMA
    )
    chambers = chambers_of(spec.plan, file=file, prefix="plan")
    storage = tuple(
        kelvin_of(t, file=file, key=f"storage.temperature[{i}]")
        for i, t in enumerate(spec.storage.temperature)
    )
    attributes = _attributes(spec.attributes, file=file)
    if spec.temperature_model:
        attributes = tuple(
            dataclasses.replace(a, temperature_model=spec.temperature_model) for a in attributes
        )
    return Protocol(
        name=spec.name,
        title=spec.title,
        title_id=spec.title_id,
        kind=spec.kind,
        method=spec.method,
        strength=spec.strength,
        chambers=chambers,
        replicates=spec.plan.replicates,
        pull_window=days_of(spec.plan.pull_window, file=file, key="plan.pull_window"),
        storage_temperatures=storage,
        storage_rh=rh_of(spec.storage.rh, file=file, key="storage.rh"),
        attributes=attributes,
        time_unit=spec.plan.time_unit,
        batches=batches_of(spec.plan.batches),
        sources=tuple(c for c in (_citation(s) for s in spec.sources) if c is not None),
        sop={} if spec.sop is None else {"en": spec.sop.en, "id": spec.sop.id},
        summary=spec.summary,
        summary_id=spec.summary_id,
        temperature_model=spec.temperature_model,
        file=file,
        sensory=None if spec.sensory is None else SensoryPlan(**spec.sensory.model_dump()),
    )


def read_product_file(path: str | os.PathLike[str]) -> ProductPreset:
    """Read and validate a product preset file (errors as :func:`read_protocol_file`)."""
    path = Path(path)
    file = str(path)
    spec: ProductFileModel = validate_toml(
        ProductFileModel, _load(path), file=file, schema=PRODUCT_SCHEMA
    )
    if not re.fullmatch(r"[a-z0-9_]+", spec.key):
        raise HintedStudyFileError(
            "toml_bad_value",
            hints={
                "reason": ("hint_other_file", "what", {"reason": "use a-z, 0-9 and _ only"}),
                "fix": ("hint_other_file", "fix", {"kind": "product preset"}),
            },
            value=spec.key,
            file=file,
            key="key",
        )
    temps = None
    if spec.test_temperatures is not None:
        temps = tuple(
            kelvin_of(t, file=file, key=f"test_temperatures[{i}]")
            for i, t in enumerate(spec.test_temperatures)
        )
    moisture = None
    if spec.moisture is not None:
        from .moisture import moisture_defaults

        moisture = moisture_defaults(spec.moisture, file=file, key="moisture")
    return ProductPreset(
        key=spec.key,
        name=spec.name,
        name_id=spec.name_id,
        attributes=_attributes(spec.attributes, file=file),
        aliases=tuple(spec.aliases),
        template=spec.template,
        test_temperatures=temps,
        notes=spec.notes,
        notes_id=spec.notes_id,
        sources=tuple(c for c in (_citation(s) for s in spec.sources) if c is not None),
        file=file,
        moisture=moisture,
    )
