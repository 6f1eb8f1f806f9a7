"""Read a lab data sheet (CSV or XLSX) into a table of raw strings, keeping row numbers.

The format is decided by the file's content, not its extension: a zip (magic bytes ``PK``)
is read as an XLSX workbook, anything else must be text and is read as CSV. Text files are
decoded as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with or without BOM),
then cp1252 and latin-1; a file mixing UTF-8 with another encoding is refused (its non-UTF-8
line would be read wrongly). The delimiter (comma, semicolon or tab) and the decimal separator
are sniffed.

Sizes are bounded before anything is parsed (:mod:`shelflife.io.limits`): the file (50 MB),
the cells (1,000,000), and for a workbook the unpacked sizes its zip directory declares, their
compression ratio and the sheet's declared range. Images, PDFs and archives are named as such.

Files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import string
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from .._encoding import utf16_without_bom as _utf16_without_bom
from ..errors import InputError
from ._hints import HintedInputError
from .cells import detect_decimal
from .limits import (
    MAX_SHEET_BYTES,
    MAX_SHEET_CELLS,
    MAX_XLSX_MEMBER_BYTES,
    MAX_XLSX_RATIO,
    XLSX_RATIO_FROM_BYTES,
    megabytes,
    read_bounded,
)

__all__ = ["read_table"]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Magic bytes of files that are sometimes renamed ".csv" by mistake.
_MAGIC = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"Rar!", "RAR"),
    (b"{\\rtf", "RTF"),
)
# a well-formed multi-byte UTF-8 character (other encodings rarely form one by chance)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# a formula element in a sheet's XML (<f>...</f> or a shared <f t="shared" .../>)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
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
        data rows), ``file_unreadable`` (also naming an image, PDF or archive),
        ``text_mixed_encoding``, ``xlsx_sheet_ambiguous``, ``xlsx_sheet_missing``,
        ``xlsx_formula_no_value`` (a formula saved without its result), ``header_two_rows``,
        ``row_wider_than_header`` (a CSV row with cells beyond the header: decimal commas
        in a comma-separated file), and the size bounds ``file_too_large``,
        ``table_too_large``, ``xlsx_too_large``, ``xlsx_compression_ratio``.
    """
    path = Path(path)
    data = _read_bytes(path)
    where = {"file": str(path)}
    if not data.strip():
        raise InputError("file_empty", **where)
    if data.startswith(b"PK"):
        rows, meta = _xlsx_rows(data, sheet, where)
    elif data.startswith(_OLE2_MAGIC):
        hint = ("hint_reason_xls", "what", {})
        raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="XLSX/CSV", **where)
    else:
        rows, meta = _csv_rows(data, where)
    return _frame(rows, {"file": str(path), **meta}, where)


def _read_bytes(path: Path) -> bytes:
    base = str(path.parent if path.is_absolute() else Path.cwd())
    try:
        return read_bounded(path, MAX_SHEET_BYTES, kind="sheet")
    except FileNotFoundError:
        raise InputError("file_not_found", file=str(path), base=base) from None
    except OSError as exc:  # a folder, no permission...
        raise InputError(
            "file_unreadable", file=str(path), kind="CSV/XLSX", reason=exc.strerror or str(exc)
        ) from None


# ---------------------------------------------------------------------------------- CSV


def _utf16(data: bytes, encoding: str, where: dict[str, str]) -> tuple[str, str]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # an odd length, a lone surrogate...
        text = None
    if text is None or any(c < " " and c not in "\t\r\n" for c in text[:4096]):
        hint = ("hint_reason_utf16", "what", {})
        raise HintedInputError(
            "file_unreadable", hints={"reason": hint}, kind="CSV", **where
        ) from None
    return text, "utf-16"


def _refuse_binary(data: bytes, where: dict[str, str]) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            hint = ("hint_reason_binary_kind", "what", {"kind": kind})
            raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="CSV", **where)


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of byte ``offset``; line ends may be LF, CR LF or a lone CR (old Macs)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _decode(data: bytes, where: dict[str, str]) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16", where)
    _refuse_binary(data, where)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data[:4096])
        if utf16 is not None:
            return _utf16(data, utf16, where)
        hint = ("hint_reason_not_text", "what", {})
        raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="CSV", **where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):  # real UTF-8 beside bytes of another encoding
            row = _line_of(data, exc.start)
            raise InputError("text_mixed_encoding", row=row, **where) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
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
        rows = _bounded_rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), where)
    except csv.Error as exc:
        raise InputError("file_unreadable", kind="CSV", reason=str(exc), **where) from None
    meta = {"format": "csv", "delimiter": delimiter, "encoding": encoding}
    if delimiter == ",":
        meta["decimal"] = "."  # "1,5" cannot be a decimal in a comma-separated file
    else:
        meta["decimal"] = detect_decimal([c for row in rows[1:] for c in row])
    return rows, meta


