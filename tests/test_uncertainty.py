"""Intervals beyond the delta method: bootstrap, profile likelihood, Monte Carlo.

Exact checks where the statistics allow them (linear models), published figures where
they exist (AccelStab's Monte Carlo of the potency data), and a small coverage study.
"""

import dataclasses
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import shelflife as sl
from shelflife._stats import t_quantile
from shelflife.errors import FitError, InputError, UnitError
from shelflife.fitting import fit_arrays, fit_floats
from shelflife.study import Attribute
from shelflife.uncertainty import (
    bootstrap,
    fit_many,
    monte_carlo,
    probability_within_limit,
    profile_interval,
    profile_shelf_life,
)
from shelflife.uncertainty._common import quantiles, shelf_life_many
from shelflife.uncertainty.resampling import _case_counts, _strata
from shelflife.uncertainty.solver import BatchModel

R = 8.314462618e-3  # kJ/(mol K)
MONTH = 30.4375  # days
POTENCY = Path(__file__).parent / "reference_data" / "accelstab-potency-zero-order-arrhenius"


# ---------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def pv_fit():
    """The bundled keripik-tempe peroxide value: first order, 63 points."""
    study = sl.load_example("keripik-tempe")
    return sl.fit(study, "peroxide_value", order="first")


@pytest.fixture(scope="module")
def potency_fit():
    df = pd.read_csv(POTENCY / "data.csv")
    df = df[df.used_for_fit == 1]
    return fit_arrays(
        sl.Q_(df.time_months.to_numpy(), "month"),
        sl.Q_(df.celsius.to_numpy(), "degC"),
        df.potency.to_numpy(),
        unit="",
        limit=9.0,
        direction="min",
        order="zero",
    )


def _design():
    t = np.tile(np.repeat(np.arange(0.0, 43.0, 7.0), 3), 3)
    T = np.repeat([298.15, 308.15, 318.15], 21)
    return t, T


def _zero_order_data(noise: float, seed: int = 5):
    t, T = _design()
    k = 0.05 * np.exp(-(60.0 / R) * (1 / T - 1 / 308.15))
    rng = np.random.default_rng(seed)
    return t, T, 10.0 + k * t + rng.normal(0.0, noise, t.size)


ATTR = Attribute("x", "mg/kg", 14.0, "max")


@pytest.fixture(scope="module")
def linear_fit():
    """Zero order with Ea held fixed: A = A0 + k_ref f(T) t is linear in (A0, k_ref)."""
    t, T, y = _zero_order_data(0.2)
    return fit_floats(t, T, y, order="zero", attribute=ATTR, fixed={"activation_energy": 60.0})


# ------------------------------------------------------------------------- fit_many
def test_fit_many_matches_the_engine(pv_fit):
    rng = np.random.default_rng(3)
    t, T = pv_fit.time, pv_fit.temperature
    Y = pv_fit.fitted + rng.normal(0, 0.14, (5, t.size))
    res = fit_many(pv_fit.model, t, T, None, Y, pv_fit.theta)
    assert res.converged.all() and res.fallbacks == 0
    for b in range(5):
        ref = fit_floats(t, T, Y[b], order="first")
        assert res.thetas[b] == pytest.approx(ref.theta, rel=1e-6)
        assert res.sse[b] == pytest.approx(ref.statistics["sse"], rel=1e-10)


def test_fit_many_integer_weights_repeat_rows(pv_fit):
    t, T, y = pv_fit.time, pv_fit.temperature, pv_fit.value
    counts = np.random.default_rng(1).integers(0, 3, t.size).astype(float)
    counts[::7] = 1.0  # keep every time and temperature
    res = fit_many(pv_fit.model, t, T, None, y[None], pv_fit.theta, weights=counts[None])
    rep = counts.astype(int)
    ref = fit_floats(np.repeat(t, rep), np.repeat(T, rep), np.repeat(y, rep), order="first")
    assert res.thetas[0] == pytest.approx(ref.theta, rel=1e-6)


