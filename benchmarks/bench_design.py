"""Benchmark of the design assistant (issue 4 item 3; not part of the test suite).

Run from the repository root after installing the project:

    python benchmarks/bench_design.py

Prints median wall times of:

1. ``evaluate_design`` with 500 simulated studies of a 3 x 7 x 3 design (30/40/50 °C,
   8 weeks, 7 pulls, 3 replicates; first-order peroxide value 1 -> 10 meq/kg in 6 months
   at 30 °C, Ea 80 kJ/mol), for proportional (CV 10 %) and constant (SD 0.3 meq/kg)
   noise -- target: a few seconds at most;
2. the same with a loop of ``fit_floats`` over the 500 data sets, to show what the stacked
   solver saves;
3. ``propose_design`` and ``compare_designs`` of three candidates (500 studies each);

and the figures the lab would read (interval width, coverage).
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

    from shelflife.design import Design, compare_designs, evaluate_design, propose_design
    from shelflife.fitting import fit_floats

    warnings.simplefilter("ignore")
    truth = {
        "order": "first",
        "initial": 1.0,
        "limit": 10.0,
        "direction": "max",
        "activation_energy": "80 kJ/mol",
        "shelf_life": "6 month",
        "cv": 0.10,
        "unit": "meq/kg",
    }
    truth_sd = {**{k: v for k, v in truth.items() if k != "cv"}, "sd": 0.3}
    design = Design.from_spec(
        temperatures=["30 degC", "40 degC", "50 degC"], duration="8 week", pulls=7, replicates=3
    )
    rows = []
    rows.append(
        (
            "evaluate_design, 500 studies, CV noise",
            _median_time(lambda: evaluate_design(design, truth=truth, n_sim=500), 7),
            3.0,
        )
    )
    rows.append(
        (
            "evaluate_design, 500 studies, SD noise",
            _median_time(lambda: evaluate_design(design, truth=truth_sd, n_sim=500), 7),
            3.0,
        )
    )

    # what the stacked solver saves: one fit_floats per simulated data set
    ev = evaluate_design(design, truth=truth_sd, n_sim=500)
    t, T, _ = design.arrays()
    rng = np.random.default_rng(0)
    from shelflife.design.evaluate import Truth

    tr = Truth.from_dict(truth_sd)
    k30 = tr.rate_constant
    k = k30 * np.exp(-(80.0 / 8.314462618e-3) * (1 / T - 1 / 303.15))
    Y = 1.0 * np.exp(k * t) + 0.3 * rng.standard_normal((50, t.size))

    def loop():
        for y in Y:
            fit_floats(t, T, y, order="first", sign=1.0)

    looped = _median_time(loop, 3) * 500 / 50
    rows.append(("  loop of fit_floats, 500 (from 50)", looped, None))

    rows.append(
        (
            "propose_design",
            _median_time(
                lambda: propose_design(
                    expected_shelf_life="6 month", activation_energy=("60 kJ/mol", "100 kJ/mol")
                ),
                20,
            ),
            None,
        )
    )
    candidates = {
        "30/40/50 8 weeks": design,
        "35/45/55 6 weeks": Design.from_spec(
            temperatures=["35 degC", "45 degC", "55 degC"], duration="6 week"
        ),
        "proposed": propose_design(
            expected_shelf_life="6 month", activation_energy=("60 kJ/mol", "100 kJ/mol")
        ),
    }
    rows.append(
        (
            "compare_designs, 3 designs x 500",
            _median_time(lambda: compare_designs(candidates, truth, n_sim=500), 3),
            None,
        )
    )

    print("design 30/40/50 °C x 7 pulls x 3 replicates (n = 63), shelf life at 30 °C")
    for label, seconds, target in rows:
        goal = f"  (target < {target:g} s)" if target else ""
        print(f"{label:42s} {1e3 * seconds:9.1f} ms{goal}")
    print(f"stacked solver speed-up over fit_floats: {looped / rows[1][1]:.0f}x")
    print()
    print(ev.answer("en"))
    df = compare_designs(candidates, truth, n_sim=500)
    keep = [
        "duration [day]",
        "95 % CI, median lower bound [day]",
        "95 % CI, median upper bound [day]",
        "95 % CI width, median [% of truth]",
        "95 % CI coverage [%]",
        "failed fits [%]",
    ]
    print(df.loc[keep].to_string(float_format=lambda x: f"{x:.1f}"))


if __name__ == "__main__":
    main()
