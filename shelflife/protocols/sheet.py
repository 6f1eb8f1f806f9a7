"""The blank data-entry sheet of a study: one row per planned pull, chamber, batch, replicate.

Columns follow the study-folder format (DESIGN.md §4), units in the headers:
``time [day]``, ``temperature [°C]``, ``rh [%]`` (when a chamber controls RH), ``replicate``,
``batch`` (when batches are tracked) and one empty column per attribute, e.g.
``moisture [%]``. The lab fills the attribute cells; :func:`shelflife.read_study` reads the
sheet as it is, empty cells being missing measurements.

``time`` is the nominal storage time in the protocol's time unit (``3`` months), shifted by
the days a weekend pull was moved (``6`` instead of ``7`` days), so that it is the real
storage time of the samples.

The Excel version (:func:`sheet_xlsx`) has a ``Data`` sheet (frozen header row, decimal
validation with an input message on every numeric cell) and a ``Plan`` sheet with the pull
calendar. It is deterministic: fixed document properties and zip timestamps.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import TYPE_CHECKING, Any

from .filetext import _csv_text
from .model import format_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Protocol

__all__ = ["data_sheet", "sheet_csv", "sheet_xlsx", "DATA_SHEET", "PLAN_SHEET"]

#: Worksheet names of the Excel data sheet.
DATA_SHEET = "Data"
PLAN_SHEET = "Plan"

#: Plausible ranges for validation, by unit (others: any number).
_RANGES = {
    "%": (0.0, 100.0),
    "percent": (0.0, 100.0),
    "log10 CFU/g": (0.0, 15.0),
    "score": (0.0, 10.0),
}
_ANY = (-1.0e12, 1.0e12)


def _time_unit_header(protocol: Protocol) -> str:
    return f"time [{protocol.time_unit}]"


def data_sheet(
    protocol: Protocol,
    start: datetime.date | str | None = None,
    *,
    avoid_weekends: bool = False,
) -> pd.DataFrame:
    """The blank data sheet as a table (headers with units, attribute cells empty).

    Parameters
    ----------
    protocol : Protocol
    start : datetime.date or str, optional
        Start of storage; rows are then in date order, and weekend moves shift ``time``.
    avoid_weekends : bool
        As in :func:`shelflife.protocols.schedule`.

    Returns
    -------
    pandas.DataFrame
        One row per chamber, pull, batch and replicate.

    Examples
    --------
    >>> from shelflife.protocols import Protocol
    >>> sheet = data_sheet(Protocol.from_name("aslt-arrhenius", product="kopi_bubuk"))
    >>> list(sheet.columns)
    ['time [day]', 'temperature [°C]', 'replicate', 'moisture [%]']
    >>> len(sheet)  # 3 chambers x 9 pulls x 3 replicates
    81
    """
    import numpy as np
    import pandas as pd

    from .schedule import schedule

    table = schedule(protocol, start, avoid_weekends=avoid_weekends)
    per_unit = protocol.unit_days
    with_rh = any(c.rh is not None for c in protocol.chambers)
    batches = protocol.batches
    rows = []
    for r in table.itertuples(index=False):
        shift = r.scheduled_day - round(r.planned_day)
        time = round(r.time + shift / per_unit, 6)
        for batch in batches or (None,):
            for rep in range(1, protocol.replicates + 1):
                row: dict[str, Any] = {_time_unit_header(protocol): time}
                row["temperature [°C]"] = r.temperature_degC
                if with_rh:
                    rh = r.rh_percent
                    row["rh [%]"] = np.nan if rh is None or rh != rh else rh
                row["replicate"] = rep
                if batches:
                    row["batch"] = batch
                for a in protocol.attributes:
                    row[a.header()] = np.nan
                rows.append(row)
    return pd.DataFrame(rows)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if value != value else format_number(value)
    return str(value)


def sheet_csv(sheet: pd.DataFrame) -> str:
    """The data sheet as CSV text (comma-separated, decimal point, newline line ends)."""
    rows = ([_cell(v) for v in row] for row in sheet.itertuples(index=False))
    return _csv_text(list(sheet.columns), rows)


_TEXT = {
    "en": {
        "number_title": "Number",
        "number": "Enter a number in {unit}{range}. Decimal point or comma as Excel is set. "
        "Leave empty if not measured.",
        "range": ", between {low} and {high}",
        "error_title": "Not a number",
        "error": "Enter a number{range}, or leave the cell empty.",
        "whole": "Enter a whole number (1, 2, 3...).",
        "plan_headers": (
            "chamber",
            "condition",
            "pull",
            "time [{unit}]",
            "planned date",
            "scheduled date",
            "weekday",
            "window start",
            "window end",
            "samples",
            "note",
        ),
    },
    "id": {
        "number_title": "Angka",
        "number": "Isi angka dalam {unit}{range}. Titik atau koma desimal sesuai pengaturan "
        "Excel. Kosongkan bila tidak diukur.",
        "range": ", antara {low} dan {high}",
        "error_title": "Bukan angka",
        "error": "Isi angka{range}, atau kosongkan sel.",
        "whole": "Isi bilangan bulat (1, 2, 3...).",
        "plan_headers": (
            "ruang simpan",
            "kondisi",
            "pengambilan",
            "waktu [{unit}]",
            "tanggal rencana",
            "tanggal jadwal",
            "hari",
            "awal jendela",
            "akhir jendela",
            "sampel",
            "catatan",
        ),
    },
}


def _unit_of(header: str) -> str:
    return header[header.index("[") + 1 : -1] if header.endswith("]") and "[" in header else ""


def sheet_xlsx(
    sheet: pd.DataFrame,
    plan: pd.DataFrame,
    *,
    time_unit: str,
    lang: str = "en",
    stamp: datetime.date | None = None,
) -> bytes:
    """The data sheet as an Excel workbook (``Data`` and ``Plan`` sheets), as bytes.

    Parameters
    ----------
    sheet : pandas.DataFrame
        From :func:`data_sheet`.
    plan : pandas.DataFrame
        From :func:`shelflife.protocols.schedule`.
    time_unit : str
        Unit of the ``time`` column, for the plan headers.
    lang : {"en", "id"}
        Language of the input messages and of the plan headers (data headers stay in the
        study-folder format).
    stamp : datetime.date, optional
        Date written as the document's created/modified time (default 2000-01-01), so that
        the file does not depend on the clock.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    words = _TEXT.get(lang, _TEXT["en"])
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    headers = list(sheet.columns)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in sheet.itertuples(index=False):
        ws.append([None if isinstance(v, float) and v != v else v for v in row])
    ws.freeze_panes = "A2"
    n = len(sheet) + 1
    for j, header in enumerate(headers, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(12, len(header) + 4)
        if header in ("batch",):
            continue
        cells = f"{letter}2:{letter}{n}"
        if header == "replicate":
            dv = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True
            )
            dv.promptTitle = words["number_title"]
            dv.prompt = words["whole"]
            dv.errorTitle = words["error_title"]
            dv.error = words["whole"]
        else:
            unit = _unit_of(header)
            low, high = _RANGES.get(unit, _ANY)
            limits = (
                ""
                if (low, high) == _ANY
                else words["range"].format(low=format_number(low), high=format_number(high))
            )
            dv = DataValidation(
                type="decimal",
                operator="between",
                formula1=repr(low),
                formula2=repr(high),
                allow_blank=True,
            )
            dv.promptTitle = words["number_title"]
            dv.prompt = words["number"].format(unit=unit or "-", range=limits)
            dv.errorTitle = words["error_title"]
            dv.error = words["error"].format(range=limits)
        dv.showInputMessage = True
        dv.showErrorMessage = True
        dv.add(cells)
        ws.add_data_validation(dv)

    wp = wb.create_sheet(PLAN_SHEET)
    wp.append([h.format(unit=time_unit) for h in words["plan_headers"]])
    for cell in wp[1]:
        cell.font = Font(bold=True)
    for r in plan.itertuples(index=False):
        wp.append(
            [
                r.chamber,
                r.condition,
                r.pull,
                r.time,
                r.planned_date,
                r.scheduled_date,
                r.weekday,
                r.window_start,
                r.window_end,
                r.samples,
                r.note,
            ]
        )
    for row in wp.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    wp.freeze_panes = "A2"
    for j, width in enumerate((10, 18, 12, 12, 14, 14, 12, 14, 14, 10, 60), start=1):
        wp.column_dimensions[get_column_letter(j)].width = width

    when = datetime.datetime.combine(stamp or datetime.date(2000, 1, 1), datetime.time())
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = "shelflife"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed entry timestamps (byte-identical output for equal content)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
