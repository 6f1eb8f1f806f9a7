"""The self-contained HTML durability report.

:func:`build_report` turns a :class:`~shelflife.analysis.StudyAnalysis` into one HTML file
with inline CSS and inline SVG plots, in English or Bahasa Indonesia. Sections, in order:

1. verdict (shelf life per storage temperature, the limiting attribute, warnings, and
   what the interval, the conservative value and the extrapolation mean, in plain words);
2. study design;
3. one section per attribute (model, parameters, statistics, model comparison by AICc
   with Akaike weights, model diagnostics, plots, shelf life against temperature with Q10,
   isoconversion and the two-step method for comparison);
4. the sections of further results (microbes, consumers, histories, routes, labels);
5. method statement (with the error model and per-temperature initial values used) and
   references;
6. reproducibility (software versions, SHA-256 of the input files, random seeds, the
   options that change the result, the time stamp when one is asked for);
7. data (the measurements per attribute and storage condition);
8. sign-off (analyst, reviewer, laboratory, date; blank lines to sign by hand).

The output is deterministic: the same analysis gives byte-identical HTML (no timestamp
unless one is passed, fixed SVG ids through ``svg.hashsalt``, no SVG date). Numbers come
from the analysis objects; the report only formats them (curves for the plots are evaluated
from the fitted model). Plots are drawn on :class:`matplotlib.figure.Figure` objects directly, so no GUI
backend is touched.

This module assembles the report; the sections are built in :mod:`.verdict`,
:mod:`.attribute_section`, :mod:`.figures`, :mod:`.method`, :mod:`.uncertainty_text`,
:mod:`.data_appendix`, :mod:`.reproducibility` and :mod:`.signoff`. Their names that
other modules use are importable from here as before.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# ``X as X``: importable from here as before the split (by shelflife.report.pdf and
# .sections, shelflife.critical.report, shelflife.realtime and the tests)
from .attribute_section import KJ_TO_CAL, _attribute
from .attribute_section import _diagnostics as _diagnostics
from .attribute_section import _isoconversion as _isoconversion
from .attribute_section import _model_comparison as _model_comparison
from .data_appendix import _data_tables, _panel_tables, data_cell
from .data_appendix import _same_n as _same_n
from .data_appendix import _value_decimals as _value_decimals
from .figures import _FIGURE_FORMAT as _FIGURE_FORMAT
from .figures import _MARGINS as _MARGINS
from .figures import FIGSIZE as FIGSIZE
from .figures import PNG_DPI as PNG_DPI
from .figures import _png_img as _png_img
from .figures import _svg as _svg
from .html_tables import notice_rows
from .i18n import REFERENCES, check_lang, labels
from .method import _method
from .reproducibility import _options, _software, confidence_level, format_timestamp, seeds_text
from .signoff import SIGNOFF_KEYS, resolve_signoff, signoff_context
from .uncertainty_text import _uncertainty
from .verdict import _all_rows, _design, _names, _verdict
from .verdict import attribute_design_row as attribute_design_row

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis

__all__ = [
    "build_report",
    "resolve_signoff",
    "signoff_context",
    "format_timestamp",
    "seeds_text",
    "data_cell",
    "confidence_level",
    "SIGNOFF_KEYS",
    "TEMPLATE",
    "KJ_TO_CAL",
]

#: Template file in ``shelflife/report/templates``.
TEMPLATE = "report.html.j2"


@functools.lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("shelflife.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _context(
    analysis: StudyAnalysis,
    lang: str,
    extras: Sequence[Any] = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> dict[str, Any]:
    st = analysis.study
    names = _names(analysis)
    limiting = {analysis.limiting_at(T) for T in analysis.storage_temperatures}
    smallest = analysis.smallest_activation_energy_attribute
    hashes = st.source.get("sha256", {}) if isinstance(st.source, dict) else {}
    return {
        "lang": lang,
        "L": labels(lang),
        "product": st.product or st.name,
        "study_name": st.name,
        "verdict": _verdict(analysis, lang),
        "all_rows": _all_rows(analysis, lang),
        "warnings": notice_rows(analysis.notices, lang, names),
        "smallest_ea": names.get(smallest, smallest)
        if smallest is not None and len(analysis.attributes) > 1 and smallest not in limiting
        else None,
        "design": _design(analysis, lang),
        "attributes": [
            _attribute(aa, i + 1, analysis, lang) for i, aa in enumerate(analysis.attributes)
        ],
        "method": _method(analysis, lang),
        "references": REFERENCES,
        "software": _software(),
        "inputs": sorted((str(k), str(v)) for k, v in dict(hashes).items()),
        "extra_sections": [x.report_section(lang) for x in (*analysis.others, *extras)],
        "uncertainty": _uncertainty(analysis, lang),
        "data_tables": _data_tables(analysis, lang) + _panel_tables(analysis, lang),
        "options": _options(analysis, lang),
        "seeds": seeds_text(extras, lang),
        "generated": "" if timestamp is None else format_timestamp(timestamp, lang),
        "signoff": signoff_context(resolve_signoff(st.report_meta, signoff), lang),
    }


def build_report(
    analysis: Any,
    lang: str = "en",
    extras: Sequence[Any] = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> str:
    """Render the HTML durability report of an analysis.

    Parameters
    ----------
    analysis : StudyAnalysis
        Result of :func:`shelflife.analyze`. A real-time (ICH Q1E) or critical-moisture
        analysis is rendered with its own template.
    lang : {"en", "id"}
        English or Bahasa Indonesia (labels, decimal commas, "x bulan y hari").
    extras : sequence, optional
        Further results shown as their own sections before the method statement, e.g. a
        :class:`~shelflife.distribution.HistoryPrediction`; each provides
        ``report_section(lang)`` returning the section dict of :mod:`shelflife.report.sections`.
    signoff : ReportMeta or mapping, optional
        Analyst, reviewer, laboratory and date of the sign-off block, over the study's
        ``[report]`` table (see :func:`resolve_signoff`); empty fields are printed as lines
        to sign by hand.
    timestamp : datetime.datetime, optional
        When given, printed in the reproducibility section ("Report generated"). By
        default there is none, so the same analysis gives byte-identical HTML.

    Returns
    -------
    str
        A self-contained HTML document (inline CSS and SVG); the same analysis (and
        time stamp) always gives the same string.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for an unsupported language or an unknown sign-off key.
    """
    check_lang(lang)
    method = getattr(analysis, "method", "kinetics")
    if method == "ich_q1e":
        from ..realtime import _build_report

        return _build_report(analysis, lang, extras=extras, signoff=signoff, timestamp=timestamp)
    if method == "critical_moisture":
        from ..critical.report import build_moisture_report

        return build_moisture_report(
            analysis, lang, extras=extras, signoff=signoff, timestamp=timestamp
        )
    template = _environment().get_template(TEMPLATE)
    return template.render(**_context(analysis, lang, extras, signoff, timestamp))
