"""Run a batch: discover, hash, resume, dispatch chunks, write outputs (:func:`run_batch`).

Order of work, so that bad input stops the run before anything is written:

1. validate the options; find the study folders (:mod:`~shelflife.batch.discover`);
2. check the output folder against this batch (:func:`~shelflife.batch.manifest.plan_output`);
3. hash every study (:func:`~shelflife.batch.manifest.hash_study`) and read its
   ``[study] name``; a study is reused when its hash and output sub-folder are unchanged and
   its output files exist; the rest are analysed;
4. start the executor (local processes or Dask; an unreachable scheduler fails here);
5. write: per finished chunk, each study's files (atomic) and one journal line; at the end
   ``summary.csv``, ``summary.parquet``, ``errors.csv`` and ``manifest.json`` (atomic).

Outputs in ``OUT``::

    summary.csv, summary.parquet   one row per study, attribute and storage temperature
    errors.csv                     one row per failed study: folder, study, code, message, ...
    manifest.json                  input root, options, per-study hash, status and rows
    studies/<folder>/result.json   per study (and report.html / report.pdf with reports)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, Notice
from ..messages import render
from .discover import discover, duplicate_names, output_dirs
from .executors import check_executor_args, chunk_size, make_chunks, make_executor
from .manifest import (
    MANIFEST,
    SCHEMA,
    STUDY_OUTPUTS,
    Journal,
    canonical_options,
    clear_outputs,
    hash_salt,
    hash_study,
    manifest_text,
    plan_output,
    remove_study_files,
    remove_temp_files,
    write_set,
    write_study_files,
)
from .result import BatchResult
from .tables import csv_text, errors_table, parquet_bytes, skipped_table, summary_table
from .work import DEFAULT_OPTIONS, ROW_FIELDS

__all__ = ["run_batch"]


def _relative(text: Any, prefix: str) -> Any:
    """Strip the input root from paths in error texts (outputs independent of its location)."""
    return text.replace(prefix, "") if isinstance(text, str) else text


def _entry(
    outcome: dict[str, Any], key: str, digest: str, sub: str, name: str | None, prefix: str
) -> dict[str, Any]:
    """Manifest entry of one study's outcome (rows without the folder, paths relative)."""
    rows = [[r.get(f) for f in ROW_FIELDS[1:]] for r in outcome.get("rows") or ()]
    error = outcome.get("error")
    if error:
        msg = error.get("message") or {}
        error = {
            **error,
            "file": _relative(error.get("file"), prefix),
            "message": {lg: _relative(msg.get(lg), prefix) for lg in ("en", "id")},
        }
    return {
        "hash": digest,
        "name": name,
        "study": outcome.get("study"),
        "status": "ok" if outcome.get("status") == "ok" else "error",
        "sub": sub,
        "files": sorted((outcome.get("files") or {}).keys()),
        "rows": rows,
        "error": error or None,
    }


def _lost(folder: str, exc: BaseException) -> dict[str, Any]:
    """Outcome of a study whose worker died (``batch_worker_lost``)."""
    err = InputError("batch_worker_lost", reason=f"{type(exc).__name__}: {exc}")
    return {
        "folder": folder,
        "study": None,
        "status": "error",
        "error": {
            "code": err.code,
            "message": {"en": err.render("en"), "id": err.render("id")},
            "file": None,
            "row": None,
            "column": None,
            "key": None,
        },
        "rows": [],
        "files": {},
    }


def _write_error(err: Any) -> InputError:
    """The coded error of a study's files that a worker could not write."""
    if isinstance(err, dict) and err.get("code"):
        return InputError(err["code"], file=err.get("file"), **(err.get("params") or {}))
    return InputError("output_error", reason=str(err))


def _remove_empty(*folders: Path) -> None:
    """Remove folders this run created, when they are still empty."""
    for d in folders:
        try:
            d.rmdir()
        except OSError:
            pass


def _reusable(prev: dict[str, Any] | None, digest: str, sub: str, studies_dir: Path) -> bool:
    if not prev or prev.get("hash") != digest or prev.get("sub") != sub:
        return False
    folder = studies_dir / sub
    return all((folder / f).is_file() for f in prev.get("files") or ())


def _stale(prev: dict[str, Any] | None, sub: str, journal_open: bool) -> tuple[str, ...]:
    """Output files an earlier run may have left in a study's output folder."""
    if prev and prev.get("sub") == sub:
        return tuple(prev.get("files") or ())
    if prev or journal_open:  # unknown leftovers of an earlier (perhaps killed) run
        return STUDY_OUTPUTS
    return ()  # a new output folder: nothing to remove


def _progress(total: int, enabled: bool, lang: str):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit=" " + render("batch_text_progress", lang)[0],
        desc="shelflife batch",
        file=sys.stderr,
        disable=None if enabled else True,  # None: shown only on a terminal
        mininterval=0.5,
        smoothing=0.1,
    )


