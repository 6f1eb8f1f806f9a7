"""Benchmark of issue 7 (predictive microbiology); not part of the test suite.

Run from the repository root after installing the project:

    python benchmarks/bench_microbial.py

Times (median of repeated runs after a warm-up):
1. ``fit_growth`` on one simulated Baranyi curve (12 points);
2. ``fit_growth_global`` (Baranyi + Ratkowsky) on 4 temperatures x 10 points;
3. ``predict_dynamic`` and ``time_to_level_along`` along a one-year hourly history
   (8,766 steps; daily cycle of ±4 K around 8 °C plus noise, fixed seed).
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
    from shelflife.microbial import (
        baranyi,
        fit_growth,
        fit_growth_global,
        predict_dynamic,
        time_to_level_along,
    )
    from shelflife.microbial.secondary import ratkowsky
    from shelflife.profiles import TemperatureProfile
    from shelflife.units import get_registry

    Q = get_registry().Quantity
    rng = np.random.default_rng(2026)
    t = np.linspace(0, 16, 12)
    y = baranyi(t, 2.0, 2.0, 2.0, 8.0) + rng.normal(0, 0.2, t.size)
    curves = []
    for Tc in (4, 8, 12, 16):
        mu = float(ratkowsky(Tc + 273.15, 0.05, 271.15))
        tt = np.linspace(0, (2.0 + 6 * np.log(10)) / mu * 1.3, 10)
        yy = baranyi(tt, 3.0, mu, 2.0 / mu, 9.0) + rng.normal(0, 0.2, tt.size)
        curves.append((f"{Tc} degC", Q(tt, "day"), yy))
    model = fit_growth_global(curves)
    n = int(round(365.25 * 24))
    hours = np.arange(n) / 24.0
    T = 8.0 + 4.0 * np.sin(2 * np.pi * hours) + rng.normal(0, 0.3, n) + 273.15
    year = TemperatureProfile(np.full(n, 1 / 24), T)
    for name, f, rep in (
        ("fit_growth (1 curve, 12 points)", lambda: fit_growth(Q(t, "day"), y), 30),
        ("fit_growth_global (4 T x 10 points)", lambda: fit_growth_global(curves), 5),
        ("predict_dynamic (1 year hourly)", lambda: predict_dynamic(model, year), 15),
        ("time_to_level_along (1 year hourly)", lambda: time_to_level_along(model, year, 7.0), 15),
    ):
        print(f"{name:40s} {1000 * _median(f, rep):8.1f} ms")


if __name__ == "__main__":
    main()
