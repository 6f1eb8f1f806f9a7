"""A whole study along temperature histories; continuous histories by ODE integration."""

import json
import math

import numpy as np
import pytest

import shelflife as sl
from shelflife import Q_
from shelflife.cli import main
from shelflife.continuous import (
    linear_history,
    quality_along_continuous,
    time_to_limit_continuous,
)
from shelflife.distribution import predict_history
from shelflife.distribution.sources import resolve_history
from shelflife.errors import InputError
from shelflife.profiles import (
    TemperatureProfile,
    remaining_shelf_life,
    time_to_limit_along,
)
from shelflife.units import GAS_CONSTANT

EXAMPLE = sl.examples.example_path("keripik-tempe") if hasattr(sl, "examples") else None


@pytest.fixture(scope="module")
def analysis():
    return sl.analyze(sl.load_example("keripik-tempe"), emit_warnings=False)


def _k(fit, T_K):
    return float(np.exp(fit.model.log_rate(fit.theta, np.array([T_K])))[0])


# ------------------------------------------------------------------ whole study
def test_each_attribute_matches_the_single_fit_functions(analysis):
    trip = TemperatureProfile.from_steps([("7 day", "30 degC"), ("30 day", "38 degC")])
    hp = predict_history(analysis, trip, at="25 degC", source="trip")
    assert len(hp.attributes) == len(analysis.attributes)
    for aa in analysis.attributes:
        one = remaining_shelf_life(aa.fit, trip, at="25 degC")
        got = hp[aa.attribute.name]
        assert got.remaining.estimate == pytest.approx(one.estimate, rel=1e-12)
        assert got.remaining.ci95 == pytest.approx(one.ci95, rel=1e-12)
        assert got.time_to_limit == time_to_limit_along(aa.fit, trip).magnitude
    rem = {a.attribute: a.remaining.estimate for a in hp.attributes}
    assert hp.limiting_attribute == min(rem, key=rem.get)


def test_remaining_closed_form_two_steps(analysis):
    """t_rem = (tau_c - k1 d1 - k2 d2) / k(T_at), with tau_c from the isothermal shelf life."""
    fit = analysis.attributes[0].fit
    trip = TemperatureProfile.from_steps([("10 day", "30 degC"), ("20 day", "40 degC")])
    hp = predict_history(analysis, trip, at="30 degC")
    k30, k40 = _k(fit, 303.15), _k(fit, 313.15)
    t30 = fit.shelf_life("30 degC").estimate  # isothermal: tau_c = k30 * t30
    tau_c = k30 * t30
    expected = (tau_c - 10 * k30 - 20 * k40) / k30
    assert hp[fit.attribute.name].remaining.estimate == pytest.approx(expected, rel=1e-10)
    assert hp[fit.attribute.name].used_fraction == pytest.approx(
        (10 * k30 + 20 * k40) / tau_c, rel=1e-10
    )


def test_effective_temperature_of_a_constant_history_is_that_temperature(analysis):
    hp = predict_history(analysis, TemperatureProfile.constant("33 degC", "40 day"))
    for a in hp.attributes:
        assert a.effective_temperature == pytest.approx(306.15, abs=1e-6)


def test_effective_temperature_reproduces_the_mean_rate(analysis):
    trip = TemperatureProfile.from_steps([("3 day", "20 degC"), ("1 day", "45 degC")])
    hp = predict_history(analysis, trip)
    for aa in analysis.attributes:
        fit = aa.fit
        k_mean = (3 * _k(fit, 293.15) + _k(fit, 318.15)) / 4
        T_eff = hp[aa.attribute.name].effective_temperature
        assert _k(fit, T_eff) == pytest.approx(k_mean, rel=1e-9)
    # USP MKT uses 83.144 kJ/mol, not the product's Ea: computed independently
    b = 83.144 / GAS_CONSTANT
    mkt = b / -math.log((3 * math.exp(-b / 293.15) + math.exp(-b / 318.15)) / 4)
    assert hp.mean_kinetic_temperature == pytest.approx(mkt, abs=1e-9)