def test_fit_many_row_by_row_path_and_fallback(pv_fit):
    t, T, y = pv_fit.time, pv_fit.temperature, pv_fit.value
    nth = fit_floats(t, T, y, order="nth")
    assert not BatchModel(nth.model, t, T, None, nth.theta).vectorised  # branches on n
    Y = nth.fitted + np.random.default_rng(2).normal(0, 0.14, (3, t.size))
    res = fit_many(nth.model, t, T, None, Y, nth.theta)
    quick = fit_many(nth.model, t, T, None, Y, nth.theta, max_iter=1)  # forces the fallback
    assert res.converged.all() and quick.converged.all() and quick.fallbacks == 3
    assert quick.thetas == pytest.approx(res.thetas, rel=1e-5)


# ------------------------------------------------------------------------ bootstrap
@pytest.mark.parametrize("kind", ["residual", "case", "parametric"])
def test_bootstrap_is_reproducible_by_seed(pv_fit, kind):
    a = bootstrap(pv_fit, 200, kind=kind, seed=7, temperatures="30 degC")
    b = bootstrap(pv_fit, 200, kind=kind, seed=7, temperatures="30 degC")
    c = bootstrap(pv_fit, 200, kind=kind, seed=8, temperatures="30 degC")
    assert np.array_equal(a.parameter_draws, b.parameter_draws)
    assert np.array_equal(a.shelf_life_draws, b.shelf_life_draws)
    assert a.interval("30 degC") == b.interval("30 degC")
    assert not np.array_equal(a.parameter_draws, c.parameter_draws)
    assert a.n_converged == 200


def test_bootstrap_agrees_with_delta_on_a_well_determined_fit(pv_fit):
    b = bootstrap(pv_fit, 2000, temperatures=["30 degC", "298.15 K"])
    for name, p in pv_fit.parameters.items():
        for kind in ("percentile", "bca"):
            lo, hi = b.interval(name, kind)
            # within a fifth of the delta half-width at both ends
            tol = 0.2 * (p.ci95[1] - p.ci95[0]) / 2
            assert lo == pytest.approx(p.ci95[0], abs=tol) and hi == pytest.approx(
                p.ci95[1], abs=tol
            )
        assert b.stderr[name] == pytest.approx(p.stderr, rel=0.15)
    s = pv_fit.shelf_life("30 degC")
    lo, hi = b.interval("303.15 K")
    assert lo < s.estimate < hi
    assert (lo, hi) == pytest.approx(s.ci95, rel=0.03)
    assert b.shelf_life[0] == pytest.approx(s.estimate, rel=1e-12)


def test_case_resampling_keeps_every_temperature(pv_fit):
    strata = _strata(pv_fit)
    assert len(strata) == 3
    counts = _case_counts(np.random.default_rng(0), strata, 50, pv_fit.value.size)
    for rows in strata:
        # rescaling bootstrap: m - 1 draws of weight m / (m - 1) sum to m (to rounding)
        np.testing.assert_allclose(counts[:, rows].sum(axis=1), rows.size, rtol=1e-12)


def test_case_resampling_gives_the_unbiased_variance_of_a_stratum_mean():
    # Rao & Wu (1988) with m* = m - 1: the bootstrap variance of the weighted mean of a
    # stratum is s^2/m (the usual unbiased variance of a mean), whereas drawing all m rows
    # gives (m - 1)/m of it. 200,000 resamples: Monte Carlo SE of a variance about
    # sqrt(2/200000) = 0.3 %, so 2 % is a wide but failing-able band (the plain scheme is
    # off by 1/m = 12.5 % here).
    y = np.array([1.0, 2.5, 2.0, 4.0, 3.5, 0.5, 2.2, 3.1])
    m = y.size
    w = _case_counts(np.random.default_rng(7), [np.arange(m)], 200_000, m)
    means = w @ y / m
    assert np.var(means) == pytest.approx(np.var(y, ddof=1) / m, rel=0.02)


