"""The data rows of a logger export, indexed with NumPy.

A year of one-minute readings is 525,600 lines; nothing here loops over them in Python.
:class:`Table` finds the lines and, per line, the cells of a column (as byte spans into the
text) with vectorised searches over the positions of the line ends and delimiters.
Numbers are read by :func:`pandas.read_csv` (C parser) with the sniffed delimiter and
decimal mark; the few cells it cannot read (``1.234,5``, junk) are converted one *distinct*
value at a time with :func:`shelflife.io.cells.cell_to_float`.
"""

from __future__ import annotations

import csv
import io
import warnings
from typing import Any

import numpy as np

__all__ = ["MISSING_MARKERS", "Table", "TableError"]

#: Cells read as a missing reading (NaN) without a notice.
MISSING_MARKERS = (
    "",
    "NC",
    "nc",
    "--",
    "---",
    "----",
    "-",
    "NaN",
    "nan",
    "NAN",
    "N/A",
    "n/a",
    "NA",
    "#N/A",
    "null",
    "NULL",
    "None",
    "none",
    "Err",
    "ERR",
    "Error",
    "error",
    "----.-",
    "--.-",
    "-.-",
)


class TableError(ValueError):
    """The C parser cannot give one row per line (quotes spanning lines)."""


_SPACE = np.zeros(256, dtype=bool)
_SPACE[[32, 9, 13, 34]] = True  # blank, tab, CR and the double quote around a cell