def _bounded_rows(reader: Any, where: dict[str, str]) -> list[list[str]]:
    """The CSV rows, refusing a row wider than a spreadsheet and more cells than a study."""
    rows: list[list[str]] = []
    cells = 0
    for row in reader:
        if len(row) > MAX_COLUMNS:  # even blank: no spreadsheet writes such a row
            hint = ("hint_reason_too_many_columns", "what", {"n": len(row), "limit": MAX_COLUMNS})
            raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="CSV", **where)
        cells += len(row)
        if cells > MAX_SHEET_CELLS:
            raise _too_many_cells(cells, len(rows) + 1, where)
        rows.append(row)
    return rows


def _too_many_cells(cells: int, row: int, where: dict[str, str]) -> InputError:
    detail = ("hint_detail_counted", "what", {"cells": cells, "row": row})
    return HintedInputError(
        "table_too_large", hints={"detail": detail}, limit=MAX_SHEET_CELLS, **where
    )


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

    _check_zip(data, where)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (BadZipFile, KeyError, ...)
        hint = ("hint_reason_xlsx_damaged", "what", {"detail": str(exc) or type(exc).__name__})
        raise HintedInputError(
            "file_unreadable", hints={"reason": hint}, kind="XLSX", **where
        ) from None
    try:
        names = list(book.sheetnames)
        if not names:
            hint = ("hint_reason_xlsx_no_sheet", "what", {})
            raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="XLSX", **where)
        name = _pick_sheet(names, sheet, where)
        worksheet = book[name]
        _check_dimension(worksheet, where)
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # do not trust the stored sheet size
        rows = _sheet_rows(worksheet, where)
        if _has_formulas(book, worksheet):
            _refuse_formulas_without_values(data, name, rows, where)
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


def _check_zip(data: bytes, where: dict[str, str]) -> None:
    """Refuse a workbook whose parts declare more than a data sheet can need (a zip bomb).

    Python's zip reader never inflates a member beyond its declared size, so the declared
    sizes bound the memory; the ratio catches a bomb below that bound before it is inflated.
    A zip that cannot be opened is left to openpyxl, which reports it as damaged.
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception:  # noqa: BLE001 - BadZipFile, ValueError, OverflowError... reported below
        return
    for info in infos:
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > MAX_XLSX_MEMBER_BYTES:
            raise InputError(
                "xlsx_too_large",
                member=info.filename,
                size=megabytes(size),
                limit=megabytes(MAX_XLSX_MEMBER_BYTES),
                **where,
            )
        if size > XLSX_RATIO_FROM_BYTES and size > MAX_XLSX_RATIO * packed:
            raise InputError(
                "xlsx_compression_ratio",
                member=info.filename,
                ratio=size // packed,
                limit=MAX_XLSX_RATIO,
                **where,
            )


def _check_dimension(worksheet: Any, where: dict[str, str]) -> None:
    """Refuse a sheet whose declared range (``<dimension ref="A1:ZZ5000000"/>``) is huge."""
    from openpyxl.utils import get_column_letter

    rows, cols = getattr(worksheet, "max_row", None), getattr(worksheet, "max_column", None)
    if not isinstance(rows, int) or not isinstance(cols, int):
        return
    if rows * cols > MAX_SHEET_CELLS:
        first_row = getattr(worksheet, "min_row", 1) or 1
        first_col = getattr(worksheet, "min_column", 1) or 1
        span = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(cols)}{rows}"
        detail = ("hint_detail_dimension", "what", {"range": span})
        raise HintedInputError(
            "table_too_large", hints={"detail": detail}, limit=MAX_SHEET_CELLS, **where
        )


def _sheet_rows(worksheet: Any, where: dict[str, str]) -> list[list[str]]:
    rows: list[list[str]] = []
    cells = 0
    for row in worksheet.iter_rows(values_only=True):
        # a damaged or hostile cell reference (A99999999999) must neither make the reader
        # fill empty rows forever nor cut the sheet silently (columns stop at ZZZ)
        if len(rows) == MAX_ROWS:
            hint = ("hint_reason_too_many_rows", "what", {"limit": MAX_ROWS})
            raise HintedInputError("file_unreadable", hints={"reason": hint}, kind="XLSX", **where)
        cells += len(row)
        if cells > MAX_SHEET_CELLS:
            raise _too_many_cells(cells, len(rows) + 1, where)
        rows.append([_cell_text(v) for v in row] if row else [])
    return rows


def _has_formulas(book: Any, worksheet: Any) -> bool:
    """Whether the sheet's XML holds a formula (streamed: a large sheet is not loaded)."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(book, "_archive", None)
    if path is None or archive is None:  # pragma: no cover - another openpyxl layout
        return True
    tail = b""
    with archive.open(path) as src:
        for block in iter(lambda: src.read(1 << 20), b""):
            if _FORMULA.search(tail + block):
                return True
            tail = block[-16:]
    return False


