"""Benchmarks of the uncertainty methods (issue 3 item 4; not part of the test suite).

Run from the repository root after installing the project:

    python benchmarks/bench_uncertainty.py

Prints median wall times for the bundled keripik-tempe peroxide value (first order,
Arrhenius, 63 points: 3 temperatures x 7 pulls x 3 replicates), shelf life at 30 °C:

1. a 2,000-resample bootstrap of the shelf life (residual resampling; with and without the
   BCa jackknife; case and parametric resampling too) -- target < 1 s;
2. the stacked solver alone against a loop of ``scipy.optimize.least_squares`` on the same
   2,000 data sets (the speed-up that makes the bootstrap cheap);
3. profile-likelihood intervals of Ea and of the shelf life -- target < 0.2 s each;
4. a 10,000-draw Monte Carlo of the shelf life -- target < 0.1 s.
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
    from shelflife.fitting import _solve
    from shelflife.uncertainty import (
        bootstrap,
        fit_many,
        monte_carlo,
        profile_interval,
        profile_shelf_life,
    )

    warnings.simplefilter("ignore")
    study = sl.load_example("keripik-tempe")
    fit = sl.fit(study, "peroxide_value", order="first")
    T30 = "30 degC"

    rows = []
    for kind, bca in (
        ("residual", True),
        ("residual", False),
        ("case", True),
        ("parametric", True),
    ):
        s = _median_time(
            lambda k=kind, b=bca: bootstrap(fit, 2000, kind=k, temperatures=T30, bca=b), 7
        )
        label = f"bootstrap 2000 ({kind}{', BCa' if bca else ''})"
        rows.append((label, s, 1.0))

    # stacked solver versus one least_squares call per data set, same data
    rng = np.random.default_rng(0)
    e = fit.value - fit.fitted
    Y = fit.fitted + rng.choice(e - e.mean(), size=(2000, e.size))
    t, T = fit.time, fit.temperature
    stacked = _median_time(lambda: fit_many(fit.model, t, T, None, Y, fit.theta), 7)
    compiled = fit.model.compiled(t, T)
    free = np.ones(fit.theta.size, dtype=bool)

    def loop(m=200):
        for b in range(m):
            _solve(fit.model, fit.theta, free, t, T, None, Y[b], 400, compiled)

    looped = _median_time(loop, 3) * 2000 / 200
    rows.append(("  fit_many, 2000 data sets", stacked, None))
    rows.append(("  least_squares loop, 2000 (from 200)", looped, None))

    rows.append(
        (
            "profile interval of Ea",
            _median_time(lambda: profile_interval(fit, "activation_energy"), 20),
            0.2,
        )
    )
    rows.append(
        (
            "profile interval of shelf life",
            _median_time(lambda: profile_shelf_life(fit, T30), 20),
            0.2,
        )
    )
    rows.append(
        (
            "Monte Carlo 10000 draws",
            _median_time(lambda: monte_carlo(fit, 10_000, temperatures=T30), 20),
            0.1,
        )
    )

    print(f"keripik-tempe peroxide value, n = {fit.value.size}, shelf life at 30 °C")
    for label, seconds, target in rows:
        goal = f"  (target < {target:g} s)" if target else ""
        print(f"{label:42s} {1e3 * seconds:9.1f} ms{goal}")
    print(f"stacked solver speed-up: {looped / stacked:.0f}x")

    b = bootstrap(fit, 2000, temperatures=T30)
    s = fit.shelf_life(T30)
    print(
        f"shelf life {s.estimate:.1f} d; delta {s.ci95[0]:.1f}-{s.ci95[1]:.1f}; "
        f"bootstrap percentile {b.interval(T30)[0]:.1f}-{b.interval(T30)[1]:.1f}; "
        f"BCa {b.interval(T30, 'bca')[0]:.1f}-{b.interval(T30, 'bca')[1]:.1f}; "
        f"profile {profile_shelf_life(fit, T30)[0]:.1f}-{profile_shelf_life(fit, T30)[1]:.1f}"
    )


if __name__ == "__main__":
    main()
