"""Check what the lab entered against the plan: ``shelflife protocol check STUDY``.

:func:`check_study` reads a study folder made by ``shelflife protocol new`` (its plan from
``study.toml``, its data sheet as raw strings with the spreadsheet's row numbers) and
reports, as coded findings in English and Bahasa Indonesia:

- **missing** pulls, samples and values (planned chamber x pull x replicate [x batch] with
  no value); pulls not yet due are reported once per chamber as *pending* (info);
- **unplanned** rows: temperatures with no chamber, times with no planned pull, replicate
  numbers or batches that are not in the plan;
- pulls made **outside their time window**;
- **duplicated** rows (same chamber, pull, replicate and batch);
- **implausible** values (outside :data:`PLAUSIBLE_RANGES`), cells that are not numbers;
- **unit** problems: a header unit that differs from the plan's, a missing unit, a column
  that looks like fractions instead of percent, a value about 100 times off the other
  replicates of its pull;
- suspected **outliers**: a replicate far from the others of its pull, judged against the
  replicate scatter of the whole study (a robust, pooled scale);
- with chamber **logger** files (:func:`shelflife.protocols.logger.read_logger`): each
  logger is matched to a chamber by set-point, and its mean, minimum, maximum, mean kinetic
  temperature, time outside set-point ± 2 °C and gaps are reported.

The check never raises for content problems, however messy the sheet: every problem becomes
a finding. It raises coded errors only when the study folder or its plan cannot be read, or
a logger file given to it cannot be read. Severity: ``"error"`` (the data are wrong or the
analysis will refuse them), ``"warning"`` (look at it), ``"info"``.

Modules: :mod:`~shelflife.protocols.check.findings` (:class:`Finding`, :class:`CheckReport`),
:mod:`~shelflife.protocols.check.ranges` (tolerances and :data:`PLAUSIBLE_RANGES`),
:mod:`~shelflife.protocols.check.base` (the state the steps share),
:mod:`~shelflife.protocols.check.reading` (the data sheet: columns, units, rows),
:mod:`~shelflife.protocols.check.matching` (rows to chambers and pulls; missing pulls),
:mod:`~shelflife.protocols.check.values` (implausible values, scale slips, outliers),
:mod:`~shelflife.protocols.check.loggers` (chamber logger files) and
:mod:`~shelflife.protocols.check.study` (:func:`check_study`).
"""

from __future__ import annotations

from .findings import SEVERITIES, CheckReport, Finding
from .ranges import OUTLIER_Z, PLAUSIBLE_RANGES, TEMPERATURE_TOLERANCE, plausible_range
from .study import check_study

__all__ = [
    "CheckReport",
    "Finding",
    "check_study",
    "plausible_range",
    "PLAUSIBLE_RANGES",
    "SEVERITIES",
    "TEMPERATURE_TOLERANCE",
    "OUTLIER_Z",
]
