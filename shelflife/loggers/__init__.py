"""Temperature/RH data-logger exports: sniff, read, check, and turn into histories.

Labs export their chamber and shipment loggers as text or CSV (``users-and-markets.md``
§3.2). :func:`read_logger` reads the common ones without being told which:

- **Elitech** text (latin-1): a metadata block (``Logger ID``, ``Timezone: UTC +07:00``,
  ``Logging Interval``, MKT...) above a tab-separated table ``No.  Time  <clock>  °C  %RH``
  with decimal commas and ``NC`` for a missing reading;
- **EasyLog** CSV: ``<name>,Time,Celsius(°C),Humidity(%rh),Dew Point(°C),Serial Number``,
  ISO stamps, the serial on the first row (Fahrenheit files keep ``Celsius(°F)``);
- **HOBO** (HOBOware, HOBOmobile, newer exports): ``Plot Title``, ``Date Time,
  GMT-07:00``, ``Temp, °C (LGR S/N: ...)``, month-first AM/PM stamps (``%m/%d/%Y %H:%M``
  after Excel), ``Date-Time (PST)``, ``Ch: 1 - Temperature (°C)``, event columns;
- **generic** tables (``Time;Suhu (°C);RH (%)``, ``Date`` + ``Time`` columns, ".xls"
  files that are tab-separated text with ``>>``/``--`` lines and day-first dates).

Modules: :mod:`~shelflife.loggers.sniff` (encoding, delimiter, header, decimal mark),
:mod:`~shelflife.loggers.formats` (vendors, column roles, units, time zones),
:mod:`~shelflife.loggers.table` and :mod:`~shelflife.loggers.timestamps` (vectorised
parsing: a year of one-minute readings reads in well under a second),
:mod:`~shelflife.loggers.checks` (implausible values, order of time),
:mod:`~shelflife.loggers.reader` (:func:`read_logger`), :mod:`~shelflife.loggers.record`
(:class:`LoggerData`, with :meth:`~LoggerData.to_profile`).

Timestamps stay the logger's naive wall-clock time; the zone the file states is kept as
text (:attr:`LoggerData.timezone`).
"""

from __future__ import annotations

from .reader import read_logger
from .record import LoggerData
from .sniff import Sniffed, sniff_logger

__all__ = ["LoggerData", "Sniffed", "read_logger", "sniff_logger"]