def test_bootstrap_progress_bar_falls_back_silently(pv_fit, monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    b = bootstrap(pv_fit, 50, progress=True, bca=False)
    assert b.n_converged == 50


def test_bootstrap_coverage_of_activation_energy():
    """200 simulated studies x 200 residual resamples: the 95 % percentile interval of Ea
    covers the true value in 90-99 % of studies (about 5 s)."""
    t, T = _design()
    k = 0.014 * np.exp(-(75.0 / R) * (1 / T - 1 / 303.15))
    mu = np.exp(k * t)
    attr = Attribute("pv", "meq/kg", 10.0, "max")
    rng = np.random.default_rng(2024)
    hits = 0
    for s in range(200):
        fit = fit_floats(t, T, mu + rng.normal(0, 0.15, t.size), order="first", attribute=attr)
        lo, hi = bootstrap(fit, 200, seed=s, bca=False).interval("activation_energy")
        hits += lo <= 75.0 <= hi
    assert 0.90 <= hits / 200 <= 0.99


# -------------------------------------------------------------------------- profile
def test_profile_equals_t_interval_when_linear_in_the_parameter(linear_fit):
    """A0 enters linearly and the nuisance k_ref does too (up to its log scale), so the
    profile is exactly quadratic and the F criterion gives the Student-t interval."""
    p = linear_fit.parameters["initial_value"]
    assert profile_interval(linear_fit, "initial_value") == pytest.approx(p.ci95, rel=1e-6)
    # single temperature: the same with the isothermal model
    t = np.arange(0.0, 43.0, 3.0)
    y = 10 + 0.05 * t + np.random.default_rng(1).normal(0, 0.2, t.size)
    iso = fit_floats(t, np.full(t.size, 308.15), y, order="zero", temperature_model="isothermal")
    p = iso.parameters["initial_value"]
    assert profile_interval(iso, "initial_value") == pytest.approx(p.ci95, rel=1e-6)


def test_profile_is_invariant_to_the_log_scale(linear_fit):
    """k_ref is fitted as ln k_ref; the model is linear in k_ref itself, so the profile
    interval is the t interval on the natural scale, k ± t·SE(k), not the log-scale one."""
    p = linear_fit.parameters["rate_constant_ref"]
    q = t_quantile(0.975, linear_fit.statistics["dof"])
    expected = (p.value - q * p.stderr, p.value + q * p.stderr)
    assert profile_interval(linear_fit, "rate_constant_ref") == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("temperature", ["25 degC", "15 degC", "318.15 K"])
def test_profile_shelf_life_is_the_fieller_interval_when_linear(linear_fit, temperature):
    """For a linear model the profile interval of t_s is where the two-sided band of the
    mean crosses the limit; at level 0.90 its lower end is the ICH Q1E conservative value
    (one-sided 95 % bound)."""
    low, high = profile_shelf_life(linear_fit, temperature, level=0.90)
    s = linear_fit.shelf_life(sl.Q_(kelvin_of(temperature), "K"))
    assert low == pytest.approx(s.conservative, rel=1e-6)
    assert low < s.estimate < high


def kelvin_of(temperature):
    from shelflife.uncertainty._common import kelvin

    return float(kelvin(temperature)[0])


@pytest.mark.parametrize("order", ["zero", "first"])
def test_profile_shelf_life_agrees_with_delta_when_nearly_linear(order):
    t, T = _design()
    k = 0.01 * np.exp(-(60.0 / R) * (1 / T - 1 / 308.15))
    rng = np.random.default_rng(11)
    mu = 10 + 10 * k * t if order == "zero" else 10 * np.exp(k * t)
    fit = fit_floats(t, T, mu * (1 + rng.normal(0, 1e-3, t.size)), order=order, attribute=ATTR)
    s = fit.shelf_life("25 degC")
    prof = profile_shelf_life(fit, "25 degC")
    assert prof == pytest.approx(s.ci95, rel=1e-4)
    assert prof.delta == pytest.approx(s.ci95, rel=1e-9)


def test_profile_on_the_bundled_example(pv_fit):
    for name, p in pv_fit.parameters.items():
        prof = profile_interval(pv_fit, name)
        assert prof.low < p.value < prof.high
        assert prof == pytest.approx(p.ci95, rel=0.01)  # nearly linear problem
        assert prof.method == "profile-likelihood" and prof.level == 0.95
        assert not any(prof.open)
    s = pv_fit.shelf_life("30 degC")
    prof = profile_shelf_life(pv_fit, "30 degC")
    assert prof.estimate == pytest.approx(s.estimate, rel=1e-12)
    assert prof == pytest.approx(s.ci95, rel=0.01)
    # tau is monotone and crosses +-t at the ends
    assert np.all(np.diff(prof.tau) >= 0)


def test_profile_errors(linear_fit, pv_fit):
    with pytest.raises(InputError) as exc:
        profile_interval(linear_fit, "activation_energy")
    assert exc.value.code == "uncertainty_parameter_fixed"
    with pytest.raises(InputError) as exc:
        profile_interval(pv_fit, "ea")
    assert exc.value.code == "option_unknown"
    with pytest.raises(InputError) as exc:
        profile_interval(pv_fit, "activation_energy", level=95)
    assert exc.value.code == "option_unknown"


# ---------------------------------------------------------------------- Monte Carlo
def test_monte_carlo_reproduces_accelstab_vignette(potency_fit):
    """AccelStab's vignette: time to reach 9.0 at 5 °C from 10^4 multivariate-t draws has
    mean 69.57 months and 95 % interval [50.67, 92.50].

    Their draws are of (k1, k2, c0) of the unreparameterised model, where the absolute rate
    is c0·exp(k1 - k2/T); ours are of (A0, ln k_ref, Ea). The two agree to first order but
    differ through ln c0 inside the rate, and theirs is one unseeded run (Monte Carlo
    standard error of the mean about 0.1 month, of the 2.5/97.5 % quantiles about
    0.3/0.8 month); hence ±1.5 months on the mean and ±3 months on the ends. Over seeds
    0-5 we get means 69.2-69.4 and ends 50.6-50.9 / 91.9-92.9.
    """
    mc = monte_carlo(potency_fit, 10_000, seed=0, temperatures="5 degC")
    assert mc.dist == "t" and mc.dof == 52
    assert mc.shelf_life_mean[0] / MONTH == pytest.approx(69.57076, abs=1.5)
    lo, hi = mc.interval("5 degC")
    assert lo / MONTH == pytest.approx(50.67108, abs=3.0)
    assert hi / MONTH == pytest.approx(92.49551, abs=3.0)
    assert mc.shelf_life[0] / MONTH == pytest.approx(68.58, abs=0.05)  # point estimate


def test_monte_carlo_seed_and_distribution(pv_fit):
    a = monte_carlo(pv_fit, 5000, seed=3, temperatures="30 degC")
    b = monte_carlo(pv_fit, 5000, seed=3, temperatures="30 degC")
    n = monte_carlo(pv_fit, 5000, seed=3, temperatures="30 degC", dist="normal")
    assert np.array_equal(a.shelf_life_draws, b.shelf_life_draws)
    # same normal draws, t scales them by sqrt(dof/chi2): heavier tails
    assert np.std(a.parameter_draws[:, 2]) > np.std(n.parameter_draws[:, 2])
    p = pv_fit.parameters["activation_energy"]
    assert a.interval("activation_energy") == pytest.approx(p.ci95, rel=0.01)
    q = a.shelf_life_quantiles([0.025, 0.5, 0.975])
    assert list(q.columns) == ["temperature_C", "q0.025", "q0.5", "q0.975"]
    assert q.iloc[0, 1] == pytest.approx(a.interval("30 degC")[0], rel=1e-12)


def test_monte_carlo_keeps_fixed_parameters_fixed(linear_fit):
    mc = monte_carlo(linear_fit, 1000, temperatures="25 degC")
    ea = mc.parameter_draws[:, linear_fit.model.parameter_names.index("activation_energy")]
    assert np.all(ea == 60.0)


def test_probability_within_limit(pv_fit, potency_fit):
    for fit, T in ((pv_fit, "30 degC"), (potency_fit, "5 degC")):
        est = fit.shelf_life(T).estimate
        assert probability_within_limit(fit, sl.Q_(est, "day"), T) == pytest.approx(0.5, abs=0.03)
        times = sl.Q_(est * np.array([0.5, 0.8, 0.95, 1.0, 1.05, 1.2, 1.5]), "day")
        p = probability_within_limit(fit, times, T)
        assert np.all(np.diff(p) <= 0) and p[0] > 0.99 and p[-1] < 0.01
        # a new measurement scatters around the mean: less sure on either side
        pn = probability_within_limit(fit, times, T, kind="new_measurement")
        assert pn[0] <= p[0] and pn[-1] >= p[-1]
        assert pn[3] == pytest.approx(0.5, abs=0.03)
    # quantities, and reproducibility by seed
    a = probability_within_limit(pv_fit, sl.Q_(5, "month"), "30 degC", seed=4)
    b = probability_within_limit(pv_fit, sl.Q_(5 * MONTH, "day"), "303.15 K", seed=4)
    assert a == b and isinstance(a, float)
    # bare numbers are refused: units at the boundary
    with pytest.raises(sl.UnitError):
        probability_within_limit(pv_fit, 150.0, "30 degC")
    with pytest.raises(sl.UnitError):
        probability_within_limit(pv_fit, sl.Q_(150, "day"), 303.15)


# --------------------------------------------------------------------- result objects
def test_results_are_frozen(pv_fit):
    b = bootstrap(pv_fit, 50, temperatures="30 degC")
    mc = monte_carlo(pv_fit, 50, temperatures="30 degC")
    prof = profile_interval(pv_fit, "activation_energy")
    for res in (b, mc):
        with pytest.raises(dataclasses.FrozenInstanceError):
            res.n = 3
        with pytest.raises(ValueError):
            res.shelf_life_draws[0, 0] = 1.0
    with pytest.raises(AttributeError):
        prof.level = 0.9
    low, high = prof
    assert (low, high) == tuple(prof) and prof.low == low
    again = pickle.loads(pickle.dumps(prof))
    assert again == prof and again.method == prof.method


def test_to_dict_is_json_ready_and_says_what_each_interval_is(pv_fit):
    b = bootstrap(pv_fit, 300, kind="case", seed=2, temperatures=["30 degC", "25 degC"])
    mc = monte_carlo(pv_fit, 300, seed=2, temperatures="30 degC")
    prof = profile_shelf_life(pv_fit, "30 degC")
    for d in (b.to_dict(), mc.to_dict(), prof.to_dict()):
        json.dumps(d, allow_nan=False)
    d = b.to_dict()
    assert d["method"] == "bootstrap-case" and d["n"] == 300 and d["seed"] == 2
    ea = d["parameters"]["activation_energy"]
    assert ea["unit"] == "kJ/mol"
    for iv in ea["intervals"]:
        assert {"method", "level", "n", "seed", "type", "interval"} <= set(iv)
    assert {iv["type"] for iv in ea["intervals"]} == {"percentile", "bca"}
    assert d["shelf_life"][1]["temperature"] == {"value": 25.0, "unit": "degC"}
    assert d["shelf_life"][0]["estimate"]["unit"] == "day"
    assert mc.to_dict()["parameters"]["rate_constant_ref"]["intervals"][0]["method"] == (
        "monte-carlo-t"
    )
    p = prof.to_dict()
    assert p["method"] == "profile-likelihood" and p["level"] == 0.95 and p["criterion"] == "F"


def test_infinite_shelf_lives_are_kept_and_serialised_as_none():
    t, T = _design()
    rng = np.random.default_rng(0)
    y = 10.0 + 0.001 * t * (T - 290) / 20 + rng.normal(0, 0.3, t.size)  # barely moving
    fit = fit_floats(t, T, y, order="zero", attribute=Attribute("x", "", 10.5, "max"), sign=1.0)
    mc = monte_carlo(fit, 2000, temperatures="5 degC")
    assert np.isinf(mc.shelf_life_draws).any() or np.isinf(mc.interval("5 degC")[1])
    json.dumps(mc.to_dict(), allow_nan=False)


def test_summary_html_and_plot(pv_fit):
    import matplotlib

    matplotlib.use("Agg")
    b = bootstrap(pv_fit, 200, temperatures="30 degC")
    df = b.summary()
    assert {"percentile_low", "percentile_high", "bca_low", "bca_high", "method"} <= set(df)
    assert df.loc["activation_energy", "unit"] == "kJ/mol"
    assert "shelf_life (30 °C)" in df.index
    assert "Bootstrap" in b._repr_html_()
    ax = b.plot()
    assert "30 °C" in ax.get_xlabel()
    ax = b.plot(parameter="activation_energy", lang="id")
    assert ax.get_xlabel() == "Ea [kJ/mol]"
    mc = monte_carlo(pv_fit, 200)
    assert "Ea" in mc.plot().get_xlabel()  # no temperatures: the activation energy
    prof = profile_shelf_life(pv_fit, "30 degC")
    assert prof.plot().get_ylabel() == "τ"
    assert "profile" in prof._repr_html_().lower() and len(prof.summary()) == 1
    import matplotlib.pyplot as plt

    plt.close("all")


def test_input_checks(pv_fit):
    with pytest.raises(InputError) as exc:
        bootstrap(pv_fit, 10, kind="wild")
    assert exc.value.code == "option_unknown"
    with pytest.raises(UnitError):
        bootstrap(pv_fit, 10, temperatures=30.0)  # a Celsius number passed as kelvin
    no_limit = fit_floats(pv_fit.time, pv_fit.temperature, pv_fit.value, order="first")
    with pytest.raises(InputError) as exc:
        monte_carlo(no_limit, 10, temperatures="30 degC")
    assert exc.value.code == "limit_invalid"
    assert monte_carlo(no_limit, 10).temperatures.size == 0  # parameters only is fine
    with pytest.raises(InputError) as exc:
        probability_within_limit(pv_fit, 100.0, "30 degC", kind="mean_response")
    assert exc.value.code == "option_unknown"
    b = bootstrap(pv_fit, 20, temperatures="30 degC", bca=False)
    with pytest.raises(InputError) as exc:
        b.interval("activation_enrgy")
    assert exc.value.code == "option_unknown" and "activation_energy" in exc.value.render()
    with pytest.raises(InputError):
        b.interval("25 degC")  # not bootstrapped
    with pytest.raises(InputError):
        b.interval("30 degC", kind="bca")  # not computed


def test_humidity_model_needs_rh():
    rng = np.random.default_rng(4)
    t = np.tile(np.arange(0.0, 43.0, 7.0), 4)
    T = np.repeat([303.15, 303.15, 313.15, 313.15], 7)
    rh = np.repeat([60.0, 75.0, 60.0, 75.0], 7)
    k = 0.01 * np.exp(-(70 / R) * (1 / T - 1 / 308.15) + 0.03 * (rh - 67.5))
    y = 100 * np.exp(-k * t) + rng.normal(0, 0.3, t.size)
    fit = fit_floats(
        t,
        T,
        y,
        order="first",
        temperature_model="arrhenius_rh",
        rh=rh,
        attribute=Attribute("x", "%", 80.0, "min"),
    )
    with pytest.raises(InputError) as exc:
        bootstrap(fit, 20, temperatures="30 degC")
    assert exc.value.code == "rh_required"
    b = bootstrap(fit, 300, kind="case", temperatures="30 degC", rh="70 %")
    s = fit.shelf_life_floats(np.array([303.15]), rh=np.array([70.0]))
    assert b.shelf_life[0] == pytest.approx(s["estimate"][0], rel=1e-12)
    assert len(_strata(fit)) == 4  # (T, RH) conditions
    prof = profile_shelf_life(fit, "30 degC", rh="70 %")
    assert prof == pytest.approx((s["low"][0], s["high"][0]), rel=0.02)


def test_no_covariance_is_refused_for_monte_carlo(pv_fit):
    broken = dataclasses.replace(pv_fit, cov=np.full_like(pv_fit.cov, np.nan))
    with pytest.raises(FitError) as exc:
        monte_carlo(broken, 10)
    assert exc.value.code == "uncertainty_no_covariance"


# ---------------------------------------------------------------------------- helpers
@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=40),
    st.floats(0.0, 1.0),
)
def test_quantiles_match_numpy_on_finite_draws(values, p):
    x = np.array(values)
    assert quantiles(x, [p])[0, 0] == pytest.approx(np.quantile(x, p), rel=1e-12, abs=1e-9)


