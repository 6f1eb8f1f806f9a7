"""Check what the lab entered against the plan: ``shelflife protocol check STUDY``.

:func:`check_study` reads a study folder made by ``shelflife protocol new`` (its plan from
``study.toml``, its data sheet as raw strings with the spreadsheet's row numbers) and
reports, as coded findings in English and Bahasa Indonesia:

- **missing** pulls, samples and values (planned chamber x pull x replicate [x batch] with
  no value); pulls not yet due are reported once per chamber as *pending* (info);
- **unplanned** rows: temperatures with no chamber, times with no planned pull, replicate
  numbers or batches that are not in the plan;
- pulls made **outside their time window**;
- **duplicated** rows (same chamber, pull, replicate and batch);
- **implausible** values (outside :data:`PLAUSIBLE_RANGES`), cells that are not numbers;
- **unit** problems: a header unit that differs from the plan's, a missing unit, a column
  that looks like fractions instead of percent, a value about 100 times off the other
  replicates of its pull;
- suspected **outliers**: a replicate far from the others of its pull, judged against the
  replicate scatter of the whole study (a robust, pooled scale);
- with chamber **logger** files (:func:`shelflife.protocols.logger.read_logger`): each
  logger is matched to a chamber by set-point, and its mean, minimum, maximum, mean kinetic
  temperature, time outside set-point ± 2 °C and gaps are reported.

The check never raises for content problems, however messy the sheet: every problem becomes
a finding. It raises coded errors only when the study folder or its plan cannot be read, or
a logger file given to it cannot be read. Severity: ``"error"`` (the data are wrong or the
analysis will refuse them), ``"warning"`` (look at it), ``"info"``.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, ShelfLifeError
from ..messages import MESSAGES, render
from .model import format_number
from .sheet import _RANGES

__all__ = [
    "CheckReport",
    "Finding",
    "check_study",
    "plausible_range",
    "PLAUSIBLE_RANGES",
    "SEVERITIES",
    "TEMPERATURE_TOLERANCE",
    "OUTLIER_Z",
]

#: Severities, most serious first.
SEVERITIES = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: A data row belongs to a chamber when its temperature is within this of the set-point,
#: and a logger reading is an excursion when it is farther than this from it [°C].
TEMPERATURE_TOLERANCE = 2.0
#: A logger whose mean is farther than this from every set-point matches no chamber [°C].
_LOGGER_MATCH = 5.0
#: A logger mean this far from the set-point is reported [°C].
_LOGGER_MEAN_OFF = 1.0
#: Threshold of the leave-one-out robust z score of a suspected outlier.
OUTLIER_Z = 4.5
#: Activation energy / R of the mean kinetic temperature (83.144 kJ/mol, USP <1160>) [K].
_MKT_DH_R = 10000.0

#: Plausible ranges of measured values by unit (``None``: open). The first entries are the
#: ranges the Excel data sheet validates with (:mod:`shelflife.protocols.sheet`).
PLAUSIBLE_RANGES: dict[str, tuple[float | None, float | None]] = {
    **{unit: (float(low), float(high)) for unit, (low, high) in _RANGES.items()},
    "% b/b": (0.0, 100.0),
    "% w/w": (0.0, 100.0),
    "% bb": (0.0, 100.0),
    "% bk": (0.0, None),  # dry basis may exceed 100 %
    "g/100 g": (0.0, 100.0),
    "g/g": (0.0, None),
    "meq/kg": (0.0, None),
    "meq O2/kg": (0.0, None),
    "mg/kg": (0.0, None),
    "mg/100 g": (0.0, None),
    "mg/l": (0.0, None),
    "ppm": (0.0, None),
    "mg KOH/g": (0.0, None),
    "mg MDA/kg": (0.0, None),
    "CFU/g": (0.0, None),
    "koloni/g": (0.0, None),
    "MPN/g": (0.0, None),
    "APM/g": (0.0, None),
    "log CFU/g": (0.0, 15.0),
    "log(CFU/g)": (0.0, 15.0),
    "log10 koloni/g": (0.0, 15.0),
    "N": (0.0, None),
    "gf": (0.0, None),
    "kgf": (0.0, None),
    "pH": (0.0, 14.0),
    "a_w": (0.0, 1.0),
    "aw": (0.0, 1.0),
    "°Brix": (0.0, 100.0),
    "Brix": (0.0, 100.0),
}
#: Plausible ranges by attribute name, whatever the unit.
_NAME_RANGES: dict[str, tuple[float | None, float | None]] = {
    "ph": (0.0, 14.0),
    "aw": (0.0, 1.0),
    "a_w": (0.0, 1.0),
    "water_activity": (0.0, 1.0),
    "aktivitas_air": (0.0, 1.0),
}
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
_PERCENT_UNITS = {"%", "percent", "%b/b", "%w/w", "%bb", "g/100g"}


def _unit_key(unit: str) -> str:
    return re.sub(r"\s+", "", str(unit)).casefold()


_RANGES_BY_KEY = {_unit_key(u): r for u, r in PLAUSIBLE_RANGES.items()}


def plausible_range(name: str, unit: str) -> tuple[float | None, float | None] | None:
    """The plausible range of an attribute's values, or ``None`` when nothing is known.

    Examples
    --------
    >>> plausible_range("moisture", "%")
    (0.0, 100.0)
    >>> plausible_range("pH", "")
    (0.0, 14.0)
    >>> plausible_range("colour_b", "") is None
    True
    """
    from ..io.headers import normalise

    by_name = _NAME_RANGES.get(normalise(name))
    if by_name is not None:
        return by_name
    return _RANGES_BY_KEY.get(_unit_key(unit)) if unit else None


# --------------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    """One coded finding of the check.

    Attributes
    ----------
    code : str
        Message code of :data:`shelflife.messages.MESSAGES` (``"check_missing_pull"``...).
    severity : {"error", "warning", "info"}
    kind : str
        ``"missing"``, ``"pending"``, ``"unplanned"``, ``"out_of_window"``,
        ``"duplicate"``, ``"implausible"``, ``"unit"``, ``"outlier"``, ``"format"``,
        ``"logger"``, ``"analysis"`` or ``"internal"``.
    file : str or None
        The file concerned, relative to the study folder when inside it.
    row : int or None
        Row number as the spreadsheet (or a text editor, for loggers) shows it.
    column : str or None
        Column header as written.
    rows : tuple of int
        Every row concerned (duplicates, missing pulls).
    params : dict
        Values of the message template (English words).
    params_id : dict
        Values that differ in Bahasa Indonesia.
    """

    code: str
    severity: str
    kind: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    rows: tuple[int, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    params_id: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """What is wrong and how to fix it, in ``lang`` ("en" or "id")."""
        params = dict(self.params)
        if lang == "id":
            params.update(self.params_id)
        what, fix = render(self.code, lang, **params)
        template = MESSAGES.get(self.code, {}).get(lang, ("", ""))[0]
        if not template.startswith("{"):  # not when it starts with a name ("peroxide_value")
            what = what[:1].upper() + what[1:]
        fix = fix[:1].upper() + fix[1:]
        return f"{what} {fix}".strip()

    def where(self, lang: str = "en") -> str:
        """File, row and column, as a short text."""
        words = ("baris", "kolom") if lang == "id" else ("row", "column")
        parts = []
        if self.file:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"{words[0]} {self.row}")
        if self.column is not None:
            parts.append(f"{words[1]} '{self.column}'")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with the message in both languages."""
        return {
            "code": self.code,
            "severity": self.severity,
            "kind": self.kind,
            "file": self.file,
            "row": self.row,
            "rows": list(self.rows),
            "column": self.column,
            "message": self.message("en"),
            "message_id": self.message("id"),
            "params": {k: _json_value(v) for k, v in self.params.items()},
        }


