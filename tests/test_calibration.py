"""Calibration of the 95 % intervals: a small version of ``scripts/coverage_study.py``.

Studies are simulated from designs of the calibration grid
(:func:`shelflife.uncertainty.calibration.factorial_grid`) with fixed seeds, fitted, and the
share of 95 % intervals containing the truth is counted. With ``n`` studies the Monte Carlo
standard error of a coverage of 95 % is ``sqrt(0.95 * 0.05 / n)`` (1.09 % for 400 studies,
1.54 % for 200), and the band is 95 % ± 3 SE: a correctly calibrated interval falls outside
it with probability 0.3 % per check. The seeds are fixed, so the outcome is deterministic;
a wrong level fails (checked below with the 90 % delta intervals of the same fits, whose
coverage is expected at 90 %, 6.5 SE below 95 % for 800 studies).

The full study (16 designs, 1,000 studies each, every method) and its results are in
``docs/validation.md``, section "Coverage of the 95 % intervals".
"""

import warnings

import numpy as np
import pytest

import shelflife as sl
from shelflife._stats import t_quantile
from shelflife.fitting import fit_floats
from shelflife.study import Attribute
from shelflife.uncertainty import bootstrap
from shelflife.uncertainty.calibration import (
    T30,
    coverage_notice,
    design_features,
    factorial_grid,
    measured_coverage,
    replicate,
    replicate_seed,
    undercovers,
)

GRID = factorial_grid()
#: 3 temperatures × 4 pulls × 2 replicates, zero order, constant error (21 dof): the
#: smallest design, where a z-based interval would show most.
FEW_ZERO = GRID[0]
#: 4 temperatures × 4 pulls × 2 replicates, first order, proportional error (29 dof).
FEW_FIRST_PROP = GRID[14]
SEED = 20261127


def band(n: int, k: float = 3.0) -> tuple[float, float]:
    """95 % ± k Monte Carlo standard errors for ``n`` studies."""
    se = np.sqrt(0.95 * 0.05 / n)
    return 0.95 - k * se, 0.95 + k * se


def test_grid_spans_the_issue_designs():
    """3 and 4 temperatures, zero and first order, constant and proportional error, few and
    many pulls; realistic Ea, storage temperatures and shelf lives of months."""
    assert len(GRID) == 16
    assert {len(d.temperatures_c) for d in GRID} == {3, 4}
    assert {d.product.order for d in GRID} == {"zero", "first"}
    assert {d.error for d in GRID} == {"constant", "proportional"}
    assert {(d.pulls, d.replicates) for d in GRID} == {(4, 2), (8, 3)}
    for d in GRID:
        assert 40 <= d.product.ea <= 100
        assert all(25 <= T <= 55 for T in d.temperatures_c)
        assert 60 <= d.product.sl30 <= 365
        assert d.product.cv <= 0.05
    assert FEW_ZERO.describe()["dof"] == 21 and FEW_FIRST_PROP.error == "proportional"


def test_replicates_do_not_depend_on_the_order_they_run_in():
    a = replicate(FEW_ZERO, 7, SEED, ("delta", "bootstrap"), resamples=99)
    replicate(FEW_ZERO, 3, SEED, ("delta",))
    b = replicate(FEW_ZERO, 7, SEED, ("delta", "bootstrap"), resamples=99)
    assert a == b
    assert a != replicate(FEW_ZERO, 8, SEED, ("delta", "bootstrap"), resamples=99)


def _delta_runs(design, n: int):
    """Coverage of the delta 95 % and 90 % intervals of Ea and the shelf life at 30 °C."""
    p = design.product
    attr = Attribute("x", "u", p.limit, "max" if p.sign > 0 else "min")
    hits = {"Ea95": 0, "sl95": 0, "Ea90": 0, "sl90": 0}
    for r in range(n):
        t, T, y = design.simulate(np.random.default_rng(replicate_seed(SEED, design, r, 0)))
        fit = fit_floats(
            t, T, y, order=p.order, attribute=attr, sign=p.sign, error_model=design.error
        )
        ea = fit.parameters["activation_energy"]
        hits["Ea95"] += ea.ci95[0] <= p.ea <= ea.ci95[1]
        s95 = fit.shelf_lives_at_kelvin(np.array([T30]))[0]
        hits["sl95"] += s95.ci95[0] <= p.sl30 <= s95.ci95[1]
        # the same fits at the 90 % level: what a wrong level would give
        q90 = t_quantile(0.95, fit.statistics["dof"])
        hits["Ea90"] += abs(ea.value - p.ea) <= q90 * ea.stderr
        s90 = fit.shelf_life_floats(np.array([T30]), level=0.90)
        hits["sl90"] += s90["low"][0] <= p.sl30 <= s90["high"][0]
    return {k: v / n for k, v in hits.items()}


