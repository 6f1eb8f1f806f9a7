"""Sensory shelf life by survival analysis (Hough's method): censoring, MLE, intervals.

References used for checks
--------------------------
- Closed forms: the MLE of a log-normal from exact (uncensored) times is the mean and the
  n-denominator standard deviation of ln t; a Weibull with known shape and right-censoring
  has ``η^β = Σ t_i^β / r`` (r = number of failures; Meeker & Escobar 1998, §7).
- ``scipy.stats`` ``fit`` on :class:`scipy.stats.CensoredData`, an independent
  implementation of the same interval-censored likelihood.
- Published data: no sensory survival table *with its printed estimates* could be found in
  the reference corpora (Hough et al. 2003 and Hough 2010 are not available as text there).
  The 42-consumer yogurt panel of the senzorika SaIT course, exercise 10 (Vietoris; script
  ``Surv(lower, upper, type="interval2")`` + ``survreg(dist="weibull")``, no printed output),
  is reproduced against scipy's independent fit instead.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from shelflife.errors import FitError, InputError
from shelflife.results import ShelfLife
from shelflife.sensory import (
    fit_survival,
    panel_from_answers,
    panel_from_intervals,
    parse_answer,
    read_panel,
)
from shelflife.sensory.turnbull import turnbull


def _Q(value, unit):
    from shelflife.units import get_registry

    return get_registry().Quantity(value, unit)


def _simulate(rng, n, times, mu, sigma, dist="weibull"):
    u = rng.uniform(size=n)
    w = np.log(-np.log1p(-u)) if dist == "weibull" else _ndtri(u)
    rt = np.exp(mu + sigma * w)
    cons, t, ans = [], [], []
    for i in range(n):
        for tt in times:
            cons.append(f"c{i}")
            t.append(tt)
            ans.append("yes" if tt < rt[i] else "no")
    return cons, t, ans


def _ndtri(u):
    from scipy.special import ndtri

    return ndtri(u)


# ----------------------------------------------------------------------------- answers
@pytest.mark.parametrize(
    "word,expected",
    [
        ("yes", True),
        ("No", False),
        (" Ya ", True),
        ("tidak", False),
        ("TERIMA", True),
        ("tolak", False),
        ("1", True),
        (0, False),
        ("accept", True),
        ("reject", False),
    ],
)
def test_answers_in_english_and_indonesian(word, expected):
    assert parse_answer(word) is expected


def test_unknown_answer_is_located():
    with pytest.raises(InputError) as err:
        parse_answer("maybe", row=7, column="jawaban")
    assert err.value.code == "sensory_answer_unknown"
    assert "row 7" in str(err.value) and "jawaban" in str(err.value)


# ----------------------------------------------------------------------------- censoring
def test_censoring_rules_on_a_hand_made_panel():
    times = [0, 7, 14, 21]
    patterns = {
        "left": ["ya", "tidak", "tidak", "tidak"],  # rejects at the first aged sample
        "interval": ["ya", "ya", "tidak", "tidak"],
        "right": ["ya", "ya", "ya", "ya"],
        "fresh": ["tidak", "tidak", "ya", "tidak"],  # rejects the fresh sample: excluded
        "odd": ["ya", "ya", "tidak", "ya"],  # inconsistent
    }
    cons, t, ans = [], [], []
    for cid, answers in patterns.items():
        cons += [cid] * 4
        t += times
        ans += answers
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = panel_from_answers(cons, t, ans)
    got = dict(zip(p.consumer, zip(p.lower, p.upper, strict=True), strict=True))
    assert got["left"] == (0.0, 7.0)
    assert got["interval"] == (7.0, 14.0)
    assert got["right"] == (21.0, math.inf)
    assert got["odd"] == (7.0, 14.0)  # default rule: first rejection
    assert "fresh" not in got and p.excluded == ("fresh",)
    codes = {n.code: n for n in p.notices}
    assert "fresh" in codes["sensory_fresh_rejected"].params["consumers"]
    assert "odd" in codes["sensory_inconsistent"].params["consumers"]
    assert "sensory_few_consumers" in codes
    assert list(p.kind) == ["left", "interval", "right", "interval"]
    # the alternative rules
    wide = panel_from_answers(cons, t, ans, inconsistent="widest")
    assert dict(zip(wide.consumer, wide.upper, strict=True))["odd"] == math.inf
    excl = panel_from_answers(cons, t, ans, inconsistent="exclude")
    assert "odd" in excl.excluded


def test_no_fresh_sample_means_left_censored_at_the_first_time():
    p = panel_from_answers(["a", "a"], [7, 14], ["no", "no"])
    assert (p.lower[0], p.upper[0]) == (0.0, 7.0)


def test_times_with_units_and_hours():
    p = panel_from_answers(["a"] * 3, _Q([0, 12, 24], "hour"), ["y", "y", "n"])
    assert p.lower[0] == pytest.approx(0.5) and p.upper[0] == pytest.approx(1.0)


def test_duplicate_answer_and_bad_bounds():
    with pytest.raises(InputError) as err:
        panel_from_answers(["a", "a"], [7, 7], ["y", "n"], rows=[2, 3])
    assert err.value.code == "sensory_duplicate_answer" and err.value.row == 3
    with pytest.raises(InputError) as err:
        panel_from_intervals(["a", "b"], [7, 14], [14, 7])
    assert err.value.code == "sensory_bounds_order"
    assert "'b'" in str(err.value)


def test_reader_indonesian_headers_decimal_comma_and_located_errors(tmp_path):
    f = tmp_path / "panel.csv"
    rows = ["konsumen;waktu [hari];suhu [°C];jawaban"]
    for c in range(3):
        for t, a in ((0, "ya"), (3.5, "ya"), (7, "tolak")):
            rows.append(f"k{c};{str(t).replace('.', ',')};30;{a}")
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    p = read_panel(f)
    assert p.n == 3 and p.lower[0] == 3.5 and p.upper[0] == 7.0
    assert p.temperature[0] == pytest.approx(303.15)
    bad = tmp_path / "bad.csv"
    bad.write_text("consumer,time [day],answer\na,0,yes\na,7,perhaps\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_panel(bad)
    assert err.value.code == "sensory_answer_unknown"
    assert err.value.row == 3 and err.value.column == "answer"
    nounit = tmp_path / "nounit.csv"
    nounit.write_text("consumer,time,answer\na,0,yes\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_panel(nounit)
    assert err.value.code == "unit_missing"


# ----------------------------------------------------------------------------- closed forms
def test_lognormal_exact_times_mle_is_mean_and_n_denominator_sd():
    rng = np.random.default_rng(3)
    t = np.exp(rng.normal(3.0, 0.4, size=40))
    # exact times as narrow intervals (t e^-ε, t], ε = 1e-5: the interval likelihood is the
    # density times the width up to O(ε), so the estimates agree to ~ε (tolerance 1e-4)
    eps = 1e-5
    p = panel_from_intervals(range(40), t * math.exp(-eps), t)
    fit = fit_survival(p, "lognormal")
    lt = np.log(t) - eps / 2
    assert fit.mu == pytest.approx(lt.mean(), abs=1e-4)
    assert fit.sigma == pytest.approx(lt.std(ddof=0), rel=1e-4)
    # observed information of the normal at the MLE: se(mu) = sigma/sqrt(n),
    # se(ln sigma) = 1/sqrt(2n); 1 % allows for the numerical Hessian
    assert fit.stderr[0] == pytest.approx(fit.sigma / math.sqrt(40), rel=1e-2)
    assert fit.stderr[1] == pytest.approx(1 / math.sqrt(80), rel=1e-2)


def test_weibull_right_censored_with_known_shape_closed_form():
    """With shape β fixed, η^β = Σ t_i^β / r; the profile over σ passes through it."""
    rng = np.random.default_rng(5)
    t = 20 * rng.weibull(2.0, size=60)
    cens = t > 22
    lo = np.where(cens, 22.0, t * math.exp(-1e-5))  # exact times as (t e^-ε, t]
    hi = np.where(cens, np.inf, t)
    fit = fit_survival(panel_from_intervals(range(60), lo, hi), "weibull")
    beta = 1 / fit.sigma
    tt = np.minimum(t, 22.0)
    eta = (np.sum(tt**beta) / np.sum(~cens)) ** (1 / beta)
    assert math.exp(fit.mu) == pytest.approx(eta, rel=1e-4)  # O(ε) from the narrow intervals


def _scipy_fit(lo, hi, dist):
    from scipy import stats

    # left-censored: (0, R]; right-censored: (L, inf)
    data = stats.CensoredData.interval_censored(
        low=np.where(lo > 0, lo, 0.0), high=np.where(np.isfinite(hi), hi, np.inf)
    )
    if dist == "weibull":
        c, _, scale = stats.weibull_min.fit(data, floc=0)
        return math.log(scale), 1 / c
    s, _, scale = stats.lognorm.fit(data, floc=0)
    return math.log(scale), s


# 42 consumers, yogurt at 4, 8, 12, 24, 36, 48 h (senzorika SaIT, exercise 10)
_YOGURT_LOWER = [0] * 2 + [4] * 2 + [8] * 5 + [12] * 9 + [24] * 11 + [36] * 7 + [48] * 6
_YOGURT_UPPER = [4] * 2 + [8] * 2 + [12] * 5 + [24] * 9 + [36] * 11 + [48] * 7 + [np.inf] * 6


@pytest.mark.parametrize("dist", ["weibull", "lognormal"])
def test_yogurt_panel_matches_scipy_censored_fit(dist):
    lo = np.array(_YOGURT_LOWER, dtype=float)
    hi = np.array(_YOGURT_UPPER, dtype=float)
    p = panel_from_intervals(range(42), lo, hi, unit="hour")
    fit = fit_survival(p, dist)
    mu, sigma = _scipy_fit(lo / 24, hi / 24, dist)
    # scipy's optimiser stops at rtol ~1e-4 of the likelihood: 0.5 % on the parameters
    assert fit.mu == pytest.approx(mu, abs=5e-3)
    assert fit.sigma == pytest.approx(sigma, rel=5e-3)
    # median by hand: t50 = exp(mu + sigma*w50)
    w50 = math.log(math.log(2)) if dist == "weibull" else 0.0
    assert fit.rejection_time(0.5).estimate == pytest.approx(math.exp(fit.mu + fit.sigma * w50))


# ----------------------------------------------------------------------------- bad panels
def test_all_accepting_panel_has_no_finite_estimate():
    cons, t, ans = [], [], []
    for c in range(50):
        cons += [c] * 4
        t += [0, 7, 14, 21]
        ans += ["yes"] * 4
    p = panel_from_answers(cons, t, ans)
    with pytest.raises(FitError) as err:
        fit_survival(p)
    assert err.value.code == "sensory_no_rejections"
    assert "store the product longer" in str(err.value)
    assert "21" in str(err.value)


def test_all_rejecting_at_first_time():
    p = panel_from_answers(list(range(40)) * 2, [0] * 40 + [7] * 40, ["y"] * 40 + ["n"] * 40)
    with pytest.raises(FitError) as err:
        fit_survival(p)
    assert err.value.code == "sensory_all_reject_first"


def test_fraction_and_temperature_checks():
    rng = np.random.default_rng(2)
    p = panel_from_answers(*_simulate(rng, 50, (0, 7, 14, 21, 28, 35), math.log(25), 0.3))
    fit = fit_survival(p)
    with pytest.raises(InputError) as err:
        fit.rejection_time(50)
    assert err.value.code == "sensory_fraction_invalid"
    with pytest.raises(InputError) as err:
        fit.shelf_lives_at_kelvin([303.15])
    assert err.value.code == "sensory_no_temperature_model"


# ----------------------------------------------------------------------------- simulation
def test_truth_recovery_and_coverage_of_t50():
    """≥ 200 simulated 50-consumer × 6-time panels (Weibull, μ = ln 25, σ = 0.3).

    Coverage of the nominal 95 % delta-method interval of t50 must lie within
    0.95 ± 3 binomial SE (±0.046 for 200 panels) widened by 0.02 for the coarse
    interval-censoring grid: [0.88, 0.99]. The mean of ln t50 must be within 0.02 of the
    truth (the sd of ln t50 is ≈ 0.05, so the SE of the mean over 200 panels is ≈ 0.004).
    """
    rng = np.random.default_rng(20240607)
    mu, sigma = math.log(25.0), 0.3
    true_t50 = math.exp(mu + sigma * math.log(math.log(2)))
    hits, logs = 0, []
    n_sim = 200
    for _ in range(n_sim):
        p = panel_from_answers(*_simulate(rng, 50, (0, 7, 14, 21, 28, 35), mu, sigma))
        r = fit_survival(p).rejection_time(0.5)
        hits += r.ci95[0] <= true_t50 <= r.ci95[1]
        logs.append(math.log(r.estimate))
    coverage = hits / n_sim
    print(f"coverage of t50 95 % CI over {n_sim} panels: {coverage:.3f}")
    assert 0.88 <= coverage <= 0.99
    assert abs(np.mean(logs) - math.log(true_t50)) < 0.02


def test_arrhenius_three_temperatures_one_step():
    rng = np.random.default_rng(11)
    Ea, Tref, sigma = 80.0, 298.15, 0.25
    b1 = Ea * 1000 / 8.314462618
    cons, t, ans, temps = [], [], [], []
    for Tc, times in (
        (15, (0, 20, 40, 60, 80, 100)),
        (25, (0, 10, 20, 30, 40, 50)),
        (35, (0, 4, 8, 12, 16, 20)),
    ):
        T = Tc + 273.15
        mu = math.log(30) + b1 * (1 / T - 1 / Tref)
        c, tt, a = _simulate(rng, 50, times, mu, sigma)
        cons += [f"{x}-{Tc}" for x in c]
        t += tt
        ans += a
        temps += [f"{Tc} degC"] * len(c)
    p = panel_from_answers(cons, t, ans, temperature=temps)
    fit = fit_survival(p, "weibull", reference_temperature="25 °C")
    ea = fit.parameters["activation_energy"]
    assert ea.ci95[0] < Ea < ea.ci95[1]
    sl = fit.shelf_lives_at_kelvin([298.15], fraction=0.5)[0]
    assert isinstance(sl, ShelfLife)
    true = 30 * math.log(2) ** sigma
    assert sl.ci95[0] < true < sl.ci95[1]
    assert sl.conservative < sl.estimate
    with pytest.raises(InputError) as err:
        fit.rejection_time(0.5)
    assert err.value.code == "sensory_temperature_needed"
    assert fit.rejection_time(0.25, "25 °C").estimate < sl.estimate

    # in a study: storage at 5 °C lies outside 15-35 °C, and says so; 25 °C does not
    from shelflife.others import analyze_sensory
    from shelflife.sensory.study import SensorySpec

    spec = SensorySpec("panel", "panel.csv", "weibull", 0.5, p)
    an = analyze_sensory(spec, np.array([278.15, 298.15]))
    outside = [n for n in an.notices if n.code == "sensory_outside_tested"]
    assert [n.params["temperature"] for n in outside] == [5.0]
    assert "(15–35 °C)" in outside[0].message("en")
    assert len(an.shelf_lives) == 2


# ----------------------------------------------------------------------------- outputs
def test_turnbull_on_a_common_grid_is_the_empirical_fraction():
    lo = np.array([0, 7, 7, 14, 21.0])
    hi = np.array([7, 14, 14, 21, np.inf])
    t, F = turnbull(lo, hi)
    assert list(t) == [7, 14, 21]
    np.testing.assert_allclose(F, [0.2, 0.6, 0.8], atol=1e-6)


def test_result_outputs(tmp_path):
    import json

    import matplotlib

    matplotlib.use("Agg")
    rng = np.random.default_rng(4)
    p = panel_from_answers(*_simulate(rng, 50, (0, 7, 14, 21, 28, 35), math.log(25), 0.3))
    fit = fit_survival(p, "lognormal")
    d = fit.to_dict()
    json.dumps(d)
    assert d["distribution"] == "lognormal" and d["statistics"]["n_consumers"] == 50
    assert {r["fraction"] for r in d["rejection_times"]} == {0.25, 0.5}
    assert "rejection time 50%" in fit.summary().index
    assert "<table" in fit._repr_html_()
    assert fit.aic == pytest.approx(4 - 2 * fit.loglik)
    F = fit.probability_rejected(_Q([1, 25, 1000], "day"))
    assert F[0] < 0.01 and F[2] > 0.99
    for lang in ("en", "id"):
        ax = fit.plot(lang=lang)
        assert ax.get_ylabel()
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        fit.loglik = 0.0  # results are immutable
