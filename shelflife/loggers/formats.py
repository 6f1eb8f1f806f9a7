"""Header signatures of logger exports: vendor, column roles, units, time zone, metadata.

Everything here works on a few header and metadata lines (plain Python); the data rows are
handled by :mod:`shelflife.loggers.table` and :mod:`shelflife.loggers.timestamps`.

Column roles
------------
``time``
    One column holding date and time (``Time``, ``Date Time, GMT-07:00``, ``Date-Time
    (PST)``, ``Waktu``), or a date column and a clock column (``Date`` + ``Time``; Elitech's
    ``Time`` followed by an unnamed column).
``temperature``
    The first temperature column (``°C``, ``Celsius(°F)``, ``Temp, °C (LGR S/N: ...)``,
    ``Temp, (*C)``, ``Ch: 1 - Temperature (°C)``, ``Suhu (°C)``); later ones are ignored
    with a notice.
``rh``
    Relative humidity [%] (``%RH``, ``Humidity(%rh)``, ``RH, (%)``, ``Ch: 2 - RH (%)``).
``index``, ``serial``, ``events``
    Row numbers (``No.``, ``#``, EasyLog's logger-name column), EasyLog's ``Serial Number``
    and HOBO's event columns (``Host Connected``, ``End of File``...). Dew point, absolute
    humidity, heat index and alarm columns are ignored.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass

__all__ = [
    "Columns",
    "TimeZone",
    "assign_columns",
    "detect_format",
    "is_header_like",
    "is_temperature_header",
    "is_time_header",
    "parse_meta",
    "parse_timezone",
    "serial_number",
    "split_fields",
    "stated_mkt",
    "temperature_unit",
]

#: Vendor styles recognised by :func:`detect_format`.
FORMATS = ("elitech", "easylog", "hobo", "generic")

_TIME_WORDS = ("time", "date", "waktu", "tanggal", "timestamp", "zeit", "datum", "jam", "tgl")
_DATE_ONLY_WORDS = ("date", "tanggal", "datum", "tgl")
_NOT_TIME = ("elapsed", "interval", "durasi", "duration", "lama")
_TEMP_WORDS = ("temp", "suhu", "celsius", "fahrenheit")
_NOT_TEMPERATURE = (
    "dew",
    "embun",
    "humid",
    "kelembab",
    "kelembap",
    "%rh",
    "alarm",
    "wet bulb",
    "heat index",
    "limit",
    "batas",
    "set point",
    "setpoint",
)
_RH_WORDS = ("%rh", "rh", "humid", "kelembab", "kelembap", "r.h.")
_NOT_RH = ("dew", "embun", "absolute", "abs.", "g/m", "alarm", "limit")
_INDEX_HEADERS = ("no.", "no", "#", "nr.", "nr", "n°", "index", "sample", "reading", "point")
_EVENT_WORDS = (
    "host connected",
    "end of file",
    "coupler",
    "button",
    "stopped",
    "started",
    "logged",
    "bad battery",
    "event",
    "mark",
    "alarm",
)
# Degree-like glyphs met in headers: the real one, the ordinal sign, the ring, HOBOmobile's
# asterisk, and what an invalid UTF-8 or a Mac Roman/cp437 degree byte becomes after decoding.
_DEGREE = "°º˚*\ufffd¡øð"
_UNIT_TOKEN = re.compile(
    r"(?:[" + re.escape(_DEGREE) + r"]|deg\.?)\s*([a-z])\b|\b(celsius|fahrenheit|kelvin)\b"
    r"|(?<![A-Za-z])(?-i:o([CF]))(?![A-Za-z])",
    re.IGNORECASE,
)
_BARE_UNIT = re.compile(r"^\s*([cfk])\s*$", re.IGNORECASE)
_SERIAL = re.compile(r"S/N\s*:?\s*([A-Za-z0-9._-]+)")
_PAREN = re.compile(r"[(\[]([^()\[\]]*)[)\]]")

#: Zone abbreviations seen in logger headers, with their UTC offset [hour]. A pair such as
#: ``PST/PDT`` means wall-clock time that follows daylight saving time.
ZONES = {
    "UTC": 0,
    "GMT": 0,
    "WIB": 7,
    "WITA": 8,
    "WIT": 9,
    "PST": -8,
    "PDT": -7,
    "MST": -7,
    "MDT": -6,
    "CST": -6,
    "CDT": -5,
    "EST": -5,
    "EDT": -4,
    "CET": 1,
    "CEST": 2,
    "BST": 1,
    "JST": 9,
    "SGT": 8,
    "ICT": 7,
}
_DST_PAIRS = ("PST/PDT", "MST/MDT", "CST/CDT", "EST/EDT", "CET/CEST", "GMT/BST")
_OFFSET = re.compile(r"(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?", re.IGNORECASE)


# ----------------------------------------------------------------------------- fields
def split_fields(line: str, delimiter: str) -> list[str]:
    """Split one line on ``delimiter``, honouring double quotes; fields are stripped."""
    try:
        fields = next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        fields = line.split(delimiter)
    return [f.strip().strip('"').strip() for f in fields]


def _low(text: str) -> str:
    return " ".join(text.casefold().split())


# ------------------------------------------------------------------------------ units
def temperature_unit(header: str) -> tuple[str | None, str]:
    """The temperature unit written in a column header.

    Parameters
    ----------
    header : str
        The header cell, e.g. ``"Temp, °C (LGR S/N: 1)"``, ``"Celsius(°F)"``, ``"°C"``.

    Returns
    -------
    unit : {"°C", "°F", "K"} or None
        ``None`` when the header gives no unit or an unknown one.
    written : str
        The unit text found (``""`` when there is none); non-empty with ``unit=None``
        means an unknown unit (``"°R"``, ``"(raw)"``).

    Examples
    --------
    >>> temperature_unit("Celsius(°F)"), temperature_unit("Temp, (*C)")
    (('°F', '°F'), ('°C', '°C'))
    >>> temperature_unit("Temp"), temperature_unit("Temp (°R)")
    ((None, ''), (None, '°R'))
    """
    text = _SERIAL.sub("", header)
    text = re.sub(r"\b(?:LGR|SEN)\b", "", text)
    bare = _BARE_UNIT.match(text.strip().strip("()[]"))
    if bare:
        letter = bare.group(1).upper()
        return {"C": "°C", "F": "°F", "K": "K"}[letter], letter
    explicit = None
    for match in _UNIT_TOKEN.finditer(text):
        letter, word = match.group(1) or match.group(3), match.group(2)
        if word:
            unit = {"celsius": "°C", "fahrenheit": "°F", "kelvin": "K"}[word.casefold()]
            explicit = explicit or (unit, word)
            continue
        glyph = match.group(0)[0]
        letter = letter.upper()
        unit = {"C": "°C", "F": "°F", "K": "K"}.get(letter)
        if unit is None:
            if glyph in _DEGREE:
                return None, f"°{letter}"
            continue
        return unit, unit  # a symbol (°F) beats a word (EasyLog's "Celsius(°F)")
    if explicit is not None:
        return explicit[0], explicit[0]
    trailing = re.search(r"(?:^|[\s,_-])([CFK])\s*$", text)
    if trailing:
        letter = trailing.group(1)
        return {"C": "°C", "F": "°F", "K": "K"}[letter], letter
    for group in _PAREN.findall(text):
        inner = group.strip()
        if _BARE_UNIT.match(inner):
            letter = inner.strip().upper()
            return {"C": "°C", "F": "°F", "K": "K"}[letter], letter
        if inner and not re.fullmatch(r"[\s,;:-]*", inner):
            return None, inner
    return None, ""


def is_temperature_header(text: str) -> bool:
    """True for a temperature column header (not dew point, humidity, alarm or limit)."""
    low = _low(text)
    if not low or any(w in low for w in _NOT_TEMPERATURE):
        return False
    if any(w in low for w in _TEMP_WORDS):
        return True
    unit, written = temperature_unit(text)
    return unit is not None and not any(w in low for w in _TIME_WORDS)


def is_time_header(text: str) -> bool:
    """True for a date, time or timestamp column header (not an elapsed time)."""
    low = _low(text)
    if any(w in low for w in _NOT_TIME) or is_temperature_header(text):
        return False
    return any(re.search(rf"(?<![a-z]){w}", low) for w in _TIME_WORDS)


def _is_rh(text: str) -> bool:
    low = _low(text).replace(" ", "")
    if any(w.replace(" ", "") in low for w in _NOT_RH):
        return False
    if temperature_unit(text)[0] is not None and "%" not in low:
        return False
    return any(w in low for w in _RH_WORDS)


def _is_event(text: str) -> bool:
    low = _low(text)
    return any(w in low for w in _EVENT_WORDS)


def is_header_like(fields: list[str]) -> bool:
    """True when the fields name a time column and a temperature column."""
    return any(is_time_header(f) for f in fields) and any(is_temperature_header(f) for f in fields)


# ---------------------------------------------------------------------------- columns
@dataclass(frozen=True)
class Columns:
    """Roles of the columns of a logger table (0-based positions).

    Attributes
    ----------
    header : tuple of str
        The header cells.
    time : tuple of int
        The timestamp column, or the date column and the clock column.
    temperature : int
        The temperature column read.
    rh : int or None
        The relative-humidity column [%], if any.
    index, serial : int or None
        Row-number column and serial-number column, if any.
    events : tuple of int
        Event columns (HOBO); a line with an event and no reading is not a reading.
    extra_temperatures : tuple of int
        Further temperature columns, ignored.
    """

    header: tuple[str, ...]
    time: tuple[int, ...]
    temperature: int
    rh: int | None = None
    index: int | None = None
    serial: int | None = None
    events: tuple[int, ...] = ()
    extra_temperatures: tuple[int, ...] = ()

    @property
    def time_header(self) -> str:
        """The header of the (first) time column."""
        return self.header[self.time[0]]

    @property
    def temperature_header(self) -> str:
        """The header of the temperature column."""
        return self.header[self.temperature]


_DATE_ONLY = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\s*$")
_CLOCK_ONLY = re.compile(
    r"^\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*$", re.IGNORECASE
)


#: No logger export has more columns than this; a longer line is not a header (and the
#: per-cell header tests would take seconds on a line of a million cells).
MAX_HEADER_FIELDS = 1000


def assign_columns(header: list[str], sample: list[str] | None = None) -> Columns | None:
    """Find the column roles of a candidate header line.

    Parameters
    ----------
    header : list of str
        The header cells.
    sample : list of str, optional
        The cells of the first data line, used to tell a date-only column followed by a
        clock column (Elitech ``Time`` + unnamed column, ``Date`` + ``Time``) from a
        timestamp column.

    Returns
    -------
    Columns or None
        ``None`` when the line has no time column or no temperature column.
    """
    if len(header) > MAX_HEADER_FIELDS:  # a damaged line, not a logger's header
        return None
    times = [j for j, f in enumerate(header) if is_time_header(f)]
    temps = [j for j, f in enumerate(header) if j not in times and is_temperature_header(f)]
    if not times or not temps:
        return None
    sample = sample or []

    def cell(j: int) -> str:
        return sample[j] if j < len(sample) else ""

    time_cols: tuple[int, ...] = (times[0],)
    date_col = next((j for j in times if _DATE_ONLY.match(cell(j))), None)
    if date_col is not None:
        clocks = [
            j
            for j, f in enumerate(header)
            if j != date_col
            and j not in temps
            and (not f.strip() or is_time_header(f))
            and _CLOCK_ONLY.match(cell(j))
        ]
        if clocks:
            after = [j for j in clocks if j > date_col]
            time_cols = (date_col, (after or clocks)[0])
        else:
            time_cols = (date_col,)
    elif not sample:
        # no data to look at: prefer a column named like a timestamp
        both = [j for j in times if not any(w in _low(header[j]) for w in _DATE_ONLY_WORDS)]
        time_cols = (times[0],) if not both else (both[0],)
    else:
        full = [j for j in times if cell(j).strip()]
        time_cols = ((full or times)[0],)
    taken = set(time_cols) | {temps[0]}
    rh = next((j for j, f in enumerate(header) if j not in taken and _is_rh(f)), None)
    taken |= {rh} if rh is not None else set()
    index = next(
        (
            j
            for j, f in enumerate(header[:1])
            if j not in taken and (_low(f) in _INDEX_HEADERS or re.fullmatch(r"\d+", cell(j)))
        ),
        None,
    )
    serial = next(
        (j for j, f in enumerate(header) if j not in taken and "serial" in _low(f)), None
    )
    events = tuple(
        j for j, f in enumerate(header) if j not in taken and j != serial and _is_event(f)
    )
    return Columns(
        header=tuple(header),
        time=time_cols,
        temperature=temps[0],
        rh=rh,
        index=index,
        serial=serial,
        events=events,
        extra_temperatures=tuple(temps[1:]),
    )


# ---------------------------------------------------------------------------- vendors
_ELITECH_KEYS = (
    "logger id",
    "logging interval",
    "trip code",
    "trip description",
    "mean kinetic temperature",
    "start delay",
    "repeat start",
    "first alarm",
)


def detect_format(header: list[str], above: list[str]) -> str:
    """The vendor style of an export, from its header cells and the lines above them.

    Returns
    -------
    {"elitech", "easylog", "hobo", "generic"}

    Examples
    --------
    >>> detect_format(["#", "Date Time, GMT-07:00", "Temp, °C (LGR S/N: 1)"], ["Plot Title: a"])
    'hobo'
    >>> detect_format(["Room 1", "Time", "Celsius(°C)", "Serial Number"], [])
    'easylog'
    """
    lows = [_low(f) for f in header]
    first = next((ln.strip().strip('"') for ln in above if ln.strip()), "")
    joined = " | ".join(lows)
    if first.casefold().startswith("plot title") or any(
        s in joined
        for s in ("lgr s/n", "date time, gmt", "date time - gmt", "date-time (", "host connected")
    ):
        return "hobo"
    if re.search(r"(?:^|\| )ch: ?\d+ - ", joined) or (lows and lows[0] == "#"):
        return "hobo"
    if (
        len(lows) > 1
        and lows[1] == "time"
        and any(
            f.startswith(("celsius(", "fahrenheit(", "humidity(%rh)")) or f == "serial number"
            for f in lows
        )
    ):
        return "easylog"
    meta = " ".join(_low(ln) for ln in above)
    bare_unit = any(f.strip() in ("°c", "°f", "ºc", "ºf") for f in lows)
    if any(k in meta for k in _ELITECH_KEYS) or (lows and lows[0] == "no." and bare_unit):
        return "elitech"
    return "generic"


# ---------------------------------------------------------------------------- metadata
def parse_meta(lines: list[str]) -> dict[str, str]:
    """``key: value`` (or ``key<TAB>value``) lines of a metadata block, first occurrence wins."""
    out: dict[str, str] = {}
    for line in lines:
        text = line.strip().lstrip(">").strip()
        if not text or set(text) <= set("-=_*~ \t"):
            continue
        key, sep, value = text.partition(":")
        if not sep or not key.strip() or len(key) > 60:
            parts = [p for p in re.split(r"\t|;", text) if p.strip()]
            if len(parts) < 2:
                continue
            key, value = parts[0], " ".join(parts[1:])
        key = key.strip().strip('"').strip()
        if key and key not in out:
            out[key] = value.strip().lstrip(";,\t").strip().strip('"').strip()
    return out


def serial_number(columns: Columns, meta: dict[str, str], first_row: list[str]) -> str | None:
    """The logger's serial number or id: EasyLog's first row, HOBO's header, Elitech's meta."""
    if columns.serial is not None and columns.serial < len(first_row):
        value = first_row[columns.serial].strip()
        if value:
            return value
    for cell in columns.header:
        match = _SERIAL.search(cell)
        if match:
            return match.group(1)
    for key, value in meta.items():
        low = key.casefold()
        if value and any(w in low for w in ("logger id", "serial", "s/n", "device id")):
            return value
    return None


def stated_mkt(meta: dict[str, str]) -> float | None:
    """The mean kinetic temperature [°C] written by the logger software, if any."""
    for key, value in meta.items():
        low = key.casefold()
        if "mean kinetic" in low or low.strip() == "mkt":
            match = re.search(r"[-+]?\d+(?:[.,]\d+)?", value)
            if match:
                number = float(match.group(0).replace(",", "."))
                unit, _ = temperature_unit(value)
                if unit == "°F":
                    number = (number - 32.0) * 5.0 / 9.0
                return number
    return None


# ----------------------------------------------------------------------------- zones
@dataclass(frozen=True)
class TimeZone:
    """A time zone as stated by a file or asked for by the user.

    Attributes
    ----------
    label : str
        ``"UTC+07:00"`` for a fixed offset; the pair as written (``"PST/PDT"``) for a clock
        that follows daylight saving time; an IANA name (``"Asia/Jakarta"``).
    offset : datetime.timedelta or None
        The fixed UTC offset, ``None`` for a daylight-saving pair or an IANA name.
    iana : str or None
        The IANA name, when given as one.
    """

    label: str
    offset: datetime.timedelta | None = None
    iana: str | None = None


def _fixed(sign: int, hours: int, minutes: int = 0) -> TimeZone:
    delta = datetime.timedelta(hours=hours, minutes=minutes) * sign
    label = f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
    return TimeZone(label, delta)


def _from_hours(hours: float) -> TimeZone:
    sign = 1 if hours >= 0 else -1
    total = round(abs(hours) * 60)
    return _fixed(sign, total // 60, total % 60)


def fixed_offset(seconds: float) -> TimeZone:
    """The fixed zone ``UTC±hh:mm`` of an offset [s]."""
    return _from_hours(seconds / 3600.0)


def parse_timezone(texts: list[str], *, abbreviations: bool = True) -> TimeZone | None:
    """The first time zone stated in ``texts`` (header cells, metadata lines).

    Recognises offsets (``GMT-07:00``, ``UTC +07:00``, ``GMT+7``), daylight-saving pairs
    (``PST/PDT``) and upper-case abbreviations (``WIB``, ``(PST)``).

    Examples
    --------
    >>> parse_timezone(["Date Time, GMT-07:00"]).label
    'UTC-07:00'
    >>> parse_timezone(["Waktu (WIB)"]).label, parse_timezone(["Date-Time (PST/PDT)"]).label
    ('UTC+07:00', 'PST/PDT')
    """
    for text in texts:
        match = _OFFSET.search(text)
        if match:
            sign = -1 if match.group(1) == "-" else 1
            return _fixed(sign, int(match.group(2)), int(match.group(3) or 0))
        if not abbreviations:
            continue
        for pair in _DST_PAIRS:
            if pair in text.upper().replace(" ", ""):
                return TimeZone(pair)
        for word in re.findall(r"[A-Za-z]+", text):
            if word.isupper() and word in ZONES:
                return _from_hours(ZONES[word])
    return None


def timezone_argument(value: str) -> TimeZone | None:
    """Read the ``timezone=`` argument of :func:`~shelflife.loggers.read_logger`.

    Accepts ``"UTC+07:00"``, ``"+07:00"``, ``"GMT-8"``, ``"UTC"``, an abbreviation of
    :data:`ZONES` (``"WIB"``) or an IANA name (``"Asia/Jakarta"``); ``None`` when not
    understood.
    """
    text = str(value).strip()
    if re.fullmatch(r"[+-]\d{1,2}(?::?\d{2})?", text):
        text = "UTC" + text
    if text.upper() in ("UTC", "GMT", "Z"):
        return _fixed(1, 0)
    zone = parse_timezone([text])
    if zone is not None and zone.offset is not None:
        return zone
    if "/" in text and " " not in text:
        try:
            import zoneinfo

            zoneinfo.ZoneInfo(text)
        except (ValueError, KeyError, zoneinfo.ZoneInfoNotFoundError):
            return None
        return TimeZone(text, None, text)
    return None
