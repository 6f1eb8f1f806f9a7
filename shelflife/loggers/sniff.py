"""Sniff a logger export: encoding, delimiter, header line, decimal mark, vendor.

The file extension is never trusted (".xls" exports are often tab-separated text, and a
".csv" may be a renamed workbook). The steps:

1. **Refuse** what is not text: ZIP containers (``.xlsx``), old Excel workbooks (OLE2),
   PDF, and binary data, with a message saying how to export text instead.
2. **Encoding**: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without a mark (zero
   bytes in every other position), strict UTF-8, then cp1252 and latin-1. Elitech text is
   latin-1; HOBO files sometimes hold a lone invalid-UTF-8 degree byte (cp1252 reads it as
   ``°``).
3. **Header**: the first of the first 300 lines that names a time column and a temperature
   column (:func:`shelflife.loggers.formats.assign_columns`) when split on a tab, a
   semicolon or a comma (tried in that order), and is followed by a line that looks like a
   reading. The lines above it are the metadata block.
4. **Decimal mark**: from the temperature and RH cells of up to 200 data lines
   (:func:`shelflife.io.cells.detect_decimal`); a comma-separated file keeps ``"."``.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .._encoding import utf16_without_bom as _utf16_without_bom
from ..errors import InputError
from .formats import (
    MAX_HEADER_FIELDS,
    Columns,
    assign_columns,
    detect_format,
    is_temperature_header,
    is_time_header,
    parse_meta,
    split_fields,
    temperature_unit,
)

__all__ = ["Sniffed", "sniff_logger"]

DELIMITERS = ("\t", ";", ",")
HEADER_SEARCH = 300  # lines searched for the table header
_HEAD_BYTES = 1 << 18  # bytes decoded to find the header
_DECIMAL_SAMPLE = 200  # data lines looked at for the decimal mark
#: Pictures and documents sometimes saved under a logger file's name.
_IMAGES = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"Rar!", "RAR"),
)


@dataclass(frozen=True)
class Sniffed:
    r"""What :func:`sniff_logger` found out about a logger export.

    Attributes
    ----------
    file : str
        The file, as given.
    encoding : str
        ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"cp1252"`` or ``"latin-1"``.
    delimiter : str
        ``"\t"``, ``";"`` or ``","``.
    decimal : str
        ``"."`` or ``","``.
    header_row : int
        Line number (1-based) of the table header.
    format : str
        ``"elitech"``, ``"easylog"``, ``"hobo"`` or ``"generic"``.
    columns : Columns
        Column roles.
    above : tuple of str
        The lines above the header (metadata block).
    sample : tuple of str
        The first data line, split into cells.
    meta : dict
        ``key: value`` lines of the metadata block.
    """

    file: str
    encoding: str
    delimiter: str
    decimal: str
    header_row: int
    format: str
    columns: Columns
    above: tuple[str, ...] = ()
    sample: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------------------ bytes
def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing missing, empty, too large and non-text files.

    The size is checked before reading (:data:`shelflife.io.limits.MAX_LOGGER_BYTES`,
    about ten years of one-minute readings): a 10 GB file ends with ``file_too_large``.
    """
    from ..io.limits import MAX_LOGGER_BYTES, read_bounded  # not at import: keeps it light

    where = {"file": str(path)}
    try:
        data = read_bounded(path, MAX_LOGGER_BYTES, kind="logger")
    except FileNotFoundError:
        base = str(path.parent if path.is_absolute() else Path.cwd())
        raise InputError("file_not_found", base=base, **where) from None
    except OSError as exc:
        raise InputError(
            "file_unreadable", kind="logger text", reason=exc.strerror or str(exc), **where
        ) from None
    if not data[:65536].strip() and not data.strip():
        raise InputError("file_empty", **where)
    _refuse_binary(data, str(path))
    return data