def test_delta_intervals_cover_95_percent_and_a_wrong_level_fails():
    """400 studies of each of two few-pull designs: the delta (Student t) intervals of Ea
    and of the shelf life cover within 95 % ± 3 SE (91.7-98.3 %). The 90 % intervals of the
    same fits, pooled over the two designs (800 studies), fall below the pooled band
    (92.7-97.3 %): the check has the power to see a wrong level."""
    n = 400
    lo, hi = band(n)
    runs = [_delta_runs(design, n) for design in (FEW_ZERO, FEW_FIRST_PROP)]
    for cov in runs:
        assert lo <= cov["Ea95"] <= hi, cov
        assert lo <= cov["sl95"] <= hi, cov
    lo_pooled = band(2 * n)[0]
    for q in ("Ea90", "sl90"):
        assert np.mean([cov[q] for cov in runs]) < lo_pooled, runs


def _coverage(records, name):
    rows = [x["intervals"][name] for x in records if not x["fit_failed"]]
    assert all(x is not None for x in rows)
    return {q: np.mean([x[q][0] for x in rows]) for q in ("Ea", "k30", "sl30")}, rows


def test_profile_intervals_cover_95_percent():
    """200 studies of the smallest design: profile-likelihood intervals of Ea, k(30 °C) and
    the shelf life within 95 % ± 3 SE (90.4-99.6 %)."""
    n = 200
    lo, hi = band(n)
    records = [replicate(FEW_ZERO, r, SEED, ("profile",)) for r in range(n)]
    cov, _ = _coverage(records, "profile")
    assert all(lo <= c <= hi for c in cov.values()), cov


def test_expanded_bootstrap_covers_95_percent_and_contains_the_textbook_interval():
    """200 studies of the smallest design (21 dof), 499 residual resamples each: the default
    (expanded) percentile interval covers within 95 % ± 3 SE (90.4-99.6 %); with the same
    resamples it always contains the textbook percentile interval, which is narrower by
    about z/t = 0.94 (measured coverage in docs/validation.md)."""
    n = 200
    lo, hi = band(n)
    methods = ("bootstrap", "bootstrap-textbook")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the textbook intervals carry a coverage notice
        records = [replicate(FEW_ZERO, r, SEED, methods, resamples=499) for r in range(n)]
    cov, expanded = _coverage(records, "bootstrap-percentile")
    cov_textbook, textbook = _coverage(records, "bootstrap-textbook-percentile")
    assert all(lo <= c <= hi for c in cov.values()), cov
    for q in ("Ea", "k30", "sl30"):
        assert cov[q] >= cov_textbook[q]
        for e, b in zip(expanded, textbook, strict=True):  # same resamples: nested
            assert e[q][0] >= b[q][0] and e[q][1] > b[q][1]
        ratio = np.median([e[q][1] / b[q][1] for e, b in zip(expanded, textbook, strict=True)])
        z_over_t = 1.959964 / t_quantile(0.975, 21)
        assert 1 / ratio == pytest.approx(z_over_t, abs=0.01)


# ------------------------------------------------------------------------ notices
def _fit(design, r=0):
    p = design.product
    t, T, y = design.simulate(np.random.default_rng(replicate_seed(SEED, design, r, 0)))
    attr = Attribute("pv", "u", p.limit, "max" if p.sign > 0 else "min")
    return fit_floats(
        t, T, y, order=p.order, attribute=attr, sign=p.sign, error_model=design.error
    )


