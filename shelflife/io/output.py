"""Write output files atomically, and render the requested report formats.

**Atomic files.** Each file is written to a hidden temporary file in the output folder
(``.NAME.<random>.tmp``), flushed to disk and then renamed over its final name
(:func:`os.replace`, atomic on POSIX and Windows), so a reader sees either the old file or
the new one, never part of one.

**All or nothing.** :func:`write_outputs` writes a *set* of files (``result.json`` and the
report) in two phases: first every file is written to its temporary name (the step that
takes time and can run out of space), then the temporary files are renamed one after the
other. If any write fails (a full disk, a folder that is not writable), the temporary files
are removed, folders the call created are removed again, earlier outputs are left as they
were, and a coded error says what happened: ``output_disk_full``, ``output_not_writable``
or ``output_error``. If a rename fails, the renames already done are undone from hard-link
copies of the old files (where the file system has hard links). A process killed in the
microseconds between two renames can still leave the new ``result.json`` beside the old
report; a process killed at any other moment leaves the old set (and perhaps a hidden
``.NAME.<pid>.<n>.tmp`` file, which nothing reads). The next :func:`write_outputs` into the
same folder removes such leftovers of the names it writes once their process has ended
(on POSIX; on Windows they are left, as there is no harmless test of a process id).

**Safe names.** Output file names are plain, portable names (:func:`unsafe_name`): no
folder part, no ``..``, no NUL or control characters, no characters or device names that
Windows forbids (``CON``, ``NUL``, ``LPT1``...), at most :data:`MAX_NAME_BYTES` bytes;
anything else is refused with ``output_name_unsafe`` before anything is written.

:func:`check_formats` validates a list of report formats (``"html"``, ``"pdf"``) and
:func:`report_files` renders them in memory, so that nothing is written unless every
requested output succeeded.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .._filenames import is_windows_device_name
from ..errors import InputError

__all__ = [
    "write_outputs",
    "check_formats",
    "report_files",
    "REPORT_FORMATS",
    "MAX_NAME_BYTES",
    "unsafe_name",
    "output_failure",
    "is_temp_name",
    "stage_file",
    "commit_files",
]

#: Report formats, in the order their files are written.
REPORT_FORMATS: tuple[str, ...] = ("html", "pdf")
#: Longest output file name [bytes of UTF-8]; the temporary name adds about 25 bytes and
#: most file systems allow 255.
MAX_NAME_BYTES = 200

#: Characters Windows forbids in file names (besides the separators and controls).
_FORBIDDEN = frozenset('<>:"|?*')
_TEMP = re.compile(r"^\..+\.(?:[0-9]+\.[0-9]+|[A-Za-z0-9_]{8})\.tmp$")
#: a temporary file of write_outputs: ``.NAME.<pid>.<n>.tmp``
_LEFTOVER = re.compile(r"^\.(.+)\.([0-9]+)\.[0-9]+\.tmp$")
_COUNTER = itertools.count()
_O_BINARY = getattr(os, "O_BINARY", 0)


def unsafe_name(name: str) -> bool:
    r"""Whether ``name`` cannot be used as an output file name on every platform.

    A safe name is one path component: not empty, not ``.`` or ``..``, without ``/``,
    ``\``, NUL or other control characters, without ``<>:"|?*``, not a Windows device name
    (``CON``, ``nul.txt``, ``LPT1``...), not ending in a dot or a space, and at most
    :data:`MAX_NAME_BYTES` bytes long.

    Examples
    --------
    >>> [unsafe_name(n) for n in ("result.json", "../x", "CON", "nul.txt", "x" * 300)]
    [False, True, True, True, True]
    >>> unsafe_name("a\x00b"), unsafe_name("a\\b")
    (True, True)
    """
    if not isinstance(name, str) or name in ("", ".", ".."):
        return True
    if any(c in "/\\" or c in _FORBIDDEN or ord(c) < 32 or ord(c) == 127 for c in name):
        return True
    if os.sep in name or (os.altsep is not None and os.altsep in name):
        return True
    if name[-1] in ". " or is_windows_device_name(name):
        return True
    return len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is a temporary file left by an interrupted atomic write.

    Examples
    --------
    >>> is_temp_name(".result.json.4711.3.tmp"), is_temp_name("result.json")
    (True, False)
    """
    return bool(_TEMP.match(name))


def _process_ended(pid: int) -> bool:
    """Whether process ``pid`` has ended (POSIX only; ``False`` when unsure)."""
    if os.name != "posix" or pid <= 0 or pid == os.getpid():
        return False  # on Windows os.kill(pid, 0) would terminate the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # another user's process; a pid beyond the C int range
        return False
    return False