def _json_value(value: Any) -> Any:
    if isinstance(value, float):
        return None if not math.isfinite(value) else value
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


_TEXT = {
    "en": {
        "title": "Protocol check: {study} ({data})",
        "plan": "Plan: {template}, {chambers} chamber(s) ({conditions}), {pulls} pulls x "
        "{replicates} replicate(s){batches} = {samples} samples, day 0 = {start}.",
        "batches": " x {n} batches",
        "entered": "Entered: {rows} data row(s); values {values}.",
        "pulls": "Pulls: {complete} complete, {partial} partial, {missing} missing, "
        "{pending} not yet due.",
        "result": "Result: {error} error(s), {warning} warning(s), {info} note(s).",
        "none": "No problems found: the data match the plan.",
        "ok": "No errors: the data can go to 'shelflife analyze'.",
        "ok_running": "No errors so far; the study is still running.",
        "not_ok": "Correct the errors before the analysis.",
        "severity": {"error": "ERROR", "warning": "WARNING", "info": "NOTE"},
    },
    "id": {
        "title": "Pemeriksaan protokol: {study} ({data})",
        "plan": "Rencana: {template}, {chambers} ruang simpan ({conditions}), {pulls} "
        "pengambilan x {replicates} ulangan{batches} = {samples} sampel, hari ke-0 = {start}.",
        "batches": " x {n} batch",
        "entered": "Terisi: {rows} baris data; nilai {values}.",
        "pulls": "Pengambilan: {complete} lengkap, {partial} sebagian, {missing} hilang, "
        "{pending} belum jatuh tempo.",
        "result": "Hasil: {error} galat, {warning} peringatan, {info} catatan.",
        "none": "Tidak ada masalah: data sesuai dengan rencana.",
        "ok": "Tidak ada galat: data siap untuk 'shelflife analyze'.",
        "ok_running": "Belum ada galat; studi masih berjalan.",
        "not_ok": "Perbaiki galat sebelum analisis.",
        "severity": {"error": "GALAT", "warning": "PERINGATAN", "info": "CATATAN"},
    },
}


@dataclass(frozen=True)
class CheckReport:
    """The result of :func:`check_study`.

    Attributes
    ----------
    study : str
        Study name (``[study] name``).
    folder : str
        The study folder.
    data_file : str
        The data sheet, relative to the folder.
    findings : tuple of Finding
        Sorted by severity, then file and row.
    plan : dict
        A summary of the plan (template, chambers, pulls, replicates, samples, start).
    data : dict
        What was entered: rows, values per attribute, pulls complete/partial/missing/pending.
    loggers : tuple of dict
        Per logger file: chamber, readings, mean, min, max, MKT, hours outside the band, gaps.
    lang : str
        Default language of :meth:`table` and :meth:`summary_text`.
    """

    study: str
    folder: str
    data_file: str
    findings: tuple[Finding, ...]
    plan: Mapping[str, Any]
    data: Mapping[str, Any]
    loggers: tuple[Mapping[str, Any], ...] = ()
    lang: str = "en"

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    def select(self, *, kind: str | None = None, severity: str | None = None) -> list[Finding]:
        """The findings of one kind and/or severity."""
        return [
            f
            for f in self.findings
            if (kind is None or f.kind == kind) and (severity is None or f.severity == severity)
        ]

    def table(self, lang: str | None = None):
        """The findings as a :class:`pandas.DataFrame`.

        Columns ``severity``, ``kind``, ``code``, ``file``, ``row``, ``column`` and
        ``message`` (in ``lang``).
        """
        import pandas as pd

        lang = lang or self.lang
        rows = [
            {
                "severity": f.severity,
                "kind": f.kind,
                "code": f.code,
                "file": f.file,
                "row": pd.NA if f.row is None else f.row,
                "column": f.column,
                "message": f.message(lang),
            }
            for f in self.findings
        ]
        columns = ["severity", "kind", "code", "file", "row", "column", "message"]
        table = pd.DataFrame(rows, columns=columns)
        table["row"] = table["row"].astype("Int64")
        return table

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (deterministic: no paths outside the study, no clock)."""
        return {
            "study": self.study,
            "data_file": self.data_file,
            "ok": self.ok,
            "counts": self.counts,
            "plan": dict(self.plan),
            "data": dict(self.data),
            "findings": [f.to_dict() for f in self.findings],
            "loggers": [dict(g) for g in self.loggers],
        }

    def to_json(self) -> str:
        """The JSON text (UTF-8, indented, ending in a newline)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    def summary_text(self, lang: str | None = None, width: int = 100) -> str:
        """A readable report: the plan, what was entered, and a table of findings."""
        lang = lang if lang in _TEXT else self.lang if self.lang in _TEXT else "en"
        w = _TEXT[lang]
        p, d = self.plan, self.data
        batches = w["batches"].format(n=len(p["batches"])) if p["batches"] else ""
        values = ", ".join(
            f"{name} {v['entered']}/{v['planned']}" for name, v in d["values"].items()
        )
        lines = [
            w["title"].format(study=self.study, data=self.data_file),
            w["plan"].format(
                template=p["template"],
                chambers=len(p["chambers"]),
                conditions=", ".join(c["condition"] for c in p["chambers"]),
                pulls=p["pulls"],
                replicates=p["replicates"],
                batches=batches,
                samples=p["samples"],
                start=p["start"],
            ),
            w["entered"].format(rows=d["rows"], values=values or "-"),
            w["pulls"].format(**d["pulls"]),
            w["result"].format(**self.counts),
            "",
        ]
        if not self.findings:
            lines.append(w["none"])
        label_width = max(len(v) for v in w["severity"].values())
        indent = " " * (label_width + 2)
        for f in self.findings:
            label = w["severity"][f.severity].ljust(label_width)
            where = f.where(lang)
            lines.append(f"{label}  {where}" if where else label)
            body = textwrap.wrap(
                f.message(lang), width=width, initial_indent=indent, subsequent_indent=indent
            )
            if not where:
                body[0] = f"{label}  " + body[0].lstrip()
                lines.pop()
            lines += body
        lines.append("")
        if not self.ok:
            lines.append(w["not_ok"])
        elif d["pulls"]["pending"]:
            lines.append(w["ok_running"])
        elif self.findings:
            lines.append(w["ok"])
        return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ internals