def _table(coverage_few: float, coverage_many: float) -> dict:
    """A calibration table with the two zero-order constant-error 3T designs."""
    cells = []
    for design, cov in ((GRID[0], coverage_few), (GRID[1], coverage_many)):
        d = design.describe()
        cells.append(
            {
                "design": {
                    "label": d["label"],
                    "n_temperatures": 3,
                    "pulls": d["pulls"],
                    "replicates": d["replicates"],
                    "order": "zero",
                    "error_model": "constant",
                    "dof": d["dof"],
                },
                "intervals": {
                    "bootstrap-case-percentile": {
                        "Ea": (cov, 0.007, 1000),
                        "k30": (0.95, 0.007, 1000),
                        "sl30": (0.95, 0.007, 1000),
                    },
                    "delta": {q: (0.951, 0.007, 1000) for q in ("Ea", "k30", "sl30")},
                    "profile": {q: (0.949, 0.007, 1000) for q in ("Ea", "k30", "sl30")},
                },
            }
        )
    return {"sources": [], "cells": cells}


def test_undercover_rule():
    assert undercovers(0.90, 1000) and undercovers(0.925, 400)
    assert not undercovers(0.935, 1000)  # less than 2 points below 95 %
    assert not undercovers(0.925, 50)  # within 2 SE of 95 % for 50 runs


def test_coverage_notice_follows_the_design_of_the_fit():
    """The rule matches the fit's design (temperatures, pulls, replicates, order, error
    model) with the nearest calibrated design and cites the coverage measured there."""
    table = _table(0.88, 0.946)
    few, many = _fit(GRID[0]), _fit(GRID[1])
    assert design_features(few) == {
        "n_temperatures": 3,
        "pulls": 4.0,
        "replicates": 2.0,
        "dof": 21,
        "order": "zero",
        "error_model": "constant",
    }
    found = measured_coverage("bootstrap-case-percentile", design_features(few), table)
    assert found["design"]["pulls"] == 4 and found["coverage"] == 0.88 and found["undercovers"]
    notice = coverage_notice(
        few, "bootstrap-case-percentile", "bootstrap-case (percentile)", table
    )
    assert notice.code == "interval_undercovers" and notice.attribute == "pv"
    assert notice.params["coverage"] == "88.0" and notice.params["alternative"] == "delta"
    assert notice.params["alternative_coverage"] == "95.1"
    for lang in ("en", "id"):
        text = notice.message(lang)
        assert "88.0 ± 0.7 %" in text and "docs/validation.md" in text and "{" not in text
    # many pulls: the nearest design covers well, no notice; nothing measured, no notice
    assert coverage_notice(many, "bootstrap-case-percentile", "x", table) is None
    assert coverage_notice(few, "bootstrap-parametric-percentile", "x", table) is None
    # outside the grid: two temperatures, or a model family it does not contain
    t, T, y = few.time, few.temperature, few.value
    two = T < T.max()
    attr = few.attribute
    fit2 = fit_floats(t[two], T[two], y[two], order="zero", attribute=attr, sign=-1.0)
    first = fit_floats(t, T, y, order="first", attribute=attr, sign=-1.0)
    for other in (fit2, first):
        assert coverage_notice(other, "bootstrap-case-percentile", "x", table) is None


def test_bootstrap_attaches_the_notice_from_the_measured_table():
    """With the measured table shipped in the package: the textbook bootstrap intervals of a
    few-pull design carry the notice when they were measured to undercover, the expanded
    (default) intervals do not, and the notice is in the result's JSON warnings."""
    from shelflife.uncertainty._calibration_table import TABLE

    fit = _fit(GRID[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        textbook = bootstrap(fit, 99, temperatures="30 degC", expand=False)
        expanded = bootstrap(fit, 99, temperatures="30 degC")
    measured = measured_coverage("bootstrap-textbook-percentile", design_features(fit), TABLE)
    codes = [n.code for n in textbook.notices]
    assert ("interval_undercovers" in codes) == bool(measured and measured["undercovers"])
    assert "interval_undercovers" not in [n.code for n in expanded.notices]
    assert expanded.expanded and not textbook.expanded
    assert expanded.tail == pytest.approx(0.018777, abs=1e-5)
    if "interval_undercovers" in codes:
        warned = [w["code"] for w in textbook.to_dict()["warnings"]]
        assert "interval_undercovers" in warned
        with pytest.warns(sl.ShelfLifeWarning, match="interval_undercovers"):
            bootstrap(fit, 20, temperatures="30 degC", expand=False, bca=False)
    # a level other than the calibrated 95 % is not matched with the table
    other = bootstrap(fit, 20, temperatures="30 degC", expand=False, bca=False, level=0.9)
    assert "interval_undercovers" not in [n.code for n in other.notices]