def _remove_leftovers(out_dir: Path, names: Iterable[str]) -> None:
    """Remove ``.NAME.<pid>.<n>.tmp`` files of ``names`` left by processes that ended."""
    wanted = set(names)
    try:
        entries = list(os.scandir(out_dir))
    except OSError:
        return
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m and m.group(1) in wanted and _process_ended(int(m.group(2))):
            _unlink(entry.path)


def _check_name(name: str) -> None:
    if unsafe_name(name):
        raise InputError("output_name_unsafe", name=repr(name))


def output_failure(exc: OSError, path: Any) -> InputError:
    """The coded error for an :class:`OSError` met while writing ``path``.

    ``output_disk_full`` (no space or quota left), ``output_not_writable`` (permission
    denied, a read-only file system) or ``output_error`` (anything else).

    Examples
    --------
    >>> import errno
    >>> output_failure(OSError(errno.ENOSPC, "No space left on device"), "out").code
    'output_disk_full'
    >>> output_failure(PermissionError(errno.EACCES, "Permission denied"), "out").code
    'output_not_writable'
    """
    reason = exc.strerror or str(exc) or type(exc).__name__
    full = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
    denied = {errno.EACCES, errno.EPERM, errno.EROFS}
    if exc.errno in full:
        return InputError("output_disk_full", file=str(path), reason=reason)
    if exc.errno in denied or isinstance(exc, PermissionError):
        return InputError("output_not_writable", file=str(path), reason=reason)
    return InputError("output_error", reason=f"cannot write {path} ({reason})")


