"""Content hashes, the batch manifest and the output folder's bookkeeping (resume).

**Content hash.** A study's hash is SHA-256 over, in order: a format tag, the shelflife
version, the options that change results (canonical JSON), and for each of the study's
files in sorted order its relative path, its size and its bytes. Editing any file of the
study (data, ``study.toml``, a photo in the folder), upgrading shelflife or changing such an
option changes the hash; touching a file (mtime) does not.

**Manifest.** ``OUT/manifest.json`` records the batch's identity (input root, options,
shelflife version) and, per study key: hash, status, study name, output sub-folder, output
files, the study's summary-table rows and its error. It is written atomically at the end of
a run. While a run goes on, every finished chunk of studies is appended to
``OUT/manifest.journal`` (JSON lines, flushed and synced per chunk; a header line first),
so a killed run loses at most the chunks in flight; the next run reads the manifest, then
the journal (a torn last line is ignored), and goes on from there. Appending keeps the cost
of this bookkeeping proportional to the number of studies, where rewriting a manifest of
27,000 studies after every chunk would not be.

**Output folder rules.** A run writes into ``OUT`` only when it is new or empty, or holds a
manifest of the same batch (same input root and same options); otherwise it refuses with a
coded error (:func:`plan_output`) unless ``replace=True``, which removes the files a batch
writes (``manifest.json``, ``manifest.journal``, ``summary.csv``, ``summary.parquet``,
``errors.csv``, ``studies/``) and leaves every other file alone. A ``studies/`` folder that
holds a ``study.toml`` is never written to nor deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = [
    "MANIFEST",
    "JOURNAL",
    "SCHEMA",
    "BATCH_OUTPUTS",
    "canonical_options",
    "hash_salt",
    "hash_study",
    "OutputPlan",
    "plan_output",
    "Journal",
    "write_manifest",
    "write_atomic",
    "write_set",
    "remove_temp_files",
    "manifest_text",
    "write_study_files",
    "remove_study_files",
]

MANIFEST = "manifest.json"
JOURNAL = "manifest.journal"
SCHEMA = "shelflife.batch-manifest/1"
#: Everything a batch writes at the top of its output folder.
BATCH_OUTPUTS = (MANIFEST, JOURNAL, "summary.csv", "summary.parquet", "errors.csv", "studies")
#: Files a study's output folder may hold (stale ones are removed when a study is redone).
STUDY_OUTPUTS = ("result.json", "report.html", "report.pdf")
_HASH_TAG = b"shelflife-batch-hash/1\0"


def canonical_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options that change a batch's results, in a canonical, JSON-ready form.

    Parameters
    ----------
    options : mapping
        Batch options (keys of :data:`shelflife.batch.work.DEFAULT_OPTIONS`).

    Returns
    -------
    dict
        ``storage`` (temperatures in kelvin rounded to 1 mK, or ``None``), ``path``,
        ``reports`` and, only when reports are written, ``lang`` and ``formats``: the
        language changes the reports but not the table (errors are stored in both
        languages).

    Examples
    --------
    >>> canonical_options({"storage": ["30 degC"], "reports": False, "lang": "id"})
    {'path': 'auto', 'reports': False, 'storage': [303.15]}
    """
    storage = options.get("storage")
    if storage is not None:
        from ..units import to_kelvin

        storage = [round(float(to_kelvin(t)), 3) for t in storage]
    reports = bool(options.get("reports", False))
    out: dict[str, Any] = {
        "path": str(options.get("path", "auto")),
        "reports": reports,
        "storage": storage,
    }
    if reports:
        out["lang"] = str(options.get("lang", "en"))
        out["formats"] = list(options.get("formats", ("html",)))
    return dict(sorted(out.items()))


def hash_salt(options: Mapping[str, Any], version: str) -> bytes:
    """Bytes hashed before a study's files: format tag, version and canonical options."""
    opts = json.dumps(canonical_options(options), sort_keys=True, separators=(",", ":"))
    return _HASH_TAG + version.encode() + b"\0" + opts.encode() + b"\0"


def hash_study(
    folder: str | os.PathLike, files: Sequence[str], salt: bytes, *, keep: str | None = None
) -> tuple[str, bytes | None]:
    """Content hash of a study folder.

    Parameters
    ----------
    folder : str or os.PathLike
        Study folder.
    files : sequence of str
        Its files, ``/``-separated paths relative to ``folder``, in sorted order.
    salt : bytes
        From :func:`hash_salt`.
    keep : str, optional
        Name of one file whose bytes are returned as well (e.g. ``"study.toml"``), so
        that it is read only once.

    Returns
    -------
    tuple
        (hex digest, bytes of ``keep`` or ``None``). A file that cannot be read enters the
        hash as a marker with its error, so the study is analysed (and fails with its own
        coded message) rather than dropped.
    """
    h = hashlib.sha256(salt)
    kept = None
    base = os.fspath(folder)
    for rel in files:
        try:
            with open(os.path.join(base, rel), "rb") as fh:
                data = fh.read()
        except OSError as exc:
            data = f"<unreadable: {type(exc).__name__}>".encode()
            h.update(b"!")
        if rel == keep:
            kept = data
        h.update(rel.encode("utf-8", "surrogatepass") + b"\0")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest(), kept


