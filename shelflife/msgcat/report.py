"""Messages of the report writers (HTML and PDF; see :mod:`shelflife.report`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # help text of the --format option (the second part is unused)
    "report_help_format": {
        "en": (
            "report formats written with --out, separated by commas: html, pdf or html,pdf "
            "(default: html); the PDF needs no system libraries",
            "",
        ),
        "id": (
            "format laporan yang ditulis dengan --out, dipisah koma: html, pdf atau html,pdf "
            "(bawaan: html); PDF tidak memerlukan pustaka sistem",
            "",
        ),
    },
    "report_format_unknown": {
        "en": (
            "unknown report format '{value}'.",
            "use {choices}, or several separated by commas (e.g. --format html,pdf).",
        ),
        "id": (
            "format laporan '{value}' tidak dikenal.",
            "gunakan {choices}, atau beberapa dipisah koma (mis. --format html,pdf).",
        ),
    },
}
