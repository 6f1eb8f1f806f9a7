"""Find the study folders of a batch, and name their output folders safely.

A *study folder* is any folder holding a ``study.toml``, at any depth below the batch's
root (the root itself included). Everything else is *skipped*, not an error: loose files
beside the study folders (a ``README.md``, a logger export), and folders with no study
anywhere below them (each listed once, not file by file). Hidden entries (names starting
with ``.``), ``__pycache__`` and Office lock files (``~$data.xlsx``) are ignored silently;
symbolic links to folders are listed as skipped and not followed (no cycles, no studies
counted twice). A study folder may contain further study folders; each is a study of its
own and its files are not part of the outer study.

Studies are keyed by their folder path relative to the root, with ``/`` separators (``"."``
for the root itself), and come in sorted order of that key. Two studies may share a
``[study] name``: both are analysed, and :func:`duplicate_names` reports it.

:func:`output_dirs` maps keys to output sub-folders that can never leave the output
folder: each path component keeps letters, digits, ``.``, ``_`` and ``-`` and escapes
every other character as ``%XX`` (UTF-8 bytes), so the mapping is one-to-one; names that
are special on some system (``..``, ``CON``, a trailing dot) are escaped too, and names
that differ only in letter case get a ``~2``, ``~3`` suffix so that case-insensitive file
systems (Windows, macOS) keep them apart.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .._filenames import WINDOWS_DEVICE_NAMES

__all__ = [
    "STUDY_FILE",
    "StudyFolder",
    "Skipped",
    "Discovery",
    "discover",
    "study_name",
    "duplicate_names",
    "output_subdir",
    "output_dirs",
]

#: The file that makes a folder a study folder.
STUDY_FILE = "study.toml"

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
#: The ``[study]`` table up to the next table header (the fast path of :func:`study_name`).
_STUDY_TABLE = re.compile(r"^\[study\][ \t]*(?:#[^\n]*)?\n(?:(?!\[)[^\n]*\n?)*", re.MULTILINE)
#: Longest output path component before it is shortened with a hash [characters].
_MAX_COMPONENT = 120


@dataclass(frozen=True)
class StudyFolder:
    """One study folder found by :func:`discover`.

    Attributes
    ----------
    key : str
        Folder path relative to the root, ``/``-separated; ``"."`` for the root itself.
    path : pathlib.Path
        Absolute folder path.
    files : tuple of str
        The study's files, relative to its folder, ``/``-separated, sorted: everything in
        the folder and its sub-folders except nested study folders and ignored entries.
    """

    key: str
    path: Path
    files: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """A file or folder under the root that is not part of any study.

    Attributes
    ----------
    path : str
        Path relative to the root, ``/``-separated.
    kind : {"file", "folder"}
        What it is.
    code : str
        Why it was skipped: ``batch_skipped_file``, ``batch_skipped_folder``,
        ``batch_skipped_link`` or ``batch_skipped_output`` (message codes).
    """

    path: str
    kind: str
    code: str


@dataclass(frozen=True)
class Discovery:
    """Result of :func:`discover`: the study folders and what was skipped, both sorted."""

    root: Path
    studies: tuple[StudyFolder, ...]
    skipped: tuple[Skipped, ...]


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name == "__pycache__"


def _join(rel: str, name: str) -> str:
    return name if rel in ("", ".") else f"{rel}/{name}"


def discover(root: str | os.PathLike, *, exclude: Iterable[str | os.PathLike] = ()) -> Discovery:
    """Find every study folder under ``root``.

    Parameters
    ----------
    root : str or os.PathLike
        Folder to search, recursively.
    exclude : iterable of path, optional
        Folders not to enter (e.g. the batch's output folder when it lies inside ``root``);
        each is listed as skipped (``batch_skipped_output``) when outside any study.

    Returns
    -------
    Discovery
        Study folders sorted by key; skipped files and folders sorted by path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b", "a", "a/nested"):
    ...     (d / name).mkdir()
    ...     _ = (d / name / "study.toml").write_text("")
    >>> _ = (d / "README.md").write_text("notes")
    >>> found = discover(d)
    >>> [s.key for s in found.studies]
    ['a', 'a/nested', 'b']
    >>> [(s.path, s.code) for s in found.skipped]
    [('README.md', 'batch_skipped_file')]
    """
    root_path = Path(os.path.abspath(root))
    excluded = {os.path.realpath(p) for p in exclude}
    excluded_names = {os.path.basename(p) for p in excluded}
    studies: list[StudyFolder] = []

    def scan(
        folder: str, rel: str, owner: tuple[str, str, list[str]] | None
    ) -> tuple[bool, list[Skipped]]:
        """Scan ``folder``; return (a study lies in it or below, skipped entries)."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return False, [Skipped(rel, "folder", "batch_skipped_folder")]
        here = owner
        if any(e.name == STUDY_FILE and e.is_file() for e in entries):
            here = (rel, folder, [])
        found = here is not owner
        skipped: list[Skipped] = []
        for e in entries:
            if _ignored(e.name):
                continue
            child = _join(rel, e.name)
            if e.is_dir(follow_symlinks=False):
                if e.name in excluded_names and os.path.realpath(e.path) in excluded:
                    if here is None:
                        skipped.append(Skipped(child, "folder", "batch_skipped_output"))
                    continue
                sub_found, sub_skipped = scan(e.path, child, here)
                found |= sub_found
                if sub_found:
                    skipped += sub_skipped
                elif here is None:
                    skipped.append(Skipped(child, "folder", "batch_skipped_folder"))
            elif e.is_symlink() and e.is_dir():
                if here is None:
                    skipped.append(Skipped(child, "folder", "batch_skipped_link"))
            elif e.is_file():
                if here is None:
                    skipped.append(Skipped(child, "file", "batch_skipped_file"))
                else:
                    base = here[0]
                    inner = child if base == "." else child[len(base) + 1 :]
                    here[2].append(inner)
        if here is not owner:
            studies.append(StudyFolder(here[0], Path(here[1]), tuple(sorted(here[2]))))
        return found, skipped

    _, skipped = scan(str(root_path), ".", None)
    studies.sort(key=lambda s: s.key)
    skipped.sort(key=lambda s: s.path)
    return Discovery(root_path, tuple(studies), tuple(skipped))


def study_name(toml_bytes: bytes | None) -> str | None:
    r"""The ``[study] name`` of a ``study.toml``'s bytes, or ``None`` if unreadable.

    Examples
    --------
    >>> study_name(b'[study]\nname = "keripik-a"\n')
    'keripik-a'
    >>> study_name(b"not toml [") is None
    True
    """
    if toml_bytes is None:
        return None
    try:
        text = toml_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    # fast path: parse only the [study] table (a few lines) when it is written plainly
    m = _STUDY_TABLE.search(text)
    if m is not None:
        try:
            name = tomllib.loads(m.group(0)).get("study", {}).get("name")
        except (ValueError, RecursionError):  # TOMLDecodeError, huge integers, deep nesting
            name = None
        if isinstance(name, str) and name:
            return name
    try:
        doc = tomllib.loads(text)
    except (ValueError, RecursionError):  # the analysis reports what is wrong with the file
        return None
    study = doc.get("study")
    name = study.get("name") if isinstance(study, dict) else None
    return name if isinstance(name, str) and name else None


def duplicate_names(names: Mapping[str, str | None]) -> dict[str, tuple[str, ...]]:
    """Study names used by more than one folder.

    Parameters
    ----------
    names : mapping
        Study key -> ``[study] name`` (``None`` when unknown).

    Returns
    -------
    dict
        Name -> sorted keys of the folders using it, for names used more than once.

    Examples
    --------
    >>> duplicate_names({"a": "x", "b": "y", "c": "x", "d": None})
    {'x': ('a', 'c')}
    """
    by_name: dict[str, list[str]] = {}
    for key, name in names.items():
        if name is not None:
            by_name.setdefault(name, []).append(key)
    return {n: tuple(sorted(k)) for n, k in sorted(by_name.items()) if len(k) > 1}


def _escape(component: str) -> str:
    out = "".join(
        ch if ch in _SAFE else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        for ch in component
    )
    if out in ("", ".", ".."):
        return "%2E" * max(len(out), 1)
    if out.split(".")[0].upper() in WINDOWS_DEVICE_NAMES:
        out = f"%{ord(out[0]):02X}{out[1:]}"
    if out.endswith("."):
        out = out[:-1] + "%2E"
    if len(out) > _MAX_COMPONENT:
        digest = hashlib.sha256(component.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        out = f"{out[: _MAX_COMPONENT - 17]}~{digest}"
    return out


def output_subdir(key: str) -> str:
    """Output sub-folder of a study key: a relative path that cannot leave its parent.

    Parameters
    ----------
    key : str
        Study key (``/``-separated relative folder path; ``"."`` for the root).

    Returns
    -------
    str
        ``/``-separated relative path; no component is empty, ``.`` or ``..``.

    Examples
    --------
    >>> output_subdir("lab A/keripik-01")
    'lab%20A/keripik-01'
    >>> output_subdir("../../etc")
    '%2E%2E/%2E%2E/etc'
    >>> output_subdir(".")
    '%2E'
    >>> output_subdir("/abs/CON")
    'abs/%43ON'
    """
    parts = [p for p in key.split("/") if p != ""]
    if not parts:
        parts = ["."]
    return "/".join(_escape(p) for p in parts)


def output_dirs(keys: Iterable[str]) -> dict[str, str]:
    """Output sub-folders of study keys, distinct even on case-insensitive file systems.

    Parameters
    ----------
    keys : iterable of str
        Study keys; they are processed in sorted order, so the result is reproducible.

    Returns
    -------
    dict
        Key -> output sub-folder (see :func:`output_subdir`).

    Examples
    --------
    >>> output_dirs(["Study", "study", "x"])
    {'Study': 'Study', 'study': 'study~2', 'x': 'x'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(set(keys)):
        sub = output_subdir(key)
        candidate, n = sub, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{sub}~{n}"
        taken.add(candidate.casefold())
        out[key] = candidate
    return out