def _refuse_binary(data: bytes, file: str) -> None:
    head = data[:4096]
    kind = None
    if head.startswith(b"PK\x03\x04"):
        kind = "Excel (.xlsx)" if b"xl/" in data[:65536] or b"[Content_Types]" in head else "ZIP"
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = "Excel 97-2003 (.xls)"
    elif head.startswith(b"%PDF"):
        kind = "PDF"
    elif head.startswith(b"\x1f\x8b"):
        kind = "gzip"
    else:
        kind = next((k for magic, k in _IMAGES if head.startswith(magic)), None)
    if kind is not None:
        raise InputError("logger_binary_format", kind=kind, file=file)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        if _utf16_without_bom(head) is None:
            raise InputError("logger_not_text", file=file)
        return
    control = sum(head.count(bytes([c])) for c in (*range(0, 9), *range(14, 27), *range(28, 32)))
    if control > 0.01 * len(head) + 2:
        raise InputError("logger_not_text", file=file)


# --------------------------------------------------------------------------- decoding
def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes; return ``(text, encoding)``."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = _utf16_without_bom(data[:4096]) if b"\x00" in data[:4096] else None
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    # a valid UTF-8 degree sign next to invalid bytes: undo the mojibake
    return text.replace("Â°", "°").replace("Âº", "º"), encoding


def split_lines(text: str) -> list[str]:
    r"""Lines of ``text`` split on ``\n`` (``\r\n`` and lone ``\r`` files too)."""
    if "\n" not in text and "\r" in text:
        return text.split("\r")
    lines = text.split("\n")
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def _is_decoration(line: str) -> bool:
    text = line.strip()
    return text.startswith(">>") or (bool(text) and set(text) <= set("-=_*~+ \t"))


# ----------------------------------------------------------------------------- header
def _looks_like_reading(fields: list[str], columns: Columns) -> bool:
    """A data line: digits in the time cell, a number, a marker or nothing as temperature."""
    if len(fields) <= max(columns.time):
        return False
    stamp = fields[columns.time[0]] if columns.time[0] < len(fields) else ""
    temp = fields[columns.temperature] if columns.temperature < len(fields) else ""
    if not any(c.isdigit() for c in stamp):
        return False
    return not temp or any(c.isdigit() for c in temp) or temp.isalpha() or set(temp) <= set("-/")


def _next_lines(lines: list[str], i: int, count: int) -> list[str]:
    out = []
    for line in lines[i + 1 :]:
        if line.strip() and not _is_decoration(line):
            out.append(line)
            if len(out) == count:
                break
    return out


def find_header(lines: list[str]) -> tuple[int, str, Columns] | None:
    """``(line index, delimiter, columns)`` of the table header, or ``None``."""
    for i, line in enumerate(lines[:HEADER_SEARCH]):
        if not line.strip():
            continue
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            header = split_fields(line, delimiter)
            following = _next_lines(lines, i, 1)
            sample = split_fields(following[0], delimiter) if following else []
            columns = assign_columns(header, sample)
            if columns is None:
                continue
            if sample and _looks_like_reading(sample, columns):
                return i, delimiter, columns
    return None


def _refuse_headerless(lines: list[str], file: str) -> None:
    """Explain a table without a time column or without a temperature column."""
    for i, line in enumerate(lines[:HEADER_SEARCH]):
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            header = split_fields(line, delimiter)
            named = [h for h in header if h]
            if len(named) < 2 or len(header) > MAX_HEADER_FIELDS:
                continue
            if any(re.fullmatch(r"[-+\d.,: /]+", h) for h in named):
                continue
            following = _next_lines(lines, i, 1)
            if not following:
                continue
            sample = split_fields(following[0], delimiter)
            if not any(any(c.isdigit() for c in s) for s in sample):
                continue
            heads = ", ".join(f"'{h}'" for h in header if h)
            has_time = any(is_time_header(h) for h in header)
            temps = [h for h in header if is_temperature_header(h)]
            if not has_time and any(temperature_unit(h)[0] for h in temps):
                raise InputError("logger_no_time_column", row=i + 1, headers=heads, file=file)
            if (
                has_time
                and not temps
                and any(any(c.isdigit() for c in s) for j, s in enumerate(sample) if j)
            ):
                raise InputError(
                    "logger_no_temperature_column", row=i + 1, headers=heads, file=file
                )


