"""Benchmark named by issue 5: prediction along a year of one-minute logger data.

Run from the repository root after installing the project:

    python benchmarks/bench_history.py

Builds a 525,600-step history (one year at one-minute spacing: a daily cycle of ±6 K
around 24 °C plus sensor noise, fixed seed) and times, for the limiting attribute of the
bundled keripik-tempe study (first-order Arrhenius) and for all its attributes:

1. ``remaining_shelf_life`` with its delta-method interval (target: under 50 ms for a
   closed-form model);
2. ``time_to_limit_along`` and ``quality_along``;
3. ``predict_history`` for the whole study (every attribute, effective temperature, MKT).

Median of repeated runs after a warm-up.
"""

from __future__ import annotations

import statistics
import time

import numpy as np


def _median(func, repeat: int = 15) -> float:
    func()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    import shelflife as sl
    from shelflife.profiles import quality_along, remaining_shelf_life, time_to_limit_along

    analysis = sl.analyze(sl.load_example("keripik-tempe"), emit_warnings=False)
    rng = np.random.default_rng(2026)
    n = 525_600
    t = np.arange(n) / 1440.0
    T = 24.0 + 6.0 * np.sin(2 * np.pi * t) + rng.normal(0.0, 0.3, n) + 273.15
    year = sl.TemperatureProfile(np.full(n, 1.0 / 1440.0), T)
    fit = analysis[analysis.limiting_attribute].fit
    print(f"history: {len(year):,} steps, {year.duration_days:.1f} days")
    for name, f in (
        ("remaining_shelf_life (with CI)", lambda: remaining_shelf_life(fit, year, at="25 degC")),
        ("time_to_limit_along", lambda: time_to_limit_along(fit, year)),
        ("quality_along", lambda: quality_along(fit, year)),
        ("predict_history (whole study)", lambda: sl.predict_history(analysis, year)),
    ):
        print(f"{name:34s} {1000 * _median(f):8.1f} ms")


if __name__ == "__main__":
    main()