def run_batch(
    root: str | os.PathLike,
    out: str | os.PathLike,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    reports: bool = False,
    lang: str = "en",
    formats: str | Sequence[str] = ("html",),
    storage: Iterable[str] | None = None,
    replace: bool = False,
    progress: bool = True,
) -> BatchResult:
    """Analyse every study folder under ``root`` and write the batch's outputs to ``out``.

    Each study is isolated: one that fails (bad input, failed fit) is listed in
    ``errors.csv`` with its coded message and the others go on. A second run with the same
    inputs and options reuses the unchanged studies (content hash), redoes changed and new
    ones and drops studies whose folder is gone.

    Parameters
    ----------
    root : str or os.PathLike
        Folder searched recursively for study folders (each holding a ``study.toml``).
    out : str or os.PathLike
        Output folder; new, empty, or holding an earlier run of the same batch.
    workers : int, optional
        Local worker processes (default: one per processor core; 1 runs in this process).
    scheduler : str, optional
        Dask scheduler address, e.g. ``"tcp://192.168.1.10:8786"``: run on that cluster.
    client : dask.distributed.Client, optional
        Run on the cluster of this client (not closed afterwards).
    reports : bool, optional
        Also write each study's report.
    lang : {"en", "id"}, optional
        Language of the reports and of the messages in ``errors.csv``.
    formats : str or sequence of str, optional
        Report formats with ``reports=True``: ``"html"``, ``"pdf"``.
    storage : iterable of str, optional
        Storage temperatures for every study (e.g. ``["30 degC"]``); default: each
        study's ``[conditions] storage``.
    replace : bool, optional
        Discard results of another batch (other inputs or options) in ``out``.
    progress : bool, optional
        Show a progress bar on standard error (only on a terminal).

    Returns
    -------
    BatchResult

    Raises
    ------
    shelflife.errors.InputError
        Unusable input, with nothing written: ``batch_root_not_found``,
        ``batch_no_studies``, an output-folder conflict (``batch_out_*``,
        ``batch_manifest_unreadable``), ``batch_workers_invalid``, ``batch_dask_missing``,
        ``batch_scheduler_unreachable``, ``batch_scheduler_no_workers``, an invalid
        language, report format or storage temperature; ``output_error`` when writing fails.

    Examples
    --------
    >>> from shelflife.batch import run_batch
    >>> res = run_batch("studies", "batch-out", workers=2)  # doctest: +SKIP
    >>> res.table.head()  # doctest: +SKIP
    """
    t0 = time.perf_counter()
    from .. import __version__
    from ..io.output import check_formats
    from ..report.i18n import check_lang

    lang = check_lang(lang)
    options = {
        **DEFAULT_OPTIONS,
        "storage": list(storage) if storage is not None else None,
        "lang": lang,
        "reports": bool(reports),
        "formats": check_formats(formats),
    }
    canon = canonical_options(options)  # validates the storage temperatures
    check_executor_args(workers, scheduler, client)
    if not os.path.isdir(root):
        raise InputError("batch_root_not_found", path=str(root))
    root_real = os.path.realpath(root)
    out_abs = Path(os.path.abspath(out))
    plan = plan_output(out_abs, root_real, options, replace=replace)
    found = discover(root_real, exclude=[out_abs])
    if not found.studies:
        raise InputError("batch_no_studies", path=str(root))

    studies_dir = out_abs / "studies"
    subs = output_dirs(s.key for s in found.studies)
    salt = hash_salt(options, __version__)
    previous = {} if plan.clear else plan.previous
    digests: dict[str, str] = {}
    names: dict[str, str | None] = {}
    todo = []
    reused: dict[str, dict[str, Any]] = {}
    for s in found.studies:
        digest, _ = hash_study(s.path, s.files, salt)
        prev = previous.get(s.key)
        digests[s.key] = digest
        if _reusable(prev, digest, subs[s.key], studies_dir):
            names[s.key] = prev.get("name")
            reused[s.key] = prev
        else:
            todo.append(s)
    keys = set(subs)
    removed = sorted(k for k in previous if k not in keys)

    from ..io.output import output_failure

    executor = make_executor(workers, scheduler, client)  # may fail: nothing written yet
    bar = journal = None
    finished = False
    created_out = not out_abs.exists()
    try:
        if plan.clear:
            clear_outputs(out_abs)
        elif plan.journal_open:  # a killed run: its half-written temporary files go
            remove_temp_files(out_abs)
        try:
            studies_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_failure(exc, studies_dir) from None
        header = {
            "schema": SCHEMA,
            "software": {"name": "shelflife", "version": __version__},
            "root": root_real,
            "options": canon,
        }
        journal = Journal(out_abs, header)
        entries: dict[str, dict[str, Any]] = dict(reused)
        current = set(subs.values())
        for key, prev in previous.items():  # folders gone, or output folders renamed
            sub = prev.get("sub")
            if sub and sub not in current and (key not in subs or sub != subs[key]):
                remove_study_files(studies_dir, sub)
        if removed:
            journal.add(removed=removed)

        prefix = root_real.rstrip(os.sep) + os.sep
        by_folder = {str(s.path): s.key for s in todo}
        stale = {s.key: _stale(previous.get(s.key), subs[s.key], plan.journal_open) for s in todo}
        chunks = make_chunks([str(s.path) for s in todo], chunk_size(len(todo)))
        writes = None
        if executor.sees(studies_dir):  # the workers write the studies' files themselves
            writes = [
                {
                    "studies_dir": str(studies_dir),
                    "targets": [[subs[by_folder[f]], list(stale[by_folder[f]])] for f in chunk],
                }
                for chunk in chunks
            ]
        transient: set[str] = set()
        bar = _progress(len(todo), progress, lang)
        for i, result in executor.map_chunks(chunks, options, writes):
            chunk = chunks[i]
            if isinstance(result, BaseException) or len(result) != len(chunk):
                exc = (
                    result
                    if isinstance(result, BaseException)
                    else RuntimeError(f"{len(result)} outcomes for {len(chunk)} studies")
                )
                outcomes = [_lost(f, exc) for f in chunk]
                transient.update(by_folder[f] for f in chunk)
            else:
                outcomes = result
            done: dict[str, dict[str, Any]] = {}
            for folder, outcome in zip(chunk, outcomes, strict=True):
                key = by_folder[folder]
                sub = subs[key]
                if outcome.get("write_error"):
                    raise _write_error(outcome["write_error"])
                files = (outcome.get("files") or {}) if outcome.get("status") == "ok" else {}
                if writes is None and key not in transient:
                    if files:
                        write_study_files(studies_dir, sub, files, stale[key])
                    elif stale[key]:  # failed now: drop the results of an earlier run
                        remove_study_files(studies_dir, sub)
                names[key] = outcome.get("name")
                outcome = {**outcome, "files": files}
                entries[key] = _entry(outcome, key, digests[key], sub, names[key], prefix)
                if key not in transient:
                    done[key] = entries[key]
            journal.add(done)
            bar.update(len(chunk))

        duplicates = duplicate_names(names)
        notices_by_key: dict[str, list[str]] = {}
        notices = []
        for name, folders in duplicates.items():
            for key in folders:
                notices_by_key.setdefault(key, []).append("batch_duplicate_name")
            params = {"name": name, "count": len(folders), "folders": ", ".join(folders)}
            notice = Notice("batch_duplicate_name", "plausibility", None, params)
            notices.append(
                {
                    "code": notice.code,
                    "name": name,
                    "folders": list(folders),
                    "message": {lg: notice.message(lg) for lg in ("en", "id")},
                }
            )
        table = summary_table({k: entries[k] for k in sorted(entries)}, notices_by_key)
        errors = errors_table(entries, lang)
        skipped = skipped_table(found.skipped, lang)
        paths = {
            "summary.csv": out_abs / "summary.csv",
            "summary.parquet": out_abs / "summary.parquet",
            "errors.csv": out_abs / "errors.csv",
        }
        kept = {k: v for k, v in entries.items() if k not in transient}
        # the four files as one set, manifest.json last: a run that fails here (a full
        # disk) leaves the earlier set and the journal, and the next run resumes
        write_set(
            out_abs,
            {
                "summary.csv": csv_text(table),
                "summary.parquet": parquet_bytes(table),
                "errors.csv": csv_text(errors),
                MANIFEST: manifest_text({**header, "notices": notices}, kept),
            },
            sync=True,
        )
        journal.close(delete=True)
        finished = True
    except OSError as exc:
        raise output_failure(exc, out_abs) from None
    finally:
        if bar is not None:
            bar.close()
        if journal is not None and not finished:
            journal.close()  # kept: the next run resumes from it
        elif journal is None and created_out:  # failed before anything was recorded
            _remove_empty(studies_dir, out_abs)
        executor.close(abort=not finished)

    n_ok = sum(1 for e in entries.values() if e["status"] == "ok")
    return BatchResult(
        root=root_real,
        out=str(out_abs),
        table=table,
        errors=errors,
        skipped=skipped,
        notices=tuple(notices),
        n_studies=len(entries),
        n_ok=n_ok,
        n_failed=len(entries) - n_ok,
        n_reused=len(reused),
        n_analysed=len(todo),
        n_removed=len(removed),
        elapsed_s=time.perf_counter() - t0,
        executor=executor.description,
        outputs={
            **{k: str(v) for k, v in paths.items()},
            "manifest.json": str(out_abs / MANIFEST),
            "studies": str(studies_dir),
        },
        lang=lang,
    )
