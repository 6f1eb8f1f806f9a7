"""Translations of report and plot labels, and locale-aware number formatting.

Every label that the report, the plain-text summary, the HTML tables and the plots show
lives in :data:`LABELS`, in English (``"en"``) and Bahasa Indonesia (``"id"``). Numbers
are formatted with Babel (CLDR data shipped with the package, so the output does not
depend on the operating system's locale): Indonesian uses the decimal comma and the
full stop as thousands separator.

Modules: :mod:`.translate` (:data:`LANGUAGES`, :data:`LABELS`, :func:`check_lang`,
:func:`t`, :func:`labels`, :func:`sentence`), :mod:`.formatting` (numbers, dates,
temperatures, durations, units) and the label tables ``labels_*.py``, among them
:mod:`.labels_method` (:data:`METHOD_PARAGRAPHS`, :data:`REFERENCES`). Their names are
importable from here as before.

Examples
--------
>>> t("shelf_life", "id")
'Umur simpan'
>>> format_number(1234.5, "id", 1)
'1.234,5'
>>> format_number(0.019534, "en", 3, significant=True)
'0.0195'
"""

from __future__ import annotations

from .formatting import (
    format_celsius,
    format_date,
    format_days,
    format_number,
    months_days_text,
    unit_label,
)

# ``X as X``: importable from here as before the split (by shelflife.report.builder and .method)
from .labels_method import METHOD_PARAGRAPHS as METHOD_PARAGRAPHS
from .labels_method import REFERENCES as REFERENCES
from .translate import LABELS, LANGUAGES, check_lang, labels, sentence, t

__all__ = [
    "LANGUAGES",
    "LABELS",
    "check_lang",
    "t",
    "labels",
    "format_number",
    "format_date",
    "format_celsius",
    "format_days",
    "months_days_text",
    "unit_label",
    "sentence",
]