def test_notices_outside_tested_range_and_limit_reached(analysis):
    hot = TemperatureProfile.constant("55 degC", "200 day")
    hp = predict_history(analysis, hot)
    codes = {n.code for n in hp.notices}
    assert {"history_outside_tested", "history_limit_reached"} <= codes
    assert all(np.isfinite(a.time_to_limit) for a in hp.attributes)
    assert all(a.remaining.estimate == 0 for a in hp.attributes)
    d = hp.to_dict()
    assert {w["code"] for w in d["warnings"]} >= codes
    json.dumps(d, allow_nan=False)


def test_json_keys_are_added_only(analysis):
    trip = TemperatureProfile.constant("30 degC", "30 day")
    hp = predict_history(analysis, trip, source="x")
    base = analysis.to_dict()
    extended = analysis.to_dict(extras=[hp])
    assert set(extended) - set(base) == {"history"}
    assert all(extended[k] == base[k] for k in base)
    h = extended["history"]
    assert h["source"] == "x" and h["limiting_attribute"] == hp.limiting_attribute
    assert h["mean_kinetic_temperature"]["delta_h"]["value"] == 83.144


@pytest.mark.parametrize("lang", ["en", "id"])
def test_report_section_and_text(analysis, lang):
    trip = TemperatureProfile.from_steps([("7 day", "30 degC"), ("30 day", "38 degC")])
    hp = predict_history(analysis, trip, source="trip A")
    html = analysis.report(lang=lang, extras=[hp])
    assert 'id="history"' in html and "trip A" in html and "<svg" in html
    text = hp.summary_text(lang)
    assert ("Sepanjang riwayat" in text) == (lang == "id")
    if lang == "id":
        assert "," in text.split("\n")[1]  # decimal comma


def test_plot_and_repr(analysis):
    trip = TemperatureProfile.daily_cycle("30 degC", "6 K", "20 day")
    hp = predict_history(analysis, trip)
    ax = hp.plot()
    assert ax.get_ylabel()
    assert "<table>" in hp._repr_html_()
    df = hp.remaining_along()
    assert len(df) == len(trip) and df["remaining_day"].is_monotonic_decreasing


# ------------------------------------------------------------------ sources
def test_resolve_steps_and_errors():
    r = resolve_history("30 degC for 7 day; 38 degC for 30 day")
    assert r.kind == "steps" and r.profile.duration_days == pytest.approx(37)
    assert r.profile.temperatures[1] == pytest.approx(311.15)
    with pytest.raises(InputError) as err:
        resolve_history("30 degC for 7 bananas")
    assert err.value.code in ("unit_unknown", "unit_wrong_dimension")


def test_cli_predict_with_steps(tmp_path, capsys):
    study = sl.examples.example_path("keripik-tempe")
    out = tmp_path / "out"
    code = main(
        [
            "predict",
            str(study),
            "--history",
            "30 degC for 7 day; 38 degC for 30 day",
            "--out",
            str(out),
            "--lang",
            "id",
        ]
    )
    assert code == 0
    data = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert data["history"]["duration"]["value"] == pytest.approx(37)
    assert 'id="history"' in (out / "report.html").read_text(encoding="utf-8")
    assert "Sepanjang riwayat" in capsys.readouterr().out


def test_cli_predict_bad_history_exit_2_and_nothing_written(tmp_path, capsys):
    study = sl.examples.example_path("keripik-tempe")
    out = tmp_path / "out"
    code = main(["predict", str(study), "--history", "missing.csv", "--out", str(out)])
    assert code == 2 and not out.exists()
    assert "Traceback" not in capsys.readouterr().err