@dataclass(frozen=True)
class _Pull:
    chamber: int  # 0-based
    index: int  # 1-based pull number within the chamber
    planned_day: float
    scheduled_day: float
    low: float  # window start [day]
    high: float  # window end [day]
    planned_date: datetime.date
    scheduled_date: datetime.date
    window_end: datetime.date


@dataclass
class _Row:
    row: int
    time: float | None = None  # [day]
    time_text: str = ""
    temperature: float | None = None  # [°C]
    temperature_text: str = ""
    rh: float | None = None
    replicate: int | None = None
    replicate_text: str = ""
    batch: str | None = None
    values: dict[str, float] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    chamber: int | None = None
    pull: int | None = None  # 1-based
    status: str = "skip"  # "ok", "window", "extra", "unplanned", "duplicate", "skip"
    excluded: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Column:
    position: int
    text: str
    unit: str | None


def _rel(path: str | os.PathLike[str] | None, folder: Path) -> str | None:
    if path is None:
        return None
    p = Path(path)
    try:
        return p.resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def _strip_location(exc: ShelfLifeError, lang: str) -> str:
    text = exc.render(lang)
    where = exc.where(lang)
    if where and text.startswith(where + ": "):
        text = text[len(where) + 2 :]
    label = "Cara memperbaiki" if lang == "id" else "How to fix"
    what, _, fix = text.partition(f"\n  {label}: ")
    return f"{what} {fix[:1].upper()}{fix[1:]}".strip()


def _day(x: float) -> str:
    return format_number(round(float(x), 3))


def _value_text(x: float) -> str:
    return format_number(round(float(x), 6))


def _listing(items: Iterable[Any]) -> str:
    return ", ".join(str(i) for i in items)


