"""Write output files atomically, and render the requested report formats.

Each file is written to a temporary file in the output folder, flushed to disk and then
renamed over its final name (:func:`os.replace`, atomic on POSIX and Windows), so an
interrupted run never leaves a half-written ``result.json``, ``report.html`` or
``report.pdf``: a reader sees either the old file or the new one.

:func:`check_formats` validates a list of report formats (``"html"``, ``"pdf"``) and
:func:`report_files` renders them in memory, so that nothing is written unless every
requested output succeeded.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["write_outputs", "check_formats", "report_files", "REPORT_FORMATS"]

#: Report formats, in the order their files are written.
REPORT_FORMATS: tuple[str, ...] = ("html", "pdf")


def _check_name(name: str) -> None:
    bad = (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or (os.sep in name)
        or (os.altsep is not None and os.altsep in name)
        or "\x00" in name
    )
    if bad:
        raise InputError("output_error", reason=f"{name!r} is not a plain file name")


def _prepare_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("output_error", reason=f"{out_dir} exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            "output_error", reason=f"cannot create {out_dir} ({exc.strerror or exc})"
        ) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError("output_error", reason=f"{out_dir} is not writable")


def _write_one(out_dir: Path, name: str, content: str | bytes) -> Path:
    target = out_dir / name
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def write_outputs(out_dir: Any, files: dict[str, str | bytes]) -> dict[str, str]:
    r"""Write files into ``out_dir``, each one atomically.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Output folder; created with its parents if missing.
    files : dict
        File name (no folders) -> content: text (written as UTF-8) or bytes (written as
        they are, e.g. a PDF).

    Returns
    -------
    dict
        File name -> path of the written file (as a string).

    Raises
    ------
    shelflife.errors.InputError
        ``output_error`` when ``out_dir`` is an existing file, cannot be created or is not
        writable, when a name contains a path separator, or when writing fails. Names are
        checked before anything is written.

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
    _prepare_dir(out)
    written: dict[str, str] = {}
    for name, content in files.items():
        try:
            written[name] = str(_write_one(out, str(name), content))
        except OSError as exc:
            raise InputError(
                "output_error", reason=f"cannot write {out / name} ({exc.strerror or exc})"
            ) from None
    _fsync_dir(out)
    return written


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
