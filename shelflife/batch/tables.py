r"""The batch's tables: summary (one row per study, attribute and condition), errors, skipped.

Tables are built from the manifest entries, so a resumed run's table is the same as a fresh
run's. Row order is deterministic: by folder, then attribute, then temperature. Files are
rendered in memory and written atomically by the runner: ``summary.csv`` (UTF-8, ``\n``
line ends, floats in Python's shortest round-trip form, so the same numbers always give the
same bytes), ``summary.parquet`` (same table, full double precision) and ``errors.csv``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..messages import render
from .work import ROW_FIELDS

__all__ = [
    "ERROR_FIELDS",
    "SKIPPED_FIELDS",
    "summary_table",
    "errors_table",
    "skipped_table",
    "csv_text",
    "parquet_bytes",
]

#: Columns of ``errors.csv``.
ERROR_FIELDS = ("folder", "study", "code", "message", "file", "row", "column", "key")
#: Columns of the skipped-entries table.
SKIPPED_FIELDS = ("path", "kind", "code", "message")

_FLOATS = (
    "temperature_degC",
    "shelf_life_day",
    "ci95_low_day",
    "ci95_high_day",
    "conservative_day",
)
_STRINGS = (
    "folder",
    "study",
    "product",
    "attribute",
    "kind",
    "model",
    "limiting_attribute",
    "warnings",
)


def summary_table(
    entries: Mapping[str, Mapping[str, Any]], notices: Mapping[str, Iterable[str]] = ()
) -> pd.DataFrame:
    """The summary table of a batch.

    Parameters
    ----------
    entries : mapping
        Study key -> manifest entry (its ``rows`` are lists in :data:`ROW_FIELDS` order
        without the leading ``folder``).
    notices : mapping, optional
        Study key -> extra notice codes (e.g. ``batch_duplicate_name``), merged into the
        ``warnings`` column (sorted, ``;``-separated).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ROW_FIELDS`, sorted by folder, attribute and temperature.
    """
    notices = dict(notices)
    rows: list[list[Any]] = []
    for key, entry in entries.items():
        extra = list(notices.get(key, ()))
        for r in entry.get("rows") or ():
            row = [key, *r]
            if extra:
                codes = {c for c in str(row[-1] or "").split(";") if c} | set(extra)
                row[-1] = ";".join(sorted(codes))
            rows.append(row)
    df = pd.DataFrame(rows, columns=list(ROW_FIELDS))
    for col in _FLOATS:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in _STRINGS:
        df[col] = df[col].astype("object").where(df[col].notna(), None)
    df["limiting"] = df["limiting"].astype(bool)
    df = df.sort_values(
        ["folder", "attribute", "temperature_degC"], kind="mergesort", na_position="last"
    )
    return df.reset_index(drop=True)


def errors_table(entries: Mapping[str, Mapping[str, Any]], lang: str = "en") -> pd.DataFrame:
    """One row per failed study, sorted by folder; the message in ``lang``."""
    rows = []
    for key in sorted(entries):
        entry = entries[key]
        if entry.get("status") == "ok":
            continue
        err = entry.get("error") or {}
        msg = err.get("message") or {}
        text = (msg.get(lang) or msg.get("en")) if isinstance(msg, dict) else str(msg)
        rows.append(
            [
                key,
                entry.get("study"),
                err.get("code"),
                text,
                err.get("file"),
                err.get("row"),
                err.get("column"),
                err.get("key"),
            ]
        )
    df = pd.DataFrame(rows, columns=list(ERROR_FIELDS))
    df["row"] = df["row"].astype("Int64")
    return df


def skipped_table(skipped: Iterable[Any], lang: str = "en") -> pd.DataFrame:
    """The skipped files and folders (from :func:`~shelflife.batch.discover.discover`)."""
    rows = [[s.path, s.kind, s.code, render(s.code, lang)[0]] for s in skipped]
    return pd.DataFrame(rows, columns=list(SKIPPED_FIELDS))


def csv_text(df: pd.DataFrame) -> str:
    r"""CSV text of a table: UTF-8, ``\n`` line ends, shortest round-trip floats."""
    return df.to_csv(index=False, lineterminator="\n")


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """Parquet file of a table (pyarrow), in memory."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()