def _decimal(lines: list[str], delimiter: str, columns: Columns) -> str:
    from ..io.cells import detect_decimal  # (shelflife.io imports pandas)

    cells = []
    wanted = [c for c in (columns.temperature, columns.rh) if c is not None]
    for line in lines[:_DECIMAL_SAMPLE]:
        if not line.strip():
            continue
        fields = split_fields(line, delimiter)
        cells += [fields[j] for j in wanted if j < len(fields)]
    found = detect_decimal(cells)
    if found is not None:
        return found
    return "."


@dataclass(frozen=True)
class _Found:
    """Internal result of sniffing: the public summary plus where the table starts."""

    sniffed: Sniffed
    data: bytes  # the whole file (CR-only line ends turned into LF)
    text: str | None  # the decoded file when it is UTF-16 (else decoded lazily)
    offset: int  # byte offset (in ``data``) or character offset (in ``text``) of the table


def sniff(path: str | os.PathLike[str]) -> _Found:
    """Sniff ``path`` (see the module docstring); raises :class:`InputError` if it fails."""
    file = str(path)
    data = read_bytes(Path(path))
    text_all: str | None = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        b"\x00" in data[:4096] and _utf16_without_bom(data[:4096])
    ):
        text_all, encoding = _decode(data)
        head = text_all
    else:
        if b"\n" not in data and b"\r" in data:
            data = data.replace(b"\r", b"\n")
        cut = data[:_HEAD_BYTES]
        if len(data) > _HEAD_BYTES and b"\n" in cut:
            cut = cut[: cut.rfind(b"\n") + 1]
        head, encoding = _decode(cut)
    lines = split_lines(head)
    found = find_header(lines)
    if found is None:
        _refuse_headerless(lines, file)
        first = next((ln.strip() for ln in lines if ln.strip()), "")[:60]
        raise InputError("logger_no_header", first=first, file=file)
    index, delimiter, columns = found
    above = lines[:index]
    body = [ln for ln in lines[index + 1 : index + 1 + 2 * _DECIMAL_SAMPLE] if ln.strip()]
    sample = split_fields(_next_lines(lines, index, 1)[0], delimiter)
    decimal = _decimal([ln for ln in body if not _is_decoration(ln)], delimiter, columns)
    fmt = detect_format(list(columns.header), above)
    sniffed = Sniffed(
        file=file,
        encoding=encoding,
        delimiter=delimiter,
        decimal=decimal,
        header_row=index + 1,
        format=fmt,
        columns=columns,
        above=tuple(above),
        sample=tuple(sample),
        meta=parse_meta(above),
    )
    if text_all is not None:
        normal = "\n".join(split_lines(text_all))
        offset = sum(len(ln) + 1 for ln in lines[: index + 1])
        return _Found(sniffed, b"", normal, offset)
    offset = 0
    for _ in range(index + 1):
        offset = data.index(b"\n", offset) + 1
    return _Found(sniffed, data, None, offset)


def sniff_logger(path: str | os.PathLike[str]) -> Sniffed:
    """Sniff a logger export without reading its data rows.

    Parameters
    ----------
    path : str or os.PathLike
        The exported file (any extension).

    Returns
    -------
    Sniffed
        Encoding, delimiter, decimal mark, header line, vendor style and column roles.

    Raises
    ------
    InputError
        ``file_not_found``, ``file_empty``, ``logger_binary_format`` (a workbook, PDF or
        ZIP), ``logger_not_text``, ``logger_no_header``, ``logger_no_time_column``,
        ``logger_no_temperature_column``.
    """
    return sniff(path).sniffed


def data_block(found: _Found) -> bytes:
    r"""The table below the header as UTF-8 (ASCII) bytes with ``\n`` line ends."""
    if found.text is not None:
        block = found.text[found.offset :].encode("utf-8")
    else:
        block = found.data[found.offset :]
        if not block.isascii():
            try:
                text = block.decode("utf-8")
            except UnicodeDecodeError:
                text = block.decode("cp1252", errors="replace")
            block = text.replace("Â°", "°").encode("utf-8")
    return block
