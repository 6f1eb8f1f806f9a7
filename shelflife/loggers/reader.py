"""Read a data-logger export: :func:`read_logger`.

The pipeline: :func:`~shelflife.loggers.sniff.sniff` (encoding, header, delimiter, decimal
mark, vendor) -> :class:`~shelflife.loggers.table.Table` (line and cell index) ->
:func:`~shelflife.loggers.timestamps.parse_times` and
:meth:`~shelflife.loggers.table.Table.numbers` -> line classes (reading, event, blank,
text) -> :func:`~shelflife.loggers.checks.check_values` and
:func:`~shelflife.loggers.checks.check_order` -> :class:`LoggerData`.

**Lines that are not readings.** Blank lines, decoration lines (``-----``, ``>>...``),
HOBO event lines (an event and no reading) and text without a value are skipped. Text
*after* the last reading is a footer; text before the first reading belongs to the header.

**Concatenated exports.** A line repeating the table header further down the file starts a
further export of the same layout: the exports are joined in file order (notice
``logger_concatenated``), the metadata block of each further export is skipped, and the
joined series must still go forward in time -- exact repeats are dropped, an export that
goes back before the end of the previous one is refused (``logger_exports_overlap``). A
different header further down (another vendor, other columns) is refused with its line
(``logger_mixed_formats``), and so is a second logger (another serial number:
``logger_two_loggers``): one file, one logger.
"""

from __future__ import annotations

import os
import re
import warnings

import numpy as np

from ..errors import InputError, Notice
from .checks import check_order, check_values, row_list
from .formats import (
    MAX_HEADER_FIELDS,
    Columns,
    TimeZone,
    assign_columns,
    fixed_offset,
    is_header_like,
    parse_meta,
    parse_timezone,
    serial_number,
    split_fields,
    temperature_unit,
    timezone_argument,
)
from .record import LoggerData
from .sniff import DELIMITERS, Sniffed, _is_decoration, data_block, sniff
from .table import Table, TableError
from .timestamps import NS_PER_S, Times, parse_times

__all__ = ["read_logger"]

_TEXT_LIMIT = 10_000  # text lines looked at before giving up on a file


def _zone(sniffed: Sniffed) -> TimeZone | None:
    """The zone stated by the file: time header first, then the metadata block."""
    cols = sniffed.columns
    zone = parse_timezone([cols.header[k] for k in cols.time])
    if zone is not None:
        return zone
    about_zone = [ln for ln in sniffed.above if re.search(r"zone|zona", ln, re.IGNORECASE)]
    return parse_timezone(about_zone) or parse_timezone(list(sniffed.above), abbreviations=False)


def _shift_zone(
    ns: np.ndarray, times: Times, source: TimeZone | None, target: TimeZone | None, file: str
) -> tuple[np.ndarray, str | None, list[Notice]]:
    """Express the timestamps on the wall clock of ``target`` (or of the file's zone)."""
    notices: list[Notice] = []
    if times.aware:  # stamps with offsets: ns are UTC
        show = target or source
        if show is None or (show.offset is None and show.iana is None):
            show = fixed_offset(times.offset_s or 0.0)
        return _from_utc(ns, show), show.label, notices
    if target is None:
        return ns, None if source is None else source.label, notices
    if source is None or source.label == target.label:
        return ns, target.label, notices
    if source.offset is None:
        raise InputError(
            "logger_timezone_convert", source=source.label, target=target.label, file=file
        )
    utc = ns - int(source.offset.total_seconds() * NS_PER_S)
    notices.append(
        Notice(
            "logger_timezone_converted",
            "logger",
            None,
            {"source": source.label, "target": target.label},
        )
    )
    return _from_utc(utc, target), target.label, notices


def _from_utc(utc: np.ndarray, zone: TimeZone) -> np.ndarray:
    import pandas as pd

    if zone.offset is not None:
        return utc + int(zone.offset.total_seconds() * NS_PER_S)
    index = pd.DatetimeIndex(utc.view("datetime64[ns]"), tz="UTC").tz_convert(zone.iana)
    return index.tz_localize(None).asi8


def _header_text(fields: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(f.split()).casefold() for f in fields)


def _other_header(line: str) -> list[str] | None:
    for delimiter in DELIMITERS:
        if delimiter in line:
            fields = split_fields(line, delimiter)
            if is_header_like(fields):
                return fields
    return None