def _refuse_formulas_without_values(
    data: bytes, name: str, rows: list[list[str]], where: dict[str, str]
) -> None:
    """A formula saved without its cached result reads as an empty cell: refuse it.

    Excel stores each formula's last result beside it; a workbook written by a script
    (openpyxl, some LIMS exports) or never recalculated has none, and the measurement would
    silently count as not made. Only a sheet holding formulas is read a second time.
    """
    import openpyxl

    filled = [i for i, row in enumerate(rows) if any(c.strip() for c in row)]
    if not filled:
        return
    header = rows[filled[0]]
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        worksheet = book[name]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
        for i, row in enumerate(worksheet.iter_rows(values_only=True)):
            if i <= filled[0] or not row:
                continue
            for j, value in enumerate(row):
                if isinstance(value, str) and value.startswith("=") and not _cell(rows, i, j):
                    column = header[j].strip() if j < len(header) else ""
                    raise InputError(
                        "xlsx_formula_no_value",
                        formula=value,
                        row=i + 1,
                        column=column or f"column {_column_letter(j)}",
                        **where,
                    )
    finally:
        book.close()


def _cell(rows: list[list[str]], i: int, j: int) -> str:
    return rows[i][j].strip() if i < len(rows) and j < len(rows[i]) else ""


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
    if attrs.get("format") == "csv":
        _refuse_cells_beyond_header(header, body, where)
    _refuse_unit_row(header, body[0], where)
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
    table.attrs["header_row"] = numbered[0][0]
    return table


def _refuse_cells_beyond_header(
    header: list[str], body: list[tuple[int, list[str]]], where: dict[str, str]
) -> None:
    """Refuse a CSV row with values right of the last header.

    Most often these are decimal commas in a comma-separated file (``1,15`` is two cells),
    which would shift every value of the row silently.
    """
    width = _trimmed_width(header)
    for number, row in body:
        extra = [c for c in row[width:] if c.strip()]
        if extra and not any(c.strip() and c.strip()[0] in _NUMBER_START for c in row):
            return  # a row of text wider than a title above it: the header is further down
        if extra:
            raise InputError(
                "row_wider_than_header",
                n=_trimmed_width(row),
                width=width,
                value=extra[0].strip(),
                row=number,
                **where,
            )


_NUMBER_START = "0123456789+-.,"
_UNIT_CELL = re.compile(r"\s*(?:[\[(].*[\])]|°\s*[CFcf]|%(?:\s*RH)?)\s*")


def _refuse_unit_row(
    header: list[str], first: tuple[int, list[str]], where: dict[str, str]
) -> None:
    """A second header row of units (``[day]``, ``(°C)``) below the names: refuse it."""
    number, row = first
    filled = [(j, c.strip()) for j, c in enumerate(row) if c.strip()]
    if len(filled) < 2 or not all(_UNIT_CELL.fullmatch(c) for _, c in filled):
        return
    j, unit = filled[0]
    name = header[j].strip() if j < len(header) else ""
    bare = unit.strip("[]() ")
    raise InputError(
        "header_two_rows",
        units=", ".join(f"'{c}'" for _, c in filled),
        example=f"{name or 'time'} [{bare}]",
        row=number,
        **where,
    )
