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
    "attribute_model_kind": {
        "en": (
            "model '{model}' does not fit an attribute of kind '{kind}'.",
            'use one of {choices}, or set kind = "microbial" for growth models (baranyi, '
            "gompertz, logistic, huang).",
        ),
        "id": (
            "model '{model}' tidak cocok untuk atribut jenis '{kind}'.",
            'gunakan salah satu dari {choices}, atau isikan kind = "microbial" untuk model '
            "pertumbuhan (baranyi, gompertz, logistic, huang).",
        ),
    },
    "microbial_primary_baranyi": {
        "en": (
            "the one-step fit across temperatures uses the Baranyi model; the requested "
            "'{model}' model is used only for single curves (shelflife.microbial.fit_growth).",
            "",
        ),
        "id": (
            "pemasangan satu tahap lintas suhu memakai model Baranyi; model '{model}' yang "
            "diminta hanya dipakai untuk kurva tunggal (shelflife.microbial.fit_growth).",
            "",
        ),
    },
    "sensory_other_temperatures": {
        "en": (
            "the consumer panel '{name}' was stored at one temperature only: it gives no "
            "sensory shelf life at the other storage temperatures.",
            "store panels at two or more temperatures to extrapolate with Arrhenius.",
        ),
        "id": (
            "panel konsumen '{name}' hanya disimpan pada satu suhu: panel itu tidak memberi "
            "umur simpan sensori pada suhu penyimpanan lain.",
            "simpan panel pada dua suhu atau lebih untuk ekstrapolasi dengan Arrhenius.",
        ),
    },
    "history_sensory_skipped": {
        "en": (
            "the consumer panel '{name}' is not predicted along the history: survival analysis "
            "of acceptance has no model of change under varying temperature.",
            "judge it from its shelf life at the storage temperature.",
        ),
        "id": (
            "panel konsumen '{name}' tidak diprediksi sepanjang riwayat: analisis survival "
            "penerimaan tidak memiliki model perubahan pada suhu yang berubah-ubah.",
            "nilai dari umur simpannya pada suhu penyimpanan.",
        ),
    },
}
