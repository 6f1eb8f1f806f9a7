"""The ``study.toml`` of a critical-moisture study, and its self-check.

The text follows ``docs/critical-moisture-study.md``: ``[study]``, ``[moisture]``,
``[conditions]``, ``[package]`` and ``[[packaging]]`` for the analysis, commented in English
or Bahasa Indonesia with each value's source and ``PLACEHOLDER`` where the lab must put its
own, and a ``[protocol]`` table with the isotherm plan for ``shelflife protocol schedule``
and ``sheet``.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING, Any

from ...errors import InputError
from ...io.schema import validate_toml
from ..filetext import (
    _comment,
    _head_comment,
    _protocol_head,
    _quantity_text,
    _source_comment,
    _toml_string,
)
from ..model import Citation, format_number
from .plan import MoistureDefaults, PackageDefaults
from .template import _SQUARE

if TYPE_CHECKING:  # pragma: no cover
    from ..folder import StudyPlan

__all__ = ["moisture_study_toml", "check_moisture_toml", "dry_mass_text"]

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


def _cited(words: dict[str, Any], src: Citation | None, lang: str) -> list[str]:
    """The comment citing ``src``; without a source, a comment saying it is a placeholder."""
    if src is None:
        return _comment(words["source"].format(text=words["status"]["placeholder"]))
    return _source_comment(words, src, lang)


def dry_mass_text(package: PackageDefaults, moisture: MoistureDefaults) -> tuple[str, str | None]:
    """``dry_mass`` for study.toml, and how it was computed from ``net_mass`` (if it was)."""
    if package.dry_mass is not None or package.net_mass is None:
        return package.dry_mass or "", None
    from ...units import quantity

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
    lines = _head_comment(words, plan, lang)
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
        f"temperature = {_toml_string(_quantity_text(storage))}",
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
    lines += _protocol_head(words, plan)
    salts = ", ".join(_toml_string(s.name) for s in iso.salts)
    lines += [
        f"avoid_weekends = {'true' if plan.avoid_weekends else 'false'}",
        f"temperature = {_toml_string(_quantity_text(iso.temperature))}",
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
        from ...critical.schema import MOISTURE_SCHEMA, MoistureStudyFile
    except ImportError:  # pragma: no cover - the analysis is not installed
        return
    validate_toml(MoistureStudyFile, document, file=file, schema=MOISTURE_SCHEMA)
