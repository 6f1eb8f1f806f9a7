"""Coverage of shelflife's 95 % intervals in simulated studies with known truth.

Run from the repository root (after ``pip install .``)::

    # the default method (delta method, Student's t) on the factorial design grid
    python scripts/coverage_study.py --runs 2000 --seed 20261127

    # every interval method the toolkit offers (the tables in docs/validation.md)
    python scripts/coverage_study.py \\
        --methods delta,profile,montecarlo,bootstrap,bootstrap-textbook \\
        --runs 1000 --bootstrap-runs 1000 --resamples 999 --seed 20261127 --workers 2 \\
        --json coverage-main.json
    python scripts/coverage_study.py --methods bootstrap-case,bootstrap-parametric \\
        --runs 1000 --resamples 999 --seed 20261127 --workers 2 --json coverage-case.json

    # the measured table the toolkit cites in its notices
    python scripts/coverage_study.py --write-table coverage-main.json coverage-case.json

The designs, the simulation and the per-study intervals are in
:mod:`shelflife.uncertainty.calibration`; this script runs them in parallel
(:class:`concurrent.futures.ProcessPoolExecutor`) and prints the tables.

For each design, ``--runs`` studies are simulated with fixed seeds and fitted with the
toolkit's one-step method (the error model the data were simulated with: constant or
proportional), and the share of 95 % intervals that contain the truth is counted for the
activation energy Ea, the rate constant at 30 °C and the shelf life at 30 °C, for each
interval method:

``delta``
    The default: delta method with Student's t on the residual degrees of freedom
    (``fit.parameters[...].ci95``, ``fit.shelf_life(...).ci95``; rate constant and shelf
    life on the log scale).
``profile``
    Profile likelihood (:func:`shelflife.uncertainty.profile_interval`,
    :func:`~shelflife.uncertainty.profile_shelf_life`).
``montecarlo``
    Percentiles of parameter draws from the fit's multivariate t
    (:func:`shelflife.uncertainty.monte_carlo`, ``--draws`` draws).
``bootstrap``
    :func:`shelflife.uncertainty.bootstrap` with its defaults: residual resampling,
    expanded percentile interval; the BCa interval of the same resamples is reported
    beside it.
``bootstrap-textbook``
    The same resamples as ``bootstrap`` (same seeds) with the textbook percentile and BCa
    intervals (``expand=False``): the before/after comparison of the small-sample
    expansion.
``bootstrap-case``, ``bootstrap-parametric``
    The other resampling schemes (expanded percentile and BCa), on request.

The fit is made with the reference temperature at 30 °C so that the rate constant at
30 °C is the fitted ``rate_constant_ref`` and every method gives its interval through the
public API; every interval here is invariant to the reference temperature (the delta method
because ln k(T) is linear in (ln k_ref, Ea), the others because they are functions of the
fitted curve).

Every replicate has its own seed, derived from ``(seed, design, replicate)``
(:class:`numpy.random.SeedSequence`), so the results do not depend on ``--workers`` or on
the order in which replicates are run. The bootstrap runs on the first
``--bootstrap-runs`` replicates of each design (the same simulated data as the other
methods). The Monte Carlo standard error of a coverage :math:`p` from :math:`n` runs is
:math:`\\sqrt{p(1-p)/n}` (0.69 % at 95 % for 1,000 runs, 1.09 % for 400). Results are
printed as Markdown tables for ``docs/validation.md``; ``--json`` also writes them as data,
from which ``--write-table`` makes ``shelflife/uncertainty/_calibration_table.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import pprint
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import numpy as np

from shelflife.uncertainty.calibration import (
    INTERVAL_LABELS,
    METHODS,
    QUANTITIES,
    QUANTITY_LABELS,
    Design,
    factorial_grid,
    legacy_grid,
    replicate,
    summarise,
    undercovers,
)

GRIDS = {"factorial": factorial_grid, "legacy": legacy_grid}
BOOTSTRAP_METHODS = tuple(m for m in METHODS if m.startswith("bootstrap"))


def _task(args: tuple) -> tuple[int, list[dict]]:
    d_index, design, rows, seed, methods, opts = args
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return d_index, [replicate(design, r, seed, methods, **opts) for r in rows]


def _names(methods: tuple[str, ...]) -> list[str]:
    return [n for m in methods for n in METHODS[m]]


def markdown(results: list[dict], methods: tuple[str, ...]) -> str:
    """One row per design and interval type: coverage ± MC SE (median relative width)."""
    lines = [
        "| # | design | n (dof) | interval | runs | Ea | k(30 °C) | shelf life (30 °C) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, res in enumerate(results, 1):
        d = res["design"]
        for name in _names(methods):
            e = res["intervals"][name]
            cells = []
            for q in QUANTITIES:
                c = e[q]
                flag = " ⚠" if undercovers(c["coverage"], e["runs"]) else ""
                cells.append(
                    f"{100 * c['coverage']:.1f} ± {100 * c['mc_se']:.1f}{flag} "
                    f"({c['median_rel_width']:.3g})"
                )
            lines.append(
                f"| {i} | {d['label']} | {d['n']} ({d['dof']}) | {INTERVAL_LABELS[name]} | "
                f"{e['runs']} | " + " | ".join(cells) + " |"
            )
    return "\n".join(lines)


def overview(results: list[dict], methods: tuple[str, ...]) -> str:
    """Per interval type and quantity: mean and lowest coverage over the designs."""
    lines = [
        "| interval | quantity | mean coverage | lowest (design #) | cells ⚠ | "
        "median width / delta width |",
        "|---|---|---|---|---|---|",
    ]
    for name in _names(methods):
        for q in QUANTITIES:
            cov = np.array([r["intervals"][name][q]["coverage"] for r in results])
            runs = [r["intervals"][name]["runs"] for r in results]
            flags = sum(undercovers(c, n) for c, n in zip(cov, runs, strict=True))
            low = int(np.nanargmin(cov))
            ratio = "–"
            if "delta" in results[0]["intervals"]:
                w = [
                    r["intervals"][name][q]["median_rel_width"]
                    / r["intervals"]["delta"][q]["median_rel_width"]
                    for r in results
                ]
                ratio = f"{np.median(w):.3f}"
            lines.append(
                f"| {INTERVAL_LABELS[name]} | {QUANTITY_LABELS[q]} | {100 * np.mean(cov):.1f} % "
                f"| {100 * cov[low]:.1f} % (#{low + 1}) | {flags} | {ratio} |"
            )
    return "\n".join(lines)


def run_study(
    designs: list[Design],
    methods: tuple[str, ...],
    runs: int,
    bootstrap_runs: int,
    seed: int,
    *,
    workers: int = 1,
    resamples: int = 999,
    draws: int = 4000,
    chunk: int = 20,
) -> list[dict]:
    """All designs and methods; the result does not depend on ``workers`` or ``chunk``."""
    has_boot = any(m in BOOTSTRAP_METHODS for m in methods)
    has_other = any(m not in BOOTSTRAP_METHODS for m in methods)
    opts = {
        "runs": runs if has_other else 0,
        "bootstrap_runs": bootstrap_runs if has_boot else 0,
        "resamples": resamples,
        "draws": draws,
    }
    total = max(opts["runs"], opts["bootstrap_runs"])
    tasks = [
        (i, d, range(lo, min(lo + chunk, total)), seed, methods, opts)
        for lo in range(0, total, chunk)
        for i, d in enumerate(designs)
    ]
    records: dict[int, list[dict]] = {i: [] for i in range(len(designs))}
    if workers <= 1:
        for task in tasks:
            i, rows = _task(task)
            records[i].extend(rows)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for i, rows in pool.map(_task, tasks, chunksize=1):
                records[i].extend(rows)
    return [summarise(d, records[i], methods) for i, d in enumerate(designs)]


TABLE_FILE = os.path.join(
    os.path.dirname(__file__), "..", "shelflife", "uncertainty", "_calibration_table.py"
)


def write_table(paths: list[str], out: str = TABLE_FILE) -> None:
    """Write the measured coverage that the toolkit cites (from ``--json`` files)."""
    cells: dict[str, dict] = {}
    sources = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            payload = json.load(fh)
        sources.append(
            {
                k: payload[k]
                for k in ("command", "date", "seconds", "runs", "bootstrap_runs", "seed")
            }
        )
        for res in payload["results"]:
            d = res["design"]
            cell = cells.setdefault(
                d["label"],
                {
                    "design": {
                        "label": d["label"],
                        "n_temperatures": len(d["temperatures_c"]),
                        "pulls": d["pulls"],
                        "replicates": d["replicates"],
                        "order": d["order"],
                        "error_model": d["error_model"],
                        "dof": d["dof"],
                    },
                    "intervals": {},
                },
            )
            for name, e in res["intervals"].items():
                cell["intervals"][name] = {
                    q: (round(e[q]["coverage"], 4), round(e[q]["mc_se"], 4), e["runs"])
                    for q in QUANTITIES
                }
    table = {"sources": sources, "cells": list(cells.values())}
    text = (
        '"""Measured coverage of the 95 % intervals (generated; do not edit by hand).\n\n'
        "Written by ``python scripts/coverage_study.py --write-table FILE.json ...`` from the\n"
        "runs listed in ``TABLE['sources']``; the same numbers are in ``docs/validation.md``,\n"
        'section "Coverage of the 95 % intervals". Each interval entry is\n'
        "``quantity -> (coverage, Monte Carlo SE, runs)``.\n"
        '"""\n\n'
        f"TABLE = {pprint.pformat(table, width=99, sort_dicts=False)}\n"
    )
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000, help="studies per design")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument(
        "--methods",
        default="delta",
        help=f"comma-separated, from {', '.join(METHODS)} (default: delta)",
    )
    parser.add_argument("--grid", choices=sorted(GRIDS), default="factorial")
    parser.add_argument(
        "--bootstrap-runs", type=int, default=None, help="studies per design (default --runs)"
    )
    parser.add_argument("--resamples", type=int, default=999, help="bootstrap resamples")
    parser.add_argument("--draws", type=int, default=4000, help="Monte Carlo draws")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--designs", default=None, help="comma-separated design numbers (1-)")
    parser.add_argument("--json", default=None, help="also write the results to this file")
    parser.add_argument(
        "--write-table",
        nargs="+",
        default=None,
        metavar="FILE",
        help="only write shelflife/uncertainty/_calibration_table.py from --json files",
    )
    args = parser.parse_args()
    if args.write_table:
        write_table(args.write_table)
        return
    methods = tuple(m.strip() for m in args.methods.split(",") if m.strip())
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        parser.error(f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(METHODS)}")
    designs = GRIDS[args.grid]()
    if args.designs:
        designs = [designs[int(i) - 1] for i in args.designs.split(",")]
    b_runs = args.runs if args.bootstrap_runs is None else args.bootstrap_runs
    print(
        f"grid {args.grid} ({len(designs)} designs); methods {', '.join(methods)}; "
        f"runs per design {args.runs} (bootstrap {b_runs}, {args.resamples} resamples); "
        f"seed {args.seed}; workers {args.workers}\n"
        f"Monte Carlo SE at 95 %: {100 * np.sqrt(0.95 * 0.05 / args.runs):.2f} % "
        f"({args.runs} runs), {100 * np.sqrt(0.95 * 0.05 / max(b_runs, 1)):.2f} % "
        f"({b_runs} runs)\n"
    )
    t0 = time.perf_counter()
    results = run_study(
        designs,
        methods,
        args.runs,
        b_runs,
        args.seed,
        workers=args.workers,
        resamples=args.resamples,
        draws=args.draws,
    )
    elapsed = time.perf_counter() - t0
    print("Cells: coverage of the 95 % interval ± Monte Carlo SE, in % (median width / truth);")
    print("⚠: below 93 % and more than 2 SE (at 95 %) below 95 %.\n")
    print(markdown(results, methods))
    print()
    print(overview(results, methods))
    for r in results:
        if r["fit_failures"]:
            print(
                f"\n{r['design']['label']}: {r['fit_failures']} simulated studies could not be "
                "fitted (not counted)"
            )
        for name, e in r["intervals"].items():
            if e["method_failures"]:
                print(f"\n{r['design']['label']}: {name} failed {e['method_failures']} times")
    print(f"\n({elapsed:.0f} s, {args.workers} worker(s))")
    if args.json:
        payload = {
            "command": "python scripts/coverage_study.py " + " ".join(sys.argv[1:]),
            "date": date.today().isoformat(),
            "seconds": round(elapsed, 1),
            "grid": args.grid,
            "methods": list(methods),
            "runs": args.runs,
            "bootstrap_runs": b_runs,
            "resamples": args.resamples,
            "draws": args.draws,
            "seed": args.seed,
            "results": results,
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=1, ensure_ascii=False, allow_nan=True)
            fh.write("\n")


if __name__ == "__main__":
    main()