class _Checker:
    """Runs the checks of one study, collecting findings; never raises for content."""

    def __init__(self, plan: Any, folder: Path, as_of: datetime.date | None) -> None:
        self.plan = plan
        self.protocol = plan.protocol
        self.folder = folder
        self.as_of = as_of
        self.data_file = plan.data
        self.findings: list[Finding] = []
        self.rows: list[_Row] = []
        self.attr_columns: dict[str, _Column] = {}
        self.pulls: list[list[_Pull]] = []
        self.pending: set[tuple[int, int]] = set()
        self.pull_state = {"complete": 0, "partial": 0, "missing": 0, "pending": 0}
        self.logger_summaries: list[dict[str, Any]] = []
        self.slots: dict[tuple[int, int, str | None, int], _Row] = {}
        self.logged: set[int] = set()
        self.time_column: str | None = None
        self.time_unit_text = self.protocol.time_unit
        self.day_factor = self.protocol.unit_days
        self.progress: datetime.date | None = None

    # -------------------------------------------------------------------------- helpers
    def add(self, code: str, severity: str, kind: str, **kw: Any) -> None:
        file = kw.pop("file", self.data_file)
        self.findings.append(Finding(code=code, severity=severity, kind=kind, file=file, **kw))

    def guard(self, step: str, func: Any, *args: Any) -> Any:
        """Run one step; an unexpected exception becomes a finding, not a traceback."""
        try:
            return func(*args)
        except ShelfLifeError as exc:
            self.add_error(exc, kind="format")
        except Exception as exc:  # noqa: BLE001 - the check must never crash
            reason = f"{type(exc).__name__}: {exc}"
            self.add(
                "check_internal", "error", "internal", params={"step": step, "reason": reason}
            )
        return None

    def add_error(self, exc: ShelfLifeError, *, kind: str, severity: str = "error") -> None:
        params = {k: _json_value(v) for k, v in exc.params.items()}
        for name in ("column", "key"):
            value = getattr(exc, name)
            if value is not None:
                params.setdefault(name, value)
        params_id = {}
        hinted = getattr(exc, "_hinted", None)
        if hinted is not None:
            params.update(hinted("en"))
            params_id = hinted("id")
        if "base" in params:  # a path of this machine: name the folder instead
            params["base"] = "the study folder"
            params_id = {**params_id, "base": "folder studi"}
        self.findings.append(
            Finding(
                code=exc.code,
                severity=severity,
                kind=kind,
                file=_rel(exc.file, self.folder) if exc.file else self.data_file,
                row=exc.row,
                column=exc.column,
                params=params,
                params_id=params_id,
            )
        )

    def condition(self, chamber: int) -> str:
        return self.protocol.chambers[chamber].label()

    # ------------------------------------------------------------------------- the plan
    def build_plan(self) -> None:
        table = self.plan.schedule()
        start = self.plan.start
        per_chamber: list[list[_Pull]] = [[] for _ in self.protocol.chambers]
        for r in table.itertuples(index=False):
            per_chamber[int(r.chamber) - 1].append(
                _Pull(
                    chamber=int(r.chamber) - 1,
                    index=int(r.pull),
                    planned_day=float(r.planned_day),
                    scheduled_day=float(r.scheduled_day),
                    low=float((r.window_start - start).days),
                    high=float((r.window_end - start).days),
                    planned_date=r.planned_date,
                    scheduled_date=r.scheduled_date,
                    window_end=r.window_end,
                )
            )
        self.pulls = [sorted(p, key=lambda x: x.index) for p in per_chamber]

    # ------------------------------------------------------------------------ the sheet
    def read(self) -> Any:
        from ..io.datasheet import read_table

        path = self.folder / self.plan.data
        try:
            return read_table(path, sheet=self.plan.sheet)
        except ShelfLifeError as exc:
            self.add_error(exc, kind="format")
            return None

    def map_columns(self, table: Any) -> dict[str, _Column] | None:
        from ..io.headers import normalise, parse_header, role_of

        attrs = {normalise(a.name): a.name for a in self.protocol.attributes}
        found: dict[str, list[_Column]] = {}
        ignored = []
        for position, raw in enumerate(table.columns):
            header = parse_header(raw)
            target = attrs.get(header.key) or role_of(header.key)
            if target is None:
                ignored.append(header.text)
                continue
            found.setdefault(target, []).append(_Column(position, header.text, header.unit))
        for target, cols in found.items():
            if len(cols) > 1:
                self.add(
                    "check_column_duplicate",
                    "error",
                    "format",
                    column=cols[1].text,
                    params={"names": _listing(f"'{c.text}'" for c in cols), "what": target},
                )
        if ignored:
            self.add(
                "check_column_ignored",
                "info",
                "format",
                params={"names": _listing(f"'{n}'" for n in ignored)},
            )
        columns = {target: cols[0] for target, cols in found.items()}
        listed = _listing(f"'{c}'" for c in table.columns)
        unit = self.protocol.time_unit
        examples = {
            "time": (f"time [{unit}]", "time", "waktu"),
            "temperature": ("temperature [°C]", "temperature", "suhu"),
        }
        for role, (example, en, idn) in examples.items():
            if role not in columns:
                self.add(
                    "check_column_missing",
                    "error",
                    "format",
                    params={"what": en, "found": listed, "example": example},
                    params_id={"what": idn},
                )
        if self.protocol.batches and "batch" not in columns:
            self.add(
                "check_column_missing",
                "error",
                "format",
                params={"what": "batch", "found": listed, "example": "batch"},
            )
        if self.protocol.replicates > 1 and "replicate" not in columns:
            self.add(
                "check_column_missing",
                "warning",
                "format",
                params={"what": "replicate", "found": listed, "example": "replicate"},
                params_id={"what": "ulangan (replicate)"},
            )
        for a in self.protocol.attributes:
            if a.name not in columns:
                self.add(
                    "check_column_missing",
                    "error",
                    "format",
                    params={"what": a.name, "found": listed, "example": a.header()},
                )
            else:
                self.attr_columns[a.name] = columns[a.name]
        if "time" not in columns or "temperature" not in columns:
            return None
        return columns

    def time_factor(self, col: _Column) -> float:
        """Days per unit of the time column (the plan's unit when unreadable)."""
        from ..io.headers import IMPLIED_UNITS, parse_header
        from ..units import get_registry, parse_unit

        plan_unit = self.protocol.time_unit
        header = parse_header(col.text)
        text = col.unit or IMPLIED_UNITS.get(header.key)
        if text is None:
            self.add(
                "check_unit_missing",
                "error",
                "unit",
                column=col.text,
                params={
                    "column": col.text,
                    "assumed": plan_unit,
                    "example": f"time [{plan_unit}]",
                },
            )
            return self.protocol.unit_days
        try:
            unit = parse_unit(text, expected="time")
        except ShelfLifeError:
            self.add(
                "check_unit_unknown",
                "error",
                "unit",
                column=col.text,
                params={
                    "unit": text,
                    "column": col.text,
                    "assumed": plan_unit,
                    "example": "day, week, month",
                },
            )
            return self.protocol.unit_days
        factor = float(get_registry().Quantity(1.0, unit).to("day").magnitude)
        self.time_unit_text = text
        if not math.isclose(factor, self.protocol.unit_days, rel_tol=1e-9):
            self.add(
                "check_time_unit_differs",
                "info",
                "unit",
                column=col.text,
                params={"header_unit": text, "plan_unit": plan_unit},
            )
        return factor

    def temperature_unit(self, col: _Column) -> Any:
        from ..io.headers import temperature_unit_alias
        from ..units import parse_unit

        if not col.unit:
            self.add(
                "check_unit_missing",
                "error",
                "unit",
                column=col.text,
                params={"column": col.text, "assumed": "°C", "example": "temperature [°C]"},
            )
            return parse_unit("degC", expected="temperature")
        try:
            return parse_unit(temperature_unit_alias(col.unit), expected="temperature")
        except ShelfLifeError:
            self.add(
                "check_unit_unknown",
                "error",
                "unit",
                column=col.text,
                params={
                    "unit": col.unit,
                    "column": col.text,
                    "assumed": "°C",
                    "example": "°C, K, °F",
                },
            )
            return parse_unit("degC", expected="temperature")

    def check_attribute_units(self) -> None:
        from ..units import get_registry, parse_unit

        reg = get_registry()
        for a in self.protocol.attributes:
            col = self.attr_columns.get(a.name)
            if col is None:
                continue
            if not col.unit:
                if a.unit:
                    self.add(
                        "check_unit_not_in_header",
                        "warning",
                        "unit",
                        column=col.text,
                        params={"column": col.text, "unit": a.unit, "example": a.header()},
                    )
                continue
            if not a.unit or col.unit.strip() == a.unit.strip():
                continue
            same = False
            try:
                u_header, u_plan = parse_unit(col.unit), parse_unit(a.unit)
                if u_header == u_plan:
                    same = True
                elif u_header.dimensionality == u_plan.dimensionality:
                    one = reg.Quantity(1.0, u_header).to(u_plan).magnitude
                    zero = reg.Quantity(0.0, u_header).to(u_plan).magnitude
                    same = math.isclose(one, 1.0, rel_tol=1e-12) and abs(zero) < 1e-12
            except Exception:  # noqa: BLE001 - an unknown unit is a mismatch too
                same = False
            if not same:
                self.add(
                    "check_unit_mismatch",
                    "error",
                    "unit",
                    column=col.text,
                    params={
                        "column": col.text,
                        "header_unit": col.unit,
                        "plan_unit": a.unit,
                        "attribute": a.name,
                    },
                )

    def parse_rows(self, table: Any, columns: dict[str, _Column]) -> None:
        from ..io.cells import cell_to_float, is_blank
        from ..units import STORAGE_TEMPERATURE_RANGE_K, get_registry

        decimal = table.attrs.get("decimal")
        day_factor = self.day_factor = self.time_factor(columns["time"])
        t_unit = self.temperature_unit(columns["temperature"])
        reg = get_registry()
        t_col, k_col = columns["time"], columns["temperature"]
        rep_col, batch_col, rh_col = (columns.get(r) for r in ("replicate", "batch", "rh"))
        low_k, high_k = STORAGE_TEMPERATURE_RANGE_K
        n_rep = self.protocol.replicates

        # one object array, not itertuples: a sheet may be thousands of columns wide
        values = table.to_numpy(dtype=object)
        for row_number, cells in zip(table.index, values, strict=True):
            row = _Row(row=int(row_number))

            def cell(col: _Column | None, cells: Any = cells) -> str:
                return "" if col is None else str(cells[col.position] or "").strip()

            row.time_text, row.temperature_text = cell(t_col), cell(k_col)
            measured = False
            for name, col in self.attr_columns.items():
                text = cell(col)
                row.raw[name] = text
                if is_blank(text):
                    row.values[name] = math.nan
                    continue
                measured = True
                try:
                    row.values[name] = cell_to_float(text, decimal)
                except ValueError:
                    row.values[name] = math.nan
                    row.excluded.add(name)
                    self.add(
                        "cell_not_numeric",
                        "error",
                        "format",
                        row=row.row,
                        column=col.text,
                        params={"value": text},
                    )
            if not measured and not row.time_text and not row.temperature_text:
                continue  # nothing on the row that the plan knows
            self.rows.append(row)
            ok = True
            for col, text, name in (
                (t_col, row.time_text, "time"),
                (k_col, row.temperature_text, "t"),
            ):
                if not text:
                    if measured:
                        self.add("cell_missing", "error", "format", row=row.row, column=col.text)
                    ok = False
                    continue
                try:
                    value = cell_to_float(text, decimal)
                except ValueError:
                    self.add(
                        "cell_not_numeric",
                        "error",
                        "format",
                        row=row.row,
                        column=col.text,
                        params={"value": text},
                    )
                    ok = False
                    continue
                if name == "time":
                    if value < 0:
                        self.add(
                            "time_negative",
                            "error",
                            "format",
                            row=row.row,
                            column=col.text,
                            params={"value": f"{text}"},
                        )
                        ok = False
                    row.time = value * day_factor
                else:
                    kelvin = float(reg.Quantity(value, t_unit).to("K").magnitude)
                    if not low_k <= kelvin <= high_k:
                        self.add(
                            "temperature_implausible",
                            "error",
                            "implausible",
                            row=row.row,
                            column=col.text,
                            params={
                                "value": f"{text} {col.unit or ''}".strip(),
                                "low": "-80 °C",
                                "high": "100 °C",
                            },
                        )
                        ok = False
                    row.temperature = kelvin - 273.15
            if rep_col is not None:
                row.replicate_text = cell(rep_col)
                try:
                    number = cell_to_float(row.replicate_text) if row.replicate_text else math.nan
                except ValueError:
                    number = math.nan
                if math.isfinite(number) and number.is_integer() and number >= 1:
                    row.replicate = int(number)
                    if row.replicate > n_rep:
                        self.add(
                            "check_unplanned_replicate",
                            "warning",
                            "unplanned",
                            row=row.row,
                            column=rep_col.text,
                            params={"value": row.replicate, "n": n_rep},
                        )
                elif measured:
                    self.add(
                        "check_replicate_invalid",
                        "warning",
                        "format",
                        row=row.row,
                        column=rep_col.text,
                        params={"value": row.replicate_text, "n": n_rep},
                    )
            if batch_col is not None:
                row.batch = cell(batch_col) or None
                batches = self.protocol.batches
                if batches and row.batch not in batches and measured:
                    self.add(
                        "check_unplanned_batch",
                        "warning",
                        "unplanned",
                        row=row.row,
                        column=batch_col.text,
                        params={"value": row.batch or "", "batches": _listing(batches)},
                    )
            if rh_col is not None and cell(rh_col):
                try:
                    rh = cell_to_float(cell(rh_col), decimal)
                except ValueError:
                    rh = math.nan
                if math.isfinite(rh):
                    row.rh = rh
                    if not 0 <= rh <= 100:
                        self.add(
                            "rh_out_of_range",
                            "error",
                            "implausible",
                            row=row.row,
                            column=rh_col.text,
                            params={"value": f"{cell(rh_col)} %"},
                        )
            row.status = "parsed" if ok else "skip"

    # -------------------------------------------------------------------------- matching
    def match_chambers(self) -> None:
        chambers = self.protocol.chambers
        unplanned: dict[str, list[int]] = {}
        offsets: dict[tuple[int, str], list[int]] = {}
        for row in self.rows:
            if row.status != "parsed" or row.temperature is None:
                continue
            dist = [abs(row.temperature - c.celsius) for c in chambers]
            near = [i for i, d in enumerate(dist) if d <= TEMPERATURE_TOLERANCE]
            if not near:
                row.status = "unplanned"
                unplanned.setdefault(_value_text(round(row.temperature, 3)), []).append(row.row)
                continue
            if len(near) > 1 and row.rh is not None:
                near.sort(key=lambda i: (abs((chambers[i].rh or 0) - row.rh), dist[i]))
            else:
                near.sort(key=lambda i: dist[i])
            row.chamber = near[0]
            if dist[near[0]] > 1e-6:
                key = (near[0], _value_text(round(row.temperature, 3)))
                offsets.setdefault(key, []).append(row.row)
        labels = _listing(c.label() for c in chambers)
        for temp, rows in unplanned.items():
            self.add(
                "check_unplanned_temperature",
                "warning",
                "unplanned",
                row=rows[0],
                rows=tuple(rows),
                params={"n": len(rows), "temperature": temp, "chambers": labels},
            )
        for (chamber, temp), rows in offsets.items():
            self.add(
                "check_temperature_offset",
                "info",
                "unplanned",
                row=rows[0],
                rows=tuple(rows),
                params={"n": len(rows), "condition": self.condition(chamber), "temperature": temp},
            )

    def match_pulls(self) -> None:
        """Assign rows to planned pulls: in-window first, then late/early rows."""
        slots = self.slots
        later: list[tuple[_Row, _Pull]] = []
        unit = self.time_unit_text
        per_unit = self.day_factor
        candidates = [r for r in self.rows if r.status == "parsed" and r.chamber is not None]
        # rows without a replicate number get the next free one of their pull
        for row in candidates:
            pulls = self.pulls[row.chamber]
            if row.time is None or not pulls:
                row.status = "skip"
                continue
            best = min(
                pulls,
                key=lambda p, t=row.time: (
                    min(abs(t - p.planned_day), abs(t - p.scheduled_day)),
                    p.index,
                ),
            )
            inside = (
                best.low - 0.5 <= row.time <= best.high + 0.5
                or abs(row.time - best.scheduled_day) <= 0.5
            )
            if inside:
                self.assign(row, best, slots, in_window=True)
            else:
                later.append((row, best))
        for row, best in later:
            pulls = self.pulls[row.chamber]
            pos = pulls.index(best)
            offset = row.time - best.planned_day
            after = pulls[pos + 1] if pos + 1 < len(pulls) else None
            before = pulls[pos - 1] if pos > 0 else None
            neighbour = (after or before) if offset > 0 else (before or after)
            gap = abs(best.planned_day - neighbour.planned_day) if neighbour else math.inf
            key = self.slot_key(row, best, slots, peek=True)
            if abs(offset) < gap / 2 and (key is None or key not in slots):
                self.assign(row, best, slots, in_window=False)
                self.add(
                    "check_out_of_window",
                    "warning",
                    "out_of_window",
                    row=row.row,
                    column=self.time_column,
                    params={
                        "pull": best.index,
                        "condition": self.condition(row.chamber),
                        "replicate": row.replicate_text or "-",
                        "day": _day(row.time),
                        "low": _day(best.low),
                        "high": _day(best.high),
                        "date": best.scheduled_date.isoformat(),
                    },
                )
            else:
                row.status = "unplanned"
                self.add(
                    "check_unplanned_time",
                    "warning",
                    "unplanned",
                    row=row.row,
                    column=self.time_column,
                    params={
                        "time": row.time_text,
                        "unit": unit,
                        "condition": self.condition(row.chamber),
                        "replicate": row.replicate_text or "-",
                        "planned": _day(best.planned_day / per_unit),
                    },
                )

    def slot_key(
        self, row: _Row, pull: _Pull, slots: Mapping[Any, _Row], *, peek: bool = False
    ) -> tuple[int, int, str | None, int] | None:
        """The slot (chamber, pull, batch, replicate) of a row; ``None`` for an extra row."""
        batch = row.batch if self.protocol.batches else None
        if row.replicate is not None:
            if row.replicate > self.protocol.replicates:
                return None
            return (pull.chamber, pull.index, batch, row.replicate)
        for rep in range(1, self.protocol.replicates + 1):
            key = (pull.chamber, pull.index, batch, rep)
            if key not in slots:
                if not peek:
                    row.replicate = rep
                return key
        return (pull.chamber, pull.index, batch, self.protocol.replicates)

    def assign(self, row: _Row, pull: _Pull, slots: dict[Any, _Row], *, in_window: bool) -> None:
        row.pull = pull.index
        batches = self.protocol.batches
        if batches and row.batch not in batches:
            row.status = "extra"
            return
        key = self.slot_key(row, pull, slots)
        if key is None:
            row.status = "extra"
            return
        first = slots.get(key)
        if first is None:
            slots[key] = row
            row.status = "ok" if in_window else "window"
            return
        row.status = "duplicate"
        same = all(
            (math.isnan(first.values.get(n, math.nan)) and math.isnan(v))
            or first.values.get(n) == v
            for n, v in row.values.items()
        )
        replicate = key[3] if key[2] is None else f"{key[2]}/{key[3]}"
        self.add(
            "check_duplicate_row" if same else "check_duplicate_conflict",
            "error",
            "duplicate",
            row=row.row,
            rows=(first.row, row.row),
            params={
                "rows": f"{first.row} and {row.row}",
                "condition": self.condition(pull.chamber),
                "pull": pull.index,
                "replicate": replicate,
            },
            params_id={"rows": f"{first.row} dan {row.row}"},
        )

    # ----------------------------------------------------------------------- the values
    def check_values(self) -> None:
        used = [r for r in self.rows if r.status in ("ok", "window", "extra")]
        for a in self.protocol.attributes:
            col = self.attr_columns.get(a.name)
            if col is None:
                continue
            rng = plausible_range(a.name, a.unit or (col.unit or ""))
            for row in (r for r in self.rows if r.status != "skip"):
                x = row.values.get(a.name, math.nan)
                if not math.isfinite(x) or rng is None:
                    continue
                low, high = rng
                if (low is not None and x < low) or (high is not None and x > high):
                    row.excluded.add(a.name)
                    self.add(
                        "check_implausible",
                        "error",
                        "implausible",
                        row=row.row,
                        column=col.text,
                        params={
                            "attribute": a.name,
                            "value": row.raw.get(a.name, _value_text(x)),
                            "unit": a.unit or col.unit or "",
                            "low": "-∞" if low is None else _value_text(low),
                            "high": "∞" if high is None else _value_text(high),
                        },
                    )
            values = [
                r.values[a.name]
                for r in used
                if math.isfinite(r.values.get(a.name, math.nan)) and a.name not in r.excluded
            ]
            fraction = False
            unit = a.unit or col.unit or ""
            if values and _unit_key(unit) in _PERCENT_UNITS and a.limit >= 2.0:
                values_sorted = sorted(values)
                median = values_sorted[len(values) // 2]
                if max(values) <= 1.0 and median <= a.limit / 30.0:
                    fraction = True
                    self.add(
                        "check_scale_fraction",
                        "warning",
                        "unit",
                        column=col.text,
                        params={"column": col.text, "limit": _value_text(a.limit), "unit": unit},
                    )
            if not fraction:
                self.check_scale(a.name, col, used)
            self.check_outliers(a.name, col, used)

    def groups(
        self, name: str, used: Sequence[_Row]
    ) -> dict[tuple[int, int, str | None], list[_Row]]:
        out: dict[tuple[int, int, str | None], list[_Row]] = {}
        for r in used:
            x = r.values.get(name, math.nan)
            if r.chamber is None or r.pull is None or not math.isfinite(x) or name in r.excluded:
                continue
            out.setdefault((r.chamber, r.pull, r.batch), []).append(r)
        return out

    def check_scale(self, name: str, col: _Column, used: Sequence[_Row]) -> None:
        groups = self.groups(name, used)
        for (chamber, pull, batch), rows in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))
        ):
            for row in rows:
                x = row.values[name]
                peers = [r.values[name] for r in rows if r is not row]
                if not peers:
                    for neighbour in (pull - 1, pull + 1):
                        peers += [
                            r.values[name] for r in groups.get((chamber, neighbour, batch), [])
                        ]
                peers = [p for p in peers if p != 0]
                if not peers or x == 0:
                    continue
                typical = sorted(peers)[len(peers) // 2]
                if typical == 0 or (x > 0) != (typical > 0):
                    continue
                ratio = math.log10(abs(x) / abs(typical))
                k = round(ratio)
                if abs(k) >= 2 and abs(ratio - k) <= 0.3:
                    row.excluded.add(name)
                    self.add(
                        "check_scale_value_small" if k < 0 else "check_scale_value_large",
                        "error",
                        "unit",
                        row=row.row,
                        column=col.text,
                        params={
                            "attribute": name,
                            "value": row.raw.get(name, _value_text(x)),
                            "factor": f"{10 ** abs(k):d}",
                            "typical": _value_text(round(typical, 6)),
                        },
                    )

    def check_outliers(self, name: str, col: _Column, used: Sequence[_Row]) -> None:
        """Leave-one-out z of each replicate against a pooled, robust replicate scatter."""
        groups = self.groups(name, used)
        values = [r.values[name] for rows in groups.values() for r in rows]
        if not values:
            return
        f = math.log if _scatter_grows(name, groups) else float
        deviations = []
        for rows in groups.values():
            n = len(rows)
            if n < 2:
                continue
            xs = [f(r.values[name]) for r in rows]
            mean = sum(xs) / n
            deviations += [abs(x - mean) * math.sqrt(n / (n - 1)) for x in xs]
        if len(deviations) < 6:
            return
        deviations.sort()
        mid = len(deviations) // 2
        mad = (
            deviations[mid]
            if len(deviations) % 2
            else 0.5 * (deviations[mid - 1] + deviations[mid])
        )
        scale = 1.4826 * mad
        distinct = sorted({f(v) for v in values})
        steps = [b - a for a, b in zip(distinct, distinct[1:], strict=False) if b - a > 0]
        resolution = min(steps) if steps else 0.0
        scale = max(scale, resolution, 1e-12)
        for key in sorted(groups, key=lambda k: (k[0], k[1], str(k[2]))):
            rows = list(groups[key])
            chamber, pull, _ = key
            while len(rows) >= 3:
                xs = [f(r.values[name]) for r in rows]
                n = len(xs)
                total = sum(xs)
                z = [
                    (x - (total - x) / (n - 1)) / (scale * math.sqrt(1 + 1 / (n - 1))) for x in xs
                ]
                i = max(range(n), key=lambda j: (abs(z[j]), -j))
                if abs(z[i]) <= OUTLIER_Z:
                    break
                row = rows.pop(i)
                others = _listing(r.raw.get(name, _value_text(r.values[name])) for r in rows)
                self.add(
                    "check_outlier",
                    "warning",
                    "outlier",
                    row=row.row,
                    column=col.text,
                    params={
                        "attribute": name,
                        "value": row.raw.get(name, _value_text(row.values[name])),
                        "replicate": row.replicate if row.replicate is not None else "-",
                        "pull": pull,
                        "condition": self.condition(chamber),
                        "others": others,
                        "z": round(z[i], 1),
                    },
                )
            if len(rows) == 2:
                a, b = (f(r.values[name]) for r in rows)
                z2 = abs(a - b) / (scale * math.sqrt(2.0))
                if z2 > OUTLIER_Z:
                    self.add(
                        "check_replicates_disagree",
                        "warning",
                        "outlier",
                        row=rows[0].row,
                        rows=tuple(r.row for r in rows),
                        column=col.text,
                        params={
                            "attribute": name,
                            "pull": pull,
                            "condition": self.condition(chamber),
                            "values": _listing(r.raw.get(name, "") for r in rows),
                            "z": round(z2, 1),
                        },
                    )

    # -------------------------------------------------------------------------- missing
    def check_missing(self) -> None:
        names = [a.name for a in self.protocol.attributes if a.name in self.attr_columns]
        batches = self.protocol.batches or (None,)
        reps = range(1, self.protocol.replicates + 1)
        slots = self.slots
        has_data: dict[tuple[int, int], bool] = {}
        for row in self.rows:
            if row.status in ("ok", "window", "extra", "duplicate") and row.pull is not None:
                if any(math.isfinite(v) for v in row.values.values()):
                    has_data[(row.chamber, row.pull)] = True
        progress = None
        if self.as_of is None:
            dates = [
                p.scheduled_date
                for chamber in self.pulls
                for p in chamber
                if has_data.get((p.chamber, p.index))
            ]
            progress = max(dates) if dates else None
            self.progress = progress
        pending: dict[int, list[_Pull]] = {}
        for chamber in self.pulls:
            for p in chamber:
                entered = has_data.get((p.chamber, p.index), False)
                if self.as_of is not None:
                    due = p.window_end < self.as_of
                else:
                    due = progress is not None and p.scheduled_date <= progress
                if not entered and not due:
                    pending.setdefault(p.chamber, []).append(p)
                    self.pull_state["pending"] += 1
                    continue
                self.missing_of_pull(p, names, batches, reps, slots)
        for chamber, pulls in sorted(pending.items()):
            first, last = pulls[0], pulls[-1]
            text = str(first.index) if first is last else f"{first.index}-{last.index}"
            self.add(
                "check_pending",
                "info",
                "pending",
                file=None,
                params={
                    "pulls": text,
                    "condition": self.condition(chamber),
                    "date": first.scheduled_date.isoformat(),
                },
            )

    def missing_of_pull(self, p: _Pull, names, batches, reps, slots) -> None:
        condition = self.condition(p.chamber)
        day = _day(p.scheduled_day)
        keys = [(p.chamber, p.index, b, r) for b in batches for r in reps]
        rows_of = {k: slots.get(k) for k in keys}
        empty_samples = []
        missing_values: dict[str, list[str]] = {n: [] for n in names}
        sheet_rows = []
        for (_, _, batch, rep), row in rows_of.items():
            label = str(rep) if batch is None else f"{batch}/{rep}"
            values = {} if row is None else row.values
            if row is not None:
                sheet_rows.append(row.row)
            present = [n for n in names if math.isfinite(values.get(n, math.nan))]
            if not present:
                empty_samples.append((label, row))
                continue
            for n in names:
                if n not in present and n not in (row.excluded if row else set()):
                    missing_values[n].append(label)
        if not names:
            return
        if len(empty_samples) == len(keys):
            extra = any(
                r.status == "extra" and r.chamber == p.chamber and r.pull == p.index
                for r in self.rows
            )
            if not extra:
                self.pull_state["missing"] += 1
                self.add(
                    "check_missing_pull",
                    "warning",
                    "missing",
                    row=sheet_rows[0] if sheet_rows else None,
                    rows=tuple(sheet_rows),
                    params={
                        "pull": p.index,
                        "condition": condition,
                        "day": day,
                        "date": p.scheduled_date.isoformat(),
                    },
                )
                return
        partial = bool(empty_samples) or any(missing_values.values())
        self.pull_state["partial" if partial else "complete"] += 1
        if empty_samples:
            rows = tuple(r.row for _, r in empty_samples if r is not None)
            self.add(
                "check_missing_sample",
                "warning",
                "missing",
                row=rows[0] if rows else None,
                rows=rows,
                params={
                    "replicates": _listing(label for label, _ in empty_samples),
                    "pull": p.index,
                    "condition": condition,
                    "day": day,
                },
            )
        for n, labels in missing_values.items():
            if not labels:
                continue
            rows = tuple(
                slots[k].row
                for k in keys
                if slots.get(k) is not None
                and (str(k[3]) if k[2] is None else f"{k[2]}/{k[3]}") in labels
            )
            self.add(
                "check_missing_value",
                "warning",
                "missing",
                row=rows[0] if rows else None,
                rows=rows,
                column=self.attr_columns[n].text,
                params={
                    "attribute": n,
                    "replicates": _listing(labels),
                    "pull": p.index,
                    "condition": condition,
                    "day": day,
                },
            )

    # ------------------------------------------------------------------------- analysis
    def check_analysis(self) -> None:
        """Can ``shelflife analyze`` read the data? Report its refusal unless already said."""
        from ..io import read_study

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

    # --------------------------------------------------------------------------- loggers
    def check_logger(self, logger: Any, given: str) -> None:
        import numpy as np

        name = Path(given).name
        chambers = self.protocol.chambers
        start = datetime.datetime.combine(self.plan.start, datetime.time())
        ends = [
            datetime.datetime.combine(max(p.scheduled_date for p in pulls), datetime.time())
            + datetime.timedelta(days=1)
            for pulls in self.pulls
        ]
        data = logger.readings
        ts = data["timestamp"]
        temps = data["temperature_C"].to_numpy(dtype=float)
        first, last = ts.iloc[0], ts.iloc[-1]
        study_end = max(ends)
        inside = ((ts >= start) & (ts < study_end)).to_numpy()
        fmt = "%Y-%m-%d %H:%M"
        if not inside.any() or not np.isfinite(temps[inside]).any():
            self.add(
                "check_logger_no_overlap",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "first": first.strftime(fmt),
                    "last": last.strftime(fmt),
                    "start": start.strftime("%Y-%m-%d"),
                    "end": (study_end - datetime.timedelta(days=1)).strftime("%Y-%m-%d"),
                },
            )
            return
        overall = float(np.nanmean(temps[inside]))
        dist = [abs(overall - c.celsius) for c in chambers]
        ci = min(range(len(chambers)), key=lambda i: (dist[i], i))
        if dist[ci] > _LOGGER_MATCH:
            self.add(
                "check_logger_unmatched",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "mean": round(overall, 1),
                    "chambers": _listing(c.label() for c in chambers),
                },
            )
            return
        chamber = chambers[ci]
        condition = chamber.label()
        setpoint = chamber.celsius
        end = ends[ci]
        window = ((ts >= start) & (ts < end)).to_numpy()
        t = ts[window].reset_index(drop=True)
        y = temps[window]
        valid = np.isfinite(y)
        t_valid = t[valid].reset_index(drop=True)
        y_valid = y[valid]
        seconds = (t_valid - t_valid.iloc[0]).dt.total_seconds().to_numpy()
        steps = np.diff(seconds)
        interval = float(np.median(steps)) if steps.size else 0.0
        gap_limit = 2.0 * interval if interval > 0 else math.inf
        # each reading stands for the time until the next one, at most one interval
        weights = (
            np.append(np.minimum(steps, interval), interval) if steps.size else np.array([0.0])
        )
        mean = (
            float(np.average(y_valid, weights=weights))
            if weights.sum() > 0
            else float(np.mean(y_valid))
        )
        kelvin = y_valid + 273.15
        w = weights if weights.sum() > 0 else np.ones_like(kelvin)
        mkt = (
            _MKT_DH_R / -math.log(float(np.average(np.exp(-_MKT_DH_R / kelvin), weights=w)))
            - 273.15
        )
        outside = np.abs(y_valid - setpoint) > TEMPERATURE_TOLERANCE
        hours_out = float(weights[outside].sum()) / 3600.0
        total_hours = float(weights.sum()) / 3600.0
        excursions = []
        i = 0
        n = len(y_valid)
        while i < n:
            if outside[i]:
                j = i
                while j + 1 < n and outside[j + 1] and steps[j] <= gap_limit:
                    j += 1
                span = float(weights[i : j + 1].sum()) / 3600.0
                seg = y_valid[i : j + 1]
                extreme = float(seg[np.argmax(np.abs(seg - setpoint))])
                excursions.append((span, t_valid.iloc[i], extreme))
                i = j + 1
            else:
                i += 1
        gaps = [(float(s) / 3600.0, t_valid.iloc[k]) for k, s in enumerate(steps) if s > gap_limit]
        summary = {
            "file": name,
            "chamber": condition,
            "setpoint": {"value": setpoint, "unit": "degC"},
            "unit_in_file": logger.unit,
            "timezone": logger.timezone,
            "readings": int(n),
            "missing_readings": int((~valid).sum()),
            "interval_min": round(interval / 60.0, 3),
            "first": t_valid.iloc[0].strftime(fmt),
            "last": t_valid.iloc[-1].strftime(fmt),
            "mean": round(mean, 3),
            "min": round(float(y_valid.min()), 3),
            "max": round(float(y_valid.max()), 3),
            "mkt": round(mkt, 3),
            "hours_outside": round(hours_out, 3),
            "percent_outside": round(100.0 * hours_out / total_hours, 3) if total_hours else 0.0,
            "excursions": len(excursions),
            "gaps": len(gaps),
            "gap_hours": round(sum(g for g, _ in gaps), 3),
        }
        self.logger_summaries.append(summary)
        self.add(
            "check_logger_summary",
            "info",
            "logger",
            file=name,
            params={
                "logger": name,
                "condition": condition,
                "mean": round(mean, 1),
                "low": round(float(y_valid.min()), 1),
                "high": round(float(y_valid.max()), 1),
                "mkt": round(mkt, 1),
                "n": int(n),
                "interval": _interval_text(interval),
                "first": summary["first"],
                "last": summary["last"],
            },
            params_id={"interval": _interval_text(interval, "id")},
        )
        if excursions:
            longest = max(excursions, key=lambda e: (e[0], -e[1].value))
            extreme = max(excursions, key=lambda e: abs(e[2] - setpoint))[2]
            self.add(
                "check_logger_excursion",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "setpoint": format_number(setpoint),
                    "tolerance": format_number(TEMPERATURE_TOLERANCE),
                    "hours": round(hours_out, 1),
                    "percent": round(summary["percent_outside"], 1),
                    "count": len(excursions),
                    "longest": round(longest[0], 1),
                    "start": longest[1].strftime(fmt),
                    "extreme": round(extreme, 1),
                },
            )
        if abs(mean - setpoint) > _LOGGER_MEAN_OFF:
            self.add(
                "check_logger_mean_off",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "mean": round(mean, 1),
                    "delta": round(abs(mean - setpoint), 1),
                },
            )
        if gaps:
            longest_gap = max(gaps, key=lambda g: (g[0], -g[1].value))
            self.add(
                "check_logger_gap",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "count": len(gaps),
                    "hours": round(summary["gap_hours"], 1),
                    "longest": round(longest_gap[0], 1),
                    "start": longest_gap[1].strftime(fmt),
                },
            )
        first_needed = start + datetime.timedelta(days=1)
        last_needed = end - datetime.timedelta(days=1)
        running = self.as_of or self.progress or self.plan.start
        last_needed = min(last_needed, datetime.datetime.combine(running, datetime.time()))
        if t_valid.iloc[0] > first_needed or t_valid.iloc[-1] < last_needed:
            self.add(
                "check_logger_coverage",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "first": summary["first"],
                    "last": summary["last"],
                    "start": start.strftime("%Y-%m-%d"),
                    "end": last_needed.strftime("%Y-%m-%d"),
                },
            )
        self.logged.add(ci)


