"""Batch runs (issue 9): discovery, resume, output-folder rules, executors, CLI."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelflife.batch import run_batch
from shelflife.batch.cli import main as batch_main
from shelflife.batch.discover import discover, output_dirs, output_subdir
from shelflife.batch.work import ROW_FIELDS
from shelflife.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
N_SYNTHETIC = 10


def _load_generator():
    path = ROOT / "benchmarks" / "make_synthetic_studies.py"
    spec = importlib.util.spec_from_file_location("make_synthetic_studies", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


make_synthetic_studies = _load_generator().make_synthetic_studies


def _make_tree(root: Path, n: int = N_SYNTHETIC) -> Path:
    """n synthetic studies + a broken study + a duplicate name + non-study entries."""
    make_synthetic_studies(root / "lab-a", n, seed=7)
    broken = root / "lab-b" / "broken"
    shutil.copytree(root / "lab-a" / "study-000002", broken)
    toml = (broken / "study.toml").read_text().replace("study-000002", "broken")
    (broken / "study.toml").write_text(toml)
    lines = (broken / "data.csv").read_text().splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",abc"  # row 6 as a spreadsheet shows it
    (broken / "data.csv").write_text("\n".join(lines) + "\n")
    # a second folder with the name of lab-a/study-000001 (a copy with another name)
    dup = root / "lab-b" / "copy-of-first"
    shutil.copytree(root / "lab-a" / "study-000001", dup)
    (root / "README.md").write_text("notes about these studies\n", encoding="utf-8")
    (root / "photos").mkdir()
    (root / "photos" / "chamber.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def _tree_hashes(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            st_ = p.stat()
            out[str(p.relative_to(root))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                st_.st_mtime_ns,
            )
    return out


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return _make_tree(tmp_path_factory.mktemp("studies"))


@pytest.fixture(scope="module")
def base_run(tree, tmp_path_factory):
    """workers=1 run over the shared tree; the inputs' hashes before and after."""
    before = _tree_hashes(tree)
    out = tmp_path_factory.mktemp("out") / "batch"
    res = run_batch(tree, out, workers=1, progress=False)
    return res, out, before


# ------------------------------------------------------------------ discovery
def test_discover_studies_skipped_and_nested(tmp_path):
    for rel in ("b", "a", "a/inner", "c/deep/x"):
        (tmp_path / rel).mkdir(parents=True)
        (tmp_path / rel / "study.toml").write_text("")
    (tmp_path / "a" / "data.csv").write_text("x")
    (tmp_path / "a" / "photos").mkdir()
    (tmp_path / "a" / "photos" / "p.jpg").write_text("x")
    (tmp_path / "a" / "inner" / "data.csv").write_text("y")
    (tmp_path / "a" / "~$data.xlsx").write_text("lock")
    (tmp_path / "c" / "notes.txt").write_text("n")
    (tmp_path / "empty").mkdir()
    (tmp_path / ".hidden").mkdir()
    os.symlink(tmp_path / "b", tmp_path / "link-to-b")
    found = discover(tmp_path)
    assert [s.key for s in found.studies] == ["a", "a/inner", "b", "c/deep/x"]
    a = found.studies[0]
    assert a.files == ("data.csv", "photos/p.jpg", "study.toml")  # not inner's, not ~$
    assert found.studies[1].files == ("data.csv", "study.toml")
    assert [(s.path, s.code) for s in found.skipped] == [
        ("c/notes.txt", "batch_skipped_file"),
        ("empty", "batch_skipped_folder"),
        ("link-to-b", "batch_skipped_link"),
    ]


def test_root_itself_can_be_a_study(tmp_path):
    (tmp_path / "study.toml").write_text("")
    found = discover(tmp_path)
    assert [s.key for s in found.studies] == ["."]
    assert output_subdir(".") == "%2E"


