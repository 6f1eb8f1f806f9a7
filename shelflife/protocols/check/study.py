"""Running ``shelflife protocol check`` on a study folder: :func:`check_study`.

The plan is read from ``study.toml``; the steps (reading the sheet, matching rows to the
plan, checking values and missing pulls, whether ``shelflife analyze`` can read the data,
and the logger files) run in order, each guarded so that no content problem raises, and
their findings are sorted into a :class:`~shelflife.protocols.check.CheckReport`.
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...errors import InputError, ShelfLifeError
from .base import _rel, _strip_location
from .findings import _RANK, _TEXT, CheckReport, Finding
from .loggers import _LoggerChecks
from .matching import _PlanChecks
from .reading import _SheetChecks
from .values import _ValueChecks

__all__ = ["check_study"]


#: Codes of findings that also stop ``shelflife analyze`` from reading the data.
_BLOCKING = {
    "file_not_found",
    "file_empty",
    "file_unreadable",
    "xlsx_sheet_ambiguous",
    "xlsx_sheet_missing",
    "cell_not_numeric",
    "cell_missing",
    "time_negative",
    "temperature_implausible",
    "rh_out_of_range",
    "check_column_missing",
    "check_column_duplicate",
    "check_unit_missing",
    "check_unit_unknown",
    "check_unit_mismatch",
    # refusals of the data-sheet reader (issue 10: bad inputs, size bounds)
    "file_too_large",
    "table_too_large",
    "xlsx_too_large",
    "xlsx_compression_ratio",
    "xlsx_formula_no_value",
    "text_mixed_encoding",
    "row_wider_than_header",
    "header_two_rows",
}


class _Checker(_SheetChecks, _PlanChecks, _ValueChecks, _LoggerChecks):
    """Runs the checks of one study, collecting findings; never raises for content."""

    def check_analysis(self) -> None:
        """Can ``shelflife analyze`` read the data? Report its refusal unless already said."""
        from ...io import read_study

        try:
            read_study(self.folder)
        except ShelfLifeError as exc:
            if any(f.severity == "error" and f.code in _BLOCKING for f in self.findings):
                return  # the refusal is already reported, in the sheet's own terms
            column = exc.column
            severity = "info" if self.pull_state["pending"] else "error"
            where_en, where_id = exc.where("en"), exc.where("id")
            reason_en = _strip_location(exc, "en")
            reason_id = _strip_location(exc, "id")
            self.findings.append(
                Finding(
                    code="check_analysis_blocked",
                    severity=severity,
                    kind="analysis",
                    file=_rel(exc.file, self.folder) if exc.file else None,
                    row=exc.row,
                    column=column,
                    params={"reason": reason_en, "where": where_en},
                    params_id={"reason": reason_id, "where": where_id},
                )
            )


def _parse_as_of(as_of: datetime.date | str | None) -> datetime.date | None:
    if as_of is None:
        return None
    from ..schedule import parse_start

    return parse_start(as_of, key="as_of")


def check_study(
    folder: str | os.PathLike[str],
    *,
    loggers: Sequence[str | os.PathLike[str]] = (),
    lang: str = "en",
    as_of: datetime.date | str | None = None,
) -> CheckReport:
    """Compare the data a lab entered with the study's plan.

    Parameters
    ----------
    folder : str or os.PathLike
        A study folder made by ``shelflife protocol new`` (or its ``study.toml``).
    loggers : sequence of path, optional
        Chamber data-logger exports (:func:`shelflife.protocols.logger.read_logger`); each
        is matched to the chamber whose set-point is nearest to its mean temperature.
    lang : {"en", "id"}
        Default language of :meth:`CheckReport.table` and :meth:`CheckReport.summary_text`
        (findings always carry both).
    as_of : datetime.date or str, optional
        The date of the check (``"2027-02-15"``). Pulls whose window closed before it and
        that have no data are *missing*; later ones are *pending*. Without it, pulls
        scheduled up to the latest pull that has data are due, later ones pending, so the
        result does not depend on the clock.

    Returns
    -------
    CheckReport

    Raises
    ------
    StudyFileError, InputError
        The folder, ``study.toml`` or its ``[protocol]`` table cannot be read
        (``file_not_found``, ``study_no_protocol``...), ``as_of`` is not a date
        (``start_date_invalid``), or a logger file cannot be read (``logger_*`` codes,
        ``file_not_found``...). Problems of the data sheet never raise: they are findings.

    Examples
    --------
    >>> import tempfile
    >>> from shelflife.protocols import new_study
    >>> folder = tempfile.mkdtemp()
    >>> _ = new_study("aslt-arrhenius", folder, product="kopi_bubuk", start="2027-01-04")
    >>> report = check_study(folder)   # a blank sheet: every pull is still pending
    >>> report.ok, report.counts["error"], report.data["pulls"]["pending"]
    (True, 0, 27)
    """
    from ..folder import read_plan
    from ..logger import read_logger

    plan = read_plan(folder)
    if plan.protocol.isotherm is not None:
        raise InputError(
            "protocol_moisture_unsupported",
            command="protocol check",
            file=str(plan.folder / "study.toml") if plan.folder else None,
        )
    day = _parse_as_of(as_of)
    logged = [(read_logger(p), str(p)) for p in loggers]
    base = plan.folder if plan.folder is not None else Path(folder)
    checker = _Checker(plan, Path(base), day)
    checker.guard("plan", checker.build_plan)
    table = checker.guard("read", checker.read)
    if table is not None:
        columns = checker.guard("columns", checker.map_columns, table)
        checker.guard("units", checker.check_attribute_units)
        if columns is not None:
            checker.time_column = columns["time"].text
            checker.guard("rows", checker.parse_rows, table, columns)
            checker.guard("chambers", checker.match_chambers)
            checker.guard("pulls", checker.match_pulls)
            checker.guard("values", checker.check_values)
            checker.guard("missing", checker.check_missing)
    checker.guard("analysis", checker.check_analysis)
    for data, given in logged:
        checker.guard("logger", checker.check_logger, data, given)
    if logged:
        for ci, chamber in enumerate(plan.protocol.chambers):
            if ci not in checker.logged:
                checker.add(
                    "check_logger_none",
                    "info",
                    "logger",
                    file=None,
                    params={"condition": chamber.label()},
                )
    order = sorted(
        range(len(checker.findings)),
        key=lambda i: (
            _RANK.get(checker.findings[i].severity, 9),
            checker.findings[i].kind == "logger",
            checker.findings[i].file or "",
            checker.findings[i].row if checker.findings[i].row is not None else 1 << 30,
            i,
        ),
    )
    findings = tuple(checker.findings[i] for i in order)
    return _report(plan, checker, findings, lang)


def _report(plan: Any, checker: _Checker, findings: tuple[Finding, ...], lang: str) -> CheckReport:
    p = plan.protocol
    chambers = [
        {
            "condition": c.label(),
            "temperature": {"value": c.celsius, "unit": "degC"},
            "rh": None if c.rh is None else {"value": c.rh, "unit": "percent"},
            "pulls": len(c.pulls),
        }
        for c in p.chambers
    ]
    per_attribute = {}
    used = [r for r in checker.rows if r.status in ("ok", "window")]
    for a in p.attributes:
        entered = sum(math.isfinite(r.values.get(a.name, math.nan)) for r in used)
        per_attribute[a.name] = {"entered": int(entered), "planned": p.n_samples}
    plan_summary = {
        "template": p.name,
        "method": p.method,
        "strength": p.strength,
        "start": plan.start.isoformat(),
        "time_unit": p.time_unit,
        "chambers": chambers,
        "pulls": p.n_pulls,
        "replicates": p.replicates,
        "batches": list(p.batches),
        "samples": p.n_samples,
        "pull_window": {"value": p.pull_window, "unit": "day"},
        "attributes": [{"name": a.name, "unit": a.unit} for a in p.attributes],
    }
    filled = [
        r for r in checker.rows if any(math.isfinite(v) for v in r.values.values()) or r.excluded
    ]
    data_summary = {
        "rows": len(filled),
        "values": per_attribute,
        "pulls": dict(checker.pull_state),
    }
    return CheckReport(
        study=plan.name,
        folder=str(checker.folder),
        data_file=plan.data,
        findings=findings,
        plan=plan_summary,
        data=data_summary,
        loggers=tuple(checker.logger_summaries),
        lang=lang if lang in _TEXT else "en",
    )