def test_quantiles_keep_infinity_and_skip_nan():
    x = np.array([1.0, 2.0, 3.0, np.inf, np.nan])
    q = quantiles(x, [0.0, 0.5, 0.99, 1.0])[:, 0]
    assert q[0] == 1.0 and q[1] == 2.5 and np.isinf(q[2]) and np.isinf(q[3])


@pytest.mark.parametrize("which", ["pv_fit", "linear_fit"])  # first order: loop; zero: batched
def test_shelf_life_many_matches_the_prediction_rule(which, request):
    fit = request.getfixturevalue(which)
    limit = fit.attribute.limit
    T = np.array([288.15, 303.15, 318.15])
    draws = fit.theta + np.random.default_rng(0).normal(0, 0.01, (20, 3))
    got = shelf_life_many(fit.model, draws, T, limit, "max")
    for b in range(20):
        want = fit.model.time_to_limit(draws[b], T, limit)
        assert got[b] == pytest.approx(want, rel=1e-12)
    beyond = draws.copy()
    beyond[:, 0] = limit + 1.0  # already above the limit at time zero
    assert np.all(shelf_life_many(fit.model, beyond, T, limit, "max") == 0.0)


def test_import_stays_light():
    code = (
        "import sys, shelflife.uncertainty; "
        "print('scipy.stats' in sys.modules, 'pandas' in sys.modules, 'tqdm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_failed_refits_are_left_out_and_reported(pv_fit, monkeypatch):
    from shelflife.uncertainty import resampling as module

    real = module.fit_many

    def failing(*args, **kwargs):
        res = real(*args, **kwargs)
        if res.thetas.shape[0] == 100:  # the resamples, not the jackknife
            conv = res.converged.copy()
            conv[:3] = False
            thetas = res.thetas.copy()
            thetas[:3] = np.nan
            res = dataclasses.replace(res, thetas=thetas, converged=conv)
        return res

    monkeypatch.setattr(module, "fit_many", failing)
    with pytest.warns(sl.ShelfLifeWarning, match="bootstrap_not_converged"):
        b = bootstrap(pv_fit, 100, temperatures="30 degC")
    assert b.n_converged == 97 and b.parameter_draws.shape == (97, 3)
    assert b.shelf_life_draws.shape == (97, 1)
    assert b.notices[-1].params["failed"] == 3
    assert b.to_dict()["warnings"][-1]["code"] == "bootstrap_not_converged"


def test_a_fit_that_did_not_converge_is_flagged(pv_fit):
    bad = dataclasses.replace(pv_fit, converged=False, message="iteration limit")
    assert [n.code for n in bootstrap(bad, 20, bca=False).notices] == ["fit_not_converged"]
    assert [n.code for n in monte_carlo(bad, 20).notices] == ["fit_not_converged"]


def test_per_temperature_initial_values(pv_fit):
    """One A0 per storage temperature: resampling and profiles follow the model's layout."""
    fit = fit_floats(
        pv_fit.time,
        pv_fit.temperature,
        pv_fit.value,
        order="first",
        attribute=pv_fit.attribute,
        initial="per_temperature",
    )
    for T in ("30 degC", "35 degC"):  # the mean A0, and a tested temperature's own A0
        s = fit.shelf_life(T)
        b = bootstrap(fit, 300, kind="case", temperatures=T)
        assert b.shelf_life[0] == pytest.approx(s.estimate, rel=1e-12)
        assert b.interval(T) == pytest.approx(s.ci95, rel=0.1)
        mc = monte_carlo(fit, 2000, temperatures=T)
        assert mc.interval(T) == pytest.approx(s.ci95, rel=0.05)
        assert profile_shelf_life(fit, T) == pytest.approx(s.ci95, rel=0.05)