# ----------------------------------------------------------------- atomic writes
def write_atomic(path: Path, content: str | bytes, *, sync: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file and :func:`os.replace`.

    A reader (or a later run after a kill) sees the old file or the new one, never part of
    one; a killed run can leave a hidden ``.NAME.*.tmp`` file, which the next run after a
    kill removes (:func:`remove_temp_files`). ``sync=True`` also flushes the file to disk
    before the rename (durable against a power cut; about 3 ms per file, so per-study files
    are not synced, only the batch's summary files and manifest). The file gets the usual
    permissions (0666 less the umask). Raises :class:`OSError` on failure (nothing left).
    """
    write_set(path.parent, {path.name: content}, sync=sync)


def write_set(folder: Path, files: Mapping[str, str | bytes], *, sync: bool = False) -> None:
    """Write several files into ``folder``, each atomically, all or none.

    Every file is first written to its temporary name; only when all of them are written
    are they renamed into place, in the given order (see
    :func:`shelflife.io.output.commit_files`). A failure (a full disk) removes the
    temporary files and leaves the earlier files as they were; the :class:`OSError` is
    raised.
    """
    from ..io.output import commit_files, stage_file

    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            staged.append((stage_file(folder, name, content, sync=sync), folder / name))
    except BaseException:
        for tmp, _ in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    commit_files(staged)


def remove_temp_files(out: Path) -> int:
    """Remove the temporary files a killed run left in ``out`` and ``out/studies``.

    Only hidden names of the temporary-file pattern (``.NAME.<pid>.<n>.tmp``) whose
    ``NAME`` is a file a batch writes are removed; returns how many.
    """
    from ..io.output import is_temp_name

    known = {*BATCH_OUTPUTS, *STUDY_OUTPUTS}
    removed = 0
    for dirpath, dirs, names in os.walk(out):
        if Path(dirpath) == out:
            dirs[:] = [d for d in dirs if d == "studies"]
        for n in names:
            if is_temp_name(n) and n[1:].split(".tmp")[0].rsplit(".", 2)[0] in known:
                try:
                    os.unlink(os.path.join(dirpath, n))
                    removed += 1
                except OSError:
                    pass
    return removed


def _inside(base: Path, sub: str) -> Path:
    """``base / sub``, checked to stay inside ``base`` (no ``..``, no absolute part)."""
    target = Path(os.path.normpath(os.path.join(base, sub)))
    if sub in ("", ".") or os.path.isabs(sub) or os.path.commonpath([base, target]) != str(base):
        raise InputError("output_error", reason=f"{sub!r} is not a folder inside {base}")
    return target


def write_study_files(
    studies_dir: Path,
    sub: str,
    files: Mapping[str, str | bytes],
    stale: Iterable[str] = STUDY_OUTPUTS,
) -> dict[str, str]:
    """Write one study's output files into ``studies_dir/sub``, each atomically.

    Parameters
    ----------
    studies_dir : pathlib.Path
        ``OUT/studies``.
    sub : str
        The study's output sub-folder (from :func:`~shelflife.batch.discover.output_dirs`).
    files : mapping
        File name -> text or bytes.
    stale : iterable of str, optional
        Names an earlier run may have left there; those not in ``files`` are removed (e.g. a
        report, when reports are no longer asked for). Default: every known output name.

    Returns
    -------
    dict
        File name -> path relative to ``studies_dir`` (``/``-separated).
    """
    from ..io.output import output_failure, unsafe_name

    target = _inside(studies_dir, sub)
    for name in files:
        if unsafe_name(name) or name.startswith("."):
            raise InputError("output_name_unsafe", name=repr(name))
    try:
        target.mkdir(parents=True, exist_ok=True)
        write_set(target, files)  # the study's files: all new, or all as they were
        for name in stale:
            if name not in files and name in STUDY_OUTPUTS:
                try:
                    (target / name).unlink()
                except FileNotFoundError:
                    pass
    except OSError as exc:
        raise output_failure(exc, target) from None
    return {name: f"{sub}/{name}" for name in files}


def remove_study_files(studies_dir: Path, sub: str) -> None:
    """Remove a study's output files, then its folder and empty parents (up to ``studies``)."""
    try:
        target = _inside(studies_dir, sub)
    except InputError:
        return
    for name in STUDY_OUTPUTS:
        try:
            (target / name).unlink()
        except OSError:
            pass
    d = target
    while d != studies_dir:
        try:
            d.rmdir()  # only when empty: nested studies' folders stay
        except OSError:
            break
        d = d.parent


# ------------------------------------------------------------ reading the state
def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(
            "batch_manifest_unreadable", path=str(path), reason=f"{type(exc).__name__}"
        ) from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise InputError(
            "batch_manifest_unreadable", path=str(path), reason=f"not a {SCHEMA} document"
        )
    if not isinstance(doc.get("studies"), dict):
        raise InputError("batch_manifest_unreadable", path=str(path), reason="no studies")
    return doc


def _read_journal(path: Path) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """(header, studies) of a journal; a torn or corrupt line ends the reading."""
    header: dict[str, Any] | None = None
    studies: dict[str, Any] = {}
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError:
        return None, {}
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            break  # written by a run that was killed in mid-line: ignore the rest
        if header is None:
            if not isinstance(rec, dict) or rec.get("schema") != SCHEMA:
                return None, {}
            header = rec
            continue
        studies.update(rec.get("studies", {}))
        for key in rec.get("removed", []):
            studies[key] = None
    return header, studies


def _identity(doc: Mapping[str, Any]) -> tuple[str, Any]:
    return str(doc.get("root")), doc.get("options")


def _describe(opts: Mapping[str, Any], keys: Iterable[str]) -> str:
    """Options as a user wrote them: ``storage=25 degC, reports=true`` (kelvin shown in °C).

    Examples
    --------
    >>> _describe({"storage": [298.15, 303.15], "reports": False}, ["reports", "storage"])
    'reports=false, storage=25 degC; 30 degC'
    >>> _describe({"storage": None}, ["storage"])
    'storage=none'
    """
    parts = []
    for k in keys:
        v = opts.get(k)
        if v is None:
            text = "none"
        elif k == "storage" and isinstance(v, list):
            text = "; ".join(f"{round(float(x) - 273.15, 3):g} degC" for x in v)
        elif isinstance(v, bool):
            text = "true" if v else "false"
        elif isinstance(v, list):
            text = ",".join(str(x) for x in v)
        else:
            text = str(v)
        parts.append(f"{k}={text}")
    return ", ".join(parts)


@dataclass
class OutputPlan:
    """What a run will do with its output folder (from :func:`plan_output`).

    Attributes
    ----------
    out : pathlib.Path
        The output folder (absolute).
    previous : dict
        Study key -> manifest entry of the earlier run(s) of this batch (empty when new).
    clear : bool
        The batch outputs present must be removed before writing (``replace=True``).
    journal_open : bool
        A journal of this batch from a killed run is there; the run appends to it.
    """

    out: Path
    previous: dict[str, dict[str, Any]] = field(default_factory=dict)
    clear: bool = False
    journal_open: bool = False


def _holds_studies(folder: Path) -> bool:
    for _dirpath, _dirs, files in os.walk(folder):
        if "study.toml" in files:
            return True
    return False


def _check_not_inputs(out: Path) -> None:
    studies = out / "studies"
    if studies.is_dir() and _holds_studies(studies):
        raise InputError("batch_out_holds_studies", path=str(studies))


def plan_output(
    out: str | os.PathLike, root: str | os.PathLike, options: Mapping[str, Any], *, replace: bool
) -> OutputPlan:
    """Check the output folder against this batch and read what earlier runs left.

    Nothing is written or removed here; a run that fails later (e.g. an unreachable
    scheduler) leaves the folder as it was.

    Parameters
    ----------
    out, root : str or os.PathLike
        Output folder and the batch's input root (absolute or relative).
    options : mapping
        Batch options (canonicalised with :func:`canonical_options`).
    replace : bool
        Allow discarding batch results of another batch or an unreadable manifest.

    Returns
    -------
    OutputPlan

    Raises
    ------
    shelflife.errors.InputError
        ``batch_out_overlaps_input``, ``batch_out_other_input``, ``batch_out_other_options``,
        ``batch_out_unrelated``, ``batch_manifest_unreadable``, ``batch_out_holds_studies``
        or ``output_error`` (the path is a file).
    """
    out_p = Path(os.path.abspath(out))
    root_s = os.path.realpath(root)
    out_real = os.path.realpath(out_p)
    if os.path.commonpath([out_real, root_s]) == out_real:
        suggestion = os.path.join(os.path.dirname(root_s), os.path.basename(root_s) + "-batch")
        raise InputError(
            "batch_out_overlaps_input", out=str(out_p), root=root_s, suggestion=suggestion
        )
    if not out_p.exists():
        return OutputPlan(out_p)
    if not out_p.is_dir():
        raise InputError("output_error", reason=f"{out_p} exists and is not a folder")
    try:
        present = sorted(n for n in os.listdir(out_p) if not n.startswith("."))
    except OSError as exc:
        raise InputError(
            "output_error", reason=f"cannot read {out_p} ({exc.strerror or exc})"
        ) from None
    has_journal = (out_p / JOURNAL).exists()
    if MANIFEST not in present and not has_journal:
        if not present:
            return OutputPlan(out_p)
        if not replace:
            shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
            raise InputError("batch_out_unrelated", out=str(out_p), found=shown)
        _check_not_inputs(out_p)
        return OutputPlan(out_p, clear=True)
    try:
        doc = _read_manifest(out_p / MANIFEST) if MANIFEST in present else None
        header, journal = _read_journal(out_p / JOURNAL) if has_journal else (None, {})
        if has_journal and header is None and doc is None:
            raise InputError(
                "batch_manifest_unreadable", path=str(out_p / JOURNAL), reason="no header"
            )
        if doc is not None and header is not None and _identity(doc) != _identity(header):
            raise InputError(
                "batch_manifest_unreadable",
                path=str(out_p / JOURNAL),
                reason="the journal belongs to another batch",
            )
    except InputError:
        if not replace:
            raise
        _check_not_inputs(out_p)
        return OutputPlan(out_p, clear=True)
    ident = doc if doc is not None else header
    assert ident is not None
    prev_root, prev_opts = _identity(ident)
    opts = canonical_options(options)
    if prev_root != root_s or prev_opts != opts:
        if not replace:
            if prev_root != root_s:
                raise InputError(
                    "batch_out_other_input", out=str(out_p), previous=prev_root, root=root_s
                )
            prev_opts = prev_opts if isinstance(prev_opts, dict) else {}
            differ = sorted(
                k for k in set(opts) | set(prev_opts) if opts.get(k) != prev_opts.get(k)
            )
            raise InputError(
                "batch_out_other_options",
                out=str(out_p),
                previous=_describe(prev_opts, differ),
                current=_describe(opts, differ),
            )
        _check_not_inputs(out_p)
        return OutputPlan(out_p, clear=True)
    previous = dict(doc["studies"]) if doc is not None else {}
    for key, entry in journal.items():
        if entry is None:
            previous.pop(key, None)
        else:
            previous[key] = entry
    return OutputPlan(out_p, previous=previous, journal_open=has_journal)


def clear_outputs(out: Path) -> None:
    """Remove what a batch writes at the top of ``out`` (see :data:`BATCH_OUTPUTS`)."""
    _check_not_inputs(out)
    for name in BATCH_OUTPUTS:
        p = out / name
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        elif p.exists() or p.is_symlink():
            p.unlink()


# --------------------------------------------------------------------- writing
class Journal:
    """Append-only record of finished chunks (``OUT/manifest.journal``, JSON lines).

    Parameters
    ----------
    out : pathlib.Path
        Output folder (exists).
    header : dict
        Written as the first line when the journal is new: ``schema``, ``root``, ``options``.
    """

    def __init__(self, out: Path, header: Mapping[str, Any]) -> None:
        self.path = out / JOURNAL
        new = not self.path.exists()
        self._fh = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        if new:
            self._append(dict(header))
        else:
            # a killed run may have left a torn last line: start on a fresh one
            self._fh.write(b"\n")

    def _append(self, record: Mapping[str, Any]) -> None:
        line = json.dumps(record, sort_keys=True, separators=(",", ":"), allow_nan=True)
        self._fh.write(line.encode("utf-8") + b"\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def add(self, studies: Mapping[str, Any] = (), removed: Iterable[str] = ()) -> None:
        """Record finished studies (key -> manifest entry) and removed study keys."""
        rec: dict[str, Any] = {"studies": dict(studies)}
        removed = list(removed)
        if removed:
            rec["removed"] = removed
        self._append(rec)

    def close(self, *, delete: bool = False) -> None:
        """Close the file; ``delete=True`` removes it (after the manifest was written)."""
        self._fh.close()
        if delete:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass


def manifest_text(header: Mapping[str, Any], studies: Mapping[str, Any]) -> str:
    """The text of ``manifest.json``: the header, then one line per study, sorted by key."""
    sep = (",", ":")
    head = json.dumps(
        {k: v for k, v in header.items() if k != "studies"}, sort_keys=True, separators=sep
    )
    lines = [
        f"{json.dumps(k)}:{json.dumps(studies[k], sort_keys=True, separators=sep)}"
        for k in sorted(studies)
    ]
    body = ",\n".join(lines)
    return f'{head[:-1]},"studies":{{\n{body}\n}}}}\n' if head != "{}" else "{}\n"


def write_manifest(out: Path, header: Mapping[str, Any], studies: Mapping[str, Any]) -> Path:
    """Write ``OUT/manifest.json`` atomically and durably (:func:`manifest_text`)."""
    path = out / MANIFEST
    write_atomic(path, manifest_text(header, studies), sync=True)
    return path