def _classify_text(
    table: Table,
    sniffed: Sniffed,
    problem: np.ndarray,
    time_filled: np.ndarray,
    file: str,
    first_row: int,
) -> tuple[list[int], list[int]]:
    """Look at the lines that hold no readable timestamp.

    Returns the repeated headers (table line indices) and the text lines to decide on;
    raises at once for a line without a timestamp but with a reading, and for a header of
    another layout.
    """
    cols = sniffed.columns
    header = _header_text(list(cols.header))
    boundaries: list[int] = []
    texts: list[int] = []
    for i in np.flatnonzero(problem):
        i = int(i)
        line = table.line(i)
        if _is_decoration(line):
            continue
        fields = split_fields(line, sniffed.delimiter)
        if _header_text(fields) == header:
            boundaries.append(i)
            continue
        other = _other_header(line)
        if other is not None:
            where = {"file": file, "row": first_row + i}
            again = assign_columns(other)
            same_layout = (
                again is not None
                and len(other) == len(cols.header)
                and (again.temperature, again.rh) == (cols.temperature, cols.rh)
            )
            if not same_layout:
                raise InputError("logger_mixed_formats", header=line.strip()[:80], **where)
            first_serial = serial_number(cols, sniffed.meta, list(sniffed.sample))
            other_serial = serial_number(again, {}, [])
            if first_serial and other_serial and first_serial != other_serial:
                raise InputError(
                    "logger_two_loggers", first=first_serial, second=other_serial, **where
                )
            boundaries.append(i)
            continue
        if not time_filled[i]:
            raise InputError(
                "logger_time_missing", row=first_row + i, column=cols.time_header, file=file
            )
        texts.append(i)
        if len(texts) > _TEXT_LIMIT:
            break
    return boundaries, texts


def _zones(boundaries: list[int], not_ok: np.ndarray) -> np.ndarray:
    """Lines of the metadata blocks around repeated headers (runs of non-reading lines)."""
    zone = np.zeros(not_ok.size, dtype=bool)
    for b in boundaries:
        lo = b
        while lo > 0 and not_ok[lo - 1]:
            lo -= 1
        hi = b
        while hi + 1 < not_ok.size and not_ok[hi + 1]:
            hi += 1
        zone[lo : hi + 1] = True
    return zone


def _refuse_extra_cells(
    table: Table, cols: Columns, idx: np.ndarray, first_row: int, file: str
) -> None:
    """Refuse readings with more cells than the header (``25,5`` in a comma-separated file).

    Trailing empty cells are fine (HOBO writes them); a filled cell beyond the header on
    most readings means the columns are shifted and no value can be trusted.
    """
    width = len(cols.header)
    if not idx.size or int(table.counts[idx].max()) + 1 <= width:
        return
    extra = table.filled(width)[idx]
    if extra.mean() > 0.5:
        i = int(idx[np.flatnonzero(extra)[0]])
        raise InputError(
            "logger_extra_cells",
            cells=int(table.counts[i]) + 1,
            header=width,
            row=first_row + i,
            file=file,
        )


def _time_text(table: Table, cols: Columns, i: int) -> str:
    return " ".join(table.cell(i, k) for k in cols.time).strip()


