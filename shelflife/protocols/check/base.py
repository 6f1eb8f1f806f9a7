"""The state that the steps of ``shelflife protocol check`` share, and its small helpers.

``_CheckerBase`` holds one study's plan, its planned pulls, the parsed data rows and the
findings collected so far, with the methods that add findings and guard a step so that it
never raises for content. The steps are mixins over it (:mod:`.reading`, :mod:`.matching`,
:mod:`.values`, :mod:`.loggers`), combined into one checker in :mod:`.study`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ShelfLifeError
from ..model import format_number
from .findings import Finding, _json_value


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


class _CheckerBase:
    """The state of one study's check and the helpers that collect its findings."""

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
