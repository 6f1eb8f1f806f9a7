"""Faults (issue 10, item 5): atomic output sets, a killed batch that resumes, inputs that
are never modified, and read-only or full output folders.

Faults are injected at the level of the operating system calls the writers use
(``os.open``/``os.write``/``os.replace``/``os.mkdir``), so the code under test runs as it
does on a real full disk: a temporary file is half written when the disk fills up. The
tests may run as root, where ``chmod`` does not stop writes; the permission tests then
raise ``PermissionError`` from the same calls instead (the ``chmod`` variant is skipped).
"""

from __future__ import annotations

import errno
import hashlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shelflife.batch import run_batch
from shelflife.batch.cli import main as batch_main
from shelflife.batch.executors import chunk_size
from shelflife.cli import main
from shelflife.errors import InputError
from shelflife.io.output import write_outputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _generator():
    path = ROOT / "benchmarks" / "make_synthetic_studies.py"
    spec = importlib.util.spec_from_file_location("make_synthetic_studies", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_synthetic_studies


make_synthetic_studies = _generator()


# ----------------------------------------------------------------------- helpers
def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below ``folder`` (hidden ones too): SHA-256 and inode."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[p.relative_to(folder).as_posix()] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                p.stat().st_ino,
            )
    return out


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.tmp")] if folder.exists() else []


class Faults:
    """Make the operating system fail for files written under ``under``.

    ``disk_full_at=N``: the N-th temporary file opened under ``under`` gets half of its
    first write, then ``OSError(ENOSPC)`` (a disk that fills up in the middle of a file).
    ``deny=True``: creating files or folders under ``under`` raises ``PermissionError``
    (a read-only folder). ``replace_fails_at=N``: the N-th rename onto a final name under
    ``under`` raises ``OSError(EIO)``.
    """

    def __init__(
        self,
        monkeypatch,
        under: Path,
        *,
        disk_full_at: int | None = None,
        deny: bool = False,
        replace_fails_at: int | None = None,
    ) -> None:
        self.under = os.path.abspath(under)
        self.opened = 0
        self.replaced = 0
        self.doomed: dict[int, int] = {}  # fd -> writes seen
        real_open, real_write, real_close = os.open, os.write, os.close
        real_replace, real_mkdir = os.replace, os.mkdir

        def inside(path) -> bool:
            p = os.path.abspath(os.fspath(path))
            return p == self.under or p.startswith(self.under + os.sep)

        def fake_open(path, flags, mode=0o777, *, dir_fd=None):
            if deny and inside(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            fd = real_open(path, flags, mode, dir_fd=dir_fd)
            if inside(path) and os.fspath(path).endswith(".tmp"):
                self.opened += 1
                if disk_full_at is not None and self.opened >= disk_full_at:
                    self.doomed[fd] = 0
            return fd

        def fake_write(fd, data):
            if fd in self.doomed:
                self.doomed[fd] += 1
                if self.doomed[fd] == 1 and len(data) > 1:
                    return real_write(fd, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        def fake_close(fd):
            self.doomed.pop(fd, None)
            return real_close(fd)

        def fake_replace(src, dst, **kw):
            if replace_fails_at is not None and inside(dst) and not str(dst).endswith(".tmp"):
                self.replaced += 1
                if self.replaced == replace_fails_at:
                    raise OSError(errno.EIO, "Input/output error")
            return real_replace(src, dst, **kw)

        def fake_mkdir(path, mode=0o777, **kw):
            if deny and inside(path):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_mkdir(path, mode, **kw)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "close", fake_close)
        monkeypatch.setattr(os, "replace", fake_replace)
        monkeypatch.setattr(os, "mkdir", fake_mkdir)


# ------------------------------------------------------- write_outputs: all or none
FILES = {
    "result.json": '{"new": true}\n',
    "report.html": "<p>new</p>" * 5000,
    "report.pdf": b"%PDF",
}


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_disk_full_midway_keeps_the_previous_set(tmp_path, monkeypatch, fail_at):
    out = tmp_path / "out"
    write_outputs(out, {"result.json": '{"old": true}\n', "report.html": "<p>old</p>"})
    before = _snapshot(out)
    Faults(monkeypatch, out, disk_full_at=fail_at)
    with pytest.raises(InputError) as e:
        write_outputs(out, FILES)
    assert e.value.code == "output_disk_full"
    assert "disk is full" in e.value.render("en") and "disk penuh" in e.value.render("id")
    assert _snapshot(out) == before  # same bytes, same files (not even replaced)


def test_disk_full_in_a_new_folder_leaves_nothing(tmp_path, monkeypatch):
    Faults(monkeypatch, tmp_path, disk_full_at=2)
    with pytest.raises(InputError) as e:
        write_outputs(tmp_path / "a" / "b", FILES)
    assert e.value.code == "output_disk_full"
    assert list(tmp_path.iterdir()) == []  # the folders it created are gone too


@pytest.mark.parametrize("fail_at", [2, 3])
def test_failed_rename_is_undone(tmp_path, monkeypatch, fail_at):
    out = tmp_path / "out"
    write_outputs(out, {"result.json": '{"old": true}\n', "report.html": "<p>old</p>"})
    before = {k: v[0] for k, v in _snapshot(out).items()}
    Faults(monkeypatch, out, replace_fails_at=fail_at)
    with pytest.raises(InputError) as e:
        write_outputs(out, FILES)
    assert e.value.code == "output_error"
    # the old result.json and report.html are back; the new report.pdf is gone
    assert {k: v[0] for k, v in _snapshot(out).items()} == before


def test_interrupt_while_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real = os.write

    def interrupted(fd, data):
        real(fd, bytes(data[:10]))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(out, FILES)
    monkeypatch.undo()
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="process-id test is POSIX only")
def test_leftovers_of_a_killed_writer_are_removed_by_the_next_write(tmp_path):
    # a writer killed with SIGKILL between staging and renaming leaves .NAME.<pid>.<n>.tmp;
    # the next write of the same names removes it once that process has ended, but keeps
    # the temporary files of a writer that is still running and files of other names
    out = tmp_path / "out"
    out.mkdir()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(ended.stdout)
    alive = os.getppid()  # the process that started this test is still running
    leftovers = {
        f".result.json.{dead}.0.tmp": True,  # removed
        f".report.html.{dead}.3.tmp": True,  # removed
        f".result.json.{alive}.1.tmp": False,  # a live writer: kept
        f".other.csv.{dead}.0.tmp": False,  # not a name this write touches: kept
        f".result.json.{10**30}.0.tmp": False,  # not a process id at all: kept, no error
    }
    for name in leftovers:
        (out / name).write_text("partial")
    write_outputs(out, FILES)
    left = {p.name for p in out.iterdir()}
    assert left == set(FILES) | {n for n, gone in leftovers.items() if not gone}


