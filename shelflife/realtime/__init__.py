"""Real-time studies: ICH Q1E batch analysis of a whole study, with JSON, summary and report.

A study whose ``study.toml`` says ``[study] method = "ich_q1e"`` holds real-time data:
several production batches (column ``batch``) stored at the intended storage condition and
measured over months. :func:`analyze_realtime` evaluates every attribute with
:func:`shelflife.q1e.q1e` at each storage temperature of the study, names the limiting
attribute (the shortest shelf life) and returns an immutable :class:`RealTimeAnalysis` that
works like :class:`shelflife.analysis.StudyAnalysis`: ``to_dict``/``to_json`` (the result
JSON of DESIGN.md §5, with ``"method": "ich_q1e"``), ``summary_text``, ``report`` (a
self-contained HTML report in English or Bahasa Indonesia), ``write`` and ``_repr_html_``.
:func:`shelflife.analyze` routes such studies here, so the CLI needs nothing else.

How the study file maps onto the Q1E analysis:

- every ``[[attributes]]`` entry is analysed; its ``limit`` and ``direction`` give the
  specification (``"min"``: a lower limit, ``"max"``: an upper limit);
- ``model = "zero"`` or ``"auto"``: a straight line in the attribute's unit (the ICH Q1E
  default); ``model = "first"``: a straight line in the logarithm of the attribute
  (first-order change); other orders are refused for this method;
- ``[conditions] storage``: the storage temperature(s) at which shelf life is wanted; each
  must be present in the data (real-time analysis does not extrapolate in temperature);
- a data file without a ``batch`` column (or with an empty one) is analysed as a single batch
  labelled ``"1"``, with the ``q1e_single_batch`` notice;
- fixed settings: poolability tests at ``alpha_pool`` = 0.25, one-sided 95 % confidence
  bound of the mean, separate-slopes model from individual batch fits (as JMP and expirest).

Modules: :mod:`~shelflife.realtime.settings` (the method's fixed settings),
:mod:`~shelflife.realtime.results` (:class:`RealTimeAnalysis`, :class:`RealTimeAttribute`,
:func:`mean_crossing`), :mod:`~shelflife.realtime.analyze` (:func:`analyze_realtime`),
:mod:`~shelflife.realtime.text` (phrases, the CLI summary, the notebook table),
:mod:`~shelflife.realtime.attribute_section` (a report section per attribute) and
:mod:`~shelflife.realtime.report_builder` (the HTML report).

Examples
--------
>>> import shelflife as sl                                        # doctest: +SKIP
>>> res = sl.analyze(sl.read_study("sample_data/gula-semut-realtime"))  # doctest: +SKIP
>>> res.limiting_attribute                                        # doctest: +SKIP
'moisture'
>>> res["moisture"].q1e.shelf_life                                # doctest: +SKIP
18.97...
"""

from __future__ import annotations

from .analyze import analyze_realtime
from .report_builder import REFERENCES, TEMPLATE
from .report_builder import _build_report as _build_report  # for shelflife.report.builder
from .results import RealTimeAnalysis, RealTimeAttribute, mean_crossing
from .settings import ALPHA_POOL, DIDS_VARIANT, LEVEL, METHOD, SINGLE_BATCH_LABEL

__all__ = [
    "analyze_realtime",
    "RealTimeAnalysis",
    "RealTimeAttribute",
    "mean_crossing",
    "METHOD",
    "ALPHA_POOL",
    "LEVEL",
    "DIDS_VARIANT",
    "SINGLE_BATCH_LABEL",
    "REFERENCES",
    "TEMPLATE",
]
