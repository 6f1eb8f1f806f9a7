"""Write output files atomically.

Each file is written to a temporary file in the output folder, flushed to disk and then
renamed over its final name (:func:`os.replace`, atomic on POSIX and Windows), so an
interrupted run never leaves a half-written ``result.json`` or ``report.html``: a reader
sees either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["write_outputs"]


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


def _write_one(out_dir: Path, name: str, text: str) -> Path:
    target = out_dir / name
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
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


def write_outputs(out_dir: Any, files: dict[str, str]) -> dict[str, str]:
    r"""Write text files into ``out_dir``, each one atomically.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Output folder; created with its parents if missing.
    files : dict
        File name (no folders) -> text content, written as UTF-8.

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
    """
    out = Path(out_dir)
    for name in files:
        _check_name(str(name))
    _prepare_dir(out)
    written: dict[str, str] = {}
    for name, text in files.items():
        try:
            written[name] = str(_write_one(out, str(name), text))
        except OSError as exc:
            raise InputError(
                "output_error", reason=f"cannot write {out / name} ({exc.strerror or exc})"
            ) from None
    _fsync_dir(out)
    return written