# -------------------------------------------------------------- the CLI, analyze
@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("in") / "keripik-tempe"
    shutil.copytree(SAMPLES / "keripik-tempe", folder)
    return folder


def test_analyze_on_a_full_disk(study, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"  # the outputs of an earlier run
    write_outputs(out, {"result.json": '{"earlier": 1}\n', "report.html": "<p>earlier</p>"})
    before = _snapshot(out)
    Faults(monkeypatch, out, disk_full_at=2)  # report.html fills the disk
    code = main(["analyze", str(study), "--out", str(out), "--lang", "id"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith("shelflife: galat: ") and "disk penuh" in err, err
    assert _snapshot(out) == before  # the earlier result.json and report.html, untouched


def test_a_report_that_fails_writes_nothing(study, tmp_path, monkeypatch, capsys):
    """Everything is rendered in memory first: a PDF typesetter that breaks after the
    result and the HTML report are ready leaves no result.json and no report.html."""
    import shelflife.report.pdf

    def broken(*args, **kwargs):
        raise RuntimeError("typesetter crashed")

    monkeypatch.setattr(shelflife.report.pdf, "pdf_from_builder", broken)
    out = tmp_path / "out"
    code = main(["analyze", str(study), "--out", str(out), "--format", "html,pdf"])
    err = capsys.readouterr().err
    assert code == 3 and "typesetter crashed" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("how", ["chmod", "permission-error"])
def test_analyze_into_a_read_only_folder(study, tmp_path, monkeypatch, capsys, how):
    ro = tmp_path / "ro"
    ro.mkdir()
    if how == "chmod":
        if IS_ROOT or os.name != "posix":
            pytest.skip("root (or this system) ignores folder permissions: see the other variant")
        ro.chmod(0o500)
    else:
        Faults(monkeypatch, ro, deny=True)
    try:
        code = main(["analyze", str(study), "--out", str(ro / "out")])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err, err
        assert err.startswith("shelflife: error: ") and "cannot be written here" in err, err
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o700)


# ------------------------------------------------------------------------ batches
N_STUDIES = 60


def _make_tree(root: Path) -> Path:
    """60 synthetic studies (4 chunks of 16, 16, 16, 13) and one broken study."""
    make_synthetic_studies(root / "lab-a", N_STUDIES, seed=11)
    broken = root / "lab-b" / "broken"
    shutil.copytree(root / "lab-a" / "study-000002", broken)
    text = (broken / "data.csv").read_text().splitlines()
    text[4] = text[4].rsplit(",", 1)[0] + ",n/a?"
    (broken / "data.csv").write_text("\n".join(text) + "\n")
    return root


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file of a batch (the journal and temporary files must be gone)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return _make_tree(tmp_path_factory.mktemp("batch") / "studies")


@pytest.fixture(scope="module")
def clean(tree, tmp_path_factory) -> dict[str, bytes]:
    """The outputs of one uninterrupted run."""
    out = tmp_path_factory.mktemp("clean") / "out"
    res = run_batch(tree, out, workers=1, progress=False)
    assert res.n_failed == 1 and res.n_ok == N_STUDIES
    files = _outputs(out)
    assert "manifest.json" in files and not any(k.endswith((".tmp", ".journal")) for k in files)
    return files


#: The batch CLI with each chunk slowed down, so that a kill lands between chunks.
SLOW_BATCH = """
import sys, time
import shelflife.batch.work as work
real = work.analyze_folders
def slow(folders, options):
    out = real(folders, options)
    time.sleep(float(sys.argv[1]))
    return out
work.analyze_folders = slow
from shelflife.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _journal_keys(path: Path) -> set[str]:
    keys: set[str] = set()
    if not path.exists():
        return keys
    for line in path.read_bytes().split(b"\n")[1:]:
        try:
            keys |= set(json.loads(line).get("studies", {}))
        except ValueError:
            break
    return keys


def test_batch_killed_midway_resumes_to_the_same_bytes(tree, clean, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", SLOW_BATCH, "1.5", "batch", str(tree), "--out", str(out)]
    proc = subprocess.Popen(
        [*args, "--workers", "1", "--no-progress"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    journal = out / "manifest.journal"
    deadline = time.monotonic() + 120
    try:
        while not _journal_keys(journal):
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "no chunk finished in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    finished = _journal_keys(journal)
    assert 0 < len(finished) < N_STUDIES + 1
    assert not (out / "manifest.json").exists() and not (out / "summary.csv").exists()
    kept = {
        k: (out / "studies" / k / "result.json").stat().st_mtime_ns
        for k in finished
        if (out / "studies" / k / "result.json").exists()
    }
    assert len(kept) == len(finished)  # a finished study's files are all there

    res = run_batch(tree, out, workers=1, progress=False)  # the same command again
    assert res.n_reused == len(finished) and res.n_analysed == N_STUDIES + 1 - len(finished)
    assert {k: (out / "studies" / k / "result.json").stat().st_mtime_ns for k in kept} == kept
    assert _outputs(out) == clean  # summary.csv, every result.json, manifest.json ...


def test_batch_on_a_full_disk_stops_with_a_coded_error_and_resumes(
    tree, clean, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    chunk = chunk_size(N_STUDIES + 1)  # studies per chunk (16)
    faults = Faults(monkeypatch, out, disk_full_at=chunk + 4)  # 4th study of the 2nd chunk
    code = batch_main([str(tree), "--out", str(out), "--workers", "1", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "disk is full" in err, err
    assert faults.opened >= chunk + 4
    assert not _temp_files(out)
    assert len(_journal_keys(out / "manifest.journal")) == chunk  # the first chunk is kept
    monkeypatch.undo()
    res = run_batch(tree, out, workers=1, progress=False)
    assert res.n_reused == chunk
    assert _outputs(out) == clean


def test_batch_final_files_are_one_set(tree, clean, tmp_path, monkeypatch):
    """A full disk while the summary files are written: the journal stays, nothing of the
    new set is in place, and the next run finishes the same files."""
    out = tmp_path / "out"
    # temporary files: 60 result.json, then summary.csv, summary.parquet (full), ...
    faults = Faults(monkeypatch, out, disk_full_at=N_STUDIES + 2)
    with pytest.raises(InputError) as e:
        run_batch(tree, out, workers=1, progress=False)
    assert e.value.code == "output_disk_full" and faults.opened == N_STUDIES + 2
    assert not any((out / n).exists() for n in ("summary.csv", "errors.csv", "manifest.json"))
    assert (out / "manifest.journal").exists() and not _temp_files(out)
    monkeypatch.undo()
    assert run_batch(tree, out, workers=1, progress=False).n_reused == N_STUDIES + 1
    assert _outputs(out) == clean


@pytest.mark.parametrize("how", ["chmod", "permission-error"])
def test_batch_into_a_read_only_folder(tmp_path, monkeypatch, capsys, how):
    root = tmp_path / "in"
    make_synthetic_studies(root, 2, seed=5)
    ro = tmp_path / "ro"
    ro.mkdir()
    if how == "chmod":
        if IS_ROOT or os.name != "posix":
            pytest.skip("root (or this system) ignores folder permissions: see the other variant")
        ro.chmod(0o500)
    else:
        Faults(monkeypatch, ro, deny=True)
    try:
        for target in (ro / "out", ro):  # a new folder inside, and the folder itself
            for lang, words in (("en", "cannot be written here"), ("id", "tidak dapat ditulis")):
                args = [str(root), "--out", str(target), "--workers", "1", "--lang", lang]
                code = batch_main([*args, "--no-progress"])
                err = capsys.readouterr().err
                assert code == 2 and "Traceback" not in err and words in err, err
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o700)


# --------------------------------------------------------- inputs never modified
def _inputs(base: Path) -> Path:
    """A copy of the inputs every command reads: study folders, loggers, market, protocol
    and product files, a batch tree."""
    for name in ("keripik-tempe", "kopi-bubuk-aslt", "kerupuk-cassava-vs-wheat"):
        shutil.copytree(SAMPLES / name, base / name)
    shutil.copytree(SAMPLES / "loggers", base / "loggers")
    shutil.copy(ROOT / "shelflife" / "markets" / "data" / "jp.toml", base / "market-jp.toml")
    proto = ROOT / "shelflife" / "protocols" / "data"
    shutil.copy(proto / "aslt-arrhenius.toml", base / "protocol.toml")
    shutil.copy(proto / "products" / "dodol.toml", base / "product.toml")
    make_synthetic_studies(base / "batch", 3, seed=2)
    return base


def _all_files(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


#: Every command of ``shelflife --help`` that reads input files (``demo``, ``protocol
#: list`` and ``protocol design`` read none). Those that write outputs write them (``predict``,
#: ``route`` and ``label`` print JSON: their ``--out`` is ``analyze``'s writer).
COMMANDS = {
    "analyze": ["analyze", "{in}/keripik-tempe", "--out", "{out}"],
    "analyze-json": ["analyze", "{in}/keripik-tempe", "--json"],
    "compare": [
        "compare",
        "{in}/kerupuk-cassava-vs-wheat/formulation-a",
        "{in}/kerupuk-cassava-vs-wheat/formulation-b",
        "--out",
        "{out}",
    ],
    "predict": [
        "predict",
        "{in}/keripik-tempe",
        "--history",
        "{in}/loggers/elitech-kontainer-surabaya-rotterdam.txt",
        "--json",
    ],
    "route": [
        "route",
        "{in}/keripik-tempe",
        "--to",
        "Rotterdam",
        "--runs",
        "300",
        "--out",
        "{out}",
    ],
    "label": [
        "label",
        "{in}/keripik-tempe",
        "--market",
        "{in}/market-jp.toml",
        "--produced",
        "2027-01-15",
        "--json",
    ],
    "batch": ["batch", "{in}/batch", "--out", "{out}", "--workers", "1", "--no-progress"],
    "protocol-show": ["protocol", "show", "{in}/protocol.toml", "--product", "{in}/product.toml"],
    "protocol-new": [
        "protocol",
        "new",
        "{in}/protocol.toml",
        "--product",
        "{in}/product.toml",
        "--start",
        "2027-01-04",
        "--out",
        "{out}",
    ],
    "protocol-schedule": ["protocol", "schedule", "{in}/kopi-bubuk-aslt", "--out", "{out}"],
    "protocol-sheet": [
        "protocol",
        "sheet",
        "{in}/kopi-bubuk-aslt",
        "--out",
        "{out}/sheet.xlsx",
        "--xlsx",
    ],
    "protocol-check": [
        "protocol",
        "check",
        "{in}/kopi-bubuk-aslt",
        "--logger",
        "{in}/kopi-bubuk-aslt/loggers/logger-30C.csv",
        "{in}/kopi-bubuk-aslt/loggers/logger-40C.csv",
        "{in}/kopi-bubuk-aslt/loggers/logger-50C.txt",
    ],
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, dict[str, tuple[str, int]]]:
    base = _inputs(tmp_path_factory.mktemp("inputs"))
    return base, _all_files(base)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_modifies_its_inputs(inputs, tmp_path, capsys, command):
    base, before = inputs
    out = tmp_path / "out"
    argv = [a.replace("{in}", str(base)).replace("{out}", str(out)) for a in COMMANDS[command]]
    code = main(argv)
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err  # 1: a batch with failed studies
    assert _all_files(base) == before  # same files, same bytes, same modification times
    if "{out}" in " ".join(COMMANDS[command]):
        assert out.exists() and any(out.iterdir())


def test_protocol_schedule_into_the_study_folder_touches_only_the_calendar(tmp_path, capsys):
    """Without --out, ``protocol schedule`` rewrites the calendar it made itself, by design;
    study.toml, the data and the logger files stay as they are."""
    folder = tmp_path / "kopi"
    shutil.copytree(SAMPLES / "kopi-bubuk-aslt", folder)
    before = _all_files(folder)
    assert main(["protocol", "schedule", str(folder)]) == 0
    capsys.readouterr()
    after = _all_files(folder)
    changed = {k for k in before if after.get(k) != before[k]} | (set(after) - set(before))
    assert changed <= {"schedule.csv", "schedule.ics"}
    assert {k: after[k][0] for k in changed} == {k: before[k][0] for k in changed}  # same bytes
