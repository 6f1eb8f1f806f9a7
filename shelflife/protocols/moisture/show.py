"""How a critical-moisture plan is shown: its notices, its JSON form and readable text.

:func:`moisture_notices` warns of too few salts, an isotherm at another temperature than
storage, placeholders and unchecked sources; :func:`moisture_to_dict` is the JSON form and
:func:`describe_moisture` the text of ``shelflife protocol show``, in English or Bahasa
Indonesia.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ...errors import Notice
from ..model import Protocol, celsius_text
from ..text import (
    _COMMON_WORDS,
    _heading,
    _num,
    _product_line,
    _source_line,
    _storage_text,
    _wrap,
    closing_lines,
)
from .plan import MIN_SALTS_GAB

__all__ = ["placeholder_keys", "moisture_notices", "moisture_to_dict", "describe_moisture"]

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
        **_COMMON_WORDS["en"],
        "strengths": {
            "standard": "standard (the main method)",
            "screening": "SCREENING: indicative only",
            "confirmation": "confirmation",
        },
        "method_text": "critical moisture (Labuza): isotherm fits, shelf life per packaging option, "
        "closed form and numerical (shelflife analyze)",
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
    },
    "id": {
        **_COMMON_WORDS["id"],
        "strengths": {
            "standard": "standar (metode utama)",
            "screening": "PENAPISAN: hanya indikatif",
            "confirmation": "konfirmasi",
        },
        "method_text": "kadar air kritis (Labuza): fit isotermi, umur simpan per pilihan kemasan, "
        "rumus tertutup dan numerik (shelflife analyze)",
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
    },
}


def _interval_text(days: float, lang: str) -> str:
    hours = days * 24
    if abs(hours - round(hours)) < 1e-9 and hours <= 48:
        return f"{_num(round(hours), lang)} {'jam' if lang == 'id' else 'h'}"
    return f"{_num(days, lang)} {'hari' if lang == 'id' else 'day(s)'}"


def describe_moisture(protocol: Protocol, lang: str = "en") -> str:
    """The critical-moisture plan as readable text (``shelflife protocol show``)."""
    w = _W.get(lang, _W["en"])
    p = protocol
    iso = p.isotherm
    assert iso is not None
    lines = _heading(p, w, lang)
    lines += _wrap(f"{w['method']}: {w['method_text']}", "", "  ")
    lines.append(_product_line(p, w, lang))
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
    lines += ["", f"{w['storage']}: {_storage_text(p, lang)}"]
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
