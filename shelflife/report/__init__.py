"""Outputs for people: the HTML report, the plain-text summary and HTML tables.

- :func:`build_report` renders the self-contained HTML durability report (EN/ID);
- :func:`build_pdf` typesets such a report as PDF (pure Python, see :mod:`.pdf`);
- :func:`summary_text` is the short summary the CLI prints;
- :mod:`shelflife.report.html_tables` gives the compact tables shown in Jupyter;
- :mod:`shelflife.report.i18n` holds every label in English and Bahasa Indonesia.

Nothing here computes science: the numbers come from the analysis objects. Submodules
are imported on first use so that ``import shelflife`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["build_report", "build_pdf", "summary_text", "fit_result_html", "study_analysis_html"]

_LAZY = {
    "build_report": "shelflife.report.builder",
    "build_pdf": "shelflife.report.pdf",
    "summary_text": "shelflife.report.text",
    "fit_result_html": "shelflife.report.html_tables",
    "study_analysis_html": "shelflife.report.html_tables",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shelflife.report' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