def test_device_names_are_escaped_in_output_folders():
    # the folder names are part of the resume bookkeeping: this pins them. Device names
    # get their first letter %-escaped; superscript digits are escaped anyway.
    assert output_subdir("con") == "%63on"
    assert output_subdir("LPT0.old") == "%4CPT0.old"
    assert output_subdir("COM\u00b9") == "COM%C2%B9"
    assert output_subdir("console") == "console"


NASTY = [
    "..",
    "../..",
    "../../etc/passwd",
    "/etc",
    "a/../../b",
    "C:\\Windows",
    "con",
    "LPT1.txt",
    "a\x00b",
    "trailing.",
    "x" * 400,
    "",
    ".",
    "./.",
    "ünïcode/ﬁle",
]


@pytest.mark.parametrize("key", NASTY)
def test_output_paths_cannot_escape(tmp_path, key):
    sub = output_subdir(key)
    parts = sub.split("/")
    assert all(p not in ("", ".", "..") for p in parts)
    assert all(len(p) <= 120 for p in parts)
    target = (tmp_path / sub).resolve()
    assert target.is_relative_to(tmp_path.resolve()) and target != tmp_path.resolve()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=6))
def test_output_subdirs_stay_inside_and_are_distinct(keys):
    base = Path("/base")
    subs = output_dirs(keys)
    for sub in subs.values():
        norm = os.path.normpath(os.path.join(base, sub))
        assert norm.startswith("/base/") and "\x00" not in sub
    folded = [s.casefold() for s in subs.values()]
    assert len(set(folded)) == len(folded)


# -------------------------------------------------------------- a whole batch
def test_batch_table_errors_and_skipped(base_run):
    res, out, _ = base_run
    assert res.n_studies == N_SYNTHETIC + 2
    assert res.n_failed == 1 and res.n_ok == N_SYNTHETIC + 1
    assert res.exit_code == 1
    t = res.table
    assert tuple(t.columns) == ROW_FIELDS
    assert len(t) == N_SYNTHETIC + 1  # one attribute, one storage temperature each
    keys = list(zip(t["folder"], t["attribute"], t["temperature_degC"], strict=True))
    assert keys == sorted(keys)
    assert t["folder"].iloc[0] == "lab-a/study-000001"
    assert (t["shelf_life_day"] > 0).all() and (t["ci95_low_day"] < t["ci95_high_day"]).all()
    # errors: the broken study, with its coded message and a path relative to the root
    assert list(res.errors["folder"]) == ["lab-b/broken"]
    err = res.errors.iloc[0]
    assert err["code"] == "cell_not_numeric"
    assert err["file"] == "lab-b/broken/data.csv" and err["row"] == 6
    assert str(res.root) not in err["message"]
    # skipped: loose file and a folder without a study; hidden ones not listed
    assert list(zip(res.skipped["path"], res.skipped["code"], strict=True)) == [
        ("README.md", "batch_skipped_file"),
        ("photos", "batch_skipped_folder"),
    ]
    # duplicate name: both analysed, keyed by folder, coded notice in table and summary
    dup = t[t["study"] == "study-000001"]
    assert sorted(dup["folder"]) == ["lab-a/study-000001", "lab-b/copy-of-first"]
    assert all("batch_duplicate_name" in w for w in dup["warnings"])
    assert [n["code"] for n in res.notices] == ["batch_duplicate_name"]
    assert "study-000001" in res.summary() and "copy-of-first" in res.summary("id")


