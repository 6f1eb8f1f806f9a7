"""Readable text of a protocol (``shelflife protocol show``), in English or Bahasa Indonesia."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from .model import celsius_text, format_number

if TYPE_CHECKING:  # pragma: no cover
    from .model import Citation, Protocol

__all__ = ["describe"]

#: Words that the readable plans of every method share (:func:`describe` here, and the
#: critical-moisture plan of :mod:`shelflife.protocols.moisture.show`).
_COMMON_WORDS = {
    "en": {
        "strength": "Strength",
        "method": "Analysis",
        "product": "Product preset",
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
        "method": "Analisis",
        "product": "Preset produk",
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

_W = {
    "en": {
        **_COMMON_WORDS["en"],
        "strengths": {
            "standard": "standard (the main method)",
            "screening": "SCREENING: indicative only, confirm before labelling",
            "confirmation": "confirmation (real time)",
        },
        "methods": {
            "kinetics": "kinetics: one-step fit of all temperatures (shelflife analyze)",
            "ich_q1e": "ICH Q1E batch analysis at the storage condition (shelflife analyze)",
        },
        "none": "none (generic attributes: replace them)",
        "plan": "Plan",
        "replicates": "{n} replicate(s) per pull{batches}; pull window ± {w} day(s)",
        "batches": ", {n} batches ({labels})",
        "chambers": "Chambers",
        "pulls": "{n} pulls at {unit} {times}; last pull at day {last} ({weeks} weeks)",
        "samples": "Samples to prepare: {n} (pulls × replicates × batches), plus spares",
        "storage": "Shelf life wanted at",
        "attributes": "Critical attributes",
        "limit": "limit {sign} {value} {unit}",
        "model": "order {model}, temperature model {tm}",
        "analysis": "method",
        "source": "limit source",
    },
    "id": {
        **_COMMON_WORDS["id"],
        "strengths": {
            "standard": "standar (metode utama)",
            "screening": "PENAPISAN: hanya indikatif, konfirmasi sebelum dicantumkan di label",
            "confirmation": "konfirmasi (waktu nyata)",
        },
        "methods": {
            "kinetics": "kinetika: fit satu tahap semua suhu (shelflife analyze)",
            "ich_q1e": "analisis batch ICH Q1E pada kondisi penyimpanan (shelflife analyze)",
        },
        "none": "tidak ada (atribut umum: gantilah)",
        "plan": "Rencana",
        "replicates": "{n} ulangan per pengambilan{batches}; jendela pengambilan ± {w} hari",
        "batches": ", {n} batch ({labels})",
        "chambers": "Ruang simpan",
        "pulls": "{n} pengambilan pada {unit} ke-{times}; pengambilan terakhir hari ke-{last} "
        "({weeks} minggu)",
        "samples": "Sampel yang disiapkan: {n} (pengambilan × ulangan × batch), ditambah cadangan",
        "storage": "Umur simpan diduga pada",
        "attributes": "Atribut kritis",
        "limit": "batas {sign} {value} {unit}",
        "model": "orde {model}, model suhu {tm}",
        "analysis": "metode",
        "source": "sumber batas",
    },
}

_UNITS_ID = {"day": "hari", "week": "minggu", "month": "bulan"}
_ORDERS_ID = {"auto": "otomatis", "zero": "nol", "first": "satu", "second": "dua"}


def _num(x: float, lang: str) -> str:
    """A number with a decimal comma in Bahasa Indonesia."""
    text = format_number(x)
    return text.replace(".", ",") if lang == "id" else text


def _numbers(values: list[float], lang: str) -> str:
    """A list of numbers; ``;``-separated when a decimal comma could make it ambiguous."""
    texts = [_num(v, lang) for v in values]
    return ("; " if any("," in t for t in texts) else ", ").join(texts)


def _wrap(text: str, indent: str, hang: str = "  ") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        95,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _heading(p: Protocol, w: dict, lang: str) -> list[str]:
    """The opening lines of a readable plan: title, underline, summary and strength."""
    title = p.title_id if lang == "id" else p.title
    lines = [f"{p.name}: {title}", "=" * min(95, len(p.name) + 2 + len(title))]
    summary = p.summary_id if lang == "id" else p.summary
    if summary:
        lines += _wrap(summary, "", "")
    lines.append("")
    lines.append(f"{w['strength']}: {w['strengths'].get(p.strength, p.strength)}")
    return lines


def _product_line(p: Protocol, w: dict, lang: str) -> str:
    """``"Product preset: Keripik ... (keripik)"``, or the word table's ``"none"``."""
    product = p.product.display_name(lang) + f" ({p.product.key})" if p.product else w["none"]
    return f"{w['product']}: {product}"