# ------------------------------------------------------------------ continuous (ODE)
def test_ode_agrees_with_the_exact_step_sum(analysis):
    """A piecewise-linear history sampled finely into steps converges to the ODE result."""
    fit = analysis.attributes[0].fit
    T = linear_history(Q_([0, 20, 40], "day"), Q_([25, 45, 30], "degC"))
    ode = float(time_to_limit_continuous(fit, T, "400 day").magnitude)
    n = 40 * 2000
    mid = (np.arange(n) + 0.5) / n * 40
    steps = TemperatureProfile(
        np.full(n, 40 / n), np.interp(mid, [0, 20, 40], [298.15, 318.15, 303.15])
    ) + TemperatureProfile.constant("30 degC", "400 day")
    exact = float(time_to_limit_along(fit, steps).magnitude)
    # midpoint rule: error O(h^2) = O((40/80000)^2 * max|k''|) -- far below 1e-6 relative
    assert ode == pytest.approx(exact, rel=1e-6)


def test_ode_against_independent_quadrature(analysis):
    """First-order kinetics: tau(t) = integral of k(T(u)) du, checked with scipy quad."""
    from scipy.integrate import quad

    fit = analysis.attributes[0].fit

    def T_of(t):
        return 303.15 + 8 * np.sin(2 * np.pi * t)

    def T(q):
        return Q_(T_of(np.asarray(q.m_as("day"))), "K")

    df = quality_along_continuous(fit, T, "10 day", points=11)
    tau_quad = quad(lambda u: _k(fit, T_of(u)), 0, 10, limit=400, epsabs=1e-13)[0]
    assert df["kinetic_time"].iloc[-1] == pytest.approx(tau_quad, rel=1e-7)
    p = [float(fit.model.initial_value(fit.theta)), *fit.model.split(fit.theta)[0][1:]]
    expected = fit.model.order.response(tau_quad, 1.0, p, fit.model.sign)
    assert df["value"].iloc[-1] == pytest.approx(float(expected), rel=1e-7)


def test_ode_limit_reached_and_bad_input(analysis):
    fit = analysis.attributes[0].fit

    def hot(q):
        return Q_(np.full(np.shape(q.m_as("day")), 60.0), "degC")

    t = time_to_limit_continuous(fit, hot, "1000 day").magnitude
    # constant temperature: the ODE event equals the isothermal shelf life
    assert t == pytest.approx(fit.shelf_life("60 degC").estimate, rel=1e-7)
    assert math.isinf(time_to_limit_continuous(fit, hot, "0.5 day").magnitude)
    with pytest.raises(InputError):
        linear_history(Q_([0, 0], "day"), Q_([20, 30], "degC"))
    with pytest.raises(sl.errors.UnitError):
        time_to_limit_continuous(fit, lambda q: 30.0, "10 day")


# ------------------------------------------------------------------ route and label
@pytest.fixture(scope="module")
def assessment(analysis):
    from shelflife.distribution.route import assess_route

    return assess_route(analysis, "rotterdam", season="summer", n=3000, seed=11)


def test_route_assessment_uses_the_same_shipments_for_every_attribute(assessment):
    sims = assessment.simulations
    assert len({s.attribute for s in sims}) == len(sims) > 1
    for s in sims[1:]:
        np.testing.assert_array_equal(s.transit_days, sims[0].transit_days)


def test_delivered_is_the_smaller_of_quality_and_printed_date(assessment):
    sims = assessment.simulations
    quality = np.minimum.reduce([s.remaining_days for s in sims])
    printed = assessment.labelled.approx_days - sims[0].transit_days
    np.testing.assert_allclose(assessment.delivered, np.maximum(np.minimum(quality, printed), 0.0))
    r = assessment.readiness
    q05, q50 = np.quantile(assessment.delivered, [0.05, 0.5])
    assert r.remaining == pytest.approx(q50) and r.low == pytest.approx(q05)
    # the verdict follows the documented rule
    req = r.requirement.days
    expected = "ready" if q05 >= req else ("marginal" if q50 >= req else "not_ready")
    assert r.verdict == expected
    p = assessment.probability_meets_requirement
    assert p == pytest.approx(np.mean(assessment.delivered >= req))