def test_batch_outputs(base_run):
    res, out, _ = base_run
    names = sorted(p.name for p in out.iterdir())
    assert names == ["errors.csv", "manifest.json", "studies", "summary.csv", "summary.parquet"]
    csv = pd.read_csv(out / "summary.csv")
    assert list(csv.columns) == list(ROW_FIELDS) and len(csv) == len(res.table)
    pq = pd.read_parquet(out / "summary.parquet")
    assert (pq["shelf_life_day"].to_numpy() == res.table["shelf_life_day"].to_numpy()).all()
    assert (csv["shelf_life_day"].to_numpy() == pq["shelf_life_day"].to_numpy()).all()
    errs = pd.read_csv(out / "errors.csv")
    assert list(errs["code"]) == ["cell_not_numeric"]
    one = json.loads((out / "studies/lab-a/study-000001/result.json").read_text())
    assert one["study"]["name"] == "study-000001"
    assert not (out / "studies/lab-b/broken").exists()  # a failed study writes nothing
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema"] == "shelflife.batch-manifest/1"
    assert manifest["root"] == res.root
    assert len(manifest["studies"]) == N_SYNTHETIC + 2
    assert not list(out.rglob("*.tmp"))


def test_inputs_never_modified(base_run, tree):
    _, _, before = base_run
    assert _tree_hashes(tree) == before


def test_result_object(base_run):
    res, _, _ = base_run
    d = res.to_dict()
    json.dumps(d)
    assert d["counts"]["failed"] == 1 and d["errors"][0]["code"] == "cell_not_numeric"
    assert "<table" in res._repr_html_()
    import matplotlib

    matplotlib.use("Agg")
    ax = res.plot()
    assert "30 °C" in ax.get_xlabel()
    assert res.common_temperature() == 30.0
    assert len(res.limiting_shelf_lives()) == N_SYNTHETIC + 1
    with pytest.raises(AttributeError):
        res.n_ok = 3


def test_two_workers_give_byte_identical_outputs(base_run, tree, tmp_path):
    res1, out1, _ = base_run
    res2 = run_batch(tree, tmp_path / "w2", workers=2, progress=False)
    assert res2.executor.startswith("2 local")
    for name in ("summary.csv", "errors.csv", "manifest.json"):
        assert (out1 / name).read_bytes() == (tmp_path / "w2" / name).read_bytes(), name
    for p in (out1 / "studies").rglob("result.json"):
        q = tmp_path / "w2" / p.relative_to(out1)
        assert p.read_bytes() == q.read_bytes()


