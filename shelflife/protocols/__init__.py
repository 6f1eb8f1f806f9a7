"""Lab protocols: plan a study, print its calendar and data sheet (issue 4).

Protocols are data, not code: TOML templates (``aslt-arrhenius``, ``q10-screening``,
``real-time-confirmation``, and ``critical-moisture`` for Labuza's critical-moisture method)
with an SOP beside each in English and Bahasa Indonesia, and product presets for East Java
export products (keripik, kerupuk, sambal, kopi bubuk, gula semut, gula kelapa, dodol) with
their critical attributes and cited, editable limits. They ship in
``shelflife/protocols/data/``.

>>> from shelflife.protocols import Protocol, list_protocols
>>> list_protocols()  # doctest: +NORMALIZE_WHITESPACE
['aslt-arrhenius', 'critical-moisture', 'microbial-challenge', 'q10-screening',
 'real-time-confirmation', 'sensory-survival']
>>> plan = Protocol.from_name("aslt-arrhenius", product="keripik")
>>> plan.n_samples  # 3 chambers x 9 pulls x 3 replicates
81

- :class:`Protocol` (``from_name``, ``from_file``, ``with_product``, ``schedule``,
  ``describe``, ``notices``) and :class:`ProductPreset`;
- :func:`new_study` creates a study folder (``study.toml`` with a ``[protocol]`` table,
  ``schedule.csv``, ``schedule.ics``, a blank ``data.csv`` or ``data.xlsx``);
- :func:`read_plan` reads the plan back from a study folder; :func:`write_schedule` and
  :func:`write_sheet` re-create the calendar and the data sheet;
- :func:`check_study` compares the entered data (and chamber logger files, read by
  :func:`read_logger`) with the plan.

The critical-moisture template has no chambers: its plan is an isotherm (saturated salts,
replicates, weighings to constant mass) with default moisture and package data
(:mod:`shelflife.protocols.moisture`); ``new_study`` then writes ``study.toml`` in the format of
``docs/critical-moisture-study.md``, a blank ``isotherm.csv`` and the weighing calendar.
"""

from __future__ import annotations

from .check import CheckReport, Finding, check_study
from .folder import (
    NewStudy,
    StudyPlan,
    new_study,
    read_plan,
    resolve_product,
    study_toml,
    write_schedule,
    write_sheet,
)
from .logger import LoggerData, read_logger
from .model import Chamber, Citation, ProductPreset, Protocol, ProtocolAttribute
from .moisture import IsothermPlan, MoistureDefaults, PackageDefaults, PackagingOption, Salt
from .schedule import parse_start, schedule, schedule_csv, schedule_ics
from .sheet import data_sheet, sheet_csv, sheet_xlsx
from .templates import (
    find_product,
    list_products,
    list_protocols,
    load_product,
    load_protocol,
    read_product_file,
    read_protocol_file,
)
from .text import describe

__all__ = [
    "check_study",
    "CheckReport",
    "Finding",
    "read_logger",
    "LoggerData",
    "Protocol",
    "ProductPreset",
    "Chamber",
    "Citation",
    "ProtocolAttribute",
    "IsothermPlan",
    "Salt",
    "MoistureDefaults",
    "PackageDefaults",
    "PackagingOption",
    "StudyPlan",
    "NewStudy",
    "list_protocols",
    "list_products",
    "load_protocol",
    "load_product",
    "find_product",
    "read_protocol_file",
    "read_product_file",
    "new_study",
    "read_plan",
    "resolve_product",
    "write_schedule",
    "write_sheet",
    "study_toml",
    "schedule",
    "parse_start",
    "schedule_csv",
    "schedule_ics",
    "data_sheet",
    "sheet_csv",
    "sheet_xlsx",
    "describe",
]
