"""The task every executor runs: analyse a chunk, name its studies, maybe write its files.

:func:`run_chunk` wraps :func:`shelflife.batch.work.analyze_folders` (the per-study
computation) with two pieces of batch bookkeeping that belong near the study files:

- each outcome gets ``"name"``, the study's name (``[study] name`` of ``study.toml``, read
  cheaply with :mod:`tomllib` when the analysis failed before reading it), so that the
  runner reports duplicate names, also among studies that failed;
- with ``write`` given (local executors: the workers share the output folder's file system),
  the worker writes each study's output files itself, atomically, and returns only their
  names, so that writing is spread over the workers and results do not travel back through
  a pipe. On a Dask cluster (``write=None``) the contents travel back and the runner writes
  them: the workers need not see the output folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["run_chunk"]


def _name(folder: str) -> str | None:
    from .discover import STUDY_FILE, study_name

    try:
        with open(os.path.join(folder, STUDY_FILE), "rb") as fh:
            return study_name(fh.read())
    except OSError:
        return None


def run_chunk(
    folders: list[str], options: dict[str, Any], write: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Analyse ``folders`` and return one outcome per folder, in order.

    Parameters
    ----------
    folders : list of str
        Study folders (absolute paths).
    options : dict
        Batch options (:data:`shelflife.batch.work.DEFAULT_OPTIONS`).
    write : dict, optional
        ``{"studies_dir": str, "targets": [[sub, [stale names]], ...]}`` with one target per
        folder: write each successful study's files into ``studies_dir/sub`` (removing the
        stale names it no longer produces; a failed study's stale files are removed).

    Returns
    -------
    list of dict
        The outcomes of :func:`~shelflife.batch.work.analyze_folders`, each with ``"name"``
        added; with ``write``, ``"files"`` maps each written file name to ``None`` (and
        ``"write_error"`` says why writing failed, if it did: ``{"code", "file",
        "params"}`` of the coded error).
    """
    from . import work

    outcomes = work.analyze_folders(folders, options)
    if len(outcomes) != len(folders):
        raise RuntimeError(f"{len(outcomes)} outcomes for {len(folders)} studies")
    for folder, outcome in zip(folders, outcomes, strict=True):
        # the analysis read study.toml already; read it here only when it failed early
        outcome["name"] = outcome.get("study") or _name(folder)
    if write is None:
        return outcomes
    from ..errors import ShelfLifeError
    from .manifest import remove_study_files, write_study_files

    studies_dir = Path(write["studies_dir"])
    for outcome, (sub, stale) in zip(outcomes, write["targets"], strict=True):
        files = (outcome.get("files") or {}) if outcome.get("status") == "ok" else {}
        try:
            if files:
                write_study_files(studies_dir, sub, files, stale)
            elif stale:
                remove_study_files(studies_dir, sub)
        except (ShelfLifeError, OSError) as exc:  # e.g. a full disk: the runner stops
            if isinstance(exc, OSError):
                from ..io.output import output_failure

                exc = output_failure(exc, studies_dir / sub)
            outcome["write_error"] = {"code": exc.code, "file": exc.file, "params": exc.params}
        outcome["files"] = dict.fromkeys(files)
    return outcomes
