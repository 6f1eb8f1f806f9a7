"""Report and summary labels of the distribution features (histories, routes, labels).

Merged into :data:`shelflife.report.i18n.LABELS`; kept apart so the topic can grow without
touching the main label table. Same shape: ``key -> {"en": text, "id": text}``.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "history_title": {
        "en": "Along the temperature history: {source}",
        "id": "Sepanjang riwayat suhu: {source}",
    },
    "history_span": {
        "en": "  {duration}; mean {mean} (min {low}, max {high}); USP mean kinetic "
        "temperature {mkt}",
        "id": "  {duration}; rata-rata {mean} (min {low}, maks {high}); suhu kinetik rata-rata "
        "USP {mkt}",
    },
    "history_reached": {
        "en": "limit reached on day {day}",
        "id": "batas kritis tercapai pada hari ke-{day}",
    },
    "history_not_reached": {
        "en": "limit not reached during the history",
        "id": "batas kritis tidak tercapai selama riwayat",
    },
    "history_used": {
        "en": "{used} % of the shelf life used (effective temperature {teff})",
        "id": "{used} % umur simpan terpakai (suhu efektif {teff})",
    },
    "history_left": {
        "en": "{left} left at {at} (95 % CI {low}–{high} days)",
        "id": "sisa {left} pada {at} (SK 95 % {low}–{high} hari)",
    },
    "history_never": {
        "en": "the limit is never reached afterwards",
        "id": "batas kritis tidak pernah tercapai sesudahnya",
    },
    "history_limiting": {
        "en": "limiting attribute: the least shelf life left after the history",
        "id": "atribut pembatas: sisa umur simpan paling pendek setelah riwayat",
    },
    "history_plot_x": {
        "en": "Time along the history [day]",
        "id": "Waktu sepanjang riwayat [hari]",
    },
    "history_plot_y": {"en": "Shelf life used [%]", "id": "Umur simpan terpakai [%]"},
    "history_plot_t": {"en": "Temperature [°C]", "id": "Suhu [°C]"},
    "history_section_intro": {
        "en": "Each attribute is integrated exactly along the history with its own fitted "
        "kinetics. The shelf life left is the time to the limit at {at} after the history, "
        "with its 95 % confidence interval from the fit's uncertainty (not the history's).",
        "id": "Setiap atribut diintegrasikan secara eksak sepanjang riwayat dengan kinetikanya "
        "sendiri. Sisa umur simpan adalah waktu hingga batas kritis pada {at} setelah "
        "riwayat, dengan selang kepercayaan 95 % dari ketidakpastian pemasangan model (bukan "
        "dari riwayat).",
    },
    "history_col_reached": {"en": "Limit reached [day]", "id": "Batas tercapai [hari]"},
    "history_col_used": {"en": "Used [%]", "id": "Terpakai [%]"},
    "history_col_left": {"en": "Left at {at} [day]", "id": "Sisa pada {at} [hari]"},
    "history_col_teff": {"en": "Effective temperature", "id": "Suhu efektif"},
    "history_figure": {
        "en": "Share of the shelf life used along the history (lines) and the temperature "
        "(grey steps, right axis); 100 % is the limit.",
        "id": "Bagian umur simpan yang terpakai sepanjang riwayat (garis) dan suhu (tangga "
        "abu-abu, sumbu kanan); 100 % adalah batas kritis.",
    },
    "history_mkt_note": {
        "en": "The effective temperature uses each attribute's own activation energy; the USP "
        "mean kinetic temperature assumes 83.144 kJ/mol for every product and is shown for "
        "comparison only.",
        "id": "Suhu efektif memakai energi aktivasi masing-masing atribut; suhu kinetik "
        "rata-rata USP mengasumsikan 83,144 kJ/mol untuk semua produk dan hanya ditampilkan "
        "sebagai pembanding.",
    },
    "history_dash_note": {
        "en": "–: the limit is not reached during the history.",
        "id": "–: batas kritis tidak tercapai selama riwayat.",
    },
}
