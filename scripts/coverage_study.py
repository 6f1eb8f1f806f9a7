"""Coverage of shelflife's default 95 % intervals in simulated studies with known truth.

Run from the repository root (after ``pip install .``)::

    python scripts/coverage_study.py --runs 2000 --seed 20261127

For each design, ``--runs`` studies are simulated with fixed seeds, fitted with the default
one-step method (constant error, delta-method intervals on Student's t), and the share of
95 % intervals that contain the truth is counted for the activation energy, the rate
constant at 30 °C and the shelf life at 30 °C. The Monte Carlo standard error of a coverage
near 0.95 is sqrt(0.95 * 0.05 / runs) (0.5 % for 2,000 runs). Results are printed as a
Markdown table for ``docs/validation.md``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from shelflife.fitting import fit_floats
from shelflife.study import Attribute
from shelflife.units import GAS_CONSTANT

DESIGNS = {
    # name: (temperatures °C, pull days, replicates, order, sign, A0, k30 [1/day or unit/day],
    #        Ea [kJ/mol], noise SD, limit)
    "3T x 7 pulls x 3 reps, first order rising (keripik PV)": (
        (25, 35, 45),
        np.arange(0, 43.0, 7),
        3,
        "first",
        1.0,
        1.0,
        0.014,
        75.0,
        0.15,
        10.0,
    ),
    "3T x 5 pulls x 2 reps, zero order rising (moisture)": (
        (30, 40, 50),
        np.array([0, 7, 14, 21, 28.0]),
        2,
        "zero",
        1.0,
        2.0,
        0.02,
        40.0,
        0.08,
        4.0,
    ),
    "4T x 8 pulls x 2 reps, first order falling (vitamin C)": (
        (20, 30, 40, 50),
        np.arange(0, 57.0, 8),
        2,
        "first",
        -1.0,
        45.0,
        0.006,
        60.0,
        0.8,
        22.5,
    ),
    "4T x 6 pulls x 3 reps, zero order falling (sensory score)": (
        (25, 35, 45, 55),
        np.arange(0, 36.0, 7),
        3,
        "zero",
        -1.0,
        8.0,
        0.03,
        55.0,
        0.25,
        5.0,
    ),
}


def simulate(rng, temps_c, days, reps, order, sign, a0, k30, ea, sd):
    t = np.tile(np.repeat(days, reps), len(temps_c))
    T = np.repeat(np.asarray(temps_c, dtype=float) + 273.15, len(days) * reps)
    k = k30 * np.exp(-(ea / GAS_CONSTANT) * (1 / T - 1 / 303.15))
    mu = a0 * np.exp(sign * k * t) if order == "first" else a0 + sign * k * t
    return t, T, mu + rng.normal(0.0, sd, t.size)


def true_shelf_life(order, sign, a0, k30, limit):
    if order == "first":
        return np.log(limit / a0) / (sign * k30)
    return (limit - a0) / (sign * k30)


def run(design, runs, seed):
    temps, days, reps, order, sign, a0, k30, ea, sd, limit = design
    rng = np.random.default_rng(seed)
    attr = Attribute("x", "u", limit, "max" if sign > 0 else "min")
    truth_sl = true_shelf_life(order, sign, a0, k30, limit)
    hits = {"Ea": 0, "k(30 °C)": 0, "shelf life (30 °C)": 0}
    widths = {k: [] for k in hits}
    done = 0
    for _ in range(runs):
        t, T, y = simulate(rng, temps, days, reps, order, sign, a0, k30, ea, sd)
        try:
            fit = fit_floats(t, T, y, order=order, attribute=attr, sign=sign)
        except Exception:  # noqa: BLE001 - a failed fit counts as a miss
            continue
        done += 1
        lo, hi = fit.parameters["activation_energy"].ci95
        hits["Ea"] += lo <= ea <= hi
        widths["Ea"].append(hi - lo)
        # k at 30 °C: delta method on ln k (log-scale interval, like k_ref)
        g = fit.model.log_rate_gradient(fit.theta, np.array([303.15]))[0]
        lnk = fit.model.log_rate(fit.theta, np.array([303.15]))[0]
        se = np.sqrt(g @ fit.cov @ g)
        q = fit._t_quantile()
        klo, khi = np.exp(lnk - q * se), np.exp(lnk + q * se)
        hits["k(30 °C)"] += klo <= k30 <= khi
        widths["k(30 °C)"].append((khi - klo) / k30)
        s = fit.shelf_lives_at_kelvin(np.array([303.15]))[0]
        hits["shelf life (30 °C)"] += s.ci95[0] <= truth_sl <= s.ci95[1]
        widths["shelf life (30 °C)"].append((s.ci95[1] - s.ci95[0]) / truth_sl)
    return {
        k: (v / runs, float(np.mean(widths[k])) if widths[k] else np.nan) for k, v in hits.items()
    }, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    mc_se = np.sqrt(0.95 * 0.05 / args.runs)
    print(
        f"runs per design: {args.runs}; seed {args.seed}; Monte Carlo SE at 95 %: {100 * mc_se:.2f} %\n"
    )
    print("| design | quantity | coverage of the 95 % interval | mean width |")
    print("|---|---|---|---|")
    t0 = time.perf_counter()
    for i, (name, design) in enumerate(DESIGNS.items()):
        result, done = run(design, args.runs, args.seed + i)
        for qty, (cov, width) in result.items():
            unit = "kJ/mol" if qty == "Ea" else "× truth"
            print(f"| {name} | {qty} | {100 * cov:.1f} % | {width:.3g} {unit} |")
        if done < args.runs:
            print(f"| {name} | failed fits | {args.runs - done} | |")
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
