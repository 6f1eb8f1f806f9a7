"""Model choice and diagnostics: AICc ranking, lack of fit, studentised residuals,
Arrhenius curvature, parameters at bounds, and their plots."""

import json
import math
import re
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import shelflife as sl  # noqa: E402
from shelflife import diagnostics as dg  # noqa: E402
from shelflife import plotting  # noqa: E402
from shelflife.errors import InputError, Notice  # noqa: E402
from shelflife.fitting import fit_arrays, fit_floats  # noqa: E402

R = 8.314462618e-3  # kJ/(mol K)
POTENCY = Path(__file__).parent / "reference_data" / "accelstab-potency-zero-order-arrhenius"
UNIT = re.compile(r"\[[^\]]+\]")
FIVE_TEMPS_C = (20.0, 27.5, 35.0, 42.5, 50.0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _codes(notices):
    return [n.code for n in notices]


def _assert_renders(notices):
    """Every notice has all its template fields, in both languages."""
    for n in notices:
        for lang in ("en", "id"):
            assert "?" not in n.message(lang), (n.code, n.message(lang))


# ------------------------------------------------------------------ simulated data
def first_order_data(seed=1, temps_c=(25.0, 35.0, 45.0), sd=0.015):
    """Clearly first-order loss (to ~3 % remaining at 45 °C), 2 replicates, weekly."""
    rng = np.random.default_rng(seed)
    t, T, y = [], [], []
    for c in temps_c:
        TK = c + 273.15
        k = 0.02 * np.exp(-(90.0 / R) * (1 / TK - 1 / 308.15))
        for day in np.arange(0.0, 57.0, 7.0):
            for _ in range(2):
                t.append(day)
                T.append(TK)
                y.append(100 * np.exp(-k * day) * (1 + rng.normal(0, sd)))
    return np.array(t), np.array(T), np.array(y)


def five_temperature_data(log_k, seed, sd=1.0):
    """First-order loss to 50 % at each of five temperatures, 7 pulls, 2 replicates."""
    rng = np.random.default_rng(seed)
    t, T, y = [], [], []
    for c in FIVE_TEMPS_C:
        TK = c + 273.15
        k = float(np.exp(log_k(TK)))
        for day in np.linspace(0.0, np.log(2) / k, 7):
            for _ in range(2):
                t.append(day)
                T.append(TK)
                y.append(100 * np.exp(-k * day) + rng.normal(0, sd))
    return np.array(t), np.array(T), np.array(y)


def _x(TK):
    return -(1 / TK - 1 / 308.15) / R


def straight(TK):
    return np.log(0.02) + 90.0 * _x(TK)


def broken(TK):
    """Two Ea regimes meeting at 35 °C: 40 kJ/mol below, 150 kJ/mol above."""
    return np.log(0.02) + (40.0 if TK <= 308.15 else 150.0) * _x(TK)


def smooth_bend(TK):
    """ln k quadratic in 1/T: the apparent Ea rises from 50 at 20 °C to 125 kJ/mol at 50 °C."""
    return np.log(0.02) + 90.0 * _x(TK) + 1000.0 * _x(TK) ** 2


@pytest.fixture(scope="module")
def potency_nth():
    df = pd.read_csv(POTENCY / "data.csv")
    df = df[df.used_for_fit == 1]
    return fit_arrays(
        sl.Q_(df.time_months.to_numpy(), "month"),
        sl.Q_(df.celsius.to_numpy(), "degC"),
        df.potency.to_numpy(),
        unit="",
        limit=9.0,
        direction="min",
        order="nth",
    )


@pytest.fixture(scope="module")
def pv_fit(analysis):
    return analysis["peroxide_value"].fit


# ------------------------------------------------------------------ lack of fit
def test_lack_of_fit_matches_hand_computation():
    # Replicate pairs at t = 0, 1, 2 (one temperature, zero order: a straight line).
    # Group means 2, 5, 6; SS_pe = 6 on 3 df. The least-squares line through all six
    # points is the line through the means, 7/3 + 2 t, missing them by -1/3, 2/3, -1/3:
    # SS_lof = 2 (1/9 + 4/9 + 1/9) = 4/3 on 3 - 2 = 1 df. F = (4/3) / (6/3) = 2/3.
    t = np.array([0.0, 0, 1, 1, 2, 2])
    y = np.array([1.0, 3, 4, 6, 5, 7])
    fit = fit_floats(t, np.full(6, 298.15), y, order="zero", temperature_model="isothermal")
    lof = dg.lack_of_fit(fit)
    assert lof is not None
    assert (lof.df_lack_of_fit, lof.df_pure_error) == (1, 3)
    assert (lof.n_groups, lof.n_replicated_groups) == (3, 3)
    assert lof.ss_pure_error == pytest.approx(6.0, abs=1e-12)
    assert lof.ss_lack_of_fit == pytest.approx(4.0 / 3.0, abs=1e-12)
    assert lof.f_statistic == pytest.approx(2.0 / 3.0, abs=1e-12)
    # F(1, 3) = T_3^2, and Student's t with 3 df has a closed-form distribution function:
    # P(|T| > x) = 1 - (2/pi) [atan(x/sqrt 3) + (x/sqrt 3)/(1 + x^2/3)].
    x = math.sqrt(2.0 / 3.0) / math.sqrt(3.0)
    p_hand = 1.0 - (2.0 / math.pi) * (math.atan(x) + x / (1.0 + x * x))
    assert lof.p_value == pytest.approx(p_hand, abs=1e-12)
    assert lof.pure_error_sd == pytest.approx(math.sqrt(2.0), abs=1e-12)
    assert not lof.significant()
    d = lof.to_dict()
    assert d["df_lack_of_fit"] == 1 and json.dumps(d)


def test_lack_of_fit_partitions_the_residual_sum_of_squares(pv_fit):
    lof = dg.lack_of_fit(pv_fit)
    assert lof is not None
    assert lof.ss_lack_of_fit + lof.ss_pure_error == pytest.approx(
        pv_fit.statistics["sse"], rel=1e-10
    )
    # 3 temperatures x 7 pulls x 3 replicates, 3 parameters
    assert (lof.n_groups, lof.df_pure_error, lof.df_lack_of_fit) == (21, 42, 18)


def test_lack_of_fit_flags_the_wrong_order(analysis):
    # Peroxide value is simulated first order: the zero-order alternative misses the
    # replicate means, the first-order fit does not.
    a = analysis["peroxide_value"]
    zero = next(f for f in (a.fit, *a.alternatives) if f.order == "zero")
    first = next(f for f in (a.fit, *a.alternatives) if f.order == "first")
    assert dg.lack_of_fit(zero).significant()
    assert not dg.lack_of_fit(first).significant()
    notices = dg.diagnose(zero)
    assert "lack_of_fit" in _codes(notices)
    _assert_renders(notices)


def test_no_replicates_no_lack_of_fit_test():
    t = np.arange(8.0)
    y = 1.0 + 0.5 * t + np.sin(t) * 0.1
    fit = fit_floats(t, np.full(8, 300.0), y, order="zero", temperature_model="isothermal")
    assert dg.lack_of_fit(fit) is None


# --------------------------------------------------------------- residuals
def test_leverages_sum_to_the_number_of_free_parameters(pv_fit, potency_nth):
    assert dg.leverages(pv_fit).sum() == pytest.approx(3.0, abs=1e-9)
    h = dg.leverages(potency_nth)
    assert h.sum() == pytest.approx(4.0, abs=1e-9)
    assert np.all((h >= 0) & (h <= 1))
    # a fixed parameter does not count
    t, T, y = first_order_data()
    fixed = fit_floats(t, T, y, order="first", fixed={"initial_value": 100.0})
    assert fixed.statistics["p"] == 2
    assert dg.leverages(fixed).sum() == pytest.approx(2.0, abs=1e-9)


def test_studentized_residuals_equal_ols_closed_form():
    # Zero order at one temperature is linear in (A0, k): the tangent-plane hat matrix is
    # the ordinary hat matrix of the design [1, t].
    rng = np.random.default_rng(7)
    t = np.array([0.0, 0, 5, 10, 10, 20, 30, 30, 45, 60, 60, 90])
    y = 2.0 + 0.03 * t + rng.normal(0, 0.1, t.size)
    fit = fit_floats(t, np.full(t.size, 303.15), y, order="zero", temperature_model="isothermal")
    X = np.column_stack([np.ones_like(t), t])
    H = X @ np.linalg.solve(X.T @ X, X.T)
    e = y - H @ y
    h = np.diag(H)
    s = np.sqrt(e @ e / (t.size - 2))
    r_ols = e / (s * np.sqrt(1 - h))
    np.testing.assert_allclose(dg.leverages(fit), h, rtol=0, atol=1e-9)
    np.testing.assert_allclose(dg.studentized_residuals(fit), r_ols, rtol=0, atol=1e-9)


def test_outlier_is_flagged_with_its_row():
    t, T, y = first_order_data(seed=3)
    y = y.copy()
    i = 30
    y[i] += 12.0  # about 8 residual standard deviations
    rows = np.arange(t.size) + 2  # spreadsheet rows below a header
    fit = fit_floats(t, T, y, order="first", rows=rows)
    r = dg.studentized_residuals(fit)
    assert abs(r[i]) > 3 and np.argmax(np.abs(r)) == i
    notices = dg.suspected_outliers(fit)
    assert _codes(notices) == ["suspected_outliers"]
    assert notices[0].category == "plausibility"
    assert f"row(s) {rows[i]} (" in notices[0].message("en")
    assert f"baris {rows[i]} (" in notices[0].message("id")
    _assert_renders(notices)
    d = dg.run_diagnostics(fit)
    assert i in d.outliers
    out = d.to_dict()
    assert out["outliers"][0]["row"] == rows[i]
    json.dumps(out)


# --------------------------------------------------------------- curvature
def test_curvature_detects_a_break_between_two_ea_regimes():
    t, T, y = five_temperature_data(broken, seed=11)
    fit = fit_floats(t, T, y, order="first")
    c = dg.arrhenius_curvature(fit)
    assert c.testable and c.method == "one_step" and c.n_temperatures == 5
    assert c.p_value < 1e-6 and c.significant()
    assert c.coefficient > 0  # steeper at high temperature
    assert c.apparent_low < fit.parameters["activation_energy"].value < c.apparent_high
    assert c.apparent_low == pytest.approx(40, abs=25)  # true regimes: 40 and 150 kJ/mol
    assert c.apparent_high == pytest.approx(150, abs=25)
    notices = dg.diagnose(fit)
    assert "arrhenius_curvature" in _codes(notices)
    _assert_renders(notices)
    json.dumps(c.to_dict())


def test_curvature_stays_quiet_for_a_straight_arrhenius_line():
    t, T, y = five_temperature_data(straight, seed=11)
    fit = fit_floats(t, T, y, order="first")
    for method in ("one_step", "two_step"):
        c = dg.arrhenius_curvature(fit, method=method)
        assert c.testable and c.p_value > 0.2, (method, c.p_value)
    assert "arrhenius_curvature" not in _codes(dg.diagnose(fit))
    assert "arrhenius_curvature" not in _codes(dg.diagnose(fit, curvature_method="two_step"))


def test_two_step_curvature_test_on_weighted_rate_constants():
    t, T, y = five_temperature_data(smooth_bend, seed=5)
    fit = fit_floats(t, T, y, order="first")
    c = dg.arrhenius_curvature(fit, method="two_step")
    assert c.testable and c.weighted and c.dof == 2
    assert c.p_value < 0.05 and c.coefficient > 0
    # apparent Ea at the ends: secant slopes of 90 x + 1000 x^2 over the two coldest and
    # the two hottest temperatures (60 and 117 kJ/mol)
    T = np.array(FIVE_TEMPS_C) + 273.15
    assert c.apparent_low == pytest.approx(90 + 1000 * (_x(T[0]) + _x(T[1])), abs=5)
    assert c.apparent_high == pytest.approx(90 + 1000 * (_x(T[3]) + _x(T[4])), abs=5)
    # the t statistic is b2 / se(b2) and F = t^2
    assert c.f_statistic == pytest.approx(c.t_statistic**2, rel=1e-12)


def test_two_step_quadratic_matches_weighted_least_squares_by_hand():
    t, T, y = five_temperature_data(smooth_bend, seed=5)
    fit = fit_floats(t, T, y, order="first")
    rates = fit.two_step.rates
    k = np.array([r.rate_constant for r in rates])
    w = (k / np.array([r.stderr for r in rates])) ** 2
    x = -(1 / np.array([r.temperature for r in rates]) - 1 / fit.model.reference_temperature) / R
    X = np.column_stack([np.ones(5), x, x**2])
    W = np.diag(w)
    beta = np.linalg.solve(X.T @ W @ X, X.T @ W @ np.log(k))
    res = np.log(k) - X @ beta
    s2 = res @ W @ res / 2
    se = np.sqrt(np.linalg.inv(X.T @ W @ X)[2, 2] * s2)
    c = dg.arrhenius_curvature(fit, method="two_step")
    assert c.coefficient == pytest.approx(beta[2], rel=1e-9)
    assert c.stderr == pytest.approx(se, rel=1e-9)


def test_three_temperatures_cannot_test_curvature(pv_fit):
    for method in ("one_step", "two_step"):
        c = dg.arrhenius_curvature(pv_fit, method=method)
        assert not c.testable and c.reason == "too_few_temperatures"
        assert c.n_temperatures == 3 and np.isnan(c.p_value)
    notices = dg.diagnose(pv_fit)
    assert "curvature_not_testable" in _codes(notices)
    n = next(n for n in notices if n.code == "curvature_not_testable")
    assert n.category == "design"
    _assert_renders([n])
    assert "curvature_not_testable" not in _codes(dg.diagnose(pv_fit, untestable_notice=False))


def test_curvature_not_applicable_without_temperature_term():
    t, T, y = first_order_data()
    fit = fit_floats(t, T, y, order="first", temperature_model="isothermal")
    c = dg.arrhenius_curvature(fit)
    assert not c.testable and c.reason == "not_applicable"


def test_unknown_curvature_method(pv_fit):
    with pytest.raises(InputError) as exc:
        dg.arrhenius_curvature(pv_fit, method="three_step")
    assert exc.value.code == "option_unknown"


# ---------------------------------------------------------- order per temperature
def test_order_by_temperature_quiet_for_constant_order(pv_fit):
    table = dg.order_by_temperature(pv_fit)
    assert list(table.columns) == [
        "temperature_C",
        "n",
        "aic_zero",
        "aic_first",
        "preferred",
        "delta_aic",
    ]
    assert table["temperature_C"].tolist() == [25.0, 35.0, 45.0]
    assert "order_varies_with_temperature" not in _codes(dg.diagnose(pv_fit))


def test_order_change_with_temperature_is_noticed():
    rng = np.random.default_rng(4)
    t, T, y = [], [], []
    for c, shape in ((25.0, "zero"), (35.0, "zero"), (45.0, "first")):
        for day in np.linspace(0, 60, 9):
            for _ in range(2):
                v = 100 - 1.3 * day if shape == "zero" else 100 * np.exp(-0.05 * day)
                t.append(day)
                T.append(c + 273.15)
                y.append(v + rng.normal(0, 0.5))
    fit = fit_floats(np.array(t), np.array(T), np.array(y), order="first")
    table = dg.order_by_temperature(fit)
    assert table["preferred"].tolist() == ["zero", "zero", "first"]
    notices = dg.diagnose(fit)
    assert "order_varies_with_temperature" in _codes(notices)
    _assert_renders(notices)


# --------------------------------------------------------------- bounds
def test_nth_order_potency_sits_at_the_order_bound(potency_nth):
    # expected.json: the unconstrained order runs negative (k3 = -5.36), AccelStab reports
    # it at exactly 0; our n is bounded at 0 and must sit there.
    i = potency_nth.model.parameter_names.index("order")
    assert potency_nth.model.parameters[i].lower == 0.0
    assert abs(potency_nth.theta[i]) < 1e-6
    notices = dg.parameters_at_bounds(potency_nth)
    assert _codes(notices) == ["parameter_at_bound"]
    assert "order" in notices[0].params["parameter"]
    assert notices[0].params["value"] == 0.0
    assert "parameter_at_bound" in _codes(dg.diagnose(potency_nth))
    _assert_renders(notices)


def test_no_bound_notice_for_interior_estimates(pv_fit):
    assert dg.parameters_at_bounds(pv_fit) == []
    t, T, y = first_order_data()
    nth = fit_floats(t, T, y, order="nth")
    assert 0.5 < nth.parameters["order"].value < 1.5
    assert dg.parameters_at_bounds(nth) == []


# --------------------------------------------------------------- model comparison
def test_compare_models_ranks_the_true_order_first():
    t, T, y = first_order_data(seed=1)
    mc = dg.fit_all(t, T, y)
    table = mc.table
    assert table["order"].iloc[0] == "first"
    assert mc.best.order == "first"
    assert set(table["order"]) == set(dg.ORDERS_ALL) and not mc.skipped
    # ranked by AICc, weights sum to 1, the best has delta 0
    assert np.all(np.diff(table["aicc"].to_numpy()) >= 0)
    assert table["akaike_weight"].sum() == pytest.approx(1.0, abs=1e-12)
    assert table["delta_aicc"].iloc[0] == 0.0
    # the three-parameter rivals of first order are far behind
    same_p = table[table["p"] == 3].set_index("order")["delta_aicc"]
    assert same_p["zero"] > 100 and same_p["second"] > 100
    # rows aligned with the ranked fits
    assert [f.order for f in mc.fits] == list(table["order"])
    assert table.index.name == "rank" and table.index[0] == 1
    # Akaike weights by hand
    d = table["aicc"] - table["aicc"].min()
    np.testing.assert_allclose(
        table["akaike_weight"], np.exp(-d / 2) / np.exp(-d / 2).sum(), rtol=1e-12
    )
    json.dumps(mc.to_dict())


def test_compare_models_of_given_fits(analysis):
    a = analysis["peroxide_value"]
    table = dg.compare_models([*a.alternatives, a.fit])
    assert table["order"].iloc[0] == a.fit.order == "first"
    assert table["fit"].iloc[0] == len(a.alternatives)
    assert table["delta_aic"].iloc[1] == pytest.approx(
        a.alternatives[0].statistics["aic"] - a.fit.statistics["aic"]
    )


def test_compare_models_refuses_fits_of_different_data(analysis):
    with pytest.raises(InputError) as exc:
        dg.compare_models([analysis["peroxide_value"].fit, analysis["moisture"].fit])
    assert exc.value.code == "models_not_comparable"


def test_fit_all_skips_models_that_cannot_be_fitted():
    t, T, y = first_order_data()
    y = y - y.min()  # a zero value: orders that take logarithms cannot be fitted
    mc = dg.fit_all(
        t,
        T,
        y,
        orders=("zero", "first"),
        temperature_models=("arrhenius", "q10", "arrhenius_rh"),
    )
    fitted = {(f.order, f.model.temperature.name) for f in mc.fits}
    assert fitted == {("zero", "arrhenius"), ("zero", "q10")}
    skipped = {(s.order, s.temperature_model): s.code for s in mc.skipped}
    assert skipped[("first", "arrhenius")] == "value_not_positive"
    assert skipped[("zero", "arrhenius_rh")] == "not_identifiable"
    assert all(s.message for s in mc.skipped)
    assert len(mc.table) == 2


def test_isothermal_null_model_loses_to_arrhenius():
    t, T, y = first_order_data()
    mc = dg.fit_all(t, T, y, orders=("first",), temperature_models=("arrhenius", "isothermal"))
    assert list(mc.table["temperature_model"]) == ["arrhenius", "isothermal"]
    assert mc.table["delta_aicc"].iloc[1] > 100


# --------------------------------------------------------------- all together
def test_run_diagnostics_json_and_notice_categories(potency_nth):
    d = dg.run_diagnostics(potency_nth)
    assert d.lack_of_fit is not None  # AccelStab potency has replicate pulls
    out = d.to_dict()
    json.dumps(out)
    assert set(out) >= {"lack_of_fit", "curvature", "residuals", "outliers", "warnings"}
    for n in d.notices:
        assert isinstance(n, Notice)
        assert n.category in ("plausibility", "design", "convergence")
    assert [n.to_dict() for n in d.notices] == out["warnings"]


# --------------------------------------------------------------- plots
@pytest.mark.parametrize("func", [plotting.plot_qq, plotting.plot_studentized])
def test_plots_return_axes_with_units(pv_fit, func):
    ax = func(pv_fit)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert UNIT.search(ax.get_xlabel()) and UNIT.search(ax.get_ylabel())
    _, ax2 = plt.subplots()
    assert func(pv_fit, ax=ax2) is ax2 and ax2.has_data()


def test_plot_labels_in_both_languages(pv_fit):
    ax = plotting.plot_qq(pv_fit)
    assert ax.get_xlabel() == "Standard normal quantile [-]"
    assert ax.get_ylabel() == "Studentised residual [-]"
    ax = plotting.plot_studentized(pv_fit, lang="id")
    assert ax.get_xlabel() == "Nilai dugaan [meq/kg]"
    assert ax.get_ylabel() == "Residual terstudentisasi [-]"
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:3] == ["25 °C", "35 °C", "45 °C"]
    with pytest.raises(InputError):
        plotting.plot_qq(pv_fit, lang="fr")


def test_qq_plot_points_and_reference_line(pv_fit):
    ax = plotting.plot_qq(pv_fit)
    points = [ln for ln in ax.get_lines() if ln.get_linestyle() == "None"]
    assert sum(len(ln.get_xdata()) for ln in points) == pv_fit.statistics["n"]
    assert len({ln.get_marker() for ln in points}) == 3  # one marker per temperature
    ys = np.sort(np.concatenate([ln.get_ydata() for ln in points]))
    np.testing.assert_allclose(ys, np.sort(dg.studentized_residuals(pv_fit)))


def test_studentized_plot_lines_and_outlier_label():
    t, T, y = first_order_data(seed=3)
    y = y.copy()
    y[30] += 12.0
    fit = fit_floats(t, T, y, order="first", rows=np.arange(t.size) + 2)
    ax = plotting.plot_studentized(fit)
    levels = {
        round(float(ln.get_ydata()[0]), 6)
        for ln in ax.get_lines()
        if ln.get_linestyle() != "None" and np.ptp(ln.get_ydata()) == 0
    }
    assert {0.0, 2.0, -2.0, 3.5, -3.5} <= levels
    assert [a.get_text() for a in ax.texts] == ["32"]
