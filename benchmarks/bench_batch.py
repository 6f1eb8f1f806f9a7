"""Benchmarks of batch runs and start-up times (issue 9; not part of the test suite).

Run from the repository root after installing the project (``pip install ".[distributed]"``
for the Dask figures):

    python benchmarks/bench_batch.py            # 1,000 studies
    python benchmarks/bench_batch.py --full     # also 27,000 studies (or SHELFLIFE_BENCH_FULL=1)

Prints:

1. ``run_batch`` throughput over synthetic three-temperature studies
   (``make_synthetic_studies.py``: one attribute, 63 points, no reports), local worker
   processes (one per core): first run, and a second run that reuses everything (resume);
2. for 1,000 studies, the same batch on a 2-worker Dask ``LocalCluster`` (processes, one
   thread each) against 2 local worker processes, three runs each taking turns, medians
   compared (target: Dask no slower);
3. ``import shelflife`` and ``shelflife --help`` wall times in a fresh interpreter, best of
   5 (targets: under 0.3 s and 0.5 s).

Issue 9's end-to-end target: 27,000 studies in under 2 minutes on the 2-core reference
machine. Every batch here runs in a fresh temporary folder (cold outputs, warm input files).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_synthetic_studies import make_synthetic_studies  # noqa: E402


def _best_of(cmd: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_startup(repeat: int = 5) -> dict[str, float]:
    """Best-of wall times [s] of ``import shelflife`` and ``shelflife --help``."""
    script = Path(sys.executable).with_name("shelflife")
    helpcmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "shelflife"]
    if not script.exists():
        helpcmd.append("--help")
    return {
        "python_s": _best_of([sys.executable, "-c", "pass"], repeat),
        "import_s": _best_of([sys.executable, "-c", "import shelflife"], repeat),
        "help_s": _best_of(helpcmd, repeat),
    }


def bench_batch(studies: Path, tmp: Path, **kwargs) -> dict[str, float]:
    """First run and resumed run of ``run_batch`` over ``studies`` [s, studies/s]."""
    from shelflife.batch import run_batch

    out = tmp / f"out-{len(list(tmp.iterdir()))}"
    t0 = time.perf_counter()
    res = run_batch(studies, out, progress=False, **kwargs)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = run_batch(studies, out, progress=False, **kwargs)
    resumed = time.perf_counter() - t0
    assert again.n_reused == res.n_studies, "the second run should reuse every study"
    shutil.rmtree(out)
    return {
        "n": res.n_studies,
        "ok": res.n_ok,
        "first_s": first,
        "per_study_ms": 1e3 * first / res.n_studies,
        "studies_per_s": res.n_studies / first,
        "resume_s": resumed,
        "executor": res.executor,
    }


def _print_batch(label: str, r: dict) -> None:
    print(
        f"{label:34s} {r['n']:6d} studies ({r['ok']} ok) in {r['first_s']:7.1f} s = "
        f"{r['per_study_ms']:6.1f} ms/study ({r['studies_per_s']:6.0f}/s); "
        f"resume {r['resume_s']:5.2f} s  [{r['executor']}]"
    )


def bench_dask_vs_local(studies: Path, tmp: Path, repeat: int = 3) -> dict | None:
    """Dask ``LocalCluster`` (2 workers) against 2 local processes, interleaved.

    Timings on a small shared machine drift by 20 % from one minute to the next, so the two
    executors take turns ``repeat`` times on the same live cluster and the medians are
    compared (each local run starts its own worker processes, as a real run does; the
    cluster is started once, as a real cluster is).
    """
    import statistics

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        return None
    dask_runs, local_runs = [], []
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("shelflife.batch._warm"))  # same warm start as local
        for _ in range(repeat):
            dask_runs.append(bench_batch(studies, tmp, client=client))
            local_runs.append(bench_batch(studies, tmp, workers=2))

    def median(runs: list[dict]) -> dict:
        first = statistics.median(r["first_s"] for r in runs)
        return {
            **runs[0],
            "first_s": first,
            "per_study_ms": 1e3 * first / runs[0]["n"],
            "studies_per_s": runs[0]["n"] / first,
            "resume_s": statistics.median(r["resume_s"] for r in runs),
            "all_s": [round(r["first_s"], 2) for r in runs],
        }

    return {"dask": median(dask_runs), "local": median(local_runs)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--full", action="store_true", help="also 27,000 studies")
    p.add_argument("-n", type=int, default=1000, help="studies of the main run (default 1000)")
    args = p.parse_args(argv)
    full = args.full or os.environ.get("SHELFLIFE_BENCH_FULL") == "1"

    s = bench_startup()
    print(
        f"start-up (best of 5): python {s['python_s']:.3f} s, import shelflife "
        f"{s['import_s']:.3f} s (target < 0.3 s), shelflife --help {s['help_s']:.3f} s "
        f"(target < 0.5 s)"
    )
    cores = os.cpu_count()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        studies = tmp / "studies"
        t0 = time.perf_counter()
        make_synthetic_studies(studies, args.n, seed=1)
        print(f"wrote {args.n} synthetic studies in {time.perf_counter() - t0:.1f} s")
        runs = tmp / "runs"
        runs.mkdir()
        _print_batch(f"local, {cores} workers (default)", bench_batch(studies, runs))
        both = bench_dask_vs_local(studies, runs)
        if both is None:
            print('Dask LocalCluster: skipped (pip install "shelflife[distributed]")')
        else:
            for label, key in (
                ("Dask LocalCluster, 2 workers", "dask"),
                ("local, 2 worker processes", "local"),
            ):
                _print_batch(label + " (median)", both[key])
                print(f"{'':34s} runs: {both[key]['all_s']} s")
            ratio = both["dask"]["first_s"] / both["local"]["first_s"]
            verdict = "met" if ratio <= 1.05 else "NOT met"
            print(
                f"Dask / local (2 workers, medians of 3 interleaved runs): {ratio:.2f} "
                f"(target <= 1, within the 5 % run-to-run noise: {verdict})"
            )
        if full:
            big = tmp / "big"
            t0 = time.perf_counter()
            make_synthetic_studies(big, 27_000, seed=2)
            print(f"wrote 27000 synthetic studies in {time.perf_counter() - t0:.1f} s")
            r = bench_batch(big, runs)
            _print_batch(f"local, {cores} workers (default)", r)
            verdict = "met" if r["first_s"] < 120 else "NOT met"
            print(f"27,000 studies end to end: {r['first_s']:.0f} s (target < 120 s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
