"""Messages of predictions along temperature histories (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "history_outside_tested": {
        "en": (
            "the history spans {low}–{high} °C but the study tested {tested_low}–"
            "{tested_high} °C; predictions outside that range are extrapolations.",
            "read the results outside the tested range with care, or test at those temperatures.",
        ),
        "id": (
            "riwayat mencakup {low}–{high} °C, sedangkan studi menguji {tested_low}–"
            "{tested_high} °C; prediksi di luar rentang itu adalah ekstrapolasi.",
            "baca hasil di luar rentang uji dengan hati-hati, atau uji pada suhu tersebut.",
        ),
    },
    "history_limit_reached": {
        "en": ("{attribute} reaches its limit during the history, on day {day}.", ""),
        "id": ("{attribute} mencapai batas kritisnya selama riwayat, pada hari ke-{day}.", ""),
    },
    "history_unknown": {
        "en": (
            "'{name}' is neither a file nor a known history.",
            "give a logger file, a route scenario ({scenarios}), a climatic zone ({zones}), "
            "or a constant history such as '30 degC for 6 month'.",
        ),
        "id": (
            "'{name}' bukan berkas maupun riwayat yang dikenal.",
            "berikan berkas logger, skenario rute ({scenarios}), zona iklim ({zones}), atau "
            "riwayat konstan seperti '30 degC for 6 month'.",
        ),
    },
    "option_missing": {
        "en": ("{command} needs {option}.", "see '{command} --help'."),
        "id": ("{command} memerlukan {option}.", "lihat '{command} --help'."),
    },
}
