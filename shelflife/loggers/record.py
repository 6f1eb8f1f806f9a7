"""The result of reading a logger file: :class:`LoggerData`.

Timestamps are the logger's *wall clock*, naive (no time zone attached), exactly as written
in the file; the zone the file states is kept as text in :attr:`LoggerData.timezone`.
Comparing loggers from different zones is the user's call (``read_logger(...,
timezone="UTC+07:00")`` converts to one zone's wall clock when the file states its own).
"""

from __future__ import annotations

import datetime
import html
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice, UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..profiles import TemperatureProfile

__all__ = ["LoggerData"]

NS_PER_S = 1_000_000_000
NS_PER_DAY = 86_400 * NS_PER_S
_GAP_FACTOR = 3.0  # default max_gap: this many median intervals


@dataclass(frozen=True, eq=False)
class LoggerData:
    """The readings of one logger file.

    Attributes
    ----------
    file : str
        The file, as given.
    readings : pandas.DataFrame
        ``timestamp`` (wall-clock time of the logger, naive), ``temperature_C`` [°C] (NaN for
        a missing or implausible reading) and ``rh_percent`` [%] (NaN when the logger has no
        humidity); the index (``"row"``) holds the line numbers of the file (1-based).
    unit : str
        Temperature unit written in the file, ``"°C"``, ``"°F"`` or ``"K"`` (readings are in
        °C).
    timezone : str or None
        The zone of the timestamps when the file states it (``"UTC+07:00"``; a
        daylight-saving pair such as ``"PST/PDT"``) or when given to :func:`read_logger`.
    meta : dict
        ``key: value`` lines of the metadata block above the table.
    delimiter, decimal : str
        The sniffed delimiter and decimal mark.
    header_row : int
        Line number of the table header.
    format : str
        Vendor style: ``"elitech"``, ``"easylog"``, ``"hobo"`` or ``"generic"``.
    notices : tuple of Notice
        Coded warnings (category ``"logger"``): implausible values treated as missing,
        dropped duplicates, joined exports, an undecidable date order...
    serial : str or None
        Serial number or logger id (EasyLog's first row, HOBO's ``LGR S/N``, Elitech's
        ``Logger ID``).
    encoding : str
        The sniffed text encoding.
    columns : dict
        Header of each column read: ``time`` (and ``clock``), ``temperature``, ``rh``.
    """

    file: str
    readings: Any
    unit: str
    timezone: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","
    decimal: str = "."
    header_row: int = 1
    format: str = "generic"
    notices: tuple[Notice, ...] = ()
    serial: str | None = None
    encoding: str = "utf-8"
    columns: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ basics
    @property
    def name(self) -> str:
        """The file name without its folder."""
        return Path(self.file).name

    @property
    def interval(self) -> float | None:
        """Median time between readings [s], or ``None`` with fewer than two readings."""
        ns = self._ns()
        if ns.size < 2:
            return None
        return float(np.median(np.diff(ns))) / NS_PER_S

    @property
    def has_rh(self) -> bool:
        """True when the logger recorded relative humidity."""
        return bool(np.isfinite(self.readings["rh_percent"].to_numpy(dtype=float)).any())

    @property
    def missing(self) -> int:
        """Number of readings without a valid temperature."""
        return int(np.isnan(self.readings["temperature_C"].to_numpy(dtype=float)).sum())

    @property
    def stated_mkt(self) -> float | None:
        """Mean kinetic temperature written in the file's metadata (Elitech) [°C], if any."""
        from .formats import stated_mkt

        return stated_mkt(self.meta)

    def _ns(self) -> np.ndarray:
        return self.readings["timestamp"].to_numpy(dtype="datetime64[ns]").astype(np.int64)

    # -------------------------------------------------------------- histories
    def _instant(self, value: Any, what: str) -> int | None:
        import pandas as pd

        if value is None:
            return None
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, TypeError):
            raise InputError(
                "logger_window_invalid", value=str(value), what=what, file=self.file
            ) from None
        if stamp.tzinfo is not None:  # to the logger's wall clock, when its zone is known
            from .formats import timezone_argument

            zone = timezone_argument(self.timezone) if self.timezone else None
            if zone is not None and zone.offset is not None:
                stamp = stamp.tz_convert(datetime.timezone(zone.offset))
            elif zone is not None and zone.iana is not None:
                stamp = stamp.tz_convert(zone.iana)
            stamp = stamp.tz_localize(None)
        return int(stamp.as_unit("ns").value)

    def _gap_limit_ns(self, max_gap: Any) -> float:
        if max_gap is None:
            interval = self.interval
            return math.inf if not interval else _GAP_FACTOR * interval * NS_PER_S
        if isinstance(max_gap, datetime.timedelta | np.timedelta64):
            import pandas as pd

            return float(pd.Timedelta(max_gap).value)
        if isinstance(max_gap, int | float | np.number):
            raise UnitError(
                "bare_number", what="max_gap", value=max_gap, examples="'2 hour' or '30 min'"
            )
        from ..units import to_days

        return float(to_days(max_gap)) * NS_PER_DAY

    def _valid_series(
        self, start: Any, end: Any
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]:
        """Valid readings in the window: times [ns], °C, RH [%] (or None), line numbers."""
        data = self.readings
        ns = self._ns()
        temp = data["temperature_C"].to_numpy(dtype=float)
        rows = data.index.to_numpy(dtype=np.int64)
        valid = np.isfinite(temp)
        ns, temp, rows = ns[valid], temp[valid], rows[valid]
        rh = data["rh_percent"].to_numpy(dtype=float)[valid]
        if np.isfinite(rh).any():
            good = np.isfinite(rh)
            held = np.maximum.accumulate(np.where(good, np.arange(rh.size), -1))
            held[held < 0] = np.flatnonzero(good)[0]  # before the first RH: the first one
            rh = rh[held]
        else:
            rh = None
        lo, hi = self._instant(start, "start"), self._instant(end, "end")
        if lo is not None and ns.size and lo > ns[0]:
            i0 = int(np.searchsorted(ns, lo, side="right")) - 1
            ns, temp, rows = ns[i0:].copy(), temp[i0:], rows[i0:]
            rh = None if rh is None else rh[i0:]
            ns[0] = lo
        if hi is not None and ns.size and hi < ns[-1]:
            i1 = int(np.searchsorted(ns, hi, side="left"))
            if i1 == 0:
                ns = ns[:0]
            else:
                ns = np.append(ns[:i1], hi)
                temp = np.append(temp[:i1], temp[i1 - 1])
                rows = np.append(rows[:i1], rows[i1])
                rh = None if rh is None else np.append(rh[:i1], rh[i1 - 1])
        return ns, temp, rh, rows

    def gaps(self, max_gap: Any = None, *, start: Any = None, end: Any = None) -> pd.DataFrame:
        """Stretches longer than ``max_gap`` without a valid temperature reading.

        Parameters
        ----------
        max_gap : pint.Quantity, str or datetime.timedelta, optional
            Longest acceptable time between two valid readings (``"2 hour"``); default three
            times the median logging interval.
        start, end : str, datetime or pandas.Timestamp, optional
            Look only inside this window (wall-clock time of the logger).

        Returns
        -------
        pandas.DataFrame
            One row per gap: ``from_row``, ``to_row`` (lines of the valid readings around
            the gap), ``start``, ``end`` and ``hours`` [h].
        """
        import pandas as pd

        ns, _, _, rows = self._valid_series(start, end)
        limit = self._gap_limit_ns(max_gap)
        steps = np.diff(ns)
        at = np.flatnonzero(steps > limit)
        return pd.DataFrame(
            {
                "from_row": rows[at],
                "to_row": rows[at + 1],
                "start": pd.to_datetime(ns[at]),
                "end": pd.to_datetime(ns[at + 1]),
                "hours": steps[at] / (3600.0 * NS_PER_S),
            }
        )

    def gap_notice(
        self, max_gap: Any = None, *, start: Any = None, end: Any = None
    ) -> Notice | None:
        """The ``logger_gap`` notice for :meth:`gaps`, or ``None`` without gaps."""
        found = self.gaps(max_gap, start=start, end=end)
        if found.empty:
            return None
        limit_h = self._gap_limit_ns(max_gap) / (3600.0 * NS_PER_S)
        longest = int(found["hours"].to_numpy().argmax())
        spans = [f"{a}-{b}" for a, b in zip(found["from_row"], found["to_row"], strict=True)]
        return Notice(
            "logger_gap",
            "logger",
            None,
            {
                "logger": self.name,
                "count": len(found),
                "limit": f"{limit_h:.3g} h",
                "hours": f"{found['hours'].sum():.3g}",
                "longest": f"{found['hours'].iloc[longest]:.3g}",
                "rows": ", ".join(spans[:5]) + (", …" if len(spans) > 5 else ""),
            },
        )

    def to_profile(
        self, *, start: Any = None, end: Any = None, max_gap: Any = None
    ) -> TemperatureProfile:
        """The temperature (and RH) history as a piecewise-constant profile.

        Each valid reading holds until the next valid one: a missing reading (NaN: ``NC``,
        a sentinel, an implausible value) is bridged by holding the reading before it, and
        so is a missing RH. The history runs from the first to the last valid reading,
        clipped to ``start`` and ``end`` (it is never extended beyond the readings). Gaps
        longer than ``max_gap`` are reported with the notice ``logger_gap`` (emitted as a
        :class:`~shelflife.errors.ShelfLifeWarning`; see also :meth:`gaps`).

        Parameters
        ----------
        start, end : str, datetime or pandas.Timestamp, optional
            Window of the history (wall-clock time of the logger).
        max_gap : pint.Quantity, str or datetime.timedelta, optional
            Longest acceptable time between valid readings; default three times the
            median logging interval.

        Returns
        -------
        TemperatureProfile
            Step durations [day], temperatures [K] and, when the logger has it, RH [%].

        Raises
        ------
        InputError
            ``logger_profile_empty`` when the window holds fewer than two valid readings.
        """
        from ..profiles import TemperatureProfile

        ns, temp, rh, rows = self._valid_series(start, end)
        if ns.size < 2:
            first, last = self.readings["timestamp"].iloc[[0, -1]]
            raise InputError(
                "logger_profile_empty",
                first=str(first),
                last=str(last),
                start=str(start) if start is not None else "-",
                end=str(end) if end is not None else "-",
                file=self.file,
            )
        notice = self.gap_notice(max_gap, start=start, end=end)
        if notice is not None:
            notice.emit(stacklevel=3)
        durations = np.diff(ns) / NS_PER_DAY
        return TemperatureProfile(durations, temp[:-1] + 273.15, None if rh is None else rh[:-1])

    # ----------------------------------------------------------------- output
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary of the file (metadata and statistics, not the readings)."""
        data = self.readings
        temp = data["temperature_C"].to_numpy(dtype=float)
        rh = data["rh_percent"].to_numpy(dtype=float)
        ts = data["timestamp"]

        def stats(values: np.ndarray, unit: str) -> dict[str, Any] | None:
            good = values[np.isfinite(values)]
            if not good.size:
                return None
            return {
                "min": round(float(good.min()), 3),
                "mean": round(float(good.mean()), 3),
                "max": round(float(good.max()), 3),
                "unit": unit,
            }

        interval = self.interval
        fmt = "%Y-%m-%d %H:%M:%S"
        return {
            "file": self.file,
            "name": self.name,
            "format": self.format,
            "serial": self.serial,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "decimal": self.decimal,
            "header_row": self.header_row,
            "columns": dict(self.columns),
            "unit_in_file": self.unit,
            "timezone": self.timezone,
            "readings": len(data),
            "missing": self.missing,
            "first": ts.iloc[0].strftime(fmt) if len(ts) else None,
            "last": ts.iloc[-1].strftime(fmt) if len(ts) else None,
            "interval": None if interval is None else {"value": interval, "unit": "s"},
            "temperature": stats(temp, "degC"),
            "rh": stats(rh, "%"),
            "mkt_stated": None
            if self.stated_mkt is None
            else {"value": self.stated_mkt, "unit": "degC"},
            "meta": dict(self.meta),
            "notices": [n.to_dict() for n in self.notices],
        }

    def summary(self) -> pd.DataFrame:
        """Readings, missing readings, minimum, mean and maximum of each quantity."""
        import pandas as pd

        rows = []
        for label, col in (("temperature [°C]", "temperature_C"), ("RH [%]", "rh_percent")):
            values = self.readings[col].to_numpy(dtype=float)
            good = values[np.isfinite(values)]
            if col == "rh_percent" and not good.size:
                continue
            rows.append(
                {
                    "quantity": label,
                    "readings": int(values.size),
                    "missing": int(values.size - good.size),
                    "min": float(good.min()) if good.size else math.nan,
                    "mean": float(good.mean()) if good.size else math.nan,
                    "max": float(good.max()) if good.size else math.nan,
                }
            )
        return pd.DataFrame(rows).set_index("quantity")

    def _headline(self) -> str:
        ts = self.readings["timestamp"]
        interval = self.interval
        parts = [f"{self.name} ({self.format}"]
        if self.serial:
            parts[-1] += f", S/N {self.serial}"
        parts[-1] += ")"
        if len(ts):
            parts.append(f"{ts.iloc[0]:%Y-%m-%d %H:%M} to {ts.iloc[-1]:%Y-%m-%d %H:%M}")
        if self.timezone:
            parts.append(self.timezone)
        if interval:
            parts.append(f"every {interval / 60:g} min")
        return ", ".join(parts)

    def __str__(self) -> str:
        lines = [self._headline(), self.summary().round(2).to_string()]
        lines += [f"  ! {n.message('en')}" for n in self.notices]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"LoggerData({self._headline()}, {len(self.readings)} readings)"

    def _repr_html_(self) -> str:
        out = f"<p><b>{html.escape(self._headline())}</b></p>"
        out += self.summary().round(2).to_html()
        out += "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        return out
