"""Benchmarks named by issue 2 (not part of the test suite).

Run from the repository root after installing the project:

    python benchmarks/run_benchmarks.py

Prints, for the bundled keripik-tempe study (3 temperatures x 7 pulls x 3 replicates):
1. the one-step fit (``shelflife.fitting.fit_floats``) against a bare
   ``scipy.optimize.least_squares`` call with analytic Jacobian on the same problem, with the
   same convergence tolerances (target: at most 2x);
2. ``shelflife analyze STUDY --out DIR`` wall time, report included (target: under 3 s);
3. ``import shelflife`` wall time in a fresh interpreter (target: under 0.5 s);
4. the HTML and PDF reports (``benchmarks/bench_report.py``, issue 8: under 5 s together);
5. batch throughput, local vs Dask, and start-up times (``benchmarks/bench_batch.py``,
   issue 9; ``--full`` adds the 27,000-study run).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _median_time(func, repeat: int = 200) -> float:
    func()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _interleaved_medians(f, g, repeat: int = 400) -> tuple[float, float]:
    f(), g()  # warm-up
    tf, tg = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        t1 = time.perf_counter()
        g()
        t2 = time.perf_counter()
        tf.append(t1 - t0)
        tg.append(t2 - t1)
    return statistics.median(tf), statistics.median(tg)


def bench_fit() -> dict[str, float]:
    from scipy.optimize import least_squares

    import shelflife as sl
    from shelflife.fitting import TOLERANCE, KineticModel, fit_floats
    from shelflife.models import ARRHENIUS, FIRST

    study = sl.load_example("keripik-tempe")
    t, T, y, _ = study.arrays("peroxide_value")
    attr = study.attribute("peroxide_value")
    res = fit_floats(t, T, y, order="first", attribute=attr)
    model = KineticModel(FIRST, ARRHENIUS, 1.0, res.model.references)
    x0 = np.array([np.mean(y[t == 0]), np.log(0.02), 80.0])

    predict, jacobian = model.compiled(t, T)

    def bare():
        least_squares(
            lambda th: predict(th) - y,
            x0,
            jac=jacobian,
            method="lm",
            x_scale="jac",
            ftol=TOLERANCE,
            xtol=TOLERANCE,
            gtol=TOLERANCE,
        )

    def ours():
        fit_floats(t, T, y, order="first", attribute=attr)

    def ours_with_shelf_life():
        r = fit_floats(t, T, y, order="first", attribute=attr)
        r.shelf_lives_at_kelvin(np.array([303.15]))

    # interleave the two so that drifts of the machine's speed affect both alike
    b, o = _interleaved_medians(bare, ours)
    s = _median_time(ours_with_shelf_life)
    return {
        "bare_least_squares_ms": 1e3 * b,
        "shelflife_fit_ms": 1e3 * o,
        "ratio": o / b,
        "fit_plus_shelf_life_ms": 1e3 * s,
    }


def bench_cli() -> float:
    import shelflife

    study = Path(shelflife.__file__).parent / "examples" / "keripik-tempe"
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "shelflife", "analyze", str(study), "--out", tmp],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - t0


def bench_import(repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import time; t=time.perf_counter(); import shelflife; print(time.perf_counter()-t)",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        times.append(float(out.stdout))
    return statistics.median(times)


def main() -> None:
    fit = bench_fit()
    print(
        f"one-step fit: bare least_squares {fit['bare_least_squares_ms']:.2f} ms, "
        f"shelflife fit {fit['shelflife_fit_ms']:.2f} ms, ratio {fit['ratio']:.2f} (target <= 2)"
    )
    print(f"fit + shelf life with interval: {fit['fit_plus_shelf_life_ms']:.2f} ms")
    cli = statistics.median(bench_cli() for _ in range(3))
    print(f"shelflife analyze with report: {cli:.2f} s (target < 3 s)")
    print(f"import shelflife: {bench_import():.3f} s (target < 0.5 s)")
    import bench_report  # benchmarks/ is on sys.path when this file runs as a script

    bench_report.main()
    import bench_batch  # batch throughput, local vs Dask, start-up; --full adds 27,000 studies

    bench_batch.main(["--full"] if "--full" in sys.argv[1:] else [])


if __name__ == "__main__":
    main()
