"""General words of the reports and the plain-text summary.

Titles, the study's terms (product, attribute, unit, limit, direction, temperatures,
measurements), the shelf-life terms (estimate, confidence interval, conservative value,
days), the limiting attribute, warnings and short connecting words. Merged into
:data:`shelflife.report.i18n.LABELS` (keys must be new there).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "report_title": {"en": "Shelf-life report", "id": "Laporan umur simpan"},
    "summary_title": {"en": "Shelf-life summary", "id": "Ringkasan umur simpan"},
    "product": {"en": "Product", "id": "Produk"},
    "study": {"en": "Study", "id": "Studi"},
    "attribute": {"en": "Attribute", "id": "Atribut"},
    "attributes": {"en": "Attributes", "id": "Atribut"},
    "unit": {"en": "Unit", "id": "Satuan"},
    "limit": {"en": "Limit", "id": "Batas kritis"},
    "direction": {"en": "Fails when", "id": "Gagal bila"},
    "direction_max": {"en": "rising above the limit", "id": "naik melewati batas"},
    "direction_min": {"en": "falling below the limit", "id": "turun melewati batas"},
    "model_choice": {"en": "Model requested", "id": "Model yang diminta"},
    "model_auto": {
        "en": "auto (zero or first order by AIC)",
        "id": "otomatis (orde nol atau satu menurut AIC)",
    },
    "temperature": {"en": "Temperature", "id": "Suhu"},
    "storage_temperature": {"en": "Storage temperature", "id": "Suhu penyimpanan"},
    "storage_temperatures": {"en": "Storage temperatures", "id": "Suhu penyimpanan"},
    "temperatures_tested": {"en": "Temperatures tested", "id": "Suhu pengujian"},
    "n_measurements": {"en": "Number of measurements", "id": "Jumlah pengukuran"},
    "n_measurements_by_attr": {
        "en": "Measurements per attribute",
        "id": "Pengukuran per atribut",
    },
    "storage_period": {"en": "Longest storage time", "id": "Waktu simpan terlama"},
    "shelf_life": {"en": "Shelf life", "id": "Umur simpan"},
    "estimate": {"en": "Estimate", "id": "Nilai dugaan"},
    "ci95": {"en": "95 % CI", "id": "SK 95 %"},
    "ci95_long": {"en": "95 % confidence interval", "id": "selang kepercayaan 95 %"},
    "conservative": {"en": "Conservative", "id": "Konservatif"},
    "conservative_long": {
        "en": "Conservative shelf life (ICH Q1E)",
        "id": "Umur simpan konservatif (ICH Q1E)",
    },
    "months_days": {"en": "Months and days", "id": "Bulan dan hari"},
    "day": {"en": "day", "id": "hari"},
    "days": {"en": "days", "id": "hari"},
    "never": {"en": "limit never reached", "id": "batas tidak pernah tercapai"},
    "exceeded_at_start": {
        "en": "limit exceeded at time zero",
        "id": "batas terlampaui sejak awal",
    },
    "limiting_attribute": {"en": "Limiting attribute", "id": "Atribut pembatas"},
    "limiting": {"en": "limiting", "id": "pembatas"},
    "none_limiting": {
        "en": "no attribute reaches its limit on this model",
        "id": "tidak ada atribut yang mencapai batasnya menurut model ini",
    },
    "smallest_ea_attribute": {
        "en": "Attribute with the smallest Ea (local convention, for comparison)",
        "id": "Atribut dengan Ea terkecil (kebiasaan setempat, sebagai pembanding)",
    },
    "warnings": {"en": "Warnings", "id": "Peringatan"},
    "no_warnings": {"en": "No warnings.", "id": "Tidak ada peringatan."},
    "to": {"en": "to", "id": "sampai"},
    "at": {"en": "at", "id": "pada"},
    "yes": {"en": "yes", "id": "ya"},
    "no": {"en": "no", "id": "tidak"},
}
