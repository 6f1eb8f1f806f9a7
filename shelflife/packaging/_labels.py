"""Plot and summary labels of the packaging results, in English and Bahasa Indonesia."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "time": {"en": "Storage time [day]", "id": "Waktu simpan [hari]"},
    "moisture": {
        "en": "Moisture [g water/g dry solids]",
        "id": "Kadar air [g air/g padatan kering]",
    },
    "aw": {"en": "Water activity inside [-]", "id": "Aktivitas air di dalam [-]"},
    "critical": {"en": "Critical moisture Mc", "id": "Kadar air kritis Mc"},
    "reached": {"en": "limit reached, day {day}", "id": "batas tercapai, hari ke-{day}"},
    "never": {"en": "limit never reached", "id": "batas tidak pernah tercapai"},
    "not_in_history": {
        "en": "limit not reached during the history",
        "id": "batas tidak tercapai selama riwayat",
    },
    "shelf_life_axis": {"en": "Moisture-limited shelf life [day]", "id": "Umur simpan [hari]"},
    "closed_form": {"en": "closed form (Labuza)", "id": "rumus tertutup (Labuza)"},
    "numerical": {"en": "numerical (isotherm)", "id": "numerik (isoterm)"},
    "target": {"en": "target {days} days", "id": "target {days} hari"},
    "infinite": {"en": "never", "id": "tak hingga"},
    "moisture_line": {"en": "moisture m(t)", "id": "kadar air m(t)"},
    "aw_line": {"en": "water activity a_w(t)", "id": "aktivitas air a_w(t)"},
    "title_uptake": {"en": "Moisture uptake: {name}", "id": "Penyerapan air: {name}"},
    "title_compare": {
        "en": "Shelf life per packaging ({condition})",
        "id": "Umur simpan per kemasan ({condition})",
    },
}


def label(key: str, lang: str = "en", **params: object) -> str:
    """Label ``key`` in ``lang`` ("en" or "id")."""
    from ..report.i18n import check_lang

    text = LABELS[key][check_lang(lang)]
    return text.format(**params) if params else text
