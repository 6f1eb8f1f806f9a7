"""Read a consumer panel sheet (CSV or XLSX) into a :class:`SensoryPanel`.

One row per consumer × storage time (× temperature), with the headers (any case, English or
Bahasa Indonesia, units in brackets):

==============  ============================================  ============================
role            headers                                       cells
==============  ============================================  ============================
consumer        consumer, konsumen, panelis, panelist,        any identifier
                assessor, subject, responden
time            time [day], waktu [hari], hari, day, week...  number (decimal comma ok)
temperature     temperature [°C], suhu [°C] (optional)        number in the header's unit
answer          answer, jawaban, response, respon,            yes/no, accept/reject, 1/0,
                acceptance, penerimaan                        ya/tidak, terima/tolak
==============  ============================================  ============================

Rows whose answer is blank are skipped (the consumer did not taste that sample).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..errors import InputError, UnitError
from ..io.cells import cell_to_float, is_blank
from ..io.headers import IMPLIED_UNITS, parse_header, role_of, temperature_unit_alias
from .censoring import SensoryPanel, panel_from_answers

__all__ = ["read_panel", "panel_from_frame", "CONSUMER_HEADERS", "ANSWER_HEADERS"]

CONSUMER_HEADERS = (
    "consumer",
    "konsumen",
    "panelis",
    "panelist",
    "assessor",
    "subject",
    "responden",
    "consumer_id",
)
ANSWER_HEADERS = ("answer", "jawaban", "response", "respon", "acceptance", "penerimaan")


def _find(frame, file: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for col in frame.columns:
        h = parse_header(col)
        role = None
        if h.key in CONSUMER_HEADERS:
            role = "consumer"
        elif h.key in ANSWER_HEADERS:
            role = "answer"
        elif role_of(h.key) in ("time", "temperature"):
            role = role_of(h.key)
        if role and role not in found:
            found[role] = (col, h)
    for role in ("consumer", "time", "answer"):
        if role not in found:
            raise InputError(
                "sensory_column_missing",
                file=file,
                column=role,
                found=", ".join(repr(str(c)) for c in frame.columns),
            )
    headers = list(frame.columns)
    for col, _ in found.values():
        if headers.count(col) > 1:  # a row would give two cells for one answer
            raise InputError("column_duplicate", file=file, column=str(col))
    return found


def panel_from_frame(
    frame, *, inconsistent: str = "first", file: str | None = None
) -> SensoryPanel:
    """Build a panel from a table of strings as returned by :func:`shelflife.io.read_table`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns as described in the module notes; the index holds spreadsheet row numbers.
    inconsistent : {"first", "widest", "exclude"}
        Rule for consumers who accept a sample older than one they rejected.
    file : str, optional
        File name for messages (default ``frame.attrs["file"]``).

    Raises
    ------
    InputError
        ``sensory_column_missing``, ``unit_missing`` (time or temperature without unit),
        ``cell_not_numeric``, ``cell_missing``, ``sensory_answer_unknown`` (with row and
        column), ``sensory_duplicate_answer``.
    """
    file = file or frame.attrs.get("file")
    decimal = frame.attrs.get("decimal")
    cols = _find(frame, file)
    tcol, th = cols["time"]
    t_unit = th.unit or IMPLIED_UNITS.get(th.key)
    if not t_unit:
        raise UnitError(
            "unit_missing",
            file=file,
            column=str(tcol),
            what="storage time",
            examples="'time [day]', 'waktu [hari]' or a column named 'hari'",
        )
    T_unit = None
    if "temperature" in cols:
        Tcol, Th = cols["temperature"]
        if not Th.unit:
            raise UnitError(
                "unit_missing",
                file=file,
                column=str(Tcol),
                what="temperature",
                examples="'suhu [°C]' or 'temperature [K]'",
            )
        T_unit = temperature_unit_alias(Th.unit)
    rows, ids, times, answers, temps = [], [], [], [], []
    acol = cols["answer"][0]
    ccol = cols["consumer"][0]
    for row, rec in frame.iterrows():
        if is_blank(rec[acol]):
            continue
        for c in (ccol, tcol):
            if is_blank(rec[c]):
                raise InputError("cell_missing", file=file, row=row, column=str(c))
        try:
            t = cell_to_float(rec[tcol], decimal)
        except ValueError:
            raise InputError(
                "cell_not_numeric", file=file, row=row, column=str(tcol), value=rec[tcol]
            ) from None
        if T_unit is not None:
            Tcol = cols["temperature"][0]
            if is_blank(rec[Tcol]):
                raise InputError("cell_missing", file=file, row=row, column=str(Tcol))
            try:
                temps.append(cell_to_float(rec[Tcol], decimal))
            except ValueError:
                raise InputError(
                    "cell_not_numeric", file=file, row=row, column=str(Tcol), value=rec[Tcol]
                ) from None
        rows.append(row)
        ids.append(str(rec[ccol]).strip())
        times.append(t)
        answers.append(rec[acol])
    if not rows:
        raise InputError("sensory_empty_panel", file=file, reason="no answers")
    temperature = None
    if T_unit is not None:
        from ..units import get_registry, parse_unit

        reg = get_registry()
        temperature = reg.Quantity(np.asarray(temps), parse_unit(T_unit, expected="temperature"))
    from ..units import get_registry, parse_unit

    time_q = get_registry().Quantity(np.asarray(times), parse_unit(t_unit, expected="time"))
    return panel_from_answers(
        ids,
        time_q,
        answers,
        temperature=temperature,
        inconsistent=inconsistent,
        rows=rows,
        columns={"consumer": str(ccol), "time": str(tcol), "answer": str(acol)},
        file=file,
    )


def read_panel(
    path: str | os.PathLike[str], *, sheet: str | None = None, inconsistent: str = "first"
) -> SensoryPanel:
    """Read a consumer acceptance sheet (CSV or XLSX) into censored rejection times.

    Parameters
    ----------
    path : str or os.PathLike
        CSV (comma, semicolon or tab; decimal point or comma) or XLSX file.
    sheet : str, optional
        Worksheet of a workbook with several sheets.
    inconsistent : {"first", "widest", "exclude"}
        Rule for consumers who accept a sample older than one they rejected.

    Returns
    -------
    SensoryPanel
    """
    from ..io.datasheet import read_table

    frame = read_table(path, sheet=sheet)
    return panel_from_frame(frame, inconsistent=inconsistent, file=str(path))
