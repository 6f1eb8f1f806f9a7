"""Determinism (issue 10, item 7): the same inputs and seed give byte-identical results.

- across processes: two fresh interpreters with different ``PYTHONHASHSEED``, working
  directory and time zone (``TZ``) write the same ``result.json``, HTML and PDF reports,
  route Monte Carlo outputs and bootstrap / Monte Carlo interval results;
- across executors: a batch with ``--reports`` gives the same files (summary tables,
  manifest, ``result.json``, ``report.html``) on 1 and 2 local worker processes and on a
  Dask ``LocalCluster`` (when ``distributed`` is installed). The PDF is the HTML typeset in
  the worker's process; its bytes across processes are checked by the first test.

In-process repeats are tested beside the code (tests/test_report.py, test_report_pdf.py,
test_cli.py, test_batch.py without reports).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shelflife.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"

#: Run in a fresh interpreter: write every kind of output into the folder argv[1].
SCRIPT = r"""
import contextlib, io, json, sys, time, warnings
from pathlib import Path

import shelflife as sl
from shelflife.cli import main

out, samples = Path(sys.argv[1]), Path(sys.argv[2])
keripik, realtime = str(samples / "keripik-tempe"), str(samples / "gula-semut-realtime")
codes = [
    main(["analyze", keripik, "--out", str(out / "analyze"), "--format", "html,pdf"]),
    main(["analyze", realtime, "--out", str(out / "realtime"), "--lang", "id"]),
]
printed = io.StringIO()
with contextlib.redirect_stdout(printed):  # the route Monte Carlo, seeded, as JSON
    codes.append(main(["route", keripik, "--to", "Rotterdam", "--runs", "2000", "--seed", "7",
                       "--json"]))
assert codes == [0, 0, 0], codes
(out / "route.json").write_text(printed.getvalue(), encoding="utf-8")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    fit = sl.analyze(sl.read_study(keripik), emit_warnings=False)["peroxide_value"].fit
    boot = sl.bootstrap(fit, 150, seed=3, temperatures="30 degC", bca=False)
    mc = sl.monte_carlo(fit, 3000, seed=5, temperatures=["25 degC", "30 degC"])
for name, res in (("bootstrap", boot), ("monte_carlo", mc)):
    text = json.dumps(res.to_dict(), sort_keys=True, allow_nan=True)
    (out / f"{name}.json").write_text(text, encoding="utf-8")
# the local time (TZ) must not reach any output
(out / "tz.txt").write_text(time.strftime("%z"), encoding="ascii")
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_outputs_are_byte_identical_across_processes(tmp_path):
    """PYTHONHASHSEED, working directory and time zone differ; the outputs do not."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHASHSEED", "TZ")}
    env["PYTHONPATH"] = str(ROOT)
    env.pop("SHELFLIFE_LANG", None)
    runs = {
        "a": {"PYTHONHASHSEED": "0", "TZ": "UTC"},
        "b": {"PYTHONHASHSEED": "4242", "TZ": "Asia/Jakarta"},
    }
    procs = {}
    for name, extra in runs.items():
        cwd = tmp_path / f"cwd-{name}"
        cwd.mkdir()
        procs[name] = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, "out", str(SAMPLES)],
            cwd=cwd,
            env={**env, **extra},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"run {name}: {err}"
    a, b = (_files(tmp_path / f"cwd-{n}" / "out") for n in runs)
    assert a.pop("tz.txt") != b.pop("tz.txt")  # the two time zones were really different
    expected = {
        "analyze/result.json",
        "analyze/report.html",
        "analyze/report.pdf",
        "realtime/result.json",
        "realtime/report.html",
        "route.json",
        "bootstrap.json",
        "monte_carlo.json",
    }
    assert set(a) == set(b) == expected
    different = sorted(k for k in a if a[k] != b[k])
    assert not different, f"outputs differ between the processes: {different}"
    assert b'"seed": 7' in a["route.json"]


# ------------------------------------------------------------ batches with reports
def _make_synthetic():
    path = ROOT / "benchmarks" / "make_synthetic_studies.py"
    spec = importlib.util.spec_from_file_location("make_synthetic_studies", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_synthetic_studies


@pytest.fixture(scope="module")
def report_tree(tmp_path_factory) -> Path:
    """A synthetic study (one attribute) and a broken one: two chunks, one per worker."""
    root = tmp_path_factory.mktemp("det") / "studies"
    _make_synthetic()(root / "lab", 1, seed=21)
    broken = root / "lab" / "broken"
    broken.mkdir()
    (broken / "study.toml").write_text("schema_version = 1\n[study]\nname = 3\n")
    return root


@pytest.fixture(scope="module")
def local_one(report_tree, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("w1") / "out"
    res = run_batch(report_tree, out, workers=1, reports=True, lang="id", progress=False)
    assert res.n_ok == 1 and res.n_failed == 1
    files = _files(out)
    assert sorted(files) == [
        "errors.csv",
        "manifest.json",
        "studies/lab/study-000001/report.html",
        "studies/lab/study-000001/result.json",
        "summary.csv",
        "summary.parquet",
    ]
    return files


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _assert_same(expected: dict[str, bytes], out: Path) -> None:
    got = _files(out)
    assert set(got) == set(expected)
    different = sorted(k for k in got if got[k] != expected[k])
    assert not different, f"files differ: {different}"


def test_batch_reports_identical_on_two_local_workers(report_tree, local_one, tmp_path):
    res = run_batch(
        report_tree,
        tmp_path / "out",
        workers=2,
        reports=True,
        lang="id",
        progress=False,
    )
    assert res.executor.startswith("2 local")
    _assert_same(local_one, tmp_path / "out")


def test_batch_reports_identical_on_a_dask_cluster(report_tree, local_one, dask_client, tmp_path):
    res = run_batch(
        report_tree,
        tmp_path / "out",
        client=dask_client,
        reports=True,
        lang="id",
        progress=False,
    )
    assert res.executor.startswith("Dask cluster")
    _assert_same(local_one, tmp_path / "out")