def test_dask_local_cluster_gives_the_same_table(base_run, tree, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, out1, _ = base_run
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        res = run_batch(tree, tmp_path / "dask", client=client, progress=False)
        assert res.executor.startswith("Dask cluster")
        # the same through the scheduler's address (the --scheduler path)
        res2 = run_batch(
            tree, tmp_path / "dask2", scheduler=cluster.scheduler_address, progress=False
        )
        assert not client.status == "closed"  # a client given by the caller stays open
    for out in ("dask", "dask2"):
        for name in ("summary.csv", "errors.csv"):
            assert (out1 / name).read_bytes() == (tmp_path / out / name).read_bytes()
        for p in (out1 / "studies").rglob("result.json"):
            assert p.read_bytes() == (tmp_path / out / p.relative_to(out1)).read_bytes()
    assert res2.n_ok == res.n_ok


def test_dask_workers_write_only_when_they_see_the_output_folder(
    base_run, tree, tmp_path, monkeypatch
):
    """A LocalCluster shares the file system, so its workers write the studies' files; when
    the probe says no (another machine), the files travel back and the runner writes the
    same bytes. No probe file is left behind either way."""
    distributed = pytest.importorskip("distributed")
    from shelflife.batch import executors

    _, out1, _ = base_run
    seen = []
    real = executors.DaskExecutor.sees

    def record(self, folder):
        seen.append(real(self, folder))
        return seen[-1]

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        monkeypatch.setattr(executors.DaskExecutor, "sees", record)
        run_batch(tree, tmp_path / "shared", client=client, progress=False)
        monkeypatch.setattr(executors.DaskExecutor, "sees", lambda self, folder: False)
        run_batch(tree, tmp_path / "apart", client=client, progress=False)
    assert seen == [True]
    for out in ("shared", "apart"):
        assert not list((tmp_path / out).rglob(".shelflife-probe-*"))
        assert (out1 / "summary.csv").read_bytes() == (tmp_path / out / "summary.csv").read_bytes()
        for p in (out1 / "studies").rglob("result.json"):
            assert p.read_bytes() == (tmp_path / out / p.relative_to(out1)).read_bytes()


def test_folder_probe_says_no_to_a_wrong_or_missing_token(tmp_path):
    from shelflife.batch.executors import _probe_folder

    token = tmp_path / ".shelflife-probe-x"
    token.write_text("abc", encoding="ascii")
    assert _probe_folder(str(token), "abc") is True
    assert _probe_folder(str(token), "abd") is False
    assert _probe_folder(str(tmp_path / "missing"), "abc") is False
    assert [p.name for p in tmp_path.iterdir()] == [token.name]


# --------------------------------------------------------------------- resume
def test_resume_skips_unchanged_and_redoes_changed(tmp_path):
    root = _make_tree(tmp_path / "in", n=4)
    out = tmp_path / "out"
    first = run_batch(root, out, workers=1, progress=False)
    assert first.n_analysed == 6 and first.n_reused == 0
    results = sorted((out / "studies").rglob("result.json"))
    mtimes = {p: p.stat().st_mtime_ns for p in results}
    csv1 = (out / "summary.csv").read_bytes()
    time.sleep(0.01)

    again = run_batch(root, out, workers=1, progress=False)
    assert again.n_reused == 6 and again.n_analysed == 0
    assert {p: p.stat().st_mtime_ns for p in results} == mtimes
    assert (out / "summary.csv").read_bytes() == csv1
    assert not (out / "manifest.journal").exists()

    # touching a file does not count; editing one does
    data = root / "lab-a" / "study-000002" / "data.csv"
    os.utime(data)
    assert run_batch(root, out, workers=1, progress=False).n_analysed == 0
    text = data.read_text().splitlines()
    text[-1] = text[-1].rsplit(",", 1)[0] + ",9.99"
    data.write_text("\n".join(text) + "\n")
    third = run_batch(root, out, workers=1, progress=False)
    assert third.n_analysed == 1 and third.n_reused == 5
    changed = out / "studies" / "lab-a" / "study-000002" / "result.json"
    assert changed.stat().st_mtime_ns != mtimes[changed]
    assert all(p.stat().st_mtime_ns == m for p, m in mtimes.items() if p != changed)

    # a study that disappeared: its rows and its output folder are dropped
    shutil.rmtree(root / "lab-a" / "study-000003")
    make_synthetic_studies(root / "lab-c", 1, seed=9)
    fourth = run_batch(root, out, workers=1, progress=False)
    assert fourth.n_removed == 1 and fourth.n_analysed == 1
    assert "lab-a/study-000003" not in set(fourth.table["folder"])
    assert "lab-c/study-000001" in set(fourth.table["folder"])
    assert not (out / "studies" / "lab-a" / "study-000003").exists()
    assert "lab-a/study-000003" not in json.loads((out / "manifest.json").read_text())["studies"]

    # a missing output file makes the study run again
    (out / "studies" / "lab-a" / "study-000001" / "result.json").unlink()
    assert run_batch(root, out, workers=1, progress=False).n_analysed == 1


def test_killed_run_resumes_from_the_journal(tmp_path, monkeypatch):
    from shelflife.batch import work

    root = _make_tree(tmp_path / "in", n=10)  # 12 studies: 4 chunks of 3
    out = tmp_path / "out"
    real = work.analyze_folders
    calls = []

    def dying(folders, options):
        calls.append(len(folders))
        if len(calls) == 3:
            raise KeyboardInterrupt  # killed in the middle of the third chunk
        return real(folders, options)

    monkeypatch.setattr(work, "analyze_folders", dying)
    with pytest.raises(KeyboardInterrupt):
        run_batch(root, out, workers=1, progress=False)
    monkeypatch.setattr(work, "analyze_folders", real)
    assert (out / "manifest.journal").exists() and not (out / "manifest.json").exists()
    assert not (out / "summary.csv").exists()
    assert not list(out.rglob("*.tmp"))
    res = run_batch(root, out, workers=1, progress=False)
    assert res.n_reused == 6 and res.n_analysed == 6
    assert not (out / "manifest.journal").exists()
    fresh = run_batch(root, tmp_path / "fresh", workers=1, progress=False)
    assert len(fresh.table) == len(res.table)
    pd.testing.assert_frame_equal(fresh.table, res.table, check_exact=False, rtol=1e-9)


# ------------------------------------------------------------- refusals
def _listing(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


def test_out_dir_of_another_batch_is_refused(base_run, tmp_path):
    res, out, _ = base_run
    other = _make_tree(tmp_path / "other", n=2)
    before = _listing(out)
    with pytest.raises(InputError) as e:
        run_batch(other, out, workers=1, progress=False)
    assert e.value.code == "batch_out_other_input"
    assert "--replace" in e.value.render("en") and "--replace" in e.value.render("id")
    with pytest.raises(InputError) as e:
        run_batch(res.root, out, workers=1, storage=["25 degC"], progress=False)
    assert e.value.code == "batch_out_other_options" and "storage" in str(e.value)
    assert _listing(out) == before  # nothing written, nothing removed


def test_unrelated_files_and_replace(tmp_path):
    root = _make_tree(tmp_path / "in", n=3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("mine")
    with pytest.raises(InputError) as e:
        run_batch(root, out, workers=1, progress=False)
    assert e.value.code == "batch_out_unrelated" and "thesis.docx" in str(e.value)
    assert _listing(out) == ["thesis.docx"]
    res = run_batch(root, out, workers=1, replace=True, progress=False)
    assert res.n_ok == 4 and (out / "thesis.docx").read_text() == "mine"
    # --replace over another batch's results starts again; user files stay
    other = _make_tree(tmp_path / "other", n=2)
    res = run_batch(other, out, workers=1, replace=True, progress=False)
    assert res.n_studies == 4 and res.n_reused == 0
    assert not (out / "studies" / "lab-a" / "study-000003").exists()
    assert (out / "thesis.docx").exists()


def test_corrupt_manifest_and_overlapping_folders(tmp_path):
    root = _make_tree(tmp_path / "in", n=2)
    out = tmp_path / "out"
    run_batch(root, out, workers=1, progress=False)
    (out / "manifest.json").write_text("{not json")
    with pytest.raises(InputError) as e:
        run_batch(root, out, workers=1, progress=False)
    assert e.value.code == "batch_manifest_unreadable"
    assert run_batch(root, out, workers=1, replace=True, progress=False).n_analysed == 4
    with pytest.raises(InputError) as e:
        run_batch(root, tmp_path, workers=1, progress=False)  # the input inside the output
    assert e.value.code == "batch_out_overlaps_input"
    # output folder inside the input folder: skipped by discovery, not hashed into studies
    inner = root / "results"
    first = run_batch(root, inner, workers=1, progress=False)
    second = run_batch(root, inner, workers=1, progress=False)
    assert second.n_analysed == 0 and second.n_studies == first.n_studies
    assert "results" in set(second.skipped["path"])


def test_no_studies_and_missing_root(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError) as e:
        run_batch(tmp_path, tmp_path.parent / "o1", workers=1, progress=False)
    assert e.value.code == "batch_no_studies"
    with pytest.raises(InputError) as e:
        run_batch(tmp_path / "nope", tmp_path.parent / "o2", workers=1, progress=False)
    assert e.value.code == "batch_root_not_found"
    with pytest.raises(InputError) as e:
        run_batch(tmp_path, tmp_path.parent / "o3", workers=0, progress=False)
    assert e.value.code == "batch_workers_invalid"
    assert not (tmp_path.parent / "o1").exists()


# ------------------------------------------------------------ executors
def test_unreachable_scheduler_fails_fast(tree, tmp_path):
    pytest.importorskip("distributed")
    t0 = time.perf_counter()
    with pytest.raises(InputError) as e:
        run_batch(tree, tmp_path / "o", scheduler="tcp://127.0.0.1:1", progress=False)
    assert time.perf_counter() - t0 < 10
    assert e.value.code == "batch_scheduler_unreachable"
    assert "tcp://127.0.0.1:1" in str(e.value)
    assert not (tmp_path / "o").exists()


def test_missing_dask_names_the_extra(tree, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(InputError) as e:
        run_batch(tree, tmp_path / "o", scheduler="tcp://127.0.0.1:8786", progress=False)
    assert e.value.code == "batch_dask_missing"
    assert 'pip install "shelflife[distributed]"' in e.value.render("en")


def test_reports_are_written_when_asked(tmp_path):
    root = tmp_path / "in"
    make_synthetic_studies(root, 2, seed=3)
    out = tmp_path / "out"
    res = run_batch(root, out, workers=1, reports=True, lang="id", progress=False)
    assert res.n_ok == 2
    assert (out / "studies" / "study-000001" / "report.html").exists()
    with pytest.raises(InputError) as e:  # other options: refused, reports stay
        run_batch(root, out, workers=1, progress=False)
    assert e.value.code == "batch_out_other_options" and "reports" in str(e.value)
    run_batch(root, out, workers=1, replace=True, progress=False)
    assert not (out / "studies" / "study-000001" / "report.html").exists()


# -------------------------------------------------------------------- CLI
def test_cli_exit_codes_and_messages(tmp_path, capsys):
    ok_root = tmp_path / "ok"
    make_synthetic_studies(ok_root, 2, seed=5)
    assert batch_main([str(ok_root), "--out", str(tmp_path / "o1"), "--no-progress"]) == 0
    text = capsys.readouterr().out
    assert "2 studies" in text and "summary.csv" in text

    bad_root = _make_tree(tmp_path / "mixed", n=2)
    code = batch_main(
        [str(bad_root), "--out", str(tmp_path / "o2"), "--workers", "1", "--no-progress"]
    )
    assert code == 1
    text = capsys.readouterr().out
    assert "lab-b/broken" in text and "cell_not_numeric" in text

    empty = tmp_path / "empty"
    empty.mkdir()
    assert batch_main([str(empty), "--out", str(tmp_path / "o3"), "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("shelflife: galat:") and "Traceback" not in err
    assert not (tmp_path / "o3").exists()

    # out dir conflict, unreachable scheduler: exit 2, coded message, nothing written
    assert batch_main([str(bad_root), "--out", str(tmp_path / "o1"), "--workers", "1"]) == 2
    assert "--replace" in capsys.readouterr().err
    if importlib.util.find_spec("distributed"):
        args = [str(ok_root), "--out", str(tmp_path / "o4"), "--scheduler", "tcp://127.0.0.1:1"]
        assert batch_main(args) == 2
        assert "127.0.0.1:1" in capsys.readouterr().err
        assert not (tmp_path / "o4").exists()
    assert batch_main([str(ok_root), "--out", str(tmp_path / "o5"), "--workers", "0"]) == 2
    assert batch_main([str(ok_root), "--out", "x", "--format", "docx"]) == 2
    assert "docx" in capsys.readouterr().err
    assert batch_main(["--help"]) == 0
    assert "--scheduler" in capsys.readouterr().out


def test_cli_parser_registers_on_top_level_subparsers():
    import argparse

    from shelflife.batch.cli import add_parser

    parser = argparse.ArgumentParser(prog="shelflife")
    sub = parser.add_subparsers(dest="command")
    add_parser(sub, "id")
    args = parser.parse_args(["batch", "d", "--out", "o", "--format", "html,pdf"])
    assert args.command == "batch" and args.lang == "id" and args.formats == "html,pdf"
    assert args.workers is None and args.progress is True
