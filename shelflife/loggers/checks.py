"""Plausibility checks of logger readings and of the order of their timestamps.

**Values.** A temperature below -60 °C or above 100 °C is not a storage condition but a
sensor or export fault, and is read as missing with a coded notice naming its lines:

- ``logger_sentinel_values`` for the no-data codes loggers write (:data:`SENTINELS`:
  -273.15, -273, -127, -999, -9999, 3276.7, 6553.5...), compared in the file's unit;
- ``logger_temperature_absurd`` for any other value outside :data:`TEMPERATURE_RANGE_C`.

A °C column whose median reading is 65 °C or hotter gets ``logger_maybe_fahrenheit``
(65-100 °F is 18-38 °C); its readings are kept.

Deliberately *not* flagged: -40 °C (the bottom of many sensors' range, but also a real
blast-freezer temperature), 85 °C (a DS18B20 power-on value, but a possible oven or
retort reading) and repeated identical values (a well-controlled chamber logs the same
0.1 °C step for hours). Relative humidity outside 0-100 % is read as missing
(``logger_rh_out_of_range``).

**Time.** Readings must go forward in time. A repeated timestamp with the same reading
(a concatenated export, a double download) is dropped with ``logger_duplicates_dropped``;
anything else that goes back or repeats is an error naming the line:
``logger_exports_overlap`` (the first reading of a second export in the file),
``logger_time_dst_repeat`` (a step back of one hour, less the logging interval, in the
small hours: the logger clock followed daylight saving time and the autumn hour repeats),
``logger_time_not_increasing`` otherwise.
"""

from __future__ import annotations

import numpy as np

from ..errors import InputError, Notice

__all__ = [
    "RH_RANGE",
    "SENTINELS",
    "TEMPERATURE_RANGE_C",
    "FAHRENHEIT_SUSPECT_C",
    "check_order",
    "check_values",
    "row_list",
]

#: Plausible logged temperatures [°C]; readings outside are treated as missing.
TEMPERATURE_RANGE_C = (-60.0, 100.0)
#: Median reading [°C] above which a °C column is suspected to hold °F: the hottest
#: accelerated-storage chambers run at 55-60 °C, while warm storage logged in °F
#: (65-100 °F, 18-38 °C) reads above 65.
FAHRENHEIT_SUSPECT_C = 65.0
#: Plausible relative humidity [%].
RH_RANGE = (0.0, 100.0)
#: No-data codes written by loggers and their software (in the file's unit).
SENTINELS = (
    -273.15,
    -273.0,
    -127.0,
    -99.9,
    -999.0,
    -999.9,
    -9999.0,
    -3276.8,
    3276.7,
    3276.8,
    6553.5,
    6553.6,
    999.9,
    9999.0,
)
_ROWS_SHOWN = 5
NS_PER_S = 1_000_000_000