def _refuse_text_line(table: Table, cols: Columns, i: int, row: int, file: str) -> None:
    import pandas as pd

    value = _time_text(table, cols, i)
    where = {"file": file, "row": row, "column": cols.time_header}
    looks_like_date = bool(re.search(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", value))
    if looks_like_date:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                pd.Timestamp(value)
                parsed = True
            except (ValueError, TypeError):
                parsed = False
        if parsed:
            first = next((_time_text(table, cols, j) for j in range(table.n) if j != i), "")
            raise InputError("logger_time_format_changes", value=value, first=first, **where)
    raise InputError("logger_time_invalid", value=value, **where)


def _select_readings(
    table: Table, sniffed: Sniffed, times: Times, first_row: int
) -> tuple[np.ndarray, list[int]]:
    """The table lines that are readings, and the lines of repeated headers.

    Skips blank, decoration, event and text lines (see the module docstring) and raises
    for a line that has a reading but no (readable) timestamp, for a header of another
    layout and for a second logger.
    """
    cols = sniffed.columns
    file = sniffed.file
    has_value = table.filled(cols.temperature) | table.filled(cols.rh)
    time_filled = table.filled(cols.time[0])
    event = np.zeros(table.n, dtype=bool)
    for k in cols.events:
        event |= table.filled(k)
    ok = times.ok.copy()
    if sniffed.sample and sniffed.sample[0][:1].isdigit():
        lead = table.first_byte() | 0x20
        ok &= ~((lead >= ord("a")) & (lead <= ord("z")) & ~has_value)  # "Model:", "Logged"
    blank = ~time_filled & ~has_value
    boundaries, texts = _classify_text(table, sniffed, ~ok & ~blank, time_filled, file, first_row)
    zone = _zones(boundaries, ~ok)
    readable = np.flatnonzero(ok)
    first_ok = int(readable[0]) if readable.size else table.n
    last_ok = int(readable[-1]) if readable.size else -1
    for i in texts:
        if zone[i]:
            continue
        cell = _time_text(table, cols, i)
        quiet = not has_value[i] and (i < first_ok or i > last_ok or not re.search(r"\d", cell))
        if not quiet:
            _refuse_text_line(table, cols, i, first_row + i, file)
    one = serial_number(cols, sniffed.meta, list(sniffed.sample))
    for b in boundaries:
        meta = parse_meta([table.line(j) for j in np.flatnonzero(zone[:b])[-60:]])
        keys = ("logger id", "serial")
        two = next((v for k, v in meta.items() if any(w in k.casefold() for w in keys)), None)
        if one and two and one != two:
            raise InputError(
                "logger_two_loggers", first=one, second=two, file=file, row=first_row + b
            )
    idx = np.flatnonzero(ok & ~(event & ~has_value))
    if idx.size == 0:
        raise InputError("logger_no_readings", file=file)
    _refuse_extra_cells(table, cols, idx, first_row, file)
    return idx, boundaries


def read_logger(
    path: str | os.PathLike[str], *, timezone: str | None = None, emit_warnings: bool = True
) -> LoggerData:
    r"""Read a temperature/RH data-logger export (Elitech, EasyLog, HOBO or a generic table).

    The vendor, encoding, delimiter, decimal mark and header are sniffed from the content
    (the extension is ignored: ".xls" exports that are really text are read as text).

    Parameters
    ----------
    path : str or os.PathLike
        The exported file.
    timezone : str, optional
        A zone such as ``"UTC+07:00"``, ``"WIB"`` or ``"Asia/Jakarta"``. For a file that
        does not state its zone, this *is* the zone of its clock (a label only); for a file
        that states one, the timestamps are converted to this zone's wall clock
        (notice ``logger_timezone_converted``).
    emit_warnings : bool
        Also emit the notices as Python warnings (:class:`~shelflife.errors.ShelfLifeWarning`).

    Returns
    -------
    LoggerData
        Readings in °C (and RH [%]) with naive wall-clock timestamps, indexed by the line
        numbers of the file; the stated time zone, metadata, serial number and notices.

    Raises
    ------
    InputError
        With the file, the line (``row``, 1-based) and the column where it applies:
        ``file_not_found``, ``file_empty``, ``file_too_large`` (over 250 MB, checked
        before reading), ``logger_binary_format``, ``logger_not_text``,
        ``logger_no_header``, ``logger_no_time_column``, ``logger_no_temperature_column``,
        ``logger_unit_missing``, ``logger_unit_unknown``, ``logger_time_missing``,
        ``logger_time_invalid``, ``logger_time_format_changes``,
        ``logger_time_not_increasing``, ``logger_time_dst_repeat``,
        ``logger_exports_overlap``, ``logger_mixed_formats``, ``logger_two_loggers``,
        ``logger_extra_cells``, ``logger_table_broken``,
        ``logger_no_readings``, ``logger_no_valid_readings``, ``logger_timezone_unknown``,
        ``logger_timezone_convert``.

    Notes
    -----
    Notices (category ``"logger"``): ``logger_sentinel_values``,
    ``logger_temperature_absurd``, ``logger_rh_out_of_range``, ``logger_value_unreadable``
    (readings set to missing), ``logger_duplicates_dropped``, ``logger_concatenated``,
    ``logger_date_order_ambiguous``, ``logger_extra_temperature_columns``,
    ``logger_timezone_converted``, ``logger_maybe_fahrenheit`` (a °C column reading mostly
    65 °C or hotter). Missing-value markers (``NC``, ``--``, ``---``, ``-``,
    empty, ``NaN``, ``N/A``...) are read as NaN without a notice.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "chamber.csv"
    >>> _ = path.write_text("Time,Temp (°C)\n2027-01-04 00:00,40.1\n2027-01-04 00:30,NC\n")
    >>> log = read_logger(path)
    >>> log.format, log.readings["temperature_C"].tolist(), list(log.readings.index)
    ('generic', [40.1, nan], [2, 3])
    """
    import pandas as pd

    found = sniff(path)
    sniffed = found.sniffed
    cols = sniffed.columns
    file = sniffed.file
    unit, written = temperature_unit(cols.temperature_header)
    if unit is None:
        code = "logger_unit_unknown" if written else "logger_unit_missing"
        raise InputError(
            code, unit=written, line=sniffed.header_row, column=cols.temperature_header, file=file
        )
    target = None
    if timezone is not None:
        target = timezone_argument(timezone)
        if target is None:
            raise InputError("logger_timezone_unknown", value=str(timezone), file=file)
    table = Table(data_block(found), sniffed.delimiter)
    first_row = sniffed.header_row + 1  # line number of the first table line
    if table.n == 0:  # pragma: no cover - the header is found only above a reading
        raise InputError("logger_no_readings", file=file)
    if table.width > MAX_HEADER_FIELDS:  # a damaged line: refuse it before parsing it
        line = int(np.argmax(table.counts))
        raise InputError(
            "logger_line_too_wide",
            row=first_row + line,
            n=int(table.counts[line]) + 1,
            limit=MAX_HEADER_FIELDS,
            file=file,
        )
    value_cols = [cols.temperature] + ([cols.rh] if cols.rh is not None else [])
    try:
        times = parse_times(table, cols.time, prefer="mdy" if sniffed.format == "hobo" else "dmy")
        values, junk = table.numbers(value_cols, sniffed.decimal)
    except TableError:
        raise InputError("logger_table_broken", file=file) from None
    idx, boundaries = _select_readings(table, sniffed, times, first_row)
    rows = idx.astype(np.int64) + first_row
    segment_rows = tuple(
        int(first_row + idx[np.searchsorted(idx, b)]) for b in boundaries if b < idx[-1]
    )
    nan = np.full(idx.size, np.nan)
    none = np.zeros(idx.size, dtype=bool)
    temp_raw = values[cols.temperature][idx]
    rh_raw = values[cols.rh][idx] if cols.rh is not None else nan

    notices: list[Notice] = []
    if cols.extra_temperatures:
        notices.append(
            Notice(
                "logger_extra_temperature_columns",
                "logger",
                None,
                {
                    "used": cols.temperature_header,
                    "ignored": ", ".join(f"'{cols.header[k]}'" for k in cols.extra_temperatures),
                },
            )
        )
    if segment_rows:
        notices.append(
            Notice(
                "logger_concatenated",
                "logger",
                None,
                {
                    "count": len(segment_rows) + 1,
                    "rows": row_list(np.array([first_row + b for b in boundaries])),
                },
            )
        )
    temp_c, rh, value_notices = check_values(
        temp_raw,
        unit,
        rh_raw,
        rows,
        junk[cols.temperature][idx],
        junk[cols.rh][idx] if cols.rh is not None else none,
        cols.temperature_header,
        None if cols.rh is None else cols.header[cols.rh],
    )
    notices += value_notices
    if not np.isfinite(temp_c).any():
        raise InputError(
            "logger_no_valid_readings",
            count=int(idx.size),
            implausible=int((np.isfinite(temp_raw) & ~np.isfinite(temp_c)).sum()),
            file=file,
        )
    source = _zone(sniffed)
    ns, label, zone_notices = _shift_zone(times.ns[idx], times, source, target, file)
    notices += zone_notices
    keep, order_notices = check_order(
        ns, temp_c, rh, rows, segment_rows, file=file, column=cols.time_header
    )
    notices += order_notices
    if times.ambiguous:
        stamps = ns[keep]
        fmt = "%Y-%m-%d"
        notices.append(
            Notice(
                "logger_date_order_ambiguous",
                "logger",
                None,
                {
                    "example": _time_text(table, cols, int(idx[0])),
                    "first": pd.Timestamp(int(stamps[0])).strftime(fmt),
                    "last": pd.Timestamp(int(stamps[-1])).strftime(fmt),
                },
            )
        )
    readings = pd.DataFrame(
        {
            "timestamp": ns[keep].view("datetime64[ns]"),
            "temperature_C": temp_c[keep],
            "rh_percent": rh[keep],
        },
        index=pd.Index(rows[keep], name="row", dtype="int64"),
    )
    columns = {"time": cols.header[cols.time[0]], "temperature": cols.temperature_header}
    if len(cols.time) > 1:
        columns["clock"] = cols.header[cols.time[1]]
    if cols.rh is not None:
        columns["rh"] = cols.header[cols.rh]
    data = LoggerData(
        file=file,
        readings=readings,
        unit=unit,
        timezone=label,
        meta=dict(sniffed.meta),
        delimiter=sniffed.delimiter,
        decimal=sniffed.decimal,
        header_row=sniffed.header_row,
        format=sniffed.format,
        notices=tuple(notices),
        serial=serial_number(cols, sniffed.meta, list(sniffed.sample)),
        encoding=sniffed.encoding,
        columns=columns,
    )
    if emit_warnings:
        for notice in data.notices:
            notice.emit(stacklevel=3)
    return data
