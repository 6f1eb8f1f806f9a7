"""Predictive microbiology (shelflife.microbial): certified, published and simulated checks."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from shelflife.errors import InputError
from shelflife.microbial import (
    baranyi,
    counts,
    fit_growth,
    fit_growth_global,
    gompertz,
    logistic,
    mu_ln_to_log10,
    mu_log10_to_ln,
    predict_dynamic,
    time_to_level_along,
)
from shelflife.microbial._nls import fit_richards
from shelflife.microbial.dynamic import baranyi_along
from shelflife.microbial.primary import PRIMARY_MODELS
from shelflife.profiles import TemperatureProfile
from shelflife.results import ShelfLife
from shelflife.units import get_registry

RAT43 = Path(__file__).resolve().parent / "reference_data" / "nist-rat43"
LN10 = math.log(10.0)


def Q(v, u):
    return get_registry().Quantity(v, u)


# ------------------------------------------------------------------ NIST Rat43
RAT43_DATA = np.array(
    [
        [1, 16.08],
        [2, 33.83],
        [3, 65.80],
        [4, 97.20],
        [5, 191.55],
        [6, 326.20],
        [7, 386.87],
        [8, 520.53],
        [9, 590.03],
        [10, 651.92],
        [11, 724.93],
        [12, 699.56],
        [13, 689.96],
        [14, 637.56],
        [15, 717.41],
    ]
)  # NIST StRD Rat43.dat (Ratkowsky 1983), verbatim
RAT43_CERTIFIED = {  # NIST certified values: estimate, standard error
    "b1": (699.6415127, 16.302297817),
    "b2": (5.2771253025, 2.0828735829),
    "b3": (0.75962938329, 0.19566123451),
    "b4": (1.2792483859, 0.68761936385),
}


@pytest.mark.parametrize("start", [(100, 10, 1, 1), (700, 5, 0.75, 1.3)], ids=["start1", "start2"])
def test_rat43_certified_values(start):
    # NIST certifies 11 digits; a converged double-precision fit should give >= 6
    # (estimates, rtol 1e-6); standard errors depend on the Jacobian: 1e-4 (NIST guidance).
    if RAT43.exists():
        data = np.loadtxt(RAT43 / "data.csv", delimiter=",", skiprows=1)
        cert = json.loads((RAT43 / "expected.json").read_text())["certified"]
        assert np.allclose(data, RAT43_DATA)
        assert cert["parameters"]["b1"]["estimate"] == RAT43_CERTIFIED["b1"][0]
    res = fit_richards(RAT43_DATA[:, 0], RAT43_DATA[:, 1], start)
    assert res["converged"]
    for i, (est, se) in enumerate(RAT43_CERTIFIED.values()):
        assert res["estimate"][i] == pytest.approx(est, rel=1e-6)
        assert res["std_error"][i] == pytest.approx(se, rel=1e-4)
    assert res["rss"] == pytest.approx(8786.404908, rel=1e-8)
    assert res["residual_sd"] == pytest.approx(28.262414662, rel=1e-8)


# ------------------------------------------------------------------ closed forms
def test_baranyi_algebraic_solution_equals_ode():
    from scipy.integrate import solve_ivp

    y0, mu, lag, ymax = 2.0, 1.3, 2.5, 8.5
    h0 = mu * lag
    q0 = 1.0 / math.expm1(h0)

    def rhs(_t, s):
        Y, q = s
        return [mu * q / (1 + q) * (1 - math.exp(Y - ymax * LN10)), mu * q]

    t = np.linspace(0, 20, 41)
    sol = solve_ivp(rhs, (0, 20), [y0 * LN10, q0], t_eval=t, rtol=1e-12, atol=1e-12)
    assert np.allclose(sol.y[0] / LN10, baranyi(t, y0, mu, lag, ymax), atol=1e-9)
    # without lag and without stationary phase
    assert np.allclose(baranyi(t, y0, mu, 0.0, np.inf), y0 + mu * t / LN10)


@pytest.mark.parametrize("f", [gompertz, logistic], ids=["gompertz", "logistic"])
def test_zwietering_tangent_defines_lag_and_rate(f):
    # Zwietering (1990): the tangent at the inflection point has slope mu (log10 slope
    # mu/ln10 here) and crosses y0 at t = lag.
    y0, mu, lag, ymax = 2.0, 1.5, 3.0, 9.0
    t = np.linspace(0, 30, 300001)
    y = f(t, y0, mu, lag, ymax)
    dy = np.gradient(y, t)
    i = int(np.argmax(dy))
    assert dy[i] == pytest.approx(mu / LN10, rel=1e-6)
    assert t[i] - (y[i] - y0) / dy[i] == pytest.approx(lag, abs=1e-4)


def test_mu_log_base_conversion():
    assert mu_ln_to_log10(LN10) == pytest.approx(1.0)
    assert mu_log10_to_ln(1.0) == pytest.approx(2.302585093, rel=1e-9)
    # the slope of the Baranyi log10 curve in exponential phase is mu/ln 10
    y = baranyi(np.array([40.0, 41.0]), 1.0, 0.9, 2.0, np.inf)
    assert y[1] - y[0] == pytest.approx(0.9 / LN10, rel=1e-9)


@pytest.mark.parametrize("name", list(PRIMARY_MODELS))
def test_time_to_level_inverts_each_model(name):
    m = PRIMARY_MODELS[name]
    p = {
        k: v
        for k, v in {"y0": 2.0, "mu": 1.1, "lag": 2.0, "ymax": 9.0}.items()
        if k in m.parameters
    }
    t = m.time_to(6.0, **p)
    assert m(np.array([t]), **p)[0] == pytest.approx(6.0, abs=1e-9)
    if "ymax" in m.parameters:
        assert m.time_to(9.5, **p) == math.inf


# ------------------------------------------------------------------ published dataset
BIOGROWTH_TIME = [0, 10, 15, 20, 25, 30, 35, 40, 45, 50]
BIOGROWTH_LOGN = [1.2, 1, 1.7, 1.9, 2.3, 3.1, 3.3, 3.8, 4.3, 4.1]


def test_biogrowth_vignette_fit_reproduced():
    # Data and results printed in the R package biogrowth, vignette "Fitting growth
    # models" (v02_growth_fitting, CRAN; cran/biogrowth inst/doc/v02_growth_fitting.html):
    # Baranyi with logNmax fixed at 4, fitted by FME::modFit (Levenberg-Marquardt), mu
    # in log10 units:  logN0 1.11783 (se 0.17671), mu 0.11948 (0.01813), lambda 14.09614
    # (3.14958), residual standard error 0.2129 on 7 df; and for the 4-parameter fit,
    # time_to_size(primary_fit, 2) = 20.93122.  The printout has 5-6 significant digits
    # and modFit stops at its own tolerance, so we compare at 2e-4 relative (estimates)
    # and 5e-4 (standard errors).
    f = fit_growth(Q(BIOGROWTH_TIME, "day"), BIOGROWTH_LOGN, fixed={"ymax": 4.0})
    p = f.parameters
    assert p["initial_count"].value == pytest.approx(1.11783, rel=2e-4)
    assert p["mu_max_log10"].value == pytest.approx(0.11948, rel=2e-4)
    assert p["mu_max"].value == pytest.approx(0.11948 * LN10, rel=2e-4)
    assert p["lag_time"].value == pytest.approx(14.09614, rel=2e-4)
    assert p["initial_count"].stderr == pytest.approx(0.17671, rel=5e-4)
    assert p["mu_max_log10"].stderr == pytest.approx(0.01813, rel=5e-4)
    assert p["lag_time"].stderr == pytest.approx(3.14958, rel=5e-4)
    assert f.statistics["sigma"] == pytest.approx(0.2129, rel=5e-4)
    full = fit_growth(Q(BIOGROWTH_TIME, "day"), BIOGROWTH_LOGN)
    assert full.time_to(2.0).to("day").magnitude == pytest.approx(20.93122, rel=2e-4)
    assert full.time_to("100 CFU/g").magnitude == pytest.approx(20.93122, rel=2e-4)
    assert full.time_to(8.0).magnitude == math.inf
    d = full.to_dict()
    assert d["parameters"]["mu_max"]["unit"] == "1/day"
    assert d["logbase"]["mu_max"] == "e"
    json.dumps(d)
    assert "μmax" in full._repr_html_()
    assert list(full.summary().index)[:2] == ["initial_count", "mu_max"]


# ------------------------------------------------------------------ simulation
def test_recovery_of_known_parameters():
    rng = np.random.default_rng(20260)
    t = np.linspace(0, 12, 16)
    y = baranyi(t, 2.5, 1.8, 3.0, 8.5) + rng.normal(0, 0.1, t.size)
    f = fit_growth(Q(t, "day"), y)
    est = f.estimates
    assert est["mu"] == pytest.approx(1.8, rel=0.08)
    assert est["lag"] == pytest.approx(3.0, abs=0.5)
    assert est["ymax"] == pytest.approx(8.5, abs=0.15)
    assert est["y0"] == pytest.approx(2.5, abs=0.15)


def test_mu_max_interval_coverage():
    # 200 curves (seed fixed), 12 points over 16 days (lag, growth and stationary phase
    # all sampled), sigma 0.25 log10; observed coverage 0.975. With 200 Bernoulli trials at
    # p = 0.95 the binomial SD of the coverage is 1.5 %; t-based Wald intervals in a
    # nonlinear model are slightly liberal, so we accept 0.90-0.99 (about -3.3/+2.7 SD).
    rng = np.random.default_rng(7)
    t = np.linspace(0, 16, 12)
    true = (2.0, 2.0, 2.0, 8.0)
    hits = 0
    n = 200
    for _ in range(n):
        y = baranyi(t, *true) + rng.normal(0, 0.25, t.size)
        lo, hi = fit_growth(Q(t, "day"), y).parameters["mu_max"].ci95
        hits += lo <= true[1] <= hi
    coverage = hits / n
    print(f"mu_max 95 % CI coverage over {n} curves: {coverage:.3f}")
    assert 0.90 <= coverage <= 0.99


# ------------------------------------------------------------------ counts
def test_detection_limit_and_cfu_checks():
    c = counts([0, 50, 2.0e4], "CFU/g", detection_limit="10 CFU/g")
    assert c.censored.tolist() == [True, False, False]
    assert c.log10[0] == pytest.approx(1.0)
    with pytest.raises(InputError) as e:
        counts([0, 50, 2.0e4], "CFU/g")
    assert e.value.code == "microbial_zero_count"
    assert "detection limit" in str(e.value)
    with pytest.raises(InputError) as e:
        counts([2.0, 3.5, 150000.0], "log10 CFU/g", column="TPC")
    assert e.value.code == "microbial_looks_like_cfu" and e.value.row == 3
    c = counts([2.1, 3.4, 5.2], "CFU/mL")
    assert [n.code for n in c.notices] == ["microbial_looks_like_log10"]
    assert counts([4.0], "ln CFU/g").log10[0] == pytest.approx(4.0 / LN10)
    with pytest.raises(InputError) as e:
        counts([1.0], "colonies")
    assert e.value.code == "microbial_unit_unknown"


def test_censored_counts_fit_tobit_and_exclude():
    rng = np.random.default_rng(11)
    t = np.linspace(0, 10, 15)
    y = baranyi(t, 1.5, 2.0, 2.0, 8.0) + rng.normal(0, 0.15, t.size)
    f = fit_growth(Q(t, "day"), y, detection_limit="100 CFU/g")
    assert f.censoring == "tobit" and f.censored.sum() >= 3
    assert [n.code for n in f.notices] == ["microbial_censored"]
    assert f.estimates["mu"] == pytest.approx(2.0, rel=0.1)
    g = fit_growth(Q(t, "day"), y, detection_limit="100 CFU/g", censoring="exclude")
    assert g.censoring == "exclude" and g.statistics["n"] == int((~g.censored).sum())


def test_no_growth_curve():
    t = np.linspace(0, 14, 8)
    f = fit_growth(Q(t, "day"), 3.0 - 0.05 * t)
    assert f.no_growth
    assert [n.code for n in f.notices] == ["microbial_no_growth"]
    assert f.time_to(5.0).magnitude == math.inf
    assert f.to_dict()["no_growth"] is True


# ------------------------------------------------------------------ global + dynamic
@pytest.fixture(scope="module")
def growth_model():
    from shelflife.microbial.secondary import ratkowsky

    rng = np.random.default_rng(3)
    b, Tmin, h0, ymax = 0.05, 271.15, 2.0, 9.0
    curves = []
    for Tc in (4, 8, 12, 16):
        T = Tc + 273.15
        mu = float(ratkowsky(T, b, Tmin))
        t = np.linspace(0, (h0 + 6 * LN10) / mu * 1.3, 10)
        curves.append(
            (
                f"{Tc} degC",
                Q(t, "day"),
                baranyi(t, 3.0, mu, h0 / mu, ymax) + rng.normal(0, 0.2, t.size),
            )
        )
    return fit_growth_global(curves, label="TPC")


def test_global_fit_recovers_secondary(growth_model):
    p = growth_model.parameters
    assert p["b"]["value"] == pytest.approx(0.05, rel=0.05)
    assert p["Tmin"]["value"] == pytest.approx(271.15, abs=1.0)
    assert p["h0"]["value"] == pytest.approx(2.0, abs=1.0)
    sl = growth_model.shelf_life("1e7 CFU/g", "10 degC")
    assert isinstance(sl, ShelfLife)
    assert sl.ci95[0] < sl.estimate < sl.ci95[1]
    assert sl.ci95[0] < sl.conservative < sl.estimate
    lives = growth_model.shelf_lives_at_kelvin(np.array([280.15, 285.15]), level=7.0)
    assert lives[0].estimate > lives[1].estimate
    json.dumps(growth_model.to_dict())


def test_dynamic_constant_equals_static(growth_model):
    prof = TemperatureProfile.constant("10 degC", "60 day")
    df = predict_dynamic(growth_model, prof)
    static = growth_model.predict(Q(df["time_day"].to_numpy(), "day"), "10 degC")
    assert np.allclose(df["log10_count"], static, rtol=1e-8, atol=0)
    # split into 1000 equal steps: the same curve
    fine = TemperatureProfile(np.full(1000, 0.06), np.full(1000, 283.15))
    y = predict_dynamic(growth_model, fine)["log10_count"].to_numpy()
    tt = np.arange(1001) * 0.06
    assert np.allclose(y, growth_model.predict(Q(tt, "day"), "10 degC"), rtol=1e-8, atol=0)
    t_dyn = time_to_level_along(growth_model, prof, 7.0).magnitude
    t_static = growth_model.shelf_life(7.0, "10 degC").estimate
    assert t_dyn == pytest.approx(t_static, rel=1e-8)


def test_dynamic_two_step_against_ode(growth_model):
    # independent computation: the Baranyi ODE integrated by solve_ivp (DOP853)
    from scipy.integrate import solve_ivp

    prof = TemperatureProfile([5.0, 20.0], [277.15, 289.15])
    mu = growth_model._mu(prof.temperatures)
    y0, h0, ymax = growth_model._y0(), growth_model._value("h0"), growth_model._ymax()

    def rhs(t, s):
        m = mu[0] if t < 5.0 else mu[1]
        Y, q = s
        return [m * q / (1 + q) * (1 - math.exp(Y - ymax * LN10)), m * q]

    sol = solve_ivp(
        rhs,
        (0, 25),
        [y0 * LN10, 1 / math.expm1(h0)],
        t_eval=[5.0, 25.0],
        rtol=1e-12,
        atol=1e-12,
        first_step=1e-3,
        max_step=0.05,
    )
    y = predict_dynamic(growth_model, prof)["log10_count"].to_numpy()
    assert y[1:] == pytest.approx(sol.y[0] / LN10, rel=1e-7)
    ode = predict_dynamic(growth_model, prof, method="ode")["log10_count"].to_numpy()
    assert ode == pytest.approx(y, rel=1e-8)
    # time to a level crossed in the second step, checked on the exact curve
    t_l = time_to_level_along(growth_model, prof, 6.0).magnitude
    assert 5.0 < t_l < 25.0
    y_at = baranyi_along(np.array([5.0, t_l - 5.0]), mu, y0, h0, ymax)[-1]
    assert y_at == pytest.approx(6.0, abs=1e-9)
    assert time_to_level_along(growth_model, prof, 9.5).magnitude == math.inf


def test_plots_run():
    import matplotlib

    matplotlib.use("Agg")
    f = fit_growth(Q(BIOGROWTH_TIME, "day"), BIOGROWTH_LOGN)
    assert f.plot(lang="id") is not None