class Table:
    r"""Lines and cells of the table below the header.

    Parameters
    ----------
    block : bytes
        The table, UTF-8 (in practice ASCII) with ``\n`` line ends.
    delimiter : str
        The cell delimiter.

    Attributes
    ----------
    n : int
        Number of lines.
    starts, ends : numpy.ndarray
        Byte offsets of the start and end (exclusive, without ``\r``) of each line.
    """

    def __init__(self, block: bytes, delimiter: str) -> None:
        buf = np.frombuffer(block, dtype=np.uint8)
        if b"\r" in block:
            cr = np.flatnonzero(buf == 13)
            stray = cr[buf[np.minimum(cr + 1, buf.size - 1)] != 10]
            if stray.size:  # a carriage return inside a line: a blank (pandas would split)
                buf = buf.copy()
                buf[stray] = 32
                block = buf.tobytes()
        self.block = block
        self.delimiter = delimiter
        self.buf = buf
        newlines = np.flatnonzero(buf == 10)
        starts = np.concatenate(([0], newlines + 1))
        ends = np.concatenate((newlines, [buf.size]))
        if starts.size and starts[-1] == buf.size:
            starts, ends = starts[:-1], ends[:-1]
        if ends.size:
            cr = (ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13)
            ends = ends - cr
        self.starts = starts.astype(np.int64)
        self.ends = ends.astype(np.int64)
        self.n = int(self.starts.size)
        delims = np.flatnonzero(buf == ord(delimiter))
        self.quoting = csv.QUOTE_MINIMAL
        self._first = np.searchsorted(delims, self.starts)
        self.counts = np.searchsorted(delims, self.ends) - self._first
        self._raw_width = self.width  # quotes ignored
        if b'"' in block:
            quotes = np.cumsum(buf == 34, dtype=np.int64)
            before = np.where(self.starts > 0, quotes[np.maximum(self.starts - 1, 0)], 0)
            after = np.where(self.ends > 0, quotes[np.maximum(self.ends - 1, 0)], 0)
            if ((after - before) % 2 == 0).all():
                # a delimiter inside double quotes is not a delimiter
                delims = delims[quotes[delims] % 2 == 0]
                self._first = np.searchsorted(delims, self.starts)
                self.counts = np.searchsorted(delims, self.ends) - self._first
            else:  # an unpaired quote: quotes are plain characters
                self.quoting = csv.QUOTE_NONE
        self._delims = delims
        # cells need trimming only if the table has blanks, quotes or stray tabs
        self._trim = any(c in block for c in (b" ", b'"')) or (
            delimiter != "\t" and b"\t" in block
        )
        self._spans: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    # ------------------------------------------------------------------- cells
    def span(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Byte span ``[start, end)`` of cell ``k`` on every line, without blanks or quotes.

        A line with fewer cells gets an empty span.
        """
        if k not in self._spans:
            self._spans[k] = self._span(k)
        return self._spans[k]

    def _span(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        d = self._delims
        if d.size == 0:  # no delimiter at all: one cell per line
            s = self.starts.copy() if k == 0 else self.ends.copy()
            e = self.ends.copy()
        else:
            last = d.size - 1
            if k == 0:
                s = self.starts.copy()
            else:
                has = self.counts >= k
                s = np.where(has, d[np.minimum(self._first + k - 1, last)] + 1, self.ends)
            more = self.counts > k
            e = np.where(more, d[np.minimum(self._first + k, last)], self.ends)
            e = np.maximum(e, s)
        buf = self.buf
        for _ in range(4 if self._trim else 0):  # strip blanks/quotes on each side
            lead = (s < e) & _SPACE[buf[np.minimum(s, buf.size - 1)]]
            s = s + lead
            trail = (e > s) & _SPACE[buf[np.maximum(e - 1, 0)]]
            e = e - trail
            if not lead.any() and not trail.any():
                break
        return s, e

    def filled(self, k: int | None) -> np.ndarray:
        """True where cell ``k`` is not empty (all False for ``k=None``)."""
        if k is None:
            return np.zeros(self.n, dtype=bool)
        s, e = self.span(k)
        return e > s

    def first_byte(self) -> np.ndarray:
        """First byte of every line (0 for an empty line)."""
        out = np.zeros(self.n, dtype=np.uint8)
        full = self.ends > self.starts
        out[full] = self.buf[self.starts[full]]
        return out

    def matrix(self, columns: tuple[int, ...], width: int = 48) -> tuple[np.ndarray, np.ndarray]:
        """The text of the given cells, joined by a blank, as an ``(n, W)`` byte matrix.

        Returns the matrix (padded with blanks) and a flag per line that is True when a
        cell was longer than ``width`` (its text is cut and cannot be trusted).
        """
        too_long = np.zeros(self.n, dtype=bool)
        cells = []
        for k in columns:
            s, e = self.span(k)
            length = e - s
            too_long |= length > width
            w = int(min(max(int(length.max()) if length.size else 0, 1), width))
            cells.append((s, np.minimum(length, w), w))
        total = sum(w for _, _, w in cells) + len(cells) - 1
        out = np.full((self.n, total), 32, dtype=np.uint8)
        padded = np.concatenate((self.buf, np.full(width, 32, dtype=np.uint8)))
        offset = 0
        for s, length, w in cells:
            windows = np.lib.stride_tricks.sliding_window_view(padded, w)
            part = out[:, offset : offset + w]
            part[...] = windows[np.minimum(s, padded.size - w)]
            if self.n and int(length.min()) < w:  # blank out what follows a shorter cell
                part[np.arange(w) >= length[:, None]] = 32
            offset += w + 1
        return out, too_long

    def line(self, i: int) -> str:
        """Line ``i`` as text."""
        return self.block[self.starts[i] : self.ends[i]].decode("utf-8", errors="replace")

    def cell(self, i: int, k: int) -> str:
        """Cell ``k`` of line ``i`` as text."""
        s, e = self.span(k)
        return self.block[s[i] : e[i]].decode("utf-8", errors="replace")

    def cells(self, k: int) -> Any:
        """Cell ``k`` of every line as a pandas Series of str (slow path, C parser)."""
        import pandas as pd

        if k >= self.width:
            return pd.Series([""] * self.n, dtype=object)
        frame = self._read_csv([k], dtype=str, na_filter=False)
        return frame[k].str.strip()

    @property
    def width(self) -> int:
        """Most cells on a line."""
        return int(self.counts.max()) + 1 if self.n else 1

    def _read_csv(self, usecols: list[int], **options: Any) -> Any:
        """:func:`pandas.read_csv` of the block, one row per line.

        A quote that opens a cell and never closes on its line (a broken export) makes the
        C parser swallow the next lines: then quotes are read as plain characters.
        """
        import pandas as pd

        for quoting in dict.fromkeys((self.quoting, csv.QUOTE_NONE)):
            width = self.width if quoting != csv.QUOTE_NONE else self._raw_width
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    frame = pd.read_csv(
                        io.BytesIO(self.block),
                        sep=self.delimiter,
                        header=None,
                        names=list(range(max(width, max(usecols) + 1))),
                        usecols=usecols,
                        skip_blank_lines=False,
                        index_col=False,
                        engine="c",
                        encoding="utf-8",
                        encoding_errors="replace",
                        quoting=quoting,
                        **options,
                    )
            except pd.errors.ParserError:
                continue
            if len(frame) == self.n:
                return frame
        raise TableError("the table cannot be split into one row per line")

    # ----------------------------------------------------------------- numbers
    def numbers(
        self, columns: list[int], decimal: str
    ) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
        """Read numeric columns.

        Returns
        -------
        values : dict
            Column -> float array (NaN for an empty cell, a missing-value marker or junk).
        junk : dict
            Column -> bool array, True where the cell was text that is neither a number
            nor a marker of :data:`MISSING_MARKERS`.
        """
        present = sorted({k for k in columns if k < self.width})
        use_decimal = decimal if decimal != self.delimiter else "."
        frame = {}
        if present:
            frame = self._read_csv(
                present,
                decimal=use_decimal,
                na_values=list(MISSING_MARKERS),
                keep_default_na=False,
            )
        values, junk = {}, {}
        for k in columns:
            if k not in present:  # no line reaches this column
                values[k] = np.full(self.n, np.nan)
                junk[k] = np.zeros(self.n, dtype=bool)
                continue
            col = frame[k]
            if col.dtype.kind in "fi":
                values[k] = col.to_numpy(dtype=float)
                junk[k] = np.zeros(self.n, dtype=bool)
            else:
                values[k], junk[k] = _to_float(col, decimal)
        return values, junk


def _to_float(col: Any, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """Object column -> floats; distinct unreadable cells go through ``cell_to_float``."""
    import pandas as pd

    from ..io.cells import cell_to_float  # (shelflife.io imports pandas)

    present = col.notna().to_numpy()
    try:
        num = np.array(pd.to_numeric(col, errors="coerce"), dtype=float)  # a writable copy
    except (OverflowError, ValueError):  # an integer of hundreds of digits: cell by cell
        num = np.full(len(col), np.nan)
    bad = np.flatnonzero(present & np.isnan(num))
    junk = np.zeros(len(col), dtype=bool)
    if bad.size:
        texts = col.iloc[bad].astype(str).str.strip().str.strip('"').str.strip()
        codes, uniques = pd.factorize(texts)
        converted = np.empty(len(uniques), dtype=float)
        for j, text in enumerate(uniques):
            if text in MISSING_MARKERS:
                converted[j] = np.nan
                continue
            try:
                converted[j] = cell_to_float(text, decimal)
            except ValueError:
                converted[j] = np.nan
        num[bad] = converted[codes]
        failed = np.isnan(num[bad]) & ~np.isin(texts.to_numpy(dtype=object), MISSING_MARKERS)
        junk[bad[failed]] = True
    return num, junk
