"""The benchmark suite in pytest-benchmark form (not part of the normal tests).

Run from the repository root after ``pip install ".[bench]"``::

    pytest benchmarks/test_benchmarks.py --benchmark-only -p no:cacheprovider \
        -o addopts="" --benchmark-columns=min,median,max,rounds

``testpaths`` in ``pyproject.toml`` does not include ``benchmarks/``, so ``pytest`` alone never
runs these. Each benchmark names the issue whose target it checks; the figures on the
reference machine are in ``docs/benchmarks.md`` (the scripts ``benchmarks/bench_*.py`` give
the same figures with more detail, e.g. the 27,000-study batch).
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest

import shelflife as sl

pytest.importorskip("pytest_benchmark")


@pytest.fixture(scope="module")
def analysis():
    warnings.simplefilter("ignore")
    return sl.analyze(sl.load_example("keripik-tempe"), emit_warnings=False)


@pytest.fixture(scope="module")
def fit(analysis):
    return analysis["peroxide_value"].fit


def test_fit_latency(benchmark, fit):
    """Issue 2/9: one-step global fit of 63 points (first order + Arrhenius)."""
    from shelflife.fitting import fit_floats

    out = benchmark(
        fit_floats, fit.time, fit.temperature, fit.value, order="first", attribute=fit.attribute
    )
    assert out.statistics["dof"] == 60


def test_fit_and_shelf_life(benchmark, fit):
    """Issue 9: fit plus the shelf life at 30 °C with its delta-method interval."""
    from shelflife.fitting import fit_floats

    def run():
        f = fit_floats(
            fit.time, fit.temperature, fit.value, order="first", attribute=fit.attribute
        )
        return f.shelf_life_floats(np.array([303.15]))

    out = benchmark(run)
    assert out["low"][0] < out["estimate"][0] < out["high"][0]


def test_bootstrap_2000(benchmark, fit):
    """Issue 3: residual bootstrap with 2,000 resamples (stacked refits)."""
    from shelflife.uncertainty import bootstrap

    out = benchmark.pedantic(
        bootstrap, args=(fit, 2000), kwargs={"temperatures": "30 degC", "seed": 1}, rounds=3
    )
    assert out is not None


def test_history_year_of_minutes(benchmark, fit):
    """Issue 5: remaining shelf life with its interval along a year of one-minute readings."""
    from shelflife.profiles import remaining_shelf_life

    rng = np.random.default_rng(2026)
    n = 525_600
    t = np.arange(n) / 1440.0
    T = 24.0 + 6.0 * np.sin(2 * np.pi * t) + rng.normal(0.0, 0.3, n) + 273.15
    year = sl.TemperatureProfile(np.full(n, 1.0 / 1440.0), T)
    out = benchmark(remaining_shelf_life, fit, year, at="25 degC")
    assert out is not None


def test_batch_stacked_1000(benchmark, fit):
    """Issue 9: 1,000 studies of one design fitted at once, with shelf lives."""
    from shelflife.batch.vectorised import fit_stacked, shelf_life_stacked

    rng = np.random.default_rng(0)
    e = fit.value - fit.fitted
    Y = fit.fitted + rng.choice(e - e.mean(), size=(1000, e.size))

    def run():
        F = fit_stacked("first", fit.time, fit.temperature, Y)
        return shelf_life_stacked(
            F, np.array([303.15]), np.full(1000, 10.0), np.array(["max"] * 1000)
        )

    out = benchmark.pedantic(run, rounds=3)
    assert np.isfinite(out["estimate"]).all()


def test_batch_folders(benchmark, tmp_path_factory):
    """Issue 9: the batch's work on 200 study folders (read, screen, JSON), in process."""
    sys.path.insert(0, "benchmarks")
    from make_synthetic_studies import make_synthetic_studies

    from shelflife.batch.work import analyze_folders

    root = tmp_path_factory.mktemp("studies")
    folders = [str(f) for f in make_synthetic_studies(root, 200, seed=0)]
    out = benchmark.pedantic(analyze_folders, args=(folders,), rounds=3)
    assert all(o["status"] == "ok" for o in out)


def test_report_html(benchmark, analysis):
    """Issue 8: the HTML report of a two-attribute study."""
    out = benchmark.pedantic(analysis.report, kwargs={"lang": "en"}, rounds=3)
    assert out.startswith("<!DOCTYPE html>")


def test_report_pdf(benchmark, analysis):
    """Issue 8: the PDF report of the same study."""
    out = benchmark.pedantic(analysis.report_pdf, kwargs={"lang": "en"}, rounds=3)
    assert out.startswith(b"%PDF")


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-c", "import shelflife"],
        [sys.executable, "-m", "shelflife", "--help"],
    ],
    ids=["import", "help"],
)
def test_start_up(benchmark, command):
    """Issue 9: ``import shelflife`` (< 0.3 s) and ``shelflife --help`` (< 0.5 s)."""
    benchmark.pedantic(
        subprocess.run,
        args=(command,),
        kwargs={"check": True, "capture_output": True},
        rounds=5,
    )
