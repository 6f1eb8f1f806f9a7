"""The pull calendar: planned dates per chamber and pull, as a table, CSV and iCalendar.

A pull planned at storage day *d* falls on ``start + round(d)`` days. With
``avoid_weekends=True`` a pull on a Saturday or Sunday moves to the nearest weekday inside its
pull window (on a tie, the earlier day); when the window holds no weekday it moves to the
Friday before, and the ``note`` column says that the pull is then outside its window. The
start of storage itself (day 0) never moves. Everything is deterministic: the same plan and
start date give byte-identical files.

The iCalendar file (RFC 5545) has one all-day event per pull date and chamber, with CRLF line
endings, lines folded at 75 octets, a stable ``UID`` and a ``DTSTAMP`` taken from the start date
(not from the clock), so that re-creating it does not duplicate events in a phone calendar.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..messages import render
from .filetext import _csv_text
from .model import format_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Protocol

__all__ = [
    "schedule",
    "parse_start",
    "schedule_csv",
    "schedule_ics",
    "SCHEDULE_COLUMNS",
    "WEEKDAYS",
]

#: Weekday names, Monday first.
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
}

#: Columns of :func:`schedule` (the CSV adds units to the headers).
SCHEDULE_COLUMNS = (
    "chamber",
    "condition",
    "temperature_degC",
    "rh_percent",
    "pull",
    "time",
    "planned_day",
    "planned_date",
    "scheduled_date",
    "weekday",
    "scheduled_day",
    "window_start",
    "window_end",
    "samples",
    "moved",
    "note",
)


def parse_start(value: datetime.date | str, *, key: str = "start", file: str | None = None):
    """A start date from a :class:`datetime.date` or an ISO string ``"2027-01-04"``.

    Raises
    ------
    InputError
        ``start_date_invalid`` for anything else (e.g. ``"04/01/2027"``), naming ``key``.

    Examples
    --------
    >>> parse_start("2027-01-04")
    datetime.date(2027, 1, 4)
    """
    date = None
    if isinstance(value, datetime.datetime):
        date = value.date()
    elif isinstance(value, datetime.date):
        date = value
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                date = datetime.date.fromisoformat(text)
            except ValueError:
                pass
    if date is None:
        raise InputError("start_date_invalid", value=value, key=key, file=file)
    low, high = START_YEARS
    if not low <= date.year <= high:  # the calendar (and its pull windows) must fit
        raise InputError(
            "start_date_out_of_range", value=str(date), low=low, high=high, key=key, file=file
        )
    return date


#: Years a study may start in (pulls up to 100 years later must still be calendar dates).
START_YEARS = (1900, 2200)


def _move(planned: datetime.date, window: int) -> tuple[datetime.date, bool]:
    """The weekday a weekend pull moves to, and whether it stays inside its window."""
    if planned.weekday() < 5:
        return planned, True
    candidates = []
    for shift in range(-window, window + 1):
        day = planned + datetime.timedelta(days=shift)
        if day.weekday() < 5:
            candidates.append((abs(shift), shift, day))
    if candidates:
        return min(candidates)[2], True
    friday = planned - datetime.timedelta(days=planned.weekday() - 4)
    return friday, False


def schedule(
    protocol: Protocol,
    start: datetime.date | str | None = None,
    *,
    avoid_weekends: bool = False,
    lang: str = "en",
) -> pd.DataFrame:
    """The pull calendar of a protocol: one row per chamber and pull.

    Parameters
    ----------
    protocol : Protocol
    start : datetime.date or str, optional
        First day of storage (day 0), e.g. ``"2027-01-04"``. Without it the date columns are
        empty and only storage days are given.
    avoid_weekends : bool
        Move Saturday and Sunday pulls to the nearest weekday inside the pull window (else
        to the Friday before).
    lang : {"en", "id"}
        Language of the ``weekday`` and ``note`` columns.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SCHEDULE_COLUMNS`: ``chamber`` (1-based, in protocol order),
        ``condition`` (``"40 °C"``), ``temperature_degC``, ``rh_percent``, ``pull`` (1-based),
        ``time`` (nominal storage time in ``protocol.time_unit``), ``planned_day`` [day],
        ``planned_date``, ``scheduled_date`` (after moving weekend pulls), ``weekday``,
        ``scheduled_day`` (whole days from the start), ``window_start``, ``window_end``,
        ``samples`` (packs to take: replicates x batches), ``moved`` and ``note``. Sorted by
        date, then chamber. For a critical-moisture protocol: the weighing calendar of
        :func:`shelflife.protocols.moisture.weighing_schedule` instead.

    Raises
    ------
    InputError
        ``start_date_invalid``.

    Examples
    --------
    >>> from shelflife.protocols import Protocol
    >>> table = Protocol.from_name("aslt-arrhenius").schedule("2027-01-04")
    >>> week = table[table["planned_day"] == 7]
    >>> [str(d) for d in week["scheduled_date"]], list(week["condition"])
    (['2027-01-11', '2027-01-11'], ['50 °C', '40 °C'])
    """
    import pandas as pd

    if protocol.isotherm is not None:
        from .moisture import weighing_schedule

        return weighing_schedule(protocol, start, avoid_weekends=avoid_weekends, lang=lang)
    day0 = None if start is None else parse_start(start)
    names = WEEKDAYS.get(lang, WEEKDAYS["en"])
    window = int(protocol.pull_window // 1)
    samples = protocol.replicates * protocol.n_batches
    per_unit = protocol.unit_days
    rows = []
    for c_index, chamber in enumerate(protocol.chambers, start=1):
        for p_index, day in enumerate(chamber.pulls, start=1):
            row = {
                "chamber": c_index,
                "condition": chamber.label(lang),
                "temperature_degC": chamber.celsius,
                "rh_percent": chamber.rh,
                "pull": p_index,
                "time": round(day / per_unit, 9),
                "planned_day": day,
                "planned_date": None,
                "scheduled_date": None,
                "weekday": "",
                "scheduled_day": round(day),
                "window_start": None,
                "window_end": None,
                "samples": samples,
                "moved": False,
                "note": "",
            }
            if day0 is not None:
                planned = day0 + datetime.timedelta(days=round(day))
                date, inside = planned, True
                if avoid_weekends and round(day) > 0:
                    date, inside = _move(planned, window)
                row["planned_date"] = planned
                row["scheduled_date"] = date
                row["weekday"] = names[date.weekday()]
                row["scheduled_day"] = (date - day0).days
                row["window_start"] = max(day0, planned - datetime.timedelta(days=window))
                row["window_end"] = planned + datetime.timedelta(days=window)
                if date != planned:
                    code = "schedule_moved" if inside else "schedule_moved_outside"
                    row["moved"] = True
                    row["note"] = render(
                        code,
                        lang,
                        planned_day=names[planned.weekday()],
                        planned=planned.isoformat(),
                        day=names[date.weekday()],
                        date=date.isoformat(),
                    )[0]
            rows.append(row)
    table = pd.DataFrame(rows, columns=list(SCHEDULE_COLUMNS))
    table = table.sort_values(["scheduled_day", "chamber", "pull"], kind="stable")
    return table.reset_index(drop=True)


def _date(value: Any) -> str:
    """An ISO date, or ``""`` for a missing one (``None`` or NaN)."""
    return "" if value is None or value != value else value.isoformat()


def schedule_csv(table: pd.DataFrame, time_unit: str) -> str:
    """The schedule as CSV text (comma-separated, decimal point, newline line ends).

    Headers carry units: ``temperature [°C]``, ``rh [%]``, ``time [month]``,
    ``planned_day [day]``, ``scheduled_day [day]``.
    """
    header = [
        "chamber",
        "condition",
        "temperature [°C]",
        "rh [%]",
        "pull",
        f"time [{time_unit}]",
        "planned_day [day]",
        "planned_date",
        "scheduled_date",
        "weekday",
        "scheduled_day [day]",
        "window_start",
        "window_end",
        "samples",
        "moved",
        "note",
    ]

    def rows() -> Iterator[list[Any]]:
        for r in table.itertuples(index=False):
            rh = r.rh_percent
            yield [
                r.chamber,
                r.condition,
                format_number(r.temperature_degC),
                "" if rh is None or rh != rh else format_number(rh),
                r.pull,
                format_number(r.time),
                format_number(r.planned_day),
                _date(r.planned_date),
                _date(r.scheduled_date),
                r.weekday,
                r.scheduled_day,
                _date(r.window_start),
                _date(r.window_end),
                r.samples,
                "yes" if r.moved else "no",
                r.note,
            ]

    return _csv_text(header, rows())


# ------------------------------------------------------------------------------- iCalendar

_ICS_TEXT = {
    "en": {
        "summary": "{study}: pull {pull}/{n} at {condition}",
        "take": "Take {samples} samples ({replicates} replicate(s){batches}) from the "
        "{condition} chamber.",
        "batches": " × {n} batches",
        "day": "Storage time {time} {unit} (planned day {day}, {planned}).",
        "window": "Pull window: {first} to {last}.",
        "moved": "Moved: {note}",
        "measure": "Measure: {attributes}.",
        "sheet": "Enter the results in the data sheet of the study folder.",
    },
    "id": {
        "summary": "{study}: pengambilan {pull}/{n} pada {condition}",
        "take": "Ambil {samples} sampel ({replicates} ulangan{batches}) dari ruang simpan "
        "{condition}.",
        "batches": " × {n} batch",
        "day": "Waktu simpan {time} {unit} (rencana hari ke-{day}, {planned}).",
        "window": "Jendela pengambilan: {first} sampai {last}.",
        "moved": "Dipindah: {note}",
        "measure": "Ukur: {attributes}.",
        "sheet": "Catat hasilnya di lembar data pada folder studi.",
    },
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets (RFC 5545 §3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return out


def _uid_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "study"


def _calendar_head(study: str) -> list[str]:
    """The opening lines of a calendar named after ``study``."""
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//shelflife//protocol schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(study)}",
    ]


def _event(
    uid: str, stamp: str, date: datetime.date, summary: str, parts: Sequence[str]
) -> list[str]:
    """One all-day ``VEVENT`` on ``date``; ``parts`` are the lines of its description."""
    end = date + datetime.timedelta(days=1)
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(chr(10).join(parts))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _calendar_text(lines: list[str]) -> str:
    """The calendar file: ``lines``, then ``END:VCALENDAR``, folded, with CRLF line ends."""
    lines = [*lines, "END:VCALENDAR"]
    folded = [piece for line in lines for piece in _fold(line)]
    return "\r\n".join(folded) + "\r\n"


def schedule_ics(
    table: pd.DataFrame,
    protocol: Protocol,
    *,
    study: str,
    start: datetime.date | str,
    lang: str = "en",
) -> str:
    """The schedule as an iCalendar file: one all-day ``VEVENT`` per pull date and chamber.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`schedule` with a start date.
    protocol : Protocol
    study : str
        Study name, shown in each event title and used in the ``UID``.
    start : datetime.date or str
        Start of storage; also gives the ``DTSTAMP`` (so the file does not depend on the
        clock).
    lang : {"en", "id"}
        Language of the event texts.

    Returns
    -------
    str
        The calendar, with CRLF line endings.
    """
    day0 = parse_start(start)
    words = _ICS_TEXT.get(lang, _ICS_TEXT["en"])
    stamp = f"{day0:%Y%m%d}T000000Z"
    uid_study = _uid_part(study)
    per_chamber = {i + 1: len(c.pulls) for i, c in enumerate(protocol.chambers)}
    attributes = ", ".join(
        f"{a.display_name(lang)} [{a.unit}]" if a.unit else a.display_name(lang)
        for a in protocol.attributes
    )
    batches = words["batches"].format(n=protocol.n_batches) if protocol.n_batches > 1 else ""
    lines = _calendar_head(study)
    for r in table.itertuples(index=False):
        date = r.scheduled_date
        if date is None:
            raise InputError("start_date_invalid", value=None, key="start")
        parts = [
            words["take"].format(
                samples=r.samples,
                replicates=protocol.replicates,
                batches=batches,
                condition=r.condition,
            ),
            words["day"].format(
                time=format_number(r.time),
                unit=protocol.time_unit,
                day=format_number(r.planned_day),
                planned=_date(r.planned_date),
            ),
            words["window"].format(first=_date(r.window_start), last=_date(r.window_end)),
        ]
        if r.moved:
            parts.append(words["moved"].format(note=r.note))
        parts += [words["measure"].format(attributes=attributes), words["sheet"]]
        summary = words["summary"].format(
            study=study, pull=r.pull, n=per_chamber[r.chamber], condition=r.condition
        )
        uid = f"{uid_study}-{day0:%Y%m%d}-c{r.chamber}-p{r.pull}@shelflife"
        lines += _event(uid, stamp, date, summary, parts)
    return _calendar_text(lines)