def _storage_text(p: Protocol, lang: str) -> str:
    """The storage temperatures and RH, ``"30 °C / 75 % RH"``."""
    storage = ", ".join(celsius_text(t) for t in p.storage_temperatures)
    if p.storage_rh is not None:
        storage += f" / {_num(p.storage_rh, lang)} % RH"
    return storage


def _source_line(w: dict[str, Any], label: str, src: Citation | None) -> str | None:
    """``"label: short citation [status] URL"``, or ``None`` without a source."""
    if src is None:
        return None
    status = w["status"].get(src.status, src.status)
    url = f" {src.url}" if src.url else ""
    return f"{label}: {src.short} [{status}]{url}"


def closing_lines(p: Protocol, w: dict, lang: str) -> list[str]:
    """The closing block of a readable plan: product notes, SOP, sources and notices.

    Shared by :func:`describe` and the critical-moisture describer; ``w`` is the word table
    of the language.
    """
    lines: list[str] = []
    notes = None
    if p.product is not None:
        notes = p.product.notes_id if lang == "id" else p.product.notes
    if notes:
        lines += ["", f"{w['notes']}:"]
        lines += _wrap(notes, "  ", "")
    sop = p.sop_path(lang)
    if sop is not None:
        lines += ["", f"{w['sop']}: {sop}"]
    if p.sources:
        lines += ["", f"{w['sources']}:"]
        for s in p.sources:
            status = w["status"].get(s.status, s.status)
            url = f" {s.url}" if s.url else ""
            lines += _wrap(f"- {s.citation} [{status}]{url}", "  ")
    notices = p.notices()
    if notices:
        lines += ["", f"{w['notices']}:"]
        for n in notices:
            lines += _wrap(f"! [{n.code}] {n.message(lang)}", "  ")
    return lines


def describe(protocol: Protocol, lang: str = "en") -> str:
    """The plan as readable text: chambers, pulls, replicates, attributes, limits, sources.

    Examples
    --------
    >>> from shelflife.protocols import Protocol
    >>> text = describe(Protocol.from_name("q10-screening"))
    >>> "SCREENING" in text
    True
    """
    if protocol.isotherm is not None:
        from .moisture import describe_moisture

        return describe_moisture(protocol, lang)
    w = _W.get(lang, _W["en"])
    p = protocol
    lines = _heading(p, w, lang)
    lines.append(f"{w['method']}: {w['methods'].get(p.method, p.method)}")
    lines.append(_product_line(p, w, lang))
    lines.append("")
    batches = (
        w["batches"].format(n=len(p.batches), labels=", ".join(p.batches)) if p.batches else ""
    )
    lines.append(
        f"{w['plan']}: "
        + w["replicates"].format(n=p.replicates, batches=batches, w=format_number(p.pull_window))
    )
    lines.append(f"{w['chambers']}:")
    per_unit = p.unit_days
    unit = _UNITS_ID.get(p.time_unit, p.time_unit) if lang == "id" else p.time_unit
    for i, c in enumerate(p.chambers, start=1):
        pulls = w["pulls"].format(
            n=len(c.pulls),
            unit=unit,
            times=_numbers([d / per_unit for d in c.pulls], lang),
            last=_num(c.duration, lang),
            weeks=_num(round(c.duration / 7, 1), lang),
        )
        lines += _wrap(f"{i}. {c.label(lang)}: {pulls}", "  ")
    lines.append(w["samples"].format(n=p.n_samples))
    lines.append(f"{w['storage']}: {_storage_text(p, lang)}")
    lines.append("")
    lines.append(f"{w['attributes']}:")
    for a in p.attributes:
        sign = "≤" if a.direction == "max" else "≥"
        limit = w["limit"].format(sign=sign, value=_num(a.limit, lang), unit=a.unit)
        order = _ORDERS_ID.get(a.model, a.model) if lang == "id" else a.model
        model = w["model"].format(model=order, tm=a.temperature_model)
        if p.method == "ich_q1e":
            model = model.split(",")[0]
        lines += _wrap(f"- {a.display_name(lang)} [{a.unit}] ({a.name}): {limit}; {model}", "  ")
        analysis = a.analysis_text(lang)
        if analysis:
            lines += _wrap(f"{w['analysis']}: {analysis}", "    ")
        line = _source_line(w, w["source"], a.limit_source)
        if line:
            lines += _wrap(line, "    ")
    lines += closing_lines(p, w, lang)
    return "\n".join(lines) + "\n"