def test_labelled_shelf_life_is_the_limiting_conservative_value(analysis, assessment):
    from shelflife.distribution.route import limiting_shelf_life

    tested = limiting_shelf_life(analysis, analysis.storage_temperatures[0])
    cons = [
        aa.fit.shelf_lives_at_kelvin(np.array([analysis.storage_temperatures[0]]))[0].conservative
        for aa in analysis.attributes
    ]
    assert tested.conservative == min(cons)
    # EU: no safety factor, whole months rounded down
    assert assessment.labelled.unit == "month"
    assert assessment.labelled.approx_days <= tested.conservative


def test_route_json_and_report(analysis, assessment):
    d = analysis.to_dict(extras=[assessment])
    assert d["route"]["market"] == "eu" and d["route"]["scenario"] == "rotterdam"
    assert d["route"]["readiness"]["verdict"] in ("ready", "marginal", "not_ready")
    json.dumps(d, allow_nan=False)
    html = analysis.report("id", extras=[assessment])
    assert 'id="route"' in html and "Pengiriman ke Uni Eropa" in html


def test_label_study_and_json(analysis):
    from shelflife.distribution.label import label_study

    lab = label_study(analysis, "Japan", "2027-01-15")
    d = lab.to_dict()
    assert d["market"] == "jp" and d["lines"][0].startswith("賞味期限")
    # Japan's default safety factor (0.8) is applied before rounding down to whole days/months
    rec = d["recommendation"]
    assert rec["safety_factor"] == pytest.approx(0.8)
    assert lab.tested.conservative * 0.8 >= lab.label.shelf_life.approx_days
    html = analysis.report("en", extras=[lab])
    assert 'id="label"' in html and "Label for Japan" in html


def test_cli_route_and_label(tmp_path, capsys):
    study = str(sl.examples.example_path("keripik-tempe"))
    assert main(["route", study, "--to", "Jeddah", "--runs", "500", "--seed", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"]["market"] == "gcc"
    out = tmp_path / "lab"
    code = main(
        [
            "label",
            study,
            "--market",
            "EU",
            "--produced",
            "2027-01-15",
            "--out",
            str(out),
            "--lang",
            "id",
        ]
    )
    assert code == 0
    assert json.loads((out / "result.json").read_text(encoding="utf-8"))["label"]["lines"]
    assert main(["route", "--list"]) == 0 and "rotterdam" in capsys.readouterr().out
    assert main(["label", study, "--market", "EU"]) == 2
    assert "--produced" in capsys.readouterr().err
    assert main(["label", study, "--market", "Mars", "--produced", "2027-01-15"]) == 2
    assert "au_nz" in capsys.readouterr().err


def test_analytic_interval_gradient_matches_central_differences(analysis):
    """The rate part of d ln(t_rem)/d theta is analytic; check it against finite differences."""
    from shelflife.profiles import _log_remaining_gradient, _remaining_days

    trip = TemperatureProfile.from_steps([("7 day", "30 degC"), ("30 day", "38 degC")])
    for aa in analysis.attributes:
        fit = aa.fit
        m, th = fit.model, fit.theta
        args = (trip, 20.0, 298.15, None, fit.attribute.limit, fit.attribute.direction)
        g = _log_remaining_gradient(m, th, *args)
        fd = np.empty_like(th)
        for i in range(th.size):
            h = 1e-5 * max(abs(th[i]), 1e-3)
            tp, tm = th.copy(), th.copy()
            tp[i] += h
            tm[i] -= h
            fd[i] = (
                np.log(_remaining_days(m, tp, *args)[0]) - np.log(_remaining_days(m, tm, *args)[0])
            ) / (2 * h)
        # central differences are O(h^2) accurate: 1e-6 relative is ample
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-9)
