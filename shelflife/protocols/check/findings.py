"""Findings and the report of ``shelflife protocol check``: coded, bilingual, JSON-ready.

A :class:`Finding` is one problem of the entered data (message code, severity, kind, file,
row, column and the values of its message); a :class:`CheckReport` holds the findings of one
study with a summary of its plan and of what was entered, and renders them as a table, as
JSON or as a readable report in English or Bahasa Indonesia.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...messages import MESSAGES, render

__all__ = ["CheckReport", "Finding", "SEVERITIES"]

#: Severities, most serious first.
SEVERITIES = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


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
