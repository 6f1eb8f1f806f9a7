"""A minimal reader for chamber data-logger exports (temperature, optional RH).

Labs export their chamber loggers as text or CSV (``users-and-markets.md`` §3.2):

- **Elitech-style** text: a metadata block (``Model``, ``Logger ID``, ``Timezone: UTC
  +07:00``, ``Logging Interval``...) above a table headed ``No.  Time  °C  %RH``, separated
  by tabs or semicolons, with decimal commas and ``NC`` for a missing reading;
- **EasyLog-style** CSV: ``name,Time,Celsius(°C),Humidity(%rh),Dew Point(°C),Serial
  Number`` with ISO timestamps (Fahrenheit files keep ``Celsius(°F)``);
- **HOBO-style** CSV: ``Plot Title: ...`` on the first line, then ``#,"Date Time, GMT+07:00",
  "Temp, °C (LGR S/N: ...)"`` with month-first US timestamps and a time zone in the header.

:func:`read_logger` sniffs the encoding, the delimiter and the decimal mark, skips whatever
stands above the header (kept as metadata), finds the timestamp and temperature columns (the
unit, °C or °F, from the header), and parses timestamps with pandas, day first for
Indonesian and European dates (``04-01-2027``) and month first for US exports (AM/PM, HOBO).
It refuses a file whose timestamps are missing, unreadable or not increasing, with the line
number. Readings written as ``NC``, ``--`` or any other non-number are kept as missing
(NaN); they show up as gaps in :func:`shelflife.protocols.check.check_study`.

A fuller reader registry (Excel exports, ``.dbf``, more vendors) is planned; this one is
deliberately small.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io.cells import cell_to_float, detect_decimal

__all__ = ["LoggerData", "read_logger"]

_DELIMITERS = ("\t", ";", ",")
_HEADER_SEARCH = 300  # lines searched for the table header

_TIME_WORDS = ("time", "date", "waktu", "tanggal", "timestamp", "zeit", "datum")
_TEMP_UNITS_F = ("°f", "ºf", "*f", "degf", "fahrenheit", "(f)", "[f]", "deg f")
_TEMP_UNITS_C = ("°c", "ºc", "*c", "degc", "celsius", "(c)", "[c]", "(oc)", "[oc]", "deg c")
_TEMP_WORDS = ("temp", "suhu", "temperature")
_RH_WORDS = ("%rh", "rh", "humid", "kelembab", "kelembap")
_NOT_TEMPERATURE = ("dew", "embun", "humid", "%rh", "alarm", "wet bulb")

#: Zone abbreviations seen in logger headers, with their UTC offset [hour].
_ZONES = {
    "utc": 0,
    "gmt": 0,
    "wib": 7,
    "wita": 8,
    "wit": 9,
    "pst": -8,
    "pdt": -7,
    "mst": -7,
    "mdt": -6,
    "cst": -6,
    "cdt": -5,
    "est": -5,
    "edt": -4,
    "cet": 1,
    "cest": 2,
}
_OFFSET = re.compile(r"(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s*$", re.IGNORECASE)
_DATE_HEAD = re.compile(r"^\s*(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")


@dataclass(frozen=True)
class LoggerData:
    """The readings of one logger file.

    Attributes
    ----------
    file : str
        The file, as given.
    readings : pandas.DataFrame
        ``timestamp`` (wall-clock time of the logger, naive), ``temperature_C`` [°C] (NaN for
        a missing reading) and ``rh_percent`` [%] (NaN when the logger has no humidity);
        the index (``"row"``) holds the line numbers of the file.
    unit : str
        Temperature unit written in the file, ``"°C"`` or ``"°F"`` (readings are in °C).
    timezone : str or None
        UTC offset of the timestamps when the file states it (``"UTC+07:00"``).
    meta : dict
        ``key: value`` lines of the metadata block above the table.
    delimiter, decimal : str
        The sniffed delimiter and decimal mark.
    header_row : int
        Line number of the table header.
    """

    file: str
    readings: Any
    unit: str
    timezone: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","
    decimal: str = "."
    header_row: int = 1

    @property
    def name(self) -> str:
        """The file name without its folder."""
        return Path(self.file).name

    @property
    def interval(self) -> float | None:
        """Median time between readings [s], or ``None`` with fewer than two readings."""
        ts = self.readings["timestamp"]
        if len(ts) < 2:
            return None
        return float(ts.diff().dropna().dt.total_seconds().median())


# --------------------------------------------------------------------------------- helpers


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return line.split(delimiter)


def _is_time_header(text: str) -> bool:
    low = text.casefold()
    return any(w in low for w in _TIME_WORDS) and not _is_temperature_header(text)


def _temperature_unit(text: str) -> str | None:
    low = text.casefold().replace(" ", "")
    if any(u.replace(" ", "") in low for u in _TEMP_UNITS_F):
        return "°F"
    if any(u.replace(" ", "") in low for u in _TEMP_UNITS_C):
        return "°C"
    if low in ("c", "oc", "°", "ºc"):
        return "°C"
    if low in ("f", "of"):
        return "°F"
    return None


def _is_temperature_header(text: str) -> bool:
    low = text.casefold()
    if any(w in low for w in _NOT_TEMPERATURE):
        return False
    return _temperature_unit(text) is not None or any(w in low for w in _TEMP_WORDS)


def _is_rh_header(text: str) -> bool:
    low = text.casefold().replace(" ", "")
    if "dew" in low or "absolute" in low or "embun" in low:
        return False
    return any(w in low for w in _RH_WORDS) and _temperature_unit(text) is None


def _columns(fields: list[str]) -> tuple[int, int, int | None] | None:
    """Positions of the time, temperature and RH columns of a candidate header."""
    time_col = next((j for j, f in enumerate(fields) if _is_time_header(f)), None)
    temp_col = next(
        (j for j, f in enumerate(fields) if j != time_col and _is_temperature_header(f)), None
    )
    if time_col is None or temp_col is None:
        return None
    rh_col = next(
        (j for j, f in enumerate(fields) if j not in (time_col, temp_col) and _is_rh_header(f)),
        None,
    )
    return time_col, temp_col, rh_col


def _timezone(texts: list[str]) -> tuple[str | None, datetime.timezone | None]:
    for text in texts:
        match = _OFFSET.search(text)
        if match:
            sign = -1 if match.group(1) == "-" else 1
            hours, minutes = int(match.group(2)), int(match.group(3) or 0)
            delta = datetime.timedelta(hours=hours, minutes=minutes) * sign
            label = f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
            return label, datetime.timezone(delta)
        for word in re.findall(r"[A-Za-z]+", text):
            hours = _ZONES.get(word.casefold())
            if hours is not None and word.isupper():
                label = f"UTC{'+' if hours >= 0 else '-'}{abs(hours):02d}:00"
                return label, datetime.timezone(datetime.timedelta(hours=hours))
    return None, None


def _dayfirst(texts: list[str]) -> bool:
    """Day first unless the dates say otherwise (ISO, a month > 12, AM/PM US exports)."""
    firsts, seconds, ampm = [], [], False
    for text in texts:
        match = _DATE_HEAD.match(text)
        if match:
            if len(match.group(1)) == 4:
                return False  # 2027-01-04: year first
            firsts.append(int(match.group(1)))
            seconds.append(int(match.group(2)))
        if re.search(r"\b[ap]\.?m\.?\b", text, re.IGNORECASE):
            ampm = True
    if any(v > 12 for v in firsts):
        return True
    if any(v > 12 for v in seconds):
        return False
    return not ampm


def _parse_times(texts: list[str], dayfirst: bool):
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(texts, dtype=object), dayfirst=dayfirst, errors="coerce")
        if parsed.isna().any():  # a format that changes inside the file: parse cell by cell
            mixed = pd.to_datetime(
                pd.Series(texts, dtype=object), dayfirst=dayfirst, errors="coerce", format="mixed"
            )
            parsed = parsed.fillna(mixed) if not parsed.isna().all() else mixed
    return parsed


# ------------------------------------------------------------------------------ the reader


def _looks_like_reading(fields: list[str], time_col: int, temp_col: int) -> bool:
    """A data line: a time cell with digits, a temperature cell that is a number or a marker."""
    if len(fields) <= max(time_col, temp_col):
        return False
    stamp, temp = fields[time_col].strip(), fields[temp_col].strip()
    return any(c.isdigit() for c in stamp) and (
        not temp or any(c.isdigit() for c in temp) or temp.isalpha() or set(temp) <= set("-")
    )


def _find_header(lines: list[str]) -> tuple[int, str, tuple[int, int, int | None]] | None:
    for i, line in enumerate(lines[:_HEADER_SEARCH]):
        if not line.strip():
            continue
        for delimiter in _DELIMITERS:
            if delimiter not in line:
                continue
            cols = _columns([f.strip() for f in _split(line, delimiter)])
            if cols is None:
                continue
            following = [ln for ln in lines[i + 1 : i + 6] if ln.strip()]
            if following and _looks_like_reading(_split(following[0], delimiter), *cols[:2]):
                return i, delimiter, cols
    return None


def _meta(lines: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        text = line.strip()
        if not text:
            continue
        key, sep, value = text.partition(":")
        if not sep:
            parts = [p for p in re.split(r"\t|;", text) if p.strip()]
            if len(parts) < 2:
                continue
            key, value = parts[0], " ".join(parts[1:])
        key = key.strip().strip('"')
        if key and key not in out:
            out[key] = value.strip().lstrip(";,\t").strip().strip('"').strip()
    return out


def read_logger(path: str | os.PathLike[str]) -> LoggerData:
    """Read a chamber data-logger export (Elitech-, EasyLog- or HOBO-style text or CSV).

    Parameters
    ----------
    path : str or os.PathLike
        The exported file.

    Returns
    -------
    LoggerData
        Readings in °C with wall-clock timestamps, the file's metadata and time zone.

    Raises
    ------
    InputError
        ``file_not_found``, ``file_empty``, ``file_unreadable``; ``logger_no_header`` (no
        line with a time and a temperature column); ``logger_unit_missing`` (the temperature
        header gives no unit); ``logger_time_missing``, ``logger_time_invalid``,
        ``logger_time_not_increasing`` (with the line number as ``row``);
        ``logger_no_readings``.
    """
    import numpy as np
    import pandas as pd

    path = Path(path)
    where = {"file": str(path)}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        base = str(path.parent if path.is_absolute() else Path.cwd())
        raise InputError("file_not_found", base=base, **where) from None
    except OSError as exc:
        raise InputError(
            "file_unreadable", kind="logger text", reason=exc.strerror or str(exc), **where
        ) from None
    if not data.strip():
        raise InputError("file_empty", **where)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if data.startswith(b"PK") or (b"\x00" in data and not utf16):
        raise InputError(
            "file_unreadable",
            kind="logger text",
            reason="it is not a text file (export the logger as text or CSV)",
            **where,
        )
    lines = _decode(data).splitlines()
    found = _find_header(lines)
    if found is None:
        first = next((ln.strip() for ln in lines if ln.strip()), "")[:60]
        raise InputError("logger_no_header", first=first, **where)
    head, delimiter, (time_col, temp_col, rh_col) = found
    header = [f.strip() for f in _split(lines[head], delimiter)]
    unit = _temperature_unit(header[temp_col])
    if unit is None:
        raise InputError("logger_unit_missing", column=header[temp_col], **where)
    # Elitech-style "Time<TAB><TAB>°C": the time of day may stand in an unnamed column
    clock_col = None
    if time_col + 1 < len(header) and not header[time_col + 1] and time_col + 1 != temp_col:
        clock_col = time_col + 1

    rows, times, temps, rhs = [], [], [], []
    for number, line in enumerate(lines[head + 1 :], start=head + 2):
        if not line.strip():
            continue
        fields = [f.strip() for f in _split(line, delimiter)]

        def get(j: int | None, fs: list[str] = fields) -> str:
            return fs[j] if j is not None and j < len(fs) else ""

        stamp, temp = get(time_col), get(temp_col)
        if clock_col is not None and _CLOCK.match(get(clock_col)):
            stamp = f"{stamp} {get(clock_col)}"
        if not temp:
            continue  # no reading on this line: a footer, or an event line (HOBO)
        if not stamp:
            raise InputError("logger_time_missing", row=number, column=header[time_col], **where)
        rows.append(number)
        times.append(stamp)
        temps.append(temp)
        rhs.append(get(rh_col))
    if not rows:
        raise InputError("logger_no_readings", **where)

    decimal = "." if delimiter == "," else (detect_decimal(temps + rhs) or ".")

    def number(text: str) -> float:
        try:
            return cell_to_float(text, decimal)
        except ValueError:
            return float("nan")  # NC, --, Err: a missing reading

    celsius = np.array([number(t) for t in temps], dtype=float)
    if unit == "°F":
        celsius = (celsius - 32.0) * 5.0 / 9.0
    humidity = np.array([number(t) for t in rhs], dtype=float)

    label, zone = _timezone([header[time_col], *lines[:head]])
    parsed = _parse_times(times, _dayfirst(times))
    bad = np.flatnonzero(parsed.isna().to_numpy())
    if bad.size:
        i = int(bad[0])
        raise InputError(
            "logger_time_invalid", row=rows[i], column=header[time_col], value=times[i], **where
        )
    if getattr(parsed.dt, "tz", None) is not None:
        if label is None:
            offset = parsed.iloc[0].utcoffset() or datetime.timedelta(0)
            zone = datetime.timezone(offset)
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            label = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        parsed = parsed.dt.tz_convert(zone).dt.tz_localize(None)
    values = parsed.to_numpy()
    steps = np.diff(values)
    backwards = np.flatnonzero(steps <= np.timedelta64(0, "s"))
    if backwards.size:
        i = int(backwards[0]) + 1
        raise InputError(
            "logger_time_not_increasing",
            row=rows[i],
            column=header[time_col],
            value=times[i],
            previous=times[i - 1],
            **where,
        )
    readings = pd.DataFrame(
        {"timestamp": parsed.to_numpy(), "temperature_C": celsius, "rh_percent": humidity},
        index=pd.Index(rows, name="row", dtype="int64"),
    )
    return LoggerData(
        file=str(path),
        readings=readings,
        unit=unit,
        timezone=label,
        meta=_meta(lines[:head]),
        delimiter=delimiter,
        decimal=decimal,
        header_row=head + 1,
    )