def _prepare_dir(out_dir: Path) -> list[Path]:
    """Create ``out_dir`` (with parents); return the folders created, deepest first."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("output_error", reason=f"{out_dir} exists and is not a folder")
    created: list[Path] = []
    d = out_dir
    while not d.exists() and d.parent != d:
        created.append(d)
        d = d.parent
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_dirs(created)
        raise output_failure(exc, out_dir) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        _remove_dirs(created)
        raise output_failure(PermissionError(errno.EACCES, "not writable"), out_dir)
    return created


def _remove_dirs(created: Iterable[Path]) -> None:
    for d in created:  # deepest first; only when empty
        try:
            d.rmdir()
        except OSError:
            break


def _unlink(path: Any) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def stage_file(folder: Path, name: str, content: str | bytes, *, sync: bool = True) -> Path:
    """Write ``content`` to a new hidden temporary file beside ``folder / name``.

    The file is created exclusively (``.NAME.<pid>.<n>.tmp``), written with
    :func:`os.write` until every byte is out, optionally synced to disk, closed and given
    the usual permissions (0666 less the umask). On any failure the temporary file is
    removed and the error raised. Returns the temporary path, for :func:`commit_files`.
    """
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    while True:
        tmp = folder / f".{name}.{os.getpid()}.{next(_COUNTER)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
            break
        except FileExistsError:  # left by a killed process that had the same id
            continue
    try:
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def commit_files(staged: list[tuple[Path, Path]]) -> None:
    """Rename staged temporary files over their targets, all or (as far as possible) none.

    ``staged`` is a list of ``(temporary path, target path)``, renamed in that order. Before
    a target is replaced, a hard link to the old file is kept; if a rename fails, the
    targets already replaced get their old file back (or are removed when there was none)
    and the error is raised. Temporary files and links are removed in every case.
    """
    done: list[tuple[Path, Path | None, bool]] = []  # (target, hard link to old, existed)
    pending: Path | None = None
    try:
        for tmp, target in staged:
            existed = os.path.lexists(target)
            pending = None
            if existed:
                pending = target.parent / f".{target.name}.{os.getpid()}.{next(_COUNTER)}.tmp"
                try:
                    os.link(target, pending, follow_symlinks=False)
                except (OSError, NotImplementedError):  # no hard links here: no undo
                    pending = None
            os.replace(tmp, target)
            done.append((target, pending, existed))
            pending = None
    except BaseException:
        if pending is not None:
            _unlink(pending)
        for target, backup, existed in reversed(done):
            try:
                if backup is not None:
                    os.replace(backup, target)
                elif not existed:
                    os.unlink(target)
            except OSError:
                pass
        for _, backup, _ in done:
            if backup is not None:
                _unlink(backup)
        for tmp, _ in staged:
            _unlink(tmp)
        raise
    for _, backup, _ in done:
        if backup is not None:
            _unlink(backup)


def _fsync_dir(out_dir: Path) -> None:
    """Make the renames durable (POSIX; silently skipped where unsupported)."""
    try:
        fd = os.open(out_dir, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_outputs(
    out_dir: Any, files: Mapping[str, str | bytes], *, sync: bool = True
) -> dict[str, str]:
    r"""Write a set of files into ``out_dir``: each atomically, and all or none.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Output folder; created with its parents if missing (and removed again if the
        writing fails).
    files : mapping
        File name (no folders) -> content: text (written as UTF-8) or bytes (written as
        they are, e.g. a PDF). Renamed into place in this order.
    sync : bool, optional
        Flush each file and the folder to disk (durable against a power cut).

    Returns
    -------
    dict
        File name -> path of the written file (as a string).

    Raises
    ------
    shelflife.errors.InputError
        ``output_name_unsafe`` for a name that is not a plain, portable file name (checked
        before anything is written); ``output_disk_full``, ``output_not_writable`` or
        ``output_error`` when ``out_dir`` is an existing file, cannot be created or when
        writing fails. Nothing is changed in ``out_dir`` then (see the module notes).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> paths = write_outputs(d, {"result.json": "{}\n"})
    >>> pathlib.Path(paths["result.json"]).read_text()
    '{}\n'
    >>> paths = write_outputs(d, {"data.bin": b"\x00\x01"})
    >>> pathlib.Path(paths["data.bin"]).read_bytes()
    b'\x00\x01'
    """
    out = Path(out_dir)
    for name in files:
        _check_name(str(name))
    created = _prepare_dir(out)
    if not created:
        _remove_leftovers(out, (str(n) for n in files))
    staged: list[tuple[Path, Path]] = []
    current = out
    try:
        for name, content in files.items():
            current = out / str(name)
            staged.append((stage_file(out, str(name), content, sync=sync), current))
        current = out
        commit_files(staged)
    except BaseException as exc:
        for tmp, _ in staged:
            _unlink(tmp)
        _remove_dirs(created)
        if isinstance(exc, OSError):
            raise output_failure(exc, current) from None
        raise
    if sync:
        _fsync_dir(out)
    return {str(name): str(out / str(name)) for name in files}


def check_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Validate report formats: a comma-separated string or a sequence of names.

    Parameters
    ----------
    formats : str or iterable of str
        E.g. ``"html,pdf"``, ``"pdf"`` or ``("html", "pdf")``; case and surrounding spaces
        are ignored, repeats are dropped.

    Returns
    -------
    tuple of str
        The formats, each once, in the order of :data:`REPORT_FORMATS`.

    Raises
    ------
    shelflife.errors.InputError
        ``report_format_unknown`` for a name other than ``"html"`` or ``"pdf"``, or when
        no format is given.

    Examples
    --------
    >>> check_formats("PDF, html")
    ('html', 'pdf')
    >>> check_formats(["html"])
    ('html',)
    """
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    names = [str(f).strip().lower() for f in items]
    choices = ", ".join(REPORT_FORMATS)
    for name in names:
        if name not in REPORT_FORMATS:
            raise InputError("report_format_unknown", value=name, choices=choices)
    if not names:
        raise InputError("report_format_unknown", value="", choices=choices)
    return tuple(f for f in REPORT_FORMATS if f in names)


def report_files(
    build: Callable[[], str], *, lang: str, formats: str | Iterable[str] = ("html",)
) -> dict[str, str | bytes]:
    """Render a report in the requested formats, in memory.

    Parameters
    ----------
    build : callable
        Returns the report's HTML (e.g. ``lambda: analysis.report(lang="id")``). It is
        called once per format: with inline SVG plots for ``report.html`` and with PNG plots
        for ``report.pdf`` (see :func:`shelflife.report.pdf.pdf_from_builder`), so the PDF
        is the same whether or not the HTML is written with it.
    lang : {"en", "id"}
        Language of the report (the PDF's page footer and document language).
    formats : str or iterable of str
        See :func:`check_formats`.

    Returns
    -------
    dict
        ``{"report.html": str}`` and/or ``{"report.pdf": bytes}``, for
        :func:`write_outputs`.
    """
    out: dict[str, str | bytes] = {}
    for fmt in check_formats(formats):
        if fmt == "html":
            out["report.html"] = build()
        else:
            from ..report.pdf import pdf_from_builder

            out["report.pdf"] = pdf_from_builder(build, lang=lang)
    return out
