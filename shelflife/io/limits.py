"""Size bounds of every input file, and a bounded reader (issue 10: no exhausted machine).

A reader must end quickly with a clear error on a file no food lab would ever write -- a
10 GB "data sheet", a zip bomb disguised as a workbook, a device such as ``/dev/zero`` --
instead of filling the memory. The limits below are far above what a lab needs; each says
why. They are checked before anything is parsed: the size on disk (:func:`os.stat`), then
the bytes actually read (a pipe or device has no size), and for workbooks the sizes the zip
directory declares (:mod:`shelflife.io.datasheet`).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from ..errors import InputError
from ._hints import HintedInputError, HintedStudyFileError

__all__ = [
    "MAX_SHEET_BYTES",
    "MAX_SHEET_CELLS",
    "MAX_LOGGER_BYTES",
    "MAX_TOML_BYTES",
    "MAX_XLSX_MEMBER_BYTES",
    "MAX_XLSX_RATIO",
    "XLSX_RATIO_FROM_BYTES",
    "read_bounded",
    "too_large",
    "megabytes",
]

#: Largest data sheet (measurements, consumer panel, isotherm) [bytes]. A study's sheet has
#: tens to a few thousand rows (kilobytes); a large consumer panel (200 consumers x 20
#: tastings x 5 temperatures = 20,000 rows) is about 0.5 MB. 50 MB is a hundred times that.
MAX_SHEET_BYTES = 50_000_000
#: Largest number of cells of a data sheet: 1,000,000 (50,000 rows of 20 columns), fifty
#: times the largest panel above. It bounds the memory of a CSV (about 100 bytes per parsed
#: cell) and the time of a workbook (about 10 s per million cells in openpyxl).
MAX_SHEET_CELLS = 1_000_000
#: Largest data-logger export [bytes]. Loggers are legitimately big: a year of one-minute
#: readings is 525,600 lines, 20-30 MB of text; 250 MB holds about ten such years.
MAX_LOGGER_BYTES = 250_000_000
#: Largest TOML file (study.toml, protocol, product, market files) [bytes]. The largest
#: shipped file is about 20 kB; 4 MB is two hundred times that.
MAX_TOML_BYTES = 4_000_000
#: Largest uncompressed member of an XLSX workbook [bytes]. A sheet's XML takes 30-100 bytes
#: per cell, so :data:`MAX_SHEET_CELLS` cells fit in 128 MB.
MAX_XLSX_MEMBER_BYTES = 128_000_000
#: Largest compression ratio of a member above 4 MB. Sheet XML deflates 5-20 times, a sheet
#: of identical rows up to about 100 times; a zip bomb a thousand times and more.
MAX_XLSX_RATIO = 200
#: Members below this uncompressed size are not checked for their ratio (tiny XML parts
#: such as styles compress very well and cost nothing).
XLSX_RATIO_FROM_BYTES = 4_000_000


#: What a file is (``kind`` of :func:`read_bounded`) -> message code of its name.
KINDS = {"sheet": "hint_kind_sheet", "logger": "hint_kind_logger", "toml": "hint_kind_toml"}


def megabytes(size: int) -> int:
    """A size in whole megabytes (10^6 bytes), rounded up: a limit's excess always shows."""
    return max(1, math.ceil(size / 1_000_000))


def read_bounded(path: Path, limit: int, *, kind: str) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` bytes before reading it.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    limit : int
        Largest size accepted [bytes].
    kind : {"sheet", "logger", "toml"}
        What the file is (named in the message); a TOML file raises
        :class:`~shelflife.errors.StudyFileError`, the others
        :class:`~shelflife.errors.InputError`.

    Returns
    -------
    bytes

    Raises
    ------
    InputError
        ``file_too_large`` (with the size and the limit in MB); ``OSError`` from
        :func:`open` (a missing file, a folder, no permission) is left to the caller.
    """
    size = os.stat(path).st_size
    if size > limit:
        raise too_large(path, size, limit, kind)
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)  # a device or pipe has no size on disk
    if len(data) > limit:
        raise too_large(path, len(data), limit, kind)
    return data


def too_large(path: Path | str, size: int, limit: int, kind: str) -> InputError:
    """The ``file_too_large`` error (sizes in MB, the kind of file named in each language)."""
    cls = HintedStudyFileError if kind == "toml" else HintedInputError
    return cls(
        "file_too_large",
        hints={"kind": (KINDS[kind], "what", {})},  # in both what and how to fix
        file=str(path),
        size=megabytes(size),
        limit=megabytes(limit),
    )
