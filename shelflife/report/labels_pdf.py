"""Labels of the PDF report (merged into :data:`shelflife.report.i18n.LABELS`)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "pdf_page": {
        "en": "page {page} of {pages}",
        "id": "halaman {page} dari {pages}",
    },
    "pdf_figure_missing": {
        "en": "[figure not available in the PDF: {alt}]",
        "id": "[gambar tidak tersedia di PDF: {alt}]",
    },
    "pdf_figure": {"en": "figure", "id": "gambar"},
}