def _scatter_grows(name: str, groups: Mapping[Any, Sequence[_Row]]) -> bool:
    """True when the replicate scatter grows in proportion to the level (judge on a log scale).

    The slope of log(SD) on log(mean) over the pulls: near 0 for a constant SD (most
    chemical analyses), near 1 for a constant relative SD (raw colony counts, CFU/g). SDs of
    two or three replicates are noisy, so the levels must span a factor of 30 at least.
    """
    points = []
    for rows in groups.values():
        xs = [r.values[name] for r in rows]
        if len(xs) < 2 or min(xs) <= 0:
            continue
        mean = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
        if sd > 0:
            points.append((math.log(mean), math.log(sd)))
    if len(points) < 5:
        return False
    lx = [p[0] for p in points]
    if max(lx) - min(lx) < math.log(30.0):  # too narrow a range of levels to tell
        return False
    mx = sum(lx) / len(lx)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((x - mx) ** 2 for x in lx)
    slope = sum((x - mx) * (p[1] - my) for x, p in zip(lx, points, strict=True)) / sxx
    return slope > 0.5


def _interval_text(seconds: float, lang: str = "en") -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = int(seconds // 3600)
        return f"{hours} {'jam' if lang == 'id' else 'h'}"
    minutes = seconds / 60.0
    return f"{format_number(round(minutes, 2))} {'menit' if lang == 'id' else 'min'}"


def _parse_as_of(as_of: datetime.date | str | None) -> datetime.date | None:
    if as_of is None:
        return None
    from .schedule import parse_start

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
    from .folder import read_plan
    from .logger import read_logger

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
