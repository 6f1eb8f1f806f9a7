"""Benchmarks of the route Monte Carlo (not part of the test suite).

Run from the repository root after installing the project:

    python benchmarks/bench_routes.py

Prints, for the bundled keripik-tempe peroxide value (first order, Arrhenius), the median
wall time of a 10,000-shipment :func:`shelflife.routes.simulate_route` for every shipped
scenario -- with the departure month and stowage drawn and the fitted parameters drawn
per shipment (the default), and with the fitted parameters only -- and the median
remaining shelf life on arrival. Target: under 2 s per simulation on the project's 2-core
machine (aim: ~0.3 s).
"""

from __future__ import annotations

import statistics
import time
import warnings


def _median_time(func, repeat: int) -> float:
    func()  # warm-up (imports, caches)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    import numpy as np

    import shelflife as sl
    from shelflife.routes import get_scenario, list_scenarios, simulate_route

    warnings.simplefilter("ignore")
    fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    n = 10_000
    print(f"keripik-tempe peroxide value, {n} shipments per simulation (median of 5 runs)")
    print(
        f"{'scenario':16s} {'legs':>4s} {'drawn θ':>10s} {'fitted θ':>10s} "
        f"{'transit':>9s} {'remaining':>10s}"
    )
    worst = 0.0
    for name in list_scenarios():
        route = get_scenario(name)
        full = _median_time(lambda r=route: simulate_route(fit, r, n=n, seed=1), 5)
        fixed = _median_time(
            lambda r=route: simulate_route(fit, r, n=n, seed=1, parameter_uncertainty=False), 5
        )
        sim = simulate_route(fit, route, n=n, seed=1)
        worst = max(worst, full, fixed)
        print(
            f"{name:16s} {len(route.legs):4d} {1e3 * full:8.0f} ms {1e3 * fixed:8.0f} ms "
            f"{np.median(sim.transit_days):7.1f} d {np.median(sim.remaining_days):8.1f} d"
        )
    status = "met" if worst < 2.0 else "NOT met"
    print(f"slowest: {1e3 * worst:.0f} ms (target < 2 s: {status})")


if __name__ == "__main__":
    main()
