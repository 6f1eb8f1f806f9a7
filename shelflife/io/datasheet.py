"""Read a lab data sheet (CSV or XLSX) into a table of raw strings, keeping row numbers.

The format is decided by the file's content, not its extension: a zip (magic bytes ``PK``)
is read as an XLSX workbook, anything else must be text and is read as CSV. Text files are
decoded as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), then cp1252 and
latin-1. The delimiter (comma, semicolon or tab) and the decimal separator are sniffed.

Files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import string
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ._hints import HintedInputError
from .cells import detect_decimal

__all__ = ["read_table"]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = ("\t", ";", ",")
_SNIFF_LINES = 100
#: Excel's sheet size: a larger table is a damaged or hostile file, not lab data.
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384


def read_table(path: str | os.PathLike[str], *, sheet: str | None = None) -> pd.DataFrame:
    """Read a CSV or XLSX data sheet as strings, without interpreting the values.

    Parameters
    ----------
    path : str or os.PathLike
        The data file. Its content decides the format (XLSX is a zip, CSV is text).
    sheet : str, optional
        Worksheet to read from a workbook with several sheets. Ignored for CSV.

    Returns
    -------
    pandas.DataFrame
        One column per header cell (headers as written), one row per non-blank data row,
        every cell a string (``""`` when empty). The index, named ``"row"``, holds the row
        numbers as a spreadsheet shows them (the header is row 1 when it is the first
        line). ``DataFrame.attrs`` records ``file``, ``format`` (``"csv"``/``"xlsx"``),
        ``decimal`` (``","``, ``"."`` or ``None`` when undecided), and for CSV
        ``delimiter`` and ``encoding``, for XLSX ``sheet``.

    Raises
    ------
    InputError
        ``file_not_found``, ``file_empty`` (no bytes, only whitespace, or a header without
        data rows), ``file_unreadable``, ``xlsx_sheet_ambiguous``, ``xlsx_sheet_missing``.
    """
    path = Path(path)
    data = _read_bytes(path)
    where = {"file": str(path)}
    if not data.strip():
        raise InputError("file_empty", **where)
    if data.startswith(b"PK"):
        rows, meta = _xlsx_rows(data, sheet, where)
    elif data.startswith(_OLE2_MAGIC):
        raise InputError(
            "file_unreadable",
            kind="XLSX or CSV",
            reason="it is an old Excel 97-2003 workbook (.xls)",
            **where,
        )
    else:
        rows, meta = _csv_rows(data, where)
    return _frame(rows, {"file": str(path), **meta}, where)


def _read_bytes(path: Path) -> bytes:
    base = str(path.parent if path.is_absolute() else Path.cwd())
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("file_not_found", file=str(path), base=base) from None
    except OSError as exc:  # a folder, no permission...
        raise InputError(
            "file_unreadable", file=str(path), kind="CSV or XLSX", reason=exc.strerror or str(exc)
        ) from None


# ---------------------------------------------------------------------------------- CSV


def _decode(data: bytes, where: dict[str, str]) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:  # an odd length, a lone surrogate...
            hint = ("hint_reason_utf16", "what", {})
            raise HintedInputError(
                "file_unreadable", hints={"reason": hint}, kind="CSV", **where
            ) from None
    if b"\x00" in data:
        raise InputError("file_unreadable", kind="CSV", reason="it is not a text file", **where)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _trimmed_width(fields: list[str]) -> int:
    n = len(fields)
    while n and not fields[n - 1].strip():
        n -= 1
    return n


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter giving a multi-column header and the most consistent rows."""
    lines = [line for line in text.splitlines() if line.strip()][:_SNIFF_LINES]
    # fallback when no delimiter gives two named columns: the most frequent one
    best = max(_DELIMITERS, key=lambda d: (text.count(d), d == ","))
    best_score = (-1.0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [_trimmed_width(r) for r in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a cell over the csv module's size limit: reading will say so
            continue
        if not widths or widths[0] < 2:
            continue
        body = widths[1:]
        consistent = sum(w == widths[0] for w in body) / len(body) if body else 1.0
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(data: bytes, where: dict[str, str]) -> tuple[list[list[Any]], dict[str, Any]]:
    text, encoding = _decode(data, where)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError("file_empty", **where)
    delimiter = _sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError("file_unreadable", kind="CSV", reason=str(exc), **where) from None
    widest = max((len(row) for row in rows), default=0)
    if widest > MAX_COLUMNS:  # even blank: no spreadsheet writes such a row
        hint = ("hint_reason_too_many_columns", "what", {"n": widest, "limit": MAX_COLUMNS})
        raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="CSV", **where)
    meta = {"format": "csv", "delimiter": delimiter, "encoding": encoding}
    if delimiter == ",":
        meta["decimal"] = "."  # "1,5" cannot be a decimal in a comma-separated file
    else:
        meta["decimal"] = detect_decimal([c for row in rows[1:] for c in row])
    return rows, meta


# --------------------------------------------------------------------------------- XLSX


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _pick_sheet(names: list[str], sheet: str | None, where: dict[str, str]) -> str:
    listed = ", ".join(repr(n) for n in names)
    if sheet is None:
        if len(names) > 1:
            raise InputError("xlsx_sheet_ambiguous", sheets=listed, **where)
        return names[0]
    if sheet in names:
        return sheet
    folded = [n for n in names if n.strip().casefold() == sheet.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    raise InputError("xlsx_sheet_missing", sheet=sheet, sheets=listed, **where)


def _xlsx_rows(
    data: bytes, sheet: str | None, where: dict[str, str]
) -> tuple[list[list[Any]], dict[str, Any]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (BadZipFile, KeyError, ...)
        reason = str(exc) or type(exc).__name__
        raise InputError("file_unreadable", kind="XLSX", reason=reason, **where) from None
    try:
        names = list(book.sheetnames)
        if not names:
            hint = ("hint_reason_xlsx_no_sheet", "what", {})
            raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="XLSX", **where)
        name = _pick_sheet(names, sheet, where)
        worksheet = book[name]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # do not trust the stored sheet size
        rows = []
        for row in worksheet.iter_rows(values_only=True):
            # a damaged or hostile cell reference (A99999999999) must neither make the reader
            # fill empty rows forever nor cut the sheet silently (columns stop at ZZZ)
            if len(rows) == MAX_ROWS:
                hint = ("hint_reason_too_many_rows", "what", {"limit": MAX_ROWS})
                raise HintedInputError(
                    "file_unreadable", hints={"reason": hint}, kind="XLSX", **where
                )
            rows.append([_cell_text(v) for v in row] if row else [])
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet in a sound zip (XML, zip member, cell errors)
        detail = str(exc) or type(exc).__name__
        hint = ("hint_reason_xlsx_damaged", "what", {"detail": detail})
        raise HintedInputError(
            "file_unreadable", hints={"reason": hint}, kind="XLSX", **where
        ) from None
    finally:
        book.close()
    return rows, {"format": "xlsx", "sheet": name, "decimal": None}


# -------------------------------------------------------------------------------- frame


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _frame(rows: list[list[Any]], attrs: dict[str, Any], where: dict[str, str]) -> pd.DataFrame:
    """Table from raw rows: first non-blank row is the header, blank rows are skipped."""
    numbered = [
        (i, row) for i, row in enumerate(rows, start=1) if row and any(c.strip() for c in row)
    ]
    if len(numbered) < 2:
        raise InputError("file_empty", **where)
    (_, header), body = numbered[0], numbered[1:]
    width = max(len(header), *(_trimmed_width(row) for _, row in body))
    if width > MAX_COLUMNS:
        hint = ("hint_reason_too_many_columns", "what", {"n": width, "limit": MAX_COLUMNS})
        kind = "XLSX" if attrs.get("format") == "xlsx" else "CSV"
        raise HintedInputError("file_unreadable", hints={"reason": hint}, kind=kind, **where)
    header = [h.strip() for h in header] + [""] * (width - len(header))
    cells = [row[:width] + [""] * (width - len(row)) for _, row in body]
    keep = [j for j in range(width) if header[j] or any(r[j].strip() for r in cells)]
    names = [header[j] or f"column {_column_letter(j)}" for j in keep]
    table = pd.DataFrame(
        [[r[j] for j in keep] for r in cells],
        columns=names,
        index=pd.Index([i for i, _ in body], name="row", dtype="int64"),
        dtype=object,
    )
    table.attrs.update(attrs)
    return table
