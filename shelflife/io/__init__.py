"""Readers: study folders (``study.toml`` + data sheet) and lab data sheets (CSV, XLSX).

- :func:`read_study` reads a study folder into a validated :class:`~shelflife.study.Study`.
- :func:`read_table` reads a CSV or XLSX sheet into a DataFrame of raw strings with the
  spreadsheet row numbers as index.
- :func:`study_from_table` validates a table and converts it into working units (it backs
  :meth:`Study.from_dataframe <shelflife.study.Study.from_dataframe>`).
"""

from __future__ import annotations

from .datasheet import read_table
from .studyfile import read_study
from .table import study_from_table

__all__ = ["read_study", "read_table", "study_from_table"]