def row_list(rows: np.ndarray, limit: int = _ROWS_SHOWN) -> str:
    """``"12, 13, 40, …"``: the first ``limit`` line numbers, an ellipsis if there are more."""
    shown = ", ".join(str(int(r)) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def _number(value: float) -> str:
    return f"{value:.6g}"


def to_celsius(raw: np.ndarray, unit: str) -> np.ndarray:
    """Convert readings in ``unit`` (``"°C"``, ``"°F"`` or ``"K"``) to °C."""
    if unit == "°F":
        return (raw - 32.0) * (5.0 / 9.0)
    if unit == "K":
        return raw - 273.15
    return raw


def check_values(
    raw_temp: np.ndarray,
    unit: str,
    rh: np.ndarray,
    rows: np.ndarray,
    junk_temp: np.ndarray,
    junk_rh: np.ndarray,
    temp_header: str,
    rh_header: str | None,
) -> tuple[np.ndarray, np.ndarray, list[Notice]]:
    """Temperatures [°C] and RH [%] with implausible values set to NaN, and the notices."""
    notices: list[Notice] = []
    celsius = to_celsius(np.asarray(raw_temp, dtype=float), unit)
    rh = np.array(rh, dtype=float)
    for junk, header in ((junk_temp, temp_header), (junk_rh, rh_header)):
        if header is not None and junk.any():
            where = rows[junk]
            notices.append(
                Notice(
                    "logger_value_unreadable",
                    "logger",
                    None,
                    {"count": int(junk.sum()), "rows": row_list(where), "column": header},
                )
            )
    # an overflowing cell ("1e400") or "inf" text reads as infinite: absurd, not missing
    present = ~np.isnan(celsius)
    low, high = TEMPERATURE_RANGE_C
    outside = present & ((celsius < low) | (celsius > high))
    sentinel = np.zeros(celsius.size, dtype=bool)
    found = []
    if outside.any():  # every sentinel lies outside the plausible range
        at = np.flatnonzero(outside)
        for code in SENTINELS:
            hit = np.abs(raw_temp[at] - code) < 1e-6
            if hit.any():
                sentinel[at[hit]] = True
                found.append(code)
    if sentinel.any():
        notices.append(
            Notice(
                "logger_sentinel_values",
                "logger",
                None,
                {
                    "count": int(sentinel.sum()),
                    "rows": row_list(rows[sentinel]),
                    "values": ", ".join(f"{_number(v)} {unit}" for v in found),
                },
            )
        )
    absurd = outside & ~sentinel
    if absurd.any():
        first = int(np.flatnonzero(absurd)[0])
        notices.append(
            Notice(
                "logger_temperature_absurd",
                "logger",
                None,
                {
                    "count": int(absurd.sum()),
                    "rows": row_list(rows[absurd]),
                    "example": f"{_number(raw_temp[first])} {unit}",
                    "low": f"{low:g} °C",
                    "high": f"{high:g} °C",
                },
            )
        )
    celsius = np.where(sentinel | absurd, np.nan, celsius)
    notice = _fahrenheit_notice(celsius, unit, temp_header)
    if notice is not None:
        notices.append(notice)
    rh_bad = ~np.isnan(rh) & ((rh < RH_RANGE[0]) | (rh > RH_RANGE[1]))
    if rh_bad.any():
        first = int(np.flatnonzero(rh_bad)[0])
        notices.append(
            Notice(
                "logger_rh_out_of_range",
                "logger",
                None,
                {
                    "count": int(rh_bad.sum()),
                    "rows": row_list(rows[rh_bad]),
                    "example": f"{_number(rh[first])} %",
                },
            )
        )
        rh[rh_bad] = np.nan
    return celsius, rh, notices


def _fahrenheit_notice(celsius: np.ndarray, unit: str, header: str) -> Notice | None:
    """``logger_maybe_fahrenheit``: a °C column whose readings are mostly 65 °C or hotter.

    A warehouse or a container logs well below 65 °C, and so does the hottest accelerated
    storage chamber (55-60 °C); 65-100 °F (18-38 °C) is what such loggers show when they
    record °F under a header that says °C. Ovens and retorts log hotter, so this is a
    notice (the readings are kept), not an error.
    """
    valid = celsius[np.isfinite(celsius)]
    if unit != "°C" or valid.size == 0:
        return None
    median = float(np.median(valid))
    if not FAHRENHEIT_SUSPECT_C <= median <= TEMPERATURE_RANGE_C[1]:
        return None
    return Notice(
        "logger_maybe_fahrenheit",
        "logger",
        None,
        {
            "column": header,
            "median": f"{median:.1f}",
            "celsius": f"{(median - 32.0) * 5.0 / 9.0:.1f}",
        },
    )


def _equal(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a == b) | (np.isnan(a) & np.isnan(b))


def _stamp(ns: int) -> str:
    return str(np.datetime64(int(ns), "ns").astype("datetime64[s]")).replace("T", " ")


def check_order(
    ns: np.ndarray,
    temp: np.ndarray,
    rh: np.ndarray,
    rows: np.ndarray,
    segment_rows: tuple[int, ...],
    *,
    file: str,
    column: str,
) -> tuple[np.ndarray, list[Notice]]:
    """Check that time goes forward; return the lines kept (duplicates dropped).

    Parameters
    ----------
    ns : numpy.ndarray
        Timestamps [ns], in file order.
    temp, rh : numpy.ndarray
        Readings, to recognise a repeated reading.
    rows : numpy.ndarray
        Line numbers (1-based).
    segment_rows : tuple of int
        Line numbers of the first reading of each further export in the file.
    file, column : str
        Where, for the errors.

    Returns
    -------
    keep : numpy.ndarray
        Boolean mask of the readings kept.
    notices : list of Notice
    """
    keep = np.ones(ns.size, dtype=bool)
    notices: list[Notice] = []
    if ns.size < 2 or (np.diff(ns) > 0).all():
        return keep, notices
    order = np.argsort(ns, kind="stable")
    same = (ns[order][1:] == ns[order][:-1]) & _equal(temp[order][1:], temp[order][:-1])
    same &= _equal(rh[order][1:], rh[order][:-1])
    dup = order[1:][same]
    if dup.size:
        keep[dup] = False
        notices.append(
            Notice(
                "logger_duplicates_dropped",
                "logger",
                None,
                {"count": int(dup.size), "rows": row_list(np.sort(rows[dup]))},
            )
        )
    kept = np.flatnonzero(keep)
    t = ns[kept]
    steps = np.diff(t)
    bad = np.flatnonzero(steps <= 0)
    if not bad.size:
        return keep, notices
    i = int(bad[0]) + 1
    row, value, previous = int(rows[kept[i]]), _stamp(t[i]), _stamp(t[i - 1])
    where = {"file": file, "row": row, "column": column}
    if row in segment_rows:
        raise InputError("logger_exports_overlap", value=value, previous=previous, **where)
    positive = steps[steps > 0]
    if positive.size:
        interval = float(np.median(positive))
        back = float(t[i - 1] - t[i])
        hour = int((t[i] // (3600 * NS_PER_S)) % 24)
        tolerance = max(0.1 * interval, 60.0 * NS_PER_S)
        if abs(back + interval - 3600.0 * NS_PER_S) <= tolerance and hour <= 3:
            raise InputError(
                "logger_time_dst_repeat",
                value=value,
                previous=previous,
                minutes=f"{back / NS_PER_S / 60:.0f}",
                **where,
            )
    raise InputError("logger_time_not_increasing", value=value, previous=previous, **where)
