"""The weighing calendar of a critical-moisture study, as a table, CSV and iCalendar.

Day 0 is the set-up (Mi of fresh product, first weighing of the isotherm dishes); then a
weighing every ``interval`` up to ``max_duration``, optionally without weekends. The files
are deterministic, as those of the pull calendar (:mod:`shelflife.protocols.schedule`).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ...errors import InputError
from ..filetext import _csv_text
from ..schedule import (
    WEEKDAYS,
    _calendar_head,
    _calendar_text,
    _date,
    _event,
    _uid_part,
    parse_start,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..folder import StudyPlan
    from ..model import Protocol

__all__ = [
    "WEIGHING_COLUMNS",
    "weighing_schedule",
    "weighing_csv",
    "weighing_ics",
    "calendar_files",
]


#: Columns of :func:`weighing_schedule` (the CSV adds units to the headers).
WEIGHING_COLUMNS = (
    "day",
    "planned_date",
    "scheduled_date",
    "weekday",
    "scheduled_day",
    "task",
    "samples",
    "moved",
    "note",
    "task_text",
)


_TASKS = {
    "en": {
        "start": "Start: measure Mi of fresh product (oven, {r} replicates); weigh the {n} "
        "dishes ({salts} salts × {r}) and put them into the desiccators; first weighing.",
        "weigh": "Weigh every dish still in a desiccator; a dish whose mass changed by less than "
        "{eq} since the last weighing is at equilibrium: take it out and measure its moisture "
        "by oven.",
        "last": "Last weighing: measure by oven every dish still in a desiccator and note that "
        "it did not reach constant mass; condition the sensory samples and find Mc (SOP).",
        "gap": "after a weekend: compare with the weighing of {day} {date}.",
        "moved": "moved from {planned_day} {planned} to {day} {date} (weekend).",
    },
    "id": {
        "start": "Mulai: ukur Mi produk segar (oven, {r} ulangan); timbang {n} cawan ({salts} "
        "garam × {r}) dan masukkan ke desikator; penimbangan pertama.",
        "weigh": "Timbang setiap cawan yang masih di desikator; cawan yang bobotnya berubah "
        "kurang dari {eq} sejak penimbangan sebelumnya sudah setimbang: keluarkan dan ukur "
        "kadar airnya dengan oven.",
        "last": "Penimbangan terakhir: ukur dengan oven setiap cawan yang masih di desikator dan "
        "catat bahwa bobotnya belum tetap; kondisikan sampel sensori dan tentukan Mc (SOP).",
        "gap": "setelah akhir pekan: bandingkan dengan penimbangan {day} {date}.",
        "moved": "dipindah dari {planned_day} {planned} ke {day} {date} (akhir pekan).",
    },
}


def weighing_schedule(
    protocol: Protocol,
    start: datetime.date | str | None = None,
    *,
    avoid_weekends: bool = False,
    lang: str = "en",
) -> pd.DataFrame:
    """The weighing calendar of the isotherm: one row per weighing day.

    Day 0 is the set-up (Mi, first weighing); then a weighing every ``interval`` up to
    ``max_duration``. With ``avoid_weekends`` Saturday and Sunday weighings are left out (the
    equilibrium rule compares two successive weighings, whatever their distance; the note of
    the Monday row says so) and a last weighing on a weekend moves to the Friday before.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`WEIGHING_COLUMNS`.
    """
    import pandas as pd

    iso = protocol.isotherm
    assert iso is not None
    day0 = None if start is None else parse_start(start)
    names = WEEKDAYS.get(lang, WEEKDAYS["en"])
    words = _TASKS.get(lang, _TASKS["en"])
    days = iso.weighing_days
    fields = {"r": iso.replicates, "n": iso.n_samples, "salts": len(iso.salts)}
    rows = []
    previous: tuple[str, datetime.date] | None = None
    for d in days:
        task = "start" if d == 0 else ("last" if d == days[-1] else "weigh")
        row = {
            "day": d,
            "planned_date": None,
            "scheduled_date": None,
            "weekday": "",
            "scheduled_day": d,
            "task": task,
            "samples": iso.n_samples,
            "moved": False,
            "note": "",
        }
        if day0 is not None:
            planned = day0 + datetime.timedelta(days=d)
            date = planned
            if avoid_weekends and d > 0 and planned.weekday() >= 5:
                if task != "last":
                    continue
                date = planned - datetime.timedelta(days=planned.weekday() - 4)
                row["moved"] = True
                row["note"] = words["moved"].format(
                    planned_day=names[planned.weekday()],
                    planned=planned.isoformat(),
                    day=names[date.weekday()],
                    date=date.isoformat(),
                )
                if rows and rows[-1]["scheduled_date"] == date:
                    rows.pop()
            elif avoid_weekends and previous is not None and (date - previous[1]).days > 1:
                row["note"] = words["gap"].format(day=previous[0], date=previous[1].isoformat())
            row.update(
                planned_date=planned,
                scheduled_date=date,
                weekday=names[date.weekday()],
                scheduled_day=(date - day0).days,
            )
            previous = (names[date.weekday()], date)
        rows.append(row)
    for row in rows:
        row["task_text"] = words[row["task"]].format(eq=iso.equilibrium, **fields)
    return pd.DataFrame(rows, columns=list(WEIGHING_COLUMNS))


def weighing_csv(table: pd.DataFrame) -> str:
    """The weighing calendar as CSV (comma-separated, newline line ends, deterministic)."""
    header = [
        "day [day]",
        "planned_date",
        "scheduled_date",
        "weekday",
        "scheduled_day [day]",
        "task",
        "samples",
        "moved",
        "what to do",
        "note",
    ]
    rows = (
        [
            r.day,
            _date(r.planned_date),
            _date(r.scheduled_date),
            r.weekday,
            r.scheduled_day,
            r.task,
            r.samples,
            "yes" if r.moved else "no",
            r.task_text,
            r.note,
        ]
        for r in table.itertuples(index=False)
    )
    return _csv_text(header, rows)


_ICS = {
    "en": {
        "start": "{study}: start of the isotherm (day 0)",
        "weigh": "{study}: weigh the isotherm dishes (day {day})",
        "last": "{study}: last isotherm weighing (day {day})",
        "sheet": "Enter the equilibrium moisture of each dish in isotherm.csv.",
    },
    "id": {
        "start": "{study}: mulai isotermi (hari ke-0)",
        "weigh": "{study}: timbang cawan isotermi (hari ke-{day})",
        "last": "{study}: penimbangan isotermi terakhir (hari ke-{day})",
        "sheet": "Catat kadar air kesetimbangan setiap cawan di isotherm.csv.",
    },
}


def weighing_ics(
    table: pd.DataFrame,
    protocol: Protocol,
    *,
    study: str,
    start: datetime.date | str,
    lang: str = "en",
) -> str:
    """The weighing calendar as iCalendar: one all-day event per weighing (CRLF, folded)."""
    day0 = parse_start(start)
    words = _ICS.get(lang, _ICS["en"])
    stamp = f"{day0:%Y%m%d}T000000Z"
    uid = _uid_part(study)
    lines = _calendar_head(study)
    for r in table.itertuples(index=False):
        date = r.scheduled_date
        if date is None:
            raise InputError("start_date_invalid", value=None, key="start")
        parts = [r.task_text] + ([r.note] if r.note else []) + [words["sheet"]]
        summary = words[r.task].format(study=study, day=r.day)
        lines += _event(f"{uid}-{day0:%Y%m%d}-w{r.day}@shelflife", stamp, date, summary, parts)
    return _calendar_text(lines)


def calendar_files(plan: StudyPlan, *, avoid_weekends: bool, lang: str) -> dict[str, str]:
    """``schedule.csv`` and ``schedule.ics`` of a critical-moisture study plan."""
    table = weighing_schedule(plan.protocol, plan.start, avoid_weekends=avoid_weekends, lang=lang)
    return {
        "schedule.csv": weighing_csv(table),
        "schedule.ics": weighing_ics(
            table, plan.protocol, study=plan.name, start=plan.start, lang=lang
        ),
    }
